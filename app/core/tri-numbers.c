/* tri-numbers.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/udat.h>

#include "tri-language.h"
#include "tri-numbers.h"

/* Numbers as the versions of a report write them: "1,250", "1 250" and
 * "1 250" are one number; "2.5" and "2,5" another. Shared by the aligner
 * (numbers are its strongest cross-language evidence) and the checks
 * (a number that differs between versions). */

/**
 * tri_number_read:
 * @p: the first digit of a number
 * @out: where its normalised value goes ("1250", "2.5")
 *
 * Reads a number token: digit groups joined by thousands separators
 * ("1,250", "1 250", "1 250") or a decimal point ("2.5", "2,5").
 *
 * Returns: the byte just past it
 */
const char *
tri_number_read (const char *p,
                 GString    *out)
{
  const char *q = p;
  guint group = 0;
  gboolean decimal = FALSE;

  while (g_ascii_isdigit (*q))
    {
      g_string_append_c (out, *q++);
      group++;
    }

  for (;;)
    {
      const char *sep = q;
      gsize sep_len = 0;
      guint digits = 0;

      if (*sep == ',' || *sep == '.' || *sep == ' ' || *sep == '\'')
        sep_len = 1;
      else if (g_str_has_prefix (sep, "\xC2\xA0"))      /* NBSP */
        sep_len = 2;
      else if (g_str_has_prefix (sep, "\xE2\x80\xAF"))  /* narrow NBSP */
        sep_len = 3;
      if (sep_len == 0)
        break;

      while (g_ascii_isdigit (sep[sep_len + digits]))
        digits++;
      if (digits == 0)
        break;

      if (digits == 3 && group <= 3 && !decimal && (group > 0))
        {
          /* a thousands separator */
          g_string_append_len (out, sep + sep_len, 3);
          q = sep + sep_len + 3;
          group = 3;
          continue;
        }

      if ((*sep == ',' || *sep == '.') && !decimal)
        {
          g_string_append_c (out, '.');
          g_string_append_len (out, sep + sep_len, digits);
          q = sep + sep_len + digits;
          decimal = TRUE;
          continue;
        }
      break;
    }

  return q;
}

/* Month names as ICU's calendar data has them, so "March", «марта» and
 * «березня» all mean month 3. */
struct _TriMonths
{
  GHashTable *forms;        /* lower-case form → month, or month + 100 for a wide form */
  GPtrArray  *stems;        /* "берез", index = month - 1 */
  GPtrArray  *next;         /* per month, what follows the stem in the full names, "|"-separated ("ень|ня") */
  gboolean    capitalized;  /* the language writes them with a capital ("May", not «мая») */
};

static TriMonths *
load_months (const char *language)
{
  TriMonths *info = g_new0 (TriMonths, 1);
  g_autofree char *base = tri_language_get_base (language);
  static const UDateFormatSymbolType types[] = {
    UDAT_MONTHS, UDAT_STANDALONE_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_SHORT_MONTHS,
  };
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat *format = udat_open (UDAT_NONE, UDAT_SHORT, base, NULL, 0, NULL, 0, &status);
  char *wide[12][2] = { { NULL } };

  info->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->stems = g_ptr_array_new_with_free_func (g_free);
  info->next = g_ptr_array_new_with_free_func (g_free);
  if (U_FAILURE (status))
    return info;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (int m = 0; m < 12; m++)
      {
        UChar name[64];
        UErrorCode s = U_ZERO_ERROR;
        int32_t len = udat_getSymbols (format, types[t], m, name, G_N_ELEMENTS (name), &s);
        g_autofree char *utf8 = NULL;
        g_autofree char *lower = NULL;
        gsize l;

        if (U_FAILURE (s) || len <= 0)
          continue;
        utf8 = g_utf16_to_utf8 (name, len, NULL, NULL, NULL);
        if (utf8 == NULL)
          continue;
        if (t == 0 && m == 0)
          info->capitalized = g_unichar_isupper (g_utf8_get_char (utf8));
        lower = g_utf8_strdown (utf8, -1);
        l = strlen (lower);
        if (l > 0 && lower[l - 1] == '.')
          lower[l - 1] = '\0';
        /* A wide form wins over a short one of the same spelling ("May"). */
        if (t < 2 || !g_hash_table_contains (info->forms, lower))
          g_hash_table_replace (info->forms, g_strdup (lower), GINT_TO_POINTER (m + 1 + (t < 2 ? 100 : 0)));
        if (t < 2)
          wide[m][t] = g_steal_pointer (&lower);
      }
  udat_close (format);

  /* The stem common to the wide forms, "берез" of «березня»/«березень»,
   * catches the other cases («березні»). */
  for (int m = 0; m < 12; m++)
    {
      char *stem = NULL;

      if (wide[m][0] != NULL && wide[m][1] != NULL)
        {
          const char *a = wide[m][0], *b = wide[m][1];
          gsize n = 0;

          while (a[n] && a[n] == b[n])
            n++;
          /* back to a character boundary */
          while (n > 0 && ((guchar)a[n] & 0xC0) == 0x80)
            n--;
          if (g_utf8_strlen (a, (gssize)n) >= 3)
            stem = g_strndup (a, n);
          /* What follows the stem in each name: "ень" and "ня" after
           * "трав" (травень, травня), so that «травми» is no month. */
          if (stem != NULL)
            g_ptr_array_add (info->next, g_strconcat (a + n, "|", b + n, NULL));
        }
      if (stem == NULL)
        g_ptr_array_add (info->next, NULL);
      g_ptr_array_add (info->stems, stem);
      g_free (wide[m][0]);
      g_free (wide[m][1]);
    }
  return info;
}

G_LOCK_DEFINE_STATIC (months);

/**
 * tri_months_get:
 * @language: a language code
 *
 * The month names of @language, made once per language (from any
 * thread) and kept for the process.
 *
 * Returns: (transfer none): the language's months
 */
TriMonths *
tri_months_get (const char *language)
{
  static GHashTable *by_language;
  TriMonths *info;

  G_LOCK (months);
  if (by_language == NULL)
    by_language = g_hash_table_new (g_str_hash, g_str_equal);
  info = g_hash_table_lookup (by_language, language);
  if (info == NULL)
    {
      info = load_months (language);
      g_hash_table_insert (by_language, g_strdup (language), info);
    }
  G_UNLOCK (months);
  return info;
}

/* Whether @rest, what follows a month's stem, ends one of its cases:
 * @endings are what follows the stem in its names ("ень|ня", "ь|я",
 * "ий|ого"); a case replaces a name's last letter («березні»,
 * «феврале», «марте») or, for a name declined as an adjective (лютий),
 * its ending («лютому»). */
static gboolean
is_month_ending (const char *endings,
                 const char *rest)
{
  static const char * const cases[] = { "", "е", "і", "ю", "у", "ем", "ом", NULL };
  static const char * const adjective[] = { "ого", "ому", "им", "ім", NULL };
  g_auto(GStrv) names = g_strsplit (endings, "|", -1);

  for (guint k = 0; names[k] != NULL; k++)
    {
      const char *name = names[k];
      const char *last = *name != '\0' ? g_utf8_prev_char (name + strlen (name)) : name;
      gsize base = (gsize)(last - name);

      if (g_str_equal (rest, name))
        return TRUE;
      if (g_str_equal (name, "ий") && g_strv_contains (adjective, rest))
        return TRUE;
      for (guint c = 0; cases[c] != NULL; c++)
        if (strncmp (rest, name, base) == 0 && g_str_equal (rest + base, cases[c]) &&
            (base > 0 || cases[c][0] != '\0' || *name == '\0'))
          return TRUE;
    }
  return FALSE;
}

/**
 * tri_months_lookup:
 * @months: a language's months
 * @lower: a word, in lower case
 * @wide_only: only full names ("march", not "mar"), for text where short
 *   forms are ordinary words ("may", "mar")
 *
 * Returns: the month, 1–12, or 0
 */
int
tri_months_lookup (TriMonths  *months,
                   const char *lower,
                   gboolean    wide_only)
{
  int found = GPOINTER_TO_INT (g_hash_table_lookup (months->forms, lower));

  if (found > 100)
    return found - 100;
  if (found > 0 && !wide_only)
    return found;
  for (guint m = 0; m < months->stems->len; m++)
    {
      const char *stem = g_ptr_array_index (months->stems, m);
      const char *rest;

      if (stem == NULL || !g_str_has_prefix (lower, stem))
        continue;
      if (!wide_only)
        return (int)m + 1;

      /* Another case of the name («феврале», «березні», «лютому»), not
       * another word that starts alike («травми», «на березі», «жовті»,
       * «грудної»): what follows the stem is a name's, or a name's with
       * its last letter a case ending's. */
      rest = lower + strlen (stem);
      if (is_month_ending (g_ptr_array_index (months->next, m), rest))
        return (int)m + 1;
    }
  return 0;
}



/* Multipliers written after a number: "10 тысяч" is 10,000, "1,2 млрд"
 * and "1.2 billion" are 1,200,000,000. A short form must be the whole
 * word (млн, bn); a long one may take any ending (тысячами, мільйонів). */
typedef struct
{
  const char *form;
  gboolean    whole;
  double      factor;
} Multiplier;

static const Multiplier multipliers[] = {
  { "thousand", FALSE, 1e3 }, { "million", FALSE, 1e6 }, { "billion", FALSE, 1e9 },
  { "trillion", FALSE, 1e12 }, { "bn", TRUE, 1e9 }, { "mln", TRUE, 1e6 },
  { "тыс", TRUE, 1e3 }, { "тысяч", FALSE, 1e3 }, { "тис", TRUE, 1e3 }, { "тисяч", FALSE, 1e3 },
  { "млн", TRUE, 1e6 }, { "миллион", FALSE, 1e6 }, { "мільйон", FALSE, 1e6 },
  { "млрд", TRUE, 1e9 }, { "миллиард", FALSE, 1e9 }, { "мільярд", FALSE, 1e9 },
  { "трлн", TRUE, 1e12 }, { "триллион", FALSE, 1e12 }, { "трильйон", FALSE, 1e12 },
};

/* The word at @p in lower case, apostrophes as ', and where it ends. */
static char *
lower_word (const char  *p,
            const char  *end,
            const char **word_end)
{
  GString *word = g_string_new (NULL);
  const char *q = p;

  while (q < end && *q != '\0')
    {
      gunichar c = g_utf8_get_char (q);

      if (c == 0x2019 || c == 0x02BC || c == '\'')
        {
          const char *next = g_utf8_next_char (q);

          if (word->len == 0 || next >= end || !g_unichar_isalpha (g_utf8_get_char (next)))
            break;
          g_string_append_c (word, '\'');
        }
      else if (g_unichar_isalpha (c))
        g_string_append_unichar (word, c == 0x0451 || c == 0x0401 ? 0x0435 : g_unichar_tolower (c));  /* ё → е */
      else
        break;
      q = g_utf8_next_char (q);
    }
  *word_end = q;
  return g_string_free (word, FALSE);
}

/* The multiplier a word after a number stands for ("тысяч" 1e3), or 0;
 * @after is set past it (and past the dot of "тыс."). */
static double
read_multiplier (const char  *p,
                 const char  *end,
                 const char **after)
{
  const char *q = p, *word_end;
  g_autofree char *word = NULL;

  /* One space (or a no-break one) between the number and the word. */
  if (*q == ' ')
    q++;
  else if (g_str_has_prefix (q, "\xC2\xA0"))
    q += 2;
  else
    return 0;
  word = lower_word (q, end, &word_end);
  for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
    if (multipliers[i].whole ? g_str_equal (word, multipliers[i].form)
                             : g_str_has_prefix (word, multipliers[i].form))
      {
        *after = word_end < end && *word_end == '.' && multipliers[i].whole ? word_end + 1 : word_end;
        return multipliers[i].factor;
      }
  return 0;
}

/* @value times @factor, written as numbers are ("10000", "1.5"). */
static char *
multiply (const char *value,
          double      factor)
{
  double v = g_ascii_strtod (value, NULL) * factor;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (v < 1e18 && v == (double)(gint64)v)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)v);
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, v));
}


/* Letters that may follow a number's digits and leave it a number: a
 * unit (3mm, 85mph, 70km/h, 600Mbit/s), an ordinal's ending (16th, 1,000th), a
 * decade's s (1880s), the x of a size (20x16), the hours of a clock
 * (1pm). Returns their length in bytes, or 0. */
static gsize
unit_suffix (const char *q,
             const char *end)
{
  static const char * const suffixes[] = {
    "mph", "km", "cm", "mm", "kg", "mg", "ml", "kw", "mw", "gw", "gb", "mb", "th", "st", "nd", "rd",
    "pm", "am", "m", "g", "l", "s", "x", "h",
    /* data, frequencies, durations and pence as product pages and forums
     * glue them (600Mbit/s, 2.4Ghz, 30GBs, 6hrs, 99p) */
    "kb", "tb", "gbs", "mbs", "kbit", "mbit", "gbit", "kbps", "mbps", "gbps", "hz", "khz", "mhz", "ghz",
    "hr", "hrs", "min", "mins", "sec", "secs", "lb", "lbs", "ft", "p",
  };
  gsize n = 0;

  while (q + n < end && g_ascii_isalpha (q[n]))
    n++;
  if (n == 0)
    {
      /* х or × (Cyrillic) between the numbers of a size */
      if (g_str_has_prefix (q, "\xD1\x85") || g_str_has_prefix (q, "\xC3\x97"))
        return g_ascii_isdigit (q[2]) ? 2 : 0;
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strlen (suffixes[i]) == n && g_ascii_strncasecmp (q, suffixes[i], n) == 0)
      return n;
  return 0;
}

/* Whether @p (a digit) follows a size's x right after a digit (20x16). */
static gboolean
after_times (const char *text,
             const char *p)
{
  const char *x = g_utf8_prev_char (p);
  gunichar c = g_utf8_get_char (x);

  return (c == 'x' || c == 0x0445 || c == 0x00D7) && x > text && g_ascii_isdigit (x[-1]);
}

/* 3.50 is 3.5, 12.00 is 12. */
static void
trim_decimal_zeros (GString *value)
{
  if (strchr (value->str, '.') == NULL)
    return;
  while (value->len > 0 && value->str[value->len - 1] == '0')
    g_string_truncate (value, value->len - 1);
  if (value->len > 0 && value->str[value->len - 1] == '.')
    g_string_truncate (value, value->len - 1);
}

/* An hour of the twelve-hour clock written with pm (10:08 p.m., 11:35
 * pm, 1pm) as the 24-hour clock's (22, 23, 13). */
static void
twelve_hour (const char *q,
             const char *end,
             GString    *value)
{
  int hour = atoi (value->str);

  if (strchr (value->str, '.') != NULL || hour < 1 || hour > 11)
    return;
  if (q + 3 <= end && q[0] == ':' && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]))
    q += 3;
  if (q < end && *q == ' ')
    q++;
  if (g_ascii_strncasecmp (q, "pm", 2) == 0 || g_ascii_strncasecmp (q, "p.m.", 4) == 0)
    {
      g_string_truncate (value, 0);
      g_string_append_printf (value, "%d", hour + 12);
    }
}

/* Whether @q (spaces skipped) starts with one of @words, each a word of
 * its own: its length in bytes, spaces included, or 0. */
static gsize
word_follows (const char         *q,
              const char         *end,
              const char * const *words)
{
  const char *p = q;

  while (p < end && *p == ' ')
    p++;
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);

      if (p + n <= end && g_ascii_strncasecmp (p, words[i], n) == 0 &&
          (p + n == end || !g_unichar_isalnum (g_utf8_get_char (p + n))))
        return (gsize)(p + n - q);
    }
  return 0;
}

/* A time of day at @p: 8:30 p.m., 8:30 вечера, 20:30, 15.00 UTC, 5.30pm,
 * 1200 GMT; as the 24-hour clock's hour, and its minutes unless none
 * ("20:30", "12"), so that 12:00 = 1200 GMT = «12 годині». Returns the
 * end of the time (with its am or pm), or NULL when there is none. */
static const char *
read_clock (const char *p,
            const char *end,
            GString    *value)
{
  static const char * const pm[] = { "p.m.", "pm", "вечера", "вечора", NULL };
  static const char * const am[] = { "a.m.", "am", NULL };
  static const char * const zones[] = { "UTC", "GMT", NULL };
  const char *q = p;
  int hour = 0, minutes;
  char sep = 0;
  gsize after;

  while (q < end && g_ascii_isdigit (*q) && q - p < 4)
    hour = hour * 10 + (*q++ - '0');
  if (q < end && g_ascii_isdigit (*q))
    return NULL;
  if (q - p == 4)
    {
      /* 1200 GMT */
      if (word_follows (q, end, zones) == 0)
        return NULL;
      minutes = hour % 100;
      hour /= 100;
    }
  else
    {
      if (q - p > 2 || q + 3 > end || (*q != ':' && *q != '.') ||
          !g_ascii_isdigit (q[1]) || !g_ascii_isdigit (q[2]) ||
          (q + 3 < end && (g_ascii_isdigit (q[3]) || ((q[3] == '.' || q[3] == ',' || q[3] == ':') &&
                                                      q + 4 < end && g_ascii_isdigit (q[4])))))
        return NULL;
      sep = *q;
      minutes = (q[1] - '0') * 10 + (q[2] - '0');
      q += 3;
    }
  if (hour > 24 || minutes > 59)
    return NULL;
  if ((after = word_follows (q, end, pm)) > 0)
    {
      if (hour < 1 || hour > 12)
        return NULL;
      hour = hour % 12 + 12;
    }
  else if ((after = word_follows (q, end, am)) > 0)
    hour %= 12;
  /* 15.00 is a time only with a zone or am/pm after it; else a decimal. */
  else if (sep == '.' && word_follows (q, end, zones) == 0)
    return NULL;
  g_string_truncate (value, 0);
  if (minutes == 0)
    g_string_append_printf (value, "%d", hour);
  else
    g_string_append_printf (value, "%d:%02d", hour, minutes);
  return q + after;
}

/* Whether the word at @p opens a sentence: nothing but spaces and
 * opening marks between it and the text's start or a sentence's end. */
static gboolean
starts_sentence (const char *text,
                 const char *p)
{
  while (p > text)
    {
      gunichar c;

      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (c == '.' || c == '!' || c == '?' || c == 0x2026 || c == '\n')
        return TRUE;
      if (!g_unichar_isspace (c) && c != '"' && c != '\'' && c != '(' && c != 0x201C && c != 0x2018 &&
          c != 0x00AB && c != 0x201E && c != 0x2014 && c != 0x2013 && c != '-')
        return FALSE;
    }
  return TRUE;
}

/* Whether a figure follows @q after spaces, before @end. */
static gboolean
number_follows (const char *q,
                const char *end)
{
  while (q < end && (*q == ' ' || *q == ','))
    q++;
  return q < end && g_ascii_isdigit (*q);
}

/* Whether a century's word follows @q, after white space and perhaps a
 * range's dash and second figure (X веке, X–XI вв., X століття). */
static gboolean
century_follows (const char *q,
                 const char *end)
{
  static const char * const words[] = { "век", "вв", "в.", "столітт", "ст.", "сторіч" };

  while (q < end && (*q == ' ' || g_str_has_prefix (q, "\xC2\xA0")))
    q += *q == ' ' ? 1 : 2;
  /* a range: the dash and the second figure */
  if (q < end && (*q == '-' || g_str_has_prefix (q, "\xE2\x80\x93") || g_str_has_prefix (q, "\xE2\x80\x94")))
    {
      q += *q == '-' ? 1 : 3;
      while (q < end && g_unichar_isalpha (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      while (q < end && (*q == ' ' || g_str_has_prefix (q, "\xC2\xA0")))
        q += *q == ' ' ? 1 : 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      /* «вв» as a word of its own, not the start of «ввели» */
      if ((gsize)(end - q) >= n && strncmp (q, words[i], n) == 0 &&
          (i != 1 || q + n >= end || !g_unichar_isalpha (g_utf8_get_char (q + n))))
        return TRUE;
    }
  return FALSE;
}

/* The value of a Roman figure written the standard way (XVI, XIX, IV),
 * of the letters I V X L C only, or 0. */
static guint
read_roman (const char *p,
            const char *end)
{
  static const struct { const char *figure; guint value; } parts[] = {
    { "C", 100 }, { "XC", 90 }, { "L", 50 }, { "XL", 40 }, { "X", 10 }, { "IX", 9 }, { "V", 5 }, { "IV", 4 }, { "I", 1 },
  };
  g_autofree char *word = NULL;
  GString *again = g_string_new (NULL);
  guint value = 0, rest;

  /* Cyrillic letters that look Roman (Єлізавети ІІ, ХІХ століття). */
  {
    GString *latin = g_string_new (NULL);

    for (const char *q = p; q < end; q = g_utf8_next_char (q))
      {
        gunichar c = g_utf8_get_char (q);

        g_string_append_unichar (latin, c == 0x0406 ? 'I' : c == 0x0425 ? 'X' : c == 0x0421 ? 'C' : c);
      }
    word = g_string_free (latin, FALSE);
  }

  for (const char *q = word; *q != '\0'; q++)
    if (strchr ("IVXLC", *q) == NULL)
      {
        g_string_free (again, TRUE);
        return 0;
      }
  /* Read greedily, then write the value back: only the standard
   * spelling gives the same letters. */
  for (const char *q = word; *q != '\0';)
    {
      guint k;

      for (k = 0; k < G_N_ELEMENTS (parts); k++)
        if (g_str_has_prefix (q, parts[k].figure))
          break;
      if (k >= G_N_ELEMENTS (parts))
        break;
      value += parts[k].value;
      q += strlen (parts[k].figure);
    }
  for (rest = value, value = 0; rest > 0;)
    for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
      if (parts[k].value <= rest)
        {
          g_string_append (again, parts[k].figure);
          rest -= parts[k].value;
          value += parts[k].value;
          break;
        }
  if (!g_str_equal (again->str, word))
    value = 0;
  g_string_free (again, TRUE);
  return value;
}

/**
 * tri_numbers_find:
 * @text: UTF-8 text
 * @start: where to look from, in bytes
 * @end: where to stop
 * @months: (nullable): the text's month names, to count a month named in
 *   full ("February", «феврале», «лютому») as a number ("M2")
 *
 * Returns: (transfer full) (element-type TriNumber): the numbers of
 *   text[@start, @end), in order; free with tri_numbers_free()
 */
GArray *
tri_numbers_find (const char *text,
                  gsize       start,
                  gsize       end,
                  TriMonths  *months)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (TriNumber));
  g_autoptr(GString) value = g_string_new (NULL);
  const char *p = text + start;

  while (p < text + end && *p != '\0')
    {
      /* A number starts at a digit that does not go on a word (A4, 5G),
       * or after the x of a size (20x16). */
      if (g_ascii_isdigit (*p) &&
          (p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))) || after_times (text, p)))
        {
          TriNumber number;
          const char *q;
          gsize suffix;

          if (p == text || (p[-1] != ':' && p[-1] != '.'))
            {
              q = read_clock (p, text + end, value);
              if (q != NULL)
                {
                  TriNumber clock = { (gsize)(p - text), (gsize)(q - text), g_strdup (value->str) };

                  g_array_append_val (numbers, clock);
                  p = q;
                  continue;
                }
            }
          g_string_truncate (value, 0);
          q = tri_number_read (p, value);
          if (q > text + end)
            break;
          trim_decimal_zeros (value);
          /* £75m, $1.2bn: a multiplier glued to a sum. */
          {
            gunichar sign = p > text ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
            double factor = 0;
            gsize length = 0;

            if (sign == 0x00A3 || sign == 0x20AC || sign == '$')
              {
                if (*q == 'm')
                  factor = 1e6, length = 1;
                else if (g_str_has_prefix (q, "bn"))
                  factor = 1e9, length = 2;
                else if (*q == 'k')
                  factor = 1e3, length = 1;
              }
            if (factor > 0 && q + length <= text + end && !g_unichar_isalpha (g_utf8_get_char (q + length)))
              {
                TriNumber sum = { (gsize)(p - text), (gsize)(q + length - text), multiply (value->str, factor) };

                g_array_append_val (numbers, sum);
                p = q + length;
                continue;
              }
          }
          suffix = unit_suffix (q, text + end);
          if (!g_unichar_isalpha (g_utf8_get_char (q)) || suffix > 0)
            {
              const char *after = q;
              double factor = read_multiplier (q, text + end, &after);

              /* 10:08 p.m., 11:35 pm, 1pm: the 24-hour clock's hour. */
              if (p == text || p[-1] != ':')
                twelve_hour (q, text + end, value);

              number.start = (gsize)(p - text);
              number.end = (gsize)((factor > 0 ? after : q) - text);
              number.value = factor > 0 ? multiply (value->str, factor) : g_strdup (value->str);
              g_array_append_val (numbers, number);
              if (factor > 0)
                q = after;
            }
          p = q;
          continue;
        }

      /* A word: a month's full name counts as a number. */
      if (months != NULL && g_unichar_isalpha (g_utf8_get_char (p)) &&
          (p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)))))
        {
          const char *q = p;
          int month;

          while (q < text + end && g_unichar_isalpha (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          {
            g_autofree char *lower = g_utf8_strdown (p, q - p);

            /* "may" is no month in English; "May" is — but not where
             * every word has a capital, at a sentence's start ("May God
             * be with them"), unless a number goes with it ("May 9"). */
            month = g_utf8_strlen (lower, -1) >= 3 &&
                    (!months->capitalized || g_unichar_isupper (g_utf8_get_char (p)))
                    ? tri_months_lookup (months, lower, TRUE) : 0;
            if (month > 0 && months->capitalized && starts_sentence (text, p) && !number_follows (q, text + end))
              month = 0;
          }
          if (month > 0)
            {
              TriNumber number = { (gsize)(p - text), (gsize)(q - text), g_strdup_printf ("M%d", month) };

              g_array_append_val (numbers, number);
            }
          /* A century or a ruler in Roman figures: XVI веке = 16th
           * century (two letters or more: "I", «І», «С» are words; one
           * when a century follows: X веке, X–XI вв.). */
          else if ((g_utf8_strlen (p, q - p) >= 2 || century_follows (q, text + end)) && read_roman (p, q) > 0)
            {
              TriNumber number = { (gsize)(p - text), (gsize)(q - text), g_strdup_printf ("%u", read_roman (p, q)) };

              g_array_append_val (numbers, number);
            }
          p = q;
          continue;
        }
      p = g_utf8_next_char (p);
    }
  return numbers;
}


/* Numbers written in words, English, Russian and Ukrainian: a word's
 * forms (lower case, ё as е) and its value. Read only to tell that a
 * version has a number the others write in figures ("ten" = 10 =
 * «десять», «четырёхмесячные» = 4-month-old), never to report one. */
static const struct
{
  const char *forms;
  guint       value;
} number_words[] = {
  { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
  { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 },
  { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 },
  { "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 },
  { "fifty", 50 }, { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
  { "hundred", 100 }, { "dozen", 12 },
  { "один одна одно одного одной одному одним одном одну", 1 },
  { "два две двух двум двумя", 2 }, { "три трех трем тремя", 3 },
  { "четыре четырех четырем четырьмя", 4 }, { "пять пяти пятью", 5 }, { "шесть шести шестью", 6 },
  { "семь семи", 7 }, { "восемь восьми восемью", 8 }, { "девять девяти девятью", 9 },
  { "десять десяти десятью", 10 }, { "одиннадцать одиннадцати", 11 }, { "двенадцать двенадцати", 12 },
  { "тринадцать тринадцати", 13 }, { "четырнадцать четырнадцати", 14 }, { "пятнадцать пятнадцати", 15 },
  { "шестнадцать шестнадцати", 16 }, { "семнадцать семнадцати", 17 }, { "восемнадцать восемнадцати", 18 },
  { "девятнадцать девятнадцати", 19 }, { "двадцать двадцати", 20 }, { "тридцать тридцати", 30 },
  { "сорок сорока", 40 }, { "пятьдесят пятидесяти", 50 }, { "шестьдесят шестидесяти", 60 },
  { "семьдесят семидесяти", 70 }, { "восемьдесят восьмидесяти", 80 }, { "девяносто девяноста", 90 },
  { "сто ста", 100 }, { "дюжина дюжины", 12 },
  { "одне одній", 1 }, { "дві двох двом двома", 2 }, { "трьох трьом трьома", 3 },
  { "чотири чотирьох чотирьом чотирма", 4 }, { "п'ять п'яти п'ятьма", 5 }, { "шість шістьох", 6 },
  { "сім сімох", 7 }, { "вісім вісьмох", 8 }, { "дев'ять дев'яти", 9 },
  { "одинадцять одинадцяти", 11 }, { "дванадцять дванадцяти", 12 }, { "тринадцять тринадцяти", 13 },
  { "чотирнадцять чотирнадцяти", 14 }, { "п'ятнадцять п'ятнадцяти", 15 }, { "шістнадцять шістнадцяти", 16 },
  { "сімнадцять сімнадцяти", 17 }, { "вісімнадцять вісімнадцяти", 18 }, { "дев'ятнадцять дев'ятнадцяти", 19 },
  { "двадцять двадцяти", 20 }, { "тридцять тридцяти", 30 }, { "сорока", 40 }, { "п'ятдесят п'ятдесяти", 50 }, { "шістдесят шістдесяти", 60 },
  { "сімдесят сімдесяти", 70 }, { "вісімдесят вісімдесяти", 80 }, { "дев'яносто", 90 },
};

/* The first halves of compounds: «четырёхмесячные», «п'ятирічний». */
static const struct
{
  const char *prefix;
  guint       value;
} number_prefixes[] = {
  { "двух", 2 }, { "трех", 3 }, { "четырех", 4 }, { "пяти", 5 }, { "шести", 6 }, { "семи", 7 },
  { "восьми", 8 }, { "девяти", 9 }, { "десяти", 10 }, { "двох", 2 }, { "трьох", 3 }, { "чотирьох", 4 },
  { "п'яти", 5 }, { "дев'яти", 9 }, { "чотири", 4 },
  /* восемнадцатилетний, вісімнадцятирічний, двадцатипятилетний */
  { "одиннадцати", 11 }, { "двенадцати", 12 }, { "тринадцати", 13 }, { "четырнадцати", 14 },
  { "пятнадцати", 15 }, { "шестнадцати", 16 }, { "семнадцати", 17 }, { "восемнадцати", 18 },
  { "девятнадцати", 19 }, { "двадцати", 20 }, { "тридцати", 30 }, { "сорока", 40 },
  { "пятидесяти", 50 }, { "шестидесяти", 60 }, { "семидесяти", 70 }, { "восьмидесяти", 80 },
  { "девяноста", 90 },
  { "одинадцяти", 11 }, { "дванадцяти", 12 }, { "тринадцяти", 13 }, { "чотирнадцяти", 14 },
  { "п'ятнадцяти", 15 }, { "шістнадцяти", 16 }, { "сімнадцяти", 17 }, { "вісімнадцяти", 18 },
  { "дев'ятнадцяти", 19 }, { "двадцяти", 20 }, { "тридцяти", 30 }, { "п'ятдесяти", 50 },
  { "шістдесяти", 60 }, { "сімдесяти", 70 }, { "вісімдесяти", 80 }, { "дев'яноста", 90 },
};

/* Ordinals in words: "twelfth", «второй», «двенадцатом», «другої»: the
 * stem, then an adjective's ending (a vowel, ь, й, up to four letters). */
static guint
read_ordinal (const char *word)
{
  static const char * const english[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", NULL,
  };
  static const struct { const char *stem; guint value; } stems[] = {
    { "перв", 1 }, { "втор", 2 }, { "трет", 3 }, { "четверт", 4 }, { "пят", 5 }, { "шест", 6 },
    { "седьм", 7 }, { "восьм", 8 }, { "девят", 9 }, { "десят", 10 }, { "одиннадцат", 11 },
    { "двенадцат", 12 }, { "тринадцат", 13 }, { "четырнадцат", 14 }, { "пятнадцат", 15 },
    { "шестнадцат", 16 }, { "семнадцат", 17 }, { "восемнадцат", 18 }, { "девятнадцат", 19 },
    { "двадцат", 20 },
    { "перш", 1 }, { "друг", 2 }, { "п'ят", 5 }, { "шост", 6 }, { "сьом", 7 }, { "дев'ят", 9 },
    { "одинадцят", 11 }, { "дванадцят", 12 }, { "тринадцят", 13 }, { "чотирнадцят", 14 },
    { "п'ятнадцят", 15 }, { "шістнадцят", 16 }, { "сімнадцят", 17 }, { "вісімнадцят", 18 },
    { "дев'ятнадцят", 19 }, { "двадцят", 20 },
  };
  guint value = 0;
  gsize longest = 0;

  for (guint k = 0; english[k] != NULL; k++)
    if (g_str_equal (word, english[k]))
      return k + 1;
  for (guint k = 0; k < G_N_ELEMENTS (stems); k++)
    if (g_str_has_prefix (word, stems[k].stem) && strlen (stems[k].stem) > longest)
      {
        const char *rest = word + strlen (stems[k].stem);
        glong n = g_utf8_strlen (rest, -1);

        if (n >= 1 && n <= 4 && g_utf8_strchr ("аеиоуыэюяіїєьй", -1, g_utf8_get_char (rest)) != NULL)
          {
            value = stems[k].value;
            longest = strlen (stems[k].stem);
          }
      }
  return value;
}

/* The value of the longest first half of a compound @word starts with
 * («семидесятилетний» is 70, not 7), its length in @length; 0 when
 * none, or when too little follows it to be a compound. */
static guint
read_prefix (const char *word,
             gsize      *length)
{
  guint value = 0;

  *length = 0;
  for (guint i = 0; i < G_N_ELEMENTS (number_prefixes); i++)
    if (g_str_has_prefix (word, number_prefixes[i].prefix) &&
        strlen (number_prefixes[i].prefix) > *length &&
        strlen (word) >= strlen (number_prefixes[i].prefix) + 6)
      {
        value = number_prefixes[i].value;
        *length = strlen (number_prefixes[i].prefix);
      }
  return value;
}

static GHashTable *
number_words_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
        {
          g_auto(GStrv) forms = g_strsplit (number_words[i].forms, " ", -1);

          for (guint k = 0; forms[k] != NULL; k++)
            g_hash_table_insert (t, g_strdup (forms[k]), GUINT_TO_POINTER (number_words[i].value));
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

/**
 * tri_numbers_find_words:
 * @text: UTF-8 text
 * @start: where to look from, in bytes
 * @end: where to stop
 *
 * Numbers written in words in English, Russian or Ukrainian ("ten",
 * «десять», «четырёхмесячные», «один мільйон»), with a multiplier after
 * them, or a multiplier alone ("a million"). They tell that a version
 * has a number another writes in figures.
 *
 * Returns: (transfer full) (element-type TriNumber): the numbers, in
 *   order; free with tri_numbers_free()
 */
GArray *
tri_numbers_find_words (const char *text,
                        gsize       start,
                        gsize       end)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (TriNumber));
  GHashTable *table = number_words_table ();
  const char *p = text + start, *stop = text + end;

  while (p < stop && *p != '\0')
    {
      const char *q;
      g_autofree char *word = NULL;
      guint value = 0;
      double factor = 0;

      if (!g_unichar_isalpha (g_utf8_get_char (p)) ||
          (p > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)))))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      word = lower_word (p, stop, &q);
      value = GPOINTER_TO_UINT (g_hash_table_lookup (table, word));
      if (value == 0)
        value = read_ordinal (word);
      if (value == 0)
        {
          gsize longest = 0;

          value = read_prefix (word, &longest);
          /* Tens and units: «двадцатипятилетний» is 25. */
          if (value >= 20 && value % 10 == 0)
            {
              gsize more = 0;
              guint units = read_prefix (word + longest, &more);

              if (units > 0 && units < 10)
                value += units;
            }
        }
      if (value == 0)
        {
          /* A multiplier alone: "a million", «мільйон». */
          g_autofree char *spaced = g_strconcat (" ", word, NULL);
          const char *after;

          factor = read_multiplier (spaced, spaced + strlen (spaced), &after);
          if (factor >= 1e6)
            value = 1;
          else
            factor = 0;
        }
      else
        {
          const char *after = q;
          double f = read_multiplier (q, stop, &after);

          if (f > 0)
            {
              factor = f;
              q = after;
            }
        }
      if (value > 0)
        {
          TriNumber number = { (gsize)(p - text), (gsize)(q - text), NULL };
          char digits[16];

          g_snprintf (digits, sizeof digits, "%u", value);
          number.value = factor > 0 ? multiply (digits, factor) : g_strdup (digits);
          g_array_append_val (numbers, number);
        }
      p = q > p ? q : g_utf8_next_char (p);
    }
  return numbers;
}

/**
 * tri_numbers_free:
 * @numbers: (element-type TriNumber): numbers from tri_numbers_find()
 */
void
tri_numbers_free (GArray *numbers)
{
  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    g_free (g_array_index (numbers, TriNumber, i).value);
  if (numbers != NULL)
    g_array_unref (numbers);
}

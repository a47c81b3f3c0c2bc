/* tri-numbers.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
  GPtrArray  *next;         /* per month, the letters that follow the stem in the full names */
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
          /* What follows the stem in each name: "н" after "трав" (травня,
           * травень), so that «травми» is no month. */
          if (stem != NULL)
            {
              GString *next = g_string_new (NULL);

              for (guint k = 0; k < 2; k++)
                if (wide[m][k][n] != '\0')
                  g_string_append_unichar (next, g_utf8_get_char (wide[m][k] + n));
              g_ptr_array_add (info->next, g_string_free (next, FALSE));
            }
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
      gunichar after;

      if (stem == NULL || !g_str_has_prefix (lower, stem))
        continue;
      if (!wide_only)
        return (int)m + 1;

      /* Another case of the name («феврале», «лютому»), not another word
       * that starts alike («травми»): a few letters after a long stem;
       * after a short one, the letter the names have there, or a case
       * ending's (е, і, у, ю). */
      rest = lower + strlen (stem);
      if (g_utf8_strlen (rest, -1) > 3)
        continue;
      after = g_utf8_get_char (rest);
      if (g_utf8_strlen (stem, -1) >= 5 || after == 0 ||
          g_utf8_strchr (g_ptr_array_index (months->next, m), -1, after) != NULL ||
          after == 0x0435 || after == 0x0456 || after == 0x0443 || after == 0x044E)
        return (int)m + 1;
    }
  return 0;
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
      /* A number starts at a digit that does not go on a word (A4, 5G). */
      if (g_ascii_isdigit (*p) &&
          (p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)))))
        {
          TriNumber number;
          const char *q;

          g_string_truncate (value, 0);
          q = tri_number_read (p, value);
          if (q > text + end)
            break;
          if (!g_unichar_isalpha (g_utf8_get_char (q)))
            {
              number.start = (gsize)(p - text);
              number.end = (gsize)(q - text);
              number.value = g_strdup (value->str);
              g_array_append_val (numbers, number);
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

            /* "may" is no month in English; "May" is. */
            month = g_utf8_strlen (lower, -1) >= 3 &&
                    (!months->capitalized || g_unichar_isupper (g_utf8_get_char (p)))
                    ? tri_months_lookup (months, lower, TRUE) : 0;
          }
          if (month > 0)
            {
              TriNumber number = { (gsize)(p - text), (gsize)(q - text), g_strdup_printf ("M%d", month) };

              g_array_append_val (numbers, number);
            }
          p = q;
          continue;
        }
      p = g_utf8_next_char (p);
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

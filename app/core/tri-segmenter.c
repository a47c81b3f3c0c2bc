/* tri-segmenter.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-segmenter"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "tri-core.h"
#include "tri-language.h"
#include "tri-segmenter.h"

/* Sentence segmentation is ICU's sentence break iterator followed by our own
 * pass over its boundaries. ICU 72's abbreviation suppression does nothing
 * for Ukrainian, knows 18 Russian abbreviations, never suppresses entries with
 * an inner period (U.S., т. е.) and matches by suffix, so "гул." counts as
 * "ул." (research/limits.md §1). The pass below works on whole tokens:
 *
 *  - a boundary after a known abbreviation ("Mr.", "т. е.", "ст.") is removed;
 *  - after an abbreviation that often ends a sentence ("г." after a year,
 *    "млрд долл."), after initials ("В. В. Путин", "J. R. R.") and dotted
 *    acronyms ("U.S."), it is removed unless the next word is one that
 *    typically starts a sentence ("The", "Однако", "Потім");
 *  - a boundary after "?" or "!" is removed when the text goes on in lower
 *    case («Когда?» — спросил он; "Why?" he asked);
 *  - a boundary is added after "…" (U+2026, which ICU does not treat as a
 *    terminator) when a capital follows;
 *  - a boundary is added at a dash after a terminator before a capital (a
 *    list item run on in the paragraph), or after it when it closes a
 *    quotation's attribution (dash_boundary());
 *  - a line break inside a paragraph is a boundary after a line without
 *    final punctuation (a headline, a byline, a table row) unless the
 *    document is hard wrapped (is_hard_wrapped(), line_end_boundary()).
 *
 * The lists are data: resources/abbreviations/<lang>.txt, extended by the
 * user's file of the same name in ~/.config/triptych/abbreviations/. */

typedef enum
{
  RULE_ABBREVIATION = 1,  /* never ends a sentence */
  RULE_AMBIGUOUS,         /* may end a sentence */
  RULE_NUMBERING,         /* "No. 5", "ст. 51": goes on only before a number */
  RULE_DATE,              /* "1991 г.": after a number, ends a sentence unless fronted */
  RULE_FINAL,             /* "etc.", "и т. д.": ends a sentence before a capital */
  RULE_STARTER,           /* a word that typically starts a sentence */
} RuleKind;

static const struct {
  const char *section;
  RuleKind    kind;
} sections[] = {
  { "[abbreviations]", RULE_ABBREVIATION },
  { "[ambiguous]", RULE_AMBIGUOUS },
  { "[numbering]", RULE_NUMBERING },
  { "[dates]", RULE_DATE },
  { "[final]", RULE_FINAL },
  { "[starters]", RULE_STARTER },
};

struct _TriSegmenter
{
  GObject     parent_instance;

  char       *language;
  char       *icu_locale;
  /* casefolded abbreviation ("т. е.") or starter word → RuleKind */
  GHashTable *abbreviations;
  GHashTable *starters;
  guint       max_tokens;
};

G_DEFINE_FINAL_TYPE (TriSegmenter, tri_segmenter, G_TYPE_OBJECT)

static void
tri_segmenter_finalize (GObject *object)
{
  TriSegmenter *self = (TriSegmenter *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->icu_locale, g_free);
  g_clear_pointer (&self->abbreviations, g_hash_table_unref);
  g_clear_pointer (&self->starters, g_hash_table_unref);

  G_OBJECT_CLASS (tri_segmenter_parent_class)->finalize (object);
}

static void
tri_segmenter_class_init (TriSegmenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_segmenter_finalize;
}

static void
tri_segmenter_init (TriSegmenter *self)
{
  self->abbreviations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->starters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_tokens = 1;
}

/* "т.  е." → "т. е.", casefolded, so that lookups ignore case and spacing. */
static char *
fold_key (const char *text,
          gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (text, length);
  GString *key = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, ch);
    }

  return g_string_free (key, FALSE);
}

static guint
count_tokens (const char *key)
{
  guint n = 1;

  for (const char *p = key; *p; p++)
    if (*p == ' ')
      n++;

  return n;
}

/* The rule files are plain text in sections (see sections[] above), one
 * entry a line, "#" starting a comment. */
static void
add_rules (TriSegmenter *self,
           const char   *rules)
{
  g_auto(GStrv) lines = g_strsplit (rules, "\n", -1);
  RuleKind kind = RULE_ABBREVIATION;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      char *hash;

      if ((hash = strchr (line, '#')) != NULL)
        {
          *hash = '\0';
          g_strstrip (line);
        }

      if (line[0] == '\0' || !g_utf8_validate (line, -1, NULL))
        continue;

      if (line[0] == '[')
        {
          guint k;

          for (k = 0; k < G_N_ELEMENTS (sections); k++)
            if (g_str_equal (line, sections[k].section))
              break;
          if (k < G_N_ELEMENTS (sections))
            kind = sections[k].kind;
          else
            g_debug ("Unknown section %s in the %s segmentation rules", line, self->language);
        }
      else if (kind == RULE_STARTER)
        g_hash_table_replace (self->starters, fold_key (line, -1), GUINT_TO_POINTER (kind));
      else
        {
          char *key = fold_key (line, -1);

          self->max_tokens = MAX (self->max_tokens, count_tokens (key));
          g_hash_table_replace (self->abbreviations, key, GUINT_TO_POINTER (kind));
        }
    }
}

/**
 * tri_segmenter_user_rules_path:
 * @language: a language code
 *
 * Returns: (transfer full): the file in which the user adds abbreviations
 *   for @language: `$XDG_CONFIG_HOME/triptych/abbreviations/LANG.txt`
 */
char *
tri_segmenter_user_rules_path (const char *language)
{
  g_autofree char *base = tri_language_get_base (language);
  g_autofree char *file = g_strdup_printf ("%s.txt", base);

  return g_build_filename (g_get_user_config_dir (), "triptych", "abbreviations", file, NULL);
}

static TriSegmenter *
segmenter_new (const char *language)
{
  TriSegmenter *self = g_object_new (TRI_TYPE_SEGMENTER, NULL);
  g_autofree char *base = tri_language_get_base (language);

  self->language = g_strdup (language);
  self->icu_locale = g_strdup (base);

  return self;
}

/**
 * tri_segmenter_new_with_rules:
 * @language: a language code such as "en", "ru" or "uk"
 * @rules: the rules, in the format of resources/abbreviations/LANG.txt
 *
 * A segmenter with exactly @rules, and neither the built-in nor the user's.
 *
 * Returns: (transfer full): a new #TriSegmenter
 */
TriSegmenter *
tri_segmenter_new_with_rules (const char *language,
                              const char *rules)
{
  TriSegmenter *self;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  self = segmenter_new (language);
  add_rules (self, rules);

  return self;
}

/**
 * tri_segmenter_new:
 * @language: a language code such as "en", "ru" or "uk"
 *
 * A segmenter with the built-in rules for @language (if Triptych has any)
 * and the user's additions.
 *
 * Returns: (transfer full): a new #TriSegmenter
 */
TriSegmenter *
tri_segmenter_new (const char *language)
{
  TriSegmenter *self;
  g_autofree char *base = NULL;
  g_autofree char *resource = NULL;
  g_autofree char *user_path = NULL;
  g_autofree char *user_rules = NULL;
  g_autoptr(GBytes) builtin = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  tri_core_init ();

  self = segmenter_new (language);
  base = tri_language_get_base (language);

  resource = g_strdup_printf (RESOURCE_BASE "/abbreviations/%s.txt", base);
  builtin = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (builtin != NULL)
    add_rules (self, g_bytes_get_data (builtin, NULL));

  user_path = tri_segmenter_user_rules_path (language);
  if (g_file_get_contents (user_path, &user_rules, NULL, NULL))
    add_rules (self, user_rules);

  return self;
}

G_LOCK_DEFINE_STATIC (segmenters);
static GHashTable *segmenters;

/**
 * tri_segmenter_get_for_language:
 * @language: a language code
 *
 * The shared segmenter for @language, made on first use. Safe to call from
 * any thread: a segmenter never changes once made.
 *
 * Returns: (transfer none): a #TriSegmenter
 */
TriSegmenter *
tri_segmenter_get_for_language (const char *language)
{
  TriSegmenter *self;

  g_return_val_if_fail (language != NULL, NULL);

  G_LOCK (segmenters);
  if (segmenters == NULL)
    segmenters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self = g_hash_table_lookup (segmenters, language);
  if (self == NULL)
    {
      self = tri_segmenter_new (language);
      g_hash_table_insert (segmenters, g_strdup (language), self);
    }
  G_UNLOCK (segmenters);

  return self;
}

/**
 * tri_segmenter_is_abbreviation:
 * @self: a #TriSegmenter
 * @token: a word with its period ("г.", "etc.")
 *
 * Returns: whether @token is one of the language's abbreviations (any
 *   kind: the spell checker leaves them alone)
 */
gboolean
tri_segmenter_is_abbreviation (TriSegmenter *self,
                               const char   *token)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (TRI_IS_SEGMENTER (self), FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  key = fold_key (token, -1);
  return g_hash_table_contains (self->abbreviations, key);
}

const char *
tri_segmenter_get_language (TriSegmenter *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENTER (self), NULL);

  return self->language;
}

/**
 * tri_segmenter_get_n_rules:
 * @self: a #TriSegmenter
 *
 * Returns: how many abbreviations and sentence starters it knows
 */
guint
tri_segmenter_get_n_rules (TriSegmenter *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENTER (self), 0);

  return g_hash_table_size (self->abbreviations) + g_hash_table_size (self->starters);
}

/* Helpers on the UTF-16 text of one paragraph. */

static gboolean is_closing (UChar32 c);

static gboolean
is_space (UChar32 c)
{
  return u_isUWhiteSpace (c);
}

static gboolean
is_opening (UChar32 c)
{
  int8_t type = u_charType (c);

  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION ||
         c == '"' || c == '\'' || c == 0x201E || c == 0x201A;
}

static gboolean
is_closing (UChar32 c)
{
  int8_t type = u_charType (c);

  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION ||
         c == '"' || c == '\'' || c == 0x201C || c == 0x2018;
}

static gboolean
is_dash (UChar32 c)
{
  return c == '-' || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212;
}

static int32_t
skip_space_back (const UChar *s,
                 int32_t      pos)
{
  while (pos > 0)
    {
      int32_t prev = pos;
      UChar32 c;

      U16_PREV (s, 0, prev, c);
      if (!is_space (c))
        break;
      pos = prev;
    }
  return pos;
}

/* Back from @pos over closing quotes and brackets; @last gets the
 * character before them (0 at the start). */
static int32_t
skip_closing_back (const UChar *s,
                   int32_t      pos,
                   UChar32     *last)
{
  *last = 0;
  while (pos > 0)
    {
      int32_t prev = pos;
      UChar32 c;

      U16_PREV (s, 0, prev, c);
      *last = c;
      if (!is_closing (c))
        break;
      pos = prev;
    }
  return pos;
}

static int32_t
skip_space_forward (const UChar *s,
                    int32_t      len,
                    int32_t      pos)
{
  while (pos < len)
    {
      int32_t next = pos;
      UChar32 c;

      U16_NEXT (s, next, len, c);
      if (!is_space (c))
        break;
      pos = next;
    }
  return pos;
}

/* The token (a run of non-space characters) that ends at @end; its start is
 * returned in @start, after any opening brackets and quotes. */
static void
token_before (const UChar *s,
              int32_t      end,
              int32_t     *start)
{
  int32_t pos = end;

  while (pos > 0)
    {
      int32_t prev = pos;
      UChar32 c;

      U16_PREV (s, 0, prev, c);
      if (is_space (c))
        break;
      pos = prev;
    }

  while (pos < end)
    {
      int32_t next = pos;
      UChar32 c;

      U16_NEXT (s, next, end, c);
      if (!is_opening (c))
        break;
      pos = next;
    }

  *start = pos;
}

static char *
utf16_to_utf8 (const UChar *s,
               int32_t      len)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;
  char *out;

  u_strToUTF8 (NULL, 0, &n, s, len, &status);
  out = g_malloc ((gsize)n + 1);
  status = U_ZERO_ERROR;
  u_strToUTF8 (out, n + 1, NULL, s, len, &status);
  out[n] = '\0';
  return out;
}

/* "J." "В." "U.S." "J.R.R.": capitals each followed by a period. */
static gboolean
is_initials (const UChar *s,
             int32_t      start,
             int32_t      end)
{
  int32_t pos = start;
  guint letters = 0;

  while (pos < end)
    {
      UChar32 c;

      U16_NEXT (s, pos, end, c);
      if (!u_isupper (c) && !u_istitle (c))
        return FALSE;
      letters++;
      if (pos >= end || s[pos] != '.')
        return FALSE;
      pos++;
    }

  return letters > 0;
}

typedef struct
{
  int32_t start;     /* first character of the next word, after opening marks */
  int32_t end;       /* its end (letters, digits and inner periods) */
  UChar32 first;     /* first character after spaces, or 0 at the end */
} NextWord;

static NextWord
next_word (const UChar *s,
           int32_t      len,
           int32_t      pos)
{
  NextWord w = { 0, 0, 0 };
  int32_t p = skip_space_forward (s, len, pos);

  if (p < len)
    {
      int32_t q = p;
      U16_NEXT (s, q, len, w.first);
    }

  while (p < len)
    {
      int32_t q = p;
      UChar32 c;

      U16_NEXT (s, q, len, c);
      if (!is_opening (c))
        break;
      p = q;
    }

  w.start = w.end = p;
  while (w.end < len)
    {
      int32_t q = w.end;
      UChar32 c;

      U16_NEXT (s, q, len, c);
      if (!u_isalnum (c) && c != '.' && c != '\'' && c != 0x2019 && c != 0x02BC)
        break;
      w.end = q;
    }
  /* A trailing period belongs to the sentence, not to the word. */
  while (w.end > w.start && s[w.end - 1] == '.' &&
         !is_initials (s, w.start, w.end))
    w.end--;

  return w;
}

static gboolean
next_is_starter (TriSegmenter   *self,
                 const UChar    *s,
                 const NextWord *w)
{
  g_autofree char *word = NULL;
  g_autofree char *key = NULL;

  if (w->end <= w->start)
    return FALSE;

  word = utf16_to_utf8 (s + w->start, w->end - w->start);
  key = fold_key (word, -1);

  return g_hash_table_contains (self->starters, key);
}

static gboolean
starts_upper (const UChar    *s,
              int32_t         len,
              const NextWord *w)
{
  UChar32 c;
  int32_t p = w->start;

  if (p >= len)
    return FALSE;
  U16_NEXT (s, p, len, c);
  return u_isupper (c) || u_istitle (c);
}

/* "1991", "1990-х", "2015–2016", "XIV": what a date abbreviation follows. */
static gboolean
is_number_token (const UChar *s,
                 int32_t      start,
                 int32_t      end)
{
  gboolean roman = TRUE;

  if (start >= end)
    return FALSE;
  if (u_isdigit (s[start]))
    return TRUE;

  for (int32_t i = start; i < end; i++)
    if (!u_strchr (u"IVXLCM", s[i]))
      roman = FALSE;
  return roman;
}

static guint
count_words (const UChar *s,
             int32_t      start,
             int32_t      end)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (int32_t i = start; i < end; i++)
    {
      gboolean space = is_space (s[i]);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

/* A date at the very start of a sentence ("В 1960-х гг. Бжезинский…",
 * "1 января 49 года до н. э. Марк Антоний…") goes on after its abbreviation;
 * anywhere else, "…в 1916 г. Самым удачным…" is the end of a sentence. */
static gboolean
is_fronted_date (TriSegmenter *self,
                 const UChar  *s,
                 int32_t       sentence_start,
                 int32_t       number_start)
{
  NextWord first = next_word (s, number_start, sentence_start);
  guint words = count_words (s, sentence_start, number_start);

  /* "1991 г. …", "1 января 49 г. до н. э. …" */
  if (words == 0 || (u_isdigit (first.first) && words <= 5))
    return TRUE;

  /* "В 1960-х гг. …", "У 2014 р. …" */
  return words == 1 && next_is_starter (self, s, &first);
}

/* Whether the ICU boundary at @pos (the start of the next sentence) must go.
 * @sentence_start is where the sentence ending there began. */
static gboolean
suppress_boundary (TriSegmenter *self,
                   const UChar  *s,
                   int32_t       len,
                   int32_t       sentence_start,
                   int32_t       pos)
{
  int32_t end = skip_space_back (s, pos);
  int32_t p;
  UChar32 last;
  NextWord next = next_word (s, len, pos);

  if (end == 0 || next.first == 0)
    return FALSE;

  /* Back over closing quotes and brackets to the terminator. */
  p = skip_closing_back (s, end, &last);
  if (p == 0)
    return FALSE;

  if (last == '?' || last == '!')
    {
      UChar32 c = next.first;
      int32_t q = skip_space_forward (s, len, pos);
      gboolean quoted = p != end;

      /* «Когда?» — спросил он. / "Why?" he asked. A question in running
       * text followed by lower case is chat, not an attribution. */
      if (is_dash (c))
        {
          quoted = TRUE;
          U16_NEXT (s, q, len, c);  /* the dash itself */
          q = skip_space_forward (s, len, q);
          if (q < len)
            U16_NEXT (s, q, len, c);
        }
      return quoted && (u_islower (c) || c == ',' || c == ';');
    }

  if (last != '.' || p != end)
    return FALSE;

  /* The token ending in the period, and up to two before it, for
   * abbreviations written in several tokens: "т. е.", "до н. э.". */
  {
    int32_t starts[3];
    guint n = 0, used = 0;
    int32_t tok_end = end;
    RuleKind kind = 0;

    while (n < MIN (self->max_tokens, 3) && tok_end > 0)
      {
        token_before (s, tok_end, &starts[n]);
        if (starts[n] >= tok_end)
          break;
        n++;
        tok_end = skip_space_back (s, starts[n - 1]);
        /* Only tokens directly separated by spaces make one abbreviation. */
        if (tok_end == starts[n - 1])
          break;
      }

    /* The longest entry wins: "и т. д." over "д.". A lone capital is an
     * initial ("Т. Шевченко"), never the abbreviation "т." (том). */
    for (guint i = n; i > 0 && kind == 0; i--)
      {
        g_autofree char *token = NULL;
        g_autofree char *key = NULL;

        if (i == 1 && is_initials (s, starts[0], end))
          break;

        token = utf16_to_utf8 (s + starts[i - 1], end - starts[i - 1]);
        key = fold_key (token, -1);

        kind = GPOINTER_TO_UINT (g_hash_table_lookup (self->abbreviations, key));
        used = i;
      }

    switch (kind)
      {
      case RULE_ABBREVIATION:
        return TRUE;

      case RULE_AMBIGUOUS:
        return !next_is_starter (self, s, &next);

      case RULE_NUMBERING:
        return u_isdigit (next.first);

      case RULE_FINAL:
        return FALSE;

      case RULE_DATE:
        {
          int32_t abbr_start = starts[used - 1];
          int32_t number_end = skip_space_back (s, abbr_start);
          int32_t number_start;

          /* "в г. Женеве": the city, not the year. */
          if (number_end == abbr_start || number_end <= sentence_start)
            return TRUE;
          token_before (s, number_end, &number_start);
          /* "в 363 году н. э.", "в 6 веке н. э.": one word may come between. */
          if (!is_number_token (s, number_start, number_end) && number_start > sentence_start)
            {
              int32_t word_start = number_start;

              number_end = skip_space_back (s, word_start);
              if (number_end == word_start || number_end <= sentence_start)
                return TRUE;
              token_before (s, number_end, &number_start);
            }
          if (!is_number_token (s, number_start, number_end))
            return TRUE;
          if (!starts_upper (s, len, &next))
            return TRUE;
          return is_fronted_date (self, s, sentence_start, number_start);
        }

      case RULE_STARTER:
      default:
        break;
      }

    if (n > 0 && is_initials (s, starts[0], end))
      {
        /* A capital then a period before a capitalised word: an initial,
         * unless that word begins a new sentence ("Plan B. The talks…"). */
        if (!starts_upper (s, len, &next) && !u_isdigit (next.first))
          return FALSE;
        /* "В. В. Путин": the next token is an initial too. */
        if (is_initials (s, next.start, MIN (next.end + 1, len)) ||
            (next.end < len && s[next.end] == '.' && next.end - next.start == 1))
          return TRUE;
        return !next_is_starter (self, s, &next);
      }

    return FALSE;
  }
}

/* ICU never breaks before a digit after a period ("скончался. 64-летний
 * водитель…"): a full word, not an abbreviation, then a period, spaces and a
 * number start a new sentence, also with closing quotes on either side of
 * the period ("штормом «Арвен». 11 дней спустя…", "…реки.» 64…"). */
static gboolean
digit_boundary (TriSegmenter *self,
                const UChar  *s,
                int32_t       pos)
{
  int32_t end = skip_space_back (s, pos);
  int32_t start, word_end;
  UChar32 last;
  guint letters = 0;
  g_autofree char *token = NULL;
  g_autofree char *key = NULL;

  if (end == pos || end < 2)
    return FALSE;
  end = skip_closing_back (s, end, &last);
  if (last != '.')
    return FALSE;

  token_before (s, end, &start);
  word_end = end - 1;
  while (word_end > start && is_closing (s[word_end - 1]))
    word_end--;
  for (int32_t i = start; i < word_end; i++)
    {
      if (!u_isalpha (s[i]))
        return FALSE;
      letters++;
    }
  if (letters < 2)
    return FALSE;

  token = utf16_to_utf8 (s + start, end - start);
  key = fold_key (token, -1);
  return !g_hash_table_contains (self->abbreviations, key);
}

/* Whether the sentence whose terminator is at @end holds a dialogue
 * attribution: a dash with spaces round it after a comma, "?", "!", "…" or a
 * closing quote and before lower case ("…», – сказав він", "?» — спросил
 * он"). Looks back to the previous full stop. */
static gboolean
has_attribution (const UChar *s,
                 int32_t      end)
{
  for (int32_t i = end - 1; i > 0 && i > end - 400; i--)
    {
      int32_t before;
      UChar32 c;

      if (s[i] == '.' && is_space (s[i + 1]))
        break;
      if (!is_dash (s[i]) || !is_space (s[i - 1]) || !is_space (s[i + 1]) ||
          !u_islower (s[skip_space_forward (s, end, i + 1)]))
        continue;
      before = skip_space_back (s, i);
      if (before == 0)
        continue;
      U16_PREV (s, 0, before, c);
      if (c == ',' || c == '!' || c == '?' || c == 0x2026 || is_closing (c))
        return TRUE;
    }
  return FALSE;
}

/* ICU never breaks before a dash after a terminator ('-', '–' and '—'
 * continue a sentence in its rules), so list items run on in one paragraph
 * ("…do? -Supports…", "…first. - Plug…") and so does a quotation that goes on
 * after its attribution ("…, – сказав він. – Ми всі…"). Where a dash at
 * @dash, after a terminator and spaces, comes before a capital or an opening
 * quote, returns where the next sentence starts: at the dash of a list item;
 * after the dash that closes an attribution, which translations made line by
 * line leave at the end of the attribution's line. Else -1. */
static int32_t
dash_boundary (TriSegmenter *self,
               const UChar  *s,
               int32_t       len,
               int32_t       dash)
{
  int32_t end = skip_space_back (s, dash);
  int32_t q = skip_space_forward (s, len, dash + 1);
  int32_t p = q;
  UChar32 last, first;

  if (end == dash || end == 0 || q >= len)
    return -1;
  if (s[dash] != '-' && s[dash] != 0x2013 && s[dash] != 0x2014)
    return -1;
  end = skip_closing_back (s, end, &last);
  if (last != '.' && last != '!' && last != '?' && last != 0x2026)
    return -1;
  U16_NEXT (s, p, len, first);
  if (!u_isupper (first) && !u_istitle (first) && !is_opening (first))
    return -1;
  if (suppress_boundary (self, s, len, 0, dash))
    return -1;
  if (q > dash + 1 && has_attribution (s, end - 1))
    return q;
  return dash;
}

/* A line that starts with a list marker or a dialogue dash ("- ", "— ",
 * "• ", "1. ", "2) ") starts a sentence, even inside a paragraph. */
static gboolean
is_list_item (const UChar *s,
              int32_t      len,
              int32_t      pos)
{
  int32_t q = pos;

  if (q >= len)
    return FALSE;

  if (is_dash (s[q]) || s[q] == 0x2022 || s[q] == '*')
    return q + 1 < len && is_space (s[q + 1]);

  while (q < len && u_isdigit (s[q]))
    q++;
  return q > pos && q - pos <= 3 && q + 1 < len && (s[q] == '.' || s[q] == ')') && is_space (s[q + 1]);
}

/* After "…" (optionally closed by quotes) and spaces, a capital starts a new
 * sentence; ICU does not know U+2026 as a terminator. */
static gboolean
ellipsis_boundary (const UChar *s,
                   int32_t      len,
                   int32_t      pos)
{
  int32_t end = skip_space_back (s, pos);
  int32_t p;
  UChar32 c;
  NextWord next;

  if (end == pos || end == 0)
    return FALSE;

  p = skip_closing_back (s, end, &c);
  if (c != 0x2026)
    return FALSE;

  /* A leading "… and then" is not the end of anything. */
  {
    int32_t before = p - 1;
    if (before == 0 || (before > 0 && is_space (s[before - 1])))
      return FALSE;
  }

  next = next_word (s, len, pos);
  return next.first != 0 && starts_upper (s, len, &next);
}

/* In a document that is not hard wrapped, a line that ends without final
 * punctuation (in a letter, a digit, "%" or a closing quote or bracket after
 * one) and is followed by a line that starts with a capital, a digit or an
 * opening quote ends a sentence: a headline above its standfirst, a byline, a
 * dateline, a list item, a row of a table. @line_start is the first unit
 * after the line break. */
static gboolean
line_end_boundary (const UChar *s,
                   int32_t      len,
                   int32_t      line_start)
{
  int32_t end = skip_space_back (s, line_start);
  int32_t q = skip_space_forward (s, len, line_start);
  UChar32 last, first;

  if (end == 0 || q >= len)
    return FALSE;
  skip_closing_back (s, end, &last);
  if (!u_isalnum (last) && last != '%')
    return FALSE;
  U16_NEXT (s, q, len, first);
  return u_isupper (first) || u_istitle (first) || u_isdigit (first) || is_opening (first);
}

static int compare_int32 (gconstpointer a,
                          gconstpointer b);

/* Whether the line breaks inside paragraphs are hard wrapping (text broken
 * at a fixed width), decided per document from the lines followed by another
 * line of their paragraph: wrapped text has most of them ending mid-sentence
 * and most of them close to the wrap width. Headlines, bylines, lists and
 * tables end their lines without punctuation too, but at lengths all over
 * the place. With fewer than three such lines there is nothing to decide
 * on, and a line break is taken as meant. */
static gboolean
is_hard_wrapped (const char    *text,
                 const TriSpan *paragraphs,
                 guint          n_paragraphs)
{
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (int32_t));
  guint open = 0, full = 0;
  int32_t width;

  for (guint i = 0; i < n_paragraphs; i++)
    {
      const char *p = text + paragraphs[i].start;
      const char *end = text + paragraphs[i].end;

      while (p < end)
        {
          const char *nl = memchr (p, '\n', (size_t)(end - p));
          const char *z;
          gunichar last = 0;
          int32_t length;

          if (nl == NULL)
            break;
          z = nl;
          while (z > p && g_ascii_isspace (z[-1]))
            z--;
          length = (int32_t)g_utf8_strlen (p, z - p);
          /* The last character before closing quotes and brackets. */
          for (const char *c = z; c > p;)
            {
              c = g_utf8_find_prev_char (p, c);
              last = g_utf8_get_char (c);
              if (!is_closing ((UChar32)last))
                break;
            }
          if (length > 0)
            {
              g_array_append_val (lengths, length);
              if (last != '.' && last != '!' && last != '?' && last != 0x2026)
                open++;
            }
          p = nl + 1;
        }
    }

  if (lengths->len < 3 || open * 2 < lengths->len)
    return FALSE;
  g_array_sort (lengths, compare_int32);
  width = g_array_index (lengths, int32_t, lengths->len * 9 / 10);
  if (width < 30)
    return FALSE;
  for (guint k = 0; k < lengths->len; k++)
    if (g_array_index (lengths, int32_t, k) * 10 >= width * 7)
      full++;
  return full * 4 >= lengths->len * 3;
}

/**
 * tri_segmenter_paragraph_to_utf16:
 * @text: a UTF-8 text
 * @span: a paragraph of it
 * @offsets: (out) (transfer full): for every UTF-16 unit, and one past the
 *   end, the byte offset in @text it comes from
 * @length: (out): the number of UTF-16 units
 * @line_starts: (nullable) (element-type gint32): where to add the index of
 *   the first unit of every line after the first
 *
 * The paragraph as the segmenter gives it to ICU: UTF-16, with every line
 * break inside it a space (hard wrapping is not a boundary; see
 * is_list_item() and line_end_boundary() for the exceptions).
 *
 * Returns: (transfer full): the UTF-16 text, not nul-terminated
 */
gunichar2 *
tri_segmenter_paragraph_to_utf16 (const char  *text,
                                  TriSpan      span,
                                  gsize      **offsets,
                                  int32_t     *length,
                                  GArray      *line_starts)
{
  UChar *s = g_new (UChar, span.end - span.start + 1);
  gsize *map = g_new (gsize, span.end - span.start + 2);
  int32_t len = 0;

  for (const char *p = text + span.start; p < text + span.end; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\n')
        {
          int32_t next_line = len + 1;

          ch = ' ';
          if (line_starts != NULL)
            g_array_append_val (line_starts, next_line);
        }

      map[len] = (gsize)(p - text);
      if (ch > 0xFFFF)
        {
          s[len++] = U16_LEAD (ch);
          map[len] = (gsize)(p - text);
          s[len++] = U16_TRAIL (ch);
        }
      else
        s[len++] = (UChar)ch;
    }
  map[len] = span.end;

  *offsets = map;
  *length = len;
  return s;
}

static int
compare_int32 (gconstpointer a,
               gconstpointer b)
{
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

  return (x > y) - (x < y);
}

static void
split_paragraph (TriSegmenter *self,
                 const char   *text,
                 TriSpan       span,
                 guint         paragraph,
                 gboolean      hard_wrapped,
                 GArray       *sentences)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *s = NULL;
  g_autofree gsize *offsets = NULL;
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (int32_t));
  g_autoptr(GArray) line_starts = g_array_new (FALSE, FALSE, sizeof (int32_t));
  UBreakIterator *bi;
  int32_t len = 0, b;
  int32_t i;

  s = tri_segmenter_paragraph_to_utf16 (text, span, &offsets, &len, line_starts);

  bi = ubrk_open (UBRK_SENTENCE, self->icu_locale, s, len, &status);
  if (U_FAILURE (status))
    {
      g_warning ("ICU has no sentence break iterator for %s: %s",
                 self->icu_locale, u_errorName (status));
      return;
    }

  {
    int32_t sentence_start = 0;

    for (b = ubrk_following (bi, 0); b != UBRK_DONE && b < len; b = ubrk_next (bi))
      if (!suppress_boundary (self, s, len, sentence_start, b))
        {
          g_array_append_val (breaks, b);
          sentence_start = b;
        }
  }

  for (i = 1; i + 1 < len; i++)
    if (u_isdigit (s[i]) && is_space (s[i - 1]) && digit_boundary (self, s, i))
      g_array_append_val (breaks, i);

  for (i = 1; i + 1 < len; i++)
    if (is_space (s[i - 1]))
      {
        int32_t q = dash_boundary (self, s, len, i);

        if (q >= 0)
          g_array_append_val (breaks, q);
      }

  for (guint k = 0; k < line_starts->len; k++)
    {
      int32_t q = skip_space_forward (s, len, g_array_index (line_starts, int32_t, k));

      if (is_list_item (s, len, q) ||
          (!hard_wrapped && line_end_boundary (s, len, g_array_index (line_starts, int32_t, k))))
        g_array_append_val (breaks, q);
    }

  for (i = 0; i < len; i++)
    if (s[i] == 0x2026)
      {
        int32_t q = i + 1;

        while (q < len && is_closing (s[q]))
          q++;
        if (q < len && is_space (s[q]))
          {
            q = skip_space_forward (s, len, q);
            if (q < len && ellipsis_boundary (s, len, q))
              g_array_append_val (breaks, q);
          }
      }

  g_array_append_val (breaks, len);
  g_array_sort (breaks, compare_int32);
  ubrk_close (bi);

  {
    int32_t start = 0;

    for (guint k = 0; k < breaks->len; k++)
      {
        int32_t end = g_array_index (breaks, int32_t, k);
        int32_t a = skip_space_forward (s, end, start);
        int32_t z = skip_space_back (s, end);

        if (z > a)
          {
            TriSentence sentence = { offsets[a], offsets[z], paragraph };
            g_array_append_val (sentences, sentence);
          }
        start = end;
      }
  }
}

/**
 * tri_segmenter_split:
 * @self: a #TriSegmenter
 * @text: a UTF-8 text
 * @paragraphs: (array length=n_paragraphs): the paragraphs of @text
 * @n_paragraphs: their number
 *
 * Splits each paragraph into sentences. A sentence never crosses a
 * paragraph; its span excludes the white space around it.
 *
 * Returns: (transfer full) (element-type TriSentence): the sentences
 */
GArray *
tri_segmenter_split (TriSegmenter  *self,
                     const char    *text,
                     const TriSpan *paragraphs,
                     guint          n_paragraphs)
{
  GArray *sentences;
  gboolean hard_wrapped;

  g_return_val_if_fail (TRI_IS_SEGMENTER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  hard_wrapped = is_hard_wrapped (text, paragraphs, n_paragraphs);
  sentences = g_array_new (FALSE, FALSE, sizeof (TriSentence));
  for (guint i = 0; i < n_paragraphs; i++)
    split_paragraph (self, text, paragraphs[i], i, hard_wrapped, sentences);

  return sentences;
}

/**
 * tri_segmenter_split_text:
 * @self: a #TriSegmenter
 * @text: a UTF-8 text
 *
 * Splits @text, taken as one paragraph, into sentences.
 *
 * Returns: (transfer full) (element-type TriSentence): the sentences
 */
GArray *
tri_segmenter_split_text (TriSegmenter *self,
                          const char   *text)
{
  TriSpan span = { 0, strlen (text) };

  return tri_segmenter_split (self, text, &span, 1);
}

/* tri-checks.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-checks"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tri-apertium.h"
#include "tri-checks.h"
#include "tri-dictionary.h"
#include "tri-language.h"
#include "tri-names.h"
#include "tri-numbers.h"
#include "tri-spell.h"

/* Cross-language checks of an alignment (issue 6), row by row:
 *
 *   missing-translation  a row with sentences in some versions only;
 *   number-mismatch      numbers that are not the same in every version,
 *                        after normalisation (1,000 = 1 000; 2.5 = 2,5);
 *   length-ratio         a row whose versions' lengths differ far more than
 *                        this document's usual ratio;
 *   quote-unbalanced     quotation marks that do not pair, by the
 *                        language's conventions;
 *   quote-missing        a row whose versions hold different numbers of
 *                        quotations;
 *   quote-mismatch       counterpart quotations whose numbers differ;
 *   name-mismatch        a name two versions share that another lacks
 *                        (warning); a name inside a Russian or Ukrainian
 *                        sentence that no other version has, or with two
 *                        versions one's name the other lacks (info);
 *   quote-speaker        a row with a quotation whose versions name
 *                        different speakers.
 *
 * Quotations are found per paragraph, not per sentence (ICU splits
 * sentences inside quotations), with each language's pairs: “ ” and ‘ ’
 * in English, « » and „ “ in Russian and Ukrainian, whose inner closing
 * mark is the English opening one. An apostrophe between letters (don’t,
 * м’ясо, мʼясо, м'ясо) is never a quotation mark. A quotation over
 * several paragraphs may leave each but the last unclosed, as English
 * news writes them, when the next paragraph opens with a quotation mark.
 *
 * Month names count as numbers (tri_numbers_find()): "February 2022",
 * «феврале 2022», «лютому 2022» say the same.
 *
 * Names (tri-names.c) are capitalised words inside a sentence, not all
 * capitals (NATO, ООН are translated, not transliterated), three letters
 * or more, not an English month, weekday or title; a word opening a
 * sentence or a quotation is a name when the document has it as a name
 * elsewhere, or a version in the other script capitalises it in the row.
 * Names of two scripts match by their Latin skeletons (ICU BGN
 * transliteration, then consonants: Kyiv = Киев = Київ, Зеленского =
 * Zelenskyy), with a small table of exonyms (Sweden = Швеция, UK =
 * Великобритания, Earth = Земля). Any word of another version may be a
 * name's counterpart (президентом = President). A speaker is the name
 * right before a verb of speech or the names after it
 * (tri_names_find_speakers()); "he said", «— сказал он» name nobody, and
 * a row is compared only when two versions name someone. */

typedef struct
{
  gsize    start;      /* the opening mark */
  gsize    end;        /* just past the closing mark */
  guint    depth;      /* 0 for a quotation not inside another */
  gboolean continued;  /* goes on in the next paragraph (no closing mark) */
} Quote;

typedef struct
{
  TriDocument *doc;
  char        *name;        /* the language's name, for messages */
  GArray      *rows_of;     /* guint row per sentence */
  GArray      *quotes;      /* Quote, in order of their opening marks */
  GArray      *unpaired;    /* gsize: marks that pair with nothing */
  GArray      *words;       /* TriWord, the whole text's, in order */
  gboolean     cyrillic;    /* written in Cyrillic letters */
} Column;

typedef struct
{
  TriAlignment *alignment;
  guint         n_columns;
  guint         lo;         /* the rows checked: [lo, hi) */
  guint         hi;
  Column        columns[TRI_MAX_COLUMNS];
  TriNames     *names;      /* the ICU transliterators, opened once a run */
  GPtrArray    *findings;
} Run;

/* Findings */

/**
 * tri_finding_free:
 * @finding: a finding
 */
void
tri_finding_free (TriFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_pointer (&finding->spans[c], g_array_unref);
  g_free (finding);
}

/**
 * tri_finding_get_focus_column:
 * @finding: a finding
 * @n_columns: the alignment's number of columns
 *
 * Where to take the user first: the first version that deviates and has
 * a span (a finding marks the others' text too, to compare), else the
 * first version with a span.
 *
 * Returns: a column, or %G_MAXUINT when the finding marks no text
 */
guint
tri_finding_get_focus_column (const TriFinding *finding,
                              guint             n_columns)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < MIN (n_columns, TRI_MAX_COLUMNS); c++)
      if (finding->spans[c] != NULL && finding->spans[c]->len >= 2 &&
          (pass == 1 || (finding->odd & (1u << c)) != 0))
        return c;
  return G_MAXUINT;
}

/**
 * tri_severity_to_string:
 * @severity: a severity
 *
 * Returns: "error", "warning" or "info"
 */
const char *
tri_severity_to_string (TriSeverity severity)
{
  switch (severity)
    {
    case TRI_SEVERITY_ERROR:
      return "error";
    case TRI_SEVERITY_WARNING:
      return "warning";
    case TRI_SEVERITY_INFO:
    default:
      return "info";
    }
}

static TriFinding *
add_finding (Run         *run,
             const char  *check,
             TriSeverity  severity,
             guint        row,
             char        *message)    /* taken */
{
  TriFinding *finding = g_new0 (TriFinding, 1);

  finding->check = check;
  finding->severity = severity;
  finding->row = row;
  finding->message = message;
  for (guint c = 0; c < run->n_columns; c++)
    finding->spans[c] = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_ptr_array_add (run->findings, finding);
  return finding;
}

static void
add_span (TriFinding *finding,
          guint       column,
          gsize       start,
          gsize       end)
{
  gsize span[2] = { start, end };

  g_array_append_vals (finding->spans[column], span, 2);
  finding->languages |= 1u << column;
}

/* The bytes of @row's cell in @column, or FALSE for an empty cell. */
static gboolean
cell_bytes (Run    *run,
            TriRow *row,
            guint   column,
            gsize  *start,
            gsize  *end)
{
  TriDocument *doc = run->columns[column].doc;
  guint first = tri_row_get_first (row, column);
  guint count = tri_row_get_count (row, column);

  if (count == 0)
    return FALSE;
  *start = tri_document_get_sentence (doc, first)->start;
  *end = tri_document_get_sentence (doc, first + count - 1)->end;
  return TRUE;
}

/* The row holding byte @offset of @column's text. */
static guint
row_of_byte (Run   *run,
             guint  column,
             gsize  offset)
{
  TriDocument *doc = run->columns[column].doc;

  if (tri_document_get_n_sentences (doc) == 0)
    return 0;
  return g_array_index (run->columns[column].rows_of, guint, tri_document_find_sentence (doc, offset));
}

/* missing-translation */

static void
check_missing (Run    *run,
               TriRow *row,
               guint   r)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint present = 0, absent = 0;

  for (guint c = 0; c < run->n_columns; c++)
    {
      if (tri_row_get_count (row, c) > 0)
        present++;
      else
        {
          if (missing->len > 0)
            g_string_append (missing, ", ");
          g_string_append (missing, run->columns[c].name);
          absent |= 1u << c;
        }
    }
  if (present == 0 || absent == 0)
    return;

  {
    /* Translators: one or more language names */
    TriFinding *finding = add_finding (run, "missing-translation", TRI_SEVERITY_WARNING, r,
                                       g_strdup_printf (_("Missing in %s: the other versions have this text"),
                                                        missing->str));

    finding->languages |= absent;
    finding->odd = absent;
    for (guint c = 0; c < run->n_columns; c++)
      {
        gsize start, end;

        if (cell_bytes (run, row, c, &start, &end))
          add_span (finding, c, start, end);
      }
  }
}

/* number-mismatch, and the numbers of quotations */

static GHashTable *
count_values (GArray *numbers)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < numbers->len; i++)
    {
      const char *value = g_array_index (numbers, TriNumber, i).value;

      g_hash_table_insert (counts, (gpointer)value,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)) + 1));
    }
  return counts;
}

/* @value ("1250", "M2") as a version that has it writes it ("1,250",
 * "February"). */
static void
append_as_written (Run        *run,
                   GArray    **numbers,
                   const char *value,
                   GString    *out)
{
  for (guint d = 0; d < run->n_columns; d++)
    for (guint i = 0; numbers[d] != NULL && i < numbers[d]->len; i++)
      {
        const TriNumber *number = &g_array_index (numbers[d], TriNumber, i);

        if (g_str_equal (number->value, value))
          {
            g_string_append_len (out, tri_document_get_text (run->columns[d].doc) + number->start,
                                 (gssize)(number->end - number->start));
            return;
          }
      }
  g_string_append (out, value);
}

/* Whether the figures @a and @b (values as tri_numbers_find() gives
 * them) may be one quantity in two units: pounds and kilograms, miles
 * and kilometres, feet and metres, inches and centimetres, gallons and
 * litres, acres and hectares, ounces and grams, degrees Fahrenheit and
 * Celsius — within the rounding a translator does (550 pounds, 250 kg). */
static gboolean
is_conversion (const char *a,
               const char *b)
{
  static const double factors[] = { 0.45359, 1.60934, 0.3048, 0.9144, 2.54, 3.78541, 0.40469, 28.3495, 2.58999 };
  char *end_a, *end_b;
  double x = g_ascii_strtod (a, &end_a), y = g_ascii_strtod (b, &end_b);

  if (*end_a != '\0' || *end_b != '\0' || x <= 0 || y <= 0)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (factors); k++)
    if (fabs (x / y / factors[k] - 1) <= 0.06 || fabs (y / x / factors[k] - 1) <= 0.06)
      return TRUE;
  return fabs ((x - 32) * 5 / 9 - y) <= 1.5 || fabs ((y - 32) * 5 / 9 - x) <= 1.5;
}

/* Whether text[start, end) names a unit of @units (lower case): at a
 * word's start ("kilometres", not "album"), a short one as a whole word
 * ("cm", not «смерть»). */
static gboolean
names_unit (const char         *text,
            gsize               start,
            gsize               end,
            const char * const *units)
{
  g_autofree char *lower = g_utf8_strdown (text + start, (gssize)(end - start));

  for (guint k = 0; units[k] != NULL; k++)
    for (const char *at = strstr (lower, units[k]); at != NULL; at = strstr (at + 1, units[k]))
      {
        const char *after = at + strlen (units[k]);

        if (at > lower && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (at))))
          continue;
        if (g_utf8_strlen (units[k], -1) <= 2 && g_unichar_isalpha (g_utf8_get_char (after)))
          continue;
        return TRUE;
      }
  return FALSE;
}

/* Whether the numbers that set versions apart are all conversions: each
 * figure a version alone has is one it lacks in other units, and the
 * row names an imperial unit in one version and a metric one in another. */
static gboolean
converts_units (Run          *run,
                const gsize  *start,
                const gsize  *end,
                guint         have,
                GPtrArray   **has_values,
                GPtrArray   **lack_values)
{
  static const char * const imperial[] = {
    "pound", "lb", "mile", "mph", "feet", "foot", "ft", "inch", "yard", "gallon", "acre", "ounce", "oz",
    "fahrenheit", "°f", "degree", "фунт", "миль", "милі", "миля", "фут", "дюйм", "ярд", "галлон", "галон", "акр", "унци", "фаренгейт", NULL,
  };
  static const char * const metric[] = {
    "kg", "kilogram", "km", "kilomet", "metre", "meter", "cm", "centimet", "litre", "liter", "hectare", "gram",
    "celsius", "°c", "кг", "килограм", "кілограм", "км", "километр", "кілометр", "метр", "см", "сантимет",
    "литр", "літр", "гектар", "грам", "градус", "цельси", NULL,
  };
  gboolean named = FALSE, is_imperial = FALSE, is_metric = FALSE;

  for (guint c = 0; c < run->n_columns; c++)
    {
      if (!(have & (1u << c)))
        continue;
      is_imperial |= names_unit (tri_document_get_text (run->columns[c].doc), start[c], end[c], imperial);
      is_metric |= names_unit (tri_document_get_text (run->columns[c].doc), start[c], end[c], metric);
      if (has_values[c]->len == 0 && lack_values[c]->len == 0)
        continue;
      if (has_values[c]->len != lack_values[c]->len)
        return FALSE;
      for (guint i = 0; i < has_values[c]->len; i++)
        {
          gboolean paired = FALSE;

          for (guint j = 0; j < lack_values[c]->len && !paired; j++)
            paired = is_conversion (g_ptr_array_index (has_values[c], i), g_ptr_array_index (lack_values[c], j));
          if (!paired)
            return FALSE;
        }
      named = TRUE;
    }
  return named && is_imperial && is_metric;
}

/* Compares the numbers of text[start[c], end[c]) across the columns that
 * have text (@have); adds a finding when they differ. A number only a
 * minority of the versions has is marked where it stands ("has 1 520");
 * a version that lacks a number most have is named, its whole span
 * marked ("lacks 1,250"). With two versions, both are named. */
static void
compare_numbers (Run         *run,
                 guint        r,
                 const char  *check,
                 TriSeverity  severity,
                 const char  *intro,
                 const gsize *start,
                 const gsize *end,
                 guint        have)
{
  GArray *numbers[TRI_MAX_COLUMNS] = { NULL };
  GHashTable *counts[TRI_MAX_COLUMNS] = { NULL };
  GHashTable *in_words[TRI_MAX_COLUMNS] = { NULL };
  GString *has[TRI_MAX_COLUMNS] = { NULL };
  GString *lacks[TRI_MAX_COLUMNS] = { NULL };
  GPtrArray *has_values[TRI_MAX_COLUMNS] = { NULL };
  GPtrArray *lack_values[TRI_MAX_COLUMNS] = { NULL };
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) detail = g_string_new (NULL);
  TriFinding *finding = NULL;
  guint n_have = 0;
  gboolean lacked;
  GHashTableIter iter;
  gpointer value;

  for (guint c = 0; c < run->n_columns; c++)
    if (have & (1u << c))
      {
        numbers[c] = tri_numbers_find (tri_document_get_text (run->columns[c].doc), start[c], end[c],
                                       tri_months_get (tri_document_get_language (run->columns[c].doc)));
        counts[c] = count_values (numbers[c]);
        in_words[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        for (guint i = 0; i < numbers[c]->len; i++)
          g_hash_table_add (values, g_array_index (numbers[c], TriNumber, i).value);
        has[c] = g_string_new (NULL);
        lacks[c] = g_string_new (NULL);
        has_values[c] = g_ptr_array_new ();
        lack_values[c] = g_ptr_array_new ();
        n_have++;
      }
  if (n_have < 2)
    goto out;

  /* Numbers in words ("ten" = 10) only when the figures disagree. */
  {
    gboolean agree = TRUE;

    for (guint c = 0; c < run->n_columns && agree; c++)
      for (guint d = c + 1; d < run->n_columns && agree; d++)
        if (counts[c] != NULL && counts[d] != NULL)
          {
            GHashTableIter it;
            gpointer key, n;

            agree = g_hash_table_size (counts[c]) == g_hash_table_size (counts[d]);
            g_hash_table_iter_init (&it, counts[c]);
            while (agree && g_hash_table_iter_next (&it, &key, &n))
              agree = g_hash_table_lookup (counts[d], key) == n;
          }
    if (agree)
      goto out;
  }
  for (guint c = 0; c < run->n_columns; c++)
    if (have & (1u << c))
      {
        GArray *words = tri_numbers_find_words (tri_document_get_text (run->columns[c].doc), start[c], end[c]);

        for (guint i = 0; i < words->len; i++)
          {
            const char *word = g_array_index (words, TriNumber, i).value;

            g_hash_table_insert (in_words[c], g_strdup (word),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (in_words[c], word)) + 1));
          }
        tri_numbers_free (words);
      }

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      guint most = 0, full = 0;

      for (guint c = 0; c < run->n_columns; c++)
        if (counts[c] != NULL)
          most = MAX (most, GPOINTER_TO_UINT (g_hash_table_lookup (counts[c], value)));
      /* A version that writes the number in words has it ("ten" = 10). */
      for (guint c = 0; c < run->n_columns; c++)
        if (counts[c] != NULL)
          full += GPOINTER_TO_UINT (g_hash_table_lookup (counts[c], value)) +
                  GPOINTER_TO_UINT (g_hash_table_lookup (in_words[c], value)) >= most;
      if (full == n_have)
        continue;

      if (finding == NULL)
        finding = add_finding (run, check, severity, r, NULL);

      lacked = FALSE;
      for (guint c = 0; c < run->n_columns; c++)
        {
          gboolean complete;

          if (counts[c] == NULL)
            continue;
          complete = GPOINTER_TO_UINT (g_hash_table_lookup (counts[c], value)) +
                     GPOINTER_TO_UINT (g_hash_table_lookup (in_words[c], value)) >= most;

          /* A minority has it: mark it there. Two versions: both. */
          if (complete && (full * 2 <= n_have))
            for (guint i = 0; i < numbers[c]->len; i++)
              {
                const TriNumber *number = &g_array_index (numbers[c], TriNumber, i);

                if (!g_str_equal (number->value, value))
                  continue;
                add_span (finding, c, number->start, number->end);
                g_ptr_array_add (has_values[c], (gpointer)value);
                if (has[c]->len > 0)
                  g_string_append (has[c], ", ");
                g_string_append_len (has[c], tri_document_get_text (run->columns[c].doc) + number->start,
                                     (gssize)(number->end - number->start));
                break;
              }
          /* Most have it: the version without it lacks it. */
          else if (!complete && full * 2 > n_have)
            {
              if (lacks[c]->len > 0)
                g_string_append (lacks[c], ", ");
              g_ptr_array_add (lack_values[c], (gpointer)value);
              append_as_written (run, numbers, value, lacks[c]);
              lacked = TRUE;
            }
        }

      /* What a version lacks is marked where the others have it (1,250
       * and 1 250 beside the Russian's 1 520): every version shows the
       * number to compare. */
      for (guint c = 0; lacked && c < run->n_columns; c++)
        for (guint i = 0; counts[c] != NULL && i < numbers[c]->len; i++)
          {
            const TriNumber *number = &g_array_index (numbers[c], TriNumber, i);

            if (g_str_equal (number->value, value))
              {
                add_span (finding, c, number->start, number->end);
                break;
              }
          }
    }

  if (finding == NULL)
    goto out;

  /* A version that only lacks numbers: its whole text is where to look. */
  for (guint c = 0; c < run->n_columns; c++)
    if (lacks[c] != NULL && lacks[c]->len > 0 && has[c]->len == 0)
      add_span (finding, c, start[c], end[c]);

  for (guint c = 0; c < run->n_columns; c++)
    {
      if (has[c] == NULL || (has[c]->len == 0 && lacks[c]->len == 0))
        continue;
      if (detail->len > 0)
        g_string_append (detail, "; ");
      if (has[c]->len > 0 && lacks[c]->len > 0)
        /* Translators: a language name, numbers only it has, numbers the others have,
         * e.g. "Russian has 1 520 and lacks 1250" */
        g_string_append_printf (detail, _("%s has %s and lacks %s"), run->columns[c].name, has[c]->str,
                                lacks[c]->str);
      else if (has[c]->len > 0)
        /* Translators: a language name and numbers only it has, e.g. "Russian has 1 520" */
        g_string_append_printf (detail, _("%s has %s"), run->columns[c].name, has[c]->str);
      else
        /* Translators: a language name and numbers it lacks, e.g. "Ukrainian lacks 30" */
        g_string_append_printf (detail, _("%s lacks %s"), run->columns[c].name, lacks[c]->str);
    }
  for (guint c = 0; c < run->n_columns; c++)
    if (have & (1u << c))
      finding->languages |= 1u << c;
  /* Three versions: the ones named are those that deviate. */
  if (n_have >= 3)
    {
      guint named = 0;

      for (guint c = 0; c < run->n_columns; c++)
        if (has[c] != NULL && (has[c]->len > 0 || lacks[c]->len > 0))
          {
            finding->odd |= 1u << c;
            named++;
          }
      if (named >= n_have)
        finding->odd = 0;
    }
  /* Figures converted between units (550 pounds, 250 kg): a note. */
  if (g_str_equal (check, "number-mismatch") && converts_units (run, start, end, have, has_values, lack_values))
    {
      finding->severity = TRI_SEVERITY_INFO;
      intro = _("The figures differ as a conversion between units would");
    }
  finding->message = g_strdup_printf ("%s (%s)", intro, detail->str);

out:
  for (guint c = 0; c < run->n_columns; c++)
    {
      tri_numbers_free (numbers[c]);
      g_clear_pointer (&counts[c], g_hash_table_unref);
      g_clear_pointer (&in_words[c], g_hash_table_unref);
      if (has[c] != NULL)
        g_string_free (has[c], TRUE);
      if (lacks[c] != NULL)
        g_string_free (lacks[c], TRUE);
      g_clear_pointer (&has_values[c], g_ptr_array_unref);
      g_clear_pointer (&lack_values[c], g_ptr_array_unref);
    }
}

/* The bytes of each of @row's cells; bit c set for a cell with text. */
static guint
row_bytes (Run    *run,
           TriRow *row,
           gsize  *start,
           gsize  *end)
{
  guint have = 0;

  for (guint c = 0; c < run->n_columns; c++)
    if (cell_bytes (run, row, c, &start[c], &end[c]))
      have |= 1u << c;
  return have;
}

static void
check_numbers (Run    *run,
               TriRow *row,
               guint   r)
{
  gsize start[TRI_MAX_COLUMNS] = { 0 }, end[TRI_MAX_COLUMNS] = { 0 };
  guint have = row_bytes (run, row, start, end);

  compare_numbers (run, r, "number-mismatch", TRI_SEVERITY_ERROR,
                   _("The numbers differ between the versions"), start, end, have);
}

/* length-ratio */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare_doubles);
  if (sorted->len == 0)
    return 0;
  return sorted->len % 2 ? g_array_index (sorted, double, sorted->len / 2)
                         : (g_array_index (sorted, double, sorted->len / 2 - 1) +
                            g_array_index (sorted, double, sorted->len / 2)) / 2;
}

static guint
cell_chars (Run    *run,
            TriRow *row,
            guint   column)
{
  gsize start, end;

  if (!cell_bytes (run, row, column, &start, &end))
    return 0;
  return (guint)g_utf8_strlen (tri_document_get_text (run->columns[column].doc) + start, (gssize)(end - start));
}

/* Per pair of versions, the log of the length ratio of every row with
 * both; a row far from this document's median (in median absolute
 * deviations) is an outlier. */
static void
check_lengths (Run *run)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (run->alignment));
  g_autofree guint *chars = g_new0 (guint, (gsize)n_rows * run->n_columns);

  /* Every cell's length, counted once. */
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (run->alignment), r);

      for (guint c = 0; c < run->n_columns; c++)
        chars[r * run->n_columns + c] = cell_chars (run, row, c);
    }

  for (guint a = 0; a < run->n_columns; a++)
    for (guint b = a + 1; b < run->n_columns; b++)
      {
        g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) deviations = g_array_new (FALSE, FALSE, sizeof (double));
        double center, spread;

        for (guint r = 0; r < n_rows; r++)
          {
            guint la = chars[r * run->n_columns + a], lb = chars[r * run->n_columns + b];

            if (la > 0 && lb > 0)
              {
                double x = log ((lb + 10.0) / (la + 10.0));

                g_array_append_val (ratios, x);
              }
          }
        if (ratios->len < 8)
          continue;

        center = median (ratios);
        for (guint i = 0; i < ratios->len; i++)
          {
            double d = fabs (g_array_index (ratios, double, i) - center);

            g_array_append_val (deviations, d);
          }
        spread = MAX (1.4826 * median (deviations), 0.08);

        for (guint r = run->lo; r < run->hi; r++)
          {
            g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (run->alignment), r);
            guint la = chars[r * run->n_columns + a], lb = chars[r * run->n_columns + b];
            double x;

            if (r < run->lo || r >= run->hi || la == 0 || lb == 0 || MAX (la, lb) < 40)
              continue;
            x = log ((lb + 10.0) / (la + 10.0));
            if (fabs (x - center) > MAX (4.0 * spread, log (1.8)))
              {
                gsize start, end;
                TriFinding *finding;
                double times = la > lb ? (double)la / lb : (double)lb / la;

                finding = add_finding (run, "length-ratio", TRI_SEVERITY_INFO, r,
                                       /* Translators: two language names and how many times longer
                                        * the first one's text is, e.g. "Russian is 2.4 times as long as English" */
                                       g_strdup_printf (_("%s is %.1f times as long as %s here, far from this document’s usual ratio"),
                                                        la > lb ? run->columns[a].name : run->columns[b].name, times,
                                                        la > lb ? run->columns[b].name : run->columns[a].name));
                if (cell_bytes (run, row, a, &start, &end))
                  add_span (finding, a, start, end);
                if (cell_bytes (run, row, b, &start, &end))
                  add_span (finding, b, start, end);
              }
          }
      }
}

/* Quotations */

typedef struct
{
  gunichar open;
  gunichar close;
} QuotePair;

static const QuotePair english_pairs[] = {
  { 0x201C, 0x201D },   /* “ ” */
  { 0x2018, 0x2019 },   /* ‘ ’ */
  { 0x00AB, 0x00BB },   /* « » (rare in English; paired all the same) */
};

static const QuotePair cyrillic_pairs[] = {
  { 0x00AB, 0x00BB },   /* « » */
  { 0x201E, 0x201C },   /* „ “ — the closing mark is the English opening one */
  { 0x201C, 0x201D },   /* “ ” — some texts nest these instead */
};

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

typedef struct
{
  gunichar close;
  gsize    start;
} Open;

/* Whether @c closes a quotation that @close would: typed text mixes
 * straight and curly marks ("Account Settings”). */
static gboolean
closes (gunichar close,
        gunichar c)
{
  return close == c || (close == '"' && c == 0x201D) || (close == 0x201D && c == '"');
}

/* The sentences of @column in the rows checked, widened to whole
 * paragraphs: [*from, *to). */
static void
sentences_of_rows (Run   *run,
                   guint  column,
                   guint  first_row,
                   guint  end_row,
                   guint *from,
                   guint *to)
{
  TriDocument *doc = run->columns[column].doc;
  guint n = tri_document_get_n_sentences (doc);
  guint lo = n, hi = 0;

  for (guint r = first_row; r < end_row; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (run->alignment), r);

      if (tri_row_get_count (row, column) == 0)
        continue;
      lo = MIN (lo, tri_row_get_first (row, column));
      hi = MAX (hi, tri_row_get_first (row, column) + tri_row_get_count (row, column));
    }
  if (lo >= hi)
    {
      *from = *to = 0;
      return;
    }
  while (lo > 0 && tri_document_get_sentence (doc, lo - 1)->paragraph == tri_document_get_sentence (doc, lo)->paragraph)
    lo--;
  while (hi < n && tri_document_get_sentence (doc, hi)->paragraph == tri_document_get_sentence (doc, hi - 1)->paragraph)
    hi++;
  *from = lo;
  *to = hi;
}

/* Whether @at is one of @skip's marks (nullable, in order). */
static gboolean
is_skipped (GArray *skip,
            gsize   at)
{
  for (guint k = 0; skip != NULL && k < skip->len; k++)
    if (g_array_index (skip, gsize, k) == at)
      return TRUE;
  return FALSE;
}

/* Reads the marks of text[start, end), one paragraph, into @col's
 * quotations and unpaired marks, leaving on @stack the quotations still
 * open at its end; the marks at @skip's offsets are passed over. */
static void
scan_paragraph (Column          *col,
                const char      *text,
                gsize            start,
                gsize            end,
                gboolean         cyrillic,
                const QuotePair *pairs,
                guint            n_pairs,
                GArray          *stack,
                GArray          *skip)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar before = p > text ? g_utf8_get_char (g_utf8_prev_char (p)) : ' ';
      gunichar after = g_utf8_get_char (g_utf8_next_char (p));
      gsize at = (gsize)(p - text);
      gboolean handled = FALSE;

      if (is_skipped (skip, at))
        continue;

      /* Apostrophes: between letters, or ’ after a letter in English
       * (the ministers’ plans), never quotation marks; nor is ‘ after
       * a letter (“Hira‘”, an ayn). */
      if ((c == 0x2019 || c == 0x02BC) &&
          ((is_word_char (before) && is_word_char (after)) || cyrillic ||
           (is_word_char (before) && (stack->len == 0 || g_array_index (stack, Open, stack->len - 1).close != c))))
        continue;
      if (c == 0x2018 && is_word_char (before))
        continue;

      /* Straight single marks ('rate my chat', 'скандинавською'): one
       * opens a quotation at a word's start and closes the one it
       * opened at a word's end; anything else is an apostrophe
       * (п'ять, the players' union, 'tis). */
      if (c == '\'')
        {
          gboolean top_single = stack->len > 0 && g_array_index (stack, Open, stack->len - 1).close == '\'';

          if (top_single && !g_unichar_isspace (before) && !is_word_char (after))
            {
              Open open = g_array_index (stack, Open, stack->len - 1);
              Quote quote = { open.start, at + 1, stack->len - 1, FALSE };

              g_array_set_size (stack, stack->len - 1);
              g_array_append_val (col->quotes, quote);
            }
          else if (!is_word_char (before) && g_unichar_isalpha (after))
            {
              Open open = { '\'', at };

              g_array_append_val (stack, open);
            }
          continue;
        }

      /* A closing mark of a quotation outside straight single marks
       * still open: those were apostrophes. */
      {
        guint k = stack->len;

        while (k > 0 && g_array_index (stack, Open, k - 1).close == '\'')
          k--;
        if (k > 0 && k < stack->len && closes (g_array_index (stack, Open, k - 1).close, c))
          g_array_set_size (stack, k);
      }

      /* A straight double mark between a space and a word opens a
       * quotation inside the one open ("у стані "анархії""). */
      if (c == '"' && stack->len > 0 && g_array_index (stack, Open, stack->len - 1).close == '"' &&
          (g_unichar_isspace (before) || before == '(') && g_unichar_isalnum (after))
        {
          Open open = { '"', at };

          g_array_append_val (stack, open);
          continue;
        }

      /* A closing mark of the innermost open quotation first: “ closes
       * „ in Russian before it can open anything. */
      if (stack->len > 0 && closes (g_array_index (stack, Open, stack->len - 1).close, c))
        {
          Open open = g_array_index (stack, Open, stack->len - 1);
          Quote quote = { open.start, at + g_unichar_to_utf8 (c, NULL), stack->len - 1, FALSE };

          g_array_set_size (stack, stack->len - 1);
          g_array_append_val (col->quotes, quote);
          continue;
        }

      /* 16x12", 6" — inches, not a quotation mark. */
      if (c == '"' && g_unichar_isdigit (before) && !g_unichar_isalpha (after))
        continue;

      /* Straight quotation marks: open at a word's start, else close. */
      if (c == '"')
        {
          Open open = { '"', at };

          if (!is_word_char (before) || stack->len == 0)
            g_array_append_val (stack, open);
          else
            g_array_append_val (col->unpaired, at);
          continue;
        }

      for (guint k = 0; k < n_pairs && !handled; k++)
        if (c == pairs[k].open)
          {
            Open open = { pairs[k].close, at };

            g_array_append_val (stack, open);
            handled = TRUE;
          }
      for (guint k = 0; k < n_pairs && !handled; k++)
        if (c == pairs[k].close)
          {
            g_array_append_val (col->unpaired, at);
            handled = TRUE;
          }
    }
}

/* Drops the straight single marks never closed from @stack: they were
 * apostrophes. */
static void
drop_open_singles (GArray *stack)
{
  guint kept = 0;

  for (guint k = 0; k < stack->len; k++)
    if (g_array_index (stack, Open, k).close != '\'')
      g_array_index (stack, Open, kept++) = g_array_index (stack, Open, k);
  g_array_set_size (stack, kept);
}

/* The quotations of @column's text, paragraph by paragraph. */
static void
find_quotes (Run   *run,
             guint  column)
{
  Column *col = &run->columns[column];
  TriDocument *doc = col->doc;
  const char *text = tri_document_get_text (doc);
  g_autofree char *base = tri_language_get_base (tri_document_get_language (doc));
  gboolean cyrillic = g_strcmp0 (base, "ru") == 0 || g_strcmp0 (base, "uk") == 0 || g_strcmp0 (base, "be") == 0;
  const QuotePair *pairs = cyrillic ? cyrillic_pairs : english_pairs;
  guint n_pairs = cyrillic ? G_N_ELEMENTS (cyrillic_pairs) : G_N_ELEMENTS (english_pairs);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Open));
  guint n = tri_document_get_n_sentences (doc);

  guint from, to;

  col->cyrillic = cyrillic;
  col->quotes = g_array_new (FALSE, FALSE, sizeof (Quote));
  col->unpaired = g_array_new (FALSE, FALSE, sizeof (gsize));

  /* Only the paragraphs of the rows checked. */
  sentences_of_rows (run, column, run->lo, run->hi, &from, &to);
  n = MIN (n, to);
  for (guint i = from; i < n;)
    {
      guint paragraph = tri_document_get_sentence (doc, i)->paragraph;
      gsize start = tri_document_get_sentence (doc, i)->start, end;
      guint j = i;
      guint n_quotes = col->quotes->len, n_unpaired = col->unpaired->len;

      while (j + 1 < n && tri_document_get_sentence (doc, j + 1)->paragraph == paragraph)
        j++;
      end = tri_document_get_sentence (doc, j)->end;

      scan_paragraph (col, text, start, end, cyrillic, pairs, n_pairs, stack, NULL);
      drop_open_singles (stack);

      /* Still open at the end of the paragraph: a quotation that goes on
       * in the next, when it opens with a quotation mark, else a mark
       * that pairs with nothing. */
      if (stack->len > 0)
        {
          gboolean continues = FALSE;

          if (j + 1 < n)
            {
              const char *next = text + tri_document_get_sentence (doc, j + 1)->start;
              gunichar first = g_utf8_get_char (next);

              for (guint k = 0; k < n_pairs; k++)
                continues |= first == pairs[k].open;
              continues |= first == '"';
            }
          if (continues)
            {
              /* The next paragraph's mark reopens it: count the
               * quotation once, from here. */
              for (guint k = 0; k < stack->len; k++)
                {
                  Open open = g_array_index (stack, Open, k);
                  Quote quote = { open.start, end, k, TRUE };

                  g_array_append_val (col->quotes, quote);
                }
            }
          else
            {
              /* An opening mark that never closes pairs with nothing;
               * the marks after it are read again as if it were not
               * there, so the quotations that follow are not taken for
               * ones nested in it (a Ukrainian «…, – сказав він. whose
               * closing mark is lost, then «…» «…» in later
               * sentences). */
              g_autoptr(GArray) skip = g_array_new (FALSE, FALSE, sizeof (gsize));

              for (guint k = 0; k < stack->len; k++)
                g_array_append_val (skip, g_array_index (stack, Open, k).start);
              g_array_set_size (col->quotes, n_quotes);
              g_array_set_size (col->unpaired, n_unpaired);
              g_array_set_size (stack, 0);
              scan_paragraph (col, text, start, end, cyrillic, pairs, n_pairs, stack, skip);
              drop_open_singles (stack);
              for (guint k = 0; k < stack->len; k++)
                if (!is_skipped (skip, g_array_index (stack, Open, k).start))
                  g_array_append_val (skip, g_array_index (stack, Open, k).start);
              g_array_append_vals (col->unpaired, skip->data, skip->len);
            }
          g_array_set_size (stack, 0);
        }

      i = j + 1;
    }
}

static int
compare_quotes (gconstpointer a,
                gconstpointer b)
{
  const Quote *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* quote-unbalanced: a mark that pairs with nothing, in a version whose
 * row the others have without one. A row where every version has one
 * (a quotation whose opening sentence the text leaves out, closed in
 * each) deviates nowhere. */
static void
check_unpaired (Run *run)
{
  g_autoptr(GHashTable) versions = g_hash_table_new (NULL, NULL);   /* row → bit per version */

  for (guint c = 0; c < run->n_columns; c++)
    for (guint i = 0; i < run->columns[c].unpaired->len; i++)
      {
        guint r = row_of_byte (run, c, g_array_index (run->columns[c].unpaired, gsize, i));

        g_hash_table_insert (versions, GUINT_TO_POINTER (r),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (versions, GUINT_TO_POINTER (r))) | 1u << c));
      }

  for (guint c = 0; c < run->n_columns; c++)
    for (guint i = 0; i < run->columns[c].unpaired->len; i++)
      {
        gsize at = g_array_index (run->columns[c].unpaired, gsize, i);
        const char *text = tri_document_get_text (run->columns[c].doc);
        guint r = row_of_byte (run, c, at);
        TriFinding *finding;

        if (r < run->lo || r >= run->hi)
          continue;
        {
          g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (run->alignment), r);
          gsize starts[TRI_MAX_COLUMNS], ends[TRI_MAX_COLUMNS];
          guint have = row_bytes (run, row, starts, ends);

          /* Two versions at least, each with a mark of its own. */
          if ((have & (have - 1)) != 0 && GPOINTER_TO_UINT (g_hash_table_lookup (versions, GUINT_TO_POINTER (r))) == have)
            continue;
        }
        finding = add_finding (run, "quote-unbalanced", TRI_SEVERITY_WARNING, r,
                               /* Translators: a language name */
                               g_strdup_printf (_("A quotation mark pairs with no other in %s"), run->columns[c].name));
        finding->odd = 1u << c;
        add_span (finding, c, at, (gsize)(g_utf8_next_char (text + at) - text));
      }
}

/* Russian and Ukrainian put names, titles and the labels of buttons in
 * quotation marks (компания «Нафтогаз», «Сбросить до заводских настроек»),
 * English does not. Speech is told from those by length and by the end
 * of a clause at its closing mark (is_speech()). */
#define MIN_QUOTATION_WORDS 6

static guint
count_words (const char *text,
             gsize       start,
             gsize       end)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalnum (g_utf8_get_char (p));

      /* PRS_ORG, a placeholder or an identifier: one word. */
      words += letter && !in_word;
      in_word = letter || (in_word && (*p == '-' || *p == '\'' || *p == '_'));
    }
  return words;
}

/* Spaces, the no-break ones too («сказал он,\u00A0— и»): from @p back
 * to the first character after the spaces before it, and from @p on to
 * the first that is no space. */
static const char *
skip_spaces_back (const char *text,
                  const char *p)
{
  while (p > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
    p = g_utf8_prev_char (p);
  return p;
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static gboolean
ends_clause (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == 0x2026;
}

/* Whether every word of four letters or more inside @q starts with a
 * capital, and there is one: a title (The Gilded Age). */
static gboolean
is_title (const char  *text,
          const Quote *q)
{
  guint long_words = 0;
  const char *p = text + q->start;

  while (p < text + q->end)
    {
      const char *word;
      guint letters = 0;

      while (p < text + q->end && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      word = p;
      while (p < text + q->end && (g_unichar_isalpha (g_utf8_get_char (p)) || *p == '\''))
        {
          letters++;
          p = g_utf8_next_char (p);
        }
      if (letters < 4)
        continue;
      if (!g_unichar_isupper (g_utf8_get_char (word)))
        return FALSE;
      long_words++;
    }
  return long_words > 0;
}

/* Whether a dash follows @q's closing mark and a comma, as Russian and
 * Ukrainian close speech: «…», — сказал он. */
static gboolean
speech_dash_after (const char  *text,
                   const Quote *q)
{
  const char *after = text + q->end;

  if (*after != ',')
    return FALSE;
  after = skip_spaces (after + 1);
  return g_str_has_prefix (after, "\xE2\x80\x94") || g_str_has_prefix (after, "\xE2\x80\x93");
}

/* Speech, not a name: six words or more, or three and more with a clause's
 * end inside the closing mark ("…risk," English), or the marks of speech
 * around it in Russian and Ukrainian. */
static gboolean
is_speech (const char  *text,
           const Quote *q)
{
  guint words = count_words (text, q->start, q->end);
  const char *last;
  gunichar inside;

  /* A quotation over paragraphs is speech, however short its first. */
  if (words >= MIN_QUOTATION_WORDS || q->continued)
    return TRUE;
  /* Speech by its marks, however short: «Час спливає», – заявила вона. */
  if (words > 0 && speech_dash_after (text, q))
    return TRUE;
  if (words < 3)
    return FALSE;

  /* A few words quoted inside a clause (would "help us save many
   * lives."; was in "Cause and Effect."), whatever the punctuation
   * English puts inside the marks, are a phrase or a title, not speech;
   * so are a few words each capitalised ("The Gilded Age,"). */
  {
    const char *before = skip_spaces_back (text, text + q->start);

    if (before > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (before))))
      return FALSE;
    if (is_title (text, q))
      return FALSE;
  }

  /* The last character inside: before the closing mark, or the
   * paragraph's last, for a quotation that goes on in the next. */
  last = g_utf8_prev_char (text + q->end);
  inside = g_utf8_get_char (last);
  if (g_unichar_ispunct (inside) && !ends_clause (inside))
    inside = g_utf8_get_char (g_utf8_prev_char (last));
  if (ends_clause (inside))
    return TRUE;

  /* Russian and Ukrainian open speech after a colon: сказал: «…» (or
   * close it with a dash, above). A button's label («Выйти из учетной
   * записи».) has neither. */
  {
    const char *before = skip_spaces_back (text, text + q->start);

    return before > text && before[-1] == ':';
  }
}

static guint first_quote_from (GArray *quotes,
                               gsize   start);

/* The outermost quotations of @column that open in [start, end) and are
 * speech, not names. */
static GArray *
quotes_in (Run   *run,
           guint  column,
           gsize  start,
           gsize  end)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Quote));
  GArray *quotes = run->columns[column].quotes;
  const char *text = tri_document_get_text (run->columns[column].doc);

  for (guint i = first_quote_from (quotes, start); i < quotes->len && g_array_index (quotes, Quote, i).start < end; i++)
    {
      const Quote *q = &g_array_index (quotes, Quote, i);

      if (q->depth == 0 && q->start >= start && q->start < end && is_speech (text, q))
        g_array_append_val (found, *q);
    }
  return found;
}

/* Whether @text opens with a speaker's label: one to three words, each
 * capitalised, then a colon (Jerry: …, Me: …, Джерри: …) — not "He
 * said: …". */
static gboolean
starts_with_speaker (const char *text,
                     gsize       length)
{
  const char *p = text, *end = text + length;
  guint words = 0;

  while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p >= end || !g_unichar_isupper (g_utf8_get_char (p)))
    return FALSE;
  while (p < end && words < 3)
    {
      if (!g_unichar_isupper (g_utf8_get_char (p)))
        return FALSE;
      while (p < end && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      words++;
      if (p < end && *p == ':')
        return p + 1 < end && p[1] == ' ';
      if (p < end && *p == ' ')
        p++;
    }
  return FALSE;
}

/* How many quotations of @column (outermost, any length) overlap
 * [start, end): one that opened in an earlier row and goes on here counts,
 * so versions that split a quotation's sentences differently agree. */
/* The first of @quotes (sorted by their start) that may overlap bytes
 * from @start on: the outermost one open at @start, else the first to
 * start there or after. */
static guint
first_quote_from (GArray *quotes,
                  gsize   start)
{
  guint lo = 0, hi = quotes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (quotes, Quote, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* Back to the outermost quotation that opened before and may go on. */
  for (guint k = lo; k > 0; k--)
    if (g_array_index (quotes, Quote, k - 1).depth == 0)
      return k - 1;
  return lo;
}

/* A phrase quoted: speech, or two words or more that open in lower case
 * («беспечной болтовнёй и пустыми сплетнями»); a title, a name or a
 * button's label opens with a capital («Великие деяния северных
 * королей», «Сбросить до заводских настроек»), a single word is a term. */
#define MIN_PHRASE_WORDS 2

static gboolean
is_phrase (const char  *text,
           const Quote *q)
{
  const char *p = text + q->start;

  if (is_speech (text, q))
    return TRUE;
  while (p < text + q->end && !g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p < text + q->end && g_unichar_islower (g_utf8_get_char (p)) &&
         count_words (text, q->start, q->end) >= MIN_PHRASE_WORDS;
}

static guint
count_overlapping (Run   *run,
                   guint  column,
                   gsize  start,
                   gsize  end,
                   guint *speech,
                   guint *phrase)
{
  GArray *quotes = run->columns[column].quotes;
  const char *text = tri_document_get_text (run->columns[column].doc);
  guint n = 0;

  for (guint i = first_quote_from (quotes, start); i < quotes->len && g_array_index (quotes, Quote, i).start < end; i++)
    {
      const Quote *q = &g_array_index (quotes, Quote, i);
      gsize part = q->start;
      gboolean outside = FALSE;

      guint before = n;

      if (q->depth != 0 || q->start >= end || q->end <= start)
        continue;
      if (!run->columns[column].cyrillic)
        {
          n++;
          *speech += is_speech (text, q);
          *phrase += is_phrase (text, q);
          continue;
        }
      /* «Людям подобається, – зазначив він. – Це спорт…»: Russian and
       * Ukrainian put the speaker's words between dashes inside one
       * pair of marks, where English closes and reopens: a part each. */
      for (const char *p = text + q->start; p < text + q->end; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          const char *spaces = skip_spaces_back (text, p);

          if ((c == 0x2013 || c == 0x2014) && spaces < p && spaces > text &&
              ends_clause (g_utf8_get_char (g_utf8_prev_char (spaces))) &&
              g_unichar_isspace (g_utf8_get_char (g_utf8_next_char (p))))
            {
              gsize at = (gsize)(p - text);

              if (!outside)
                n += part < end && at > start;
              else
                part = at;
              outside = !outside;
            }
        }
      if (!outside)
        n += part < end && q->end > start;
      if (is_speech (text, q))
        *speech += n - before;
      if (is_phrase (text, q))
        *phrase += n - before;
    }
  return n;
}

/* Whether both Cyrillic versions @a and @b quote more speech than the
 * @have quotations of @o, or more phrases than @o quotes (its quoted
 * single words aside: "frivolous" is no counterpart of «каждый может
 * подать в суд на кого угодно»). */
static gboolean
cyrillic_quote_more (const guint *speech,
                     const guint *phrase,
                     guint        o,
                     guint        a,
                     guint        b,
                     guint        have)
{
  return (speech[a] > have && speech[b] > have) || (phrase[a] > phrase[o] && phrase[b] > phrase[o]);
}

/* Which versions a row's quotations set apart (bit c for column c), or 0
 * when they agree. @all counts every quotation, @speech those that are
 * speech (is_speech()). Three versions: what two have and the third has
 * not is missing there — but what only Russian and Ukrainian quote
 * (names, titles, labels: «Челси») is their convention, and what one
 * version alone quotes counts only when it is speech (a translator who
 * made reported speech a quotation, or the reverse); @opened counts the
 * speech that opens in the row.
 *
 * Quotations are paired by counting per row, by overlap. The word links
 * of tri-word-align (issue 14) will let them be paired by their words:
 * that is where a quotation whose boundary differs (one version takes in
 * words the others leave outside) and scare quotes one version alone
 * adds («невидимым») can be told; neither is found now. */
static guint
odd_quotations (Run         *run,
                const guint *all,
                const guint *speech,
                const guint *phrase,
                const guint *opened)
{
  guint n = run->n_columns, odd = 0;

  if (n == 3)
    {
      for (guint o = 0; o < 3; o++)
        {
          guint a = (o + 1) % 3, b = (o + 2) % 3;

          if (all[a] != all[b] || all[o] == all[a])
            continue;
          if (all[o] < all[a])
            {
              /* Only the Cyrillic versions quote: their convention,
               * unless both quote speech or a phrase the other has not. */
              if (!run->columns[o].cyrillic && run->columns[a].cyrillic && run->columns[b].cyrillic)
                return cyrillic_quote_more (speech, phrase, o, a, b, all[o]) ? 1u << o : 0;
              return 1u << o;
            }
          /* One version quotes more: speech only. A version of the
           * original's script quoting speech the two others report: they
           * dropped it; a Cyrillic one: it added a quotation. */
          if (speech[o] <= all[a])
            return 0;
          if (!run->columns[o].cyrillic && run->columns[a].cyrillic && run->columns[b].cyrillic)
            return (1u << a) | (1u << b);
          /* Added: a quotation that opens here (one going on from a
           * row where the others had a speaker's label is the same
           * transcript). */
          return opened[o] > all[a] ? 1u << o : 0;
        }
      if (all[0] == all[1] && all[1] == all[2])
        return 0;
      /* Three different counts: a version with none where both others
       * have some lacks them (the rule above); else by speech, the
       * fewest are odd. */
      for (guint o = 0; o < 3; o++)
        {
          guint a = (o + 1) % 3, b = (o + 2) % 3;

          if (all[o] == 0 && all[a] > 0 && all[b] > 0)
            {
              if (!run->columns[o].cyrillic && run->columns[a].cyrillic && run->columns[b].cyrillic)
                return cyrillic_quote_more (speech, phrase, o, a, b, 0) ? 1u << o : 0;
              return 1u << o;
            }
        }
      if (speech[0] != speech[1] || speech[1] != speech[2])
        {
          guint fewest = MIN (speech[0], MIN (speech[1], speech[2]));

          for (guint c = 0; c < 3; c++)
            if (speech[c] == fewest)
              odd |= 1u << c;
        }
      return odd;
    }

  /* Two versions: speech that one has and the other has not. */
  for (guint c = 0; c < n; c++)
    for (guint d = 0; d < n; d++)
      if (c != d && speech[d] > all[c])
        odd |= 1u << c;
  return odd;
}

static guint first_word_from (Run   *run,
                              guint  column,
                              gsize  offset);

/* The quotation of @column opening in [@start, @end) that holds bytes
 * [@s, @e), or %NULL. */
static const Quote *
quote_around (Run   *run,
              guint  column,
              gsize  start,
              gsize  end,
              gsize  s,
              gsize  e)
{
  GArray *quotes = run->columns[column].quotes;

  for (guint i = first_quote_from (quotes, start); i < quotes->len && g_array_index (quotes, Quote, i).start < end; i++)
    {
      const Quote *q = &g_array_index (quotes, Quote, i);

      if (q->start <= s && e <= q->end)
        return q;
    }
  return NULL;
}

/* A short quotation's word (three words at most) that two versions quote,
 * English among them, and the third has outside any quotation: for
 * Australians 'flat white' is foreign, a short black is 'espresso' /
 * «Маленький чёрный» — это эспрессо / Шорт блек – це «еспресо». The
 * counts agree (each quotes two), the third version quotes other words.
 * What only Russian and Ukrainian quote is their convention (see
 * odd_quotations()). Words match strictly (problem is not приблизно). */
static gboolean
check_quoted_words (Run    *run,
                    TriRow *row,
                    guint   r)
{
  gsize start[TRI_MAX_COLUMNS], end[TRI_MAX_COLUMNS];
  guint first[TRI_MAX_COLUMNS], last[TRI_MAX_COLUMNS];

  if (run->n_columns != 3)
    return FALSE;
  for (guint c = 0; c < 3; c++)
    {
      if (!cell_bytes (run, row, c, &start[c], &end[c]))
        return FALSE;
      first[c] = first_word_from (run, c, start[c]);
      last[c] = first_word_from (run, c, end[c]);
    }
  for (guint o = 0; o < 3; o++)
    {
      guint a = (o + 1) % 3, b = (o + 2) % 3;

      if (run->columns[a].cyrillic && run->columns[b].cyrillic)
        continue;
      for (guint i = first[a]; i < last[a]; i++)
        {
          const TriWord *wa = &g_array_index (run->columns[a].words, TriWord, i);
          const Quote *qa, *qb = NULL, *qo = NULL;
          const TriWord *wo = NULL;

          if ((wa->flags & TRI_WORD_SHORT) || strlen (wa->skeleton) < 4)
            continue;
          qa = quote_around (run, a, start[a], end[a], wa->start, wa->end);
          if (qa == NULL || first_word_from (run, a, qa->end) - first_word_from (run, a, qa->start) > 3)
            continue;
          for (guint j = first[b]; j < last[b] && qb == NULL; j++)
            {
              const TriWord *wb = &g_array_index (run->columns[b].words, TriWord, j);

              if (tri_names_match_strictly (wa->skeleton, wb->skeleton))
                qb = quote_around (run, b, start[b], end[b], wb->start, wb->end);
            }
          if (qb == NULL)
            continue;
          for (guint j = first[o]; j < last[o] && qo == NULL; j++)
            {
              const TriWord *w = &g_array_index (run->columns[o].words, TriWord, j);

              if (tri_names_match_strictly (wa->skeleton, w->skeleton))
                {
                  qo = quote_around (run, o, start[o], end[o], w->start, w->end);
                  wo = wo != NULL ? wo : w;
                }
            }
          if (qo == NULL && wo != NULL)
            {
              const char *text = tri_document_get_text (run->columns[a].doc);
              g_autofree char *quoted = g_strndup (text + qa->start, qa->end - qa->start);
              TriFinding *finding = add_finding (run, "quote-missing", TRI_SEVERITY_WARNING, r,
                                                 /* Translators: two language names, a quotation, a third
                                                  * language, e.g. "English and Ukrainian quote ‘espresso’,
                                                  * Russian does not" */
                                                 g_strdup_printf (_("%s and %s quote %s, %s does not"),
                                                                  run->columns[a].name, run->columns[b].name,
                                                                  quoted, run->columns[o].name));

              finding->odd = 1u << o;
              add_span (finding, a, qa->start, qa->end);
              add_span (finding, b, qb->start, qb->end);
              add_span (finding, o, wo->start, wo->end);
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* quote-missing and quote-mismatch: rows with text in every version. */
static void
check_quotes (Run    *run,
              TriRow *row,
              guint   r)
{
  GArray *quotes[TRI_MAX_COLUMNS] = { NULL };
  guint all[TRI_MAX_COLUMNS] = { 0 }, speech[TRI_MAX_COLUMNS] = { 0 }, phrase[TRI_MAX_COLUMNS] = { 0 };
  gsize start, end;
  guint most = 0, odd;

  for (guint c = 0; c < run->n_columns; c++)
    {
      if (!cell_bytes (run, row, c, &start, &end))
        goto out;
      quotes[c] = quotes_in (run, c, start, end);
      all[c] = count_overlapping (run, c, start, end, &speech[c], &phrase[c]);
      most = MAX (most, all[c]);
    }
  for (guint c = 0; c < run->n_columns; c++)
    {
      /* "Jerry: You can't park there" is what another version quotes
       * (Джеррі: «…»): a speaker's name and a colon make speech. */
      if (all[c] == 0 && most > 0 && cell_bytes (run, row, c, &start, &end) &&
          starts_with_speaker (tri_document_get_text (run->columns[c].doc) + start, end - start))
        all[c] = speech[c] = phrase[c] = 1;
    }

  {
    guint opened[TRI_MAX_COLUMNS] = { 0 };

    for (guint c = 0; c < run->n_columns; c++)
      opened[c] = quotes[c]->len;
    odd = odd_quotations (run, all, speech, phrase, opened);
  }
  if (odd != 0)
    {
      g_autoptr(GString) counts = g_string_new (NULL);
      g_autoptr(GString) missing = g_string_new (NULL);
      TriFinding *finding = add_finding (run, "quote-missing", TRI_SEVERITY_WARNING, r, NULL);

      finding->odd = odd;
      for (guint c = 0; c < run->n_columns; c++)
        {
          if (counts->len > 0)
            g_string_append (counts, ", ");
          /* Translators: a language name and how many quotations it has in a row */
          g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%s: %u quotation", "%s: %u quotations",
                                                       all[c]),
                                  run->columns[c].name, all[c]);
          finding->languages |= 1u << c;
          for (guint i = 0; i < run->columns[c].quotes->len; i++)
            {
              const Quote *q = &g_array_index (run->columns[c].quotes, Quote, i);

              if (q->depth == 0 && cell_bytes (run, row, c, &start, &end) && q->start < end && q->end > start)
                add_span (finding, c, MAX (q->start, start), MIN (q->end, end));
            }
        }
      finding->message = g_strdup_printf (_("A quotation is missing from a version (%s)"), counts->str);
      goto out;
    }
  if (check_quoted_words (run, row, r))
    goto out;
  most = 0;
  for (guint c = 0; c < run->n_columns; c++)
    most = MAX (most, quotes[c]->len);

  /* The same number: the i-th quotation of each should say the same. */
  for (guint i = 0; i < most; i++)
    {
      gsize qs[TRI_MAX_COLUMNS], qe[TRI_MAX_COLUMNS];
      guint have = 0;

      for (guint c = 0; c < run->n_columns; c++)
        {
          if (i < quotes[c]->len)
            {
              qs[c] = g_array_index (quotes[c], Quote, i).start;
              qe[c] = g_array_index (quotes[c], Quote, i).end;
            }
          /* A speaker's label (Jerry: …) stands for a quotation: the
           * whole text. A version that quotes no speech here otherwise
           * (a title the others' longer quotation makes speech of) has
           * nothing to compare. */
          else if (!cell_bytes (run, row, c, &qs[c], &qe[c]) ||
                   !starts_with_speaker (tri_document_get_text (run->columns[c].doc) + qs[c], qe[c] - qs[c]))
            continue;
          have |= 1u << c;
        }
      compare_numbers (run, r, "quote-mismatch", TRI_SEVERITY_WARNING,
                       _("The numbers inside a quotation differ between the versions"), qs, qe, have);
    }

out:
  for (guint c = 0; c < run->n_columns; c++)
    g_clear_pointer (&quotes[c], g_array_unref);
}

/* Names: name-mismatch and quote-speaker */

static TriWord *
word_at (Run   *run,
         guint  column,
         guint  i)
{
  return &g_array_index (run->columns[column].words, TriWord, i);
}

static gboolean
is_name_like (const TriWord *word)
{
  return (word->flags & (TRI_WORD_CAPITALISED | TRI_WORD_COMMON | TRI_WORD_SHORT)) == TRI_WORD_CAPITALISED;
}

/* The index of the first word of @column at or after byte @offset. */
static guint
first_word_from (Run   *run,
                 guint  column,
                 gsize  offset)
{
  GArray *words = run->columns[column].words;
  guint lo = 0, hi = words->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (words, TriWord, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Known names, for a quick look up of a skeleton that may be one of them
 * with a case ending (tri_names_match()'s first rule): the names, and
 * each with up to two letters cut. English w is в or у: a first v or a
 * is one letter here. */
static char *
lookup_key (const char *skeleton,
            gsize       length)
{
  char *key = g_strndup (skeleton, length);

  if (length >= 3 && key[0] == 'a')
    key[0] = 'v';
  return key;
}

static void
add_known (GHashTable *names,
           GHashTable *cut,
           const char *skeleton)
{
  gsize length = strlen (skeleton);

  g_hash_table_add (names, lookup_key (skeleton, length));
  /* Not down to two letters: Анкаре does not make Они a name. */
  for (gsize k = 0; k <= 2 && k < length && length - k >= MIN (length, 3); k++)
    g_hash_table_add (cut, lookup_key (skeleton, length - k));
}

static gboolean
is_known (GHashTable *names,
          GHashTable *cut,
          const char *skeleton)
{
  gsize length = strlen (skeleton);
  g_autofree char *key = lookup_key (skeleton, length);

  /* A known name with an ending, or the word with one. */
  if (g_hash_table_contains (cut, key))
    return TRUE;
  for (gsize k = 1; k <= 2 && k < length && length - k >= 3; k++)
    {
      g_autofree char *shorter = lookup_key (skeleton, length - k);

      if (g_hash_table_contains (names, shorter))
        return TRUE;
    }
  return FALSE;
}

/* How many rows around those checked the names of a document are looked
 * for, to tell a name that opens a sentence: enough for an article, and
 * an edit's recheck stays quick on a long document. */
#define NAME_CONTEXT_ROWS 200

/* A capitalised word inside a sentence is a name; one that opens a
 * sentence (or a quotation) is when the document has it as a name
 * elsewhere (Лавров заявил … ; … сказал Лавров) — near the rows checked,
 * NAME_CONTEXT_ROWS, and with a case ending at most. */
static void
find_names (Run   *run,
            guint  column)
{
  Column *col = &run->columns[column];
  const char *text = tri_document_get_text (col->doc);
  const char *language = tri_document_get_language (col->doc);
  g_autofree char *base = tri_language_get_base (language);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) cut = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (run->alignment));
  guint from, to;
  gsize start = 0, end = 0;

  col->cyrillic = g_strcmp0 (base, "ru") == 0 || g_strcmp0 (base, "uk") == 0 || g_strcmp0 (base, "be") == 0;
  sentences_of_rows (run, column, run->lo > NAME_CONTEXT_ROWS ? run->lo - NAME_CONTEXT_ROWS : 0,
                     MIN (n_rows, run->hi + NAME_CONTEXT_ROWS), &from, &to);
  if (from < to)
    {
      start = tri_document_get_sentence (col->doc, from)->start;
      end = tri_document_get_sentence (col->doc, to - 1)->end;
    }
  col->words = tri_names_scan (run->names, language, text, start, end);
  for (guint i = 0; i < col->words->len; i++)
    {
      TriWord *word = word_at (run, column, i);

      if (is_name_like (word) && !(word->flags & TRI_WORD_INITIAL))
        {
          word->flags |= TRI_WORD_NAME;
          add_known (known, cut, word->skeleton);
        }
    }
  for (guint i = 0; i < col->words->len; i++)
    {
      TriWord *word = word_at (run, column, i);

      if (is_name_like (word) && !(word->flags & TRI_WORD_NAME) && is_known (known, cut, word->skeleton))
        word->flags |= TRI_WORD_NAME;
    }
}

/* Words i and i + 1 of @column as one (Cape Town = Кейптаун), in @out;
 * FALSE when they are not next to each other. */
static gboolean
joined_skeleton (Run   *run,
                 guint  column,
                 guint  i,
                 guint  last,
                 char  *out,
                 gsize  size)
{
  const char *text = tri_document_get_text (run->columns[column].doc);
  const TriWord *a, *b;
  gsize la;

  if (i + 1 >= last)
    return FALSE;
  a = word_at (run, column, i);
  b = word_at (run, column, i + 1);
  if (b->start - a->end != 1 || (text[a->end] != ' ' && text[a->end] != '-'))
    return FALSE;
  la = strlen (a->skeleton);
  if (la + strlen (b->skeleton) + 1 > size)
    return FALSE;
  strcpy (out, a->skeleton);
  strcpy (out + la, b->skeleton + (la > 0 && b->skeleton[0] == a->skeleton[la - 1]));
  return TRUE;
}

/* Whether @word of @column, a counterpart of a name in Latin letters
 * (@latin) or not, kept in another script than its version's (@foreign)
 * or not, says that name is one: a name, transliterated (in another
 * script), or both in their versions' own script, or both kept in
 * another (Galaxy in Russian and Ukrainian); not Sveriges kept in Russian
 * for the English one. */
static gboolean
corroborates (Run           *run,
              guint          column,
              const TriWord *word,
              gboolean       latin,
              guint          foreign)
{
  gboolean word_latin = run->columns[column].cyrillic == ((word->flags & TRI_WORD_FOREIGN) != 0);

  return (word->flags & TRI_WORD_NAME) && (word_latin != latin || (word->flags & TRI_WORD_FOREIGN) == foreign);
}

/* The first word of @column's words [first, last) that matches
 * @skeleton, alone or joined to the next; @names_only: only names that
 * corroborate one in Latin letters (@latin) or not, kept in another
 * script than its version's (@foreign) or not. Joined words are long: they match
 * only up to a case ending (Cape Town = Кейптауна, but Martin Sollberger
 * is not Мартін Келлер), as does a joined @skeleton (@joined); a
 * lower-case word only when it is @copied, if given. -1 for none. */
static int
find_counterpart (Run        *run,
                  guint       column,
                  guint       first,
                  guint       last,
                  const char *skeleton,
                  const char *copied,
                  gboolean    joined,
                  gboolean    names_only,
                  gboolean    latin,
                  guint       foreign)
{
  for (guint j = first; j < last; j++)
    {
      const TriWord *word = word_at (run, column, j);
      char pair[128];

      if (names_only && !corroborates (run, column, word, latin, foreign))
        continue;
      /* A short lower-case word is no name's counterpart: "are" is not
       * Иране (their skeletons differ only by what could be a case
       * ending), «у» not Ukraine. */
      if (!(word->flags & TRI_WORD_CAPITALISED) && strlen (word->skeleton) < 3)
        continue;
      /* A word a Cyrillic version keeps in Latin letters (Norton
       * Security) is copied: in Latin letters its counterpart is the
       * same word or a name, not one alike ("secure"). */
      if (copied != NULL && !(word->flags & TRI_WORD_CAPITALISED) && !g_str_equal (word->lower, copied))
        continue;
      if ((joined ? tri_names_match_strictly (skeleton, word->skeleton) : tri_names_match (skeleton, word->skeleton)) ||
          (joined_skeleton (run, column, j, last, pair, sizeof pair) && tri_names_match_strictly (skeleton, pair)))
        return (int)j;
    }
  return -1;
}

/* Whether word i of column @c, alone or joined to a neighbour, has a
 * counterpart in @d's words [first, last); @names_only: a name that
 * corroborates it (see find_counterpart()). */
static gboolean
has_counterpart (Run         *run,
                 guint        c,
                 guint        i,
                 const guint *first,
                 const guint *last,
                 guint        d,
                 gboolean     names_only)
{
  const TriWord *word = word_at (run, c, i);
  guint foreign = word->flags & TRI_WORD_FOREIGN;
  gboolean latin = run->columns[c].cyrillic == (foreign != 0);
  const char *copied = foreign && run->columns[c].cyrillic && !run->columns[d].cyrillic ? word->lower : NULL;
  char joined[128];

  return find_counterpart (run, d, first[d], last[d], word->skeleton, copied, FALSE, names_only, latin, foreign) >= 0 ||
         (joined_skeleton (run, c, i, last[c], joined, sizeof joined) &&
          find_counterpart (run, d, first[d], last[d], joined, NULL, TRUE, names_only, latin, foreign) >= 0) ||
         (i > first[c] && joined_skeleton (run, c, i - 1, last[c], joined, sizeof joined) &&
          find_counterpart (run, d, first[d], last[d], joined, NULL, TRUE, names_only, latin, foreign) >= 0);
}

/* A sentence's first word is a name, too, when a version in another
 * script has it capitalised (Лавров заявил … / … Sergei Lavrov said;
 * Chambers, / Чемберс,): words seldom transliterate. Not one in the same
 * script: Russian and Ukrainian share words, and capitalise list items
 * and titles alike (Режиссёр, Режисер). */
static gboolean
same_script (Run   *run,
             guint  a,
             guint  b)
{
  return run->columns[a].cyrillic == run->columns[b].cyrillic;
}

/* A spelling dictionary of @language (@name, or its default when
 * %NULL), loaded once for the process (a check is often run again after
 * an edit), or %NULL when none is installed. */
static TriSpellDictionary *
common_words_of (const char *language,
                 const char *name)
{
  static GHashTable *dictionaries;   /* "language/name" → TriSpellDictionary or NULL */
  G_LOCK_DEFINE_STATIC (dictionaries);
  g_autofree char *key = g_strconcat (language, "/", name, NULL);
  TriSpellDictionary *dictionary;

  G_LOCK (dictionaries);
  if (dictionaries == NULL)
    dictionaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (dictionaries, key, NULL, (gpointer *)&dictionary))
    {
      dictionary = tri_spell_dictionary_load (language, name, NULL);
      g_hash_table_insert (dictionaries, g_steal_pointer (&key), dictionary);
    }
  G_UNLOCK (dictionaries);
  return dictionary;
}

/* Whether @word, which opens a sentence, is an ordinary word of its
 * language: a spelling dictionary knows it in lower case (Segregation,
 * Однако; English in either spelling, Organisations; not Zelenskyy,
 * Парагвай). */
static gboolean
is_common_word (Run           *run,
                guint          column,
                const TriWord *word)
{
  static const char * const english[] = { "en_US", "en_GB", NULL };
  static const char * const other[] = { NULL };
  const char *text = tri_document_get_text (run->columns[column].doc);
  g_autofree char *base = tri_language_get_base (tri_document_get_language (run->columns[column].doc));
  g_autofree char *lower = g_utf8_strdown (text + word->start, (gssize)(word->end - word->start));
  const char * const *names = g_str_equal (base, "en") ? english : other;

  for (guint k = 0; k == 0 || names[k] != NULL; k++)
    {
      TriSpellDictionary *dictionary = common_words_of (base, names[k]);

      if (dictionary != NULL && tri_spell_dictionary_check_word (dictionary, lower, -1))
        return TRUE;
      if (names[k] == NULL)
        break;
    }
  return FALSE;
}

static void
mark_row_names (Run         *run,
                const guint *first,
                const guint *last,
                guint        have)
{
  for (guint c = 0; c < run->n_columns; c++)
    for (guint i = first[c]; (have & (1u << c)) && i < last[c]; i++)
      {
        TriWord *word = word_at (run, c, i);

        if (!is_name_like (word) || (word->flags & TRI_WORD_NAME))
          continue;
        for (guint d = 0; d < run->n_columns && !(word->flags & TRI_WORD_NAME); d++)
          for (guint j = first[d]; d != c && (have & (1u << d)) && j < last[d]; j++)
            {
              const TriWord *other = word_at (run, d, j);

              /* Two first words: only longer ones (Many is not Многие).
               * A first word and a word it matches that are both
               * ordinary words (Organisations, Організації; Затем,
               * State) make no name; Зеленський is an adjective too,
               * but Zelenskyy is no word. */
              if (is_name_like (other) && !(other->flags & TRI_WORD_FOREIGN) && !same_script (run, c, d) &&
                  (!(other->flags & TRI_WORD_INITIAL) || MIN (strlen (word->skeleton), strlen (other->skeleton)) >= 3) &&
                  tri_names_match (word->skeleton, other->skeleton) &&
                  (!(word->flags & TRI_WORD_INITIAL) || !is_common_word (run, c, word) || !is_common_word (run, d, other)))
                {
                  word->flags |= TRI_WORD_NAME;
                  break;
                }
            }
      }
}

static char *
word_text (Run           *run,
           guint          column,
           const TriWord *word)
{
  return g_strndup (tri_document_get_text (run->columns[column].doc) + word->start, word->end - word->start);
}

/* name-mismatch: a name of one version that another lacks. With three
 * versions, a name two of them write as a name (see corroborates()), a
 * warning; or, as info, a name inside a Russian or Ukrainian sentence
 * that neither other version has. Not an English name only English has:
 * English capitalises far more than names (Russian, Foreign Ministry);
 * nor one only Russian keeps in Latin letters (Sveriges Radio), where
 * Ukrainian translates. A name changed in one version still shows, as
 * the others' name it lacks. Any word of the version that lacks it may be its
 * counterpart (президентом = President), and two words may be one
 * (Cape Town = Кейптаун). */
static gboolean
all_cyrillic (Run   *run,
              guint  columns)
{
  for (guint c = 0; c < run->n_columns; c++)
    if ((columns & (1u << c)) && !run->columns[c].cyrillic)
      return FALSE;
  return TRUE;
}

/* Whether @m's part of the row has a capitalised word inside a sentence
 * that matches none of @c's words. */
static gboolean
has_unmatched_name (Run         *run,
                    guint        m,
                    guint        c,
                    const guint *first,
                    const guint *last)
{
  for (guint j = first[m]; j < last[m]; j++)
    {
      const TriWord *word = word_at (run, m, j);

      if ((word->flags & TRI_WORD_CAPITALISED) && !(word->flags & (TRI_WORD_INITIAL | TRI_WORD_COMMON)) &&
          !has_counterpart (run, m, j, first, last, c, FALSE))
        return TRUE;
    }
  return FALSE;
}

/* Whether @row (lower case) holds one of the words of @phrase (a
 * dictionary's translation), by its stem: at a word's start, or inside
 * a compound when long («Держдепартамент»). */
static gboolean
holds_translation (const char *row,
                   const char *phrase)
{
  g_auto(GStrv) parts = g_strsplit_set (phrase, " ,;-", -1);

  for (guint k = 0; parts[k] != NULL; k++)
    {
      glong length = g_utf8_strlen (parts[k], -1);
      g_autofree char *stem = NULL;
      const char *at;

      /* The stem, without an inflection: «красный» → «крас». */
      if (length < 4)
        continue;
      stem = g_utf8_substring (parts[k], 0, length >= 7 ? length - 3 : length >= 5 ? length - 2 : length);
      at = strstr (row, stem);
      if (at != NULL && (at == row || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (at))) ||
                         g_utf8_strlen (stem, -1) >= 6))
        return TRUE;
    }
  return FALSE;
}

/* Whether the Russian or Ukrainian version (@target, a base language) of
 * the row (rows [first, last) of words) translates the English word that
 * @word of column @c is or matches: a translation the English–Russian
 * dictionary gives for it stands there (German, «немецкой»; State
 * Department, «Государственный департамент»), for Ukrainian taken on by
 * Apertium's Russian–Ukrainian lemmas (Soviet: советский: «Радянського»).
 * Such a capitalised word is an ordinary one translated, not a name. */
static gboolean
translated_in (Run           *run,
               const char    *target,
               guint          c,
               const TriWord *word,
               const guint   *first,
               const guint   *last,
               guint          have)
{
  g_autoptr(TriDictionary) dictionary = NULL;
  g_autoptr(TriDictionary) onward = NULL;
  g_autofree char *row = NULL;
  guint en = run->n_columns, t = run->n_columns;

  for (guint d = 0; d < run->n_columns; d++)
    {
      g_autofree char *base = tri_language_get_base (tri_document_get_language (run->columns[d].doc));

      if (!(have & (1u << d)))
        continue;
      if (g_str_equal (base, "en"))
        en = d;
      else if (g_str_equal (base, target))
        t = d;
    }
  if (en == run->n_columns || t == run->n_columns || c == t)
    return FALSE;
  if (last[t] <= first[t])
    return FALSE;
  /* Every sense: a name's word is often a later one (state: штат,
   * государство). */
  dictionary = tri_dictionary_get_system_wide ("en", "ru");
  if (dictionary == NULL)
    return FALSE;
  if (!g_str_equal (target, "ru") && (onward = tri_apertium_get_dictionary ("ru", target)) == NULL)
    return FALSE;
  {
    const char *text = tri_document_get_text (run->columns[t].doc);
    gsize start = word_at (run, t, first[t])->start, end = word_at (run, t, last[t] - 1)->end;

    row = g_utf8_strdown (text + start, (gssize)(end - start));
  }

  for (guint j = c == en ? 0 : first[en]; j < (c == en ? 1 : last[en]); j++)
    {
      const TriWord *english = c == en ? word : word_at (run, en, j);
      const char *text = tri_document_get_text (run->columns[en].doc);
      g_autofree char *key = NULL;
      const char * const *translations;
      guint n = 0;

      if (c != en && !tri_names_match (word->skeleton, english->skeleton))
        continue;
      key = tri_dictionary_key (text + english->start, (gssize)(english->end - english->start));
      translations = tri_dictionary_lookup (dictionary, key, &n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *lemma = NULL;
          const char * const *onwards;
          guint n_onwards = 0;

          if (onward == NULL)
            {
              if (holds_translation (row, translations[i]))
                return TRUE;
              continue;
            }
          lemma = tri_dictionary_key (translations[i], -1);
          onwards = tri_dictionary_lookup (onward, lemma, &n_onwards);
          for (guint k = 0; k < n_onwards; k++)
            if (holds_translation (row, onwards[k]))
              return TRUE;
        }
    }
  return FALSE;
}

static void
check_names (Run         *run,
             guint        r,
             const guint *first,
             const guint *last,
             guint        have)
{
  g_autoptr(GHashTable) covered = g_hash_table_new (NULL, NULL);
  guint n_have = 0;

  for (guint c = 0; c < run->n_columns; c++)
    n_have += (have >> c) & 1;
  if (n_have < 2)
    return;

  for (guint c = 0; c < run->n_columns; c++)
    for (guint i = first[c]; (have & (1u << c)) && i < last[c]; i++)
      {
        TriWord *word = word_at (run, c, i);
        guint present = 1u << c, n_present = 1;
        gboolean unique;

        if (!(word->flags & TRI_WORD_NAME) || g_hash_table_contains (covered, word))
          continue;
        for (guint d = 0; d < run->n_columns; d++)
          if (d != c && (have & (1u << d)) && has_counterpart (run, c, i, first, last, d, FALSE))
            {
              present |= 1u << d;
              n_present += has_counterpart (run, c, i, first, last, d, TRUE);
            }
        if (present == have)
          continue;
        /* One version's alone: only a name inside a Russian or Ukrainian
         * sentence, which capitalise little else — a note. */
        unique = n_present < 2;
        if (n_have >= 3 && unique &&
            !(run->columns[c].cyrillic && present == (1u << c) && !(word->flags & (TRI_WORD_INITIAL | TRI_WORD_FOREIGN))))
          continue;

        /* One finding per version that lacks it, or one for a name only
         * one version has. */
        for (guint m = 0; m < run->n_columns; m++)
          {
            g_autofree char *name = NULL;
            TriFinding *finding;
            TriSeverity severity = unique ? TRI_SEVERITY_INFO : TRI_SEVERITY_WARNING;

            if (!(have & ~present & (1u << m)))
              continue;
            /* Russian and Ukrainian agree, English has other names of its
             * own here: a name translated, not transliterated, is the
             * likelier (Стамбул / Istanbul, Черное море / Black Sea). */
            if (!run->columns[m].cyrillic && all_cyrillic (run, present) &&
                has_unmatched_name (run, m, c, first, last))
              severity = TRI_SEVERITY_INFO;
            if (severity == TRI_SEVERITY_WARNING)
              {
                g_autofree char *base = tri_language_get_base (tri_document_get_language (run->columns[m].doc));

                /* The version that lacks the name translates the word:
                 * it has it. */
                if ((g_str_equal (base, "ru") || g_str_equal (base, "uk")) &&
                    translated_in (run, base, c, word, first, last, have))
                  continue;
                /* An ordinary word the Russian translates: another
                 * version may translate it its own way. */
                if (translated_in (run, "ru", c, word, first, last, have))
                  severity = TRI_SEVERITY_INFO;
              }
            name = word_text (run, c, word);
            if (present == (1u << c) && n_have >= 3)
              finding = add_finding (run, "name-mismatch", TRI_SEVERITY_INFO, r,
                                     /* Translators: a language name and a name only it has,
                                      * e.g. "Only Ukrainian has “Келлер”" */
                                     g_strdup_printf (_("Only %s has “%s”"), run->columns[c].name, name));
            else
              finding = add_finding (run, "name-mismatch", severity, r,
                                     /* Translators: a language name and a name the other versions have,
                                      * e.g. "Ukrainian has no counterpart of “Sollberger”" */
                                     g_strdup_printf (_("%s has no counterpart of “%s”"), run->columns[m].name, name));
            finding->languages |= have & ~present;
            for (guint d = 0; d < run->n_columns; d++)
              for (guint j = first[d]; (present & (1u << d)) && j < last[d]; j++)
                {
                  TriWord *other = word_at (run, d, j);

                  if (tri_names_match (word->skeleton, other->skeleton))
                    {
                      add_span (finding, d, other->start, other->end);
                      g_hash_table_add (covered, other);
                    }
                }
            if (present == (1u << c))
              break;
          }
      }
}

/* Speakers of @a (the names of one cue) that are none of @b's: named
 * elsewhere in @b's row, or nowhere in it. Versions differ when both
 * have unmatched speakers of one kind: names swapped (Lavrov said /
 * Блінкен заявив, each named in the other too) or replaced (Lavrov /
 * Окафор); not when one's "speaker" is no name of the other and the
 * other's is there ("France's Ministry of Armed Forces stated" /
 * «міністр оборони Франції повідомив»). */
enum
{
  UNMATCHED_ELSEWHERE = 1 << 0,
  UNMATCHED_ABSENT = 1 << 1,
};

static guint
any_unmatched (Run         *run,
               GArray      *speakers[],
               guint        a,
               guint        b,
               const guint *first,
               const guint *last)
{
  guint kinds = 0;

  for (guint i = 0; i < speakers[a]->len;)
    {
      guint cue = g_array_index (speakers[a], TriSpeaker, i).cue;
      gboolean matched = FALSE, elsewhere = FALSE;

      for (; i < speakers[a]->len && g_array_index (speakers[a], TriSpeaker, i).cue == cue; i++)
        {
          const char *skeleton = word_at (run, a, g_array_index (speakers[a], TriSpeaker, i).word)->skeleton;

          for (guint j = 0; j < speakers[b]->len && !matched; j++)
            matched = tri_names_match (skeleton, word_at (run, b, g_array_index (speakers[b], TriSpeaker, j).word)->skeleton);
          elsewhere |= find_counterpart (run, b, first[b], last[b], skeleton, NULL, FALSE, FALSE, FALSE, 0) >= 0;
        }
      if (!matched)
        kinds |= elsewhere ? UNMATCHED_ELSEWHERE : UNMATCHED_ABSENT;
    }
  return kinds;
}

static gboolean
has_quotation (Run   *run,
               guint  column,
               gsize  start,
               gsize  end)
{
  GArray *quotes = run->columns[column].quotes;

  for (guint i = 0; i < quotes->len; i++)
    if (g_array_index (quotes, Quote, i).start < end && g_array_index (quotes, Quote, i).end > start)
      return TRUE;
  return FALSE;
}

/* quote-speaker: in a row with a quotation, versions that name different
 * people as the one who spoke (— сказал Лавров / Blinken said). A version
 * that names nobody (he said) is no evidence. */
static void
check_speakers (Run         *run,
                TriRow      *row,
                guint        r,
                const guint *first,
                const guint *last,
                guint        have)
{
  GArray *speakers[TRI_MAX_COLUMNS] = { NULL };
  gboolean quoted = FALSE, differ = FALSE;
  guint with = 0;

  for (guint c = 0; c < run->n_columns; c++)
    {
      gsize start, end;

      if (!(have & (1u << c)))
        continue;
      speakers[c] = tri_names_find_speakers (tri_document_get_language (run->columns[c].doc),
                                             tri_document_get_text (run->columns[c].doc),
                                             run->columns[c].words, first[c], last[c]);
      with += speakers[c]->len > 0;
      if (cell_bytes (run, row, c, &start, &end))
        quoted |= has_quotation (run, c, start, end);
    }
  if (!quoted || with < 2)
    goto out;

  for (guint a = 0; a < run->n_columns; a++)
    for (guint b = a + 1; b < run->n_columns; b++)
      if (speakers[a] != NULL && speakers[a]->len > 0 && speakers[b] != NULL && speakers[b]->len > 0 &&
          (any_unmatched (run, speakers, a, b, first, last) & any_unmatched (run, speakers, b, a, first, last)) != 0)
        differ = TRUE;

  if (differ)
    {
      g_autoptr(GString) detail = g_string_new (NULL);
      TriFinding *finding = add_finding (run, "quote-speaker", TRI_SEVERITY_WARNING, r, NULL);

      for (guint c = 0; c < run->n_columns; c++)
        {
          if (speakers[c] == NULL || speakers[c]->len == 0)
            continue;
          if (detail->len > 0)
            g_string_append (detail, "; ");
          g_string_append_printf (detail, "%s:", run->columns[c].name);
          for (guint i = 0; i < speakers[c]->len; i++)
            {
              const TriWord *word = word_at (run, c, g_array_index (speakers[c], TriSpeaker, i).word);
              g_autofree char *name = word_text (run, c, word);

              g_string_append_printf (detail, "%s “%s”", i > 0 ? "," : "", name);
              add_span (finding, c, word->start, word->end);
            }
        }
      /* Translators: the speakers per language, e.g. "English: “Lavrov”; Russian: “Петров”" */
      finding->message = g_strdup_printf (_("The quotation is attributed to different people (%s)"), detail->str);
    }

out:
  for (guint c = 0; c < run->n_columns; c++)
    g_clear_pointer (&speakers[c], g_array_unref);
}

static void
check_row_names (Run    *run,
                 TriRow *row,
                 guint   r)
{
  gsize start[TRI_MAX_COLUMNS] = { 0 }, end[TRI_MAX_COLUMNS] = { 0 };
  guint first[TRI_MAX_COLUMNS] = { 0 }, last[TRI_MAX_COLUMNS] = { 0 };
  guint have = row_bytes (run, row, start, end);

  for (guint c = 0; c < run->n_columns; c++)
    if (have & (1u << c))
      {
        first[c] = first_word_from (run, c, start[c]);
        last[c] = first_word_from (run, c, end[c]);
      }

  mark_row_names (run, first, last, have);
  check_names (run, r, first, last, have);
  check_speakers (run, row, r, first, last, have);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const TriFinding *x = *(const TriFinding **)a, *y = *(const TriFinding **)b;

  if (x->row != y->row)
    return (x->row > y->row) - (x->row < y->row);
  return strcmp (x->check, y->check);
}

/* Every check over rows [@lo, @hi); length ratios against all rows. */
static GPtrArray *
run_rows (TriAlignment *alignment,
          guint         lo,
          guint         hi)
{
  Run run = { 0 };
  guint n_rows;

  run.alignment = alignment;
  run.lo = lo;
  run.hi = hi;
  run.n_columns = tri_alignment_get_n_columns (alignment);
  run.findings = g_ptr_array_new_with_free_func ((GDestroyNotify)tri_finding_free);
  run.names = tri_names_new ();
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (alignment));

  for (guint c = 0; c < run.n_columns; c++)
    {
      Column *col = &run.columns[c];

      col->doc = tri_alignment_get_document (alignment, c);
      col->name = tri_language_dup_display_name (tri_document_get_language (col->doc));
      col->rows_of = g_array_new (FALSE, TRUE, sizeof (guint));
      g_array_set_size (col->rows_of, tri_document_get_n_sentences (col->doc));
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

      for (guint c = 0; c < run.n_columns; c++)
        for (guint i = 0; i < tri_row_get_count (row, c); i++)
          g_array_index (run.columns[c].rows_of, guint, tri_row_get_first (row, c) + i) = r;
    }
  for (guint c = 0; c < run.n_columns; c++)
    {
      find_quotes (&run, c);
      g_array_sort (run.columns[c].quotes, compare_quotes);
      find_names (&run, c);
    }

  for (guint r = lo; r < hi; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

      check_missing (&run, row, r);
      check_numbers (&run, row, r);
      check_quotes (&run, row, r);
      check_row_names (&run, row, r);
    }
  check_lengths (&run);
  check_unpaired (&run);
  g_ptr_array_sort (run.findings, compare_findings);

  for (guint c = 0; c < run.n_columns; c++)
    {
      g_free (run.columns[c].name);
      g_clear_pointer (&run.columns[c].rows_of, g_array_unref);
      g_clear_pointer (&run.columns[c].quotes, g_array_unref);
      g_clear_pointer (&run.columns[c].unpaired, g_array_unref);
      g_clear_pointer (&run.columns[c].words, g_array_unref);
    }
  tri_names_free (run.names);
  return run.findings;
}

/**
 * tri_checks_run:
 * @alignment: an aligned report
 *
 * Runs every check over every row.
 *
 * Returns: (transfer full) (element-type TriFinding): the findings, by row
 */
GPtrArray *
tri_checks_run (TriAlignment *alignment)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);

  return run_rows (alignment, 0, g_list_model_get_n_items (G_LIST_MODEL (alignment)));
}

/* Whether rows @a and @b (next to each other) hold sentences of one
 * paragraph in some version: quotations go on across them. */
static gboolean
same_paragraph (TriAlignment *alignment,
                guint         a,
                guint         b)
{
  g_autoptr(TriRow) upper = g_list_model_get_item (G_LIST_MODEL (alignment), a);
  g_autoptr(TriRow) lower = g_list_model_get_item (G_LIST_MODEL (alignment), b);

  for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
    {
      TriDocument *doc = tri_alignment_get_document (alignment, c);

      if (tri_row_get_count (upper, c) > 0 && tri_row_get_count (lower, c) > 0 &&
          tri_document_get_sentence (doc, tri_row_get_first (upper, c) + tri_row_get_count (upper, c) - 1)->paragraph ==
          tri_document_get_sentence (doc, tri_row_get_first (lower, c))->paragraph)
        return TRUE;
    }
  return FALSE;
}

/**
 * tri_checks_run_rows:
 * @alignment: an aligned report
 * @first: (inout): the first row to check; the first row checked
 * @n_rows: (inout): how many; how many were checked
 *
 * Checks rows @first to @first + @n_rows - 1 after an edit, and the rows
 * sharing a paragraph with them (whose quotations may pair with theirs):
 * @first and @n_rows say which were checked in the end. Length ratios are
 * measured against the whole document.
 *
 * Returns: (transfer full) (element-type TriFinding): the findings of the
 *   rows checked, by row
 */
GPtrArray *
tri_checks_run_rows (TriAlignment *alignment,
                     guint        *first,
                     guint        *n_rows)
{
  guint total, lo, hi;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);
  g_return_val_if_fail (first != NULL && n_rows != NULL, NULL);

  total = g_list_model_get_n_items (G_LIST_MODEL (alignment));
  lo = MIN (*first, total);
  hi = MIN (*first + *n_rows, total);
  while (lo > 0 && lo < total && same_paragraph (alignment, lo - 1, lo))
    lo--;
  while (hi > 0 && hi < total && same_paragraph (alignment, hi - 1, hi))
    hi++;
  *first = lo;
  *n_rows = hi - lo;

  return run_rows (alignment, lo, hi);
}

/**
 * tri_check_get_title:
 * @check_id: a check's id, as in #TriFinding's @check
 *
 * The check's name for people, in the language of the user interface:
 * "Quotation missing" for quote-missing.
 *
 * Returns: (transfer none): the name; @check_id itself for an unknown id
 */
const char *
tri_check_get_title (const char *check_id)
{
  static const struct {
    const char *id;
    const char *title;
  } titles[] = {
    { "missing-translation", N_("Missing translation") },
    { "number-mismatch", N_("Number mismatch") },
    { "length-ratio", N_("Unusual length") },
    { "quote-unbalanced", N_("Unbalanced quotation marks") },
    { "quote-missing", N_("Quotation missing") },
    { "quote-mismatch", N_("Quotation differs") },
    { "quote-speaker", N_("Different speaker") },
    { "name-mismatch", N_("Name mismatch") },
  };

  g_return_val_if_fail (check_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (check_id, titles[i].id))
      return _(titles[i].title);
  return check_id;
}

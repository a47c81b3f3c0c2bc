/* bench-segment.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Speed and a boundary-accuracy proxy for the core's sentence segmentation,
 * measured on human-translated text from ../shared/corpora (flores, wmt22,
 * pud-en-ru) and on a synthetic text written here. Prints Markdown.
 *
 * Speed: the lines of every document are joined into one paragraph, with a
 * blank line between documents, and the whole repeated to --min-mb. Each
 * run does what tri_document_load() does after reading the file:
 * tri_text_source_decode() (encoding detection included), then
 * tri_split_paragraphs() and tri_segmenter_split(). Every row runs in a
 * fresh child process (this program with --child-*) so that ru_maxrss is
 * that row's peak and not the peak of everything before it.
 *
 * Accuracy: the corpora are line-aligned and a line is (mostly) a sentence,
 * so the starts of a document's lines, but the first, are taken as the gold
 * sentence boundaries of the paragraph made by joining them with spaces.
 * Four segmenters are scored: ICU's sentence iterator alone (the baseline
 * implemented below), ICU with its own "ss=standard" abbreviation
 * suppression, our pass with empty lists (tri_segmenter_new_with_rules
 * (lang, "")) and ours with the built-in lists. The user's lists in
 * ~/.config/triptych/abbreviations are ignored unless --user-rules is given.
 *
 * Never point this at ntrex/ or textberg/test: they are reserved for
 * independent evaluation, and this program reads only the folders named in
 * the tables below. */

#define G_LOG_DOMAIN "bench-segment"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/uvernum.h>

#include "tri-core.h"
#include "tri-document.h"
#include "tri-segmenter.h"
#include "tri-text-source.h"

#define MB 1000000.0

typedef struct
{
  const char *corpus;     /* folder under --corpora, or "synthetic" */
  const char *file;       /* text file in it */
  const char *label;      /* language as shown */
  const char *language;   /* code for our segmenter and for ICU */
  gboolean    speed;      /* also measure speed on it */
} Source;

/* The only corpus files this program reads. */
static const Source sources[] = {
  { "wmt22",     "eng.txt", "eng", "en", TRUE },
  { "wmt22",     "rus.txt", "rus", "ru", TRUE },
  { "wmt22",     "ukr.txt", "ukr", "uk", TRUE },
  { "flores",    "eng.txt", "eng", "en", TRUE },
  { "flores",    "rus.txt", "rus", "ru", TRUE },
  { "flores",    "ukr.txt", "ukr", "uk", TRUE },
  { "pud-en-ru", "en.txt",  "eng", "en", FALSE },
  { "pud-en-ru", "ru.txt",  "rus", "ru", FALSE },
};

/* pud-en-ru has no documents worth the name (1–5 sentences): it is cut
 * into paragraphs of this many lines. */
#define PUD_LINES_PER_PARAGRAPH 10

typedef enum
{
  VARIANT_ICU,
  VARIANT_ICU_SS,
  VARIANT_OURS_EMPTY,
  VARIANT_OURS,
  N_VARIANTS
} Variant;

static const char *variant_names[N_VARIANTS] = {
  "plain ICU",
  "ICU ss=standard",
  "ours, no lists",
  "ours",
};

/* Written for this bench: a few sentences per language, with the things
 * the segmenter has to get right (abbreviations, a question inside quotes
 * followed by a dash and lower case, numbers with periods and commas). */
static const char *synthetic_en[] = {
  "The committee met on Tuesday to review the draft report.",
  "Dr. Smith presented the figures for 2023, which showed a 4.5% increase in exports.",
  "Was the increase expected?",
  "Nobody could say for sure; the data from the regional offices arrived late.",
  "The next meeting is scheduled for March 15 at the St. James building.",
  "“Who will pay for it?” asked Ms. Jones, and the room went quiet.",
  NULL
};

static const char *synthetic_ru[] = {
  "Комитет собрался во вторник, чтобы рассмотреть проект доклада.",
  "Докладчик представил данные за 2023 г., которые показали рост экспорта на 4,5 %.",
  "Ожидался ли такой рост?",
  "Никто не мог сказать наверняка: данные из региональных отделений пришли поздно.",
  "Следующее заседание назначено на пятницу, т. е. на 15 марта.",
  "«Кто за это заплатит?» — спросила Иванова, и в зале стало тихо.",
  NULL
};

static const char *synthetic_uk[] = {
  "Комітет зібрався у вівторок, щоб розглянути проєкт доповіді.",
  "Доповідач представив дані за 2023 р., які показали зростання експорту на 4,5 %.",
  "Чи очікували такого зростання?",
  "Ніхто не міг сказати напевно: дані з регіональних відділень надійшли пізно.",
  "Наступне засідання призначено на п'ятницю, тобто на 15 березня.",
  "«Хто за це заплатить?» — запитала Іваненко, і в залі стало тихо.",
  NULL
};

static const char **
synthetic_sentences (const char *language)
{
  if (g_str_equal (language, "ru"))
    return synthetic_ru;
  if (g_str_equal (language, "uk"))
    return synthetic_uk;
  return synthetic_en;
}

/* Options */
static char *corpora_dir;
static int runs = 5;
static double min_mb = 5.0;
static double synthetic_mb = 10.0;
static int n_errors;
static gboolean user_rules;
static char *child_corpus;
static char *child_file;
static char *child_language;

static const GOptionEntry entries[] = {
  { "corpora", 'c', 0, G_OPTION_ARG_FILENAME, &corpora_dir,
    "Folder holding flores/, wmt22/ and pud-en-ru/ (default: ../shared/corpora "
    "relative to the source root)", "DIR" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs per speed row; the best counts (5)", "N" },
  { "min-mb", 0, 0, G_OPTION_ARG_DOUBLE, &min_mb,
    "Repeat each corpus text to at least this many MB (10^6 bytes) for speed (5)", "MB" },
  { "synthetic-mb", 0, 0, G_OPTION_ARG_DOUBLE, &synthetic_mb,
    "Size of the synthetic speed text in MB (10)", "MB" },
  { "errors", 'e', 0, G_OPTION_ARG_INT, &n_errors,
    "Also list, per corpus and language, up to N boundaries \"ours\" removed rightly, N false "
    "and N missed ones, with excerpts (corpus text: do not paste into the repository)", "N" },
  { "user-rules", 0, 0, G_OPTION_ARG_NONE, &user_rules,
    "Use the abbreviation lists in ~/.config/triptych too (default: built-in lists only)", NULL },
  { "child-corpus", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_corpus, NULL, NULL },
  { "child-file", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_file, NULL, NULL },
  { "child-language", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_language, NULL, NULL },
  { NULL }
};

static long
peak_rss_kb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;  /* kilobytes on Linux */
}

/* ---------------------------------------------------------------------- */
/* Corpus loading                                                          */

/* A corpus file made into paragraphs, one per document, and the gold. */
typedef struct
{
  GString *text;
  GArray  *paragraphs;   /* TriSpan, one per document */
  GArray  *gold;         /* gsize: where each line but a document's first starts */
  GArray  *gold_punct;   /* gboolean per gold boundary: the line before ends in . ! ? … */
  guint    n_lines;
  guint    n_docs;
} Joined;

static void
joined_free (Joined *joined)
{
  if (joined == NULL)
    return;
  g_string_free (joined->text, TRUE);
  g_array_unref (joined->paragraphs);
  g_array_unref (joined->gold);
  g_array_unref (joined->gold_punct);
  g_free (joined);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Joined, joined_free)

static char **
read_lines (const char  *path,
            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  char **lines;
  guint n;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (!g_utf8_validate (contents, (gssize)length, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s is not valid UTF-8", path);
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);
  /* A final line feed leaves an empty last element. */
  if (n > 0 && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }
  return lines;
}

/* Does @line (stripped) end in a sentence terminator, before any closing
 * quotes and brackets? Lines that do not (headlines, chat messages) give
 * boundaries that no sentence segmenter can find. */
static gboolean
ends_with_terminator (const char *line)
{
  const char *p = line + strlen (line);

  while (p > line)
    {
      gunichar ch;

      p = g_utf8_prev_char (p);
      ch = g_utf8_get_char (p);
      if (g_unichar_type (ch) == G_UNICODE_CLOSE_PUNCTUATION ||
          g_unichar_type (ch) == G_UNICODE_FINAL_PUNCTUATION ||
          ch == '"' || ch == '\'' || ch == 0x201C)
        continue;
      return ch == '.' || ch == '!' || ch == '?' || ch == 0x2026;
    }
  return FALSE;
}

static Joined *
load_joined (const char  *corpora,
             const Source *source,
             GError     **error)
{
  g_autofree char *path = g_build_filename (corpora, source->corpus, source->file, NULL);
  g_autofree char *docs_path = g_build_filename (corpora, source->corpus, "docs.tsv", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) docs = NULL;
  g_autoptr(Joined) joined = g_new0 (Joined, 1);
  gboolean pud = g_str_equal (source->corpus, "pud-en-ru");
  guint n;
  TriSpan span = { 0, 0 };
  gboolean open = FALSE;
  const char *doc = NULL;
  g_autofree char *prev_line = NULL;

  joined->text = g_string_new (NULL);
  joined->paragraphs = g_array_new (FALSE, FALSE, sizeof (TriSpan));
  joined->gold = g_array_new (FALSE, FALSE, sizeof (gsize));
  joined->gold_punct = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if ((lines = read_lines (path, error)) == NULL)
    return NULL;
  n = g_strv_length (lines);

  if (!pud)
    {
      if ((docs = read_lines (docs_path, error)) == NULL)
        return NULL;
      if (g_strv_length (docs) != n)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s has %u lines but %s has %u", path, n, docs_path, g_strv_length (docs));
          return NULL;
        }
      /* The document id is the first column. */
      for (guint i = 0; i < n; i++)
        {
          char *tab = strchr (docs[i], '\t');
          if (tab != NULL)
            *tab = '\0';
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      gboolean new_doc = pud ? (i % PUD_LINES_PER_PARAGRAPH == 0)
                             : (doc == NULL || !g_str_equal (doc, docs[i]));

      if (!pud)
        doc = docs[i];

      if (new_doc && open)
        {
          span.end = joined->text->len;
          g_array_append_val (joined->paragraphs, span);
          g_string_append (joined->text, "\n\n");
          open = FALSE;
          joined->n_docs++;
        }

      joined->n_lines++;
      if (line[0] == '\0')
        continue;

      if (!open)
        {
          span.start = joined->text->len;
          open = TRUE;
        }
      else
        {
          gsize at;
          gboolean punct = ends_with_terminator (prev_line);

          g_string_append_c (joined->text, ' ');
          at = joined->text->len;
          g_array_append_val (joined->gold, at);
          g_array_append_val (joined->gold_punct, punct);
        }
      g_string_append (joined->text, line);
      g_free (prev_line);
      prev_line = g_steal_pointer (&line);
    }

  if (open)
    {
      span.end = joined->text->len;
      g_array_append_val (joined->paragraphs, span);
      joined->n_docs++;
    }

  return g_steal_pointer (&joined);
}

/* ---------------------------------------------------------------------- */
/* Speed                                                                   */

static GString *
build_speed_text (const char *corpus,
                  const char *file,
                  const char *language,
                  double      target_mb,
                  guint      *n_copies,
                  GError    **error)
{
  g_autoptr(GString) unit = g_string_new (NULL);
  GString *text;

  if (g_str_equal (corpus, "synthetic"))
    {
      const char **sentences = synthetic_sentences (language);

      /* Paragraphs of the sentences in turn, three of them, rotated. */
      for (guint para = 0; para < 3; para++)
        {
          if (para > 0)
            g_string_append (unit, "\n\n");
          for (guint i = 0; sentences[i] != NULL; i++)
            {
              if (i > 0)
                g_string_append_c (unit, ' ');
              g_string_append (unit, sentences[(i + para) % g_strv_length ((char **)sentences)]);
            }
        }
    }
  else
    {
      g_autoptr(Joined) joined = NULL;
      Source source = { corpus, file, "", language, TRUE };

      if ((joined = load_joined (corpora_dir, &source, error)) == NULL)
        return NULL;
      g_string_append_len (unit, joined->text->str, (gssize)joined->text->len);
    }

  text = g_string_sized_new ((gsize)(target_mb * MB) + unit->len + 2);
  *n_copies = 0;
  while (text->len < target_mb * MB)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_len (text, unit->str, (gssize)unit->len);
      (*n_copies)++;
    }

  return text;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* In the child: time the import and segmentation, print one line of
 * tab-separated results. */
static int
run_speed_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *encoding = NULL;
  TriSegmenter *segmenter;
  double target = g_str_equal (child_corpus, "synthetic") ? synthetic_mb : min_mb;
  double best = G_MAXDOUBLE, best_decode = 0, best_segment = 0;
  g_autofree double *totals = g_new0 (double, runs);
  guint n_sentences = 0, n_paragraphs = 0, n_copies = 0;
  long base_rss;

  tri_core_init ();
  segmenter = tri_segmenter_get_for_language (child_language);
  base_rss = peak_rss_kb ();

  text = build_speed_text (child_corpus, child_file, child_language, target, &n_copies, &error);
  if (text == NULL)
    {
      g_printerr ("bench-segment: %s\n", error->message);
      return 1;
    }

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(TriDecodedText) decoded = NULL;
      g_autoptr(GArray) paragraphs = NULL;
      g_autoptr(GArray) sentences = NULL;
      gint64 t0, t1, t2;
      double total;

      t0 = g_get_monotonic_time ();
      decoded = tri_text_source_decode ((const guint8 *)text->str, text->len, "bench", NULL,
                                        &error);
      if (decoded == NULL)
        {
          g_printerr ("bench-segment: %s\n", error->message);
          return 1;
        }
      t1 = g_get_monotonic_time ();
      paragraphs = tri_split_paragraphs (decoded->text, decoded->length, TRI_PARAGRAPH_BLANK_LINES);
      sentences = tri_segmenter_split (segmenter, decoded->text,
                                       (const TriSpan *)(gpointer)paragraphs->data,
                                       paragraphs->len);
      t2 = g_get_monotonic_time ();

      total = (double)(t2 - t0) / G_USEC_PER_SEC;
      totals[run] = total;
      if (total < best)
        {
          best = total;
          best_decode = (double)(t1 - t0) / G_USEC_PER_SEC;
          best_segment = (double)(t2 - t1) / G_USEC_PER_SEC;
        }
      n_sentences = sentences->len;
      n_paragraphs = paragraphs->len;
      g_free (encoding);
      encoding = g_strdup (decoded->encoding);
    }

  qsort (totals, (size_t)runs, sizeof (double), compare_double);

  g_print ("%" G_GSIZE_FORMAT "\t%u\t%u\t%u\t%.6f\t%.6f\t%.6f\t%ld\t%ld\t%s\t%.6f\n",
           text->len, n_sentences, n_paragraphs, n_copies,
           best, best_decode, best_segment, peak_rss_kb (), base_rss, encoding,
           totals[runs / 2]);
  return 0;
}

typedef struct
{
  gboolean ok;
  gsize    bytes;
  guint    sentences;
  guint    paragraphs;
  guint    copies;
  double   best;
  double   decode;
  double   segment;
  double   median;
  long     rss_kb;
  long     base_rss_kb;
  char    *encoding;
} SpeedResult;

static SpeedResult
spawn_speed (const char *self_path,
             const char *corpus,
             const char *file,
             const char *language)
{
  SpeedResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *runs_arg = g_strdup_printf ("--runs=%d", runs);
  g_autofree char *mb_arg = NULL;
  g_autofree char *syn_arg = NULL;
  g_auto(GStrv) fields = NULL;
  char mb_buf[G_ASCII_DTOSTR_BUF_SIZE], syn_buf[G_ASCII_DTOSTR_BUF_SIZE];
  int status;

  mb_arg = g_strconcat ("--min-mb=", g_ascii_dtostr (mb_buf, sizeof mb_buf, min_mb), NULL);
  syn_arg = g_strconcat ("--synthetic-mb=",
                         g_ascii_dtostr (syn_buf, sizeof syn_buf, synthetic_mb), NULL);

  {
    const char *argv[] = {
      self_path, "--corpora", corpora_dir, runs_arg, mb_arg, syn_arg,
      "--child-corpus", corpus, "--child-file", file, "--child-language", language,
      user_rules ? "--user-rules" : NULL, NULL
    };

    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                       &out, &err, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_printerr ("bench-segment: speed run for %s/%s failed: %s\n%s",
                    corpus, language, error->message, err != NULL ? err : "");
        return result;
      }
  }

  fields = g_strsplit (g_strstrip (out), "\t", -1);
  if (g_strv_length (fields) != 11)
    {
      g_printerr ("bench-segment: unexpected output from the speed run for %s/%s: %s\n%s",
                  corpus, language, out, err != NULL ? err : "");
      return result;
    }

  result.ok = TRUE;
  result.bytes = g_ascii_strtoull (fields[0], NULL, 10);
  result.sentences = (guint)g_ascii_strtoull (fields[1], NULL, 10);
  result.paragraphs = (guint)g_ascii_strtoull (fields[2], NULL, 10);
  result.copies = (guint)g_ascii_strtoull (fields[3], NULL, 10);
  result.best = g_ascii_strtod (fields[4], NULL);
  result.decode = g_ascii_strtod (fields[5], NULL);
  result.segment = g_ascii_strtod (fields[6], NULL);
  result.rss_kb = (long)g_ascii_strtoll (fields[7], NULL, 10);
  result.base_rss_kb = (long)g_ascii_strtoll (fields[8], NULL, 10);
  result.encoding = g_strdup (fields[9]);
  result.median = g_ascii_strtod (fields[10], NULL);
  return result;
}

/* ---------------------------------------------------------------------- */
/* Accuracy                                                                */

/* Sentence starts inside paragraphs, as byte offsets, from ICU alone. */
static GArray *
icu_boundaries (const char    *text,
                const TriSpan *paragraphs,
                guint          n_paragraphs,
                const char    *locale)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gsize));
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_open (UBRK_SENTENCE, locale, NULL, 0, &status);

  if (U_FAILURE (status))
    g_error ("ICU has no sentence break iterator for %s: %s", locale, u_errorName (status));

  for (guint k = 0; k < n_paragraphs; k++)
    {
      TriSpan span = paragraphs[k];
      g_autofree gsize *offsets = NULL;
      int32_t len = 0, b;
      /* The same UTF-16 text as tri-segmenter.c gives ICU. */
      g_autofree UChar *s = tri_segmenter_paragraph_to_utf16 (text, span, &offsets, &len, NULL);

      status = U_ZERO_ERROR;
      ubrk_setText (bi, s, len, &status);
      g_assert (U_SUCCESS (status));

      for (b = ubrk_following (bi, 0); b != UBRK_DONE && b < len; b = ubrk_next (bi))
        {
          int32_t q = b;

          while (q < len && u_isUWhiteSpace (s[q]))
            q++;
          if (q < len)
            g_array_append_val (out, offsets[q]);
        }
    }

  ubrk_close (bi);
  return out;
}

/* Sentence starts inside paragraphs from a #TriSegmenter. */
static GArray *
segmenter_boundaries (TriSegmenter  *segmenter,
                      const char    *text,
                      const TriSpan *paragraphs,
                      guint          n_paragraphs)
{
  g_autoptr(GArray) sentences = tri_segmenter_split (segmenter, text, paragraphs, n_paragraphs);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint k = 1; k < sentences->len; k++)
    {
      const TriSentence *prev = &g_array_index (sentences, TriSentence, k - 1);
      const TriSentence *cur = &g_array_index (sentences, TriSentence, k);

      if (cur->paragraph == prev->paragraph)
        g_array_append_val (out, cur->start);
    }

  return out;
}

typedef struct
{
  guint  found;        /* boundaries the segmenter made */
  guint  gold;         /* line boundaries */
  guint  gold_punct;   /* line boundaries after . ! ? … */
  guint  tp;
  guint  tp_punct;
  GArray *false_pos;   /* gsize offsets */
  GArray *missed;      /* gsize offsets, after . ! ? … only */
} Score;

static gboolean
array_contains (GArray *sorted,
                gsize   value)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gsize v = g_array_index (sorted, gsize, mid);

      if (v == value)
        return TRUE;
      if (v < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

static Score
score (const Joined *joined,
       GArray       *found)
{
  Score sc = { 0 };

  sc.false_pos = g_array_new (FALSE, FALSE, sizeof (gsize));
  sc.missed = g_array_new (FALSE, FALSE, sizeof (gsize));
  sc.found = found->len;
  sc.gold = joined->gold->len;

  for (guint i = 0; i < found->len; i++)
    if (array_contains (joined->gold, g_array_index (found, gsize, i)))
      sc.tp++;
    else
      g_array_append_val (sc.false_pos, g_array_index (found, gsize, i));

  for (guint i = 0; i < joined->gold->len; i++)
    {
      gsize at = g_array_index (joined->gold, gsize, i);
      gboolean punct = g_array_index (joined->gold_punct, gboolean, i);
      gboolean hit = array_contains (found, at);

      if (punct)
        {
          sc.gold_punct++;
          if (hit)
            sc.tp_punct++;
          else
            g_array_append_val (sc.missed, at);
        }
    }

  return sc;
}

static void
score_clear (Score *sc)
{
  g_clear_pointer (&sc->false_pos, g_array_unref);
  g_clear_pointer (&sc->missed, g_array_unref);
}

static double
ratio (guint a,
       guint b)
{
  return b > 0 ? (double)a / b : 0.0;
}

static double
f1 (const Score *sc)
{
  double p = ratio (sc->tp, sc->found), r = ratio (sc->tp, sc->gold);

  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

/* "…left context‖right context…", @width characters each side of @at,
 * inside its paragraph. */
static char *
excerpt (const Joined *joined,
         gsize         at,
         gsize         width)
{
  const char *text = joined->text->str;
  TriSpan span = { 0, joined->text->len };
  gsize left, right;
  GString *out;

  for (guint k = 0; k < joined->paragraphs->len; k++)
    {
      TriSpan p = g_array_index (joined->paragraphs, TriSpan, k);

      if (p.start <= at && at <= p.end)
        {
          span = p;
          break;
        }
    }

  left = at;
  for (gsize n = 0; n < width && left > span.start; n++)
    left = (gsize)(g_utf8_prev_char (text + left) - text);
  right = at;
  for (gsize n = 0; n < width && right < span.end; n++)
    right = (gsize)(g_utf8_next_char (text + right) - text);

  out = g_string_new (left > span.start ? "…" : "");
  g_string_append_len (out, text + left, (gssize)(at - left));
  g_string_append (out, "‖");
  g_string_append_len (out, text + at, (gssize)(right - at));
  if (right < span.end)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

typedef struct
{
  const Source *source;
  gboolean      ok;
  guint         n_lines;
  guint         n_docs;
  Score         scores[N_VARIANTS];
  /* What our pass changed relative to plain ICU: boundaries it removed
   * (right: not a line boundary; wrong: a line boundary) and added. */
  guint         removed_right;
  guint         removed_wrong;
  guint         added_right;
  guint         added_wrong;
} AccuracyRow;

static void
print_errors (const Source *source,
              const Joined *joined,
              Score        *ours,
              GArray       *icu,
              GArray       *ours_found)
{
  guint n_fixed = 0;

  g_print ("\n#### %s %s: plain ICU boundaries \"ours\" removed rightly "
           "(not at a line boundary)\n\n", source->corpus, source->label);
  for (guint i = 0; i < icu->len; i++)
    {
      gsize at = g_array_index (icu, gsize, i);

      if (!array_contains (ours_found, at) && !array_contains (joined->gold, at) &&
          n_fixed++ < (guint)n_errors)
        {
          g_autofree char *ex = excerpt (joined, at, 50);

          g_print ("- `%s`\n", ex);
        }
    }

  g_print ("\n#### %s %s: false boundaries of \"ours\" (%u; ICU = plain ICU had it too)\n\n",
           source->corpus, source->label, ours->false_pos->len);
  for (guint i = 0; i < ours->false_pos->len && i < (guint)n_errors; i++)
    {
      gsize at = g_array_index (ours->false_pos, gsize, i);
      g_autofree char *ex = excerpt (joined, at, 50);

      g_print ("- %s`%s`\n", array_contains (icu, at) ? "ICU " : "OURS ", ex);
    }

  g_print ("\n#### %s %s: missed boundaries of \"ours\" after . ! ? … "
           "(%u; ICU = plain ICU found it)\n\n", source->corpus, source->label, ours->missed->len);
  for (guint i = 0; i < ours->missed->len && i < (guint)n_errors; i++)
    {
      gsize at = g_array_index (ours->missed, gsize, i);
      g_autofree char *ex = excerpt (joined, at, 50);

      g_print ("- %s`%s`\n", array_contains (icu, at) ? "ICU " : "", ex);
    }
}

static AccuracyRow
measure_accuracy (const Source *source)
{
  AccuracyRow row = { source, FALSE, 0, 0, { { 0 } }, 0, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(Joined) joined = load_joined (corpora_dir, source, &error);
  GArray *found[N_VARIANTS] = { NULL };
  g_autoptr(TriSegmenter) empty = NULL;
  g_autoptr(TriSegmenter) ours = NULL;
  g_autofree char *ss_locale = NULL;
  const TriSpan *paragraphs;

  if (joined == NULL)
    {
      g_printerr ("bench-segment: %s\n", error->message);
      return row;
    }

  paragraphs = (const TriSpan *)(gpointer)joined->paragraphs->data;
  ss_locale = g_strdup_printf ("%s@ss=standard", source->language);
  empty = tri_segmenter_new_with_rules (source->language, "");
  ours = tri_segmenter_new (source->language);

  found[VARIANT_ICU] = icu_boundaries (joined->text->str, paragraphs, joined->paragraphs->len,
                                       source->language);
  found[VARIANT_ICU_SS] = icu_boundaries (joined->text->str, paragraphs, joined->paragraphs->len,
                                          ss_locale);
  found[VARIANT_OURS_EMPTY] = segmenter_boundaries (empty, joined->text->str, paragraphs,
                                                    joined->paragraphs->len);
  found[VARIANT_OURS] = segmenter_boundaries (ours, joined->text->str, paragraphs,
                                              joined->paragraphs->len);

  for (guint v = 0; v < N_VARIANTS; v++)
    row.scores[v] = score (joined, found[v]);

  for (guint i = 0; i < found[VARIANT_ICU]->len; i++)
    {
      gsize at = g_array_index (found[VARIANT_ICU], gsize, i);

      if (!array_contains (found[VARIANT_OURS], at))
        {
          if (array_contains (joined->gold, at))
            row.removed_wrong++;
          else
            row.removed_right++;
        }
    }
  for (guint i = 0; i < found[VARIANT_OURS]->len; i++)
    {
      gsize at = g_array_index (found[VARIANT_OURS], gsize, i);

      if (!array_contains (found[VARIANT_ICU], at))
        {
          if (array_contains (joined->gold, at))
            row.added_right++;
          else
            row.added_wrong++;
        }
    }

  row.ok = TRUE;
  row.n_lines = joined->n_lines;
  row.n_docs = joined->n_docs;

  if (n_errors > 0)
    print_errors (source, joined, &row.scores[VARIANT_OURS], found[VARIANT_ICU],
                  found[VARIANT_OURS]);

  for (guint v = 0; v < N_VARIANTS; v++)
    g_array_unref (found[v]);

  return row;
}

/* ---------------------------------------------------------------------- */

/* ../shared/corpora next to the source root (meson passes its path). */
static char *
default_corpora_dir (void)
{
  g_autoptr(GFile) root = g_file_new_for_path (BENCH_SOURCE_ROOT);
  g_autoptr(GFile) corpora = g_file_resolve_relative_path (root, "../shared/corpora");

  return g_file_get_path (corpora);
}

static void
print_speed_tables (SpeedResult  *results,
                    const char  **corpora,
                    const char  **labels,
                    guint         n)
{
  g_print ("### Speed: import + segmentation (best of %d runs, MB = 10^6 bytes)\n\n", runs);
  g_print ("| corpus | lang | input MB | copies | paragraphs | sentences | best s | "
           "decode s | segment s | MB/s | sentences/s | median s | RSS before MB "
           "| peak RSS MB |\n");
  g_print ("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
  for (guint i = 0; i < n; i++)
    {
      SpeedResult *r = &results[i];

      if (!r->ok)
        {
          g_print ("| %s | %s | failed ||||||||||||\n", corpora[i], labels[i]);
          continue;
        }
      g_print ("| %s | %s | %.2f | %u | %u | %u | %.3f | %.3f | %.3f | %.1f | %.0f | %.3f "
               "| %.1f | %.1f |\n",
               corpora[i], labels[i], r->bytes / MB, r->copies, r->paragraphs, r->sentences,
               r->best, r->decode, r->segment, r->bytes / MB / r->best,
               r->sentences / r->best, r->median, r->base_rss_kb / 1024.0, r->rss_kb / 1024.0);
    }
  g_print ("\n"
           "- decode and segment are the two parts of the best run; median s is the median of "
           "all runs.\n"
           "- RSS (ru_maxrss) is measured in a fresh process per row: \"before\" is after "
           "loading the segmenter, \"peak\" after the runs, with the input text held in "
           "memory throughout.\n\n");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *config_dir = NULL;
  static const char *synthetic_langs[][2] = { { "eng", "en" }, { "rus", "ru" }, { "ukr", "uk" } };
  SpeedResult speed[G_N_ELEMENTS (sources) + 3] = { { 0 } };
  const char *speed_corpus[G_N_ELEMENTS (sources) + 3];
  const char *speed_label[G_N_ELEMENTS (sources) + 3];
  AccuracyRow accuracy[G_N_ELEMENTS (sources)];
  guint n_speed = 0;
  gboolean have_corpora;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— sentence segmentation speed and boundary accuracy");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "Reads only flores/, wmt22/ and pud-en-ru/ under --corpora (never ntrex/ or "
    "textberg/test/, which are reserved for independent evaluation) and prints Markdown.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-segment: %s\n", error->message);
      return 2;
    }
  if (runs < 1 || min_mb <= 0 || synthetic_mb <= 0)
    {
      g_printerr ("bench-segment: --runs, --min-mb and --synthetic-mb must be positive\n");
      return 2;
    }

  if (corpora_dir == NULL)
    corpora_dir = default_corpora_dir ();
  {
    char *canonical = g_canonicalize_filename (corpora_dir, NULL);

    g_free (corpora_dir);
    corpora_dir = canonical;
  }

  if (child_corpus != NULL)
    return run_speed_child ();

  /* Only the built-in lists, unless asked: a developer's own additions
   * would make the numbers depend on the machine. Children inherit this. */
  if (!user_rules)
    {
      config_dir = g_dir_make_tmp ("bench-segment-XXXXXX", &error);
      if (config_dir == NULL)
        {
          g_printerr ("bench-segment: %s\n", error->message);
          return 1;
        }
      g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  have_corpora = g_file_test (corpora_dir, G_FILE_TEST_IS_DIR);

  g_print ("## Sentence segmentation bench (ICU %s)\n\n", U_ICU_VERSION);
  if (!have_corpora)
    g_print ("> The corpora folder %s is missing: only the synthetic speed test ran.\n\n",
             corpora_dir);

  /* Speed */
  if (have_corpora)
    for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
      if (sources[i].speed)
        {
          speed_corpus[n_speed] = sources[i].corpus;
          speed_label[n_speed] = sources[i].label;
          speed[n_speed++] = spawn_speed (self_path, sources[i].corpus, sources[i].file,
                                          sources[i].language);
        }
  for (guint i = 0; i < G_N_ELEMENTS (synthetic_langs); i++)
    {
      speed_corpus[n_speed] = "synthetic";
      speed_label[n_speed] = synthetic_langs[i][0];
      speed[n_speed++] = spawn_speed (self_path, "synthetic", "", synthetic_langs[i][1]);
    }

  /* Accuracy (the --errors lists, if asked for, are printed as it goes) */
  if (have_corpora)
    for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
      accuracy[i] = measure_accuracy (&sources[i]);

  /* The combined table */
  g_print ("%s### Summary\n\n", n_errors > 0 ? "\n" : "");
  g_print ("| corpus | lang | MB/s | sentences/s | peak RSS MB | F1 plain ICU | F1 ICU ss=standard "
           "| F1 ours, no lists | F1 ours | P ours | R ours |\n");
  g_print ("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
  for (guint i = 0; have_corpora && i < G_N_ELEMENTS (sources); i++)
    {
      AccuracyRow *row = &accuracy[i];
      SpeedResult *r = NULL;

      if (!row->ok)
        continue;
      for (guint k = 0; k < n_speed; k++)
        if (speed[k].ok && g_str_equal (speed_corpus[k], sources[i].corpus) &&
            g_str_equal (speed_label[k], sources[i].label))
          r = &speed[k];

      if (r != NULL)
        g_print ("| %s | %s | %.1f | %.0f | %.1f ", sources[i].corpus, sources[i].label,
                 r->bytes / MB / r->best, r->sentences / r->best, r->rss_kb / 1024.0);
      else
        g_print ("| %s | %s | – | – | – ", sources[i].corpus, sources[i].label);

      g_print ("| %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n",
               f1 (&row->scores[VARIANT_ICU]), f1 (&row->scores[VARIANT_ICU_SS]),
               f1 (&row->scores[VARIANT_OURS_EMPTY]), f1 (&row->scores[VARIANT_OURS]),
               ratio (row->scores[VARIANT_OURS].tp, row->scores[VARIANT_OURS].found),
               ratio (row->scores[VARIANT_OURS].tp, row->scores[VARIANT_OURS].gold));
    }
  for (guint k = 0; k < n_speed; k++)
    if (speed[k].ok && g_str_equal (speed_corpus[k], "synthetic"))
      g_print ("| synthetic | %s | %.1f | %.0f | %.1f | – | – | – | – | – | – |\n",
               speed_label[k], speed[k].bytes / MB / speed[k].best,
               speed[k].sentences / speed[k].best, speed[k].rss_kb / 1024.0);
  g_print ("\n");

  /* Details */
  print_speed_tables (speed, speed_corpus, speed_label, n_speed);

  for (guint k = 0; k < n_speed; k++)
    if (speed[k].ok && g_ascii_strcasecmp (speed[k].encoding, "UTF-8") != 0)
      g_print ("> Note: %s %s was detected as %s, not UTF-8.\n\n",
               speed_corpus[k], speed_label[k], speed[k].encoding);

  {
    /* The synthetic text's sentences are known: a check, not a score. */
    for (guint k = 0; k < n_speed; k++)
      if (speed[k].ok && g_str_equal (speed_corpus[k], "synthetic"))
        {
          const char *language = "en";
          guint per_copy;

          for (guint i = 0; i < G_N_ELEMENTS (synthetic_langs); i++)
            if (g_str_equal (synthetic_langs[i][0], speed_label[k]))
              language = synthetic_langs[i][1];
          per_copy = 3 * g_strv_length ((char **)synthetic_sentences (language));
          if (speed[k].sentences != per_copy * speed[k].copies)
            g_print ("> Note: synthetic %s: %u sentences found, %u written.\n\n",
                     speed_label[k], speed[k].sentences, per_copy * speed[k].copies);
          else
            g_print ("> synthetic %s: all %u written sentences found, no more.\n\n",
                     speed_label[k], speed[k].sentences);
        }
  }

  if (have_corpora)
    {
      g_print ("### Boundary accuracy against line boundaries (%s)\n\n", corpora_dir);
      g_print ("| corpus | lang | lines | paragraphs | line boundaries (after . ! ? …) | segmenter "
               "| boundaries | P | R | R after . ! ? … | F1 |\n");
      g_print ("|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|\n");
      for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
        {
          AccuracyRow *row = &accuracy[i];

          if (!row->ok)
            {
              g_print ("| %s | %s | not readable |||||||||\n", sources[i].corpus, sources[i].label);
              continue;
            }
          for (guint v = 0; v < N_VARIANTS; v++)
            {
              Score *sc = &row->scores[v];

              if (v == 0)
                g_print ("| %s | %s | %u | %u | %u (%u) ", sources[i].corpus, sources[i].label,
                         row->n_lines, row->n_docs, sc->gold, sc->gold_punct);
              else
                g_print ("| | | | | ");
              g_print ("| %s | %u | %.3f | %.3f | %.3f | %.3f |\n",
                       variant_names[v], sc->found, ratio (sc->tp, sc->found),
                       ratio (sc->tp, sc->gold), ratio (sc->tp_punct, sc->gold_punct), f1 (sc));
            }
        }

      g_print ("\n#### What our pass changes relative to plain ICU (built-in lists)\n\n");
      g_print ("| corpus | lang | removed, not a line boundary (right) | removed, a line boundary "
               "(wrong) | added at a line boundary | added elsewhere |\n");
      g_print ("|---|---|--:|--:|--:|--:|\n");
      for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
        if (accuracy[i].ok)
          g_print ("| %s | %s | %u | %u | %u | %u |\n", sources[i].corpus, sources[i].label,
                   accuracy[i].removed_right, accuracy[i].removed_wrong,
                   accuracy[i].added_right, accuracy[i].added_wrong);

      g_print ("\n"
               "- Paragraphs: the lines of one document (docs.tsv) joined by spaces; pud-en-ru: "
               "%d consecutive lines.\n"
               "- P = share of our boundaries that fall on a line boundary. Some lines hold two "
               "sentences, so a correct split inside such a line counts as an error: P is a "
               "lower bound.\n"
               "- R = share of line boundaries found. Lines that end without . ! ? … "
               "(headlines, chat turns, list items) give boundaries no segmenter can see; "
               "\"R after . ! ? …\" counts only the others.\n"
               "- plain ICU = ubrk_open (UBRK_SENTENCE, lang) with no filter (implemented in the "
               "bench); ICU ss=standard = lang@ss=standard (ICU's own abbreviation "
               "suppressions); ours, no lists = tri_segmenter_new_with_rules (lang, \"\"); "
               "ours = tri_segmenter_new (lang) with the built-in lists%s.\n",
               PUD_LINES_PER_PARAGRAPH,
               user_rules ? " and the user's" : " (the user's lists are ignored)");

      for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
        for (guint v = 0; v < N_VARIANTS; v++)
          score_clear (&accuracy[i].scores[v]);
    }

  for (guint k = 0; k < n_speed; k++)
    g_free (speed[k].encoding);

  if (config_dir != NULL)
    g_rmdir (config_dir);

  return 0;
}

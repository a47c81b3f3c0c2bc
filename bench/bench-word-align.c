/* bench-word-align.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <time.h>
#include <string.h>

#include "tri-word-align.h"

/* Word alignment against the hand-checked set bench/word-align-gold.tsv
 * (its rubric: bench/WORD-ALIGN.md): precision, recall and AER per pair of
 * versions, what each kind of evidence adds, and the speed. The sentences
 * are read from the corpora (../shared/corpora by default), never kept in
 * the repository.
 *
 *   bench-word-align [--corpora DIR] [--gold FILE] [--show N|all] [--speed] [--quick]
 *                    [--half odd|even|new|new2]
 *
 * --show prints a triple of the set (N: its line in the corpus) with the
 * hand-drawn links and the aligner's, for checking the labels by reading;
 * --quick scores all the evidence only; --half odd or even keeps every other
 * triple of the first set, --half new the triples after "# set: new", --half new2
 * those after "# set: new2". */

#define NV 3
static const char * const languages[NV] = { "en", "ru", "uk" };
static const char * const files[NV] = { "eng.txt", "rus.txt", "ukr.txt" };
static const guint pairs[3][2] = { { 0, 1 }, { 0, 2 }, { 1, 2 } };

typedef struct
{
  char   *corpus;
  guint   line;
  guint blind;          /* 1 after "# set: new", 2 after "# set: new2": labelled before the aligner saw it */
  guint   n_words[NV];
  GArray *sure[3];      /* guint64: a << 32 | b, per pair */
  GArray *possible[3];  /* sure ones included */
} Triple;

typedef struct
{
  char       *name;
  GPtrArray  *lines[NV];   /* of char * */
} Corpus;

static GHashTable *corpora_loaded;

static Corpus *
load_corpus (const char *dir,
             const char *name)
{
  Corpus *corpus = g_hash_table_lookup (corpora_loaded, name);

  if (corpus != NULL)
    return corpus;
  corpus = g_new0 (Corpus, 1);
  corpus->name = g_strdup (name);
  for (guint v = 0; v < NV; v++)
    {
      g_autofree char *path = g_build_filename (dir, name, files[v], NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      char **lines;

      if (!g_file_get_contents (path, &text, NULL, &error))
        {
          g_printerr ("bench-word-align: the corpus is absent (%s): nothing to measure\n", error->message);
          exit (77);
        }
      lines = g_strsplit (text, "\n", -1);
      corpus->lines[v] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; lines[i] != NULL; i++)
        g_ptr_array_add (corpus->lines[v], lines[i]);
      g_free (lines);
    }
  g_hash_table_insert (corpora_loaded, corpus->name, corpus);
  return corpus;
}

static const char *
corpus_line (Corpus *corpus,
             guint   v,
             guint   line)
{
  return line >= 1 && line <= corpus->lines[v]->len ? g_ptr_array_index (corpus->lines[v], line - 1) : "";
}

static void
parse_indices (const char *s,
               GArray     *out)
{
  g_auto(GStrv) parts = g_strsplit (s, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      {
        guint v = (guint)g_ascii_strtoull (parts[i], NULL, 10);

        g_array_append_val (out, v);
      }
}

static void
add_unique (GArray  *set,
            guint64  key)
{
  for (guint i = 0; i < set->len; i++)
    if (g_array_index (set, guint64, i) == key)
      return;
  g_array_append_val (set, key);
}

static gboolean
contains (GArray  *set,
          guint64  key)
{
  for (guint i = 0; i < set->len; i++)
    if (g_array_index (set, guint64, i) == key)
      return TRUE;
  return FALSE;
}

static GPtrArray *
load_gold (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *triples = g_ptr_array_new ();
  guint blind = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) groups = NULL;
      Triple *t;

      if (g_str_has_prefix (lines[l], "# set: new2"))
        blind = 2;
      else if (g_str_has_prefix (lines[l], "# set: new"))
        blind = 1;
      if (lines[l][0] == '#' || lines[l][0] == '\0')
        continue;
      fields = g_strsplit (lines[l], "\t", -1);
      if (g_strv_length (fields) < 6)
        g_error ("%s:%u: six fields expected", path, l + 1);
      t = g_new0 (Triple, 1);
      t->corpus = g_strdup (fields[0]);
      t->line = (guint)g_ascii_strtoull (fields[1], NULL, 10);
      t->blind = blind;
      for (guint v = 0; v < NV; v++)
        t->n_words[v] = (guint)g_ascii_strtoull (fields[2 + v], NULL, 10);
      for (guint p = 0; p < 3; p++)
        {
          t->sure[p] = g_array_new (FALSE, FALSE, sizeof (guint64));
          t->possible[p] = g_array_new (FALSE, FALSE, sizeof (guint64));
        }
      groups = g_strsplit_set (g_strstrip (fields[5]), " ", -1);
      for (guint g = 0; groups[g] != NULL; g++)
        {
          const char *group = groups[g];
          gboolean possible = group[0] == '?';
          g_auto(GStrv) parts = g_strsplit (possible ? group + 1 : group, "|", -1);
          GArray *idx[NV];

          if (group[0] == '\0')
            continue;
          if (g_strv_length (parts) != NV)
            g_error ("%s:%u: group %s is not EN|RU|UK", path, l + 1, group);
          for (guint v = 0; v < NV; v++)
            {
              idx[v] = g_array_new (FALSE, FALSE, sizeof (guint));
              parse_indices (parts[v], idx[v]);
              for (guint i = 0; i < idx[v]->len; i++)
                if (g_array_index (idx[v], guint, i) >= t->n_words[v])
                  g_error ("%s:%u: word %u past the sentence's %u", path, l + 1,
                           g_array_index (idx[v], guint, i), t->n_words[v]);
            }
          for (guint p = 0; p < 3; p++)
            for (guint i = 0; i < idx[pairs[p][0]]->len; i++)
              for (guint j = 0; j < idx[pairs[p][1]]->len; j++)
                {
                  guint64 key = ((guint64)g_array_index (idx[pairs[p][0]], guint, i) << 32) |
                                g_array_index (idx[pairs[p][1]], guint, j);

                  add_unique (t->possible[p], key);
                  if (!possible)
                    add_unique (t->sure[p], key);
                }
          for (guint v = 0; v < NV; v++)
            g_array_unref (idx[v]);
        }
      g_ptr_array_add (triples, t);
    }
  return triples;
}

typedef struct
{
  guint a, s, a_and_s, a_and_p;
} Score;

static void
score_row (const Triple     *t,
           const TriWordRow *row,
           Score            *scores)
{
  for (guint p = 0; p < 3; p++)
    {
      guint n;
      const TriWordLink *links = tri_word_row_get_links (row, pairs[p][0], pairs[p][1], &n);

      scores[p].a += n;
      scores[p].s += t->sure[p]->len;
      for (guint k = 0; k < n; k++)
        {
          guint64 key = ((guint64)links[k].a << 32) | links[k].b;

          scores[p].a_and_s += contains (t->sure[p], key);
          scores[p].a_and_p += contains (t->possible[p], key);
        }
    }
}

static void
get_texts (const char   *corpora,
           const Triple *t,
           const char  **texts)
{
  Corpus *corpus = load_corpus (corpora, t->corpus);

  for (guint v = 0; v < NV; v++)
    texts[v] = corpus_line (corpus, v, t->line);
}

/* The corpora's rows, for learning: each corpus is one document. */
static void
learn (TriWordAligner *wa,
       const char     *corpora,
       GPtrArray      *triples)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < triples->len; i++)
    {
      const Triple *t = g_ptr_array_index (triples, i);
      Corpus *corpus;
      g_autofree const char **cells = NULL;
      guint n;

      if (g_hash_table_contains (seen, t->corpus))
        continue;
      g_hash_table_add (seen, t->corpus);
      corpus = load_corpus (corpora, t->corpus);
      n = corpus->lines[0]->len;
      cells = g_new0 (const char *, (gsize)n * NV);
      for (guint r = 0; r < n; r++)
        for (guint v = 0; v < NV; v++)
          cells[r * NV + v] = corpus_line (corpus, v, r + 1);
      tri_word_aligner_learn (wa, n, cells);
    }
}

static void
evaluate (const char      *corpora,
          GPtrArray       *triples,
          TriWordEvidence  evidence,
          Score           *scores)
{
  const char *const *langs = languages;
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (NV, langs);

  tri_word_aligner_set_evidence (wa, evidence);
  memset (scores, 0, 3 * sizeof (Score));
  if (evidence & TRI_WORD_EVIDENCE_DOCUMENT)
    learn (wa, corpora, triples);
  for (guint i = 0; i < triples->len; i++)
    {
      const Triple *t = g_ptr_array_index (triples, i);
      const char *texts[NV];
      g_autoptr(TriWordRow) row = NULL;

      get_texts (corpora, t, texts);
      row = tri_word_aligner_align (wa, texts);
      for (guint v = 0; v < NV; v++)
        {
          guint n;

          tri_word_row_get_words (row, v, &n);
          if (n != t->n_words[v])
            g_error ("%s %u: %s has %u words, the set says %u (tokenisation changed?)",
                     t->corpus, t->line, languages[v], n, t->n_words[v]);
        }
      score_row (t, row, scores);
    }
}

static void
print_scores_row (const char  *label,
                  const Score *scores)
{
  g_print ("| %s |", label);
  for (guint p = 0; p < 3; p++)
    {
      const Score *s = &scores[p];
      double precision = s->a > 0 ? (double)s->a_and_p / s->a : 0.0;
      double recall = s->s > 0 ? (double)s->a_and_s / s->s : 0.0;
      double aer = s->a + s->s > 0 ? 1.0 - (double)(s->a_and_s + s->a_and_p) / (s->a + s->s) : 0.0;

      g_print (" %.3f / %.3f / %.3f |", precision, recall, aer);
    }
  g_print ("\n");
}

static void
show_word (const char        *text,
           const TriWordSpan *spans,
           guint              i)
{
  g_print ("%u:%.*s", i, (int)(spans[i].end - spans[i].start), text + spans[i].start);
}

static void
show (const char *corpora,
      GPtrArray  *triples,
      const char *which)
{
  const char *const *langs = languages;
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (NV, langs);
  guint wanted = g_str_equal (which, "all") ? 0 : (guint)g_ascii_strtoull (which, NULL, 10);

  learn (wa, corpora, triples);
  for (guint i = 0; i < triples->len; i++)
    {
      const Triple *t = g_ptr_array_index (triples, i);
      const char *texts[NV];
      g_autoptr(TriWordRow) row = NULL;

      if (wanted != 0 && t->line != wanted)
        continue;
      get_texts (corpora, t, texts);
      row = tri_word_aligner_align (wa, texts);
      g_print ("== %s %u\n", t->corpus, t->line);
      for (guint v = 0; v < NV; v++)
        {
          guint n;
          const TriWordSpan *spans = tri_word_row_get_words (row, v, &n);

          g_print ("%s:", languages[v]);
          for (guint w = 0; w < n; w++)
            {
              g_print (" ");
              show_word (texts[v], spans, w);
            }
          g_print ("\n");
        }
      for (guint p = 0; p < 3; p++)
        {
          guint a = pairs[p][0], b = pairs[p][1], na, nb, nl;
          const TriWordSpan *sa = tri_word_row_get_words (row, a, &na);
          const TriWordSpan *sb = tri_word_row_get_words (row, b, &nb);
          const TriWordLink *links = tri_word_row_get_links (row, a, b, &nl);

          g_print ("-- %s-%s (= both, ? possible, - missed, + wrong)\n", languages[a], languages[b]);
          for (guint k = 0; k < t->possible[p]->len; k++)
            {
              guint64 key = g_array_index (t->possible[p], guint64, k);
              gboolean found = FALSE;

              for (guint l = 0; l < nl; l++)
                found |= (((guint64)links[l].a << 32) | links[l].b) == key;
              g_print ("  %s ", found ? "=" : contains (t->sure[p], key) ? "-" : "?");
              show_word (texts[a], sa, (guint)(key >> 32));
              g_print (" ↔ ");
              show_word (texts[b], sb, (guint)(key & G_MAXUINT32));
              g_print ("\n");
            }
          for (guint l = 0; l < nl; l++)
            if (!contains (t->possible[p], ((guint64)links[l].a << 32) | links[l].b))
              {
                g_print ("  + ");
                show_word (texts[a], sa, links[l].a);
                g_print (" ↔ ");
                show_word (texts[b], sb, links[l].b);
                g_print ("  (%.2f)\n", links[l].score);
              }
        }
    }
}

/* Milliseconds of this process's CPU time: the other jobs of a shared
 * machine do not count (wall time is printed too). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
speed (const char *corpora)
{
  const char *const *langs = languages;
  Corpus *corpus = load_corpus (corpora, "flores");
  g_autoptr(TriWordAligner) wa = NULL;
  g_autofree const char **cells = g_new0 (const char *, 200 * NV);
  double c0, w0, worst = 0.0, sum = 0.0;
  guint first = 100;

  for (guint r = 0; r < 200; r++)
    for (guint v = 0; v < NV; v++)
      cells[r * NV + v] = corpus_line (corpus, v, first + r);

  c0 = cpu_ms (), w0 = wall_ms ();
  wa = tri_word_aligner_new (NV, langs);
  g_print ("| aligner made (Hunspell ×3, dictionaries) | %.0f | %.0f |\n", cpu_ms () - c0, wall_ms () - w0);

  c0 = cpu_ms (), w0 = wall_ms ();
  tri_word_aligner_learn (wa, 200, cells);
  g_print ("| learning the 200 rows (first sight of their words: stems, translations; IBM Model 1) | %.0f | %.0f |\n",
           cpu_ms () - c0, wall_ms () - w0);

  /* no rows more: IBM Model 1 trained again over the 200 */
  c0 = cpu_ms (), w0 = wall_ms ();
  tri_word_aligner_learn (wa, 0, NULL);
  g_print ("| of which IBM Model 1's training (5 rounds both ways, 3 pairs) | %.1f | %.1f |\n",
           cpu_ms () - c0, wall_ms () - w0);

  c0 = cpu_ms (), w0 = wall_ms ();
  for (guint r = 0; r < 200; r++)
    tri_word_row_free (tri_word_aligner_align (wa, cells + r * NV));
  g_print ("| all 200 rows linked, first time | %.1f | %.1f |\n", cpu_ms () - c0, wall_ms () - w0);

  c0 = cpu_ms (), w0 = wall_ms ();
  for (guint r = 0; r < 200; r++)
    {
      double r0 = cpu_ms ();

      tri_word_row_free (tri_word_aligner_align (wa, cells + r * NV));
      worst = MAX (worst, cpu_ms () - r0);
    }
  sum = cpu_ms () - c0;
  g_print ("| all 200 rows linked again (a row's word pairs remembered) | %.1f | %.1f |\n", sum, wall_ms () - w0);
  g_print ("| one row again, mean / worst | %.2f / %.2f | |\n", sum / 200, worst);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *corpora = g_strdup (BENCH_CORPORA);
  g_autofree char *gold = g_build_filename (BENCH_SOURCE_ROOT, "bench", "word-align-gold.tsv", NULL);
  g_autofree char *which = NULL;
  g_autofree char *corpus_check = NULL;
  GPtrArray *triples;
  gboolean speed_only = FALSE, quick = FALSE;
  guint half = 0;   /* 1: odd triples of the first set only, 2: its even ones, 3: the new set, 4: new2 */
  static const struct { const char *label; TriWordEvidence evidence; } steps[] = {
    { "numbers", TRI_WORD_EVIDENCE_NUMBERS },
    { "+ names (skeletons)", TRI_WORD_EVIDENCE_NUMBERS | TRI_WORD_EVIDENCE_NAMES },
    { "+ dictionaries (word forms)", TRI_WORD_EVIDENCE_NUMBERS | TRI_WORD_EVIDENCE_NAMES | TRI_WORD_EVIDENCE_DICTIONARY },
    { "+ Hunspell stems", TRI_WORD_EVIDENCE_NUMBERS | TRI_WORD_EVIDENCE_NAMES | TRI_WORD_EVIDENCE_DICTIONARY |
                          TRI_WORD_EVIDENCE_STEMS },
    { "+ ru–uk cognates", TRI_WORD_EVIDENCE_NUMBERS | TRI_WORD_EVIDENCE_NAMES | TRI_WORD_EVIDENCE_DICTIONARY |
                          TRI_WORD_EVIDENCE_STEMS | TRI_WORD_EVIDENCE_COGNATES },
    { "+ document lexicon", TRI_WORD_EVIDENCE_NUMBERS | TRI_WORD_EVIDENCE_NAMES | TRI_WORD_EVIDENCE_DICTIONARY |
                            TRI_WORD_EVIDENCE_STEMS | TRI_WORD_EVIDENCE_COGNATES | TRI_WORD_EVIDENCE_DOCUMENT },
    { "+ three-way", TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_ORDER & ~TRI_WORD_EVIDENCE_POSTERIOR &
                     ~TRI_WORD_EVIDENCE_CLOSURE & ~TRI_WORD_EVIDENCE_CONTENT_GAPS &
                     ~TRI_WORD_EVIDENCE_BLOCKS },
    { "+ word order", TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_POSTERIOR & ~TRI_WORD_EVIDENCE_CLOSURE &
                      ~TRI_WORD_EVIDENCE_CONTENT_GAPS & ~TRI_WORD_EVIDENCE_BLOCKS },
    { "+ IBM Model 1's mutual likeliest pairs", TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_CLOSURE &
                                                ~TRI_WORD_EVIDENCE_CONTENT_GAPS & ~TRI_WORD_EVIDENCE_BLOCKS },
    { "+ links closed through the third version", TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_CONTENT_GAPS &
                                                  ~TRI_WORD_EVIDENCE_BLOCKS },
    { "+ content words of unequal gaps in order", TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_BLOCKS },
    { "+ phrase blocks (all)", TRI_WORD_EVIDENCE_ALL },
  };

  setlocale (LC_ALL, "C.UTF-8");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--corpora") && i + 1 < argc)
        g_free (corpora), corpora = g_strdup (argv[++i]);
      else if (g_str_equal (argv[i], "--gold") && i + 1 < argc)
        g_free (gold), gold = g_strdup (argv[++i]);
      else if (g_str_equal (argv[i], "--speed"))
        speed_only = TRUE;
      else if (g_str_equal (argv[i], "--quick"))
        quick = TRUE;
      else if (g_str_equal (argv[i], "--half") && i + 1 < argc &&
               (g_str_equal (argv[i + 1], "odd") || g_str_equal (argv[i + 1], "even") ||
                g_str_equal (argv[i + 1], "new") || g_str_equal (argv[i + 1], "new2")))
        {
          i++;
          half = g_str_equal (argv[i], "odd") ? 1 : g_str_equal (argv[i], "even") ? 2 :
                 g_str_equal (argv[i], "new") ? 3 : 4;
        }
      else if (g_str_equal (argv[i], "--show") && i + 1 < argc)
        which = g_strdup (argv[++i]);
      else
        {
          g_printerr ("Usage: bench-word-align [--corpora DIR] [--gold FILE] [--show LINE|all] [--speed] [--quick] [--half odd|even|new|new2]\n");
          return 2;
        }
    }

  corpus_check = g_build_filename (corpora, "flores", "eng.txt", NULL);
  if (!g_file_test (corpus_check, G_FILE_TEST_EXISTS))
    {
      g_print ("The corpora are not at %s: the word-alignment set's sentences are read from there (see bench/WORD-ALIGN.md).\n", corpora);
      return 0;
    }

  corpora_loaded = g_hash_table_new (g_str_hash, g_str_equal);
  triples = load_gold (gold);
  /* the 1st, 3rd … triples of the first set or the 2nd, 4th …: tune on one, report on
   * the other; "new", "new2": the triples labelled blind after both were used */
  for (guint k = triples->len; half != 0 && k > 0; k--)
    {
      const Triple *t = g_ptr_array_index (triples, k - 1);

      if (half >= 3 ? t->blind != half - 2 : t->blind != 0 || (k % 2 == 1) != (half == 1))
        g_ptr_array_remove_index (triples, k - 1);
    }

  if (which != NULL)
    {
      show (corpora, triples, which);
      return 0;
    }
  if (quick)
    {
      Score scores[3];

      g_print ("| evidence | en–ru | en–uk | ru–uk |\n|---|---|---|---|\n");
      evaluate (corpora, triples, TRI_WORD_EVIDENCE_ALL, scores);
      print_scores_row ("all", scores);
      return 0;
    }
  if (speed_only)
    {
      g_print ("| what | CPU ms | wall ms |\n|---|---|---|\n");
      speed (corpora);
      return 0;
    }

  g_print ("### Word alignment (bench/word-align-gold.tsv: %u triples, hand-checked)\n\n", triples->len);
  g_print ("Precision / recall / AER per pair; each row adds one kind of evidence to the row above.\n\n");
  g_print ("| evidence | en–ru | en–uk | ru–uk |\n|---|---|---|---|\n");
  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      Score scores[3];

      evaluate (corpora, triples, steps[s].evidence, scores);
      print_scores_row (steps[s].label, scores);
    }
  {
    static const struct { const char *label; TriWordEvidence off; } without[] = {
      { "all but names", TRI_WORD_EVIDENCE_NAMES },
      { "all but dictionaries", TRI_WORD_EVIDENCE_DICTIONARY },
      { "all but stems", TRI_WORD_EVIDENCE_STEMS },
      { "all but cognates", TRI_WORD_EVIDENCE_COGNATES },
      { "all but the document lexicon", TRI_WORD_EVIDENCE_DOCUMENT },
      { "all but three-way", TRI_WORD_EVIDENCE_THREE_WAY },
      { "all but word order", TRI_WORD_EVIDENCE_ORDER },
      { "all but IBM Model 1's likeliest pairs", TRI_WORD_EVIDENCE_POSTERIOR },
      { "all but the closure through the third version", TRI_WORD_EVIDENCE_CLOSURE },
      { "all but content words of unequal gaps", TRI_WORD_EVIDENCE_CONTENT_GAPS },
      { "all but phrase blocks", TRI_WORD_EVIDENCE_BLOCKS },
    };

    for (guint s = 0; s < G_N_ELEMENTS (without); s++)
      {
        Score scores[3];

        evaluate (corpora, triples, TRI_WORD_EVIDENCE_ALL & ~without[s].off, scores);
        print_scores_row (without[s].label, scores);
      }
  }

  g_print ("\n### Word alignment speed (flores rows 100–299 as one 200-row report)\n\n| what | CPU ms | wall ms |\n|---|---|---|\n");
  speed (corpora);
  return 0;
}

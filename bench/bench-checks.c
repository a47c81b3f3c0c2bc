/* bench-checks.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Cross-language checks speed (issue 6): every check over a whole report,
 * and what an edit costs the Checks panel (TriChecker): the findings after
 * the edit moved at once, and the rows edited checked again.
 *
 *   bench-checks [--corpora DIR] [ROWS]
 *
 * The report is human-translated news (flores' English, Russian and
 * Ukrainian lines, a paragraph every five, one sentence a line, row i of
 * each version the counterpart of the others'), repeated up to ROWS rows
 * (20,000 by default); without the corpora, the bundled sample report,
 * repeated — said in the output. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tri-checker.h"

#define EDITS 20

static const char *const files[] = { "eng.txt", "rus.txt", "ukr.txt" };
static const char *const languages[] = { "en", "ru", "uk" };

/* One version: @lines repeated up to @n_rows lines, a blank line every
 * five. */
static char *
build_text (char  **lines,
            guint   n_lines,
            guint   n_rows)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (text, lines[r % n_lines]);
      g_string_append (text, r % 5 == 4 ? "\n\n" : "\n");
    }
  return g_string_free (text, FALSE);
}

static double
ms_since (gint64 start)
{
  return (double)(g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpora = g_strdup (BENCH_CORPORA);
  TriDocument *docs[3] = { NULL };
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(TriChecker) checker = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  const char *source = "flores (eng/rus/ukr)";
  guint n_rows = 20000;
  double full, edit_sum = 0, edit_max = 0, flush_sum = 0, flush_max = 0;
  gint64 start;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--corpora") && i + 1 < argc)
        {
          g_free (corpora);
          corpora = g_strdup (argv[++i]);
        }
      else
        n_rows = (guint)g_ascii_strtoull (argv[i], NULL, 10);
    }
  n_rows = MAX (n_rows, 100);

  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *path = g_build_filename (corpora, "flores", files[c], NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *text = NULL;
      guint n;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        {
          g_autoptr(TriDocument) sample = tri_document_new_sample (languages[c]);
          GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

          source = "the bundled sample report (no corpora found)";
          for (guint s = 0; s < tri_document_get_n_sentences (sample); s++)
            g_ptr_array_add (sentences, tri_document_dup_sentence_text (sample, s));
          g_ptr_array_add (sentences, NULL);
          lines = (GStrv)g_ptr_array_free (sentences, FALSE);
        }
      else
        {
          g_strchomp (contents);
          lines = g_strsplit (contents, "\n", -1);
        }
      n = g_strv_length (lines);
      text = build_text (lines, n, n_rows);
      docs[c] = tri_document_new (text, languages[c], TRI_PARAGRAPH_PRESEGMENTED);
    }
  alignment = tri_alignment_new (docs, 3);
  for (guint c = 0; c < 3; c++)
    g_object_unref (docs[c]);

  start = g_get_monotonic_time ();
  findings = tri_checks_run (alignment);
  full = ms_since (start);

  checker = tri_checker_new (alignment);
  for (guint e = 0; e < EDITS; e++)
    {
      guint row = (guint)g_rand_int_range (rand, 0, (gint32)g_list_model_get_n_items (G_LIST_MODEL (alignment)));
      g_autoptr(TriRow) bead = g_list_model_get_item (G_LIST_MODEL (alignment), row);
      g_autofree char *cell = tri_alignment_dup_cell_text (alignment, bead, 1);
      g_autofree char *edited = g_strconcat (cell, " 1 520", NULL);
      const char *sentences[] = { edited, NULL };
      double edit, flush;

      start = g_get_monotonic_time ();
      tri_alignment_set_cell_sentences (alignment, row, 1, sentences);
      edit = ms_since (start);
      start = g_get_monotonic_time ();
      tri_checker_flush (checker);
      flush = ms_since (start);
      edit_sum += edit;
      edit_max = MAX (edit_max, edit);
      flush_sum += flush;
      flush_max = MAX (flush_max, flush);
    }

  printf ("## Cross-language checks: speed\n\n");
  printf ("%u rows × 3 versions from %s.\n\n", g_list_model_get_n_items (G_LIST_MODEL (alignment)), source);
  printf ("| What | Time |\n|---|---|\n");
  printf ("| Every check over the whole report (%u findings) | %.0f ms |\n", findings->len, full);
  printf ("| An edit of one cell, with the findings after it moved (mean / max of %d) | %.1f / %.1f ms |\n",
          EDITS, edit_sum / EDITS, edit_max);
  printf ("| The edited rows checked again, 300 ms later (mean / max of %d) | %.1f / %.1f ms |\n",
          EDITS, flush_sum / EDITS, flush_max);
  return 0;
}

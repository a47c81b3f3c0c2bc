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

#include "bench-corpus.h"
#include "tri-checker.h"

#define EDITS 20

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
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(TriChecker) checker = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  const char *source;
  guint n_rows = 20000;
  double full, opened, in_thread, edit_sum = 0, edit_max = 0, flush_sum = 0, flush_max = 0;
  gint64 start;

  n_rows = bench_corpus_parse_args (argc, argv, &corpora, n_rows);

  alignment = bench_corpus_triple (corpora, n_rows, &source);

  start = g_get_monotonic_time ();
  findings = tri_checks_run (alignment);
  full = ms_since (start);

  /* A long report is checked whole in a thread: the window goes on. */
  start = g_get_monotonic_time ();
  checker = tri_checker_new (alignment);
  opened = ms_since (start);
  while (tri_checker_get_busy (checker))
    g_main_context_iteration (NULL, TRUE);
  in_thread = ms_since (start);

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
  printf ("| The Checks panel's checker made for it: on the main thread / until its thread is done | %.0f / %.0f ms |\n",
          opened, in_thread);
  printf ("| An edit of one cell, with the findings after it moved (mean / max of %d) | %.1f / %.1f ms |\n",
          EDITS, edit_sum / EDITS, edit_max);
  printf ("| The edited rows checked again, 300 ms later (mean / max of %d) | %.1f / %.1f ms |\n",
          EDITS, flush_sum / EDITS, flush_max);
  return 0;
}

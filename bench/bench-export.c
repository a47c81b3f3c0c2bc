/* bench-export.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export and import speed and memory (issue 7): a report of ROWS rows
 * (20,000 by default) in English, Russian and Ukrainian (flores' lines,
 * see bench-corpus.c; never ntrex or textberg) written to every format,
 * and every importable file read back.
 *
 *   bench-export [--corpora DIR] [ROWS]
 *
 * Each measurement runs in a child process of its own (this program again,
 * with --child), so that its peak memory (VmHWM) is its own: for an export,
 * the process that built the alignment and wrote the file, beside the peak
 * before writing; for an import, a process that only reads the file. Times
 * are the fastest of three runs. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bench-corpus.h"
#include "tri-export.h"
#include "tri-import.h"

#define RUNS 3

/* The process's peak resident memory so far, in MB. */
static double
peak_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* --child export FORMAT PATH CORPORA ROWS, or --child import FORMAT PATH:
 * prints "MS PEAK_BEFORE PEAK_AFTER". */
static int
child (char **argv)
{
  g_autoptr(GFile) file = g_file_new_for_path (argv[2]);
  g_autoptr(GError) error = NULL;
  TriExportFormat format;
  double best = G_MAXDOUBLE, before;

  if (!tri_export_format_from_id (argv[1], &format))
    return 2;

  if (g_str_equal (argv[0], "export"))
    {
      const char *source;
      g_autoptr(TriAlignment) alignment = bench_corpus_triple (argv[3], (guint)g_ascii_strtoull (argv[4], NULL, 10),
                                                               &source);
      g_autoptr(TriExportOptions) options = tri_export_options_new ();

      options->format = format;
      before = peak_mb ();
      for (guint run = 0; run < RUNS; run++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) files = tri_export_save (alignment, options, file, NULL, &error);

          if (files == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
        }
    }
  else
    {
      before = peak_mb ();
      for (guint run = 0; run < RUNS; run++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(TriAlignment) alignment = tri_import_load (file, format, NULL, NULL, &error);

          if (alignment == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
        }
    }
  printf ("%.1f %.1f %.1f\n", best, before, peak_mb ());
  return 0;
}

/* Runs a child and reads its three numbers. */
static gboolean
run_child (const char * const *args,
           double             *numbers)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL) ||
      sscanf (out, "%lf %lf %lf", &numbers[0], &numbers[1], &numbers[2]) != 3)
    return FALSE;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpora = g_strdup (BENCH_CORPORA);
  g_autofree char *dir = NULL;
  g_autofree char *rows_arg = NULL;
  guint n_rows = 20000;
  const char *source;

  if (argc > 1 && g_str_equal (argv[1], "--child"))
    return child (argv + 2);

  n_rows = bench_corpus_parse_args (argc, argv, &corpora, n_rows);
  rows_arg = g_strdup_printf ("%u", n_rows);
  /* Only to learn where the text comes from. */
  g_object_unref (bench_corpus_triple (corpora, 100, &source));
  dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);

  printf ("## Export and import: speed and memory\n\n");
  printf ("%u rows × 3 versions (en, ru, uk) from %s. Fastest of %d runs; peak RSS (VmHWM) of a\n"
          "process of its own: for an export, the process that built the alignment (its peak before\n"
          "the export in brackets) and wrote the file; for an import, one that only reads the file.\n\n",
          n_rows, source, RUNS);
  printf ("| Format | File size | Export | Peak RSS (before) | Import | Peak RSS |\n|---|--:|--:|--:|--:|--:|\n");

  for (guint f = 0; f < TRI_EXPORT_N_FORMATS; f++)
    {
      const char *id = tri_export_format_get_id (f);
      g_autofree char *name = g_strconcat ("bench", tri_export_format_get_suffix (f), NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const char *export_args[] = { argv[0], "--child", "export", id, path, corpora, rows_arg, NULL };
      const char *import_args[] = { argv[0], "--child", "import", id, path, NULL };
      double exported[3], imported[3];
      GStatBuf st;

      if (!run_child (export_args, exported) || g_stat (path, &st) != 0)
        {
          printf ("| %s | export failed | | | | |\n", id);
          continue;
        }
      printf ("| %s | %.1f MB | %.0f ms | %.0f MB (%.0f) |", id, st.st_size / 1e6, exported[0], exported[2], exported[1]);
      if (tri_export_format_can_import (f) && run_child (import_args, imported))
        printf (" %.0f ms | %.0f MB |\n", imported[0], imported[2]);
      else
        printf (" — | — |\n");
      g_remove (path);
    }
  g_rmdir (dir);
  return 0;
}

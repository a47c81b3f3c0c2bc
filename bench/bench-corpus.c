/* bench-corpus.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-corpus.h"

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

/**
 * bench_corpus_triple:
 * @corpora: the shared corpora folder
 * @n_rows: how many rows
 * @source: (out): what the text is, for the results
 *
 * A report of @n_rows rows in English, Russian and Ukrainian: human-translated
 * news (flores' lines, and only flores': one sentence a line, a paragraph every
 * five, row i of each version the counterpart of the others'), repeated; without
 * the corpora, the bundled sample report, repeated — said in *@source.
 *
 * Returns: (transfer full): the alignment, one row a line
 */
TriAlignment *
bench_corpus_triple (const char  *corpora,
                     guint        n_rows,
                     const char **source)
{
  TriDocument *docs[3] = { NULL };
  TriAlignment *alignment;

  *source = "flores (eng/rus/ukr)";
  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *path = g_build_filename (corpora, "flores", files[c], NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *text = NULL;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        {
          g_autoptr(TriDocument) sample = tri_document_new_sample (languages[c]);
          GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

          *source = "the bundled sample report (no corpora found)";
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
      text = build_text (lines, g_strv_length (lines), n_rows);
      docs[c] = tri_document_new (text, languages[c], TRI_PARAGRAPH_PRESEGMENTED);
    }
  alignment = tri_alignment_new (docs, 3);
  for (guint c = 0; c < 3; c++)
    g_object_unref (docs[c]);
  return alignment;
}

/**
 * bench_corpus_parse_args:
 * @argc: the program's argument count
 * @argv: its arguments: [--corpora DIR] [ROWS]
 * @corpora: (inout): the corpora folder, replaced by --corpora's
 * @n_rows: the default number of rows
 *
 * Returns: the number of rows asked for, 100 at least
 */
guint
bench_corpus_parse_args (int     argc,
                         char  **argv,
                         char  **corpora,
                         guint   n_rows)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--corpora") && i + 1 < argc)
        {
          g_free (*corpora);
          *corpora = g_strdup (argv[++i]);
        }
      else
        n_rows = (guint)g_ascii_strtoull (argv[i], NULL, 10);
    }
  return MAX (n_rows, 100);
}

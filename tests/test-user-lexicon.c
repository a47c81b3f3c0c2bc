/* test-user-lexicon.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tri-aligner.h"
#include "tri-alignment.h"
#include "tri-document.h"
#include "tri-user-lexicon.h"

#include "tri-test-utils.h"

/* Confirmed rows of a report on grain exports, English and Russian. */
static const char * const rows_en[] = {
  "Grain exports through the Odesa ports rose in March.",
  "The ministry expects grain exports to grow again in April.",
  "Insurers raised the premiums for ships calling at the ports.",
  "The ministry blamed the insurers for the delay.",
  "This year's grain harvest is a record.",
};
static const char * const rows_ru[] = {
  "Экспорт зерна через порты Одессы вырос в марте.",
  "Министерство ожидает, что экспорт зерна снова вырастет в апреле.",
  "Страховщики повысили премии для судов, заходящих в порты.",
  "Министерство обвинило страховщиков в задержке.",
  "Урожай зерна в этом году рекордный.",
};

static TriUserLexicon *
make_lexicon (void)
{
  TriUserLexicon *lexicon = tri_user_lexicon_new ("en", "ru");

  for (guint i = 0; i < G_N_ELEMENTS (rows_en); i++)
    tri_user_lexicon_add_row (lexicon, rows_en[i], rows_ru[i]);
  return lexicon;
}

static void
count_pairs (const char *a,
             const char *b,
             guint       count,
             gpointer    user_data)
{
  guint *n = user_data;

  g_assert_cmpuint (count, >=, 1);
  g_assert_nonnull (strchr ("abcdefghijklmnopqrstuvwxyz", a[0]));
  g_assert_true (g_utf8_validate (b, -1, NULL));
  (*n)++;
}

static void
test_counts (void)
{
  g_autoptr(TriUserLexicon) lexicon = make_lexicon ();
  guint n = 0;

  g_assert_cmpuint (tri_user_lexicon_get_n_rows (lexicon), ==, 5);
  /* Words are counted once a row, in any case. */
  g_assert_cmpuint (tri_user_lexicon_lookup (lexicon, "grain", "зерна"), ==, 3);
  g_assert_cmpuint (tri_user_lexicon_lookup (lexicon, "year's", "году"), ==, 1);
  g_assert_cmpuint (tri_user_lexicon_lookup (lexicon, "Ministry", "Министерство"), ==, 2);
  g_assert_cmpuint (tri_user_lexicon_lookup (lexicon, "insurers", "зерна"), ==, 0);
  g_assert_cmpuint (tri_user_lexicon_get_word_count (lexicon, 0, "ports"), ==, 2);
  g_assert_cmpuint (tri_user_lexicon_get_word_count (lexicon, 1, "в"), ==, 0);   /* one letter */
  tri_user_lexicon_foreach (lexicon, count_pairs, &n);
  g_assert_cmpuint (n, >, 50);
}

static void
test_save_and_load (TriTestDir    *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(TriUserLexicon) lexicon = make_lexicon ();
  g_autoptr(TriUserLexicon) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "lexicon", "en-ru.tsv", NULL);
  g_autofree char *data = NULL;

  g_assert_true (tri_user_lexicon_save (lexicon, path, &error));
  g_assert_no_error (error);

  /* Plain and readable: one pair a line, tab-separated. */
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "@languages\ten\tru\n"));
  g_assert_nonnull (strstr (data, "\ngrain\tзерна\t3\n"));

  loaded = tri_user_lexicon_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tri_user_lexicon_get_language (loaded, 1), ==, "ru");
  g_assert_cmpuint (tri_user_lexicon_get_n_rows (loaded), ==, 5);
  g_assert_cmpuint (tri_user_lexicon_lookup (loaded, "grain", "зерна"), ==, 3);
  g_assert_cmpuint (tri_user_lexicon_get_word_count (loaded, 1, "порты"), ==, 2);

  /* Not a lexicon: an error, no crash. */
  g_file_set_contents (path, "grain @ зерно\n", -1, NULL);
  g_clear_pointer (&loaded, tri_user_lexicon_free);
  loaded = tri_user_lexicon_load (path, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_dictionary (void)
{
  g_autoptr(TriUserLexicon) lexicon = make_lexicon ();
  g_autoptr(TriDictionary) dictionary = tri_dictionary_new ();
  const char * const *translations;
  guint n = 0;
  gboolean found = FALSE;

  tri_user_lexicon_add_to_dictionary (lexicon, dictionary);

  /* Seen together three times, and only together: a translation, both
   * ways. */
  translations = tri_dictionary_lookup (dictionary, "grain", &n);
  for (guint i = 0; i < n; i++)
    found |= g_str_equal (translations[i], "зерна");
  g_assert_true (found);
  translations = tri_dictionary_lookup (dictionary, "зерна", &n);
  g_assert_cmpuint (n, >, 0);
  /* Seen together once: no evidence. */
  translations = tri_dictionary_lookup (dictionary, "premiums", &n);
  g_assert_cmpuint (n, ==, 0);
  /* "ministry" and "министерство" share their two rows with each other
   * only; "the" pairs with everything, and with nothing best. */
  translations = tri_dictionary_lookup (dictionary, "ministry", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (translations[0], ==, "министерство");
  translations = tri_dictionary_lookup (dictionary, "the", &n);
  g_assert_cmpuint (n, ==, 0);
  (void)translations;
}

/* The rows above as an alignment, one row each; Russian first if
 * @russian_first. */
static TriAlignment *
make_alignment (gboolean russian_first)
{
  g_autoptr(GString) en = g_string_new (NULL);
  g_autoptr(GString) ru = g_string_new (NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TriBead));
  TriAlignment *alignment;
  TriDocument *docs[2];

  for (guint i = 0; i < G_N_ELEMENTS (rows_en); i++)
    {
      TriBead bead = { { i, i }, { 1, 1 }, 1.0, FALSE, FALSE };

      g_string_append_printf (en, "%s\n\n", rows_en[i]);
      g_string_append_printf (ru, "%s\n\n", rows_ru[i]);
      g_array_append_val (rows, bead);
    }
  docs[0] = tri_document_new (russian_first ? ru->str : en->str, russian_first ? "ru" : "en",
                              TRI_PARAGRAPH_BLANK_LINES);
  docs[1] = tri_document_new (russian_first ? en->str : ru->str, russian_first ? "en" : "ru",
                              TRI_PARAGRAPH_BLANK_LINES);
  alignment = tri_alignment_new (docs, 2);
  g_object_unref (docs[0]);
  g_object_unref (docs[1]);
  tri_alignment_set_rows (alignment, rows);
  return alignment;
}

static void
test_learn_confirmed_rows (void)
{
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(TriUserLexicon) lexicon = NULL;
  g_autoptr(TriDictionary) dictionary = NULL;
  g_autofree char *path = NULL;
  const char *languages[] = { "ru", "en" };
  guint confirmed[] = { 0, 1, 3, 4 };

  /* In the (test's own) user data folder. */
  path = tri_user_lexicon_default_path ("ru", "en-GB");
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "en-ru.tsv"));

  /* Russian first: the lexicon keeps its own order (en, ru). */
  alignment = make_alignment (TRUE);

  /* Row 3 is not confirmed: not learnt. */
  tri_alignment_set_confirmed (alignment, 0, TRUE);
  tri_alignment_set_confirmed (alignment, 1, TRUE);
  tri_alignment_set_confirmed (alignment, 4, TRUE);
  tri_user_lexicon_learn_rows (alignment, confirmed, G_N_ELEMENTS (confirmed));
  tri_user_lexicon_flush ();

  lexicon = tri_user_lexicon_load (path, NULL);
  g_assert_nonnull (lexicon);
  g_assert_cmpstr (tri_user_lexicon_get_language (lexicon, 0), ==, "en");
  g_assert_cmpuint (tri_user_lexicon_get_n_rows (lexicon), ==, 3);
  g_assert_cmpuint (tri_user_lexicon_lookup (lexicon, "exports", "экспорт"), ==, 2);
  g_assert_cmpuint (tri_user_lexicon_lookup (lexicon, "blamed", "обвинило"), ==, 0);

  /* What the window gives the aligner. */
  dictionary = tri_user_lexicon_dictionary_for (languages, 2);
  g_assert_nonnull (dictionary);
  g_assert_cmpuint (tri_dictionary_get_size (dictionary), >, 0);
}

/* Confirming a row, taking the confirmation back and confirming it again
 * (an undo, an edit undone) is one row of evidence, not two; and the
 * lexicon is saved after the confirmation returns, not during it. */
static void
test_confirm_twice (void)
{
  g_autoptr(TriAlignment) alignment = make_alignment (FALSE);
  g_autoptr(TriUserLexicon) lexicon = NULL;
  g_autoptr(TriDictionary) dictionary = NULL;
  g_autofree char *path = tri_user_lexicon_default_path ("en", "ru");
  const char *languages[] = { "en", "ru" };
  guint first[] = { 0, 1, 2 }, again[] = { 1 };

  for (guint k = 0; k < G_N_ELEMENTS (first); k++)
    tri_alignment_set_confirmed (alignment, first[k], TRUE);
  tri_user_lexicon_learn_rows (alignment, first, G_N_ELEMENTS (first));

  /* Not written yet: the confirmation did not wait for the disk. The
   * aligner sees the rows all the same. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dictionary = tri_user_lexicon_dictionary_for (languages, 2);
  g_assert_nonnull (dictionary);

  tri_alignment_set_confirmed (alignment, 1, FALSE);
  tri_alignment_set_confirmed (alignment, 1, TRUE);
  tri_user_lexicon_learn_rows (alignment, again, G_N_ELEMENTS (again));
  tri_user_lexicon_flush ();

  lexicon = tri_user_lexicon_load (path, NULL);
  g_assert_nonnull (lexicon);
  g_assert_cmpuint (tri_user_lexicon_get_n_rows (lexicon), ==, 3);
  g_assert_cmpuint (tri_user_lexicon_get_word_count (lexicon, 0, "ministry"), ==, 1);
  g_assert_cmpuint (tri_user_lexicon_lookup (lexicon, "exports", "экспорт"), ==, 2);

  /* Also after loading it again: the file knows which rows it counted. */
  tri_user_lexicon_add_row (lexicon, rows_en[1], rows_ru[1]);
  g_assert_cmpuint (tri_user_lexicon_get_n_rows (lexicon), ==, 3);
  tri_user_lexicon_add_row (lexicon, rows_en[3], rows_ru[3]);
  g_assert_cmpuint (tri_user_lexicon_get_n_rows (lexicon), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/user-lexicon/counts", test_counts);
  g_test_add ("/user-lexicon/save-and-load", TriTestDir, NULL,
              tri_test_dir_set_up, test_save_and_load, tri_test_dir_tear_down);
  g_test_add_func ("/user-lexicon/dictionary", test_dictionary);
  g_test_add_func ("/user-lexicon/learn-confirmed-rows", test_learn_confirmed_rows);
  g_test_add_func ("/user-lexicon/confirm-twice", test_confirm_twice);

  return g_test_run ();
}

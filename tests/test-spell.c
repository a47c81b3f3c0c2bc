/* test-spell.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "tri-document.h"
#include "tri-names.h"
#include "tri-spell-checker.h"
#include "tri-spell.h"
#include "tri-test-utils.h"

/* English and Ukrainian stay loaded for the whole run: loading the
 * Ukrainian dictionary takes seconds under AddressSanitizer. */
static TriSpellDictionary *kept[2];

static TriSpellDictionary *
load (const char *language)
{
  g_autoptr(GError) error = NULL;
  TriSpellDictionary *dictionary = tri_spell_dictionary_load (language, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dictionary);
  if (g_str_equal (language, "en") && kept[0] == NULL)
    kept[0] = g_object_ref (dictionary);
  else if (g_str_equal (language, "uk") && kept[1] == NULL)
    kept[1] = g_object_ref (dictionary);
  return dictionary;
}

/* The misspelled words of @text, space-separated. */
static char *
misspelled (TriSpellDictionary *dictionary,
            const char         *text,
            TriSpellFlags       flags,
            GHashTable         *ignored)
{
  g_autoptr(GArray) found = tri_spell_check (dictionary, text, -1, flags, ignored);
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const TriMisspelling *m = &g_array_index (found, TriMisspelling, i);

      if (i > 0)
        g_string_append_c (words, ' ');
      g_string_append_len (words, text + m->start, (gssize)(m->end - m->start));
    }
  return g_string_free (words, FALSE);
}

static void
assert_suggests (TriSpellDictionary *dictionary,
                 const char         *word,
                 const char         *expected)
{
  g_auto(GStrv) suggestions = tri_spell_dictionary_suggest (dictionary, word, 5);

  g_assert_nonnull (suggestions);
  if (TRI_TEST_SUGGESTIONS_TIME_LIMITED)
    return;
  if (!g_strv_contains ((const char * const *)suggestions, expected))
    {
      g_autofree char *all = g_strjoinv (", ", suggestions);

      g_error ("“%s” not among the suggestions for “%s”: %s", expected, word, all);
    }
}

static void
test_find (void)
{
  g_auto(GStrv) names = tri_spell_list_dictionaries ();
  g_autofree char *en = tri_spell_find_dictionary ("en");
  g_autofree char *en_gb = tri_spell_find_dictionary ("en-GB");
  g_autofree char *ru = tri_spell_find_dictionary ("ru");
  g_autofree char *uk = tri_spell_find_dictionary ("uk-UA");
  g_autofree char *none = tri_spell_find_dictionary ("yo");

  g_assert_true (g_strv_contains ((const char * const *)names, "en_US"));
  g_assert_true (g_strv_contains ((const char * const *)names, "ru_RU"));
  g_assert_true (g_strv_contains ((const char * const *)names, "uk_UA"));
  g_assert_cmpstr (en, ==, "en_US");
  g_assert_true (g_str_has_prefix (en_gb, "en_"));
  g_assert_cmpstr (ru, ==, "ru_RU");
  g_assert_cmpstr (uk, ==, "uk_UA");
  g_assert_null (none);

  g_assert_cmpstr (tri_spell_get_package ("uk"), ==, "hunspell-uk");
  g_assert_cmpstr (tri_spell_get_package ("en-GB"), ==, "hunspell-en-us");
  g_assert_cmpstr (tri_spell_get_package ("yo"), ==, "hunspell-yo");
}

/* Per language: planted slips are found, with the right word among five
 * suggestions; correct text with acronyms, numbers, dates, addresses,
 * names the dictionary knows and apostrophes raises nothing. */
typedef struct
{
  const char *language;
  const char *slips;
  const char *found;
  const char *suggestions[2][2];   /* slip, the word meant */
  const char *clean;
} LanguageCase;

static const LanguageCase cases[] = {
  { "en",
    "The negotiatons resumed in Geneva on Thursday, and the delegations agred on a draft that would "
    "create an insurance pool.",
    "negotiatons agred",
    { { "negotiatons", "negotiations" }, { "agred", "agreed" } },
    /* both apostrophes */
    "NATO and the UN said on 14 March 2023 that the talks in Geneva and London would resume at 10:30; "
    "see https://www.example.org/talks/2023-03-14 or write to press.office@example.org. The ministers "
    "didn’t sign, and they don't plan to." },
  { "ru",
    "Переговоры возобновились в Женеве, делегацыи согласовали проэкт соглашения.",
    "делегацыи проэкт",
    { { "делегацыи", "делегации" }, { "проэкт", "проект" } },
    /* abbreviations the splitter knows ("г.", "долл.") */
    "ООН и ЕС сообщили 14 марта 2023 г., что переговоры в Женеве и Киеве продолжатся в 10:30; "
    "подробности на https://example.org/peregovory. Ещё 1,2 млрд долл. выделят позже." },
  { "uk",
    "Перемовини відновилися в Женеві, делегаціі погодили проєкт угди.",
    "делегаціі угди",
    { { "делегаціі", "делегації" }, { "угди", "угоди" } },
    /* the three apostrophes: typewriter, right single quotation mark,
     * modifier letter */
    "Мʼясо, м’ясо і м'ясо подорожчали: ЄС і НАТО заявили 14 березня 2023 р., що перемовини в Києві "
    "триватимуть; пишіть на press@example.org. Зеленський і Кулеба обʼєднали зусилля з пʼятьма партнерами." },
};

static void
test_language (gconstpointer data)
{
  const LanguageCase *c = data;
  g_autoptr(TriSpellDictionary) dictionary = load (c->language);
  g_autofree char *found = misspelled (dictionary, c->slips, TRI_SPELL_DEFAULT_FLAGS, NULL);
  g_autofree char *clean = misspelled (dictionary, c->clean, TRI_SPELL_DEFAULT_FLAGS, NULL);

  g_assert_cmpstr (found, ==, c->found);
  for (guint i = 0; i < G_N_ELEMENTS (c->suggestions); i++)
    assert_suggests (dictionary, c->suggestions[i][0], c->suggestions[i][1]);
  g_assert_cmpstr (clean, ==, "");
}

/* A Latin name is not the Ukrainian dictionary's to judge; a Latin K in a
 * Cyrillic word is a slip it catches. */
static void
test_scripts (void)
{
  g_autoptr(TriSpellDictionary) uk = load ("uk");
  g_autofree char *found = misspelled (uk, "Компанія Google відкрила офіс у Kиєві, а не в Києві.",
                                       TRI_SPELL_DEFAULT_FLAGS, NULL);

  g_assert_cmpstr (found, ==, "Kиєві");
}

/* Each skip is a choice: without it the word is checked. */
static void
test_flags (void)
{
  g_autoptr(TriSpellDictionary) en = load ("en");
  const char *text = "The XQZV unit uses Q7zk chips, per http://qzxv.example/wbvkq.";
  g_autofree char *skipped = misspelled (en, text, TRI_SPELL_DEFAULT_FLAGS, NULL);
  g_autofree char *acronyms = misspelled (en, text, TRI_SPELL_DEFAULT_FLAGS & ~TRI_SPELL_SKIP_ACRONYMS, NULL);
  g_autofree char *digits = misspelled (en, text, TRI_SPELL_DEFAULT_FLAGS & ~TRI_SPELL_SKIP_DIGITS, NULL);
  g_autofree char *urls = misspelled (en, text, TRI_SPELL_DEFAULT_FLAGS & ~TRI_SPELL_SKIP_URLS, NULL);

  g_assert_cmpstr (skipped, ==, "");
  g_assert_cmpstr (acronyms, ==, "XQZV");
  g_assert_cmpstr (digits, ==, "Q7zk");
  g_assert_nonnull (strstr (urls, "qzxv"));
  g_assert_nonnull (strstr (urls, "wbvkq"));
}

/* The project's "ignore" list, and verdicts from the cache alone. */
static void
test_ignore_and_cache (void)
{
  g_autoptr(TriSpellDictionary) en = load ("en");
  g_autoptr(GHashTable) ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *text = "Hrytsenko met Sollbergr in Geneva.";
  const char *unseen = "Zolbergerova went to Genevva.";
  g_autofree char *all = misspelled (en, text, TRI_SPELL_DEFAULT_FLAGS, NULL);
  g_autofree char *some = NULL;
  g_autoptr(GArray) cached = NULL;
  g_autoptr(GArray) partial = NULL;
  gboolean complete = FALSE;

  g_assert_cmpstr (all, ==, "Hrytsenko Sollbergr");
  g_hash_table_add (ignored, g_strdup ("Hrytsenko"));
  some = misspelled (en, text, TRI_SPELL_DEFAULT_FLAGS, ignored);
  g_assert_cmpstr (some, ==, "Sollbergr");

  /* Checked once, the verdicts are there without Hunspell. */
  cached = tri_spell_check_cached (en, text, -1, TRI_SPELL_DEFAULT_FLAGS, NULL, &complete);
  g_assert_true (complete);
  g_assert_cmpuint (cached->len, ==, 2);
  partial = tri_spell_check_cached (en, unseen, -1, TRI_SPELL_DEFAULT_FLAGS, NULL, &complete);
  g_assert_false (complete);
  g_assert_cmpuint (partial->len, ==, 0);
}

/* "Add to Dictionary" lasts: a new load reads the user's word list. */
static void
test_personal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "triptych", "dictionaries", "ru.txt", NULL);
  g_autofree char *contents = NULL;
  TriSpellDictionary *ru = tri_spell_dictionary_load ("ru", NULL, NULL);

  g_assert_false (tri_spell_dictionary_check_word (ru, "Грищенковичу", -1));
  g_assert_true (tri_spell_dictionary_add_personal (ru, "Грищенковичу", &error));
  g_assert_no_error (error);
  g_assert_true (tri_spell_dictionary_check_word (ru, "Грищенковичу", -1));
  g_assert_false (tri_spell_dictionary_add_personal (ru, "два слова", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Грищенковичу\n");

  /* Let go of the dictionary (not kept: see load()): the next load is a
   * new one. */
  g_object_unref (ru);
  ru = tri_spell_dictionary_load ("ru", NULL, NULL);
  g_assert_true (tri_spell_dictionary_check_word (ru, "Грищенковичу", -1));
  g_object_unref (ru);
}

/* No dictionary: an error that names the package to install. */
/* A personal dictionary that cannot be read is left alone: the word is
 * refused (not known either), never written alone over the user's list.
 * The list is made unreadable (write-only); root reads anything, so as
 * root the test runs as nobody, in a subprocess. */
static void
test_personal_unreadable (void)
{
  static const char words[] = "Sollberger\nGryshchenko\n";
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "triptych", "dictionaries", NULL);
  g_autofree char *path = g_build_filename (dir, "en.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  TriSpellDictionary *en;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, words, -1, NULL));
  if (geteuid () == 0)
    {
      g_autofree char *triptych = g_path_get_dirname (dir);
      g_autofree char *up = g_strdup (g_get_user_data_dir ());

      /* The test's own folders (G_TEST_OPTION_ISOLATE_DIRS) open to nobody. */
      while (g_str_has_prefix (up, g_get_tmp_dir ()) && strlen (up) > strlen (g_get_tmp_dir ()) + 1)
        {
          char *parent = g_path_get_dirname (up);

          g_assert_cmpint (g_chmod (up, 0755), ==, 0);
          g_free (up);
          up = parent;
        }
      g_assert_cmpint (chown (g_get_user_data_dir (), 65534, 65534), ==, 0);
      g_assert_cmpint (chown (triptych, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  g_assert_cmpint (g_chmod (path, 0200), ==, 0);

  en = tri_spell_dictionary_load ("en", NULL, NULL);
  g_assert_nonnull (en);
  g_assert_false (tri_spell_dictionary_add_personal (en, "Qwertzuiopy", &error));
  g_assert_nonnull (error);
  g_assert_false (tri_spell_dictionary_check_word (en, "Qwertzuiopy", -1));

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, words);
  g_object_unref (en);
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriSpellDictionary) none = tri_spell_dictionary_load ("yo", NULL, &error);
  g_autoptr(TriSpellDictionary) named = NULL;

  g_assert_null (none);
  g_assert_error (error, TRI_SPELL_ERROR, TRI_SPELL_ERROR_NO_DICTIONARY);
  g_assert_nonnull (strstr (error->message, "hunspell-yo"));
  g_clear_error (&error);

  named = tri_spell_dictionary_load ("de", "de_XX", &error);
  g_assert_null (named);
  g_assert_error (error, TRI_SPELL_ERROR, TRI_SPELL_ERROR_NO_DICTIONARY);
  g_assert_nonnull (strstr (error->message, "hunspell-de-de"));
}

/* A dictionary in another encoding than UTF-8 (older ones are KOI8-R):
 * words go to it converted, suggestions come back in UTF-8. */
static void
test_other_encoding (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *old_dicpath = g_strdup (g_getenv ("DICPATH"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TriSpellDictionary) koi = NULL;
  gsize aff_len = 0, dic_len = 0;
  g_autofree char *aff = tri_test_convert ("SET KOI8-R\nTRY оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё\n", "KOI8-R", &aff_len);
  g_autofree char *dic = tri_test_convert ("3\nпривет\nмир\nпереговоры\n", "KOI8-R", &dic_len);
  g_autofree char *aff_path = tri_test_write_file (dir, "xx_KOI.aff", aff, (gssize)aff_len);
  g_autofree char *dic_path = tri_test_write_file (dir, "xx_KOI.dic", dic, (gssize)dic_len);
  g_auto(GStrv) suggestions = NULL;
  g_autofree char *found = NULL;

  g_setenv ("DICPATH", dir, TRUE);
  koi = tri_spell_dictionary_load ("ru", "xx_KOI", &error);
  g_assert_no_error (error);

  found = misspelled (koi, "Привет, мир: переговоры, перговоры.", TRI_SPELL_DEFAULT_FLAGS, NULL);
  g_assert_cmpstr (found, ==, "перговоры");
  suggestions = tri_spell_dictionary_suggest (koi, "перговоры", 5);
  g_assert_true (g_strv_contains ((const char * const *)suggestions, "переговоры"));
  /* A word the encoding cannot hold is no word of it. */
  g_assert_false (tri_spell_dictionary_check_word (koi, "мʼясо", -1));

  if (old_dicpath != NULL)
    g_setenv ("DICPATH", old_dicpath, TRUE);
  else
    g_unsetenv ("DICPATH");
  tri_test_rm_rf (dir);
}

static gboolean
checker_idle (TriSpellChecker *checker)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (tri_spell_checker_get_busy (checker))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static void
on_problem (TriSpellChecker *checker,
            guint            column,
            const char      *message,
            char           **problem)
{
  g_free (*problem);
  *problem = g_strdup_printf ("%u: %s", column, message);
}

/* The whole alignment in the background: counts per column, which
 * sentences hold slips, underlines from the cache, re-checks after edits
 * and "Ignore", and a column without a dictionary left unchecked. */
static void
test_checker (void)
{
  TriDocument *docs[3] = {
    tri_document_new ("Talks resumed in Geneva. The delegatons agred on a draft. Nobody signed.", "en",
                      TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new ("Перемовини відновилися в Женеві. Делегації погодили проєкт угди. Ніхто не підписав.", "uk",
                      TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new ("Ẹ ku aarọ. Ọjọ ayọ ni.", "yo", TRI_PARAGRAPH_BLANK_LINES),
  };
  g_autoptr(TriAlignment) alignment = tri_alignment_new (docs, 3);
  g_autoptr(TriSpellChecker) checker = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GArray) cell = NULL;
  const char *fixed[] = { "The delegations agreed on a draft.", NULL };

  for (guint c = 0; c < 3; c++)
    g_object_unref (docs[c]);

  checker = tri_spell_checker_new (alignment);
  g_signal_connect (checker, "problem", G_CALLBACK (on_problem), &problem);
  g_assert_true (checker_idle (checker));

  g_assert_cmpuint (tri_spell_checker_get_count (checker, 0), ==, 2);
  g_assert_cmpuint (tri_spell_checker_get_count (checker, 1), ==, 1);
  g_assert_false (tri_spell_checker_has_misspelling (checker, 0, 0, 1));
  g_assert_true (tri_spell_checker_has_misspelling (checker, 0, 1, 1));
  g_assert_true (tri_spell_checker_has_misspelling (checker, 0, 0, 3));
  g_assert_false (tri_spell_checker_has_misspelling (checker, 0, 2, 1));

  /* No Yoruba dictionary: that column is not checked, and says why. */
  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (problem, "2: "));
  g_assert_nonnull (strstr (problem, "hunspell-yo"));
  g_assert_cmpstr (tri_spell_checker_get_problem (checker, 2), ==, problem + 3);
  g_assert_null (tri_spell_checker_get_dictionary (checker, 2));

  /* A cell's underlines come from the cache, now warm. */
  cell = tri_spell_checker_check_text (checker, 0, "The delegatons agred on a draft.", -1);
  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_cmpuint (g_array_index (cell, TriMisspelling, 0).start, ==, 4);
  g_assert_cmpuint (g_array_index (cell, TriMisspelling, 0).end, ==, 14);

  /* Fixed in the text, the slips go after the re-check. */
  g_assert_true (tri_alignment_set_cell_sentences (alignment, 1, 0, fixed));
  g_assert_true (checker_idle (checker));
  g_assert_cmpuint (tri_spell_checker_get_count (checker, 0), ==, 0);

  /* "Ignore" is the project's: the re-check leaves the word alone. */
  g_assert_true (tri_alignment_ignore_word (alignment, "угди"));
  g_assert_true (checker_idle (checker));
  g_assert_cmpuint (tri_spell_checker_get_count (checker, 1), ==, 0);

  /* Off: nothing is checked, nothing underlined. */
  tri_spell_checker_set_enabled (checker, FALSE);
  g_assert_true (checker_idle (checker));
  g_assert_null (tri_spell_checker_get_dictionary (checker, 0));
  g_clear_pointer (&cell, g_array_unref);
  cell = tri_spell_checker_check_text (checker, 0, "The delegatons agred.", -1);
  g_assert_cmpuint (cell->len, ==, 0);
}

/* A name another version of the row writes is no misspelling with
 * TRI_SPELL_SKIP_NAMES (the Preference, on by default): neither in the
 * background counts nor in a cell's underlines; a typo still is. */
static void
test_checker_names (void)
{
  TriDocument *docs[3] = {
    tri_document_new ("Zelenskyy's office met Dmitriev. The goverment agreed.", "en", TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new ("Офис Зеленского встретился с Дмитриевым. Правительство согласилось.", "ru",
                      TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new ("Офіс Зеленського зустрівся з Дмитрієвим. Уряд погодився.", "uk", TRI_PARAGRAPH_BLANK_LINES),
  };
  g_autoptr(TriAlignment) alignment = tri_alignment_new (docs, 3);
  g_autoptr(TriSpellChecker) checker = NULL;
  g_autoptr(TriRow) row = NULL;
  g_autoptr(GArray) names = NULL;
  g_autoptr(GArray) all = NULL;
  guint with_names;

  for (guint c = 0; c < 3; c++)
    g_object_unref (docs[c]);

  checker = tri_spell_checker_new (alignment);
  tri_spell_checker_set_flags (checker, TRI_SPELL_DEFAULT_FLAGS);
  g_assert_true (checker_idle (checker));
  with_names = tri_spell_checker_get_count (checker, 0);
  g_assert_cmpuint (with_names, ==, 3);

  tri_spell_checker_set_flags (checker, TRI_SPELL_DEFAULT_FLAGS | TRI_SPELL_SKIP_NAMES);
  g_assert_true (checker_idle (checker));
  g_assert_cmpuint (tri_spell_checker_get_count (checker, 0), ==, 1);
  g_assert_false (tri_spell_checker_has_misspelling (checker, 0, 0, 1));
  g_assert_true (tri_spell_checker_has_misspelling (checker, 0, 1, 1));

  row = g_list_model_get_item (G_LIST_MODEL (alignment), 0);
  names = tri_spell_checker_check_cell (checker, row, 0, "Zelenskyy's office met Dmitriev.", -1);
  g_assert_cmpuint (names->len, ==, 0);
  all = tri_spell_checker_check_text (checker, 0, "Zelenskyy's office met Dmitriev.", -1);
  g_assert_cmpuint (all->len, ==, 2);
}

/* A word in lower case that another version of the row, in the same
 * script, writes letter for letter (балкера, a bulk carrier, in Russian
 * and Ukrainian alike) is a term, not a typo; a typo there (экномиста)
 * is still one: two translators do not misspell a word alike. */
static void
test_checker_terms (void)
{
  TriDocument *docs[3] = {
    tri_document_new ("The premium is $625,000 for a typical bulk carrier, the economist said.", "en",
                      TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new ("Премия составляет 625 000 долл. для типичного балкера, по словам экномиста.", "ru",
                      TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new ("Премія становить 625 000 дол. для типового балкера, за словами економіста.", "uk",
                      TRI_PARAGRAPH_BLANK_LINES),
  };
  g_autoptr(TriAlignment) alignment = tri_alignment_new (docs, 3);
  g_autoptr(TriSpellChecker) checker = NULL;
  g_autoptr(TriRow) row = NULL;
  g_autoptr(GArray) found = NULL;
  const char *ru = "Премия составляет 625 000 долл. для типичного балкера, по словам экномиста.";

  for (guint c = 0; c < 3; c++)
    g_object_unref (docs[c]);

  checker = tri_spell_checker_new (alignment);
  tri_spell_checker_set_flags (checker, TRI_SPELL_DEFAULT_FLAGS | TRI_SPELL_SKIP_NAMES);
  g_assert_true (checker_idle (checker));
  row = g_list_model_get_item (G_LIST_MODEL (alignment), 0);
  found = tri_spell_checker_check_cell (checker, row, 1, ru, -1);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_str_has_prefix (ru + g_array_index (found, TriMisspelling, 0).start, "экномиста"));
}


/* Whether @word (of @language) is taken for a name or term of @other. */
static gboolean
spelt_in (const char *language,
          const char *word,
          const char *other_language,
          const char *other)
{
  g_autoptr(TriNames) names = tri_names_new ();

  return tri_names_spelt_in (names, language, word, -1, other_language, other, -1);
}

/* A lower-case term is the other version's only when its vowels stand
 * where the other's do: a typo that swaps a vowel and a consonant keeps
 * the consonants (инспектроа, конгресувмен) and is still a typo. */
static void
test_names_term_vowels (void)
{
  const char *en = "The Inspector General's report names the Congresswoman and a Panamax-class ship.";

  g_assert_true (spelt_in ("ru", "панамакс", "en", en));
  g_assert_true (spelt_in ("uk", "конгресвумен", "en", en));
  g_assert_false (spelt_in ("ru", "инспектроа", "en", en));
  g_assert_false (spelt_in ("uk", "конгресувмен", "en", en));
  g_assert_false (spelt_in ("ru", "пананакс", "en", en));
}

/* Russian and Ukrainian spell one word with their own letters (ы and и,
 * и and і, э and е, a soft sign more or less): a lower-case term the
 * other Cyrillic version writes so is a term; a typo that moves a letter,
 * the soft sign included, is not. */
static void
test_names_term_cyrillic (void)
{
  const char *ru = "Это скажется на низкомаржинальных грузах, например на маленьких партиях кукурузы.";
  const char *uk = "Це позначиться на низькомаржинальних вантажах, як-от на маленьких партіях кукурудзи.";

  g_assert_true (spelt_in ("ru", "низкомаржинальных", "uk", uk));
  g_assert_true (spelt_in ("uk", "низькомаржинальних", "ru", ru));
  g_assert_false (spelt_in ("ru", "низкомаржиналньых", "uk", uk));
  g_assert_false (spelt_in ("ru", "низкомаржинаьлных", "uk", uk));
  g_assert_false (spelt_in ("uk", "низькомаржиинальних", "ru", ru));
  g_assert_false (spelt_in ("uk", "малеьнких", "ru", ru));
}

/* A first name that the other version gives as an initial before the
 * same surname (Vasyl Petrenko, В. И. Петренко) is a name; a word that
 * starts with another letter, or a row with no initials, is no evidence. */
static void
test_names_initial (void)
{
  const char *ru = "По оценке экономиста из Николаева В. И. Петренко, премии снизятся.";
  const char *uk = "За оцінкою економіста з Миколаєва В. І. Петренка, премії знизяться.";
  const char *plain = "По оценке экономиста из Николаева Петренко, премии снизятся.";

  g_assert_true (spelt_in ("en", "Vasyl", "ru", ru));
  g_assert_true (spelt_in ("en", "Vasyl", "uk", uk));
  g_assert_false (spelt_in ("en", "Kasyl", "ru", ru));
  g_assert_false (spelt_in ("en", "Vasyl", "ru", plain));
  /* An initial needs its surname after it. */
  g_assert_false (spelt_in ("en", "Vasyl", "ru", "Таблица В. показывает рост."));
}

int
main (int   argc,
      char *argv[])
{
  /* Messages in UTF-8, as the words they quote. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/spell/find", test_find);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/spell/language/%s", cases[i].language);

      g_test_add_data_func (path, &cases[i], test_language);
    }
  g_test_add_func ("/spell/scripts", test_scripts);
  g_test_add_func ("/spell/flags", test_flags);
  g_test_add_func ("/spell/ignore-and-cache", test_ignore_and_cache);
  g_test_add_func ("/spell/personal", test_personal);
  g_test_add_func ("/spell/personal-unreadable", test_personal_unreadable);
  g_test_add_func ("/spell/missing", test_missing);
  g_test_add_func ("/spell/other-encoding", test_other_encoding);
  g_test_add_func ("/spell/checker", test_checker);
  g_test_add_func ("/spell/checker-names", test_checker_names);
  g_test_add_func ("/spell/checker-terms", test_checker_terms);
  g_test_add_func ("/spell/names/term-vowels", test_names_term_vowels);
  g_test_add_func ("/spell/names/term-cyrillic", test_names_term_cyrillic);
  g_test_add_func ("/spell/names/initial", test_names_initial);

  {
    int status = g_test_run ();

    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      g_clear_object (&kept[i]);
    return status;
  }
}

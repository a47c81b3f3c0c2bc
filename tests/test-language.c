/* test-language.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <unicode/uloc.h>

#include "tri-language.h"

typedef struct
{
  const char *text;
  const char *expected;
} GuessCase;

static void
test_guess (void)
{
  static const GuessCase cases[] = {
    /* Russian with ы and ё. */
    { "Ещё одна встреча министров состоится в Стамбуле. Вопросы безопасности "
      "обсудят отдельно, сообщили в МИД.", "ru" },
    { "Переговоры в Женеве продолжатся в четверг. Делегации обсудят обмен пленными.", "ru" },
    /* Neither ы э ъ ё nor і ї є ґ: Cyrillic is taken for Russian. */
    { "Делегации прибудут в Женеву в четверг.", "ru" },
    /* Ukrainian with ї є ґ and the apostrophe. */
    { "Європейські партнери висловили підтримку її позиції. Ґрунтовні переговори "
      "продовжаться у п’ятницю.", "uk" },
    /* Ukrainian with і but without ї є ґ. */
    { "Переговори у Стамбулі тривали понад чотири години, повідомив речник міністерства.", "uk" },
    { "The delegations met in Geneva on Thursday. Both sides called the talks constructive.", "en" },
    /* An English report that quotes a Cyrillic name is English. */
    { "Foreign Minister Dmytro Kuleba (Дмитро Кулеба) said the talks would resume in March.", "en" },
    /* A Russian report that names an English-language paper is Russian. */
    { "Об этом пишет газета The Guardian со ссылкой на источники в правительстве Великобритании.", "ru" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (tri_language_guess (cases[i].text, -1), ==, cases[i].expected);
      g_assert_cmpstr (tri_language_guess (cases[i].text, (gssize)strlen (cases[i].text)), ==,
                       cases[i].expected);
    }
}

static void
test_guess_no_letters (void)
{
  g_assert_null (tri_language_guess ("2024-03-14 12:30 1,2 100%", -1));
  g_assert_null (tri_language_guess ("", -1));
  g_assert_null (tri_language_guess ("«—» … 1990–1991 № 5", -1));
  g_assert_null (tri_language_guess ("\n\n  \t\n", -1));
}

static void
test_guess_length (void)
{
  static const char text[] =
    "Переговоры продолжатся.\n"
    "The talks will continue and the delegations will meet again next week in Geneva.";

  g_assert_cmpstr (tri_language_guess (text, -1), ==, "en");
  g_assert_cmpstr (tri_language_guess (text, (gssize)strlen ("Переговоры продолжатся.")), ==, "ru");
  g_assert_null (tri_language_guess (text, 0));
  /* A length that cuts a character in two stops before it. */
  g_assert_cmpstr (tri_language_guess (text, 3), ==, "ru");
}

static void
test_guess_with_hint (void)
{
  /* Ukrainian with none of і ї є ґ: the letters alone say Russian. */
  static const char uk_text[] = "Делегации провели переговоры в Женеве.";
  static const char de_text[] = "Die Gespräche werden nächste Woche in Genf fortgesetzt.";
  static const char en_text[] = "The talks will continue next week in Geneva.";
  struct { const char *text, *hint, *expected; } cases[] = {
    { uk_text, "uk-UA", "uk" },
    { uk_text, "UK", "uk" },
    { uk_text, NULL, "ru" },
    /* A page left marked English after translation: its script wins. */
    { uk_text, "en", "ru" },
    { de_text, "de", "de" },
    { de_text, NULL, "en" },
    { en_text, "ru", "en" },
    /* Hints that are no language, or too long to be one, are ignored. */
    { en_text, "x/../../name", "en" },
    { en_text, "", "en" },
    { en_text, "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee", "en" },
    /* Text without letters takes the page's word for it. */
    { "2024-03-14 12:30", "uk", "uk" },
    { "2024-03-14 12:30", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *guess = tri_language_guess_with_hint (cases[i].text, -1, cases[i].hint);

      g_test_message ("%s (%s)", cases[i].text, cases[i].hint);
      g_assert_cmpstr (guess, ==, cases[i].expected);
    }
}

static void
test_is_valid (void)
{
  static const char * const valid[] = {
    "en", "uk", "ru", "de", "be", "kk",
    "ru-RU", "uk_UA", "en-US", "EN", "zh-Hant-TW", "sr@latin",
    /* ICU's list of ISO languages has three-letter codes too (languages
     * without a two-letter one), and ICU canonicalises the ISO 639-2 code
     * of a language that has one. */
    "fil", "yue", "eng", "ukr",
  };
  static const char * const invalid[] = {
    "", "xx1", "english", "Russian", "e", "12", "x-", "-ru", "ru1", "xx", "zz", "qaa", "root",
    "рус",
    /* Never a path or a message's worth of text (issue 13). */
    "en-../../x", "x/../../../name", "en/ru", "en--US", "en-toolongsubtag", "en\r", "en us",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("valid: %s", valid[i]);
      g_assert_true (tri_language_is_valid (valid[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid: %s", invalid[i]);
      g_assert_false (tri_language_is_valid (invalid[i]));
    }

  g_assert_false (tri_language_is_valid (NULL));
}

static void
test_get_base (void)
{
  static const struct {
    const char *language;
    const char *base;
  } cases[] = {
    { "en", "en" },
    { "en-US", "en" },
    { "uk_UA", "uk" },
    { "EN", "en" },
    { "ru_RU.UTF-8", "ru" },
    { "sr@latin", "sr" },
    { "zh-Hant-TW", "zh" },
    { "fil", "fil" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *base = tri_language_get_base (cases[i].language);

      g_assert_cmpstr (base, ==, cases[i].base);
    }
}

static void
test_display_name (void)
{
  static const struct {
    const char *language;
    const char *name;
  } cases[] = {
    { "ru", "Russian" },
    { "uk", "Ukrainian" },
    { "en", "English" },
    { "de", "German" },
    { "ru-RU", "Russian (Russia)" },
    { "uk_UA", "Ukrainian (Ukraine)" },
    /* Codes ICU has no name for come back as they are. */
    { "xx", "xx" },
    { "qq", "qq" },
    { "xx-YY", "xx-YY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = tri_language_dup_display_name (cases[i].language);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_common (void)
{
  const char * const *common = tri_language_get_common ();

  g_assert_nonnull (common);
  g_assert_cmpstr (common[0], ==, "en");
  g_assert_cmpstr (common[1], ==, "ru");
  g_assert_cmpstr (common[2], ==, "uk");

  for (guint i = 0; common[i] != NULL; i++)
    {
      g_autofree char *name = tri_language_dup_display_name (common[i]);

      g_test_message ("%s: %s", common[i], name);
      g_assert_true (tri_language_is_valid (common[i]));
      g_assert_cmpstr (name, !=, common[i]);
      /* A capital first letter, as in a column title. */
      g_assert_true (g_unichar_isupper (g_utf8_get_char (name)));
    }
}

int
main (int   argc,
      char *argv[])
{
  UErrorCode status = U_ZERO_ERROR;

  /* The user interface is in the C locale here, so language names must be
   * English. LANGUAGE would override LC_ALL in g_get_language_names(), and
   * ICU's own default locale must not leak in: set it to something else so
   * that the test sees the difference. */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  uloc_setDefault ("de_DE", &status);
  g_assert (U_SUCCESS (status));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/language/guess", test_guess);
  g_test_add_func ("/language/guess-no-letters", test_guess_no_letters);
  g_test_add_func ("/language/guess-length", test_guess_length);
  g_test_add_func ("/language/guess-with-hint", test_guess_with_hint);
  g_test_add_func ("/language/is-valid", test_is_valid);
  g_test_add_func ("/language/get-base", test_get_base);
  g_test_add_func ("/language/display-name", test_display_name);
  g_test_add_func ("/language/common", test_common);

  return g_test_run ();
}

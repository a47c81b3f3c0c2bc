/* test-cli.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "tri-test-utils.h"

/* The case from the issue: exactly four sentences. */
static const char *ru_text =
  "В 1990-х гг. ситуация была иной. Об этом сообщил В. В. Путин. "
  "Сумма составила 1,2 млрд долл. США. Пакет одобрен.\n";

static const char *ru_sentences =
  "В 1990-х гг. ситуация была иной.\n"
  "Об этом сообщил В. В. Путин.\n"
  "Сумма составила 1,2 млрд долл. США.\n"
  "Пакет одобрен.\n";

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
  0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R',
  0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10,
  0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x91, 0x68,
  0x36,
};


/* Runs triptych-cli with @args (NULL-terminated) in the C.UTF-8 locale and
 * returns its exit status; a crash fails the test. @out and @err, if not
 * %NULL, receive what it wrote to stdout and stderr. */
static int
run_cli_argv (const char * const  *args,
              char               **out,
              char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *joined = NULL;
  g_autofree char *stdout_buf = NULL;
  g_autofree char *stderr_buf = NULL;
  int wait_status = 0;
  int status = -1;

  g_ptr_array_add (argv, (gpointer)g_getenv ("TRIPTYCH_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  joined = g_strjoinv (" ", (char **)argv->pdata);
  g_test_message ("$ %s", joined);

  /* LANGUAGE would override LC_ALL for the language names. */
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_buf, &stderr_buf, &wait_status, &error);
  g_assert_no_error (error);

  if (stdout_buf[0] != '\0')
    g_test_message ("stdout: %s", stdout_buf);
  if (stderr_buf[0] != '\0')
    g_test_message ("stderr: %s", stderr_buf);

  if (g_spawn_check_wait_status (wait_status, &error))
    status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    status = error->code;
  else
    g_assert_no_error (error);  /* killed by a signal */

  if (out != NULL)
    *out = g_steal_pointer (&stdout_buf);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_buf);

  return status;
}

static int run_cli (char **out, char **err, ...) G_GNUC_NULL_TERMINATED;

/* As run_cli_argv(), with the arguments after @err. */
static int
run_cli (char **out,
         char **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_cli_argv ((const char * const *)args->pdata, out, err);
}

static gboolean
have_cli (void)
{
  if (g_getenv ("TRIPTYCH_CLI") == NULL)
    {
      g_test_skip ("TRIPTYCH_CLI is not set; run the tests with meson test");
      return FALSE;
    }
  return TRUE;
}

/* @utf8 in @encoding (iconv), after @bom, written to @dir/@name. */
static char *
write_encoded (const char *dir,
               const char *name,
               const char *utf8,
               const char *encoding,
               const char *bom,
               gsize       bom_length)
{
  g_autofree char *converted = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize length = 0;

  converted = tri_test_convert (utf8, encoding, &length);
  if (bom_length > 0)
    g_byte_array_append (bytes, (const guint8 *)bom, (guint)bom_length);
  g_byte_array_append (bytes, (const guint8 *)converted, (guint)length);

  return tri_test_write_file (dir, name, bytes->data, bytes->len);
}

static void
test_segment (TriTestDir    *fixture,
              gconstpointer  user_data)
{
  static const struct {
    const char *name;
    const char *iconv_name;
    const char *bom;
    gsize       bom_length;
  } encodings[] = {
    { "ru-cp1251.txt", "WINDOWS-1251", NULL, 0 },
    { "ru-koi8r.txt", "KOI8-R", NULL, 0 },
    { "ru-utf16le.txt", "UTF-16LE", "\xFF\xFE", 2 },
    { "ru-utf16be.txt", "UTF-16BE", "\xFE\xFF", 2 },
  };
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;

  path = tri_test_write_file (fixture->dir, "ru.txt", ru_text, -1);
  g_assert_cmpint (run_cli (&out, &err, "segment", "--lang", "ru", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, ru_sentences);
  g_assert_cmpstr (err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autofree char *encoded = write_encoded (fixture->dir, encodings[i].name, ru_text,
                                                encodings[i].iconv_name,
                                                encodings[i].bom, encodings[i].bom_length);
      g_autofree char *encoded_out = NULL;
      g_autofree char *encoded_err = NULL;

      g_assert_cmpint (run_cli (&encoded_out, &encoded_err,
                                "segment", "--lang", "ru", encoded, NULL), ==, 0);
      g_assert_cmpstr (encoded_out, ==, ru_sentences);
      g_assert_cmpstr (encoded_err, ==, "");
    }
}

static void
test_forced_encoding (TriTestDir    *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *mojibake_out = NULL;
  g_autofree char *bad_out = NULL;
  g_autofree char *bad_err = NULL;

  if (!have_cli ())
    return;

  path = write_encoded (fixture->dir, "ru-cp1251.txt", ru_text, "WINDOWS-1251", NULL, 0);

  g_assert_cmpint (run_cli (&out, &err,
                            "segment", "-l", "ru", "--encoding", "windows-1251", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, ru_sentences);

  /* The wrong single-byte encoding, given, is obeyed. */
  g_assert_cmpint (run_cli (&mojibake_out, NULL,
                            "segment", "-l", "ru", "-e", "KOI8-R", path, NULL), ==, 0);
  g_assert_cmpstr (mojibake_out, !=, ru_sentences);
  g_assert_null (strstr (mojibake_out, "Путин"));

  /* Bytes that are not UTF-8: an input error that says where. */
  g_assert_cmpint (run_cli (&bad_out, &bad_err,
                            "segment", "-l", "ru", "-e", "UTF-8", path, NULL), ==, 3);
  g_assert_cmpstr (bad_out, ==, "");
  g_assert_nonnull (strstr (bad_err, path));
  /* The "В" that starts the file is 0xC2, a UTF-8 lead byte, then a space. */
  g_assert_true (g_str_has_suffix (bad_err, "at byte 0\n"));
}

/* Matches one line of --format jsonl output. */
#define JSONL_PATTERN \
  "^\\{\\s*\"start\"\\s*:\\s*(\\d+)\\s*,\\s*\"end\"\\s*:\\s*(\\d+)\\s*," \
  "\\s*\"paragraph\"\\s*:\\s*(\\d+)\\s*,\\s*\"text\"\\s*:\\s*\"([^\"\\\\]*)\"\\s*\\}$"

static void
test_jsonl (TriTestDir    *fixture,
            gconstpointer  user_data)
{
  static const char text[] =
    "Делегации России и Украины встретились\n"
    "в Стамбуле. Встреча длилась три часа.\n"
    "\n"
    "Следующий раунд назначен на март.\n";
  static const struct {
    const char *text;
    guint       paragraph;
  } expected[] = {
    { "Делегации России и Украины встретились в Стамбуле.", 0 },
    { "Встреча длилась три часа.", 0 },
    { "Следующий раунд назначен на март.", 1 },
  };
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cp1251_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *cp1251_out = NULL;

  if (!have_cli ())
    return;

  path = tri_test_write_file (fixture->dir, "talks.txt", text, -1);
  g_assert_cmpint (run_cli (&out, NULL,
                            "segment", "--lang", "ru", "--format", "jsonl", path, NULL), ==, 0);

  regex = g_regex_new (JSONL_PATTERN, G_REGEX_OPTIMIZE, 0, &error);
  g_assert_no_error (error);

  g_assert_true (g_str_has_suffix (out, "}\n"));
  lines = g_strsplit (out, "\n", -1);
  /* One object a line, and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 1);
  g_assert_cmpstr (lines[G_N_ELEMENTS (expected)], ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *paragraph = NULL;
      g_autofree char *sentence = NULL;
      g_autofree char *slice = NULL;
      guint64 s, e;

      g_assert_true (g_regex_match (regex, lines[i], 0, &match));
      start = g_match_info_fetch (match, 1);
      end = g_match_info_fetch (match, 2);
      paragraph = g_match_info_fetch (match, 3);
      sentence = g_match_info_fetch (match, 4);

      s = g_ascii_strtoull (start, NULL, 10);
      e = g_ascii_strtoull (end, NULL, 10);
      g_assert_cmpuint (s, <, e);
      g_assert_cmpuint (e, <=, strlen (text));
      g_assert_cmpuint (g_ascii_strtoull (paragraph, NULL, 10), ==, expected[i].paragraph);
      g_assert_cmpstr (sentence, ==, expected[i].text);

      /* The offsets slice the file to the sentence; a line break in it is
       * the hard wrapping the text output folds. */
      slice = g_strndup (text + s, (gsize)(e - s));
      g_strdelimit (slice, "\n", ' ');
      g_assert_cmpstr (slice, ==, expected[i].text);
    }

  /* Offsets count bytes of the decoded text, whatever the file's encoding. */
  cp1251_path = write_encoded (fixture->dir, "talks-cp1251.txt", text, "WINDOWS-1251", NULL, 0);
  g_assert_cmpint (run_cli (&cp1251_out, NULL,
                            "segment", "-l", "ru", "-f", "jsonl", cp1251_path, NULL), ==, 0);
  g_assert_cmpstr (cp1251_out, ==, out);
}

static void
test_guessed_language (TriTestDir    *fixture,
                       gconstpointer  user_data)
{
  static const char uk_text[] =
    "Переговори у Стамбулі тривали понад чотири години. Наступний раунд відбудеться у п’ятницю.\n";
  g_autofree char *path = NULL;
  g_autofree char *uk_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *uk_out = NULL;
  g_autofree char *uk_err = NULL;

  if (!have_cli ())
    return;

  path = tri_test_write_file (fixture->dir, "ru.txt", ru_text, -1);
  g_assert_cmpint (run_cli (&out, &err, "segment", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, ru_sentences);
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, ": ru (Russian)"));

  uk_path = write_encoded (fixture->dir, "uk.txt", uk_text, "WINDOWS-1251", NULL, 0);
  g_assert_cmpint (run_cli (&uk_out, &uk_err, "segment", uk_path, NULL), ==, 0);
  g_assert_cmpstr (uk_out, ==,
                   "Переговори у Стамбулі тривали понад чотири години.\n"
                   "Наступний раунд відбудеться у п’ятницю.\n");
  g_assert_nonnull (strstr (uk_err, ": uk (Ukrainian)"));
}

static void
test_input_errors (TriTestDir    *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *png = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *folder = NULL;
  const char *paths[3];

  if (!have_cli ())
    return;

  png = tri_test_write_file (fixture->dir, "chart.png", png_bytes, sizeof png_bytes);
  missing = g_build_filename (fixture->dir, "no-such-report.txt", NULL);
  folder = g_build_filename (fixture->dir, "reports", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  paths[0] = png;
  paths[1] = missing;
  paths[2] = folder;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (&out, &err, "segment", "--lang", "ru", paths[i], NULL), ==, 3);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "triptych-cli: "));
      g_assert_nonnull (strstr (err, paths[i]));
    }
}

static void
test_usage_errors (TriTestDir    *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *other = NULL;

  if (!have_cli ())
    return;

  path = tri_test_write_file (fixture->dir, "ru.txt", ru_text, -1);
  other = tri_test_write_file (fixture->dir, "ru2.txt", ru_text, -1);

  {
    const struct {
      const char *args[8];
      const char *in_stderr;
    } cases[] = {
      { { "segment", "--bogus", path, NULL }, "--bogus" },
      { { "segment", "--format", "xml", path, NULL }, "xml" },
      { { "segment", "--lang", "english", path, NULL }, "english" },
      { { "segment", "--lang", "xx1", path, NULL }, "xx1" },
      { { "segment", "--lang", NULL }, "--lang" },
      { { "segment", "--encoding", "windows-9999", path, NULL }, "windows-9999" },
      { { "segment", NULL }, "FILE" },
      { { "segment", "--lang", "ru", NULL }, "FILE" },
      { { "segment", path, other, NULL }, "FILE" },
      { { "frobnicate", path, NULL }, "frobnicate" },
      { { NULL }, "segment" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;

        g_assert_cmpint (run_cli_argv (cases[i].args, &out, &err), ==, 2);
        g_assert_cmpstr (out, ==, "");
        g_assert_nonnull (strstr (err, cases[i].in_stderr));
      }
  }
}

static void
test_help (void)
{
  static const char * const documented[] = {
    "--lang", "--format", "--encoding", "--line-paragraphs", "jsonl", "Exit status",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *main_out = NULL;
  g_autofree char *version = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_cli (&out, &err, "segment", "--help", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (documented); i++)
    g_assert_nonnull (strstr (out, documented[i]));
  /* The usage line names the file once. */
  g_assert_nonnull (strstr (out, "\n  triptych-cli segment [OPTION…] FILE — split a report into sentences\n"));

  g_assert_cmpint (run_cli (&main_out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (main_out, "segment"));

  g_assert_cmpint (run_cli (&version, NULL, "--version", NULL), ==, 0);
  g_assert_cmpstr (version, ==, "triptych-cli " PACKAGE_VERSION "\n");
}

static void
test_line_paragraphs (TriTestDir    *fixture,
                      gconstpointer  user_data)
{
  /* Headline-like lines without a final full stop, as exported tables give. */
  static const char text[] =
    "Переговоры в Женеве\n"
    "Делегации обсудили обмен пленными\n"
    "Следующий раунд назначен на март\n";
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *lines_out = NULL;
  g_autofree char *jsonl_out = NULL;

  if (!have_cli ())
    return;

  path = tri_test_write_file (fixture->dir, "lines.txt", text, -1);

  /* One paragraph, not hard wrapped (too few lines to tell): each line
   * without a final stop before a capital ends a sentence. */
  g_assert_cmpint (run_cli (&out, NULL, "segment", "--lang", "ru", "--format", "jsonl", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"text\":\"Следующий раунд назначен на март\""));
  g_assert_null (strstr (out, "\"paragraph\":2"));

  g_assert_cmpint (run_cli (&lines_out, NULL,
                            "segment", "--lang", "ru", "--line-paragraphs", path, NULL), ==, 0);
  g_assert_cmpstr (lines_out, ==, text);

  g_assert_cmpint (run_cli (&jsonl_out, NULL,
                            "segment", "--lang", "ru", "--line-paragraphs", "--format", "jsonl", path, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (jsonl_out, "\"paragraph\":2"));
}


/* A short report in three languages: the Russian splits the second
 * sentence, the Ukrainian leaves out the third. */
static const char align_en[] =
  "Talks resume in Geneva\n"
  "\n"
  "Negotiators from Ukraine and Turkey met on 14 March to discuss a grain corridor from Odesa. "
  "They agreed to insure 1,250 vessels a year, a figure the UN called ambitious but feasible. "
  "Moscow did not send a delegation. "
  "The next round is planned for April.\n";
static const char align_ru[] =
  "Переговоры возобновились в Женеве\n"
  "\n"
  "Переговорщики из Украины и Турции встретились 14 марта, чтобы обсудить зерновой коридор из Одессы. "
  "Они договорились страховать 1 250 судов в год. В ООН назвали эту цифру амбициозной, но достижимой. "
  "Москва не прислала делегацию. "
  "Следующий раунд запланирован на апрель.\n";
static const char align_uk[] =
  "Перемовини відновилися в Женеві\n"
  "\n"
  "Переговірники з України та Туреччини зустрілися 14 березня, щоб обговорити зерновий коридор з Одеси. "
  "Вони домовилися страхувати 1 250 суден на рік, і в ООН назвали цю цифру амбітною, але досяжною. "
  "Наступний раунд заплановано на квітень.\n";

/* The three versions written to @dir, as the LANG=FILE arguments of align. */
static GStrv
write_align_args (const char *dir)
{
  const char *contents[3] = { align_en, align_ru, align_uk };
  const char *codes[3] = { "en", "ru", "uk" };
  GStrv args = g_new0 (char *, 4);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strconcat (codes[i], ".txt", NULL);
      g_autofree char *path = tri_test_write_file (dir, name, contents[i], -1);

      args[i] = g_strconcat (codes[i], "=", path, NULL);
    }
  return args;
}

static void
test_align (TriTestDir    *fixture,
            gconstpointer  user_data)
{
  g_auto(GStrv) inputs = write_align_args (fixture->dir);
  const char *en_arg = inputs[0], *ru_arg = inputs[1], *uk_arg = inputs[2];
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) row = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_cli (&out, NULL, "align", en_arg, ru_arg, uk_arg, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);  /* five rows and the final newline */
  g_assert_cmpstr (lines[5], ==, "");

  /* The rows, in order: the split and the omission where they are. */
  row = g_regex_new ("^\\{\"en\":\\[([0-9,]*)\\],\"ru\":\\[([0-9,]*)\\],\"uk\":\\[([0-9,]*)\\],"
                     "\"score\":(0\\.[0-9]{2}|1\\.00),\"spans\":\\{.*\\}\\}$", 0, 0, NULL);
  {
    static const char *expected[][3] = {
      { "0", "0", "0" }, { "1", "1", "1" }, { "2", "2,3", "2" }, { "3", "4", "" }, { "4", "5", "3" },
    };

    for (guint r = 0; r < 5; r++)
      {
        g_autoptr(GMatchInfo) match = NULL;

        g_assert_true (g_regex_match (row, lines[r], 0, &match));
        for (guint k = 0; k < 3; k++)
          {
            g_autofree char *got = g_match_info_fetch (match, k + 1);
            g_assert_cmpstr (got, ==, expected[r][k]);
          }
      }
  }

  /* Spans slice the file to its sentences. */
  g_assert_nonnull (strstr (lines[0], "\"en\":[[0,22]]"));
}

static void
test_align_presegmented_and_output (TriTestDir    *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *en = tri_test_write_file (fixture->dir, "en.txt",
                                             "The talks began.\n\nBoth sides spoke.\nNo deal was signed.\n", -1);
  g_autofree char *ru = tri_test_write_file (fixture->dir, "ru.txt",
                                             "Переговоры начались.\n\nВыступили обе стороны.\nСоглашение не подписано.\n", -1);
  g_autofree char *out_path = g_build_filename (fixture->dir, "rows.jsonl", NULL);
  g_autofree char *en_arg = g_strconcat ("en=", en, NULL);
  g_autofree char *ru_arg = g_strconcat ("ru=", ru, NULL);
  g_autofree char *out = NULL;
  g_autofree char *written = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_cli (&out, NULL, "align", "--presegmented", "-o", out_path, en_arg, ru_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  /* Indices count non-empty lines; the blank line is a paragraph break. */
  g_assert_true (g_str_has_prefix (written, "{\"en\":[0],\"ru\":[0],"));
  g_assert_nonnull (strstr (written, "{\"en\":[2],\"ru\":[2],"));
  g_assert_nonnull (strstr (written, "\"spans\":{\"en\":[[36,55]],"));
}

/* --words: every link's offsets slice a word out of its file, and the
 * pairs come in argument order. */
static void
test_align_words (TriTestDir    *fixture,
                  gconstpointer  user_data)
{
  static const char *texts[3] = {
    "Huntington confirmed that 25 patients were taken to the clinic.\n\nThe clinic said so on Monday.\n",
    "Хантингтон подтвердил, что 25 пациентов доставили в клинику.\n\nВ клинике сказали это в понедельник.\n",
    "Гантінгтон підтвердив, що 25 пацієнтів доставили до клініки.\n\nУ клініці сказали це в понеділок.\n",
  };
  static const char *codes[3] = { "en", "ru", "uk" };
  char *args[3];
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean seen_number = FALSE, seen_name = FALSE;

  if (!have_cli ())
    return;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strconcat (codes[i], ".txt", NULL);
      g_autofree char *path = tri_test_write_file (fixture->dir, name, texts[i], -1);

      args[i] = g_strconcat (codes[i], "=", path, NULL);
    }

  /* the order of the arguments is the order of the pairs */
  g_assert_cmpint (run_cli (&out, NULL, "align", "-w", args[1], args[0], args[2], NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"words\":{\"ru-en\":["));
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *row, *words;
      static const char *pairs[3][2] = { { "ru", "en" }, { "ru", "uk" }, { "en", "uk" } };

      g_assert_true (json_parser_load_from_data (parser, lines[r], -1, NULL));
      row = json_node_get_object (json_parser_get_root (parser));
      words = json_object_get_object_member (row, "words");
      g_assert_nonnull (words);
      g_assert_cmpuint (json_object_get_size (words), ==, 3);
      for (guint p = 0; p < 3; p++)
        {
          g_autofree char *key = g_strconcat (pairs[p][0], "-", pairs[p][1], NULL);
          JsonArray *links = json_object_get_array_member (words, key);
          const char *a = texts[pairs[p][0][0] == 'e' ? 0 : 1];
          const char *b = texts[pairs[p][1][0] == 'e' ? 0 : 2];

          g_assert_nonnull (links);
          g_assert_cmpuint (json_array_get_length (links), >, 0);
          for (guint l = 0; l < json_array_get_length (links); l++)
            {
              JsonArray *link = json_array_get_array_element (links, l);
              gint64 s1 = json_array_get_int_element (link, 0), e1 = json_array_get_int_element (link, 1);
              gint64 s2 = json_array_get_int_element (link, 2), e2 = json_array_get_int_element (link, 3);
              g_autofree char *w1 = NULL, *w2 = NULL;

              g_assert_cmpint (s1, <, e1);
              g_assert_cmpint (e1, <=, (gint64)strlen (a));
              g_assert_cmpint (s2, <, e2);
              g_assert_cmpint (e2, <=, (gint64)strlen (b));
              /* whole words: a letter or digit at each end, none outside */
              w1 = g_strndup (a + s1, e1 - s1);
              w2 = g_strndup (b + s2, e2 - s2);
              g_assert_true (g_unichar_isalnum (g_utf8_get_char (w1)));
              g_assert_true (s1 == 0 || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (a + s1))));
              g_assert_true (!g_unichar_isalnum (g_utf8_get_char (a + e1)));
              g_assert_true (!g_unichar_isalnum (g_utf8_get_char (b + e2)));
              seen_number |= g_str_equal (w1, "25") && g_str_equal (w2, "25");
              seen_name |= (g_str_equal (w1, "Хантингтон") && g_str_equal (w2, "Huntington")) ||
                           (g_str_equal (w1, "Хантингтон") && g_str_equal (w2, "Гантінгтон"));
            }
        }
    }
  g_assert_true (seen_number);
  g_assert_true (seen_name);

  /* --words is for JSONL only */
  g_assert_cmpint (run_cli (NULL, &err, "align", "--words", "--format", "tsv", args[0], args[1], NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--words"));

  for (guint i = 0; i < 3; i++)
    g_free (args[i]);
}

static void
test_align_errors (TriTestDir    *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *en = tri_test_write_file (fixture->dir, "en.txt", align_en, -1);
  g_autofree char *ru = tri_test_write_file (fixture->dir, "ru.txt", align_ru, -1);
  g_autofree char *en_arg = g_strconcat ("en=", en, NULL);
  g_autofree char *ru_arg = g_strconcat ("ru=", ru, NULL);
  g_autofree char *ru_as_en = g_strconcat ("en=", ru, NULL);
  g_autofree char *missing = g_strconcat ("uk=", fixture->dir, "/missing.txt", NULL);
  g_autofree char *no_dict = g_build_filename (fixture->dir, "no-dict.txt", NULL);
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;

  /* Usage errors: exit 2. */
  g_assert_cmpint (run_cli (NULL, &err, "align", en_arg, ru_as_en, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "given twice"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, "align", en_arg, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "align", en_arg, ru, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "align", "--format", "docx", en_arg, ru_arg, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "align", "xx1=a.txt", ru_arg, NULL), ==, 2);

  /* Input errors: exit 3, naming the file. */
  g_assert_cmpint (run_cli (NULL, &err, "align", en_arg, ru_arg, missing, NULL), ==, 3);
  g_assert_nonnull (strstr (err, "missing.txt"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "align", "--dict", no_dict, en_arg, ru_arg, NULL), ==, 3);
  g_assert_nonnull (strstr (err, "no-dict.txt"));
}

static void
test_project_round_trip (TriTestDir    *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *en = tri_test_write_file (fixture->dir, "en.txt", align_en, -1);
  g_autofree char *ru = tri_test_write_file (fixture->dir, "ru.txt", align_ru, -1);
  g_autofree char *project = g_build_filename (fixture->dir, "report.triptych", NULL);
  g_autofree char *en_arg = g_strconcat ("en=", en, NULL);
  g_autofree char *ru_arg = g_strconcat ("ru=", ru, NULL);
  g_autofree char *direct = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;

  /* A project made by align prints, through convert, the rows align prints. */
  g_assert_cmpint (run_cli (&direct, NULL, "align", en_arg, ru_arg, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "align", "--format", "project", "-o", project, en_arg, ru_arg, NULL), ==, 0);
  g_assert_cmpint (run_cli (&converted, NULL, "convert", "--format", "jsonl", project, NULL), ==, 0);
  g_assert_cmpstr (converted, ==, direct);

  /* --format project needs -o; a broken project is an input error naming it. */
  g_assert_cmpint (run_cli (NULL, NULL, "align", "--format", "project", en_arg, ru_arg, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, &err, "convert", en, NULL), ==, 3);
  g_assert_nonnull (strstr (err, "en.txt"));
  /* It says what convert reads, not a JSON parse error. */
  g_assert_nonnull (strstr (err, ".jsonl"));
  g_assert_null (strstr (err, "Parse error"));
}

static char *
fixture_arg (const char *lang,
             const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_strconcat (lang, "=", path, NULL);
}

/* The same report as plain text, a saved web page, DOCX, ODT and PDF
 * (tests/data/make-fixtures.py): aligning any of them gives the rows, and
 * the spans, that aligning the plain text gives; check and spell read them
 * as they read the text; a project keeps the format. */
static void
test_documents (TriTestDir    *fixture,
                gconstpointer  user_data)
{
  static const char *const kinds[][2] = {
    { "news-", ".html" }, { "report-", ".docx" }, { "report-", ".odt" }, { "report-", ".pdf" },
  };
  static const char *const langs[] = { "en", "ru", "uk" };
  g_autofree char *plain = NULL, *plain_check = NULL;
  g_auto(GStrv) rows = NULL;
  char *txt[3];
  int check_status;

  if (!have_cli ())
    return;

  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *name = g_strconcat ("report-", langs[k], ".txt", NULL);
      txt[k] = fixture_arg (langs[k], name);
    }
  g_assert_cmpint (run_cli (&plain, NULL, "align", txt[0], txt[1], txt[2], NULL), ==, 0);
  /* headline, standfirst, 2 headings, 7 body sentences, 3 list items, 4 cells */
  rows = g_strsplit (plain, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows) - 1, ==, 17);
  check_status = run_cli (&plain_check, NULL, "check", txt[0], txt[1], txt[2], NULL);

  for (guint f = 0; f < G_N_ELEMENTS (kinds); f++)
    {
      g_autofree char *out = NULL, *check = NULL, *spelled = NULL, *spelled_txt = NULL;
      g_autofree char *project = g_build_filename (fixture->dir, "report.triptych", NULL);
      g_autofree char *project_text = NULL;
      char *args[3];

      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *name = g_strconcat (kinds[f][0], langs[k], kinds[f][1], NULL);
          args[k] = fixture_arg (langs[k], name);
        }

      g_assert_cmpint (run_cli (&out, NULL, "align", args[0], args[1], args[2], NULL), ==, 0);
      g_assert_cmpstr (out, ==, plain);

      /* check and spell read files as align does: one format each is enough. */
      if (f == 0)
        g_assert_cmpint (run_cli (&check, NULL, "check", args[0], args[1], args[2], NULL), ==,
                         check_status);
      if (f == 1)
        {
          g_assert_cmpint (run_cli (&spelled, NULL, "spell", "--lang", "ru", args[1] + 3, NULL), ==,
                           run_cli (&spelled_txt, NULL, "spell", "--lang", "ru", txt[1] + 3, NULL));
          g_assert_cmpstr (spelled, ==, spelled_txt);
        }

      g_assert_cmpint (run_cli (NULL, NULL, "align", "--format", "project", "-o", project,
                                args[0], args[1], args[2], NULL), ==, 0);
      g_assert_true (g_file_get_contents (project, &project_text, NULL, NULL));
      g_assert_nonnull (strstr (project_text, "\"source-format\""));
      g_assert_nonnull (strstr (project_text, kinds[f][1] + 1));

      for (guint k = 0; k < 3; k++)
        g_free (args[k]);
    }

  for (guint k = 0; k < 3; k++)
    g_free (txt[k]);
}

/* align --format tmx, and convert between every format: TMX → TSV → CSV →
 * JSONL → project → TMX keeps the text; --pairs writes one file a pair;
 * bad options are usage errors, broken input an input error naming it. */
static void
test_export_formats (TriTestDir    *fixture,
                     gconstpointer  user_data)
{
  g_auto(GStrv) inputs = write_align_args (fixture->dir);
  const char *en_arg = inputs[0], *ru_arg = inputs[1], *uk_arg = inputs[2];
  g_autofree char *tmx = g_build_filename (fixture->dir, "memory.tmx", NULL);
  g_autofree char *tsv = g_build_filename (fixture->dir, "memory.tsv", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "memory.csv", NULL);
  g_autofree char *jsonl = g_build_filename (fixture->dir, "memory.jsonl", NULL);
  g_autofree char *project = g_build_filename (fixture->dir, "memory.triptych", NULL);
  g_autofree char *pairs = g_build_filename (fixture->dir, "pairs.tmx", NULL);
  g_autofree char *pair_ru = g_build_filename (fixture->dir, "pairs-en-US-ru-RU.tmx", NULL);
  g_autofree char *pair_uk = g_build_filename (fixture->dir, "pairs-en-US-uk-UA.tmx", NULL);
  g_autofree char *broken = tri_test_write_file (fixture->dir, "broken.tmx", "<tmx version=\"1.4\"><body>\n<tu>", -1);
  g_autofree char *out = NULL, *tsv_direct = NULL, *tsv_again = NULL, *xliff = NULL, *err = NULL;
  g_autofree char *written = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_cli (&out, NULL, "align", "--format", "tmx", "-o", tmx, en_arg, ru_arg, uk_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (tmx, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"));
  g_assert_nonnull (strstr (written, "<tuv xml:lang=\"uk\">"));
  g_assert_nonnull (strstr (written, "srclang=\"en\""));
  g_assert_nonnull (strstr (written, "Москва не прислала делегацию."));

  /* The same rows as TSV, straight from align and through the TMX. */
  g_assert_cmpint (run_cli (&tsv_direct, NULL, "align", "--format", "tsv", en_arg, ru_arg, uk_arg, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (tsv_direct, "en\tru\tuk\n"));
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--format", "tsv", "-o", tsv, tmx, NULL), ==, 0);
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (tsv, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, tsv_direct);

  /* TSV → CSV → JSONL → project → TSV: nothing lost. */
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--format", "csv", "--bom", "-o", csv, tsv, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--format", "jsonl", "-o", jsonl, csv, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--format", "project", "-o", project, jsonl, NULL), ==, 0);
  g_assert_cmpint (run_cli (&tsv_again, NULL, "convert", "--format", "tsv", project, NULL), ==, 0);
  g_assert_cmpstr (tsv_again, ==, tsv_direct);

  /* XLIFF from the project, two languages chosen. */
  g_assert_cmpint (run_cli (&xliff, NULL, "convert", "--format", "xliff", "--source", "ru", "--target", "uk", project, NULL), ==, 0);
  g_assert_nonnull (strstr (xliff, "srcLang=\"ru\" trgLang=\"uk\""));
  g_assert_nonnull (strstr (xliff, "<source>Москва не прислала делегацию.</source>"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "convert", "--format", "tsv", "--languages", "uk,en", "--rows", "complete", tmx, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "uk\ten\n"));
  g_assert_null (strstr (out, "Moscow"));

  /* One TMX per pair, named after -o. */
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--format", "tmx", "--pairs", "--region-codes", "-o", pairs, tmx, NULL), ==, 0);
  g_assert_true (g_file_test (pair_ru, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (pair_uk, G_FILE_TEST_EXISTS));

  /* Usage errors: 2; input errors: 3, naming the file and the line. */
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--format", "tmx", "--pairs", tmx, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--rows", "some", tmx, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--format", "xliff", "--target", "de", tmx, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "convert", "--languages", "en,xx1", tmx, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, &err, "convert", "--format", "tsv", broken, NULL), ==, 3);
  g_assert_nonnull (strstr (err, "broken.tmx"));
  g_assert_nonnull (strstr (err, "line 2"));
}

/* spell's text output without the suggestions (under AddressSanitizer,
 * Hunspell's time limit makes them vary from run to run). */
static char *
without_suggestions (const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *arrow = strstr (lines[i], " → ");

      if (arrow != NULL)
        *arrow = '\0';
    }
  return g_strjoinv ("\n", lines);
}

/* spell: misspellings with their place (line:column in text, bytes of the
 * decoded text in jsonl) and suggestions; exit 0 with or without them. */
static void
test_spell (TriTestDir    *fixture,
            gconstpointer  user_data)
{
  const char *text = "Перемовини тривають.\nДелегаціі погодили проєкт угди.\n";
  g_autofree char *path = tri_test_write_file (fixture->dir, "uk.txt", text, -1);
  g_autofree char *clean = tri_test_write_file (fixture->dir, "clean.txt", "Перемовини тривають у Женеві.\n", -1);
  g_autofree char *png = tri_test_write_file (fixture->dir, "scan.png", png_bytes, sizeof png_bytes);
  g_autofree char *cp1251 = NULL;
  g_autofree char *cp1251_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *cp1251_out = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  gsize cp1251_len = 0;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_cli (&out, NULL, "spell", "--lang", "uk", path, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "2:1: Делегаціі"));
  g_assert_true (g_str_has_prefix (lines[1], "2:27: угди"));
  g_assert_cmpstr (lines[2], ==, "");
  if (!TRI_TEST_SUGGESTIONS_TIME_LIMITED)
    {
      g_assert_true (g_str_has_prefix (lines[0], "2:1: Делегаціі → "));
      g_assert_nonnull (strstr (lines[0], "Делегації"));
      g_assert_true (g_str_has_prefix (lines[1], "2:27: угди → "));
      g_assert_nonnull (strstr (lines[1], "угоди"));
    }

  /* The same file in Windows-1251: the same findings. */
  cp1251 = tri_test_convert (text, "WINDOWS-1251", &cp1251_len);
  cp1251_path = tri_test_write_file (fixture->dir, "uk-1251.txt", cp1251, (gssize)cp1251_len);
  g_assert_cmpint (run_cli (&cp1251_out, NULL, "spell", "--lang", "uk", "--encoding", "windows-1251",
                            cp1251_path, NULL), ==, 0);
  if (TRI_TEST_SUGGESTIONS_TIME_LIMITED)
    {
      g_autofree char *a = without_suggestions (cp1251_out);
      g_autofree char *b = without_suggestions (out);

      g_assert_cmpstr (a, ==, b);
    }
  else
    g_assert_cmpstr (cp1251_out, ==, out);

  /* jsonl: byte offsets into the text. */
  g_assert_cmpint (run_cli (&jsonl, NULL, "spell", "--lang", "uk", "--format", "jsonl", path, NULL), ==, 0);
  g_strfreev (lines);
  lines = g_strsplit (jsonl, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *object;
      const char *word;
      const char *at;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
      object = json_node_get_object (json_parser_get_root (parser));
      word = json_object_get_string_member (object, "word");
      at = strstr (text, word);
      g_assert_nonnull (at);
      g_assert_cmpint (json_object_get_int_member (object, "start"), ==, at - text);
      g_assert_cmpint (json_object_get_int_member (object, "end"), ==, at - text + (gssize)strlen (word));
      g_assert_nonnull (json_object_get_array_member (object, "suggestions"));
      if (!TRI_TEST_SUGGESTIONS_TIME_LIMITED)
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "suggestions")), >, 0);
    }

  /* Nothing to report is success too. */
  g_free (out);
  g_assert_cmpint (run_cli (&out, NULL, "spell", "--lang", "uk", clean, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");

  /* No dictionary, a binary file: input errors naming what to do, or the
   * file; no language: a usage error. */
  g_assert_cmpint (run_cli (NULL, &err, "spell", "--lang", "yo", path, NULL), ==, 3);
  g_assert_nonnull (strstr (err, "hunspell-yo"));
  g_free (err);
  g_assert_cmpint (run_cli (NULL, &err, "spell", "--lang", "en", png, NULL), ==, 3);
  g_assert_nonnull (strstr (err, "scan.png"));
  g_assert_cmpint (run_cli (NULL, NULL, "spell", path, NULL), ==, 2);
}

/* spell with the versions aligned: a word Hunspell rejects that the same
 * row of another version writes as a name (Dmitriev, Zelenskyy's,
 * Дмитрієв, Зеленського) is a name; the planted typos are all reported,
 * a misspelt name too (Макроком has no counterpart); --no-suggestions
 * leaves the lists empty. (Two versions and one run: the dictionaries'
 * loads are slow under the sanitizers; --all-names and the rule itself are
 * tested on TriSpellChecker in test-spell.) */
static void
test_spell_aligned (TriTestDir    *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *en = tri_test_write_file (fixture->dir, "en.txt",
    "Kirill Dmitriev met Emmanuel Macron in Paris on Monday.\n\n"
    "Zelenskyy's office said the goverment would answer within a week.\n", -1);
  g_autofree char *uk = tri_test_write_file (fixture->dir, "uk.txt",
    "Кирило Дмитрієв зустрівся з Емманюелем Макроком у Парижі в понеділок.\n\n"
    "Офіс Зеленського повідомив, що уряд відповисть протягом тижня.\n", -1);
  g_autofree char *en_arg = g_strconcat ("en=", en, NULL);
  g_autofree char *uk_arg = g_strconcat ("uk=", uk, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_cli (&out, NULL, "spell", "--format", "jsonl", "--no-suggestions",
                            en_arg, uk_arg, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      g_string_append_printf (words, "%s%s:%s", words->len > 0 ? " " : "",
                              json_object_get_string_member (object, "lang"),
                              json_object_get_string_member (object, "word"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "suggestions")), ==, 0);
    }
  g_assert_cmpstr (words->str, ==, "en:goverment uk:Макроком uk:відповисть");


  /* One LANG=FILE is a usage error. */
  g_assert_cmpint (run_cli (NULL, NULL, "spell", en_arg, NULL), ==, 2);
}

/* check: 0 with nothing to report, 1 with findings (jsonl as documented,
 * text with file:line:column), the same from a project. */
static void
test_check (TriTestDir    *fixture,
            gconstpointer  user_data)
{
  const char *en = "Talks resumed in Geneva on 14 March.\n\n“We lost 40 ships this year,” the minister said. Nobody signed.\n";
  const char *ru = "Переговоры возобновились в Женеве 14 марта.\n\n«В этом году мы потеряли 40 судов», — сказал министр. Никто не подписал.\n";
  const char *uk_ok = "Перемовини відновилися в Женеві 14 березня.\n\n«Цього року ми втратили 40 суден», — сказав міністр. Ніхто не підписав.\n";
  const char *uk_bad = "Перемовини відновилися в Женеві 14 березня.\n\n«Цього року ми втратили 14 суден», — сказав міністр. Ніхто не підписав.\n";
  g_autofree char *en_path = tri_test_write_file (fixture->dir, "en.txt", en, -1);
  g_autofree char *ru_path = tri_test_write_file (fixture->dir, "ru.txt", ru, -1);
  g_autofree char *ok_path = tri_test_write_file (fixture->dir, "uk-ok.txt", uk_ok, -1);
  g_autofree char *bad_path = tri_test_write_file (fixture->dir, "uk-bad.txt", uk_bad, -1);
  g_autofree char *project = g_build_filename (fixture->dir, "bad.triptych", NULL);
  g_autofree char *en_arg = g_strconcat ("en=", en_path, NULL);
  g_autofree char *ru_arg = g_strconcat ("ru=", ru_path, NULL);
  g_autofree char *ok_arg = g_strconcat ("uk=", ok_path, NULL);
  g_autofree char *bad_arg = g_strconcat ("uk=", bad_path, NULL);
  g_autofree char *clean = NULL, *jsonl = NULL, *text = NULL, *from_project = NULL;
  g_auto(GStrv) lines = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_cli (&clean, NULL, "check", en_arg, ru_arg, ok_arg, NULL), ==, 0);
  g_assert_cmpstr (clean, ==, "");

  g_assert_cmpint (run_cli (&jsonl, NULL, "check", "--format", "jsonl", en_arg, ru_arg, bad_arg, NULL), ==, 1);
  lines = g_strsplit (jsonl, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *object;
      JsonArray *uk_spans;
      JsonArray *span;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (object, "check"), ==,
                       i == 0 ? "number-mismatch" : "quote-mismatch");
      g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, i == 0 ? "error" : "warning");
      g_assert_cmpint (json_object_get_int_member (object, "row"), ==, 1);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "langs")), ==, 3);
      g_assert_nonnull (json_object_get_string_member (object, "message"));
      uk_spans = json_object_get_array_member (json_object_get_object_member (object, "spans"), "uk");
      g_assert_cmpuint (json_array_get_length (uk_spans), ==, 1);
      span = json_array_get_array_element (uk_spans, 0);
      g_assert_cmpint (json_array_get_int_element (span, 0), ==, strstr (uk_bad, "14 суден") - uk_bad);
      g_assert_cmpint (json_array_get_int_element (span, 1), ==, strstr (uk_bad, " суден") - uk_bad);
    }

  g_assert_cmpint (run_cli (&text, NULL, "check", en_arg, ru_arg, bad_arg, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (text, bad_path));
  g_assert_nonnull (strstr (text, ":3:25: error: [number-mismatch]"));

  /* A project gives the same findings. */
  g_assert_cmpint (run_cli (NULL, NULL, "align", "--format", "project", "-o", project, en_arg, ru_arg, bad_arg, NULL), ==, 0);
  g_assert_cmpint (run_cli (&from_project, NULL, "check", "--format", "jsonl", project, NULL), ==, 1);
  g_assert_cmpstr (from_project, ==, jsonl);

  g_assert_cmpint (run_cli (NULL, NULL, "check", en_arg, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "check", "--format", "pdf", en_arg, ru_arg, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "check", en_arg, "ru=/nonexistent/ru.txt", NULL), ==, 3);
}

/* check --format csv and html: the report on stdout or, with -o, in a
 * file; a project's name is the page's title. */
static void
test_check_report (TriTestDir    *fixture,
                   gconstpointer  user_data)
{
  const char *en = "The ministers met in Ankara on Friday.\n\nThey agreed on 12 convoys & \"safe corridors\".\n";
  const char *ru = "Министры встретились в Анкаре в пятницу.\n\nОни договорились о 21 конвое и «безопасных коридорах».\n";
  g_autofree char *en_path = tri_test_write_file (fixture->dir, "en.txt", en, -1);
  g_autofree char *ru_path = tri_test_write_file (fixture->dir, "ru.txt", ru, -1);
  g_autofree char *en_arg = g_strconcat ("en=", en_path, NULL);
  g_autofree char *ru_arg = g_strconcat ("ru=", ru_path, NULL);
  g_autofree char *html_path = g_build_filename (fixture->dir, "findings.html", NULL);
  g_autofree char *project = g_build_filename (fixture->dir, "ankara.triptych", NULL);
  g_autofree char *bad_output = g_build_filename (en_path, "findings.csv", NULL);
  g_autofree char *csv = NULL, *html = NULL, *written = NULL, *from_project = NULL, *err = NULL;
  g_auto(GStrv) records = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_cli (&csv, NULL, "check", "--format", "csv", en_arg, ru_arg, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFrow,check,severity,languages,message,en,en marked,ru,ru marked\r\n"));
  records = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (records), ==, 3);  /* header, one finding, "" */
  /* Row 2 (from 1), the message, then each version's text and marked
   * number; the English text quoted, its quotation marks doubled. */
  g_assert_true (g_str_has_prefix (records[1], "2,number-mismatch,error,en ru,The numbers differ"));
  g_assert_true (g_str_has_suffix (records[1],
                                   ",\"They agreed on 12 convoys & \"\"safe corridors\"\".\",12,"
                                   "Они договорились о 21 конвое и «безопасных коридорах».,21"));

  g_assert_cmpint (run_cli (&html, NULL, "check", "-f", "html", "-o", html_path, en_arg, ru_arg, NULL), ==, 1);
  g_assert_cmpstr (html, ==, "");
  g_assert_true (g_file_get_contents (html_path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_nonnull (strstr (written, "<td lang=\"ru\">Они договорились о <mark>21</mark> конвое"));
  g_assert_nonnull (strstr (written, "<mark>12</mark> convoys &amp; &quot;safe corridors&quot;"));

  g_assert_cmpint (run_cli (NULL, NULL, "align", "--format", "project", "-o", project, en_arg, ru_arg, NULL), ==, 0);
  g_assert_cmpint (run_cli (&from_project, NULL, "check", "--format", "html", project, NULL), ==, 1);
  g_assert_nonnull (strstr (from_project, "<h1>ankara</h1>"));

  g_assert_cmpint (run_cli (NULL, &err, "check", "-f", "csv", "-o", bad_output, en_arg, ru_arg, NULL), ==, 3);
  g_assert_nonnull (strstr (err, bad_output));
}

static void
test_learn_and_lexicon (TriTestDir    *fixture,
                        gconstpointer  user_data)
{
  /* Rows a corpus builder has aligned already: line N with line N. */
  static const char en[] =
    "The ministry reported higher grain exports.\n"
    "Grain exports through Odesa rose in March.\n"
    "Insurers raised premiums for ships.\n";
  static const char ru[] =
    "Министерство сообщило о росте экспорта зерна.\n"
    "Экспорт зерна через Одессу вырос в марте.\n"
    "Страховщики повысили премии для судов.\n";
  g_autofree char *en_path = NULL;
  g_autofree char *ru_path = NULL;
  g_autofree char *lexicon = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *data = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  if (!have_cli ())
    return;

  en_path = tri_test_write_file (fixture->dir, "en.txt", en, -1);
  ru_path = tri_test_write_file (fixture->dir, "ru.txt", ru, -1);
  lexicon = g_build_filename (fixture->dir, "lexicon", "en-ru.tsv", NULL);
  bad = tri_test_write_file (fixture->dir, "words.txt", "grain @ зерно\n", -1);

  /* Learnt twice, in either order of the languages: the same rows count
   * once (a run repeated by a corpus builder does not double them); new
   * rows add up. */
  g_assert_cmpint (run_cli (NULL, NULL, "learn", "-o", lexicon, "en=" , NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "learn", "en=en.txt", NULL), ==, 2);
  {
    g_autofree char *a = g_strconcat ("en=", en_path, NULL);
    g_autofree char *b = g_strconcat ("ru=", ru_path, NULL);

    g_assert_cmpint (run_cli (NULL, NULL, "learn", "-o", lexicon, a, b, NULL), ==, 0);
    g_assert_cmpint (run_cli (NULL, NULL, "learn", "-o", lexicon, b, a, NULL), ==, 0);
    g_assert_true (g_file_get_contents (lexicon, &data, NULL, NULL));
    g_assert_nonnull (strstr (data, "@languages\ten\tru\n@rows\t3\n"));
    g_assert_nonnull (strstr (data, "\nexports\tэкспорт\t1\n"));
    g_assert_nonnull (strstr (data, "\ngrain\tзерна\t2\n"));
    g_clear_pointer (&data, g_free);
  }
  {
    g_autofree char *en2 = tri_test_write_file (fixture->dir, "en2.txt", "Grain exports fell in April.\n", -1);
    g_autofree char *ru2 = tri_test_write_file (fixture->dir, "ru2.txt", "Экспорт зерна в апреле снизился.\n", -1);
    g_autofree char *a = g_strconcat ("en=", en2, NULL);
    g_autofree char *b = g_strconcat ("ru=", ru2, NULL);

    g_assert_cmpint (run_cli (NULL, NULL, "learn", "-o", lexicon, a, b, NULL), ==, 0);
    g_assert_true (g_file_get_contents (lexicon, &data, NULL, NULL));
    g_assert_nonnull (strstr (data, "@languages\ten\tru\n@rows\t4\n"));
    g_assert_nonnull (strstr (data, "\ngrain\tзерна\t3\n"));
  }
  {
    g_autofree char *a = g_strconcat ("en=", en_path, NULL);
    g_autofree char *b = g_strconcat ("ru=", ru_path, NULL);

    g_assert_cmpint (run_cli (&out, NULL, "align", "--presegmented", "--lexicon", lexicon, a, b, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "{\"en\":[2],\"ru\":[2]"));
    /* Not a lexicon: an input error naming the file. */
    g_assert_cmpint (run_cli (NULL, &err, "align", "--presegmented", "--lexicon", bad, a, b, NULL), ==, 3);
    g_assert_nonnull (strstr (err, "words.txt"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, TriTestDir, NULL, tri_test_dir_set_up, func, tri_test_dir_tear_down)

  ADD ("/cli/segment", test_segment);
  ADD ("/cli/forced-encoding", test_forced_encoding);
  ADD ("/cli/jsonl", test_jsonl);
  ADD ("/cli/learn-and-lexicon", test_learn_and_lexicon);
  ADD ("/cli/guessed-language", test_guessed_language);
  ADD ("/cli/input-errors", test_input_errors);
  ADD ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help", test_help);
  ADD ("/cli/line-paragraphs", test_line_paragraphs);
  ADD ("/cli/align", test_align);
  ADD ("/cli/align-presegmented-and-output", test_align_presegmented_and_output);
  ADD ("/cli/align-errors", test_align_errors);
  ADD ("/cli/align-words", test_align_words);
  ADD ("/cli/export-formats", test_export_formats);
  ADD ("/cli/project-round-trip", test_project_round_trip);
  ADD ("/cli/documents", test_documents);
  ADD ("/cli/spell", test_spell);
  ADD ("/cli/spell-aligned", test_spell_aligned);
  ADD ("/cli/check", test_check);
  ADD ("/cli/check-report", test_check_report);

#undef ADD

  return g_test_run ();
}

/* test-text-source.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tri-document.h"
#include "tri-documents-load.h"
#include "tri-error.h"
#include "tri-opener.h"
#include "tri-text-source.h"
#include "tri-test-utils.h"

/* Two short news reports on the talks. The Russian one holds only ASCII
 * and letters, so that every Cyrillic single-byte encoding can carry it
 * (KOI8-R, ISO-8859-5 and CP866 have no typographic quotes or dashes). */
static const char *ru_report =
  "В 1990-х гг. ситуация была иной. Об этом сообщил В. В. Путин на встрече с журналистами. "
  "Переговоры в Женеве продолжатся в четверг, ещё один раунд намечен на март.\n"
  "\n"
  "МИД России пока не комментирует итоги встречи.\n";

/* With і ї є ґ and the typographic apostrophe, as Ukrainian is written;
 * the encodings that lack some of them get a variant without. */
static const char *uk_report =
  "Делегації зустрілися в Стамбулі 14 березня. Міністр закордонних справ В. Кулеба заявив, "
  "що сторони обмінялися ґрунтовними пропозиціями. Наступний раунд обговорять у п’ятницю, "
  "повідомляє Укрінформ.\n"
  "\n"
  "Європейські партнери висловили підтримку її позиції.\n";

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
  0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R',
  0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10,
  0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x91, 0x68,
  0x36,
};

static const guint8 elf_bytes[] = {
  0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x03, 0x00, 0x3E, 0x00, 0x01, 0x00, 0x00, 0x00,
  0x40, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};


static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  GString *s = g_string_new (text);

  g_string_replace (s, from, to, 0);
  return g_string_free (s, FALSE);
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

  if (encoding != NULL)
    converted = tri_test_convert (utf8, encoding, &length);
  else
    {
      converted = g_strdup (utf8);
      length = strlen (utf8);
    }

  if (bom_length > 0)
    g_byte_array_append (bytes, (const guint8 *)bom, (guint)bom_length);
  g_byte_array_append (bytes, (const guint8 *)converted, (guint)length);

  return tri_test_write_file (dir, name, bytes->data, bytes->len);
}

/* Asserts that @document has the same sentences as @reference. */
static void
assert_same_sentences (TriDocument *document,
                       TriDocument *reference)
{
  g_assert_cmpuint (tri_document_get_n_paragraphs (document), ==,
                    tri_document_get_n_paragraphs (reference));
  g_assert_cmpuint (tri_document_get_n_sentences (document), ==,
                    tri_document_get_n_sentences (reference));

  for (guint i = 0; i < tri_document_get_n_sentences (reference); i++)
    {
      g_autofree char *got = tri_document_dup_sentence_text (document, i);
      g_autofree char *expected = tri_document_dup_sentence_text (reference, i);
      const TriSentence *a = tri_document_get_sentence (document, i);
      const TriSentence *b = tri_document_get_sentence (reference, i);

      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpuint (a->paragraph, ==, b->paragraph);
    }
}

typedef struct
{
  const char *file_name;
  const char *iconv_name;   /* NULL: the UTF-8 text as it is */
  const char *bom;
  gsize       bom_length;
  const char *expected;     /* the name the detector reports */
} EncodingCase;

static void
check_encodings (const char         *dir,
                 const char         *utf8,
                 const char         *language,
                 const EncodingCase *cases,
                 guint               n_cases)
{
  g_autoptr(TriDocument) reference = tri_document_new (utf8, language, TRI_PARAGRAPH_BLANK_LINES);

  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *path = write_encoded (dir, cases[i].file_name, utf8, cases[i].iconv_name,
                                             cases[i].bom, cases[i].bom_length);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(TriDecodedText) decoded = NULL;
      g_autoptr(TriDocument) document = NULL;

      g_test_message ("%s: %s", language, cases[i].file_name);

      decoded = tri_text_source_load_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (decoded);
      g_assert_cmpstr (decoded->encoding, ==, cases[i].expected);
      g_assert_true (decoded->detected);
      g_assert_cmpint (decoded->had_bom, ==, cases[i].bom_length > 0);
      g_assert_cmpuint (decoded->length, ==, strlen (utf8));
      g_assert_cmpmem (decoded->text, decoded->length, utf8, strlen (utf8));
      g_assert_cmpuint (decoded->removed->len, ==, 0);

      /* The language is left to the guess: it must see the same text too. */
      document = tri_document_load (file, NULL, NULL, TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      g_assert_cmpstr (tri_document_get_encoding (document), ==, cases[i].expected);
      g_assert_cmpstr (tri_document_get_language (document), ==, language);
      g_assert_true (tri_document_get_language_guessed (document));
      g_assert_cmpstr (tri_document_get_title (document), ==, cases[i].file_name);
      g_assert_cmpstr (tri_document_get_text (document), ==, utf8);
      assert_same_sentences (document, reference);
    }
}

static void
test_russian_encodings (TriTestDir    *fixture,
                        gconstpointer  user_data)
{
  static const EncodingCase cases[] = {
    { "ru-utf8.txt", NULL, NULL, 0, "UTF-8" },
    { "ru-utf8-bom.txt", NULL, "\xEF\xBB\xBF", 3, "UTF-8" },
    { "ru-utf16le.txt", "UTF-16LE", "\xFF\xFE", 2, "UTF-16LE" },
    { "ru-utf16be.txt", "UTF-16BE", "\xFE\xFF", 2, "UTF-16BE" },
    { "ru-cp1251.txt", "WINDOWS-1251", NULL, 0, "windows-1251" },
    { "ru-koi8r.txt", "KOI8-R", NULL, 0, "KOI8-R" },
    /* Without і ї є ґ the KOI8-U bytes are the KOI8-R bytes; the detector
     * then names the better known KOI8-R. */
    { "ru-koi8u.txt", "KOI8-U", NULL, 0, "KOI8-R" },
    { "ru-iso88595.txt", "ISO-8859-5", NULL, 0, "ISO-8859-5" },
    { "ru-cp866.txt", "CP866", NULL, 0, "IBM866" },
  };
  g_autoptr(TriDocument) reference = tri_document_new (ru_report, "ru", TRI_PARAGRAPH_BLANK_LINES);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  /* The reference itself, so that a segmenter change shows up here too. */
  g_assert_cmpuint (tri_document_get_n_paragraphs (reference), ==, 2);
  g_assert_cmpuint (tri_document_get_n_sentences (reference), ==, 4);
  first = tri_document_dup_sentence_text (reference, 0);
  g_assert_cmpstr (first, ==, "В 1990-х гг. ситуация была иной.");
  last = tri_document_dup_sentence_text (reference, 3);
  g_assert_cmpstr (last, ==, "МИД России пока не комментирует итоги встречи.");

  check_encodings (fixture->dir, ru_report, "ru", cases, G_N_ELEMENTS (cases));
}

static void
test_ukrainian_encodings (TriTestDir    *fixture,
                          gconstpointer  user_data)
{
  static const EncodingCase full_cases[] = {
    { "uk-utf8.txt", NULL, NULL, 0, "UTF-8" },
    { "uk-utf8-bom.txt", NULL, "\xEF\xBB\xBF", 3, "UTF-8" },
    { "uk-utf16le.txt", "UTF-16LE", "\xFF\xFE", 2, "UTF-16LE" },
    { "uk-utf16be.txt", "UTF-16BE", "\xFE\xFF", 2, "UTF-16BE" },
    { "uk-cp1251.txt", "WINDOWS-1251", NULL, 0, "windows-1251" },
  };
  /* KOI8-U has ґ but no ’: such files use the ASCII apostrophe. */
  static const EncodingCase koi8u_cases[] = {
    { "uk-koi8u.txt", "KOI8-U", NULL, 0, "KOI8-U" },
  };
  /* ISO-8859-5 has і ї є but neither ґ nor ’. CP866 has no і at all, so
   * Ukrainian cannot be written in it (CP1125 is the Ukrainian DOS page). */
  static const EncodingCase iso_cases[] = {
    { "uk-iso88595.txt", "ISO-8859-5", NULL, 0, "ISO-8859-5" },
  };
  g_autofree char *koi8u_report = replace_all (uk_report, "’", "'");
  g_autofree char *iso_report = replace_all (koi8u_report, "ґрунтовними", "докладними");
  g_autoptr(TriDocument) reference = tri_document_new (uk_report, "uk", TRI_PARAGRAPH_BLANK_LINES);
  g_autofree char *second = NULL;

  g_assert_cmpuint (tri_document_get_n_paragraphs (reference), ==, 2);
  g_assert_cmpuint (tri_document_get_n_sentences (reference), ==, 4);
  second = tri_document_dup_sentence_text (reference, 1);
  g_assert_cmpstr (second, ==,
                   "Міністр закордонних справ В. Кулеба заявив, що сторони обмінялися "
                   "ґрунтовними пропозиціями.");

  check_encodings (fixture->dir, uk_report, "uk", full_cases, G_N_ELEMENTS (full_cases));
  check_encodings (fixture->dir, koi8u_report, "uk", koi8u_cases, G_N_ELEMENTS (koi8u_cases));
  check_encodings (fixture->dir, iso_report, "uk", iso_cases, G_N_ELEMENTS (iso_cases));
}

static void
test_short_ukrainian (void)
{
  /* About 40 characters: too few for ICU's detector on its own. */
  static const char *texts[] = {
    "Переговори в Києві відновляться у п’ятницю.",
    "Їхні делегації зустрінуться в Єревані.",
    "Ґрунтовні переговори з Ізраїлем тривають.",
  };
  static const struct {
    const char *iconv_name;
    const char *expected;
  } encodings[] = {
    { "WINDOWS-1251", "windows-1251" },
    { "KOI8-U", "KOI8-U" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (encodings); j++)
      {
        g_autofree char *utf8 = NULL;
        g_autofree char *bytes = NULL;
        g_autoptr(TriDecodedText) decoded = NULL;
        g_autoptr(GError) error = NULL;
        gsize length;

        /* KOI8-U has no ’. */
        if (g_str_equal (encodings[j].iconv_name, "KOI8-U"))
          utf8 = replace_all (texts[i], "’", "'");
        else
          utf8 = g_strdup (texts[i]);

        g_test_message ("%s in %s", utf8, encodings[j].iconv_name);
        g_assert_cmpuint (g_utf8_strlen (utf8, -1), <=, 45);

        bytes = tri_test_convert (utf8, encodings[j].iconv_name, &length);
        g_assert_cmpstr (tri_text_source_detect_encoding ((const guint8 *)bytes, length), ==,
                         encodings[j].expected);

        decoded = tri_text_source_decode ((const guint8 *)bytes, length, "short.txt", NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (decoded->encoding, ==, encodings[j].expected);
        g_assert_cmpstr (decoded->text, ==, utf8);
      }
}

static void
test_forced_encoding (TriTestDir    *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = write_encoded (fixture->dir, "ru-cp1251.txt", ru_report,
                                         "WINDOWS-1251", NULL, 0);
  g_autofree char *uk_koi8u = replace_all (uk_report, "’", "'");
  g_autofree char *uk_path = write_encoded (fixture->dir, "uk-koi8u.txt", uk_koi8u,
                                            "KOI8-U", NULL, 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) uk_file = g_file_new_for_path (uk_path);
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(TriDecodedText) as_r = NULL;
  g_autoptr(TriDecodedText) as_u = NULL;
  g_autoptr(TriDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *mojibake = NULL;
  gsize length;

  /* Read as KOI8-R, the windows-1251 bytes give exactly what iconv gives. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  mojibake = g_convert (contents, (gssize)length, "UTF-8", "KOI8-R", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mojibake, !=, ru_report);

  decoded = tri_text_source_load_file (file, "KOI8-R", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded->encoding, ==, "KOI8-R");
  g_assert_false (decoded->detected);
  g_assert_false (decoded->had_bom);
  g_assert_cmpstr (decoded->text, ==, mojibake);

  document = tri_document_load (file, "windows-1251", "ru", TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tri_document_get_encoding (document), ==, "windows-1251");
  g_assert_cmpstr (tri_document_get_text (document), ==, ru_report);
  g_assert_false (tri_document_get_language_guessed (document));

  /* KOI8-R lacks і ї є ґ: in their place it has box-drawing characters. */
  as_u = tri_text_source_load_file (uk_file, "KOI8-U", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (as_u->text, ==, uk_koi8u);
  as_r = tri_text_source_load_file (uk_file, "KOI8-R", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (as_r->encoding, ==, "KOI8-R");
  g_assert_null (strstr (as_r->text, "і"));
  g_assert_nonnull (strstr (as_r->text, "Делегац"));
  g_assert_cmpstr (as_r->text, !=, as_u->text);
}

static void
test_unknown_encoding (TriTestDir    *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = tri_test_write_file (fixture->dir, "talks.txt", ru_report, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(TriDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (tri_text_source_encoding_is_known ("windows-9999"));
  g_assert_true (tri_text_source_encoding_is_known ("windows-1251"));
  g_assert_true (tri_text_source_encoding_is_known ("KOI8-U"));
  g_assert_true (tri_text_source_encoding_is_known ("IBM866"));
  g_assert_true (tri_text_source_encoding_is_known ("cp866"));

  decoded = tri_text_source_load_file (file, "windows-9999", NULL, &error);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_UNKNOWN_ENCODING);
  g_assert_null (decoded);
  g_assert_nonnull (strstr (error->message, "windows-9999"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  document = tri_document_load (file, "windows-9999", "ru", TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_UNKNOWN_ENCODING);
  g_assert_null (document);
}

static void
test_invalid_in_forced_encoding (TriTestDir    *fixture,
                                 gconstpointer  user_data)
{
  /* "Talks: " is 7 bytes; the first Cyrillic byte follows. */
  g_autofree char *path = write_encoded (fixture->dir, "talks-cp1251.txt",
                                         "Talks: Переговоры в Женеве продолжатся.\n",
                                         "WINDOWS-1251", NULL, 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(TriDecodedText) detected = NULL;
  g_autoptr(GError) error = NULL;

  decoded = tri_text_source_load_file (file, "UTF-8", NULL, &error);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_ENCODING);
  g_assert_null (decoded);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_nonnull (strstr (error->message, "at byte 7"));
  g_clear_error (&error);

  /* Detected, the same bytes are fine. */
  detected = tri_text_source_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detected->encoding, ==, "windows-1251");
  g_assert_cmpstr (detected->text, ==, "Talks: Переговоры в Женеве продолжатся.\n");
}

static void
test_bad_byte_offsets (void)
{
  static const struct {
    const char *data;
    gsize       length;
    const char *encoding;
    const char *message;
  } cases[] = {
    /* A sequence cut short by an ASCII letter. */
    { "ab\xE2\x80X", 5, "UTF-8", "“bad.txt” is not valid UTF-8 text: undecodable bytes at byte 2" },
    /* A character cut off by the end of the file. */
    { "Talks \xD0", 7, "UTF-8", "“bad.txt” is not valid UTF-8 text: undecodable bytes at byte 6" },
    /* With a forced encoding the BOM is part of the text: offsets count it. */
    { "\xEF\xBB\xBF" "ab\xFF", 6, "UTF-8", "“bad.txt” is not valid UTF-8 text: undecodable bytes at byte 5" },
    /* A detected BOM is counted too. */
    { "\xFF\xFE" "a\0b", 5, NULL, "“bad.txt” is not valid UTF-16LE text: undecodable bytes at byte 4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TriDecodedText) decoded = NULL;
      g_autoptr(GError) error = NULL;

      decoded = tri_text_source_decode ((const guint8 *)cases[i].data, cases[i].length, "bad.txt",
                                        cases[i].encoding, &error);
      g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_ENCODING);
      g_assert_null (decoded);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
check_damaged_utf8 (const char *dir,
                    const char *name,
                    const char *data,
                    gsize       length,
                    gsize       bad_at)
{
  g_autofree char *path = tri_test_write_file (dir, name, data, (gssize)length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_strdup_printf ("at byte %" G_GSIZE_FORMAT, bad_at);

  g_test_message ("%s", name);
  g_assert_cmpstr (tri_text_source_detect_encoding ((const guint8 *)data, length), ==, "UTF-8");

  /* An error that says where, not the whole report as mojibake. */
  decoded = tri_text_source_load_file (file, NULL, NULL, &error);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_ENCODING);
  g_assert_null (decoded);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_nonnull (strstr (error->message, at));
}

static void
test_damaged_utf8 (TriTestDir    *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GString) stray = g_string_new (ru_report);
  g_autoptr(GString) large = g_string_new (NULL);
  g_autofree char *cut = NULL;
  gsize stray_at = strlen ("В 1990-х гг. ситуация была иной.");
  gsize large_at;

  /* A stray windows-1252 byte (an en dash) after the first sentence. */
  g_string_insert_c (stray, (gssize)stray_at, '\x96');
  check_damaged_utf8 (fixture->dir, "stray.txt", stray->str, stray->len, stray_at);

  /* A bad byte past the 64 KiB the detector looks at. */
  while (large->len < 100 * 1024)
    g_string_append (large, ru_report);
  large_at = large->len + strlen ("Итоги подведут завтра");
  g_string_append (large, "Итоги подведут завтра\xFF.\n");
  check_damaged_utf8 (fixture->dir, "large.txt", large->str, large->len, large_at);

  /* Cut off inside the last "п": its first byte is all that is left. */
  cut = g_strndup (uk_report, strlen (uk_report) - strlen ("позиції.\n") + 1);
  check_damaged_utf8 (fixture->dir, "cut.txt", cut, strlen (cut), strlen (cut) - 1);
}

static void
test_binary (TriTestDir    *fixture,
             gconstpointer  user_data)
{
  static const struct {
    const char   *name;
    const guint8 *data;
    gsize         length;
  } cases[] = {
    { "chart.png", png_bytes, sizeof png_bytes },
    { "report.txt", elf_bytes, sizeof elf_bytes },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tri_test_write_file (fixture->dir, cases[i].name,
                                                   cases[i].data, (gssize)cases[i].length);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(TriDecodedText) decoded = NULL;
      g_autoptr(TriDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      decoded = tri_text_source_load_file (file, NULL, NULL, &error);
      g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_BINARY);
      g_assert_null (decoded);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);

      /* A forced single-byte encoding does not make it text. */
      decoded = tri_text_source_load_file (file, "windows-1251", NULL, &error);
      g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_BINARY);
      g_clear_error (&error);

      document = tri_document_load (file, NULL, NULL, TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
      g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_BINARY);
      g_assert_null (document);
      g_clear_error (&error);

      decoded = tri_text_source_decode (cases[i].data, cases[i].length, cases[i].name, NULL, &error);
      g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_BINARY);
      g_assert_nonnull (strstr (error->message, cases[i].name));
    }
}

static void
test_empty (TriTestDir    *fixture,
            gconstpointer  user_data)
{
  static const struct {
    const char *name;
    const char *data;
    gsize       length;
    gboolean    had_bom;
    const char *text;
  } cases[] = {
    { "empty.txt", "", 0, FALSE, "" },
    { "bom-only.txt", "\xEF\xBB\xBF", 3, TRUE, "" },
    { "bom16-only.txt", "\xFF\xFE", 2, TRUE, "" },
    /* Not empty, but without a paragraph. */
    { "blank-lines.txt", "\r\n\n  \n\t\n", 8, FALSE, "\n\n  \n\t\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tri_test_write_file (fixture->dir, cases[i].name,
                                                   cases[i].data, (gssize)cases[i].length);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(TriDecodedText) decoded = NULL;
      g_autoptr(TriDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);

      decoded = tri_text_source_load_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (decoded);
      g_assert_cmpint (decoded->had_bom, ==, cases[i].had_bom);
      g_assert_cmpstr (decoded->text, ==, cases[i].text);
      g_assert_cmpuint (decoded->length, ==, strlen (cases[i].text));
      g_assert_cmpuint (decoded->removed->len, ==, 0);

      document = tri_document_load (file, NULL, NULL, TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      g_assert_cmpuint (tri_document_get_n_paragraphs (document), ==, 0);
      g_assert_cmpuint (tri_document_get_n_sentences (document), ==, 0);
      /* Nothing to guess from: the root rules. */
      g_assert_cmpstr (tri_document_get_language (document), ==, "und");
      g_assert_cmpstr (tri_document_get_text (document), ==, cases[i].text);
      g_assert_cmpuint (tri_document_get_length (document), ==, strlen (cases[i].text));
    }

  /* The empty buffer needs no data pointer. */
  {
    g_autoptr(TriDecodedText) decoded = NULL;
    g_autoptr(GError) error = NULL;

    decoded = tri_text_source_decode (NULL, 0, "nothing.txt", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (decoded->text, ==, "");
    g_assert_cmpstr (decoded->encoding, ==, "UTF-8");
  }
}

static void
test_missing_and_folder (TriTestDir    *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-report.txt", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "reports", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(TriDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  decoded = tri_text_source_load_file (missing_file, NULL, NULL, &error);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_NOT_FOUND);
  g_assert_null (decoded);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  document = tri_document_load (missing_file, NULL, NULL, TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_NOT_FOUND);
  g_assert_null (document);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  decoded = tri_text_source_load_file (folder_file, NULL, NULL, &error);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ);
  g_assert_null (decoded);
  g_assert_nonnull (strstr (error->message, folder));
  g_clear_error (&error);

  document = tri_document_load (folder_file, NULL, NULL, TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ);
  g_assert_null (document);
}

static void
test_line_ends (TriTestDir    *fixture,
                gconstpointer  user_data)
{
  static const char crlf[] =
    "Переговоры начались утром.\r\n"
    "Делегации прибыли в Женеву.\r"
    "Встреча длилась три часа.\r\n"
    "\r\n"
    "Итоги подведут завтра.\r\r\n"
    "Talks ended.\r";
  static const char expected[] =
    "Переговоры начались утром.\n"
    "Делегации прибыли в Женеву.\n"
    "Встреча длилась три часа.\n"
    "\n"
    "Итоги подведут завтра.\n\n"
    "Talks ended.\n";
  g_autofree char *path = tri_test_write_file (fixture->dir, "crlf.txt", crlf, -1);
  g_autofree char *cp1251_path = write_encoded (fixture->dir, "crlf-cp1251.txt", crlf,
                                                "WINDOWS-1251", NULL, 0);
  g_autofree char *utf16_path = write_encoded (fixture->dir, "crlf-utf16.txt", crlf,
                                               "UTF-16LE", "\xFF\xFE", 2);
  const char *paths[] = { path, cp1251_path, utf16_path };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(TriDecodedText) decoded = NULL;
      g_autoptr(TriDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *third = NULL;

      decoded = tri_text_source_load_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (decoded->text, ==, expected);
      g_assert_cmpuint (decoded->length, ==, strlen (expected));
      g_assert_null (memchr (decoded->text, '\r', decoded->length));

      document = tri_document_load (file, NULL, "ru", TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tri_document_get_n_paragraphs (document), ==, 3);
      g_assert_cmpuint (tri_document_get_n_sentences (document), ==, 5);
      third = tri_document_dup_sentence_text (document, 2);
      g_assert_cmpstr (third, ==, "Встреча длилась три часа.");
    }
}

/* A file too large to be a report is refused before it is read: a sparse
 * file of 300 MB costs no disk and no time. */
static void
test_too_large (TriTestDir    *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriDecodedText) decoded = NULL;
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 300L * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), ==, 'x');
  g_assert_cmpint (fclose (f), ==, 0);

  decoded = tri_text_source_load_file (file, NULL, NULL, &error);
  g_assert_null (decoded);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
}

static void
test_unicode_line_ends (void)
{
  /* NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, as word processors and
   * EBCDIC conversions leave them. */
  static const char text[] = "Talks began.\xC2\x85" "Both sides spoke.\xE2\x80\xA8" "They left.\xE2\x80\xA9" "A new round.";
  g_autoptr(GError) error = NULL;
  g_autoptr(TriDecodedText) decoded = tri_text_source_decode ((const guint8 *)text, strlen (text),
                                                              "separators.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (decoded->text, ==, "Talks began.\nBoth sides spoke.\nThey left.\n\nA new round.");
}

static void
test_utf16_without_bom (void)
{
  const char *texts[] = {
    "Переговоры возобновились в Женеве. Первым выступил г-н Гриценко.\n",
    "The talks resumed in Geneva. Mr. Hrytsenko spoke first.\n",
  };
  const char *encodings[] = { "UTF-16LE", "UTF-16BE" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
      {
        gsize length;
        g_autofree char *bytes = tri_test_convert (texts[t], encodings[e], &length);
        g_autoptr(GError) error = NULL;
        g_autoptr(TriDecodedText) decoded = tri_text_source_decode ((const guint8 *)bytes, length,
                                                                    "no-bom.txt", NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (decoded->encoding, ==, encodings[e]);
        g_assert_false (decoded->had_bom);
        g_assert_cmpstr (decoded->text, ==, texts[t]);
      }
}

/* UTF-8 already in NFC is taken as it is (no round trip through UTF-16):
 * ill-formed sequences a lenient reader would pass on must still be
 * refused, and the text must come out byte for byte. */
static void
test_utf8_as_is (void)
{
  static const char * const ill_formed[] = {
    "Talks \xED\xA0\x80 resumed.",       /* a surrogate, encoded */
    "Talks \xC0\xAF resumed.",            /* an overlong “/” */
    "Talks \xF4\x90\x80\x80 resumed.",   /* beyond U+10FFFF */
    "Talks \xF8\x88\x80\x80\x80 resumed.", /* a five-byte form */
  };
  static const char text[] = "«Мы не ведём переговоров», — сказал Песков. “We talk,” Kuleba said.\n";
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ill_formed); i++)
    {
      g_autoptr(TriDecodedText) decoded = NULL;
      g_autoptr(GError) error = NULL;

      decoded = tri_text_source_decode ((const guint8 *)ill_formed[i], strlen (ill_formed[i]), "bad.txt",
                                        "UTF-8", &error);
      g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_ENCODING);
      g_assert_null (decoded);
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *data = i == 0 ? text : with_bom;
      g_autoptr(TriDecodedText) decoded = NULL;
      g_autoptr(GError) error = NULL;

      decoded = tri_text_source_decode ((const guint8 *)data, strlen (data), "ok.txt", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (decoded->text, ==, text);
      g_assert_cmpuint (decoded->length, ==, strlen (text));
      g_assert_true (decoded->had_bom == (i == 1));
    }
}

static void
test_nfc (void)
{
  /* Decomposed: Й as И + U+0306, й as и + U+0306, ї as і + U+0308,
   * ё as е + U+0308, as some Mac and PDF exports write them. */
  static const char nfd[] =
    "Сергеи\xCC\x86 Лавров и Дмитро Кулеба обсудили ситуацию в Украі\xCC\x88ні. "
    "И\xCC\x86ошкар-Ола тут ни при че\xCC\x88м.";
  static const char nfc[] =
    "Сергей Лавров и Дмитро Кулеба обсудили ситуацию в Україні. "
    "Йошкар-Ола тут ни при чём.";
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(TriDecodedText) from_utf16 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *utf16 = NULL;
  gsize length;

  g_assert_cmpstr (nfd, !=, nfc);

  decoded = tri_text_source_decode ((const guint8 *)nfd, strlen (nfd), "nfd.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded->encoding, ==, "UTF-8");
  g_assert_cmpstr (decoded->text, ==, nfc);
  g_assert_cmpuint (decoded->length, ==, strlen (nfc));
  g_assert_cmpuint (decoded->removed->len, ==, 0);

  utf16 = tri_test_convert (nfd, "UTF-16BE", &length);
  from_utf16 = tri_text_source_decode ((const guint8 *)utf16, length, "nfd.txt", "UTF-16BE", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_utf16->text, ==, nfc);

  /* Signs that NFC replaces among the dashes, quotes and № that plain
   * UTF-8 is taken with as it is: the ohm and kelvin signs (U+2126,
   * U+212A), the Greek ano teleia (U+0387). */
  {
    static const char signs[] =
      "Сопротивление — 5 кОм (5 k\xE2\x84\xA6), «№ 7»; 300 \xE2\x84\xAA; τέλος\xCE\x87";
    static const char signs_nfc[] =
      "Сопротивление — 5 кОм (5 k\xCE\xA9), «№ 7»; 300 K; τέλος\xC2\xB7";
    g_autoptr(TriDecodedText) decoded_signs = NULL;

    decoded_signs = tri_text_source_decode ((const guint8 *)signs, strlen (signs), "signs.txt", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (decoded_signs->encoding, ==, "UTF-8");
    g_assert_cmpstr (decoded_signs->text, ==, signs_nfc);
  }
}

static void
test_zero_width (void)
{
  /* U+200B inside "Переговоры", a soft hyphen in "продолжатся", U+2060
   * after it, U+FEFF inside "Женеве"; U+200D is not removed. */
  static const char input[] =
    "Пере\xE2\x80\x8Bговоры про\xC2\xAD" "должатся\xE2\x81\xA0 в Же\xEF\xBB\xBF" "неве, "
    "сказал пресс\xE2\x80\x8D" "секретарь.";
  static const char expected[] =
    "Переговоры продолжатся в Женеве, сказал пресс\xE2\x80\x8D" "секретарь.";
  static const TriRemovedChar removed[] = {
    { 8, 0x200B },   /* after "Пере" */
    { 27, 0x00AD },  /* after "Переговоры про" */
    { 43, 0x2060 },  /* after "Переговоры продолжатся" */
    { 51, 0xFEFF },  /* after "Переговоры продолжатся в Же" */
  };
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(TriDecodedText) cp1251 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  decoded = tri_text_source_decode ((const guint8 *)input, strlen (input), "zw.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded->text, ==, expected);
  g_assert_cmpuint (decoded->length, ==, strlen (expected));
  g_assert_false (decoded->had_bom);
  g_assert_cmpuint (decoded->removed->len, ==, G_N_ELEMENTS (removed));

  for (guint i = 0; i < G_N_ELEMENTS (removed); i++)
    {
      const TriRemovedChar *r = &g_array_index (decoded->removed, TriRemovedChar, i);

      g_assert_cmpuint (r->offset, ==, removed[i].offset);
      g_assert_cmphex (r->ch, ==, removed[i].ch);
    }

  /* The offsets count bytes of the decoded text. */
  g_assert_cmpint (strncmp (expected + removed[1].offset, "должатся", strlen ("должатся")), ==, 0);

  /* windows-1251 has the soft hyphen too (0xAD). */
  bytes = tri_test_convert ("Пере\xC2\xAD" "говоры в Женеве продолжатся в четверг.", "WINDOWS-1251", &length);
  cp1251 = tri_text_source_decode ((const guint8 *)bytes, length, "zw-cp1251.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp1251->encoding, ==, "windows-1251");
  g_assert_cmpstr (cp1251->text, ==, "Переговоры в Женеве продолжатся в четверг.");
  g_assert_cmpuint (cp1251->removed->len, ==, 1);
  g_assert_cmpuint (g_array_index (cp1251->removed, TriRemovedChar, 0).offset, ==, 8);
  g_assert_cmphex (g_array_index (cp1251->removed, TriRemovedChar, 0).ch, ==, 0x00AD);
}

static void
test_removed_chars_in_document (TriTestDir    *fixture,
                                gconstpointer  user_data)
{
  static const char input[] = "Делега\xE2\x80\x8Bции прибыли.\r\nВстреча на\xC2\xAD" "чалась.\n";
  g_autofree char *path = tri_test_write_file (fixture->dir, "zw.txt", input, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const GArray *removed;

  document = tri_document_load (file, NULL, "ru", TRI_PARAGRAPH_LINES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tri_document_get_text (document), ==, "Делегации прибыли.\nВстреча началась.\n");

  removed = tri_document_get_removed_chars (document);
  g_assert_cmpuint (removed->len, ==, 2);
  g_assert_cmpuint (g_array_index (removed, TriRemovedChar, 0).offset, ==, strlen ("Делега"));
  g_assert_cmphex (g_array_index (removed, TriRemovedChar, 0).ch, ==, 0x200B);
  /* The CR before it is gone, so the offset is one byte less than in the file. */
  g_assert_cmpuint (g_array_index (removed, TriRemovedChar, 1).offset, ==,
                    strlen ("Делегации прибыли.\nВстреча на"));
  g_assert_cmphex (g_array_index (removed, TriRemovedChar, 1).ch, ==, 0x00AD);
}

static void
test_paragraph_modes (TriTestDir    *fixture,
                      gconstpointer  user_data)
{
  static const char text[] =
    "Переговоры в Женеве\n"
    "\n"
    "Делегации России и Украины встретились\n"
    "в здании ООН. Встреча длилась три часа.\n"
    "\n"
    "\n"
    "Следующий раунд\n"
    "назначен на март.\n";
  static const char * const by_blank_lines[] = {
    "Переговоры в Женеве",
    "Делегации России и Украины встретились в здании ООН.",
    "Встреча длилась три часа.",
    "Следующий раунд назначен на март.",
  };
  static const guint blank_paragraph[] = { 0, 1, 1, 2 };
  static const char * const by_lines[] = {
    "Переговоры в Женеве",
    "Делегации России и Украины встретились",
    "в здании ООН.",
    "Встреча длилась три часа.",
    "Следующий раунд",
    "назначен на март.",
  };
  static const guint line_paragraph[] = { 0, 1, 2, 2, 3, 4 };
  g_autofree char *path = tri_test_write_file (fixture->dir, "wrapped.txt", text, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriDocument) blank = NULL;
  g_autoptr(TriDocument) lines = NULL;
  g_autoptr(GError) error = NULL;
  const TriSpan *span;

  blank = tri_document_load (file, NULL, "ru", TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tri_document_get_paragraph_mode (blank), ==, TRI_PARAGRAPH_BLANK_LINES);
  g_assert_cmpuint (tri_document_get_n_paragraphs (blank), ==, 3);
  g_assert_cmpuint (tri_document_get_n_sentences (blank), ==, G_N_ELEMENTS (by_blank_lines));

  span = tri_document_get_paragraph (blank, 1);
  g_assert_cmpuint (span->start, ==, strlen ("Переговоры в Женеве\n\n"));
  g_assert_cmpuint (span->end, ==, strlen ("Переговоры в Женеве\n\nДелегации России и Украины встретились\n"
                                           "в здании ООН. Встреча длилась три часа."));

  for (guint i = 0; i < G_N_ELEMENTS (by_blank_lines); i++)
    {
      g_autofree char *sentence = tri_document_dup_sentence_text (blank, i);

      g_assert_cmpstr (sentence, ==, by_blank_lines[i]);
      g_assert_cmpuint (tri_document_get_sentence (blank, i)->paragraph, ==, blank_paragraph[i]);
    }

  lines = tri_document_load (file, NULL, "ru", TRI_PARAGRAPH_LINES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tri_document_get_paragraph_mode (lines), ==, TRI_PARAGRAPH_LINES);
  g_assert_cmpuint (tri_document_get_n_paragraphs (lines), ==, 5);
  g_assert_cmpuint (tri_document_get_n_sentences (lines), ==, G_N_ELEMENTS (by_lines));

  for (guint i = 0; i < G_N_ELEMENTS (by_lines); i++)
    {
      g_autofree char *sentence = tri_document_dup_sentence_text (lines, i);

      g_assert_cmpstr (sentence, ==, by_lines[i]);
      g_assert_cmpuint (tri_document_get_sentence (lines, i)->paragraph, ==, line_paragraph[i]);
    }
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* The versions a window opens, read at once: in the order given, a file
 * that cannot be read leaves its place empty and says why (naming the
 * file); cancelled, nothing. */
static void
test_load_several (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *en = tri_test_write_file (dir, "talks-en.txt", "Talks resumed in Geneva. Both sides spoke.\n", -1);
  g_autofree char *uk = tri_test_write_file (dir, "talks-uk.txt", "Перемовини відновилися в Женеві. Виступили обидві сторони.\n", -1);
  g_autofree char *missing = g_build_filename (dir, "talks-ru.txt", NULL);
  GFile *files[3] = { g_file_new_for_path (en), g_file_new_for_path (missing), g_file_new_for_path (uk) };
  int stages[3];

  for (guint cancel = 0; cancel < 2; cancel++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) documents = NULL;
      g_auto(GStrv) messages = NULL;
      g_autoptr(GError) error = NULL;

      tri_documents_load_async (files, NULL, 3, NULL, TRI_PARAGRAPH_BLANK_LINES, stages, cancellable,
                                on_loaded_cb, &result);
      if (cancel)
        g_cancellable_cancel (cancellable);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      documents = tri_documents_load_finish (result, &messages, &error);

      if (cancel)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_null (documents);
          g_assert_null (messages);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (documents->len, ==, 3);
      g_assert_cmpuint (tri_document_get_n_sentences (g_ptr_array_index (documents, 0)), ==, 2);
      g_assert_null (g_ptr_array_index (documents, 1));
      g_assert_cmpstr (tri_document_get_language (g_ptr_array_index (documents, 2)), ==, "uk");
      g_assert_cmpuint (g_strv_length (messages), ==, 1);
      g_assert_nonnull (strstr (messages[0], "talks-ru.txt"));
      for (guint i = 0; i < 3; i++)
        g_assert_cmpint (stages[i], ==, TRI_LOAD_DONE);
    }
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
}

typedef struct
{
  int        busy;        /* started minus ended */
  guint      n_opened;
  GPtrArray *documents;   /* the last given */
  int        column;
  guint      n_messages;
} Opened;

static void
on_opener_busy_cb (TriOpener *opener,
                   gboolean   busy,
                   Opened    *opened)
{
  opened->busy += busy ? 1 : -1;
}

static void
on_opener_opened_cb (TriOpener *opener,
                     GPtrArray *documents,
                     int        column,
                     Opened    *opened)
{
  opened->n_opened++;
  g_clear_pointer (&opened->documents, g_ptr_array_unref);
  opened->documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (opened->documents, g_object_ref (g_ptr_array_index (documents, i)));
  opened->column = column;
}

static void
on_opener_message_cb (TriOpener  *opener,
                      const char *message,
                      Opened     *opened)
{
  opened->n_messages++;
}

/* The window's opener: the versions side by side, English, Russian,
 * Ukrainian whatever the order given; a file that cannot be read is a
 * message, the others are shown; a newer opening replaces the one
 * running, whose files are never shown. */
static void
test_opener (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *uk = tri_test_write_file (dir, "talks-uk.txt", "Перемовини відновилися в Женеві. Виступили обидві сторони.\n", -1);
  g_autofree char *en = tri_test_write_file (dir, "talks-en.txt", "Talks resumed in Geneva. Both sides spoke.\n", -1);
  g_autofree char *ru = tri_test_write_file (dir, "talks-ru.txt", "Переговоры возобновились в Женеве. Выступили обе стороны.\n", -1);
  g_autofree char *missing = g_build_filename (dir, "talks-de.txt", NULL);
  GFile *files[3] = { g_file_new_for_path (uk), g_file_new_for_path (missing), g_file_new_for_path (en) };
  g_autoptr(GFile) russian = g_file_new_for_path (ru);
  g_autoptr(TriOpener) opener = tri_opener_new ();
  g_autoptr(GCancellable) first = g_cancellable_new ();
  g_autoptr(GCancellable) second = g_cancellable_new ();
  Opened opened = { 0, };
  double fraction = -1;
  gboolean reading;

  g_signal_connect (opener, "busy", G_CALLBACK (on_opener_busy_cb), &opened);
  g_signal_connect (opener, "opened", G_CALLBACK (on_opener_opened_cb), &opened);
  g_signal_connect (opener, "message", G_CALLBACK (on_opener_message_cb), &opened);

  g_assert_false (tri_opener_get_progress (opener, &fraction, &reading));
  tri_opener_open (opener, files, NULL, 3, NULL, TRI_PARAGRAPH_BLANK_LINES, -1, first);
  g_assert_true (tri_opener_get_running (opener));
  g_assert_true (tri_opener_get_progress (opener, &fraction, &reading));
  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  while (tri_opener_get_running (opener))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (opened.busy, ==, 0);
  g_assert_cmpuint (opened.n_opened, ==, 1);
  g_assert_cmpuint (opened.n_messages, ==, 1);
  g_assert_cmpint (opened.column, ==, -1);
  g_assert_cmpuint (opened.documents->len, ==, 2);
  g_assert_cmpstr (tri_document_get_language (g_ptr_array_index (opened.documents, 0)), ==, "en");
  g_assert_cmpstr (tri_document_get_language (g_ptr_array_index (opened.documents, 1)), ==, "uk");

  /* Replaced before it ends: only the newer one is given (for column 1). */
  tri_opener_open (opener, files, NULL, 3, NULL, TRI_PARAGRAPH_BLANK_LINES, -1, first);
  tri_opener_open (opener, &russian, NULL, 1, NULL, TRI_PARAGRAPH_BLANK_LINES, 1, second);
  while (opened.busy > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (opened.n_opened, ==, 2);
  g_assert_cmpuint (opened.n_messages, ==, 1);
  g_assert_cmpint (opened.column, ==, 1);
  g_assert_cmpuint (opened.documents->len, ==, 1);
  g_assert_cmpstr (tri_document_get_language (g_ptr_array_index (opened.documents, 0)), ==, "ru");

  /* Forgotten (the window's Escape): nothing given. */
  tri_opener_open (opener, &russian, NULL, 1, NULL, TRI_PARAGRAPH_BLANK_LINES, -1, second);
  tri_opener_forget (opener);
  g_assert_false (tri_opener_get_running (opener));
  while (opened.busy > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (opened.n_opened, ==, 2);

  g_clear_pointer (&opened.documents, g_ptr_array_unref);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text-source/load-several", test_load_several);
  g_test_add_func ("/text-source/opener", test_opener);

#define ADD(path, func) \
  g_test_add (path, TriTestDir, NULL, tri_test_dir_set_up, func, tri_test_dir_tear_down)

  ADD ("/text-source/russian-encodings", test_russian_encodings);
  ADD ("/text-source/ukrainian-encodings", test_ukrainian_encodings);
  g_test_add_func ("/text-source/short-ukrainian", test_short_ukrainian);
  ADD ("/text-source/forced-encoding", test_forced_encoding);
  ADD ("/text-source/unknown-encoding", test_unknown_encoding);
  ADD ("/text-source/invalid-in-forced-encoding", test_invalid_in_forced_encoding);
  g_test_add_func ("/text-source/bad-byte-offsets", test_bad_byte_offsets);
  ADD ("/text-source/damaged-utf8", test_damaged_utf8);
  ADD ("/text-source/binary", test_binary);
  ADD ("/text-source/empty", test_empty);
  ADD ("/text-source/missing-and-folder", test_missing_and_folder);
  ADD ("/text-source/line-ends", test_line_ends);
  g_test_add_func ("/text-source/nfc", test_nfc);
  g_test_add_func ("/text-source/utf8-as-is", test_utf8_as_is);
  g_test_add_func ("/text-source/unicode-line-ends", test_unicode_line_ends);
  g_test_add ("/text-source/too-large", TriTestDir, NULL, tri_test_dir_set_up, test_too_large,
              tri_test_dir_tear_down);
  g_test_add_func ("/text-source/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/text-source/zero-width", test_zero_width);
  ADD ("/text-source/removed-chars-in-document", test_removed_chars_in_document);
  ADD ("/text-source/paragraph-modes", test_paragraph_modes);

#undef ADD

  return g_test_run ();
}

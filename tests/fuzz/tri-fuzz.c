/* tri-fuzz.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "tri-checks.h"
#include "tri-document.h"
#include "tri-error.h"
#include "tri-export.h"
#include "tri-format.h"
#include "tri-import.h"
#include "tri-project.h"
#include "tri-text-source.h"

#include "tri-fuzz.h"
#include "tri-test-utils.h"

static const TriFuzzTarget targets[] = {
  { "text", tri_fuzz_text },
  { "project", tri_fuzz_project },
  { "tmx", tri_fuzz_tmx },
  { "tsv", tri_fuzz_tsv },
  { "csv", tri_fuzz_csv },
  { "jsonl", tri_fuzz_jsonl },
  { "checks", tri_fuzz_checks },
  { "html", tri_fuzz_html },
  { "docx", tri_fuzz_docx },
  { "odt", tri_fuzz_odt },
  { "pdf", tri_fuzz_pdf },
};

static char *scratch_dir;

/**
 * tri_fuzz_init:
 *
 * Once per process: criticals and warnings abort (a GLib or json-glib
 * critical is a bug found), and a scratch folder for the importers, which
 * read files.
 */
static gboolean fuzz_import (TriExportFormat format, const guint8 *data, gsize size);

/* The checks on the TSV's project. */
static void
warm_up_checks (const guint8 *data,
                gsize         size)
{
  g_autofree char *path = g_build_filename (scratch_dir, "input", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_set_contents (path, (const char *)data, (gssize)size, NULL));
  alignment = tri_import_load (file, TRI_EXPORT_TSV, NULL, NULL, NULL);
  g_assert_nonnull (alignment);
  bytes = tri_project_serialize (alignment);
  g_assert_true (tri_fuzz_checks (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
}

static void
remove_scratch (void)
{
  g_autofree char *path = g_build_filename (scratch_dir, "input", NULL);

  g_remove (path);
  g_rmdir (scratch_dir);
}

void
tri_fuzz_init (void)
{
  static const char warm_up[] = "\xEF\xBB\xBF" "en\tru\tuk\nThe board met on 3 March.\t"
    "Совет собрался 3 марта.\tРада зібралася 3 березня.\n";

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  if (scratch_dir != NULL)
    return;
  scratch_dir = g_dir_make_tmp ("tri-fuzz-XXXXXX", NULL);
  g_assert_nonnull (scratch_dir);
  atexit (remove_scratch);

  /* What GLib, GIO, ICU and the core set up once and keep (types,
   * resources, segmenters, caches) is set up here, before the first input:
   * libFuzzer would take it for a leak of that input. */
  for (guint8 selector = 0; selector < 9; selector++)
    {
      guint8 text[sizeof warm_up];

      text[0] = selector;
      memcpy (text + 1, warm_up + 3, sizeof warm_up - 4);
      tri_fuzz_text (text, sizeof warm_up - 3);
    }
  g_free (g_content_type_guess (NULL, (const guint8 *)"\x89PNG\r\n\x1a\n\0\0", 10, NULL));
  g_assert_true (tri_fuzz_tsv ((const guint8 *)warm_up, sizeof warm_up - 1));
  warm_up_checks ((const guint8 *)warm_up, sizeof warm_up - 1);
}

const TriFuzzTarget *
tri_fuzz_get_target (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_str_equal (targets[i].name, name))
      return &targets[i];
  return NULL;
}

/* Every sentence inside the text, in order, in a paragraph that exists. */
static void
assert_document (TriDocument *doc)
{
  gsize length = tri_document_get_length (doc);
  guint n_paragraphs = tri_document_get_n_paragraphs (doc);
  gsize end = 0;

  g_assert_true (g_utf8_validate (tri_document_get_text (doc), (gssize)length, NULL));
  for (guint i = 0; i < tri_document_get_n_sentences (doc); i++)
    {
      const TriSentence *s = tri_document_get_sentence (doc, i);

      g_assert_cmpuint (s->start, >=, end);
      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->end, <=, length);
      g_assert_cmpuint (s->paragraph, <, n_paragraphs);
      end = s->end;
    }
}

/* A JSONL export must be JSON, line by line. */
static void
assert_jsonl (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = g_strndup (data != NULL ? data : "", length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (lines[i][0] == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, &error))
        g_error ("the JSONL export wrote invalid JSON: %s", error->message);
    }
}

/* A loaded alignment: saved and read back whole, the second save the same
 * bytes as the first; exported as JSONL that parses. */
static void
assert_round_trip (TriAlignment *alignment)
{
  g_autoptr(GBytes) saved = tri_project_serialize (alignment);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) again = tri_project_deserialize (saved, "fuzz", &error);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(TriExportOptions) options = NULL;
  g_autoptr(GBytes) jsonl = NULL;

  if (again == NULL)
    g_error ("a loaded project was saved as one Triptych cannot read: %s", error->message);
  saved_again = tri_project_serialize (again);
  g_assert_true (g_bytes_equal (saved, saved_again));

  for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
    assert_document (tri_alignment_get_document (alignment, c));

  options = tri_export_options_new ();
  options->format = TRI_EXPORT_JSONL;
  jsonl = tri_export_to_bytes (alignment, options, &error);
  g_assert_no_error (error);
  assert_jsonl (jsonl);
}

gboolean
tri_fuzz_text (const guint8 *data,
               gsize         size)
{
  static const char * const languages[] = { "en", "ru", "uk" };
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(TriDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint8 selector = size > 0 ? data[0] : 0;

  /* The first byte picks the language and the paragraph mode. */
  if (size > 0)
    {
      data++;
      size--;
    }
  decoded = tri_text_source_decode (data, size, "fuzz", NULL, &error);
  if (decoded == NULL)
    {
      g_assert_nonnull (error);
      return FALSE;
    }
  doc = tri_document_new (decoded->text, languages[selector % 3], (TriParagraphMode)((selector / 3) % 3));
  assert_document (doc);
  return TRUE;
}

gboolean
tri_fuzz_project (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) alignment = tri_project_deserialize (bytes, "fuzz", &error);

  if (alignment == NULL)
    {
      g_assert_nonnull (error);
      return FALSE;
    }
  assert_round_trip (alignment);
  return TRUE;
}

static gboolean
fuzz_import (TriExportFormat  format,
             const guint8    *data,
             gsize            size)
{
  g_autofree char *path = g_build_filename (scratch_dir, "input", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) alignment = NULL;
  g_auto(GStrv) languages = NULL;

  g_assert_true (g_file_set_contents (path, (const char *)data, (gssize)size, NULL));
  languages = tri_import_list_languages (file, format, NULL, &error);
  if (languages == NULL)
    {
      g_assert_nonnull (error);
      return FALSE;
    }
  alignment = tri_import_load (file, format, g_strv_length (languages) > 3 ? (const char * const *)languages : NULL,
                               NULL, &error);
  if (alignment == NULL)
    {
      g_assert_nonnull (error);
      return FALSE;
    }
  assert_round_trip (alignment);
  return TRUE;
}

gboolean
tri_fuzz_tmx (const guint8 *data,
              gsize         size)
{
  return fuzz_import (TRI_EXPORT_TMX, data, size);
}

gboolean
tri_fuzz_tsv (const guint8 *data,
              gsize         size)
{
  return fuzz_import (TRI_EXPORT_TSV, data, size);
}

gboolean
tri_fuzz_csv (const guint8 *data,
              gsize         size)
{
  return fuzz_import (TRI_EXPORT_CSV, data, size);
}

gboolean
tri_fuzz_jsonl (const guint8 *data,
                gsize         size)
{
  return fuzz_import (TRI_EXPORT_JSONL, data, size);
}

gboolean
tri_fuzz_checks (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) alignment = tri_project_deserialize (bytes, "fuzz", &error);
  g_autoptr(GPtrArray) findings = NULL;

  if (alignment == NULL)
    return FALSE;
  findings = tri_checks_run (alignment);
  g_assert_nonnull (findings);
  return TRUE;
}

/* A document reader: its text, if any, must be UTF-8 and make a document
 * whose sentences lie inside it; a refusal must say why. */
typedef char *(*ExtractFunc) (const guint8 *data, gsize length, const char *name, GError **error);

static gboolean
fuzz_extract (ExtractFunc   extract,
              const guint8 *data,
              gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = extract (data, size, "fuzz", &error);
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autoptr(TriDocument) doc = NULL;

  if (text == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "fuzz"));
      return FALSE;
    }
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  decoded = tri_text_source_decode ((const guint8 *)text, strlen (text), "fuzz", "UTF-8", &error);
  if (decoded == NULL)
    return FALSE;
  doc = tri_document_new (decoded->text, NULL, TRI_PARAGRAPH_BLANK_LINES);
  assert_document (doc);
  return TRUE;
}

gboolean
tri_fuzz_html (const guint8 *data,
               gsize         size)
{
  return fuzz_extract (tri_format_extract_html, data, size);
}

/* Mutations of a zip are almost all refused by libzip (a checksum, an
 * offset), so the readers' XML was hardly reached: an input that is not a
 * zip is taken as the XML part itself and packed (stored, to stay fast)
 * into a valid archive around it. A zip input is read as it is. */
static gboolean
fuzz_office (ExtractFunc   extract,
             const char   *member,
             const char   *mimetype,
             const guint8 *data,
             gsize         size)
{
  g_autoptr(GBytes) packed = NULL;

  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return fuzz_extract (extract, data, size);

  packed = tri_test_make_zip (member, data, size, mimetype, TRUE);
  return fuzz_extract (extract, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
}

gboolean
tri_fuzz_docx (const guint8 *data,
               gsize         size)
{
  return fuzz_office (tri_format_extract_docx, "word/document.xml", NULL, data, size);
}

gboolean
tri_fuzz_odt (const guint8 *data,
              gsize         size)
{
  return fuzz_office (tri_format_extract_odt, "content.xml", "application/vnd.oasis.opendocument.text",
                      data, size);
}

gboolean
tri_fuzz_pdf (const guint8 *data,
              gsize         size)
{
  return fuzz_extract (tri_format_extract_pdf, data, size);
}

/* tri-test-utils.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

#include "tri-test-utils.h"

/* A fresh temporary folder for one test; remove it with tri_test_rm_rf(). */
char *
tri_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("triptych-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Writes @data to @dir/@name and returns the path. */
char *
tri_test_write_file (const char *dir,
                     const char *name,
                     const void *data,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* @utf8 in @encoding, through iconv (independent of the ICU code under test). */
char *
tri_test_convert (const char *utf8,
                  const char *encoding,
                  gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  char *converted = g_convert (utf8, -1, encoding, "UTF-8", NULL, out_length, &error);

  g_assert_no_error (error);
  return converted;
}

void
tri_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        tri_test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
tri_test_dir_set_up (TriTestDir    *fixture,
                     gconstpointer  user_data)
{
  fixture->dir = tri_test_make_tmpdir ();
}

void
tri_test_dir_tear_down (TriTestDir    *fixture,
                        gconstpointer  user_data)
{
  tri_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/**
 * tri_test_wait_until:
 * @done: whether what the test waits for has happened
 * @data: for @done
 *
 * Runs the main loop until @done returns %TRUE, for at most thirty seconds
 * (the UI suites share two loaded cores in CI), then fails the test.
 */
void
tri_test_wait_until (gboolean (*done) (gpointer),
                     gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/**
 * tri_test_span_text:
 * @alignment: what was checked
 * @finding: one of its findings
 * @column: a column
 *
 * Returns: (nullable): the text of @finding's first span in @column
 */
char *
tri_test_span_text (TriAlignment     *alignment,
                    const TriFinding *finding,
                    guint             column)
{
  const char *text = tri_document_get_text (tri_alignment_get_document (alignment, column));
  GArray *spans = finding->spans[column];

  if (spans == NULL || spans->len < 2)
    return NULL;
  return g_strndup (text + g_array_index (spans, gsize, 0),
                    g_array_index (spans, gsize, 1) - g_array_index (spans, gsize, 0));
}

/**
 * tri_test_align3:
 * @en: the English version
 * @ru: the Russian one
 * @uk: the Ukrainian one
 *
 * Returns: (transfer full): the three, paragraphs split at blank lines,
 *   their sentences paired in order
 */
TriAlignment *
tri_test_align3 (const char *en,
                 const char *ru,
                 const char *uk)
{
  TriDocument *docs[3] = {
    tri_document_new (en, "en", TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new (ru, "ru", TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new (uk, "uk", TRI_PARAGRAPH_BLANK_LINES),
  };
  TriAlignment *alignment = tri_alignment_new (docs, 3);

  for (guint c = 0; c < 3; c++)
    g_object_unref (docs[c]);
  return alignment;
}

/**
 * tri_test_make_zip:
 * @member: the name of the one part
 * @data: its bytes
 * @length: their length
 * @mimetype: (nullable): a “mimetype” member to put first (ODT), or %NULL
 * @store: %TRUE to store the parts, %FALSE to deflate them
 *
 * Returns: (transfer full): a zip in memory holding @member with @data
 */
GBytes *
tri_test_make_zip (const char   *member,
                   const guint8 *data,
                   gsize         length,
                   const char   *mimetype,
                   gboolean      store)
{
  zip_error_t zerr;
  zip_source_t *buffer, *part;
  zip_t *zip;
  zip_stat_t st;
  zip_int64_t index;
  guint8 *bytes;

  zip_error_init (&zerr);
  buffer = zip_source_buffer_create (NULL, 0, 0, &zerr);
  g_assert_nonnull (buffer);
  zip_source_keep (buffer);
  zip = zip_open_from_source (buffer, ZIP_TRUNCATE, &zerr);
  g_assert_nonnull (zip);
  if (mimetype != NULL)
    {
      part = zip_source_buffer (zip, mimetype, strlen (mimetype), 0);
      index = zip_file_add (zip, "mimetype", part, 0);
      g_assert_cmpint (index, >=, 0);
      zip_set_file_compression (zip, (zip_uint64_t)index, ZIP_CM_STORE, 0);
    }
  part = zip_source_buffer (zip, length > 0 ? data : (const guint8 *)"", length, 0);
  index = zip_file_add (zip, member, part, 0);
  g_assert_cmpint (index, >=, 0);
  if (store)
    zip_set_file_compression (zip, (zip_uint64_t)index, ZIP_CM_STORE, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);

  zip_source_open (buffer);
  zip_source_stat (buffer, &st);
  bytes = g_malloc (st.size);
  g_assert_cmpint (zip_source_read (buffer, bytes, st.size), ==, (zip_int64_t)st.size);
  zip_source_close (buffer);
  zip_source_free (buffer);
  zip_error_fini (&zerr);

  return g_bytes_new_take (bytes, st.size);
}

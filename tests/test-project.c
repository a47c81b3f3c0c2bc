/* test-project.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tri-error.h"
#include "tri-project.h"
#include "tri-text-source.h"
#include "tri-test-utils.h"

static TriAlignment *
new_edited_alignment (void)
{
  TriDocument *docs[2];
  TriAlignment *alignment;

  docs[0] = tri_document_new ("Talks resumed in Geneva.\n\nBoth sides spoke. A draft was tabled. Nobody signed.", "en",
                              TRI_PARAGRAPH_BLANK_LINES);
  docs[1] = tri_document_new ("Перемовини відновилися в Женеві.\n\nВиступили обидві сторони. Представили проєкт. "
                              "Його обговорили. Ніхто не підписав.", "uk", TRI_PARAGRAPH_BLANK_LINES);
  alignment = tri_alignment_new (docs, 2);
  g_object_unref (docs[0]);
  g_object_unref (docs[1]);

  /* The user's work: a fix, a confirmation, a bookmark. */
  g_assert_true (tri_alignment_move_up (alignment, 3, 1));
  g_assert_true (tri_alignment_remove_empty_cell (alignment, 3, 1));
  g_assert_true (tri_alignment_confirm_through (alignment, 2));
  g_assert_true (tri_alignment_toggle_bookmark (alignment, 3));
  return alignment;
}

static void
test_round_trip (TriTestDir    *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TriAlignment) alignment = new_edited_alignment ();
  g_autoptr(TriAlignment) loaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint64 generation = tri_alignment_get_generation (alignment);

  /* "Ignore" in the spell checker: the project's own list, a change to
   * save. */
  g_assert_true (tri_alignment_ignore_word (alignment, "Грищенко"));
  g_assert_true (tri_alignment_ignore_word (alignment, "Sollberger"));
  g_assert_false (tri_alignment_ignore_word (alignment, "Sollberger"));
  g_assert_cmpuint (tri_alignment_get_generation (alignment), >, generation);

  g_assert_true (tri_project_save (alignment, file, NULL, &error));
  g_assert_no_error (error);

  loaded = tri_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  /* Saving what was loaded gives the same bytes: nothing lost. */
  first = tri_project_serialize (alignment);
  second = tri_project_serialize (loaded);
  g_assert_true (g_bytes_equal (first, second));

  g_assert_cmpuint (tri_alignment_get_n_confirmed (loaded), ==, 3);
  {
    g_autoptr(TriRow) joined = g_list_model_get_item (G_LIST_MODEL (loaded), 2);
    g_autoptr(TriRow) marked = g_list_model_get_item (G_LIST_MODEL (loaded), 3);

    /* The draft sentence joined its Ukrainian counterpart's second half. */
    g_assert_cmpuint (tri_row_get_count (joined, 1), ==, 2);
    g_assert_true (tri_row_get_bookmarked (marked));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, 4);
  }
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (loaded, 1)), ==, "uk");
  g_assert_true (tri_alignment_check (loaded, &error));
  g_assert_cmpuint (g_hash_table_size (tri_alignment_get_ignored_words (loaded)), ==, 2);
  g_assert_true (g_hash_table_contains (tri_alignment_get_ignored_words (loaded), "Грищенко"));
}

/* A broken project is an error naming the file, and the file stays as it was. */
static void
check_refused (TriTestDir  *fixture,
               const char  *contents,
               gint         code)
{
  g_autofree char *path = tri_test_write_file (fixture->dir, "broken.triptych", contents, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) loaded = tri_project_load (file, NULL, &error);
  g_autofree char *after = NULL;

  g_assert_null (loaded);
  g_assert_error (error, TRI_IO_ERROR, code);
  g_assert_nonnull (strstr (error->message, "broken.triptych"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

static void
test_refused (TriTestDir    *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TriAlignment) alignment = new_edited_alignment ();
  g_autoptr(GBytes) bytes = tri_project_serialize (alignment);
  g_autofree char *good = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *truncated = g_strndup (good, strlen (good) / 2);
  g_autofree char *newer = NULL;
  g_autofree char *bad_span = NULL;
  g_autofree char *bad_rows = NULL;
  g_autofree char *no_text = NULL;
  GRegex *regex;

  check_refused (fixture, truncated, TRI_IO_ERROR_CORRUPT);
  check_refused (fixture, "", TRI_IO_ERROR_CORRUPT);
  check_refused (fixture, "[1, 2, 3]", TRI_IO_ERROR_CORRUPT);
  check_refused (fixture, "{\"format\": \"something-else\", \"version\": 1}", TRI_IO_ERROR_CORRUPT);
  check_refused (fixture, "\x89PNG\r\n\x1a\n", TRI_IO_ERROR_CORRUPT);

  regex = g_regex_new ("\"version\"\\s*:\\s*1", 0, 0, NULL);
  newer = g_regex_replace_literal (regex, good, -1, 0, "\"version\":7", 0, NULL);
  g_regex_unref (regex);
  g_assert_cmpstr (newer, !=, good);
  check_refused (fixture, newer, TRI_IO_ERROR_NEWER_VERSION);

  /* A sentence that lies outside its text. */
  regex = g_regex_new ("\\[\\s*0,\\s*24,\\s*0\\s*\\]", 0, 0, NULL);
  bad_span = g_regex_replace_literal (regex, good, -1, 0, "[0, 9999, 0]", 0, NULL);
  g_regex_unref (regex);
  g_assert_cmpstr (bad_span, !=, good);
  check_refused (fixture, bad_span, TRI_IO_ERROR_CORRUPT);

  /* Rows that leave a sentence out: the Ukrainian cell of row 2 loses one. */
  regex = g_regex_new ("\\[\\s*2,\\s*2\\s*\\]", 0, 0, NULL);
  bad_rows = g_regex_replace_literal (regex, good, -1, 0, "[2,1]", 0, NULL);
  g_regex_unref (regex);
  g_assert_cmpstr (bad_rows, !=, good);
  check_refused (fixture, bad_rows, TRI_IO_ERROR_CORRUPT);

  regex = g_regex_new ("\"text\"", 0, 0, NULL);
  no_text = g_regex_replace_literal (regex, good, -1, 0, "\"texte\"", 0, NULL);
  g_regex_unref (regex);
  check_refused (fixture, no_text, TRI_IO_ERROR_CORRUPT);
}

static void
test_save_failure_keeps_file (TriTestDir    *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(TriAlignment) alignment = new_edited_alignment ();
  g_autofree char *path = g_build_filename (fixture->dir, "missing-folder", "report.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (tri_project_save (alignment, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "report.triptych"));
  /* Named as the user named it, not as the file written first. */
  g_assert_null (strstr (error->message, "~"));
}

/* A new file appears whole or not at all: it is written under another
 * name beside it, then renamed; nothing else is left in the folder. */
static void
test_save_new_file (TriTestDir    *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(TriAlignment) alignment = new_edited_alignment ();
  g_autofree char *path = g_build_filename (fixture->dir, "new.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  g_assert_true (tri_project_save (alignment, file, NULL, &error));
  g_assert_no_error (error);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "new.triptych");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* The folder holds @name and nothing else (no temporary file left). */
static void
assert_only_file (const char *dir_path,
                  const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *found;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((found = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (found, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* A disk that fills up while the project is written: the save fails, the
 * old project is still there byte for byte, and the temporary file is
 * gone. The disk is made to fill by the file size limit (RLIMIT_FSIZE):
 * write(2) then fails part way with EFBIG, as it fails with ENOSPC on a
 * full disk, for any user and on any file system. (GLib's replace renamed
 * the half-written file over the old one: 0 bytes on a full tmpfs.) */
static void
test_save_full_disk (TriTestDir    *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TriAlignment) alignment = new_edited_alignment ();
  g_autofree char *path = g_build_filename (fixture->dir, "report.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) bigger = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  struct rlimit saved, limit;
  gboolean saved_ok;

  /* The project on disk, then the user's work grows it past what fits. */
  g_assert_true (tri_project_save (alignment, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (bigger, "Sollberger%u", i);
  tri_alignment_ignore_word (alignment, bigger->str);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = before_length + 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  saved_ok = tri_project_save (alignment, file, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (saved_ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "report.triptych"));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
  assert_only_file (fixture->dir, "report.triptych");
}

/* A folder Triptych may not create files in, holding a file it may write:
 * the save is refused, never written in place (where a full disk would
 * leave half a project). Root may write anywhere, so as root the test runs
 * as nobody, in a subprocess. */
static void
test_save_read_only_folder (TriTestDir    *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TriAlignment) alignment = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  gboolean saved_ok;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (fixture->dir, 65534, 65534), ==, 0);
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  g_assert_cmpint (geteuid (), !=, 0);

  alignment = new_edited_alignment ();
  path = g_build_filename (fixture->dir, "report.triptych", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (tri_project_save (alignment, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  g_assert_true (tri_alignment_ignore_word (alignment, "Sollberger"));

  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  saved_ok = tri_project_save (alignment, file, NULL, &error);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);

  g_assert_false (saved_ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "report.triptych"));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
  assert_only_file (fixture->dir, "report.triptych");
}

/* Only regular files are read: a FIFO without a writer would block for
 * ever, /dev/zero never ends. */
static void
test_special_files (TriTestDir    *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.triptych", NULL);
  const char *paths[] = { fifo, "/dev/zero", fixture->dir };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(TriAlignment) loaded = tri_project_load (file, NULL, &error);
      g_autoptr(TriDecodedText) text = NULL;

      g_test_message ("%s", paths[i]);
      g_assert_null (loaded);
      g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ);
      g_clear_error (&error);
      text = tri_text_source_load_file (file, NULL, NULL, &error);
      g_assert_null (text);
      g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ);
    }
}

/* A project reached through a symbolic link: saved through it, the link
 * kept. */
static void
test_save_through_link (TriTestDir    *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TriAlignment) alignment = new_edited_alignment ();
  g_autofree char *real = g_build_filename (fixture->dir, "real.triptych", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = tri_project_serialize (alignment);
  g_autofree char *saved = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (real, "{}", -1, NULL));
  g_assert_cmpint (symlink ("real.triptych", link), ==, 0);
  g_assert_true (tri_project_save (alignment, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (real, &saved, &length, NULL));
  g_assert_cmpmem (saved, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The autosave copies the project on the main thread and writes the JSON
 * in another: the copy is the project as it was when taken, whatever the
 * user does meanwhile, and gives the same file as saving it then. */
static void
test_snapshot (void)
{
  g_autoptr(TriAlignment) alignment = new_edited_alignment ();
  g_autoptr(TriProjectSnapshot) snapshot = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (tri_alignment_ignore_word (alignment, "Sollberger"));
  before = tri_project_serialize (alignment);
  snapshot = tri_project_snapshot_new (alignment);

  /* The user goes on: a sentence fixed, a row merged, a word ignored. */
  g_assert_true (tri_alignment_edit_sentence (alignment, 0, 1, "Both sides spoke at length."));
  g_assert_true (tri_alignment_merge_next (alignment, 0));
  g_assert_true (tri_alignment_ignore_word (alignment, "Грищенко"));

  written = tri_project_snapshot_serialize (snapshot);
  g_assert_true (g_bytes_equal (written, before));
  after = tri_project_serialize (alignment);
  g_assert_false (g_bytes_equal (after, before));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), (gssize)g_bytes_get_size (after), "at length"));
}

/* An empty GBytes has no data at all (NULL): an error, not a crash. */
static void
test_empty_bytes (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) loaded = tri_project_deserialize (bytes, "empty.triptych", &error);

  g_assert_null (loaded);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "empty.triptych"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/project/round-trip", TriTestDir, NULL, tri_test_dir_set_up, test_round_trip, tri_test_dir_tear_down);
  g_test_add ("/project/refused", TriTestDir, NULL, tri_test_dir_set_up, test_refused, tri_test_dir_tear_down);
  g_test_add ("/project/save-new-file", TriTestDir, NULL, tri_test_dir_set_up, test_save_new_file,
              tri_test_dir_tear_down);
  g_test_add ("/project/save-failure", TriTestDir, NULL, tri_test_dir_set_up, test_save_failure_keeps_file,
              tri_test_dir_tear_down);

  g_test_add ("/project/save-full-disk", TriTestDir, NULL, tri_test_dir_set_up, test_save_full_disk,
              tri_test_dir_tear_down);
  g_test_add ("/project/save-read-only-folder", TriTestDir, NULL, tri_test_dir_set_up, test_save_read_only_folder,
              tri_test_dir_tear_down);
  g_test_add ("/project/special-files", TriTestDir, NULL, tri_test_dir_set_up, test_special_files,
              tri_test_dir_tear_down);
  g_test_add ("/project/save-through-link", TriTestDir, NULL, tri_test_dir_set_up, test_save_through_link,
              tri_test_dir_tear_down);
  g_test_add_func ("/project/empty-bytes", test_empty_bytes);
  g_test_add_func ("/project/snapshot", test_snapshot);

  return g_test_run ();
}

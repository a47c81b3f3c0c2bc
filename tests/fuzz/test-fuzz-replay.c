/* test-fuzz-replay.c: every committed fuzz input through its target
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "tri-fuzz.h"

/* corpus/TARGET/NAME: the seeds written by hand and the regression inputs
 * (regression-*), one per defect found by hand or by fuzzing. An input
 * whose name ends in "-ok" must be read; "-refused" must be refused; any
 * other need only not crash, leak or break an invariant. */
static void
replay (gconstpointer user_data)
{
  const char *path = user_data;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *target_name = g_path_get_basename (dir);
  g_autofree char *name = g_path_get_basename (path);
  const TriFuzzTarget *target = tri_fuzz_get_target (target_name);
  g_autofree char *data = NULL;
  gsize size;
  gboolean read;

  g_assert_nonnull (target);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  read = target->entry ((const guint8 *)data, size);
  if (g_str_has_suffix (name, "-ok"))
    g_assert_true (read);
  else if (g_str_has_suffix (name, "-refused"))
    g_assert_false (read);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) corpus = NULL;
  const char *target;

  g_test_init (&argc, &argv, NULL);
  tri_fuzz_init ();
  g_assert_cmpint (argc, ==, 2);

  corpus = g_dir_open (argv[1], 0, NULL);
  g_assert_nonnull (corpus);
  while ((target = g_dir_read_name (corpus)) != NULL)
    {
      g_autofree char *dir_path = g_build_filename (argv[1], target, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_nonnull (dir);
      g_assert_nonnull (tri_fuzz_get_target (target));
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
          g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s", target, (char *)g_ptr_array_index (names, i));

          g_ptr_array_add (paths, path);
          g_test_add_data_func (test_path, path, replay);
        }
    }

  return g_test_run ();
}

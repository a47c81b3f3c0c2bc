/* tri-autosave.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-autosave"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tri-autosave.h"
#include "tri-error.h"
#include "tri-project.h"

/* Crash safety. A window with unsaved fixes writes them, as a project, to
 * $XDG_STATE_HOME/triptych/autosave/<random>.triptych, with the project it
 * belongs to (if any) in <random>.origin beside it. A clean close or a save
 * removes both; whatever is left at the next start is work a crash (or a
 * kill -9) interrupted, which the app offers to recover. */

/**
 * tri_autosave_get_dir:
 *
 * Returns: (transfer full): the folder of the autosaved projects
 */
char *
tri_autosave_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "triptych", "autosave", NULL);
}

/**
 * tri_autosave_file_new:
 *
 * Returns: (transfer full): a new, unused autosave file for one window
 */
GFile *
tri_autosave_file_new (void)
{
  g_autofree char *dir = tri_autosave_get_dir ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (uuid, ".triptych", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
origin_file (GFile *autosave)
{
  g_autofree char *path = g_file_get_path (autosave);
  g_autofree char *origin = NULL;

  if (path == NULL || !g_str_has_suffix (path, ".triptych"))
    return NULL;
  origin = g_strconcat (path, ".origin", NULL);
  return g_file_new_for_path (origin);
}

/**
 * tri_autosave_write_bytes:
 * @project_bytes: a project, as tri_project_serialize() gives it
 * @autosave: the window's autosave file
 * @project: (nullable): the project file it belongs to
 * @error: return location for a #GError
 *
 * Writes the bytes to @autosave, atomically. Blocking: for a worker
 * thread, on a snapshot serialised on the main thread.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_autosave_write_bytes (GBytes  *project_bytes,
                          GFile   *autosave,
                          GFile   *project,
                          GError **error)
{
  g_autofree char *dir = tri_autosave_get_dir ();
  g_autoptr(GFile) origin = origin_file (autosave);
  gsize length;
  const char *data = g_bytes_get_data (project_bytes, &length);

  g_return_val_if_fail (G_IS_FILE (autosave), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (origin != NULL)
    {
      if (project != NULL)
        {
          g_autofree char *uri = g_file_get_uri (project);

          if (!tri_file_replace_contents (origin, uri, strlen (uri), G_FILE_CREATE_PRIVATE, NULL, error))
            return FALSE;
        }
      else
        g_file_delete (origin, NULL, NULL);
    }

  return tri_file_replace_contents (autosave, data, length, G_FILE_CREATE_PRIVATE, NULL, error);
}

/**
 * tri_autosave_write:
 * @alignment: the unsaved work
 * @autosave: the window's autosave file
 * @project: (nullable): the project file it belongs to
 * @error: return location for a #GError
 *
 * Writes @alignment to @autosave, atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_autosave_write (TriAlignment  *alignment,
                    GFile         *autosave,
                    GFile         *project,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), FALSE);

  bytes = tri_project_serialize (alignment);
  return tri_autosave_write_bytes (bytes, autosave, project, error);
}

/**
 * tri_autosave_list:
 *
 * Returns: (transfer full) (element-type GFile): the autosaved projects left
 *   by sessions that did not end cleanly, oldest first
 */
GPtrArray *
tri_autosave_list (void)
{
  g_autofree char *dir = tri_autosave_get_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  if (d == NULL)
    return files;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".triptych"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_ptr_array_add (files, g_file_new_for_path (path));
      }

  return files;
}

/**
 * tri_autosave_get_project:
 * @autosave: an autosaved project
 *
 * Returns: (transfer full) (nullable): the project file it belongs to
 */
GFile *
tri_autosave_get_project (GFile *autosave)
{
  g_autoptr(GFile) origin = origin_file (autosave);
  g_autofree char *uri = NULL;

  if (origin == NULL || !g_file_load_contents (origin, NULL, &uri, NULL, NULL, NULL))
    return NULL;
  return g_file_new_for_uri (uri);
}

/**
 * tri_autosave_remove:
 * @autosave: an autosave file
 *
 * Removes it and its note of the project, once the work is saved or given up.
 */
void
tri_autosave_remove (GFile *autosave)
{
  g_autoptr(GFile) origin = origin_file (autosave);

  g_file_delete (autosave, NULL, NULL);
  if (origin != NULL)
    g_file_delete (origin, NULL, NULL);
}

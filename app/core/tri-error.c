/* tri-error.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-error"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-error.h"

G_DEFINE_QUARK (tri-io-error-quark, tri_io_error)

/* GLib writes a file that does not exist yet in place, where a crash
 * leaves it half written: a new file is written beside it under a
 * temporary name and renamed over it (one atomic step). An existing file
 * is replaced by g_file_replace_contents(), which does the same and keeps
 * the file's permissions. */
static gboolean
replace_contents (GFile            *file,
                  const char       *data,
                  gsize             length,
                  GFileCreateFlags  flags,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temporary_name = NULL;

  if (g_file_query_exists (file, cancellable) || (parent = g_file_get_parent (file)) == NULL)
    return g_file_replace_contents (file, data, length, NULL, FALSE, flags, NULL, cancellable, error);

  name = g_file_get_basename (file);
  temporary_name = g_strdup_printf (".%s.%08x~", name, g_random_int ());
  temporary = g_file_get_child (parent, temporary_name);
  if (g_file_replace_contents (temporary, data, length, NULL, FALSE, flags, NULL, cancellable, error) &&
      g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                   cancellable, NULL, NULL, error))
    return TRUE;

  /* The user knows the file by its own name. */
  g_file_delete (temporary, NULL, NULL);
  if (error != NULL && *error != NULL)
    {
      g_autofree char *shown = g_file_get_parse_name (temporary);
      g_autofree char *target = g_file_get_parse_name (file);
      g_autoptr(GString) message = g_string_new ((*error)->message);

      g_string_replace (message, shown, target, 0);
      g_free ((*error)->message);
      (*error)->message = g_string_free (g_steal_pointer (&message), FALSE);
    }
  return FALSE;
}

/**
 * tri_file_replace_contents:
 * @file: where to write
 * @data: what
 * @length: its length in bytes
 * @flags: %G_FILE_CREATE_PRIVATE for the user's eyes only, or
 *   %G_FILE_CREATE_NONE
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @data to @file atomically: the old content, or none, stays
 * whole until the new one is all written, even when the file is new.
 * The error names the file.
 *
 * Returns: whether @file was written
 */
gboolean
tri_file_replace_contents (GFile             *file,
                           const char        *data,
                           gsize              length,
                           GFileCreateFlags   flags,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!replace_contents (file, data, length, flags, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: the file's name, then what went wrong */
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot save “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * tri_set_read_error:
 * @error: return location for a #GError
 * @gio_error: what GIO said when reading failed
 * @name: the file's name, for the message
 *
 * Sets @error from a failed read: %TRI_IO_ERROR_NOT_FOUND for a missing
 * file, %G_IO_ERROR_CANCELLED kept as it is, %TRI_IO_ERROR_READ for the
 * rest, each message naming the file.
 */
void
tri_set_read_error (GError       **error,
                    const GError  *gio_error,
                    const char    *name)
{
  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_NOT_FOUND, _("“%s” does not exist"), name);
  else if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, gio_error->message);
  else
    g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ, _("Cannot read “%s”: %s"), name, gio_error->message);
}

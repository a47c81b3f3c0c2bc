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

/**
 * tri_file_replace_contents:
 * @file: where to write
 * @data: what to write
 * @length: its length in bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @data to @file atomically (g_file_replace_contents(): beside the
 * old file, then renamed over it), so a reader never sees half a file and
 * a failure leaves the old one as it was. The error keeps GIO's domain and
 * code (%G_IO_ERROR_CANCELLED stays one) and its message names the file.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_file_replace_contents (GFile         *file,
                           const char    *data,
                           gsize          length,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &local_error))
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

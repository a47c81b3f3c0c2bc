/* tri-error.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-error"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gfiledescriptorbased.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tri-error.h"

G_DEFINE_QUARK (tri-io-error-quark, tri_io_error)

/* The write: a new file beside the old one under a temporary name, all
 * written, flushed to the disk and closed before it is renamed over the
 * old one (one atomic step). Any failure — a full disk, a quota, a cut
 * connection — removes the temporary file and leaves the old one byte for
 * byte as it was. GLib's g_file_replace_contents() cannot be trusted with
 * that: a failed write still closes its stream, which renames the partial
 * temporary file over the original (GLib 2.74), and in a folder it may not
 * write to it truncates the file and writes in place. A folder Triptych
 * cannot create a file in is refused, never written in place. An existing
 * file keeps its permissions. */
static gboolean
write_all (GOutputStream  *stream,
           const char     *data,
           gsize           length,
           GCancellable   *cancellable,
           GError        **error)
{
  if (!g_output_stream_write_all (stream, data, length, NULL, cancellable, error) ||
      !g_output_stream_flush (stream, cancellable, error))
    return FALSE;
  if (G_IS_FILE_DESCRIPTOR_BASED (stream) &&
      fsync (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream))) != 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* A symbolic link is written through: the file it points to is replaced,
 * the link kept (as GLib's replace did). Links to links are followed a few
 * times. */
static GFile *
resolve_links (GFile        *file,
               GCancellable *cancellable)
{
  GFile *target = g_object_ref (file);

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (target,
                                                     G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                                     G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
      g_autoptr(GFile) parent = NULL;
      GFile *next;

      if (info == NULL || !g_file_info_get_is_symlink (info) || g_file_info_get_symlink_target (info) == NULL ||
          (parent = g_file_get_parent (target)) == NULL)
        break;
      next = g_file_resolve_relative_path (parent, g_file_info_get_symlink_target (info));
      g_object_unref (target);
      target = next;
    }
  return target;
}

static gboolean
replace_contents (GFile            *link,
                  const char       *data,
                  gsize             length,
                  GFileCreateFlags  flags,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(GFile) file = resolve_links (link, cancellable);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *temporary_name = NULL;
  gboolean ok;

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, g_strerror (EISDIR));
      return FALSE;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is not a regular file"));
      return FALSE;
    }

  temporary_name = g_strdup_printf (".%s.%08x~", name, g_random_int ());
  temporary = g_file_get_child (parent, temporary_name);
  stream = g_file_create (temporary, flags, cancellable, error);
  ok = stream != NULL && write_all (G_OUTPUT_STREAM (stream), data, length, cancellable, error);
  if (stream != NULL && !ok)
    g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);   /* the first error kept */
  else if (ok)
    ok = g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  if (ok && info != NULL && (flags & G_FILE_CREATE_PRIVATE) == 0 &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    g_file_set_attribute_uint32 (temporary, G_FILE_ATTRIBUTE_UNIX_MODE,
                                 g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777,
                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  if (ok)
    ok = g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      cancellable, NULL, NULL, error);
  if (ok)
    return TRUE;

  g_file_delete (temporary, NULL, NULL);
  /* The user knows the file by its own name. */
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

/**
 * tri_file_open_regular:
 * @file: a file to read
 * @name: its name, for messages
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Opens a regular file for reading. A folder, a device (/dev/zero never
 * ends), a FIFO (which would wait for a writer forever) or a socket is
 * refused; a local file is opened without waiting and checked as opened,
 * so it cannot be swapped between the check and the read.
 *
 * Returns: (transfer full) (nullable): the stream
 */
GInputStream *
tri_file_open_regular (GFile         *file,
                       const char    *name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GFileInputStream *stream;
  gboolean regular;

  if (path != NULL)
    {
      struct stat st;
      int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
      int saved = errno;

      if (fd < 0)
        {
          g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          tri_set_read_error (error, local_error, name);
          return NULL;
        }
      if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
        {
          gboolean folder = S_ISDIR (st.st_mode);

          close (fd);
          if (folder)
            g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ, _("“%s” is a folder, not a file"), name);
          else
            g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                         _("“%s” is not a regular file (a device, a pipe or a socket)"), name);
          return NULL;
        }
      fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
      return g_unix_input_stream_new (fd, TRUE);
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      tri_set_read_error (error, local_error, name);
      return NULL;
    }
  regular = g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR;
  if (!regular)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                   g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                     ? _("“%s” is a folder, not a file")
                     : _("“%s” is not a regular file (a device, a pipe or a socket)"), name);
      return NULL;
    }
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    tri_set_read_error (error, local_error, name);
  return G_INPUT_STREAM (stream);
}

/**
 * tri_file_load_bytes:
 * @file: a file to read
 * @name: its name, for messages
 * @max_size: the most bytes read; a longer file is refused
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Reads a regular file whole (see tri_file_open_regular()), at most
 * @max_size bytes whatever its size says.
 *
 * Returns: (transfer full) (nullable): its bytes
 */
GBytes *
tri_file_load_bytes (GFile         *file,
                     const char    *name,
                     gsize          max_size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GInputStream) stream = tri_file_open_regular (file, name, cancellable, error);
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GError) local_error = NULL;

  if (stream == NULL)
    return NULL;

  data = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, &local_error);

      if (n < 0)
        {
          tri_set_read_error (error, local_error, name);
          return NULL;
        }
      if (n == 0)
        break;
      if ((gsize)n > max_size - data->len)
        {
          g_autofree char *limit = g_format_size (max_size);

          g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE,
                       _("“%s” is too large to open (the limit is %s)"), name, limit);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint)n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

typedef struct
{
  GBytes           *bytes;
  char             *etag;
  GFileCreateFlags  flags;
} ReplaceBytes;

static void
replace_bytes_free (ReplaceBytes *replace)
{
  g_bytes_unref (replace->bytes);
  g_free (replace->etag);
  g_free (replace);
}

/* The file's etag now, or %NULL when it has none (it does not exist). */
static char *
query_etag (GFile        *file,
            GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
replace_bytes_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  ReplaceBytes *replace = task_data;
  GFile *file = G_FILE (source_object);
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (replace->bytes, &length);

  if (replace->etag != NULL)
    {
      g_autofree char *now = query_etag (file, cancellable);

      if (now != NULL && !g_str_equal (now, replace->etag))
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                                   _("“%s” was changed by another program"), name);
          return;
        }
    }

  if (tri_file_replace_contents (file, data != NULL ? data : "", length, replace->flags,
                                 cancellable, &error))
    g_task_return_pointer (task, query_etag (file, cancellable), g_free);
  else
    g_task_return_error (task, error);
}

/**
 * tri_file_replace_bytes_async:
 * @file: where to write
 * @bytes: what
 * @etag: (nullable): the etag @file had when it was read, or %NULL to
 *   replace it whatever it is now
 * @flags: as for tri_file_replace_contents()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * tri_file_replace_contents() in a thread. When @etag is given and the
 * file was changed since (another program wrote it), nothing is written
 * and the error is %G_IO_ERROR_WRONG_ETAG.
 */
void
tri_file_replace_bytes_async (GFile               *file,
                              GBytes              *bytes,
                              const char          *etag,
                              GFileCreateFlags     flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (file, cancellable, callback, user_data);
  ReplaceBytes *replace = g_new0 (ReplaceBytes, 1);

  replace->bytes = g_bytes_ref (bytes);
  replace->etag = g_strdup (etag);
  replace->flags = flags;
  g_task_set_source_tag (task, tri_file_replace_bytes_async);
  g_task_set_task_data (task, replace, (GDestroyNotify)replace_bytes_free);
  g_task_run_in_thread (task, replace_bytes_thread);
}

/**
 * tri_file_replace_bytes_finish:
 * @file: the file written
 * @result: the result
 * @new_etag: (out) (optional) (transfer full): the file's etag once written
 * @error: return location for a #GError, whose message names the file
 *
 * Returns: whether the file was written
 */
gboolean
tri_file_replace_bytes_finish (GFile         *file,
                               GAsyncResult  *result,
                               char         **new_etag,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *etag;

  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  etag = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (new_etag != NULL)
    *new_etag = etag;
  else
    g_free (etag);
  return TRUE;
}

/* tri-error.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRI_IO_ERROR (tri_io_error_quark ())

/**
 * TriIoError:
 * @TRI_IO_ERROR_NOT_FOUND: the file does not exist
 * @TRI_IO_ERROR_READ: the file could not be read
 * @TRI_IO_ERROR_BINARY: the file is not text (an image, an archive, a program …)
 * @TRI_IO_ERROR_ENCODING: the bytes are not valid in the (given or detected) encoding
 * @TRI_IO_ERROR_UNKNOWN_ENCODING: the encoding named by the user is not known
 * @TRI_IO_ERROR_TOO_LARGE: the file is larger than Triptych opens
 * @TRI_IO_ERROR_CORRUPT: a project file is damaged or truncated
 * @TRI_IO_ERROR_NEWER_VERSION: a project file was written by a newer Triptych
 * @TRI_IO_ERROR_UNSAFE: an XML file declares entities or refers to them, which
 *   Triptych refuses to read (external entities, entity expansion bombs)
 * @TRI_IO_ERROR_INVALID_OPTION: an export or import option does not fit the
 *   alignment or the file (a language it does not hold, too many languages)
 *
 * Errors met while reading a report.
 */
typedef enum
{
  TRI_IO_ERROR_NOT_FOUND,
  TRI_IO_ERROR_READ,
  TRI_IO_ERROR_BINARY,
  TRI_IO_ERROR_ENCODING,
  TRI_IO_ERROR_UNKNOWN_ENCODING,
  TRI_IO_ERROR_TOO_LARGE,
  TRI_IO_ERROR_CORRUPT,
  TRI_IO_ERROR_NEWER_VERSION,
  TRI_IO_ERROR_UNSAFE,
  TRI_IO_ERROR_INVALID_OPTION,
} TriIoError;

GQuark   tri_io_error_quark        (void);
gboolean tri_file_replace_contents (GFile         *file,
                                    const char    *data,
                                    gsize          length,
                                    GFileCreateFlags flags,
                                    GCancellable  *cancellable,
                                    GError       **error);
/* The most a project or an imported file may hold. */
#define TRI_FILE_MAX_SIZE ((gsize) 512 * 1024 * 1024)

GInputStream *tri_file_open_regular (GFile         *file,
                                     const char    *name,
                                     GCancellable  *cancellable,
                                     GError       **error);
GBytes  *tri_file_load_bytes       (GFile         *file,
                                    const char    *name,
                                    gsize          max_size,
                                    GCancellable  *cancellable,
                                    GError       **error);
void     tri_file_replace_bytes_async  (GFile               *file,
                                        GBytes              *bytes,
                                        const char          *etag,
                                        GFileCreateFlags     flags,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean tri_file_replace_bytes_finish (GFile               *file,
                                        GAsyncResult        *result,
                                        char               **new_etag,
                                        GError             **error);
void     tri_set_read_error        (GError       **error,
                                    const GError  *gio_error,
                                    const char    *name);

G_END_DECLS

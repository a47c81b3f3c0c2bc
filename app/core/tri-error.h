/* tri-error.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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
} TriIoError;

GQuark tri_io_error_quark (void);

G_END_DECLS

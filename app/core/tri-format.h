/* tri-format.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-text-source.h"

G_BEGIN_DECLS

/**
 * TriFormat:
 * @TRI_FORMAT_TEXT: plain text
 * @TRI_FORMAT_HTML: a web page (HTML or XHTML)
 * @TRI_FORMAT_DOCX: a Word document (Office Open XML WordprocessingML)
 * @TRI_FORMAT_ODT: an OpenDocument text (LibreOffice Writer)
 * @TRI_FORMAT_PDF: a PDF document with a text layer
 *
 * The kinds of document a report is read from.
 */
typedef enum
{
  TRI_FORMAT_TEXT,
  TRI_FORMAT_HTML,
  TRI_FORMAT_DOCX,
  TRI_FORMAT_ODT,
  TRI_FORMAT_PDF,
} TriFormat;

/* A PDF larger than this is refused before poppler reads it. */
#define TRI_FORMAT_PDF_MAX_SIZE ((gsize) 100 * 1024 * 1024)
/* The most a DOCX or ODT part may unpack to, and the ratio to its packed
 * size above which a part larger than a megabyte is taken for a zip bomb. */
#define TRI_FORMAT_ZIP_MAX_PART ((gsize) 256 * 1024 * 1024)
#define TRI_FORMAT_ZIP_MAX_RATIO 200

TriFormat       tri_format_detect            (const guint8  *data,
                                              gsize          length,
                                              const char    *name);
const char     *tri_format_get_id            (TriFormat      format);
gboolean        tri_format_from_id           (const char    *id,
                                              TriFormat     *format);
const char     *tri_format_get_label         (TriFormat      format);
const char * const *tri_format_get_mime_types (void);
const char * const *tri_format_get_patterns  (void);

/* One entry point per format, for the readers and for fuzzing: the bytes
 * of a file and its name (for messages) in, UTF-8 text out whose
 * paragraphs (headings, list items, table cells …) are separated by blank
 * lines, with a line break inside a paragraph where the document has one. */
char           *tri_format_extract_html      (const guint8  *data,
                                              gsize          length,
                                              const char    *name,
                                              GError       **error);
char           *tri_format_extract_docx      (const guint8  *data,
                                              gsize          length,
                                              const char    *name,
                                              GError       **error);
char           *tri_format_extract_odt       (const guint8  *data,
                                              gsize          length,
                                              const char    *name,
                                              GError       **error);
char           *tri_format_extract_pdf       (const guint8  *data,
                                              gsize          length,
                                              const char    *name,
                                              GError       **error);

/* The web page reader with its options: @encoding forces one (else the
 * BOM, <meta> or detection tells), @encoding_used and @language (the
 * page's lang) are returned when not %NULL. */
char           *tri_format_html_extract      (const guint8  *data,
                                              gsize          length,
                                              const char    *name,
                                              const char    *encoding,
                                              char         **encoding_used,
                                              char         **language,
                                              GError       **error);

TriDecodedText *tri_format_decode            (const guint8  *data,
                                              gsize          length,
                                              const char    *name,
                                              const char    *encoding,
                                              TriFormat     *format,
                                              GError       **error);

G_END_DECLS

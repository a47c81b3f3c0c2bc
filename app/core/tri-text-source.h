/* tri-text-source.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A report larger than this is refused before it is read. */
#define TRI_TEXT_SOURCE_MAX_SIZE ((goffset) 256 * 1024 * 1024)

/**
 * TriRemovedChar:
 * @offset: byte offset in the decoded text at which the character stood
 * @ch: the character that was removed
 *
 * A zero-width character taken out of the text on import. Keeping them lets
 * any offset in the decoded text be mapped back to the original.
 */
typedef struct
{
  gsize    offset;
  gunichar ch;
} TriRemovedChar;

/**
 * TriDecodedText:
 * @text: the text as UTF-8, NFC, with LF line ends and without zero-width characters
 * @length: length of @text in bytes
 * @encoding: the encoding the bytes were read in (a name ICU and iconv know)
 * @detected: %TRUE when @encoding was detected rather than given
 * @had_bom: the bytes started with a byte-order mark
 * @removed: (element-type TriRemovedChar): the zero-width characters taken out
 * @format: the #TriFormat the text was read from (tri-format.h)
 * @language: (nullable): the language the document says it is in (a web
 *   page's lang attribute), a hint for tri_language_guess_with_hint()
 */
typedef struct
{
  char     *text;
  gsize     length;
  char     *encoding;
  gboolean  detected;
  gboolean  had_bom;
  GArray   *removed;
  guint     format;
  char     *language;
} TriDecodedText;

TriDecodedText *tri_text_source_decode          (const guint8    *data,
                                                 gsize            length,
                                                 const char      *display_name,
                                                 const char      *encoding,
                                                 GError         **error);
TriDecodedText *tri_text_source_load_file       (GFile           *file,
                                                 const char      *encoding,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
const char     *tri_text_source_detect_encoding (const guint8    *data,
                                                 gsize            length);
gboolean        tri_text_source_encoding_is_known (const char    *encoding);
void            tri_decoded_text_free           (TriDecodedText  *decoded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriDecodedText, tri_decoded_text_free)

G_END_DECLS

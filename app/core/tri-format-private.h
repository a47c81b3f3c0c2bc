/* tri-format-private.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Collects the text of a document as paragraphs separated by blank lines:
 * white space inside is folded to one space, breaks asked for between
 * pieces of text are written only once text follows them. */
typedef struct
{
  GString  *out;
  gboolean  space;     /* white space seen since the last text */
  int       pending;   /* 0: none, 1: a line break, 2: a paragraph break */
  gboolean  preserve;  /* inside preformatted text: keep white space */
} TriTextBuilder;

void   tri_text_builder_init      (TriTextBuilder *builder);
void   tri_text_builder_text      (TriTextBuilder *builder,
                                   const char     *text,
                                   gssize          length);
void   tri_text_builder_line      (TriTextBuilder *builder);
void   tri_text_builder_paragraph (TriTextBuilder *builder);
char  *tri_text_builder_finish    (TriTextBuilder *builder);

gboolean tri_format_contains        (const guint8 *data,
                                     gsize         length,
                                     const char   *needle);
gboolean tri_format_refuse_entities (const guint8 *data,
                                     gsize         length,
                                     const char   *name,
                                     gboolean     *seen_root,
                                     GError      **error);

G_END_DECLS

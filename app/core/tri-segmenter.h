/* tri-segmenter.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TriSpan:
 * @start: byte offset of the first byte
 * @end: byte offset just past the last byte
 *
 * A range of bytes in a UTF-8 text.
 */
typedef struct
{
  gsize start;
  gsize end;
} TriSpan;

/**
 * TriSentence:
 * @start: byte offset of the sentence's first byte in the text
 * @end: byte offset just past its last byte (trailing white space excluded)
 * @paragraph: index of the paragraph it belongs to
 */
typedef struct
{
  gsize start;
  gsize end;
  guint paragraph;
} TriSentence;

#define TRI_TYPE_SEGMENTER (tri_segmenter_get_type ())

G_DECLARE_FINAL_TYPE (TriSegmenter, tri_segmenter, TRI, SEGMENTER, GObject)

TriSegmenter *tri_segmenter_new                (const char    *language);
TriSegmenter *tri_segmenter_new_with_rules     (const char    *language,
                                                const char    *rules);
TriSegmenter *tri_segmenter_get_for_language   (const char    *language);
const char   *tri_segmenter_get_language       (TriSegmenter  *self);
gboolean      tri_segmenter_is_abbreviation    (TriSegmenter  *self,
                                                const char    *token);
guint         tri_segmenter_get_n_rules        (TriSegmenter  *self);
GArray       *tri_segmenter_split              (TriSegmenter  *self,
                                                const char    *text,
                                                const TriSpan *paragraphs,
                                                guint          n_paragraphs);
GArray       *tri_segmenter_split_text         (TriSegmenter  *self,
                                                const char    *text);

char         *tri_segmenter_user_rules_path    (const char    *language);
gunichar2    *tri_segmenter_paragraph_to_utf16 (const char    *text,
                                                TriSpan        span,
                                                gsize        **offsets,
                                                gint32        *length,
                                                GArray        *line_starts);

G_END_DECLS

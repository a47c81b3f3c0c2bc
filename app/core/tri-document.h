/* tri-document.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-format.h"
#include "tri-segmenter.h"

G_BEGIN_DECLS

/**
 * TriParagraphMode:
 * @TRI_PARAGRAPH_BLANK_LINES: paragraphs are separated by blank lines; a
 *   single line break inside one is hard wrapping
 * @TRI_PARAGRAPH_LINES: every line is a paragraph, as in many exported documents
 * @TRI_PARAGRAPH_PRESEGMENTED: the text is already split: every non-empty
 *   line is one sentence, and blank lines separate paragraphs
 */
typedef enum
{
  TRI_PARAGRAPH_BLANK_LINES,
  TRI_PARAGRAPH_LINES,
  TRI_PARAGRAPH_PRESEGMENTED,
} TriParagraphMode;

#define TRI_TYPE_DOCUMENT (tri_document_get_type ())

G_DECLARE_FINAL_TYPE (TriDocument, tri_document, TRI, DOCUMENT, GObject)

/**
 * TriLoadStage:
 * @TRI_LOAD_READING: reading and decoding the file
 * @TRI_LOAD_SPLITTING: splitting the text into sentences
 * @TRI_LOAD_DONE: finished (read or failed)
 *
 * How far tri_document_load_async() got.
 */
typedef enum
{
  TRI_LOAD_READING,
  TRI_LOAD_SPLITTING,
  TRI_LOAD_DONE,
} TriLoadStage;

TriDocument       *tri_document_new               (const char           *text,
                                                   const char           *language,
                                                   TriParagraphMode      mode);
TriDocument       *tri_document_load              (GFile                *file,
                                                   const char           *encoding,
                                                   const char           *language,
                                                   TriParagraphMode      mode,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void               tri_document_load_async        (GFile                *file,
                                                   const char           *encoding,
                                                   const char           *language,
                                                   TriParagraphMode      mode,
                                                   int                  *stage,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
TriDocument       *tri_document_load_finish       (GAsyncResult         *result,
                                                   GError              **error);
TriDocument       *tri_document_new_sample        (const char           *language);
TriDocument       *tri_document_new_from_parts    (const char           *text,
                                                   const char           *language,
                                                   TriParagraphMode      mode,
                                                   const TriSentence    *sentences,
                                                   guint                 n_sentences,
                                                   GFile                *file,
                                                   const char           *encoding,
                                                   GError              **error);
const char * const *tri_document_get_sample_languages (void);

GFile             *tri_document_get_file          (TriDocument          *self);
const char        *tri_document_get_title         (TriDocument          *self);
void               tri_document_set_title         (TriDocument          *self,
                                                   const char           *title);
const char        *tri_document_get_text          (TriDocument          *self);
gsize              tri_document_get_length        (TriDocument          *self);
const char        *tri_document_get_encoding      (TriDocument          *self);
gboolean           tri_document_get_encoding_detected (TriDocument      *self);
gboolean           tri_document_get_language_guessed (TriDocument       *self);
const char        *tri_document_get_language      (TriDocument          *self);
void               tri_document_set_language      (TriDocument          *self,
                                                   const char           *language);
TriParagraphMode   tri_document_get_paragraph_mode (TriDocument         *self);
guint              tri_document_get_n_paragraphs  (TriDocument          *self);
const TriSpan     *tri_document_get_paragraph     (TriDocument          *self,
                                                   guint                 index);
guint              tri_document_get_n_sentences   (TriDocument          *self);
guint              tri_document_find_sentence     (TriDocument          *self,
                                                   gsize                 offset);
const TriSentence *tri_document_get_sentence      (TriDocument          *self,
                                                   guint                 index);
char              *tri_document_dup_sentence_text (TriDocument          *self,
                                                   guint                 index);
const GArray      *tri_document_get_removed_chars (TriDocument          *self);
TriFormat          tri_document_get_format        (TriDocument          *self);
void               tri_document_set_format        (TriDocument          *self,
                                                   TriFormat             format);

GArray            *tri_split_paragraphs           (const char           *text,
                                                   gsize                 length,
                                                   TriParagraphMode      mode);
char              *tri_fold_whitespace            (const char           *text,
                                                   gssize                length);
char              *tri_fold_whitespace_map        (const char           *text,
                                                   gssize                length,
                                                   GArray               *map);

G_END_DECLS

/* tri-aligner.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-dictionary.h"
#include "tri-document.h"

G_BEGIN_DECLS

#define TRI_ALIGN_MAX_LANGUAGES 3

/**
 * TriBead:
 * @first: per language, the index of the first sentence in the row
 * @count: per language, how many sentences the row has (0 for none)
 * @score: confidence in [0, 1]
 * @fixed: the row was fixed by the user and kept as it was
 * @bookmarked: the user bookmarked the row (kept by the alignment model;
 *   the aligner ignores it)
 *
 * A row of an alignment.
 */
typedef struct
{
  guint    first[TRI_ALIGN_MAX_LANGUAGES];
  guint    count[TRI_ALIGN_MAX_LANGUAGES];
  double   score;
  gboolean fixed;
  gboolean bookmarked;
} TriBead;

#define TRI_ALIGN_ERROR (tri_align_error_quark ())

typedef enum
{
  TRI_ALIGN_ERROR_INVALID,
  TRI_ALIGN_ERROR_SAME_LANGUAGE,
} TriAlignError;

GQuark tri_align_error_quark (void);

/**
 * TriAlignInput:
 *
 * What the aligner reads of one document: an immutable snapshot, safe to
 * hand to a worker thread.
 */
typedef struct _TriAlignInput TriAlignInput;

TriAlignInput *tri_align_input_new_from_document (TriDocument    *document);
TriAlignInput *tri_align_input_new               (const char     *language,
                                                  const char * const *sentences,
                                                  const guint    *paragraphs,
                                                  guint           n_sentences);
void           tri_align_input_fold              (TriAlignInput  *input);
void           tri_align_input_free              (TriAlignInput  *input);
guint          tri_align_input_get_n_sentences   (TriAlignInput  *input);
const char    *tri_align_input_get_language      (TriAlignInput  *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriAlignInput, tri_align_input_free)

typedef void (*TriAlignProgress) (double progress, gpointer user_data);

#define TRI_TYPE_ALIGNER (tri_aligner_get_type ())

G_DECLARE_FINAL_TYPE (TriAligner, tri_aligner, TRI, ALIGNER, GObject)

TriAligner *tri_aligner_new                  (void);
void        tri_aligner_set_user_dictionary  (TriAligner        *self,
                                              TriDictionary     *dictionary);
void        tri_aligner_set_system_dictionaries (TriAligner     *self,
                                              gboolean           use);
GThread    *tri_aligner_preload              (TriAligner        *self,
                                              const char * const *languages);
GArray     *tri_aligner_align                (TriAligner        *self,
                                              TriAlignInput    **inputs,
                                              guint              n_inputs,
                                              const GArray      *fixed,
                                              GCancellable      *cancellable,
                                              TriAlignProgress   progress,
                                              gpointer           progress_data,
                                              GError           **error);
void        tri_aligner_align_async          (TriAligner        *self,
                                              TriDocument      **documents,
                                              guint              n_documents,
                                              const GArray      *fixed,
                                              GCancellable      *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer           user_data);
GArray     *tri_aligner_align_finish         (TriAligner        *self,
                                              GAsyncResult      *result,
                                              GError           **error);
double      tri_aligner_get_progress         (TriAligner        *self);
void        tri_aligner_score_rows           (TriAligner        *self,
                                              TriAlignInput    **inputs,
                                              guint              n_inputs,
                                              GArray            *rows);

G_END_DECLS

/* tri-alignment.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-aligner.h"
#include "tri-document.h"

G_BEGIN_DECLS

#define TRI_MAX_COLUMNS TRI_ALIGN_MAX_LANGUAGES

#define TRI_TYPE_ROW (tri_row_get_type ())

G_DECLARE_FINAL_TYPE (TriRow, tri_row, TRI, ROW, GObject)

guint tri_row_get_first (TriRow *self,
                         guint   column);
guint    tri_row_get_count        (TriRow *self,
                                   guint   column);
double   tri_row_get_score        (TriRow *self);
gboolean tri_row_get_fixed        (TriRow *self);
gboolean tri_row_get_confirmed    (TriRow *self);
gboolean tri_row_get_bookmarked   (TriRow *self);
gboolean tri_row_get_needs_review (TriRow *self);

/* Rows with a lower confidence are marked for review. */
#define TRI_REVIEW_THRESHOLD 0.5

#define TRI_TYPE_ALIGNMENT (tri_alignment_get_type ())

G_DECLARE_FINAL_TYPE (TriAlignment, tri_alignment, TRI, ALIGNMENT, GObject)

TriAlignment *tri_alignment_new            (TriDocument  **documents,
                                            guint          n_documents);
TriAlignment *tri_alignment_new_with_rows  (TriDocument  **documents,
                                            guint          n_documents,
                                            const GArray  *rows);
void          tri_alignment_set_rows       (TriAlignment  *self,
                                            const GArray  *rows);
void          tri_alignment_restore        (TriAlignment  *self,
                                            const GArray  *rows,
                                            gboolean       aligned);
GArray       *tri_alignment_dup_rows       (TriAlignment  *self);
TriAlignment *tri_alignment_snapshot       (TriAlignment  *self);
void          tri_alignment_set_aligner    (TriAlignment  *self,
                                            TriAligner    *aligner);
gboolean      tri_alignment_get_aligned    (TriAlignment  *self);
guint         tri_alignment_get_n_review   (TriAlignment  *self);
guint         tri_alignment_get_n_columns  (TriAlignment  *self);
TriDocument  *tri_alignment_get_document   (TriAlignment  *self,
                                            guint          column);
char         *tri_alignment_dup_cell_text  (TriAlignment  *self,
                                            TriRow        *row,
                                            guint          column);
GStrv         tri_alignment_dup_row_texts  (TriAlignment  *self,
                                            TriRow        *row);

/* Editing: each call is one step of undo, and one items-changed. They
 * return FALSE, changing nothing, where the operation does not apply. */
gboolean      tri_alignment_merge_next      (TriAlignment *self,
                                             guint         row);
gboolean      tri_alignment_split_row       (TriAlignment *self,
                                             guint         row,
                                             guint         column,
                                             guint         at);
gboolean      tri_alignment_split_row_all   (TriAlignment *self,
                                             guint         row,
                                             const guint  *at);
gboolean      tri_alignment_move_up         (TriAlignment *self,
                                             guint         row,
                                             guint         column);
gboolean      tri_alignment_move_down       (TriAlignment *self,
                                             guint         row,
                                             guint         column);
gboolean      tri_alignment_insert_empty    (TriAlignment *self,
                                             guint         row,
                                             guint         column);
gboolean      tri_alignment_remove_empty_cell (TriAlignment *self,
                                             guint         row,
                                             guint         column);
gboolean      tri_alignment_delete_empty_row (TriAlignment *self,
                                             guint         row);
gboolean      tri_alignment_swap_up         (TriAlignment *self,
                                             guint         row,
                                             guint         column);
gboolean      tri_alignment_set_confirmed   (TriAlignment *self,
                                             guint         row,
                                             gboolean      confirmed);
gboolean      tri_alignment_confirm_through (TriAlignment *self,
                                             guint         row);
gboolean      tri_alignment_toggle_bookmark (TriAlignment *self,
                                             guint         row);
gboolean      tri_alignment_replace_rows    (TriAlignment *self,
                                             guint         position,
                                             guint         n_removed,
                                             const GArray *rows);
gboolean      tri_alignment_can_undo        (TriAlignment *self);
gboolean      tri_alignment_can_redo        (TriAlignment *self);
gboolean      tri_alignment_undo            (TriAlignment *self);
gboolean      tri_alignment_redo            (TriAlignment *self);
guint         tri_alignment_get_n_confirmed (TriAlignment *self);
guint64       tri_alignment_get_generation  (TriAlignment *self);
guint         tri_alignment_wrap_row        (guint         n_rows,
                                             guint         from,
                                             guint         step,
                                             int           direction);
gboolean      tri_alignment_edit_sentence   (TriAlignment *self,
                                             guint         column,
                                             guint         sentence,
                                             const char   *text);
gboolean      tri_alignment_join_sentences  (TriAlignment *self,
                                             guint         column,
                                             guint         sentence);
gboolean      tri_alignment_split_sentence  (TriAlignment *self,
                                             guint         column,
                                             guint         sentence,
                                             gsize         offset);
gboolean      tri_alignment_set_cell_sentences (TriAlignment       *self,
                                                guint               row,
                                                guint               column,
                                                const char * const *sentences);
/**
 * TriMatch:
 * @row: the row
 * @column: the column
 * @start: where the match starts, in bytes of the column's document
 * @end: where it ends
 *
 * A match of tri_alignment_find_all().
 */
typedef struct
{
  guint row;
  guint column;
  gsize start;
  gsize end;
} TriMatch;

GArray       *tri_alignment_find_all        (TriAlignment *self,
                                             const char   *pattern,
                                             gboolean      regex,
                                             gboolean      match_case,
                                             int           column,
                                             GError      **error);
gboolean      tri_alignment_find            (TriAlignment *self,
                                             const char   *pattern,
                                             gboolean      regex,
                                             gboolean      match_case,
                                             int           column,
                                             guint         from,
                                             int           direction,
                                             guint        *found,
                                             GError      **error);
gboolean      tri_alignment_replace         (TriAlignment *self,
                                             const char   *pattern,
                                             gboolean      regex,
                                             gboolean      match_case,
                                             int           column,
                                             guint         first_row,
                                             guint         n_rows,
                                             const char   *replacement,
                                             guint        *n_replaced,
                                             GError      **error);
GHashTable   *tri_alignment_get_ignored_words (TriAlignment *self);
gboolean      tri_alignment_ignore_word     (TriAlignment *self,
                                             const char   *word);
void          tri_alignment_set_ignored_words (TriAlignment       *self,
                                               const char * const *words);
GArray       *tri_alignment_map_spans       (TriAlignment *self,
                                             TriRow       *row,
                                             guint         column,
                                             GArray       *spans);
GHashTable   *tri_alignment_get_dismissed   (TriAlignment *self);
gboolean      tri_alignment_set_finding_dismissed (TriAlignment *self,
                                                   const char   *key,
                                                   gboolean      dismissed);
void          tri_alignment_set_dismissed   (TriAlignment       *self,
                                             const char * const *keys);
void          tri_alignment_begin_group     (TriAlignment *self);
void          tri_alignment_end_group       (TriAlignment *self);
gboolean      tri_alignment_check           (TriAlignment *self,
                                             GError      **error);

G_END_DECLS

/* tri-segment-editor.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-alignment.h"
#include "tri-spell-checker.h"
#include "tri-wording.h"

G_BEGIN_DECLS

#define TRI_TYPE_SEGMENT_EDITOR (tri_segment_editor_get_type ())

G_DECLARE_FINAL_TYPE (TriSegmentEditor, tri_segment_editor, TRI, SEGMENT_EDITOR, GtkWidget)

GtkWidget *tri_segment_editor_new           (void);
void       tri_segment_editor_set_alignment (TriSegmentEditor *self,
                                             TriAlignment     *alignment);
void       tri_segment_editor_set_row       (TriSegmentEditor *self,
                                             guint             row);
guint      tri_segment_editor_get_row       (TriSegmentEditor *self);
gboolean   tri_segment_editor_commit        (TriSegmentEditor *self);
void       tri_segment_editor_focus_column  (TriSegmentEditor *self,
                                             guint             column);
int        tri_segment_editor_get_focus_column (TriSegmentEditor *self);
GtkTextBuffer *tri_segment_editor_get_buffer (TriSegmentEditor *self,
                                              guint             column);
int        tri_segment_editor_get_cursor_sentence (TriSegmentEditor *self,
                                                   guint             column);
void       tri_segment_editor_set_spell_checker (TriSegmentEditor *self,
                                                 TriSpellChecker  *spell);
void       tri_segment_editor_update_spelling (TriSegmentEditor *self);
void       tri_segment_editor_set_highlights (TriSegmentEditor  *self,
                                              guint              row,
                                              GArray           **spans);
guint      tri_segment_editor_get_n_underlined (TriSegmentEditor *self,
                                                guint             column);
GMenuModel *tri_segment_editor_get_spell_menu (TriSegmentEditor *self);
const char *tri_segment_editor_pick_word (TriSegmentEditor *self,
                                          guint             column,
                                          int               offset);
void       tri_segment_editor_set_wording (TriSegmentEditor *self,
                                           TriWording       *wording);
void       tri_segment_editor_set_compare_wording (TriSegmentEditor *self,
                                                   gboolean          compare);
gboolean   tri_segment_editor_has_word_mark (TriSegmentEditor *self,
                                             guint             column,
                                             int               offset,
                                             int               mark);

G_END_DECLS

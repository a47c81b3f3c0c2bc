/* tri-segment-cell.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-cell-text.h"
#include "tri-spell.h"

G_BEGIN_DECLS

#define TRI_TYPE_SEGMENT_CELL (tri_segment_cell_get_type ())

G_DECLARE_FINAL_TYPE (TriSegmentCell, tri_segment_cell, TRI, SEGMENT_CELL, GtkWidget)

GtkWidget  *tri_segment_cell_new      (gboolean        compact);
void        tri_segment_cell_set_text (TriSegmentCell *self,
                                       const char     *text);
const char *tri_segment_cell_get_text (TriSegmentCell *self);
void        tri_segment_cell_set_cache (TriSegmentCell   *self,
                                        TriCellTextCache *cache);
gboolean    tri_segment_cell_prepare   (TriSegmentCell   *self,
                                        const char       *text);
void        tri_segment_cell_set_misspellings   (TriSegmentCell *self,
                                                 GArray         *misspellings);
guint       tri_segment_cell_get_n_misspellings (TriSegmentCell *self);
char       *tri_segment_cell_dup_highlighted    (TriSegmentCell *self);
void        tri_segment_cell_set_highlights     (TriSegmentCell *self,
                                                 GArray         *highlights);
void        tri_segment_cell_set_word_highlights (TriSegmentCell *self,
                                                  GArray         *highlights);
void        tri_segment_cell_set_word_marks     (TriSegmentCell *self,
                                                 GArray         *marks);
void        tri_segment_cell_set_word_tooltip   (TriSegmentCell *self,
                                                 const char     *tooltip);
PangoAttrList *tri_segment_cell_get_attributes  (TriSegmentCell *self);
void        tri_widget_set_tooltip_text         (GtkWidget      *widget,
                                                 const char     *text);
const char *tri_widget_get_tooltip_text         (GtkWidget      *widget);
int         tri_segment_cell_get_char_at        (TriSegmentCell *self,
                                                 GtkWidget      *relative_to,
                                                 double          x,
                                                 double          y);

G_END_DECLS

/* tri-alignment-grid.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-alignment.h"
#include "tri-row-filter.h"
#include "tri-spell-checker.h"
#include "tri-wording.h"

G_BEGIN_DECLS

/* The width of the row numbers' column: the strip and the status bar
 * below the grid start where its text columns start. */
#define TRI_ALIGNMENT_GRID_NUMBER_WIDTH 56

#define TRI_TYPE_ALIGNMENT_GRID (tri_alignment_grid_get_type ())

G_DECLARE_FINAL_TYPE (TriAlignmentGrid, tri_alignment_grid, TRI, ALIGNMENT_GRID, GtkWidget)

/**
 * TriAlignmentGridNoteFunc:
 * @row: a row of the alignment
 * @user_data: the data given with the function
 *
 * What the mark by a row's number says (the row's check findings).
 *
 * Returns: (transfer full) (nullable): the text of the mark's tooltip,
 *   or %NULL for no mark
 */
typedef char *(*TriAlignmentGridNoteFunc) (guint    row,
                                           gpointer user_data);

GtkWidget     *tri_alignment_grid_new                (void);
void           tri_alignment_grid_set_alignment      (TriAlignmentGrid        *self,
                                                      TriAlignment            *alignment);
void           tri_alignment_grid_set_spell_checker  (TriAlignmentGrid        *self,
                                                      TriSpellChecker         *spell);
void           tri_alignment_grid_set_column_header  (TriAlignmentGrid        *self,
                                                      guint                    column,
                                                      const char              *title,
                                                      GMenuModel              *menu);
GtkWidget     *tri_alignment_grid_get_view           (TriAlignmentGrid        *self);
const char    *tri_alignment_grid_get_column_title   (TriAlignmentGrid        *self,
                                                      guint                    column);
GtkSingleSelection *tri_alignment_grid_get_selection (TriAlignmentGrid        *self);
gboolean       tri_alignment_grid_get_compact        (TriAlignmentGrid        *self);
void           tri_alignment_grid_set_compact        (TriAlignmentGrid        *self,
                                                      gboolean                 compact);

/* The current row and column */
guint          tri_alignment_grid_get_current_row    (TriAlignmentGrid        *self);
TriRow        *tri_alignment_grid_get_current_item   (TriAlignmentGrid        *self);
guint          tri_alignment_grid_get_current_position (TriAlignmentGrid      *self);
TriRow        *tri_alignment_grid_dup_shown_row      (TriAlignmentGrid        *self,
                                                      guint                    position);
gboolean       tri_alignment_grid_select_row         (TriAlignmentGrid        *self,
                                                      guint                    row,
                                                      gboolean                 take_focus);
void           tri_alignment_grid_move_cursor        (TriAlignmentGrid        *self,
                                                      const char              *where,
                                                      gboolean                 take_focus);
void           tri_alignment_grid_scroll_to_current  (TriAlignmentGrid        *self,
                                                      gboolean                 take_focus);
guint          tri_alignment_grid_get_current_column (TriAlignmentGrid        *self);
void           tri_alignment_grid_set_current_column (TriAlignmentGrid        *self,
                                                      guint                    column);
gboolean       tri_alignment_grid_get_menu_point     (TriAlignmentGrid        *self,
                                                      double                  *x,
                                                      double                  *y);
void           tri_alignment_grid_set_row_menu       (TriAlignmentGrid        *self,
                                                      GMenuModel              *row_menu,
                                                      GMenuModel              *spelling_menu);
void           tri_alignment_grid_popup_row_menu     (TriAlignmentGrid        *self,
                                                      double                   x,
                                                      double                   y,
                                                      gboolean                 spelling);

/* The rows shown */
TriRowKind     tri_alignment_grid_get_row_kind       (TriAlignmentGrid        *self);
guint          tri_alignment_grid_set_row_kind       (TriAlignmentGrid        *self,
                                                      TriRowKind               kind,
                                                      gboolean                 take_focus);

/* The marked range (Shift+Up/Down) */
gboolean       tri_alignment_grid_get_range          (TriAlignmentGrid        *self,
                                                      guint                   *first,
                                                      guint                   *last);
gboolean       tri_alignment_grid_extend_range       (TriAlignmentGrid        *self,
                                                      int                      direction,
                                                      gboolean                 take_focus);
void           tri_alignment_grid_clear_range        (TriAlignmentGrid        *self);

/* Marks and highlights */
void           tri_alignment_grid_set_note_func      (TriAlignmentGrid        *self,
                                                      TriAlignmentGridNoteFunc func,
                                                      gpointer                 user_data,
                                                      GDestroyNotify           destroy);
void           tri_alignment_grid_update_notes       (TriAlignmentGrid        *self);
void           tri_alignment_grid_highlight          (TriAlignmentGrid        *self,
                                                      guint                    row,
                                                      GArray                 **spans);
void           tri_alignment_grid_set_word_highlights (TriAlignmentGrid       *self,
                                                       TriRow                 *row,
                                                       guint                   column,
                                                       GArray                **spans,
                                                       const char             *tooltip);
void           tri_alignment_grid_set_wording        (TriAlignmentGrid        *self,
                                                      TriWording              *wording,
                                                      gboolean                 compare);

G_END_DECLS

/* tri-row-view.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRI_TYPE_ROW_VIEW (tri_row_view_get_type ())
#define TRI_TYPE_ROW_VIEW_ROW (tri_row_view_row_get_type ())

G_DECLARE_FINAL_TYPE (TriRowView, tri_row_view, TRI, ROW_VIEW, GtkWidget)
G_DECLARE_FINAL_TYPE (TriRowViewRow, tri_row_view_row, TRI, ROW_VIEW_ROW, GtkWidget)

/**
 * TriRowViewCellFunc:
 * @view: the view
 * @column: the column of the cell
 * @user_data: the data given with the function
 *
 * Makes the content of a cell of @column, for a new row widget.
 *
 * Returns: (transfer floating): the cell's content
 */
typedef GtkWidget *(*TriRowViewCellFunc) (TriRowView *view,
                                          guint       column,
                                          gpointer    user_data);

/**
 * TriRowViewBindFunc:
 * @view: the view
 * @row: a row widget, given the item at its position
 * @user_data: the data given with the function
 *
 * Shows the row's item (tri_row_view_row_get_item()) in its cells.
 */
typedef void (*TriRowViewBindFunc) (TriRowView    *view,
                                    TriRowViewRow *row,
                                    gpointer       user_data);

GtkWidget     *tri_row_view_new                (void);
void           tri_row_view_set_factory        (TriRowView          *self,
                                                TriRowViewCellFunc   cell_func,
                                                TriRowViewBindFunc   bind_func,
                                                gpointer             user_data);
void           tri_row_view_set_columns        (TriRowView          *self,
                                                guint                n_columns,
                                                int                  first_width);
guint          tri_row_view_get_n_columns      (TriRowView          *self);
void           tri_row_view_set_column_header  (TriRowView          *self,
                                                guint                column,
                                                const char          *title,
                                                GMenuModel          *menu);
const char    *tri_row_view_get_column_title   (TriRowView          *self,
                                                guint                column);
void           tri_row_view_set_model          (TriRowView          *self,
                                                GtkSingleSelection  *model);
GtkSingleSelection *tri_row_view_get_model     (TriRowView          *self);
void           tri_row_view_rebuild            (TriRowView          *self);
GPtrArray     *tri_row_view_get_rows           (TriRowView          *self);
TriRowViewRow *tri_row_view_get_row            (TriRowView          *self,
                                                guint                position);
guint          tri_row_view_get_n_shown        (TriRowView          *self);
void           tri_row_view_scroll_to          (TriRowView          *self,
                                                guint                position,
                                                gboolean             take_focus);

guint          tri_row_view_row_get_position   (TriRowViewRow       *row);
gpointer       tri_row_view_row_get_item       (TriRowViewRow       *row);
GtkWidget     *tri_row_view_row_get_cell       (TriRowViewRow       *row,
                                                guint                column);

G_END_DECLS

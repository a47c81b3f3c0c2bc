/* tri-window-views.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-views"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tri-parallel-view.h"
#include "tri-row-filter.h"
#include "tri-window-parts.h"

/* What the window shows: the rows of one kind only (Ctrl+Alt+0 … 4), the
 * grid or the whole texts side by side (F4), the Checks panel (F9). The
 * current row is the grid's: the editor strip and the parallel texts
 * follow it, and the parallel texts' cursor moves it. */

static const struct {
  const char *id;
  TriRowKind  kind;
  const char *label;
} row_filters[] = {
  { "all", TRI_ROWS_ALL, N_("All Rows") },
  { "review", TRI_ROWS_REVIEW, N_("Rows to Review") },
  { "unconfirmed", TRI_ROWS_UNCONFIRMED, N_("Unconfirmed Rows") },
  { "uneven", TRI_ROWS_UNEVEN, N_("Rows Not One to One") },
  { "bookmarked", TRI_ROWS_BOOKMARKED, N_("Bookmarked Rows") },
};

/**
 * tri_window_update_row_filter:
 * @self: a #TriWindow
 *
 * The filter button says which rows the grid shows.
 */
void
tri_window_update_row_filter (TriWindow *self)
{
  GtkWidget *button = GTK_WIDGET (tri_window_get_template_child (self, "filter_button"));
  TriRowKind kind = tri_alignment_grid_get_row_kind (tri_window_get_grid (self));

  for (guint i = 0; i < G_N_ELEMENTS (row_filters); i++)
    if (row_filters[i].kind == kind)
      gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _(row_filters[i].label));
  if (kind == TRI_ROWS_ALL)
    gtk_widget_remove_css_class (button, "filter-active");
  else
    gtk_widget_add_css_class (button, "filter-active");
  gtk_widget_set_sensitive (button, tri_window_get_alignment (self) != NULL);
}

static void
on_row_kind_cb (TriWindow *self)
{
  tri_window_update_row_filter (self);
  g_object_notify (G_OBJECT (self), "row-filter");
}

/**
 * tri_window_get_row_filter:
 * @self: a #TriWindow
 *
 * Returns: the rows the grid shows: "all", "review", "unconfirmed",
 *   "uneven" or "bookmarked"
 */
const char *
tri_window_get_row_filter (TriWindow *self)
{
  /* The property action asks before the template is built and after it
   * is gone. */
  TriAlignmentGrid *grid = tri_window_get_grid (self);

  return row_filters[grid != NULL ? tri_alignment_grid_get_row_kind (grid) : TRI_ROWS_ALL].id;
}

/**
 * tri_window_set_row_filter:
 * @self: a #TriWindow
 * @id: the rows to show, as tri_window_get_row_filter() names them
 *
 * Shows only the rows of @id's kind, the cursor staying on its row, or
 * going to the next row shown.
 */
void
tri_window_set_row_filter (TriWindow  *self,
                           const char *id)
{
  TriAlignmentGrid *grid = tri_window_get_grid (self);

  if (tri_window_get_alignment (self) == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (row_filters); i++)
    if (g_strcmp0 (id, row_filters[i].id) == 0 && row_filters[i].kind != tri_alignment_grid_get_row_kind (grid))
      {
        /* The button and the property follow the grid (on_row_kind_cb). */
        tri_window_commit_edits (self);
        if (tri_alignment_grid_set_row_kind (grid, row_filters[i].kind, tri_window_grid_may_focus (self)) == 0)
          tri_window_show_toast (self, _("No rows of this kind"));
        return;
      }
}

/**
 * tri_window_get_checks_visible:
 * @self: a #TriWindow
 *
 * Returns: whether the Checks panel is shown
 */
gboolean
tri_window_get_checks_visible (TriWindow *self)
{
  GObject *flap = tri_window_get_template_child (self, "flap");

  return flap != NULL && adw_flap_get_reveal_flap (ADW_FLAP (flap));
}

/**
 * tri_window_set_checks_visible:
 * @self: a #TriWindow
 * @visible: whether to show the Checks panel
 *
 * F9: the Checks panel, its list given the keyboard; hidden, the grid
 * has it back.
 */
void
tri_window_set_checks_visible (TriWindow *self,
                               gboolean   visible)
{
  GObject *flap = tri_window_get_template_child (self, "flap");

  if (flap == NULL || visible == adw_flap_get_reveal_flap (ADW_FLAP (flap)))
    return;
  adw_flap_set_reveal_flap (ADW_FLAP (flap), visible);
  if (visible)
    gtk_widget_grab_focus (tri_window_get_checks_panel (self));
  else if (tri_window_get_alignment (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (tri_window_get_grid (self)));
  g_object_notify (G_OBJECT (self), "checks-visible");
}

/* The parallel-text view (F4) */

/**
 * tri_window_get_parallel_view:
 * @self: a #TriWindow
 *
 * Returns: whether the window shows the parallel-text view
 */
gboolean
tri_window_get_parallel_view (TriWindow *self)
{
  GObject *stack;

  g_return_val_if_fail (TRI_IS_WINDOW (self), FALSE);

  /* The property action asks before the template is built and after it
   * is gone. */
  stack = tri_window_get_template_child (self, "view_stack");
  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "parallel") == 0;
}

/**
 * tri_window_set_parallel_view:
 * @self: a #TriWindow
 * @parallel: whether to show the whole texts side by side
 *
 * Switches between the grid and the parallel-text view, keeping the
 * position: the selected row and the current column become the sentence
 * under the cursor, and back.
 */
void
tri_window_set_parallel_view (TriWindow *self,
                              gboolean   parallel)
{
  GtkStack *stack;
  TriAlignmentGrid *grid;
  TriParallelView *texts;

  g_return_if_fail (TRI_IS_WINDOW (self));

  stack = GTK_STACK (tri_window_get_template_child (self, "view_stack"));
  grid = tri_window_get_grid (self);
  texts = tri_window_get_parallel_text (self);
  if (parallel == tri_window_get_parallel_view (self) || (parallel && tri_window_get_alignment (self) == NULL))
    return;

  if (parallel)
    {
      guint row = tri_alignment_grid_get_current_row (grid);
      guint column = tri_alignment_grid_get_current_column (grid);

      if (row == GTK_INVALID_LIST_POSITION)
        row = 0;

      tri_window_commit_edits (self);
      gtk_stack_set_visible_child_name (stack, "parallel");
      tri_parallel_view_show_row (texts, row, column);
      gtk_widget_grab_focus (GTK_WIDGET (tri_parallel_view_get_view (texts, column)));
    }
  else
    {
      guint row = tri_parallel_view_get_row (texts);
      int column = tri_parallel_view_get_focus_column (texts);

      gtk_stack_set_visible_child_name (stack, "grid");
      if (column >= 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.column", "u", (guint)column);
      if (row != G_MAXUINT)
        tri_window_select_row (self, row);
      gtk_widget_grab_focus (GTK_WIDGET (grid));
    }
  g_object_notify (G_OBJECT (self), "parallel-view");
}

/* The cursor in the parallel texts is the grid's cursor too: the edits
 * (Ctrl+M, Alt+Up …) act on its row. */
static void
on_parallel_row_changed_cb (TriWindow       *self,
                            guint            row,
                            TriParallelView *view)
{
  int column = tri_parallel_view_get_focus_column (view);

  if (column >= 0 && (guint)column != tri_alignment_grid_get_current_column (tri_window_get_grid (self)))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.column", "u", (guint)column);
  tri_alignment_grid_select_row (tri_window_get_grid (self), row, FALSE);
}

static void
on_parallel_activate_cb (TriWindow       *self,
                         guint            row,
                         TriParallelView *view)
{
  tri_window_set_parallel_view (self, FALSE);
}

/* The current row: the editor strip and the parallel view follow the
 * grid's. */
static void
on_current_changed_cb (TriWindow        *self,
                       guint             row,
                       TriAlignmentGrid *grid)
{
  tri_segment_editor_set_row (tri_window_get_editor (self), row);

  /* A search or a "go to" while the texts are shown moves their cursor. */
  if (row != G_MAXUINT && tri_window_get_parallel_view (self) &&
      row != tri_parallel_view_get_row (tri_window_get_parallel_text (self)))
    tri_parallel_view_show_row (tri_window_get_parallel_text (self), row, tri_alignment_grid_get_current_column (tri_window_get_grid (self)));
}

/**
 * tri_window_init_views:
 * @self: a #TriWindow
 *
 * The strip and the parallel texts follow the grid's current row, the
 * filter button its rows.
 */
void
tri_window_init_views (TriWindow *self)
{
  TriAlignmentGrid *grid = tri_window_get_grid (self);
  TriParallelView *texts = tri_window_get_parallel_text (self);

  g_signal_connect_object (grid, "current-changed", G_CALLBACK (on_current_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (grid, "notify::row-kind", G_CALLBACK (on_row_kind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (texts, "row-changed", G_CALLBACK (on_parallel_row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (texts, "activate", G_CALLBACK (on_parallel_activate_cb), self, G_CONNECT_SWAPPED);
}

void
tri_window_class_views_init (TriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.checks", "checks-visible");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.checks", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.parallel-view", "parallel-view");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F4, 0, "win.parallel-view", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.filter", "row-filter");
  for (guint i = 0; i < G_N_ELEMENTS (row_filters); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                         "win.filter", "s", row_filters[i].id);
}

/* tri-window-checks.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-checks"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-checks-controller.h"
#include "tri-window-parts.h"

/* The checks (F9, F6, Ctrl+Alt+E): the window's TriChecksController keeps
 * the checker and the Checks panel; here the window follows it — the
 * finding chosen becomes the current row and column, the finding shown is
 * highlighted in the grid and the strip, the rows' marks and the Checks
 * button follow what the panel lists. */

/* The checks (F9, F6): a TriChecksController between the checker, the
 * Checks panel and the window */

static void
on_show_finding_cb (TriWindow           *self,
                    guint                row,
                    guint                column,
                    gboolean             focus,
                    TriChecksController *checks)
{
  if (tri_window_get_parallel_view (self))
    tri_window_set_parallel_view (self, FALSE);
  /* Activated: the keyboard goes to the row (the jump gives it to the
   * row when it finds the grid focused). */
  if (focus)
    gtk_widget_grab_focus (GTK_WIDGET (tri_window_get_grid (self)));
  tri_window_select_row (self, row);
  if (column != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.column", "u", column);
}

/* The finding shown (or a find's match), in the grid and in the strip. */
static void
on_highlight_changed_cb (TriWindow           *self,
                         guint                row,
                         GArray             **spans,
                         TriChecksController *checks)
{
  tri_alignment_grid_highlight (tri_window_get_grid (self), row, spans);
  tri_segment_editor_set_highlights (tri_window_get_editor (self), row, spans);
}

/* What the panel lists: the button's count and the rows' marks follow. */
static void
on_checks_changed_cb (TriWindow *self)
{
  tri_alignment_grid_update_notes (tri_window_get_grid (self));
}

static char *
dup_row_findings_cb (guint    row,
                     gpointer checks)
{
  return tri_checks_controller_dup_row_findings (checks, row);
}

static void
go_to_finding (TriWindow *self,
               int        direction)
{
  guint row = tri_alignment_grid_get_current_row (tri_window_get_grid (self));

  if (!tri_checks_controller_go_to_finding (tri_window_get_checks (self), direction, row))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
next_finding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  go_to_finding (TRI_WINDOW (widget), 1);
}

static void
previous_finding_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  go_to_finding (TRI_WINDOW (widget), -1);
}

/**
 * tri_window_export_report:
 * @self: a #TriWindow
 * @file: where to save it
 * @format: HTML or CSV
 * @error: where to put an error
 *
 * Saves the findings the Checks panel lists, dismissed ones left out, as a
 * report titled with the project's name, after checking what was edited.
 *
 * Returns: whether the report was saved
 */
gboolean
tri_window_export_report (TriWindow        *self,
                          GFile            *file,
                          TriReportFormat   format,
                          GError          **error)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), FALSE);

  return tri_checks_controller_save_report (tri_window_get_checks (self), file, format,
                                            _("Triptych"), error);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);

  if (tri_window_get_file_chooser (self) == NULL)
    tri_checks_controller_choose_report (tri_window_get_checks (self), GTK_WINDOW (self),
                                         _("Triptych"));
}

/**
 * tri_window_init_checks:
 * @self: a #TriWindow
 *
 * The window follows its checks controller.
 */
void
tri_window_init_checks (TriWindow *self)
{
  TriChecksController *checks = tri_window_get_checks (self);

  g_signal_connect_object (checks, "commit", G_CALLBACK (tri_window_commit_edits), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (checks, "show-finding", G_CALLBACK (on_show_finding_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (checks, "highlight-changed", G_CALLBACK (on_highlight_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (checks, "changed", G_CALLBACK (on_checks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (checks, "message", G_CALLBACK (tri_window_show_toast), self, G_CONNECT_SWAPPED);
  tri_alignment_grid_set_note_func (tri_window_get_grid (self), dup_row_findings_cb, checks, NULL);
}

void
tri_window_class_checks_init (TriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "align.next-finding", NULL, next_finding_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "align.next-finding", NULL);
  gtk_widget_class_install_action (widget_class, "align.previous-finding", NULL, previous_finding_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "align.previous-finding", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.export-report", NULL);
}

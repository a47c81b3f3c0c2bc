/* tri-window-checks.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tri-report.h"
#include "tri-window-private.h"

/* The window's side of the cross-language checks: the Checks panel (F9),
 * the finding chosen there shown in the grid and the editor strip with
 * its spans highlighted, marks by the rows with findings, F6 / Shift+F6
 * from finding to finding, and the report (HTML or CSV). */

static void
clear_highlight (TriWindow *self)
{
  self->highlight_row = G_MAXUINT;
  self->highlight_index = G_MAXUINT;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_pointer (&self->highlight_spans[c], g_array_unref);
}

static void
update_highlights (TriWindow *self)
{
  tri_alignment_grid_highlight (self->grid, self->highlight_row, self->highlight_spans);
  tri_segment_editor_set_highlights (self->editor, self->highlight_row, self->highlight_spans);
}

/**
 * _tri_window_highlight:
 * @self: a #TriWindow
 * @row: a row
 * @spans: (array fixed-size=3): per column, byte spans (gsize pairs) of
 *   the column's document, or %NULL
 *
 * Highlights @spans in @row's cells and in the strip (a find's match), in
 * place of what was highlighted.
 */
void
_tri_window_highlight (TriWindow  *self,
                       guint       row,
                       GArray    **spans)
{
  clear_highlight (self);
  self->highlight_row = row;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    if (spans[c] != NULL && spans[c]->len > 0)
      self->highlight_spans[c] = g_array_copy (spans[c]);
  update_highlights (self);
}

/* Shows @finding: its row chosen, its spans highlighted. */
static void
show_finding (TriWindow  *self,
              TriFinding *finding,
              guint       index,
              gboolean    focus)
{
  guint column;

  clear_highlight (self);
  self->highlight_row = finding->row;
  self->highlight_index = index;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    if (finding->spans[c] != NULL && finding->spans[c]->len > 0)
      self->highlight_spans[c] = g_array_copy (finding->spans[c]);

  if (tri_window_get_parallel_view (self))
    tri_window_set_parallel_view (self, FALSE);
  /* Activated: the keyboard goes to the row (the jump gives it to the
   * row when it finds the grid focused). */
  if (focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->grid));
  _tri_window_select_row (self, finding->row);
  update_highlights (self);

  /* The version that deviates becomes the current column, else the
   * first the finding marks. */
  column = tri_finding_get_focus_column (finding, tri_alignment_get_n_columns (self->alignment));
  if (column != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.column", "u", column);
}

static void
on_finding_selected_cb (TriWindow      *self,
                        TriFinding     *finding,
                        gboolean        activated,
                        TriChecksPanel *panel)
{
  GPtrArray *findings = tri_checker_get_findings (self->checker);
  guint index;

  if (!g_ptr_array_find (findings, finding, &index))
    return;
  _tri_window_commit_edits (self);
  /* The commit may have changed the findings. */
  if (!g_ptr_array_find (tri_checker_get_findings (self->checker), finding, &index))
    return;
  show_finding (self, finding, index, activated);
}

/* An edit moves rows: what was highlighted may be elsewhere. */
static void
on_rows_changed_cb (TriWindow *self)
{
  if (self->highlight_row == G_MAXUINT)
    return;
  clear_highlight (self);
  update_highlights (self);
}

/* The mark by @row's number: the messages of the row's findings the
 * Checks panel lists, one a line, or NULL. */
static char *
dup_row_findings (guint    row,
                  gpointer user_data)
{
  TriWindow *self = user_data;
  g_autoptr(GString) text = NULL;
  GPtrArray *findings;

  if (self->checker == NULL)
    return NULL;
  findings = tri_checker_get_findings (self->checker);
  for (guint i = tri_checker_lower_bound (self->checker, row); i < findings->len; i++)
    {
      TriFinding *finding = g_ptr_array_index (findings, i);

      if (finding->row != row)
        break;
      if (!tri_checks_panel_shows (self->checks_panel, finding) ||
          tri_checker_get_dismissed (self->checker, finding))
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append (text, finding->message);
    }
  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
update_button (TriWindow *self)
{
  guint n = self->checker != NULL ? tri_checks_panel_get_n_active (self->checks_panel) : 0;
  g_autofree char *label = NULL;

  if (n > 0)
    /* Translators: the Checks button, with how many findings there are */
    label = g_strdup_printf (_("Checks (%u)"), n);
  gtk_button_set_label (GTK_BUTTON (self->checks_button), label != NULL ? label : _("Checks"));
}

static void
on_checker_changed_cb (TriWindow *self)
{
  self->highlight_index = G_MAXUINT;
}

static void
on_listed_cb (TriWindow *self)
{
  update_button (self);
  tri_alignment_grid_update_notes (self->grid);
}

/**
 * _tri_window_set_checker:
 * @self: a #TriWindow
 * @alignment: (nullable): the alignment shown
 *
 * Checks @alignment, and again after each edit, for the Checks panel.
 */
void
_tri_window_set_checker (TriWindow    *self,
                         TriAlignment *alignment)
{
  clear_highlight (self);
  g_clear_object (&self->checker);
  if (alignment != NULL)
    {
      self->checker = tri_checker_new (alignment);
      g_signal_connect_object (self->checker, "changed", G_CALLBACK (on_checker_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_rows_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  tri_checks_panel_set_checker (self->checks_panel, self->checker, alignment);
  gtk_widget_set_sensitive (GTK_WIDGET (self->checks_button), alignment != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.checks", alignment != NULL);
  update_button (self);
}

/* F6 and Shift+F6: the next finding in the order the panel lists them
 * (by check, then by row), wrapping around; from a row that shows none,
 * the first (or last) the panel lists. */
static void
go_to_finding (TriWindow *self,
               int        direction)
{
  g_autoptr(GPtrArray) listed = NULL;
  GPtrArray *findings;
  TriFinding *current = NULL;
  TriFinding *next;
  gint64 at = -1, n;
  guint index;

  if (self->checker == NULL)
    return;
  _tri_window_commit_edits (self);
  tri_checker_flush (self->checker);
  findings = tri_checker_get_findings (self->checker);
  listed = tri_checks_panel_dup_listed (self->checks_panel);
  n = listed->len;
  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (self->highlight_index != G_MAXUINT && self->highlight_row == tri_alignment_grid_get_current_row (self->grid) &&
      self->highlight_index < findings->len)
    current = g_ptr_array_index (findings, self->highlight_index);
  for (gint64 i = 0; current != NULL && i < n; i++)
    if (g_ptr_array_index (listed, i) == current)
      at = i;

  if (at < 0)
    at = direction > 0 ? -1 : n;
  next = g_ptr_array_index (listed, ((at + direction) % n + n) % n);
  if (!g_ptr_array_find (findings, next, &index))
    return;

  show_finding (self, next, index, FALSE);
  tri_checks_panel_select (self->checks_panel, next);
  /* Round the end of the list: say so, not silently. */
  if (at + direction >= n || at + direction < 0)
    if (at >= 0 && at < n)
      _tri_window_show_toast (self, direction > 0 ? _("Past the last finding: back at the first")
                                                  : _("Past the first finding: back at the last"));
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

/* The report */

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
  g_autoptr(GPtrArray) findings = NULL;

  g_return_val_if_fail (TRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->checker != NULL, FALSE);

  _tri_window_commit_edits (self);
  tri_checker_flush (self->checker);
  findings = tri_checks_panel_dup_shown (self->checks_panel);
  return tri_report_save (self->alignment, findings, format, adw_window_title_get_title (self->window_title),
                          file, NULL, error);
}

static void
on_report_chosen_cb (TriWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  TriReportFormat format = TRI_REPORT_HTML;

  if (response != GTK_RESPONSE_ACCEPT || self->checker == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  name = g_file_get_basename (file);
  /* The name says the format; else the filter chosen does, and names it. */
  if (!tri_report_format_for_filename (name, &format))
    {
      filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      format = filter != NULL && g_object_get_data (G_OBJECT (filter), "csv") != NULL ? TRI_REPORT_CSV
                                                                                      : TRI_REPORT_HTML;
      {
        g_autoptr(GFile) parent = g_file_get_parent (file);
        g_autofree char *named = g_strconcat (name, format == TRI_REPORT_CSV ? ".csv" : ".html", NULL);

        g_set_object (&file, g_file_get_child (parent, named));
      }
    }

  if (!tri_window_export_report (self, file, format, &error))
    _tri_window_show_toast (self, error->message);
  else
    {
      g_autofree char *shown = g_file_get_basename (file);
      g_autofree char *message = NULL;

      findings = tri_checks_panel_dup_shown (self->checks_panel);
      /* Translators: a file name, and how many findings it holds */
      message = g_strdup_printf (ngettext ("Report saved as “%s” (%u finding)",
                                           "Report saved as “%s” (%u findings)", findings->len),
                                 shown, findings->len);

      _tri_window_show_toast (self, message);
    }

out:
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *html, *csv;
  g_autofree char *suggested = NULL;

  if (self->checker == NULL || self->chooser != NULL)
    return;

  /* What was typed is checked when the report is written
   * (tri_window_export_report()). */
  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  html = gtk_file_filter_new ();
  gtk_file_filter_set_name (html, _("Web page, side by side, printable (.html)"));
  gtk_file_filter_add_suffix (html, "html");
  gtk_file_filter_add_suffix (html, "htm");
  csv = gtk_file_filter_new ();
  gtk_file_filter_set_name (csv, _("Table for spreadsheets (.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");
  g_object_set_data (G_OBJECT (csv), "csv", GINT_TO_POINTER (TRUE));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), html);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_object_unref (html);
  g_object_unref (csv);

  /* Translators: the report's suggested file name; %s is the project's title */
  suggested = g_strdup_printf (_("%s — checks.html"), adw_window_title_get_title (self->window_title));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  self->chooser = chooser;
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_report_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * tri_window_get_checker:
 * @self: a #TriWindow
 *
 * Returns: (transfer none) (nullable): the findings of the Checks panel
 */
TriChecker *
tri_window_get_checker (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->checker;
}

/**
 * tri_window_get_checks_panel:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the Checks panel
 */
GtkWidget *
tri_window_get_checks_panel (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->checks_panel);
}

/**
 * _tri_window_init_checks:
 * @self: a #TriWindow
 */
void
_tri_window_init_checks (TriWindow *self)
{
  clear_highlight (self);
  g_signal_connect_object (self->checks_panel, "finding-selected", G_CALLBACK (on_finding_selected_cb), self,
                           G_CONNECT_SWAPPED);
  /* What the panel lists: the count and the rows' marks follow. */
  g_signal_connect_object (self->checks_panel, "listed", G_CALLBACK (on_listed_cb), self, G_CONNECT_SWAPPED);
  tri_alignment_grid_set_note_func (self->grid, dup_row_findings, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.checks", FALSE);
}

/**
 * _tri_window_dispose_checks:
 * @self: a #TriWindow
 */
void
_tri_window_dispose_checks (TriWindow *self)
{
  clear_highlight (self);
  g_clear_object (&self->checker);
}

/**
 * _tri_window_class_checks_init:
 * @klass: the window's class
 */
void
_tri_window_class_checks_init (TriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.checks", "checks-visible");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.checks", NULL);
  gtk_widget_class_install_action (widget_class, "align.next-finding", NULL, next_finding_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "align.next-finding", NULL);
  gtk_widget_class_install_action (widget_class, "align.previous-finding", NULL, previous_finding_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "align.previous-finding", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.export-report", NULL);
}

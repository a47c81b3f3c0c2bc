/* tri-checks-controller.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-checks-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-checks-controller.h"

/**
 * TriChecksController:
 *
 * The cross-language checks of the alignment shown, between the checker,
 * the Checks panel (F9) and the window: owns the #TriChecker, follows the
 * finding chosen in the panel or by F6 / Shift+F6 (from finding to
 * finding, in the panel's order), keeps what is highlighted (the finding
 * shown, or a find's match) until the rows change, and writes the report
 * (HTML or CSV).
 *
 * It talks to the window through signals: #TriChecksController::commit
 * before it reads the rows, #TriChecksController::show-finding and
 * #TriChecksController::highlight-changed to show a finding,
 * #TriChecksController::changed when the panel lists other findings, and
 * #TriChecksController::message for a toast.
 */

struct _TriChecksController
{
  GObject               parent_instance;

  TriChecksPanel       *panel;          /* not owned: the window's */
  GtkButton            *button;         /* weak: the button that shows the panel, with the count */
  TriAlignment         *alignment;
  TriChecker           *checker;
  GtkFileChooserNative *chooser;        /* the report's, while open */
  char                 *title;          /* the report's title, while it is chosen */
  guint                 highlight_row;  /* the row of the finding shown, or G_MAXUINT */
  guint                 highlight_index; /* its index in the checker's findings, or G_MAXUINT */
  GArray               *highlight_spans[TRI_MAX_COLUMNS];
};

enum {
  COMMIT,
  SHOW_FINDING,
  HIGHLIGHT_CHANGED,
  CHANGED,
  MESSAGE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (TriChecksController, tri_checks_controller, G_TYPE_OBJECT)

static guint signals [N_SIGNALS];

static void
clear_highlight (TriChecksController *self)
{
  self->highlight_row = G_MAXUINT;
  self->highlight_index = G_MAXUINT;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_pointer (&self->highlight_spans[c], g_array_unref);
}

static void
emit_highlight (TriChecksController *self)
{
  g_signal_emit (self, signals [HIGHLIGHT_CHANGED], 0, self->highlight_row, self->highlight_spans);
}

/**
 * tri_checks_controller_highlight:
 * @self: a #TriChecksController
 * @row: a row
 * @spans: (array fixed-size=3): per column, byte spans (gsize pairs) of
 *   the column's document, or %NULL
 *
 * Highlights @spans in @row (a find's match), in place of what was
 * highlighted, until the rows change.
 */
void
tri_checks_controller_highlight (TriChecksController  *self,
                                 guint                 row,
                                 GArray              **spans)
{
  g_return_if_fail (TRI_IS_CHECKS_CONTROLLER (self));

  clear_highlight (self);
  self->highlight_row = row;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    if (spans[c] != NULL && spans[c]->len > 0)
      self->highlight_spans[c] = g_array_copy (spans[c]);
  emit_highlight (self);
}

/* Shows @finding: its row chosen, its spans highlighted. */
static void
show_finding (TriChecksController *self,
              TriFinding          *finding,
              guint                index,
              gboolean             focus)
{
  clear_highlight (self);
  self->highlight_row = finding->row;
  self->highlight_index = index;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    if (finding->spans[c] != NULL && finding->spans[c]->len > 0)
      self->highlight_spans[c] = g_array_copy (finding->spans[c]);

  /* The version that deviates becomes the current column, else the first
   * the finding marks. */
  g_signal_emit (self, signals [SHOW_FINDING], 0, finding->row,
                 tri_finding_get_focus_column (finding, tri_alignment_get_n_columns (self->alignment)), focus);
  emit_highlight (self);
}

static void
on_finding_selected_cb (TriChecksController *self,
                        TriFinding          *finding,
                        gboolean             activated,
                        TriChecksPanel      *panel)
{
  guint index;

  if (self->checker == NULL || !g_ptr_array_find (tri_checker_get_findings (self->checker), finding, &index))
    return;
  g_signal_emit (self, signals [COMMIT], 0);
  /* The commit may have changed the findings. */
  if (!g_ptr_array_find (tri_checker_get_findings (self->checker), finding, &index))
    return;
  show_finding (self, finding, index, activated);
}

/* An edit moves rows: what was highlighted may be elsewhere. */
static void
on_rows_changed_cb (TriChecksController *self)
{
  if (self->highlight_row == G_MAXUINT)
    return;
  clear_highlight (self);
  emit_highlight (self);
}

static void
on_checker_changed_cb (TriChecksController *self)
{
  self->highlight_index = G_MAXUINT;
}

/* What the panel lists changed: the button's count follows, then the
 * window. */
static void
emit_changed (TriChecksController *self)
{
  if (self->button != NULL)
    {
      g_autofree char *label = tri_checks_controller_dup_label (self);

      gtk_button_set_label (self->button, label);
      gtk_widget_set_sensitive (GTK_WIDGET (self->button), self->alignment != NULL);
    }
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
on_listed_cb (TriChecksController *self)
{
  emit_changed (self);
}

/**
 * tri_checks_controller_dup_row_findings:
 * @self: a #TriChecksController
 * @row: a row
 *
 * Returns: (transfer full) (nullable): the messages of the findings of
 *   @row the Checks panel lists, one a line, or %NULL
 */
char *
tri_checks_controller_dup_row_findings (TriChecksController *self,
                                        guint                row)
{
  g_autoptr(GString) text = NULL;
  GPtrArray *findings;

  g_return_val_if_fail (TRI_IS_CHECKS_CONTROLLER (self), NULL);

  if (self->checker == NULL || self->panel == NULL)
    return NULL;
  findings = tri_checker_get_findings (self->checker);
  for (guint i = tri_checker_lower_bound (self->checker, row); i < findings->len; i++)
    {
      TriFinding *finding = g_ptr_array_index (findings, i);

      if (finding->row != row)
        break;
      if (!tri_checks_panel_shows (self->panel, finding) || tri_checker_get_dismissed (self->checker, finding))
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append (text, finding->message);
    }
  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * tri_checks_controller_dup_label:
 * @self: a #TriChecksController
 *
 * Returns: (transfer full): the Checks button's label, with the number of
 *   findings to look at
 */
char *
tri_checks_controller_dup_label (TriChecksController *self)
{
  guint n;

  g_return_val_if_fail (TRI_IS_CHECKS_CONTROLLER (self), NULL);

  n = self->checker != NULL && self->panel != NULL ? tri_checks_panel_get_n_active (self->panel) : 0;
  if (n > 0)
    /* Translators: the Checks button, with how many findings there are */
    return g_strdup_printf (_("Checks (%u)"), n);
  return g_strdup (_("Checks"));
}

/**
 * tri_checks_controller_set_alignment:
 * @self: a #TriChecksController
 * @alignment: (nullable): the alignment shown
 *
 * Checks @alignment, and again after each edit, for the Checks panel.
 */
void
tri_checks_controller_set_alignment (TriChecksController *self,
                                     TriAlignment        *alignment)
{
  g_return_if_fail (TRI_IS_CHECKS_CONTROLLER (self));

  clear_highlight (self);
  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_rows_changed_cb, self);
  g_set_object (&self->alignment, alignment);
  g_clear_object (&self->checker);
  if (alignment != NULL)
    {
      self->checker = tri_checker_new (alignment);
      g_signal_connect_object (self->checker, "changed", G_CALLBACK (on_checker_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_rows_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->panel != NULL)
    tri_checks_panel_set_checker (self->panel, self->checker, alignment);
  emit_changed (self);
}

/**
 * tri_checks_controller_get_checker:
 * @self: a #TriChecksController
 *
 * Returns: (transfer none) (nullable): the findings of the Checks panel
 */
TriChecker *
tri_checks_controller_get_checker (TriChecksController *self)
{
  g_return_val_if_fail (TRI_IS_CHECKS_CONTROLLER (self), NULL);

  return self->checker;
}

/**
 * tri_checks_controller_go_to_finding:
 * @self: a #TriChecksController
 * @direction: 1 (F6) or -1 (Shift+F6)
 * @current_row: the window's current row
 *
 * Shows the next finding in the order the panel lists them (by check,
 * then by row), wrapping around, and says so when it wraps; from a row
 * that shows none, the first (or last) the panel lists.
 *
 * Returns: %FALSE when the panel lists no finding
 */
gboolean
tri_checks_controller_go_to_finding (TriChecksController *self,
                                     int                  direction,
                                     guint                current_row)
{
  g_autoptr(GPtrArray) listed = NULL;
  GPtrArray *findings;
  TriFinding *current = NULL;
  TriFinding *next;
  gint64 at = -1, n;
  guint index;

  g_return_val_if_fail (TRI_IS_CHECKS_CONTROLLER (self), FALSE);

  if (self->checker == NULL || self->panel == NULL)
    return TRUE;
  g_signal_emit (self, signals [COMMIT], 0);
  tri_checker_flush (self->checker);
  findings = tri_checker_get_findings (self->checker);
  listed = tri_checks_panel_dup_listed (self->panel);
  n = listed->len;
  if (n == 0)
    return FALSE;

  if (self->highlight_index != G_MAXUINT && self->highlight_row == current_row &&
      self->highlight_index < findings->len)
    current = g_ptr_array_index (findings, self->highlight_index);
  for (gint64 i = 0; current != NULL && i < n; i++)
    if (g_ptr_array_index (listed, i) == current)
      at = i;

  if (at < 0)
    at = direction > 0 ? -1 : n;
  next = g_ptr_array_index (listed, ((at + direction) % n + n) % n);
  if (!g_ptr_array_find (findings, next, &index))
    return TRUE;

  show_finding (self, next, index, FALSE);
  tri_checks_panel_select (self->panel, next);
  /* Round the end of the list: say so, not silently. */
  if (at + direction >= n || at + direction < 0)
    if (at >= 0 && at < n)
      g_signal_emit (self, signals [MESSAGE], 0,
                     direction > 0 ? _("Past the last finding: back at the first")
                                   : _("Past the first finding: back at the last"));
  return TRUE;
}

/* The report */

/**
 * tri_checks_controller_save_report:
 * @self: a #TriChecksController
 * @file: where to save it
 * @format: HTML or CSV
 * @title: the report's title (the project's name)
 * @error: where to put an error
 *
 * Saves the findings the Checks panel lists, dismissed ones left out,
 * after checking what was edited.
 *
 * Returns: whether the report was saved
 */
gboolean
tri_checks_controller_save_report (TriChecksController  *self,
                                   GFile                *file,
                                   TriReportFormat       format,
                                   const char           *title,
                                   GError              **error)
{
  g_autoptr(GPtrArray) findings = NULL;

  g_return_val_if_fail (TRI_IS_CHECKS_CONTROLLER (self), FALSE);
  g_return_val_if_fail (self->checker != NULL, FALSE);

  g_signal_emit (self, signals [COMMIT], 0);
  tri_checker_flush (self->checker);
  findings = tri_checks_panel_dup_shown (self->panel);
  return tri_report_save (self->alignment, findings, format, title, file, NULL, error);
}

static void
on_report_chosen_cb (TriChecksController  *self,
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

  if (!tri_checks_controller_save_report (self, file, format, self->title, &error))
    g_signal_emit (self, signals [MESSAGE], 0, error->message);
  else
    {
      g_autofree char *shown = g_file_get_basename (file);
      g_autofree char *message = NULL;

      findings = tri_checks_panel_dup_shown (self->panel);
      /* Translators: a file name, and how many findings it holds */
      message = g_strdup_printf (ngettext ("Report saved as “%s” (%u finding)",
                                           "Report saved as “%s” (%u findings)", findings->len),
                                 shown, findings->len);

      g_signal_emit (self, signals [MESSAGE], 0, message);
    }

out:
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

/**
 * tri_checks_controller_choose_report:
 * @self: a #TriChecksController
 * @parent: the window to put the file chooser on
 * @title: the report's title (the project's name), also its suggested
 *   file name's
 *
 * Asks where to save the report, and in which format, and saves it
 * there (what was typed is checked when it is written).
 */
void
tri_checks_controller_choose_report (TriChecksController *self,
                                     GtkWindow           *parent,
                                     const char          *title)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *html, *csv;
  g_autofree char *suggested = NULL;

  g_return_if_fail (TRI_IS_CHECKS_CONTROLLER (self));

  if (self->checker == NULL || self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Report"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
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
  suggested = g_strdup_printf (_("%s — checks.html"), title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  g_free (self->title);
  self->title = g_strdup (title);
  self->chooser = chooser;
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_report_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject */

/**
 * tri_checks_controller_set_button:
 * @self: a #TriChecksController
 * @button: (nullable): the button that shows the Checks panel
 *
 * @button's label counts the findings listed ("Checks (3)"); it can be
 * pressed while there is something to check.
 */
void
tri_checks_controller_set_button (TriChecksController *self,
                                  GtkButton           *button)
{
  g_return_if_fail (TRI_IS_CHECKS_CONTROLLER (self));

  g_set_weak_pointer (&self->button, button);
  emit_changed (self);
}

/**
 * tri_checks_controller_new:
 * @panel: the Checks panel it fills and follows (not owned)
 *
 * Returns: (transfer full): a new controller, checking nothing yet
 */
TriChecksController *
tri_checks_controller_new (TriChecksPanel *panel)
{
  TriChecksController *self;

  g_return_val_if_fail (TRI_IS_CHECKS_PANEL (panel), NULL);

  self = g_object_new (TRI_TYPE_CHECKS_CONTROLLER, NULL);
  self->panel = panel;
  g_object_add_weak_pointer (G_OBJECT (panel), (gpointer *)&self->panel);
  g_signal_connect_object (panel, "finding-selected", G_CALLBACK (on_finding_selected_cb), self,
                           G_CONNECT_SWAPPED);
  /* What the panel lists: the count and the rows' marks follow. */
  g_signal_connect_object (panel, "listed", G_CALLBACK (on_listed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

static void
tri_checks_controller_dispose (GObject *object)
{
  TriChecksController *self = (TriChecksController *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->panel != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->panel), (gpointer *)&self->panel);
  g_clear_weak_pointer (&self->button);
  self->panel = NULL;
  clear_highlight (self);
  g_clear_object (&self->checker);
  g_clear_object (&self->alignment);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (tri_checks_controller_parent_class)->dispose (object);
}

static void
tri_checks_controller_class_init (TriChecksControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_checks_controller_dispose;

  /**
   * TriChecksController::commit:
   * @self: a #TriChecksController
   *
   * Before the rows are read: what was typed and not yet given to the
   * model should be now.
   */
  signals [COMMIT] =
    g_signal_new ("commit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TriChecksController::show-finding:
   * @self: a #TriChecksController
   * @row: the finding's row: the current row from now
   * @column: the column to make current, or %G_MAXUINT
   * @focus: whether the keyboard goes to the row (the finding was
   *   activated in the panel)
   */
  signals [SHOW_FINDING] =
    g_signal_new ("show-finding",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_BOOLEAN);

  /**
   * TriChecksController::highlight-changed:
   * @self: a #TriChecksController
   * @row: the row highlighted, or %G_MAXUINT
   * @spans: (array fixed-size=3): per column, the byte spans (gsize
   *   pairs) of the column's document to highlight, or %NULL
   */
  signals [HIGHLIGHT_CHANGED] =
    g_signal_new ("highlight-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_POINTER);

  /**
   * TriChecksController::changed:
   * @self: a #TriChecksController
   *
   * The panel lists other findings: the count and the rows' marks
   * follow.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TriChecksController::message:
   * @self: a #TriChecksController
   * @message: what to tell the user (a toast)
   */
  signals [MESSAGE] =
    g_signal_new ("message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tri_checks_controller_init (TriChecksController *self)
{
  clear_highlight (self);
}

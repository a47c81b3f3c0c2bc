/* tri-window.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-align-runner.h"
#include "tri-aligner.h"
#include "tri-alignment-grid.h"
#include "tri-checker.h"
#include "tri-checks-controller.h"
#include "tri-checks-panel.h"
#include "tri-column-menus.h"
#include "tri-find-bar.h"
#include "tri-language.h"
#include "tri-opener.h"
#include "tri-parallel-view.h"
#include "tri-progress-strip.h"
#include "tri-project-session.h"
#include "tri-recent-projects.h"
#include "tri-row-filter.h"
#include "tri-segment-editor.h"
#include "tri-spell-checker.h"
#include "tri-status-bar.h"
#include "tri-window-parts.h"
#include "tri-window.h"
#include "tri-wording-controller.h"

enum {
  PROP_0,
  PROP_BUSY,
  PROP_ROW_FILTER,
  PROP_PARALLEL_VIEW,
  PROP_CHECKS_VISIBLE,
  N_PROPS
};

struct _TriWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  TriAlignment         *alignment;
  TriSpellChecker      *spell;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  TriColumnMenus       *columns;        /* the versions' menus and their actions */
  guint                 busy;
  TriAlignRunner       *runner;         /* the alignment running in the background */
  TriOpener            *opener;         /* the files being read */
  TriProjectSession    *session;        /* the project file, saving, autosave */
  gboolean              unsaved_before_align; /* unsaved changes when the alignment running began */
  guint                 changed_row;    /* the first row the last change of the rows touched */
  TriChecksController  *checks;         /* the checker and the Checks panel */
  TriWordingController *wording;        /* Compare Wording: the words' counterparts */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  TriAlignmentGrid     *grid;
  TriChecksPanel       *checks_panel;
  GtkToggleButton      *checks_button;
  TriParallelView      *parallel_view;
  TriSegmentEditor     *editor;
  TriStatusBar         *status_bar;
  TriRecentProjects    *recent;
  TriProgressStrip     *progress;
  TriFindBar           *find_bar;
  GMenu                *primary_menu;
  GMenuModel           *row_menu;
};

G_DEFINE_FINAL_TYPE (TriWindow, tri_window, ADW_TYPE_APPLICATION_WINDOW)

static void set_checker (TriWindow    *self,
                         TriAlignment *alignment);

static GParamSpec *properties [N_PROPS];

void
tri_window_show_toast (TriWindow  *self,
                        const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * tri_window_set_busy:
 * @self: a #TriWindow
 * @busy: whether work starts (%TRUE) or ends (%FALSE): calls pair up
 *
 * While the window is busy, the rows cannot be edited and the progress
 * strip says what runs.
 */
void
tri_window_set_busy (TriWindow *self,
                     gboolean   busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;

  /* A load may finish after the window was disposed. */
  if (self->editor == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->editor), self->busy == 0);
  tri_progress_strip_update (self->progress);
  tri_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* The versions' names in the column headers, menus and status bar, and
 * the window's title. */
static void
update_titles (TriWindow *self)
{
  tri_window_update_title (self);
  if (self->alignment == NULL)
    return;

  tri_column_menus_update (self->columns);
  tri_status_bar_set_alignment (self->status_bar, self->alignment, self->spell);
  for (guint c = 0; c < tri_alignment_get_n_columns (self->alignment); c++)
    {
      TriDocument *doc = tri_alignment_get_document (self->alignment, c);
      g_autofree char *name = tri_language_dup_display_name (tri_document_get_language (doc));

      tri_alignment_grid_set_column_header (self->grid, c, name, NULL);
    }
}

static void
on_document_language_cb (TriWindow   *self,
                         GParamSpec  *pspec,
                         TriDocument *document)
{
  g_assert (TRI_IS_WINDOW (self));

  update_titles (self);
}

/* The columns' actions (language, encoding, dictionary) and the menus of
 * the grid's column headers. */
static void
build_column_actions (TriWindow *self)
{
  tri_column_menus_set_alignment (self->columns, self->alignment, self->spell);
  for (guint c = 0; c < tri_alignment_get_n_columns (self->alignment); c++)
    {
      TriDocument *doc = tri_alignment_get_document (self->alignment, c);

      tri_alignment_grid_set_column_header (self->grid, c, NULL, tri_column_menus_get_header_menu (self->columns, c));
      /* Once, however often the columns are built. */
      g_signal_handlers_disconnect_by_func (doc, on_document_language_cb, self);
      g_signal_connect_object (doc, "notify::language",
                               G_CALLBACK (on_document_language_cb), self, G_CONNECT_SWAPPED);
    }
}

/* An encoding chosen in a column's menu: read the file again; the
 * language stays what the user sees. */
static void
on_reopen_cb (TriWindow      *self,
              guint           column,
              const char     *encoding,
              TriColumnMenus *menus)
{
  TriDocument *doc;
  GFile *file;
  const char *language;

  if (self->alignment == NULL || column >= tri_alignment_get_n_columns (self->alignment))
    return;

  doc = tri_alignment_get_document (self->alignment, column);
  file = tri_document_get_file (doc);
  if (file != NULL)
    {
      language = tri_document_get_language (doc);
      tri_window_start_open (self, &file, &language, 1, encoding, tri_document_get_paragraph_mode (doc), (int)column);
    }
}

/* New cells for every column, keeping the rows, the selection and the
 * current column (when the rows turn compact or wrapped). */
static void
rebuild_cells (TriWindow *self)
{
  guint row = tri_alignment_grid_get_current_row (self->grid);

  tri_alignment_grid_set_compact (self->grid, g_settings_get_boolean (self->settings, "compact-rows"));
  if (self->alignment != NULL && row != GTK_INVALID_LIST_POSITION)
    tri_window_select_row (self, row);
}

/* Opened texts of this many rows or more are checked once aligned. */
#define DEFER_CHECKS_ROWS 1000

/* What runs now, for the progress strip: its stage and how far it got. */
static gboolean
what_runs (gpointer     data,
           const char **stage,
           double      *fraction,
           gboolean    *can_cancel)
{
  TriWindow *self = data;

  gboolean reading;

  if (tri_opener_get_progress (self->opener, fraction, &reading))
    *stage = reading ? _("Reading the files…") : _("Splitting into sentences…");
  else if (self->session != NULL && tri_project_session_get_loading_file (self->session) != NULL)
    *stage = _("Opening the project…");
  else if (tri_align_runner_get_running (self->runner))
    {
      *stage = _("Aligning sentences…");
      *fraction = tri_aligner_get_progress (tri_align_runner_get_aligner (self->runner));
    }
  else if (tri_checks_controller_get_checker (self->checks) != NULL &&
           tri_checker_get_busy (tri_checks_controller_get_checker (self->checks)))
    {
      *stage = _("Checking the versions…");
      *can_cancel = FALSE;
    }
  return *stage != NULL;
}

/* Stops a running alignment; the rows stay paired in order, and are
 * checked as they are. */
static gboolean
cancel_alignment (TriWindow *self)
{
  if (!tri_align_runner_cancel (self->runner))
    return FALSE;

  tri_window_set_busy (self, FALSE);
  if (tri_checks_controller_get_checker (self->checks) == NULL && self->alignment != NULL)
    set_checker (self, self->alignment);
  return TRUE;
}

static void
on_aligned_cb (TriWindow *self,
               gboolean   replaced)
{
  tri_window_set_busy (self, FALSE);
  /* The aligner's rows are where the user starts: nothing to save yet. */
  if (replaced && !self->unsaved_before_align)
    tri_project_session_mark_saved (self->session);

  /* Opened texts are checked once aligned: findings on rows paired in
   * order would be noise, and checking them would delay the rows. */
  if (tri_checks_controller_get_checker (self->checks) == NULL)
    set_checker (self, self->alignment);
  tri_progress_strip_update (self->progress);
  tri_window_update_review_count (self);
  tri_window_update_title (self);
  tri_window_update_actions (self);
}

static void
on_align_failed_cb (TriWindow  *self,
                    const char *message)
{
  tri_window_set_busy (self, FALSE);
  tri_window_show_toast (self, message);
}

/**
 * tri_window_start_alignment:
 * @self: a #TriWindow
 * @fixed: (nullable) (element-type TriBead): rows to keep
 * @replace_from: with @fixed, the first row the result replaces
 * @n_replace: how many rows it replaces
 * @n_tail: how many rows of the result, at its end, are the fixed rows
 *   after those (and are not replaced)
 *
 * Aligns the documents on screen in the background (tri_align_runner_start()).
 */
void
tri_window_start_alignment (TriWindow    *self,
                            const GArray *fixed,
                            guint         replace_from,
                            guint         n_replace,
                            guint         n_tail)
{
  cancel_alignment (self);
  self->unsaved_before_align = tri_window_get_unsaved (self);
  tri_align_runner_start (self->runner, self->alignment, fixed, replace_from, n_replace, n_tail);
  if (tri_align_runner_get_running (self->runner))
    tri_window_set_busy (self, TRUE);
  tri_window_update_review_count (self);
}

static void
start_alignment (TriWindow *self)
{
  tri_window_start_alignment (self, NULL, 0, 0, 0);
}

static void
on_alignment_language_cb (TriWindow   *self,
                          GParamSpec  *pspec,
                          TriDocument *document)
{
  g_assert (TRI_IS_WINDOW (self));

  /* The document was split again: align anew. */
  tri_wording_controller_set_alignment (self->wording, self->alignment);
  start_alignment (self);
}

static void
on_rows_changed_cb (TriWindow  *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *model)
{
  /* Undo, redo and the counts follow every change, the editor strip's
   * too. */
  self->changed_row = position;
  tri_window_update_actions (self);
  tri_window_update_title (self);
}

/* An edit can move the current row in the alignment (after the grid has
 * seen the change): the strip follows it. */
static void
on_rows_changed_after_cb (TriWindow  *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  if (tri_alignment_grid_get_current_position (self->grid) != GTK_INVALID_LIST_POSITION)
    tri_segment_editor_set_row (self->editor, tri_alignment_grid_get_current_row (self->grid));
}

/**
 * tri_window_commit_edits:
 * @self: a #TriWindow
 *
 * Gives the model what was typed in the editor strip and not yet given:
 * every other edit, a save and an undo come after it.
 */
void
tri_window_commit_edits (TriWindow *self)
{
  if (self->editor != NULL)
    tri_segment_editor_commit (self->editor);
}

static void
on_editor_column_focused_cb (TriWindow        *self,
                             guint             column,
                             TriSegmentEditor *editor)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.column", "u", column);
}

static void
on_editor_done_cb (TriWindow        *self,
                   TriSegmentEditor *editor)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

/**
 * set_checker:
 * @self: a #TriWindow
 * @alignment: (nullable): the alignment shown
 *
 * Checks @alignment, and again after each edit, for the Checks panel.
 */
static void
set_checker (TriWindow    *self,
             TriAlignment *alignment)
{
  tri_checks_controller_set_alignment (self->checks, alignment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.checks", alignment != NULL);
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

  return self->checks != NULL ? tri_checks_controller_get_checker (self->checks) : NULL;
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
 * tri_window_get_spell_checker:
 * @self: a #TriWindow
 *
 * Returns: (transfer none) (nullable): the spell checker of the texts shown
 */
TriSpellChecker *
tri_window_get_spell_checker (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->spell;
}

/* Shows @alignment (taken), aligning it in the background unless its rows
 * came from a project. */
static void
show_alignment (TriWindow    *self,
                TriAlignment *alignment,
                gboolean      align)
{
  guint n_documents = tri_alignment_get_n_columns (alignment);

  cancel_alignment (self);

  if (self->alignment != NULL)
    for (guint c = 0; c < tri_alignment_get_n_columns (self->alignment); c++)
      {
        g_signal_handlers_disconnect_by_func (tri_alignment_get_document (self->alignment, c),
                                              on_document_language_cb, self);
        g_signal_handlers_disconnect_by_func (tri_alignment_get_document (self->alignment, c),
                                              on_alignment_language_cb, self);
      }

  if (self->alignment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->alignment, on_rows_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->alignment, on_rows_changed_after_cb, self);
    }
  g_clear_object (&self->alignment);
  self->alignment = alignment;
  /* The rows edits make are scored as the aligner scores its own. */
  tri_alignment_set_aligner (alignment, tri_align_runner_get_aligner (self->runner));
  tri_project_session_set_alignment (self->session, alignment);
  g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_rows_changed_cb), self, G_CONNECT_SWAPPED);

  tri_alignment_grid_set_alignment (self->grid, NULL);

  /* Before the columns: their cells ask it for underlines. */
  g_clear_object (&self->spell);
  self->spell = tri_window_new_spell_checker (self, alignment);
  tri_window_apply_spell_settings (self);
  /* Long texts to align are checked after the alignment (on_aligned_cb):
   * checking rows merely paired in order would take a thread for nothing
   * and count findings that are noise. Short ones are checked at once (a
   * few milliseconds) and again when aligned. */
  set_checker (self, align && g_list_model_get_n_items (G_LIST_MODEL (alignment)) >= DEFER_CHECKS_ROWS
                                 ? NULL : alignment);
  tri_alignment_grid_set_spell_checker (self->grid, self->spell);
  tri_alignment_grid_set_alignment (self->grid, alignment);
  build_column_actions (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.filter", TRUE);
  tri_window_update_row_filter (self);

  tri_segment_editor_set_alignment (self->editor, alignment);
  tri_segment_editor_set_spell_checker (self->editor, self->spell);
  tri_parallel_view_set_alignment (self->parallel_view, alignment);
  tri_wording_controller_set_alignment (self->wording, alignment);
  /* After the grid's own: it keeps the current row. */
  g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_rows_changed_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  update_titles (self);
  gtk_stack_set_visible_child_name (self->stack, "grid");
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
  /* The work starts on the first row: the strip shows it, and the
   * keyboard is on it (not on the list itself, which the cursor keys
   * would leave behind). */
  tri_alignment_grid_select_row (self->grid, 0, TRUE);

  for (guint c = 0; c < n_documents; c++)
    g_signal_connect_object (tri_alignment_get_document (alignment, c), "notify::language",
                             G_CALLBACK (on_alignment_language_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.column", "u", 0);
  if (align)
    start_alignment (self);
  else
    tri_progress_strip_update (self->progress);
  tri_window_update_actions (self);
}

/**
 * tri_window_show_rows:
 * @self: a #TriWindow
 * @alignment: (transfer full): rows to show as they are
 *
 * Shows @alignment in place of what the window showed, without aligning.
 */
void
tri_window_show_rows (TriWindow    *self,
                      TriAlignment *alignment)
{
  show_alignment (self, alignment, FALSE);
}

/**
 * tri_window_set_documents:
 * @self: a #TriWindow
 * @documents: (array length=n_documents): one to three documents
 * @n_documents: their number
 *
 * Shows @documents side by side, replacing what the window showed, and
 * aligns them.
 */
void
tri_window_set_documents (TriWindow    *self,
                          TriDocument **documents,
                          guint         n_documents)
{
  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (n_documents >= 1 && n_documents <= TRI_MAX_COLUMNS);

  tri_project_session_forget_file (self->session);
  show_alignment (self, tri_alignment_new (documents, n_documents), TRUE);
}

/**
 * tri_window_restart_loading:
 * @self: a #TriWindow
 *
 * A new load, recovery or opening of files replaces the one running.
 *
 * Returns: (transfer none): the cancellable of the new one
 */
GCancellable *
tri_window_restart_loading (TriWindow *self)
{
  tri_project_session_stop_loading (self->session);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

/**
 * tri_window_get_alignment:
 * @self: a #TriWindow
 *
 * Returns: (transfer none) (nullable): what the window shows
 */
TriAlignment *
tri_window_get_alignment (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->alignment;
}

gboolean
tri_window_get_busy (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), FALSE);

  return self->busy > 0;
}

/**
 * tri_window_get_parallel_text:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the parallel-text view
 */
TriParallelView *
tri_window_get_parallel_text (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->parallel_view;
}

/**
 * tri_window_get_wording:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): what links the words of the rows shown and
 *   highlights a word's counterparts (Compare Wording)
 */
TriWordingController *
tri_window_get_wording (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->wording;
}

/**
 * tri_window_get_template_child:
 * @self: a #TriWindow
 * @name: the widget's id in the window's template
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL before the
 *   template is built and after it is gone
 */
GObject *
tri_window_get_template_child (TriWindow  *self,
                               const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), TRI_TYPE_WINDOW, name);
}

/**
 * tri_window_get_session:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the project file, saving and autosave
 */
TriProjectSession *
tri_window_get_session (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * tri_window_get_opener:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): what reads the files opened
 */
TriOpener *
tri_window_get_opener (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->opener;
}

/**
 * tri_window_get_grid:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the grid of rows
 */
TriAlignmentGrid *
tri_window_get_grid (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->grid;
}

/**
 * tri_window_get_settings:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
tri_window_get_settings (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->settings;
}

/**
 * tri_window_get_cancellable:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): cancelled when the window goes: for the work
 *   it starts in the background
 */
GCancellable *
tri_window_get_cancellable (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->cancellable;
}

/**
 * tri_window_get_checks:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the checker and the Checks panel's controller
 */
TriChecksController *
tri_window_get_checks (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->checks;
}

/**
 * tri_window_get_file_chooser:
 * @self: a #TriWindow
 *
 * Returns: (transfer none) (nullable): the file chooser shown, if any
 */
GtkFileChooserNative *
tri_window_get_file_chooser (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->chooser;
}

/**
 * tri_window_set_file_chooser:
 * @self: a #TriWindow
 * @chooser: (nullable): the file chooser shown now
 *
 * One file chooser at a time: the window keeps it until it answers.
 */
void
tri_window_set_file_chooser (TriWindow            *self,
                             GtkFileChooserNative *chooser)
{
  g_return_if_fail (TRI_IS_WINDOW (self));

  g_set_object (&self->chooser, chooser);
}

/**
 * tri_window_get_changed_row:
 * @self: a #TriWindow
 *
 * Returns: the first row the last change of the rows touched
 */
guint
tri_window_get_changed_row (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), 0);

  return self->changed_row;
}

/**
 * tri_window_get_find_bar:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the find and replace bar
 */
TriFindBar *
tri_window_get_find_bar (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->find_bar;
}

/**
 * tri_window_get_editor:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the editor strip under the grid
 */
TriSegmentEditor *
tri_window_get_editor (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return self->editor;
}

/**
 * tri_window_get_view:
 * @self: a #TriWindow
 *
 * Returns: (transfer none): the aligned grid's rows, the widget that
 *   scrolls (for tests and benchmarks)
 */
GtkWidget *
tri_window_get_view (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return tri_alignment_grid_get_view (self->grid);
}

static void
on_row_activated_cb (TriWindow        *self,
                     guint             row,
                     TriAlignmentGrid *grid)
{
  /* Return acts on the cursor's row, which the keyboard focus follows
   * (a click selects the row before it activates it). */
  gtk_widget_activate_action (GTK_WIDGET (self), "segment.edit", NULL);
}

/* The row menu (TriAlignmentGrid's): the editing operations on a right
 * click, the Menu key or Shift+F10 — on the row and column clicked, or
 * the cursor's. */

/* A right click on a row, now the current row (and the column clicked the
 * current column). On a misspelled word: the strip now shows the row, one
 * sentence a line where the cell has them one after another, so a
 * character of the cell is the same character of the strip's text. */
static void
on_grid_context_menu_cb (TriWindow        *self,
                         double            x,
                         double            y,
                         guint             column,
                         int               offset,
                         TriAlignmentGrid *grid)
{
  tri_alignment_grid_popup_row_menu (grid, x, y,
                                     column != G_MAXUINT && offset >= 0 &&
                                     tri_segment_editor_pick_word (self->editor, column, offset) != NULL);
}

static void
tri_window_row_menu_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  tri_alignment_grid_popup_row_menu (TRI_WINDOW (widget)->grid, -1, -1, FALSE);
}

/* Actions */

static void
tri_window_open_sample_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  tri_window_open_sample (TRI_WINDOW (widget));
}

static void
tri_window_cancel_alignment_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);

  /* Files or a project being read: the window stays as it was. */
  if (tri_opener_get_running (self->opener) || tri_project_session_get_loading_file (self->session) != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      tri_project_session_stop_loading (self->session);
      tri_opener_forget (self->opener);
      tri_window_show_toast (self, _("Opening cancelled"));
      return;
    }

  if (cancel_alignment (self))
    {
      if (tri_checks_controller_get_checker (self->checks) == NULL && self->alignment != NULL)
        set_checker (self, self->alignment);
      tri_window_show_toast (self, _("Alignment cancelled: the rows are paired in order"));
    }
}

/* GObject */

static gboolean
tri_window_close_request (GtkWindow *window)
{
  TriWindow *self = TRI_WINDOW (window);
  int width, height;

  if (tri_project_session_ask_before_close (self->session))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (tri_window_parent_class)->close_request (window);
}

static void
tri_window_constructed (GObject *object)
{
  TriWindow *self = (TriWindow *)object;
  int width, height;

  G_OBJECT_CLASS (tri_window_parent_class)->constructed (object);

  self->settings = g_settings_new (APP_ID);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  tri_window_init_text_size (self);

  /* Compact rows (Ctrl+Shift+L): new cells for every column. */
  {
    g_autoptr(GAction) compact = g_settings_create_action (self->settings, "compact-rows");

    g_action_map_add_action (G_ACTION_MAP (self), compact);
  }
  tri_alignment_grid_set_compact (self->grid, g_settings_get_boolean (self->settings, "compact-rows"));
  g_signal_connect_object (self->settings, "changed::compact-rows",
                           G_CALLBACK (rebuild_cells), self, G_CONNECT_SWAPPED);
  /* Compare Wording (Ctrl+D): the words' counterparts. */
  {
    g_autoptr(GAction) compare = g_settings_create_action (self->settings, "compare-wording");

    g_action_map_add_action (G_ACTION_MAP (self), compare);
  }
  self->wording = tri_wording_controller_new (self->grid, self->editor, self->parallel_view, self->settings);
  tri_window_init_spelling (self);
}

static void
tri_window_dispose (GObject *object)
{
  TriWindow *self = (TriWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  g_clear_object (&self->runner);
  if (self->opener != NULL)
    g_signal_handlers_disconnect_by_data (self->opener, self);
  g_clear_object (&self->opener);
  if (self->progress != NULL)
    tri_progress_strip_set_func (self->progress, NULL, NULL);
  g_clear_object (&self->wording);
  /* A clean end forgets the autosave (tri_project_session_dispose()). */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  g_clear_object (&self->spell);
  if (self->grid != NULL)
    tri_alignment_grid_set_note_func (self->grid, NULL, NULL, NULL);
  g_clear_object (&self->checks);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRI_TYPE_WINDOW);

  G_OBJECT_CLASS (tri_window_parent_class)->dispose (object);
}

static void
tri_window_finalize (GObject *object)
{
  TriWindow *self = (TriWindow *)object;

  g_clear_object (&self->alignment);
  g_clear_object (&self->columns);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tri_window_parent_class)->finalize (object);
}

static void
tri_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TriWindow *self = TRI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;

    case PROP_ROW_FILTER:
      g_value_set_string (value, tri_window_get_row_filter (self));
      break;

    case PROP_PARALLEL_VIEW:
      g_value_set_boolean (value, tri_window_get_parallel_view (self));
      break;

    case PROP_CHECKS_VISIBLE:
      g_value_set_boolean (value, tri_window_get_checks_visible (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TriWindow *self = TRI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ROW_FILTER:
      tri_window_set_row_filter (self, g_value_get_string (value));
      break;

    case PROP_PARALLEL_VIEW:
      tri_window_set_parallel_view (self, g_value_get_boolean (value));
      break;

    case PROP_CHECKS_VISIBLE:
      tri_window_set_checks_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_window_class_init (TriWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tri_window_constructed;
  object_class->dispose = tri_window_dispose;
  object_class->finalize = tri_window_finalize;
  object_class->get_property = tri_window_get_property;
  object_class->set_property = tri_window_set_property;

  window_class->close_request = tri_window_close_request;

  /**
   * TriWindow:busy:
   *
   * Whether files are being read.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TriWindow:row-filter:
   *
   * The rows the grid shows: "all", "review", "unconfirmed", "uneven" or
   * "bookmarked".
   */
  properties [PROP_ROW_FILTER] =
    g_param_spec_string ("row-filter", NULL, NULL,
                         "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TriWindow:parallel-view:
   *
   * Whether the window shows the versions as whole texts side by side
   * instead of the grid.
   */
  properties [PROP_PARALLEL_VIEW] =
    g_param_spec_boolean ("parallel-view", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TriWindow:checks-visible:
   *
   * Whether the Checks panel is shown.
   */
  properties [PROP_CHECKS_VISIBLE] =
    g_param_spec_boolean ("checks-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  tri_window_class_checks_init (klass);
  tri_window_class_exchange_init (klass);
  tri_window_class_paste_init (klass);
  gtk_widget_class_install_action (widget_class, "win.row-menu", NULL, tri_window_row_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "win.row-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "win.row-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.compact-rows", NULL);

  tri_window_class_views_init (klass);

  g_type_ensure (TRI_TYPE_ALIGNMENT_GRID);
  g_type_ensure (TRI_TYPE_RECENT_PROJECTS);
  g_type_ensure (TRI_TYPE_STATUS_BAR);
  g_type_ensure (TRI_TYPE_SEGMENT_EDITOR);
  g_type_ensure (TRI_TYPE_PARALLEL_VIEW);
  g_type_ensure (TRI_TYPE_CHECKS_PANEL);
  g_type_ensure (TRI_TYPE_FIND_BAR);
  g_type_ensure (TRI_TYPE_PROGRESS_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/tri-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TriWindow, toast_overlay);
  gtk_widget_class_bind_template_child_full (widget_class, "window_title", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "paned", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "view_stack", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "flap", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, checks_panel);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, checks_button);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, parallel_view);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, status_bar);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, primary_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "review_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "filter_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, row_menu);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, recent);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, find_bar);

  tri_window_class_actions_init (klass);

  tri_window_class_files_init (klass);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, tri_window_open_sample_action);
  tri_window_class_text_size_init (klass);
  gtk_widget_class_install_action (widget_class, "win.cancel-alignment", NULL, tri_window_cancel_alignment_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.compare-wording", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-sample", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-alignment", NULL);
}

static void
tri_window_init (TriWindow *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));
  self->runner = tri_align_runner_new ();
  g_signal_connect_object (self->runner, "aligned", G_CALLBACK (on_aligned_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "failed", G_CALLBACK (on_align_failed_cb), self, G_CONNECT_SWAPPED);
  self->opener = tri_opener_new ();
  g_signal_connect_object (self->opener, "busy", G_CALLBACK (tri_window_set_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->opener, "message", G_CALLBACK (tri_window_show_toast), self, G_CONNECT_SWAPPED);
  tri_progress_strip_set_func (self->progress, what_runs, self);
  self->session = tri_project_session_new (GTK_WINDOW (self));
  tri_window_init_project (self);
  self->checks = tri_checks_controller_new (self->checks_panel);
  tri_checks_controller_set_button (self->checks, GTK_BUTTON (self->checks_button));
  tri_window_init_checks (self);
  tri_alignment_grid_set_row_menu (self->grid, self->row_menu, tri_segment_editor_get_spell_menu (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.checks", FALSE);

  /* Enter or a double click on a row edits its cell in the current column
   * (the list view takes Enter before the window's own shortcuts see it). */
  g_signal_connect_object (self->grid, "row-activated", G_CALLBACK (on_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "context-menu", G_CALLBACK (on_grid_context_menu_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "range-changed", G_CALLBACK (tri_window_update_review_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "column-focused", G_CALLBACK (on_editor_column_focused_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "done", G_CALLBACK (on_editor_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "message", G_CALLBACK (tri_window_show_toast), self, G_CONNECT_SWAPPED);
  tri_window_init_views (self);
  gtk_widget_set_margin_start (GTK_WIDGET (self->editor), TRI_ALIGNMENT_GRID_NUMBER_WIDTH);

  tri_window_init_actions (self);

  /* The columns' language and file, also in the main menu: the column
   * headers' menus are out of reach of the keyboard. */
  self->columns = tri_column_menus_new ();
  g_signal_connect_object (self->columns, "reopen", G_CALLBACK (on_reopen_cb), self, G_CONNECT_SWAPPED);
  g_menu_insert_section (self->primary_menu, 1, _("Versions"), tri_column_menus_get_versions (self->columns));

  gtk_widget_insert_action_group (GTK_WIDGET (self), "column", tri_column_menus_get_actions (self->columns));

  tri_window_init_files (self, GTK_WIDGET (self->stack));
  g_signal_connect_object (self->recent, "open", G_CALLBACK (tri_window_open_project), self, G_CONNECT_SWAPPED);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * tri_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a new, empty window
 */
TriWindow *
tri_window_new (TriApplication *application)
{
  return g_object_new (TRI_TYPE_WINDOW, "application", application, NULL);
}

/* tri-window-actions.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-user-lexicon.h"
#include "tri-find-bar.h"
#include "tri-window-parts.h"

/* The editing actions of the aligned grid. They act on the selected row
 * and the current column (Alt+1 … Alt+3, Alt+Left and Alt+Right), go
 * through the model's undoable operations, and keep the cursor where the
 * user works. */

/* The alignment's index of the selected row (the grid may show only some
 * rows). */
static guint
current_row (TriWindow *self)
{
  if (tri_alignment_grid_get_current_position (tri_window_get_grid (self)) == GTK_INVALID_LIST_POSITION)
    return GTK_INVALID_LIST_POSITION;
  return tri_alignment_grid_get_current_row (tri_window_get_grid (self));
}

/**
 * tri_window_grid_may_focus:
 * @self: a #TriWindow
 *
 * Whether a jump in the grid may give the keyboard to its row: never
 * taken from the editor strip, the search bar, the Checks panel or the
 * parallel text. (In the grid, an edit may have rebound the focused row
 * and left the focus nowhere in particular.)
 *
 * Returns: whether the grid may take the keyboard focus
 */
gboolean
tri_window_grid_may_focus (TriWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus == NULL ||
         (!gtk_widget_is_ancestor (focus, GTK_WIDGET (tri_window_get_editor (self))) &&
          !gtk_widget_is_ancestor (focus, GTK_WIDGET (tri_window_get_find_bar (self))) &&
          !gtk_widget_is_ancestor (focus, tri_window_get_checks_panel (self)) &&
          !gtk_widget_is_ancestor (focus, GTK_WIDGET (tri_window_get_parallel_text (self))));
}

/* The cursor keys of the grid (Up, Down, Page Up, Page Down, Home, End,
 * with or without Ctrl): the cursor is the selected row, and the strip,
 * the keyboard focus and the view follow it. GtkListBase's own bindings
 * move the focus alone with Ctrl, and leave the view behind after an
 * edit rebinds the rows. */
static void
move_cursor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);

  tri_alignment_grid_move_cursor (tri_window_get_grid (self), g_variant_get_string (param, NULL), tri_window_grid_may_focus (self));
}

/**
 * tri_window_select_row:
 * @self: a #TriWindow
 * @row: a row of the alignment
 *
 * Makes @row the grid's current row, showing every row if the grid is
 * narrowed to rows of another kind, and scrolls to it.
 */
void
tri_window_select_row (TriWindow *self,
                        guint      row)
{
  if (tri_window_get_alignment (self) == NULL)
    return;

  /* A row the narrowed grid does not show: show every row. */
  if (!tri_alignment_grid_select_row (tri_window_get_grid (self), row, tri_window_grid_may_focus (self)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.filter", "s", "all");
      tri_alignment_grid_select_row (tri_window_get_grid (self), row, tri_window_grid_may_focus (self));
    }
}

/* The confirmed rows before the edit running (target() to after_edit(),
 * in one action), or G_MAXUINT. */
static void
set_confirmed_before (TriWindow *self,
                      guint      n)
{
  g_object_set_data (G_OBJECT (self), "tri-confirmed-before", GUINT_TO_POINTER (n == G_MAXUINT ? 0 : n + 1));
}

static guint
get_confirmed_before (TriWindow *self)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "tri-confirmed-before"));

  return n == 0 ? G_MAXUINT : n - 1;
}

/* The row to act on: the selected one, else the first. */
static gboolean
target (TriWindow *self,
        guint     *row)
{
  if (tri_window_get_alignment (self) == NULL || tri_window_get_busy (self))
    return FALSE;

  tri_window_commit_edits (self);
  set_confirmed_before (self, tri_alignment_get_n_confirmed (tri_window_get_alignment (self)));
  *row = current_row (self);
  if (*row == GTK_INVALID_LIST_POSITION)
    *row = 0;
  return *row < g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_alignment (self)));
}

static void
after_edit (TriWindow *self,
            gboolean   done,
            guint      row)
{
  if (!done)
    {
      set_confirmed_before (self, G_MAXUINT);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  tri_window_select_row (self, row);
  tri_window_update_actions (self);

  /* A change of a confirmed row's sentences takes its confirmation back
   * (a change of its words does not): say so. */
  if (get_confirmed_before (self) != G_MAXUINT &&
      tri_alignment_get_n_confirmed (tri_window_get_alignment (self)) < get_confirmed_before (self))
    {
      guint lost = get_confirmed_before (self) - tri_alignment_get_n_confirmed (tri_window_get_alignment (self));
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u confirmed row changed: confirm it again when it is right",
                                      "%u confirmed rows changed: confirm them again when they are right",
                                      lost), lost);

      tri_window_show_toast (self, message);
    }
  set_confirmed_before (self, G_MAXUINT);
}

static void
column_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  tri_alignment_grid_set_current_column (tri_window_get_grid (TRI_WINDOW (widget)), g_variant_get_uint32 (param));
}

static void
next_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);
  guint n = tri_window_get_alignment (self) != NULL ? tri_alignment_get_n_columns (tri_window_get_alignment (self)) : 0;

  if (n > 0)
    tri_alignment_grid_set_current_column (tri_window_get_grid (self), (tri_alignment_grid_get_current_column (tri_window_get_grid (self)) + 1) % n);
}

static void
previous_column_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);
  guint n = tri_window_get_alignment (self) != NULL ? tri_alignment_get_n_columns (tri_window_get_alignment (self)) : 0;

  if (n > 0)
    tri_alignment_grid_set_current_column (tri_window_get_grid (self), (tri_alignment_grid_get_current_column (tri_window_get_grid (self)) + n - 1) % n);
}

/* Where Ctrl+Shift+M splits the row: before the sentence the editor
 * strip's cursor is on, else after the cell's first sentence. */
static guint
split_point (TriWindow *self)
{
  int sentence = tri_segment_editor_get_cursor_sentence (tri_window_get_editor (self), tri_alignment_grid_get_current_column (tri_window_get_grid (self)));

  return sentence > 0 ? (guint)sentence : 1;
}

/* Where Split Row in All Columns splits each cell: at the strip's cursor
 * sentence in the cell it is in, after the first sentence elsewhere. */
static gboolean
split_all (TriWindow *self,
           guint      row)
{
  guint at[TRI_MAX_COLUMNS];

  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      int sentence = tri_segment_editor_get_cursor_sentence (tri_window_get_editor (self), c);

      at[c] = sentence > 0 ? (guint)sentence : 1;
    }
  return tri_alignment_split_row_all (tri_window_get_alignment (self), row, at);
}

#define ROW_ACTION(name, call, next_row)                          \
  static void                                                     \
  name (GtkWidget  *widget,                                       \
        const char *action_name,                                  \
        GVariant   *param)                                        \
  {                                                               \
    TriWindow *self = TRI_WINDOW (widget);                        \
    TriAlignment *alignment = tri_window_get_alignment (self);                    \
    guint column = tri_alignment_grid_get_current_column (tri_window_get_grid (self));                          \
    guint row;                                                    \
                                                                  \
    if (!target (self, &row))                                     \
      return;                                                     \
    (void)column;                                                 \
    (void)alignment;                                              \
    after_edit (self, call, next_row);                            \
  }

ROW_ACTION (merge_next_action, tri_alignment_merge_next (alignment, row), row)
ROW_ACTION (split_action, tri_alignment_split_row (alignment, row, column, split_point (self)), row + 1)
ROW_ACTION (split_all_action, split_all (self, row), row + 1)
ROW_ACTION (move_up_action, tri_alignment_move_up (alignment, row, column), row > 0 ? row - 1 : 0)
ROW_ACTION (move_down_action, tri_alignment_move_down (alignment, row, column), row)
ROW_ACTION (insert_empty_action, tri_alignment_insert_empty (alignment, row, column), row)
ROW_ACTION (remove_empty_action, tri_alignment_remove_empty_cell (alignment, row, column), row)
ROW_ACTION (delete_row_action, tri_alignment_delete_empty_row (alignment, row), row)
ROW_ACTION (swap_up_action, tri_alignment_swap_up (alignment, row, column), row > 0 ? row - 1 : 0)
/* Confirms @row (with @through, every row up to it) and adds the rows that
 * were not confirmed yet to the user's lexicons: the aligner's evidence
 * from now on. */
static gboolean
confirm_and_learn (TriAlignment *alignment,
                   guint         row,
                   gboolean      through)
{
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean done;

  for (guint r = through ? 0 : row; r <= row; r++)
    {
      g_autoptr(TriRow) item = g_list_model_get_item (G_LIST_MODEL (alignment), r);

      if (item != NULL && !tri_row_get_confirmed (item))
        g_array_append_val (fresh, r);
    }
  done = through ? tri_alignment_confirm_through (alignment, row)
                 : tri_alignment_set_confirmed (alignment, row, TRUE);
  if (done)
    tri_user_lexicon_learn_rows (alignment, (const guint *)(gpointer)fresh->data, fresh->len);
  return done;
}

ROW_ACTION (confirm_through_action, confirm_and_learn (alignment, row, TRUE), row + 1)
ROW_ACTION (bookmark_action, tri_alignment_toggle_bookmark (alignment, row), row)

/* Joins the cell's last sentence with the next sentence of its text: a
 * boundary the splitter got wrong. */
static void
join_sentences_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);
  g_autoptr(TriRow) item = NULL;
  guint row, column = tri_alignment_grid_get_current_column (tri_window_get_grid (self)), last;

  if (!target (self, &row))
    return;

  item = g_list_model_get_item (G_LIST_MODEL (tri_window_get_alignment (self)), row);
  if (tri_row_get_count (item, column) == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  last = tri_row_get_first (item, column) + tri_row_get_count (item, column) - 1;
  after_edit (self, tri_alignment_join_sentences (tri_window_get_alignment (self), column, last), row);
}

/* Return or a double click: type in the current column's view of the
 * editor strip, which shows the selected row. */
static void
edit_cell_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);
  guint row;

  if (!target (self, &row))
    return;

  tri_alignment_grid_select_row (tri_window_get_grid (self), row, FALSE);
  tri_segment_editor_set_row (tri_window_get_editor (self), row);
  tri_segment_editor_focus_column (tri_window_get_editor (self), tri_alignment_grid_get_current_column (tri_window_get_grid (self)));
}

/* Confirms the row and goes on to the next, as in a CAT tool. */
static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);
  guint row;

  if (!target (self, &row))
    return;

  confirm_and_learn (tri_window_get_alignment (self), row, FALSE);
  after_edit (self, TRUE, row + 1);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);

  tri_window_commit_edits (self);
  if (tri_window_get_alignment (self) != NULL && !tri_window_get_busy (self))
    {
      /* The cursor goes to what the undo changed. */
      gboolean done = tri_alignment_undo (tri_window_get_alignment (self));

      after_edit (self, done, tri_window_get_changed_row (self));
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);

  tri_window_commit_edits (self);
  if (tri_window_get_alignment (self) != NULL && !tri_window_get_busy (self))
    {
      gboolean done = tri_alignment_redo (tri_window_get_alignment (self));

      after_edit (self, done, tri_window_get_changed_row (self));
    }
}

static gboolean
bead_is_empty (const TriBead *bead)
{
  for (guint c = 0; c < TRI_ALIGN_MAX_LANGUAGES; c++)
    if (bead->count[c] > 0)
      return FALSE;
  return TRUE;
}

/* Realign the rows of the marked range (Shift+Up/Down), or every row from
 * the cursor down, keeping the rows outside and the confirmed rows inside
 * as they are. */
static void
realign_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) fixed = NULL;
  guint row, first, last, kept = 0, tail = 0;

  if (!target (self, &row))
    return;

  rows = tri_alignment_dup_rows (tri_window_get_alignment (self));
  if (!tri_alignment_grid_get_range (tri_window_get_grid (self), &first, &last))
    {
      first = row;
      last = rows->len - 1;
    }

  fixed = g_array_new (FALSE, FALSE, sizeof (TriBead));
  for (guint r = 0; r < rows->len; r++)
    {
      TriBead *bead = &g_array_index (rows, TriBead, r);

      if ((r < first || r > last || bead->fixed) && !bead_is_empty (bead))
        g_array_append_val (fixed, *bead);
      if (r < first)
        kept += !bead_is_empty (bead);
      else if (r > last)
        tail += !bead_is_empty (bead);
    }

  /* Rows above come back as they are, one each (empty rows were left out
   * of the fixed ones, so they would not). */
  if (kept != first)
    {
      tri_window_show_toast (self, _("Delete the empty rows above the cursor first"));
      return;
    }

  tri_alignment_grid_clear_range (tri_window_get_grid (self));
  tri_window_start_alignment (self, fixed, first, last - first + 1, tail);
}

/* Shift+Up / Shift+Down: mark a range of rows from the cursor. */
static void
extend_range (TriWindow *self,
              int        direction)
{
  guint row;

  if (!target (self, &row))
    return;

  if (!tri_alignment_grid_extend_range (tri_window_get_grid (self), direction, tri_window_grid_may_focus (self)))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
extend_up_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  extend_range (TRI_WINDOW (widget), -1);
}

static void
extend_down_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  extend_range (TRI_WINDOW (widget), 1);
}

typedef gboolean (*RowTest) (TriWindow *self,
                             TriRow    *row,
                             gpointer   data);

static gboolean has_misspelling (TriWindow *self, TriRow *row, gpointer data);
static gboolean is_kind         (TriWindow *self, TriRow *row, gpointer data);

/* The next (or previous) row, from the cursor, that passes @test. */
static void
go_to (TriWindow *self,
       RowTest    test,
       gpointer   data,
       int        direction)
{
  guint n, start;

  if (tri_window_get_alignment (self) == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_alignment (self)));
  start = current_row (self);

  for (guint step = 1; step <= n; step++)
    {
      /* From the cursor, wrapping around; without one, from an end. */
      guint r = tri_alignment_wrap_row (n, start == GTK_INVALID_LIST_POSITION ? G_MAXUINT : start,
                                        step, direction);
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (tri_window_get_alignment (self)), r);
      if (test (self, row, data))
        {
          tri_window_select_row (self, r);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Whether @row has a misspelled word in any column, at the last
 * background check. */
static gboolean
has_misspelling (TriWindow *self,
                 TriRow    *row,
                 gpointer   data)
{
  if (tri_window_get_spell_checker (self) == NULL)
    return FALSE;
  for (guint c = 0; c < tri_alignment_get_n_columns (tri_window_get_alignment (self)); c++)
    if (tri_spell_checker_has_misspelling (tri_window_get_spell_checker (self), c, tri_row_get_first (row, c), tri_row_get_count (row, c)))
      return TRUE;
  return FALSE;
}

static gboolean
is_kind (TriWindow *self,
         TriRow    *row,
         gpointer   data)
{
  return tri_row_is_kind (row, GPOINTER_TO_UINT (data), tri_alignment_get_n_columns (tri_window_get_alignment (self)));
}

static void
next_misspelling_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), has_misspelling, NULL, 1);
}

static void
previous_misspelling_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), has_misspelling, NULL, -1);
}

static void
next_review_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), is_kind, GUINT_TO_POINTER (TRI_ROWS_REVIEW), 1);
}

static void
previous_review_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), is_kind, GUINT_TO_POINTER (TRI_ROWS_REVIEW), -1);
}

static void
next_bookmark_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), is_kind, GUINT_TO_POINTER (TRI_ROWS_BOOKMARKED), 1);
}

static void
previous_bookmark_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), is_kind, GUINT_TO_POINTER (TRI_ROWS_BOOKMARKED), -1);
}

static void
next_unconfirmed_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), is_kind, GUINT_TO_POINTER (TRI_ROWS_UNCONFIRMED), 1);
}

static void
next_uneven_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), is_kind, GUINT_TO_POINTER (TRI_ROWS_UNEVEN), 1);
}

static void
previous_uneven_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  go_to (TRI_WINDOW (widget), is_kind, GUINT_TO_POINTER (TRI_ROWS_UNEVEN), -1);
}

/* Find and replace (TriFindBar): the match's column becomes the current
 * one, its row the cursor's, and the match is highlighted in the cell and
 * in the strip. */
static void
find (TriWindow *self,
      int        direction)
{
  TriAlignment *alignment = tri_window_get_alignment (self);
  TriAlignmentGrid *grid = tri_window_get_grid (self);
  TriMatch match;
  GArray *spans[TRI_MAX_COLUMNS] = { NULL };
  gsize span[2];

  if (alignment == NULL ||
      !tri_find_bar_find (tri_window_get_find_bar (self), alignment, current_row (self),
                          tri_alignment_grid_get_current_column (grid), direction, &match))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.column", "u", match.column);
  tri_window_select_row (self, match.row);
  span[0] = match.start;
  span[1] = match.end;
  spans[match.column] = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_vals (spans[match.column], span, 2);
  tri_checks_controller_highlight (tri_window_get_checks (self), match.row, spans);
  g_array_unref (spans[match.column]);
}

static void
find_next_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  find (TRI_WINDOW (widget), 1);
}

static void
find_previous_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  find (TRI_WINDOW (widget), -1);
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  tri_find_bar_reveal (tri_window_get_find_bar (TRI_WINDOW (widget)), FALSE);
}

/* Replace: the current row's matches, then on to the next match; or every
 * match at once, as one edit to undo. */
static void
replace (TriWindow *self,
         gboolean   all)
{
  TriAlignment *alignment = tri_window_get_alignment (self);
  guint row = current_row (self);

  if (alignment == NULL || tri_window_get_busy (self))
    return;
  if (!tri_find_bar_replace (tri_window_get_find_bar (self), alignment, row,
                             tri_alignment_grid_get_current_column (tri_window_get_grid (self)), all))
    return;

  if (row != GTK_INVALID_LIST_POSITION)
    tri_window_select_row (self, row);
  tri_window_update_actions (self);
  if (!all)
    find (self, 1);
}

static void
replace_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  replace (TRI_WINDOW (widget), FALSE);
}

static void
replace_all_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  replace (TRI_WINDOW (widget), TRUE);
}

static void
find_replace_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  tri_find_bar_reveal (tri_window_get_find_bar (TRI_WINDOW (widget)), TRUE);
}

/**
 * tri_window_update_actions:
 * @self: a #TriWindow
 *
 * The edits can be made while rows are shown and nothing runs; undo and
 * redo when there is something to take back or do again.
 */
void
tri_window_update_actions (TriWindow *self)
{
  TriAlignment *alignment = tri_window_get_alignment (self);
  gboolean editable = alignment != NULL && !tri_window_get_busy (self);
  static const char * const edits[] = {
    "align.merge-next", "align.split", "align.split-all", "segment.move-up", "segment.move-down",
    "segment.insert-empty", "segment.remove-empty", "align.delete-row", "segment.swap-up",
    "align.confirm", "align.confirm-through", "align.bookmark", "align.realign",
    "win.save", "win.save-as", "segment.join", "segment.edit",
    "win.export", "win.export-report", "align.next-finding", "align.previous-finding",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 editable && tri_alignment_can_undo (alignment));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 editable && tri_alignment_can_redo (alignment));
  tri_window_update_review_count (self);
}

/* Keys taken before the widgets under them see them: the grid's list view
 * binds the arrows with Shift and Ctrl+Shift (GtkListBase), and GtkPaned
 * (the grid and the editor strip) F8 and Shift+F8, to move between its
 * panes. */
static const struct {
  const char     *widget;
  guint           keyval;
  GdkModifierType mods;
  const char     *action;
} captured_keys[] = {
  { "grid", GDK_KEY_Up, GDK_SHIFT_MASK, "align.extend-up" },
  { "grid", GDK_KEY_Down, GDK_SHIFT_MASK, "align.extend-down" },
  { "grid", GDK_KEY_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "segment.swap-up" },
  { "paned", GDK_KEY_F8, 0, "align.next-review" },
  { "paned", GDK_KEY_F8, GDK_SHIFT_MASK, "align.previous-review" },
  { "paned", GDK_KEY_F8, GDK_CONTROL_MASK, "align.next-unconfirmed" },
};

/**
 * tri_window_init_actions:
 * @self: a #TriWindow
 *
 * The keys of the window's actions that the grid or the pane would take.
 */
void
tri_window_init_actions (TriWindow *self)
{
  static const char * const widgets[] = { "grid", "paned" };

  for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
    {
      GObject *widget = tri_window_get_template_child (self, widgets[w]);
      GtkEventController *capture = gtk_shortcut_controller_new ();

      gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
      for (guint i = 0; i < G_N_ELEMENTS (captured_keys); i++)
        if (g_str_equal (captured_keys[i].widget, widgets[w]))
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (capture),
                                                gtk_shortcut_new (gtk_keyval_trigger_new (captured_keys[i].keyval,
                                                                                          captured_keys[i].mods),
                                                                  gtk_named_action_new (captured_keys[i].action)));
      gtk_widget_add_controller (GTK_WIDGET (widget), capture);
    }
}

void
tri_window_class_actions_init (TriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    const char *name;
    GtkWidgetActionActivateFunc func;
    guint key;
    GdkModifierType mods;
  } actions[] = {
    { "align.merge-next", merge_next_action, GDK_KEY_m, GDK_CONTROL_MASK },
    { "align.split", split_action, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "align.split-all", split_all_action, GDK_KEY_m, GDK_CONTROL_MASK | GDK_ALT_MASK },
    { "segment.move-up", move_up_action, GDK_KEY_Up, GDK_ALT_MASK },
    { "segment.move-down", move_down_action, GDK_KEY_Down, GDK_ALT_MASK },
    { "segment.insert-empty", insert_empty_action, GDK_KEY_Insert, 0 },
    { "segment.remove-empty", remove_empty_action, GDK_KEY_Delete, 0 },
    { "align.delete-row", delete_row_action, GDK_KEY_Delete, GDK_CONTROL_MASK },
    { "segment.swap-up", swap_up_action, GDK_KEY_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "align.confirm", confirm_action, GDK_KEY_Return, GDK_CONTROL_MASK },
    { "align.confirm-through", confirm_through_action, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "align.bookmark", bookmark_action, GDK_KEY_b, GDK_CONTROL_MASK },
    { "align.realign", realign_action, GDK_KEY_r, GDK_CONTROL_MASK },
    { "win.undo", undo_action, GDK_KEY_z, GDK_CONTROL_MASK },
    { "win.redo", redo_action, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "align.next-review", next_review_action, GDK_KEY_F8, 0 },
    { "align.previous-review", previous_review_action, GDK_KEY_F8, GDK_SHIFT_MASK },
    { "align.next-unconfirmed", next_unconfirmed_action, GDK_KEY_F8, GDK_CONTROL_MASK },
    { "align.next-uneven", next_uneven_action, GDK_KEY_F7, 0 },
    { "align.previous-uneven", previous_uneven_action, GDK_KEY_F7, GDK_SHIFT_MASK },
    { "align.next-misspelling", next_misspelling_action, GDK_KEY_F7, GDK_CONTROL_MASK },
    { "align.previous-misspelling", previous_misspelling_action, GDK_KEY_F7, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "align.next-bookmark", next_bookmark_action, GDK_KEY_F2, 0 },
    { "align.extend-up", extend_up_action, GDK_KEY_Up, GDK_SHIFT_MASK },
    { "align.extend-down", extend_down_action, GDK_KEY_Down, GDK_SHIFT_MASK },
    { "align.previous-bookmark", previous_bookmark_action, GDK_KEY_F2, GDK_SHIFT_MASK },
    { "win.next-column", next_column_action, GDK_KEY_Right, GDK_ALT_MASK },
    { "win.find", find_action, GDK_KEY_f, GDK_CONTROL_MASK },
    { "win.find-replace", find_replace_action, GDK_KEY_h, GDK_CONTROL_MASK },
    { "win.replace-all", replace_all_action, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_ALT_MASK },
    { "segment.join", join_sentences_action, GDK_KEY_j, GDK_CONTROL_MASK },
    { "segment.edit", edit_cell_action, GDK_KEY_Return, 0 },
    { "win.find-next", find_next_action, GDK_KEY_F3, 0 },
    { "win.find-previous", find_previous_action, GDK_KEY_F3, GDK_SHIFT_MASK },
    { "win.previous-column", previous_column_action, GDK_KEY_Left, GDK_ALT_MASK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gtk_widget_class_install_action (widget_class, actions[i].name, NULL, actions[i].func);
      gtk_widget_class_add_binding_action (widget_class, actions[i].key, actions[i].mods,
                                           actions[i].name, NULL);
    }

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  /* Return in the replacement field */
  gtk_widget_class_install_action (widget_class, "win.replace", NULL, replace_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "align.confirm", NULL);

  gtk_widget_class_install_action (widget_class, "win.column", "u", column_action);
  gtk_widget_class_install_action (widget_class, "win.move-cursor", "s", move_cursor_action);
  for (guint c = 0; c < TRI_ALIGN_MAX_LANGUAGES; c++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + c, GDK_ALT_MASK, "win.column", "u", c);
}

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
#include "tri-window-private.h"

/* The editing actions of the aligned grid. They act on the selected row
 * and the current column (Alt+1 … Alt+3, Alt+Left and Alt+Right), go
 * through the model's undoable operations, and keep the cursor where the
 * user works. */

/* The alignment's index of the selected row (the grid may show only some
 * rows). */
static guint
current_row (TriWindow *self)
{
  if (tri_alignment_grid_get_current_position (self->grid) == GTK_INVALID_LIST_POSITION)
    return GTK_INVALID_LIST_POSITION;
  return tri_alignment_grid_get_current_row (self->grid);
}

/**
 * _tri_window_grid_may_focus:
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
_tri_window_grid_may_focus (TriWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus == NULL ||
         (!gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor)) &&
          !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)) &&
          !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->checks_panel)) &&
          !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->parallel_view)));
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

  tri_alignment_grid_move_cursor (self->grid, g_variant_get_string (param, NULL), _tri_window_grid_may_focus (self));
}

/**
 * _tri_window_select_row:
 * @self: a #TriWindow
 * @row: a row of the alignment
 *
 * Makes @row the grid's current row, showing every row if the grid is
 * narrowed to rows of another kind, and scrolls to it.
 */
void
_tri_window_select_row (TriWindow *self,
                        guint      row)
{
  if (self->alignment == NULL)
    return;

  /* A row the narrowed grid does not show: show every row. */
  if (!tri_alignment_grid_select_row (self->grid, row, _tri_window_grid_may_focus (self)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.filter", "s", "all");
      tri_alignment_grid_select_row (self->grid, row, _tri_window_grid_may_focus (self));
    }
}

/* The row to act on: the selected one, else the first. */
static gboolean
target (TriWindow *self,
        guint     *row)
{
  if (self->alignment == NULL || self->busy > 0)
    return FALSE;

  _tri_window_commit_edits (self);
  self->confirmed_before = tri_alignment_get_n_confirmed (self->alignment);
  *row = current_row (self);
  if (*row == GTK_INVALID_LIST_POSITION)
    *row = 0;
  return *row < g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
}

static void
after_edit (TriWindow *self,
            gboolean   done,
            guint      row)
{
  if (!done)
    {
      self->confirmed_before = G_MAXUINT;
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  _tri_window_select_row (self, row);
  _tri_window_update_actions (self);

  /* A change of a confirmed row's sentences takes its confirmation back
   * (a change of its words does not): say so. */
  if (self->confirmed_before != G_MAXUINT &&
      tri_alignment_get_n_confirmed (self->alignment) < self->confirmed_before)
    {
      guint lost = self->confirmed_before - tri_alignment_get_n_confirmed (self->alignment);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u confirmed row changed: confirm it again when it is right",
                                      "%u confirmed rows changed: confirm them again when they are right",
                                      lost), lost);

      _tri_window_show_toast (self, message);
    }
  self->confirmed_before = G_MAXUINT;
}

static void
column_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  tri_alignment_grid_set_current_column (TRI_WINDOW (widget)->grid, g_variant_get_uint32 (param));
}

static void
next_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);
  guint n = self->alignment != NULL ? tri_alignment_get_n_columns (self->alignment) : 0;

  if (n > 0)
    tri_alignment_grid_set_current_column (self->grid, (tri_alignment_grid_get_current_column (self->grid) + 1) % n);
}

static void
previous_column_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);
  guint n = self->alignment != NULL ? tri_alignment_get_n_columns (self->alignment) : 0;

  if (n > 0)
    tri_alignment_grid_set_current_column (self->grid, (tri_alignment_grid_get_current_column (self->grid) + n - 1) % n);
}

/* Where Ctrl+Shift+M splits the row: before the sentence the editor
 * strip's cursor is on, else after the cell's first sentence. */
static guint
split_point (TriWindow *self)
{
  int sentence = tri_segment_editor_get_cursor_sentence (self->editor, tri_alignment_grid_get_current_column (self->grid));

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
      int sentence = tri_segment_editor_get_cursor_sentence (self->editor, c);

      at[c] = sentence > 0 ? (guint)sentence : 1;
    }
  return tri_alignment_split_row_all (self->alignment, row, at);
}

#define ROW_ACTION(name, call, next_row)                          \
  static void                                                     \
  name (GtkWidget  *widget,                                       \
        const char *action_name,                                  \
        GVariant   *param)                                        \
  {                                                               \
    TriWindow *self = TRI_WINDOW (widget);                        \
    TriAlignment *alignment = self->alignment;                    \
    guint column = tri_alignment_grid_get_current_column (self->grid);                          \
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
  guint row, column = tri_alignment_grid_get_current_column (self->grid), last;

  if (!target (self, &row))
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->alignment), row);
  if (tri_row_get_count (item, column) == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  last = tri_row_get_first (item, column) + tri_row_get_count (item, column) - 1;
  after_edit (self, tri_alignment_join_sentences (self->alignment, column, last), row);
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

  tri_alignment_grid_select_row (self->grid, row, FALSE);
  tri_segment_editor_set_row (self->editor, row);
  tri_segment_editor_focus_column (self->editor, tri_alignment_grid_get_current_column (self->grid));
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

  confirm_and_learn (self->alignment, row, FALSE);
  after_edit (self, TRUE, row + 1);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);

  _tri_window_commit_edits (self);
  if (self->alignment != NULL && self->busy == 0)
    {
      /* The cursor goes to what the undo changed. */
      gboolean done = tri_alignment_undo (self->alignment);

      after_edit (self, done, self->changed_row);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);

  _tri_window_commit_edits (self);
  if (self->alignment != NULL && self->busy == 0)
    {
      gboolean done = tri_alignment_redo (self->alignment);

      after_edit (self, done, self->changed_row);
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

  rows = tri_alignment_dup_rows (self->alignment);
  if (!tri_alignment_grid_get_range (self->grid, &first, &last))
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
      _tri_window_show_toast (self, _("Delete the empty rows above the cursor first"));
      return;
    }

  tri_alignment_grid_clear_range (self->grid);
  _tri_window_start_alignment (self, fixed, first, last - first + 1, tail);
}

/* Shift+Up / Shift+Down: mark a range of rows from the cursor. */
static void
extend_range (TriWindow *self,
              int        direction)
{
  guint row;

  if (!target (self, &row))
    return;

  if (!tri_alignment_grid_extend_range (self->grid, direction, _tri_window_grid_may_focus (self)))
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

  if (self->alignment == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
  start = current_row (self);

  for (guint step = 1; step <= n; step++)
    {
      /* From the cursor, wrapping around; without one, from an end. */
      guint r = tri_alignment_wrap_row (n, start == GTK_INVALID_LIST_POSITION ? G_MAXUINT : start,
                                        step, direction);
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), r);
      if (test (self, row, data))
        {
          _tri_window_select_row (self, r);
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
  if (self->spell == NULL)
    return FALSE;
  for (guint c = 0; c < tri_alignment_get_n_columns (self->alignment); c++)
    if (tri_spell_checker_has_misspelling (self->spell, c, tri_row_get_first (row, c), tri_row_get_count (row, c)))
      return TRUE;
  return FALSE;
}

static gboolean
is_kind (TriWindow *self,
         TriRow    *row,
         gpointer   data)
{
  return tri_row_is_kind (row, GPOINTER_TO_UINT (data), tri_alignment_get_n_columns (self->alignment));
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

/* Search: ICU regular expressions or plain text, in all columns or the
 * current one; Enter and F3 go on, Shift the other way. */
/* Matches in order: row, column, then place in the text. */
static int
compare_match (const TriMatch *a,
               const TriMatch *b)
{
  if (a->row != b->row)
    return a->row < b->row ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return 0;
}

static void
find (TriWindow *self,
      int        direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) matches = NULL;
  const char *pattern;
  guint row = current_row (self);
  guint index = G_MAXUINT;
  const TriMatch *match;
  g_autofree char *count = NULL;

  if (self->alignment == NULL)
    return;

  pattern = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (pattern[0] == '\0')
    {
      gtk_label_set_text (self->search_status, "");
      return;
    }

  matches = tri_alignment_find_all (self->alignment, pattern,
                                    gtk_check_button_get_active (self->search_regex),
                                    gtk_check_button_get_active (self->search_case),
                                    gtk_check_button_get_active (self->search_column) ? (int)tri_alignment_grid_get_current_column (self->grid) : -1,
                                    &error);
  if (matches == NULL)
    {
      gtk_label_set_text (self->search_status, error->message);
      return;
    }
  if (matches->len == 0)
    {
      gtk_label_set_text (self->search_status, _("Not found"));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* On from the match shown, if the cursor is still on its row; else
   * from the cursor's row (its own matches first, going down). */
  for (guint i = 0; i < matches->len && index == G_MAXUINT; i++)
    {
      guint at = direction > 0 ? i : matches->len - 1 - i;
      const TriMatch *m = &g_array_index (matches, TriMatch, at);

      if (self->found.row == row && row != GTK_INVALID_LIST_POSITION)
        {
          if (direction * compare_match (m, &self->found) > 0)
            index = at;
        }
      else if (row == GTK_INVALID_LIST_POSITION ||
               (direction > 0 ? m->row >= row : m->row < row))
        index = at;
    }
  if (index == G_MAXUINT)
    index = direction > 0 ? 0 : matches->len - 1;

  match = &g_array_index (matches, TriMatch, index);
  self->found = *match;
  /* Translators: the match shown and how many there are, e.g. "3 of 7" */
  count = g_strdup_printf (_("%u of %u"), index + 1, matches->len);
  gtk_label_set_text (self->search_status, count);

  /* The match's column becomes the current one, its row the cursor's,
   * and the match is highlighted in the cell and in the strip. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.column", "u", match->column);
  _tri_window_select_row (self, match->row);
  {
    GArray *spans[TRI_MAX_COLUMNS] = { NULL };
    gsize span[2] = { match->start, match->end };

    spans[match->column] = g_array_new (FALSE, FALSE, sizeof (gsize));
    g_array_append_vals (spans[match->column], span, 2);
    tri_checks_controller_highlight (self->checks, match->row, spans);
    g_array_unref (spans[match->column]);
  }
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
  TriWindow *self = TRI_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->replace_revealer, FALSE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Replace: the current row's matches, then on to the next match; or every
 * match at once, as one edit to undo. */
static void
replace (TriWindow *self,
         gboolean   all)
{
  g_autoptr(GError) error = NULL;
  const char *pattern;
  guint row = current_row (self);
  guint n = 0;

  if (self->alignment == NULL || self->busy > 0)
    return;

  pattern = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (pattern[0] == '\0')
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }
  if (!all && row == GTK_INVALID_LIST_POSITION)
    {
      find (self, 1);
      return;
    }

  if (!tri_alignment_replace (self->alignment, pattern,
                              gtk_check_button_get_active (self->search_regex),
                              gtk_check_button_get_active (self->search_case),
                              gtk_check_button_get_active (self->search_column) ? (int)tri_alignment_grid_get_current_column (self->grid) : -1,
                              all ? 0 : row, all ? G_MAXUINT : 1,
                              gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)),
                              &n, &error))
    {
      gtk_label_set_text (self->search_status, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (row != GTK_INVALID_LIST_POSITION)
    _tri_window_select_row (self, row);
  _tri_window_update_actions (self);

  if (all)
    {
      g_autofree char *message = NULL;

      if (n == 0)
        message = g_strdup (_("Nothing replaced"));
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match replaced", "%u matches replaced", n), n);
      gtk_label_set_text (self->search_status, message);
      if (n == 0)
        gtk_widget_error_bell (GTK_WIDGET (self));
    }
  else
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
  TriWindow *self = TRI_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_revealer_set_reveal_child (self->replace_revealer, TRUE);
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->replace_entry));
}

static void
on_replace_activate_cb (TriWindow *self)
{
  replace (self, FALSE);
}

static void
on_search_activate_cb (TriWindow *self)
{
  find (self, 1);
}

static void
on_search_previous_cb (TriWindow *self)
{
  find (self, -1);
}

void
_tri_window_init_search (TriWindow *self)
{
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "previous-match", G_CALLBACK (on_search_previous_cb), self);
  g_signal_connect_swapped (self->replace_entry, "activate", G_CALLBACK (on_replace_activate_cb), self);
}

void
_tri_window_class_actions_init (TriWindowClass *klass)
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

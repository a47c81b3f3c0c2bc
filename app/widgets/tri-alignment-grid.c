/* tri-alignment-grid.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-alignment-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-alignment-grid.h"
#include "tri-row-view.h"
#include "tri-segment-cell.h"

/**
 * TriAlignmentGrid:
 *
 * The aligned rows as a grid: a number column (the row's number, its
 * review, confirmation, bookmark and findings marks) and a column of
 * #TriSegmentCell per version, narrowed to a kind of rows (#TriRowKind).
 *
 * The grid owns the current row (the selected one: the editor strip, the
 * parallel view and every action follow it through
 * #TriAlignmentGrid::current-changed) and the current column, keeps the
 * current row in view and the keyboard on it, and marks the range of
 * rows Shift+Up/Down extends. It shows the spelling checker's underlines,
 * a highlight of spans (a check's finding, a find's match) and the
 * words' highlights and marks of Compare Wording.
 *
 * Rows are the alignment's indexes throughout, whatever rows are shown.
 */

struct _TriAlignmentGrid
{
  GtkWidget           parent_instance;

  TriAlignment       *alignment;
  TriRowFilter       *filter;         /* the rows shown */
  GMenuModel         *row_menu;       /* the row menu, and with a misspelled word's */
  GMenuModel         *spelling_menu;
  GMenuModel         *row_menu_with_spelling;
  GtkWidget          *row_popover;
  GtkSingleSelection *selection;      /* the current row */
  TriSpellChecker    *spell;
  TriWording         *wording;
  gboolean            compare_wording;
  gboolean            compact;
  guint               n_columns;
  char               *titles[TRI_MAX_COLUMNS];
  GMenuModel         *menus[TRI_MAX_COLUMNS];

  GPtrArray          *mapped_cells;   /* cells shown again, waiting for their underlines */
  guint               spell_stamp;    /* checks finished so far */
  guint               mapped_idle;
  TriCellTextCache   *layouts;        /* the wrapped cells' plain layouts */
  GtkWidget          *like_cells[TRI_MAX_COLUMNS];  /* weak: a cell of each column shown */
  guint               prepare_idle;
  GdkFrameClock      *prepare_clock;  /* weak: waiting for its frame's paint, or NULL */

  guint               current_row;    /* the alignment's index of the row last selected */
  guint               current_column;
  guint               range_anchor;   /* where Shift+Up/Down started a range of rows, or G_MAXUINT */
  gboolean            extending;      /* the cursor moves to extend the range */

  guint               highlight_row;  /* the row whose spans are highlighted, or G_MAXUINT */
  GArray             *highlight_spans[TRI_MAX_COLUMNS];
  TriRow             *word_row;       /* the row of the word pointed at, or NULL */
  guint               word_column;
  GArray             *word_spans[TRI_MAX_COLUMNS];
  char               *word_tooltip;

  TriAlignmentGridNoteFunc note_func;
  gpointer            note_data;
  GDestroyNotify      note_destroy;

  /* Template widgets */
  GtkScrolledWindow  *scroller;
  TriRowView         *view;
};

enum {
  PROP_0,
  PROP_CURRENT_ROW,
  PROP_CURRENT_COLUMN,
  PROP_COMPACT,
  PROP_ROW_KIND,
  N_PROPS
};

enum {
  CURRENT_CHANGED,
  ROW_ACTIVATED,
  CONTEXT_MENU,
  RANGE_CHANGED,
  POINTER_WORD,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (TriAlignmentGrid, tri_alignment_grid, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void update_cell_words (TriAlignmentGrid *self,
                               TriRowViewRow    *row,
                               GtkWidget        *cell);

/* The grid's position of the current row, or GTK_INVALID_LIST_POSITION. */
static guint
selected_position (TriAlignmentGrid *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;
}

static guint
row_at (TriAlignmentGrid *self,
        guint             position)
{
  return self->filter != NULL ? tri_row_filter_get_row (self->filter, position) : G_MAXUINT;
}

/* Cells */

typedef void (*CellFunc) (TriAlignmentGrid *self,
                          TriRowViewRow    *row,
                          GtkWidget        *cell);

/* Calls @func on every text cell of the rows the view has bound. */
static void
foreach_cell (TriAlignmentGrid *self,
              CellFunc          func,
              gboolean          mapped_only)
{
  GPtrArray *rows = tri_row_view_get_rows (self->view);

  for (guint i = 0; i < rows->len; i++)
    {
      TriRowViewRow *row = g_ptr_array_index (rows, i);

      if (tri_row_view_row_get_item (row) == NULL)
        continue;
      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *cell = tri_row_view_row_get_cell (row, c + 1);

          if (cell != NULL && (!mapped_only || gtk_widget_get_mapped (cell)))
            func (self, row, cell);
        }
    }
}

static guint
cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
}

/* The cell's misspelled words, from what the background check knows. */
static void
update_cell_spelling (TriAlignmentGrid *self,
                      TriRowViewRow    *row,
                      GtkWidget        *cell)
{
  const char *text = tri_segment_cell_get_text (TRI_SEGMENT_CELL (cell));
  gpointer item = tri_row_view_row_get_item (row);
  g_autoptr(GArray) misspellings = NULL;

  if (self->spell != NULL && text != NULL && text[0] != '\0' && item != NULL)
    misspellings = tri_spell_checker_check_cell (self->spell, item, cell_column (cell), text, -1);
  tri_segment_cell_set_misspellings (TRI_SEGMENT_CELL (cell), misspellings);
  g_object_set_data (G_OBJECT (cell), "spelled", GUINT_TO_POINTER (self->spell_stamp));
}

/* Cells shown again since the last idle (a row kept bound off screen
 * missed the checks meanwhile): their underlines are set then. */
static void
on_mapped_cells_cb (gpointer user_data)
{
  TriAlignmentGrid *self = user_data;

  self->mapped_idle = 0;
  for (guint i = 0; i < self->mapped_cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->mapped_cells, i);
      TriRowViewRow *row = TRI_ROW_VIEW_ROW (gtk_widget_get_ancestor (cell, TRI_TYPE_ROW_VIEW_ROW));

      if (row != NULL)
        update_cell_spelling (self, row, cell);
    }
  g_ptr_array_set_size (self->mapped_cells, 0);
}

static void
on_cell_map_cb (GtkWidget        *cell,
                TriAlignmentGrid *self)
{
  /* Checked already since the last check finished (at its binding). */
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "spelled")) == self->spell_stamp)
    return;
  if (!g_ptr_array_find (self->mapped_cells, cell, NULL))
    g_ptr_array_add (self->mapped_cells, cell);
  if (self->mapped_idle == 0)
    self->mapped_idle = g_idle_add_once (on_mapped_cells_cb, self);
}

static void
on_cell_destroy_cb (GtkWidget        *cell,
                    TriAlignmentGrid *self)
{
  g_ptr_array_remove_fast (self->mapped_cells, cell);
}

/* In a cell of the highlighted row, the highlighted spans. */
static void
update_cell_highlight (TriAlignmentGrid *self,
                       TriRowViewRow    *row,
                       GtkWidget        *cell)
{
  guint column = cell_column (cell);
  guint index = row_at (self, tri_row_view_row_get_position (row));
  g_autoptr(GArray) mapped = NULL;

  if (index != G_MAXUINT && index == self->highlight_row && column < TRI_MAX_COLUMNS &&
      self->highlight_spans[column] != NULL && tri_row_view_row_get_item (row) != NULL)
    mapped = tri_alignment_map_spans (self->alignment, tri_row_view_row_get_item (row), column,
                                      self->highlight_spans[column]);
  tri_segment_cell_set_highlights (TRI_SEGMENT_CELL (cell), mapped);
}

static guint rows_on_screen (TriAlignmentGrid *self);

/* The rows next to those on screen, laid out ahead while the main loop
 * has nothing else to do: paging binds the rows coming into view just
 * before they are shown, and laying their text out was a tenth of a
 * Page Down (`bench-grid` under callgrind). A few milliseconds a turn. */
static gboolean
on_prepare_idle_cb (gpointer data)
{
  TriAlignmentGrid *self = data;
  gint64 deadline = g_get_monotonic_time () + 2 * G_TIME_SPAN_MILLISECOND;
  GPtrArray *rows;
  guint lo = G_MAXUINT, hi = 0, n, ahead;

  if (self->alignment == NULL || self->filter == NULL || self->compact)
    goto done;
  rows = tri_row_view_get_rows (self->view);
  for (guint i = 0; i < rows->len; i++)
    {
      TriRowViewRow *row = g_ptr_array_index (rows, i);

      if (tri_row_view_row_get_item (row) != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)))
        {
          lo = MIN (lo, tri_row_view_row_get_position (row));
          hi = MAX (hi, tri_row_view_row_get_position (row));
        }
    }
  if (lo > hi)
    goto done;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter));
  ahead = rows_on_screen (self) + 2;
  for (guint k = 1; k <= ahead; k++)
    for (guint below = 0; below < 2; below++)
      {
        guint position = below == 0 ? hi + k : lo - k;
        g_autoptr(TriRow) row = NULL;

        if ((below == 0 && position >= n) || (below == 1 && lo < k))
          continue;
        row = g_list_model_get_item (G_LIST_MODEL (self->filter), position);
        for (guint c = 0; row != NULL && c < self->n_columns && c < TRI_MAX_COLUMNS; c++)
          {
            g_autofree char *text = NULL;

            if (self->like_cells[c] == NULL)
              continue;
            text = tri_alignment_dup_cell_text (self->alignment, row, c);
            tri_segment_cell_prepare (TRI_SEGMENT_CELL (self->like_cells[c]), text);
          }
        if (g_get_monotonic_time () > deadline)
          return G_SOURCE_CONTINUE;
      }

done:
  self->prepare_idle = 0;
  return G_SOURCE_REMOVE;
}

static void on_painted_cb (GdkFrameClock    *clock,
                           TriAlignmentGrid *self);

static void
stop_waiting_for_paint (TriAlignmentGrid *self)
{
  /* (A clock disposed with its window has dropped its handlers.) */
  if (self->prepare_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->prepare_clock, on_painted_cb, self);
  g_clear_weak_pointer (&self->prepare_clock);
}

static void
on_painted_cb (GdkFrameClock    *clock,
               TriAlignmentGrid *self)
{
  stop_waiting_for_paint (self);
  if (self->prepare_idle == 0)
    self->prepare_idle = g_idle_add_full (G_PRIORITY_LOW, on_prepare_idle_cb, self, NULL);
}

/* Once the frame that shows the rows just bound is painted (laying out
 * ahead before it would delay it; a row bound is a frame to come). */
static void
prepare_after_paint (TriAlignmentGrid *self)
{
  GdkFrameClock *clock;

  if (self->prepare_idle != 0 || self->prepare_clock != NULL)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  g_set_weak_pointer (&self->prepare_clock, clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted_cb), self);
}

static void
bind_cell (TriAlignmentGrid *self,
           TriRowViewRow    *row,
           GtkWidget        *cell)
{
  guint column = cell_column (cell);
  TriRow *item = tri_row_view_row_get_item (row);
  g_autofree char *text = NULL;

  if (self->alignment == NULL || column >= tri_alignment_get_n_columns (self->alignment))
    return;

  text = tri_alignment_dup_cell_text (self->alignment, item, column);
  tri_segment_cell_set_text (TRI_SEGMENT_CELL (cell), text);
  if (!self->compact && column < TRI_MAX_COLUMNS)
    {
      g_set_weak_pointer (&self->like_cells[column], cell);
      prepare_after_paint (self);
    }
  /* The view binds the rows it shows: their underlines at once, before
   * they are laid out. */
  update_cell_spelling (self, row, cell);
  update_cell_highlight (self, row, cell);
  update_cell_words (self, row, cell);
  if (tri_row_get_needs_review (item))
    gtk_widget_add_css_class (cell, "needs-review");
  else
    gtk_widget_remove_css_class (cell, "needs-review");
}

static GtkWidget *
number_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* An inscription: its size does not depend on its text, so a number
   * given to a row coming into view does not lay the row out again. */
  GtkWidget *label = gtk_inscription_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0f);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "row-number");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_halign (icon, GTK_ALIGN_END);
  gtk_widget_add_css_class (icon, "review-icon");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);

  icon = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_halign (icon, GTK_ALIGN_END);
  gtk_widget_add_css_class (icon, "confirmed-icon");
  tri_widget_set_tooltip_text (icon, _("Confirmed"));
  gtk_box_append (GTK_BOX (box), icon);

  icon = gtk_image_new_from_icon_name ("user-bookmarks-symbolic");
  gtk_widget_set_halign (icon, GTK_ALIGN_END);
  gtk_widget_add_css_class (icon, "bookmark-icon");
  tri_widget_set_tooltip_text (icon, _("Bookmark"));
  gtk_box_append (GTK_BOX (box), icon);

  /* Last: the row has check findings (the Checks panel, F6). */
  icon = gtk_image_new_from_icon_name ("emblem-important-symbolic");
  gtk_widget_set_halign (icon, GTK_ALIGN_END);
  gtk_widget_add_css_class (icon, "finding-icon");
  gtk_widget_set_visible (icon, FALSE);
  gtk_box_append (GTK_BOX (box), icon);

  g_object_set_data (G_OBJECT (box), "column", GUINT_TO_POINTER (G_MAXUINT));
  return box;
}

/* A cell of a new row widget: the number column's (0), or a version's. */
static GtkWidget *
make_cell_cb (TriRowView *view,
              guint       column,
              gpointer    user_data)
{
  TriAlignmentGrid *self = user_data;
  GtkWidget *cell;

  if (column == 0)
    return number_new ();

  cell = tri_segment_cell_new (self->compact);
  tri_segment_cell_set_cache (TRI_SEGMENT_CELL (cell), self->layouts);
  /* For the row menu: which column a click is on. */
  g_object_set_data (G_OBJECT (cell), "column", GUINT_TO_POINTER (column - 1));
  /* A cell kept off screen missed the checks meanwhile. */
  g_signal_connect_object (cell, "map", G_CALLBACK (on_cell_map_cb), self, 0);
  g_signal_connect_object (cell, "destroy", G_CALLBACK (on_cell_destroy_cb), self, 0);
  return cell;
}

/* The row's number in the alignment, whatever the grid is narrowed to. */
static void
update_number (TriAlignmentGrid *self,
               TriRowViewRow    *row)
{
  GtkWidget *box = tri_row_view_row_get_cell (row, 0);
  GtkWidget *label = gtk_widget_get_first_child (box);
  guint index = row_at (self, tri_row_view_row_get_position (row));
  guint first, last;
  char number[16];

  if (index == G_MAXUINT)
    return;

  /* The range of rows Shift+Up/Down marked: a bar by their numbers. */
  if (tri_alignment_grid_get_range (self, &first, &last) && index >= first && index <= last)
    gtk_widget_add_css_class (box, "in-range");
  else
    gtk_widget_remove_css_class (box, "in-range");

  g_snprintf (number, sizeof number, "%u", index + 1);
  gtk_inscription_set_text (GTK_INSCRIPTION (label), number);

  /* The row's findings: a mark, their messages on hover. */
  {
    GtkWidget *mark = gtk_widget_get_last_child (box);
    g_autofree char *note = self->note_func != NULL ? self->note_func (index, self->note_data) : NULL;

    gtk_widget_set_visible (mark, note != NULL);
    if (note != NULL)
      tri_widget_set_tooltip_text (mark, note);
  }
}

/**
 * tri_alignment_grid_update_notes:
 * @self: a #TriAlignmentGrid
 *
 * Every row's number and mark anew: rows above a row that stays can come
 * and go (its number changes with neither a new item nor, in a narrowed
 * grid, a new position), and what the note function says can change.
 */
void
tri_alignment_grid_update_notes (TriAlignmentGrid *self)
{
  GPtrArray *rows;

  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  rows = tri_row_view_get_rows (self->view);
  for (guint i = 0; i < rows->len; i++)
    if (tri_row_view_row_get_item (g_ptr_array_index (rows, i)) != NULL)
      update_number (self, g_ptr_array_index (rows, i));
}

static void
bind_number (TriAlignmentGrid *self,
             TriRowViewRow    *row)
{
  GtkWidget *box = tri_row_view_row_get_cell (row, 0);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_next_sibling (label);
  TriRow *item = tri_row_view_row_get_item (row);

  update_number (self, row);

  gtk_widget_set_visible (gtk_widget_get_next_sibling (icon), tri_row_get_confirmed (item));
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (gtk_widget_get_last_child (box)),
                          tri_row_get_bookmarked (item));

  /* Low confidence: an icon with a tooltip, and a tint on the cells. */
  gtk_widget_set_visible (icon, tri_row_get_needs_review (item));
  if (tri_row_get_needs_review (item))
    {
      g_autofree char *tip = g_strdup_printf (_("Check this row: the aligner is only %.0f%% sure of it"),
                                              100 * tri_row_get_score (item));

      tri_widget_set_tooltip_text (icon, tip);
    }
}

static void
bind_row_cb (TriRowView    *view,
             TriRowViewRow *row,
             gpointer       user_data)
{
  TriAlignmentGrid *self = user_data;

  g_assert (TRI_IS_ROW (tri_row_view_row_get_item (row)));

  bind_number (self, row);
  for (guint c = 0; c < self->n_columns; c++)
    bind_cell (self, row, tri_row_view_row_get_cell (row, c + 1));
}

/* Columns */

static void
apply_header (TriAlignmentGrid *self,
              guint             column)
{
  tri_row_view_set_column_header (self->view, column + 1, self->titles[column], self->menus[column]);
}

static void
build_columns (TriAlignmentGrid *self)
{
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_weak_pointer (&self->like_cells[c]);
  tri_row_view_set_columns (self->view, self->n_columns > 0 ? self->n_columns + 1 : 0,
                            TRI_ALIGNMENT_GRID_NUMBER_WIDTH);
  if (self->n_columns == 0)
    return;
  tri_row_view_set_column_header (self->view, 0, "#", NULL);
  for (guint c = 0; c < self->n_columns; c++)
    apply_header (self, c);
}

/* Scrolling and the keyboard focus */

/* Brings the row at @position into view, and the keyboard to it if asked
 * (the row gets a widget at once if it has none). */
static void
show_row (TriAlignmentGrid *self,
          guint             position,
          gboolean          take_focus)
{
  tri_row_view_scroll_to (self->view, position, take_focus);
}

/* Whether the keyboard is in the grid: on a row, on the view itself (an
 * edit replaced the row that had it), or on a row widget dropped. */
static gboolean
keyboard_in_rows (TriAlignmentGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    return FALSE;
  if (gtk_widget_get_root (focus) == NULL)
    return TRUE;
  return focus == GTK_WIDGET (self->view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view));
}

/* The keyboard coming back to the grid (the Checks panel closed, the
 * strip left, a click elsewhere) lands on the cursor's row, not on the
 * row that had the focus before. */
static void
on_focus_enter_cb (TriAlignmentGrid *self)
{
  guint at = selected_position (self);

  if (at != GTK_INVALID_LIST_POSITION)
    show_row (self, at, TRUE);
}

/* The current row */

static void
set_range_anchor (TriAlignmentGrid *self,
                  guint             anchor)
{
  self->range_anchor = anchor;
  tri_alignment_grid_update_notes (self);
  g_signal_emit (self, signals [RANGE_CHANGED], 0);
}

static void
update_words (TriAlignmentGrid *self)
{
  foreach_cell (self, update_cell_words, FALSE);
}

static void
on_selected_cb (TriAlignmentGrid   *self,
                GParamSpec         *pspec,
                GtkSingleSelection *selection)
{
  guint position = gtk_single_selection_get_selected (selection);
  guint row = row_at (self, position);

  /* A cursor moved otherwise than by Shift+Up/Down ends the range. */
  if (!self->extending && self->range_anchor != G_MAXUINT)
    set_range_anchor (self, G_MAXUINT);

  if (row != G_MAXUINT && row != self->current_row)
    {
      self->current_row = row;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_ROW]);
    }
  if (self->range_anchor != G_MAXUINT)
    set_range_anchor (self, self->range_anchor);

  /* Compare Wording marks the words of the current row. */
  if (self->compare_wording)
    update_words (self);

  g_signal_emit (self, signals [CURRENT_CHANGED], 0, row);

  /* The cursor is always in view, and the keyboard, in the grid, on it. */
  if (row != G_MAXUINT)
    show_row (self, position, keyboard_in_rows (self));
}

/* An edit replaces the rows it changes with new ones, and the selection
 * drops a row it no longer finds: keep the cursor on the row where the
 * user works (after the selection model has seen the change). */
static void
on_rows_changed_after_cb (TriAlignmentGrid *self,
                          guint             position,
                          guint             removed,
                          guint             added,
                          GListModel       *model)
{
  guint row = self->current_row;
  guint selected;

  if (self->selection == NULL)
    return;

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      guint at;

      if (row == GTK_INVALID_LIST_POSITION || row < position || row >= position + removed || added == 0)
        return;
      at = tri_row_filter_find_row (self->filter, MIN (row, position + added - 1));
      if (at != G_MAXUINT)
        gtk_single_selection_set_selected (self->selection, at);
    }
  else
    {
      /* In a narrowed grid, the selected row can move in the alignment
       * and stay where it is in the grid. */
      row = tri_row_filter_get_row (self->filter, selected);
      if (row != self->current_row)
        {
          self->current_row = row;
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_ROW]);
        }
    }

  tri_alignment_grid_update_notes (self);

  /* The keyboard stays on the cursor's row, laid out anew. */
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION && keyboard_in_rows (self))
    show_row (self, selected, TRUE);
}

static void
on_activate_cb (TriAlignmentGrid *self,
                guint             position,
                TriRowView       *view)
{
  g_signal_emit (self, signals [ROW_ACTIVATED], 0, row_at (self, position));
}

/* The cell (or the number) at @x, @y of the view: its row and column
 * (G_MAXUINT for the number column). */
static TriRowViewRow *
pick_row (TriAlignmentGrid  *self,
          double             x,
          double             y,
          guint             *column,
          GtkWidget        **cell)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = NULL;

  *column = G_MAXUINT;
  *cell = NULL;
  for (; widget != NULL && widget != GTK_WIDGET (self->view); widget = gtk_widget_get_parent (widget))
    {
      if (*cell == NULL && (TRI_IS_SEGMENT_CELL (widget) || g_object_get_data (G_OBJECT (widget), "column") != NULL))
        {
          *cell = widget;
          *column = cell_column (widget);
        }
      if (TRI_IS_ROW_VIEW_ROW (widget))
        {
          row = widget;
          break;
        }
    }
  if (row == NULL || tri_row_view_row_get_item (TRI_ROW_VIEW_ROW (row)) == NULL || *cell == NULL)
    return NULL;
  return TRI_ROW_VIEW_ROW (row);
}

static void
on_secondary_click_cb (GtkGestureClick  *gesture,
                       int               n_press,
                       double            x,
                       double            y,
                       TriAlignmentGrid *self)
{
  GtkWidget *widget;
  TriRowViewRow *row;
  guint column;
  int offset = -1;
  double gx, gy;

  row = pick_row (self, x, y, &column, &widget);
  if (row == NULL || self->alignment == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, tri_row_view_row_get_position (row));
  if (column != G_MAXUINT)
    tri_alignment_grid_set_current_column (self, column);

  if (column != G_MAXUINT && TRI_IS_SEGMENT_CELL (widget))
    offset = tri_segment_cell_get_char_at (TRI_SEGMENT_CELL (widget), GTK_WIDGET (self->view), x, y);

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->view), GTK_WIDGET (self), x, y, &gx, &gy))
    gx = x, gy = y;
  g_signal_emit (self, signals [CONTEXT_MENU], 0, gx, gy, column, offset);
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              TriAlignmentGrid         *self)
{
  GtkWidget *widget;
  TriRowViewRow *row;
  guint column;
  int offset = -1;

  row = pick_row (self, x, y, &column, &widget);
  if (row != NULL && TRI_IS_SEGMENT_CELL (widget))
    {
      int chars = tri_segment_cell_get_char_at (TRI_SEGMENT_CELL (widget), GTK_WIDGET (self->view), x, y);
      const char *text = tri_segment_cell_get_text (TRI_SEGMENT_CELL (widget));

      if (chars >= 0 && text != NULL)
        offset = (int)(g_utf8_offset_to_pointer (text, chars) - text);
    }
  g_signal_emit (self, signals [POINTER_WORD], 0,
                 row != NULL ? tri_row_view_row_get_position (row) : GTK_INVALID_LIST_POSITION, column, offset);
}

static void
on_leave_cb (GtkEventControllerMotion *motion,
             TriAlignmentGrid         *self)
{
  g_signal_emit (self, signals [POINTER_WORD], 0, GTK_INVALID_LIST_POSITION, 0, -1);
}

/* Words (Compare Wording) */

/* The cell's words highlighted (the word pointed at and its counterparts)
 * and, in Compare Wording mode on the current row, marked. */
static void
update_cell_words (TriAlignmentGrid *self,
                   TriRowViewRow    *row,
                   GtkWidget        *widget)
{
  TriSegmentCell *cell = TRI_SEGMENT_CELL (widget);
  guint column = cell_column (widget);
  TriRow *item = tri_row_view_row_get_item (row);
  g_autoptr(GArray) marks = NULL;
  gboolean hovered;

  hovered = item != NULL && item == self->word_row && column < TRI_MAX_COLUMNS;
  tri_segment_cell_set_word_highlights (cell, hovered ? self->word_spans[column] : NULL);
  tri_segment_cell_set_word_tooltip (cell, hovered && column == self->word_column ? self->word_tooltip : NULL);

  if (self->wording != NULL && self->compare_wording && item != NULL && self->alignment != NULL &&
      column < tri_alignment_get_n_columns (self->alignment) && item == tri_alignment_grid_get_current_item (self))
    {
      g_auto(GStrv) texts = tri_alignment_dup_row_texts (self->alignment, item);

      marks = tri_wording_get_marks (self->wording, (const char * const *)texts, column);
    }
  tri_segment_cell_set_word_marks (cell, marks);
}

/* The word pointed at and its counterparts only (not the marks). */
static void
update_cell_hover (TriAlignmentGrid *self,
                   TriRowViewRow    *row,
                   GtkWidget        *widget)
{
  guint c = cell_column (widget);
  gboolean hovered = self->word_row != NULL && tri_row_view_row_get_item (row) == (gpointer)self->word_row &&
                     c < TRI_MAX_COLUMNS;

  tri_segment_cell_set_word_highlights (TRI_SEGMENT_CELL (widget), hovered ? self->word_spans[c] : NULL);
  tri_segment_cell_set_word_tooltip (TRI_SEGMENT_CELL (widget), hovered && c == self->word_column ? self->word_tooltip : NULL);
}

static void
clear_words (TriAlignmentGrid *self)
{
  g_clear_object (&self->word_row);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_pointer (&self->word_spans[c], g_array_unref);
  g_clear_pointer (&self->word_tooltip, g_free);
  self->word_column = G_MAXUINT;
}

/**
 * tri_alignment_grid_set_word_highlights:
 * @self: a #TriAlignmentGrid
 * @row: (nullable): the row of the word, or %NULL for none
 * @column: the word's column
 * @spans: (array fixed-size=3) (nullable): per column, byte spans (gsize
 *   pairs) of the cell's text to highlight: the word and its counterparts
 * @tooltip: (nullable): what the word's tooltip says
 *
 * Highlights words of @row's cells, in place of what was highlighted.
 */
void
tri_alignment_grid_set_word_highlights (TriAlignmentGrid  *self,
                                        TriRow            *row,
                                        guint              column,
                                        GArray           **spans,
                                        const char        *tooltip)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  clear_words (self);
  if (row != NULL)
    {
      self->word_row = g_object_ref (row);
      self->word_column = column;
      for (guint c = 0; spans != NULL && c < TRI_MAX_COLUMNS; c++)
        self->word_spans[c] = spans[c] != NULL ? g_array_ref (spans[c]) : NULL;
      self->word_tooltip = g_strdup (tooltip);
    }
  foreach_cell (self, update_cell_hover, FALSE);
}

/**
 * tri_alignment_grid_set_wording:
 * @self: a #TriAlignmentGrid
 * @wording: (nullable): the words' counterparts
 * @compare: whether to mark the current row's words by what the other
 *   versions do with them (Compare Wording)
 *
 * Marks the words of the current row anew (also after @wording linked
 * more rows).
 */
void
tri_alignment_grid_set_wording (TriAlignmentGrid *self,
                                TriWording       *wording,
                                gboolean          compare)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  g_set_object (&self->wording, wording);
  self->compare_wording = compare;
  update_words (self);
}

/**
 * tri_alignment_grid_highlight:
 * @self: a #TriAlignmentGrid
 * @row: a row, or %G_MAXUINT for none
 * @spans: (array fixed-size=3) (nullable): per column, byte spans (gsize
 *   pairs) of the column's document, or %NULL
 *
 * Highlights @spans in @row's cells (a finding, a find's match), in place
 * of what was highlighted.
 */
void
tri_alignment_grid_highlight (TriAlignmentGrid  *self,
                              guint              row,
                              GArray           **spans)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  self->highlight_row = row;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      g_clear_pointer (&self->highlight_spans[c], g_array_unref);
      if (spans != NULL && spans[c] != NULL && spans[c]->len > 0)
        self->highlight_spans[c] = g_array_copy (spans[c]);
    }
  foreach_cell (self, update_cell_highlight, FALSE);
}

/* A check finished: underline what it found in the cells on screen; the
 * rows kept off screen are when they are shown again. */
static void
on_spell_changed_cb (TriAlignmentGrid *self)
{
  self->spell_stamp++;
  foreach_cell (self, update_cell_spelling, TRUE);
}

/* Public API */

/**
 * tri_alignment_grid_new:
 *
 * Returns: (transfer floating): a new, empty grid
 */
GtkWidget *
tri_alignment_grid_new (void)
{
  return g_object_new (TRI_TYPE_ALIGNMENT_GRID, NULL);
}

/**
 * tri_alignment_grid_set_spell_checker:
 * @self: a #TriAlignmentGrid
 * @spell: (nullable): the spell checker of the alignment shown
 *
 * Where the cells' underlines come from; set it before the alignment.
 */
void
tri_alignment_grid_set_spell_checker (TriAlignmentGrid *self,
                                      TriSpellChecker  *spell)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  if (self->spell != NULL)
    g_signal_handlers_disconnect_by_func (self->spell, on_spell_changed_cb, self);
  g_set_object (&self->spell, spell);
  if (spell != NULL)
    g_signal_connect_object (spell, "changed", G_CALLBACK (on_spell_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * tri_alignment_grid_set_alignment:
 * @self: a #TriAlignmentGrid
 * @alignment: (nullable): the rows to show
 *
 * Shows @alignment's rows, all of them, none current; its columns have
 * no title nor menu until tri_alignment_grid_set_column_header().
 */
void
tri_alignment_grid_set_alignment (TriAlignmentGrid *self,
                                  TriAlignment     *alignment)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  tri_row_view_set_model (self->view, NULL);
  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_rows_changed_after_cb, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selected_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_set_object (&self->alignment, alignment);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      g_clear_pointer (&self->titles[c], g_free);
      g_clear_object (&self->menus[c]);
    }
  clear_words (self);
  g_clear_object (&self->wording);
  tri_alignment_grid_highlight (self, G_MAXUINT, NULL);
  self->current_row = GTK_INVALID_LIST_POSITION;
  self->range_anchor = G_MAXUINT;
  self->n_columns = alignment != NULL ? MIN (tri_alignment_get_n_columns (alignment), TRI_MAX_COLUMNS) : 0;
  build_columns (self);
  if (alignment == NULL)
    return;

  self->filter = tri_row_filter_new (alignment);
  /* The model after the flags: made with it, the selection would select
   * row 0 by itself, without anybody being told (no current row). */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->filter));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_rows_changed_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  tri_row_view_set_model (self->view, self->selection);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROW_KIND]);
}

/**
 * tri_alignment_grid_set_column_header:
 * @self: a #TriAlignmentGrid
 * @column: a column of the alignment
 * @title: (nullable): the column's title, or %NULL to keep it
 * @menu: (nullable): the menu of the column's header, or %NULL to keep it
 *
 * The header of @column (kept when the cells are built anew).
 */
void
tri_alignment_grid_set_column_header (TriAlignmentGrid *self,
                                      guint             column,
                                      const char       *title,
                                      GMenuModel       *menu)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  if (column >= self->n_columns)
    return;
  if (title != NULL)
    {
      g_free (self->titles[column]);
      self->titles[column] = g_strdup (title);
    }
  if (menu != NULL)
    g_set_object (&self->menus[column], menu);
  apply_header (self, column);
}

/**
 * tri_alignment_grid_get_view:
 * @self: a #TriAlignmentGrid
 *
 * Returns: (transfer none): the view that scrolls, a #TriRowView (for
 *   tests and benchmarks)
 */
GtkWidget *
tri_alignment_grid_get_view (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), NULL);

  return GTK_WIDGET (self->view);
}

/**
 * tri_alignment_grid_get_column_title:
 * @self: a #TriAlignmentGrid
 * @column: a column of the alignment
 *
 * Returns: (nullable): the title its header shows
 */
const char *
tri_alignment_grid_get_column_title (TriAlignmentGrid *self,
                                     guint             column)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), NULL);

  return column < self->n_columns ? tri_row_view_get_column_title (self->view, column + 1) : NULL;
}

/**
 * tri_alignment_grid_get_selection:
 * @self: a #TriAlignmentGrid
 *
 * Returns: (transfer none) (nullable): the rows shown, and the current
 *   one selected
 */
GtkSingleSelection *
tri_alignment_grid_get_selection (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), NULL);

  return self->selection;
}

/**
 * tri_alignment_grid_get_compact:
 * @self: a #TriAlignmentGrid
 *
 * Returns: whether rows are a few lines at most (ellipsized)
 */
gboolean
tri_alignment_grid_get_compact (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), FALSE);

  return self->compact;
}

/**
 * tri_alignment_grid_set_compact:
 * @self: a #TriAlignmentGrid
 * @compact: whether rows are a few lines at most
 *
 * Builds new cells for every column, keeping the rows, the current row and
 * the current column.
 */
void
tri_alignment_grid_set_compact (TriAlignmentGrid *self,
                                gboolean          compact)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  compact = !!compact;
  if (compact == self->compact)
    return;
  self->compact = compact;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_weak_pointer (&self->like_cells[c]);
  tri_row_view_rebuild (self->view);
  tri_alignment_grid_scroll_to_current (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPACT]);
}

/**
 * tri_alignment_grid_get_current_row:
 * @self: a #TriAlignmentGrid
 *
 * Returns: the alignment's index of the current row (the one last
 *   selected), or %GTK_INVALID_LIST_POSITION
 */
guint
tri_alignment_grid_get_current_row (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), GTK_INVALID_LIST_POSITION);

  return self->current_row;
}

/**
 * tri_alignment_grid_get_current_item:
 * @self: a #TriAlignmentGrid
 *
 * Returns: (transfer none) (nullable): the row selected in the grid
 */
TriRow *
tri_alignment_grid_get_current_item (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), NULL);

  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

/**
 * tri_alignment_grid_dup_shown_row:
 * @self: a #TriAlignmentGrid
 * @position: a position in the rows shown
 *
 * Returns: (transfer full) (nullable): the row shown at @position
 */
TriRow *
tri_alignment_grid_dup_shown_row (TriAlignmentGrid *self,
                                  guint             position)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), NULL);

  if (self->filter == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->filter), position);
}

/**
 * tri_alignment_grid_get_current_position:
 * @self: a #TriAlignmentGrid
 *
 * Returns: the position of the current row in the rows shown, or
 *   %GTK_INVALID_LIST_POSITION
 */
guint
tri_alignment_grid_get_current_position (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), GTK_INVALID_LIST_POSITION);

  return selected_position (self);
}

/**
 * tri_alignment_grid_select_row:
 * @self: a #TriAlignmentGrid
 * @row: a row of the alignment (past the last: the last)
 * @take_focus: whether the keyboard goes to the row
 *
 * Makes @row the current row and scrolls it into view.
 *
 * Returns: %FALSE if the grid does not show @row (its kind of rows
 *   leaves it out): nothing changed
 */
gboolean
tri_alignment_grid_select_row (TriAlignmentGrid *self,
                               guint             row,
                               gboolean          take_focus)
{
  guint n, at;

  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), FALSE);

  if (self->alignment == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
  if (n == 0)
    return TRUE;
  row = MIN (row, n - 1);

  at = tri_row_filter_find_row (self->filter, row);
  if (at == G_MAXUINT)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, at);
  show_row (self, at, take_focus);
  return TRUE;
}

/**
 * tri_alignment_grid_scroll_to_current:
 * @self: a #TriAlignmentGrid
 * @take_focus: whether the keyboard goes to the row
 *
 * Scrolls the current row into view.
 */
void
tri_alignment_grid_scroll_to_current (TriAlignmentGrid *self,
                                      gboolean          take_focus)
{
  guint at;

  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  at = selected_position (self);
  if (at != GTK_INVALID_LIST_POSITION)
    show_row (self, at, take_focus);
}

/* The rows the grid shows at once, for Page Up and Page Down. */
static guint
rows_on_screen (TriAlignmentGrid *self)
{
  return MAX (1, tri_row_view_get_n_shown (self->view));
}

/**
 * tri_alignment_grid_move_cursor:
 * @self: a #TriAlignmentGrid
 * @where: "up", "down", "page-up", "page-down", "first" or "last"
 * @take_focus: whether the keyboard goes to the row
 *
 * Moves the current row among the rows shown (the cursor keys of the
 * grid), and scrolls it into view. Without a current row, the first
 * becomes current.
 */
void
tri_alignment_grid_move_cursor (TriAlignmentGrid *self,
                                const char       *where,
                                gboolean          take_focus)
{
  guint n, at, page;

  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));
  g_return_if_fail (where != NULL);

  if (self->selection == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n == 0)
    return;

  at = gtk_single_selection_get_selected (self->selection);
  page = rows_on_screen (self);
  if (at == GTK_INVALID_LIST_POSITION)
    at = 0;
  else if (g_str_equal (where, "up"))
    at = at > 0 ? at - 1 : 0;
  else if (g_str_equal (where, "down"))
    at = MIN (at + 1, n - 1);
  else if (g_str_equal (where, "page-up"))
    at = at > page ? at - page : 0;
  else if (g_str_equal (where, "page-down"))
    at = MIN (at + page, n - 1);
  else if (g_str_equal (where, "first"))
    at = 0;
  else if (g_str_equal (where, "last"))
    at = n - 1;

  gtk_single_selection_set_selected (self->selection, at);
  show_row (self, at, take_focus);
}

/**
 * tri_alignment_grid_get_current_column:
 * @self: a #TriAlignmentGrid
 *
 * Returns: the current column
 */
guint
tri_alignment_grid_get_current_column (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), 0);

  return self->current_column;
}

/**
 * tri_alignment_grid_set_current_column:
 * @self: a #TriAlignmentGrid
 * @column: a column of the alignment shown
 *
 * Makes @column the current one (a CSS class on the view of rows:
 * current-column-1 … current-column-3). A column the alignment does not
 * have is ignored.
 */
void
tri_alignment_grid_set_current_column (TriAlignmentGrid *self,
                                       guint             column)
{
  char name[32];

  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  if (column >= self->n_columns)
    return;

  g_snprintf (name, sizeof name, "current-column-%u", self->current_column + 1);
  gtk_widget_remove_css_class (GTK_WIDGET (self->view), name);
  g_snprintf (name, sizeof name, "current-column-%u", column + 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), name);
  if (column != self->current_column)
    {
      self->current_column = column;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_COLUMN]);
    }
}

/**
 * tri_alignment_grid_get_menu_point:
 * @self: a #TriAlignmentGrid
 * @x: (out): where, in the grid, a menu for the current row points
 * @y: (out): and down
 *
 * Under the current row, by the current column: where the row menu opens
 * from the keyboard.
 *
 * Returns: %FALSE if the current row is not on screen
 */
gboolean
tri_alignment_grid_get_menu_point (TriAlignmentGrid *self,
                                   double           *x,
                                   double           *y)
{
  TriRowViewRow *row;
  graphene_rect_t bounds;
  guint position;

  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), FALSE);

  position = selected_position (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  row = tri_row_view_get_row (self->view, position);
  if (row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) &&
      gtk_widget_compute_bounds (tri_row_view_row_get_cell (row, 0), GTK_WIDGET (self), &bounds) &&
      bounds.origin.y + bounds.size.height > 0)
    {
      double width = gtk_widget_get_width (GTK_WIDGET (self->view)) - TRI_ALIGNMENT_GRID_NUMBER_WIDTH;
      guint n = MAX (1, self->n_columns);

      *x = TRI_ALIGNMENT_GRID_NUMBER_WIDTH + width * (self->current_column + 0.5) / n;
      *y = bounds.origin.y + bounds.size.height;
      return TRUE;
    }
  return FALSE;
}

/**
 * tri_alignment_grid_get_row_kind:
 * @self: a #TriAlignmentGrid
 *
 * Returns: the kind of rows shown
 */
TriRowKind
tri_alignment_grid_get_row_kind (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), TRI_ROWS_ALL);

  return self->filter != NULL ? tri_row_filter_get_kind (self->filter) : TRI_ROWS_ALL;
}

/**
 * tri_alignment_grid_set_row_kind:
 * @self: a #TriAlignmentGrid
 * @kind: the rows to show
 * @take_focus: whether the keyboard goes to the current row
 *
 * Shows only the rows of @kind, the cursor staying on its row, or going
 * to the next row shown.
 *
 * Returns: how many rows are shown
 */
guint
tri_alignment_grid_set_row_kind (TriAlignmentGrid *self,
                                 TriRowKind        kind,
                                 gboolean          take_focus)
{
  guint row, n, at;

  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), 0);

  if (self->filter == NULL)
    return 0;
  if (kind == tri_row_filter_get_kind (self->filter))
    return g_list_model_get_n_items (G_LIST_MODEL (self->filter));

  row = self->current_row;
  tri_row_filter_set_kind (self->filter, kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROW_KIND]);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter));
  if (n == 0)
    return 0;

  at = row == GTK_INVALID_LIST_POSITION ? 0 : tri_row_filter_seek (self->filter, row);
  at = MIN (at, n - 1);
  gtk_single_selection_set_selected (self->selection, at);
  show_row (self, at, take_focus);
  tri_alignment_grid_update_notes (self);
  return n;
}

/**
 * tri_alignment_grid_get_range:
 * @self: a #TriAlignmentGrid
 * @first: (out): the first row of the range
 * @last: (out): the last row
 *
 * Returns: whether a range of rows is marked (Shift+Up/Down from the
 *   cursor, for realigning part of the document)
 */
gboolean
tri_alignment_grid_get_range (TriAlignmentGrid *self,
                              guint            *first,
                              guint            *last)
{
  guint n;

  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), FALSE);

  if (self->range_anchor == G_MAXUINT || self->alignment == NULL ||
      self->current_row == GTK_INVALID_LIST_POSITION)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
  *first = MIN (MIN (self->range_anchor, self->current_row), n - 1);
  *last = MIN (MAX (self->range_anchor, self->current_row), n - 1);
  return n > 0;
}

/**
 * tri_alignment_grid_extend_range:
 * @self: a #TriAlignmentGrid
 * @direction: -1 (up) or 1 (down)
 * @take_focus: whether the keyboard goes to the row
 *
 * Marks a range of rows from the current row (which anchors it when no
 * range is marked) and moves the current row one row up or down.
 *
 * Returns: %FALSE at the first or last row: nothing changed
 */
gboolean
tri_alignment_grid_extend_range (TriAlignmentGrid *self,
                                 int               direction,
                                 gboolean          take_focus)
{
  guint row, n;

  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), FALSE);

  if (self->alignment == NULL)
    return FALSE;
  row = row_at (self, selected_position (self));
  if (row == G_MAXUINT)
    row = 0;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
  if ((direction < 0 && row == 0) || (direction > 0 && row + 1 >= n))
    return FALSE;
  if (self->range_anchor == G_MAXUINT)
    self->range_anchor = row;

  self->extending = TRUE;
  if (!tri_alignment_grid_select_row (self, direction < 0 ? row - 1 : row + 1, take_focus))
    {
      /* A row the narrowed grid does not show: show every row. */
      tri_alignment_grid_set_row_kind (self, TRI_ROWS_ALL, FALSE);
      tri_alignment_grid_select_row (self, direction < 0 ? row - 1 : row + 1, take_focus);
    }
  self->extending = FALSE;
  return TRUE;
}

/**
 * tri_alignment_grid_clear_range:
 * @self: a #TriAlignmentGrid
 *
 * Unmarks the range of rows.
 */
void
tri_alignment_grid_clear_range (TriAlignmentGrid *self)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  set_range_anchor (self, G_MAXUINT);
}

/**
 * tri_alignment_grid_set_note_func:
 * @self: a #TriAlignmentGrid
 * @func: (nullable): what the mark by a row's number says
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Rows with a note get a mark by their number, the note its tooltip.
 */
void
tri_alignment_grid_set_note_func (TriAlignmentGrid         *self,
                                  TriAlignmentGridNoteFunc  func,
                                  gpointer                  user_data,
                                  GDestroyNotify            destroy)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  if (self->note_destroy != NULL)
    self->note_destroy (self->note_data);
  self->note_func = func;
  self->note_data = user_data;
  self->note_destroy = destroy;
  tri_alignment_grid_update_notes (self);
}

/* GObject */

static gboolean
tri_alignment_grid_grab_focus (GtkWidget *widget)
{
  TriAlignmentGrid *self = TRI_ALIGNMENT_GRID (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* The row menu */

/**
 * tri_alignment_grid_set_row_menu:
 * @self: a #TriAlignmentGrid
 * @row_menu: the editing operations on a row
 * @spelling_menu: (nullable): a misspelled word's suggestions and actions,
 *   shown first when the menu opens on one
 */
void
tri_alignment_grid_set_row_menu (TriAlignmentGrid *self,
                                 GMenuModel       *row_menu,
                                 GMenuModel       *spelling_menu)
{
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));
  g_return_if_fail (G_IS_MENU_MODEL (row_menu));

  g_set_object (&self->row_menu, row_menu);
  g_set_object (&self->spelling_menu, spelling_menu);
  g_clear_object (&self->row_menu_with_spelling);
}

/**
 * tri_alignment_grid_popup_row_menu:
 * @self: a #TriAlignmentGrid
 * @x: where, in the grid's coordinates; with @y -1, under the current
 *   row, by the current column (the Menu key, Shift+F10)
 * @y: where
 * @spelling: whether a misspelled word was clicked: its suggestions come
 *   first
 */
void
tri_alignment_grid_popup_row_menu (TriAlignmentGrid *self,
                                   double            x,
                                   double            y,
                                   gboolean          spelling)
{
  GdkRectangle rect;

  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  if (self->row_menu == NULL || (y < 0 && !tri_alignment_grid_get_menu_point (self, &x, &y)))
    return;
  if (self->row_popover == NULL)
    {
      self->row_popover = gtk_popover_menu_new_from_model (self->row_menu);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->row_popover), FALSE);
      gtk_widget_set_halign (self->row_popover, GTK_ALIGN_START);
      gtk_widget_set_parent (self->row_popover, GTK_WIDGET (self));
    }
  spelling = spelling && self->spelling_menu != NULL;
  if (spelling && self->row_menu_with_spelling == NULL)
    {
      GMenu *menu = g_menu_new ();

      g_menu_append_section (menu, NULL, self->spelling_menu);
      g_menu_append_section (menu, NULL, self->row_menu);
      self->row_menu_with_spelling = G_MENU_MODEL (menu);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_popover),
                                   spelling ? self->row_menu_with_spelling : self->row_menu);
  rect = (GdkRectangle) { (int)x, (int)y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

static void
tri_alignment_grid_dispose (GObject *object)
{
  TriAlignmentGrid *self = (TriAlignmentGrid *)object;

  g_clear_handle_id (&self->mapped_idle, g_source_remove);
  g_clear_handle_id (&self->prepare_idle, g_source_remove);
  stop_waiting_for_paint (self);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_weak_pointer (&self->like_cells[c]);
  tri_alignment_grid_set_note_func (self, NULL, NULL, NULL);
  g_clear_pointer (&self->row_popover, gtk_widget_unparent);
  g_clear_object (&self->row_menu);
  g_clear_object (&self->spelling_menu);
  g_clear_object (&self->row_menu_with_spelling);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRI_TYPE_ALIGNMENT_GRID);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->alignment);
  g_clear_object (&self->spell);
  g_clear_object (&self->wording);
  clear_words (self);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      g_clear_pointer (&self->titles[c], g_free);
      g_clear_object (&self->menus[c]);
      g_clear_pointer (&self->highlight_spans[c], g_array_unref);
    }

  G_OBJECT_CLASS (tri_alignment_grid_parent_class)->dispose (object);
}

static void
tri_alignment_grid_finalize (GObject *object)
{
  TriAlignmentGrid *self = (TriAlignmentGrid *)object;

  g_clear_pointer (&self->mapped_cells, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, tri_cell_text_cache_unref);

  G_OBJECT_CLASS (tri_alignment_grid_parent_class)->finalize (object);
}

static void
tri_alignment_grid_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TriAlignmentGrid *self = TRI_ALIGNMENT_GRID (object);

  switch (prop_id)
    {
    case PROP_CURRENT_ROW:
      g_value_set_uint (value, self->current_row);
      break;

    case PROP_CURRENT_COLUMN:
      g_value_set_uint (value, self->current_column);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    case PROP_ROW_KIND:
      g_value_set_uint (value, tri_alignment_grid_get_row_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_alignment_grid_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TriAlignmentGrid *self = TRI_ALIGNMENT_GRID (object);

  switch (prop_id)
    {
    case PROP_CURRENT_COLUMN:
      tri_alignment_grid_set_current_column (self, g_value_get_uint (value));
      break;

    case PROP_COMPACT:
      tri_alignment_grid_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The cursor keys in the grid (Up, Down, Page Up, Page Down, Home, End,
 * with or without Ctrl): the cursor is the current row, and the keyboard
 * and the view follow it (the view of rows has no cursor keys of its
 * own). */
static void
move_cursor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  tri_alignment_grid_move_cursor (TRI_ALIGNMENT_GRID (widget), g_variant_get_string (param, NULL), TRUE);
}

static void
add_cursor_keys (TriAlignmentGrid *self)
{
  static const struct {
    guint keyval;
    const char *where;
  } moves[] = {
    { GDK_KEY_Up, "up" }, { GDK_KEY_KP_Up, "up" },
    { GDK_KEY_Down, "down" }, { GDK_KEY_KP_Down, "down" },
    { GDK_KEY_Page_Up, "page-up" }, { GDK_KEY_KP_Page_Up, "page-up" },
    { GDK_KEY_Page_Down, "page-down" }, { GDK_KEY_KP_Page_Down, "page-down" },
    { GDK_KEY_Home, "first" }, { GDK_KEY_KP_Home, "first" },
    { GDK_KEY_End, "last" }, { GDK_KEY_KP_End, "last" },
  };
  GtkEventController *capture = gtk_shortcut_controller_new ();

  /* Before the rows' own bindings (Return activates a row). */
  gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    for (guint ctrl = 0; ctrl < 2; ctrl++)
      {
        GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (moves[i].keyval, ctrl ? GDK_CONTROL_MASK : 0),
                                                  gtk_named_action_new ("grid.move-cursor"));

        gtk_shortcut_set_arguments (shortcut, g_variant_new_string (moves[i].where));
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), shortcut);
      }
  gtk_widget_add_controller (GTK_WIDGET (self), capture);
}

static void
tri_alignment_grid_class_init (TriAlignmentGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_alignment_grid_dispose;
  object_class->finalize = tri_alignment_grid_finalize;
  object_class->get_property = tri_alignment_grid_get_property;
  object_class->set_property = tri_alignment_grid_set_property;

  widget_class->grab_focus = tri_alignment_grid_grab_focus;

  /**
   * TriAlignmentGrid:current-row:
   *
   * The alignment's index of the current row (the one last selected), or
   * %GTK_INVALID_LIST_POSITION.
   */
  properties [PROP_CURRENT_ROW] =
    g_param_spec_uint ("current-row", NULL, NULL,
                       0, G_MAXUINT, G_MAXUINT,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TriAlignmentGrid:current-column:
   *
   * The column the row's actions act on.
   */
  properties [PROP_CURRENT_COLUMN] =
    g_param_spec_uint ("current-column", NULL, NULL,
                       0, TRI_MAX_COLUMNS - 1, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TriAlignmentGrid:compact:
   *
   * Whether rows are a few lines at most, ellipsized.
   */
  properties [PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TriAlignmentGrid:row-kind:
   *
   * The kind of rows shown (a #TriRowKind).
   */
  properties [PROP_ROW_KIND] =
    g_param_spec_uint ("row-kind", NULL, NULL,
                       0, TRI_ROWS_BOOKMARKED, TRI_ROWS_ALL,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TriAlignmentGrid::current-changed:
   * @self: a #TriAlignmentGrid
   * @row: the alignment's index of the row selected, or
   *   %GTK_INVALID_LIST_POSITION when none is
   *
   * The selection moved: the grid has scrolled to it already.
   */
  signals [CURRENT_CHANGED] =
    g_signal_new ("current-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TriAlignmentGrid::row-activated:
   * @self: a #TriAlignmentGrid
   * @row: the row (Return or a double click on it)
   */
  signals [ROW_ACTIVATED] =
    g_signal_new ("row-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TriAlignmentGrid::context-menu:
   * @self: a #TriAlignmentGrid
   * @x: where the click was, in the grid
   * @y: and down
   * @column: the column clicked (it is the current column now), or
   *   %G_MAXUINT for the numbers
   * @offset: the character of the cell's text clicked, or -1
   *
   * A secondary click on a row, which is the current row now.
   */
  signals [CONTEXT_MENU] =
    g_signal_new ("context-menu",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_UINT, G_TYPE_INT);

  /**
   * TriAlignmentGrid::range-changed:
   * @self: a #TriAlignmentGrid
   *
   * The marked range of rows changed (tri_alignment_grid_get_range()).
   */
  signals [RANGE_CHANGED] =
    g_signal_new ("range-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TriAlignmentGrid::pointer-word:
   * @self: a #TriAlignmentGrid
   * @position: the position, in the rows shown, of the row the pointer
   *   is on, or %GTK_INVALID_LIST_POSITION off the rows
   * @column: the cell's column
   * @offset: the byte offset in the cell's text, or -1 off the words
   *
   * The pointer moved over the grid (for Compare Wording).
   */
  signals [POINTER_WORD] =
    g_signal_new ("pointer-word",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "grid.move-cursor", "s", move_cursor_action);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/tri-alignment-grid.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TriAlignmentGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, TriAlignmentGrid, view);
  g_type_ensure (TRI_TYPE_ROW_VIEW);
}

static void
tri_alignment_grid_init (TriAlignmentGrid *self)
{
  GtkEventController *focus;
  GtkEventController *motion;
  GtkGesture *click;

  self->mapped_cells = g_ptr_array_new ();
  /* The rows on screen and those kept for rows to come, three texts
   * each, and the rows next to them on either side. */
  self->layouts = tri_cell_text_cache_new (1024);
  self->current_row = GTK_INVALID_LIST_POSITION;
  self->range_anchor = G_MAXUINT;
  self->highlight_row = G_MAXUINT;
  self->word_column = G_MAXUINT;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_cursor_keys (self);
  tri_row_view_set_factory (self->view, make_cell_cb, bind_row_cb, self);

  /* Enter or a double click on a row (the row takes Enter before the
   * window's own shortcuts see it). */
  g_signal_connect_object (self->view, "activate", G_CALLBACK (on_activate_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), motion);
}

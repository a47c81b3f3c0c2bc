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

  GPtrArray          *number_items;   /* the number column's list items */
  GPtrArray          *cell_items;     /* the text columns' list items */
  GPtrArray          *mapped_cells;   /* cells mapped, waiting for their underlines */
  guint               mapped_idle;
  TriCellTextCache   *layouts;        /* the wrapped cells' plain layouts */
  GtkWidget          *like_cells[TRI_MAX_COLUMNS];  /* weak: a cell of each column shown */
  guint               prepare_idle;
  GdkFrameClock      *prepare_clock;  /* weak: waiting for its frame's paint, or NULL */

  guint               current_row;    /* the alignment's index of the row last selected */
  guint               current_column;
  guint               range_anchor;   /* where Shift+Up/Down started a range of rows, or G_MAXUINT */
  gboolean            extending;      /* the cursor moves to extend the range */
  guint               focus_tick;     /* waits to give the keyboard focus to the cursor's row */
  guint               focus_position;
  gint64              focus_deadline; /* until when it waits */

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
  GtkColumnView      *column_view;
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
                               GtkListItem      *item);

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

/* The cell's misspelled words, from what the background check knows. */
static void
update_cell_spelling (TriAlignmentGrid *self,
                      GtkListItem      *item)
{
  TriSegmentCell *cell = TRI_SEGMENT_CELL (gtk_list_item_get_child (item));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  const char *text = tri_segment_cell_get_text (cell);
  g_autoptr(GArray) misspellings = NULL;

  if (self->spell != NULL && text != NULL && text[0] != '\0' && gtk_list_item_get_item (item) != NULL)
    misspellings = tri_spell_checker_check_cell (self->spell, gtk_list_item_get_item (item), column, text, -1);
  tri_segment_cell_set_misspellings (cell, misspellings);
}

/* Cells mapped since the last idle: their underlines are set then, not
 * in "map", which the list emits while it allocates its rows — new
 * attributes there queue a resize of a row being allocated, and GTK 4.8
 * then skips painting it (the grid went blank above the cursor, with
 * "Trying to snapshot … without a current allocation"). */
static void
on_mapped_cells_cb (gpointer user_data)
{
  TriAlignmentGrid *self = user_data;

  self->mapped_idle = 0;
  for (guint i = 0; i < self->mapped_cells->len; i++)
    update_cell_spelling (self, g_ptr_array_index (self->mapped_cells, i));
  g_ptr_array_set_size (self->mapped_cells, 0);
}

static void
on_cell_map_cb (GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  TriAlignmentGrid *self = TRI_ALIGNMENT_GRID (gtk_widget_get_ancestor (cell, TRI_TYPE_ALIGNMENT_GRID));

  if (!g_ptr_array_find (self->mapped_cells, item, NULL))
    g_ptr_array_add (self->mapped_cells, item);
  if (self->mapped_idle == 0)
    self->mapped_idle = g_idle_add_once (on_mapped_cells_cb, self);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TriAlignmentGrid         *self)
{
  GtkWidget *cell = tri_segment_cell_new (self->compact);

  tri_segment_cell_set_cache (TRI_SEGMENT_CELL (cell), self->layouts);

  /* For the row menu: which row and column a click is on. */
  g_object_set_data (G_OBJECT (cell), "list-item", item);
  g_object_set_data (G_OBJECT (cell), "column", g_object_get_data (G_OBJECT (factory), "column"));
  gtk_list_item_set_child (item, cell);
  g_ptr_array_add (self->cell_items, item);

  /* A cell kept off screen missed the checks meanwhile. */
  g_signal_connect_swapped (cell, "map", G_CALLBACK (on_cell_map_cb), item);
}

static void
on_cell_teardown_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     TriAlignmentGrid         *self)
{
  g_ptr_array_remove_fast (self->cell_items, item);
  g_ptr_array_remove_fast (self->mapped_cells, item);
}

/* In a cell of the highlighted row, the highlighted spans. */
static void
update_cell_highlight (TriAlignmentGrid *self,
                       GtkListItem      *item)
{
  TriSegmentCell *cell = TRI_SEGMENT_CELL (gtk_list_item_get_child (item));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  guint row = row_at (self, gtk_list_item_get_position (item));
  g_autoptr(GArray) mapped = NULL;

  if (row != G_MAXUINT && row == self->highlight_row && column < TRI_MAX_COLUMNS &&
      self->highlight_spans[column] != NULL && gtk_list_item_get_item (item) != NULL)
    mapped = tri_alignment_map_spans (self->alignment, gtk_list_item_get_item (item), column,
                                      self->highlight_spans[column]);
  tri_segment_cell_set_highlights (cell, mapped);
}

static guint rows_on_screen (TriAlignmentGrid *self);

/* The rows next to those GTK has bound, laid out ahead while the main loop
 * has nothing else to do: paging, GTK 4.8 binds the rows coming into view
 * just before it shows them, and laying their text out was a tenth of a
 * Page Down (`bench-grid` under callgrind). A few milliseconds a turn. */
static gboolean
on_prepare_idle_cb (gpointer data)
{
  TriAlignmentGrid *self = data;
  gint64 deadline = g_get_monotonic_time () + 2 * G_TIME_SPAN_MILLISECOND;
  guint lo = G_MAXUINT, hi = 0, n, ahead;

  if (self->alignment == NULL || self->filter == NULL || self->compact)
    goto done;
  for (guint i = 0; i < self->number_items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->number_items, i);

      if (gtk_list_item_get_item (item) != NULL)
        {
          lo = MIN (lo, gtk_list_item_get_position (item));
          hi = MAX (hi, gtk_list_item_get_position (item));
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
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TriAlignmentGrid         *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  TriRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  g_assert (TRI_IS_ALIGNMENT_GRID (self));
  g_assert (TRI_IS_ROW (row));

  if (self->alignment == NULL || column >= tri_alignment_get_n_columns (self->alignment))
    return;

  text = tri_alignment_dup_cell_text (self->alignment, row, column);
  tri_segment_cell_set_text (TRI_SEGMENT_CELL (gtk_list_item_get_child (item)), text);
  if (!self->compact && column < TRI_MAX_COLUMNS)
    {
      g_set_weak_pointer (&self->like_cells[column], gtk_list_item_get_child (item));
      prepare_after_paint (self);
    }
  /* Off screen, the underlines wait until the cell is mapped: an edit
   * rebinds the ~600 cells GTK 4.8 keeps realized (twice the edit's cost
   * when every one was checked). */
  if (gtk_widget_get_mapped (gtk_list_item_get_child (item)))
    update_cell_spelling (self, item);
  else
    tri_segment_cell_set_misspellings (TRI_SEGMENT_CELL (gtk_list_item_get_child (item)), NULL);
  update_cell_highlight (self, item);
  update_cell_words (self, item);
  if (tri_row_get_needs_review (row))
    gtk_widget_add_css_class (gtk_list_item_get_child (item), "needs-review");
  else
    gtk_widget_remove_css_class (gtk_list_item_get_child (item), "needs-review");
}

static void
on_number_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    TriAlignmentGrid         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* Not a GtkLabel: a label given another number queues a resize, and
   * GTK 4.8's column view then measures every cell of the column again —
   * every row it keeps, each time a row comes into view (`bench-grid`).
   * An inscription's size does not depend on its text. */
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

  g_object_set_data (G_OBJECT (box), "list-item", item);
  g_object_set_data (G_OBJECT (box), "column", GUINT_TO_POINTER (G_MAXUINT));
  gtk_list_item_set_child (item, box);
  g_ptr_array_add (self->number_items, item);
}

/* The row's number in the alignment, whatever the grid is narrowed to. */
static void
update_number (TriAlignmentGrid *self,
               GtkListItem      *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  guint row = row_at (self, gtk_list_item_get_position (item));
  guint first, last;
  char number[16];

  if (row == G_MAXUINT)
    return;

  /* The range of rows Shift+Up/Down marked: a bar by their numbers. */
  if (tri_alignment_grid_get_range (self, &first, &last) && row >= first && row <= last)
    gtk_widget_add_css_class (box, "in-range");
  else
    gtk_widget_remove_css_class (box, "in-range");

  g_snprintf (number, sizeof number, "%u", row + 1);
  gtk_inscription_set_text (GTK_INSCRIPTION (label), number);

  /* The row's findings: a mark, their messages on hover. */
  {
    GtkWidget *mark = gtk_widget_get_last_child (box);
    g_autofree char *note = self->note_func != NULL ? self->note_func (row, self->note_data) : NULL;

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
  g_return_if_fail (TRI_IS_ALIGNMENT_GRID (self));

  for (guint i = 0; i < self->number_items->len; i++)
    update_number (self, g_ptr_array_index (self->number_items, i));
}

static void
on_number_teardown_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       TriAlignmentGrid         *self)
{
  g_ptr_array_remove_fast (self->number_items, item);
}

static void
on_number_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   TriAlignmentGrid         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_next_sibling (label);
  TriRow *row = gtk_list_item_get_item (item);

  update_number (self, item);

  gtk_widget_set_visible (gtk_widget_get_next_sibling (icon), tri_row_get_confirmed (row));
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (gtk_widget_get_last_child (box)),
                          tri_row_get_bookmarked (row));

  /* Low confidence: an icon with a tooltip, and a tint on the cells. */
  gtk_widget_set_visible (icon, tri_row_get_needs_review (row));
  if (tri_row_get_needs_review (row))
    {
      g_autofree char *tip = g_strdup_printf (_("Check this row: the aligner is only %.0f%% sure of it"),
                                              100 * tri_row_get_score (row));

      tri_widget_set_tooltip_text (icon, tip);
    }
}

/* Columns */

static void
remove_columns (TriAlignmentGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
apply_header (TriAlignmentGrid *self,
              guint             column)
{
  g_autoptr(GtkColumnViewColumn) view_column =
    g_list_model_get_item (gtk_column_view_get_columns (self->column_view), column + 1);

  if (view_column == NULL)
    return;
  gtk_column_view_column_set_title (view_column, self->titles[column]);
  gtk_column_view_column_set_header_menu (view_column, self->menus[column]);
}

static void
build_columns (TriAlignmentGrid *self)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;

  remove_columns (self);
  if (self->n_columns == 0)
    return;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_number_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_number_bind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_number_teardown_cb), self);
  column = gtk_column_view_column_new ("#", factory);
  gtk_column_view_column_set_fixed_width (column, TRI_ALIGNMENT_GRID_NUMBER_WIDTH);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  for (guint c = 0; c < self->n_columns; c++)
    {
      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (on_cell_teardown_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);

      column = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
      apply_header (self, c);
    }
}

/* Scrolling and the keyboard focus */

/* Whether @item shows the row at its position now: after an edit, until
 * the list lays itself out again, a row may show a row replaced, and GTK
 * 4.8 must not be given the focus on it. */
static gboolean
shows_current_item (TriAlignmentGrid *self,
                    GtkListItem      *item)
{
  g_autoptr(GObject) current = NULL;

  if (self->filter == NULL || gtk_list_item_get_position (item) >= g_list_model_get_n_items (G_LIST_MODEL (self->filter)))
    return FALSE;
  current = g_list_model_get_item (G_LIST_MODEL (self->filter), gtk_list_item_get_position (item));
  return current == gtk_list_item_get_item (item);
}

/* The keyboard focus follows the cursor: GtkListBase moves on from the row
 * that has the focus, so after a jump (F8, a search, Shift+Down) Down must
 * go on from the row jumped to, not from the row last clicked. GTK 4.8 can
 * only focus a row that is realized; one scrolled to is realized on a
 * later layout, so this waits for it. Done only once the focus is seen in
 * the mapped row on a later frame: a row given the focus can be laid out
 * again and left unmapped, holding a focus nobody sees. */
static gboolean
focus_row_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  TriAlignmentGrid *self = TRI_ALIGNMENT_GRID (user_data);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* The user took the keyboard elsewhere (the strip, a panel): leave it. */
  if (focus != NULL && gtk_widget_get_root (focus) != NULL && !gtk_widget_is_ancestor (focus, widget))
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  for (guint i = 0; i < self->number_items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->number_items, i);
      GtkWidget *child = gtk_list_item_get_child (item);
      GtkWidget *row;

      if (gtk_list_item_get_position (item) != self->focus_position || !gtk_widget_get_mapped (child) ||
          gtk_list_item_get_item (item) == NULL || !shows_current_item (self, item))
        continue;

      /* The number column's cell, and its row. */
      row = gtk_widget_get_parent (gtk_widget_get_parent (child));
      if (row == NULL || !gtk_widget_get_mapped (row))
        break;
      if (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)))
        {
          self->focus_tick = 0;
          return G_SOURCE_REMOVE;
        }
      gtk_widget_grab_focus (row);
      break;
    }

  /* Rows take a few frames to be laid out where the grid scrolled (more
   * on a loaded machine, close to a second was measured): keep trying
   * for five seconds, not a count of frames. */
  if (g_get_monotonic_time () > self->focus_deadline)
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Gives the keyboard focus to the grid's row at @position, once it is
 * realized: the row the list view's own keys (Return, the arrows) act on
 * is then the cursor's. */
static void
focus_row (TriAlignmentGrid *self,
           guint             position)
{
  self->focus_position = position;
  self->focus_deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), focus_row_tick_cb,
                                                     self, NULL);
}

static GtkWidget *
inner_list (TriAlignmentGrid *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The row widget that shows @position, if GTK made one (it keeps ~200
 * about the rows in view). */
static GtkWidget *
find_row_widget (TriAlignmentGrid *self,
                 guint             position)
{
  GtkWidget *list = inner_list (self);

  for (guint i = 0; list != NULL && i < self->number_items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->number_items, i);
      GtkWidget *row = gtk_list_item_get_child (item);

      if (gtk_list_item_get_position (item) != position || row == NULL || gtk_list_item_get_item (item) == NULL)
        continue;
      while (row != NULL && gtk_widget_get_parent (row) != list)
        row = gtk_widget_get_parent (row);
      return row;
    }
  return NULL;
}

/* Brings the row at @position into view, and the keyboard to it if asked.
 *
 * GTK 4.8 has no gtk_column_view_scroll_to() (4.12): the inner list view's
 * "list.scroll-to-item" (as Nautilus 43 does). A row GTK made takes the
 * focus at once, before the list is laid out again: GTK keeps its ~200 rows
 * about an anchor that each scroll to a row, the focus's too
 * (gtk_list_base_set_focus_child()), places where that row is in the view.
 * Focused once laid out, the row scrolled to the bottom of the view was a
 * little above it, and the anchor went from one end of those rows to the
 * other, binding every row again: 9 → 55 ms a Page Down once the rows in
 * view had moved past the first 190. */
static void
show_row (TriAlignmentGrid *self,
          guint             position,
          gboolean          take_focus)
{
  GtkWidget *list = inner_list (self);
  GtkWidget *row;

  if (list == NULL)
    return;
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (!take_focus)
    return;
  row = find_row_widget (self, position);
  if (row != NULL)
    gtk_widget_grab_focus (row);
  /* And once laid out, if it could not take it yet. */
  focus_row (self, position);
}

/* Brings the cursor's row into view, and the keyboard to it if the
 * keyboard is in the grid. */
static gboolean keyboard_in_rows (TriAlignmentGrid *self);

static void
follow_cursor (TriAlignmentGrid *self,
               guint             position)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->column_view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* When the keyboard is in the grid: on a row, on a row replaced, or on
   * the list itself (the cursor keys were pressed there: the focus tick
   * gives it only to a mapped row that shows the cursor's item). */
  show_row (self, position,
            keyboard_in_rows (self) || (focus != NULL && GTK_IS_LIST_VIEW (focus) &&
                                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view))));
}

/* The keyboard coming back to the grid (the Checks panel closed, the
 * strip left, a click elsewhere) lands on the cursor's row, not on the
 * row that had the focus before. */
static void
on_focus_enter_cb (TriAlignmentGrid *self)
{
  guint at = selected_position (self);

  if (at != GTK_INVALID_LIST_POSITION)
    focus_row (self, at);
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
  for (guint i = 0; i < self->cell_items->len; i++)
    update_cell_words (self, g_ptr_array_index (self->cell_items, i));
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
    follow_cursor (self, position);
}

/* An edit replaces the rows it changes with new ones, and the selection
 * drops a row it no longer finds: keep the cursor on the row where the
 * user works (after the selection model has seen the change). */
/* Whether the keyboard is in the grid's rows, or was on a row an edit or
 * the alignment replaced (GTK 4.8 leaves the focus on the row widget it
 * drops: unparented, or on the list itself). */
static gboolean
keyboard_in_rows (TriAlignmentGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->column_view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Not the list itself: GTK 4.8 can fail (a critical, then a crash)
   * giving a row the focus the list view has after an edit in the strip
   * replaced the row that had it. */
  if (focus == NULL || GTK_IS_LIST_VIEW (focus))
    return FALSE;
  if (gtk_widget_get_root (focus) == NULL)
    return TRUE;
  return gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view));
}

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
    focus_row (self, selected);
}

static void
on_activate_cb (TriAlignmentGrid *self,
                guint             position,
                GtkColumnView    *column_view)
{
  g_signal_emit (self, signals [ROW_ACTIVATED], 0, row_at (self, position));
}

/* The cell (or the number) at @x, @y of the column view: its list item
 * and column (G_MAXUINT for the number column). */
static GtkListItem *
pick_item (TriAlignmentGrid  *self,
           double             x,
           double             y,
           guint             *column,
           GtkWidget        **cell)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkListItem *item = NULL;

  *column = G_MAXUINT;
  for (; widget != NULL && widget != GTK_WIDGET (self->column_view); widget = gtk_widget_get_parent (widget))
    if ((item = g_object_get_data (G_OBJECT (widget), "list-item")) != NULL)
      {
        *column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "column"));
        break;
      }
  *cell = widget;
  return item;
}

static void
on_secondary_click_cb (GtkGestureClick  *gesture,
                       int               n_press,
                       double            x,
                       double            y,
                       TriAlignmentGrid *self)
{
  GtkWidget *widget;
  GtkListItem *item;
  guint column;
  int offset = -1;
  double gx, gy;

  item = pick_item (self, x, y, &column, &widget);
  if (item == NULL || self->alignment == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  if (column != G_MAXUINT)
    tri_alignment_grid_set_current_column (self, column);

  if (column != G_MAXUINT && TRI_IS_SEGMENT_CELL (widget))
    offset = tri_segment_cell_get_char_at (TRI_SEGMENT_CELL (widget), GTK_WIDGET (self->column_view), x, y);

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self), x, y, &gx, &gy))
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
  GtkListItem *item;
  guint column;
  int offset = -1;

  item = pick_item (self, x, y, &column, &widget);
  if (item != NULL && TRI_IS_SEGMENT_CELL (widget))
    {
      int chars = tri_segment_cell_get_char_at (TRI_SEGMENT_CELL (widget), GTK_WIDGET (self->column_view), x, y);
      const char *text = tri_segment_cell_get_text (TRI_SEGMENT_CELL (widget));

      if (chars >= 0 && text != NULL)
        offset = (int)(g_utf8_offset_to_pointer (text, chars) - text);
    }
  g_signal_emit (self, signals [POINTER_WORD], 0,
                 item != NULL ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION, column, offset);
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
                   GtkListItem      *item)
{
  TriSegmentCell *cell = TRI_SEGMENT_CELL (gtk_list_item_get_child (item));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  TriRow *row = gtk_list_item_get_item (item);
  g_autoptr(GArray) marks = NULL;
  gboolean hovered;

  hovered = row != NULL && row == self->word_row && column < TRI_MAX_COLUMNS;
  tri_segment_cell_set_word_highlights (cell, hovered ? self->word_spans[column] : NULL);
  tri_segment_cell_set_word_tooltip (cell, hovered && column == self->word_column ? self->word_tooltip : NULL);

  if (self->wording != NULL && self->compare_wording && row != NULL && self->alignment != NULL &&
      column < tri_alignment_get_n_columns (self->alignment) && row == tri_alignment_grid_get_current_item (self))
    {
      g_auto(GStrv) texts = tri_alignment_dup_row_texts (self->alignment, row);

      marks = tri_wording_get_marks (self->wording, (const char * const *)texts, column);
    }
  tri_segment_cell_set_word_marks (cell, marks);
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

  for (guint i = 0; i < self->cell_items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->cell_items, i);
      TriSegmentCell *cell = TRI_SEGMENT_CELL (gtk_list_item_get_child (item));
      guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
      gboolean hovered = self->word_row != NULL && gtk_list_item_get_item (item) == self->word_row &&
                         c < TRI_MAX_COLUMNS;

      tri_segment_cell_set_word_highlights (cell, hovered ? self->word_spans[c] : NULL);
      tri_segment_cell_set_word_tooltip (cell, hovered && c == self->word_column ? self->word_tooltip : NULL);
    }
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
  for (guint i = 0; i < self->cell_items->len; i++)
    update_cell_highlight (self, g_ptr_array_index (self->cell_items, i));
}

/* A check finished: underline what it found in the cells on screen. The
 * ~600 GTK 4.8 keeps realized off screen are when they are mapped again
 * (all of them at once took 50 ms). */
static void
on_spell_changed_cb (TriAlignmentGrid *self)
{
  for (guint i = 0; i < self->cell_items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->cell_items, i);

      if (gtk_widget_get_mapped (gtk_list_item_get_child (item)))
        update_cell_spelling (self, item);
    }
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

  gtk_column_view_set_model (self->column_view, NULL);
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
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
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
 * tri_alignment_grid_get_column_view:
 * @self: a #TriAlignmentGrid
 *
 * Returns: (transfer none): the column view (for tests and benchmarks)
 */
GtkColumnView *
tri_alignment_grid_get_column_view (TriAlignmentGrid *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), NULL);

  return self->column_view;
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
  if (self->selection != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      build_columns (self);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }
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
  guint n = 0;

  for (guint i = 0; i < self->number_items->len; i++)
    {
      GtkWidget *child = gtk_list_item_get_child (g_ptr_array_index (self->number_items, i));

      n += child != NULL && gtk_widget_get_mapped (child);
    }
  return n > 2 ? n - 2 : 1;
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
 * Makes @column the current one (a CSS class on the column view:
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
  gtk_widget_remove_css_class (GTK_WIDGET (self->column_view), name);
  g_snprintf (name, sizeof name, "current-column-%u", column + 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), name);
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
  guint position;

  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (self), FALSE);

  position = selected_position (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  for (guint i = 0; i < self->number_items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->number_items, i);
      GtkWidget *box = gtk_list_item_get_child (item);
      graphene_rect_t bounds;

      if (gtk_list_item_get_position (item) == position && gtk_widget_get_mapped (box) &&
          gtk_widget_compute_bounds (box, GTK_WIDGET (self), &bounds))
        {
          double width = gtk_widget_get_width (GTK_WIDGET (self->column_view)) - TRI_ALIGNMENT_GRID_NUMBER_WIDTH;
          guint n = MAX (1, self->n_columns);

          *x = TRI_ALIGNMENT_GRID_NUMBER_WIDTH + width * (self->current_column + 0.5) / n;
          *y = bounds.origin.y + bounds.size.height;
          return TRUE;
        }
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

  return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
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
  if (self->focus_tick != 0 && self->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->focus_tick);
  self->focus_tick = 0;
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

  g_clear_pointer (&self->number_items, g_ptr_array_unref);
  g_clear_pointer (&self->cell_items, g_ptr_array_unref);
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
 * and the view follow it. GtkListBase's own bindings move the focus alone
 * with Ctrl, and leave the view behind after an edit rebinds the rows. */
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

  /* Before the list view's own bindings. */
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
  gtk_widget_class_bind_template_child (widget_class, TriAlignmentGrid, column_view);
}

static void
tri_alignment_grid_init (TriAlignmentGrid *self)
{
  GtkEventController *focus;
  GtkEventController *motion;
  GtkGesture *click;

  self->number_items = g_ptr_array_new ();
  self->cell_items = g_ptr_array_new ();
  self->mapped_cells = g_ptr_array_new ();
  /* The ~200 rows GTK keeps bound, three texts each, and the rows next to
   * them on either side. */
  self->layouts = tri_cell_text_cache_new (1024);
  self->current_row = GTK_INVALID_LIST_POSITION;
  self->range_anchor = G_MAXUINT;
  self->highlight_row = G_MAXUINT;
  self->word_column = G_MAXUINT;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_cursor_keys (self);

  /* Enter or a double click on a row (the list view takes Enter before
   * the window's own shortcuts see it). */
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_activate_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), focus);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), motion);
}

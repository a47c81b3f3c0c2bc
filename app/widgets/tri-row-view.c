/* tri-row-view.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-row-view"

#include "config.h"

#include "tri-row-view.h"

/**
 * TriRowView:
 *
 * Rows of a list model in columns, under a header of the columns' titles:
 * a scrollable (vertically only) that makes widgets for the rows on screen
 * alone and hands a row leaving the view its widget to the row coming in.
 *
 * Why not GtkColumnView: GTK 4.8's keeps ~200 rows bound, and each row
 * widget it makes or drops queues a resize of its whole column; the list
 * is measured and every row allocated again at each Page Down (bench/
 * RESULTS.md, session 26). Here a Page Down binds the rows coming into
 * view and lays out the rows on screen, nothing more.
 *
 * The heights of rows never laid out are estimated by the mean of those
 * that were; the view keeps its place by its first row on screen (the
 * anchor), and the adjustment follows the estimates.
 *
 * CSS nodes, the column view's (the stylesheet and the theme style them):
 * columnview > header > button (a column's title), columnview > listview
 * > row > cell. The first column has a fixed width; the others share the
 * rest equally.
 */

#define DEFAULT_ROW_HEIGHT 48

/* The cell: a column's content in a row. */

#define TRI_TYPE_ROW_VIEW_CELL (tri_row_view_cell_get_type ())
G_DECLARE_FINAL_TYPE (TriRowViewCell, tri_row_view_cell, TRI, ROW_VIEW_CELL, GtkWidget)

struct _TriRowViewCell
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (TriRowViewCell, tri_row_view_cell, GTK_TYPE_WIDGET)

static void
tri_row_view_cell_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (tri_row_view_cell_parent_class)->dispose (object);
}

static void
tri_row_view_cell_class_init (TriRowViewCellClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tri_row_view_cell_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "cell");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
tri_row_view_cell_init (TriRowViewCell *self)
{
}

/* The list: the rows' area under the header. */

#define TRI_TYPE_ROW_VIEW_LIST (tri_row_view_list_get_type ())
G_DECLARE_FINAL_TYPE (TriRowViewList, tri_row_view_list, TRI, ROW_VIEW_LIST, GtkWidget)

struct _TriRowViewList
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (TriRowViewList, tri_row_view_list, GTK_TYPE_WIDGET)

static void layout_rows (TriRowView *self,
                         int         width,
                         int         height);

static void
tri_row_view_list_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = *natural = 0;
}

static void
tri_row_view_list_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  layout_rows (TRI_ROW_VIEW (gtk_widget_get_parent (widget)), width, height);
}

static void
tri_row_view_list_class_init (TriRowViewListClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = tri_row_view_list_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = tri_row_view_list_size_allocate;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "listview");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
tri_row_view_list_init (TriRowViewList *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  gtk_widget_add_css_class (GTK_WIDGET (self), "separators");
}

/* The view */

struct _TriRowView
{
  GtkWidget           parent_instance;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  GtkSingleSelection *model;
  TriRowViewCellFunc  cell_func;
  TriRowViewBindFunc  bind_func;
  gpointer            func_data;

  guint               n_columns;
  int                 first_width;
  GtkWidget          *header;         /* a TriRowViewRow of GtkButtons */
  GtkWidget          *list;
  char              **titles;
  GMenuModel        **menus;
  GtkWidget         **popovers;

  GPtrArray          *rows;           /* the row widgets, shown or spare */
  GArray             *heights;        /* int a position: as last laid out, or -1 */

  guint               anchor;         /* the first row on screen */
  int                 anchor_offset;  /* how much of it is above the view */
  guint               scroll_to;      /* a row to bring into view, or G_MAXUINT */
  guint               shown_first;    /* the rows wholly on screen, last laid out */
  guint               shown_last;
  guint               n_shown;
  gboolean            configuring;
  gboolean            laying_out;
  GArray             *placed;         /* Shown: where the rows go, as planned */
  int                 plan_width;     /* the size planned for, or -1 */
  int                 plan_height;
  guint               plan_tick;
};

struct _TriRowViewRow
{
  GtkWidget   parent_instance;

  TriRowView *view;                   /* weak: the view owns its rows */
  gpointer    item;                   /* the item shown, or NULL */
  guint       position;
  gboolean    claimed;                /* shown by the layout under way */
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (TriRowView, tri_row_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))
G_DEFINE_FINAL_TYPE (TriRowViewRow, tri_row_view_row, GTK_TYPE_WIDGET)

/* Columns */

/* Each column's width in @width: the first's fixed, the others sharing
 * the rest. */
static void
column_widths (TriRowView *self,
               int         width,
               int        *widths)
{
  int rest, share;

  if (self->n_columns == 0)
    return;
  widths[0] = MIN (self->first_width, width);
  if (self->n_columns == 1)
    return;
  rest = MAX (0, width - widths[0]);
  share = rest / (int)(self->n_columns - 1);
  for (guint c = 1; c < self->n_columns; c++)
    widths[c] = share + ((int)(c - 1) < rest % (int)(self->n_columns - 1) ? 1 : 0);
}

/* Rows */

static void
tri_row_view_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TriRowViewRow *row = TRI_ROW_VIEW_ROW (widget);
  g_autofree int *widths = NULL;
  guint c = 0;

  *minimum = *natural = 0;
  if (row->view == NULL || row->view->n_columns == 0)
    return;
  widths = g_new0 (int, row->view->n_columns);
  if (for_size >= 0)
    column_widths (row->view, for_size, widths);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && c < row->view->n_columns;
       child = gtk_widget_get_next_sibling (child), c++)
    {
      int min, nat;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          if (c == 0)
            min = nat = row->view->first_width;
          else
            gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          *minimum += min;
          *natural += nat;
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size >= 0 ? widths[c] : -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
    }
}

static GtkSizeRequestMode
tri_row_view_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tri_row_view_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TriRowViewRow *row = TRI_ROW_VIEW_ROW (widget);
  g_autofree int *widths = NULL;
  int x = 0;
  guint c = 0;

  if (row->view == NULL || row->view->n_columns == 0)
    return;
  widths = g_new0 (int, row->view->n_columns);
  column_widths (row->view, width, widths);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && c < row->view->n_columns;
       child = gtk_widget_get_next_sibling (child), c++)
    {
      gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, widths[c], height }, -1);
      x += widths[c];
    }
}

static void
tri_row_view_row_dispose (GObject *object)
{
  TriRowViewRow *row = TRI_ROW_VIEW_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&row->item);
  G_OBJECT_CLASS (tri_row_view_row_parent_class)->dispose (object);
}

static void
row_activate_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TriRowViewRow *row = TRI_ROW_VIEW_ROW (widget);

  if (row->view != NULL && row->item != NULL)
    g_signal_emit (row->view, signals [ACTIVATE], 0, row->position);
}

static void
tri_row_view_row_class_init (TriRowViewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_row_view_row_dispose;
  widget_class->measure = tri_row_view_row_measure;
  widget_class->get_request_mode = tri_row_view_row_get_request_mode;
  widget_class->size_allocate = tri_row_view_row_size_allocate;

  /* The list item's action and keys, as GtkListItemWidget's. */
  gtk_widget_class_install_action (widget_class, "listitem.activate", NULL, row_activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "listitem.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "listitem.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "listitem.activate", NULL);
  gtk_widget_class_set_css_name (widget_class, "row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
tri_row_view_row_init (TriRowViewRow *row)
{
  row->position = G_MAXUINT;
}

static TriRowViewRow *
row_new (TriRowView *self)
{
  TriRowViewRow *row = g_object_new (TRI_TYPE_ROW_VIEW_ROW, NULL);

  row->view = self;
  gtk_widget_set_focusable (GTK_WIDGET (row), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "activatable");
  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkWidget *cell = g_object_new (TRI_TYPE_ROW_VIEW_CELL, NULL);

      gtk_widget_set_parent (self->cell_func (self, c, self->func_data), cell);
      gtk_widget_set_parent (cell, GTK_WIDGET (row));
    }
  gtk_widget_set_parent (GTK_WIDGET (row), self->list);
  g_ptr_array_add (self->rows, row);
  return row;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static void
update_selected (TriRowView    *self,
                 TriRowViewRow *row)
{
  gboolean selected = row->item != NULL && self->model != NULL &&
                      gtk_single_selection_get_selected (self->model) == row->position;

  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

/* Assistive technologies see only the rows on screen: each tells its
 * place among all (the header is row 1). */
static void
update_row_index (TriRowViewRow *row)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int)row->position + 2, -1);
}

static void
update_row_count (TriRowView *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int)n + 1, -1);
}

static void
bind_row (TriRowView    *self,
          TriRowViewRow *row,
          guint          position)
{
  row->position = position;
  update_row_index (row);
  g_clear_object (&row->item);
  row->item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  /* Shown by the layout, which binds it (not by a focus given ahead). */
  gtk_widget_set_child_visible (GTK_WIDGET (row), self->laying_out);
  update_selected (self, row);
  if (self->bind_func != NULL && row->item != NULL)
    self->bind_func (self, row, self->func_data);
}

static TriRowViewRow *
find_row (TriRowView *self,
          guint       position)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TriRowViewRow *row = g_ptr_array_index (self->rows, i);

      if (row->item != NULL && row->position == position)
        return row;
    }
  return NULL;
}

/* The widget for the row at @position: its own if it has one; else the
 * spare row farthest from @near (not one the layout under way shows, nor
 * the one with the keyboard focus); else a new one. */
static TriRowViewRow *
claim_row (TriRowView *self,
           guint       position,
           guint       near)
{
  TriRowViewRow *row = find_row (self, position);
  guint best = G_MAXUINT, distance = 0;

  if (row == NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          TriRowViewRow *spare = g_ptr_array_index (self->rows, i);
          guint d;

          if (spare->claimed || has_focus_within (GTK_WIDGET (spare)))
            continue;
          d = spare->item == NULL ? G_MAXUINT
                                  : (spare->position > near ? spare->position - near : near - spare->position);
          /* A row near the one asked for may be shown in a moment. */
          if (d <= self->n_shown + 4 || (best != G_MAXUINT && d <= distance))
            continue;
          best = i;
          distance = d;
        }
      row = best != G_MAXUINT ? g_ptr_array_index (self->rows, best) : row_new (self);
      bind_row (self, row, position);
    }
  row->claimed = TRUE;
  return row;
}

static int
estimate (TriRowView *self)
{
  gint64 sum = 0;
  guint n = 0;

  for (guint i = 0; i < self->heights->len; i++)
    {
      int h = g_array_index (self->heights, int, i);

      if (h >= 0)
        sum += h, n++;
    }
  return n > 0 ? (int)(sum / n) : DEFAULT_ROW_HEIGHT;
}

static int
height_of (TriRowView *self,
           guint       position,
           int         guess)
{
  int h = position < self->heights->len ? g_array_index (self->heights, int, position) : -1;

  return h >= 0 ? h : guess;
}

/* Where row @position starts, by the heights known and estimated. */
static gint64
row_start (TriRowView *self,
           guint       position,
           int         guess)
{
  gint64 y = 0;

  for (guint i = 0; i < position && i < self->heights->len; i++)
    y += height_of (self, i, guess);
  return y;
}

static int
measure_row (TriRowView    *self,
             TriRowViewRow *row,
             int            width)
{
  int h;

  gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_VERTICAL, width, &h, NULL, NULL, NULL);
  if (row->position < self->heights->len)
    g_array_index (self->heights, int, row->position) = h;
  return h;
}

static void
configure_adjustment (TriRowView *self,
                      double      value,
                      double      upper,
                      double      page)
{
  if (self->vadjustment == NULL)
    return;
  self->configuring = TRUE;
  gtk_adjustment_configure (self->vadjustment, value, 0, MAX (upper, page), page * 0.1, page * 0.9, page);
  self->configuring = FALSE;
}

typedef struct
{
  TriRowViewRow *row;
  int            y;
  int            height;
  gboolean       out_of_sight;  /* the row with the focus, off screen */
} Shown;


/* Plans the rows on screen in the list's @width and @height: from the
 * anchor, or so that the row scrolled to is in view. Binds and measures
 * them before the frame's layout, which only places them (a row bound
 * while its parent is allocated queues a resize GTK 4.8 leaves on its
 * ancestors, whose paint it then skips). */
static void
plan_rows (TriRowView *self,
           int         width,
           int         height)
{
  GArray *shown = self->placed;
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  guint anchor, near;
  int offset, guess, y;

  for (guint i = 0; i < self->rows->len; i++)
    ((TriRowViewRow *)g_ptr_array_index (self->rows, i))->claimed = FALSE;
  g_array_set_size (shown, 0);
  self->laying_out = TRUE;

  if (n == 0 || self->n_columns == 0)
    {
      for (guint i = 0; i < self->rows->len; i++)
        gtk_widget_set_child_visible (g_ptr_array_index (self->rows, i), FALSE);
      self->n_shown = 0;
      self->shown_first = self->shown_last = G_MAXUINT;
      configure_adjustment (self, 0, 0, height);
      self->laying_out = FALSE;
      return;
    }

  anchor = MIN (self->anchor, n - 1);
  offset = self->anchor == anchor ? self->anchor_offset : 0;
  near = anchor;

  /* A row to bring into view: at the top if it is above, at the bottom
   * if below, nothing if it is on screen. */
  if (self->scroll_to != G_MAXUINT)
    {
      guint to = MIN (self->scroll_to, n - 1);

      self->scroll_to = G_MAXUINT;
      if (self->shown_first != G_MAXUINT && to >= self->shown_first && to <= self->shown_last)
        ;
      else if (self->shown_first == G_MAXUINT || to < self->shown_first)
        anchor = to, offset = 0;
      else
        {
          int total = 0;

          near = to;
          anchor = to;
          total = measure_row (self, claim_row (self, to, near), width);
          while (total < height && anchor > 0)
            {
              anchor--;
              total += measure_row (self, claim_row (self, anchor, near), width);
            }
          offset = MAX (0, total - height);
        }
    }

  /* Down from the anchor to the bottom of the view. */
  y = -offset;
  for (guint p = anchor; p < n && y < height; p++)
    {
      Shown s = { 0, };

      s.row = claim_row (self, p, near);
      s.height = measure_row (self, s.row, width);
      g_array_append_val (shown, s);
      y += s.height;
    }
  /* Past the last row: rows above fill the view. */
  if (y < height && (anchor > 0 || offset > 0))
    {
      int gap = height - y, shift = MIN (gap, offset);

      offset -= shift;
      gap -= shift;
      while (gap > 0 && anchor > 0)
        {
          Shown s = { 0, };

          anchor--;
          s.row = claim_row (self, anchor, near);
          s.height = measure_row (self, s.row, width);
          g_array_prepend_val (shown, s);
          if (s.height > gap)
            offset = s.height - gap, gap = 0;
          else
            gap -= s.height;
        }
    }

  y = -offset;
  self->shown_first = self->shown_last = G_MAXUINT;
  for (guint i = 0; i < shown->len; i++)
    {
      Shown *s = &g_array_index (shown, Shown, i);

      gtk_widget_set_child_visible (GTK_WIDGET (s->row), TRUE);
      s->y = y;
      if (y >= 0 && y + s->height <= height)
        {
          if (self->shown_first == G_MAXUINT)
            self->shown_first = s->row->position;
          self->shown_last = s->row->position;
        }
      y += s->height;
    }
  /* A row partly shown counts when no row is wholly. */
  if (self->shown_first == G_MAXUINT && shown->len > 0)
    self->shown_first = self->shown_last = g_array_index (shown, Shown, 0).row->position;
  self->n_shown = self->shown_last - self->shown_first + 1;

  /* The other rows: kept for rows to come, hidden; the one with the
   * keyboard focus out of sight (hidden, it would lose the focus). */
  for (guint i = 0; i < self->rows->len; i++)
    {
      TriRowViewRow *row = g_ptr_array_index (self->rows, i);

      if (row->claimed)
        continue;
      if (row->item != NULL && has_focus_within (GTK_WIDGET (row)))
        {
          Shown s = { row, 0, measure_row (self, row, width), TRUE };

          s.y = -s.height - height;
          gtk_widget_set_child_visible (GTK_WIDGET (row), TRUE);
          g_array_append_val (shown, s);
        }
      else
        gtk_widget_set_child_visible (GTK_WIDGET (row), FALSE);
    }

  self->anchor = anchor;
  self->anchor_offset = offset;
  guess = estimate (self);
  configure_adjustment (self, row_start (self, anchor, guess) + offset, row_start (self, n, guess), height);

  self->laying_out = FALSE;
}

static gboolean
plan_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  TriRowView *self = TRI_ROW_VIEW (widget);

  self->plan_tick = 0;
  if (self->plan_width >= 0)
    {
      plan_rows (self, self->plan_width, self->plan_height);
      gtk_widget_queue_allocate (self->list);
    }
  return G_SOURCE_REMOVE;
}

/* The rows planned anew before the next frame's layout. */
static void
queue_plan (TriRowView *self)
{
  if (self->plan_tick == 0)
    self->plan_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), plan_tick_cb, NULL, NULL);
}

/* Places the rows planned. At another size than planned (the window
 * resized), the rows planned are measured again and the plan made anew
 * for the next frame. */
static void
layout_rows (TriRowView *self,
             int         width,
             int         height)
{
  gboolean replan = width != self->plan_width || height != self->plan_height;
  int y = 0;

  for (guint i = 0; i < self->placed->len; i++)
    {
      Shown *s = &g_array_index (self->placed, Shown, i);

      if (s->row->item == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (s->row)))
        continue;
      if (replan)
        {
          if (i == 0)
            y = s->y;
          gtk_widget_measure (GTK_WIDGET (s->row), GTK_ORIENTATION_VERTICAL, width, &s->height, NULL, NULL, NULL);
          if (!s->out_of_sight)
            s->y = y, y += s->height;
        }
      gtk_widget_size_allocate (GTK_WIDGET (s->row), &(GtkAllocation) { 0, s->y, width, s->height }, -1);
    }
  if (replan)
    {
      self->plan_width = width;
      self->plan_height = height;
      queue_plan (self);
    }
}

/* The scrollbar moved (not by the layout): the row at the new value is
 * the anchor. */
static void
on_value_changed_cb (GtkAdjustment *adjustment,
                     TriRowView    *self)
{
  double value = gtk_adjustment_get_value (adjustment);
  int guess;
  gint64 y = 0;

  if (self->configuring)
    return;
  guess = estimate (self);
  self->anchor = 0;
  self->anchor_offset = 0;
  for (guint p = 0; p < self->heights->len; p++)
    {
      int h = height_of (self, p, guess);

      if (y + h > value)
        {
          self->anchor = p;
          self->anchor_offset = (int)(value - y);
          break;
        }
      y += h;
    }
  queue_plan (self);
}

/* The model */

static void
on_items_changed_cb (TriRowView *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  gboolean refocus = FALSE;

  /* A row dropped with the keyboard focus: the focus stays in the view,
   * for its owner to move (taken before the row is hidden, or the window
   * would move it after the frame). The selection is still being
   * updated: not to a row yet. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      TriRowViewRow *row = g_ptr_array_index (self->rows, i);

      refocus |= row->item != NULL && row->position >= position && row->position < position + removed &&
                 has_focus_within (GTK_WIDGET (row));
    }
  if (refocus)
    GTK_WIDGET_CLASS (tri_row_view_parent_class)->grab_focus (GTK_WIDGET (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      TriRowViewRow *row = g_ptr_array_index (self->rows, i);

      if (row->item == NULL || row->position < position)
        continue;
      if (row->position >= position + removed)
        {
          row->position = row->position + added - removed;
          if (added != removed)
            update_row_index (row);
        }
      else
        {
          g_clear_object (&row->item);
          row->position = G_MAXUINT;
          gtk_widget_set_child_visible (GTK_WIDGET (row), FALSE);
        }
    }

  g_array_remove_range (self->heights, position, MIN (removed, self->heights->len - MIN (position, self->heights->len)));
  /* In one move: a filter showing every row again inserts them all. */
  if (added > 0)
    {
      g_autofree int *unknown = g_new (int, added);

      for (guint i = 0; i < added; i++)
        unknown[i] = -1;
      g_array_insert_vals (self->heights, MIN (position, self->heights->len), unknown, added);
    }

  if (self->anchor >= position + removed)
    self->anchor = self->anchor + added - removed;
  else if (self->anchor >= position)
    {
      self->anchor = position;
      self->anchor_offset = 0;
    }
  if (self->shown_first != G_MAXUINT && self->shown_first >= position)
    self->shown_first = self->shown_last = G_MAXUINT;

  if (added != removed)
    update_row_count (self);
  queue_plan (self);
}

static void
on_selection_changed_cb (TriRowView        *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *model)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TriRowViewRow *row = g_ptr_array_index (self->rows, i);

      if (row->item != NULL && row->position >= position && row->position < position + n_items)
        update_selected (self, row);
    }
}

static void
clear_rows (TriRowView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (self->placed != NULL)
    g_array_set_size (self->placed, 0);
}

/* The header */

static void
on_title_clicked_cb (GtkButton  *button,
                     TriRowView *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));
  graphene_rect_t bounds;

  if (column >= self->n_columns || self->menus[column] == NULL)
    return;
  if (self->popovers[column] == NULL)
    {
      self->popovers[column] = gtk_popover_menu_new_from_model (self->menus[column]);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popovers[column]), FALSE);
      gtk_popover_set_position (GTK_POPOVER (self->popovers[column]), GTK_POS_BOTTOM);
      gtk_widget_set_halign (self->popovers[column], GTK_ALIGN_START);
      gtk_widget_set_parent (self->popovers[column], GTK_WIDGET (self));
    }
  if (gtk_widget_compute_bounds (GTK_WIDGET (button), GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popovers[column]),
                                 &(GdkRectangle) { (int)bounds.origin.x, (int)bounds.origin.y,
                                                   (int)bounds.size.width, (int)bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->popovers[column]));
}

static void
clear_columns (TriRowView *self)
{
  GtkWidget *child;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_clear_pointer (&self->popovers[c], gtk_widget_unparent);
      g_clear_object (&self->menus[c]);
    }
  g_clear_pointer (&self->titles, g_strfreev);
  g_clear_pointer (&self->menus, g_free);
  g_clear_pointer (&self->popovers, g_free);
  while (self->header != NULL && (child = gtk_widget_get_first_child (self->header)) != NULL)
    gtk_widget_unparent (child);
  self->n_columns = 0;
}

/* GtkWidget */

static void
tri_row_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  TriRowView *self = TRI_ROW_VIEW (widget);

  gtk_widget_measure (self->header, orientation, for_size, minimum, natural, NULL, NULL);
  /* Every row asks the same width (its cells'): the first one tells. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->rows->len > 0)
    {
      int min, nat;

      gtk_widget_measure (g_ptr_array_index (self->rows, 0), orientation, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
tri_row_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  TriRowView *self = TRI_ROW_VIEW (widget);
  int header;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, &header, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->header, &(GtkAllocation) { 0, 0, width, header }, -1);
  gtk_widget_size_allocate (self->list, &(GtkAllocation) { 0, header, width, MAX (0, height - header) }, -1);
  for (guint c = 0; c < self->n_columns; c++)
    if (self->popovers[c] != NULL)
      gtk_popover_present (GTK_POPOVER (self->popovers[c]));
}

/* The keyboard comes to the current row (or the first on screen). */
static gboolean
tri_row_view_grab_focus (GtkWidget *widget)
{
  TriRowView *self = TRI_ROW_VIEW (widget);
  guint at = self->model != NULL ? gtk_single_selection_get_selected (self->model) : GTK_INVALID_LIST_POSITION;

  if (at == GTK_INVALID_LIST_POSITION && self->shown_first != G_MAXUINT)
    at = self->shown_first;
  if (at != GTK_INVALID_LIST_POSITION && self->n_columns > 0)
    {
      tri_row_view_scroll_to (self, at, TRUE);
      if (has_focus_within (widget) || gtk_widget_has_focus (widget))
        return TRUE;
    }
  return GTK_WIDGET_CLASS (tri_row_view_parent_class)->grab_focus (widget);
}

static gboolean
tri_row_view_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  GtkWidget *focus = gtk_widget_get_focus_child (widget);

  /* Tab leaves the rows; the arrows are the grid's. */
  if (focus != NULL || gtk_widget_has_focus (widget))
    return direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD;
  return gtk_widget_grab_focus (widget);
}

static void
set_adjustment (TriRowView     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && adjustment == *slot)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_value_changed_cb, self);
      g_object_unref (*slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  if (slot == &self->vadjustment)
    {
      g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_value_changed_cb), self);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

static void
tri_row_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TriRowView *self = TRI_ROW_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_row_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TriRowView *self = TRI_ROW_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_row_view_dispose (GObject *object)
{
  TriRowView *self = TRI_ROW_VIEW (object);

  if (self->plan_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->plan_tick);
  self->plan_tick = 0;
  tri_row_view_set_model (self, NULL);
  if (self->rows != NULL)
    clear_rows (self);
  clear_columns (self);
  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->list, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (tri_row_view_parent_class)->dispose (object);
}

static void
tri_row_view_finalize (GObject *object)
{
  TriRowView *self = TRI_ROW_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->heights, g_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);

  G_OBJECT_CLASS (tri_row_view_parent_class)->finalize (object);
}

static void
tri_row_view_class_init (TriRowViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_row_view_dispose;
  object_class->finalize = tri_row_view_finalize;
  object_class->set_property = tri_row_view_set_property;
  object_class->get_property = tri_row_view_get_property;
  widget_class->measure = tri_row_view_measure;
  widget_class->size_allocate = tri_row_view_size_allocate;
  widget_class->grab_focus = tri_row_view_grab_focus;
  widget_class->focus = tri_row_view_focus;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * TriRowView::activate:
   * @self: a #TriRowView
   * @position: the row activated (Return on it, or a double click)
   */
  signals [ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "columnview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

/* A click selects the row and gives it the keyboard; a double click
 * activates it. */
static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     TriRowView      *self)
{
  GtkWidget *widget = gtk_widget_pick (self->list, x, y, GTK_PICK_DEFAULT);
  TriRowViewRow *row;

  while (widget != NULL && !TRI_IS_ROW_VIEW_ROW (widget))
    widget = gtk_widget_get_parent (widget);
  if (widget == NULL || TRI_ROW_VIEW_ROW (widget)->item == NULL || self->model == NULL)
    return;
  row = TRI_ROW_VIEW_ROW (widget);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->model), row->position, TRUE);
  if (row->item != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  if (n_press == 2 && row->item != NULL)
    g_signal_emit (self, signals [ACTIVATE], 0, row->position);
}

static void
tri_row_view_init (TriRowView *self)
{
  GtkGesture *click;

  self->rows = g_ptr_array_new ();
  self->heights = g_array_new (FALSE, FALSE, sizeof (int));
  self->placed = g_array_new (FALSE, FALSE, sizeof (Shown));
  self->plan_width = self->plan_height = -1;
  self->scroll_to = G_MAXUINT;
  self->shown_first = self->shown_last = G_MAXUINT;
  self->vscroll_policy = GTK_SCROLL_MINIMUM;
  self->hscroll_policy = GTK_SCROLL_MINIMUM;

  self->header = g_object_new (TRI_TYPE_ROW_VIEW_ROW, "css-name", "header", NULL);
  TRI_ROW_VIEW_ROW (self->header)->view = self;
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  self->list = g_object_new (TRI_TYPE_ROW_VIEW_LIST, NULL);
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  gtk_widget_add_css_class (GTK_WIDGET (self), "column-separators");

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (self->list, GTK_EVENT_CONTROLLER (click));

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
}

/* Public API */

/**
 * tri_row_view_new:
 *
 * Returns: (transfer floating): a new view, with no columns nor rows
 */
GtkWidget *
tri_row_view_new (void)
{
  return g_object_new (TRI_TYPE_ROW_VIEW, NULL);
}

/**
 * tri_row_view_set_factory:
 * @self: a #TriRowView
 * @cell_func: makes the content of a cell
 * @bind_func: shows a row's item in its cells
 * @user_data: data for both
 *
 * How rows are built and shown; set before the columns.
 */
void
tri_row_view_set_factory (TriRowView         *self,
                          TriRowViewCellFunc  cell_func,
                          TriRowViewBindFunc  bind_func,
                          gpointer            user_data)
{
  g_return_if_fail (TRI_IS_ROW_VIEW (self));

  self->cell_func = cell_func;
  self->bind_func = bind_func;
  self->func_data = user_data;
  tri_row_view_rebuild (self);
}

/**
 * tri_row_view_set_columns:
 * @self: a #TriRowView
 * @n_columns: how many columns
 * @first_width: the width of the first
 *
 * Columns anew, without titles nor menus, and row widgets anew.
 */
void
tri_row_view_set_columns (TriRowView *self,
                          guint       n_columns,
                          int         first_width)
{
  g_return_if_fail (TRI_IS_ROW_VIEW (self));

  clear_rows (self);
  clear_columns (self);
  self->n_columns = n_columns;
  self->first_width = first_width;
  self->titles = g_new0 (char *, n_columns + 1);
  self->menus = g_new0 (GMenuModel *, n_columns);
  self->popovers = g_new0 (GtkWidget *, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *button = g_object_new (GTK_TYPE_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *label = gtk_label_new (NULL);

      /* As GtkColumnViewTitle: the theme styles the box. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_overflow (button, GTK_OVERFLOW_HIDDEN);
      gtk_widget_set_focusable (button, FALSE);
      gtk_widget_set_focus_on_click (button, FALSE);
      g_object_set_data (G_OBJECT (button), "column", GUINT_TO_POINTER (c));
      g_signal_connect (button, "clicked", G_CALLBACK (on_title_clicked_cb), self);
      gtk_widget_set_parent (button, self->header);
    }
  queue_plan (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tri_row_view_get_n_columns:
 * @self: a #TriRowView
 *
 * Returns: how many columns the view has
 */
guint
tri_row_view_get_n_columns (TriRowView *self)
{
  g_return_val_if_fail (TRI_IS_ROW_VIEW (self), 0);

  return self->n_columns;
}

/**
 * tri_row_view_set_column_header:
 * @self: a #TriRowView
 * @column: a column
 * @title: (nullable): its title
 * @menu: (nullable): the menu its title opens
 */
void
tri_row_view_set_column_header (TriRowView *self,
                                guint       column,
                                const char *title,
                                GMenuModel *menu)
{
  GtkWidget *button;
  guint c = 0;

  g_return_if_fail (TRI_IS_ROW_VIEW (self));

  if (column >= self->n_columns)
    return;
  g_free (self->titles[column]);
  self->titles[column] = g_strdup (title);
  if (menu != self->menus[column])
    {
      g_clear_pointer (&self->popovers[column], gtk_widget_unparent);
      g_set_object (&self->menus[column], menu);
    }
  for (button = gtk_widget_get_first_child (self->header); button != NULL && c < column; c++)
    button = gtk_widget_get_next_sibling (button);
  if (button != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)))), title);
}

/**
 * tri_row_view_get_column_title:
 * @self: a #TriRowView
 * @column: a column
 *
 * Returns: (nullable): the column's title
 */
const char *
tri_row_view_get_column_title (TriRowView *self,
                               guint       column)
{
  g_return_val_if_fail (TRI_IS_ROW_VIEW (self), NULL);

  return column < self->n_columns ? self->titles[column] : NULL;
}

/**
 * tri_row_view_set_model:
 * @self: a #TriRowView
 * @model: (nullable): the rows, and the one selected
 */
void
tri_row_view_set_model (TriRowView         *self,
                        GtkSingleSelection *model)
{
  guint n;
  int unknown = -1;

  g_return_if_fail (TRI_IS_ROW_VIEW (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (self->rows == NULL)
    return;
  clear_rows (self);
  g_array_set_size (self->heights, 0);
  self->shown_first = self->shown_last = G_MAXUINT;
  self->n_shown = 0;
  self->anchor = 0;
  self->anchor_offset = 0;
  self->scroll_to = G_MAXUINT;
  if (model != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint i = 0; i < n; i++)
        g_array_append_val (self->heights, unknown);
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
      g_signal_connect_swapped (model, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
    }
  update_row_count (self);
  queue_plan (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tri_row_view_get_model:
 * @self: a #TriRowView
 *
 * Returns: (transfer none) (nullable): the rows shown
 */
GtkSingleSelection *
tri_row_view_get_model (TriRowView *self)
{
  g_return_val_if_fail (TRI_IS_ROW_VIEW (self), NULL);

  return self->model;
}

/**
 * tri_row_view_rebuild:
 * @self: a #TriRowView
 *
 * Row widgets anew (the cells' kind changed), in the same place.
 */
void
tri_row_view_rebuild (TriRowView *self)
{
  g_return_if_fail (TRI_IS_ROW_VIEW (self));

  clear_rows (self);
  for (guint i = 0; i < self->heights->len; i++)
    g_array_index (self->heights, int, i) = -1;
  queue_plan (self);
}

/**
 * tri_row_view_get_rows:
 * @self: a #TriRowView
 *
 * Returns: (transfer none) (element-type TriRowViewRow): the row widgets,
 *   those with no item spare
 */
GPtrArray *
tri_row_view_get_rows (TriRowView *self)
{
  g_return_val_if_fail (TRI_IS_ROW_VIEW (self), NULL);

  return self->rows;
}

/**
 * tri_row_view_get_row:
 * @self: a #TriRowView
 * @position: a row
 *
 * Returns: (transfer none) (nullable): the widget showing @position, if
 *   one does
 */
TriRowViewRow *
tri_row_view_get_row (TriRowView *self,
                      guint       position)
{
  g_return_val_if_fail (TRI_IS_ROW_VIEW (self), NULL);

  return find_row (self, position);
}

/**
 * tri_row_view_get_n_shown:
 * @self: a #TriRowView
 *
 * Returns: how many rows were wholly on screen when last laid out
 */
guint
tri_row_view_get_n_shown (TriRowView *self)
{
  g_return_val_if_fail (TRI_IS_ROW_VIEW (self), 0);

  return self->n_shown;
}

/**
 * tri_row_view_scroll_to:
 * @self: a #TriRowView
 * @position: a row
 * @take_focus: whether the keyboard goes to it
 *
 * Brings @position into view at the next layout (at the top if it is
 * above the view, at the bottom if below), and the keyboard to it now.
 */
void
tri_row_view_scroll_to (TriRowView *self,
                        guint       position,
                        gboolean    take_focus)
{
  TriRowViewRow *row;

  g_return_if_fail (TRI_IS_ROW_VIEW (self));

  if (self->model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return;
  self->scroll_to = position;
  queue_plan (self);
  if (!take_focus || self->n_columns == 0)
    return;

  /* A row off screen gets a widget now, hidden until the view is laid
   * out (then shown, or kept out of sight while it has the focus). Not
   * the view itself meanwhile: its focus ring's transition restyles it
   * while the frame is painted. */
  row = find_row (self, position);
  if (row == NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        ((TriRowViewRow *)g_ptr_array_index (self->rows, i))->claimed =
          gtk_widget_get_child_visible (g_ptr_array_index (self->rows, i));
      row = claim_row (self, position, position);
      for (guint i = 0; i < self->rows->len; i++)
        ((TriRowViewRow *)g_ptr_array_index (self->rows, i))->claimed = FALSE;
    }
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/**
 * tri_row_view_row_get_position:
 * @row: a row widget
 *
 * Returns: the position of the row it shows, or %G_MAXUINT
 */
guint
tri_row_view_row_get_position (TriRowViewRow *row)
{
  g_return_val_if_fail (TRI_IS_ROW_VIEW_ROW (row), G_MAXUINT);

  return row->item != NULL ? row->position : G_MAXUINT;
}

/**
 * tri_row_view_row_get_item:
 * @row: a row widget
 *
 * Returns: (transfer none) (nullable): the item it shows
 */
gpointer
tri_row_view_row_get_item (TriRowViewRow *row)
{
  g_return_val_if_fail (TRI_IS_ROW_VIEW_ROW (row), NULL);

  return row->item;
}

/**
 * tri_row_view_row_get_cell:
 * @row: a row widget
 * @column: a column
 *
 * Returns: (transfer none) (nullable): the content of its cell of @column
 */
GtkWidget *
tri_row_view_row_get_cell (TriRowViewRow *row,
                           guint          column)
{
  GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (row));

  g_return_val_if_fail (TRI_IS_ROW_VIEW_ROW (row), NULL);

  for (guint c = 0; cell != NULL && c < column; c++)
    cell = gtk_widget_get_next_sibling (cell);
  return cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
}

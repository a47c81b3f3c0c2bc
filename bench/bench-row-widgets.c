/* bench-row-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a Page Down would cost with the grid's rows built another way: the
 * same cells (TriSegmentCell, a GtkInscription for the number) in a
 * GtkColumnView of four columns, as the grid is, and in a GtkListView
 * whose row is one box holding the four. GTK 4.8's column view measures
 * every cell of a column again when one cell's size changes; the list
 * view stops at the row. Prints the main thread's CPU time of a step of
 * six rows from the middle of 2,000 rows, until the frame is painted.
 *
 *   bench-row-widgets column|list
 */

#include "config.h"

#include "bench-ui.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "tri-segment-cell.h"

#define N_ROWS 2000
#define N_STEPS 40

static const char * const words[] = {
  "talks", "grain", "corridor", "Odesa", "insurance", "fund", "ministers", "agreement", "the", "of",
  "and", "shipping", "lane", "Geneva", "Thursday", "mission", "civilian", "draft",
};

/* A sentence of 6 to 42 words, so rows take one to four lines. */
static char *
sentence (guint row,
          guint column)
{
  GString *s = g_string_new (NULL);
  guint n = 6 + ((row * 7 + column * 13) % 37);

  for (guint k = 0; k < n; k++)
    g_string_append_printf (s, "%s%s", k > 0 ? " " : "", words[(row + k * 5 + column) % G_N_ELEMENTS (words)]);
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static void
set_number (GtkWidget *inscription,
            guint      row)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", row + 1);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), number);
}

/* The column view: one factory a column (0 is the number). */
static void
on_column_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  column)
{
  if (GPOINTER_TO_UINT (column) == 0)
    gtk_list_item_set_child (item, gtk_inscription_new (NULL));
  else
    gtk_list_item_set_child (item, tri_segment_cell_new (FALSE));
}

static void
on_column_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  column)
{
  guint row = gtk_list_item_get_position (item);
  g_autofree char *text = NULL;

  if (GPOINTER_TO_UINT (column) == 0)
    {
      set_number (gtk_list_item_get_child (item), row);
      return;
    }
  text = sentence (row, GPOINTER_TO_UINT (column));
  tri_segment_cell_set_text (TRI_SEGMENT_CELL (gtk_list_item_get_child (item)), text);
}

/* The list view and the sketch: a row is a box of the number and three
 * cells. */
static GtkWidget *
row_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *number = gtk_inscription_new (NULL);

  gtk_widget_set_size_request (number, 56, -1);
  gtk_box_append (GTK_BOX (box), number);
  for (guint c = 1; c <= 3; c++)
    {
      GtkWidget *cell = tri_segment_cell_new (FALSE);

      gtk_widget_set_hexpand (cell, TRUE);
      gtk_box_append (GTK_BOX (box), cell);
    }
  return box;
}

static void
row_box_bind (GtkWidget *box,
              guint      row)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  set_number (child, row);
  for (guint c = 1; c <= 3; c++)
    {
      g_autofree char *text = sentence (row, c);

      child = gtk_widget_get_next_sibling (child);
      tri_segment_cell_set_text (TRI_SEGMENT_CELL (child), text);
    }
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  unused)
{
  gtk_list_item_set_child (item, row_box_new ());
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  unused)
{
  row_box_bind (gtk_list_item_get_child (item), gtk_list_item_get_position (item));
}

static GtkWidget *
make_column_view (GtkSelectionModel *selection)
{
  GtkWidget *view = gtk_column_view_new (g_object_ref (selection));

  for (guint c = 0; c <= 3; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (on_column_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (on_column_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (c == 0 ? "#" : "Text", factory);
      if (c == 0)
        gtk_column_view_column_set_fixed_width (column, 56);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  return view;
}

static GtkWidget *
make_list_view (GtkSelectionModel *selection)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), NULL);
  return gtk_list_view_new (g_object_ref (selection), factory);
}

/* The sketch: rows on screen only. */
#define BENCH_TYPE_ROWS (bench_rows_get_type ())
G_DECLARE_FINAL_TYPE (BenchRows, bench_rows, BENCH, ROWS, GtkWidget)

struct _BenchRows
{
  GtkWidget      parent_instance;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          n_rows;
  int           *heights;   /* -1 when never laid out */
  GPtrArray     *widgets;   /* row boxes, shown or spare */
  int           *shown;     /* widget i shows row shown[i], or -1 */
};

enum { PROP_0, PROP_HADJUSTMENT, PROP_VADJUSTMENT, PROP_HSCROLL_POLICY, PROP_VSCROLL_POLICY };

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchRows, bench_rows, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static int
estimate (BenchRows *self)
{
  gint64 sum = 0;
  guint n = 0;

  for (guint i = 0; i < self->n_rows; i++)
    if (self->heights[i] >= 0)
      sum += self->heights[i], n++;
  return n > 0 ? (int)(sum / n) : 40;
}

static int
row_y (BenchRows *self,
       guint      row,
       int        guess)
{
  gint64 y = 0;

  for (guint i = 0; i < row; i++)
    y += self->heights[i] >= 0 ? self->heights[i] : guess;
  return (int)y;
}

static void
bench_rows_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  BenchRows *self = BENCH_ROWS (widget);
  int guess = estimate (self);
  double value = gtk_adjustment_get_value (self->vadjustment);
  gint64 y = 0;
  guint first = 0;
  g_autofree gboolean *kept = g_new0 (gboolean, self->widgets->len);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));

  /* the first row on screen */
  while (first + 1 < self->n_rows && y + (self->heights[first] >= 0 ? self->heights[first] : guess) <= value)
    y += self->heights[first] >= 0 ? self->heights[first] : guess, first++;

  /* rows still shown keep their widget */
  for (guint i = 0; i < self->widgets->len; i++)
    if (self->shown[i] >= (int)first && self->shown[i] < (int)first + 64)
      kept[i] = TRUE;

  for (guint row = first; row < self->n_rows && y < value + height; row++)
    {
      GtkWidget *box = NULL;
      int h;

      for (guint i = 0; i < self->widgets->len && box == NULL; i++)
        if (self->shown[i] == (int)row)
          box = g_ptr_array_index (self->widgets, i);
      if (box == NULL)
        {
          guint i;

          for (i = 0; i < self->widgets->len; i++)
            if (!kept[i] && (self->shown[i] < (int)first || self->shown[i] >= (int)first + 64))
              break;
          if (i == self->widgets->len)
            {
              g_ptr_array_add (self->widgets, row_box_new ());
              gtk_widget_set_parent (g_ptr_array_index (self->widgets, i), widget);
              self->shown = g_renew (int, self->shown, self->widgets->len);
              kept = g_renew (gboolean, kept, self->widgets->len);
            }
          box = g_ptr_array_index (self->widgets, i);
          self->shown[i] = row;
          kept[i] = TRUE;
          row_box_bind (box, row);
        }
      gtk_widget_set_child_visible (box, TRUE);
      gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, width, &h, NULL, NULL, NULL);
      self->heights[row] = h;
      gtk_widget_size_allocate (box, &(GtkAllocation) { 0, (int)(y - value), width, h }, -1);
      y += h;
    }
  for (guint i = 0; i < self->widgets->len; i++)
    if (self->shown[i] < (int)first || self->shown[i] >= (int)first + 64 || !kept[i])
      {
        gtk_widget_set_child_visible (g_ptr_array_index (self->widgets, i), FALSE);
        self->shown[i] = -1;
      }

  g_signal_handlers_block_matched (self->vadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_adjustment_configure (self->vadjustment, value, 0, row_y (self, self->n_rows, estimate (self)),
                            height * 0.1, height * 0.9, height);
  g_signal_handlers_unblock_matched (self->vadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
bench_rows_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
on_value_changed_cb (GtkAdjustment *adjustment,
                     BenchRows     *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (BenchRows      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_object_unref (*slot);
    }
  *slot = adjustment != NULL ? g_object_ref_sink (adjustment) : g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect (*slot, "value-changed", G_CALLBACK (on_value_changed_cb), self);
}

static void
bench_rows_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BenchRows *self = BENCH_ROWS (object);

  if (prop_id == PROP_HADJUSTMENT)
    set_adjustment (self, &self->hadjustment, g_value_get_object (value));
  else if (prop_id == PROP_VADJUSTMENT)
    set_adjustment (self, &self->vadjustment, g_value_get_object (value));
}

static void
bench_rows_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BenchRows *self = BENCH_ROWS (object);

  if (prop_id == PROP_HADJUSTMENT)
    g_value_set_object (value, self->hadjustment);
  else if (prop_id == PROP_VADJUSTMENT)
    g_value_set_object (value, self->vadjustment);
  else
    g_value_set_enum (value, GTK_SCROLL_MINIMUM);
}

static void
bench_rows_dispose (GObject *object)
{
  BenchRows *self = BENCH_ROWS (object);

  if (self->widgets != NULL)
    for (guint i = 0; i < self->widgets->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->widgets, i));
  g_clear_pointer (&self->widgets, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->heights, g_free);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (bench_rows_parent_class)->dispose (object);
}

static void
bench_rows_class_init (BenchRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bench_rows_dispose;
  object_class->set_property = bench_rows_set_property;
  object_class->get_property = bench_rows_get_property;
  widget_class->measure = bench_rows_measure;
  widget_class->size_allocate = bench_rows_size_allocate;
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");
}

static void
bench_rows_init (BenchRows *self)
{
  self->n_rows = N_ROWS;
  self->heights = g_new (int, N_ROWS);
  for (guint i = 0; i < N_ROWS; i++)
    self->heights[i] = -1;
  self->widgets = g_ptr_array_new ();
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Scrolls the sketch so that @row is its first row. */
static void
bench_rows_scroll_to (BenchRows *self,
                      guint      row)
{
  gtk_adjustment_set_value (self->vadjustment, row_y (self, row, estimate (self)));
}

int
main (int   argc,
      char *argv[])
{
  gboolean list = argc > 1 && g_str_equal (argv[1], "list");
  gboolean visible = argc > 1 && g_str_equal (argv[1], "visible");
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkWidget *window, *scroller, *view, *target;
  GdkFrameClock *frame_clock;
  double sum = 0;
  guint row = N_ROWS / 2;

  gtk_init ();
  for (guint i = 0; i < N_ROWS; i++)
    gtk_string_list_append (strings, "");
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (strings)));

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  if (visible)
    view = g_object_new (BENCH_TYPE_ROWS, NULL);
  else
    view = list ? make_list_view (GTK_SELECTION_MODEL (selection)) : make_column_view (GTK_SELECTION_MODEL (selection));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  bench_iterate_for (1500);

  /* The column view's scrolling action is its list view's. */
  target = view;
  for (GtkWidget *w = gtk_widget_get_first_child (view); !list && !visible && w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_VIEW (w))
      target = w;

  gtk_single_selection_set_selected (selection, row);
  if (visible)
    bench_rows_scroll_to (BENCH_ROWS (view), row);
  else
    gtk_widget_activate_action (target, "list.scroll-to-item", "u", row);
  bench_iterate_for (800);

  frame_clock = gtk_widget_get_frame_clock (window);
  for (guint step = 0; step < N_STEPS; step++)
    {
      double cpu0 = bench_thread_cpu_ms ();
      gint64 t0 = g_get_monotonic_time ();
      gint64 frame = gdk_frame_clock_get_frame_counter (frame_clock);

      row += 6;
      gtk_single_selection_set_selected (selection, row);
      if (visible)
        bench_rows_scroll_to (BENCH_ROWS (view), row);
      else
        gtk_widget_activate_action (target, "list.scroll-to-item", "u", row);
      while (gdk_frame_clock_get_frame_counter (frame_clock) == frame && g_get_monotonic_time () - t0 < G_USEC_PER_SEC / 2)
        g_main_context_iteration (NULL, TRUE);
      /* the first step lays out the rows about the middle */
      if (step > 0)
        sum += bench_thread_cpu_ms () - cpu0;
      bench_iterate_for (60);
    }

  printf ("| %s: six rows down from the middle of %u, main thread's CPU until painted (mean of %u) | %.2f ms |\n",
          visible ? "rows on screen only (a sketch)" : list ? "GtkListView, a row one box" : "GtkColumnView, four columns", N_ROWS, N_STEPS - 1, sum / (N_STEPS - 1));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

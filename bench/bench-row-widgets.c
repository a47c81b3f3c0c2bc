/* bench-row-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a Page Down would cost with the grid's rows built another way: the
 * same cells (TriSegmentCell, a GtkInscription for the number) in a
 * GtkColumnView of four columns, as the grid is, and in a GtkListView
 * whose row is one box holding the four. GTK 4.8's column view measures
 * every cell of a column again when one cell's size changes; the list
 * view stops at the row; TriRowView, the grid's own, makes widgets for
 * the rows on screen only. Prints the main thread's CPU time of a step of
 * six rows from the middle of 2,000 rows, until the frame is painted.
 *
 *   bench-row-widgets column|list|visible
 */

#include "config.h"

#include "bench-ui.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "tri-row-view.h"
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

/* The list view: a row is a box of the number and three
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

/* TriRowView, the grid's own view: widgets for the rows on screen only. */
static GtkWidget *
row_view_cell (TriRowView *view,
               guint       column,
               gpointer    unused)
{
  return column == 0 ? gtk_inscription_new (NULL) : tri_segment_cell_new (FALSE);
}

static void
row_view_bind (TriRowView    *view,
               TriRowViewRow *row,
               gpointer       unused)
{
  guint position = tri_row_view_row_get_position (row);

  set_number (tri_row_view_row_get_cell (row, 0), position);
  for (guint c = 1; c <= 3; c++)
    {
      g_autofree char *text = sentence (position, c);

      tri_segment_cell_set_text (TRI_SEGMENT_CELL (tri_row_view_row_get_cell (row, c)), text);
    }
}

static GtkWidget *
make_row_view (GtkSingleSelection *selection)
{
  TriRowView *view = TRI_ROW_VIEW (tri_row_view_new ());

  tri_row_view_set_factory (view, row_view_cell, row_view_bind, NULL);
  tri_row_view_set_columns (view, 4, 56);
  tri_row_view_set_model (view, selection);
  return GTK_WIDGET (view);
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
    view = make_row_view (selection);
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
    tri_row_view_scroll_to (TRI_ROW_VIEW (view), row, FALSE);
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
        tri_row_view_scroll_to (TRI_ROW_VIEW (view), row, FALSE);
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
          visible ? "TriRowView, rows on screen only" : list ? "GtkListView, a row one box" : "GtkColumnView, four columns", N_ROWS, N_STEPS - 1, sum / (N_STEPS - 1));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

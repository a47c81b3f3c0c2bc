/* test-grid.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "tri-alignment-grid.h"
#include "tri-cell-text.h"
#include "tri-gui-resources.h"
#include "tri-row-view.h"
#include "tri-segment-cell.h"
#include "tri-segment-editor.h"
#include "tri-test-utils.h"

/* The grid on its own (TriAlignmentGrid's public API): one current row
 * and column, the rows shown, the marked range, the numbers' marks and
 * the highlights, in a plain window. */

static const char *en_text =
  "The board met on Monday. Revenue rose by 12 percent. The Kyiv office opened in March. "
  "Costs fell slightly. Two new partners joined. The audit found no problems. "
  "Staff numbers grew to 240. The report was approved. Dividends stay unchanged. "
  "The next meeting is in June.";
static const char *ru_text =
  "Совет собрался в понедельник. Выручка выросла на 12 процентов. Киевский офис открылся в марте. "
  "Расходы немного снизились. Присоединились два новых партнёра. Аудит не выявил проблем. "
  "Штат вырос до 240 человек. Отчёт был утверждён. Дивиденды остаются прежними. "
  "Следующее заседание в июне.";
static const char *uk_text =
  "Рада зібралася в понеділок. Виручка зросла на 12 відсотків. Київський офіс відкрився в березні. "
  "Витрати трохи знизилися. Приєдналися два нових партнери. Аудит не виявив проблем. "
  "Штат зріс до 240 осіб. Звіт було затверджено. Дивіденди залишаються незмінними. "
  "Наступне засідання в червні.";

typedef struct
{
  GtkWindow        *window;
  TriAlignmentGrid *grid;
  TriAlignment     *alignment;
  GArray           *changes;   /* the rows "current-changed" gave */
  guint             ranges;    /* "range-changed" emissions */
} Fixture;

static void
collect (GtkWidget  *widget,
         GType       type,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The number column's box of the row numbered @number, if mapped. */
static GtkWidget *
number_box (Fixture *fixture,
            guint    number)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  char text[16];

  g_snprintf (text, sizeof text, "%u", number);
  collect (GTK_WIDGET (fixture->grid), GTK_TYPE_INSCRIPTION, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (label, "row-number") &&
          g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (label)), text) == 0)
        return gtk_widget_get_parent (label);
    }
  return NULL;
}

/* The mapped cell showing exactly @text. */
static TriSegmentCell *
cell_showing (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect (GTK_WIDGET (fixture->grid), TRI_TYPE_SEGMENT_CELL, cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (tri_segment_cell_get_text (g_ptr_array_index (cells, i)), text) == 0)
      return g_ptr_array_index (cells, i);
  return NULL;
}

/* Row 1's number shown, the grid laid out. */
static gboolean
shows_number_1 (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->grid)) > 0 && number_box (fixture, 1) != NULL;
}

/* The last row's widget made and shown. */
static gboolean
shows_row_9 (gpointer data)
{
  Fixture *fixture = data;
  TriRowViewRow *row = tri_row_view_get_row (TRI_ROW_VIEW (tri_alignment_grid_get_view (fixture->grid)), 9);

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row));
}

static void
on_current_changed_cb (TriAlignmentGrid *grid,
                       guint             row,
                       Fixture          *fixture)
{
  /* None selected (the rows shown changed): the last row current stays. */
  if (row != GTK_INVALID_LIST_POSITION)
    g_assert_cmpuint (row, ==, tri_alignment_grid_get_current_row (grid));
  g_array_append_val (fixture->changes, row);
}

static void
on_range_changed_cb (TriAlignmentGrid *grid,
                     Fixture          *fixture)
{
  fixture->ranges++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->alignment = tri_test_align3 (en_text, ru_text, uk_text);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->alignment)), ==, 10);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 600);
  fixture->grid = TRI_ALIGNMENT_GRID (tri_alignment_grid_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->grid));
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (fixture->grid, "current-changed", G_CALLBACK (on_current_changed_cb), fixture);
  g_signal_connect (fixture->grid, "range-changed", G_CALLBACK (on_range_changed_cb), fixture);

  tri_alignment_grid_set_alignment (fixture->grid, fixture->alignment);
  tri_alignment_grid_set_column_header (fixture->grid, 0, "English", NULL);
  gtk_window_present (fixture->window);
  tri_test_wait_until (shows_number_1, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_array_unref (fixture->changes);
  g_assert_finalize_object (fixture->alignment);
}

/* Selecting, moving and editing keep one current row: the property, the
 * signal and the selection agree, and each move says so once. */
static void
test_current_row (Fixture       *fixture,
                  gconstpointer  data)
{
  TriAlignmentGrid *grid = fixture->grid;
  TriRowView *view = TRI_ROW_VIEW (tri_alignment_grid_get_view (grid));

  /* The number column and one per version, headed as told. */
  g_assert_cmpuint (tri_row_view_get_n_columns (view), ==, 4);
  g_assert_cmpstr (tri_alignment_grid_get_column_title (grid, 0), ==, "English");
  g_assert_cmpstr (tri_row_view_get_column_title (view, 1), ==, "English");

  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (tri_alignment_grid_select_row (grid, 4, FALSE));
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 4);
  g_assert_cmpuint (tri_alignment_grid_get_current_position (grid), ==, 4);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 0), ==, 4);

  /* Past the last row: the last. */
  g_assert_true (tri_alignment_grid_select_row (grid, 99, FALSE));
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 9);

  /* Home, Up, Page Down. */
  tri_alignment_grid_move_cursor (grid, "first", FALSE);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 0);
  tri_alignment_grid_move_cursor (grid, "up", FALSE);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 0);
  tri_alignment_grid_move_cursor (grid, "down", FALSE);
  tri_alignment_grid_move_cursor (grid, "down", FALSE);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 2);
  tri_alignment_grid_move_cursor (grid, "last", FALSE);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 9);
  g_assert_true (tri_alignment_grid_get_current_item (grid) ==
                 gtk_single_selection_get_selected_item (tri_alignment_grid_get_selection (grid)));

  /* A split of the row above the cursor: the cursor's row moves down one
   * in the alignment, and stays current. */
  g_array_set_size (fixture->changes, 0);
  tri_alignment_grid_select_row (grid, 5, FALSE);
  g_assert_true (tri_alignment_merge_next (fixture->alignment, 3));
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 4);
  g_assert_true (tri_alignment_split_row (fixture->alignment, 3, 0, 1));
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 5);
  tri_alignment_grid_move_cursor (grid, "up", FALSE);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 4);
}

static gboolean
shows_number_10 (gpointer data)
{
  return number_box (data, 10) != NULL;
}

static gboolean
shows_number_3 (gpointer data)
{
  return number_box (data, 3) != NULL;
}

static gboolean
shows_number_7 (gpointer data)
{
  return number_box (data, 7) != NULL;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Narrowed to bookmarked rows, the cursor goes to the next one shown; a row
 * not shown cannot be made current; the numbers stay the alignment's. */
static void
test_row_kind (Fixture       *fixture,
               gconstpointer  data)
{
  TriAlignmentGrid *grid = fixture->grid;
  guint notified = 0;

  g_signal_connect_swapped (grid, "notify::row-kind", G_CALLBACK (count_cb), &notified);
  tri_alignment_toggle_bookmark (fixture->alignment, 2);
  tri_alignment_toggle_bookmark (fixture->alignment, 7);
  tri_alignment_grid_select_row (grid, 5, FALSE);

  g_assert_cmpuint (tri_alignment_grid_set_row_kind (grid, TRI_ROWS_BOOKMARKED, FALSE), ==, 2);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (tri_alignment_grid_get_row_kind (grid), ==, TRI_ROWS_BOOKMARKED);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 7);
  g_assert_cmpuint (tri_alignment_grid_get_current_position (grid), ==, 1);
  g_assert_false (tri_alignment_grid_select_row (grid, 4, FALSE));
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 7);
  g_assert_true (tri_alignment_grid_select_row (grid, 2, FALSE));
  tri_test_wait_until (shows_number_3, fixture);
  g_assert_nonnull (number_box (fixture, 8));
  g_assert_null (number_box (fixture, 1));
  g_assert_null (number_box (fixture, 4));

  /* No rows of a kind: none shown, and the cursor's row kept. */
  g_assert_cmpuint (tri_alignment_grid_set_row_kind (grid, TRI_ROWS_REVIEW, FALSE), ==, 0);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 2);
  g_assert_cmpuint (tri_alignment_grid_set_row_kind (grid, TRI_ROWS_ALL, FALSE), ==, 10);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 2);
  tri_test_wait_until (shows_number_10, fixture);
}

static gboolean
in_range (Fixture *fixture,
          guint    number)
{
  GtkWidget *box = number_box (fixture, number);

  g_assert_nonnull (box);
  return gtk_widget_has_css_class (box, "in-range");
}

/* Shift+Down twice marks three rows, barred by their numbers; a plain
 * move ends the range. */
static void
test_range (Fixture       *fixture,
            gconstpointer  data)
{
  TriAlignmentGrid *grid = fixture->grid;
  guint first = 0, last = 0;

  tri_alignment_grid_select_row (grid, 1, FALSE);
  g_assert_false (tri_alignment_grid_get_range (grid, &first, &last));
  g_assert_true (tri_alignment_grid_extend_range (grid, 1, FALSE));
  g_assert_true (tri_alignment_grid_extend_range (grid, 1, FALSE));
  g_assert_true (tri_alignment_grid_get_range (grid, &first, &last));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 3);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 3);
  g_assert_cmpuint (fixture->ranges, >, 0);
  g_assert_false (in_range (fixture, 1));
  g_assert_true (in_range (fixture, 2));
  g_assert_true (in_range (fixture, 4));
  g_assert_false (in_range (fixture, 5));

  /* Back up past the anchor: the range turns round. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (tri_alignment_grid_extend_range (grid, -1, FALSE));
  g_assert_true (tri_alignment_grid_get_range (grid, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 1);
  g_assert_false (tri_alignment_grid_extend_range (grid, -1, FALSE));

  fixture->ranges = 0;
  tri_alignment_grid_move_cursor (grid, "down", FALSE);
  g_assert_false (tri_alignment_grid_get_range (grid, &first, &last));
  g_assert_cmpuint (fixture->ranges, ==, 1);
  g_assert_false (in_range (fixture, 1));
}

/* The current column is a CSS class of the view of rows (the stylesheet
 * marks the column's header and selected cell by it); columns the
 * alignment does not have are ignored. */
static void
test_current_column (Fixture       *fixture,
                     gconstpointer  data)
{
  TriAlignmentGrid *grid = fixture->grid;
  GtkWidget *view = tri_alignment_grid_get_view (grid);
  guint column = 0;

  tri_alignment_grid_set_current_column (grid, 2);
  g_assert_cmpuint (tri_alignment_grid_get_current_column (grid), ==, 2);
  g_assert_true (gtk_widget_has_css_class (view, "current-column-3"));
  g_object_set (grid, "current-column", 1, NULL);
  g_object_get (grid, "current-column", &column, NULL);
  g_assert_cmpuint (column, ==, 1);
  g_assert_true (gtk_widget_has_css_class (view, "current-column-2"));
  g_assert_false (gtk_widget_has_css_class (view, "current-column-3"));
  tri_alignment_grid_set_current_column (grid, 3);
  g_assert_cmpuint (tri_alignment_grid_get_current_column (grid), ==, 1);
}

static char *
note_for_row_2 (guint    row,
                gpointer user_data)
{
  (*(guint *)user_data)++;
  return row == 2 ? g_strdup ("Numbers differ: 12 and 21") : NULL;
}

/* The note function marks a row's number; a highlight marks spans of the
 * documents in the cells of its row only. */
static void
test_marks (Fixture       *fixture,
            gconstpointer  data)
{
  TriAlignmentGrid *grid = fixture->grid;
  const char *ru_doc = tri_document_get_text (tri_alignment_get_document (fixture->alignment, 1));
  const char *word = strstr (ru_doc, "12 процентов");
  GArray *spans[TRI_MAX_COLUMNS] = { NULL };
  gsize span[2];
  guint asked = 0;
  TriSegmentCell *cell;
  g_autofree char *highlighted = NULL;

  tri_alignment_grid_set_note_func (grid, note_for_row_2, &asked, NULL);
  g_assert_cmpuint (asked, >, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (number_box (fixture, 3))));
  g_assert_cmpstr (tri_widget_get_tooltip_text (gtk_widget_get_last_child (number_box (fixture, 3))), ==,
                   "Numbers differ: 12 and 21");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_last_child (number_box (fixture, 2))));
  tri_alignment_grid_set_note_func (grid, NULL, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_last_child (number_box (fixture, 3))));

  g_assert_nonnull (word);
  span[0] = word - ru_doc;
  span[1] = span[0] + strlen ("12");
  spans[1] = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_vals (spans[1], span, 2);
  tri_alignment_grid_highlight (grid, 1, spans);
  g_array_unref (spans[1]);

  cell = cell_showing (fixture, "Выручка выросла на 12 процентов.");
  g_assert_nonnull (cell);
  highlighted = tri_segment_cell_dup_highlighted (cell);
  g_assert_cmpstr (highlighted, ==, "12");
  g_assert_null (tri_segment_cell_dup_highlighted (cell_showing (fixture, "Revenue rose by 12 percent.")));

  tri_alignment_grid_highlight (grid, G_MAXUINT, NULL);
  g_assert_null (tri_segment_cell_dup_highlighted (cell));
}

/* Compact rows: new cells, the same current row and column. */
static void
test_compact (Fixture       *fixture,
              gconstpointer  data)
{
  TriAlignmentGrid *grid = fixture->grid;

  tri_alignment_grid_select_row (grid, 6, FALSE);
  tri_alignment_grid_set_current_column (grid, 2);
  g_array_set_size (fixture->changes, 0);
  tri_alignment_grid_set_compact (grid, TRUE);
  g_assert_true (tri_alignment_grid_get_compact (grid));
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 6);
  g_assert_cmpuint (tri_alignment_grid_get_current_column (grid), ==, 2);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  tri_test_wait_until (shows_number_1, fixture);
  g_assert_nonnull (cell_showing (fixture, "Costs fell slightly."));
}

static void
on_row_activated_cb (TriAlignmentGrid *grid,
                     guint             row,
                     guint            *activated)
{
  *activated = row;
}

/* Return (or a double click) on a row says which row of the alignment, in
 * a narrowed grid too; the keyboard's row menu opens under the current
 * row. */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  TriAlignmentGrid *grid = fixture->grid;
  guint activated = G_MAXUINT;
  double x = -1, y = -1;

  g_signal_connect (grid, "row-activated", G_CALLBACK (on_row_activated_cb), &activated);

  tri_alignment_toggle_bookmark (fixture->alignment, 6);
  tri_alignment_grid_set_row_kind (grid, TRI_ROWS_BOOKMARKED, FALSE);
  g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), ==, 6);
  tri_test_wait_until (shows_number_7, fixture);

  /* The view's activation, as Return or a double click on the first row
   * shown. */
  g_signal_emit_by_name (tri_alignment_grid_get_view (grid), "activate", 0);
  g_assert_cmpuint (activated, ==, 6);

  g_assert_true (tri_alignment_grid_get_menu_point (grid, &x, &y));
  /* Under the first row shown, in the middle of the first text column. */
  g_assert_cmpfloat (x, >, TRI_ALIGNMENT_GRID_NUMBER_WIDTH);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (grid)) / 2);
  g_assert_cmpfloat (y, >, 0);
}

/* The widths of the three versions' columns, from their mapped cells. */
static void
column_widths (Fixture *fixture,
               int      widths[3])
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  widths[0] = widths[1] = widths[2] = 0;
  collect (GTK_WIDGET (fixture->grid), TRI_TYPE_SEGMENT_CELL, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));

      g_assert_cmpuint (column, <, 3);
      widths[column] = MAX (widths[column], gtk_widget_get_width (cell));
    }
}

static gboolean
shows_long_sentence (gpointer data)
{
  Fixture *fixture = data;
  TriSegmentCell *cell = cell_showing (fixture, g_object_get_data (G_OBJECT (fixture->grid), "long"));

  /* Laid out: wrapped on several lines. */
  return cell != NULL && gtk_widget_get_height (GTK_WIDGET (cell)) > 50;
}

/* The versions' columns share the width equally and keep it whatever the
 * rows in view say: a long sentence edited into the English column (or
 * scrolled into view) neither widens it nor narrows the others. */
static void
test_column_widths (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *long_sentence =
    "The board, which met on Monday in the Kyiv office for the first time since the audit "
    "began, approved the annual report without a vote against it and without any changes.";
  int before[3], after[3];

  column_widths (fixture, before);
  g_assert_cmpint (before[0], >, 0);
  g_assert_cmpint (ABS (before[0] - before[1]), <=, 1);
  g_assert_cmpint (ABS (before[1] - before[2]), <=, 1);

  g_object_set_data (G_OBJECT (fixture->grid), "long", (gpointer)long_sentence);
  g_assert_true (tri_alignment_edit_sentence (fixture->alignment, 0, 0, long_sentence));
  tri_test_wait_until (shows_long_sentence, fixture);

  column_widths (fixture, after);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpint (after[c], ==, before[c]);
}

/* The grid's cursor keys (its "grid.move-cursor" action): the current
 * row moves, wherever the grid is (no window's actions needed). */
static void
test_cursor_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  tri_alignment_grid_select_row (fixture->grid, 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->grid), "grid.move-cursor", "s", "down"));
  g_assert_cmpuint (tri_alignment_grid_get_current_row (fixture->grid), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->grid), "grid.move-cursor", "s", "last");
  g_assert_cmpuint (tri_alignment_grid_get_current_row (fixture->grid), ==, 9);
  gtk_widget_activate_action (GTK_WIDGET (fixture->grid), "grid.move-cursor", "s", "up");
  g_assert_cmpuint (tri_alignment_grid_get_current_row (fixture->grid), ==, 8);
  gtk_widget_activate_action (GTK_WIDGET (fixture->grid), "grid.move-cursor", "s", "first");
  g_assert_cmpuint (tri_alignment_grid_get_current_row (fixture->grid), ==, 0);
}

static void
count_frame (GdkFrameClock *clock,
             guint         *frames)
{
  (*frames)++;
}

static void
iterate_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Typing in the editor strip, then back to the grid: the window goes
 * quiet. GTK 4.8 kept the strip's cursor blinking after it lost the focus
 * (up to ten seconds), so the window painted every frame and each key or
 * page in the grid waited for the next one. */
static void
test_strip_left_quiet (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  TriSegmentEditor *editor = TRI_SEGMENT_EDITOR (tri_segment_editor_new ());
  GdkFrameClock *clock;
  guint frames = 0;
  gulong handler;

  g_object_ref (fixture->grid);
  gtk_window_set_child (fixture->window, box);
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->grid), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->grid));
  g_object_unref (fixture->grid);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  tri_segment_editor_set_alignment (editor, fixture->alignment);
  tri_segment_editor_set_row (editor, 0);
  tri_test_wait_until (shows_number_1, fixture);

  tri_segment_editor_focus_column (editor, 1);
  iterate_ms (100);
  g_assert_cmpint (tri_segment_editor_get_focus_column (editor), ==, 1);
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (fixture->window)));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->grid));
  tri_alignment_grid_select_row (fixture->grid, 2, TRUE);
  /* What the focus change and the row shown animate is over by then. */
  iterate_ms (600);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (fixture->window), GTK_WIDGET (fixture->grid)));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &frames);
  iterate_ms (1500);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (frames, ==, 0);
}


/* Cells of one grid share the layouts of plain texts (paging binds rows
 * whose text the grid laid out ahead), and a cell never shows a layout
 * made for another font, width or underline. */
static gboolean
cells_laid_out (gpointer data)
{
  GtkWidget **cells = data;

  for (guint i = 0; i < 3; i++)
    if (gtk_widget_get_width (cells[i]) <= 0 || gtk_widget_get_height (cells[i]) <= 0)
      return FALSE;
  return TRUE;
}

static void
test_shared_layouts (void)
{
  const char *sentence = "The Kyiv office, which opened in March, now employs 240 people in three departments.";
  const char *next = "Staff numbers grew to 240, and the audit of the new office found no problems at all.";
  g_autoptr(TriCellTextCache) cache = tri_cell_text_cache_new (16);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cells[3];
  PangoLayout *shared;
  g_autoptr(PangoAttrList) underline = pango_attr_list_new ();
  PangoAttribute *attribute = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);

  gtk_css_provider_load_from_data (provider, ".big { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (window, 400, 600);
  for (guint i = 0; i < 3; i++)
    {
      cells[i] = tri_cell_text_new ();
      tri_cell_text_set_cache (TRI_CELL_TEXT (cells[i]), cache);
      tri_cell_text_set_text (TRI_CELL_TEXT (cells[i]), sentence);
      gtk_box_append (GTK_BOX (box), cells[i]);
    }
  gtk_widget_add_css_class (cells[2], "big");
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  tri_test_wait_until (cells_laid_out, cells);

  /* The same text, width and font: one layout. Another font: its own. */
  shared = tri_cell_text_get_layout (TRI_CELL_TEXT (cells[0]));
  g_assert_true (tri_cell_text_get_layout (TRI_CELL_TEXT (cells[1])) == shared);
  g_assert_true (tri_cell_text_get_layout (TRI_CELL_TEXT (cells[2])) != shared);
  g_assert_cmpint (gtk_widget_get_height (cells[2]), >, gtk_widget_get_height (cells[0]));
  g_assert_cmpint (pango_layout_get_width (shared), ==, gtk_widget_get_width (cells[0]) * PANGO_SCALE);

  /* An underline is the cell's own: the other cell's layout keeps none. */
  attribute->start_index = 4;
  attribute->end_index = 8;
  pango_attr_list_insert (underline, attribute);
  tri_cell_text_set_attributes (TRI_CELL_TEXT (cells[0]), underline);
  g_assert_true (tri_cell_text_get_layout (TRI_CELL_TEXT (cells[0])) != shared);
  g_assert_true (tri_cell_text_get_layout (TRI_CELL_TEXT (cells[1])) == shared);
  {
    GSList *kept = pango_attr_list_get_attributes (pango_layout_get_attributes (shared));

    for (GSList *l = kept; l != NULL; l = l->next)
      g_assert_cmpint (((PangoAttribute *)l->data)->klass->type, !=, PANGO_ATTR_UNDERLINE);
    g_slist_free_full (kept, (GDestroyNotify)pango_attribute_destroy);
  }

  /* Laid out ahead by one cell, shown by another: at that cell's width,
   * in its font, without the first cell's underline. */
  g_assert_true (tri_cell_text_prepare (TRI_CELL_TEXT (cells[0]), next));
  tri_cell_text_set_text (TRI_CELL_TEXT (cells[1]), next);
  {
    PangoLayout *layout = tri_cell_text_get_layout (TRI_CELL_TEXT (cells[1]));
    GSList *kept = pango_attr_list_get_attributes (pango_layout_get_attributes (layout));

    g_assert_cmpstr (pango_layout_get_text (layout), ==, next);
    g_assert_cmpint (pango_layout_get_width (layout), ==, gtk_widget_get_width (cells[1]) * PANGO_SCALE);
    for (GSList *l = kept; l != NULL; l = l->next)
      g_assert_cmpint (((PangoAttribute *)l->data)->klass->type, !=, PANGO_ATTR_UNDERLINE);
    g_slist_free_full (kept, (GDestroyNotify)pango_attribute_destroy);
  }

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  gtk_window_destroy (window);
}

/* A screen reader sees only the rows on screen: the grid tells how many
 * rows there are, and each row its place (the header is row 1), also
 * after an edit changes the count. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  TriAlignmentGrid *grid = fixture->grid;
  GtkAccessible *view = GTK_ACCESSIBLE (tri_alignment_grid_get_view (grid));

  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_relation (view, GTK_ACCESSIBLE_RELATION_ROW_COUNT, 11);

  g_assert_true (tri_alignment_grid_select_row (grid, 9, FALSE));
  tri_test_wait_until (shows_row_9, fixture);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (tri_row_view_get_row (TRI_ROW_VIEW (view), 9)), GTK_ACCESSIBLE_ROLE_ROW);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (tri_row_view_get_row (TRI_ROW_VIEW (view), 9)),
                                       GTK_ACCESSIBLE_RELATION_ROW_INDEX, 11);

  /* Two rows merged above it: one row fewer, and it is row 10. */
  g_assert_true (tri_alignment_merge_next (fixture->alignment, 3));
  gtk_test_accessible_assert_relation (view, GTK_ACCESSIBLE_RELATION_ROW_COUNT, 10);
  g_assert_nonnull (tri_row_view_get_row (TRI_ROW_VIEW (view), 8));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (tri_row_view_get_row (TRI_ROW_VIEW (view), 8)),
                                       GTK_ACCESSIBLE_RELATION_ROW_INDEX, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GTK's test accessibility backend: what the widgets tell assistive
   * technologies can be read back (/grid/accessible). */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display; run meson test --setup=headless");
      return g_test_run ();
    }
  /* What TriApplication does at startup: the templates. */
  g_resources_register (tri_gui_get_resource ());

  g_test_add ("/grid/current-row", Fixture, NULL, fixture_set_up, test_current_row, fixture_tear_down);
  g_test_add ("/grid/row-kind", Fixture, NULL, fixture_set_up, test_row_kind, fixture_tear_down);
  g_test_add ("/grid/range", Fixture, NULL, fixture_set_up, test_range, fixture_tear_down);
  g_test_add ("/grid/current-column", Fixture, NULL, fixture_set_up, test_current_column, fixture_tear_down);
  g_test_add ("/grid/marks", Fixture, NULL, fixture_set_up, test_marks, fixture_tear_down);
  g_test_add ("/grid/compact", Fixture, NULL, fixture_set_up, test_compact, fixture_tear_down);
  g_test_add ("/grid/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/grid/column-widths", Fixture, NULL, fixture_set_up, test_column_widths, fixture_tear_down);
  g_test_add ("/grid/cursor-keys", Fixture, NULL, fixture_set_up, test_cursor_keys, fixture_tear_down);
  g_test_add_func ("/grid/shared-layouts", test_shared_layouts);
  g_test_add ("/grid/accessible", Fixture, NULL, fixture_set_up, test_accessible, fixture_tear_down);
  g_test_add ("/grid/strip-left-quiet", Fixture, NULL, fixture_set_up, test_strip_left_quiet, fixture_tear_down);

  return g_test_run ();
}

/* test-wording.c: Compare Wording in the window (grid, strip, parallel view)
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tri-application.h"
#include "tri-user-lexicon.h"
#include "tri-segment-cell.h"
#include "tri-window.h"
#include "tri-wording.h"

static TriApplication *app;

/* A row of a report, as three translators wrote it: the names and the
 * number have counterparts everywhere; "reportedly" has none in the
 * Russian and Ukrainian versions. */
static const char *texts[] = {
  "Minister Kovalenko reportedly signed 12 agreements in Geneva.\n\n"
  "The talks with Petrenko ended late.\n",
  "Министр Коваленко подписал 12 соглашений в Женеве.\n\n"
  "Переговоры с Петренко закончились поздно.\n",
  "Міністр Коваленко підписав 12 угод у Женеві.\n\n"
  "Переговори з Петренком закінчилися пізно.\n",
};
static const char *languages[] = { "en", "ru", "uk" };

static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The Compare Wording action's state (the setting it stands for). */
static gboolean
compare_wording_on (TriWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "compare-wording");

  return g_variant_get_boolean (state);
}

static gboolean
wording_ready (gpointer data)
{
  TriWindow *window = data;

  TriWording *wording = tri_wording_controller_get_wording (tri_window_get_wording (window));

  return wording != NULL && tri_wording_is_ready (wording) && !tri_window_get_busy (window);
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (TRI_IS_SEGMENT_CELL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (cells, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

/* The mapped cell whose text starts with @prefix. */
static TriSegmentCell *
find_cell (TriWindow  *window,
           const char *prefix)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (tri_window_get_view (window), cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_str_has_prefix (tri_segment_cell_get_text (g_ptr_array_index (cells, i)), prefix))
      return g_ptr_array_index (cells, i);
  return NULL;
}

static gboolean
has_cells (gpointer data)
{
  return find_cell (data, "Minister") != NULL;
}

/* Whether the cell's attributes give the bytes of @word (its first
 * occurrence) an attribute of @type (with @value, unless it is -1). */
static gboolean
cell_has (TriSegmentCell *cell,
          const char     *word,
          PangoAttrType   type,
          int             value)
{
  const char *text = tri_segment_cell_get_text (cell);
  const char *at = strstr (text, word);
  PangoAttrList *attrs = tri_segment_cell_get_attributes (cell);
  g_autoptr(GSList) list = NULL;
  gboolean found = FALSE;

  g_assert_nonnull (at);
  if (attrs == NULL)
    return FALSE;
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == type && attr->start_index == (guint)(at - text) &&
          attr->end_index == (guint)(at - text + strlen (word)) &&
          (value < 0 || ((PangoAttrInt *)attr)->value == value))
        found = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify)pango_attribute_destroy);
  return found;
}

static guint
n_attributes (TriSegmentCell *cell,
              PangoAttrType   type)
{
  PangoAttrList *attrs = tri_segment_cell_get_attributes (cell);
  g_autoptr(GSList) list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  guint n = 0;

  for (GSList *l = list; l != NULL; l = l->next)
    n += ((PangoAttribute *)l->data)->klass->type == type;
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify)pango_attribute_destroy);
  return n;
}

static int
byte_offset (TriSegmentCell *cell,
             const char     *word)
{
  const char *text = tri_segment_cell_get_text (cell);

  return (int)(strstr (text, word) - text);
}

static gboolean
prefetched (gpointer data)
{
  TriWindow *window = data;

  return tri_wording_controller_is_prefetched (tri_window_get_wording (window));
}

static TriWindow *
open_report (void)
{
  TriWindow *window = tri_window_new (app);
  TriDocument *documents[3];

  gtk_window_present (GTK_WINDOW (window));
  for (guint c = 0; c < 3; c++)
    documents[c] = tri_document_new (texts[c], languages[c], TRI_PARAGRAPH_BLANK_LINES);
  tri_window_set_documents (window, documents, 3);
  for (guint c = 0; c < 3; c++)
    g_object_unref (documents[c]);
  wait_until (wording_ready, window);
  wait_until (has_cells, window);
  wait_until (prefetched, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_alignment (window))), ==, 2);
  return window;
}

static void
destroy_window (TriWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Pointing at a name in the English cell highlights it and its
 * counterparts in the Russian and Ukrainian cells of the row, and nothing
 * in the other row; the tooltip names the counterparts; leaving the grid
 * takes the highlight away. */
static void
test_hover (void)
{
  TriWindow *window = open_report ();
  TriSegmentCell *en = find_cell (window, "Minister");
  TriSegmentCell *ru = find_cell (window, "Министр");
  TriSegmentCell *uk = find_cell (window, "Міністр");
  TriSegmentCell *other = find_cell (window, "Переговоры");
  const char *tooltip;

  g_assert_nonnull (en);
  g_assert_nonnull (ru);
  g_assert_nonnull (uk);
  g_assert_nonnull (other);
  g_assert_false (cell_has (ru, "Коваленко", PANGO_ATTR_BACKGROUND, -1));

  tri_wording_controller_hover_word (tri_window_get_wording (window), 0, 0, byte_offset (en, "Kovalenko") + 2);
  g_assert_true (cell_has (en, "Kovalenko", PANGO_ATTR_BACKGROUND, -1));
  g_assert_true (cell_has (ru, "Коваленко", PANGO_ATTR_BACKGROUND, -1));
  g_assert_true (cell_has (uk, "Коваленко", PANGO_ATTR_BACKGROUND, -1));
  g_assert_cmpuint (n_attributes (ru, PANGO_ATTR_BACKGROUND), ==, 1);
  g_assert_cmpuint (n_attributes (other, PANGO_ATTR_BACKGROUND), ==, 0);

  tooltip = tri_widget_get_tooltip_text (GTK_WIDGET (en));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "«Коваленко»"));
  g_assert_nonnull (strstr (tooltip, "Russian"));
  g_assert_nonnull (strstr (tooltip, "Ukrainian"));

  /* A word the dictionary knows: its translations too (dict-mueller7,
   * which build-aux/dev installs). */
  tri_wording_controller_hover_word (tri_window_get_wording (window), 0, 0, byte_offset (en, "Minister"));
  tooltip = tri_widget_get_tooltip_text (GTK_WIDGET (en));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Dictionary, Russian: "));
  g_assert_nonnull (strstr (tooltip, "министр"));

  /* The number: its counterparts, not the name's. */
  tri_wording_controller_hover_word (tri_window_get_wording (window), 0, 1, byte_offset (ru, "12"));
  g_assert_true (cell_has (en, "12", PANGO_ATTR_BACKGROUND, -1));
  g_assert_true (cell_has (uk, "12", PANGO_ATTR_BACKGROUND, -1));
  g_assert_false (cell_has (uk, "Коваленко", PANGO_ATTR_BACKGROUND, -1));

  /* A word no other version has: it alone, and the tooltip says so. */
  tri_wording_controller_hover_word (tri_window_get_wording (window), 0, 0, byte_offset (en, "reportedly"));
  g_assert_true (cell_has (en, "reportedly", PANGO_ATTR_BACKGROUND, -1));
  g_assert_cmpuint (n_attributes (ru, PANGO_ATTR_BACKGROUND), ==, 0);
  tooltip = tri_widget_get_tooltip_text (GTK_WIDGET (en));
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "No counterpart in Russian or Ukrainian"));

  tri_wording_controller_hover_word (tri_window_get_wording (window), GTK_INVALID_LIST_POSITION, 0, -1);
  g_assert_cmpuint (n_attributes (en, PANGO_ATTR_BACKGROUND), ==, 0);
  g_assert_null (tri_widget_get_tooltip_text (GTK_WIDGET (en)));

  destroy_window (window);
}

static int
char_offset (GtkTextBuffer *buffer,
             const char    *word)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, word));
  return (int)g_utf8_pointer_to_offset (text, strstr (text, word));
}

/* The editor strip's cursor on a word highlights its counterparts in the
 * strip's other versions and in the grid's row. */
static void
test_strip_cursor (void)
{
  TriWindow *window = open_report ();
  TriSegmentEditor *editor = tri_window_get_editor (window);
  GtkTextBuffer *ru_buffer, *en_buffer;
  TriSegmentCell *en;
  GtkTextIter iter;

  gtk_single_selection_set_selected (tri_alignment_grid_get_selection (tri_window_get_grid (window)), 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  tri_segment_editor_focus_column (editor, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ru_buffer = tri_segment_editor_get_buffer (editor, 1);
  en_buffer = tri_segment_editor_get_buffer (editor, 0);
  g_assert_false (tri_segment_editor_has_word_mark (editor, 0, char_offset (en_buffer, "Kovalenko"), -1));

  gtk_text_buffer_get_iter_at_offset (ru_buffer, &iter, char_offset (ru_buffer, "Коваленко") + 3);
  gtk_text_buffer_place_cursor (ru_buffer, &iter);
  g_assert_true (tri_segment_editor_has_word_mark (editor, 1, char_offset (ru_buffer, "Коваленко"), -1));
  g_assert_true (tri_segment_editor_has_word_mark (editor, 0, char_offset (en_buffer, "Kovalenko"), -1));
  g_assert_true (tri_segment_editor_has_word_mark (editor, 2, char_offset (tri_segment_editor_get_buffer (editor, 2),
                                                                           "Коваленко"), -1));
  g_assert_false (tri_segment_editor_has_word_mark (editor, 0, char_offset (en_buffer, "Geneva"), -1));

  en = find_cell (window, "Minister");
  g_assert_true (cell_has (en, "Kovalenko", PANGO_ATTR_BACKGROUND, -1));

  destroy_window (window);
}

/* Compare Wording (Ctrl+D): the selected row's words marked — the word
 * with no counterpart italic and double-underlined, a name with
 * counterparts everywhere a thin line — in the grid and the strip; other
 * rows unmarked; off again, no marks. */
static void
test_compare_mode (void)
{
  TriWindow *window = open_report ();
  TriSegmentEditor *editor = tri_window_get_editor (window);
  GtkTextBuffer *en_buffer = tri_segment_editor_get_buffer (editor, 0);
  TriSegmentCell *en, *other;

  gtk_single_selection_set_selected (tri_alignment_grid_get_selection (tri_window_get_grid (window)), 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  en = find_cell (window, "Minister");
  other = find_cell (window, "The talks");
  g_assert_false (cell_has (en, "reportedly", PANGO_ATTR_STYLE, PANGO_STYLE_ITALIC));

  g_assert_false (compare_wording_on (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-wording", NULL);
  g_assert_true (compare_wording_on (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (cell_has (en, "reportedly", PANGO_ATTR_STYLE, PANGO_STYLE_ITALIC));
  g_assert_true (cell_has (en, "reportedly", PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_DOUBLE));
  g_assert_true (cell_has (en, "Kovalenko", PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_SINGLE));
  g_assert_false (cell_has (en, "Kovalenko", PANGO_ATTR_STYLE, PANGO_STYLE_ITALIC));
  g_assert_cmpuint (n_attributes (other, PANGO_ATTR_UNDERLINE), ==, 0);
  g_assert_true (tri_segment_editor_has_word_mark (editor, 0, char_offset (en_buffer, "reportedly"), TRI_WORDING_MARK_NONE));
  g_assert_true (tri_segment_editor_has_word_mark (editor, 0, char_offset (en_buffer, "Kovalenko"), TRI_WORDING_MARK_ALL));

  /* The next row selected: its marks, the first row's gone. */
  gtk_single_selection_set_selected (tri_alignment_grid_get_selection (tri_window_get_grid (window)), 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (cell_has (en, "reportedly", PANGO_ATTR_STYLE, PANGO_STYLE_ITALIC));
  g_assert_true (cell_has (other, "Petrenko", PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_SINGLE));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-wording", NULL);
  g_assert_false (compare_wording_on (window));
  g_assert_cmpuint (n_attributes (other, PANGO_ATTR_UNDERLINE), ==, 0);
  g_assert_false (tri_segment_editor_has_word_mark (editor, 0, 0, TRI_WORDING_MARK_ALL));

  destroy_window (window);
}

/* A number another version does not have (13 for 12) is marked as
 * differing, and the tooltip says where. */
static void
test_number_differs (void)
{
  g_autoptr(TriWording) wording = tri_wording_new (3, languages);
  const char *row[] = { "They signed 12 agreements.", "Они подписали 13 соглашений.", "Вони підписали 12 угод." };
  g_autoptr(GArray) marks = NULL;
  g_autofree char *tooltip = NULL;
  gboolean differs = FALSE;

  while (!tri_wording_is_ready (wording))
    g_main_context_iteration (NULL, TRUE);
  marks = tri_wording_get_marks (wording, row, 0);
  g_assert_nonnull (marks);
  for (guint i = 0; i < marks->len; i++)
    {
      const TriWordingSpan *m = &g_array_index (marks, TriWordingSpan, i);

      if (m->start == (guint)(strstr (row[0], "12") - row[0]))
        differs = m->mark == TRI_WORDING_MARK_DIFFERS;
    }
  g_assert_true (differs);
  tooltip = tri_wording_dup_tooltip (wording, row, 0, (guint)(strstr (row[0], "12") - row[0]));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Not the same number in Russian"));
  g_assert_nonnull (strstr (tooltip, "Ukrainian: «12»"));
}

static TriWording *
new_wording_ready (void)
{
  TriWording *wording = tri_wording_new (3, languages);

  while (!tri_wording_is_ready (wording))
    g_main_context_iteration (NULL, TRUE);
  return wording;
}

/* The user's lexicon (the words of the rows they confirmed) links words
 * nothing else knows; the word aligner reads it when it is made. (The
 * Ukrainian adds «раптово»: with as many unlinked content words after the
 * last links, word order alone would pair blorp ↔ гнурк.) */
static void
test_user_lexicon (void)
{
  const char *row[] = { "Yesterday in Geneva the blorp failed at noon.", "Гнурк отказал вчера в полдень в Женеве.",
                        "Учора опівдні в Женеві гнурк раптово відмовив." };
  g_autoptr(TriUserLexicon) lexicon = tri_user_lexicon_new ("en", "ru");
  g_autofree char *path = tri_user_lexicon_default_path ("en", "ru");
  g_autoptr(GError) error = NULL;
  guint blorp = (guint)(strstr (row[0], "blorp") - row[0]);
  GArray *spans[3] = { NULL };

  {
    g_autoptr(TriWording) before = new_wording_ready ();

    g_assert_true (tri_wording_get_highlights (before, row, 0, blorp, spans));
    g_assert_cmpuint (spans[1]->len, ==, 0);
    for (guint c = 0; c < 3; c++)
      g_clear_pointer (&spans[c], g_array_unref);
  }

  tri_user_lexicon_add_row (lexicon, "The blorp is new.", "Гнурк новый.");
  tri_user_lexicon_add_row (lexicon, "Nobody saw the blorp.", "Никто не видел гнурк.");
  tri_user_lexicon_add_row (lexicon, "A blorp again.", "Снова гнурк.");
  g_assert_true (tri_user_lexicon_save (lexicon, path, &error));
  g_assert_no_error (error);

  {
    g_autoptr(TriWording) after = new_wording_ready ();

    g_assert_true (tri_wording_get_highlights (after, row, 0, blorp, spans));
    g_assert_cmpuint (spans[1]->len, ==, 2);
    g_assert_cmpuint (g_array_index (spans[1], gsize, 0), ==, 0);
    for (guint c = 0; c < 3; c++)
      g_clear_pointer (&spans[c], g_array_unref);
  }
  g_assert_cmpint (g_remove (path), ==, 0);
}

static gboolean
has_tag (GtkTextBuffer *buffer,
         int            offset,
         const char    *name)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name));
}

/* In the parallel text, the cursor on a word highlights its counterparts
 * in the other versions' texts. */
static void
test_parallel_view (void)
{
  TriWindow *window = open_report ();
  TriParallelView *view = tri_window_get_parallel_text (window);
  GtkTextBuffer *en, *ru, *uk;
  GtkTextIter iter;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.parallel-view", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  en = gtk_text_view_get_buffer (tri_parallel_view_get_view (view, 0));
  ru = gtk_text_view_get_buffer (tri_parallel_view_get_view (view, 1));
  uk = gtk_text_view_get_buffer (tri_parallel_view_get_view (view, 2));
  g_assert_false (has_tag (ru, char_offset (ru, "Петренко"), "wording-word"));

  gtk_text_buffer_get_iter_at_offset (en, &iter, char_offset (en, "Petrenko") + 1);
  gtk_text_buffer_place_cursor (en, &iter);
  g_assert_true (has_tag (en, char_offset (en, "Petrenko"), "wording-word"));
  g_assert_true (has_tag (ru, char_offset (ru, "Петренко"), "wording-word"));
  g_assert_true (has_tag (uk, char_offset (uk, "Петренком"), "wording-word"));
  g_assert_false (has_tag (ru, char_offset (ru, "Коваленко"), "wording-word"));

  destroy_window (window);
}

/* Every row is linked in the background before the pointer gets there,
 * and again after an edit changes a row. */
static void
test_prefetch (void)
{
  TriWindow *window = open_report ();
  TriAlignment *alignment = tri_window_get_alignment (window);
  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);
      g_auto(GStrv) cells = g_new0 (char *, 4);

      for (guint c = 0; c < 3; c++)
        cells[c] = tri_alignment_dup_cell_text (alignment, row, c);
      g_assert_true (tri_wording_has_row (tri_wording_controller_get_wording (tri_window_get_wording (window)), (const char * const *)cells));
    }

  /* The two rows merged: the new row linked too. */
  gtk_single_selection_set_selected (tri_alignment_grid_get_selection (tri_window_get_grid (window)), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 1);
  {
    g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), 0);
    g_auto(GStrv) cells = g_new0 (char *, 4);
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    TriSegmentCell *en;

    for (guint c = 0; c < 3; c++)
      cells[c] = tri_alignment_dup_cell_text (alignment, row, c);
    g_assert_false (tri_wording_has_row (tri_wording_controller_get_wording (tri_window_get_wording (window)), (const char * const *)cells));

    /* Pointed at before the thread linked it: nothing, the main loop does
     * not wait; then the highlight comes by itself. */
    while ((en = find_cell (window, "Minister")) == NULL || strstr (tri_segment_cell_get_text (en), "Petrenko") == NULL)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
      }
    tri_wording_controller_hover_word (tri_window_get_wording (window), 0, 0, byte_offset (en, "Petrenko"));
    g_assert_cmpuint (n_attributes (en, PANGO_ATTR_BACKGROUND), ==, 0);
    while (!tri_wording_has_row (tri_wording_controller_get_wording (tri_window_get_wording (window)), (const char * const *)cells))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    /* The refresh is handed to the main loop: it comes, within the
     * deadline (the grid may have bound the row to another cell widget
     * meanwhile: it is looked up again). */
    while ((en = find_cell (window, "Minister")) == NULL ||
           !cell_has (en, "Petrenko", PANGO_ATTR_BACKGROUND, -1))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_assert_true (cell_has (find_cell (window, "Министр"), "Петренко", PANGO_ATTR_BACKGROUND, -1));
  }

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  {
    /* Recent files, autosaves and user settings of our own. */
    g_autofree char *state = g_dir_make_tmp ("triptych-wording-XXXXXX", NULL);
    g_autofree char *data = g_build_filename (state, "data", NULL);
    g_autofree char *config = g_build_filename (state, "config", NULL);

    g_assert_nonnull (state);
    g_setenv ("XDG_STATE_HOME", state, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  }

  if (!gtk_init_check ())
    {
      g_test_skip ("no display; run the ui suite under xvfb-run (build-aux/dev test does)");
      return g_test_run ();
    }
  adw_init ();

  app = tri_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/wording/hover", test_hover);
  g_test_add_func ("/wording/strip-cursor", test_strip_cursor);
  g_test_add_func ("/wording/compare-mode", test_compare_mode);
  g_test_add_func ("/wording/number-differs", test_number_differs);
  g_test_add_func ("/wording/prefetch", test_prefetch);
  g_test_add_func ("/wording/parallel-view", test_parallel_view);
  g_test_add_func ("/wording/user-lexicon", test_user_lexicon);

  return g_test_run ();
}

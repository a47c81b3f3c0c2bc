/* test-window.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <signal.h>
#include <string.h>

#include "tri-application.h"
#include "tri-autosave.h"
#include "tri-checks-panel.h"
#include "tri-export-dialog.h"
#include "tri-project.h"
#include "tri-row-view.h"
#include "tri-segment-cell.h"
#include "tri-test-utils.h"
#include "tri-user-lexicon.h"
#include "tri-window.h"

static TriApplication *app;

/* Runs the main loop until @done returns TRUE, for at most thirty seconds
 * (the checks and the background word linking share two loaded cores in
 * CI with the other suites). */
static void
wait_until_at (gboolean   (*done) (gpointer),
               gpointer     data,
               const char  *what,
               int          line)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Line %d: waited 30 s for %s", line, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

#define wait_until(done, data) wait_until_at ((done), (data), #done, __LINE__)

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (TRI_IS_SEGMENT_CELL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (cells, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

static gboolean
has_cells (gpointer data)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (GTK_WIDGET (data), cells);
  return cells->len > 0;
}

/* The cells the user sees: mapped, with a size, inside the grid's
 * viewport. */
static GPtrArray *
visible_cells (TriWindow *window)
{
  GtkWidget *view = tri_window_get_view (window);
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GPtrArray *visible = g_ptr_array_new ();

  collect_cells (view, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      graphene_rect_t bounds;

      if (gtk_widget_get_width (cell) > 0 && gtk_widget_get_height (cell) > 0 &&
          gtk_widget_compute_bounds (cell, scroller, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (scroller))
        g_ptr_array_add (visible, cell);
    }
  return visible;
}

/* Whether a cell's text carries the red wavy underline. */
static gboolean
cell_underlined (GtkWidget *cell)
{
  PangoAttrList *attrs = tri_segment_cell_get_attributes (TRI_SEGMENT_CELL (cell));
  g_autoptr(GSList) list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  gboolean found = FALSE;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      found |= attr->klass->type == PANGO_ATTR_UNDERLINE &&
               ((PangoAttrInt *)attr)->value == PANGO_UNDERLINE_ERROR;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify)pango_attribute_destroy);
  return found;
}

static gboolean
not_busy (gpointer data)
{
  return !tri_window_get_busy (TRI_WINDOW (data));
}

/* Whether some mapped cell shows exactly @text. */
static gboolean
grid_shows (TriWindow  *window,
            const char *text)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (tri_window_get_view (window), cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (tri_segment_cell_get_text (g_ptr_array_index (cells, i)), text) == 0)
      return TRUE;
  return FALSE;
}

static const char *
column_title (TriWindow *window,
              guint      index)
{
  /* Index 0 is the numbers' column. */
  return tri_row_view_get_column_title (TRI_ROW_VIEW (tri_window_get_view (window)), index);
}

static TriWindow *
new_window (void)
{
  TriWindow *window = tri_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* Answers the dialog shown, as its button does: the response, then it
 * closes. */
static void
respond (const char *response)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  /* The response may close its window: the dialog goes first. */
  g_object_ref (dialog);
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static gboolean
shows_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static guint
n_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += TRI_IS_WINDOW (l->data);
  return n;
}

static void
destroy_window (TriWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_sample (void)
{
  TriWindow *window = new_window ();
  TriAlignment *alignment;
  g_autofree char *first_en = NULL;
  g_autofree char *first_ru = NULL;
  g_autofree char *first_uk = NULL;

  tri_window_open_sample (window);
  alignment = tri_window_get_alignment (window);
  g_assert_nonnull (alignment);
  g_assert_cmpuint (tri_alignment_get_n_columns (alignment), ==, 3);

  /* Row numbers, then the three languages named by ICU in the UI language. */
  g_assert_cmpuint (tri_row_view_get_n_columns (TRI_ROW_VIEW (tri_window_get_view (window))), ==, 4);
  g_assert_cmpstr (column_title (window, 1), ==, "English");
  g_assert_cmpstr (column_title (window, 2), ==, "Russian");
  g_assert_cmpstr (column_title (window, 3), ==, "Ukrainian");


  /* It is aligned in the background: the Russian version splits the third
   * sentence in two, and the Ukrainian leaves one out. */
  g_assert_true (tri_window_get_busy (window));
  wait_until (not_busy, window);
  g_assert_true (tri_alignment_get_aligned (alignment));
  {
    g_autoptr(TriRow) third = g_list_model_get_item (G_LIST_MODEL (alignment), 2);
    guint omitted = 0;

    g_assert_cmpuint (tri_row_get_count (third, 0), ==, 1);
    g_assert_cmpuint (tri_row_get_count (third, 1), ==, 2);
    g_assert_cmpuint (tri_row_get_count (third, 2), ==, 1);

    for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (alignment)); r++)
      {
        g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

        if (tri_row_get_count (row, 2) == 0)
          {
            omitted++;
            g_assert_cmpuint (tri_row_get_count (row, 0), ==, 1);
            g_assert_cmpuint (tri_row_get_count (row, 1), ==, 1);
            /* An omission is for the user to confirm. */
            g_assert_true (tri_row_get_needs_review (row));
          }
      }
    g_assert_cmpuint (omitted, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 31);
    g_assert_cmpuint (tri_alignment_get_n_review (alignment), >=, 1);
  }

  /* The cells on screen show the sample's headline in each language. */
  wait_until (has_cells, window);
  first_en = tri_document_dup_sentence_text (tri_alignment_get_document (alignment, 0), 0);
  first_ru = tri_document_dup_sentence_text (tri_alignment_get_document (alignment, 1), 0);
  first_uk = tri_document_dup_sentence_text (tri_alignment_get_document (alignment, 2), 0);
  g_assert_true (g_str_has_prefix (first_en, "Geneva talks"));
  g_assert_true (grid_shows (window, first_en));
  g_assert_true (grid_shows (window, first_ru));
  g_assert_true (grid_shows (window, first_uk));

  destroy_window (window);
}

static void
test_open_files (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  const char *en = "Talks resume in Geneva\n\nThe delegations met on Monday. Mr. Hrytsenko spoke first.\n";
  const char *ru = "Переговоры возобновились в Женеве\n\nДелегации встретились в понедельник. Первым выступил г-н Гриценко.\n";
  const char *uk = "Перемовини відновилися в Женеві\n\nДелегації зустрілися в понеділок. Першим виступив пан Гриценко, який обʼєднав позиції.\n";
  g_autofree char *ru_bytes = NULL;
  g_autofree char *uk_bytes = NULL;
  g_autofree char *en_path = NULL, *ru_path = NULL, *uk_path = NULL;
  gsize ru_len, uk_len;
  GFile *files[3];
  TriWindow *window = new_window ();
  TriAlignment *alignment;

  ru_bytes = tri_test_convert (ru, "WINDOWS-1251", &ru_len);
  uk_bytes = tri_test_convert (uk, "UTF-16", &uk_len);
  en_path = tri_test_write_file (dir, "report-en.txt", en, -1);
  ru_path = tri_test_write_file (dir, "report-ru.txt", ru_bytes, (gssize)ru_len);
  uk_path = tri_test_write_file (dir, "report-uk.txt", uk_bytes, (gssize)uk_len);

  /* Given in any order, with languages guessed, shown as en · ru · uk. */
  files[0] = g_file_new_for_path (uk_path);
  files[1] = g_file_new_for_path (en_path);
  files[2] = g_file_new_for_path (ru_path);
  tri_window_open_files (window, files, NULL, 3, NULL, TRI_PARAGRAPH_BLANK_LINES);
  g_assert_true (tri_window_get_busy (window));
  wait_until (not_busy, window);

  alignment = tri_window_get_alignment (window);
  g_assert_nonnull (alignment);
  g_assert_cmpuint (tri_alignment_get_n_columns (alignment), ==, 3);
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (alignment, 0)), ==, "en");
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (alignment, 1)), ==, "ru");
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (alignment, 2)), ==, "uk");
  g_assert_cmpstr (tri_document_get_encoding (tri_alignment_get_document (alignment, 1)), ==, "windows-1251");
  g_assert_cmpstr (column_title (window, 2), ==, "Russian");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 3);

  wait_until (has_cells, window);
  g_assert_true (grid_shows (window, "Mr. Hrytsenko spoke first."));
  g_assert_true (grid_shows (window, "Первым выступил г-н Гриценко."));
  g_assert_true (grid_shows (window, "Першим виступив пан Гриценко, який обʼєднав позиції."));

  /* Changing a column's language re-titles it and keeps the rows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "column.language-2", "s", "be");
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (alignment, 2)), ==, "be");
  g_assert_cmpstr (column_title (window, 3), ==, "Belarusian");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 3);

  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  destroy_window (window);
  tri_test_rm_rf (dir);
}

/* The window's drop target (on its start page and grid), if any. */
static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropTarget *found = find_drop_target (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
drop_target_allocated (gpointer target)
{
  return gtk_widget_get_width (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target))) > 0;
}

static gboolean
drop_files (GtkDropTarget *target,
            GFile        **files,
            gsize          n_files,
            double         x)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  g_signal_emit_by_name (target, "drop", &value, x, 10.0, &accepted);
  return accepted;
}

/* Files dropped on the start page open side by side; one file dropped on
 * a column of the grid replaces that column's version. */
static void
test_drop_files (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *en_path = tri_test_write_file (dir, "talks-en.txt", "The delegations met on Monday. They agreed on a timetable.\n", -1);
  g_autofree char *ru_path = tri_test_write_file (dir, "talks-ru.txt", "Делегации встретились в понедельник. Они согласовали график.\n", -1);
  g_autofree char *uk_path = tri_test_write_file (dir, "talks-uk.txt", "Делегації зустрілися в понеділок. Вони погодили графік.\n", -1);
  GFile *files[2] = { g_file_new_for_path (ru_path), g_file_new_for_path (en_path) };
  GFile *uk = g_file_new_for_path (uk_path);
  TriWindow *window = new_window ();
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  TriAlignment *alignment;
  int width;

  g_assert_nonnull (target);
  g_assert_true (drop_files (target, files, 2, 300));
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);
  g_assert_nonnull (alignment);
  g_assert_cmpuint (tri_alignment_get_n_columns (alignment), ==, 2);
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (alignment, 0)), ==, "en");

  /* On the second column (the row numbers, then two equal columns). */
  wait_until (has_cells, window);
  wait_until (drop_target_allocated, target);
  width = gtk_widget_get_width (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  g_assert_true (drop_files (target, &uk, 1, width - 20));
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);
  g_assert_cmpuint (tri_alignment_get_n_columns (alignment), ==, 2);
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (alignment, 0)), ==, "en");
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (alignment, 1)), ==, "uk");

  for (guint i = 0; i < 2; i++)
    g_object_unref (files[i]);
  g_object_unref (uk);
  destroy_window (window);
  tri_test_rm_rf (dir);
}

/* The label in @widget's tree whose text starts with @prefix. */
static const char *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A report as a web page, DOCX, ODT and PDF (tests/data): each opens with
 * its headline a row of its own, no page furniture, and the status bar
 * saying the format and the paragraphs. */
static void
test_documents (void)
{
  static const char *const kinds[][3] = {
    { "news-", ".html", "HTML" }, { "report-", ".docx", "DOCX" },
    { "report-", ".odt", "ODT" }, { "report-", ".pdf", "PDF" },
  };
  static const char *const langs[] = { "en", "ru", "uk" };

  for (guint f = 0; f < G_N_ELEMENTS (kinds); f++)
    {
      TriWindow *window = new_window ();
      GFile *files[3];
      TriAlignment *alignment;
      g_autofree char *prefix = g_strconcat (kinds[f][0], "ru", kinds[f][1], NULL);
      g_autofree char *expected = g_strconcat (prefix, " · ", kinds[f][2], " · 15 paragraphs · 17 sentences", NULL);

      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *name = g_strconcat (kinds[f][0], langs[k], kinds[f][1], NULL);
          g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

          files[k] = g_file_new_for_path (path);
        }
      tri_window_open_files (window, files, NULL, 3, NULL, TRI_PARAGRAPH_BLANK_LINES);
      wait_until (not_busy, window);

      alignment = tri_window_get_alignment (window);
      g_assert_nonnull (alignment);
      g_assert_cmpuint (tri_alignment_get_n_columns (alignment), ==, 3);
      /* headline, standfirst, 2 headings, 7 body sentences, 3 list items, 4 cells */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 17);
      g_assert_cmpint (tri_document_get_format (tri_alignment_get_document (alignment, 1)), !=, TRI_FORMAT_TEXT);

      wait_until (has_cells, window);
      g_assert_true (grid_shows (window, "Министры договорились о новом зерновом коридоре"));
      g_assert_true (grid_shows (window, "Ministers agree on a new grain corridor"));
      g_assert_false (grid_shows (window, "Related stories"));
      g_assert_nonnull (find_label (GTK_WIDGET (window), expected));

      for (guint k = 0; k < 3; k++)
        g_object_unref (files[k]);
      destroy_window (window);
    }
}

static gboolean
pasted (gpointer data)
{
  return tri_window_get_alignment (TRI_WINDOW (data)) != NULL && not_busy (data);
}

static gboolean
column_pasted (gpointer data)
{
  TriAlignment *alignment = tri_window_get_alignment (TRI_WINDOW (data));

  return alignment != NULL && not_busy (data) &&
         tri_document_get_format (tri_alignment_get_document (alignment, 0)) == TRI_FORMAT_HTML;
}

/* A web page copied from a browser: Ctrl+V on the start page opens it,
 * with its headline and paragraphs and without its menu; "Paste as
 * Version" replaces a column with the clipboard's text/html rather than
 * its text/plain. */
static void
test_paste (void)
{
  static const char html[] =
    "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>"
    "<h1>Talks resume in Geneva</h1><p>The delegations met on Monday. Mr. Hrytsenko spoke first.</p>"
    "<div class=share-bar><a href=#f>Share</a> <a href=#x>Post</a></div></body></html>";
  static const char plain[] = "Talks resume in Geneva The delegations met on Monday. Mr. Hrytsenko spoke first.";
  static const char ru[] =
    "Переговоры возобновились в Женеве\n\nДелегации встретились в понедельник. Первым выступил г-н Гриценко.\n";
  TriWindow *window = new_window ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autoptr(GBytes) html_bytes = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr(GBytes) plain_bytes = g_bytes_new_static (plain, sizeof plain - 1);
  g_autoptr(GBytes) ru_bytes = g_bytes_new_static (ru, sizeof ru - 1);
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) page = NULL, text = NULL;
  TriAlignment *alignment;
  TriDocument *doc;

  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", plain_bytes);
  page = gdk_content_provider_new_union (providers, 2);

  /* On the start page. */
  text = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", ru_bytes);
  gdk_clipboard_set_content (clipboard, text);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL);
  wait_until (pasted, window);
  alignment = tri_window_get_alignment (window);
  g_assert_cmpuint (tri_alignment_get_n_columns (alignment), ==, 1);
  doc = tri_alignment_get_document (alignment, 0);
  g_assert_cmpstr (tri_document_get_language (doc), ==, "ru");
  g_assert_cmpuint (tri_document_get_n_paragraphs (doc), ==, 2);
  g_assert_cmpint (tri_document_get_format (doc), ==, TRI_FORMAT_TEXT);

  /* Into column 0, from the column menu: the page, not its plain text. */
  gdk_clipboard_set_content (clipboard, page);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-version", "u", 0);
  wait_until (column_pasted, window);
  alignment = tri_window_get_alignment (window);
  doc = tri_alignment_get_document (alignment, 0);
  g_assert_cmpstr (tri_document_get_text (doc), ==,
                   "Talks resume in Geneva\n\nThe delegations met on Monday. Mr. Hrytsenko spoke first.\n");
  g_assert_cmpuint (tri_document_get_n_sentences (doc), ==, 3);
  g_assert_cmpstr (tri_document_get_title (doc), ==, "Pasted web page");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Pasted web page · HTML · 2 paragraphs · 3 sentences"));

  destroy_window (window);
}

static void
test_two_files_and_bad_file (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0 };
  g_autofree char *en_path = tri_test_write_file (dir, "en.txt", "One sentence. Two sentences.\n", -1);
  g_autofree char *uk_path = tri_test_write_file (dir, "uk.txt", "Це перше речення. Ось друге. Третє речення.\n", -1);
  g_autofree char *png_path = tri_test_write_file (dir, "photo.png", png, sizeof png);
  GFile *files[3];
  TriWindow *window = new_window ();
  TriAlignment *alignment;

  files[0] = g_file_new_for_path (en_path);
  files[1] = g_file_new_for_path (png_path);
  files[2] = g_file_new_for_path (uk_path);
  tri_window_open_files (window, files, NULL, 3, NULL, TRI_PARAGRAPH_BLANK_LINES);
  wait_until (not_busy, window);

  /* The picture is refused (in a toast); the two texts open side by side. */
  alignment = tri_window_get_alignment (window);
  g_assert_nonnull (alignment);
  g_assert_cmpuint (tri_alignment_get_n_columns (alignment), ==, 2);
  /* Every sentence of both is in exactly one row, in order. */
  {
    guint next[2] = { 0, 0 };

    for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (alignment)); r++)
      {
        g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

        for (guint c = 0; c < 2; c++)
          {
            if (tri_row_get_count (row, c) > 0)
              g_assert_cmpuint (tri_row_get_first (row, c), ==, next[c]);
            next[c] += tri_row_get_count (row, c);
          }
      }
    g_assert_cmpuint (next[0], ==, 2);
    g_assert_cmpuint (next[1], ==, 3);
  }
  g_assert_cmpstr (column_title (window, 2), ==, "Ukrainian");

  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  destroy_window (window);
  tri_test_rm_rf (dir);
}

static void
test_reopen_with_encoding (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  const char *ru = "Переговоры в Женеве продолжатся завтра. Делегации согласовали повестку.\n";
  g_autofree char *bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wrong = NULL;
  gsize length;
  GFile *file;
  TriWindow *window = new_window ();
  TriDocument *doc;

  bytes = tri_test_convert (ru, "KOI8-R", &length);
  path = tri_test_write_file (dir, "report_ru.txt", bytes, (gssize)length);
  file = g_file_new_for_path (path);

  tri_window_open_files (window, &file, NULL, 1, NULL, TRI_PARAGRAPH_BLANK_LINES);
  wait_until (not_busy, window);
  doc = tri_alignment_get_document (tri_window_get_alignment (window), 0);
  g_assert_cmpstr (tri_document_get_encoding (doc), ==, "KOI8-R");
  g_assert_true (tri_document_get_encoding_detected (doc));

  /* The user overrides detection: the file is read again in that encoding. */
  gtk_widget_activate_action (GTK_WIDGET (window), "column.encoding-0", "s", "windows-1251");
  wait_until (not_busy, window);
  doc = tri_alignment_get_document (tri_window_get_alignment (window), 0);
  g_assert_cmpstr (tri_document_get_encoding (doc), ==, "windows-1251");
  g_assert_false (tri_document_get_encoding_detected (doc));
  g_assert_cmpstr (tri_document_get_language (doc), ==, "ru");
  wrong = g_convert (bytes, (gssize)length, "UTF-8", "WINDOWS-1251", NULL, NULL, NULL);
  g_assert_cmpstr (tri_document_get_text (doc), ==, wrong);

  /* And back to detection. */
  gtk_widget_activate_action (GTK_WIDGET (window), "column.encoding-0", "s", "");
  wait_until (not_busy, window);
  doc = tri_alignment_get_document (tri_window_get_alignment (window), 0);
  g_assert_cmpstr (tri_document_get_text (doc), ==, ru);

  g_object_unref (file);
  destroy_window (window);
  tri_test_rm_rf (dir);
}

static guint
n_rows (TriWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_alignment (window)));
}

static GtkSingleSelection *
grid_selection (TriWindow *window)
{
  return tri_alignment_grid_get_selection (tri_window_get_grid (window));
}

static void
test_editing (void)
{
  static const char *lexicon_pairs[][2] = { { "en", "ru" }, { "en", "uk" }, { "ru", "uk" } };
  TriWindow *window = new_window ();
  TriAlignment *alignment;
  g_autoptr(GError) error = NULL;
  guint learnt[G_N_ELEMENTS (lexicon_pairs)];
  guint rows;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);
  rows = n_rows (window);

  /* Merge the third row with the fourth, then undo and redo. */
  gtk_single_selection_set_selected (grid_selection (window), 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows - 1);
  g_assert_true (tri_alignment_check (alignment, &error));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows - 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  /* Split the Russian cell of the third row (two sentences), in the
   * current column chosen with Alt+2's action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.column", "u", 1);
  gtk_single_selection_set_selected (grid_selection (window), 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.split", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows + 1);
  {
    g_autoptr(TriRow) third = g_list_model_get_item (G_LIST_MODEL (alignment), 2);
    g_autoptr(TriRow) fourth = g_list_model_get_item (G_LIST_MODEL (alignment), 3);

    g_assert_cmpuint (tri_row_get_count (third, 1), ==, 1);
    g_assert_cmpuint (tri_row_get_count (fourth, 1), ==, 1);
    g_assert_cmpuint (tri_row_get_count (fourth, 0), ==, 0);
  }
  /* The cursor followed the new row. */
  g_assert_cmpuint (gtk_single_selection_get_selected (grid_selection (window)), ==, 3);
  /* Move the Russian sentence back up: the emptied row goes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "segment.move-up", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows);
  g_assert_true (tri_alignment_check (alignment, &error));

  /* Confirm the first row and go on; confirm down to the fifth. */
  for (guint k = 0; k < G_N_ELEMENTS (lexicon_pairs); k++)
    {
      g_autofree char *path = tri_user_lexicon_default_path (lexicon_pairs[k][0], lexicon_pairs[k][1]);
      g_autoptr(TriUserLexicon) lexicon = tri_user_lexicon_load (path, NULL);

      learnt[k] = lexicon != NULL ? tri_user_lexicon_get_n_rows (lexicon) : 0;
    }
  gtk_single_selection_set_selected (grid_selection (window), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm", NULL);
  g_assert_cmpuint (tri_alignment_get_n_confirmed (alignment), ==, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (grid_selection (window)), ==, 1);
  gtk_single_selection_set_selected (grid_selection (window), 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm-through", NULL);
  g_assert_cmpuint (tri_alignment_get_n_confirmed (alignment), ==, 5);

  /* The confirmed rows went into the user's lexicon of every pair, each
   * once, for the aligner from now on (saved a moment later; now). */
  tri_user_lexicon_flush ();
  for (guint k = 0; k < G_N_ELEMENTS (lexicon_pairs); k++)
    {
      g_autofree char *path = tri_user_lexicon_default_path (lexicon_pairs[k][0], lexicon_pairs[k][1]);
      g_autoptr(TriUserLexicon) lexicon = tri_user_lexicon_load (path, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (tri_user_lexicon_get_n_rows (lexicon), ==, learnt[k] + 5);
    }

  /* The row to review (the Ukrainian omission) is one F8 away. */
  gtk_single_selection_set_selected (grid_selection (window), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.next-review", NULL);
  {
    guint at = gtk_single_selection_get_selected (grid_selection (window));
    g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), at);

    g_assert_true (tri_row_get_needs_review (row));
    g_assert_cmpuint (tri_row_get_count (row, 2), ==, 0);
  }

  /* Search: Ctrl+F, a word in Ukrainian, the next match selected. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  {
    GtkWidget *entry = gtk_window_get_focus (GTK_WINDOW (window));

    g_assert_true (GTK_IS_TEXT (entry) || GTK_IS_SEARCH_ENTRY (entry));
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY) != NULL
                                         ? gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY) : entry),
                           "Грищенко");
  }
  gtk_single_selection_set_selected (grid_selection (window), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  {
    guint at = gtk_single_selection_get_selected (grid_selection (window));
    g_autofree char *uk = NULL;
    g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), at);

    uk = tri_alignment_dup_cell_text (alignment, row, 2);
    g_assert_nonnull (strstr (uk, "Грищенко"));
  }

  /* Replace: Ctrl+H goes to the replacement field; replacing every match
   * is one change to undo. */
  {
    TriDocument *uk = tri_alignment_get_document (alignment, 2);
    g_autofree char *original = g_strdup (tri_document_get_text (uk));
    GtkWidget *focus;
    GtkWidget *entry;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.find-replace", NULL);
    focus = gtk_window_get_focus (GTK_WINDOW (window));
    entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Грищенко-Іваненко");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.replace-all", NULL);
    g_assert_null (strstr (tri_document_get_text (uk), "Грищенко "));
    g_assert_nonnull (strstr (tri_document_get_text (uk), "Грищенко-Іваненко"));
    g_assert_true (tri_alignment_check (alignment, &error));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpstr (tri_document_get_text (uk), ==, original);

    /* Return in the field: this row's matches, then on to the next. */
    gtk_single_selection_set_selected (grid_selection (window), 0);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
    {
      guint at = gtk_single_selection_get_selected (grid_selection (window));
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), at);
      g_autofree char *cell = NULL;

      g_signal_emit_by_name (entry, "activate");
      g_object_unref (row);
      row = g_list_model_get_item (G_LIST_MODEL (alignment), at);
      cell = tri_alignment_dup_cell_text (alignment, row, 2);
      g_assert_nonnull (strstr (cell, "Грищенко-Іваненко"));
      g_assert_true (tri_alignment_can_undo (alignment));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      g_assert_cmpstr (tri_document_get_text (uk), ==, original);
    }
  }

  /* Join the Russian split back into one sentence: Ctrl+J's action on the
   * third row in the Russian column. */
  {
    TriDocument *ru = tri_alignment_get_document (alignment, 1);
    guint before = tri_document_get_n_sentences (ru);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.column", "u", 1);
    gtk_single_selection_set_selected (grid_selection (window), 2);
    gtk_widget_activate_action (GTK_WIDGET (window), "segment.join", NULL);
    g_assert_cmpuint (tri_document_get_n_sentences (ru), ==, before - 1);
    g_assert_true (tri_alignment_check (alignment, &error));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpuint (tri_document_get_n_sentences (ru), ==, before);
  }

  /* Realign from here down keeps the confirmed rows and the sentences. */
  gtk_single_selection_set_selected (grid_selection (window), 5);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.realign", NULL);
  wait_until (not_busy, window);
  g_assert_true (tri_alignment_check (alignment, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tri_alignment_get_n_confirmed (alignment), ==, 5);
  g_assert_true (tri_alignment_can_undo (alignment));

  destroy_window (window);
}

static gboolean
ru_has_one_more (gpointer data)
{
  TriAlignment *alignment = tri_window_get_alignment (TRI_WINDOW (data));
  guint before = GPOINTER_TO_UINT (g_object_get_data (data, "before"));

  return tri_document_get_n_sentences (tri_alignment_get_document (alignment, 1)) == before + 1;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The editor strip under the grid: Return puts the cursor in the current
 * column's view; its lines are the cell's sentences; typing reaches the
 * model after a pause, or at once when the row changes; undo is the
 * model's. */
static void
test_editor_strip (void)
{
  TriWindow *window = new_window ();
  TriSegmentEditor *editor = tri_window_get_editor (window);
  TriAlignment *alignment;
  TriDocument *ru;
  GtkTextBuffer *buffer;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriRow) row = NULL;
  g_autofree char *original = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *typed = NULL;
  guint before;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);
  ru = tri_alignment_get_document (alignment, 1);
  original = g_strdup (tri_document_get_text (ru));
  before = tri_document_get_n_sentences (ru);
  g_object_set_data (G_OBJECT (window), "before", GUINT_TO_POINTER (before));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.column", "u", 1);
  gtk_single_selection_set_selected (grid_selection (window), 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "segment.edit", NULL);
  g_assert_cmpint (tri_segment_editor_get_focus_column (editor), ==, 1);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, 2);

  /* The Russian cell of the third row holds two sentences: two lines. */
  row = g_list_model_get_item (G_LIST_MODEL (alignment), 2);
  g_assert_cmpuint (tri_row_get_count (row, 1), ==, 2);
  buffer = tri_segment_editor_get_buffer (editor, 1);
  shown = buffer_text (buffer);
  {
    g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);
    g_autofree char *first = tri_document_dup_sentence_text (ru, tri_row_get_first (row, 1));
    g_autofree char *second = tri_document_dup_sentence_text (ru, tri_row_get_first (row, 1) + 1);

    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    g_assert_cmpstr (lines[0], ==, first);
    g_assert_cmpstr (lines[1], ==, second);
  }

  /* A third line is a third sentence, in the model after a pause. */
  typed = g_strconcat (shown, "\nПереговоры продолжатся завтра.", NULL);
  gtk_text_buffer_set_text (buffer, typed, -1);
  g_assert_cmpuint (tri_document_get_n_sentences (ru), ==, before);
  wait_until (ru_has_one_more, window);
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (alignment), 2);
  g_assert_cmpuint (tri_row_get_count (row, 1), ==, 3);
  g_assert_nonnull (strstr (tri_document_get_text (ru), "Переговоры продолжатся завтра."));
  g_assert_true (tri_alignment_check (alignment, &error));

  /* Ctrl+Shift+M with the cursor on the third line splits the row before
   * the third sentence. */
  {
    GtkTextIter third;

    gtk_text_buffer_get_iter_at_line (buffer, &third, 2);
    gtk_text_buffer_place_cursor (buffer, &third);
    tri_segment_editor_focus_column (editor, 1);
    gtk_text_buffer_get_iter_at_line (buffer, &third, 2);
    gtk_text_buffer_place_cursor (buffer, &third);
    g_assert_cmpint (tri_segment_editor_get_cursor_sentence (editor, 1), ==, 2);
    gtk_widget_activate_action (GTK_WIDGET (window), "align.split", NULL);
    g_clear_object (&row);
    row = g_list_model_get_item (G_LIST_MODEL (alignment), 2);
    g_assert_cmpuint (tri_row_get_count (row, 1), ==, 2);
    g_clear_object (&row);
    row = g_list_model_get_item (G_LIST_MODEL (alignment), 3);
    g_assert_cmpuint (tri_row_get_count (row, 1), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    gtk_single_selection_set_selected (grid_selection (window), 2);
  }

  /* Undo is the model's, and the view follows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (tri_document_get_text (ru), ==, original);
  g_free (typed);
  typed = buffer_text (buffer);
  g_assert_cmpstr (typed, ==, shown);

  /* Typing then moving to another row: the words land in the row typed
   * in, at once. Joining the two lines joins the two sentences. */
  {
    g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);
    g_autofree char *joined = g_strjoin (" ", lines[0], lines[1], NULL);

    gtk_text_buffer_set_text (buffer, joined, -1);
    gtk_single_selection_set_selected (grid_selection (window), 5);
    g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, 5);
    g_assert_cmpuint (tri_document_get_n_sentences (ru), ==, before - 1);
    g_clear_object (&row);
    row = g_list_model_get_item (G_LIST_MODEL (alignment), 2);
    g_assert_cmpuint (tri_row_get_count (row, 1), ==, 1);
    g_free (cell);
    cell = tri_alignment_dup_cell_text (alignment, row, 1);
    g_assert_cmpstr (cell, ==, joined);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpstr (tri_document_get_text (ru), ==, original);
  }

  /* Another action commits what was typed first: a new word, then
   * confirm; two steps to undo. */
  {
    g_autofree char *now = buffer_text (tri_segment_editor_get_buffer (editor, 0));
    g_autofree char *changed = g_strconcat (now, " Indeed.", NULL);
    TriDocument *en = tri_alignment_get_document (alignment, 0);
    g_autofree char *en_original = g_strdup (tri_document_get_text (en));

    gtk_text_buffer_set_text (tri_segment_editor_get_buffer (editor, 0), changed, -1);
    gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm", NULL);
    g_assert_nonnull (strstr (tri_document_get_text (en), " Indeed."));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpstr (tri_document_get_text (en), ==, en_original);
  }

  destroy_window (window);
}

/* The alignment's index of the grid's selected row. */
static guint
selected_row (TriWindow *window)
{
  g_autoptr(TriRow) item = gtk_single_selection_get_selected_item (grid_selection (window))
                             ? g_object_ref (gtk_single_selection_get_selected_item (grid_selection (window)))
                             : NULL;
  TriAlignment *alignment = tri_window_get_alignment (window);

  for (guint r = 0; item != NULL && r < n_rows (window); r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

      if (row == item)
        return r;
    }
  return G_MAXUINT;
}

/* Narrowing the grid to unconfirmed rows: confirmed rows leave it, the
 * edits act on the row the cursor shows, a row it does not show brings
 * every row back. */
static void
test_filters (void)
{
  TriWindow *window = new_window ();
  TriAlignment *alignment;
  GListModel *grid;
  g_autoptr(GError) error = NULL;
  g_autofree char *filter = NULL;
  guint rows, at;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);
  grid = G_LIST_MODEL (grid_selection (window));
  rows = n_rows (window);

  /* Confirm the first five rows, from the fifth. */
  gtk_single_selection_set_selected (grid_selection (window), 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm-through", NULL);
  g_assert_cmpuint (tri_alignment_get_n_confirmed (alignment), ==, 5);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter", "s", "unconfirmed");
  g_object_get (window, "row-filter", &filter, NULL);
  g_assert_cmpstr (filter, ==, "unconfirmed");
  g_assert_cmpuint (g_list_model_get_n_items (grid), ==, rows - 5);
  for (guint i = 0; i < g_list_model_get_n_items (grid); i++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (grid, i);

      g_assert_false (tri_row_get_confirmed (row));
    }
  /* The cursor stays on the row after the confirmed ones. */
  g_assert_cmpuint (selected_row (window), ==, 5);

  /* Confirming the row takes it out of the grid; the cursor goes on to
   * the next unconfirmed row. */
  gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (grid), ==, rows - 6);
  g_assert_cmpuint (selected_row (window), ==, 6);

  /* An edit acts on the row shown under the cursor, not on the row with
   * that position in the alignment. */
  at = selected_row (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows - 1);
  g_assert_true (tri_alignment_check (alignment, &error));
  g_assert_cmpuint (selected_row (window), ==, at);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows);
  g_assert_cmpuint (g_list_model_get_n_items (grid), ==, rows - 6);

  /* Going to a row the grid does not show (a bookmark on a confirmed row)
   * shows every row. */
  gtk_single_selection_set_selected (grid_selection (window), 0);
  g_assert_cmpuint (selected_row (window), ==, 6);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter", "s", "all");
  gtk_single_selection_set_selected (grid_selection (window), 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.bookmark", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter", "s", "unconfirmed");
  gtk_widget_activate_action (GTK_WIDGET (window), "align.next-bookmark", NULL);
  g_free (filter);
  g_object_get (window, "row-filter", &filter, NULL);
  g_assert_cmpstr (filter, ==, "all");
  g_assert_cmpuint (selected_row (window), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (grid), ==, rows);

  destroy_window (window);
}

static gboolean
parallel_settled (gpointer data)
{
  TriParallelView *view = tri_window_get_parallel_text (TRI_WINDOW (data));

  return !g_main_context_pending (NULL) && tri_parallel_view_get_row (view) != G_MAXUINT;
}

/* The text highlighted in @column of the parallel view. */
static char *
parallel_highlight (TriParallelView *view,
                    guint            column)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (tri_parallel_view_get_view (view, column));
  GtkTextIter start, end;
  int a, b;

  if (!tri_parallel_view_get_highlight (view, column, &a, &b))
    return NULL;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, a);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, b);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* F4 shows the versions as whole texts: the selected row's sentences are
 * under the cursor and highlighted in every version; moving the cursor
 * moves the grid's; edits show at once; back in the grid, the cursor is
 * on the row last read. */
static void
test_parallel_view (void)
{
  TriWindow *window = new_window ();
  TriParallelView *view = tri_window_get_parallel_text (window);
  TriAlignment *alignment;
  GtkTextBuffer *en;
  GtkTextIter iter;
  g_autoptr(TriRow) row = NULL;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.column", "u", 1);
  gtk_single_selection_set_selected (grid_selection (window), 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.parallel-view", NULL);
  g_assert_true (tri_window_get_parallel_view (window));
  wait_until (parallel_settled, window);
  g_assert_cmpuint (tri_parallel_view_get_row (view), ==, 4);
  g_assert_cmpint (tri_parallel_view_get_focus_column (view), ==, 1);

  /* Row 5's cells are what is highlighted, in every version. */
  row = g_list_model_get_item (G_LIST_MODEL (alignment), 4);
  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *shown = parallel_highlight (view, c);
      g_autofree char *cell = tri_alignment_dup_cell_text (alignment, row, c);

      if (c == 1)
        {
          g_autofree char *first = tri_document_dup_sentence_text (tri_alignment_get_document (alignment, 1),
                                                                   tri_row_get_first (row, 1));

          g_assert_cmpstr (shown, ==, first);
        }
      else
        g_assert_cmpstr (shown, ==, cell);
    }

  /* The cursor on the English sentence of row 8: the grid follows. */
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (alignment), 7);
  en = gtk_text_view_get_buffer (tri_parallel_view_get_view (view, 0));
  {
    TriDocument *doc = tri_alignment_get_document (alignment, 0);
    const TriSentence *s = tri_document_get_sentence (doc, tri_row_get_first (row, 0));
    glong offset = g_utf8_pointer_to_offset (tri_document_get_text (doc), tri_document_get_text (doc) + s->start + 3);

    gtk_text_buffer_get_iter_at_offset (en, &iter, (int)offset);
    gtk_text_buffer_place_cursor (en, &iter);
  }
  g_assert_cmpuint (tri_parallel_view_get_row (view), ==, 7);
  g_assert_cmpuint (selected_row (window), ==, 7);

  /* An edit made meanwhile (merge with the next row) shows in the texts. */
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  wait_until (parallel_settled, window);
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (alignment), 7);
  {
    TriDocument *ru = tri_alignment_get_document (alignment, 1);
    guint first = tri_row_get_first (row, 1), count = tri_row_get_count (row, 1);
    g_autofree char *shown = parallel_highlight (view, 1);
    g_autofree char *head = tri_document_dup_sentence_text (ru, first);
    g_autofree char *tail = tri_document_dup_sentence_text (ru, first + count - 1);

    /* The cursor is in English: the Russian cell is highlighted whole. */
    g_assert_cmpuint (count, >=, 2);
    g_assert_true (g_str_has_prefix (shown, head));
    g_assert_true (g_str_has_suffix (shown, tail));
  }

  /* Back to the grid, on that row, in English. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.parallel-view", NULL);
  g_assert_false (tri_window_get_parallel_view (window));
  g_assert_cmpuint (selected_row (window), ==, 7);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  destroy_window (window);
}

/* Shift+Down marks a range of rows; Ctrl+R realigns only those, the rows
 * before and after it stay as they were. */
static void
test_realign_range (void)
{
  TriWindow *window = new_window ();
  TriAlignment *alignment;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_before, tail;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);

  /* Spoil rows 6–8 a little (two merges), then mark rows 5–9. */
  gtk_single_selection_set_selected (grid_selection (window), 5);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  before = tri_alignment_dup_rows (alignment);
  n_before = before->len;

  gtk_single_selection_set_selected (grid_selection (window), 4);
  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "align.extend-down", NULL);
  g_assert_cmpuint (selected_row (window), ==, 8);

  gtk_widget_activate_action (GTK_WIDGET (window), "align.realign", NULL);
  wait_until (not_busy, window);
  g_assert_true (tri_alignment_check (alignment, &error));
  g_assert_no_error (error);
  after = tri_alignment_dup_rows (alignment);

  /* The rows above the range and after it are the same rows. */
  for (guint r = 0; r < 4; r++)
    g_assert_cmpmem (&g_array_index (before, TriBead, r), sizeof (TriBead),
                     &g_array_index (after, TriBead, r), sizeof (TriBead));
  tail = n_before - 9;
  for (guint i = 1; i <= tail; i++)
    {
      const TriBead *x = &g_array_index (before, TriBead, n_before - i);
      const TriBead *y = &g_array_index (after, TriBead, after->len - i);

      g_assert_cmpmem (x->first, sizeof x->first, y->first, sizeof y->first);
      g_assert_cmpmem (x->count, sizeof x->count, y->count, sizeof y->count);
    }
  /* The two merged rows are split apart again by the aligner. */
  g_assert_cmpuint (after->len, ==, n_before + 2);

  /* One step to undo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_clear_pointer (&after, g_array_unref);
  after = tri_alignment_dup_rows (alignment);
  g_assert_cmpuint (after->len, ==, n_before);

  destroy_window (window);
}

static gboolean
spelling_checked (gpointer data)
{
  TriSpellChecker *spell = tri_window_get_spell_checker (TRI_WINDOW (data));

  return spell != NULL && !tri_spell_checker_get_busy (spell) && tri_spell_checker_get_count (spell, 0) > 0;
}

static gboolean
ignored_rechecked (gpointer data)
{
  TriSpellChecker *spell = tri_window_get_spell_checker (TRI_WINDOW (data));

  return !tri_spell_checker_get_busy (spell) && tri_spell_checker_get_count (spell, 1) == 0;
}

static gboolean
foreign_dictionary_checked (gpointer data)
{
  TriSpellChecker *spell = tri_window_get_spell_checker (TRI_WINDOW (data));
  TriSpellDictionary *dictionary = tri_spell_checker_get_dictionary (spell, 1);

  return !tri_spell_checker_get_busy (spell) && dictionary != NULL &&
         g_str_equal (tri_spell_dictionary_get_name (dictionary), "ru_RU") &&
         tri_spell_checker_get_count (spell, 1) > 5;
}

/* The grid cell showing @text, if on screen. */
static TriSegmentCell *
find_cell (TriWindow  *window,
           const char *text)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (tri_window_get_view (window), cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (tri_segment_cell_get_text (g_ptr_array_index (cells, i)), text) == 0)
      return g_ptr_array_index (cells, i);
  return NULL;
}

/* Spelling in the window: the slip is underlined in its grid cell and in
 * the editor strip, counted, reached with Ctrl+F7; a suggestion replaces
 * it as an edit Ctrl+Z takes back; "Ignore" is the project's. */
static void
test_spelling (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  const char *en = "Talks resume in Geneva.\n\nThe delegations met on Monday. The negotiatons went on all day.\n";
  const char *uk = "Перемовини відновилися в Женеві.\n\nДелегації зустрілися в понеділок. Перемовини тривали весь день, без угди.\n";
  g_autofree char *en_path = tri_test_write_file (dir, "spell-en.txt", en, -1);
  g_autofree char *uk_path = tri_test_write_file (dir, "spell-uk.txt", uk, -1);
  GFile *files[2] = { g_file_new_for_path (en_path), g_file_new_for_path (uk_path) };
  const char *languages[] = { "en", "uk", NULL };
  TriWindow *window = new_window ();
  TriSegmentEditor *editor = tri_window_get_editor (window);
  TriAlignment *alignment;
  TriSpellChecker *spell;
  TriSegmentCell *cell;
  TriDocument *doc;
  g_autofree char *original = NULL;

  tri_window_open_files (window, files, languages, 2, NULL, TRI_PARAGRAPH_BLANK_LINES);
  wait_until (not_busy, window);
  wait_until (spelling_checked, window);
  alignment = tri_window_get_alignment (window);
  spell = tri_window_get_spell_checker (window);
  doc = tri_alignment_get_document (alignment, 0);
  original = g_strdup (tri_document_get_text (doc));
  g_assert_cmpuint (tri_spell_checker_get_count (spell, 0), ==, 1);
  g_assert_cmpuint (tri_spell_checker_get_count (spell, 1), ==, 1);

  /* Underlined in its cell. */
  wait_until (has_cells, window);
  cell = find_cell (window, "The negotiatons went on all day.");
  g_assert_nonnull (cell);
  g_assert_cmpuint (tri_segment_cell_get_n_misspellings (cell), ==, 1);
  cell = find_cell (window, "Talks resume in Geneva.");
  g_assert_nonnull (cell);
  g_assert_cmpuint (tri_segment_cell_get_n_misspellings (cell), ==, 0);

  /* Ctrl+F7 goes to the row, whose strip underlines the word too. */
  gtk_single_selection_set_selected (grid_selection (window), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.next-misspelling", NULL);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, 2);
  g_assert_cmpuint (tri_segment_editor_get_n_underlined (editor, 0), ==, 1);

  /* A suggestion replaces the word, as an edit to undo. */
  g_assert_cmpstr (tri_segment_editor_pick_word (editor, 0, 6), ==, "negotiatons");
  gtk_widget_activate_action (GTK_WIDGET (editor), "spelling.correct", "s", "negotiations");
  g_assert_nonnull (strstr (tri_document_get_text (doc), "The negotiations went on all day."));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (tri_document_get_text (doc), ==, original);

  /* "Ignore" on the Ukrainian slip: the project's list, counted no more. */
  g_assert_cmpstr (tri_segment_editor_pick_word (editor, 1, (int)g_utf8_strlen ("Перемовини тривали весь день, без ", -1)),
                   ==, "угди");
  gtk_widget_activate_action (GTK_WIDGET (editor), "spelling.ignore", NULL);
  g_assert_true (g_hash_table_contains (tri_alignment_get_ignored_words (alignment), "угди"));
  wait_until (ignored_rechecked, window);
  g_assert_true (tri_window_get_unsaved (window));

  /* Another dictionary for a column (the column's menu): the Ukrainian
   * text checked with the Russian dictionary is full of slips; back to
   * the language's own, it is clean again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "column.dictionary-1", "s", "ru_RU");
  g_assert_cmpstr (tri_spell_checker_get_dictionary_name (spell, 1), ==, "ru_RU");
  wait_until (foreign_dictionary_checked, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "column.dictionary-1", "s", "");
  g_assert_null (tri_spell_checker_get_dictionary_name (spell, 1));
  wait_until (ignored_rechecked, window);

  for (guint i = 0; i < 2; i++)
    g_object_unref (files[i]);
  destroy_window (window);
  tri_test_rm_rf (dir);
}

static gboolean
saved (gpointer data)
{
  return !tri_window_get_unsaved (TRI_WINDOW (data));
}

/* The row of the recent projects that shows "sample.triptych". */
static GtkWidget *
find_recent_project (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "sample.triptych") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_recent_project (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_recent_project (gpointer data)
{
  return find_recent_project (GTK_WIDGET (data)) != NULL;
}

static gboolean
has_alignment (gpointer data)
{
  return tri_window_get_alignment (TRI_WINDOW (data)) != NULL;
}

static void
test_project (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TriWindow *window = new_window ();
  TriWindow *reopened;
  TriAlignment *alignment;
  guint rows;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  g_assert_false (tri_window_get_unsaved (window));

  /* The user's work: a merge and two confirmations. */
  gtk_single_selection_set_selected (grid_selection (window), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  g_assert_true (tri_window_get_unsaved (window));
  rows = n_rows (window);

  tri_window_save_project (window, file);
  wait_until (saved, window);
  g_assert_true (g_file_equal (tri_window_get_project_file (window), file));

  /* Closed, then reopened from the recent projects of a new window,
   * everything is there. (While it is open, its window comes up.) */
  destroy_window (window);
  reopened = new_window ();
  wait_until (shows_recent_project, reopened);
  g_signal_emit_by_name (find_recent_project (GTK_WIDGET (reopened)), "activated");
  wait_until (has_alignment, reopened);
  wait_until (not_busy, reopened);
  alignment = tri_window_get_alignment (reopened);
  g_assert_nonnull (alignment);
  g_assert_cmpuint (n_rows (reopened), ==, rows);
  g_assert_cmpuint (tri_alignment_get_n_confirmed (alignment), ==, 2);
  g_assert_false (tri_window_get_unsaved (reopened));
  g_assert_true (g_file_equal (tri_window_get_project_file (reopened), file));

  destroy_window (reopened);
  tri_test_rm_rf (dir);
}

static gboolean
autosaved (gpointer data)
{
  GFile *file = tri_window_get_autosave_file (TRI_WINDOW (data));

  return file != NULL && g_file_query_exists (file, NULL);
}

/* The user confirms the first three rows, the work is autosaved after
 * the short quiet, and the program is killed. */
static void
confirm_three_and_crash (TriWindow *window)
{
  wait_until (not_busy, window);
  gtk_single_selection_set_selected (grid_selection (window), 0);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm", NULL);
  wait_until (autosaved, window);
  raise (SIGKILL);
  g_assert_not_reached ();
}

/* Start clean: earlier tests may leave unsaved work behind on purpose. */
static void
remove_autosaves (void)
{
  g_autoptr(GPtrArray) before = tri_autosave_list ();

  for (guint i = 0; i < before->len; i++)
    tri_autosave_remove (g_ptr_array_index (before, i));
}

/* Edits survive a crash: a child process edits, autosaves by itself (after
 * the short quiet) and is killed; the work is then there to recover. */
static void
test_crash_recovery (void)
{
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(TriAlignment) kept = NULL;
  g_autoptr(GError) error = NULL;
  TriWindow *window;

  if (g_test_subprocess ())
    {
      window = new_window ();
      tri_window_open_sample (window);
      confirm_three_and_crash (window);
    }

  remove_autosaves ();

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  left = tri_autosave_list ();
  g_assert_cmpuint (left->len, ==, 1);
  kept = tri_project_load (g_ptr_array_index (left, 0), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_alignment_get_n_confirmed (kept), ==, 3);

  /* Recovered, the work is there, unsaved, and the old file is gone. */
  window = new_window ();
  tri_window_recover (window, g_ptr_array_index (left, 0));
  wait_until (not_busy, window);
  g_assert_cmpuint (tri_alignment_get_n_confirmed (tri_window_get_alignment (window)), ==, 3);
  g_assert_true (tri_window_get_unsaved (window));
  g_assert_false (g_file_query_exists (g_ptr_array_index (left, 0), NULL));
  destroy_window (window);
}

typedef struct
{
  TriWindow *window;
  guint      sentence;   /* that must be seen, or 0 for any */
} JumpSeen;

/* Cells are seen, each showing a sentence of the report, one of them
 * seen->sentence. */
static gboolean
jump_shown (gpointer data)
{
  JumpSeen *seen = data;
  g_autoptr(GPtrArray) cells = visible_cells (seen->window);
  gboolean found = seen->sentence == 0;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = tri_segment_cell_get_text (g_ptr_array_index (cells, i));
      guint n = 0;

      if (text == NULL || sscanf (text, "Sentence %u of", &n) != 1)
        return FALSE;
      found |= n == seen->sentence;
    }
  return cells->len > 0 && found;
}

static gboolean
recovered (gpointer data)
{
  TriAlignment *alignment = tri_window_get_alignment (TRI_WINDOW (data));

  return !tri_window_get_busy (TRI_WINDOW (data)) && alignment != NULL &&
         tri_alignment_get_n_confirmed (alignment) == 3;
}

/* Two launches on one project: the first edits and crashes, the second
 * accepts recovery. The recovered work goes into the window showing the
 * project, the only one (opening the project again presents it), and
 * saving it saves the recovered work. */
static void
test_recover_into_project (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TriAlignment) saved_rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (g_test_subprocess ())
    {
      /* The first launch. */
      file = g_file_new_for_path (g_getenv ("TRI_TEST_PROJECT"));
      window = tri_application_open_project (app, file);
      wait_until (has_alignment, window);
      confirm_three_and_crash (TRI_WINDOW (window));
    }

  remove_autosaves ();

  /* The project, saved with nothing confirmed. */
  dir = tri_test_make_tmpdir ();
  path = g_build_filename (dir, "report.triptych", NULL);
  file = g_file_new_for_path (path);
  {
    TriWindow *first = new_window ();

    tri_window_open_sample (first);
    wait_until (not_busy, first);
    tri_window_save_project (first, file);
    wait_until (saved, first);
    destroy_window (first);
  }

  g_setenv ("TRI_TEST_PROJECT", path, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  /* The second launch: the project, and the offer to recover. */
  window = tri_application_open_project (app, file);
  wait_until (has_alignment, window);
  wait_until (not_busy, window);
  wait_until (shows_message_dialog, NULL);
  respond ("recover");
  wait_until (recovered, window);
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_true (tri_window_get_unsaved (TRI_WINDOW (window)));
  g_assert_true (g_file_equal (tri_window_get_project_file (TRI_WINDOW (window)), file));

  /* Opened once more, the project is presented, not opened beside. */
  g_assert_true (tri_application_open_project (app, file) == window);
  g_assert_cmpuint (n_windows (), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_until (saved, window);
  g_assert_null (find_message_dialog ());
  saved_rows = tri_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_alignment_get_n_confirmed (saved_rows), ==, 3);

  destroy_window (TRI_WINDOW (window));
  tri_test_rm_rf (dir);
}

/* A project another program changed since it was read is not saved over
 * without asking. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *contents = NULL;
  TriWindow *window = new_window ();
  TriWindow *reopened;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  tri_window_save_project (window, file);
  wait_until (saved, window);
  destroy_window (window);

  reopened = TRI_WINDOW (tri_application_open_project (app, file));
  wait_until (has_alignment, reopened);
  wait_until (not_busy, reopened);
  gtk_single_selection_set_selected (grid_selection (reopened), 0);
  gtk_widget_activate_action (GTK_WIDGET (reopened), "align.confirm", NULL);

  /* Meanwhile a colleague's copy replaces the file (an hour later). */
  g_file_get_contents (path, &theirs, NULL, &error);
  g_assert_no_error (error);
  g_file_replace_contents (file, theirs, strlen (theirs) - 1, NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, g_get_real_time () / G_USEC_PER_SEC + 3600,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (reopened), "win.save", NULL);
  wait_until (shows_message_dialog, NULL);
  respond ("cancel");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (tri_window_get_unsaved (reopened));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (contents), ==, strlen (theirs) - 1);
  g_clear_pointer (&contents, g_free);

  /* Asked again, the user chooses to replace it; then saves go on as
   * usual, without asking. */
  gtk_widget_activate_action (GTK_WIDGET (reopened), "win.save", NULL);
  wait_until (shows_message_dialog, NULL);
  respond ("overwrite");
  wait_until (saved, reopened);
  gtk_widget_activate_action (GTK_WIDGET (reopened), "align.confirm", NULL);
  gtk_widget_activate_action (GTK_WIDGET (reopened), "win.save", NULL);
  wait_until (saved, reopened);
  g_assert_null (find_message_dialog ());
  {
    g_autoptr(TriAlignment) rows = tri_project_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (tri_alignment_get_n_confirmed (rows), ==, 2);
  }

  destroy_window (reopened);
  tri_test_rm_rf (dir);
}

/* The mapped label whose text has @part. */
static GtkLabel *
find_label_with (GtkWidget  *widget,
                 const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first row with an empty cell in @column, or G_MAXUINT. */
static guint
row_with_empty_cell (TriAlignment *alignment,
                     guint         column)
{
  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (alignment)); r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

      if (tri_row_get_count (row, column) == 0)
        return r;
    }
  return G_MAXUINT;
}

static gboolean
row_needs_review (TriAlignment *alignment,
                  guint         index)
{
  g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), index);

  return tri_row_get_needs_review (row);
}

/* Rows an edit makes are scored as aligned rows are: an empty cell
 * inserted in English misaligns the rows below, and they are flagged;
 * taken out again, the rows are as they were, and the row whose Ukrainian
 * sentence is missing is flagged again, for F8 to find. */
static void
test_review_after_edits (void)
{
  TriWindow *window = new_window ();
  TriAlignment *alignment;
  guint before, missing, misaligned;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);
  g_assert_true (tri_alignment_get_aligned (alignment));
  before = tri_alignment_get_n_review (alignment);
  missing = row_with_empty_cell (alignment, 2);
  g_assert_cmpuint (missing, !=, G_MAXUINT);
  g_assert_true (row_needs_review (alignment, missing));

  gtk_single_selection_set_selected (grid_selection (window), 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.column", "u", 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "segment.insert-empty", NULL);
  misaligned = tri_alignment_get_n_review (alignment);
  g_assert_cmpuint (misaligned, >=, before + 10);
  {
    g_autofree char *count = g_strdup_printf ("%u rows to review", misaligned);

    g_assert_nonnull (strstr (gtk_label_get_text (find_label_with (GTK_WIDGET (window), "to review")), count));
  }

  gtk_single_selection_set_selected (grid_selection (window), 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.column", "u", 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "segment.remove-empty", NULL);
  g_assert_cmpuint (tri_alignment_get_n_review (alignment), <, misaligned);
  g_assert_cmpuint (row_with_empty_cell (alignment, 2), ==, missing);
  g_assert_true (row_needs_review (alignment, missing));

  /* F8 from the top reaches it. */
  gtk_single_selection_set_selected (grid_selection (window), 0);
  for (guint i = 0; i < 20 && gtk_single_selection_get_selected (grid_selection (window)) != missing; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "align.next-review", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (grid_selection (window)), ==, missing);

  destroy_window (window);
}

static void
test_scroll_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  TriDocument *documents[3];
  TriWindow *window = new_window ();
  GtkAdjustment *adjustment;
  GtkWidget *scroller;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Sentence %u of the long report on the talks in Geneva%s.\n\n",
                            i + 1, i % 7 == 0 ? ", which went on late into the night and ended without a statement" : "");
  for (guint c = 0; c < 3; c++)
    documents[c] = tri_document_new (text->str, "en", TRI_PARAGRAPH_BLANK_LINES);

  tri_window_set_documents (window, documents, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_alignment (window))), ==, 2000);
  wait_until (has_cells, window);

  scroller = gtk_widget_get_ancestor (tri_window_get_view (window), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* Jumps across the whole list: no warning (G_DEBUG=fatal-warnings), and
   * after each, rows are shown, each with a sentence of the report, not an
   * empty grid; every jump to the top, back from a third or two thirds of
   * the way down too, shows the first sentence (GTK 4.8's column view kept
   * rows near the end there with the adjustment at 0). */
  for (guint step = 0; step <= 20; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      guint where = (step * 7) % 21;
      JumpSeen seen = { window, where == 0 ? 1 : 0 };

      gtk_adjustment_set_value (adjustment, upper * where / 20.0);
      wait_until (jump_shown, &seen);
    }

  for (guint c = 0; c < 3; c++)
    g_object_unref (documents[c]);
  destroy_window (window);
}

static void
test_zoom (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TriWindow *window = new_window ();
  int size;

  g_settings_reset (settings, "font-size");
  size = g_settings_get_int (settings, "font-size");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, size + 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, size + 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, size);

  destroy_window (window);
}

static gboolean
shows_popover_menu (GtkWidget *widget)
{
  if (GTK_IS_POPOVER_MENU (widget) && gtk_widget_get_visible (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_popover_menu (child))
      return TRUE;
  return FALSE;
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
shows_compact_cells (gpointer data)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (tri_window_get_view (TRI_WINDOW (data)), cells);
  for (guint i = 0; i < cells->len; i++)
    for (GtkWidget *child = gtk_widget_get_first_child (g_ptr_array_index (cells, i)); child;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_INSCRIPTION (child))
        return TRUE;
  return FALSE;
}

/* Compact rows (Ctrl+Shift+L): new cells of a few lines each, the same
 * texts, the cursor where it was. */
static void
test_compact_rows (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TriWindow *window = new_window ();
  TriAlignment *alignment;
  g_autoptr(TriRow) row = NULL;
  g_autofree char *text = NULL;

  g_settings_reset (settings, "compact-rows");
  tri_window_open_sample (window);
  wait_until (not_busy, window);
  wait_until (has_cells, window);
  alignment = tri_window_get_alignment (window);
  gtk_single_selection_set_selected (grid_selection (window), 3);
  g_assert_false (shows_compact_cells (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compact-rows", NULL);
  g_assert_true (g_settings_get_boolean (settings, "compact-rows"));
  wait_until (shows_compact_cells, window);
  row = g_list_model_get_item (G_LIST_MODEL (alignment), 0);
  text = tri_alignment_dup_cell_text (alignment, row, 1);
  g_assert_true (grid_shows (window, text));
  g_assert_cmpuint (selected_row (window), ==, 3);

  /* The row menu (the Menu key) opens by the cursor's row, in either mode. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.row-menu", NULL);
  g_assert_true (shows_popover_menu (GTK_WIDGET (window)));
  iterate_for (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compact-rows", NULL);
  g_assert_false (g_settings_get_boolean (settings, "compact-rows"));
  g_assert_false (shows_compact_cells (window));
  g_assert_cmpuint (selected_row (window), ==, 3);

  destroy_window (window);
}

/* The text of @column's editor view tagged as a check finding's span. */
static char *
highlighted (TriWindow *window,
             guint      column)
{
  GtkTextBuffer *buffer = tri_segment_editor_get_buffer (tri_window_get_editor (window), column);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "finding");
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  return gtk_text_iter_get_text (&start, &end);
}

/* The sample's three slips (a sentence left out, a figure changed, a
 * quotation turned into reported speech: NOTES.md 6), listed; its notes
 * (names only one version has, Turkey among them) only on request. */
static gboolean
checked_sample (gpointer data)
{
  TriWindow *window = TRI_WINDOW (data);

  return tri_window_get_checker (window) != NULL &&
         tri_checks_panel_get_n_active (TRI_CHECKS_PANEL (tri_window_get_checks_panel (window))) == 3;
}

/* Only the reported speech left. */
static gboolean
checked_quotation_left (gpointer data)
{
  return tri_checks_panel_get_n_active (TRI_CHECKS_PANEL (tri_window_get_checks_panel (TRI_WINDOW (data)))) == 1;
}

static TriFinding *
find_finding (TriChecker *checker,
              const char *check)
{
  GPtrArray *findings = tri_checker_get_findings (checker);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((TriFinding *)g_ptr_array_index (findings, i))->check, check))
      return g_ptr_array_index (findings, i);
  return NULL;
}

/* The Checks panel on the sample report: its two slips listed, reached
 * with F6 with their spans highlighted, one dismissed (for the project),
 * the other fixed by an edit and gone from the list soon after. */
static void
test_checks (void)
{
  TriWindow *window = new_window ();
  TriChecksPanel *panel = TRI_CHECKS_PANEL (tri_window_get_checks_panel (window));
  TriSegmentEditor *editor = tri_window_get_editor (window);
  TriChecker *checker;
  TriAlignment *alignment;
  TriFinding *number = NULL;
  TriFinding *missing = NULL;
  TriFinding *quotation = NULL;
  gboolean visible = FALSE;
  g_autofree char *marked = NULL;
  const char *fixed[] = { NULL, NULL };
  g_autofree char *ru = NULL;
  g_autoptr(TriRow) row = NULL;

  /* Checked soon after the alignment ends. */
  tri_window_open_sample (window);
  wait_until (not_busy, window);
  wait_until (checked_sample, window);
  checker = tri_window_get_checker (window);
  alignment = tri_window_get_alignment (window);

  /* F9 shows the panel, listing all three. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.checks", NULL);
  g_object_get (window, "checks-visible", &visible, NULL);
  g_assert_true (visible);
  g_assert_cmpuint (tri_checks_panel_get_n_shown (panel), ==, 3);

  /* F6 from the top goes in the panel's order (by check: the sentence the
   * Ukrainian left out, the quotation the Ukrainian reports, then the
   * Russian's changed figure, highlighted in the strip), not the rows'
   * (the quotation's row comes first); then round again. Shift+F6 goes
   * back. Notes are passed over. */
  gtk_single_selection_set_selected (grid_selection (window), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.next-finding", NULL);
  quotation = find_finding (checker, "quote-missing");
  missing = find_finding (checker, "missing-translation");
  number = find_finding (checker, "number-mismatch");
  g_assert_nonnull (quotation);
  g_assert_nonnull (missing);
  g_assert_nonnull (number);
  g_assert_cmpuint (quotation->row, <, missing->row);
  {
    g_autoptr(GPtrArray) listed = tri_checks_panel_dup_listed (panel);

    g_assert_cmpuint (listed->len, ==, 3);
    g_assert_true (g_ptr_array_index (listed, 0) == missing);
    g_assert_true (g_ptr_array_index (listed, 1) == quotation);
    g_assert_true (g_ptr_array_index (listed, 2) == number);
  }
  /* The version that deviates. */
  g_assert_cmpuint (quotation->odd, ==, 1u << 2);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, missing->row);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.next-finding", NULL);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, quotation->row);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.next-finding", NULL);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, number->row);
  marked = highlighted (window, 1);
  g_assert_cmpstr (marked, ==, "1 520");
  /* … and the figures it differs from, in the other versions too; the
   * current column is the Russian's. */
  {
    g_autofree char *en_marked = highlighted (window, 0);
    g_autofree char *uk_marked = highlighted (window, 2);

    g_assert_cmpstr (en_marked, ==, "1,250");
    g_assert_cmpstr (uk_marked, ==, "1 250");
  }
  g_assert_null (find_label_with (GTK_WIDGET (window), "back at the first"));
  gtk_widget_activate_action (GTK_WIDGET (window), "align.previous-finding", NULL);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, quotation->row);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.next-finding", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.next-finding", NULL);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, missing->row);
  /* Round the end: said. */
  g_assert_nonnull (find_label_with (GTK_WIDGET (window), "back at the first"));

  /* Notes on request. */
  g_object_set (panel, "show-notes", TRUE, NULL);
  g_assert_cmpuint (tri_checks_panel_get_n_shown (panel), >, 3);
  g_object_set (panel, "show-notes", FALSE, NULL);
  g_assert_cmpuint (tri_checks_panel_get_n_shown (panel), ==, 3);

  /* Delete in the panel dismisses the finding chosen: a change to save. */
  tri_checks_panel_select (panel, missing);
  gtk_widget_activate_action (GTK_WIDGET (panel), "checks.dismiss", NULL);
  g_assert_cmpuint (tri_checks_panel_get_n_active (panel), ==, 2);
  g_assert_cmpuint (tri_checks_panel_get_n_shown (panel), ==, 2);
  g_assert_cmpuint (g_hash_table_size (tri_alignment_get_dismissed (alignment)), ==, 1);
  g_assert_true (tri_window_get_unsaved (window));
  /* Listed again, dimmed, on request. */
  g_object_set (panel, "show-dismissed", TRUE, NULL);
  g_assert_cmpuint (tri_checks_panel_get_n_shown (panel), ==, 3);
  g_object_set (panel, "show-dismissed", FALSE, NULL);

  /* The report holds what the panel lists: the figure, not the finding
   * dismissed. */
  {
    g_autofree char *dir = tri_test_make_tmpdir ();
    g_autofree char *path = g_build_filename (dir, "checks.html", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *html = NULL;

    g_assert_true (tri_window_export_report (window, file, TRI_REPORT_HTML, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
    g_assert_nonnull (strstr (html, "<mark>1 520</mark>"));
    g_assert_null (strstr (html, "Missing in Ukrainian"));
    tri_test_rm_rf (dir);
  }

  /* The figure put right: the finding goes once the row is checked again. */
  number = find_finding (checker, "number-mismatch");
  row = g_list_model_get_item (G_LIST_MODEL (alignment), number->row);
  ru = tri_alignment_dup_cell_text (alignment, row, 1);
  g_assert_nonnull (strstr (ru, "1 520"));
  memcpy (strstr (ru, "1 520"), "1 250", 5);
  fixed[0] = ru;
  g_assert_true (tri_alignment_set_cell_sentences (alignment, number->row, 1, fixed));
  wait_until (checked_quotation_left, window);
  g_assert_cmpuint (tri_checks_panel_get_n_shown (panel), ==, 1);

  destroy_window (window);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
shows_rows (gpointer data)
{
  TriWindow *window = TRI_WINDOW (data);

  return tri_window_get_alignment (window) != NULL && !tri_window_get_busy (window) &&
         tri_alignment_get_n_columns (tri_window_get_alignment (window)) == 3 &&
         g_strcmp0 (tri_document_get_language (tri_alignment_get_document (tri_window_get_alignment (window), 0)), "en") == 0 &&
         tri_document_get_file (tri_alignment_get_document (tri_window_get_alignment (window), 0)) == NULL;
}

/* Export (Ctrl+E): the dialog offers what was chosen last; the sample's
 * rows go to a TMX, which Open shows again row for row. */
static void
test_export_import (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.tmx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.triptych.Triptych");
  TriWindow *window = new_window ();
  TriWindow *reopened;
  TriExportDialog *dialog;
  TriExportOptions *options;
  g_autofree char *tmx = NULL;
  TriAlignment *alignment;
  guint rows;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);
  rows = g_list_model_get_n_items (G_LIST_MODEL (alignment));

  /* The last choice comes back: XLIFF, English to Russian by default. */
  g_settings_set_string (settings, "export-format", "xliff");
  dialog = tri_export_dialog_new (GTK_WINDOW (window), alignment, settings);
  options = tri_export_dialog_dup_options (dialog);
  g_assert_cmpint (options->format, ==, TRI_EXPORT_XLIFF);
  g_assert_cmpstr (options->source, ==, "en");
  g_assert_cmpstr (options->target, ==, "ru");
  tri_export_options_free (options);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_set_string (settings, "export-format", "tmx");
  dialog = tri_export_dialog_new (GTK_WINDOW (window), alignment, settings);
  options = tri_export_dialog_dup_options (dialog);
  g_assert_cmpint (options->format, ==, TRI_EXPORT_TMX);
  g_assert_cmpuint (g_strv_length (options->languages), ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));

  tri_window_export (window, options, file);
  tri_export_options_free (options);
  wait_until (file_exists, path);
  wait_until (not_busy, window);
  g_assert_true (g_file_get_contents (path, &tmx, NULL, NULL));
  g_assert_nonnull (strstr (tmx, "<tmx version=\"1.4\">"));
  g_assert_nonnull (strstr (tmx, "1 520"));

  /* Opened, the file's units are the rows. */
  reopened = new_window ();
  tri_window_open_files (reopened, &file, NULL, 1, NULL, TRI_PARAGRAPH_BLANK_LINES);
  wait_until (shows_rows, reopened);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_alignment (reopened))), ==, rows);

  /* A memory with four languages: the window asks which three to show. */
  {
    const char *four =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\"><header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" "
      "o-tmf=\"none\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n"
      "<tu><tuv xml:lang=\"en\"><seg>The talks resumed in Geneva.</seg></tuv>"
      "<tuv xml:lang=\"de\"><seg>Die Gespräche wurden in Genf fortgesetzt.</seg></tuv>"
      "<tuv xml:lang=\"ru\"><seg>Переговоры возобновились в Женеве.</seg></tuv>"
      "<tuv xml:lang=\"uk\"><seg>Перемовини відновилися в Женеві.</seg></tuv></tu>\n"
      "</body></tmx>\n";
    g_autofree char *four_path = tri_test_write_file (dir, "four.tmx", four, -1);
    g_autoptr(GFile) four_file = g_file_new_for_path (four_path);
    TriWindow *third = new_window ();

    tri_window_open_files (third, &four_file, NULL, 1, NULL, TRI_PARAGRAPH_BLANK_LINES);
    wait_until (not_busy, third);
    wait_until (shows_message_dialog, NULL);
    /* The first three ticked: English, German, Russian. */
    respond ("open");
    wait_until (has_alignment, third);
    wait_until (not_busy, third);
    g_assert_cmpuint (tri_alignment_get_n_columns (tri_window_get_alignment (third)), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_alignment (third))), ==, 1);
    destroy_window (third);
  }

  destroy_window (reopened);
  destroy_window (window);
  tri_test_rm_rf (dir);
}

/* Scrolling through rows whose cells have misspellings to underline as
 * they come into view: no row is left unpainted (GTK 4.8 warns, fatal
 * here, when a row's size changes while the list allocates it). */
static guint
count_underlined (TriWindow *window)
{
  g_autoptr(GPtrArray) cells = visible_cells (window);
  guint n = 0;

  for (guint i = 0; i < cells->len; i++)
    n += cell_underlined (g_ptr_array_index (cells, i));
  return n;
}

static gboolean
misspellings_underlined (gpointer data)
{
  g_autoptr(GPtrArray) cells = visible_cells (TRI_WINDOW (data));

  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);

      if (tri_segment_cell_get_n_misspellings (TRI_SEGMENT_CELL (cell)) > 0 && !cell_underlined (cell))
        return FALSE;
    }
  return cells->len > 0;
}

static void
test_scroll_underlined (void)
{
  TriWindow *window = new_window ();
  guint n_underlined = 0;
  GtkAdjustment *adjustment;
  GtkWidget *scroller;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  tri_window_open_sample (window);
  wait_until (not_busy, window);
  wait_until (spelling_checked, window);
  wait_until (has_cells, window);

  scroller = gtk_widget_get_ancestor (tri_window_get_view (window), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  for (guint step = 0; step < 60; step++)
    {
      gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) / 5);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      /* What the user sees: rows with a size, and every cell with a
       * misspelling underlined. */
      wait_until (misspellings_underlined, window);
      n_underlined += count_underlined (window);
    }
  /* The sample's misspellings were met on the way down. */
  g_assert_cmpuint (n_underlined, >, 0);
  destroy_window (window);
}

/* The grid's row that has the keyboard focus, or G_MAXUINT: the row
 * whose sentences the focus widget shows. */
static guint
focused_row (TriWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  TriAlignment *alignment = tri_window_get_alignment (window);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  if (focus == NULL || !gtk_widget_is_ancestor (focus, tri_window_get_view (window)))
    return G_MAXUINT;
  collect_cells (focus, cells);
  for (guint i = 0; i < cells->len; i++)
    for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (alignment)); r++)
      for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
        {
          g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);
          g_autofree char *text = tri_alignment_dup_cell_text (alignment, row, c);

          /* Any version's sentence: a row may have no English one. */
          if (text[0] != '\0' && g_strcmp0 (tri_segment_cell_get_text (g_ptr_array_index (cells, i)), text) == 0)
            return r;
        }
  return G_MAXUINT;
}

typedef struct
{
  TriWindow *window;
  guint      row;
} FocusWait;

static gboolean
focus_on (gpointer data)
{
  FocusWait *wait = data;
  return focused_row (wait->window) == wait->row;
}

/* Whether the grid shows row @index's English cell. */
static gboolean
shows_row (TriWindow *window,
           guint      index)
{
  TriAlignment *alignment = tri_window_get_alignment (window);
  g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), index);
  g_autofree char *text = tri_alignment_dup_cell_text (alignment, row, 0);

  return grid_shows (window, text);
}

static gboolean
row_hidden (gpointer data)
{
  FocusWait *wait = data;

  return !shows_row (wait->window, wait->row);
}

/* The keyboard on the row, and the row on screen (a row GTK made takes
 * the focus before it is scrolled into view). */
static gboolean
focus_shown (gpointer data)
{
  FocusWait *wait = data;

  return focus_on (data) && shows_row (wait->window, wait->row);
}

/* One current row: the finding chosen in the Checks panel is the row
 * Return edits and Ctrl+Return confirms once the panel is closed; Ctrl+Home
 * takes the strip along; after a split, Up goes to a row on screen; undo
 * goes to what it changed. */
static void
test_current_row (void)
{
  TriWindow *window = new_window ();
  TriSegmentEditor *editor = tri_window_get_editor (window);
  TriChecksPanel *panel = TRI_CHECKS_PANEL (tri_window_get_checks_panel (window));
  TriAlignment *alignment;
  TriFinding *finding;
  GtkWidget *focus;
  FocusWait wait = { window, 0 };
  guint last, found;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  tri_window_open_sample (window);
  wait_until (not_busy, window);
  wait_until (checked_sample, window);
  alignment = tri_window_get_alignment (window);
  last = n_rows (window) - 1;

  /* The cursor on row 11, the keyboard in the grid there. */
  gtk_widget_grab_focus (tri_window_get_view (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "first");
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "down");
  wait.row = 10;
  wait_until (focus_on, &wait);

  /* A finding on another row chosen in the panel; the panel closed. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.checks", NULL);
  finding = find_finding (tri_window_get_checker (window), "number-mismatch");
  g_assert_nonnull (finding);
  g_assert_cmpuint (finding->row, !=, 10);
  found = finding->row;
  g_signal_emit_by_name (panel, "finding-selected", finding, FALSE);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, found);
  g_object_set (window, "checks-visible", FALSE, NULL);
  wait.row = found;
  wait_until (focus_on, &wait);

  /* Return, as the list view takes it: the focused row activated. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  gtk_widget_activate_action (focus, "listitem.activate", NULL);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, found);
  g_assert_cmpuint (gtk_single_selection_get_selected (grid_selection (window)), ==, found);
  gtk_widget_grab_focus (tri_window_get_view (window));
  wait_until (focus_on, &wait);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm", NULL);
  {
    g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), found);

    g_assert_true (tri_row_get_confirmed (row));
  }

  /* Ctrl+Home and Ctrl+End: the cursor, the strip and the focus. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "last");
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, last);
  wait.row = last;
  wait_until (focus_on, &wait);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "first");
  g_assert_cmpuint (gtk_single_selection_get_selected (grid_selection (window)), ==, 0);
  g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, 0);
  wait.row = 0;
  wait_until (focus_on, &wait);

  /* A split far down, then Up: the row above, on screen. */
  {
    guint row = G_MAXUINT, after;
    FocusWait hidden;

    for (guint r = last; r > 0 && row == G_MAXUINT; r--)
      {
        g_autoptr(TriRow) item = g_list_model_get_item (G_LIST_MODEL (alignment), r);

        if (tri_row_get_count (item, 0) == 1 && tri_row_get_count (item, 1) == 1 && r > 20)
          row = r;
      }
    gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "last");
    gtk_single_selection_set_selected (grid_selection (window), row - 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.column", "u", 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "align.split", NULL);
    wait_until (has_cells, window);
    after = gtk_single_selection_get_selected (grid_selection (window));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "up");
    g_assert_cmpuint (gtk_single_selection_get_selected (grid_selection (window)), ==, after - 1);
    g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, after - 1);
    wait.row = after - 1;
    wait_until (focus_shown, &wait);
    g_assert_true (shows_row (window, after - 1));

    /* Back at the top, undo goes down to the split it undoes. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "first");
    wait.row = 0;
    wait_until (focus_shown, &wait);
    /* The rows far below leave the view once it is laid out. */
    hidden.window = window;
    hidden.row = row - 1;
    wait_until (row_hidden, &hidden);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpuint (tri_segment_editor_get_row (editor), ==, row - 1);
    wait.row = row - 1;
    wait_until (focus_shown, &wait);
    g_assert_true (shows_row (window, row - 1));
  }

  destroy_window (window);
}

/* The text a mapped grid cell highlights, if one does. */
static char *
grid_highlighted (TriWindow *window)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (tri_window_get_view (window), cells);
  for (guint i = 0; i < cells->len; i++)
    {
      char *text = tri_segment_cell_dup_highlighted (g_ptr_array_index (cells, i));

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* The find bar's count: "3 of 7". */
static GtkLabel *
find_count_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      g_regex_match_simple ("^[0-9]+ of [0-9]+$", gtk_label_get_text (GTK_LABEL (widget)), 0, 0))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_count_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
search_for (TriWindow  *window,
            const char *text)
{
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  entry = gtk_window_get_focus (GTK_WINDOW (window));
  entry = gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Find shows its match: the cursor on its row, the current column moved
 * to its version, the match highlighted in the cell and in the strip, and
 * which of how many it is. */
static void
test_find (void)
{
  TriWindow *window = new_window ();
  g_autofree char *marked = NULL;
  g_autofree char *cell = NULL;
  GtkLabel *status;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  gtk_single_selection_set_selected (grid_selection (window), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.column", "u", 0);

  /* "Женев" is in the Russian and Ukrainian versions only. */
  search_for (window, "Женев");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  /* The current column: Russian. */
  g_assert_true (gtk_widget_has_css_class (tri_window_get_view (window), "current-column-2"));
  marked = highlighted (window, 1);
  g_assert_cmpstr (marked, ==, "Женев");
  status = find_count_label (GTK_WIDGET (window));
  g_assert_nonnull (status);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "1 of "));
  wait_until (has_cells, window);
  cell = grid_highlighted (window);
  g_assert_cmpstr (cell, ==, "Женев");

  /* F3 goes on: the next match, in Ukrainian in the same row. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "2 of "));
  g_clear_pointer (&marked, g_free);
  marked = highlighted (window, 2);
  g_assert_cmpstr (marked, ==, "Женев");
  g_assert_true (gtk_widget_has_css_class (tri_window_get_view (window), "current-column-3"));
  /* And back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "1 of "));

  destroy_window (window);
}

static gboolean
window_gone (gpointer data)
{
  return n_windows () == GPOINTER_TO_UINT (data);
}

/* The title says when work is unsaved; an undo back to what was opened is
 * nothing to save, and closing does not ask. */
static void
test_unsaved_marker (void)
{
  TriWindow *window = new_window ();
  guint others = n_windows () - 1;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  gtk_single_selection_set_selected (grid_selection (window), 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  g_assert_true (tri_window_get_unsaved (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (tri_window_get_unsaved (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Redone, it is unsaved again; undone, clean. A change undo does not
   * take back (a word ignored) is unsaved whatever is undone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (tri_window_get_unsaved (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (tri_window_get_unsaved (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  tri_alignment_ignore_word (tri_window_get_alignment (window), "Hryshchenko");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (tri_window_get_unsaved (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (tri_window_get_unsaved (window));

  /* Closing asks about that. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until (shows_message_dialog, NULL);
  respond ("discard");
  wait_until (window_gone, GUINT_TO_POINTER (others));
}

/* Split Row in All Columns: each cell after its first sentence, one step;
 * the confirmation a structural edit takes back is announced, the one a
 * text edit keeps is kept. */
static void
test_split_all (void)
{
  TriWindow *window = new_window ();
  TriAlignment *alignment;
  g_autoptr(TriRow) merged = NULL;
  g_autoptr(TriRow) first = NULL;
  g_autoptr(TriRow) second = NULL;
  guint rows;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  alignment = tri_window_get_alignment (window);

  /* Rows 5 and 6 merged: two sentences or more in every column. */
  gtk_single_selection_set_selected (grid_selection (window), 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.merge-next", NULL);
  merged = g_list_model_get_item (G_LIST_MODEL (alignment), 4);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpuint (tri_row_get_count (merged, c), >=, 2);
  rows = n_rows (window);

  /* A word fixed in the confirmed row: still confirmed. */
  gtk_single_selection_set_selected (grid_selection (window), 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.confirm", NULL);
  {
    TriDocument *en = tri_alignment_get_document (alignment, 0);
    guint sentence = tri_row_get_first (merged, 0);
    g_autofree char *text = tri_document_dup_sentence_text (en, sentence);
    g_autofree char *fixed = g_strconcat (text, " ", NULL);

    fixed[strlen (fixed) - 2] = '!';
    g_assert_true (tri_alignment_edit_sentence (alignment, 0, sentence, fixed));
    g_clear_object (&merged);
    merged = g_list_model_get_item (G_LIST_MODEL (alignment), 4);
    g_assert_true (tri_row_get_confirmed (merged));
  }

  gtk_single_selection_set_selected (grid_selection (window), 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "align.split-all", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows + 1);
  first = g_list_model_get_item (G_LIST_MODEL (alignment), 4);
  second = g_list_model_get_item (G_LIST_MODEL (alignment), 5);
  for (guint c = 0; c < 3; c++)
    {
      g_assert_cmpuint (tri_row_get_count (first, c), ==, 1);
      g_assert_cmpuint (tri_row_get_count (second, c), ==, tri_row_get_count (merged, c) - 1);
    }
  g_assert_false (tri_row_get_confirmed (first));
  g_assert_nonnull (find_label_with (GTK_WIDGET (window), "confirmed row changed"));

  /* One step to undo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_rows (window), ==, rows);

  destroy_window (window);
}

static gboolean
has_project_file (gpointer data)
{
  return tri_window_get_project_file (TRI_WINDOW (data)) != NULL;
}

/* Save As and Export start in the project's folder with its name; the
 * export dialog starts TMX from the first version's language and puts no
 * byte-order mark in TSV. */
static void
test_export_defaults (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "grain-talks.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  TriWindow *window = new_window ();
  TriExportDialog *dialog;

  tri_window_open_sample (window);
  wait_until (not_busy, window);
  tri_window_save_project (window, file);
  wait_until (has_project_file, window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  g_assert_nonnull (tri_window_get_file_chooser (window));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (tri_window_get_file_chooser (window)));
  g_assert_cmpstr (name, ==, "grain-talks.triptych");
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (tri_window_get_file_chooser (window)));
  tri_window_set_file_chooser (window, NULL);

  dialog = tri_export_dialog_new (GTK_WINDOW (window), tri_window_get_alignment (window), NULL);
  {
    g_autoptr(TriExportOptions) options = NULL;

    options = tri_export_dialog_dup_options (dialog);
    g_assert_cmpstr (options->srclang, ==, "en");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  destroy_window (window);
  tri_test_rm_rf (dir);
}

/* Three versions of a long report (@n paragraphs of four sentences). */
static char *
write_long_version (const char *dir,
                    const char *language,
                    guint       n)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("long-%s.txt", language);

  for (guint i = 1; i <= n; i++)
    {
      if (g_str_equal (language, "en"))
        g_string_append_printf (text, "Round %u of the talks opened in Geneva. The delegations met for %u hours. "
                                      "Mr. Hrytsenko said the text was %u pages long. Nothing was signed.\n\n",
                                i, i % 9 + 2, i + 40);
      else if (g_str_equal (language, "ru"))
        g_string_append_printf (text, "Раунд %u переговоров открылся в Женеве. Делегации заседали %u часов. "
                                      "Г-н Гриценко сказал, что в тексте %u страниц. Ничего не подписали.\n\n",
                                i, i % 9 + 2, i + 40);
      else
        g_string_append_printf (text, "Раунд %u перемовин відкрився в Женеві. Делегації засідали %u годин. "
                                      "Пан Гриценко сказав, що в тексті %u сторінок. Нічого не підписали.\n\n",
                                i, i % 9 + 2, i + 40);
    }
  return tri_test_write_file (dir, name, text->str, -1);
}

static gboolean
has_new_alignment (gpointer data)
{
  TriWindow *window = ((gpointer *)data)[0];
  TriAlignment *before = ((gpointer *)data)[1];

  return tri_window_get_alignment (window) != NULL && tri_window_get_alignment (window) != before;
}

/* Long texts: Escape while they are read leaves the window as it was; the
 * rows show while they are aligned, from the first row in the strip (it
 * stayed empty until a row was clicked), and the checks wait for the alignment
 * (findings on rows paired in order would be noise, and would delay them);
 * Escape while aligning keeps the rows paired in order, and checks them. */
static void
test_open_long_texts (void)
{
  g_autofree char *dir = tri_test_make_tmpdir ();
  const char *languages[] = { "en", "ru", "uk" };
  GFile *files[3];
  TriWindow *window = new_window ();
  TriAlignment *alignment;
  gpointer wait[2] = { window, NULL };

  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *path = write_long_version (dir, languages[c], 500);

      files[c] = g_file_new_for_path (path);
    }

  /* Escape while the files are read. */
  tri_window_open_files (window, files, languages, 3, NULL, TRI_PARAGRAPH_BLANK_LINES);
  g_assert_true (tri_window_get_busy (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-alignment", NULL);
  wait_until (not_busy, window);
  iterate_for (200);
  g_assert_null (tri_window_get_alignment (window));
  g_assert_true (tri_window_is_empty (window));

  /* Opened: rows first, checked once aligned. */
  tri_window_open_files (window, files, languages, 3, NULL, TRI_PARAGRAPH_BLANK_LINES);
  wait_until (has_alignment, window);
  alignment = tri_window_get_alignment (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 2000);
  g_assert_false (tri_alignment_get_aligned (alignment));
  g_assert_true (tri_window_get_busy (window));
  g_assert_null (tri_window_get_checker (window));
  /* The work starts on the first row: the strip shows it at once. */
  g_assert_cmpuint (tri_segment_editor_get_row (tri_window_get_editor (window)), ==, 0);
  wait_until (not_busy, window);
  g_assert_true (tri_alignment_get_aligned (alignment));
  g_assert_nonnull (tri_window_get_checker (window));
  g_assert_cmpuint (tri_segment_editor_get_row (tri_window_get_editor (window)), ==, 0);

  /* Escape while aligning. */
  wait[1] = alignment;
  tri_window_open_files (window, files, languages, 3, NULL, TRI_PARAGRAPH_BLANK_LINES);
  wait_until (has_new_alignment, wait);
  alignment = tri_window_get_alignment (window);
  g_assert_true (tri_window_get_busy (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-alignment", NULL);
  g_assert_false (tri_window_get_busy (window));
  g_assert_false (tri_alignment_get_aligned (alignment));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 2000);
  g_assert_nonnull (tri_window_get_checker (window));

  for (guint c = 0; c < 3; c++)
    g_object_unref (files[c]);
  destroy_window (window);
  tri_test_rm_rf (dir);
}

/* The texts of every cell GTK made, on screen or not, by cell. */
static void
cell_texts_in (GtkWidget  *widget,
               GHashTable *texts)
{
  if (TRI_IS_SEGMENT_CELL (widget))
    g_hash_table_insert (texts, widget, g_strdup (tri_segment_cell_get_text (TRI_SEGMENT_CELL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    cell_texts_in (child, texts);
}

static GHashTable *
cell_texts (GtkWidget *grid)
{
  GHashTable *texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  cell_texts_in (grid, texts);
  return texts;
}


/* How many dark pixels (text) the window paints inside @cell: the window
 * drawn as the frame clock would, every widget from its last layout. A
 * widget left without an allocation warns (fatal here); a row bound but
 * never laid out paints nothing. */
static guint
painted_text_pixels (GtkWidget *window,
                     GtkWidget *cell)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  guint dark = 0;

  g_assert_true (gtk_widget_compute_bounds (cell, window, &bounds));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = MAX (0, (int)bounds.origin.y); y < MIN (height, (int)(bounds.origin.y + bounds.size.height)); y++)
    {
      const guint32 *line = (const guint32 *)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));

      for (int x = MAX (0, (int)bounds.origin.x); x < MIN (width, (int)(bounds.origin.x + bounds.size.width)); x++)
        {
          guint32 pixel = line[x];
          guint luma = (((pixel >> 16) & 0xff) * 3 + ((pixel >> 8) & 0xff) * 6 + (pixel & 0xff)) / 10;

          if ((pixel >> 24) > 0x80 && luma < 100)
            dark++;
        }
    }
  cairo_surface_destroy (surface);
  return dark;
}


/* The cell that shows @text, or NULL. */
static GtkWidget *
cell_showing (GHashTable *texts,
              const char *text)
{
  GHashTableIter iter;
  gpointer cell, shown;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &cell, &shown))
    if (g_strcmp0 (shown, text) == 0 && gtk_widget_get_mapped (cell))
      return cell;
  return NULL;
}


/* Paging through a long report, far from its first rows: only the rows
 * coming into view are given to cells. GTK 4.8 keeps ~200 rows made about
 * an anchor that each scroll to a row places where that row is in the
 * view: focused a frame after it was scrolled to, the row moved the
 * anchor, and the rows made were given to other cells (in bench-grid, all
 * of them twice a Page Down: 9 → 55 ms a page past row 190). */
static void
test_page_down_keeps_cells (void)
{
  TriWindow *window = new_window ();
  TriDocument *docs[3];
  g_autoptr(GString) en = g_string_new (NULL);
  g_autoptr(GString) ru = g_string_new (NULL);
  g_autoptr(GString) uk = g_string_new (NULL);
  TriAlignmentGrid *grid = tri_window_get_grid (window);

  for (guint i = 1; i <= 1000; i++)
    {
      /* Long sentences: a row of several lines, a page of a few rows. */
      g_string_append_printf (en, "Item %u of the minutes: after a long discussion of the figures presented by the "
                              "finance director, the board approved the budget for the Kyiv office, asked for a "
                              "quarterly report on its costs and thanked the staff for their work. ", i);
      g_string_append_printf (ru, "Пункт %u протокола: после долгого обсуждения цифр, представленных финансовым "
                              "директором, совет утвердил бюджет киевского офиса, попросил ежеквартально "
                              "отчитываться о его расходах и поблагодарил сотрудников за работу. ", i);
      g_string_append_printf (uk, "Пункт %u протоколу: після тривалого обговорення цифр, наданих фінансовим "
                              "директором, рада затвердила бюджет київського офісу, попросила щокварталу "
                              "звітувати про його витрати та подякувала працівникам за роботу. ", i);
    }
  docs[0] = tri_document_new (en->str, "en", TRI_PARAGRAPH_BLANK_LINES);
  docs[1] = tri_document_new (ru->str, "ru", TRI_PARAGRAPH_BLANK_LINES);
  docs[2] = tri_document_new (uk->str, "uk", TRI_PARAGRAPH_BLANK_LINES);
  tri_window_set_documents (window, docs, 3);
  for (guint c = 0; c < 3; c++)
    g_object_unref (docs[c]);
  wait_until (not_busy, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_alignment (window))), ==, 1000);
  iterate_for (500);

  tri_window_select_row (window, 500);
  iterate_for (500);
  for (guint page = 0; page < 12; page++)
    {
      g_autoptr(GHashTable) before = cell_texts (GTK_WIDGET (grid));
      g_autoptr(GHashTable) after = NULL;
      guint row = tri_alignment_grid_get_current_row (grid);
      GHashTableIter iter;
      gpointer cell, text;
      guint rebound = 0;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "page-down");
      /* A user paging: the next key a few frames later. */
      iterate_for (60);
      after = cell_texts (GTK_WIDGET (grid));
      g_hash_table_iter_init (&iter, before);
      while (g_hash_table_iter_next (&iter, &cell, &text))
        if (g_hash_table_contains (after, cell) && g_strcmp0 (g_hash_table_lookup (after, cell), text) != 0)
          rebound++;
      /* The cursor went down a page; the cells GTK made that now show
       * another row are those of the rows that came into view (three
       * versions a row), not the ~600 it keeps. */
      g_assert_cmpuint (tri_alignment_grid_get_current_row (grid), >, row);
      g_assert_cmpuint (rebound, <=, 3 * (tri_alignment_grid_get_current_row (grid) - row + 1));

      /* And the row the cursor came to is painted: its Russian text
       * drawn where its cell is. */
      {
        g_autofree char *russian = tri_alignment_dup_cell_text (tri_window_get_alignment (window),
                                                                tri_alignment_grid_get_current_item (grid), 1);
        GtkWidget *shown = cell_showing (after, russian);

        g_assert_nonnull (shown);
        g_assert_cmpuint (painted_text_pixels (GTK_WIDGET (window), shown), >, 200);
      }
    }

  destroy_window (window);
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS, and with it the
   * MIME database that gdk-pixbuf needs to load the SVG icons. Settings
   * live in memory (GSETTINGS_BACKEND=memory); nothing else is written. */
  g_test_init (&argc, &argv, NULL);

  /* Autosaves, recent files and user files go to a folder of the test's
   * own, never the user's. */
  if (g_getenv ("TRIPTYCH_TEST_STATE") == NULL)
    {
      /* Once: subprocesses (the crash test) inherit it. */
      g_autofree char *state = g_dir_make_tmp ("triptych-state-XXXXXX", NULL);
      g_autofree char *data = g_build_filename (state, "data", NULL);
      g_autofree char *config = g_build_filename (state, "config", NULL);

      g_assert_nonnull (state);

      g_setenv ("TRIPTYCH_TEST_STATE", state, TRUE);
      g_setenv ("XDG_STATE_HOME", state, TRUE);
      /* Recent files and user settings too (not XDG_DATA_DIRS: the MIME
       * database must stay visible). */
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

  g_test_add_func ("/window/sample", test_sample);
  g_test_add_func ("/window/open-files", test_open_files);
  g_test_add_func ("/window/drop-files", test_drop_files);
  g_test_add_func ("/window/open-long-texts", test_open_long_texts);
  g_test_add_func ("/window/two-files-and-bad-file", test_two_files_and_bad_file);
  g_test_add_func ("/window/reopen-with-encoding", test_reopen_with_encoding);
  g_test_add_func ("/window/documents", test_documents);
  g_test_add_func ("/window/paste", test_paste);
  g_test_add_func ("/window/editing", test_editing);
  g_test_add_func ("/window/editor-strip", test_editor_strip);
  g_test_add_func ("/window/filters", test_filters);
  g_test_add_func ("/window/parallel-view", test_parallel_view);
  g_test_add_func ("/window/realign-range", test_realign_range);
  g_test_add_func ("/window/spelling", test_spelling);
  g_test_add_func ("/window/project", test_project);
  g_test_add_func ("/window/crash-recovery", test_crash_recovery);
  g_test_add_func ("/window/recover-into-project", test_recover_into_project);
  g_test_add_func ("/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/review-after-edits", test_review_after_edits);
  g_test_add_func ("/window/current-row", test_current_row);
  g_test_add_func ("/window/find", test_find);
  g_test_add_func ("/window/unsaved-marker", test_unsaved_marker);
  g_test_add_func ("/window/page-down-keeps-cells", test_page_down_keeps_cells);
  g_test_add_func ("/window/split-all", test_split_all);
  g_test_add_func ("/window/export-defaults", test_export_defaults);
  g_test_add_func ("/window/scroll-large", test_scroll_large);
  g_test_add_func ("/window/scroll-underlined", test_scroll_underlined);
  g_test_add_func ("/window/zoom", test_zoom);
  g_test_add_func ("/window/compact-rows", test_compact_rows);
  g_test_add_func ("/window/checks", test_checks);
  g_test_add_func ("/window/export-import", test_export_import);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}

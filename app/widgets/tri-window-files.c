/* tri-window-files.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-files"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-export.h"
#include "tri-format.h"
#include "tri-window-parts.h"

/* Opening files: read by the window's TriOpener, shown side by side or
 * in place of a version. */
/* Shows @document in @column instead of the version there and realigns;
 * with no report shown (or @column -1), @document alone. */
void
tri_window_replace_document (TriWindow   *self,
                              int          column,
                              TriDocument *document)
{
  TriDocument *docs[TRI_MAX_COLUMNS];
  guint n;

  if (tri_window_get_alignment (self) == NULL || column < 0 ||
      (guint)column >= tri_alignment_get_n_columns (tri_window_get_alignment (self)))
    {
      tri_window_set_documents (self, &document, 1);
      return;
    }

  n = tri_alignment_get_n_columns (tri_window_get_alignment (self));
  for (guint c = 0; c < n; c++)
    docs[c] = tri_alignment_get_document (tri_window_get_alignment (self), c);
  docs[column] = document;

  /* tri_window_set_documents() drops the old alignment, and with it the
   * only reference to the documents kept: hold them meanwhile. */
  for (guint c = 0; c < n; c++)
    g_object_ref (docs[c]);
  tri_window_set_documents (self, docs, n);
  for (guint c = 0; c < n; c++)
    g_object_unref (docs[c]);
}

/* The files read: in place of a version, or side by side. */
static void
on_opened_cb (TriWindow *self,
              GPtrArray *documents,
              int        column)
{
  if (column >= 0 && tri_window_get_alignment (self) != NULL && (guint)column < tri_alignment_get_n_columns (tri_window_get_alignment (self)))
    tri_window_replace_document (self, column, g_ptr_array_index (documents, 0));
  else
    tri_window_set_documents (self, (TriDocument **)documents->pdata, documents->len);
}

/* Opening files */

/**
 * tri_window_start_open:
 * @self: a #TriWindow
 * @files: (array length=n_files): one to three files
 * @languages: (array length=n_files) (nullable): their languages
 * @n_files: their number
 * @encoding: (nullable): their encoding, %NULL to detect it
 * @mode: what separates paragraphs
 * @replace_column: the column @files[0] replaces, or -1
 *
 * Reads the files in the background, in place of what is being opened.
 */
void
tri_window_start_open (TriWindow          *self,
                       GFile             **files,
                       const char * const *languages,
                       guint               n_files,
                       const char         *encoding,
                       TriParagraphMode    mode,
                       int                 replace_column)
{
  GCancellable *cancellable = tri_window_restart_loading (self);

  tri_opener_open (tri_window_get_opener (self), files, languages, n_files, encoding, mode, replace_column, cancellable);
}

/**
 * tri_window_get_paragraph_mode:
 * @self: a #TriWindow
 *
 * Returns: what separates paragraphs in texts opened or pasted, as the
 *   Preferences say ("line-paragraphs")
 */
TriParagraphMode
tri_window_get_paragraph_mode (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), TRI_PARAGRAPH_BLANK_LINES);

  return g_settings_get_boolean (tri_window_get_settings (self), "line-paragraphs") ? TRI_PARAGRAPH_LINES
                                                                     : TRI_PARAGRAPH_BLANK_LINES;
}

/**
 * tri_window_open_files:
 * @self: a #TriWindow
 * @files: (array length=n_files): one to three text files
 * @languages: (array length=n_files) (nullable): their languages; %NULL
 *   (or a %NULL element) to guess from the text
 * @n_files: their number
 * @encoding: (nullable): their encoding, %NULL to detect it
 * @mode: what separates paragraphs
 *
 * Reads the files in the background and shows them side by side. Files
 * that cannot be read are reported in a toast.
 */
void
tri_window_open_files (TriWindow          *self,
                       GFile             **files,
                       const char * const *languages,
                       guint               n_files,
                       const char         *encoding,
                       TriParagraphMode    mode)
{
  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (n_files > 0);

  if (n_files > TRI_MAX_COLUMNS)
    {
      tri_window_show_toast (self, _("Triptych compares at most three versions at a time"));
      return;
    }

  /* Aligned units, not a version of a report. */
  if (n_files == 1 && tri_file_is_importable (files[0]))
    {
      tri_window_import (self, files[0]);
      return;
    }
  tri_window_start_open (self, files, languages, n_files, encoding, mode, -1);
}

/**
 * tri_window_replace_column:
 * @self: a #TriWindow
 * @column: a column index
 * @file: a text file
 *
 * Reads @file and shows it in @column instead of the version there.
 */
void
tri_window_replace_column (TriWindow *self,
                           guint      column,
                           GFile     *file)
{
  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (tri_window_get_alignment (self) == NULL || column >= tri_alignment_get_n_columns (tri_window_get_alignment (self)))
    {
      tri_window_open_files (self, &file, NULL, 1, NULL, tri_window_get_paragraph_mode (self));
      return;
    }

  tri_window_start_open (self, &file, NULL, 1, NULL, tri_window_get_paragraph_mode (self), (int)column);
}

/**
 * tri_window_open_sample:
 * @self: a #TriWindow
 *
 * Shows the bundled sample report in English, Russian and Ukrainian.
 */
void
tri_window_open_sample (TriWindow *self)
{
  const char * const *languages = tri_document_get_sample_languages ();
  TriDocument *documents[TRI_MAX_COLUMNS];
  guint n = 0;

  g_return_if_fail (TRI_IS_WINDOW (self));

  for (; languages[n] != NULL && n < TRI_MAX_COLUMNS; n++)
    documents[n] = tri_document_new_sample (languages[n]);

  tri_window_set_documents (self, documents, n);

  for (guint i = 0; i < n; i++)
    g_object_unref (documents[i]);
}

/* The window's file choosers: Open (Ctrl+O: versions, a project, an
 * aligned file), Replace Version, Save and Save As (Ctrl+S,
 * Ctrl+Shift+S). One chooser at a time, kept by the window. */

/**
 * tri_window_new_file_chooser:
 * @self: a #TriWindow
 * @title: the chooser's title
 * @action: open or save
 * @accept: the accept button's label
 *
 * A new file chooser for @self, in place of the one shown, if any.
 *
 * Returns: (transfer none): the chooser (the window keeps it)
 */
GtkFileChooserNative *
tri_window_new_file_chooser (TriWindow            *self,
                             const char           *title,
                             GtkFileChooserAction  action,
                             const char           *accept)
{
  GtkFileChooserNative *shown = tri_window_get_file_chooser (self);
  g_autoptr(GtkFileChooserNative) chooser = NULL;

  if (shown != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (shown));
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  tri_window_set_file_chooser (self, chooser);
  return chooser;
}

/**
 * tri_window_close_file_chooser:
 * @self: a #TriWindow
 * @chooser: a chooser of tri_window_new_file_chooser() that answered
 */
void
tri_window_close_file_chooser (TriWindow            *self,
                               GtkFileChooserNative *chooser)
{
  g_object_ref (chooser);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (tri_window_get_file_chooser (self) == chooser)
    tri_window_set_file_chooser (self, NULL);
  g_object_unref (chooser);
}

static void
on_chooser_response_cb (TriWindow            *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  GFile *array[TRI_MAX_COLUMNS];
  guint n;
  int replace_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "column")) - 1;

  g_assert (TRI_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      n = g_list_model_get_n_items (files);

      if (n > TRI_MAX_COLUMNS)
        tri_window_show_toast (self, _("Triptych compares at most three versions at a time"));
      else if (n > 0)
        {
          for (guint i = 0; i < n; i++)
            array[i] = g_list_model_get_item (files, i);

          if (replace_column >= 0)
            tri_window_replace_column (self, (guint)replace_column, array[0]);
          else if (n == 1 && tri_file_is_project (array[0]))
            tri_window_open_project (self, array[0]);
          else if (n == 1 && tri_file_is_importable (array[0]))
            tri_window_import (self, array[0]);
          else
            tri_window_open_files (self, array, NULL, n, NULL, tri_window_get_paragraph_mode (self));

          for (guint i = 0; i < n; i++)
            g_object_unref (array[i]);
        }
    }

  tri_window_close_file_chooser (self, chooser);
}

static void
show_chooser (TriWindow *self,
              int        replace_column)
{
  g_autoptr(GtkFileFilter) text_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = tri_window_new_file_chooser (self, replace_column >= 0 ? _("Replace Version")
                                                                                        : _("Open Versions of a Report"),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), replace_column < 0);

  gtk_file_filter_set_name (text_filter, _("Text Files, Documents (HTML, DOCX, ODT, PDF), Projects and "
                                          "Aligned Files (TMX, TSV, CSV, JSONL)"));
  for (const char * const *t = tri_format_get_mime_types (); *t != NULL; t++)
    gtk_file_filter_add_mime_type (text_filter, *t);
  for (const char * const *p = tri_format_get_patterns (); *p != NULL; p++)
    gtk_file_filter_add_suffix (text_filter, *p + 2);
  gtk_file_filter_add_suffix (text_filter, "triptych");
  for (guint f = 0; f < TRI_EXPORT_N_FORMATS; f++)
    if (tri_export_format_can_import ((TriExportFormat)f))
      gtk_file_filter_add_suffix (text_filter, tri_export_format_get_suffix ((TriExportFormat)f) + 1);
  gtk_file_filter_add_mime_type (text_filter, "text/plain");
  gtk_file_filter_add_suffix (text_filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text_filter);
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  g_object_set_data (G_OBJECT (chooser), "column", GINT_TO_POINTER (replace_column + 1));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * tri_file_is_project:
 * @file: a file
 *
 * Returns: whether @file is named as a Triptych project (.triptych)
 */
gboolean
tri_file_is_project (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".triptych");
}

/* Save As */

/**
 * tri_window_suggest_file:
 * @self: a #TriWindow
 * @chooser: a file chooser saving something of the project's
 * @suffix: the file's extension, with the dot (".triptych", ".tmx")
 *
 * Starts @chooser in the project's folder (else the first version's) with
 * the project's name (else the first version's file name), and @suffix:
 * "report.triptych", "report.tmx".
 */
void
tri_window_suggest_file (TriWindow      *self,
                          GtkFileChooser *chooser,
                          const char     *suffix)
{
  TriDocument *doc = tri_alignment_get_document (tri_window_get_alignment (self), 0);
  GFile *from = tri_window_get_project_file (self) != NULL ? tri_window_get_project_file (self) : tri_document_get_file (doc);
  g_autofree char *base = from != NULL ? g_file_get_basename (from) : g_strdup (tri_document_get_title (doc));
  g_autofree char *stem = NULL;
  g_autofree char *suggested = NULL;

  /* "report.triptych", "report-en.txt": the name up to its first dot. */
  stem = g_strndup (base != NULL ? base : "", base != NULL ? strcspn (base, ".") : 0);
  suggested = g_strconcat (stem[0] != '\0' ? stem : _("Alignment"), suffix, NULL);
  if (from != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (from);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  gtk_file_chooser_set_current_name (chooser, suggested);
}

static void
on_save_chooser_response_cb (TriWindow            *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "close-after"));

  if (response == GTK_RESPONSE_ACCEPT && tri_window_get_alignment (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) named = NULL;

      /* Projects open by their suffix: give it one. */
      if (!tri_file_is_project (file))
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *with = g_strconcat (base, ".triptych", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          named = g_file_get_child (parent, with);
        }
      tri_window_save_to (self, named != NULL ? named : file, close_after);
    }

  tri_window_close_file_chooser (self, chooser);
}

static void
show_save_chooser (TriWindow *self,
                   gboolean   close_after)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = tri_window_new_file_chooser (self, _("Save Project"),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));

  gtk_file_filter_set_name (filter, _("Triptych Projects"));
  gtk_file_filter_add_suffix (filter, "triptych");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  tri_window_suggest_file (self, GTK_FILE_CHOOSER (chooser), ".triptych");

  g_object_set_data (G_OBJECT (chooser), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * tri_window_save:
 * @self: a #TriWindow
 * @close_after: whether the window closes once saved
 *
 * Saves the project to its file, or asks where (Save As) if it has none.
 */
void
tri_window_save (TriWindow *self,
                 gboolean   close_after)
{
  if (tri_window_get_alignment (self) == NULL)
    return;
  if (tri_window_get_project_file (self) != NULL)
    tri_window_save_to (self, tri_window_get_project_file (self), close_after);
  else
    show_save_chooser (self, close_after);
}

static void
tri_window_save_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  tri_window_save (TRI_WINDOW (widget), FALSE);
}

static void
tri_window_save_as_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  TriWindow *self = TRI_WINDOW (widget);

  if (tri_window_get_alignment (self) != NULL)
    show_save_chooser (self, FALSE);
}

/* Drag and drop: files dropped on the start page or the grid. */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            TriWindow     *self)
{
  GtkStack *stack = GTK_STACK (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  GSList *list;
  GFile *files[TRI_MAX_COLUMNS];
  guint n = 0;

  g_assert (TRI_IS_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      if (n == TRI_MAX_COLUMNS)
        {
          tri_window_show_toast (self, _("Triptych compares at most three versions at a time"));
          return FALSE;
        }
      files[n++] = l->data;
    }

  if (n == 0)
    return FALSE;

  /* One file dropped on a column replaces that column's version. All
   * columns but the row numbers expand equally, so x tells which. */
  if (n == 1 && tri_window_get_alignment (self) != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (stack), "grid") == 0)
    {
      guint n_columns = tri_alignment_get_n_columns (tri_window_get_alignment (self));
      double width = gtk_widget_get_width (GTK_WIDGET (stack)) - TRI_ALIGNMENT_GRID_NUMBER_WIDTH;
      double offset = MAX (0, x - TRI_ALIGNMENT_GRID_NUMBER_WIDTH);
      guint column = width > 0 ? MIN ((guint)(offset / (width / n_columns)), n_columns - 1) : 0;

      tri_window_replace_column (self, column, files[0]);
      return TRUE;
    }

  tri_window_open_files (self, files, NULL, n, NULL, tri_window_get_paragraph_mode (self));
  return TRUE;
}

/**
 * tri_window_init_files:
 * @self: a #TriWindow
 * @stack: the window's stack of the start page and the grid
 *
 * Shows the files the window's opener reads. Files dropped on @stack open
 * as versions; one file dropped on a column of the grid replaces that
 * column's version.
 */
void
tri_window_init_files (TriWindow *self,
                       GtkWidget *stack)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (tri_window_get_opener (self), "opened", G_CALLBACK (on_opened_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (stack, GTK_EVENT_CONTROLLER (drop));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  show_chooser (TRI_WINDOW (widget), -1);
}

static void
replace_column_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  show_chooser (TRI_WINDOW (widget), (int)g_variant_get_uint32 (param));
}

void
tri_window_class_files_init (TriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_install_action (widget_class, "win.replace-column", "u", replace_column_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, tri_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, tri_window_save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}

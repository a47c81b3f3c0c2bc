/* tri-window-exchange.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-export-dialog.h"
#include "tri-import.h"
#include "tri-language.h"
#include "tri-window-parts.h"

/* Export (Ctrl+E): the Export dialog's choices, then where to save; the
 * files are written in a thread (tri_export_save_async()).
 *
 * Import: a TMX, TSV, CSV or JSONL file opened (Open, a drop, the command
 * line) becomes the rows shown, one a unit; a TMX with more languages than
 * the window's three columns asks which to open. */

/* The window, if it is still there when the files are written. */
typedef struct
{
  TriWindow *window;
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  g_clear_weak_pointer (&run->window);
  g_free (run);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = tri_export_save_finish (result, &error);

  if (run->window != NULL)
    {
      if (files == NULL)
        tri_window_show_toast (run->window, error->message);
      else if (files->len == 1)
        {
          g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, 0));
          /* Translators: a file name */
          g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);

          tri_window_show_toast (run->window, message);
        }
      else
        {
          /* Translators: how many files (one per language pair) */
          g_autofree char *message = g_strdup_printf (ngettext ("Exported to %u file", "Exported to %u files",
                                                                files->len),
                                                      files->len);

          tri_window_show_toast (run->window, message);
        }
    }
  export_run_free (run);
}

/**
 * tri_window_export:
 * @self: a #TriWindow
 * @options: what to export, and how
 * @file: where (with --pairs, the first of the files: see
 *   tri_export_save())
 *
 * Exports the aligned rows in a thread (the Export dialog's last step),
 * after what was typed reaches the model; a toast says where they went,
 * or what went wrong.
 */
void
tri_window_export (TriWindow              *self,
                   const TriExportOptions *options,
                   GFile                  *file)
{
  ExportRun *run;

  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (tri_window_get_alignment (self) != NULL);

  tri_window_commit_edits (self);
  run = g_new0 (ExportRun, 1);
  g_set_weak_pointer (&run->window, self);
  tri_export_save_async (tri_window_get_alignment (self), options, file, tri_window_get_cancellable (self), on_exported_cb, run);
}

static void
on_export_file_cb (GtkFileChooserNative *chooser,
                   int                   response,
                   TriExportOptions     *options)
{
  TriWindow *self = TRI_WINDOW (gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser)));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);
      TriExportFormat format;

      /* A name without the format's suffix gets it. */
      if (!tri_export_format_for_filename (name, &format) || format != options->format)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *named = g_strconcat (name, tri_export_format_get_suffix (options->format), NULL);

          g_set_object (&file, g_file_get_child (parent, named));
        }
      tri_window_export (self, options, file);
    }

  tri_window_close_file_chooser (self, chooser);
}

static void
on_export_cb (TriExportDialog  *dialog,
              TriExportOptions *options,
              TriWindow        *self)
{
  GtkFileChooserNative *chooser;

  gtk_window_close (GTK_WINDOW (dialog));
  if (tri_window_get_file_chooser (self) != NULL)
    return;

  chooser = tri_window_new_file_chooser (self, _("Export Aligned Rows"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  tri_window_suggest_file (self, GTK_FILE_CHOOSER (chooser), tri_export_format_get_suffix (options->format));
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_export_file_cb),
                         tri_export_options_copy (options), (GClosureNotify)(void (*)(void))tri_export_options_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);
  TriExportDialog *dialog;

  if (tri_window_get_alignment (self) == NULL)
    return;
  tri_window_commit_edits (self);
  dialog = tri_export_dialog_new (GTK_WINDOW (self), tri_window_get_alignment (self), tri_window_get_settings (self));
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_export_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import */

/**
 * tri_file_is_importable:
 * @file: a file
 *
 * Returns: whether @file is named as aligned units Triptych reads (TMX,
 *   TSV, CSV, JSONL)
 */
gboolean
tri_file_is_importable (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  TriExportFormat format;

  return name != NULL && tri_export_format_for_filename (name, &format) && tri_export_format_can_import (format);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TriWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  TriAlignment *alignment = tri_import_load_finish (result, &error);

  tri_window_set_busy (self, FALSE);
  if (alignment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tri_window_show_toast (self, error->message);
      return;
    }
  tri_window_show_imported (self, alignment);
}

static void
import_languages (TriWindow          *self,
                  GFile              *file,
                  const char * const *languages)
{
  g_autofree char *name = g_file_get_basename (file);
  TriExportFormat format = TRI_EXPORT_TMX;

  tri_export_format_for_filename (name, &format);
  tri_window_set_busy (self, TRUE);
  tri_import_load_async (file, format, languages, tri_window_get_cancellable (self), on_imported_cb, g_object_ref (self));
}

typedef struct
{
  TriWindow  *window;
  GFile      *file;
  GPtrArray  *checks;
  char      **languages;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_weak_pointer (&choice->window);
  g_clear_object (&choice->file);
  g_clear_pointer (&choice->checks, g_ptr_array_unref);
  g_strfreev (choice->languages);
  g_free (choice);
}

static guint
n_chosen (Choice *choice)
{
  guint n = 0;

  for (guint i = 0; i < choice->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (choice->checks, i));
  return n;
}

static void
on_language_toggled_cb (AdwMessageDialog *dialog,
                        GParamSpec       *pspec,
                        GtkCheckButton   *check)
{
  Choice *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  guint n = n_chosen (choice);

  adw_message_dialog_set_response_enabled (dialog, "open", n >= 1 && n <= TRI_MAX_COLUMNS);
}

static void
on_languages_chosen_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  Choice *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;

  if (!g_str_equal (response, "open") || choice->window == NULL)
    return;
  for (guint i = 0; i < choice->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (choice->checks, i)))
      g_strv_builder_add (chosen, choice->languages[i]);
  languages = g_strv_builder_end (chosen);
  import_languages (choice->window, choice->file, (const char * const *)languages);
}

/* More languages than columns: which to open, the first three ticked. */
static void
ask_languages (TriWindow  *self,
               GFile      *file,
               char      **languages)   /* taken */
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog, *list;
  Choice *choice = g_new0 (Choice, 1);

  g_set_weak_pointer (&choice->window, self);
  choice->file = g_object_ref (file);
  choice->languages = languages;
  choice->checks = g_ptr_array_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Which Languages?"), NULL);
  /* Translators: a file name, and how many columns the window has */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” holds more languages than Triptych shows side by side. "
                                    "Choose up to %u."),
                                  name, TRI_MAX_COLUMNS);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; languages[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *display = tri_language_dup_display_name (languages[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), languages[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i < TRI_MAX_COLUMNS);
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (on_language_toggled_cb), dialog);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (choice->checks, check);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "choice", choice, (GDestroyNotify)choice_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_languages_chosen_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_languages_listed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(TriWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char **languages = g_task_propagate_pointer (G_TASK (result), &error);
  GFile *file = g_task_get_task_data (G_TASK (result));

  tri_window_set_busy (self, FALSE);
  if (languages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tri_window_show_toast (self, error->message);
      return;
    }
  if (g_strv_length (languages) > TRI_MAX_COLUMNS)
    ask_languages (self, file, languages);
  else
    {
      import_languages (self, file, (const char * const *)languages);
      g_strfreev (languages);
    }
}

static void
list_languages_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;
  char **languages = tri_import_list_languages (task_data, TRI_EXPORT_TMX, cancellable, &error);

  if (languages == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, languages, (GDestroyNotify)g_strfreev);
}

/**
 * tri_window_import:
 * @self: a #TriWindow
 * @file: a TMX, TSV, CSV or JSONL file of aligned units
 *
 * Shows the file's units as rows, in the background; a TMX with more
 * languages than the window's columns asks which to open first.
 */
void
tri_window_import (TriWindow *self,
                   GFile     *file)
{
  g_autofree char *name = NULL;
  TriExportFormat format;

  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  if (!tri_export_format_for_filename (name, &format) || !tri_export_format_can_import (format))
    return;

  if (format == TRI_EXPORT_TMX)
    {
      g_autoptr(GTask) task = g_task_new (NULL, tri_window_get_cancellable (self), on_languages_listed_cb, g_object_ref (self));

      g_task_set_source_tag (task, tri_window_import);
      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      tri_window_set_busy (self, TRUE);
      g_task_run_in_thread (task, list_languages_worker);
      return;
    }
  import_languages (self, file, NULL);
}

/**
 * tri_window_class_exchange_init:
 * @klass: the window's class
 */
void
tri_window_class_exchange_init (TriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}

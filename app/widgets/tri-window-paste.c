/* tri-window-paste.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-paste"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-format.h"
#include "tri-window-parts.h"

/* Paste: a version of the report from the clipboard. Ctrl+V pastes into
 * the current column (on the start page: opens it as the first version);
 * "Paste as Version" in a column's menu pastes into that column. A web
 * page copied from a browser comes as text/html, read as a saved page is
 * (tri-format-html.c), so its headings and paragraphs stay; else the
 * plain text. A text field or the editor that has the focus takes Ctrl+V
 * first: the window's shortcut only runs when nothing else uses it. */

/* The most the clipboard may hold for a version: as much as a file. */
#define MAX_PASTE ((gsize) TRI_TEXT_SOURCE_MAX_SIZE)

static const char * const paste_types[] = {
  "text/html", "text/plain;charset=utf-8", "text/plain", NULL,
};

typedef struct
{
  TriWindow *self;
  int        column;   /* -1: the start page */
  char      *mime_type;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_object_unref (data->self);
  g_free (data->mime_type);
  g_free (data);
}

/* The clipboard's bytes as a document, or %NULL with @error set. */
static TriDocument *
document_from_clipboard (TriWindow   *self,
                         const char  *mime_type,
                         GBytes      *bytes,
                         GError     **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  gboolean html = g_str_has_prefix (mime_type, "text/html");
  const char *name = html ? _("Pasted web page") : _("Pasted text");
  g_autofree char *text = NULL;
  TriDocument *document;

  if (html)
    {
      text = tri_format_html_extract (data, length, name, NULL, NULL, NULL, error);
      if (text == NULL)
        return NULL;
    }
  else
    {
      g_autoptr(TriDecodedText) decoded = NULL;

      decoded = tri_text_source_decode (data, length, name,
                                        strstr (mime_type, "utf-8") != NULL ? "UTF-8" : NULL, error);
      if (decoded == NULL)
        return NULL;
      text = g_steal_pointer (&decoded->text);
    }

  if (text[strspn (text, " \t\n")] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The clipboard holds no text to paste"));
      return NULL;
    }

  /* HTML's paragraphs are its own, whatever the setting for text. */
  document = tri_document_new (text, NULL, html ? TRI_PARAGRAPH_BLANK_LINES : tri_window_get_paragraph_mode (self));
  tri_document_set_title (document, name);
  tri_document_set_format (document, html ? TRI_FORMAT_HTML : TRI_FORMAT_TEXT);
  return document;
}

static void
on_spliced_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PasteData *data = user_data;
  GOutputStream *out = G_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TriDocument) document = NULL;
  gssize n;

  n = g_output_stream_splice_finish (out, result, &error);
  if (n >= 0)
    {
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      if (g_bytes_get_size (bytes) > MAX_PASTE)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                             _("The clipboard holds too much text to paste"));
      else
        document = document_from_clipboard (data->self, data->mime_type, bytes, &error);
    }

  tri_window_set_busy (data->self, FALSE);
  if (document == NULL)
    tri_window_show_toast (data->self, error->message);
  else
    tri_window_replace_document (data->self, data->column, document);

  g_object_unref (out);
  paste_data_free (data);
}

static void
on_clipboard_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  PasteData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  const char *mime_type = NULL;
  GOutputStream *out;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, &mime_type, &error);
  if (stream == NULL)
    {
      tri_window_set_busy (data->self, FALSE);
      tri_window_show_toast (data->self, _("The clipboard holds no text to paste"));
      g_debug ("Reading the clipboard: %s", error->message);
      paste_data_free (data);
      return;
    }

  data->mime_type = g_ascii_strdown (mime_type, -1);
  out = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (out, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_spliced_cb, data);
}

/* Reads the clipboard in the background and shows it as @column's version:
 * -1 for the current column (or, on the start page, a new report). */
static void
paste_into (TriWindow *self,
            int        column)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  PasteData *data;

  if (tri_window_get_busy (self))
    return;

  if (column < 0 && tri_window_get_alignment (self) != NULL)
    column = (int)tri_alignment_grid_get_current_column (tri_window_get_grid (self));
  if (tri_window_get_alignment (self) == NULL)
    column = -1;

  data = g_new0 (PasteData, 1);
  data->self = g_object_ref (self);
  data->column = column;

  tri_window_set_busy (self, TRUE);
  gdk_clipboard_read_async (clipboard, (const char **)paste_types, G_PRIORITY_DEFAULT, NULL,
                            on_clipboard_read_cb, data);
}

static void
tri_window_paste_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  paste_into (TRI_WINDOW (widget), -1);
}

static void
tri_window_paste_version_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  paste_into (TRI_WINDOW (widget), (int)g_variant_get_uint32 (param));
}

void
tri_window_class_paste_init (TriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.paste", NULL, tri_window_paste_action);
  gtk_widget_class_install_action (widget_class, "win.paste-version", "u", tri_window_paste_version_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste", NULL);
}

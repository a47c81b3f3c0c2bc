/* tri-window-text-size.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-text-size"

#include "config.h"

#include "tri-window-parts.h"

/* The text size of the cells, the editor strip and the parallel text
 * (Ctrl+plus, Ctrl+minus, Ctrl+0): the "font-size" setting, as a style
 * provider of the window's. */

#define MIN_FONT_SIZE 6
#define MAX_FONT_SIZE 48

typedef struct
{
  GtkCssProvider *provider;
  GdkDisplay     *display;
} TextSize;

static void
text_size_free (TextSize *text_size)
{
  gtk_style_context_remove_provider_for_display (text_size->display, GTK_STYLE_PROVIDER (text_size->provider));
  g_object_unref (text_size->provider);
  g_object_unref (text_size->display);
  g_free (text_size);
}

static void
update_font (TriWindow *self)
{
  TextSize *text_size = g_object_get_data (G_OBJECT (self), "tri-text-size");
  int size = g_settings_get_int (tri_window_get_settings (self), "font-size");
  g_autofree char *css = NULL;

  css = g_strdup_printf ("columnview.alignment-grid segmentcell > label, "
                         "columnview.alignment-grid segmentcell > inscription, segmenteditor textview, "
                         "parallelview textview { font-size: %dpt; }",
                         size);
  gtk_css_provider_load_from_data (text_size->provider, css, -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", size < MAX_FONT_SIZE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", size > MIN_FONT_SIZE);
}

/**
 * tri_window_init_text_size:
 * @self: a #TriWindow
 *
 * The window's text size follows the "font-size" setting from now on.
 */
void
tri_window_init_text_size (TriWindow *self)
{
  TextSize *text_size = g_new0 (TextSize, 1);

  text_size->provider = gtk_css_provider_new ();
  text_size->display = g_object_ref (gtk_widget_get_display (GTK_WIDGET (self)));
  gtk_style_context_add_provider_for_display (text_size->display, GTK_STYLE_PROVIDER (text_size->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (self), "tri-text-size", text_size, (GDestroyNotify)text_size_free);
  g_signal_connect_object (tri_window_get_settings (self), "changed::font-size", G_CALLBACK (update_font), self,
                           G_CONNECT_SWAPPED);
  update_font (self);
}

static void
zoom (TriWindow *self,
      int        delta)
{
  GSettings *settings = tri_window_get_settings (self);
  int size = g_settings_get_int (settings, "font-size");

  g_settings_set_int (settings, "font-size", CLAMP (size + delta, MIN_FONT_SIZE, MAX_FONT_SIZE));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  zoom (TRI_WINDOW (widget), 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  zoom (TRI_WINDOW (widget), -1);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  g_settings_reset (tri_window_get_settings (TRI_WINDOW (widget)), "font-size");
}

void
tri_window_class_text_size_init (TriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_plus, "win.zoom-in" }, { GDK_KEY_equal, "win.zoom-in" }, { GDK_KEY_KP_Add, "win.zoom-in" },
    { GDK_KEY_minus, "win.zoom-out" }, { GDK_KEY_KP_Subtract, "win.zoom-out" },
    { GDK_KEY_0, "win.zoom-reset" }, { GDK_KEY_KP_0, "win.zoom-reset" },
  };

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, GDK_CONTROL_MASK, keys[i].action, NULL);
}

/* tri-preferences-window.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tri-preferences-window.h"
#include "tri-segmenter.h"

struct _TriPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkAdjustment        *font_size_adjustment;
  GtkSwitch            *line_paragraphs_switch;
  AdwActionRow         *abbreviations_row;
  GtkSwitch            *spell_switch;
  GtkSwitch            *acronyms_switch;
  GtkSwitch            *digits_switch;
  GtkSwitch            *urls_switch;
  GtkSwitch            *names_switch;
};

G_DEFINE_FINAL_TYPE (TriPreferencesWindow, tri_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
abbreviations_dir (void)
{
  g_autofree char *path = tri_segmenter_user_rules_path ("en");

  return g_path_get_dirname (path);
}

static void
tri_preferences_window_open_abbreviations_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *param)
{
  TriPreferencesWindow *self = TRI_PREFERENCES_WINDOW (widget);
  g_autofree char *dir = abbreviations_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autofree char *uri = g_file_get_uri (file);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot create the folder “%s”: %s"),
                                                  dir, g_strerror (errno));
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
tri_preferences_window_dispose (GObject *object)
{
  TriPreferencesWindow *self = (TriPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRI_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tri_preferences_window_parent_class)->dispose (object);
}

static void
tri_preferences_window_class_init (TriPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/tri-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TriPreferencesWindow, font_size_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TriPreferencesWindow, line_paragraphs_switch);
  gtk_widget_class_bind_template_child (widget_class, TriPreferencesWindow, abbreviations_row);
  gtk_widget_class_bind_template_child (widget_class, TriPreferencesWindow, spell_switch);
  gtk_widget_class_bind_template_child (widget_class, TriPreferencesWindow, acronyms_switch);
  gtk_widget_class_bind_template_child (widget_class, TriPreferencesWindow, digits_switch);
  gtk_widget_class_bind_template_child (widget_class, TriPreferencesWindow, urls_switch);
  gtk_widget_class_bind_template_child (widget_class, TriPreferencesWindow, names_switch);

  gtk_widget_class_install_action (widget_class, "prefs.open-abbreviations", NULL,
                                   tri_preferences_window_open_abbreviations_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
tri_preferences_window_init (TriPreferencesWindow *self)
{
  g_autofree char *dir = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  dir = abbreviations_dir ();
  adw_action_row_set_subtitle (self->abbreviations_row, dir);
}

/**
 * tri_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a preferences window bound to @settings
 */
TriPreferencesWindow *
tri_preferences_window_new (GSettings *settings)
{
  TriPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TRI_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "font-size", self->font_size_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "line-paragraphs", self->line_paragraphs_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "spell-check", self->spell_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "spell-skip-acronyms", self->acronyms_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "spell-skip-digits", self->digits_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "spell-skip-urls", self->urls_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "spell-skip-names", self->names_switch, "active", G_SETTINGS_BIND_DEFAULT);
  /* What to leave alone means nothing with checking off. */
  g_object_bind_property (self->spell_switch, "active", self->acronyms_switch, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->spell_switch, "active", self->digits_switch, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->spell_switch, "active", self->urls_switch, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->spell_switch, "active", self->names_switch, "sensitive", G_BINDING_SYNC_CREATE);

  return self;
}

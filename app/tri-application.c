/* tri-application.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-application.h"
#include "tri-autosave.h"
#include "tri-core.h"
#include "tri-gui-resources.h"
#include "tri-language.h"
#include "tri-preferences-window.h"
#include "tri-user-lexicon.h"
#include "tri-window.h"

struct _TriApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (TriApplication, tri_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "sample", 's', 0, G_OPTION_ARG_NONE, NULL, N_("Open the bundled sample report"), NULL },
  { "line-paragraphs", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Treat every line of the files as a paragraph"), NULL },
  { "encoding", 'e', 0, G_OPTION_ARG_STRING, NULL,
    N_("Encoding of the files (detected when not given)"), N_("ENC") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[LANG=]FILE…") },
  { NULL }
};

TriApplication *
tri_application_new (void)
{
  return g_object_new (TRI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * tri_application_get_settings:
 * @self: a #TriApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
tri_application_get_settings (TriApplication *self)
{
  g_return_val_if_fail (TRI_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * tri_application_find_project_window:
 * @self: a #TriApplication
 * @file: a .triptych project
 *
 * Returns: (transfer none) (nullable): the window that shows @file or is
 *   opening it: a project has one window
 */
GtkWindow *
tri_application_find_project_window (TriApplication *self,
                                     GFile          *file)
{
  g_return_val_if_fail (TRI_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TRI_IS_WINDOW (l->data) && tri_window_shows_project (l->data, file))
      return l->data;
  return NULL;
}

typedef struct
{
  TriApplication *self;
  GPtrArray      *files;
} Recovery;

static TriWindow *new_window (TriApplication *self);

/* The work is put back into the window that shows its project, else into
 * an empty window, else into a new one: never beside its project. */
static TriWindow *
window_for_recovery (TriApplication *self,
                     GtkWindow      *parent,
                     GFile          *autosave)
{
  g_autoptr(GFile) project = tri_autosave_get_project (autosave);
  GtkWindow *window = project != NULL ? tri_application_find_project_window (self, project) : NULL;

  if (window != NULL)
    return TRI_WINDOW (window);
  if (TRI_IS_WINDOW (parent) && tri_window_is_empty (TRI_WINDOW (parent)))
    return TRI_WINDOW (parent);
  return new_window (self);
}

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Recovery         *recovery)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  for (guint i = 0; i < recovery->files->len; i++)
    {
      GFile *file = g_ptr_array_index (recovery->files, i);

      if (g_str_equal (response, "recover"))
        {
          TriWindow *window = window_for_recovery (recovery->self, parent, file);

          gtk_window_present (GTK_WINDOW (window));
          tri_window_recover (window, file);
        }
      else if (g_str_equal (response, "discard"))
        tri_autosave_remove (file);
    }

  g_ptr_array_unref (recovery->files);
  g_object_unref (recovery->self);
  g_free (recovery);
}

/* Work a crash interrupted is offered back once, at the first window. */
static void
offer_recovery (TriApplication *self,
                TriWindow      *window)
{
  g_autoptr(GPtrArray) files = NULL;
  AdwMessageDialog *dialog;
  Recovery *recovery;
  g_autofree char *body = NULL;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  files = tri_autosave_list ();
  if (files->len == 0)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Triptych did not close properly last time. The fixes to %u alignment were not saved; they were kept.",
                                       "Triptych did not close properly last time. The fixes to %u alignments were not saved; they were kept.",
                                       files->len),
                          files->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), _("Recover Unsaved Work?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");

  recovery = g_new0 (Recovery, 1);
  recovery->self = g_object_ref (self);
  recovery->files = g_steal_pointer (&files);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response_cb), recovery);
  gtk_window_present (GTK_WINDOW (dialog));
}

static TriWindow *
new_window (TriApplication *self)
{
  TriWindow *window = tri_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * tri_application_open_project:
 * @self: a #TriApplication
 * @file: a .triptych project
 *
 * Opens @file in a new window, or presents the window that shows it
 * already; work a crash left unsaved is offered back at the first window.
 *
 * Returns: (transfer none): the project's window
 */
GtkWindow *
tri_application_open_project (TriApplication *self,
                              GFile          *file)
{
  GtkWindow *window;

  g_return_val_if_fail (TRI_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = tri_application_find_project_window (self, file);
  if (window != NULL)
    {
      gtk_window_present (window);
      return window;
    }

  window = GTK_WINDOW (new_window (self));
  tri_window_open_project (TRI_WINDOW (window), file);
  offer_recovery (self, TRI_WINDOW (window));
  return window;
}

static void
tri_application_activate (GApplication *app)
{
  TriApplication *self = TRI_APPLICATION (app);
  GtkWindow *window;

  g_assert (TRI_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (new_window (self));
  offer_recovery (self, TRI_WINDOW (window));

  /* A new user sees the sample report first: it shows what Triptych does. */
  if (g_settings_get_boolean (self->settings, "first-run"))
    {
      g_settings_set_boolean (self->settings, "first-run", FALSE);
      tri_window_open_sample (TRI_WINDOW (window));
    }
}

static int
tri_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  TriApplication *self = TRI_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **args = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  const char *encoding = NULL;
  gboolean sample = FALSE, line_paragraphs = FALSE;
  TriWindow *window;

  g_variant_dict_lookup (options, "sample", "b", &sample);
  g_variant_dict_lookup (options, "line-paragraphs", "b", &line_paragraphs);
  g_variant_dict_lookup (options, "encoding", "&s", &encoding);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &args);

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      const char *arg = args[i];
      const char *eq = strchr (arg, '=');
      g_autofree char *language = NULL;

      /* "en=report.txt": a language code, then the file. */
      if (eq != NULL && eq > arg && eq - arg <= 8)
        {
          language = g_strndup (arg, (gsize)(eq - arg));
          if (tri_language_is_valid (language))
            arg = eq + 1;
          else
            g_clear_pointer (&language, g_free);
        }

      g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line, arg));
      g_ptr_array_add (languages, g_steal_pointer (&language));
    }

  if (files->len > 3)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Triptych compares at most three versions at a time"));
      return EXIT_FAILURE;
    }

  if (files->len == 0 && !sample)
    {
      g_application_activate (app);
      return EXIT_SUCCESS;
    }

  if (files->len == 1 && tri_file_is_project (g_ptr_array_index (files, 0)))
    {
      tri_application_open_project (self, g_ptr_array_index (files, 0));
      return EXIT_SUCCESS;
    }

  window = new_window (self);
  offer_recovery (self, window);
  if (files->len > 0)
    tri_window_open_files (window, (GFile **)files->pdata, (const char * const *)languages->pdata,
                           files->len, encoding,
                           line_paragraphs ? TRI_PARAGRAPH_LINES : TRI_PARAGRAPH_BLANK_LINES);
  else
    tri_window_open_sample (window);

  return EXIT_SUCCESS;
}

static void
tri_application_startup (GApplication *app)
{
  TriApplication *self = TRI_APPLICATION (app);

  /* Before chaining up: AdwApplication loads style.css and GtkApplication
   * the shortcuts window from these resources. The static library drops
   * their constructor, hence the explicit call. */
  g_resources_register (tri_gui_get_resource ());
  tri_core_init ();
  /* Named for the desktop: recent files and the window list show it. */
  g_set_application_name (_("Triptych"));

  G_APPLICATION_CLASS (tri_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  self->settings = g_settings_new (APP_ID);
}

static void
tri_application_shutdown (GApplication *app)
{
  TriApplication *self = TRI_APPLICATION (app);

  /* What the last confirmations taught, before the process ends. */
  tri_user_lexicon_flush ();
  G_APPLICATION_CLASS (tri_application_parent_class)->shutdown (app);

  g_clear_object (&self->settings);
}

static void
tri_application_class_init (TriApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = tri_application_activate;
  app_class->command_line = tri_application_command_line;
  app_class->startup = tri_application_startup;
  app_class->shutdown = tri_application_shutdown;
}

static void
tri_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  static const char *developers[] = { "The Triptych authors", NULL };
  TriApplication *self = user_data;
  GtkWindow *window;

  g_assert (TRI_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  adw_show_about_window (window,
                         "application-name", _("Triptych"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Triptych authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Compare the English, Russian and Ukrainian versions of a report, sentence by sentence"),
                         "website", "https://github.com/triptych/triptych",
                         "issue-url", "https://github.com/triptych/triptych/issues",
                         "developers", developers,
                         /* Translators: your name(s), one per line, as they should appear in the About window */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Triptych authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
tri_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  TriApplication *self = user_data;
  GtkWindow *window;
  TriPreferencesWindow *preferences;

  g_assert (TRI_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  preferences = tri_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
tri_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  TriApplication *self = user_data;

  g_assert (TRI_IS_APPLICATION (self));

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "quit", tri_application_quit_action },
  { "about", tri_application_about_action },
  { "preferences", tri_application_preferences_action },
};

static void
tri_application_init (TriApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[LANG=]FILE…"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Open two or three versions of a report side by side, e.g.\n"
      "  triptych en=report.txt ru=report-ru.txt uk=report-uk.txt\n"
      "The language of a file given without LANG= is guessed from its text."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.about",
                                         (const char *[]) { "F1", NULL });
}

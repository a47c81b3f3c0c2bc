/* tri-recent-projects.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-recent-projects"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tri-recent-projects.h"

/**
 * TriRecentProjects:
 *
 * The projects opened or saved last (the desktop's recent files), newest
 * first, on the page shown before any; hidden while there is none.
 * Activating one emits #TriRecentProjects::open.
 */

struct _TriRecentProjects
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *group;
  GtkListBox *list;
};

enum {
  OPEN,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (TriRecentProjects, tri_recent_projects, GTK_TYPE_WIDGET)

static guint signals [N_SIGNALS];

/* Projects opened and saved are recent files of the desktop. */
/**
 * tri_recent_projects_add:
 * @file: a project opened or saved
 *
 * Adds @file to the recent files of the desktop, where every
 * #TriRecentProjects finds it.
 */
void
tri_recent_projects_add (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  /* Given in full: left to guess, GTK 4.8 writes a NULL MIME type for a
   * type the system does not know, and GLib 2.74 warns while saving it. */
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *)"application/json",
    .app_name = (char *)g_get_application_name (),
    .app_exec = (char *)"triptych %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* The projects opened or saved last, on the page shown before any. */

#define MAX_RECENT_PROJECTS 8

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *x = *(GtkRecentInfo **)a;
  GtkRecentInfo *y = *(GtkRecentInfo **)b;

  return g_date_time_compare (gtk_recent_info_get_modified (y), gtk_recent_info_get_modified (x));
}

static void
on_row_activated_cb (AdwActionRow      *row,
                     TriRecentProjects *self)
{
  g_signal_emit (self, signals [OPEN], 0, g_object_get_data (G_OBJECT (row), "file"));
}

static void
update (TriRecentProjects *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) projects = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_is_local (info) && gtk_recent_info_exists (info) &&
          g_str_has_suffix (gtk_recent_info_get_uri (info), ".triptych"))
        g_ptr_array_add (projects, info);
    }
  g_ptr_array_sort (projects, compare_recent);

  for (guint i = 0; i < MIN (projects->len, MAX_RECENT_PROJECTS); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (projects, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;
      g_autofree char *title = g_markup_escape_text (name, -1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* ~/Documents rather than /home/anna/Documents, as Nautilus does. */
      if (folder != NULL && g_str_has_prefix (folder, g_get_home_dir ()))
        {
          char *home = g_strconcat ("~", folder + strlen (g_get_home_dir ()), NULL);

          g_free (folder);
          folder = home;
        }
      subtitle = g_markup_escape_text (folder != NULL ? folder : "", -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), projects->len > 0);
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

static void
tri_recent_projects_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRI_TYPE_RECENT_PROJECTS);

  G_OBJECT_CLASS (tri_recent_projects_parent_class)->dispose (object);
}

static void
tri_recent_projects_class_init (TriRecentProjectsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_recent_projects_dispose;

  /**
   * TriRecentProjects::open:
   * @self: a #TriRecentProjects
   * @file: the project chosen
   */
  signals [OPEN] =
    g_signal_new ("open",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/tri-recent-projects.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TriRecentProjects, group);
  gtk_widget_class_bind_template_child (widget_class, TriRecentProjects, list);
}

static void
tri_recent_projects_init (TriRecentProjects *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/* tri-window-project.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-project"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-application.h"
#include "tri-project-session.h"
#include "tri-window-parts.h"

/* The window's project file, kept by its TriProjectSession: opening one
 * (once: a project another window shows is presented instead), recovering
 * the work a crash left, saving, the autosave. */

/**
 * tri_window_shows_project:
 * @self: a #TriWindow
 * @file: a .triptych project
 *
 * Returns: whether @self shows @file, or is opening it
 */
gboolean
tri_window_shows_project (TriWindow *self,
                          GFile     *file)
{
  GFile *loading;

  g_return_val_if_fail (TRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  loading = tri_project_session_get_loading_file (tri_window_get_session (self));
  if (loading != NULL)
    return g_file_equal (loading, file);
  return tri_window_get_project_file (self) != NULL && g_file_equal (tri_window_get_project_file (self), file);
}

/**
 * tri_window_is_empty:
 * @self: a #TriWindow
 *
 * Returns: whether @self shows nothing and opens nothing: the start page
 */
gboolean
tri_window_is_empty (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), FALSE);

  return tri_window_get_alignment (self) == NULL && !tri_window_get_busy (self) &&
         tri_project_session_get_loading_file (tri_window_get_session (self)) == NULL;
}

/**
 * tri_window_open_project:
 * @self: a #TriWindow
 * @file: a .triptych project
 *
 * Opens a project in the background: its texts, rows, confirmations and
 * bookmarks, as saved. A project another window shows is not opened
 * twice: that window is presented instead.
 */
void
tri_window_open_project (TriWindow *self,
                         GFile     *file)
{
  GtkApplication *application;

  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (TRI_IS_APPLICATION (application))
    {
      GtkWindow *shown = tri_application_find_project_window (TRI_APPLICATION (application), file);

      if (shown != NULL)
        {
          gtk_window_present (shown);
          return;
        }
    }

  tri_project_session_open (tri_window_get_session (self), file, tri_window_restart_loading (self));
}

/**
 * tri_window_recover:
 * @self: a #TriWindow
 * @autosave: an autosaved project left by a crash
 *
 * Opens the work in @autosave, as unsaved, for the project it belonged to,
 * in place of what @self shows or is opening.
 */
void
tri_window_recover (TriWindow *self,
                    GFile     *autosave)
{
  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (autosave));

  tri_project_session_recover (tri_window_get_session (self), autosave, tri_window_restart_loading (self));
}

/**
 * tri_window_save_project:
 * @self: a #TriWindow
 * @file: where to save
 *
 * Saves the project to @file, atomically, in the background. If @file is
 * the project's file and another program changed it since it was read, a
 * dialog asks before it is replaced.
 */
void
tri_window_save_project (TriWindow *self,
                         GFile     *file)
{
  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  tri_project_session_save (tri_window_get_session (self), file, FALSE);
}

/**
 * tri_window_save_to:
 * @self: a #TriWindow
 * @file: where to save
 * @close_after: whether the window closes once saved
 *
 * tri_window_save_project(), and the window closes after if asked.
 */
void
tri_window_save_to (TriWindow *self,
                    GFile     *file,
                    gboolean   close_after)
{
  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  tri_project_session_save (tri_window_get_session (self), file, close_after);
}

/**
 * tri_window_autosave:
 * @self: a #TriWindow
 *
 * Writes the unsaved work to the window's autosave file now (in the
 * background). Nothing happens when there is nothing new to keep.
 */
void
tri_window_autosave (TriWindow *self)
{
  g_return_if_fail (TRI_IS_WINDOW (self));

  tri_project_session_autosave (tri_window_get_session (self));
}

/**
 * tri_window_get_autosave_file:
 * @self: a #TriWindow
 *
 * Returns: (transfer none) (nullable): where the window keeps its unsaved work
 */
GFile *
tri_window_get_autosave_file (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return tri_project_session_get_autosave_file (tri_window_get_session (self));
}

/**
 * tri_window_get_unsaved:
 * @self: a #TriWindow
 *
 * Returns: whether the rows changed since they were opened or saved
 */
gboolean
tri_window_get_unsaved (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), FALSE);

  return tri_window_get_session (self) != NULL && tri_project_session_get_unsaved (tri_window_get_session (self));
}

/**
 * tri_window_get_project_file:
 * @self: a #TriWindow
 *
 * Returns: (transfer none) (nullable): the project shown, if saved or opened
 */
GFile *
tri_window_get_project_file (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);

  return tri_window_get_session (self) != NULL ? tri_project_session_get_file (tri_window_get_session (self)) : NULL;
}

static void
on_session_loaded_cb (TriWindow    *self,
                      TriAlignment *alignment,
                      gboolean      recovered)
{
  tri_window_show_rows (self, g_object_ref (alignment));
  if (recovered)
    tri_window_show_toast (self, _("Recovered the unsaved fixes"));
  else
    tri_window_update_review_count (self);
}

static void
on_session_changed_cb (TriWindow *self)
{
  tri_window_update_title (self);
  tri_window_update_actions (self);
}

static void
on_session_saved_cb (TriWindow *self,
                     gboolean   close_after)
{
  if (close_after)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_session_save_requested_cb (TriWindow *self)
{
  tri_window_save (self, TRUE);
}

static void
on_session_error_cb (TriWindow  *self,
                     const char *message)
{
  tri_window_show_toast (self, message);
}

/**
 * tri_window_show_imported:
 * @self: a #TriWindow
 * @alignment: (transfer full): rows read from a TMX, TSV, CSV or JSONL file
 *
 * Shows @alignment as it is, a new project not saved yet.
 */
void
tri_window_show_imported (TriWindow    *self,
                           TriAlignment *alignment)
{
  tri_project_session_forget_file (tri_window_get_session (self));
  tri_window_show_rows (self, alignment);
  tri_window_update_review_count (self);
}

/**
 * tri_window_init_project:
 * @self: a #TriWindow
 *
 * The window follows its project session.
 */
void
tri_window_init_project (TriWindow *self)
{
  TriProjectSession *session = tri_window_get_session (self);

  g_signal_connect_object (session, "busy", G_CALLBACK (tri_window_set_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "loaded", G_CALLBACK (on_session_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "saved", G_CALLBACK (on_session_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "save-requested", G_CALLBACK (on_session_save_requested_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "error", G_CALLBACK (on_session_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "commit-edits", G_CALLBACK (tri_window_commit_edits), self,
                           G_CONNECT_SWAPPED);
}

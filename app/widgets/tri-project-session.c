/* tri-project-session.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-project-session"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tri-autosave.h"
#include "tri-error.h"
#include "tri-project.h"
#include "tri-project-session.h"
#include "tri-recent-projects.h"

/**
 * TriProjectSession:
 *
 * A window's project file: which file the rows belong to and its etag
 * when read or written, whether the rows changed since, opening a project
 * and recovering one a crash left, saving (atomically, in the background,
 * never over a file another program changed since it was read without
 * asking), and the autosave that keeps unsaved work for a crash: after a
 * short quiet and at least every 30 seconds.
 *
 * It tells the window by signals: "busy" while a project is read,
 * "loaded" with the rows to show, "error" with a message for a toast,
 * "changed" when the file or the unsaved state changed, "saved",
 * "commit-edits" before it takes the rows (the editor strip's typing
 * belongs in them), and "save-requested" when the user chose to save
 * before the window closes (the window saves, asking where if the rows
 * have no file yet).
 */

struct _TriProjectSession
{
  GObject       parent_instance;

  GtkWindow    *parent;              /* weak: for the overwrite dialog */
  TriAlignment *alignment;
  GFile        *file;
  char         *etag;                /* the file's etag when last read or written */
  GFile        *loading_file;        /* the project being opened, until it is shown */
  guint64       saved_generation;
  GFile        *autosave_file;
  guint64       autosaved_generation;
  guint         autosave_idle;
  guint         autosave_interval;
};

G_DEFINE_FINAL_TYPE (TriProjectSession, tri_project_session, G_TYPE_OBJECT)

enum {
  BUSY,
  LOADED,
  ERROR,
  CHANGED,
  SAVED,
  COMMIT_EDITS,
  SAVE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
commit_edits (TriProjectSession *self)
{
  g_signal_emit (self, signals [COMMIT_EDITS], 0);
}

/* Autosave */

static void
autosave_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Autosave failed: %s", error->message);
}

typedef struct
{
  TriProjectSnapshot *snapshot;   /* serialized in the thread */
  GFile              *autosave;
  GFile              *project;
} AutosaveData;

static void
autosave_data_free (AutosaveData *data)
{
  tri_project_snapshot_free (data->snapshot);
  g_object_unref (data->autosave);
  g_clear_object (&data->project);
  g_free (data);
}

static void
autosave_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AutosaveData *data = task_data;
  g_autoptr(GBytes) bytes = tri_project_snapshot_serialize (data->snapshot);
  GError *error = NULL;

  if (tri_autosave_write_bytes (bytes, data->autosave, data->project, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tri_project_session_autosave:
 * @self: a #TriProjectSession
 *
 * Writes the unsaved work to the session's autosave file now (in the
 * background). Nothing happens when there is nothing new to keep.
 */
void
tri_project_session_autosave (TriProjectSession *self)
{
  g_autoptr(GTask) task = NULL;
  AutosaveData *data;
  guint64 generation;

  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));

  commit_edits (self);
  if (!tri_project_session_get_unsaved (self))
    return;
  generation = tri_alignment_get_generation (self->alignment);
  if (generation == self->autosaved_generation)
    return;

  if (self->autosave_file == NULL)
    self->autosave_file = tri_autosave_file_new ();

  data = g_new0 (AutosaveData, 1);
  data->snapshot = tri_project_snapshot_new (self->alignment);
  data->autosave = g_object_ref (self->autosave_file);
  data->project = self->file != NULL ? g_object_ref (self->file) : NULL;
  self->autosaved_generation = generation;

  task = g_task_new (NULL, NULL, autosave_written_cb, NULL);
  g_task_set_source_tag (task, tri_project_session_autosave);
  g_task_set_task_data (task, data, (GDestroyNotify)autosave_data_free);
  g_task_run_in_thread (task, autosave_worker);
}

/**
 * tri_project_session_get_autosave_file:
 * @self: a #TriProjectSession
 *
 * Returns: (transfer none) (nullable): where the unsaved work is kept
 */
GFile *
tri_project_session_get_autosave_file (TriProjectSession *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);

  return self->autosave_file;
}

/**
 * tri_project_session_forget_autosave:
 * @self: a #TriProjectSession
 *
 * Removes the autosave: the work is saved, or the user let it go.
 */
void
tri_project_session_forget_autosave (TriProjectSession *self)
{
  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));

  if (self->autosave_file != NULL)
    tri_autosave_remove (self->autosave_file);
  self->autosaved_generation = 0;
}

static void
on_autosave_idle_cb (gpointer user_data)
{
  TriProjectSession *self = user_data;

  self->autosave_idle = 0;
  tri_project_session_autosave (self);
}

static gboolean
on_autosave_interval_cb (gpointer user_data)
{
  tri_project_session_autosave (TRI_PROJECT_SESSION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_rows_changed_cb (TriProjectSession *self)
{
  if (!tri_project_session_get_unsaved (self))
    return;

  g_clear_handle_id (&self->autosave_idle, g_source_remove);
  self->autosave_idle = g_timeout_add_once (TRI_AUTOSAVE_IDLE_SECONDS * 1000, on_autosave_idle_cb, self);
  if (self->autosave_interval == 0)
    self->autosave_interval = g_timeout_add_seconds (TRI_AUTOSAVE_INTERVAL_SECONDS, on_autosave_interval_cb, self);
}

/* The rows and their state */

/**
 * tri_project_session_set_alignment:
 * @self: a #TriProjectSession
 * @alignment: the rows shown, as they were read or aligned: nothing to
 *   save yet
 */
void
tri_project_session_set_alignment (TriProjectSession *self,
                                   TriAlignment      *alignment)
{
  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (TRI_IS_ALIGNMENT (alignment));

  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_rows_changed_cb, self);
  g_set_object (&self->alignment, alignment);
  self->saved_generation = tri_alignment_get_generation (alignment);
  self->autosaved_generation = 0;
  g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_rows_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * tri_project_session_get_unsaved:
 * @self: a #TriProjectSession
 *
 * Returns: whether the rows changed since they were opened or saved
 */
gboolean
tri_project_session_get_unsaved (TriProjectSession *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);

  return self->alignment != NULL && tri_alignment_get_generation (self->alignment) != self->saved_generation;
}

/**
 * tri_project_session_mark_saved:
 * @self: a #TriProjectSession
 *
 * The rows as they are now are nothing to save: the aligner's own, or
 * the user discarded the changes.
 */
void
tri_project_session_mark_saved (TriProjectSession *self)
{
  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));

  if (self->alignment != NULL)
    self->saved_generation = tri_alignment_get_generation (self->alignment);
}

/**
 * tri_project_session_get_file:
 * @self: a #TriProjectSession
 *
 * Returns: (transfer none) (nullable): the project file, if saved or opened
 */
GFile *
tri_project_session_get_file (TriProjectSession *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);

  return self->file;
}

/**
 * tri_project_session_forget_file:
 * @self: a #TriProjectSession
 *
 * What is shown next is no project saved yet.
 */
void
tri_project_session_forget_file (TriProjectSession *self)
{
  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));

  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
}

/**
 * tri_project_session_get_loading_file:
 * @self: a #TriProjectSession
 *
 * Returns: (transfer none) (nullable): the project being opened or
 *   recovered, until it is shown
 */
GFile *
tri_project_session_get_loading_file (TriProjectSession *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);

  return self->loading_file;
}

/**
 * tri_project_session_stop_loading:
 * @self: a #TriProjectSession
 *
 * Forgets the project being opened: its load was cancelled, or files are
 * opened instead.
 */
void
tri_project_session_stop_loading (TriProjectSession *self)
{
  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));

  g_clear_object (&self->loading_file);
}

/* Loading: a project is read in a thread; @etag is its file's etag just
 * before it was read (a change after that is a change since it was read). */

typedef struct
{
  GFile *file;      /* what is read: the project, or an autosave */
  GFile *project;   /* the project file whose etag is taken, if any */
  char  *etag;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->project);
  g_free (data->etag);
  g_free (data);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
load_project_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  TriAlignment *alignment;

  if (data->project != NULL)
    data->etag = query_etag (data->project);
  alignment = tri_project_load (data->file, cancellable, &error);
  if (alignment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, alignment, g_object_unref);
}

static void
load (TriProjectSession   *self,
      GFile               *file,
      GFile               *project,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  data->file = g_object_ref (file);
  data->project = project != NULL ? g_object_ref (project) : NULL;
  task = g_task_new (NULL, cancellable, callback, g_object_ref (self));
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_signal_emit (self, signals [BUSY], 0, TRUE);
  g_task_run_in_thread (task, load_project_worker);
}

static void
on_project_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TriProjectSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) alignment = g_task_propagate_pointer (G_TASK (result), &error);
  LoadData *data = g_task_get_task_data (G_TASK (result));

  g_signal_emit (self, signals [BUSY], 0, FALSE);
  if (alignment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_object (&self->loading_file);
          g_signal_emit (self, signals [ERROR], 0, error->message);
        }
      return;
    }

  g_clear_object (&self->loading_file);
  g_set_object (&self->file, data->file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&data->etag);
  g_signal_emit (self, signals [LOADED], 0, alignment, FALSE);
  tri_recent_projects_add (data->file);
}

/**
 * tri_project_session_open:
 * @self: a #TriProjectSession
 * @file: a .triptych project
 * @cancellable: (nullable): cancels the reading
 *
 * Reads a project in the background: "loaded" gives its rows.
 */
void
tri_project_session_open (TriProjectSession *self,
                          GFile             *file,
                          GCancellable      *cancellable)
{
  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->loading_file, file);
  load (self, file, file, cancellable, on_project_loaded_cb, tri_project_session_open);
}

static void
on_recovered_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TriProjectSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) alignment = g_task_propagate_pointer (G_TASK (result), &error);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GFile) project = NULL;

  g_signal_emit (self, signals [BUSY], 0, FALSE);
  if (alignment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals [ERROR], 0, error->message);
      return;
    }

  /* The window may show the project already, read before the crash's
   * work is put back on it: what it read is what a save must find. */
  project = tri_autosave_get_project (data->file);
  if (project == NULL || self->file == NULL || !g_file_equal (project, self->file))
    {
      g_free (self->etag);
      self->etag = g_steal_pointer (&data->etag);
    }
  g_clear_object (&self->loading_file);
  g_signal_emit (self, signals [LOADED], 0, alignment, TRUE);
  g_set_object (&self->file, project);
  /* Unsaved, as it was: the session keeps it in its own autosave now. */
  self->saved_generation = G_MAXUINT64;
  tri_autosave_remove (data->file);
  tri_project_session_autosave (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * tri_project_session_recover:
 * @self: a #TriProjectSession
 * @autosave: an autosaved project left by a crash
 * @cancellable: (nullable): cancels the reading
 *
 * Reads the work in @autosave, as unsaved, for the project it belonged
 * to: "loaded" gives its rows.
 */
void
tri_project_session_recover (TriProjectSession *self,
                             GFile             *autosave,
                             GCancellable      *cancellable)
{
  g_autoptr(GFile) project = NULL;

  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (G_IS_FILE (autosave));

  project = tri_autosave_get_project (autosave);
  g_set_object (&self->loading_file, project);
  load (self, autosave, project, cancellable, on_recovered_cb, tri_project_session_recover);
}

/* Saving: the rows are copied on the main thread (a snapshot), written
 * as JSON in a thread, then to the file in the background, atomically.
 * Saved over the file it was read from, the file must still be as it was
 * read (its etag): a file changed on disk since is not overwritten
 * without asking. */

typedef struct
{
  TriProjectSession  *self;
  guint64             generation;
  GFile              *file;
  char               *etag;          /* what the file must still have, or NULL */
  gboolean            close_after;
  TriProjectSnapshot *snapshot;
  GBytes             *bytes;
} SaveOperation;

static void
save_operation_free (SaveOperation *op)
{
  g_object_unref (op->self);
  g_object_unref (op->file);
  g_free (op->etag);
  tri_project_snapshot_free (op->snapshot);
  g_clear_pointer (&op->bytes, g_bytes_unref);
  g_free (op);
}

static void save_to (TriProjectSession *self,
                     GFile             *file,
                     gboolean           close_after,
                     gboolean           overwrite);

static void
on_changed_on_disk_response_cb (AdwMessageDialog  *dialog,
                                const char        *response,
                                TriProjectSession *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (g_str_equal (response, "overwrite") && self->alignment != NULL)
    save_to (self, file, close_after, TRUE);
}

static void
ask_overwrite (TriProjectSession *self,
               GFile             *file,
               gboolean           close_after)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;

  /* Translators: the project file's name */
  body = g_strdup_printf (_("“%s” was changed by another program since Triptych read it. "
                            "Saving replaces those changes with yours."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("File Changed on Disk"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_on_disk_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_project_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaveOperation *op = user_data;
  TriProjectSession *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  /* The message names the file ("Cannot save “…”: …"). */
  if (!tri_file_replace_bytes_finish (G_FILE (object), result, &etag, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        ask_overwrite (self, op->file, op->close_after);
      else
        {
          g_debug ("%s", error->message);
          g_signal_emit (self, signals [ERROR], 0, error->message);
        }
      save_operation_free (op);
      return;
    }

  self->saved_generation = op->generation;
  g_set_object (&self->file, op->file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  tri_recent_projects_add (op->file);
  if (!tri_project_session_get_unsaved (self))
    tri_project_session_forget_autosave (self);
  g_object_ref (self);
  g_signal_emit (self, signals [CHANGED], 0);
  g_signal_emit (self, signals [SAVED], 0, op->close_after);
  g_object_unref (self);
  save_operation_free (op);
}

static void
serialize_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SaveOperation *op = task_data;

  g_task_return_pointer (task, tri_project_snapshot_serialize (op->snapshot), (GDestroyNotify)g_bytes_unref);
}

static void
on_serialized_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveOperation *op = g_task_get_task_data (G_TASK (result));

  op->bytes = g_task_propagate_pointer (G_TASK (result), NULL);
  /* Not g_file_replace_contents_bytes_async(): on a full disk it renamed
   * the half-written file over the old project. The etag is compared
   * before the file is replaced. */
  tri_file_replace_bytes_async (op->file, op->bytes, op->etag, G_FILE_CREATE_NONE, NULL, on_project_saved_cb, op);
}

static void
save_to (TriProjectSession *self,
         GFile             *file,
         gboolean           close_after,
         gboolean           overwrite)
{
  g_autoptr(GTask) task = NULL;
  SaveOperation *op;

  commit_edits (self);
  op = g_new0 (SaveOperation, 1);
  op->self = g_object_ref (self);
  op->generation = tri_alignment_get_generation (self->alignment);
  op->file = g_object_ref (file);
  /* GIO compares the etag as it replaces the file. */
  if (!overwrite && self->file != NULL && g_file_equal (file, self->file))
    op->etag = g_strdup (self->etag);
  op->close_after = close_after;
  op->snapshot = tri_project_snapshot_new (self->alignment);

  task = g_task_new (NULL, NULL, on_serialized_cb, NULL);
  g_task_set_source_tag (task, save_to);
  /* Freed when the file is written (on_project_saved_cb). */
  g_task_set_task_data (task, op, NULL);
  g_task_run_in_thread (task, serialize_worker);
}

/**
 * tri_project_session_save:
 * @self: a #TriProjectSession
 * @file: where to save
 * @close_after: passed on to "saved": the window closes once saved
 *
 * Saves the rows to @file, atomically, in the background. If @file is
 * the project's file and another program changed it since it was read, a
 * dialog asks before it is replaced.
 */
void
tri_project_session_save (TriProjectSession *self,
                          GFile             *file,
                          gboolean           close_after)
{
  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->alignment != NULL)
    save_to (self, file, close_after, FALSE);
}

/* Closing the window with unsaved work */

static void
on_unsaved_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        TriProjectSession *self)
{
  if (g_str_equal (response, "discard"))
    {
      tri_project_session_mark_saved (self);
      tri_project_session_forget_autosave (self);
      if (self->parent != NULL)
        gtk_window_destroy (self->parent);
    }
  else if (g_str_equal (response, "save"))
    g_signal_emit (self, signals [SAVE_REQUESTED], 0);
}

/**
 * tri_project_session_ask_before_close:
 * @self: a #TriProjectSession
 *
 * Before the window closes: with unsaved work, a dialog asks whether to
 * save it ("save-requested", the window closing once saved), discard it
 * (the window closes) or keep the window open.
 *
 * Returns: whether the window must stay open for now (the dialog asks)
 */
gboolean
tri_project_session_ask_before_close (TriProjectSession *self)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);

  commit_edits (self);
  if (!tri_project_session_get_unsaved (self) || self->parent == NULL)
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Save Changes?"),
                                                       _("Your fixes to the alignment are not saved. "
                                                         "Closing without saving loses them.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject */

static void
tri_project_session_dispose (GObject *object)
{
  TriProjectSession *self = (TriProjectSession *)object;

  g_clear_handle_id (&self->autosave_idle, g_source_remove);
  g_clear_handle_id (&self->autosave_interval, g_source_remove);
  /* A clean end: nothing to recover. Unsaved work (the app quit with it)
   * stays in the autosave folder, offered at the next start. */
  if (self->autosave_file != NULL && !tri_project_session_get_unsaved (self))
    tri_project_session_forget_autosave (self);
  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_rows_changed_cb, self);
  g_clear_object (&self->alignment);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (tri_project_session_parent_class)->dispose (object);
}

static void
tri_project_session_finalize (GObject *object)
{
  TriProjectSession *self = (TriProjectSession *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->loading_file);
  g_free (self->etag);
  g_clear_object (&self->autosave_file);

  G_OBJECT_CLASS (tri_project_session_parent_class)->finalize (object);
}

static void
tri_project_session_class_init (TriProjectSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_project_session_dispose;
  object_class->finalize = tri_project_session_finalize;

  signals [BUSY] = g_signal_new ("busy", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /**
   * TriProjectSession::loaded:
   * @self: a #TriProjectSession
   * @alignment: the rows read
   * @recovered: whether they come from an autosave (unsaved work)
   */
  signals [LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, TRI_TYPE_ALIGNMENT, G_TYPE_BOOLEAN);
  signals [ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals [CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
  signals [SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals [COMMIT_EDITS] = g_signal_new ("commit-edits", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [SAVE_REQUESTED] = g_signal_new ("save-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tri_project_session_init (TriProjectSession *self)
{
}

/**
 * tri_project_session_new:
 * @parent: the window whose rows these are (the overwrite dialog's parent)
 *
 * Returns: (transfer full): a new #TriProjectSession
 */
TriProjectSession *
tri_project_session_new (GtkWindow *parent)
{
  TriProjectSession *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (TRI_TYPE_PROJECT_SESSION, NULL);
  g_set_weak_pointer (&self->parent, parent);
  return self;
}

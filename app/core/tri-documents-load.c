/* tri-documents-load.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-documents-load"

#include "config.h"

#include "tri-documents-load.h"

/* The versions of a report read at once, each file in a thread of its
 * own (tri_document_load_async()): what a window opens. */

typedef struct
{
  guint      pending;
  GPtrArray *documents;   /* TriDocument or NULL, in the files' order */
  GPtrArray *messages;    /* char *: why a file could not be read */
} LoadAll;

/* A file that could not be read leaves its place empty. */
static void
unref_document (gpointer document)
{
  if (document != NULL)
    g_object_unref (document);
}

static void
load_all_free (LoadAll *all)
{
  g_ptr_array_unref (all->documents);
  g_ptr_array_unref (all->messages);
  g_free (all);
}

typedef struct
{
  GTask *task;
  guint  index;
} Slot;

static void
on_document_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autofree Slot *slot = user_data;
  g_autoptr(GTask) task = slot->task;
  LoadAll *all = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  TriDocument *document = tri_document_load_finish (result, &error);

  if (document != NULL)
    g_ptr_array_index (all->documents, slot->index) = document;
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Could not open a file: %s", error->message);
      g_ptr_array_add (all->messages, g_strdup (error->message));
    }

  if (--all->pending > 0)
    return;
  /* A newer opening replaced this one: what it read is dropped. */
  if (g_task_return_error_if_cancelled (task))
    return;
  g_ptr_array_add (all->messages, NULL);
  g_task_return_pointer (task, g_ptr_array_ref (all->documents), (GDestroyNotify)g_ptr_array_unref);
}

/**
 * tri_documents_load_async:
 * @files: (array length=n_files): the files
 * @languages: (array length=n_files) (nullable): their languages; %NULL
 *   (or a %NULL element) to guess from the text
 * @n_files: their number, at least one
 * @encoding: (nullable): their encoding, %NULL to detect it
 * @mode: what separates paragraphs
 * @stages: (array length=n_files): each file's #TriLoadStage, written by
 *   the threads (read it with g_atomic_int_get()) until the callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once every file is read or has failed
 * @user_data: its data
 *
 * Reads the files, each in a thread.
 */
void
tri_documents_load_async (GFile              **files,
                          const char * const  *languages,
                          guint                n_files,
                          const char          *encoding,
                          TriParagraphMode     mode,
                          int                 *stages,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadAll *all;

  g_return_if_fail (files != NULL && n_files > 0);
  g_return_if_fail (stages != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_documents_load_async);
  all = g_new0 (LoadAll, 1);
  all->pending = n_files;
  all->documents = g_ptr_array_new_full (n_files, unref_document);
  g_ptr_array_set_size (all->documents, (gint)n_files);
  all->messages = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, all, (GDestroyNotify)load_all_free);

  for (guint i = 0; i < n_files; i++)
    {
      Slot *slot = g_new0 (Slot, 1);

      slot->task = g_object_ref (task);
      slot->index = i;
      stages[i] = TRI_LOAD_READING;
      tri_document_load_async (files[i], encoding, languages != NULL ? languages[i] : NULL, mode, &stages[i],
                               cancellable, on_document_loaded_cb, slot);
    }
}

/**
 * tri_documents_load_finish:
 * @result: the result given to the callback
 * @messages: (out) (transfer full) (optional): why files could not be read,
 *   one message each (naming the file)
 * @error: return location for a #GError: only %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer container) (element-type TriDocument) (nullable): the
 *   documents, in the files' order, %NULL for a file that could not be
 *   read; %NULL if cancelled
 */
GPtrArray *
tri_documents_load_finish (GAsyncResult  *result,
                           GStrv         *messages,
                           GError       **error)
{
  LoadAll *all;
  GPtrArray *documents;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  documents = g_task_propagate_pointer (G_TASK (result), error);
  all = g_task_get_task_data (G_TASK (result));
  if (messages != NULL)
    *messages = documents != NULL ? g_strdupv ((GStrv)all->messages->pdata) : NULL;
  return documents;
}

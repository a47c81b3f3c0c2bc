/* tri-opener.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-opener"

#include "config.h"

#include "tri-documents-load.h"
#include "tri-language.h"
#include "tri-opener.h"

/**
 * TriOpener:
 *
 * Reads the files a window opens, in threads (tri_documents_load_async()),
 * one opening at a time: a newer one replaces the one running, whose
 * documents are then dropped.
 *
 * "busy" says an opening started (%TRUE) or ended (%FALSE), once each, a
 * replaced or cancelled one included. "opened" gives the documents read:
 * for a column (@column, its index), or side by side (@column -1), known
 * languages first (English, Russian, Ukrainian), files of the same rank in
 * the order given. "message" says why a file could not be read, once a
 * file.
 */

struct _TriOpener
{
  GObject                 parent_instance;

  struct _TriOpenOperation *running;   /* the newest opening, or NULL */
};

G_DEFINE_FINAL_TYPE (TriOpener, tri_opener, G_TYPE_OBJECT)

enum {
  BUSY,
  OPENED,
  MESSAGE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct _TriOpenOperation
{
  TriOpener *self;
  int        column;                    /* -1: side by side */
  guint      n_files;
  int        stages[TRI_MAX_COLUMNS];   /* TriLoadStage, written by the threads */
} OpenOperation;

/* Known languages come first, in this order, whatever the order of the files. */
static int
language_rank (const char *language)
{
  static const char * const order[] = { "en", "ru", "uk" };
  g_autofree char *base = tri_language_get_base (language);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_str_equal (base, order[i]))
      return (int)i;
  return G_N_ELEMENTS (order);
}

static int
compare_documents (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  TriDocument *da = *(TriDocument **)a, *db = *(TriDocument **)b;

  return language_rank (tri_document_get_language (da)) - language_rank (tri_document_get_language (db));
}

static void
on_documents_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autofree OpenOperation *op = user_data;
  g_autoptr(TriOpener) self = op->self;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new ();
  g_auto(GStrv) messages = NULL;
  gboolean newest = self->running == op;

  documents = tri_documents_load_finish (result, &messages, NULL);
  if (newest)
    self->running = NULL;
  g_signal_emit (self, signals [BUSY], 0, FALSE);
  /* A newer opening replaced this one, or it was cancelled. */
  if (documents == NULL || !newest)
    return;

  for (guint i = 0; messages[i] != NULL; i++)
    g_signal_emit (self, signals [MESSAGE], 0, messages[i]);
  for (guint i = 0; i < documents->len; i++)
    if (g_ptr_array_index (documents, i) != NULL)
      g_ptr_array_add (loaded, g_ptr_array_index (documents, i));
  if (loaded->len == 0)
    return;

  /* Stable: files of the same rank keep the order they were given in. */
  if (op->column < 0)
    g_qsort_with_data (loaded->pdata, (gint)loaded->len, sizeof (gpointer), compare_documents, NULL);
  g_signal_emit (self, signals [OPENED], 0, loaded, op->column);
}

/**
 * tri_opener_open:
 * @self: a #TriOpener
 * @files: (array length=n_files): one to three files
 * @languages: (array length=n_files) (nullable): their languages; %NULL
 *   (or a %NULL element) to guess from the text
 * @n_files: their number
 * @encoding: (nullable): their encoding, %NULL to detect it
 * @mode: what separates paragraphs
 * @column: the column the file replaces, or -1 for side by side
 * @cancellable: (nullable): cancels the reading
 *
 * Reads the files in threads, in place of the opening running.
 */
void
tri_opener_open (TriOpener          *self,
                 GFile             **files,
                 const char * const *languages,
                 guint               n_files,
                 const char         *encoding,
                 TriParagraphMode    mode,
                 int                 column,
                 GCancellable       *cancellable)
{
  OpenOperation *op;

  g_return_if_fail (TRI_IS_OPENER (self));
  g_return_if_fail (n_files > 0 && n_files <= TRI_MAX_COLUMNS);

  op = g_new0 (OpenOperation, 1);
  op->self = g_object_ref (self);
  op->column = column;
  op->n_files = n_files;
  self->running = op;
  g_signal_emit (self, signals [BUSY], 0, TRUE);
  tri_documents_load_async (files, languages, n_files, encoding, mode, op->stages, cancellable,
                            on_documents_loaded_cb, op);
}

/**
 * tri_opener_get_running:
 * @self: a #TriOpener
 *
 * Returns: whether files are being read
 */
gboolean
tri_opener_get_running (TriOpener *self)
{
  g_return_val_if_fail (TRI_IS_OPENER (self), FALSE);

  return self->running != NULL;
}

/**
 * tri_opener_get_progress:
 * @self: a #TriOpener
 * @fraction: (out): how much of the opening is done, 0 to 1
 * @reading: (out): whether a file is still being read (else the texts are
 *   being split into sentences)
 *
 * Returns: whether files are being read
 */
gboolean
tri_opener_get_progress (TriOpener *self,
                         double    *fraction,
                         gboolean  *reading)
{
  guint n_reading = 0, done = 0;

  g_return_val_if_fail (TRI_IS_OPENER (self), FALSE);

  if (self->running == NULL)
    return FALSE;
  for (guint i = 0; i < self->running->n_files; i++)
    {
      int at = g_atomic_int_get (&self->running->stages[i]);

      n_reading += at == TRI_LOAD_READING;
      done += at;
    }
  /* Each file: read (half), then split (the other half). */
  *fraction = done / (2.0 * self->running->n_files);
  *reading = n_reading > 0;
  return TRUE;
}

/**
 * tri_opener_forget:
 * @self: a #TriOpener
 *
 * Drops the opening running (its cancellable cancelled by the caller):
 * its documents, if read, are not given.
 */
void
tri_opener_forget (TriOpener *self)
{
  g_return_if_fail (TRI_IS_OPENER (self));

  self->running = NULL;
}

static void
tri_opener_class_init (TriOpenerClass *klass)
{
  signals [BUSY] = g_signal_new ("busy", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals [OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_PTR_ARRAY, G_TYPE_INT);
  signals [MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tri_opener_init (TriOpener *self)
{
}

/**
 * tri_opener_new:
 *
 * Returns: (transfer full): a new opener, reading nothing
 */
TriOpener *
tri_opener_new (void)
{
  return g_object_new (TRI_TYPE_OPENER, NULL);
}

/* tri-wording.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-wording"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include <string.h>

#include "tri-dictionary.h"
#include "tri-language.h"
#include "tri-numbers.h"
#include "tri-user-lexicon.h"
#include "tri-wording.h"

/* Compare Wording: what the grid, the editor strip and the parallel view
 * show of the word aligner (tri-word-align.c). Given the texts of a row's
 * cells, the words to highlight when one of them is pointed at (it and
 * its counterparts), the mark of every word (counterparts in all the
 * other versions, some, none) and a word's tooltip.
 *
 * Rows are linked on demand and kept by their texts, so the second
 * motion over a row costs a hash look-up. The aligner loads Hunspell
 * dictionaries and the bilingual dictionaries, a few hundred milliseconds:
 * it is made in a thread, and until it is ready ("ready") nothing is
 * highlighted. It is then used in the main thread only (it is not
 * thread-safe). */

#define MAX_VERSIONS 4
#define MAX_CACHED_ROWS 100000   /* 20,000 rows prefetched, and edits' */
#define PREFETCH_BATCH 64        /* rows linked in the thread between hand-overs */
#define MAX_COUNTERPARTS 16

struct _TriWording
{
  GObject         parent_instance;

  guint           n_versions;
  char           *languages[MAX_VERSIONS];
  TriWordAligner *aligner;        /* NULL until made */
  TriDictionary  *dictionaries[MAX_VERSIONS][MAX_VERSIONS];
  GHashTable     *rows;           /* the cells' texts joined → TriWordRow */

  /* Prefetching: another aligner links rows in a thread (an aligner is
   * not thread-safe: one a thread). Between runs it waits here. */
  TriWordAligner *worker;
  gboolean        worker_learnt;  /* it learnt the document's rows */
  GCancellable   *prefetching;    /* the run, or NULL */
  GPtrArray      *pending;        /* GStrv rows for the next run, or NULL */
  int             n_batches;      /* linked in the thread, not in the cache yet (atomic) */
  gboolean        in_background;  /* rows not linked yet are asked of the thread */
  GAsyncQueue    *urgent;         /* GStrv: rows asked for, the thread's first */
  GHashTable     *requested;      /* their keys, until linked */
  gpointer        lexicons;       /* Lexicons, shared by the aligners, or NULL */
};

G_DEFINE_FINAL_TYPE (TriWording, tri_wording, G_TYPE_OBJECT)

enum {
  READY,
  ROWS_LINKED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The user's lexicons (the words of the rows they confirmed, one file a
 * pair of languages), read once, then only read: the main thread's
 * aligner and the prefetching one share them. */
typedef struct
{
  GPtrArray *lexicons;   /* TriUserLexicon */
} Lexicons;

static void
lexicons_clear (Lexicons *lexicons)
{
  g_ptr_array_unref (lexicons->lexicons);
}

static void
lexicons_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify)lexicons_clear);
}

static Lexicons *
lexicons_load (guint               n_versions,
               char * const       *languages)
{
  Lexicons *lexicons = g_atomic_rc_box_new0 (Lexicons);

  lexicons->lexicons = g_ptr_array_new_with_free_func ((GDestroyNotify)tri_user_lexicon_free);
  for (guint a = 0; a < n_versions; a++)
    for (guint b = a + 1; b < n_versions; b++)
      {
        g_autofree char *path = tri_user_lexicon_default_path (languages[a], languages[b]);
        TriUserLexicon *lexicon;

        if (g_file_test (path, G_FILE_TEST_EXISTS) && (lexicon = tri_user_lexicon_load (path, NULL)) != NULL)
          g_ptr_array_add (lexicons->lexicons, lexicon);
      }
  return lexicons;
}

/* A TriWordLexiconFunc: the Dice coefficient of the two words over the
 * confirmed rows, when they shared two rows or more. */
static double
lexicon_score (const char *language_a,
               const char *word_a,
               const char *language_b,
               const char *word_b,
               gpointer    user_data)
{
  Lexicons *lexicons = user_data;

  for (guint i = 0; i < lexicons->lexicons->len; i++)
    {
      TriUserLexicon *lexicon = g_ptr_array_index (lexicons->lexicons, i);
      const char *first = tri_user_lexicon_get_language (lexicon, 0);
      const char *second = tri_user_lexicon_get_language (lexicon, 1);
      guint together, n_a, n_b;
      double dice;

      if (tri_language_same (first, language_b) && tri_language_same (second, language_a))
        {
          const char *word = word_a;

          word_a = word_b;
          word_b = word;
        }
      else if (!tri_language_same (first, language_a) || !tri_language_same (second, language_b))
        continue;

      together = tri_user_lexicon_lookup (lexicon, word_a, word_b);
      if (together < 2)
        return 0;
      n_a = tri_user_lexicon_get_word_count (lexicon, 0, word_a);
      n_b = tri_user_lexicon_get_word_count (lexicon, 1, word_b);
      dice = 2.0 * together / MAX (1, n_a + n_b);
      return dice >= 0.5 ? dice : 0;
    }
  return 0;
}

static void
set_lexicons (TriWordAligner *aligner,
              Lexicons       *lexicons)
{
  if (lexicons->lexicons->len > 0)
    tri_word_aligner_set_lexicon (aligner, lexicon_score, g_atomic_rc_box_acquire (lexicons), lexicons_unref);
}

/* A word aligner holds the versions' Hunspell dictionaries (the last
 * reference, often) and every word it has seen: freeing one took the main
 * loop 265 ms (205 of them in Hunspell) when a new alignment replaced the
 * rows of 20,000-sentence versions. The main thread hands it to a thread
 * of its own to free. */
static gpointer
free_aligner_thread (gpointer data)
{
  tri_word_aligner_free (data);
  return NULL;
}

static void
free_aligner_in_thread (TriWordAligner *aligner)
{
  if (aligner == NULL)
    return;
  if (g_main_context_is_owner (g_main_context_default ()))
    g_thread_unref (g_thread_new ("tri-wording-free", free_aligner_thread, aligner));
  else
    tri_word_aligner_free (aligner);
}

typedef struct
{
  guint           n_versions;
  char           *languages[MAX_VERSIONS];
  TriWordAligner *aligner;
  TriDictionary  *dictionaries[MAX_VERSIONS][MAX_VERSIONS];
  Lexicons       *lexicons;
} Loading;

static void
loading_free (Loading *loading)
{
  for (guint a = 0; a < MAX_VERSIONS; a++)
    {
      g_free (loading->languages[a]);
      for (guint b = 0; b < MAX_VERSIONS; b++)
        g_clear_pointer (&loading->dictionaries[a][b], tri_dictionary_unref);
    }
  g_clear_pointer (&loading->aligner, free_aligner_in_thread);
  g_clear_pointer (&loading->lexicons, lexicons_unref);
  g_free (loading);
}

static void
tri_wording_finalize (GObject *object)
{
  TriWording *self = (TriWording *)object;

  for (guint a = 0; a < MAX_VERSIONS; a++)
    {
      g_free (self->languages[a]);
      for (guint b = 0; b < MAX_VERSIONS; b++)
        g_clear_pointer (&self->dictionaries[a][b], tri_dictionary_unref);
    }
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->aligner, free_aligner_in_thread);
  g_clear_pointer (&self->worker, free_aligner_in_thread);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->prefetching);
  g_clear_pointer (&self->lexicons, lexicons_unref);
  g_clear_pointer (&self->urgent, g_async_queue_unref);
  g_clear_pointer (&self->requested, g_hash_table_unref);

  G_OBJECT_CLASS (tri_wording_parent_class)->finalize (object);
}

static void
tri_wording_dispose (GObject *object)
{
  TriWording *self = (TriWording *)object;

  /* The running prefetch holds a reference: it stops at its next row. */
  if (self->prefetching != NULL)
    g_cancellable_cancel (self->prefetching);

  G_OBJECT_CLASS (tri_wording_parent_class)->dispose (object);
}

static void
tri_wording_class_init (TriWordingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_wording_dispose;
  object_class->finalize = tri_wording_finalize;

  /**
   * TriWording::ready:
   *
   * The aligner is made: words can be highlighted from now on.
   */
  signals [READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TriWording::rows-linked:
   *
   * Rows linked in the thread are in the cache: what was asked of
   * tri_wording_get_row() in vain may be there now.
   */
  signals [ROWS_LINKED] = g_signal_new ("rows-linked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tri_wording_init (TriWording *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)tri_word_row_free);
  self->urgent = g_async_queue_new_full ((GDestroyNotify)g_strfreev);
  self->requested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Loading *loading = task_data;

  loading->aligner = tri_word_aligner_new (loading->n_versions, (const char * const *)loading->languages);
  loading->lexicons = lexicons_load (loading->n_versions, loading->languages);
  set_lexicons (loading->aligner, loading->lexicons);
  for (guint a = 0; a < loading->n_versions; a++)
    for (guint b = 0; b < loading->n_versions; b++)
      if (a != b && !tri_language_same (loading->languages[a], loading->languages[b]))
        {
          g_autofree char *from = tri_language_get_base (loading->languages[a]);
          g_autofree char *to = tri_language_get_base (loading->languages[b]);

          if (from != NULL && to != NULL)
            loading->dictionaries[a][b] = tri_dictionary_get_system (from, to);
        }
  g_task_return_boolean (task, TRUE);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TriWording *self = TRI_WORDING (object);
  Loading *loading = g_task_get_task_data (G_TASK (result));

  self->aligner = g_steal_pointer (&loading->aligner);
  self->lexicons = g_steal_pointer (&loading->lexicons);
  memcpy (self->dictionaries, loading->dictionaries, sizeof self->dictionaries);
  memset (loading->dictionaries, 0, sizeof loading->dictionaries);
  g_signal_emit (self, signals [READY], 0);
}

/**
 * tri_wording_new:
 * @n_versions: how many versions a row has (at most 4)
 * @languages: (array length=n_versions): their languages
 *
 * Starts making the aligner in a thread; "ready" says when it is made.
 *
 * Returns: (transfer full): a new #TriWording
 */
TriWording *
tri_wording_new (guint               n_versions,
                 const char * const *languages)
{
  TriWording *self;
  g_autoptr(GTask) task = NULL;
  Loading *loading;

  g_return_val_if_fail (n_versions >= 1 && n_versions <= MAX_VERSIONS, NULL);

  self = g_object_new (TRI_TYPE_WORDING, NULL);
  self->n_versions = n_versions;
  loading = g_new0 (Loading, 1);
  loading->n_versions = n_versions;
  for (guint v = 0; v < n_versions; v++)
    {
      self->languages[v] = g_strdup (languages[v] != NULL ? languages[v] : "");
      loading->languages[v] = g_strdup (self->languages[v]);
    }

  task = g_task_new (self, NULL, on_loaded_cb, NULL);
  g_task_set_source_tag (task, tri_wording_new);
  g_task_set_task_data (task, loading, (GDestroyNotify)loading_free);
  g_task_run_in_thread (task, load_thread);
  return self;
}

/**
 * tri_wording_is_ready:
 * @self: a #TriWording
 *
 * Returns: whether its aligner is made
 */
gboolean
tri_wording_is_ready (TriWording *self)
{
  g_return_val_if_fail (TRI_IS_WORDING (self), FALSE);

  return self->aligner != NULL;
}

/* The cache's key for a row: its cells' texts. */
static GString *
row_key (guint               n_versions,
         const char * const *texts)
{
  GString *key = g_string_new (NULL);

  for (guint v = 0; v < n_versions; v++)
    {
      g_string_append (key, texts[v] != NULL ? texts[v] : "");
      g_string_append_c (key, '\x1e');
    }
  return key;
}

/**
 * tri_wording_get_row:
 * @self: a #TriWording
 * @texts: (array): the texts of a row's cells, one per version
 *
 * Links the row's words, or finds them linked already.
 *
 * Returns: (transfer none) (nullable): the linked row, valid until the
 *   next call; %NULL while the aligner is not ready, and, linking in the
 *   background, while the thread links the row ("rows-linked" follows)
 */
static void request_row (TriWording *self, const char * const *texts);

const TriWordRow *
tri_wording_get_row (TriWording         *self,
                     const char * const *texts)
{
  g_autoptr(GString) key = NULL;
  TriWordRow *row;

  g_return_val_if_fail (TRI_IS_WORDING (self), NULL);

  if (self->aligner == NULL)
    return NULL;

  key = row_key (self->n_versions, texts);
  row = g_hash_table_lookup (self->rows, key->str);
  if (row != NULL)
    return row;

  if (self->in_background)
    {
      if (!g_hash_table_contains (self->requested, key->str))
        {
          g_hash_table_add (self->requested, g_strdup (key->str));
          request_row (self, texts);
        }
      return NULL;
    }

  if (g_hash_table_size (self->rows) >= MAX_CACHED_ROWS)
    g_hash_table_remove_all (self->rows);
  {
    const char *safe[MAX_VERSIONS] = { NULL };

    for (guint v = 0; v < self->n_versions; v++)
      safe[v] = texts[v] != NULL ? texts[v] : "";
    row = tri_word_aligner_align (self->aligner, safe);
  }
  g_hash_table_insert (self->rows, g_string_free (g_steal_pointer (&key), FALSE), row);
  return row;
}

typedef struct
{
  guint           n_versions;
  char           *languages[MAX_VERSIONS];
  TriWordAligner *worker;      /* made here the first time */
  gboolean        learnt;
  GPtrArray      *rows;        /* GStrv */
  Lexicons       *lexicons;
  GAsyncQueue    *urgent;      /* rows asked for meanwhile: first */
} Prefetch;

typedef struct
{
  TriWording *self;
  GHashTable *linked;          /* key → TriWordRow */
} Batch;

static void
prefetch_free (Prefetch *prefetch)
{
  for (guint v = 0; v < MAX_VERSIONS; v++)
    g_free (prefetch->languages[v]);
  g_clear_pointer (&prefetch->worker, free_aligner_in_thread);
  g_clear_pointer (&prefetch->rows, g_ptr_array_unref);
  g_clear_pointer (&prefetch->lexicons, lexicons_unref);
  g_clear_pointer (&prefetch->urgent, g_async_queue_unref);
  g_free (prefetch);
}

/* In the main thread: a batch of rows linked in the thread, into the
 * cache (a row linked on demand meanwhile stays). */
static gboolean
on_batch_cb (gpointer data)
{
  Batch *batch = data;
  GHashTableIter iter;
  gpointer key, row;

  g_hash_table_iter_init (&iter, batch->linked);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      g_hash_table_remove (batch->self->requested, key);
      if (g_hash_table_size (batch->self->rows) < MAX_CACHED_ROWS &&
          !g_hash_table_contains (batch->self->rows, key))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (batch->self->rows, key, row);
        }
    }
  g_hash_table_unref (batch->linked);
  g_atomic_int_dec_and_test (&batch->self->n_batches);
  g_signal_emit (batch->self, signals [ROWS_LINKED], 0);
  g_object_unref (batch->self);
  g_free (batch);
  return G_SOURCE_REMOVE;
}

/* Hands @linked over to the main thread: a row someone points at before
 * the next frame is drawn (@urgent), the others when the main loop is idle. */
static void
post_batch (gpointer    source_object,
            GHashTable *linked,
            gboolean    urgent)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->self = g_object_ref (source_object);
  batch->linked = linked;
  g_atomic_int_inc (&batch->self->n_batches);
  g_idle_add_full (urgent ? G_PRIORITY_DEFAULT : G_PRIORITY_DEFAULT_IDLE, on_batch_cb, batch, NULL);
}

static void
link_into (Prefetch           *prefetch,
           GHashTable        **linked,
           const char * const *texts)
{
  GString *key = row_key (prefetch->n_versions, texts);

  if (*linked == NULL)
    *linked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)tri_word_row_free);
  g_hash_table_insert (*linked, g_string_free (key, FALSE), tri_word_aligner_align (prefetch->worker, texts));
}

/* The rows asked for meanwhile, each handed over at once. */
static void
link_urgent (gpointer  source_object,
             Prefetch *prefetch)
{
  GStrv texts;

  while ((texts = g_async_queue_try_pop (prefetch->urgent)) != NULL)
    {
      GHashTable *linked = NULL;

      link_into (prefetch, &linked, (const char * const *)texts);
      post_batch (source_object, linked, TRUE);
      g_strfreev (texts);
    }
}

static void
prefetch_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Prefetch *prefetch = task_data;
  GHashTable *linked = NULL;

  if (prefetch->worker == NULL)
    {
      prefetch->worker = tri_word_aligner_new (prefetch->n_versions, (const char * const *)prefetch->languages);
      if (prefetch->lexicons != NULL)
        set_lexicons (prefetch->worker, prefetch->lexicons);
    }

  link_urgent (source_object, prefetch);

  /* The first run has every row: what the document teaches. */
  if (!prefetch->learnt && prefetch->rows->len > 0)
    {
      g_autofree const char **cells = g_new0 (const char *, prefetch->rows->len * prefetch->n_versions + 1);

      for (guint r = 0; r < prefetch->rows->len; r++)
        for (guint v = 0; v < prefetch->n_versions; v++)
          cells[r * prefetch->n_versions + v] = ((char **)g_ptr_array_index (prefetch->rows, r))[v];
      tri_word_aligner_learn (prefetch->worker, prefetch->rows->len, cells);
      prefetch->learnt = TRUE;
    }

  for (guint r = 0; r < prefetch->rows->len && !g_cancellable_is_cancelled (cancellable); r++)
    {
      link_urgent (source_object, prefetch);
      link_into (prefetch, &linked, g_ptr_array_index (prefetch->rows, r));
      if (g_hash_table_size (linked) >= PREFETCH_BATCH || r + 1 == prefetch->rows->len)
        post_batch (source_object, g_steal_pointer (&linked), FALSE);
    }
  g_clear_pointer (&linked, g_hash_table_unref);
  link_urgent (source_object, prefetch);
  g_task_return_boolean (task, TRUE);
}

static void start_prefetch (TriWording *self, GPtrArray *rows);

static void
on_prefetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TriWording *self = TRI_WORDING (object);
  Prefetch *prefetch = g_task_get_task_data (G_TASK (result));

  g_clear_object (&self->prefetching);
  self->worker = g_steal_pointer (&prefetch->worker);
  self->worker_learnt = prefetch->learnt;
  if (self->pending != NULL)
    start_prefetch (self, g_steal_pointer (&self->pending));
  else if (g_async_queue_length (self->urgent) > 0)
    /* Asked for after the thread looked last. */
    start_prefetch (self, g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev));
}

static void
request_row (TriWording         *self,
             const char * const *texts)
{
  GStrv copy = g_new0 (char *, self->n_versions + 1);

  for (guint v = 0; v < self->n_versions; v++)
    copy[v] = g_strdup (texts[v] != NULL ? texts[v] : "");
  g_async_queue_push (self->urgent, copy);
  if (self->prefetching == NULL)
    start_prefetch (self, g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev));
}

/**
 * tri_wording_set_link_in_background:
 * @self: a #TriWording
 * @background: whether a row not linked yet is linked in the thread (the
 *   look-ups return %NULL until "rows-linked") rather than at once
 *
 * The main loop never waits for a row's links (60 words: 30–100 ms the
 * first time its words are seen, on a loaded machine).
 */
void
tri_wording_set_link_in_background (TriWording *self,
                                    gboolean    background)
{
  g_return_if_fail (TRI_IS_WORDING (self));

  self->in_background = background;
}

static void
start_prefetch (TriWording *self,
                GPtrArray  *rows)
{
  g_autoptr(GTask) task = NULL;
  Prefetch *prefetch = g_new0 (Prefetch, 1);

  prefetch->n_versions = self->n_versions;
  for (guint v = 0; v < self->n_versions; v++)
    prefetch->languages[v] = g_strdup (self->languages[v]);
  prefetch->worker = g_steal_pointer (&self->worker);
  prefetch->learnt = self->worker_learnt;
  prefetch->rows = rows;
  prefetch->urgent = g_async_queue_ref (self->urgent);
  if (self->lexicons != NULL)
    prefetch->lexicons = g_atomic_rc_box_acquire (self->lexicons);

  self->prefetching = g_cancellable_new ();
  task = g_task_new (self, self->prefetching, on_prefetched_cb, NULL);
  g_task_set_source_tag (task, start_prefetch);
  g_task_set_task_data (task, prefetch, (GDestroyNotify)prefetch_free);
  g_task_run_in_thread (task, prefetch_thread);
}

/**
 * tri_wording_prefetch:
 * @self: a #TriWording
 * @rows: (transfer full) (element-type GStrv): rows' cells' texts, one
 *   string per version
 *
 * Links @rows in a thread, with an aligner of its own, a batch at a time
 * into the cache, so pointing at them later costs a look-up. The first
 * call should give every row of the document: that aligner learns from
 * them what the document teaches (rows linked on demand, before the
 * thread reached them, do without). A call while a run is on waits for
 * it (the rows of the call before it that had not started are dropped).
 */
void
tri_wording_prefetch (TriWording *self,
                      GPtrArray  *rows)
{
  g_return_if_fail (TRI_IS_WORDING (self));
  g_return_if_fail (rows != NULL);

  if (self->prefetching != NULL)
    {
      g_clear_pointer (&self->pending, g_ptr_array_unref);
      self->pending = rows;
      return;
    }
  start_prefetch (self, rows);
}

/**
 * tri_wording_has_row:
 * @self: a #TriWording
 * @texts: (array): the texts of a row's cells, one per version
 *
 * Returns: whether the row is linked already
 */
gboolean
tri_wording_has_row (TriWording         *self,
                     const char * const *texts)
{
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (TRI_IS_WORDING (self), FALSE);

  key = row_key (self->n_versions, texts);
  return g_hash_table_contains (self->rows, key->str);
}

/**
 * tri_wording_is_prefetching:
 * @self: a #TriWording
 *
 * Returns: whether rows are being linked in a thread, or linked and not
 *   in the cache yet
 */
gboolean
tri_wording_is_prefetching (TriWording *self)
{
  g_return_val_if_fail (TRI_IS_WORDING (self), FALSE);

  return self->prefetching != NULL || g_atomic_int_get (&self->n_batches) > 0;
}

static void
append_span (GArray            *spans,
             const TriWordSpan *span)
{
  gsize start = span->start, end = span->end;

  g_array_append_val (spans, start);
  g_array_append_val (spans, end);
}

/**
 * tri_wording_get_highlights:
 * @self: a #TriWording
 * @texts: (array): the texts of a row's cells, one per version
 * @version: the cell pointed at
 * @offset: the byte offset pointed at in it
 * @spans: (out caller-allocates) (array): for each version, a new array
 *   of byte spans (gsize pairs) to highlight: the word and its counterparts
 *
 * Returns: whether @offset is on a word (when not, @spans are left alone)
 */
gboolean
tri_wording_get_highlights (TriWording         *self,
                            const char * const *texts,
                            guint               version,
                            guint               offset,
                            GArray            **spans)
{
  const TriWordRow *row;
  const TriWordSpan *words;
  guint n_words;
  int word;

  g_return_val_if_fail (TRI_IS_WORDING (self), FALSE);
  g_return_val_if_fail (version < self->n_versions, FALSE);

  row = tri_wording_get_row (self, texts);
  if (row == NULL || (word = tri_word_row_find_word (row, version, offset)) < 0)
    return FALSE;

  for (guint v = 0; v < self->n_versions; v++)
    {
      guint found[MAX_COUNTERPARTS];
      guint n;

      spans[v] = g_array_new (FALSE, FALSE, sizeof (gsize));
      words = tri_word_row_get_words (row, v, &n_words);
      if (v == version)
        {
          append_span (spans[v], &words[word]);
          continue;
        }
      n = MIN (MAX_COUNTERPARTS, tri_word_row_get_counterparts (row, version, (guint)word, v, found,
                                                                 MAX_COUNTERPARTS));
      for (guint i = 0; i < n; i++)
        append_span (spans[v], &words[found[i]]);
    }
  return TRUE;
}

/* The numbers' values in @text's span, sorted, joined; NULL for none. */
static char *
dup_numbers (const char *text,
             guint       start,
             guint       end)
{
  g_autoptr(GArray) numbers = tri_numbers_find (text, start, end, NULL);
  g_autoptr(GString) values = NULL;

  if (numbers == NULL || numbers->len == 0)
    {
      if (numbers != NULL)
        tri_numbers_free (g_steal_pointer (&numbers));
      return NULL;
    }
  values = g_string_new (NULL);
  for (guint i = 0; i < numbers->len; i++)
    {
      g_string_append (values, g_array_index (numbers, TriNumber, i).value);
      g_string_append_c (values, ' ');
    }
  tri_numbers_free (g_steal_pointer (&numbers));
  return g_string_free (g_steal_pointer (&values), FALSE);
}

/* If @word of @version is a number: the versions (bits) where none of
 * its counterparts reads as the same number (the checks' "numbers
 * differ"); a number word ("three") counts as the same. */
static guint
number_differs (TriWording         *self,
                const TriWordRow   *row,
                const char * const *texts,
                guint               version,
                guint               word)
{
  guint n_words, differs = 0;
  const TriWordSpan *words = tri_word_row_get_words (row, version, &n_words);
  g_autofree char *value = dup_numbers (texts[version], words[word].start, words[word].end);

  if (value == NULL)
    return 0;

  for (guint v = 0; v < self->n_versions; v++)
    {
      guint found[MAX_COUNTERPARTS];
      const TriWordSpan *other;
      guint n, n_other;
      gboolean same = FALSE;

      if (v == version || texts[v] == NULL || texts[v][0] == '\0')
        continue;
      n = MIN (MAX_COUNTERPARTS, tri_word_row_get_counterparts (row, version, word, v, found, MAX_COUNTERPARTS));
      other = tri_word_row_get_words (row, v, &n_other);
      for (guint i = 0; i < n && !same; i++)
        {
          g_autofree char *theirs = dup_numbers (texts[v], other[found[i]].start, other[found[i]].end);

          same = theirs == NULL || g_str_equal (theirs, value);
        }
      if (!same)
        differs |= 1u << v;
    }
  return differs;
}

/**
 * tri_wording_get_marks:
 * @self: a #TriWording
 * @texts: (array): the texts of a row's cells, one per version
 * @version: a cell
 *
 * Returns: (transfer full) (nullable) (element-type TriWordingSpan): the
 *   words of @version's cell and their marks; %NULL while the aligner is
 *   not ready
 */
GArray *
tri_wording_get_marks (TriWording         *self,
                       const char * const *texts,
                       guint               version)
{
  const TriWordRow *row;
  const TriWordSpan *words;
  guint n_words, n_others = 0;
  GArray *marks;

  g_return_val_if_fail (TRI_IS_WORDING (self), NULL);
  g_return_val_if_fail (version < self->n_versions, NULL);

  row = tri_wording_get_row (self, texts);
  if (row == NULL)
    return NULL;

  /* An empty cell is the row's gap, not every word's omission. */
  for (guint v = 0; v < self->n_versions; v++)
    if (v != version && texts[v] != NULL && texts[v][0] != '\0')
      n_others++;

  words = tri_word_row_get_words (row, version, &n_words);
  marks = g_array_sized_new (FALSE, FALSE, sizeof (TriWordingSpan), n_words);
  for (guint w = 0; w < n_words && n_others > 0; w++)
    {
      TriWordingSpan span = { words[w].start, words[w].end, TRI_WORDING_MARK_ALL };
      guint n_with = 0;

      for (guint v = 0; v < self->n_versions; v++)
        if (v != version && texts[v] != NULL && texts[v][0] != '\0' &&
            tri_word_row_has_counterpart (row, version, w, v))
          n_with++;

      if (number_differs (self, row, texts, version, w) != 0)
        span.mark = TRI_WORDING_MARK_DIFFERS;
      else if (n_with == 0)
        span.mark = TRI_WORDING_MARK_NONE;
      else if (n_with < n_others)
        span.mark = TRI_WORDING_MARK_SOME;
      g_array_append_val (marks, span);
    }
  return marks;
}

/* "Russian", "Russian or Ukrainian", "German, Russian or Ukrainian". */
static char *
dup_language_list (TriWording *self,
                   GPtrArray  *names)
{
  g_autofree char *list = NULL;

  if (names->len == 0)
    return g_strdup ("");
  list = g_strdup (g_ptr_array_index (names, names->len - 1));
  for (guint i = names->len - 1; i > 0; i--)
    {
      char *longer;

      if (i == names->len - 1)
        /* Translators: the last two of a list of languages: "Russian or Ukrainian" */
        longer = g_strdup_printf (_("%s or %s"), (char *)g_ptr_array_index (names, i - 1), list);
      else
        /* Translators: the first languages of a list: "German, Russian or Ukrainian" */
        longer = g_strdup_printf (_("%s, %s"), (char *)g_ptr_array_index (names, i - 1), list);
      g_free (list);
      list = longer;
    }
  return g_steal_pointer (&list);
}

/* The language's name as it stands in a sentence: "Russian" in an
 * English UI, "русский" in a Russian one. */
static char *
dup_name (TriWording *self,
          guint       version)
{
  g_autofree char *name = tri_language_dup_display_name (self->languages[version]);

  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      /* Translators: a version whose language is not known, by its column number */
      return g_strdup_printf (_("version %u"), version + 1);
    }
  /* Titles capitalise the name; a sentence keeps it as English does. */
  if (!g_str_has_prefix (g_get_language_names ()[0], "en") && g_strcmp0 (g_get_language_names ()[0], "C") != 0)
    {
      const char *second = g_utf8_next_char (name);
      g_autofree char *first = g_utf8_strdown (name, second - name);

      return g_strconcat (first, second, NULL);
    }
  return g_steal_pointer (&name);
}

/**
 * tri_wording_dup_tooltip:
 * @self: a #TriWording
 * @texts: (array): the texts of a row's cells, one per version
 * @version: the cell pointed at
 * @offset: the byte offset pointed at in it
 *
 * What the other versions do with the word at @offset: its counterparts,
 * or in which versions it has none, and what the dictionaries translate
 * it with.
 *
 * Returns: (transfer full) (nullable): the tooltip, or %NULL off a word
 */
char *
tri_wording_dup_tooltip (TriWording         *self,
                         const char * const *texts,
                         guint               version,
                         guint               offset)
{
  const TriWordRow *row;
  const TriWordSpan *words;
  g_autoptr(GString) tooltip = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *word_text = NULL;
  guint n_words;
  int word;

  g_return_val_if_fail (TRI_IS_WORDING (self), NULL);
  g_return_val_if_fail (version < self->n_versions, NULL);

  row = tri_wording_get_row (self, texts);
  if (row == NULL || (word = tri_word_row_find_word (row, version, offset)) < 0)
    return NULL;

  words = tri_word_row_get_words (row, version, &n_words);
  word_text = g_strndup (texts[version] + words[word].start, words[word].end - words[word].start);
  tooltip = g_string_new (NULL);
  for (guint v = 0; v < self->n_versions; v++)
    {
      guint found[MAX_COUNTERPARTS];
      const TriWordSpan *other;
      g_autoptr(GString) counterparts = NULL;
      guint n, n_other;

      if (v == version || texts[v] == NULL || texts[v][0] == '\0')
        continue;
      n = MIN (MAX_COUNTERPARTS, tri_word_row_get_counterparts (row, version, (guint)word, v, found,
                                                                 MAX_COUNTERPARTS));
      if (n == 0)
        {
          g_ptr_array_add (missing, dup_name (self, v));
          continue;
        }
      other = tri_word_row_get_words (row, v, &n_other);
      counterparts = g_string_new (NULL);
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (counterparts, ' ');
          g_string_append_len (counterparts, texts[v] + other[found[i]].start,
                               other[found[i]].end - other[found[i]].start);
        }
      {
        g_autofree char *name = tri_language_dup_display_name (self->languages[v]);

        if (tooltip->len > 0)
          g_string_append_c (tooltip, '\n');
        /* Translators: a language, and the word's counterpart in its version: "Russian: «отверг»" */
        g_string_append_printf (tooltip, _("%s: «%s»"), name, counterparts->str);
      }
    }

  if (missing->len > 0)
    {
      g_autofree char *list = dup_language_list (self, missing);

      if (tooltip->len > 0)
        g_string_append_c (tooltip, '\n');
      /* Translators: %s is a language, or a list of them: "No counterpart in Russian or Ukrainian" */
      g_string_append_printf (tooltip, _("No counterpart in %s"), list);
    }

  /* A number the checks would flag. */
  {
    guint differs = number_differs (self, row, texts, version, (guint)word);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    for (guint v = 0; v < self->n_versions; v++)
      if (differs & (1u << v))
        g_ptr_array_add (names, dup_name (self, v));
    if (names->len > 0)
      {
        g_autofree char *list = dup_language_list (self, names);

        if (tooltip->len > 0)
          g_string_append_c (tooltip, '\n');
        /* Translators: %s is a language, or a list of them: "Not the same number in Russian" */
        g_string_append_printf (tooltip, _("Not the same number in %s"), list);
      }
  }

  /* What the dictionaries say. */
  for (guint v = 0; v < self->n_versions; v++)
    {
      g_autofree char *key = NULL;
      const char * const *translations;
      guint n = 0;

      if (v == version || self->dictionaries[version][v] == NULL)
        continue;
      key = tri_dictionary_key (word_text, -1);
      translations = tri_dictionary_lookup (self->dictionaries[version][v], key, &n);
      if (translations != NULL && n > 0)
        {
          g_autofree char *name = tri_language_dup_display_name (self->languages[v]);
          g_autoptr(GString) joined = g_string_new (NULL);

          /* The array is @n long, not NULL-terminated. */
          for (guint i = 0; i < n; i++)
            g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "", translations[i]);
          if (tooltip->len > 0)
            g_string_append_c (tooltip, '\n');
          /* Translators: a language, and the dictionary's translations of the word into it */
          g_string_append_printf (tooltip, _("Dictionary, %s: %s"), name, joined->str);
        }
    }

  if (tooltip->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&tooltip), FALSE);
}

/* How a mark looks: never by its colour alone (the underline's style and
 * the weight say it too). */
static const struct
{
  guint16        red, green, blue;
  PangoUnderline underline;
  PangoWeight    weight;
  PangoStyle     style;
} mark_styles[] = {
  [TRI_WORDING_MARK_ALL] = { 0x9a00, 0x9900, 0x9600, PANGO_UNDERLINE_SINGLE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [TRI_WORDING_MARK_SOME] = { 0xe500, 0xa500, 0x0a00, PANGO_UNDERLINE_DOUBLE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [TRI_WORDING_MARK_NONE] = { 0x9100, 0x4100, 0xac00, PANGO_UNDERLINE_DOUBLE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
  [TRI_WORDING_MARK_DIFFERS] = { 0xe600, 0x6100, 0x0000, PANGO_UNDERLINE_ERROR, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
};

static const char * const mark_tags[] = {
  [TRI_WORDING_MARK_ALL] = "wording-all",
  [TRI_WORDING_MARK_SOME] = "wording-some",
  [TRI_WORDING_MARK_NONE] = "wording-none",
  [TRI_WORDING_MARK_DIFFERS] = "wording-differs",
};

/* Adwaita's accent blue, light enough for a light and a dark theme. */
#define HIGHLIGHT_RED   0x3500
#define HIGHLIGHT_GREEN 0x8400
#define HIGHLIGHT_BLUE  0xe400
#define HIGHLIGHT_ALPHA 0x5800

static void
insert (PangoAttrList  *attrs,
        PangoAttribute *attr,
        guint           start,
        guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/**
 * tri_wording_add_attributes:
 * @attrs: a cell's attributes
 * @highlights: (nullable) (element-type gsize): byte spans (pairs) of
 *   the word pointed at or its counterparts
 * @marks: (nullable) (element-type TriWordingSpan): Compare Wording's marks
 *
 * A soft accent background under the highlighted words; under the marked
 * ones an underline whose style says the mark as well as its colour: a
 * thin grey line for counterparts everywhere, a double one for some, a
 * double one and italics for none (an addition, or the others' omission;
 * quieter than bold: unlinked function words are many), a wavy one and
 * bold for a number that differs (a problem, as the checks see it).
 */
void
tri_wording_add_attributes (PangoAttrList *attrs,
                            GArray        *highlights,
                            GArray        *marks)
{
  for (guint i = 0; highlights != NULL && i + 1 < highlights->len; i += 2)
    {
      guint start = (guint)g_array_index (highlights, gsize, i);
      guint end = (guint)g_array_index (highlights, gsize, i + 1);

      insert (attrs, pango_attr_background_new (HIGHLIGHT_RED, HIGHLIGHT_GREEN, HIGHLIGHT_BLUE), start, end);
      insert (attrs, pango_attr_background_alpha_new (HIGHLIGHT_ALPHA), start, end);
    }

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const TriWordingSpan *m = &g_array_index (marks, TriWordingSpan, i);

      insert (attrs, pango_attr_underline_new (mark_styles[m->mark].underline), m->start, m->end);
      insert (attrs, pango_attr_underline_color_new (mark_styles[m->mark].red, mark_styles[m->mark].green,
                                                     mark_styles[m->mark].blue), m->start, m->end);
      if (mark_styles[m->mark].weight != PANGO_WEIGHT_NORMAL)
        insert (attrs, pango_attr_weight_new (mark_styles[m->mark].weight), m->start, m->end);
      if (mark_styles[m->mark].style != PANGO_STYLE_NORMAL)
        insert (attrs, pango_attr_style_new (mark_styles[m->mark].style), m->start, m->end);
    }
}

/**
 * tri_wording_create_tags:
 * @buffer: a text buffer
 *
 * The tags of tri_wording_apply_tags(): the same looks as the grid's.
 */
void
tri_wording_create_tags (GtkTextBuffer *buffer)
{
  GdkRGBA accent = { HIGHLIGHT_RED / 65535.f, HIGHLIGHT_GREEN / 65535.f, HIGHLIGHT_BLUE / 65535.f,
                     HIGHLIGHT_ALPHA / 65535.f };

  gtk_text_buffer_create_tag (buffer, "wording-word", "background-rgba", &accent, NULL);
  for (guint m = 0; m < G_N_ELEMENTS (mark_tags); m++)
    {
      GdkRGBA color = { mark_styles[m].red / 65535.f, mark_styles[m].green / 65535.f,
                        mark_styles[m].blue / 65535.f, 1.0f };

      gtk_text_buffer_create_tag (buffer, mark_tags[m], "underline", mark_styles[m].underline,
                                  "underline-rgba", &color, "weight", mark_styles[m].weight,
                                  "style", mark_styles[m].style, NULL);
    }
}

static void
apply_tag (GtkTextBuffer *buffer,
           const char    *text,
           const char    *tag,
           guint          offset,
           guint          start,
           guint          end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int)(offset + g_utf8_pointer_to_offset (text, text + start)));
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int)(offset + g_utf8_pointer_to_offset (text, text + end)));
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
}

/**
 * tri_wording_apply_tags:
 * @buffer: a text buffer with the tags of tri_wording_create_tags()
 * @text: the text the spans are in
 * @offset: where @text starts in @buffer, in characters
 * @highlights: (nullable) (element-type gsize): byte spans (pairs) of
 *   @text to highlight, or %NULL to leave the highlights as they are
 * @marks: (nullable) (element-type TriWordingSpan): Compare Wording's
 *   marks, or %NULL to leave them as they are
 */
void
tri_wording_apply_tags (GtkTextBuffer *buffer,
                        const char    *text,
                        guint          offset,
                        GArray        *highlights,
                        GArray        *marks)
{
  gsize length = strlen (text);

  for (guint i = 0; highlights != NULL && i + 1 < highlights->len; i += 2)
    if (g_array_index (highlights, gsize, i + 1) <= length)
      apply_tag (buffer, text, "wording-word", offset, (guint)g_array_index (highlights, gsize, i),
                 (guint)g_array_index (highlights, gsize, i + 1));
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const TriWordingSpan *m = &g_array_index (marks, TriWordingSpan, i);

      if (m->end <= length)
        apply_tag (buffer, text, mark_tags[m->mark], offset, m->start, m->end);
    }
}

/**
 * tri_wording_clear_tags:
 * @buffer: a text buffer with the tags of tri_wording_create_tags()
 * @highlights: whether to clear the highlights
 * @marks: whether to clear the marks
 */
void
tri_wording_clear_tags (GtkTextBuffer *buffer,
                        gboolean       highlights,
                        gboolean       marks)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (highlights)
    gtk_text_buffer_remove_tag_by_name (buffer, "wording-word", &start, &end);
  for (guint m = 0; marks && m < G_N_ELEMENTS (mark_tags); m++)
    gtk_text_buffer_remove_tag_by_name (buffer, mark_tags[m], &start, &end);
}

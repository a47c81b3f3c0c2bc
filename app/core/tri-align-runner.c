/* tri-align-runner.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-align-runner"

#include "config.h"

#include "tri-align-runner.h"
#include "tri-user-lexicon.h"

/**
 * TriAlignRunner:
 *
 * Aligns the documents of what a window shows in the background, one
 * alignment at a time (a new one or a cancel replaces the one running),
 * with the word pairs of the rows the user confirmed, and puts the rows
 * in: every row (not an edit: undo starts afresh), or only the rows
 * realigned (one step of undo).
 *
 * "aligned" says the rows are in (@replaced: whether every row was
 * replaced), "failed" gives the aligner's message.
 */

struct _TriAlignRunner
{
  GObject       parent_instance;

  TriAligner   *aligner;
  GCancellable *cancellable;    /* the alignment running, or NULL */
  TriAlignment *alignment;
  gboolean      realigning;     /* it replaces some rows only */
  guint         from;           /* the first row it replaces */
  guint         count;          /* how many */
  guint         tail;           /* the rows after them that come back as they are */
};

G_DEFINE_FINAL_TYPE (TriAlignRunner, tri_align_runner, G_TYPE_OBJECT)

enum {
  ALIGNED,
  FAILED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  TriAlignRunner *self;
  GCancellable   *cancellable;
} Run;

static void
on_aligned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(TriAlignRunner) self = run->self;
  g_autoptr(GCancellable) cancellable = run->cancellable;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(TriAlignment) alignment = NULL;

  g_free (run);
  rows = tri_aligner_align_finish (TRI_ALIGNER (object), result, &error);

  /* Only the newest alignment counts; a replaced or cancelled one was
   * already accounted for. */
  if (cancellable != self->cancellable || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->cancellable);
  alignment = g_steal_pointer (&self->alignment);

  if (rows == NULL)
    {
      g_debug ("Alignment failed: %s", error->message);
      self->realigning = FALSE;
      g_signal_emit (self, signals [FAILED], 0, error->message);
      return;
    }

  if (self->realigning)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (alignment));
      g_autoptr(GArray) tail = g_array_new (FALSE, FALSE, sizeof (TriBead));

      /* The rows before and after the realigned ones came back as they
       * were (fixed): replace those between, as one step of undo. */
      if (self->from + self->tail <= rows->len)
        g_array_append_vals (tail, &g_array_index (rows, TriBead, self->from),
                             rows->len - self->from - self->tail);
      if (self->from + self->count > n || !tri_alignment_replace_rows (alignment, self->from, self->count, tail))
        g_warning ("The realigned rows do not cover the same sentences");
      self->realigning = FALSE;
      g_signal_emit (self, signals [ALIGNED], 0, FALSE);
    }
  else
    {
      tri_alignment_set_rows (alignment, rows);
      g_signal_emit (self, signals [ALIGNED], 0, TRUE);
    }
}

/**
 * tri_align_runner_start:
 * @self: a #TriAlignRunner
 * @alignment: the rows shown, whose documents are aligned
 * @fixed: (nullable) (element-type TriBead): rows to keep
 * @replace_from: with @fixed, the first row the result replaces
 * @n_replace: how many rows it replaces
 * @n_tail: how many rows of the result, at its end, are the fixed rows
 *   after those (and are not replaced)
 *
 * Aligns @alignment's documents in the background, in place of any
 * alignment running. Without @fixed the result replaces every row; with
 * it, the rows @replace_from … @replace_from + @n_replace − 1, as one
 * undoable edit. Nothing runs for fewer than two documents.
 */
void
tri_align_runner_start (TriAlignRunner *self,
                        TriAlignment   *alignment,
                        const GArray   *fixed,
                        guint           replace_from,
                        guint           n_replace,
                        guint           n_tail)
{
  TriDocument *documents[TRI_MAX_COLUMNS];
  const char *languages[TRI_MAX_COLUMNS];
  g_autoptr(TriDictionary) lexicon = NULL;
  guint n;
  Run *run;

  g_return_if_fail (TRI_IS_ALIGN_RUNNER (self));
  g_return_if_fail (TRI_IS_ALIGNMENT (alignment));

  tri_align_runner_cancel (self);
  n = tri_alignment_get_n_columns (alignment);
  if (n < 2)
    return;

  self->realigning = fixed != NULL;
  self->from = replace_from;
  self->count = n_replace;
  self->tail = n_tail;
  g_set_object (&self->alignment, alignment);

  for (guint c = 0; c < n; c++)
    {
      documents[c] = tri_alignment_get_document (alignment, c);
      languages[c] = tri_document_get_language (documents[c]);
    }
  /* The word pairs of the rows the user confirmed (this and earlier work). */
  lexicon = tri_user_lexicon_dictionary_for (languages, n);
  tri_aligner_set_user_dictionary (self->aligner, lexicon);

  self->cancellable = g_cancellable_new ();
  run = g_new0 (Run, 1);
  run->self = g_object_ref (self);
  run->cancellable = g_object_ref (self->cancellable);
  tri_aligner_align_async (self->aligner, documents, n, fixed, self->cancellable, on_aligned_cb, run);
}

/**
 * tri_align_runner_cancel:
 * @self: a #TriAlignRunner
 *
 * Stops the alignment running, if any: the rows stay as they are.
 *
 * Returns: whether one was running
 */
gboolean
tri_align_runner_cancel (TriAlignRunner *self)
{
  g_return_val_if_fail (TRI_IS_ALIGN_RUNNER (self), FALSE);

  self->realigning = FALSE;
  g_clear_object (&self->alignment);
  if (self->cancellable == NULL)
    return FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  return TRUE;
}

/**
 * tri_align_runner_get_running:
 * @self: a #TriAlignRunner
 *
 * Returns: whether an alignment runs
 */
gboolean
tri_align_runner_get_running (TriAlignRunner *self)
{
  g_return_val_if_fail (TRI_IS_ALIGN_RUNNER (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * tri_align_runner_get_aligner:
 * @self: a #TriAlignRunner
 *
 * Returns: (transfer none): the aligner (its progress; the rows edits make
 *   are scored as it scores its own)
 */
TriAligner *
tri_align_runner_get_aligner (TriAlignRunner *self)
{
  g_return_val_if_fail (TRI_IS_ALIGN_RUNNER (self), NULL);

  return self->aligner;
}

static void
tri_align_runner_dispose (GObject *object)
{
  TriAlignRunner *self = (TriAlignRunner *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->alignment);
  g_clear_object (&self->aligner);

  G_OBJECT_CLASS (tri_align_runner_parent_class)->dispose (object);
}

static void
tri_align_runner_class_init (TriAlignRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_align_runner_dispose;

  /**
   * TriAlignRunner::aligned:
   * @self: a #TriAlignRunner
   * @replaced: whether every row was replaced (else the rows realigned)
   */
  signals [ALIGNED] = g_signal_new ("aligned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals [FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tri_align_runner_init (TriAlignRunner *self)
{
  self->aligner = tri_aligner_new ();
}

/**
 * tri_align_runner_new:
 *
 * Returns: (transfer full): a new #TriAlignRunner
 */
TriAlignRunner *
tri_align_runner_new (void)
{
  return g_object_new (TRI_TYPE_ALIGN_RUNNER, NULL);
}

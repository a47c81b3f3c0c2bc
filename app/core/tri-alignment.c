/* tri-alignment.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-alignment"

#include "config.h"

#include <math.h>
#include <string.h>

#include <unicode/uregex.h>

#include <glib/gi18n.h>

#include "tri-alignment.h"
#include "tri-document-private.h"

/* A row: for each column, a run of consecutive sentences (possibly none). */
struct _TriRow
{
  GObject parent_instance;

  guint    first[TRI_MAX_COLUMNS];
  guint    count[TRI_MAX_COLUMNS];
  double   score;
  gboolean fixed;       /* confirmed by the user: an anchor for realigning */
  gboolean bookmarked;
};

G_DEFINE_FINAL_TYPE (TriRow, tri_row, G_TYPE_OBJECT)

static void
tri_row_class_init (TriRowClass *klass)
{
}

static void
tri_row_init (TriRow *self)
{
}

/**
 * tri_row_get_first:
 * @self: a #TriRow
 * @column: a column index
 *
 * Returns: the index of the first sentence of @column's document in this row
 */
guint
tri_row_get_first (TriRow *self,
                   guint   column)
{
  g_return_val_if_fail (TRI_IS_ROW (self), 0);
  g_return_val_if_fail (column < TRI_MAX_COLUMNS, 0);

  return self->first[column];
}

/**
 * tri_row_get_count:
 * @self: a #TriRow
 * @column: a column index
 *
 * Returns: how many sentences of @column's document are in this row
 */
guint
tri_row_get_count (TriRow *self,
                   guint   column)
{
  g_return_val_if_fail (TRI_IS_ROW (self), 0);
  g_return_val_if_fail (column < TRI_MAX_COLUMNS, 0);

  return self->count[column];
}

/**
 * tri_row_get_score:
 * @self: a #TriRow
 *
 * Returns: the aligner's confidence in the row, in [0, 1]
 */
double
tri_row_get_score (TriRow *self)
{
  g_return_val_if_fail (TRI_IS_ROW (self), 0);

  return self->score;
}

/**
 * tri_row_get_fixed:
 * @self: a #TriRow
 *
 * Returns: whether the user fixed the row
 */
gboolean
tri_row_get_fixed (TriRow *self)
{
  g_return_val_if_fail (TRI_IS_ROW (self), FALSE);

  return self->fixed;
}

/**
 * tri_row_get_confirmed:
 * @self: a #TriRow
 *
 * Returns: whether the user confirmed the row (the same as tri_row_get_fixed())
 */
gboolean
tri_row_get_confirmed (TriRow *self)
{
  g_return_val_if_fail (TRI_IS_ROW (self), FALSE);

  return self->fixed;
}

/**
 * tri_row_get_bookmarked:
 * @self: a #TriRow
 *
 * Returns: whether the user bookmarked the row
 */
gboolean
tri_row_get_bookmarked (TriRow *self)
{
  g_return_val_if_fail (TRI_IS_ROW (self), FALSE);

  return self->bookmarked;
}

/**
 * tri_row_get_needs_review:
 * @self: a #TriRow
 *
 * Returns: whether the row's confidence is below %TRI_REVIEW_THRESHOLD
 *   (and the user has not fixed it)
 */
gboolean
tri_row_get_needs_review (TriRow *self)
{
  g_return_val_if_fail (TRI_IS_ROW (self), FALSE);

  return !self->fixed && self->score < TRI_REVIEW_THRESHOLD;
}

/* The alignment of two or three documents: a list of rows, every sentence
 * of every document in exactly one row, in document order. It starts as a
 * plain pairing (paragraph by paragraph, then sentence by sentence) until
 * the aligner's rows are set. */
struct _TriAlignment
{
  GObject      parent_instance;

  TriDocument *documents[TRI_MAX_COLUMNS];
  guint        n_columns;
  GPtrArray   *rows;
  gboolean     aligned;
  GQueue       undo;       /* Step *, newest first */
  GQueue       redo;
  guint64      generation; /* the state of the rows: (epoch << 32) | a state's id */
  guint32      epoch;      /* one more at every change undo does not take back */
  guint32      last_id;    /* the last state's id */
  guint        group_depth; /* tri_alignment_begin_group() calls not ended */
  guint        group;       /* the open group's id, while group_depth > 0 */
  guint        last_group;
  GHashTable  *ignored;     /* words the spell checker leaves alone in this project */
  GHashTable  *dismissed;   /* keys of the check findings dismissed (tri_checker_dup_key()) */
  TriAligner  *aligner;     /* scores the rows edits make, if set */
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* One edit: rows [position, position + old->len) became @new. Rows are
 * never changed once made, so the step simply keeps both lists. */
typedef struct
{
  guint      position;
  GPtrArray *old_rows;
  GPtrArray *new_rows;
  /* An edit of a text (its words or its sentences) also keeps what changed
   * in the text and sentences of that column: the bytes from @text_at
   * (@old_piece became @new_piece) and the sentences from @sentence_at,
   * those after moved by the difference in length. -1 for rows only. */
  int        column;
  gsize      text_at;
  char      *old_piece;
  char      *new_piece;
  guint      sentence_at;
  GArray    *old_sentences;
  GArray    *new_sentences;
  /* Steps made in one group (same nonzero id) are undone as one. */
  guint      group;
  /* The states before and after the step: undo and redo go back to them,
   * so an edit undone is the state it undid (saved, or not). */
  guint32    before;
  guint32    after;
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->old_rows);
  g_ptr_array_unref (step->new_rows);
  g_free (step->old_piece);
  g_free (step->new_piece);
  g_clear_pointer (&step->old_sentences, g_array_unref);
  g_clear_pointer (&step->new_sentences, g_array_unref);
  g_free (step);
}

/* A new state of the rows. (A change undo does not take back starts a new
 * epoch first: no state before it comes back.) */
static void
new_state (TriAlignment *self)
{
  self->generation = ((guint64)self->epoch << 32) | ++self->last_id;
}

static void
new_epoch (TriAlignment *self)
{
  self->epoch++;
  new_state (self);
}

static void
push_step (TriAlignment *self,
           Step         *step)
{
  step->before = (guint32)self->generation;
  step->group = self->group_depth > 0 ? self->group : 0;
  g_queue_push_head (&self->undo, step);
  g_queue_clear_full (&self->redo, step_free);
}

static GType
tri_alignment_get_item_type (GListModel *model)
{
  return TRI_TYPE_ROW;
}

static guint
tri_alignment_get_n_items (GListModel *model)
{
  return TRI_ALIGNMENT (model)->rows->len;
}

static gpointer
tri_alignment_get_item (GListModel *model,
                        guint       position)
{
  TriAlignment *self = TRI_ALIGNMENT (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tri_alignment_get_item_type;
  iface->get_n_items = tri_alignment_get_n_items;
  iface->get_item = tri_alignment_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TriAlignment, tri_alignment, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
tri_alignment_dispose (GObject *object)
{
  TriAlignment *self = (TriAlignment *)object;

  for (guint i = 0; i < self->n_columns; i++)
    {
      g_signal_handlers_disconnect_by_data (self->documents[i], self);
      g_clear_object (&self->documents[i]);
    }
  self->n_columns = 0;

  G_OBJECT_CLASS (tri_alignment_parent_class)->dispose (object);
}

static void
tri_alignment_finalize (GObject *object)
{
  TriAlignment *self = (TriAlignment *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->ignored, g_hash_table_unref);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);
  g_clear_object (&self->aligner);
  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);

  G_OBJECT_CLASS (tri_alignment_parent_class)->finalize (object);
}

static void
tri_alignment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TriAlignment *self = TRI_ALIGNMENT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tri_alignment_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, tri_alignment_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_alignment_class_init (TriAlignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_alignment_dispose;
  object_class->finalize = tri_alignment_finalize;
  object_class->get_property = tri_alignment_get_property;

  /**
   * TriAlignment::ignored-changed:
   *
   * The project's list of words the spell checker leaves alone changed.
   */
  g_signal_new ("ignored-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TriAlignment::dismissed-changed:
   *
   * The project's list of dismissed check findings changed.
   */
  g_signal_new ("dismissed-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tri_alignment_init (TriAlignment *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Pairs paragraph p of every document, sentence by sentence. */
static GPtrArray *
pair_in_order (TriAlignment *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint next[TRI_MAX_COLUMNS] = { 0 };
  guint n_paragraphs = 0;

  for (guint c = 0; c < self->n_columns; c++)
    n_paragraphs = MAX (n_paragraphs, tri_document_get_n_paragraphs (self->documents[c]));

  for (guint p = 0; p < n_paragraphs; p++)
    {
      guint count[TRI_MAX_COLUMNS] = { 0 };
      guint n_rows = 0;

      for (guint c = 0; c < self->n_columns; c++)
        {
          TriDocument *doc = self->documents[c];
          guint n = tri_document_get_n_sentences (doc);

          while (next[c] + count[c] < n &&
                 tri_document_get_sentence (doc, next[c] + count[c])->paragraph == p)
            count[c]++;
          n_rows = MAX (n_rows, count[c]);
        }

      for (guint r = 0; r < n_rows; r++)
        {
          TriRow *row = g_object_new (TRI_TYPE_ROW, NULL);

          for (guint c = 0; c < self->n_columns; c++)
            {
              row->first[c] = next[c] + MIN (r, count[c]);
              row->count[c] = r < count[c] ? 1 : 0;
            }
          /* Not aligned: nothing to be confident about, nothing to flag. */
          row->score = 1.0;
          g_ptr_array_add (rows, row);
        }

      for (guint c = 0; c < self->n_columns; c++)
        next[c] += count[c];
    }

  return rows;
}

static void step_free (gpointer data);

/* New rows from elsewhere (the aligner, a new segmentation): the edits
 * before them no longer apply. */
static void
forget_edits (TriAlignment *self)
{
  if (g_queue_is_empty (&self->undo) && g_queue_is_empty (&self->redo))
    return;

  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

static void
rebuild (TriAlignment *self)
{
  guint removed = self->rows->len;

  forget_edits (self);

  g_ptr_array_unref (self->rows);
  self->rows = pair_in_order (self);
  self->aligned = FALSE;
  new_epoch (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
}

/**
 * tri_alignment_set_rows:
 * @self: a #TriAlignment
 * @rows: (element-type TriBead): the aligner's rows for these documents
 *
 * Replaces the rows, as one change of the list.
 */
/* The rows of @beads, as objects. */
static GPtrArray *
rows_from_beads (TriAlignment *self,
                 const GArray *beads)
{
  GPtrArray *list = g_ptr_array_new_full (beads->len, g_object_unref);

  for (guint r = 0; r < beads->len; r++)
    {
      const TriBead *bead = &g_array_index (beads, TriBead, r);
      TriRow *row = g_object_new (TRI_TYPE_ROW, NULL);

      for (guint c = 0; c < self->n_columns; c++)
        {
          row->first[c] = bead->first[c];
          row->count[c] = bead->count[c];
        }
      row->score = bead->score;
      row->fixed = bead->fixed;
      row->bookmarked = bead->bookmarked;
      g_ptr_array_add (list, row);
    }
  return list;
}

void
tri_alignment_set_rows (TriAlignment *self,
                        const GArray *rows)
{
  GPtrArray *list;
  guint removed;

  g_return_if_fail (TRI_IS_ALIGNMENT (self));
  g_return_if_fail (rows != NULL);

  list = rows_from_beads (self, rows);
  forget_edits (self);
  new_epoch (self);
  removed = self->rows->len;
  g_ptr_array_unref (self->rows);
  self->rows = list;
  self->aligned = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
}

/**
 * tri_alignment_restore:
 * @self: a #TriAlignment
 * @rows: (element-type TriBead): rows as a project saved them
 * @aligned: whether they came from the aligner
 *
 * Sets the rows a saved project had, aligned or still paired in order.
 */
void
tri_alignment_restore (TriAlignment *self,
                       const GArray *rows,
                       gboolean      aligned)
{
  g_return_if_fail (TRI_IS_ALIGNMENT (self));

  tri_alignment_set_rows (self, rows);
  self->aligned = aligned;
}

/* The project's sets of strings: saved with it, changes to save, not
 * edits to undo. */
static gboolean
string_set_change (TriAlignment *self,
                   GHashTable   *set,
                   const char   *item,
                   gboolean      add,
                   const char   *signal)
{
  if (item[0] == '\0' || !g_utf8_validate (item, -1, NULL) || g_hash_table_contains (set, item) == add)
    return FALSE;

  if (add)
    g_hash_table_add (set, g_strdup (item));
  else
    g_hash_table_remove (set, item);
  new_epoch (self);
  g_signal_emit_by_name (self, signal);
  return TRUE;
}

static void
string_set_replace (TriAlignment       *self,
                    GHashTable         *set,
                    const char * const *items,
                    const char         *signal)
{
  g_hash_table_remove_all (set);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (items[i][0] != '\0' && g_utf8_validate (items[i], -1, NULL))
      g_hash_table_add (set, g_strdup (items[i]));
  g_signal_emit_by_name (self, signal);
}

/**
 * tri_alignment_get_ignored_words:
 * @self: a #TriAlignment
 *
 * Returns: (transfer none) (element-type utf8 utf8): the words the spell
 *   checker leaves alone in this project ("Ignore"), as a set
 */
GHashTable *
tri_alignment_get_ignored_words (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), NULL);

  return self->ignored;
}

/**
 * tri_alignment_ignore_word:
 * @self: a #TriAlignment
 * @word: a word
 *
 * Adds @word to the words the spell checker leaves alone in this project.
 * It is saved with the project: a change to save, not an edit to undo.
 *
 * Returns: whether @word is new to the list
 */
gboolean
tri_alignment_ignore_word (TriAlignment *self,
                           const char   *word)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  return string_set_change (self, self->ignored, word, TRUE, "ignored-changed");
}

/**
 * tri_alignment_set_ignored_words:
 * @self: a #TriAlignment
 * @words: (array zero-terminated=1): the words, as read from a project
 */
void
tri_alignment_set_ignored_words (TriAlignment       *self,
                                 const char * const *words)
{
  g_return_if_fail (TRI_IS_ALIGNMENT (self));

  string_set_replace (self, self->ignored, words, "ignored-changed");
}

/**
 * tri_alignment_get_dismissed:
 * @self: a #TriAlignment
 *
 * Returns: (transfer none) (element-type utf8 utf8): the keys of the check
 *   findings the user dismissed in this project, as a set
 */
GHashTable *
tri_alignment_get_dismissed (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), NULL);

  return self->dismissed;
}

/**
 * tri_alignment_set_finding_dismissed:
 * @self: a #TriAlignment
 * @key: a finding's key
 * @dismissed: whether to dismiss it, or bring it back
 *
 * Saved with the project: a change to save, not an edit to undo.
 *
 * Returns: whether the set changed
 */
gboolean
tri_alignment_set_finding_dismissed (TriAlignment *self,
                                     const char   *key,
                                     gboolean      dismissed)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return string_set_change (self, self->dismissed, key, dismissed, "dismissed-changed");
}

/**
 * tri_alignment_set_dismissed:
 * @self: a #TriAlignment
 * @keys: (array zero-terminated=1): the keys, as read from a project
 */
void
tri_alignment_set_dismissed (TriAlignment       *self,
                             const char * const *keys)
{
  g_return_if_fail (TRI_IS_ALIGNMENT (self));

  string_set_replace (self, self->dismissed, keys, "dismissed-changed");
}

/**
 * tri_alignment_dup_rows:
 * @self: a #TriAlignment
 *
 * Returns: (transfer full) (element-type TriBead): the rows
 */
GArray *
tri_alignment_dup_rows (TriAlignment *self)
{
  GArray *rows;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), NULL);

  rows = g_array_sized_new (FALSE, TRUE, sizeof (TriBead), self->rows->len);
  for (guint r = 0; r < self->rows->len; r++)
    {
      TriRow *row = g_ptr_array_index (self->rows, r);
      TriBead bead = { { 0 }, { 0 }, row->score, row->fixed, row->bookmarked };

      for (guint c = 0; c < self->n_columns; c++)
        {
          bead.first[c] = row->first[c];
          bead.count[c] = row->count[c];
        }
      g_array_append_val (rows, bead);
    }
  return rows;
}

/**
 * tri_alignment_get_aligned:
 * @self: a #TriAlignment
 *
 * Returns: whether the rows come from the aligner (not the plain pairing
 *   shown before it finishes)
 */
gboolean
tri_alignment_get_aligned (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  return self->aligned;
}

/**
 * tri_alignment_get_n_review:
 * @self: a #TriAlignment
 *
 * Returns: how many rows need review (see tri_row_get_needs_review())
 */
guint
tri_alignment_get_n_review (TriAlignment *self)
{
  guint n = 0;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), 0);

  for (guint r = 0; r < self->rows->len; r++)
    n += tri_row_get_needs_review (g_ptr_array_index (self->rows, r));
  return n;
}

static void
on_document_language_cb (TriAlignment *self,
                         GParamSpec   *pspec,
                         TriDocument  *document)
{
  g_assert (TRI_IS_ALIGNMENT (self));
  g_assert (TRI_IS_DOCUMENT (document));

  /* The document was segmented anew: its sentence indices changed. */
  rebuild (self);
}

/* An alignment of @documents with the rows of @beads, or (NULL) the
 * sentences paired in order. */
static TriAlignment *
alignment_new (TriDocument  **documents,
               guint          n_documents,
               const GArray  *beads)
{
  TriAlignment *self;

  g_return_val_if_fail (n_documents >= 1 && n_documents <= TRI_MAX_COLUMNS, NULL);

  self = g_object_new (TRI_TYPE_ALIGNMENT, NULL);
  self->n_columns = n_documents;
  for (guint i = 0; i < n_documents; i++)
    {
      g_return_val_if_fail (TRI_IS_DOCUMENT (documents[i]), NULL);
      self->documents[i] = g_object_ref (documents[i]);
      g_signal_connect_object (documents[i], "notify::language",
                               G_CALLBACK (on_document_language_cb), self, G_CONNECT_SWAPPED);
    }

  g_ptr_array_unref (self->rows);
  self->rows = beads != NULL ? rows_from_beads (self, beads) : pair_in_order (self);

  return self;
}

/**
 * tri_alignment_new:
 * @documents: (array length=n_documents): two or three documents
 * @n_documents: their number
 *
 * Returns: (transfer full): the alignment of @documents
 */
TriAlignment *
tri_alignment_new (TriDocument **documents,
                   guint         n_documents)
{
  return alignment_new (documents, n_documents, NULL);
}

/**
 * tri_alignment_new_with_rows:
 * @documents: (array length=n_documents): two or three documents
 * @n_documents: their number
 * @rows: (element-type TriBead): the aligner's rows for these documents
 *
 * tri_alignment_new() followed by tri_alignment_set_rows(), without first
 * making the rows that pair the sentences in order (a long document's
 * thousands of objects, made and freed for nothing).
 *
 * Returns: (transfer full): the alignment of @documents
 */
TriAlignment *
tri_alignment_new_with_rows (TriDocument  **documents,
                             guint          n_documents,
                             const GArray  *rows)
{
  TriAlignment *self;

  g_return_val_if_fail (rows != NULL, NULL);

  self = alignment_new (documents, n_documents, rows);
  if (self != NULL)
    {
      /* as tri_alignment_set_rows() leaves it */
      new_epoch (self);
      self->aligned = TRUE;
    }
  return self;
}

/**
 * tri_alignment_snapshot:
 * @self: a #TriAlignment
 *
 * A copy of the texts and rows as they are now, with no history, for work
 * in another thread (the checks of a long document) while @self is
 * edited: documents are changed in place by edits.
 *
 * Returns: (transfer full): the copy
 */
TriAlignment *
tri_alignment_snapshot (TriAlignment *self)
{
  TriDocument *documents[TRI_MAX_COLUMNS] = { NULL };
  g_autoptr(GArray) rows = NULL;
  TriAlignment *copy;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), NULL);

  for (guint c = 0; c < self->n_columns; c++)
    {
      TriDocument *doc = self->documents[c];
      g_autoptr(GArray) sentences = _tri_document_dup_sentences (doc);

      documents[c] = tri_document_new_from_parts (tri_document_get_text (doc), tri_document_get_language (doc),
                                                  tri_document_get_paragraph_mode (doc),
                                                  (const TriSentence *)(gpointer)sentences->data, sentences->len,
                                                  tri_document_get_file (doc), tri_document_get_encoding (doc),
                                                  NULL);
      g_assert (documents[c] != NULL);
    }
  copy = tri_alignment_new (documents, self->n_columns);
  rows = tri_alignment_dup_rows (self);
  tri_alignment_restore (copy, rows, self->aligned);
  for (guint c = 0; c < self->n_columns; c++)
    g_object_unref (documents[c]);
  return copy;
}

guint
tri_alignment_get_n_columns (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), 0);

  return self->n_columns;
}

/**
 * tri_alignment_get_document:
 * @self: a #TriAlignment
 * @column: a column index
 *
 * Returns: (transfer none): the document shown in @column
 */
TriDocument *
tri_alignment_get_document (TriAlignment *self,
                            guint         column)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->documents[column];
}

/**
 * tri_alignment_dup_cell_text:
 * @self: a #TriAlignment
 * @row: one of its rows
 * @column: a column index
 *
 * Returns: (transfer full): the sentences of @row in @column, joined by a
 *   space; an empty string for an empty cell
 */
char *
tri_alignment_dup_cell_text (TriAlignment *self,
                             TriRow       *row,
                             guint         column)
{
  GString *text;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (TRI_IS_ROW (row), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < row->count[column]; i++)
    {
      g_autofree char *sentence = tri_document_dup_sentence_text (self->documents[column],
                                                                  row->first[column] + i);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }

  return g_string_free (text, FALSE);
}

/**
 * tri_alignment_dup_row_texts:
 * @self: a #TriAlignment
 * @row: one of its rows
 *
 * Returns: (transfer full): the texts of @row's cells, one per column
 *   (tri_alignment_dup_cell_text())
 */
GStrv
tri_alignment_dup_row_texts (TriAlignment *self,
                             TriRow       *row)
{
  guint n;
  GStrv texts;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), NULL);

  n = tri_alignment_get_n_columns (self);
  texts = g_new0 (char *, n + 1);
  for (guint c = 0; c < n; c++)
    texts[c] = tri_alignment_dup_cell_text (self, row, c);
  return texts;
}

/**
 * tri_alignment_map_spans:
 * @self: a #TriAlignment
 * @row: one of its rows
 * @column: a column
 * @spans: (nullable) (element-type gsize): byte spans [start, end) of the
 *   column's document (pairs), as a check finding gives them
 *
 * Where @spans fall in the row's cell as tri_alignment_dup_cell_text()
 * gives it (its sentences joined by one byte: a space, or a new line in
 * the editor strip): the parts of each span inside the cell's sentences.
 *
 * Returns: (transfer full) (element-type gsize): byte spans of the cell's
 *   text, pairs
 */
GArray *
tri_alignment_map_spans (TriAlignment *self,
                         TriRow       *row,
                         guint         column,
                         GArray       *spans)
{
  GArray *mapped = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize base = 0;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), mapped);
  g_return_val_if_fail (TRI_IS_ROW (row), mapped);
  g_return_val_if_fail (column < self->n_columns, mapped);

  for (guint i = 0; spans != NULL && i < row->count[column]; i++)
    {
      const TriSentence *s = tri_document_get_sentence (self->documents[column], row->first[column] + i);
      const char *text = tri_document_get_text (self->documents[column]);
      g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_autofree char *folded = tri_fold_whitespace_map (text + s->start, (gssize)(s->end - s->start), map);

      for (guint k = 0; k + 1 < spans->len; k += 2)
        {
          gsize from = MAX (g_array_index (spans, gsize, k), s->start);
          gsize to = MIN (g_array_index (spans, gsize, k + 1), s->end);

          if (from < to)
            {
              gsize pair[2] = { base + g_array_index (map, gsize, from - s->start),
                                base + g_array_index (map, gsize, to - s->start) };

              g_array_append_vals (mapped, pair, 2);
            }
        }
      base += strlen (folded) + 1;
    }
  return mapped;
}

/* Editing */

static TriRow *
row_copy (const TriRow *row)
{
  TriRow *copy = g_object_new (TRI_TYPE_ROW, NULL);

  memcpy (copy->first, row->first, sizeof copy->first);
  memcpy (copy->count, row->count, sizeof copy->count);
  copy->score = row->score;
  copy->fixed = row->fixed;
  copy->bookmarked = row->bookmarked;
  return copy;
}

static TriRow *
row_at (TriAlignment *self,
        guint         index)
{
  return g_ptr_array_index (self->rows, index);
}

static gboolean
row_is_empty (TriAlignment *self,
              const TriRow *row)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (row->count[c] > 0)
      return FALSE;
  return TRUE;
}

/* A row whose text changed is scored again: NaN until score_pending()
 * gives it the aligner's confidence in it. A confirmed row stays
 * confirmed: the user fixed a word, not the alignment. */
static void
mark_rescore (TriRow *row)
{
  row->score = NAN;
}

/* A row whose sentences changed is scored again, and to be confirmed
 * again. */
static void
mark_edited (TriRow *row)
{
  mark_rescore (row);
  row->fixed = FALSE;
}

/* Rows of context on either side of the rows to score: their sentences
 * weigh the words, as the whole documents do when aligning. */
#define SCORE_CONTEXT 40

/* Scores the rows from @position on, @n_rows of them, that edits made (a
 * NaN score), as the aligner scores a bead; without an aligner they are
 * the user's work and trusted. The rows are new, held only by the list and
 * the step that made them, and get their score before anyone sees them. */
static void
score_pending (TriAlignment *self,
               guint         position,
               guint         n_rows)
{
  guint first = G_MAXUINT, last = 0, lo, hi;
  TriAlignInput *inputs[TRI_MAX_COLUMNS] = { NULL };
  g_autoptr(GArray) beads = NULL;
  guint from[TRI_MAX_COLUMNS];

  for (guint r = position; r < position + n_rows; r++)
    if (isnan (row_at (self, r)->score))
      {
        first = MIN (first, r);
        last = r;
      }
  if (first == G_MAXUINT)
    return;

  if (self->aligner == NULL)
    {
      for (guint r = first; r <= last; r++)
        if (isnan (row_at (self, r)->score))
          row_at (self, r)->score = 1.0;
      return;
    }

  lo = first > SCORE_CONTEXT ? first - SCORE_CONTEXT : 0;
  hi = MIN (self->rows->len, last + 1 + SCORE_CONTEXT);

  for (guint c = 0; c < self->n_columns; c++)
    {
      TriDocument *doc = self->documents[c];
      const TriRow *end = row_at (self, hi - 1);
      guint to = end->first[c] + end->count[c];
      g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
      g_autofree guint *paragraphs = g_new0 (guint, to - row_at (self, lo)->first[c] + 1);

      from[c] = row_at (self, lo)->first[c];
      for (guint i = from[c]; i < to; i++)
        {
          g_ptr_array_add (sentences, tri_document_dup_sentence_text (doc, i));
          paragraphs[i - from[c]] = tri_document_get_sentence (doc, i)->paragraph;
        }
      inputs[c] = tri_align_input_new (tri_document_get_language (doc),
                                       (const char * const *)sentences->pdata, paragraphs, sentences->len);
    }

  beads = g_array_sized_new (FALSE, TRUE, sizeof (TriBead), hi - lo);
  for (guint r = lo; r < hi; r++)
    {
      const TriRow *row = row_at (self, r);
      TriBead bead = { { 0 }, { 0 }, row->score, row->fixed, row->bookmarked };

      for (guint c = 0; c < self->n_columns; c++)
        {
          bead.first[c] = row->first[c] - from[c];
          bead.count[c] = row->count[c];
        }
      g_array_append_val (beads, bead);
    }

  tri_aligner_score_rows (self->aligner, inputs, self->n_columns, beads);

  for (guint r = first; r <= last; r++)
    row_at (self, r)->score = g_array_index (beads, TriBead, r - lo).score;
  for (guint c = 0; c < self->n_columns; c++)
    tri_align_input_free (inputs[c]);
}

/**
 * tri_alignment_set_aligner:
 * @self: a #TriAlignment
 * @aligner: (nullable): the aligner that scores the rows edits make
 *
 * With an aligner, every row an edit creates or changes is scored as the
 * aligner scores a bead, and flagged for review as aligned rows are;
 * without, such rows are the user's work and are not flagged.
 */
void
tri_alignment_set_aligner (TriAlignment *self,
                           TriAligner   *aligner)
{
  g_return_if_fail (TRI_IS_ALIGNMENT (self));
  g_return_if_fail (aligner == NULL || TRI_IS_ALIGNER (aligner));

  g_set_object (&self->aligner, aligner);
}

/* Row @index of @rows, ready to change: rows are never changed once in the
 * list or an undo step, so one held elsewhere too is copied first. */
static TriRow *
own_row (GPtrArray *rows,
         guint      index)
{
  TriRow *row = g_ptr_array_index (rows, index);

  if (g_atomic_int_get (&G_OBJECT (row)->ref_count) > 1)
    {
      g_ptr_array_index (rows, index) = row_copy (row);
      g_object_unref (row);
    }
  return g_ptr_array_index (rows, index);
}

/* Empty cells start where the next sentence of their column is, so that
 * first[] never goes back: from @position on, after the rows before. */
static void
normalise_empty_cells (TriAlignment *self,
                       GPtrArray    *rows,
                       guint         position)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      guint next = 0;

      if (position > 0)
        {
          const TriRow *before = row_at (self, position - 1);
          next = before->first[c] + before->count[c];
        }

      for (guint r = 0; r < rows->len; r++)
        {
          TriRow *row = g_ptr_array_index (rows, r);

          if (row->count[c] == 0 && row->first[c] != next)
            {
              row = own_row (rows, r);
              row->first[c] = next;
            }
          next = row->first[c] + row->count[c];
        }
    }
}

static void
notify_undo (TriAlignment *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

/* Replaces rows [position, position + n_removed) with @new_rows, as one
 * undoable step and one items-changed. Takes @new_rows. */
static void
splice (TriAlignment *self,
        guint         position,
        guint         n_removed,
        GPtrArray    *new_rows)
{
  Step *step = g_new0 (Step, 1);

  normalise_empty_cells (self, new_rows, position);

  step->column = -1;
  step->position = position;
  step->old_rows = g_ptr_array_new_full (n_removed, g_object_unref);
  for (guint r = 0; r < n_removed; r++)
    g_ptr_array_add (step->old_rows, g_object_ref (row_at (self, position + r)));
  step->new_rows = new_rows;

  g_ptr_array_remove_range (self->rows, position, n_removed);
  for (guint r = 0; r < new_rows->len; r++)
    g_ptr_array_insert (self->rows, (int)(position + r), g_object_ref (g_ptr_array_index (new_rows, r)));
  score_pending (self, position, new_rows->len);

  push_step (self, step);

  new_state (self);
  step->after = (guint32)self->generation;
  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, new_rows->len);
  notify_undo (self);
}

/* Puts @insert in place of @remove, making the state @state (a step's
 * own, undone or redone) or, for 0, a new one. */
static void
apply_step (TriAlignment *self,
            guint         position,
            GPtrArray    *remove,
            GPtrArray    *insert,
            guint32       state)
{
  g_ptr_array_remove_range (self->rows, position, remove->len);
  for (guint r = 0; r < insert->len; r++)
    g_ptr_array_insert (self->rows, (int)(position + r), g_object_ref (g_ptr_array_index (insert, r)));
  score_pending (self, position, insert->len);
  if (state != 0)
    self->generation = ((guint64)self->epoch << 32) | state;
  else
    new_state (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, remove->len, insert->len);
}

/* Makes the text and sentences of @step's column what the step made them
 * (@forward) or what they were before it. */
static void
apply_content (TriAlignment *self,
               const Step   *step,
               gboolean      forward)
{
  TriDocument *doc = self->documents[step->column];
  const char *text = tri_document_get_text (doc);
  const char *from = forward ? step->old_piece : step->new_piece;
  const char *to = forward ? step->new_piece : step->old_piece;
  const GArray *from_sentences = forward ? step->old_sentences : step->new_sentences;
  const GArray *to_sentences = forward ? step->new_sentences : step->old_sentences;
  gsize from_len = strlen (from);
  gssize delta = (gssize)strlen (to) - (gssize)from_len;
  g_autoptr(GString) new_text = g_string_sized_new ((gsize)((gssize)strlen (text) + delta) + 1);
  g_autoptr(GArray) sentences = _tri_document_dup_sentences (doc);

  g_string_append_len (new_text, text, (gssize)step->text_at);
  g_string_append (new_text, to);
  g_string_append (new_text, text + step->text_at + from_len);

  g_array_remove_range (sentences, step->sentence_at, from_sentences->len);
  if (to_sentences->len > 0)
    g_array_insert_vals (sentences, step->sentence_at, to_sentences->data, to_sentences->len);
  for (guint i = step->sentence_at + to_sentences->len; i < sentences->len; i++)
    {
      g_array_index (sentences, TriSentence, i).start = (gsize)((gssize)g_array_index (sentences, TriSentence, i).start + delta);
      g_array_index (sentences, TriSentence, i).end = (gsize)((gssize)g_array_index (sentences, TriSentence, i).end + delta);
    }

  _tri_document_set_content (doc, new_text->str, sentences);
}

/* Whether the next step of @queue belongs to @group, a group of steps. */
static gboolean
in_group (GQueue *queue,
          guint   group)
{
  const Step *next = g_queue_peek_head (queue);

  return group != 0 && next != NULL && next->group == group;
}

/**
 * tri_alignment_begin_group:
 * @self: a #TriAlignment
 *
 * The edits from here to tri_alignment_end_group() are undone and redone as
 * one (an edit of several sentences, a replacement in every row). Groups
 * nest: only the outermost counts.
 */
void
tri_alignment_begin_group (TriAlignment *self)
{
  g_return_if_fail (TRI_IS_ALIGNMENT (self));

  if (self->group_depth++ == 0)
    self->group = ++self->last_group;
}

/**
 * tri_alignment_end_group:
 * @self: a #TriAlignment
 *
 * Ends what tri_alignment_begin_group() began.
 */
void
tri_alignment_end_group (TriAlignment *self)
{
  g_return_if_fail (TRI_IS_ALIGNMENT (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth--;
}

gboolean
tri_alignment_can_undo (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
tri_alignment_can_redo (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

/* Moves the newest step (with the rest of its group) from @from to @to,
 * undoing it (@forward FALSE) or doing it again. */
static gboolean
replay (TriAlignment *self,
        GQueue       *from,
        GQueue       *to,
        gboolean      forward)
{
  Step *step;

  if (g_queue_is_empty (from))
    return FALSE;

  do
    {
      step = g_queue_pop_head (from);
      if (step->column >= 0)
        apply_content (self, step, forward);
      if (forward)
        apply_step (self, step->position, step->old_rows, step->new_rows, step->after);
      else
        apply_step (self, step->position, step->new_rows, step->old_rows, step->before);
      g_queue_push_head (to, step);
    }
  while (in_group (from, step->group));
  notify_undo (self);
  return TRUE;
}

/**
 * tri_alignment_undo:
 * @self: a #TriAlignment
 *
 * Takes back the last edit. Unbounded within a session.
 *
 * Returns: whether there was one
 */
gboolean
tri_alignment_undo (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  return replay (self, &self->undo, &self->redo, FALSE);
}

/**
 * tri_alignment_redo:
 * @self: a #TriAlignment
 *
 * Makes again the last edit undone.
 *
 * Returns: whether there was one
 */
gboolean
tri_alignment_redo (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  return replay (self, &self->redo, &self->undo, TRUE);
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* Replaces rows [position, position + n_removed) with the one @row (taken). */
static void
splice_one (TriAlignment *self,
            guint         position,
            guint         n_removed,
            TriRow       *row)
{
  GPtrArray *rows = new_rows ();

  g_ptr_array_add (rows, row);
  splice (self, position, n_removed, rows);
}

/**
 * tri_alignment_merge_next:
 * @self: a #TriAlignment
 * @row: a row index
 *
 * Joins @row and the row after it, in every column.
 *
 * Returns: whether there was a next row
 */
gboolean
tri_alignment_merge_next (TriAlignment *self,
                          guint         row)
{
  TriRow *merged;
  const TriRow *a, *b;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row + 1 >= self->rows->len)
    return FALSE;

  a = row_at (self, row);
  b = row_at (self, row + 1);
  merged = row_copy (a);
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (a->count[c] == 0)
        merged->first[c] = b->first[c];
      merged->count[c] = a->count[c] + b->count[c];
    }
  merged->bookmarked = a->bookmarked || b->bookmarked;
  mark_edited (merged);

  splice_one (self, row, 2, merged);
  return TRUE;
}

/* Replaces row @position with @first and @second (taken). */
static void
split_in_two (TriAlignment *self,
              guint         position,
              TriRow       *first,
              TriRow       *second)
{
  GPtrArray *rows = new_rows ();

  g_ptr_array_add (rows, first);
  g_ptr_array_add (rows, second);
  splice (self, position, 1, rows);
}

/**
 * tri_alignment_split_row:
 * @self: a #TriAlignment
 * @row: a row index
 * @column: the column to split
 * @at: how many of the cell's sentences stay in @row (1 … count − 1)
 *
 * Splits @row in two: the sentences of @column from @at on go to a new
 * row after it, the other columns stay.
 *
 * Returns: whether the cell had a sentence after @at
 */
gboolean
tri_alignment_split_row (TriAlignment *self,
                         guint         row,
                         guint         column,
                         guint         at)
{
  TriRow *first, *second;
  const TriRow *old;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row >= self->rows->len || column >= self->n_columns)
    return FALSE;
  old = row_at (self, row);
  if (at == 0 || at >= old->count[column])
    return FALSE;

  first = row_copy (old);
  first->count[column] = at;
  mark_edited (first);

  second = row_copy (old);
  for (guint c = 0; c < self->n_columns; c++)
    second->count[c] = 0;
  second->first[column] = old->first[column] + at;
  second->count[column] = old->count[column] - at;
  second->bookmarked = FALSE;
  mark_edited (second);

  split_in_two (self, row, first, second);
  return TRUE;
}

/**
 * tri_alignment_split_row_all:
 * @self: a #TriAlignment
 * @row: a row index
 * @at: (array fixed-size=3): per column, how many of the cell's sentences
 *   stay in @row; a cell of one sentence (or none) stays whole
 *
 * Splits @row in two in every column at once: the sentences of each cell
 * from @at on go to a new row after it. One step of undo.
 *
 * Returns: whether some cell had a sentence after its split point
 */
gboolean
tri_alignment_split_row_all (TriAlignment *self,
                             guint         row,
                             const guint  *at)
{
  TriRow *first, *second;
  const TriRow *old;
  gboolean split = FALSE;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  if (row >= self->rows->len)
    return FALSE;
  old = row_at (self, row);

  first = row_copy (old);
  second = row_copy (old);
  second->bookmarked = FALSE;
  for (guint c = 0; c < self->n_columns; c++)
    {
      guint keep = at[c] >= 1 && at[c] < old->count[c] ? at[c] : old->count[c];

      first->count[c] = keep;
      second->first[c] = old->first[c] + keep;
      second->count[c] = old->count[c] - keep;
      split |= second->count[c] > 0;
    }
  if (!split)
    {
      g_object_unref (first);
      g_object_unref (second);
      return FALSE;
    }
  mark_edited (first);
  mark_edited (second);

  split_in_two (self, row, first, second);
  return TRUE;
}

/**
 * tri_alignment_move_up:
 * @self: a #TriAlignment
 * @row: a row index
 * @column: a column
 *
 * Moves the first sentence of the cell into the row above.
 *
 * Returns: whether the cell had a sentence and there was a row above
 */
gboolean
tri_alignment_move_up (TriAlignment *self,
                       guint         row,
                       guint         column)
{
  GPtrArray *rows;
  TriRow *above, *here;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row == 0 || row >= self->rows->len || column >= self->n_columns ||
      row_at (self, row)->count[column] == 0)
    return FALSE;

  above = row_copy (row_at (self, row - 1));
  here = row_copy (row_at (self, row));
  if (above->count[column] == 0)
    above->first[column] = here->first[column];
  above->count[column]++;
  here->first[column]++;
  here->count[column]--;
  mark_edited (above);
  mark_edited (here);

  rows = new_rows ();
  g_ptr_array_add (rows, above);
  /* A row left with nothing goes. */
  if (!row_is_empty (self, here))
    g_ptr_array_add (rows, here);
  else
    g_object_unref (here);
  splice (self, row - 1, 2, rows);
  return TRUE;
}

/**
 * tri_alignment_move_down:
 * @self: a #TriAlignment
 * @row: a row index
 * @column: a column
 *
 * Moves the last sentence of the cell into the row below (a new row at the
 * end if there is none).
 *
 * Returns: whether the cell had a sentence
 */
gboolean
tri_alignment_move_down (TriAlignment *self,
                         guint         row,
                         guint         column)
{
  GPtrArray *rows;
  TriRow *here, *below;
  gboolean last;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row >= self->rows->len || column >= self->n_columns ||
      row_at (self, row)->count[column] == 0)
    return FALSE;

  last = row + 1 == self->rows->len;
  here = row_copy (row_at (self, row));
  if (!last)
    below = row_copy (row_at (self, row + 1));
  else
    {
      below = row_copy (here);
      for (guint c = 0; c < self->n_columns; c++)
        below->count[c] = 0;
      below->bookmarked = FALSE;
    }

  here->count[column]--;
  below->first[column] = here->first[column] + here->count[column];
  below->count[column]++;
  mark_edited (here);
  mark_edited (below);

  rows = new_rows ();
  if (!row_is_empty (self, here))
    g_ptr_array_add (rows, here);
  else
    g_object_unref (here);
  g_ptr_array_add (rows, below);
  splice (self, row, last ? 1 : 2, rows);
  return TRUE;
}

/**
 * tri_alignment_insert_empty:
 * @self: a #TriAlignment
 * @row: a row index
 * @column: a column
 *
 * Inserts an empty cell at @row in @column: the cells below shift down by
 * one row, as far as the next empty cell of the column (or a new row at
 * the end).
 *
 * Returns: whether the cell was not empty already
 */
gboolean
tri_alignment_insert_empty (TriAlignment *self,
                            guint         row,
                            guint         column)
{
  GPtrArray *rows;
  guint end;
  guint carry_first, carry_count;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row >= self->rows->len || column >= self->n_columns ||
      row_at (self, row)->count[column] == 0)
    return FALSE;

  /* The first empty cell below takes the shift. */
  for (end = row + 1; end < self->rows->len; end++)
    if (row_at (self, end)->count[column] == 0)
      break;

  rows = new_rows ();
  carry_first = 0;
  carry_count = 0;
  for (guint r = row; r <= end && r < self->rows->len; r++)
    {
      TriRow *copy = row_copy (row_at (self, r));
      guint first = copy->first[column], count = copy->count[column];

      copy->first[column] = carry_first;
      copy->count[column] = carry_count;
      carry_first = first;
      carry_count = count;
      mark_edited (copy);
      g_ptr_array_add (rows, copy);
    }

  if (end == self->rows->len)
    {
      TriRow *tail = row_copy (row_at (self, self->rows->len - 1));

      for (guint c = 0; c < self->n_columns; c++)
        tail->count[c] = 0;
      tail->first[column] = carry_first;
      tail->count[column] = carry_count;
      tail->bookmarked = FALSE;
      mark_edited (tail);
      g_ptr_array_add (rows, tail);
      splice (self, row, end - row, rows);
    }
  else
    splice (self, row, end - row + 1, rows);

  return TRUE;
}

/**
 * tri_alignment_remove_empty_cell:
 * @self: a #TriAlignment
 * @row: a row index
 * @column: a column
 *
 * The opposite of tri_alignment_insert_empty(): removes the empty cell at
 * @row in @column, and the cells below shift up by one row. A last row
 * left empty goes.
 *
 * Returns: whether the cell was empty
 */
gboolean
tri_alignment_remove_empty_cell (TriAlignment *self,
                                 guint         row,
                                 guint         column)
{
  GPtrArray *rows;
  guint n;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  n = self->rows->len;
  if (row >= n || column >= self->n_columns || row_at (self, row)->count[column] != 0)
    return FALSE;

  /* Nothing below to move up: nothing to do. */
  {
    guint r = row + 1;

    while (r < n && row_at (self, r)->count[column] == 0)
      r++;
    if (r == n)
      return FALSE;
  }

  rows = new_rows ();
  for (guint r = row; r < n; r++)
    {
      TriRow *copy = row_copy (row_at (self, r));

      if (r + 1 < n)
        {
          copy->first[column] = row_at (self, r + 1)->first[column];
          copy->count[column] = row_at (self, r + 1)->count[column];
        }
      else
        copy->count[column] = 0;
      if (copy->count[column] != row_at (self, r)->count[column] ||
          copy->first[column] != row_at (self, r)->first[column])
        mark_edited (copy);

      if (r + 1 == n && row_is_empty (self, copy))
        g_object_unref (copy);
      else
        g_ptr_array_add (rows, copy);
    }

  splice (self, row, n - row, rows);
  return TRUE;
}

/**
 * tri_alignment_delete_empty_row:
 * @self: a #TriAlignment
 * @row: a row index
 *
 * Returns: whether @row was empty in every column, and so went
 */
gboolean
tri_alignment_delete_empty_row (TriAlignment *self,
                                guint         row)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row >= self->rows->len || !row_is_empty (self, row_at (self, row)))
    return FALSE;

  splice (self, row, 1, new_rows ());
  return TRUE;
}

/**
 * tri_alignment_swap_up:
 * @self: a #TriAlignment
 * @row: a row index
 * @column: a column
 *
 * Swaps the cell with the one above it. One of the two must be empty:
 * sentences never change order.
 *
 * Returns: whether they were swapped
 */
gboolean
tri_alignment_swap_up (TriAlignment *self,
                       guint         row,
                       guint         column)
{
  GPtrArray *rows;
  TriRow *above, *here;
  guint first, count;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row == 0 || row >= self->rows->len || column >= self->n_columns)
    return FALSE;
  if ((row_at (self, row - 1)->count[column] == 0) == (row_at (self, row)->count[column] == 0))
    return FALSE;

  above = row_copy (row_at (self, row - 1));
  here = row_copy (row_at (self, row));
  first = above->first[column];
  count = above->count[column];
  above->first[column] = here->first[column];
  above->count[column] = here->count[column];
  here->first[column] = first;
  here->count[column] = count;
  mark_edited (above);
  mark_edited (here);

  rows = new_rows ();
  g_ptr_array_add (rows, above);
  g_ptr_array_add (rows, here);
  splice (self, row - 1, 2, rows);
  return TRUE;
}

/**
 * tri_alignment_set_confirmed:
 * @self: a #TriAlignment
 * @row: a row index
 * @confirmed: the new status
 *
 * Confirmed rows are the user's: realigning keeps them as they are.
 *
 * Returns: whether the status changed
 */
gboolean
tri_alignment_set_confirmed (TriAlignment *self,
                             guint         row,
                             gboolean      confirmed)
{
  TriRow *copy;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row >= self->rows->len || row_at (self, row)->fixed == !!confirmed)
    return FALSE;

  copy = row_copy (row_at (self, row));
  copy->fixed = !!confirmed;
  splice_one (self, row, 1, copy);
  return TRUE;
}

/**
 * tri_alignment_confirm_through:
 * @self: a #TriAlignment
 * @row: a row index
 *
 * Confirms every row from the first to @row, as one step.
 *
 * Returns: whether any row changed
 */
gboolean
tri_alignment_confirm_through (TriAlignment *self,
                               guint         row)
{
  GPtrArray *rows;
  guint from = 0, to;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (self->rows->len == 0)
    return FALSE;
  to = MIN (row, self->rows->len - 1);

  while (from <= to && row_at (self, from)->fixed)
    from++;
  if (from > to)
    return FALSE;

  rows = new_rows ();
  for (guint r = from; r <= to; r++)
    {
      TriRow *copy = row_copy (row_at (self, r));

      copy->fixed = TRUE;
      g_ptr_array_add (rows, copy);
    }
  splice (self, from, to - from + 1, rows);
  return TRUE;
}

/**
 * tri_alignment_toggle_bookmark:
 * @self: a #TriAlignment
 * @row: a row index
 *
 * Returns: whether @row exists
 */
gboolean
tri_alignment_toggle_bookmark (TriAlignment *self,
                               guint         row)
{
  TriRow *copy;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (row >= self->rows->len)
    return FALSE;

  copy = row_copy (row_at (self, row));
  copy->bookmarked = !copy->bookmarked;
  splice_one (self, row, 1, copy);
  return TRUE;
}

/**
 * tri_alignment_replace_rows:
 * @self: a #TriAlignment
 * @position: the first row to replace
 * @n_removed: how many rows to replace
 * @rows: (element-type TriBead): the new rows, covering exactly the same
 *   sentences
 *
 * Replaces rows as one undoable step: how a realignment of part of the
 * document lands.
 *
 * Returns: whether @rows cover the same sentences, and so were applied
 */
gboolean
tri_alignment_replace_rows (TriAlignment *self,
                            guint         position,
                            guint         n_removed,
                            const GArray *rows)
{
  GPtrArray *list;
  guint before[TRI_MAX_COLUMNS] = { 0 }, after[TRI_MAX_COLUMNS] = { 0 };

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (position > self->rows->len || n_removed > self->rows->len - position)
    return FALSE;

  for (guint r = position; r < position + n_removed; r++)
    for (guint c = 0; c < self->n_columns; c++)
      before[c] += row_at (self, r)->count[c];
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < self->n_columns; c++)
      after[c] += g_array_index (rows, TriBead, r).count[c];
  for (guint c = 0; c < self->n_columns; c++)
    if (before[c] != after[c])
      return FALSE;

  list = new_rows ();
  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *bead = &g_array_index (rows, TriBead, r);
      TriRow *row = g_object_new (TRI_TYPE_ROW, NULL);

      for (guint c = 0; c < self->n_columns; c++)
        {
          row->first[c] = bead->first[c];
          row->count[c] = bead->count[c];
        }
      row->score = bead->score;
      row->fixed = bead->fixed;
      g_ptr_array_add (list, row);
    }
  splice (self, position, n_removed, list);
  return TRUE;
}

/**
 * tri_alignment_get_n_confirmed:
 * @self: a #TriAlignment
 *
 * Returns: how many rows the user confirmed
 */
guint
tri_alignment_get_n_confirmed (TriAlignment *self)
{
  guint n = 0;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), 0);

  for (guint r = 0; r < self->rows->len; r++)
    n += row_at (self, r)->fixed;
  return n;
}

/**
 * tri_alignment_check:
 * @self: a #TriAlignment
 * @error: return location for a #GError
 *
 * Checks the invariants: every sentence of every document in exactly one
 * row, in document order.
 *
 * Returns: whether they hold
 */
gboolean
tri_alignment_check (TriAlignment  *self,
                     GError       **error)
{
  /* Wide enough that counts summed from a damaged file cannot wrap. */
  guint64 next[TRI_MAX_COLUMNS] = { 0 };

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  for (guint r = 0; r < self->rows->len; r++)
    {
      const TriRow *row = row_at (self, r);

      for (guint c = 0; c < self->n_columns; c++)
        {
          if (row->count[c] > 0 && row->first[c] != next[c])
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "row %u, column %u: starts at sentence %u, not %" G_GUINT64_FORMAT,
                           r, c, row->first[c], next[c]);
              return FALSE;
            }
          next[c] += row->count[c];
        }
    }

  for (guint c = 0; c < self->n_columns; c++)
    if (next[c] != tri_document_get_n_sentences (self->documents[c]))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "column %u: the rows hold %" G_GUINT64_FORMAT " sentences of %u", c, next[c],
                     tri_document_get_n_sentences (self->documents[c]));
        return FALSE;
      }

  return TRUE;
}

/**
 * tri_alignment_get_generation:
 * @self: a #TriAlignment
 *
 * A number that changes whenever the rows do (an edit, an undo, new rows):
 * compare it with the one at the last save to know whether there is
 * unsaved work.
 *
 * Returns: the generation
 */
guint64
tri_alignment_get_generation (TriAlignment *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), 0);

  return self->generation;
}

/**
 * tri_alignment_wrap_row:
 * @n_rows: how many rows there are (not 0)
 * @from: the row to start after (before, going back), or G_MAXUINT for none
 * @step: 1 for the first row visited, 2 for the second…
 * @direction: 1 down, -1 up
 *
 * Returns: the row visited at @step when going round the rows from @from,
 *   wrapping at the ends; from an end when @from is G_MAXUINT
 */
guint
tri_alignment_wrap_row (guint n_rows,
                        guint from,
                        guint step,
                        int   direction)
{
  if (from == G_MAXUINT)
    return direction > 0 ? step - 1 : n_rows - step;
  if (direction > 0)
    return (from + step) % n_rows;
  return (from + n_rows - step % n_rows) % n_rows;
}

/* What tri_alignment_find() and tri_alignment_replace() look for; %NULL
 * with @error set when @pattern is not a valid expression. */
static URegularExpression *
open_pattern (const char  *pattern,
              gboolean     regex,
              gboolean     match_case,
              GError     **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  g_autofree gunichar2 *pattern16 = NULL;
  URegularExpression *re;
  glong len16 = 0;
  uint32_t flags = (regex ? 0 : UREGEX_LITERAL) | (match_case ? 0 : UREGEX_CASE_INSENSITIVE);

  pattern16 = g_utf8_to_utf16 (pattern, -1, NULL, &len16, NULL);
  if (pattern16 == NULL)
    {
      g_set_error_literal (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE,
                           _("The search text is not valid UTF-8"));
      return NULL;
    }

  re = uregex_open (pattern16, (int32_t)len16, flags, &parse_error, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE,
                   /* Translators: %s is ICU's name for the error */
                   _("Not a valid regular expression (%s)"), u_errorName (status));
      return NULL;
    }
  return re;
}

/* The text set on @re goes away before the next; ICU keeps a pointer to
 * it, so point it at nothing. */
static void
forget_text (URegularExpression *re)
{
  static const UChar nothing[1] = { 0 };
  UErrorCode status = U_ZERO_ERROR;

  uregex_setText (re, nothing, 0, &status);
}

/**
 * tri_alignment_find:
 * @self: a #TriAlignment
 * @pattern: what to look for
 * @regex: whether @pattern is an ICU regular expression (else plain text)
 * @match_case: whether case matters
 * @column: the column to look in, or -1 for all
 * @from: the row to start after (before, going back); G_MAXUINT to start
 *   at the first (last) row
 * @direction: 1 to look down, -1 up; the search wraps around
 * @found: (out): the row found
 * @error: return location for a #GError (an invalid expression)
 *
 * Returns: whether a row matches; %FALSE with @error set for a bad pattern
 */
gboolean
tri_alignment_find (TriAlignment  *self,
                    const char    *pattern,
                    gboolean       regex,
                    gboolean       match_case,
                    int            column,
                    guint          from,
                    int            direction,
                    guint         *found,
                    GError       **error)
{
  UErrorCode status = U_ZERO_ERROR;
  URegularExpression *re;
  guint n;
  gboolean result = FALSE;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);

  n = self->rows->len;
  if (n == 0 || pattern[0] == '\0')
    return FALSE;

  re = open_pattern (pattern, regex, match_case, error);
  if (re == NULL)
    return FALSE;

  for (guint step = 1; step <= n && !result; step++)
    {
      guint r = tri_alignment_wrap_row (n, from, step, direction);
      TriRow *row = row_at (self, r);
      for (guint c = 0; c < self->n_columns && !result; c++)
        {
          g_autofree char *text = NULL;
          g_autofree gunichar2 *text16 = NULL;
          glong text_len = 0;

          if (column >= 0 && (guint)column != c)
            continue;
          if (row->count[c] == 0)
            continue;

          text = tri_alignment_dup_cell_text (self, row, c);
          text16 = g_utf8_to_utf16 (text, -1, NULL, &text_len, NULL);
          if (text16 == NULL)
            continue;

          status = U_ZERO_ERROR;
          uregex_setText (re, text16, (int32_t)text_len, &status);
          if (U_SUCCESS (status) && uregex_find (re, 0, &status) && U_SUCCESS (status))
            {
              *found = r;
              result = TRUE;
            }
          forget_text (re);
        }
    }

  uregex_close (re);
  return result;
}

/* The characters in the first @units UTF-16 units of @text. */
static glong
utf16_chars (const gunichar2 *text,
             int32_t          units)
{
  glong n = 0;

  for (int32_t i = 0; i < units; i++)
    if (text[i] < 0xDC00 || text[i] > 0xDFFF)
      n++;
  return n;
}

/**
 * tri_alignment_find_all:
 * @self: a #TriAlignment
 * @pattern: what to look for
 * @regex: whether @pattern is an ICU regular expression (else plain text)
 * @match_case: whether case matters
 * @column: the column to look in, or -1 for all
 * @error: return location for a #GError (an invalid expression)
 *
 * Every match, row by row, column by column, in text order: what the
 * find bar counts ("3 of 7") and highlights. A match's span is in bytes of
 * its column's document, as a check finding's spans are.
 *
 * Returns: (transfer full) (element-type TriMatch) (nullable): the matches,
 *   %NULL with @error set for a bad pattern
 */
GArray *
tri_alignment_find_all (TriAlignment  *self,
                        const char    *pattern,
                        gboolean       regex,
                        gboolean       match_case,
                        int            column,
                        GError       **error)
{
  URegularExpression *re;
  GArray *matches;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (TriMatch));
  if (pattern[0] == '\0')
    return matches;
  re = open_pattern (pattern, regex, match_case, error);
  if (re == NULL)
    {
      g_array_unref (matches);
      return NULL;
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      TriRow *row = row_at (self, r);

      for (guint c = 0; c < self->n_columns; c++)
        {
          const char *text = tri_document_get_text (self->documents[c]);
          const TriSentence *first, *last;
          g_autofree gunichar2 *text16 = NULL;
          glong len16 = 0;
          UErrorCode status = U_ZERO_ERROR;

          if ((column >= 0 && (guint)column != c) || row->count[c] == 0)
            continue;

          /* The cell's text as the document has it: spans are offsets. */
          first = tri_document_get_sentence (self->documents[c], row->first[c]);
          last = tri_document_get_sentence (self->documents[c], row->first[c] + row->count[c] - 1);
          text16 = g_utf8_to_utf16 (text + first->start, (glong)(last->end - first->start), NULL, &len16, NULL);
          if (text16 == NULL)
            continue;

          uregex_setText (re, text16, (int32_t)len16, &status);
          while (U_SUCCESS (status) && uregex_findNext (re, &status) && U_SUCCESS (status))
            {
              int32_t start = uregex_start (re, 0, &status);
              int32_t end = uregex_end (re, 0, &status);
              TriMatch match = { r, c, 0, 0 };
              const char *p = text + first->start;

              if (U_FAILURE (status) || end <= start)
                continue;
              /* UTF-16 units to bytes: count the characters before. */
              match.start = first->start + (gsize)(g_utf8_offset_to_pointer (p, utf16_chars (text16, start)) - p);
              match.end = first->start + (gsize)(g_utf8_offset_to_pointer (p, utf16_chars (text16, end)) - p);
              g_array_append_val (matches, match);
            }
          forget_text (re);
        }
    }

  uregex_close (re);
  return matches;
}

/* Edits of a text: its words, or where its sentences end. The sentence
 * indices of the column change, so the step keeps all the rows. */

/* Whether row @a, over @old_text, shows what row @b shows over @new_text:
 * the same sentences, and in @column the same words. */
static gboolean
same_row (TriAlignment      *self,
          const TriRow      *a,
          const TriRow      *b,
          guint              column,
          const char        *old_text,
          const GArray      *old_sentences,
          const char        *new_text,
          const GArray      *new_sentences)
{
  if (memcmp (a->first, b->first, self->n_columns * sizeof a->first[0]) != 0 ||
      memcmp (a->count, b->count, self->n_columns * sizeof a->count[0]) != 0 ||
      a->score != b->score || a->fixed != b->fixed || a->bookmarked != b->bookmarked)
    return FALSE;

  for (guint i = 0; i < a->count[column]; i++)
    {
      const TriSentence *x = &g_array_index (old_sentences, TriSentence, a->first[column] + i);
      const TriSentence *y = &g_array_index (new_sentences, TriSentence, b->first[column] + i);

      if (x->paragraph != y->paragraph || x->end - x->start != y->end - y->start ||
          memcmp (old_text + x->start, new_text + y->start, x->end - x->start) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Makes @new_text and @new_sentences the content of @column, and @new_rows
 * (every row, over the new content) the rows. The step keeps only what
 * changed (bytes, sentences, rows): an edit of one sentence is one row to
 * redraw and a few hundred bytes to remember, however long the report. */
static void
text_edit (TriAlignment *self,
           guint         column,
           const char   *new_text,
           GArray       *new_sentences,   /* taken */
           GPtrArray    *rows)            /* taken */
{
  TriDocument *doc = self->documents[column];
  const char *old_text = tri_document_get_text (doc);
  g_autoptr(GArray) old_sentences = _tri_document_dup_sentences (doc);
  Step *step = g_new0 (Step, 1);
  gsize old_len = strlen (old_text), new_len = strlen (new_text);
  gssize delta = (gssize)new_len - (gssize)old_len;
  guint n_old = self->rows->len, n_new;
  guint n_old_s = old_sentences->len, n_new_s = new_sentences->len;
  guint prefix = 0, suffix = 0;
  gsize text_prefix = 0, text_suffix = 0;

  /* Rows left with nothing go. */
  for (guint r = rows->len; r > 0; r--)
    if (row_is_empty (self, g_ptr_array_index (rows, r - 1)))
      g_ptr_array_remove_index (rows, r - 1);
  normalise_empty_cells (self, rows, 0);
  n_new = rows->len;

  /* The step keeps the bytes that differ ... */
  while (text_prefix < MIN (old_len, new_len) && old_text[text_prefix] == new_text[text_prefix])
    text_prefix++;
  while (text_suffix < MIN (old_len, new_len) - text_prefix &&
         old_text[old_len - 1 - text_suffix] == new_text[new_len - 1 - text_suffix])
    text_suffix++;
  step->column = (int)column;
  step->text_at = text_prefix;
  step->old_piece = g_strndup (old_text + text_prefix, old_len - text_prefix - text_suffix);
  step->new_piece = g_strndup (new_text + text_prefix, new_len - text_prefix - text_suffix);

  /* ... the sentences that differ, those after only moved ... */
#define OLD_S(i) (&g_array_index (old_sentences, TriSentence, (i)))
#define NEW_S(i) (&g_array_index (new_sentences, TriSentence, (i)))
  while (prefix < MIN (n_old_s, n_new_s) && memcmp (OLD_S (prefix), NEW_S (prefix), sizeof (TriSentence)) == 0)
    prefix++;
  while (suffix < MIN (n_old_s, n_new_s) - prefix &&
         (gssize)OLD_S (n_old_s - 1 - suffix)->start + delta == (gssize)NEW_S (n_new_s - 1 - suffix)->start &&
         (gssize)OLD_S (n_old_s - 1 - suffix)->end + delta == (gssize)NEW_S (n_new_s - 1 - suffix)->end &&
         OLD_S (n_old_s - 1 - suffix)->paragraph == NEW_S (n_new_s - 1 - suffix)->paragraph)
    suffix++;
  step->sentence_at = prefix;
  step->old_sentences = g_array_new (FALSE, FALSE, sizeof (TriSentence));
  g_array_append_vals (step->old_sentences, OLD_S (prefix), n_old_s - prefix - suffix);
  step->new_sentences = g_array_new (FALSE, FALSE, sizeof (TriSentence));
  g_array_append_vals (step->new_sentences, NEW_S (prefix), n_new_s - prefix - suffix);
#undef OLD_S
#undef NEW_S

  /* ... and the rows that show something new. */
  prefix = suffix = 0;
#define SAME(i, j) same_row (self, row_at (self, (i)), g_ptr_array_index (rows, (j)), column, \
                             old_text, old_sentences, new_text, new_sentences)
  while (prefix < MIN (n_old, n_new) && SAME (prefix, prefix))
    prefix++;
  while (suffix < MIN (n_old, n_new) - prefix && SAME (n_old - 1 - suffix, n_new - 1 - suffix))
    suffix++;
#undef SAME
  step->position = prefix;
  step->old_rows = new_rows ();
  for (guint r = prefix; r < n_old - suffix; r++)
    g_ptr_array_add (step->old_rows, g_object_ref (row_at (self, r)));
  step->new_rows = new_rows ();
  for (guint r = prefix; r < n_new - suffix; r++)
    g_ptr_array_add (step->new_rows, g_object_ref (g_ptr_array_index (rows, r)));
  g_ptr_array_unref (rows);

  /* @new_text may be the document's own: it goes here. */
  _tri_document_set_content (doc, new_text, new_sentences);
  g_array_unref (new_sentences);

  push_step (self, step);
  apply_step (self, step->position, step->old_rows, step->new_rows, 0);
  step->after = (guint32)self->generation;
  notify_undo (self);
}

/* Which row holds sentence @index of @column. */
static guint
row_of_sentence (TriAlignment *self,
                 guint         column,
                 guint         index)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      const TriRow *row = row_at (self, r);

      if (row->count[column] > 0 && index >= row->first[column] &&
          index < row->first[column] + row->count[column])
        return r;
    }
  return G_MAXUINT;
}

/* Every row, with the sentences of @column from @from on moved by @delta,
 * and the one holding sentence @grow (if any) grown by @delta. Rows that
 * stay as they are are shared with the live list, not copied. */
static GPtrArray *
shifted_rows (TriAlignment *self,
              guint         column,
              guint         from,
              int           delta,
              guint         grow_row)
{
  GPtrArray *rows = new_rows ();

  for (guint r = 0; r < self->rows->len; r++)
    {
      TriRow *row = row_at (self, r);

      if (r == grow_row)
        {
          TriRow *copy = row_copy (row);

          copy->count[column] = (guint)((int)copy->count[column] + delta);
          /* The same sentences with other words: a text edit. */
          if (delta == 0)
            mark_rescore (copy);
          else
            mark_edited (copy);
          g_ptr_array_add (rows, copy);
        }
      else if (delta != 0 && row->count[column] > 0 && row->first[column] >= from)
        {
          TriRow *copy = row_copy (row);

          copy->first[column] = (guint)((int)copy->first[column] + delta);
          g_ptr_array_add (rows, copy);
        }
      else
        g_ptr_array_add (rows, g_object_ref (row));
    }
  return rows;
}

/* The line of @text cleaned to be a sentence: no line breaks, no white
 * space at either end. */
static char *
clean_sentence (const char *text)
{
  return g_strstrip (g_strdelimit (g_strdup (text), "\r\n\t\v\f", ' '));
}

/**
 * tri_alignment_edit_sentence:
 * @self: a #TriAlignment
 * @column: a column
 * @sentence: a sentence index in its text
 * @text: the sentence's new words (line breaks become spaces)
 *
 * Returns: whether the sentence exists and @text is not empty
 */
gboolean
tri_alignment_edit_sentence (TriAlignment *self,
                             guint         column,
                             guint         sentence,
                             const char   *text)
{
  TriDocument *doc;
  const TriSentence *old;
  g_autofree char *clean = NULL;
  g_autoptr(GString) new_text = NULL;
  GArray *sentences;
  gssize delta;
  guint row;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (column >= self->n_columns)
    return FALSE;
  doc = self->documents[column];
  if (sentence >= tri_document_get_n_sentences (doc) || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  clean = clean_sentence (text);
  if (clean[0] == '\0')
    return FALSE;

  old = tri_document_get_sentence (doc, sentence);
  new_text = g_string_new_len (tri_document_get_text (doc), (gssize)old->start);
  g_string_append (new_text, clean);
  g_string_append (new_text, tri_document_get_text (doc) + old->end);
  delta = (gssize)strlen (clean) - (gssize)(old->end - old->start);

  sentences = _tri_document_dup_sentences (doc);
  g_array_index (sentences, TriSentence, sentence).end = old->start + strlen (clean);
  for (guint i = sentence + 1; i < sentences->len; i++)
    {
      g_array_index (sentences, TriSentence, i).start += delta;
      g_array_index (sentences, TriSentence, i).end += delta;
    }

  row = row_of_sentence (self, column, sentence);
  text_edit (self, column, new_text->str, sentences, shifted_rows (self, column, G_MAXUINT, 0, row));
  return TRUE;
}

/**
 * tri_alignment_join_sentences:
 * @self: a #TriAlignment
 * @column: a column
 * @sentence: a sentence index
 *
 * Makes @sentence and the one after it one sentence (a wrong split), in
 * the row of @sentence.
 *
 * Returns: whether there was a sentence after it
 */
gboolean
tri_alignment_join_sentences (TriAlignment *self,
                              guint         column,
                              guint         sentence)
{
  TriDocument *doc;
  GArray *sentences;
  GPtrArray *rows;
  guint row_a, row_b;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (column >= self->n_columns)
    return FALSE;
  doc = self->documents[column];
  if (sentence + 1 >= tri_document_get_n_sentences (doc))
    return FALSE;

  sentences = _tri_document_dup_sentences (doc);
  g_array_index (sentences, TriSentence, sentence).end =
    g_array_index (sentences, TriSentence, sentence + 1).end;
  g_array_remove_index (sentences, sentence + 1);

  row_a = row_of_sentence (self, column, sentence);
  row_b = row_of_sentence (self, column, sentence + 1);

  /* The second sentence's row has one fewer; later rows move back by one. */
  rows = shifted_rows (self, column, sentence + 2, -1, row_b);
  if (row_a != row_b)
    mark_edited (own_row (rows, row_a));

  text_edit (self, column, tri_document_get_text (doc), sentences, rows);
  return TRUE;
}

/**
 * tri_alignment_split_sentence:
 * @self: a #TriAlignment
 * @column: a column
 * @sentence: a sentence index
 * @offset: where in the sentence to split, in bytes from its start
 *
 * Makes two sentences of one (a missed boundary), both in its row.
 *
 * Returns: whether @offset leaves words on both sides
 */
gboolean
tri_alignment_split_sentence (TriAlignment *self,
                              guint         column,
                              guint         sentence,
                              gsize         offset)
{
  TriDocument *doc;
  const TriSentence *old;
  const char *text;
  TriSentence first, second;
  GArray *sentences;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);

  if (column >= self->n_columns)
    return FALSE;
  doc = self->documents[column];
  if (sentence >= tri_document_get_n_sentences (doc))
    return FALSE;

  old = tri_document_get_sentence (doc, sentence);
  text = tri_document_get_text (doc);
  if (offset == 0 || offset >= old->end - old->start ||
      ((guchar)text[old->start + offset] & 0xC0) == 0x80)
    return FALSE;

  first = *old;
  second = *old;
  first.end = old->start + offset;
  second.start = old->start + offset;
  while (first.end > first.start && g_ascii_isspace (text[first.end - 1]))
    first.end--;
  while (second.start < second.end && g_ascii_isspace (text[second.start]))
    second.start++;
  if (first.end == first.start || second.end == second.start)
    return FALSE;

  sentences = _tri_document_dup_sentences (doc);
  g_array_index (sentences, TriSentence, sentence) = first;
  g_array_insert_val (sentences, sentence + 1, second);

  text_edit (self, column, text, sentences,
             shifted_rows (self, column, sentence + 1, 1, row_of_sentence (self, column, sentence)));
  return TRUE;
}

/**
 * tri_alignment_set_cell_sentences:
 * @self: a #TriAlignment
 * @row: a row
 * @column: a column
 * @sentences: (array zero-terminated=1): the cell's new sentences
 *
 * Makes @sentences what @column shows in @row: the words of each, and
 * where the cell's sentences end (what the editor strip shows one per
 * line). Blank entries are dropped; none at all removes the cell's text
 * from its document. White space between the cell's sentences (a space, a
 * paragraph break) stays where it was; new sentences follow with a space.
 *
 * Returns: whether anything changed
 */
gboolean
tri_alignment_set_cell_sentences (TriAlignment       *self,
                                  guint               row,
                                  guint               column,
                                  const char * const *sentences)
{
  TriDocument *doc;
  const TriRow *cell;
  const char *text;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) new_text = NULL;
  GArray *new_sentences;
  GPtrArray *rows;
  guint n_doc, first, count, n_new;
  gsize from, to;
  gboolean same;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (sentences != NULL, FALSE);

  if (column >= self->n_columns || row >= self->rows->len)
    return FALSE;
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      char *clean;

      if (!g_utf8_validate (sentences[i], -1, NULL))
        return FALSE;
      clean = clean_sentence (sentences[i]);
      if (clean[0] != '\0')
        g_ptr_array_add (wanted, clean);
      else
        g_free (clean);
    }

  doc = self->documents[column];
  text = tri_document_get_text (doc);
  n_doc = tri_document_get_n_sentences (doc);
  cell = row_at (self, row);
  first = cell->first[column];
  count = cell->count[column];
  n_new = wanted->len;

  same = count == n_new;
  for (guint i = 0; same && i < n_new; i++)
    {
      const TriSentence *s = tri_document_get_sentence (doc, first + i);
      const char *w = g_ptr_array_index (wanted, i);

      same = strlen (w) == s->end - s->start && memcmp (w, text + s->start, s->end - s->start) == 0;
    }
  if (same)
    return FALSE;

  /* The bytes [from, to) of the text give way to the new sentences. */
  if (count > 0)
    {
      from = tri_document_get_sentence (doc, first)->start;
      to = tri_document_get_sentence (doc, first + count - 1)->end;
      if (n_new == 0)
        {
          /* The sentences go, and with them the space after them (or
           * before them, at the end of the text). */
          if (first + count < n_doc)
            to = tri_document_get_sentence (doc, first + count)->start;
          else if (first > 0)
            from = tri_document_get_sentence (doc, first - 1)->end;
        }
    }
  else if (first < n_doc)
    from = to = tri_document_get_sentence (doc, first)->start;
  else
    from = to = first > 0 ? tri_document_get_sentence (doc, first - 1)->end : strlen (text);

  new_text = g_string_new_len (text, (gssize)from);
  new_sentences = g_array_sized_new (FALSE, FALSE, sizeof (TriSentence), n_doc - count + n_new);
  g_array_append_vals (new_sentences, tri_document_get_sentence (doc, 0), first);

  for (guint i = 0; i < n_new; i++)
    {
      const char *w = g_ptr_array_index (wanted, i);
      TriSentence s;

      if (i > 0)
        {
          /* The space that was between these two sentences, if any. */
          if (i < count)
            g_string_append_len (new_text,
                                 text + tri_document_get_sentence (doc, first + i - 1)->end,
                                 (gssize)(tri_document_get_sentence (doc, first + i)->start -
                                          tri_document_get_sentence (doc, first + i - 1)->end));
          else
            g_string_append_c (new_text, ' ');
        }
      else if (count == 0 && first >= n_doc && from > 0)
        g_string_append_c (new_text, ' ');

      s.start = new_text->len;
      g_string_append (new_text, w);
      s.end = new_text->len;
      if (count > 0)
        s.paragraph = tri_document_get_sentence (doc, first + MIN (i, count - 1))->paragraph;
      else if (first < n_doc)
        s.paragraph = tri_document_get_sentence (doc, first)->paragraph;
      else
        s.paragraph = first > 0 ? tri_document_get_sentence (doc, first - 1)->paragraph : 0;
      g_array_append_val (new_sentences, s);
    }
  if (count == 0 && first < n_doc && n_new > 0)
    g_string_append_c (new_text, ' ');

  /* What follows moves by the change in length. */
  {
    gssize delta = (gssize)new_text->len - (gssize)to;

    g_string_append (new_text, text + to);
    for (guint i = first + count; i < n_doc; i++)
      {
        TriSentence s = *tri_document_get_sentence (doc, i);

        s.start = (gsize)((gssize)s.start + delta);
        s.end = (gsize)((gssize)s.end + delta);
        g_array_append_val (new_sentences, s);
      }
  }

  rows = shifted_rows (self, column, first + count, (int)n_new - (int)count, row);
  text_edit (self, column, new_text->str, new_sentences, rows);
  return TRUE;
}

/* Sets @result to @text with every match of @re replaced by @replacement
 * (UTF-16, ICU's syntax: $1 for a group), or to %NULL when nothing
 * matched. */
static gboolean
replace_in (URegularExpression *re,
            const char         *text,
            gsize               length,
            const UChar        *replacement,
            int32_t             replacement_len,
            char              **result,
            guint              *n_matches,
            GError            **error)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree gunichar2 *text16 = NULL;
  g_autofree UChar *out = NULL;
  glong len16 = 0;
  int32_t out_len;
  guint n = 0;

  *result = NULL;
  text16 = g_utf8_to_utf16 (text, (glong)length, NULL, &len16, NULL);
  if (text16 == NULL)
    return TRUE;

  uregex_setText (re, text16, (int32_t)len16, &status);
  for (gboolean more = uregex_find (re, 0, &status); more && U_SUCCESS (status);
       more = uregex_findNext (re, &status))
    n++;

  if (n > 0 && U_SUCCESS (status))
    {
      /* First ask how long, then replace. */
      out_len = uregex_replaceAll (re, replacement, replacement_len, NULL, 0, &status);
      if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING)
        {
          status = U_ZERO_ERROR;
          out = g_new (UChar, out_len + 1);
          uregex_replaceAll (re, replacement, replacement_len, out, out_len + 1, &status);
        }
      if (U_SUCCESS (status))
        {
          *result = out_len > 0 ? g_utf16_to_utf8 (out, out_len, NULL, NULL, NULL) : g_strdup ("");
          *n_matches += n;
        }
    }

  if (U_FAILURE (status))
    g_set_error (error, G_REGEX_ERROR, G_REGEX_ERROR_REPLACE,
                 /* Translators: %s is ICU's name for the error */
                 _("Not a valid replacement (%s)"), u_errorName (status));

  forget_text (re);
  return U_SUCCESS (status);
}

typedef struct
{
  guint  sentence;
  guint  row;
  char  *text;
} Replacement;

static void
replacement_clear (gpointer data)
{
  g_free (((Replacement *)data)->text);
}

/* The text of @column with @changes (in sentence order) made. */
static void
apply_replacements (TriAlignment *self,
                    guint         column,
                    GArray       *changes)
{
  TriDocument *doc = self->documents[column];
  const char *text = tri_document_get_text (doc);
  g_autoptr(GString) new_text = g_string_new (NULL);
  GArray *sentences = _tri_document_dup_sentences (doc);
  GPtrArray *rows;
  gsize done = 0;
  gssize delta = 0;
  guint next = 0;

  for (guint i = 0; i < sentences->len; i++)
    {
      TriSentence *sentence = &g_array_index (sentences, TriSentence, i);
      gsize start = sentence->start, end = sentence->end;

      sentence->start = (gsize)((gssize)start + delta);
      if (next < changes->len && g_array_index (changes, Replacement, next).sentence == i)
        {
          const char *words = g_array_index (changes, Replacement, next).text;

          g_string_append_len (new_text, text + done, (gssize)(start - done));
          g_string_append (new_text, words);
          done = end;
          delta += (gssize)strlen (words) - (gssize)(end - start);
          next++;
        }
      sentence->end = (gsize)((gssize)end + delta);
    }
  g_string_append (new_text, text + done);

  rows = shifted_rows (self, column, G_MAXUINT, 0, G_MAXUINT);
  for (guint i = 0; i < changes->len; i++)
    mark_rescore (own_row (rows, g_array_index (changes, Replacement, i).row));

  text_edit (self, column, new_text->str, sentences, rows);
}

/**
 * tri_alignment_replace:
 * @self: a #TriAlignment
 * @pattern: what to look for
 * @regex: whether @pattern is an ICU regular expression (else plain text)
 * @match_case: whether case matters
 * @column: the column to change, or -1 for all
 * @first_row: the first row to change
 * @n_rows: how many rows, from @first_row (G_MAXUINT for all)
 * @replacement: what to put instead; with @regex, $1 stands for a group
 * @n_replaced: (out): how many matches were replaced
 * @error: return location for a #GError (an invalid expression or
 *   replacement)
 *
 * Replaces every match within each sentence, as one edit to undo. A
 * replacement that would leave a sentence with no words is not made.
 *
 * Returns: %FALSE with @error set for a bad pattern or replacement
 */
gboolean
tri_alignment_replace (TriAlignment  *self,
                       const char    *pattern,
                       gboolean       regex,
                       gboolean       match_case,
                       int            column,
                       guint          first_row,
                       guint          n_rows,
                       const char    *replacement,
                       guint         *n_replaced,
                       GError       **error)
{
  g_autoptr(GString) escaped = NULL;
  g_autofree gunichar2 *replacement16 = NULL;
  glong replacement_len = 0;
  URegularExpression *re;
  guint last_row;
  gboolean ok = TRUE;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (replacement != NULL, FALSE);
  g_return_val_if_fail (n_replaced != NULL, FALSE);

  *n_replaced = 0;
  if (pattern[0] == '\0' || first_row >= self->rows->len)
    return TRUE;
  last_row = n_rows >= self->rows->len - first_row ? self->rows->len : first_row + n_rows;

  re = open_pattern (pattern, regex, match_case, error);
  if (re == NULL)
    return FALSE;

  /* ICU reads $ and \ in a replacement; plain text means them literally. */
  escaped = g_string_new (NULL);
  for (const char *p = replacement; *p != '\0'; p++)
    {
      if (!regex && (*p == '$' || *p == '\\'))
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
  replacement16 = g_utf8_to_utf16 (escaped->str, -1, NULL, &replacement_len, NULL);
  if (replacement16 == NULL)
    {
      uregex_close (re);
      g_set_error_literal (error, G_REGEX_ERROR, G_REGEX_ERROR_REPLACE,
                           _("The replacement is not valid UTF-8"));
      return FALSE;
    }

  tri_alignment_begin_group (self);
  for (guint c = 0; c < self->n_columns && ok; c++)
    {
      TriDocument *doc = self->documents[c];
      const char *text = tri_document_get_text (doc);
      g_autoptr(GArray) changes = NULL;
      guint n_before = *n_replaced;

      if (column >= 0 && (guint)column != c)
        continue;

      changes = g_array_new (FALSE, FALSE, sizeof (Replacement));
      g_array_set_clear_func (changes, replacement_clear);

      for (guint r = first_row; r < last_row && ok; r++)
        {
          const TriRow *row = row_at (self, r);

          for (guint i = row->first[c]; i < row->first[c] + row->count[c]; i++)
            {
              const TriSentence *sentence = tri_document_get_sentence (doc, i);
              guint n_here = 0;
              Replacement change = { i, r, NULL };

              ok = replace_in (re, text + sentence->start, sentence->end - sentence->start,
                               replacement16, (int32_t)replacement_len, &change.text, &n_here, error);
              if (!ok)
                break;
              if (change.text == NULL)
                continue;
              g_strstrip (change.text);
              if (change.text[0] == '\0' ||
                  strncmp (change.text, text + sentence->start, sentence->end - sentence->start) == 0)
                {
                  /* Nothing would be left, or nothing changes. */
                  g_free (change.text);
                  continue;
                }
              *n_replaced += n_here;
              g_array_append_val (changes, change);
            }
        }

      if (ok && changes->len > 0)
        apply_replacements (self, c, changes);
      else if (!ok)
        *n_replaced = n_before;
    }
  tri_alignment_end_group (self);

  uregex_close (re);
  return ok;
}

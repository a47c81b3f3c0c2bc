/* tri-alignment.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-alignment"

#include "config.h"

#include "tri-alignment.h"

/* A row: for each column, a run of consecutive sentences (possibly none). */
struct _TriRow
{
  GObject parent_instance;

  guint    first[TRI_MAX_COLUMNS];
  guint    count[TRI_MAX_COLUMNS];
  double   score;
  gboolean fixed;
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
};

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

  G_OBJECT_CLASS (tri_alignment_parent_class)->finalize (object);
}

static void
tri_alignment_class_init (TriAlignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_alignment_dispose;
  object_class->finalize = tri_alignment_finalize;
}

static void
tri_alignment_init (TriAlignment *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
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

static void
rebuild (TriAlignment *self)
{
  guint removed = self->rows->len;

  g_ptr_array_unref (self->rows);
  self->rows = pair_in_order (self);
  self->aligned = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
}

/**
 * tri_alignment_set_rows:
 * @self: a #TriAlignment
 * @rows: (element-type TriBead): the aligner's rows for these documents
 *
 * Replaces the rows, as one change of the list.
 */
void
tri_alignment_set_rows (TriAlignment *self,
                        const GArray *rows)
{
  GPtrArray *list;
  guint removed;

  g_return_if_fail (TRI_IS_ALIGNMENT (self));
  g_return_if_fail (rows != NULL);

  list = g_ptr_array_new_full (rows->len, g_object_unref);
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

  removed = self->rows->len;
  g_ptr_array_unref (self->rows);
  self->rows = list;
  self->aligned = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
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
      TriBead bead = { { 0 }, { 0 }, row->score, row->fixed };

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
  self->rows = pair_in_order (self);

  return self;
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

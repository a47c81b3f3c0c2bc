/* tri-row-filter.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-row-filter"

#include "config.h"

#include "tri-core.h"
#include "tri-row-filter.h"

/* The grid's rows narrowed to one kind (rows to review, unconfirmed,
 * uneven, bookmarked), as a GListModel over a TriAlignment.
 *
 * GtkFilterListModel would filter as well, but it cannot say which row of
 * the alignment an item is, and every edit and the row numbers need that.
 * This model keeps the alignment's indices of the rows it shows, sorted,
 * so it maps both ways (an index, or a binary search), and turns each
 * change of the alignment into one items-changed covering only the rows
 * shown that changed. */

struct _TriRowFilter
{
  GObject       parent_instance;

  TriAlignment *alignment;
  TriRowKind    kind;
  GArray       *rows;      /* guint: the alignment's indices, when kind is not ALL */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TriRowFilter, tri_row_filter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/**
 * tri_row_is_kind:
 * @row: a row
 * @kind: a kind of row
 * @n_columns: the number of columns of its alignment
 *
 * Returns: whether @row is of @kind
 */
gboolean
tri_row_is_kind (TriRow     *row,
                 TriRowKind  kind,
                 guint       n_columns)
{
  g_return_val_if_fail (TRI_IS_ROW (row), FALSE);

  switch (kind)
    {
    case TRI_ROWS_ALL:
      return TRUE;
    case TRI_ROWS_REVIEW:
      return tri_row_get_needs_review (row);
    case TRI_ROWS_UNCONFIRMED:
      return !tri_row_get_confirmed (row);
    case TRI_ROWS_UNEVEN:
      /* A split, a merge, an omission. */
      for (guint c = 0; c < n_columns; c++)
        if (tri_row_get_count (row, c) != 1)
          return TRUE;
      return FALSE;
    case TRI_ROWS_BOOKMARKED:
      return tri_row_get_bookmarked (row);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
shows (TriRowFilter *self,
       guint         index)
{
  g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), index);

  return tri_row_is_kind (row, self->kind, tri_alignment_get_n_columns (self->alignment));
}

static void
on_items_changed_cb (TriRowFilter *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  guint first, last, n_old, n_new;

  if (self->kind == TRI_ROWS_ALL)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* Shown rows before @position stay; those after the change move by
   * added - removed; those in it are tested again. */
  first = tri_uint_array_lower_bound (self->rows, position);
  last = tri_uint_array_lower_bound (self->rows, position + removed);
  n_old = last - first;

  for (guint i = last; i < self->rows->len; i++)
    g_array_index (self->rows, guint, i) += added - removed;
  g_array_remove_range (self->rows, first, n_old);

  n_new = 0;
  for (guint r = position; r < position + added; r++)
    if (shows (self, r))
      {
        g_array_insert_val (self->rows, first + n_new, r);
        n_new++;
      }

  if (n_old > 0 || n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, n_old, n_new);
}

/**
 * tri_row_filter_set_kind:
 * @self: a #TriRowFilter
 * @kind: the rows to show
 */
void
tri_row_filter_set_kind (TriRowFilter *self,
                         TriRowKind    kind)
{
  guint n_old;

  g_return_if_fail (TRI_IS_ROW_FILTER (self));

  if (kind == self->kind)
    return;

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self));
  self->kind = kind;
  g_array_set_size (self->rows, 0);
  if (kind != TRI_ROWS_ALL)
    for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (self->alignment)); r++)
      if (shows (self, r))
        g_array_append_val (self->rows, r);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, g_list_model_get_n_items (G_LIST_MODEL (self)));
}

TriRowKind
tri_row_filter_get_kind (TriRowFilter *self)
{
  g_return_val_if_fail (TRI_IS_ROW_FILTER (self), TRI_ROWS_ALL);

  return self->kind;
}

/**
 * tri_row_filter_get_row:
 * @self: a #TriRowFilter
 * @position: a position in @self
 *
 * Returns: the alignment's index of the row at @position, or
 *   %G_MAXUINT when there is none
 */
guint
tri_row_filter_get_row (TriRowFilter *self,
                        guint         position)
{
  g_return_val_if_fail (TRI_IS_ROW_FILTER (self), G_MAXUINT);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self)))
    return G_MAXUINT;
  return self->kind == TRI_ROWS_ALL ? position : g_array_index (self->rows, guint, position);
}

/**
 * tri_row_filter_find_row:
 * @self: a #TriRowFilter
 * @row: an index in the alignment
 *
 * Returns: the position of @row in @self, or %G_MAXUINT when it is not
 *   shown
 */
guint
tri_row_filter_find_row (TriRowFilter *self,
                         guint         row)
{
  guint at;

  g_return_val_if_fail (TRI_IS_ROW_FILTER (self), G_MAXUINT);

  if (self->kind == TRI_ROWS_ALL)
    return row < g_list_model_get_n_items (G_LIST_MODEL (self->alignment)) ? row : G_MAXUINT;

  at = tri_uint_array_lower_bound (self->rows, row);
  return at < self->rows->len && g_array_index (self->rows, guint, at) == row ? at : G_MAXUINT;
}

/**
 * tri_row_filter_seek:
 * @self: a #TriRowFilter
 * @row: an index in the alignment
 *
 * Returns: the position of the first row shown at @row or after it (the
 *   number of items when there is none)
 */
guint
tri_row_filter_seek (TriRowFilter *self,
                     guint         row)
{
  g_return_val_if_fail (TRI_IS_ROW_FILTER (self), 0);

  if (self->kind == TRI_ROWS_ALL)
    return MIN (row, g_list_model_get_n_items (G_LIST_MODEL (self->alignment)));
  return tri_uint_array_lower_bound (self->rows, row);
}

static GType
tri_row_filter_get_item_type (GListModel *model)
{
  return TRI_TYPE_ROW;
}

static guint
tri_row_filter_get_n_items (GListModel *model)
{
  TriRowFilter *self = TRI_ROW_FILTER (model);

  return self->kind == TRI_ROWS_ALL ? g_list_model_get_n_items (G_LIST_MODEL (self->alignment))
                                    : self->rows->len;
}

static gpointer
tri_row_filter_get_item (GListModel *model,
                         guint       position)
{
  TriRowFilter *self = TRI_ROW_FILTER (model);
  guint row = tri_row_filter_get_row (self, position);

  return row == G_MAXUINT ? NULL : g_list_model_get_item (G_LIST_MODEL (self->alignment), row);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tri_row_filter_get_item_type;
  iface->get_n_items = tri_row_filter_get_n_items;
  iface->get_item = tri_row_filter_get_item;
}

static void
tri_row_filter_dispose (GObject *object)
{
  TriRowFilter *self = (TriRowFilter *)object;

  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_items_changed_cb, self);
  g_clear_object (&self->alignment);

  G_OBJECT_CLASS (tri_row_filter_parent_class)->dispose (object);
}

static void
tri_row_filter_finalize (GObject *object)
{
  TriRowFilter *self = (TriRowFilter *)object;

  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (tri_row_filter_parent_class)->finalize (object);
}

static void
tri_row_filter_class_init (TriRowFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_row_filter_dispose;
  object_class->finalize = tri_row_filter_finalize;
}

static void
tri_row_filter_init (TriRowFilter *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * tri_row_filter_new:
 * @alignment: the alignment whose rows to show
 *
 * Returns: (transfer full): a model showing every row of @alignment
 */
TriRowFilter *
tri_row_filter_new (TriAlignment *alignment)
{
  TriRowFilter *self;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);

  self = g_object_new (TRI_TYPE_ROW_FILTER, NULL);
  self->alignment = g_object_ref (alignment);
  g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

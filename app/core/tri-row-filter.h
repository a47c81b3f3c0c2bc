/* tri-row-filter.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-alignment.h"

G_BEGIN_DECLS

/**
 * TriRowKind:
 * @TRI_ROWS_ALL: every row
 * @TRI_ROWS_REVIEW: rows the aligner is not sure of
 * @TRI_ROWS_UNCONFIRMED: rows not yet confirmed
 * @TRI_ROWS_UNEVEN: rows that are not one sentence in every language
 * @TRI_ROWS_BOOKMARKED: bookmarked rows
 *
 * The rows the grid can be narrowed to, and navigation can go to.
 */
typedef enum
{
  TRI_ROWS_ALL,
  TRI_ROWS_REVIEW,
  TRI_ROWS_UNCONFIRMED,
  TRI_ROWS_UNEVEN,
  TRI_ROWS_BOOKMARKED,
} TriRowKind;

gboolean tri_row_is_kind (TriRow     *row,
                          TriRowKind  kind,
                          guint       n_columns);

#define TRI_TYPE_ROW_FILTER (tri_row_filter_get_type ())

G_DECLARE_FINAL_TYPE (TriRowFilter, tri_row_filter, TRI, ROW_FILTER, GObject)

TriRowFilter *tri_row_filter_new          (TriAlignment *alignment);
void          tri_row_filter_set_kind     (TriRowFilter *self,
                                           TriRowKind    kind);
TriRowKind    tri_row_filter_get_kind     (TriRowFilter *self);
guint         tri_row_filter_get_row      (TriRowFilter *self,
                                           guint         position);
guint         tri_row_filter_find_row     (TriRowFilter *self,
                                           guint         row);
guint         tri_row_filter_seek         (TriRowFilter *self,
                                           guint         row);

G_END_DECLS

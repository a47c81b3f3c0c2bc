/* tri-alignment.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-document.h"

G_BEGIN_DECLS

#define TRI_MAX_COLUMNS 3

#define TRI_TYPE_ROW (tri_row_get_type ())

G_DECLARE_FINAL_TYPE (TriRow, tri_row, TRI, ROW, GObject)

guint tri_row_get_first (TriRow *self,
                         guint   column);
guint tri_row_get_count (TriRow *self,
                         guint   column);

#define TRI_TYPE_ALIGNMENT (tri_alignment_get_type ())

G_DECLARE_FINAL_TYPE (TriAlignment, tri_alignment, TRI, ALIGNMENT, GObject)

TriAlignment *tri_alignment_new            (TriDocument  **documents,
                                            guint          n_documents);
guint         tri_alignment_get_n_columns  (TriAlignment  *self);
TriDocument  *tri_alignment_get_document   (TriAlignment  *self,
                                            guint          column);
char         *tri_alignment_dup_cell_text  (TriAlignment  *self,
                                            TriRow        *row,
                                            guint          column);

G_END_DECLS

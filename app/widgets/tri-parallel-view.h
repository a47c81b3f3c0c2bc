/* tri-parallel-view.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-alignment.h"
#include "tri-wording.h"

G_BEGIN_DECLS

#define TRI_TYPE_PARALLEL_VIEW (tri_parallel_view_get_type ())

G_DECLARE_FINAL_TYPE (TriParallelView, tri_parallel_view, TRI, PARALLEL_VIEW, GtkWidget)

GtkWidget *tri_parallel_view_new            (void);
void       tri_parallel_view_set_alignment  (TriParallelView *self,
                                             TriAlignment    *alignment);
void       tri_parallel_view_show_row       (TriParallelView *self,
                                             guint            row,
                                             guint            column);
guint      tri_parallel_view_get_row        (TriParallelView *self);
int        tri_parallel_view_get_focus_column (TriParallelView *self);
gboolean   tri_parallel_view_get_highlight  (TriParallelView *self,
                                             guint            column,
                                             int             *start,
                                             int             *end);
GtkTextView *tri_parallel_view_get_view     (TriParallelView *self,
                                             guint            column);
void       tri_parallel_view_set_wording    (TriParallelView *self,
                                             TriWording      *wording);

G_END_DECLS

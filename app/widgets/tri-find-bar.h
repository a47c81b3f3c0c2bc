/* tri-find-bar.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-alignment.h"

G_BEGIN_DECLS

#define TRI_TYPE_FIND_BAR (tri_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (TriFindBar, tri_find_bar, TRI, FIND_BAR, GtkWidget)

void     tri_find_bar_reveal  (TriFindBar   *self,
                               gboolean      replace);
gboolean tri_find_bar_find    (TriFindBar   *self,
                               TriAlignment *alignment,
                               guint         row,
                               guint         column,
                               int           direction,
                               TriMatch     *match);
gboolean tri_find_bar_replace (TriFindBar   *self,
                               TriAlignment *alignment,
                               guint         row,
                               guint         column,
                               gboolean      all);

G_END_DECLS

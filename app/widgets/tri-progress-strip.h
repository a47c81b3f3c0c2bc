/* tri-progress-strip.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRI_TYPE_PROGRESS_STRIP (tri_progress_strip_get_type ())

G_DECLARE_FINAL_TYPE (TriProgressStrip, tri_progress_strip, TRI, PROGRESS_STRIP, GtkWidget)

/**
 * TriProgressFunc:
 * @data: the data given to tri_progress_strip_set_func()
 * @stage: (out): what runs now, for the user ("Aligning sentences…")
 * @fraction: (out): how far it got, in [0, 1], or -1 when not known
 * @can_cancel: (out): whether Cancel (Escape) stops it
 *
 * Returns: whether something runs
 */
typedef gboolean (*TriProgressFunc) (gpointer     data,
                                     const char **stage,
                                     double      *fraction,
                                     gboolean    *can_cancel);

void tri_progress_strip_set_func (TriProgressStrip *self,
                                  TriProgressFunc   func,
                                  gpointer          data);
void tri_progress_strip_update   (TriProgressStrip *self);
void tri_progress_strip_stop     (TriProgressStrip *self);

G_END_DECLS

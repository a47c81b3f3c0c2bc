/* tri-wording-controller.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-alignment.h"
#include "tri-alignment-grid.h"
#include "tri-parallel-view.h"
#include "tri-segment-editor.h"
#include "tri-wording.h"

G_BEGIN_DECLS

#define TRI_TYPE_WORDING_CONTROLLER (tri_wording_controller_get_type ())

G_DECLARE_FINAL_TYPE (TriWordingController, tri_wording_controller, TRI, WORDING_CONTROLLER, GObject)

TriWordingController *tri_wording_controller_new           (TriAlignmentGrid     *grid,
                                                            TriSegmentEditor     *editor,
                                                            TriParallelView      *parallel_view,
                                                            GSettings            *settings);
void                  tri_wording_controller_set_alignment (TriWordingController *self,
                                                            TriAlignment         *alignment);
TriWording           *tri_wording_controller_get_wording   (TriWordingController *self);
gboolean              tri_wording_controller_is_prefetched (TriWordingController *self);
gboolean              tri_wording_controller_has_highlight (TriWordingController *self);
void                  tri_wording_controller_hover_word    (TriWordingController *self,
                                                            guint                 position,
                                                            guint                 column,
                                                            int                   offset);

G_END_DECLS

/* tri-align-runner.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-aligner.h"
#include "tri-alignment.h"

G_BEGIN_DECLS

#define TRI_TYPE_ALIGN_RUNNER (tri_align_runner_get_type ())

G_DECLARE_FINAL_TYPE (TriAlignRunner, tri_align_runner, TRI, ALIGN_RUNNER, GObject)

TriAlignRunner *tri_align_runner_new          (void);
TriAligner     *tri_align_runner_get_aligner  (TriAlignRunner *self);
gboolean        tri_align_runner_get_running  (TriAlignRunner *self);
void            tri_align_runner_start        (TriAlignRunner *self,
                                               TriAlignment   *alignment,
                                               const GArray   *fixed,
                                               guint           replace_from,
                                               guint           n_replace,
                                               guint           n_tail);
gboolean        tri_align_runner_cancel       (TriAlignRunner *self);

G_END_DECLS

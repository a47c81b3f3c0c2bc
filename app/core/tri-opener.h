/* tri-opener.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-alignment.h"

G_BEGIN_DECLS

#define TRI_TYPE_OPENER (tri_opener_get_type ())

G_DECLARE_FINAL_TYPE (TriOpener, tri_opener, TRI, OPENER, GObject)

TriOpener *tri_opener_new          (void);
void       tri_opener_open         (TriOpener          *self,
                                    GFile             **files,
                                    const char * const *languages,
                                    guint               n_files,
                                    const char         *encoding,
                                    TriParagraphMode    mode,
                                    int                 column,
                                    GCancellable       *cancellable);
gboolean   tri_opener_get_running  (TriOpener          *self);
gboolean   tri_opener_get_progress (TriOpener          *self,
                                    double             *fraction,
                                    gboolean           *reading);
void       tri_opener_forget       (TriOpener          *self);

G_END_DECLS

/* tri-autosave.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-alignment.h"

G_BEGIN_DECLS

/* Unsaved work is written this often at the least, and after this much
 * quiet after an edit. */
#define TRI_AUTOSAVE_INTERVAL_SECONDS 30
#define TRI_AUTOSAVE_IDLE_SECONDS     2

char      *tri_autosave_get_dir   (void);
GFile     *tri_autosave_file_new  (void);
gboolean   tri_autosave_write_bytes (GBytes      *project_bytes,
                                   GFile         *autosave,
                                   GFile         *project,
                                   GError       **error);
gboolean   tri_autosave_write     (TriAlignment  *alignment,
                                   GFile         *autosave,
                                   GFile         *project,
                                   GError       **error);
GPtrArray *tri_autosave_list      (void);
GFile     *tri_autosave_get_project (GFile       *autosave);
void       tri_autosave_remove    (GFile         *autosave);

G_END_DECLS

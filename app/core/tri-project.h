/* tri-project.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-alignment.h"

G_BEGIN_DECLS

/* The version of the project format this Triptych writes, and the newest
 * it reads. */
#define TRI_PROJECT_VERSION 1

typedef struct _TriProjectSnapshot TriProjectSnapshot;

TriProjectSnapshot *tri_project_snapshot_new       (TriAlignment             *alignment);
GBytes             *tri_project_snapshot_serialize (const TriProjectSnapshot *snapshot);
void                tri_project_snapshot_free      (TriProjectSnapshot       *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriProjectSnapshot, tri_project_snapshot_free)

GBytes       *tri_project_serialize   (TriAlignment  *alignment);
TriAlignment *tri_project_deserialize (GBytes        *bytes,
                                       const char    *display_name,
                                       GError       **error);
gboolean      tri_project_save        (TriAlignment  *alignment,
                                       GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);
TriAlignment *tri_project_load        (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS

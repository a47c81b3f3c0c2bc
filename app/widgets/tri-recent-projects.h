/* tri-recent-projects.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRI_TYPE_RECENT_PROJECTS (tri_recent_projects_get_type ())

G_DECLARE_FINAL_TYPE (TriRecentProjects, tri_recent_projects, TRI, RECENT_PROJECTS, GtkWidget)

void tri_recent_projects_add (GFile *file);

G_END_DECLS

/* tri-application.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRI_TYPE_APPLICATION (tri_application_get_type ())

G_DECLARE_FINAL_TYPE (TriApplication, tri_application, TRI, APPLICATION, AdwApplication)

TriApplication *tri_application_new          (void);
GSettings      *tri_application_get_settings (TriApplication *self);
GtkWindow      *tri_application_find_project_window (TriApplication *self,
                                                     GFile          *file);
GtkWindow      *tri_application_open_project (TriApplication *self,
                                              GFile          *file);

G_END_DECLS

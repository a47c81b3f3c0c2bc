/* tri-checks-panel.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-checker.h"

G_BEGIN_DECLS

#define TRI_TYPE_CHECKS_PANEL (tri_checks_panel_get_type ())

G_DECLARE_FINAL_TYPE (TriChecksPanel, tri_checks_panel, TRI, CHECKS_PANEL, GtkWidget)

void        tri_checks_panel_set_checker     (TriChecksPanel   *self,
                                              TriChecker       *checker,
                                              TriAlignment     *alignment);
GPtrArray  *tri_checks_panel_dup_shown       (TriChecksPanel   *self);
GPtrArray  *tri_checks_panel_dup_listed      (TriChecksPanel   *self);
gboolean    tri_checks_panel_shows           (TriChecksPanel   *self,
                                              const TriFinding *finding);
void        tri_checks_panel_select          (TriChecksPanel   *self,
                                              const TriFinding *finding);
guint       tri_checks_panel_get_n_shown     (TriChecksPanel   *self);
guint       tri_checks_panel_get_n_active    (TriChecksPanel   *self);

G_END_DECLS

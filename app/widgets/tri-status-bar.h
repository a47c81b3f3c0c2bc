/* tri-status-bar.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-alignment.h"
#include "tri-spell-checker.h"

G_BEGIN_DECLS

#define TRI_TYPE_STATUS_BAR (tri_status_bar_get_type ())

G_DECLARE_FINAL_TYPE (TriStatusBar, tri_status_bar, TRI, STATUS_BAR, GtkWidget)

GtkWidget *tri_status_bar_new           (void);
void       tri_status_bar_set_alignment (TriStatusBar    *self,
                                         TriAlignment    *alignment,
                                         TriSpellChecker *spell);
void       tri_status_bar_update        (TriStatusBar    *self);

G_END_DECLS

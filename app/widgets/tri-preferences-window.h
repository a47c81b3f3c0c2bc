/* tri-preferences-window.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRI_TYPE_PREFERENCES_WINDOW (tri_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TriPreferencesWindow, tri_preferences_window, TRI, PREFERENCES_WINDOW, AdwPreferencesWindow)

TriPreferencesWindow *tri_preferences_window_new (GSettings *settings);

G_END_DECLS

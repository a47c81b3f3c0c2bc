/* tri-text-column.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *tri_text_column_new (GtkTextView  *view,
                                GtkLabel    **title);

G_END_DECLS

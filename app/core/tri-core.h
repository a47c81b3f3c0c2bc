/* tri-core.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  tri_core_init              (void);
guint tri_uint_array_lower_bound (GArray *array,
                                  guint   value);

G_END_DECLS

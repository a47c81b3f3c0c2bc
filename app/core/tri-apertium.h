/* tri-apertium.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tri-dictionary.h"

G_BEGIN_DECLS

gboolean       tri_apertium_load_bidix      (TriDictionary  *self,
                                             const char     *path,
                                             gboolean        reverse,
                                             GError        **error);
TriDictionary *tri_apertium_get_dictionary (const char     *source_language,
                                             const char     *target_language);

G_END_DECLS

/* tri-json.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than any file Triptych writes (a project nests four levels). */
#define TRI_JSON_MAX_DEPTH 64

gboolean tri_json_parse (JsonParser  *parser,
                         const char  *data,
                         gsize        length,
                         GError     **error);

G_END_DECLS

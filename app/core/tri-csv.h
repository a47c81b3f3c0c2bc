/* tri-csv.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void       tri_csv_append_field (GString     *out,
                                 const char  *field,
                                 gboolean     last);
GPtrArray *tri_csv_parse_record (const char **cursor,
                                 const char  *end,
                                 gsize       *line,
                                 const char **problem);

G_END_DECLS

/* tri-import.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-alignment.h"
#include "tri-export.h"

G_BEGIN_DECLS

char         **tri_import_list_languages (GFile               *file,
                                          TriExportFormat      format,
                                          GCancellable        *cancellable,
                                          GError             **error);
TriAlignment  *tri_import_load           (GFile               *file,
                                          TriExportFormat      format,
                                          const char * const  *languages,
                                          GCancellable        *cancellable,
                                          GError             **error);
void           tri_import_load_async     (GFile               *file,
                                          TriExportFormat      format,
                                          const char * const  *languages,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
TriAlignment  *tri_import_load_finish    (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS

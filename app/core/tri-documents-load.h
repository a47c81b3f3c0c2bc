/* tri-documents-load.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-document.h"

G_BEGIN_DECLS

void       tri_documents_load_async  (GFile              **files,
                                      const char * const  *languages,
                                      guint                n_files,
                                      const char          *encoding,
                                      TriParagraphMode     mode,
                                      int                 *stages,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GPtrArray *tri_documents_load_finish (GAsyncResult        *result,
                                      GStrv               *messages,
                                      GError             **error);

G_END_DECLS

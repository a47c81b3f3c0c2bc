/* bench-corpus.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-alignment.h"

G_BEGIN_DECLS

guint         bench_corpus_parse_args (int           argc,
                                       char        **argv,
                                       char        **corpora,
                                       guint         n_rows);
TriAlignment *bench_corpus_triple (const char   *corpora,
                                   guint         n_rows,
                                   const char  **source);

G_END_DECLS

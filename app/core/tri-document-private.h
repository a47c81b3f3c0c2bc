/* tri-document-private.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-document.h"

G_BEGIN_DECLS

void    _tri_document_set_content (TriDocument  *self,
                                   const char   *text,
                                   const GArray *sentences);
GArray *_tri_document_dup_sentences (TriDocument *self);

G_END_DECLS

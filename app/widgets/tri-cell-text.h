/* tri-cell-text.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRI_TYPE_CELL_TEXT (tri_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (TriCellText, tri_cell_text, TRI, CELL_TEXT, GtkWidget)

GtkWidget     *tri_cell_text_new            (void);
void           tri_cell_text_set_text       (TriCellText   *self,
                                             const char    *text);
const char    *tri_cell_text_get_text       (TriCellText   *self);
void           tri_cell_text_set_attributes (TriCellText   *self,
                                             PangoAttrList *attributes);
PangoAttrList *tri_cell_text_get_attributes (TriCellText   *self);
PangoLayout   *tri_cell_text_get_layout     (TriCellText   *self);

typedef struct _TriCellTextCache TriCellTextCache;

TriCellTextCache *tri_cell_text_cache_new   (guint             size);
TriCellTextCache *tri_cell_text_cache_ref   (TriCellTextCache *cache);
void              tri_cell_text_cache_unref (TriCellTextCache *cache);
void              tri_cell_text_set_cache   (TriCellText      *self,
                                             TriCellTextCache *cache);
gboolean          tri_cell_text_prepare     (TriCellText      *self,
                                             const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriCellTextCache, tri_cell_text_cache_unref)

G_END_DECLS

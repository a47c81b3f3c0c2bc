/* tri-column-menus.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-alignment.h"
#include "tri-spell-checker.h"

G_BEGIN_DECLS

#define TRI_TYPE_COLUMN_MENUS (tri_column_menus_get_type ())

G_DECLARE_FINAL_TYPE (TriColumnMenus, tri_column_menus, TRI, COLUMN_MENUS, GObject)

TriColumnMenus *tri_column_menus_new             (void);
void            tri_column_menus_set_alignment   (TriColumnMenus  *self,
                                                  TriAlignment    *alignment,
                                                  TriSpellChecker *spell);
GMenuModel     *tri_column_menus_get_header_menu (TriColumnMenus  *self,
                                                  guint            column);
void            tri_column_menus_update          (TriColumnMenus  *self);
GActionGroup   *tri_column_menus_get_actions     (TriColumnMenus  *self);
GMenuModel     *tri_column_menus_get_versions    (TriColumnMenus  *self);

G_END_DECLS

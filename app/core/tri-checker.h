/* tri-checker.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-checks.h"

G_BEGIN_DECLS

#define TRI_TYPE_CHECKER (tri_checker_get_type ())

G_DECLARE_FINAL_TYPE (TriChecker, tri_checker, TRI, CHECKER, GObject)

TriChecker *tri_checker_new           (TriAlignment     *alignment);
GPtrArray  *tri_checker_get_findings  (TriChecker       *self);
guint       tri_checker_lower_bound   (TriChecker       *self,
                                       guint             row);
gboolean    tri_checker_get_dismissed (TriChecker       *self,
                                       const TriFinding *finding);
void        tri_checker_set_dismissed (TriChecker       *self,
                                       const TriFinding *finding,
                                       gboolean          dismissed);
guint       tri_checker_get_n_active  (TriChecker       *self);
gboolean    tri_checker_get_busy      (TriChecker       *self);
void        tri_checker_flush         (TriChecker       *self);

G_END_DECLS

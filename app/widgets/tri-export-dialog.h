/* tri-export-dialog.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tri-alignment.h"
#include "tri-export.h"

G_BEGIN_DECLS

#define TRI_TYPE_EXPORT_DIALOG (tri_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TriExportDialog, tri_export_dialog, TRI, EXPORT_DIALOG, AdwWindow)

TriExportDialog  *tri_export_dialog_new         (GtkWindow       *parent,
                                                 TriAlignment    *alignment,
                                                 GSettings       *settings);
TriExportOptions *tri_export_dialog_dup_options (TriExportDialog *self);

G_END_DECLS

/* tri-checks-controller.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-checker.h"
#include "tri-checks-panel.h"
#include "tri-report.h"

G_BEGIN_DECLS

#define TRI_TYPE_CHECKS_CONTROLLER (tri_checks_controller_get_type ())

G_DECLARE_FINAL_TYPE (TriChecksController, tri_checks_controller, TRI, CHECKS_CONTROLLER, GObject)

TriChecksController *tri_checks_controller_new              (TriChecksPanel      *panel);
void                 tri_checks_controller_set_button       (TriChecksController *self,
                                                             GtkButton           *button);
void                 tri_checks_controller_set_alignment    (TriChecksController *self,
                                                             TriAlignment        *alignment);
TriChecker          *tri_checks_controller_get_checker      (TriChecksController *self);
char                *tri_checks_controller_dup_row_findings (TriChecksController *self,
                                                             guint                row);
char                *tri_checks_controller_dup_label        (TriChecksController *self);
void                 tri_checks_controller_highlight        (TriChecksController *self,
                                                             guint                row,
                                                             GArray             **spans);
gboolean             tri_checks_controller_go_to_finding    (TriChecksController *self,
                                                             int                  direction,
                                                             guint                current_row);
gboolean             tri_checks_controller_save_report      (TriChecksController *self,
                                                             GFile               *file,
                                                             TriReportFormat      format,
                                                             const char          *title,
                                                             GError             **error);
void                 tri_checks_controller_choose_report    (TriChecksController *self,
                                                             GtkWindow           *parent,
                                                             const char          *title);

G_END_DECLS

/* tri-window.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tri-checker.h"
#include "tri-export.h"
#include "tri-report.h"
#include "tri-parallel-view.h"
#include "tri-segment-editor.h"
#include "tri-spell-checker.h"
#include "tri-wording-controller.h"
#include "tri-alignment-grid.h"
#include "tri-checks-controller.h"
#include "tri-find-bar.h"

#include "tri-alignment.h"
#include "tri-application.h"
#include "tri-document.h"

G_BEGIN_DECLS

#define TRI_TYPE_WINDOW (tri_window_get_type ())

G_DECLARE_FINAL_TYPE (TriWindow, tri_window, TRI, WINDOW, AdwApplicationWindow)

TriWindow    *tri_window_new            (TriApplication     *application);
void          tri_window_open_sample    (TriWindow          *self);
void          tri_window_open_files     (TriWindow          *self,
                                         GFile             **files,
                                         const char * const *languages,
                                         guint               n_files,
                                         const char         *encoding,
                                         TriParagraphMode    mode);
void          tri_window_replace_column (TriWindow          *self,
                                         guint               column,
                                         GFile              *file);
void          tri_window_set_documents  (TriWindow          *self,
                                         TriDocument       **documents,
                                         guint               n_documents);
TriAlignment *tri_window_get_alignment  (TriWindow          *self);
void          tri_window_open_project   (TriWindow          *self,
                                         GFile              *file);
void          tri_window_save_project   (TriWindow          *self,
                                         GFile              *file);
GFile        *tri_window_get_project_file (TriWindow        *self);
gboolean      tri_window_shows_project  (TriWindow          *self,
                                         GFile              *file);
gboolean      tri_window_is_empty       (TriWindow          *self);
gboolean      tri_window_get_unsaved    (TriWindow          *self);
gboolean      tri_file_is_project       (GFile              *file);
void          tri_window_autosave       (TriWindow          *self);
GFile        *tri_window_get_autosave_file (TriWindow       *self);
void          tri_window_recover        (TriWindow          *self,
                                         GFile              *autosave);
gboolean      tri_window_get_busy       (TriWindow          *self);
GtkWidget     *tri_window_get_view       (TriWindow          *self);
TriSegmentEditor *tri_window_get_editor   (TriWindow        *self);
TriSpellChecker  *tri_window_get_spell_checker (TriWindow    *self);
TriChecker       *tri_window_get_checker  (TriWindow        *self);
GtkWidget        *tri_window_get_checks_panel (TriWindow    *self);
void              tri_window_import       (TriWindow              *self,
                                           GFile                  *file);
gboolean          tri_file_is_importable  (GFile                  *file);
void              tri_window_export       (TriWindow              *self,
                                           const TriExportOptions *options,
                                           GFile                  *file);
gboolean          tri_window_export_report (TriWindow       *self,
                                            GFile           *file,
                                            TriReportFormat  format,
                                            GError         **error);
gboolean       tri_window_get_parallel_view (TriWindow     *self);
void           tri_window_set_parallel_view (TriWindow     *self,
                                             gboolean       parallel);
TriParallelView *tri_window_get_parallel_text (TriWindow    *self);
TriWordingController *tri_window_get_wording (TriWindow   *self);

/* For the window's parts (tri-window-actions.c, -exchange.c, -paste.c)
 * and tests: what they need of the window, no more. */
TriAlignmentGrid     *tri_window_get_grid             (TriWindow      *self);
GSettings            *tri_window_get_settings         (TriWindow      *self);
GCancellable         *tri_window_get_cancellable      (TriWindow      *self);
TriChecksController  *tri_window_get_checks           (TriWindow      *self);
TriFindBar           *tri_window_get_find_bar         (TriWindow      *self);
GtkFileChooserNative *tri_window_get_file_chooser     (TriWindow      *self);
void                  tri_window_set_file_chooser     (TriWindow      *self,
                                                       GtkFileChooserNative *chooser);
guint                 tri_window_get_changed_row      (TriWindow      *self);
TriParagraphMode      tri_window_get_paragraph_mode   (TriWindow      *self);
void                  tri_window_show_toast           (TriWindow      *self,
                                                       const char     *message);
void                  tri_window_set_busy             (TriWindow      *self,
                                                       gboolean        busy);
void                  tri_window_update_actions       (TriWindow      *self);
void                  tri_window_commit_edits         (TriWindow      *self);
void                  tri_window_select_row           (TriWindow      *self,
                                                       guint           row);
gboolean              tri_window_grid_may_focus       (TriWindow      *self);
void                  tri_window_suggest_file         (TriWindow      *self,
                                                       GtkFileChooser *chooser,
                                                       const char     *suffix);
void                  tri_window_start_alignment      (TriWindow      *self,
                                                       const GArray   *fixed,
                                                       guint           replace_from,
                                                       guint           n_replace,
                                                       guint           n_tail);
void                  tri_window_show_imported        (TriWindow      *self,
                                                       TriAlignment   *alignment);
void                  tri_window_replace_document     (TriWindow      *self,
                                                       int             column,
                                                       TriDocument    *document);

G_END_DECLS

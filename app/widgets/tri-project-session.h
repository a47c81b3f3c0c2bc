/* tri-project-session.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-alignment.h"

G_BEGIN_DECLS

#define TRI_TYPE_PROJECT_SESSION (tri_project_session_get_type ())

G_DECLARE_FINAL_TYPE (TriProjectSession, tri_project_session, TRI, PROJECT_SESSION, GObject)

TriProjectSession *tri_project_session_new               (GtkWindow         *parent);
void               tri_project_session_set_alignment     (TriProjectSession *self,
                                                          TriAlignment      *alignment);
gboolean           tri_project_session_get_unsaved       (TriProjectSession *self);
void               tri_project_session_mark_saved        (TriProjectSession *self);
GFile             *tri_project_session_get_file          (TriProjectSession *self);
void               tri_project_session_forget_file       (TriProjectSession *self);
GFile             *tri_project_session_get_loading_file  (TriProjectSession *self);
void               tri_project_session_stop_loading      (TriProjectSession *self);
void               tri_project_session_open              (TriProjectSession *self,
                                                          GFile             *file,
                                                          GCancellable      *cancellable);
void               tri_project_session_recover           (TriProjectSession *self,
                                                          GFile             *autosave,
                                                          GCancellable      *cancellable);
void               tri_project_session_save              (TriProjectSession *self,
                                                          GFile             *file,
                                                          gboolean           close_after);
void               tri_project_session_autosave          (TriProjectSession *self);
GFile             *tri_project_session_get_autosave_file (TriProjectSession *self);
void               tri_project_session_forget_autosave   (TriProjectSession *self);
gboolean           tri_project_session_ask_before_close  (TriProjectSession *self);

G_END_DECLS

/* tri-window-parts.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-opener.h"
#include "tri-project-session.h"
#include "tri-window.h"

G_BEGIN_DECLS

/* The window's actions that live in files of their own, added to its
 * class by tri_window_class_init(). They reach the window through
 * tri-window.h only. */
void tri_window_class_actions_init  (TriWindowClass *klass);  /* tri-window-actions.c */
void tri_window_init_actions        (TriWindow      *self);
void tri_window_class_exchange_init (TriWindowClass *klass);  /* tri-window-exchange.c */
void tri_window_class_paste_init    (TriWindowClass *klass);  /* tri-window-paste.c */
void tri_window_class_files_init    (TriWindowClass *klass);  /* tri-window-files.c */
void tri_window_class_text_size_init (TriWindowClass *klass); /* tri-window-text-size.c */
void tri_window_class_checks_init   (TriWindowClass *klass);  /* tri-window-checks.c */
void tri_window_init_checks         (TriWindow      *self);
void tri_window_init_spelling       (TriWindow      *self);   /* tri-window-spelling.c */
void tri_window_update_title        (TriWindow      *self);   /* tri-window-header.c */
void tri_window_update_review_count (TriWindow      *self);
void tri_window_init_project        (TriWindow      *self);   /* tri-window-project.c */
void tri_window_show_rows           (TriWindow      *self,
                                     TriAlignment   *alignment);
void tri_window_class_views_init    (TriWindowClass *klass);  /* tri-window-views.c */
void tri_window_init_views          (TriWindow      *self);

void        tri_window_update_row_filter  (TriWindow  *self);
const char *tri_window_get_row_filter     (TriWindow  *self);
void        tri_window_set_row_filter     (TriWindow  *self,
                                           const char *id);
TriSpellChecker *tri_window_new_spell_checker    (TriWindow    *self,
                                                 TriAlignment *alignment);
void             tri_window_apply_spell_settings (TriWindow    *self);
gboolean    tri_window_get_checks_visible (TriWindow  *self);
void        tri_window_set_checks_visible (TriWindow  *self,
                                           gboolean    visible);
void tri_window_init_text_size      (TriWindow      *self);

/* tri-window-files.c */
GtkFileChooserNative *tri_window_new_file_chooser   (TriWindow            *self,
                                                     const char           *title,
                                                     GtkFileChooserAction  action,
                                                     const char           *accept);
void                  tri_window_close_file_chooser (TriWindow            *self,
                                                     GtkFileChooserNative *chooser);
void                  tri_window_save               (TriWindow            *self,
                                                     gboolean              close_after);
void                  tri_window_init_files         (TriWindow            *self,
                                                     GtkWidget            *stack);
void                  tri_window_start_open         (TriWindow            *self,
                                                     GFile               **files,
                                                     const char * const   *languages,
                                                     guint                 n_files,
                                                     const char           *encoding,
                                                     TriParagraphMode      mode,
                                                     int                   replace_column);

/* tri-window.c */
GObject              *tri_window_get_template_child (TriWindow            *self,
                                                     const char           *name);
TriProjectSession    *tri_window_get_session        (TriWindow            *self);
TriOpener            *tri_window_get_opener         (TriWindow            *self);
GCancellable         *tri_window_restart_loading    (TriWindow            *self);
void                  tri_window_save_to            (TriWindow            *self,
                                                     GFile                *file,
                                                     gboolean              close_after);

G_END_DECLS

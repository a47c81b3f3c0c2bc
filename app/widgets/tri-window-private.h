/* tri-window-private.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-aligner.h"
#include "tri-alignment-grid.h"
#include "tri-checker.h"
#include "tri-checks-controller.h"
#include "tri-checks-panel.h"
#include "tri-column-menus.h"
#include "tri-parallel-view.h"
#include "tri-recent-projects.h"
#include "tri-row-filter.h"
#include "tri-segment-editor.h"
#include "tri-spell-checker.h"
#include "tri-status-bar.h"
#include "tri-window.h"
#include "tri-wording-controller.h"

G_BEGIN_DECLS

struct _TriWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  TriAlignment         *alignment;
  TriSpellChecker      *spell;
  gboolean              spell_problem_shown[TRI_MAX_COLUMNS];
  GCancellable         *cancellable;
  GtkCssProvider       *font_provider;
  GtkFileChooserNative *chooser;
  TriColumnMenus       *columns;        /* the versions' menus and their actions */
  guint                 busy;
  TriAligner           *aligner;
  GCancellable         *align_cancellable;
  guint                 progress_source;
  gint64                progress_start; /* when the work the progress strip follows began */
  struct _TriOpenOperation *opening;    /* the files being read, or NULL */
  GFile                *project_file;
  char                 *project_etag;   /* the project file's etag when last read or written */
  char                 *subtitle;       /* the project or files shown, without the unsaved marker */
  GFile                *loading_file;   /* the project being opened, until it is shown */
  guint64               saved_generation;
  GFile                *autosave_file;
  guint64               autosaved_generation;
  guint                 autosave_idle;
  guint                 autosave_interval;
  gboolean              realigning;     /* the running alignment replaces some rows */
  guint                 realign_from;   /* the first row it replaces */
  guint                 realign_count;  /* how many */
  guint                 realign_tail;   /* the rows after them that come back as they are */
  guint                 changed_row;    /* the first row the last change of the rows touched */
  TriMatch              found;          /* the match the find bar showed last */
  guint                 confirmed_before; /* confirmed rows before the edit running, or G_MAXUINT */
  TriChecksController  *checks;         /* the checker and the Checks panel */
  TriWordingController *wording;        /* Compare Wording: the words' counterparts */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  TriAlignmentGrid     *grid;
  GtkPaned             *paned;
  GtkStack             *view_stack;
  AdwFlap              *flap;
  TriChecksPanel       *checks_panel;
  GtkToggleButton      *checks_button;
  TriParallelView      *parallel_view;
  TriSegmentEditor     *editor;
  TriStatusBar         *status_bar;
  GtkLabel             *review_label;
  GtkMenuButton        *filter_button;
  TriRecentProjects    *recent;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkWidget            *progress_cancel;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkCheckButton       *search_regex;
  GtkCheckButton       *search_case;
  GtkCheckButton       *search_column;
  GtkLabel             *search_status;
  GtkRevealer          *replace_revealer;
  GtkEntry             *replace_entry;
  GMenu                *primary_menu;
  GMenuModel           *row_menu;
  GtkWidget            *row_popover;
  GMenuModel           *row_menu_with_spelling;
};

void _tri_window_class_actions_init (TriWindowClass *klass);
void _tri_window_init_search        (TriWindow      *self);
void _tri_window_update_actions     (TriWindow      *self);
void _tri_window_commit_edits       (TriWindow      *self);
void _tri_window_select_row         (TriWindow      *self,
                                     guint           row);
gboolean _tri_window_grid_may_focus (TriWindow      *self);
void _tri_window_suggest_file       (TriWindow      *self,
                                     GtkFileChooser *chooser,
                                     const char     *suffix);
void _tri_window_show_toast         (TriWindow      *self,
                                     const char     *message);
void _tri_window_start_alignment    (TriWindow      *self,
                                     const GArray   *fixed,
                                     guint           replace_from,
                                     guint           n_replace,
                                     guint           n_tail);

void _tri_window_set_busy           (TriWindow      *self,
                                     gboolean        busy);
void _tri_window_show_imported      (TriWindow      *self,
                                     TriAlignment   *alignment);

void _tri_window_replace_document  (TriWindow      *self,
                                     int             column,
                                     TriDocument    *document);

/* tri-window-paste.c */
void _tri_window_class_paste_init   (TriWindowClass *klass);
void _tri_window_paste              (TriWindow      *self,
                                     int             column);

/* tri-window-exchange.c */
void _tri_window_class_exchange_init  (TriWindowClass *klass);

void _tri_window_set_checker        (TriWindow      *self,
                                     TriAlignment   *alignment);

G_END_DECLS

/* tri-wording.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-word-align.h"

G_BEGIN_DECLS

/**
 * TriWordingMark:
 * @TRI_WORDING_MARK_ALL: the word has a counterpart in every other version
 * @TRI_WORDING_MARK_SOME: in some of them only
 * @TRI_WORDING_MARK_NONE: in none (an addition, or the others' omission)
 * @TRI_WORDING_MARK_DIFFERS: a number with no equal counterpart in
 *   another version, as the checks see it
 *
 * What Compare Wording says about a word.
 */
typedef enum
{
  TRI_WORDING_MARK_ALL,
  TRI_WORDING_MARK_SOME,
  TRI_WORDING_MARK_NONE,
  TRI_WORDING_MARK_DIFFERS,
} TriWordingMark;

/**
 * TriWordingSpan:
 * @start: byte offset of the word in its cell
 * @end: just past it
 * @mark: what the other versions do with it
 */
typedef struct
{
  guint          start;
  guint          end;
  TriWordingMark mark;
} TriWordingSpan;

#define TRI_TYPE_WORDING (tri_wording_get_type ())

G_DECLARE_FINAL_TYPE (TriWording, tri_wording, TRI, WORDING, GObject)

TriWording *tri_wording_new             (guint               n_versions,
                                         const char * const *languages);
gboolean    tri_wording_is_ready        (TriWording         *self);
void        tri_wording_set_link_in_background (TriWording  *self,
                                                gboolean     background);
const TriWordRow *tri_wording_get_row   (TriWording         *self,
                                         const char * const *texts);
void        tri_wording_prefetch        (TriWording         *self,
                                         GPtrArray          *rows);
gboolean    tri_wording_has_row         (TriWording         *self,
                                         const char * const *texts);
gboolean    tri_wording_is_prefetching  (TriWording         *self);
gboolean    tri_wording_get_highlights  (TriWording         *self,
                                         const char * const *texts,
                                         guint               version,
                                         guint               offset,
                                         GArray            **spans);
GArray     *tri_wording_get_marks       (TriWording         *self,
                                         const char * const *texts,
                                         guint               version);
char       *tri_wording_dup_tooltip     (TriWording         *self,
                                         const char * const *texts,
                                         guint               version,
                                         guint               offset);
void        tri_wording_add_attributes  (PangoAttrList      *attrs,
                                         GArray             *highlights,
                                         GArray             *marks);
void        tri_wording_create_tags     (GtkTextBuffer      *buffer);
void        tri_wording_apply_tags      (GtkTextBuffer      *buffer,
                                         const char         *text,
                                         guint               offset,
                                         GArray             *highlights,
                                         GArray             *marks);
void        tri_wording_clear_tags      (GtkTextBuffer      *buffer,
                                         gboolean            highlights,
                                         gboolean            marks);

G_END_DECLS

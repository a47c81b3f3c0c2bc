/* tri-dictionary.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TriDictionary TriDictionary;

TriDictionary *tri_dictionary_new             (void);
TriDictionary *tri_dictionary_ref             (TriDictionary  *self);
void           tri_dictionary_unref           (TriDictionary  *self);
gboolean       tri_dictionary_load_dictd      (TriDictionary  *self,
                                               const char     *index_path,
                                               const char     *dict_path,
                                               const char     *target_language,
                                               GError        **error);
gboolean       tri_dictionary_load_word_list  (TriDictionary  *self,
                                               const char     *path,
                                               GError        **error);
void           tri_dictionary_add             (TriDictionary  *self,
                                               const char     *word,
                                               const char     *translation);
const char * const *tri_dictionary_lookup     (TriDictionary  *self,
                                               const char     *word,
                                               guint          *n_translations);
guint          tri_dictionary_get_size        (TriDictionary  *self);
GPtrArray     *tri_dictionary_get_headwords   (TriDictionary  *self);
TriDictionary *tri_dictionary_get_system      (const char     *source_language,
                                               const char     *target_language);
TriDictionary *tri_dictionary_get_system_wide (const char     *source_language,
                                               const char     *target_language);
char          *tri_dictionary_key             (const char     *word,
                                               gssize          length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriDictionary, tri_dictionary_unref)

G_END_DECLS

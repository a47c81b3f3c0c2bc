/* tri-user-lexicon.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tri-alignment.h"
#include "tri-dictionary.h"

G_BEGIN_DECLS

typedef struct _TriUserLexicon TriUserLexicon;

/**
 * TriUserLexiconFunc:
 * @word_a: a word of the lexicon's first language (lower case)
 * @word_b: a word of its second language
 * @count: in how many confirmed rows they occur together
 * @user_data: what was given to tri_user_lexicon_foreach()
 */
typedef void (*TriUserLexiconFunc) (const char *word_a,
                                    const char *word_b,
                                    guint       count,
                                    gpointer    user_data);

TriUserLexicon *tri_user_lexicon_new            (const char      *language_a,
                                                 const char      *language_b);
TriUserLexicon *tri_user_lexicon_load           (const char      *path,
                                                 GError         **error);
void            tri_user_lexicon_free           (TriUserLexicon  *self);
char           *tri_user_lexicon_default_path   (const char      *language_a,
                                                 const char      *language_b);
gboolean        tri_user_lexicon_save           (TriUserLexicon  *self,
                                                 const char      *path,
                                                 GError         **error);
const char     *tri_user_lexicon_get_language   (TriUserLexicon  *self,
                                                 guint            side);
guint           tri_user_lexicon_get_n_rows     (TriUserLexicon  *self);
void            tri_user_lexicon_add_row        (TriUserLexicon  *self,
                                                 const char      *text_a,
                                                 const char      *text_b);
guint           tri_user_lexicon_lookup         (TriUserLexicon  *self,
                                                 const char      *word_a,
                                                 const char      *word_b);
guint           tri_user_lexicon_get_word_count (TriUserLexicon  *self,
                                                 guint            side,
                                                 const char      *word);
void            tri_user_lexicon_foreach        (TriUserLexicon  *self,
                                                 TriUserLexiconFunc func,
                                                 gpointer         user_data);
void            tri_user_lexicon_add_to_dictionary (TriUserLexicon *self,
                                                 TriDictionary   *dictionary);

void            tri_user_lexicon_learn_rows     (TriAlignment    *alignment,
                                                 const guint     *rows,
                                                 guint            n_rows);
TriDictionary  *tri_user_lexicon_dictionary_for (const char * const *languages,
                                                 guint            n_languages);
void            tri_user_lexicon_flush          (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriUserLexicon, tri_user_lexicon_free)

G_END_DECLS

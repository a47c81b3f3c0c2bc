/* tri-spell-checker.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-alignment.h"
#include "tri-spell.h"

G_BEGIN_DECLS

#define TRI_TYPE_SPELL_CHECKER (tri_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (TriSpellChecker, tri_spell_checker, TRI, SPELL_CHECKER, GObject)

TriSpellChecker    *tri_spell_checker_new             (TriAlignment    *alignment);
void                tri_spell_checker_set_enabled     (TriSpellChecker *self,
                                                       gboolean         enabled);
gboolean            tri_spell_checker_get_enabled     (TriSpellChecker *self);
void                tri_spell_checker_set_flags       (TriSpellChecker *self,
                                                       TriSpellFlags    flags);
TriSpellFlags       tri_spell_checker_get_flags       (TriSpellChecker *self);
void                tri_spell_checker_set_dictionary_name (TriSpellChecker *self,
                                                       guint            column,
                                                       const char      *name);
const char         *tri_spell_checker_get_dictionary_name (TriSpellChecker *self,
                                                       guint            column);
TriSpellDictionary *tri_spell_checker_get_dictionary  (TriSpellChecker *self,
                                                       guint            column);
const char         *tri_spell_checker_get_problem     (TriSpellChecker *self,
                                                       guint            column);
gboolean            tri_spell_checker_get_busy        (TriSpellChecker *self);
guint               tri_spell_checker_get_count       (TriSpellChecker *self,
                                                       guint            column);
gboolean            tri_spell_checker_has_misspelling (TriSpellChecker *self,
                                                       guint            column,
                                                       guint            first_sentence,
                                                       guint            n_sentences);
GArray             *tri_spell_checker_check_text      (TriSpellChecker *self,
                                                       guint            column,
                                                       const char      *text,
                                                       gssize           length);
GArray             *tri_spell_checker_check_cell      (TriSpellChecker *self,
                                                       TriRow          *row,
                                                       guint            column,
                                                       const char      *text,
                                                       gssize           length);
void                tri_spell_checker_recheck         (TriSpellChecker *self);

G_END_DECLS

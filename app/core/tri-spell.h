/* tri-spell.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRI_SPELL_ERROR (tri_spell_error_quark ())

/**
 * TriSpellError:
 * @TRI_SPELL_ERROR_NO_DICTIONARY: no Hunspell dictionary for the language
 * @TRI_SPELL_ERROR_BROKEN: the dictionary's files could not be read
 *
 * Errors of spell checking.
 */
typedef enum
{
  TRI_SPELL_ERROR_NO_DICTIONARY,
  TRI_SPELL_ERROR_BROKEN,
} TriSpellError;

GQuark tri_spell_error_quark (void);

/**
 * TriSpellFlags:
 * @TRI_SPELL_SKIP_ACRONYMS: words of capitals only (NATO, ЄС) are not checked
 * @TRI_SPELL_SKIP_DIGITS: words with digits (A4, 5G) are not checked
 * @TRI_SPELL_SKIP_URLS: web addresses and e-mail addresses are not checked
 * @TRI_SPELL_SKIP_NAMES: a capitalised word that the same row of another
 *   version writes as a name is no misspelling (#TriSpellChecker only)
 *
 * What the checker leaves alone.
 */
typedef enum
{
  TRI_SPELL_SKIP_ACRONYMS = 1 << 0,
  TRI_SPELL_SKIP_DIGITS   = 1 << 1,
  TRI_SPELL_SKIP_URLS     = 1 << 2,
  TRI_SPELL_SKIP_NAMES    = 1 << 3,
} TriSpellFlags;

#define TRI_SPELL_DEFAULT_FLAGS (TRI_SPELL_SKIP_ACRONYMS | TRI_SPELL_SKIP_DIGITS | TRI_SPELL_SKIP_URLS)

/**
 * TriMisspelling:
 * @start: byte offset of the word's first byte
 * @end: byte offset just past its last byte
 */
typedef struct
{
  gsize start;
  gsize end;
} TriMisspelling;

#define TRI_TYPE_SPELL_DICTIONARY (tri_spell_dictionary_get_type ())

G_DECLARE_FINAL_TYPE (TriSpellDictionary, tri_spell_dictionary, TRI, SPELL_DICTIONARY, GObject)

char               **tri_spell_list_dictionaries      (void);
char                *tri_spell_find_dictionary        (const char          *language);
const char          *tri_spell_get_package            (const char          *language);

TriSpellDictionary  *tri_spell_dictionary_load        (const char          *language,
                                                       const char          *name,
                                                       GError             **error);
void                 tri_spell_dictionary_load_async  (const char          *language,
                                                       const char          *name,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
TriSpellDictionary  *tri_spell_dictionary_load_finish (GAsyncResult        *result,
                                                       GError             **error);
const char          *tri_spell_dictionary_get_name    (TriSpellDictionary  *self);
const char          *tri_spell_dictionary_get_language (TriSpellDictionary *self);
gboolean             tri_spell_dictionary_check_word  (TriSpellDictionary  *self,
                                                       const char          *word,
                                                       gssize               length);
TriSpellDictionary  *tri_spell_dictionary_load_private (const char         *language,
                                                       const char          *name,
                                                       GError             **error);
char               **tri_spell_dictionary_suggest     (TriSpellDictionary  *self,
                                                       const char          *word,
                                                       guint                max);
char               **tri_spell_dictionary_stem        (TriSpellDictionary  *self,
                                                       const char          *word);
gboolean             tri_spell_dictionary_add_personal (TriSpellDictionary *self,
                                                       const char          *word,
                                                       GError             **error);

GArray              *tri_spell_check                  (TriSpellDictionary  *self,
                                                       const char          *text,
                                                       gssize               length,
                                                       TriSpellFlags        flags,
                                                       GHashTable          *ignored);
GArray              *tri_spell_check_cached           (TriSpellDictionary  *self,
                                                       const char          *text,
                                                       gssize               length,
                                                       TriSpellFlags        flags,
                                                       GHashTable          *ignored,
                                                       gboolean            *complete);

G_END_DECLS

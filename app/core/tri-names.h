/* tri-names.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TriWordFlags:
 * @TRI_WORD_CAPITALISED: an upper-case letter, then not all upper case
 * @TRI_WORD_ACRONYM: two or more letters, all upper case (NATO, ООН)
 * @TRI_WORD_INITIAL: opens a sentence, a line, a quotation, or a clause
 *   after a colon or a dash, where any word is capitalised
 * @TRI_WORD_COMMON: a common word that the language capitalises all the
 *   same (English months, weekdays, "I", "Mr")
 * @TRI_WORD_SHORT: fewer than three letters, or a skeleton under two
 * @TRI_WORD_FOREIGN: in another script than the language's (Sveriges Radio
 *   in a Russian text, a brand kept in Latin letters)
 * @TRI_WORD_NAME: set by the caller: taken for a name
 */
typedef enum
{
  TRI_WORD_CAPITALISED = 1 << 0,
  TRI_WORD_ACRONYM     = 1 << 1,
  TRI_WORD_INITIAL     = 1 << 2,
  TRI_WORD_COMMON      = 1 << 3,
  TRI_WORD_SHORT       = 1 << 4,
  TRI_WORD_NAME        = 1 << 5,
  TRI_WORD_FOREIGN     = 1 << 6,
} TriWordFlags;

/**
 * TriWord:
 * @start: byte offset of its first letter
 * @end: byte offset just past it (an English "’s" left out)
 * @flags: #TriWordFlags
 * @skeleton: (type utf8): its Latin skeleton (tri_names_skeleton())
 * @lower: (type utf8): the word in lower case
 */
typedef struct
{
  gsize  start;
  gsize  end;
  guint  flags;
  char  *skeleton;
  char  *lower;
} TriWord;

/**
 * TriSpeaker:
 * @cue: the index of the word that says someone spoke (said, заявил)
 * @word: the index of a name that may be who
 */
typedef struct
{
  guint cue;
  guint word;
} TriSpeaker;

typedef struct _TriNames TriNames;

TriNames *tri_names_new           (void);
void      tri_names_free          (TriNames   *names);
char     *tri_names_skeleton      (TriNames   *names,
                                   const char *language,
                                   const char *word,
                                   gssize      length);
GArray   *tri_names_scan          (TriNames   *names,
                                   const char *language,
                                   const char *text,
                                   gsize       start,
                                   gsize       end);
gboolean  tri_names_match         (const char *a,
                                   const char *b);
gboolean  tri_names_match_strictly (const char *a,
                                    const char *b);
GArray   *tri_names_find_speakers (const char *language,
                                   const char *text,
                                   GArray     *words,
                                   guint       first,
                                   guint       last);

gboolean  tri_names_spelt_in      (TriNames   *names,
                                   const char *language,
                                   const char *word,
                                   gssize      length,
                                   const char *other_language,
                                   const char *other,
                                   gssize      other_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriNames, tri_names_free)

G_END_DECLS

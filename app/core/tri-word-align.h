/* tri-word-align.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Word-level correspondences between the versions of one row.
 *
 * A TriWordAligner knows the languages of a document's versions (e.g. en,
 * ru, uk) and links the words of one row's cells for every pair of
 * versions, many-to-many ("get out" ↔ «выбирались»). Words are what
 * tri_word_tokenize() finds. Usage:
 *
 *   const char *langs[] = { "en", "ru", "uk" };
 *   TriWordAligner *wa = tri_word_aligner_new (3, langs);
 *   tri_word_aligner_learn (wa, n_rows, cells);      // optional, per document
 *   TriWordRow *row = tri_word_aligner_align (wa, texts);
 *   links = tri_word_row_get_links (row, 0, 1, &n);  // en–ru
 *   if (!tri_word_row_has_counterpart (row, 1, w, 2)) …
 *   tri_word_row_free (row);
 *
 * An aligner is not thread-safe (it caches words): use one per thread.
 * Rows are independent of it once made. */

/**
 * TriWordSpan:
 * @start: byte offset of the word's first byte in its cell
 * @end: byte offset just past it
 */
typedef struct
{
  guint start;
  guint end;
} TriWordSpan;

/**
 * TriWordLink:
 * @a: index of the word in the first version's cell
 * @b: index of the word in the second version's cell
 * @score: the evidence for it, 0–1
 */
typedef struct
{
  guint  a;
  guint  b;
  float  score;
} TriWordLink;

/**
 * TriWordEvidence:
 * @TRI_WORD_EVIDENCE_NUMBERS: equal numbers, number words and months
 * @TRI_WORD_EVIDENCE_NAMES: names and Latin tokens, by transliterated skeleton
 * @TRI_WORD_EVIDENCE_DICTIONARY: the system's bilingual dictionaries
 * @TRI_WORD_EVIDENCE_STEMS: Hunspell's stems (lemmas) of inflected forms
 * @TRI_WORD_EVIDENCE_COGNATES: Russian–Ukrainian cognates (normalised spelling)
 * @TRI_WORD_EVIDENCE_DOCUMENT: what tri_word_aligner_learn() learnt (IBM Model 1)
 * @TRI_WORD_EVIDENCE_THREE_WAY: a link through the third version
 * @TRI_WORD_EVIDENCE_USER: the lexicon of tri_word_aligner_set_lexicon()
 * @TRI_WORD_EVIDENCE_ORDER: Russian–Ukrainian word order: words alike in
 *   kind in equal gaps between links
 * @TRI_WORD_EVIDENCE_POSTERIOR: words still unlinked that IBM Model 1
 *   makes each other's likeliest source in the row, both ways
 * @TRI_WORD_EVIDENCE_CLOSURE: after linking, words linked to the same word
 *   of the third version and still unlinked in their pair are linked
 * @TRI_WORD_EVIDENCE_CONTENT_GAPS: with word order, gaps of unequal length
 *   between links whose unlinked content words are as many pair those in order
 * @TRI_WORD_EVIDENCE_BLOCKS: phrase blocks: a short gap
 *   of unequal length between links, wholly unlinked, links its content
 *   words all with all
 *
 * Kinds of evidence, all used by default; fewer for measuring what each adds.
 */
typedef enum
{
  TRI_WORD_EVIDENCE_NUMBERS    = 1 << 0,
  TRI_WORD_EVIDENCE_NAMES      = 1 << 1,
  TRI_WORD_EVIDENCE_DICTIONARY = 1 << 2,
  TRI_WORD_EVIDENCE_STEMS      = 1 << 3,
  TRI_WORD_EVIDENCE_COGNATES   = 1 << 4,
  TRI_WORD_EVIDENCE_DOCUMENT   = 1 << 5,
  TRI_WORD_EVIDENCE_THREE_WAY  = 1 << 6,
  TRI_WORD_EVIDENCE_USER       = 1 << 7,
  TRI_WORD_EVIDENCE_ORDER      = 1 << 8,
  TRI_WORD_EVIDENCE_POSTERIOR  = 1 << 9,
  TRI_WORD_EVIDENCE_CLOSURE    = 1 << 10,
  TRI_WORD_EVIDENCE_CONTENT_GAPS = 1 << 11,
  TRI_WORD_EVIDENCE_BLOCKS     = 1 << 12,
} TriWordEvidence;

#define TRI_WORD_EVIDENCE_ALL ((TriWordEvidence)0x1fff)

/**
 * TriWordLexiconFunc:
 * @language_a: the first word's language
 * @word_a: the first word, lower case
 * @language_b: the second word's language
 * @word_b: the second word, lower case
 * @user_data: the data given with the function
 *
 * A user lexicon (words of the rows the user confirmed): how sure it is
 * that the two words translate each other.
 *
 * Returns: 0 when it does not know the pair, up to 1
 */
typedef double (*TriWordLexiconFunc) (const char *language_a,
                                      const char *word_a,
                                      const char *language_b,
                                      const char *word_b,
                                      gpointer    user_data);

typedef struct _TriWordAligner TriWordAligner;
typedef struct _TriWordRow TriWordRow;

GArray         *tri_word_tokenize            (const char          *text,
                                              gssize               length);

TriWordAligner *tri_word_aligner_new         (guint                n_versions,
                                              const char * const  *languages);
void            tri_word_aligner_free        (TriWordAligner      *self);
void            tri_word_aligner_set_evidence (TriWordAligner     *self,
                                               TriWordEvidence     evidence);
void            tri_word_aligner_set_lexicon (TriWordAligner      *self,
                                              TriWordLexiconFunc   func,
                                              gpointer             user_data,
                                              GDestroyNotify       destroy);
void            tri_word_aligner_learn       (TriWordAligner      *self,
                                              guint                n_rows,
                                              const char * const  *cells);
TriWordRow     *tri_word_aligner_align       (TriWordAligner      *self,
                                              const char * const  *texts);

guint               tri_word_row_get_n_versions (const TriWordRow *row);
const TriWordSpan  *tri_word_row_get_words      (const TriWordRow *row,
                                                 guint             version,
                                                 guint            *n_words);
const TriWordLink  *tri_word_row_get_links      (const TriWordRow *row,
                                                 guint             a,
                                                 guint             b,
                                                 guint            *n_links);
guint               tri_word_row_get_counterparts (const TriWordRow *row,
                                                   guint             version,
                                                   guint             word,
                                                   guint             other,
                                                   guint            *words,
                                                   guint             max);
gboolean            tri_word_row_has_counterpart (const TriWordRow *row,
                                                  guint             version,
                                                  guint             word,
                                                  guint             other);
int                 tri_word_row_find_word      (const TriWordRow *row,
                                                 guint             version,
                                                 guint             offset);
void                tri_word_row_free           (TriWordRow       *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriWordAligner, tri_word_aligner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriWordRow, tri_word_row_free)

G_END_DECLS

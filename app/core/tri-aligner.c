/* tri-aligner.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-aligner"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include <unicode/udat.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "tri-aligner.h"
#include "tri-apertium.h"
#include "tri-numbers.h"
#include "tri-language.h"

/* The sentence aligner.
 *
 * Every sentence becomes a set of features that can be compared across
 * languages without a model:
 *  - numbers, normalised ("1,250" = "1 250" = "1250"; "2.5" = "2,5"),
 *  - month names, by number (ICU's calendar names in each language),
 *  - every word as a consonant skeleton of its ICU transliteration, so
 *    that Зеленский, Зеленський and Zelenskyy, or переговоры and переговори,
 *    meet ("zlnsk", "prgvr"),
 *  - the translations of English (or other) words from Debian's bilingual
 *    dictionaries or the user's word list, as skeletons too,
 *  - ? and ! and quotation marks.
 * Features are weighted by how rare they are in the two documents. A word
 * weighs its own form plus its best translation, not all its senses.
 *
 * Two documents are aligned by dynamic programming over beads (1-1, 1-0,
 * 0-1, 2-1, 1-2, 2-2, 3-1, 1-3) inside a band around a path through
 * confident anchors (a heaviest monotone chain of strong 1-1 matches), so
 * time and memory grow linearly with the documents. A bead scores its
 * lexical overlap (Dice over the weighted features), the fit of its length
 * to the documents' length ratio (Gale–Church's, with a Student t's heavier
 * tails), its kind, and whether it respects paragraph ends on both sides.
 *
 * Three documents are aligned together: the two closest languages first
 * (same script: Russian and Ukrainian), then the third against the rows
 * of that alignment, each row carrying the features of both its
 * languages. Every row is then one step in all three documents at once, so
 * no pair can contradict another, and evidence in either language counts.
 * The other two orders (English with Ukrainian first, then Russian;
 * English with Russian, then Ukrainian) run too, near the first's rows;
 * where both agree against it, they win (align_three_voted()).
 */

G_DEFINE_QUARK (tri-align-error-quark, tri_align_error)

/* Tuning: costs are in nats, like Gale–Church's. */
typedef struct
{
  double skip;            /* a sentence with no counterpart */
  double skip_even;       /* ... between texts of about as many sentences */
  double prior_21;        /* a 2-1 or 1-2 bead */
  double prior_22;        /* a 2-2 bead */
  double prior_31;        /* a 3-1 or 1-3 bead */
  double prior_32;        /* a 3-2 or 2-3 bead */
  double prior_41;        /* a 4-1 or 1-4 bead */
  double prior_41_uneven; /* ... between texts of many more sentences in one */
  double lexical;         /* weight of lexical overlap (0–1) */
  double mismatch;        /* cost of strong features that do not match */
  double length;          /* weight of the length term */
  double variance;        /* Gale–Church s², per character */
  double paragraph;       /* a bead that crosses a paragraph end on one side only */
  double unmatched;       /* weight, in the overlap's denominator, of a word that cannot match */
  double absorb;          /* a sentence in a many-sentence bead that matches nothing there */
  double suspect;         /* a 1-1 bead whose two sentences both have words to match and match nothing */
  double suspect_min;     /* ... at least this weight of them */
  double suspect_ratio;   /* ... and share at most this part of it */
  double suspect_close;   /* ... more between two languages of one script (Russian and Ukrainian) */
  double suspect_close_min; /* ... whose sentences both have at least this weight of words to match */
  double absorb_agreed;   /* three-way: a row two versions agree on is absorbed matching less than this part */
  double agreed_min;      /* ... when it has at least this weight of words to match */
  double length_cap;      /* the length term's largest value */
  double corner;          /* a 2-2 bead two of whose opposite corners match next to nothing */
  double corner_ratio;    /* ... each matching less than this part of its words */
  double length_df;       /* degrees of freedom of the length term's Student t (0: normal) */
  double refine;          /* three-way: re-decide the rows around uncertain ones on the three pairs (0: off) */
  double refine_margin;   /* ... only when that costs this much less than the rows there */
  double refine_row;      /* ... a row's cost there (negative: finer rows preferred) */
  double length_alt;      /* three-way, second stage: a row of two versions of unlike length may take the longer's (0: off) */
  double length_unlike;   /* ... unlike: differing by more than this part of the longer */
  double vote;            /* three-way: rows two other orders of the stages agree on win (0: off) */
  int    band;            /* half-width of the search band around the anchor path */
} Params;

static Params params = {
  .skip = 3.0,
  .skip_even = 2.4,
  .prior_21 = 2.4,
  .prior_22 = 4.0,
  .prior_31 = 4.8,
  .prior_32 = 5.0,
  .prior_41 = 5.5,
  .prior_41_uneven = 4.5,
  .lexical = 7.0,
  .mismatch = 1.5,
  .length = 1.0,
  .variance = 6.8,
  .paragraph = 0.6,
  .unmatched = 0.5,
  .absorb = 0.7,
  .suspect = 1.25,
  .suspect_min = 3.0,
  .suspect_ratio = 0.1,
  .suspect_close = 0.5,
  .suspect_close_min = 12.0,
  .absorb_agreed = 0.25,
  .agreed_min = 12.0,
  .length_cap = 5.0,
  .corner = 1.0,
  .corner_ratio = 0.25,
  .length_df = 20,
  .refine = 1,
  .refine_margin = 6,
  .refine_row = -0.01,
  .length_alt = 1,
  .length_unlike = 0.25,
  .vote = 1,
  .band = 16,
};

/* For tuning on the bench: TRIPTYCH_ALIGN_PARAMS="skip=2.4,lexical=6" sets
 * the parameters of that name for the process. */
static void
load_params (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      const char *env = g_getenv ("TRIPTYCH_ALIGN_PARAMS");
      g_auto(GStrv) items = env != NULL ? g_strsplit (env, ",", -1) : NULL;

      for (guint i = 0; items != NULL && items[i] != NULL; i++)
        {
          g_auto(GStrv) kv = g_strsplit (items[i], "=", 2);
          double value;

          if (kv[0] == NULL || kv[1] == NULL)
            continue;
          value = g_ascii_strtod (kv[1], NULL);
#define PARAM(name) if (g_str_equal (kv[0], #name)) params.name = value;
          PARAM (skip) PARAM (skip_even) PARAM (prior_21) PARAM (prior_22) PARAM (prior_31) PARAM (prior_32) PARAM (prior_41) PARAM (prior_41_uneven) PARAM (lexical)
          PARAM (mismatch) PARAM (length) PARAM (variance) PARAM (paragraph) PARAM (unmatched) PARAM (absorb)
          PARAM (suspect) PARAM (suspect_min) PARAM (suspect_ratio) PARAM (suspect_close) PARAM (suspect_close_min) PARAM (length_df) PARAM (corner) PARAM (corner_ratio) PARAM (absorb_agreed) PARAM (agreed_min) PARAM (length_cap)
          PARAM (refine) PARAM (refine_margin) PARAM (refine_row) PARAM (length_alt) PARAM (length_unlike) PARAM (vote)
#undef PARAM
          if (g_str_equal (kv[0], "band"))
            params.band = (int)value;
        }
      g_once_init_leave (&loaded, 1);
    }
}

/* Beads: sentences taken from each side. */
static const struct { guint8 a, b; } beads[] = {
  { 1, 1 }, { 1, 0 }, { 0, 1 }, { 2, 1 }, { 1, 2 }, { 2, 2 }, { 3, 1 }, { 1, 3 },
  { 3, 2 }, { 2, 3 }, { 4, 1 }, { 1, 4 },
};
#define N_BEADS G_N_ELEMENTS (beads)
#define MAX_BEAD 4

typedef enum
{
  KIND_WORD,
  KIND_NAME,
  KIND_NUMBER,
  KIND_MONTH,
  KIND_PUNCT,
  KIND_TRANSLATION,
} FeatureKind;

static const double kind_weight[] = {
  [KIND_WORD] = 1.0,
  [KIND_NAME] = 1.5,
  [KIND_NUMBER] = 2.5,
  [KIND_MONTH] = 1.5,
  [KIND_PUNCT] = 0.4,
  [KIND_TRANSLATION] = 0.8,
};

/* The input: a snapshot of a document. */

struct _TriAlignInput
{
  char    *language;
  GPtrArray *sentences;   /* char *, white space folded */
  guint   *paragraphs;
  /* Until the aligner folds them (in its thread): the document's text
   * and its sentences' bounds, or NULL. */
  char    *text;
  GArray  *spans;         /* TriSentence */
};

/* The sentences' white space folded, where the aligner runs: folding
 * three versions of 20,000 sentences took the main loop 100–200 ms when
 * tri_aligner_align_async() did it. */
static void
input_fold (TriAlignInput *input)
{
  if (input->text == NULL)
    return;
  for (guint i = 0; i < input->spans->len; i++)
    {
      const TriSentence *span = &g_array_index (input->spans, TriSentence, i);

      g_ptr_array_add (input->sentences, tri_fold_whitespace (input->text + span->start,
                                                              (gssize)(span->end - span->start)));
    }
  g_clear_pointer (&input->text, g_free);
  g_clear_pointer (&input->spans, g_array_unref);
}

/**
 * tri_align_input_new:
 * @language: the language code
 * @sentences: (array length=n_sentences): the sentences
 * @paragraphs: (array length=n_sentences) (nullable): each sentence's paragraph
 * @n_sentences: their number
 *
 * Returns: (transfer full): an input for the aligner
 */
TriAlignInput *
tri_align_input_new (const char         *language,
                     const char * const *sentences,
                     const guint        *paragraphs,
                     guint               n_sentences)
{
  TriAlignInput *input = g_new0 (TriAlignInput, 1);

  input->language = g_strdup (language);
  input->sentences = g_ptr_array_new_full (n_sentences, g_free);
  input->paragraphs = g_new0 (guint, n_sentences + 1);
  for (guint i = 0; i < n_sentences; i++)
    {
      g_ptr_array_add (input->sentences, g_strdup (sentences[i]));
      input->paragraphs[i] = paragraphs != NULL ? paragraphs[i] : 0;
    }

  return input;
}

/**
 * tri_align_input_new_from_document:
 * @document: a #TriDocument
 *
 * Returns: (transfer full): a snapshot of @document's sentences
 */
TriAlignInput *
tri_align_input_new_from_document (TriDocument *document)
{
  TriAlignInput *input = g_new0 (TriAlignInput, 1);
  guint n = tri_document_get_n_sentences (document);

  input->language = g_strdup (tri_document_get_language (document));
  input->sentences = g_ptr_array_new_full (n, g_free);
  input->paragraphs = g_new0 (guint, n + 1);
  input->text = g_strdup (tri_document_get_text (document));
  input->spans = g_array_sized_new (FALSE, FALSE, sizeof (TriSentence), n);
  for (guint i = 0; i < n; i++)
    {
      const TriSentence *sentence = tri_document_get_sentence (document, i);

      g_array_append_vals (input->spans, sentence, 1);
      input->paragraphs[i] = sentence->paragraph;
    }

  return input;
}

/**
 * tri_align_input_fold:
 * @input: an input made by tri_align_input_new_from_document()
 *
 * Folds the white space of @input's sentences now, in the calling thread,
 * rather than in the aligner's: a caller that reads several documents in
 * threads of its own folds each where it was read.
 */
void
tri_align_input_fold (TriAlignInput *input)
{
  g_return_if_fail (input != NULL);

  input_fold (input);
}

void
tri_align_input_free (TriAlignInput *input)
{
  if (input == NULL)
    return;

  g_free (input->language);
  g_ptr_array_unref (input->sentences);
  g_free (input->paragraphs);
  g_free (input->text);
  g_clear_pointer (&input->spans, g_array_unref);
  g_free (input);
}

guint
tri_align_input_get_n_sentences (TriAlignInput *input)
{
  return input->spans != NULL ? input->spans->len : input->sentences->len;
}

const char *
tri_align_input_get_language (TriAlignInput *input)
{
  return input->language;
}

/* Features */

typedef struct
{
  GHashTable *ids;        /* key → id + 1 */
  GArray     *kinds;      /* guint8 per id */
} FeatureSpace;

static guint32
feature_id (FeatureSpace *space,
            const char   *key,
            FeatureKind   kind)
{
  gpointer value = g_hash_table_lookup (space->ids, key);
  guint8 k = kind;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  g_hash_table_insert (space->ids, g_strdup (key), GUINT_TO_POINTER (space->kinds->len + 1));
  g_array_append_val (space->kinds, k);
  return space->kinds->len - 1;
}

/* "Hrytsenko" → "grtsnk" → "grksn"… : the consonants of a transliterated
 * word, with the spellings that differ between English, Russian and
 * Ukrainian romanisation merged (h/g/kh, ts/c/k, z/s, y/i/j), at most five
 * letters so that inflection at the end hardly matters. */
static gboolean
skeleton (const char *ascii,
          char       *out,
          gsize       size)
{
  static const struct { const char *from; char to; } digraphs[] = {
    { "shch", 's' }, { "sch", 's' }, { "sh", 's' }, { "ch", 'c' }, { "zh", 'z' },
    { "kh", 'g' }, { "ts", 'c' }, { "tz", 'c' }, { "ph", 'f' }, { "th", 't' }, { "ck", 'k' },
  };
  char buf[64];
  gsize n = 0, o = 0;

  for (const char *p = ascii; *p && n < sizeof buf - 1; )
    {
      gboolean matched = FALSE;
      char c;

      for (guint i = 0; i < G_N_ELEMENTS (digraphs); i++)
        if (p[0] == digraphs[i].from[0] && g_str_has_prefix (p, digraphs[i].from))
          {
            buf[n++] = digraphs[i].to;
            p += strlen (digraphs[i].from);
            matched = TRUE;
            break;
          }
      if (matched)
        continue;

      c = *p++;
      switch (c)
        {
        case 'h': c = 'g'; break;
        case 'w': c = 'v'; break;
        case 'q': c = 'k'; break;
        case 'x': c = 'k'; break;
        case 'z': c = 's'; break;
        case 'c': c = 'k'; break;
        case 'j': case 'y': c = 'i'; break;
        default: break;
        }
      if (c >= 'a' && c <= 'z')
        buf[n++] = c;
    }
  buf[n] = '\0';

  for (gsize i = 0; i < n && o < MIN (size - 1, 5); i++)
    {
      char c = buf[i];
      gboolean vowel = strchr ("aeiou", c) != NULL;

      if (i > 0 && vowel)
        continue;
      if (c == 'c')
        c = 'k';
      if (o > 0 && out[o - 1] == c)
        continue;
      out[o++] = c;
    }
  out[o] = '\0';

  return o >= 2;
}

typedef struct
{
  guint32  skeleton;      /* G_MAXUINT32 when none */
  guint32 *translations;
  guint    n_translations;
  gint8    month;         /* 1–12, or 0 */
  guint32  name_id;       /* its feature as a name, once looked up; else G_MAXUINT32 */
  guint32  month_id;      /* the same for the month */
} WordInfo;

/* A word as written and its WordInfo: FormTable's slots. */
typedef struct
{
  char     *form;
  guint32   len;
  guint32   hash;
  WordInfo *word;     /* NULL: an empty slot */
} FormSlot;

/* Word forms → WordInfo, looked up for every word of every sentence with
 * the bytes of the text (no copy, no NUL) and hashed eight bytes at a
 * time: a GHashTable of strings spent 200 instructions a word. Open
 * addressing, linear probing, at most half full. */
typedef struct
{
  FormSlot *slots;
  guint     mask;
  guint     n;
} FormTable;

static guint64
form_hash (const char *form,
           gsize       len)
{
  guint64 h = (len + 1) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  while (len > 0)
    {
      guint64 w = 0;
      gsize n = MIN (len, sizeof w);

      memcpy (&w, form, n);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 32;
      form += n;
      len -= n;
    }
  return h;
}

static void
form_table_init (FormTable *table)
{
  table->mask = 1023;
  table->n = 0;
  table->slots = g_new0 (FormSlot, table->mask + 1);
}

static void
form_table_clear (FormTable *table)
{
  for (guint i = 0; i <= table->mask; i++)
    g_free (table->slots[i].form);
  g_clear_pointer (&table->slots, g_free);
}

/* The slot of @form: its own, or the empty one where it would go. */
static FormSlot *
form_table_find (const FormTable *table,
                 const char      *form,
                 gsize            len,
                 guint32          hash)
{
  for (guint i = hash & table->mask;; i = (i + 1) & table->mask)
    {
      FormSlot *slot = &table->slots[i];

      if (slot->word == NULL ||
          (slot->hash == hash && slot->len == len && memcmp (slot->form, form, len) == 0))
        return slot;
    }
}

static void
form_table_add (FormTable  *table,
                const char *form,
                gsize       len,
                WordInfo   *word)
{
  guint32 hash = (guint32)form_hash (form, len);
  FormSlot *slot;

  if (2 * (table->n + 1) > table->mask + 1)
    {
      FormSlot *old = table->slots;
      guint old_mask = table->mask;

      table->mask = table->mask * 2 + 1;
      table->slots = g_new0 (FormSlot, table->mask + 1);
      for (guint i = 0; i <= old_mask; i++)
        if (old[i].word != NULL)
          *form_table_find (table, old[i].form, old[i].len, old[i].hash) = old[i];
      g_free (old);
    }
  slot = form_table_find (table, form, len, hash);
  g_assert (slot->word == NULL);
  slot->form = g_strndup (form, len);
  slot->len = (guint32)len;
  slot->hash = hash;
  slot->word = word;
  table->n++;
}

/* Per language: a transliterator and what is known of each word form. */
typedef struct
{
  char                  *language;
  UTransliterator       *trans;
  char                   cyrillic;       /* 'r' Russian, 'u' Ukrainian: romanise_cyrillic() */
  GHashTable            *words;          /* lower-case word → WordInfo */
  FormTable              forms;          /* a word as written → its WordInfo in @words */
  GHashTable            *skeletons;      /* lower-case word → its skeleton, "" if none */
  GPtrArray             *dictionaries;   /* TriDictionary *, translations of this language's words */
  GPtrArray             *dict_languages; /* the language of each dictionary's translations */
  GHashTable            *lemma_stems;    /* Apertium: a lemma's stem → the lemma (lookup_lemma()) */
  TriMonths             *months;         /* shared, never freed */
} LanguageInfo;

static void
word_info_free (gpointer data)
{
  WordInfo *info = data;

  g_free (info->translations);
  g_free (info);
}

/* Opening a transliterator compiles its rules (50 million instructions
 * for Russian's): each language's is opened once per process, and runs
 * get clones of it. */
G_LOCK_DEFINE_STATIC (transliterators);
static GHashTable *transliterators;   /* base language → UTransliterator *, or NULL */

static UTransliterator *open_transliterator_uncached (const char *base);

static UTransliterator *
open_transliterator (const char *language)
{
  g_autofree char *base = tri_language_get_base (language);
  UTransliterator *proto, *trans = NULL;

  G_LOCK (transliterators);
  if (transliterators == NULL)
    transliterators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (transliterators, base, NULL, (gpointer *)&proto))
    {
      proto = open_transliterator_uncached (base);
      g_hash_table_insert (transliterators, g_strdup (base), proto);
    }
  if (proto != NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      trans = utrans_clone (proto, &status);
      if (U_FAILURE (status))
        trans = NULL;
    }
  G_UNLOCK (transliterators);

  return trans;
}

static UTransliterator *
open_transliterator_uncached (const char *base)
{
  const char *script_part;
  g_autofree char *id = NULL;
  g_autofree UChar *id16 = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *trans;

  if (g_str_equal (base, "uk"))
    script_part = "Ukrainian-Latin/BGN; ";
  else if (g_str_equal (base, "ru"))
    script_part = "Russian-Latin/BGN; ";
  else
    script_part = "Any-Latin; ";

  id = g_strdup_printf ("%sLatin-ASCII; Lower", script_part);
  id16 = g_utf8_to_utf16 (id, -1, NULL, NULL, NULL);
  trans = utrans_openU (id16, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    {
      g_debug ("No transliterator %s: %s", id, u_errorName (status));
      return NULL;
    }
  return trans;
}

static LanguageInfo *
language_info_new (const char *language)
{
  LanguageInfo *info = g_new0 (LanguageInfo, 1);

  info->language = g_strdup (language);
  info->trans = open_transliterator (language);
  {
    g_autofree char *base = tri_language_get_base (language);

    info->cyrillic = g_str_equal (base, "ru") ? 'r' : g_str_equal (base, "uk") ? 'u' : 0;
  }
  info->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_info_free);
  form_table_init (&info->forms);
  info->skeletons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  info->dictionaries = g_ptr_array_new_with_free_func ((GDestroyNotify)tri_dictionary_unref);
  info->dict_languages = g_ptr_array_new_with_free_func (g_free);
  info->months = tri_months_get (info->language);
  return info;
}

static void
language_info_free (LanguageInfo *info)
{
  if (info->trans != NULL)
    utrans_close (info->trans);
  form_table_clear (&info->forms);
  g_hash_table_unref (info->words);
  g_hash_table_unref (info->skeletons);
  g_ptr_array_unref (info->dictionaries);
  g_ptr_array_unref (info->dict_languages);
  g_clear_pointer (&info->lemma_stems, g_hash_table_unref);
  g_free (info->language);
  g_free (info);
}

/* A mark per feature id: the ids already met in this sentence. */
typedef struct
{
  guint32 *marks;
  guint    size;
  guint32  stamp;
} FeatureMarks;

/* The alignment run: languages, features and the user's word list. */
typedef struct
{
  FeatureSpace   space;
  GHashTable    *languages;     /* code → LanguageInfo */
  TriDictionary *user_dictionary;
  GArray        *groups;        /* a sentence's word groups, while they are read */
  FeatureMarks   marks;         /* ... and its feature ids met so far */
  /* how far the run is: the share of the work this stage covers */
  gint          *progress;
  TriAlignProgress progress_callback;
  gpointer       progress_data;
  double         stage_from;
  double         stage_to;
} Context;

static LanguageInfo *
context_language (Context    *ctx,
                  const char *language)
{
  LanguageInfo *info = g_hash_table_lookup (ctx->languages, language);

  if (info == NULL)
    {
      info = language_info_new (language);
      g_hash_table_insert (ctx->languages, g_strdup (language), info);
    }
  return info;
}

/* @lower, a lower-case Russian (@language 'r') or Ukrainian ('u') word,
 * as ICU's "Russian-Latin/BGN; Latin-ASCII; Lower" (or Ukrainian) writes
 * it, cut as skeleton_id() cuts it — a table instead of ICU's rules, which
 * cost tens of thousands of instructions a word. FALSE for a word with any
 * other character or too long: ICU does those. */
static gboolean
romanise_cyrillic (char        language,
                   const char *lower,
                   char       *out,
                   gsize       size)
{
  /* а … я, then ё, є, і, ї, ґ; NULL where the language lacks the letter */
  static const char *const ru[] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "\"", "y", "'", "e", "yu", "ya",
    "e", NULL, NULL, NULL, NULL,
  };
  static const char *const uk[] = {
    "a", "b", "v", "h", "d", "e", "zh", "z", "y", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", NULL, NULL, "'", NULL, "yu", "ya",
    NULL, "ye", "i", "yi", "g",
  };
  const char *const *table = language == 'r' ? ru : uk;
  gunichar prev = 0;
  gsize n = 0, chars = 0;

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int index;
      const char *piece;
      gboolean dot = FALSE;

      if (c >= 0x0430 && c <= 0x044F)
        index = c - 0x0430;
      else if (c == 0x0451 || c == 0x0454 || c == 0x0456 || c == 0x0457)
        index = c == 0x0451 ? 32 : c == 0x0454 ? 33 : c == 0x0456 ? 34 : 35;
      else if (c == 0x0491)
        index = 36;
      else
        return FALSE;
      piece = table[index];
      if (piece == NULL)
        return FALSE;

      if (language == 'r')
        {
          gboolean after_vowel = prev != 0 && g_utf8_strchr ("аеёиоуюя", -1, prev) != NULL;

          if (c == 0x0435 || c == 0x0451)      /* е ё */
            piece = prev == 0 || after_vowel || g_utf8_strchr ("ыйъь", -1, prev) != NULL ? "ye" : "e";
          else if (c == 0x044B)                /* ы */
            dot = after_vowel || prev == 0x044B || prev == 0x0439;
          else if (c == 0x044D)                /* э */
            dot = prev != 0 && !after_vowel;
          else if (c == 0x0430 || c == 0x0443) /* а у after й ы */
            dot = prev == 0x0439 || prev == 0x044B;
        }
      else if (c == 0x0433)                    /* г after з к с ц */
        dot = g_utf8_strchr ("зксц", -1, prev) != NULL && prev != 0;
      if ((c == 0x0441 && prev == 0x0442) ||   /* тс */
          (c == 0x0447 && prev == 0x0448))     /* шч */
        dot = TRUE;

      if (n + strlen (piece) + 3 >= MIN (size, 100))
        return FALSE;
      if (dot)
        {
          out[n++] = (char)0xC2;               /* · */
          out[n++] = (char)0xB7;
          chars++;
        }
      memcpy (out + n, piece, strlen (piece));
      n += strlen (piece);
      chars += strlen (piece);
      prev = c;
    }

  /* skeleton_id() ends ICU's result at its length in UTF-16 units. */
  out[MIN (n, chars)] = '\0';
  return TRUE;
}

/* The skeleton key of @lower, a lower-case word of @info's language. */
static guint32
skeleton_id (Context      *ctx,
             LanguageInfo *info,
             const char   *lower,
             FeatureKind   kind)
{
  char ascii[128];
  char skel[8];
  gboolean is_ascii = TRUE;
  const char *known;

  /* A word form's skeleton, once per language: the transliteration is the
   * costly part, and dictionary translations repeat (зерно for grain and
   * for corn). */
  known = g_hash_table_lookup (info->skeletons, lower);
  if (known != NULL)
    return known[0] != '\0' ? feature_id (&ctx->space, known, kind) : G_MAXUINT32;

  for (const char *p = lower; *p; p++)
    if ((guchar)*p >= 0x80)
      is_ascii = FALSE;

  skel[0] = '\0';
  if (is_ascii || info->trans == NULL)
    g_strlcpy (ascii, lower, sizeof ascii);
  else if (info->cyrillic == 0 || !romanise_cyrillic (info->cyrillic, lower, ascii, sizeof ascii))
    {
      UChar buf[128];
      int32_t len = 0, limit;
      UErrorCode status = U_ZERO_ERROR;

      ascii[0] = '\0';
      u_strFromUTF8 (buf, G_N_ELEMENTS (buf) - 1, &len, lower, -1, &status);
      if (U_SUCCESS (status))
        {
          limit = len;
          utrans_transUChars (info->trans, buf, &len, G_N_ELEMENTS (buf) - 1, 0, &limit, &status);
          if (U_SUCCESS (status))
            u_strToUTF8 (ascii, sizeof ascii - 1, NULL, buf, limit, &status);
          if (U_SUCCESS (status))
            ascii[MIN (limit, (int32_t)sizeof ascii - 1)] = '\0';
          else
            ascii[0] = '\0';
        }
    }

  if (ascii[0] == '\0' || !skeleton (ascii, skel, sizeof skel))
    skel[0] = '\0';
  g_hash_table_insert (info->skeletons, g_strdup (lower), g_strdup (skel));

  return skel[0] != '\0' ? feature_id (&ctx->space, skel, kind) : G_MAXUINT32;
}

/* The Apertium lemmas of an inflected Russian or Ukrainian @lower (in
 * @dict, @info's only such dictionary): its last one to three letters
 * replaced by a dictionary form's ending (правительства → правительство,
 * уряду → уряд, заявил → заявить), the endings in the order below, the
 * shortest cut first. The lemmas' stems are indexed once a run. */
static const char * const *
lookup_lemma (LanguageInfo  *info,
              TriDictionary *dict,
              const char    *lower,
              guint         *n)
{
  static const char * const endings[] = {
    "", "а", "я", "о", "е", "ь", "й", "ий", "ый", "ой", "ть", "ти", "ать", "ить", "ати", "ити", "іти",
    "еть", "ять", "ення", "ние", "ння",
  };
  glong len = g_utf8_strlen (lower, -1);

  *n = 0;
  if (info->lemma_stems == NULL)
    {
      g_autoptr(GPtrArray) lemmas = tri_dictionary_get_headwords (dict);

      info->lemma_stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
        for (guint k = 0; k < lemmas->len; k++)
          {
            const char *lemma = g_ptr_array_index (lemmas, k);
            gsize stem = strlen (lemma) - strlen (endings[e]);

            if (g_str_has_suffix (lemma, endings[e]) && g_utf8_strlen (lemma, stem) >= 3)
              {
                g_autofree char *key = g_strndup (lemma, stem);

                if (!g_hash_table_contains (info->lemma_stems, key))
                  g_hash_table_insert (info->lemma_stems, g_steal_pointer (&key), g_strdup (lemma));
              }
          }
    }

  for (glong cut = 1; cut <= 3 && len - cut >= 3; cut++)
    {
      const char *end = g_utf8_offset_to_pointer (lower, len - cut);
      g_autofree char *stem = g_strndup (lower, end - lower);
      const char *lemma = g_hash_table_lookup (info->lemma_stems, stem);

      if (lemma != NULL)
        return tri_dictionary_lookup (dict, lemma, n);
    }
  return NULL;
}

static WordInfo *
lookup_word (Context      *ctx,
             LanguageInfo *info,
             const char   *lower)
{
  WordInfo *word = g_hash_table_lookup (info->words, lower);

  if (word != NULL)
    return word;

  word = g_new0 (WordInfo, 1);
  word->name_id = word->month_id = G_MAXUINT32;
  word->skeleton = g_utf8_strlen (lower, -1) >= 3 ? skeleton_id (ctx, info, lower, KIND_WORD) : G_MAXUINT32;
  word->month = (gint8)tri_months_lookup (info->months, lower, FALSE);

  /* Translations from the dictionaries, as skeletons of their language. */
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));

    for (guint d = 0; d < info->dictionaries->len; d++)
      {
        TriDictionary *dict = g_ptr_array_index (info->dictionaries, d);
        LanguageInfo *target = context_language (ctx, g_ptr_array_index (info->dict_languages, d));
        guint n = 0;
        const char * const *translations;

        /* Apertium's Russian–Ukrainian lemmas of words shorter than four
         * letters are function words (що → что, та → и) that English's
         * translations meet everywhere: noise, not evidence. */
        if (info->cyrillic != 0 && target->cyrillic != 0 && dict != ctx->user_dictionary &&
            g_utf8_strlen (lower, -1) < 4)
          continue;
        translations = tri_dictionary_lookup (dict, lower, &n);
        if (n == 0 && info->cyrillic != 0 && target->cyrillic != 0 && dict != ctx->user_dictionary)
          translations = lookup_lemma (info, dict, lower, &n);

        for (guint t = 0; t < n; t++)
          {
            guint32 id = skeleton_id (ctx, target, translations[t], KIND_TRANSLATION);

            if (id != G_MAXUINT32 && id != word->skeleton)
              g_array_append_val (ids, id);
          }
      }

    word->n_translations = ids->len;
    word->translations = (guint32 *)(gpointer)g_array_free (g_steal_pointer (&ids), FALSE);
  }

  g_hash_table_insert (info->words, g_strdup (lower), word);
  return word;
}

/* What is known of the word @form (@len bytes, as written): the forms of
 * a document repeat, so each is lower-cased and looked up once. */
static WordInfo *
lookup_form (Context      *ctx,
             LanguageInfo *info,
             const char   *form,
             gsize         len)
{
  g_autofree char *lower = NULL;
  gboolean ascii = TRUE;
  WordInfo *word;

  word = form_table_find (&info->forms, form, len, (guint32)form_hash (form, len))->word;
  if (word != NULL)
    return word;

  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guchar)form[i] < 0x80;
  /* The same result for ASCII, many times faster. */
  lower = ascii ? g_ascii_strdown (form, len) : g_utf8_strdown (form, len);
  word = lookup_word (ctx, info, lower);
  form_table_add (&info->forms, form, len, word);
  return word;
}

typedef struct
{
  guint32 *features;   /* sorted, unique */
  guint    n_features;
  /* The features word by word, packed: a count, then that many ids. A
   * word weighs as much as its best match, not as all its dictionary
   * senses together (item_mass()). */
  guint32 *groups;
  guint    n_groups;   /* guint32s in @groups */
  guint    length;     /* characters */
  guint    length_alt; /* a row of two versions of unlike length: the longer's (else 0) */
  gboolean par_end;    /* last sentence of its paragraph */
  gboolean agreed;     /* a row of two versions that translate each other */
} Item;

/* Feature ids of one sentence: a few dozen, sorted for every sentence, so
 * an inlined sort (quicksort, insertion sort below 16) rather than qsort()'s
 * callback per comparison. */
static void
sort_u32 (guint32 *v,
          guint    n)
{
  while (n > 16)
    {
      guint32 pivot = v[n / 2];
      guint i = 0, j = n - 1;

      for (;;)
        {
          while (v[i] < pivot)
            i++;
          while (v[j] > pivot)
            j--;
          if (i >= j)
            break;
          {
            guint32 t = v[i];
            v[i] = v[j];
            v[j] = t;
          }
          i++;
          j--;
        }
      /* Recurse on the smaller side, loop on the larger. */
      if (j + 1 < n - j - 1)
        {
          sort_u32 (v, j + 1);
          v += j + 1;
          n -= j + 1;
        }
      else
        {
          sort_u32 (v + j + 1, n - j - 1);
          n = j + 1;
        }
    }

  for (guint i = 1; i < n; i++)
    {
      guint32 x = v[i];
      guint k = i;

      while (k > 0 && v[k - 1] > x)
        {
          v[k] = v[k - 1];
          k--;
        }
      v[k] = x;
    }
}

/* Sorts @v and drops repeats; returns how many are left. */
static guint
sort_unique_u32 (guint32 *v,
                 guint    n)
{
  guint u = 0;

  sort_u32 (v, n);
  for (guint k = 0; k < n; k++)
    if (u == 0 || v[k] != v[u - 1])
      v[u++] = v[k];
  return u;
}

/* The union of sorted @x and @y (each without repeats) into @out, sorted
 * and without repeats; returns its size. */
static guint
merge_unique_u32 (const guint32 *x,
                  guint          nx,
                  const guint32 *y,
                  guint          ny,
                  guint32       *out)
{
  guint p = 0, q = 0, n = 0;

  while (p < nx && q < ny)
    {
      if (x[p] < y[q])
        out[n++] = x[p++];
      else if (x[p] > y[q])
        out[n++] = y[q++];
      else
        {
          out[n++] = x[p++];
          q++;
        }
    }
  while (p < nx)
    out[n++] = x[p++];
  while (q < ny)
    out[n++] = y[q++];
  return n;
}

/* A group's count, with this bit set when its first id is the word's own
 * form (its skeleton) and the others its translations. */
#define GROUP_OWN 0x80000000u
#define GROUP_COUNT(c) ((c) & ~GROUP_OWN)

/* Gives @item (copies of) the word groups in @groups, and their feature
 * ids, sorted and without repeats, as its features. With @marks (for ids
 * below @n_ids), the repeats (a word that comes back, a translation two
 * words share: a quarter of a sentence's ids) are dropped before the
 * sort rather than after it. */
static void
item_set_groups (Item         *item,
                 const GArray *groups,
                 FeatureMarks *marks,
                 guint         n_ids)
{
  const guint32 *v = (const guint32 *)(gpointer)groups->data;
  guint n = 0;

  item->features = g_new (guint32, groups->len + 1);
  if (marks != NULL)
    {
      if (marks->size < n_ids)
        {
          guint size = MAX (n_ids, 2 * marks->size);

          marks->marks = g_renew (guint32, marks->marks, size);
          memset (marks->marks + marks->size, 0, (size - marks->size) * sizeof (guint32));
          marks->size = size;
        }
      if (++marks->stamp == 0)
        {
          memset (marks->marks, 0, marks->size * sizeof (guint32));
          marks->stamp = 1;
        }
      for (guint g = 0; g < groups->len; g += GROUP_COUNT (v[g]) + 1)
        for (guint k = 0; k < GROUP_COUNT (v[g]); k++)
          if (marks->marks[v[g + 1 + k]] != marks->stamp)
            {
              marks->marks[v[g + 1 + k]] = marks->stamp;
              item->features[n++] = v[g + 1 + k];
            }
      sort_u32 (item->features, n);
      item->n_features = n;
    }
  else
    {
      for (guint g = 0; g < groups->len; g += GROUP_COUNT (v[g]) + 1)
        for (guint k = 0; k < GROUP_COUNT (v[g]); k++)
          item->features[n++] = v[g + 1 + k];
      item->n_features = sort_unique_u32 (item->features, n);
    }
  item->n_groups = groups->len;
  item->groups = g_memdup2 (groups->data, groups->len * sizeof (guint32));
}

/* item_set_groups() for groups that are @base's with some ids added
 * (@extra, @n_extra of them, in any order, overwritten): the sorted
 * features of @base merged with the added ids, sorted, rather than all
 * sorted again. */
static void
item_add_groups (Item         *item,
                 const Item   *base,
                 const GArray *groups,
                 guint32      *extra,
                 guint         n_extra)
{
  n_extra = sort_unique_u32 (extra, n_extra);
  item->features = g_new (guint32, base->n_features + n_extra + 1);
  item->n_features = merge_unique_u32 (base->features, base->n_features, extra, n_extra, item->features);
  item->n_groups = groups->len;
  item->groups = g_memdup2 (groups->data, groups->len * sizeof (guint32));
}

/* Appends a group of one id to @groups. */
static inline void
add_single (GArray  *groups,
            guint32  id)
{
  guint32 group[2] = { 1 | GROUP_OWN, id };

  g_array_append_vals (groups, group, 2);
}

/* The end of the word that starts at @p: letters and marks, with
 * apostrophes between letters. */
static const char *
word_end (const char *p)
{
  while (*p)
    {
      gunichar c;
      const char *next;

      /* ASCII and Cyrillic letters (А … я) first: most of the text */
      if (g_ascii_isalpha (*p) ||
          ((guchar)p[0] == 0xD0 && (guchar)p[1] >= 0x90 && (guchar)p[1] <= 0xBF) ||
          ((guchar)p[0] == 0xD1 && (guchar)p[1] >= 0x80 && (guchar)p[1] <= 0x8F))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      /* Other ASCII: no letter, no mark; an apostrophe between letters */
      if ((guchar)*p < 0x80)
        {
          if (*p == '\'' && g_unichar_isalpha (g_utf8_get_char (p + 1)))
            {
              p++;
              continue;
            }
          break;
        }

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        p = next;
      else if ((c == '\'' || c == 0x2019 || c == 0x02BC) && g_unichar_isalpha (g_utf8_get_char (next)))
        p = next;
      else
        break;
    }
  return p;
}

static void
sentence_features (Context      *ctx,
                   LanguageInfo *info,
                   const char   *text,
                   Item         *item)
{
  GArray *groups = ctx->groups;
  g_autoptr(GString) token = NULL;   /* a number's digits; most sentences have none */
  gboolean first_word = TRUE;
  const char *p = text;

  item->length = (guint)g_utf8_strlen (text, -1);
  g_array_set_size (groups, 0);

  while (*p)
    {
      /* (ASCII without a Unicode lookup: the same answers) */
      guchar b = (guchar)*p;
      gunichar ch = b < 0x80 ? b : g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          char key[64];

          if (token == NULL)
            token = g_string_new (NULL);
          g_string_assign (token, "");
          p = tri_number_read (p, token);
          g_snprintf (key, sizeof key, "#%s", token->str);
          {
            add_single (groups, feature_id (&ctx->space, key, KIND_NUMBER));
          }
          first_word = FALSE;
          continue;
        }

      if (b < 0x80 ? g_ascii_isalpha (b) : g_unichar_isalpha (ch))
        {
          const char *start = p;
          /* (the title-case letters lie in U+01C5 … U+01F2 and U+1F88 …
           * U+1FFC; g_unichar_istitle() searches a table) */
          gboolean capital = b < 0x80 ? g_ascii_isupper (b)
                             : g_unichar_isupper (ch) ||
                               (((ch >= 0x01C5 && ch <= 0x01F2) || (ch >= 0x1F88 && ch <= 0x1FFC)) &&
                                g_unichar_istitle (ch));
          WordInfo *word;

          p = word_end (p);

          word = lookup_form (ctx, info, start, p - start);

          /* The word's form and its translations: one group. */
          if (word->skeleton != G_MAXUINT32 || word->n_translations > 0)
            {
              guint32 count = word->n_translations;
              guint own = word->skeleton != G_MAXUINT32 ? 1 : 0;
              guint at = groups->len;
              guint32 *v;

              if (own)
                count = (count + 1) | GROUP_OWN;
              /* one resize, not three appends */
              g_array_set_size (groups, at + 1 + own + word->n_translations);
              v = &g_array_index (groups, guint32, at);
              v[0] = count;
              if (own)
                v[1] = word->skeleton;
              if (word->n_translations > 0)
                memcpy (v + 1 + own, word->translations, word->n_translations * sizeof (guint32));
            }

          /* A capitalised word inside the sentence is likely a name:
           * count its skeleton a second time, as a name. */
          if (word->skeleton != G_MAXUINT32 && capital && !first_word)
            {
              if (word->name_id == G_MAXUINT32)
                {
                  char key[16];

                  g_snprintf (key, sizeof key, "N%u", word->skeleton);
                  word->name_id = feature_id (&ctx->space, key, KIND_NAME);
                }
              add_single (groups, word->name_id);
            }
          if (word->month > 0)
            {
              if (word->month_id == G_MAXUINT32)
                {
                  char key[8];

                  g_snprintf (key, sizeof key, "@%d", word->month);
                  word->month_id = feature_id (&ctx->space, key, KIND_MONTH);
                }
              add_single (groups, word->month_id);
            }

          first_word = FALSE;
          continue;
        }

      if (ch == '?' || ch == '!' || ch == 0x00AB || ch == 0x201C || ch == '"' || ch == 0x201E)
        {
          const char *key = ch == '?' ? "?" : ch == '!' ? "!" : "\"";
          add_single (groups, feature_id (&ctx->space, key, KIND_PUNCT));
        }

      p = g_utf8_next_char (p);
    }

  item_set_groups (item, groups, &ctx->marks, ctx->space.kinds->len);
}

/* A sequence to align: a document's sentences, or the rows of an earlier
 * alignment (each row an item carrying the features of all its sentences). */
typedef struct
{
  Item  *items;
  guint  n;
} Sequence;

static void
sequence_clear (Sequence *seq)
{
  for (guint i = 0; i < seq->n; i++)
    {
      g_free (seq->items[i].features);
      g_free (seq->items[i].groups);
    }
  g_free (seq->items);
  seq->items = NULL;
  seq->n = 0;
}

/* What a bead's cost takes from the prefix sums, for one of its sides:
 * the sentences' mass and length, the paragraph ends before the last one
 * and whether the last one ends a paragraph. Kept in a table by the end
 * and the number of sentences (see bead_sides()), read by every bead of
 * the DP that gets past its first test. */
/* Lengths below this have their length_cost() kept in a table (see
 * length_cost_cached()). */
#define LENGTH_TABLE 512

typedef struct
{
  double   mass;
  double   length;
  guint    short_length; /* length if a whole number below LENGTH_TABLE, else G_MAXUINT */
  double   length_alt;   /* with the longer version's length for rows that have one (else NAN) */
  guint    inner;
  gboolean par_end;
} BeadSide;

/* The sides of the beads that end at 0 … @n, one to MAX_BEAD sentences
 * long (zero where there are not that many). */
static void
bead_sides (const double *sum_mass,
            const double *sum_len,
            const guint  *sum_par,
            const Item   *items,
            guint         n,
            BeadSide     *sides)
{
  for (guint end = 0; end <= n; end++)
    for (guint count = 1; count <= MAX_BEAD; count++)
      {
        BeadSide *side = &sides[end * MAX_BEAD + count - 1];

        if (count > end)
          {
            memset (side, 0, sizeof *side);
            continue;
          }
        side->mass = sum_mass[end] - sum_mass[end - count];
        side->length = sum_len[end] - sum_len[end - count];
        side->short_length = side->length < LENGTH_TABLE && (guint)side->length == side->length
                             ? (guint)side->length : G_MAXUINT;
        side->inner = sum_par[end - 1] - sum_par[end - count];
        side->par_end = items[end - 1].par_end;
        {
          double alt = 0;
          gboolean unlike = FALSE;

          for (guint x = end - count; x < end; x++)
            {
              unlike |= items[x].length_alt > 0;
              alt += items[x].length_alt > 0 ? items[x].length_alt : items[x].length;
            }
          side->length_alt = unlike ? alt : NAN;
        }
      }
}

/* Pair alignment */

typedef struct
{
  guint32 *ids;
  guint    n;
} Shared;

typedef struct
{
  const Item *a;
  const Item *b;
  guint       n, m;
  /* each item's features that occur in the other sequence too: the only
   * ones that can match, often a tenth of them (dictionary translations) */
  Shared     *shared_a;
  Shared     *shared_b;
  /* pair_sim() of the cells near the band, row by row */
  float      *sim;
  gsize      *sim_row;
  guint      *sim_lo;
  guint      *sim_hi;
  guint       n_features;  /* ids in the feature space when the pair was made */
  double     *weight;      /* per feature id: IDF in these two sequences, 0 if not shared */
  double     *mass_a;      /* per item: total weight of its shared features */
  double     *mass_b;
  double     *matchable_a; /* per item: the weight of its features found in the other text */
  double     *matchable_b;
  /* prefix sums over the items, for beads: [i] = sum over items < i */
  double     *sum_len_a, *sum_len_b;
  double     *sum_mass_a, *sum_mass_b;
  guint      *sum_par_a, *sum_par_b;
  /* the sides of the beads that end at each item, k = 1 … MAX_BEAD
   * sentences long: side_a[i * MAX_BEAD + k − 1] for k ≤ i (see BeadSide) */
  BeadSide   *side_a, *side_b;
  double      prior[MAX_BEAD + 1][MAX_BEAD + 1];
  double      ratio;       /* total length b / a */
  double      variance;
  /* per feature id, a bit per slot: the shared features of the item of a
   * in that slot (item i in slot i % ROW_SLOTS), for pair_sim_compute() */
  guint8     *row_bits;
  guint      *slot_row;    /* the item in each slot, or G_MAXUINT */
  double     *length_table; /* while aligning: see length_cost_cached() */
  gboolean    close;       /* two languages of one script (Russian and Ukrainian) */
  guint       guide_width; /* half-width of a band around a guide (0: GUIDE_WIDTH) */
} Pair;

#define ROW_SLOTS 8

/* The weight of the features items i of a and j of b share, summed in
 * increasing feature id. Item i's features are marked in a slot of
 * row_bits (the DP reads rows i − 4 … i − 1, the anchor search one row at
 * a time), so only item j's are walked. */
static inline __attribute__ ((always_inline)) double
sim_marked (const Pair *pair,
            guint8     *row_bits,
            guint      *slot_row,
            guint       i,
            guint       j)
{
  const Shared *x = &pair->shared_a[i], *y = &pair->shared_b[j];
  guint slot = i % ROW_SLOTS;
  guint8 bit = (guint8)(1u << slot);
  double sum = 0;

  if (slot_row[slot] != i)
    {
      if (slot_row[slot] != G_MAXUINT)
        {
          const Shared *old = &pair->shared_a[slot_row[slot]];

          for (guint p = 0; p < old->n; p++)
            row_bits[old->ids[p]] &= (guint8)~bit;
        }
      for (guint p = 0; p < x->n; p++)
        row_bits[x->ids[p]] |= bit;
      slot_row[slot] = i;
    }

  for (guint q = 0; q < y->n; q++)
    if (row_bits[y->ids[q]] & bit)
      sum += pair->weight[y->ids[q]];
  return sum;
}

static G_GNUC_NO_INLINE double
pair_sim_compute (const Pair *pair,
                  guint       i,
                  guint       j)
{
  return sim_marked (pair, pair->row_bits, pair->slot_row, i, j);
}

/* Similarities are needed for the beads at the cells of the band: a
 * cache of the cells near it. */
static void
pair_cache_sims (Pair        *pair,
                 const guint *lo,
                 const guint *hi)
{
  guint n = pair->n, m = pair->m;
  gsize cells = 0;

  pair->sim_row = g_new (gsize, n + 1);
  pair->sim_lo = g_new (guint, n + 1);
  pair->sim_hi = g_new (guint, n + 1);

  for (guint i = 0; i < n; i++)
    {
      /* Row i is read by beads ending at rows i + 1 … i + MAX_BEAD. */
      guint last = MIN (n, i + MAX_BEAD);
      guint low = lo[i + 1] > MAX_BEAD ? lo[i + 1] - MAX_BEAD : 0;
      guint high = MIN (hi[last], m);

      pair->sim_lo[i] = low;
      pair->sim_hi[i] = MAX (high, low);
      pair->sim_row[i] = cells;
      cells += pair->sim_hi[i] - low;
    }

  /* Filled on first use (negative: not yet): most cells far from the
   * path are never read, their beads ruled out by bead_cost_bound(). */
  pair->sim = g_new (float, cells + 1);
  for (gsize c = 0; c <= cells; c++)
    pair->sim[c] = -1;
}

static inline double
pair_sim (const Pair *pair,
          guint       i,
          guint       j)
{
  if (pair->sim != NULL && j >= pair->sim_lo[i] && j < pair->sim_hi[i])
    {
      float *cell = &pair->sim[pair->sim_row[i] + j - pair->sim_lo[i]];

      if (*cell < 0)
        *cell = (float)pair_sim_compute (pair, i, j);
      return *cell;
    }
  return pair_sim_compute (pair, i, j);
}

/* The mass of @item: per word, the weight of its own form if that is
 * shared, plus the weight of its best shared translation — a word's
 * dictionary senses are alternatives (most never occur; one match is the
 * word matched), so they do not add up. Each feature counts once in the
 * sentence. A word or number that shares nothing weighs params.unmatched.
 * @stamp marks the features counted in this item (@mark). */
static void
item_mass (const Pair         *pair,
           const FeatureSpace *space,
           const Item         *item,
           guint              *stamp,
           guint               mark,
           double             *mass,
           double             *matchable)
{
  double total = 0, shared = 0;

  for (guint g = 0; g < item->n_groups; )
    {
      guint count = GROUP_COUNT (item->groups[g]);
      gboolean has_own = (item->groups[g] & GROUP_OWN) != 0;
      const guint32 *ids = &item->groups[g + 1];
      double own = 0, best = 0;
      gboolean seen = FALSE, countable = FALSE;

      for (guint k = 0; k < count; k++)
        {
          guint32 f = ids[k];

          if (stamp[f] == mark)
            seen = TRUE;
          else if (k == 0 && has_own)
            own = pair->weight[f];
          else
            best = MAX (best, pair->weight[f]);
          stamp[f] = mark;
        }
      for (guint k = 0; k < count && own + best == 0 && !seen && !countable; k++)
        {
          guint8 kind = g_array_index (space->kinds, guint8, ids[k]);

          countable = kind == KIND_WORD || kind == KIND_NUMBER || kind == KIND_TRANSLATION;
        }

      if (own + best > 0)
        {
          total += own + best;
          shared += own + best;
        }
      else if (!seen && countable)
        total += params.unmatched;
      g += count + 1;
    }

  *mass = total;
  *matchable = shared;
}

/* One side of a pair, a's or b's, and where its tables go. */
typedef struct
{
  Pair               *pair;
  const FeatureSpace *space;
  const Item         *items;
  guint               n;
  double            **mass;
  double            **matchable;
  Shared            **shared;
  double            **sum_len;
  double            **sum_mass;
  guint             **sum_par;
  BeadSide          **sides;
} PairSide;

/* Below this many sentences in all, the sides are made one after the other. */
#define PAIR_THREAD_MIN 4000

/* The tables of one side of a pair whose weights are known. */
static gpointer
pair_side_init (gpointer data)
{
  const PairSide *side = data;
  const Pair *pair = side->pair;
  const Item *items = side->items;
  guint n = side->n;
  double *mass = *side->mass = g_new0 (double, n + 1);
  double *matchable = *side->matchable = g_new0 (double, n + 1);
  Shared *shared = *side->shared = g_new0 (Shared, n + 1);
  double *sum_len = *side->sum_len = g_new0 (double, n + 1);
  double *sum_mass = *side->sum_mass = g_new0 (double, n + 1);
  guint *sum_par = *side->sum_par = g_new0 (guint, n + 1);

  /* A sentence's mass: its shared features, and a little for each word
   * or number with no counterpart anywhere in the other text, so that one
   * chance match ("port" and «Проте», both "prt") among many words that
   * match nothing is weak evidence. */
  {
    g_autofree guint *stamp = g_new0 (guint, pair->n_features + 1);

    for (guint i = 0; i < n; i++)
      item_mass (pair, side->space, &items[i], stamp, i + 1, &mass[i], &matchable[i]);
  }

  for (guint i = 0; i < n; i++)
    {
      shared[i].ids = g_new (guint32, items[i].n_features + 1);
      for (guint k = 0; k < items[i].n_features; k++)
        if (pair->weight[items[i].features[k]] > 0)
          shared[i].ids[shared[i].n++] = items[i].features[k];
    }

  for (guint i = 0; i < n; i++)
    {
      sum_len[i + 1] = sum_len[i] + items[i].length;
      sum_mass[i + 1] = sum_mass[i] + mass[i];
      sum_par[i + 1] = sum_par[i] + (items[i].par_end ? 1 : 0);
    }
  *side->sides = g_new (BeadSide, (n + 1) * MAX_BEAD);
  bead_sides (sum_mass, sum_len, sum_par, items, n, *side->sides);
  return NULL;
}

static void
pair_init (Pair         *pair,
           FeatureSpace *space,
           const Item   *a,
           guint         n,
           const Item   *b,
           guint         m)
{
  guint n_features = space->kinds->len;
  g_autofree guint *df_a = g_new0 (guint, n_features);
  g_autofree guint *df_b = g_new0 (guint, n_features);
  double len_a = 0, len_b = 0, skip;
  gboolean even;

  memset (pair, 0, sizeof *pair);
  pair->a = a;
  pair->b = b;
  pair->n = n;
  pair->m = m;
  pair->n_features = n_features;
  pair->weight = g_new0 (double, n_features);
  pair->row_bits = g_new0 (guint8, n_features + 1);
  pair->slot_row = g_new (guint, ROW_SLOTS);
  for (guint s = 0; s < ROW_SLOTS; s++)
    pair->slot_row[s] = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      len_a += a[i].length;
      for (guint k = 0; k < a[i].n_features; k++)
        df_a[a[i].features[k]]++;
    }
  for (guint j = 0; j < m; j++)
    {
      len_b += b[j].length;
      for (guint k = 0; k < b[j].n_features; k++)
        df_b[b[j].features[k]]++;
    }

  for (guint f = 0; f < n_features; f++)
    if (df_a[f] > 0 && df_b[f] > 0)
      {
        guint8 kind = g_array_index (space->kinds, guint8, f);
        double idf = log ((double)(n + m + 2) / (df_a[f] + df_b[f]));

        pair->weight[f] = MAX (idf, 0.1) * kind_weight[kind];
      }

  /* The two sides, at the same time on long texts (each a tenth of a
   * second on 20,000 sentences; nothing shared but what they read). */
  {
    PairSide side_a = { pair, space, a, n, &pair->mass_a, &pair->matchable_a, &pair->shared_a,
                        &pair->sum_len_a, &pair->sum_mass_a, &pair->sum_par_a, &pair->side_a };
    PairSide side_b = { pair, space, b, m, &pair->mass_b, &pair->matchable_b, &pair->shared_b,
                        &pair->sum_len_b, &pair->sum_mass_b, &pair->sum_par_b, &pair->side_b };
    GThread *thread = n + m >= PAIR_THREAD_MIN ? g_thread_try_new ("tri-aligner-side", pair_side_init,
                                                                   &side_b, NULL)
                                               : NULL;

    pair_side_init (&side_a);
    if (thread != NULL)
      g_thread_join (thread);
    else
      pair_side_init (&side_b);
  }

  /* Texts of about as many sentences (within a tenth, or two): a sentence
   * that matches nothing is more likely one the other version lacks than
   * half of a 2-1 row, and a skip costs less. Where one text has many more
   * (a translator who splits: Text+Berg's French has 18 % more sentences
   * than its German), the unmatched ones are mostly halves of 2-1 rows, and
   * a skip costs more; a sentence split in four is likelier too. */
  even = MAX (n, m) - MIN (n, m) <= MAX (2, MAX (n, m) / 10);
  skip = even ? params.skip_even : params.skip;

  for (guint k = 0; k <= MAX_BEAD; k++)
    for (guint l = 0; l <= MAX_BEAD; l++)
      {
        double prior;

        if (k == 0 || l == 0)
          prior = skip * (k + l);
        else if (k == 1 && l == 1)
          prior = 0;
        else if (k + l == 3)
          prior = params.prior_21;
        else if (k == 2 && l == 2)
          prior = params.prior_22;
        else if (k + l == 4)
          prior = params.prior_31;
        else if (k == 1 || l == 1)
          prior = even ? params.prior_41 : params.prior_41_uneven;
        else
          prior = params.prior_32;
        pair->prior[k][l] = prior;
      }

  pair->ratio = len_a > 0 && len_b > 0 ? len_b / len_a : 1.0;
  pair->variance = params.variance;
}

static void
pair_clear (Pair *pair)
{
  g_clear_pointer (&pair->sim, g_free);
  g_clear_pointer (&pair->sim_row, g_free);
  g_clear_pointer (&pair->sim_lo, g_free);
  g_clear_pointer (&pair->sim_hi, g_free);
  for (guint i = 0; i < pair->n; i++)
    g_free (pair->shared_a[i].ids);
  for (guint j = 0; j < pair->m; j++)
    g_free (pair->shared_b[j].ids);
  g_free (pair->shared_a);
  g_free (pair->shared_b);
  g_free (pair->sum_len_a);
  g_free (pair->sum_len_b);
  g_free (pair->sum_mass_a);
  g_free (pair->sum_mass_b);
  g_free (pair->sum_par_a);
  g_free (pair->sum_par_b);
  g_free (pair->side_a);
  g_free (pair->side_b);
  g_free (pair->weight);
  g_free (pair->matchable_a);
  g_free (pair->matchable_b);
  g_free (pair->mass_a);
  g_free (pair->mass_b);
  g_free (pair->row_bits);
  g_free (pair->slot_row);
  g_free (pair->length_table);
}

/* @pair as @shared, made by pair_init() from the same sequences, with
 * space of its own for what aligning writes (so that threads can share
 * @shared). pair_release() it, not pair_clear(). */
static void
pair_borrow (Pair       *pair,
             const Pair *shared)
{
  *pair = *shared;
  pair->sim = NULL;
  pair->sim_row = NULL;
  pair->sim_lo = NULL;
  pair->sim_hi = NULL;
  pair->length_table = NULL;
  pair->row_bits = g_new0 (guint8, pair->n_features + 1);
  pair->slot_row = g_new (guint, ROW_SLOTS);
  for (guint s = 0; s < ROW_SLOTS; s++)
    pair->slot_row[s] = G_MAXUINT;
}

/* pair_clear(), or of a @borrowed pair, what is its own. */
static void
pair_release (Pair     *pair,
              gboolean  borrowed)
{
  if (!borrowed)
    {
      pair_clear (pair);
      return;
    }
  g_clear_pointer (&pair->sim, g_free);
  g_clear_pointer (&pair->sim_row, g_free);
  g_clear_pointer (&pair->sim_lo, g_free);
  g_clear_pointer (&pair->sim_hi, g_free);
  g_clear_pointer (&pair->length_table, g_free);
  g_clear_pointer (&pair->row_bits, g_free);
  g_clear_pointer (&pair->slot_row, g_free);
}

/* Built back to front, then turned around: prepending would be quadratic. */
static void
reverse_array (GArray *array)
{
  guint size = g_array_get_element_size (array);
  g_autofree guint8 *tmp = g_malloc (size);

  for (guint i = 0, j = array->len; i + 1 < j; i++, j--)
    {
      guint8 *a = (guint8 *)array->data + (gsize)i * size;
      guint8 *b = (guint8 *)array->data + (gsize)(j - 1) * size;

      memcpy (tmp, a, size);
      memcpy (a, b, size);
      memcpy (b, tmp, size);
    }
}

/* Anchors: strong 1-1 matches on rare features, then the heaviest chain
 * of them increasing in both documents (a weighted longest increasing
 * subsequence, with a Fenwick tree over b). */
typedef struct
{
  guint  i, j;
  double w;
} Anchor;

static int
compare_anchor (gconstpointer x,
                gconstpointer y)
{
  const Anchor *a = x, *b = y;

  if (a->i != b->i)
    return a->i < b->i ? -1 : 1;
  return a->j < b->j ? 1 : (a->j > b->j ? -1 : 0);  /* same i: larger j first */
}

static int
compare_double_values (gconstpointer x,
                       gconstpointer y)
{
  double a = *(const double *)x, b = *(const double *)y;

  return (a > b) - (a < b);
}

/* A report that repeats itself (the same sentence shapes, figures that
 * recur in other sentences) can give the chain a run of anchors off the
 * diagonal: a detour to a repeat a few dozen sentences away, that bends
 * the band away from the true rows (three parallel texts of 4,000
 * repetitive sentences lost 576 rows to it). An anchor whose offset from
 * the diagonal is far from the median offset of its neighbours in the
 * chain is dropped: a true omission moves the offsets of every anchor
 * after it, not of a few. */
#define DETOUR_NEIGHBOURS 12
#define DETOUR_SLACK      40.0

static void
drop_detours (GArray     *chain,
              const Pair *pair)
{
  guint n = chain->len;
  double ratio = pair->n > 0 ? (double)pair->m / pair->n : 1.0;
  g_autofree double *offset = NULL;
  g_autofree gboolean *drop = NULL;
  double window[2 * DETOUR_NEIGHBOURS + 1];
  guint kept = 0;

  if (n < 2 * DETOUR_NEIGHBOURS + 1)
    return;

  offset = g_new (double, n);
  drop = g_new0 (gboolean, n);
  for (guint k = 0; k < n; k++)
    {
      const Anchor *a = &g_array_index (chain, Anchor, k);

      offset[k] = (double)a->j - a->i * ratio;
    }

  for (guint k = 0; k < n; k++)
    {
      guint from = k > DETOUR_NEIGHBOURS ? k - DETOUR_NEIGHBOURS : 0;
      guint to = MIN (n - 1, k + DETOUR_NEIGHBOURS);
      guint w = 0;
      double median;

      for (guint x = from; x <= to; x++)
        if (x != k)
          window[w++] = offset[x];
      qsort (window, w, sizeof (double), compare_double_values);
      median = window[w / 2];
      drop[k] = fabs (offset[k] - median) > DETOUR_SLACK;
    }

  for (guint k = 0; k < n; k++)
    if (!drop[k])
      g_array_index (chain, Anchor, kept++) = g_array_index (chain, Anchor, k);
  g_array_set_size (chain, kept);
}

/* The first place in @list (increasing j) where j − @expected is no
 * longer below −@jump, or with @past, no longer at most @jump. */
/* Where the part of a feature's postings within max_jump of the diagonal
 * began and ended when last read. */
typedef struct
{
  guint from, to;
} PostingsCursor;

/* The first of @list (sentences of b, increasing) that is not before
 * (@past: is after) @expected ± @jump. @expected only grows from one
 * sentence of a to the next, and so does the answer: it is looked for from
 * where it was last (@cursor), which is where a binary search of the whole
 * list would find it, the test being the same. */
static inline guint
postings_bound (const GArray *list,
                double        expected,
                double        jump,
                gboolean      past,
                guint        *cursor)
{
  const guint *v = (const guint *)(gpointer)list->data;
  guint at = *cursor;

  while (at < list->len)
    {
      double d = (double)v[at] - expected;

      if (!(past ? d <= jump : d < -jump))
        break;
      at++;
    }
  *cursor = at;
  return at;
}

/* The anchor search's rows of a in blocks of ANCHOR_BLOCK, every
 * @stride-th block from block @first, and what it works with: a thread's
 * own marks of the rows' features (see pair_sim_compute()). */
#define ANCHOR_BLOCK 32

typedef struct
{
  const Pair    *pair;
  GArray *const *postings;
  double         max_jump;
  guint          first, stride;
  guint8        *row_bits;
  guint         *slot_row;
  GArray        *candidates;
} AnchorRows;

static gpointer
anchor_rows (gpointer data)
{
  AnchorRows *rows = data;
  const Pair *pair = rows->pair;
  GArray *const *postings = rows->postings;
  GArray *candidates = rows->candidates;
  double max_jump = rows->max_jump;
  /* Where each posting list's window was: found again from its start at
   * a thread's first row, from there after (see postings_bound()). */
  g_autofree PostingsCursor *cursors = g_new0 (PostingsCursor, pair->n_features);
  g_autofree double *acc = g_new0 (double, pair->m + 1);
  /* The sentences of b that share a rare feature with the current one of
   * a: each at most once (a plain array: this is the hot loop). */
  g_autofree guint *touched = g_new (guint, pair->m + 1);
  guint n_touched;

  for (guint i = rows->first * ANCHOR_BLOCK; i < pair->n;
       i = (i + 1) % ANCHOR_BLOCK == 0 ? i + 1 + (rows->stride - 1) * ANCHOR_BLOCK : i + 1)
    {
      guint best = G_MAXUINT;
      double best_score = 0, second = 0;
      double expected = (double)i * pair->m / MAX (pair->n, 1);

      n_touched = 0;
      for (guint k = 0; k < pair->shared_a[i].n; k++)
        {
          guint32 f = pair->shared_a[i].ids[k];
          GArray *list = postings[f];
          guint t, end;

          if (list == NULL)
            continue;
          /* Only the part of the list within max_jump of the diagonal:
           * most of it lies far away. */
          t = postings_bound (list, expected, max_jump, FALSE, &cursors[f].from);
          end = postings_bound (list, expected, max_jump, TRUE, &cursors[f].to);
          for (; t < end; t++)
            {
              guint j = g_array_index (list, guint, t);

              if (acc[j] == 0)
                touched[n_touched++] = j;
              acc[j] += pair->weight[f];
            }
        }

      /* The rare features' share picks a few candidates; only those get
       * the full comparison. */
      {
        guint top[4];
        double top_rough[4];
        guint n_top = 0;
        /* the first of the four with the least rough score: found again
         * only when it is replaced */
        guint weakest = 0;

        for (guint t = 0; t < n_touched; t++)
          {
            guint j = touched[t];
            double denominator, rough;
            guint slot;

            denominator = pair->mass_a[i] + pair->mass_b[j];
            rough = denominator > 0 ? acc[j] / denominator : 0;
            acc[j] = 0;

            if (n_top < G_N_ELEMENTS (top))
              slot = n_top++;
            else
              {
                slot = weakest;
                if (top_rough[slot] >= rough)
                  continue;
              }
            top[slot] = j;
            top_rough[slot] = rough;
            if (n_top == G_N_ELEMENTS (top))
              {
                weakest = 0;
                for (guint u = 1; u < n_top; u++)
                  if (top_rough[u] < top_rough[weakest])
                    weakest = u;
              }
          }

        for (guint u = 0; u < n_top; u++)
          {
            guint j = top[u];
            double denominator = pair->mass_a[i] + pair->mass_b[j];
            double score = denominator > 0 ? 2 * sim_marked (pair, rows->row_bits, rows->slot_row, i, j) /
                                             denominator
                                           : 0;

            if (score > best_score)
              {
                second = best_score;
                best_score = score;
                best = j;
              }
            else if (score > second)
              second = score;
          }
      }

      if (best != G_MAXUINT && best_score >= 0.3 && best_score >= 1.3 * second)
        {
          Anchor anchor = { i, best, best_score };
          g_array_append_val (candidates, anchor);
        }
    }
  return NULL;
}

/* Below this many sentences of a, the anchor search is one thread. */
#define ANCHOR_THREAD_MIN 4000

static GArray *
find_anchors (const Pair *pair)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Anchor));
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (Anchor));
  /* per feature id, the sentences of b that have it (rare features only) */
  g_autofree GArray **postings = g_new0 (GArray *, pair->n_features);
  /* Candidates near the diagonal only: a long report repeats itself
   * (boilerplate, recurring names), and a far match is more likely a repeat
   * than a translation. Bertalign uses max (250, 6 %); the cap keeps a very
   * long text that repeats every couple of thousand sentences from jumping
   * to the next repeat (bench/align-speed.py at 50,000 sentences). */
  double max_jump = CLAMP (0.08 * MAX (pair->n, pair->m), 250.0, 1500.0);

  /* Postings of the rarer features of b. */
  for (guint j = 0; j < pair->m; j++)
    for (guint k = 0; k < pair->shared_b[j].n; k++)
      {
        guint32 f = pair->shared_b[j].ids[k];
        GArray *list;

        if (pair->weight[f] < 1.5)
          continue;
        list = postings[f];
        if (list == NULL)
          list = postings[f] = g_array_new (FALSE, FALSE, sizeof (guint));
        if (list->len < 64)
          g_array_append_val (list, j);
      }

  /* The blocks of rows of a taken in turn by two threads on long texts
   * (the rare features' lists favour the first rows), their candidates
   * merged in the order of the rows: what one pass finds. The similarity
   * cache is not made yet (pair_sim() would compute). */
  {
    g_autofree guint8 *bits = NULL;
    guint slots[ROW_SLOTS];
    AnchorRows first = { pair, postings, max_jump, 0, 1, pair->row_bits, pair->slot_row, candidates };
    AnchorRows second = { pair, postings, max_jump, 1, 2, NULL, slots, NULL };
    GThread *thread = NULL;

    g_assert (pair->sim == NULL);
    if (pair->n >= ANCHOR_THREAD_MIN)
      {
        bits = g_new0 (guint8, pair->n_features + 1);
        for (guint s = 0; s < ROW_SLOTS; s++)
          slots[s] = G_MAXUINT;
        first.stride = 2;
        first.candidates = g_array_new (FALSE, FALSE, sizeof (Anchor));
        second.row_bits = bits;
        second.candidates = g_array_new (FALSE, FALSE, sizeof (Anchor));
        thread = g_thread_try_new ("tri-aligner-anchors", anchor_rows, &second, NULL);
      }
    anchor_rows (&first);
    if (second.candidates != NULL)
      {
        guint p = 0, q = 0;

        if (thread != NULL)
          g_thread_join (thread);
        else
          anchor_rows (&second);
        /* each row has at most one candidate */
        while (p < first.candidates->len || q < second.candidates->len)
          {
            const Anchor *x = p < first.candidates->len ? &g_array_index (first.candidates, Anchor, p) : NULL;
            const Anchor *y = q < second.candidates->len ? &g_array_index (second.candidates, Anchor, q) : NULL;

            if (y == NULL || (x != NULL && x->i < y->i))
              {
                g_array_append_vals (candidates, x, 1);
                p++;
              }
            else
              {
                g_array_append_vals (candidates, y, 1);
                q++;
              }
          }
        g_array_unref (first.candidates);
        g_array_unref (second.candidates);
      }
  }

  g_array_sort (candidates, compare_anchor);

  {
    guint n = candidates->len;
    g_autofree double *score = g_new0 (double, n);
    g_autofree int *parent = g_new (int, n);
    /* Fenwick tree over j + 1: best chain score ending at a j' ≤ index. */
    g_autofree double *tree = g_new0 (double, pair->m + 2);
    g_autofree int *tree_at = g_new (int, pair->m + 2);
    int best = -1;

    for (guint x = 0; x < pair->m + 2; x++)
      tree_at[x] = -1;

    for (guint c = 0; c < n; c++)
      {
        const Anchor *a = &g_array_index (candidates, Anchor, c);
        double prev = 0;
        int prev_at = -1;

        /* best over j' < j (strictly increasing j) */
        for (guint x = a->j; x > 0; x -= x & -x)
          if (tree[x] > prev)
            {
              prev = tree[x];
              prev_at = tree_at[x];
            }

        score[c] = prev + a->w;
        parent[c] = prev_at;
        for (guint x = a->j + 1; x < pair->m + 2; x += x & -x)
          if (score[c] > tree[x])
            {
              tree[x] = score[c];
              tree_at[x] = (int)c;
            }
        if (best < 0 || score[c] > score[best])
          best = (int)c;
      }

    for (int c = best; c >= 0; c = parent[c])
      g_array_append_val (chain, g_array_index (candidates, Anchor, c));
    reverse_array (chain);
  }

  for (guint f = 0; f < pair->n_features; f++)
    if (postings[f] != NULL)
      g_array_unref (postings[f]);

  drop_detours (chain, pair);
  return chain;
}

static void finish_band (guint n, guint m, guint *lo, guint *hi);

/* The band: for every i, the range of j the search visits, around the
 * piecewise-linear path through the anchors. */
static void
compute_band (const Pair   *pair,
              const GArray *anchors,
              guint        *lo,
              guint        *hi)
{
  guint n = pair->n, m = pair->m;
  g_autofree double *center = g_new (double, n + 2);
  guint prev_i = 0;
  double prev_j = 0;

  for (guint k = 0; k <= anchors->len; k++)
    {
      guint next_i;
      double next_j;

      if (k < anchors->len)
        {
          const Anchor *a = &g_array_index (anchors, Anchor, k);
          next_i = a->i;
          next_j = a->j;
        }
      else
        {
          next_i = n;
          next_j = m;
        }

      for (guint i = prev_i; i <= next_i && i <= n; i++)
        center[i] = next_i == prev_i ? next_j
                                     : prev_j + (next_j - prev_j) * (i - prev_i) / (double)(next_i - prev_i);
      prev_i = next_i;
      prev_j = next_j;
    }

  for (guint i = 0; i <= n; i++)
    {
      double c0 = center[i];
      double c1 = i > 0 ? center[i - 1] : c0;
      double c2 = i < n ? center[i + 1] : c0;
      double low = MIN (c0, MIN (c1, c2)) - params.band;
      double high = MAX (c0, MAX (c1, c2)) + params.band;

      lo[i] = (guint)CLAMP (floor (low), 0, (double)m);
      hi[i] = (guint)CLAMP (ceil (high), 0, (double)m);
    }

  finish_band (n, m, lo, hi);
}

/* Corners, monotone edges, and rows that overlap, so a path exists. */
static void
finish_band (guint  n,
             guint  m,
             guint *lo,
             guint *hi)
{
  lo[0] = 0;
  hi[n] = m;
  for (guint i = 1; i <= n; i++)
    lo[i] = MAX (lo[i], lo[i - 1]);
  for (guint i = n; i > 0; i--)
    hi[i - 1] = MIN (hi[i - 1], hi[i]);
  for (guint i = 0; i < n; i++)
    if (lo[i + 1] > hi[i])
      lo[i + 1] = hi[i];
  for (guint i = 0; i <= n; i++)
    if (hi[i] < lo[i])
      hi[i] = lo[i];
}

typedef struct
{
  guint a0, a1, b0, b1;    /* the bead's ranges in the pair */
  double confidence;
} PairBead;

/* The natural logarithm of @x ≥ 1, to about 1e-6: the length term takes
 * one for most beads the DP looks at, and libm's is a tenth of the run. */
static inline double
log_fast (double x)
{
  union { double d; guint64 u; } v = { x };
  int e = (int)((v.u >> 52) & 0x7ff) - 1023;
  double t, t2;

  /* x = m · 2^e with m in [1, 2); ln m = 2 artanh ((m − 1) / (m + 1)). */
  v.u = (v.u & G_GUINT64_CONSTANT (0x000fffffffffffff)) | G_GUINT64_CONSTANT (0x3ff0000000000000);
  t = (v.d - 1) / (v.d + 1);
  t2 = t * t;
  return e * G_LN2 + 2 * t * (1 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7 + t2 * (1.0 / 9 + t2 / 11)))));
}

static double
length_cost (const Pair *pair,
             double      la,
             double      lb)
{
  double mean, delta;

  if (la + lb == 0)
    return 0;
  mean = (la * pair->ratio + lb) / 2;
  delta = (lb - la * pair->ratio) / sqrt (pair->variance * MAX (mean, 1.0));
  /* Student's t rather than Gale–Church's normal: the same near the mean,
   * but far from it the cost grows with the log, not the square, so a
   * sentence whose translation adds a clause or a sentence of its own
   * ("…; France is pushing the EU to…") can still pair with it when the
   * words agree. */
  if (params.length_df > 0)
    return (params.length_df + 1) / 2 * log_fast (1 + delta * delta / params.length_df);
  return delta * delta / 2;
}

/* length_cost() of the bead of sides @sa and @sb; of the short beads, kept
 * by their two lengths (whole numbers of characters): the DP asks for the
 * same few hundred thousand pairs of lengths seven million times. */
static inline double
length_cost_cached (const Pair     *pair,
                    const BeadSide *sa,
                    const BeadSide *sb)
{
  if (sa->short_length != G_MAXUINT && sb->short_length != G_MAXUINT && pair->length_table != NULL)
    {
      double *cell = &pair->length_table[sa->short_length * LENGTH_TABLE + sb->short_length];

      if (isnan (*cell))
        *cell = length_cost (pair, sa->length, sb->length);
      return *cell;
    }
  return length_cost (pair, sa->length, sb->length);
}

/* The length term of a bead: where b's side holds rows of two versions
 * of unlike length (the second stage's b is the first stage's rows, one
 * version merging a sentence the other lacks), the better of their mean's
 * and the longer's, the third version translating either the shorter or,
 * with that sentence, the longer. */
static inline double
bead_length_cost (const Pair     *pair,
                  const BeadSide *sa,
                  const BeadSide *sb)
{
  double cost = length_cost_cached (pair, sa, sb);

  if (G_UNLIKELY (!isnan (sb->length_alt) && params.length_alt > 0))
    cost = MIN (cost, length_cost (pair, sa->length, sb->length_alt));
  return cost;
}

typedef struct
{
  double cost;
  double lexical;
  double length;
} BeadCost;

static inline const BeadSide *
bead_side_a (const Pair *pair,
             guint       i,
             guint       k)
{
  return &pair->side_a[i * MAX_BEAD + k - 1];
}

static inline const BeadSide *
bead_side_b (const Pair *pair,
             guint       j,
             guint       l)
{
  return &pair->side_b[j * MAX_BEAD + l - 1];
}

/* pair_sim (pair, x, y) for the DP, which knows the cached row x is at
 * @at in pair->sim (see the DP); without @at, pair_sim() itself. */
static inline __attribute__ ((always_inline)) double
bead_sim (const Pair *pair,
          const gsize *at,
          guint        x,
          guint        y)
{
  if (at != NULL)
    {
      float *cell = &pair->sim[*at + y];

      if (*cell < 0)
        *cell = (float)pair_sim_compute (pair, x, y);
      return *cell;
    }
  return pair_sim (pair, x, y);
}

/* The cost of the bead of a's [i − k, i) and b's [j − l, j), k and l > 0,
 * whose sides are @sa and @sb; @sim_at: NULL, or where the cached rows
 * i − 1 … i − k are (sim_at[d] for row i − d); @length: its length_cost()
 * if known, else NAN. */
static inline __attribute__ ((always_inline)) BeadCost
bead_cost_sides (const Pair     *pair,
                 guint           i,
                 guint           j,
                 guint           k,
                 guint           l,
                 const BeadSide *sa,
                 const BeadSide *sb,
                 const gsize    *sim_at,
                 double          length)
{
  BeadCost result = { 0, 0, 0 };
  double shared = 0, mass;
  guint absorbed = 0;
  gboolean suspect = FALSE, corner = FALSE;

  /* Overlap of the bead's two sides, each sentence's share capped at what
   * it has: in a 2-1 bead, the one sentence of b cannot be matched twice
   * by neighbours of a that repeat each other's words. */
  {
    double by_a = 0, by_b = 0;
    double sums_b[MAX_BEAD] = { 0 };
    double sums_a[MAX_BEAD] = { 0 };

    for (guint x = i - k; x < i; x++)
      {
        double sum_x = 0;

        for (guint y = j - l; y < j; y++)
          {
            double s = bead_sim (pair, sim_at != NULL ? &sim_at[i - x] : NULL, x, y);

            sum_x += s;
            sums_b[y - (j - l)] += s;
          }
        by_a += MIN (sum_x, pair->mass_a[x]);
        sums_a[x - (i - k)] = sum_x;
        /* An omitted or added sentence hides in a many-sentence bead:
         * one with words to match that matches nothing here is suspect. */
        if (k + l > 2 && pair->matchable_a[x] >= 3.0 && sum_x < 0.15 * pair->matchable_a[x])
          absorbed++;
      }
    for (guint y = j - l; y < j; y++)
      {
        by_b += MIN (sums_b[y - (j - l)], pair->mass_b[y]);
        /* Three languages: a row of the first two that translate each
         * other is a sentence the third lacks unless it matches well. */
        if (k + l > 2 && pair->matchable_b[y] >= 3.0 &&
            sums_b[y - (j - l)] < (pair->b[y].agreed && pair->matchable_b[y] >= params.agreed_min
                                   ? params.absorb_agreed : 0.15) * pair->matchable_b[y])
          absorbed++;
      }
    shared = MIN (by_a, by_b);

    /* A 2-2 row whose opposite corners match next to nothing: a sentence
     * one version lacks, a 1-1 row, and one the other lacks. */
    if (k == 2 && l == 2)
      {
        double support_a[2], support_b[2];

        /* Each sentence's share of its words to match that it matches
         * in the row (all of it if it has next to none to match). */
        for (guint d = 0; d < 2; d++)
          {
            support_a[d] = pair->matchable_a[i - 2 + d] >= 3.0 ? sums_a[d] / pair->matchable_a[i - 2 + d] : 1.0;
            support_b[d] = pair->matchable_b[j - 2 + d] >= 3.0 ? sums_b[d] / pair->matchable_b[j - 2 + d] : 1.0;
          }
        if (MIN (MAX (support_a[0], support_b[1]), MAX (support_a[1], support_b[0])) < params.corner_ratio)
          corner = TRUE;
      }

    /* A 1-1 row of two sentences that both have words to match in the
     * other text and match nothing of each other: most likely a sentence
     * one version lacks next to one the other lacks, not a translation. */
    if (k == 1 && l == 1 && pair->matchable_a[i - 1] >= params.suspect_min &&
        pair->matchable_b[j - 1] >= params.suspect_min &&
        sums_b[0] <= params.suspect_ratio * MIN (pair->matchable_a[i - 1], pair->matchable_b[j - 1]))
      suspect = TRUE;
  }

  mass = sa->mass + sb->mass;

  result.lexical = mass > 0 ? MIN (1.0, 2 * shared / mass) : 0;
  result.length = isnan (length) ? bead_length_cost (pair, sa, sb) : length;

  /* Past a point, lengths say only that the two sides differ a lot: a
   * sentence whose translation takes in a clause or a sentence the other
   * version lacks is still its translation when the words agree. */
  result.cost = pair->prior[k][l] + params.length * MIN (result.length, params.length_cap) - params.lexical * result.lexical;
  result.cost += params.absorb * absorbed;
  if (suspect)
    {
      result.cost += params.suspect;
      /* Translations between Russian and Ukrainian share most of their
       * words (spelt alike or in the dictionary): two sentences with much
       * to match that match nothing are even less likely one row there
       * (an inserted sentence in each version, side by side). */
      if (pair->close && MIN (pair->matchable_a[i - 1], pair->matchable_b[j - 1]) >= params.suspect_close_min)
        result.cost += params.suspect_close;
    }
  if (corner)
    result.cost += params.corner;
  /* Strong evidence on both sides that does not match: numbers, names. */
  result.cost += params.mismatch * (1 - result.lexical) * MIN (1.0, MIN (sa->mass, sb->mass) / 8.0);

  /* Paragraph ends: a bead that ends a paragraph on one side only, or
   * runs across one, is less likely. */
  if (sa->par_end != sb->par_end)
    result.cost += params.paragraph;
  result.cost += params.paragraph * (sa->inner + sb->inner);

  return result;
}

static BeadCost
bead_cost (const Pair *pair,
           guint       i,      /* end of the bead in a (exclusive) */
           guint       j,      /* end in b */
           guint       k,
           guint       l)
{
  BeadCost result = { 0, 0, 0 };

  if (k == 0 || l == 0)
    {
      result.cost = pair->prior[k][l];
      return result;
    }
  return bead_cost_sides (pair, i, j, k, l, bead_side_a (pair, i, k), bead_side_b (pair, j, l), NULL, NAN);
}

/* A lower bound of bead_cost() in O(1), from the sides alone (k and l >
 * 0): the bead's overlap can be no more than the lesser of its two sides'
 * masses. Beads whose bound cannot beat the cell's best so far are not
 * scored. The length term (a logarithm) is left out when the bound
 * reaches @limit without it. */
static inline __attribute__ ((always_inline)) double
bead_cost_bound (const Pair     *pair,
                 guint           k,
                 guint           l,
                 const BeadSide *sa,
                 const BeadSide *sb,
                 double          limit,
                 double         *length)
{
  double lexical, bound;

  lexical = sa->mass + sb->mass > 0 ? MIN (1.0, 2 * MIN (sa->mass, sb->mass) / (sa->mass + sb->mass)) : 0;

  bound = pair->prior[k][l] - params.lexical * lexical;
  *length = NAN;
  /* The terms below only add to it (and rounding keeps that order): a
   * bead that cannot win without them cannot with them. */
  if (bound - 1e-3 >= limit)
    return bound - 1e-3;
  bound += params.mismatch * (1 - lexical) * MIN (1.0, MIN (sa->mass, sb->mass) / 8.0);
  if (sa->par_end != sb->par_end)
    bound += params.paragraph;
  bound += params.paragraph * (sa->inner + sb->inner);
  /* Rounding must never make the bound exceed the cost. */
  bound -= 1e-3;
  if (bound < limit)
    {
      *length = bead_length_cost (pair, sa, sb);
      bound += params.length * MIN (*length, params.length_cap);
    }
  return bound;
}

static double
confidence (const BeadCost *cost,
            guint           k,
            guint           l)
{
  double x;

  if (k == 0 || l == 0)
    return 0.3;

  x = 4.0 * cost->lexical - 0.8 * cost->length + (k == 1 && l == 1 ? 0.6 : 0.0) - 0.2;
  return 1.0 / (1.0 + exp (-2.0 * x));
}

/* Aligns a and b; returns the beads in order. */
/* The second pass needs no anchors: a narrow band around the first
 * pass's path. */
#define GUIDE_WIDTH 6
/* ... around another order's rows, in three-way alignment (see
 * align_three_voted()) */
#define GUIDE_WIDTH_NEAR 1

static void
band_from_path (const Pair   *pair,
                const GArray *path,
                guint        *lo,
                guint        *hi)
{
  guint n = pair->n, m = pair->m;

  for (guint i = 0; i <= n; i++)
    {
      lo[i] = m;
      hi[i] = 0;
    }
  for (guint r = 0; r < path->len; r++)
    {
      const PairBead *bead = &g_array_index (path, PairBead, r);

      for (guint i = bead->a0; i <= bead->a1; i++)
        {
          lo[i] = MIN (lo[i], bead->b0);
          hi[i] = MAX (hi[i], bead->b1);
        }
    }
  for (guint i = 0; i <= n; i++)
    {
      guint width = pair->guide_width > 0 ? pair->guide_width : GUIDE_WIDTH;

      lo[i] = lo[i] > width ? lo[i] - width : 0;
      hi[i] = MIN (m, hi[i] + width);
    }

  finish_band (n, m, lo, hi);
}

static void
report_progress (Context *ctx,
                 double   fraction)
{
  double value = ctx->stage_from + (ctx->stage_to - ctx->stage_from) * CLAMP (fraction, 0, 1);

  g_atomic_int_set (ctx->progress, (gint)(1000 * value));
  if (ctx->progress_callback != NULL)
    ctx->progress_callback (value, ctx->progress_data);
}

/* What the DP's cells in row i share: where the rows the beads start
 * from lie in the band and in the cost array, the beads' sides in a, where
 * the rows i − 1 … i − MAX_BEAD are in the cache of similarities, and the
 * part of the row whose beads all start inside the band. In locals: the
 * caches the beads write to could alias the arrays as far as the compiler
 * knows, and it would read them again for every bead. */
typedef struct
{
  const float    *cost;
  /* pair->prior of each bead and params.lexical, as locals: the stores to
   * the caches could alias them as far as the compiler knows */
  double          prior[N_BEADS];
  double          lexical;
  guint           from_lo[MAX_BEAD + 1];
  guint           from_hi[MAX_BEAD + 1];
  gsize           from_row[MAX_BEAD + 1];
  const BeadSide *sa[MAX_BEAD + 1];
  gsize           sim_at[MAX_BEAD + 1];
  const gsize    *sim;      /* sim_at, or NULL: pair_sim() */
  guint           inner_lo, inner_hi;
} DpRow;

static void
dp_row_init (const Pair  *pair,
             DpRow       *r,
             const float *cost,
             const guint *lo,
             const guint *hi,
             const gsize *row,
             guint        i)
{
  /* the cells of b the beads of this row can read in the cache */
  guint low = lo[i] > MAX_BEAD ? lo[i] - MAX_BEAD : 0;

  r->cost = cost;
  for (guint b = 0; b < N_BEADS; b++)
    r->prior[b] = pair->prior[beads[b].a][beads[b].b];
  r->lexical = params.lexical;
  r->sim = r->sim_at;
  for (guint k = 0; k <= MAX_BEAD && k <= i; k++)
    {
      r->from_lo[k] = lo[i - k];
      r->from_hi[k] = hi[i - k];
      r->from_row[k] = row[i - k] - lo[i - k];
      if (k == 0)
        continue;
      r->sa[k] = bead_side_a (pair, i, k);
      /* The cached cell (x, y) is sim[sim_row[x] + y − sim_lo[x]];
       * without the cache, pair_sim() computes it (and gives a double, not
       * the cache's float): the DP reads through the cache only where
       * pair_sim() would. */
      r->sim_at[k] = pair->sim_row[i - k] - pair->sim_lo[i - k];
      if (low < pair->sim_lo[i - k] || hi[i] > pair->sim_hi[i - k])
        r->sim = NULL;
    }

  r->inner_lo = 1;
  r->inner_hi = 0;
  if (i >= MAX_BEAD)
    {
      r->inner_lo = 0;
      r->inner_hi = G_MAXUINT;
      for (guint b = 0; b < N_BEADS; b++)
        {
          guint k = beads[b].a, l = beads[b].b;

          r->inner_lo = MAX (r->inner_lo, r->from_lo[k] + l);
          r->inner_hi = MIN (r->inner_hi, r->from_hi[k] + l);
        }
    }
}

/* The best bead into cell (i, j) and the cost of the path through it;
 * @edge: test that each bead starts inside the band (else it must). */
static inline __attribute__ ((always_inline)) void
dp_cell (const Pair  *pair,
         const DpRow *r,
         guint        i,
         guint        j,
         gboolean     edge,
         float       *cost,
         guint8      *back)
{
  /* The two skips (cost: their prior) before the 1-1 bead, whose best so
   * far then spares its full cost in most cells away from the path. The
   * 1-1 bead comes first in beads[], and wins a tie: it is taken at an
   * equal total, and ruled out only when its bound is above the best by
   * more than the float total's rounding can make up (@margin: two units
   * in the last place of the best, and 1e-4 for the rounding of its own
   * cost to a float, enough for any cost below 1,600 in size; a 1-1 bead's
   * is below 200 even for sentences of a million characters), so the cell
   * keeps the bead it had. */
  static const guint8 order[] = { 1, 2, 0, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
  float best = edge && i == 0 && j == 0 ? 0 : INFINITY;
  guint8 best_bead = 0xFF;

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == N_BEADS);

  /* Unrolled, each bead's k and l become constants; (0, 0) takes no bead,
   * every one being longer than 0 on some side. */
#pragma GCC unroll 12
  for (guint o = 0; o < N_BEADS; o++)
    {
      guint b = order[o];
      guint k = beads[b].a, l = beads[b].b;
      gboolean first = b == 0;
      double limit = first ? best + (fabs (best) * 2.4e-7 + 1e-4) : best;
      guint pj;
      BeadCost c = { 0, 0, 0 };
      double length = NAN;
      float total, from;

      if (edge && (k > i || l > j))
        continue;
      pj = j - l;
      if (edge && (pj < r->from_lo[k] || pj > r->from_hi[k]))
        continue;
      /* Skip the beads that cannot win (an unreachable cell, INFINITY,
       * never can). */
      from = r->cost[r->from_row[k] + pj];
      if (from + r->prior[b] - r->lexical >= limit)
        continue;
      if (k == 0 || l == 0)
        c.cost = pair->prior[k][l];
      else
        {
          const BeadSide *sb = bead_side_b (pair, j, l);

          if (from + bead_cost_bound (pair, k, l, r->sa[k], sb, limit - from, &length) >= limit)
            continue;
          c = bead_cost_sides (pair, i, j, k, l, r->sa[k], sb, r->sim, length);
        }
      total = from + (float)c.cost;
      if (total < best || (first && total == best))
        {
          best = total;
          best_bead = (guint8)b;
        }
    }

  *cost = best;
  *back = best_bead;
}

/* Aligns a and b; with @guide, near that earlier path only. */
static GArray *
align_pair (Context      *ctx,
            Pair         *pair,
            const GArray *guide,
            GCancellable *cancellable)
{
  guint n = pair->n, m = pair->m;
  g_autofree guint *lo = g_new (guint, n + 1);
  g_autofree guint *hi = g_new (guint, n + 1);
  g_autofree gsize *row = g_new (gsize, n + 2);
  g_autofree float *cost = NULL;
  g_autofree guint8 *back = NULL;
  g_autoptr(GArray) anchors = NULL;
  GArray *result = g_array_new (FALSE, FALSE, sizeof (PairBead));
  gsize cells = 0;
  DpRow r;

  if (n == 0 || m == 0)
    {
      for (guint i = 0; i < n; i++)
        {
          PairBead bead = { i, i + 1, 0, 0, 0.3 };
          g_array_append_val (result, bead);
        }
      for (guint j = 0; j < m; j++)
        {
          PairBead bead = { n, n, j, j + 1, 0.3 };
          g_array_append_val (result, bead);
        }
      return result;
    }

  if (guide != NULL)
    band_from_path (pair, guide, lo, hi);
  else
    {
      anchors = find_anchors (pair);
      compute_band (pair, anchors, lo, hi);
    }
  pair_cache_sims (pair, lo, hi);
  if (pair->length_table == NULL)
    {
      pair->length_table = g_new (double, LENGTH_TABLE * LENGTH_TABLE);
      for (guint c = 0; c < LENGTH_TABLE * LENGTH_TABLE; c++)
        pair->length_table[c] = NAN;
    }

  for (guint i = 0; i <= n; i++)
    {
      row[i] = cells;
      cells += hi[i] - lo[i] + 1;
    }
  row[n + 1] = cells;

  cost = g_new (float, cells);
  back = g_new (guint8, cells);

#define CELL(i, j) (row[i] + ((j) - lo[i]))

  for (guint i = 0; i <= n; i++)
    {
      guint last = hi[i];

      if ((i & 511) == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            break;
          report_progress (ctx, (double)i / n);
        }

      dp_row_init (pair, &r, cost, lo, hi, row, i);
      for (guint j = lo[i]; j <= last; j++)
        {
          /* Away from the band's edges and the first rows, no bead needs
           * the tests of its range: the cell's code without them. */
          if (j >= r.inner_lo && j <= r.inner_hi)
            dp_cell (pair, &r, i, j, FALSE, &cost[CELL (i, j)], &back[CELL (i, j)]);
          else
            dp_cell (pair, &r, i, j, TRUE, &cost[CELL (i, j)], &back[CELL (i, j)]);
        }
    }

  /* Trace back from (n, m). */
  {
    guint i = n, j = m;

    while ((i > 0 || j > 0) && !g_cancellable_is_cancelled (cancellable))
      {
        guint8 b = back[CELL (i, j)];
        guint k, l;
        BeadCost c;
        PairBead bead;

        g_assert (b != 0xFF);
        k = beads[b].a;
        l = beads[b].b;
        c = bead_cost (pair, i, j, k, l);
        bead.a0 = i - k;
        bead.a1 = i;
        bead.b0 = j - l;
        bead.b1 = j;
        bead.confidence = confidence (&c, k, l);
        g_array_append_val (result, bead);
        i -= k;
        j -= l;
      }
  }

#undef CELL

  reverse_array (result);
  return result;
}

/* Sequences from inputs, with the dictionaries that apply. */

static void
attach_dictionaries (TriAligner    *self,
                     Context       *ctx,
                     TriAlignInput **inputs,
                     guint          n_inputs,
                     gboolean       system);

static void
build_sequence (Context       *ctx,
                TriAlignInput *input,
                guint          from,
                guint          to,
                Sequence      *seq)
{
  LanguageInfo *info = context_language (ctx, input->language);

  seq->n = to - from;
  seq->items = g_new0 (Item, seq->n + 1);
  for (guint i = from; i < to; i++)
    {
      Item *item = &seq->items[i - from];

      sentence_features (ctx, info, g_ptr_array_index (input->sentences, i), item);
      item->par_end = i + 1 >= input->sentences->len || input->paragraphs[i + 1] != input->paragraphs[i];
    }
}

/* Adds the features of @item to the sorted @features (@scratch: space). */
static void
merge_features (GArray     *features,
                GArray     *scratch,
                const Item *item)
{
  g_array_set_size (scratch, features->len + item->n_features);
  g_array_set_size (scratch, merge_unique_u32 ((const guint32 *)(gpointer)features->data, features->len,
                                               item->features, item->n_features,
                                               (guint32 *)(gpointer)scratch->data));
  g_array_set_size (features, 0);
  g_array_append_vals (features, scratch->data, scratch->len);
}

/* The rows of an alignment of two sequences, as one sequence. */
static void
merge_sequence (const Sequence *a,
                const Sequence *b,
                const GArray   *beads_ab,
                double          ratio,
                Sequence       *out)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) features = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (guint32));

  out->n = beads_ab->len;
  out->items = g_new0 (Item, out->n + 1);

  for (guint r = 0; r < beads_ab->len; r++)
    {
      const PairBead *bead = &g_array_index (beads_ab, PairBead, r);
      Item *item = &out->items[r];
      double la = 0, lb = 0;
      gboolean par_end = FALSE;

      g_array_set_size (groups, 0);
      g_array_set_size (features, 0);
      for (guint x = bead->a0; x < bead->a1; x++)
        {
          g_array_append_vals (groups, a->items[x].groups, a->items[x].n_groups);
          merge_features (features, merged, &a->items[x]);
          la += a->items[x].length;
          par_end |= a->items[x].par_end && x + 1 == bead->a1;
        }
      for (guint y = bead->b0; y < bead->b1; y++)
        {
          g_array_append_vals (groups, b->items[y].groups, b->items[y].n_groups);
          merge_features (features, merged, &b->items[y]);
          lb += b->items[y].length;
          par_end |= b->items[y].par_end && y + 1 == bead->b1;
        }

      /* Length on a's scale: the mean of the sides present. */
      if (bead->a1 > bead->a0 && bead->b1 > bead->b0)
        {
          item->length = (guint)((la + lb / ratio) / 2);
          /* One version much the longer (it merges a sentence the other
           * lacks): the third may translate the longer one. */
          if (fabs (la - lb / ratio) > params.length_unlike * MAX (la, lb / ratio))
            item->length_alt = MAX ((guint)MAX (la, lb / ratio), 1);
        }
      else if (bead->a1 > bead->a0)
        item->length = (guint)la;
      else
        item->length = (guint)(lb / ratio);
      item->par_end = par_end;
      item->agreed = bead->a1 > bead->a0 && bead->b1 > bead->b0;

      /* The features of the groups: the items' own, merged (they are
       * sorted) rather than sorted again. */
      item->n_groups = groups->len;
      item->groups = g_memdup2 (groups->data, groups->len * sizeof (guint32));
      item->n_features = features->len;
      item->features = g_new (guint32, features->len + 1);
      if (features->len > 0)
        memcpy (item->features, features->data, features->len * sizeof (guint32));
    }
}

static double
sequence_length (const Sequence *seq)
{
  double total = 0;

  for (guint i = 0; i < seq->n; i++)
    total += seq->items[i].length;
  return total;
}

/* What the documents teach about themselves: in the rows the first pass
 * is sure of, words that keep appearing together ("Gipfel" and "sommet")
 * are taken for translations, and the second pass knows them. Like
 * hunalign's -realign, without a dictionary to start from. */
#define LEARN_MIN_ROWS 40
#define LEARN_MAX_ROWS 3000

static gboolean
learnable (FeatureSpace *space,
           guint32       f)
{
  guint8 kind = g_array_index (space->kinds, guint8, f);

  return kind == KIND_WORD || kind == KIND_NAME;
}

typedef struct
{
  gint64 key;    /* first: the table's key points here */
  guint  count;
} CoCount;

static guint
pair_key_hash (gconstpointer key)
{
  guint64 v = *(const guint64 *)key;

  v ^= v >> 33;
  v *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  v ^= v >> 33;
  return (guint)v;
}

static GHashTable *
learn_lexicon (Context        *ctx,
               const Sequence *a,
               const Sequence *b,
               const Pair     *pair,
               const GArray   *beads_ab)
{
  FeatureSpace *space = &ctx->space;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  /* (f, g) → a CoCount whose first member is the key */
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  /* The same counts, to look them up: g_int64_hash() keeps only the low
   * half of a key (g), so the pairs of one word g share one probe chain
   * in @counts; its order, which decides between equal scores below, is
   * kept by filling it as before. */
  g_autoptr(GHashTable) index = g_hash_table_new (pair_key_hash, g_int64_equal);
  /* rows (sampled) in which each feature occurs, on each side */
  g_autofree guint *df_a = g_new0 (guint, space->kinds->len + 1);
  g_autofree guint *df_b = g_new0 (guint, space->kinds->len + 1);
  GHashTable *lexicon = g_hash_table_new (NULL, NULL);
  GHashTable *best_score = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint step;

  for (guint r = 0; r < beads_ab->len; r++)
    {
      const PairBead *bead = &g_array_index (beads_ab, PairBead, r);
      guint ij[2] = { bead->a0, bead->b0 };

      if (bead->a1 - bead->a0 == 1 && bead->b1 - bead->b0 == 1 && bead->confidence >= 0.9)
        g_array_append_val (rows, ij);
    }

  if (rows->len < LEARN_MIN_ROWS)
    {
      g_hash_table_unref (best_score);
      return lexicon;
    }

  /* Evenly spread rows are enough, and keep long documents linear. */
  step = MAX (1, rows->len / LEARN_MAX_ROWS);

  for (guint r = 0; r < rows->len; r += step)
    {
      const guint *ij = &g_array_index (rows, guint, r * 2);
      const Item *x = &a->items[ij[0]], *y = &b->items[ij[1]];

      for (guint p = 0; p < x->n_features; p++)
        if (learnable (space, x->features[p]) && pair->weight[x->features[p]] == 0)
          df_a[x->features[p]]++;
      for (guint q = 0; q < y->n_features; q++)
        if (learnable (space, y->features[q]) && pair->weight[y->features[q]] == 0)
          df_b[y->features[q]]++;

      /* Only features not already shared: those that match need no help. */
      for (guint p = 0; p < x->n_features; p++)
        {
          guint32 f = x->features[p];

          if (!learnable (space, f) || pair->weight[f] > 0)
            continue;
          for (guint q = 0; q < y->n_features; q++)
            {
              guint32 g = y->features[q];
              gint64 key;
              CoCount *n;

              if (!learnable (space, g) || pair->weight[g] > 0)
                continue;
              key = ((gint64)f << 32) | g;
              n = g_hash_table_lookup (index, &key);
              if (n == NULL)
                {
                  n = g_new0 (CoCount, 1);
                  n->key = key;
                  g_hash_table_insert (counts, &n->key, n);
                  g_hash_table_insert (index, &n->key, n);
                }
              n->count++;
            }
        }
    }

  {
    GHashTableIter iter;
    gpointer k, v;
    guint sampled = (rows->len + step - 1) / step;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &k, &v))
      {
        gint64 key = *(gint64 *)k;
        guint32 f = (guint32)(key >> 32), g = (guint32)(key & 0xFFFFFFFF);
        guint c = ((const CoCount *)v)->count;
        guint da = df_a[f];
        guint db = df_b[g];
        double dice = 2.0 * c / (da + db);
        double *best;

        /* Seen together at least twice, mostly together, and not in every
         * other row (function words). */
        if (c < 2 || dice < 0.5 || da > sampled / 10 || db > sampled / 10)
          continue;

        best = g_hash_table_lookup (best_score, GUINT_TO_POINTER (f + 1));
        if (best == NULL || dice > *best)
          {
            if (best == NULL)
              {
                best = g_new (double, 1);
                g_hash_table_insert (best_score, GUINT_TO_POINTER (f + 1), best);
              }
            *best = dice;
            g_hash_table_insert (lexicon, GUINT_TO_POINTER (f + 1), GUINT_TO_POINTER (g));
          }
      }
  }

  g_hash_table_unref (best_score);
  return lexicon;
}

static void
apply_lexicon (const Sequence *a,
               GHashTable     *lexicon,
               guint           n_features,
               Sequence       *out)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* The lexicon as a table by feature id: looked up for every word. */
  g_autofree guint32 *learnt = g_new (guint32, n_features + 1);
  GHashTableIter iter;
  gpointer key, value;

  memset (learnt, 0xff, (n_features + 1) * sizeof *learnt);
  g_hash_table_iter_init (&iter, lexicon);
  while (g_hash_table_iter_next (&iter, &key, &value))
    learnt[GPOINTER_TO_UINT (key) - 1] = GPOINTER_TO_UINT (value);

  out->n = a->n;
  out->items = g_new0 (Item, a->n + 1);

  for (guint i = 0; i < a->n; i++)
    {
      const Item *x = &a->items[i];
      Item *y = &out->items[i];
      guint32 *v, *w;
      guint n = 0, n_added = 0;

      /* A learnt translation joins its word's group. */
      g_array_set_size (groups, x->n_groups * 2 + 1);
      g_array_set_size (added, x->n_groups + 1);
      v = (guint32 *)(gpointer)groups->data;
      w = (guint32 *)(gpointer)added->data;
      for (guint g = 0; g < x->n_groups; g += GROUP_COUNT (x->groups[g]) + 1)
        {
          guint start = n++;

          for (guint k = 0; k < GROUP_COUNT (x->groups[g]); k++)
            {
              guint32 f = x->groups[g + 1 + k];

              v[n++] = f;
              if (learnt[f] != G_MAXUINT32)
                v[n++] = w[n_added++] = learnt[f];
            }
          v[start] = (n - start - 1) | (x->groups[g] & GROUP_OWN);
        }
      g_array_set_size (groups, n);

      *y = *x;
      /* x's features are sorted already: only the few learnt ids join. */
      item_add_groups (y, x, groups, w, n_added);
    }
}

/* @a and @b aligned: a first pass, then a second knowing what the first
 * teaches (when it teaches anything). With @raw, the pair of the two made
 * already (pair_borrow()); with a @guide, an alignment of the two known
 * already, which stands for the first pass, and a narrow band around it. */
static GArray *
align_sequences (Context        *ctx,
                 const Sequence *a,
                 const Sequence *b,
                 gboolean        close,
                 const Pair     *raw,
                 const GArray   *guide,
                 GCancellable   *cancellable)
{
  Pair pair;
  GArray *result;
  double from = ctx->stage_from, to = ctx->stage_to;

  if (raw != NULL)
    pair_borrow (&pair, raw);
  else
    {
      pair_init (&pair, &ctx->space, a->items, a->n, b->items, b->n);
      pair.close = close;
    }
  if (guide != NULL)
    {
      pair.guide_width = GUIDE_WIDTH_NEAR;
      result = g_array_ref ((GArray *)guide);
    }
  else
    {
      ctx->stage_to = from + (to - from) * 0.6;
      result = align_pair (ctx, &pair, NULL, cancellable);
      ctx->stage_from = ctx->stage_to;
      ctx->stage_to = to;
    }

  if (a->n >= LEARN_MIN_ROWS && b->n >= LEARN_MIN_ROWS && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GHashTable) lexicon = learn_lexicon (ctx, a, b, &pair, result);

      if (g_hash_table_size (lexicon) > 0)
        {
          Sequence learned = { NULL, 0 };
          GArray *first = result;

          double *lengths = g_steal_pointer (&pair.length_table);
          double ratio = pair.ratio, variance = pair.variance;
          guint width = pair.guide_width;

          apply_lexicon (a, lexicon, ctx->space.kinds->len, &learned);
          pair_release (&pair, raw != NULL);
          pair_init (&pair, &ctx->space, learned.items, learned.n, b->items, b->n);
          pair.close = close;
          pair.guide_width = width;
          /* The learned items keep their lengths: the first pass's length
           * costs hold (each a function of the two lengths, the ratio and
           * the variance alone). */
          if (pair.ratio == ratio && pair.variance == variance)
            pair.length_table = g_steal_pointer (&lengths);
          g_free (lengths);
          result = align_pair (ctx, &pair, first, cancellable);
          g_array_unref (first);
          pair_clear (&pair);
          sequence_clear (&learned);
          return result;
        }
    }

  if (guide != NULL)
    {
      g_array_unref (result);
      result = align_pair (ctx, &pair, guide, cancellable);
    }
  pair_release (&pair, raw != NULL);

  return result;
}

/* The script a language is written in (USCRIPT_INVALID_CODE if unknown). */
static UScriptCode
language_script (const char *language)
{
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode codes[4];
  int32_t n = uscript_getCode (language, codes, G_N_ELEMENTS (codes), &status);

  return U_SUCCESS (status) && n > 0 ? codes[0] : USCRIPT_INVALID_CODE;
}

/* Two languages of one script other than Latin (Russian and Ukrainian):
 * close enough that translations share most of their words. */
static gboolean
languages_close (const TriAlignInput *a,
                 const TriAlignInput *b)
{
  UScriptCode script = language_script (a->language);

  return script != USCRIPT_INVALID_CODE && script != USCRIPT_LATIN && script == language_script (b->language);
}

/* Which two of three languages to align first: the pair that shares a
 * script (ru and uk), else the first two. */
static void
choose_pivot (TriAlignInput **inputs,
              guint          *p,
              guint          *q,
              guint          *r)
{
  UScriptCode scripts[3];

  for (guint i = 0; i < 3; i++)
    scripts[i] = language_script (inputs[i]->language);

  *p = 0, *q = 1, *r = 2;
  if (scripts[1] == scripts[2] && scripts[0] != scripts[1])
    *p = 1, *q = 2, *r = 0;
  else if (scripts[0] == scripts[2] && scripts[0] != scripts[1])
    *p = 0, *q = 2, *r = 1;
}

/* Three languages: the rows around an uncertain one decided again on all
 * three pairs at once. The first stage aligns two languages without the
 * third and the second never revisits its rows; here a window of rows is
 * aligned anew by a three-dimensional DP in which a row costs what its
 * three projections cost in the pairs' own terms, each projection the
 * best of its pair's beads inside the row (a row where one version merges
 * two sentences costs the other two's 1-1 rows there, not a 2-2). */
#define REFINE_ROW 3      /* sentences of a language in one row */
#define REFINE_WINDOW 10  /* sentences of a language in one window */

/* A row's shape is packed in a byte as counts in base 4 (shape / 16,
 * shape / 4 % 4, shape % 4 below). */
G_STATIC_ASSERT (REFINE_ROW + 1 == 4);

typedef double RefineBlock[REFINE_ROW + 1][REFINE_ROW + 1];

/* The least cost of a's [x, x + p) against b's [y, y + q), for every p
 * up to REFINE_ROW and @x_end − x, q up to REFINE_ROW and @y_end − y:
 * skips where a side is empty, else beads with sentences on both sides. */
static void
refine_block (const Pair  *pair,
              guint        x,
              guint        y,
              guint        x_end,
              guint        y_end,
              RefineBlock  out)
{
  for (guint p = 0; p <= REFINE_ROW; p++)
    for (guint q = 0; q <= REFINE_ROW; q++)
      {
        double best = INFINITY;

        if (p == 0 || q == 0 || x + p > x_end || y + q > y_end)
          {
            out[p][q] = x + p > x_end || y + q > y_end ? INFINITY : pair->prior[p][q];
            continue;
          }
        for (guint b = 0; b < N_BEADS; b++)
          {
            guint k = beads[b].a, l = beads[b].b;

            /* a projection never leaves a sentence alone inside the row,
             * and its last bead ends the row on both sides */
            if (k > p || l > q || k == 0 || l == 0 || (p == k) != (q == l))
              continue;
            best = MIN (best, out[p - k][q - l] + bead_cost (pair, x + p, y + q, k, l).cost);
          }
        out[p][q] = best;
      }
}

typedef struct
{
  const Pair *pair;
  guint       x0, y0;   /* the window's first sentences in the pair's two languages */
  guint       nx, ny;
  RefineBlock *blocks;  /* [(x − x0) * (ny + 1) + y − y0] */
} RefinePair;

static const guint refine_sides[3][2] = { { 0, 1 }, { 0, 2 }, { 1, 2 } };

/* The pair of sequences @seq of the languages refine_sides[@s]. */
static void
pair_init_sides (Context         *ctx,
                 TriAlignInput  **inputs,
                 const Sequence  *seq,
                 guint            s,
                 Pair            *pair)
{
  guint a = refine_sides[s][0], b = refine_sides[s][1];

  pair_init (pair, &ctx->space, seq[a].items, seq[a].n, seq[b].items, seq[b].n);
  pair->close = languages_close (inputs[a], inputs[b]);
}

/* Which of refine_sides is languages @a < @b. */
static guint
sides_index (guint a,
             guint b)
{
  return a == 0 ? b - 1 : 2;
}

/* The cost of a row of @count sentences from @at (relative to the window). */
static double
refine_row_cost (const RefinePair *rp,
                 const guint      *at,
                 const guint      *count)
{
  double cost = params.refine_row;

  for (guint s = 0; s < 3; s++)
    {
      guint a = refine_sides[s][0], b = refine_sides[s][1];

      cost += rp[s].blocks[at[a] * (rp[s].ny + 1) + at[b]][count[a]][count[b]];
    }
  return cost;
}

static double
refine_confidence (Pair        *pairs,
                   const guint *first,
                   const guint *count)
{
  double score = 1.0;
  gboolean any = FALSE;

  for (guint s = 0; s < 3; s++)
    {
      guint a = refine_sides[s][0], b = refine_sides[s][1];
      BeadCost c;

      if (count[a] == 0 || count[b] == 0)
        continue;
      c = bead_cost (&pairs[s], first[a] + count[a], first[b] + count[b], count[a], count[b]);
      score = MIN (score, confidence (&c, count[a], count[b]));
      any = TRUE;
    }
  return any ? score : 0.3;
}

/* Re-decides rows [t0, t1) of @in (sentence numbers from @from) and
 * appends the rows to @out. */
static void
refine_window (Pair          *pairs,
               const guint   *from,
               const TriBead *in,
               guint          t0,
               guint          t1,
               GArray        *out)
{
  guint x0[3], n[3];
  RefinePair rp[3];
  g_autofree double *cost = NULL;
  g_autofree guint8 *back = NULL;
  double old_cost = 0;
  gsize cells;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint8));

  for (guint l = 0; l < 3; l++)
    {
      x0[l] = in[t0].first[l] - from[l];
      n[l] = 0;
      for (guint t = t0; t < t1; t++)
        n[l] += in[t].count[l];
    }
  for (guint s = 0; s < 3; s++)
    {
      guint a = refine_sides[s][0], b = refine_sides[s][1];

      rp[s].pair = &pairs[s];
      rp[s].x0 = x0[a], rp[s].y0 = x0[b];
      rp[s].nx = n[a], rp[s].ny = n[b];
      rp[s].blocks = g_new (RefineBlock, (n[a] + 1) * (n[b] + 1));
      /* The similarities of the window's sentences, each computed once
       * (the blocks ask for most of them many times). */
      for (guint x = 0; x < n[a]; x++)
        {
          pairs[s].sim_lo[x0[a] + x] = x0[b];
          pairs[s].sim_hi[x0[a] + x] = x0[b] + n[b];
          pairs[s].sim_row[x0[a] + x] = (gsize)x * n[b];
        }
      for (guint c = 0; c < n[a] * n[b]; c++)
        pairs[s].sim[c] = -1;
      for (guint x = 0; x <= n[a]; x++)
        for (guint y = 0; y <= n[b]; y++)
          refine_block (&pairs[s], x0[a] + x, x0[b] + y, x0[a] + n[a], x0[b] + n[b],
                        rp[s].blocks[x * (n[b] + 1) + y]);
    }

  /* The rows there now, in the same terms. */
  {
    guint at[3] = { 0, 0, 0 };

    for (guint t = t0; t < t1 && isfinite (old_cost); t++)
      {
        guint count[3];

        for (guint l = 0; l < 3; l++)
          count[l] = in[t].count[l];
        if (count[0] > REFINE_ROW || count[1] > REFINE_ROW || count[2] > REFINE_ROW)
          old_cost = INFINITY;
        else
          old_cost += refine_row_cost (rp, at, count);
        for (guint l = 0; l < 3; l++)
          at[l] += count[l];
      }
  }

#define CELL3(i, j, k) (((gsize)(i) * (n[1] + 1) + (j)) * (n[2] + 1) + (k))
  cells = (gsize)(n[0] + 1) * (n[1] + 1) * (n[2] + 1);
  cost = g_new (double, cells);
  back = g_new (guint8, cells);
  for (guint i = 0; i <= n[0]; i++)
    for (guint j = 0; j <= n[1]; j++)
      for (guint k = 0; k <= n[2]; k++)
        {
          double best = i + j + k == 0 ? 0 : INFINITY;
          guint8 how = 0;

          for (guint shape = 1; shape < (REFINE_ROW + 1) * (REFINE_ROW + 1) * (REFINE_ROW + 1); shape++)
            {
              guint count[3] = { shape / 16, shape / 4 % 4, shape % 4 };
              guint at[3];
              double c;

              if (count[0] > i || count[1] > j || count[2] > k)
                continue;
              at[0] = i - count[0], at[1] = j - count[1], at[2] = k - count[2];
              c = cost[CELL3 (at[0], at[1], at[2])];
              if (!isfinite (c))
                continue;
              c += refine_row_cost (rp, at, count);
              if (c < best)
                best = c, how = (guint8)shape;
            }
          cost[CELL3 (i, j, k)] = best;
          back[CELL3 (i, j, k)] = how;
        }

  if (!(cost[cells - 1] < old_cost - params.refine_margin))
    {
      g_array_append_vals (out, &in[t0], t1 - t0);
    }
  else
    {
      guint i = n[0], j = n[1], k = n[2];

      while (i + j + k > 0)
        {
          guint8 shape = back[CELL3 (i, j, k)];

          g_array_append_val (found, shape);
          i -= shape / 16, j -= shape / 4 % 4, k -= shape % 4;
        }
      for (guint f = found->len; f-- > 0;)
        {
          guint8 shape = g_array_index (found, guint8, f);
          guint count[3] = { shape / 16, shape / 4 % 4, shape % 4 };
          TriBead row = { { 0 }, { 0 }, 0, FALSE, FALSE };
          guint first[3];

          for (guint l = 0; l < 3; l++)
            {
              row.first[l] = from[l] + x0[l] + (l == 0 ? i : l == 1 ? j : k);
              row.count[l] = count[l];
              first[l] = row.first[l] - from[l];
            }
          row.score = refine_confidence (pairs, first, count);
          g_array_append_val (out, row);
          i += count[0], j += count[1], k += count[2];
        }
    }
#undef CELL3

  for (guint s = 0; s < 3; s++)
    {
      guint a = refine_sides[s][0];

      g_free (rp[s].blocks);
      for (guint x = 0; x < n[a]; x++)
        pairs[s].sim_lo[x0[a] + x] = pairs[s].sim_hi[x0[a] + x] = 0;
    }
}

/* A row that is not one sentence of each language: where the two stages
 * leave their mistakes (a sentence alone, or a merge). */
static gboolean
refine_uncertain (const TriBead *row)
{
  return row->count[0] != 1 || row->count[1] != 1 || row->count[2] != 1;
}

/* The three-way rows @rows[@base …] of sequences @seq, refined. */
static void
refine_rows (Context        *ctx,
             TriAlignInput **inputs,
             const Sequence *seq,
             const guint    *from,
             const Pair     *raw,
             GArray         *rows,
             guint           base)
{
  g_autoptr(GArray) in = NULL;
  Pair pairs[3];
  guint n_in, t = 0;

  if (seq[0].n == 0 || seq[1].n == 0 || seq[2].n == 0 || rows->len == base)
    return;

  n_in = rows->len - base;
  in = g_array_sized_new (FALSE, FALSE, sizeof (TriBead), n_in);
  g_array_append_vals (in, &g_array_index (rows, TriBead, base), n_in);
  g_array_set_size (rows, base);

  for (guint s = 0; s < 3; s++)
    {
      Pair *pair = &pairs[s];

      if (raw != NULL)
        pair_borrow (pair, &raw[s]);
      else
        pair_init_sides (ctx, inputs, seq, s, pair);
      /* A window's similarities (see refine_window()), and length costs. */
      pair->sim = g_new (float, REFINE_WINDOW * REFINE_WINDOW);
      pair->sim_row = g_new0 (gsize, pair->n + 1);
      pair->sim_lo = g_new0 (guint, pair->n + 1);
      pair->sim_hi = g_new0 (guint, pair->n + 1);
      pair->length_table = g_new (double, LENGTH_TABLE * LENGTH_TABLE);
      for (guint c = 0; c < LENGTH_TABLE * LENGTH_TABLE; c++)
        pair->length_table[c] = NAN;
    }

  while (t < n_in)
    {
      const TriBead *r = &g_array_index (in, TriBead, 0);
      guint t0, t1, size[3] = { 0, 0, 0 };
      gboolean fits = TRUE;

      if (!refine_uncertain (&r[t]))
        {
          g_array_append_val (rows, r[t]);
          t++;
          continue;
        }
      /* A window: the uncertain rows from here (and a certain row
       * between two uncertain ones) with a certain row on each side. It
       * ends before two certain rows, so the row before it, if any, is a
       * certain row output as it was: taken back into the window. */
      t0 = t;
      t1 = t + 1;
      while (t1 < n_in && (refine_uncertain (&r[t1]) || (t1 + 1 < n_in && refine_uncertain (&r[t1 + 1]))))
        t1++;
      if (t1 < n_in)
        t1++;
      if (t0 > 0)
        {
          g_array_set_size (rows, rows->len - 1);
          t0--;
        }
      for (guint u = t0; u < t1; u++)
        for (guint l = 0; l < 3; l++)
          size[l] += r[u].count[l];
      for (guint l = 0; l < 3; l++)
        fits &= size[l] <= REFINE_WINDOW;
      if (fits)
        refine_window (pairs, from, r, t0, t1, rows);
      else
        g_array_append_vals (rows, &r[t0], t1 - t0);
      t = t1;
    }

  for (guint s = 0; s < 3; s++)
    pair_release (&pairs[s], raw != NULL);
}

/* The unit (bead of @path) each sentence of one side is in. */
static guint *
units_of (const GArray *path,
          guint         n,
          gboolean      side_a)
{
  guint *unit = g_new0 (guint, n + 1);

  for (guint u = 0; u < path->len; u++)
    {
      const PairBead *bead = &g_array_index (path, PairBead, u);
      guint first = side_a ? bead->a0 : bead->b0, last = side_a ? bead->a1 : bead->b1;

      for (guint i = first; i < last && i < n; i++)
        unit[i] = u;
    }
  return unit;
}

/* Three-way @rows (of a segment, in order) as a path of beads between
 * language @x and language @y — or, with @unit_y and @unit_z, between @x
 * and the units (beads of an alignment of @y with the third language)
 * that hold their other sentences. */
static GArray *
project_rows (const GArray *rows,
              guint         x,
              guint         y,
              const guint  *unit_y,
              const guint  *unit_z)
{
  GArray *path = g_array_new (FALSE, FALSE, sizeof (PairBead));
  guint pos[3] = { 0, 0, 0 }, z = 3 - x - y, next_unit = 0;

  for (guint t = 0; t < rows->len; t++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, t);
      PairBead bead = { pos[x], pos[x] + row->count[x], 0, 0, row->score };

      if (unit_y == NULL)
        {
          bead.b0 = pos[y];
          bead.b1 = pos[y] + row->count[y];
        }
      else
        {
          guint lo = G_MAXUINT, hi = 0;

          for (guint i = 0; i < row->count[y]; i++)
            lo = MIN (lo, unit_y[pos[y] + i]), hi = MAX (hi, unit_y[pos[y] + i] + 1);
          for (guint i = 0; i < row->count[z]; i++)
            lo = MIN (lo, unit_z[pos[z] + i]), hi = MAX (hi, unit_z[pos[z] + i] + 1);
          if (lo == G_MAXUINT)
            lo = hi = next_unit;
          bead.b0 = MAX (lo, next_unit > 0 ? next_unit - 1 : 0);
          bead.b1 = MAX (hi, bead.b0);
          next_unit = MAX (next_unit, hi);
        }
      for (guint l = 0; l < 3; l++)
        pos[l] += row->count[l];
      if (bead.a1 > bead.a0 || bead.b1 > bead.b0)
        g_array_append_val (path, bead);
    }
  return path;
}

/* Three languages, aligned in two stages: @p with @q first, then @r
 * against the rows of that alignment; the rows appended to @rows,
 * refined. With @raw, the pairs of the languages (see refine_sides), made
 * by the thread *@pending if that is not NULL: joined (and set to NULL)
 * before the refinement needs them. */
static void
align_three (Context        *ctx,
             TriAlignInput **inputs,
             const Sequence *seq,
             const guint    *from,
             guint           p,
             guint           q,
             guint           r,
             const Pair     *raw,
             GThread       **pending,
             const GArray   *guide,
             GArray         *rows,
             GCancellable   *cancellable)
{
  guint base = rows->len;
  g_autoptr(GArray) beads_pq = NULL;
  g_autoptr(GArray) beads_ru = NULL;
  g_autoptr(GArray) guide_pq = NULL;
  g_autoptr(GArray) guide_ru = NULL;
  Sequence units = { NULL, 0 };
  double ratio = 1.0;
  double from_stage = ctx->stage_from, to_stage = ctx->stage_to;

  if (guide != NULL)
    guide_pq = project_rows (guide, p, q, NULL, NULL);
  ctx->stage_to = (from_stage + to_stage) / 2;
  beads_pq = align_sequences (ctx, &seq[p], &seq[q], languages_close (inputs[p], inputs[q]),
                              raw != NULL ? &raw[sides_index (p, q)] : NULL, guide_pq, cancellable);
  ctx->stage_from = ctx->stage_to;
  ctx->stage_to = to_stage;

  if (sequence_length (&seq[p]) > 0 && sequence_length (&seq[q]) > 0)
    ratio = sequence_length (&seq[q]) / sequence_length (&seq[p]);
  merge_sequence (&seq[p], &seq[q], beads_pq, ratio, &units);

  if (guide != NULL)
    {
      g_autofree guint *unit_p = units_of (beads_pq, seq[p].n, TRUE);
      g_autofree guint *unit_q = units_of (beads_pq, seq[q].n, FALSE);

      guide_ru = project_rows (guide, r, p, unit_p, unit_q);
    }
  if (guide_ru != NULL)
    {
      /* Near the usual order's rows, the second stage learns nothing the
       * first did not (the same rows on the bench with or without). */
      Pair pair;

      pair_init (&pair, &ctx->space, seq[r].items, seq[r].n, units.items, units.n);
      pair.guide_width = GUIDE_WIDTH_NEAR;
      beads_ru = align_pair (ctx, &pair, guide_ru, cancellable);
      pair_clear (&pair);
    }
  else
    beads_ru = align_sequences (ctx, &seq[r], &units, FALSE, NULL, NULL, cancellable);

  for (guint t = 0; t < beads_ru->len; t++)
    {
      const PairBead *bead = &g_array_index (beads_ru, PairBead, t);
      TriBead row = { { 0 }, { 0 }, bead->confidence, FALSE };
      guint first_p = G_MAXUINT, first_q = G_MAXUINT;
      double unit_confidence = 1.0;

      row.first[r] = from[r] + bead->a0;
      row.count[r] = bead->a1 - bead->a0;

      for (guint u = bead->b0; u < bead->b1; u++)
        {
          const PairBead *unit = &g_array_index (beads_pq, PairBead, u);

          if (unit->a1 > unit->a0)
            {
              first_p = MIN (first_p, unit->a0);
              row.count[p] += unit->a1 - unit->a0;
            }
          if (unit->b1 > unit->b0)
            {
              first_q = MIN (first_q, unit->b0);
              row.count[q] += unit->b1 - unit->b0;
            }
          unit_confidence = MIN (unit_confidence, unit->confidence);
        }

      /* An empty side starts where the next sentence would. */
      if (first_p == G_MAXUINT)
        first_p = bead->b0 < beads_pq->len ? g_array_index (beads_pq, PairBead, bead->b0).a0
                                            : seq[p].n;
      if (first_q == G_MAXUINT)
        first_q = bead->b0 < beads_pq->len ? g_array_index (beads_pq, PairBead, bead->b0).b0
                                            : seq[q].n;
      row.first[p] = from[p] + first_p;
      row.first[q] = from[q] + first_q;
      if (bead->b1 > bead->b0)
        row.score = MIN (row.score, unit_confidence);
      g_array_append_val (rows, row);
    }

  sequence_clear (&units);
  if (pending != NULL && *pending != NULL)
    g_thread_join (g_steal_pointer (pending));
  if (params.refine > 0 && !g_cancellable_is_cancelled (cancellable))
    refine_rows (ctx, inputs, seq, from, raw, rows, base);
}

/* A union–find over the sentences of three languages. */
static guint
region_find (guint *parent,
             guint  x)
{
  while (parent[x] != x)
    x = parent[x] = parent[parent[x]];
  return x;
}

/* The rows of one three-way run, by region: where each region's rows
 * start in the run and how many there are (G_MAXUINT when they are not
 * one run of rows). */
typedef struct
{
  GArray *rows;
  guint  *start;
  guint  *n;
} VotedRun;

static gboolean
regions_equal (const VotedRun *a,
               const VotedRun *b,
               guint           region)
{
  if (a->n[region] != b->n[region])
    return FALSE;
  for (guint t = 0; t < a->n[region]; t++)
    {
      const TriBead *x = &g_array_index (a->rows, TriBead, a->start[region] + t);
      const TriBead *y = &g_array_index (b->rows, TriBead, b->start[region] + t);

      for (guint l = 0; l < 3; l++)
        if (x->count[l] != y->count[l] || (x->count[l] > 0 && x->first[l] != y->first[l]))
          return FALSE;
    }
  return TRUE;
}

/* The pairs of three languages but one (@except), for align_three_voted(). */
typedef struct
{
  Context         *ctx;
  TriAlignInput  **inputs;
  const Sequence  *seq;
  Pair            *pairs;
  guint            except;
} RawPairsJob;

static gpointer
make_raw_pairs (gpointer data)
{
  RawPairsJob *job = data;

  for (guint s = 0; s < 3; s++)
    if (s != job->except)
      pair_init_sides (job->ctx, job->inputs, job->seq, s, &job->pairs[s]);
  return NULL;
}

/* One order of the stages, in a thread of its own: a copy of the
 * context that reports no progress (the calling thread does). */
typedef struct
{
  Context          ctx;
  gint             progress;
  TriAlignInput  **inputs;
  const Sequence  *seq;
  const guint     *from;
  const guint     *order;
  const Pair      *raw;
  const GArray    *guide;
  GArray          *rows;
  GCancellable    *cancellable;
} VariantJob;

static gpointer
variant_thread (gpointer data)
{
  VariantJob *job = data;

  align_three (&job->ctx, job->inputs, job->seq, job->from, job->order[0], job->order[1], job->order[2],
               job->raw, NULL, job->guide, job->rows, job->cancellable);
  return NULL;
}

/* Three languages, aligned three times, each language in turn aligned
 * last against the rows of the other two. The usual order (@p with @q
 * first: Russian with Ukrainian, then English) never lets English undo a
 * row of the first stage — such as two different sentences paired, where
 * each version kept one the other lacks — while the two orders whose
 * first stage holds @r see it. Where those two agree with each other on
 * a region and not with the usual order, their rows are taken (on the
 * hard wmt22 news bench, strict F1 +0.003–0.007 in the English pairs,
 * see bench/RESULTS.md). A region: the sentences that the rows of any of
 * the three runs link. The other two orders run after the usual one,
 * at the same time, in a narrow band around its rows (they differ from
 * it in a sentence or two), and share its pairs of languages. */
static void
align_three_voted (Context        *ctx,
                   TriAlignInput **inputs,
                   const Sequence *seq,
                   const guint    *from,
                   guint           p,
                   guint           q,
                   guint           r,
                   GArray         *rows,
                   GCancellable   *cancellable)
{
  const guint order[3][3] = {
    { p, q, r }, { MIN (q, r), MAX (q, r), p }, { MIN (p, r), MAX (p, r), q },
  };
  double from_stage = ctx->stage_from, to_stage = ctx->stage_to;
  guint offset[3] = { 0, seq[0].n, seq[0].n + seq[1].n };
  guint n_total = seq[0].n + seq[1].n + seq[2].n;
  g_autofree guint *parent = g_new (guint, n_total);
  VotedRun runs[3];
  Pair raw[3];
  RawPairsJob making = { ctx, inputs, seq, raw, sides_index (p, q) };
  GThread *pending;

  for (guint x = 0; x < n_total; x++)
    parent[x] = x;
  /* The pairs of the three languages, shared by the three orders: the
   * first stage's now, the other two (for the refinement) meanwhile. */
  pending = g_thread_try_new ("tri-aligner-pairs", make_raw_pairs, &making, NULL);
  if (pending == NULL)
    make_raw_pairs (&making);
  pair_init_sides (ctx, inputs, seq, making.except, &raw[making.except]);

  for (guint v = 0; v < 3; v++)
    {
      runs[v].rows = g_array_new (FALSE, FALSE, sizeof (TriBead));
      runs[v].start = g_new (guint, n_total);
      runs[v].n = g_new0 (guint, n_total);
    }

  /* The usual order first; the other two near its rows, at once. */
  ctx->stage_to = from_stage + (to_stage - from_stage) * 0.6;
  align_three (ctx, inputs, seq, from, p, q, r, raw, &pending, NULL, runs[0].rows, cancellable);
  {
    VariantJob job = { *ctx, 0, inputs, seq, from, order[2], raw, runs[0].rows, runs[2].rows, cancellable };
    GThread *thread;

    job.ctx.progress = &job.progress;
    job.ctx.progress_callback = NULL;
    thread = g_thread_try_new ("tri-aligner-order", variant_thread, &job, NULL);
    ctx->stage_from = ctx->stage_to;
    ctx->stage_to = to_stage;
    align_three (ctx, inputs, seq, from, order[1][0], order[1][1], order[1][2], raw, NULL, runs[0].rows, runs[1].rows,
                 cancellable);
    if (thread != NULL)
      g_thread_join (thread);
    else
      variant_thread (&job);
  }

  for (guint v = 0; v < 3; v++)
    for (guint t = 0; t < runs[v].rows->len; t++)
      {
        const TriBead *row = &g_array_index (runs[v].rows, TriBead, t);
        guint root = G_MAXUINT;

        for (guint l = 0; l < 3; l++)
          for (guint i = 0; i < row->count[l]; i++)
            {
              guint x = region_find (parent, offset[l] + row->first[l] - from[l] + i);

              if (root == G_MAXUINT)
                root = x;
              else if (x != root)
                parent[x] = root;
            }
      }
  ctx->stage_from = from_stage;
  ctx->stage_to = to_stage;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_array_append_vals (rows, runs[0].rows->data, runs[0].rows->len);
      goto out;
    }

  /* Where each region's rows lie in each run. */
  for (guint v = 0; v < 3; v++)
    for (guint t = 0; t < runs[v].rows->len; t++)
      {
        const TriBead *row = &g_array_index (runs[v].rows, TriBead, t);
        guint l = row->count[0] > 0 ? 0 : row->count[1] > 0 ? 1 : 2;
        guint region;

        if (row->count[l] == 0)
          continue;
        region = region_find (parent, offset[l] + row->first[l] - from[l]);
        if (runs[v].n[region] == 0)
          runs[v].start[region] = t;
        else if (runs[v].n[region] == G_MAXUINT || runs[v].start[region] + runs[v].n[region] != t)
          {
            runs[v].n[region] = G_MAXUINT;
            continue;
          }
        runs[v].n[region]++;
      }

  for (guint t = 0; t < runs[0].rows->len; t++)
    {
      const TriBead *row = &g_array_index (runs[0].rows, TriBead, t);
      guint l = row->count[0] > 0 ? 0 : row->count[1] > 0 ? 1 : 2;
      guint region;

      if (row->count[l] == 0)
        {
          g_array_append_val (rows, *row);
          continue;
        }
      region = region_find (parent, offset[l] + row->first[l] - from[l]);
      if (runs[0].n[region] != G_MAXUINT && runs[1].n[region] != G_MAXUINT &&
          regions_equal (&runs[1], &runs[2], region) && !regions_equal (&runs[0], &runs[1], region))
        {
          g_array_append_vals (rows, &g_array_index (runs[1].rows, TriBead, runs[1].start[region]), runs[1].n[region]);
          t += runs[0].n[region] - 1;
        }
      else
        g_array_append_val (rows, *row);
    }

out:
  for (guint s = 0; s < 3; s++)
    pair_clear (&raw[s]);
  for (guint v = 0; v < 3; v++)
    {
      g_array_unref (runs[v].rows);
      g_free (runs[v].start);
      g_free (runs[v].n);
    }
}

/* Aligns the sentences [from[k], to[k]) of every input. */
static void
align_segment (TriAligner     *self,
               Context        *ctx,
               TriAlignInput **inputs,
               guint           n_inputs,
               const guint    *from,
               const guint    *to,
               GArray         *rows,
               GCancellable   *cancellable)
{
  Sequence seq[TRI_ALIGN_MAX_LANGUAGES] = { { NULL, 0 } };

  for (guint k = 0; k < n_inputs; k++)
    build_sequence (ctx, inputs[k], from[k], to[k], &seq[k]);

  if (n_inputs == 1)
    {
      for (guint i = 0; i < seq[0].n; i++)
        {
          TriBead row = { { from[0] + i }, { 1 }, 1.0, FALSE };
          g_array_append_val (rows, row);
        }
    }
  else if (n_inputs == 2)
    {
      g_autoptr(GArray) beads_ab = align_sequences (ctx, &seq[0], &seq[1], languages_close (inputs[0], inputs[1]), NULL, NULL, cancellable);

      for (guint r = 0; r < beads_ab->len; r++)
        {
          const PairBead *bead = &g_array_index (beads_ab, PairBead, r);
          TriBead row = { { 0 }, { 0 }, bead->confidence, FALSE };

          row.first[0] = from[0] + bead->a0;
          row.count[0] = bead->a1 - bead->a0;
          row.first[1] = from[1] + bead->b0;
          row.count[1] = bead->b1 - bead->b0;
          g_array_append_val (rows, row);
        }
    }
  else
    {
      guint p, q, r;

      choose_pivot (inputs, &p, &q, &r);
      if (params.vote > 0)
        align_three_voted (ctx, inputs, seq, from, p, q, r, rows, cancellable);
      else
        align_three (ctx, inputs, seq, from, p, q, r, NULL, NULL, NULL, rows, cancellable);
    }

  for (guint k = 0; k < n_inputs; k++)
    sequence_clear (&seq[k]);
}

/* The aligner object */

struct _TriAligner
{
  GObject        parent_instance;

  TriDictionary *user_dictionary;
  gboolean       system_dictionaries;
  gint           progress;   /* per mille, atomic */
};

G_DEFINE_FINAL_TYPE (TriAligner, tri_aligner, G_TYPE_OBJECT)

static void
tri_aligner_finalize (GObject *object)
{
  TriAligner *self = (TriAligner *)object;

  g_clear_pointer (&self->user_dictionary, tri_dictionary_unref);

  G_OBJECT_CLASS (tri_aligner_parent_class)->finalize (object);
}

static void
tri_aligner_class_init (TriAlignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_aligner_finalize;
}

static void
tri_aligner_init (TriAligner *self)
{
  self->system_dictionaries = TRUE;
}

TriAligner *
tri_aligner_new (void)
{
  return g_object_new (TRI_TYPE_ALIGNER, NULL);
}

/**
 * tri_aligner_set_user_dictionary:
 * @self: a #TriAligner
 * @dictionary: (nullable): a word list, see tri_dictionary_load_word_list()
 *
 * Pairs of words the aligner takes for translations of each other, in
 * every pair of languages.
 */
void
tri_aligner_set_user_dictionary (TriAligner    *self,
                                 TriDictionary *dictionary)
{
  g_return_if_fail (TRI_IS_ALIGNER (self));

  g_clear_pointer (&self->user_dictionary, tri_dictionary_unref);
  if (dictionary != NULL)
    self->user_dictionary = tri_dictionary_ref (dictionary);
}

/**
 * tri_aligner_set_system_dictionaries:
 * @self: a #TriAligner
 * @use: whether to read Debian's bilingual dictionaries
 *
 * On by default; tests turn it off to depend on nothing installed.
 */
void
tri_aligner_set_system_dictionaries (TriAligner *self,
                                     gboolean    use)
{
  g_return_if_fail (TRI_IS_ALIGNER (self));

  self->system_dictionaries = use;
}

/* The system dictionary of @source's words (base languages) into
 * *@target's, which may become the language it translates into. */
static TriDictionary *
system_dictionary (const char  *source,
                   char       **target)
{
  TriDictionary *dict = tri_dictionary_get_system (source, *target);

  /* English–Ukrainian: no dictionary; go through Russian, whose
   * words share most roots with Ukrainian (research §7). */
  if (dict == NULL && g_str_equal (source, "en") && g_str_equal (*target, "uk"))
    {
      dict = tri_dictionary_get_system ("en", "ru");
      g_free (*target);
      *target = g_strdup ("ru");
    }
  /* Russian and Ukrainian: Apertium's bilingual lemmas (уряд is
   * правительство, також также), for the words that are no
   * cognates; Ukrainian meets English through them too. */
  if (dict == NULL && g_str_equal (source, "uk") && g_str_equal (*target, "en"))
    {
      g_free (*target);
      *target = g_strdup ("ru");
    }
  if (dict == NULL && ((g_str_equal (source, "ru") && g_str_equal (*target, "uk")) ||
                       (g_str_equal (source, "uk") && g_str_equal (*target, "ru"))))
    dict = tri_apertium_get_dictionary (source, *target);
  return dict;
}

typedef struct
{
  GStrv    languages;
  gboolean system;
} Preload;

static gpointer
preload_thread (gpointer data)
{
  Preload *preload = data;
  guint n = g_strv_length (preload->languages);

  for (guint s = 0; s < n; s++)
    {
      UTransliterator *trans = open_transliterator (preload->languages[s]);

      if (trans != NULL)
        utrans_close (trans);
      for (guint t = 0; t < n && preload->system; t++)
        {
          g_autofree char *sb = tri_language_get_base (preload->languages[s]);
          g_autofree char *tb = tri_language_get_base (preload->languages[t]);
          TriDictionary *dict;

          if (t == s)
            continue;
          dict = system_dictionary (sb, &tb);
          if (dict != NULL)
            tri_dictionary_unref (dict);
        }
    }

  g_strfreev (preload->languages);
  g_free (preload);
  return NULL;
}

/**
 * tri_aligner_preload:
 * @self: a #TriAligner
 * @languages: (array zero-terminated=1): the languages of the documents
 *   to align
 *
 * Starts reading, in a thread, what aligning documents in @languages
 * needs and every run of the process shares: the system dictionaries and
 * the transliterators (a few hundred milliseconds), so that it overlaps
 * loading the documents. tri_aligner_align() waits for what is still
 * being read.
 *
 * Returns: (transfer full): the thread, for g_thread_join()
 */
GThread *
tri_aligner_preload (TriAligner         *self,
                     const char * const *languages)
{
  Preload *preload;

  g_return_val_if_fail (TRI_IS_ALIGNER (self), NULL);
  g_return_val_if_fail (languages != NULL, NULL);

  preload = g_new0 (Preload, 1);
  preload->languages = g_strdupv ((char **)languages);
  preload->system = self->system_dictionaries;
  return g_thread_new ("tri-aligner-preload", preload_thread, preload);
}

static void
attach_dictionaries (TriAligner     *self,
                     Context        *ctx,
                     TriAlignInput **inputs,
                     guint           n_inputs,
                     gboolean        system)
{
  for (guint s = 0; s < n_inputs; s++)
    {
      LanguageInfo *info = context_language (ctx, inputs[s]->language);

      if (self->user_dictionary != NULL)
        for (guint t = 0; t < n_inputs; t++)
          if (t != s)
            {
              g_ptr_array_add (info->dictionaries, tri_dictionary_ref (self->user_dictionary));
              g_ptr_array_add (info->dict_languages, g_strdup (inputs[t]->language));
            }

      if (!system)
        continue;

      for (guint t = 0; t < n_inputs; t++)
        {
          g_autofree char *sb = tri_language_get_base (inputs[s]->language);
          g_autofree char *tb = tri_language_get_base (inputs[t]->language);
          TriDictionary *dict;

          if (t == s)
            continue;
          dict = system_dictionary (sb, &tb);
          if (dict == NULL)
            continue;

          /* One dictionary per target language is enough. */
          for (guint d = 0; d < info->dict_languages->len; d++)
            if (g_str_equal (g_ptr_array_index (info->dict_languages, d), tb) &&
                g_ptr_array_index (info->dictionaries, d) == dict)
              g_clear_pointer (&dict, tri_dictionary_unref);
          if (dict == NULL)
            continue;

          g_ptr_array_add (info->dictionaries, dict);
          g_ptr_array_add (info->dict_languages, g_steal_pointer (&tb));
        }
    }
}

static gboolean
check_fixed (TriAlignInput **inputs,
             guint           n_inputs,
             const GArray   *fixed,
             GError        **error)
{
  guint next[TRI_ALIGN_MAX_LANGUAGES] = { 0 };

  for (guint r = 0; fixed != NULL && r < fixed->len; r++)
    {
      const TriBead *row = &g_array_index (fixed, TriBead, r);
      guint64 total = 0;

      for (guint k = 0; k < n_inputs; k++)
        {
          /* 64 bits: first + count must not wrap around. */
          guint64 end = (guint64)row->first[k] + row->count[k];

          if (row->first[k] < next[k] || end > inputs[k]->sentences->len)
            {
              g_set_error (error, TRI_ALIGN_ERROR, TRI_ALIGN_ERROR_INVALID,
                           _("Fixed row %u overlaps another or lies outside the text"), r + 1);
              return FALSE;
            }
          next[k] = (guint)end;
          total += row->count[k];
        }

      if (total == 0)
        {
          g_set_error (error, TRI_ALIGN_ERROR, TRI_ALIGN_ERROR_INVALID,
                       _("Fixed row %u holds no sentence"), r + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* A run's context: its feature space, languages and dictionaries. */
static void
context_init (TriAligner     *self,
              Context        *ctx,
              TriAlignInput **inputs,
              guint           n_inputs)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->space.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->space.kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  ctx->languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)language_info_free);
  ctx->user_dictionary = self->user_dictionary;
  ctx->groups = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 1024);
  ctx->progress = &self->progress;
  attach_dictionaries (self, ctx, inputs, n_inputs, self->system_dictionaries);
}

static void
context_clear (Context *ctx)
{
  g_hash_table_unref (ctx->space.ids);
  g_array_unref (ctx->space.kinds);
  g_hash_table_unref (ctx->languages);
  g_array_unref (ctx->groups);
  g_free (ctx->marks.marks);
}

/**
 * tri_aligner_align:
 * @self: a #TriAligner
 * @inputs: (array length=n_inputs): one to three documents
 * @n_inputs: their number
 * @fixed: (nullable) (element-type TriBead): rows to keep as they are, in
 *   document order; only the text between them is aligned
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called now and then with the share done
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * Aligns the sentences of two or three documents. Every sentence of every
 * input is in exactly one row; rows are in document order in every input.
 * Blocking; safe in a worker thread.
 *
 * Returns: (transfer full) (element-type TriBead) (nullable): the rows
 */
GArray *
tri_aligner_align (TriAligner        *self,
                   TriAlignInput    **inputs,
                   guint              n_inputs,
                   const GArray      *fixed,
                   GCancellable      *cancellable,
                   TriAlignProgress   progress,
                   gpointer           progress_data,
                   GError           **error)
{
  Context ctx;
  g_autoptr(GArray) rows = NULL;
  guint from[TRI_ALIGN_MAX_LANGUAGES] = { 0 };
  guint total = 0, done = 0;

  g_return_val_if_fail (TRI_IS_ALIGNER (self), NULL);
  g_return_val_if_fail (n_inputs >= 1 && n_inputs <= TRI_ALIGN_MAX_LANGUAGES, NULL);

  for (guint k = 0; k < n_inputs; k++)
    input_fold (inputs[k]);
  for (guint a = 0; a < n_inputs; a++)
    for (guint b = a + 1; b < n_inputs; b++)
      if (g_str_equal (inputs[a]->language, inputs[b]->language))
        {
          g_set_error (error, TRI_ALIGN_ERROR, TRI_ALIGN_ERROR_SAME_LANGUAGE,
                       _("Two versions are in the same language (%s): give each its own language"),
                       inputs[a]->language);
          return NULL;
        }

  if (!check_fixed (inputs, n_inputs, fixed, error))
    return NULL;

  load_params ();

  context_init (self, &ctx, inputs, n_inputs);
  ctx.progress_callback = progress;
  ctx.progress_data = progress_data;

  rows = g_array_new (FALSE, FALSE, sizeof (TriBead));
  for (guint k = 0; k < n_inputs; k++)
    total += inputs[k]->sentences->len;

  for (guint r = 0; r <= (fixed != NULL ? fixed->len : 0); r++)
    {
      guint to[TRI_ALIGN_MAX_LANGUAGES];
      const TriBead *row = fixed != NULL && r < fixed->len ? &g_array_index (fixed, TriBead, r) : NULL;

      guint segment = 0;

      for (guint k = 0; k < n_inputs; k++)
        {
          to[k] = row != NULL ? row->first[k] : inputs[k]->sentences->len;
          segment += to[k] - from[k];
        }

      /* This segment's share of all the sentences is its share of the work. */
      ctx.stage_from = total > 0 ? (double)done / total : 0;
      ctx.stage_to = total > 0 ? (double)(done + segment) / total : 1;

      align_segment (self, &ctx, inputs, n_inputs, from, to, rows, cancellable);

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (row != NULL)
        {
          TriBead kept = *row;

          kept.fixed = TRUE;
          /* Slots past the inputs mean nothing: keep them empty. */
          for (guint k = n_inputs; k < TRI_ALIGN_MAX_LANGUAGES; k++)
            kept.first[k] = kept.count[k] = 0;
          g_array_append_val (rows, kept);
          for (guint k = 0; k < n_inputs; k++)
            from[k] = row->first[k] + row->count[k];
        }

      done = 0;
      for (guint k = 0; k < n_inputs; k++)
        done += from[k];
    }

  context_clear (&ctx);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  g_atomic_int_set (&self->progress, 1000);
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&rows);
}

typedef struct
{
  TriAlignInput *inputs[TRI_ALIGN_MAX_LANGUAGES];
  guint          n_inputs;
  GArray        *fixed;
} AlignData;

static void
align_data_free (AlignData *data)
{
  for (guint k = 0; k < data->n_inputs; k++)
    tri_align_input_free (data->inputs[k]);
  g_clear_pointer (&data->fixed, g_array_unref);
  g_free (data);
}

static void
align_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TriAligner *self = source_object;
  AlignData *data = task_data;
  GError *error = NULL;
  GArray *rows;

  rows = tri_aligner_align (self, data->inputs, data->n_inputs, data->fixed, cancellable,
                            NULL, NULL, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify)g_array_unref);
}

/**
 * tri_aligner_align_async:
 * @self: a #TriAligner
 * @documents: (array length=n_documents): one to three documents
 * @n_documents: their number
 * @fixed: (nullable) (element-type TriBead): rows to keep
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Aligns in a worker thread, on a snapshot of the documents taken now.
 * tri_aligner_get_progress() says how far it got.
 */
void
tri_aligner_align_async (TriAligner          *self,
                         TriDocument        **documents,
                         guint                n_documents,
                         const GArray        *fixed,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AlignData *data;

  g_return_if_fail (TRI_IS_ALIGNER (self));
  g_return_if_fail (n_documents >= 1 && n_documents <= TRI_ALIGN_MAX_LANGUAGES);

  data = g_new0 (AlignData, 1);
  data->n_inputs = n_documents;
  for (guint k = 0; k < n_documents; k++)
    data->inputs[k] = tri_align_input_new_from_document (documents[k]);
  if (fixed != NULL)
    {
      data->fixed = g_array_sized_new (FALSE, FALSE, sizeof (TriBead), fixed->len);
      g_array_append_vals (data->fixed, fixed->data, fixed->len);
    }

  g_atomic_int_set (&self->progress, 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_aligner_align_async);
  g_task_set_task_data (task, data, (GDestroyNotify)align_data_free);
  g_task_run_in_thread (task, align_worker);
}

/**
 * tri_aligner_align_finish:
 * @self: a #TriAligner
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TriBead) (nullable): the rows
 */
GArray *
tri_aligner_align_finish (TriAligner    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (TRI_IS_ALIGNER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tri_aligner_get_progress:
 * @self: a #TriAligner
 *
 * Returns: the share of the current alignment done, in [0, 1]
 */
double
tri_aligner_get_progress (TriAligner *self)
{
  g_return_val_if_fail (TRI_IS_ALIGNER (self), 0);

  return g_atomic_int_get (&self->progress) / 1000.0;
}

/* Scoring the rows an edit made */

/* The confidence in the bead of a's [a0, a0 + k) and b's [b0, b0 + l), as
 * the alignment gives it: an empty side is a skip; no bead is larger than
 * MAX_BEAD sentences a side. */
static double
bead_confidence (const Pair *pair,
                 guint       a0,
                 guint       k,
                 guint       b0,
                 guint       l)
{
  BeadCost cost = { 0, 0, 0 };

  if (k > MAX_BEAD || l > MAX_BEAD)
    return 0;
  if (k > 0 && l > 0)
    cost = bead_cost (pair, a0 + k, b0 + l, k, l);
  return confidence (&cost, k, l);
}

#define PENDING(row) (isnan ((row)->score))

/**
 * tri_aligner_score_rows:
 * @self: a #TriAligner
 * @inputs: (array length=n_inputs): one to three documents, or runs of
 *   their sentences
 * @n_inputs: their number
 * @rows: (element-type TriBead): rows over every sentence of @inputs, in
 *   order
 *
 * Gives each row of @rows whose score is NaN the confidence the aligner
 * gives such a bead (lexical overlap, fit of the lengths, kind, paragraph
 * ends): what a row an edit made deserves. A row with an empty cell scores
 * as a skip does. The other rows are context: their sentences weigh the
 * words. Three documents are scored as they are aligned: the two closest
 * languages as a pair, the third against both.
 */
void
tri_aligner_score_rows (TriAligner     *self,
                        TriAlignInput **inputs,
                        guint           n_inputs,
                        GArray         *rows)
{
  Context ctx;
  Sequence seq[TRI_ALIGN_MAX_LANGUAGES] = { { NULL, 0 } };
  Pair pair;

  g_return_if_fail (TRI_IS_ALIGNER (self));
  g_return_if_fail (n_inputs >= 1 && n_inputs <= TRI_ALIGN_MAX_LANGUAGES);
  g_return_if_fail (rows != NULL);

  if (n_inputs == 1)
    {
      for (guint t = 0; t < rows->len; t++)
        if (PENDING (&g_array_index (rows, TriBead, t)))
          g_array_index (rows, TriBead, t).score = 1.0;
      return;
    }

  load_params ();
  for (guint k = 0; k < n_inputs; k++)
    input_fold (inputs[k]);
  context_init (self, &ctx, inputs, n_inputs);
  for (guint k = 0; k < n_inputs; k++)
    build_sequence (&ctx, inputs[k], 0, inputs[k]->sentences->len, &seq[k]);

  if (n_inputs == 2)
    {
      pair_init (&pair, &ctx.space, seq[0].items, seq[0].n, seq[1].items, seq[1].n);
      pair.close = languages_close (inputs[0], inputs[1]);
      for (guint t = 0; t < rows->len; t++)
        {
          TriBead *row = &g_array_index (rows, TriBead, t);

          if (PENDING (row))
            row->score = bead_confidence (&pair, row->first[0], row->count[0], row->first[1], row->count[1]);
        }
      pair_clear (&pair);
    }
  else
    {
      guint p, q, r;
      g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (PairBead));
      g_autofree guint *unit_of = g_new (guint, rows->len + 1);
      Sequence merged = { NULL, 0 };
      double ratio = 1.0;

      /* Each row's sentences of the two closest languages: one unit. */
      choose_pivot (inputs, &p, &q, &r);
      pair_init (&pair, &ctx.space, seq[p].items, seq[p].n, seq[q].items, seq[q].n);
      pair.close = languages_close (inputs[p], inputs[q]);
      for (guint t = 0; t < rows->len; t++)
        {
          const TriBead *row = &g_array_index (rows, TriBead, t);
          PairBead unit = { row->first[p], row->first[p] + row->count[p],
                            row->first[q], row->first[q] + row->count[q], 1.0 };

          unit_of[t] = G_MAXUINT;
          if (row->count[p] + row->count[q] == 0)
            continue;
          if (PENDING (row))
            unit.confidence = bead_confidence (&pair, row->first[p], row->count[p], row->first[q], row->count[q]);
          unit_of[t] = units->len;
          g_array_append_val (units, unit);
        }
      pair_clear (&pair);

      if (sequence_length (&seq[p]) > 0 && sequence_length (&seq[q]) > 0)
        ratio = sequence_length (&seq[q]) / sequence_length (&seq[p]);
      merge_sequence (&seq[p], &seq[q], units, ratio, &merged);

      pair_init (&pair, &ctx.space, seq[r].items, seq[r].n, merged.items, merged.n);
      for (guint t = 0; t < rows->len; t++)
        {
          TriBead *row = &g_array_index (rows, TriBead, t);
          guint u = unit_of[t];

          if (!PENDING (row))
            continue;
          row->score = bead_confidence (&pair, row->first[r], row->count[r],
                                        u != G_MAXUINT ? u : 0, u != G_MAXUINT ? 1 : 0);
          if (u != G_MAXUINT)
            row->score = MIN (row->score, g_array_index (units, PairBead, u).confidence);
        }
      pair_clear (&pair);
      sequence_clear (&merged);
    }

  for (guint k = 0; k < n_inputs; k++)
    sequence_clear (&seq[k]);
  context_clear (&ctx);
}

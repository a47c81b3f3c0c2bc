/* tri-word-align.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-word-align"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tri-apertium.h"
#include "tri-dictionary.h"
#include "tri-language.h"
#include "tri-names.h"
#include "tri-numbers.h"
#include "tri-spell.h"
#include "tri-word-align.h"

/* How words of one row correspond (issue 14).
 *
 * Every pair of words of two versions gets a score, the best of its
 * evidence: equal numbers (1.0); names and Latin tokens whose Latin
 * skeletons (tri-names.c) match; a bilingual dictionary (mueller7,
 * FreeDict) listing a lemma of one among the translations of the other,
 * lemmas being Hunspell's stems; Russian–Ukrainian cognates (both written
 * in one normalised spelling, і/и/ы, е/є/э made one, ь and apostrophes
 * dropped, then an edit distance where vowels differ at half the price);
 * English–Ukrainian through the English–Russian dictionary's translations
 * taken as Ukrainian cognates; the document's own lexicon, IBM Model 1
 * trained on the stems of the rows given to tri_word_aligner_learn(); the
 * user's lexicon. Then a pair's score may
 * be raised through the third version (en→ru and ru→uk support en→uk).
 * Links are drawn best first (competitive linking), a word taking a
 * second partner only when that partner's neighbour is already its
 * partner and the evidence is strong (phrases: "took part" ↔ «брав участь»).
 * Position (the diagonal) only orders equal scores; last, equal gaps
 * between links pair their content words in order (fill_gaps()), and
 * short unequal gaps link as blocks (fill_blocks()). */

#define MAX_VERSIONS 4
#define MAX_LEMMAS 4
#define MAX_NORM 24
#define LINK_MIN 0.5f       /* weaker pairs are never linked */
#define PHRASE_MIN 0.75f    /* a second partner needs this much */
#define CANDIDATE_MIN 0.3f  /* kept for the three-way step */
#define THREE_WAY_MIN 0.7f    /* a link through the third version needs both this strong */
#define MAX_CANDIDATES 8      /* per word and pair */
#define GAP_MAX 3             /* ru–uk gaps filled in order up to this many words */
#define GAP_MAX_OTHER 2       /* other pairs: up to this many */
#define CONTENT_GAP_SPAN 6    /* unequal gaps: content words paired within this many words a side */
#define BLOCK_MAX 3           /* phrase blocks: up to this many words a side */
#define DOCUMENT_MIN 2       /* rows two words share to be evidence */
#define DOCUMENT_MAX_PAIRS (80 * 80) /* longer rows teach nothing */
#define DOCUMENT_ROUNDS 5    /* of EM */
#define DOCUMENT_T_MIN 0.3   /* IBM Model 1's t both ways, geometric mean */
#define COGNATE_MIN 0.62    /* ru–uk spellings this alike are cognates */
#define POSTERIOR_T_MIN 0.05f  /* IBM Model 1's t both ways for a row's likeliest pair */
#define POSTERIOR_DISTANCE 0.25f  /* and this near the diagonal */

/* Interned strings of one language: forms, lemmas, translations. */
typedef struct
{
  char     *text;
  gunichar  norm[MAX_NORM];
  guint8    len;     /* of norm */
  guint8    stem;    /* of norm without its ending's vowels */
  guint8    prefixes[3];   /* lengths of Slavic prefixes it may have */
  guint8    n_prefixes;
} Lex;

typedef struct
{
  guint32   form;                  /* Lex id */
  guint32   lemmas[MAX_LEMMAS];    /* Lex ids, the form first */
  guint     n_lemmas;
  char     *skeleton;              /* Latin skeleton, maybe "", NULL until met in a row */
  char     *number;                /* normalised value, or NULL */
  GArray   *translations[MAX_VERSIONS]; /* Lex ids in that version's language */
  GArray   *translation_keys[MAX_VERSIONS]; /* their spelling keys, sorted */
  guint64   keys[MAX_LEMMAS];      /* the lemmas' spelling keys */
  guint32   stem;                  /* Lex id: the first stem, or the form */
  guint64   closed;                /* rows of closed_class it is in */
  gboolean  function;              /* the, of, а, же … */
  gboolean  preposition;           /* in, for, в, для … (is_preposition()) */
  gboolean  latin;                 /* in Latin letters */
} Word;

typedef struct
{
  char               *language;
  char               *base;       /* en, ru, uk */
  gboolean            east_slavic;
  TriSpellDictionary *spell;
  TriMonths          *months;
  GHashTable         *words;      /* lower → Word */
} Version;

/* guint64 → guint32 counts, open addressing */
typedef struct
{
  guint64 *keys;
  guint32 *values;
  guint    size;
  guint    used;
} Counts;

struct _TriWordAligner
{
  guint               n_versions;
  Version             versions[MAX_VERSIONS];
  TriDictionary      *dictionaries[MAX_VERSIONS][MAX_VERSIONS]; /* from → to, or NULL */
  TriDictionary      *lemma_lists[MAX_VERSIONS][MAX_VERSIONS];  /* Apertium's, or NULL */
  TriNames           *names;
  GPtrArray          *lex;        /* Lex, by id */
  GHashTable         *lex_ids;    /* "base\x1ftext" → id + 1 */
  TriWordEvidence     evidence;
  TriWordLexiconFunc  lexicon;
  gpointer            lexicon_data;
  GDestroyNotify      lexicon_destroy;
  Counts              pair_counts[MAX_VERSIONS][MAX_VERSIONS]; /* a < b */
  /* the rows learnt: stems per version, and where each row's begin */
  GArray             *doc_stems[MAX_VERSIONS];   /* guint32 */
  GArray             *doc_starts[MAX_VERSIONS];  /* guint32, one per row */
  /* IBM Model 1's translation probabilities, by the slot of the pair in
   * pair_counts[a][b]: t(b's word | a's word) and t(a's word | b's word) */
  float              *t_ab[MAX_VERSIONS][MAX_VERSIONS];
  float              *t_ba[MAX_VERSIONS][MAX_VERSIONS];
  Counts              memo[MAX_VERSIONS][MAX_VERSIONS];       /* forms' scores, × 10000 + 1 */
};

struct _TriWordRow
{
  guint   n_versions;
  GArray *words[MAX_VERSIONS];                 /* TriWordSpan */
  GArray *links[MAX_VERSIONS][MAX_VERSIONS];   /* TriWordLink, by a then b */
};

/* Counts */

static guint64
mix64 (guint64 k)
{
  k ^= k >> 33;
  k *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  k ^= k >> 33;
  return k;
}

static guint32 *
counts_slot (Counts  *c,
             guint64  key,
             gboolean insert)
{
  guint i;

  if (c->size == 0)
    {
      if (!insert)
        return NULL;
      c->size = 1024;
      c->keys = g_new (guint64, c->size);
      memset (c->keys, 0xff, c->size * sizeof (guint64));
      c->values = g_new0 (guint32, c->size);
    }
  else if (insert && c->used * 2 >= c->size)
    {
      Counts bigger = { NULL, NULL, c->size * 2, 0 };

      bigger.keys = g_new (guint64, bigger.size);
      memset (bigger.keys, 0xff, bigger.size * sizeof (guint64));
      bigger.values = g_new0 (guint32, bigger.size);
      for (guint j = 0; j < c->size; j++)
        if (c->keys[j] != G_MAXUINT64)
          *counts_slot (&bigger, c->keys[j], TRUE) = c->values[j];
      g_free (c->keys);
      g_free (c->values);
      *c = bigger;
    }

  for (i = mix64 (key) & (c->size - 1); c->keys[i] != G_MAXUINT64; i = (i + 1) & (c->size - 1))
    if (c->keys[i] == key)
      return &c->values[i];
  if (!insert)
    return NULL;
  c->keys[i] = key;
  c->used++;
  return &c->values[i];
}

static void
counts_clear (Counts *c)
{
  g_free (c->keys);
  g_free (c->values);
  memset (c, 0, sizeof *c);
}

/* Words */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == '-' || c == 0x2010;
}

/**
 * tri_word_tokenize:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1
 *
 * The words of @text: runs of letters, digits and combining marks, joined
 * across an apostrophe or a hyphen between two of them (п'ять,
 * генерал-губернатора, She’s), and across a point or a comma between two
 * digits (1,250, 15.00). Punctuation and spaces are no words.
 *
 * Returns: (transfer full) (element-type TriWordSpan): the words
 */
GArray *
tri_word_tokenize (const char *text,
                   gssize      length)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (TriWordSpan));
  const char *end, *p;

  if (text == NULL)
    return words;
  end = text + (length < 0 ? strlen (text) : (gsize)length);

  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char (p);
      const char *q, *last;
      gunichar prev;

      if (!is_word_char (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      q = p;
      last = p;
      prev = c;
      while (q < end)
        {
          gunichar d = g_utf8_get_char (q);

          if (is_word_char (d))
            {
              prev = d;
              q = g_utf8_next_char (q);
              last = q;
              continue;
            }
          if ((is_joiner (d) || ((d == '.' || d == ',') && g_unichar_isdigit (prev))) && q > p)
            {
              const char *r = g_utf8_next_char (q);
              gunichar e = r < end ? g_utf8_get_char (r) : 0;

              if (r < end && is_word_char (e) && (is_joiner (d) || g_unichar_isdigit (e)))
                {
                  q = r;
                  continue;
                }
            }
          break;
        }

      g_array_append_vals (words, &(TriWordSpan) { (guint)(p - text), (guint)(last - text) }, 1);
      p = last;
    }

  return words;
}

/* Spellings made one: Russian and Ukrainian in one alphabet (і, ї, ы → и;
 * є, э, ё → е; ґ → г; ь, ъ, apostrophes and hyphens dropped). */
static gunichar
normalise_char (gunichar c)
{
  switch (c)
    {
    case 0x0451: case 0x044D: case 0x0454: return 0x0435;  /* ё э є → е */
    case 0x044B: case 0x0456: case 0x0457: return 0x0438;  /* ы і ї → и */
    case 0x0491: return 0x0433;                            /* ґ → г */
    case 0x045E: return 0x0443;                            /* ў → у */
    case 0x044C: case 0x044A: case '\'': case 0x2019: case 0x02BC: case '-': case 0x2010:
      return 0;
    default:
      return c;
    }
}

/* a e i o u y; а е и й о у ю я (normalised: no ё є ї і ы э) */
static inline gboolean
is_vowel (gunichar c)
{
  if (c >= 0x430 && c < 0x450)
    return (0xC0084321u >> (c - 0x430)) & 1;
  if (c >= 'a' && c <= 'z')
    return (0x1104111u >> (c - 'a')) & 1;
  return FALSE;
}

static guint32
intern (TriWordAligner *self,
        const char     *base,
        const char     *text)
{
  g_autofree char *key = g_strconcat (base, "\x1f", text, NULL);
  gpointer found = g_hash_table_lookup (self->lex_ids, key);
  Lex *lex;
  guint n = 0;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  lex = g_new0 (Lex, 1);
  lex->text = g_strdup (text);
  for (const char *p = text; *p && n < MAX_NORM; p = g_utf8_next_char (p))
    {
      gunichar c = normalise_char (g_utf8_get_char (p));

      if (c != 0)
        lex->norm[n++] = c;
    }
  lex->len = n;
  while (n > 3 && lex->len - n < 3 && is_vowel (lex->norm[n - 1]))
    n--;
  lex->stem = n;

  /* Russian and Ukrainian prefixes (normalised: від → вид) */
  if (g_str_equal (base, "ru") || g_str_equal (base, "uk"))
    {
      static const gunichar prefixes[][5] = {
        { 0x43F, 0x435, 0x440, 0x435 }, { 0x43F, 0x440, 0x438 }, { 0x43F, 0x440, 0x43E },
        { 0x440, 0x430, 0x437 }, { 0x440, 0x43E, 0x437 }, { 0x432, 0x438, 0x434 }, { 0x43E, 0x442 },
        { 0x43F, 0x43E }, { 0x437, 0x430 }, { 0x43D, 0x430 }, { 0x432, 0x438 }, { 0x434, 0x43E },
        { 0x43E, 0x431 }, { 0x441 }, { 0x437 }, { 0x443 }, { 0x432 }, { 0x43E },
      };

      for (guint k = 0; k < G_N_ELEMENTS (prefixes) && lex->n_prefixes < G_N_ELEMENTS (lex->prefixes); k++)
        {
          guint m = 0;

          while (prefixes[k][m] != 0 && m < lex->len && lex->norm[m] == prefixes[k][m])
            m++;
          if (prefixes[k][m] == 0 && lex->len >= m + 4)
            lex->prefixes[lex->n_prefixes++] = m;
        }
    }

  g_ptr_array_add (self->lex, lex);
  g_hash_table_insert (self->lex_ids, g_steal_pointer (&key), GUINT_TO_POINTER (self->lex->len));
  return self->lex->len - 1;
}

static const Lex *
lex_get (TriWordAligner *self,
         guint32         id)
{
  return g_ptr_array_index (self->lex, id);
}

/* A key that inflected forms and Russian–Ukrainian cognates of a word
 * often share: its first five normalised letters (all of a shorter one). */
static guint64
lex_key (const Lex *lex)
{
  guint n = lex->len >= 5 ? 5 : lex->len;
  guint64 key = n;

  for (guint i = 0; i < n; i++)
    key = key * 0x100000001b3ull + lex->norm[i];
  return key;
}

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* Whether the sorted @keys hold @key. */
static gboolean
has_key (GArray  *keys,
         guint64  key)
{
  return keys != NULL && keys->len > 0 &&
         bsearch (&key, keys->data, keys->len, sizeof (guint64), compare_u64) != NULL;
}

static void
lex_free (gpointer data)
{
  Lex *lex = data;

  g_free (lex->text);
  g_free (lex);
}

/* Words too common to link without strong evidence: they rarely have one
 * counterpart. */
static gboolean
is_function_word (const char *base,
                  const char *lower)
{
  static const char * const en[] = {
    "the", "a", "an", "of", "to", "be", "been", "being", "is", "are", "was", "were", "am",
    "it", "its", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
    "that", "which", "there", "as", "so", "than", "then", "by", "for", "at", "on", "in", NULL,
  };
  static const char * const ru[] = {
    "же", "ли", "бы", "то", "это", "а", "ведь", "вот", "как", "так", "что", "чтобы", "который",
    "которые", "которых", "которая", "которое", "который",
    /* быть / бути: auxiliaries and copulas, like English "be" (a
     * dictionary's "быть деревянным" made "wooden" ↔ «были») */
    "был", "была", "было", "были", "будет", "будут", "быть", NULL,
  };
  static const char * const uk[] = {
    "ж", "же", "чи", "б", "би", "то", "це", "а", "ось", "як", "так", "що", "щоб", "який",
    "яка", "яке", "які", "яких",
    "був", "була", "було", "були", "буде", "будуть", "бути", "є", NULL,
  };
  const char * const *list = g_str_equal (base, "en") ? en : g_str_equal (base, "ru") ? ru
                             : g_str_equal (base, "uk") ? uk : NULL;

  return list != NULL && g_strv_contains (list, lower);
}

/* Number words, as their value. */
static const char *
number_word (const char *lower)
{
  static const struct { const char *word; const char *value; } table[] = {
    { "one", "1" }, { "два", "2" }, { "two", "2" }, { "three", "3" }, { "три", "3" },
    { "four", "4" }, { "четыре", "4" }, { "чотири", "4" }, { "five", "5" }, { "пять", "5" },
    { "п'ять", "5" }, { "п’ять", "5" }, { "six", "6" }, { "шесть", "6" }, { "шість", "6" },
    { "seven", "7" }, { "семь", "7" }, { "сім", "7" }, { "eight", "8" }, { "восемь", "8" },
    { "вісім", "8" }, { "nine", "9" }, { "девять", "9" }, { "девяти", "9" }, { "дев'ять", "9" },
    { "дев'яти", "9" }, { "ten", "10" }, { "десять", "10" }, { "twenty", "20" },
    { "двадцать", "20" }, { "двадцять", "20" }, { "thirty", "30" }, { "тридцать", "30" },
    { "тридцять", "30" }, { "hundred", "100" }, { "сто", "100" }, { "thousand", "1000" },
    { "тысяча", "1000" }, { "тисяча", "1000" }, { "million", "1000000" },
    { "миллион", "1000000" }, { "мільйон", "1000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (table[i].word, lower))
      return table[i].value;
  return NULL;
}

static char *
read_number (Version    *version,
             const char *word,
             const char *lower,
             gboolean    capitalised)
{
  GString *digits = NULL;
  const char *value;
  int month;

  for (const char *p = word; *p; p++)
    if (g_ascii_isdigit (*p))
      {
        if (digits == NULL)
          digits = g_string_new (NULL);
        if (digits->len > 0 || *p != '0' || !g_ascii_isdigit (p[1]))
          g_string_append_c (digits, *p);
      }
  if (digits != NULL)
    return g_string_free (digits, FALSE);

  value = number_word (lower);
  if (value != NULL)
    return g_strdup (value);

  /* English "may" and "march" are months only capitalised */
  month = version->months != NULL && (capitalised || !g_str_equal (version->base, "en"))
          ? tri_months_lookup (version->months, lower, TRUE) : 0;
  return month > 0 ? g_strdup_printf ("m%d", month) : NULL;
}

static int
compare_u32 (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

/* English irregular forms Hunspell does not reduce. */
static const char *
english_irregular (const char *lower)
{
  static const struct { const char *form; const char *lemma; } table[] = {
    { "said", "say" }, { "found", "find" }, { "made", "make" }, { "mice", "mouse" }, { "men",
    "man" }, { "women", "woman" }, { "children", "child" }, { "took", "take" }, { "taken",
    "take" }, { "gave", "give" }, { "given", "give" }, { "went", "go" }, { "gone", "go" }, {
    "came", "come" }, { "saw", "see" }, { "seen", "see" }, { "got", "get" }, { "told", "tell" },
    { "thought", "think" }, { "brought", "bring" }, { "bought", "buy" }, { "kept", "keep" }, {
    "left", "leave" }, { "felt", "feel" }, { "held", "hold" }, { "known", "know" }, { "knew",
    "know" }, { "began", "begin" }, { "begun", "begin" }, { "became", "become" }, { "built",
    "build" }, { "lost", "lose" }, { "paid", "pay" }, { "met", "meet" }, { "ran", "run" }, {
    "sent", "send" }, { "spent", "spend" }, { "stood", "stand" }, { "sold", "sell" }, { "wrote",
    "write" }, { "written", "write" }, { "led", "lead" }, { "fell", "fall" }, { "fallen", "fall"
    }, { "chose", "choose" }, { "chosen", "choose" }, { "broke", "break" }, { "broken", "break"
    }, { "spoke", "speak" }, { "spoken", "speak" }, { "swore", "swear" }, { "sworn", "swear" },
    { "drove", "drive" }, { "driven", "drive" }, { "ate", "eat" }, { "eaten", "eat" }, { "grew",
    "grow" }, { "grown", "grow" }, { "rose", "rise" }, { "risen", "rise" }, { "threw", "throw"
    }, { "thrown", "throw" }, { "won", "win" }, { "fought", "fight" }, { "caught", "catch" }, {
    "taught", "teach" }, { "sought", "seek" }, { "struck", "strike" }, { "understood",
    "understand" }, { "laid", "lay" }, { "hid", "hide" }, { "shot", "shoot" }, { "flew", "fly"
    }, { "flown", "fly" }, { "drew", "draw" }, { "drawn", "draw" }, { "wore", "wear" }, {
    "worn", "wear" }, { "feet", "foot" }, { "teeth", "tooth" }, { "lives", "life" }, { "wives",
    "wife" }, { "leaves", "leaf" }, { "better", "good" }, { "best", "good" }, { "worse", "bad"
    }, { "worst", "bad" }, { "geese", "goose" }, { "lay", "lie" }, { "slept", "sleep" }, {
    "sang", "sing" }, { "sung", "sing" }, { "hung", "hang" }, { "dug", "dig" }, { "fed", "feed"
    }, { "forgot", "forget" }, { "forgotten", "forget" }, { "heard", "hear" }, { "meant", "mean"
    }, { "read", "read" }
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (table[i].form, lower))
      return table[i].lemma;
  return NULL;
}

static Word *get_word (TriWordAligner *self, guint v, const char *text, gsize length, gboolean translate);

static gboolean is_preposition (const Version *version,
                                const char    *lower);

static void
add_translations (TriWordAligner *self,
                  Word           *word,
                  guint           v,
                  const char     *lower)
{
  for (guint t = 0; t < self->n_versions; t++)
    {
      TriDictionary *dicts[2] = { self->dictionaries[v][t], self->lemma_lists[v][t] };
      const Lex *form = lex_get (self, word->form);
      GArray *ids;

      if (dicts[0] == NULL && dicts[1] == NULL)
        continue;
      ids = g_array_new (FALSE, FALSE, sizeof (guint32));

      for (guint l = 0; l < 2 * word->n_lemmas; l++)
        {
          TriDictionary *dict = dicts[l % 2];
          guint n = 0;
          const char * const *translations;

          if (dict == NULL || (l >= 2 && g_str_equal (lex_get (self, word->lemmas[l / 2])->text, form->text)))
            continue;
          translations = tri_dictionary_lookup (dict, l < 2 ? lower : lex_get (self, word->lemmas[l / 2])->text, &n);
          for (guint i = 0; i < n && i < 48; i++)
            {
              g_autoptr(GArray) spans = tri_word_tokenize (translations[i], -1);

              /* phrases' words too: "отдать дань" */
              for (guint s = 0; s < spans->len && s < 3; s++)
                {
                  const TriWordSpan *span = &g_array_index (spans, TriWordSpan, s);
                  Word *tw = get_word (self, t, translations[i] + span->start, span->end - span->start, FALSE);

                  /* function words translate one another only between Russian and Ukrainian */
                  if (tw->function && !(self->versions[v].east_slavic && self->versions[t].east_slavic))
                    continue;
                  for (guint k = 0; k < tw->n_lemmas; k++)
                    g_array_append_val (ids, tw->lemmas[k]);
                }
            }
        }
      g_array_sort (ids, compare_u32);
      {
        guint n = 0;

        for (guint i = 0; i < ids->len; i++)
          if (n == 0 || g_array_index (ids, guint32, i) != g_array_index (ids, guint32, n - 1))
            g_array_index (ids, guint32, n++) = g_array_index (ids, guint32, i);
        g_array_set_size (ids, n);
      }
      word->translations[t] = ids;
      word->translation_keys[t] = g_array_sized_new (FALSE, FALSE, sizeof (guint64), ids->len);
      for (guint i = 0; i < ids->len; i++)
        {
          const Lex *l = lex_get (self, g_array_index (ids, guint32, i));

          if (l->len >= 4)
            {
              guint64 key = lex_key (l);

              g_array_append_val (word->translation_keys[t], key);
            }
        }
      g_array_sort (word->translation_keys[t], compare_u64);
    }
}

/* The lemmas' spelling keys, and the stem the document lexicon counts. */
static void
set_keys (TriWordAligner *self,
          Word           *word)
{
  for (guint k = 0; k < word->n_lemmas; k++)
    word->keys[k] = lex_key (lex_get (self, word->lemmas[k]));
  word->stem = word->lemmas[word->n_lemmas > 1 ? 1 : 0];
}

/* @text (lower case) as a lemma of @word, unless it is one already. */
static void
add_lemma (TriWordAligner *self,
           Word           *word,
           Version        *version,
           const char     *text)
{
  guint32 id = intern (self, version->base, text);

  for (guint k = 0; k < word->n_lemmas; k++)
    if (word->lemmas[k] == id)
      return;
  if (word->n_lemmas < MAX_LEMMAS)
    word->lemmas[word->n_lemmas++] = id;
}

static void
add_hunspell_stems (TriWordAligner *self,
                    Word           *word,
                    Version        *version,
                    const char     *text)
{
  g_auto(GStrv) stems = tri_spell_dictionary_stem (version->spell, text);

  for (guint i = 0; stems[i] != NULL && word->n_lemmas < MAX_LEMMAS; i++)
    {
      g_autofree char *stem = g_utf8_strdown (stems[i], -1);

      add_lemma (self, word, version, stem);
    }
}

/* Hunspell's stems of a word met in a row, as its lemmas after its form,
 * and a compound's head with its stems (генерал-губернатора → губернатор,
 * Коллеги-рестлеры → рестлер, full-iron → iron: the dictionaries know the
 * head, rarely the compound). The words of dictionaries' translations,
 * mostly lemmas already, go without: Hunspell is a third of a word's first
 * sight. */
static void
add_stems (TriWordAligner *self,
           Word           *word,
           Version        *version,
           const char     *lower)
{
  if (version->spell != NULL && word->number == NULL && g_utf8_strlen (lower, -1) >= 3)
    {
      const char *hyphen = strrchr (lower, '-');

      add_hunspell_stems (self, word, version, lower);
      if (hyphen != NULL && g_utf8_strlen (hyphen + 1, -1) >= 4)
        {
          add_lemma (self, word, version, hyphen + 1);
          add_hunspell_stems (self, word, version, hyphen + 1);
        }
    }
  set_keys (self, word);
}

/* Function words that clearly correspond (the rubric's "and ↔ и ↔ і,
 * he ↔ он ↔ він"): the dictionaries list them poorly (Mueller's "he" is
 * "употребляется в разговорной речи вместо мужчина"). English, Russian,
 * Ukrainian; forms separated by |; a row without English pairs Russian and
 * Ukrainian only (был ↔ був where the sentences go apart around them). */
static const char * const closed_class[][3] = {
  { "he", "он|его|ему|им|нём|него|нему|ним", "він|його|йому|ним|ньому|нього" },
  { "she", "она|её|ее|ей|ней|неё|нее", "вона|її|їй|нею|ній" },
  { "they|them", "они|их|им|ими|них|ним|ними", "вони|їх|їм|ними|них" },
  { "we|us", "мы|нас|нам|нами", "ми|нас|нам|нами" },
  { "i|me", "я|меня|мне|мной", "я|мене|мені|мною" },
  { "you", "вы|вас|вам|вами|ты|тебя|тебе", "ви|вас|вам|вами|ти|тебе|тобі" },
  { "his", "его|свой|своего|своей|своим|своих", "його|свій|свого|своєї|своїм|своїх" },
  { "her", "её|ее|свой|своего|своей|своим|своих", "її|свій|свого|своєї|своїм|своїх" },
  { "their", "их|свой|своего|своей|своим|своих", "їхній|їх|свій|свого|своєї|своїм|своїх" },
  { "our", "наш|наша|наше|наши|нашего|нашей|наших", "наш|наша|наше|наші|нашого|нашої|наших" },
  { "and", "и", "і|й|та" },
  { "but", "но|а", "але|а" },
  { "or", "или", "або|чи" },
  { "not|cannot|can't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|couldn't|shouldn't", "не", "не" },
  { "no", "нет|никаких|никакого", "немає|ні|жодних|жодного" },
  { "with", "с|со", "з|із|зі" },
  { "without", "без", "без" },
  { "after", "после", "після" },
  { "before", "до|перед", "до|перед" },
  { "between", "между", "між" },
  { "also|too", "также|тоже", "також|теж" },
  { "very", "очень", "дуже" },
  { "all", "все|всё|всех|весь|вся", "всі|все|весь|вся|усі|усе" },
  { "this|these", "этот|эта|это|эти|этого|этой|этих", "цей|ця|це|ці|цього|цієї|цих" },
  { "who", "кто", "хто" },
  { "when", "когда", "коли" },
  { "where", "где", "де" },
  { "can|could|cannot|can't|couldn't", "может|могут|мог|могла|могли|можно", "може|можуть|міг|могла|могли|можна" },
  { "until|till", "до", "до" },
  { "almost|nearly", "почти|практически", "майже" },
  { "everyone|everybody|every|each", "каждый|каждая|каждое|каждого|каждому|каждом|каждые|все|всех",
    "кожен|кожний|кожна|кожне|кожного|кожному|всі|усі|все|усе" },
  { "which|that", "который|которая|которое|которые|которого|которой|котором|которых|которому|которую|которым|которыми",
    "який|яка|яке|які|якого|якої|якому|якій|яких|яку|яким|якими" },
  { "that", "что", "що" },
  { "for|to", "для", "для" },
  /* Russian and Ukrainian only */
  { "", "был|была|было|были", "був|була|було|були" },
  { "", "будет|будут", "буде|будуть" },
  { "", "чтобы", "щоб|щоби" },
  { "like|as", "как", "як" },
  { "", "же", "ж|же" },
  { "", "бы", "б|би" },
  { "", "уже", "вже|уже" },
  { "", "ещё|еще", "ще|іще" },
  { "there", "там", "там" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (closed_class) <= 64);   /* a word's rows are bits of a guint64 */

/* The rows of closed_class with the form or a lemma of @word. */
static guint64
closed_class_rows (TriWordAligner *self,
                   const Version  *version,
                   const Word     *word)
{
  guint column = g_str_equal (version->base, "en") ? 0 : g_str_equal (version->base, "ru") ? 1
                 : g_str_equal (version->base, "uk") ? 2 : 3;
  guint64 rows = 0;

  if (column > 2)
    return 0;
  for (guint k = 0; k < word->n_lemmas; k++)
    {
      /* the table spells apostrophes ' (can’t as can't) */
      g_auto(GStrv) parts = g_strsplit (lex_get (self, word->lemmas[k])->text, "’", -1);
      g_autofree char *text = g_strjoinv ("'", parts);
      gsize len = strlen (text);

      for (guint r = 0; r < G_N_ELEMENTS (closed_class); r++)
        for (const char *p = closed_class[r][column]; p != NULL; p = strchr (p, '|') ? strchr (p, '|') + 1 : NULL)
          if (strncmp (p, text, len) == 0 && (p[len] == '|' || p[len] == '\0'))
            rows |= G_GUINT64_CONSTANT (1) << r;
    }
  return rows;
}

/* The word @text of version @v, its lemmas, skeleton, number and
 * translations, made once. A word of a dictionary's translation
 * (@translate FALSE) gets neither translations nor a skeleton (ICU's
 * transliteration, half the time of a word's first sight) until it is
 * met in a row. */
static Word *
get_word (TriWordAligner *self,
          guint           v,
          const char     *text,
          gsize           length,
          gboolean        translate)
{
  Version *version = &self->versions[v];
  g_autofree char *lower = g_utf8_strdown (text, length);
  Word *word = g_hash_table_lookup (version->words, lower);
  gunichar first;

  if (word != NULL)
    {
      if (translate && word->skeleton == NULL)
        {
          /* first met as a dictionary's translation */
          add_stems (self, word, version, lower);
          word->skeleton = tri_names_skeleton (self->names, version->language, text, length);
          word->closed = closed_class_rows (self, version, word);
        }
      if (translate && word->translations[0] == NULL)
        {
          add_translations (self, word, v, lower);
          if (word->translations[0] == NULL)
            word->translations[0] = g_array_new (FALSE, FALSE, sizeof (guint32));
        }
      return word;
    }

  word = g_new0 (Word, 1);
  first = g_utf8_get_char (text);
  word->form = intern (self, version->base, lower);
  word->lemmas[word->n_lemmas++] = word->form;
  word->function = is_function_word (version->base, lower);
  word->preposition = is_preposition (version, lower);
  word->latin = first < 0x250 && g_unichar_isalpha (first);
  word->number = read_number (version, lower, lower, g_unichar_isupper (first));

  if (g_str_equal (version->base, "en") && english_irregular (lower) != NULL && word->n_lemmas < MAX_LEMMAS)
    word->lemmas[word->n_lemmas++] = intern (self, version->base, english_irregular (lower));
  if (translate)
    add_stems (self, word, version, lower);
  else
    set_keys (self, word);

  if (translate)
    {
      word->skeleton = tri_names_skeleton (self->names, version->language, text, length);
      word->closed = closed_class_rows (self, version, word);
    }

  g_hash_table_insert (version->words, g_strdup (lower), word);
  if (translate)
    {
      add_translations (self, word, v, lower);
      if (word->translations[0] == NULL)
        word->translations[0] = g_array_new (FALSE, FALSE, sizeof (guint32));
    }
  return word;
}

static void
word_free (gpointer data)
{
  Word *word = data;

  for (guint i = 0; i < MAX_VERSIONS; i++)
    {
      if (word->translations[i] != NULL)
        g_array_unref (word->translations[i]);
      if (word->translation_keys[i] != NULL)
        g_array_unref (word->translation_keys[i]);
    }
  g_free (word->skeleton);
  g_free (word->number);
  g_free (word);
}

/* What the document lexicon counts a word as: its stem, or its form when
 * stems are not used. */
static guint32
word_stem (TriWordAligner *self,
           const Word     *word)
{
  return (self->evidence & TRI_WORD_EVIDENCE_STEMS) ? word->stem : word->form;
}

/* Similarity */

/* How alike two normalised spellings are: 1 − their edit distance over the
 * longer's length, a vowel for a vowel costing half; 0 unless they begin
 * alike and have three letters, and 0 as soon as the result must fall
 * below @at_least (the rows of the table only grow). */
static double
spelling_similarity (const gunichar *a,
                     guint           la,
                     const gunichar *b,
                     guint           lb,
                     double          at_least)
{
  guint row[MAX_NORM + 1], prev[MAX_NORM + 1];
  guint longer = MAX (la, lb), most;

  if (la == lb && memcmp (a, b, la * sizeof (gunichar)) == 0)
    return la > 0 ? 1.0 : 0.0;
  if (la < 3 || lb < 3 || a[0] != b[0] || (la > lb ? la - lb : lb - la) > longer / 2)
    return 0.0;
  /* the most a distance may cost, doubled */
  most = at_least > 0.0 ? (guint)(2.0 * (1.0 - at_least) * longer + 1e-9) : 2 * longer;
  if (2 * (la > lb ? la - lb : lb - la) > most)
    return 0.0;

  /* a bound first: each letter one has and the other lacks costs an edit
   * (half one for a vowel), letters told apart by a 64-bit mask */
  {
    guint64 consonants[2] = { 0, 0 }, vowels[2] = { 0, 0 };
    guint lower_bound = 0;

    for (guint side = 0; side < 2; side++)
      for (guint i = 0; i < (side == 0 ? la : lb); i++)
        {
          gunichar c = side == 0 ? a[i] : b[i];
          guint64 bit = G_GUINT64_CONSTANT (1) << (c % 64);

          if (is_vowel (c))
            vowels[side] |= bit;
          else
            consonants[side] |= bit;
        }
    for (guint side = 0; side < 2; side++)
      {
        guint cost = 2 * __builtin_popcountll (consonants[side] & ~consonants[!side] & ~vowels[!side]) +
                     __builtin_popcountll (vowels[side] & ~vowels[!side] & ~consonants[!side]);

        lower_bound = MAX (lower_bound, cost);
      }
    if (lower_bound > most)
      return 0.0;
  }

  /* costs doubled: a vowel for a vowel 1, any other change 2 */
  for (guint j = 0; j <= lb; j++)
    prev[j] = 2 * j;
  for (guint i = 1; i <= la; i++)
    {
      guint smallest;

      row[0] = smallest = 2 * i;
      for (guint j = 1; j <= lb; j++)
        {
          guint sub = a[i - 1] == b[j - 1] ? 0 : is_vowel (a[i - 1]) && is_vowel (b[j - 1]) ? 1 : 2;
          guint best = prev[j - 1] + sub;

          best = MIN (best, prev[j] + 2);
          best = MIN (best, row[j - 1] + 2);
          row[j] = best;
          smallest = MIN (smallest, best);
        }
      if (smallest > most)
        return 0.0;
      memcpy (prev, row, (lb + 1) * sizeof (guint));
    }
  return 1.0 - (prev[lb] / 2.0) / longer;
}

/* The better of the two spellings' similarity and 0.95 × their stems'
 * (endings differ most); 0 when below @at_least. */
static double
lex_similarity (const Lex *a,
                const Lex *b,
                double     at_least)
{
  double full;

  /* what spelling_similarity() would say first, without the call (the most
   * frequent case by far) */
  if (a->len == 0 || b->len == 0 || a->norm[0] != b->norm[0])
    return 0.0;
  full = spelling_similarity (a->norm, a->len, b->norm, b->len, at_least);

  if (full < 1.0 && a->stem >= 3 && b->stem >= 3)
    full = MAX (full, 0.95 * spelling_similarity (a->norm, a->stem, b->norm, b->stem, at_least / 0.95));
  return full;
}

/* Whether the sorted @ids hold @id. */
static gboolean
has_id (GArray  *ids,
        guint32  id)
{
  return ids != NULL && ids->len > 0 &&
         bsearch (&id, ids->data, ids->len, sizeof (guint32), compare_u32) != NULL;
}

/* Translations of @from into version @vt among the lemmas of @to: the
 * lemma itself, or one spelt alike (its key). */
static double
dictionary_score (TriWordAligner *self,
                  const Word     *from,
                  guint           vt,
                  const Word     *to)
{
  guint nl = (self->evidence & TRI_WORD_EVIDENCE_STEMS) ? to->n_lemmas : 1;

  if (from->translations[vt] == NULL || from->translations[vt]->len == 0)
    return 0.0;
  for (guint k = 0; k < nl; k++)
    if (has_id (from->translations[vt], to->lemmas[k]))
      return 0.9;
  for (guint k = 0; k < nl; k++)
    if (lex_get (self, to->lemmas[k])->len >= 4 && has_key (from->translation_keys[vt], to->keys[k]))
      return 0.75;
  return 0.0;
}

/* English → Ukrainian through the English–Russian dictionary: a Russian
 * translation spelt like the Ukrainian word (стабильный ↔ стабільний). */
static double
pivot_score (TriWordAligner *self,
             const Word     *from,
             guint           vt,
             const Word     *to)
{
  guint nl = (self->evidence & TRI_WORD_EVIDENCE_STEMS) ? to->n_lemmas : 1;

  for (guint p = 0; p < self->n_versions; p++)
    if (p != vt && self->versions[p].east_slavic && from->translation_keys[p] != NULL)
      for (guint k = 0; k < nl; k++)
        if (lex_get (self, to->lemmas[k])->len >= 4 && has_key (from->translation_keys[p], to->keys[k]))
          return 0.7;
  return 0.0;
}

static double
without_prefixes (const Lex *a,
                  const Lex *b,
                  double     at_least)
{
  double best = 0.0;

  for (guint i = 0; i <= a->n_prefixes; i++)
    for (guint j = 0; j <= b->n_prefixes; j++)
      {
        guint pa = i > 0 ? a->prefixes[i - 1] : 0, pb = j > 0 ? b->prefixes[j - 1] : 0;
        Lex x, y;

        if (i == 0 && j == 0)
          continue;
        if (a->norm[pa] != b->norm[pb])
          continue;
        memcpy (x.norm, a->norm + pa, (a->len - pa) * sizeof (gunichar));
        x.len = a->len - pa;
        x.stem = a->stem > pa ? a->stem - pa : 0;
        memcpy (y.norm, b->norm + pb, (b->len - pb) * sizeof (gunichar));
        y.len = b->len - pb;
        y.stem = b->stem > pb ? b->stem - pb : 0;
        best = MAX (best, lex_similarity (&x, &y, at_least));
      }
  return best;
}

static double
cognate_score (TriWordAligner *self,
               const Word     *a,
               const Word     *b)
{
  guint na = (self->evidence & TRI_WORD_EVIDENCE_STEMS) ? a->n_lemmas : 1;
  guint nb = (self->evidence & TRI_WORD_EVIDENCE_STEMS) ? b->n_lemmas : 1;
  const Lex *fa = lex_get (self, a->form), *fb = lex_get (self, b->form);
  double best;

  /* short words (и/і, в, на, не) only when spelt alike */
  if (fa->len < 3 || fb->len < 3)
    return fa->len == fb->len && memcmp (fa->norm, fb->norm, fa->len * sizeof (gunichar)) == 0 ? 0.9 : 0.0;

  /* what falls below COGNATE_MIN counts nothing: the tables stop early */
  best = lex_similarity (fa, fb, COGNATE_MIN);
  for (guint i = 0; i < na && best < 1.0; i++)
    for (guint j = 0; j < nb; j++)
      if (i > 0 || j > 0)
        best = MAX (best, lex_similarity (lex_get (self, a->lemmas[i]), lex_get (self, b->lemmas[j]), COGNATE_MIN));
  /* a prefix one of them has (нашли ↔ знайшли, отдали ↔ віддали,
   * вернется ↔ повернеться): the rest compared */
  if (best < 0.7)
    best = MAX (best, 0.9 * without_prefixes (fa, fb, COGNATE_MIN / 0.9));
  if (best < COGNATE_MIN)
    return 0.0;
  return best;
}

static void document_t (TriWordAligner *self, guint va, const Word *a, guint vb, const Word *b,
                        float *t_ab, float *t_ba);

static double
document_score (TriWordAligner *self,
                guint           va,
                const Word     *a,
                guint           vb,
                const Word     *b)
{
  float t_ab, t_ba;
  double t;

  if (va > vb)
    return document_score (self, vb, b, va, a);
  document_t (self, va, a, vb, b, &t_ab, &t_ba);
  /* both ways: a word that explains the other, and the other it */
  t = sqrt ((double)t_ab * t_ba);
  return t >= DOCUMENT_T_MIN ? 0.85 * MIN (1.0, 0.6 + t) : 0.0;
}

static double
pair_score (TriWordAligner *self,
            guint           va,
            const Word     *a,
            guint           vb,
            const Word     *b)
{
  const Version *A = &self->versions[va], *B = &self->versions[vb];
  const Lex *fa = lex_get (self, a->form), *fb = lex_get (self, b->form);
  gboolean slavic = A->east_slavic && B->east_slavic;
  double s = 0.0;

  if (a->number != NULL || b->number != NULL)
    {
      if (!(self->evidence & TRI_WORD_EVIDENCE_NUMBERS) || a->number == NULL || b->number == NULL)
        return 0.0;
      return g_str_equal (a->number, b->number) ? 1.0 : 0.0;
    }

  /* a word both spell alike in Latin letters (Black Desert, UTC) */
  if (a->latin && b->latin && fa->len >= 2 && g_str_equal (fa->text, fb->text) && !a->function)
    s = 0.95;

  /* Russian and Ukrainian spell names apart (Хантингтон, Гантінгтон): the
   * same skeleton */
  if ((self->evidence & TRI_WORD_EVIDENCE_NAMES) && slavic && !a->function && !b->function &&
      fa->len >= 4 && fb->len >= 4 && strlen (a->skeleton) >= 3 &&
      tri_names_match_strictly (a->skeleton, b->skeleton))
    s = MAX (s, 0.75);

  if ((self->evidence & TRI_WORD_EVIDENCE_NAMES) && !slavic && !a->function && !b->function &&
      a->closed == 0 && b->closed == 0 && a->skeleton[0] != '\0' && b->skeleton[0] != '\0' && strlen (a->skeleton) >= 2 &&
      (A->east_slavic ? b->latin : a->latin))
    {
      if (fa->len >= 3 && fb->len >= 3 && tri_names_match (a->skeleton, b->skeleton))
        s = MAX (s, tri_names_match_strictly (a->skeleton, b->skeleton) ? 0.85 : 0.7);
    }

  if (self->evidence & TRI_WORD_EVIDENCE_DICTIONARY)
    {
      s = MAX (s, dictionary_score (self, a, vb, b));
      s = MAX (s, dictionary_score (self, b, va, a));
      if (B->east_slavic)
        s = MAX (s, pivot_score (self, a, vb, b));
      if (A->east_slavic)
        s = MAX (s, pivot_score (self, b, va, a));
      /* prepositions too: the dictionaries made many ↔ «для» (0.90) */
      if ((a->function || b->function || a->preposition || b->preposition) && !slavic)
        s = MIN (s, 0.45);
      /* function words that clearly correspond, any pair of versions */
      if ((a->closed & b->closed) != 0)
        s = MAX (s, 0.8);
    }

  if ((self->evidence & TRI_WORD_EVIDENCE_COGNATES) && slavic)
    s = MAX (s, cognate_score (self, a, b));

  if (self->evidence & TRI_WORD_EVIDENCE_DOCUMENT)
    s = MAX (s, document_score (self, va, a, vb, b));

  if ((self->evidence & TRI_WORD_EVIDENCE_USER) && self->lexicon != NULL)
    s = MAX (s, MIN (1.0, self->lexicon (A->language, fa->text, B->language, fb->text, self->lexicon_data)));

  return s;
}

/* The aligner */

/* Scores remembered are stale once the evidence changes. */
static void
forget_scores (TriWordAligner *self)
{
  for (guint a = 0; a < MAX_VERSIONS; a++)
    for (guint b = 0; b < MAX_VERSIONS; b++)
      counts_clear (&self->memo[a][b]);
}

/**
 * tri_word_aligner_new:
 * @n_versions: how many versions a row has (at most 4)
 * @languages: (array length=n_versions): their languages ("en", "ru", "uk")
 *
 * Loads what the languages need: Hunspell dictionaries (for stems) and
 * the system's bilingual dictionaries between them. That takes a few
 * hundred milliseconds the first time in a process: make the aligner in a
 * thread if the main loop must not wait.
 *
 * Returns: (transfer full): a new aligner
 */
TriWordAligner *
tri_word_aligner_new (guint               n_versions,
                      const char * const *languages)
{
  TriWordAligner *self;

  g_return_val_if_fail (n_versions >= 1 && n_versions <= MAX_VERSIONS, NULL);

  self = g_new0 (TriWordAligner, 1);
  self->n_versions = n_versions;
  self->names = tri_names_new ();
  self->lex = g_ptr_array_new_with_free_func (lex_free);
  self->lex_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->evidence = TRI_WORD_EVIDENCE_ALL;

  for (guint v = 0; v < n_versions; v++)
    {
      Version *version = &self->versions[v];
      g_autoptr(GError) error = NULL;

      version->language = g_strdup (languages[v] != NULL ? languages[v] : "");
      version->base = tri_language_get_base (version->language);
      if (version->base == NULL)
        version->base = g_strdup ("");
      version->east_slavic = g_str_equal (version->base, "ru") || g_str_equal (version->base, "uk") ||
                             g_str_equal (version->base, "be");
      version->months = tri_months_get (version->language);
      version->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_free);
      if (version->base[0] != '\0')
        version->spell = tri_spell_dictionary_load (version->language, NULL, &error);
      if (version->spell == NULL && error != NULL)
        g_debug ("No stems for %s: %s", version->language, error->message);
    }

  for (guint a = 0; a < n_versions; a++)
    for (guint b = 0; b < n_versions; b++)
      if (a != b && self->versions[a].base[0] != '\0' && self->versions[b].base[0] != '\0' &&
          !g_str_equal (self->versions[a].base, self->versions[b].base))
        {
          self->dictionaries[a][b] = tri_dictionary_get_system_wide (self->versions[a].base, self->versions[b].base);
          if (self->versions[a].east_slavic && self->versions[b].east_slavic)
            self->lemma_lists[a][b] = tri_apertium_get_dictionary (self->versions[a].base, self->versions[b].base);
        }

  return self;
}

void
tri_word_aligner_free (TriWordAligner *self)
{
  if (self == NULL)
    return;

  for (guint v = 0; v < self->n_versions; v++)
    {
      Version *version = &self->versions[v];

      g_hash_table_unref (version->words);
      g_clear_object (&version->spell);
      g_free (version->language);
      g_free (version->base);
      g_clear_pointer (&self->doc_stems[v], g_array_unref);
      g_clear_pointer (&self->doc_starts[v], g_array_unref);
      for (guint w = 0; w < MAX_VERSIONS; w++)
        {
          counts_clear (&self->pair_counts[v][w]);
          g_clear_pointer (&self->t_ab[v][w], g_free);
          g_clear_pointer (&self->t_ba[v][w], g_free);
          g_clear_pointer (&self->dictionaries[v][w], tri_dictionary_unref);
          g_clear_pointer (&self->lemma_lists[v][w], tri_dictionary_unref);
        }
    }
  if (self->lexicon_destroy != NULL)
    self->lexicon_destroy (self->lexicon_data);
  forget_scores (self);
  tri_names_free (self->names);
  g_hash_table_unref (self->lex_ids);
  g_ptr_array_unref (self->lex);
  g_free (self);
}

/**
 * tri_word_aligner_set_evidence:
 * @self: a #TriWordAligner
 * @evidence: the kinds of evidence to use (all by default)
 *
 * For measuring what each kind adds.
 */
void
tri_word_aligner_set_evidence (TriWordAligner  *self,
                               TriWordEvidence  evidence)
{
  self->evidence = evidence;
  forget_scores (self);
}

/**
 * tri_word_aligner_set_lexicon:
 * @self: a #TriWordAligner
 * @func: (nullable): the user's lexicon, or %NULL for none
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Words the user's confirmed rows pair (the user lexicon of issue 16):
 * asked about every pair of words of a row's two versions.
 */
void
tri_word_aligner_set_lexicon (TriWordAligner     *self,
                              TriWordLexiconFunc  func,
                              gpointer            user_data,
                              GDestroyNotify      destroy)
{
  if (self->lexicon_destroy != NULL)
    self->lexicon_destroy (self->lexicon_data);
  self->lexicon = func;
  self->lexicon_data = user_data;
  self->lexicon_destroy = destroy;
  forget_scores (self);
}

static void train (TriWordAligner *self);

/* The distinct stems of a cell's content words, sorted. */
static GArray *
cell_stems (TriWordAligner *self,
            guint           v,
            const char     *text)
{
  g_autoptr(GArray) spans = tri_word_tokenize (text, -1);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), spans->len);
  guint n = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const TriWordSpan *span = &g_array_index (spans, TriWordSpan, i);
      Word *word = get_word (self, v, text + span->start, span->end - span->start, TRUE);

      /* short words (в, на, и) are everywhere: no evidence */
      if (word->number == NULL && !word->function && lex_get (self, word->form)->len >= 3)
        {
          guint32 stem = word_stem (self, word);

          g_array_append_val (ids, stem);
        }
    }
  g_array_sort (ids, compare_u32);
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, guint32, i) != g_array_index (ids, guint32, n - 1))
      g_array_index (ids, guint32, n++) = g_array_index (ids, guint32, i);
  g_array_set_size (ids, n);
  return ids;
}

/**
 * tri_word_aligner_learn:
 * @self: a #TriWordAligner
 * @n_rows: how many rows
 * @cells: (array): @n_rows × n_versions cells, row by row (%NULL for an
 *   empty cell)
 *
 * Learns which words go together in this document: IBM Model 1's
 * translation probabilities between the stems of the rows' content words,
 * estimated anew over all the rows learnt by a few rounds of EM (a few
 * milliseconds for a 200-row report). Give it the rows whose sentences
 * are confidently aligned. Adds to what it learnt before.
 */
void
tri_word_aligner_learn (TriWordAligner     *self,
                        guint               n_rows,
                        const char * const *cells)
{
  guint nv = self->n_versions;

  forget_scores (self);
  for (guint r = 0; r < n_rows; r++)
    {
      GArray *ids[MAX_VERSIONS];

      for (guint v = 0; v < nv; v++)
        {
          guint32 start;

          ids[v] = cell_stems (self, v, cells[(gsize)r * nv + v]);
          if (self->doc_stems[v] == NULL)
            {
              self->doc_stems[v] = g_array_new (FALSE, FALSE, sizeof (guint32));
              self->doc_starts[v] = g_array_new (FALSE, FALSE, sizeof (guint32));
            }
          start = self->doc_stems[v]->len;
          g_array_append_val (self->doc_starts[v], start);
          g_array_append_vals (self->doc_stems[v], ids[v]->data, ids[v]->len);
        }
      for (guint a = 0; a < nv; a++)
        for (guint b = a + 1; b < nv; b++)
          if (ids[a]->len * ids[b]->len <= DOCUMENT_MAX_PAIRS)
            for (guint i = 0; i < ids[a]->len; i++)
              for (guint j = 0; j < ids[b]->len; j++)
                (*counts_slot (&self->pair_counts[a][b],
                               ((guint64)g_array_index (ids[a], guint32, i) << 32) | g_array_index (ids[b], guint32, j),
                               TRUE))++;
      for (guint v = 0; v < nv; v++)
        g_array_unref (ids[v]);
    }
  train (self);
}

/* Where row @r's stems of version @v are in doc_stems[v]. */
static void
doc_row (TriWordAligner *self,
         guint           v,
         guint           r,
         guint          *start,
         guint          *end)
{
  GArray *starts = self->doc_starts[v];

  *start = g_array_index (starts, guint32, r);
  *end = r + 1 < starts->len ? g_array_index (starts, guint32, r + 1) : self->doc_stems[v]->len;
}

/* One direction of IBM Model 1 over the rows learnt: t(y | x), x of
 * version @vx, y of @vy, by the pair's slot in @pairs (keyed x << 32 | y
 * when @x_first, else y << 32 | x); @slots holds each row's pairs' slots.
 * Each y is made by one of its row's x or by none (NULL, which takes the
 * words with no counterpart). */
static void
train_direction (TriWordAligner *self,
                 Counts         *pairs,
                 const guint32  *slots,
                 guint           vx,
                 guint           vy,
                 gboolean        x_first,
                 float          *t)
{
  guint n_rows = self->doc_starts[vx]->len, n_lex = self->lex->len;
  GArray *xs = self->doc_stems[vx], *ys = self->doc_stems[vy];
  g_autofree float *count = g_new (float, pairs->size);
  g_autofree float *total = g_new (float, n_lex);
  g_autofree float *t_null = g_new (float, n_lex);
  g_autofree float *count_null = g_new (float, n_lex);
  float total_null;

  for (guint k = 0; k < pairs->size; k++)
    t[k] = 1.0f;
  /* the arrays by lex id are touched only at the rows' stems */
  for (guint k = 0; k < ys->len; k++)
    t_null[g_array_index (ys, guint32, k)] = 1.0f;

  for (guint iteration = 0; iteration < DOCUMENT_ROUNDS; iteration++)
    {
      const guint32 *slot = slots;

      memset (count, 0, pairs->size * sizeof (float));
      for (guint k = 0; k < xs->len; k++)
        total[g_array_index (xs, guint32, k)] = 0.0f;
      for (guint k = 0; k < ys->len; k++)
        count_null[g_array_index (ys, guint32, k)] = 0.0f;
      total_null = 0.0f;

      for (guint r = 0; r < n_rows; r++)
        {
          guint x0, x1, y0, y1, nx, ny;

          doc_row (self, vx, r, &x0, &x1);
          doc_row (self, vy, r, &y0, &y1);
          nx = x1 - x0;
          ny = y1 - y0;

          if (nx * ny > DOCUMENT_MAX_PAIRS || nx * ny == 0)
            continue;
          for (guint j = 0; j < ny; j++)
            {
              guint32 y = g_array_index (ys, guint32, y0 + j);
              float denominator = t_null[y];

              for (guint i = 0; i < nx; i++)
                denominator += t[slot[x_first ? i * ny + j : j * nx + i]];
              for (guint i = 0; i < nx; i++)
                {
                  guint32 k = slot[x_first ? i * ny + j : j * nx + i];
                  float c = t[k] / denominator;

                  count[k] += c;
                  total[g_array_index (xs, guint32, x0 + i)] += c;
                }
              count_null[y] += t_null[y] / denominator;
              total_null += t_null[y] / denominator;
            }
          slot += nx * ny;
        }

      for (guint k = 0; k < pairs->size; k++)
        if (pairs->keys[k] != G_MAXUINT64)
          {
            guint32 x = x_first ? (guint32)(pairs->keys[k] >> 32) : (guint32)pairs->keys[k];

            t[k] = total[x] > 0.0f ? count[k] / total[x] : 0.0f;
          }
      for (guint k = 0; k < ys->len; k++)
        {
          guint32 y = g_array_index (ys, guint32, k);

          t_null[y] = total_null > 0.0f ? count_null[y] / total_null : 0.0f;
        }
    }
}

/* IBM Model 1 both ways for every pair of versions, from the rows learnt. */
static void
train (TriWordAligner *self)
{
  guint nv = self->n_versions;

  if (self->doc_starts[0] == NULL)
    return;
  for (guint a = 0; a < nv; a++)
    for (guint b = a + 1; b < nv; b++)
      {
        Counts *pairs = &self->pair_counts[a][b];
        guint n_rows = self->doc_starts[a]->len;
        g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));

        g_clear_pointer (&self->t_ab[a][b], g_free);
        g_clear_pointer (&self->t_ba[a][b], g_free);
        if (pairs->used == 0)
          continue;

        /* each row's pairs' slots, i by j */
        for (guint r = 0; r < n_rows; r++)
          {
            GArray *xs = self->doc_stems[a], *ys = self->doc_stems[b];
            guint x0, x1, y0, y1;

            doc_row (self, a, r, &x0, &x1);
            doc_row (self, b, r, &y0, &y1);

            if ((x1 - x0) * (y1 - y0) > DOCUMENT_MAX_PAIRS)
              continue;
            for (guint i = x0; i < x1; i++)
              for (guint j = y0; j < y1; j++)
                {
                  guint64 key = ((guint64)g_array_index (xs, guint32, i) << 32) | g_array_index (ys, guint32, j);
                  guint32 k = (guint32)(counts_slot (pairs, key, FALSE) - pairs->values);

                  g_array_append_val (slots, k);
                }
          }

        self->t_ab[a][b] = g_new (float, pairs->size);
        self->t_ba[a][b] = g_new (float, pairs->size);
        train_direction (self, pairs, (const guint32 *)(gpointer)slots->data, a, b, TRUE, self->t_ab[a][b]);
        /* the other way: the same slots, read j by i */
        train_direction (self, pairs, (const guint32 *)(gpointer)slots->data, b, a, FALSE, self->t_ba[a][b]);
      }
}

/* Alignment of a row */

typedef struct
{
  guint  i;
  guint  j;
  float  score;
  float  distance;   /* from the diagonal */
  float  surface;    /* Russian–Ukrainian: how alike the forms are spelt */
  float  support;    /* link_pair(): a function word's neighbours linked alike */
} Candidate;

static int
compare_candidates (gconstpointer x,
                    gconstpointer y)
{
  const Candidate *a = x, *b = y;

  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  if (a->surface != b->surface)
    return a->surface > b->surface ? -1 : 1;
  if (a->distance != b->distance)
    return a->distance < b->distance ? -1 : 1;
  return a->i != b->i ? (a->i < b->i ? -1 : 1) : (a->j < b->j ? -1 : a->j > b->j);
}

static int
compare_by_i (gconstpointer x,
              gconstpointer y)
{
  const Candidate *a = x, *b = y;

  return a->i != b->i ? (a->i < b->i ? -1 : 1) : (a->j < b->j ? -1 : a->j > b->j);
}

static float
diagonal_distance (guint i,
                   guint n,
                   guint j,
                   guint m)
{
  return ABS ((i + 0.5f) / n - (j + 0.5f) / m);
}

/* Candidates of versions @a, @b (a < b), sorted by i then j. */
static GArray *
score_pair (TriWordAligner  *self,
            guint            a,
            guint            b,
            GPtrArray      **words)
{
  GArray *cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n = words[a]->len, m = words[b]->len;

  for (guint i = 0; i < n; i++)
    {
      guint first = cands->len;

      for (guint j = 0; j < m; j++)
      {
        const Word *wa = g_ptr_array_index (words[a], i), *wb = g_ptr_array_index (words[b], j);
        guint32 *memo = counts_slot (&self->memo[a][b], ((guint64)wa->form << 32) | wb->form, TRUE);
        double s;

        if (*memo == 0)
          *memo = (guint32)(pair_score (self, a, wa, b, wb) * 10000 + 1.5);
        s = (*memo - 1) / 10000.0;

        if (s >= CANDIDATE_MIN)
          {
            float surface = 0.0f;

            /* equal scores: Russian and Ukrainian words spelt alike first */
            if (self->versions[a].east_slavic && self->versions[b].east_slavic)
              surface = (float)lex_similarity (lex_get (self, wa->form), lex_get (self, wb->form), 0.5);
            g_array_append_vals (cands, &(Candidate) { i, j, (float)s, diagonal_distance (i, n, j, m), surface }, 1);
          }
      }

      /* a word repeated through a long cell: its best few, by the diagonal */
      if (cands->len - first > MAX_CANDIDATES)
        {
          qsort (&g_array_index (cands, Candidate, first), cands->len - first, sizeof (Candidate), compare_candidates);
          g_array_set_size (cands, first + MAX_CANDIDATES);
          qsort (&g_array_index (cands, Candidate, first), MAX_CANDIDATES, sizeof (Candidate), compare_by_i);
        }
    }
  return cands;
}

/* Raises candidates of a–c by a–b and b–c ones: a word whose counterpart's
 * counterpart it is. @ab is indexed by i, @bc by its i (b's words). */
static void
three_way (GArray *ac,
           GArray *ab,
           GArray *bc,
           guint   n,
           guint   m)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint original = ac->len;

  g_array_set_size (keys, ac->len + ab->len * 4);
  for (guint k = 0; k < ac->len; k++)
    {
      Candidate *c = &g_array_index (ac, Candidate, k);

      g_array_index (keys, gint64, k) = ((gint64)c->i << 32) | c->j;
      g_hash_table_insert (index, &g_array_index (keys, gint64, k), GUINT_TO_POINTER (k + 1));
    }

  for (guint x = 0; x < ab->len; x++)
    {
      const Candidate *p = &g_array_index (ab, Candidate, x);
      guint lo = 0, hi = bc->len;

      if (p->score < LINK_MIN)
        continue;

      /* bc is sorted by i: its candidates of p's j */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (bc, Candidate, mid).i < p->j)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint y = lo; y < bc->len && g_array_index (bc, Candidate, y).i == p->j; y++)
        {
          const Candidate *q = &g_array_index (bc, Candidate, y);
          float s;
          gint64 key;
          gpointer found;

          if (q->score < LINK_MIN)
            continue;
          s = 0.9f * MIN (p->score, q->score);
          key = ((gint64)p->i << 32) | q->j;
          found = g_hash_table_lookup (index, &key);
          if (found != NULL)
            {
              Candidate *c = &g_array_index (ac, Candidate, GPOINTER_TO_UINT (found) - 1);

              /* two kinds of evidence agreeing are worth more than either */
              if (GPOINTER_TO_UINT (found) - 1 < original && c->score >= LINK_MIN)
                c->score = MIN (1.0f, MAX (c->score, 0.5f * (c->score + s) + 0.15f));
              else if (MIN (p->score, q->score) >= THREE_WAY_MIN)
                c->score = MAX (c->score, s);
            }
          else if (ac->len + 1 < keys->len && MIN (p->score, q->score) >= THREE_WAY_MIN)
            {
              g_array_append_vals (ac, &(Candidate) { p->i, q->j, s, diagonal_distance (p->i, n, q->j, m) }, 1);
              g_array_index (keys, gint64, ac->len - 1) = key;
              g_hash_table_insert (index, &g_array_index (keys, gint64, ac->len - 1), GUINT_TO_POINTER (ac->len));
            }
        }
    }
}

static GArray *
swap_candidates (GArray *cands,
                 guint   n,
                 guint   m)
{
  GArray *swapped = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), cands->len);

  for (guint k = 0; k < cands->len; k++)
    {
      const Candidate *c = &g_array_index (cands, Candidate, k);

      g_array_append_vals (swapped, &(Candidate) { c->j, c->i, c->score, diagonal_distance (c->j, m, c->i, n), c->surface }, 1);
    }
  g_array_sort (swapped, compare_by_i);
  return swapped;
}

static gboolean
linked_to_neighbour (GArray *links,
                     guint   word,
                     gboolean word_is_a,
                     guint   partner)
{
  for (guint k = 0; k < links->len; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);
      guint mine = word_is_a ? l->a : l->b, theirs = word_is_a ? l->b : l->a;

      if (mine == word && (theirs + 1 == partner || partner + 1 == theirs))
        return TRUE;
    }
  return FALSE;
}

/* Whether a second partner @x for @word (@word_is_a: on side a), next to
 * its first partner, has a word of its own on @word's side: the first
 * content word past @word the way @x lies from that partner, one or two
 * words on, unlinked — складывать крылья ↔ згорнути свої крила: складывать
 * is not крила's second partner while згорнути waits. Only for a content
 * word @x: a minor one (как можно ↔ якомога) has no word of its own to wait for. */
static gboolean minor_word (TriWordAligner *self, const Word *x);

static gboolean
free_word_beside (TriWordAligner *self,
                  GArray         *links,
                  guint           word,
                  gboolean        word_is_a,
                  guint           x,
                  GPtrArray      *x_words,
                  GPtrArray      *words,
                  const guint8   *used)
{
  int step = 0;

  if (minor_word (self, g_ptr_array_index (x_words, x)))
    return FALSE;
  for (guint k = 0; k < links->len && step == 0; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);
      guint mine = word_is_a ? l->a : l->b, theirs = word_is_a ? l->b : l->a;

      if (mine == word && (theirs + 1 == x || x + 1 == theirs))
        step = x > theirs ? 1 : -1;
    }
  for (int d = 1; step != 0 && d <= 2; d++)
    {
      int w = (int)word + d * step;

      if (w < 0 || w >= (int)words->len)
        break;
      if (!used[w] && !minor_word (self, g_ptr_array_index (words, w)))
        return TRUE;
    }
  return FALSE;
}

static int
compare_links (gconstpointer x,
               gconstpointer y)
{
  const TriWordLink *a = x, *b = y;

  return a->a != b->a ? (a->a < b->a ? -1 : 1) : (a->b < b->b ? -1 : a->b > b->b);
}

/* A preposition, particle or other short or function word: it has many
 * alike in a row (в … в … в), so where it goes is its neighbours' say. */
static gboolean
minor_word (TriWordAligner *self,
            const Word     *x)
{
  const Lex *form = lex_get (self, x->form);

  return x->number == NULL && (x->function || x->preposition || form->len < 3);
}

/* Whether the words after @i and @j (or just before both) are linked:
 * «в понедельник» ↔ «у понеділок». */
static float
neighbour_support (GArray *links,
                   guint   i,
                   guint   j)
{
  for (guint k = 0; k < links->len; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);

      if ((l->a == i + 1 && (l->b == j + 1 || l->b == j + 2)) || (l->a == i + 2 && l->b == j + 1) ||
          (l->a + 1 == i && l->b + 1 == j))
        return 1.0f;
    }
  return 0.0f;
}

static int
compare_deferred (gconstpointer x,
                  gconstpointer y)
{
  const Candidate *a = x, *b = y;

  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  if (a->support != b->support)
    return a->support > b->support ? -1 : 1;
  return compare_candidates (x, y);
}

/* Competitive linking: best first, one partner each, a second one for a
 * phrase's next word. Between Russian and Ukrainian, with word order,
 * pairs with a minor word come after all the others, those whose
 * neighbours are linked alike first among equal scores (with English too
 * it cost precision on both the odd half and the new set); a phrase's
 * second partner waits there too, till every word has had its first. */
static GArray *
link_pair (TriWordAligner *self,
           guint           va,
           guint           vb,
           GArray         *cands,
           GPtrArray      *wa,
           GPtrArray      *wb)
{
  guint n = wa->len, m = wb->len;
  GArray *links = g_array_new (FALSE, FALSE, sizeof (TriWordLink));
  g_autofree guint8 *used_a = g_new0 (guint8, n + 1);
  g_autofree guint8 *used_b = g_new0 (guint8, m + 1);
  g_autoptr(GArray) deferred = g_array_new (FALSE, FALSE, sizeof (Candidate));
  gboolean defer = (self->evidence & TRI_WORD_EVIDENCE_ORDER) && self->versions[va].east_slavic &&
                   self->versions[vb].east_slavic;

  g_array_sort (cands, compare_candidates);
  for (guint k = 0; defer && k < cands->len; k++)
    {
      const Candidate *c = &g_array_index (cands, Candidate, k);

      if (c->score >= LINK_MIN && (minor_word (self, g_ptr_array_index (wa, c->i)) ||
                                   minor_word (self, g_ptr_array_index (wb, c->j))))
        g_array_append_vals (deferred, c, 1);
    }
  for (guint k = 0; k < cands->len + deferred->len; k++)
    {
      const Candidate *c;
      gboolean take;

      if (k == cands->len)
        {
          /* the minor words, now that their neighbours are linked */
          for (guint d = 0; d < deferred->len; d++)
            {
              Candidate *e = &g_array_index (deferred, Candidate, d);

              e->support = neighbour_support (links, e->i, e->j);
            }
          g_array_sort (deferred, compare_deferred);
        }
      c = k < cands->len ? &g_array_index (cands, Candidate, k) : &g_array_index (deferred, Candidate, k - cands->len);
      if (c->score < LINK_MIN)
        {
          if (k < cands->len)
            k = cands->len - 1;   /* on to the deferred ones */
          continue;
        }
      if (k < cands->len && defer && (minor_word (self, g_ptr_array_index (wa, c->i)) ||
                                      minor_word (self, g_ptr_array_index (wb, c->j))))
        continue;
      if (!used_a[c->i] && !used_b[c->j])
        take = TRUE;
      else if (k < cands->len && defer && c->score >= PHRASE_MIN && !(used_a[c->i] && used_b[c->j]))
        {
          /* a second partner once every word has had its first */
          g_array_append_vals (deferred, c, 1);
          continue;
        }
      else if (c->score < PHRASE_MIN || (used_a[c->i] && used_b[c->j]))
        take = FALSE;
      else if (used_b[c->j])
        /* j already has a partner: i must be next to it */
        take = linked_to_neighbour (links, c->j, FALSE, c->i) &&
               !(defer && free_word_beside (self, links, c->j, FALSE, c->i, wa, wb, used_b));
      else
        take = linked_to_neighbour (links, c->i, TRUE, c->j) &&
               !(defer && free_word_beside (self, links, c->i, TRUE, c->j, wb, wa, used_a));

      if (take)
        {
          g_array_append_vals (links, &(TriWordLink) { c->i, c->j, c->score }, 1);
          used_a[c->i] = used_b[c->j] = 1;
        }
    }
  g_array_sort (links, compare_links);
  return links;
}

/* A word a version repeats (millions upon millions ↔ миллионов и
 * миллионов) scores alike with each counterpart, and competitive linking,
 * nearest the diagonal first, may pair its occurrences crosswise: two
 * links that cross and share a word's spelling on one side swap their
 * partners (each word keeps its score) when that brings them nearer the
 * diagonal — the rubric's occurrence by occurrence. @links stay sorted by a. */
static gboolean
has_link (GArray *links,
          guint   a,
          guint   b)
{
  for (guint k = 0; k < links->len; k++)
    if (g_array_index (links, TriWordLink, k).a == a && g_array_index (links, TriWordLink, k).b == b)
      return TRUE;
  return FALSE;
}

static void
uncross_repeats (GArray    *links,
                 GPtrArray *wa,
                 GPtrArray *wb)
{
  gboolean changed = TRUE;

  for (guint round = 0; changed && round < 4; round++)
    {
      changed = FALSE;
      for (guint k = 0; k < links->len; k++)
        for (guint l = k + 1; l < links->len; l++)
          {
            TriWordLink *x = &g_array_index (links, TriWordLink, k), *y = &g_array_index (links, TriWordLink, l);
            guint b;

            if (x->a == y->a || x->b == y->b || (x->a < y->a) == (x->b < y->b))
              continue;
            if (g_ptr_array_index (wa, x->a) != g_ptr_array_index (wa, y->a) &&
                g_ptr_array_index (wb, x->b) != g_ptr_array_index (wb, y->b))
              continue;
            if (diagonal_distance (x->a, wa->len, y->b, wb->len) + diagonal_distance (y->a, wa->len, x->b, wb->len) >=
                diagonal_distance (x->a, wa->len, x->b, wb->len) + diagonal_distance (y->a, wa->len, y->b, wb->len) - 1e-3f ||
                has_link (links, x->a, y->b) || has_link (links, y->a, x->b))
              continue;
            b = x->b, x->b = y->b, y->b = b;
            changed = TRUE;
          }
    }
  g_array_sort (links, compare_links);
}

/* Translations keep much of the word order, Russian and Ukrainian nearly
 * all of it: a gap of as many unlinked words in both between two links (or
 * the row's ends), up to GAP_MAX words (Russian–Ukrainian) or
 * GAP_MAX_OTHER, pairs its words in order when they are alike in kind:
 * content words of similar length, neither a number, or two function words
 * that may correspond (function_pair(): что ↔ як, by ↔ на). */
static gboolean
gap_word (TriWordAligner *self,
          const Word     *x)
{
  return !x->function && x->number == NULL && lex_get (self, x->form)->len >= 3;
}

/* A gap between two links: the words after prev and before next. */
typedef struct
{
  GArray    *links;
  guint      va, vb;
  GPtrArray *wa, *wb;
  guint8    *used_a, *used_b;
  int        prev_a, next_a, prev_b, next_b;
} Gap;

/* A gap whose two sides differ in length (or are longer than @gap_max) but
 * hold as many unlinked content words, up to @gap_max: those pair in order,
 * function words skipped ("in the city" ↔ «в городе»). */
static guint
fill_content_gap (TriWordAligner *self,
                  Gap            *gap,
                  int             gap_max)
{
  guint ia[GAP_MAX + 1], ib[GAP_MAX + 1], na = 0, nb = 0, added = 0;

  if (gap->next_a - gap->prev_a - 1 > CONTENT_GAP_SPAN || gap->next_b - gap->prev_b - 1 > CONTENT_GAP_SPAN)
    return 0;

  for (int i = gap->prev_a + 1; i < gap->next_a; i++)
    if (!gap->used_a[i] && gap_word (self, g_ptr_array_index (gap->wa, i)) && na++ < (guint)gap_max)
      ia[na - 1] = (guint)i;
  for (int j = gap->prev_b + 1; j < gap->next_b; j++)
    if (!gap->used_b[j] && gap_word (self, g_ptr_array_index (gap->wb, j)) && nb++ < (guint)gap_max)
      ib[nb - 1] = (guint)j;
  if (na != nb || na == 0 || na > (guint)gap_max)
    return 0;
  for (guint k = 0; k < na; k++)
    {
      const Lex *fx = lex_get (self, ((const Word *)g_ptr_array_index (gap->wa, ia[k]))->form);
      const Lex *fy = lex_get (self, ((const Word *)g_ptr_array_index (gap->wb, ib[k]))->form);

      if (fx->len > 2 * fy->len || fy->len > 2 * fx->len)
        continue;
      g_array_append_vals (gap->links, &(TriWordLink) { ia[k], ib[k], 0.5f }, 1);
      gap->used_a[ia[k]] = gap->used_b[ib[k]] = 1;
      added++;
    }
  return added;
}

/* Whether a function word of @va and one of @vb at the same place may
 * correspond: between Russian and Ukrainian any two; with English, not the
 * English words the rubric gives no counterpart (articles, auxiliaries,
 * "of", which Russian and Ukrainian say with an ending). */
static gboolean
function_pair (TriWordAligner *self,
               guint           va,
               const Word     *x,
               guint           vb,
               const Word     *y)
{
  static const char * const none[] = {
    "the", "a", "an", "be", "been", "being", "is", "are", "was", "were", "am", "has", "have", "had",
    "do", "does", "did", "will", "would", "shall", "it", "its", "of", NULL,
  };
  const Version *A = &self->versions[va], *B = &self->versions[vb];

  if (A->east_slavic && B->east_slavic)
    return TRUE;
  if (A->east_slavic == B->east_slavic || !g_str_equal ((A->east_slavic ? B : A)->base, "en"))
    return FALSE;
  return !g_strv_contains (none, lex_get (self, (A->east_slavic ? y : x)->form)->text);
}

static gboolean
is_preposition (const Version *version,
                const char    *lower)
{
  static const char * const en[] = {
    "in", "on", "at", "by", "for", "with", "from", "to", "into", "as", "about", "over", "under",
    "after", "before", "between", "during", "without", NULL,
  };
  static const char * const east_slavic[] = {
    "в", "во", "на", "с", "со", "к", "ко", "о", "об", "от", "по", "за", "из", "до", "у", "для", "при",
    "без", "над", "под", "про", "через", "между", "з", "із", "зі", "від", "під", "між", NULL,
  };

  return g_strv_contains (version->east_slavic ? east_slavic : g_str_equal (version->base, "en") ? en
                          : (const char * const[]) { NULL }, lower);
}

/* A gap of unequal sides between links ("in the city" ↔ «в городе»), English
 * with Russian or Ukrainian: a single unlinked preposition on each side pair. */
static guint
pair_prepositions (TriWordAligner *self,
                   Gap            *gap)
{
  const Version *A = &self->versions[gap->va], *B = &self->versions[gap->vb];
  int ia = -1, ib = -1, na = 0, nb = 0;

  if (A->east_slavic == B->east_slavic ||
      gap->next_a - gap->prev_a - 1 > CONTENT_GAP_SPAN || gap->next_b - gap->prev_b - 1 > CONTENT_GAP_SPAN)
    return 0;
  for (int i = gap->prev_a + 1; i < gap->next_a; i++)
    if (!gap->used_a[i] && is_preposition (A, lex_get (self, ((const Word *)g_ptr_array_index (gap->wa, i))->form)->text))
      ia = i, na++;
  for (int j = gap->prev_b + 1; j < gap->next_b; j++)
    if (!gap->used_b[j] && is_preposition (B, lex_get (self, ((const Word *)g_ptr_array_index (gap->wb, j))->form)->text))
      ib = j, nb++;
  if (na != 1 || nb != 1)
    return 0;
  g_array_append_vals (gap->links, &(TriWordLink) { (guint)ia, (guint)ib, 0.5f }, 1);
  gap->used_a[ia] = gap->used_b[ib] = 1;
  return 1;
}

static void
fill_gaps (TriWordAligner *self,
           GArray         *links,
           guint           va,
           guint           vb,
           GPtrArray      *wa,
           GPtrArray      *wb)
{
  guint n = wa->len, m = wb->len, added = 0;
  int gap_max = self->versions[va].east_slavic && self->versions[vb].east_slavic ? GAP_MAX : GAP_MAX_OTHER;
  g_autofree guint8 *used_a = g_new0 (guint8, n + 1);
  g_autofree guint8 *used_b = g_new0 (guint8, m + 1);
  int prev_a = -1, prev_b = -1;

  for (guint k = 0; k < links->len; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);

      used_a[l->a] = used_b[l->b] = 1;
    }

  /* links are sorted by a; walk the monotone ones and their end */
  for (guint k = 0; k <= links->len; k++)
    {
      int next_a = k < links->len ? (int)g_array_index (links, TriWordLink, k).a : (int)n;
      int next_b = k < links->len ? (int)g_array_index (links, TriWordLink, k).b : (int)m;
      int gap = next_a - prev_a - 1;

      if (next_b <= prev_b)
        continue;   /* a crossing link: no gap to fill */
      if ((self->evidence & TRI_WORD_EVIDENCE_CONTENT_GAPS) && gap >= 1 && next_b - prev_b - 1 >= 1 &&
          (gap != next_b - prev_b - 1 || gap > gap_max))
        {
          Gap g = { links, va, vb, wa, wb, used_a, used_b, prev_a, next_a, prev_b, next_b };

          added += fill_content_gap (self, &g, gap_max);
          added += pair_prepositions (self, &g);
        }
      else if (gap >= 1 && gap <= gap_max && next_b - prev_b - 1 == gap)
        for (int g = 1; g <= gap; g++)
          {
            guint i = (guint)(prev_a + g), j = (guint)(prev_b + g);
            const Word *x = g_ptr_array_index (wa, i), *y = g_ptr_array_index (wb, j);
            const Lex *fx = lex_get (self, x->form), *fy = lex_get (self, y->form);

            /* function words too, one with another (что ↔ як, by ↔ на) */
            if (function_pair (self, va, x, vb, y) && !used_a[i] && !used_b[j] && (x->function || fx->len < 3) &&
                (y->function || fy->len < 3) && x->number == NULL && y->number == NULL)
              {
                g_array_append_vals (links, &(TriWordLink) { i, j, 0.5f }, 1);
                used_a[i] = used_b[j] = 1;
                added++;
                continue;
              }
            if (used_a[i] || used_b[j] || x->function || y->function || x->number || y->number ||
                fx->len < 3 || fy->len < 3 || fx->len > 2 * fy->len || fy->len > 2 * fx->len)
              continue;
            g_array_append_vals (links, &(TriWordLink) { i, j, 0.5f }, 1);
            used_a[i] = used_b[j] = 1;
            added++;
          }
      prev_a = next_a;
      prev_b = next_b;
    }
  if (added > 0)
    g_array_sort (links, compare_links);
}

/* Phrase blocks: a gap between two links (or a row's end) whose words are
 * all still unlinked, up to BLOCK_MAX a side and not as many on both
 * (equal gaps pair in order), each side with a content word, is a unit
 * translated as a unit (включая ↔ у тому числі, общественных местах ↔
 * об'єктах, "you learn" ↔ «узнать»): each content word of one side links
 * each of the other's. Prepositions, particles and the words of
 * closed_class (which have their own counterparts, or none: «також» added)
 * stay unlinked. */
static gboolean
block_word (TriWordAligner *self,
            const Word     *x)
{
  return gap_word (self, x) && x->closed == 0;
}

static void
fill_blocks (TriWordAligner *self,
             GArray         *links,
             GPtrArray      *wa,
             GPtrArray      *wb)
{
  guint n = wa->len, m = wb->len, n_links = links->len;
  g_autofree guint8 *used_a = g_new0 (guint8, n + 1);
  g_autofree guint8 *used_b = g_new0 (guint8, m + 1);
  int prev_a = -1, prev_b = -1;

  for (guint k = 0; k < n_links; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);

      used_a[l->a] = used_b[l->b] = 1;
    }
  for (guint k = 0; k <= n_links; k++)
    {
      int next_a = k < n_links ? (int)g_array_index (links, TriWordLink, k).a : (int)n;
      int next_b = k < n_links ? (int)g_array_index (links, TriWordLink, k).b : (int)m;
      int ga = next_a - prev_a - 1, gb = next_b - prev_b - 1;
      gboolean free_gap = TRUE, content_a = FALSE, content_b = FALSE;

      if (next_b <= prev_b)
        continue;   /* a crossing link: no gap */
      if (ga >= 1 && gb >= 1 && ga <= BLOCK_MAX && gb <= BLOCK_MAX && ga != gb)
        {
          for (int i = prev_a + 1; i < next_a; i++)
            {
              free_gap = free_gap && !used_a[i];
              content_a = content_a || block_word (self, g_ptr_array_index (wa, i));
            }
          for (int j = prev_b + 1; j < next_b; j++)
            {
              free_gap = free_gap && !used_b[j];
              content_b = content_b || block_word (self, g_ptr_array_index (wb, j));
            }
          if (free_gap && content_a && content_b)
            for (int i = prev_a + 1; i < next_a; i++)
              for (int j = prev_b + 1; j < next_b; j++)
                if (block_word (self, g_ptr_array_index (wa, i)) && block_word (self, g_ptr_array_index (wb, j)))
                  g_array_append_vals (links, &(TriWordLink) { (guint)i, (guint)j, 0.5f }, 1);
        }
      prev_a = next_a;
      prev_b = next_b;
    }
  if (links->len > n_links)
    g_array_sort (links, compare_links);
}

/* Russian and Ukrainian connectives said in words that do not correspond
 * one to one (включая ↔ у тому числі, кроме того ↔ також): when both are
 * in the row, once each, each word of one links each of the other's, in
 * place of the links their words had (того ↔ тому across the row). */
static const char * const connectives[][2] = {
  { "включая", "у тому числі" }, { "включая", "в тому числі" }, { "в том числе", "зокрема" },
  { "кроме того", "також" }, { "кроме того", "до того ж" }, { "несмотря на то что", "хоча" },
  { "несмотря на", "попри" }, { "хотя", "попри те що" }, { "как правило", "зазвичай" },
  { "обычно", "як правило" }, { "то есть", "тобто" }, { "так как", "оскільки" }, { "так как", "тому що" },
  { "потому что", "оскільки" }, { "потому что", "бо" }, { "до сих пор", "досі" },
  { "по крайней мере", "принаймні" }, { "в то время как", "тоді як" }, { "в основном", "переважно" },
  { "в основном", "здебільшого" }, { "тем не менее", "проте" }, { "тем не менее", "однак" },
  { "тем не менее", "втім" }, { "практически", "мало не" }, { "почти", "мало не" },
  { "со временем", "зрештою" }, { "в конце концов", "зрештою" }, { "в итоге", "зрештою" },
};

/* Where the words of @phrase start in @words, if they stand there once;
 * -1 otherwise. */
static int
find_phrase (TriWordAligner *self,
             GPtrArray      *words,
             const char     *phrase,
             guint          *length)
{
  guint n = 1;
  int found = -1;

  for (const char *p = phrase; *p != '\0'; p++)
    n += *p == ' ';
  *length = n;
  for (guint i = 0; i + n <= words->len; i++)
    {
      const char *p = phrase;
      gboolean match = TRUE;

      for (guint k = 0; k < n && match; k++)
        {
          const Lex *lex = lex_get (self, ((const Word *)g_ptr_array_index (words, i + k))->form);
          gsize len = strlen (lex->text);

          match = strncmp (p, lex->text, len) == 0 && (p[len] == ' ' || p[len] == '\0');
          p += len + 1;
        }
      if (match && found >= 0)
        return -1;
      if (match)
        found = (int)i;
    }
  return found;
}

static void
fill_connectives (TriWordAligner *self,
                  GArray         *links,
                  guint           va,
                  guint           vb,
                  GPtrArray      *wa,
                  GPtrArray      *wb)
{
  gboolean ru_first = g_str_equal (self->versions[va].base, "ru") && g_str_equal (self->versions[vb].base, "uk");
  gboolean added = FALSE;

  if (!ru_first && !(g_str_equal (self->versions[va].base, "uk") && g_str_equal (self->versions[vb].base, "ru")))
    return;
  for (guint r = 0; r < G_N_ELEMENTS (connectives); r++)
    {
      guint na, nb;
      int ia = find_phrase (self, wa, connectives[r][ru_first ? 0 : 1], &na);
      int ib = ia < 0 ? -1 : find_phrase (self, wb, connectives[r][ru_first ? 1 : 0], &nb);

      if (ib < 0)
        continue;
      for (guint k = links->len; k > 0; k--)
        {
          const TriWordLink *l = &g_array_index (links, TriWordLink, k - 1);

          if ((l->a >= (guint)ia && l->a < (guint)ia + na) || (l->b >= (guint)ib && l->b < (guint)ib + nb))
            g_array_remove_index (links, k - 1);
        }
      for (guint i = 0; i < na; i++)
        for (guint j = 0; j < nb; j++)
          g_array_append_vals (links, &(TriWordLink) { (guint)ia + i, (guint)ib + j, 0.5f }, 1);
      added = TRUE;
    }
  if (added)
    g_array_sort (links, compare_links);
}

/* t(b's word | a's word) and t(a's | b's) of IBM Model 1 for versions
 * @va < @vb, 0 for words that never shared DOCUMENT_MIN rows. */
static void
document_t (TriWordAligner *self,
            guint           va,
            const Word     *a,
            guint           vb,
            const Word     *b,
            float          *t_ab,
            float          *t_ba)
{
  Counts *pairs = &self->pair_counts[va][vb];
  guint32 *together;

  *t_ab = *t_ba = 0.0f;
  if (pairs->used == 0 || self->t_ab[va][vb] == NULL || a->number != NULL || b->number != NULL)
    return;
  together = counts_slot (pairs, ((guint64)word_stem (self, a) << 32) | word_stem (self, b), FALSE);
  if (together == NULL || *together < DOCUMENT_MIN)
    return;
  *t_ab = self->t_ab[va][vb][together - pairs->values];
  *t_ba = self->t_ba[va][vb][together - pairs->values];
}

/* Words the evidence left unlinked in both versions: IBM Model 1's
 * likeliest source of each other among all the row's words, both ways
 * (the intersection of its two Viterbi alignments), not weakly and not
 * far from the diagonal. Function words only between Russian and
 * Ukrainian. */
/* Whether a link @i ↔ @j would cross one of @links while a content word
 * of b that is still free stands where the links' order puts @i's
 * counterpart: «зарубежных правительств» ↔ «іноземних урядів», not
 * зарубежных ↔ брати across правительств ↔ урядів while іноземних waits;
 * a swap with nothing free in between stays (научных вопросах ↔ питань
 * науки). */
static gboolean
crosses_free_word (TriWordAligner *self,
                   GArray         *links,
                   guint           i,
                   guint           j,
                   GPtrArray      *wb,
                   const guint8   *used_b)
{
  gboolean crossing = FALSE;
  int lo = -1, hi = (int)wb->len;

  for (guint k = 0; k < links->len; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);

      crossing |= (l->a < i && l->b > j) || (l->a > i && l->b < j);
      if (l->a < i)
        lo = MAX (lo, (int)l->b);
      else if (l->a > i)
        hi = MIN (hi, (int)l->b);
    }
  for (int w = lo + 1; crossing && w < hi; w++)
    if (!used_b[w] && !minor_word (self, g_ptr_array_index (wb, w)))
      return TRUE;
  return FALSE;
}

static void
link_posteriors (TriWordAligner *self,
                 GArray         *links,
                 guint           va,
                 guint           vb,
                 GPtrArray      *wa,
                 GPtrArray      *wb)
{
  guint n = wa->len, m = wb->len, added = 0, free_a = 0, free_b = 0;
  gboolean slavic = self->versions[va].east_slavic && self->versions[vb].east_slavic;
  g_autofree guint8 *used_a = NULL, *used_b = NULL;
  g_autofree float *tab = NULL, *tba = NULL;
  g_autofree int *best_for_b = NULL;

  if (n == 0 || m == 0 || self->t_ab[va][vb] == NULL || (gsize)n * m > DOCUMENT_MAX_PAIRS)
    return;
  used_a = g_new0 (guint8, n);
  used_b = g_new0 (guint8, m);
  for (guint k = 0; k < links->len; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);

      used_a[l->a] = used_b[l->b] = 1;
    }

  for (guint i = 0; i < n && free_a == 0; i++)
    free_a += !used_a[i];
  for (guint j = 0; j < m && free_b == 0; j++)
    free_b += !used_b[j];
  if (free_a == 0 || free_b == 0)
    return;
  /* only pairs with an unlinked word take part in the argmaxes below */
  tab = g_new0 (float, (gsize)n * m);
  tba = g_new0 (float, (gsize)n * m);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < m; j++)
      if (!used_a[i] || !used_b[j])
        document_t (self, va, g_ptr_array_index (wa, i), vb, g_ptr_array_index (wb, j),
                    &tab[i * m + j], &tba[i * m + j]);

  /* each word of b: the word of a likeliest to have made it */
  best_for_b = g_new (int, m);
  for (guint j = 0; j < m; j++)
    {
      float best = 0.0f;

      best_for_b[j] = -1;
      for (guint i = 0; i < n; i++)
        if (tab[i * m + j] > best)
          {
            best = tab[i * m + j];
            best_for_b[j] = (int)i;
          }
    }

  for (guint i = 0; i < n; i++)
    {
      const Word *x = g_ptr_array_index (wa, i);
      float best = 0.0f;
      int bj = -1;

      if (used_a[i] || (x->function && !slavic))
        continue;
      for (guint j = 0; j < m; j++)
        if (tba[i * m + j] > best)
          {
            best = tba[i * m + j];
            bj = (int)j;
          }
      if (bj < 0 || used_b[bj] || best_for_b[bj] != (int)i)
        continue;
      if (((const Word *)g_ptr_array_index (wb, bj))->function && !slavic)
        continue;
      if (sqrtf (tab[i * m + (guint)bj] * tba[i * m + (guint)bj]) < POSTERIOR_T_MIN ||
          diagonal_distance (i, n, (guint)bj, m) > POSTERIOR_DISTANCE)
        continue;
      if (slavic && crosses_free_word (self, links, i, (guint)bj, wb, used_b))
        continue;
      g_array_append_vals (links, &(TriWordLink) { i, (guint)bj, 0.5f }, 1);
          used_a[i] = used_b[bj] = 1;
      added++;
    }
  if (added > 0)
    g_array_sort (links, compare_links);
}

/* @reverse becomes @links read the other way, sorted by its a then b. */
static void
set_reverse (GArray       *reverse,
             const GArray *links)
{
  g_array_set_size (reverse, 0);
  for (guint k = 0; k < links->len; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);

      g_array_append_vals (reverse, &(TriWordLink) { l->b, l->a, l->score }, 1);
    }
  g_array_sort (reverse, compare_links);
}

/**
 * tri_word_aligner_align:
 * @self: a #TriWordAligner
 * @texts: (array): one cell per version, %NULL for an empty one
 *
 * Links the words of one row's cells, for every pair of versions. A row
 * of three cells of 20 words takes well under a millisecond once the
 * words are known (the first sight of a word asks Hunspell and the
 * dictionaries).
 *
 * Returns: (transfer full): the row's words and links
 */
TriWordRow *
tri_word_aligner_align (TriWordAligner     *self,
                        const char * const *texts)
{
  guint nv = self->n_versions;
  TriWordRow *row = g_new0 (TriWordRow, 1);
  GPtrArray *words[MAX_VERSIONS];
  GArray *cands[MAX_VERSIONS][MAX_VERSIONS] = { { NULL } };

  row->n_versions = nv;
  for (guint v = 0; v < nv; v++)
    {
      const char *text = texts[v] != NULL ? texts[v] : "";

      row->words[v] = tri_word_tokenize (text, -1);
      words[v] = g_ptr_array_sized_new (row->words[v]->len);
      for (guint i = 0; i < row->words[v]->len; i++)
        {
          const TriWordSpan *span = &g_array_index (row->words[v], TriWordSpan, i);

          g_ptr_array_add (words[v], get_word (self, v, text + span->start, span->end - span->start, TRUE));
        }
    }

  for (guint a = 0; a < nv; a++)
    for (guint b = a + 1; b < nv; b++)
      cands[a][b] = score_pair (self, a, b, words);

  if ((self->evidence & TRI_WORD_EVIDENCE_THREE_WAY) && nv >= 3)
    {
      /* each pair through each third version, from the scores before */
      GArray *before[MAX_VERSIONS][MAX_VERSIONS] = { { NULL } };

      for (guint a = 0; a < nv; a++)
        for (guint b = a + 1; b < nv; b++)
          {
            before[a][b] = g_array_copy (cands[a][b]);
            before[b][a] = swap_candidates (cands[a][b], words[a]->len, words[b]->len);
          }
      for (guint a = 0; a < nv; a++)
        for (guint c = a + 1; c < nv; c++)
          for (guint b = 0; b < nv; b++)
            if (b != a && b != c)
              three_way (cands[a][c], before[a][b], before[b][c], words[a]->len, words[c]->len);
      for (guint a = 0; a < nv; a++)
        for (guint b = 0; b < nv; b++)
          if (before[a][b] != NULL)
            g_array_unref (before[a][b]);
    }

  for (guint a = 0; a < nv; a++)
    for (guint b = a + 1; b < nv; b++)
      {
        GArray *links = link_pair (self, a, b, cands[a][b], words[a], words[b]);
        GArray *reverse;

        uncross_repeats (links, words[a], words[b]);

        if ((self->evidence & TRI_WORD_EVIDENCE_POSTERIOR) && (self->evidence & TRI_WORD_EVIDENCE_DOCUMENT))
          link_posteriors (self, links, a, b, words[a], words[b]);
        if (self->evidence & TRI_WORD_EVIDENCE_ORDER)
          fill_gaps (self, links, a, b, words[a], words[b]);
        if (self->evidence & TRI_WORD_EVIDENCE_BLOCKS)
          {
            fill_connectives (self, links, a, b, words[a], words[b]);
            fill_blocks (self, links, words[a], words[b]);
          }
        reverse = g_array_sized_new (FALSE, FALSE, sizeof (TriWordLink), links->len);
        set_reverse (reverse, links);
        row->links[a][b] = links;
        row->links[b][a] = reverse;
        g_array_unref (cands[a][b]);
      }

  /* the links drawn, closed through the third version: en i ↔ ru k and
   * ru k ↔ uk j link en i ↔ uk j when neither has a partner there yet */
  if ((self->evidence & TRI_WORD_EVIDENCE_CLOSURE) && nv >= 3)
    for (guint a = 0; a < nv; a++)
      for (guint c = a + 1; c < nv; c++)
        for (guint b = 0; b < nv; b++)
          {
            g_autofree guint8 *used_a = NULL, *used_c = NULL;
            GArray *ab = row->links[a][b], *bc = row->links[b][c];
            guint added = 0;

            if (b == a || b == c)
              continue;
            used_a = g_new0 (guint8, words[a]->len + 1);
            used_c = g_new0 (guint8, words[c]->len + 1);
            for (guint k = 0; k < row->links[a][c]->len; k++)
              {
                const TriWordLink *l = &g_array_index (row->links[a][c], TriWordLink, k);

                used_a[l->a] = used_c[l->b] = 1;
              }
            for (guint x = 0; x < ab->len; x++)
              for (guint y = 0; y < bc->len; y++)
                {
                  const TriWordLink *l1 = &g_array_index (ab, TriWordLink, x), *l2 = &g_array_index (bc, TriWordLink, y);

                  if (l1->b != l2->a || used_a[l1->a] || used_c[l2->b])
                    continue;
                  g_array_append_vals (row->links[a][c], &(TriWordLink) { l1->a, l2->b, 0.5f }, 1);
                  used_a[l1->a] = used_c[l2->b] = 1;
                  added++;
                }
            if (added > 0)
              {
                g_array_sort (row->links[a][c], compare_links);
                /* the new links are anchors for word order too */
                if (self->evidence & TRI_WORD_EVIDENCE_ORDER)
                  fill_gaps (self, row->links[a][c], a, c, words[a], words[c]);
                set_reverse (row->links[c][a], row->links[a][c]);
              }
          }

  for (guint v = 0; v < nv; v++)
    g_ptr_array_unref (words[v]);
  return row;
}

/* Rows */

guint
tri_word_row_get_n_versions (const TriWordRow *row)
{
  return row->n_versions;
}

/**
 * tri_word_row_get_words:
 * @row: a row
 * @version: a version
 * @n_words: (out): how many words its cell has
 *
 * Returns: (array length=n_words): the cell's words, byte offsets in its text
 */
const TriWordSpan *
tri_word_row_get_words (const TriWordRow *row,
                        guint             version,
                        guint            *n_words)
{
  g_return_val_if_fail (version < row->n_versions, NULL);

  *n_words = row->words[version]->len;
  return (const TriWordSpan *)(gpointer)row->words[version]->data;
}

/**
 * tri_word_row_get_links:
 * @row: a row
 * @a: a version
 * @b: another
 * @n_links: (out): how many links
 *
 * Returns: (array length=n_links): the links of the words of @a (their
 *   index in TriWordLink.a) with those of @b (.b), by a then b
 */
const TriWordLink *
tri_word_row_get_links (const TriWordRow *row,
                        guint             a,
                        guint             b,
                        guint            *n_links)
{
  g_return_val_if_fail (a < row->n_versions && b < row->n_versions && a != b, NULL);

  *n_links = row->links[a][b]->len;
  return (const TriWordLink *)(gpointer)row->links[a][b]->data;
}

/**
 * tri_word_row_get_counterparts:
 * @row: a row
 * @version: a version
 * @word: a word of its cell
 * @other: another version
 * @words: (out caller-allocates) (array length=max): where the
 *   counterparts' indices go, in order
 * @max: room in @words
 *
 * Returns: how many counterparts @word has in @other (may exceed @max)
 */
guint
tri_word_row_get_counterparts (const TriWordRow *row,
                               guint             version,
                               guint             word,
                               guint             other,
                               guint            *words,
                               guint             max)
{
  GArray *links;
  guint n = 0;

  g_return_val_if_fail (version < row->n_versions && other < row->n_versions && version != other, 0);

  links = row->links[version][other];
  for (guint k = 0; k < links->len; k++)
    {
      const TriWordLink *l = &g_array_index (links, TriWordLink, k);

      if (l->a == word)
        {
          if (n < max)
            words[n] = l->b;
          n++;
        }
      else if (l->a > word)
        break;
    }
  return n;
}

/**
 * tri_word_row_has_counterpart:
 * @row: a row
 * @version: a version
 * @word: a word of its cell
 * @other: another version
 *
 * Returns: whether @word is linked to a word of @other
 */
gboolean
tri_word_row_has_counterpart (const TriWordRow *row,
                              guint             version,
                              guint             word,
                              guint             other)
{
  return tri_word_row_get_counterparts (row, version, word, other, NULL, 0) > 0;
}

/**
 * tri_word_row_find_word:
 * @row: a row
 * @version: a version
 * @offset: a byte offset in its cell (where the pointer or cursor is)
 *
 * Returns: the index of the word at @offset, or -1 between words
 */
int
tri_word_row_find_word (const TriWordRow *row,
                        guint             version,
                        guint             offset)
{
  GArray *spans;
  guint lo = 0, hi;

  g_return_val_if_fail (version < row->n_versions, -1);

  spans = row->words[version];
  hi = spans->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const TriWordSpan *s = &g_array_index (spans, TriWordSpan, mid);

      if (offset < s->start)
        hi = mid;
      else if (offset >= s->end)
        lo = mid + 1;
      else
        return (int)mid;
    }
  return -1;
}

void
tri_word_row_free (TriWordRow *row)
{
  if (row == NULL)
    return;
  for (guint a = 0; a < row->n_versions; a++)
    {
      g_array_unref (row->words[a]);
      for (guint b = 0; b < row->n_versions; b++)
        if (row->links[a][b] != NULL)
          g_array_unref (row->links[a][b]);
    }
  g_free (row);
}

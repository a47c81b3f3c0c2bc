/* tri-apertium.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-apertium"

#include "config.h"

#include <string.h>

#include "tri-apertium.h"
#include "tri-error.h"

/* Apertium's bilingual dictionaries as word lists (issue 14).
 *
 * Debian's apertium-<pair> packages ship their bilingual dictionary
 * compiled: <src>-<tgt>.autobil.bin, a letter transducer in lttoolbox's
 * binary format, not the .dix it was made from. Its paths from the start
 * to the first tag on each side spell a lemma and its translation
 * (больница<n><f> : лікарня<n><f>); those are read here into a
 * TriDictionary, lemma → translations, for the word aligner, which meets
 * them through Hunspell's stems. The format, as lttoolbox 3.5–3.7 writes
 * it without memory mapping (all numbers in its variable-length code):
 *
 *   "LTTB" u64 features (optional)
 *   letters: count, code points
 *   alphabet: count, tags (strings); count, symbol pairs (left, right,
 *     each biased by the tag count: < 0 a tag, 0 nothing, > 0 a letter)
 *   transducers: count, then per transducer its name (a string),
 *     "LTTD" u64 features (optional; bit 0: weights), initial state,
 *     finals (count, delta-coded states, weights), states (count, then per
 *     state: count, transitions as delta-coded pair and relative target,
 *     weights)
 *
 * A string is a count and code points. Anything else (a memory-mapped
 * transducer, a truncated file) is an error, and the aligner does
 * without. */

#define MAX_LEMMA 40          /* letters of a lemma, a side */
#define MAX_STEPS 4000000     /* of the walk, against a malformed file */

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean      bad;
} Reader;

static guint32
read_number (Reader *r)
{
  guint8 up;
  guint n, value;

  if (r->p >= r->end)
    {
      r->bad = TRUE;
      return 0;
    }
  up = *r->p++;
  n = up < 0x40 ? 0 : up < 0x80 ? 1 : up < 0xc0 ? 2 : 3;
  value = n == 0 ? up : up & 0x3f;
  if ((gsize)(r->end - r->p) < n)
    {
      r->bad = TRUE;
      return 0;
    }
  for (guint i = 0; i < n; i++)
    value = (value << 8) | *r->p++;
  return value;
}

/* A weight: a mantissa and an exponent, each maybe in two numbers. */
static void
skip_weight (Reader *r)
{
  for (guint part = 0; part < 2; part++)
    if (read_number (r) >= 0x04000000)
      read_number (r);
}

static void
skip_string (Reader *r)
{
  guint32 n = read_number (r);

  for (guint32 i = 0; i < n && !r->bad; i++)
    read_number (r);
}

/* "LTTB"/"LTTD" and 64 bits of features, if there; the features. */
static guint64
read_header (Reader     *r,
             const char *magic)
{
  guint64 features = 0;

  if ((gsize)(r->end - r->p) < 12 || memcmp (r->p, magic, 4) != 0)
    return 0;
  for (guint i = 0; i < 8; i++)
    features |= (guint64)r->p[4 + i] << (8 * i);
  r->p += 12;
  return features;
}

typedef struct
{
  gint32 left;
  gint32 right;
} SymbolPair;

typedef struct
{
  guint32 symbol;   /* index of a SymbolPair */
  guint32 target;
} Transition;

typedef struct
{
  guint state;
  guint next;       /* the next transition of the state to try */
  guint left_len;   /* letters before this state */
  guint right_len;
  gboolean left_done, right_done;
} Step;

static gboolean
is_lemma_char (gint32 c)
{
  return g_unichar_isalpha ((gunichar)c) || c == ' ' || c == '-' || c == '\'' || c == 0x2019;
}

/* Every path from @initial up to the first tag on both sides: a lemma
 * pair, added to @forward (left to right) and to @backward (right to
 * left), either of which may be %NULL. */
static guint
walk (TriDictionary    *forward,
      TriDictionary    *backward,
      const SymbolPair *pairs,
      guint             n_pairs,
      const guint      *first,   /* transitions of state s: first[s] .. first[s + 1] */
      const Transition *transitions,
      guint             n_states,
      guint             initial)
{
  g_autofree guint8 *on_path = g_new0 (guint8, n_states);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Step));
  gunichar left[MAX_LEMMA], right[MAX_LEMMA];
  guint steps = 0, added = 0;

  g_array_append_vals (stack, &(Step) { initial, first[initial], 0, 0, FALSE, FALSE }, 1);
  on_path[initial] = 1;
  while (stack->len > 0 && steps++ < MAX_STEPS)
    {
      Step *top = &g_array_index (stack, Step, stack->len - 1);
      const Transition *t;
      const SymbolPair *sp;
      Step next;

      if (top->next >= first[top->state + 1])
        {
          on_path[top->state] = 0;
          g_array_set_size (stack, stack->len - 1);
          continue;
        }
      t = &transitions[top->next++];
      if (t->symbol >= n_pairs || t->target >= n_states || on_path[t->target])
        continue;
      sp = &pairs[t->symbol];
      next = (Step) { t->target, first[t->target], top->left_len, top->right_len, top->left_done, top->right_done };

      if (!next.left_done && sp->left < 0)
        next.left_done = TRUE;
      else if (!next.left_done && sp->left > 0)
        {
          if (!is_lemma_char (sp->left) || next.left_len >= MAX_LEMMA)
            continue;
          left[next.left_len++] = (gunichar)sp->left;
        }
      if (!next.right_done && sp->right < 0)
        next.right_done = TRUE;
      else if (!next.right_done && sp->right > 0)
        {
          if (!is_lemma_char (sp->right) || next.right_len >= MAX_LEMMA)
            continue;
          right[next.right_len++] = (gunichar)sp->right;
        }

      if (next.left_done && next.right_done)
        {
          g_autofree char *l = g_ucs4_to_utf8 (left, next.left_len, NULL, NULL, NULL);
          g_autofree char *r = g_ucs4_to_utf8 (right, next.right_len, NULL, NULL, NULL);

          /* a phrase is looked up by no single word: only its translation may be one */
          if (l != NULL && r != NULL && l[0] != '\0' && r[0] != '\0')
            {
              g_autofree char *ll = g_utf8_strdown (l, -1);
              g_autofree char *rl = g_utf8_strdown (r, -1);

              if (forward != NULL && strchr (l, ' ') == NULL)
                tri_dictionary_add (forward, ll, rl);
              if (backward != NULL && strchr (r, ' ') == NULL)
                tri_dictionary_add (backward, rl, ll);
              added++;
            }
          continue;
        }
      on_path[next.state] = 1;
      g_array_append_val (stack, next);
    }
  return added;
}

static gboolean load_bidix (TriDictionary  *forward,
                            TriDictionary  *backward,
                            const char     *path,
                            GError        **error);

/**
 * tri_apertium_load_bidix:
 * @self: a #TriDictionary
 * @path: an Apertium bilingual dictionary, compiled (`*.autobil.bin`)
 * @reverse: %TRUE to add its translations as headwords (right to left)
 * @error: the reason it could not be read
 *
 * Adds the lemma pairs of the dictionary to @self: each left lemma with
 * its right one (or the other way with @reverse). Lemmas only, no
 * inflected forms.
 *
 * Returns: whether the file was read
 */
gboolean
tri_apertium_load_bidix (TriDictionary  *self,
                         const char     *path,
                         gboolean        reverse,
                         GError        **error)
{
  return load_bidix (reverse ? NULL : self, reverse ? self : NULL, path, error);
}

/* One reading of the file fills both directions: the dictionaries are
 * large (apertium-rus-ukr: ~0.1 G instructions a reading). */
static gboolean
load_bidix (TriDictionary  *forward,
            TriDictionary  *backward,
            const char     *path,
            GError        **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  Reader r;
  guint32 n_letters, n_tags, n_pairs, n_transducers;
  g_autofree SymbolPair *pairs = NULL;
  guint added = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  r = (Reader) { (const guint8 *)contents, (const guint8 *)contents + length, FALSE };

  if (read_header (&r, "LTTB") & 1)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ, "%s: memory-mapped transducers are not read", path);
      return FALSE;
    }
  n_letters = read_number (&r);
  for (guint32 i = 0; i < n_letters && !r.bad; i++)
    read_number (&r);
  n_tags = read_number (&r);
  for (guint32 i = 0; i < n_tags && !r.bad; i++)
    skip_string (&r);
  n_pairs = read_number (&r);
  if (r.bad || n_pairs > length)
    goto bad;
  pairs = g_new (SymbolPair, n_pairs);
  for (guint32 i = 0; i < n_pairs; i++)
    {
      pairs[i].left = (gint32)read_number (&r) - (gint32)n_tags;
      pairs[i].right = (gint32)read_number (&r) - (gint32)n_tags;
    }

  n_transducers = read_number (&r);
  for (guint32 k = 0; k < n_transducers && !r.bad; k++)
    {
      gboolean weights;
      guint32 initial, n_finals, n_states, n_transitions = 0;
      g_autofree guint *first = NULL;
      g_autoptr(GArray) transitions = g_array_new (FALSE, FALSE, sizeof (Transition));

      skip_string (&r);
      weights = (read_header (&r, "LTTD") & 1) != 0;
      initial = read_number (&r);
      n_finals = read_number (&r);
      for (guint32 i = 0; i < n_finals && !r.bad; i++)
        {
          read_number (&r);
          if (weights)
            skip_weight (&r);
        }
      n_states = read_number (&r);
      if (r.bad || n_states > length || initial >= n_states)
        goto bad;
      first = g_new (guint, n_states + 1);
      for (guint32 s = 0; s < n_states && !r.bad; s++)
        {
          guint32 n = read_number (&r), symbol = 0;

          first[s] = n_transitions;
          if (n > length)
            goto bad;
          for (guint32 i = 0; i < n && !r.bad; i++)
            {
              Transition t;

              symbol += read_number (&r);
              t.symbol = symbol;
              t.target = (s + read_number (&r)) % n_states;
              if (weights)
                skip_weight (&r);
              g_array_append_val (transitions, t);
            }
          n_transitions += n;
        }
      if (r.bad)
        goto bad;
      first[n_states] = n_transitions;
      added += walk (forward, backward, pairs, n_pairs, first, (const Transition *)(gpointer)transitions->data,
                     n_states, initial);
    }
  if (r.bad)
    goto bad;
  g_debug ("%s: %u lemma pairs", path, added);
  return TRUE;

bad:
  g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ, "%s is not an lttoolbox transducer this reads", path);
  return FALSE;
}

static char *
iso3 (const char *language)
{
  static const char * const codes[][2] = {
    { "ru", "rus" }, { "uk", "ukr" }, { "be", "bel" }, { "en", "eng" }, { "de", "deu" }, { "fr", "fra" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (codes[i][0], language))
      return g_strdup (codes[i][1]);
  return NULL;
}

G_LOCK_DEFINE_STATIC (apertium);
static GHashTable *apertium_dictionaries;

/**
 * tri_apertium_get_dictionary:
 * @source_language: the language of the headwords (e.g. "ru")
 * @target_language: the language of the translations (e.g. "uk")
 *
 * The lemma pairs of Debian's apertium-<pair> package for these languages
 * (apertium-rus-ukr for Russian and Ukrainian), both of its directions'
 * bilingual dictionaries, read once per process (a few milliseconds).
 * `TRIPTYCH_APERTIUM_DIR` replaces /usr/share/apertium. Thread-safe.
 *
 * Returns: (transfer full) (nullable): the dictionary, or %NULL when the
 *   package is not installed
 */
TriDictionary *
tri_apertium_get_dictionary (const char *source_language,
                             const char *target_language)
{
  g_autofree char *s3 = iso3 (source_language);
  g_autofree char *t3 = iso3 (target_language);
  g_autofree char *key = g_strdup_printf ("%s>%s", source_language, target_language);
  const char *root = g_getenv ("TRIPTYCH_APERTIUM_DIR");
  TriDictionary *dict;

  if (s3 == NULL || t3 == NULL)
    return NULL;

  G_LOCK (apertium);
  if (apertium_dictionaries == NULL)
    apertium_dictionaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify)tri_dictionary_unref);
  if (!g_hash_table_lookup_extended (apertium_dictionaries, key, NULL, (gpointer *)&dict))
    {
      /* the package is named either way round; its files by direction.
       * Both directions are made at once. */
      const char *packages[2][2] = { { s3, t3 }, { t3, s3 } };
      TriDictionary *both[2] = { tri_dictionary_new (), tri_dictionary_new () };   /* s→t, t→s */

      for (guint p = 0; p < 2; p++)
        for (guint direction = 0; direction < 2; direction++)
          {
            g_autofree char *dir = g_strdup_printf ("%s/apertium-%s-%s", root != NULL ? root : "/usr/share/apertium",
                                                    packages[p][0], packages[p][1]);
            g_autofree char *file = g_strdup_printf ("%s/%s-%s.autobil.bin", dir, packages[direction][0],
                                                     packages[direction][1]);

            g_autoptr(GError) error = NULL;

            /* into s→t as it reads (or reversed), and into t→s the other way */
            if (g_file_test (file, G_FILE_TEST_EXISTS) &&
                !load_bidix (both[direction], both[1 - direction], file, &error))
              g_debug ("Skipping %s", error->message);
          }
      for (guint d = 0; d < 2; d++)
        {
          g_autofree char *k = d == 0 ? g_strdup (key) : g_strdup_printf ("%s>%s", target_language, source_language);

          if (tri_dictionary_get_size (both[d]) == 0)
            g_clear_pointer (&both[d], tri_dictionary_unref);
          g_hash_table_insert (apertium_dictionaries, g_steal_pointer (&k), both[d]);
        }
      dict = both[0];
    }
  G_UNLOCK (apertium);

  return dict != NULL ? tri_dictionary_ref (dict) : NULL;
}

/* tri-user-lexicon.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-user-lexicon"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tri-alignment.h"
#include "tri-document.h"
#include "tri-error.h"
#include "tri-language.h"
#include "tri-user-lexicon.h"

/* The user lexicon of a pair of languages: which words occur together in
 * the rows the user confirmed, and how often. Confirmed rows are evidence
 * the aligner can trust, so the pairs that keep occurring together
 * (tri_user_lexicon_add_to_dictionary()) help it align the rest of the
 * document, and the next ones.
 *
 * One plain, tab-separated file per pair, in the user's data folder
 * (tri_user_lexicon_default_path()), sorted, so that it reads and diffs
 * well:
 *
 *   @languages	en	ru
 *   @rows	12
 *   talks		3          the word occurs in 3 rows (first language)
 *   	переговоры	3      the word occurs in 3 rows (second language)
 *   talks	переговоры	3  both occur in the same 3 rows
 *   @learnt	9f0c…          a row counted (a hash of its two texts)
 *
 * Words are lower case, letters with inner apostrophes or hyphens ("п’ять",
 * "north-east"); numbers are left out (the aligner matches them anyway).
 * Other modules (the word aligner of Compare wording) read the same counts
 * through tri_user_lexicon_lookup() and tri_user_lexicon_foreach(). */

/* Words written per row and side at most: a very long row says little about
 * which word translates which. */
#define MAX_ROW_WORDS 80
/* Beyond this many pairs, pairs seen once are not saved. */
#define MAX_SAVED_PAIRS 500000

struct _TriUserLexicon
{
  char       *languages[2];
  guint       n_rows;
  GHashTable *words[2];   /* word → rows */
  GHashTable *pairs;      /* "a\tb" → rows */
  GHashTable *learnt;     /* row keys (row_key()) of the rows counted */
};

/**
 * tri_user_lexicon_new:
 * @language_a: the first language ("en")
 * @language_b: the second language ("ru")
 *
 * Returns: (transfer full): an empty lexicon of that pair
 */
TriUserLexicon *
tri_user_lexicon_new (const char *language_a,
                      const char *language_b)
{
  TriUserLexicon *self = g_new0 (TriUserLexicon, 1);

  g_return_val_if_fail (language_a != NULL && language_b != NULL, NULL);

  self->languages[0] = g_strdup (language_a);
  self->languages[1] = g_strdup (language_b);
  for (guint s = 0; s < 2; s++)
    self->words[s] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->learnt = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

/**
 * tri_user_lexicon_free:
 * @self: (transfer full): a #TriUserLexicon
 */
void
tri_user_lexicon_free (TriUserLexicon *self)
{
  if (self == NULL)
    return;
  for (guint s = 0; s < 2; s++)
    {
      g_free (self->languages[s]);
      g_hash_table_unref (self->words[s]);
    }
  g_hash_table_unref (self->pairs);
  g_hash_table_unref (self->learnt);
  g_free (self);
}

/**
 * tri_user_lexicon_default_path:
 * @language_a: a language
 * @language_b: another
 *
 * Returns: (transfer full): where the user's lexicon of the pair lives:
 *   `$XDG_DATA_HOME/triptych/lexicon/A-B.tsv`, A and B the base languages
 *   in alphabetical order (one file serves en–ru and ru–en)
 */
char *
tri_user_lexicon_default_path (const char *language_a,
                               const char *language_b)
{
  g_autofree char *a = tri_language_get_base (language_a);
  g_autofree char *b = tri_language_get_base (language_b);
  g_autofree char *file = NULL;

  if (strcmp (a, b) > 0)
    file = g_strdup_printf ("%s-%s.tsv", b, a);
  else
    file = g_strdup_printf ("%s-%s.tsv", a, b);
  return g_build_filename (g_get_user_data_dir (), "triptych", "lexicon", file, NULL);
}

/**
 * tri_user_lexicon_get_language:
 * @self: a #TriUserLexicon
 * @side: 0 or 1
 *
 * Returns: the language of that side
 */
const char *
tri_user_lexicon_get_language (TriUserLexicon *self,
                               guint           side)
{
  g_return_val_if_fail (self != NULL && side < 2, NULL);

  return self->languages[side];
}

/**
 * tri_user_lexicon_get_n_rows:
 * @self: a #TriUserLexicon
 *
 * Returns: how many confirmed rows it learnt from
 */
guint
tri_user_lexicon_get_n_rows (TriUserLexicon *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

static void
count_add (GHashTable *table,
           const char *key,
           guint       n)
{
  gpointer old = NULL;

  if (g_hash_table_lookup_extended (table, key, NULL, &old))
    g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + n));
  else
    g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (n));
}

static gboolean
is_inner_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == '-';
}

/* The distinct lower-case words of @text, in order. */
static GPtrArray *
row_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *p = text;

  while (*p != '\0' && words->len < MAX_ROW_WORDS)
    {
      const char *start, *end;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = end = p;
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          if (g_unichar_isalpha (c) || g_unichar_ismark (c))
            end = p = next;
          else if (is_inner_joiner (c) && *next != '\0' && g_unichar_isalpha (g_utf8_get_char (next)))
            p = next;
          else
            break;
        }
      if (g_utf8_strlen (start, end - start) >= 2)
        {
          char *word = g_utf8_strdown (start, end - start);

          if (g_hash_table_contains (seen, word))
            g_free (word);
          else
            {
              g_hash_table_add (seen, word);
              g_ptr_array_add (words, word);
            }
        }
    }
  return words;
}

/* Which row: a hash of its two texts (16 hex digits of SHA-1). */
static char *
row_key (const char *text_a,
         const char *text_b)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

  g_checksum_update (sum, (const guchar *)text_a, -1);
  g_checksum_update (sum, (const guchar *)"\t", 1);
  g_checksum_update (sum, (const guchar *)text_b, -1);
  return g_strndup (g_checksum_get_string (sum), 16);
}

/**
 * tri_user_lexicon_add_row:
 * @self: a #TriUserLexicon
 * @text_a: the row's text in the first language
 * @text_b: its text in the second
 *
 * Counts a confirmed row: each word once, and each pair of a word of
 * @text_a and a word of @text_b once. A row already counted (the same two
 * texts: confirmed, unconfirmed and confirmed again) is not counted again.
 */
void
tri_user_lexicon_add_row (TriUserLexicon *self,
                          const char     *text_a,
                          const char     *text_b)
{
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  g_return_if_fail (self != NULL && text_a != NULL && text_b != NULL);

  a = row_words (text_a);
  b = row_words (text_b);
  if (a->len == 0 || b->len == 0)
    return;
  {
    char *key = row_key (text_a, text_b);

    if (!g_hash_table_add (self->learnt, key))
      return;
  }

  self->n_rows++;
  for (guint i = 0; i < a->len; i++)
    count_add (self->words[0], g_ptr_array_index (a, i), 1);
  for (guint j = 0; j < b->len; j++)
    count_add (self->words[1], g_ptr_array_index (b, j), 1);
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      {
        g_autofree char *key = g_strconcat (g_ptr_array_index (a, i), "\t", g_ptr_array_index (b, j), NULL);

        count_add (self->pairs, key, 1);
      }
}

/**
 * tri_user_lexicon_lookup:
 * @self: a #TriUserLexicon
 * @word_a: a word of the first language
 * @word_b: a word of the second
 *
 * Returns: in how many confirmed rows the two occur together (any case)
 */
guint
tri_user_lexicon_lookup (TriUserLexicon *self,
                         const char     *word_a,
                         const char     *word_b)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL && word_a != NULL && word_b != NULL, 0);

  a = g_utf8_strdown (word_a, -1);
  b = g_utf8_strdown (word_b, -1);
  key = g_strconcat (a, "\t", b, NULL);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->pairs, key));
}

/**
 * tri_user_lexicon_get_word_count:
 * @self: a #TriUserLexicon
 * @side: 0 for the first language, 1 for the second
 * @word: a word
 *
 * Returns: in how many confirmed rows @word occurs
 */
guint
tri_user_lexicon_get_word_count (TriUserLexicon *self,
                                 guint           side,
                                 const char     *word)
{
  g_autofree char *w = NULL;

  g_return_val_if_fail (self != NULL && side < 2 && word != NULL, 0);

  w = g_utf8_strdown (word, -1);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->words[side], w));
}

/**
 * tri_user_lexicon_foreach:
 * @self: a #TriUserLexicon
 * @func: (scope call): called for every word pair with its count
 * @user_data: passed to @func
 *
 * Calls @func on every pair, in no particular order. The lexicon must not
 * change meanwhile.
 */
void
tri_user_lexicon_foreach (TriUserLexicon     *self,
                          TriUserLexiconFunc  func,
                          gpointer            user_data)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (self != NULL && func != NULL);

  g_hash_table_iter_init (&iter, self->pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *tab = strchr (key, '\t');
      g_autofree char *a = g_strndup (key, (gsize)(tab - (const char *)key));

      func (a, tab + 1, GPOINTER_TO_UINT (value), user_data);
    }
}

typedef struct
{
  const char *a;
  const char *b;
  double      dice;
} Candidate;

static int
compare_candidates (gconstpointer x,
                    gconstpointer y)
{
  const Candidate *p = x, *q = y;
  int c;

  if (p->dice != q->dice)
    return p->dice > q->dice ? -1 : 1;
  c = strcmp (p->a, q->a);
  return c != 0 ? c : strcmp (p->b, q->b);
}

/**
 * tri_user_lexicon_add_to_dictionary:
 * @self: a #TriUserLexicon
 * @dictionary: where to add
 *
 * Adds to @dictionary, both ways, the pairs that are evidence of a
 * translation: seen together in at least two rows, mostly together (Dice
 * ≥ 0.5), each the other's single best partner, and, once there are 20
 * rows, neither word in more than a tenth of them (function words pair
 * with everything).
 */
void
tri_user_lexicon_add_to_dictionary (TriUserLexicon *self,
                                    TriDictionary  *dictionary)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GHashTableIter iter;
  gpointer key, value;
  guint common = self->n_rows >= 20 ? self->n_rows / 10 : G_MAXUINT;

  g_return_if_fail (self != NULL && dictionary != NULL);

  g_hash_table_iter_init (&iter, self->pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint c = GPOINTER_TO_UINT (value), fa, fb;
      const char *tab;
      Candidate cand;
      g_autofree char *a = NULL;

      if (c < 2)
        continue;
      tab = strchr (key, '\t');
      a = g_strndup (key, (gsize)(tab - (const char *)key));
      fa = GPOINTER_TO_UINT (g_hash_table_lookup (self->words[0], a));
      fb = GPOINTER_TO_UINT (g_hash_table_lookup (self->words[1], tab + 1));
      if (fa > common || fb > common || 2.0 * c < 0.5 * (fa + fb))
        continue;
      cand.a = key;
      cand.b = tab + 1;
      cand.dice = 2.0 * c / (fa + fb);
      g_array_append_val (candidates, cand);
    }
  g_array_sort (candidates, compare_candidates);

  /* Only mutual, unshared bests: two rows on one subject pair all their
   * words with each other, and none of those pairs is evidence. */
  {
    g_autoptr(GHashTable) best_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) best_b = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) tied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    /* Best first: a word's first candidate is its best; an equal second
     * one makes it a tie. */
    for (guint k = 0; k < candidates->len; k++)
      {
        const Candidate *cand = &g_array_index (candidates, Candidate, k);
        g_autofree char *a = g_strndup (cand->a, (gsize)(cand->b - 1 - cand->a));
        const Candidate *pa = g_hash_table_lookup (best_a, a);
        const Candidate *pb = g_hash_table_lookup (best_b, cand->b);

        if (pa == NULL)
          g_hash_table_insert (best_a, g_strdup (a), (gpointer)cand);
        else if (pa->dice == cand->dice)
          g_hash_table_add (tied, g_strconcat ("a\t", a, NULL));
        if (pb == NULL)
          g_hash_table_insert (best_b, (gpointer)cand->b, (gpointer)cand);
        else if (pb->dice == cand->dice)
          g_hash_table_add (tied, g_strconcat ("b\t", cand->b, NULL));
      }

    for (guint k = 0; k < candidates->len; k++)
      {
        const Candidate *cand = &g_array_index (candidates, Candidate, k);
        g_autofree char *a = g_strndup (cand->a, (gsize)(cand->b - 1 - cand->a));
        g_autofree char *ka = g_strconcat ("a\t", a, NULL);
        g_autofree char *kb = g_strconcat ("b\t", cand->b, NULL);

        if (g_hash_table_lookup (best_a, a) != cand || g_hash_table_lookup (best_b, cand->b) != cand ||
            g_hash_table_contains (tied, ka) || g_hash_table_contains (tied, kb))
          continue;
        tri_dictionary_add (dictionary, a, cand->b);
        tri_dictionary_add (dictionary, cand->b, a);
      }
  }
}

/* Saving and loading */

static int
compare_strings (gconstpointer x,
                 gconstpointer y)
{
  return strcmp (*(const char * const *)x, *(const char * const *)y);
}

static void
append_sorted (GString    *out,
               GHashTable *table,
               const char *prefix,
               const char *suffix,
               guint       min_count)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (table, NULL);
  guint n = g_hash_table_size (table);

  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint k = 0; k < n; k++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (table, keys[k]));

      if (count >= min_count)
        g_string_append_printf (out, "%s%s%s\t%u\n", prefix, (const char *)keys[k], suffix, count);
    }
}

/* The file's text (see the format above). */
static GString *
serialize (TriUserLexicon *self)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "# Triptych user lexicon: words of rows the user confirmed, in how many rows\n"
                        "# each occurs (word, tab, tab, count: first language; tab, word, tab, count:\n"
                        "# second) and each pair occurs together (word, tab, word, tab, count).\n");
  g_string_append_printf (out, "@languages\t%s\t%s\n@rows\t%u\n",
                          self->languages[0], self->languages[1], self->n_rows);
  append_sorted (out, self->words[0], "", "\t", 1);
  append_sorted (out, self->words[1], "\t", "", 1);
  append_sorted (out, self->pairs, "", "",
                 g_hash_table_size (self->pairs) > MAX_SAVED_PAIRS ? 2 : 1);
  {
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array (self->learnt, NULL);
    guint n = g_hash_table_size (self->learnt);

    qsort (keys, n, sizeof (gpointer), compare_strings);
    for (guint k = 0; k < n; k++)
      g_string_append_printf (out, "@learnt\t%s\n", (const char *)keys[k]);
  }
  return out;
}

static gboolean
write_text (const GString *text,
            const char    *path,
            GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: a folder, then what went wrong */
                   _("Cannot create “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  file = g_file_new_for_path (path);
  return tri_file_replace_contents (file, text->str, text->len, G_FILE_CREATE_NONE, NULL, error);
}

/**
 * tri_user_lexicon_save:
 * @self: a #TriUserLexicon
 * @path: the file (made with its folder if missing)
 * @error: return location for a #GError
 *
 * Writes the lexicon atomically (see the format above).
 *
 * Returns: whether it was written
 */
gboolean
tri_user_lexicon_save (TriUserLexicon  *self,
                       const char      *path,
                       GError         **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  out = serialize (self);
  return write_text (out, path, error);
}

/**
 * tri_user_lexicon_load:
 * @path: a lexicon file
 * @error: return location for a #GError
 *
 * Reads a lexicon saved by tri_user_lexicon_save(). Lines it does not
 * understand are skipped.
 *
 * Returns: (transfer full) (nullable): the lexicon, or %NULL if the file
 *   cannot be read or names no languages
 */
TriUserLexicon *
tri_user_lexicon_load (const char  *path,
                       GError     **error)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  TriUserLexicon *self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, NULL, &local_error))
    {
      tri_set_read_error (error, local_error, path);
      return NULL;
    }

  lines = g_strsplit (data, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      g_auto(GStrv) f = NULL;
      guint64 count;

      if (lines[k][0] == '#' || lines[k][0] == '\0')
        continue;
      f = g_strsplit (lines[k], "\t", 3);
      if (self != NULL && g_strv_length (f) == 2 && g_str_equal (f[0], "@rows"))
        {
          self->n_rows = (guint)g_ascii_strtoull (f[1], NULL, 10);
          continue;
        }
      if (self != NULL && g_strv_length (f) == 2 && g_str_equal (f[0], "@learnt"))
        {
          g_hash_table_add (self->learnt, g_strdup (f[1]));
          continue;
        }
      if (g_strv_length (f) != 3)
        continue;
      if (g_str_equal (f[0], "@languages"))
        {
          if (self == NULL)
            self = tri_user_lexicon_new (f[1], f[2]);
          continue;
        }
      if (self == NULL)
        continue;
      count = g_ascii_strtoull (f[2], NULL, 10);
      if (count == 0 || count > G_MAXUINT)
        continue;
      if (f[0][0] != '\0' && f[1][0] != '\0')
        {
          g_autofree char *key = g_strconcat (f[0], "\t", f[1], NULL);

          count_add (self->pairs, key, (guint)count);
        }
      else if (f[0][0] != '\0')
        count_add (self->words[0], f[0], (guint)count);
      else if (f[1][0] != '\0')
        count_add (self->words[1], f[1], (guint)count);
    }

  if (self == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: a file name */
                 _("“%s” is not a Triptych lexicon"), path);
  return self;
}

/* The user's lexicons and the window
 *
 * The window's lexicons stay in memory once read (one per file), and are
 * written a moment after the last confirmation, by one worker thread: a
 * confirmation neither waits for the disk nor rewrites the file once per
 * row. `lock` guards the table and the lexicons in it; `write_lock` is held
 * from taking a lexicon's text to writing it, so that writes of one file
 * never overtake each other. */

#define SAVE_DELAY_MS 1500

typedef struct
{
  TriUserLexicon *lexicon;
  gboolean        dirty;    /* changed since its text was last taken */
} Cached;

static GMutex lock;
static GMutex write_lock;
static GHashTable *cache;      /* path → Cached */
static guint save_source;      /* the pending save's timeout, main context */
static GThreadPool *saver;

static void
cached_free (gpointer data)
{
  Cached *cached = data;

  tri_user_lexicon_free (cached->lexicon);
  g_free (cached);
}

/* The lexicon of @path, read once; with `lock` held. */
static Cached *
cached_get (const char *path)
{
  Cached *cached;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_free);
  cached = g_hash_table_lookup (cache, path);
  if (cached == NULL)
    {
      g_autoptr(GError) error = NULL;

      cached = g_new0 (Cached, 1);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          cached->lexicon = tri_user_lexicon_load (path, &error);
          if (cached->lexicon == NULL)
            g_warning ("%s", error->message);
        }
      if (cached->lexicon == NULL)
        {
          g_autofree char *name = g_path_get_basename (path);
          g_auto(GStrv) pair = g_strsplit (name, ".", 2);
          g_auto(GStrv) langs = g_strsplit (pair[0], "-", 2);

          cached->lexicon = tri_user_lexicon_new (langs[0], langs[1] != NULL ? langs[1] : langs[0]);
        }
      g_hash_table_insert (cache, g_strdup (path), cached);
    }
  return cached;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Writes the lexicons changed since they were last written. */
static void
save_dirty (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (string_free);

  g_mutex_lock (&write_lock);
  g_mutex_lock (&lock);
  if (cache != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, cache);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Cached *cached = value;

          if (!cached->dirty)
            continue;
          cached->dirty = FALSE;
          g_ptr_array_add (paths, g_strdup (key));
          g_ptr_array_add (texts, serialize (cached->lexicon));
        }
    }
  g_mutex_unlock (&lock);

  for (guint k = 0; k < paths->len; k++)
    {
      g_autoptr(GError) error = NULL;

      if (!write_text (g_ptr_array_index (texts, k), g_ptr_array_index (paths, k), &error))
        g_warning ("%s", error->message);
    }
  g_mutex_unlock (&write_lock);
}

static void
saver_run (gpointer data,
           gpointer user_data)
{
  save_dirty ();
}

static gboolean
save_later (gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  save_source = 0;
  if (saver == NULL)
    saver = g_thread_pool_new (saver_run, NULL, 1, FALSE, &error);
  if (saver == NULL || !g_thread_pool_push (saver, GUINT_TO_POINTER (1), &error))
    {
      g_warning ("%s", error != NULL ? error->message : "no thread");
      save_dirty ();
    }
  return G_SOURCE_REMOVE;
}

/**
 * tri_user_lexicon_learn_rows:
 * @alignment: a #TriAlignment
 * @rows: (array length=n_rows): rows the user just confirmed
 * @n_rows: their number
 *
 * Adds @rows to the user's lexicon of every pair of the alignment's
 * languages (tri_user_lexicon_default_path()); they are saved a moment
 * later, off the calling thread (tri_user_lexicon_flush() saves at once).
 * A row counted before is not counted again. A lexicon that cannot be
 * saved is reported in the log; the confirmation stands.
 */
void
tri_user_lexicon_learn_rows (TriAlignment *alignment,
                             const guint  *rows,
                             guint         n_rows)
{
  guint n = tri_alignment_get_n_columns (alignment);

  if (n_rows == 0)
    return;

  for (guint x = 0; x < n; x++)
    for (guint y = x + 1; y < n; y++)
      {
        const char *lx = tri_document_get_language (tri_alignment_get_document (alignment, x));
        const char *ly = tri_document_get_language (tri_alignment_get_document (alignment, y));
        g_autofree char *path = tri_user_lexicon_default_path (lx, ly);
        g_autofree char *base = tri_language_get_base (lx);
        Cached *cached;
        guint a, b;

        g_mutex_lock (&lock);
        cached = cached_get (path);
        /* Columns in the lexicon's order of languages. */
        a = g_str_equal (base, tri_user_lexicon_get_language (cached->lexicon, 0)) ? x : y;
        b = a == x ? y : x;
        for (guint k = 0; k < n_rows; k++)
          {
            g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), rows[k]);
            g_autofree char *ta = NULL;
            g_autofree char *tb = NULL;

            if (row == NULL || !tri_row_get_confirmed (row))
              continue;
            ta = tri_alignment_dup_cell_text (alignment, row, a);
            tb = tri_alignment_dup_cell_text (alignment, row, b);
            tri_user_lexicon_add_row (cached->lexicon, ta, tb);
          }
        cached->dirty = TRUE;
        g_mutex_unlock (&lock);
      }

  /* Once the user pauses. */
  if (save_source != 0)
    g_source_remove (save_source);
  save_source = g_timeout_add (SAVE_DELAY_MS, save_later, NULL);
}

/**
 * tri_user_lexicon_flush:
 *
 * Saves now, on the calling thread, what tri_user_lexicon_learn_rows()
 * has not saved yet, after any save under way; for quitting.
 */
void
tri_user_lexicon_flush (void)
{
  if (save_source != 0)
    {
      g_source_remove (save_source);
      save_source = 0;
    }
  save_dirty ();
}

/**
 * tri_user_lexicon_dictionary_for:
 * @languages: (array length=n_languages): the languages to align
 * @n_languages: their number
 *
 * Returns: (transfer full) (nullable): the word pairs of the user's
 *   lexicons of every pair of @languages, for tri_aligner_set_user_dictionary(),
 *   or %NULL when there are none
 */
TriDictionary *
tri_user_lexicon_dictionary_for (const char * const *languages,
                                 guint               n_languages)
{
  g_autoptr(TriDictionary) dictionary = tri_dictionary_new ();

  for (guint x = 0; x < n_languages; x++)
    for (guint y = x + 1; y < n_languages; y++)
      {
        g_autofree char *path = tri_user_lexicon_default_path (languages[x], languages[y]);
        Cached *cached;

        g_mutex_lock (&lock);
        cached = cache != NULL ? g_hash_table_lookup (cache, path) : NULL;
        if (cached == NULL && g_file_test (path, G_FILE_TEST_EXISTS))
          cached = cached_get (path);
        if (cached != NULL)
          tri_user_lexicon_add_to_dictionary (cached->lexicon, dictionary);
        g_mutex_unlock (&lock);
      }
  return tri_dictionary_get_size (dictionary) > 0 ? g_steal_pointer (&dictionary) : NULL;
}

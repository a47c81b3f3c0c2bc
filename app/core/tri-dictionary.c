/* tri-dictionary.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-dictionary"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include "tri-dictionary.h"
#include "tri-error.h"

/* A bilingual word list for the aligner: a word (its key, see
 * tri_dictionary_key()) maps to the words that may translate it. Read from
 * Debian's dictd dictionaries (mueller7-dict for English→Russian, FreeDict
 * for other pairs) or from a user's list in hunalign's format. Immutable
 * once loaded, so it is shared between threads. */
/* A dictd dictionary's image: its headwords sorted by key, each with
 * where its entries are in the uncompressed body and the translations the
 * aligner's reading takes from them, then the body. The same whether
 * mapped from the user's cache or made from the dictd files (see
 * tri_dictionary_load_dictd()). All native-endian: the cache is the
 * machine's own. */
typedef struct
{
  char    magic[8];
  guint32 version;
  guint32 glib_version;     /* tri_dictionary_key() is GLib's case folding */
  guint32 n_headwords;
  guint32 n_locations;
  guint64 keys_size;
  guint64 body_size;
  /* the translations add_entry() reads from each location, at most
   * MAX_TRANSLATIONS, for translations in this script */
  guint32 script;
  guint32 n_words;
  guint64 words_size;
  /* the dictd files the image was made from */
  guint64 index_size;
  gint64  index_mtime;
  gint64  index_mtime_ns;
  guint64 dict_size;
  gint64  dict_mtime;
  gint64  dict_mtime_ns;
} ImageHeader;

typedef struct
{
  guint32 offset;
  guint32 length;
} Location;

typedef struct
{
  guint32 key;              /* offset in the keys */
  guint32 first;            /* its first Location */
  guint32 count;            /* and how many */
} Headword;

/* A location's translations: words [first, first + count) */
typedef struct
{
  guint32 first;
  guint32 count;
} Parsed;

typedef struct
{
  GBytes         *image;
  const char     *body;
  const char     *keys;
  const Headword *headwords;
  const Location *locations;
  /* with the translations read ahead, per location (NULL when read for
   * another script) */
  const Parsed   *parsed;
  const guint32  *word_at;  /* offsets in words */
  const char     *words;
  guint           n_headwords;
  UScriptCode     script;   /* of the translations */
  guint8         *read;     /* per headword: its entries were read */
  guint           n_unread;
} Source;

struct _TriDictionary
{
  gatomicrefcount  ref_count;
  /* Entries of a dictd file are read when first looked up: a document
   * asks for a few thousand of Mueller's 40,000, and reading them all takes
   * most of half a second. Lookups come from worker threads. */
  GMutex           mutex;
  GStringChunk    *strings;
  /* key → GPtrArray of translations (strings in @strings) */
  GHashTable      *entries;
  GPtrArray       *sources;
  guint            max_translations; /* read from an entry */
};

static void
source_free (Source *source)
{
  g_bytes_unref (source->image);
  g_free (source->read);
  g_free (source);
}

/* At most this many translations of one headword are kept: the first are
 * the common senses, the later ones idioms and rare uses that only add
 * noise (bench/align-eval.py: 4 beat 8 and 15 on every pair). */
#define MAX_TRANSLATIONS 4

TriDictionary *
tri_dictionary_new (void)
{
  TriDictionary *self = g_new0 (TriDictionary, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)source_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->max_translations = MAX_TRANSLATIONS;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)g_ptr_array_unref);
  return self;
}

TriDictionary *
tri_dictionary_ref (TriDictionary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tri_dictionary_unref (TriDictionary *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->entries);
      g_ptr_array_unref (self->sources);
      g_string_chunk_free (self->strings);
      g_mutex_clear (&self->mutex);
      g_free (self);
    }
}

/**
 * tri_dictionary_key:
 * @word: a word, UTF-8
 * @length: its length, or -1
 *
 * The form in which words are looked up: lower case. Inflected forms are
 * for the caller to reduce (see the aligner's lookup_translations()).
 *
 * Returns: (transfer full): the key
 */
char *
tri_dictionary_key (const char *word,
                    gssize      length)
{
  return g_utf8_strdown (word, length);
}

/**
 * tri_dictionary_add:
 * @self: a #TriDictionary
 * @word: a word
 * @translation: a translation of it
 *
 * Adds one pair, as from the user's word list.
 */
static void add_entry (TriDictionary *self, const char *key, const char *headword, const char *body,
                       gsize length, UScriptCode script);

/* Adds @translation to the translations of @key (tri_dictionary_key() of
 * the word). */
static void
add_to_key (TriDictionary *self,
            const char    *key,
            const char    *translation)
{
  GPtrArray *list = g_hash_table_lookup (self->entries, key);
  const char *stored = g_string_chunk_insert_const (self->strings, translation);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->entries, g_string_chunk_insert_const (self->strings, key), list);
    }

  if (list->len < self->max_translations * 2)
    {
      for (guint i = 0; i < list->len; i++)
        if (g_ptr_array_index (list, i) == stored)
          return;
      g_ptr_array_add (list, (gpointer)stored);
    }
}

static void
add_unlocked (TriDictionary *self,
              const char    *word,
              const char    *translation)
{
  g_autofree char *key = tri_dictionary_key (word, -1);

  add_to_key (self, key, translation);
}

void
tri_dictionary_add (TriDictionary *self,
                    const char    *word,
                    const char    *translation)
{
  g_mutex_lock (&self->mutex);
  add_unlocked (self, word, translation);
  g_mutex_unlock (&self->mutex);
}

/* The forms under which a dictionary may list @lower: itself, then, for
 * English words, without their inflection ("prices" → "price", "agreed"
 * → "agree", "negotiating" → "negotiate", "countries" → "country"). */
static char **
dictionary_forms (const char *lower)
{
  static const struct { const char *suffix; const char *replacement; } rules[] = {
    { "'s", "" }, { "’s", "" }, { "ies", "y" }, { "ied", "y" }, { "s", "" }, { "es", "" },
    { "d", "" }, { "ed", "" }, { "ing", "e" }, { "ing", "" }, { "ly", "" },
  };
  GPtrArray *forms = g_ptr_array_new ();
  gsize len = strlen (lower);
  gboolean ascii = TRUE;

  g_ptr_array_add (forms, g_strdup (lower));
  for (const char *p = lower; *p; p++)
    if ((guchar)*p >= 0x80)
      ascii = FALSE;

  for (guint i = 0; ascii && i < G_N_ELEMENTS (rules); i++)
    {
      gsize n = strlen (rules[i].suffix);

      if (len > n + 2 && g_str_has_suffix (lower, rules[i].suffix) && !g_str_has_suffix (lower, "ss"))
        g_ptr_array_add (forms, g_strdup_printf ("%.*s%s", (int)(len - n), lower, rules[i].replacement));
    }

  g_ptr_array_add (forms, NULL);
  return (char **)g_ptr_array_free (forms, FALSE);
}

/* The headword whose key is @word, or -1. */
static gssize
source_find (const Source *source,
             const char   *word)
{
  gsize low = 0, high = source->n_headwords;

  while (low < high)
    {
      gsize mid = low + (high - low) / 2;
      int order = strcmp (source->keys + source->headwords[mid].key, word);

      if (order == 0)
        return (gssize)mid;
      if (order < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return -1;
}

/* Whether location @l's translations were read ahead, and are text (the
 * cache is checked as it is used). */
static gboolean
parsed_valid (const Source *source,
              guint         l)
{
  if (source->parsed == NULL)
    return FALSE;
  for (guint w = 0; w < source->parsed[l].count; w++)
    if (!g_utf8_validate (source->words + source->word_at[source->parsed[l].first + w], -1, NULL))
      return FALSE;
  return TRUE;
}

static GPtrArray *
lookup_unlocked (TriDictionary *self,
                 const char    *word)
{
  g_autofree char *key = NULL;

  /* Read the word's entries from the dictd files, once. */
  for (guint s = 0; s < self->sources->len; s++)
    {
      Source *source = g_ptr_array_index (self->sources, s);
      gssize h = source_find (source, word);

      if (h >= 0 && !source->read[h])
        {
          const Headword *headword = &source->headwords[h];

          if (key == NULL)
            key = tri_dictionary_key (word, -1);
          for (guint k = 0; k < headword->count; k++)
            {
              guint l = headword->first + k;
              const Location *at = &source->locations[l];

              if (self->max_translations == MAX_TRANSLATIONS && parsed_valid (source, l))
                for (guint w = 0; w < source->parsed[l].count; w++)
                  add_to_key (self, key, source->words + source->word_at[source->parsed[l].first + w]);
              else
                add_entry (self, key, word, source->body + at->offset, at->length, source->script);
            }
          source->read[h] = TRUE;
          source->n_unread--;
        }
    }

  return g_hash_table_lookup (self->entries, word);
}

/**
 * tri_dictionary_lookup:
 * @self: a #TriDictionary
 * @word: a key, see tri_dictionary_key()
 * @n_translations: (out): how many translations there are
 *
 * An English word not listed as it is, is looked up without its
 * inflection too.
 *
 * Returns: (transfer none) (array length=n_translations) (nullable): the
 *   translations of @word
 */
const char * const *
tri_dictionary_lookup (TriDictionary *self,
                       const char    *word,
                       guint         *n_translations)
{
  GPtrArray *list = NULL;
  g_auto(GStrv) forms = dictionary_forms (word);

  g_mutex_lock (&self->mutex);
  /* The first form the dictionary has: "prices" → "price". */
  for (guint f = 0; forms[f] != NULL && (list == NULL || list->len == 0); f++)
    list = lookup_unlocked (self, forms[f]);
  g_mutex_unlock (&self->mutex);

  /* Lists only grow, and only under the lock, never past their first
   * MAX_TRANSLATIONS × 2 entries: a reader sees a consistent prefix. */
  *n_translations = list != NULL ? list->len : 0;
  return list != NULL ? (const char * const *)list->pdata : NULL;
}

/**
 * tri_dictionary_get_headwords:
 * @self: a #TriDictionary
 *
 * The headwords read so far: all of a word list's or Apertium's, a dictd
 * file's only once looked up.
 *
 * Returns: (transfer container) (element-type utf8): the headwords, owned by @self
 */
GPtrArray *
tri_dictionary_get_headwords (TriDictionary *self)
{
  GPtrArray *words = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&self->mutex);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (words, key);
  g_mutex_unlock (&self->mutex);

  return words;
}

guint
tri_dictionary_get_size (TriDictionary *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = g_hash_table_size (self->entries);
  for (guint s = 0; s < self->sources->len; s++)
    n += ((Source *)g_ptr_array_index (self->sources, s))->n_unread;
  g_mutex_unlock (&self->mutex);

  return n;
}

/* dictd's base-64 numbers: big-endian digits of this alphabet. */
static gboolean
decode_b64 (const char *s,
            gsize       n,
            guint64    *value)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  guint64 v = 0;

  if (n == 0 || n > 10)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      const char *d = strchr (alphabet, s[i]);

      if (d == NULL || s[i] == '\0')
        return FALSE;
      v = v * 64 + (guint64)(d - alphabet);
    }
  *value = v;
  return TRUE;
}

static GBytes *
gunzip (GBytes  *compressed,
        GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) base = g_memory_input_stream_new_from_bytes (compressed);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (base, G_CONVERTER (decompressor));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (out, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
word_in_script (const char  *word,
                UScriptCode  script)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      UErrorCode status = U_ZERO_ERROR;

      if (!g_unichar_isalpha (ch))
        continue;
      if (uscript_getScript ((UChar32)ch, &status) != script)
        return FALSE;
    }
  return TRUE;
}

/* The translations in a dictd entry: the words of the body after the
 * headword line, in the target language's script, skipping grammar
 * abbreviations ("_n.") and transcriptions ("[...]"); at most @max, a
 * wide reading (more than MAX_TRANSLATIONS) also skipping remarks and
 * examples. Added to @words (owned). */
static void
entry_words (const char  *headword,
             const char  *body,
             gsize        length,
             UScriptCode  script,
             guint        max,
             GPtrArray   *words)
{
  const char *end = body + length;
  const char *p = memchr (body, '\n', length);
  guint added = 0;
  gboolean in_brackets = FALSE;
  gboolean in_example = FALSE;

  p = p != NULL ? p + 1 : end;

  while (p < end && added < max)
    {
      const char *start;
      g_autofree char *word = NULL;
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        break;

      /* a wide reading also skips remarks in parentheses: "(употр. как _pl.)" */
      if (ch == '[' || (ch == '(' && max > MAX_TRANSLATIONS))
        in_brackets = TRUE;
      else if (ch == ']' || ch == ')')
        in_brackets = FALSE;

      /* a wide reading skips examples: "young people молодёжь;" */
      if (ch == ';' || ch == '\n')
        in_example = FALSE;

      if (!g_unichar_isalpha (ch) || in_brackets || in_example || (p > body && p[-1] == '_'))
        {
          /* Skip the rest of a grammar label such as "_n." too. */
          if (ch == '_')
            while (p < end && !g_ascii_isspace (*p))
              p++;
          else
            p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (p < end)
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if (c == (gunichar)-1 || c == (gunichar)-2 ||
              !(g_unichar_isalpha (c) || c == '-' || c == '\'' || c == 0x2019))
            break;
          p = g_utf8_next_char (p);
        }

      word = g_utf8_strdown (start, p - start);
      if (max > MAX_TRANSLATIONS && !word_in_script (word, script))
        {
          in_example = TRUE;
          continue;
        }
      if (g_utf8_strlen (word, -1) >= 3 && word_in_script (word, script) &&
          strcmp (word, headword) != 0)
        {
          g_ptr_array_add (words, g_steal_pointer (&word));
          added++;
        }
    }
}

/* Adds the translations in a dictd entry of @headword (whose key is @key). */
static void
add_entry (TriDictionary *self,
           const char    *key,
           const char    *headword,
           const char    *body,
           gsize          length,
           UScriptCode    script)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  entry_words (headword, body, length, script, self->max_translations, words);
  for (guint w = 0; w < words->len; w++)
    add_to_key (self, key, g_ptr_array_index (words, w));
}

/* What the image of a dictd dictionary was made from: the two files'
 * sizes and times of change. */
static gboolean
stamp_sources (const char  *index_path,
               const char  *dict_path,
               ImageHeader *stamp,
               GError     **error)
{
  GStatBuf index_stat, dict_stat;

  if (g_stat (index_path, &index_stat) != 0 || g_stat (dict_path, &dict_stat) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot read the dictionary “%s”: %s"), index_path, g_strerror (saved));
      return FALSE;
    }
  memset (stamp, 0, sizeof *stamp);
  stamp->index_size = (guint64)index_stat.st_size;
  stamp->index_mtime = (gint64)index_stat.st_mtim.tv_sec;
  stamp->index_mtime_ns = (gint64)index_stat.st_mtim.tv_nsec;
  stamp->dict_size = (guint64)dict_stat.st_size;
  stamp->dict_mtime = (gint64)dict_stat.st_mtim.tv_sec;
  stamp->dict_mtime_ns = (gint64)dict_stat.st_mtim.tv_nsec;
  return TRUE;
}

#define IMAGE_MAGIC   "TRIDICT"
#define IMAGE_VERSION 2

static guint32
image_glib_version (void)
{
  return glib_major_version * 1000000 + glib_minor_version * 1000 + glib_micro_version;
}

/* The source an image holds, or NULL when the image is not whole, made by
 * another version, or (with @stamp) from other files than those: nothing
 * in it is trusted until checked. */
static Source *
source_from_image (GBytes            *image,
                   const ImageHeader *stamp,
                   UScriptCode        script)
{
  gsize size;
  const char *data = g_bytes_get_data (image, &size);
  const ImageHeader *header = (const ImageHeader *)data;
  const Headword *headwords;
  const Location *locations;
  const Parsed *parsed;
  const guint32 *word_at;
  const char *keys, *words, *body;
  guint64 need;
  Source *source;

  if (size < sizeof *header || memcmp (header->magic, IMAGE_MAGIC, sizeof header->magic) != 0 ||
      header->version != IMAGE_VERSION || header->glib_version != image_glib_version ())
    return NULL;
  if (stamp != NULL &&
      (header->index_size != stamp->index_size || header->index_mtime != stamp->index_mtime ||
       header->index_mtime_ns != stamp->index_mtime_ns || header->dict_size != stamp->dict_size ||
       header->dict_mtime != stamp->dict_mtime || header->dict_mtime_ns != stamp->dict_mtime_ns))
    return NULL;
  /* Each part fits, in 64 bits: the counts are 32-bit, the sizes below
   * the file's. */
  if (header->keys_size > size || header->body_size > size || header->words_size > size)
    return NULL;
  need = sizeof *header + (guint64)header->n_headwords * sizeof (Headword) +
         (guint64)header->n_locations * (sizeof (Location) + sizeof (Parsed)) +
         (guint64)header->n_words * sizeof (guint32) + header->keys_size + header->words_size +
         header->body_size;
  if (need != size || header->keys_size == 0 || header->words_size == 0)
    return NULL;

  headwords = (const Headword *)(data + sizeof *header);
  locations = (const Location *)(headwords + header->n_headwords);
  parsed = (const Parsed *)(locations + header->n_locations);
  word_at = (const guint32 *)(parsed + header->n_locations);
  keys = (const char *)(word_at + header->n_words);
  words = keys + header->keys_size;
  body = words + header->words_size;
  if (keys[header->keys_size - 1] != '\0' || words[header->words_size - 1] != '\0')
    return NULL;
  for (guint h = 0; h < header->n_headwords; h++)
    {
      if (headwords[h].key >= header->keys_size ||
          (guint64)headwords[h].first + headwords[h].count > header->n_locations)
        return NULL;
      /* sorted, each key once: looked up by bisection */
      if (h > 0 && strcmp (keys + headwords[h - 1].key, keys + headwords[h].key) >= 0)
        return NULL;
    }
  for (guint l = 0; l < header->n_locations; l++)
    if ((guint64)locations[l].offset + locations[l].length > header->body_size ||
        (guint64)parsed[l].first + parsed[l].count > header->n_words)
      return NULL;
  for (guint w = 0; w < header->n_words; w++)
    if (word_at[w] >= header->words_size)
      return NULL;

  source = g_new0 (Source, 1);
  source->image = g_bytes_ref (image);
  source->body = body;
  source->keys = keys;
  source->headwords = headwords;
  source->locations = locations;
  if (header->script == (guint32)script)
    {
      source->parsed = parsed;
      source->word_at = word_at;
      source->words = words;
    }
  source->n_headwords = header->n_headwords;
  source->n_unread = header->n_headwords;
  source->script = script;
  source->read = g_new0 (guint8, MAX (header->n_headwords, 1));
  return source;
}

/* One usable line of a dictd index. */
typedef struct
{
  char     *key;
  guint     line;
  gboolean  fits;        /* its location fits in 32 bits */
  Location  at;
} IndexLine;

static int
compare_index_lines (gconstpointer x,
                     gconstpointer y)
{
  const IndexLine *a = x, *b = y;
  int order = strcmp (a->key, b->key);

  if (order != 0)
    return order;
  return a->line < b->line ? -1 : a->line > b->line;
}

/* The image of a dictd dictionary, read from its files. */
static GBytes *
make_image (const char        *index_path,
            const char        *dict_path,
            const ImageHeader *stamp,
            UScriptCode        script,
            GError           **error)
{
  g_autoptr(GMappedFile) index = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) parsed = g_array_new (FALSE, FALSE, sizeof (Parsed));
  g_autoptr(GArray) word_at = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GByteArray) words = g_byte_array_new ();
  g_autoptr(GPtrArray) translations = g_ptr_array_new_with_free_func (g_free);
  const char *data, *end, *line;
  const char *text;
  gsize text_length, keys_size = 0, size;
  guint n_headwords = 0, n_locations = 0, number = 0;
  ImageHeader *header;
  Headword *headwords;
  Location *locations;
  char *image, *keys;

  index = g_mapped_file_new (index_path, FALSE, error);
  if (index == NULL)
    return NULL;

  file = g_file_new_for_path (dict_path);
  raw = g_file_load_bytes (file, NULL, NULL, error);
  if (raw == NULL)
    return NULL;

  if (g_str_has_suffix (dict_path, ".dz"))
    {
      body = gunzip (raw, error);
      if (body == NULL)
        {
          g_prefix_error (error, _("Cannot read the dictionary “%s”: "), dict_path);
          return NULL;
        }
    }
  else
    body = g_bytes_ref (raw);

  text = g_bytes_get_data (body, &text_length);
  data = g_mapped_file_get_contents (index);
  end = data + g_mapped_file_get_length (index);
  lines = g_array_new (FALSE, FALSE, sizeof (IndexLine));

  for (line = data; line < end; number++)
    {
      const char *eol = memchr (line, '\n', (gsize)(end - line));
      const char *tab1, *tab2;
      guint64 offset, length;

      if (eol == NULL)
        eol = end;

      tab1 = memchr (line, '\t', (gsize)(eol - line));
      tab2 = tab1 != NULL ? memchr (tab1 + 1, '\t', (gsize)(eol - tab1 - 1)) : NULL;

      if (tab2 != NULL && tab1 > line &&
          /* single words only: phrases do not help a sentence aligner */
          memchr (line, ' ', (gsize)(tab1 - line)) == NULL && line[0] != '0' &&
          decode_b64 (tab1 + 1, (gsize)(tab2 - tab1 - 1), &offset) &&
          decode_b64 (tab2 + 1, (gsize)(eol - tab2 - 1), &length) &&
          offset + length <= text_length &&
          /* entries are checked when read (add_entry() validates) */
          g_utf8_validate (line, tab1 - line, NULL))
        {
          IndexLine entry = { tri_dictionary_key (line, tab1 - line), number,
                              offset <= G_MAXUINT32 && length <= G_MAXUINT32,
                              { (guint32)offset, (guint32)length } };

          g_array_append_val (lines, entry);
        }

      line = eol + 1;
    }

  /* Headwords that share a key ("talks", "talk") share a list, in the
   * index's order. */
  g_array_sort (lines, compare_index_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      const IndexLine *entry = &g_array_index (lines, IndexLine, i);

      if (i == 0 || strcmp (entry[-1].key, entry->key) != 0)
        {
          n_headwords++;
          keys_size += strlen (entry->key) + 1;
        }
      /* the translations the aligner's reading takes, read ahead (not
       * for an image that cannot be kept: USCRIPT_INVALID_CODE) */
      if (entry->fits && script == USCRIPT_INVALID_CODE)
        {
          Parsed none = { 0, 0 };

          n_locations++;
          g_array_append_val (parsed, none);
        }
      else if (entry->fits)
        {
          Parsed at = { word_at->len, 0 };

          n_locations++;
          g_ptr_array_set_size (translations, 0);
          entry_words (entry->key, text + entry->at.offset, entry->at.length, script,
                       MAX_TRANSLATIONS, translations);
          for (guint w = 0; w < translations->len; w++)
            {
              const char *word = g_ptr_array_index (translations, w);
              guint32 offset = words->len;

              g_array_append_val (word_at, offset);
              g_byte_array_append (words, (const guint8 *)word, (guint)strlen (word) + 1);
            }
          at.count = translations->len;
          g_array_append_val (parsed, at);
        }
    }
  if (words->len == 0)
    g_byte_array_append (words, (const guint8 *)"", 1);

  size = sizeof *header + n_headwords * sizeof (Headword) +
         n_locations * (sizeof (Location) + sizeof (Parsed)) + word_at->len * sizeof (guint32) +
         MAX (keys_size, 1) + words->len + text_length;
  image = g_malloc (size);
  header = (ImageHeader *)image;
  *header = *stamp;
  memcpy (header->magic, IMAGE_MAGIC, sizeof header->magic);
  header->version = IMAGE_VERSION;
  header->glib_version = image_glib_version ();
  header->n_headwords = n_headwords;
  header->n_locations = n_locations;
  header->keys_size = MAX (keys_size, 1);
  header->body_size = text_length;
  header->script = (guint32)script;
  header->n_words = word_at->len;
  header->words_size = words->len;
  headwords = (Headword *)(image + sizeof *header);
  locations = (Location *)(headwords + n_headwords);
  /* (an empty GArray's data may be NULL, which memcpy() must not be given) */
  if (n_locations > 0)
    memcpy (locations + n_locations, parsed->data, n_locations * sizeof (Parsed));
  if (word_at->len > 0)
    memcpy ((Parsed *)(locations + n_locations) + n_locations, word_at->data, word_at->len * sizeof (guint32));
  keys = (char *)((guint32 *)((Parsed *)(locations + n_locations) + n_locations) + word_at->len);
  keys[0] = '\0';

  n_headwords = 0;
  n_locations = 0;
  keys_size = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      IndexLine *entry = &g_array_index (lines, IndexLine, i);

      if (i == 0 || strcmp (entry[-1].key, entry->key) != 0)
        {
          gsize n = strlen (entry->key) + 1;

          headwords[n_headwords].key = (guint32)keys_size;
          headwords[n_headwords].first = n_locations;
          headwords[n_headwords].count = 0;
          n_headwords++;
          memcpy (keys + keys_size, entry->key, n);
          keys_size += n;
        }
      if (entry->fits)
        {
          locations[n_locations++] = entry->at;
          headwords[n_headwords - 1].count++;
        }
    }
  for (guint i = 0; i < lines->len; i++)
    g_free (g_array_index (lines, IndexLine, i).key);
  memcpy (keys + header->keys_size, words->data, words->len);
  if (text_length > 0)
    memcpy (keys + header->keys_size + words->len, text, text_length);

  return g_bytes_new_take (image, size);
}

/* Where the image of the dictd files is kept between runs: the user's
 * cache, under a name of the files' paths (their sizes and times, in the
 * image, say whether it is still theirs). */
static char *
image_cache_path (const char *index_path,
                  const char *dict_path)
{
  g_autofree char *index_abs = g_canonicalize_filename (index_path, NULL);
  g_autofree char *dict_abs = g_canonicalize_filename (dict_path, NULL);
  g_autofree char *both = g_strconcat (index_abs, "\n", dict_abs, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, both, -1);
  g_autofree char *name = NULL;
  g_autofree char *base = g_path_get_basename (index_abs);

  if (g_str_has_suffix (base, ".index"))
    base[strlen (base) - strlen (".index")] = '\0';
  digest[16] = '\0';
  name = g_strdup_printf ("%s-%s.dictd-image", base, digest);
  return g_build_filename (g_get_user_cache_dir (), "triptych", name, NULL);
}

/**
 * tri_dictionary_load_dictd:
 * @self: a #TriDictionary
 * @index_path: a dictd `.index` file
 * @dict_path: its `.dict.dz` (or `.dict`) file
 * @target_language: the language of the translations (only words in its
 *   script are taken)
 * @error: return location for a #GError
 *
 * Adds the single-word headwords of a dictd dictionary. Uncompressing
 * and indexing Mueller's takes a fifth of a second, so what they give is
 * kept in the user's cache (about the size of the uncompressed body) and
 * mapped from there by later runs while the two files are unchanged; a
 * cache that is not whole or not theirs is made again.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_dictionary_load_dictd (TriDictionary  *self,
                           const char     *index_path,
                           const char     *dict_path,
                           const char     *target_language,
                           GError        **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autofree char *cache_path = NULL;
  UScriptCode script = USCRIPT_LATIN;
  UErrorCode status = U_ZERO_ERROR;
  ImageHeader stamp;
  Source *source = NULL;

  {
    UScriptCode codes[4];
    int32_t n = uscript_getCode (target_language, codes, G_N_ELEMENTS (codes), &status);

    if (U_SUCCESS (status) && n > 0)
      script = codes[0];
  }

  if (!stamp_sources (index_path, dict_path, &stamp, error))
    return FALSE;

  cache_path = image_cache_path (index_path, dict_path);
  {
    g_autoptr(GMappedFile) cached = g_mapped_file_new (cache_path, FALSE, NULL);

    if (cached != NULL)
      {
        image = g_mapped_file_get_bytes (cached);
        source = source_from_image (image, &stamp, script);
        if (source == NULL)
          g_debug ("The cache %s is not whole or out of date: reading %s again", cache_path, index_path);
      }
  }

  if (source == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *folder = g_path_get_dirname (cache_path);
      gsize size;
      const char *data;
      /* Reading every entry ahead pays only in an image that is kept;
       * without a cache each entry is read when first looked up. */
      gboolean keep = g_mkdir_with_parents (folder, 0700) == 0 && g_access (folder, W_OK) == 0;

      g_clear_pointer (&image, g_bytes_unref);
      image = make_image (index_path, dict_path, &stamp, keep ? script : USCRIPT_INVALID_CODE, error);
      if (image == NULL)
        return FALSE;
      source = source_from_image (image, NULL, script);
      g_assert (source != NULL);

      /* Written under a name of its own, then renamed: a run reading
       * the cache, or another writing it, never sees it half-written. */
      data = g_bytes_get_data (image, &size);
      if (!keep)
        g_debug ("Cannot keep %s in the cache folder %s", index_path, folder);
      else if (!g_file_set_contents_full (cache_path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                          &local_error))
        g_debug ("Cannot keep %s in the cache %s: %s", index_path, cache_path, local_error->message);
    }

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->sources, source);
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

/**
 * tri_dictionary_load_word_list:
 * @self: a #TriDictionary
 * @path: a file of "word @ translation" lines (hunalign's format)
 * @error: return location for a #GError
 *
 * Adds a user's word list. Each line pairs a word or phrase with its
 * translation; every word of the one is taken to translate every word of
 * the other, in both directions.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_dictionary_load_word_list (TriDictionary  *self,
                               const char     *path,
                               GError        **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_pairs = 0;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_ENCODING,
                   _("The word list “%s” is not UTF-8 text"), path);
      return FALSE;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at = strstr (lines[i], " @ ");
      g_auto(GStrv) left = NULL;
      g_auto(GStrv) right = NULL;
      g_autofree char *l = NULL;

      if (at == NULL)
        continue;

      l = g_strndup (lines[i], (gsize)(at - lines[i]));
      left = g_strsplit_set (g_strstrip (l), " \t", -1);
      right = g_strsplit_set (g_strstrip ((char *)at + 3), " \t\r", -1);

      for (guint a = 0; left[a] != NULL; a++)
        for (guint b = 0; right[b] != NULL; b++)
          if (left[a][0] != '\0' && right[b][0] != '\0')
            {
              g_autofree char *la = g_utf8_strdown (left[a], -1);
              g_autofree char *rb = g_utf8_strdown (right[b], -1);

              tri_dictionary_add (self, la, rb);
              tri_dictionary_add (self, rb, la);
            }
      n_pairs++;
    }

  if (n_pairs == 0)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                   _("The word list “%s” has no “word @ translation” lines"), path);
      return FALSE;
    }

  return TRUE;
}

static char *
iso3 (const char *language)
{
  const char *code = uloc_getISO3Language (language);

  return code != NULL && code[0] != '\0' ? g_strdup (code) : NULL;
}

/* Debian's dictionaries for a pair, as (index, dict) paths. */
static void
find_system_files (const char *source,
                   const char *target,
                   GPtrArray  *files)
{
  g_autofree char *s3 = iso3 (source);
  g_autofree char *t3 = iso3 (target);
  const char *dirs[] = { g_getenv ("TRIPTYCH_DICTD_DIR"), "/usr/share/dictd", NULL };

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *freedict = NULL;

      if (dirs[d] == NULL)
        continue;

      if (g_str_equal (source, "en") && g_str_equal (target, "ru"))
        {
          g_ptr_array_add (files, g_build_filename (dirs[d], "mueller7.index", NULL));
          g_ptr_array_add (files, g_build_filename (dirs[d], "mueller7.dict.dz", NULL));
        }

      if (s3 != NULL && t3 != NULL)
        {
          freedict = g_strdup_printf ("freedict-%s-%s", s3, t3);
          g_ptr_array_add (files, g_strdup_printf ("%s/%s.index", dirs[d], freedict));
          g_ptr_array_add (files, g_strdup_printf ("%s/%s.dict.dz", dirs[d], freedict));
        }
    }
}

G_LOCK_DEFINE_STATIC (system_dictionaries);
static GHashTable *system_dictionaries;

static TriDictionary *
get_system (const char *source_language,
            const char *target_language,
            guint       max_translations)
{
  g_autofree char *pair = g_strdup_printf ("%s>%s/%u", source_language, target_language, max_translations);
  TriDictionary *dict;
  gboolean found;

  G_LOCK (system_dictionaries);

  if (system_dictionaries == NULL)
    system_dictionaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify)tri_dictionary_unref);

  found = g_hash_table_lookup_extended (system_dictionaries, pair, NULL, (gpointer *)&dict);
  if (!found)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

      dict = NULL;
      find_system_files (source_language, target_language, files);
      for (guint i = 0; i + 1 < files->len; i += 2)
        {
          g_autoptr(GError) error = NULL;
          const char *index = g_ptr_array_index (files, i);
          const char *body = g_ptr_array_index (files, i + 1);

          if (!g_file_test (index, G_FILE_TEST_EXISTS) || !g_file_test (body, G_FILE_TEST_EXISTS))
            continue;

          if (dict == NULL)
            {
              dict = tri_dictionary_new ();
              dict->max_translations = max_translations;
            }
          if (!tri_dictionary_load_dictd (dict, index, body, target_language, &error))
            g_debug ("Skipping the dictionary %s: %s", index, error->message);
          else
            g_debug ("Read %s: %u headwords in all", index, tri_dictionary_get_size (dict));
        }

      if (dict != NULL && tri_dictionary_get_size (dict) == 0)
        g_clear_pointer (&dict, tri_dictionary_unref);

      /* Remember a miss too: look for files once. */
      g_hash_table_insert (system_dictionaries, g_strdup (pair), dict);
    }

  G_UNLOCK (system_dictionaries);

  return dict != NULL ? tri_dictionary_ref (dict) : NULL;
}

/**
 * tri_dictionary_get_system:
 * @source_language: the language of the headwords
 * @target_language: the language of the translations
 *
 * The dictionaries Debian packages installed for this pair, read once per
 * process (a few hundred milliseconds for Mueller's). Thread-safe.
 *
 * Returns: (transfer full) (nullable): the dictionary, or %NULL when none is installed
 */
TriDictionary *
tri_dictionary_get_system (const char *source_language,
                           const char *target_language)
{
  return get_system (source_language, target_language, MAX_TRANSLATIONS);
}

/**
 * tri_dictionary_get_system_wide:
 * @source_language: the language of the headwords
 * @target_language: the language of the translations
 *
 * Like tri_dictionary_get_system(), but reading up to 32 translations of
 * an entry (its later senses too) rather than the first 4, and no remarks
 * in parentheses: for linking words, where a sense far down the entry
 * ("people": народ, нация … люди) is often the one a sentence uses.
 *
 * Returns: (transfer full) (nullable): the dictionary, or %NULL when none is installed
 */
TriDictionary *
tri_dictionary_get_system_wide (const char *source_language,
                                const char *target_language)
{
  return get_system (source_language, target_language, 32);
}

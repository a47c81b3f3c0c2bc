/* tri-spell.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-spell"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <hunspell/hunspell.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include "tri-language.h"
#include "tri-segmenter.h"
#include "tri-spell.h"

/* Spell checking with Hunspell (limits.md §3).
 *
 * Dictionaries are found in $DICPATH, the user's folder
 * (~/.local/share/triptych/hunspell) and the system's (/usr/share/hunspell),
 * in that order, and loaded once per process: a loaded dictionary is
 * shared by every column and window that asks for it (uk_UA alone is
 * 23 MB and a quarter of a second).
 *
 * A Hunspell handle is not thread-safe, and checks run in a worker
 * thread while suggestions (30–340 ms a word) run in others: the handle
 * has its own lock. Every word's verdict is cached under a second lock,
 * so the main thread can underline a cell from the cache without ever
 * waiting for Hunspell (tri_spell_check_cached()).
 *
 * Words come from ICU's word break iterator over the UTF-8 text itself
 * (UText), so offsets are bytes of the text. ICU keeps apostrophes inside
 * words (don't, м’ясо, мʼясо, м'ясо), and the Debian dictionaries accept
 * every form (ICONV in en_US and uk_UA). */

G_DEFINE_QUARK (tri-spell-error-quark, tri_spell_error)

#define MAX_CACHED_WORDS 500000

enum {
  VERDICT_CORRECT = 1,
  VERDICT_WRONG = 2,
};

struct _TriSpellDictionary
{
  GObject     parent_instance;

  char       *name;        /* en_US */
  char       *language;    /* en */
  char       *encoding;    /* the dictionary's, when not UTF-8 */
  char       *personal;    /* the user's word list for the language */
  GUnicodeScript script;   /* the language's (Cyrillic for ru and uk) */

  GMutex      hunspell_lock;
  Hunhandle  *hunspell;

  GMutex      cache_lock;
  GHashTable *verdicts;    /* word → VERDICT_* */
};

G_DEFINE_FINAL_TYPE (TriSpellDictionary, tri_spell_dictionary, G_TYPE_OBJECT)

/* Dictionaries loaded in this process, by name (weak references). */
static GMutex loaded_lock;
static GHashTable *loaded;

/* Finding dictionaries */

static GPtrArray *
search_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *dicpath = g_getenv ("DICPATH");

  if (dicpath != NULL && dicpath[0] != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (dicpath, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_ptr_array_add (dirs, g_strdup (parts[i]));
    }
  g_ptr_array_add (dirs, g_build_filename (g_get_user_data_dir (), "triptych", "hunspell", NULL));
  g_ptr_array_add (dirs, g_strdup ("/usr/share/hunspell"));
  g_ptr_array_add (dirs, g_strdup ("/usr/share/myspell"));
  return dirs;
}

/* The folder holding @name.aff and @name.dic, first in the search order. */
static char *
find_files (const char *name)
{
  g_autoptr(GPtrArray) dirs = search_dirs ();
  g_autofree char *aff_name = g_strconcat (name, ".aff", NULL);
  g_autofree char *dic_name = g_strconcat (name, ".dic", NULL);

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *aff = g_build_filename (g_ptr_array_index (dirs, i), aff_name, NULL);
      g_autofree char *dic = g_build_filename (g_ptr_array_index (dirs, i), dic_name, NULL);

      if (g_file_test (aff, G_FILE_TEST_IS_REGULAR) && g_file_test (dic, G_FILE_TEST_IS_REGULAR))
        return g_strdup (g_ptr_array_index (dirs, i));
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/**
 * tri_spell_list_dictionaries:
 *
 * Returns: (transfer full): the names of the dictionaries installed
 *   ("en_US", "ru_RU" …), sorted
 */
char **
tri_spell_list_dictionaries (void)
{
  g_autoptr(GPtrArray) dirs = search_dirs ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (g_ptr_array_index (dirs, i), 0, NULL);
      const char *file;

      while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (file, ".aff"))
          {
            g_autofree char *name = g_strndup (file, strlen (file) - 4);
            g_autofree char *dic = g_strconcat (name, ".dic", NULL);
            g_autofree char *dic_path = g_build_filename (g_ptr_array_index (dirs, i), dic, NULL);

            if (!g_hash_table_contains (seen, name) && g_file_test (dic_path, G_FILE_TEST_IS_REGULAR))
              {
                g_ptr_array_add (names, name);
                g_hash_table_add (seen, g_steal_pointer (&name));
              }
          }
    }

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strdupv ((char **)names->pdata);
}

/**
 * tri_spell_find_dictionary:
 * @language: a language code ("en", "en-GB", "uk")
 *
 * The dictionary for @language: its region's if the code has one and it
 * is installed; else the usual one (en_US, ru_RU, uk_UA, de_DE …); else
 * any of the language.
 *
 * Returns: (transfer full) (nullable): a dictionary name, or %NULL when
 *   none is installed
 */
char *
tri_spell_find_dictionary (const char *language)
{
  static const struct { const char *language; const char *name; } usual[] = {
    { "en", "en_US" }, { "ru", "ru_RU" }, { "uk", "uk_UA" }, { "be", "be_BY" }, { "pt", "pt_PT" },
  };
  g_auto(GStrv) names = NULL;
  g_autofree char *base = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *regional = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  base = tri_language_get_base (language);
  if (base == NULL || base[0] == '\0')
    return NULL;

  exact = g_strdelimit (g_strdup (language), "-", '_');
  names = tri_spell_list_dictionaries ();
  if (g_strv_contains ((const char * const *)names, exact))
    return g_steal_pointer (&exact);

  for (guint i = 0; i < G_N_ELEMENTS (usual); i++)
    if (g_str_equal (base, usual[i].language) && g_strv_contains ((const char * const *)names, usual[i].name))
      return g_strdup (usual[i].name);

  {
    g_autofree char *upper = g_ascii_strup (base, -1);

    regional = g_strconcat (base, "_", upper, NULL);
  }
  if (g_strv_contains ((const char * const *)names, regional))
    return g_steal_pointer (&regional);
  if (g_strv_contains ((const char * const *)names, base))
    return g_steal_pointer (&base);

  prefix = g_strconcat (base, "_", NULL);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], prefix))
      return g_strdup (names[i]);
  return NULL;
}

/**
 * tri_spell_get_package:
 * @language: a language code
 *
 * Returns: the Debian package that brings a dictionary for @language
 */
const char *
tri_spell_get_package (const char *language)
{
  static const struct { const char *language; const char *package; } packages[] = {
    { "en", "hunspell-en-us" }, { "ru", "hunspell-ru" }, { "uk", "hunspell-uk" },
    { "de", "hunspell-de-de" }, { "fr", "hunspell-fr" }, { "es", "hunspell-es" },
    { "it", "hunspell-it" }, { "pl", "hunspell-pl" }, { "pt", "hunspell-pt-pt" },
    { "be", "hunspell-be" }, { "cs", "hunspell-cs" }, { "nl", "hunspell-nl" },
  };
  g_autofree char *base = tri_language_get_base (language);

  for (guint i = 0; base != NULL && i < G_N_ELEMENTS (packages); i++)
    if (g_str_equal (base, packages[i].language))
      return packages[i].package;
  /* The pattern the others follow; interned, as the table's strings are. */
  {
    g_autofree char *package = g_strconcat ("hunspell-", base != NULL ? base : "", NULL);

    return g_intern_string (package);
  }
}

/* Loading */

static void
add_to_hunspell (TriSpellDictionary *self,
                 const char         *word)
{
  g_autofree char *converted = NULL;

  if (self->encoding != NULL)
    converted = g_convert (word, -1, self->encoding, "UTF-8", NULL, NULL, NULL);
  g_mutex_lock (&self->hunspell_lock);
  Hunspell_add (self->hunspell, converted != NULL ? converted : word);
  g_mutex_unlock (&self->hunspell_lock);
}

static void load_user_words (TriSpellDictionary *self);

/* Words a file lists one a line (# starts a comment line). */
static void
add_word_list (TriSpellDictionary *self,
               const char         *contents)
{
  g_auto(GStrv) lines = NULL;

  if (contents == NULL || !g_utf8_validate (contents, -1, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0' && lines[i][0] != '#')
      add_to_hunspell (self, lines[i]);
}

/* Triptych's own additions for the language (resources/spelling/), then
 * the user's personal dictionary. */
static void
load_personal (TriSpellDictionary *self)
{
  g_autofree char *resource = g_strdup_printf (RESOURCE_BASE "/spelling/%s.txt", self->language);
  g_autoptr(GBytes) bundled = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bundled != NULL)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));

      add_word_list (self, text);
    }
  load_user_words (self);
}

static void
load_user_words (TriSpellDictionary *self)
{
  g_autofree char *contents = NULL;

  if (g_file_get_contents (self->personal, &contents, NULL, NULL))
    add_word_list (self, contents);
}

static TriSpellDictionary *
dictionary_new (const char  *language,
                const char  *name,
                GError     **error)
{
  TriSpellDictionary *self;
  g_autofree char *dir = find_files (name);
  g_autofree char *aff = NULL;
  g_autofree char *dic = NULL;
  g_autofree char *base = NULL;
  const char *encoding;

  if (dir == NULL)
    {
      g_autofree char *display = tri_language_dup_display_name (language);

      g_set_error (error, TRI_SPELL_ERROR, TRI_SPELL_ERROR_NO_DICTIONARY,
                   /* Translators: a language name, then a dictionary name, then a Debian package */
                   _("No %s spelling dictionary (%s) is installed; install the package %s"),
                   display, name, tri_spell_get_package (language));
      return NULL;
    }

  aff = g_strconcat (dir, G_DIR_SEPARATOR_S, name, ".aff", NULL);
  dic = g_strconcat (dir, G_DIR_SEPARATOR_S, name, ".dic", NULL);

  self = g_object_new (TRI_TYPE_SPELL_DICTIONARY, NULL);
  self->name = g_strdup (name);
  /* The dictionary's own language ("ru" for ru_RU), whichever column asked
   * for it: a loaded dictionary is shared. */
  {
    g_autofree char *tag = g_strdelimit (g_strdup (name), "_", '-');

    base = tri_language_get_base (tag);
    if (base == NULL || !tri_language_is_valid (base))
      {
        g_free (base);
        base = tri_language_get_base (language);
      }
  }
  self->language = g_strdup (base != NULL ? base : language);
  self->hunspell = Hunspell_create (aff, dic);
  if (self->hunspell == NULL)
    {
      g_set_error (error, TRI_SPELL_ERROR, TRI_SPELL_ERROR_BROKEN,
                   _("The spelling dictionary %s could not be read"), dic);
      g_object_unref (self);
      return NULL;
    }

  encoding = Hunspell_get_dic_encoding (self->hunspell);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0 && g_ascii_strcasecmp (encoding, "UTF8") != 0)
    self->encoding = g_strdup (encoding);

  /* The script of the language, from ICU (one of several: the first). */
  {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode codes[4];
    int32_t n = uscript_getCode (self->language, codes, G_N_ELEMENTS (codes), &status);

    self->script = G_UNICODE_SCRIPT_INVALID_CODE;
    if (U_SUCCESS (status) && n > 0)
      {
        const char *tag = uscript_getShortName (codes[0]);

        if (tag != NULL && strlen (tag) == 4)
          self->script = g_unicode_script_from_iso15924 ((guint32)tag[0] << 24 | (guint32)tag[1] << 16 |
                                                         (guint32)tag[2] << 8 | (guint32)tag[3]);
      }
  }

  {
    g_autofree char *file = g_strconcat (self->language, ".txt", NULL);

    self->personal = g_build_filename (g_get_user_data_dir (), "triptych", "dictionaries", file, NULL);
  }
  load_personal (self);
  return self;
}

/**
 * tri_spell_dictionary_load:
 * @language: the language to check
 * @name: (nullable): a dictionary name ("en_GB"), or %NULL for the usual
 *   one of @language
 * @error: return location for a #GError
 *
 * Loads a dictionary, or returns the one this process already loaded.
 * Loading takes 20–300 ms: call it from a thread, or use
 * tri_spell_dictionary_load_async().
 *
 * Returns: (transfer full): the dictionary, or %NULL with
 *   %TRI_SPELL_ERROR_NO_DICTIONARY naming the package to install
 */
TriSpellDictionary *
tri_spell_dictionary_load (const char  *language,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *found = NULL;
  TriSpellDictionary *self = NULL;
  GWeakRef *ref;

  g_return_val_if_fail (language != NULL, NULL);

  if (name == NULL)
    {
      found = tri_spell_find_dictionary (language);
      if (found == NULL)
        {
          g_autofree char *display = tri_language_dup_display_name (language);

          g_set_error (error, TRI_SPELL_ERROR, TRI_SPELL_ERROR_NO_DICTIONARY,
                       /* Translators: a language name, then a Debian package */
                       _("No %s spelling dictionary is installed; install the package %s"),
                       display, tri_spell_get_package (language));
          return NULL;
        }
      name = found;
    }

  /* One load per dictionary, even when two threads ask at once. */
  g_mutex_lock (&loaded_lock);
  if (loaded == NULL)
    loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ref = g_hash_table_lookup (loaded, name);
  if (ref != NULL)
    self = g_weak_ref_get (ref);
  if (self == NULL)
    {
      self = dictionary_new (language, name, error);
      if (self != NULL)
        {
          if (ref == NULL)
            {
              ref = g_new0 (GWeakRef, 1);
              g_hash_table_insert (loaded, g_strdup (name), ref);
            }
          g_weak_ref_set (ref, self);
        }
    }
  g_mutex_unlock (&loaded_lock);
  return self;
}

typedef struct
{
  char *language;
  char *name;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->language);
  g_free (data->name);
  g_free (data);
}

static void
load_worker (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  TriSpellDictionary *self = tri_spell_dictionary_load (data->language, data->name, &error);

  if (self != NULL)
    g_task_return_pointer (task, self, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * tri_spell_dictionary_load_async:
 * @language: the language to check
 * @name: (nullable): a dictionary name, or %NULL for the usual one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the dictionary is loaded
 * @user_data: data for @callback
 *
 * Loads a dictionary in a thread.
 */
void
tri_spell_dictionary_load_async (const char          *language,
                                 const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (language != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_spell_dictionary_load_async);
  data = g_new0 (LoadData, 1);
  data->language = g_strdup (language);
  data->name = g_strdup (name);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_worker);
}

/**
 * tri_spell_dictionary_load_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the dictionary, or %NULL
 */
TriSpellDictionary *
tri_spell_dictionary_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tri_spell_dictionary_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
tri_spell_dictionary_get_name (TriSpellDictionary *self)
{
  g_return_val_if_fail (TRI_IS_SPELL_DICTIONARY (self), NULL);

  return self->name;
}

const char *
tri_spell_dictionary_get_language (TriSpellDictionary *self)
{
  g_return_val_if_fail (TRI_IS_SPELL_DICTIONARY (self), NULL);

  return self->language;
}

/* Words */

static void
remember (TriSpellDictionary *self,
          char               *word,      /* taken */
          int                 verdict)
{
  g_mutex_lock (&self->cache_lock);
  if (g_hash_table_size (self->verdicts) >= MAX_CACHED_WORDS)
    g_hash_table_remove_all (self->verdicts);
  g_hash_table_replace (self->verdicts, word, GINT_TO_POINTER (verdict));
  g_mutex_unlock (&self->cache_lock);
}

static int
cached_verdict (TriSpellDictionary *self,
                const char         *word)
{
  int verdict;

  g_mutex_lock (&self->cache_lock);
  verdict = GPOINTER_TO_INT (g_hash_table_lookup (self->verdicts, word));
  g_mutex_unlock (&self->cache_lock);
  return verdict;
}

/**
 * tri_spell_dictionary_check_word:
 * @self: a #TriSpellDictionary
 * @word: a word, UTF-8
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Returns: whether the dictionary (or the user's personal one) knows @word
 */
gboolean
tri_spell_dictionary_check_word (TriSpellDictionary *self,
                                 const char         *word,
                                 gssize              length)
{
  g_autofree char *key = NULL;
  g_autofree char *converted = NULL;
  int verdict;
  gboolean correct;

  g_return_val_if_fail (TRI_IS_SPELL_DICTIONARY (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  key = length < 0 ? g_strdup (word) : g_strndup (word, (gsize)length);
  verdict = cached_verdict (self, key);
  if (verdict != 0)
    return verdict == VERDICT_CORRECT;

  if (self->encoding != NULL)
    {
      /* A word the dictionary's encoding cannot hold is not its word. */
      converted = g_convert (key, -1, self->encoding, "UTF-8", NULL, NULL, NULL);
      if (converted == NULL)
        {
          remember (self, g_steal_pointer (&key), VERDICT_WRONG);
          return FALSE;
        }
    }

  g_mutex_lock (&self->hunspell_lock);
  correct = Hunspell_spell (self->hunspell, converted != NULL ? converted : key) != 0;
  g_mutex_unlock (&self->hunspell_lock);

  remember (self, g_steal_pointer (&key), correct ? VERDICT_CORRECT : VERDICT_WRONG);
  return correct;
}

/* Hunspell's list of @word (suggestions or stems), in UTF-8, at most @max. */
static char **
hunspell_list (TriSpellDictionary *self,
               const char         *word,
               guint               max,
               int               (*call) (Hunhandle *, char ***, const char *))
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *converted = NULL;
  char **list = NULL;
  int n;

  if (self->encoding != NULL)
    {
      converted = g_convert (word, -1, self->encoding, "UTF-8", NULL, NULL, NULL);
      if (converted == NULL)
        return g_strv_builder_end (builder);
    }

  g_mutex_lock (&self->hunspell_lock);
  n = call (self->hunspell, &list, converted != NULL ? converted : word);
  for (int i = 0; i < n && (guint)i < max; i++)
    {
      g_autofree char *utf8 = self->encoding != NULL
                              ? g_convert (list[i], -1, "UTF-8", self->encoding, NULL, NULL, NULL)
                              : g_strdup (list[i]);

      if (utf8 != NULL && g_utf8_validate (utf8, -1, NULL))
        g_strv_builder_add (builder, utf8);
    }
  if (list != NULL)
    Hunspell_free_list (self->hunspell, &list, n);
  g_mutex_unlock (&self->hunspell_lock);

  return g_strv_builder_end (builder);
}

/**
 * tri_spell_dictionary_suggest:
 * @self: a #TriSpellDictionary
 * @word: a misspelled word
 * @max: how many suggestions at most
 *
 * Suggestions cost 30–340 ms a word (limits.md §3): ask for them when the
 * user does, and from a thread.
 *
 * Returns: (transfer full): the suggestions, best first
 */
char **
tri_spell_dictionary_suggest (TriSpellDictionary *self,
                              const char         *word,
                              guint               max)
{
  g_return_val_if_fail (TRI_IS_SPELL_DICTIONARY (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  return hunspell_list (self, word, max, Hunspell_suggest);
}

/**
 * tri_spell_dictionary_stem:
 * @self: a #TriSpellDictionary
 * @word: a word
 *
 * The dictionary forms (stems) Hunspell gives for @word: «мышей» → «мышь»,
 * «відкинув» → «відкинути». Empty when it does not know the word.
 *
 * Returns: (transfer full): the stems
 */
char **
tri_spell_dictionary_stem (TriSpellDictionary *self,
                           const char         *word)
{
  g_return_val_if_fail (TRI_IS_SPELL_DICTIONARY (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  return hunspell_list (self, word, 8, Hunspell_stem);
}

/**
 * tri_spell_dictionary_add_personal:
 * @self: a #TriSpellDictionary
 * @word: a word the user says is right
 * @error: return location for a #GError
 *
 * Adds @word to the user's dictionary for the language: known from now on,
 * in this process and the next (the word list is saved atomically).
 *
 * Returns: whether the word was saved
 */
gboolean
tri_spell_dictionary_add_personal (TriSpellDictionary  *self,
                                   const char          *word,
                                   GError             **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GString) updated = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (TRI_IS_SPELL_DICTIONARY (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (word[0] == '\0' || !g_utf8_validate (word, -1, NULL) || strpbrk (word, " \t\r\n") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a word that can go in a dictionary"), word);
      return FALSE;
    }

  dir = g_path_get_dirname (self->personal);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* A list that cannot be read is not an empty one: writing the new word
   * alone over it would wipe the user's words. */
  if (!g_file_get_contents (self->personal, &contents, NULL, &read_error))
    {
      if (!g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not read the personal dictionary, so the word was not added: %s"),
                       read_error->message);
          return FALSE;
        }
      contents = g_strdup ("");
    }
  updated = g_string_new (contents);
  if (updated->len > 0 && updated->str[updated->len - 1] != '\n')
    g_string_append_c (updated, '\n');
  g_string_append (updated, word);
  g_string_append_c (updated, '\n');

  if (!g_file_set_contents (self->personal, updated->str, (gssize)updated->len, error))
    {
      g_prefix_error (error, _("Could not save the personal dictionary: "));
      return FALSE;
    }
  /* Known from now on only once it is saved. */
  add_to_hunspell (self, word);
  remember (self, g_strdup (word), VERDICT_CORRECT);
  return TRUE;
}

/* Checking text */

/* A word break iterator for @language, kept per thread: opening one costs
 * more than checking a short sentence. */
typedef struct
{
  char            language[16];
  UBreakIterator *iterator;
} ThreadIterator;

static void
thread_iterator_free (gpointer data)
{
  ThreadIterator *cached = data;

  if (cached->iterator != NULL)
    ubrk_close (cached->iterator);
  g_free (cached);
}

static GPrivate thread_iterator = G_PRIVATE_INIT (thread_iterator_free);

static UBreakIterator *
word_iterator (const char *language)
{
  ThreadIterator *cached = g_private_get (&thread_iterator);
  UErrorCode status = U_ZERO_ERROR;

  if (cached == NULL)
    {
      cached = g_new0 (ThreadIterator, 1);
      g_private_set (&thread_iterator, cached);
    }
  if (cached->iterator == NULL || strcmp (cached->language, language) != 0)
    {
      if (cached->iterator != NULL)
        ubrk_close (cached->iterator);
      cached->iterator = ubrk_open (UBRK_WORD, language, NULL, 0, &status);
      if (U_FAILURE (status))
        {
          cached->iterator = NULL;
          return NULL;
        }
      g_strlcpy (cached->language, language, sizeof cached->language);
    }
  return cached->iterator;
}

/* Web and e-mail addresses in @text, as byte spans (pairs in @spans). */
static void
find_addresses (const char *text,
                gsize       length,
                GArray     *spans)
{
  static const char *patterns[] = {
    "(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"«»“”]+[^\\s<>\"«»“”.,;:!?)\\]]",
    "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}",
  };
  gboolean maybe = FALSE;

  /* Most sentences have neither: skip the expressions. */
  for (gsize i = 0; i < length && !maybe; i++)
    maybe = text[i] == '@' || (text[i] == '/' && i + 1 < length && text[i + 1] == '/') ||
            ((text[i] == 'w' || text[i] == 'W') && i + 3 < length && g_ascii_strncasecmp (text + i, "www.", 4) == 0);
  if (!maybe)
    return;

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      UErrorCode status = U_ZERO_ERROR;
      UText *ut = utext_openUTF8 (NULL, text, (int64_t)length, &status);
      URegularExpression *re = uregex_openC (patterns[p], 0, NULL, &status);

      if (U_SUCCESS (status))
        uregex_setUText (re, ut, &status);
      while (U_SUCCESS (status) && uregex_findNext (re, &status))
        {
          gsize span[2];

          span[0] = (gsize)uregex_start64 (re, 0, &status);
          span[1] = (gsize)uregex_end64 (re, 0, &status);
          if (U_SUCCESS (status))
            g_array_append_vals (spans, span, 2);
        }
      if (re != NULL)
        uregex_close (re);
      utext_close (ut);
    }
}

/* Whether the word is to be left alone: by @flags; a single letter (an
 * initial, a unit, "х" for "times"); a word wholly in another script than
 * the dictionary's (a Latin brand name in a Russian text: the dictionary
 * cannot know it). Words that mix scripts are checked: "Kиїв" with a Latin
 * K is a slip the Ukrainian dictionary is built to catch. */
static gboolean
skipped (TriSpellDictionary *self,
         const char         *word,
         gsize               length,
         TriSpellFlags       flags)
{
  guint letters = 0, capitals = 0, own_script = 0;

  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) && (flags & TRI_SPELL_SKIP_DIGITS))
        return TRUE;
      if (g_unichar_isalpha (c))
        {
          letters++;
          capitals += g_unichar_isupper (c);
          own_script += g_unichar_get_script (c) == self->script;
        }
    }
  if (letters <= 1)
    return TRUE;
  if (self->script != G_UNICODE_SCRIPT_INVALID_CODE && own_script == 0)
    return TRUE;
  return (flags & TRI_SPELL_SKIP_ACRONYMS) && capitals == letters;
}

/* Runs over the words of @text to check, calling @check on each; it says
 * whether the word is misspelled (1), right (0) or unknown (-1). */
static GArray *
check_words (TriSpellDictionary *self,
             const char         *text,
             gssize              length,
             TriSpellFlags       flags,
             GHashTable         *ignored,
             gboolean            cached_only,
             gboolean           *complete)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (TriMisspelling));
  g_autoptr(GArray) addresses = g_array_new (FALSE, FALSE, sizeof (gsize));
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator;
  UText *ut;
  gsize len = length < 0 ? strlen (text) : (gsize)length;
  guint next_address = 0;

  if (complete != NULL)
    *complete = TRUE;
  if (len == 0 || !g_utf8_validate (text, (gssize)len, NULL))
    return found;

  if (flags & TRI_SPELL_SKIP_URLS)
    find_addresses (text, len, addresses);

  iterator = word_iterator (self->language);
  if (iterator == NULL)
    return found;
  ut = utext_openUTF8 (NULL, text, (int64_t)len, &status);
  ubrk_setUText (iterator, ut, &status);
  if (U_FAILURE (status))
    {
      utext_close (ut);
      return found;
    }

  for (int32_t start = ubrk_first (iterator), end = ubrk_next (iterator);
       end != UBRK_DONE;
       start = end, end = ubrk_next (iterator))
    {
      int32_t rule = ubrk_getRuleStatus (iterator);
      const char *word = text + start;
      gsize size = (gsize)(end - start);
      g_autofree char *key = NULL;
      int verdict;

      if (rule < UBRK_WORD_LETTER || rule >= UBRK_WORD_IDEO_LIMIT)
        continue;

      /* Inside a web or e-mail address. */
      while (next_address < addresses->len && g_array_index (addresses, gsize, next_address + 1) <= (gsize)start)
        next_address += 2;
      if (next_address < addresses->len && g_array_index (addresses, gsize, next_address) < (gsize)end)
        continue;

      if (skipped (self, word, size, flags))
        continue;

      /* An abbreviation the splitter knows ("г." in "2023 г.", "ст."), or
       * the end of one of two words ("зв." in "т. зв."). */
      if ((gsize)end < len && text[end] == '.')
        {
          TriSegmenter *segmenter = tri_segmenter_get_for_language (self->language);
          g_autofree char *token = g_strndup (word, size + 1);
          gboolean known = tri_segmenter_is_abbreviation (segmenter, token);

          if (!known && start >= 3 && text[start - 1] == ' ' && text[start - 2] == '.')
            {
              int32_t first = start - 2;
              g_autofree char *pair = NULL;

              while (first > 0 && !g_ascii_isspace (text[first - 1]))
                first--;
              pair = g_strdup_printf ("%.*s %s", (int)(start - 1 - first), text + first, token);
              known = tri_segmenter_is_abbreviation (segmenter, pair);
            }
          if (known)
            continue;
        }

      key = g_strndup (word, size);
      if (ignored != NULL && g_hash_table_contains (ignored, key))
        continue;

      if (cached_only)
        {
          verdict = cached_verdict (self, key);
          if (verdict == 0 && complete != NULL)
            *complete = FALSE;
        }
      else
        verdict = tri_spell_dictionary_check_word (self, key, -1) ? VERDICT_CORRECT : VERDICT_WRONG;

      if (verdict == VERDICT_WRONG)
        {
          TriMisspelling m = { (gsize)start, (gsize)end };

          g_array_append_val (found, m);
        }
    }

  /* The iterator stays for the thread's next text: let go of this one. */
  ubrk_setText (iterator, NULL, 0, &status);
  utext_close (ut);
  return found;
}

/**
 * tri_spell_check:
 * @self: a #TriSpellDictionary
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when nul-terminated
 * @flags: what to leave alone
 * @ignored: (nullable) (element-type utf8 utf8): words to leave alone
 *   (the project's "ignore" list), as a set
 *
 * Checks every word of @text (with Hunspell: from a thread for long
 * texts).
 *
 * Returns: (transfer full) (element-type TriMisspelling): the misspelled
 *   words, in order
 */
GArray *
tri_spell_check (TriSpellDictionary *self,
                 const char         *text,
                 gssize              length,
                 TriSpellFlags       flags,
                 GHashTable         *ignored)
{
  g_return_val_if_fail (TRI_IS_SPELL_DICTIONARY (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return check_words (self, text, length, flags, ignored, FALSE, NULL);
}

/**
 * tri_spell_check_cached:
 * @self: a #TriSpellDictionary
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when nul-terminated
 * @flags: what to leave alone
 * @ignored: (nullable): words to leave alone, as a set
 * @complete: (out) (optional): set to whether every word had a verdict
 *
 * Like tri_spell_check(), from the verdicts already cached only: never
 * waits for Hunspell, so the main thread can use it while drawing. Words
 * not yet checked count as right.
 *
 * Returns: (transfer full) (element-type TriMisspelling): the misspelled
 *   words known so far
 */
GArray *
tri_spell_check_cached (TriSpellDictionary *self,
                        const char         *text,
                        gssize              length,
                        TriSpellFlags       flags,
                        GHashTable         *ignored,
                        gboolean           *complete)
{
  g_return_val_if_fail (TRI_IS_SPELL_DICTIONARY (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return check_words (self, text, length, flags, ignored, TRUE, complete);
}

static void
tri_spell_dictionary_finalize (GObject *object)
{
  TriSpellDictionary *self = (TriSpellDictionary *)object;

  if (self->hunspell != NULL)
    Hunspell_destroy (self->hunspell);
  g_hash_table_unref (self->verdicts);
  g_mutex_clear (&self->hunspell_lock);
  g_mutex_clear (&self->cache_lock);
  g_free (self->name);
  g_free (self->language);
  g_free (self->encoding);
  g_free (self->personal);

  G_OBJECT_CLASS (tri_spell_dictionary_parent_class)->finalize (object);
}

static void
tri_spell_dictionary_class_init (TriSpellDictionaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_spell_dictionary_finalize;
}

static void
tri_spell_dictionary_init (TriSpellDictionary *self)
{
  g_mutex_init (&self->hunspell_lock);
  g_mutex_init (&self->cache_lock);
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * tri_spell_dictionary_load_private:
 * @language: a language code
 * @name: (nullable): a dictionary's name (ru_RU), or %NULL for @language's
 * @error: where to report failure
 *
 * Loads a dictionary of its own, not shared with
 * tri_spell_dictionary_load()'s: Hunspell serves one thread at a time, so
 * a thread that asks for suggestions in parallel with others needs one.
 *
 * Returns: (transfer full) (nullable): the dictionary
 */
TriSpellDictionary *
tri_spell_dictionary_load_private (const char  *language,
                                   const char  *name,
                                   GError     **error)
{
  g_autofree char *found = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  if (name == NULL)
    {
      /* The shared load reports a missing dictionary the usual way. */
      found = tri_spell_find_dictionary (language);
      if (found == NULL)
        return tri_spell_dictionary_load (language, NULL, error);
      name = found;
    }
  return dictionary_new (language, name, error);
}

/* bench-spell.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Spell checking speed (issue 5): dictionary load time and memory, words
 * a second over a 100,000-word report per language (cold: every word new
 * to the dictionary's cache, as when a document is opened; warm: checked
 * again, as after an edit), and how long suggestions take.
 *
 * The reports are human-translated news from ../shared/corpora (flores,
 * then wmt22), repeated up to 100,000 words when shorter; without the
 * corpora, the bundled sample report, repeated — said in the output. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tri-spell.h"

#define TARGET_WORDS 100000

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return 0;
  return strtol (line + strlen (field), NULL, 10);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalnum (g_utf8_get_char (p));

      n += letter && !in_word;
      in_word = letter;
    }
  return n;
}

/* @files' text; when @repeat, repeated until it holds TARGET_WORDS words
 * (a repeat is partly warm: its words are in the cache already). */
static char *
build_report (const char * const *files,
              gboolean            repeat,
              const char        **source)
{
  g_autoptr(GString) unit = g_string_new (NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  guint unit_words, words = 0;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (files[i], &contents, NULL, NULL))
        {
          g_string_append (unit, contents);
          g_string_append_c (unit, '\n');
        }
    }
  if (unit->len == 0)
    return NULL;

  unit_words = count_words (unit->str);
  if (!repeat)
    return g_string_free (g_steal_pointer (&unit), FALSE);
  while (words < TARGET_WORDS)
    {
      g_string_append (report, unit->str);
      words += unit_words;
    }
  return g_string_free (g_steal_pointer (&report), FALSE);
}

/* A slip in a long word: two letters in its middle swapped. */
static char *
misspell (const char *word)
{
  glong n = g_utf8_strlen (word, -1);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (word, -1, NULL);
  gunichar c = chars[n / 2];

  chars[n / 2] = chars[n / 2 + 1];
  chars[n / 2 + 1] = c;
  return g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *corpora = argc > 2 && g_str_equal (argv[1], "--corpora") ? argv[2] : BENCH_CORPORA;
  static const struct { const char *language; const char *file; } languages[] = {
    { "en", "eng.txt" }, { "ru", "rus.txt" }, { "uk", "ukr.txt" },
  };

  printf ("## Spell checking (Hunspell %s dictionaries)\n\n", "Debian");
  printf ("| language | dictionary load | memory added | words | cold check | per 100,000 words | words/s cold | warm check | misspellings | suggestions: mean / max (20 words) | text |\n");
  printf ("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *flores = g_build_filename (corpora, "flores", languages[l].file, NULL);
      g_autofree char *wmt = g_build_filename (corpora, "wmt22", languages[l].file, NULL);
      g_autofree char *sample_name = g_strdup_printf ("sample-%s.txt", languages[l].language);
      g_autofree char *sample = g_build_filename (BENCH_SOURCE_ROOT, "resources", "sample", sample_name, NULL);
      const char *corpus_files[] = { flores, wmt, NULL };
      const char *sample_files[] = { sample, NULL };
      const char *source = NULL;
      g_autofree char *report = build_report (corpus_files, FALSE, &source);
      double per_100k;
      g_autoptr(TriSpellDictionary) dictionary = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) found = NULL;
      g_autoptr(GArray) again = NULL;
      g_autoptr(GPtrArray) long_words = g_ptr_array_new_with_free_func (g_free);
      gint64 t0;
      double load_ms, cold_ms, warm_ms, suggest_total = 0, suggest_max = 0;
      long rss_before;
      guint words;

      if (report != NULL)
        source = "flores + wmt22, each word in its place";
      else
        {
          report = build_report (sample_files, TRUE, &source);
          source = "the sample report repeated (no corpora: the repeats are warm)";
        }
      g_assert (report != NULL);
      words = count_words (report);

      rss_before = status_kb ("VmRSS:");
      t0 = g_get_monotonic_time ();
      dictionary = tri_spell_dictionary_load (languages[l].language, NULL, &error);
      if (dictionary == NULL)
        {
          printf ("| %s | %s | | | | | | | | | |\n", languages[l].language, error->message);
          continue;
        }
      load_ms = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      found = tri_spell_check (dictionary, report, -1, TRI_SPELL_DEFAULT_FLAGS, NULL);
      cold_ms = (g_get_monotonic_time () - t0) / 1000.0;
      per_100k = cold_ms * TARGET_WORDS / MAX (words, 1);

      t0 = g_get_monotonic_time ();
      again = tri_spell_check (dictionary, report, -1, TRI_SPELL_DEFAULT_FLAGS, NULL);
      warm_ms = (g_get_monotonic_time () - t0) / 1000.0;

      /* Twenty long words of the text, each with a slip. */
      {
        g_auto(GStrv) tokens = g_strsplit_set (report, " \n\t,.;:!?()«»“”\"", -1);

        guint n_tokens = g_strv_length (tokens);

        for (guint i = 0; i < n_tokens && long_words->len < 20; i += 97)
          if (g_utf8_strlen (tokens[i], -1) >= 7)
            g_ptr_array_add (long_words, misspell (tokens[i]));
      }
      for (guint i = 0; i < long_words->len; i++)
        {
          g_auto(GStrv) suggestions = NULL;
          double ms;

          t0 = g_get_monotonic_time ();
          suggestions = tri_spell_dictionary_suggest (dictionary, g_ptr_array_index (long_words, i), 5);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          suggest_total += ms;
          suggest_max = MAX (suggest_max, ms);
        }

      printf ("| %s (%s) | %.0f ms | %.1f MB | %u | %.0f ms | %.0f ms | %.2f M | %.0f ms | %u (%.1f per 1000 words) | %.0f / %.0f ms | %s |\n",
              languages[l].language, tri_spell_dictionary_get_name (dictionary), load_ms,
              (status_kb ("VmRSS:") - rss_before) / 1024.0, words, cold_ms, per_100k, words / cold_ms / 1000.0, warm_ms,
              found->len, 1000.0 * found->len / MAX (words, 1),
              long_words->len > 0 ? suggest_total / long_words->len : 0.0, suggest_max, source);
    }

  printf ("\nCold: a new dictionary, every word checked by Hunspell once (then cached); warm: the\n"
          "same text again, from the cache — what an edit's re-check costs per word. The target\n"
          "is a 100,000-word Ukrainian report in < 0.5 s of background work.\n");
  return 0;
}

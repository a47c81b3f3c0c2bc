/* tri-language.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-language"

#include "config.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "tri-language.h"

/**
 * tri_language_guess:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Guesses the language of a report from its letters: Cyrillic text is
 * Ukrainian when it has і ї є ґ and none of ы э ъ ё, Russian otherwise;
 * Latin text is taken for English. Looks at the first 64 KiB.
 *
 * Returns: (nullable): "en", "ru", "uk", or %NULL when @text has no
 *   letters of these scripts
 */
const char *
tri_language_guess (const char *text,
                    gssize      length)
{
  const char *end;
  guint latin = 0, cyrillic = 0, ru = 0, uk = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = (gssize)strlen (text);
  length = MIN (length, 64 * 1024);
  end = text + length;

  for (const char *p = text; p < end && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        break;

      if (ch < 0x80)
        {
          if (g_ascii_isalpha (ch))
            latin++;
          continue;
        }

      switch (g_unichar_tolower (ch))
        {
        case 0x044B: case 0x044D: case 0x044A: case 0x0451:  /* ы э ъ ё */
          ru++;
          break;
        case 0x0456: case 0x0457: case 0x0454: case 0x0491:  /* і ї є ґ */
          uk++;
          break;
        default:
          break;
        }

      if (ch >= 0x0400 && ch <= 0x04FF)
        cyrillic++;
      else if (g_unichar_get_script (ch) == G_UNICODE_SCRIPT_LATIN)
        latin++;
    }

  if (cyrillic == 0 && latin == 0)
    return NULL;

  if (cyrillic >= latin)
    return uk > ru ? "uk" : "ru";

  return "en";
}

static gboolean
likely_script (const char *language,
               char       *script,
               int32_t     capacity)
{
  char maximized[ULOC_FULLNAME_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;

  uloc_addLikelySubtags (language, maximized, sizeof maximized, &status);
  if (U_FAILURE (status))
    return FALSE;
  uloc_getScript (maximized, script, capacity, &status);
  return U_SUCCESS (status) && script[0] != '\0';
}

/**
 * tri_language_guess_with_hint:
 * @text: the text
 * @length: its length in bytes, or -1 when nul-terminated
 * @hint: (nullable): the language the document says it is in (a web
 *   page's lang attribute), or %NULL
 *
 * Guesses the language of a report as tri_language_guess() does, but takes
 * the document's own word for it when @hint is a valid language written in
 * the script the text is in: a page marked lang="uk-UA" is Ukrainian even
 * where its first 64 KiB have none of і ї є ґ, and one marked "de" is German
 * rather than the English every Latin text is otherwise taken for. A hint in
 * another script than the text's (a page left marked "en" after
 * translation) is ignored.
 *
 * Returns: (transfer full) (nullable): a language code, or %NULL when
 *   @text has no letters of the scripts it knows and there is no hint
 */
char *
tri_language_guess_with_hint (const char *text,
                              gssize      length,
                              const char *hint)
{
  const char *guess = tri_language_guess (text, length);
  char hint_script[16], guess_script[16];
  g_autofree char *base = NULL;

  if (hint == NULL || strlen (hint) > 35 || !tri_language_is_valid (hint))
    return g_strdup (guess);

  base = tri_language_get_base (hint);
  if (guess == NULL)
    return g_steal_pointer (&base);

  if (likely_script (base, hint_script, sizeof hint_script) &&
      likely_script (guess, guess_script, sizeof guess_script) &&
      g_str_equal (hint_script, guess_script))
    return g_steal_pointer (&base);

  return g_strdup (guess);
}

/**
 * tri_language_get_base:
 * @language: a language code such as "en", "en-US" or "uk_UA"
 *
 * Returns: (transfer full): its primary language subtag in lower case ("en")
 */
char *
tri_language_get_base (const char *language)
{
  gsize n = strcspn (language, "-_@.");

  return g_ascii_strdown (language, (gssize)n);
}

/**
 * tri_language_same:
 * @a: a language code
 * @b: another
 *
 * Returns: whether @a and @b are one code, compared without case and with
 *   "_" as "-" ("en-US", "en_us")
 */
gboolean
tri_language_same (const char *a,
                   const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++)
    if (g_ascii_tolower (*a == '_' ? '-' : *a) != g_ascii_tolower (*b == '_' ? '-' : *b))
      return FALSE;
  return *a == *b;
}

/**
 * tri_language_is_valid:
 * @language: a string
 *
 * Returns: whether @language is a language code ICU knows ("en", "uk-UA")
 *   in BCP 47's syntax, at most %TRI_LANGUAGE_MAX_LENGTH bytes long
 */
gboolean
tri_language_is_valid (const char *language)
{
  g_autofree char *base = NULL;
  char canonical[ULOC_FULLNAME_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  const char * const *isos;

  if (language == NULL || language[0] == '\0')
    return FALSE;

  /* BCP 47's syntax ("_" taken as "-", and a POSIX "@latin" modifier
   * allowed): subtags of one to eight letters
   * or digits, and a bounded length, so that a code is safe in a message
   * and in a file name ("en-../../x" is not a code). */
  if (strlen (language) > TRI_LANGUAGE_MAX_LENGTH)
    return FALSE;
  for (const char *p = language, *subtag = language; ; p++)
    {
      if (*p == '\0' || *p == '-' || *p == '_' || *p == '@')
        {
          if (p == subtag || p - subtag > 8)
            return FALSE;
          if (*p == '\0')
            break;
          subtag = p + 1;
        }
      else if (!g_ascii_isalnum (*p))
        return FALSE;
    }

  base = tri_language_get_base (language);
  if (strlen (base) < 2 || strlen (base) > 3)
    return FALSE;
  for (const char *p = base; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;

  uloc_canonicalize (base, canonical, sizeof canonical, &status);
  if (U_FAILURE (status))
    return FALSE;

  for (isos = (const char * const *)uloc_getISOLanguages (); *isos; isos++)
    if (g_str_equal (*isos, canonical))
      return TRUE;

  return FALSE;
}

/* The locale the UI is shown in, as ICU wants it ("ru_RU"). */
static const char *
ui_locale (void)
{
  static char *locale;

  if (g_once_init_enter (&locale))
    {
      const char * const *names = g_get_language_names ();
      char *chosen = g_strdup ("en");

      for (guint i = 0; names[i]; i++)
        {
          /* "C.UTF-8" is the C locale too: ICU would take it for an
           * unknown locale and fall back to its own default. */
          g_autofree char *name = g_strndup (names[i], strcspn (names[i], ".@"));

          if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
            continue;
          g_free (chosen);
          chosen = g_steal_pointer (&name);
          break;
        }

      g_once_init_leave (&locale, chosen);
    }

  return locale;
}

/* Whether ICU has a name for the language part of @icu_code: for one it
 * does not know, it gives back the code, with the region's name after it
 * if there is one ("xx (Ukraine)"). */
static gboolean
has_language_name (const char *icu_code)
{
  UChar name[128];
  UChar code16[ULOC_LANG_CAPACITY];
  char code[ULOC_LANG_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  int32_t name_len, code_len;

  code_len = uloc_getLanguage (icu_code, code, sizeof code, &status);
  name_len = uloc_getDisplayLanguage (icu_code, ui_locale (), name, G_N_ELEMENTS (name), &status);
  if (U_FAILURE (status) || name_len <= 0)
    return FALSE;

  u_charsToUChars (code, code16, code_len);
  return name_len != code_len || u_strncasecmp (name, code16, code_len, U_FOLD_CASE_DEFAULT) != 0;
}

/**
 * tri_language_dup_display_name:
 * @language: a language code
 *
 * The name of @language in the language of the user interface, from ICU,
 * with a capital first letter as it stands in a column title: "English",
 * "Русский", "Українська" in their own UIs; "Russian" in an English one.
 *
 * Returns: (transfer full): the name; @language itself when ICU has none
 */
char *
tri_language_dup_display_name (const char *language)
{
  UChar name[128];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;
  g_autofree char *icu_code = NULL;
  char *utf8;

  g_return_val_if_fail (language != NULL, NULL);

  icu_code = g_strdelimit (g_strdup (language), "-", '_');
  if (!has_language_name (icu_code))
    return g_strdup (language);

  len = uloc_getDisplayName (icu_code, ui_locale (), name, G_N_ELEMENTS (name), &status);
  if (U_FAILURE (status) || len <= 0)
    return g_strdup (language);

  utf8 = g_malloc (4 * (gsize)len + 1);
  status = U_ZERO_ERROR;
  u_strToUTF8 (utf8, 4 * len + 1, NULL, name, len, &status);
  if (U_FAILURE (status))
    {
      g_free (utf8);
      return g_strdup (language);
    }

  /* ICU writes "русский", "українська": lower case, as in running text. */
  {
    gunichar first = g_utf8_get_char (utf8);
    char buf[8];
    int n = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
    char *rest = g_utf8_next_char (utf8);
    char *titled = g_strdup_printf ("%.*s%s", n, buf, rest);

    g_free (utf8);
    return titled;
  }
}

/**
 * tri_language_get_common:
 *
 * Returns: (transfer none) (array zero-terminated=1): the languages offered
 *   first when choosing the language of a text
 */
const char * const *
tri_language_get_common (void)
{
  static const char * const common[] = {
    "en", "ru", "uk", "be", "bg", "cs", "de", "es", "fr", "it", "kk", "pl", "pt", "ro", "sk", "sr",
    NULL,
  };

  return common;
}

/**
 * tri_language_dup_ui_tag:
 *
 * The language the user interface is shown in, as a BCP 47 tag for an
 * HTML lang attribute: "ru-RU", "en".
 *
 * Returns: (transfer full): the tag
 */
char *
tri_language_dup_ui_tag (void)
{
  return g_strdelimit (g_strdup (ui_locale ()), "_", '-');
}

/**
 * tri_language_dup_region_tag:
 * @language: a language code such as "en", "uk" or "en-GB"
 *
 * The BCP 47 tag with a region, for tools that want one (CAT tools reading
 * TMX): a code that has a region keeps it ("en-GB"); one that has none gets
 * the region ICU's likely-subtags data gives it (uloc_addLikelySubtags: en →
 * en-US, ru → ru-RU, uk → uk-UA, de → de-DE). A script subtag the code had
 * is kept ("sr-Latn" → "sr-Latn-RS"); one ICU adds is not. A code ICU finds
 * no region for comes back as it was, with "-" for "_".
 *
 * Returns: (transfer full): the tag
 */
char *
tri_language_dup_region_tag (const char *language)
{
  char icu_code[ULOC_FULLNAME_CAPACITY];
  char maximized[ULOC_FULLNAME_CAPACITY];
  char lang[ULOC_LANG_CAPACITY];
  char script[ULOC_SCRIPT_CAPACITY];
  char country[ULOC_COUNTRY_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  GString *tag;

  g_return_val_if_fail (language != NULL, NULL);

  g_strlcpy (icu_code, language, sizeof icu_code);
  g_strdelimit (icu_code, "-", '_');

  uloc_getLanguage (icu_code, lang, sizeof lang, &status);
  uloc_getScript (icu_code, script, sizeof script, &status);
  uloc_getCountry (icu_code, country, sizeof country, &status);
  if (U_FAILURE (status) || lang[0] == '\0')
    return g_strdelimit (g_strdup (language), "_", '-');

  if (country[0] == '\0')
    {
      uloc_addLikelySubtags (icu_code, maximized, sizeof maximized, &status);
      if (U_SUCCESS (status))
        uloc_getCountry (maximized, country, sizeof country, &status);
      if (U_FAILURE (status) || country[0] == '\0')
        return g_strdelimit (g_strdup (language), "_", '-');
    }

  tag = g_string_new (lang);
  if (script[0] != '\0')
    g_string_append_printf (tag, "-%s", script);
  g_string_append_printf (tag, "-%s", country);
  return g_string_free (tag, FALSE);
}

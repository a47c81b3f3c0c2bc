/* tri-names.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-names"

#include "config.h"

#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "tri-language.h"
#include "tri-names.h"

/* Names across scripts (issue 6: name-mismatch, quote-speaker).
 *
 * A word is written in Latin letters by ICU (Russian-Latin/BGN,
 * Ukrainian-Latin/BGN, else Any-Latin; then Latin-ASCII), and reduced to a
 * skeleton that spellings of one name share: its first letter (any vowel
 * or y/j as "a"), then its consonants only, sounds spelt in several ways
 * made one (kh, h, g, zh, dzh, English j → g; c, k → k; ts, z, s and
 * English c before e, i, y → s; sh, shch → S; w, v → v),
 * doubled letters once. So Zelenskyy, Зеленский, Зеленського and Зеленським
 * become "slnsk", "slnsk", "slnskg", "slnskm"; Kyiv, Kiev, Киев, Київ and
 * Києва all "kv"; Sollberger and Зольбергер "slbrgr"; Lviv and Львов "lv".
 * Vowels are what Russian and Ukrainian spell differently (Харьков,
 * Харків) and what case endings mostly change, so no table of exonyms is
 * needed for those; names translated rather than transliterated (China,
 * Китай) do not match.
 *
 * Two skeletons match (tri_names_match()) when they are equal, when one
 * is the other and up to two more letters (case endings: -ogo, -om, -ym,
 * -ov), or within one edit (four letters or more) or two (seven or more),
 * up to two final letters of the longer aside; or when they do so once an
 * adjective's suffix is cut (Нобелевскую = Nobel, Russian = Россия). */

struct _TriNames
{
  GHashTable *transliterators;  /* id → UTransliterator *, opened once */
  char      **exonyms;          /* skeletons of the exonyms[], 3 a row */
};

/* Names that English and Russian or Ukrainian do not transliterate
 * from each other (Sweden, Швеция; Earth, Земля), for a news report's
 * usual places: Russian and Ukrainian forms get the English skeleton. */
static const char * const exonyms[][3] = {
  { "Sweden", "Швеция", "Швеція" }, { "Switzerland", "Швейцария", "Швейцарія" },
  { "Scotland", "Шотландия", "Шотландія" }, { "China", "Китай", "Китай" },
  { "Poland", "Польша", "Польща" }, { "Hungary", "Венгрия", "Угорщина" },
  { "Netherlands", "Нидерланды", "Нідерланди" },
  { "Spain", "Испания", "Іспанія" },
  { "Czechia", "Чехия", "Чехія" }, { "Lebanon", "Ливан", "Ліван" },
  { "Lithuania", "Литва", "Литва" },
  { "States", "Штаты", "Штати" }, { "Beijing", "Пекин", "Пекін" },
  { "Athens", "Афины", "Афіни" }, { "Munich", "Мюнхен", "Мюнхен" }, { "Cologne", "Кёльн", "Кельн" },
  { "Naples", "Неаполь", "Неаполь" }, { "Earth", "Земля", "Земля" }, { "Sun", "Солнце", "Сонце" },
  { "Christmas", "Рождество", "Різдво" }, { "God", "Бог", "Бог" },
  { "Germany", "Германия", "Німеччина" }, { "Britain", "Великобритания", "Великобританія" },
  { "Britain", "Королевство", "Королівство" },
  { "South", "Южная", "Південна" }, { "North", "Северная", "Північна" },
  { "East", "Восточная", "Східна" }, { "West", "Западная", "Західна" },
  { "East", "Восток", "Схід" }, { "West", "Запад", "Захід" }, { "Second", "Вторая", "Друга" },
  { "Saint", "Святой", "Святий" },
  { "Istanbul", "Стамбул", "Стамбул" }, { "Europe", "Европа", "Європа" },
  { "Moscow", "Москва", "Москва" }, { "Vienna", "Вена", "Відень" }, { "Warsaw", "Варшава", "Варшава" },
  { "Black", "Черное", "Чорне" }, { "Black", "Черном", "Чорному" }, { "Nations", "Наций", "Націй" },
  { "Black", "Черноморский", "Чорноморський" }, { "Black", "Причерноморье", "Причорномор’я" },
  { "Union", "Союз", "Союз" }, { "State", "Государственный", "Державний" },
};

/* English abbreviations of names that Russian and Ukrainian write out. */
static const char * const english_abbreviations[][2] = {
  { "UK", "Britain" }, { "US", "States" }, { "USA", "States" }, { "Kingdom", "Britain" },
};

/**
 * tri_names_new:
 *
 * Returns: (transfer full): a cache of ICU transliterators, for one run
 */
TriNames *
tri_names_new (void)
{
  TriNames *names = g_new0 (TriNames, 1);

  names->transliterators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify)utrans_close);
  return names;
}

/**
 * tri_names_free:
 * @names: (nullable): a cache
 */
void
tri_names_free (TriNames *names)
{
  if (names == NULL)
    return;
  g_hash_table_unref (names->transliterators);
  g_strfreev (names->exonyms);
  g_free (names);
}

static const char *
transliterator_id (const char *language)
{
  g_autofree char *base = tri_language_get_base (language);

  if (g_strcmp0 (base, "ru") == 0)
    return "Russian-Latin/BGN; Latin-ASCII";
  if (g_strcmp0 (base, "uk") == 0)
    return "Ukrainian-Latin/BGN; Latin-ASCII";
  if (g_strcmp0 (base, "be") == 0)
    return "Belarusian-Latin/BGN; Latin-ASCII";
  return "Any-Latin; Latin-ASCII";
}

/* NULL when ICU has no such transliterator (then only ASCII letters count). */
static UTransliterator *
get_transliterator (TriNames   *names,
                    const char *id)
{
  UTransliterator *trans;
  UErrorCode status = U_ZERO_ERROR;
  UChar uid[64];

  if (g_hash_table_lookup_extended (names->transliterators, id, NULL, (gpointer *)&trans))
    return trans;

  u_strFromUTF8 (uid, G_N_ELEMENTS (uid), NULL, id, -1, &status);
  trans = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    {
      g_debug ("No transliterator %s: %s", id, u_errorName (status));
      trans = NULL;
    }
  g_hash_table_insert (names->transliterators, g_strdup (id), trans);
  return trans;
}

/* @word in lower-case ASCII letters, everything else dropped. */
static char *
to_ascii (TriNames   *names,
          const char *language,
          const char *word,
          gssize      length)
{
  g_autofree char *latin = NULL;
  GString *out = g_string_new (NULL);
  gsize len = length < 0 ? strlen (word) : (gsize)length;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < len; i++)
    ascii &= (guchar)word[i] < 0x80;

  if (!ascii)
    {
      UTransliterator *trans = get_transliterator (names, transliterator_id (language));
      UErrorCode status = U_ZERO_ERROR;
      UChar buffer[256];
      int32_t ulen = 0, limit, capacity = G_N_ELEMENTS (buffer);

      if (trans != NULL && len < 60)
        {
          u_strFromUTF8 (buffer, capacity, &ulen, word, (int32_t)len, &status);
          limit = ulen;
          if (U_SUCCESS (status))
            utrans_transUChars (trans, buffer, &ulen, capacity, 0, &limit, &status);
          if (U_SUCCESS (status))
            {
              char utf8[512];
              int32_t n = 0;

              u_strToUTF8 (utf8, sizeof utf8, &n, buffer, ulen, &status);
              if (U_SUCCESS (status))
                latin = g_strndup (utf8, (gsize)n);
            }
        }
    }
  if (latin != NULL)
    {
      word = latin;
      len = strlen (latin);
    }

  for (gsize i = 0; i < len; i++)
    if (g_ascii_isalpha (word[i]))
      g_string_append_c (out, g_ascii_tolower (word[i]));
  return g_string_free (out, FALSE);
}

static gboolean
is_vowel (char c)
{
  return strchr ("aeiouyj", c) != NULL;
}

/* The skeleton of @word, no exonym looked up; with @vowels, every run
 * of vowels kept as one "a" (a word's shape: инспектора "anspaktara",
 * инспектроа "anspaktra"). */
static char *
make_skeleton_full (TriNames   *names,
                    const char *language,
                    const char *word,
                    gssize      length,
                    gboolean    vowels)
{
  g_autofree char *s = to_ascii (names, language, word, length);
  g_autofree char *base = tri_language_get_base (language);
  GString *out = g_string_new (NULL);
  gsize i = 0, n = strlen (s);
  gboolean english = g_strcmp0 (base, "en") == 0;
  /* A Latin h may be silent (John); one transliterated is Ukrainian г,
   * always sounded (Парагвай: Parahvay). */
  gboolean latin = g_unichar_get_script (g_utf8_get_char_validated (word, length)) == G_UNICODE_SCRIPT_LATIN;

  /* Digraphs first, each to one letter: upper case stands for a sound
   * with no letter of its own. ж, дж, г and х are one (Geneva, Женева;
   * John, Джон; Hrytsenko, Гриценко; Kharkiv, Харків). */
  static const struct { const char *from; char to; } digraphs[] = {
    { "shch", 'S' }, { "sch", 'S' }, { "tkh", 't' }, { "dzh", 'g' }, { "sh", 'S' }, { "zh", 'g' }, { "ch", 'C' },
    { "kh", 'g' }, { "ph", 'f' }, { "th", 't' }, { "ts", 's' }, { "tz", 's' }, { "ck", 'k' },
    { "dj", 'g' }, { "qu", 'k' },
  };

  while (i < n)
    {
      char c = 0;
      gboolean done = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (digraphs) && !done; k++)
        if (strncmp (s + i, digraphs[k].from, strlen (digraphs[k].from)) == 0)
          {
            c = digraphs[k].to;
            i += strlen (digraphs[k].from);
            done = TRUE;
          }
      /* qu is кв (Squire, Сквайр; Quebec, Квебек) */
      if (done && c == 'k' && i >= 2 && s[i - 2] == 'q' && s[i - 1] == 'u')
        {
          if (out->len == 0 || out->str[out->len - 1] != 'k')
            g_string_append_c (out, 'k');
          c = 'v';
        }
      if (!done)
        {
          c = s[i];
          /* An h after a vowel and not before one is silent (John, Джон). */
          if (c == 'h' && latin && i > 0 && is_vowel (s[i - 1]) && (i + 1 >= n || !is_vowel (s[i + 1])))
            c = 0;
          else if (c == 'h')
            c = 'g';
          else if (c == 'c' && english && i + 1 < n && strchr ("eiy", s[i + 1]) != NULL)
            c = 's';
          else if (c == 'c' || c == 'q')
            c = 'k';
          else if (c == 'w')
            c = 'v';
          else if (c == 'z')
            c = 's';
          else if (c == 'j' && english)
            c = 'g';
          else if (c == 'x')
            {
              if (out->len == 0 || out->str[out->len - 1] != 'k')
                g_string_append_c (out, 'k');
              c = 's';
            }
          else if (is_vowel (c))
            c = i == 0 || vowels ? 'a' : 0;
          i++;
        }
      if (c != 0 && (out->len == 0 || out->str[out->len - 1] != c))
        g_string_append_c (out, c);
    }
  /* Its own few bytes, not the GString's 64 and more: the checks keep a
   * skeleton for every word of a document (240 MB of the peak for three
   * versions of 20,000 sentences). */
  {
    char *skeleton = g_strndup (out->str, out->len);

    g_string_free (out, TRUE);
    return skeleton;
  }
}

static char *
make_skeleton (TriNames   *names,
               const char *language,
               const char *word,
               gssize      length)
{
  return make_skeleton_full (names, language, word, length, FALSE);
}

/**
 * tri_names_skeleton:
 * @names: a cache
 * @language: the word's language
 * @word: a word
 * @length: its length in bytes, or -1
 *
 * Returns: (transfer full): the word's Latin skeleton (see the top of
 *   tri-names.c), maybe empty; a Russian or Ukrainian
 *   exonym's is its English name's
 */
static char *
compute_skeleton (TriNames   *names,
                  const char *language,
                  const char *word,
                  gssize      length)
{
  g_autofree char *skeleton = make_skeleton (names, language, word, length);
  g_autofree char *base = tri_language_get_base (language);
  guint column = g_strcmp0 (base, "ru") == 0 ? 1 : g_strcmp0 (base, "uk") == 0 ? 2 : 0;
  const char *best = NULL;
  gsize best_len = 0;

  if (column == 0)
    {
      for (guint i = 0; g_strcmp0 (base, "en") == 0 && i < G_N_ELEMENTS (english_abbreviations); i++)
        if (length < 0 ? g_str_equal (word, english_abbreviations[i][0])
                       : strlen (english_abbreviations[i][0]) == (gsize)length &&
                         strncmp (word, english_abbreviations[i][0], (gsize)length) == 0)
          return make_skeleton (names, "en", english_abbreviations[i][1], -1);
      return g_steal_pointer (&skeleton);
    }

  if (names->exonyms == NULL)
    {
      names->exonyms = g_new0 (char *, G_N_ELEMENTS (exonyms) * 3 + 1);
      for (guint i = 0; i < G_N_ELEMENTS (exonyms); i++)
        {
          names->exonyms[i * 3] = make_skeleton (names, "en", exonyms[i][0], -1);
          names->exonyms[i * 3 + 1] = make_skeleton (names, "ru", exonyms[i][1], -1);
          names->exonyms[i * 3 + 2] = make_skeleton (names, "uk", exonyms[i][2], -1);
        }
    }

  /* The longest that the word is, but for a case ending (Швецию,
   * Швецией; Швейцарии is not Швеция, Зеленский not Солнце); a short one
   * only as it is (Трасс is not Турция, Шевцов not Швеция). */
  for (guint i = 0; i < G_N_ELEMENTS (exonyms); i++)
    {
      const char *form = names->exonyms[i * 3 + column];
      gsize len = strlen (form);

      if (len >= 2 && len > best_len && g_str_has_prefix (skeleton, form) &&
          (skeleton[len] == '\0' || (len >= 4 && strchr ("mgv", skeleton[len]) != NULL && skeleton[len + 1] == '\0')) &&
          /* Кит is no Китай: a word shorter than a short exonym is another. */
          (len >= 4 || (length < 0 ? g_utf8_strlen (word, -1) : g_utf8_strlen (word, length)) >=
                       g_utf8_strlen (exonyms[i][column], -1)))
        {
          best = names->exonyms[i * 3];
          best_len = len;
        }
    }
  return best != NULL ? g_strdup (best) : g_steal_pointer (&skeleton);
}

/* Skeletons already made, for every run in the process (ICU's
 * transliteration is most of a check's time, and a report's words
 * recur): "base\x1fword" → skeleton. Emptied when it grows too big. */
#define SKELETON_CACHE_MAX 200000
#define SKELETON_KEY_MAX 128

G_LOCK_DEFINE_STATIC (skeletons);
static GHashTable *skeletons;

char *
tri_names_skeleton (TriNames   *names,
                    const char *language,
                    const char *word,
                    gssize      length)
{
  gsize n = length < 0 ? strlen (word) : (gsize)length;
  gsize base_len = strcspn (language, "_-.@");
  char key[SKELETON_KEY_MAX];
  char *skeleton;

  if (base_len + 1 + n >= sizeof key)
    return compute_skeleton (names, language, word, length);
  memcpy (key, language, base_len);
  key[base_len] = '\x1f';
  memcpy (key + base_len + 1, word, n);
  key[base_len + 1 + n] = '\0';

  G_LOCK (skeletons);
  skeleton = skeletons != NULL ? g_strdup (g_hash_table_lookup (skeletons, key)) : NULL;
  G_UNLOCK (skeletons);
  if (skeleton != NULL)
    return skeleton;

  skeleton = compute_skeleton (names, language, word, length);
  G_LOCK (skeletons);
  if (skeletons == NULL)
    skeletons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (skeletons) >= SKELETON_CACHE_MAX)
    g_hash_table_remove_all (skeletons);
  g_hash_table_insert (skeletons, g_strdup (key), g_strdup (skeleton));
  G_UNLOCK (skeletons);
  return skeleton;
}

static guint
edit_distance (const char *a,
               guint       la,
               const char *b,
               guint       lb)
{
  guint row[64];

  la = MIN (la, 63);
  lb = MIN (lb, 63);
  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return row[lb];
}

/* @skeleton with ш as s and an h (g) inside left out, doubled letters
 * once, into @out (64 bytes; longer skeletons are cut). */
static void
fold_skeleton (const char *skeleton,
               guint       length,
               char       *out)
{
  guint n = 0;

  for (guint i = 0; i < length && n < 63; i++)
    {
      char c = skeleton[i] == 'S' ? 's' : skeleton[i];

      if (c == 'g' && i > 0)
        continue;
      if (n == 0 || out[n - 1] != c)
        out[n++] = c;
    }
  out[n] = '\0';
}

static gboolean
match_skeletons (const char *a,
                 guint       la,
                 const char *b,
                 guint       lb,
                 gboolean    strictly)
{
  const char *shorter = a, *longer = b;
  guint ls = la, ll = lb, allowed;

  if (ls == 0 || ll == 0)
    return FALSE;
  if (ls > ll)
    {
      shorter = b;
      longer = a;
      ls = lb;
      ll = la;
    }
  /* English w is в or у (Washington, Вашингтон; Walsh, Уолш; Wade,
   * Уейд). */
  if (ls >= 2 && ((shorter[0] == 'v' && longer[0] == 'a') || (shorter[0] == 'a' && longer[0] == 'v')))
    {
      g_autofree char *same = g_strdup (shorter);

      same[0] = longer[0];
      return match_skeletons (same, ls, longer, ll, strictly);
    }
  if (strncmp (shorter, longer, ls) == 0 && ll - ls <= (ls >= 3 ? 2u : 1u))
    return TRUE;
  /* An h one spelling sounds and the other does not (Graham, Грэм), and
   * s heard as ш (Sessions, Сешнс): equal once those are set aside. */
  if (!strictly && ls >= 2 && (strchr (a, 'S') != NULL || strchr (b, 'S') != NULL ||
                               strchr (a + 1, 'g') != NULL || strchr (b + 1, 'g') != NULL))
    {
      char fa[64], fb[64];

      fold_skeleton (a, la, fa);
      fold_skeleton (b, lb, fb);
      if (strcmp (fa, fb) == 0 && strlen (fa) >= 2)
        return TRUE;
      /* … and a case ending after them (Ahmad, Ахмадом). */
      if (MIN (strlen (fa), strlen (fb)) >= 3)
        {
          const char *fs = strlen (fa) <= strlen (fb) ? fa : fb, *fl = fs == fa ? fb : fa;

          if (strncmp (fs, fl, strlen (fs)) == 0 && strlen (fl) - strlen (fs) <= 2)
            return TRUE;
        }
    }
  allowed = strictly ? 0 : ls >= 7 ? 2 : ls >= 4 ? 1 : 0;
  for (guint cut = 0; allowed > 0 && cut <= 2 && ll - cut + 1 >= ls; cut++)
    if (edit_distance (shorter, ls, longer, ll - cut) <= allowed)
      return TRUE;
  return FALSE;
}

/* The length of @skeleton without an adjective's suffix: Russian and
 * Ukrainian -ский/-ський ("sk…": Нобелевскую, Российской), English -an
 * (Russian, Canadian); or its whole length. */
static guint
adjective_stem (const char *skeleton)
{
  const char *sk = g_strrstr (skeleton, "sk");
  guint len = strlen (skeleton);

  if (sk != NULL && sk - skeleton >= 2 && len - (guint)(sk - skeleton) <= 4)
    return (guint)(sk - skeleton);
  if (len >= 3 && skeleton[len - 1] == 'n')
    return len - 1;
  return len;
}

/**
 * tri_names_match:
 * @a: a skeleton
 * @b: another
 *
 * Returns: whether the two may be spellings of one name, or of a name and
 *   its adjective (see the top of tri-names.c)
 */
gboolean
tri_names_match (const char *a,
                 const char *b)
{
  guint sa, sb;

  if (match_skeletons (a, strlen (a), b, strlen (b), FALSE))
    return TRUE;
  sa = adjective_stem (a);
  sb = adjective_stem (b);
  return (sa != strlen (a) || sb != strlen (b)) && MIN (sa, sb) >= 2 && match_skeletons (a, sa, b, sb, FALSE);
}

/**
 * tri_names_match_strictly:
 * @a: a skeleton
 * @b: another
 *
 * Returns: whether the two are equal but for a case ending
 */
gboolean
tri_names_match_strictly (const char *a,
                          const char *b)
{
  return match_skeletons (a, strlen (a), b, strlen (b), TRUE);
}

/* Words */

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* English capitalises these; they are no names. */
static const char * const english_common[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
  "saturday", "sunday", "mr", "mrs", "ms", "dr", "prof", "sir", "madam", "god",
  /* titles: who they are is the name after them */
  "president", "minister", "senator", "chairman", "chairwoman", "secretary", "governor", "mayor",
  "chancellor", "ambassador", "director", "general", "spokesman", "spokeswoman", "prime",
  "english", "russian", "ukrainian",
};

/* Russian and Ukrainian capitalise the polite "you" in letters and chats. */
static const char * const cyrillic_common[] = {
  "вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "вашего", "вашей", "вашу", "ваши", "ваших",
  "вашим", "вашими", "вашем", "вашему", "ви", "вашого", "вашої", "ваші", "вашому", "вашій",
  /* United (States, Kingdom), which English may write US, UK */
  "соединенные", "соединённые", "соединенных", "соединённых", "соединенным", "соединённым",
  "соединенное", "соединённое", "соединенного", "соединённого", "сполучені", "сполучених",
  "сполученим", "сполучене", "сполученого", "сполученому", "сполученими",
};


/* Abbreviations after which a full stop opens no sentence. */
static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
  "jr", "sr", "vs", "г", "гг", "им", "тов", "св", "ул", "проф", "акад", "див", "пор",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

/* Whether the word at @start opens a sentence, a line, a quotation or a
 * clause after a colon or a dash, where capitals say nothing. */
static gboolean
is_initial (const char *text,
            gsize       start)
{
  const char *p = text + start;
  gunichar c = ' ';

  while (p > text)
    {
      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) || c == '\n')
        break;
    }
  if (p == text + start || (p == text && g_unichar_isspace (c)))
    return TRUE;
  /* A hyphen opens a list item (- Supports …), not a compound (Кемп-Девідська). */
  if (c == '-')
    return g_utf8_next_char (p) < text + start;
  if (c == '.')
    {
      /* Not after an initial (В. Путин) or an abbreviation (Mr. Lavrov). */
      const char *end = p, *q = p;
      g_autofree char *word = NULL;

      while (q > text && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (q))))
        q = g_utf8_prev_char (q);
      if (q == end)
        return TRUE;
      word = g_utf8_strdown (q, (gssize)(end - q));
      if (g_utf8_strlen (word, -1) == 1 && g_unichar_isupper (g_utf8_get_char (q)))
        return FALSE;
      return !in_list (word, abbreviations, G_N_ELEMENTS (abbreviations));
    }
  return c == '\n' || (c < 0x80 && strchr ("!?:;()[\"'*", (int)c) != NULL) ||
         c == 0x2026 || c == 0x00AB || c == 0x201C || c == 0x201E || c == 0x2018 ||
         c == 0x2014 || c == 0x2013 || c == 0x2022;
}

/* Whether the hyphen at @q joins two capitalised parts of one or two
 * letters, the word that opens at @p and the next, into one word: Wi-Fi,
 * Hi-Fi (a product word kept in Latin letters in Russian and Ukrainian),
 * where each part alone is too short to be a name. Not Al-Qaeda: Аль
 * and Каида are words of their own. */
static gboolean
short_compound (const char *text,
                const char *p,
                const char *q,
                gsize       end)
{
  const char *r = q + 1;
  glong before = g_utf8_strlen (p, q - p), after = 0;

  if (before > 2 || !g_unichar_isupper (g_utf8_get_char (p)) ||
      r >= text + end || !g_unichar_isupper (g_utf8_get_char (r)))
    return FALSE;
  while (r < text + end && g_unichar_isalpha (g_utf8_get_char (r)))
    {
      after++;
      r = g_utf8_next_char (r);
    }
  return after <= 2 && (r >= text + end || (*r != '-' && !g_unichar_isdigit (g_utf8_get_char (r))));
}

static void
clear_word (gpointer data)
{
  TriWord *word = data;

  g_free (word->skeleton);
  g_free (word->lower);
}

/**
 * tri_names_scan:
 * @names: a cache
 * @language: the text's language
 * @text: a text
 * @start: where to start, in bytes
 * @end: where to end
 *
 * The words of text[start, end): letters with apostrophes between them;
 * a hyphen parts words (Нью-Йорк is two), but for two capitalised parts
 * of one or two letters (Wi-Fi is one).
 *
 * Returns: (transfer full) (element-type TriWord): the words, in order
 */
GArray *
tri_names_scan (TriNames   *names,
                const char *language,
                const char *text,
                gsize       start,
                gsize       end)
{
  /* About a word every seven bytes (Russian and Ukrainian in UTF-8 take
   * more): room enough without doubling a large array as it grows. */
  GArray *words = g_array_sized_new (FALSE, TRUE, sizeof (TriWord), (guint)((end - MIN (start, end)) / 7 + 16));
  g_autofree char *base = tri_language_get_base (language);
  gboolean english = g_strcmp0 (base, "en") == 0;
  GUnicodeScript script = english ? G_UNICODE_SCRIPT_LATIN
                          : g_strcmp0 (base, "ru") == 0 || g_strcmp0 (base, "uk") == 0 ||
                            g_strcmp0 (base, "be") == 0 ? G_UNICODE_SCRIPT_CYRILLIC
                          : G_UNICODE_SCRIPT_INVALID_CODE;
  const char *p = text + start;

  g_array_set_clear_func (words, clear_word);

  while (p < text + end)
    {
      TriWord word = { 0 };
      const char *q = p;
      guint letters = 0, upper = 0;
      gboolean first_upper;

      if (!g_unichar_isalpha (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      first_upper = g_unichar_isupper (g_utf8_get_char (p)) || g_unichar_istitle (g_utf8_get_char (p));
      while (q < text + end)
        {
          gunichar c = g_utf8_get_char (q);
          const char *next = g_utf8_next_char (q);

          if (g_unichar_isalpha (c))
            {
              letters++;
              upper += g_unichar_isupper (c);
            }
          else if (g_unichar_ismark (c))
            ;
          else if (is_apostrophe (c) && next < text + end && g_unichar_isalpha (g_utf8_get_char (next)))
            ;
          else if (c == '-' && short_compound (text, p, q, end))
            ;
          else
            break;
          q = next;
        }

      /* A word with digits in it (COVID19, Су-27) is no name. */
      if (q < text + end && g_unichar_isdigit (g_utf8_get_char (q)))
        {
          p = q;
          continue;
        }

      word.start = (gsize)(p - text);
      word.end = (gsize)(q - text);
      /* Kyiv’s: the name is Kyiv. */
      if (english && word.end - word.start > 3 &&
          (text[word.end - 1] == 's' || text[word.end - 1] == 'S'))
        {
          const char *s = g_utf8_prev_char (text + word.end - 1);

          if (is_apostrophe (g_utf8_get_char (s)))
            {
              word.end = (gsize)(s - text);
              letters--;
            }
        }
      word.lower = g_utf8_strdown (text + word.start, (gssize)(word.end - word.start));
      word.skeleton = tri_names_skeleton (names, language, text + word.start, (gssize)(word.end - word.start));
      if (letters >= 2 && upper == letters)
        word.flags |= TRI_WORD_ACRONYM;
      else if (first_upper)
        word.flags |= TRI_WORD_CAPITALISED;
      if (is_initial (text, word.start))
        word.flags |= TRI_WORD_INITIAL;
      if (english ? in_list (word.lower, english_common, G_N_ELEMENTS (english_common))
                  : in_list (word.lower, cyrillic_common, G_N_ELEMENTS (cyrillic_common)))
        word.flags |= TRI_WORD_COMMON;
      if (script != G_UNICODE_SCRIPT_INVALID_CODE &&
          g_unichar_get_script (g_utf8_get_char (text + word.start)) != script)
        word.flags |= TRI_WORD_FOREIGN;
      if (letters < 3 || strlen (word.skeleton) < 2)
        word.flags |= TRI_WORD_SHORT;
      g_array_append_val (words, word);
      p = q;
    }
  return words;
}

/* Whether @word and @other have their vowels in the same places (their
 * shapes, the last vowels — a case ending — aside): панамакс and Panamax
 * do, инспектроа and Inspector do not. */
static gboolean
same_shape (TriNames   *names,
            const char *language,
            const char *word,
            gsize       length,
            const char *other_language,
            const char *other,
            gsize       other_length)
{
  g_autofree char *a = make_skeleton_full (names, language, word, (gssize)length, TRUE);
  g_autofree char *b = make_skeleton_full (names, other_language, other, (gssize)other_length, TRUE);
  gsize la = strlen (a), lb = strlen (b);

  if (la > 1 && a[la - 1] == 'a')
    la--;
  if (lb > 1 && b[lb - 1] == 'a')
    lb--;
  return la == lb && strncmp (a, b, la) == 0;
}

/* A Cyrillic letter as Russian and Ukrainian both may spell it: ы, и, і, ї
 * as и; э, е, є, ё as е; ґ as г; 0 for a hard sign or an apostrophe. */
static gunichar
fold_cyrillic (gunichar c)
{
  switch (c)
    {
    case 0x044B: case 0x0456: case 0x0457:    /* ы і ї */
      return 0x0438;                          /* и */
    case 0x044D: case 0x0454: case 0x0451:    /* э є ё */
      return 0x0435;                          /* е */
    case 0x0491:                              /* ґ */
      return 0x0433;                          /* г */
    case 0x044A: case '\'': case 0x2019: case 0x02BC:
      return 0;
    default:
      return c;
    }
}

static gboolean
is_cyrillic_vowel (gunichar c)
{
  return c != 0 && g_utf8_strchr ("аеиоуяю", -1, c) != NULL;
}

/* Whether a soft sign at @i of @s stands between two consonants, where
 * one language writes it and the other need not (низко, низько). */
static gboolean
soft_sign_optional (const gunichar *s,
                    gsize           n,
                    gsize           i)
{
  return i > 0 && i + 1 < n && !is_cyrillic_vowel (s[i - 1]) && s[i + 1] != 0x044C &&
         !is_cyrillic_vowel (s[i + 1]);
}

static gunichar *
fold_word (const char *word,
           gsize       length,
           gsize      *n)
{
  g_autofree char *lower = g_utf8_strdown (word, (gssize)length);
  gunichar *out = g_new (gunichar, g_utf8_strlen (lower, -1) + 1);

  *n = 0;
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = fold_cyrillic (g_utf8_get_char (p));

      if (c != 0)
        out[(*n)++] = c;
    }
  return out;
}

/* Whether @word and @other (lower case) are one word written in Russian
 * and in Ukrainian letters (низкомаржинальных, низькомаржинальних): the
 * same letters once folded, but for a soft sign between two consonants
 * that one of them has; a soft sign elsewhere, or any letter moved, is no
 * spelling of the other's (малеьнких). */
static gboolean
cyrillic_alike (const char *word,
                gsize       length,
                const char *other,
                gsize       other_length)
{
  gsize na, nb, i = 0, j = 0;
  g_autofree gunichar *a = fold_word (word, length, &na);
  g_autofree gunichar *b = fold_word (other, other_length, &nb);

  while (i < na || j < nb)
    {
      if (i < na && j < nb && a[i] == b[j])
        i++, j++;
      else if (i < na && a[i] == 0x044C && soft_sign_optional (a, na, i))
        i++;
      else if (j < nb && b[j] == 0x044C && soft_sign_optional (b, nb, j))
        j++;
      else
        return FALSE;
    }
  return TRUE;
}

/* Whether @w of @other, a run of initials (В. И.) before a surname, opens
 * with the sound @skeleton does: Vasyl Petrenko is В. И. Петренко. */
static gboolean
initial_of (const char    *skeleton,
            const char    *other,
            gsize          other_length,
            GArray        *words,
            guint          i)
{
  const TriWord *w = &g_array_index (words, TriWord, i);
  guint initials = 0;

  if (skeleton[0] == '\0' || w->skeleton[0] != skeleton[0])
    return FALSE;
  for (; i < words->len; i++)
    {
      w = &g_array_index (words, TriWord, i);
      if (!(w->flags & TRI_WORD_CAPITALISED))
        return FALSE;
      /* An initial: one letter, or two for a sound (Дж.), and a full stop. */
      if (g_utf8_strlen (other + w->start, (gssize)(w->end - w->start)) <= 2 && strlen (w->skeleton) <= 1)
        {
          if (w->end >= other_length || other[w->end] != '.')
            return FALSE;
          initials++;
          continue;
        }
      /* The surname: a capitalised word after the initials. */
      return initials > 0 && g_utf8_strlen (other + w->start, (gssize)(w->end - w->start)) >= 3;
    }
  return FALSE;
}

/**
 * tri_names_spelt_in:
 * @names: a cache
 * @language: the word's language
 * @word: a word (a misspelling, say); an English possessive
 *   (Zelenskyy's, Zelenskyy’s) is its base
 * @length: its length in bytes, or -1
 * @other_language: the language of @other
 * @other: the text of the same row in another version
 * @other_length: its length in bytes, or -1
 *
 * Whether @other writes the name @word spells: a capitalised word there
 * with the same skeleton but for a case ending or an h or ш one spelling
 * sounds (Zelenskyy's, Зеленского, Зеленського; Graham, Греєм), or as
 * initials before a surname (Vasyl, В. И. Петренко). A word in lower
 * case is a name or a term only when @other has it in another script
 * with its vowels in the same places (панамакс, Panamax), or in the same
 * script letter for letter, Russian and Ukrainian letters apart
 * (низкомаржинальных, низькомаржинальних); a misspelt name whose
 * consonants change (Zelesnky) is no longer the other version's.
 *
 * The word links of tri-word-align (issue 14), once there, tell a word's
 * counterpart more surely than a skeleton found anywhere in the row: the
 * place to plug them in is here (and check_speakers(), check_names() in
 * tri-checks.c for translated names: United States = Соединённые Штаты).
 *
 * Returns: whether @other has @word as a name
 */
gboolean
tri_names_spelt_in (TriNames   *names,
                    const char *language,
                    const char *word,
                    gssize      length,
                    const char *other_language,
                    const char *other,
                    gssize      other_length)
{
  g_autofree char *skeleton = NULL;
  g_autoptr(GArray) words = NULL;
  gsize n = length < 0 ? strlen (word) : (gsize)length;
  gsize other_n = other_length < 0 ? strlen (other) : (gsize)other_length;
  gboolean found = FALSE, lower, cyrillic;
  GUnicodeScript script;

  if (n == 0)
    return FALSE;
  lower = !g_unichar_isupper (g_utf8_get_char (word));
  script = g_unichar_get_script (g_utf8_get_char (word));
  cyrillic = script == G_UNICODE_SCRIPT_CYRILLIC;
  /* Zelenskyy's: the name is Zelenskyy. */
  if (n > 3 && (word[n - 1] == 's' || word[n - 1] == 'S'))
    {
      const char *s = g_utf8_prev_char (word + n - 1);

      if (is_apostrophe (g_utf8_get_char (s)))
        n = (gsize)(s - word);
    }
  else if (n > 3 && g_str_has_suffix (word, "s'"))
    n--;
  skeleton = tri_names_skeleton (names, language, word, (gssize)n);
  words = tri_names_scan (names, other_language, other, 0, other_n);
  for (guint i = 0; i < words->len && !found; i++)
    {
      const TriWord *w = &g_array_index (words, TriWord, i);
      gboolean same_script = g_unichar_get_script (g_utf8_get_char (other + w->start)) == script;
      char a[64], b[64];

      /* A term in lower case the other version writes letter for letter
       * (балкера in Russian and Ukrainian), or in its own Cyrillic letters
       * (низкомаржинальных, низькомаржинальних): two translators do not
       * misspell a word alike. */
      if (lower && same_script && g_utf8_strlen (word, (gssize)n) >= 5 &&
          (cyrillic ? cyrillic_alike (word, n, other + w->start, w->end - w->start)
                    : strlen (w->lower) == n && g_ascii_strncasecmp (word, w->lower, n) == 0))
        {
          found = TRUE;
          continue;
        }
      /* Vasyl Petrenko, В. И. Петренко. */
      if (!lower && !same_script && initial_of (skeleton, other, other_n, words, i))
        {
          found = TRUE;
          continue;
        }
      if (strlen (skeleton) < (lower ? 3u : 2u))
        continue;
      /* A word in lower case: a term another version writes as a name
       * in its own letters (панамакс, Panamax), never a word of the same
       * script nor an ordinary word (a typo of фермер is still farmer's). */
      if (same_script
          ? lower || !(w->flags & (TRI_WORD_CAPITALISED | TRI_WORD_ACRONYM))
          : lower && !(w->flags & (TRI_WORD_CAPITALISED | TRI_WORD_ACRONYM)))
        continue;
      /* A term: its very skeleton (панамакс, Panamax), no ending
       * allowed — a typo of a word is no word of the other version — and
       * its vowels where the other's are (инспектроа is no Inspector). */
      if (lower || g_unichar_islower (g_utf8_get_char (other + w->start)))
        found = strlen (skeleton) >= 4 && g_str_equal (skeleton, w->skeleton) &&
                same_shape (names, language, word, n, other_language, other + w->start, w->end - w->start);
      else if (tri_names_match_strictly (skeleton, w->skeleton))
        found = TRUE;
      else
        {
          fold_skeleton (skeleton, strlen (skeleton), a);
          fold_skeleton (w->skeleton, strlen (w->skeleton), b);
          found = strlen (a) >= 2 && strcmp (a, b) == 0;
        }
    }
  return found;
}

/* Speakers */

typedef struct
{
  const char         *language;
  const char * const *verbs;         /* said, заявил … */
  const char * const *before_only;   /* told: what follows is who was told */
  const char * const *pronouns;
  const char * const *adverbs;       /* Lavrov also said */
  const char * const *stops;         /* said in Geneva: no speaker after these */
  const char         *according[2];  /* according to X, по словам X */
} Cues;

static const char * const en_verbs[] = {
  "said", "says", "say", "added", "adds", "stated", "noted", "explained", "wrote", "writes",
  "warned", "insisted", "argued", "declared", "replied", "stressed", "emphasised", "emphasized",
  "claimed", "tweeted", "announced", "continued", "recalled", "admitted", "concluded",
  "told", "tells", "asked", NULL
};
static const char * const en_before_only[] = { "told", "tells", "asked", NULL };
static const char * const en_pronouns[] = { "he", "she", "they", "it", "we", "i", "you", NULL };
static const char * const en_adverbs[] = { "also", "later", "then", "previously", "earlier", "reportedly", "has", "had", NULL };
static const char * const en_stops[] = {
  "to", "in", "at", "on", "from", "with", "for", "after", "before", "during", "about", "that",
  "while", "when", "and", "but", NULL
};

static const char * const ru_verbs[] = {
  "заявил", "заявила", "заявили", "сказал", "сказала", "сказали", "отметил", "отметила",
  "отметили", "добавил", "добавила", "добавили", "подчеркнул", "подчеркнула", "подчеркнули",
  "сообщил", "сообщила", "пояснил", "пояснила", "написал", "написала", "признал", "признала",
  "уточнил", "уточнила", "рассказал", "рассказала", "ответил", "ответила", "предупредил",
  "предупредила", "заявляет", "говорит", "считает", "отмечает", "подчеркивает", "подчёркивает",
  "добавляет", "говорится", NULL
};
/* предупредил Путина: who was warned */
static const char * const ru_before_only[] = { "предупредил", "предупредила", NULL };
static const char * const ru_pronouns[] = { "он", "она", "они", "оно", "мы", "я", "вы", NULL };
static const char * const ru_adverbs[] = { "также", "ранее", "тогда", "позже", "еще", "ещё", "затем", NULL };
static const char * const ru_stops[] = {
  "в", "во", "на", "с", "со", "из", "к", "ко", "по", "о", "об", "для", "у", "после", "перед",
  "при", "что", "и", "но", "когда", "от", NULL
};

static const char * const uk_verbs[] = {
  "заявив", "заявила", "заявили", "сказав", "сказала", "сказали", "зазначив", "зазначила",
  "зазначили", "додав", "додала", "додали", "наголосив", "наголосила", "наголосили", "повідомив",
  "повідомила", "пояснив", "пояснила", "написав", "написала", "визнав", "визнала", "уточнив",
  "уточнила", "розповів", "розповіла", "відповів", "відповіла", "попередив", "попередила",
  "підкреслив", "підкреслила", "каже", "говорить", "вважає", "заявляє", "зазначає", "наголошує",
  "додає", "йдеться", NULL
};
static const char * const uk_before_only[] = { "попередив", "попередила", NULL };
static const char * const uk_pronouns[] = { "він", "вона", "вони", "воно", "ми", "я", "ви", NULL };
static const char * const uk_adverbs[] = { "також", "раніше", "тоді", "пізніше", "ще", "потім", NULL };
static const char * const uk_stops[] = {
  "в", "у", "на", "з", "із", "зі", "до", "по", "про", "для", "після", "перед", "при", "що", "і",
  "й", "та", "але", "коли", "від", NULL
};

static const Cues cues[] = {
  { "en", en_verbs, en_before_only, en_pronouns, en_adverbs, en_stops, { "according", "to" } },
  { "ru", ru_verbs, ru_before_only, ru_pronouns, ru_adverbs, ru_stops, { "по", "словам" } },
  { "uk", uk_verbs, uk_before_only, uk_pronouns, uk_adverbs, uk_stops, { "за", "словами" } },
};

static gboolean
in_strv (const char * const *list,
         const char         *word)
{
  return list != NULL && g_strv_contains (list, word);
}

/* Only spaces between two words. */
static gboolean
adjacent (const char    *text,
          const TriWord *a,
          const TriWord *b)
{
  for (const char *p = text + a->end; p < text + b->start; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Only ", " between two words. */
static gboolean
after_comma (const char    *text,
             const TriWord *a,
             const TriWord *b)
{
  return b->start == a->end + 2 && text[a->end] == ',' && text[a->end + 1] == ' ';
}

/* The speakers after words[v] (said Lavrov; заявил глава МИД России
 * Сергей Лавров): every name before punctuation, a preposition or the
 * eighth word, unless a pronoun comes first (сказал он Лаврову). */
static void
speakers_after (const Cues *cue,
                const char *text,
                GArray     *words,
                guint       v,
                guint       cue_word,
                guint       last,
                GArray     *speakers)
{
  for (guint i = v + 1; i < last && i <= v + 7; i++)
    {
      const TriWord *w = &g_array_index (words, TriWord, i);

      /* A comma goes on to a name in apposition: вдова де Клерка, Элита
       * Гиоргадес. */
      if (!adjacent (text, &g_array_index (words, TriWord, i - 1), w) &&
          (i == v + 1 || !(w->flags & TRI_WORD_NAME) || !after_comma (text, &g_array_index (words, TriWord, i - 1), w)))
        break;
      if (i == v + 1 && in_strv (cue->pronouns, w->lower))
        return;
      if (in_strv (cue->stops, w->lower))
        break;
      if (w->flags & TRI_WORD_NAME)
        {
          TriSpeaker speaker = { cue_word, i };

          g_array_append_val (speakers, speaker);
        }
    }
}

/**
 * tri_names_find_speakers:
 * @language: the text's language
 * @text: the text
 * @words: its words (tri_names_scan()), names flagged %TRI_WORD_NAME
 * @first: the first word to look at
 * @last: just past the last
 *
 * Who is said to speak in words[first, last): a name right before a verb
 * of speech (Lavrov said, Лавров заявил), or the names after it (—
 * сказал Лавров; said Sergei Lavrov), or after "according to" (по словам,
 * за словами). A pronoun there (he said, — сказал он) names nobody.
 *
 * Returns: (transfer full) (element-type TriSpeaker): the names that may
 *   be speakers, by their cue: the names of one cue are one speaker's
 */
GArray *
tri_names_find_speakers (const char *language,
                         const char *text,
                         GArray     *words,
                         guint       first,
                         guint       last)
{
  GArray *speakers = g_array_new (FALSE, FALSE, sizeof (TriSpeaker));
  g_autofree char *base = tri_language_get_base (language);
  const Cues *cue = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (cues); k++)
    if (g_strcmp0 (base, cues[k].language) == 0)
      cue = &cues[k];
  if (cue == NULL)
    return speakers;

  for (guint v = first; v < last; v++)
    {
      const TriWord *verb = &g_array_index (words, TriWord, v);

      if (v + 1 < last && g_str_equal (verb->lower, cue->according[0]) &&
          g_str_equal (g_array_index (words, TriWord, v + 1).lower, cue->according[1]))
        {
          speakers_after (cue, text, words, v + 1, v, last, speakers);
        }
      else if (in_strv (cue->verbs, verb->lower))
        {
          guint b = v;

          /* Before: Lavrov (also) said. */
          if (b > first && in_strv (cue->adverbs, g_array_index (words, TriWord, b - 1).lower) &&
              adjacent (text, &g_array_index (words, TriWord, b - 1), verb))
            b--;
          if (b > first && adjacent (text, &g_array_index (words, TriWord, b - 1), &g_array_index (words, TriWord, b)))
            {
              const TriWord *w = &g_array_index (words, TriWord, b - 1);

              if (in_strv (cue->pronouns, w->lower))
                continue;
              if (w->flags & TRI_WORD_NAME)
                {
                  TriSpeaker speaker = { v, b - 1 };

                  g_array_append_val (speakers, speaker);
                  continue;
                }
            }
          if (!in_strv (cue->before_only, verb->lower))
            speakers_after (cue, text, words, v, v, last, speakers);
        }
    }
  return speakers;
}

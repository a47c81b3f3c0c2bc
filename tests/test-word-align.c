/* test-word-align.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tri-apertium.h"
#include "tri-error.h"
#include "tri-word-align.h"

static const char * const langs[3] = { "en", "ru", "uk" };

/* The word of @text the span covers. */
static char *
word_at (const char        *text,
         const TriWordSpan *span)
{
  return g_strndup (text + span->start, span->end - span->start);
}

/* Whether @row links the word @a of version @va (its text @ta) with the
 * word @b of version @vb: words given by their text, the first such. */
static gboolean
linked (const TriWordRow *row,
        const char      **texts,
        guint             va,
        const char       *a,
        guint             vb,
        const char       *b)
{
  guint n, na, nb;
  const TriWordLink *links = tri_word_row_get_links (row, va, vb, &n);
  const TriWordSpan *sa = tri_word_row_get_words (row, va, &na);
  const TriWordSpan *sb = tri_word_row_get_words (row, vb, &nb);

  for (guint l = 0; l < n; l++)
    {
      g_autofree char *wa = word_at (texts[va], &sa[links[l].a]);
      g_autofree char *wb = word_at (texts[vb], &sb[links[l].b]);

      if (g_str_equal (wa, a) && g_str_equal (wb, b))
        return TRUE;
    }
  return FALSE;
}

/* The index of the first word @word in version @v. */
static guint
index_of (const TriWordRow *row,
          const char      **texts,
          guint             v,
          const char       *word)
{
  guint n;
  const TriWordSpan *spans = tri_word_row_get_words (row, v, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *w = word_at (texts[v], &spans[i]);

      if (g_str_equal (w, word))
        return i;
    }
  g_assert_not_reached ();
}

static TriWordRow *
align3 (TriWordAligner *wa,
        const char    **texts)
{
  return tri_word_aligner_align (wa, (const char * const *)texts);
}

/* @texts linked by a new aligner with only @evidence. */
static TriWordRow *
align_with (const char      **texts,
            TriWordEvidence   evidence)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);

  tri_word_aligner_set_evidence (wa, evidence);
  return align3 (wa, texts);
}

static void
test_tokenize (void)
{
  static const struct { const char *text; const char *words; } cases[] = {
    { "Зараз у нас є 4-місячні миші, — додав він.", "Зараз|у|нас|є|4-місячні|миші|додав|він" },
    { "She’s here: 1,250 people (15.00 UTC).", "She’s|here|1,250|people|15.00|UTC" },
    { "п'ять дев’яти; генерал-губернатора…", "п'ять|дев’яти|генерал-губернатора" },
    { "«Так», - сказав він. 3,5% і 8:30.", "Так|сказав|він|3,5|і|8|30" },
    /* every script: Greek, Arabic, Hebrew, Devanagari (combining marks), CJK runs */
    { "Αθήνα القاهرة ירושלים हिन्दी 北京", "Αθήνα|القاهرة|ירושלים|हिन्दी|北京" },
    { "", "" },
    { " ... — ", "" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GArray) spans = tri_word_tokenize (cases[c].text, -1);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint i = 0; i < spans->len; i++)
        {
          g_autofree char *w = word_at (cases[c].text, &g_array_index (spans, TriWordSpan, i));

          g_string_append_printf (got, i > 0 ? "|%s" : "%s", w);
        }
      g_assert_cmpstr (got->str, ==, cases[c].words);
    }
}

static void
test_numbers (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "By 1984, thirty percent of the bridge was rebuilt.",
    "К 1984 году было перестроено 30 % моста.",
    "До 1984 року було перебудовано тридцять відсотків мосту.",
  };
  g_autoptr(TriWordRow) row = align3 (wa, texts);

  g_assert_true (linked (row, texts, 0, "1984", 1, "1984"));
  g_assert_true (linked (row, texts, 1, "1984", 2, "1984"));
  g_assert_true (linked (row, texts, 0, "thirty", 1, "30"));
  g_assert_true (linked (row, texts, 0, "thirty", 2, "тридцять"));
  g_assert_true (linked (row, texts, 1, "30", 2, "тридцять"));
  /* a number is never linked with another number */
  g_assert_false (linked (row, texts, 0, "1984", 1, "30"));
}

static void
test_names (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "Virat Kohli and Rohit Sharma played in Black Desert.",
    "Вират Кохли и Рохит Шарма играли в Black Desert.",
    "Вірат Кохлі та Рохіт Шарма грали в Black Desert.",
  };
  g_autoptr(TriWordRow) row = align3 (wa, texts);

  g_assert_true (linked (row, texts, 0, "Kohli", 1, "Кохли"));
  g_assert_true (linked (row, texts, 0, "Sharma", 2, "Шарма"));
  g_assert_true (linked (row, texts, 1, "Кохли", 2, "Кохлі"));
  /* a Latin token kept as it is */
  g_assert_true (linked (row, texts, 0, "Desert", 1, "Desert"));
  g_assert_true (linked (row, texts, 1, "Black", 2, "Black"));
}

/* Inflected forms through Hunspell's stems and the dictionary:
 * "mice" ↔ «мышей» (mouse, мышь), "said" ↔ «сказал» (say, сказать). */
static void
test_dictionary_and_stems (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "In the old hospitals they found mice, he said.",
    "В старых больницах нашли мышей, сказал он.",
    "У старих лікарнях знайшли мишей, сказав він.",
  };
  g_autoptr(TriWordRow) row = align3 (wa, texts);

  g_assert_true (linked (row, texts, 0, "mice", 1, "мышей"));
  g_assert_true (linked (row, texts, 0, "hospitals", 1, "больницах"));
  g_assert_true (linked (row, texts, 0, "said", 1, "сказал"));
  /* English–Ukrainian through the Russian translations' spelling */
  g_assert_true (linked (row, texts, 0, "mice", 2, "мишей"));
}

/* Russian–Ukrainian cognates, inflected, with a prefix, spelt apart */
static void
test_cognates (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "",
    "Врачи подтвердили, что пациент Хантингтон в стабильном состоянии; его нашли утром.",
    "Лікарі підтвердили, що пацієнт Гантінгтон у стабільному стані; його знайшли вранці.",
  };
  g_autoptr(TriWordRow) row = align3 (wa, texts);

  g_assert_true (linked (row, texts, 1, "подтвердили", 2, "підтвердили"));
  g_assert_true (linked (row, texts, 1, "пациент", 2, "пацієнт"));
  g_assert_true (linked (row, texts, 1, "стабильном", 2, "стабільному"));
  g_assert_true (linked (row, texts, 1, "нашли", 2, "знайшли"));
  g_assert_true (linked (row, texts, 1, "Хантингтон", 2, "Гантінгтон"));
  /* different words are no cognates */
  g_assert_false (linked (row, texts, 1, "состоянии", 2, "стабільному"));
}

/* A word one version adds has no counterpart; the API says so. */
static void
test_no_counterpart (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "The patient was admitted to the hospital.",
    "Пациент поступил в больницу.",
    "Пацієнт також надійшов до лікарні.",
  };
  g_autoptr(TriWordRow) row = align3 (wa, texts);
  guint also = index_of (row, texts, 2, "також");
  guint the = index_of (row, texts, 0, "The");
  guint patient = index_of (row, texts, 0, "patient");
  guint words[4];

  g_assert_false (tri_word_row_has_counterpart (row, 2, also, 0));
  g_assert_false (tri_word_row_has_counterpart (row, 2, also, 1));
  g_assert_false (tri_word_row_has_counterpart (row, 0, the, 1));
  g_assert_false (tri_word_row_has_counterpart (row, 0, the, 2));
  g_assert_true (tri_word_row_has_counterpart (row, 0, patient, 1));
  g_assert_cmpuint (tri_word_row_get_counterparts (row, 0, patient, 2, words, G_N_ELEMENTS (words)), ==, 1);
  g_assert_cmpuint (words[0], ==, index_of (row, texts, 2, "Пацієнт"));
  /* the links both ways agree */
  g_assert_cmpuint (tri_word_row_get_counterparts (row, 2, words[0], 0, words, 1), ==, 1);
  g_assert_cmpuint (words[0], ==, patient);
  /* the word under a byte offset */
  g_assert_cmpint (tri_word_row_find_word (row, 0, 5), ==, (int)patient);
  g_assert_cmpint (tri_word_row_find_word (row, 0, 3), ==, -1);
}

/* A user lexicon: made-up pairs, so that nothing else could link them. */
static double
toy_lexicon (const char *la,
             const char *a,
             const char *lb,
             const char *b,
             gpointer    data)
{
  static const struct { const char *a, *b; double score; } pairs[] = {
    { "get", "выбирались", 0.9 }, { "out", "выбирались", 0.8 },
    { "zorblat", "зорблат", 0.9 }, { "зорблат", "квакля", 0.9 },
    { "blorf", "блорф", 0.6 }, { "blorf", "глумпа", 0.6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if ((g_str_equal (a, pairs[i].a) && g_str_equal (b, pairs[i].b)) ||
        (g_str_equal (b, pairs[i].a) && g_str_equal (a, pairs[i].b)))
      return pairs[i].score;
  return 0.0;
}

static void
test_many_to_many (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = { "They could get out.", "Они выбирались.", "" };
  g_autoptr(TriWordRow) row = NULL;
  guint words[4];

  tri_word_aligner_set_lexicon (wa, toy_lexicon, NULL, NULL);
  row = align3 (wa, texts);
  g_assert_true (linked (row, texts, 0, "get", 1, "выбирались"));
  g_assert_true (linked (row, texts, 0, "out", 1, "выбирались"));
  g_assert_cmpuint (tri_word_row_get_counterparts (row, 1, index_of (row, texts, 1, "выбирались"), 0,
                                                   words, G_N_ELEMENTS (words)), ==, 2);
}

/* en→ru and ru→uk make en→uk, where nothing links them directly */
static void
test_three_way (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = { "A zorblat came.", "Пришёл зорблат.", "Прийшла квакля." };
  g_autoptr(TriWordRow) with = NULL;
  g_autoptr(TriWordRow) without = NULL;

  tri_word_aligner_set_lexicon (wa, toy_lexicon, NULL, NULL);
  with = align3 (wa, texts);
  g_assert_true (linked (with, texts, 0, "zorblat", 1, "зорблат"));
  g_assert_true (linked (with, texts, 1, "зорблат", 2, "квакля"));
  g_assert_true (linked (with, texts, 0, "zorblat", 2, "квакля"));

  tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_THREE_WAY & ~TRI_WORD_EVIDENCE_CLOSURE);
  without = align3 (wa, texts);
  g_assert_false (linked (without, texts, 0, "zorblat", 2, "квакля"));
}

/* The document lexicon: words that keep sharing rows */
static void
test_document (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *cells[] = {
    "The quokka slept.", "Квокка спала.", "Квока спала.",
    "A quokka ate leaves.", "Квокка ела листья.", "Квока їла листя.",
    "They saw a quokka there.", "Там видели квокку.", "Там бачили квоку.",
  };
  const char *texts[3] = { "Every quokka smiles.", "Каждая квокка улыбается.", "Кожна квока усміхається." };
  g_autoptr(TriWordRow) before = NULL;
  g_autoptr(TriWordRow) after = NULL;

  tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_NAMES & ~TRI_WORD_EVIDENCE_ORDER);
  before = align3 (wa, texts);
  g_assert_false (linked (before, texts, 0, "quokka", 1, "квокка"));
  tri_word_aligner_learn (wa, 3, cells);
  after = align3 (wa, texts);
  g_assert_true (linked (after, texts, 0, "quokka", 1, "квокка"));
}

/* The document lexicon is IBM Model 1's, not co-occurrence alone: a word
 * that shares rows with a frequent word is not its counterpart when
 * another word of those rows explains it (Dice linked minister ↔ бюджет
 * here); and it counts stems, so inflected forms teach one another. */
static void
test_document_explains (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *cells[] = {
    "The minister signed the budget.", "Министр подписал бюджет.", "Міністр підписав бюджет.",
    "The minister defended the budget.", "Министр защитил бюджет.", "Міністр захистив бюджет.",
    "The minister resigned.", "Министр ушёл в отставку.", "Міністр пішов у відставку.",
    "The minister spoke to reporters.", "Министр говорил с журналистами.", "Міністр говорив з журналістами.",
    "Reporters asked about the budget.", "Журналисты спросили о бюджете.", "Журналісти запитали про бюджет.",
  };
  const char *texts[3] = { "The minister arrived.", "Бюджет утвердили.", "Бюджет затвердили." };
  const char *texts2[3] = { "Budgets grow.", "Бюджеты растут.", "Бюджети ростуть." };
  g_autoptr(TriWordRow) row = NULL;
  g_autoptr(TriWordRow) row2 = NULL;

  tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_DOCUMENT | TRI_WORD_EVIDENCE_STEMS);
  tri_word_aligner_learn (wa, G_N_ELEMENTS (cells) / 3, cells);
  row = align3 (wa, texts);
  g_assert_false (linked (row, texts, 0, "minister", 1, "Бюджет"));
  g_assert_false (linked (row, texts, 0, "minister", 2, "Бюджет"));
  /* plural forms never seen in the rows learnt, through their stems */
  row2 = align3 (wa, texts2);
  g_assert_true (linked (row2, texts2, 0, "Budgets", 1, "Бюджеты"));
}

/* A word the document translates in several ways (car, vehicle, automobile,
 * motorcar ↔ машина, автомобиль, авто): IBM Model 1 spreads it over them
 * and no pair is strong both ways, but in a row where the rest is
 * explained, car and машину are each other's likeliest source. */
static void
test_document_likeliest (void)
{
  static const char *en[] = { "car", "vehicle", "automobile", "motorcar" };
  static const char *ru[] = { "машину", "автомобиль", "авто" };
  static const char *uk[] = { "машину", "автомобіль", "авто" };
  static const char *verbs[][3] = { { "saw", "видели", "бачили" }, { "parked", "припарковали", "припаркували" },
                                    { "washed", "помыли", "помили" }, { "sold", "продали", "продали" } };
  static const char *places[][3] = { { "near the school", "у школы", "біля школи" },
                                     { "at the station", "на вокзале", "на вокзалі" },
                                     { "on the bridge", "на мосту", "на мосту" },
                                     { "by the river", "у реки", "біля річки" } };
  const char *texts[3] = { "Nobody bought the car.", "Никто не купил машину.", "Ніхто не купив машину." };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < 2; k++)
    for (guint e = 0; e < G_N_ELEMENTS (en); e++)
      for (guint r = 0; r < G_N_ELEMENTS (ru); r++)
        {
          guint p = (e + r + k) % 4, v = (e + 2 * r + 3 * k) % 4;

          g_ptr_array_add (cells, g_strdup_printf ("We %s the %s %s.", verbs[v][0], en[e], places[p][0]));
          g_ptr_array_add (cells, g_strdup_printf ("Мы %s %s %s.", verbs[v][1], ru[r], places[p][1]));
          g_ptr_array_add (cells, g_strdup_printf ("Ми %s %s %s.", verbs[v][2], uk[r], places[p][2]));
        }

  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
      g_autoptr(TriWordRow) row = NULL;

      tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_DOCUMENT | TRI_WORD_EVIDENCE_STEMS |
                                         (with ? TRI_WORD_EVIDENCE_POSTERIOR : 0));
      tri_word_aligner_learn (wa, cells->len / 3, (const char * const *)cells->pdata);
      row = align3 (wa, texts);
      /* too weak for the lexicon alone */
      g_assert_true (linked (row, texts, 0, "car", 1, "машину") == (with == 1));
      g_assert_true (linked (row, texts, 0, "car", 2, "машину") == (with == 1));
    }
}

/* The links drawn are closed through the third version: English and
 * Ukrainian have no evidence of their own here (the Ukrainian adds a word,
 * so word order does not pair them), but bought ↔ купил by word order and
 * купил ↔ купив as cognates make bought ↔ купив. */
static void
test_closure (void)
{
  const char *texts[3] = { "Yesterday Ivan bought bread.", "Вчера Иван купил хлеб.", "Учора Іван купив свіжий хліб." };

  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_NAMES | TRI_WORD_EVIDENCE_COGNATES |
                                                     TRI_WORD_EVIDENCE_ORDER | TRI_WORD_EVIDENCE_STEMS |
                                                     (with ? TRI_WORD_EVIDENCE_CLOSURE : 0));

      g_assert_true (linked (row, texts, 0, "bought", 1, "купил"));
      g_assert_true (linked (row, texts, 1, "купил", 2, "купив"));
      g_assert_true (linked (row, texts, 0, "bought", 2, "купив") == (with == 1));
      g_assert_true (linked (row, texts, 0, "bread", 2, "хліб") == (with == 1));
      /* what the third version has nothing for stays unlinked */
      g_assert_false (linked (row, texts, 0, "bread", 2, "свіжий"));
    }
}

/* A link the closure adds is an anchor for word order: блорф ↔ глумпа
 * (each linked to blorf, too weakly for the three-way candidates) splits
 * the Russian and Ukrainian row into gaps short enough to pair in order. */
static void
test_closure_anchors_order (void)
{
  const char *texts[3] = { "Yesterday evening the old blorf slept soundly at home.",
                           "Вчера вечером старый блорф крепко уснул дома.",
                           "Учора ввечері старий глумпа міцно заснув удома." };

  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
      g_autoptr(TriWordRow) row = NULL;

      tri_word_aligner_set_lexicon (wa, toy_lexicon, NULL, NULL);
      tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_USER | TRI_WORD_EVIDENCE_ORDER |
                                         (with ? TRI_WORD_EVIDENCE_CLOSURE : 0));
      row = align3 (wa, texts);
      g_assert_true (linked (row, texts, 1, "блорф", 2, "глумпа") == (with == 1));
      g_assert_true (linked (row, texts, 1, "старый", 2, "старий") == (with == 1));
      g_assert_true (linked (row, texts, 1, "уснул", 2, "заснув") == (with == 1));
    }
}

/* Russian and Ukrainian words that are no cognates, through Apertium's
 * bilingual dictionary (apertium-rus-ukr, in build-aux/dev's packages) and
 * Hunspell's lemmas: больницу → больница → лікарня ← лікарні. */
static void
test_apertium (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = { "", "Вчера его отвезли в больницу, и врачи очень хорошо о нём заботятся.",
                           "Учора його відвезли до лікарні, і лікарі дуже добре про нього дбають." };
  g_autoptr(TriWordRow) row = NULL;

  tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_ORDER);
  row = align3 (wa, texts);
  g_assert_true (linked (row, texts, 1, "больницу", 2, "лікарні"));
  g_assert_true (linked (row, texts, 1, "очень", 2, "дуже"));
  g_assert_true (linked (row, texts, 1, "хорошо", 2, "добре"));
  g_assert_true (linked (row, texts, 1, "врачи", 2, "лікарі"));
}

/* A word first met among a dictionary's translations (больница, from
 * English "hospital"; such words get no stems or skeleton then) is linked
 * like any other when a row has it, in any form. */
static void
test_translation_words_later (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *first[3] = { "The hospital is open.", "", "" };
  const char *texts[3] = { "", "Больница Хантингтона закрыта, больницы города переполнены.",
                           "Лікарня Гантінгтона закрита, лікарні міста переповнені." };
  g_autoptr(TriWordRow) row1 = NULL;
  g_autoptr(TriWordRow) row2 = NULL;

  row1 = align3 (wa, first);
  row2 = align3 (wa, texts);
  g_assert_true (linked (row2, texts, 1, "Больница", 2, "Лікарня"));
  g_assert_true (linked (row2, texts, 1, "больницы", 2, "лікарні"));
  g_assert_true (linked (row2, texts, 1, "Хантингтона", 2, "Гантінгтона"));
}

/* Function words that clearly correspond, which the dictionaries list
 * poorly: he ↔ он ↔ він, and ↔ и ↔ та; and a common English word is no
 * name ("and" is not «она»). */
static void
test_function_words (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = { "He added that she and her sister were there.",
                           "Он добавил, что она и её сестра были там.",
                           "Він додав, що вона та її сестра були там." };
  g_autoptr(TriWordRow) row = NULL;

  tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_ORDER);
  row = align3 (wa, texts);
  g_assert_true (linked (row, texts, 0, "He", 1, "Он"));
  g_assert_true (linked (row, texts, 0, "He", 2, "Він"));
  g_assert_true (linked (row, texts, 0, "and", 1, "и"));
  g_assert_true (linked (row, texts, 0, "and", 2, "та"));
  g_assert_true (linked (row, texts, 0, "her", 2, "її"));
  g_assert_false (linked (row, texts, 0, "and", 1, "она"));
  g_assert_false (linked (row, texts, 0, "and", 2, "вона"));
}

/* lttoolbox's variable-length numbers */
static void
put_number (GByteArray *b,
            guint       value)
{
  guint8 bytes[2] = { 0x40 | (value >> 8), value & 0xff };

  if (value < 0x40)
    g_byte_array_append (b, (guint8 *)&value, 1);
  else
    g_byte_array_append (b, bytes, 2);
}

/* The reader of compiled bilingual dictionaries, on a transducer made by
 * hand as lttoolbox writes one: кот<n> : кіт<n>, and a number pattern
 * with a loop that is no word; a truncated file is an error, not a crash. */
static void
test_apertium_reader (void)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(TriDictionary) dict = tri_dictionary_new ();
  g_autoptr(TriDictionary) reversed = tri_dictionary_new ();
  g_autoptr(TriDictionary) broken = tri_dictionary_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tri-apertium-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rus-ukr.autobil.bin", NULL);
  const gunichar left[] = { 0x43A, 0x43E, 0x442 }, right[] = { 0x43A, 0x456, 0x442 };
  const char * const *found;
  guint n;

  g_byte_array_append (b, (const guint8 *)"LTTB\0\0\0\0\0\0\0\0", 12);
  put_number (b, 0);                        /* letters */
  put_number (b, 1);                        /* tags: <n> */
  put_number (b, 1);
  put_number (b, 'n');
  put_number (b, 5);                        /* symbol pairs, biased by 1 */
  for (guint i = 0; i < 3; i++)
    {
      put_number (b, left[i] + 1);
      put_number (b, right[i] + 1);
    }
  put_number (b, 0), put_number (b, 0);     /* <n>:<n> */
  put_number (b, '7' + 1), put_number (b, '7' + 1);
  put_number (b, 1);                        /* one transducer */
  put_number (b, 4);
  for (const char *c = "main"; *c; c++)
    put_number (b, *c);
  g_byte_array_append (b, (const guint8 *)"LTTD\0\0\0\0\0\0\0\0", 12);
  put_number (b, 0);                        /* initial */
  put_number (b, 1), put_number (b, 4);     /* finals: 4 */
  put_number (b, 5);                        /* states */
  put_number (b, 2);                        /* 0: к:к → 1, 7:7 → 0 (a loop) */
  put_number (b, 0), put_number (b, 1);
  put_number (b, 4), put_number (b, 0);
  for (guint s = 1; s < 4; s++)             /* о:і, т:т, <n>:<n> */
    put_number (b, 1), put_number (b, s), put_number (b, 1);
  put_number (b, 0);

  g_assert_true (g_file_set_contents (path, (const char *)b->data, b->len, NULL));
  g_assert_true (tri_apertium_load_bidix (dict, path, FALSE, &error));
  g_assert_no_error (error);
  found = tri_dictionary_lookup (dict, "кот", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (found[0], ==, "кіт");
  g_assert_cmpuint (tri_dictionary_get_size (dict), ==, 1);
  g_assert_true (tri_apertium_load_bidix (reversed, path, TRUE, NULL));
  found = tri_dictionary_lookup (reversed, "кіт", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (found[0], ==, "кот");

  g_assert_true (g_file_set_contents (path, (const char *)b->data, b->len - 6, NULL));
  g_assert_false (tri_apertium_load_bidix (broken, path, FALSE, &error));
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ);

  g_unlink (path);
  g_rmdir (dir);
}

/* Without apertium-rus-ukr the aligner does without it (main() sets the
 * subprocess's TRIPTYCH_APERTIUM_DIR to a directory that is not there). */
static void
test_apertium_absent (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TriWordAligner) wa = NULL;
      const char *texts[3] = { "", "Его отвезли в больницу.", "Його відвезли до лікарні." };
      g_autoptr(TriWordRow) row = NULL;

      wa = tri_word_aligner_new (3, langs);
      tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_ORDER);
      row = align3 (wa, texts);
      g_assert_false (linked (row, texts, 1, "больницу", 2, "лікарні"));
      g_assert_true (linked (row, texts, 1, "отвезли", 2, "відвезли"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Russian and Ukrainian word order: a word between links pairs with the
 * word between their counterparts (поклонников ↔ шанувальників: no
 * cognates, in no dictionary) */
static void
test_word_order (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = { "", "Вчера министр выбрал новых поклонников клуба.", "Вчора міністр обрав нових шанувальників клубу." };
  g_autoptr(TriWordRow) with = NULL;
  g_autoptr(TriWordRow) without = NULL;

  with = align3 (wa, texts);
  g_assert_true (linked (with, texts, 1, "поклонников", 2, "шанувальників"));
  g_assert_true (linked (with, texts, 1, "новых", 2, "нових"));
  tri_word_aligner_set_evidence (wa, TRI_WORD_EVIDENCE_ALL & ~TRI_WORD_EVIDENCE_ORDER);
  without = align3 (wa, texts);
  g_assert_false (linked (without, texts, 1, "поклонников", 2, "шанувальників"));
}

/* Gaps of unequal length between links that hold as many unlinked content
 * words: the function word "the" has no counterpart, the content words
 * pair in order (zibber ↔ фрумпель: no evidence but their place). */
static void
test_content_gaps (void)
{
  const char *texts[3] = { "In 2019 the zibber visited 12 towns.", "В 2019 фрумпель посетил 12 городов.", "" };

  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_NUMBERS | TRI_WORD_EVIDENCE_ORDER |
                                                     (with ? TRI_WORD_EVIDENCE_CONTENT_GAPS : 0));

      g_assert_true (linked (row, texts, 0, "2019", 1, "2019"));
      g_assert_true (linked (row, texts, 0, "towns", 1, "городов"));
      g_assert_true (linked (row, texts, 0, "zibber", 1, "фрумпель") == (with == 1));
      g_assert_true (linked (row, texts, 0, "visited", 1, "посетил") == (with == 1));
      g_assert_false (linked (row, texts, 0, "the", 1, "фрумпель"));
    }
}

/* Phrase blocks: «включая» is translated as a unit, «у тому числі», in a
 * gap between links with nothing else in it, so it links with the unit's
 * content words — and, being in the connectives' table, with «у» too (the
 * rubric's unit); an added «також» (a closed-class word with no
 * counterpart) stays unlinked, and the literal run «деревянные
 * колёса» ↔ «дерев'яні колеса» stays one to one. English too: "you learn"
 * ↔ «узнать», "you" (closed class) left out. */
static void
test_blocks (void)
{
  const char *texts[3] = {
    "",
    "В 2019 мы купили деревянные колёса и 12 машин, включая 7 грузовиков.",
    "У 2019 ми також купили дерев'яні колеса і 12 машин, у тому числі 7 вантажівок.",
  };
  const char *english[3] = {
    "This book helps you learn much about grammar.",
    "Эта книга поможет узнать много о грамматике.",
    "",
  };

  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL & ~(with ? 0 : TRI_WORD_EVIDENCE_BLOCKS));

      g_assert_true (linked (row, texts, 1, "машин", 2, "машин"));
      g_assert_true (linked (row, texts, 1, "7", 2, "7"));
      g_assert_true (linked (row, texts, 1, "включая", 2, "тому") == (with == 1));
      g_assert_true (linked (row, texts, 1, "включая", 2, "числі") == (with == 1));
      g_assert_true (linked (row, texts, 1, "включая", 2, "у") == (with == 1));
      g_assert_false (tri_word_row_has_counterpart (row, 2, index_of (row, texts, 2, "також"), 1));
      g_assert_true (linked (row, texts, 1, "деревянные", 2, "дерев'яні"));
      g_assert_true (linked (row, texts, 1, "колёса", 2, "колеса"));
      g_assert_false (linked (row, texts, 1, "деревянные", 2, "колеса"));
      g_assert_false (linked (row, texts, 1, "колёса", 2, "дерев'яні"));
    }
  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(TriWordRow) row = align_with (english, TRI_WORD_EVIDENCE_ALL & ~(with ? 0 : TRI_WORD_EVIDENCE_BLOCKS));

      g_assert_true (linked (row, english, 0, "helps", 1, "поможет"));
      g_assert_true (linked (row, english, 0, "learn", 1, "узнать") == (with == 1));
      g_assert_false (linked (row, english, 0, "you", 1, "узнать"));
    }
}

/* Forms of быть / бути are auxiliaries and copulas like English "were",
 * which the rubric links with nothing: a dictionary phrase with «быть»
 * among the translations of "wooden" must not make "wooden" ↔ «были»;
 * «были» ↔ «були» still correspond. */
static void
test_be_forms (void)
{
  const char *texts[3] = {
    "By then the old wheels were wooden.",
    "К тому времени старые колёса были деревянными.",
    "На той час старі колеса були дерев'яними.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 0, "wooden", 1, "деревянными"));
  g_assert_true (linked (row, texts, 1, "деревянными", 2, "дерев'яними"));
  g_assert_true (linked (row, texts, 1, "были", 2, "були"));
  g_assert_false (linked (row, texts, 0, "wooden", 1, "были"));
  g_assert_false (linked (row, texts, 0, "wooden", 2, "були"));
}

/* Function words in an equal gap between links pair in order: Russian
 * and Ukrainian ones («что» ↔ «як»: "as"), and English prepositions with
 * theirs ("in" ↔ «в»), but not the English words the rubric links with
 * nothing (articles, "of": the price of ↔ цена на). */
static void
test_gap_function_words (void)
{
  const char *texts[3] = {
    "They need the same adaptations as before.",
    "Им нужны те же адаптации, что и раньше.",
    "Їм потрібні ті самі адаптації, як і раніше.",
  };
  const char *prepositions[3] = {
    "He works in Moscow, and the price of bread grew.",
    "Он работает в Москве, и цена на хлеб выросла.",
    "Він працює в Москві, і ціна на хліб зросла.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);
  g_autoptr(TriWordRow) row2 = align_with (prepositions, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 1, "адаптации", 2, "адаптації"));
  g_assert_true (linked (row, texts, 1, "раньше", 2, "раніше"));
  g_assert_true (linked (row, texts, 1, "что", 2, "як"));
  g_assert_false (linked (row, texts, 0, "the", 1, "те"));

  g_assert_true (linked (row2, prepositions, 0, "works", 1, "работает"));
  g_assert_true (linked (row2, prepositions, 0, "Moscow", 1, "Москве"));
  g_assert_true (linked (row2, prepositions, 0, "in", 1, "в"));
  g_assert_true (linked (row2, prepositions, 0, "in", 2, "в"));
  g_assert_true (linked (row2, prepositions, 0, "price", 1, "цена"));
  g_assert_true (linked (row2, prepositions, 0, "bread", 1, "хлеб"));
  g_assert_false (linked (row2, prepositions, 0, "of", 1, "на"));
  g_assert_false (linked (row2, prepositions, 0, "of", 2, "на"));
}

/* A gap of unequal sides, English with Russian or Ukrainian: the single
 * preposition of each side pairs ("in the" ↔ «в»), the article stays
 * unlinked. */
static void
test_gap_prepositions (void)
{
  const char *texts[3] = {
    "He lives in the old city.",
    "Он живёт в старом городе.",
    "Він живе в старому місті.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 0, "lives", 1, "живёт"));
  g_assert_true (linked (row, texts, 0, "old", 1, "старом"));
  g_assert_true (linked (row, texts, 0, "in", 1, "в"));
  g_assert_true (linked (row, texts, 0, "in", 2, "в"));
  g_assert_false (tri_word_row_has_counterpart (row, 0, index_of (row, texts, 0, "the"), 1));
}

/* Whether @row links word @i of version @va with word @j of @vb. */
static gboolean
linked_at (const TriWordRow *row,
           guint             va,
           guint             i,
           guint             vb,
           guint             j)
{
  guint n;
  const TriWordLink *links = tri_word_row_get_links (row, va, vb, &n);

  for (guint l = 0; l < n; l++)
    if (links[l].a == i && links[l].b == j)
      return TRUE;
  return FALSE;
}

/* A word both versions repeat is linked occurrence by occurrence: the
 * second "millions" lies nearest the first «миллионов» by the diagonal,
 * which once linked them crosswise. */
static void
test_repeats (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "The new law affected the lives of millions upon millions of people across the country.",
    "Новый закон, принятый парламентом в прошлом году, изменил жизнь миллионов и миллионов людей по всей стране.",
    "",
  };
  g_autoptr(TriWordRow) row = align3 (wa, texts);
  guint en = index_of (row, texts, 0, "millions"), ru = index_of (row, texts, 1, "миллионов");

  g_assert_true (linked_at (row, 0, en, 1, ru));
  g_assert_true (linked_at (row, 0, en + 2, 1, ru + 2));
  g_assert_false (linked_at (row, 0, en, 1, ru + 2));
}

/* Russian and Ukrainian words of equal scores: the pair spelt alike first.
 * диабет and диабета, діабет and діабету share their lemmas, so each
 * Russian form scores the same with both Ukrainian ones; the diagonal
 * paired them crosswise (the Ukrainian says the clauses the other way). */
static void
test_spelt_alike (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "",
    "Раньше у мышей был диабет, но теперь диабета у них нет.",
    "Тепер діабету в мишей немає, хоча раніше вони мали діабет.",
  };
  g_autoptr(TriWordRow) row = align3 (wa, texts);

  g_assert_true (linked (row, texts, 1, "диабет", 2, "діабет"));
  g_assert_true (linked (row, texts, 1, "диабета", 2, "діабету"));
}

/* A hyphenated compound is looked up by its head as well: the
 * dictionaries know «губернатор» and «конференция», not the compounds. */
static void
test_compounds (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "A bomb exploded outside the office of the governor on Monday.",
    "В понедельник у канцелярии генерал-губернатора взорвалась бомба.",
    "У понеділок біля канцелярії генерал-губернатора вибухнула бомба.",
  };
  const char *texts2[3] = {
    "The fans paid tribute to the singer at a press conference.",
    "Поклонники почтили память певца на пресс-конференции.",
    "Шанувальники вшанували пам'ять співака на прес-конференції.",
  };
  g_autoptr(TriWordRow) row = align3 (wa, texts);
  g_autoptr(TriWordRow) row2 = align3 (wa, texts2);

  g_assert_true (linked (row, texts, 0, "governor", 1, "генерал-губернатора"));
  g_assert_true (linked (row, texts, 0, "governor", 2, "генерал-губернатора"));
  g_assert_true (linked (row2, texts2, 0, "conference", 1, "пресс-конференции"));
  g_assert_true (linked (row2, texts2, 0, "conference", 2, "прес-конференції"));
}


/* Function words that clearly correspond though the dictionaries miss them
 * or give them no weight: until ↔ до, almost ↔ почти ↔ майже, every ↔
 * каждый ↔ кожен, and between Russian and Ukrainian the forms of быть /
 * бути where the sentences go apart around them. */
static void
test_closed_rows (void)
{
  const char *texts[3] = {
    "The old museum stays open until Sunday, and almost every visitor buys a guide.",
    "Старый музей открыт до воскресенья, и почти каждый посетитель покупает путеводитель.",
    "Старий музей відкритий до неділі, і майже кожен відвідувач купує путівник.",
  };
  const char *texts2[3] = {
    "",
    "Каддебэк был водителем этого автобуса.",
    "Куддебек був за кермом цього автобуса.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);
  g_autoptr(TriWordRow) row2 = align_with (texts2, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 0, "until", 1, "до"));
  g_assert_true (linked (row, texts, 0, "until", 2, "до"));
  g_assert_true (linked (row, texts, 0, "almost", 1, "почти"));
  g_assert_true (linked (row, texts, 0, "almost", 2, "майже"));
  g_assert_true (linked (row, texts, 0, "every", 1, "каждый"));
  g_assert_true (linked (row, texts, 0, "every", 2, "кожен"));
  g_assert_true (linked (row2, texts2, 1, "был", 2, "був"));
}

/* A preposition, like a function word, is only weakly a dictionary's
 * translation of an English word: the dictionaries made "many" ↔ «для»
 * (0.90, above "many" ↔ «многих»). */
static void
test_phrase_prepositions (void)
{
  const char *texts[3] = {
    "Thus the pencil was a good friend to many people when it came out.",
    "Таким образом, карандаш стал хорошим другом для многих людей, когда появился.",
    "",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 0, "many", 1, "многих"));
  g_assert_false (linked (row, texts, 0, "many", 1, "для"));
}

/* "for" and "to" ↔ «для» ↔ «для» (important to us ↔ важен для нас). */
static void
test_for_to (void)
{
  const char *texts[3] = {
    "Your feedback is very important to us.",
    "Ваш отзыв очень важен для нас.",
    "Ваш відгук дуже важливий для нас.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 0, "to", 1, "для"));
  g_assert_true (linked (row, texts, 0, "to", 2, "для"));
}

/* Russian–Ukrainian prepositions placed by their neighbours: of the three
 * «в», the one before «понедельник» is «у понеділок»'s. */
static void
test_minor_words_by_neighbours (void)
{
  const char *texts[3] = {
    "",
    "Умеренное землетрясение произошло в понедельник в западной части штата Монтана в 22:08.",
    "Помірний землетрус прокотився західною Монтаною о 22:08 у понеділок.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 1, "понедельник", 2, "понеділок"));
  g_assert_true (linked_at (row, 1, 3, 2, 8));     /* в понедельник ↔ у понеділок */
  g_assert_false (linked_at (row, 1, 10, 2, 8));   /* в 22:08 */
}

/* English negations in one word (hasn’t, cannot) ↔ «не», and "cannot"
 * ↔ «не может» both words. */
static void
test_negations (void)
{
  const char *texts[3] = {
    "The old captain hasn’t seen the sea for years, and he cannot swim.",
    "Старый капитан не видел моря много лет, и он не может плавать.",
    "Старий капітан не бачив моря багато років, і він не може плавати.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked_at (row, 0, index_of (row, texts, 0, "hasn’t"), 1, 2));
  g_assert_true (linked_at (row, 0, index_of (row, texts, 0, "hasn’t"), 2, 2));
  g_assert_true (linked (row, texts, 0, "cannot", 1, "может"));
  g_assert_true (linked_at (row, 0, index_of (row, texts, 0, "cannot"), 1, 10));
  g_assert_true (linked (row, texts, 0, "cannot", 2, "може"));
}

/* "as" and "like" ↔ «как» ↔ «як» (known as ↔ известен как, like the
 * Wild West ↔ как Дикий Запад). */
static void
test_as_like (void)
{
  const char *texts[3] = {
    "In the village the old doctor was known as a kind man, and we all walk around like it is a fair.",
    "В деревне старого врача знали как доброго человека, и мы все ходим как будто это ярмарка.",
    "У селі старого лікаря знали як доброго чоловіка, і ми всі ходимо як на ярмарку.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked_at (row, 0, index_of (row, texts, 0, "as"), 1, 5));
  g_assert_true (linked_at (row, 0, index_of (row, texts, 0, "as"), 2, 5));
  g_assert_true (linked_at (row, 0, index_of (row, texts, 0, "like"), 1, 12));
  g_assert_true (linked_at (row, 0, index_of (row, texts, 0, "like"), 2, 12));
}

/* "there" of place ↔ «там» ↔ «там» (There, among the trees, … ↔ Там, среди
 * деревьев, …). */
static void
test_there (void)
{
  const char *texts[3] = {
    "There, among the old trees, he found a small wooden house.",
    "Там, среди старых деревьев, он нашёл маленький деревянный дом.",
    "Там, серед старих дерев, він знайшов маленький дерев'яний будинок.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 0, "There", 1, "Там"));
  g_assert_true (linked (row, texts, 0, "There", 2, "Там"));
}

/* A learned lexicon's noise, here a user lexicon's: «персидской» ↔
 * «граматики» 0.8, above «персидской» ↔ «фарсі» 0.78. */
static double
noisy_lexicon (const char *language_a,
               const char *word_a,
               const char *language_b,
               const char *word_b,
               gpointer    user_data)
{
  if (!g_str_equal (word_a, "персидской"))
    return 0.0;
  return g_str_equal (word_b, "граматики") ? 0.8 : g_str_equal (word_b, "фарсі") ? 0.78 : 0.0;
}

/* Between Russian and Ukrainian a phrase's second partner is taken only
 * once every word has had its first: «персидской» links «фарсі», not also
 * «граматики», whose partner «грамматики» stands beside it. */
static void
test_second_partners_later (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = {
    "",
    "Студенты весь семестр изучали правила персидской грамматики.",
    "Студенти весь семестр вивчали правила граматики фарсі.",
  };
  g_autoptr(TriWordRow) row = NULL;

  tri_word_aligner_set_lexicon (wa, noisy_lexicon, NULL, NULL);
  row = align3 (wa, texts);
  g_assert_true (linked (row, texts, 1, "грамматики", 2, "граматики"));
  g_assert_true (linked (row, texts, 1, "персидской", 2, "фарсі"));
  g_assert_false (linked (row, texts, 1, "персидской", 2, "граматики"));
}

static double
wings_lexicon (const char *language_a,
               const char *word_a,
               const char *language_b,
               const char *word_b,
               gpointer    user_data)
{
  /* what a document taught: the verb beside «крылья» with «крила», and
   * «язык» with «іспанська» */
  if ((g_str_equal (word_a, "складывать") && g_str_equal (word_b, "крила")) ||
      (g_str_equal (word_a, "язык") && g_str_equal (word_b, "іспанська")))
    return 0.79;
  return 0.0;
}

/* Between Russian and Ukrainian a content word is not the second partner
 * of a word whose first partner stands beside it while the word on the
 * other side that would be its own waits unlinked just past it:
 * «складывать крылья» ↔ «згорнути свої крила». Where the other side has
 * no such word, the phrase keeps its second partner: «испанский язык» ↔
 * «іспанська». */
static void
test_second_partner_own_word (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *wings[3] = {
    "",
    "Только стрекозы не могут складывать крылья назад.",
    "Лише бабки не можуть згорнути свої крила назад.",
  };
  const char *spanish[3] = {
    "",
    "Испанский язык также широко используется в транспорте.",
    "Іспанська також широко використовується у транспорті.",
  };
  g_autoptr(TriWordRow) row = NULL;
  g_autoptr(TriWordRow) row2 = NULL;

  tri_word_aligner_set_lexicon (wa, wings_lexicon, NULL, NULL);
  row = align3 (wa, wings);
  g_assert_true (linked (row, wings, 1, "крылья", 2, "крила"));
  g_assert_false (linked (row, wings, 1, "складывать", 2, "крила"));
  row2 = align3 (wa, spanish);
  g_assert_true (linked (row2, spanish, 1, "Испанский", 2, "Іспанська"));
  g_assert_true (linked (row2, spanish, 1, "язык", 2, "Іспанська"));
}

/* IBM Model 1's likeliest pair between Russian and Ukrainian is not
 * taken across a link while the word the links' order gives it waits
 * free: a document that says «зарубежных» as «з-за кордону», always with
 * «будут принимать участие» ↔ «будуть брати участь», makes зарубежных and
 * брати each other's likeliest, but in «зарубежных правительств» ↔
 * «іноземних урядів брати» іноземних stands first. */
static void
test_posterior_order (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *cells[] = {
    "", "Гости из зарубежных стран будут принимать участие в фестивале.", "Гості з-за кордону будуть брати участь у фестивалі.",
    "", "Шесть зарубежных команд будут принимать участие в турнире.", "Шість команд з-за кордону будуть брати участь у турнірі.",
    "", "Стенды зарубежных компаний будут принимать участие в выставке.", "Компанії з-за кордону будуть брати участь у виставці.",
  };
  const char *texts[3] = {
    "",
    "Готовность зарубежных правительств выполнять эти документы весьма различна.",
    "Готовність іноземних урядів брати до уваги ці документи дуже різна.",
  };
  g_autoptr(TriWordRow) row = NULL;

  tri_word_aligner_learn (wa, G_N_ELEMENTS (cells) / 3, cells);
  row = align3 (wa, texts);
  g_assert_true (linked (row, texts, 1, "правительств", 2, "урядів"));
  g_assert_false (linked (row, texts, 1, "зарубежных", 2, "брати"));
}

/* Russian and Ukrainian connectives whose words do not correspond one to
 * one link as blocks: кроме того ↔ також, включая ↔ у тому числі. */
static void
test_connectives (void)
{
  const char *texts[3] = {
    "",
    "Кроме того, старый музей открыт по субботам, включая праздники.",
    "Також старий музей відкритий по суботах, у тому числі у свята.",
  };
  g_autoptr(TriWordRow) row = align_with (texts, TRI_WORD_EVIDENCE_ALL);

  g_assert_true (linked (row, texts, 1, "Кроме", 2, "Також"));
  g_assert_true (linked (row, texts, 1, "того", 2, "Також"));
  g_assert_true (linked_at (row, 1, index_of (row, texts, 1, "включая"), 2, index_of (row, texts, 2, "тому")));
  g_assert_true (linked_at (row, 1, index_of (row, texts, 1, "включая"), 2, index_of (row, texts, 2, "числі")));
  g_assert_true (linked (row, texts, 1, "музей", 2, "музей"));
}

static void
test_empty_cells (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  const char *texts[3] = { NULL, "", "Пацієнт надійшов." };
  g_autoptr(TriWordRow) row = align3 (wa, texts);
  guint n;

  g_assert_cmpuint (tri_word_row_get_n_versions (row), ==, 3);
  tri_word_row_get_words (row, 0, &n);
  g_assert_cmpuint (n, ==, 0);
  tri_word_row_get_words (row, 2, &n);
  g_assert_cmpuint (n, ==, 2);
  for (guint a = 0; a < 3; a++)
    for (guint b = 0; b < 3; b++)
      if (a != b)
        {
          tri_word_row_get_links (row, a, b, &n);
          g_assert_cmpuint (n, ==, 0);
        }
  g_assert_false (tri_word_row_has_counterpart (row, 2, 0, 1));
  tri_word_aligner_learn (wa, 1, texts);
}

/* Cells of 2,000 words: each sentence's number finds its own. */
static void
test_long_cells (void)
{
  g_autoptr(TriWordAligner) wa = tri_word_aligner_new (3, langs);
  g_autoptr(GString) en = g_string_new (NULL);
  g_autoptr(GString) ru = g_string_new (NULL);
  g_autoptr(GString) uk = g_string_new (NULL);
  const char *texts[3];
  g_autoptr(TriWordRow) row = NULL;
  guint n, nl;
  const TriWordLink *links;

  for (guint i = 0; i < 250; i++)
    {
      g_string_append_printf (en, "In %u the council met in Kyiv again. ", 1000 + i);
      g_string_append_printf (ru, "В %u году совет снова собрался в Киеве. ", 1000 + i);
      g_string_append_printf (uk, "У %u році рада знову зібралася в Києві. ", 1000 + i);
    }
  texts[0] = en->str;
  texts[1] = ru->str;
  texts[2] = uk->str;
  row = align3 (wa, texts);
  tri_word_row_get_words (row, 0, &n);
  g_assert_cmpuint (n, ==, 2000);

  links = tri_word_row_get_links (row, 0, 1, &nl);
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *year = g_strdup_printf ("%u", 1000 + i);
      guint w = 8 * i + 1, found = 0;
      guint partners[2];

      g_assert_cmpuint (tri_word_row_get_counterparts (row, 0, w, 1, partners, 2), ==, 1);
      g_assert_cmpuint (partners[0], ==, 8 * i + 1);
      for (guint l = 0; l < nl; l++)
        found += links[l].a == w;
      g_assert_cmpuint (found, ==, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(TriWordAligner) keeper = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* the subprocess of /word-align/apertium-absent: a system without
   * apertium-rus-ukr (dictionaries are read once per process) */
  if (g_test_subprocess ())
    g_setenv ("TRIPTYCH_APERTIUM_DIR", "/nonexistent", TRUE);
  /* keeps the Hunspell dictionaries loaded from test to test */
  keeper = tri_word_aligner_new (3, langs);

  g_test_add_func ("/word-align/tokenize", test_tokenize);
  g_test_add_func ("/word-align/numbers", test_numbers);
  g_test_add_func ("/word-align/names", test_names);
  g_test_add_func ("/word-align/dictionary-and-stems", test_dictionary_and_stems);
  g_test_add_func ("/word-align/cognates", test_cognates);
  g_test_add_func ("/word-align/no-counterpart", test_no_counterpart);
  g_test_add_func ("/word-align/many-to-many", test_many_to_many);
  g_test_add_func ("/word-align/three-way", test_three_way);
  g_test_add_func ("/word-align/document", test_document);
  g_test_add_func ("/word-align/document-explains", test_document_explains);
  g_test_add_func ("/word-align/document-likeliest", test_document_likeliest);
  g_test_add_func ("/word-align/closure", test_closure);
  g_test_add_func ("/word-align/closure-anchors-order", test_closure_anchors_order);
  g_test_add_func ("/word-align/apertium", test_apertium);
  g_test_add_func ("/word-align/apertium-reader", test_apertium_reader);
  g_test_add_func ("/word-align/apertium-absent", test_apertium_absent);
  g_test_add_func ("/word-align/translation-words-later", test_translation_words_later);
  g_test_add_func ("/word-align/function-words", test_function_words);
  g_test_add_func ("/word-align/word-order", test_word_order);
  g_test_add_func ("/word-align/content-gaps", test_content_gaps);
  g_test_add_func ("/word-align/blocks", test_blocks);
  g_test_add_func ("/word-align/be-forms", test_be_forms);
  g_test_add_func ("/word-align/gap-function-words", test_gap_function_words);
  g_test_add_func ("/word-align/gap-prepositions", test_gap_prepositions);
  g_test_add_func ("/word-align/repeats", test_repeats);
  g_test_add_func ("/word-align/spelt-alike", test_spelt_alike);
  g_test_add_func ("/word-align/compounds", test_compounds);
  g_test_add_func ("/word-align/closed-rows", test_closed_rows);
  g_test_add_func ("/word-align/phrase-prepositions", test_phrase_prepositions);
  g_test_add_func ("/word-align/for-to", test_for_to);
  g_test_add_func ("/word-align/minor-words-by-neighbours", test_minor_words_by_neighbours);
  g_test_add_func ("/word-align/negations", test_negations);
  g_test_add_func ("/word-align/as-like", test_as_like);
  g_test_add_func ("/word-align/there", test_there);
  g_test_add_func ("/word-align/second-partners-later", test_second_partners_later);
  g_test_add_func ("/word-align/second-partner-own-word", test_second_partner_own_word);
  g_test_add_func ("/word-align/posterior-order", test_posterior_order);
  g_test_add_func ("/word-align/connectives", test_connectives);
  g_test_add_func ("/word-align/empty-cells", test_empty_cells);
  g_test_add_func ("/word-align/long-cells", test_long_cells);

  return g_test_run ();
}

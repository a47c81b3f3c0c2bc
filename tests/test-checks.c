/* test-checks.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tri-checks.h"
#include "tri-test-utils.h"
#include "tri-names.h"

/* Rows as given, instead of in order. */
static void
set_beads (TriAlignment  *alignment,
           const TriBead *beads,
           guint          n)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TriBead));

  g_array_append_vals (rows, beads, n);
  tri_alignment_set_rows (alignment, rows);
}

/* "check@row" for every finding, space-separated. */
static char *
summary (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const TriFinding *f = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "%s%s@%u", i > 0 ? " " : "", f->check, f->row);
    }
  return g_string_free (out, FALSE);
}

/* summary() of the checks of three one-row versions. */
static char *
check3 (const char *en,
        const char *ru,
        const char *uk)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);

  return summary (findings);
}

static const char *en_ok =
  "Talks on the grain corridor resumed in Geneva on 14 March. "
  "“We came to solve a practical problem. Not to make speeches,” said Oleksandr Hrytsenko. "
  "The draft proposes a $1.2 billion fund for 1,000 ships; premiums are 2.5% of a ship’s value.";
static const char *ru_ok =
  "Переговоры о зерновом коридоре возобновились в Женеве 14 марта. "
  "«Мы приехали решать практическую задачу. А не произносить речи», — сказал Александр Гриценко. "
  "Проект предусматривает фонд в 1,2 млрд долл. для 1 000 судов; взносы составляют 2,5% стоимости судна.";
static const char *uk_ok =
  "Перемовини щодо зернового коридору відновилися в Женеві 14 березня. "
  "«Ми приїхали розв’язувати практичне завдання. А не виголошувати промови», — сказав Олександр Грищенко. "
  "Проєкт передбачає фонд у 1,2 млрд дол. для 1 000 суден; внески становлять 2,5% вартості судна.";

/* A faithful triple: numbers written three ways, a quotation over two
 * sentences in each language's marks, apostrophes: nothing to report. */
static void
test_faithful (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en_ok, ru_ok, uk_ok);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "");
}

/* Russian and Ukrainian quote names, English does not: no quotation is
 * missing. */
static void
test_quoted_names (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 ("Naftogaz and the Orion shipping line signed the contract.",
                                              "«Нафтогаз» и судоходная компания «Орион» подписали контракт.",
                                              "«Нафтогаз» і судноплавна компанія «Оріон» підписали контракт.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "");
}

/* Dates: a month named three ways is one number; a month changed in one
 * version is a mismatch, the verb "may" is no month. */
static void
test_months (void)
{
  g_autoptr(TriAlignment) same = tri_test_align3 ("Exports fell in February 2022, and they may fall again.",
                                         "Экспорт упал в феврале 2022 года и может снова упасть.",
                                         "Експорт упав у лютому 2022 року й може знову впасти.");
  g_autoptr(TriAlignment) changed = tri_test_align3 ("Exports fell in February 2022, and they may fall again.",
                                            "Экспорт упал в марте 2022 года и может снова упасть.",
                                            "Експорт упав у лютому 2022 року й може знову впасти.");
  g_autoptr(GPtrArray) none = tri_checks_run (same);
  g_autoptr(GPtrArray) one = tri_checks_run (changed);
  g_autofree char *found_none = summary (none);
  g_autofree char *found_one = summary (one);
  g_autofree char *month = NULL;

  g_assert_cmpstr (found_none, ==, "");
  g_assert_cmpstr (found_one, ==, "number-mismatch@0");
  month = tri_test_span_text (changed, g_ptr_array_index (one, 0), 1);
  g_assert_cmpstr (month, ==, "марте");
  g_assert_nonnull (strstr (((TriFinding *)g_ptr_array_index (one, 0))->message, "Russian has марте and lacks February"));
}

/* A figure changed in one version: an error with the figures' spans. */
static void
test_number_changed (void)
{
  g_autofree char *ru = g_strdup (ru_ok);
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  g_autofree char *en_span = NULL, *ru_span = NULL, *uk_span = NULL;
  char *at = strstr (ru, "1 000");
  const TriFinding *f;

  memcpy (at, "1 500", 5);
  alignment = tri_test_align3 (en_ok, ru, uk_ok);
  findings = tri_checks_run (alignment);
  found = summary (findings);
  /* Row 3: ICU splits the quotation into two sentences, two rows. */
  g_assert_cmpstr (found, ==, "number-mismatch@3");

  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->check, ==, "number-mismatch");
  g_assert_cmpint (f->severity, ==, TRI_SEVERITY_ERROR);
  /* The figure is marked in every version, the odd one's and the
   * others' it is to be compared with (only the odd one was). */
  en_span = tri_test_span_text (alignment, f, 0);
  ru_span = tri_test_span_text (alignment, f, 1);
  uk_span = tri_test_span_text (alignment, f, 2);
  g_assert_cmpstr (en_span, ==, "1,000");
  g_assert_cmpstr (ru_span, ==, "1 500");
  g_assert_cmpstr (uk_span, ==, "1 000");
  g_assert_nonnull (strstr (f->message, "Russian has 1 500 and lacks 1,000"));
  g_assert_cmpuint (f->languages, ==, 0x7);
  /* Russian is the version that deviates. */
  g_assert_cmpuint (f->odd, ==, 1u << 1);
}

/* The quotation turned into reported speech in one version. */
static void
test_quote_missing (void)
{
  const char *uk = "Перемовини щодо зернового коридору відновилися в Женеві 14 березня. "
                   "Олександр Грищенко сказав, що вони приїхали розв’язувати практичне завдання, а не виголошувати промови. "
                   "Проєкт передбачає фонд у 1,2 млрд дол. для 1 000 суден; внески становлять 2,5% вартості судна.";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en_ok, ru_ok, uk);
  /* The quotation's two sentences match the Ukrainian one. */
  TriBead beads[3] = {
    { { 0, 0, 0 }, { 1, 1, 1 }, 1.0, FALSE, FALSE },
    { { 1, 1, 1 }, { 2, 2, 1 }, 1.0, FALSE, FALSE },
    { { 3, 3, 2 }, { 1, 1, 1 }, 1.0, FALSE, FALSE },
  };
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  g_autofree char *quoted = NULL;
  const TriFinding *f;

  set_beads (alignment, beads, G_N_ELEMENTS (beads));
  findings = tri_checks_run (alignment);
  found = summary (findings);
  g_assert_cmpstr (found, ==, "quote-missing@1");
  f = g_ptr_array_index (findings, 0);
  quoted = tri_test_span_text (alignment, f, 1);
  g_assert_true (g_str_has_prefix (quoted, "«Мы приехали"));
  g_assert_true (g_str_has_suffix (quoted, "речи»"));
  g_assert_cmpuint (f->spans[2]->len, ==, 0);
}

/* Nested quotations in each language's marks ("„…“" inside "«…»" in
 * Russian, whose closing inner mark is the English opening one), a
 * quotation over two paragraphs the English way, and straight quotes. */
static void
test_nesting_and_paragraphs (void)
{
  const char *en = "“He said: ‘We will not sign’,” the minister recalled.\n\n"
                   "“The talks will go on.\n\n"
                   "“Nobody expects a deal before April,” he added. The \"draft\" was tabled.";
  const char *ru = "«Он сказал: „Мы не подпишем“», — вспомнил министр.\n\n"
                   "«Переговоры продолжатся.\n\n"
                   "«Никто не ждёт сделки до апреля», — добавил он. \"Проект\" был представлен.";
  const char *uk = "«Він сказав: „Ми не підпишемо“», — згадав міністр.\n\n"
                   "«Перемовини триватимуть.\n\n"
                   "«Ніхто не чекає угоди до квітня», — додав він. \"Проєкт\" було представлено.";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "");
}

/* A transcript: a speaker's label in one version, quotation marks in
 * another, is the same speech. */
static void
test_transcript (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 ("Moderator: We will now take questions from the press.",
                                              "Модератор: Сейчас мы ответим на вопросы прессы.",
                                              "Модератор: «Зараз ми відповімо на запитання преси».");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "");
}

/* A closing mark lost: the opening one pairs with nothing. */
static void
test_unbalanced (void)
{
  const char *ru = "Переговоры о зерновом коридоре возобновились в Женеве 14 марта. "
                   "«Мы приехали решать практическую задачу. А не произносить речи, — сказал Александр Гриценко. "
                   "Проект предусматривает фонд в 1,2 млрд долл. для 1 000 судов; взносы составляют 2,5% стоимости судна.";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en_ok, ru, uk_ok);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);
  g_autofree char *mark = NULL;
  const TriFinding *unbalanced = NULL;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((TriFinding *)g_ptr_array_index (findings, i))->check, "quote-unbalanced"))
      unbalanced = g_ptr_array_index (findings, i);
  g_assert_nonnull (unbalanced);
  mark = tri_test_span_text (alignment, unbalanced, 1);
  g_assert_cmpstr (mark, ==, "«");
  g_assert_cmpuint (unbalanced->row, ==, 1);
  /* And the row no longer has a quotation in Russian. */
  g_assert_nonnull (strstr (found, "quote-missing@1"));
}

/* The same quotation, a different figure inside it. */
static void
test_quote_mismatch (void)
{
  const char *en = "“We lost 40 ships this year,” the minister said.";
  const char *ru = "«В этом году мы потеряли 40 судов», — сказал министр.";
  const char *uk = "«Цього року ми втратили 14 суден», — сказав міністр.";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "number-mismatch@0 quote-mismatch@0");
}

/* A sentence with no counterpart. */
static void
test_missing_translation (void)
{
  const char *en = "Talks resumed in Geneva. Nobody signed.";
  const char *ru = "Переговоры возобновились в Женеве. Москва не ответила на запрос. Никто не подписал.";
  const char *uk = "Перемовини відновилися в Женеві. Москва не відповіла на запит. Ніхто не підписав.";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  TriBead beads[3] = {
    { { 0, 0, 0 }, { 1, 1, 1 }, 1.0, FALSE, FALSE },
    { { 1, 1, 1 }, { 0, 1, 1 }, 0.3, FALSE, FALSE },
    { { 1, 2, 2 }, { 1, 1, 1 }, 1.0, FALSE, FALSE },
  };
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  const TriFinding *f;

  set_beads (alignment, beads, G_N_ELEMENTS (beads));
  findings = tri_checks_run (alignment);
  found = summary (findings);
  g_assert_cmpstr (found, ==, "missing-translation@1");
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpuint (f->languages, ==, 0x7);
  g_assert_cmpuint (f->spans[0]->len, ==, 0);
  g_assert_cmpuint (f->spans[1]->len, ==, 2);
  g_assert_nonnull (strstr (f->message, "English"));
}

/* Spellings of one name across scripts and cases match; other names do
 * not. */
static void
test_name_skeletons (void)
{
  static const struct { const char *a_lang, *a, *b_lang, *b; gboolean same; } pairs[] = {
    { "en", "Zelenskyy", "ru", "Зеленского", TRUE },
    { "en", "Zelensky", "uk", "Зеленським", TRUE },
    { "en", "Kyiv", "ru", "Киев", TRUE },
    { "en", "Kiev", "uk", "Київ", TRUE },
    { "en", "Kyiv", "uk", "Києва", TRUE },
    { "en", "Lavrov", "ru", "Лаврову", TRUE },
    { "en", "Sollberger", "uk", "Зольбергером", TRUE },
    { "en", "Kharkiv", "ru", "Харькове", TRUE },
    { "en", "Geneva", "ru", "Женеве", TRUE },
    { "en", "Hrytsenko", "uk", "Гриценка", TRUE },
    { "en", "UK", "ru", "Великобритании", TRUE },
    { "en", "Sweden", "uk", "Швецією", TRUE },
    { "en", "Walsh", "ru", "Уолш", TRUE },
    { "en", "Squire", "uk", "Сквайр", TRUE },
    { "en", "Truss", "ru", "Трасс", TRUE },
    { "en", "Graham", "ru", "Грэм", TRUE },
    { "en", "Graham", "uk", "Греєм", TRUE },
    { "en", "Nugroho", "ru", "Нугрохо", TRUE },
    { "en", "Sessions", "ru", "Сэшнс", TRUE },
    { "en", "Sessions", "uk", "Сешнс", TRUE },
    { "en", "Kit", "ru", "Кит", TRUE },
    { "en", "Kit", "uk", "Кіт", TRUE },
    { "en", "Wade", "uk", "Уейд", TRUE },
    { "en", "China", "ru", "Китая", TRUE },
    /* Ukrainian г is h, and sounded (Парагвай: Parahvay). */
    { "en", "Paraguay", "uk", "Парагваю", TRUE },
    { "en", "Segregation", "uk", "Сегрегація", TRUE },
    /* A silent English h, a Ukrainian case ending (Ahmad, Ахмадом). */
    { "en", "Ahmad", "uk", "Ахмадом", TRUE },
    { "en", "Kit", "ru", "Китая", FALSE },
    { "en", "Graham", "ru", "Грант", FALSE },
    { "en", "Wade", "uk", "Уолл", FALSE },
    { "en", "Sweden", "ru", "Шевцов", FALSE },
    { "en", "Lavrov", "ru", "Петров", FALSE },
    { "en", "Blinken", "uk", "Лавров", FALSE },
    { "en", "Kyiv", "ru", "Минск", FALSE },
    { "en", "Sollberger", "ru", "Зеленский", FALSE },
  };
  g_autoptr(TriNames) names = tri_names_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *a = tri_names_skeleton (names, pairs[i].a_lang, pairs[i].a, -1);
      g_autofree char *b = tri_names_skeleton (names, pairs[i].b_lang, pairs[i].b, -1);

      if (tri_names_match (a, b) != pairs[i].same)
        g_error ("%s (%s) and %s (%s): expected %s", pairs[i].a, a, pairs[i].b, b,
                 pairs[i].same ? "a match" : "none");
    }
}

/* Names in three spellings, with case endings: nothing to report. */
static void
test_names_faithful (void)
{
  const char *en = "Swiss envoy Martin Sollberger arrived in Kyiv on Tuesday for talks with President Volodymyr Zelenskyy. "
                   "Zelenskyy thanked Sollberger for his mediation. "
                   "Russian Foreign Minister Sergei Lavrov called the visit pointless.";
  const char *ru = "Швейцарский посланник Мартин Зольбергер прибыл в Киев во вторник на переговоры с президентом Владимиром Зеленским. "
                   "Зеленский поблагодарил Зольбергера за посредничество. "
                   "Министр иностранных дел России Сергей Лавров назвал визит бессмысленным.";
  const char *uk = "Швейцарський посланець Мартін Зольбергер прибув до Києва у вівторок на перемовини з президентом Володимиром Зеленським. "
                   "Зеленський подякував Зольбергеру за посередництво. "
                   "Міністр закордонних справ Росії Сергій Лавров назвав візит безглуздим.";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "");
}

/* A name the Ukrainian version lacks, and another in its place that
 * only it has. */
static void
test_name_missing (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 ("The talks were chaired by the Swiss envoy Martin Sollberger.",
                                              "Переговоры вёл швейцарский посланник Мартин Зольбергер.",
                                              "Перемовини вів швейцарський посланець Мартін Келлер.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);
  g_autofree char *en_span = NULL, *ru_span = NULL;
  const TriFinding *f;

  g_assert_cmpstr (found, ==, "name-mismatch@0 name-mismatch@0");
  f = g_ptr_array_index (findings, 1);
  g_assert_cmpint (f->severity, ==, TRI_SEVERITY_INFO);
  g_assert_cmpstr (f->message, ==, "Only Ukrainian has “Келлер”");
  g_assert_cmpuint (f->languages, ==, 0x7);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, TRI_SEVERITY_WARNING);
  g_assert_cmpstr (f->message, ==, "Ukrainian has no counterpart of “Sollberger”");
  en_span = tri_test_span_text (alignment, f, 0);
  ru_span = tri_test_span_text (alignment, f, 1);
  g_assert_cmpstr (en_span, ==, "Sollberger");
  g_assert_cmpstr (ru_span, ==, "Зольбергер");
  g_assert_cmpuint (f->spans[2]->len, ==, 0);
  g_assert_cmpuint (f->languages, ==, 0x7);
}

/* The Ukrainian version has Blinken say what the others have Lavrov say;
 * both names are in every version. */
static void
test_quote_speaker (void)
{
  const char *en = "After meeting Blinken in Geneva, Lavrov said: “We are ready to continue the dialogue next week.”";
  const char *ru = "После встречи с Блинкеном в Женеве Лавров заявил: «Мы готовы продолжить диалог на следующей неделе».";
  const char *uk = "Після зустрічі з Лавровим у Женеві Блінкен заявив: «Ми готові продовжити діалог наступного тижня».";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);
  g_autofree char *en_span = NULL, *ru_span = NULL, *uk_span = NULL;
  const TriFinding *f;

  g_assert_cmpstr (found, ==, "quote-speaker@0");
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, TRI_SEVERITY_WARNING);
  en_span = tri_test_span_text (alignment, f, 0);
  ru_span = tri_test_span_text (alignment, f, 1);
  uk_span = tri_test_span_text (alignment, f, 2);
  g_assert_cmpstr (en_span, ==, "Lavrov");
  g_assert_cmpstr (ru_span, ==, "Лавров");
  g_assert_cmpstr (uk_span, ==, "Блінкен");
  g_assert_nonnull (strstr (f->message, "Ukrainian: “Блінкен”"));
}

/* «— сказав він Лаврову»: a pronoun names no speaker, and Lavrov, who is
 * spoken to, is none; the Russian names both, and Blinken is the English
 * speaker. The Ukrainian lacks Blinken all the same: name-mismatch. */
static void
test_quote_speaker_pronoun (void)
{
  const char *en = "“The sanctions will stay until the troops leave,” Blinken told Lavrov in Geneva.";
  const char *ru = "«Санкции останутся, пока войска не уйдут», — сказал Блинкен Лаврову в Женеве.";
  const char *uk = "«Санкції залишаться, доки війська не підуть», — сказав він Лаврову в Женеві.";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "name-mismatch@0");
  g_assert_cmpstr (((TriFinding *)g_ptr_array_index (findings, 0))->message, ==,
                   "Ukrainian has no counterpart of “Blinken”");
}

/* What typed and American text puts in quotation marks and the other
 * versions do not: inches, a straight mark closed by a curly one, a few
 * words quoted inside a clause with the period inside the marks, and a
 * title. None is a quotation missing. */
static void
test_quote_lookalikes (void)
{
  const char *en = "Prints up to 16x12\" reach Europe in 5 business days. "
                   "Click \"Account Settings” and choose the size. "
                   "The minister said the grant would \"help us save many lives.\" "
                   "\"The Gilded Age,\" a new series, premieres next month.";
  const char *ru = "Отпечатки до 16x12 дюймов доходят до Европы за 5 рабочих дней. "
                   "Нажмите «Настройки учетной записи» и выберите размер. "
                   "Министр сказал, что грант поможет спасти много жизней. "
                   "Новый сериал «Позолоченный век» выходит в следующем месяце.";
  const char *uk = "Відбитки до 16x12 дюймів доходять до Європи за 5 робочих днів. "
                   "Натисніть «Налаштування облікового запису» і виберіть розмір. "
                   "Міністр сказав, що грант допоможе врятувати багато життів. "
                   "Новий серіал «Позолочене століття» виходить наступного місяця.";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "");
}

/* The finding of @check in @findings, or NULL. */
static const TriFinding *
find_check (GPtrArray  *findings,
            const char *check)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((TriFinding *)g_ptr_array_index (findings, i))->check, check))
      return g_ptr_array_index (findings, i);
  return NULL;
}

/* Three ways: a short phrase English and one Cyrillic version quote and
 * the other does not is missing there (that version is the odd one);
 * what only Russian and Ukrainian quote is their convention. */
static void
test_quote_three_way (void)
{
  g_autoptr(TriAlignment) dropped = tri_test_align3 (
    "The review announced a \"tilt\" in the foreign policy of the country.",
    "В обзоре был объявлен «крен» во внешней политике страны.",
    "В огляді було оголошено поворот у зовнішній політиці країни.");
  g_autoptr(TriAlignment) convention = tri_test_align3 (
    "Aston Villa have become the latest club to suffer an outbreak.",
    "«Астон Вилла» стал последним клубом, который пострадал от вспышки.",
    "«Астон Вілла» став черговим клубом, який зазнав спалаху.");
  g_autoptr(TriAlignment) one = tri_test_align3 (
    "Poland opposes the Nord Stream 2 pipeline.",
    "Польша выступает против трубопровода Северный поток 2.",
    "Польща виступає проти газопроводу «Північний потік 2».");
  g_autoptr(GPtrArray) found_dropped = tri_checks_run (dropped);
  g_autoptr(GPtrArray) found_convention = tri_checks_run (convention);
  g_autoptr(GPtrArray) found_one = tri_checks_run (one);
  g_autofree char *s_dropped = summary (found_dropped);
  g_autofree char *s_convention = summary (found_convention);
  g_autofree char *s_one = summary (found_one);

  g_assert_cmpstr (s_dropped, ==, "quote-missing@0");
  g_assert_cmpuint (((TriFinding *)g_ptr_array_index (found_dropped, 0))->odd, ==, 1u << 2);
  g_assert_cmpstr (s_convention, ==, "");
  g_assert_cmpstr (s_one, ==, "");
}

/* A phrase of two words or more that both Cyrillic versions quote and
 * English writes without marks: English dropped them (a quoted phrase,
 * not a name), also beside a quoted word English keeps, and short speech
 * closed with a dash («Час спливає», – заявила вона); but a title (Great
 * Deeds of Northern Kings, «Великие деяния…») is the Cyrillic convention. */
static void
test_quote_phrase_dropped (void)
{
  g_autofree char *dropped = check3 (
    "The minister called the leaked memo careless talk and idle gossip on Tuesday.",
    "Во вторник министр назвал утекшую записку «беспечной болтовнёй и пустыми сплетнями».",
    "У вівторок міністр назвав записку, що просочилася, «безтурботною балаканиною і порожніми плітками».");
  g_autofree char *title = check3 (
    "Her last stamp reproduced Great Deeds of Northern Kings by an unknown painter.",
    "Её последняя марка воспроизводит «Великие деяния северных королей» неизвестного художника.",
    "Її остання марка відтворює «Великі діяння північних королів» невідомого художника.");

  g_autofree char *beside = check3 (
    "She argues that the appeal is \"frivolous\" and that anybody can sue anybody.",
    "Она утверждает, что апелляция «несерьёзная» и что «каждый может подать в суд на кого угодно».",
    "Вона стверджує, що апеляція «безпідставна» і що «будь-хто може позиватися до будь-кого».");
  g_autofree char *speech = check3 (
    "Time is running out, the minister told reporters in Geneva on Friday.",
    "«Время уходит», — сказала министр журналистам в Женеве в пятницу.",
    "«Час спливає», – сказала міністерка журналістам у Женеві в п'ятницю.");

  g_assert_cmpstr (dropped, ==, "quote-missing@0");
  g_assert_cmpstr (title, ==, "");
  g_assert_cmpstr (beside, ==, "quote-missing@0");
  g_assert_cmpstr (speech, ==, "quote-missing@0");
}

/* Speech quoted by one version alone (reported by the two others) is a
 * quotation added there; English speech both others report, dropped by
 * both. */
static void
test_quote_indirect (void)
{
  g_autoptr(TriAlignment) added = tri_test_align3 (
    "The minister said the country plans to raise its trade with Russia to $20 billion in five years.",
    "«Страна планирует увеличить торговлю с Россией до 20 миллиардов долларов за пять лет», — сказал министр.",
    "Міністр сказав, що країна планує збільшити торгівлю з Росією до 20 мільярдів доларів за п’ять років.");
  g_autoptr(TriAlignment) reported = tri_test_align3 (
    "“We will stay until the last ship has left the port,” the captain said.",
    "Капитан сказал, что они останутся, пока последнее судно не покинет порт.",
    "Капітан сказав, що вони залишаться, поки останнє судно не покине порт.");
  g_autoptr(GPtrArray) found_added = tri_checks_run (added);
  g_autoptr(GPtrArray) found_reported = tri_checks_run (reported);
  const TriFinding *f;

  f = find_check (found_added, "quote-missing");
  g_assert_nonnull (f);
  g_assert_cmpuint (f->odd, ==, 1u << 1);
  f = find_check (found_reported, "quote-missing");
  g_assert_nonnull (f);
  g_assert_cmpuint (f->odd, ==, (1u << 1) | (1u << 2));
}

/* British single quotes, straight quotes in Cyrillic, straight quotes
 * nested in straight quotes, and marks that are no quotations
 * (apostrophes, an ayn after a letter). */
static void
test_quote_marks (void)
{
  g_autoptr(TriAlignment) single = tri_test_align3 (
    "Investigators recovered two 'black box' flight recorders on Wednesday.",
    "В среду следователи обнаружили два \"черных ящика\".",
    "У середу слідчі вилучили два бортові самописці, чорні скриньки.");
  g_autoptr(TriAlignment) apostrophes = tri_test_align3 (
    "The players' union didn't sign, 'tis said, and met in the cave of “Hira‘” on Mount “Noor”.",
    "Профсоюз игроков не подписал, говорят, и собрался в пещере «Хира» на горе «Нур».",
    "Профспілка гравців не підписала, кажуть, і зібралася в печері «Хіра» на горі «Нур».");
  g_autoptr(TriAlignment) cyrillic = tri_test_align3 (
    "Though each country was 'Scandinavian', there were many differences.",
    "Хотя каждая страна была \"скандинавской\", различий было много.",
    "Хоча кожна країна була 'скандинавською', існувало багато відмінностей.");
  g_autoptr(TriAlignment) nested = tri_test_align3 (
    "One observer described Bishkek as sinking into a state of \"anarchy\" that night.",
    "Один наблюдатель описал Бишкек как погружающийся в состояние \"анархии\" той ночью.",
    "Один спостерігач описав Бішкек \"потопаючим у стані \"анархії\" тієї ночі.");
  g_autoptr(GPtrArray) found_single = tri_checks_run (single);
  g_autoptr(GPtrArray) found_apostrophes = tri_checks_run (apostrophes);
  g_autoptr(GPtrArray) found_cyrillic = tri_checks_run (cyrillic);
  g_autoptr(GPtrArray) found_nested = tri_checks_run (nested);
  g_autofree char *s_single = summary (found_single);
  g_autofree char *s_apostrophes = summary (found_apostrophes);
  g_autofree char *s_cyrillic = summary (found_cyrillic);
  const TriFinding *f;
  g_autofree char *mark = NULL;

  g_assert_cmpstr (s_single, ==, "quote-missing@0");
  g_assert_cmpuint (((TriFinding *)g_ptr_array_index (found_single, 0))->odd, ==, 1u << 2);
  g_assert_cmpstr (s_apostrophes, ==, "");
  g_assert_cmpstr (s_cyrillic, ==, "");
  f = find_check (found_nested, "quote-unbalanced");
  g_assert_nonnull (f);
  g_assert_cmpuint (f->odd, ==, 1u << 2);
  mark = tri_test_span_text (nested, f, 2);
  g_assert_cmpstr (mark, ==, "\"");
}

/* A quotation over two sentences in English and Russian, and in
 * Ukrainian one quotation that the speaker interrupts between dashes (the
 * Ukrainian way), its second part a sentence of its own after the
 * attribution's closing dash: the rows share the quotation, nothing is
 * missing. */
static void
test_quote_across_rows (void)
{
  const char *en = "“We’ve had a late start to the season and now we have a giant storm. "
                   "People got excited,” DeBerry said. “It is a sport that carries risk.”";
  const char *ru = "«Сезон начался поздно, а теперь у нас гигантская буря. "
                   "Люди взбудоражены», — сказал Деберри. «Это спорт, который связан с риском».";
  const char *uk = "«Сезон розпочався пізно, а тепер у нас гігантська буря. "
                   "Людям дуже подобається, – зазначив ДеБері. – Це спорт, який несе у собі ризик».";
  g_autoptr(TriAlignment) alignment = tri_test_align3 (en, ru, uk);
  /* Three sentences in each. */
  TriBead beads[3] = {
    { { 0, 0, 0 }, { 1, 1, 1 }, 1.0, FALSE, FALSE },
    { { 1, 1, 1 }, { 1, 1, 1 }, 1.0, FALSE, FALSE },
    { { 2, 2, 2 }, { 1, 1, 1 }, 1.0, FALSE, FALSE },
  };
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;

  g_assert_cmpuint (tri_document_get_n_sentences (tri_alignment_get_document (alignment, 2)), ==, 3);
  set_beads (alignment, beads, G_N_ELEMENTS (beads));
  findings = tri_checks_run (alignment);
  found = summary (findings);
  g_assert_cmpstr (found, ==, "");
}

/* Numbers with multipliers and in words: 10,000 = «10 тысяч» = «10 тис.»,
 * $1.2 billion = «1,2 млрд» = «1200 млн», ten = 10 = «десять», a
 * 4-month-old = «четырёхмесячный»; a number changed behind a multiplier
 * is still found. */
static void
test_numbers_in_words (void)
{
  const char *en = "Some 10,000 people came with ten ships, a $1.2 billion fund and a 4-month-old calf.";
  const char *ru = "Около 10 тысяч человек приплыли на 10 судах с фондом в 1,2 млрд долларов и четырёхмесячным телёнком.";
  const char *uk = "Близько 10 тис. людей припливли на десяти суднах із фондом у 1200 млн доларів і чотиримісячним телям.";
  const char *uk_changed = "Близько 100 тис. людей припливли на десяти суднах із фондом у 1200 млн доларів і чотиримісячним телям.";
  g_autoptr(TriAlignment) same = tri_test_align3 (en, ru, uk);
  g_autoptr(TriAlignment) changed = tri_test_align3 (en, ru, uk_changed);
  g_autoptr(GPtrArray) none = tri_checks_run (same);
  g_autoptr(GPtrArray) one = tri_checks_run (changed);
  g_autofree char *found_none = summary (none);
  g_autofree char *found_one = summary (one);
  g_autofree char *span = NULL;

  g_assert_cmpstr (found_none, ==, "");
  g_assert_cmpstr (found_one, ==, "number-mismatch@0");
  span = tri_test_span_text (changed, g_ptr_array_index (one, 0), 2);
  g_assert_cmpstr (span, ==, "100 тис.");
  g_assert_cmpuint (((TriFinding *)g_ptr_array_index (one, 0))->odd, ==, 1u << 2);
}

/* One speaker spelt three ways (Graham, Грэм, Греєм) is one; a speaker
 * one version reads into an organisation's name ("Forces stated") while
 * another names the country that version also has is no other person. */
static void
test_quote_speaker_spellings (void)
{
  g_autoptr(TriAlignment) spelt = tri_test_align3 (
    "“We will vote against the bill next week,” Graham said.",
    "«Мы проголосуем против законопроекта на следующей неделе», — сказал Грэм.",
    "«Ми проголосуємо проти законопроєкту наступного тижня», — сказав Греєм.");
  g_autoptr(TriAlignment) misread = tri_test_align3 (
    "France's Ministry of Armed Forces stated on Saturday that the contract had been “initialled a few days ago.”",
    "В субботу Министерство вооружённых сил Франции сообщило, что контракт был «согласован несколько дней назад».",
    "У суботу міністр оборони Франції повідомив, що контракт вже «підписано декілька днів тому».");
  g_autoptr(GPtrArray) found_spelt = tri_checks_run (spelt);
  g_autoptr(GPtrArray) found_misread = tri_checks_run (misread);
  g_autofree char *s_spelt = summary (found_spelt);

  g_assert_cmpstr (s_spelt, ==, "");
  g_assert_null (find_check (found_misread, "quote-speaker"));
}

/* Numbers written apart from their units and clocks: a decade (1880s), a
 * size (20x16), a unit glued on (85mph), a decimal's zeros (3.50 = 3,5),
 * the twelve-hour clock (10:08 p.m. = 22:08), an ordinal (1,000th). */
static void
test_numbers_written_apart (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "In the 1880s a 20x16 print of the 1,000th stamp cost 3.50 dollars, and at 10:08 p.m. winds hit 85mph.",
    "В 1880-х годах оттиск 1000-й марки размером 20 × 16 стоил 3,5 доллара, а в 22:08 ветер достиг 85 миль в час.",
    "У 1880-х роках відбиток 1000-ї марки розміром 20х16 коштував 3,5 долара, а о 22:08 вітер досяг 85 миль на годину.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);

  g_assert_cmpstr (found, ==, "");
}

/* Figures with their unit glued on, as product pages and forums write
 * them (600Mbit/s, 2.4Ghz, 30GBs, 6hrs, 99p), are the same figures as
 * the translations' «600 Мбит/с»; one changed is still found. */
static void
test_numbers_glued_units (void)
{
  const char *en = "The router reaches 600Mbit/s on the 2.4Ghz band, the backup took 30GBs and 6hrs, and the cable costs 99p.";
  const char *ru = "Роутер достигает 600 Мбит/с в диапазоне 2,4 ГГц, резервная копия заняла 30 ГБ и 6 часов, а кабель стоит 99 пенсов.";
  const char *uk = "Роутер досягає 600 Мбіт/с у діапазоні 2,4 ГГц, резервна копія зайняла 30 ГБ і 6 годин, а кабель коштує 99 пенсів.";
  g_autofree char *same = check3 (en, ru, uk);
  g_autofree char *changed = check3 (en, ru,
                                     "Роутер досягає 600 Мбіт/с у діапазоні 2,4 ГГц, резервна копія зайняла 30 ГБ і 8 годин, а кабель коштує 99 пенсів.");

  g_assert_cmpstr (same, ==, "");
  g_assert_cmpstr (changed, ==, "number-mismatch@0");
}

/* A century in one Roman letter, alone or in a range (X веке, X–XI вв.),
 * is the figure the other versions write (10th century, 10-11-м
 * сторіччями); a lone Roman letter elsewhere is a word. */
static void
test_numbers_roman_centuries (void)
{
  g_autofree char *same = check3 (
    "The city was founded in the 10th century BCE. Gothic style peaked between the 10th - 11th centuries and the 14th century.",
    "Город основан в X веке до н. э. Готический стиль достиг расцвета в период между X–XI вв. и XIV в.",
    "Місто засноване у 10 столітті до н. е. Готичний стиль досягнув піку в період між 10-11-м сторіччями та 14-м сторіччям.");
  g_autofree char *changed = check3 (
    "The city was founded in the 10th century BCE.",
    "Город основан в IX веке до н. э.",
    "Місто засноване у 10 столітті до н. е.");

  g_assert_cmpstr (same, ==, "");
  g_assert_cmpstr (changed, ==, "number-mismatch@0");
}

/* Clock times, however written: 8:30 p.m. = 8:30 вечера = 20:30; 15.00 UTC
 * = 15:00; 1200 UTC = 12:00 = «о 12 годині»; 5.30pm = 17:30 — and a time
 * changed in one version is still a different number there. */
static void
test_numbers_clock (void)
{
  const char *en = "The ceremony began at 8:30 p.m. local time (15.00 UTC), the convoy left at 1200 UTC "
                   "and the last bus went by 5.30pm.";
  const char *ru = "Церемония началась в 8:30 вечера по местному времени (15:00 UTC), колонна ушла в 12:00 "
                   "UTC, а последний автобус ушёл до 17:30.";
  g_autofree char *same = check3 (en, ru,
    "Церемонія почалася о 20:30 за місцевим часом (15.00 UTC), колона вирушила о 12 годині UTC, "
    "а останній автобус пішов до 17:30.");
  g_autofree char *changed = check3 (en, ru,
    "Церемонія почалася о 21:30 за місцевим часом (15.00 UTC), колона вирушила о 12 годині UTC, "
    "а останній автобус пішов до 17:30.");

  g_assert_cmpstr (same, ==, "");
  g_assert_cmpstr (changed, ==, "number-mismatch@0");
}

/* A quotation whose closing mark one version lost (the Ukrainian one
 * opens «…, – сказав він. and never closes) is reported where it opens;
 * the quotations after it in the same paragraph are still read as
 * quotations of their own, not as nested in the one left open. */
static void
test_quote_unclosed_then_more (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "“The internet is on fire right now,” said Adam Meyers of Crowdstrike. "
    "“People are scrambling to patch,” he said, “and all kinds of people are scrambling to exploit it.” "
    "He called it “the single biggest, most critical vulnerability of the decade.”",
    "«Сейчас весь интернет в огне», — сказал Адам Мейерс из Crowdstrike. "
    "«Люди срочно ставят заплатки, — сказал он, — и самые разные люди пытаются этим воспользоваться». "
    "Он назвал её «крупнейшей и самой критичной уязвимостью десятилетия».",
    "«Інтернет зараз у вогні, – сказав Адам Мейерс із Crowdstrike. "
    "«Люди поспіхом ставлять латки, – сказав він, – і найрізноманітніші люди намагаються цим скористатися». "
    "Він назвав її «найбільшою та найкритичнішою вразливістю десятиліття».");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autofree char *found = summary (findings);
  const TriFinding *f = find_check (findings, "quote-unbalanced");
  g_autofree char *mark = NULL;

  g_assert_cmpstr (found, ==, "quote-missing@0 quote-unbalanced@0");
  mark = tri_test_span_text (alignment, f, 2);
  g_assert_cmpstr (mark, ==, "«");
  g_assert_cmpuint (f->odd, ==, 1u << 2);
}

/* The original's own stray mark: a quotation whose opening sentence the
 * text leaves out closes in every version. No version deviates. */
static void
test_quote_unbalanced_everywhere (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "I lost my sister and her friend, people just jumping over and pushing them,” Armand Versace said.",
    "Я потерял сестру и её подругу, люди просто прыгали через них и толкали», — рассказал Арман Версаче.",
    "Я загубив сестру та її подругу, люди просто перестрибували через них і штовхали їх\", — сказав Арман Версаче.");
  g_autoptr(TriAlignment) one = tri_test_align3 (
    "I lost my sister and her friend, people just jumping over and pushing them,” Armand Versace said.",
    "Я потерял сестру и её подругу, люди просто прыгали через них и толкали, — рассказал Арман Версаче.",
    "Я загубив сестру та її подругу, люди просто перестрибували через них і штовхали їх, — сказав Арман Версаче.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autoptr(GPtrArray) findings_one = tri_checks_run (one);
  g_autofree char *found = summary (findings);
  const TriFinding *f = find_check (findings_one, "quote-unbalanced");

  g_assert_cmpstr (found, ==, "");
  /* One version alone with the stray mark: still reported there. */
  g_assert_nonnull (f);
  g_assert_cmpuint (f->odd, ==, 1u << 0);
}

/* The numbers inside a quotation are compared with the other versions'
 * quotations, not with the whole sentence of a version that quotes no
 * speech there (a title quoted in all three, its length differing). */
static void
test_quote_numbers_outside (void)
{
  g_autofree char *found = check3 (
    "Her first novel, “Interview with the Vampire,” was published in 1976 and began a series of 13 books.",
    "Её первый роман «Интервью с вампиром» был опубликован в 1976 году и открыл серию из 13 книг.",
    "Її перший роман «Інтерв’ю з вампіром» був опублікований у 1976 році й відкрив серію з 13 книг.");

  g_assert_cmpstr (found, ==, "");
}

/* Words that look like numbers and are none, and numbers in compounds:
 * "May God…" opens a sentence with a verb, not the month; an
 * 18-year-old is «восемнадцатилетний», «вісімнадцятирічний». */
static void
test_number_lookalikes (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "May God be with his family, with a young, energetic 18-year-old and his 25-year-old brother.",
    "Храни Господь его семью, молодого энергичного восемнадцатилетнего парня и его двадцатипятилетнего брата.",
    "Нехай Бог береже його родину, молодого енергійного вісімнадцятирічного хлопця і його двадцятип’ятирічного брата.");
  g_autoptr(TriAlignment) dated = tri_test_align3 (
    "May 9 is a holiday. In May they rest.",
    "9 мая — праздник. В мае они отдыхают.",
    "9 травня — свято. У червні вони відпочивають.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autoptr(GPtrArray) findings_dated = tri_checks_run (dated);
  g_autofree char *found_dated = summary (findings_dated);

  g_assert_null (find_check (findings, "number-mismatch"));
  /* A month beside a number, or inside a sentence, is still one. */
  g_assert_cmpstr (found_dated, ==, "number-mismatch@1");
}

/* The speaker's words between dashes inside one pair of marks, the
 * dashes after no-break spaces (as word processors type them): two
 * parts, as English's two quotations. */
static void
test_quote_dashes_nbsp (void)
{
  g_autofree char *found = check3 (
    "“People are scrambling to patch,” he said, “and all kinds of people are scrambling to exploit it.”",
    "«Люди срочно ставят заплатки,\u00A0— сказал он,\u00A0— и самые разные люди пытаются этим воспользоваться».",
    "«Люди поспіхом ставлять латки,\u00A0– сказав він,\u00A0– і найрізноманітніші люди намагаються цим скористатися».");

  g_assert_cmpstr (found, ==, "");
}

/* Ordinary words opening a sentence, in two versions alike
 * (Organisations, Організації; Segregation, Сегрегация), or in one
 * (Однако, Однак), are no names; a name opening one still is one. */
static void
test_names_initial_words (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "Organisations race to fix the flaw. Segregation shuffles variation. However, the driver was hurt.",
    "Компании спешат исправить ошибку. Сегрегация тасует вариации. Однако водитель пострадал.",
    "Організації поспішають виправити помилку. Сегрегація змінює варіацію. Однак водій постраждав.");
  g_autoptr(TriAlignment) named = tri_test_align3 (
    "Zelenskyy met the envoy on Tuesday.",
    "Порошенко встретился с посланником во вторник.",
    "Зеленський зустрівся з посланцем у вівторок.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autoptr(GPtrArray) findings_named = tri_checks_run (named);
  g_autofree char *found = summary (findings);
  const TriFinding *f = find_check (findings_named, "name-mismatch");

  g_assert_cmpstr (found, ==, "");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, TRI_SEVERITY_WARNING);
  g_assert_cmpstr (f->message, ==, "Russian has no counterpart of “Zelenskyy”");
}

/* A name one version replaces by another is found even where a short
 * ordinary word looks like the start of the name the others have (are /
 * Иран, or / Орел, у / Україна); and a pronoun opening a sentence is no
 * name because a name elsewhere starts with the same letters (Они /
 * Анкаре). */
static void
test_names_replaced_short_words (void)
{
  g_autoptr(TriAlignment) replaced = tri_test_align3 (
    "Officials said 40 inspectors are being sent to Delgado.",
    "Чиновники сообщили, что в Иран направляют 40 инспекторов.",
    "Посадовці повідомили, що до Ірану направляють 40 інспекторів.");
  g_autoptr(TriAlignment) pronoun = tri_test_align3 (
    "The envoys met in Ankara on Friday. They agreed on 12 convoys.",
    "Посланники встретились в Анкаре в пятницу. Они договорились о 12 конвоях.",
    "Посланці зустрілися в Анкарі в п'ятницю. Вони домовилися про 12 конвоїв.");
  g_autoptr(GPtrArray) findings = tri_checks_run (replaced);
  g_autoptr(GPtrArray) clean = tri_checks_run (pronoun);
  const TriFinding *f = find_check (findings, "name-mismatch");
  g_autofree char *found = summary (clean);

  g_assert_nonnull (f);
  g_assert_true (f->languages & 1);
  g_assert_cmpstr (found, ==, "");
}

/* A word English and one Cyrillic version quote that the other writes
 * without marks, while quoting other words of its own: the counts agree
 * (two each), the quotations do not. What the other two quote alike is
 * no finding. */
static void
test_quote_word_unquoted (void)
{
  g_autofree char *found = check3 (
    "To locals, a 'flat white' is nothing new. A long black is 'americano', and tea comes without milk.",
    "Для местных \"флэт уайт\" не новость. \"Длинный чёрный\" — это американо, а чай подают без молока.",
    "Для місцевих \"флет вайт\" не новина. Лонг блек – це \"американо\", а чай подають без молока.");
  g_autofree char *clean = check3 (
    "To locals, a 'flat white' is nothing new. A long black is 'americano', and tea comes without milk.",
    "Для местных \"флэт уайт\" не новость. Лонг блэк — это \"американо\", а чай подают без молока.",
    "Для місцевих \"флет вайт\" не новина. Лонг блек – це \"американо\", а чай подають без молока.");

  g_assert_cmpstr (found, ==, "quote-missing@1");
  g_assert_cmpstr (clean, ==, "");
}

/* Product words the Russian and Ukrainian versions keep in Latin
 * letters (Wi-Fi, Norton Security) are names there: English replacing
 * them is found, though "Wi" and "Fi" alone are too short for a name and
 * English "secure" looks like "Security". Kept as English writes them
 * (WiFi, Norton Security), nothing is found. */
static void
test_names_replaced_latin_words (void)
{
  g_autoptr(TriAlignment) wifi = tri_test_align3 (
    "After the reset, the reader asks you to choose a language and a Brennan network.",
    "После сброса устройство попросит вас выбрать язык и сеть Wi-Fi.",
    "Після скидання пристрій попросить вас вибрати мову та мережу Wi-Fi.");
  g_autoptr(TriAlignment) security = tri_test_align3 (
    "With Norton Brennan Deluxe, you can secure your laptop quickly.",
    "С помощью Norton Security Deluxe вы можете быстро защитить свой ноутбук.",
    "З Norton Security Deluxe ви можете швидко захистити свій ноутбук.");
  g_autoptr(TriAlignment) kept = tri_test_align3 (
    "Connect to a WiFi network first. With Norton Security Deluxe, you can secure your laptop quickly.",
    "Сначала подключитесь к сети Wi-Fi. С помощью Norton Security Deluxe вы можете быстро защитить свой ноутбук.",
    "Спершу підключіться до мережі Wi-Fi. З Norton Security Deluxe ви можете швидко захистити свій ноутбук.");
  g_autoptr(GPtrArray) found_wifi = tri_checks_run (wifi);
  g_autoptr(GPtrArray) found_security = tri_checks_run (security);
  g_autoptr(GPtrArray) found_kept = tri_checks_run (kept);
  const TriFinding *f = find_check (found_wifi, "name-mismatch");
  const TriFinding *g = find_check (found_security, "name-mismatch");

  g_assert_nonnull (f);
  g_assert_true (f->languages & 1);
  g_assert_nonnull (g);
  g_assert_true (g->languages & 1);
  g_assert_null (find_check (found_kept, "name-mismatch"));
}

/* A capitalised English word the Russian version translates (German =
 * «немецкой», Department = «Департамент»: the dictionary says so) is
 * no name the Russian lacks, and the Ukrainian, translating it its own
 * way (Пентагон), is told in a note, not a warning. */
static void
test_names_translated (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "Italy, along with the German team, won the cup. Then the US Department of Defense approved the sale.",
    "Италия, наряду с немецкой сборной, выиграла кубок. Затем Департамент обороны США одобрил продажу.",
    "Італія разом зі збірною Німеччини виграла кубок. Потім Пентагон схвалив продаж.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);

  for (guint i = 0; i < findings->len; i++)
    {
      const TriFinding *f = g_ptr_array_index (findings, i);

      if (f->severity == TRI_SEVERITY_WARNING)
        g_error ("unexpected warning: %s", f->message);
    }
}

/* The Ukrainian translating what the English and the Russian share by
 * sound (Soviet / Советского / Радянського, by the English–Russian
 * dictionary and Apertium's Russian–Ukrainian lemmas) has the word: no
 * finding; a name it leaves out (Peskov) is still a warning. */
static void
test_names_translated_ukrainian (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "Moscow says NATO broke the assurances given as the Soviet Union collapsed in 1991. Peskov repeated it on Monday.",
    "Москва говорит, что НАТО нарушило гарантии, данные после распада Советского Союза в 1991 году. Песков повторил это в понедельник.",
    "Москва каже, що НАТО порушило обіцянки, дані після розпаду Радянського Союзу в 1991 році. Речник повторив це в понеділок.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  guint peskov = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const TriFinding *f = g_ptr_array_index (findings, i);

      if (f->severity != TRI_SEVERITY_WARNING)
        continue;
      if (strstr (f->message, "Peskov") != NULL || strstr (f->message, "Песков") != NULL)
        peskov++;
      else
        g_error ("unexpected warning: %s", f->message);
    }
  g_assert_cmpuint (peskov, ==, 1);
}

/* Words that start like a month and are none (грудної = of the chest,
 * на березі = on the bank, жовті = yellow), beside a month that is one
 * (у березні = in March); a century in Roman figures (XVI = 16th). */
static void
test_month_lookalikes (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "Stabbed in the chest on the river bank, in yellow shoes, he died in March. The fort dates from the 16th century.",
    "Раненный ножом в грудь на берегу реки, в жёлтых ботинках, он умер в марте. Форт построен в XVI веке.",
    "Поранений ножем у ділянку грудної клітини на березі річки, у жовті черевики взутий, він помер у березні. Форт збудовано в XVI столітті.");
  g_autoptr(TriAlignment) changed = tri_test_align3 (
    "He died in March. The fort dates from the 16th century.",
    "Он умер в марте. Форт построен в XV веке.",
    "Він помер у жовтні. Форт збудовано в XVI столітті.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);
  g_autoptr(GPtrArray) findings_changed = tri_checks_run (changed);
  g_autofree char *found = summary (findings);
  g_autofree char *found_changed = summary (findings_changed);

  g_assert_cmpstr (found, ==, "");
  g_assert_cmpstr (found_changed, ==, "number-mismatch@0 number-mismatch@1");
}

/* Figures converted between units (550 pounds = 250 kg, 3 miles ≈ 5 km,
 * 86 °F = 30 °C) are a note, not an error; a figure changed is still an
 * error. */
static void
test_number_conversions (void)
{
  g_autoptr(TriAlignment) converted = tri_test_align3 (
    "The bear weighed 550 pounds and was seen 3 miles from the camp, where it was 86 degrees.",
    "Медведь весил 250 кг, его видели в 5 км от лагеря, где было 30 градусов.",
    "Ведмідь важив 250 кг, його бачили за 5 км від табору, де було 30 градусів.");
  g_autoptr(TriAlignment) changed = tri_test_align3 (
    "The bear weighed 550 pounds and was seen 3 miles from the camp.",
    "Медведь весил 350 кг, его видели в 5 км от лагеря.",
    "Ведмідь важив 250 кг, його бачили за 5 км від табору.");
  g_autoptr(GPtrArray) found_converted = tri_checks_run (converted);
  g_autoptr(GPtrArray) found_changed = tri_checks_run (changed);
  const TriFinding *f = find_check (found_converted, "number-mismatch");

  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, TRI_SEVERITY_INFO);
  g_assert_nonnull (strstr (f->message, "conversion"));
  f = find_check (found_changed, "number-mismatch");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, TRI_SEVERITY_ERROR);
}

/* Ordinals in words beside Roman figures (World War II = Второй мировой
 * = Другої світової; the twelfth century = XII століття; Elizabeth II =
 * Єлізавети ІІ in Cyrillic letters, but «І» and «С», one letter, are
 * words), and a sum with a glued multiplier (£75m = 75 миллионов):
 * nothing to report. */
static void
test_ordinals_and_sums (void)
{
  g_autoptr(TriAlignment) alignment = tri_test_align3 (
    "After World War II, in the reign of Elizabeth II, she pledged another £75m, as kings did in the twelfth century. "
    "Both from Russia and from Ukraine.",
    "После Второй мировой войны, в правление Елизаветы II, она пообещала ещё 75 миллионов фунтов, как короли в двенадцатом веке. "
    "С России и с Украины.",
    "Після Другої світової війни, за правління Єлізавети ІІ, вона пообіцяла ще 75 мільйонів фунтів, як королі у XII столітті. "
    "І з Росії, і з України.");
  g_autoptr(GPtrArray) findings = tri_checks_run (alignment);

  g_assert_null (find_check (findings, "number-mismatch"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/faithful", test_faithful);
  g_test_add_func ("/checks/quote-unclosed-then-more", test_quote_unclosed_then_more);
  g_test_add_func ("/checks/quote-unbalanced-everywhere", test_quote_unbalanced_everywhere);
  g_test_add_func ("/checks/quote-numbers-outside", test_quote_numbers_outside);
  g_test_add_func ("/checks/number-lookalikes", test_number_lookalikes);
  g_test_add_func ("/checks/quote-dashes-nbsp", test_quote_dashes_nbsp);
  g_test_add_func ("/checks/names-initial-words", test_names_initial_words);
  g_test_add_func ("/checks/names-translated", test_names_translated);
  g_test_add_func ("/checks/names-translated-ukrainian", test_names_translated_ukrainian);
  g_test_add_func ("/checks/names-replaced-short-words", test_names_replaced_short_words);
  g_test_add_func ("/checks/names-replaced-latin-words", test_names_replaced_latin_words);
  g_test_add_func ("/checks/quote-word-unquoted", test_quote_word_unquoted);
  g_test_add_func ("/checks/month-lookalikes", test_month_lookalikes);
  g_test_add_func ("/checks/number-conversions", test_number_conversions);
  g_test_add_func ("/checks/ordinals-and-sums", test_ordinals_and_sums);
  g_test_add_func ("/checks/quoted-names", test_quoted_names);
  g_test_add_func ("/checks/number-changed", test_number_changed);
  g_test_add_func ("/checks/months", test_months);
  g_test_add_func ("/checks/numbers-in-words", test_numbers_in_words);
  g_test_add_func ("/checks/numbers-written-apart", test_numbers_written_apart);
  g_test_add_func ("/checks/numbers-glued-units", test_numbers_glued_units);
  g_test_add_func ("/checks/numbers-roman-centuries", test_numbers_roman_centuries);
  g_test_add_func ("/checks/quote-missing", test_quote_missing);
  g_test_add_func ("/checks/nesting-and-paragraphs", test_nesting_and_paragraphs);
  g_test_add_func ("/checks/unbalanced", test_unbalanced);
  g_test_add_func ("/checks/quote-mismatch", test_quote_mismatch);
  g_test_add_func ("/checks/quote-lookalikes", test_quote_lookalikes);
  g_test_add_func ("/checks/transcript", test_transcript);
  g_test_add_func ("/checks/quote-three-way", test_quote_three_way);
  g_test_add_func ("/checks/quote-indirect", test_quote_indirect);
  g_test_add_func ("/checks/quote-marks", test_quote_marks);
  g_test_add_func ("/checks/quote-across-rows", test_quote_across_rows);
  g_test_add_func ("/checks/missing-translation", test_missing_translation);
  g_test_add_func ("/checks/name-skeletons", test_name_skeletons);
  g_test_add_func ("/checks/names-faithful", test_names_faithful);
  g_test_add_func ("/checks/name-missing", test_name_missing);
  g_test_add_func ("/checks/quote-speaker", test_quote_speaker);
  g_test_add_func ("/checks/numbers-clock", test_numbers_clock);
  g_test_add_func ("/checks/quote-phrase-dropped", test_quote_phrase_dropped);
  g_test_add_func ("/checks/quote-speaker-pronoun", test_quote_speaker_pronoun);
  g_test_add_func ("/checks/quote-speaker-spellings", test_quote_speaker_spellings);

  return g_test_run ();
}

/* test-segmenter.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tri-document.h"
#include "tri-segmenter.h"

typedef struct
{
  const char *language;
  const char *text;
  /* The expected sentences, separated by " | ". */
  const char *expected;
} Case;

static char *
segment_joined (TriSegmenter *segmenter,
                const char   *text)
{
  g_autoptr(GArray) sentences = tri_segmenter_split_text (segmenter, text);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < sentences->len; i++)
    {
      const TriSentence *s = &g_array_index (sentences, TriSentence, i);

      if (i > 0)
        g_string_append (joined, " | ");
      g_string_append_len (joined, text + s->start, (gssize)(s->end - s->start));
    }

  return g_string_free (joined, FALSE);
}

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      TriSegmenter *segmenter = tri_segmenter_get_for_language (cases[i].language);
      g_autofree char *got = segment_joined (segmenter, cases[i].text);

      if (g_strcmp0 (got, cases[i].expected) != 0)
        g_test_message ("case %u (%s): %s", i, cases[i].language, cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_english (void)
{
  static const Case cases[] = {
    { "en", "The U.S. Army moved in. Nobody objected.",
      "The U.S. Army moved in. | Nobody objected." },
    { "en", "Troops were sent to the U.S. The weather was poor.",
      "Troops were sent to the U.S. | The weather was poor." },
    { "en", "Mr. Smith met Dr. Jones in Geneva. They spoke for an hour.",
      "Mr. Smith met Dr. Jones in Geneva. | They spoke for an hour." },
    { "en", "Several cities, e.g. Odesa and Kharkiv, were named. Kyiv was not.",
      "Several cities, e.g. Odesa and Kharkiv, were named. | Kyiv was not." },
    { "en", "The letter was signed by J. R. R. Tolkien himself. It sold well.",
      "The letter was signed by J. R. R. Tolkien himself. | It sold well." },
    { "en", "Growth slowed to 2.5 per cent in 2023. Prices rose 3.7%.",
      "Growth slowed to 2.5 per cent in 2023. | Prices rose 3.7%." },
    { "en", "He waited… Then he left the room.",
      "He waited… | Then he left the room." },
    { "en", "He waited… and then he left.",
      "He waited… and then he left." },
    { "en", "“We are ready to talk,” she said. “The door is open.” The talks began.",
      "“We are ready to talk,” she said. | “The door is open.” | The talks began." },
    { "en", "“Is this the end?” he asked. Nobody answered.",
      "“Is this the end?” he asked. | Nobody answered." },
    { "en", "“Stop!” shouted the guard. The crowd froze.",
      "“Stop!” shouted the guard. | The crowd froze." },
    { "en", "The talks failed. Mr. Hrytsenko left early.",
      "The talks failed. | Mr. Hrytsenko left early." },
    { "en", "The deal was called Plan B. The ministers signed it.",
      "The deal was called Plan B. | The ministers signed it." },
    { "en", "See No. 5 of the annex. It lists the ports.",
      "See No. 5 of the annex. | It lists the ports." },
    { "en", "Talks resumed on 14 March... The delegations met at noon.",
      "Talks resumed on 14 March... | The delegations met at noon." },
    /* "etc." ends a sentence before any capital, not only before a starter. */
    { "en", "They discussed grain, fertiliser, insurance, etc. Both sides were tired.",
      "They discussed grain, fertiliser, insurance, etc. | Both sides were tired." },
    /* Numbering abbreviations go on only before a number. */
    { "en", "The owner says no. I asked again.",
      "The owner says no. | I asked again." },
    { "en", "Resolution No. 2231 was cited. Nobody objected.",
      "Resolution No. 2231 was cited. | Nobody objected." },
    /* A sentence may start with a number. */
    { "en", "The vote was close. 34 per cent abstained.",
      "The vote was close. | 34 per cent abstained." },
    /* A question followed by lower case is an attribution only after a quote. */
    { "en", "How did it go? did you receive the link",
      "How did it go? | did you receive the link" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_russian (void)
{
  static const Case cases[] = {
    { "ru", "Тысячи домов остались без света после разрушений, вызванных штормом «Арвен». 11 дней спустя, 7 декабря, свет дали не везде.",
      "Тысячи домов остались без света после разрушений, вызванных штормом «Арвен». | 11 дней спустя, 7 декабря, свет дали не везде." },
    { "ru", "«Мы не ждали такой воды в реке.» 64-летний смотритель шлюза говорит это каждый год.",
      "«Мы не ждали такой воды в реке.» | 64-летний смотритель шлюза говорит это каждый год." },
    /* The case from the issue: exactly four sentences. */
    { "ru", "В 1990-х гг. ситуация была иной. Об этом сообщил В. В. Путин. Сумма составила 1,2 млрд долл. США. Пакет одобрен.",
      "В 1990-х гг. ситуация была иной. | Об этом сообщил В. В. Путин. | Сумма составила 1,2 млрд долл. США. | Пакет одобрен." },
    { "ru", "Речь идёт о зерне, т. е. о пшенице и кукурузе. Экспорт вырос.",
      "Речь идёт о зерне, т. е. о пшенице и кукурузе. | Экспорт вырос." },
    { "ru", "Это важно, т.е. Москва согласна. Переговоры продолжатся.",
      "Это важно, т.е. Москва согласна. | Переговоры продолжатся." },
    { "ru", "Соглашение подписано в 2022 г. Москва его не признала.",
      "Соглашение подписано в 2022 г. | Москва его не признала." },
    /* A date that opens the sentence goes on after its abbreviation. */
    { "ru", "В 1960-х гг. Бжезинский предложил свой план. Его отвергли.",
      "В 1960-х гг. Бжезинский предложил свой план. | Его отвергли." },
    { "ru", "Игры последний раз прошли в 393 году н. э. Как полагают историки, их запретили.",
      "Игры последний раз прошли в 393 году н. э. | Как полагают историки, их запретили." },
    { "ru", "1 января 49 г. до н. э. Цезарь перешёл Рубикон. Началась война.",
      "1 января 49 г. до н. э. Цезарь перешёл Рубикон. | Началась война." },
    { "ru", "Соглашение подписано в 1991 г. Потом всё изменилось.",
      "Соглашение подписано в 1991 г. | Потом всё изменилось." },
    { "ru", "Делегации встретились в г. Женеве. Встреча длилась три часа.",
      "Делегации встретились в г. Женеве. | Встреча длилась три часа." },
    { "ru", "Согласно ст. 51 Устава ООН, это допустимо. Так считают юристы.",
      "Согласно ст. 51 Устава ООН, это допустимо. | Так считают юристы." },
    { "ru", "Школа им. В. И. Ленина закрыта. Ученики переведены.",
      "Школа им. В. И. Ленина закрыта. | Ученики переведены." },
    { "ru", "Офис находится на ул. Садовой. Там работают десять человек.",
      "Офис находится на ул. Садовой. | Там работают десять человек." },
    { "ru", "В зале стоял гул. Потом наступила тишина.",
      "В зале стоял гул. | Потом наступила тишина." },
    { "ru", "Так сказал Бог. Потом настала тишина.",
      "Так сказал Бог. | Потом настала тишина." },
    { "ru", "Так распался СССР. Началась новая эпоха.",
      "Так распался СССР. | Началась новая эпоха." },
    { "ru", "Инфляция составила 2,5%. Ставка — 7.5 процента.",
      "Инфляция составила 2,5%. | Ставка — 7.5 процента." },
    { "ru", "«Мы готовы к диалогу!» — заявил министр. Его поддержали.",
      "«Мы готовы к диалогу!» — заявил министр. | Его поддержали." },
    { "ru", "«Когда же будет ответ?» — спросил он. Ответа не было.",
      "«Когда же будет ответ?» — спросил он. | Ответа не было." },
    { "ru", "«Это конец». Он вышел из зала.",
      "«Это конец». | Он вышел из зала." },
    { "ru", "«Мы подождём…» Делегация покинула зал.",
      "«Мы подождём…» | Делегация покинула зал." },
    { "ru", "Он сказал: «Всё решено.» Затем ушёл.",
      "Он сказал: «Всё решено.» | Затем ушёл." },
    { "ru", "Переговоры вёл проф. Иванов. Он опытный дипломат.",
      "Переговоры вёл проф. Иванов. | Он опытный дипломат." },
    { "ru", "Поставки выросли до 5 тыс. т. Это рекорд.",
      "Поставки выросли до 5 тыс. т. | Это рекорд." },
    { "ru", "Обсуждали зерно, удобрения и т. д. Решений нет.",
      "Обсуждали зерно, удобрения и т. д. | Решений нет." },
    { "ru", "Пошлина составила 1165 евро. Значительно больше платят другие.",
      "Пошлина составила 1165 евро. | Значительно больше платят другие." },
    { "ru", "Водитель вскоре скончался. 64-летний пассажир выжил.",
      "Водитель вскоре скончался. | 64-летний пассажир выжил." },
    { "ru", "Согласно п. 3 ст. 12 закона, это запрещено. Так решил суд.",
      "Согласно п. 3 ст. 12 закона, это запрещено. | Так решил суд." },
    { "ru", "Офис находится в д. 5 на Тверской. Там тихо.",
      "Офис находится в д. 5 на Тверской. | Там тихо." },
    { "ru", "Это произошло в V в. до н. э. Историки спорят.",
      "Это произошло в V в. до н. э. | Историки спорят." },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_ukrainian (void)
{
  static const Case cases[] = {
    { "uk", "Угоду підписали у 2022 р. Відтоді минуло два роки.",
      "Угоду підписали у 2022 р. | Відтоді минуло два роки." },
    { "uk", "У 2014 р. Росія анексувала Крим. Україна не визнала цього.",
      "У 2014 р. Росія анексувала Крим. | Україна не визнала цього." },
    { "uk", "Угоду підписали у 2022 р. Потім її переглянули.",
      "Угоду підписали у 2022 р. | Потім її переглянули." },
    { "uk", "Відповідно до ст. 17 Конституції це обов’язок держави. Так вважають юристи.",
      "Відповідно до ст. 17 Конституції це обов’язок держави. | Так вважають юристи." },
    { "uk", "Університет ім. Т. Шевченка відкрито. Студенти повернулися.",
      "Університет ім. Т. Шевченка відкрито. | Студенти повернулися." },
    { "uk", "Посольство розташоване на вул. Хрещатик. Охорону посилено.",
      "Посольство розташоване на вул. Хрещатик. | Охорону посилено." },
    { "uk", "Заяву зробив В. Зеленський. Її підтримали партнери.",
      "Заяву зробив В. Зеленський. | Її підтримали партнери." },
    { "uk", "Це т. зв. Стамбульський формат. Його обговорювали у 2022–2023 рр. Без результату.",
      "Це т. зв. Стамбульський формат. | Його обговорювали у 2022–2023 рр. | Без результату." },
    { "uk", "Делегація мешкала на вул. Січових Стрільців, буд. 5. Охорону посилили.",
      "Делегація мешкала на вул. Січових Стрільців, буд. 5. | Охорону посилили." },
    { "uk", "Обговорили зерно, добрива, логістику тощо і т. ін. Домовленостей немає.",
      "Обговорили зерно, добрива, логістику тощо і т. ін. | Домовленостей немає." },
    { "uk", "Інфляція сповільнилася до 3,7%. Ставку знижено.",
      "Інфляція сповільнилася до 3,7%. | Ставку знижено." },
    { "uk", "Він чекав… і мовчав.",
      "Він чекав… і мовчав." },
    { "uk", "Він чекав… Потім пішов.",
      "Він чекав… | Потім пішов." },
    { "uk", "«Ми не відступимо!» Делегати зааплодували.",
      "«Ми не відступимо!» | Делегати зааплодували." },
    { "uk", "«Коли буде відповідь?» — запитав він. Відповіді не було.",
      "«Коли буде відповідь?» — запитав він. | Відповіді не було." },
    { "uk", "Міністр зазначив: “Ми готові до діалогу.” Переговори продовжаться.",
      "Міністр зазначив: “Ми готові до діалогу.” | Переговори продовжаться." },
    { "uk", "Сума становить 1,2 млрд дол. США. Кошти надійдуть у квітні.",
      "Сума становить 1,2 млрд дол. США. | Кошти надійдуть у квітні." },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_fallback_language (void)
{
  static const Case cases[] = {
    { "de", "Die Gespräche beginnen heute. Die Delegationen sind angereist.",
      "Die Gespräche beginnen heute. | Die Delegationen sind angereist." },
    { "fr", "Les négociations reprennent. Les délégués sont arrivés à Genève.",
      "Les négociations reprennent. | Les délégués sont arrivés à Genève." },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_paragraphs_and_offsets (void)
{
  const char *text = "Talks resume\n\nThe delegations met in\nGeneva. Both sides spoke.\n\n\nA second round is planned.\n";
  /* The same text hard wrapped at 60 columns: the wrapped line "…met in" is
   * mid-sentence. */
  const char *wrapped_text =
    "Talks resume\n\n"
    "The delegations of both countries arrived on Monday and met in\n"
    "Geneva. Both sides spoke for an hour and agreed on the agenda\n"
    "for the next round, which is to open in the spring with the\n"
    "question of the prisoners and of the grain corridor first.\n\n\n"
    "A second round is planned.\n";
  g_autoptr(TriDocument) hard = tri_document_new (wrapped_text, "en", TRI_PARAGRAPH_BLANK_LINES);
  g_autoptr(TriDocument) doc = tri_document_new (text, "en", TRI_PARAGRAPH_BLANK_LINES);
  g_autoptr(TriDocument) by_line = tri_document_new (text, "en", TRI_PARAGRAPH_LINES);
  g_autofree char *wrapped = NULL;
  const TriSentence *s;

  g_assert_cmpuint (tri_document_get_n_paragraphs (doc), ==, 3);
  g_assert_cmpuint (tri_document_get_n_sentences (doc), ==, 5);

  /* In a hard-wrapped document a line break inside a paragraph is
   * wrapping: one sentence, folded. */
  g_assert_cmpuint (tri_document_get_n_sentences (hard), ==, 4);
  s = tri_document_get_sentence (hard, 1);
  g_assert_cmpuint (s->paragraph, ==, 1);
  g_assert_cmpuint (s->start, ==, strlen ("Talks resume\n\n"));
  g_assert_true (strncmp (wrapped_text + s->end - 7, "Geneva.", 7) == 0);
  wrapped = tri_document_dup_sentence_text (hard, 1);
  g_assert_cmpstr (wrapped, ==, "The delegations of both countries arrived on Monday and met in Geneva.");

  /* With nothing to tell wrapping from layout, a line without final
   * punctuation before a capital ends a sentence. */
  s = tri_document_get_sentence (doc, 1);
  g_assert_cmpuint (s->paragraph, ==, 1);
  g_assert_true (strncmp (text + s->end - 6, "met in", 6) == 0);

  s = tri_document_get_sentence (doc, 4);
  g_assert_cmpuint (s->paragraph, ==, 2);

  /* Line mode: every line is a paragraph, and a break at each line end. */
  g_assert_cmpuint (tri_document_get_n_paragraphs (by_line), ==, 4);
  g_assert_cmpuint (tri_document_get_n_sentences (by_line), ==, 5);
}

static void
test_list_items (void)
{
  /* A list or a dialogue inside one paragraph: each item is a sentence,
   * even without a final period. */
  const char *text = "The draft lists three steps:\n- a ceasefire on the coast\n- an exchange of prisoners\n"
                     "2) a monitoring mission\n— Это всё? — спросил он.";
  g_autoptr(TriDocument) doc = tri_document_new (text, "en", TRI_PARAGRAPH_BLANK_LINES);
  g_autofree char *first = NULL;
  g_autofree char *third = NULL;

  g_assert_cmpuint (tri_document_get_n_paragraphs (doc), ==, 1);
  g_assert_cmpuint (tri_document_get_n_sentences (doc), ==, 5);
  first = tri_document_dup_sentence_text (doc, 0);
  third = tri_document_dup_sentence_text (doc, 2);
  g_assert_cmpstr (first, ==, "The draft lists three steps:");
  g_assert_cmpstr (third, ==, "- an exchange of prisoners");
}

static void
test_dash_after_terminator (void)
{
  /* ICU never breaks before a dash after a full stop (dashes continue a
   * sentence in its rules). A list whose items run on in one paragraph
   * starts each item at its dash; in a quotation the dash after the
   * attribution ("– сказав він. –") closes it, as translations made line by
   * line leave it, and the quotation's next sentence starts after it. A
   * dash before lower case is still inside the sentence. */
  static const Case cases[] = {
    { "en", "What does the supplement do? -Supports the joints of older dogs. -Contains Omega 3 for the skin.",
      "What does the supplement do? | -Supports the joints of older dogs. | -Contains Omega 3 for the skin." },
    { "en", "Connect the cable to your computer first. - Plug the charger into a wall outlet.",
      "Connect the cable to your computer first. | - Plug the charger into a wall outlet." },
    { "en", "Half her life - half her life! - has been spent indoors.",
      "Half her life - half her life! - has been spent indoors." },
    { "uk", "«Людям дуже подобається, – зазначив він. – Ми всі повинні пам'ятати про ризик».",
      "«Людям дуже подобається, – зазначив він. – | Ми всі повинні пам'ятати про ризик»." },
    { "ru", "«Мы пройдём через это вместе», — заявил он. — «Это время, когда неважно, кто мы».",
      "«Мы пройдём через это вместе», — заявил он. — | «Это время, когда неважно, кто мы»." },
    { "ru", "Каковы преимущества добавки? — Повышает гибкость суставов. — Поддерживает мышцы.",
      "Каковы преимущества добавки? | — Повышает гибкость суставов. | — Поддерживает мышцы." },
    { "ru", "«Как нам с этим справиться?» — продолжил он.",
      "«Как нам с этим справиться?» — продолжил он." },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* The texts of one document, joined as " | " (the sentences of @text). */
static char *
document_sentences (const char *text,
                    const char *language)
{
  g_autoptr(TriDocument) doc = tri_document_new (text, language, TRI_PARAGRAPH_BLANK_LINES);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < tri_document_get_n_sentences (doc); i++)
    {
      g_autofree char *sentence = tri_document_dup_sentence_text (doc, i);

      if (i > 0)
        g_string_append (joined, " | ");
      g_string_append (joined, sentence);
    }
  return g_string_free (joined, FALSE);
}

static void
test_line_layout (void)
{
  /* The first row users see: a headline and its standfirst, no full stop
   * between them, then a byline and a dateline. */
  static const Case cases[] = {
    { "en", "Ukraine and US Resume Peace Talks in Miami\n"
            "Russia denies three-way meeting was ever planned, Kremlin aide says\n"
            "By Olena Kovalenko\n"
            "KYIV, 4 December 2026\n"
            "Delegations met on Sunday. They spoke for four hours.",
      "Ukraine and US Resume Peace Talks in Miami | "
      "Russia denies three-way meeting was ever planned, Kremlin aide says | "
      "By Olena Kovalenko | KYIV, 4 December 2026 | "
      "Delegations met on Sunday. | They spoke for four hours." },
    { "ru", "Украина и США возобновили переговоры в Майами\n"
            "Россия отрицает, что трёхсторонняя встреча планировалась\n"
            "Делегации встретились в воскресенье.",
      "Украина и США возобновили переговоры в Майами | "
      "Россия отрицает, что трёхсторонняя встреча планировалась | "
      "Делегации встретились в воскресенье." },
    { "uk", "Україна та США відновили переговори в Маямі\n"
            "Росія заперечує, що тристоронню зустріч планували\n"
            "Делегації зустрілися в неділю.",
      "Україна та США відновили переговори в Маямі | "
      "Росія заперечує, що тристоронню зустріч планували | "
      "Делегації зустрілися в неділю." },
    /* Table-like lines and list items without punctuation. */
    { "en", "Key figures for 2025\n"
            "Grain exports 41.2 million tonnes\n"
            "Sunflower oil 5.6 million tonnes\n"
            "Both were records.",
      "Key figures for 2025 | Grain exports 41.2 million tonnes | "
      "Sunflower oil 5.6 million tonnes | Both were records." },
    /* A line that goes on in lower case, or after a comma, is not an end. */
    { "en", "The ministers said that the talks\n"
            "would go on, and that Kyiv,\n"
            "Lviv or Odesa would host them.",
      "The ministers said that the talks would go on, and that Kyiv, Lviv or Odesa would host them." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = document_sentences (cases[i].text, cases[i].language);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_hard_wrapped_document (void)
{
  /* Wrapped at about 70 columns: lines end mid-sentence, some before a
   * capital ("Black Sea", "Kyiv"), and none of those is a sentence end. */
  const char *text =
    "The delegations met for four hours on Sunday in a hotel near the Black\n"
    "Sea coast and agreed to exchange lists of prisoners before the end of\n"
    "the month. The next round is to be held in Istanbul or in Geneva; the\n"
    "Turkish side has offered to host it, and diplomats in Kyiv said that\n"
    "Ankara remained the likelier choice for both sides at this stage.\n\n"
    "No date was set.\n";
  g_autofree char *got = document_sentences (text, "en");

  g_assert_cmpstr (got, ==,
                   "The delegations met for four hours on Sunday in a hotel near the Black Sea coast "
                   "and agreed to exchange lists of prisoners before the end of the month. | "
                   "The next round is to be held in Istanbul or in Geneva; the Turkish side has offered "
                   "to host it, and diplomats in Kyiv said that Ankara remained the likelier choice "
                   "for both sides at this stage. | No date was set.");
}

static void
test_dictionary_abbreviations (void)
{
  static const Case cases[] = {
    /* The case from the issue: cut after «англ.», it misaligned three rows. */
    { "ru", "Член Европарламента (от англ. Member of the European Parliament, MEP) избирается на пять лет. Их 720.",
      "Член Европарламента (от англ. Member of the European Parliament, MEP) избирается на пять лет. | Их 720." },
    { "uk", "Член Європарламенту (від англ. Member of the European Parliament, MEP) обирається на п’ять років. Їх 720.",
      "Член Європарламенту (від англ. Member of the European Parliament, MEP) обирається на п’ять років. | Їх 720." },
    { "ru", "Слово «бундестаг» (нем. Bundestag, букв. «союзное собрание») обозначает парламент. Он избирается на четыре года.",
      "Слово «бундестаг» (нем. Bundestag, букв. «союзное собрание») обозначает парламент. | Он избирается на четыре года." },
    { "ru", "Термин (франц. Détente) вошёл в обиход в 1970-х гг. Его употребляли и дипломаты, и журналисты.",
      "Термин (франц. Détente) вошёл в обиход в 1970-х гг. | Его употребляли и дипломаты, и журналисты." },
    { "ru", "Формула (лат. Pacta sunt servanda) известна всем юристам. Её цитируют часто.",
      "Формула (лат. Pacta sunt servanda) известна всем юристам. | Её цитируют часто." },
    { "ru", "Название (греч. Ὀδησσός) дали в 1795 г. Город быстро рос.",
      "Название (греч. Ὀδησσός) дали в 1795 г. | Город быстро рос." },
    { "ru", "Слово «майдан» (укр. Майдан Незалежності) известно всем. Так называют площадь.",
      "Слово «майдан» (укр. Майдан Незалежності) известно всем. | Так называют площадь." },
    { "ru", "Книга вышла под ред. Иванова в 2020 году. Тираж разошёлся.",
      "Книга вышла под ред. Иванова в 2020 году. | Тираж разошёлся." },
    { "ru", "Обсуждали зерно, удобрения и пр. Решений нет.",
      "Обсуждали зерно, удобрения и пр. | Решений нет." },
    { "ru", "Аббревиатура МВФ (сокр. Международный валютный фонд) знакома всем. Фонд выделил кредит.",
      "Аббревиатура МВФ (сокр. Международный валютный фонд) знакома всем. | Фонд выделил кредит." },
    { "uk", "Слово «бундестаг» (нім. Bundestag, букв. «союзні збори») позначає парламент. Його обирають на чотири роки.",
      "Слово «бундестаг» (нім. Bundestag, букв. «союзні збори») позначає парламент. | Його обирають на чотири роки." },
    { "uk", "Формула (лат. Pacta sunt servanda) відома всім юристам. Її цитують часто.",
      "Формула (лат. Pacta sunt servanda) відома всім юристам. | Її цитують часто." },
    { "uk", "Назву (грец. Ὀδησσός) дали у 1795 р. Місто швидко росло.",
      "Назву (грец. Ὀδησσός) дали у 1795 р. | Місто швидко росло." },
    { "uk", "Термін (франц. Détente) увійшов в ужиток (рос. Разрядка) у 1970-х рр. Ним користувалися дипломати.",
      "Термін (франц. Détente) увійшов в ужиток (рос. Разрядка) у 1970-х рр. | Ним користувалися дипломати." },
    { "uk", "Книжка вийшла за ред. Іваненка у 2020 році. Наклад розійшовся.",
      "Книжка вийшла за ред. Іваненка у 2020 році. | Наклад розійшовся." },
    { "uk", "МВФ (скор. Міжнародний валютний фонд) виділив кредит. Його отримала Україна.",
      "МВФ (скор. Міжнародний валютний фонд) виділив кредит. | Його отримала Україна." },
    { "uk", "Обговорили зерно, добрива і под. Рішень немає.",
      "Обговорили зерно, добрива і под. | Рішень немає." },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_language_change_resegments (void)
{
  g_autoptr(TriDocument) doc = tri_document_new ("Посольство розташоване на вул. Хрещатик. Охорону посилено.", "en",
                                                 TRI_PARAGRAPH_BLANK_LINES);

  /* Without Ukrainian rules "вул." ends a sentence. */
  g_assert_cmpuint (tri_document_get_n_sentences (doc), ==, 3);
  tri_document_set_language (doc, "uk");
  g_assert_cmpuint (tri_document_get_n_sentences (doc), ==, 2);
}

static void
test_user_rules (void)
{
  g_autofree char *path = tri_segmenter_user_rules_path ("en");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(TriSegmenter) before = tri_segmenter_new ("en");
  g_autoptr(TriSegmenter) after = NULL;
  g_autofree char *got_before = NULL;
  g_autofree char *got_after = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "The envoy met Gen. Staff Sgt. Byrne and Amb. Rowe. He met Brig. Kane too.";

  got_before = segment_joined (before, text);
  g_assert_cmpstr (got_before, ==, "The envoy met Gen. Staff Sgt. Byrne and Amb. Rowe. | He met Brig. | Kane too.");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "# mine\n[abbreviations]\nBrig.\n", -1, &error);
  g_assert_no_error (error);

  after = tri_segmenter_new ("en");
  g_assert_cmpuint (tri_segmenter_get_n_rules (after), ==, tri_segmenter_get_n_rules (before) + 1);
  got_after = segment_joined (after, text);
  g_assert_cmpstr (got_after, ==, "The envoy met Gen. Staff Sgt. Byrne and Amb. Rowe. | He met Brig. Kane too.");

  g_unlink (path);
}

/* A sentence's text as the aligner and the grid get it: every run of
 * white space (line breaks, tabs, ideographic and thin spaces) one space,
 * no-break spaces kept, none at either end; the same with or without the
 * byte map. */
static void
test_fold_whitespace (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "  Talks  resumed\n\tin Geneva. ", "Talks resumed in Geneva." },
    { "Переговоры\r\nвозобновились\u3000в Женеве", "Переговоры возобновились в Женеве" },
    { "10\u00a0000 гривень", "10\u00a0000 гривень" },
    { "Київ,\u2009\u2028 березень\u202f2024", "Київ, березень\u202f2024" },
    { "\n\n\t ", "" },
    { "", "" },
    { "a\vb", "a\vb" },
    { "Ogham\u1680space,\u205fmaths\u2029para", "Ogham space, maths para" },
    { "«Так»\f— сказав він.", "«Так» — сказав він." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = tri_fold_whitespace (cases[i].in, -1);
      g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_autofree char *mapped = tri_fold_whitespace_map (cases[i].in, -1, map);
      /* A sentence is part of a text: its first half, cut between characters. */
      gssize half = g_utf8_offset_to_pointer (cases[i].in, g_utf8_strlen (cases[i].in, -1) / 2) - cases[i].in;
      g_autofree char *part = tri_fold_whitespace (cases[i].in, half);
      g_autofree char *part_mapped = tri_fold_whitespace_map (cases[i].in, half, NULL);

      g_assert_cmpstr (folded, ==, cases[i].out);
      g_assert_cmpstr (mapped, ==, cases[i].out);
      g_assert_cmpstr (part, ==, part_mapped);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/segmenter/english", test_english);
  g_test_add_func ("/segmenter/fold-whitespace", test_fold_whitespace);
  g_test_add_func ("/segmenter/russian", test_russian);
  g_test_add_func ("/segmenter/ukrainian", test_ukrainian);
  g_test_add_func ("/segmenter/fallback-language", test_fallback_language);
  g_test_add_func ("/segmenter/line-layout", test_line_layout);
  g_test_add_func ("/segmenter/hard-wrapped-document", test_hard_wrapped_document);
  g_test_add_func ("/segmenter/dictionary-abbreviations", test_dictionary_abbreviations);
  g_test_add_func ("/segmenter/paragraphs-and-offsets", test_paragraphs_and_offsets);
  g_test_add_func ("/segmenter/list-items", test_list_items);
  g_test_add_func ("/segmenter/dash-after-terminator", test_dash_after_terminator);
  g_test_add_func ("/segmenter/language-change-resegments", test_language_change_resegments);
  g_test_add_func ("/segmenter/user-rules", test_user_rules);

  return g_test_run ();
}

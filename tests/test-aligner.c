/* test-aligner.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tri-aligner.h"
#include "tri-apertium.h"
#include "tri-dictionary.h"
#include "tri-document.h"
#include "tri-error.h"
#include "tri-test-utils.h"

/* The parameters of the aligner are being tuned: these tests check what
 * any sound aligner must do (which sentences go together), never the
 * exact confidence of a row. */

/* Texts */

/* Talks in Odesa: twelve sentences, faithful in all three languages. */
static const char * const odesa_en[] = {
  "The foreign ministers of Ukraine and Moldova met in Odesa on 14 March to discuss shipping safety on the Danube.",
  "The talks lasted more than four hours.",
  "“We have agreed on a joint plan to protect merchant ships,” Deputy Foreign Minister Oleh Hrytsenko told reporters after the meeting.",
  "According to him, 1,250 vessels have passed through the corridor since August.",
  "Insurance premiums for ships calling at Ukrainian ports have fallen by 2.5 per cent.",
  "The Moldovan side asked for help with clearing mines from the river.",
  "The ministers also discussed rebuilding the bridge near Reni, which was damaged by a drone strike last autumn.",
  "Kyiv has promised to pay for part of the work.",
  "The next round of talks is expected in Chisinau in May.",
  "Neither side commented on the dispute over the railway line to Izmail.",
  "Observers called the meeting a cautious step forward.",
  "A joint statement is to be published on Friday.",
  NULL
};

static const char * const odesa_ru[] = {
  "Министры иностранных дел Украины и Молдовы встретились 14 марта в Одессе, чтобы обсудить безопасность судоходства на Дунае.",
  "Переговоры продолжались более четырёх часов.",
  "«Мы договорились о совместном плане защиты торговых судов», — сказал журналистам после встречи заместитель министра иностранных дел Олег Гриценко.",
  "По его словам, с августа через коридор прошли 1 250 судов.",
  "Страховые взносы для судов, заходящих в украинские порты, снизились на 2,5 процента.",
  "Молдавская сторона попросила помощи в разминировании реки.",
  "Министры также обсудили восстановление моста возле Рени, повреждённого прошлой осенью ударом беспилотника.",
  "Киев пообещал оплатить часть работ.",
  "Следующий раунд переговоров ожидается в мае в Кишинёве.",
  "Ни одна из сторон не прокомментировала спор о железнодорожной линии до Измаила.",
  "Наблюдатели назвали встречу осторожным шагом вперёд.",
  "Совместное заявление должны опубликовать в пятницу.",
  NULL
};

static const char * const odesa_uk[] = {
  "Міністри закордонних справ України та Молдови зустрілися 14 березня в Одесі, щоб обговорити безпеку судноплавства на Дунаї.",
  "Переговори тривали понад чотири години.",
  "«Ми домовилися про спільний план захисту торговельних суден», — сказав журналістам після зустрічі заступник міністра закордонних справ Олег Гриценко.",
  "За його словами, від серпня коридором пройшли 1 250 суден.",
  "Страхові внески для суден, що заходять в українські порти, знизилися на 2,5 відсотка.",
  "Молдовська сторона попросила допомоги з розмінуванням річки.",
  "Міністри також обговорили відбудову мосту поблизу Рені, який минулої осені пошкодив удар безпілотника.",
  "Київ пообіцяв оплатити частину робіт.",
  "Наступний раунд переговорів очікують у травні в Кишиневі.",
  "Жодна зі сторін не прокоментувала суперечку щодо залізничної лінії до Ізмаїла.",
  "Оглядачі назвали зустріч обережним кроком уперед.",
  "Спільну заяву мають оприлюднити в п’ятницю.",
  NULL
};

/* An electricity deal signed in Kyiv: eight sentences. */
static const char * const grid_en[] = {
  "Ukraine and Poland signed an agreement in Kyiv on Tuesday to expand trade in electricity.",
  "Under the deal, Ukraine will be able to import up to 1,700 megawatts from the European grid.",
  "The energy minister said the new line would be ready before the winter.",
  "Polish officials were more cautious.",
  "“Much depends on the weather and on how quickly the substations can be repaired,” a spokesman for the Polish grid operator said.",
  "The cost of the project is estimated at 2.5 billion euros.",
  "Part of the money will come from the European Investment Bank.",
  "The two governments will meet again in Warsaw in September.",
  NULL
};

static const char * const grid_ru[] = {
  "Во вторник в Киеве Украина и Польша подписали соглашение о расширении торговли электроэнергией.",
  "Согласно договорённости, Украина сможет импортировать из европейской энергосистемы до 1 700 мегаватт.",
  "Министр энергетики заявил, что новая линия будет готова до наступления зимы.",
  "Польские чиновники были осторожнее.",
  "«Многое зависит от погоды и от того, как быстро удастся отремонтировать подстанции», — сказал представитель польского оператора энергосистемы.",
  "Стоимость проекта оценивается в 2,5 миллиарда евро.",
  "Часть средств предоставит Европейский инвестиционный банк.",
  "Правительства двух стран снова встретятся в Варшаве в сентябре.",
  NULL
};

static const char * const grid_uk[] = {
  "У вівторок у Києві Україна та Польща підписали угоду про розширення торгівлі електроенергією.",
  "Згідно з домовленістю, Україна зможе імпортувати з європейської енергосистеми до 1 700 мегаватів.",
  "Міністр енергетики заявив, що нова лінія буде готова ще до зими.",
  "Польські посадовці були обережнішими.",
  "«Багато залежить від погоди і від того, як швидко вдасться відремонтувати підстанції», — сказав речник польського оператора енергосистеми.",
  "Вартість проєкту оцінюють у 2,5 мільярда євро.",
  "Частину коштів надасть Європейський інвестиційний банк.",
  "Уряди двох країн знову зустрінуться у Варшаві у вересні.",
  NULL
};

/* The electricity deal as running text, in three paragraphs. */
static const char grid_en_text[] =
  "Ukraine and Poland signed an agreement in Kyiv on Tuesday to expand trade in electricity. "
  "Under the deal, Ukraine will be able to import up to 1,700 megawatts from the European grid.\n\n"
  "The energy minister said the new line would be ready before the winter. Polish officials were more cautious. "
  "“Much depends on the weather and on how quickly the substations can be repaired,” a spokesman for the Polish grid "
  "operator said.\n\n"
  "The cost of the project is estimated at 2.5 billion euros. Part of the money will come from the European "
  "Investment Bank. The two governments will meet again in Warsaw in September.\n";

static const char grid_ru_text[] =
  "Во вторник в Киеве Украина и Польша подписали соглашение о расширении торговли электроэнергией. "
  "Согласно договорённости, Украина сможет импортировать из европейской энергосистемы до 1 700 мегаватт.\n\n"
  "Министр энергетики заявил, что новая линия будет готова до наступления зимы. Польские чиновники были осторожнее. "
  "«Многое зависит от погоды и от того, как быстро удастся отремонтировать подстанции», — сказал представитель "
  "польского оператора энергосистемы.\n\n"
  "Стоимость проекта оценивается в 2,5 миллиарда евро. Часть средств предоставит Европейский инвестиционный банк. "
  "Правительства двух стран снова встретятся в Варшаве в сентябре.\n";

static const char grid_uk_text[] =
  "У вівторок у Києві Україна та Польща підписали угоду про розширення торгівлі електроенергією. "
  "Згідно з домовленістю, Україна зможе імпортувати з європейської енергосистеми до 1 700 мегаватів.\n\n"
  "Міністр енергетики заявив, що нова лінія буде готова ще до зими. Польські посадовці були обережнішими. "
  "«Багато залежить від погоди і від того, як швидко вдасться відремонтувати підстанції», — сказав речник "
  "польського оператора енергосистеми.\n\n"
  "Вартість проєкту оцінюють у 2,5 мільярда євро. Частину коштів надасть Європейський інвестиційний банк. "
  "Уряди двох країн знову зустрінуться у Варшаві у вересні.\n";

/* Helpers */

static TriAligner *
new_aligner (void)
{
  TriAligner *aligner = tri_aligner_new ();

  tri_aligner_set_system_dictionaries (aligner, FALSE);
  return aligner;
}

static TriAlignInput *
input_new (const char         *language,
           const char * const *sentences)
{
  return tri_align_input_new (language, sentences, NULL,
                              sentences != NULL ? g_strv_length ((char **)sentences) : 0);
}

/* @base with @n_remove sentences from @at replaced by the NULL-terminated
 * sentences that follow. */
static GStrv
splice (const char * const *base,
        guint               at,
        guint               n_remove,
        ...)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  guint n = g_strv_length ((char **)base);
  const char *s;
  va_list args;

  g_assert_cmpuint (at + n_remove, <=, n);

  for (guint i = 0; i < at; i++)
    g_ptr_array_add (out, g_strdup (base[i]));
  va_start (args, n_remove);
  while ((s = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (out, g_strdup (s));
  va_end (args);
  for (guint i = at + n_remove; i < n; i++)
    g_ptr_array_add (out, g_strdup (base[i]));
  g_ptr_array_add (out, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* The rows as "1-1 1-2 1-0 …": the sentences each row takes from every
 * input. Together with assert_valid_rows() this pins every row down. */
static char *
rows_shape (const GArray *rows,
            guint         n_inputs)
{
  GString *shape = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, r);

      if (r > 0)
        g_string_append_c (shape, ' ');
      for (guint k = 0; k < n_inputs; k++)
        g_string_append_printf (shape, k > 0 ? "-%u" : "%u", row->count[k]);
    }

  return g_string_free (shape, FALSE);
}

/* "1-1" for every row of @n_rows, but the rows named in the (index,
 * shape) pairs that follow, ended by G_MAXUINT. */
static char *
shape_with (guint n_rows,
            guint n_inputs,
            ...)
{
  g_autoptr(GPtrArray) shapes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *plain = NULL;
  va_list args;
  guint at;

  {
    GString *s = g_string_new ("1");

    for (guint k = 1; k < n_inputs; k++)
      g_string_append (s, "-1");
    plain = g_string_free (s, FALSE);
  }

  for (guint r = 0; r < n_rows; r++)
    g_ptr_array_add (shapes, g_strdup (plain));

  va_start (args, n_inputs);
  while ((at = va_arg (args, guint)) != G_MAXUINT)
    {
      const char *special = va_arg (args, const char *);

      g_assert_cmpuint (at, <, n_rows);
      g_free (g_ptr_array_index (shapes, at));
      g_ptr_array_index (shapes, at) = g_strdup (special);
    }
  va_end (args);

  g_ptr_array_add (shapes, NULL);
  return g_strjoinv (" ", (char **)shapes->pdata);
}

/* The most sentences of one language in a bead of a pair alignment (4-1
 * and 1-4 beads). A three-way row is one bead of the third language
 * against up to that many rows of the alignment of the first two, so it
 * can hold up to the square of it in those two. */
#define MAX_BEAD_SIDE 4

/* Every sentence of every input in exactly one row, rows in document
 * order, no row the aligner made larger than a bead allows, and a
 * confidence in [0, 1]. */
static void
assert_valid_rows (const GArray   *rows,
                   TriAlignInput **inputs,
                   guint           n_inputs)
{
  guint next[TRI_ALIGN_MAX_LANGUAGES] = { 0 };
  guint max_count = n_inputs == 3 ? MAX_BEAD_SIDE * MAX_BEAD_SIDE : MAX_BEAD_SIDE;

  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, r);
      guint total = 0;

      for (guint k = 0; k < n_inputs; k++)
        {
          if (row->first[k] != next[k])
            g_test_message ("row %u, input %u: starts at %u, expected %u", r, k, row->first[k], next[k]);
          g_assert_cmpuint (row->first[k], ==, next[k]);
          if (!row->fixed)
            g_assert_cmpuint (row->count[k], <=, max_count);
          next[k] += row->count[k];
          total += row->count[k];
        }
      for (guint k = n_inputs; k < TRI_ALIGN_MAX_LANGUAGES && !row->fixed; k++)
        g_assert_cmpuint (row->count[k], ==, 0);

      g_assert_cmpuint (total, >, 0);
      g_assert_cmpfloat (row->score, >=, 0.0);
      g_assert_cmpfloat (row->score, <=, 1.0);
    }

  for (guint k = 0; k < n_inputs; k++)
    g_assert_cmpuint (next[k], ==, tri_align_input_get_n_sentences (inputs[k]));
}

/* A readable dump of the rows, for the log when a shape does not match. */
static void
log_rows (const GArray       *rows,
          guint               n_inputs,
          const char * const *texts[])
{
  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, r);
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "row %u (%.2f%s):", r, row->score, row->fixed ? ", fixed" : "");
      for (guint k = 0; k < n_inputs; k++)
        {
          g_string_append_printf (line, " [%u+%u]", row->first[k], row->count[k]);
          if (texts != NULL && texts[k] != NULL && row->count[k] > 0)
            {
              g_autofree char *start = g_utf8_substring (texts[k][row->first[k]], 0, 24);

              g_string_append_printf (line, " %s…", start);
            }
        }
      g_test_message ("%s", line->str);
      g_string_free (line, TRUE);
    }
}

static GArray *
align_full (TriAligner         *aligner,
            guint               n_inputs,
            const char * const *languages,
            const char * const *texts[],
            const GArray       *fixed)
{
  TriAlignInput *inputs[TRI_ALIGN_MAX_LANGUAGES] = { NULL };
  g_autoptr(GError) error = NULL;
  GArray *rows;

  for (guint k = 0; k < n_inputs; k++)
    inputs[k] = input_new (languages[k], texts[k]);

  rows = tri_aligner_align (aligner, inputs, n_inputs, fixed, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  assert_valid_rows (rows, inputs, n_inputs);

  for (guint k = 0; k < n_inputs; k++)
    tri_align_input_free (inputs[k]);

  return rows;
}

/* Aligns the texts and checks the shape of the result. */
static void
check_shape (TriAligner         *aligner,
             guint               n_inputs,
             const char * const *languages,
             const char * const *texts[],
             const char         *expected)
{
  g_autoptr(GArray) rows = align_full (aligner, n_inputs, languages, texts, NULL);
  g_autofree char *shape = rows_shape (rows, n_inputs);

  if (g_strcmp0 (shape, expected) != 0)
    log_rows (rows, n_inputs, texts);
  g_assert_cmpstr (shape, ==, expected);
}

static void
check_pair (TriAligner         *aligner,
            const char * const *en,
            const char * const *ru,
            const char         *expected)
{
  static const char * const languages[] = { "en", "ru" };
  const char * const *texts[] = { en, ru };

  check_shape (aligner, 2, languages, texts, expected);
}

static void
check_ru_uk (TriAligner         *aligner,
             const char * const *ru,
             const char * const *uk,
             const char         *expected)
{
  static const char * const languages[] = { "ru", "uk" };
  const char * const *texts[] = { ru, uk };

  check_shape (aligner, 2, languages, texts, expected);
}

static void
check_triple (TriAligner         *aligner,
              const char * const *en,
              const char * const *ru,
              const char * const *uk,
              const char         *expected)
{
  static const char * const languages[] = { "en", "ru", "uk" };
  const char * const *texts[] = { en, ru, uk };

  check_shape (aligner, 3, languages, texts, expected);
}

/* The rows seen from inputs @a and @b only: rows with neither are left
 * out, and what remains must again be a complete monotone alignment. */
static void
assert_valid_projection (const GArray *rows,
                         guint         a,
                         guint         b,
                         guint         n_a,
                         guint         n_b)
{
  guint next_a = 0, next_b = 0, kept = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, r);

      if (row->count[a] == 0 && row->count[b] == 0)
        continue;

      g_assert_cmpuint (row->first[a], ==, next_a);
      g_assert_cmpuint (row->first[b], ==, next_b);
      next_a += row->count[a];
      next_b += row->count[b];
      kept++;
    }

  g_assert_cmpuint (next_a, ==, n_a);
  g_assert_cmpuint (next_b, ==, n_b);
  g_assert_cmpuint (kept, <=, n_a + n_b);
}

static GArray *
fixed_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (TriBead));
}

static void
fixed_add (GArray *fixed,
           guint   first_0,
           guint   count_0,
           guint   first_1,
           guint   count_1,
           guint   first_2,
           guint   count_2)
{
  TriBead row = { { first_0, first_1, first_2 }, { count_0, count_1, count_2 }, 1.0, TRUE };

  g_array_append_val (fixed, row);
}

/* The row of @rows that holds sentence @index of input @k. */
static const TriBead *
row_of (const GArray *rows,
        guint         k,
        guint         index)
{
  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, r);

      if (index >= row->first[k] && index < row->first[k] + row->count[k])
        return row;
    }
  g_assert_not_reached ();
  return NULL;
}

typedef struct
{
  GMainLoop *loop;
  GArray    *rows;
  GError    *error;
} AsyncResult;

static void
aligner_align_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AsyncResult *data = user_data;

  g_assert_true (TRI_IS_ALIGNER (object));
  data->rows = tri_aligner_align_finish (TRI_ALIGNER (object), result, &data->error);
  g_main_loop_quit (data->loop);
}

/* 1. One to one */

static void
test_one_to_one (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autoptr(GArray) rows = NULL;
  static const char * const languages[] = { "en", "ru" };
  const char * const *texts[] = { grid_en, grid_ru };

  rows = align_full (aligner, 2, languages, texts, NULL);
  g_assert_cmpuint (rows->len, ==, 8);
  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, r);

      g_assert_cmpuint (row->first[0], ==, r);
      g_assert_cmpuint (row->count[0], ==, 1);
      g_assert_cmpuint (row->first[1], ==, r);
      g_assert_cmpuint (row->count[1], ==, 1);
      g_assert_false (row->fixed);
    }

  /* The same in the other direction, and for the other pair. */
  check_shape (aligner, 2, (const char * const[]) { "ru", "en" },
               (const char * const *[]) { grid_ru, grid_en }, "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");
  check_shape (aligner, 2, (const char * const[]) { "en", "uk" },
               (const char * const *[]) { grid_en, grid_uk }, "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");
  check_pair (aligner, odesa_en, odesa_ru, "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");

  g_assert_cmpfloat (tri_aligner_get_progress (aligner), ==, 1.0);
}

/* 2. Every kind of bead, inside an otherwise faithful translation */

static void
test_split (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian says the bridge sentence in two. */
  g_auto(GStrv) ru = splice (odesa_ru, 6, 1,
                             "Министры также обсудили восстановление моста возле Рени у границы.",
                             "Прошлой осенью его повредил удар беспилотника.",
                             NULL);
  g_autofree char *expected = shape_with (12, 2, 6, "1-2", G_MAXUINT);

  check_pair (aligner, odesa_en, (const char * const *)ru, expected);
}

static void
test_merge (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian joins the figures of two English sentences into one. */
  g_auto(GStrv) ru = splice (odesa_ru, 3, 2,
                             "По его словам, с августа через коридор прошли 1 250 судов, а страховые взносы "
                             "для судов, заходящих в украинские порты, снизились на 2,5 процента.",
                             NULL);
  g_autofree char *expected = shape_with (11, 2, 3, "2-1", G_MAXUINT);

  check_pair (aligner, odesa_en, (const char * const *)ru, expected);
}

static void
test_two_to_two (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The figures and the mines are cut at different places: neither
   * sentence of one side has a single counterpart on the other. */
  g_auto(GStrv) en = splice (odesa_en, 3, 3,
                             "According to him, 1,250 vessels have passed through the corridor since August, and "
                             "insurance premiums for ships calling at Ukrainian ports have fallen by 2.5 per cent.",
                             "The Moldovan side asked for help with clearing mines from the river.",
                             NULL);
  g_auto(GStrv) ru = splice (odesa_ru, 3, 3,
                             "По его словам, с августа через коридор прошли 1 250 судов.",
                             "Страховые взносы для судов, заходящих в украинские порты, снизились на 2,5 процента, "
                             "а молдавская сторона попросила помощи в разминировании реки.",
                             NULL);
  g_autofree char *expected = shape_with (10, 2, 3, "2-2", G_MAXUINT);

  check_pair (aligner, (const char * const *)en, (const char * const *)ru, expected);
}

static void
test_translation_adds_a_sentence (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian joins a sentence of its own to the corridor's figures:
   * twice as long as the English, but the figures, the month and the
   * corridor match, and nothing else of the English does. One row, not
   * two sentences alone. */
  g_auto(GStrv) ru = splice (odesa_ru, 3, 1,
                             "По его словам, с августа через коридор прошли 1 250 судов; кроме того, "
                             "пограничники с начала года задержали на реке 37 лодок контрабандистов, "
                             "а на переправе открыли новый пункт пропуска для грузовиков, который "
                             "должен сократить очереди на границе.",
                             NULL);

  g_auto(GStrv) uk = NULL;

  check_pair (aligner, odesa_en, (const char * const *)ru,
              "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");

  /* The Ukrainian joins one the Russian lacks, on the lorries that
   * crossed it, to the sentence on the bridge at Reni: three times as
   * long, its first half the Russian sentence word for word. One row. */
  uk = splice (odesa_uk, 6, 1,
               "Міністри також обговорили відбудову мосту поблизу Рені, який минулої осені пошкодив удар "
               "безпілотника; до того ним щодня проїжджали сотні вантажівок із зерном і добривами, а тепер "
               "вони по три-чотири доби стоять у чергах на поромних переправах, водії ночують у кабінах, а "
               "перевізники рахують збитки й уже вкотре просять уряд про термінові компенсації.",
               NULL);
  check_ru_uk (aligner, odesa_ru, (const char * const *)uk,
               "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");
}

static void
test_omission (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian leaves out the railway. */
  g_auto(GStrv) ru = splice (odesa_ru, 9, 1, NULL);
  g_autofree char *expected = shape_with (12, 2, 9, "1-0", G_MAXUINT);

  check_pair (aligner, odesa_en, (const char * const *)ru, expected);
}

static void
test_insertion (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian adds a sentence of its own after the second. */
  g_auto(GStrv) ru = splice (odesa_ru, 2, 0,
                             "Встреча проходила за закрытыми дверями, журналистов в зал не пустили.",
                             NULL);
  g_autofree char *expected = shape_with (13, 2, 2, "0-1", G_MAXUINT);

  check_pair (aligner, odesa_en, (const char * const *)ru, expected);
}

/* With Debian's English–Russian dictionary (when it is installed), the
 * aligner sees that a sentence matches nothing. */
static void
test_short_insertion (void)
{
  g_autoptr(TriAligner) aligner = tri_aligner_new ();
  /* The Russian adds a short remark of its own after the corridor's
   * figure. The two texts have about as many sentences, so the remark
   * stands alone rather than joining the figure's row as a 1-2. */
  g_auto(GStrv) ru = splice (odesa_ru, 4, 0, "Это важно для экспорта зерна.", NULL);
  g_autofree char *expected = shape_with (13, 2, 4, "0-1", G_MAXUINT);

  if (!g_file_test ("/usr/share/dictd/mueller7.index", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Mueller's English–Russian dictionary (dict-mueller7) is not installed");
      return;
    }
  check_pair (aligner, odesa_en, (const char * const *)ru, expected);
}

static void
test_omissions_on_opposite_sides (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian adds a long sentence on the queue of ships before the
   * Moldovan request, the Ukrainian a short one after it, and spells the
   * request out with the mines left in the fairway. By length the four
   * make a good 2-2 row, but neither added sentence matches anything in
   * it: they stand alone, on either side of the request's 1-1 row. */
  g_auto(GStrv) ru = splice (odesa_ru, 5, 0,
                             "Очередь у входа в коридор за последний месяц заметно выросла, и капитаны из Измаила "
                             "жалуются, что ждать разрешения на проход приходится по нескольку суток.", NULL);
  g_auto(GStrv) uk = splice (odesa_uk, 5, 1,
                             "Молдовська сторона попросила допомоги з розмінуванням річки, адже після минулорічних "
                             "обстрілів у фарватері досі лежать десятки мін.",
                             "Про терміни робіт у Кишиневі та Києві поки мовчать.", NULL);
  g_autofree char *expected = shape_with (14, 2, 5, "1-0", 7, "0-1", G_MAXUINT);

  check_ru_uk (aligner, (const char * const *)ru, (const char * const *)uk, expected);
}

static void
test_insertions_side_by_side (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* Each version adds a sentence of its own at the same place: the Russian
   * one on the captains' complaints in the port of Odesa, the Ukrainian one
   * on the railway line to Izmail. Both have much to match elsewhere in the
   * other text (Odesa, insurance, the corridor, the Danube; the line,
   * Izmail, Kyiv) and nothing in each other: between Russian and
   * Ukrainian, whose translations share most of their words, they are two
   * sentences alone, not a row. */
  g_auto(GStrv) ru = splice (odesa_ru, 8, 0,
                             "Капитаны судов в порту Одессы жалуются, что страховые взносы за проход коридором по "
                             "Дунаю снова выросли, а ждать разрешения приходится по нескольку суток.", NULL);
  g_auto(GStrv) uk = splice (odesa_uk, 8, 0,
                             "Залізнична лінія до Ізмаїла потребує ремонту після торішніх обстрілів, повідомили у Києві.", NULL);
  g_autofree char *expected = shape_with (14, 2, 8, "0-1", 9, "1-0", G_MAXUINT);

  check_ru_uk (aligner, (const char * const *)ru, (const char * const *)uk, expected);
}

static void
test_sentence_english_lacks (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian and the Ukrainian leave the drone strike out of the
   * sentence on the bridge at Reni and add one of their own on the lorries
   * that crossed it: by length, the English sentence could take both. But
   * Russian and Ukrainian agree on the added sentence, and of its names and
   * figures it shares only Reni with the English one: English lacks it. */
  g_auto(GStrv) ru = splice (odesa_ru, 6, 1,
                             "Министры также обсудили восстановление моста возле Рени у границы.",
                             "До 14 марта по мосту у Рени из Измаила в Молдову шли до 1 250 грузовиков в день.", NULL);
  g_auto(GStrv) uk = splice (odesa_uk, 6, 1,
                             "Міністри також обговорили відбудову мосту поблизу Рені біля кордону.",
                             "До 14 березня мостом біля Рені з Ізмаїла до Молдови їхало до 1 250 вантажівок на день.", NULL);
  g_autofree char *expected = shape_with (13, 3, 7, "0-1-1", G_MAXUINT);

  check_triple (aligner, odesa_en, (const char * const *)ru, (const char * const *)uk, expected);
}

static void
test_merged_beside_insertion (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian inserts a sentence from another report (the streets by the
   * port closed, a police patrol) before the Moldovan request, and the
   * Ukrainian joins the request and the bridge at Reni in one sentence.
   * Russian and Ukrainian align first: the inserted sentence alone, the two
   * Russian ones with the joined Ukrainian one. English against those rows
   * took the request for the inserted sentence (about as long, nothing to
   * match) and the bridge for the whole row; English, Russian and Ukrainian
   * together say the inserted sentence is alone and the row is 2-2-1. */
  g_auto(GStrv) en = splice (odesa_en, 5, 1,
                             "The Moldovan side asked for help with clearing 40 mines from the river near Giurgiulesti.",
                             NULL);
  g_auto(GStrv) ru_joined = splice (odesa_ru, 5, 1,
                                    "Молдавская сторона попросила помощи в разминировании 40 мин в реке возле Джурджулешт.",
                                    NULL);
  g_auto(GStrv) ru = splice ((const char * const *)ru_joined, 5, 0,
                             "Прилегающие к порту улицы перекрыли для движения, а за порядком в них следит "
                             "усиленный патруль полиции.", NULL);
  g_auto(GStrv) uk = splice (odesa_uk, 5, 2,
                             "Молдовська сторона попросила допомоги з розмінуванням 40 мін у річці біля Джурджулешт; "
                             "міністри також обговорили відбудову мосту поблизу Рені, який минулої осені пошкодив "
                             "удар безпілотника.", NULL);
  g_autofree char *expected = shape_with (12, 3, 5, "0-1-0", 6, "2-2-1", G_MAXUINT);

  check_triple (aligner, (const char * const *)en, (const char * const *)ru, (const char * const *)uk, expected);
}

static void
test_lacked_beside_merged (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian leaves out the sentence on the next round of talks; the
   * Ukrainian joins it to the one before. Russian and Ukrainian align
   * first, the joined sentence with Kyiv's promise alone, a row of two
   * versions of unlike length. The English of that row is two sentences:
   * against the mean of the two lengths both the 1-1 and the 2-1 row look
   * wrong, and the English promise came out alone, the next round taking
   * the row; against the longer version's length, the 2-1 row fits. */
  g_auto(GStrv) ru = splice (odesa_ru, 8, 1, NULL);
  g_auto(GStrv) uk = splice (odesa_uk, 7, 2,
                             "Київ пообіцяв оплатити частину робіт; наступний раунд переговорів очікують "
                             "у травні в Кишиневі.", NULL);
  g_autofree char *expected = shape_with (11, 3, 7, "2-1-1", G_MAXUINT);

  check_triple (aligner, odesa_en, (const char * const *)ru, (const char * const *)uk, expected);
}

static void
test_each_lacks_another (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* Two sentences on the Moldovan minister: the Russian keeps the first
   * and leaves out the second, the Ukrainian the other way round. Russian
   * and Ukrainian, aligned first, pair the two on his name (Спыну,
   * Спину), and English, aligned against that row, took both of its
   * sentences there. Started from English, each order keeps them apart,
   * and the two agree. */
  g_auto(GStrv) en = splice (odesa_en, 6, 0,
                             "Moldovan Infrastructure Minister Andrei Spînu said the work would begin in June.",
                             "Spînu also asked Kyiv for two more patrol boats.", NULL);
  g_auto(GStrv) ru = splice (odesa_ru, 6, 0,
                             "Министр инфраструктуры Молдовы Андрей Спыну сказал, что работы начнутся в июне.", NULL);
  g_auto(GStrv) uk = splice (odesa_uk, 6, 0, "Спину також попросив у Києва ще два патрульні катери.", NULL);
  g_autofree char *expected = shape_with (14, 3, 6, "1-1-0", 7, "1-0-1", G_MAXUINT);

  check_triple (aligner, (const char * const *)en, (const char * const *)ru, (const char * const *)uk, expected);
}

static void
test_splitting_translation (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* A translator who splits long sentences, the second half a short
   * remark: 17 Russian sentences for 12 English ones. With that many more
   * sentences, one that matches nothing is the half of a 1-2 row, not a
   * sentence of the Russian's own ("Речь шла о железной дороге."). */
  static const char * const ru[] = {
    "Министры иностранных дел Украины и Молдовы встретились 14 марта в Одессе.",
    "Речь шла о Дунае.",
    "Переговоры продолжались более четырёх часов.",
    "«Мы договорились о совместном плане защиты торговых судов».",
    "Так сказал замминистра.",
    "По его словам, с августа через коридор прошли 1 250 судов.",
    "Страховые взносы снизились на 2,5 процента.",
    "Это касается портов.",
    "Молдавская сторона попросила помощи в разминировании реки.",
    "Министры также обсудили восстановление моста возле Рени у границы.",
    "Его повредил дрон.",
    "Киев пообещал оплатить часть работ.",
    "Следующий раунд переговоров ожидается в мае в Кишинёве.",
    "Ни одна из сторон не прокомментировала спор.",
    "Речь шла о железной дороге.",
    "Наблюдатели назвали встречу осторожным шагом вперёд.",
    "Совместное заявление должны опубликовать в пятницу.",
    NULL
  };

  check_pair (aligner, odesa_en, ru, "1-2 1-1 1-2 1-1 1-2 1-1 1-2 1-1 1-1 1-2 1-1 1-1");
}

static void
test_splitting_in_four (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The same translator, who splits: 17 Russian sentences for 12 English
   * ones, and the sentence on the bridge at Reni in four, the last naming
   * Hrytsenko as the source, whom the English names in the next sentence.
   * With that many more sentences, a sentence in four is likelier than a
   * last piece that goes with the next sentence on a name. */
  static const char * const ru[] = {
    "Министры иностранных дел Украины и Молдовы встретились 14 марта в Одессе.",
    "Речь шла о безопасности судоходства на Дунае.",
    "Переговоры продолжались более четырёх часов.",
    "«Мы договорились о совместном плане защиты торговых судов», — сказал журналистам после встречи заместитель министра иностранных дел Олег Гриценко.",
    "По его словам, с августа через коридор прошли 1 250 судов.",
    "Страховые взносы для судов, заходящих в украинские порты, снизились на 2,5 процента.",
    "Молдавская сторона попросила помощи в разминировании реки.",
    "Министры также обсудили мост возле Рени.",
    "Его нужно восстановить.",
    "Прошлой осенью мост повредили.",
    "По словам Гриценко, это был беспилотник.",
    "Киев пообещал оплатить часть работ, сказал Гриценко.",
    "Следующий раунд переговоров ожидается в мае в Кишинёве.",
    "Ни одна из сторон не прокомментировала спор о железнодорожной линии до Измаила.",
    "Наблюдатели назвали встречу осторожным шагом вперёд.",
    "Совместное заявление должны опубликовать в пятницу.",
    "Дата пока не названа.",
    NULL
  };

  g_auto(GStrv) en = splice (odesa_en, 7, 1, "Kyiv has promised to pay for part of the work, Hrytsenko said.", NULL);

  check_pair (aligner, (const char * const *)en, ru, "1-2 1-1 1-1 1-1 1-1 1-1 1-4 1-1 1-1 1-1 1-1 1-2");
}

/* 3. Numbers and names identify the pairs when lengths mislead */

static void
test_names_against_lengths (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The Russian shortens the long English sentence about Kovalenko and
   * spells out the short one about Hrytsenko: by length alone the two
   * pairs look like one 2-2 row. The names and the figures pair them. */
  static const char * const en[] = {
    "The Ukrainian delegation arrived in Odesa on the evening of 13 March.",
    "Andrii Kovalenko, who heads the port authority, said that 318 ships had called at the ports of Greater Odesa in February.",
    "Hrytsenko hopes for 400 ships in April.",
    "Insurance is still the main obstacle: cover for a single voyage can cost up to 1 per cent of the value of the ship, "
      "the Ministry of Infrastructure said on 14 March.",
    "The next report is due on 1 April.",
    NULL
  };
  static const char * const ru[] = {
    "Украинская делегация прибыла в Одессу вечером 13 марта.",
    "Коваленко: в феврале в порты Большой Одессы зашли 318 судов.",
    "Заместитель министра Олег Гриценко рассчитывает, что в апреле в порты зайдут уже 400 судов.",
    "Страховка по-прежнему дорогая: до 1% стоимости судна за рейс (данные Мининфраструктуры на 14 марта).",
    "Следующий отчёт ожидается 1 апреля.",
    NULL
  };

  /* The premise: the long sentence became the short one, and back. */
  g_assert_cmpuint (g_utf8_strlen (en[1], -1), >, 2 * g_utf8_strlen (ru[1], -1));
  g_assert_cmpuint (2 * g_utf8_strlen (en[2], -1), <, g_utf8_strlen (ru[2], -1));

  check_pair (aligner, en, ru, "1-1 1-1 1-1 1-1 1-1");
}

static void
test_numbers_against_lengths (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* The same with figures only: the Russian drops a clause about
   * inflation and adds one about unemployment. */
  static const char * const en[] = {
    "Ukraine's economy grew by 5.3 per cent in 2023, the state statistics service said on 14 March.",
    "Inflation slowed to 4.3 per cent by December, its lowest level in more than two years.",
    "Unemployment fell to 17 per cent.",
    "Exports reached 36 billion dollars.",
    "The National Bank cut its key rate to 14.5 per cent.",
    NULL
  };
  static const char * const ru[] = {
    "В 2023 году экономика Украины выросла на 5,3 процента, сообщил 14 марта Госстат.",
    "Инфляция к декабрю замедлилась до 4,3 процента.",
    "Безработица, которая после начала вторжения превышала 20 процентов, снизилась до 17 процентов.",
    "Экспорт достиг 36 миллиардов долларов.",
    "Нацбанк снизил учётную ставку до 14,5 процента.",
    NULL
  };

  g_assert_cmpuint (g_utf8_strlen (en[1], -1), >, g_utf8_strlen (ru[1], -1) * 3 / 2);
  g_assert_cmpuint (2 * g_utf8_strlen (en[2], -1), <, g_utf8_strlen (ru[2], -1));

  check_pair (aligner, en, ru, "1-1 1-1 1-1 1-1 1-1");
}

/* Untranslated sentences next to ones that look alike or are long: they
 * stay alone rather than join a neighbour's row. */

static void
test_insertion_beside_long_sentence (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* An English sentence of its own after the long quote. It shares no
   * word with any Russian sentence, so it belongs in a row alone, not in
   * the quote's row (where a length-only aligner puts it). */
  g_auto(GStrv) en = splice (odesa_en, 3, 0, "He did not say which navies would take part.", NULL);
  g_autofree char *expected = shape_with (13, 2, 3, "1-0", G_MAXUINT);

  check_pair (aligner, (const char * const *)en, odesa_ru, expected);
}

static void
test_omission_of_parallel_sentence (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* Two English sentences alike but for the crop, only one of them
   * translated: the Russian goes with one of the two (which one is left
   * open: no dictionaries here), and the other stands alone, rather
   * than both in one 2-1 row. */
  static const char * const en[] = {
    "Harvest forecasts for the south of Ukraine were cut again on 14 March.",
    "The Ministry of Agrarian Policy now expects 22 million tonnes of grain in the Odesa, Mykolaiv and Kherson regions.",
    "Farmers in the region expect less wheat than last year.",
    "Farmers in the region expect less barley than last year.",
    "Rainfall in February was 40 per cent below normal.",
    "In the Odesa region there has been no rain for six weeks.",
    "Irrigation canals that were damaged in 2023 have not yet been repaired.",
    "The government has promised 1,500 hryvnias per hectare in compensation.",
    NULL
  };
  static const char * const ru[] = {
    "14 марта прогнозы урожая для юга Украины снова понизили.",
    "Минагрополитики теперь ожидает в Одесской, Николаевской и Херсонской областях 22 миллиона тонн зерна.",
    "Аграрии региона ожидают меньше пшеницы, чем в прошлом году.",
    "В феврале выпало на 40 процентов меньше осадков, чем обычно.",
    "В Одесской области дождей нет уже шесть недель.",
    "Оросительные каналы, повреждённые в 2023 году, до сих пор не отремонтированы.",
    "Правительство пообещало компенсацию в размере 1 500 гривен за гектар.",
    NULL
  };
  g_autofree char *second_alone = shape_with (8, 2, 3, "1-0", G_MAXUINT);
  g_autofree char *first_alone = shape_with (8, 2, 2, "1-0", G_MAXUINT);
  g_autoptr(GArray) rows = align_full (aligner, 2, (const char * const[]) { "en", "ru" },
                                       (const char * const *[]) { en, ru }, NULL);
  g_autofree char *shape = rows_shape (rows, 2);

  if (!g_str_equal (shape, second_alone) && !g_str_equal (shape, first_alone))
    log_rows (rows, 2, (const char * const *[]) { en, ru });
  g_assert_true (g_str_equal (shape, second_alone) || g_str_equal (shape, first_alone));
}

static void
test_omission_with_unmatched_figure (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* Sentences of one pattern, told apart by their figures. The Russian
   * leaves out the sunflower oil, and its maize sentence is a little
   * longer ("напротив"). Nothing in Russian has 430, so the English
   * sentence with it stands alone rather than join the maize row. */
  static const char * const en[] = {
    "Grain exports from Ukraine rose in February, the Ministry of Agrarian Policy said.",
    "Wheat exports reached 1,250 thousand tonnes.",
    "Maize exports fell to 980 thousand tonnes.",
    "Sunflower oil exports stayed at about 430 thousand tonnes.",
    "Barley exports doubled to 310 thousand tonnes.",
    "Soybean exports came to 145 thousand tonnes.",
    "Rapeseed exports fell to 62 thousand tonnes.",
    "Officials expect exports to grow by 2.5 per cent in March.",
    NULL
  };
  static const char * const ru[] = {
    "В феврале экспорт зерна из Украины вырос, сообщили в Министерстве аграрной политики.",
    "Экспорт пшеницы составил 1 250 тысяч тонн.",
    "Экспорт кукурузы, напротив, сократился до 980 тысяч тонн.",
    "Экспорт ячменя вырос вдвое, до 310 тысяч тонн.",
    "Экспорт сои составил 145 тысяч тонн.",
    "Экспорт рапса упал до 62 тысяч тонн.",
    "В министерстве ожидают, что в марте экспорт вырастет на 2,5 процента.",
    NULL
  };
  check_pair (aligner, en, ru, "1-1 1-1 1-1 1-0 1-1 1-1 1-1 1-1");
}

/* A dictionary lists several senses of a word, and in a long document
 * most of them occur somewhere, if not in this sentence: "region" is
 * область, район, край and страна. A short English sentence whose words
 * all have their Russian counterparts in the sentence that the Russian
 * joined it to must join that row, not stand alone because its unused
 * senses made it look unmatched. */
static const char * const senses_en[] = {
  "Snow closed the roads to the village of Ivanivka on Monday, and the army was sent there.",
  "The district is still quiet, but a military convoy is on its way.",
  "There is a heating point in every settlement, which is what the governor asked for.",
  "This is the belt of forest where no cars can pass, the rescuers said.",
  "In the regional centre, however, a red-haired volunteer opened a kitchen so that nobody goes hungry.",
  "There is still no town there that is in the red zone.",
  "The governor said on Wednesday that the schools would reopen on 14 January.",
  "Power was restored to 1,200 homes by the evening.",
  "Frost is sometimes rosy-cheeked fun for the children, but not for those without heating.",
  NULL
};

static const char * const senses_ru[] = {
  "В понедельник снег закрыл дороги в посёлок Ивановка, и туда направили военных.",
  "В районе ещё тихо, однако туда уже идёт военная колонна.",
  "В каждом населённом пункте есть пункт обогрева, который просил губернатор.",
  "Это тот лесной пояс, где никакой автомобиль не проедет, сказали спасатели.",
  "А вот в областном центре рыжий волонтёр открыл кухню, чтобы никто не голодал.",
  "Ни одного города в красной зоне, а губернатор сообщил в среду, что школы откроются 14 января.",
  "К вечеру электричество вернули в 1 200 домов.",
  "Мороз бывает румяной забавой для детей, но там, где нет отопления, он является бедой: "
  "существует и такое местечко.",
  NULL
};

static void
test_merge_with_many_senses (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autoptr(TriDictionary) dictionary = tri_dictionary_new ();
  /* As Mueller's dictionary does, the common words have many senses. */
  static const char * const pairs[][2] = {
    { "there", "там" }, { "there", "туда" }, { "there", "вот" }, { "there", "существует" },
    { "is", "есть" }, { "is", "является" }, { "is", "бывает" }, { "is", "существует" },
    { "still", "ещё" }, { "still", "однако" }, { "still", "тихий" }, { "still", "всё" },
    { "no", "нет" }, { "no", "никакой" },
    { "town", "город" }, { "town", "посёлок" }, { "town", "пункт" }, { "town", "местечко" },
    { "that", "это" }, { "that", "который" }, { "that", "тот" }, { "that", "чтобы" },
    { "red", "красный" }, { "red", "рыжий" }, { "red", "румяный" }, { "red", "военный" },
    { "zone", "зона" }, { "zone", "пояс" }, { "zone", "район" }, { "zone", "область" },
    { "snow", "снег" }, { "roads", "дороги" }, { "village", "посёлок" }, { "army", "военные" },
    { "district", "район" }, { "quiet", "тихий" }, { "convoy", "колонна" },
    { "heating", "обогрев" }, { "heating", "отопление" }, { "settlement", "пункт" },
    { "governor", "губернатор" }, { "forest", "лесной" }, { "belt", "пояс" }, { "cars", "автомобиль" },
    { "rescuers", "спасатели" }, { "regional", "областной" }, { "centre", "центр" },
    { "volunteer", "волонтёр" }, { "kitchen", "кухня" }, { "wednesday", "среда" },
    { "schools", "школы" }, { "homes", "дома" }, { "evening", "вечер" }, { "frost", "мороз" },
    { "children", "дети" }, { "fun", "забава" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    tri_dictionary_add (dictionary, pairs[i][0], pairs[i][1]);
  tri_aligner_set_user_dictionary (aligner, dictionary);

  check_pair (aligner, senses_en, senses_ru, "1-1 1-1 1-1 1-1 1-1 2-1 1-1 1-1");
}

/* 4. Three ways */

/* A long report of 4,200 sentences a language: the aligner makes a pair's
 * two sides and searches its anchors in two threads from 4,000 sentences
 * on (tri-aligner.c). Every item is numbered, and the Russian leaves out
 * the railway sentence in three places: three rows English and Ukrainian
 * alone, every other row one to one to one. */
#define LONG_BLOCKS 350

static GStrv
long_report (const char * const *base,
             const char         *item,
             gboolean            skip_railway)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  guint n = g_strv_length ((char **)base);

  for (guint b = 0; b < LONG_BLOCKS; b++)
    for (guint i = 0; i < n; i++)
      {
        if (skip_railway && i == 9 && (b == 83 || b == 208 || b == 325))
          continue;
        g_ptr_array_add (out, g_strdup_printf ("%s %u. %s", item, b * n + i + 1, base[i]));
      }
  g_ptr_array_add (out, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

static void
test_long_report (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_auto(GStrv) en = long_report (odesa_en, "Item", FALSE);
  g_auto(GStrv) ru = long_report (odesa_ru, "Пункт", TRUE);
  g_auto(GStrv) uk = long_report (odesa_uk, "Пункт", FALSE);
  guint n = g_strv_length (en);
  g_autofree char *expected = shape_with (n, 3,
                                          83 * 12 + 9, "1-0-1",
                                          208 * 12 + 9, "1-0-1",
                                          325 * 12 + 9, "1-0-1",
                                          G_MAXUINT);

  g_assert_cmpuint (n, ==, LONG_BLOCKS * 12);
  check_triple (aligner, (const char * const *)en, (const char * const *)ru, (const char * const *)uk, expected);
}

static void
test_three_way (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  static const char * const languages[] = { "en", "ru", "uk" };
  /* Russian splits the quote from its attribution; English adds where
   * the money comes from; Ukrainian leaves out the railway. */
  g_auto(GStrv) en = splice (odesa_en, 8, 0,
                             "The money is to come from the state road fund.",
                             NULL);
  g_auto(GStrv) ru = splice (odesa_ru, 2, 1,
                             "«Мы договорились о совместном плане защиты торговых судов».",
                             "Об этом журналистам после встречи сообщил заместитель министра иностранных дел Олег Гриценко.",
                             NULL);
  g_auto(GStrv) uk = splice (odesa_uk, 9, 1, NULL);
  const char * const *texts[] = {
    (const char * const *)en, (const char * const *)ru, (const char * const *)uk,
  };
  g_autoptr(GArray) rows = NULL;
  g_autofree char *shape = NULL;
  g_autofree char *expected = shape_with (13, 3,
                                          2, "1-2-1",
                                          8, "1-0-0",
                                          10, "1-1-0",
                                          G_MAXUINT);
  g_autofree char *expected_reordered = shape_with (13, 3,
                                                    2, "1-1-2",
                                                    8, "0-1-0",
                                                    10, "0-1-1",
                                                    G_MAXUINT);
  g_autofree char *expected_faithful = shape_with (12, 3, G_MAXUINT);
  g_autofree char *expected_grid = shape_with (8, 3, G_MAXUINT);

  rows = align_full (aligner, 3, languages, texts, NULL);
  shape = rows_shape (rows, 3);
  if (g_strcmp0 (shape, expected) != 0)
    log_rows (rows, 3, texts);
  g_assert_cmpstr (shape, ==, expected);

  /* Seen from any two languages, the rows are an alignment of their own. */
  assert_valid_projection (rows, 0, 1, g_strv_length (en), g_strv_length (ru));
  assert_valid_projection (rows, 0, 2, g_strv_length (en), g_strv_length (uk));
  assert_valid_projection (rows, 1, 2, g_strv_length (ru), g_strv_length (uk));

  /* The order of the inputs does not matter. */
  check_shape (aligner, 3, (const char * const[]) { "uk", "en", "ru" },
               (const char * const *[]) { (const char * const *)uk, (const char * const *)en,
                                          (const char * const *)ru },
               expected_reordered);

  /* Faithful texts: a row for every sentence. */
  check_triple (aligner, odesa_en, odesa_ru, odesa_uk, expected_faithful);
  check_triple (aligner, grid_en, grid_ru, grid_uk, expected_grid);
}

/* 5. Ukrainian settles what English and Russian leave open */

static const char * const ports_en[] = {
  "Ukraine's ports on the Black Sea are gradually returning to work.",
  "The first grain ship left Chornomorsk early in the morning.",
  "Loading at the port of Pivdennyi resumed on Saturday.",
  "Loading at the port of Mykolaiv resumed on Wednesday.",
  "Port workers say the queue of ships waiting at anchor has become shorter.",
  "However, the threat of mines has not gone away.",
  "Insurers still charge higher premiums for the route.",
  "The government hopes to restore pre-war volumes by the autumn.",
  NULL
};

static const char * const ports_uk[] = {
  "Українські порти на Чорному морі поступово відновлюють роботу.",
  "Перше судно із зерном вийшло з Чорноморська рано вранці.",
  "Навантаження в порту «Південний» відновилося в суботу.",
  "Навантаження в порту Миколаєва відновилося в середу.",
  "Портовики кажуть, що черга суден на рейді скоротилася.",
  "Проте загроза мін нікуди не зникла.",
  "Страховики й далі беруть за цей маршрут підвищені премії.",
  "Уряд сподівається до осені відновити довоєнні обсяги.",
  NULL
};

static void
test_ukrainian_disambiguates (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  /* "Однак" rather than "Проте" for "However": see test_false_friend(). */
  g_auto(GStrv) uk = splice (ports_uk, 5, 1, "Однак загроза мін нікуди не зникла.", NULL);
  /* Russian keeps one of the two loading sentences. Seen from English,
   * the two candidates are alike: the same length, and the only words
   * that tell them apart (Южный, Николаева, субботу, среду) have no
   * counterpart in English that the aligner can see. Both Russian variants
   * are the same length too, so English and Russian alone cannot get both
   * right. Ukrainian shares the port's name with English (Південний,
   * Миколаєва) and the day with Russian (суботу, середу). */
  const char *head[] = {
    "Украинские порты на Черном море постепенно возобновляют работу.",
    "Первое судно с зерном вышло из Черноморска рано утром.",
  };
  const char *tail[] = {
    "Портовики говорят, что очередь судов на рейде сократилась.",
    "Однако угроза мин никуда не исчезла.",
    "Страховщики по-прежнему берут за этот маршрут повышенные премии.",
    "Правительство надеется к осени восстановить довоенные объемы.",
  };
  const char *pivdennyi = "Погрузка в порту «Южный» возобновилась в субботу.";
  const char *mykolaiv = "Погрузка в порту Николаева возобновилась в среду.";
  const char *ru_keeps_mykolaiv[] = { head[0], head[1], mykolaiv, tail[0], tail[1], tail[2], tail[3], NULL };
  const char *ru_keeps_pivdennyi[] = { head[0], head[1], pivdennyi, tail[0], tail[1], tail[2], tail[3], NULL };
  g_autofree char *expected_mykolaiv = shape_with (8, 3, 2, "1-0-1", G_MAXUINT);
  g_autofree char *expected_pivdennyi = shape_with (8, 3, 3, "1-0-1", G_MAXUINT);

  /* The premise: nothing but Ukrainian tells the variants apart. */
  g_assert_cmpuint (g_utf8_strlen (ports_en[2], -1), ==, g_utf8_strlen (ports_en[3], -1));
  g_assert_cmpuint (g_utf8_strlen (pivdennyi, -1), ==, g_utf8_strlen (mykolaiv, -1));

  /* What English and Russian make of it alone, for the log. */
  for (guint v = 0; v < 2; v++)
    {
      const char * const *ru = v == 0 ? ru_keeps_mykolaiv : ru_keeps_pivdennyi;
      g_autoptr(GArray) rows = align_full (aligner, 2, (const char * const[]) { "en", "ru" },
                                           (const char * const *[]) { ports_en, ru }, NULL);
      g_autofree char *shape = rows_shape (rows, 2);

      g_test_message ("en–ru alone, Russian keeping %s: %s", v == 0 ? "Mykolaiv" : "Pivdennyi", shape);
    }

  check_triple (aligner, ports_en, ru_keeps_mykolaiv, (const char * const *)uk, expected_mykolaiv);
  check_triple (aligner, ports_en, ru_keeps_pivdennyi, (const char * const *)uk, expected_pivdennyi);
}

/* A faithful translation where one English word and one Ukrainian word
 * happen to share a consonant skeleton: "port" and "Проте" (however) are
 * both "prt". One chance match between two sentences that share nothing
 * else must not outweigh the order of a faithful text. */
static void
test_false_friend (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autoptr(GArray) rows = align_full (aligner, 2, (const char * const[]) { "en", "uk" },
                                       (const char * const *[]) { ports_en, ports_uk }, NULL);
  g_autofree char *shape = rows_shape (rows, 2);

  if (!g_str_equal (shape, "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1"))
    log_rows (rows, 2, (const char * const *[]) { ports_en, ports_uk });
  /* One chance skeleton match (port ~ Проте, both "prt") among words that
   * match nothing must not decide a row. */
  g_assert_cmpstr (shape, ==, "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");
}

/* 6. Fixed rows */

static void
assert_fixed_kept (const GArray *rows,
                   const GArray *fixed,
                   guint         n_inputs)
{
  guint found = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, r);

      if (!row->fixed)
        continue;

      g_assert_cmpuint (found, <, fixed->len);
      for (guint k = 0; k < n_inputs; k++)
        {
          const TriBead *want = &g_array_index (fixed, TriBead, found);

          g_assert_cmpuint (row->first[k], ==, want->first[k]);
          g_assert_cmpuint (row->count[k], ==, want->count[k]);
        }
      found++;
    }
  g_assert_cmpuint (found, ==, fixed->len);
}

static void
test_fixed_rows (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  static const char * const languages[] = { "en", "ru", "uk" };
  const char * const *texts[] = { odesa_en, odesa_ru, odesa_uk };

  /* A wrong pairing the user insists on: English 4 with Russian 6. The rows
   * before it align English 0–3 with Russian 0–5, those after it English
   * 5–11 with Russian 7–11; away from the wrong row, the pairs are right. */
  {
    g_autoptr(GArray) fixed = fixed_new ();
    g_autoptr(GArray) rows = NULL;
    guint at = G_MAXUINT;

    fixed_add (fixed, 4, 1, 6, 1, 0, 0);
    rows = align_full (aligner, 2, languages, texts, fixed);
    assert_fixed_kept (rows, fixed, 2);

    for (guint r = 0; r < rows->len; r++)
      if (g_array_index (rows, TriBead, r).fixed)
        at = r;
    g_assert_cmpuint (at, <, rows->len);

    for (guint r = 0; r < 3; r++)
      {
        const TriBead *row = &g_array_index (rows, TriBead, r);

        g_assert_cmpuint (row->first[0], ==, r);
        g_assert_cmpuint (row->count[0], ==, 1);
        g_assert_cmpuint (row->first[1], ==, r);
        g_assert_cmpuint (row->count[1], ==, 1);
      }
    for (guint r = 0; r < at; r++)
      {
        const TriBead *row = &g_array_index (rows, TriBead, r);

        g_assert_cmpuint (row->first[0] + row->count[0], <=, 4);
        g_assert_cmpuint (row->first[1] + row->count[1], <=, 6);
      }
    for (guint r = at + 1; r < rows->len; r++)
      {
        const TriBead *row = &g_array_index (rows, TriBead, r);

        g_assert_cmpuint (row->first[0], >=, 5);
        g_assert_cmpuint (row->first[1], >=, 7);
        g_assert_false (row->fixed);
      }
    for (guint s = 7; s < 12; s++)
      {
        const TriBead *row = row_of (rows, 0, s);

        g_assert_cmpuint (row->first[1], ==, s);
        g_assert_cmpuint (row->count[0], ==, 1);
        g_assert_cmpuint (row->count[1], ==, 1);
      }
  }

  /* Right pairings fixed: the rest is what it was without them. */
  {
    g_autoptr(GArray) fixed = fixed_new ();
    g_autoptr(GArray) plain = align_full (aligner, 2, languages, texts, NULL);
    g_autoptr(GArray) rows = NULL;

    fixed_add (fixed, 2, 1, 2, 1, 0, 0);
    fixed_add (fixed, 8, 1, 8, 1, 0, 0);
    rows = align_full (aligner, 2, languages, texts, fixed);
    assert_fixed_kept (rows, fixed, 2);

    g_assert_cmpuint (rows->len, ==, plain->len);
    for (guint r = 0; r < rows->len; r++)
      {
        const TriBead *a = &g_array_index (rows, TriBead, r);
        const TriBead *b = &g_array_index (plain, TriBead, r);

        g_assert_cmpuint (a->first[0], ==, b->first[0]);
        g_assert_cmpuint (a->count[0], ==, b->count[0]);
        g_assert_cmpuint (a->first[1], ==, b->first[1]);
        g_assert_cmpuint (a->count[1], ==, b->count[1]);
        g_assert_true (a->fixed == (r == 2 || r == 8));
      }
  }

  /* Three ways, with rows the aligner would not make itself: a fixed row
   * at the very start, two sentences of each language in one row, an
   * English sentence alone and then one against two of each other
   * language, back to back; between and after them the text aligns as
   * without them. */
  {
    g_autoptr(GArray) fixed = fixed_new ();
    g_autoptr(GArray) rows = NULL;
    g_autofree char *shape = NULL;

    fixed_add (fixed, 0, 1, 0, 1, 0, 1);
    fixed_add (fixed, 3, 2, 3, 2, 3, 2);
    fixed_add (fixed, 5, 1, 5, 0, 5, 0);
    fixed_add (fixed, 6, 1, 5, 2, 5, 2);
    rows = align_full (aligner, 3, languages, texts, fixed);
    assert_fixed_kept (rows, fixed, 3);

    shape = rows_shape (rows, 3);
    if (g_strcmp0 (shape, "1-1-1 1-1-1 1-1-1 2-2-2 1-0-0 1-2-2 1-1-1 1-1-1 1-1-1 1-1-1 1-1-1") != 0)
      log_rows (rows, 3, texts);
    g_assert_cmpstr (shape, ==, "1-1-1 1-1-1 1-1-1 2-2-2 1-0-0 1-2-2 1-1-1 1-1-1 1-1-1 1-1-1 1-1-1");
    for (guint r = 0; r < rows->len; r++)
      g_assert_true (g_array_index (rows, TriBead, r).fixed == (r == 0 || (r >= 3 && r <= 5)));
  }

  /* Everything fixed: nothing is left to align. */
  {
    g_autoptr(GArray) fixed = fixed_new ();
    g_autoptr(GArray) rows = NULL;

    for (guint s = 0; s < 12; s++)
      fixed_add (fixed, s, 1, s, 1, 0, 0);
    rows = align_full (aligner, 2, languages, texts, fixed);
    g_assert_cmpuint (rows->len, ==, 12);
    assert_fixed_kept (rows, fixed, 2);
  }
}

static void
check_invalid_fixed (TriAligner   *aligner,
                     const GArray *fixed)
{
  TriAlignInput *inputs[] = { input_new ("en", odesa_en), input_new ("ru", odesa_ru) };
  g_autoptr(GError) error = NULL;
  GArray *rows;

  rows = tri_aligner_align (aligner, inputs, 2, fixed, NULL, NULL, NULL, &error);
  g_assert_error (error, TRI_ALIGN_ERROR, TRI_ALIGN_ERROR_INVALID);
  g_assert_null (rows);

  tri_align_input_free (inputs[0]);
  tri_align_input_free (inputs[1]);
}

static void
test_fixed_rows_invalid (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();

  /* Overlapping in English. */
  {
    g_autoptr(GArray) fixed = fixed_new ();

    fixed_add (fixed, 2, 2, 2, 1, 0, 0);
    fixed_add (fixed, 3, 1, 3, 1, 0, 0);
    check_invalid_fixed (aligner, fixed);
  }

  /* Out of document order. */
  {
    g_autoptr(GArray) fixed = fixed_new ();

    fixed_add (fixed, 8, 1, 8, 1, 0, 0);
    fixed_add (fixed, 2, 1, 2, 1, 0, 0);
    check_invalid_fixed (aligner, fixed);
  }

  /* Crossing: in order in English, not in Russian. */
  {
    g_autoptr(GArray) fixed = fixed_new ();

    fixed_add (fixed, 2, 1, 8, 1, 0, 0);
    fixed_add (fixed, 8, 1, 2, 1, 0, 0);
    check_invalid_fixed (aligner, fixed);
  }

  /* Past the end of the Russian, by its start and by its length. */
  {
    g_autoptr(GArray) fixed = fixed_new ();

    fixed_add (fixed, 5, 1, 12, 1, 0, 0);
    check_invalid_fixed (aligner, fixed);
  }
  {
    g_autoptr(GArray) fixed = fixed_new ();

    fixed_add (fixed, 10, 1, 10, 3, 0, 0);
    check_invalid_fixed (aligner, fixed);
  }
  {
    g_autoptr(GArray) fixed = fixed_new ();

    fixed_add (fixed, 40, 0, 11, 1, 0, 0);
    check_invalid_fixed (aligner, fixed);
  }

  /* The aligner is still fine afterwards. */
  check_pair (aligner, grid_en, grid_ru, "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");
}

/* A start so large that start + count wraps around: in a child, since a
 * wrong answer here is a crash. */
static void
test_fixed_rows_overflow (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TriAligner) aligner = new_aligner ();
      g_autoptr(GArray) fixed = fixed_new ();
      g_autoptr(GArray) fixed_count = fixed_new ();

      fixed_add (fixed, 2, 1, G_MAXUINT, 1, 0, 0);
      check_invalid_fixed (aligner, fixed);

      fixed_add (fixed_count, 2, 1, 3, G_MAXUINT, 0, 0);
      check_invalid_fixed (aligner, fixed_count);
      return;
    }

  /* In a child: first + count wrapping around guint once crashed. */
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* 7. Properties on random input */

static char *
random_word (GRand      *rand,
             const char *language)
{
  static const char * const cyrillic[] = {
    "а", "б", "в", "г", "д", "е", "ж", "з", "и", "й", "к", "л", "м", "н", "о", "п", "р",
    "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "ь", "ю", "я", "і", "ї", "є", "ґ", "ы", "э", "ё",
  };
  static const char * const extra[] = {
    "1,250", "1 250", "2.5", "2,5", "14", "2024", "March", "марта", "березня", "Hrytsenko",
    "Гриценко", "Kyiv", "Киев", "Київ", "?", "!", "«", "»", "“", "”", "—", "...", "п’ятниця",
    "", "0", "3.14.15", "1,000,000",
  };
  GString *word = g_string_new (NULL);
  guint length = g_rand_int_range (rand, 1, 12);

  if (g_rand_int_range (rand, 0, 6) == 0)
    {
      g_string_append (word, extra[g_rand_int_range (rand, 0, G_N_ELEMENTS (extra))]);
      return g_string_free (word, FALSE);
    }

  for (guint i = 0; i < length; i++)
    {
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_string_append_c (word, (char)('0' + g_rand_int_range (rand, 0, 10)));
      else if (g_str_equal (language, "en"))
        g_string_append_c (word, (char)((i == 0 && g_rand_boolean (rand) ? 'A' : 'a') + g_rand_int_range (rand, 0, 26)));
      else
        g_string_append (word, cyrillic[g_rand_int_range (rand, 0, G_N_ELEMENTS (cyrillic))]);
    }

  return g_string_free (word, FALSE);
}

static TriAlignInput *
random_input (GRand      *rand,
              const char *language,
              guint       n)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *paragraphs = g_new0 (guint, n + 1);
  guint paragraph = 0;

  for (guint i = 0; i < n; i++)
    {
      GString *sentence = g_string_new (NULL);
      guint words = g_rand_int_range (rand, 0, 30);

      for (guint w = 0; w < words; w++)
        {
          g_autofree char *word = random_word (rand, language);

          if (w > 0)
            g_string_append_c (sentence, ' ');
          g_string_append (sentence, word);
        }
      if (words > 0)
        g_string_append_c (sentence, '.');
      g_ptr_array_add (sentences, g_string_free (sentence, FALSE));

      if (g_rand_int_range (rand, 0, 5) == 0)
        paragraph++;
      paragraphs[i] = paragraph;
    }

  return tri_align_input_new (language, (const char * const *)sentences->pdata, paragraphs, n);
}

/* Valid fixed rows: a few random cuts through all inputs at once. */
static GArray *
random_fixed (GRand          *rand,
              TriAlignInput **inputs,
              guint           n_inputs)
{
  GArray *fixed = fixed_new ();
  guint next[TRI_ALIGN_MAX_LANGUAGES] = { 0 };
  guint n_rows = g_rand_int_range (rand, 1, 4);

  for (guint r = 0; r < n_rows; r++)
    {
      TriBead row = { { 0 }, { 0 }, 1.0, TRUE };
      gboolean any = FALSE;

      for (guint k = 0; k < n_inputs; k++)
        {
          guint n = tri_align_input_get_n_sentences (inputs[k]);
          guint left = n - next[k];
          guint count = g_rand_int_range (rand, 0, 5);

          row.first[k] = next[k] + (left > 0 ? g_rand_int_range (rand, 0, (gint32)left + 1) : 0);
          row.count[k] = MIN (n - row.first[k], count);
          any |= row.count[k] > 0;
        }
      if (!any)
        continue;

      g_array_append_val (fixed, row);
      for (guint k = 0; k < n_inputs; k++)
        next[k] = row.first[k] + row.count[k];
    }

  return fixed;
}

static void
test_random_properties (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260314);
  static const char * const languages[] = { "en", "ru", "uk" };

  for (guint t = 0; t < 50; t++)
    {
      TriAlignInput *inputs[TRI_ALIGN_MAX_LANGUAGES] = { NULL };
      guint n_inputs = g_rand_int_range (rand, 2, 4);
      guint offset = g_rand_int_range (rand, 0, 3);
      g_autoptr(GArray) fixed = NULL;
      g_autoptr(GArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      for (guint k = 0; k < n_inputs; k++)
        inputs[k] = random_input (rand, languages[(k + offset) % 3], g_rand_int_range (rand, 0, 61));
      if (t % 3 == 2)
        fixed = random_fixed (rand, inputs, n_inputs);

      rows = tri_aligner_align (aligner, inputs, n_inputs, fixed, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      assert_valid_rows (rows, inputs, n_inputs);
      if (fixed != NULL)
        assert_fixed_kept (rows, fixed, n_inputs);

      g_assert_cmpfloat (tri_aligner_get_progress (aligner), ==, 1.0);

      for (guint k = 0; k < n_inputs; k++)
        tri_align_input_free (inputs[k]);
    }
}

/* 8. Degenerate input */

static void
test_empty_document (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  static const char * const nothing[] = { NULL };

  check_pair (aligner, grid_en, nothing, "1-0 1-0 1-0 1-0 1-0 1-0 1-0 1-0");
  check_pair (aligner, nothing, grid_ru, "0-1 0-1 0-1 0-1 0-1 0-1 0-1 0-1");
  check_pair (aligner, nothing, nothing, "");
  check_triple (aligner, grid_en, nothing, grid_uk, "1-0-1 1-0-1 1-0-1 1-0-1 1-0-1 1-0-1 1-0-1 1-0-1");
  check_triple (aligner, nothing, nothing, grid_uk, "0-0-1 0-0-1 0-0-1 0-0-1 0-0-1 0-0-1 0-0-1 0-0-1");
  check_triple (aligner, nothing, nothing, nothing, "");

  /* NULL sentences with none to read. */
  {
    TriAlignInput *inputs[] = { tri_align_input_new ("en", NULL, NULL, 0), input_new ("ru", grid_ru) };
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) rows = tri_aligner_align (aligner, inputs, 2, NULL, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    assert_valid_rows (rows, inputs, 2);
    g_assert_cmpuint (rows->len, ==, 8);
    tri_align_input_free (inputs[0]);
    tri_align_input_free (inputs[1]);
  }
}

static void
test_identical_documents (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autofree char *twelve = shape_with (12, 2, G_MAXUINT);
  g_autofree char *eight = shape_with (8, 3, G_MAXUINT);

  /* The Russian file loaded twice, once as Ukrainian by mistake. */
  check_shape (aligner, 2, (const char * const[]) { "ru", "uk" },
               (const char * const *[]) { odesa_ru, odesa_ru }, twelve);
  /* One report in three spellings of English. */
  check_shape (aligner, 3, (const char * const[]) { "en", "en-GB", "en-US" },
               (const char * const *[]) { grid_en, grid_en, grid_en }, eight);
}

static void
test_one_against_many (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  static const char * const one[] = { "Talks resume in Odesa on 14 March.", NULL };

  for (guint i = 0; i < 1000; i++)
    g_ptr_array_add (many, g_strdup_printf ("%s Пункт %u.", odesa_ru[i % 12], i + 1));
  g_ptr_array_add (many, NULL);

  for (guint swap = 0; swap < 2; swap++)
    {
      const char * const *texts[] = { one, (const char * const *)many->pdata };
      const char * const *swapped[] = { (const char * const *)many->pdata, one };
      g_autoptr(GArray) rows = align_full (aligner, 2,
                                           swap ? (const char * const[]) { "ru", "en" }
                                                : (const char * const[]) { "en", "ru" },
                                           swap ? swapped : texts, NULL);

      /* 1000 + 1 sentences: the row of the one sentence takes at most a
       * bead's worth of the others, each of the rest is alone. */
      g_assert_cmpuint (rows->len, >=, 1001 - MAX_BEAD_SIDE);
      g_assert_cmpuint (rows->len, <=, 1001);
    }
}

static void
test_same_language (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  TriAlignInput *inputs[] = { input_new ("en", grid_en), input_new ("ru", grid_ru), input_new ("en", odesa_en) };

  for (guint n = 2; n <= 3; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) rows = NULL;
      TriAlignInput *pair[] = { inputs[0], inputs[n == 2 ? 2 : 1], inputs[2] };

      rows = tri_aligner_align (aligner, pair, n, NULL, NULL, NULL, NULL, &error);
      g_assert_error (error, TRI_ALIGN_ERROR, TRI_ALIGN_ERROR_SAME_LANGUAGE);
      g_assert_null (rows);
    }

  for (guint k = 0; k < G_N_ELEMENTS (inputs); k++)
    tri_align_input_free (inputs[k]);
}

static void
test_single_input (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) fixed = fixed_new ();

  rows = align_full (aligner, 1, (const char * const[]) { "uk" }, (const char * const *[]) { odesa_uk }, NULL);
  g_assert_cmpuint (rows->len, ==, 12);
  for (guint r = 0; r < rows->len; r++)
    {
      g_assert_cmpuint (g_array_index (rows, TriBead, r).first[0], ==, r);
      g_assert_cmpuint (g_array_index (rows, TriBead, r).count[0], ==, 1);
    }
  g_clear_pointer (&rows, g_array_unref);

  /* With a fixed row of two. */
  fixed_add (fixed, 4, 2, 0, 0, 0, 0);
  rows = align_full (aligner, 1, (const char * const[]) { "uk" }, (const char * const *[]) { odesa_uk }, fixed);
  g_assert_cmpuint (rows->len, ==, 11);
  assert_fixed_kept (rows, fixed, 1);
}

/* 9. Word lists */

/* Flooding in the delta: the English names two trades alike, the
 * Russian keeps one of them. The two candidates are the same length and
 * share every other word with the Russian sentence, and so neither length
 * nor names nor figures tell which one is translated. */
static const char * const flood_en[] = {
  "Flooding hit the Danube delta again this week.",
  "On 14 March the road to Izmail was closed for 36 hours.",
  "The fishermen of Vylkove asked for compensation.",
  "The shepherds of Vylkove asked for compensation.",
  "Regional authorities promised to help.",
  "The water is expected to recede by the weekend.",
  NULL
};

/* The flood report in English, its third and fourth sentences two of the
 * same shape that one translation tells apart. */
static GStrv
flood_en_with (const char *third,
               const char *fourth)
{
  const char * const en[] = {
    "Flooding hit the Danube delta again this week.",
    "On 14 March the road to Izmail was closed for 36 hours.",
    third,
    fourth,
    "Regional authorities promised to help.",
    "The water is expected to recede by the weekend.",
    NULL
  };

  return g_strdupv ((char **)en);
}

static GStrv
flood_ru (const char *trade)
{
  g_autofree char *sentence = g_strdup_printf ("%s из Вилково попросили компенсацию.", trade);
  const char * const ru[] = {
    "На этой неделе дельту Дуная снова затопило.",
    "14 марта дорогу на Измаил закрыли на 36 часов.",
    sentence,
    "Областные власти пообещали помочь.",
    "Ожидается, что к выходным вода спадёт.",
    NULL
  };

  return g_strdupv ((char **)ru);
}

static void
test_user_dictionary (TriTestDir    *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autoptr(TriDictionary) dictionary = tri_dictionary_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) fishermen = flood_ru ("Рыбаки");
  g_auto(GStrv) shepherds = flood_ru ("Чабаны");

  g_assert_cmpuint (strlen (flood_en[2]), ==, strlen (flood_en[3]));

  /* Without the word list, for the log: one of the two must be wrong. */
  for (guint v = 0; v < 2; v++)
    {
      g_autoptr(GArray) rows = align_full (aligner, 2, (const char * const[]) { "en", "ru" },
                                           (const char * const *[]) { flood_en,
                                                                      (const char * const *)(v == 0 ? fishermen : shepherds) },
                                           NULL);
      g_autofree char *shape = rows_shape (rows, 2);

      g_test_message ("without the word list, Russian keeping the %s: %s", v == 0 ? "fishermen" : "shepherds", shape);
    }

  path = tri_test_write_file (fixture->dir, "delta.txt",
                              "# flood vocabulary, hunalign's format\n"
                              "flood @ наводнение\n"
                              "fishermen @ рыбаки\n"
                              "shepherds @ чабаны\n"
                              "regional authorities @ областные власти\n",
                              -1);
  g_assert_true (tri_dictionary_load_word_list (dictionary, path, &error));
  g_assert_no_error (error);
  tri_aligner_set_user_dictionary (aligner, dictionary);

  check_pair (aligner, flood_en, (const char * const *)fishermen, "1-1 1-1 1-1 1-0 1-1 1-1");
  check_pair (aligner, flood_en, (const char * const *)shepherds, "1-1 1-1 1-0 1-1 1-1 1-1");

  /* The word list works in the other direction as well. */
  check_shape (aligner, 2, (const char * const[]) { "ru", "en" },
               (const char * const *[]) { (const char * const *)shepherds, flood_en },
               "1-1 1-1 0-1 1-1 1-1 1-1");

  /* Taken away again, the aligner goes back to not knowing: the rows are
   * those of an aligner that never had it. */
  tri_aligner_set_user_dictionary (aligner, NULL);
  {
    g_autoptr(TriAligner) plain = new_aligner ();
    g_autoptr(GArray) rows = align_full (aligner, 2, (const char * const[]) { "en", "ru" },
                                         (const char * const *[]) { flood_en, (const char * const *)shepherds }, NULL);
    g_autoptr(GArray) expected = align_full (plain, 2, (const char * const[]) { "en", "ru" },
                                             (const char * const *[]) { flood_en, (const char * const *)shepherds }, NULL);
    g_autofree char *got_shape = rows_shape (rows, 2);
    g_autofree char *expected_shape = rows_shape (expected, 2);

    g_assert_cmpstr (got_shape, ==, expected_shape);
  }
}

static void
test_user_dictionary_errors (TriTestDir    *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TriDictionary) dictionary = tri_dictionary_new ();
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autofree char *no_pairs = NULL;

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tri_dictionary_load_word_list (dictionary, missing, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }

  /* Lines in other formats: "=", a tab, "@" without the spaces around it. */
  no_pairs = tri_test_write_file (fixture->dir, "no-pairs.txt",
                                  "fishermen = рыбаки\nshepherds\tчабаны\nflood@наводнение\n\n# nothing here\n", -1);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tri_dictionary_load_word_list (dictionary, no_pairs, &error));
    g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ);
  }

  g_assert_cmpuint (tri_dictionary_get_size (dictionary), ==, 0);
}

/* A word list in dictionary form ("negotiate", "price") must serve the
 * forms of the text ("negotiated", "prices"): the key strips English
 * inflection from both. */
static void
test_dictionary_inflected_forms (TriTestDir    *fixture,
                                 gconstpointer  user_data)
{
  static const struct { const char *lemma, *form; } cases[] = {
    { "talk", "talks" },
    { "country", "countries" },
    { "sign", "signed" },
    { "negotiate", "negotiated" },
    { "negotiate", "negotiating" },
    { "price", "prices" },
    { "rate", "rates" },
    { "agree", "agreed" },
  };
  g_autoptr(TriDictionary) dictionary = tri_dictionary_new ();
  g_autoptr(GString) list = g_string_new ("# dictionary forms\n");
  g_autoptr(GString) missed = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (list, "%s @ перевод%u\n", cases[i].lemma, i);
  path = tri_test_write_file (fixture->dir, "lemmas.txt", list->str, -1);
  g_assert_true (tri_dictionary_load_word_list (dictionary, path, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = tri_dictionary_key (cases[i].form, -1);
      g_autofree char *want = g_strdup_printf ("перевод%u", i);
      gboolean found = FALSE;
      guint n;
      const char * const *translations = tri_dictionary_lookup (dictionary, key, &n);

      for (guint t = 0; t < n; t++)
        found |= g_str_equal (translations[t], want);
      if (!found)
        g_string_append_printf (missed, " %s (key “%s”, not “%s”'s)", cases[i].form, key, cases[i].lemma);
    }

  /* Inflected forms in the text find the dictionary form's translations. */
  g_assert_cmpstr (missed->str, ==, "");
}

/* Debian's English–Russian dictionary, when it is installed. */
static void
test_system_dictionary (void)
{
  g_autoptr(TriAligner) aligner = tri_aligner_new ();
  g_auto(GStrv) en = flood_en_with ("The teachers of Vylkove asked for compensation.",
                                    "The builders of Vylkove asked for compensation.");
  g_auto(GStrv) teachers = flood_ru ("Учителя");
  g_auto(GStrv) builders = flood_ru ("Строители");

  if (!g_file_test ("/usr/share/dictd/mueller7.index", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Mueller's English–Russian dictionary (dict-mueller7) is not installed");
      return;
    }

  /* Faithful texts stay one to one with thousands of translations more. */
  check_pair (aligner, grid_en, grid_ru, "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");
  check_pair (aligner, odesa_en, odesa_ru, "1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1 1-1");

  /* Only the dictionary knows that teachers are учителя and builders
   * строители (and that regional authorities are областные власти). */
  g_assert_cmpuint (strlen (en[2]), ==, strlen (en[3]));
  check_pair (aligner, (const char * const *)en, (const char * const *)teachers, "1-1 1-1 1-1 1-0 1-1 1-1");
  check_pair (aligner, (const char * const *)en, (const char * const *)builders, "1-1 1-1 1-0 1-1 1-1 1-1");
}

/* English meets Ukrainian through Russian: the English–Russian dictionary
 * gives правительство for "government" and больница for "hospital",
 * Apertium's Russian–Ukrainian lemmas the same for уряд and лікарня, which
 * are no cognates. Without them the Ukrainian sentence, which keeps one
 * of two English sentences of the same shape, pairs by its length only. */
static GStrv
flood_uk (const char *third)
{
  const char * const uk[] = {
    "Цього тижня дельту Дунаю знову затопило.",
    "14 березня дорогу на Ізмаїл закрили на 36 годин.",
    third,
    "Обласна влада пообіцяла допомогти.",
    "Очікується, що до вихідних вода спаде.",
    NULL
  };

  return g_strdupv ((char **)uk);
}

/* The flood report with the Ukrainian keeping only the third sentence,
 * as @government or as @hospital. */
static void
check_through_russian (const char *en_government,
                       const char *en_hospital,
                       const char *government,
                       const char *hospital)
{
  g_autoptr(TriAligner) aligner = tri_aligner_new ();
  g_autoptr(TriDictionary) lemmas = tri_apertium_get_dictionary ("uk", "ru");
  static const char * const languages[] = { "en", "uk" };
  g_auto(GStrv) en = flood_en_with (en_government, en_hospital);
  g_auto(GStrv) uk_government = flood_uk (government);
  g_auto(GStrv) uk_hospital = flood_uk (hospital);

  if (!g_file_test ("/usr/share/dictd/mueller7.index", G_FILE_TEST_EXISTS) || lemmas == NULL)
    {
      g_test_skip ("dict-mueller7 or apertium-rus-ukr is not installed");
      return;
    }

  check_shape (aligner, 2, languages, (const char * const *[]) { (const char * const *)en, (const char * const *)uk_government },
               "1-1 1-1 1-1 1-0 1-1 1-1");
  check_shape (aligner, 2, languages, (const char * const *[]) { (const char * const *)en, (const char * const *)uk_hospital },
               "1-1 1-1 1-0 1-1 1-1 1-1");
}

static void
test_ukrainian_through_russian (void)
{
  check_through_russian ("The town's government asked for compensation.",
                         "The town's hospital asked for compensation.",
                         "Уряд міста попросив компенсацію.",
                         "Лікарня міста попросила компенсацію.");
}

/* The same through inflected forms: Apertium lists lemmas, and уряду and
 * лікарні are found as уряд and лікарня (an ending replaced by a
 * dictionary form's). */
static void
test_ukrainian_inflected_lemmas (void)
{
  check_through_russian ("People asked the town's government for compensation.",
                         "People asked the town's hospital for compensation.",
                         "Люди звернулися до уряду міста по компенсацію.",
                         "Люди звернулися до лікарні міста по компенсацію.");
}

/* A dictd dictionary of @entries ({ headword, body } pairs, body the
 * lines after the headword's), written as @name.index and @name.dict.dz. */
static void
write_dictd (const char         *dir,
             const char         *name,
             const char * const *entries,
             guint               n_entries)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) index = g_string_new (NULL);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GBytes) gz = NULL;
  g_autofree char *index_name = g_strconcat (name, ".index", NULL);
  g_autofree char *dict_name = g_strconcat (name, ".dict.dz", NULL);
  g_autofree char *index_path = NULL;
  g_autofree char *dict_path = NULL;

  for (guint e = 0; e < n_entries; e++)
    {
      gsize numbers[2] = { body->len, 0 };

      g_string_append_printf (body, "%s\n%s\n", entries[2 * e], entries[2 * e + 1]);
      numbers[1] = body->len - numbers[0];
      g_string_append (index, entries[2 * e]);
      for (guint k = 0; k < 2; k++)
        {
          char digits[12];
          guint n = 0;

          g_string_append_c (index, '\t');
          do
            digits[n++] = alphabet[numbers[k] % 64];
          while ((numbers[k] /= 64) > 0);
          while (n > 0)
            g_string_append_c (index, digits[--n]);
        }
      g_string_append_c (index, '\n');
    }

  g_assert_true (g_output_stream_write_all (out, body->str, body->len, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  gz = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  index_path = tri_test_write_file (dir, index_name, index->str, (gssize)index->len);
  dict_path = tri_test_write_file (dir, dict_name, g_bytes_get_data (gz, NULL), (gssize)g_bytes_get_size (gz));
}

/* The translations of @word in a dictionary read from @dir's test.index
 * are @expected (joined by spaces). */
static void
check_dictd (const char *dir,
             const char *word,
             const char *expected)
{
  g_autoptr(TriDictionary) dictionary = tri_dictionary_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *index = g_build_filename (dir, "test.index", NULL);
  g_autofree char *dict = g_build_filename (dir, "test.dict.dz", NULL);
  const char * const *translations;
  g_autoptr(GString) joined = g_string_new (NULL);
  guint n;

  g_assert_true (tri_dictionary_load_dictd (dictionary, index, dict, "ru", &error));
  g_assert_no_error (error);
  translations = tri_dictionary_lookup (dictionary, word, &n);
  for (guint t = 0; t < n; t++)
    g_string_append_printf (joined, "%s%s", t > 0 ? " " : "", translations[t]);
  g_assert_cmpstr (joined->str, ==, expected);
}

/* The one file in the user's cache of dictionaries; its inode in @inode. */
static char *
dictd_cache_file (guint64 *inode)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "triptych", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  char *path = NULL;
  GStatBuf st;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (path);
      g_assert_true (g_str_has_suffix (name, ".dictd-image"));
      path = g_build_filename (folder, name, NULL);
    }
  g_assert_nonnull (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  *inode = st.st_ino;
  return path;
}

/* A dictd dictionary (uncompressing and indexing Mueller's takes a fifth
 * of a second) is kept in the user's cache after it is first read, and
 * read from there while its files stay the same; a cache that is cut
 * short, garbled or made from other files is not trusted but made again. */
static void
test_dictd_cache (TriTestDir   *fixture,
                  gconstpointer user_data)
{
  static const char * const entries[] = {
    "Talks", "_n. переговоры; беседа",
    "bridge", "_n. мост; переправа",
    "grain", "_n. зерно, хлеб",
    "talks", "_pl. обсуждение",
  };
  static const char * const changed[] = {
    "bridge", "_n. мостик",
    "grain", "_n. зерно, хлеб",
  };
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *again = NULL;
  g_autofree char *garbled = NULL;
  g_autofree char *folder = NULL;
  gsize length, length_again;
  guint64 inode, inode_again;

  write_dictd (fixture->dir, "test", entries, G_N_ELEMENTS (entries) / 2);

  /* Read from the files: "Talks" and "talks" share a key, in the
   * index's order. */
  check_dictd (fixture->dir, "talks", "переговоры беседа обсуждение");
  path = dictd_cache_file (&inode);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* Read from the cache, which stays as it is. */
  check_dictd (fixture->dir, "bridge", "мост переправа");
  check_dictd (fixture->dir, "talks", "переговоры беседа обсуждение");
  g_free (dictd_cache_file (&inode_again));
  g_assert_cmpuint (inode_again, ==, inode);

  /* Cut short, then garbled past its first bytes: the files are read
   * again, and the cache made again as it was. */
  g_assert_true (g_file_set_contents (path, contents, (gssize)length / 2, NULL));
  check_dictd (fixture->dir, "grain", "зерно хлеб");
  g_assert_true (g_file_get_contents (path, &again, &length_again, NULL));
  g_assert_cmpmem (again, length_again, contents, length);
  g_clear_pointer (&again, g_free);

  garbled = g_memdup2 (contents, length);
  for (gsize i = 16; i < length; i++)
    garbled[i] ^= 0x5A;
  g_assert_true (g_file_set_contents (path, garbled, (gssize)length, NULL));
  check_dictd (fixture->dir, "talks", "переговоры беседа обсуждение");
  g_assert_true (g_file_get_contents (path, &again, &length_again, NULL));
  g_assert_cmpmem (again, length_again, contents, length);
  g_clear_pointer (&again, g_free);

  /* The dictionary changed (another size): its new entries, not the
   * cache's. */
  write_dictd (fixture->dir, "test", changed, G_N_ELEMENTS (changed) / 2);
  check_dictd (fixture->dir, "bridge", "мостик");
  check_dictd (fixture->dir, "talks", "");
  g_free (dictd_cache_file (&inode_again));
  g_assert_true (g_file_get_contents (path, &again, &length_again, NULL));
  g_assert_false (length_again == length && memcmp (again, contents, length) == 0);

  /* No cache to keep it in (a file where its folder would be): the
   * entries are read from the files as they are looked up. */
  folder = g_path_get_dirname (path);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_true (g_file_set_contents (folder, "", 0, NULL));
  check_dictd (fixture->dir, "bridge", "мостик");
  check_dictd (fixture->dir, "grain", "зерно хлеб");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_REGULAR));
}

/* The dictionaries and transliterators read ahead in a thread (as
 * triptych-cli does while it loads the documents), with a run aligning at
 * the same time and after it: the same rows. */
static void
test_preload (void)
{
  g_autoptr(TriAligner) aligner = tri_aligner_new ();
  static const char * const languages[] = { "en", "ru", "uk", NULL };
  g_autofree char *faithful = shape_with (12, 3, G_MAXUINT);
  GThread *thread;

  thread = tri_aligner_preload (aligner, languages);
  check_triple (aligner, odesa_en, odesa_ru, odesa_uk, faithful);
  g_thread_join (thread);
  check_triple (aligner, odesa_en, odesa_ru, odesa_uk, faithful);
}

/* 10. Cancellation */

static void
cancel_on_progress (double   progress,
                    gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
check_cancelled (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  TriAlignInput *inputs[] = { input_new ("en", odesa_en), input_new ("ru", odesa_ru), input_new ("uk", odesa_uk) };

  for (guint n = 1; n <= 3; n++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) rows = NULL;

      g_cancellable_cancel (cancellable);
      rows = tri_aligner_align (aligner, inputs, n, NULL, cancellable, NULL, NULL, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (rows);
    }

  /* Cancelled between two segments, by the progress callback. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) rows = NULL;
    g_autoptr(GArray) fixed = fixed_new ();

    fixed_add (fixed, 6, 1, 6, 1, 6, 1);
    rows = tri_aligner_align (aligner, inputs, 3, fixed, cancellable, cancel_on_progress, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (rows);
  }

  /* In the background. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    g_autoptr(TriDocument) document_en = tri_document_new (grid_en_text, "en", TRI_PARAGRAPH_BLANK_LINES);
    g_autoptr(TriDocument) document_ru = tri_document_new (grid_ru_text, "ru", TRI_PARAGRAPH_BLANK_LINES);
    TriDocument *documents[] = { document_en, document_ru };
    AsyncResult data = { loop, NULL, NULL };

    g_cancellable_cancel (cancellable);
    tri_aligner_align_async (aligner, documents, 2, NULL, cancellable, aligner_align_cb, &data);
    g_main_loop_run (loop);
    g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (data.rows);
    g_clear_error (&data.error);
  }

  for (guint k = 0; k < G_N_ELEMENTS (inputs); k++)
    tri_align_input_free (inputs[k]);
}

static void
test_cancelled (void)
{
  /* In a child, since a wrong answer here is a crash: with
   * G_DEBUG=fatal-warnings, a GError set twice aborts. */
  if (g_test_subprocess ())
    {
      check_cancelled ();
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
record_progress (double   progress,
                 gpointer user_data)
{
  GArray *values = user_data;

  g_array_append_val (values, progress);
}

static void
test_progress (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  TriAlignInput *inputs[] = { input_new ("en", odesa_en), input_new ("ru", odesa_ru), input_new ("uk", odesa_uk) };

  /* Without fixed rows and with two, that is with one segment and with three. */
  for (guint with_fixed = 0; with_fixed < 2; with_fixed++)
    {
      g_autoptr(GArray) fixed = fixed_new ();
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      double last;

      if (with_fixed)
        {
          fixed_add (fixed, 3, 1, 3, 1, 3, 1);
          fixed_add (fixed, 7, 1, 7, 1, 7, 1);
        }

      rows = tri_aligner_align (aligner, inputs, 3, fixed, NULL, record_progress, values, &error);
      g_assert_no_error (error);
      assert_valid_rows (rows, inputs, 3);
      g_assert_cmpfloat (tri_aligner_get_progress (aligner), ==, 1.0);

      g_assert_cmpuint (values->len, >, 0);
      for (guint i = 0; i < values->len; i++)
        {
          double value = g_array_index (values, double, i);

          g_assert_cmpfloat (value, >=, 0.0);
          g_assert_cmpfloat (value, <=, 1.0);
          if (i > 0)
            g_assert_cmpfloat (value, >=, g_array_index (values, double, i - 1));
        }

      /* All is done when the last call comes. */
      last = g_array_index (values, double, values->len - 1);
      g_assert_cmpfloat (last, ==, 1.0);
    }

  for (guint k = 0; k < G_N_ELEMENTS (inputs); k++)
    tri_align_input_free (inputs[k]);
}

/* 11. In the background */

static void
test_async (void)
{
  TriAligner *aligner = new_aligner ();
  TriDocument *documents[] = {
    tri_document_new (grid_en_text, "en", TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new (grid_ru_text, "ru", TRI_PARAGRAPH_BLANK_LINES),
    tri_document_new (grid_uk_text, "uk", TRI_PARAGRAPH_BLANK_LINES),
  };
  TriAlignInput *inputs[G_N_ELEMENTS (documents)];
  g_autoptr(GArray) fixed = fixed_new ();

  for (guint k = 0; k < G_N_ELEMENTS (documents); k++)
    {
      g_assert_cmpuint (tri_document_get_n_sentences (documents[k]), ==, 8);
      inputs[k] = tri_align_input_new_from_document (documents[k]);
    }

  fixed_add (fixed, 3, 1, 3, 1, 3, 1);

  for (guint n = 2; n <= 3; n++)
    for (guint with_fixed = 0; with_fixed < 2; with_fixed++)
      {
        g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) expected = NULL;
        g_autoptr(GError) async_error = NULL;
        g_autoptr(GArray) rows = NULL;
        AsyncResult data = { loop, NULL, NULL };

        expected = tri_aligner_align (aligner, inputs, n, with_fixed ? fixed : NULL, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        assert_valid_rows (expected, inputs, n);

        tri_aligner_align_async (aligner, documents, n, with_fixed ? fixed : NULL, NULL, aligner_align_cb, &data);
        g_main_loop_run (loop);
        rows = g_steal_pointer (&data.rows);
        async_error = g_steal_pointer (&data.error);

        g_assert_no_error (async_error);
        g_assert_nonnull (rows);
        g_assert_cmpfloat (tri_aligner_get_progress (aligner), ==, 1.0);
        g_assert_cmpuint (rows->len, ==, expected->len);
        for (guint r = 0; r < rows->len; r++)
          {
            const TriBead *a = &g_array_index (rows, TriBead, r);
            const TriBead *b = &g_array_index (expected, TriBead, r);

            for (guint k = 0; k < TRI_ALIGN_MAX_LANGUAGES; k++)
              {
                g_assert_cmpuint (a->first[k], ==, b->first[k]);
                g_assert_cmpuint (a->count[k], ==, b->count[k]);
              }
            g_assert_cmpfloat_with_epsilon (a->score, b->score, 1e-9);
            g_assert_true (a->fixed == b->fixed);
          }
        if (with_fixed)
          assert_fixed_kept (rows, fixed, n);
        else
          {
            g_autofree char *shape = rows_shape (rows, n);
            g_autofree char *want = shape_with (8, n, G_MAXUINT);

            g_assert_cmpstr (shape, ==, want);
          }
      }

  /* The documents may go as soon as the call returns: it took a snapshot. */
  {
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    AsyncResult data = { loop, NULL, NULL };

    tri_aligner_align_async (aligner, documents, 3, NULL, NULL, aligner_align_cb, &data);
    for (guint k = 0; k < G_N_ELEMENTS (documents); k++)
      g_assert_finalize_object (documents[k]);
    g_main_loop_run (loop);
    g_assert_no_error (data.error);
    g_assert_cmpuint (data.rows->len, ==, 8);
    g_array_unref (data.rows);
  }

  for (guint k = 0; k < G_N_ELEMENTS (inputs); k++)
    tri_align_input_free (inputs[k]);

  /* The worker thread lets go of the task, and with it of the aligner, a
   * moment after the callback has run. */
  g_object_add_weak_pointer (G_OBJECT (aligner), (gpointer *)&aligner);
  g_object_unref (aligner);
  for (guint i = 0; g_atomic_pointer_get (&aligner) != NULL && i < 5000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (g_atomic_pointer_get (&aligner));
}

/* A long report that repeats itself: every paragraph has the same four
 * sentence shapes, and a paragraph's figures recur in other sentences a
 * few dozen paragraphs on ("Round 53" and "53 pages"). The rows stay one
 * to one all the way: no run of anchors on a repeat bends the search away
 * (4,000 sentences a side lost 576 rows to that). */
static void
test_repetitive_report (void)
{
  g_autoptr(TriAligner) aligner = new_aligner ();
  g_autoptr(GPtrArray) en = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ru = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = NULL;

  for (guint i = 1; i <= 1000; i++)
    {
      g_ptr_array_add (en, g_strdup_printf ("Round %u of the talks opened in Geneva.", i));
      g_ptr_array_add (en, g_strdup_printf ("The delegations met for %u hours.", i % 9 + 2));
      g_ptr_array_add (en, g_strdup_printf ("Mr. Hrytsenko said the text was %u pages long.", i + 40));
      g_ptr_array_add (en, g_strdup ("Nothing was signed."));
      g_ptr_array_add (ru, g_strdup_printf ("Раунд %u переговоров открылся в Женеве.", i));
      g_ptr_array_add (ru, g_strdup_printf ("Делегации заседали %u часов.", i % 9 + 2));
      g_ptr_array_add (ru, g_strdup_printf ("Г-н Гриценко сказал, что в тексте %u страниц.", i + 40));
      g_ptr_array_add (ru, g_strdup ("Ничего не подписали."));
    }
  g_ptr_array_add (en, NULL);
  g_ptr_array_add (ru, NULL);

  rows = align_full (aligner, 2, (const char * const[]) { "en", "ru" },
                     (const char * const *[]) { (const char * const *)en->pdata, (const char * const *)ru->pdata },
                     NULL);
  g_assert_cmpuint (rows->len, ==, 4000);
  for (guint r = 0; r < rows->len; r++)
    {
      const TriBead *row = &g_array_index (rows, TriBead, r);

      g_assert_cmpuint (row->count[0], ==, 1);
      g_assert_cmpuint (row->count[1], ==, 1);
      g_assert_cmpuint (row->first[0], ==, row->first[1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Messages in the log carry Russian and Ukrainian. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, TriTestDir, NULL, tri_test_dir_set_up, func, tri_test_dir_tear_down)

  g_test_add_func ("/aligner/one-to-one", test_one_to_one);
  g_test_add_func ("/aligner/beads/split", test_split);
  g_test_add_func ("/aligner/beads/merge", test_merge);
  g_test_add_func ("/aligner/beads/two-to-two", test_two_to_two);
  g_test_add_func ("/aligner/beads/omission", test_omission);
  g_test_add_func ("/aligner/beads/translation-adds-a-sentence", test_translation_adds_a_sentence);
  g_test_add_func ("/aligner/beads/insertion", test_insertion);
  g_test_add_func ("/aligner/beads/short-insertion", test_short_insertion);
  g_test_add_func ("/aligner/beads/splitting-translation", test_splitting_translation);
  g_test_add_func ("/aligner/beads/splitting-in-four", test_splitting_in_four);
  g_test_add_func ("/aligner/beads/omissions-on-opposite-sides", test_omissions_on_opposite_sides);
  g_test_add_func ("/aligner/beads/sentence-english-lacks", test_sentence_english_lacks);
  g_test_add_func ("/aligner/beads/insertions-side-by-side", test_insertions_side_by_side);
  g_test_add_func ("/aligner/three-way/merged-beside-insertion", test_merged_beside_insertion);
  g_test_add_func ("/aligner/three-way/lacked-beside-merged", test_lacked_beside_merged);
  g_test_add_func ("/aligner/three-way/each-lacks-another", test_each_lacks_another);
  g_test_add_func ("/aligner/anchors/names-against-lengths", test_names_against_lengths);
  g_test_add_func ("/aligner/anchors/numbers-against-lengths", test_numbers_against_lengths);
  g_test_add_func ("/aligner/beads/insertion-beside-long-sentence", test_insertion_beside_long_sentence);
  g_test_add_func ("/aligner/beads/omission-of-parallel-sentence", test_omission_of_parallel_sentence);
  g_test_add_func ("/aligner/beads/omission-with-unmatched-figure", test_omission_with_unmatched_figure);
  g_test_add_func ("/aligner/beads/merge-with-many-senses", test_merge_with_many_senses);
  g_test_add_func ("/aligner/three-way", test_three_way);
  g_test_add_func ("/aligner/three-way/long-report", test_long_report);
  g_test_add_func ("/aligner/three-way/ukrainian-disambiguates", test_ukrainian_disambiguates);
  g_test_add_func ("/aligner/false-friend", test_false_friend);
  g_test_add_func ("/aligner/fixed", test_fixed_rows);
  g_test_add_func ("/aligner/fixed/invalid", test_fixed_rows_invalid);
  g_test_add_func ("/aligner/fixed/overflow", test_fixed_rows_overflow);
  g_test_add_func ("/aligner/random-properties", test_random_properties);
  g_test_add_func ("/aligner/degenerate/empty", test_empty_document);
  g_test_add_func ("/aligner/degenerate/identical", test_identical_documents);
  g_test_add_func ("/aligner/degenerate/repetitive-report", test_repetitive_report);
  g_test_add_func ("/aligner/degenerate/one-against-many", test_one_against_many);
  g_test_add_func ("/aligner/degenerate/same-language", test_same_language);
  g_test_add_func ("/aligner/degenerate/single-input", test_single_input);
  ADD ("/aligner/dictionary/user", test_user_dictionary);
  ADD ("/aligner/dictionary/user-errors", test_user_dictionary_errors);
  ADD ("/aligner/dictionary/inflected-forms", test_dictionary_inflected_forms);
  ADD ("/aligner/dictionary/dictd-cache", test_dictd_cache);
  g_test_add_func ("/aligner/dictionary/system", test_system_dictionary);
  g_test_add_func ("/aligner/dictionary/ukrainian-through-russian", test_ukrainian_through_russian);
  g_test_add_func ("/aligner/dictionary/ukrainian-inflected-lemmas", test_ukrainian_inflected_lemmas);
  g_test_add_func ("/aligner/dictionary/preload", test_preload);
  g_test_add_func ("/aligner/cancelled", test_cancelled);
  g_test_add_func ("/aligner/progress", test_progress);
  g_test_add_func ("/aligner/async", test_async);

#undef ADD

  return g_test_run ();
}

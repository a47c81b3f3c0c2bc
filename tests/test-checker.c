/* test-checker.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tri-checker.h"
#include "tri-error.h"
#include "tri-project.h"
#include "tri-test-utils.h"

/* The checker that keeps the window's Checks panel: findings that follow
 * edits, and dismissals kept in the project. */

static const char *en =
  "Delegations from Kyiv and Moscow met in Istanbul on Tuesday for the first time since March.\n\n"
  "The host country’s foreign minister said the talks lasted 3 hours. "
  "Both sides agreed to exchange 1,000 prisoners before the end of the month.\n\n"
  "Observers from the United Nations were present throughout.";
static const char *ru =
  "Делегации Киева и Москвы встретились в Стамбуле во вторник впервые с марта.\n\n"
  "Министр иностранных дел принимающей страны сообщил, что переговоры длились 3 часа. "
  "Стороны договорились обменять 1 000 пленных до конца месяца.\n\n"
  "Наблюдатели от ООН присутствовали на протяжении всей встречи.";
static const char *uk =
  "Делегації Києва та Москви зустрілися в Стамбулі у вівторок уперше від березня.\n\n"
  "Міністр закордонних справ країни-господарки повідомив, що переговори тривали 3 години. "
  "Сторони домовилися обміняти 1 000 полонених до кінця місяця.\n\n"
  "Спостерігачі від ООН були присутні впродовж усієї зустрічі.";

static TriAlignment *
align3 (void)
{
  return tri_test_align3 (en, ru, uk);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
set_cell (TriAlignment *alignment,
          guint         row,
          guint         column,
          const char   *sentence)
{
  const char *sentences[] = { sentence, NULL };

  g_assert_true (tri_alignment_set_cell_sentences (alignment, row, column, sentences));
}

/* An edit that changes a number is found once the checker catches up; a
 * finding after an edit that lengthens text above it keeps marking its
 * number. */
static void
test_edits (void)
{
  g_autoptr(TriAlignment) alignment = align3 ();
  g_autoptr(TriChecker) checker = tri_checker_new (alignment);
  GPtrArray *findings = tri_checker_get_findings (checker);
  g_autofree char *marked = NULL;
  g_autofree char *moved = NULL;
  TriFinding *finding;
  guint changed = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 4);
  g_assert_cmpuint (findings->len, ==, 0);
  g_signal_connect_swapped (checker, "changed", G_CALLBACK (count_cb), &changed);

  /* The translator slips: 1 500 prisoners in Ukrainian. */
  set_cell (alignment, 2, 2, "Сторони домовилися обміняти 1 500 полонених до кінця місяця.");
  g_assert_cmpuint (changed, ==, 1);
  tri_checker_flush (checker);
  g_assert_cmpuint (changed, ==, 2);
  findings = tri_checker_get_findings (checker);
  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (finding->check, ==, "number-mismatch");
  g_assert_cmpuint (finding->row, ==, 2);
  marked = tri_test_span_text (alignment, finding, 2);
  g_assert_cmpstr (marked, ==, "1 500");
  g_assert_cmpuint (tri_checker_get_n_active (checker), ==, 1);

  /* A longer sentence above, in the same version: the finding moves with
   * its text before anything is checked again. */
  set_cell (alignment, 0, 2, "Делегації Києва та Москви вперше від березня зустрілися у вівторок у Стамбулі, "
                             "за зачиненими дверима.");
  findings = tri_checker_get_findings (checker);
  g_assert_cmpuint (findings->len, ==, 1);
  moved = tri_test_span_text (alignment, g_ptr_array_index (findings, 0), 2);
  g_assert_cmpstr (moved, ==, "1 500");

  /* Fixed: nothing left. */
  set_cell (alignment, 2, 2, "Сторони домовилися обміняти 1 000 полонених до кінця місяця.");
  g_assert_cmpuint (tri_checker_get_findings (checker)->len, ==, 0);
  tri_checker_flush (checker);
  g_assert_cmpuint (tri_checker_get_findings (checker)->len, ==, 0);
  g_assert_cmpuint (tri_checker_get_n_active (checker), ==, 0);
}

/* Rows merged and split renumber the findings after them. */
static void
test_rows_move (void)
{
  g_autoptr(TriAlignment) alignment = align3 ();
  g_autoptr(TriChecker) checker = NULL;
  TriFinding *finding;

  g_autoptr(TriRow) row = NULL;
  g_autoptr(GArray) mapped = NULL;
  g_autofree char *cell = NULL;

  /* Typed with a double space, which the grid's cells fold. */
  set_cell (alignment, 3, 1, "Наблюдатели от  ООН присутствовали на протяжении всех 5 часов встречи.");
  checker = tri_checker_new (alignment);
  g_assert_cmpuint (tri_checker_get_findings (checker)->len, ==, 1);
  finding = g_ptr_array_index (tri_checker_get_findings (checker), 0);
  g_assert_cmpuint (finding->row, ==, 3);

  /* Where the grid's cell shows the span. */
  row = g_list_model_get_item (G_LIST_MODEL (alignment), 3);
  cell = tri_alignment_dup_cell_text (alignment, row, 1);
  mapped = tri_alignment_map_spans (alignment, row, 1, finding->spans[1]);
  g_assert_cmpuint (mapped->len, ==, 2);
  g_assert_cmpint (strncmp (cell + g_array_index (mapped, gsize, 0), "5 часов",
                            g_array_index (mapped, gsize, 1) - g_array_index (mapped, gsize, 0)), ==, 0);
  g_assert_cmpuint (g_array_index (mapped, gsize, 1) - g_array_index (mapped, gsize, 0), ==, 1);
  g_assert_cmpuint (tri_checker_lower_bound (checker, 3), ==, 0);
  g_assert_cmpuint (tri_checker_lower_bound (checker, 4), ==, 1);

  g_assert_true (tri_alignment_merge_next (alignment, 0));
  finding = g_ptr_array_index (tri_checker_get_findings (checker), 0);
  g_assert_cmpuint (finding->row, ==, 2);
  tri_checker_flush (checker);
  g_assert_cmpuint (tri_checker_get_findings (checker)->len, ==, 1);
  finding = g_ptr_array_index (tri_checker_get_findings (checker), 0);
  g_assert_cmpuint (finding->row, ==, 2);
  g_assert_cmpstr (finding->check, ==, "number-mismatch");
}

/* A dismissed finding stays dismissed in the saved project, and comes
 * back when its row's text changes. */
static void
test_dismiss (void)
{
  g_autoptr(TriAlignment) alignment = align3 ();
  g_autoptr(TriAlignment) reopened = NULL;
  g_autoptr(TriChecker) checker = NULL;
  g_autoptr(TriChecker) checker2 = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  const TriFinding *finding;
  guint64 generation;

  set_cell (alignment, 1, 0, "The host country’s foreign minister said the talks lasted 4 hours.");
  checker = tri_checker_new (alignment);
  g_assert_cmpuint (tri_checker_get_findings (checker)->len, ==, 1);
  finding = g_ptr_array_index (tri_checker_get_findings (checker), 0);
  g_assert_false (tri_checker_get_dismissed (checker, finding));

  generation = tri_alignment_get_generation (alignment);
  tri_checker_set_dismissed (checker, finding, TRUE);
  g_assert_true (tri_checker_get_dismissed (checker, finding));
  g_assert_cmpuint (tri_checker_get_n_active (checker), ==, 0);
  /* A change to save. */
  g_assert_cmpuint (tri_alignment_get_generation (alignment), >, generation);

  saved = tri_project_serialize (alignment);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"dismissed-findings\""));
  reopened = tri_project_deserialize (saved, "talks.triptych", &error);
  g_assert_no_error (error);
  checker2 = tri_checker_new (reopened);
  g_assert_cmpuint (tri_checker_get_findings (checker2)->len, ==, 1);
  g_assert_true (tri_checker_get_dismissed (checker2, g_ptr_array_index (tri_checker_get_findings (checker2), 0)));
  g_assert_cmpuint (tri_checker_get_n_active (checker2), ==, 0);

  /* Another slip in the same row: the finding is new. */
  set_cell (reopened, 1, 1, "Министр иностранных дел принимающей страны сообщил, что переговоры длились 2 часа.");
  tri_checker_flush (checker2);
  g_assert_cmpuint (tri_checker_get_findings (checker2)->len, ==, 1);
  g_assert_false (tri_checker_get_dismissed (checker2, g_ptr_array_index (tri_checker_get_findings (checker2), 0)));
  g_assert_cmpuint (tri_checker_get_n_active (checker2), ==, 1);

  /* Brought back in the first. */
  finding = g_ptr_array_index (tri_checker_get_findings (checker), 0);
  tri_checker_set_dismissed (checker, finding, FALSE);
  g_assert_cmpuint (tri_checker_get_n_active (checker), ==, 1);
}

static char *
summary (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const TriFinding *f = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "%s%s@%u", i > 0 ? " " : "", f->check, f->row);
      for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
        for (guint k = 0; f->spans[c] != NULL && k < f->spans[c]->len; k++)
          g_string_append_printf (out, ",%" G_GSIZE_FORMAT, g_array_index (f->spans[c], gsize, k));
    }
  return g_string_free (out, FALSE);
}

/* After edits of every kind, what the checker keeps (moved, and checked
 * again in part) is what checking everything afresh finds. */
static void
test_same_as_full (void)
{
  g_autoptr(TriAlignment) alignment = align3 ();
  g_autoptr(TriChecker) checker = tri_checker_new (alignment);
  g_autoptr(GPtrArray) fresh = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected = NULL;

  /* A quotation the Russian version drops, a figure changed, rows merged
   * and split, a sentence left out. */
  set_cell (alignment, 1, 0, "“The talks lasted three hours and were useful to both sides,” the host country’s foreign minister said.");
  set_cell (alignment, 3, 2, "Спостерігачі від ООН були присутні впродовж усіх 4 годин зустрічі.");
  g_assert_true (tri_alignment_merge_next (alignment, 0));
  g_assert_true (tri_alignment_split_row (alignment, 0, 0, 1));
  set_cell (alignment, 0, 1, "");
  tri_checker_flush (checker);

  fresh = tri_checks_run (alignment);
  g_assert_cmpuint (fresh->len, >=, 3);
  kept = summary (tri_checker_get_findings (checker));
  expected = summary (fresh);
  g_assert_cmpstr (kept, ==, expected);
}

static char *
repeat_paragraph (const char *text,
                  guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < times; k++)
    {
      g_string_append (out, text);
      g_string_append (out, "\n\n");
    }
  return g_string_free (out, FALSE);
}

/* A long report is checked whole in a thread, on a copy: an edit meanwhile
 * starts it again, and what it finds is what checking on the spot finds. */
/* The short report 600 times: 3,000 rows, checked whole in a thread. */
static TriAlignment *
long_report (void)
{
  g_autofree char *en_long = repeat_paragraph (en, 600);
  g_autofree char *ru_long = repeat_paragraph (ru, 600);
  g_autofree char *uk_long = repeat_paragraph (uk, 600);
  TriAlignment *alignment = tri_test_align3 (en_long, ru_long, uk_long);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), >=, 2000);
  return alignment;
}

/* Once the thread is done: what the checker keeps is what checking
 * everything afresh finds. */
static void
assert_as_fresh (TriChecker   *checker,
                 TriAlignment *alignment)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected = NULL;

  while (tri_checker_get_busy (checker))
    g_main_context_iteration (NULL, TRUE);
  tri_checker_flush (checker);
  fresh = tri_checks_run (alignment);
  kept = summary (tri_checker_get_findings (checker));
  expected = summary (fresh);
  g_assert_cmpuint (fresh->len, >=, 1);
  g_assert_cmpstr (kept, ==, expected);
}

static void
test_long_in_thread (void)
{
  g_autoptr(TriAlignment) alignment = long_report ();
  g_autoptr(TriChecker) checker = tri_checker_new (alignment);

  g_assert_true (tri_checker_get_busy (checker));
  /* An edit while the thread works: its result is out of date. */
  set_cell (alignment, 1000, 2, "Сторони домовилися обміняти 1 500 полонених до кінця місяця.");
  assert_as_fresh (checker, alignment);
}

typedef struct
{
  TriAlignment *alignment;
  guint         edits;
} Typist;

/* A user typing in row 1,000 (a number changed and back) every 20 ms. */
static gboolean
type_cb (gpointer data)
{
  Typist *typist = data;

  set_cell (typist->alignment, 1000, 2, typist->edits % 2 == 0
            ? "Сторони домовилися обміняти 1 500 полонених до кінця місяця."
            : "Сторони домовилися обміняти 1 000 полонених до кінця місяця.");
  typist->edits++;
  return G_SOURCE_CONTINUE;
}

/* Edits that keep coming while the whole check runs do not keep its
 * findings away: they follow the edits (with their spans), the rows
 * edited are checked again, and the result is what checking everything
 * afresh finds. */
static void
test_long_while_editing (void)
{
  g_autoptr(TriAlignment) alignment = long_report ();
  g_autoptr(TriChecker) checker = tri_checker_new (alignment);
  Typist typist = { alignment, 0 };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint source;

  g_assert_true (tri_checker_get_busy (checker));
  source = g_timeout_add (20, type_cb, &typist);
  while (tri_checker_get_findings (checker)->len == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  /* Findings came while the user typed: more than one edit was made
   * while the thread worked. */
  g_assert_cmpuint (typist.edits, >, 1);
  g_assert_cmpuint (tri_checker_get_findings (checker)->len, >, 0);

  /* Once the user stops, what is kept is what a fresh check finds. */
  assert_as_fresh (checker, alignment);
}

/* A damaged list of dismissals is an error that names the file. */
static void
test_corrupt (void)
{
  g_autoptr(TriAlignment) alignment = align3 ();
  g_autoptr(GBytes) saved = tri_project_serialize (alignment);
  g_autoptr(GString) broken = g_string_new_len (g_bytes_get_data (saved, NULL), (gssize)g_bytes_get_size (saved));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) loaded = NULL;

  g_assert_cmpint (g_string_replace (broken, "\"dismissed-findings\":[]", "\"dismissed-findings\":[42]", 1), ==, 1);
  bytes = g_bytes_new (broken->str, broken->len);
  loaded = tri_project_deserialize (bytes, "talks.triptych", &error);
  g_assert_null (loaded);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "talks.triptych"));
  g_assert_nonnull (strstr (error->message, "dismissed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/edits", test_edits);
  g_test_add_func ("/checker/rows-move", test_rows_move);
  g_test_add_func ("/checker/dismiss", test_dismiss);
  g_test_add_func ("/checker/same-as-full", test_same_as_full);
  g_test_add_func ("/checker/long-in-thread", test_long_in_thread);
  g_test_add_func ("/checker/long-while-editing", test_long_while_editing);
  g_test_add_func ("/checker/corrupt", test_corrupt);

  return g_test_run ();
}

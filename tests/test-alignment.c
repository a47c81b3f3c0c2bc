/* test-alignment.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tri-align-runner.h"
#include "tri-alignment.h"
#include "tri-row-filter.h"

/* A three-version report of eight, nine and seven sentences. */
static TriAlignment *
new_alignment (void)
{
  const char *en = "Talks resumed in Geneva. The delegations met at noon. Both sides spoke. "
                   "A draft was tabled. Insurance was discussed. Nobody signed. The UN was hopeful. "
                   "The next round is in April.";
  const char *ru = "Переговоры возобновились в Женеве. Делегации встретились в полдень. Выступили обе стороны. "
                   "Был представлен проект. Его обсудили. Обсуждалось страхование. Никто не подписал. "
                   "В ООН настроены оптимистично. Следующий раунд в апреле.";
  const char *uk = "Перемовини відновилися в Женеві. Делегації зустрілися опівдні. Виступили обидві сторони. "
                   "Було представлено проєкт. Обговорювали страхування. Ніхто не підписав. "
                   "Наступний раунд у квітні.";
  TriDocument *docs[3];
  TriAlignment *alignment;

  docs[0] = tri_document_new (en, "en", TRI_PARAGRAPH_BLANK_LINES);
  docs[1] = tri_document_new (ru, "ru", TRI_PARAGRAPH_BLANK_LINES);
  docs[2] = tri_document_new (uk, "uk", TRI_PARAGRAPH_BLANK_LINES);
  g_assert_cmpuint (tri_document_get_n_sentences (docs[0]), ==, 8);
  g_assert_cmpuint (tri_document_get_n_sentences (docs[1]), ==, 9);
  g_assert_cmpuint (tri_document_get_n_sentences (docs[2]), ==, 7);

  alignment = tri_alignment_new (docs, 3);
  for (guint i = 0; i < 3; i++)
    g_object_unref (docs[i]);
  return alignment;
}

/* The rows as text: "0 0 0|1 1 1|…", each cell first+count, "-" when empty. */
static char *
shape (TriAlignment *alignment)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (alignment)); r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

      if (r > 0)
        g_string_append_c (out, '|');
      for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
        {
          guint n = tri_row_get_count (row, c);

          if (c > 0)
            g_string_append_c (out, ' ');
          if (n == 0)
            g_string_append_c (out, '-');
          else
            for (guint k = 0; k < n; k++)
              g_string_append_printf (out, k > 0 ? "+%u" : "%u", tri_row_get_first (row, c) + k);
        }
      if (tri_row_get_confirmed (row))
        g_string_append_c (out, '!');
      if (tri_row_get_bookmarked (row))
        g_string_append_c (out, '*');
    }
  return g_string_free (out, FALSE);
}

static void
assert_valid (TriAlignment *alignment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tri_alignment_check (alignment, &error));
  g_assert_no_error (error);
}

typedef struct
{
  guint position, removed, added, calls;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

/* Applies @op, checks the result and one items-changed, then that undo
 * restores the state before and redo the state after. */
#define CHECK_OP(alignment, call, expected)                                        \
  G_STMT_START {                                                                   \
    g_autofree char *before = shape (alignment);                                   \
    g_autofree char *after = NULL;                                                 \
    g_autofree char *undone = NULL;                                                \
    g_autofree char *redone = NULL;                                                \
    Change change = { 0 };                                                         \
    gulong id = g_signal_connect (alignment, "items-changed",                      \
                                  G_CALLBACK (on_items_changed), &change);         \
    g_assert_true (call);                                                          \
    g_assert_cmpuint (change.calls, ==, 1);                                        \
    after = shape (alignment);                                                     \
    g_assert_cmpstr (after, ==, expected);                                         \
    assert_valid (alignment);                                                      \
    g_assert_true (tri_alignment_undo (alignment));                                \
    undone = shape (alignment);                                                    \
    g_assert_cmpstr (undone, ==, before);                                          \
    g_assert_true (tri_alignment_redo (alignment));                                \
    redone = shape (alignment);                                                    \
    g_assert_cmpstr (redone, ==, after);                                           \
    g_signal_handler_disconnect (alignment, id);                                   \
  } G_STMT_END

static void
test_each_operation (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();

  /* Merge rows 2 and 3. */
  CHECK_OP (alignment, tri_alignment_merge_next (alignment, 2),
            "0 0 0|1 1 1|2+3 2+3 2+3|4 4 4|5 5 5|6 6 6|7 7 -|- 8 -");
  g_assert_true (tri_alignment_undo (alignment));

  /* Split the merged Russian cell back… after merging it again. */
  g_assert_true (tri_alignment_merge_next (alignment, 2));
  CHECK_OP (alignment, tri_alignment_split_row (alignment, 2, 1, 1),
            "0 0 0|1 1 1|2+3 2 2+3|- 3 -|4 4 4|5 5 5|6 6 6|7 7 -|- 8 -");
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_true (tri_alignment_undo (alignment));

  /* Move the first Russian sentence of row 4 up; push the last of row 3 down. */
  CHECK_OP (alignment, tri_alignment_move_up (alignment, 4, 1),
            "0 0 0|1 1 1|2 2 2|3 3+4 3|4 - 4|5 5 5|6 6 6|7 7 -|- 8 -");
  g_assert_true (tri_alignment_undo (alignment));
  CHECK_OP (alignment, tri_alignment_move_down (alignment, 3, 1),
            "0 0 0|1 1 1|2 2 2|3 - 3|4 3+4 4|5 5 5|6 6 6|7 7 -|- 8 -");
  g_assert_true (tri_alignment_undo (alignment));

  /* Moving the only sentence of the last row up removes the emptied row. */
  CHECK_OP (alignment, tri_alignment_move_up (alignment, 8, 1),
            "0 0 0|1 1 1|2 2 2|3 3 3|4 4 4|5 5 5|6 6 6|7 7+8 -");
  g_assert_true (tri_alignment_undo (alignment));

  /* An empty Ukrainian cell at row 4: the column shifts down into the
   * first empty cell below (row 7). */
  CHECK_OP (alignment, tri_alignment_insert_empty (alignment, 4, 2),
            "0 0 0|1 1 1|2 2 2|3 3 3|4 4 -|5 5 4|6 6 5|7 7 6|- 8 -");
  g_assert_true (tri_alignment_undo (alignment));

  /* Remove the empty Russian cell… after making one: the column closes up
   * and the emptied last row goes. */
  g_assert_true (tri_alignment_move_up (alignment, 4, 1));
  CHECK_OP (alignment, tri_alignment_remove_empty_cell (alignment, 4, 1),
            "0 0 0|1 1 1|2 2 2|3 3+4 3|4 5 4|5 6 5|6 7 6|7 8 -");
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_true (tri_alignment_undo (alignment));
  /* An empty cell with nothing below it to move is left alone. */
  g_assert_false (tri_alignment_remove_empty_cell (alignment, 7, 2));

  /* Swap the empty Ukrainian cell of row 7 up with row 6's. */
  CHECK_OP (alignment, tri_alignment_swap_up (alignment, 7, 2),
            "0 0 0|1 1 1|2 2 2|3 3 3|4 4 4|5 5 5|6 6 -|7 7 6|- 8 -");
  g_assert_true (tri_alignment_undo (alignment));
  /* Two full cells never swap: sentences keep their order. */
  g_assert_false (tri_alignment_swap_up (alignment, 3, 2));

  /* Confirm a row, all rows through row 2, and bookmark one. */
  CHECK_OP (alignment, tri_alignment_set_confirmed (alignment, 1, TRUE),
            "0 0 0|1 1 1!|2 2 2|3 3 3|4 4 4|5 5 5|6 6 6|7 7 -|- 8 -");
  CHECK_OP (alignment, tri_alignment_confirm_through (alignment, 2),
            "0 0 0!|1 1 1!|2 2 2!|3 3 3|4 4 4|5 5 5|6 6 6|7 7 -|- 8 -");
  g_assert_cmpuint (tri_alignment_get_n_confirmed (alignment), ==, 3);
  CHECK_OP (alignment, tri_alignment_toggle_bookmark (alignment, 5),
            "0 0 0!|1 1 1!|2 2 2!|3 3 3|4 4 4|5 5 5*|6 6 6|7 7 -|- 8 -");
  /* Editing a confirmed row makes it the aligner's to check again. */
  CHECK_OP (alignment, tri_alignment_merge_next (alignment, 1),
            "0 0 0!|1+2 1+2 1+2|3 3 3|4 4 4|5 5 5*|6 6 6|7 7 -|- 8 -");
}

static void
test_refused (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();
  g_autofree char *before = shape (alignment);
  g_autofree char *after = NULL;

  g_assert_false (tri_alignment_merge_next (alignment, 8));       /* no next row */
  g_assert_false (tri_alignment_split_row (alignment, 0, 0, 1));  /* one sentence */
  g_assert_false (tri_alignment_move_up (alignment, 0, 0));       /* no row above */
  g_assert_false (tri_alignment_move_up (alignment, 8, 0));       /* empty cell */
  g_assert_false (tri_alignment_move_down (alignment, 7, 2));     /* empty cell */
  g_assert_false (tri_alignment_insert_empty (alignment, 7, 2));  /* already empty */
  g_assert_false (tri_alignment_delete_empty_row (alignment, 0)); /* not empty */
  g_assert_false (tri_alignment_merge_next (alignment, 100));
  g_assert_false (tri_alignment_move_up (alignment, 1, 5));       /* no such column */
  g_assert_false (tri_alignment_can_undo (alignment));
  g_assert_false (tri_alignment_undo (alignment));
  g_assert_false (tri_alignment_redo (alignment));

  after = shape (alignment);
  g_assert_cmpstr (after, ==, before);
}

static void
test_fixing_the_report (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();
  g_autofree char *fixed = NULL;

  /* What a user does on the plain pairing: the Russian sentence 4 joins
   * row 3 (it is the second half of the English sentence 3), the Russian
   * column closes the gap it left, and the Ukrainian gets an empty cell
   * where it left out the English sentence 6. Three keystrokes. */
  g_assert_true (tri_alignment_move_up (alignment, 4, 1));
  g_assert_true (tri_alignment_remove_empty_cell (alignment, 4, 1));
  g_assert_true (tri_alignment_insert_empty (alignment, 6, 2));
  fixed = shape (alignment);
  assert_valid (alignment);
  g_assert_cmpstr (fixed, ==, "0 0 0|1 1 1|2 2 2|3 3+4 3|4 5 4|5 6 5|6 7 -|7 8 6");
  g_assert_true (tri_alignment_can_undo (alignment));
}

/* Random sequences of edits, undos and redos keep the invariants, and
 * undoing everything gives back the start. */
/* A copy of a list model kept by its items-changed alone. */
static void
on_mirror_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GPtrArray  *mirror)
{
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
}

/* The filter shows exactly the rows of its kind, in order, maps them both
 * ways, and its items-changed told @mirror the same. */
static void
assert_filter (TriAlignment *alignment,
               TriRowFilter *filter,
               GPtrArray    *mirror)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (alignment));
  guint k = 0;

  for (guint r = 0; r < n; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

      if (tri_row_is_kind (row, tri_row_filter_get_kind (filter), tri_alignment_get_n_columns (alignment)))
        {
          g_assert_cmpuint (tri_row_filter_get_row (filter, k), ==, r);
          g_assert_cmpuint (tri_row_filter_find_row (filter, r), ==, k);
          g_assert_true (g_ptr_array_index (mirror, k) == row);
          k++;
        }
      else
        g_assert_cmpuint (tri_row_filter_find_row (filter, r), ==, G_MAXUINT);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, k);
  g_assert_cmpuint (mirror->len, ==, k);
}

static void
test_random_sequences (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(TriAlignment) alignment = new_alignment ();
      g_autofree char *start = shape (alignment);
      g_autofree char *ru_text = g_strdup (tri_document_get_text (tri_alignment_get_document (alignment, 1)));
      guint ru_sentences = tri_document_get_n_sentences (tri_alignment_get_document (alignment, 1));
      g_autofree char *end = NULL;
      guint applied = 0;
      g_autoptr(TriRowFilter) filter = tri_row_filter_new (alignment);
      g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);

      /* A grid narrowed to some kind of row follows every step. */
      tri_row_filter_set_kind (filter, round % 5);
      on_mirror_changed (G_LIST_MODEL (filter), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (filter)), mirror);
      g_signal_connect (filter, "items-changed", G_CALLBACK (on_mirror_changed), mirror);

      for (guint step = 0; step < 60; step++)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (alignment));
          guint row = g_rand_int_range (rand, 0, (gint32)n + 1);
          guint column = g_rand_int_range (rand, 0, 3);
          gboolean done = FALSE;

          switch (g_rand_int_range (rand, 0, 14))
            {
            case 13:
              {
                const char *pool[] = { "Новая фраза.", " ", "Ещё одна, уже вторая.", "Третья." };
                const char *lines[4] = { NULL };
                guint n_lines = g_rand_int_range (rand, 0, 4);

                for (guint i = 0; i < n_lines; i++)
                  lines[i] = pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))];
                done = tri_alignment_set_cell_sentences (alignment, row, column, lines);
              }
              break;
            case 11:
              done = tri_alignment_join_sentences (alignment, column, g_rand_int_range (rand, 0, 9));
              break;
            case 12:
              done = tri_alignment_split_sentence (alignment, column, g_rand_int_range (rand, 0, 9),
                                                   g_rand_int_range (rand, 1, 40));
              break;
            case 0: done = tri_alignment_merge_next (alignment, row); break;
            case 1: done = tri_alignment_split_row (alignment, row, column, 1); break;
            case 2: done = tri_alignment_move_up (alignment, row, column); break;
            case 3: done = tri_alignment_move_down (alignment, row, column); break;
            case 4: done = tri_alignment_insert_empty (alignment, row, column); break;
            case 5:
              done = g_rand_boolean (rand) ? tri_alignment_delete_empty_row (alignment, row)
                                           : tri_alignment_remove_empty_cell (alignment, row, column);
              break;
            case 6: done = tri_alignment_swap_up (alignment, row, column); break;
            case 7: done = tri_alignment_set_confirmed (alignment, row, TRUE); break;
            case 8: done = tri_alignment_toggle_bookmark (alignment, row); break;
            case 9:
              if (tri_alignment_undo (alignment))
                applied--;
              break;
            case 10:
              if (tri_alignment_redo (alignment))
                applied++;
              break;
            default:
              g_assert_not_reached ();
            }
          if (done)
            applied++;
          assert_valid (alignment);
          assert_filter (alignment, filter, mirror);
          if (step == 30)
            {
              tri_row_filter_set_kind (filter, (round + 1) % 5);
              assert_filter (alignment, filter, mirror);
            }
        }

      while (tri_alignment_undo (alignment))
        applied--;
      g_assert_cmpuint (applied, ==, 0);
      end = shape (alignment);
      g_assert_cmpstr (end, ==, start);
      g_assert_cmpstr (tri_document_get_text (tri_alignment_get_document (alignment, 1)), ==, ru_text);
      g_assert_cmpuint (tri_document_get_n_sentences (tri_alignment_get_document (alignment, 1)), ==, ru_sentences);
    }
}

static void
test_replace_rows (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TriBead));
  TriBead a = { { 3, 3, 3 }, { 1, 2, 1 }, 0.9, FALSE };
  TriBead b = { { 4, 5, 4 }, { 4, 4, 3 }, 0.8, FALSE };
  g_autofree char *done = NULL;

  /* A realignment of rows 3 onwards lands as one step. */
  g_array_append_val (rows, a);
  g_array_append_val (rows, b);
  g_assert_true (tri_alignment_replace_rows (alignment, 3, 6, rows));
  done = shape (alignment);
  g_assert_cmpstr (done, ==, "0 0 0|1 1 1|2 2 2|3 3+4 3|4+5+6+7 5+6+7+8 4+5+6");
  assert_valid (alignment);
  g_assert_true (tri_alignment_undo (alignment));

  /* Rows that do not cover the same sentences are refused. */
  g_array_index (rows, TriBead, 1).count[0] = 3;
  g_assert_false (tri_alignment_replace_rows (alignment, 3, 6, rows));
}

/* An alignment made with the aligner's rows is the one set_rows() gives
 * after pairing in order: the same rows, aligned, nothing to undo. */
static void
test_new_with_rows (void)
{
  g_autoptr(TriAlignment) paired = new_alignment ();
  g_autoptr(TriAlignment) made = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TriBead));
  TriDocument *docs[3];
  TriBead beads[] = {
    { { 0, 0, 0 }, { 1, 1, 1 }, 0.97, FALSE },
    { { 1, 1, 1 }, { 1, 1, 1 }, 0.95, TRUE },
    { { 2, 2, 2 }, { 2, 3, 2 }, 0.62, FALSE },
    { { 4, 5, 4 }, { 1, 1, 0 }, 0.30, FALSE },
    { { 5, 6, 4 }, { 3, 3, 3 }, 0.81, FALSE },
  };
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  g_array_append_vals (rows, beads, G_N_ELEMENTS (beads));
  for (guint c = 0; c < 3; c++)
    docs[c] = tri_alignment_get_document (paired, c);
  made = tri_alignment_new_with_rows (docs, 3, rows);
  tri_alignment_set_rows (paired, rows);

  want = shape (paired);
  got = shape (made);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (got, ==, "0 0 0|1 1 1!|2+3 2+3+4 2+3|4 5 -|5+6+7 6+7+8 4+5+6");
  g_assert_true (tri_alignment_get_aligned (made));
  g_assert_false (tri_alignment_can_undo (made));
  g_assert_cmpuint (tri_alignment_get_n_confirmed (made), ==, 1);
  g_assert_cmpuint (tri_alignment_get_generation (made), ==, tri_alignment_get_generation (paired));
  for (guint r = 0; r < rows->len; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (made), r);

      g_assert_cmpfloat (tri_row_get_score (row), ==, beads[r].score);
    }
  assert_valid (made);
}

static char *
sentence_text (TriAlignment *alignment,
               guint         column,
               guint         index)
{
  return tri_document_dup_sentence_text (tri_alignment_get_document (alignment, column), index);
}

static void
test_text_edits (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();
  TriDocument *ru = tri_alignment_get_document (alignment, 1);
  g_autofree char *original = g_strdup (tri_document_get_text (ru));
  g_autofree char *s3 = NULL;
  g_autofree char *s4 = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *edited = NULL;

  /* The Russian 3 and 4 are one English sentence: join them. The joined
   * sentence stays in row 3; row 4 keeps its place with an empty Russian
   * cell (Delete closes it up). */
  CHECK_OP (alignment, tri_alignment_join_sentences (alignment, 1, 3),
            "0 0 0|1 1 1|2 2 2|3 3 3|4 - 4|5 4 5|6 5 6|7 6 -|- 7 -");
  joined = sentence_text (alignment, 1, 3);
  g_assert_cmpstr (joined, ==, "Был представлен проект. Его обсудили.");
  g_assert_cmpuint (tri_document_get_n_sentences (ru), ==, 8);

  /* Undone, the text has its nine sentences again. */
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_cmpuint (tri_document_get_n_sentences (ru), ==, 9);
  g_assert_cmpstr (tri_document_get_text (ru), ==, original);
  g_assert_true (tri_alignment_redo (alignment));
  g_assert_true (tri_alignment_undo (alignment));

  /* Split the Russian sentence 2 after its first two words. */
  CHECK_OP (alignment, tri_alignment_split_sentence (alignment, 1, 2, strlen ("Выступили обе")),
            "0 0 0|1 1 1|2 2+3 2|3 4 3|4 5 4|5 6 5|6 7 6|7 8 -|- 9 -");
  s3 = sentence_text (alignment, 1, 3);
  g_assert_cmpstr (s3, ==, "стороны.");
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_false (tri_alignment_split_sentence (alignment, 1, 2, 0));

  /* Fix a word; the sentences after keep their text. */
  CHECK_OP (alignment, tri_alignment_edit_sentence (alignment, 1, 1, "Делегации встретились ровно в полдень."),
            "0 0 0|1 1 1|2 2 2|3 3 3|4 4 4|5 5 5|6 6 6|7 7 -|- 8 -");
  edited = sentence_text (alignment, 1, 1);
  g_assert_cmpstr (edited, ==, "Делегации встретились ровно в полдень.");
  s4 = sentence_text (alignment, 1, 4);
  g_assert_cmpstr (s4, ==, "Его обсудили.");
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_cmpstr (tri_document_get_text (ru), ==, original);
  g_assert_false (tri_alignment_edit_sentence (alignment, 1, 1, "  \n "));

  /* Only the rows that show something new change: one for new words, the
   * rest of the column from a join down. */
  {
    Change change = { 0 };
    gulong id = g_signal_connect (alignment, "items-changed", G_CALLBACK (on_items_changed), &change);

    g_assert_true (tri_alignment_edit_sentence (alignment, 1, 5, "Обсуждалась страховка."));
    g_assert_cmpuint (change.position, ==, 5);
    g_assert_cmpuint (change.removed, ==, 1);
    g_assert_cmpuint (change.added, ==, 1);
    g_assert_true (tri_alignment_undo (alignment));
    g_assert_cmpuint (change.position, ==, 5);
    g_assert_cmpuint (change.removed, ==, 1);
    g_assert_true (tri_alignment_join_sentences (alignment, 1, 6));
    g_assert_cmpuint (change.position, ==, 6);
    g_assert_cmpuint (change.removed, ==, 3);
    g_assert_cmpuint (change.added, ==, 3);
    g_signal_handler_disconnect (alignment, id);
    assert_valid (alignment);
  }
}

/* What the editor strip does: a cell's sentences, one per line. */
static void
test_cell_sentences (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();
  TriDocument *ru = tri_alignment_get_document (alignment, 1);
  TriDocument *uk = tri_alignment_get_document (alignment, 2);
  g_autofree char *ru_original = g_strdup (tri_document_get_text (ru));
  g_autofree char *uk_original = g_strdup (tri_document_get_text (uk));
  const char *grown[] = { "Был представлен проект.", "  Его сразу\nобсудили. ", "", NULL };
  const char *nothing[] = { " ", NULL };
  const char *back[] = { "Его обсудили.", NULL };
  const char *same[] = { "Был представлен проект.", NULL };
  const char *last[] = { "Наступний раунд у травні.", NULL };

  /* A sentence typed on a new line of the cell: line breaks inside a line
   * become spaces, blank lines go, the sentences after keep their rows. */
  CHECK_OP (alignment, tri_alignment_set_cell_sentences (alignment, 3, 1, grown),
            "0 0 0|1 1 1|2 2 2|3 3+4 3|4 5 4|5 6 5|6 7 6|7 8 -|- 9 -");
  g_assert_nonnull (strstr (tri_document_get_text (ru),
                            "Был представлен проект. Его сразу обсудили. Его обсудили. Обсуждалось"));
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_cmpstr (tri_document_get_text (ru), ==, ru_original);

  /* Nothing left: the sentence and the space after it go, the cell is
   * empty; typing it in again restores the text byte for byte. */
  CHECK_OP (alignment, tri_alignment_set_cell_sentences (alignment, 4, 1, nothing),
            "0 0 0|1 1 1|2 2 2|3 3 3|4 - 4|5 4 5|6 5 6|7 6 -|- 7 -");
  g_assert_nonnull (strstr (tri_document_get_text (ru), "проект. Обсуждалось"));
  CHECK_OP (alignment, tri_alignment_set_cell_sentences (alignment, 4, 1, back),
            "0 0 0|1 1 1|2 2 2|3 3 3|4 4 4|5 5 5|6 6 6|7 7 -|- 8 -");
  g_assert_cmpstr (tri_document_get_text (ru), ==, ru_original);

  /* The same at the end of a text. */
  g_assert_true (tri_alignment_set_cell_sentences (alignment, 6, 2, nothing));
  g_assert_true (g_str_has_suffix (tri_document_get_text (uk), "Ніхто не підписав."));
  g_assert_true (tri_alignment_set_cell_sentences (alignment, 6, 2, last));
  g_assert_true (g_str_has_suffix (tri_document_get_text (uk), "Ніхто не підписав. Наступний раунд у травні."));
  assert_valid (alignment);
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_cmpstr (tri_document_get_text (uk), ==, uk_original);

  /* The same words are no edit. */
  g_assert_false (tri_alignment_set_cell_sentences (alignment, 3, 1, same));
}

static void
test_find (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();
  g_autoptr(GError) error = NULL;
  guint found = 0;

  /* Plain text, any case, in every column, from the top. */
  g_assert_true (tri_alignment_find (alignment, "страхование", FALSE, FALSE, -1, G_MAXUINT, 1, &found, NULL));
  g_assert_cmpuint (found, ==, 5);
  g_assert_true (tri_alignment_find (alignment, "ЖЕНЕВ", FALSE, FALSE, -1, G_MAXUINT, 1, &found, NULL));
  g_assert_cmpuint (found, ==, 0);
  g_assert_false (tri_alignment_find (alignment, "GENEVA", FALSE, TRUE, -1, G_MAXUINT, 1, &found, NULL));

  /* Onward from a row, wrapping around; and backward. */
  g_assert_true (tri_alignment_find (alignment, "e", FALSE, FALSE, 0, 6, 1, &found, NULL));
  g_assert_cmpuint (found, ==, 7);
  g_assert_true (tri_alignment_find (alignment, "Talks", FALSE, TRUE, 0, 3, 1, &found, NULL));
  g_assert_cmpuint (found, ==, 0);
  g_assert_true (tri_alignment_find (alignment, "signed", FALSE, FALSE, 0, 0, -1, &found, NULL));
  g_assert_cmpuint (found, ==, 5);

  /* One column only: the Ukrainian has no "ООН". */
  g_assert_true (tri_alignment_find (alignment, "ООН", FALSE, FALSE, 1, G_MAXUINT, 1, &found, NULL));
  g_assert_cmpuint (found, ==, 7);
  g_assert_false (tri_alignment_find (alignment, "ООН", FALSE, FALSE, 2, G_MAXUINT, 1, &found, NULL));

  /* ICU regular expressions: Cyrillic classes, word boundaries. */
  g_assert_true (tri_alignment_find (alignment, "\\bпро[єе]кт\\b", TRUE, FALSE, -1, G_MAXUINT, 1, &found, NULL));
  g_assert_cmpuint (found, ==, 3);
  g_assert_false (tri_alignment_find (alignment, "([", TRUE, FALSE, -1, G_MAXUINT, 1, &found, &error));
  g_assert_error (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE);
  /* The same text, not as an expression, is just not found. */
  g_assert_false (tri_alignment_find (alignment, "([", FALSE, FALSE, -1, G_MAXUINT, 1, &found, NULL));
}

/* Asserts sentence @index of @column reads @expected. */
#define ASSERT_SENTENCE(alignment, column, index, expected)                        \
  G_STMT_START {                                                                   \
    g_autofree char *text_ = sentence_text (alignment, column, index);             \
    g_assert_cmpstr (text_, ==, expected);                                         \
  } G_STMT_END

static void
test_replace (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();
  g_autoptr(GError) error = NULL;
  TriDocument *ru = tri_alignment_get_document (alignment, 1);
  TriDocument *uk = tri_alignment_get_document (alignment, 2);
  g_autofree char *ru_text = g_strdup (tri_document_get_text (ru));
  g_autofree char *uk_text = g_strdup (tri_document_get_text (uk));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n = 0;

  /* Both Cyrillic columns at once, any case: one edit to undo. A confirmed
   * row whose words change stays confirmed: a text edit, not a change of
   * the alignment. */
  g_assert_true (tri_alignment_set_confirmed (alignment, 3, TRUE));
  before = shape (alignment);
  g_assert_true (tri_alignment_replace (alignment, "\\bпро[єе]кт\\b", TRUE, FALSE, -1, 0, G_MAXUINT,
                                        "документ", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  ASSERT_SENTENCE (alignment, 1, 3, "Был представлен документ.");
  ASSERT_SENTENCE (alignment, 2, 3, "Було представлено документ.");
  /* Sentences after keep their words though their offsets moved. */
  ASSERT_SENTENCE (alignment, 1, 8, "Следующий раунд в апреле.");
  ASSERT_SENTENCE (alignment, 2, 6, "Наступний раунд у квітні.");
  assert_valid (alignment);
  after = shape (alignment);
  g_assert_cmpstr (after, ==, "0 0 0|1 1 1|2 2 2|3 3 3!|4 4 4|5 5 5|6 6 6|7 7 -|- 8 -");
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_cmpstr (tri_document_get_text (ru), ==, ru_text);
  g_assert_cmpstr (tri_document_get_text (uk), ==, uk_text);
  g_clear_pointer (&after, g_free);
  after = shape (alignment);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (tri_alignment_redo (alignment));
  ASSERT_SENTENCE (alignment, 2, 3, "Було представлено документ.");
  g_assert_true (tri_alignment_undo (alignment));

  /* Groups of the expression; plain text takes $ and \\ as they are. */
  g_assert_true (tri_alignment_replace (alignment, "(\\w+) sides", TRUE, TRUE, 0, 0, G_MAXUINT,
                                        "$1 delegations", &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  ASSERT_SENTENCE (alignment, 0, 2, "Both delegations spoke.");
  g_assert_true (tri_alignment_replace (alignment, "Insurance", FALSE, TRUE, -1, 0, G_MAXUINT,
                                        "Cover ($2m, \\1)", &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  ASSERT_SENTENCE (alignment, 0, 4, "Cover ($2m, \\1) was discussed.");

  /* Only the rows asked for: the first row's e's, not the second's. */
  g_assert_true (tri_alignment_replace (alignment, "e", FALSE, FALSE, 0, 0, 1, "E", &n, NULL));
  g_assert_cmpuint (n, ==, 4);
  ASSERT_SENTENCE (alignment, 0, 0, "Talks rEsumEd in GEnEva.");
  ASSERT_SENTENCE (alignment, 0, 1, "The delegations met at noon.");

  /* A sentence is never left with no words; nothing matched, nothing to undo. */
  while (tri_alignment_undo (alignment))
    ;
  g_assert_true (tri_alignment_replace (alignment, "^.*$", TRUE, FALSE, -1, 0, G_MAXUINT, "", &n, NULL));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (tri_alignment_replace (alignment, "Lisbon", FALSE, FALSE, -1, 0, G_MAXUINT, "Porto", &n, NULL));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (tri_alignment_can_undo (alignment));

  /* A group that is not there, or a broken expression: an error, no change. */
  g_assert_false (tri_alignment_replace (alignment, "(Geneva)", TRUE, TRUE, -1, 0, G_MAXUINT, "$2", &n, &error));
  g_assert_error (error, G_REGEX_ERROR, G_REGEX_ERROR_REPLACE);
  g_clear_error (&error);
  g_assert_false (tri_alignment_replace (alignment, "([", TRUE, TRUE, -1, 0, G_MAXUINT, "x", &n, &error));
  g_assert_error (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE);
  g_assert_false (tri_alignment_can_undo (alignment));
  g_assert_cmpstr (tri_document_get_text (ru), ==, ru_text);
}

static void
test_groups (void)
{
  g_autoptr(TriAlignment) alignment = new_alignment ();
  TriDocument *ru = tri_alignment_get_document (alignment, 1);
  g_autofree char *original = g_strdup (tri_document_get_text (ru));

  /* Two sentences of one cell edited, then a row merged: the first two
   * are one step, the merge another. */
  tri_alignment_begin_group (alignment);
  g_assert_true (tri_alignment_edit_sentence (alignment, 1, 3, "Представили проект."));
  tri_alignment_begin_group (alignment);
  g_assert_true (tri_alignment_edit_sentence (alignment, 1, 4, "Его обсуждали."));
  tri_alignment_end_group (alignment);
  tri_alignment_end_group (alignment);
  g_assert_true (tri_alignment_merge_next (alignment, 0));

  g_assert_true (tri_alignment_undo (alignment));
  ASSERT_SENTENCE (alignment, 1, 4, "Его обсуждали.");
  g_assert_true (tri_alignment_undo (alignment));
  g_assert_cmpstr (tri_document_get_text (ru), ==, original);
  g_assert_false (tri_alignment_can_undo (alignment));

  g_assert_true (tri_alignment_redo (alignment));
  ASSERT_SENTENCE (alignment, 1, 3, "Представили проект.");
  ASSERT_SENTENCE (alignment, 1, 4, "Его обсуждали.");
  g_assert_true (tri_alignment_can_redo (alignment));
  assert_valid (alignment);
}

static void
on_runner_aligned_cb (TriAlignRunner *runner,
                      gboolean        replaced,
                      GArray         *events)
{
  int event = replaced ? 1 : 0;

  g_array_append_val (events, event);
}

/* The window's alignments in the background: a new one replaces the one
 * running (only the newest puts its rows in), cancelling leaves the rows
 * paired in order, and the user's English sentence with no counterpart
 * comes out alone. */
static void
test_runner (void)
{
  TriDocument *docs[2];
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(TriAlignRunner) runner = tri_align_runner_new ();
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (int));
  gint64 deadline;

  docs[0] = tri_document_new ("The delegations met in Vienna on Monday. They agreed on a timetable. "
                              "A spokesman declined to comment. The next round is in May.", "en",
                              TRI_PARAGRAPH_BLANK_LINES);
  docs[1] = tri_document_new ("Делегации встретились в Вене в понедельник. Они согласовали график. "
                              "Следующий раунд пройдёт в мае.", "ru", TRI_PARAGRAPH_BLANK_LINES);
  alignment = tri_alignment_new (docs, 2);
  g_object_unref (docs[0]);
  g_object_unref (docs[1]);
  g_signal_connect (runner, "aligned", G_CALLBACK (on_runner_aligned_cb), events);

  /* Nothing to cancel; then cancelled: the rows stay paired in order. */
  g_assert_false (tri_align_runner_cancel (runner));
  tri_align_runner_start (runner, alignment, NULL, 0, 0, 0);
  g_assert_true (tri_align_runner_get_running (runner));
  g_assert_true (tri_align_runner_cancel (runner));
  g_assert_false (tri_align_runner_get_running (runner));

  /* Twice: the first is replaced, only the second puts its rows in. */
  tri_align_runner_start (runner, alignment, NULL, 0, 0, 0);
  tri_align_runner_start (runner, alignment, NULL, 0, 0, 0);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (tri_align_runner_get_running (runner) || g_main_context_pending (NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (g_array_index (events, int, 0), ==, 1);
  g_assert_true (tri_alignment_get_aligned (alignment));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 4);
  {
    g_autoptr(TriRow) alone = g_list_model_get_item (G_LIST_MODEL (alignment), 2);

    g_assert_cmpuint (tri_row_get_count (alone, 0), ==, 1);
    g_assert_cmpuint (tri_row_get_count (alone, 1), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/alignment/each-operation", test_each_operation);
  g_test_add_func ("/alignment/runner", test_runner);
  g_test_add_func ("/alignment/refused", test_refused);
  g_test_add_func ("/alignment/fixing-the-report", test_fixing_the_report);
  g_test_add_func ("/alignment/random-sequences", test_random_sequences);
  g_test_add_func ("/alignment/replace-rows", test_replace_rows);
  g_test_add_func ("/alignment/new-with-rows", test_new_with_rows);
  g_test_add_func ("/alignment/cell-sentences", test_cell_sentences);
  g_test_add_func ("/alignment/find", test_find);
  g_test_add_func ("/alignment/text-edits", test_text_edits);
  g_test_add_func ("/alignment/replace", test_replace);
  g_test_add_func ("/alignment/groups", test_groups);

  return g_test_run ();
}

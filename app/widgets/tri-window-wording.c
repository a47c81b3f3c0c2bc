/* tri-window-wording.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window"

#include "config.h"

#include "tri-window-private.h"
#include "tri-wording.h"

/* Compare Wording in the grid: the word under the pointer and its
 * counterparts in the other cells of its row get a soft accent
 * background, and the word's tooltip names them; with the mode on
 * (Ctrl+D, the "compare-wording" setting) every word of the selected row
 * is marked by what the other versions do with it. The links come from a
 * TriWording (tri-wording.c), row by row on demand. */

static void
clear_hover (TriWindow *self)
{
  g_clear_object (&self->hover_row);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_pointer (&self->hover_spans[c], g_array_unref);
  g_clear_pointer (&self->hover_tooltip, g_free);
  self->hover_column = G_MAXUINT;
  self->hover_start = G_MAXUINT;
}

/**
 * _tri_window_update_wording:
 * @self: a #TriWindow
 *
 * Every grid cell's highlights and marks anew, and the editor strip's
 * marks: after the pointer, the selection or the mode changed.
 */
void
_tri_window_update_wording (TriWindow *self)
{
  gboolean compare = self->settings != NULL && g_settings_get_boolean (self->settings, "compare-wording");

  tri_alignment_grid_set_wording (self->grid, self->wording, compare);
  if (self->settings != NULL)
    tri_segment_editor_set_compare_wording (self->editor, compare);
}

/**
 * _tri_window_hover_word:
 * @self: a #TriWindow
 * @position: the grid's row (a position in the shown rows), or
 *   %GTK_INVALID_LIST_POSITION when the pointer is on none
 * @column: the cell's column
 * @offset: a byte offset in the cell's text, or -1 off the words
 *
 * What the pointer's motion over the grid calls: highlights the word at
 * @offset and its counterparts in the row's other cells, in place of what
 * was highlighted.
 */
void
_tri_window_hover_word (TriWindow *self,
                        guint      position,
                        guint      column,
                        int        offset)
{
  g_autoptr(TriRow) row = NULL;
  g_auto(GStrv) texts = NULL;
  GArray *spans[TRI_MAX_COLUMNS] = { NULL };
  guint n_columns;

  if (self->alignment == NULL || self->wording == NULL)
    return;
  /* Asked again when the thread has linked the row. */
  self->want_position = position;
  self->want_column = column;
  self->want_offset = offset;
  n_columns = tri_alignment_get_n_columns (self->alignment);
  if (position != GTK_INVALID_LIST_POSITION && offset >= 0 && column < n_columns)
    row = tri_alignment_grid_dup_shown_row (self->grid, position);

  if (row != NULL)
    {
      texts = tri_alignment_dup_row_texts (self->alignment, row);
      if (!tri_wording_get_highlights (self->wording, (const char * const *)texts, column, (guint)offset, spans))
        g_clear_object (&row);
    }

  /* The same word: nothing to do (most motion events). */
  if (row != NULL && row == self->hover_row && column == self->hover_column &&
      spans[column]->len >= 2 && g_array_index (spans[column], gsize, 0) == self->hover_start)
    {
      for (guint c = 0; c < n_columns; c++)
        g_clear_pointer (&spans[c], g_array_unref);
      return;
    }
  if (row == NULL && self->hover_row == NULL)
    return;

  clear_hover (self);
  if (row != NULL)
    {
      self->hover_row = g_steal_pointer (&row);
      self->hover_column = column;
      self->hover_start = (guint)g_array_index (spans[column], gsize, 0);
      for (guint c = 0; c < n_columns; c++)
        self->hover_spans[c] = spans[c];
      self->hover_tooltip = tri_wording_dup_tooltip (self->wording, (const char * const *)texts, column, (guint)offset);
    }

  tri_alignment_grid_set_word_highlights (self->grid, self->hover_row, self->hover_column, self->hover_spans,
                                          self->hover_tooltip);
}

static void
on_pointer_word_cb (TriWindow        *self,
                    guint             position,
                    guint             column,
                    int               offset,
                    TriAlignmentGrid *grid)
{
  _tri_window_hover_word (self, position, column, offset);
}

/* The strip's cursor on a word: the same word of the grid's selected row
 * (the strip has the cell's sentences a line each where the cell has them
 * one space apart, so the offsets are the same). */
static void
on_editor_cursor_word_cb (TriWindow *self,
                          guint      column,
                          int        offset)
{
  _tri_window_hover_word (self, tri_alignment_grid_get_current_position (self->grid), column, offset);
}

#define PREFETCH_DELAY_MS 500
#define COLLECT_CHUNK 200   /* rows whose texts are read per main-loop turn */

/* In idle turns, a chunk at a time (reading 20,000 rows' texts at once
 * takes the main loop for longer than a frame): the texts of the rows not
 * linked yet, then to the thread. */
static gboolean
on_collect_cb (gpointer data)
{
  TriWindow *self = data;
  guint n_rows;

  if (self->wording == NULL || self->alignment == NULL || !tri_wording_is_ready (self->wording))
    {
      self->collect_source = 0;
      return G_SOURCE_REMOVE;
    }

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
  if (self->collected == NULL)
    self->collected = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  for (guint i = 0; i < COLLECT_CHUNK && self->collect_next < n_rows; i++, self->collect_next++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), self->collect_next);
      GStrv texts = tri_alignment_dup_row_texts (self->alignment, row);

      /* The first run takes every row: its aligner learns from them. */
      if (self->prefetched && tri_wording_has_row (self->wording, (const char * const *)texts))
        g_strfreev (texts);
      else
        g_ptr_array_add (self->collected, texts);
    }
  if (self->collect_next < n_rows)
    return G_SOURCE_CONTINUE;

  if (self->collected->len > 0)
    tri_wording_prefetch (self->wording, g_steal_pointer (&self->collected));
  g_clear_pointer (&self->collected, g_ptr_array_unref);
  self->prefetched = TRUE;
  self->collect_source = 0;
  return G_SOURCE_REMOVE;
}

static void
on_prefetch_timeout_cb (gpointer data)
{
  TriWindow *self = data;

  self->prefetch_source = 0;
  g_clear_handle_id (&self->collect_source, g_source_remove);
  g_clear_pointer (&self->collected, g_ptr_array_unref);
  self->collect_next = 0;
  self->collect_source = g_idle_add_full (G_PRIORITY_LOW, on_collect_cb, self, NULL);
}

/* Rows linked in the background once the rows have settled: after the
 * aligner is made and after each change of the rows. */
static void
schedule_prefetch (TriWindow *self)
{
  g_clear_handle_id (&self->prefetch_source, g_source_remove);
  self->prefetch_source = g_timeout_add_once (PREFETCH_DELAY_MS, on_prefetch_timeout_cb, self);
}

/* The row pointed at, or the selected one, may be linked now. */
static void
on_rows_linked_cb (TriWindow *self)
{
  if (self->want_offset >= 0 && self->hover_row == NULL)
    _tri_window_hover_word (self, self->want_position, self->want_column, self->want_offset);
  if (g_settings_get_boolean (self->settings, "compare-wording"))
    _tri_window_update_wording (self);
}

static void
on_wording_ready_cb (TriWindow *self)
{
  _tri_window_update_wording (self);
  schedule_prefetch (self);
}

static void
on_rows_changed_cb (TriWindow *self)
{
  if (self->wording != NULL && tri_wording_is_ready (self->wording))
    schedule_prefetch (self);
}

static void
stop_prefetch (TriWindow *self)
{
  g_clear_handle_id (&self->prefetch_source, g_source_remove);
  g_clear_handle_id (&self->collect_source, g_source_remove);
  g_clear_pointer (&self->collected, g_ptr_array_unref);
  self->prefetched = FALSE;
}

/**
 * _tri_window_reset_wording:
 * @self: a #TriWindow
 *
 * A new word aligner for the documents' languages (made in a thread).
 */
void
_tri_window_reset_wording (TriWindow *self)
{
  const char *languages[TRI_MAX_COLUMNS] = { NULL };
  guint n;

  clear_hover (self);
  stop_prefetch (self);
  if (self->wording != NULL)
    g_signal_handlers_disconnect_by_func (self->wording, on_wording_ready_cb, self);
  g_clear_object (&self->wording);
  if (self->alignment == NULL || (n = tri_alignment_get_n_columns (self->alignment)) == 0)
    return;

  g_signal_handlers_disconnect_by_func (self->alignment, on_rows_changed_cb, self);
  g_signal_connect_object (self->alignment, "items-changed", G_CALLBACK (on_rows_changed_cb), self,
                           G_CONNECT_SWAPPED);

  for (guint c = 0; c < n && c < TRI_MAX_COLUMNS; c++)
    languages[c] = tri_document_get_language (tri_alignment_get_document (self->alignment, c));
  self->wording = tri_wording_new (MIN (n, TRI_MAX_COLUMNS), languages);
  /* The main loop never waits for a row's links. */
  tri_wording_set_link_in_background (self->wording, TRUE);
  g_signal_connect_object (self->wording, "rows-linked", G_CALLBACK (on_rows_linked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wording, "ready", G_CALLBACK (on_wording_ready_cb), self,
                           G_CONNECT_SWAPPED);
  tri_segment_editor_set_wording (self->editor, self->wording);
  tri_parallel_view_set_wording (self->parallel_view, self->wording);
  tri_alignment_grid_set_wording (self->grid, self->wording,
                                  g_settings_get_boolean (self->settings, "compare-wording"));
}

/**
 * _tri_window_init_wording:
 * @self: a #TriWindow
 *
 * The pointer's motion over the grid, the strip's cursor, and the Compare
 * Wording action (its state is the setting).
 */
void
_tri_window_init_wording (TriWindow *self)
{
  g_autoptr(GAction) compare = g_settings_create_action (self->settings, "compare-wording");

  self->hover_column = G_MAXUINT;
  self->hover_start = G_MAXUINT;
  self->want_offset = -1;
  g_signal_connect_object (self->grid, "pointer-word", G_CALLBACK (on_pointer_word_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->editor, "cursor-word", G_CALLBACK (on_editor_cursor_word_cb), self,
                           G_CONNECT_SWAPPED);

  g_action_map_add_action (G_ACTION_MAP (self), compare);
  g_signal_connect_object (self->settings, "changed::compare-wording", G_CALLBACK (_tri_window_update_wording),
                           self, G_CONNECT_SWAPPED);
}

/**
 * _tri_window_dispose_wording:
 * @self: a #TriWindow
 */
void
_tri_window_dispose_wording (TriWindow *self)
{
  clear_hover (self);
  stop_prefetch (self);
  g_clear_object (&self->wording);
}

/* tri-wording-controller.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-wording-controller"

#include "config.h"

#include "tri-wording-controller.h"

/* Compare Wording in the window: the word under the grid's pointer (or at
 * the strip's cursor) and its counterparts in the other cells of its row
 * get a soft accent background, and the word's tooltip names them; with
 * the mode on (Ctrl+D, the "compare-wording" setting) every word of the
 * current row is marked by what the other versions do with it. The links
 * come from a TriWording (tri-wording.c), made for the documents'
 * languages whenever the alignment is set, row by row on demand, and for
 * every row in the background once the rows have settled. */

#define PREFETCH_DELAY_MS 500
#define COLLECT_CHUNK 200   /* rows whose texts are read per main-loop turn */

struct _TriWordingController
{
  GObject           parent_instance;

  TriAlignmentGrid *grid;           /* weak: the window's widgets outlive it */
  TriSegmentEditor *editor;
  TriParallelView  *parallel_view;
  GSettings        *settings;
  TriAlignment     *alignment;
  TriWording       *wording;

  TriRow           *hover_row;      /* the row of the word pointed at, or NULL */
  guint             hover_column;
  guint             hover_start;    /* the word's first byte */
  GArray           *hover_spans[TRI_MAX_COLUMNS];   /* it and its counterparts */
  char             *hover_tooltip;
  guint             want_position;  /* the last word pointed at, linked or not */
  guint             want_column;
  int               want_offset;

  guint             prefetch_source; /* waits for the rows to settle */
  guint             collect_source; /* reads the rows' texts, a chunk a turn */
  guint             collect_next;
  GPtrArray        *collected;      /* GStrv: rows' texts to link in the thread */
  gboolean          prefetched;     /* every row was given once */
};

G_DEFINE_FINAL_TYPE (TriWordingController, tri_wording_controller, G_TYPE_OBJECT)

static gboolean
compare_wording (TriWordingController *self)
{
  return g_settings_get_boolean (self->settings, "compare-wording");
}

static void
clear_hover (TriWordingController *self)
{
  g_clear_object (&self->hover_row);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_pointer (&self->hover_spans[c], g_array_unref);
  g_clear_pointer (&self->hover_tooltip, g_free);
  self->hover_column = G_MAXUINT;
  self->hover_start = G_MAXUINT;
}

/* Every grid cell's highlights and marks anew, and the editor strip's
 * marks: after the pointer, the selection or the mode changed. */
static void
update_wording (TriWordingController *self)
{
  gboolean compare = compare_wording (self);

  tri_alignment_grid_set_wording (self->grid, self->wording, compare);
  tri_segment_editor_set_compare_wording (self->editor, compare);
}

/**
 * tri_wording_controller_hover_word:
 * @self: a #TriWordingController
 * @position: the grid's row (a position in the shown rows), or
 *   %GTK_INVALID_LIST_POSITION when the pointer is on none
 * @column: the cell's column
 * @offset: a byte offset in the cell's text, or -1 off the words
 *
 * Highlights the word at @offset and its counterparts in the row's other
 * cells, in place of what was highlighted: what the pointer's motion over
 * the grid and the strip's cursor call.
 */
void
tri_wording_controller_hover_word (TriWordingController *self,
                                   guint                 position,
                                   guint                 column,
                                   int                   offset)
{
  g_autoptr(TriRow) row = NULL;
  g_auto(GStrv) texts = NULL;
  GArray *spans[TRI_MAX_COLUMNS] = { NULL };
  guint n_columns;

  g_return_if_fail (TRI_IS_WORDING_CONTROLLER (self));

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
on_pointer_word_cb (TriWordingController *self,
                    guint                 position,
                    guint                 column,
                    int                   offset,
                    TriAlignmentGrid     *grid)
{
  tri_wording_controller_hover_word (self, position, column, offset);
}

/* The strip's cursor on a word: the same word of the grid's current row
 * (the strip has the cell's sentences a line each where the cell has them
 * one space apart, so the offsets are the same). */
static void
on_editor_cursor_word_cb (TriWordingController *self,
                          guint                 column,
                          int                   offset)
{
  tri_wording_controller_hover_word (self, tri_alignment_grid_get_current_position (self->grid), column, offset);
}

/* In idle turns, a chunk at a time (reading 20,000 rows' texts at once
 * takes the main loop for longer than a frame): the texts of the rows not
 * linked yet, then to the thread. */
static gboolean
on_collect_cb (gpointer data)
{
  TriWordingController *self = data;
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
  TriWordingController *self = data;

  self->prefetch_source = 0;
  g_clear_handle_id (&self->collect_source, g_source_remove);
  g_clear_pointer (&self->collected, g_ptr_array_unref);
  self->collect_next = 0;
  self->collect_source = g_idle_add_full (G_PRIORITY_LOW, on_collect_cb, self, NULL);
}

/* Rows linked in the background once the rows have settled: after the
 * aligner is made and after each change of the rows. */
static void
schedule_prefetch (TriWordingController *self)
{
  g_clear_handle_id (&self->prefetch_source, g_source_remove);
  self->prefetch_source = g_timeout_add_once (PREFETCH_DELAY_MS, on_prefetch_timeout_cb, self);
}

static void
stop_prefetch (TriWordingController *self)
{
  g_clear_handle_id (&self->prefetch_source, g_source_remove);
  g_clear_handle_id (&self->collect_source, g_source_remove);
  g_clear_pointer (&self->collected, g_ptr_array_unref);
  self->prefetched = FALSE;
}

/* The row pointed at, or the current one, may be linked now. */
static void
on_rows_linked_cb (TriWordingController *self)
{
  if (self->want_offset >= 0 && self->hover_row == NULL)
    tri_wording_controller_hover_word (self, self->want_position, self->want_column, self->want_offset);
  if (compare_wording (self))
    update_wording (self);
}

static void
on_wording_ready_cb (TriWordingController *self)
{
  update_wording (self);
  schedule_prefetch (self);
}

static void
on_rows_changed_cb (TriWordingController *self)
{
  if (self->wording != NULL && tri_wording_is_ready (self->wording))
    schedule_prefetch (self);
}

/**
 * tri_wording_controller_set_alignment:
 * @self: a #TriWordingController
 * @alignment: (nullable): the rows shown
 *
 * A new word aligner for the documents' languages (made in a thread):
 * when the documents are replaced, or one of them is split anew.
 */
void
tri_wording_controller_set_alignment (TriWordingController *self,
                                      TriAlignment         *alignment)
{
  const char *languages[TRI_MAX_COLUMNS] = { NULL };
  guint n;

  g_return_if_fail (TRI_IS_WORDING_CONTROLLER (self));
  g_return_if_fail (alignment == NULL || TRI_IS_ALIGNMENT (alignment));

  clear_hover (self);
  stop_prefetch (self);
  if (self->wording != NULL)
    g_signal_handlers_disconnect_by_data (self->wording, self);
  g_clear_object (&self->wording);
  if (self->alignment != alignment)
    {
      if (self->alignment != NULL)
        g_signal_handlers_disconnect_by_data (self->alignment, self);
      g_set_object (&self->alignment, alignment);
      if (alignment != NULL)
        g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_rows_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  if (alignment == NULL || (n = tri_alignment_get_n_columns (alignment)) == 0)
    return;

  for (guint c = 0; c < n && c < TRI_MAX_COLUMNS; c++)
    languages[c] = tri_document_get_language (tri_alignment_get_document (alignment, c));
  self->wording = tri_wording_new (MIN (n, TRI_MAX_COLUMNS), languages);
  /* The main loop never waits for a row's links. */
  tri_wording_set_link_in_background (self->wording, TRUE);
  g_signal_connect_object (self->wording, "rows-linked", G_CALLBACK (on_rows_linked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wording, "ready", G_CALLBACK (on_wording_ready_cb), self, G_CONNECT_SWAPPED);
  tri_segment_editor_set_wording (self->editor, self->wording);
  tri_parallel_view_set_wording (self->parallel_view, self->wording);
  tri_alignment_grid_set_wording (self->grid, self->wording, compare_wording (self));
}

/**
 * tri_wording_controller_get_wording:
 * @self: a #TriWordingController
 *
 * Returns: (transfer none) (nullable): the word aligner of the rows shown
 */
TriWording *
tri_wording_controller_get_wording (TriWordingController *self)
{
  g_return_val_if_fail (TRI_IS_WORDING_CONTROLLER (self), NULL);

  return self->wording;
}

/**
 * tri_wording_controller_is_prefetched:
 * @self: a #TriWordingController
 *
 * Returns: whether every row has been given to the word aligner's thread
 *   since the rows last changed, and it has linked them
 */
gboolean
tri_wording_controller_is_prefetched (TriWordingController *self)
{
  g_return_val_if_fail (TRI_IS_WORDING_CONTROLLER (self), FALSE);

  return self->prefetched && self->prefetch_source == 0 && self->collect_source == 0 &&
         self->wording != NULL && !tri_wording_is_prefetching (self->wording);
}

/**
 * tri_wording_controller_has_highlight:
 * @self: a #TriWordingController
 *
 * Returns: whether a word and its counterparts are highlighted
 */
gboolean
tri_wording_controller_has_highlight (TriWordingController *self)
{
  g_return_val_if_fail (TRI_IS_WORDING_CONTROLLER (self), FALSE);

  return self->hover_row != NULL;
}

static void
tri_wording_controller_dispose (GObject *object)
{
  TriWordingController *self = (TriWordingController *)object;

  clear_hover (self);
  stop_prefetch (self);
  g_clear_object (&self->wording);
  g_clear_object (&self->alignment);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->grid);
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->parallel_view);

  G_OBJECT_CLASS (tri_wording_controller_parent_class)->dispose (object);
}

static void
tri_wording_controller_class_init (TriWordingControllerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tri_wording_controller_dispose;
}

static void
tri_wording_controller_init (TriWordingController *self)
{
  self->hover_column = G_MAXUINT;
  self->hover_start = G_MAXUINT;
  self->want_offset = -1;
}

/**
 * tri_wording_controller_new:
 * @grid: the window's grid
 * @editor: the window's editor strip
 * @parallel_view: the window's parallel text
 * @settings: the application's settings ("compare-wording")
 *
 * Follows the pointer's motion over @grid, the strip's cursor and the
 * Compare Wording setting; give it the rows with
 * tri_wording_controller_set_alignment().
 *
 * Returns: (transfer full): a new #TriWordingController
 */
TriWordingController *
tri_wording_controller_new (TriAlignmentGrid *grid,
                            TriSegmentEditor *editor,
                            TriParallelView  *parallel_view,
                            GSettings        *settings)
{
  TriWordingController *self;

  g_return_val_if_fail (TRI_IS_ALIGNMENT_GRID (grid), NULL);
  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (editor), NULL);
  g_return_val_if_fail (TRI_IS_PARALLEL_VIEW (parallel_view), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TRI_TYPE_WORDING_CONTROLLER, NULL);
  g_set_weak_pointer (&self->grid, grid);
  g_set_weak_pointer (&self->editor, editor);
  g_set_weak_pointer (&self->parallel_view, parallel_view);
  self->settings = g_object_ref (settings);

  g_signal_connect_object (grid, "pointer-word", G_CALLBACK (on_pointer_word_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "cursor-word", G_CALLBACK (on_editor_cursor_word_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::compare-wording", G_CALLBACK (update_wording), self,
                           G_CONNECT_SWAPPED);
  return self;
}

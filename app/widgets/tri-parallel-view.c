/* tri-parallel-view.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-parallel-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-language.h"
#include "tri-parallel-view.h"
#include "tri-text-column.h"
#include "tri-wording.h"

/* The parallel-text view: the versions as whole texts side by side, in
 * read-only text views with a cursor. The sentence under the cursor is
 * highlighted, and so are its counterparts (its row's cells) in the other
 * versions, which scroll to show them. Scrolling one text scrolls the
 * others by the alignment: the sentence at the top of one is kept level
 * with its counterparts, not by proportion of length.
 *
 * The texts are the documents' own, so a character offset in a buffer
 * maps to a sentence through one table per version (each sentence's
 * first and last character), and a sentence to its row through another.
 * Edits made elsewhere reload the texts when they changed and the tables
 * always. */

typedef struct
{
  int start;   /* characters */
  int end;
} Span;

struct _TriParallelView
{
  GtkWidget      parent_instance;

  TriAlignment  *alignment;
  guint          n_columns;
  guint          row;          /* the row under the cursor, or G_MAXUINT */
  guint          column;       /* the version the cursor is in */
  int            leader;       /* the version the user scrolls */
  guint          reload_source;
  gboolean       stale;
  gboolean       loading;
  gboolean       syncing;

  GtkWidget     *columns[TRI_MAX_COLUMNS];
  GtkLabel      *titles[TRI_MAX_COLUMNS];
  GtkTextView   *views[TRI_MAX_COLUMNS];
  char          *texts[TRI_MAX_COLUMNS];   /* what each buffer holds */
  GArray        *spans[TRI_MAX_COLUMNS];   /* Span per sentence */
  GArray        *rows_of[TRI_MAX_COLUMNS]; /* guint row per sentence */
  TriWording    *wording;      /* the words' counterparts, or NULL */
};

G_DEFINE_FINAL_TYPE (TriParallelView, tri_parallel_view, GTK_TYPE_WIDGET)

enum {
  ROW_CHANGED,
  ACTIVATE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GtkTextBuffer *
buffer_of (TriParallelView *self,
           guint            column)
{
  return gtk_text_view_get_buffer (self->views[column]);
}

/* Each sentence's characters, from its bytes, in one walk over the text. */
static GArray *
sentence_spans (TriDocument *doc)
{
  const char *text = tri_document_get_text (doc);
  guint n = tri_document_get_n_sentences (doc);
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), n);
  const char *p = text;
  int chars = 0;

  for (guint i = 0; i < n; i++)
    {
      const TriSentence *s = tri_document_get_sentence (doc, i);
      Span span;

      chars += (int)g_utf8_strlen (p, (gssize)(text + s->start - p));
      span.start = chars;
      chars += (int)g_utf8_strlen (text + s->start, (gssize)(s->end - s->start));
      span.end = chars;
      p = text + s->end;
      g_array_append_val (spans, span);
    }
  return spans;
}

static void
update_rows_of (TriParallelView *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->alignment));

  for (guint c = 0; c < self->n_columns; c++)
    g_array_set_size (self->rows_of[c], tri_document_get_n_sentences (tri_alignment_get_document (self->alignment, c)));

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), r);

      for (guint c = 0; c < self->n_columns; c++)
        for (guint i = 0; i < tri_row_get_count (row, c); i++)
          g_array_index (self->rows_of[c], guint, tri_row_get_first (row, c) + i) = r;
    }
}

/* The sentence at character @offset of @column: the one it is in, else
 * the next, else the last. */
static guint
sentence_at (TriParallelView *self,
             guint            column,
             int              offset)
{
  GArray *spans = self->spans[column];
  guint lo = 0, hi = spans->len;

  if (spans->len == 0)
    return G_MAXUINT;

  /* The first sentence that ends after @offset. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, Span, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return MIN (lo, spans->len - 1);
}

/* The characters of @row's cell in @column; an empty cell is the point
 * where its sentences would be. */
static Span
cell_span (TriParallelView *self,
           guint            row,
           guint            column)
{
  g_autoptr(TriRow) item = g_list_model_get_item (G_LIST_MODEL (self->alignment), row);
  GArray *spans = self->spans[column];
  guint first = tri_row_get_first (item, column);
  guint count = tri_row_get_count (item, column);
  Span span = { 0, 0 };

  if (count > 0)
    {
      span.start = g_array_index (spans, Span, first).start;
      span.end = g_array_index (spans, Span, first + count - 1).end;
    }
  else if (first < spans->len)
    span.start = span.end = g_array_index (spans, Span, first).start;
  else if (spans->len > 0)
    span.start = span.end = g_array_index (spans, Span, spans->len - 1).end;
  return span;
}

static void
apply_tag (GtkTextBuffer *buffer,
           const char    *name,
           Span           span)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, name, &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, span.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, span.end);
  gtk_text_buffer_apply_tag_by_name (buffer, name, &start, &end);
}

/* Highlights @row in every version but @column (where the cursor is) and
 * brings it into view there. */
static void
highlight_row (TriParallelView *self,
               guint            row,
               guint            column,
               int              sentence_start,
               int              sentence_end,
               gboolean         scroll)
{
  self->row = row;
  self->column = column;

  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkTextBuffer *buffer = buffer_of (self, c);
      Span span = cell_span (self, row, c);
      Span none = { 0, 0 };

      if (c == column)
        {
          Span current = { sentence_start, sentence_end };

          apply_tag (buffer, "counterpart", none);
          apply_tag (buffer, "current", current);
        }
      else
        {
          apply_tag (buffer, "current", none);
          apply_tag (buffer, "counterpart", span);
          if (scroll)
            {
              GtkTextIter iter;

              gtk_text_buffer_get_iter_at_offset (buffer, &iter, span.start);
              gtk_text_buffer_move_mark_by_name (buffer, "counterpart", &iter);
              self->syncing = TRUE;
              gtk_text_view_scroll_to_mark (self->views[c],
                                            gtk_text_buffer_get_mark (buffer, "counterpart"),
                                            0.0, TRUE, 0.0, 0.3);
              self->syncing = FALSE;
            }
        }
    }
}

/* The word at the cursor (character @cursor of @column) and its
 * counterparts in @row's other cells highlighted. */
static void
highlight_word (TriParallelView *self,
                guint            row,
                guint            column,
                int              cursor)
{
  char *texts[TRI_MAX_COLUMNS + 1] = { NULL };
  GArray *highlights[TRI_MAX_COLUMNS] = { NULL };
  Span spans[TRI_MAX_COLUMNS] = { { 0, 0 } };
  gboolean found = FALSE;

  if (self->wording != NULL)
    {
      for (guint c = 0; c < self->n_columns; c++)
        {
          const char *start, *end;

          spans[c] = cell_span (self, row, c);
          start = g_utf8_offset_to_pointer (self->texts[c], spans[c].start);
          end = g_utf8_offset_to_pointer (start, spans[c].end - spans[c].start);
          texts[c] = g_strndup (start, (gsize)(end - start));
        }
      if (cursor >= spans[column].start && cursor <= spans[column].end)
        {
          guint offset = (guint)(g_utf8_offset_to_pointer (texts[column], cursor - spans[column].start) - texts[column]);

          found = tri_wording_get_highlights (self->wording, (const char * const *)texts, column, offset, highlights);
          if (!found && offset > 0)
            found = tri_wording_get_highlights (self->wording, (const char * const *)texts, column, offset - 1,
                                                highlights);
        }
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      tri_wording_clear_tags (buffer_of (self, c), TRUE, FALSE);
      if (found)
        tri_wording_apply_tags (buffer_of (self, c), texts[c], (guint)spans[c].start, highlights[c], NULL);
      g_clear_pointer (&highlights[c], g_array_unref);
      g_clear_pointer (&texts[c], g_free);
    }
}

/**
 * tri_parallel_view_set_wording:
 * @self: a #TriParallelView
 * @wording: (nullable): the words' counterparts
 */
void
tri_parallel_view_set_wording (TriParallelView *self,
                               TriWording      *wording)
{
  g_return_if_fail (TRI_IS_PARALLEL_VIEW (self));

  g_set_object (&self->wording, wording);
}

static void
on_mark_set_cb (GtkTextBuffer   *buffer,
                GtkTextIter     *location,
                GtkTextMark     *mark,
                TriParallelView *self)
{
  guint column = G_MAXUINT, sentence, row;
  Span span;

  if (self->loading || mark != gtk_text_buffer_get_insert (buffer))
    return;

  for (guint c = 0; c < self->n_columns; c++)
    if (buffer_of (self, c) == buffer)
      column = c;
  if (column == G_MAXUINT)
    return;

  sentence = sentence_at (self, column, gtk_text_iter_get_offset (location));
  if (sentence == G_MAXUINT)
    return;
  row = g_array_index (self->rows_of[column], guint, sentence);
  span = g_array_index (self->spans[column], Span, sentence);

  highlight_row (self, row, column, span.start, span.end, TRUE);
  highlight_word (self, row, column, gtk_text_iter_get_offset (location));
  g_signal_emit (self, signals [ROW_CHANGED], 0, row);
}

/* Keeps the other texts level with the one scrolled: the sentence at its
 * top, and how far into it, decide where theirs stand. */
static void
on_scrolled_cb (GtkAdjustment   *adjustment,
                TriParallelView *self)
{
  GtkTextView *leader;
  GtkTextIter top, start, end;
  GdkRectangle a, b;
  guint sentence, row;
  Span span;
  double fraction;

  if (self->syncing || self->loading || self->leader < 0 || self->alignment == NULL ||
      adjustment != gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->views[self->leader])))
    return;

  leader = self->views[self->leader];
  gtk_text_view_get_iter_at_location (leader, &top, 0, (int)gtk_adjustment_get_value (adjustment));
  sentence = sentence_at (self, self->leader, gtk_text_iter_get_offset (&top));
  if (sentence == G_MAXUINT)
    return;
  row = g_array_index (self->rows_of[self->leader], guint, sentence);

  span = cell_span (self, row, self->leader);
  gtk_text_buffer_get_iter_at_offset (buffer_of (self, self->leader), &start, span.start);
  gtk_text_buffer_get_iter_at_offset (buffer_of (self, self->leader), &end, span.end);
  gtk_text_view_get_iter_location (leader, &start, &a);
  gtk_text_view_get_iter_location (leader, &end, &b);
  fraction = b.y + b.height > a.y ? (gtk_adjustment_get_value (adjustment) - a.y) / (b.y + b.height - a.y) : 0;
  fraction = CLAMP (fraction, 0.0, 1.0);

  self->syncing = TRUE;
  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkAdjustment *other;

      if ((int)c == self->leader)
        continue;

      other = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->views[c]));
      span = cell_span (self, row, c);
      gtk_text_buffer_get_iter_at_offset (buffer_of (self, c), &start, span.start);
      gtk_text_buffer_get_iter_at_offset (buffer_of (self, c), &end, span.end);
      gtk_text_view_get_iter_location (self->views[c], &start, &a);
      gtk_text_view_get_iter_location (self->views[c], &end, &b);
      gtk_adjustment_set_value (other, a.y + fraction * (b.y + b.height - a.y));
    }
  self->syncing = FALSE;
}

static void
on_pointer_enter_cb (GtkEventControllerMotion *controller,
                     double                    x,
                     double                    y,
                     TriParallelView          *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint c = 0; c < self->n_columns; c++)
    if (widget == self->columns[c])
      self->leader = (int)c;
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   TriParallelView         *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint c = 0; c < self->n_columns; c++)
    if (widget == GTK_WIDGET (self->views[c]))
      self->leader = (int)c;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TriParallelView       *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == 0 && self->row != G_MAXUINT)
    {
      g_signal_emit (self, signals [ACTIVATE], 0, self->row);
      return TRUE;
    }
  return FALSE;
}

/* Loads the texts that changed and the tables, and puts the cursor back
 * on its row. */
static void
reload (TriParallelView *self)
{
  guint n_rows;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->stale = FALSE;
  if (self->alignment == NULL)
    return;

  self->loading = TRUE;
  for (guint c = 0; c < self->n_columns; c++)
    {
      TriDocument *doc = tri_alignment_get_document (self->alignment, c);
      g_autofree char *name = tri_language_dup_display_name (tri_document_get_language (doc));

      gtk_label_set_text (self->titles[c], name);
      if (g_strcmp0 (self->texts[c], tri_document_get_text (doc)) != 0)
        {
          g_free (self->texts[c]);
          self->texts[c] = g_strdup (tri_document_get_text (doc));
          gtk_text_buffer_set_text (buffer_of (self, c), self->texts[c], -1);
        }
      g_clear_pointer (&self->spans[c], g_array_unref);
      self->spans[c] = sentence_spans (doc);
    }
  update_rows_of (self);
  self->loading = FALSE;

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
  if (self->row != G_MAXUINT && n_rows > 0)
    tri_parallel_view_show_row (self, MIN (self->row, n_rows - 1), self->column);
}

static gboolean
on_reload_cb (gpointer user_data)
{
  TriParallelView *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_items_changed_cb (TriParallelView *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  /* Hidden, the view catches up when shown; shown, once the edits of this
   * main-loop turn are done. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_source == 0)
    self->reload_source = g_idle_add (on_reload_cb, self);
}

/**
 * tri_parallel_view_set_alignment:
 * @self: a #TriParallelView
 * @alignment: (nullable): the alignment to show
 */
void
tri_parallel_view_set_alignment (TriParallelView *self,
                                 TriAlignment    *alignment)
{
  g_return_if_fail (TRI_IS_PARALLEL_VIEW (self));
  g_return_if_fail (alignment == NULL || TRI_IS_ALIGNMENT (alignment));

  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_items_changed_cb, self);
  g_set_object (&self->alignment, alignment);

  self->n_columns = alignment != NULL ? tri_alignment_get_n_columns (alignment) : 0;
  self->row = G_MAXUINT;
  self->column = 0;
  self->leader = -1;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      g_clear_pointer (&self->texts[c], g_free);
      g_clear_pointer (&self->spans[c], g_array_unref);
      self->spans[c] = g_array_new (FALSE, FALSE, sizeof (Span));
      self->loading = TRUE;
      gtk_text_buffer_set_text (buffer_of (self, c), "", 0);
      self->loading = FALSE;
      gtk_widget_set_visible (self->columns[c], c < self->n_columns);
    }

  if (alignment != NULL)
    g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  self->stale = TRUE;
  if (alignment != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_source == 0)
    self->reload_source = g_idle_add (on_reload_cb, self);
}

/**
 * tri_parallel_view_show_row:
 * @self: a #TriParallelView
 * @row: a row of the alignment
 * @column: the version to put the cursor in
 *
 * Puts the cursor on the first sentence of @row in @column (where the
 * sentence would be, when the cell is empty), highlights its counterparts
 * and scrolls every text to them.
 */
void
tri_parallel_view_show_row (TriParallelView *self,
                            guint            row,
                            guint            column)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  Span span, first;

  g_return_if_fail (TRI_IS_PARALLEL_VIEW (self));

  if (self->alignment == NULL || column >= self->n_columns ||
      row >= g_list_model_get_n_items (G_LIST_MODEL (self->alignment)))
    return;
  if (self->stale)
    {
      self->row = row;
      self->column = column;
      reload (self);
      return;
    }

  buffer = buffer_of (self, column);
  span = cell_span (self, row, column);
  first = span;
  {
    g_autoptr(TriRow) item = g_list_model_get_item (G_LIST_MODEL (self->alignment), row);

    if (tri_row_get_count (item, column) > 0)
      first = g_array_index (self->spans[column], Span, tri_row_get_first (item, column));
  }

  self->loading = TRUE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, span.start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->loading = FALSE;

  highlight_row (self, row, column, first.start, first.end, TRUE);

  /* And the version with the cursor too. */
  self->syncing = TRUE;
  gtk_text_view_scroll_to_mark (self->views[column], gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.3);
  self->syncing = FALSE;
}

/**
 * tri_parallel_view_get_row:
 * @self: a #TriParallelView
 *
 * Returns: the row of the sentence under the cursor, or %G_MAXUINT
 */
guint
tri_parallel_view_get_row (TriParallelView *self)
{
  g_return_val_if_fail (TRI_IS_PARALLEL_VIEW (self), G_MAXUINT);

  return self->row;
}

/**
 * tri_parallel_view_get_focus_column:
 * @self: a #TriParallelView
 *
 * Returns: the version whose text has the cursor
 */
int
tri_parallel_view_get_focus_column (TriParallelView *self)
{
  g_return_val_if_fail (TRI_IS_PARALLEL_VIEW (self), -1);

  return self->row == G_MAXUINT ? -1 : (int)self->column;
}

/**
 * tri_parallel_view_get_highlight:
 * @self: a #TriParallelView
 * @column: a version
 * @start: (out): the first character highlighted
 * @end: (out): the character after the last
 *
 * Returns: whether @column has a highlight
 */
gboolean
tri_parallel_view_get_highlight (TriParallelView *self,
                                 guint            column,
                                 int             *start,
                                 int             *end)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  GtkTextTag *tag;
  GtkTextIter iter;

  g_return_val_if_fail (TRI_IS_PARALLEL_VIEW (self), FALSE);
  g_return_val_if_fail (column < TRI_MAX_COLUMNS, FALSE);

  buffer = buffer_of (self, column);
  table = gtk_text_buffer_get_tag_table (buffer);
  tag = gtk_text_tag_table_lookup (table, column == self->column ? "current" : "counterpart");

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return FALSE;
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  *end = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

/**
 * tri_parallel_view_get_view:
 * @self: a #TriParallelView
 * @column: a version
 *
 * Returns: (transfer none): the text view of @column
 */
GtkTextView *
tri_parallel_view_get_view (TriParallelView *self,
                            guint            column)
{
  g_return_val_if_fail (TRI_IS_PARALLEL_VIEW (self), NULL);
  g_return_val_if_fail (column < TRI_MAX_COLUMNS, NULL);

  return self->views[column];
}

static void
tri_parallel_view_map (GtkWidget *widget)
{
  TriParallelView *self = TRI_PARALLEL_VIEW (widget);

  GTK_WIDGET_CLASS (tri_parallel_view_parent_class)->map (widget);

  if (self->stale)
    reload (self);
}

static void
tri_parallel_view_dispose (GObject *object)
{
  TriParallelView *self = (TriParallelView *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_items_changed_cb, self);
  g_clear_object (&self->alignment);
  g_clear_object (&self->wording);

  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      g_clear_pointer (&self->columns[c], gtk_widget_unparent);
      g_clear_pointer (&self->texts[c], g_free);
      g_clear_pointer (&self->spans[c], g_array_unref);
      g_clear_pointer (&self->rows_of[c], g_array_unref);
    }

  G_OBJECT_CLASS (tri_parallel_view_parent_class)->dispose (object);
}

static void
tri_parallel_view_class_init (TriParallelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_parallel_view_dispose;
  widget_class->map = tri_parallel_view_map;

  /**
   * TriParallelView::row-changed:
   * @row: the row of the sentence now under the cursor
   */
  signals [ROW_CHANGED] =
    g_signal_new ("row-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TriParallelView::activate:
   * @row: the row under the cursor
   *
   * Return: the user wants to work on @row in the grid.
   */
  signals [ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "parallelview");
}

static void
tri_parallel_view_init (TriParallelView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *keys;

  self->row = G_MAXUINT;
  self->leader = -1;
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);

  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      GtkEventController *motion = gtk_event_controller_motion_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GdkRGBA current = { 0.21f, 0.52f, 0.89f, 0.35f };
      GdkRGBA counterpart = { 0.21f, 0.52f, 0.89f, 0.18f };
      GtkWidget *box = tri_text_column_new (GTK_TEXT_VIEW (view), &self->titles[c]);
      GtkTextIter start;

      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), TRUE);
      gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (view), 3);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
      gtk_widget_add_css_class (view, "parallel-text");
      gtk_text_buffer_create_tag (buffer, "current", "background-rgba", &current, NULL);
      gtk_text_buffer_create_tag (buffer, "counterpart", "background-rgba", &counterpart, NULL);
      tri_wording_create_tags (buffer);
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_create_mark (buffer, "counterpart", &start, TRUE);
      g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set_cb), self, 0);

      g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
      gtk_widget_add_controller (view, focus);
      g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "value-changed",
                               G_CALLBACK (on_scrolled_cb), self, 0);
      g_signal_connect (motion, "enter", G_CALLBACK (on_pointer_enter_cb), self);
      gtk_widget_add_controller (box, motion);

      gtk_widget_set_parent (box, GTK_WIDGET (self));
      self->columns[c] = box;
      self->views[c] = GTK_TEXT_VIEW (view);
      self->spans[c] = g_array_new (FALSE, FALSE, sizeof (Span));
      self->rows_of[c] = g_array_new (FALSE, TRUE, sizeof (guint));
    }

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * tri_parallel_view_new:
 *
 * Returns: (transfer full): a new, empty parallel-text view
 */
GtkWidget *
tri_parallel_view_new (void)
{
  return g_object_new (TRI_TYPE_PARALLEL_VIEW, NULL);
}

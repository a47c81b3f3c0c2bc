/* tri-segment-cell.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-segment-cell"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "tri-cell-text.h"
#include "tri-segment-cell.h"
#include "tri-wording.h"

/* One cell of the aligned grid: the sentences of one language in one row,
 * as a read-only wrapped label. Cells are recycled by the grid's row view, so
 * they hold no state beyond the text they show (STYLE.md, pitfall 6). */
struct _TriSegmentCell
{
  GtkWidget       parent_instance;

  TriCellText    *label;        /* NULL in a compact cell */
  GtkInscription *inscription;  /* NULL in a wrapped cell */
  GArray         *misspellings; /* TriMisspelling, or NULL */
  GArray         *highlights;   /* gsize pairs: the check finding shown, or NULL */
  GArray         *word_highlights;  /* gsize pairs: the word pointed at, its counterparts */
  GArray         *word_marks;   /* TriWordingSpan: Compare Wording's marks, or NULL */
  char           *tooltip;      /* the tooltip off the words */
};

G_DEFINE_FINAL_TYPE (TriSegmentCell, tri_segment_cell, GTK_TYPE_WIDGET)

static void
tri_segment_cell_dispose (GObject *object)
{
  TriSegmentCell *self = (TriSegmentCell *)object;

  g_clear_pointer ((GtkWidget **)&self->label, gtk_widget_unparent);
  g_clear_pointer ((GtkWidget **)&self->inscription, gtk_widget_unparent);
  g_clear_pointer (&self->misspellings, g_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);
  g_clear_pointer (&self->word_highlights, g_array_unref);
  g_clear_pointer (&self->word_marks, g_array_unref);
  g_clear_pointer (&self->tooltip, g_free);

  G_OBJECT_CLASS (tri_segment_cell_parent_class)->dispose (object);
}

/* How wide a cell asks to be, whatever its text: the grid's columns keep
 * one width while rows come and go. Asking for the text's width made GTK
 * 4.8 size the column anew whenever a row was bound, and lay out every
 * cell on screen again at the new width: half the main thread's time of a
 * Page Down (`bench-grid`), and columns that widened and narrowed as the
 * rows went by. */
#define CELL_WIDTH 180

static void
tri_segment_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child == NULL)
    return;

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0 && TRI_SEGMENT_CELL (widget)->label != NULL)
    {
      /* A height for no width: the row view never asks it, but GTK 4.8's
       * list asks it of every row for its own size
       * (gtk_list_view_measure_list), which its scrolled window does not
       * use (bench-row-widgets puts these cells in a column view). The
       * text would be laid out once more to answer. */
      *minimum = *natural = 0;
      return;
    }
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
      return;
    }

  /* The width, for any height (GTK 4.8's column view asks it for the
   * row's height at every allocation; the row view for none): a wrapped
   * GtkLabel would answer it by a binary search over layouts of its text.
   * A compact cell's own minimum still counts: a large font must not be
   * cut. */
  gtk_widget_measure (child, orientation, -1, minimum, natural, NULL, NULL);
  *natural = *minimum = MAX (*minimum, CELL_WIDTH);
}

static GtkSizeRequestMode
tri_segment_cell_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tri_segment_cell_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, height }, baseline);
}

static void
tri_segment_cell_class_init (TriSegmentCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_segment_cell_dispose;
  widget_class->get_request_mode = tri_segment_cell_get_request_mode;
  widget_class->measure = tri_segment_cell_measure;
  widget_class->size_allocate = tri_segment_cell_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "segmentcell");
}

static void
tri_segment_cell_init (TriSegmentCell *self)
{
}

/**
 * tri_segment_cell_new:
 * @compact: whether to show a few lines, every cell the same height
 *
 * A wrapped cell is as tall as its text. A compact one is a GtkInscription
 * of a few lines: its size does not depend on its text, so the
 * grid's rows are one height, its scroll range is exact and jumps paint in
 * one frame (STYLE.md, measured on GTK 4.8).
 *
 * Returns: (transfer full): a new cell
 */
GtkWidget *
tri_segment_cell_new (gboolean compact)
{
  TriSegmentCell *self = g_object_new (TRI_TYPE_SEGMENT_CELL, NULL);

  if (compact)
    {
      self->inscription = GTK_INSCRIPTION (gtk_inscription_new (NULL));
      gtk_inscription_set_min_lines (self->inscription, 3);
      gtk_inscription_set_nat_lines (self->inscription, 3);
      gtk_inscription_set_wrap_mode (self->inscription, PANGO_WRAP_WORD_CHAR);
      gtk_inscription_set_text_overflow (self->inscription, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_xalign (self->inscription, 0.0f);
      gtk_inscription_set_yalign (self->inscription, 0.0f);
      gtk_widget_set_hexpand (GTK_WIDGET (self->inscription), TRUE);
      gtk_widget_set_parent (GTK_WIDGET (self->inscription), GTK_WIDGET (self));
      return GTK_WIDGET (self);
    }

  self->label = TRI_CELL_TEXT (tri_cell_text_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * tri_segment_cell_set_cache:
 * @self: a #TriSegmentCell
 * @cache: (nullable): the layouts the grid's wrapped cells share
 *
 * A compact cell has no use for it.
 */
void
tri_segment_cell_set_cache (TriSegmentCell   *self,
                            TriCellTextCache *cache)
{
  g_return_if_fail (TRI_IS_SEGMENT_CELL (self));

  if (self->label != NULL)
    tri_cell_text_set_cache (self->label, cache);
}

/**
 * tri_segment_cell_prepare:
 * @self: a wrapped #TriSegmentCell shown at least once
 * @text: (nullable): sentences some cell of its column may be given
 *
 * Lays @text out ahead, in the cache, as @self would show it
 * (tri_cell_text_prepare()).
 *
 * Returns: %FALSE when @self cannot tell how (compact, no cache, never
 *   laid out)
 */
gboolean
tri_segment_cell_prepare (TriSegmentCell *self,
                          const char     *text)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_CELL (self), FALSE);

  if (self->label == NULL)
    return FALSE;
  return text == NULL || text[0] == '\0' || tri_cell_text_prepare (self->label, text);
}

/**
 * tri_segment_cell_set_text:
 * @self: a #TriSegmentCell
 * @text: (nullable): the sentences to show; empty or %NULL for a cell with
 *   no counterpart in this language
 */
void
tri_segment_cell_set_text (TriSegmentCell *self,
                           const char     *text)
{
  gboolean empty;
  const char *tooltip;

  g_return_if_fail (TRI_IS_SEGMENT_CELL (self));

  empty = text == NULL || text[0] == '\0';
  if (self->label != NULL)
    tri_cell_text_set_text (self->label, empty ? "" : text);
  else
    gtk_inscription_set_text (self->inscription, empty ? "" : text);

  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (self), "empty");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");

  /* What the compact lines cut off is a hover away. (Set only when it
   * changes: it was two thirds of an edit's 110 ms on a 20,000-row
   * project.) */
  if (empty)
    tooltip = _("No counterpart in this version");
  else
    tooltip = self->inscription != NULL ? text : NULL;
  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
  tri_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "tri-tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * tri_widget_set_tooltip_text:
 * @widget: a widget
 * @text: (nullable): its tooltip
 *
 * Gives @widget a tooltip that is asked for when it is shown
 * (#GtkWidget::query-tooltip), instead of gtk_widget_set_tooltip_text():
 * in GTK 4.8 every gtk_widget_set_tooltip_text() on a visible widget asks
 * the display server where the pointer is, a round trip for each cell
 * bound while the grid scrolls (a tenth of a Page Down's time at 20,000
 * rows, `perf`). The widget's #GtkWidget:tooltip-text stays %NULL: read
 * the text with tri_widget_get_tooltip_text().
 */
void
tri_widget_set_tooltip_text (GtkWidget  *widget,
                             const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), "tri-tooltip-query") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), "tri-tooltip-query", GINT_TO_POINTER (TRUE));
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (widget), "tri-tooltip")) != 0)
    g_object_set_data_full (G_OBJECT (widget), "tri-tooltip", g_strdup (text), g_free);
}

/**
 * tri_widget_get_tooltip_text:
 * @widget: a widget
 *
 * Returns: (nullable): the tooltip tri_widget_set_tooltip_text() gave
 *   @widget
 */
const char *
tri_widget_get_tooltip_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), "tri-tooltip");
}

/* Misspelled words underlined; the spans of the finding chosen in the
 * Checks panel on a highlight. */
static void
update_attributes (TriSegmentCell *self)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  if (self->misspellings != NULL || self->highlights != NULL || self->word_highlights != NULL ||
      self->word_marks != NULL)
    attrs = pango_attr_list_new ();

  /* Compare Wording's marks under the spelling's: a misspelled word keeps
   * its red wavy line. */
  if (attrs != NULL)
    tri_wording_add_attributes (attrs, self->word_highlights, self->word_marks);

  for (guint i = 0; self->misspellings != NULL && i < self->misspellings->len; i++)
    {
      const TriMisspelling *m = &g_array_index (self->misspellings, TriMisspelling, i);
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      PangoAttribute *color = pango_attr_underline_color_new (0xe000, 0x1b00, 0x2400);

      underline->start_index = color->start_index = (guint)m->start;
      underline->end_index = color->end_index = (guint)m->end;
      pango_attr_list_insert (attrs, underline);
      pango_attr_list_insert (attrs, color);
    }

  /* Yellow at half strength: readable on a light and a dark background. */
  for (guint i = 0; self->highlights != NULL && i + 1 < self->highlights->len; i += 2)
    {
      PangoAttribute *background = pango_attr_background_new (0xf600, 0xd300, 0x2d00);
      PangoAttribute *alpha = pango_attr_background_alpha_new (0x7000);

      background->start_index = alpha->start_index = (guint)g_array_index (self->highlights, gsize, i);
      background->end_index = alpha->end_index = (guint)g_array_index (self->highlights, gsize, i + 1);
      pango_attr_list_insert (attrs, background);
      pango_attr_list_insert (attrs, alpha);
    }

  if (self->label != NULL)
    tri_cell_text_set_attributes (self->label, attrs);
  else
    gtk_inscription_set_attributes (self->inscription, attrs);
}

static void
set_array (GArray **field,
           GArray  *array)
{
  if (array != NULL && array->len == 0)
    array = NULL;
  if (array != NULL)
    g_array_ref (array);
  g_clear_pointer (field, g_array_unref);
  *field = array;
}

/**
 * tri_segment_cell_set_misspellings:
 * @self: a #TriSegmentCell
 * @misspellings: (nullable) (element-type TriMisspelling): byte spans of
 *   the text shown to underline as misspelled
 */
void
tri_segment_cell_set_misspellings (TriSegmentCell *self,
                                   GArray         *misspellings)
{
  g_return_if_fail (TRI_IS_SEGMENT_CELL (self));

  if (self->misspellings == NULL && (misspellings == NULL || misspellings->len == 0))
    return;
  set_array (&self->misspellings, misspellings);
  update_attributes (self);
}

/**
 * tri_segment_cell_set_highlights:
 * @self: a #TriSegmentCell
 * @highlights: (nullable) (element-type gsize): byte spans of the text
 *   shown (pairs) to highlight: a check finding's
 */
void
tri_segment_cell_set_highlights (TriSegmentCell *self,
                                 GArray         *highlights)
{
  g_return_if_fail (TRI_IS_SEGMENT_CELL (self));

  if (self->highlights == NULL && (highlights == NULL || highlights->len == 0))
    return;
  set_array (&self->highlights, highlights);
  update_attributes (self);
}

/**
 * tri_segment_cell_set_word_highlights:
 * @self: a #TriSegmentCell
 * @highlights: (nullable) (element-type gsize): byte spans of the text
 *   shown (pairs): the word pointed at, or its counterparts
 */
void
tri_segment_cell_set_word_highlights (TriSegmentCell *self,
                                      GArray         *highlights)
{
  g_return_if_fail (TRI_IS_SEGMENT_CELL (self));

  if (self->word_highlights == NULL && (highlights == NULL || highlights->len == 0))
    return;
  set_array (&self->word_highlights, highlights);
  update_attributes (self);
}

/**
 * tri_segment_cell_set_word_marks:
 * @self: a #TriSegmentCell
 * @marks: (nullable) (element-type TriWordingSpan): Compare Wording's
 *   marks of the words shown
 */
void
tri_segment_cell_set_word_marks (TriSegmentCell *self,
                                 GArray         *marks)
{
  g_return_if_fail (TRI_IS_SEGMENT_CELL (self));

  if (self->word_marks == NULL && (marks == NULL || marks->len == 0))
    return;
  set_array (&self->word_marks, marks);
  update_attributes (self);
}

/**
 * tri_segment_cell_set_word_tooltip:
 * @self: a #TriSegmentCell
 * @tooltip: (nullable): what the other versions do with the word pointed
 *   at, or %NULL for the cell's own tooltip
 */
void
tri_segment_cell_set_word_tooltip (TriSegmentCell *self,
                                   const char     *tooltip)
{
  const char *text;

  g_return_if_fail (TRI_IS_SEGMENT_CELL (self));

  text = tooltip != NULL ? tooltip : self->tooltip;
  if (g_strcmp0 (text, tri_widget_get_tooltip_text (GTK_WIDGET (self))) == 0)
    return;
  tri_widget_set_tooltip_text (GTK_WIDGET (self), text);
  /* The word under the pointer changed: a tooltip shown says the new one. */
  if (tooltip != NULL)
    gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/**
 * tri_segment_cell_get_attributes:
 * @self: a #TriSegmentCell
 *
 * Returns: (transfer none) (nullable): the attributes of the text shown
 */
PangoAttrList *
tri_segment_cell_get_attributes (TriSegmentCell *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_CELL (self), NULL);

  if (self->label != NULL)
    return tri_cell_text_get_attributes (self->label);
  return gtk_inscription_get_attributes (self->inscription);
}

/**
 * tri_segment_cell_dup_highlighted:
 * @self: a #TriSegmentCell
 *
 * Returns: (transfer full) (nullable): the text of the first span the
 *   cell highlights (a finding's, a find's match), if any
 */
char *
tri_segment_cell_dup_highlighted (TriSegmentCell *self)
{
  const char *text;
  gsize start, end;

  g_return_val_if_fail (TRI_IS_SEGMENT_CELL (self), NULL);

  text = tri_segment_cell_get_text (self);
  if (self->highlights == NULL || self->highlights->len < 2 || text == NULL)
    return NULL;
  start = g_array_index (self->highlights, gsize, 0);
  end = g_array_index (self->highlights, gsize, 1);
  if (start > end || end > strlen (text))
    return NULL;
  return g_strndup (text + start, end - start);
}

/**
 * tri_segment_cell_get_n_misspellings:
 * @self: a #TriSegmentCell
 *
 * Returns: how many words the cell underlines as misspelled
 */
guint
tri_segment_cell_get_n_misspellings (TriSegmentCell *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_CELL (self), 0);

  return self->misspellings != NULL ? self->misspellings->len : 0;
}

/**
 * tri_segment_cell_get_char_at:
 * @self: a #TriSegmentCell
 * @relative_to: the widget @x and @y are in
 * @x: a point
 * @y: a point
 *
 * Returns: the offset, in characters, of the text's character at the
 *   point, or -1 (off the text, or a compact cell)
 */
int
tri_segment_cell_get_char_at (TriSegmentCell *self,
                              GtkWidget      *relative_to,
                              double          x,
                              double          y)
{
  PangoLayout *layout;
  const char *text;
  double lx, ly;
  int ox, oy, index, trailing;

  g_return_val_if_fail (TRI_IS_SEGMENT_CELL (self), -1);

  /* GtkInscription has no public layout in GTK 4.8. */
  if (self->label == NULL ||
      !gtk_widget_translate_coordinates (relative_to, GTK_WIDGET (self->label), x, y, &lx, &ly))
    return -1;

  layout = tri_cell_text_get_layout (self->label);
  ox = oy = 0;
  if (!pango_layout_xy_to_index (layout, (int)((lx - ox) * PANGO_SCALE), (int)((ly - oy) * PANGO_SCALE),
                                 &index, &trailing))
    return -1;
  text = pango_layout_get_text (layout);
  return (int)g_utf8_pointer_to_offset (text, text + index);
}

/**
 * tri_segment_cell_get_text:
 * @self: a #TriSegmentCell
 *
 * Returns: the text shown
 */
const char *
tri_segment_cell_get_text (TriSegmentCell *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_CELL (self), NULL);

  if (self->label != NULL)
    return tri_cell_text_get_text (self->label);
  return gtk_inscription_get_text (self->inscription);
}

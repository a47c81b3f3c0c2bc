/* tri-segment-cell.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-segment-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-segment-cell.h"

/* One cell of the aligned grid: the sentences of one language in one row,
 * as a read-only wrapped label. Cells are recycled by the column view, so
 * they hold no state beyond the text they show (STYLE.md, pitfall 6). */
struct _TriSegmentCell
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (TriSegmentCell, tri_segment_cell, GTK_TYPE_WIDGET)

static void
tri_segment_cell_dispose (GObject *object)
{
  TriSegmentCell *self = (TriSegmentCell *)object;

  g_clear_pointer ((GtkWidget **)&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (tri_segment_cell_parent_class)->dispose (object);
}

static void
tri_segment_cell_class_init (TriSegmentCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_segment_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "segmentcell");
}

static void
tri_segment_cell_init (TriSegmentCell *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->label, 0.0f);
  gtk_label_set_yalign (self->label, 0.0f);
  /* A bounded natural width lets the columns share the window instead of
   * one long sentence widening its column (STYLE.md, pitfall 7). */
  gtk_label_set_width_chars (self->label, 20);
  gtk_label_set_max_width_chars (self->label, 40);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
}

GtkWidget *
tri_segment_cell_new (void)
{
  return g_object_new (TRI_TYPE_SEGMENT_CELL, NULL);
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

  g_return_if_fail (TRI_IS_SEGMENT_CELL (self));

  empty = text == NULL || text[0] == '\0';
  gtk_label_set_text (self->label, empty ? "" : text);

  if (empty)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "empty");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("No counterpart in this version"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
    }
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

  return gtk_label_get_text (self->label);
}

/* tri-text-column.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tri-text-column.h"

/**
 * tri_text_column_new:
 * @view: a text view for one version's text
 * @title: (out) (transfer none): the column's title, for the language
 *
 * One version's column in the editor strip and the parallel-text view: a
 * title over @view, which wraps and scrolls vertically.
 *
 * Returns: (transfer floating): the column
 */
GtkWidget *
tri_text_column_new (GtkTextView  *view,
                     GtkLabel    **title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (view), FALSE);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  gtk_widget_set_visible (box, FALSE);
  *title = GTK_LABEL (label);
  return box;
}

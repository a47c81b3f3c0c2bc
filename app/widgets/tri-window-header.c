/* tri-window-header.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-header"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tri-segment-cell.h"
#include "tri-window-parts.h"

/* The header bar: the window's title (the project, or the versions'
 * titles, "•" before it while work is unsaved) and the count of the rows
 * confirmed, marked and to review. */

/* The project's file name, or the versions' titles, each once. */
static char *
dup_subtitle (TriWindow *self)
{
  TriAlignment *alignment = tri_window_get_alignment (self);
  GFile *project = tri_window_get_project_file (self);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (project != NULL)
    return g_file_get_basename (project);

  for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
    {
      const char *title = tri_document_get_title (tri_alignment_get_document (alignment, c));

      if (c == 0 || g_strcmp0 (title, tri_document_get_title (tri_alignment_get_document (alignment, c - 1))) != 0)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, title);
        }
    }
  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

/**
 * tri_window_update_title:
 * @self: a #TriWindow
 *
 * "• report.triptych": work not saved; gone when an undo goes back to
 * what was saved. The window list shows it too.
 */
void
tri_window_update_title (TriWindow *self)
{
  AdwWindowTitle *window_title = ADW_WINDOW_TITLE (tri_window_get_template_child (self, "window_title"));
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;

  if (tri_window_get_alignment (self) == NULL)
    {
      adw_window_title_set_subtitle (window_title, NULL);
      return;
    }

  subtitle = dup_subtitle (self);
  shown = tri_window_get_unsaved (self) ? g_strconcat ("• ", subtitle, NULL) : g_strdup (subtitle);
  adw_window_title_set_subtitle (window_title, shown);
  /* Translators: the window's title: the project or files, then the app */
  title = g_strdup_printf (_("%s — Triptych"), shown);
  gtk_window_set_title (GTK_WINDOW (self), title);
}


/**
 * tri_window_update_review_count:
 * @self: a #TriWindow
 *
 * The header: how many rows are confirmed, which are marked, and how many
 * need review.
 */
void
tri_window_update_review_count (TriWindow *self)
{
  TriAlignment *alignment = tri_window_get_alignment (self);
  GtkWidget *label = GTK_WIDGET (tri_window_get_template_child (self, "review_label"));
  gboolean aligned = alignment != NULL && tri_alignment_get_aligned (alignment);
  guint review = aligned ? tri_alignment_get_n_review (alignment) : 0;
  guint rows = aligned ? g_list_model_get_n_items (G_LIST_MODEL (alignment)) : 0;
  guint confirmed = aligned ? tri_alignment_get_n_confirmed (alignment) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_widget_set_visible (label, aligned);
  if (!aligned)
    return;

  /* Translators: confirmed rows of all rows, e.g. "3/31 confirmed" */
  g_string_append_printf (text, _("%u/%u confirmed"), confirmed, rows);
  {
    guint first, last;

    if (tri_alignment_grid_get_range (tri_window_get_grid (self), &first, &last))
      {
        g_string_append (text, " · ");
        /* Translators: the range of rows marked with Shift+Up/Down */
        g_string_append_printf (text, _("rows %u–%u marked"), first + 1, last + 1);
      }
  }
  if (review > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u row to review",
                                                 "%u rows to review", review), review);
    }

  gtk_label_set_text (GTK_LABEL (label), text->str);
  tri_widget_set_tooltip_text (label,
                               _("Rows the aligner is not sure of are marked with a warning sign"));
  if (review > 0)
    gtk_widget_add_css_class (label, "needs-review");
  else
    gtk_widget_remove_css_class (label, "needs-review");
}

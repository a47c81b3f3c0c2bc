/* tri-status-bar.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-status-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-alignment-grid.h"
#include "tri-segment-cell.h"
#include "tri-status-bar.h"

/**
 * TriStatusBar:
 *
 * Under the grid, a line a version, under its column: its file, format or
 * encoding, sentences, and how many words the spell checker flags.
 */

struct _TriStatusBar
{
  GtkWidget        parent_instance;

  TriAlignment    *alignment;
  TriSpellChecker *spell;
};

G_DEFINE_FINAL_TYPE (TriStatusBar, tri_status_bar, GTK_TYPE_WIDGET)

/* The status bar's line for @column: file, encoding, sentences, and how
 * many words the spell checker flags. */
static char *
column_status (TriStatusBar *self,
               guint         column)
{
  TriDocument *doc = tri_alignment_get_document (self->alignment, column);
  const char *title = tri_document_get_title (doc);
  g_autofree char *sentences = NULL;
  char *status;

  /* Translators: the number of sentences in one version of the report */
  sentences = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence", "%u sentences",
                                            tri_document_get_n_sentences (doc)),
                               tri_document_get_n_sentences (doc));
  if (tri_document_get_format (doc) != TRI_FORMAT_TEXT)
    {
      guint n = tri_document_get_n_paragraphs (doc);
      /* Translators: the number of paragraphs in one version of the report */
      g_autofree char *paragraphs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u paragraph",
                                                                  "%u paragraphs", n), n);

      /* "news.html · HTML · 14 paragraphs · 30 sentences" */
      status = g_strdup_printf ("%s · %s · %s · %s", title, tri_format_get_label (tri_document_get_format (doc)),
                                paragraphs, sentences);
    }
  else if (tri_document_get_file (doc) != NULL)
    status = g_strdup_printf ("%s · %s · %s", title, tri_document_get_encoding (doc), sentences);
  else
    status = g_strdup_printf ("%s · %s", title, sentences);

  if (self->spell != NULL && tri_spell_checker_get_enabled (self->spell))
    {
      guint count = tri_spell_checker_get_count (self->spell, column);
      /* Translators: misspelled words in one version of the report */
      g_autofree char *counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u misspelling",
                                                               "%u misspellings", count), count);
      const char *spelling = NULL;
      char *with_spelling;

      if (tri_spell_checker_get_problem (self->spell, column) != NULL)
        spelling = _("spelling not checked");
      else if (tri_spell_checker_get_dictionary (self->spell, column) != NULL)
        spelling = count == 0 ? _("no misspellings") : counted;
      if (spelling != NULL)
        {
          with_spelling = g_strdup_printf ("%s · %s", status, spelling);
          g_free (status);
          status = with_spelling;
        }
    }
  return status;
}

/**
 * tri_status_bar_update:
 * @self: a #TriStatusBar
 *
 * The lines anew (after a spell check): only their text.
 */
void
tri_status_bar_update (TriStatusBar *self)
{
  guint c = 0;

  g_return_if_fail (TRI_IS_STATUS_BAR (self));

  if (self->alignment == NULL)
    return;
  for (GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (self));
       label != NULL && c < tri_alignment_get_n_columns (self->alignment);
       label = gtk_widget_get_next_sibling (label), c++)
    {
      g_autofree char *status = column_status (self, c);

      gtk_label_set_text (GTK_LABEL (label), status);
      tri_widget_set_tooltip_text (label, status);
    }
}

/**
 * tri_status_bar_set_alignment:
 * @self: a #TriStatusBar
 * @alignment: (nullable): the alignment shown
 * @spell: (nullable): its spell checker
 *
 * A line for each of @alignment's versions.
 */
void
tri_status_bar_set_alignment (TriStatusBar    *self,
                              TriAlignment    *alignment,
                              TriSpellChecker *spell)
{
  GtkWidget *child;

  g_return_if_fail (TRI_IS_STATUS_BAR (self));

  g_set_object (&self->alignment, alignment);
  g_set_object (&self->spell, spell);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (alignment == NULL)
    return;

  for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
    {
      g_autofree char *status = NULL;
      GtkWidget *label;

      status = column_status (self, c);
      label = gtk_label_new (status);
      /* "news.html · HTML · 14 paragraphs · 30 sentences · 2 misspellings"
       * is wider than a column of a narrow window: it goes on a second
       * line rather than lose its middle. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
      tri_widget_set_tooltip_text (label, status);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_insert_before (label, GTK_WIDGET (self), NULL);
    }
}

/**
 * tri_status_bar_new:
 *
 * Returns: (transfer floating): an empty status bar
 */
GtkWidget *
tri_status_bar_new (void)
{
  return g_object_new (TRI_TYPE_STATUS_BAR, NULL);
}

static void
tri_status_bar_dispose (GObject *object)
{
  TriStatusBar *self = (TriStatusBar *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->alignment);
  g_clear_object (&self->spell);

  G_OBJECT_CLASS (tri_status_bar_parent_class)->dispose (object);
}

static void
tri_status_bar_class_init (TriStatusBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_status_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
tri_status_bar_init (TriStatusBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  /* The lines start where the grid's text columns start, a column each. */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "status-bar");
  gtk_widget_set_margin_start (GTK_WIDGET (self), TRI_ALIGNMENT_GRID_NUMBER_WIDTH);
}

/* tri-find-bar.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-find-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-find-bar.h"

/**
 * TriFindBar:
 *
 * The find and replace bar above the grid (Ctrl+F, Ctrl+H): ICU regular
 * expressions or plain text, in every column or the current one, with
 * the match shown counted ("3 of 7"). It finds and replaces in the rows
 * it is given; the window shows the match (the "win.find-next",
 * "win.find-previous", "win.replace" and "win.replace-all" actions, which
 * its keys and buttons activate).
 */

struct _TriFindBar
{
  GtkWidget       parent_instance;

  TriMatch        found;          /* the match shown last */

  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkCheckButton *search_regex;
  GtkCheckButton *search_case;
  GtkCheckButton *search_column;
  GtkLabel       *search_status;
  GtkRevealer    *replace_revealer;
  GtkEntry       *replace_entry;
};

G_DEFINE_FINAL_TYPE (TriFindBar, tri_find_bar, GTK_TYPE_WIDGET)

/* Matches in order: row, column, then place in the text. */
static int
compare_match (const TriMatch *a,
               const TriMatch *b)
{
  if (a->row != b->row)
    return a->row < b->row ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return 0;
}

static const char *
pattern (TriFindBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/* The current column, if the search is in it alone; else -1. */
static int
search_column (TriFindBar *self,
               guint       column)
{
  return gtk_check_button_get_active (self->search_column) ? (int)column : -1;
}

/**
 * tri_find_bar_reveal:
 * @self: a #TriFindBar
 * @replace: whether the replacement field is shown too
 *
 * Shows the bar with the keyboard in it: in the search field, or in the
 * replacement field when there is something to replace.
 */
void
tri_find_bar_reveal (TriFindBar *self,
                     gboolean    replace)
{
  g_return_if_fail (TRI_IS_FIND_BAR (self));

  gtk_revealer_set_reveal_child (self->replace_revealer, replace);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (replace && pattern (self)[0] != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->replace_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * tri_find_bar_find:
 * @self: a #TriFindBar
 * @alignment: the rows to search
 * @row: the cursor's row, or %GTK_INVALID_LIST_POSITION
 * @column: the current column
 * @direction: 1 for the next match, -1 for the previous one
 * @match: (out caller-allocates): where to put the match
 *
 * Finds the next (or previous) match from the one shown, if the cursor is
 * still on its row; else from the cursor's row (its own matches first,
 * going down). Says which of how many it is, or why there is none.
 *
 * Returns: whether there is a match to show
 */
gboolean
tri_find_bar_find (TriFindBar   *self,
                   TriAlignment *alignment,
                   guint         row,
                   guint         column,
                   int           direction,
                   TriMatch     *match)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree char *count = NULL;
  guint index = G_MAXUINT;

  g_return_val_if_fail (TRI_IS_FIND_BAR (self), FALSE);
  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), FALSE);
  g_return_val_if_fail (match != NULL, FALSE);

  if (pattern (self)[0] == '\0')
    {
      gtk_label_set_text (self->search_status, "");
      return FALSE;
    }

  matches = tri_alignment_find_all (alignment, pattern (self), gtk_check_button_get_active (self->search_regex),
                                    gtk_check_button_get_active (self->search_case), search_column (self, column),
                                    &error);
  if (matches == NULL)
    {
      gtk_label_set_text (self->search_status, error->message);
      return FALSE;
    }
  if (matches->len == 0)
    {
      gtk_label_set_text (self->search_status, _("Not found"));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  for (guint i = 0; i < matches->len && index == G_MAXUINT; i++)
    {
      guint at = direction > 0 ? i : matches->len - 1 - i;
      const TriMatch *m = &g_array_index (matches, TriMatch, at);

      if (self->found.row == row && row != GTK_INVALID_LIST_POSITION)
        {
          if (direction * compare_match (m, &self->found) > 0)
            index = at;
        }
      else if (row == GTK_INVALID_LIST_POSITION ||
               (direction > 0 ? m->row >= row : m->row < row))
        index = at;
    }
  if (index == G_MAXUINT)
    index = direction > 0 ? 0 : matches->len - 1;

  *match = self->found = g_array_index (matches, TriMatch, index);
  /* Translators: the match shown and how many there are, e.g. "3 of 7" */
  count = g_strdup_printf (_("%u of %u"), index + 1, matches->len);
  gtk_label_set_text (self->search_status, count);
  return TRUE;
}

/**
 * tri_find_bar_replace:
 * @self: a #TriFindBar
 * @alignment: the rows
 * @row: the cursor's row, or %GTK_INVALID_LIST_POSITION
 * @column: the current column
 * @all: every match (as one edit to undo), or @row's
 *
 * Replaces the matches by the replacement field's text. With nothing to
 * find the bar asks for it; replacing every match says how many.
 *
 * Returns: whether the rows were searched (the window then finds the next
 *   match, when not @all)
 */
gboolean
tri_find_bar_replace (TriFindBar   *self,
                      TriAlignment *alignment,
                      guint         row,
                      guint         column,
                      gboolean      all)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_return_val_if_fail (TRI_IS_FIND_BAR (self), FALSE);
  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), FALSE);

  if (pattern (self)[0] == '\0')
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return FALSE;
    }
  if (!all && row == GTK_INVALID_LIST_POSITION)
    return TRUE;

  if (!tri_alignment_replace (alignment, pattern (self), gtk_check_button_get_active (self->search_regex),
                              gtk_check_button_get_active (self->search_case), search_column (self, column),
                              all ? 0 : row, all ? G_MAXUINT : 1,
                              gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)), &n, &error))
    {
      gtk_label_set_text (self->search_status, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (all)
    {
      g_autofree char *message = NULL;

      if (n == 0)
        message = g_strdup (_("Nothing replaced"));
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match replaced", "%u matches replaced", n), n);
      gtk_label_set_text (self->search_status, message);
      if (n == 0)
        gtk_widget_error_bell (GTK_WIDGET (self));
    }
  return TRUE;
}

static void
on_search_activate_cb (TriFindBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-next", NULL);
}

static void
on_search_previous_cb (TriFindBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-previous", NULL);
}

static void
on_replace_activate_cb (TriFindBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.replace", NULL);
}

static void
tri_find_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRI_TYPE_FIND_BAR);

  G_OBJECT_CLASS (tri_find_bar_parent_class)->dispose (object);
}

static void
tri_find_bar_class_init (TriFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_find_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/tri-find-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TriFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TriFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TriFindBar, search_regex);
  gtk_widget_class_bind_template_child (widget_class, TriFindBar, search_case);
  gtk_widget_class_bind_template_child (widget_class, TriFindBar, search_column);
  gtk_widget_class_bind_template_child (widget_class, TriFindBar, search_status);
  gtk_widget_class_bind_template_child (widget_class, TriFindBar, replace_revealer);
  gtk_widget_class_bind_template_child (widget_class, TriFindBar, replace_entry);
}

static void
tri_find_bar_init (TriFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->found.row = GTK_INVALID_LIST_POSITION;

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "previous-match", G_CALLBACK (on_search_previous_cb), self);
  g_signal_connect_swapped (self->replace_entry, "activate", G_CALLBACK (on_replace_activate_cb), self);
}

/* tri-window-spelling.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window-spelling"

#include "config.h"

#include "tri-spell-checker.h"
#include "tri-status-bar.h"
#include "tri-window-parts.h"

/* Spelling in the window: a TriSpellChecker for the rows shown, set as
 * the Preferences say; what it finds underlined in the grid (its cells
 * ask it) and the strip, counted in the status bar; a column without a
 * dictionary said once in a toast; the strip's spelling menu in the
 * grid's row menu too. */

/**
 * tri_window_apply_spell_settings:
 * @self: a #TriWindow
 *
 * Sets the window's spell checker as the Preferences say.
 */
void
tri_window_apply_spell_settings (TriWindow *self)
{
  static const struct {
    const char   *key;
    TriSpellFlags flag;
  } skips[] = {
    { "spell-skip-acronyms", TRI_SPELL_SKIP_ACRONYMS },
    { "spell-skip-digits", TRI_SPELL_SKIP_DIGITS },
    { "spell-skip-urls", TRI_SPELL_SKIP_URLS },
    { "spell-skip-names", TRI_SPELL_SKIP_NAMES },
  };
  TriSpellChecker *spell = tri_window_get_spell_checker (self);
  GSettings *settings = tri_window_get_settings (self);
  TriSpellFlags flags = 0;

  if (spell == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (skips); i++)
    if (g_settings_get_boolean (settings, skips[i].key))
      flags |= skips[i].flag;
  tri_spell_checker_set_flags (spell, flags);
  tri_spell_checker_set_enabled (spell, g_settings_get_boolean (settings, "spell-check"));
}

/* A check finished: underline what it found in the editor strip, and
 * count it in the status bar. The grid's cells follow the checker by
 * themselves. */
static void
on_spell_changed_cb (TriWindow       *self,
                     TriSpellChecker *spell)
{
  TriStatusBar *status = TRI_STATUS_BAR (tri_window_get_template_child (self, "status_bar"));

  tri_segment_editor_update_spelling (tri_window_get_editor (self));
  tri_status_bar_update (status);
}

/* No dictionary for a column: say so once, naming the package; the other
 * columns are checked as usual. */
static void
on_spell_problem_cb (TriWindow       *self,
                     guint            column,
                     const char      *message,
                     TriSpellChecker *spell)
{
  guint shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spell), "tri-problems-shown"));

  if (column >= TRI_MAX_COLUMNS || (shown & (1u << column)) != 0)
    return;
  g_object_set_data (G_OBJECT (spell), "tri-problems-shown", GUINT_TO_POINTER (shown | (1u << column)));
  tri_window_show_toast (self, message);
}

/**
 * tri_window_new_spell_checker:
 * @self: a #TriWindow
 * @alignment: the rows to check
 *
 * Returns: (transfer full): a spell checker of @alignment for @self
 */
TriSpellChecker *
tri_window_new_spell_checker (TriWindow    *self,
                              TriAlignment *alignment)
{
  TriSpellChecker *spell = tri_spell_checker_new (alignment);

  g_signal_connect_object (spell, "changed", G_CALLBACK (on_spell_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (spell, "problem", G_CALLBACK (on_spell_problem_cb), self, G_CONNECT_SWAPPED);
  return spell;
}

/* The spelling menu's actions, for the row menu (the editor strip, where
 * they live, is no ancestor of the grid). */
static void
on_forward_spelling_cb (GSimpleAction *action,
                        GVariant      *param,
                        TriWindow     *self)
{
  g_autofree char *name = g_strconcat ("spelling.", g_action_get_name (G_ACTION (action)), NULL);

  gtk_widget_activate_action_variant (GTK_WIDGET (tri_window_get_editor (self)), name, param);
}

/**
 * tri_window_init_spelling:
 * @self: a #TriWindow
 *
 * The spell checkers of @self follow the Preferences; the grid's row menu
 * has the strip's spelling actions.
 */
void
tri_window_init_spelling (TriWindow *self)
{
  static const char * const keys[] = {
    "changed::spell-check", "changed::spell-skip-acronyms", "changed::spell-skip-digits", "changed::spell-skip-urls",
    "changed::spell-skip-names",
  };
  static const struct { const char *name; const char *type; } forwarded[] = {
    { "correct", "s" }, { "add", NULL }, { "ignore", NULL },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_signal_connect_object (tri_window_get_settings (self), keys[i], G_CALLBACK (tri_window_apply_spell_settings),
                             self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    {
      g_autoptr(GSimpleAction) action =
        g_simple_action_new (forwarded[i].name, forwarded[i].type != NULL ? G_VARIANT_TYPE (forwarded[i].type) : NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (on_forward_spelling_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (tri_window_get_grid (self)), "spelling", G_ACTION_GROUP (group));
}

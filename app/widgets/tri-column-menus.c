/* tri-column-menus.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-column-menus"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-column-menus.h"
#include "tri-language.h"
#include "tri-spell.h"

/**
 * TriColumnMenus:
 *
 * The menus of the versions shown (a column's header menu, and the same
 * menus in the main menu's "Versions" section, the headers being out of
 * reach of the keyboard) and their actions, in the "column" group:
 * column.language-N, column.dictionary-N (the spelling dictionary) and
 * column.encoding-N. Choosing a language sets the document's; a
 * dictionary, the spell checker's; an encoding emits
 * #TriColumnMenus::reopen (the window reads the file again).
 */

struct _TriColumnMenus
{
  GObject             parent_instance;

  GSimpleActionGroup *actions;
  GMenu              *versions;       /* the main menu's section */
  char              **dictionaries;   /* installed */
  TriAlignment       *alignment;
  TriSpellChecker    *spell;
  GMenuModel         *menus[TRI_MAX_COLUMNS];
};

enum {
  REOPEN,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (TriColumnMenus, tri_column_menus, G_TYPE_OBJECT)

static guint signals [N_SIGNALS];

/* The encodings offered for reopening a file, with "" for detection. */
static const struct {
  const char *encoding;
  const char *label;
} encodings[] = {
  { "", N_("Detect Automatically") },
  { "UTF-8", N_("Unicode (UTF-8)") },
  { "UTF-16", N_("Unicode (UTF-16)") },
  { "windows-1251", N_("Cyrillic (Windows-1251)") },
  { "KOI8-R", N_("Cyrillic (KOI8-R)") },
  { "KOI8-U", N_("Cyrillic/Ukrainian (KOI8-U)") },
  { "ISO-8859-5", N_("Cyrillic (ISO-8859-5)") },
  { "IBM866", N_("Cyrillic/Russian (CP866)") },
};

/* Menu labels take "_" for a mnemonic: a file name's own must be doubled. */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static GMenuModel *
build_column_menu (guint               column,
                   const char * const *dictionaries)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) spelling = g_menu_new ();
  g_autofree char *dictionary_action = g_strdup_printf ("column.dictionary-%u", column);
  g_autoptr(GMenu) languages = g_menu_new ();
  g_autoptr(GMenu) encoding_menu = g_menu_new ();
  g_autoptr(GMenu) file = g_menu_new ();
  g_autofree char *action = g_strdup_printf ("column.language-%u", column);
  g_autofree char *encoding_action = g_strdup_printf ("column.encoding-%u", column);
  const char * const *common = tri_language_get_common ();

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(encodings[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, encoding_action,
                                               g_variant_new_string (encodings[i].encoding));
      g_menu_append_item (encoding_menu, item);
    }

  for (guint i = 0; common[i] != NULL; i++)
    {
      g_autofree char *name = tri_language_dup_display_name (common[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (common[i]));
      g_menu_append_item (languages, item);
    }

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Replace File…"), NULL);

    g_menu_item_set_action_and_target_value (item, "win.replace-column", g_variant_new_uint32 (column));
    g_menu_append_item (file, item);
  }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Paste as Version"), NULL);

    g_menu_item_set_action_and_target_value (item, "win.paste-version", g_variant_new_uint32 (column));
    g_menu_append_item (file, item);
  }

  /* The spelling dictionary: the language's usual one, or any installed. */
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Dictionary of the Language"), NULL);

    g_menu_item_set_action_and_target_value (item, dictionary_action, g_variant_new_string (""));
    g_menu_append_item (spelling, item);
  }
  for (guint i = 0; dictionaries != NULL && dictionaries[i] != NULL; i++)
    {
      g_autofree char *tag = g_strdelimit (g_strdup (dictionaries[i]), "_", '-');
      g_autofree char *name = tri_language_dup_display_name (tag);
      g_autofree char *label = g_strdup_printf ("%s (%s)", name, dictionaries[i]);
      g_autofree char *escaped = escape_mnemonics (label);
      g_autoptr(GMenuItem) item = g_menu_item_new (escaped, NULL);

      g_menu_item_set_action_and_target_value (item, dictionary_action, g_variant_new_string (dictionaries[i]));
      g_menu_append_item (spelling, item);
    }

  /* Sections, not submenus: GtkPopoverMenu names submenus by their label,
   * and the main menu holds this menu once for every column. */
  g_menu_append_section (menu, _("Language"), G_MENU_MODEL (languages));
  g_menu_append_section (menu, _("Spelling Dictionary"), G_MENU_MODEL (spelling));
  g_menu_append_section (menu, _("Encoding"), G_MENU_MODEL (encoding_menu));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (file));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
on_language_change_cb (GSimpleAction  *action,
                       GVariant       *value,
                       TriColumnMenus *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "column"));

  if (self->alignment == NULL || column >= tri_alignment_get_n_columns (self->alignment))
    return;

  g_simple_action_set_state (action, value);
  tri_document_set_language (tri_alignment_get_document (self->alignment, column),
                             g_variant_get_string (value, NULL));
}

static void
on_dictionary_change_cb (GSimpleAction  *action,
                         GVariant       *value,
                         TriColumnMenus *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "column"));
  const char *name = g_variant_get_string (value, NULL);

  if (self->spell == NULL)
    return;
  g_simple_action_set_state (action, value);
  tri_spell_checker_set_dictionary_name (self->spell, column, name[0] != '\0' ? name : NULL);
}

static void
on_encoding_change_cb (GSimpleAction  *action,
                       GVariant       *value,
                       TriColumnMenus *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "column"));
  const char *encoding = g_variant_get_string (value, NULL);

  if (self->alignment == NULL || column >= tri_alignment_get_n_columns (self->alignment))
    return;
  g_signal_emit (self, signals [REOPEN], 0, column, encoding[0] != '\0' ? encoding : NULL);
}

static void
add_action (TriColumnMenus *self,
            const char     *name,
            guint           column,
            const char     *state,
            GCallback       change)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, G_VARIANT_TYPE_STRING,
                                                                  g_variant_new_string (state));

  g_object_set_data (G_OBJECT (action), "column", GUINT_TO_POINTER (column));
  g_signal_connect_object (action, "change-state", change, self, 0);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
}

/**
 * tri_column_menus_set_alignment:
 * @self: a #TriColumnMenus
 * @alignment: the alignment shown
 * @spell: (nullable): its spell checker
 *
 * The actions and the header menus of @alignment's columns (the list of
 * installed dictionaries read anew).
 */
void
tri_column_menus_set_alignment (TriColumnMenus  *self,
                                TriAlignment    *alignment,
                                TriSpellChecker *spell)
{
  guint n;

  g_return_if_fail (TRI_IS_COLUMN_MENUS (self));
  g_return_if_fail (TRI_IS_ALIGNMENT (alignment));

  g_set_object (&self->alignment, alignment);
  g_set_object (&self->spell, spell);
  g_strfreev (self->dictionaries);
  self->dictionaries = tri_spell_list_dictionaries ();

  n = MIN (tri_alignment_get_n_columns (alignment), TRI_MAX_COLUMNS);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_object (&self->menus[c]);
  for (guint c = 0; c < n; c++)
    {
      TriDocument *doc = tri_alignment_get_document (alignment, c);
      const char *chosen = spell != NULL ? tri_spell_checker_get_dictionary_name (spell, c) : NULL;
      g_autofree char *language = g_strdup_printf ("language-%u", c);
      g_autofree char *encoding = g_strdup_printf ("encoding-%u", c);
      g_autofree char *dictionary = g_strdup_printf ("dictionary-%u", c);
      GAction *action;

      self->menus[c] = build_column_menu (c, (const char * const *)self->dictionaries);
      add_action (self, language, c, tri_document_get_language (doc), G_CALLBACK (on_language_change_cb));
      add_action (self, encoding, c, tri_document_get_encoding_detected (doc) ? "" : tri_document_get_encoding (doc),
                  G_CALLBACK (on_encoding_change_cb));
      action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), encoding);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), tri_document_get_file (doc) != NULL);
      add_action (self, dictionary, c, chosen != NULL ? chosen : "", G_CALLBACK (on_dictionary_change_cb));
    }
}

/**
 * tri_column_menus_get_header_menu:
 * @self: a #TriColumnMenus
 * @column: a column
 *
 * Returns: (transfer none) (nullable): the menu of @column's header
 */
GMenuModel *
tri_column_menus_get_header_menu (TriColumnMenus *self,
                                  guint           column)
{
  g_return_val_if_fail (TRI_IS_COLUMN_MENUS (self), NULL);

  return column < TRI_MAX_COLUMNS ? self->menus[column] : NULL;
}

/**
 * tri_column_menus_update:
 * @self: a #TriColumnMenus
 *
 * The "Versions" section and the language actions' states anew, after
 * the documents' languages or titles changed.
 */
void
tri_column_menus_update (TriColumnMenus *self)
{
  g_return_if_fail (TRI_IS_COLUMN_MENUS (self));

  g_menu_remove_all (self->versions);
  if (self->alignment == NULL)
    return;

  for (guint c = 0; c < tri_alignment_get_n_columns (self->alignment); c++)
    {
      TriDocument *doc = tri_alignment_get_document (self->alignment, c);
      g_autofree char *action_name = g_strdup_printf ("language-%u", c);
      g_autofree char *name = tri_language_dup_display_name (tri_document_get_language (doc));
      const char *title = tri_document_get_title (doc);
      g_autoptr(GMenuModel) submenu = build_column_menu (c, (const char * const *)self->dictionaries);
      g_autofree char *escaped_title = escape_mnemonics (title);
      /* The number keeps labels unique (GtkPopoverMenu names its
       * submenus by label) when two columns share a language. */
      g_autofree char *item_label =
        title[0] != '\0'
          /* Translators: a submenu for one column: its number, language and file name */
          ? g_strdup_printf (_("%u. %s — %s"), c + 1, name, escaped_title)
          /* Translators: a submenu for one column: its number and language */
          : g_strdup_printf (_("%u. %s"), c + 1, name);
      GAction *action;

      g_menu_append_submenu (self->versions, item_label, submenu);

      action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), action_name);
      if (action != NULL)
        g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (tri_document_get_language (doc)));
    }
}

/**
 * tri_column_menus_get_actions:
 * @self: a #TriColumnMenus
 *
 * Returns: (transfer none): the actions, for the "column" prefix
 */
GActionGroup *
tri_column_menus_get_actions (TriColumnMenus *self)
{
  g_return_val_if_fail (TRI_IS_COLUMN_MENUS (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/**
 * tri_column_menus_get_versions:
 * @self: a #TriColumnMenus
 *
 * Returns: (transfer none): a submenu a version, for the main menu
 */
GMenuModel *
tri_column_menus_get_versions (TriColumnMenus *self)
{
  g_return_val_if_fail (TRI_IS_COLUMN_MENUS (self), NULL);

  return G_MENU_MODEL (self->versions);
}

/**
 * tri_column_menus_new:
 *
 * Returns: (transfer full): menus of no version yet
 */
TriColumnMenus *
tri_column_menus_new (void)
{
  return g_object_new (TRI_TYPE_COLUMN_MENUS, NULL);
}

static void
tri_column_menus_dispose (GObject *object)
{
  TriColumnMenus *self = (TriColumnMenus *)object;

  g_clear_object (&self->alignment);
  g_clear_object (&self->spell);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_object (&self->menus[c]);

  G_OBJECT_CLASS (tri_column_menus_parent_class)->dispose (object);
}

static void
tri_column_menus_finalize (GObject *object)
{
  TriColumnMenus *self = (TriColumnMenus *)object;

  g_clear_object (&self->actions);
  g_clear_object (&self->versions);
  g_strfreev (self->dictionaries);

  G_OBJECT_CLASS (tri_column_menus_parent_class)->finalize (object);
}

static void
tri_column_menus_class_init (TriColumnMenusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_column_menus_dispose;
  object_class->finalize = tri_column_menus_finalize;

  /**
   * TriColumnMenus::reopen:
   * @self: a #TriColumnMenus
   * @column: the version to read again
   * @encoding: (nullable): in this encoding, or %NULL to detect it
   */
  signals [REOPEN] =
    g_signal_new ("reopen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
tri_column_menus_init (TriColumnMenus *self)
{
  self->actions = g_simple_action_group_new ();
  self->versions = g_menu_new ();
}

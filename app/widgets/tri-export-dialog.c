/* tri-export-dialog.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-export-dialog.h"
#include "tri-language.h"

/* Export (Ctrl+E): the format, the versions, which rows, and the options
 * of the format chosen (TMX: the source language, one file per pair,
 * region codes; XLIFF: source and target; TSV/CSV: a byte-order mark).
 * The last choices are remembered (GSettings). "Export…" emits
 * ::export; the window asks where. */

struct _TriExportDialog
{
  AdwWindow       parent_instance;

  TriAlignment   *alignment;
  GSettings      *settings;
  guint           n_columns;
  char           *codes[TRI_MAX_COLUMNS];

  AdwComboRow    *format_row;
  GtkCheckButton *language_checks[TRI_MAX_COLUMNS];
  GtkWidget      *language_rows[TRI_MAX_COLUMNS];
  AdwComboRow    *rows_row;
  GtkWidget      *tmx_group;
  AdwComboRow    *srclang_row;
  GtkSwitch      *pairs_switch;
  GtkSwitch      *region_switch;
  GtkWidget      *xliff_group;
  AdwComboRow    *source_row;
  AdwComboRow    *target_row;
  GtkWidget      *table_group;
  GtkSwitch      *bom_switch;
  GtkWidget      *export_button;
};

G_DEFINE_FINAL_TYPE (TriExportDialog, tri_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char * const rows_ids[] = { "all", "confirmed", "complete" };

static TriExportFormat
chosen_format (TriExportDialog *self)
{
  guint chosen = adw_combo_row_get_selected (self->format_row);

  return chosen < TRI_EXPORT_N_FORMATS ? (TriExportFormat)chosen : TRI_EXPORT_TMX;
}

static guint
n_languages_chosen (TriExportDialog *self)
{
  guint n = 0;

  for (guint c = 0; c < self->n_columns; c++)
    n += gtk_check_button_get_active (self->language_checks[c]);
  return n;
}

/* The options of the format chosen, and Export only with something to
 * export: XLIFF is bilingual, two different versions. */
static void
update (TriExportDialog *self)
{
  TriExportFormat format = chosen_format (self);
  gboolean ok = n_languages_chosen (self) >= 1;

  gtk_widget_set_visible (self->tmx_group, format == TRI_EXPORT_TMX);
  gtk_widget_set_visible (self->xliff_group, format == TRI_EXPORT_XLIFF);
  /* Spreadsheets want a byte-order mark in CSV; TSV goes to tools that
   * take it for text. */
  gtk_widget_set_visible (self->table_group, format == TRI_EXPORT_CSV);
  for (guint c = 0; c < self->n_columns; c++)
    gtk_widget_set_sensitive (self->language_rows[c], format != TRI_EXPORT_XLIFF);
  if (format == TRI_EXPORT_XLIFF)
    ok = adw_combo_row_get_selected (self->source_row) != adw_combo_row_get_selected (self->target_row);
  else if (format == TRI_EXPORT_TMX)
    ok = n_languages_chosen (self) >= 2;
  gtk_widget_set_sensitive (self->export_button, ok);
}

static void
on_changed_cb (TriExportDialog *self)
{
  update (self);
}

/**
 * tri_export_dialog_dup_options:
 * @self: a #TriExportDialog
 *
 * Returns: (transfer full): the options chosen
 */
TriExportOptions *
tri_export_dialog_dup_options (TriExportDialog *self)
{
  TriExportOptions *options = tri_export_options_new ();
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();
  TriExportFormat format = chosen_format (self);
  guint srclang;

  g_return_val_if_fail (TRI_IS_EXPORT_DIALOG (self), options);

  options->format = format;
  options->rows = (TriExportRows)MIN (adw_combo_row_get_selected (self->rows_row), G_N_ELEMENTS (rows_ids) - 1);
  if (format == TRI_EXPORT_XLIFF)
    {
      guint s = MIN (adw_combo_row_get_selected (self->source_row), self->n_columns - 1);
      guint t = MIN (adw_combo_row_get_selected (self->target_row), self->n_columns - 1);

      g_strv_builder_add (languages, self->codes[s]);
      g_strv_builder_add (languages, self->codes[t]);
      options->source = g_strdup (self->codes[s]);
      options->target = g_strdup (self->codes[t]);
    }
  else
    for (guint c = 0; c < self->n_columns; c++)
      if (gtk_check_button_get_active (self->language_checks[c]))
        g_strv_builder_add (languages, self->codes[c]);
  g_strfreev (options->languages);
  options->languages = g_strv_builder_end (languages);

  /* The first entry is "every language" (*all*). */
  srclang = adw_combo_row_get_selected (self->srclang_row);
  g_free (options->srclang);
  options->srclang = g_strdup (srclang == 0 || srclang > self->n_columns ? "*all*" : self->codes[srclang - 1]);
  options->tmx_pairs = gtk_switch_get_active (self->pairs_switch);
  options->region_codes = gtk_switch_get_active (self->region_switch);
  options->bom = format == TRI_EXPORT_CSV && gtk_switch_get_active (self->bom_switch);
  return options;
}

static void
remember (TriExportDialog *self)
{
  TriExportFormat format = chosen_format (self);

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "export-format", tri_export_format_get_id (format));
  g_settings_set_string (self->settings, "export-rows",
                         rows_ids[MIN (adw_combo_row_get_selected (self->rows_row), G_N_ELEMENTS (rows_ids) - 1)]);
  g_settings_set_boolean (self->settings, "export-tmx-pairs", gtk_switch_get_active (self->pairs_switch));
  g_settings_set_boolean (self->settings, "export-region-codes", gtk_switch_get_active (self->region_switch));
  g_settings_set_boolean (self->settings, "export-bom", gtk_switch_get_active (self->bom_switch));
}

static void
on_export_clicked_cb (TriExportDialog *self)
{
  g_autoptr(TriExportOptions) options = tri_export_dialog_dup_options (self);

  remember (self);
  g_signal_emit (self, signals[EXPORT], 0, options);
}

static void
recall (TriExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *rows = NULL;
  TriExportFormat chosen;

  if (self->settings == NULL)
    return;
  format = g_settings_get_string (self->settings, "export-format");
  if (tri_export_format_from_id (format, &chosen))
    adw_combo_row_set_selected (self->format_row, chosen);
  rows = g_settings_get_string (self->settings, "export-rows");
  for (guint i = 0; i < G_N_ELEMENTS (rows_ids); i++)
    if (g_str_equal (rows, rows_ids[i]))
      adw_combo_row_set_selected (self->rows_row, i);
  gtk_switch_set_active (self->pairs_switch, g_settings_get_boolean (self->settings, "export-tmx-pairs"));
  gtk_switch_set_active (self->region_switch, g_settings_get_boolean (self->settings, "export-region-codes"));
  gtk_switch_set_active (self->bom_switch, g_settings_get_boolean (self->settings, "export-bom"));
}

/* Building */

static AdwComboRow *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           const char          *subtitle,
           GListModel          *model)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (row, model);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static GtkSwitch *
add_switch (AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  return group;
}

static void
build (TriExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) srclangs = gtk_string_list_new (NULL);

  for (guint f = 0; f < TRI_EXPORT_N_FORMATS; f++)
    gtk_string_list_append (formats, tri_export_format_get_name ((TriExportFormat)f));
  gtk_string_list_append (rows, _("All rows"));
  gtk_string_list_append (rows, _("Confirmed rows only"));
  gtk_string_list_append (rows, _("Rows with text in every version exported"));
  /* Translators: TMX's source language: any of the languages (srclang="*all*") */
  gtk_string_list_append (srclangs, _("Any (*all*)"));

  self->n_columns = tri_alignment_get_n_columns (self->alignment);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *name = NULL;

      self->codes[c] = g_strdup (tri_document_get_language (tri_alignment_get_document (self->alignment, c)));
      name = tri_language_dup_display_name (self->codes[c]);
      gtk_string_list_append (names, name);
      gtk_string_list_append (srclangs, name);
    }

  /* Header: Cancel and Export… */
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  group = add_group (page, _("What to Export"), NULL);
  self->format_row = add_combo (group, _("_Format"), NULL, G_LIST_MODEL (formats));
  /* The format's name under the title, whole, not cut short beside it. */
  adw_combo_row_set_use_subtitle (self->format_row, TRUE);
  self->rows_row = add_combo (group, _("_Rows"), NULL, G_LIST_MODEL (rows));

  group = add_group (page, _("Versions"), _("The languages each aligned row holds in the file"));
  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = tri_language_dup_display_name (self->codes[c]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (on_changed_cb), self);
      adw_preferences_group_add (group, row);
      self->language_checks[c] = GTK_CHECK_BUTTON (check);
      self->language_rows[c] = row;
    }

  group = add_group (page, _("Translation Memory (TMX)"), NULL);
  self->tmx_group = GTK_WIDGET (group);
  self->srclang_row = add_combo (group, _("_Source Language"),
                                 _("The language the memory translates from; “any” lets a CAT tool choose"),
                                 G_LIST_MODEL (srclangs));
  /* The first version's language: what a translation memory translates
   * from, unless the user says otherwise. */
  adw_combo_row_set_selected (self->srclang_row, 1);
  self->pairs_switch = add_switch (group, _("One File per _Pair"),
                                   _("For tools that read two languages a file: report-en-ru.tmx, report-en-uk.tmx …"));
  self->region_switch = add_switch (group, _("Re_gion Codes"),
                                    _("en-US, ru-RU, uk-UA instead of en, ru, uk"));

  group = add_group (page, _("Bilingual Exchange (XLIFF 2.0)"), _("XLIFF holds two languages"));
  self->xliff_group = GTK_WIDGET (group);
  self->source_row = add_combo (group, _("S_ource"), NULL, G_LIST_MODEL (names));
  self->target_row = add_combo (group, _("_Target"), NULL, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->target_row, MIN (1, self->n_columns - 1));

  group = add_group (page, _("Table"), NULL);
  self->table_group = GTK_WIDGET (group);
  self->bom_switch = add_switch (group, _("_Byte-Order Mark"),
                                 _("Lets spreadsheet programs read the Cyrillic right"));

  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  recall (self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->source_row, "notify::selected", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->target_row, "notify::selected", G_CALLBACK (on_changed_cb), self);
  update (self);
}

static void
tri_export_dialog_finalize (GObject *object)
{
  TriExportDialog *self = (TriExportDialog *)object;

  g_clear_object (&self->alignment);
  g_clear_object (&self->settings);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_free (self->codes[c]);

  G_OBJECT_CLASS (tri_export_dialog_parent_class)->finalize (object);
}

static void
tri_export_dialog_class_init (TriExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tri_export_dialog_finalize;

  /**
   * TriExportDialog::export:
   * @options: (type gpointer): the #TriExportOptions chosen
   *
   * "Export…" was clicked: the window asks where to save.
   */
  signals [EXPORT] =
    g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tri_export_dialog_init (TriExportDialog *self)
{
}

/**
 * tri_export_dialog_new:
 * @parent: the window exporting
 * @alignment: what to export
 * @settings: (nullable): where the last choices are kept
 *
 * Returns: (transfer full): a new dialog, to present
 */
TriExportDialog *
tri_export_dialog_new (GtkWindow    *parent,
                       TriAlignment *alignment,
                       GSettings    *settings)
{
  TriExportDialog *self;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);

  self = g_object_new (TRI_TYPE_EXPORT_DIALOG,
                       "title", _("Export"),
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 520,
                       "default-height", 620,
                       NULL);
  self->alignment = g_object_ref (alignment);
  if (settings != NULL)
    self->settings = g_object_ref (settings);
  build (self);
  return self;
}

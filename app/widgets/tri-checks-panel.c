/* tri-checks-panel.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-checks-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tri-checks-panel.h"
#include "tri-language.h"

/* The Checks panel: the checker's findings grouped by check, with their
 * counts, narrowed to one check or one version. Choosing a finding
 * ("finding-selected") shows its row with its spans highlighted; Delete,
 * or its button, dismisses it (in the project); dismissed findings show
 * again, dimmed, on request, to be brought back.
 *
 * The list is rebuilt whenever the checker changes: the items point into
 * the checker's findings, which an edit frees. */

/* The checks, in the order the panel lists them: what is missing first. */
static const char * const check_order[] = {
  "missing-translation",
  "quote-missing",
  "quote-mismatch",
  "quote-speaker",
  "quote-unbalanced",
  "number-mismatch",
  "name-mismatch",
  "length-ratio",
};

/* Where @check's group stands in the panel: check_order's, then any check
 * it does not know. */
static guint
check_rank (const char *check)
{
  for (guint k = 0; k < G_N_ELEMENTS (check_order); k++)
    if (g_str_equal (check, check_order[k]))
      return k;
  return G_N_ELEMENTS (check_order);
}

#define TRI_TYPE_CHECK_ITEM (tri_check_item_get_type ())
G_DECLARE_FINAL_TYPE (TriCheckItem, tri_check_item, TRI, CHECK_ITEM, GObject)

/* A group (a check, its findings in @children) or one finding. */
struct _TriCheckItem
{
  GObject     parent_instance;

  const char *check;
  TriFinding *finding;      /* NULL for a group; the checker's */
  gboolean    dismissed;
  GListStore *children;     /* a group's findings */
};

G_DEFINE_FINAL_TYPE (TriCheckItem, tri_check_item, G_TYPE_OBJECT)

static void
tri_check_item_finalize (GObject *object)
{
  TriCheckItem *self = (TriCheckItem *)object;

  g_clear_object (&self->children);
  G_OBJECT_CLASS (tri_check_item_parent_class)->finalize (object);
}

static void
tri_check_item_class_init (TriCheckItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tri_check_item_finalize;
}

static void
tri_check_item_init (TriCheckItem *self)
{
}

struct _TriChecksPanel
{
  GtkWidget           parent_instance;

  TriChecker         *checker;
  TriAlignment       *alignment;
  GListStore         *groups;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GHashTable         *collapsed;      /* check ids the user folded */
  gboolean            show_dismissed;
  gboolean            show_notes;
  gboolean            rebuilding;
  guint               n_shown;
  guint               cursor_row;     /* the row of the finding selected */

  /* Template widgets */
  GtkLabel           *title_label;
  GtkDropDown        *check_dropdown;
  GtkDropDown        *language_dropdown;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (TriChecksPanel, tri_checks_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_DISMISSED,
  PROP_SHOW_NOTES,
  N_PROPS
};

enum {
  FINDING_SELECTED,
  LISTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The check the first drop-down narrows to, or NULL for all. */
static const char *
chosen_check (TriChecksPanel *self)
{
  guint chosen = gtk_drop_down_get_selected (self->check_dropdown);

  if (chosen == 0 || chosen == GTK_INVALID_LIST_POSITION || chosen > G_N_ELEMENTS (check_order))
    return NULL;
  return check_order[chosen - 1];
}

/* The column the second drop-down narrows to, or -1 for all. */
static int
chosen_column (TriChecksPanel *self)
{
  guint chosen = gtk_drop_down_get_selected (self->language_dropdown);

  if (chosen == 0 || chosen == GTK_INVALID_LIST_POSITION || self->alignment == NULL ||
      chosen > tri_alignment_get_n_columns (self->alignment))
    return -1;
  return (int)chosen - 1;
}

/**
 * tri_checks_panel_shows:
 * @self: a #TriChecksPanel
 * @finding: one of the checker's findings
 *
 * Returns: whether the panel lists @finding, as it is narrowed now
 */
gboolean
tri_checks_panel_shows (TriChecksPanel   *self,
                        const TriFinding *finding)
{
  const char *check = chosen_check (self);
  int column = chosen_column (self);

  g_return_val_if_fail (TRI_IS_CHECKS_PANEL (self), FALSE);

  if (self->checker == NULL)
    return FALSE;
  if (check != NULL && !g_str_equal (check, finding->check))
    return FALSE;
  if (column >= 0 && !(finding->languages & (1u << column)))
    return FALSE;
  /* Notes (unusual, may be fine) on request, or when their check is
   * chosen. */
  if (finding->severity == TRI_SEVERITY_INFO && !self->show_notes && check == NULL)
    return FALSE;
  return self->show_dismissed || !tri_checker_get_dismissed (self->checker, finding);
}

static TriCheckItem *selected_item (TriChecksPanel *self);

/* After the list is rebuilt, the cursor on the finding it was on, or the
 * next of its check (one fixed by an edit is gone), where it was seen. */
static void
restore_cursor (TriChecksPanel *self,
                const char     *check,
                guint           row)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  guint best = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) list_row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(TriCheckItem) item = gtk_tree_list_row_get_item (list_row);

      if (item->finding == NULL || !g_str_equal (item->check, check))
        continue;
      best = i;
      if (item->finding->row >= row)
        break;
    }
  if (best == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, best);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", best);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
rebuild (TriChecksPanel *self)
{
  g_autoptr(GHashTable) by_check = g_hash_table_new (g_str_hash, g_str_equal);
  /* The items' findings may be freed already: only the item is read. */
  g_autoptr(TriCheckItem) was = selected_item (self);
  const char *was_check = was != NULL && was->finding != NULL ? was->check : NULL;
  guint was_row = self->cursor_row;
  GPtrArray *findings = self->checker != NULL ? tri_checker_get_findings (self->checker) : NULL;
  guint n_active;
  g_autofree char *title = NULL;

  self->rebuilding = TRUE;
  self->n_shown = 0;
  g_list_store_remove_all (self->groups);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      TriFinding *finding = g_ptr_array_index (findings, i);
      TriCheckItem *item, *group;

      if (!tri_checks_panel_shows (self, finding))
        continue;
      group = g_hash_table_lookup (by_check, finding->check);
      if (group == NULL)
        {
          group = g_object_new (TRI_TYPE_CHECK_ITEM, NULL);
          group->check = finding->check;
          group->children = g_list_store_new (TRI_TYPE_CHECK_ITEM);
          g_hash_table_insert (by_check, (gpointer)finding->check, group);
        }
      item = g_object_new (TRI_TYPE_CHECK_ITEM, NULL);
      item->check = finding->check;
      item->finding = finding;
      item->dismissed = tri_checker_get_dismissed (self->checker, finding);
      g_list_store_append (group->children, item);
      g_object_unref (item);
      self->n_shown++;
    }

  /* In the panel's order, then any check it does not know. */
  for (guint k = 0; k < G_N_ELEMENTS (check_order); k++)
    {
      TriCheckItem *group = g_hash_table_lookup (by_check, check_order[k]);

      if (group != NULL)
        {
          g_list_store_append (self->groups, group);
          g_hash_table_remove (by_check, check_order[k]);
          g_object_unref (group);
        }
    }
  {
    g_autofree gpointer *unknown = g_hash_table_get_keys_as_array (by_check, NULL);
    guint n_unknown = g_hash_table_size (by_check);

    qsort (unknown, n_unknown, sizeof (gpointer), compare_names);
    for (guint k = 0; k < n_unknown; k++)
      {
        TriCheckItem *group = g_hash_table_lookup (by_check, unknown[k]);

        g_list_store_append (self->groups, group);
        g_object_unref (group);
      }
  }

  /* Groups open, but those the user folded. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(TriCheckItem) item = gtk_tree_list_row_get_item (row);

      if (item->finding == NULL)
        gtk_tree_list_row_set_expanded (row, !g_hash_table_contains (self->collapsed, item->check));
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (was_check != NULL)
    restore_cursor (self, was_check, was_row);
  self->rebuilding = FALSE;

  n_active = tri_checks_panel_get_n_active (self);
  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "list" : "empty");
  if (self->checker == NULL)
    adw_status_page_set_description (self->empty_page, NULL);
  else if (tri_checker_get_n_active (self->checker) > 0)
    adw_status_page_set_description (self->empty_page, _("No finding is left with the check and version chosen."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("The versions agree: no quotation, number or name differs, and no sentence is left out."));

  if (n_active > 0)
    /* Translators: the Checks panel's title, with how many findings are not dismissed */
    title = g_strdup_printf (ngettext ("Checks · %u finding", "Checks · %u findings", n_active), n_active);
  else
    title = g_strdup (_("Checks"));
  gtk_label_set_text (self->title_label, title);
  g_signal_emit (self, signals[LISTED], 0);
}

static void
on_checker_changed_cb (TriChecksPanel *self)
{
  rebuild (self);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  TriCheckItem *self = item;

  if (self->children == NULL)
    return NULL;
  return g_object_ref (G_LIST_MODEL (self->children));
}

/* Rows */

static void
on_expanded_cb (GtkTreeListRow *row,
                GParamSpec     *pspec,
                TriChecksPanel *self)
{
  g_autoptr(TriCheckItem) item = gtk_tree_list_row_get_item (row);

  if (self->rebuilding || item == NULL || item->finding != NULL)
    return;
  if (gtk_tree_list_row_get_expanded (row))
    g_hash_table_remove (self->collapsed, item->check);
  else
    g_hash_table_add (self->collapsed, (gpointer)item->check);
}

static void
on_dismiss_clicked_cb (GtkButton      *button,
                       TriChecksPanel *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(TriCheckItem) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (item != NULL && item->finding != NULL)
    tri_checker_set_dismissed (self->checker, item->finding, !item->dismissed);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             TriChecksPanel           *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *dismiss = gtk_button_new ();

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (where), 0.0f);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (message), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), where);
  gtk_box_append (GTK_BOX (texts), message);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (dismiss, GTK_ALIGN_START);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_add_css_class (dismiss, "circular");
  gtk_widget_set_focusable (dismiss, FALSE);
  g_object_set_data (G_OBJECT (dismiss), "list-item", list_item);
  g_signal_connect (dismiss, "clicked", G_CALLBACK (on_dismiss_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), dismiss);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static const char *
severity_icon (TriSeverity severity)
{
  switch (severity)
    {
    case TRI_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case TRI_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case TRI_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

/* "Row 12 · Ukrainian": the version that deviates when the check could
 * tell it, else every version involved ("Row 12 · English, Russian"). */
static char *
describe_where (TriChecksPanel   *self,
                const TriFinding *finding)
{
  g_autoptr(GString) languages = g_string_new (NULL);
  guint shown = finding->odd != 0 ? finding->odd : finding->languages;

  for (guint c = 0; c < tri_alignment_get_n_columns (self->alignment); c++)
    if (shown & (1u << c))
      {
        g_autofree char *name = tri_language_dup_display_name (
          tri_document_get_language (tri_alignment_get_document (self->alignment, c)));

        if (languages->len > 0)
          g_string_append (languages, ", ");
        g_string_append (languages, name);
      }
  /* Translators: a row number and the languages a check finding involves */
  return g_strdup_printf (_("Row %u · %s"), finding->row + 1, languages->str);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            TriChecksPanel           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(TriCheckItem) item = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *where = gtk_widget_get_first_child (texts);
  GtkWidget *message = gtk_widget_get_next_sibling (where);
  GtkWidget *count = gtk_widget_get_next_sibling (texts);
  GtkWidget *dismiss = gtk_widget_get_next_sibling (count);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_expanded_cb), self);

  if (item->finding == NULL)
    {
      char n[16];

      g_snprintf (n, sizeof n, "%u", g_list_model_get_n_items (G_LIST_MODEL (item->children)));
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_set_visible (where, FALSE);
      gtk_widget_set_visible (dismiss, FALSE);
      gtk_widget_set_visible (count, TRUE);
      gtk_label_set_text (GTK_LABEL (count), n);
      gtk_label_set_text (GTK_LABEL (message), tri_check_get_title (item->check));
      gtk_widget_add_css_class (message, "heading");
      gtk_widget_remove_css_class (box, "dismissed");
      gtk_list_item_set_selectable (list_item, FALSE);
      return;
    }

  {
    g_autofree char *place = describe_where (self, item->finding);

    gtk_widget_set_visible (icon, TRUE);
    gtk_widget_set_visible (where, TRUE);
    gtk_widget_set_visible (dismiss, TRUE);
    gtk_widget_set_visible (count, FALSE);
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (item->finding->severity));
    gtk_widget_remove_css_class (icon, "error");
    gtk_widget_remove_css_class (icon, "warning");
    gtk_widget_remove_css_class (icon, "accent");
    gtk_widget_add_css_class (icon, item->finding->severity == TRI_SEVERITY_ERROR ? "error"
                                    : item->finding->severity == TRI_SEVERITY_WARNING ? "warning" : "accent");
    gtk_label_set_text (GTK_LABEL (where), place);
    gtk_label_set_text (GTK_LABEL (message), item->finding->message);
    gtk_widget_remove_css_class (message, "heading");
    gtk_button_set_icon_name (GTK_BUTTON (dismiss), item->dismissed ? "edit-undo-symbolic" : "window-close-symbolic");
    gtk_widget_set_tooltip_text (dismiss, item->dismissed ? _("Bring Back") : _("Dismiss (Delete)"));
    if (item->dismissed)
      gtk_widget_add_css_class (box, "dismissed");
    else
      gtk_widget_remove_css_class (box, "dismissed");
    gtk_list_item_set_selectable (list_item, TRUE);
  }
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TriChecksPanel           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_expanded_cb, self);
}

/* Choosing */

static TriCheckItem *
selected_item (TriChecksPanel *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
on_selected_cb (TriChecksPanel *self)
{
  g_autoptr(TriCheckItem) item = NULL;

  if (self->rebuilding)
    return;
  item = selected_item (self);
  if (item != NULL && item->finding != NULL)
    {
      self->cursor_row = item->finding->row;
      g_signal_emit (self, signals[FINDING_SELECTED], 0, item->finding, FALSE);
    }
}

static void
on_activate_cb (GtkListView    *view,
                guint           position,
                TriChecksPanel *self)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(TriCheckItem) item = gtk_tree_list_row_get_item (row);

  if (item->finding != NULL)
    g_signal_emit (self, signals[FINDING_SELECTED], 0, item->finding, TRUE);
  else
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static gboolean
select_if_finding (TriChecksPanel *self,
                   guint           position)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);
  g_autoptr(TriCheckItem) item = gtk_tree_list_row_get_item (row);

  if (item->finding == NULL)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TriChecksPanel *self = TRI_CHECKS_PANEL (widget);
  g_autoptr(TriCheckItem) item = selected_item (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n;

  if (item == NULL || item->finding == NULL)
    return;
  tri_checker_set_dismissed (self->checker, item->finding, !item->dismissed);

  /* The list is new: the cursor goes to the finding now where it was, or
   * the one before. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint k = MIN (position, n); k < n; k++)
    if (select_if_finding (self, k))
      return;
  for (guint k = MIN (position, n); k-- > 0;)
    if (select_if_finding (self, k))
      return;
}

static void
on_filter_changed_cb (TriChecksPanel *self)
{
  rebuild (self);
}

/* Public */

/**
 * tri_checks_panel_set_checker:
 * @self: a #TriChecksPanel
 * @checker: (nullable): the findings to list
 * @alignment: (nullable): what @checker checks
 */
void
tri_checks_panel_set_checker (TriChecksPanel *self,
                              TriChecker     *checker,
                              TriAlignment   *alignment)
{
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);

  g_return_if_fail (TRI_IS_CHECKS_PANEL (self));

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_checker_changed_cb, self);
  g_set_object (&self->checker, checker);
  g_set_object (&self->alignment, alignment);
  if (checker != NULL)
    g_signal_connect_object (checker, "changed", G_CALLBACK (on_checker_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (languages, _("All Versions"));
  for (guint c = 0; alignment != NULL && c < tri_alignment_get_n_columns (alignment); c++)
    {
      g_autofree char *name = tri_language_dup_display_name (
        tri_document_get_language (tri_alignment_get_document (alignment, c)));

      gtk_string_list_append (languages, name);
    }
  g_signal_handlers_block_by_func (self->language_dropdown, on_filter_changed_cb, self);
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (languages));
  gtk_drop_down_set_selected (self->language_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->language_dropdown, on_filter_changed_cb, self);

  rebuild (self);
}

/**
 * tri_checks_panel_dup_shown:
 * @self: a #TriChecksPanel
 *
 * The findings the panel lists and are not dismissed: what a report holds.
 *
 * Returns: (transfer container) (element-type TriFinding): the checker's
 *   findings, by row
 */
GPtrArray *
tri_checks_panel_dup_shown (TriChecksPanel *self)
{
  GPtrArray *shown = g_ptr_array_new ();
  GPtrArray *findings;

  g_return_val_if_fail (TRI_IS_CHECKS_PANEL (self), shown);

  if (self->checker == NULL)
    return shown;
  findings = tri_checker_get_findings (self->checker);
  for (guint i = 0; i < findings->len; i++)
    {
      TriFinding *finding = g_ptr_array_index (findings, i);

      if (tri_checks_panel_shows (self, finding) && !tri_checker_get_dismissed (self->checker, finding))
        g_ptr_array_add (shown, finding);
    }
  return shown;
}

typedef struct
{
  TriFinding *finding;
  guint       rank;
  guint       index;
} Listed;

static int
compare_listed (gconstpointer a,
                gconstpointer b)
{
  const Listed *x = a, *y = b;
  int by_check;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  /* Checks the panel does not know come last, by name. */
  by_check = x->rank == G_N_ELEMENTS (check_order) ? strcmp (x->finding->check, y->finding->check) : 0;
  if (by_check != 0)
    return by_check;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * tri_checks_panel_dup_listed:
 * @self: a #TriChecksPanel
 *
 * The findings the panel lists and are not dismissed, in the panel's
 * order: by check, as the groups stand, then by row. F6 goes through them
 * in this order.
 *
 * Returns: (transfer container) (element-type TriFinding): the checker's
 *   findings
 */
GPtrArray *
tri_checks_panel_dup_listed (TriChecksPanel *self)
{
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (Listed));
  GPtrArray *ordered;

  g_return_val_if_fail (TRI_IS_CHECKS_PANEL (self), g_ptr_array_new ());

  shown = tri_checks_panel_dup_shown (self);
  for (guint i = 0; i < shown->len; i++)
    {
      TriFinding *finding = g_ptr_array_index (shown, i);
      Listed item = { finding, check_rank (finding->check), i };

      g_array_append_val (listed, item);
    }
  g_array_sort (listed, compare_listed);

  ordered = g_ptr_array_sized_new (listed->len);
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (ordered, g_array_index (listed, Listed, i).finding);
  return ordered;
}

/**
 * tri_checks_panel_get_n_active:
 * @self: a #TriChecksPanel
 *
 * Returns: how many findings the panel lists that are not dismissed
 */
guint
tri_checks_panel_get_n_active (TriChecksPanel *self)
{
  g_autoptr(GPtrArray) shown = NULL;

  g_return_val_if_fail (TRI_IS_CHECKS_PANEL (self), 0);

  shown = tri_checks_panel_dup_shown (self);
  return shown->len;
}

/**
 * tri_checks_panel_get_n_shown:
 * @self: a #TriChecksPanel
 *
 * Returns: how many findings the panel lists
 */
guint
tri_checks_panel_get_n_shown (TriChecksPanel *self)
{
  g_return_val_if_fail (TRI_IS_CHECKS_PANEL (self), 0);

  return self->n_shown;
}

/**
 * tri_checks_panel_select:
 * @self: a #TriChecksPanel
 * @finding: one of the checker's findings
 *
 * Puts the list's cursor on @finding (opening its group), without
 * emitting #TriChecksPanel::finding-selected.
 */
void
tri_checks_panel_select (TriChecksPanel   *self,
                         const TriFinding *finding)
{
  g_return_if_fail (TRI_IS_CHECKS_PANEL (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(TriCheckItem) item = gtk_tree_list_row_get_item (row);

      if (item->finding == NULL && g_str_equal (item->check, finding->check))
        gtk_tree_list_row_set_expanded (row, TRUE);
      else if (item->finding == finding)
        {
          self->cursor_row = finding->row;
          self->rebuilding = TRUE;
          gtk_single_selection_set_selected (self->selection, i);
          self->rebuilding = FALSE;
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

/* GObject */

static void
tri_checks_panel_dispose (GObject *object)
{
  TriChecksPanel *self = (TriChecksPanel *)object;
  GtkWidget *child;

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_checker_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRI_TYPE_CHECKS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->groups);
  g_clear_object (&self->checker);
  g_clear_object (&self->alignment);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);

  G_OBJECT_CLASS (tri_checks_panel_parent_class)->dispose (object);
}

static void
tri_checks_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TriChecksPanel *self = TRI_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_DISMISSED:
      g_value_set_boolean (value, self->show_dismissed);
      break;

    case PROP_SHOW_NOTES:
      g_value_set_boolean (value, self->show_notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_checks_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TriChecksPanel *self = TRI_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_DISMISSED:
      if (self->show_dismissed != g_value_get_boolean (value))
        {
          self->show_dismissed = g_value_get_boolean (value);
          rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_NOTES:
      if (self->show_notes != g_value_get_boolean (value))
        {
          self->show_notes = g_value_get_boolean (value);
          rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
tri_checks_panel_grab_focus (GtkWidget *widget)
{
  TriChecksPanel *self = TRI_CHECKS_PANEL (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
tri_checks_panel_class_init (TriChecksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_checks_panel_dispose;
  object_class->get_property = tri_checks_panel_get_property;
  object_class->set_property = tri_checks_panel_set_property;
  widget_class->grab_focus = tri_checks_panel_grab_focus;

  /**
   * TriChecksPanel:show-dismissed:
   *
   * Whether dismissed findings are listed too (dimmed), to be brought
   * back.
   */
  properties [PROP_SHOW_DISMISSED] =
    g_param_spec_boolean ("show-dismissed", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TriChecksPanel:show-notes:
   *
   * Whether notes (findings of info severity: unusual, may be fine, such
   * as a name only one version has, or an unusual length ratio) are
   * listed when no check is chosen.
   */
  properties [PROP_SHOW_NOTES] =
    g_param_spec_boolean ("show-notes", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TriChecksPanel::finding-selected:
   * @finding: (type gpointer): the #TriFinding chosen
   * @activated: whether it was activated (Return, a double click), not
   *   only selected
   */
  signals [FINDING_SELECTED] =
    g_signal_new ("finding-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_BOOLEAN);

  /**
   * TriChecksPanel::listed:
   *
   * The findings listed changed: the checker's, or the panel's choice
   * of check, version, notes or dismissed ones.
   */
  signals [LISTED] =
    g_signal_new ("listed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_property_action (widget_class, "checks.show-dismissed", "show-dismissed");
  gtk_widget_class_install_property_action (widget_class, "checks.show-notes", "show-notes");
  gtk_widget_class_install_action (widget_class, "checks.dismiss", NULL, dismiss_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "checks.dismiss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "checks.dismiss", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checkspanel");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/tri-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TriChecksPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, TriChecksPanel, check_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TriChecksPanel, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TriChecksPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, TriChecksPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, TriChecksPanel, empty_page);
}

static void
tri_checks_panel_init (TriChecksPanel *self)
{
  g_autoptr(GtkStringList) checks = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->collapsed = g_hash_table_new (g_str_hash, g_str_equal);
  self->groups = g_list_store_new (TRI_TYPE_CHECK_ITEM);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)), FALSE, FALSE,
                                        create_children_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);

  gtk_string_list_append (checks, _("All Checks"));
  for (guint k = 0; k < G_N_ELEMENTS (check_order); k++)
    gtk_string_list_append (checks, tri_check_get_title (check_order[k]));
  gtk_drop_down_set_model (self->check_dropdown, G_LIST_MODEL (checks));
  g_signal_connect_swapped (self->check_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->language_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);

  rebuild (self);
}

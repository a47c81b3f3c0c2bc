/* tri-cell-text.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-cell-text"

#include "config.h"

#include "tri-cell-text.h"

#include <pango/pangocairo.h>

/* The text of a wrapped grid cell: read-only, wrapped at the width it is
 * given, as tall as it then is.
 *
 * Why not a GtkLabel: a cell bound to a new row is measured by GTK 4.8 for
 * its width with no height (to clamp the width it is offered), for its
 * height at its width, and allocated; a wrapped GtkLabel lays its text out
 * anew for each (at 20 and 40 characters for the first, then on a copy of
 * its layout), four layouts of every sentence on screen where one does,
 * and a grid re-binds 200 rows (600 cells) when its rows are replaced.
 * This widget asks for no width of its own (the cell decides it) and
 * keeps one layout, laid out at the width it was last measured or
 * allocated at.
 *
 * Cells of one grid share a cache of plain layouts (no underline or
 * highlight), by text, width and font: GTK 4.8 binds a row to another of
 * its cells as it pages, and the grid lays out the rows about to come into
 * view while the main loop is idle (tri_cell_text_prepare()), so a Page
 * Down binds rows whose text is laid out already — it was a tenth of the
 * press (`bench-grid` under callgrind). */

/* The grid's line spacing (a CSS line-height a custom widget cannot read
 * in GTK 4.8). */
#define LINE_HEIGHT 1.3

struct _TriCellText
{
  GtkWidget      parent_instance;

  char          *text;
  PangoAttrList *attributes;   /* as set, or NULL */
  PangoLayout   *layout;       /* NULL until measured; may be the cache's */
  int            layout_width; /* what it is laid out at, in pixels; -1 unwrapped */
  int            height;       /* the layout's, or -1 until asked */
  gboolean       plain;        /* no attributes of its own: the cache serves it */
  TriCellTextCache *cache;     /* or NULL */
};

struct _TriCellTextCache
{
  GHashTable *layouts;  /* key (see cache_key()) → GList link in lru */
  GQueue      lru;      /* CacheEntry, most recently used first */
  guint       size;
};

typedef struct
{
  char        *key;
  PangoLayout *layout;
} CacheEntry;

G_DEFINE_FINAL_TYPE (TriCellText, tri_cell_text, GTK_TYPE_WIDGET)

static PangoAttrList *
layout_attributes (TriCellText *self)
{
  PangoAttrList *attrs = self->attributes != NULL ? pango_attr_list_copy (self->attributes)
                                                  : pango_attr_list_new ();

  pango_attr_list_insert_before (attrs, pango_attr_line_height_new (LINE_HEIGHT));
  return attrs;
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_free (entry->key);
  g_object_unref (entry->layout);
  g_free (entry);
}

/**
 * tri_cell_text_cache_new:
 * @size: how many layouts it keeps
 *
 * Returns: (transfer full): a new cache of laid-out cell texts, for the
 *   cells of one grid (tri_cell_text_set_cache())
 */
TriCellTextCache *
tri_cell_text_cache_new (guint size)
{
  TriCellTextCache *cache = g_rc_box_new0 (TriCellTextCache);

  cache->layouts = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&cache->lru);
  cache->size = MAX (size, 1);
  return cache;
}

/**
 * tri_cell_text_cache_ref:
 * @cache: a #TriCellTextCache
 *
 * Returns: (transfer full): @cache
 */
TriCellTextCache *
tri_cell_text_cache_ref (TriCellTextCache *cache)
{
  return g_rc_box_acquire (cache);
}

static void
cache_clear (gpointer data)
{
  TriCellTextCache *cache = data;

  g_hash_table_destroy (cache->layouts);
  g_queue_clear_full (&cache->lru, cache_entry_free);
}

/**
 * tri_cell_text_cache_unref:
 * @cache: a #TriCellTextCache
 */
void
tri_cell_text_cache_unref (TriCellTextCache *cache)
{
  g_rc_box_release_full (cache, cache_clear);
}

/* What a plain layout of @text depends on besides the text: the width it
 * wraps at and everything of @widget's font (a zoom, the system's font,
 * its hinting and resolution). */
static char *
cache_key (GtkWidget  *widget,
           int         width,
           const char *text)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));

  return g_strdup_printf ("%d\x1f%g\x1f%lu\x1f%s\x1f%s", width, pango_cairo_context_get_resolution (context),
                          options != NULL ? cairo_font_options_hash (options) : 0, font, text);
}

static PangoLayout *
cache_lookup (TriCellTextCache *cache,
              const char       *key)
{
  GList *link = g_hash_table_lookup (cache->layouts, key);

  if (link == NULL)
    return NULL;
  g_queue_unlink (&cache->lru, link);
  g_queue_push_head_link (&cache->lru, link);
  return ((CacheEntry *)link->data)->layout;
}

static void
cache_insert (TriCellTextCache *cache,
              char             *key,
              PangoLayout      *layout)
{
  CacheEntry *entry = g_new (CacheEntry, 1);

  entry->key = key;
  entry->layout = g_object_ref (layout);
  g_queue_push_head (&cache->lru, entry);
  g_hash_table_insert (cache->layouts, entry->key, cache->lru.head);
  while (cache->lru.length > cache->size)
    {
      CacheEntry *old = g_queue_pop_tail (&cache->lru);

      g_hash_table_remove (cache->layouts, old->key);
      cache_entry_free (old);
    }
}

static PangoLayout *
new_layout (TriCellText *self,
            const char  *text,
            int          width)
{
  g_autoptr(PangoAttrList) attrs = layout_attributes (self);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  return layout;
}

static PangoLayout *
ensure_layout (TriCellText *self,
               int          width)
{
  if (self->layout != NULL && width == self->layout_width)
    return self->layout;

  /* A layout from the cache is shared: never wrapped anew in place. */
  g_clear_object (&self->layout);
  self->layout_width = width;
  self->height = -1;
  if (self->cache != NULL && self->plain && width > 0)
    {
      g_autofree char *key = cache_key (GTK_WIDGET (self), width, self->text);
      PangoLayout *layout = cache_lookup (self->cache, key);

      if (layout != NULL)
        self->layout = g_object_ref (layout);
      else
        {
          self->layout = new_layout (self, self->text, width);
          cache_insert (self->cache, g_steal_pointer (&key), self->layout);
        }
    }
  else
    self->layout = new_layout (self, self->text, width);
  return self->layout;
}

static void
invalidate (TriCellText *self)
{
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static GtkSizeRequestMode
tri_cell_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tri_cell_text_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  TriCellText *self = TRI_CELL_TEXT (widget);
  int height;

  /* No width of its own: the grid's cell gives it one. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  /* A cell is measured more than once for one width: the row view plans
   * a row, then lays it out (and GTK 4.8's column view, which
   * bench-row-widgets compares with, measured every cell of a column
   * again whenever one was bound to another row, some 1,200 measures a
   * Page Down). The layout's extents, summed over its lines each time,
   * were half the cost of laying the new rows out there. */
  if (ensure_layout (self, for_size) != NULL && self->height < 0)
    pango_layout_get_pixel_size (self->layout, NULL, &self->height);
  height = self->height;
  *minimum = *natural = height;
}

static void
tri_cell_text_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ensure_layout (TRI_CELL_TEXT (widget), width);
}

static void
tri_cell_text_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  TriCellText *self = TRI_CELL_TEXT (widget);
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0')
    return;
  /* gtk_widget_get_color() is GTK 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_append_layout (snapshot, ensure_layout (self, gtk_widget_get_width (widget)), &color);
}

/* A new font (zoom, the system's font or its scaling). */
static void
tri_cell_text_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tri_cell_text_parent_class)->css_changed (widget, change);
  invalidate (TRI_CELL_TEXT (widget));
}

static void
tri_cell_text_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (tri_cell_text_parent_class)->system_setting_changed (widget, setting);
  invalidate (TRI_CELL_TEXT (widget));
}

static void
tri_cell_text_finalize (GObject *object)
{
  TriCellText *self = (TriCellText *)object;

  g_free (self->text);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  g_clear_pointer (&self->cache, tri_cell_text_cache_unref);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (tri_cell_text_parent_class)->finalize (object);
}

static void
tri_cell_text_class_init (TriCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tri_cell_text_finalize;
  widget_class->get_request_mode = tri_cell_text_get_request_mode;
  widget_class->measure = tri_cell_text_measure;
  widget_class->size_allocate = tri_cell_text_size_allocate;
  widget_class->snapshot = tri_cell_text_snapshot;
  widget_class->css_changed = tri_cell_text_css_changed;
  widget_class->system_setting_changed = tri_cell_text_system_setting_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
tri_cell_text_init (TriCellText *self)
{
  self->text = g_strdup ("");
  self->layout_width = -1;
  self->height = -1;
  self->plain = TRUE;
}

/**
 * tri_cell_text_new:
 *
 * Returns: (transfer full): a new, empty #TriCellText
 */
GtkWidget *
tri_cell_text_new (void)
{
  return g_object_new (TRI_TYPE_CELL_TEXT, NULL);
}

/**
 * tri_cell_text_set_text:
 * @self: a #TriCellText
 * @text: (nullable): what to show
 */
void
tri_cell_text_set_text (TriCellText *self,
                        const char  *text)
{
  g_return_if_fail (TRI_IS_CELL_TEXT (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  invalidate (self);
}

/**
 * tri_cell_text_get_text:
 * @self: a #TriCellText
 *
 * Returns: the text shown
 */
const char *
tri_cell_text_get_text (TriCellText *self)
{
  g_return_val_if_fail (TRI_IS_CELL_TEXT (self), NULL);

  return self->text;
}

static gboolean
find_sized (PangoAttribute *attribute,
            gpointer        user_data)
{
  switch ((int)attribute->klass->type)
    {
    case PANGO_ATTR_FOREGROUND:
    case PANGO_ATTR_BACKGROUND:
    case PANGO_ATTR_FOREGROUND_ALPHA:
    case PANGO_ATTR_BACKGROUND_ALPHA:
    case PANGO_ATTR_UNDERLINE:
    case PANGO_ATTR_UNDERLINE_COLOR:
    case PANGO_ATTR_STRIKETHROUGH:
    case PANGO_ATTR_STRIKETHROUGH_COLOR:
    case PANGO_ATTR_OVERLINE:
    case PANGO_ATTR_OVERLINE_COLOR:
      break;
    default:
      *(gboolean *)user_data = TRUE;
    }
  return FALSE;   /* keep it */
}

/* Whether @attributes may change the text's size (a weight, a font),
 * not only how it is painted. */
static gboolean
changes_size (PangoAttrList *attributes)
{
  gboolean sized = FALSE;

  if (attributes != NULL)
    {
      PangoAttrList *removed = pango_attr_list_filter (attributes, find_sized, &sized);

      g_clear_pointer (&removed, pango_attr_list_unref);
    }
  return sized;
}

static gboolean
is_plain (PangoAttrList *attributes)
{
  GSList *found = attributes != NULL ? pango_attr_list_get_attributes (attributes) : NULL;
  gboolean plain = found == NULL;

  g_slist_free_full (found, (GDestroyNotify)pango_attribute_destroy);
  return plain;
}

/**
 * tri_cell_text_set_attributes:
 * @self: a #TriCellText
 * @attributes: (nullable): Pango attributes of the text (underlines,
 *   backgrounds: what does not change its size)
 */
void
tri_cell_text_set_attributes (TriCellText   *self,
                              PangoAttrList *attributes)
{
  gboolean sized;

  g_return_if_fail (TRI_IS_CELL_TEXT (self));

  /* A row bound again (GTK 4.8 re-binds every realized row when the rows
   * are replaced) usually has the attributes it had. */
  if (attributes == self->attributes ||
      (attributes != NULL && self->attributes != NULL && pango_attr_list_equal (attributes, self->attributes)))
    return;
  sized = changes_size (self->attributes);
  if (attributes != NULL)
    pango_attr_list_ref (attributes);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  self->attributes = attributes;
  self->plain = is_plain (attributes);
  /* Laid out anew with them (the cache's layouts are never changed). */
  g_clear_object (&self->layout);
  /* Compare Wording's marks may set a word's weight: its width. Colours
   * and lines alone (misspellings, the word pointed at and its
   * counterparts, a finding) keep the size: a resize makes the row be
   * measured and laid out again (in GTK 4.8's column view, every cell of
   * the column) at each motion of the pointer over a word. */
  if (sized || changes_size (attributes))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tri_cell_text_get_attributes:
 * @self: a #TriCellText
 *
 * Returns: (transfer none) (nullable): the attributes set
 */
PangoAttrList *
tri_cell_text_get_attributes (TriCellText *self)
{
  g_return_val_if_fail (TRI_IS_CELL_TEXT (self), NULL);

  return self->attributes;
}

/**
 * tri_cell_text_get_layout:
 * @self: a #TriCellText
 *
 * Returns: (transfer none): the layout shown, at the widget's width, its
 *   origin the widget's
 */
PangoLayout *
tri_cell_text_get_layout (TriCellText *self)
{
  g_return_val_if_fail (TRI_IS_CELL_TEXT (self), NULL);

  return ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

/**
 * tri_cell_text_set_cache:
 * @self: a #TriCellText
 * @cache: (nullable): the cache of the grid @self is in
 *
 * Shares the layouts of plain texts with the other cells of @cache.
 */
void
tri_cell_text_set_cache (TriCellText      *self,
                         TriCellTextCache *cache)
{
  g_return_if_fail (TRI_IS_CELL_TEXT (self));

  if (cache == self->cache)
    return;
  if (cache != NULL)
    tri_cell_text_cache_ref (cache);
  g_clear_pointer (&self->cache, tri_cell_text_cache_unref);
  self->cache = cache;
  g_clear_object (&self->layout);
  self->layout_width = -1;
}

/**
 * tri_cell_text_prepare:
 * @self: a #TriCellText with a cache, laid out at least once
 * @text: a text it may be given
 *
 * Lays @text out as @self would show it (its font, its width, no
 * underline or highlight) and keeps it in @self's cache, for whichever
 * cell of the grid is given @text next. Nothing when it is there already.
 *
 * Returns: whether @text is laid out in the cache now (%FALSE when @self
 *   has no cache or no width yet)
 */
gboolean
tri_cell_text_prepare (TriCellText *self,
                       const char  *text)
{
  g_autofree char *key = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (TRI_IS_CELL_TEXT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->cache == NULL || self->layout_width <= 0)
    return FALSE;
  key = cache_key (GTK_WIDGET (self), self->layout_width, text);
  if (cache_lookup (self->cache, key) != NULL)
    return TRUE;

  /* A plain layout whatever @self shows now. */
  {
    PangoAttrList *own = g_steal_pointer (&self->attributes);

    layout = new_layout (self, text, self->layout_width);
    self->attributes = own;
  }
  pango_layout_get_pixel_size (layout, NULL, NULL);
  cache_insert (self->cache, g_steal_pointer (&key), layout);
  return TRUE;
}

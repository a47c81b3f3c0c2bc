/* tri-format-html.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-format-html"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "tri-error.h"
#include "tri-format.h"
#include "tri-format-private.h"
#include "tri-text-source.h"

/* A saved web page: the article, without the page around it.
 *
 * The bytes are decoded first, as a text file is (the charset from a BOM,
 * else <meta charset> or http-equiv, else detected), and the UTF-8 parsed
 * with libxml2's HTML parser (no network; HTML has no external entities).
 * The article is the <article> holding the most text, else <main>, else
 * the element holding the densest run of paragraph text. Inside it, what
 * is not the report is left out: scripts, styles, forms, navigation,
 * asides, and blocks whose class, id or role says they are banners,
 * cookie notices, share bars, related links and the like, and lists made
 * of links. Headings, paragraphs, list items, quotes, captions and table
 * cells become paragraphs; <br> a line break. */

/* Elements never part of the text. */
static const char * const skipped_elements[] = {
  "script", "style", "noscript", "template", "svg", "math", "iframe", "form", "button", "select",
  "textarea", "input", "nav", "aside", "object", "embed", "canvas", "video", "audio", "map",
  "dialog", "head", "menu", "label",
};

/* Elements that break paragraphs. */
static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table",
  "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "legend", "option", "title",
};

/* Words in a class or id that mark page furniture. */
static const char * const furniture_words[] = {
  "ad", "ads", "adv", "advert", "advertisement", "banner", "breadcrumb", "breadcrumbs", "comment",
  "comments", "consent", "cookie", "cookies", "gdpr", "menu", "modal", "nav", "navbar",
  "navigation", "newsletter", "outbrain", "paywall", "popup", "promo", "recommended", "related",
  "share", "sharing", "sidebar", "signup", "social", "sponsor", "sponsored", "subscribe",
  "subscription", "taboola", "tags", "toolbar", "widget",
};

/* ARIA roles of furniture. */
static const char * const furniture_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert",
  "alertdialog", "menu", "menubar", "toolbar",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

static gboolean
has_furniture_word (const char *value)
{
  g_auto(GStrv) words = NULL;

  if (value == NULL)
    return FALSE;

  words = g_regex_split_simple ("[^A-Za-z0-9]+", value, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && in_list (words[i], furniture_words, G_N_ELEMENTS (furniture_words)))
      return TRUE;
  return FALSE;
}

/* Whether an element and all it holds are left out, for what it is. */
static gboolean
is_furniture (xmlNode *node)
{
  g_autofree char *cls = NULL, *id = NULL, *role = NULL, *hidden = NULL, *aria = NULL, *style = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (in_list ((const char *)node->name, skipped_elements, G_N_ELEMENTS (skipped_elements)))
    return TRUE;
  if (is_element (node, "body") || is_element (node, "html"))
    return FALSE;

  hidden = get_attr (node, "hidden");
  aria = get_attr (node, "aria-hidden");
  style = get_attr (node, "style");
  if (hidden != NULL || g_strcmp0 (aria, "true") == 0 ||
      (style != NULL && g_regex_match_simple ("display\\s*:\\s*none", style, G_REGEX_CASELESS, 0)))
    return TRUE;

  role = get_attr (node, "role");
  if (role != NULL && in_list (role, furniture_roles, G_N_ELEMENTS (furniture_roles)))
    return TRUE;

  cls = get_attr (node, "class");
  id = get_attr (node, "id");
  return has_furniture_word (cls) || has_furniture_word (id);
}

/* The characters of text under @node that is not furniture, and how many
 * of them are inside links. */
static void
measure (xmlNode *node,
         gsize   *text,
         gsize   *linked,
         gboolean in_link)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          gsize n = 0;

          for (const xmlChar *p = child->content; p != NULL && *p != '\0'; p++)
            n += !g_ascii_isspace (*p);
          *text += n;
          if (in_link)
            *linked += n;
        }
      else if (child->type == XML_ELEMENT_NODE && !is_furniture (child))
        measure (child, text, linked, in_link || is_element (child, "a"));
    }
}

/* A list or box that is mostly links (related articles, tags, a menu
 * without a class). */
static gboolean
is_link_list (xmlNode *node)
{
  gsize text = 0, linked = 0, links = 0;

  if (!is_element (node, "ul") && !is_element (node, "ol") && !is_element (node, "div") &&
      !is_element (node, "section") && !is_element (node, "dl") && !is_element (node, "table"))
    return FALSE;

  measure (node, &text, &linked, FALSE);
  if (text == 0)
    return FALSE;

  /* Count the links: one link alone is a paragraph with a link. */
  for (xmlNode *n = node->children; n != NULL && links < 2; )
    {
      if (is_element (n, "a"))
        links++;
      if (n->type == XML_ELEMENT_NODE && n->children != NULL && !is_element (n, "a"))
        n = n->children;
      else
        {
          while (n != NULL && n->next == NULL && n != node)
            {
              n = n->parent;
              if (n == node)
                n = NULL;
            }
          if (n != NULL)
            n = n->next;
        }
    }

  return links >= 2 && linked * 10 >= text * 7;
}

static void
walk (xmlNode        *node,
      TriTextBuilder *builder)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            tri_text_builder_text (builder, (const char *)child->content, -1);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_furniture (child) || is_link_list (child))
        continue;

      if (is_element (child, "br"))
        {
          tri_text_builder_line (builder);
          continue;
        }

      if (in_list ((const char *)child->name, block_elements, G_N_ELEMENTS (block_elements)))
        {
          gboolean pre = is_element (child, "pre");
          gboolean was = builder->preserve;

          tri_text_builder_paragraph (builder);
          builder->preserve = was || pre;
          walk (child, builder);
          builder->preserve = was;
          tri_text_builder_paragraph (builder);
        }
      else
        {
          /* Inline: cells of a row are paragraphs too (td, th are blocks). */
          walk (child, builder);
        }
    }
}

static void
find_elements (xmlNode    *node,
               const char *name,
               const char *role,
               GPtrArray  *found)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *r = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_furniture (child))
        continue;
      if (role != NULL)
        r = get_attr (child, "role");
      if (is_element (child, name) || (r != NULL && g_ascii_strcasecmp (r, role) == 0))
        g_ptr_array_add (found, child);
      find_elements (child, name, role, found);
    }
}

static xmlNode *
largest (GPtrArray *nodes)
{
  xmlNode *best = NULL;
  gsize best_text = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      gsize text = 0, linked = 0;

      measure (nodes->pdata[i], &text, &linked, FALSE);
      if (text > linked && text - linked > best_text)
        {
          best_text = text - linked;
          best = nodes->pdata[i];
        }
    }
  return best;
}

/* The element holding the densest run of paragraph text: every paragraph
 * counts for its parent, half for its grandparent. */
static xmlNode *
densest (xmlNode *body)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
  g_autoptr(GHashTable) scores = g_hash_table_new (NULL, NULL);
  xmlNode *best = NULL;
  gsize best_score = 0;

  find_elements (body, "p", NULL, paragraphs);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      xmlNode *p = paragraphs->pdata[i];
      gsize text = 0, linked = 0;

      measure (p, &text, &linked, FALSE);
      if (text < 20 || linked * 2 > text)
        continue;
      for (guint up = 0; up < 2 && p->parent != NULL && p->parent->type == XML_ELEMENT_NODE; up++)
        {
          gsize score;

          p = p->parent;
          score = GPOINTER_TO_SIZE (g_hash_table_lookup (scores, p)) + (up == 0 ? text : text / 2);
          g_hash_table_insert (scores, p, GSIZE_TO_POINTER (score));
          if (score > best_score)
            {
              best_score = score;
              best = p;
            }
        }
    }
  return best;
}

static gboolean
contains (xmlNode *ancestor,
          xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* Whether @node is inside furniture (or the site's header or footer). */
static gboolean
inside_furniture (xmlNode *node)
{
  for (xmlNode *n = node->parent; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (is_furniture (n) || is_element (n, "footer"))
      return TRUE;
  return FALSE;
}

static xmlNode *
find_body (xmlNode *root)
{
  for (xmlNode *n = root; n != NULL; n = n->next)
    {
      xmlNode *found;

      if (is_element (n, "body"))
        return n;
      if (n->type == XML_ELEMENT_NODE && (found = find_body (n->children)) != NULL)
        return found;
    }
  return NULL;
}

/* The charset a page declares in its first bytes: <meta charset="…"> or
 * <meta http-equiv="Content-Type" content="text/html; charset=…">. */
static char *
declared_charset (const guint8 *data,
                  gsize         length)
{
  g_autofree char *head = g_ascii_strdown ((const char *)data, (gssize)MIN (length, (gsize)8192));
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<meta[^>]*charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:-]+)",
                                         G_REGEX_RAW, 0, NULL);

  if (g_regex_match (regex, head, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

char *
tri_format_html_extract (const guint8  *data,
                         gsize          length,
                         const char    *name,
                         const char    *encoding,
                         char         **encoding_used,
                         char         **language,
                         GError       **error)
{
  g_autoptr(TriDecodedText) decoded = NULL;
  g_autofree char *charset = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  TriTextBuilder builder;
  htmlDocPtr doc;
  xmlNode *body, *root;
  char *text;

  if (encoding == NULL && !(length >= 2 && (data[0] == 0xFF || data[0] == 0xFE || data[0] == 0xEF)))
    {
      charset = declared_charset (data, length);
      /* Pages declare "utf8", "cp1251", "x-user-defined" … ICU knows most. */
      if (charset != NULL && !tri_text_source_encoding_is_known (charset))
        g_clear_pointer (&charset, g_free);
    }

  decoded = tri_text_source_decode (data, length, name, encoding != NULL ? encoding : charset, error);
  if (decoded == NULL)
    return NULL;

  /* The text is UTF-8 now, whatever its <meta> says. */
  doc = htmlReadMemory (decoded->text, (int)MIN (decoded->length, (gsize)G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER);
  if (doc == NULL)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   _("“%s” could not be read as a web page"), name);
      return NULL;
    }

  if (language != NULL)
    {
      xmlNode *html = xmlDocGetRootElement (doc);

      *language = html != NULL ? get_attr (html, "lang") : NULL;
    }

  body = find_body (xmlDocGetRootElement (doc));
  if (body == NULL)
    body = xmlDocGetRootElement (doc);

  tri_text_builder_init (&builder);

  if (body != NULL)
    {
      find_elements (body, "article", NULL, candidates);
      root = largest (candidates);
      if (root == NULL)
        {
          g_ptr_array_set_size (candidates, 0);
          find_elements (body, "main", "main", candidates);
          root = largest (candidates);
        }
      if (root == NULL)
        root = densest (body);
      if (root == NULL)
        root = body;

      /* A headline set above the article. */
      if (root != body)
        {
          g_autoptr(GPtrArray) headlines = g_ptr_array_new ();

          find_elements (root, "h1", NULL, headlines);
          if (headlines->len == 0)
            {
              find_elements (body, "h1", NULL, headlines);
              for (guint i = 0; i < headlines->len; i++)
                {
                  xmlNode *h1 = headlines->pdata[i];

                  if (!contains (root, h1) && !inside_furniture (h1))
                    {
                      tri_text_builder_paragraph (&builder);
                      walk (h1, &builder);
                      tri_text_builder_paragraph (&builder);
                      break;
                    }
                }
            }
        }

      walk (root, &builder);
    }

  xmlFreeDoc (doc);

  if (encoding_used != NULL)
    *encoding_used = g_strdup (decoded->encoding);

  text = tri_text_builder_finish (&builder);
  return text;
}

/**
 * tri_format_extract_html:
 * @data: the bytes of a web page
 * @length: their length
 * @name: its name, for messages
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Returns: (transfer full) (nullable): the article's text, paragraphs
 *   separated by blank lines
 */
char *
tri_format_extract_html (const guint8  *data,
                         gsize          length,
                         const char    *name,
                         GError       **error)
{
  return tri_format_html_extract (data, length, name, NULL, NULL, NULL, error);
}

/* tri-format-office.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-format-office"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <zip.h>

#include "tri-error.h"
#include "tri-format.h"
#include "tri-format-private.h"

/* Word (DOCX) and OpenDocument (ODT) files: a zip holding XML.
 *
 * The zip is read with libzip rather than libarchive: both are maintained
 * and in Debian, but we need two named members out of an archive in
 * memory, which is what libzip does (zip_source_buffer, zip_name_locate,
 * the central directory's sizes); libarchive streams members in order and
 * would have us scan the whole archive for them. Each member is read
 * with its unpacked size capped and checked against its packed size, so a
 * zip bomb stops after the cap, not when memory runs out.
 *
 * The XML is parsed by libxml2 without network access and without entity
 * substitution or DTD loading; a part that declares a document type or
 * entities is refused (office files never do: it is how XXE and expansion
 * bombs come, see the TMX reader in tri-import.c).
 *
 * DOCX: every w:p a paragraph (headings, list items, table cells are
 * paragraphs), w:tab a tab, w:br and w:cr a line break; tracked
 * insertions (w:ins) kept, deletions (w:del) left out; field codes
 * (w:instrText) left out, their results kept; footnotes, endnotes and
 * comments live in other parts, which are not read. The text of a text
 * box is read once (mc:Fallback repeats it).
 *
 * ODT: text:h and text:p paragraphs, text:s spaces, text:tab, text:line-break;
 * notes (text:note), annotations and the deleted text of tracked changes
 * (text:tracked-changes) left out. */

static void
set_corrupt (GError     **error,
             const char  *name,
             const char  *kind,
             const char  *problem)
{
  g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
               /* Translators: a file name, a format such as “DOCX”, then what is wrong */
               _("“%s” is not a readable %s document: %s"), name, kind, problem);
}

/* The bytes of one member of the archive, capped. */
static GBytes *
read_member (zip_t       *zip,
             const char  *member,
             const char  *name,
             const char  *kind,
             GError     **error)
{
  zip_int64_t index = zip_name_locate (zip, member, 0);
  zip_stat_t st;
  zip_file_t *file;
  GByteArray *bytes;
  guint8 buffer[64 * 1024];
  zip_int64_t n;

  if (index < 0)
    {
      g_autofree char *problem = g_strdup_printf (_("it has no part “%s”"), member);

      set_corrupt (error, name, kind, problem);
      return NULL;
    }

  zip_stat_init (&st);
  if (zip_stat_index (zip, (zip_uint64_t)index, 0, &st) != 0)
    {
      set_corrupt (error, name, kind, zip_strerror (zip));
      return NULL;
    }

  /* The sizes the directory claims; the loop below counts what it gets. */
  if (((st.valid & ZIP_STAT_SIZE) && st.size > TRI_FORMAT_ZIP_MAX_PART) ||
      ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > 1024 * 1024 &&
       st.size / MAX (st.comp_size, 1) > TRI_FORMAT_ZIP_MAX_RATIO))
    goto bomb;

  file = zip_fopen_index (zip, (zip_uint64_t)index, 0);
  if (file == NULL)
    {
      set_corrupt (error, name, kind, zip_strerror (zip));
      return NULL;
    }

  bytes = g_byte_array_new ();
  while ((n = zip_fread (file, buffer, sizeof buffer)) > 0)
    {
      g_byte_array_append (bytes, buffer, (guint)n);
      if (bytes->len > TRI_FORMAT_ZIP_MAX_PART ||
          ((st.valid & ZIP_STAT_COMP_SIZE) && bytes->len > 1024 * 1024 &&
           bytes->len / MAX (st.comp_size, 1) > TRI_FORMAT_ZIP_MAX_RATIO))
        {
          zip_fclose (file);
          g_byte_array_unref (bytes);
          goto bomb;
        }
    }

  if (n < 0)
    {
      set_corrupt (error, name, kind, zip_file_strerror (file));
      zip_fclose (file);
      g_byte_array_unref (bytes);
      return NULL;
    }
  zip_fclose (file);

  return g_byte_array_free_to_bytes (bytes);

bomb:
  {
    g_autofree char *limit = g_format_size (TRI_FORMAT_ZIP_MAX_PART);

    g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE,
                 /* Translators: a file name, a part's name inside it, a size such as “256 MB” */
                 _("“%s” is refused: its part “%s” unpacks to far more than it holds "
                   "(a zip bomb?); the limit is %s and %d times its packed size"),
                 name, member, limit, TRI_FORMAT_ZIP_MAX_RATIO);
    return NULL;
  }
}

static zip_t *
open_zip (const guint8  *data,
          gsize          length,
          const char    *name,
          const char    *kind,
          GError       **error)
{
  zip_error_t zerr;
  zip_source_t *source;
  zip_t *zip;

  if (length == 0)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   _("“%s” is empty: there is no %s document in it"), name, kind);
      return NULL;
    }

  if (length < 4 || memcmp (data, "PK\003\004", 4) != 0)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   /* Translators: a file name, then a format such as “DOCX” */
                   _("“%s” is not a %s document: it is named like one, but it holds something else "
                     "(plain text, perhaps: rename it)"), name, kind);
      return NULL;
    }

  zip_error_init (&zerr);
  source = zip_source_buffer_create (data, length, 0, &zerr);
  if (source == NULL)
    {
      set_corrupt (error, name, kind, zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      return NULL;
    }

  zip = zip_open_from_source (source, ZIP_RDONLY, &zerr);
  if (zip == NULL)
    {
      set_corrupt (error, name, kind, zip_error_strerror (&zerr));
      zip_source_free (source);
      zip_error_fini (&zerr);
      return NULL;
    }
  zip_error_fini (&zerr);

  return zip;
}

static xmlDoc *
parse_part (GBytes      *bytes,
            const char  *name,
            const char  *kind,
            GError     **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc;

  if (!tri_format_refuse_entities (data, length, name, error))
    return NULL;

  /* No XML_PARSE_NOENT, DTDLOAD or HUGE: see the top. */
  doc = xmlReadMemory ((const char *)data, (int)MIN (length, (gsize)G_MAXINT), NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      const xmlError *e = xmlGetLastError ();
      g_autofree char *problem = g_strdup_printf (_("its XML is broken (%s)"),
                                                  e != NULL && e->message != NULL ? g_strstrip (e->message) : "?");

      set_corrupt (error, name, kind, problem);
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  return doc;
}

static gboolean
is_ns (xmlNode    *node,
       const char *local,
       const char *ns_prefix_of_uri)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *)node->name, local) == 0 &&
         node->ns != NULL && node->ns->href != NULL &&
         strstr ((const char *)node->ns->href, ns_prefix_of_uri) != NULL;
}

#define W "wordprocessingml"
#define MC "markup-compatibility"

static void
walk_docx (xmlNode        *node,
           TriTextBuilder *builder)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_ns (child, "t", W))
        {
          g_autofree xmlChar *text = xmlNodeGetContent (child);

          /* w:t keeps its spaces: fold only runs of them. */
          if (text != NULL)
            {
              gboolean was = builder->preserve;

              builder->preserve = FALSE;
              if (g_ascii_isspace (text[0]))
                builder->space = TRUE;
              tri_text_builder_text (builder, (const char *)text, -1);
              if (text[0] != '\0' && g_ascii_isspace (text[strlen ((const char *)text) - 1]))
                builder->space = TRUE;
              builder->preserve = was;
            }
        }
      else if (is_ns (child, "tab", W) || is_ns (child, "ptab", W))
        builder->space = TRUE;
      else if (is_ns (child, "br", W) || is_ns (child, "cr", W))
        tri_text_builder_line (builder);
      else if (is_ns (child, "noBreakHyphen", W))
        tri_text_builder_text (builder, "\xE2\x80\x91", -1);
      else if (is_ns (child, "p", W))
        {
          tri_text_builder_paragraph (builder);
          walk_docx (child, builder);
          tri_text_builder_paragraph (builder);
        }
      else if (is_ns (child, "del", W) || is_ns (child, "delText", W) ||
               is_ns (child, "instrText", W) || is_ns (child, "delInstrText", W) ||
               is_ns (child, "pPr", W) || is_ns (child, "rPr", W) || is_ns (child, "sectPr", W) ||
               is_ns (child, "footnoteReference", W) || is_ns (child, "endnoteReference", W) ||
               is_ns (child, "commentReference", W) || is_ns (child, "moveFrom", W) ||
               is_ns (child, "Fallback", MC))
        continue;
      else
        walk_docx (child, builder);
    }
}

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office"

static void
walk_odt (xmlNode        *node,
          TriTextBuilder *builder)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          /* ODF folds white space in text, as HTML does. */
          if (child->content != NULL)
            tri_text_builder_text (builder, (const char *)child->content, -1);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_ns (child, "p", TEXT_NS) || is_ns (child, "h", TEXT_NS))
        {
          tri_text_builder_paragraph (builder);
          walk_odt (child, builder);
          tri_text_builder_paragraph (builder);
        }
      else if (is_ns (child, "s", TEXT_NS))
        {
          /* Spaces the author typed: one is enough for aligning. */
          if (builder->out->len > 0)
            builder->space = TRUE;
        }
      else if (is_ns (child, "tab", TEXT_NS))
        builder->space = TRUE;
      else if (is_ns (child, "line-break", TEXT_NS))
        tri_text_builder_line (builder);
      else if (is_ns (child, "note", TEXT_NS) || is_ns (child, "annotation", OFFICE_NS) ||
               is_ns (child, "tracked-changes", TEXT_NS) || is_ns (child, "sequence-decls", TEXT_NS) ||
               is_ns (child, "variable-decls", TEXT_NS) || is_ns (child, "forms", OFFICE_NS) ||
               is_ns (child, "table-of-content-source", TEXT_NS))
        continue;
      else
        walk_odt (child, builder);
    }
}

static char *
extract (const guint8  *data,
         gsize          length,
         const char    *name,
         TriFormat      format,
         GError       **error)
{
  const char *kind = tri_format_get_label (format);
  g_autoptr(GBytes) part = NULL;
  TriTextBuilder builder;
  zip_t *zip;
  xmlDoc *doc;
  xmlNode *root;

  zip = open_zip (data, length, name, kind, error);
  if (zip == NULL)
    return NULL;

  if (format == TRI_FORMAT_ODT)
    {
      g_autoptr(GBytes) encrypted = NULL;
      zip_int64_t manifest = zip_name_locate (zip, "META-INF/manifest.xml", 0);

      if (manifest >= 0)
        {
          encrypted = read_member (zip, "META-INF/manifest.xml", name, kind, NULL);
          if (encrypted != NULL &&
              tri_format_contains (g_bytes_get_data (encrypted, NULL), g_bytes_get_size (encrypted),
                                   "encryption-data"))
            {
              zip_discard (zip);
              g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                           _("“%s” is protected by a password; save a copy without one and open that"),
                           name);
              return NULL;
            }
        }
    }

  part = read_member (zip, format == TRI_FORMAT_DOCX ? "word/document.xml" : "content.xml",
                      name, kind, error);
  zip_discard (zip);
  if (part == NULL)
    return NULL;

  doc = parse_part (part, name, kind, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  tri_text_builder_init (&builder);
  if (format == TRI_FORMAT_DOCX)
    walk_docx (root, &builder);
  else
    {
      /* office:document-content / office:body / office:text */
      for (xmlNode *n = root->children; n != NULL; n = n->next)
        if (is_ns (n, "body", OFFICE_NS))
          walk_odt (n, &builder);
    }
  xmlFreeDoc (doc);

  return tri_text_builder_finish (&builder);
}

/**
 * tri_format_extract_docx:
 * @data: the bytes of a Word document
 * @length: their length
 * @name: its name, for messages
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Returns: (transfer full) (nullable): its text, paragraphs separated by
 *   blank lines
 */
char *
tri_format_extract_docx (const guint8  *data,
                         gsize          length,
                         const char    *name,
                         GError       **error)
{
  return extract (data, length, name, TRI_FORMAT_DOCX, error);
}

/**
 * tri_format_extract_odt:
 * @data: the bytes of an OpenDocument text
 * @length: their length
 * @name: its name, for messages
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Returns: (transfer full) (nullable): its text, paragraphs separated by
 *   blank lines
 */
char *
tri_format_extract_odt (const guint8  *data,
                        gsize          length,
                        const char    *name,
                        GError       **error)
{
  return extract (data, length, name, TRI_FORMAT_ODT, error);
}

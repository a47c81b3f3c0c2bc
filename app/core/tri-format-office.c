/* tri-format-office.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-format-office"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
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
 * The XML is read by libxml2's SAX2 parser without network access and without entity
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

  /* The size the directory claims, capped: a guess that saves copies. */
  bytes = g_byte_array_sized_new ((guint)MIN ((st.valid & ZIP_STAT_SIZE) ? st.size : 0, (zip_uint64_t)64 * 1024 * 1024));
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

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

typedef enum
{
  NODE_OTHER,
  NODE_SKIP,       /* left out with all it holds */
  NODE_PARAGRAPH,
  NODE_TEXT,       /* DOCX: w:t, whose text is the document's */
  NODE_SPACE,
  NODE_LINE,
  NODE_HYPHEN,
  NODE_BODY,       /* ODT: office:body, where the text is */
} NodeKind;

static gboolean
is_one_of (const char         *name,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static NodeKind
docx_kind (const char *ns,
           const char *name)
{
  static const char * const skipped[] = {
    "del", "delText", "instrText", "delInstrText", "moveFrom", "footnoteReference",
    "endnoteReference", "commentReference", NULL,
  };

  /* Most elements are run properties: tell them by their name first. */
  if (name[0] == 'r' || name[0] == 's' || name[0] == 'l' || (name[0] == 'b' && name[1] != 'r'))
    return NODE_OTHER;
  if (ns != NULL && strcmp (ns, MC_NS) == 0)
    return strcmp (name, "Fallback") == 0 ? NODE_SKIP : NODE_OTHER;
  if (ns == NULL || strcmp (ns, W_NS) != 0)
    return NODE_OTHER;
  if (strcmp (name, "p") == 0)
    return NODE_PARAGRAPH;
  if (strcmp (name, "t") == 0)
    return NODE_TEXT;
  if (strcmp (name, "tab") == 0 || strcmp (name, "ptab") == 0)
    return NODE_SPACE;
  if (strcmp (name, "br") == 0 || strcmp (name, "cr") == 0)
    return NODE_LINE;
  if (strcmp (name, "noBreakHyphen") == 0)
    return NODE_HYPHEN;
  if (is_one_of (name, skipped))
    return NODE_SKIP;
  return NODE_OTHER;
}

static NodeKind
odt_kind (const char *ns,
          const char *name)
{
  static const char * const skipped[] = {
    "note", "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls",
    "table-of-content-source", "alphabetical-index-source", NULL,
  };

  if (ns != NULL && strcmp (ns, OFFICE_NS) == 0)
    {
      if (strcmp (name, "body") == 0)
        return NODE_BODY;
      if (strcmp (name, "annotation") == 0 || strcmp (name, "forms") == 0)
        return NODE_SKIP;
      return NODE_OTHER;
    }
  if (ns == NULL || strcmp (ns, TEXT_NS) != 0)
    return NODE_OTHER;
  if (strcmp (name, "p") == 0 || strcmp (name, "h") == 0)
    return NODE_PARAGRAPH;
  if (strcmp (name, "s") == 0 || strcmp (name, "tab") == 0)
    return NODE_SPACE;
  if (strcmp (name, "line-break") == 0)
    return NODE_LINE;
  if (is_one_of (name, skipped))
    return NODE_SKIP;
  return NODE_OTHER;
}

typedef struct
{
  TriFormat      format;
  TriTextBuilder builder;
  int            depth;
  int            skip_depth;  /* -1, or the depth of the element left out */
  gboolean       in_text;     /* DOCX: inside w:t */
  gboolean       in_body;     /* ODT: inside office:body */
  char          *error;       /* the parser's first error */
} PartState;

static NodeKind
node_kind (PartState     *state,
           const xmlChar *uri,
           const xmlChar *local)
{
  return state->format == TRI_FORMAT_DOCX ? docx_kind ((const char *)uri, (const char *)local)
                                          : odt_kind ((const char *)uri, (const char *)local);
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *local,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  PartState *state = ctx;
  int depth = state->depth++;

  if (state->skip_depth >= 0)
    return;

  switch (node_kind (state, uri, local))
    {
    case NODE_SKIP:
      state->skip_depth = depth;
      break;
    case NODE_PARAGRAPH:
      tri_text_builder_paragraph (&state->builder);
      break;
    case NODE_TEXT:
      state->in_text = TRUE;
      break;
    case NODE_SPACE:
      /* Tabs and the spaces an author typed: one is enough. */
      if (state->in_body)
        state->builder.space = state->builder.out->len > 0;
      break;
    case NODE_LINE:
      if (state->in_body)
        tri_text_builder_line (&state->builder);
      break;
    case NODE_HYPHEN:
      tri_text_builder_text (&state->builder, "\xE2\x80\x91", -1);
      break;
    case NODE_BODY:
      state->in_body = TRUE;
      break;
    case NODE_OTHER:
    default:
      break;
    }
}

static void
on_end_element (void          *ctx,
                const xmlChar *local,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  PartState *state = ctx;
  int depth = --state->depth;

  if (state->skip_depth >= 0)
    {
      if (depth == state->skip_depth)
        state->skip_depth = -1;
      return;
    }

  switch (node_kind (state, uri, local))
    {
    case NODE_PARAGRAPH:
      tri_text_builder_paragraph (&state->builder);
      break;
    case NODE_TEXT:
      state->in_text = FALSE;
      break;
    case NODE_BODY:
      state->in_body = FALSE;
      break;
    default:
      break;
    }
}

/* DOCX: the text of w:t only; ODT: all text in the body, its white space
 * folded as HTML's is. */
static void
on_characters (void          *ctx,
               const xmlChar *text,
               int            length)
{
  PartState *state = ctx;

  if (state->skip_depth >= 0)
    return;
  if ((state->format == TRI_FORMAT_DOCX && state->in_text) ||
      (state->format == TRI_FORMAT_ODT && state->in_body))
    tri_text_builder_text (&state->builder, (const char *)text, length);
}

/* libxml2 2.9 declares the error without const. */
static void
on_error (void     *ctx,
          xmlError *e)
{
  PartState *state = ctx;

  if (state->error == NULL && e->level >= XML_ERR_ERROR)
    state->error = g_strstrip (g_strdup (e->message != NULL ? e->message : "?"));
}

/* Reads one XML part with libxml2's SAX2 parser, fed in chunks: a DOM, or
 * even the streaming reader, of a large document costs more in
 * allocations and copies than the parsing itself. */
static char *
read_part (GBytes      *bytes,
           const char  *name,
           TriFormat    format,
           GError     **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  const char *kind = tri_format_get_label (format);
  xmlSAXHandler sax = { 0 };
  xmlParserCtxt *ctxt;
  PartState state = { format, { NULL, FALSE, 0, FALSE }, 0, -1, FALSE, format != TRI_FORMAT_ODT, NULL };
  gboolean well_formed;

  if (!tri_format_refuse_entities (data, length, name, error))
    return NULL;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_characters;
  sax.serror = on_error;

  tri_text_builder_init (&state.builder);
  ctxt = xmlCreatePushParserCtxt (&sax, &state, NULL, 0, NULL);
  if (ctxt == NULL)
    {
      set_corrupt (error, name, kind, g_strerror (ENOMEM));
      g_string_free (state.builder.out, TRUE);
      return NULL;
    }
  /* No XML_PARSE_NOENT, DTDLOAD or HUGE: see the top. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  for (gsize offset = 0; offset < length && state.error == NULL; offset += 256 * 1024)
    xmlParseChunk (ctxt, (const char *)data + offset, (int)MIN ((gsize)256 * 1024, length - offset), 0);
  xmlParseChunk (ctxt, NULL, 0, 1);
  well_formed = ctxt->wellFormed;
  xmlFreeParserCtxt (ctxt);

  if (!well_formed || state.error != NULL)
    {
      g_autofree char *problem = g_strdup_printf (_("its XML is broken (%s)"),
                                                  state.error != NULL ? state.error : "?");

      set_corrupt (error, name, kind, problem);
      g_free (state.error);
      g_string_free (state.builder.out, TRUE);
      return NULL;
    }

  return tri_text_builder_finish (&state.builder);
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
  zip_t *zip;

  zip = open_zip (data, length, name, kind, error);
  if (zip == NULL)
    return NULL;

  if (format == TRI_FORMAT_ODT && zip_name_locate (zip, "META-INF/manifest.xml", 0) >= 0)
    {
      g_autoptr(GBytes) manifest = read_member (zip, "META-INF/manifest.xml", name, kind, NULL);

      if (manifest != NULL &&
          tri_format_contains (g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest),
                               "encryption-data"))
        {
          zip_discard (zip);
          g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                       _("“%s” is protected by a password; save a copy without one and open that"),
                       name);
          return NULL;
        }
    }

  part = read_member (zip, format == TRI_FORMAT_DOCX ? "word/document.xml" : "content.xml",
                      name, kind, error);
  zip_discard (zip);
  if (part == NULL)
    return NULL;

  return read_part (part, name, format, error);
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

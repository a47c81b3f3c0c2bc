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

/* Takes the next piece of a member; returns FALSE to stop reading. */
typedef gboolean (*MemberFunc) (const guint8 *data,
                                gsize         length,
                                gpointer      user_data);

#define MEMBER_CHUNK (256 * 1024)

/* Reads one member of the archive piece by piece, its unpacked size
 * capped. Streaming it spares the copy of a part that can unpack to
 * tens of megabytes (and the page faults of a buffer that size). Returns
 * FALSE with @error set when the member is missing, damaged or a bomb;
 * TRUE when it was read to its end or @func stopped it. */
static gboolean
read_member (zip_t       *zip,
             const char  *member,
             const char  *name,
             const char  *kind,
             MemberFunc   func,
             gpointer     user_data,
             GError     **error)
{
  zip_int64_t index = zip_name_locate (zip, member, 0);
  zip_stat_t st;
  zip_file_t *file;
  g_autofree guint8 *buffer = NULL;
  guint64 total = 0;
  zip_int64_t n;

  if (index < 0)
    {
      g_autofree char *problem = g_strdup_printf (_("it has no part “%s”"), member);

      set_corrupt (error, name, kind, problem);
      return FALSE;
    }

  zip_stat_init (&st);
  if (zip_stat_index (zip, (zip_uint64_t)index, 0, &st) != 0)
    {
      set_corrupt (error, name, kind, zip_strerror (zip));
      return FALSE;
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
      return FALSE;
    }

  buffer = g_malloc (MEMBER_CHUNK);
  while ((n = zip_fread (file, buffer, MEMBER_CHUNK)) > 0)
    {
      total += (guint64)n;
      if (total > TRI_FORMAT_ZIP_MAX_PART ||
          ((st.valid & ZIP_STAT_COMP_SIZE) && total > 1024 * 1024 &&
           total / MAX (st.comp_size, 1) > TRI_FORMAT_ZIP_MAX_RATIO))
        {
          zip_fclose (file);
          goto bomb;
        }
      if (!func (buffer, (gsize)n, user_data))
        break;
    }

  if (n < 0)
    {
      set_corrupt (error, name, kind, zip_file_strerror (file));
      zip_fclose (file);
      return FALSE;
    }
  zip_fclose (file);

  return TRUE;

bomb:
  {
    g_autofree char *limit = g_format_size (TRI_FORMAT_ZIP_MAX_PART);

    g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE,
                 /* Translators: a file name, a part's name inside it, a size such as “256 MB” */
                 _("“%s” is refused: its part “%s” unpacks to far more than it holds "
                   "(a zip bomb?); the limit is %s and %d times its packed size"),
                 name, member, limit, TRI_FORMAT_ZIP_MAX_RATIO);
    return FALSE;
  }
}

static gboolean
append_to_array (const guint8 *data,
                 gsize         length,
                 gpointer      user_data)
{
  g_byte_array_append (user_data, data, (guint)length);
  return TRUE;
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

/* The prolog of a part longer than this is not an office file's. */
#define MAX_PROLOG (1024 * 1024)

typedef struct
{
  PartState      state;
  xmlParserCtxt *ctxt;
  const char    *name;
  GByteArray    *prolog;  /* the bytes before the root element, until it is seen */
  GError        *unsafe;  /* a DOCTYPE, or a prolog without end */
} PartReader;

static void
parse (PartReader   *reader,
       const guint8 *data,
       gsize         length)
{
  for (gsize offset = 0; offset < length && reader->state.error == NULL; offset += MEMBER_CHUNK)
    xmlParseChunk (reader->ctxt, (const char *)data + offset,
                   (int)MIN ((gsize)MEMBER_CHUNK, length - offset), 0);
}

/* The prolog is checked (see tri_format_refuse_entities()) before any of
 * it reaches the parser; the rest goes straight to it. */
static gboolean
part_reader_feed (const guint8 *data,
                  gsize         length,
                  gpointer      user_data)
{
  PartReader *reader = user_data;
  gboolean seen_root;

  if (reader->prolog == NULL)
    {
      parse (reader, data, length);
      return reader->state.error == NULL;
    }

  g_byte_array_append (reader->prolog, data, (guint)length);
  if (!tri_format_refuse_entities (reader->prolog->data, reader->prolog->len, reader->name,
                                   &seen_root, &reader->unsafe))
    return FALSE;
  if (!seen_root)
    {
      if (reader->prolog->len <= MAX_PROLOG)
        return TRUE;
      g_set_error (&reader->unsafe, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   /* Translators: a file name */
                   _("“%s” is not a readable document: its XML has no root element in its first megabyte"),
                   reader->name);
      return FALSE;
    }

  parse (reader, reader->prolog->data, reader->prolog->len);
  g_clear_pointer (&reader->prolog, g_byte_array_unref);
  return reader->state.error == NULL;
}

/* Reads one XML part with libxml2's SAX2 parser, fed in pieces as the
 * member unpacks: a DOM, or even the streaming reader, of a large
 * document costs more in allocations and copies than the parsing itself. */
static char *
read_part (zip_t       *zip,
           const char  *member,
           const char  *name,
           TriFormat    format,
           GError     **error)
{
  const char *kind = tri_format_get_label (format);
  xmlSAXHandler sax = { 0 };
  PartReader reader = {
    { format, { NULL, FALSE, 0, FALSE }, 0, -1, FALSE, format != TRI_FORMAT_ODT, NULL },
    NULL, name, NULL, NULL,
  };
  gboolean read, well_formed;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_characters;
  sax.serror = on_error;

  reader.ctxt = xmlCreatePushParserCtxt (&sax, &reader.state, NULL, 0, NULL);
  if (reader.ctxt == NULL)
    {
      set_corrupt (error, name, kind, g_strerror (ENOMEM));
      return NULL;
    }
  /* No XML_PARSE_NOENT, DTDLOAD or HUGE: see the top. */
  xmlCtxtUseOptions (reader.ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  tri_text_builder_init (&reader.state.builder);
  reader.prolog = g_byte_array_new ();
  read = read_member (zip, member, name, kind, part_reader_feed, &reader, error);

  /* A part that ended before its root element: the parser says what is wrong. */
  if (read && reader.unsafe == NULL && reader.prolog != NULL)
    parse (&reader, reader.prolog->data, reader.prolog->len);
  g_clear_pointer (&reader.prolog, g_byte_array_unref);

  if (read && reader.unsafe == NULL && reader.state.error == NULL)
    xmlParseChunk (reader.ctxt, NULL, 0, 1);
  well_formed = reader.ctxt->wellFormed;
  xmlFreeParserCtxt (reader.ctxt);

  if (!read || reader.unsafe != NULL)
    {
      if (reader.unsafe != NULL)
        g_propagate_error (error, reader.unsafe);
      g_free (reader.state.error);
      g_string_free (reader.state.builder.out, TRUE);
      return NULL;
    }

  if (!well_formed || reader.state.error != NULL)
    {
      g_autofree char *problem = g_strdup_printf (_("its XML is broken (%s)"),
                                                  reader.state.error != NULL ? reader.state.error : "?");

      set_corrupt (error, name, kind, problem);
      g_free (reader.state.error);
      g_string_free (reader.state.builder.out, TRUE);
      return NULL;
    }

  return tri_text_builder_finish (&reader.state.builder);
}

static char *
extract (const guint8  *data,
         gsize          length,
         const char    *name,
         TriFormat      format,
         GError       **error)
{
  const char *kind = tri_format_get_label (format);
  char *text;
  zip_t *zip;

  zip = open_zip (data, length, name, kind, error);
  if (zip == NULL)
    return NULL;

  if (format == TRI_FORMAT_ODT && zip_name_locate (zip, "META-INF/manifest.xml", 0) >= 0)
    {
      g_autoptr(GByteArray) manifest = g_byte_array_new ();

      if (read_member (zip, "META-INF/manifest.xml", name, kind, append_to_array, manifest, NULL) &&
          tri_format_contains (manifest->data, manifest->len, "encryption-data"))
        {
          zip_discard (zip);
          g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                       _("“%s” is protected by a password; save a copy without one and open that"),
                       name);
          return NULL;
        }
    }

  text = read_part (zip, format == TRI_FORMAT_DOCX ? "word/document.xml" : "content.xml",
                    name, format, error);
  zip_discard (zip);
  return text;
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

/* tri-format.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-format"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-error.h"
#include "tri-format.h"
#include "tri-format-private.h"

/* Reports come as plain text, saved web pages, Word and LibreOffice files
 * and PDF. Each format has its reader (tri-format-html.c, -office.c,
 * -pdf.c) turning the file into text whose paragraphs are separated by
 * blank lines: headings, list items and table cells are paragraphs of
 * their own, so the segmenter makes each heading one sentence and the
 * aligner keeps its paragraph anchors. The text then goes through the
 * same decoding as a text file (NFC, zero-width characters out). */

static const struct
{
  const char *id;
  const char *label;
} formats[] = {
  [TRI_FORMAT_TEXT] = { "text", N_("Text") },
  [TRI_FORMAT_HTML] = { "html", "HTML" },
  [TRI_FORMAT_DOCX] = { "docx", "DOCX" },
  [TRI_FORMAT_ODT] = { "odt", "ODT" },
  [TRI_FORMAT_PDF] = { "pdf", "PDF" },
};

void
tri_text_builder_init (TriTextBuilder *builder)
{
  builder->out = g_string_new (NULL);
  builder->space = FALSE;
  builder->pending = 0;
  builder->preserve = FALSE;
}

static void
flush (TriTextBuilder *builder)
{
  if (builder->out->len > 0)
    {
      if (builder->pending == 2)
        g_string_append (builder->out, "\n\n");
      else if (builder->pending == 1)
        g_string_append_c (builder->out, '\n');
      else if (builder->space)
        g_string_append_c (builder->out, ' ');
    }
  builder->pending = 0;
  builder->space = FALSE;
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v' || c == '\r';
}

void
tri_text_builder_text (TriTextBuilder *builder,
                       const char     *text,
                       gssize          length)
{
  const char *p, *end;

  if (length < 0)
    length = (gssize)strlen (text);
  end = text + length;

  for (p = text; p < end; )
    {
      const char *run = p;

      if (!is_blank (*p))
        {
          /* A run of text, appended at once. */
          while (p < end && !is_blank (*p))
            p++;
          if (builder->pending != 0 || builder->space)
            flush (builder);
          g_string_append_len (builder->out, run, p - run);
          continue;
        }

      if (*p == '\r')
        ;
      else if (builder->preserve && *p == '\n')
        tri_text_builder_line (builder);
      else if (builder->preserve && builder->out->len > 0 && builder->pending == 0)
        g_string_append_c (builder->out, *p == '\t' ? '\t' : ' ');
      else
        builder->space = TRUE;
      p++;
    }
}

void
tri_text_builder_line (TriTextBuilder *builder)
{
  if (builder->out->len > 0 && builder->pending < 1)
    builder->pending = 1;
  builder->space = FALSE;
}

void
tri_text_builder_paragraph (TriTextBuilder *builder)
{
  if (builder->out->len > 0)
    builder->pending = 2;
  builder->space = FALSE;
}

char *
tri_text_builder_finish (TriTextBuilder *builder)
{
  if (builder->out->len > 0)
    g_string_append_c (builder->out, '\n');
  return g_string_free (g_steal_pointer (&builder->out), FALSE);
}

/* Office files never declare entities; a document that does is a trap
 * (external entities, expansion bombs), as in the TMX reader. Entities
 * are declared only in a DOCTYPE, which comes before the root element:
 * the prolog (declaration, comments, processing instructions) is read up
 * to the first element. @seen_root, when given, says whether @data
 * reached it: a reader that streams a part gives more bytes until it
 * does (or the part ends). */
gboolean
tri_format_refuse_entities (const guint8 *data,
                            gsize         length,
                            const char   *name,
                            gboolean     *seen_root,
                            GError      **error)
{
  const char *p = (const char *)data, *end;

  if (seen_root != NULL)
    *seen_root = FALSE;

  /* An empty part (no bytes, maybe no buffer) declares nothing. */
  if (length == 0)
    return TRUE;
  end = p + length;

  while (p < end)
    {
      const char *close;

      if (*p != '<')
        {
          p++;
          continue;
        }
      /* Too few bytes to tell a comment or a DOCTYPE from an element. */
      if (end - p < 4)
        return TRUE;
      if (memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p, end - p, "-->");
      else if (p[1] == '?')
        close = g_strstr_len (p, end - p, "?>");
      else if (p[1] == '!')
        {
          g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_UNSAFE,
                       _("“%s” is refused: its XML declares a document type or entities, "
                         "which can fetch files or expand without end"), name);
          return FALSE;
        }
      else
        {
          if (seen_root != NULL)
            *seen_root = TRUE;
          return TRUE;  /* the root element */
        }
      if (close == NULL)
        return TRUE;  /* not closed yet, or the parser will say what is wrong */
      p = close + 2;
    }
  return TRUE;
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize n = strlen (name), s = strlen (suffix);

  return n >= s && g_ascii_strcasecmp (name + n - s, suffix) == 0;
}

static TriFormat
format_from_extension (const char *name)
{
  if (name == NULL)
    return TRI_FORMAT_TEXT;
  if (has_suffix (name, ".html") || has_suffix (name, ".htm") || has_suffix (name, ".xhtml") ||
      has_suffix (name, ".shtml"))
    return TRI_FORMAT_HTML;
  if (has_suffix (name, ".docx") || has_suffix (name, ".docm"))
    return TRI_FORMAT_DOCX;
  if (has_suffix (name, ".odt"))
    return TRI_FORMAT_ODT;
  if (has_suffix (name, ".pdf"))
    return TRI_FORMAT_PDF;
  return TRI_FORMAT_TEXT;
}

/**
 * tri_format_contains:
 * @data: bytes, which may hold NULs
 * @length: their length
 * @needle: a string
 *
 * Returns: whether @needle occurs in @data
 */
gboolean
tri_format_contains (const guint8 *data,
                     gsize         length,
                     const char   *needle)
{
  gsize n = strlen (needle);

  if (n == 0 || length < n)
    return n == 0;
  for (const guint8 *p = data; p != NULL && p + n <= data + length; )
    {
      p = memchr (p, needle[0], (gsize)(data + length - p - (gssize)n + 1));
      if (p == NULL)
        return FALSE;
      if (memcmp (p, needle, n) == 0)
        return TRUE;
      p++;
    }
  return FALSE;
}

/* Markup at the start of the text (after a BOM, white space and comments)
 * that only a web page begins with. */
static gboolean
looks_like_html (const guint8 *data,
                 gsize         length)
{
  gsize n = MIN (length, (gsize)4096);
  g_autofree char *head = g_ascii_strdown ((const char *)data, (gssize)n);
  const char *p = head;

  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  if (g_str_has_prefix (p, "<?xml"))
    return strstr (p, "<html") != NULL && strstr (p, "xhtml") != NULL;
  if (*p != '<')
    return FALSE;
  return g_str_has_prefix (p, "<!doctype html") || g_str_has_prefix (p, "<html") ||
         g_str_has_prefix (p, "<head") || g_str_has_prefix (p, "<body") ||
         (g_str_has_prefix (p, "<!--") && (strstr (p, "<html") != NULL || strstr (p, "<body") != NULL)) ||
         (g_str_has_prefix (p, "<meta") && strstr (p, "charset") != NULL);
}

/**
 * tri_format_detect:
 * @data: the bytes of a file
 * @length: their length
 * @name: (nullable): the file's name, whose extension counts when the
 *   content does not tell
 *
 * Tells the format of a report by its content, then by its extension:
 * "%PDF-" makes a PDF, a zip with word/document.xml a DOCX, a zip whose
 * mimetype is OpenDocument text an ODT, markup only a web page begins
 * with HTML. A file named .html that starts with '<' is HTML too.
 *
 * Returns: the format
 */
TriFormat
tri_format_detect (const guint8 *data,
                   gsize         length,
                   const char   *name)
{
  TriFormat by_name = format_from_extension (name);

  if (length >= 5 && tri_format_contains (data, MIN (length, (gsize)1024), "%PDF-"))
    return TRI_FORMAT_PDF;

  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      /* The names of the members are stored uncompressed. */
      if (tri_format_contains (data, MIN (length, (gsize)256), "mimetypeapplication/vnd.oasis.opendocument.text"))
        return TRI_FORMAT_ODT;
      if (tri_format_contains (data, length, "word/document.xml"))
        return TRI_FORMAT_DOCX;
      if (by_name == TRI_FORMAT_DOCX || by_name == TRI_FORMAT_ODT)
        return by_name;
      return TRI_FORMAT_TEXT;
    }

  if (looks_like_html (data, length))
    return TRI_FORMAT_HTML;

  /* A page saved as UTF-16: its ASCII markup, one byte of every two. */
  if (length >= 4 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      gsize n = MIN (length, (gsize)4096) / 2;
      g_autofree guint8 *ascii = g_malloc (n);
      gsize low = data[0] == 0xFF ? 0 : 1;

      for (gsize i = 1; i < n; i++)
        ascii[i - 1] = data[2 * i + 1 - low] == 0 && data[2 * i + low] < 0x80 ? data[2 * i + low] : '?';
      if (looks_like_html (ascii, n - 1) ||
          (by_name == TRI_FORMAT_HTML && n > 1 && ascii[0] == '<'))
        return TRI_FORMAT_HTML;
    }
  if (by_name == TRI_FORMAT_HTML && length > 0)
    {
      gsize i = 0;

      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
      while (i < length && g_ascii_isspace (data[i]))
        i++;
      if (i < length && data[i] == '<')
        return TRI_FORMAT_HTML;
    }

  /* A .docx, .odt or .pdf that holds none of the above: its reader says
   * what is wrong with it. */
  if (by_name == TRI_FORMAT_DOCX || by_name == TRI_FORMAT_ODT || by_name == TRI_FORMAT_PDF)
    return by_name;

  return TRI_FORMAT_TEXT;
}

/**
 * tri_format_get_id:
 * @format: a format
 *
 * Returns: the name a project stores the format under ("text", "html", …)
 */
const char *
tri_format_get_id (TriFormat format)
{
  g_return_val_if_fail (format <= TRI_FORMAT_PDF, "text");
  return formats[format].id;
}

/**
 * tri_format_from_id:
 * @id: a format's id
 * @format: (out): the format
 *
 * Returns: whether @id names a format
 */
gboolean
tri_format_from_id (const char *id,
                    TriFormat  *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (id, formats[i].id) == 0)
      {
        *format = (TriFormat)i;
        return TRUE;
      }
  return FALSE;
}

/**
 * tri_format_get_label:
 * @format: a format
 *
 * Returns: the format's name as shown to the user ("HTML", "PDF", "Text")
 */
const char *
tri_format_get_label (TriFormat format)
{
  g_return_val_if_fail (format <= TRI_FORMAT_PDF, "");
  return format == TRI_FORMAT_TEXT ? _(formats[format].label) : formats[format].label;
}

/**
 * tri_format_get_mime_types:
 *
 * Returns: (array zero-terminated=1): the content types of the documents
 *   besides plain text that Triptych reads, for file choosers
 */
const char * const *
tri_format_get_mime_types (void)
{
  static const char * const types[] = {
    "text/html", "application/xhtml+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/pdf",
    NULL,
  };
  return types;
}

/**
 * tri_format_get_patterns:
 *
 * Returns: (array zero-terminated=1): file name patterns of those documents
 */
const char * const *
tri_format_get_patterns (void)
{
  static const char * const patterns[] = {
    "*.html", "*.htm", "*.xhtml", "*.docx", "*.odt", "*.pdf", NULL,
  };
  return patterns;
}

/**
 * tri_format_decode:
 * @data: the bytes of a report
 * @length: their length
 * @name: its name, for messages and for its extension
 * @encoding: (nullable): the encoding of a text or web page, or %NULL to
 *   detect it
 * @format: (out) (optional): the format it was read as
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Reads a report of any format Triptych knows: plain text as
 * tri_text_source_decode() does, the others through their readers.
 *
 * Returns: (transfer full) (nullable): the text
 */
TriDecodedText *
tri_format_decode (const guint8  *data,
                   gsize          length,
                   const char    *name,
                   const char    *encoding,
                   TriFormat     *format,
                   GError       **error)
{
  g_autofree char *basename = g_path_get_basename (name);
  g_autofree char *text = NULL;
  g_autofree char *html_encoding = NULL;
  g_autofree char *html_language = NULL;
  TriDecodedText *decoded;
  TriFormat f = tri_format_detect (data, length, basename);

  if (format != NULL)
    *format = f;

  switch (f)
    {
    case TRI_FORMAT_TEXT:
      return tri_text_source_decode (data, length, name, encoding, error);
    case TRI_FORMAT_HTML:
      text = tri_format_html_extract (data, length, name, encoding, &html_encoding, &html_language,
                                      error);
      break;
    case TRI_FORMAT_DOCX:
      text = tri_format_extract_docx (data, length, name, error);
      break;
    case TRI_FORMAT_ODT:
      text = tri_format_extract_odt (data, length, name, error);
      break;
    case TRI_FORMAT_PDF:
      text = tri_format_extract_pdf (data, length, name, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (text == NULL)
    return NULL;

  decoded = tri_text_source_decode ((const guint8 *)text, strlen (text), name, "UTF-8", error);
  if (decoded != NULL && html_encoding != NULL)
    {
      g_free (decoded->encoding);
      decoded->encoding = g_steal_pointer (&html_encoding);
    }
  if (decoded != NULL)
    {
      decoded->detected = encoding == NULL || f != TRI_FORMAT_HTML;
      decoded->format = f;
      decoded->language = g_steal_pointer (&html_language);
    }
  return decoded;
}

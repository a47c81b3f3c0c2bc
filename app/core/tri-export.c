/* tri-export.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-export"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "tri-csv.h"
#include "tri-error.h"
#include "tri-export.h"
#include "tri-language.h"
#include "tri-word-align.h"

/* An alignment as the files translation memories, MT training and corpus
 * tools read (issue 7; gui-anchors.md §5):
 *
 *   TMX    TMX 1.4b, level 1 (plain text): <!DOCTYPE tmx SYSTEM "tmx14.dtd">,
 *          a <header> with every attribute the DTD requires (creationtool,
 *          creationtoolversion, segtype="sentence", o-tmf, adminlang,
 *          srclang, datatype="plaintext") and creationdate; one <tu> a row
 *          (tuid = the row's number from 1, creationdate) with
 *          <prop type="x-status">confirmed|review|auto</prop>,
 *          <prop type="x-score">0.93</prop> and, for a bookmarked row,
 *          <prop type="x-bookmarked">yes</prop>, then one
 *          <tuv xml:lang="…"><seg>…</seg></tuv> per language the row has
 *          text in. A language without text in a row has no <tuv> there;
 *          a row without text in any exported language has no <tu>. With
 *          tmx_pairs, one file per pair of the first language with each
 *          other one.
 *   XLIFF  XLIFF 2.0 core, bilingual: <xliff version="2.0" srcLang trgLang>,
 *          <file id="f1" xml:space="preserve">, one <unit id="uN"> a row (N its number from 1)
 *          with one <segment state>: "final" for a confirmed row,
 *          "initial" for one that needs review (or has no target text),
 *          "translated" otherwise; <source>, and <target> when the row has
 *          target text.
 *   TSV    UTF-8, LF line ends, a header of language codes, one line a row.
 *          Inside a field a tab is written \t, a line feed \n, a carriage
 *          return \r and a backslash \\, so every line is one row and every
 *          tab separates fields (the escapes of PostgreSQL's and MySQL's
 *          text formats; the import undoes them).
 *   CSV    RFC 4180 (tri-csv.c), a header of language codes.
 *   JSONL  one object a row, as `triptych-cli align` prints them (sentence
 *          indices per language, "score", "spans"), with "text": an object
 *          of the row's text per language, and "confirmed": true for a
 *          confirmed row.
 *
 * A cell's text is its sentences joined by one space: each sentence as the
 * window shows it (white space folded, so a report's hard line wraps become
 * spaces), except in documents whose sentences were given as they are
 * (TRI_PARAGRAPH_PRESEGMENTED: imported files and presegmented input),
 * whose sentences are written byte for byte, tabs and line breaks included,
 * so that an import exports again unchanged.
 *
 * XML 1.0 forbids the C0 controls other than tab, line feed and carriage
 * return, and U+FFFE and U+FFFF; TMX and XLIFF write U+FFFD in their place
 * (tri_export_sanitize_xml_text()). Lone surrogates cannot occur: the texts
 * are valid UTF-8. The other formats keep them. */

typedef struct
{
  TriExportFormat  format;
  const char      *id;
  const char      *name;
  const char      *suffix;
  gboolean         can_import;
} FormatInfo;

static const FormatInfo formats[TRI_EXPORT_N_FORMATS] = {
  { TRI_EXPORT_TMX, "tmx", N_("TMX translation memory"), ".tmx", TRUE },
  { TRI_EXPORT_XLIFF, "xliff", N_("XLIFF 2.0 bilingual file"), ".xlf", FALSE },
  { TRI_EXPORT_TSV, "tsv", N_("Tab-separated values"), ".tsv", TRUE },
  { TRI_EXPORT_CSV, "csv", N_("Comma-separated values"), ".csv", TRUE },
  { TRI_EXPORT_JSONL, "jsonl", N_("JSON Lines"), ".jsonl", TRUE },
};

/**
 * tri_export_options_new:
 *
 * The defaults: TMX, every row, every language, the first language as the
 * source, one file, codes without regions, no byte-order mark.
 *
 * Returns: (transfer full): new options
 */
TriExportOptions *
tri_export_options_new (void)
{
  return g_new0 (TriExportOptions, 1);
}

/**
 * tri_export_options_copy:
 * @options: options
 *
 * Returns: (transfer full): a deep copy
 */
TriExportOptions *
tri_export_options_copy (const TriExportOptions *options)
{
  TriExportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->languages = g_strdupv (options->languages);
  copy->srclang = g_strdup (options->srclang);
  copy->source = g_strdup (options->source);
  copy->target = g_strdup (options->target);
  return copy;
}

void
tri_export_options_free (TriExportOptions *options)
{
  if (options == NULL)
    return;
  g_strfreev (options->languages);
  g_free (options->srclang);
  g_free (options->source);
  g_free (options->target);
  g_free (options);
}

/**
 * tri_export_format_get_id:
 * @format: a format
 *
 * Returns: its name for the command line and settings ("tmx", "xliff", …)
 */
const char *
tri_export_format_get_id (TriExportFormat format)
{
  g_return_val_if_fail ((guint)format < TRI_EXPORT_N_FORMATS, NULL);
  return formats[format].id;
}

/**
 * tri_export_format_get_name:
 * @format: a format
 *
 * Returns: its name for people, translated ("TMX translation memory")
 */
const char *
tri_export_format_get_name (TriExportFormat format)
{
  g_return_val_if_fail ((guint)format < TRI_EXPORT_N_FORMATS, NULL);
  return _(formats[format].name);
}

/**
 * tri_export_format_get_suffix:
 * @format: a format
 *
 * Returns: its file name extension, with the dot (".tmx")
 */
const char *
tri_export_format_get_suffix (TriExportFormat format)
{
  g_return_val_if_fail ((guint)format < TRI_EXPORT_N_FORMATS, NULL);
  return formats[format].suffix;
}

/**
 * tri_export_format_can_import:
 * @format: a format
 *
 * Returns: whether tri_import_load() reads it (all but XLIFF)
 */
gboolean
tri_export_format_can_import (TriExportFormat format)
{
  g_return_val_if_fail ((guint)format < TRI_EXPORT_N_FORMATS, FALSE);
  return formats[format].can_import;
}

/**
 * tri_export_format_from_id:
 * @id: "tmx", "xliff", "tsv", "csv" or "jsonl"
 * @format: (out): the format
 *
 * Returns: whether @id names a format
 */
gboolean
tri_export_format_from_id (const char      *id,
                           TriExportFormat *format)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < TRI_EXPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (id, formats[i].id) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * tri_export_format_for_filename:
 * @filename: a file name or path
 * @format: (out): the format
 *
 * The format a file name's extension names, in any case: .tmx, .xlf or
 * .xliff, .tsv or .tab, .csv, .jsonl.
 *
 * Returns: whether the extension names a format
 */
gboolean
tri_export_format_for_filename (const char      *filename,
                                TriExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < TRI_EXPORT_N_FORMATS; i++)
    if (g_str_has_suffix (lower, formats[i].suffix))
      {
        *format = formats[i].format;
        return TRUE;
      }
  if (g_str_has_suffix (lower, ".xliff"))
    *format = TRI_EXPORT_XLIFF;
  else if (g_str_has_suffix (lower, ".tab"))
    *format = TRI_EXPORT_TSV;
  else
    return FALSE;
  return TRUE;
}

void
tri_export_part_free (TriExportPart *part)
{
  if (part == NULL)
    return;
  g_free (part->suffix);
  g_clear_pointer (&part->bytes, g_bytes_unref);
  g_free (part);
}

/**
 * tri_export_sanitize_xml_text:
 * @text: valid UTF-8
 *
 * Returns: (transfer full): @text with U+FFFD in place of every character
 *   XML 1.0 forbids: C0 controls but tab, line feed and carriage return,
 *   U+FFFE and U+FFFF
 */
char *
tri_export_sanitize_xml_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0xFFFE || ch == 0xFFFF)
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* What one export works from: the rows, the columns chosen and their codes. */
typedef struct
{
  TriAlignment           *alignment;
  const TriExportOptions *options;
  GArray                 *rows;                       /* TriBead */
  guint                   n_columns;
  guint                   columns[TRI_MAX_COLUMNS];   /* the alignment's columns, in export order */
  char                   *codes[TRI_MAX_COLUMNS];     /* their codes as written */
  char                   *timestamp;                  /* YYYYMMDDThhmmssZ */
} Export;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->rows, g_array_unref);
  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    g_clear_pointer (&export->codes[k], g_free);
  g_clear_pointer (&export->timestamp, g_free);
}

/* The alignment's column whose language is @language (in any case, with
 * "_" or "-"), or -1. */
static int
find_column (TriAlignment *alignment,
             const char   *language)
{
  g_autofree char *wanted = g_strdelimit (g_ascii_strdown (language, -1), "_", '-');

  for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
    {
      const char *code = tri_document_get_language (tri_alignment_get_document (alignment, c));
      g_autofree char *have = g_strdelimit (g_ascii_strdown (code, -1), "_", '-');

      if (g_str_equal (have, wanted))
        return (int)c;
    }
  return -1;
}

static gboolean
no_such_language (TriAlignment  *alignment,
                  const char    *language,
                  GError       **error)
{
  g_autoptr(GString) have = g_string_new (NULL);

  for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
    g_string_append_printf (have, "%s%s", c > 0 ? ", " : "",
                            tri_document_get_language (tri_alignment_get_document (alignment, c)));
  g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION,
               /* Translators: a language code, then the codes the alignment has ("en, ru, uk") */
               _("There is no language “%s” to export (the texts are in %s)"), language, have->str);
  return FALSE;
}

/* The export position (in export->columns) of @language, or -1. */
static int
find_exported (Export     *export,
               const char *language)
{
  int column = find_column (export->alignment, language);

  for (guint k = 0; column >= 0 && k < export->n_columns; k++)
    if (export->columns[k] == (guint)column)
      return (int)k;
  return -1;
}

static gboolean
export_init (Export                  *export,
             TriAlignment            *alignment,
             const TriExportOptions  *options,
             GError                 **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  memset (export, 0, sizeof *export);
  export->alignment = alignment;
  export->options = options;

  if (options->languages != NULL && options->languages[0] != NULL)
    for (guint i = 0; options->languages[i] != NULL; i++)
      {
        int column = find_column (alignment, options->languages[i]);
        gboolean repeated = FALSE;

        if (column < 0)
          return no_such_language (alignment, options->languages[i], error);
        for (guint k = 0; k < export->n_columns; k++)
          repeated |= export->columns[k] == (guint)column;
        if (!repeated && export->n_columns < TRI_MAX_COLUMNS)
          export->columns[export->n_columns++] = (guint)column;
      }
  else
    for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
      export->columns[export->n_columns++] = c;

  for (guint k = 0; k < export->n_columns; k++)
    {
      const char *code = tri_document_get_language (tri_alignment_get_document (alignment, export->columns[k]));

      export->codes[k] = options->region_codes ? tri_language_dup_region_tag (code)
                                               : g_strdelimit (g_strdup (code), "_", '-');
    }

  export->rows = tri_alignment_dup_rows (alignment);
  export->timestamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  return TRUE;
}

/* The text of @row's cell in export position @k (see the top). */
static char *
dup_cell_text (Export        *export,
               const TriBead *row,
               guint          k)
{
  guint column = export->columns[k];
  TriDocument *doc = tri_alignment_get_document (export->alignment, column);
  gboolean raw = tri_document_get_paragraph_mode (doc) == TRI_PARAGRAPH_PRESEGMENTED;
  const char *text = tri_document_get_text (doc);
  GString *cell = g_string_new (NULL);

  for (guint i = 0; i < row->count[column]; i++)
    {
      guint index = row->first[column] + i;

      if (i > 0)
        g_string_append_c (cell, ' ');
      if (raw)
        {
          const TriSentence *s = tri_document_get_sentence (doc, index);

          g_string_append_len (cell, text + s->start, (gssize)(s->end - s->start));
        }
      else
        {
          g_autofree char *sentence = tri_document_dup_sentence_text (doc, index);

          g_string_append (cell, sentence);
        }
    }
  return g_string_free (cell, FALSE);
}

/* The texts of @row in the export positions of @which (n of them), or
 * NULL when the options leave the row out. */
static char **
dup_row_texts (Export        *export,
               const TriBead *row,
               const guint   *which,
               guint          n)
{
  char **texts;
  gboolean any = FALSE, complete = TRUE;

  if (export->options->rows == TRI_EXPORT_ROWS_CONFIRMED && !row->fixed)
    return NULL;

  texts = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      texts[i] = dup_cell_text (export, row, which[i]);
      any |= texts[i][0] != '\0';
      complete &= texts[i][0] != '\0';
    }

  if (!any || (export->options->rows == TRI_EXPORT_ROWS_COMPLETE && !complete))
    g_clear_pointer (&texts, g_strfreev);
  return texts;
}

static const char *
row_status (const TriBead *row)
{
  if (row->fixed)
    return "confirmed";
  if (row->score < TRI_REVIEW_THRESHOLD)
    return "review";
  return "auto";
}

/* A writer into a buffer, and the bytes it wrote. */
static xmlTextWriter *
new_xml_writer (xmlBuffer **buffer)
{
  xmlTextWriter *writer;

  *buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (*buffer, 0);
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  return writer;
}

static GBytes *
finish_xml_writer (xmlTextWriter *writer,
                   xmlBuffer     *buffer)
{
  GBytes *bytes;

  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  bytes = g_bytes_new (xmlBufferContent (buffer), (gsize)xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

static void
write_element (xmlTextWriter *writer,
               const char    *name,
               const char    *text)
{
  g_autofree char *clean = tri_export_sanitize_xml_text (text);

  xmlTextWriterStartElement (writer, BAD_CAST name);
  xmlTextWriterWriteString (writer, BAD_CAST clean);
  xmlTextWriterEndElement (writer);
}

static void
write_prop (xmlTextWriter *writer,
            const char    *type,
            const char    *value)
{
  xmlTextWriterStartElement (writer, BAD_CAST "prop");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "type", BAD_CAST type);
  xmlTextWriterWriteString (writer, BAD_CAST value);
  xmlTextWriterEndElement (writer);
}

/* One TMX file of the languages in export positions @which (n of them),
 * @srclang in its header. */
static GBytes *
export_tmx (Export      *export,
            const guint *which,
            guint        n,
            const char  *srclang)
{
  xmlBuffer *buffer;
  xmlTextWriter *writer = new_xml_writer (&buffer);

  xmlTextWriterWriteDTD (writer, BAD_CAST "tmx", NULL, BAD_CAST "tmx14.dtd", NULL);
  xmlTextWriterWriteRaw (writer, BAD_CAST "\n");
  /* Indented from here on: with indenting on, the DOCTYPE gets a line break inside. */
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterStartElement (writer, BAD_CAST "tmx");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "version", BAD_CAST "1.4");

  xmlTextWriterStartElement (writer, BAD_CAST "header");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationtool", BAD_CAST "Triptych");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationtoolversion", BAD_CAST PACKAGE_VERSION);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "segtype", BAD_CAST "sentence");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "o-tmf", BAD_CAST "Triptych");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "adminlang", BAD_CAST "en");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "srclang", BAD_CAST srclang);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "datatype", BAD_CAST "plaintext");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "o-encoding", BAD_CAST "UTF-8");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationdate", BAD_CAST export->timestamp);
  xmlTextWriterEndElement (writer);

  xmlTextWriterStartElement (writer, BAD_CAST "body");
  for (guint r = 0; r < export->rows->len; r++)
    {
      const TriBead *row = &g_array_index (export->rows, TriBead, r);
      g_auto(GStrv) texts = dup_row_texts (export, row, which, n);
      char number[16], score[G_ASCII_DTOSTR_BUF_SIZE];

      if (texts == NULL)
        continue;

      g_snprintf (number, sizeof number, "%u", r + 1);
      g_ascii_formatd (score, sizeof score, "%.2f", row->score);
      xmlTextWriterStartElement (writer, BAD_CAST "tu");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "tuid", BAD_CAST number);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "creationdate", BAD_CAST export->timestamp);
      write_prop (writer, "x-status", row_status (row));
      write_prop (writer, "x-score", score);
      if (row->bookmarked)
        write_prop (writer, "x-bookmarked", "yes");
      for (guint i = 0; i < n; i++)
        {
          if (texts[i][0] == '\0')
            continue;
          xmlTextWriterStartElement (writer, BAD_CAST "tuv");
          xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:lang", BAD_CAST export->codes[which[i]]);
          write_element (writer, "seg", texts[i]);
          xmlTextWriterEndElement (writer);
        }
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  return finish_xml_writer (writer, buffer);
}

static GBytes *
export_xliff (Export *export,
              guint   source,
              guint   target)
{
  const guint which[2] = { source, target };
  xmlBuffer *buffer;
  xmlTextWriter *writer = new_xml_writer (&buffer);

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterStartElement (writer, BAD_CAST "xliff");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST "urn:oasis:names:tc:xliff:document:2.0");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "version", BAD_CAST "2.0");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "srcLang", BAD_CAST export->codes[source]);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "trgLang", BAD_CAST export->codes[target]);
  xmlTextWriterStartElement (writer, BAD_CAST "file");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "id", BAD_CAST "f1");
  /* The text's spaces, tabs and line breaks are its own: tools must not fold them. */
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:space", BAD_CAST "preserve");

  for (guint r = 0; r < export->rows->len; r++)
    {
      const TriBead *row = &g_array_index (export->rows, TriBead, r);
      g_auto(GStrv) texts = dup_row_texts (export, row, which, 2);
      char id[16];
      const char *state;

      if (texts == NULL)
        continue;

      if (texts[1][0] == '\0' || (!row->fixed && row->score < TRI_REVIEW_THRESHOLD))
        state = "initial";
      else
        state = row->fixed ? "final" : "translated";

      g_snprintf (id, sizeof id, "u%u", r + 1);
      xmlTextWriterStartElement (writer, BAD_CAST "unit");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "id", BAD_CAST id);
      xmlTextWriterStartElement (writer, BAD_CAST "segment");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "state", BAD_CAST state);
      write_element (writer, "source", texts[0]);
      if (texts[1][0] != '\0')
        write_element (writer, "target", texts[1]);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }

  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  return finish_xml_writer (writer, buffer);
}

/* TSV's escapes (see the top). */
static void
append_tsv_field (GString    *out,
                  const char *field)
{
  for (const char *p = field; *p != '\0'; p++)
    switch (*p)
      {
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\\': g_string_append (out, "\\\\"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static void
append_table_record (GString          *out,
                     TriExportFormat   format,
                     char * const     *fields,
                     guint             n)
{
  for (guint i = 0; i < n; i++)
    if (format == TRI_EXPORT_CSV)
      tri_csv_append_field (out, fields[i], i + 1 == n);
    else
      {
        append_tsv_field (out, fields[i]);
        g_string_append_c (out, i + 1 == n ? '\n' : '\t');
      }
}

static GBytes *
export_table (Export *export)
{
  GString *out = g_string_new (export->options->bom ? "\xEF\xBB\xBF" : NULL);
  guint which[TRI_MAX_COLUMNS];

  for (guint k = 0; k < export->n_columns; k++)
    which[k] = k;
  append_table_record (out, export->options->format, export->codes, export->n_columns);
  for (guint r = 0; r < export->rows->len; r++)
    {
      g_auto(GStrv) texts = dup_row_texts (export, &g_array_index (export->rows, TriBead, r),
                                           which, export->n_columns);

      if (texts != NULL)
        append_table_record (out, export->options->format, texts, export->n_columns);
    }
  return g_string_free_to_bytes (out);
}

/* g_string_append_len() for a writer that only adds at the end: a copy
 * while the buffer has room (g_string_append() measures the string and
 * goes through the general insertion, 100 instructions a piece of JSON). */
static inline void
append_len (GString    *out,
            const char *data,
            gsize       n)
{
  if (out->len + n < out->allocated_len)
    {
      memcpy (out->str + out->len, data, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, data, n);
}

#define append_literal(out, literal) append_len ((out), "" literal, sizeof (literal) - 1)

/* Whether any of the eight bytes in @w is below 0x20 (a control
 * character, or the NUL at the end), ", \ or DEL: "some byte below n" as
 * (w − n × ones) & ~w & highs, and "some byte equal to c" as "some byte of
 * w ^ c × ones below 1"; exact for the word as a whole. */
static inline gboolean
json_needs_escape (guint64 w)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\'), del = w ^ (ones * 0x7f);
  guint64 found = ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                  ((backslash - ones) & ~backslash) | ((del - ones) & ~del);

  return (found & highs) != 0;
}

/* @text as a JSON string literal, as json-glib writes it. Text without
 * control characters (nearly all) is copied with " and \ escaped — what
 * json-glib 1.6 gives for every such text (checked on every code point,
 * alone and between letters, and 300,000 random strings) at a tenth of the
 * cost; json-glib writes the rest (it drops U+001F, for one). */
static void
append_json_string (GString    *out,
                    const char *text)
{
  const char *p = text, *run = text, *end = text + strlen (text);
  gsize start = out->len;

  g_string_append_c (out, '"');
  for (; p < end; p++)
    {
      guchar c;

      /* eight bytes at a time while none needs a look */
      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, sizeof w);
          if (json_needs_escape (w))
            break;
          p += 8;
        }
      if (p == end)
        break;
      c = (guchar)*p;
      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      if (c == '"' || c == '\\')
        {
          append_len (out, run, p - run);
          g_string_append_c (out, '\\');
          run = p;
          continue;
        }

      /* a control character */
      {
        g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
        g_autofree char *literal = json_to_string (node, FALSE);

        g_string_truncate (out, start);
        g_string_append (out, literal);
        return;
      }
    }
  append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* @value in decimal, after @prefix: g_string_append_printf() took a third
 * of writing a long alignment. */
static void
append_number (GString    *out,
               const char *prefix,
               guint64     value)
{
  char digits[24];
  guint n = sizeof digits;

  do
    {
      digits[--n] = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  append_len (out, prefix, strlen (prefix));
  append_len (out, digits + n, sizeof digits - n);
}

/* @score with two decimals, whatever the locale. */
static void
append_score (GString *out,
              double   score)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (text, sizeof text, "%.2f", score);
  append_len (out, text, strlen (text));
}

/* One row as `triptych-cli align` prints it, its texts (nullable) added.
 * Written directly rather than with JsonBuilder: json-glib prints doubles
 * with 17 digits (0.98999999999999999), where a confidence needs two; the
 * codes are letters and hyphens, and the texts go through json-glib. */
/* A row's cell in one column as the word aligner reads it: its sentences
 * joined by a space, with where each starts in the cell and in the
 * document's text. */
typedef struct
{
  GString *text;
  GArray  *cell_starts;   /* gsize */
  GArray  *doc_starts;    /* gsize */
} WordCell;

static void
word_cell_init (WordCell      *cell,
                Export        *export,
                const TriBead *row,
                guint          column)
{
  TriDocument *doc = tri_alignment_get_document (export->alignment, column);
  const char *text = tri_document_get_text (doc);

  cell->text = g_string_new (NULL);
  cell->cell_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  cell->doc_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (guint s = 0; s < row->count[column]; s++)
    {
      const TriSentence *sentence = tri_document_get_sentence (doc, row->first[column] + s);

      if (s > 0)
        g_string_append_c (cell->text, ' ');
      g_array_append_val (cell->cell_starts, cell->text->len);
      g_array_append_val (cell->doc_starts, sentence->start);
      g_string_append_len (cell->text, text + sentence->start, (gssize)(sentence->end - sentence->start));
    }
}

static gsize
word_cell_offset (const WordCell *cell,
                  gsize           offset)
{
  guint s = 0;

  while (s + 1 < cell->cell_starts->len && g_array_index (cell->cell_starts, gsize, s + 1) <= offset)
    s++;
  return g_array_index (cell->doc_starts, gsize, s) + (offset - g_array_index (cell->cell_starts, gsize, s));
}

static void
word_cell_clear (WordCell *cell)
{
  g_string_free (cell->text, TRUE);
  g_array_unref (cell->cell_starts);
  g_array_unref (cell->doc_starts);
}

/* ,"words":{"en-ru":[[s1,e1,s2,e2],…],…}: the row's word links per pair
 * of columns, byte offsets in the documents' texts like "spans". */
static void
append_row_words (GString        *out,
                  Export         *export,
                  TriWordAligner *aligner,
                  const TriBead  *row)
{
  WordCell cells[TRI_MAX_COLUMNS];
  const char *texts[TRI_MAX_COLUMNS];
  g_autoptr(TriWordRow) words = NULL;
  gboolean first_pair = TRUE;

  for (guint k = 0; k < export->n_columns; k++)
    {
      word_cell_init (&cells[k], export, row, export->columns[k]);
      texts[k] = cells[k].text->str;
    }
  words = tri_word_aligner_align (aligner, texts);

  g_string_append (out, ",\"words\":{");
  for (guint a = 0; a < export->n_columns; a++)
    for (guint b = a + 1; b < export->n_columns; b++)
      {
        guint na, nb, nl;
        const TriWordSpan *sa = tri_word_row_get_words (words, a, &na);
        const TriWordSpan *sb = tri_word_row_get_words (words, b, &nb);
        const TriWordLink *links = tri_word_row_get_links (words, a, b, &nl);

        g_string_append_printf (out, "%s\"%s-%s\":[", first_pair ? "" : ",", export->codes[a], export->codes[b]);
        first_pair = FALSE;
        for (guint l = 0; l < nl; l++)
          g_string_append_printf (out, "%s[%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT "]",
                                  l > 0 ? "," : "",
                                  word_cell_offset (&cells[a], sa[links[l].a].start),
                                  word_cell_offset (&cells[a], sa[links[l].a].end),
                                  word_cell_offset (&cells[b], sb[links[l].b].start),
                                  word_cell_offset (&cells[b], sb[links[l].b].end));
        g_string_append_c (out, ']');
      }
  g_string_append_c (out, '}');

  for (guint k = 0; k < export->n_columns; k++)
    word_cell_clear (&cells[k]);
}

/* A word aligner for the exported columns, having learnt from all rows. */
static TriWordAligner *
word_aligner_for (Export *export)
{
  const char *languages[TRI_MAX_COLUMNS];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  TriWordAligner *aligner;

  for (guint k = 0; k < export->n_columns; k++)
    languages[k] = tri_document_get_language (tri_alignment_get_document (export->alignment, export->columns[k]));
  aligner = tri_word_aligner_new (export->n_columns, languages);

  for (guint r = 0; r < export->rows->len; r++)
    for (guint k = 0; k < export->n_columns; k++)
      {
        WordCell cell;

        word_cell_init (&cell, export, &g_array_index (export->rows, TriBead, r), export->columns[k]);
        g_ptr_array_add (cells, g_strdup (cell.text->str));
        word_cell_clear (&cell);
      }
  tri_word_aligner_learn (aligner, export->rows->len, (const char * const *)cells->pdata);
  return aligner;
}

static void
append_row_json (GString        *out,
                 Export         *export,
                 const TriBead  *row,
                 char * const   *texts,
                 TriWordAligner *aligner)
{
  g_string_append_c (out, '{');
  for (guint k = 0; k < export->n_columns; k++)
    {
      guint column = export->columns[k];

      g_string_append_c (out, '"');
      append_len (out, export->codes[k], strlen (export->codes[k]));
      append_literal (out, "\":[");
      for (guint s = 0; s < row->count[column]; s++)
        append_number (out, s > 0 ? "," : "", row->first[column] + s);
      append_literal (out, "],");
    }

  append_literal (out, "\"score\":");
  append_score (out, row->score);
  append_literal (out, ",\"spans\":{");

  for (guint k = 0; k < export->n_columns; k++)
    {
      guint column = export->columns[k];
      TriDocument *doc = tri_alignment_get_document (export->alignment, column);

      if (k > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      append_len (out, export->codes[k], strlen (export->codes[k]));
      append_literal (out, "\":[");
      for (guint s = 0; s < row->count[column]; s++)
        {
          const TriSentence *sentence = tri_document_get_sentence (doc, row->first[column] + s);

          append_number (out, s > 0 ? ",[" : "[", sentence->start);
          append_number (out, ",", sentence->end);
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');

  if (aligner != NULL)
    append_row_words (out, export, aligner, row);

  if (texts != NULL)
    {
      append_literal (out, ",\"text\":{");
      for (guint k = 0; k < export->n_columns; k++)
        {
          if (k > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '"');
          append_len (out, export->codes[k], strlen (export->codes[k]));
          append_literal (out, "\":");
          append_json_string (out, texts[k]);
        }
      g_string_append_c (out, '}');
    }
  if (row->fixed)
    append_literal (out, ",\"confirmed\":true");
  append_literal (out, "}\n");
}

/* Rows [from, to) of a JSON Lines export, appended to @out. */
typedef struct
{
  Export         *export;
  TriWordAligner *aligner;
  guint           from, to;
  GString        *out;
} JsonlRange;

static gpointer
export_jsonl_range (gpointer data)
{
  JsonlRange *range = data;
  Export *export = range->export;
  guint which[TRI_MAX_COLUMNS];

  for (guint k = 0; k < export->n_columns; k++)
    which[k] = k;

  for (guint r = range->from; r < range->to; r++)
    {
      const TriBead *row = &g_array_index (export->rows, TriBead, r);
      g_auto(GStrv) texts = dup_row_texts (export, row, which, export->n_columns);

      if (texts != NULL)
        append_row_json (range->out, export, row, texts, range->aligner);
    }
  return NULL;
}

/* Below this many rows, a JSON Lines export is written in one thread. */
#define JSONL_THREAD_MIN 2000

static GBytes *
export_jsonl (Export *export)
{
  g_autoptr(TriWordAligner) aligner = export->options->words ? word_aligner_for (export) : NULL;
  guint n = export->rows->len;
  JsonlRange first = { export, aligner, 0, n, g_string_new (NULL) };
  JsonlRange second = { export, aligner, n, n, NULL };
  GThread *thread = NULL;

  /* The second half of the rows written at the same time, into a buffer
   * of its own (not with word links: the word aligner is one object). */
  if (aligner == NULL && n >= JSONL_THREAD_MIN)
    {
      first.to = second.from = n / 2;
      second.out = g_string_new (NULL);
      thread = g_thread_try_new ("tri-export-jsonl", export_jsonl_range, &second, NULL);
    }
  export_jsonl_range (&first);
  if (second.out != NULL)
    {
      if (thread != NULL)
        g_thread_join (thread);
      else
        export_jsonl_range (&second);
      g_string_append_len (first.out, second.out->str, (gssize)second.out->len);
      g_string_free (second.out, TRUE);
    }
  return g_string_free_to_bytes (first.out);
}

static TriExportPart *
part_new (const char *suffix,
          GBytes     *bytes)
{
  TriExportPart *part = g_new0 (TriExportPart, 1);

  part->suffix = g_strdup (suffix);
  part->bytes = bytes;
  return part;
}

/* TMX: one file, or one per pair of the source language with each other. */
static gboolean
export_tmx_parts (Export     *export,
                  GPtrArray  *parts,
                  GError    **error)
{
  const char *srclang = export->options->srclang;
  int source = 0;

  if (srclang != NULL && !g_str_equal (srclang, "*all*"))
    {
      source = find_exported (export, srclang);
      if (source < 0)
        return no_such_language (export->alignment, srclang, error);
    }

  if (!export->options->tmx_pairs || export->n_columns < 2)
    {
      guint which[TRI_MAX_COLUMNS];

      for (guint k = 0; k < export->n_columns; k++)
        which[k] = k;
      g_ptr_array_add (parts, part_new ("", export_tmx (export, which, export->n_columns,
                                                        srclang != NULL && g_str_equal (srclang, "*all*")
                                                        ? "*all*" : export->codes[source])));
      return TRUE;
    }

  for (guint k = 0; k < export->n_columns; k++)
    {
      guint which[2] = { (guint)source, k };
      g_autofree char *suffix = NULL;

      if (k == (guint)source)
        continue;
      suffix = g_strdup_printf ("-%s-%s", export->codes[source], export->codes[k]);
      g_ptr_array_add (parts, part_new (suffix, export_tmx (export, which, 2,
                                                            srclang != NULL && g_str_equal (srclang, "*all*")
                                                            ? "*all*" : export->codes[source])));
    }
  return TRUE;
}

static gboolean
export_xliff_part (Export     *export,
                   GPtrArray  *parts,
                   GError    **error)
{
  const TriExportOptions *options = export->options;
  int source = 0, target = -1;

  if (options->source != NULL && (source = find_exported (export, options->source)) < 0)
    return no_such_language (export->alignment, options->source, error);
  if (options->target != NULL && (target = find_exported (export, options->target)) < 0)
    return no_such_language (export->alignment, options->target, error);
  if (target < 0)
    for (guint k = 0; k < export->n_columns && target < 0; k++)
      if (k != (guint)source)
        target = (int)k;
  if (target < 0 || target == source)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION,
                   _("XLIFF needs two different languages, a source and a target"));
      return FALSE;
    }

  g_ptr_array_add (parts, part_new ("", export_xliff (export, (guint)source, (guint)target)));
  return TRUE;
}

/**
 * tri_export_to_parts:
 * @alignment: an alignment
 * @options: how to export
 * @error: return location for a #GError (%TRI_IO_ERROR_INVALID_OPTION)
 *
 * Exports @alignment as @options say (see the top of tri-export.c for each
 * format's layout). Most exports are one file; a TMX with
 * @options->tmx_pairs is one a language pair.
 *
 * Returns: (transfer full) (element-type TriExportPart) (nullable): the files
 */
GPtrArray *
tri_export_to_parts (TriAlignment            *alignment,
                     const TriExportOptions  *options,
                     GError                 **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify)tri_export_part_free);
  Export export;
  gboolean ok = TRUE;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail ((guint)options->format < TRI_EXPORT_N_FORMATS, NULL);

  if (!export_init (&export, alignment, options, error))
    {
      export_clear (&export);
      return NULL;
    }

  switch (options->format)
    {
    case TRI_EXPORT_TMX:
      ok = export_tmx_parts (&export, parts, error);
      break;
    case TRI_EXPORT_XLIFF:
      ok = export_xliff_part (&export, parts, error);
      break;
    case TRI_EXPORT_TSV:
    case TRI_EXPORT_CSV:
      g_ptr_array_add (parts, part_new ("", export_table (&export)));
      break;
    case TRI_EXPORT_JSONL:
    default:
      g_ptr_array_add (parts, part_new ("", export_jsonl (&export)));
      break;
    }

  export_clear (&export);
  return ok ? g_steal_pointer (&parts) : NULL;
}

/**
 * tri_export_to_bytes:
 * @alignment: an alignment
 * @options: how to export (for a TMX with @tmx_pairs, only the first pair)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the first (usually the only) file
 */
GBytes *
tri_export_to_bytes (TriAlignment            *alignment,
                     const TriExportOptions  *options,
                     GError                 **error)
{
  g_autoptr(GPtrArray) parts = tri_export_to_parts (alignment, options, error);

  if (parts == NULL)
    return NULL;
  return g_bytes_ref (((TriExportPart *)g_ptr_array_index (parts, 0))->bytes);
}

/**
 * tri_export_part_file:
 * @file: the file the user chose
 * @suffix: a part's suffix
 *
 * Where a part goes: @file itself for "", else @file's name with @suffix
 * before its extension (report.tmx → report-en-ru.tmx).
 *
 * Returns: (transfer full): the part's file
 */
GFile *
tri_export_part_file (GFile      *file,
                      const char *suffix)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  const char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (suffix == NULL || suffix[0] == '\0')
    return g_object_ref (file);

  basename = g_file_get_basename (file);
  dot = strrchr (basename, '.');
  if (dot == NULL || dot == basename)
    dot = basename + strlen (basename);
  name = g_strdup_printf ("%.*s%s%s", (int)(dot - basename), basename, suffix, dot);
  parent = g_file_get_parent (file);
  return parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
}

static GPtrArray *
save_parts (GPtrArray     *parts,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < parts->len; i++)
    {
      TriExportPart *part = g_ptr_array_index (parts, i);
      g_autoptr(GFile) target = tri_export_part_file (file, part->suffix);
      gsize length;
      const char *data = g_bytes_get_data (part->bytes, &length);

      if (!tri_file_replace_contents (target, data, length, G_FILE_CREATE_NONE, cancellable, error))
        return NULL;
      g_ptr_array_add (files, g_steal_pointer (&target));
    }
  return g_steal_pointer (&files);
}

/**
 * tri_export_save:
 * @alignment: an alignment
 * @options: how to export
 * @file: where to write (for TMX pairs: the name the pairs' names derive
 *   from, see tri_export_part_file())
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Exports and writes each file atomically (tri_file_replace_contents()).
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the files written
 */
GPtrArray *
tri_export_save (TriAlignment            *alignment,
                 const TriExportOptions  *options,
                 GFile                   *file,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(GPtrArray) parts = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parts = tri_export_to_parts (alignment, options, error);
  if (parts == NULL)
    return NULL;
  return save_parts (parts, file, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *files = save_parts (task_data, G_FILE (g_object_get_data (G_OBJECT (task), "tri-export-file")),
                                 cancellable, &error);

  if (files == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, files, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * tri_export_save_async:
 * @alignment: an alignment
 * @options: how to export
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the files are written
 * @user_data: for @callback
 *
 * tri_export_save() with the writing in a thread. The files' content is
 * made at once, on the calling thread, since the alignment is not
 * thread-safe (20,000 rows take about a tenth of a second, see
 * bench/RESULTS.md); only the writing waits on the disk. Option errors come
 * through the callback too.
 */
void
tri_export_save_async (TriAlignment           *alignment,
                       const TriExportOptions *options,
                       GFile                  *file,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  GPtrArray *parts;

  g_return_if_fail (TRI_IS_ALIGNMENT (alignment));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_export_save_async);

  parts = tri_export_to_parts (alignment, options, &error);
  if (parts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "tri-export-file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, parts, (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, save_thread);
}

/**
 * tri_export_save_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the files written
 */
GPtrArray *
tri_export_save_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tri_export_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

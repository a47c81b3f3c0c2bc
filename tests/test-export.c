/* test-export.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "tri-error.h"
#include "tri-export.h"
#include "tri-import.h"
#include "tri-test-utils.h"

/* Rows whose text every format must carry: markup and CSV characters,
 * emoji (with joiners and flags), right-to-left Arabic and Hebrew with
 * their marks, a C0 control (BEL), tabs, line breaks (LF and CRLF),
 * backslashes, spaces at the ends, a 10,000-character sentence, and a row
 * with no Ukrainian. */
#define N_ROWS 8

static const char *hostile[N_ROWS][3] = {
  { "<b>Grain & \"Ports\"</b> 'quoted' ]]> & < > &amp;", "<b>Зерно & «Порты»</b> ]]>", "<b>Зерно & «Порти»</b> ]]>" },
  { "Flags 🇺🇦 and a family 👩‍👩‍👧 😀", "Флаги 🇺🇦 😀", "Прапори 🇺🇦 😀" },
  { "Arabic: مرحبا بالعالم, Hebrew: שלום עולם\u200F.", "Арабский: مرحبا, иврит: שלום.", "Арабська: مرحبا, іврит: שלום." },
  { "A bell\a rings, a tab\there.", "Звонок\a звенит.", "Дзвоник\a дзвонить." },
  { NULL, "Длинное", "Довге" },        /* English filled in with 10,000 characters */
  { "Line one\nline two\r\nline three\\n not a newline \\t \\\\", "Строка\tодна\nдве", "Рядок\tодин\nдва" },
  { "  spaces at the ends  ", "Только по-русски.", "" },
  { "Plain, \"quoted\", comma", "Обычная, \"кавычки\"", "Звичайна, \"лапки\"" },
};

static const char *languages[3] = { "en", "ru", "uk" };

static char *
long_sentence (void)
{
  GString *s = g_string_new (NULL);

  while (g_utf8_strlen (s->str, -1) < 10000)
    g_string_append (s, "Довге речення, long sentence 😀. ");
  g_string_truncate (s, (gsize)(g_utf8_offset_to_pointer (s->str, 10000) - s->str));
  return g_string_free (s, FALSE);
}

/* The text of @row in @column as the test expects it back. */
static char *
expected_text (guint row,
               guint column)
{
  if (hostile[row % N_ROWS][column] == NULL)
    return row < N_ROWS ? long_sentence () : g_strdup_printf ("Row %u, in English only here.", row + 1);
  return g_strdup (hostile[row % N_ROWS][column]);
}

/* An alignment of the hostile rows, built by hand as presegmented
 * documents (each cell one sentence, kept byte for byte). Row 1 is
 * confirmed and bookmarked, row 2 needs review. */
static TriAlignment *
hostile_alignment_of (guint n_rows)
{
  TriDocument *documents[3];
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TriBead));
  TriAlignment *alignment;
  guint n_sentences[3] = { 0 };

  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (TriSentence));
      g_autoptr(GError) error = NULL;

      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *cell = expected_text (r, c);
          TriSentence s;

          if (cell[0] == '\0')
            continue;
          if (text->len > 0)
            g_string_append (text, "\n\n");
          s.start = text->len;
          g_string_append (text, cell);
          s.end = text->len;
          s.paragraph = sentences->len;
          g_array_append_val (sentences, s);
        }
      documents[c] = tri_document_new_from_parts (text->str, languages[c], TRI_PARAGRAPH_PRESEGMENTED,
                                                  (const TriSentence *)(gpointer)sentences->data,
                                                  sentences->len, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      TriBead bead = { { 0 }, { 0 }, 0.9, r == 1, r == 1 };

      if (r == 2)
        bead.score = 0.3;
      for (guint c = 0; c < 3; c++)
        {
          bead.first[c] = n_sentences[c];
          bead.count[c] = hostile[r % N_ROWS][c] == NULL || hostile[r % N_ROWS][c][0] != '\0' ? 1 : 0;
          n_sentences[c] += bead.count[c];
        }
      g_array_append_val (rows, bead);
    }

  alignment = tri_alignment_new (documents, 3);
  tri_alignment_restore (alignment, rows, TRUE);
  g_assert_true (tri_alignment_check (alignment, NULL));
  for (guint c = 0; c < 3; c++)
    g_object_unref (documents[c]);
  return alignment;
}

static TriAlignment *
hostile_alignment (void)
{
  return hostile_alignment_of (N_ROWS);
}

/* The cell's text as the export writes it (its sentences, raw, joined). */
static char *
cell_text (TriAlignment *alignment,
           guint         row,
           guint         column)
{
  g_autoptr(TriRow) item = g_list_model_get_item (G_LIST_MODEL (alignment), row);
  TriDocument *doc = tri_alignment_get_document (alignment, column);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < tri_row_get_count (item, column); i++)
    {
      const TriSentence *s = tri_document_get_sentence (doc, tri_row_get_first (item, column) + i);

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append_len (text, tri_document_get_text (doc) + s->start, (gssize)(s->end - s->start));
    }
  return g_string_free (text, FALSE);
}

static GBytes *
export_bytes (TriAlignment     *alignment,
              TriExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = tri_export_to_bytes (alignment, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
write_bytes (TriTestDir *fixture,
             const char *name,
             GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return tri_test_write_file (fixture->dir, name, data, (gssize)length);
}

static TriAlignment *
import_path (const char         *path,
             const char * const *wanted,
             GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TriExportFormat format;

  g_assert_true (tri_export_format_for_filename (path, &format));
  return tri_import_load (file, format, wanted, NULL, error);
}

/* Formats */

static void
test_formats (void)
{
  TriExportFormat format;

  for (guint i = 0; i < TRI_EXPORT_N_FORMATS; i++)
    {
      g_autofree char *name = g_strconcat ("out", tri_export_format_get_suffix (i), NULL);

      g_assert_true (tri_export_format_from_id (tri_export_format_get_id (i), &format));
      g_assert_cmpint (format, ==, i);
      g_assert_true (tri_export_format_for_filename (name, &format));
      g_assert_cmpint (format, ==, i);
      g_assert_cmpstr (tri_export_format_get_name (i), !=, "");
    }
  g_assert_true (tri_export_format_for_filename ("MEMORY.XLIFF", &format));
  g_assert_cmpint (format, ==, TRI_EXPORT_XLIFF);
  g_assert_false (tri_export_format_can_import (TRI_EXPORT_XLIFF));
  g_assert_true (tri_export_format_can_import (TRI_EXPORT_TMX));
  g_assert_false (tri_export_format_for_filename ("report.docx", &format));
  g_assert_false (tri_export_format_from_id ("docx", &format));
}

/* XML: structure (what the TMX 1.4 DTD and the XLIFF 2.0 schema require,
 * checked with XPath: neither file's licence could be verified, so
 * neither is shipped) */

static xmlDoc *
parse_xml (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = xmlReadMemory (data, (int)length, "export.xml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static double
xpath_number (xmlDoc     *doc,
              const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;
  double value;

  xmlXPathRegisterNs (context, BAD_CAST "x", BAD_CAST "urn:oasis:names:tc:xliff:document:2.0");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_assert_nonnull (result);
  value = xmlXPathCastToNumber (result);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return value;
}

static char *
xpath_string (xmlDoc     *doc,
              const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;
  xmlChar *value;
  char *copy;

  xmlXPathRegisterNs (context, BAD_CAST "x", BAD_CAST "urn:oasis:names:tc:xliff:document:2.0");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_assert_nonnull (result);
  value = xmlXPathCastToString (result);
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return copy;
}

#define assert_count(doc, expression, n) \
  g_assert_cmpfloat (xpath_number ((doc), "count(" expression ")"), ==, (n))

/* Every element and attribute tmx14.dtd requires, in the order it wants. */
static void
check_tmx_structure (xmlDoc *doc,
                     guint   n_tu)
{
  static const char *required[] = {
    "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype",
  };
  g_autofree char *date = xpath_string (doc, "/tmx/header/@creationdate");
  g_autoptr(GRegex) date_re = g_regex_new ("^[0-9]{8}T[0-9]{6}Z$", 0, 0, NULL);

  assert_count (doc, "/tmx[@version='1.4']", 1);
  assert_count (doc, "/tmx/*", 2);
  assert_count (doc, "/tmx/*[1][self::header]", 1);
  assert_count (doc, "/tmx/*[2][self::body]", 1);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *expression = g_strdup_printf ("count(/tmx/header[string-length(@%s) > 0])", required[i]);

      g_assert_cmpfloat (xpath_number (doc, expression), ==, 1);
    }
  assert_count (doc, "/tmx/header[@segtype='sentence' and @datatype='plaintext']", 1);
  g_assert_true (g_regex_match (date_re, date, 0, NULL));

  assert_count (doc, "/tmx/body/*", n_tu);
  assert_count (doc, "/tmx/body/tu", n_tu);
  assert_count (doc, "/tmx/body/tu[string-length(@tuid) > 0 and string-length(@creationdate) = 16]", n_tu);
  /* (note|prop)* then tuv+; a tuv holds exactly one seg of text only. */
  assert_count (doc, "/tmx/body/tu[not(tuv)]", 0);
  assert_count (doc, "//tu/*[not(self::prop or self::note or self::tuv)]", 0);
  assert_count (doc, "//tu/tuv/following-sibling::*[not(self::tuv)]", 0);
  assert_count (doc, "//tu[prop[@type='x-status'] and prop[@type='x-score']]", n_tu);
  assert_count (doc, "//tuv[not(@xml:lang) or string-length(@xml:lang) = 0]", 0);
  assert_count (doc, "//tuv[count(*) != 1 or not(seg)]", 0);
  assert_count (doc, "//seg/*", 0);
  /* No two tu with one tuid. */
  assert_count (doc, "//tu[@tuid = preceding-sibling::tu/@tuid]", 0);
}

/* Every element and attribute the XLIFF 2.0 core schema requires. */
static void
check_xliff_structure (xmlDoc *doc,
                       guint   n_units)
{
  assert_count (doc, "/x:xliff[@version='2.0' and string-length(@srcLang) > 0 and string-length(@trgLang) > 0]", 1);
  assert_count (doc, "/x:xliff/*[not(self::x:file)]", 0);
  assert_count (doc, "/x:xliff/x:file[string-length(@id) > 0 and @xml:space = 'preserve']", 1);
  assert_count (doc, "/x:xliff/x:file/*[not(self::x:unit)]", 0);
  assert_count (doc, "//x:unit", n_units);
  assert_count (doc, "//x:unit[string-length(@id) > 0]", n_units);
  assert_count (doc, "//x:unit[@id = preceding-sibling::x:unit/@id]", 0);
  assert_count (doc, "//x:unit[count(x:segment) = 1 and count(*) = 1]", n_units);
  assert_count (doc, "//x:segment[count(x:source) = 1 and x:source = *[1]]", n_units);
  assert_count (doc, "//x:segment/*[not(self::x:source or self::x:target)]", 0);
  assert_count (doc, "//x:segment[@state != 'initial' and @state != 'translated' and @state != 'reviewed' and @state != 'final']", 0);
  /* A state past initial needs a target. */
  assert_count (doc, "//x:segment[@state != 'initial' and not(x:target)]", 0);
  assert_count (doc, "//x:source/* | //x:target/*", 0);
}

static void
test_valid_tmx (void)
{
  g_autoptr(TriAlignment) alignment = hostile_alignment ();
  g_autoptr(TriExportOptions) options = tri_export_options_new ();
  g_autoptr(GBytes) bytes = NULL;
  xmlDoc *doc;

  options->format = TRI_EXPORT_TMX;
  bytes = export_bytes (alignment, options);
  doc = parse_xml (bytes);
  check_tmx_structure (doc, N_ROWS);
  assert_count (doc, "/tmx/header[@srclang='en']", 1);
  /* The row without Ukrainian has no uk tuv; the others have three. */
  assert_count (doc, "//tu[@tuid='7']/tuv", 2);
  assert_count (doc, "//tuv", 3 * N_ROWS - 1);
  assert_count (doc, "//tu[@tuid='2' and prop[@type='x-status']='confirmed' and prop[@type='x-bookmarked']='yes']", 1);
  assert_count (doc, "//tu[@tuid='3' and prop[@type='x-status']='review' and prop[@type='x-score']='0.30']", 1);
  assert_count (doc, "//tu[@tuid='1' and prop[@type='x-status']='auto' and prop[@type='x-score']='0.90']", 1);
  xmlFreeDoc (doc);

  /* One file per pair, *all*, region codes. */
  {
    g_autoptr(GPtrArray) parts = NULL;
    g_autoptr(GError) error = NULL;

    options->tmx_pairs = TRUE;
    options->region_codes = TRUE;
    options->srclang = g_strdup ("*all*");
    parts = tri_export_to_parts (alignment, options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (parts->len, ==, 2);
    g_assert_cmpstr (((TriExportPart *)parts->pdata[0])->suffix, ==, "-en-US-ru-RU");
    g_assert_cmpstr (((TriExportPart *)parts->pdata[1])->suffix, ==, "-en-US-uk-UA");
    for (guint i = 0; i < parts->len; i++)
      {
        doc = parse_xml (((TriExportPart *)parts->pdata[i])->bytes);
        check_tmx_structure (doc, N_ROWS);
        assert_count (doc, "/tmx/header[@srclang='*all*']", 1);
        assert_count (doc, "//tuv[@xml:lang='en-US']", N_ROWS);
        if (i == 0)
          assert_count (doc, "//tuv[@xml:lang='ru-RU']", N_ROWS);
        else
          assert_count (doc, "//tuv[@xml:lang='uk-UA']", N_ROWS - 1);
        assert_count (doc, "//tuv[@xml:lang='ru' or @xml:lang='uk' or @xml:lang='en']", 0);
        xmlFreeDoc (doc);
      }
  }
}

static void
test_valid_xliff (void)
{
  g_autoptr(TriAlignment) alignment = hostile_alignment ();
  g_autoptr(TriExportOptions) options = tri_export_options_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  options->format = TRI_EXPORT_XLIFF;
  options->source = g_strdup ("ru");
  options->target = g_strdup ("uk");
  bytes = export_bytes (alignment, options);
  doc = parse_xml (bytes);
  check_xliff_structure (doc, N_ROWS);
  assert_count (doc, "/x:xliff[@srcLang='ru' and @trgLang='uk']", 1);
  /* State from the row: confirmed → final, to review → initial, the
   * row without Ukrainian → initial without a target, others translated. */
  assert_count (doc, "//x:unit[@id='u2']/x:segment[@state='final']", 1);
  assert_count (doc, "//x:unit[@id='u3']/x:segment[@state='initial' and x:target]", 1);
  assert_count (doc, "//x:unit[@id='u7']/x:segment[@state='initial' and not(x:target)]", 1);
  assert_count (doc, "//x:segment[@state='translated']", N_ROWS - 3);
  xmlFreeDoc (doc);

  g_clear_pointer (&options->target, g_free);
  options->target = g_strdup ("ru");
  g_assert_null (tri_export_to_bytes (alignment, options, &error));
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION);
}

/* Each format carries the text */

/* The text of every seg (or source/target) in document order. */
static GPtrArray *
xml_texts (xmlDoc     *doc,
           const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  xmlXPathRegisterNs (context, BAD_CAST "x", BAD_CAST "urn:oasis:names:tc:xliff:document:2.0");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_ptr_array_add (texts, g_strdup ((const char *)content));
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return texts;
}

static void
test_xml_text (void)
{
  g_autoptr(TriAlignment) alignment = hostile_alignment ();
  g_autoptr(TriExportOptions) options = tri_export_options_new ();
  g_autoptr(GBytes) tmx = NULL, xliff = NULL;
  g_autoptr(GPtrArray) segs = NULL, sources = NULL;
  xmlDoc *doc;
  guint i = 0;

  options->format = TRI_EXPORT_TMX;
  tmx = export_bytes (alignment, options);
  doc = parse_xml (tmx);
  segs = xml_texts (doc, "//seg");
  xmlFreeDoc (doc);
  for (guint r = 0; r < N_ROWS; r++)
    for (guint c = 0; c < 3; c++)
      {
        g_autofree char *expected = expected_text (r, c);
        g_autofree char *clean = tri_export_sanitize_xml_text (expected);

        if (expected[0] == '\0')
          continue;
        g_assert_cmpstr (g_ptr_array_index (segs, i), ==, clean);
        i++;
      }
  g_assert_cmpuint (i, ==, segs->len);

  /* The bell, which XML 1.0 forbids, became U+FFFD; nothing else changed. */
  g_assert_nonnull (strstr (g_ptr_array_index (segs, 9), "bell\xEF\xBF\xBD rings"));
  g_assert_null (memchr (g_bytes_get_data (tmx, NULL), '\a', g_bytes_get_size (tmx)));

  options->format = TRI_EXPORT_XLIFF;
  xliff = export_bytes (alignment, options);
  doc = parse_xml (xliff);
  sources = xml_texts (doc, "//x:source");
  xmlFreeDoc (doc);
  g_assert_cmpuint (sources->len, ==, N_ROWS);
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_autofree char *expected = expected_text (r, 0);
      g_autofree char *clean = tri_export_sanitize_xml_text (expected);

      g_assert_cmpstr (g_ptr_array_index (sources, r), ==, clean);
    }
}

/* Round trips: export → import gives the cells back exactly (XML: with
 * U+FFFD for the forbidden characters); a second export is the first. */

static void
assert_same_cells (TriAlignment *original,
                   TriAlignment *imported,
                   gboolean      xml)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (original));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (imported)), ==, n);
  g_assert_cmpuint (tri_alignment_get_n_columns (imported), ==, 3);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (imported, c)), ==, languages[c]);
  for (guint r = 0; r < n; r++)
    for (guint c = 0; c < 3; c++)
      {
        g_autofree char *want = cell_text (original, r, c);
        g_autofree char *got = cell_text (imported, r, c);
        g_autofree char *clean = xml ? tri_export_sanitize_xml_text (want) : g_strdup (want);

        g_assert_cmpstr (got, ==, clean);
      }
}

/* The timestamps of two exports may differ by a second. */
static char *
without_dates (GBytes *bytes)
{
  g_autoptr(GRegex) date = g_regex_new ("creationdate=\"[0-9T]+Z\"", 0, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return g_regex_replace_literal (date, text, -1, 0, "creationdate=\"\"", 0, NULL);
}

static void
round_trip_of (TriTestDir      *fixture,
               TriExportFormat  format,
               gboolean         bom,
               guint            n_rows)
{
  g_autoptr(TriAlignment) alignment = hostile_alignment_of (n_rows);
  g_autoptr(TriAlignment) imported = NULL;
  g_autoptr(TriExportOptions) options = tri_export_options_new ();
  g_autoptr(GBytes) first = NULL, second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat ("round", tri_export_format_get_suffix (format), NULL);
  g_autofree char *path = NULL;
  g_autofree char *a = NULL, *b = NULL;

  options->format = format;
  options->bom = bom;
  first = export_bytes (alignment, options);
  if (bom)
    g_assert_cmpmem (g_bytes_get_data (first, NULL), 3, "\xEF\xBB\xBF", 3);
  path = write_bytes (fixture, name, first);
  imported = import_path (path, NULL, &error);
  g_assert_no_error (error);
  assert_same_cells (alignment, imported, format == TRI_EXPORT_TMX);

  second = export_bytes (imported, options);
  a = without_dates (first);
  b = without_dates (second);
  if (format == TRI_EXPORT_JSONL)
    {
      /* The spans point into another document; the rest is the same. */
      g_autoptr(GRegex) spans = g_regex_new ("\"spans\":\\{[^}]*\\}", 0, 0, NULL);
      g_autofree char *a2 = g_regex_replace_literal (spans, a, -1, 0, "", 0, NULL);
      g_autofree char *b2 = g_regex_replace_literal (spans, b, -1, 0, "", 0, NULL);

      g_assert_cmpstr (a2, ==, b2);
    }
  else if (format == TRI_EXPORT_TMX)
    {
      /* The states do not all survive TSV-like formats, but TMX keeps them. */
      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (tri_alignment_get_n_confirmed (imported), ==, 1);
      g_assert_cmpuint (tri_alignment_get_n_review (imported), ==, 1);
    }
  else
    g_assert_cmpstr (a, ==, b);
}

static void
round_trip (TriTestDir      *fixture,
            TriExportFormat  format,
            gboolean         bom)
{
  round_trip_of (fixture, format, bom, N_ROWS);
}

static void
test_round_trip_tmx (TriTestDir *fixture, gconstpointer data) { round_trip (fixture, TRI_EXPORT_TMX, FALSE); }
static void
test_round_trip_tsv (TriTestDir *fixture, gconstpointer data) { round_trip (fixture, TRI_EXPORT_TSV, FALSE); round_trip (fixture, TRI_EXPORT_TSV, TRUE); }
static void
test_round_trip_csv (TriTestDir *fixture, gconstpointer data) { round_trip (fixture, TRI_EXPORT_CSV, TRUE); round_trip (fixture, TRI_EXPORT_CSV, FALSE); }
static void
test_round_trip_jsonl (TriTestDir *fixture, gconstpointer data) { round_trip (fixture, TRI_EXPORT_JSONL, FALSE); }

/* A long report: 2,400 rows, which JSON Lines writes in two halves at once
 * (tri-export.c), every row back in its place. */
static void
test_round_trip_jsonl_long (TriTestDir *fixture, gconstpointer data) { round_trip_of (fixture, TRI_EXPORT_JSONL, FALSE, 2400); }

/* A TMX from another tool: region codes, a fourth language, CDATA, CR as
 * a reference, inline codes, units without some languages. Opened with
 * three of its languages and exported again, every unit keeps its text and
 * languages exactly. */
static const char foreign_tmx[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
  "<tmx version=\"1.4\">\n"
  "<header creationtool=\"Other\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\"\n"
  "        adminlang=\"en-US\" srclang=\"en-GB\" datatype=\"plaintext\"/>\n"
  "<body>\n"
  "<tu tuid=\"a\"><note>ignored</note>\n"
  "  <tuv xml:lang=\"en-GB\"><seg>One &amp; &lt;two&gt; &#13;&#10;three</seg></tuv>\n"
  "  <tuv xml:lang=\"de-DE\"><seg>Eins</seg></tuv>\n"
  "  <tuv xml:lang=\"ru-RU\"><seg><![CDATA[Один <и> два]]></seg></tuv>\n"
  "  <tuv xml:lang=\"uk-UA\"><seg>Один <bpt i=\"1\">&lt;b&gt;</bpt>і<ept i=\"1\">&lt;/b&gt;</ept> <hi>два</hi><ph/></seg></tuv>\n"
  "</tu>\n"
  "<tu tuid=\"b\"><tuv xml:lang=\"en-GB\"><seg>Only English\there</seg></tuv></tu>\n"
  "<tu tuid=\"c\"><tuv xml:lang=\"de-DE\"><seg>Nur Deutsch</seg></tuv></tu>\n"
  "<tu tuid=\"d\"><tuv xml:lang=\"ru-RU\"><seg>  Пробелы  </seg></tuv><tuv xml:lang=\"uk-UA\"><seg>Пробіли</seg></tuv></tu>\n"
  "</body>\n"
  "</tmx>\n";

/* Each tu as "lang=text|lang=text", in document order. */
static GPtrArray *
tmx_units (xmlDoc *doc)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (g_free);
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result = xmlXPathEvalExpression (BAD_CAST "//tu", context);

  for (int i = 0; i < result->nodesetval->nodeNr; i++)
    {
      GString *unit = g_string_new (NULL);

      for (xmlNode *tuv = result->nodesetval->nodeTab[i]->children; tuv != NULL; tuv = tuv->next)
        {
          xmlChar *lang, *text;

          if (tuv->type != XML_ELEMENT_NODE || !xmlStrEqual (tuv->name, BAD_CAST "tuv"))
            continue;
          lang = xmlNodeGetLang (tuv);
          text = xmlNodeGetContent (xmlFirstElementChild (tuv));
          g_string_append_printf (unit, "%s=%s|", lang, text);
          xmlFree (lang);
          xmlFree (text);
        }
      g_ptr_array_add (units, g_string_free (unit, FALSE));
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return units;
}

static void
test_foreign_tmx (TriTestDir    *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = tri_test_write_file (fixture->dir, "foreign.tmx", foreign_tmx, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = NULL;
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(TriExportOptions) options = tri_export_options_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) units = NULL;
  const char *three[] = { "en-gb", "ru_RU", "uk-UA", NULL };
  const char *missing[] = { "en-GB", "fr", NULL };
  xmlDoc *doc;

  /* The languages, for the window to ask; four are too many to open all. */
  found = tri_import_list_languages (file, TRI_EXPORT_TMX, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (found), ==, 4);
  g_assert_cmpstr (found[0], ==, "en-GB");
  g_assert_cmpstr (found[1], ==, "de-DE");
  g_assert_cmpstr (found[3], ==, "uk-UA");
  g_assert_null (tri_import_load (file, TRI_EXPORT_TMX, NULL, NULL, &error));
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION);
  g_assert_nonnull (strstr (error->message, "de-DE"));
  g_clear_error (&error);
  g_assert_null (tri_import_load (file, TRI_EXPORT_TMX, missing, NULL, &error));
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION);
  g_clear_error (&error);

  alignment = tri_import_load (file, TRI_EXPORT_TMX, three, NULL, &error);
  g_assert_no_error (error);
  /* The unit of German only opens no row. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 3);
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (alignment, 0)), ==, "en-GB");

  options->format = TRI_EXPORT_TMX;
  bytes = export_bytes (alignment, options);
  doc = parse_xml (bytes);
  units = tmx_units (doc);
  xmlFreeDoc (doc);
  g_assert_cmpuint (units->len, ==, 3);
  g_assert_cmpstr (units->pdata[0], ==, "en-GB=One & <two> \r\nthree|ru-RU=Один <и> два|uk-UA=Один і два|");
  g_assert_cmpstr (units->pdata[1], ==, "en-GB=Only English\there|");
  g_assert_cmpstr (units->pdata[2], ==, "ru-RU=  Пробелы  |uk-UA=Пробіли|");
}

/* Options */

static void
test_options (void)
{
  g_autoptr(TriAlignment) alignment = hostile_alignment ();
  g_autoptr(TriExportOptions) options = tri_export_options_new ();
  g_autoptr(TriExportOptions) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *pick[] = { "uk", "EN", NULL };
  const char *unknown[] = { "de", NULL };

  options->format = TRI_EXPORT_TSV;
  options->languages = g_strdupv ((char **)pick);
  options->region_codes = TRUE;
  {
    g_autoptr(GBytes) bytes = export_bytes (alignment, options);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    g_assert_cmpstr (lines[0], ==, "uk-UA\ten-US");
    g_assert_cmpstr (lines[1], ==, "<b>Зерно & «Порти»</b> ]]>\t<b>Grain & \"Ports\"</b> 'quoted' ]]> & < > &amp;");
    /* The row with no Ukrainian: an empty first field. */
    g_assert_cmpstr (lines[7], ==, "\t  spaces at the ends  ");
  }

  options->rows = TRI_EXPORT_ROWS_COMPLETE;
  {
    g_autoptr(GBytes) bytes = export_bytes (alignment, options);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 1 + N_ROWS - 1 + 1);
    g_assert_null (strstr (text, "spaces at the ends"));
  }

  options->rows = TRI_EXPORT_ROWS_CONFIRMED;
  copy = tri_export_options_copy (options);
  {
    g_autoptr(GBytes) bytes = export_bytes (alignment, copy);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_cmpstr (text, ==, "uk-UA\ten-US\nПрапори 🇺🇦 😀\tFlags 🇺🇦 and a family 👩‍👩‍👧 😀\n");
  }

  g_strfreev (options->languages);
  options->languages = g_strdupv ((char **)unknown);
  g_assert_null (tri_export_to_parts (alignment, options, &error));
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION);
  g_assert_nonnull (strstr (error->message, "de"));
}

/* Saving: atomic, one file per pair, async, errors naming the file */

/* Keeps the result for the test to finish. */
static void
on_result_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_save (TriTestDir    *fixture,
           gconstpointer  data)
{
  g_autoptr(TriAlignment) alignment = hostile_alignment ();
  g_autoptr(TriAlignment) loaded = NULL;
  g_autoptr(TriExportOptions) options = tri_export_options_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "memory.tmx", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "no-such-folder", "memory.tmx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GAsyncResult) saving = NULL, loading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pair = g_build_filename (fixture->dir, "memory-en-uk.tmx", NULL);
  g_autofree char *pair_file = NULL;
  const char *two[] = { "uk", "en", NULL };

  options->format = TRI_EXPORT_TMX;
  options->tmx_pairs = TRUE;
  files = tri_export_save (alignment, options, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_true (g_file_test (pair, G_FILE_TEST_EXISTS));
  pair_file = g_file_get_path (files->pdata[1]);
  g_assert_cmpstr (pair_file, ==, pair);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_null (tri_export_save (alignment, options, bad, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  /* Async: a single file, then opened again with two languages. */
  options->tmx_pairs = FALSE;
  tri_export_save_async (alignment, options, file, NULL, on_result_cb, &saving);
  saved = tri_export_save_finish (wait_for (&saving), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  tri_import_load_async (file, TRI_EXPORT_TMX, two, NULL, on_result_cb, &loading);
  loaded = tri_import_load_finish (wait_for (&loading), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_alignment_get_n_columns (loaded), ==, 2);
  g_assert_cmpstr (tri_document_get_language (tri_alignment_get_document (loaded, 0)), ==, "uk");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, N_ROWS);
}

/* Hostile and broken input: refused, fast, nothing leaked */

static void
assert_refused (TriTestDir *fixture,
                const char *name,
                const char *content,
                gssize      length,
                int         code,
                const char *in_message)
{
  g_autofree char *path = tri_test_write_file (fixture->dir, name, content, length);
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  alignment = import_path (path, NULL, &error);
  g_assert_null (alignment);
  g_assert_error (error, TRI_IO_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
  g_assert_null (strstr (error->message, "root:"));
  /* A second at most, even under the sanitizers. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_hostile (TriTestDir    *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY l0 \"lol\">\n");
  g_autofree char *dtd_path = tri_test_write_file (fixture->dir, "evil.dtd", "<!ENTITY leak \"LEAKED\">", -1);
  g_autofree char *external = NULL;
  g_autofree char *network = NULL;
  g_autofree char *network_path = NULL;
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(GError) error = NULL;
  guchar garbage[4096];
  gint64 start;

  /* XXE: an external entity to /etc/passwd. */
  assert_refused (fixture, "xxe.tmx",
                  "<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                  "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&xxe;</seg></tuv>"
                  "<tuv xml:lang=\"ru\"><seg>x</seg></tuv></tu></body></tmx>\n",
                  -1, TRI_IO_ERROR_UNSAFE, NULL);
  /* A parameter entity pulling a file in. */
  assert_refused (fixture, "xxe-param.tmx",
                  "<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE tmx [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n"
                  "<tmx version=\"1.4\"><header/><body/></tmx>\n",
                  -1, TRI_IO_ERROR_UNSAFE, NULL);

  /* Billion laughs: ten levels of ten. */
  for (guint i = 1; i <= 10; i++)
    {
      g_string_append_printf (laughs, "<!ENTITY l%u \"", i);
      for (guint k = 0; k < 10; k++)
        g_string_append_printf (laughs, "&l%u;", i - 1);
      g_string_append (laughs, "\">\n");
    }
  g_string_append (laughs, "]>\n<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&l10;</seg></tuv></tu></body></tmx>\n");
  {
    g_autofree char *path = tri_test_write_file (fixture->dir, "laughs.tmx", laughs->str, -1);

    start = g_get_monotonic_time ();
    alignment = import_path (path, NULL, &error);
    g_assert_null (alignment);
    /* Refused by us or by libxml2's amplification limit, whichever comes first. */
    g_assert_true (g_error_matches (error, TRI_IO_ERROR, TRI_IO_ERROR_UNSAFE) ||
                   g_error_matches (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT));
    g_assert_nonnull (strstr (error->message, "laughs.tmx"));
    g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    g_clear_error (&error);
  }

  /* An external DTD is never loaded: its entity stays a reference, refused. */
  external = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                              "<!DOCTYPE tmx SYSTEM \"file://%s\">\n"
                              "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>a &leak; b</seg></tuv>"
                              "</tu></body></tmx>\n", dtd_path);
  assert_refused (fixture, "external.tmx", external, -1, TRI_IO_ERROR_UNSAFE, NULL);

  /* A DTD on the network is not fetched (a blackhole address would hang
   * for minutes): the file opens at once. */
  network = g_strdup ("<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE tmx SYSTEM \"http://10.255.255.1/tmx14.dtd\">\n"
                      "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>net</seg></tuv>"
                      "<tuv xml:lang=\"ru\"><seg>сеть</seg></tuv></tu></body></tmx>\n");
  network_path = tri_test_write_file (fixture->dir, "network.tmx", network, -1);
  start = g_get_monotonic_time ();
  alignment = import_path (network_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alignment)), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_object (&alignment);

  /* Truncated: the line where it stops. */
  assert_refused (fixture, "truncated.tmx",
                  "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header/>\n<body>\n<tu>\n"
                  "<tuv xml:lang=\"en\"><seg>cut",
                  -1, TRI_IO_ERROR_CORRUPT, "line 6");
  /* Binary garbage, an empty file, a tuv without a language, not TMX. */
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guchar)g_test_rand_int_range (0, 256);
  garbage[0] = 0xFF;
  assert_refused (fixture, "garbage.tmx", (const char *)garbage, sizeof garbage, TRI_IO_ERROR_CORRUPT, "line 1");
  assert_refused (fixture, "empty.tmx", "", 0, TRI_IO_ERROR_CORRUPT, "line 1");
  assert_refused (fixture, "nolang.tmx",
                  "<tmx version=\"1.4\"><header/><body>\n<tu>\n<tuv><seg>x</seg></tuv></tu></body></tmx>",
                  -1, TRI_IO_ERROR_CORRUPT, "line 3");
  assert_refused (fixture, "html.tmx", "<html><body>hi</body></html>", -1, TRI_IO_ERROR_CORRUPT, "line 1");

  /* Broken tables and JSONL: the line. */
  assert_refused (fixture, "header.tsv", "English\tRussian\nA\tB\n", -1, TRI_IO_ERROR_CORRUPT, "line 1");
  assert_refused (fixture, "fields.tsv", "en\tru\nA\tB\nA\tB\tC\n", -1, TRI_IO_ERROR_CORRUPT, "line 3");
  assert_refused (fixture, "quote.csv", "en,ru\r\nA,B\r\n\"open,B\r\nC,D\r\n", -1, TRI_IO_ERROR_CORRUPT, "line 3");
  assert_refused (fixture, "utf8.csv", "en,ru\nA,B\n\xC3\x28,x\n", -1, TRI_IO_ERROR_ENCODING, "line 3");
  assert_refused (fixture, "bad.jsonl", "{\"en\":\"a\",\"ru\":\"b\"}\n\n{\"en\": oops}\n", -1,
                  TRI_IO_ERROR_CORRUPT, "line 3");
  assert_refused (fixture, "numbers.jsonl", "{\"en\":[0],\"ru\":[0],\"score\":1.00}\n", -1,
                  TRI_IO_ERROR_CORRUPT, "line 1");
  /* json-glib 1.6 reads `4["ut"]` as 4 (and leaks the array; found by
   * fuzzing): a value after a number or string is a second value. */
  assert_refused (fixture, "scalar.jsonl", "{\"en\":\"a\",\"ru\":\"b\"}\n4[\"ut\"]\n", -1,
                  TRI_IO_ERROR_CORRUPT, "more than one JSON value");
  assert_refused (fixture, "empty.csv", "", 0, TRI_IO_ERROR_CORRUPT, NULL);
}

/* What is refused says why and where, briefly, in words a user can act
 * on; each of these said something unclear before. */
static void
test_import_messages (TriTestDir    *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) tmx = g_string_new ("<tmx version=\"1.4\"><header/><body>\n");
  g_autofree char *tmx_path = NULL;
  g_autofree char *jsonl_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) alignment = NULL;
  static const char * const twice[] = { "en", "en", NULL };

  /* A CR-only CSV: not an invisible carriage return inside “ru\r…”. */
  assert_refused (fixture, "old-mac.csv", "en,ru\rYes.,Да.\r", -1, TRI_IO_ERROR_CORRUPT, "carriage return alone");
  /* A NUL byte: not “not valid UTF-8”. */
  assert_refused (fixture, "nul.csv", "en,ru\r\nYes.\0,Да.\r\n", 17, TRI_IO_ERROR_BINARY, "NUL byte");
  /* A header and no row, as an empty JSONL: nothing to open. */
  assert_refused (fixture, "header.csv", "en,ru\r\n", -1, TRI_IO_ERROR_CORRUPT, "no aligned text");
  assert_refused (fixture, "empty.jsonl", "", 0, TRI_IO_ERROR_CORRUPT, "no aligned text");

  /* Forty languages: the message names ten and counts the rest. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (tmx, "<tu><tuv xml:lang=\"en-x%u\"><seg>Unit %u.</seg></tuv></tu>\n", i, i);
  g_string_append (tmx, "</body></tmx>\n");
  tmx_path = tri_test_write_file (fixture->dir, "many.tmx", tmx->str, -1);
  alignment = import_path (tmx_path, NULL, &error);
  g_assert_null (alignment);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION);
  g_assert_nonnull (strstr (error->message, "en-x9 and 30 more"));
  g_assert_null (strstr (error->message, "en-x10"));
  g_clear_error (&error);

  /* The same language asked for twice: said so, not “no text in en”. */
  jsonl_path = tri_test_write_file (fixture->dir, "two.jsonl", "{\"en\": \"Yes.\", \"ru\": \"Да.\"}\n", -1);
  alignment = import_path (jsonl_path, twice, &error);
  g_assert_null (alignment);
  g_assert_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION);
  g_assert_nonnull (strstr (error->message, "twice"));
}

/* Simple JSONL (language → text) and a CSV written by a spreadsheet. */
static void
test_import_simple (TriTestDir    *fixture,
                    gconstpointer  data)
{
  g_autofree char *jsonl = tri_test_write_file (fixture->dir, "simple.jsonl",
                                                "{\"en\":\"Hello\",\"uk\":\"Привіт\",\"id\":7}\n"
                                                "{\"uk\":\"Лише українською\"}\r\n", -1);
  g_autofree char *csv = tri_test_write_file (fixture->dir, "sheet.csv",
                                              "\xEF\xBB\xBF" "en,ru\n\"a, \"\"b\"\"\nc\",d\n\ne,\n", -1);
  g_autoptr(TriAlignment) a = NULL, b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cell = NULL, *empty = NULL;

  a = import_path (jsonl, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_alignment_get_n_columns (a), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a)), ==, 2);
  cell = cell_text (a, 1, 1);
  empty = cell_text (a, 1, 0);
  g_assert_cmpstr (cell, ==, "Лише українською");
  g_assert_cmpstr (empty, ==, "");
  g_clear_pointer (&cell, g_free);

  b = import_path (csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, 2);
  cell = cell_text (b, 0, 0);
  g_assert_cmpstr (cell, ==, "a, \"b\"\nc");
  g_clear_pointer (&cell, g_free);
  cell = cell_text (b, 1, 0);
  g_assert_cmpstr (cell, ==, "e");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TriTestDir, NULL, tri_test_dir_set_up, func, tri_test_dir_tear_down)

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/valid/tmx", test_valid_tmx);
  g_test_add_func ("/export/valid/xliff", test_valid_xliff);
  g_test_add_func ("/export/xml-text", test_xml_text);
  g_test_add_func ("/export/options", test_options);
  ADD ("/export/round-trip/tmx", test_round_trip_tmx);
  ADD ("/export/round-trip/tsv", test_round_trip_tsv);
  ADD ("/export/round-trip/csv", test_round_trip_csv);
  ADD ("/export/round-trip/jsonl", test_round_trip_jsonl);
  ADD ("/export/round-trip/jsonl-long", test_round_trip_jsonl_long);
  ADD ("/export/foreign-tmx", test_foreign_tmx);
  ADD ("/export/save", test_save);
  ADD ("/import/hostile", test_hostile);
  ADD ("/import/simple", test_import_simple);
  ADD ("/import/messages", test_import_messages);

  return g_test_run ();
}

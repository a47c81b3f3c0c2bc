/* test-report.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "tri-checks.h"
#include "tri-report.h"
#include "tri-test-utils.h"

/* Talks in three versions: Russian changed a figure (1 500 ships for
 * 1,000), Ukrainian turned the quotation into reported speech. The
 * changed sentence holds the characters markup and CSV must escape: & < "
 * and a comma. */
static const char *en_text =
  "Talks between the two delegations resumed in Geneva on 14 March. "
  "“We came here to solve a practical problem, not to make speeches,” said the head of the Ukrainian delegation. "
  "The draft of the \"Grain & Ports\" group sets up a fund for 1,000 ships, with escorts <5 nautical miles apart.";
static const char *ru_text =
  "Переговоры двух делегаций возобновились в Женеве 14 марта. "
  "«Мы приехали сюда решать практическую задачу, а не произносить речи», — сказал глава украинской делегации. "
  "Проект группы \"Grain & Ports\" создаёт фонд для 1 500 судов с конвоями на расстоянии <5 морских миль.";
static const char *uk_text =
  "Перемовини двох делегацій відновилися в Женеві 14 березня. "
  "Голова української делегації сказав, що вони приїхали сюди розв’язувати практичне завдання, а не виголошувати промови. "
  "Проєкт групи \"Grain & Ports\" створює фонд для 1 000 суден з конвоями на відстані <5 морських миль.";

/* The three versions, their sentences paired in order. */
static TriAlignment *
talks_alignment (void)
{
  const char *texts[3] = { en_text, ru_text, uk_text };
  const char *languages[3] = { "en", "ru", "uk" };
  TriDocument *docs[3];
  TriAlignment *alignment;

  for (guint c = 0; c < 3; c++)
    docs[c] = tri_document_new (texts[c], languages[c], TRI_PARAGRAPH_BLANK_LINES);
  alignment = tri_alignment_new (docs, 3);
  for (guint c = 0; c < 3; c++)
    g_object_unref (docs[c]);
  return alignment;
}

/* The checks find what the fixture holds, and nothing else: the report
 * tests below rely on it. */
static GPtrArray *
talks_findings (TriAlignment *alignment)
{
  GPtrArray *findings = tri_checks_run (alignment);
  const struct {
    const char *check;
    guint       row;
  } expected[] = {
    { "quote-missing", 1 },
    { "number-mismatch", 2 },
  };

  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TriFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpstr (f->check, ==, expected[i].check);
      g_assert_cmpuint (f->row, ==, expected[i].row);
    }
  return findings;
}

/* The parsed document, strictly as XML: well-formed or NULL. No network,
 * no entities expanded. */
static xmlDoc *
parse_html (const char *html)
{
  return xmlReadMemory (html, (int)strlen (html), "report.html", "UTF-8", XML_PARSE_NONET);
}

/* The text of every node @xpath selects, joined by "|". */
static char *
select_text (xmlDoc     *doc,
             const char *xpath)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *)xpath, context);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", (const char *)content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return g_string_free (out, FALSE);
}

#define assert_select(doc, xpath, expected) \
  G_STMT_START { \
    g_autofree char *selected_ = select_text ((doc), (xpath)); \
    g_assert_cmpstr (selected_, ==, (expected)); \
  } G_STMT_END

static void
test_html (void)
{
  g_autoptr(TriAlignment) alignment = talks_alignment ();
  g_autoptr(GPtrArray) findings = talks_findings (alignment);
  g_autofree char *html = tri_report_to_string (alignment, findings, TRI_REPORT_HTML, "Geneva <talks> & grain");
  g_autofree char *quote_marks = NULL, *en_cell = NULL;
  xmlDoc *doc;

  g_test_message ("%s", html);
  doc = parse_html (html);
  g_assert_nonnull (doc);

  assert_select (doc, "/html/@lang", "en");
  assert_select (doc, "/html/body/header/h1", "Geneva <talks> & grain");
  assert_select (doc, "/html/body/header/p//strong", "English|Russian|Ukrainian");

  /* The summary: readable names, one row per check, then the totals. */
  assert_select (doc, "//table[@class='counts']/tbody/tr/th", "Quotation missing|Number mismatch");
  assert_select (doc, "//table[@class='counts']/tfoot/tr/td", "1|1|0|2");

  /* Every finding in row order, numbered from 1, with its row's text in
   * a column per language. */
  assert_select (doc, "//article/h3/span[@class='row-number']", "Row 2|Row 3");
  assert_select (doc, "//article[2]//td/@lang", "en|ru|uk");
  assert_select (doc, "//article[2]//th", "English|Russian|Ukrainian");

  /* The changed figure is marked in every column: the Russian's and the
   * figure it is to be compared with. */
  assert_select (doc, "//article[contains(@class,'error')]//td[@lang='ru']/mark", "1 500");
  assert_select (doc, "//article[contains(@class,'error')]//td[@lang='en']/mark", "1,000");
  assert_select (doc, "//article[contains(@class,'error')]//td[@lang='uk']/mark", "1 000");
  quote_marks = select_text (doc, "//article[contains(@class,'warning')]//td[@lang='ru']/mark");
  g_assert_true (g_str_has_prefix (quote_marks, "«Мы приехали"));
  en_cell = select_text (doc, "//article[1]//td[@lang='en']");
  g_assert_true (g_str_has_prefix (en_cell, "“We came here"));

  /* Escaped as markup wants, in the text as in the title. */
  g_assert_nonnull (strstr (html, "Geneva &lt;talks&gt; &amp; grain"));
  g_assert_nonnull (strstr (html, "&quot;Grain &amp; Ports&quot;"));
  g_assert_nonnull (strstr (html, "&lt;5 морских"));
  g_assert_null (strstr (html, "Grain & Ports"));
  g_assert_null (strstr (html, "<5"));

  xmlFreeDoc (doc);
}

/* A minimal RFC 4180 reader: records of fields, CRLF between records,
 * quoted fields with doubled quotation marks. Fails the test on anything
 * else (a bare LF, a quotation mark inside an unquoted field, text after a
 * closing quotation mark, an unterminated quoted field). */
static GPtrArray *
read_csv (const char *csv)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  GPtrArray *fields = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  const char *p = csv;

  while (*p != '\0')
    {
      gboolean end_of_record;

      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                break;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (field, *p);
          }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      g_assert_true (*p == ',' || *p == '\r');
      end_of_record = *p == '\r';
      if (end_of_record)
        g_assert_cmpint (*++p, ==, '\n');
      p++;
      if (end_of_record)
        {
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_free (fields, FALSE));
          fields = g_ptr_array_new ();
        }
    }
  g_assert_cmpuint (fields->len, ==, 0);  /* the last record ends with CRLF */
  g_ptr_array_free (fields, TRUE);
  g_string_free (field, TRUE);
  return records;
}

static void
test_csv (void)
{
  g_autoptr(TriAlignment) alignment = talks_alignment ();
  g_autoptr(GPtrArray) findings = talks_findings (alignment);
  g_autofree char *csv = tri_report_to_string (alignment, findings, TRI_REPORT_CSV, NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), 2);
  g_autofree char *uk_cell = tri_alignment_dup_cell_text (alignment, row, 2);
  g_autofree char *header = NULL;
  char **number, **quote;

  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));

  records = read_csv (csv + 3);
  g_assert_cmpuint (records->len, ==, 3);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, i)), ==, 11);
  header = g_strjoinv (",", g_ptr_array_index (records, 0));
  g_assert_cmpstr (header, ==, "row,check,severity,languages,message,en,en marked,ru,ru marked,uk,uk marked");

  /* In row order, numbered from 1. */
  quote = g_ptr_array_index (records, 1);
  number = g_ptr_array_index (records, 2);
  g_assert_cmpstr (quote[0], ==, "2");
  g_assert_cmpstr (quote[1], ==, "quote-missing");
  g_assert_cmpstr (quote[2], ==, "warning");
  g_assert_true (g_str_has_prefix (quote[8], "«Мы приехали сюда"));
  g_assert_cmpstr (quote[10], ==, "");

  g_assert_cmpstr (number[0], ==, "3");
  g_assert_cmpstr (number[1], ==, "number-mismatch");
  g_assert_cmpstr (number[2], ==, "error");
  g_assert_cmpstr (number[3], ==, "en ru uk");
  g_assert_cmpstr (number[4], ==, ((TriFinding *)g_ptr_array_index (findings, 1))->message);
  /* The comma and the quotation marks came back as they were. */
  g_assert_true (g_str_has_prefix (number[5], "The draft of the \"Grain & Ports\" group sets up a fund for 1,000 ships,"));
  /* Each version's marked text: the Russian's figure and the others'. */
  g_assert_cmpstr (number[6], ==, "1,000");
  g_assert_cmpstr (number[8], ==, "1 500");
  g_assert_cmpstr (number[9], ==, uk_cell);
  g_assert_cmpstr (number[10], ==, "1 000");
  g_assert_nonnull (strstr (csv, "\"\"Grain & Ports\"\""));
}

/* Findings made by hand: spans beyond the row's cell are clipped to it,
 * several spans in a cell are joined, a message over two lines is quoted,
 * a row the alignment no longer has still gets its finding. */
static void
test_spans_and_fields (void)
{
  g_autoptr(TriAlignment) alignment = talks_alignment ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify)tri_finding_free);
  TriDocument *en = tri_alignment_get_document (alignment, 0);
  const char *text = tri_document_get_text (en);
  const TriSentence *second = tri_document_get_sentence (en, 1);
  TriFinding *f;
  gsize spans[6];
  g_autofree char *csv = NULL, *html = NULL;
  g_autoptr(GPtrArray) records = NULL;
  char **fields;
  xmlDoc *doc;

  /* Out of row order: the report sorts. */
  f = g_new0 (TriFinding, 1);
  f->check = "quote-speaker";
  f->severity = TRI_SEVERITY_WARNING;
  f->row = 99;
  f->message = g_strdup ("Gone");
  g_ptr_array_add (findings, f);

  f = g_new0 (TriFinding, 1);
  f->check = "length-ratio";
  f->severity = TRI_SEVERITY_INFO;
  f->row = 1;
  f->languages = 0x1;
  f->message = g_strdup ("Two lines,\nand \"quotes\"");
  for (guint c = 0; c < 3; c++)
    f->spans[c] = g_array_new (FALSE, FALSE, sizeof (gsize));
  /* From the first sentence into the second; two words further on. */
  spans[0] = 10;
  spans[1] = second->start + strlen ("“We came");
  spans[2] = (gsize)(strstr (text, "practical") - text);
  spans[3] = spans[2] + strlen ("practical");
  spans[4] = (gsize)(strstr (text, "problem") - text);
  spans[5] = spans[4] + strlen ("problem");
  g_array_append_vals (f->spans[0], spans, 6);
  g_ptr_array_add (findings, f);

  csv = tri_report_to_string (alignment, findings, TRI_REPORT_CSV, NULL);
  records = read_csv (csv + 3);
  g_assert_cmpuint (records->len, ==, 3);
  fields = g_ptr_array_index (records, 1);
  g_assert_cmpstr (fields[4], ==, "Two lines,\nand \"quotes\"");
  g_assert_cmpstr (fields[6], ==, "“We came … practical … problem");
  fields = g_ptr_array_index (records, 2);
  g_assert_cmpstr (fields[0], ==, "100");
  g_assert_cmpstr (fields[3], ==, "");
  g_assert_cmpstr (fields[5], ==, "");

  html = tri_report_to_string (alignment, findings, TRI_REPORT_HTML, NULL);
  doc = parse_html (html);
  g_assert_nonnull (doc);
  assert_select (doc, "//article[1]//td[@lang='en']/mark", "“We came|practical|problem");
  assert_select (doc, "//article[2]/h3", "Row 100 Warning Different speaker");
  /* No row, no table. */
  assert_select (doc, "//article[2]//table", "");
  xmlFreeDoc (doc);
}

/* No findings: a report that says so, and a CSV of its header alone. */
static void
test_empty (void)
{
  g_autoptr(TriAlignment) alignment = talks_alignment ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_autofree char *html = tri_report_to_string (alignment, findings, TRI_REPORT_HTML, NULL);
  g_autofree char *csv = tri_report_to_string (alignment, findings, TRI_REPORT_CSV, NULL);
  g_autoptr(GPtrArray) records = read_csv (csv + 3);
  xmlDoc *doc = parse_html (html);

  g_assert_nonnull (doc);
  assert_select (doc, "//section[@class='summary']/p", "The checks found nothing to report.");
  assert_select (doc, "/html/head/title", "Findings of the checks");
  assert_select (doc, "//article", "");
  g_assert_cmpuint (records->len, ==, 1);
  xmlFreeDoc (doc);
}

static void
test_save (TriTestDir    *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TriAlignment) alignment = talks_alignment ();
  g_autoptr(GPtrArray) findings = talks_findings (alignment);
  g_autofree char *path = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *plain = tri_test_write_file (fixture->dir, "plain.txt", "not a folder", -1);
  g_autofree char *bad_path = g_build_filename (plain, "report.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = tri_report_to_string (alignment, findings, TRI_REPORT_CSV, "Talks");
  g_autofree char *saved = NULL;

  g_assert_true (tri_report_save (alignment, findings, TRI_REPORT_CSV, "Talks", file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, &error));
  g_assert_cmpstr (saved, ==, expected);

  /* A file inside a file: the error names the path. */
  g_assert_false (tri_report_save (alignment, findings, TRI_REPORT_HTML, "Talks", bad_file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, bad_path));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

static void
test_names (void)
{
  TriReportFormat format = TRI_REPORT_CSV;

  g_assert_true (tri_report_format_for_filename ("/tmp/Talks.HTML", &format));
  g_assert_cmpint (format, ==, TRI_REPORT_HTML);
  g_assert_true (tri_report_format_for_filename ("talks.csv", &format));
  g_assert_cmpint (format, ==, TRI_REPORT_CSV);
  g_assert_true (tri_report_format_for_filename ("talks.htm", &format));
  g_assert_cmpint (format, ==, TRI_REPORT_HTML);
  g_assert_false (tri_report_format_for_filename ("talks.html.txt", &format));
  g_assert_cmpint (format, ==, TRI_REPORT_HTML);

  g_assert_cmpstr (tri_check_get_title ("quote-missing"), ==, "Quotation missing");
  g_assert_cmpstr (tri_check_get_title ("number-mismatch"), ==, "Number mismatch");
  g_assert_cmpstr (tri_check_get_title ("no-such-check"), ==, "no-such-check");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/html", test_html);
  g_test_add_func ("/report/csv", test_csv);
  g_test_add_func ("/report/spans-and-fields", test_spans_and_fields);
  g_test_add_func ("/report/empty", test_empty);
  g_test_add ("/report/save", TriTestDir, NULL, tri_test_dir_set_up, test_save, tri_test_dir_tear_down);
  g_test_add_func ("/report/names", test_names);

  return g_test_run ();
}

/* test-format.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <zip.h>

#include "tri-document.h"
#include "tri-error.h"
#include "tri-format.h"
#include "tri-project.h"
#include "tri-test-utils.h"

/* The fixtures in tests/data are made by tests/data/make-fixtures.py: one
 * report in English, Russian and Ukrainian as plain text, a saved news
 * page, DOCX, ODT and a two-column PDF. Every format must give the
 * paragraphs of the plain text, and nothing of the page around it. */

static const char * const languages[] = { "en", "ru", "uk" };

/* Page furniture of the fixtures, in any language: none may come through. */
static const char * const furniture[] = {
  "cookie", "Sport", "Спорт", "Related", "Читайте", "Share", "Поделиться", "Поширити",
  "©", "newsletter", "рассылку", "розсилку", "gtag", "font-family", "Page ", "Страница",
  "Сторінка", "Northern Ledger", "Северный вестник", "Північний вісник",
  /* the footnote and the deleted words of the tracked change */
  "Statement of", "Заявление от", "Заява від", "temporary", "временным", "тимчасовим",
};

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static TriDecodedText *
decode_file (const char  *name,
             TriFormat   *format,
             GError     **error)
{
  g_autofree char *path = data_path (name);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return tri_format_decode ((const guint8 *)contents, length, path, NULL, format, error);
}

/* The file's text against the plain-text version's, paragraph by paragraph. */
static void
assert_like_plain_text (const char *name,
                        const char *lang,
                        TriFormat   expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_name = g_strdup_printf ("report-%s.txt", lang);
  g_autoptr(TriDecodedText) plain = decode_file (plain_name, NULL, &error);
  g_autoptr(TriDecodedText) decoded = NULL;
  TriFormat format = TRI_FORMAT_TEXT;

  g_assert_no_error (error);
  decoded = decode_file (name, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, expected);
  g_assert_cmpstr (decoded->text, ==, plain->text);

  for (guint i = 0; i < G_N_ELEMENTS (furniture); i++)
    g_assert_null (strstr (decoded->text, furniture[i]));
}

static void
test_html_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("news-%s.html", languages[i]);

      assert_like_plain_text (name, languages[i], TRI_FORMAT_HTML);
    }
}

static void
test_docx_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%s.docx", languages[i]);

      assert_like_plain_text (name, languages[i], TRI_FORMAT_DOCX);
    }
}

static void
test_odt_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%s.odt", languages[i]);

      assert_like_plain_text (name, languages[i], TRI_FORMAT_ODT);
    }
}

static void
test_pdf_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%s.pdf", languages[i]);

      assert_like_plain_text (name, languages[i], TRI_FORMAT_PDF);
    }
}

static char *
html_text (const char *html)
{
  g_autoptr(GError) error = NULL;
  char *text = tri_format_extract_html ((const guint8 *)html, strlen (html), "page.html", &error);

  g_assert_no_error (error);
  return text;
}

static void
test_html_structure (void)
{
  g_autofree char *text = NULL;

  /* Headings, list items, quotes, captions and cells are paragraphs; <br>
   * a line break; entities decoded; white space folded. */
  text = html_text ("<html><body><div><h2>Kyiv &amp; Lviv</h2>"
                    "<p>First   line<br>second\n line &mdash; &laquo;quoted&raquo;.</p>"
                    "<ol><li>One</li><li>Two</li></ol>"
                    "<blockquote>A quote.</blockquote>"
                    "<figure><img src=x alt=photo><figcaption>A caption.</figcaption></figure>"
                    "<table><tr><th>Port</th><td>Odesa</td></tr></table></div></body></html>");
  g_assert_cmpstr (text, ==,
                   "Kyiv & Lviv\n\nFirst line\nsecond line — «quoted».\n\nOne\n\nTwo\n\n"
                   "A quote.\n\nA caption.\n\nPort\n\nOdesa\n");
  g_clear_pointer (&text, g_free);

  /* No <article> or <main>: the densest paragraph text wins over a menu
   * and a box of links, both without a telling class. */
  text = html_text ("<body><div><a href=/a>Home</a> <a href=/b>News</a></div>"
                    "<div id=content><h1>Talks resume</h1><p>Delegations met in Geneva on Monday "
                    "to resume the talks.</p><p>The next round is planned for March, officials "
                    "said.</p></div>"
                    "<div><ul><li><a href=/1>Other story one</a></li><li><a href=/2>Other story "
                    "two</a></li></ul></div></body>");
  g_assert_cmpstr (text, ==,
                   "Talks resume\n\nDelegations met in Geneva on Monday to resume the talks.\n\n"
                   "The next round is planned for March, officials said.\n");
  g_clear_pointer (&text, g_free);

  /* A headline above the <article> comes with it. */
  text = html_text ("<body><nav><h1>Menu</h1></nav><h1>Talks resume</h1>"
                    "<article><p>Delegations met in Geneva on Monday.</p></article></body>");
  g_assert_cmpstr (text, ==, "Talks resume\n\nDelegations met in Geneva on Monday.\n");
}

static void
test_html_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriDecodedText) decoded = NULL;
  gsize n = 0;
  g_autofree char *cp1251 = tri_test_convert ("<html><head><meta charset=\"windows-1251\"></head>"
                                              "<body><p>Переговоры продолжатся в четверг.</p></body></html>",
                                              "windows-1251", &n);
  static const char utf16[] = "\xFF\xFE<\0p\0>\0\x1F\x04\x40\x04\x38\x04\x32\x04\x56\x04\x42\x04<\0/\0p\0>\0";
  TriFormat format;

  /* The charset from <meta>. */
  decoded = tri_format_decode ((const guint8 *)cp1251, n, "news.html", NULL, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, TRI_FORMAT_HTML);
  g_assert_cmpstr (decoded->text, ==, "Переговоры продолжатся в четверг.\n");
  g_assert_cmpstr (decoded->encoding, ==, "windows-1251");
  g_clear_pointer (&decoded, tri_decoded_text_free);

  /* From the BOM, for a page named .htm. */
  decoded = tri_format_decode ((const guint8 *)utf16, sizeof utf16 - 1, "news.htm", NULL, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, TRI_FORMAT_HTML);
  g_assert_cmpstr (decoded->text, ==, "Привіт\n");
}

static void
test_detect (void)
{
  static const char html[] = "<!DOCTYPE html><html><body><p>Hi.</p></body></html>";
  static const char text[] = "Delegations met in Geneva on Monday.\n";
  static const char markup_talk[] = "The <p> element makes a paragraph.\n";

  g_assert_cmpint (tri_format_detect ((const guint8 *)html, strlen (html), "report.txt"), ==, TRI_FORMAT_HTML);
  g_assert_cmpint (tri_format_detect ((const guint8 *)text, strlen (text), "report.txt"), ==, TRI_FORMAT_TEXT);
  g_assert_cmpint (tri_format_detect ((const guint8 *)markup_talk, strlen (markup_talk), "a.txt"), ==,
                   TRI_FORMAT_TEXT);
  /* A .docx holding text is a DOCX to its reader, which refuses it below. */
  g_assert_cmpint (tri_format_detect ((const guint8 *)text, strlen (text), "report.docx"), ==, TRI_FORMAT_DOCX);
  g_assert_cmpint (tri_format_detect ((const guint8 *)"%PDF-1.7\n", 9, "report"), ==, TRI_FORMAT_PDF);
}

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


static void
assert_refused (GBytes     *bytes,
                const char *name,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriDecodedText) decoded = NULL;
  gint64 start = g_get_monotonic_time ();

  decoded = tri_format_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, NULL, NULL, &error);
  g_assert_null (decoded);
  g_assert_error (error, TRI_IO_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
  /* Refused at once, not after unpacking or parsing everything. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_hostile_zip (void)
{
  gsize n = 8 * 1024 * 1024;
  g_autofree char *spaces = g_malloc (n);
  g_autoptr(GBytes) bomb = NULL, xxe = NULL, odt_xxe = NULL, text = NULL, empty = NULL, broken = NULL;
  static const char xxe_xml[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
  static const char laughs[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">&b;"
    "</office:document-content>";
  static const char plain[] = "Delegations met in Geneva on Monday.\n";

  /* 8 MB of blanks pack to a few kilobytes: far over the ratio. */
  memcpy (spaces, "<w:document>", 12);
  memset (spaces + 12, ' ', n - 12);
  bomb = tri_test_make_zip ("word/document.xml", (const guint8 *)spaces, n, NULL, FALSE);
  g_assert_cmpuint (g_bytes_get_size (bomb), <, n / 200);
  assert_refused (bomb, "bomb.docx", TRI_IO_ERROR_TOO_LARGE, "zip bomb");

  xxe = tri_test_make_zip ("word/document.xml", (const guint8 *)xxe_xml, strlen (xxe_xml), NULL, FALSE);
  assert_refused (xxe, "xxe.docx", TRI_IO_ERROR_UNSAFE, "entities");

  odt_xxe = tri_test_make_zip ("content.xml", (const guint8 *)laughs, strlen (laughs),
                      "application/vnd.oasis.opendocument.text", FALSE);
  assert_refused (odt_xxe, "laughs.odt", TRI_IO_ERROR_UNSAFE, "entities");

  text = g_bytes_new_static (plain, strlen (plain));
  assert_refused (text, "report.docx", TRI_IO_ERROR_CORRUPT, "named like one");
  assert_refused (text, "report.odt", TRI_IO_ERROR_CORRUPT, "named like one");
  assert_refused (text, "report.pdf", TRI_IO_ERROR_CORRUPT, "named like one");

  empty = g_bytes_new_static ("", 0);
  assert_refused (empty, "empty.docx", TRI_IO_ERROR_CORRUPT, "empty");
  assert_refused (empty, "empty.pdf", TRI_IO_ERROR_CORRUPT, "empty");

  /* The reader streams a part into the parser: a DOCTYPE after a comment
   * longer than a piece it reads (256 KB) is still seen and refused, a
   * prolog that never reaches an element is refused, and a real document
   * behind a long comment is read. */
  {
    gsize pad = 600 * 1024;
    g_autoptr(GString) late = g_string_new ("<?xml version=\"1.0\"?>\n<!--");
    g_autoptr(GString) endless = g_string_new ("<?xml version=\"1.0\"?>\n<!--");
    g_autoptr(GString) fine = g_string_new ("<?xml version=\"1.0\"?>\n<!--");
    g_autoptr(GBytes) late_zip = NULL;
    g_autoptr(GBytes) endless_zip = NULL;
    g_autoptr(GBytes) fine_zip = NULL;
    g_autoptr(TriDecodedText) decoded = NULL;
    g_autoptr(GError) error = NULL;

    for (gsize i = 0; i < pad; i++)
      g_string_append_c (late, "ab \n"[i % 4]);
    g_string_append (fine, late->str + fine->len);
    g_string_append (late, "-->\n<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                           "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
                           "</w:body></w:document>");
    late_zip = tri_test_make_zip ("word/document.xml", (const guint8 *)late->str, late->len, NULL, FALSE);
    assert_refused (late_zip, "late.docx", TRI_IO_ERROR_UNSAFE, "entities");

    /* Letters at random, so that the zip does not take it for a bomb. */
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (3);

      for (gsize i = 0; i < 2 * pad; i++)
        g_string_append_c (endless, (char)('a' + g_rand_int_range (rand, 0, 26)));
    }
    endless_zip = tri_test_make_zip ("word/document.xml", (const guint8 *)endless->str, endless->len, NULL, FALSE);
    assert_refused (endless_zip, "endless.docx", TRI_IO_ERROR_CORRUPT, "no root element");

    g_string_append (fine, "-->\n<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r>"
                           "<w:t>Переговори тривали до ночі.</w:t></w:r></w:p></w:body></w:document>");
    fine_zip = tri_test_make_zip ("word/document.xml", (const guint8 *)fine->str, fine->len, NULL, FALSE);
    decoded = tri_format_decode (g_bytes_get_data (fine_zip, NULL), g_bytes_get_size (fine_zip),
                                 "fine.docx", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (decoded->text, ==, "Переговори тривали до ночі.\n");
  }

  /* A zip cut short: its directory is gone. */
  {
    g_autoptr(GBytes) whole = tri_test_make_zip ("word/document.xml", (const guint8 *)"<w:document/>", 13, NULL, FALSE);

    broken = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
    assert_refused (broken, "cut.docx", TRI_IO_ERROR_CORRUPT, "not a readable DOCX");
  }
}

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
test_hostile_pdf (void)
{
  g_autoptr(GBytes) locked = read_data ("locked.pdf");
  g_autoptr(GBytes) scan = read_data ("scan.pdf");
  g_autoptr(GBytes) garbage = g_bytes_new_static ("%PDF-1.4\n1 0 obj << /Type /Catalog", 34);
  gsize huge = TRI_FORMAT_PDF_MAX_SIZE + 1024 * 1024;
  guint8 *big = g_malloc0 (huge);
  g_autoptr(GBytes) large = NULL;

  assert_refused (locked, "locked.pdf", TRI_IO_ERROR_READ, "password");
  assert_refused (scan, "scan.pdf", TRI_IO_ERROR_BINARY, "no text layer");
  assert_refused (garbage, "garbage.pdf", TRI_IO_ERROR_CORRUPT, "not a readable PDF");

  memcpy (big, "%PDF-1.7\n", 9);
  large = g_bytes_new_take (big, huge);
  assert_refused (large, "large.pdf", TRI_IO_ERROR_TOO_LARGE, "too large");
}

/* Every reader goes through tri_text_source_load_file(): the file, its
 * format and its paragraphs as the document sees them. */
static void
test_document_load (void)
{
  g_autofree char *path = data_path ("report-uk.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriDocument) document = NULL;

  document = tri_document_load (file, NULL, "uk", TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tri_document_get_format (document), ==, TRI_FORMAT_PDF);
  /* headline, standfirst, 2 headings, 5 paragraphs, 3 list items, 4 cells */
  g_assert_cmpuint (tri_document_get_n_paragraphs (document), ==, 15);
  g_assert_cmpstr (tri_document_get_title (document), ==, "report-uk.pdf");

  /* A project keeps the text and the format: it opens without the PDF. */
  {
    g_autoptr(TriAlignment) alignment = tri_alignment_new (&document, 1);
    g_autoptr(GBytes) project = tri_project_serialize (alignment);
    g_autoptr(TriAlignment) reopened = tri_project_deserialize (project, "report.triptych", &error);
    TriDocument *again;

    g_assert_no_error (error);
    again = tri_alignment_get_document (reopened, 0);
    g_assert_cmpint (tri_document_get_format (again), ==, TRI_FORMAT_PDF);
    g_assert_cmpstr (tri_document_get_text (again), ==, tri_document_get_text (document));
    g_assert_cmpstr (tri_document_get_title (again), ==, "report-uk.pdf");
  }
}

static void
test_html_language_hint (void)
{
  /* A short Ukrainian page with none of і ї є ґ reads as Russian by its
   * letters: its lang attribute tells. */
  static const char page[] =
    "<!DOCTYPE html><html lang=\"uk-UA\"><head><meta charset=\"utf-8\">"
    "<title>Новини</title></head><body><article><h1>Переговори тривали</h1>"
    "<p>Делегати провели переговори до ранку.</p></article></body></html>";
  g_autofree char *dir = tri_test_make_tmpdir ();
  g_autofree char *path = tri_test_write_file (dir, "news.html", page, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriDocument) document = NULL;
  g_autoptr(TriDocument) plain = NULL;

  document = tri_document_load (file, NULL, NULL, TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tri_document_get_language (document), ==, "uk");

  /* The same text without the page around it is taken for Russian. */
  plain = tri_document_new (tri_document_get_text (document), NULL, TRI_PARAGRAPH_BLANK_LINES);
  g_assert_cmpstr (tri_document_get_language (plain), ==, "ru");

  tri_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/detect", test_detect);
  g_test_add_func ("/format/html/fixtures", test_html_fixtures);
  g_test_add_func ("/format/html/structure", test_html_structure);
  g_test_add_func ("/format/html/charset", test_html_charset);
  g_test_add_func ("/format/html/language-hint", test_html_language_hint);
  g_test_add_func ("/format/docx/fixtures", test_docx_fixtures);
  g_test_add_func ("/format/odt/fixtures", test_odt_fixtures);
  g_test_add_func ("/format/pdf/fixtures", test_pdf_fixtures);
  g_test_add_func ("/format/hostile/zip", test_hostile_zip);
  g_test_add_func ("/format/hostile/pdf", test_hostile_pdf);
  g_test_add_func ("/format/document", test_document_load);

  return g_test_run ();
}

/* tri-report.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-checks.h"
#include "tri-csv.h"
#include "tri-error.h"
#include "tri-language.h"
#include "tri-report.h"

/* The findings of the checks as a report to read, print or sort (issue 6):
 *
 *   HTML  one self-contained page, UTF-8, no scripts, no external files:
 *         a summary of the counts per check and severity, then every
 *         finding in row order with its row's text in every version side
 *         by side and the finding's spans in <mark>. The markup is also
 *         well-formed XML (every element closed, only the five XML
 *         entities), so XML tools read it as well as browsers do. Its CSS
 *         prints on A4 landscape, keeps a finding on one page and outlines
 *         the marks, which survive printers that drop backgrounds.
 *   CSV   RFC 4180: CRLF line ends, fields with a comma, a quotation mark or
 *         a line break quoted, quotation marks doubled. UTF-8 with a
 *         byte-order mark: without one, spreadsheet applications (Excel
 *         above all) read the file in the system's legacy code page and
 *         turn Cyrillic into mojibake. The header names are fixed, for
 *         tools: row, check, severity, languages, message, then per
 *         version its language code (the row's text) and "CODE marked"
 *         (the finding's spans in it, joined by " … ").
 *
 * Rows are numbered from 1, as the window shows them. */

/* The spans of @spans (gsize pairs, in any order) clipped to [@lo, @hi),
 * sorted, with overlapping ones merged and empty ones left out. */
static GArray *
clip_spans (const GArray *spans,
            gsize         lo,
            gsize         hi)
{
  GArray *clipped = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (spans == NULL)
    return clipped;

  for (guint i = 0; i + 1 < spans->len; i += 2)
    {
      gsize start = MAX (g_array_index (spans, gsize, i), lo);
      gsize end = MIN (g_array_index (spans, gsize, i + 1), hi);
      guint at = 0;

      if (start >= end)
        continue;
      while (at < clipped->len && g_array_index (clipped, gsize, at) < start)
        at += 2;
      g_array_insert_val (clipped, at, end);
      g_array_insert_val (clipped, at, start);
    }

  /* Merge each span into the one before it where they overlap. */
  for (guint i = 2; i < clipped->len;)
    {
      gsize *prev_end = &g_array_index (clipped, gsize, i - 1);

      if (g_array_index (clipped, gsize, i) <= *prev_end)
        {
          *prev_end = MAX (*prev_end, g_array_index (clipped, gsize, i + 1));
          g_array_remove_range (clipped, i, 2);
        }
      else
        i += 2;
    }
  return clipped;
}

/* The finding's row, or NULL for a row the alignment no longer has. */
static TriRow *
dup_row (TriAlignment     *alignment,
         const TriFinding *finding)
{
  GListModel *model = G_LIST_MODEL (alignment);

  if (finding->row >= g_list_model_get_n_items (model))
    return NULL;
  return g_list_model_get_item (model, finding->row);
}

/* The finding's spans in @row's cell of @column, clipped to the cell's
 * bytes [@start, @end) (from its first sentence's start to its last one's
 * end), as clip_spans() gives them; NULL for an empty cell. */
static GArray *
cell_marks (TriAlignment     *alignment,
            TriRow           *row,
            guint             column,
            const TriFinding *finding,
            gsize            *start,
            gsize            *end)
{
  TriDocument *doc = tri_alignment_get_document (alignment, column);
  guint first = tri_row_get_first (row, column);
  guint count = tri_row_get_count (row, column);

  if (count == 0)
    return NULL;
  *start = tri_document_get_sentence (doc, first)->start;
  *end = tri_document_get_sentence (doc, first + count - 1)->end;
  return clip_spans (finding->spans[column], *start, *end);
}

/* The language code of @column's document as a BCP 47 tag. */
static char *
dup_language_tag (TriAlignment *alignment,
                  guint         column)
{
  const char *code = tri_document_get_language (tri_alignment_get_document (alignment, column));

  return g_strdelimit (g_strdup (code), "_", '-');
}

static int
compare_by_row (gconstpointer a,
                gconstpointer b)
{
  const TriFinding *fa = *(const TriFinding * const *)a;
  const TriFinding *fb = *(const TriFinding * const *)b;

  return fa->row < fb->row ? -1 : fa->row > fb->row;
}

/* @findings in row order; findings of one row keep their order (the sort
 * is stable). */
static GPtrArray *
sort_by_row (GPtrArray *findings)
{
  GPtrArray *sorted = g_ptr_array_sized_new (findings->len);

  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (findings, i));
  g_ptr_array_sort (sorted, compare_by_row);
  return sorted;
}

/* HTML */

static const char report_css[] =
  ":root {\n"
  "  color-scheme: light dark;\n"
  "  --fg: #1d1d20; --bg: #ffffff; --muted: #5e5c64; --line: #d3d3d8; --head: #f3f3f5;\n"
  "  --mark: #ffe36e; --mark-line: #a37a00;\n"
  "  --error: #c01c28; --warning: #a85200; --info: #1c62c4;\n"
  "}\n"
  "@media (prefers-color-scheme: dark) {\n"
  "  :root {\n"
  "    --fg: #ececee; --bg: #1e1e22; --muted: #a4a4ac; --line: #46464e; --head: #2a2a30;\n"
  "    --mark: #6a5300; --mark-line: #f6d32d;\n"
  "    --error: #ff7b63; --warning: #ffa348; --info: #78aeed;\n"
  "  }\n"
  "}\n"
  "html {\n"
  "  font-family: system-ui, -apple-system, \"Segoe UI\", Cantarell, \"Noto Sans\", \"DejaVu Sans\",\n"
  "               Roboto, \"Helvetica Neue\", Arial, sans-serif;\n"
  "  line-height: 1.45; color: var(--fg); background: var(--bg);\n"
  "}\n"
  "body { max-width: 110rem; margin: 0 auto; padding: 1.5rem 2rem; }\n"
  "h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }\n"
  "h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem;\n"
  "     border-bottom: 1px solid var(--line); }\n"
  ".versions-list { color: var(--muted); margin: 0; }\n"
  "table { border-collapse: collapse; }\n"
  "th, td { text-align: start; vertical-align: top; padding: 0.35rem 0.6rem;\n"
  "         border: 1px solid var(--line); }\n"
  "thead th, tfoot th, tfoot td { background: var(--head); }\n"
  ".counts td { text-align: end; font-variant-numeric: tabular-nums; min-width: 4.5rem; }\n"
  ".counts td.zero { color: var(--muted); }\n"
  ".finding { margin: 1rem 0; padding: 0.6rem 1rem 0.8rem; border: 1px solid var(--line);\n"
  "           border-inline-start: 0.4rem solid var(--info); border-radius: 0.3rem;\n"
  "           break-inside: avoid; page-break-inside: avoid; }\n"
  ".finding.error { border-inline-start-color: var(--error); }\n"
  ".finding.warning { border-inline-start-color: var(--warning); }\n"
  ".finding h3 { font-size: 1rem; margin: 0 0 0.3rem; }\n"
  ".finding h3 span + span { margin-inline-start: 0.5rem; }\n"
  ".severity { font-size: 0.8rem; font-weight: 700; text-transform: uppercase;\n"
  "            letter-spacing: 0.04em; color: var(--info); }\n"
  ".error .severity { color: var(--error); }\n"
  ".warning .severity { color: var(--warning); }\n"
  ".row-number { color: var(--muted); font-weight: 400; }\n"
  ".message { margin: 0 0 0.6rem; }\n"
  ".text { width: 100%; table-layout: fixed; }\n"
  ".text td { overflow-wrap: anywhere; }\n"
  ".text th.involved { font-weight: 700; }\n"
  ".text th { font-weight: 400; color: var(--muted); }\n"
  ".text td:empty::before { content: \"\\2014\"; color: var(--muted); }\n"
  "mark { color: inherit; background: var(--mark); border-bottom: 2px solid var(--mark-line);\n"
  "       padding: 0 0.1em; border-radius: 0.15em; }\n"
  "@page { size: A4 landscape; margin: 12mm; }\n"
  "@media print {\n"
  "  :root {\n"
  "    --fg: #000000; --bg: #ffffff; --muted: #444444; --line: #999999; --head: #eeeeee;\n"
  "    --mark: #fff0a0; --mark-line: #000000;\n"
  "    --error: #a0141e; --warning: #8a4500; --info: #1a4f9c;\n"
  "  }\n"
  "  html { font-size: 9.5pt; }\n"
  "  body { max-width: none; padding: 0; }\n"
  "  h2 { break-after: avoid; page-break-after: avoid; }\n"
  "  thead { display: table-header-group; }\n"
  "  mark { border: 1px solid var(--mark-line); border-bottom-width: 2px;\n"
  "         -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "}\n";

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

static const char *
severity_title (TriSeverity severity)
{
  switch (severity)
    {
    case TRI_SEVERITY_ERROR:
      return _("Error");
    case TRI_SEVERITY_WARNING:
      return _("Warning");
    case TRI_SEVERITY_INFO:
    default:
      return _("Note");
    }
}

#define N_SEVERITIES (TRI_SEVERITY_INFO + 1)

typedef struct
{
  const char *check;
  guint       counts[N_SEVERITIES];
  guint       total;
} CheckCount;

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const CheckCount *ca = a;
  const CheckCount *cb = b;

  return ca->total > cb->total ? -1 : ca->total < cb->total;
}

/* One row per check, the most frequent first (ties in the order of their
 * first finding), then the totals. */
static void
append_summary (GString   *out,
                GPtrArray *findings)
{
  g_autoptr(GArray) checks = g_array_new (FALSE, TRUE, sizeof (CheckCount));
  CheckCount totals = { NULL };

  for (guint i = 0; i < findings->len; i++)
    {
      const TriFinding *f = g_ptr_array_index (findings, i);
      guint severity = MIN ((guint)f->severity, N_SEVERITIES - 1);
      CheckCount *count = NULL;

      for (guint k = 0; k < checks->len && count == NULL; k++)
        if (g_str_equal (g_array_index (checks, CheckCount, k).check, f->check))
          count = &g_array_index (checks, CheckCount, k);
      if (count == NULL)
        {
          g_array_set_size (checks, checks->len + 1);
          count = &g_array_index (checks, CheckCount, checks->len - 1);
          count->check = f->check;
        }
      count->counts[severity]++;
      count->total++;
      totals.counts[severity]++;
      totals.total++;
    }
  g_array_sort (checks, compare_counts);

  g_string_append_printf (out, "<section class=\"summary\">\n<h2>%s</h2>\n", _("Summary"));
  if (findings->len == 0)
    {
      g_string_append_printf (out, "<p>%s</p>\n</section>\n", _("The checks found nothing to report."));
      return;
    }

  g_string_append_printf (out,
                          "<table class=\"counts\">\n<thead><tr><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                          _("Check"), _("Errors"), _("Warnings"), _("Notes"), _("Total"));
  for (guint k = 0; k <= checks->len; k++)
    {
      const CheckCount *count = k < checks->len ? &g_array_index (checks, CheckCount, k) : &totals;

      if (k == checks->len)
        g_string_append (out, "</tbody>\n<tfoot>\n");
      g_string_append (out, "<tr><th scope=\"row\">");
      append_escaped (out, count->check != NULL ? tri_check_get_title (count->check) : _("Total"), -1);
      g_string_append (out, "</th>");
      for (guint s = 0; s < N_SEVERITIES; s++)
        g_string_append_printf (out, "<td%s>%u</td>", count->counts[s] == 0 ? " class=\"zero\"" : "",
                                count->counts[s]);
      g_string_append_printf (out, "<td>%u</td></tr>\n", count->total);
    }
  g_string_append (out, "</tfoot>\n</table>\n</section>\n");
}

/* The text of @row's cell in @column, with the finding's spans in <mark>.
 * The line breaks between its paragraphs show as spaces. */
static void
append_cell_html (GString          *out,
                  TriAlignment     *alignment,
                  TriRow           *row,
                  guint             column,
                  const TriFinding *finding)
{
  const char *text = tri_document_get_text (tri_alignment_get_document (alignment, column));
  gsize at, end;
  g_autoptr(GArray) marks = cell_marks (alignment, row, column, finding, &at, &end);

  if (marks == NULL)
    return;
  for (guint k = 0; k + 1 < marks->len; k += 2)
    {
      gsize mark_start = g_array_index (marks, gsize, k);
      gsize mark_end = g_array_index (marks, gsize, k + 1);

      append_escaped (out, text + at, (gssize)(mark_start - at));
      g_string_append (out, "<mark>");
      append_escaped (out, text + mark_start, (gssize)(mark_end - mark_start));
      g_string_append (out, "</mark>");
      at = mark_end;
    }
  append_escaped (out, text + at, (gssize)(end - at));
}

static void
append_finding_html (GString          *out,
                     TriAlignment     *alignment,
                     char * const     *names,
                     char * const     *tags,
                     const TriFinding *finding)
{
  g_autoptr(TriRow) row = dup_row (alignment, finding);
  guint n_columns = tri_alignment_get_n_columns (alignment);
  g_autofree char *row_label = NULL;

  /* Translators: a row of the alignment, numbered from 1 as in the window */
  row_label = g_strdup_printf (_("Row %u"), finding->row + 1);

  g_string_append_printf (out, "<article class=\"finding %s\">\n<h3><span class=\"row-number\">",
                          tri_severity_to_string (finding->severity));
  append_escaped (out, row_label, -1);
  g_string_append (out, "</span> <span class=\"severity\">");
  append_escaped (out, severity_title (finding->severity), -1);
  g_string_append (out, "</span> <span class=\"check\">");
  append_escaped (out, tri_check_get_title (finding->check), -1);
  g_string_append (out, "</span></h3>\n<p class=\"message\">");
  append_escaped (out, finding->message != NULL ? finding->message : "", -1);
  g_string_append (out, "</p>\n");

  if (row != NULL)
    {
      g_string_append (out, "<table class=\"text\">\n<thead><tr>");
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append_printf (out, "<th scope=\"col\"%s>",
                                  finding->languages & (1u << c) ? " class=\"involved\"" : "");
          append_escaped (out, names[c], -1);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr></thead>\n<tbody><tr>");
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append_printf (out, "<td lang=\"%s\">", tags[c]);
          append_cell_html (out, alignment, row, c, finding);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr></tbody>\n</table>\n");
    }
  g_string_append (out, "</article>\n");
}

static char *
report_html (TriAlignment *alignment,
             GPtrArray    *findings,
             const char   *title)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) sorted = sort_by_row (findings);
  g_autofree char *ui_tag = tri_language_dup_ui_tag ();
  g_autofree char *page_title = NULL;
  guint n_columns = tri_alignment_get_n_columns (alignment);
  char *names[TRI_MAX_COLUMNS + 1] = { NULL };
  char *tags[TRI_MAX_COLUMNS + 1] = { NULL };

  for (guint c = 0; c < n_columns; c++)
    {
      names[c] = tri_language_dup_display_name (tri_document_get_language (tri_alignment_get_document (alignment, c)));
      tags[c] = dup_language_tag (alignment, c);
    }

  if (title == NULL || *title == '\0')
    page_title = g_strdup (_("Findings of the checks"));
  else
    /* Translators: the title of a report page; %s is the project's name */
    page_title = g_strdup_printf (_("%s — findings of the checks"), title);

  g_string_append_printf (out,
                          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                          "<meta name=\"generator\" content=\"Triptych %s\"/>\n<title>",
                          ui_tag, PACKAGE_VERSION);
  append_escaped (out, page_title, -1);
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", report_css);
  append_escaped (out, title != NULL && *title != '\0' ? title : page_title, -1);
  g_string_append (out, "</h1>\n<p class=\"versions-list\">");
  for (guint c = 0; c < n_columns; c++)
    {
      TriDocument *doc = tri_alignment_get_document (alignment, c);
      const char *doc_title = tri_document_get_title (doc);

      if (c > 0)
        g_string_append (out, " · ");
      g_string_append (out, "<strong>");
      append_escaped (out, names[c], -1);
      g_string_append (out, "</strong>");
      if (doc_title != NULL && *doc_title != '\0')
        {
          g_string_append (out, " (");
          append_escaped (out, doc_title, -1);
          g_string_append (out, ")");
        }
    }
  g_string_append (out, "</p>\n</header>\n");

  append_summary (out, sorted);

  if (sorted->len > 0)
    {
      g_string_append_printf (out, "<section class=\"findings\">\n<h2>%s</h2>\n", _("Findings"));
      for (guint i = 0; i < sorted->len; i++)
        append_finding_html (out, alignment, names, tags, g_ptr_array_index (sorted, i));
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</body>\n</html>\n");

  for (guint c = 0; c < n_columns; c++)
    {
      g_free (names[c]);
      g_free (tags[c]);
    }
  return g_string_free (out, FALSE);
}

/* CSV */

/* The texts of the finding's spans in @row's cell of @column, white space
 * folded, joined by " … ". */
static char *
dup_marked_text (TriAlignment     *alignment,
                 TriRow           *row,
                 guint             column,
                 const TriFinding *finding)
{
  const char *text = tri_document_get_text (tri_alignment_get_document (alignment, column));
  gsize start, end;
  g_autoptr(GArray) marks = cell_marks (alignment, row, column, finding, &start, &end);
  GString *joined = g_string_new (NULL);

  for (guint k = 0; marks != NULL && k + 1 < marks->len; k += 2)
    {
      gsize mark_start = g_array_index (marks, gsize, k);
      g_autofree char *mark = tri_fold_whitespace (text + mark_start,
                                                   (gssize)(g_array_index (marks, gsize, k + 1) - mark_start));

      if (joined->len > 0)
        g_string_append (joined, " … ");
      g_string_append (joined, mark);
    }
  return g_string_free (joined, FALSE);
}

static void
append_finding_csv (GString          *out,
                    TriAlignment     *alignment,
                    char * const     *codes,
                    const TriFinding *finding)
{
  g_autoptr(TriRow) row = dup_row (alignment, finding);
  g_autoptr(GString) languages = g_string_new (NULL);
  guint n_columns = tri_alignment_get_n_columns (alignment);
  char number[16];

  for (guint c = 0; c < n_columns; c++)
    if (finding->languages & (1u << c))
      g_string_append_printf (languages, "%s%s", languages->len > 0 ? " " : "", codes[c]);

  g_snprintf (number, sizeof number, "%u", finding->row + 1);
  tri_csv_append_field (out, number, FALSE);
  tri_csv_append_field (out, finding->check, FALSE);
  tri_csv_append_field (out, tri_severity_to_string (finding->severity), FALSE);
  tri_csv_append_field (out, languages->str, FALSE);
  tri_csv_append_field (out, finding->message != NULL ? finding->message : "", FALSE);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *text = row != NULL ? tri_alignment_dup_cell_text (alignment, row, c) : g_strdup ("");
      g_autofree char *marked = row != NULL ? dup_marked_text (alignment, row, c, finding) : g_strdup ("");

      tri_csv_append_field (out, text, FALSE);
      tri_csv_append_field (out, marked, c + 1 == n_columns);
    }
}

static char *
report_csv (TriAlignment *alignment,
            GPtrArray    *findings)
{
  static const char * const fixed[] = { "row", "check", "severity", "languages", "message" };
  GString *out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GPtrArray) sorted = sort_by_row (findings);
  guint n_columns = tri_alignment_get_n_columns (alignment);
  char *codes[TRI_MAX_COLUMNS + 1] = { NULL };

  for (guint c = 0; c < n_columns; c++)
    codes[c] = g_strdup (tri_document_get_language (tri_alignment_get_document (alignment, c)));

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    tri_csv_append_field (out, fixed[i], n_columns == 0 && i + 1 == G_N_ELEMENTS (fixed));
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *marked = g_strconcat (codes[c], " marked", NULL);

      tri_csv_append_field (out, codes[c], FALSE);
      tri_csv_append_field (out, marked, c + 1 == n_columns);
    }

  for (guint i = 0; i < sorted->len; i++)
    append_finding_csv (out, alignment, codes, g_ptr_array_index (sorted, i));

  for (guint c = 0; c < n_columns; c++)
    g_free (codes[c]);
  return g_string_free (out, FALSE);
}

/* Public API */

/**
 * tri_report_format_for_filename:
 * @filename: a file name or path
 * @format: (out): where to store the format
 *
 * The report format a file name asks for by its extension: .html or .htm
 * for %TRI_REPORT_HTML, .csv for %TRI_REPORT_CSV, in any case.
 *
 * Returns: %TRUE if the extension names a format
 */
gboolean
tri_report_format_for_filename (const char      *filename,
                                TriReportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    *format = TRI_REPORT_HTML;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = TRI_REPORT_CSV;
  else
    return FALSE;
  return TRUE;
}

/**
 * tri_report_to_string:
 * @alignment: the alignment the findings are about
 * @findings: (element-type TriFinding): the findings to report, as the
 *   caller chose them (the window leaves the dismissed ones out)
 * @format: HTML or CSV
 * @title: (nullable): what the report is about, such as the project's name
 *
 * The report of @findings, in row order, with the text of each finding's
 * row in every version. The strings meant for people (check names,
 * headings, the findings' messages) are in the language of the user
 * interface; the CSV's header and its check and severity fields are not
 * translated, for tools.
 *
 * Returns: (transfer full): the report, UTF-8 (the CSV starts with a
 *   byte-order mark)
 */
char *
tri_report_to_string (TriAlignment    *alignment,
                      GPtrArray       *findings,
                      TriReportFormat  format,
                      const char      *title)
{
  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);
  g_return_val_if_fail (findings != NULL, NULL);

  switch (format)
    {
    case TRI_REPORT_CSV:
      return report_csv (alignment, findings);
    case TRI_REPORT_HTML:
    default:
      return report_html (alignment, findings, title);
    }
}

/**
 * tri_report_save:
 * @alignment: the alignment the findings are about
 * @findings: (element-type TriFinding): the findings to report
 * @format: HTML or CSV
 * @title: (nullable): what the report is about, such as the project's name
 * @file: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes tri_report_to_string() to @file atomically: a reader never sees
 * half a report, and a failure leaves the old file as it was. The error
 * keeps GIO's domain and code (%G_IO_ERROR_CANCELLED stays one) and its
 * message names the file.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_report_save (TriAlignment     *alignment,
                 GPtrArray        *findings,
                 TriReportFormat   format,
                 const char       *title,
                 GFile            *file,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autofree char *report = NULL;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), FALSE);
  g_return_val_if_fail (findings != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = tri_report_to_string (alignment, findings, format, title);
  return tri_file_replace_contents (file, report, strlen (report), G_FILE_CREATE_NONE, cancellable, error);
}

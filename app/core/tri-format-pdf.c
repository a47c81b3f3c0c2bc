/* tri-format-pdf.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-format-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "tri-error.h"
#include "tri-format.h"
#include "tri-format-private.h"

/* A PDF through poppler-glib. Poppler gives each page's text in reading
 * order (a two-column page column by column) with a box for every
 * character; from the boxes we get the lines' positions and sizes, and
 * from those the paragraphs:
 *
 * - running headers and footers: the first and last two lines of a page
 *   that recur (digits aside) on at least half the pages, and lines that
 *   are only a page number, are dropped;
 * - a heading is a line set larger than the body text: a paragraph of its
 *   own (its lines joined);
 * - a paragraph ends where the gap to the next line is clearly larger than
 *   the line spacing, where the next line is indented, or where the next
 *   line's first word would have fitted at the end of the line (in the
 *   same column or across a column or page break);
 * - a word hyphenated at a line end is joined when the line ends in a soft
 *   hyphen, or in "-" after a letter with a lower-case letter starting the
 *   next line; other line ends become spaces.
 *
 * Encrypted and damaged files, and files without a text layer (scans),
 * get a message saying so. */

#define MAX_PAGES 5000

typedef struct
{
  char    *text;
  double   x1, y1, x2, y2;
  double   size;
  guint    page;
  gboolean drop;
} Line;

static void
line_clear (Line *line)
{
  g_free (line->text);
}

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  const Line *x = a, *y = b;

  return (x->y1 > y->y1) - (x->y1 < y->y1);
}

/* Puts the lines of a page in reading order. Lines that span the middle
 * of the page (a headline, a running header, a footer) cut it into bands;
 * in a band that has lines on both sides, the left column is read before
 * the right one. Poppler's own order mixes columns up when they do not
 * end level. */
static void
order_columns (GArray *page_lines,
               double  width,
               GArray *lines)
{
  double mid = width / 2;
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (Line));
  gboolean two_columns = FALSE;

  for (guint i = 0; i < page_lines->len && !two_columns; i++)
    two_columns = g_array_index (page_lines, Line, i).x1 >= mid - 2;
  if (!two_columns)
    {
      g_array_append_vals (lines, page_lines->data, page_lines->len);
      return;
    }

  g_array_sort (page_lines, compare_top);
  for (guint i = 0; i <= page_lines->len; i++)
    {
      Line *l = i < page_lines->len ? &g_array_index (page_lines, Line, i) : NULL;

      if (l != NULL && l->x2 <= mid + 2)
        g_array_append_val (left, *l);
      else if (l != NULL && l->x1 >= mid - 2)
        g_array_append_val (right, *l);
      else
        {
          /* A line across, or the end: the band before it is done. */
          g_array_append_vals (lines, left->data, left->len);
          g_array_append_vals (lines, right->data, right->len);
          g_array_set_size (left, 0);
          g_array_set_size (right, 0);
          if (l != NULL)
            g_array_append_val (lines, *l);
        }
    }
}

/* Lines of one page, from its text and the box of each character. */
static void
read_page (PopplerPage *page,
           guint        index,
           GArray      *all_lines)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  double width = 0, height = 0;
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GList *attributes;
  g_autofree double *sizes = NULL;
  glong n_chars;
  const char *p, *line_start;
  glong c = 0, line_first = 0;

  if (text == NULL)
    return;

  n_chars = g_utf8_strlen (text, -1);
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;

  sizes = g_new0 (double, n_chars + 1);
  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      for (int i = MAX (a->start_index, 0); i <= a->end_index && i < n_chars; i++)
        sizes[i] = a->font_size;
    }
  poppler_page_free_text_attributes (attributes);

  line_start = text;
  for (p = text; ; p = g_utf8_next_char (p), c++)
    {
      if (*p == '\n' || *p == '\0')
        {
          Line line = { NULL, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE, 0, index, FALSE };
          const char *q = line_start;

          for (glong k = line_first; k < c; k++, q = g_utf8_next_char (q))
            {
              if (g_unichar_isspace (g_utf8_get_char (q)) || (guint)k >= n_rects)
                continue;
              line.x1 = MIN (line.x1, rects[k].x1);
              line.y1 = MIN (line.y1, rects[k].y1);
              line.x2 = MAX (line.x2, rects[k].x2);
              line.y2 = MAX (line.y2, rects[k].y2);
              line.size = MAX (line.size, sizes[k] > 0 ? sizes[k] : rects[k].y2 - rects[k].y1);
            }

          line.text = g_strstrip (g_strndup (line_start, (gsize)(p - line_start)));
          if (line.text[0] != '\0' && line.x1 < G_MAXDOUBLE)
            g_array_append_val (lines, line);
          else
            line_clear (&line);

          if (*p == '\0')
            break;
          line_start = p + 1;
          line_first = c + 1;
        }
    }

  poppler_page_get_size (page, &width, &height);
  order_columns (lines, width, all_lines);
}

static char *
furniture_key (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isdigit (ch))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
        }
      else if (!g_unichar_isspace (ch))
        g_string_append_unichar (key, g_unichar_tolower (ch));
    }
  return g_string_free (key, FALSE);
}

static gboolean
is_page_number (const char *text)
{
  return g_regex_match_simple ("^[\\s\\p{P}]*((page|p\\.|стр\\.?|страница|сторінка|с\\.)\\s*)?"
                               "[0-9ivxlc]+(\\s*(/|of|из|з|із)\\s*[0-9]+)?[\\s\\p{P}]*$",
                               text, G_REGEX_CASELESS, 0);
}

/* Marks the running headers, footers and page numbers. */
static void
mark_furniture (GArray *lines,
                guint   n_pages)
{
  g_autoptr(GHashTable) pages_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *first = g_new0 (guint, n_pages + 1);
  g_autofree guint *count = g_new0 (guint, n_pages + 1);
  guint threshold = MAX (2, (n_pages + 1) / 2);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);

      if (count[l->page]++ == 0)
        first[l->page] = i;
    }

  /* Count each key once a page, in the top and bottom two lines. */
  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint k = 0; k < count[page]; k++)
        {
          Line *l = &g_array_index (lines, Line, first[page] + k);
          char *key;

          if (k >= 2 && k + 2 < count[page])
            continue;
          if (is_page_number (l->text))
            {
              l->drop = TRUE;
              continue;
            }
          key = furniture_key (l->text);
          if (!g_hash_table_add (seen, key))
            continue;
          g_hash_table_insert (pages_of, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pages_of, key)) + 1));
        }
    }

  if (n_pages < 2)
    return;

  for (guint page = 0; page < n_pages; page++)
    for (guint k = 0; k < count[page]; k++)
      {
        Line *l = &g_array_index (lines, Line, first[page] + k);
        g_autofree char *key = NULL;

        if (k >= 2 && k + 2 < count[page])
          continue;
        key = furniture_key (l->text);
        if (GPOINTER_TO_UINT (g_hash_table_lookup (pages_of, key)) >= threshold)
          l->drop = TRUE;
      }
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The most common size of the body text, by characters. */
static double
body_size (GArray *lines)
{
  g_autoptr(GHashTable) weight = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint best_weight = 0;
  int best = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      int key = (int)lround (l->size * 10);
      guint w;

      if (l->drop)
        continue;
      w = GPOINTER_TO_UINT (g_hash_table_lookup (weight, GINT_TO_POINTER (key))) + (guint)strlen (l->text);
      g_hash_table_insert (weight, GINT_TO_POINTER (key), GUINT_TO_POINTER (w));
      if (w > best_weight)
        {
          best_weight = w;
          best = key;
        }
    }
  return best / 10.0;
}

static gboolean
overlaps (const Line *a,
          const Line *b)
{
  return a->page == b->page && a->x1 < b->x2 && b->x1 < a->x2;
}

/* About how wide the first word of @line is, with a space before it: when
 * it would have fitted at the end of the line before, that line ended a
 * paragraph. */
static double
first_word_width (const Line *line)
{
  glong n = g_utf8_strlen (line->text, -1);
  const char *space = strchr (line->text, ' ');
  glong word = space != NULL ? g_utf8_strlen (line->text, space - line->text) : n;

  return n > 0 ? (line->x2 - line->x1) / (double)n * (double)(word + 1) : 0;
}

/* Whether @prev ends in a word hyphenated at the line end that @next
 * goes on with: the hyphen is dropped and the halves joined. */
static gboolean
joins_hyphenated (const char *prev,
                  const char *next)
{
  gsize n = strlen (prev);
  const char *hyphen, *before;

  if (n < 2)
    return FALSE;
  if (g_str_has_suffix (prev, "\xC2\xAD"))
    return TRUE;
  hyphen = g_utf8_prev_char (prev + n);
  if (*hyphen != '-' && !g_str_has_suffix (prev, "\xE2\x80\x90"))
    return FALSE;
  before = g_utf8_prev_char (hyphen);
  return g_unichar_isalpha (g_utf8_get_char (before)) && g_unichar_islower (g_utf8_get_char (next));
}

static char *
assemble (GArray *lines)
{
  double body = body_size (lines);
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  double spacing;
  TriTextBuilder builder;
  const Line *prev = NULL;
  guint prev_index = 0;

  /* The usual distance from one line of body text to the next. */
  for (guint i = 1; i < lines->len; i++)
    {
      const Line *a = &g_array_index (lines, Line, i - 1), *b = &g_array_index (lines, Line, i);
      double step = b->y1 - a->y1;

      if (!a->drop && !b->drop && overlaps (a, b) && step > 0 &&
          fabs (a->size - body) < 0.5 && fabs (b->size - body) < 0.5)
        g_array_append_val (steps, step);
    }
  if (steps->len > 0)
    {
      g_array_sort (steps, compare_double);
      /* The lower quartile: with short paragraphs, half the steps are
       * paragraph gaps. */
      spacing = g_array_index (steps, double, steps->len / 4);
    }
  else
    spacing = body * 1.2;

  tri_text_builder_init (&builder);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      gboolean heading = line->size > body * 1.15;
      gboolean was_heading = prev != NULL && prev->size > body * 1.15;
      gboolean brk = FALSE;

      if (line->drop)
        continue;

      if (prev != NULL)
        {
          double left = line->x1, right = prev->x2;
          gboolean same_column = overlaps (prev, line) && line->y1 > prev->y1;

          /* The column's edges: the body lines beside these, on their
           * pages (the lines are in page order). */
          for (guint pass = 0; pass < 2; pass++)
            {
              const Line *of = pass == 0 ? line : prev;
              guint k = pass == 0 ? i : prev_index;

              while (k > 0 && g_array_index (lines, Line, k - 1).page == of->page)
                k--;
              for (; k < lines->len && g_array_index (lines, Line, k).page == of->page; k++)
                {
                  const Line *o = &g_array_index (lines, Line, k);

                  if (o->drop || o->size > body * 1.15 || !overlaps (o, of))
                    continue;
                  if (pass == 0)
                    left = MIN (left, o->x1);
                  else
                    right = MAX (right, o->x2);
                }
            }

          if (heading != was_heading)
            brk = TRUE;
          else if (heading)
            brk = !same_column || line->y1 - prev->y1 > line->size * 1.6 ||
                  fabs (line->size - prev->size) > 0.5;
          else if (same_column && line->y1 - prev->y1 > spacing * 1.4)
            brk = TRUE;
          else if (line->x1 > left + body * 0.8)
            brk = TRUE;
          else if (right - prev->x2 > first_word_width (line))
            brk = TRUE;
        }

      if (brk)
        tri_text_builder_paragraph (&builder);

      if (!brk && prev != NULL && joins_hyphenated (prev->text, line->text))
        {
          /* Take the hyphen back out. */
          gsize n = builder.out->len;
          const char *hyphen = g_utf8_prev_char (builder.out->str + n);

          g_string_truncate (builder.out, (gsize)(hyphen - builder.out->str));
          builder.space = FALSE;
          builder.pending = 0;
        }
      else if (!brk && prev != NULL)
        builder.space = TRUE;

      tri_text_builder_text (&builder, line->text, -1);
      prev = line;
      prev_index = i;
    }

  return tri_text_builder_finish (&builder);
}

/**
 * tri_format_extract_pdf:
 * @data: the bytes of a PDF
 * @length: their length
 * @name: its name, for messages
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Returns: (transfer full) (nullable): its text, paragraphs separated by
 *   blank lines
 */
char *
tri_format_extract_pdf (const guint8  *data,
                        gsize          length,
                        const char    *name,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;
  char *text;
  g_autoptr(GArray) lines = NULL;
  gboolean any = FALSE;
  int n_pages;

  if (length == 0)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   _("“%s” is empty: there is no %s document in it"), name, "PDF");
      return NULL;
    }

  if (length > TRI_FORMAT_PDF_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (TRI_FORMAT_PDF_MAX_SIZE);

      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE,
                   _("“%s” is too large to open (%s; the limit for PDF is %s)"), name, size, limit);
      return NULL;
    }

  if (!tri_format_contains (data, MIN (length, (gsize)1024), "%PDF-"))
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   _("“%s” is not a %s document: it is named like one, but it holds something else "
                     "(plain text, perhaps: rename it)"), name, "PDF");
      return NULL;
    }

  bytes = g_bytes_new_static (data, length);
  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                     _("“%s” is protected by a password; save a copy without one and open that"),
                     name);
      else
        g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                     _("“%s” is not a readable %s document: %s"), name, "PDF", local_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages > MAX_PAGES)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE,
                   _("“%s” has too many pages to open (%d; the limit is %d)"), name, n_pages, MAX_PAGES);
      g_object_unref (document);
      return NULL;
    }

  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  /* The document is closed before the bytes it reads go away. */
  g_array_set_clear_func (lines, (GDestroyNotify)line_clear);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);

      if (page != NULL)
        read_page (page, (guint)i, lines);
      g_clear_object (&page);
    }
  g_object_unref (document);

  for (guint i = 0; i < lines->len && !any; i++)
    any = g_array_index (lines, Line, i).text[0] != '\0';
  if (!any)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_BINARY,
                   _("“%s” has no text layer: it is probably a scanned image. "
                     "Run text recognition (OCR) on it first, or open a text version"), name);
      return NULL;
    }

  mark_furniture (lines, (guint)n_pages);
  text = assemble (lines);
  return text;
}

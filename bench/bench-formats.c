/* bench-formats.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Extraction speed of the document readers (issue 17's targets: a
 * 100-page PDF under 2 s, a 5 MB DOCX under 1 s). The documents are made
 * here: a PDF of two-column pages with a running header and page numbers
 * (cairo), and a DOCX of paragraphs in Word's markup (each run with its
 * properties) zipped with libzip. Their words are drawn at random from a
 * list, so the DOCX packs about as well as real text does. Prints
 * Markdown; the best of three runs of tri_format_decode(), which reads,
 * extracts and normalizes, in wall-clock time and in CPU time (the
 * machine the numbers were taken on is shared: wall time there depends on
 * the load). */

#include "config.h"

#include <cairo-pdf.h>
#include <locale.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "tri-format.h"

static const char * const words[] = {
  "the", "delegations", "met", "in", "Geneva", "on", "Monday", "to", "resume", "talks", "about",
  "grain", "exports", "ports", "inspections", "ministers", "agreed", "that", "shipping", "would",
  "reopen", "under", "international", "supervision", "and", "officials", "said", "next", "round",
  "planned", "for", "Friday", "European", "partners", "expressed", "support", "agreement", "prices",
  "fell", "after", "announcement", "insurers", "returned", "farmers", "counted", "cost", "of",
  "blockade", "corridor", "vessels", "cargo", "tonnes", "wheat", "maize", "sunflower", "oil",
};

static char *
sentence (GRand *rand)
{
  GString *s = g_string_new (NULL);
  int n = g_rand_int_range (rand, 8, 22);

  for (int i = 0; i < n; i++)
    {
      const char *w = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, w);
    }
  s->str[0] = g_ascii_toupper (s->str[0]);
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_pdf (guint n_pages)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, out, 595, 842);
  cairo_t *cr = cairo_create (surface);
  GRand *rand = g_rand_new_with_seed (17);

  cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u", page);

      cairo_set_font_size (cr, 8);
      cairo_move_to (cr, 50, 30);
      cairo_show_text (cr, "Northern Ledger · Annual report on grain exports");
      cairo_move_to (cr, 280, 820);
      cairo_show_text (cr, number);
      cairo_set_font_size (cr, 10);
      for (guint col = 0; col < 2; col++)
        {
          double y = 60, x = 50 + col * 255;
          GString *line = g_string_new (NULL);

          while (y < 790)
            {
              g_autofree char *s = sentence (rand);
              g_auto(GStrv) split = g_strsplit (s, " ", -1);

              for (guint i = 0; split[i] != NULL && y < 790; i++)
                {
                  cairo_text_extents_t ext;
                  g_autofree char *trial = line->len > 0 ? g_strconcat (line->str, " ", split[i], NULL)
                                                         : g_strdup (split[i]);

                  cairo_text_extents (cr, trial, &ext);
                  if (ext.x_advance > 235 && line->len > 0)
                    {
                      cairo_move_to (cr, x, y);
                      cairo_show_text (cr, line->str);
                      y += 12.5;
                      g_string_assign (line, split[i]);
                    }
                  else
                    g_string_assign (line, trial);
                }
              if (g_rand_int_range (rand, 0, 4) == 0 && y < 790)
                {
                  /* The end of a paragraph. */
                  cairo_move_to (cr, x, y);
                  cairo_show_text (cr, line->str);
                  g_string_truncate (line, 0);
                  y += 18;
                }
            }
          g_string_free (line, TRUE);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_rand_free (rand);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
make_docx (gsize target)
{
  GRand *rand = g_rand_new_with_seed (17);
  zip_error_t zerr;
  zip_source_t *buffer;
  zip_t *zip;
  zip_stat_t st;
  guint8 *bytes;
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                               "<w:body>");
  guint paragraph = 0;

  /* Word's markup packs about 1:11: fill until the zip is big enough. */
  while (xml->len < target * 11)
    {
      if (paragraph++ % 12 == 0)
        g_string_append_printf (xml, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Section %u</w:t></w:r></w:p>",
                                paragraph);
      g_string_append (xml, "<w:p><w:pPr><w:spacing w:after=\"160\"/></w:pPr>");
      for (int s = g_rand_int_range (rand, 1, 6); s > 0; s--)
        {
          g_autofree char *text = sentence (rand);

          g_string_append_printf (xml, "<w:r><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\"/>"
                                  "<w:sz w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr>"
                                  "<w:t xml:space=\"preserve\">%s </w:t></w:r>", text);
        }
      g_string_append (xml, "</w:p>");
    }
  g_string_append (xml, "<w:sectPr/></w:body></w:document>");

  zip_error_init (&zerr);
  buffer = zip_source_buffer_create (NULL, 0, 0, &zerr);
  zip_source_keep (buffer);
  zip = zip_open_from_source (buffer, ZIP_TRUNCATE, &zerr);
  zip_file_add (zip, "word/document.xml", zip_source_buffer (zip, xml->str, xml->len, 0), 0);
  zip_close (zip);
  zip_source_open (buffer);
  zip_source_stat (buffer, &st);
  bytes = g_malloc (st.size);
  zip_source_read (buffer, bytes, st.size);
  zip_source_close (buffer);
  zip_source_free (buffer);
  zip_error_fini (&zerr);
  g_string_free (xml, TRUE);
  g_rand_free (rand);
  return g_bytes_new_take (bytes, st.size);
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
measure (const char *what,
         GBytes     *bytes,
         const char *name,
         double      target)
{
  double best = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE;
  guint paragraphs = 0;
  g_autofree char *size = g_format_size (g_bytes_get_size (bytes));

  for (int run = 0; run < 3; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_seconds ();
      TriDecodedText *text = tri_format_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                name, NULL, NULL, &error);
      double took = (g_get_monotonic_time () - start) / 1e6;
      double cpu = cpu_seconds () - cpu_start;

      if (text == NULL)
        g_error ("%s: %s", name, error->message);
      best = MIN (best, took);
      best_cpu = MIN (best_cpu, cpu);
      paragraphs = 1;
      for (const char *p = text->text; (p = strstr (p, "\n\n")) != NULL; p += 2)
        paragraphs++;
      tri_decoded_text_free (text);
    }
  g_print ("| %s | %s | %u | %.3f s | %.3f s | < %.0f s | %s |\n", what, size, paragraphs, best, best_cpu,
           target, best_cpu < target ? "yes" : "**no**");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) pdf = NULL, docx = NULL;

  setlocale (LC_ALL, "");
  pdf = make_pdf (100);
  docx = make_docx (5 * 1024 * 1024);

  /* --save DIR keeps the two documents, to profile a reader on its own. */
  if (argc == 3 && g_str_equal (argv[1], "--save"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *pdf_path = g_build_filename (argv[2], "bench.pdf", NULL);
      g_autofree char *docx_path = g_build_filename (argv[2], "bench.docx", NULL);

      if (!g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize)g_bytes_get_size (pdf), &error) ||
          !g_file_set_contents (docx_path, g_bytes_get_data (docx, NULL), (gssize)g_bytes_get_size (docx), &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  g_print ("| document | size | paragraphs | wall (best of 3) | CPU (best of 3) | target | met (CPU)? |\n");
  g_print ("|---|---|---|---|---|---|---|\n");
  measure ("PDF, 100 two-column pages", pdf, "bench.pdf", 2);
  measure ("DOCX", docx, "bench.docx", 1);
  return 0;
}

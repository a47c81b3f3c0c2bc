/* bench-wording.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Compare Wording's speed in the real window: the time from the pointer's
 * motion over a word (what the grid's motion controller calls,
 * tri_wording_controller_hover_word()) to its counterparts' attributes set, on a row
 * of three cells of about 60 words each: the first motion over the row
 * (it links the row) and every later one (the row's links kept), and the
 * next frame's paint. Run under Xvfb with GSK_RENDERER=cairo. Prints
 * Markdown. */

#include "config.h"

#include "bench-ui.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tri-application.h"
#include "tri-window.h"

/* One long sentence a version (written for this bench), so the row holds
 * about 60 words in each cell. */
static const char * const texts[] = {
  "On Thursday in Geneva the delegations of Ukraine, Turkey and the United Nations discussed "
  "insurance for 1250 grain ships a year, a civilian mission to monitor the corridor from Odesa, "
  "the premiums shipowners pay since the spring, the ports that would stay open in winter, and "
  "a fund of 2 billion dollars that the minister called ambitious but necessary for the talks.",
  "В четверг в Женеве делегации Украины, Турции и ООН обсудили страхование 1250 судов с зерном "
  "в год, гражданскую миссию для наблюдения за коридором из Одессы, взносы, которые судовладельцы "
  "платят с весны, порты, которые останутся открытыми зимой, и фонд в 2 миллиарда долларов, "
  "который министр назвал амбициозным, но необходимым для переговоров.",
  "У четвер у Женеві делегації України, Туреччини та ООН обговорили страхування 1250 суден із "
  "зерном на рік, цивільну місію для моніторингу коридору з Одеси, внески, які судновласники "
  "сплачують від весни, порти, що залишаться відкритими взимку, і фонд у 2 мільярди доларів, "
  "який міністр назвав амбітним, але необхідним для перемовин.",
};
static const char * const languages[] = { "en", "ru", "uk" };

static const char * const short_texts[][3] = {
  { "Talks on the grain corridor resumed in Geneva on # March.",
    "Переговоры о зерновом коридоре возобновились в Женеве # марта.",
    "Перемовини щодо зернового коридору відновилися в Женеві # березня." },
  { "The delegations discussed insurance for # vessels a year.",
    "Делегации обсудили страхование # судов в год.",
    "Делегації обговорили страхування # суден на рік." },
  { "The minister spoke after # hours of talks.",
    "Министр выступил после # часов переговоров.",
    "Міністр виступив після # годин перемовин." },
};

typedef struct
{
  gint64 last;
  gint64 worst;
} Ticks;

/* The longest the main loop went without running a 1 ms timeout. */
static gboolean
on_tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->last != 0)
    ticks->worst = MAX (ticks->worst, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
ready (TriWindow *window)
{
  TriWording *wording = tri_wording_controller_get_wording (tri_window_get_wording (window));

  return wording != NULL && tri_wording_is_ready (wording) && !tri_window_get_busy (window);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TriApplication) app = NULL;
  g_autoptr(GArray) cached = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) words = NULL;
  TriDocument *documents[3];
  TriWindow *window;
  double first = 0, first_shown = 0, mean = 0;
  guint n_words[3] = { 0 };
  gint64 start, deadline;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (!gtk_init_check ())
    {
      fprintf (stderr, "no display: run under xvfb-run\n");
      return 1;
    }
  adw_init ();
  app = tri_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = tri_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(GArray) w = tri_word_tokenize (texts[c], -1);

      n_words[c] = w->len;
      documents[c] = tri_document_new (texts[c], languages[c], TRI_PARAGRAPH_BLANK_LINES);
    }
  tri_window_set_documents (window, documents, 3);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!ready (window) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();

  /* The first motion over the row links it. */
  words = tri_word_tokenize (texts[0], -1);
  start = g_get_monotonic_time ();
  tri_wording_controller_hover_word (tri_window_get_wording (window), 0, 0, (int)g_array_index (words, TriWordSpan, 0).start);
  first = (g_get_monotonic_time () - start) / 1000.0;
  /* The thread links it; the highlight follows by itself. */
  while (!tri_wording_controller_has_highlight (tri_window_get_wording (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  first_shown = (g_get_monotonic_time () - start) / 1000.0;
  iterate ();

  /* Then every word of every cell, back and forth, three times. */
  for (guint round = 0; round < 3; round++)
    for (guint c = 0; c < 3; c++)
      {
        g_autoptr(GArray) spans = tri_word_tokenize (texts[c], -1);

        for (guint i = 0; i < spans->len; i++)
          {
            double ms;

            start = g_get_monotonic_time ();
            tri_wording_controller_hover_word (tri_window_get_wording (window), 0, c, (int)g_array_index (spans, TriWordSpan, i).start);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (cached, ms);
            mean += ms;
          }
      }
  g_array_sort (cached, compare_double);

  printf ("| measure (row of %u / %u / %u words) | value |\n|---|--:|\n", n_words[0], n_words[1], n_words[2]);
  printf ("| first motion over the row: the main loop's part (asks the thread) | %.2f ms |\n", first);
  printf ("| first motion over the row: until the highlight is set (the thread linked it) | %.1f ms |\n", first_shown);
  printf ("| later motions, each onto another word (%u): mean / p95 / worst | %.3f / %.3f / %.3f ms |\n",
          cached->len, mean / cached->len, g_array_index (cached, double, cached->len * 95 / 100),
          g_array_index (cached, double, cached->len - 1));

  /* A motion onto the next word of the English cell, then until the frame
   * that shows it is painted: the main thread's CPU time of both (the
   * frame's layout included). */
  {
    g_autoptr(GArray) spans = tri_word_tokenize (texts[0], -1);
    GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    double sum = 0;
    guint n = MIN (spans->len, 60);

    for (guint i = 0; i < n; i++)
      {
        double cpu0 = bench_thread_cpu_ms ();
        gint64 t0 = g_get_monotonic_time ();
        gint64 frame = gdk_frame_clock_get_frame_counter (frame_clock);

        tri_wording_controller_hover_word (tri_window_get_wording (window), 0, 0, (int)g_array_index (spans, TriWordSpan, i).start);
        while (gdk_frame_clock_get_frame_counter (frame_clock) == frame && g_get_monotonic_time () - t0 < G_USEC_PER_SEC / 2)
          g_main_context_iteration (NULL, TRUE);
        sum += bench_thread_cpu_ms () - cpu0;
        iterate ();
      }
    printf ("| a motion onto another word until its frame is painted (%u): main thread's CPU, mean | %.2f ms |\n",
            n, sum / n);
  }

  for (guint c = 0; c < 3; c++)
    g_object_unref (documents[c]);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* A long report: every row linked in the thread, the main loop free. */
  {
    guint n = argc > 1 ? (guint)atoi (argv[1]) : 20000;
    Ticks ticks = { 0, 0 };
    guint tick;
    gint64 linked_at, settled, baseline;
    double hover_ms;

    window = tri_window_new (app);
    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
    gtk_window_present (GTK_WINDOW (window));
    for (guint c = 0; c < 3; c++)
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(GString) sentence = g_string_new (short_texts[i % G_N_ELEMENTS (short_texts)][c]);
            char number[16];

            g_snprintf (number, sizeof number, "%u", i + 1);
            g_string_replace (sentence, "#", number, 1);
            g_string_append (text, sentence->str);
            g_string_append (text, "\n\n");
          }
        documents[c] = tri_document_new (text->str, languages[c], TRI_PARAGRAPH_BLANK_LINES);
      }
    tri_window_set_documents (window, documents, 3);
    deadline = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
    while (!ready (window) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    iterate ();

    /* From the aligner ready to every row linked. */
    settled = g_get_monotonic_time ();
    tick = g_timeout_add (1, on_tick_cb, &ticks);
    while (!tri_wording_controller_is_prefetched (tri_window_get_wording (window)) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    linked_at = g_get_monotonic_time ();
    iterate ();
    g_source_remove (tick);

    /* The same stall measure with nothing running, for the machine's
     * own noise. */
    {
      Ticks idle = { 0, 0 };
      gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

      tick = g_timeout_add (1, on_tick_cb, &idle);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (tick);
      baseline = idle.worst;
    }

    start = g_get_monotonic_time ();
    tri_wording_controller_hover_word (tri_window_get_wording (window), n / 2, 1, 1);
    hover_ms = (g_get_monotonic_time () - start) / 1000.0;

    printf ("\n| measure (%u rows) | value |\n|---|--:|\n", n);
    printf ("| every row linked in the background, from the rows settled | %.1f s |\n", (linked_at - settled) / 1e6);
    printf ("| main loop's longest stall meanwhile (3 s idle afterwards, for comparison) | %.1f ms (%.1f ms) |\n",
            ticks.worst / 1000.0, baseline / 1000.0);
    printf ("| then a motion over a row in the middle | %.2f ms |\n", hover_ms);
    for (guint c = 0; c < 3; c++)
      g_object_unref (documents[c]);
    gtk_window_destroy (GTK_WINDOW (window));
    iterate ();
  }
  return 0;
}

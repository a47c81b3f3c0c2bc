/* bench-grid.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window at scale: a project of three 20,000-sentence versions.
 * Measures the time from opening the project to its first frame, the time
 * of edit operations (model and view), frame times while scrolling
 * smoothly and jumping, and peak memory. Run under Xvfb with
 * GSK_RENDERER=cairo (bench/run does). Prints Markdown. */

#include "config.h"

#include "bench-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#endif
#endif
#ifndef CALLGRIND_ZERO_STATS
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(what)
#endif

#include "tri-application.h"
#include "tri-project.h"
#include "tri-window.h"

static const char * const templates[][3] = {
  { "Talks on the grain corridor resumed in Geneva on # March.",
    "Переговоры о зерновом коридоре возобновились в Женеве # марта.",
    "Перемовини щодо зернового коридору відновилися в Женеві # березня." },
  { "The delegations discussed insurance for # vessels a year, a figure the UN called ambitious.",
    "Делегации обсудили страхование # судов в год; в ООН назвали эту цифру амбициозной.",
    "Делегації обговорили страхування # суден на рік, і в ООН назвали цю цифру амбітною." },
  { "“We are not there yet,” said the minister after # hours of talks.",
    "«Мы ещё не у цели», — сказал министр после # часов переговоров.",
    "«Ми ще не досягли мети», — сказав міністр після # годин перемовин." },
  { "Shipowners say premiums have risen by # per cent since the spring.",
    "По словам судовладельцев, страховые взносы выросли на # процентов с весны.",
    "За словами судновласників, страхові внески зросли на # відсотків від весни." },
};

static TriDocument *
make_document (guint       column,
               guint       n,
               const char *language)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) sentence = g_string_new (templates[i % G_N_ELEMENTS (templates)][column]);
      char number[16];

      g_snprintf (number, sizeof number, "%u", i + 1);
      g_string_replace (sentence, "#", number, 1);
      g_string_append (text, sentence->str);
      g_string_append (text, (i % 5 == 4) ? "\n\n" : " ");
    }
  return tri_document_new (text->str, language, TRI_PARAGRAPH_BLANK_LINES);
}

typedef struct
{
  gint64  start;
  gint64  first_frame;
  GArray *paints;       /* ms per frame */
  gint64  paint_start;
  gint64  last_paint;   /* when the last frame was painted */
  gboolean recording;
  guint   frames;       /* frames painted so far */
  gint64  update_end;   /* the phases of the last frame: update done, */
  gint64  layout_end;   /* layout (measure and allocate) done, */
  gint64  paint_end;    /* paint (snapshot and render) done */
  double  last_layout;  /* the last frame's layout and paint, in ms */
  double  last_render;
} Clock;

/* Connected after GTK's own handlers (made when the window was realized),
 * so each runs at the end of its phase. */
static void
on_update (GdkFrameClock *frame_clock,
           Clock         *clock)
{
  clock->update_end = g_get_monotonic_time ();
}

static void
on_layout (GdkFrameClock *frame_clock,
           Clock         *clock)
{
  clock->layout_end = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *frame_clock,
          Clock         *clock)
{
  clock->paint_end = g_get_monotonic_time ();
}

static void
on_before_paint (GdkFrameClock *frame_clock,
                 Clock         *clock)
{
  clock->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                Clock         *clock)
{
  gint64 now = g_get_monotonic_time ();

  clock->last_paint = now;
  clock->frames++;
  /* A phase GTK skipped this frame keeps the stamp of an older frame. */
  {
    gint64 layout_start = clock->update_end >= clock->paint_start ? clock->update_end : clock->paint_start;
    gint64 render_start = clock->layout_end >= layout_start ? clock->layout_end : layout_start;

    clock->last_layout = (render_start - layout_start) / 1000.0;
    clock->last_render = clock->paint_end >= render_start ? (clock->paint_end - render_start) / 1000.0 : 0;
  }
  if (clock->first_frame == 0 && clock->start != 0)
    clock->first_frame = now;
  if (clock->recording)
    {
      double ms = (now - clock->paint_start) / 1000.0;
      g_array_append_val (clock->paints, ms);
    }
}

/* From @t0 to the end of the first frame painted after it, in ms. */
static double
until_painted (Clock  *clock,
               gint64  t0)
{
  while (clock->last_paint < t0 && g_get_monotonic_time () - t0 < 2 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  return (clock->last_paint - t0) / 1000.0;
}

/* Whether the frame that showed a change made at @t0 came when it was
 * due: when GTK was painting frame after frame (an animation), the one
 * after the frame before @t0, without a frame dropped; when it was idle,
 * within a frame of @t0. What a user sees as "at once" whatever the
 * point of the frame the key came at. */
static gboolean
shown_on_time (gint64 t0,
               gint64 previous,
               gint64 shown)
{
  const gint64 frame = 16667;

  if (t0 - previous < frame)
    return shown - previous < 2 * frame;
  return shown - t0 < frame;
}

static void
on_popover_painted (GdkFrameClock *frame_clock,
                    gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
summarise (GArray *values,
           double *mean,
           double *p95,
           double *worst)
{
  double sum = 0;

  *mean = *p95 = *worst = 0;
  if (values->len == 0)
    return;
  g_array_sort (values, compare_double);
  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, double, i);
  *mean = sum / values->len;
  *p95 = g_array_index (values, double, (guint)(0.95 * (values->len - 1)));
  *worst = g_array_index (values, double, values->len - 1);
}

/* A figure of /proc/self/status in kB: "VmHWM:" (the peak), "VmRSS:". */
static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? strtol (line + strlen (field), NULL, 10) : -1;
}

/* 300 frames of smooth scrolling (40 px a frame), then 60 jumps to random
 * places; the paint times of each. */
static void
scroll (Clock         *clock,
        GtkAdjustment *vadjustment,
        double        *smooth_mean,
        double        *smooth_p95,
        double        *smooth_worst,
        double        *jump_mean,
        double        *jump_p95,
        double        *jump_worst)
{
  g_array_set_size (clock->paints, 0);
  clock->recording = TRUE;
  for (guint f = 0; f < 300; f++)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 40);
      bench_iterate_for (17);
    }
  clock->recording = FALSE;
  summarise (clock->paints, smooth_mean, smooth_p95, smooth_worst);

  g_array_set_size (clock->paints, 0);
  clock->recording = TRUE;
  for (guint f = 0; f < 60; f++)
    {
      double upper = gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment);

      gtk_adjustment_set_value (vadjustment, upper * g_random_double ());
      bench_iterate_for (34);
    }
  clock->recording = FALSE;
  summarise (clock->paints, jump_mean, jump_p95, jump_worst);
}

/* Three rows of the table for twenty presses of a key: until painted, the
 * main thread's CPU time, and how many were shown in their frame. */
static void
print_presses (const char *what,
               const char *plural,
               GArray     *times,
               GArray     *cpu,
               guint       on_time)
{
  double mean, p95, worst;

  summarise (times, &mean, &p95, &worst);
  printf ("| %s, until painted (%u): mean / p95 / worst | %.1f / %.1f / %.1f ms |\n", what, times->len, mean, p95, worst);
  summarise (cpu, &mean, &p95, &worst);
  printf ("| the same %s, main thread's CPU time: mean / p95 / worst | %.1f / %.1f / %.1f ms |\n", plural, mean, p95, worst);
  printf ("| the same %s, shown in the frame they were due (no frame dropped) | %u of %u |\n", plural, on_time, times->len);
}

/* Where a press's time goes: the key's action itself, then the layout
 * (measuring and allocating) and the paint of the frame that shows it. */
static void
print_phases (GArray *phases[3])
{
  double mean[3], p95, worst;

  for (guint i = 0; i < 3; i++)
    {
      summarise (phases[i], &mean[i], &p95, &worst);
      g_array_unref (phases[i]);
    }
  printf ("| the same Page Downs, where the time goes (mean): the key's action / the frame's layout / its paint | %.1f / %.1f / %.1f ms |\n",
          mean[0], mean[1], mean[2]);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 20000;
  g_autoptr(TriApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("triptych-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.triptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  Clock clock = { 0 };
  TriWindow *window;
  TriAlignment *alignment;
  GdkFrameClock *frame_clock;
  GtkAdjustment *vadjustment;
  double mean, p95, worst;
  double smooth_mean, smooth_p95, smooth_worst;
  double c_mean, c_p95, c_worst, c_smooth_mean, c_smooth_p95, c_smooth_worst;
  double w_mean, w_p95, w_worst;
  g_autoptr(GArray) word_edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) seen_edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shifts = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_review = 0;
  double texts_rows_ms = 0, texts_aligned_ms = 0, texts_checked_ms = 0, texts_longest = 0;
  g_autoptr(GArray) typed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) menus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) typed_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pages_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) deep_pages = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *phases[2][3];  /* from the first row, from the middle: the key's action, layout, paint */
  g_autoptr(GArray) deep_pages_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double s_mean, s_p95, s_worst;
  double spell_longest = 0, spell_done = 0;
  guint spell_found = 0;
  long rss_before, rss_after;
  guint idle_frames = 0;
  double autosave_ms = 0;
  guint typed_on_time = 0, pages_on_time = 0, deep_pages_on_time = 0;

  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  /* The project: three versions, rows paired in order. */
  {
    TriDocument *docs[3] = { make_document (0, n, "en"), make_document (1, n, "ru"), make_document (2, n, "uk") };
    g_autoptr(TriAlignment) made = tri_alignment_new (docs, 3);

    if (!tri_project_save (made, file, NULL, &error))
      g_error ("%s", error->message);
    for (guint c = 0; c < 3; c++)
      g_object_unref (docs[c]);
  }

  if (!gtk_init_check ())
    {
      printf ("bench-grid: no display; run it under xvfb-run (bench/run does)\n");
      return 0;
    }
  adw_init ();

  app = tri_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* Opening three texts (not a project): until rows are on screen, and
   * until they are aligned. */
  {
    TriWindow *texts = tri_window_new (app);
    GFile *files[3];
    const char *codes[3] = { "en", "ru", "uk" };
    gint64 start;

    for (guint c = 0; c < 3; c++)
      {
        g_autoptr(TriDocument) doc = make_document (c, n, codes[c]);
        g_autofree char *name = g_strdup_printf ("report-%s.txt", codes[c]);
        g_autofree char *text_path = g_build_filename (dir, name, NULL);

        if (!g_file_set_contents (text_path, tri_document_get_text (doc), -1, &error))
          g_error ("%s", error->message);
        files[c] = g_file_new_for_path (text_path);
      }
    gtk_window_set_default_size (GTK_WINDOW (texts), 1200, 800);
    gtk_window_present (GTK_WINDOW (texts));
    bench_iterate_for (300);

    start = g_get_monotonic_time ();
    tri_window_open_files (texts, files, codes, 3, NULL, TRI_PARAGRAPH_BLANK_LINES);
    while (tri_window_get_alignment (texts) == NULL)
      g_main_context_iteration (NULL, TRUE);
    texts_rows_ms = (g_get_monotonic_time () - start) / 1000.0;
    /* Turns that do not wait for a thread: their time is work on the
     * main thread (a turn over 16 ms is a dropped frame). */
    while (tri_window_get_busy (texts) || !tri_alignment_get_aligned (tri_window_get_alignment (texts)))
      {
        gint64 t0 = g_get_monotonic_time ();

        g_main_context_iteration (NULL, FALSE);
        texts_longest = MAX (texts_longest, (g_get_monotonic_time () - t0) / 1000.0);
        g_usleep (500);
      }
    texts_aligned_ms = (g_get_monotonic_time () - start) / 1000.0;
    while (tri_window_get_checker (texts) == NULL || tri_checker_get_busy (tri_window_get_checker (texts)))
      {
        gint64 t0 = g_get_monotonic_time ();

        g_main_context_iteration (NULL, FALSE);
        texts_longest = MAX (texts_longest, (g_get_monotonic_time () - t0) / 1000.0);
        g_usleep (500);
      }
    texts_checked_ms = (g_get_monotonic_time () - start) / 1000.0;

    gtk_window_destroy (GTK_WINDOW (texts));
    bench_iterate_for (300);
    for (guint c = 0; c < 3; c++)
      {
        g_file_delete (files[c], NULL, NULL);
        g_object_unref (files[c]);
      }
  }

  window = tri_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  bench_iterate_for (500);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  clock.paints = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_before_paint), &clock);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), &clock);
  g_signal_connect (frame_clock, "update", G_CALLBACK (on_update), &clock);
  g_signal_connect (frame_clock, "layout", G_CALLBACK (on_layout), &clock);
  g_signal_connect (frame_clock, "paint", G_CALLBACK (on_paint), &clock);

  /* Open to first frame. */
  clock.start = g_get_monotonic_time ();
  tri_window_open_project (window, file);
  while (tri_window_get_alignment (window) == NULL || tri_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  clock.first_frame = 0;
  while (clock.first_frame == 0)
    g_main_context_iteration (NULL, TRUE);
  alignment = tri_window_get_alignment (window);

  /* Spell checking in the background: once the window has settled (the
   * first frames lay out the rows, which is not spelling's doing), a
   * check of all three texts, and how long the main loop's longest turn
   * takes meanwhile (a turn over 16 ms would be a dropped frame). */
  {
    TriSpellChecker *spell = tri_window_get_spell_checker (window);
    gint64 start;

    while (tri_spell_checker_get_busy (spell))
      g_main_context_iteration (NULL, TRUE);
    bench_iterate_for (1000);
    start = g_get_monotonic_time ();
    tri_spell_checker_recheck (spell);
    /* Turns that do not wait: their time is work on the main thread. */
    while (tri_spell_checker_get_busy (spell))
      {
        gint64 t0 = g_get_monotonic_time ();

        g_main_context_iteration (NULL, FALSE);
        spell_longest = MAX (spell_longest, (g_get_monotonic_time () - t0) / 1000.0);
        g_usleep (500);
      }
    spell_done = (g_get_monotonic_time () - start) / 1000.0;
    spell_found = tri_spell_checker_get_count (spell, 0) + tri_spell_checker_get_count (spell, 1) +
                  tri_spell_checker_get_count (spell, 2);
  }

  /* Edits in the middle of the document, each with its undo. */
  for (guint i = 0; i < 20; i++)
    {
      guint row = n / 2 + i * 10;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      if (i % 2 == 0)
        tri_alignment_merge_next (alignment, row);
      else
        tri_alignment_move_up (alignment, row, i % 3);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (edits, ms);

      t0 = g_get_monotonic_time ();
      tri_alignment_undo (alignment);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (edits, ms);
      g_main_context_iteration (NULL, FALSE);
    }

  /* An empty cell inserted mid-document: the column shifts down to its
   * end, every row below is made again and scored again (the aligner's
   * bead cost), then undone. */
  for (guint i = 0; i < 3; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      tri_alignment_insert_empty (alignment, n / 2 + i, i);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (shifts, ms);
      n_review = MAX (n_review, tri_alignment_get_n_review (alignment));
      tri_alignment_undo (alignment);
      g_main_context_iteration (NULL, FALSE);
    }

  /* Words of sentences on screen edited: GTK 4.8 rebinds every realized
   * row after such a change, so this is the edit users wait on. */
  for (guint i = 0; i < 40; i++)
    {
      guint sentence = 10 + i;
      g_autofree char *text = tri_document_dup_sentence_text (tri_alignment_get_document (alignment, i % 3), sentence);
      g_autofree char *edited = g_strconcat (text, " (seen)", NULL);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      tri_alignment_edit_sentence (alignment, i % 3, sentence, edited);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (seen_edits, ms);
      bench_iterate_for (20);
    }
  summarise (seen_edits, &s_mean, &s_p95, &s_worst);

  /* Words of sentences edited, all over the document, kept to undo. */
  rss_before = status_kb ("VmRSS:");
  for (guint i = 0; i < 200; i++)
    {
      guint column = i % 3;
      guint sentence = (guint)g_random_int_range (0, (gint32)n);
      g_autofree char *text = tri_document_dup_sentence_text (tri_alignment_get_document (alignment, column), sentence);
      g_autofree char *edited = g_strconcat (text, " (edited)", NULL);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      tri_alignment_edit_sentence (alignment, column, sentence, edited);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (word_edits, ms);
      g_main_context_iteration (NULL, FALSE);
    }
  rss_after = status_kb ("VmRSS:");
  summarise (word_edits, &w_mean, &w_p95, &w_worst);

  /* The autosave that follows edits (2 s after the last, and every
   * 30 s): what of it the main loop does. */
  {
    gint64 t0 = g_get_monotonic_time ();

    tri_window_autosave (window);
    autosave_ms = (g_get_monotonic_time () - t0) / 1000.0;
  }

  /* What users wait on at this size: a key typed in the editor strip
   * until it is painted, Page Down in the grid until painted, the main
   * menu (F10) until its popover is painted. */
  {
    TriSegmentEditor *editor = tri_window_get_editor (window);
    GtkWidget *grid = tri_window_get_view (window);
    GtkMenuButton *menu_button = find_primary_menu_button (GTK_WIDGET (window));
    GtkTextBuffer *buffer;
    g_autoptr(GRand) phase = g_rand_new_with_seed (12);

    gtk_widget_grab_focus (grid);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "first");
    for (guint i = 0; i < 5; i++)
      gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "down");
    bench_iterate_for (300);
    tri_segment_editor_focus_column (editor, 0);
    bench_iterate_for (300);
    buffer = tri_segment_editor_get_buffer (editor, 0);
    for (guint i = 0; i < 20; i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        double cpu0 = bench_thread_cpu_ms ();
        double ms;

        gint64 previous = clock.last_paint;

        gtk_text_buffer_insert_interactive_at_cursor (buffer, i % 5 == 4 ? " " : "x", 1, TRUE);
        ms = until_painted (&clock, t0);
        typed_on_time += shown_on_time (t0, previous, clock.last_paint);
        g_array_append_val (typed, ms);
        ms = bench_thread_cpu_ms () - cpu0;
        g_array_append_val (typed_cpu, ms);
        bench_iterate_for (30);
        /* A user's key comes at any point of the frame: without this the
         * loop above wakes on a frame and every key waits a whole one
         * (GTK keeps painting for a while after each key). */
        g_usleep (g_rand_int_range (phase, 0, 16700));
      }
    tri_segment_editor_commit (editor);
    bench_iterate_for (300);

    gtk_widget_grab_focus (grid);
    bench_iterate_for (100);
    /* Back from the strip, nothing happening: does GTK keep painting?
     * (Each frame painted makes the next key wait for the frame after.) */
    {
      guint f0 = clock.frames;

      bench_iterate_for (1000);
      idle_frames = clock.frames - f0;
    }
    if (g_getenv ("PERF_PAGES")) { g_printerr ("PAGES pid %d\n", getpid ()); g_usleep (4000000); }
    /* Twenty Page Downs from the first row, then twenty from the middle of
     * the report: GTK 4.8 keeps ~200 rows made about the view, and paging
     * beyond the first 200 is what moves them. */
    for (guint from = 0; from < 2; from++)
      for (guint i = 0; i < 3; i++)
        phases[from][i] = g_array_new (FALSE, FALSE, sizeof (double));
    for (guint from = 0; from < 2; from++)
      {
        GArray *times = from == 0 ? pages : deep_pages;
        GArray *cpu = from == 0 ? pages_cpu : deep_pages_cpu;
        guint *on_time = from == 0 ? &pages_on_time : &deep_pages_on_time;

        if (from == 1)
          {
            tri_window_select_row (window, n / 2);
            bench_iterate_for (1000);
          }
        for (guint i = 0; i < (g_getenv ("PERF_PAGES") ? 200u : 20u); i++)
          {
            gint64 t0 = g_get_monotonic_time ();
            double cpu0 = bench_thread_cpu_ms ();
            double ms;

            gint64 previous = clock.last_paint;

            /* Under `valgrind --tool=callgrind`, the instructions of each
             * press from the middle and its frame, in a file of its own
             * (callgrind.out.PID.N), load or not (the first lays out the
             * rows about the middle: not counted). */
            if (from == 1 && i > 0)
              CALLGRIND_ZERO_STATS;
            gtk_widget_activate_action (GTK_WIDGET (window), "win.move-cursor", "s", "page-down");
            ms = (g_get_monotonic_time () - t0) / 1000.0;
            g_array_append_val (phases[from][0], ms);
            ms = until_painted (&clock, t0);
            if (from == 1 && i > 0)
              CALLGRIND_DUMP_STATS_AT ("page-down");
            g_array_append_val (phases[from][1], clock.last_layout);
            g_array_append_val (phases[from][2], clock.last_render);
            *on_time += shown_on_time (t0, previous, clock.last_paint);
            g_array_append_val (times, ms);
            ms = bench_thread_cpu_ms () - cpu0;
            g_array_append_val (cpu, ms);
            bench_iterate_for (50);
            g_usleep (g_rand_int_range (phase, 0, 16700));
          }
      }

    for (guint i = 0; menu_button != NULL && i < 10; i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        gint64 painted = 0;
        GtkPopover *popover;
        GdkFrameClock *popover_clock;
        double ms;

        gtk_menu_button_popup (menu_button);
        popover = gtk_menu_button_get_popover (menu_button);
        while (!gtk_widget_get_mapped (GTK_WIDGET (popover)) && g_get_monotonic_time () - t0 < 2 * G_USEC_PER_SEC)
          g_main_context_iteration (NULL, TRUE);
        popover_clock = gtk_widget_get_frame_clock (GTK_WIDGET (popover));
        g_signal_connect (popover_clock, "after-paint", G_CALLBACK (on_popover_painted), &painted);
        while (painted == 0 && g_get_monotonic_time () - t0 < 2 * G_USEC_PER_SEC)
          g_main_context_iteration (NULL, TRUE);
        g_signal_handlers_disconnect_by_func (popover_clock, on_popover_painted, &painted);
        ms = ((painted != 0 ? painted : g_get_monotonic_time ()) - t0) / 1000.0;
        g_array_append_val (menus, ms);
        gtk_menu_button_popdown (menu_button);
        bench_iterate_for (200);
      }
  }

  /* Scrolling, with wrapped rows and then with compact ones. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tri_window_get_view (window)));
  scroll (&clock, vadjustment, &smooth_mean, &smooth_p95, &smooth_worst, &mean, &p95, &worst);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "compact-rows", TRUE);
    bench_iterate_for (500);
    vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tri_window_get_view (window)));
    gtk_adjustment_set_value (vadjustment, 0);
    bench_iterate_for (200);
    scroll (&clock, vadjustment, &c_smooth_mean, &c_smooth_p95, &c_smooth_worst, &c_mean, &c_p95, &c_worst);
    g_settings_set_boolean (settings, "compact-rows", FALSE);
  }

  printf ("## Window at scale (three versions of %u sentences)\n\n", n);
  printf ("| measure | value |\n|---|--:|\n");
  printf ("| three texts opened: rows in the window / aligned / checked | %.0f / %.0f / %.0f ms |\n",
          texts_rows_ms, texts_aligned_ms, texts_checked_ms);
  printf ("| three texts opened: longest main-loop turn from rows to checked | %.1f ms |\n", texts_longest);
  {
    double k_mean, k_p95, k_worst;

    print_presses ("a key typed in the editor strip", "keys", typed, typed_cpu, typed_on_time);
    print_presses ("Page Down in the grid", "Page Downs", pages, pages_cpu, pages_on_time);
    print_phases (phases[0]);
    print_presses ("Page Down from the middle of the report", "Page Downs", deep_pages, deep_pages_cpu,
                   deep_pages_on_time);
    print_phases (phases[1]);
    summarise (menus, &k_mean, &k_p95, &k_worst);
    printf ("| main menu (F10), until its popover is painted (10): mean / p95 / worst | %.1f / %.1f / %.1f ms |\n",
            k_mean, k_p95, k_worst);
  }
  printf ("| frames painted in the second after leaving the strip (no input; the edit's spelling and checks may still arrive) | %u |\n", idle_frames);
  printf ("| project open to first frame | %.0f ms |\n", (clock.first_frame - clock.start) / 1000.0);
  {
    double e_mean, e_p95, e_worst;
    summarise (edits, &e_mean, &e_p95, &e_worst);
    printf ("| edit or undo (20 merges or moves mid-document, each undone): mean / worst | %.1f / %.1f ms |\n", e_mean, e_worst);
  }
  {
    double x_mean, x_p95, x_worst;
    summarise (shifts, &x_mean, &x_p95, &x_worst);
    printf ("| empty cell inserted mid-document (%u rows below shift and are scored again): mean / worst | %.0f / %.0f ms (%u rows flagged) |\n",
            n - n / 2, x_mean, x_worst, n_review);
  }
  printf ("| smooth scroll, 40 px a frame: paint mean / p95 / worst | %.1f / %.1f / %.1f ms |\n",
          smooth_mean, smooth_p95, smooth_worst);
  printf ("| random jumps: paint mean / p95 / worst | %.1f / %.1f / %.1f ms |\n", mean, p95, worst);
  printf ("| compact rows (Ctrl+Shift+L), smooth scroll: paint mean / p95 / worst | %.1f / %.1f / %.1f ms |\n",
          c_smooth_mean, c_smooth_p95, c_smooth_worst);
  printf ("| compact rows, random jumps: paint mean / p95 / worst | %.1f / %.1f / %.1f ms |\n",
          c_mean, c_p95, c_worst);
  printf ("| sentence edit (200 kept on the undo list): mean / p95 / worst | %.1f / %.1f / %.1f ms |\n",
          w_mean, w_p95, w_worst);
  printf ("| sentence edit in a row on screen (40, every realized row rebound): mean / p95 / worst | %.1f / %.1f / %.1f ms |\n",
          s_mean, s_p95, s_worst);
  printf ("| autosave after the edits: the main loop's part | %.1f ms |\n", autosave_ms);
  printf ("| memory the 200 sentence edits keep (VmRSS after − before) | %.1f MB |\n",
          (rss_after - rss_before) / 1024.0);
  printf ("| spell check of the three texts (60,000 sentences): done after / longest main-loop turn meanwhile | %.0f ms / %.1f ms (%u misspellings) |\n",
          spell_done, spell_longest, spell_found);
  printf ("| peak memory (VmHWM) | %ld MB |\n\n", status_kb ("VmHWM:") / 1024);
  printf ("Renderer: %s; a frame at 60 fps is 16.7 ms.\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}

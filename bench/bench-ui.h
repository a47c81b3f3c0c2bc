/* bench-ui.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window benches share: the main thread's CPU time, and turning
 * the main loop for a while.
 */

#pragma once

#include <glib.h>
#include <time.h>

/* The main thread's CPU time: what a key or a page costs the UI whatever
 * else the machine runs (wall-clock figures swing with the load). */
static inline double
bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Runs the main loop for @ms milliseconds without waiting in it. */
static inline void
bench_iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

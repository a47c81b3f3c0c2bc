/* tri-test-utils.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-checks.h"

G_BEGIN_DECLS

/* Hunspell gives its suggestions a quarter of a second of CPU time and
 * returns what it found by then (TIMELIMIT_GLOBAL, hunspell 1.7). Under
 * AddressSanitizer a Ukrainian search takes longer than that, so which
 * suggestions come back depends on the machine: the sanitizer run checks
 * that suggesting works, the normal run also checks what it suggests. */
#if defined(__SANITIZE_ADDRESS__)
# define TRI_TEST_SUGGESTIONS_TIME_LIMITED 1
#else
# define TRI_TEST_SUGGESTIONS_TIME_LIMITED 0
#endif

/* A GTest fixture: a fresh temporary folder, removed after the test. */
typedef struct
{
  char *dir;
} TriTestDir;

void   tri_test_dir_set_up     (TriTestDir   *fixture,
                                gconstpointer user_data);
void   tri_test_dir_tear_down  (TriTestDir   *fixture,
                                gconstpointer user_data);

void   tri_test_wait_until     (gboolean    (*done) (gpointer),
                                gpointer      data);
char  *tri_test_make_tmpdir    (void);
char  *tri_test_write_file     (const char   *dir,
                                const char   *name,
                                const void   *data,
                                gssize        length);
char  *tri_test_convert        (const char   *utf8,
                                const char   *encoding,
                                gsize        *out_length);
void   tri_test_rm_rf          (const char   *dir);
TriAlignment *tri_test_align3  (const char       *en,
                                const char       *ru,
                                const char       *uk);
char  *tri_test_span_text      (TriAlignment     *alignment,
                                const TriFinding *finding,
                                guint             column);
GBytes *tri_test_make_zip      (const char       *member,
                                const guint8     *data,
                                gsize             length,
                                const char       *mimetype,
                                gboolean          store);

G_END_DECLS

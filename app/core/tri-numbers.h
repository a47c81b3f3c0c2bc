/* tri-numbers.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TriNumber:
 * @start: byte offset of its first digit
 * @end: byte offset just past it
 * @value: (type utf8): its normalised value ("1250", "2.5")
 */
typedef struct
{
  gsize  start;
  gsize  end;
  char  *value;
} TriNumber;

typedef struct _TriMonths TriMonths;

const char *tri_number_read  (const char *p,
                              GString    *out);
TriMonths  *tri_months_get    (const char *language);
int         tri_months_lookup (TriMonths  *months,
                               const char *lower,
                               gboolean    wide_only);
GArray     *tri_numbers_find (const char *text,
                              gsize       start,
                              gsize       end,
                              TriMonths  *months);
GArray     *tri_numbers_find_words (const char *text,
                                    gsize       start,
                                    gsize       end);
void        tri_numbers_free (GArray     *numbers);

G_END_DECLS

/* tri-fuzz.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fuzz targets' entry points: the libFuzzer harnesses (fuzz-*.c) and
 * the unit suite's replay of the committed inputs (test-fuzz-replay.c)
 * call the same ones. Each returns whether the input was read (FALSE: it
 * was refused with an error, which is fine) and aborts when an invariant
 * breaks (a round trip that fails, invalid JSON written, a critical). */

typedef gboolean (*TriFuzzEntry) (const guint8 *data,
                                  gsize         size);

typedef struct
{
  const char   *name;
  TriFuzzEntry  entry;
} TriFuzzTarget;

void                 tri_fuzz_init       (void);
const TriFuzzTarget *tri_fuzz_get_target (const char   *name);

gboolean tri_fuzz_text    (const guint8 *data, gsize size);
gboolean tri_fuzz_project (const guint8 *data, gsize size);
gboolean tri_fuzz_tmx     (const guint8 *data, gsize size);
gboolean tri_fuzz_tsv     (const guint8 *data, gsize size);
gboolean tri_fuzz_csv     (const guint8 *data, gsize size);
gboolean tri_fuzz_jsonl   (const guint8 *data, gsize size);
gboolean tri_fuzz_checks  (const guint8 *data, gsize size);
gboolean tri_fuzz_html    (const guint8 *data, gsize size);
gboolean tri_fuzz_docx    (const guint8 *data, gsize size);
gboolean tri_fuzz_odt     (const guint8 *data, gsize size);
gboolean tri_fuzz_pdf     (const guint8 *data, gsize size);

G_END_DECLS

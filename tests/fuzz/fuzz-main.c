/* fuzz-main.c: libFuzzer's harness for one fuzz target, named by
 * TRI_FUZZ_TARGET when compiled (see tri-fuzz.c and meson.build)
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tri-fuzz.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, gsize size);

static const TriFuzzTarget *target;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  tri_fuzz_init ();
  target = tri_fuzz_get_target (TRI_FUZZ_TARGET);
  g_assert_nonnull (target);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        gsize         size)
{
  target->entry (data, size);
  return 0;
}

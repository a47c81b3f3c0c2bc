/* tri-core.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-core"

#include "config.h"

#include <gio/gio.h>
#include <libxml/parser.h>

#include "tri-core.h"
#include "tri-core-resources.h"

/**
 * tri_core_init:
 *
 * Registers the core's resources (segmentation rules, the sample report)
 * and sets up libxml2's global state, which it wants done once before
 * threads parse (two threads reading DOCX files at once each built its
 * table of encodings, one of them lost). Linking a static library drops
 * the resource constructor, so whatever needs them calls this first, in
 * the main thread; it is cheap after the first call.
 */
void
tri_core_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_resources_register (tri_core_get_resource ());
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * tri_uint_array_lower_bound:
 * @array: (element-type guint): an array of sorted numbers
 * @value: a number
 *
 * Returns: the index of the first element not less than @value (the
 *   array's length when there is none)
 */
guint
tri_uint_array_lower_bound (GArray *array,
                            guint   value)
{
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (array, guint, mid) < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* tri-core.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-core"

#include "config.h"

#include <gio/gio.h>

#include "tri-core.h"
#include "tri-core-resources.h"

/**
 * tri_core_init:
 *
 * Registers the core's resources (segmentation rules, the sample report).
 * Linking a static library drops the resource constructor, so whatever
 * needs them calls this first; it is cheap after the first call.
 */
void
tri_core_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_resources_register (tri_core_get_resource ());
      g_once_init_leave (&initialized, 1);
    }
}

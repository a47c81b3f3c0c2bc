/* tri-error.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tri-error.h"

G_DEFINE_QUARK (tri-io-error-quark, tri_io_error)

/* tri-language.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest language code read: BCP 47 codes in use are far shorter. */
#define TRI_LANGUAGE_MAX_LENGTH 35

const char  *tri_language_guess            (const char *text,
                                            gssize      length);
char        *tri_language_guess_with_hint  (const char *text,
                                            gssize      length,
                                            const char *hint);
char        *tri_language_get_base         (const char *language);
gboolean     tri_language_is_valid         (const char *language);
gboolean     tri_language_same             (const char *a,
                                            const char *b);
char        *tri_language_dup_display_name (const char *language);
const char * const *tri_language_get_common (void);
char        *tri_language_dup_ui_tag       (void);
char        *tri_language_dup_region_tag   (const char *language);

G_END_DECLS

/* tri-checks.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-alignment.h"

G_BEGIN_DECLS

/**
 * TriSeverity:
 * @TRI_SEVERITY_ERROR: almost surely a fault of the translation
 * @TRI_SEVERITY_WARNING: likely a fault; look
 * @TRI_SEVERITY_INFO: unusual; may be fine
 */
typedef enum
{
  TRI_SEVERITY_ERROR,
  TRI_SEVERITY_WARNING,
  TRI_SEVERITY_INFO,
} TriSeverity;

/**
 * TriFinding:
 * @check: the check's id ("quote-missing", "number-mismatch" …)
 * @severity: how sure the check is
 * @row: the row it is about
 * @languages: bit c set when column c is involved
 * @message: what is wrong, for a translator, in the UI language
 * @spans: per column, byte spans [start, end) (gsize pairs) of the
 *   offending text in the column's document
 * @odd: bit c set when column c is the version that deviates from the
 *   others (the one lacking a quotation, a number, a name …); 0 when it
 *   cannot be told
 */
typedef struct
{
  const char  *check;
  TriSeverity  severity;
  guint        row;
  guint        languages;
  char        *message;
  GArray      *spans[TRI_MAX_COLUMNS];
  guint        odd;
} TriFinding;

void        tri_finding_free          (TriFinding   *finding);
const char *tri_severity_to_string    (TriSeverity   severity);
guint       tri_finding_get_focus_column (const TriFinding *finding,
                                          guint             n_columns);
GPtrArray  *tri_checks_run            (TriAlignment *alignment);
GPtrArray  *tri_checks_run_rows       (TriAlignment *alignment,
                                       guint        *first,
                                       guint        *n_rows);

const char *tri_check_get_title       (const char   *check_id);

G_END_DECLS

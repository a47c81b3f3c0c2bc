/* tri-report.h
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tri-alignment.h"

G_BEGIN_DECLS

/**
 * TriReportFormat:
 * @TRI_REPORT_HTML: one self-contained, printable HTML page that shows every
 *   finding beside its row's text in each version
 * @TRI_REPORT_CSV: RFC 4180 comma-separated values, UTF-8 with a byte-order
 *   mark, one line per finding
 */
typedef enum
{
  TRI_REPORT_HTML,
  TRI_REPORT_CSV,
} TriReportFormat;

gboolean  tri_report_format_for_filename (const char       *filename,
                                          TriReportFormat  *format);
char     *tri_report_to_string           (TriAlignment     *alignment,
                                          GPtrArray        *findings,
                                          TriReportFormat   format,
                                          const char       *title);
gboolean  tri_report_save                (TriAlignment     *alignment,
                                          GPtrArray        *findings,
                                          TriReportFormat   format,
                                          const char       *title,
                                          GFile            *file,
                                          GCancellable     *cancellable,
                                          GError          **error);

G_END_DECLS

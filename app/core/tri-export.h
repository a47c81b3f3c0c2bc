/* tri-export.h
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
 * TriExportFormat:
 * @TRI_EXPORT_TMX: TMX 1.4b translation memory, every language in one unit
 *   (or one file per language pair)
 * @TRI_EXPORT_XLIFF: XLIFF 2.0, bilingual: one source and one target language
 * @TRI_EXPORT_TSV: tab-separated values, a header of language codes
 * @TRI_EXPORT_CSV: RFC 4180 comma-separated values, a header of language codes
 * @TRI_EXPORT_JSONL: one JSON object a row, as `triptych-cli align` prints
 *   them, with the row's text in every language
 *
 * The formats an alignment exports to. All but XLIFF are also imported.
 */
typedef enum
{
  TRI_EXPORT_TMX,
  TRI_EXPORT_XLIFF,
  TRI_EXPORT_TSV,
  TRI_EXPORT_CSV,
  TRI_EXPORT_JSONL,
} TriExportFormat;

#define TRI_EXPORT_N_FORMATS (TRI_EXPORT_JSONL + 1)

/**
 * TriExportRows:
 * @TRI_EXPORT_ROWS_ALL: every row
 * @TRI_EXPORT_ROWS_CONFIRMED: only the rows the user confirmed
 * @TRI_EXPORT_ROWS_COMPLETE: only the rows with text in every exported language
 *
 * Which rows to export.
 */
typedef enum
{
  TRI_EXPORT_ROWS_ALL,
  TRI_EXPORT_ROWS_CONFIRMED,
  TRI_EXPORT_ROWS_COMPLETE,
} TriExportRows;

/**
 * TriExportOptions:
 * @format: the file format
 * @rows: which rows
 * @languages: (nullable) (array zero-terminated=1): the languages to export,
 *   in this order, as the alignment's documents name them; %NULL for every
 *   column in column order
 * @srclang: (nullable): TMX: the header's (and each pair file's) source
 *   language, or "*all*"; %NULL for the first exported language
 * @tmx_pairs: TMX: one file per language pair (the first language with each
 *   other one) instead of one file holding every language
 * @region_codes: write language codes with a region (en-US, ru-RU, uk-UA)
 * @source: (nullable): XLIFF: the source language; %NULL for the first
 *   exported language
 * @target: (nullable): XLIFF: the target language; %NULL for the first
 *   exported language that is not the source
 * @bom: TSV and CSV: start with a UTF-8 byte-order mark, which spreadsheet
 *   applications need to read the file as UTF-8
 * @words: JSONL: each row's word links per pair of languages ("words",
 *   see tri-word-align.h), with byte offsets like "spans"
 *
 * How to export. Start from tri_export_options_new(); the strings are owned
 * by the options and freed by tri_export_options_free().
 */
typedef struct
{
  TriExportFormat   format;
  TriExportRows     rows;
  char            **languages;
  char             *srclang;
  gboolean          tmx_pairs;
  gboolean          region_codes;
  char             *source;
  char             *target;
  gboolean          bom;
  gboolean          words;
} TriExportOptions;

/**
 * TriExportPart:
 * @suffix: what goes between the file name's stem and its extension: ""
 *   for a single file, "-en-ru" for a TMX pair
 * @bytes: the file's content
 *
 * One file of an export.
 */
typedef struct
{
  char   *suffix;
  GBytes *bytes;
} TriExportPart;

TriExportOptions *tri_export_options_new          (void);
TriExportOptions *tri_export_options_copy         (const TriExportOptions *options);
void              tri_export_options_free         (TriExportOptions       *options);

const char       *tri_export_format_get_id        (TriExportFormat         format);
const char       *tri_export_format_get_name      (TriExportFormat         format);
const char       *tri_export_format_get_suffix    (TriExportFormat         format);
gboolean          tri_export_format_from_id       (const char             *id,
                                                   TriExportFormat        *format);
gboolean          tri_export_format_for_filename  (const char             *filename,
                                                   TriExportFormat        *format);
gboolean          tri_export_format_can_import    (TriExportFormat         format);

void              tri_export_part_free            (TriExportPart          *part);
GPtrArray        *tri_export_to_parts             (TriAlignment           *alignment,
                                                   const TriExportOptions *options,
                                                   GError                **error);
GBytes           *tri_export_to_bytes             (TriAlignment           *alignment,
                                                   const TriExportOptions *options,
                                                   GError                **error);
GFile            *tri_export_part_file            (GFile                  *file,
                                                   const char             *suffix);
GPtrArray        *tri_export_save                 (TriAlignment           *alignment,
                                                   const TriExportOptions *options,
                                                   GFile                  *file,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
void              tri_export_save_async           (TriAlignment           *alignment,
                                                   const TriExportOptions *options,
                                                   GFile                  *file,
                                                   GCancellable           *cancellable,
                                                   GAsyncReadyCallback     callback,
                                                   gpointer                user_data);
GPtrArray        *tri_export_save_finish          (GAsyncResult           *result,
                                                   GError                **error);

char             *tri_export_sanitize_xml_text    (const char             *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriExportOptions, tri_export_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriExportPart, tri_export_part_free)

G_END_DECLS

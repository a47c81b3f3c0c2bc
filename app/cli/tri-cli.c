/* tri-cli.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tri-aligner.h"
#include "tri-checks.h"
#include "tri-document.h"
#include "tri-error.h"
#include "tri-export.h"
#include "tri-import.h"
#include "tri-language.h"
#include "tri-project.h"
#include "tri-report.h"
#include "tri-spell.h"
#include "tri-text-source.h"

/* Exit statuses, documented in --help. */
enum {
  EXIT_OK = 0,
  EXIT_FINDINGS = 1,
  EXIT_USAGE = 2,
  EXIT_INPUT = 3,
};

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} Command;

static int usage_error (GOptionContext *context, const char *format, ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (GOptionContext *context,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("triptych-cli: %s\n", message);
  g_printerr (_("Try “%s --help” for more information."), g_get_prgname ());
  g_printerr ("\n");
  return EXIT_USAGE;
}

/* Sentences are UTF-8 whatever the locale: write the bytes as they are
 * (g_print() would convert them to the locale's charset). */
static void
write_line (const char *text)
{
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static char *
sentence_json (TriDocument *document,
               guint        index)
{
  const TriSentence *sentence = tri_document_get_sentence (document, index);
  g_autofree char *text = tri_document_dup_sentence_text (document, index);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, (gint64)sentence->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, (gint64)sentence->end);
  json_builder_set_member_name (builder, "paragraph");
  json_builder_add_int_value (builder, sentence->paragraph);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* --format text or jsonl, and a known --encoding. Returns EXIT_OK, or the
 * usage error's status (printed). */
static int
check_format_and_encoding (GOptionContext *context,
                           const char     *format,
                           gboolean       *jsonl,
                           const char     *encoding)
{
  if (format == NULL || g_str_equal (format, "text"))
    *jsonl = FALSE;
  else if (g_str_equal (format, "jsonl"))
    *jsonl = TRUE;
  else
    return usage_error (context, _("unknown format “%s” (use text or jsonl)"), format);

  if (encoding != NULL && !tri_text_source_encoding_is_known (encoding))
    return usage_error (context, _("unknown encoding “%s”"), encoding);
  return EXIT_OK;
}

/* What segment and spell check alike: one FILE, --format text or jsonl,
 * a valid language and a known encoding. Returns EXIT_OK, or the usage
 * error's status (printed). */
static int
check_file_options (GOptionContext  *context,
                    char           **files,
                    const char      *one_file_message,
                    const char      *format,
                    gboolean        *jsonl,
                    const char      *language,
                    const char      *encoding)
{
  int status;

  if (files == NULL || g_strv_length (files) != 1)
    return usage_error (context, "%s", one_file_message);

  status = check_format_and_encoding (context, format, jsonl, encoding);
  if (status != EXIT_OK)
    return status;

  if (language != NULL && !tri_language_is_valid (language))
    return usage_error (context, _("“%s” is not a language code (use en, ru, uk, de, …)"), language);

  return EXIT_OK;
}

/* Stdout written in full, or an input error. */
static int
finish_output (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("triptych-cli: %s\n", _("could not write the output"));
      return EXIT_INPUT;
    }
  return EXIT_OK;
}

/* @out to the file @output, or to stdout when @output is NULL. The file is
 * written atomically: a reader never sees half a file, and a failure keeps
 * the old one. Returns EXIT_OK, or EXIT_INPUT with the error printed. */
static int
write_output (const char *output,
              const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, NULL, &error))
        {
          g_printerr ("triptych-cli: %s: %s\n", output, error->message);
          return EXIT_INPUT;
        }
      return EXIT_OK;
    }

  if (fwrite (data, 1, length, stdout) != length)
    {
      g_printerr ("triptych-cli: %s\n", _("could not write the output"));
      return EXIT_INPUT;
    }
  return finish_output ();
}

static int
command_segment (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TriDocument) document = NULL;
  g_autofree char *language = NULL;
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  g_auto(GStrv) files = NULL;
  gboolean line_paragraphs = FALSE;
  gboolean jsonl;
  int status;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the text (en, ru, uk, …); guessed when not given"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (one sentence per line) or jsonl"), N_("FORMAT") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of the file (UTF-8, UTF-16, Windows-1251, KOI8-R, KOI8-U, ISO-8859-5, CP866…); detected when not given"),
      N_("ENC") },
    { "line-paragraphs", 0, 0, G_OPTION_ARG_NONE, &line_paragraphs,
      N_("Treat every line as a paragraph (default: paragraphs are separated by blank lines)"), NULL },
    /* No arg_description: the parameter string below names FILE already. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — split a report into sentences"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Reads FILE in any of the encodings above (a byte-order mark is honoured), "
      "normalises it to Unicode NFC with LF line ends, removes zero-width characters, "
      "and prints its sentences.\n"
      "\n"
      "Formats:\n"
      "  text   one sentence per line, runs of white space folded to one space\n"
      "  jsonl  one JSON object per sentence: {\"start\":B,\"end\":B,\"paragraph\":P,\"text\":\"…\"}\n"
      "         where P is the paragraph's index from 0, and B are byte offsets\n"
      "         (end exclusive) into the decoded UTF-8 text (for a UTF-8 file\n"
      "         in NFC with LF line ends, no byte-order mark and no zero-width\n"
      "         characters, the file itself)\n"
      "\n"
      "Exit status: 0 on success, 2 on a usage error, 3 when the file cannot be read."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);

  status = check_file_options (context, files, _("segment takes exactly one FILE"), format, &jsonl,
                               language, encoding);
  if (status != EXIT_OK)
    return status;

  file = g_file_new_for_commandline_arg (files[0]);
  document = tri_document_load (file, encoding, language,
                                line_paragraphs ? TRI_PARAGRAPH_LINES : TRI_PARAGRAPH_BLANK_LINES,
                                NULL, &error);
  if (document == NULL)
    {
      g_printerr ("triptych-cli: %s\n", error->message);
      return EXIT_INPUT;
    }

  if (language == NULL)
    {
      g_autofree char *name = tri_language_dup_display_name (tri_document_get_language (document));

      /* Translators: %s is a file name, then a language code and its name */
      g_printerr (_("triptych-cli: %s: language guessed from the text: %s (%s)\n"),
                  files[0], tri_document_get_language (document), name);
    }

  for (guint i = 0; i < tri_document_get_n_sentences (document); i++)
    {
      g_autofree char *line = jsonl ? sentence_json (document, i)
                                    : tri_document_dup_sentence_text (document, i);
      write_line (line);
    }

  return finish_output ();
}

/* "en=report.txt": a language code and a file. */
static gboolean
parse_language_file (const char  *arg,
                     char       **language,
                     char       **path)
{
  const char *eq = strchr (arg, '=');

  if (eq == NULL || eq == arg || eq[1] == '\0')
    return FALSE;

  *language = g_strndup (arg, (gsize)(eq - arg));
  *path = g_strdup (eq + 1);
  return TRUE;
}

/* The options align and convert share for their output. */
typedef struct
{
  char     *format;
  char     *output;
  char     *languages;
  char     *srclang;
  char     *source;
  char     *target;
  char     *rows;
  gboolean  pairs;
  gboolean  region_codes;
  gboolean  bom;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->format);
  g_free (args->output);
  g_free (args->languages);
  g_free (args->srclang);
  g_free (args->source);
  g_free (args->target);
  g_free (args->rows);
}

static void
add_export_entries (GOptionContext *context,
                    ExportArgs     *args)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args->format,
      N_("Output format: jsonl (the default), tmx, xliff, tsv, csv, or project (a .triptych file for the app; needs -o)"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output, N_("Write to OUT instead of the standard output"), N_("OUT") },
    { "languages", 0, 0, G_OPTION_ARG_STRING, &args->languages,
      N_("The languages to write, in this order, comma-separated (default: all)"), N_("LANG,LANG") },
    { "rows", 0, 0, G_OPTION_ARG_STRING, &args->rows,
      N_("Which rows: all (the default), confirmed, or complete (text in every language written)"), N_("ROWS") },
    { "srclang", 0, 0, G_OPTION_ARG_STRING, &args->srclang,
      N_("TMX: the source language, or *all* (default: the first language)"), N_("LANG") },
    { "pairs", 0, 0, G_OPTION_ARG_NONE, &args->pairs,
      N_("TMX: one file per language pair, the source language with each other one (needs -o)"), NULL },
    { "source", 0, 0, G_OPTION_ARG_STRING, &args->source,
      N_("XLIFF: the source language (default: the first language)"), N_("LANG") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &args->target,
      N_("XLIFF: the target language (default: the next language)"), N_("LANG") },
    { "region-codes", 0, 0, G_OPTION_ARG_NONE, &args->region_codes,
      N_("Write language codes with a region: en-US, ru-RU, uk-UA"), NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &args->bom,
      N_("TSV, CSV: start with a byte-order mark, for spreadsheet applications"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

#define EXPORT_FORMATS_HELP \
  N_("Formats:\n" \
     "  jsonl    one row per line, in document order:\n" \
     "           {\"en\":[0,1],\"ru\":[0],\"score\":0.93,\"spans\":{\"en\":[[0,57],[58,120]],…},\n" \
     "            \"text\":{\"en\":\"…\",\"ru\":\"…\"}}\n" \
     "           with the sentence indices of each language (from 0), the row's confidence\n" \
     "           from 0 to 1, each sentence's byte span [start, end) in the decoded UTF-8\n" \
     "           text, the row's text in each language, and \"confirmed\":true for a\n" \
     "           confirmed row\n" \
     "  tmx      TMX 1.4b: one <tu> per row with a <tuv> per language it has text in, and\n" \
     "           the row's status and confidence as <prop type=\"x-status\"> and \"x-score\"\n" \
     "  xliff    XLIFF 2.0, bilingual (--source, --target): one <unit> per row, its state\n" \
     "           final (confirmed), translated, or initial (to review, or no target text)\n" \
     "  tsv      UTF-8, a header of language codes, one line per row; tab, line feed,\n" \
     "           carriage return and backslash inside text written \\t \\n \\r \\\\\n" \
     "  csv      RFC 4180 (CRLF, fields quoted where needed), a header of language codes\n" \
     "  project  a .triptych project the app opens\n" \
     "\n" \
     "A cell's sentences are joined by a space. TMX and XLIFF write U+FFFD in place of the\n" \
     "control characters XML 1.0 forbids.")

/* --format and the export options checked. Returns EXIT_OK with
 * *@options set (NULL for --format project), or the usage error's status
 * (printed). */
static int
check_export_args (GOptionContext     *context,
                   ExportArgs         *args,
                   TriExportOptions  **options)
{
  g_autoptr(TriExportOptions) opts = tri_export_options_new ();

  *options = NULL;
  if (args->format != NULL && g_str_equal (args->format, "project"))
    {
      if (args->output == NULL)
        return usage_error (context, _("--format project needs -o FILE.triptych"));
      return EXIT_OK;
    }
  if (args->format == NULL)
    opts->format = TRI_EXPORT_JSONL;
  else if (!tri_export_format_from_id (args->format, &opts->format))
    /* Translators: %s is what the user gave for --format */
    return usage_error (context, _("unknown format “%s” (use jsonl, tmx, xliff, tsv, csv or project)"),
                        args->format);

  if (args->rows == NULL || g_str_equal (args->rows, "all"))
    opts->rows = TRI_EXPORT_ROWS_ALL;
  else if (g_str_equal (args->rows, "confirmed"))
    opts->rows = TRI_EXPORT_ROWS_CONFIRMED;
  else if (g_str_equal (args->rows, "complete"))
    opts->rows = TRI_EXPORT_ROWS_COMPLETE;
  else
    return usage_error (context, _("unknown --rows “%s” (use all, confirmed or complete)"), args->rows);

  if (args->languages != NULL)
    {
      opts->languages = g_strsplit (args->languages, ",", -1);
      for (guint i = 0; opts->languages[i] != NULL; i++)
        if (!tri_language_is_valid (g_strstrip (opts->languages[i])))
          return usage_error (context, _("“%s” is not a language code (use en, ru, uk, de, …)"), opts->languages[i]);
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *code = i == 0 ? args->srclang : i == 1 ? args->source : args->target;

      if (code != NULL && !(i == 0 && g_str_equal (code, "*all*")) && !tri_language_is_valid (code))
        return usage_error (context, _("“%s” is not a language code (use en, ru, uk, de, …)"), code);
    }
  if (args->pairs && args->output == NULL)
    return usage_error (context, _("--pairs writes several files and needs -o OUT"));

  opts->srclang = g_strdup (args->srclang);
  opts->source = g_strdup (args->source);
  opts->target = g_strdup (args->target);
  opts->tmx_pairs = args->pairs;
  opts->region_codes = args->region_codes;
  opts->bom = args->bom;
  *options = g_steal_pointer (&opts);
  return EXIT_OK;
}

/* Writes @alignment as @options say (NULL: a project) to -o or stdout. */
static int
export_alignment (TriAlignment     *alignment,
                  TriExportOptions *options,
                  const char       *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = output != NULL ? g_file_new_for_commandline_arg (output) : NULL;
  g_autoptr(GPtrArray) parts = NULL;

  if (options == NULL)
    {
      if (!tri_project_save (alignment, file, NULL, &error))
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          return EXIT_INPUT;
        }
      return EXIT_OK;
    }

  parts = tri_export_to_parts (alignment, options, &error);
  if (parts == NULL)
    {
      g_printerr ("triptych-cli: %s\n", error->message);
      return g_error_matches (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION) ? EXIT_USAGE : EXIT_INPUT;
    }
  for (guint i = 0; i < parts->len; i++)
    {
      TriExportPart *part = g_ptr_array_index (parts, i);
      g_autoptr(GFile) part_file = file != NULL ? tri_export_part_file (file, part->suffix) : NULL;
      g_autofree char *path = part_file != NULL ? g_file_get_path (part_file) : NULL;
      gsize length;
      const char *data = g_bytes_get_data (part->bytes, &length);
      int status = write_output (path != NULL ? path : output, data, length);

      if (status != EXIT_OK)
        return status;
    }
  return EXIT_OK;
}

/* Two or three LANG=FILE arguments, each language once. Returns EXIT_OK
 * or the usage error's status (printed). */
static int
check_language_files (GOptionContext  *context,
                      char           **args,
                      const char      *count_message)
{
  if (args == NULL || g_strv_length (args) < 2 || g_strv_length (args) > TRI_ALIGN_MAX_LANGUAGES)
    return usage_error (context, "%s", count_message);

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autofree char *language = NULL;
      g_autofree char *path = NULL;

      if (!parse_language_file (args[i], &language, &path))
        return usage_error (context, _("“%s” is not LANG=FILE (e.g. en=report.txt)"), args[i]);
      if (!tri_language_is_valid (language))
        return usage_error (context, _("“%s” is not a language code (use en, ru, uk, de, …)"), language);
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *other = NULL;
          g_autofree char *other_path = NULL;

          parse_language_file (args[j], &other, &other_path);
          if (g_ascii_strcasecmp (other, language) == 0)
            return usage_error (context, _("the language “%s” is given twice"), language);
        }
    }
  return EXIT_OK;
}

/* Reads the LANG=FILE arguments into @documents and aligns them, printing
 * why not. */
static GArray *
load_and_align (TriAligner        *aligner,
                char             **args,
                const char        *encoding,
                TriParagraphMode   mode,
                TriDocument      **documents,
                guint             *n_documents)
{
  TriAlignInput *inputs[TRI_ALIGN_MAX_LANGUAGES] = { NULL };
  g_autoptr(GError) error = NULL;
  GArray *rows = NULL;
  guint n;

  for (n = 0; args[n] != NULL; n++)
    {
      g_autofree char *language = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;

      parse_language_file (args[n], &language, &path);
      file = g_file_new_for_commandline_arg (path);
      documents[n] = tri_document_load (file, encoding, language, mode, NULL, &error);
      if (documents[n] == NULL)
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          goto out;
        }
      inputs[n] = tri_align_input_new_from_document (documents[n]);
    }
  *n_documents = n;

  rows = tri_aligner_align (aligner, inputs, n, NULL, NULL, NULL, NULL, &error);
  if (rows == NULL)
    g_printerr ("triptych-cli: %s\n", error->message);

out:
  for (guint k = 0; k < TRI_ALIGN_MAX_LANGUAGES; k++)
    g_clear_pointer (&inputs[k], tri_align_input_free);
  return rows;
}

static int
command_align (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAligner) aligner = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(TriExportOptions) options = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *dict_path = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) args = NULL;
  ExportArgs export_args = { NULL };
  gboolean presegmented = FALSE, line_paragraphs = FALSE, words = FALSE;
  TriDocument *documents[TRI_ALIGN_MAX_LANGUAGES] = { NULL };
  guint n = 0;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "words", 'w', 0, G_OPTION_ARG_NONE, &words,
      N_("JSONL: add each row’s word links per pair of languages (\"words\")"), NULL },
    { "presegmented", 'p', 0, G_OPTION_ARG_NONE, &presegmented,
      N_("The files are split already: every non-empty line is one sentence, a blank line ends a paragraph"), NULL },
    { "dict", 'd', 0, G_OPTION_ARG_FILENAME, &dict_path,
      N_("A word list of “word @ translation” lines (hunalign’s format) to help the alignment"), N_("FILE") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of the files; detected when not given"), N_("ENC") },
    { "line-paragraphs", 0, 0, G_OPTION_ARG_NONE, &line_paragraphs,
      N_("Treat every line as a paragraph (for files that are not presegmented)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("LANG=FILE LANG=FILE [LANG=FILE] — align the sentences of two or three versions"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_export_entries (context, &export_args);
  description = g_strconcat (
    _("Splits each file into sentences (as segment does) and aligns them: every row lists, per "
      "language, the sentences that translate each other, possibly none.\n"
      "\n"
      "LANG is a language code: en, ru, uk, de, fr, …\n"
      "\n"
      "Bilingual dictionaries from Debian (mueller7-dict for English–Russian, dict-freedict-*) are\n"
      "used when installed.\n"
      "\n"),
    _("With --words, each JSONL row also has \"words\": for each pair of the languages in\n"
      "argument order (\"en-ru\", \"en-uk\", \"ru-uk\"), a list of links [S1, E1, S2, E2]: the\n"
      "byte spans [start, end) of two words that translate each other, in the decoded texts\n"
      "like \"spans\". A word may have several links (a phrase), or none.\n"
      "\n"), _(EXPORT_FORMATS_HELP), "\n\n",
    _("Exit status: 0 on success, 2 on a usage error, 3 when a file cannot be read."), NULL);
  g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      export_args_clear (&export_args);
      return usage_error (context, "%s", error->message);
    }

  status = check_export_args (context, &export_args, &options);
  if (status == EXIT_OK && words && (options == NULL || options->format != TRI_EXPORT_JSONL))
    status = usage_error (context, _("--words needs --format jsonl"));
  if (status == EXIT_OK && words)
    options->words = TRUE;
  if (status == EXIT_OK && encoding != NULL && !tri_text_source_encoding_is_known (encoding))
    status = usage_error (context, _("unknown encoding “%s”"), encoding);
  if (status == EXIT_OK)
    status = check_language_files (context, args, _("align takes two or three LANG=FILE arguments"));
  if (status != EXIT_OK)
    goto out;

  aligner = tri_aligner_new ();
  if (dict_path != NULL)
    {
      g_autoptr(TriDictionary) dict = tri_dictionary_new ();

      if (!tri_dictionary_load_word_list (dict, dict_path, &error))
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          status = EXIT_INPUT;
          goto out;
        }
      tri_aligner_set_user_dictionary (aligner, dict);
    }

  rows = load_and_align (aligner, args, encoding,
                         presegmented ? TRI_PARAGRAPH_PRESEGMENTED
                         : line_paragraphs ? TRI_PARAGRAPH_LINES : TRI_PARAGRAPH_BLANK_LINES,
                         documents, &n);
  if (rows == NULL)
    status = EXIT_INPUT;
  else
    {
      g_autoptr(TriAlignment) alignment = tri_alignment_new (documents, n);

      tri_alignment_set_rows (alignment, rows);
      status = export_alignment (alignment, options, export_args.output);
    }

out:
  export_args_clear (&export_args);
  for (guint k = 0; k < TRI_ALIGN_MAX_LANGUAGES; k++)
    g_clear_object (&documents[k]);
  return status;
}

/* Reads a project, or imports a TMX, TSV, CSV or JSONL file (by its
 * extension; anything else is taken for a project), keeping @languages
 * (nullable) of an imported file. */
static TriAlignment *
load_input (const char  *path,
            char       **languages,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  TriExportFormat format;

  if (tri_export_format_for_filename (path, &format) && tri_export_format_can_import (format))
    return tri_import_load (file, format, (const char * const *)languages, NULL, error);
  return tri_project_load (file, NULL, error);
}

static int
command_convert (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(TriExportOptions) options = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) files = NULL;
  ExportArgs export_args = { NULL };
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("INPUT — convert a project, TMX, TSV, CSV or JSONL file to another format"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_export_entries (context, &export_args);
  description = g_strconcat (
    _("INPUT is a Triptych project (.triptych), or aligned text from other tools, told by its "
      "extension:\n"
      "  .tmx              TMX, any number of languages; up to three are opened: choose them with\n"
      "                    --languages when it holds more\n"
      "  .tsv, .tab, .csv  a header of language codes, then one row per line (as written below)\n"
      "  .jsonl            one JSON object per line, {\"en\":\"…\",\"ru\":\"…\"}, or the rows written\n"
      "                    below\n"
      "Every unit (a <tu>, a line) becomes a row and its text in each language one sentence. "
      "--languages chooses the languages to open from such a file; from a project, the ones to "
      "write.\n"
      "\n"), _(EXPORT_FORMATS_HELP), "\n\n",
    _("Exit status: 0 on success, 2 on a usage error, 3 when the input cannot be read."), NULL);
  g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      export_args_clear (&export_args);
      return usage_error (context, "%s", error->message);
    }
  status = check_export_args (context, &export_args, &options);
  if (status == EXIT_OK && (files == NULL || g_strv_length (files) != 1))
    status = usage_error (context, _("convert takes exactly one INPUT"));
  if (status != EXIT_OK)
    goto out;

  {
    g_auto(GStrv) languages = export_args.languages != NULL ? g_strsplit (export_args.languages, ",", -1) : NULL;

    for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
      g_strstrip (languages[i]);
    alignment = load_input (files[0], languages, &error);
  }
  if (alignment == NULL)
    {
      g_printerr ("triptych-cli: %s\n", error->message);
      status = g_error_matches (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION) ? EXIT_USAGE : EXIT_INPUT;
      goto out;
    }
  status = export_alignment (alignment, options, export_args.output);

out:
  export_args_clear (&export_args);
  return status;
}

/* check */

static char *
finding_json (TriAlignment     *alignment,
              const TriFinding *finding)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = tri_alignment_get_n_columns (alignment);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "check");
  json_builder_add_string_value (builder, finding->check);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, tri_severity_to_string (finding->severity));
  json_builder_set_member_name (builder, "row");
  json_builder_add_int_value (builder, finding->row);
  json_builder_set_member_name (builder, "langs");
  json_builder_begin_array (builder);
  for (guint c = 0; c < n; c++)
    if (finding->languages & (1u << c))
      json_builder_add_string_value (builder, tri_document_get_language (tri_alignment_get_document (alignment, c)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, finding->message);
  json_builder_set_member_name (builder, "spans");
  json_builder_begin_object (builder);
  for (guint c = 0; c < n; c++)
    if (finding->languages & (1u << c))
      {
        json_builder_set_member_name (builder, tri_document_get_language (tri_alignment_get_document (alignment, c)));
        json_builder_begin_array (builder);
        for (guint i = 0; i + 1 < finding->spans[c]->len; i += 2)
          {
            json_builder_begin_array (builder);
            json_builder_add_int_value (builder, (gint64)g_array_index (finding->spans[c], gsize, i));
            json_builder_add_int_value (builder, (gint64)g_array_index (finding->spans[c], gsize, i + 1));
            json_builder_end_array (builder);
          }
        json_builder_end_array (builder);
      }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Where a text's lines start, counted on from the last place asked for:
 * the findings come in row order, so the whole report reads each text
 * once. */
typedef struct
{
  gsize at;
  gsize line;
  gsize line_start;
} LineCursor;

static void
line_cursor_seek (LineCursor *cursor,
                  const char *text,
                  gsize       at)
{
  if (at < cursor->at)
    *cursor = (LineCursor) { 0, 1, 0 };
  for (gsize i = cursor->at; i < at; i++)
    if (text[i] == '\n')
      {
        cursor->line++;
        cursor->line_start = i + 1;
      }
  cursor->at = at;
}

/* FILE:LINE:COLUMN: severity: [check] message, at the finding's first
 * span (in column order). */
static char *
finding_text (TriAlignment     *alignment,
              const TriFinding *finding,
              LineCursor       *cursors)
{
  for (guint c = 0; c < tri_alignment_get_n_columns (alignment); c++)
    if (finding->spans[c] != NULL && finding->spans[c]->len >= 2)
      {
        TriDocument *doc = tri_alignment_get_document (alignment, c);
        const char *text = tri_document_get_text (doc);
        gsize at = g_array_index (finding->spans[c], gsize, 0);
        g_autofree char *where = tri_document_get_file (doc) != NULL
                                 ? g_file_get_parse_name (tri_document_get_file (doc))
                                 : g_strdup (tri_document_get_title (doc));

        line_cursor_seek (&cursors[c], text, at);
        return g_strdup_printf ("%s:%" G_GSIZE_FORMAT ":%ld: %s: [%s] %s", where, cursors[c].line,
                                g_utf8_pointer_to_offset (text + cursors[c].line_start, text + at) + 1,
                                tri_severity_to_string (finding->severity), finding->check, finding->message);
      }
  return g_strdup_printf ("%s: [%s] %s", tri_severity_to_string (finding->severity), finding->check,
                          finding->message);
}

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  LineCursor cursors[TRI_MAX_COLUMNS];
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) args = NULL;
  gboolean presegmented = FALSE, jsonl = FALSE, report = FALSE;
  TriReportFormat report_format = TRI_REPORT_HTML;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text, jsonl, html or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of the standard output"), N_("OUT") },
    { "presegmented", 'p', 0, G_OPTION_ARG_NONE, &presegmented,
      N_("The files are split already: every non-empty line is one sentence, a blank line ends a paragraph"), NULL },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of the files; detected when not given"), N_("ENC") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("LANG=FILE LANG=FILE [LANG=FILE] | PROJECT.triptych — check that the versions say the same"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Aligns the versions (as align does), or reads the rows of a project, and checks every row: "
      "missing-translation, number-mismatch, length-ratio, quote-unbalanced, quote-missing, "
      "quote-mismatch, quote-speaker, name-mismatch.\n"
      "\n"
      "Formats:\n"
      "  text   one finding per line: FILE:LINE:COLUMN: SEVERITY: [CHECK] MESSAGE\n"
      "  jsonl  one JSON object per finding:\n"
      "         {\"check\":\"quote-missing\",\"severity\":\"warning\",\"row\":12,\"langs\":[\"en\",\"ru\"],\n"
      "          \"message\":\"…\",\"spans\":{\"en\":[[S,E]],\"ru\":[]}}\n"
      "         with byte spans [S, E) into each decoded UTF-8 text\n"
      "  html   a page to read or print: a summary, then every finding beside its row's text\n"
      "         in each version, the spans highlighted\n"
      "  csv    a table for spreadsheets (RFC 4180, UTF-8 with a byte-order mark), one finding\n"
      "         per line: row, check, severity, languages, message, then per language its\n"
      "         text and the highlighted words; rows numbered from 1, as in the window\n"
      "\n"
      "Exit status: 0 when there are no findings, 1 when there are, 2 on a usage error, "
      "3 when a file cannot be read."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  if (format != NULL && (g_str_equal (format, "html") || g_str_equal (format, "csv")))
    {
      report = TRUE;
      report_format = g_str_equal (format, "csv") ? TRI_REPORT_CSV : TRI_REPORT_HTML;
    }
  else if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "jsonl"))
    /* Translators: %s is what the user gave for --format */
    return usage_error (context, _("unknown format “%s” (use text, jsonl, html or csv)"), format);
  status = check_format_and_encoding (context, report ? NULL : format, &jsonl, encoding);
  if (status != EXIT_OK)
    return status;

  if (args != NULL && g_strv_length (args) == 1 && g_str_has_suffix (args[0], ".triptych"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[0]);
      g_autofree char *basename = g_file_get_basename (file);

      /* The report's title: the project's name. */
      title = g_str_has_suffix (basename, ".triptych")
              ? g_strndup (basename, strlen (basename) - strlen (".triptych"))
              : g_strdup (basename);

      alignment = tri_project_load (file, NULL, &error);
      if (alignment == NULL)
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          return EXIT_INPUT;
        }
    }
  else
    {
      g_autoptr(TriAligner) aligner = tri_aligner_new ();
      g_autoptr(GArray) rows = NULL;
      TriDocument *documents[TRI_ALIGN_MAX_LANGUAGES] = { NULL };
      guint n = 0;

      status = check_language_files (context, args,
                                     _("check takes two or three LANG=FILE arguments, or one project"));
      if (status != EXIT_OK)
        return status;
      rows = load_and_align (aligner, args, encoding,
                             presegmented ? TRI_PARAGRAPH_PRESEGMENTED : TRI_PARAGRAPH_BLANK_LINES,
                             documents, &n);
      if (rows != NULL)
        {
          alignment = tri_alignment_new (documents, n);
          tri_alignment_set_rows (alignment, rows);
        }
      for (guint k = 0; k < TRI_ALIGN_MAX_LANGUAGES; k++)
        g_clear_object (&documents[k]);
      if (alignment == NULL)
        return EXIT_INPUT;
    }

  findings = tri_checks_run (alignment);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    cursors[c] = (LineCursor) { 0, 1, 0 };
  if (report)
    {
      g_autofree char *text = tri_report_to_string (alignment, findings, report_format, title);

      g_string_append (out, text);
    }
  else
    for (guint i = 0; i < findings->len; i++)
      {
        g_autofree char *line = jsonl ? finding_json (alignment, g_ptr_array_index (findings, i))
                                      : finding_text (alignment, g_ptr_array_index (findings, i), cursors);

        g_string_append (out, line);
        g_string_append_c (out, '\n');
      }

  status = write_output (output, out->str, out->len);
  if (status != EXIT_OK)
    return status;
  return findings->len > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/* spell */

static char *
misspelling_json (const char         *text,
                  const TriMisspelling *m,
                  const char * const *suggestions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *word = g_strndup (text + m->start, m->end - m->start);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "word");
  json_builder_add_string_value (builder, word);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, (gint64)m->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, (gint64)m->end);
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; suggestions[i] != NULL; i++)
    json_builder_add_string_value (builder, suggestions[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static int
command_spell (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TriDocument) document = NULL;
  g_autoptr(TriSpellDictionary) dictionary = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GHashTable) suggested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
  g_autofree char *language = NULL;
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  g_auto(GStrv) files = NULL;
  const char *text;
  gboolean jsonl;
  int status;
  gsize line = 1, line_start = 0, at = 0;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the text (en, ru, uk, …)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text or jsonl"), N_("FORMAT") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of the file (UTF-8, UTF-16, Windows-1251, KOI8-R, KOI8-U, ISO-8859-5, CP866…); detected when not given"),
      N_("ENC") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — check the spelling of a report"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Checks every word of FILE with the Hunspell dictionary of LANG (the user's "
      "personal dictionary included), leaving alone words of capitals only, words "
      "with digits, and web and e-mail addresses.\n"
      "\n"
      "Formats:\n"
      "  text   one misspelling per line: LINE:COLUMN: WORD → SUGGESTIONS\n"
      "  jsonl  one JSON object per misspelling:\n"
      "         {\"word\":\"…\",\"start\":B,\"end\":B,\"suggestions\":[\"…\",…]}\n"
      "         where B are byte offsets (end exclusive) into the decoded UTF-8 text\n"
      "\n"
      "Exit status: 0 whether or not there are misspellings, 2 on a usage error, "
      "3 when the file cannot be read or no dictionary is installed for LANG."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  status = check_file_options (context, files, _("spell takes exactly one FILE"), format, &jsonl,
                               language, encoding);
  if (status != EXIT_OK)
    return status;
  if (language == NULL)
    return usage_error (context, _("spell needs --lang LANG"));

  dictionary = tri_spell_dictionary_load (language, NULL, &error);
  if (dictionary == NULL)
    {
      g_printerr ("triptych-cli: %s\n", error->message);
      return EXIT_INPUT;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  document = tri_document_load (file, encoding, language, TRI_PARAGRAPH_BLANK_LINES, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("triptych-cli: %s\n", error->message);
      return EXIT_INPUT;
    }

  text = tri_document_get_text (document);
  found = tri_spell_check (dictionary, text, -1, TRI_SPELL_DEFAULT_FLAGS, NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const TriMisspelling *m = &g_array_index (found, TriMisspelling, i);
      g_autofree char *word = g_strndup (text + m->start, m->end - m->start);
      g_autofree char *output = NULL;
      char **suggestions;

      /* Suggestions are slow (up to a third of a second): once a word. */
      suggestions = g_hash_table_lookup (suggested, word);
      if (suggestions == NULL)
        {
          suggestions = tri_spell_dictionary_suggest (dictionary, word, 5);
          g_hash_table_insert (suggested, g_strdup (word), suggestions);
        }

      if (jsonl)
        output = misspelling_json (text, m, (const char * const *)suggestions);
      else
        {
          g_autofree char *list = g_strjoinv (", ", suggestions);

          for (; at < m->start; at++)
            if (text[at] == '\n')
              {
                line++;
                line_start = at + 1;
              }
          output = suggestions[0] != NULL
                   ? g_strdup_printf ("%" G_GSIZE_FORMAT ":%ld: %s → %s", line,
                                      g_utf8_pointer_to_offset (text + line_start, text + m->start) + 1, word, list)
                   : g_strdup_printf ("%" G_GSIZE_FORMAT ":%ld: %s", line,
                                      g_utf8_pointer_to_offset (text + line_start, text + m->start) + 1, word);
        }
      write_line (output);
    }

  return finish_output ();
}

static const Command commands[] = {
  { "segment", command_segment, N_("Split a report into sentences") },
  { "align", command_align, N_("Align the sentences of two or three versions of a report") },
  { "convert", command_convert, N_("Convert a project, TMX, TSV, CSV or JSONL file to another format") },
  { "spell", command_spell, N_("Check the spelling of a report") },
  { "check", command_check, N_("Check that the versions say the same: quotations, numbers, omissions") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  triptych-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…] ARGUMENTS"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “triptych-cli COMMAND --help” for a command’s options."));
  fprintf (out, "%s\n", _("Exit status: 0 success, 1 findings (check), 2 usage error, 3 input error."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* Debug messages must never mix with the output on stdout. */
  g_log_writer_default_set_use_stderr (TRUE);
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("triptych-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("triptych-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].func (argc - 1, argv + 1);
      }

  g_printerr (_("triptych-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return EXIT_USAGE;
}

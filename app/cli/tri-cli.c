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
#include "tri-core.h"
#include "tri-document.h"
#include "tri-error.h"
#include "tri-export.h"
#include "tri-import.h"
#include "tri-language.h"
#include "tri-names.h"
#include "tri-project.h"
#include "tri-report.h"
#include "tri-spell.h"
#include "tri-text-source.h"
#include "tri-user-lexicon.h"

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

      /* Not g_file_replace_contents(): on a full disk it renamed the
       * half-written file over the old one. The message names the file. */
      if (!tri_file_replace_contents (file, data, length, G_FILE_CREATE_NONE, NULL, &error))
        {
          g_printerr ("triptych-cli: %s\n", error->message);
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

/* One LANG=FILE argument read, made an aligner's input and folded. */
typedef struct
{
  const char       *arg;
  const char       *encoding;
  TriParagraphMode  mode;
  TriDocument      *document;
  TriAlignInput    *input;
  GError           *error;
} LoadJob;

static gpointer
load_job_run (gpointer data)
{
  LoadJob *job = data;
  g_autofree char *language = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  parse_language_file (job->arg, &language, &path);
  file = g_file_new_for_commandline_arg (path);
  job->document = tri_document_load (file, job->encoding, language, job->mode, NULL, &job->error);
  if (job->document != NULL)
    {
      job->input = tri_align_input_new_from_document (job->document);
      tri_align_input_fold (job->input);
    }
  return NULL;
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
  LoadJob jobs[TRI_ALIGN_MAX_LANGUAGES] = { { NULL } };
  GThread *threads[TRI_ALIGN_MAX_LANGUAGES] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  GThread *preload;
  GArray *rows = NULL;
  gboolean loaded = TRUE;
  guint n;

  /* The dictionaries and transliterators are read while the documents load. */
  for (n = 0; args[n] != NULL; n++)
    {
      g_autofree char *path = NULL;
      char *language = NULL;

      if (parse_language_file (args[n], &language, &path))
        g_ptr_array_add (languages, language);
    }
  g_ptr_array_add (languages, NULL);
  preload = tri_aligner_preload (aligner, (const char * const *)languages->pdata);

  /* The documents are read at the same time, the first in this thread. */
  for (n = 0; args[n] != NULL && n < TRI_ALIGN_MAX_LANGUAGES; n++)
    {
      jobs[n].arg = args[n];
      jobs[n].encoding = encoding;
      jobs[n].mode = mode;
      if (n > 0)
        threads[n] = g_thread_try_new ("triptych-cli-load", load_job_run, &jobs[n], NULL);
    }
  load_job_run (&jobs[0]);
  for (guint k = 0; k < n; k++)
    {
      if (k > 0 && threads[k] != NULL)
        g_thread_join (threads[k]);
      else if (k > 0)
        load_job_run (&jobs[k]);
      documents[k] = jobs[k].document;
      inputs[k] = jobs[k].input;
      /* the first that cannot be read, as when they were read in turn */
      if (loaded && jobs[k].error != NULL)
        {
          g_printerr ("triptych-cli: %s\n", jobs[k].error->message);
          loaded = FALSE;
        }
      g_clear_error (&jobs[k].error);
    }
  if (!loaded)
    goto out;
  *n_documents = n;

  rows = tri_aligner_align (aligner, inputs, n, NULL, NULL, NULL, NULL, &error);
  if (rows == NULL)
    g_printerr ("triptych-cli: %s\n", error->message);

out:
  g_thread_join (preload);
  for (guint k = 0; k < TRI_ALIGN_MAX_LANGUAGES; k++)
    g_clear_pointer (&inputs[k], tri_align_input_free);
  return rows;
}

/* The LANG=FILE versions of @args loaded and aligned, as check and spell
 * read them; NULL (the error printed) when one cannot be read. */
static TriAlignment *
load_alignment (char       **args,
                const char  *encoding,
                gboolean     presegmented)
{
  g_autoptr(TriAligner) aligner = tri_aligner_new ();
  g_autoptr(GArray) rows = NULL;
  TriDocument *documents[TRI_ALIGN_MAX_LANGUAGES] = { NULL };
  TriAlignment *alignment = NULL;
  guint n = 0;

  rows = load_and_align (aligner, args, encoding,
                         presegmented ? TRI_PARAGRAPH_PRESEGMENTED : TRI_PARAGRAPH_BLANK_LINES,
                         documents, &n);
  if (rows != NULL)
    {
      alignment = tri_alignment_new_with_rows (documents, n, rows);
    }
  for (guint k = 0; k < TRI_ALIGN_MAX_LANGUAGES; k++)
    g_clear_object (&documents[k]);
  return alignment;
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
  g_auto(GStrv) lexicons = NULL;
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
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME_ARRAY, &lexicons,
      N_("A lexicon of confirmed rows (made by the window or by learn) to help the alignment; may be repeated"),
      N_("FILE") },
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
  if (dict_path != NULL || lexicons != NULL)
    {
      g_autoptr(TriDictionary) dict = tri_dictionary_new ();

      if (dict_path != NULL && !tri_dictionary_load_word_list (dict, dict_path, &error))
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          status = EXIT_INPUT;
          goto out;
        }
      for (guint k = 0; lexicons != NULL && lexicons[k] != NULL; k++)
        {
          g_autoptr(TriUserLexicon) lexicon = tri_user_lexicon_load (lexicons[k], &error);

          if (lexicon == NULL)
            {
              g_printerr ("triptych-cli: %s\n", error->message);
              status = EXIT_INPUT;
              goto out;
            }
          tri_user_lexicon_add_to_dictionary (lexicon, dict);
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
      g_autoptr(TriAlignment) alignment = tri_alignment_new_with_rows (documents, n, rows);

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

  g_autoptr(GError) local_error = NULL;
  TriAlignment *alignment;

  if (tri_export_format_for_filename (path, &format) && tri_export_format_can_import (format))
    return tri_import_load (file, format, (const char * const *)languages, NULL, error);
  alignment = tri_project_load (file, NULL, &local_error);
  /* A report given by mistake: say what is read, not a JSON parse error. */
  if (alignment == NULL && !g_str_has_suffix (path, ".triptych") &&
      g_error_matches (local_error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   _("“%s” is not a file convert reads: a Triptych project (.triptych), or a TMX, TSV, "
                     "CSV or JSONL file told by its extension (.tmx, .tsv, .tab, .csv, .jsonl)"), name);
      return NULL;
    }
  if (alignment == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return alignment;
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
  /* The versions that deviate from the others (empty: cannot be told) */
  json_builder_set_member_name (builder, "odd");
  json_builder_begin_array (builder);
  for (guint c = 0; c < n; c++)
    if (finding->odd & (1u << c))
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

/* FILE:LINE:COLUMN: severity: [check] message, at the first span of the
 * version that deviates (else of the first version marked). */
static char *
finding_text (TriAlignment     *alignment,
              const TriFinding *finding,
              LineCursor       *cursors)
{
  guint c = tri_finding_get_focus_column (finding, tri_alignment_get_n_columns (alignment));

  if (c != G_MAXUINT)
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
      "         {\"check\":\"quote-missing\",\"severity\":\"warning\",\"row\":12,\"langs\":[\"en\",\"ru\"],\"odd\":[\"ru\"],\n"
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
      status = check_language_files (context, args,
                                     _("check takes two or three LANG=FILE arguments, or one project"));
      if (status != EXIT_OK)
        return status;
      alignment = load_alignment (args, encoding, presegmented);
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

/* One version's misspellings, kept or left out by the counterpart rule. */
typedef struct
{
  TriDocument        *document;
  TriSpellDictionary *dictionary;
  char               *path;        /* as given, for the text format */
  GArray             *found;       /* TriMisspelling */
  GHashTable         *suggested;   /* word → char ** (NULL: to compute) */
} SpellVersion;

/* Suggestions for the words of every version, computed by a few threads,
 * each with dictionaries of its own (Hunspell serves one thread at a
 * time; a suggestion takes up to a third of a second). */
typedef struct
{
  SpellVersion *versions;
  guint         n_versions;
  GPtrArray    *jobs;       /* (version, word) pairs: guint and char *, flattened */
  char       ***results;    /* one per pair, set by the thread that took it */
  gint          next;
  gboolean      threads;    /* several threads: each loads dictionaries of its own */
} SuggestWork;

static gpointer
suggest_worker (gpointer data)
{
  SuggestWork *work = data;
  TriSpellDictionary *own[TRI_MAX_COLUMNS] = { NULL };

  for (;;)
    {
      gint k = g_atomic_int_add (&work->next, 1);
      guint v;
      const char *word;
      char **suggestions;

      if ((guint)k * 2 >= work->jobs->len)
        break;
      v = GPOINTER_TO_UINT (g_ptr_array_index (work->jobs, 2 * k));
      word = g_ptr_array_index (work->jobs, 2 * k + 1);
      if (own[v] == NULL && work->threads)
        own[v] = tri_spell_dictionary_load_private (tri_spell_dictionary_get_language (work->versions[v].dictionary),
                                                    tri_spell_dictionary_get_name (work->versions[v].dictionary),
                                                    NULL);
      suggestions = tri_spell_dictionary_suggest (own[v] != NULL ? own[v] : work->versions[v].dictionary, word, 5);
      work->results[k] = suggestions;
    }
  for (guint v = 0; v < TRI_MAX_COLUMNS; v++)
    g_clear_object (&own[v]);
  return NULL;
}

static void
suggest_all (SpellVersion *versions,
             guint         n_versions)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GThread *threads[4] = { NULL };
  guint n_threads;
  g_autofree char ***results = NULL;
  SuggestWork work = { versions, n_versions, jobs, NULL, 0, FALSE };

  for (guint v = 0; v < n_versions; v++)
    {
      const char *text = tri_document_get_text (versions[v].document);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < versions[v].found->len; i++)
        {
          const TriMisspelling *m = &g_array_index (versions[v].found, TriMisspelling, i);
          char *word = g_strndup (text + m->start, m->end - m->start);

          if (g_hash_table_contains (seen, word))
            {
              g_free (word);
              continue;
            }
          g_hash_table_add (seen, word);
          g_ptr_array_add (words, word);
          g_ptr_array_add (jobs, GUINT_TO_POINTER (v));
          g_ptr_array_add (jobs, word);
        }
    }

  results = g_new0 (char **, jobs->len / 2 + 1);
  work.results = results;
  n_threads = CLAMP (g_get_num_processors (), 1, G_N_ELEMENTS (threads));
  n_threads = MIN (n_threads, MAX (1, jobs->len / 2 / 8));
  if (n_threads <= 1)
    suggest_worker (&work);
  else
    {
      work.threads = TRUE;
      for (guint t = 0; t < n_threads; t++)
        threads[t] = g_thread_new ("suggest", suggest_worker, &work);
      for (guint t = 0; t < n_threads; t++)
        g_thread_join (threads[t]);
    }
  for (guint k = 0; k < jobs->len / 2; k++)
    g_hash_table_insert (versions[GPOINTER_TO_UINT (g_ptr_array_index (jobs, 2 * k))].suggested,
                         g_strdup (g_ptr_array_index (jobs, 2 * k + 1)), results[k]);
}

/* Where each sentence of each version stands: its row. */
static GArray *
rows_of_sentences (TriAlignment *alignment,
                   guint         column)
{
  TriDocument *doc = tri_alignment_get_document (alignment, column);
  GArray *rows_of = g_array_new (FALSE, TRUE, sizeof (guint));
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (alignment));

  g_array_set_size (rows_of, tri_document_get_n_sentences (doc));
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (alignment), r);

      for (guint i = 0; i < tri_row_get_count (row, column); i++)
        g_array_index (rows_of, guint, tri_row_get_first (row, column) + i) = r;
    }
  return rows_of;
}

/* The counterpart rule: a word Hunspell rejects that the same row of
 * another version writes as a name (Zelenskyy's, Зеленского, Зеленського)
 * is a name, not a misspelling. */
static void
drop_names (TriAlignment *alignment,
            SpellVersion *versions,
            guint         n_versions)
{
  g_autoptr(TriNames) names = tri_names_new ();

  for (guint v = 0; v < n_versions; v++)
    {
      TriDocument *doc = versions[v].document;
      const char *text = tri_document_get_text (doc);
      g_autoptr(GArray) rows_of = rows_of_sentences (alignment, v);
      GArray *kept = g_array_new (FALSE, FALSE, sizeof (TriMisspelling));

      for (guint i = 0; i < versions[v].found->len; i++)
        {
          const TriMisspelling *m = &g_array_index (versions[v].found, TriMisspelling, i);
          guint sentence = tri_document_find_sentence (doc, m->start);
          g_autoptr(TriRow) row = NULL;
          gboolean name = FALSE;

          if (sentence < rows_of->len)
            row = g_list_model_get_item (G_LIST_MODEL (alignment), g_array_index (rows_of, guint, sentence));
          for (guint d = 0; row != NULL && d < n_versions && !name; d++)
            {
              g_autofree char *cell = NULL;

              if (d == v || tri_row_get_count (row, d) == 0)
                continue;
              cell = tri_alignment_dup_cell_text (alignment, row, d);
              name = tri_names_spelt_in (names, tri_document_get_language (doc), text + m->start,
                                         (gssize)(m->end - m->start),
                                         tri_document_get_language (versions[d].document), cell, -1);
            }
          if (!name)
            g_array_append_val (kept, *m);
        }
      g_array_unref (versions[v].found);
      versions[v].found = kept;
    }
}

static char *
misspelling_json (const char           *language,
                  const char           *text,
                  const TriMisspelling *m,
                  const char * const   *suggestions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *word = g_strndup (text + m->start, m->end - m->start);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lang");
  json_builder_add_string_value (builder, language);
  json_builder_set_member_name (builder, "word");
  json_builder_add_string_value (builder, word);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, (gint64)m->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, (gint64)m->end);
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; suggestions != NULL && suggestions[i] != NULL; i++)
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
  g_autoptr(TriAlignment) alignment = NULL;
  SpellVersion versions[TRI_MAX_COLUMNS] = { { NULL } };
  guint n_versions = 0;
  g_autofree char *language = NULL;
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  g_auto(GStrv) files = NULL;
  gboolean jsonl, presegmented = FALSE, no_suggestions = FALSE, all_names = FALSE, aligned;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the text (en, ru, uk, …)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text or jsonl"), N_("FORMAT") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of the file (UTF-8, UTF-16, Windows-1251, KOI8-R, KOI8-U, ISO-8859-5, CP866…); detected when not given"),
      N_("ENC") },
    { "presegmented", 'p', 0, G_OPTION_ARG_NONE, &presegmented,
      N_("The files are split already: every non-empty line is one sentence, a blank line ends a paragraph"), NULL },
    { "no-suggestions", 0, 0, G_OPTION_ARG_NONE, &no_suggestions,
      N_("Do not look for corrections (much faster)"), NULL },
    { "all-names", 0, 0, G_OPTION_ARG_NONE, &all_names,
      N_("Also report names that another version spells the same way"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE | LANG=FILE LANG=FILE [LANG=FILE] — check the spelling of a report"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Checks every word of FILE with the Hunspell dictionary of LANG (the user's "
      "personal dictionary included), leaving alone words of capitals only, words "
      "with digits, and web and e-mail addresses. Given two or three versions as "
      "LANG=FILE, aligns them (as check does) and leaves alone a capitalised word "
      "that the same row of another version writes as a name (Zelenskyy's, "
      "Зеленского, Зеленського); --all-names reports those too.\n"
      "\n"
      "Formats:\n"
      "  text   one misspelling per line: [FILE:]LINE:COLUMN: WORD → SUGGESTIONS\n"
      "  jsonl  one JSON object per misspelling:\n"
      "         {\"lang\":\"…\",\"word\":\"…\",\"start\":B,\"end\":B,\"suggestions\":[\"…\",…]}\n"
      "         where B are byte offsets (end exclusive) into the decoded UTF-8 text\n"
      "\n"
      "Exit status: 0 whether or not there are misspellings, 2 on a usage error, "
      "3 when a file cannot be read or no dictionary is installed for LANG."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  aligned = files != NULL && g_strv_length (files) >= 2;
  if (aligned)
    {
      status = check_format_and_encoding (context, format, &jsonl, encoding);
      if (status != EXIT_OK)
        return status;
      status = check_language_files (context, files, _("spell takes one FILE, or two or three LANG=FILE arguments"));
      if (status != EXIT_OK)
        return status;
      alignment = load_alignment (files, encoding, presegmented);
      if (alignment == NULL)
        return EXIT_INPUT;
      n_versions = tri_alignment_get_n_columns (alignment);
      for (guint k = 0; k < n_versions; k++)
        {
          g_autofree char *lang = NULL;

          versions[k].document = g_object_ref (tri_alignment_get_document (alignment, k));
          parse_language_file (files[k], &lang, &versions[k].path);
        }
    }
  else
    {
      g_autoptr(GFile) file = NULL;

      status = check_file_options (context, files, _("spell takes one FILE, or two or three LANG=FILE arguments"),
                                   format, &jsonl, language, encoding);
      if (status != EXIT_OK)
        return status;
      if (language == NULL)
        return usage_error (context, _("spell needs --lang LANG"));
      file = g_file_new_for_commandline_arg (files[0]);
      versions[0].document = tri_document_load (file, encoding, language,
                                                presegmented ? TRI_PARAGRAPH_PRESEGMENTED : TRI_PARAGRAPH_BLANK_LINES,
                                                NULL, &error);
      if (versions[0].document == NULL)
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          return EXIT_INPUT;
        }
      n_versions = 1;
    }

  for (guint v = 0; v < n_versions; v++)
    {
      versions[v].dictionary = tri_spell_dictionary_load (tri_document_get_language (versions[v].document), NULL, &error);
      if (versions[v].dictionary == NULL)
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          status = EXIT_INPUT;
          goto out;
        }
      versions[v].found = tri_spell_check (versions[v].dictionary, tri_document_get_text (versions[v].document), -1,
                                           TRI_SPELL_DEFAULT_FLAGS, NULL);
      versions[v].suggested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
    }
  if (aligned && !all_names)
    drop_names (alignment, versions, n_versions);
  if (!no_suggestions)
    suggest_all (versions, n_versions);

  for (guint v = 0; v < n_versions; v++)
    {
      const char *text = tri_document_get_text (versions[v].document);
      LineCursor cursor = { 0, 1, 0 };

      for (guint i = 0; i < versions[v].found->len; i++)
        {
          const TriMisspelling *m = &g_array_index (versions[v].found, TriMisspelling, i);
          g_autofree char *word = g_strndup (text + m->start, m->end - m->start);
          g_autofree char *output = NULL;
          char **suggestions = g_hash_table_lookup (versions[v].suggested, word);

          if (jsonl)
            output = misspelling_json (tri_document_get_language (versions[v].document), text, m,
                                       (const char * const *)suggestions);
          else
            {
              g_autofree char *list = suggestions != NULL ? g_strjoinv (", ", suggestions) : NULL;
              g_autofree char *where = NULL;

              line_cursor_seek (&cursor, text, m->start);
              where = g_strdup_printf ("%s%s%" G_GSIZE_FORMAT ":%ld", versions[v].path != NULL ? versions[v].path : "",
                                       versions[v].path != NULL ? ":" : "", cursor.line,
                                       g_utf8_pointer_to_offset (text + cursor.line_start, text + m->start) + 1);
              output = list != NULL && list[0] != '\0'
                       ? g_strdup_printf ("%s: %s → %s", where, word, list)
                       : g_strdup_printf ("%s: %s", where, word);
            }
          write_line (output);
        }
    }
  status = finish_output ();

out:
  for (guint v = 0; v < n_versions; v++)
    {
      g_clear_object (&versions[v].document);
      g_clear_object (&versions[v].dictionary);
      g_free (versions[v].path);
      g_clear_pointer (&versions[v].found, g_array_unref);
      g_clear_pointer (&versions[v].suggested, g_hash_table_unref);
    }
  return status;
}

/* learn: every pair of lines of two line-aligned files is a confirmed row,
 * added to a lexicon file (created if missing). */
static int
command_learn (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriUserLexicon) lexicon = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) lines_a = NULL;
  g_auto(GStrv) lines_b = NULL;
  g_autofree char *language_a = NULL;
  g_autofree char *language_b = NULL;
  char **lines[2];
  char *languages[2];
  guint n_lines;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The lexicon to add to (created if missing)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("LANG=FILE LANG=FILE — learn word pairs from line-aligned translations"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Line N of the first file and line N of the second are taken as a confirmed row, as when\n"
      "the user confirms rows in the window; the words that occur together are counted in the\n"
      "lexicon (-o), which align --lexicon then uses.\n"
      "\n"
      "Exit status: 0 on success, 2 on a usage error, 3 when a file cannot be read or written."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  if (output == NULL)
    return usage_error (context, "%s", _("learn needs -o LEXICON"));
  if (args == NULL || g_strv_length (args) != 2)
    return usage_error (context, "%s", _("learn takes two LANG=FILE arguments"));
  {
    int status = check_language_files (context, args, _("learn takes two LANG=FILE arguments"));

    if (status != EXIT_OK)
      return status;
  }

  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;

      parse_language_file (args[k], k == 0 ? &language_a : &language_b, &path);
      if (!g_file_get_contents (path, &data, NULL, &error))
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          return EXIT_INPUT;
        }
      *(k == 0 ? &lines_a : &lines_b) = g_strsplit (data, "\n", -1);
    }
  lines[0] = lines_a;
  lines[1] = lines_b;
  languages[0] = language_a;
  languages[1] = language_b;

  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      lexicon = tri_user_lexicon_load (output, &error);
      if (lexicon == NULL)
        {
          g_printerr ("triptych-cli: %s\n", error->message);
          return EXIT_INPUT;
        }
      if (g_ascii_strcasecmp (tri_user_lexicon_get_language (lexicon, 0), languages[0]) != 0)
        {
          GStrv swap = lines[0];

          lines[0] = lines[1];
          lines[1] = swap;
        }
    }
  else
    lexicon = tri_user_lexicon_new (languages[0], languages[1]);

  n_lines = MIN (g_strv_length (lines[0]), g_strv_length (lines[1]));
  for (guint i = 0; i < n_lines; i++)
    tri_user_lexicon_add_row (lexicon, lines[0][i], lines[1][i]);

  if (!tri_user_lexicon_save (lexicon, output, &error))
    {
      g_printerr ("triptych-cli: %s\n", error->message);
      return EXIT_INPUT;
    }
  return EXIT_OK;
}

static const Command commands[] = {
  { "segment", command_segment, N_("Split a report into sentences") },
  { "align", command_align, N_("Align the sentences of two or three versions of a report") },
  { "convert", command_convert, N_("Convert a project, TMX, TSV, CSV or JSONL file to another format") },
  { "spell", command_spell, N_("Check the spelling of a report") },
  { "check", command_check, N_("Check that the versions say the same: quotations, numbers, omissions") },
  { "learn", command_learn, N_("Learn word pairs from line-aligned translations for align --lexicon") },
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
  /* Before any thread reads a document. */
  tri_core_init ();

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

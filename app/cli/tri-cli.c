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

#include "tri-document.h"
#include "tri-error.h"
#include "tri-language.h"
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

  if (files == NULL || g_strv_length (files) != 1)
    return usage_error (context, _("segment takes exactly one FILE"));

  if (format == NULL || g_str_equal (format, "text"))
    jsonl = FALSE;
  else if (g_str_equal (format, "jsonl"))
    jsonl = TRUE;
  else
    return usage_error (context, _("unknown format “%s” (use text or jsonl)"), format);

  if (language != NULL && !tri_language_is_valid (language))
    return usage_error (context, _("“%s” is not a language code (use en, ru, uk, de, …)"), language);

  if (encoding != NULL && !tri_text_source_encoding_is_known (encoding))
    return usage_error (context, _("unknown encoding “%s”"), encoding);

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

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("triptych-cli: %s\n", _("could not write the output"));
      return EXIT_INPUT;
    }

  return EXIT_OK;
}

static const Command commands[] = {
  { "segment", command_segment, N_("Split a report into sentences") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  triptych-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…] ARGUMENTS"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “triptych-cli COMMAND --help” for a command’s options."));
  fprintf (out, "%s\n", _("Exit status: 0 success, 2 usage error, 3 input error."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
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

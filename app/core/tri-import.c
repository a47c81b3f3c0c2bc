/* tri-import.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "tri-core.h"
#include "tri-csv.h"
#include "tri-error.h"
#include "tri-import.h"
#include "tri-json.h"
#include "tri-language.h"
#include <math.h>

/* Aligned text from other tools as an alignment (issue 7): TMX (any number
 * of languages, up to three of them opened), TSV and CSV with a header of
 * language codes, and JSONL (objects of language code → text, or the rows
 * `triptych-cli align` and the export write, which carry "text").
 *
 * Every unit (a <tu>, a line, a record) becomes a row, and its text in
 * each language one sentence of that language's document, byte for byte;
 * a unit without text in a language gets an empty cell there, and a unit
 * without text in any language opened no row. The documents are
 * TRI_PARAGRAPH_PRESEGMENTED, their sentences separated by blank lines, so
 * the export writes them back unchanged. TMX's x-status, x-score and
 * x-bookmarked properties (the export's) become the row's state.
 *
 * TMX is read with libxml2's xmlReader, which streams (a file of any size
 * takes memory for its text only), hardened against hostile files: no
 * network (XML_PARSE_NONET), no entity substitution (no XML_PARSE_NOENT),
 * no DTD loaded or applied (no DTDLOAD, DTDATTR, DTDVALID: a DOCTYPE such as
 * TMX's own <!DOCTYPE tmx SYSTEM "tmx14.dtd"> is read past, never fetched),
 * libxml2's size limits kept (no XML_PARSE_HUGE). A document whose DOCTYPE
 * declares entities, or that refers to any entity but the five predefined
 * ones, is refused: that is how external entities (XXE) and expansion bombs
 * (billion laughs) come. Errors name the file and the line. Inline codes
 * of TMX (bpt, ept, ph, it, ut) are dropped, the text inside hi and sub
 * kept: Triptych aligns plain text. */

/* The units read so far, sorted into the columns kept. */
typedef struct
{
  const char  *name;            /* the file, for messages */
  char       **wanted;          /* the languages asked for, or NULL for all */
  gboolean     list_only;       /* only collecting the languages */
  GPtrArray   *found;           /* every language met, as first spelt */
  guint        n_columns;
  char        *codes[TRI_MAX_COLUMNS];
  gboolean     met[TRI_MAX_COLUMNS];
  GString     *texts[TRI_MAX_COLUMNS];
  GArray      *sentences[TRI_MAX_COLUMNS];
  GArray      *rows;            /* TriBead */
} Collector;

static void
collector_init (Collector          *collector,
                const char         *name,
                const char * const *wanted)
{
  memset (collector, 0, sizeof *collector);
  collector->name = name;
  collector->found = g_ptr_array_new_with_free_func (g_free);
  collector->rows = g_array_new (FALSE, TRUE, sizeof (TriBead));
  if (wanted != NULL && wanted[0] != NULL)
    {
      collector->wanted = g_strdupv ((char **)wanted);
      collector->n_columns = MIN (g_strv_length (collector->wanted), TRI_MAX_COLUMNS);
      for (guint k = 0; k < collector->n_columns; k++)
        collector->codes[k] = g_strdup (wanted[k]);
    }
  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    {
      collector->texts[k] = g_string_new (NULL);
      collector->sentences[k] = g_array_new (FALSE, FALSE, sizeof (TriSentence));
    }
}

static void
collector_clear (Collector *collector)
{
  g_clear_pointer (&collector->wanted, g_strfreev);
  g_clear_pointer (&collector->found, g_ptr_array_unref);
  g_clear_pointer (&collector->rows, g_array_unref);
  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    {
      g_clear_pointer (&collector->codes[k], g_free);
      if (collector->texts[k] != NULL)
        g_string_free (collector->texts[k], TRUE);
      collector->texts[k] = NULL;
      g_clear_pointer (&collector->sentences[k], g_array_unref);
    }
}

/* The most languages a file may hold, and the most attributes an element
 * of a TMX: more is no translation memory but an attack (100,000 codes
 * took 73 s and a 600 KB message; libxml2 compares attributes pairwise). */
#define MAX_LANGUAGES 1000
#define MAX_ATTRIBUTES 256

/* A code as shown in a message: short, without control characters. */
static char *
shown_code (const char *code)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  const char *p = code;

  for (guint n = 0; *p != '\0' && n < 40; n++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;
      if (g_unichar_iscntrl (c))
        g_string_append_unichar (shown, 0xFFFD);
      else
        g_string_append_unichar (shown, c);
    }
  if (*p != '\0')
    g_string_append (shown, "…");
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/* The column of @code, or -1 for a language not opened. */
static int
collector_column (Collector  *collector,
                  const char *code)
{
  gboolean known = FALSE;

  for (guint i = 0; i < collector->found->len && !known; i++)
    known = tri_language_same (g_ptr_array_index (collector->found, i), code);
  if (!known)
    g_ptr_array_add (collector->found, g_strdup (code));
  if (collector->list_only)
    return -1;

  for (guint k = 0; k < collector->n_columns; k++)
    if (tri_language_same (collector->codes[k], code))
      {
        if (!collector->met[k])
          {
            /* Keep the file's spelling, for the round trip. */
            g_free (collector->codes[k]);
            collector->codes[k] = g_strdup (code);
            collector->met[k] = TRUE;
          }
        return (int)k;
      }

  if (collector->wanted == NULL && collector->n_columns < TRI_MAX_COLUMNS)
    {
      collector->codes[collector->n_columns] = g_strdup (code);
      collector->met[collector->n_columns] = TRUE;
      return (int)collector->n_columns++;
    }
  return -1;
}

/* One unit: its text per column (NULL or "" for none). */
static void
collector_add_unit (Collector     *collector,
                    GString      **texts,
                    double         score,
                    gboolean       confirmed,
                    gboolean       bookmarked)
{
  TriBead bead = { { 0 }, { 0 }, CLAMP (score, 0.0, 1.0), confirmed, bookmarked };
  gboolean any = FALSE;

  if (collector->list_only)
    return;

  for (guint k = 0; k < collector->n_columns; k++)
    any |= texts[k] != NULL && texts[k]->len > 0;
  if (!any)
    return;

  for (guint k = 0; k < collector->n_columns; k++)
    {
      GString *text = collector->texts[k];

      bead.first[k] = collector->sentences[k]->len;
      if (texts[k] != NULL && texts[k]->len > 0)
        {
          TriSentence s;

          if (text->len > 0)
            g_string_append (text, "\n\n");
          s.start = text->len;
          g_string_append_len (text, texts[k]->str, (gssize)texts[k]->len);
          s.end = text->len;
          s.paragraph = collector->sentences[k]->len;
          g_array_append_val (collector->sentences[k], s);
          bead.count[k] = 1;
        }
    }
  g_array_append_val (collector->rows, bead);
}

/* The languages met, the first ten of them for a short message. */
static char *
join_found (Collector *collector)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < collector->found->len && i < 10; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", (char *)g_ptr_array_index (collector->found, i));
  if (collector->found->len > 10)
    /* Translators: after a list of ten language codes; %u is how many more there are */
    g_string_append_printf (list, _(" and %u more"), collector->found->len - 10);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static TriAlignment *
collector_finish (Collector  *collector,
                  GError    **error)
{
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(GError) local_error = NULL;
  TriDocument *documents[TRI_MAX_COLUMNS] = { NULL };
  g_autofree char *found = join_found (collector);

  if (collector->found->len == 0)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   _("“%s” holds no aligned text"), collector->name);
      return NULL;
    }
  if (collector->wanted == NULL && collector->found->len > TRI_MAX_COLUMNS)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION,
                   /* Translators: a file name, then the codes of the languages it holds */
                   _("“%s” holds more than three languages (%s); choose up to three to open"),
                   collector->name, found);
      return NULL;
    }
  if (!collector->list_only && collector->rows->len == 0)
    {
      /* A header and nothing else: what an empty JSONL says. */
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                   _("“%s” holds no aligned text (it names languages, but no row has text in them)"),
                   collector->name);
      return NULL;
    }
  for (guint k = 0; k < collector->n_columns; k++)
    if (!collector->met[k])
      {
        g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION,
                     /* Translators: a file name, a language code, then the codes the file has */
                     _("“%s” has no text in “%s” (its languages: %s)"),
                     collector->name, collector->codes[k], found);
        return NULL;
      }

  for (guint k = 0; k < collector->n_columns; k++)
    {
      documents[k] = tri_document_new_from_parts (collector->texts[k]->str, collector->codes[k],
                                                  TRI_PARAGRAPH_PRESEGMENTED,
                                                  (const TriSentence *)(gpointer)collector->sentences[k]->data,
                                                  collector->sentences[k]->len, NULL, "UTF-8", &local_error);
      if (documents[k] == NULL)
        break;
      tri_document_set_title (documents[k], collector->name);
    }

  if (local_error == NULL)
    {
      alignment = tri_alignment_new (documents, collector->n_columns);
      tri_alignment_restore (alignment, collector->rows, TRUE);
      tri_alignment_check (alignment, &local_error);
    }
  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    g_clear_object (&documents[k]);

  if (local_error != NULL)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT, "“%s”: %s", collector->name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&alignment);
}

static void
set_line_error (GError     **error,
                int          code,
                const char  *name,
                gsize        line,
                const char  *what)
{
  /* Translators: a file name, a line number, then what is wrong there */
  g_set_error (error, TRI_IO_ERROR, code, _("“%s”, line %u: %s"), name, (guint)MIN (line, G_MAXUINT), what);
}

/* TMX */

typedef struct
{
  GInputStream  *stream;
  GCancellable  *cancellable;
  GError        *io_error;
  gsize          n_read;
  char          *xml_error;     /* libxml2's first error, with its line */
  int            xml_line;
  int            scan;          /* where tmx_scan() is: 0 text, 1 a tag, '"' or '\'' a value, 2 other markup */
  guint          n_attributes;  /* in the tag being scanned */
  gsize          lines;         /* line breaks scanned */
  gsize          too_many;      /* the line of a tag with too many attributes, or 0 */
} TmxInput;

/* A rough scan of the raw bytes ahead of libxml2, which reads a start tag
 * whole and compares its attributes pairwise (100,000 took 17 s): a tag
 * with more than MAX_ATTRIBUTES "=" outside its values is stopped before
 * libxml2 sees it. Comments, CDATA and declarations are passed over. */
static gboolean
tmx_scan (TmxInput   *input,
          const char *buffer,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = buffer[i];

      if (c == '\n')
        input->lines++;
      switch (input->scan)
        {
        case 0:
          if (c == '<')
            {
              input->scan = 1;
              input->n_attributes = 0;
            }
          break;
        case 1:
          if ((c == '!' || c == '?') && input->n_attributes == 0)
            input->scan = 2;
          else if (c == '"' || c == '\'')
            input->scan = c;
          else if (c == '>')
            input->scan = 0;
          else if (c == '=' && ++input->n_attributes > MAX_ATTRIBUTES)
            {
              input->too_many = input->lines + 1;
              return FALSE;
            }
          break;
        case 2:
          if (c == '>')
            input->scan = 0;
          break;
        default:
          if (c == input->scan)
            input->scan = 1;
          break;
        }
    }
  return TRUE;
}

static int
tmx_read_cb (void *context,
             char *buffer,
             int   length)
{
  TmxInput *input = context;
  gssize n;

  if (input->io_error != NULL)
    return -1;
  n = g_input_stream_read (input->stream, buffer, (gsize)length, input->cancellable, &input->io_error);
  if (n < 0)
    return -1;
  input->n_read += (gsize)n;
  if (input->n_read > TRI_FILE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (TRI_FILE_MAX_SIZE);

      g_set_error (&input->io_error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE,
                   _("it is too large to open (the limit is %s)"), limit);
      return -1;
    }
  if (input->too_many > 0 || !tmx_scan (input, buffer, (gsize)n))
    return -1;
  return (int)n;
}

static void
tmx_error_cb (void        *context,
              xmlErrorPtr  error)
{
  TmxInput *input = context;

  if (error->level < XML_ERR_ERROR || input->xml_error != NULL)
    return;
  input->xml_error = g_strchomp (g_strdup (error->message != NULL ? error->message : "?"));
  input->xml_line = error->line;
}

typedef struct
{
  Collector  *collector;
  GString    *texts[TRI_MAX_COLUMNS];
  GString    *seg;
  GString    *prop;
  char       *prop_type;
  int         column;           /* of the <tuv> being read; -1 for one not opened */
  gboolean    in_tu;
  gboolean    in_seg;
  int         skip_depth;       /* inside an inline code element, or -1 */
  double      score;
  gboolean    confirmed;
  gboolean    bookmarked;
} TmxState;

static void
tmx_begin_tu (TmxState *state)
{
  state->in_tu = TRUE;
  state->score = 1.0;
  state->confirmed = FALSE;
  state->bookmarked = FALSE;
  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    g_string_truncate (state->texts[k], 0);
}

static gboolean
tmx_end_prop (TmxState *state)
{
  const char *value = state->prop->str;

  if (state->prop_type == NULL || !state->in_tu)
    return TRUE;
  if (g_str_equal (state->prop_type, "x-status"))
    state->confirmed = g_str_equal (value, "confirmed");
  else if (g_str_equal (state->prop_type, "x-score"))
    {
      char *end;
      double score = g_ascii_strtod (value, &end);

      /* NaN would be written back as invalid JSON. */
      if (end != value && *end == '\0' && !isfinite (score))
        return FALSE;
      if (end != value && *end == '\0')
        state->score = score;
    }
  else if (g_str_equal (state->prop_type, "x-bookmarked"))
    state->bookmarked = g_str_equal (value, "yes");
  return TRUE;
}

static void
tmx_end_seg (TmxState *state)
{
  GString *text;

  state->in_seg = FALSE;
  if (state->column < 0)
    return;
  text = state->texts[state->column];
  /* Two <tuv> of one language in a unit: their texts joined. */
  if (text->len > 0 && state->seg->len > 0)
    g_string_append_c (text, ' ');
  g_string_append_len (text, state->seg->str, (gssize)state->seg->len);
}

static gboolean
is_inline_code (const char *name)
{
  return g_str_equal (name, "bpt") || g_str_equal (name, "ept") || g_str_equal (name, "ph") ||
         g_str_equal (name, "it") || g_str_equal (name, "ut");
}

/* Whether the DOCTYPE declares entities, general or parameter. */
static gboolean
dtd_declares_entities (xmlTextReader *reader)
{
  xmlNode *node = xmlTextReaderCurrentNode (reader);
  xmlDtd *dtd;

  if (node == NULL || node->type != XML_DTD_NODE)
    return FALSE;
  dtd = (xmlDtd *)node;
  return (dtd->entities != NULL && xmlHashSize (dtd->entities) > 0) ||
         (dtd->pentities != NULL && xmlHashSize (dtd->pentities) > 0);
}

/* An element's start. Returns FALSE with @error set for a bad one. */
static gboolean
tmx_start_element (TmxState       *state,
                   xmlTextReader  *reader,
                   const char     *name,
                   int             depth,
                   gboolean        root,
                   GError        **error)
{
  gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
  gsize line = (gsize)xmlTextReaderGetParserLineNumber (reader);

  if (root && !g_str_equal (name, "tmx"))
    {
      set_line_error (error, TRI_IO_ERROR_CORRUPT, state->collector->name, line,
                      _("this is not a TMX file (it does not start with <tmx>)"));
      return FALSE;
    }

  if (state->in_seg)
    {
      if (state->skip_depth < 0 && !empty && is_inline_code (name))
        state->skip_depth = depth;
      return TRUE;
    }

  if (g_str_equal (name, "tu"))
    {
      tmx_begin_tu (state);
      if (empty)
        state->in_tu = FALSE;
    }
  else if (g_str_equal (name, "tuv") && state->in_tu)
    {
      g_autofree char *lang = (char *)xmlTextReaderGetAttributeNs (reader, BAD_CAST "lang", XML_XML_NAMESPACE);

      if (lang == NULL)
        lang = (char *)xmlTextReaderGetAttribute (reader, BAD_CAST "lang");
      if (lang == NULL || lang[0] == '\0')
        {
          set_line_error (error, TRI_IO_ERROR_CORRUPT, state->collector->name, line,
                          _("a <tuv> has no xml:lang"));
          return FALSE;
        }
      if (!tri_language_is_valid (lang))
        {
          g_autofree char *shown = shown_code (lang);
          g_autofree char *what = g_strdup_printf (_("“%s” is not a language code (en, ru, uk-UA, …)"), shown);

          set_line_error (error, TRI_IO_ERROR_CORRUPT, state->collector->name, line, what);
          return FALSE;
        }
      state->column = collector_column (state->collector, lang);
      if (state->collector->found->len > MAX_LANGUAGES)
        {
          g_autofree char *what = g_strdup_printf (_("it holds more than %u languages"), MAX_LANGUAGES);

          set_line_error (error, TRI_IO_ERROR_CORRUPT, state->collector->name, line, what);
          return FALSE;
        }
    }
  else if (g_str_equal (name, "seg") && state->in_tu)
    {
      g_string_truncate (state->seg, 0);
      state->in_seg = TRUE;
      state->skip_depth = -1;
      if (empty)
        tmx_end_seg (state);
    }
  else if (g_str_equal (name, "prop") && state->in_tu)
    {
      g_free (state->prop_type);
      state->prop_type = (char *)xmlTextReaderGetAttribute (reader, BAD_CAST "type");
      g_string_truncate (state->prop, 0);
    }
  return TRUE;
}

/* An element's end. Returns FALSE with @error set for a bad one. */
static gboolean
tmx_end_element (TmxState   *state,
                 const char *name,
                 int         depth,
                 gsize       line,
                 GError    **error)
{
  if (state->in_seg)
    {
      if (state->skip_depth == depth)
        state->skip_depth = -1;
      else if (state->skip_depth < 0 && g_str_equal (name, "seg"))
        tmx_end_seg (state);
      return TRUE;
    }

  if (g_str_equal (name, "tu") && state->in_tu)
    {
      state->in_tu = FALSE;
      collector_add_unit (state->collector, state->texts, state->score, state->confirmed,
                          state->bookmarked);
    }
  else if (g_str_equal (name, "tuv"))
    state->column = -1;
  else if (g_str_equal (name, "prop"))
    {
      gboolean ok = tmx_end_prop (state);

      g_clear_pointer (&state->prop_type, g_free);
      if (!ok)
        {
          set_line_error (error, TRI_IO_ERROR_CORRUPT, state->collector->name, line,
                          _("a score (x-score) is not a finite number"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_tmx (GFile         *file,
          Collector     *collector,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  TmxInput input = { NULL, cancellable, NULL, 0, NULL, 0, 0, 0, 0, 0 };
  TmxState state = { collector, { NULL }, NULL, NULL, NULL, -1, FALSE, FALSE, -1, 1.0, FALSE, FALSE };
  xmlTextReader *reader;
  gboolean ok = TRUE, root = TRUE, any = FALSE;
  int ret;

  stream = tri_file_open_regular (file, collector->name, cancellable, error);
  if (stream == NULL)
    return FALSE;
  input.stream = stream;

  /* See the top for why these options and no others. */
  reader = xmlReaderForIO (tmx_read_cb, NULL, &input, uri, NULL, XML_PARSE_NONET);
  if (reader == NULL)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ, _("Cannot read “%s”: %s"), collector->name,
                   g_strerror (ENOMEM));
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, tmx_error_cb, &input);

  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    state.texts[k] = g_string_new (NULL);
  state.seg = g_string_new (NULL);
  state.prop = g_string_new (NULL);

  while (ok && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *)xmlTextReaderConstLocalName (reader);

      any = TRUE;
      switch (type)
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          if (dtd_declares_entities (reader))
            {
              set_line_error (error, TRI_IO_ERROR_UNSAFE, collector->name,
                              (gsize)xmlTextReaderGetParserLineNumber (reader),
                              _("its DOCTYPE declares entities, which Triptych does not read, for safety"));
              ok = FALSE;
            }
          break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
          set_line_error (error, TRI_IO_ERROR_UNSAFE, collector->name,
                          (gsize)xmlTextReaderGetParserLineNumber (reader),
                          _("it refers to an entity, which Triptych does not read, for safety"));
          ok = FALSE;
          break;
        case XML_READER_TYPE_ELEMENT:
          ok = tmx_start_element (&state, reader, name, depth, root, error);
          root = FALSE;
          break;
        case XML_READER_TYPE_END_ELEMENT:
          ok = tmx_end_element (&state, name, depth, (gsize)xmlTextReaderGetParserLineNumber (reader), error);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (state.in_seg && state.skip_depth < 0)
            g_string_append (state.seg, (const char *)xmlTextReaderConstValue (reader));
          else if (state.prop_type != NULL)
            g_string_append (state.prop, (const char *)xmlTextReaderConstValue (reader));
          break;
        default:
          break;
        }
    }

  if (ok && ret != 0)
    {
      ok = FALSE;
      if (input.too_many > 0)
        {
          g_autofree char *what = g_strdup_printf (_("an element has more than %u attributes"), MAX_ATTRIBUTES);

          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, input.too_many, what);
        }
      else if (g_error_matches (input.io_error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE))
        g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE, "“%s”: %s", collector->name,
                     input.io_error->message);
      else if (input.io_error != NULL)
        tri_set_read_error (error, input.io_error, collector->name);
      else if (input.n_read == 0)
        set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, 1, _("the file is empty"));
      else
        set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name,
                        input.xml_error != NULL ? (gsize)MAX (input.xml_line, 1)
                                                : (gsize)MAX (xmlTextReaderGetParserLineNumber (reader), 1),
                        input.xml_error != NULL ? input.xml_error : _("the file is damaged or cut short"));
    }
  else if (ok && !any)
    {
      ok = FALSE;
      set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, 1, _("the file is empty"));
    }

  xmlFreeTextReader (reader);
  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    g_string_free (state.texts[k], TRUE);
  g_string_free (state.seg, TRUE);
  g_string_free (state.prop, TRUE);
  g_free (state.prop_type);
  g_free (input.xml_error);
  g_clear_error (&input.io_error);
  return ok;
}

/* TSV, CSV, JSONL: read whole (their text ends up in memory anyway). */

static GBytes *
load_text (GFile         *file,
           const char    *name,
           GCancellable  *cancellable,
           gsize         *skip,
           GError       **error)
{
  g_autoptr(GBytes) bytes = tri_file_load_bytes (file, name, TRI_FILE_MAX_SIZE, cancellable, error);
  const char *data, *bad;
  gsize length;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
  *skip = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if ((bad = memchr (data, '\0', length)) != NULL)
    {
      gsize line = 1;

      for (const char *p = data; p < bad; p++)
        line += *p == '\n';
      set_line_error (error, TRI_IO_ERROR_BINARY, name, line, _("it holds a NUL byte: it is not a text file"));
      return NULL;
    }
  if (!g_utf8_validate_len (data + *skip, length - *skip, &bad))
    {
      gsize line = 1;

      for (const char *p = data; p < bad; p++)
        line += *p == '\n';
      set_line_error (error, TRI_IO_ERROR_ENCODING, name, line, _("the text is not valid UTF-8"));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* TSV's escapes undone: \t \n \r \\ (see tri-export.c); a backslash
 * before anything else stays as it is. */
static void
unescape_tsv (GString    *out,
              const char *field,
              gsize       length)
{
  g_string_truncate (out, 0);
  for (gsize i = 0; i < length; i++)
    {
      if (field[i] == '\\' && i + 1 < length)
        {
          char next = field[i + 1];

          if (next == 't' || next == 'n' || next == 'r' || next == '\\')
            {
              g_string_append_c (out, next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : '\\');
              i++;
              continue;
            }
        }
      g_string_append_c (out, field[i]);
    }
}

/* The next record of a TSV or CSV text as raw fields (TSV fields still
 * escaped), or NULL at the end; @line counts on. */
static GPtrArray *
next_record (TriExportFormat   format,
             const char      **cursor,
             const char       *end,
             gsize            *line,
             const char      **problem)
{
  const char *p = *cursor, *eol;
  GPtrArray *fields;
  gsize length;

  if (format == TRI_EXPORT_CSV)
    return tri_csv_parse_record (cursor, end, line, problem);

  *problem = NULL;
  if (p >= end)
    return NULL;
  eol = memchr (p, '\n', (gsize)(end - p));
  if (eol == NULL)
    eol = end;
  length = (gsize)(eol - p);
  if (length > 0 && p[length - 1] == '\r')
    length--;

  fields = g_ptr_array_new_with_free_func (g_free);
  for (const char *f = p; ; )
    {
      const char *tab = memchr (f, '\t', (gsize)(p + length - f));

      if (tab == NULL)
        {
          g_ptr_array_add (fields, g_strndup (f, (gsize)(p + length - f)));
          break;
        }
      g_ptr_array_add (fields, g_strndup (f, (gsize)(tab - f)));
      f = tab + 1;
    }
  *cursor = eol < end ? eol + 1 : end;
  (*line)++;
  return fields;
}

static gboolean
is_blank_record (GPtrArray *fields)
{
  return fields->len == 1 && ((char *)g_ptr_array_index (fields, 0))[0] == '\0';
}

static gboolean
read_table (GFile            *file,
            TriExportFormat   format,
            Collector        *collector,
            GCancellable     *cancellable,
            GError          **error)
{
  gsize skip, length, line = 1, record_line;
  g_autoptr(GBytes) bytes = load_text (file, collector->name, cancellable, &skip, error);
  g_autoptr(GPtrArray) header = NULL;
  GString *texts[TRI_MAX_COLUMNS] = { NULL };
  int columns[64];
  const char *cursor, *end;
  const char *problem;
  gboolean ok = TRUE;

  if (bytes == NULL)
    return FALSE;
  cursor = g_bytes_get_data (bytes, &length);
  cursor = (cursor != NULL ? cursor : "") + skip;
  end = cursor + (length - skip);

  header = next_record (format, &cursor, end, &line, &problem);
  if (header == NULL || is_blank_record (header))
    {
      set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, 1, _("the file is empty"));
      return FALSE;
    }
  if (problem != NULL)
    {
      set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, 1, problem);
      return FALSE;
    }
  if (header->len > G_N_ELEMENTS (columns))
    {
      set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, 1, _("the header has too many columns"));
      return FALSE;
    }
  for (guint i = 0; i < header->len; i++)
    {
      const char *code = g_ptr_array_index (header, i);

      if (strchr (code, '\r') != NULL)
        {
          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, 1,
                          _("its lines end in a carriage return alone; save it with LF or CRLF line ends"));
          return FALSE;
        }
      if (!tri_language_is_valid (code))
        {
          g_autofree char *shown = shown_code (code);
          g_autofree char *what = g_strdup_printf (_("the header must name each column’s language (en, ru, uk, …), not “%s”"), shown);

          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, 1, what);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (tri_language_same (g_ptr_array_index (header, j), code))
          {
            /* Translators: a language code, then two column numbers */
            g_autofree char *what = g_strdup_printf (_("the header names “%s” twice (columns %u and %u)"),
                                                     code, j + 1, i + 1);

            set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, 1, what);
            return FALSE;
          }
      columns[i] = collector_column (collector, code);
    }

  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    texts[k] = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;

      record_line = line;
      fields = next_record (format, &cursor, end, &line, &problem);
      if (fields == NULL)
        break;
      if (problem != NULL)
        {
          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, record_line, problem);
          ok = FALSE;
          break;
        }
      if (is_blank_record (fields) && header->len > 1)
        continue;
      if (fields->len > header->len)
        {
          /* Translators: the fields of a line, then of the header line */
          g_autofree char *what = g_strdup_printf (_("the line has more fields than the header (%u, not %u)"),
                                                   fields->len, header->len);

          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, record_line, what);
          ok = FALSE;
          break;
        }
      for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
        g_string_truncate (texts[k], 0);
      for (guint i = 0; i < fields->len; i++)
        {
          const char *field = g_ptr_array_index (fields, i);

          if (columns[i] < 0)
            continue;
          if (format == TRI_EXPORT_TSV)
            unescape_tsv (texts[columns[i]], field, strlen (field));
          else
            g_string_assign (texts[columns[i]], field);
        }
      collector_add_unit (collector, texts, 1.0, FALSE, FALSE);
    }

  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    g_string_free (texts[k], TRUE);
  return ok;
}

/* One JSONL object: either language code → text, or a row with "text". */
static gboolean
read_json_unit (Collector   *collector,
                JsonObject  *object,
                GString    **texts,
                gsize        line,
                GError     **error)
{
  JsonObject *source = object;
  JsonNode *text_node = json_object_get_member (object, "text");
  g_autoptr(GList) members = NULL;
  gboolean any = FALSE, confirmed = FALSE;
  double score = 1.0;
  JsonNode *node;

  if (text_node != NULL && JSON_NODE_HOLDS_OBJECT (text_node))
    source = json_node_get_object (text_node);

  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    g_string_truncate (texts[k], 0);

  members = json_object_get_members (source);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *code = l->data;
      int column;

      node = json_object_get_member (source, code);

      if (!tri_language_is_valid (code))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          /* The row format's "en": [0] (sentence numbers) beside "text". */
          if (source != object)
            {
              g_autofree char *what = g_strdup_printf (_("the text in “%s” is not a string"), code);

              set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, line, what);
              return FALSE;
            }
          continue;
        }
      any = TRUE;
      column = collector_column (collector, code);
      if (column >= 0)
        g_string_assign (texts[column], json_node_get_string (node));
    }

  if (!any)
    {
      set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, line,
                      _("the line holds no text in any language (objects of language code and text, "
                        "such as {\"en\": \"…\", \"ru\": \"…\"}, are expected)"));
      return FALSE;
    }

  node = json_object_get_member (object, "score");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64) ||
          !isfinite (score = json_node_get_double (node)))
        {
          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, line, _("“score” is not a number"));
          return FALSE;
        }
    }
  node = json_object_get_member (object, "confirmed");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, line, _("“confirmed” is not true or false"));
          return FALSE;
        }
      confirmed = json_node_get_boolean (node);
    }

  collector_add_unit (collector, texts, score, confirmed, FALSE);
  return TRUE;
}

static gboolean
read_jsonl (GFile         *file,
            Collector     *collector,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize skip, length, line = 0;
  g_autoptr(GBytes) bytes = load_text (file, collector->name, cancellable, &skip, error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GString *texts[TRI_MAX_COLUMNS];
  const char *cursor, *end;
  gboolean ok = TRUE;

  if (bytes == NULL)
    return FALSE;
  cursor = g_bytes_get_data (bytes, &length);
  cursor = (cursor != NULL ? cursor : "") + skip;
  end = cursor + (length - skip);

  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    texts[k] = g_string_new (NULL);

  while (ok && cursor < end)
    {
      const char *start = cursor;
      const char *eol = memchr (cursor, '\n', (gsize)(end - cursor));
      gsize n = (gsize)((eol != NULL ? eol : end) - start);
      g_autoptr(GError) local_error = NULL;
      gboolean blank = TRUE;
      JsonNode *root;

      line++;
      cursor = eol != NULL ? eol + 1 : end;
      for (gsize i = 0; i < n && blank; i++)
        blank = g_ascii_isspace (start[i]);
      if (blank)
        continue;

      if (!tri_json_parse (parser, start, n, &local_error))
        {
          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, line, local_error->message);
          ok = FALSE;
          break;
        }
      root = json_parser_get_root (parser);
      if (root == NULL)
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (root))
        {
          set_line_error (error, TRI_IO_ERROR_CORRUPT, collector->name, line, _("the line is not a JSON object"));
          ok = FALSE;
          break;
        }
      ok = read_json_unit (collector, json_node_get_object (root), texts, line, error);
    }

  for (guint k = 0; k < TRI_MAX_COLUMNS; k++)
    g_string_free (texts[k], TRUE);
  return ok;
}

static gboolean
read_any (GFile            *file,
          TriExportFormat   format,
          Collector        *collector,
          GCancellable     *cancellable,
          GError          **error)
{
  switch (format)
    {
    case TRI_EXPORT_TMX:
      return read_tmx (file, collector, cancellable, error);
    case TRI_EXPORT_TSV:
    case TRI_EXPORT_CSV:
      return read_table (file, format, collector, cancellable, error);
    case TRI_EXPORT_JSONL:
      return read_jsonl (file, collector, cancellable, error);
    case TRI_EXPORT_XLIFF:
    default:
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION,
                   _("Triptych cannot open %s files"), tri_export_format_get_id (format));
      return FALSE;
    }
}

/**
 * tri_import_list_languages:
 * @file: a TMX, TSV, CSV or JSONL file
 * @format: its format (see tri_export_format_for_filename())
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The languages a file holds, in the order they first come, as the file
 * spells them: for a window to ask which to open when there are more than
 * three. Reads the whole file (a TMX streams through without being kept).
 *
 * Returns: (transfer full) (nullable): the language codes
 */
char **
tri_import_list_languages (GFile            *file,
                           TriExportFormat   format,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  Collector collector;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  collector_init (&collector, name, NULL);
  collector.list_only = TRUE;
  ok = read_any (file, format, &collector, cancellable, error);
  for (guint i = 0; ok && i < collector.found->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (collector.found, i));
  collector_clear (&collector);
  return ok ? g_strv_builder_end (builder) : NULL;
}

/**
 * tri_import_load:
 * @file: a TMX, TSV, CSV or JSONL file
 * @format: its format (see tri_export_format_for_filename())
 * @languages: (nullable) (array zero-terminated=1): the languages to open,
 *   in this order (up to three); %NULL for every language the file holds,
 *   in the order they first come, which must be three at the most
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Reads aligned text into an alignment whose rows are the file's units
 * (see the top of tri-import.c).
 *
 * Returns: (transfer full) (nullable): the alignment
 */
TriAlignment *
tri_import_load (GFile              *file,
                 TriExportFormat     format,
                 const char * const *languages,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autofree char *name = NULL;
  TriAlignment *alignment = NULL;
  Collector collector;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    for (guint j = 0; j < i; j++)
      if (tri_language_same (languages[i], languages[j]))
        {
          g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_INVALID_OPTION,
                       _("“%s” is asked for twice: choose each language once"), languages[i]);
          return NULL;
        }
  collector_init (&collector, name, languages);
  if (read_any (file, format, &collector, cancellable, error))
    alignment = collector_finish (&collector, error);
  collector_clear (&collector);
  return alignment;
}

typedef struct
{
  GFile           *file;
  TriExportFormat  format;
  char           **languages;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->file);
  g_strfreev (data->languages);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  TriAlignment *alignment = tri_import_load (data->file, data->format, (const char * const *)data->languages,
                                             cancellable, &error);

  if (alignment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, alignment, g_object_unref);
}

/**
 * tri_import_load_async:
 * @file: a TMX, TSV, CSV or JSONL file
 * @format: its format
 * @languages: (nullable) (array zero-terminated=1): as for tri_import_load()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the alignment
 * @user_data: for @callback
 *
 * tri_import_load() in a thread.
 */
void
tri_import_load_async (GFile               *file,
                       TriExportFormat      format,
                       const char * const  *languages,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->format = format;
  data->languages = g_strdupv ((char **)languages);

  /* libxml2 wants its global state set up before threads use it. */
  tri_core_init ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_import_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * tri_import_load_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the alignment
 */
TriAlignment *
tri_import_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tri_import_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

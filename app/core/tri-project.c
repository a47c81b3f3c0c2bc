/* tri-project.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-project"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tri-error.h"
#include "tri-json.h"
#include "tri-language.h"
#include "tri-project.h"

/* A project (.triptych) holds everything needed to go on where the user
 * stopped, in JSON:
 *
 *   {
 *     "format": "triptych-project",
 *     "version": 1,
 *     "aligned": true,
 *     "documents": [
 *       { "language": "en", "title": "report.txt", "file": "file:///…/report.txt",
 *         "encoding": "windows-1251", "paragraph-mode": "blank-lines",
 *         "source-format": "pdf",            what the text was read from: html, docx,
 *                                            odt, pdf (optional; absent for text)
 *         "text": "…the text as decoded…",
 *         "sentences": [[start, end, paragraph], …] },      byte offsets into "text"
 *       …
 *     ],
 *     "rows": [
 *       { "cells": [[first, count], …], "score": 0.93, "confirmed": false, "bookmark": false },
 *       …
 *     ],
 *     "ignored-words": ["Hrytsenko", …]       words the spell checker leaves alone (optional)
 *     "dismissed-findings": ["quote-missing:9f2c…", …]
 *                                             check findings the user dismissed (optional)
 *   }
 *
 * The texts are kept whole, so a project opens without its source files and
 * keeps the user's edits. A reader refuses a newer "version" rather than
 * guess at it. */

#define FORMAT_NAME "triptych-project"

static const char * const mode_names[] = {
  [TRI_PARAGRAPH_BLANK_LINES] = "blank-lines",
  [TRI_PARAGRAPH_LINES] = "lines",
  [TRI_PARAGRAPH_PRESEGMENTED] = "presegmented",
};

static int
compare_words (const char **a,
               const char **b,
               gpointer     user_data)
{
  return strcmp (*a, *b);
}

/* What a project file holds, copied from the alignment on the main
 * thread in a few milliseconds, so that the JSON (200 ms for three
 * versions of 20,000 sentences) is written in a thread. */
typedef struct
{
  char          *language;
  char          *title;
  char          *uri;         /* or NULL */
  char          *encoding;
  TriParagraphMode mode;
  TriFormat      format;
  char          *text;
  GArray        *sentences;   /* TriSentence */
} SnapshotDocument;

struct _TriProjectSnapshot
{
  gboolean          aligned;
  guint             n_columns;
  SnapshotDocument  documents[TRI_MAX_COLUMNS];
  GArray           *rows;       /* TriBead */
  char            **ignored;    /* sorted */
  char            **dismissed;  /* sorted */
};

/* Sorted, so that saving twice writes the same file. */
static char **
dup_sorted_set (GHashTable *set)
{
  char **items = (char **)g_hash_table_get_keys_as_array (set, NULL);

  for (guint i = 0; items[i] != NULL; i++)
    items[i] = g_strdup (items[i]);
  g_qsort_with_data (items, (gint)g_hash_table_size (set), sizeof (char *),
                     (GCompareDataFunc)compare_words, NULL);
  return items;
}

/**
 * tri_project_snapshot_new:
 * @alignment: an alignment
 *
 * Copies what a project file holds of @alignment, for
 * tri_project_snapshot_serialize() in another thread.
 *
 * Returns: (transfer full): the snapshot
 */
TriProjectSnapshot *
tri_project_snapshot_new (TriAlignment *alignment)
{
  TriProjectSnapshot *snapshot;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);

  snapshot = g_new0 (TriProjectSnapshot, 1);
  snapshot->aligned = tri_alignment_get_aligned (alignment);
  snapshot->n_columns = MIN (tri_alignment_get_n_columns (alignment), TRI_MAX_COLUMNS);
  for (guint c = 0; c < snapshot->n_columns; c++)
    {
      TriDocument *doc = tri_alignment_get_document (alignment, c);
      SnapshotDocument *copy = &snapshot->documents[c];
      GFile *file = tri_document_get_file (doc);
      guint n = tri_document_get_n_sentences (doc);

      copy->language = g_strdup (tri_document_get_language (doc));
      copy->title = g_strdup (tri_document_get_title (doc));
      copy->uri = file != NULL ? g_file_get_uri (file) : NULL;
      copy->encoding = g_strdup (tri_document_get_encoding (doc));
      copy->mode = tri_document_get_paragraph_mode (doc);
      copy->format = tri_document_get_format (doc);
      copy->text = g_strdup (tri_document_get_text (doc));
      copy->sentences = g_array_sized_new (FALSE, FALSE, sizeof (TriSentence), n);
      for (guint i = 0; i < n; i++)
        g_array_append_vals (copy->sentences, tri_document_get_sentence (doc, i), 1);
    }
  snapshot->rows = tri_alignment_dup_rows (alignment);
  snapshot->ignored = dup_sorted_set (tri_alignment_get_ignored_words (alignment));
  snapshot->dismissed = dup_sorted_set (tri_alignment_get_dismissed (alignment));
  return snapshot;
}

/**
 * tri_project_snapshot_free:
 * @snapshot: (transfer full): a snapshot
 */
void
tri_project_snapshot_free (TriProjectSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (guint c = 0; c < snapshot->n_columns; c++)
    {
      SnapshotDocument *copy = &snapshot->documents[c];

      g_free (copy->language);
      g_free (copy->title);
      g_free (copy->uri);
      g_free (copy->encoding);
      g_free (copy->text);
      g_array_unref (copy->sentences);
    }
  g_array_unref (snapshot->rows);
  g_strfreev (snapshot->ignored);
  g_strfreev (snapshot->dismissed);
  g_free (snapshot);
}

static void
add_strings (JsonBuilder        *builder,
             const char         *name,
             const char * const *items)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; items[i] != NULL; i++)
    json_builder_add_string_value (builder, items[i]);
  json_builder_end_array (builder);
}

/**
 * tri_project_snapshot_serialize:
 * @snapshot: a snapshot
 *
 * Safe to call in any thread: it reads only @snapshot.
 *
 * Returns: (transfer full): the project as UTF-8 JSON
 */
GBytes *
tri_project_snapshot_serialize (const TriProjectSnapshot *snapshot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (snapshot != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, TRI_PROJECT_VERSION);
  json_builder_set_member_name (builder, "aligned");
  json_builder_add_boolean_value (builder, snapshot->aligned);

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint c = 0; c < snapshot->n_columns; c++)
    {
      const SnapshotDocument *doc = &snapshot->documents[c];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, doc->language);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, doc->title);
      if (doc->uri != NULL)
        {
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, doc->uri);
        }
      json_builder_set_member_name (builder, "encoding");
      json_builder_add_string_value (builder, doc->encoding);
      json_builder_set_member_name (builder, "paragraph-mode");
      json_builder_add_string_value (builder, mode_names[doc->mode]);
      /* Optional, so that older versions read the project as before. */
      if (doc->format != TRI_FORMAT_TEXT)
        {
          json_builder_set_member_name (builder, "source-format");
          json_builder_add_string_value (builder, tri_format_get_id (doc->format));
        }
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, doc->text);

      json_builder_set_member_name (builder, "sentences");
      json_builder_begin_array (builder);
      for (guint i = 0; i < doc->sentences->len; i++)
        {
          const TriSentence *s = &g_array_index (doc->sentences, TriSentence, i);

          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, (gint64)s->start);
          json_builder_add_int_value (builder, (gint64)s->end);
          json_builder_add_int_value (builder, s->paragraph);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < snapshot->rows->len; r++)
    {
      const TriBead *row = &g_array_index (snapshot->rows, TriBead, r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "cells");
      json_builder_begin_array (builder);
      for (guint c = 0; c < snapshot->n_columns; c++)
        {
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, row->first[c]);
          json_builder_add_int_value (builder, row->count[c]);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, row->score);
      json_builder_set_member_name (builder, "confirmed");
      json_builder_add_boolean_value (builder, row->fixed);
      json_builder_set_member_name (builder, "bookmark");
      json_builder_add_boolean_value (builder, row->bookmarked);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_strings (builder, "ignored-words", (const char * const *)snapshot->ignored);
  add_strings (builder, "dismissed-findings", (const char * const *)snapshot->dismissed);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/**
 * tri_project_serialize:
 * @alignment: an alignment
 *
 * Returns: (transfer full): the project as UTF-8 JSON
 */
GBytes *
tri_project_serialize (TriAlignment *alignment)
{
  g_autoptr(TriProjectSnapshot) snapshot = NULL;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);

  snapshot = tri_project_snapshot_new (alignment);
  return tri_project_snapshot_serialize (snapshot);
}

/* Reading: every member checked, so that a damaged file is an error,
 * never a crash or a half-read project. */

typedef struct
{
  const char  *name;
  GError     **error;
  gboolean     failed;
} Reader;

static void
corrupt (Reader     *reader,
         const char *what)
{
  if (!reader->failed)
    g_set_error (reader->error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                 /* Translators: the first %s is a file name, the second what is wrong */
                 _("“%s” is not a valid Triptych project: %s"), reader->name, what);
  reader->failed = TRUE;
}

static JsonNode *
member (Reader     *reader,
        JsonObject *object,
        const char *name,
        JsonNodeType type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_TYPE (node) != type)
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is missing or of the wrong kind"), name);
      corrupt (reader, what);
      return NULL;
    }
  return node;
}

static const char *
string_member (Reader     *reader,
               JsonObject *object,
               const char *name)
{
  JsonNode *node = member (reader, object, name, JSON_NODE_VALUE);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      if (node != NULL)
        corrupt (reader, _("a text field holds something else"));
      return NULL;
    }
  return json_node_get_string (node);
}

/* An optional value of @type (a number is G_TYPE_DOUBLE, an integer
 * taken as one): %NULL and TRUE when absent, %NULL and FALSE (the reader
 * failed) when of another kind. */
static JsonNode *
optional_value (Reader     *reader,
                JsonObject *object,
                const char *name,
                GType       type,
                gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, name);
  GType found;

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  found = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (found == type || (type == G_TYPE_DOUBLE && found == G_TYPE_INT64))
    return node;

  *ok = FALSE;
  {
    g_autofree char *what = g_strdup_printf (_("“%s” is missing or of the wrong kind"), name);

    corrupt (reader, what);
  }
  return NULL;
}

/* An optional number, finite (NaN would be written back as invalid JSON);
 * @value is left as it is when the member is absent. */
static gboolean
optional_number (Reader     *reader,
                 JsonObject *object,
                 const char *name,
                 double     *value)
{
  gboolean ok;
  JsonNode *node = optional_value (reader, object, name, G_TYPE_DOUBLE, &ok);

  if (node != NULL && !isfinite (json_node_get_double (node)))
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is missing or of the wrong kind"), name);

      corrupt (reader, what);
      return FALSE;
    }
  if (node != NULL)
    *value = json_node_get_double (node);
  return ok;
}

/* An optional true or false. */
static gboolean
optional_boolean (Reader     *reader,
                  JsonObject *object,
                  const char *name,
                  gboolean   *value)
{
  gboolean ok;
  JsonNode *node = optional_value (reader, object, name, G_TYPE_BOOLEAN, &ok);

  if (node != NULL)
    *value = json_node_get_boolean (node);
  return ok;
}

/* An optional array of strings, given to @set. */
static gboolean
read_string_set (Reader       *reader,
                 JsonObject   *object,
                 const char   *name,
                 const char   *not_a_string,
                 TriAlignment *alignment,
                 void        (*set) (TriAlignment *, const char * const *))
{
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  JsonNode *node;
  JsonArray *array;

  if (!json_object_has_member (object, name))
    return TRUE;
  node = member (reader, object, name, JSON_NODE_ARRAY);
  if (node == NULL)
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_TYPE (item) != JSON_NODE_VALUE || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          corrupt (reader, not_a_string);
          return FALSE;
        }
      g_strv_builder_add (items, json_node_get_string (item));
    }
  list = g_strv_builder_end (items);
  set (alignment, (const char * const *)list);
  return TRUE;
}

/* A non-negative integer that fits a guint. */
static gboolean
get_index (JsonArray *array,
           guint      i,
           guint     *out)
{
  JsonNode *node = json_array_get_element (array, i);
  gint64 value;

  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT)
    return FALSE;
  *out = (guint)value;
  return TRUE;
}

static TriDocument *
read_document (Reader     *reader,
               JsonObject *object)
{
  const char *language = string_member (reader, object, "language");
  const char *text = string_member (reader, object, "text");
  JsonNode *sentences_node = member (reader, object, "sentences", JSON_NODE_ARRAY);
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GFile) file = NULL;
  TriParagraphMode mode = TRI_PARAGRAPH_BLANK_LINES;
  TriFormat format = TRI_FORMAT_TEXT;
  const char *encoding = NULL;
  JsonArray *array;
  TriDocument *doc;

  if (reader->failed)
    return NULL;
  if (!tri_language_is_valid (language))
    {
      corrupt (reader, _("a text’s language is not a language code"));
      return NULL;
    }

  if (json_object_has_member (object, "file"))
    {
      const char *uri = string_member (reader, object, "file");
      if (uri != NULL)
        file = g_file_new_for_uri (uri);
    }
  if (json_object_has_member (object, "encoding"))
    encoding = string_member (reader, object, "encoding");
  if (json_object_has_member (object, "paragraph-mode"))
    {
      const char *name = string_member (reader, object, "paragraph-mode");

      for (guint m = 0; name != NULL && m < G_N_ELEMENTS (mode_names); m++)
        if (g_str_equal (name, mode_names[m]))
          mode = (TriParagraphMode)m;
    }
  /* A format a newer Triptych reads is still text here. */
  if (json_object_has_member (object, "source-format"))
    {
      const char *id = string_member (reader, object, "source-format");

      if (id != NULL && !tri_format_from_id (id, &format))
        format = TRI_FORMAT_TEXT;
    }
  if (reader->failed)
    return NULL;

  array = json_node_get_array (sentences_node);
  sentences = g_array_sized_new (FALSE, FALSE, sizeof (TriSentence), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *triple;
      guint start, end, paragraph;
      TriSentence s;

      if (JSON_NODE_TYPE (node) != JSON_NODE_ARRAY ||
          json_array_get_length (triple = json_node_get_array (node)) != 3 ||
          !get_index (triple, 0, &start) || !get_index (triple, 1, &end) ||
          !get_index (triple, 2, &paragraph))
        {
          corrupt (reader, _("a sentence is not [start, end, paragraph]"));
          return NULL;
        }
      s.start = start;
      s.end = end;
      s.paragraph = paragraph;
      g_array_append_val (sentences, s);
    }

  {
    g_autoptr(GError) local_error = NULL;

    doc = tri_document_new_from_parts (text, language, mode,
                                       (const TriSentence *)(gpointer)sentences->data, sentences->len,
                                       file, encoding, &local_error);
    if (doc == NULL)
      {
        corrupt (reader, local_error->message);
        return NULL;
      }
  }

  if (json_object_has_member (object, "title"))
    {
      const char *title = string_member (reader, object, "title");
      if (title != NULL)
        tri_document_set_title (doc, title);
    }
  tri_document_set_format (doc, format);

  return doc;
}

/**
 * tri_project_deserialize:
 * @bytes: a project's bytes
 * @display_name: its name in messages
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Returns: (transfer full) (nullable): the alignment, with its documents
 */
TriAlignment *
tri_project_deserialize (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TriAlignment) alignment = NULL;
  g_autoptr(GArray) rows = NULL;
  TriDocument *documents[TRI_MAX_COLUMNS] = { NULL };
  Reader reader = { display_name, error, FALSE };
  JsonObject *root;
  JsonNode *node;
  JsonArray *docs_array, *rows_array;
  const char *format;
  guint n = 0;
  gboolean aligned = TRUE;
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  if (!tri_json_parse (parser, data, length, &local_error))
    {
      corrupt (&reader, local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    {
      corrupt (&reader, _("it is not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  format = string_member (&reader, root, "format");
  if (format == NULL || !g_str_equal (format, FORMAT_NAME))
    {
      corrupt (&reader, _("it is not a Triptych project"));
      return NULL;
    }

  node = member (&reader, root, "version", JSON_NODE_VALUE);
  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    {
      corrupt (&reader, _("its version is not a number"));
      return NULL;
    }
  if (json_node_get_int (node) > TRI_PROJECT_VERSION)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Triptych (project format %d; this version reads up to %d)"),
                   display_name, (int)MIN (json_node_get_int (node), G_MAXINT), TRI_PROJECT_VERSION);
      return NULL;
    }

  node = member (&reader, root, "documents", JSON_NODE_ARRAY);
  if (node == NULL)
    return NULL;
  docs_array = json_node_get_array (node);
  if (json_array_get_length (docs_array) < 1 || json_array_get_length (docs_array) > TRI_MAX_COLUMNS)
    {
      corrupt (&reader, _("it must hold one to three texts"));
      return NULL;
    }

  for (n = 0; n < json_array_get_length (docs_array); n++)
    {
      JsonNode *doc_node = json_array_get_element (docs_array, n);

      if (JSON_NODE_TYPE (doc_node) != JSON_NODE_OBJECT)
        corrupt (&reader, _("a text is not an object"));
      else
        documents[n] = read_document (&reader, json_node_get_object (doc_node));
      for (guint c = 0; !reader.failed && c < n; c++)
        if (tri_language_same (tri_document_get_language (documents[c]),
                               tri_document_get_language (documents[n])))
          corrupt (&reader, _("two texts have the same language"));
      if (reader.failed)
        goto fail;
    }

  node = member (&reader, root, "rows", JSON_NODE_ARRAY);
  if (node == NULL)
    goto fail;
  rows_array = json_node_get_array (node);
  rows = g_array_sized_new (FALSE, TRUE, sizeof (TriBead), json_array_get_length (rows_array));

  for (guint r = 0; r < json_array_get_length (rows_array); r++)
    {
      JsonNode *row_node = json_array_get_element (rows_array, r);
      JsonObject *row;
      JsonNode *cells_node;
      JsonArray *cells;
      TriBead bead = { { 0 }, { 0 }, 1.0, FALSE, FALSE };

      if (JSON_NODE_TYPE (row_node) != JSON_NODE_OBJECT)
        {
          corrupt (&reader, _("a row is not an object"));
          goto fail;
        }
      row = json_node_get_object (row_node);
      cells_node = member (&reader, row, "cells", JSON_NODE_ARRAY);
      if (cells_node == NULL)
        goto fail;
      cells = json_node_get_array (cells_node);
      if (json_array_get_length (cells) != n)
        {
          corrupt (&reader, _("a row does not have one cell per text"));
          goto fail;
        }
      for (guint c = 0; c < n; c++)
        {
          JsonNode *cell = json_array_get_element (cells, c);
          JsonArray *pair;

          if (JSON_NODE_TYPE (cell) != JSON_NODE_ARRAY ||
              json_array_get_length (pair = json_node_get_array (cell)) != 2 ||
              !get_index (pair, 0, &bead.first[c]) || !get_index (pair, 1, &bead.count[c]))
            {
              corrupt (&reader, _("a cell is not [first, count]"));
              goto fail;
            }
        }
      if (!optional_number (&reader, row, "score", &bead.score) ||
          !optional_boolean (&reader, row, "confirmed", &bead.fixed) ||
          !optional_boolean (&reader, row, "bookmark", &bead.bookmarked))
        goto fail;
      bead.score = CLAMP (bead.score, 0.0, 1.0);
      g_array_append_val (rows, bead);
    }

  if (!optional_boolean (&reader, root, "aligned", &aligned))
    goto fail;
  alignment = tri_alignment_new (documents, n);
  tri_alignment_restore (alignment, rows, aligned);

  if (!tri_alignment_check (alignment, &local_error))
    {
      corrupt (&reader, local_error->message);
      goto fail;
    }

  if (!read_string_set (&reader, root, "ignored-words", _("an ignored word is not a string"),
                        alignment, tri_alignment_set_ignored_words) ||
      !read_string_set (&reader, root, "dismissed-findings", _("a dismissed finding is not a string"),
                        alignment, tri_alignment_set_dismissed))
    goto fail;

  for (guint c = 0; c < n; c++)
    g_clear_object (&documents[c]);
  return g_steal_pointer (&alignment);

fail:
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    g_clear_object (&documents[c]);
  return NULL;
}

/**
 * tri_project_save:
 * @alignment: an alignment
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves atomically: the file is written beside the old one and renamed
 * over it, so a crash or a full disk never leaves half a project.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_save (TriAlignment  *alignment,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = tri_project_serialize (alignment);
  data = g_bytes_get_data (bytes, &length);

  return tri_file_replace_contents (file, data, length, G_FILE_CREATE_NONE, cancellable, error);
}

/**
 * tri_project_load:
 * @file: a project file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the alignment
 */
TriAlignment *
tri_project_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = tri_file_load_bytes (file, name, TRI_FILE_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return tri_project_deserialize (bytes, name, error);
}

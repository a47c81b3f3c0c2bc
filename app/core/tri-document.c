/* tri-document.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-core.h"
#include "tri-document-private.h"
#include "tri-error.h"
#include "tri-language.h"
#include "tri-text-source.h"

/* One version of the report: its decoded text, where it came from, its
 * language, and its paragraphs and sentences as byte spans of the text. */
struct _TriDocument
{
  GObject           parent_instance;

  GFile            *file;
  char             *title;
  char             *text;
  gsize             length;
  char             *encoding;
  gboolean          encoding_detected;
  char             *language;
  gboolean          language_guessed;
  TriFormat         format;        /* what the text was read from */
  TriParagraphMode  mode;
  GArray           *removed;     /* TriRemovedChar */
  GArray           *paragraphs;  /* TriSpan */
  GArray           *sentences;   /* TriSentence */
};

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_TITLE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (TriDocument, tri_document, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static const char * const sample_languages[] = { "en", "ru", "uk", NULL };

static void
tri_document_finalize (GObject *object)
{
  TriDocument *self = (TriDocument *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->removed, g_array_unref);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);

  G_OBJECT_CLASS (tri_document_parent_class)->finalize (object);
}

static void
tri_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TriDocument *self = TRI_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TriDocument *self = TRI_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      tri_document_set_language (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      tri_document_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_document_class_init (TriDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_document_finalize;
  object_class->get_property = tri_document_get_property;
  object_class->set_property = tri_document_set_property;

  /**
   * TriDocument:language:
   *
   * The language code of the text. Setting it segments the text again
   * with that language's rules.
   */
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TriDocument:title:
   *
   * What the user calls this version: the file's name, or "Sample report".
   */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tri_document_init (TriDocument *self)
{
}

/**
 * tri_fold_whitespace_map:
 * @text: text
 * @length: its length in bytes, or -1
 * @map: (nullable) (element-type gsize): set to where each byte of @text
 *   (and its end) went in the folded text: a byte of folded white space
 *   goes where the space that replaces it starts
 *
 * Returns: (transfer full): @text with runs of white space (not no-break
 *   spaces) folded into one space, none at either end
 */
char *
tri_fold_whitespace_map (const char *text,
                         gssize      length,
                         GArray     *map)
{
  GString *out;
  const char *end;
  gboolean space = FALSE;

  if (length < 0)
    length = (gssize)strlen (text);
  end = text + length;
  out = g_string_sized_new ((gsize)length);
  if (map != NULL)
    g_array_set_size (map, 0);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gsize at = out->len + (space && !g_unichar_isspace (ch) ? 1 : 0);

      for (const char *q = p; map != NULL && q < g_utf8_next_char (p); q++)
        g_array_append_val (map, at);

      if (g_unichar_isspace (ch) && ch != 0x00A0 && ch != 0x202F)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (map != NULL)
    g_array_append_val (map, out->len);

  return g_string_free (out, FALSE);
}

/**
 * tri_fold_whitespace:
 * @text: UTF-8 text
 * @length: its length, or -1
 *
 * Returns: (transfer full): @text with every run of white space (line
 *   breaks included) folded to one space, and none at either end
 */
/* The white space tri_fold_whitespace_map() folds at @p (@len set to
 * its length), or 0. ASCII first: most text is. */
static inline gboolean
folded_space_at (const char *p,
                 gsize      *len)
{
  guchar b = (guchar)*p;
  gunichar ch;

  if (b < 0x80)
    {
      *len = 1;
      /* What g_unichar_isspace() says of ASCII (no \v). */
      return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
    }
  *len = (gsize)g_utf8_skip[b];
  /* Unicode's spaces and line and paragraph separators outside ASCII all
   * start with E1, E2 or E3 (U+1680, U+2000–U+200A, U+2028, U+2029,
   * U+205F, U+3000); the no-break spaces (U+00A0, U+202F) stay. */
  if (b < 0xE1 || b > 0xE3)
    return FALSE;
  ch = g_utf8_get_char (p);
  return g_unichar_isspace (ch) && ch != 0x00A0 && ch != 0x202F;
}

char *
tri_fold_whitespace (const char *text,
                     gssize      length)
{
  GString *out;
  const char *p, *end;

  /* tri_fold_whitespace_map() without the map, a run of words (and the
   * single spaces between them) at a time: four times faster, and the
   * aligner folds every sentence of every version before it starts. */
  if (length < 0)
    length = (gssize)strlen (text);
  end = text + length;
  out = g_string_sized_new ((gsize)length);
  for (p = text; p < end;)
    {
      const char *run = p;
      gboolean folded = FALSE;
      gsize len;

      while (p < end)
        {
          if (!folded_space_at (p, &len))
            p += len;
          /* a lone ASCII space inside the run stays as it is */
          else if (*p == ' ' && p > run && p + 1 < end && !folded_space_at (p + 1, &len))
            p++;
          else
            break;
        }
      p = MIN (p, end);
      if (p > run)
        g_string_append_len (out, run, p - run);
      while (p < end && folded_space_at (p, &len))
        {
          p += len;
          folded = TRUE;
        }
      if (folded && p < end && out->len > 0)
        g_string_append_c (out, ' ');
    }

  return g_string_free (out, FALSE);
}

static gboolean
line_is_blank (const char *line,
               const char *end)
{
  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * tri_split_paragraphs:
 * @text: UTF-8 text with LF line ends
 * @length: its length in bytes
 * @mode: what separates paragraphs
 *
 * Returns: (transfer full) (element-type TriSpan): the paragraphs: runs of
 *   non-blank lines (or single lines), from the first line's start to the
 *   last line's end
 */
GArray *
tri_split_paragraphs (const char       *text,
                      gsize             length,
                      TriParagraphMode  mode)
{
  GArray *paragraphs = g_array_new (FALSE, FALSE, sizeof (TriSpan));
  const char *end = text + length;
  const char *line = text;
  TriSpan current = { 0, 0 };
  gboolean open = FALSE;

  while (line < end)
    {
      const char *eol = memchr (line, '\n', (gsize)(end - line));
      const char *next;

      if (eol == NULL)
        eol = end;
      next = eol < end ? eol + 1 : end;

      if (line_is_blank (line, eol))
        {
          if (open)
            g_array_append_val (paragraphs, current);
          open = FALSE;
        }
      else if (mode == TRI_PARAGRAPH_LINES || !open)
        {
          if (open)
            g_array_append_val (paragraphs, current);
          current.start = (gsize)(line - text);
          current.end = (gsize)(eol - text);
          open = TRUE;
        }
      else
        current.end = (gsize)(eol - text);

      line = next;
    }

  if (open)
    g_array_append_val (paragraphs, current);

  return paragraphs;
}

/* Presegmented text: a sentence per non-blank line, trimmed. */
static GArray *
split_lines (const char    *text,
             const GArray  *paragraphs)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (TriSentence));

  for (guint p = 0; p < paragraphs->len; p++)
    {
      const TriSpan *span = &g_array_index (paragraphs, TriSpan, p);
      gsize line = span->start;

      while (line < span->end)
        {
          const char *eol = memchr (text + line, '\n', span->end - line);
          gsize end = eol != NULL ? (gsize)(eol - text) : span->end;
          TriSentence sentence = { line, end, p };

          while (sentence.start < sentence.end && g_ascii_isspace (text[sentence.start]))
            sentence.start++;
          while (sentence.end > sentence.start && g_ascii_isspace (text[sentence.end - 1]))
            sentence.end--;
          if (sentence.end > sentence.start)
            g_array_append_val (sentences, sentence);
          line = end + 1;
        }
    }

  return sentences;
}

static void
segment (TriDocument *self)
{
  TriSegmenter *segmenter;

  g_clear_pointer (&self->sentences, g_array_unref);

  if (self->mode == TRI_PARAGRAPH_PRESEGMENTED)
    {
      self->sentences = split_lines (self->text, self->paragraphs);
      return;
    }

  segmenter = tri_segmenter_get_for_language (self->language);
  self->sentences = tri_segmenter_split (segmenter, self->text,
                                         (const TriSpan *)(gpointer)self->paragraphs->data,
                                         self->paragraphs->len);
}

static TriDocument *
document_new_take (char             *text,
                   gsize             length,
                   const char       *language,
                   const char       *hint,
                   TriParagraphMode  mode)
{
  TriDocument *self = g_object_new (TRI_TYPE_DOCUMENT, NULL);
  g_autofree char *guess = NULL;

  self->text = text;
  self->length = length;
  self->mode = mode;
  self->encoding = g_strdup ("UTF-8");
  self->removed = g_array_new (FALSE, FALSE, sizeof (TriRemovedChar));

  if (language == NULL)
    {
      guess = tri_language_guess_with_hint (text, (gssize)length, hint);
      language = guess;
      self->language_guessed = TRUE;
    }
  /* Text without letters (or none at all) is segmented by the root rules. */
  self->language = g_strdup (language != NULL ? language : "und");

  self->paragraphs = tri_split_paragraphs (self->text, self->length,
                                           mode == TRI_PARAGRAPH_PRESEGMENTED ? TRI_PARAGRAPH_BLANK_LINES : mode);
  segment (self);

  return self;
}

/**
 * tri_document_new:
 * @text: UTF-8 text with LF line ends
 * @language: (nullable): its language code, or %NULL to guess it
 * @mode: what separates paragraphs
 *
 * Returns: (transfer full): a segmented document holding a copy of @text
 */
TriDocument *
tri_document_new (const char       *text,
                  const char       *language,
                  TriParagraphMode  mode)
{
  g_return_val_if_fail (text != NULL, NULL);

  return document_new_take (g_strdup (text), strlen (text), language, NULL, mode);
}

/**
 * tri_document_load:
 * @file: a text file
 * @encoding: (nullable): its encoding, or %NULL to detect it
 * @language: (nullable): its language, or %NULL to guess it
 * @mode: what separates paragraphs
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError (%TRI_IO_ERROR)
 *
 * Reads, decodes and segments a report. Blocking.
 *
 * Returns: (transfer full) (nullable): the document
 */
static TriDocument *
load (GFile             *file,
      const char        *encoding,
      const char        *language,
      TriParagraphMode   mode,
      int               *stage,
      GCancellable      *cancellable,
      GError           **error)
{
  g_autoptr(TriDecodedText) decoded = NULL;
  TriDocument *self;

  decoded = tri_text_source_load_file (file, encoding, cancellable, error);
  if (decoded == NULL)
    return NULL;

  if (stage != NULL)
    g_atomic_int_set (stage, TRI_LOAD_SPLITTING);

  self = document_new_take (g_steal_pointer (&decoded->text), decoded->length, language,
                            decoded->language, mode);
  self->file = g_object_ref (file);
  self->title = g_file_get_basename (file);
  g_free (self->encoding);
  self->encoding = g_steal_pointer (&decoded->encoding);
  self->encoding_detected = decoded->detected;
  self->format = (TriFormat)decoded->format;
  g_array_unref (self->removed);
  self->removed = g_steal_pointer (&decoded->removed);

  return self;
}

TriDocument *
tri_document_load (GFile             *file,
                   const char        *encoding,
                   const char        *language,
                   TriParagraphMode   mode,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load (file, encoding, language, mode, NULL, cancellable, error);
}

typedef struct
{
  GFile            *file;
  char             *encoding;
  char             *language;
  TriParagraphMode  mode;
  int              *stage;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->encoding);
  g_free (data->language);
  g_free (data);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  TriDocument *document;

  document = load (data->file, data->encoding, data->language, data->mode, data->stage,
                   cancellable, &error);
  if (data->stage != NULL)
    g_atomic_int_set (data->stage, TRI_LOAD_DONE);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * tri_document_load_async:
 * @file: a text file
 * @encoding: (nullable): its encoding, or %NULL to detect it
 * @language: (nullable): its language, or %NULL to guess it
 * @mode: what separates paragraphs
 * @stage: (nullable) (out caller-allocates): where the worker thread
 *   writes (with g_atomic_int_set()) the #TriLoadStage it reached; it must
 *   stay valid until @callback runs. Read it with g_atomic_int_get().
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Reads, decodes and segments a report in a worker thread.
 */
void
tri_document_load_async (GFile               *file,
                         const char          *encoding,
                         const char          *language,
                         TriParagraphMode     mode,
                         int                 *stage,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->encoding = g_strdup (encoding);
  data->language = g_strdup (language);
  data->mode = mode;
  data->stage = stage;
  if (stage != NULL)
    g_atomic_int_set (stage, TRI_LOAD_READING);

  /* libxml2's global state, before the thread parses. */
  tri_core_init ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_worker);
}

/**
 * tri_document_load_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document
 */
TriDocument *
tri_document_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tri_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tri_document_get_sample_languages:
 *
 * Returns: (transfer none): the languages of the bundled sample report
 */
const char * const *
tri_document_get_sample_languages (void)
{
  return sample_languages;
}

/**
 * tri_document_new_sample:
 * @language: one of tri_document_get_sample_languages()
 *
 * The bundled sample report in @language.
 *
 * Returns: (transfer full): the document
 */
TriDocument *
tri_document_new_sample (const char *language)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TriDocument *self;
  gsize length;
  const char *data;

  g_return_val_if_fail (g_strv_contains (sample_languages, language), NULL);

  tri_core_init ();

  path = g_strdup_printf (RESOURCE_BASE "/sample/sample-%s.txt", language);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* The sample is compiled in: missing, it is a build error. */
  if (bytes == NULL)
    g_error ("The sample report is missing: %s", error->message);

  data = g_bytes_get_data (bytes, &length);
  self = document_new_take (g_strndup (data, length), length, language, NULL,
                            TRI_PARAGRAPH_BLANK_LINES);
  self->title = g_strdup (_("Sample report"));

  return self;
}

/**
 * tri_document_new_from_parts:
 * @text: the document's UTF-8 text
 * @language: its language code
 * @mode: what separated its paragraphs when it was read
 * @sentences: (array length=n_sentences): its sentences, as saved
 * @n_sentences: their number
 * @file: (nullable): the file it was read from
 * @encoding: (nullable): the encoding it was read in
 * @error: return location for a #GError (%TRI_IO_ERROR_CORRUPT)
 *
 * A document as a project saved it: its sentences are taken as they are,
 * not split again (the user may have fixed them). They must lie in the
 * text, in order, without overlapping, on character boundaries.
 *
 * Returns: (transfer full) (nullable): the document
 */
TriDocument *
tri_document_new_from_parts (const char         *text,
                             const char         *language,
                             TriParagraphMode    mode,
                             const TriSentence  *sentences,
                             guint               n_sentences,
                             GFile              *file,
                             const char         *encoding,
                             GError            **error)
{
  TriDocument *self;
  gsize length;
  gsize end = 0;
  guint paragraph = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  length = strlen (text);
  if (!g_utf8_validate (text, (gssize)length, NULL))
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT, _("a text is not valid UTF-8"));
      return NULL;
    }

  for (guint i = 0; i < n_sentences; i++)
    {
      const TriSentence *s = &sentences[i];

      if (s->start < end || s->end <= s->start || s->end > length ||
          (i > 0 && s->paragraph < paragraph) ||
          /* Every paragraph holds a sentence: no more paragraphs than
           * sentences (a damaged index would add billions). */
          s->paragraph > i ||
          ((guchar)text[s->start] & 0xC0) == 0x80 ||
          (s->end < length && ((guchar)text[s->end] & 0xC0) == 0x80))
        {
          g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                       _("sentence %u of a text lies outside it or out of order"), i + 1);
          return NULL;
        }
      end = s->end;
      paragraph = s->paragraph;
    }

  self = g_object_new (TRI_TYPE_DOCUMENT, NULL);
  self->text = g_strdup (text);
  self->length = length;
  self->mode = mode;
  self->language = g_strdup (language);
  self->encoding = g_strdup (encoding != NULL ? encoding : "UTF-8");
  self->removed = g_array_new (FALSE, FALSE, sizeof (TriRemovedChar));
  self->sentences = g_array_sized_new (FALSE, FALSE, sizeof (TriSentence), n_sentences);
  g_array_append_vals (self->sentences, sentences, n_sentences);
  if (file != NULL)
    {
      self->file = g_object_ref (file);
      self->title = g_file_get_basename (file);
    }

  /* Paragraphs: from the first to the last sentence of each. */
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (TriSpan));
  for (guint i = 0; i < n_sentences; i++)
    {
      const TriSentence *s = &sentences[i];

      while (self->paragraphs->len <= s->paragraph)
        {
          TriSpan span = { s->start, s->end };
          g_array_append_val (self->paragraphs, span);
        }
      g_array_index (self->paragraphs, TriSpan, s->paragraph).end = s->end;
    }

  return self;
}

/**
 * tri_document_get_file:
 * @self: a #TriDocument
 *
 * Returns: (transfer none) (nullable): the file the text came from
 */
GFile *
tri_document_get_file (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
tri_document_get_title (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);

  return self->title != NULL ? self->title : "";
}

void
tri_document_set_title (TriDocument *self,
                        const char  *title)
{
  g_return_if_fail (TRI_IS_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
tri_document_get_text (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);

  return self->text;
}

gsize
tri_document_get_length (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), 0);

  return self->length;
}

/**
 * tri_document_get_encoding:
 * @self: a #TriDocument
 *
 * Returns: the encoding the text was read in
 */
const char *
tri_document_get_encoding (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);

  return self->encoding;
}

/**
 * tri_document_get_encoding_detected:
 * @self: a #TriDocument
 *
 * Returns: whether the encoding was detected rather than given
 */
gboolean
tri_document_get_encoding_detected (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), FALSE);

  return self->encoding_detected;
}

const char *
tri_document_get_language (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);

  return self->language;
}

/**
 * tri_document_get_language_guessed:
 * @self: a #TriDocument
 *
 * Returns: whether the language was guessed from the text, not given
 */
gboolean
tri_document_get_language_guessed (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), FALSE);

  return self->language_guessed;
}

/**
 * tri_document_set_language:
 * @self: a #TriDocument
 * @language: a language code
 *
 * Sets the language and segments the text again by its rules.
 */
void
tri_document_set_language (TriDocument *self,
                           const char  *language)
{
  g_return_if_fail (TRI_IS_DOCUMENT (self));
  g_return_if_fail (language != NULL);

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  self->language_guessed = FALSE;
  segment (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
}

TriParagraphMode
tri_document_get_paragraph_mode (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), TRI_PARAGRAPH_BLANK_LINES);

  return self->mode;
}

guint
tri_document_get_n_paragraphs (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), 0);

  return self->paragraphs->len;
}

const TriSpan *
tri_document_get_paragraph (TriDocument *self,
                            guint        index)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);

  return &g_array_index (self->paragraphs, TriSpan, index);
}

guint
tri_document_get_n_sentences (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), 0);

  return self->sentences->len;
}

const TriSentence *
tri_document_get_sentence (TriDocument *self,
                           guint        index)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);

  return &g_array_index (self->sentences, TriSentence, index);
}

/**
 * tri_document_dup_sentence_text:
 * @self: a #TriDocument
 * @index: a sentence index
 *
 * Returns: (transfer full): the sentence with its white space folded
 */
char *
tri_document_dup_sentence_text (TriDocument *self,
                                guint        index)
{
  const TriSentence *sentence = tri_document_get_sentence (self, index);

  g_return_val_if_fail (sentence != NULL, NULL);

  return tri_fold_whitespace (self->text + sentence->start, (gssize)(sentence->end - sentence->start));
}

/**
 * tri_document_get_removed_chars:
 * @self: a #TriDocument
 *
 * Returns: (transfer none) (element-type TriRemovedChar): the zero-width
 *   characters removed on import, with where they stood
 */
const GArray *
tri_document_get_removed_chars (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);

  return self->removed;
}

/**
 * tri_document_get_format:
 * @self: a #TriDocument
 *
 * Returns: the format of the file the text was read from
 */
TriFormat
tri_document_get_format (TriDocument *self)
{
  g_return_val_if_fail (TRI_IS_DOCUMENT (self), TRI_FORMAT_TEXT);

  return self->format;
}

/**
 * tri_document_set_format:
 * @self: a #TriDocument
 * @format: the format of the file the text came from
 *
 * For a document rebuilt from a project, or pasted.
 */
void
tri_document_set_format (TriDocument *self,
                         TriFormat    format)
{
  g_return_if_fail (TRI_IS_DOCUMENT (self));

  self->format = format;
}

/* Paragraph spans from the sentences: from the first to the last of each. */
static void
paragraphs_from_sentences (TriDocument *self)
{
  g_clear_pointer (&self->paragraphs, g_array_unref);
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (TriSpan));
  for (guint i = 0; i < self->sentences->len; i++)
    {
      const TriSentence *s = &g_array_index (self->sentences, TriSentence, i);

      while (self->paragraphs->len <= s->paragraph)
        {
          TriSpan span = { s->start, s->end };
          g_array_append_val (self->paragraphs, span);
        }
      g_array_index (self->paragraphs, TriSpan, s->paragraph).end = s->end;
    }
}

/**
 * _tri_document_set_content:
 * @self: a #TriDocument
 * @text: the new text
 * @sentences: (element-type TriSentence): its sentences
 *
 * Replaces the text and its sentences, as an edit of the user's does (and
 * its undo). The caller keeps the alignment's rows in step.
 */
void
_tri_document_set_content (TriDocument  *self,
                           const char   *text,
                           const GArray *sentences)
{
  char *copy;

  g_return_if_fail (TRI_IS_DOCUMENT (self));

  /* @text may be this document's own text (a join or split keeps it). */
  copy = g_strdup (text);
  g_free (self->text);
  self->text = copy;
  self->length = strlen (copy);
  g_clear_pointer (&self->sentences, g_array_unref);
  self->sentences = g_array_sized_new (FALSE, FALSE, sizeof (TriSentence), sentences->len);
  g_array_append_vals (self->sentences, sentences->data, sentences->len);
  paragraphs_from_sentences (self);
}

/**
 * _tri_document_dup_sentences:
 * @self: a #TriDocument
 *
 * Returns: (transfer full) (element-type TriSentence): a copy of the sentences
 */
GArray *
_tri_document_dup_sentences (TriDocument *self)
{
  GArray *copy;

  g_return_val_if_fail (TRI_IS_DOCUMENT (self), NULL);

  copy = g_array_sized_new (FALSE, FALSE, sizeof (TriSentence), self->sentences->len);
  g_array_append_vals (copy, self->sentences->data, self->sentences->len);
  return copy;
}

/**
 * tri_document_find_sentence:
 * @self: a #TriDocument
 * @offset: a byte of the text
 *
 * Returns: the sentence that holds byte @offset: the last one that starts
 *   at or before it (0 when there is none)
 */
guint
tri_document_find_sentence (TriDocument *self,
                            gsize        offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (TRI_IS_DOCUMENT (self), 0);

  hi = self->sentences->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->sentences, TriSentence, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? lo - 1 : 0;
}

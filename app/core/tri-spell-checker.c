/* tri-spell-checker.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-spell-checker"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-core.h"
#include "tri-names.h"
#include "tri-spell-checker.h"

/* Spell checking of a whole alignment, in the background.
 *
 * Each column gets its language's dictionary, loaded in a thread. A job
 * then checks every column's text in another thread, from a copy of the
 * text (the model is never touched off the main thread), and reports, per
 * column, how many words are misspelled and which sentences hold them.
 * After an edit the job runs again a moment later: the dictionaries cache
 * every word's verdict, so only the words not seen before go to Hunspell
 * (50,000 Ukrainian words take 17 ms the second time, bench-spell).
 *
 * Views never wait for it: they underline from the verdict cache
 * (tri_spell_checker_check_text()) and redraw when "changed" says the job
 * has learned more.
 *
 * With %TRI_SPELL_SKIP_NAMES, a capitalised word that the same row of
 * another version writes as a name (tri_names_spelt_in(): Zelenskyy's,
 * Зеленского) is no misspelling: the job and
 * tri_spell_checker_check_cell() leave it out. (The word links of the
 * Compare wording issue, once there, can tell the same more surely.) */

#define RECHECK_DELAY_MS 250

typedef struct
{
  TriSpellDictionary *dictionary;
  char               *name;        /* chosen by the user, else NULL: the usual one */
  char               *language;    /* the one the dictionary was loaded for */
  char               *problem;     /* why the column is not checked */
  GCancellable       *loading;
  guint               count;
  GArray             *sentences;   /* guint, sorted: sentences with a misspelling */
} Column;

struct _TriSpellChecker
{
  GObject        parent_instance;

  TriAlignment  *alignment;
  guint          n_columns;
  Column         columns[TRI_MAX_COLUMNS];
  gboolean       enabled;
  TriSpellFlags  flags;
  guint          recheck_source;
  GCancellable  *job;
  guint64        job_id;
  TriNames      *names;      /* for tri_spell_checker_check_cell(), opened once */
};

G_DEFINE_FINAL_TYPE (TriSpellChecker, tri_spell_checker, G_TYPE_OBJECT)

enum {
  CHANGED,
  PROBLEM,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void schedule_recheck (TriSpellChecker *self);
static void load_dictionary  (TriSpellChecker *self,
                              guint            column);

/* The job */

typedef struct
{
  TriSpellDictionary *dictionary;   /* NULL: the column is not checked */
  char               *text;
  GArray             *starts;       /* gsize: each sentence's first byte */
  guint               count;
  GArray             *sentences;
  char               *language;
  char               *all_text;     /* every column's, for the names rule */
  GArray             *rows_of;      /* guint: each sentence's row */
  GArray             *cells;        /* gsize pairs: each row's cell, [start, end) */
} JobColumn;

typedef struct
{
  TriSpellChecker *self;
  guint64          id;
  guint            n_columns;
  JobColumn        columns[TRI_MAX_COLUMNS];
  TriSpellFlags    flags;
  GHashTable      *ignored;
} Job;

static void
job_free (Job *job)
{
  for (guint c = 0; c < job->n_columns; c++)
    {
      g_clear_object (&job->columns[c].dictionary);
      g_free (job->columns[c].text);
      g_clear_pointer (&job->columns[c].starts, g_array_unref);
      g_clear_pointer (&job->columns[c].sentences, g_array_unref);
      g_free (job->columns[c].language);
      g_free (job->columns[c].all_text);
      g_clear_pointer (&job->columns[c].rows_of, g_array_unref);
      g_clear_pointer (&job->columns[c].cells, g_array_unref);
    }
  g_clear_pointer (&job->ignored, g_hash_table_unref);
  g_clear_object (&job->self);
  g_free (job);
}

/* The sentence holding byte @offset: the last that starts at or before it. */
static guint
sentence_of (GArray *starts,
             gsize   offset)
{
  guint lo = 0, hi = starts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (starts, gsize, mid) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? lo - 1 : 0;
}

/* The names rule in the job: misspellings of column @c that the same row
 * of another column writes as a name are left out of @found. */
static void
drop_names (Job    *job,
            guint   c,
            GArray *found)
{
  g_autoptr(TriNames) names = tri_names_new ();
  JobColumn *column = &job->columns[c];
  guint kept = 0;

  for (guint i = 0; i < found->len; i++)
    {
      TriMisspelling m = g_array_index (found, TriMisspelling, i);
      guint sentence = sentence_of (column->starts, m.start);
      guint row = sentence < column->rows_of->len ? g_array_index (column->rows_of, guint, sentence) : G_MAXUINT;
      gboolean name = FALSE;

      for (guint d = 0; d < job->n_columns && !name && row != G_MAXUINT; d++)
        {
          const JobColumn *other = &job->columns[d];
          gsize start, end;

          if (d == c || other->all_text == NULL || 2 * row + 1 >= other->cells->len)
            continue;
          start = g_array_index (other->cells, gsize, 2 * row);
          end = g_array_index (other->cells, gsize, 2 * row + 1);
          name = end > start &&
                 tri_names_spelt_in (names, column->language, column->text + m.start, (gssize)(m.end - m.start),
                                     other->language, other->all_text + start, (gssize)(end - start));
        }
      if (!name)
        g_array_index (found, TriMisspelling, kept++) = m;
    }
  g_array_set_size (found, kept);
}

static void
job_worker (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;

  for (guint c = 0; c < job->n_columns && !g_cancellable_is_cancelled (cancellable); c++)
    {
      JobColumn *column = &job->columns[c];
      g_autoptr(GArray) found = NULL;

      column->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
      if (column->dictionary == NULL)
        continue;

      found = tri_spell_check (column->dictionary, column->text, -1, job->flags, job->ignored);
      if (job->flags & TRI_SPELL_SKIP_NAMES)
        drop_names (job, c, found);
      column->count = found->len;
      for (guint i = 0; i < found->len; i++)
        {
          guint sentence = sentence_of (column->starts, g_array_index (found, TriMisspelling, i).start);

          if (column->sentences->len == 0 ||
              g_array_index (column->sentences, guint, column->sentences->len - 1) != sentence)
            g_array_append_val (column->sentences, sentence);
        }
    }

  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
}

static void
on_job_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  TriSpellChecker *self = job->self;

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || job->id != self->job_id)
    return;

  g_clear_object (&self->job);
  for (guint c = 0; c < job->n_columns && c < self->n_columns; c++)
    {
      Column *column = &self->columns[c];

      /* A dictionary changed meanwhile: the next job reports for it. */
      if (column->dictionary != job->columns[c].dictionary)
        continue;
      column->count = job->columns[c].count;
      g_clear_pointer (&column->sentences, g_array_unref);
      column->sentences = g_steal_pointer (&job->columns[c].sentences);
    }
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * tri_spell_checker_recheck:
 * @self: a #TriSpellChecker
 *
 * Checks every column again now, in the background.
 */
void
tri_spell_checker_recheck (TriSpellChecker *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (TRI_IS_SPELL_CHECKER (self));

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);

  for (guint c = 0; c < self->n_columns; c++)
    {
      self->columns[c].count = 0;
      g_clear_pointer (&self->columns[c].sentences, g_array_unref);
    }
  if (!self->enabled)
    {
      g_signal_emit (self, signals [CHANGED], 0);
      return;
    }

  job = g_new0 (Job, 1);
  job->self = g_object_ref (self);
  job->id = ++self->job_id;
  job->n_columns = self->n_columns;
  job->flags = self->flags;
  job->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    GHashTableIter iter;
    gpointer word;

    g_hash_table_iter_init (&iter, tri_alignment_get_ignored_words (self->alignment));
    while (g_hash_table_iter_next (&iter, &word, NULL))
      g_hash_table_add (job->ignored, g_strdup (word));
  }
  if (self->flags & TRI_SPELL_SKIP_NAMES)
    {
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->alignment));

      for (guint c = 0; c < self->n_columns; c++)
        {
          TriDocument *doc = tri_alignment_get_document (self->alignment, c);
          JobColumn *column = &job->columns[c];

          column->language = g_strdup (tri_document_get_language (doc));
          column->all_text = g_strdup (tri_document_get_text (doc));
          column->rows_of = g_array_new (FALSE, TRUE, sizeof (guint));
          g_array_set_size (column->rows_of, tri_document_get_n_sentences (doc));
          column->cells = g_array_new (FALSE, TRUE, sizeof (gsize));
          g_array_set_size (column->cells, 2 * n_rows);
        }
      for (guint r = 0; r < n_rows; r++)
        {
          g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), r);

          for (guint c = 0; c < self->n_columns; c++)
            {
              TriDocument *doc = tri_alignment_get_document (self->alignment, c);
              guint first = tri_row_get_first (row, c), count = tri_row_get_count (row, c);

              if (count == 0)
                continue;
              for (guint i = 0; i < count; i++)
                g_array_index (job->columns[c].rows_of, guint, first + i) = r;
              g_array_index (job->columns[c].cells, gsize, 2 * r) = tri_document_get_sentence (doc, first)->start;
              g_array_index (job->columns[c].cells, gsize, 2 * r + 1) = tri_document_get_sentence (doc, first + count - 1)->end;
            }
        }
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      TriDocument *doc = tri_alignment_get_document (self->alignment, c);
      JobColumn *column = &job->columns[c];

      if (self->columns[c].dictionary == NULL)
        continue;
      column->dictionary = g_object_ref (self->columns[c].dictionary);
      column->text = g_strdup (tri_document_get_text (doc));
      column->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), tri_document_get_n_sentences (doc));
      for (guint i = 0; i < tri_document_get_n_sentences (doc); i++)
        g_array_append_val (column->starts, tri_document_get_sentence (doc, i)->start);
    }

  self->job = g_cancellable_new ();
  task = g_task_new (NULL, self->job, on_job_done_cb, NULL);
  g_task_set_source_tag (task, tri_spell_checker_recheck);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, job_worker);
}

static gboolean
on_recheck_cb (gpointer user_data)
{
  TriSpellChecker *self = user_data;

  self->recheck_source = 0;
  tri_spell_checker_recheck (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_recheck (TriSpellChecker *self)
{
  if (self->recheck_source == 0)
    self->recheck_source = g_timeout_add (RECHECK_DELAY_MS, on_recheck_cb, self);
}

/* Dictionaries */

typedef struct
{
  TriSpellChecker *self;
  guint            column;
  GCancellable    *cancellable;
} LoadRun;

static void
on_dictionary_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  LoadRun *run = user_data;
  g_autoptr(TriSpellChecker) self = run->self;
  g_autoptr(GCancellable) cancellable = run->cancellable;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriSpellDictionary) dictionary = tri_spell_dictionary_load_finish (result, &error);
  guint c = run->column;
  Column *column;

  g_free (run);
  if (g_cancellable_is_cancelled (cancellable) || c >= self->n_columns)
    return;

  column = &self->columns[c];
  g_clear_object (&column->loading);
  if (dictionary == NULL)
    {
      g_free (column->problem);
      column->problem = g_strdup (error->message);
      g_debug ("Column %u is not checked: %s", c, error->message);
      g_signal_emit (self, signals [PROBLEM], 0, c, column->problem);
      g_signal_emit (self, signals [CHANGED], 0);
      return;
    }

  g_set_object (&column->dictionary, dictionary);
  tri_spell_checker_recheck (self);
}

static void
load_dictionary (TriSpellChecker *self,
                 guint            c)
{
  Column *column = &self->columns[c];
  TriDocument *doc = tri_alignment_get_document (self->alignment, c);
  LoadRun *run;

  if (column->loading != NULL)
    g_cancellable_cancel (column->loading);
  g_clear_object (&column->loading);
  g_clear_object (&column->dictionary);
  g_clear_pointer (&column->problem, g_free);
  g_free (column->language);
  column->language = g_strdup (tri_document_get_language (doc));

  if (!self->enabled)
    return;

  column->loading = g_cancellable_new ();
  run = g_new0 (LoadRun, 1);
  run->self = g_object_ref (self);
  run->column = c;
  run->cancellable = g_object_ref (column->loading);
  tri_spell_dictionary_load_async (column->language, column->name, column->loading,
                                   on_dictionary_loaded_cb, run);
}

static void
on_items_changed_cb (TriSpellChecker *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  schedule_recheck (self);
}

static void
on_language_cb (TriSpellChecker *self,
                GParamSpec      *pspec,
                TriDocument     *document)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (tri_alignment_get_document (self->alignment, c) == document &&
        g_strcmp0 (self->columns[c].language, tri_document_get_language (document)) != 0)
      {
        /* A choice of dictionary was for the old language. */
        g_clear_pointer (&self->columns[c].name, g_free);
        load_dictionary (self, c);
      }
}

/* API */

/**
 * tri_spell_checker_new:
 * @alignment: the alignment whose texts to check
 *
 * Returns: (transfer full): a checker, loading the dictionaries
 */
TriSpellChecker *
tri_spell_checker_new (TriAlignment *alignment)
{
  TriSpellChecker *self;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);

  self = g_object_new (TRI_TYPE_SPELL_CHECKER, NULL);
  self->alignment = g_object_ref (alignment);
  self->n_columns = tri_alignment_get_n_columns (alignment);
  g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (alignment, "ignored-changed", G_CALLBACK (tri_spell_checker_recheck), self,
                           G_CONNECT_SWAPPED);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_signal_connect_object (tri_alignment_get_document (alignment, c), "notify::language",
                               G_CALLBACK (on_language_cb), self, G_CONNECT_SWAPPED);
      load_dictionary (self, c);
    }
  return self;
}

/**
 * tri_spell_checker_set_enabled:
 * @self: a #TriSpellChecker
 * @enabled: whether to check spelling at all
 */
void
tri_spell_checker_set_enabled (TriSpellChecker *self,
                               gboolean         enabled)
{
  g_return_if_fail (TRI_IS_SPELL_CHECKER (self));

  enabled = !!enabled;
  if (enabled == self->enabled)
    return;
  self->enabled = enabled;
  for (guint c = 0; c < self->n_columns; c++)
    load_dictionary (self, c);
  tri_spell_checker_recheck (self);
}

gboolean
tri_spell_checker_get_enabled (TriSpellChecker *self)
{
  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), FALSE);

  return self->enabled;
}

/**
 * tri_spell_checker_set_flags:
 * @self: a #TriSpellChecker
 * @flags: what to leave alone
 */
void
tri_spell_checker_set_flags (TriSpellChecker *self,
                             TriSpellFlags    flags)
{
  g_return_if_fail (TRI_IS_SPELL_CHECKER (self));

  if (flags == self->flags)
    return;
  self->flags = flags;
  tri_spell_checker_recheck (self);
}

TriSpellFlags
tri_spell_checker_get_flags (TriSpellChecker *self)
{
  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), TRI_SPELL_DEFAULT_FLAGS);

  return self->flags;
}

/**
 * tri_spell_checker_set_dictionary_name:
 * @self: a #TriSpellChecker
 * @column: a column
 * @name: (nullable): a dictionary ("en_GB"), or %NULL for the usual one
 *   of the column's language
 */
void
tri_spell_checker_set_dictionary_name (TriSpellChecker *self,
                                       guint            column,
                                       const char      *name)
{
  g_return_if_fail (TRI_IS_SPELL_CHECKER (self));

  if (column >= self->n_columns || g_strcmp0 (name, self->columns[column].name) == 0)
    return;
  g_free (self->columns[column].name);
  self->columns[column].name = g_strdup (name);
  load_dictionary (self, column);
}

/**
 * tri_spell_checker_get_dictionary_name:
 * @self: a #TriSpellChecker
 * @column: a column
 *
 * Returns: (nullable): the dictionary the user chose for @column, or %NULL
 *   for the usual one of its language
 */
const char *
tri_spell_checker_get_dictionary_name (TriSpellChecker *self,
                                       guint            column)
{
  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), NULL);

  return column < self->n_columns ? self->columns[column].name : NULL;
}

/**
 * tri_spell_checker_get_dictionary:
 * @self: a #TriSpellChecker
 * @column: a column
 *
 * Returns: (transfer none) (nullable): the column's dictionary, once loaded
 */
TriSpellDictionary *
tri_spell_checker_get_dictionary (TriSpellChecker *self,
                                  guint            column)
{
  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), NULL);

  return column < self->n_columns && self->enabled ? self->columns[column].dictionary : NULL;
}

/**
 * tri_spell_checker_get_problem:
 * @self: a #TriSpellChecker
 * @column: a column
 *
 * Returns: (nullable): why the column is not checked (no dictionary: the
 *   message names the package), or %NULL
 */
const char *
tri_spell_checker_get_problem (TriSpellChecker *self,
                               guint            column)
{
  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), NULL);

  return column < self->n_columns ? self->columns[column].problem : NULL;
}

/**
 * tri_spell_checker_get_busy:
 * @self: a #TriSpellChecker
 *
 * Returns: whether dictionaries are loading or a check is running
 */
gboolean
tri_spell_checker_get_busy (TriSpellChecker *self)
{
  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), FALSE);

  if (self->job != NULL || self->recheck_source != 0)
    return TRUE;
  for (guint c = 0; c < self->n_columns; c++)
    if (self->columns[c].loading != NULL)
      return TRUE;
  return FALSE;
}

/**
 * tri_spell_checker_get_count:
 * @self: a #TriSpellChecker
 * @column: a column
 *
 * Returns: the misspelled words of the column at the last check
 */
guint
tri_spell_checker_get_count (TriSpellChecker *self,
                             guint            column)
{
  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), 0);

  return column < self->n_columns ? self->columns[column].count : 0;
}

/**
 * tri_spell_checker_has_misspelling:
 * @self: a #TriSpellChecker
 * @column: a column
 * @first_sentence: a sentence of the column's text
 * @n_sentences: how many from it
 *
 * Returns: whether any of the sentences had a misspelled word at the last
 *   check
 */
gboolean
tri_spell_checker_has_misspelling (TriSpellChecker *self,
                                   guint            column,
                                   guint            first_sentence,
                                   guint            n_sentences)
{
  GArray *sentences;
  guint at;

  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), FALSE);

  if (column >= self->n_columns || n_sentences == 0 || (sentences = self->columns[column].sentences) == NULL)
    return FALSE;

  /* The first sentence with a misspelling at or after @first_sentence. */
  at = tri_uint_array_lower_bound (sentences, first_sentence);
  return at < sentences->len && g_array_index (sentences, guint, at) < first_sentence + n_sentences;
}

/**
 * tri_spell_checker_check_text:
 * @self: a #TriSpellChecker
 * @column: the column @text is from
 * @text: some of its text (a cell, a sentence being edited)
 * @length: its length in bytes, or -1
 *
 * The misspellings of @text known from the verdicts cached so far: never
 * waits for Hunspell, so it is safe while drawing. Words not checked yet
 * count as right until the background check reaches them.
 *
 * Returns: (transfer full) (element-type TriMisspelling): misspellings
 */
GArray *
tri_spell_checker_check_text (TriSpellChecker *self,
                              guint            column,
                              const char      *text,
                              gssize           length)
{
  TriSpellDictionary *dictionary;

  g_return_val_if_fail (TRI_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  dictionary = tri_spell_checker_get_dictionary (self, column);
  if (dictionary == NULL)
    return g_array_new (FALSE, FALSE, sizeof (TriMisspelling));
  return tri_spell_check_cached (dictionary, text, length, self->flags,
                                 tri_alignment_get_ignored_words (self->alignment), NULL);
}

/**
 * tri_spell_checker_check_cell:
 * @self: a #TriSpellChecker
 * @row: the row of the text
 * @column: its column
 * @text: the cell's text (maybe as being edited)
 * @length: its length in bytes, or -1
 *
 * As tri_spell_checker_check_text(), and with %TRI_SPELL_SKIP_NAMES
 * leaves out a capitalised word that @row's cell in another column writes
 * as a name.
 *
 * Returns: (transfer full) (element-type TriMisspelling): what is known
 *   to be misspelled
 */
GArray *
tri_spell_checker_check_cell (TriSpellChecker *self,
                              TriRow          *row,
                              guint            column,
                              const char      *text,
                              gssize           length)
{
  GArray *found = tri_spell_checker_check_text (self, column, text, length);
  guint kept = 0;

  g_return_val_if_fail (TRI_IS_ROW (row), found);

  if (!(self->flags & TRI_SPELL_SKIP_NAMES) || found->len == 0)
    return found;
  if (self->names == NULL)
    self->names = tri_names_new ();
  for (guint i = 0; i < found->len; i++)
    {
      TriMisspelling m = g_array_index (found, TriMisspelling, i);
      gboolean name = FALSE;

      for (guint d = 0; d < self->n_columns && !name; d++)
        {
          g_autofree char *other = NULL;

          if (d == column || tri_row_get_count (row, d) == 0)
            continue;
          other = tri_alignment_dup_cell_text (self->alignment, row, d);
          name = tri_names_spelt_in (self->names, tri_document_get_language (tri_alignment_get_document (self->alignment, column)),
                                     text + m.start, (gssize)(m.end - m.start),
                                     tri_document_get_language (tri_alignment_get_document (self->alignment, d)), other, -1);
        }
      if (!name)
        g_array_index (found, TriMisspelling, kept++) = m;
    }
  g_array_set_size (found, kept);
  return found;
}

static void
tri_spell_checker_dispose (GObject *object)
{
  TriSpellChecker *self = (TriSpellChecker *)object;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      Column *column = &self->columns[c];

      if (column->loading != NULL)
        g_cancellable_cancel (column->loading);
      g_clear_object (&column->loading);
      g_clear_object (&column->dictionary);
      g_clear_pointer (&column->name, g_free);
      g_clear_pointer (&column->language, g_free);
      g_clear_pointer (&column->problem, g_free);
      g_clear_pointer (&column->sentences, g_array_unref);
    }
  g_clear_object (&self->alignment);
  g_clear_pointer (&self->names, tri_names_free);

  G_OBJECT_CLASS (tri_spell_checker_parent_class)->dispose (object);
}

static void
tri_spell_checker_class_init (TriSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_spell_checker_dispose;

  /**
   * TriSpellChecker::changed:
   *
   * A check finished, or a dictionary came or went: counts and underlines
   * may have changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TriSpellChecker::problem:
   * @column: the column that is not checked
   * @message: why, for the user (it names the package to install)
   */
  signals [PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
tri_spell_checker_init (TriSpellChecker *self)
{
  self->enabled = TRUE;
  self->flags = TRI_SPELL_DEFAULT_FLAGS;
}

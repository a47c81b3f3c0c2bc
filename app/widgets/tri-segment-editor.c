/* tri-segment-editor.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-segment-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "tri-language.h"
#include "tri-segment-editor.h"
#include "tri-text-column.h"
#include "tri-wording.h"

/* The editor strip under the grid: one GtkSourceView per language, bound
 * to the selected row, lined up with the grid's columns (a homogeneous
 * row of equal children under equal expanding columns, STYLE.md).
 *
 * Each view shows its cell's sentences one per line: editing a line edits
 * that sentence, Return starts a new sentence (a missed boundary), joining
 * two lines joins two sentences, and emptying a cell removes its text.
 * The views are permanent, so nothing is lost to recycling; their text
 * goes to the model (tri_alignment_set_cell_sentences()) after a pause in
 * typing, when focus leaves, when the row changes, and before any other
 * edit (the window calls tri_segment_editor_commit()). The undo history
 * is the model's: Ctrl+Z in a view undoes in the model. */

#define COMMIT_DELAY_MS 600

struct _TriSegmentEditor
{
  GtkWidget      parent_instance;

  TriAlignment  *alignment;
  guint          row;
  guint          n_columns;
  guint          commit_source;
  gboolean       loading;
  gboolean       committing;

  TriSpellChecker *spell;
  GMenu         *spell_menu;      /* the views' extra menu: suggestions, Add, Ignore */
  GMenu         *suggestions;
  GCancellable  *suggesting;
  int            picked_column;   /* the misspelled word right-clicked, or -1 */
  int            picked_start;    /* characters */
  int            picked_end;
  char          *picked_word;

  GtkWidget     *columns[TRI_MAX_COLUMNS];
  GtkLabel      *titles[TRI_MAX_COLUMNS];
  GtkSourceView *views[TRI_MAX_COLUMNS];
  GtkWidget     *focused;         /* the view with the keyboard focus, or NULL */
  gboolean       dirty[TRI_MAX_COLUMNS];
  guint          highlight_row;   /* the row of the check finding shown, or G_MAXUINT */
  GArray        *highlights[TRI_MAX_COLUMNS];   /* its byte spans in each document */
  TriWording    *wording;         /* the words' counterparts, or NULL */
  gboolean       compare_wording; /* every word marked by its counterparts */
};

G_DEFINE_FINAL_TYPE (TriSegmentEditor, tri_segment_editor, GTK_TYPE_WIDGET)

enum {
  COLUMN_FOCUSED,
  DONE,
  MESSAGE,
  CURSOR_WORD,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
has_row (TriSegmentEditor *self)
{
  return self->alignment != NULL && self->row < g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
}

/* A view is editable while it has the focus and there is a row. Only
 * then: GTK 4.8's text view keeps its cursor blinking after it lost the
 * focus (its focus-out asks whether the cursor blinks, which only looks
 * at the view being editable), and the blink's tick callback makes the
 * window paint every frame for up to ten seconds after the user left the
 * strip, so that each key or page in the grid waits for the next frame.
 * The "leave" handler runs before the view's own (GTK calls the
 * controllers added last first), so the view is not editable when GTK
 * asks. Nothing is typed in a view without the focus. */
static void
update_editable (TriSegmentEditor *self,
                 guint             column)
{
  GtkWidget *view = GTK_WIDGET (self->views[column]);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), has_row (self) && view == self->focused);
}

/* The lines of @text as sentences: blank lines dropped, ends trimmed. */
static GStrv
text_to_sentences (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static char *
dup_buffer_text (TriSegmentEditor *self,
                 guint             column)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The model's sentences of the bound row's cell in @column. */
static GStrv
dup_cell_sentences (TriSegmentEditor *self,
                    guint             column)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (has_row (self))
    {
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), self->row);
      TriDocument *doc = tri_alignment_get_document (self->alignment, column);

      for (guint i = 0; i < tri_row_get_count (row, column); i++)
        {
          g_autofree char *sentence = tri_document_dup_sentence_text (doc, tri_row_get_first (row, column) + i);

          g_strv_builder_add (builder, sentence);
        }
    }
  return g_strv_builder_end (builder);
}

static void
update_title (TriSegmentEditor *self,
              guint             column,
              guint             n_sentences)
{
  TriDocument *doc = tri_alignment_get_document (self->alignment, column);
  g_autofree char *name = tri_language_dup_display_name (tri_document_get_language (doc));
  g_autofree char *title = NULL;

  if (!has_row (self))
    title = g_strdup (name);
  else if (n_sentences == 0)
    /* Translators: a language name, and its cell of the row has no sentence */
    title = g_strdup_printf (_("%s · no sentence"), name);
  else
    title = g_strdup_printf (ngettext ("%s · %u sentence", "%s · %u sentences", n_sentences),
                             name, n_sentences);
  gtk_label_set_text (self->titles[column], title);
}

/* The spans of the check finding chosen in the Checks panel, while its
 * row is the one edited and its text as checked. */
static void
update_highlights (TriSegmentEditor *self)
{
  g_autoptr(TriRow) row = NULL;

  if (has_row (self) && self->row == self->highlight_row)
    row = g_list_model_get_item (G_LIST_MODEL (self->alignment), self->row);

  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c]));
      g_autoptr(GArray) spans = NULL;
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, "finding", &start, &end);
      if (row == NULL || self->dirty[c] || self->highlights[c] == NULL)
        continue;

      spans = tri_alignment_map_spans (self->alignment, row, c, self->highlights[c]);
      text = dup_buffer_text (self, c);
      for (guint i = 0; i + 1 < spans->len; i += 2)
        {
          gsize a = g_array_index (spans, gsize, i), b = g_array_index (spans, gsize, i + 1);

          if (b > strlen (text))
            continue;
          gtk_text_buffer_get_iter_at_offset (buffer, &start, (int)g_utf8_pointer_to_offset (text, text + a));
          gtk_text_buffer_get_iter_at_offset (buffer, &end, (int)g_utf8_pointer_to_offset (text, text + b));
          gtk_text_buffer_apply_tag_by_name (buffer, "finding", &start, &end);
        }
    }
}

/**
 * tri_segment_editor_set_highlights:
 * @self: a #TriSegmentEditor
 * @row: the row of a check finding, or G_MAXUINT for none
 * @spans: (array fixed-size=3) (nullable): its byte spans in each column's
 *   document (gsize pairs, or %NULL)
 *
 * Highlights the spans of a check finding while @row is edited.
 */
void
tri_segment_editor_set_highlights (TriSegmentEditor  *self,
                                   guint              row,
                                   GArray           **spans)
{
  g_return_if_fail (TRI_IS_SEGMENT_EDITOR (self));

  self->highlight_row = row;
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      g_clear_pointer (&self->highlights[c], g_array_unref);
      if (spans != NULL && spans[c] != NULL)
        self->highlights[c] = g_array_copy (spans[c]);
    }
  update_highlights (self);
}

static GStrv
dup_buffer_texts (TriSegmentEditor *self)
{
  GStrv texts = g_new0 (char *, TRI_MAX_COLUMNS + 1);

  for (guint c = 0; c < self->n_columns; c++)
    texts[c] = dup_buffer_text (self, c);
  return texts;
}

/* Compare Wording's marks on every word of the row, or none. */
static void
update_wording_marks (TriSegmentEditor *self)
{
  g_auto(GStrv) texts = NULL;

  if (self->wording != NULL && self->compare_wording && has_row (self))
    texts = dup_buffer_texts (self);

  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c]));
      g_autoptr(GArray) marks = NULL;

      tri_wording_clear_tags (buffer, FALSE, TRUE);
      if (texts != NULL && (marks = tri_wording_get_marks (self->wording, (const char * const *)texts, c)) != NULL)
        tri_wording_apply_tags (buffer, texts[c], 0, NULL, marks);
    }
}

/* The word at the cursor of @column and its counterparts in the other
 * views highlighted; "cursor-word" tells where it is. */
static void
update_cursor_word (TriSegmentEditor *self,
                    guint             column)
{
  g_auto(GStrv) texts = NULL;
  GArray *spans[TRI_MAX_COLUMNS] = { NULL };
  gboolean found = FALSE;
  int offset = -1;

  /* The cursor of a view the user is in, not the one a row change left. */
  if (self->wording != NULL && has_row (self) && column < self->n_columns &&
      gtk_widget_has_focus (GTK_WIDGET (self->views[column])))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
      GtkTextIter cursor;

      texts = dup_buffer_texts (self);
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = (int)(g_utf8_offset_to_pointer (texts[column], gtk_text_iter_get_offset (&cursor)) - texts[column]);
      found = tri_wording_get_highlights (self->wording, (const char * const *)texts, column, (guint)offset, spans);
      /* Just past a word's last letter is still on it. */
      if (!found && offset > 0)
        found = tri_wording_get_highlights (self->wording, (const char * const *)texts, column,
                                            (guint)offset - 1, spans);
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c]));

      tri_wording_clear_tags (buffer, TRUE, FALSE);
      if (found)
        tri_wording_apply_tags (buffer, texts[c], 0, spans[c], NULL);
      g_clear_pointer (&spans[c], g_array_unref);
    }
  g_signal_emit (self, signals [CURSOR_WORD], 0, column, found ? offset : -1);
}

static void
on_mark_set_cb (GtkTextBuffer    *buffer,
                GtkTextIter      *location,
                GtkTextMark      *mark,
                TriSegmentEditor *self)
{
  if (self->loading || mark != gtk_text_buffer_get_insert (buffer))
    return;

  for (guint c = 0; c < self->n_columns; c++)
    if (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c])) == buffer)
      update_cursor_word (self, c);
}

static void
on_wording_ready_cb (TriSegmentEditor *self)
{
  update_wording_marks (self);
}

/* The row edited may be linked now (the thread links rows not linked yet). */
static void
on_rows_linked_cb (TriSegmentEditor *self)
{
  if (self->compare_wording)
    update_wording_marks (self);
  for (guint c = 0; c < self->n_columns; c++)
    if (gtk_widget_has_focus (GTK_WIDGET (self->views[c])))
      update_cursor_word (self, c);
}

/**
 * tri_segment_editor_set_wording:
 * @self: a #TriSegmentEditor
 * @wording: (nullable): the words' counterparts
 */
void
tri_segment_editor_set_wording (TriSegmentEditor *self,
                                TriWording       *wording)
{
  g_return_if_fail (TRI_IS_SEGMENT_EDITOR (self));

  if (self->wording != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->wording, on_wording_ready_cb, self);
      g_signal_handlers_disconnect_by_func (self->wording, on_rows_linked_cb, self);
    }
  g_set_object (&self->wording, wording);
  if (wording != NULL)
    {
      g_signal_connect_object (wording, "ready", G_CALLBACK (on_wording_ready_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (wording, "rows-linked", G_CALLBACK (on_rows_linked_cb), self, G_CONNECT_SWAPPED);
    }
  update_wording_marks (self);
}

/**
 * tri_segment_editor_set_compare_wording:
 * @self: a #TriSegmentEditor
 * @compare: whether every word of the row is marked by what the other
 *   versions do with it
 */
void
tri_segment_editor_set_compare_wording (TriSegmentEditor *self,
                                        gboolean          compare)
{
  g_return_if_fail (TRI_IS_SEGMENT_EDITOR (self));

  if (self->compare_wording == !!compare)
    return;
  self->compare_wording = !!compare;
  update_wording_marks (self);
}

/**
 * tri_segment_editor_has_word_mark:
 * @self: a #TriSegmentEditor
 * @column: a view
 * @offset: a character offset in it
 * @mark: a #TriWordingMark, or -1 for the highlight of the cursor's word
 *   and its counterparts
 *
 * Returns: whether the character at @offset has that mark
 */
gboolean
tri_segment_editor_has_word_mark (TriSegmentEditor *self,
                                  guint             column,
                                  int               offset,
                                  int               mark)
{
  static const char * const tags[] = { "wording-all", "wording-some", "wording-none", "wording-differs" };
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter;

  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (column < TRI_MAX_COLUMNS && mark >= -1 && mark < (int)G_N_ELEMENTS (tags), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), mark < 0 ? "wording-word" : tags[mark]);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* Shows the model's text in every view whose text says something else,
 * keeping the cursor near where it was. Views with uncommitted typing
 * keep it. */
static void
refresh (TriSegmentEditor *self)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c]));
      g_auto(GStrv) model = dup_cell_sentences (self, c);
      g_autofree char *text = NULL;
      g_auto(GStrv) shown = NULL;

      update_title (self, c, g_strv_length (model));
      if (self->dirty[c])
        continue;

      text = dup_buffer_text (self, c);
      shown = text_to_sentences (text);
      if (!g_strv_equal ((const char * const *)model, (const char * const *)shown))
        {
          g_autofree char *joined = g_strjoinv ("\n", model);
          GtkTextMark *insert = gtk_text_buffer_get_insert (buffer);
          GtkTextIter iter;
          int offset;

          gtk_text_buffer_get_iter_at_mark (buffer, &iter, insert);
          offset = gtk_text_iter_get_offset (&iter);

          self->loading = TRUE;
          gtk_text_buffer_set_text (buffer, joined, -1);
          self->loading = FALSE;

          gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
          gtk_text_buffer_place_cursor (buffer, &iter);
        }
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      update_editable (self, c);
      /* No row, no sentences to number. */
      gtk_source_view_set_show_line_numbers (self->views[c], has_row (self));
    }
  tri_segment_editor_update_spelling (self);
  update_highlights (self);
  update_wording_marks (self);
}

static gboolean commit (TriSegmentEditor *self);

/* Spelling: misspelled words underlined, and on a right click on one,
 * up to five suggestions (found in a thread: they take up to a third of a
 * second), "Add to Dictionary" and "Ignore". */

/* The cursor's word while the user types it is not flagged yet. */
static gboolean
being_typed (TriSegmentEditor *self,
             guint             column,
             int               start,
             int               end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
  GtkTextIter cursor;
  int at;

  if (!self->dirty[column] || !gtk_widget_has_focus (GTK_WIDGET (self->views[column])))
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  at = gtk_text_iter_get_offset (&cursor);
  return at >= start && at <= end;
}

/* The misspellings of @column's text, in characters (pairs). */
static GArray *
misspelled_chars (TriSegmentEditor *self,
                  guint             column)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *text = NULL;
  g_autoptr(GArray) found = NULL;

  if (self->spell == NULL || !has_row (self))
    return spans;

  text = dup_buffer_text (self, column);
  {
    g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), self->row);

    found = tri_spell_checker_check_cell (self->spell, row, column, text, -1);
  }
  for (guint i = 0; i < found->len; i++)
    {
      const TriMisspelling *m = &g_array_index (found, TriMisspelling, i);
      int span[2];

      span[0] = (int)g_utf8_pointer_to_offset (text, text + m->start);
      span[1] = (int)g_utf8_pointer_to_offset (text, text + m->end);
      g_array_append_vals (spans, span, 2);
    }
  return spans;
}

/**
 * tri_segment_editor_update_spelling:
 * @self: a #TriSegmentEditor
 *
 * Underlines the misspelled words of every view, from what the spell
 * checker knows now.
 */
void
tri_segment_editor_update_spelling (TriSegmentEditor *self)
{
  g_return_if_fail (TRI_IS_SEGMENT_EDITOR (self));

  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c]));
      g_autoptr(GArray) spans = misspelled_chars (self, c);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, "misspelled", &start, &end);
      for (guint i = 0; i + 1 < spans->len; i += 2)
        {
          int a = g_array_index (spans, int, i), b = g_array_index (spans, int, i + 1);

          if (being_typed (self, c, a, b))
            continue;
          gtk_text_buffer_get_iter_at_offset (buffer, &start, a);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, b);
          gtk_text_buffer_apply_tag_by_name (buffer, "misspelled", &start, &end);
        }
    }
}

/**
 * tri_segment_editor_get_n_underlined:
 * @self: a #TriSegmentEditor
 * @column: a column
 *
 * Returns: how many words @column's view underlines as misspelled
 */
guint
tri_segment_editor_get_n_underlined (TriSegmentEditor *self,
                                     guint             column)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter;
  guint n = 0;

  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), 0);
  g_return_val_if_fail (column < TRI_MAX_COLUMNS, 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "misspelled");
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (gtk_text_iter_starts_tag (&iter, tag))
    n++;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    if (gtk_text_iter_starts_tag (&iter, tag))
      n++;
  return n;
}

static void update_spell_actions (TriSegmentEditor *self);

/* The picked word was acted on: the menu's actions have nothing to act on. */
static void
forget_pick (TriSegmentEditor *self)
{
  g_clear_pointer (&self->picked_word, g_free);
  update_spell_actions (self);
}

static void
update_spell_actions (TriSegmentEditor *self)
{
  gboolean picked = self->picked_word != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.correct", picked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.add", picked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.ignore", picked);
}

typedef struct
{
  TriSegmentEditor *self;
  GCancellable     *cancellable;
} SuggestRun;

static void
suggest_worker (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TriSpellDictionary *dictionary = g_object_get_data (G_OBJECT (task), "dictionary");

  g_task_return_pointer (task, tri_spell_dictionary_suggest (dictionary, task_data, 5), (GDestroyNotify)g_strfreev);
}

static void
on_suggested_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SuggestRun *run = user_data;
  g_autoptr(TriSegmentEditor) self = run->self;
  g_autoptr(GCancellable) cancellable = run->cancellable;
  g_auto(GStrv) suggestions = g_task_propagate_pointer (G_TASK (result), NULL);

  g_free (run);
  if (g_cancellable_is_cancelled (cancellable) || self->suggestions == NULL)
    return;

  g_menu_remove_all (self->suggestions);
  for (guint i = 0; suggestions != NULL && suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target (item, "spelling.correct", "s", suggestions[i]);
      g_menu_append_item (self->suggestions, item);
    }
  if (suggestions == NULL || suggestions[0] == NULL)
    g_menu_append (self->suggestions, _("No Suggestions"), "spelling.none");
}

/**
 * tri_segment_editor_pick_word:
 * @self: a #TriSegmentEditor
 * @column: a column
 * @offset: a character offset in its view's text
 *
 * What a right click does: when the word at @offset is misspelled, makes
 * it the one the spelling menu acts on and starts looking for
 * suggestions.
 *
 * Returns: (nullable): the misspelled word, or %NULL
 */
const char *
tri_segment_editor_pick_word (TriSegmentEditor *self,
                              guint             column,
                              int               offset)
{
  g_autoptr(GArray) spans = NULL;
  TriSpellDictionary *dictionary;

  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), NULL);

  if (self->suggesting != NULL)
    g_cancellable_cancel (self->suggesting);
  g_clear_object (&self->suggesting);
  g_clear_pointer (&self->picked_word, g_free);
  self->picked_column = -1;
  g_menu_remove_all (self->spell_menu);
  g_clear_object (&self->suggestions);

  if (column >= self->n_columns || self->spell == NULL ||
      (dictionary = tri_spell_checker_get_dictionary (self->spell, column)) == NULL)
    {
      update_spell_actions (self);
      return NULL;
    }

  spans = misspelled_chars (self, column);
  for (guint i = 0; i + 1 < spans->len; i += 2)
    if (offset >= g_array_index (spans, int, i) && offset <= g_array_index (spans, int, i + 1))
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
        g_autoptr(GMenu) actions = g_menu_new ();
        g_autoptr(GTask) task = NULL;
        GtkTextIter start, end;
        SuggestRun *run;

        self->picked_column = (int)column;
        self->picked_start = g_array_index (spans, int, i);
        self->picked_end = g_array_index (spans, int, i + 1);
        gtk_text_buffer_get_iter_at_offset (buffer, &start, self->picked_start);
        gtk_text_buffer_get_iter_at_offset (buffer, &end, self->picked_end);
        self->picked_word = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

        self->suggestions = g_menu_new ();
        g_menu_append (self->suggestions, _("Looking for Suggestions…"), "spelling.none");
        g_menu_append_section (self->spell_menu, NULL, G_MENU_MODEL (self->suggestions));
        g_menu_append (actions, _("_Add to Dictionary"), "spelling.add");
        g_menu_append (actions, _("_Ignore in This Project"), "spelling.ignore");
        g_menu_append_section (self->spell_menu, NULL, G_MENU_MODEL (actions));

        self->suggesting = g_cancellable_new ();
        run = g_new0 (SuggestRun, 1);
        run->self = g_object_ref (self);
        run->cancellable = g_object_ref (self->suggesting);
        task = g_task_new (NULL, self->suggesting, on_suggested_cb, run);
        g_task_set_source_tag (task, tri_segment_editor_pick_word);
        g_object_set_data_full (G_OBJECT (task), "dictionary", g_object_ref (dictionary), g_object_unref);
        g_task_set_task_data (task, g_strdup (self->picked_word), g_free);
        g_task_run_in_thread (task, suggest_worker);
        break;
      }

  update_spell_actions (self);
  return self->picked_word;
}

static void
on_view_secondary_click_cb (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            TriSegmentEditor *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int)x, (int)y, &bx, &by);
  gtk_text_view_get_iter_at_location (view, &iter, bx, by);
  for (guint c = 0; c < self->n_columns; c++)
    if (view == GTK_TEXT_VIEW (self->views[c]))
      tri_segment_editor_pick_word (self, c, gtk_text_iter_get_offset (&iter));
}

/* Replaces the picked word with a suggestion: an edit like any typed one,
 * given to the model at once, so Ctrl+Z takes it back. */
static void
spelling_correct_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  TriSegmentEditor *self = TRI_SEGMENT_EDITOR (widget);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *word = g_variant_get_string (param, NULL);

  if (self->picked_word == NULL || self->picked_column < 0 || (guint)self->picked_column >= self->n_columns)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[self->picked_column]));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->picked_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->picked_end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, word, -1);
  gtk_text_buffer_end_user_action (buffer);
  forget_pick (self);
  tri_segment_editor_commit (self);
}

static void
spelling_add_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TriSegmentEditor *self = TRI_SEGMENT_EDITOR (widget);
  TriSpellDictionary *dictionary;
  g_autoptr(GError) error = NULL;

  if (self->picked_word == NULL || self->spell == NULL ||
      (dictionary = tri_spell_checker_get_dictionary (self->spell, (guint)self->picked_column)) == NULL)
    return;

  if (!tri_spell_dictionary_add_personal (dictionary, self->picked_word, &error))
    g_signal_emit (self, signals [MESSAGE], 0, error->message);
  forget_pick (self);
  tri_spell_checker_recheck (self->spell);
  tri_segment_editor_update_spelling (self);
}

static void
spelling_ignore_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TriSegmentEditor *self = TRI_SEGMENT_EDITOR (widget);

  if (self->picked_word == NULL || self->alignment == NULL)
    return;

  /* The checker checks again when the project's list changes. */
  tri_alignment_ignore_word (self->alignment, self->picked_word);
  forget_pick (self);
  tri_segment_editor_update_spelling (self);
}

/**
 * tri_segment_editor_get_spell_menu:
 * @self: a #TriSegmentEditor
 *
 * Returns: (transfer none): the menu for the word picked last
 *   (tri_segment_editor_pick_word()): suggestions, Add, Ignore
 */
GMenuModel *
tri_segment_editor_get_spell_menu (TriSegmentEditor *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), NULL);

  return G_MENU_MODEL (self->spell_menu);
}

/**
 * tri_segment_editor_set_spell_checker:
 * @self: a #TriSegmentEditor
 * @spell: (nullable): the checker of the alignment edited
 */
void
tri_segment_editor_set_spell_checker (TriSegmentEditor *self,
                                      TriSpellChecker  *spell)
{
  g_return_if_fail (TRI_IS_SEGMENT_EDITOR (self));

  g_set_object (&self->spell, spell);
  tri_segment_editor_pick_word (self, G_MAXUINT, 0);
  tri_segment_editor_update_spelling (self);
}

/**
 * tri_segment_editor_commit:
 * @self: a #TriSegmentEditor
 *
 * Gives the model what was typed and not yet given, as one step to undo.
 *
 * Returns: whether the model changed
 */
gboolean
tri_segment_editor_commit (TriSegmentEditor *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), FALSE);

  return commit (self);
}

static gboolean
commit (TriSegmentEditor *self)
{
  gboolean changed = FALSE;
  gboolean any = FALSE;

  g_clear_handle_id (&self->commit_source, g_source_remove);

  for (guint c = 0; c < self->n_columns; c++)
    any |= self->dirty[c];
  if (!any)
    return FALSE;
  if (!has_row (self))
    {
      memset (self->dirty, 0, sizeof self->dirty);
      return FALSE;
    }

  /* Cells with words first: emptying a cell first could leave the row
   * with nothing and remove it before the others are written. The strip
   * stays on its row meanwhile, whatever the grid's selection does. */
  self->committing = TRUE;
  tri_alignment_begin_group (self->alignment);
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        g_autofree char *text = NULL;
        g_auto(GStrv) sentences = NULL;

        if (!self->dirty[c])
          continue;
        text = dup_buffer_text (self, c);
        sentences = text_to_sentences (text);
        if ((sentences[0] != NULL) != (pass == 0))
          continue;

        self->dirty[c] = FALSE;
        if (has_row (self))
          changed |= tri_alignment_set_cell_sentences (self->alignment, self->row, c,
                                                       (const char * const *)sentences);
      }
  tri_alignment_end_group (self->alignment);
  self->committing = FALSE;

  refresh (self);
  return changed;
}

static gboolean
on_commit_timeout_cb (gpointer user_data)
{
  TriSegmentEditor *self = user_data;

  self->commit_source = 0;
  tri_segment_editor_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (TriSegmentEditor *self,
                      GtkTextBuffer    *buffer)
{
  if (self->loading)
    return;

  for (guint c = 0; c < self->n_columns; c++)
    if (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c])) == buffer)
      self->dirty[c] = TRUE;

  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, on_commit_timeout_cb, self);
  tri_segment_editor_update_spelling (self);
  update_wording_marks (self);
}

static void
on_items_changed_cb (TriSegmentEditor *self,
                     guint             position,
                     guint             removed,
                     guint             added,
                     GListModel       *model)
{
  refresh (self);
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   TriSegmentEditor        *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->focused = view;
  for (guint c = 0; c < self->n_columns; c++)
    if (view == GTK_WIDGET (self->views[c]))
      {
        update_editable (self, c);
        g_signal_emit (self, signals [COLUMN_FOCUSED], 0, c);
      }
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   TriSegmentEditor        *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->focused == view)
    self->focused = NULL;
  for (guint c = 0; c < self->n_columns; c++)
    if (view == GTK_WIDGET (self->views[c]))
      update_editable (self, c);
  tri_segment_editor_commit (self);
}

/* Keys that mean the grid's business even while typing: back to the grid,
 * confirm and go on, and the model's undo instead of the buffer's. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TriSegmentEditor      *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  const char *action = NULL;

  if (keyval == GDK_KEY_Escape && mods == 0)
    {
      tri_segment_editor_commit (self);
      g_signal_emit (self, signals [DONE], 0);
      return TRUE;
    }

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && mods == GDK_CONTROL_MASK)
    action = "align.confirm";
  else if ((keyval == GDK_KEY_z || keyval == GDK_KEY_Z) && mods == GDK_CONTROL_MASK)
    action = "win.undo";
  else if (((keyval == GDK_KEY_z || keyval == GDK_KEY_Z) && mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) ||
           (keyval == GDK_KEY_y && mods == GDK_CONTROL_MASK))
    action = "win.redo";

  if (action == NULL)
    return FALSE;

  tri_segment_editor_commit (self);
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

static void
update_scheme (TriSegmentEditor *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");

  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c]))),
                                        scheme);
}

/**
 * tri_segment_editor_set_alignment:
 * @self: a #TriSegmentEditor
 * @alignment: (nullable): the alignment to edit
 */
void
tri_segment_editor_set_alignment (TriSegmentEditor *self,
                                  TriAlignment     *alignment)
{
  g_return_if_fail (TRI_IS_SEGMENT_EDITOR (self));
  g_return_if_fail (alignment == NULL || TRI_IS_ALIGNMENT (alignment));

  if (self->alignment == alignment)
    return;

  tri_segment_editor_commit (self);
  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_items_changed_cb, self);
  g_set_object (&self->alignment, alignment);

  self->row = GTK_INVALID_LIST_POSITION;
  self->n_columns = alignment != NULL ? tri_alignment_get_n_columns (alignment) : 0;
  memset (self->dirty, 0, sizeof self->dirty);
  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      self->loading = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[c])), "", 0);
      self->loading = FALSE;
      gtk_widget_set_visible (self->columns[c], c < self->n_columns);
    }

  if (alignment != NULL)
    {
      g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      refresh (self);
    }
}

/**
 * tri_segment_editor_set_row:
 * @self: a #TriSegmentEditor
 * @row: the row to edit, or %GTK_INVALID_LIST_POSITION for none
 *
 * Binds the strip to @row, giving the model what was typed in the row
 * before first.
 */
void
tri_segment_editor_set_row (TriSegmentEditor *self,
                            guint             row)
{
  g_return_if_fail (TRI_IS_SEGMENT_EDITOR (self));

  if (self->committing)
    return;

  if (row != self->row)
    {
      guint n_before = has_row (self) ? g_list_model_get_n_items (G_LIST_MODEL (self->alignment)) : 0;

      /* Emptied, the row typed in goes, and the rows after it move up. */
      if (commit (self) && row != GTK_INVALID_LIST_POSITION && row > self->row)
        row -= n_before - g_list_model_get_n_items (G_LIST_MODEL (self->alignment));
      self->row = row;
    }
  refresh (self);
}

guint
tri_segment_editor_get_row (TriSegmentEditor *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), GTK_INVALID_LIST_POSITION);

  return self->row;
}

/**
 * tri_segment_editor_focus_column:
 * @self: a #TriSegmentEditor
 * @column: a column
 *
 * Moves the keyboard focus into @column's view, the cursor at the end.
 */
void
tri_segment_editor_focus_column (TriSegmentEditor *self,
                                 guint             column)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (TRI_IS_SEGMENT_EDITOR (self));

  if (column >= self->n_columns)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->views[column]));
}

/**
 * tri_segment_editor_get_focus_column:
 * @self: a #TriSegmentEditor
 *
 * Returns: the column whose view has the keyboard focus, or -1
 */
int
tri_segment_editor_get_focus_column (TriSegmentEditor *self)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), -1);

  for (guint c = 0; c < self->n_columns; c++)
    if (gtk_widget_is_focus (GTK_WIDGET (self->views[c])))
      return (int)c;
  return -1;
}

/**
 * tri_segment_editor_get_cursor_sentence:
 * @self: a #TriSegmentEditor
 * @column: a column
 *
 * Returns: which of the cell's sentences the cursor of @column's view is
 *   on (blank lines are no sentence), or -1 when that view does not have
 *   the focus
 */
int
tri_segment_editor_get_cursor_sentence (TriSegmentEditor *self,
                                        guint             column)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor, line;
  int sentence = 0;

  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), -1);

  if (column >= self->n_columns || !gtk_widget_is_focus (GTK_WIDGET (self->views[column])))
    return -1;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_start_iter (buffer, &line);
  while (gtk_text_iter_get_line (&line) < gtk_text_iter_get_line (&cursor))
    {
      GtkTextIter end = line;
      g_autofree char *text = NULL;

      gtk_text_iter_forward_to_line_end (&end);
      text = gtk_text_buffer_get_text (buffer, &line, &end, FALSE);
      if (g_strstrip (text)[0] != '\0')
        sentence++;
      if (!gtk_text_iter_forward_line (&line))
        break;
    }
  return sentence;
}

/**
 * tri_segment_editor_get_buffer:
 * @self: a #TriSegmentEditor
 * @column: a column
 *
 * Returns: (transfer none): the text buffer of @column's view
 */
GtkTextBuffer *
tri_segment_editor_get_buffer (TriSegmentEditor *self,
                               guint             column)
{
  g_return_val_if_fail (TRI_IS_SEGMENT_EDITOR (self), NULL);
  g_return_val_if_fail (column < TRI_MAX_COLUMNS, NULL);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->views[column]));
}

static void
tri_segment_editor_dispose (GObject *object)
{
  TriSegmentEditor *self = (TriSegmentEditor *)object;

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_func (self->alignment, on_items_changed_cb, self);
  g_clear_object (&self->alignment);
  if (self->suggesting != NULL)
    g_cancellable_cancel (self->suggesting);
  g_clear_object (&self->suggesting);
  g_clear_object (&self->spell);
  g_clear_object (&self->suggestions);
  g_clear_object (&self->spell_menu);
  g_clear_pointer (&self->picked_word, g_free);
  g_clear_object (&self->wording);

  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      g_clear_pointer (&self->columns[c], gtk_widget_unparent);
      g_clear_pointer (&self->highlights[c], g_array_unref);
    }

  G_OBJECT_CLASS (tri_segment_editor_parent_class)->dispose (object);
}

static void
tri_segment_editor_class_init (TriSegmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_source_init ();

  object_class->dispose = tri_segment_editor_dispose;

  /**
   * TriSegmentEditor::column-focused:
   * @column: the column whose view took the focus
   */
  signals [COLUMN_FOCUSED] =
    g_signal_new ("column-focused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TriSegmentEditor::done:
   *
   * Escape: the user is done typing and wants the grid back.
   */
  signals [DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TriSegmentEditor::message:
   * @message: something to tell the user (a dictionary could not be saved)
   */
  signals [MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * TriSegmentEditor::cursor-word:
   * @column: the view whose cursor moved
   * @offset: the byte offset of the cursor's word in its text, or -1
   *   when the cursor is on none
   */
  signals [CURSOR_WORD] =
    g_signal_new ("cursor-word", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "spelling.correct", "s", spelling_correct_action);
  gtk_widget_class_install_action (widget_class, "spelling.add", NULL, spelling_add_action);
  gtk_widget_class_install_action (widget_class, "spelling.ignore", NULL, spelling_ignore_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "segmenteditor");
}

static void
tri_segment_editor_init (TriSegmentEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *keys;

  self->row = GTK_INVALID_LIST_POSITION;
  self->highlight_row = G_MAXUINT;
  self->picked_column = -1;
  self->spell_menu = g_menu_new ();
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);

  for (guint c = 0; c < TRI_MAX_COLUMNS; c++)
    {
      GtkWidget *view = gtk_source_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GtkWidget *box = tri_text_column_new (GTK_TEXT_VIEW (view), &self->titles[c]);

      gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      /* One line is one sentence: numbered, so wrapping cannot hide
       * where a sentence ends. */
      gtk_source_view_set_show_line_numbers (GTK_SOURCE_VIEW (view), TRUE);
      gtk_source_view_set_highlight_current_line (GTK_SOURCE_VIEW (view), TRUE);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_css_class (view, "segment-editor-view");

      g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
      gtk_widget_add_controller (view, focus);

      /* Misspelled words: the error underline, and their menu on a right
       * click (before the view opens its own, which shows ours too). */
      {
        GdkRGBA red = { 0.88f, 0.11f, 0.14f, 1.0f };
        GdkRGBA yellow = { 0.96f, 0.83f, 0.18f, 0.45f };
        GtkGesture *click = gtk_gesture_click_new ();

        gtk_text_buffer_create_tag (buffer, "misspelled",
                                    "underline", PANGO_UNDERLINE_ERROR,
                                    "underline-rgba", &red,
                                    NULL);
        gtk_text_buffer_create_tag (buffer, "finding", "background-rgba", &yellow, NULL);
        tri_wording_create_tags (buffer);
        g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set_cb), self, 0);
        gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
        gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
        g_signal_connect (click, "pressed", G_CALLBACK (on_view_secondary_click_cb), self);
        gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (click));
        gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (view), G_MENU_MODEL (self->spell_menu));
      }

      gtk_widget_set_parent (box, GTK_WIDGET (self));
      self->columns[c] = box;
      self->views[c] = GTK_SOURCE_VIEW (view);
    }

  update_spell_actions (self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
  update_scheme (self);
}

/**
 * tri_segment_editor_new:
 *
 * Returns: (transfer full): a new, unbound editor strip
 */
GtkWidget *
tri_segment_editor_new (void)
{
  return g_object_new (TRI_TYPE_SEGMENT_EDITOR, NULL);
}

/* tri-checker.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-checker"

#include "config.h"

#include <string.h>

#include "tri-checker.h"

/* The findings of an alignment, kept up to date as it is edited.
 *
 * An edit replaces some rows (items-changed): the findings of the rows it
 * removed go at once, those after it move with their rows, and their byte
 * spans with their rows' text (each finding remembers where its row's
 * cells started when it was found). Shortly after the last edit, only the
 * rows edited and those sharing a paragraph with them are checked again
 * (tri_checks_run_rows()).
 *
 * A long document (LONG_ROWS rows or more) is checked whole in a thread,
 * on a copy of its texts and rows (tri_alignment_snapshot()): on opening,
 * and after an edit of many rows (an alignment ending). The edits made
 * meanwhile are kept: its findings follow them as the findings in hand do
 * (those of rows an edit replaced go), and the rows edited are checked
 * again (before, it started again after any edit, so a user editing a long
 * report while it ran never got its findings).
 *
 * A finding the user dismissed stays dismissed, in the project, as long
 * as the check, the row's text and the spans in it are the same: its key
 * is the check's id and a digest of those (dup_key()). */

#define RECHECK_DELAY_MS 300
#define LONG_ROWS        2000

typedef struct
{
  char  *key;                     /* NULL until asked for */
  gsize  base[TRI_MAX_COLUMNS];   /* where the row's cells started when found */
} State;

struct _TriChecker
{
  GObject       parent_instance;

  TriAlignment *alignment;
  GPtrArray    *findings;         /* TriFinding, by row */
  GHashTable   *states;           /* TriFinding → State */
  gboolean      dirty;            /* rows [dirty_from, dirty_to) wait for a check */
  guint         dirty_from;
  guint         dirty_to;
  guint         recheck_source;
  guint         n_active;         /* findings not dismissed */
  GCancellable *running;          /* a whole check in a thread, or NULL */
  guint64       running_generation;
  GArray       *running_edits;    /* Edit: the edits since it started */
  gboolean      stale;            /* rows [stale_from, stale_to) edited since */
  guint         stale_from;
  guint         stale_to;
};

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Edit;

G_DEFINE_FINAL_TYPE (TriChecker, tri_checker, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
state_free (State *state)
{
  g_free (state->key);
  g_free (state);
}

/* The bytes where @row's cell in @column starts (or would). */
static gsize
cell_start (TriAlignment *alignment,
            TriRow       *row,
            guint         column)
{
  TriDocument *doc = tri_alignment_get_document (alignment, column);
  guint first = tri_row_get_first (row, column);

  if (first < tri_document_get_n_sentences (doc))
    return tri_document_get_sentence (doc, first)->start;
  return tri_document_get_length (doc);
}

static State *
get_state (TriChecker       *self,
           const TriFinding *finding)
{
  return g_hash_table_lookup (self->states, finding);
}

static void
remember (TriChecker *self,
          TriFinding *finding)
{
  g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), finding->row);
  State *state = g_new0 (State, 1);

  for (guint c = 0; row != NULL && c < tri_alignment_get_n_columns (self->alignment); c++)
    state->base[c] = cell_start (self->alignment, row, c);
  g_hash_table_insert (self->states, finding, state);
}

/* The check, the row's text and the spans relative to it. */
static char *
dup_key (TriChecker       *self,
         const TriFinding *finding)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), finding->row);

  for (guint c = 0; row != NULL && c < tri_alignment_get_n_columns (self->alignment); c++)
    {
      g_autofree char *text = tri_alignment_dup_cell_text (self->alignment, row, c);
      gsize start = cell_start (self->alignment, row, c);
      char spans[64];

      g_checksum_update (checksum, (const guchar *)text, (gssize)strlen (text) + 1);
      for (guint i = 0; finding->spans[c] != NULL && i + 1 < finding->spans[c]->len; i += 2)
        {
          g_snprintf (spans, sizeof spans, "%" G_GSSIZE_FORMAT ",%" G_GSSIZE_FORMAT ";",
                      (gssize)(g_array_index (finding->spans[c], gsize, i) - start),
                      (gssize)(g_array_index (finding->spans[c], gsize, i + 1) - start));
          g_checksum_update (checksum, (const guchar *)spans, (gssize)strlen (spans));
        }
      g_checksum_update (checksum, (const guchar *)"|", 1);
    }
  return g_strdup_printf ("%s:%s", finding->check, g_checksum_get_string (checksum));
}

static const char *
get_key (TriChecker       *self,
         const TriFinding *finding)
{
  State *state = get_state (self, finding);

  if (state->key == NULL)
    state->key = dup_key (self, finding);
  return state->key;
}

static void
count_active (TriChecker *self)
{
  GHashTable *dismissed = tri_alignment_get_dismissed (self->alignment);

  self->n_active = 0;
  for (guint i = 0; i < self->findings->len; i++)
    self->n_active += g_hash_table_size (dismissed) == 0 ||
                      !g_hash_table_contains (dismissed, get_key (self, g_ptr_array_index (self->findings, i)));
}

static void
take_findings (TriChecker *self,
               GPtrArray  *findings)   /* taken */
{
  g_hash_table_remove_all (self->states);
  g_ptr_array_unref (self->findings);
  self->findings = findings;
  for (guint i = 0; i < self->findings->len; i++)
    remember (self, g_ptr_array_index (self->findings, i));
  self->dirty = FALSE;
  count_active (self);
}

static void
stop_running (TriChecker *self)
{
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  g_clear_object (&self->running);
}

static void
check_all (TriChecker *self)
{
  stop_running (self);
  take_findings (self, tri_checks_run (self->alignment));
}

static void start_running (TriChecker *self);
static void recheck       (TriChecker *self);
static void move_finding  (TriChecker *self,
                           TriFinding *finding,
                           guint       row_index);
static void widen         (gboolean   *has,
                           guint      *from,
                           guint      *to,
                           guint       position,
                           guint       removed,
                           guint       added,
                           guint       n_items);

/* What the whole check found on @snapshot, taken after the edits made
 * since: each finding goes where the edits moved its row, its spans with
 * the row's text (remembered where the snapshot had it); the findings of
 * rows an edit replaced go, and the rows edited are checked again. */
static void
take_findings_after_edits (TriChecker   *self,
                           TriAlignment *snapshot,
                           GPtrArray    *findings)   /* taken */
{
  GPtrArray *kept = g_ptr_array_new_full (findings->len, (GDestroyNotify)tri_finding_free);

  g_hash_table_remove_all (self->states);
  g_ptr_array_set_free_func (findings, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      TriFinding *finding = g_ptr_array_index (findings, i);
      g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (snapshot), finding->row);
      guint at = finding->row;
      gboolean gone = FALSE;
      State *state;

      for (guint k = 0; k < self->running_edits->len && !gone; k++)
        {
          const Edit *edit = &g_array_index (self->running_edits, Edit, k);

          if (at >= edit->position + edit->removed)
            at = at - edit->removed + edit->added;
          else if (at >= edit->position)
            gone = TRUE;
        }
      if (gone || row == NULL)
        {
          tri_finding_free (finding);
          continue;
        }
      state = g_new0 (State, 1);
      for (guint c = 0; c < tri_alignment_get_n_columns (snapshot); c++)
        state->base[c] = cell_start (snapshot, row, c);
      g_hash_table_insert (self->states, finding, state);
      move_finding (self, finding, at);
      g_ptr_array_add (kept, finding);
    }
  g_ptr_array_unref (findings);
  g_ptr_array_unref (self->findings);
  self->findings = kept;

  /* The rows edited meanwhile, and those still waiting, are checked. */
  self->dirty_from = self->stale_from;
  self->dirty_to = self->stale_to;
  self->dirty = self->stale;
  self->stale = FALSE;
  g_array_set_size (self->running_edits, 0);
  count_active (self);
}

static void
on_checked_all_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TriChecker *self = TRI_CHECKER (object);
  GPtrArray *findings = g_task_propagate_pointer (G_TASK (result), NULL);

  if (findings == NULL)   /* stopped */
    return;
  g_clear_object (&self->running);
  if (tri_alignment_get_generation (self->alignment) != self->running_generation)
    {
      /* Edited meanwhile: what was found follows the edits. */
      take_findings_after_edits (self, g_task_get_task_data (G_TASK (result)), findings);
      g_signal_emit (self, signals[CHANGED], 0);
      recheck (self);
      return;
    }
  take_findings (self, findings);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
check_all_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GPtrArray *findings = tri_checks_run (task_data);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_ptr_array_unref (findings);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, findings, (GDestroyNotify)g_ptr_array_unref);
}

/* The whole document in a thread, on a copy. */
static void
start_running (TriChecker *self)
{
  g_autoptr(GTask) task = NULL;

  stop_running (self);
  self->running = g_cancellable_new ();
  self->running_generation = tri_alignment_get_generation (self->alignment);
  g_array_set_size (self->running_edits, 0);
  self->stale = FALSE;
  task = g_task_new (self, self->running, on_checked_all_cb, NULL);
  g_task_set_source_tag (task, start_running);
  g_task_set_task_data (task, tri_alignment_snapshot (self->alignment), g_object_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, check_all_worker);
}

/* Checks the rows waiting for it again. */
static void
recheck (TriChecker *self)
{
  guint first = self->dirty_from, n = self->dirty_to - self->dirty_from;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  guint i = 0;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  if (!self->dirty)
    return;
  if (n >= LONG_ROWS)
    {
      start_running (self);
      return;
    }
  self->dirty = FALSE;

  found = tri_checks_run_rows (self->alignment, &first, &n);
  merged = g_ptr_array_new_full (self->findings->len + found->len, (GDestroyNotify)tri_finding_free);

  /* Before the rows checked, theirs, after them. */
  g_ptr_array_set_free_func (self->findings, NULL);
  g_ptr_array_set_free_func (found, NULL);
  for (; i < self->findings->len && ((TriFinding *)g_ptr_array_index (self->findings, i))->row < first; i++)
    g_ptr_array_add (merged, g_ptr_array_index (self->findings, i));
  for (; i < self->findings->len && ((TriFinding *)g_ptr_array_index (self->findings, i))->row < first + n; i++)
    {
      g_hash_table_remove (self->states, g_ptr_array_index (self->findings, i));
      tri_finding_free (g_ptr_array_index (self->findings, i));
    }
  for (guint k = 0; k < found->len; k++)
    {
      g_ptr_array_add (merged, g_ptr_array_index (found, k));
      remember (self, g_ptr_array_index (found, k));
    }
  for (; i < self->findings->len; i++)
    g_ptr_array_add (merged, g_ptr_array_index (self->findings, i));

  g_ptr_array_unref (self->findings);
  self->findings = g_steal_pointer (&merged);
  count_active (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_recheck_cb (gpointer user_data)
{
  TriChecker *self = user_data;

  self->recheck_source = 0;
  recheck (self);
}

/* Findings after the edit move with their rows: the row's number, and the
 * spans with its cells' text. */
static void
move_finding (TriChecker *self,
              TriFinding *finding,
              guint       row_index)
{
  g_autoptr(TriRow) row = g_list_model_get_item (G_LIST_MODEL (self->alignment), row_index);
  State *state = get_state (self, finding);

  finding->row = row_index;
  for (guint c = 0; row != NULL && c < tri_alignment_get_n_columns (self->alignment); c++)
    {
      gsize now = cell_start (self->alignment, row, c);

      if (now == state->base[c] || finding->spans[c] == NULL)
        continue;
      for (guint i = 0; i < finding->spans[c]->len; i++)
        g_array_index (finding->spans[c], gsize, i) += now - state->base[c];
      state->base[c] = now;
    }
}

/* Where row @x is after rows [@position, @position + @removed) became
 * @added others: @inside for a row among those replaced. */
static guint
moved_row (guint x,
           guint position,
           guint removed,
           guint added,
           guint inside)
{
  if (x <= position)
    return x;
  if (x >= position + removed)
    return x - removed + added;
  return inside;
}

/* Rows [@from, @to) waiting for a check (if *@has), after rows
 * [@position, @position + @removed) became @added others: where the edit
 * moved them, and the rows it made. */
static void
widen (gboolean *has,
       guint    *from,
       guint    *to,
       guint     position,
       guint     removed,
       guint     added,
       guint     n_items)
{
  if (*has)
    {
      *from = MIN (moved_row (*from, position, removed, added, position), position);
      *to = MAX (moved_row (*to, position, removed, added, position + added), position + added);
    }
  else
    {
      *from = position;
      *to = position + added;
    }
  *to = MIN (*to, n_items);
  *from = MIN (*from, *to);
  *has = TRUE;
}

static void
on_items_changed_cb (TriChecker *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  guint lower = tri_checker_lower_bound (self, position);
  guint upper = tri_checker_lower_bound (self, position + removed);

  /* The rows replaced lose their findings at once … */
  for (guint i = lower; i < upper; i++)
    g_hash_table_remove (self->states, g_ptr_array_index (self->findings, i));
  g_ptr_array_remove_range (self->findings, lower, upper - lower);

  /* … those after them move … */
  for (guint i = lower; i < self->findings->len; i++)
    {
      TriFinding *finding = g_ptr_array_index (self->findings, i);

      move_finding (self, finding, finding->row - removed + added);
    }

  /* … and the rows changed, with their neighbours, are checked soon
   * (with those changed before, where the edit moved them). */
  widen (&self->dirty, &self->dirty_from, &self->dirty_to, position, removed, added, n_items);

  /* A whole check running is told, for when its findings come. */
  if (self->running != NULL)
    {
      Edit edit = { position, removed, added };

      g_array_append_val (self->running_edits, edit);
      widen (&self->stale, &self->stale_from, &self->stale_to, position, removed, added, n_items);
    }

  count_active (self);
  g_signal_emit (self, signals[CHANGED], 0);

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  self->recheck_source = g_timeout_add_once (RECHECK_DELAY_MS, on_recheck_cb, self);
}

static void
on_dismissed_changed_cb (TriChecker *self)
{
  count_active (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
tri_checker_dispose (GObject *object)
{
  TriChecker *self = (TriChecker *)object;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  stop_running (self);
  if (self->alignment != NULL)
    g_signal_handlers_disconnect_by_data (self->alignment, self);
  g_clear_object (&self->alignment);

  G_OBJECT_CLASS (tri_checker_parent_class)->dispose (object);
}

static void
tri_checker_finalize (GObject *object)
{
  TriChecker *self = (TriChecker *)object;

  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->running_edits, g_array_unref);

  G_OBJECT_CLASS (tri_checker_parent_class)->finalize (object);
}

static void
tri_checker_class_init (TriCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_checker_dispose;
  object_class->finalize = tri_checker_finalize;

  /**
   * TriChecker::changed:
   *
   * The findings, or which are dismissed, changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tri_checker_init (TriChecker *self)
{
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)tri_finding_free);
  self->states = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)state_free);
  self->running_edits = g_array_new (FALSE, FALSE, sizeof (Edit));
}

/**
 * tri_checker_new:
 * @alignment: an aligned report
 *
 * Checks @alignment at once, and again after every edit.
 *
 * Returns: (transfer full): a new #TriChecker
 */
TriChecker *
tri_checker_new (TriAlignment *alignment)
{
  TriChecker *self;

  g_return_val_if_fail (TRI_IS_ALIGNMENT (alignment), NULL);

  self = g_object_new (TRI_TYPE_CHECKER, NULL);
  self->alignment = g_object_ref (alignment);
  if (g_list_model_get_n_items (G_LIST_MODEL (alignment)) >= LONG_ROWS)
    {
      self->dirty = TRUE;
      start_running (self);
    }
  else
    check_all (self);
  count_active (self);
  g_signal_connect_object (alignment, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (alignment, "dismissed-changed", G_CALLBACK (on_dismissed_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * tri_checker_get_findings:
 * @self: a #TriChecker
 *
 * The findings as of the last check, dismissed ones included, by row. Rows
 * edited since lose theirs until they are checked again.
 *
 * Returns: (transfer none) (element-type TriFinding): the findings
 */
GPtrArray *
tri_checker_get_findings (TriChecker *self)
{
  g_return_val_if_fail (TRI_IS_CHECKER (self), NULL);

  return self->findings;
}

/**
 * tri_checker_lower_bound:
 * @self: a #TriChecker
 * @row: a row
 *
 * Returns: the index of the first finding of @row or of a row after it
 */
guint
tri_checker_lower_bound (TriChecker *self,
                         guint       row)
{
  guint lo = 0, hi;

  g_return_val_if_fail (TRI_IS_CHECKER (self), 0);

  hi = self->findings->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((TriFinding *)g_ptr_array_index (self->findings, mid))->row < row)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * tri_checker_get_dismissed:
 * @self: a #TriChecker
 * @finding: one of its findings
 *
 * Returns: whether the user dismissed @finding
 */
gboolean
tri_checker_get_dismissed (TriChecker       *self,
                           const TriFinding *finding)
{
  GHashTable *dismissed;

  g_return_val_if_fail (TRI_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (get_state (self, finding) != NULL, FALSE);

  dismissed = tri_alignment_get_dismissed (self->alignment);
  return g_hash_table_size (dismissed) > 0 && g_hash_table_contains (dismissed, get_key (self, finding));
}

/**
 * tri_checker_set_dismissed:
 * @self: a #TriChecker
 * @finding: one of its findings
 * @dismissed: whether to dismiss it, or bring it back
 *
 * Dismisses @finding, in the project: it stays dismissed while its row's
 * text is the same.
 */
void
tri_checker_set_dismissed (TriChecker       *self,
                           const TriFinding *finding,
                           gboolean          dismissed)
{
  g_return_if_fail (TRI_IS_CHECKER (self));
  g_return_if_fail (get_state (self, finding) != NULL);

  tri_alignment_set_finding_dismissed (self->alignment, get_key (self, finding), dismissed);
}

/**
 * tri_checker_get_n_active:
 * @self: a #TriChecker
 *
 * Returns: how many findings are not dismissed
 */
guint
tri_checker_get_n_active (TriChecker *self)
{
  g_return_val_if_fail (TRI_IS_CHECKER (self), 0);

  return self->n_active;
}

/**
 * tri_checker_get_busy:
 * @self: a #TriChecker
 *
 * Returns: whether a long document is being checked whole, in a thread
 */
gboolean
tri_checker_get_busy (TriChecker *self)
{
  g_return_val_if_fail (TRI_IS_CHECKER (self), FALSE);

  return self->running != NULL;
}

/**
 * tri_checker_flush:
 * @self: a #TriChecker
 *
 * Checks now the rows edited since the last check (before a report is
 * written, say).
 */
void
tri_checker_flush (TriChecker *self)
{
  g_return_if_fail (TRI_IS_CHECKER (self));

  if (self->running != NULL)
    {
      g_clear_handle_id (&self->recheck_source, g_source_remove);
      check_all (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  recheck (self);
}

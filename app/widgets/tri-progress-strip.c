/* tri-progress-strip.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-progress-strip"

#include "config.h"

#include "tri-progress-strip.h"

/**
 * TriProgressStrip:
 *
 * The strip under the header bar while long work runs: its stage
 * (reading, splitting, aligning, checking), a progress bar, and Cancel
 * (the "win.cancel-alignment" action, Escape). It asks a #TriProgressFunc
 * what runs, ten times a second while something does, and shows only
 * once the work has run for a moment: short work never flashes it.
 */

#define PROGRESS_DELAY_US (300 * G_TIME_SPAN_MILLISECOND)

struct _TriProgressStrip
{
  GtkWidget        parent_instance;

  TriProgressFunc  func;
  gpointer         data;
  guint            source;
  gint64           start;          /* when the work it follows began */

  GtkRevealer     *revealer;
  GtkLabel        *label;
  GtkProgressBar  *bar;
  GtkWidget       *cancel;
};

G_DEFINE_FINAL_TYPE (TriProgressStrip, tri_progress_strip, GTK_TYPE_WIDGET)

/* Returns whether something is still running. */
static gboolean
show_progress (TriProgressStrip *self)
{
  const char *stage = NULL;
  double fraction = -1;
  gboolean can_cancel = TRUE;

  if (self->func == NULL || !self->func (self->data, &stage, &fraction, &can_cancel) || stage == NULL)
    return FALSE;

  if (g_get_monotonic_time () - self->start < PROGRESS_DELAY_US)
    return TRUE;

  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  if (g_strcmp0 (gtk_label_get_label (self->label), stage) != 0)
    {
      gtk_label_set_label (self->label, stage);
      gtk_progress_bar_set_fraction (self->bar, 0);
    }
  if (fraction > 0)
    gtk_progress_bar_set_fraction (self->bar, fraction);
  else
    gtk_progress_bar_pulse (self->bar);
  gtk_widget_set_visible (self->cancel, can_cancel);
  return TRUE;
}

static gboolean
on_tick_cb (gpointer user_data)
{
  TriProgressStrip *self = user_data;

  if (show_progress (self))
    return G_SOURCE_CONTINUE;

  self->source = 0;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  return G_SOURCE_REMOVE;
}

/**
 * tri_progress_strip_set_func:
 * @self: a #TriProgressStrip
 * @func: (nullable): what tells the strip what runs
 * @data: its data
 */
void
tri_progress_strip_set_func (TriProgressStrip *self,
                             TriProgressFunc   func,
                             gpointer          data)
{
  g_return_if_fail (TRI_IS_PROGRESS_STRIP (self));

  self->func = func;
  self->data = data;
}

/**
 * tri_progress_strip_stop:
 * @self: a #TriProgressStrip
 *
 * Hides the strip now, whatever runs.
 */
void
tri_progress_strip_stop (TriProgressStrip *self)
{
  g_return_if_fail (TRI_IS_PROGRESS_STRIP (self));

  g_clear_handle_id (&self->source, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

/**
 * tri_progress_strip_update:
 * @self: a #TriProgressStrip
 *
 * Something started or ended (opening, aligning, checking): the strip
 * follows what runs, and hides at once when nothing does.
 */
void
tri_progress_strip_update (TriProgressStrip *self)
{
  g_return_if_fail (TRI_IS_PROGRESS_STRIP (self));

  if (self->source == 0)
    {
      self->start = g_get_monotonic_time ();
      gtk_progress_bar_set_fraction (self->bar, 0);
    }
  if (!show_progress (self))
    {
      tri_progress_strip_stop (self);
      return;
    }
  if (self->source == 0)
    self->source = g_timeout_add (100, on_tick_cb, self);
}

static void
tri_progress_strip_dispose (GObject *object)
{
  TriProgressStrip *self = (TriProgressStrip *)object;

  g_clear_handle_id (&self->source, g_source_remove);
  self->func = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), TRI_TYPE_PROGRESS_STRIP);

  G_OBJECT_CLASS (tri_progress_strip_parent_class)->dispose (object);
}

static void
tri_progress_strip_class_init (TriProgressStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_progress_strip_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/tri-progress-strip.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TriProgressStrip, revealer);
  gtk_widget_class_bind_template_child (widget_class, TriProgressStrip, label);
  gtk_widget_class_bind_template_child (widget_class, TriProgressStrip, bar);
  gtk_widget_class_bind_template_child (widget_class, TriProgressStrip, cancel);
}

static void
tri_progress_strip_init (TriProgressStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* bk-reflection-window.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-reflection-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-format.h"
#include "bk-journal.h"
#include "bk-reflection-window.h"

/* The newest reflections are what a person rereads; older ones stay in each journal. */
#define MAX_REFLECTIONS 100

struct _BkReflectionWindow
{
  AdwWindow            parent_instance;

  BkJournal           *journal;
  /* the rows shown, each in its group */
  GPtrArray           *rows;
  /* a run, a note or a counterpart changed in the write being told */
  gboolean             changed;

  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *outcomes_group;
  AdwPreferencesGroup *notes_group;
};

G_DEFINE_FINAL_TYPE (BkReflectionWindow, bk_reflection_window, ADW_TYPE_WINDOW)

static GtkWidget *
create_count_row (const char *title,
                  guint       count,
                  guint       total)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (total, 1));
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (count_text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), count);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_size_request (label, 24, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static void
add_row (BkReflectionWindow  *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_placeholder (BkReflectionWindow  *self,
                 AdwPreferencesGroup *group,
                 const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  add_row (self, group, row);
}

static void
clear (BkReflectionWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* Totals over every run and the newest reflections: read again as a whole, once per write
 * that touched them (a person rarely writes while this window is open). */
static void
fill (BkReflectionWindow *self)
{
  BkJournal *journal = self->journal;
  guint reasons[BK_N_REASONS] = { 0 };
  guint outcomes[BK_N_OUTCOMES] = { 0 };
  guint total_reasons = 0, total_outcomes = 0;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  if (!bk_run_store_count_reasons_and_outcomes (bk_journal_get_runs (journal), reasons, outcomes, &error) ||
      !(notes = bk_note_store_list_reflections (bk_journal_get_notes (journal), MAX_REFLECTIONS, &error)))
    {
      add_placeholder (self, self->reasons_group, error->message);
      return;
    }

  for (guint i = 0; i < BK_N_REASONS; i++)
    total_reasons += reasons[i];
  for (guint i = 0; i < BK_N_OUTCOMES; i++)
    total_outcomes += outcomes[i];

  for (guint i = 0; i < BK_N_REASONS; i++)
    if (reasons[i] > 0)
      add_row (self, self->reasons_group,
               create_count_row (bk_reason_get_label (i, BK_COUNTERPART_KIND_CLIENT), reasons[i], total_reasons));
  if (total_reasons == 0)
    add_placeholder (self, self->reasons_group, _("No playbook has been started yet"));

  for (guint i = 0; i < BK_N_OUTCOMES; i++)
    if (outcomes[i] > 0)
      add_row (self, self->outcomes_group,
               create_count_row (bk_outcome_get_label (i), outcomes[i], total_outcomes));
  if (total_outcomes == 0)
    add_placeholder (self, self->outcomes_group, _("No playbook has ended yet"));

  for (guint i = 0; i < notes->len; i++)
    {
      BkNote *note = g_ptr_array_index (notes, i);
      g_autoptr(BkCounterpart) counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), bk_note_get_counterpart_id (note), NULL);
      g_autofree char *date = bk_format_date (bk_note_get_created (note));
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: "Maria Sokolova, November 27, 2026" */
      title = g_strdup_printf (_("%s, %s"), counterpart != NULL ? bk_counterpart_get_name (counterpart) : "", date);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bk_note_get_text (note));
      gtk_widget_add_css_class (row, "reflection");
      add_row (self, self->notes_group, row);
    }
  if (notes->len == 0)
    add_placeholder (self, self->notes_group, _("Write a note of the kind “Reflection” in a client’s journal"));
}

static void
on_store_changed_cb (BkReflectionWindow *self)
{
  self->changed = TRUE;
}

static void
on_database_flushed_cb (BkReflectionWindow *self)
{
  if (!self->changed)
    return;

  self->changed = FALSE;
  clear (self);
  fill (self);
}

static void
bk_reflection_window_dispose (GObject *object)
{
  BkReflectionWindow *self = (BkReflectionWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_REFLECTION_WINDOW);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_reflection_window_parent_class)->dispose (object);
}

static void
bk_reflection_window_class_init (BkReflectionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_reflection_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-reflection-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkReflectionWindow, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, BkReflectionWindow, outcomes_group);
  gtk_widget_class_bind_template_child (widget_class, BkReflectionWindow, notes_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_reflection_window_init (BkReflectionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

BkReflectionWindow *
bk_reflection_window_new (BkWindow *parent)
{
  BkReflectionWindow *self;

  g_return_val_if_fail (BK_IS_WINDOW (parent), NULL);

  self = g_object_new (BK_TYPE_REFLECTION_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->journal = g_object_ref (bk_window_get_journal (parent));

  /* what it counts and lists: runs, reflection notes, and whose they are */
  g_signal_connect_object (bk_journal_get_runs (self->journal), "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_notes (self->journal), "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_counterparts (self->journal), "changed", G_CALLBACK (on_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_database (self->journal), "flushed", G_CALLBACK (on_database_flushed_cb),
                           self, G_CONNECT_SWAPPED);
  fill (self);

  return self;
}

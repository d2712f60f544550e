/* bk-reflection-window.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-reflection-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-format.h"
#include "bk-journal.h"
#include "bk-reflection-window.h"

/* The newest reflections are what a person rereads; older ones stay in each journal. */
#define MAX_REFLECTIONS 100

struct _BkReflectionWindow
{
  AdwWindow            parent_instance;

  BkWindow            *parent;
  BkJournal           *journal;
  BkPlaybookLibrary   *playbooks;
  /* the rows shown, each in its group */
  GPtrArray           *rows;
  /* a run, a note or a counterpart changed in the write being told */
  gboolean             changed;

  AdwPreferencesGroup *clients_group;
  AdwPreferencesGroup *vendors_group;
  AdwPreferencesGroup *referrals_group;
  AdwPreferencesGroup *notes_group;
};

G_DEFINE_FINAL_TYPE (BkReflectionWindow, bk_reflection_window, ADW_TYPE_WINDOW)

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

/* "Parted ways: 2 · Referred to a colleague: 1 · Still in progress: 1" */
static char *
dup_outcomes_text (const guint *counts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i <= BK_N_OUTCOMES; i++)
    {
      const char *label;

      if (counts[i] == 0)
        continue;
      label = i < BK_N_OUTCOMES ? bk_outcome_get_label (i) : _("Still in progress");
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: how many runs ended this way: "Parted ways: 2" */
      g_string_append_printf (text, _("%s: %u"), label, counts[i]);
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
create_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* Which outcome followed which problem, for one kind, and where those relationships stand */
static void
fill_kind (BkReflectionWindow  *self,
           AdwPreferencesGroup *group,
           BkCounterpartKind    kind)
{
  static const char * const standing_labels[BK_N_STANDINGS] = {
    N_("Still working together"),
    N_("A referral came back"),
    N_("Ended on good terms"),
    N_("Ended"),
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) standing = g_string_new (NULL);
  BkRunTally tally;

  if (!bk_run_store_tally (bk_journal_get_runs (self->journal), self->playbooks, kind, &tally, &error))
    {
      add_placeholder (self, group, error->message);
      return;
    }

  if (tally.n_runs == 0)
    {
      add_placeholder (self, group, kind == BK_COUNTERPART_KIND_VENDOR ? _("No playbook with a vendor yet")
                                                                        : _("No playbook with a client yet"));
      return;
    }

  for (guint i = 0; i < BK_N_REASONS; i++)
    {
      g_autofree char *outcomes = dup_outcomes_text (tally.by_reason[i]);

      if (outcomes[0] != '\0')
        add_row (self, group, create_row (bk_reason_get_label (i, kind), outcomes));
    }
  {
    g_autofree char *outcomes = dup_outcomes_text (tally.no_reason);

    if (outcomes[0] != '\0')
      add_row (self, group, create_row (_("No reason given"), outcomes));
  }

  for (guint i = 0; i < BK_N_STANDINGS; i++)
    {
      if (tally.standing[i] == 0)
        continue;
      if (standing->len > 0)
        g_string_append (standing, " · ");
      g_string_append_printf (standing, _("%s: %u"), _(standing_labels[i]), tally.standing[i]);
    }
  add_row (self, group, create_row (_("Where They Stand Now"), standing->str));
}

static void
on_reflection_activated_cb (AdwActionRow *row,
                            gpointer      user_data)
{
  BkReflectionWindow *self = BK_REFLECTION_WINDOW (gtk_widget_get_root (GTK_WIDGET (row)));
  gint64 counterpart_id = GPOINTER_TO_SIZE (user_data);

  /* (the window is the person's way into the journal: it stays; the client shows behind) */
  if (self->parent != NULL)
    {
      bk_window_show_counterpart (self->parent, counterpart_id);
      gtk_window_present (GTK_WINDOW (self->parent));
    }
}

/* The bridges that paid off: who came through someone handed over or parted from well */
static void
fill_referrals (BkReflectionWindow *self)
{
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;

  if (!(back = bk_counterpart_store_list_referrals_back (bk_journal_get_counterparts (self->journal), &error)))
    {
      add_placeholder (self, self->referrals_group, error->message);
      return;
    }

  for (guint i = 0; i < back->len; i++)
    {
      BkCounterpart *counterpart = g_ptr_array_index (back, i);
      g_autoptr(BkCounterpart) referrer = bk_counterpart_store_dup (bk_journal_get_counterparts (self->journal),
                                                                    bk_counterpart_get_referred_by_id (counterpart), NULL);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: %s is who referred a client or vendor */
      subtitle = g_strdup_printf (_("Referred by %s"), referrer != NULL ? bk_counterpart_get_name (referrer) : "");
      row = create_row (bk_counterpart_get_name (counterpart), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), bk_accessible_new_decoration ("emblem-ok-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bk_accessible_new_decoration ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_reflection_activated_cb),
                        GSIZE_TO_POINTER (bk_counterpart_get_id (counterpart)));
      add_row (self, self->referrals_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->referrals_group), back->len > 0);
}

/* Read again as a whole, once per write that touched what it shows (a person rarely writes
 * while this window is open). */
static void
fill (BkReflectionWindow *self)
{
  BkJournal *journal = self->journal;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  fill_kind (self, self->clients_group, BK_COUNTERPART_KIND_CLIENT);
  fill_kind (self, self->vendors_group, BK_COUNTERPART_KIND_VENDOR);
  fill_referrals (self);

  if (!(notes = bk_note_store_list_reflections (bk_journal_get_notes (journal), MAX_REFLECTIONS, &error)))
    {
      add_placeholder (self, self->notes_group, error->message);
      return;
    }

  for (guint i = 0; i < notes->len; i++)
    {
      BkNote *note = g_ptr_array_index (notes, i);
      gint64 counterpart_id = bk_note_get_counterpart_id (note);
      g_autoptr(BkCounterpart) counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), counterpart_id, NULL);
      g_autofree char *date = bk_format_date (bk_note_get_created (note));
      g_autofree char *title = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *row;

      /* Translators: "Maria Sokolova, November 27, 2026" */
      title = g_strdup_printf (_("%s, %s"), counterpart != NULL ? bk_counterpart_get_name (counterpart) : "", date);
      row = create_row (title, bk_note_get_text (note));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bk_accessible_new_decoration ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Translators: what a screen reader says of a reflection: "Open Maria Sokolova" */
      accessible = g_strdup_printf (_("Open %s"), counterpart != NULL ? bk_counterpart_get_name (counterpart) : "");
      gtk_widget_set_tooltip_text (row, accessible);
      g_signal_connect (row, "activated", G_CALLBACK (on_reflection_activated_cb), GSIZE_TO_POINTER (counterpart_id));
      gtk_widget_add_css_class (row, "reflection");
      add_row (self, self->notes_group, row);
    }
  if (notes->len == 0)
    add_placeholder (self, self->notes_group, _("Reflect on a relationship from its menu, or as a playbook ends"));
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
  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);
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
  gtk_widget_class_bind_template_child (widget_class, BkReflectionWindow, clients_group);
  gtk_widget_class_bind_template_child (widget_class, BkReflectionWindow, vendors_group);
  gtk_widget_class_bind_template_child (widget_class, BkReflectionWindow, referrals_group);
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
  self->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  self->journal = g_object_ref (bk_window_get_journal (parent));
  self->playbooks = g_object_ref (bk_window_get_playbooks (parent));

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

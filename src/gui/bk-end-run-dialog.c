/* bk-end-run-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-end-run-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-feedback.h"
#include "bk-end-run-dialog.h"
#include "bk-journal.h"

struct _BkEndRunDialog
{
  AdwWindow       parent_instance;

  BkJournal      *journal;
  BkCounterpart  *counterpart;
  BkRun          *run;
  BkPlaybook     *playbook;

  AdwComboRow    *outcome_row;
  AdwEntryRow    *successor_row;
  AdwActionRow   *status_row;
  GtkSwitch      *status_switch;
  GtkSpinButton  *first_spin;
  GtkSpinButton  *second_spin;
  GtkSwitch      *first_switch;
  GtkSwitch      *second_switch;
  GtkWidget      *outcome_group;
  GtkWidget      *checkins_group;
  AdwEntryRow    *happened_row;
  AdwEntryRow    *again_row;
  AdwEntryRow    *best_row;
};

G_DEFINE_FINAL_TYPE (BkEndRunDialog, bk_end_run_dialog, ADW_TYPE_WINDOW)

static BkOutcome
get_outcome (BkEndRunDialog *self)
{
  return adw_combo_row_get_selected (self->outcome_row);
}

static void
on_outcome_changed_cb (BkEndRunDialog *self)
{
  BkCounterpartStatus status = bk_outcome_get_status (get_outcome (self));
  g_autofree char *title = NULL;

  /* Translators: %s is a relationship status, e.g. "Ended on good terms" */
  title = g_strdup_printf (_("Set the status to “%s”"), bk_counterpart_status_get_label (status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
}

static gboolean
end_run (BkEndRunDialog  *self,
         gboolean         force,
         GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  BkOutcome outcome = get_outcome (self);
  g_autofree char *reflection = NULL;
  guint days[2];
  guint n_days = 0;

  reflection = bk_note_compose_reflection (gtk_editable_get_text (GTK_EDITABLE (self->happened_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->again_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->best_row)));

  /* a check-in turned off is skipped */
  if (gtk_switch_get_active (self->first_switch))
    days[n_days++] = gtk_spin_button_get_value_as_int (self->first_spin);
  if (gtk_switch_get_active (self->second_switch))
    days[n_days++] = gtk_spin_button_get_value_as_int (self->second_spin);

  return bk_run_store_end (bk_journal_get_runs (self->journal), self->run, self->playbook,
                           &(BkRunEnding) {
                             .outcome = outcome,
                             .successor = gtk_editable_get_text (GTK_EDITABLE (self->successor_row)),
                             .checkin_days = days,
                             .n_checkin_days = n_days,
                             .change_status = gtk_switch_get_active (self->status_switch),
                             .new_status = bk_outcome_get_status (outcome),
                             .force = force,
                             .reflection = reflection,
                           },
                           now, error);
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_open_items_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           BkEndRunDialog   *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "end") != 0)
    return;

  if (!end_run (self, TRUE, &error))
    {
      bk_show_error_dialog (GTK_WINDOW (self), _("The Playbook Was Not Ended"), error->message);
      return;
    }

  /* Not from inside the question's own response: it still refers to this window. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BkEndRunDialog *self = BK_END_RUN_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (end_run (self, FALSE, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS))
    {
      AdwMessageDialog *dialog;

      /* Parting with something unsettled burns a bridge: ask first. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Part Ways with Open Items?"), NULL));
      adw_message_dialog_format_body (dialog, "%s %s", error->message,
                                      _("Settling them first is what keeps the bridge standing."));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Settle Them First"),
                                        "end", _("_Part Ways Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_items_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  bk_show_error_dialog (GTK_WINDOW (self), _("The Playbook Was Not Ended"), error->message);
}

static void
bk_end_run_dialog_dispose (GObject *object)
{
  BkEndRunDialog *self = (BkEndRunDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_END_RUN_DIALOG);
  g_clear_object (&self->journal);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->run);
  g_clear_object (&self->playbook);

  G_OBJECT_CLASS (bk_end_run_dialog_parent_class)->dispose (object);
}

static void
bk_end_run_dialog_class_init (BkEndRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_end_run_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-end-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, successor_row);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, status_switch);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, first_spin);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, second_spin);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, first_switch);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, second_switch);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, checkins_group);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, happened_row);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, again_row);
  gtk_widget_class_bind_template_child (widget_class, BkEndRunDialog, best_row);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.end", NULL, end_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_end_run_dialog_init (BkEndRunDialog *self)
{
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  bk_accessible_fix_mnemonics (GTK_WIDGET (self));

  /* The days of a check-in turned off do not count. */
  g_object_bind_property (self->first_switch, "active", self->first_spin, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->second_switch, "active", self->second_spin, "sensitive", G_BINDING_SYNC_CREATE);

  /* The rows' positions are BkOutcome's values. */
  for (guint i = 0; i < BK_N_OUTCOMES; i++)
    gtk_string_list_append (outcomes, bk_outcome_get_label (i));
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcomes));
}

BkEndRunDialog *
bk_end_run_dialog_new (GtkWindow     *parent,
                       BkJournal     *journal,
                       BkCounterpart *counterpart,
                       BkRun         *run,
                       BkPlaybook    *playbook)
{
  BkEndRunDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (BK_IS_COUNTERPART (counterpart), NULL);
  g_return_val_if_fail (BK_IS_RUN (run), NULL);
  g_return_val_if_fail (BK_IS_PLAYBOOK (playbook), NULL);

  self = g_object_new (BK_TYPE_END_RUN_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->counterpart = g_object_ref (counterpart);
  self->run = g_object_ref (run);
  self->playbook = g_object_ref (playbook);

  adw_combo_row_set_selected (self->outcome_row, bk_playbook_get_outcome (playbook));
  on_outcome_changed_cb (self);

  /* Reflect, from older journals: no way out, so no outcome and nothing to schedule */
  gtk_widget_set_visible (self->outcome_group, bk_playbook_is_way_out (playbook));
  gtk_widget_set_visible (self->checkins_group, bk_playbook_is_way_out (playbook));

  return self;
}

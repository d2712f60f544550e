/* bk-diagnosis-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-diagnosis-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-feedback.h"
#include "bk-diagnosis-dialog.h"
#include "bk-journal.h"
#include "bk-playbook-library.h"

struct _BkDiagnosisDialog
{
  AdwWindow            parent_instance;

  BkJournal           *journal;
  BkPlaybookLibrary   *playbooks;
  BkCounterpart       *counterpart;
  GtkCheckButton      *reason_checks[BK_N_REASONS];
  AdwComboRow         *question_rows[BK_N_QUESTIONS];
  /* Playbook rows added to the two groups, to take out when the reasons change */
  GPtrArray           *playbook_rows;

  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *questions_group;
  AdwPreferencesGroup *recommended_group;
  AdwPreferencesGroup *others_group;
};

G_DEFINE_FINAL_TYPE (BkDiagnosisDialog, bk_diagnosis_dialog, ADW_TYPE_WINDOW)

/* The answers, in BkQuestion order; the rows list them in BkAnswer order */
static void
get_answers (BkDiagnosisDialog *self,
             BkAnswer           answers[BK_N_QUESTIONS])
{
  for (guint q = 0; q < BK_N_QUESTIONS; q++)
    answers[q] = (BkAnswer) adw_combo_row_get_selected (self->question_rows[q]);
}

static guint
get_reasons (BkDiagnosisDialog *self)
{
  guint reasons = 0;

  for (guint i = 0; i < BK_N_REASONS; i++)
    if (gtk_check_button_get_active (self->reason_checks[i]))
      reasons |= 1u << i;

  return reasons;
}

/* "diagnosis.start" (s): the playbook, by its id */
static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BkDiagnosisDialog *self = BK_DIAGNOSIS_DIALOG (widget);
  BkPlaybook *playbook = bk_playbook_library_lookup (self->playbooks,
                                                     g_variant_get_string (parameter, NULL));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BkRun) run = NULL;

  g_return_if_fail (playbook != NULL);

  run = bk_run_store_start (bk_journal_get_runs (self->journal), bk_counterpart_get_id (self->counterpart), playbook,
                            get_reasons (self), now, &error);
  if (run == NULL)
    {
      bk_show_error_dialog (GTK_WINDOW (self), _("The Playbook Was Not Started"), error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
create_playbook_row (BkDiagnosisDialog *self,
                     BkPlaybook        *playbook,
                     const char        *why,
                     gboolean           suggested)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Start"));
  g_autofree char *button_label = NULL;

  /* Translators: what a screen reader says for the Start button of a playbook: "Start Make a Referral" */
  button_label = g_strdup_printf (_("Start %s"), bk_playbook_get_name (playbook));
  bk_accessible_name_button (button, button_label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_playbook_get_name (playbook));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), bk_accessible_new_decoration (bk_playbook_get_icon_name (playbook)));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, bk_playbook_get_id (playbook));
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "diagnosis.start");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", bk_playbook_get_id (playbook));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
add_playbook_row (BkDiagnosisDialog   *self,
                  AdwPreferencesGroup *group,
                  GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->playbook_rows, row);
}

static void
update_playbooks (BkDiagnosisDialog *self)
{
  BkPlaybookLibrary *library = self->playbooks;
  BkCounterpartKind kind = bk_counterpart_get_kind (self->counterpart);
  g_autoptr(GHashTable) recommended = g_hash_table_new (NULL, NULL);
  BkReason reasons[BK_N_REASONS];
  BkAnswer answers[BK_N_QUESTIONS];
  guint n_reasons = 0;

  for (guint i = 0; i < self->playbook_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->playbook_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->playbook_rows, 0);

  for (guint i = 0; i < BK_N_REASONS; i++)
    if (gtk_check_button_get_active (self->reason_checks[i]))
      reasons[n_reasons++] = i;

  get_answers (self, answers);
  if (n_reasons > 0)
    {
      g_autoptr(GPtrArray) recommendations = bk_playbook_library_recommend (library, reasons, n_reasons, answers, kind);

      for (guint i = 0; i < recommendations->len; i++)
        {
          BkRecommendation *recommendation = g_ptr_array_index (recommendations, i);

          add_playbook_row (self, self->recommended_group,
                            create_playbook_row (self, recommendation->playbook, recommendation->why, i == 0));
          g_hash_table_add (recommended, recommendation->playbook);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BkPlaybook) playbook = g_list_model_get_item (G_LIST_MODEL (library), i);

      /* (Reflect is no way out: a reflection is written at any time, and as any playbook ends) */
      if (!g_hash_table_contains (recommended, playbook) && bk_playbook_is_way_out (playbook))
        add_playbook_row (self, self->others_group,
                          create_playbook_row (self, playbook, bk_playbook_get_summary (playbook, kind), FALSE));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recommended_group), n_reasons > 0);
  /* (asked once there is something to weigh them against) */
  gtk_widget_set_visible (GTK_WIDGET (self->questions_group), n_reasons > 0);
  adw_preferences_group_set_title (self->others_group, n_reasons > 0 ? _("Other Playbooks") : _("All Playbooks"));
}

static void
bk_diagnosis_dialog_dispose (GObject *object)
{
  BkDiagnosisDialog *self = (BkDiagnosisDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_DIAGNOSIS_DIALOG);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);
  g_clear_pointer (&self->playbook_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_diagnosis_dialog_parent_class)->dispose (object);
}

static void
bk_diagnosis_dialog_class_init (BkDiagnosisDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_diagnosis_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-diagnosis-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkDiagnosisDialog, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, BkDiagnosisDialog, questions_group);
  gtk_widget_class_bind_template_child (widget_class, BkDiagnosisDialog, recommended_group);
  gtk_widget_class_bind_template_child (widget_class, BkDiagnosisDialog, others_group);

  gtk_widget_class_install_action (widget_class, "diagnosis.start", "s", start_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_diagnosis_dialog_init (BkDiagnosisDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->playbook_rows = g_ptr_array_new ();
}

BkDiagnosisDialog *
bk_diagnosis_dialog_new (GtkWindow         *parent,
                         BkJournal         *journal,
                         BkPlaybookLibrary *playbooks,
                         BkCounterpart     *counterpart)
{
  BkDiagnosisDialog *self;
  BkCounterpartKind kind;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (BK_IS_PLAYBOOK_LIBRARY (playbooks), NULL);
  g_return_val_if_fail (BK_IS_COUNTERPART (counterpart), NULL);

  self = g_object_new (BK_TYPE_DIAGNOSIS_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->playbooks = g_object_ref (playbooks);
  self->counterpart = g_object_ref (counterpart);
  kind = bk_counterpart_get_kind (counterpart);

  for (guint i = 0; i < BK_N_REASONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, bk_reason_to_string (i));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_playbooks), self);
      self->reason_checks[i] = GTK_CHECK_BUTTON (check);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_reason_get_label (i, kind));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->reasons_group, row);
    }

  for (guint q = 0; q < BK_N_QUESTIONS; q++)
    {
      g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();

      /* (listed in BkAnswer order: "Not sure" first, the default) */
      for (guint a = 0; a < BK_N_ANSWERS; a++)
        gtk_string_list_append (answers, bk_answer_get_label (a));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (answers));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_question_get_label (q, kind));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_name (row, bk_question_to_string (q));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (update_playbooks), self);
      self->question_rows[q] = ADW_COMBO_ROW (row);
      adw_preferences_group_add (self->questions_group, row);
    }

  update_playbooks (self);

  return self;
}

/* bk-resolution-view.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-resolution-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-feedback.h"
#include "bk-diagnosis-dialog.h"
#include "bk-end-run-dialog.h"
#include "bk-format.h"
#include "bk-journal.h"
#include "bk-open-item-dialog.h"
#include "bk-playbook-library.h"
#include "bk-resolution-view.h"

struct _BkResolutionView
{
  AdwBin                parent_instance;

  BkJournal            *journal;
  BkPlaybookLibrary    *playbooks;
  BkCounterpart        *counterpart;
  /* The active run and its playbook, or NULL */
  BkRun                *run;
  BkPlaybook           *playbook;
  /* What remains to settle, access in use included (as the journal counts it for parting ways),
   * and of that the access alone */
  guint                 n_open_items;
  guint                 n_open_access;
  /* The step whose row was open, so that a refresh keeps it open */
  char                 *expanded_step;
  guint                 refresh_source;
  /* Rows added to the groups, to take out on refresh */
  GPtrArray            *group_rows;

  GtkWidget            *none_box;
  GtkWidget            *active_box;
  GtkImage             *playbook_icon;
  GtkLabel             *playbook_name_label;
  GtkLabel             *playbook_summary_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkLabel             *reasons_label;
  GtkListBox           *steps_list;
  AdwPreferencesGroup  *items_group;
  AdwPreferencesGroup  *checkins_group;
  AdwPreferencesGroup  *history_group;
};

G_DEFINE_FINAL_TYPE (BkResolutionView, bk_resolution_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_OPEN_ITEMS,
  PROP_PLAYBOOKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (BkResolutionView *self);

static BkPlaybook *
lookup_playbook (BkResolutionView *self,
                 const char       *id)
{
  return self->playbooks != NULL ? bk_playbook_library_lookup (self->playbooks, id) : NULL;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  BkResolutionView *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt from an idle: a row's own signal may be what asked for it. */
static void
queue_refresh (BkResolutionView *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
on_runs_changed_cb (BkResolutionView *self,
                    gint64            counterpart_id)
{
  if (self->counterpart != NULL &&
      (counterpart_id == 0 || counterpart_id == bk_counterpart_get_id (self->counterpart)))
    queue_refresh (self);
}

static void
add_group_row (BkResolutionView    *self,
               AdwPreferencesGroup *group,
               GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->group_rows, row);
}

static void
clear_rows (BkResolutionView *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->group_rows, 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))))
    gtk_list_box_remove (self->steps_list, child);
}

/* Steps */

static const char *
get_step_id (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "step-id");
}

static void
set_step_state (BkResolutionView *self,
                GtkWidget        *widget,
                BkStepState       state)
{
  GtkEditable *note = g_object_get_data (G_OBJECT (widget), "note-entry");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  /* The journal's signals may refresh the view, and drop its run, before this returns. */
  g_autoptr(BkRun) run = g_object_ref (self->run);
  g_autoptr(BkPlaybook) playbook = g_object_ref (self->playbook);

  g_free (self->expanded_step);
  self->expanded_step = g_strdup (get_step_id (widget));

  if (!bk_run_store_set_step_state (bk_journal_get_runs (self->journal), run, playbook, get_step_id (widget), state,
                                    note != NULL ? gtk_editable_get_text (note) : NULL, now, &error))
    bk_show_toast (GTK_WIDGET (self), error->message);

  queue_refresh (self);
}

static void
on_step_check_toggled_cb (GtkCheckButton   *check,
                          BkResolutionView *self)
{
  set_step_state (self, GTK_WIDGET (check), gtk_check_button_get_active (check) ? BK_STEP_STATE_DONE : BK_STEP_STATE_OPEN);
}

static void
on_step_skip_clicked_cb (GtkButton        *button,
                         BkResolutionView *self)
{
  set_step_state (self, GTK_WIDGET (button), BK_STEP_STATE_SKIPPED);
}

static void
on_step_reopen_clicked_cb (GtkButton        *button,
                           BkResolutionView *self)
{
  set_step_state (self, GTK_WIDGET (button), BK_STEP_STATE_OPEN);
}

static void
on_step_note_activate_cb (GtkEntry         *entry,
                          BkResolutionView *self)
{
  BkStepState state = bk_run_get_step_state (self->run, get_step_id (GTK_WIDGET (entry)));

  /* Enter in the note of an open step means: done, with this note. */
  set_step_state (self, GTK_WIDGET (entry), state == BK_STEP_STATE_OPEN ? BK_STEP_STATE_DONE : state);
}

static guint
count_open_access_items (GPtrArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      BkOpenItem *item = g_ptr_array_index (items, i);

      if (bk_open_item_get_settled (item) == NULL && bk_open_item_get_kind (item) == BK_OPEN_ITEM_KIND_ACCESS)
        n++;
    }

  return n;
}

static char *
dup_step_subtitle (BkResolutionView *self,
                   guint             step)
{
  const char *step_id = bk_playbook_get_step_id (self->playbook, step);
  const char *role = bk_playbook_get_step_role (self->playbook, step);
  BkStepState state = bk_run_get_step_state (self->run, step_id);
  GDateTime *changed = bk_run_get_step_changed (self->run, step_id);
  g_autofree char *date = changed != NULL ? bk_format_date (changed) : NULL;

  switch (state)
    {
    case BK_STEP_STATE_DONE:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Done on %s"), date);

    case BK_STEP_STATE_SKIPPED:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Skipped on %s"), date);

    case BK_STEP_STATE_OPEN:
    default:
      if (g_strcmp0 (role, "open-items") == 0 || g_strcmp0 (role, "access") == 0)
        {
          guint n = g_strcmp0 (role, "access") == 0 ? self->n_open_access : self->n_open_items;

          if (n == 0)
            return g_strdup (_("Nothing left to settle"));

          return g_strdup_printf (ngettext ("%u open item remains", "%u open items remain", n), n);
        }
      return NULL;
    }
}

static void
on_access_state_clicked_cb (GtkButton        *button,
                            BkResolutionView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (!bk_credential_store_set_state (bk_journal_get_credentials (self->journal),
                                      GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "credential-id")),
                                      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "state")),
                                      now, &error))
    bk_show_toast (GTK_WIDGET (self), error->message);

  queue_refresh (self);
}

static GtkWidget *
create_access_button (BkResolutionView  *self,
                      BkCredential      *credential,
                      BkCredentialState  state,
                      const char        *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "credential-id", GSIZE_TO_POINTER (bk_credential_get_id (credential)));
  g_object_set_data (G_OBJECT (button), "state", GUINT_TO_POINTER (state));
  g_signal_connect (button, "clicked", G_CALLBACK (on_access_state_clicked_cb), self);

  return button;
}

/* The "hand over or revoke access" step lists the client's credentials to check off. */
static GtkWidget *
create_access_list (BkResolutionView *self)
{
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (!(credentials = bk_credential_store_list (bk_journal_get_credentials (self->journal), bk_counterpart_get_id (self->counterpart), &error)))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return list;
    }

  for (guint i = 0; i < credentials->len; i++)
    {
      BkCredential *credential = g_ptr_array_index (credentials, i);
      BkCredentialState state = bk_credential_get_state (credential);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_credential_get_label (credential));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bk_credential_state_get_label (state));
      if (state == BK_CREDENTIAL_STATE_IN_USE)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     create_access_button (self, credential, BK_CREDENTIAL_STATE_HANDED_OVER,
                                                           _("_Handed Over")));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     create_access_button (self, credential, BK_CREDENTIAL_STATE_REVOKED,
                                                           _("_Revoked")));
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  if (credentials->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No access recorded: add it in the Access tab"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  return list;
}

static GtkWidget *
create_step_row (BkResolutionView *self,
                 guint             step)
{
  BkCounterpartKind kind = bk_counterpart_get_kind (self->counterpart);
  const char *step_id = bk_playbook_get_step_id (self->playbook, step);
  BkStepState state = bk_run_get_step_state (self->run, step_id);
  const char *note = bk_run_get_step_note (self->run, step_id);
  g_autofree char *subtitle = dup_step_subtitle (self, step);
  g_autofree char *title = NULL;
  GtkWidget *row, *check, *box, *label, *entry, *buttons, *button;

  /* Translators: a playbook step's number and title, "2. Settle every open item" */
  title = g_strdup_printf (_("%u. %s"), step + 1, bk_playbook_get_step_title (self->playbook, step, kind));

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle != NULL ? subtitle : "");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_strcmp0 (step_id, self->expanded_step) == 0);
  if (state != BK_STEP_STATE_OPEN)
    gtk_widget_add_css_class (row, state == BK_STEP_STATE_DONE ? "step-done" : "step-skipped");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  label = gtk_label_new (bk_playbook_get_step_description (self->playbook, step, kind));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  if (g_strcmp0 (bk_playbook_get_step_role (self->playbook, step), "access") == 0)
    gtk_box_append (GTK_BOX (box), create_access_list (self));

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("A note on this step (optional)"));
  gtk_editable_set_text (GTK_EDITABLE (entry), note != NULL ? note : "");
  g_object_set_data_full (G_OBJECT (entry), "step-id", g_strdup (step_id), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (on_step_note_activate_cb), self);
  gtk_box_append (GTK_BOX (box), entry);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  if (state == BK_STEP_STATE_OPEN)
    {
      button = gtk_button_new_with_mnemonic (_("_Skip This Step"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_step_skip_clicked_cb), self);
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_Reopen"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_step_reopen_clicked_cb), self);
    }
  g_object_set_data_full (G_OBJECT (button), "step-id", g_strdup (step_id), g_free);
  g_object_set_data (G_OBJECT (button), "note-entry", entry);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), state == BK_STEP_STATE_DONE);
  gtk_widget_set_sensitive (check, state != BK_STEP_STATE_SKIPPED);
  gtk_widget_set_name (check, step_id);
  g_object_set_data_full (G_OBJECT (check), "step-id", g_strdup (step_id), g_free);
  g_object_set_data (G_OBJECT (check), "note-entry", entry);
  g_signal_connect (check, "toggled", G_CALLBACK (on_step_check_toggled_cb), self);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

  return row;
}

static char *
dup_reasons_text (BkRun             *run,
                  BkCounterpartKind  kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint reasons = bk_run_get_reasons (run);

  for (guint i = 0; i < BK_N_REASONS; i++)
    {
      if ((reasons & (1u << i)) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, _("; "));
      g_string_append (text, bk_reason_get_label (i, kind));
    }

  if (text->len == 0)
    return NULL;

  /* Translators: %s lists what isn't working in the relationship */
  return g_strdup_printf (_("What isn’t working: %s"), text->str);
}

static void
update_run (BkResolutionView *self)
{
  BkCounterpartKind kind = bk_counterpart_get_kind (self->counterpart);
  g_autofree char *progress = NULL;
  g_autofree char *reasons = NULL;
  guint settled, total;

  /* Boxes rather than a stack: a stack would measure the hidden page's wrapped text for the
   * shown page's height, and ask for a window wider than the screen. */
  gtk_widget_set_visible (self->none_box, self->run == NULL || self->playbook == NULL);
  gtk_widget_set_visible (self->active_box, self->run != NULL && self->playbook != NULL);
  if (self->run == NULL || self->playbook == NULL)
    return;

  settled = bk_run_get_n_settled_steps (self->run);
  total = bk_run_get_n_steps (self->run);
  /* Translators: playbook progress, "3 of 6 steps" */
  progress = g_strdup_printf (ngettext ("%u of %u step", "%u of %u steps", total), settled, total);
  reasons = dup_reasons_text (self->run, kind);

  gtk_image_set_from_icon_name (self->playbook_icon, bk_playbook_get_icon_name (self->playbook));
  gtk_label_set_text (self->playbook_name_label, bk_playbook_get_name (self->playbook));
  gtk_label_set_text (self->playbook_summary_label, bk_playbook_get_summary (self->playbook, kind));
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)settled / total : 0);
  gtk_label_set_text (self->progress_label, progress);
  gtk_label_set_text (self->reasons_label, reasons != NULL ? reasons : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_label), reasons != NULL);

  for (guint i = 0; i < bk_playbook_get_n_steps (self->playbook); i++)
    gtk_list_box_append (self->steps_list, create_step_row (self, i));
}

/* Open items */

static gint64
get_item_id (GtkWidget *widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "item-id"));
}

static void
on_item_check_toggled_cb (GtkCheckButton   *check,
                          BkResolutionView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (!bk_open_item_store_settle (bk_journal_get_open_items (self->journal), get_item_id (GTK_WIDGET (check)),
                                  gtk_check_button_get_active (check), now, &error))
    bk_show_toast (GTK_WIDGET (self), error->message);

  queue_refresh (self);
}

static void
on_item_delete_clicked_cb (GtkButton        *button,
                           BkResolutionView *self)
{
  g_autoptr(GError) error = NULL;

  if (!bk_open_item_store_delete (bk_journal_get_open_items (self->journal), get_item_id (GTK_WIDGET (button)), &error))
    bk_show_toast (GTK_WIDGET (self), error->message);

  queue_refresh (self);
}

static GtkWidget *
create_item_row (BkResolutionView *self,
                 BkOpenItem       *item)
{
  GDateTime *settled = bk_open_item_get_settled (item);
  g_autofree char *amount = bk_open_item_dup_amount_text (item);
  g_autofree char *settled_text = settled != NULL ? bk_format_date (settled) : NULL;
  g_autoptr(GString) subtitle = g_string_new (bk_open_item_kind_get_label (bk_open_item_get_kind (item)));
  GtkWidget *row, *check, *button;

  if (amount != NULL)
    g_string_append_printf (subtitle, " · %s", amount);
  if (settled_text != NULL)
    {
      g_string_append (subtitle, " · ");
      /* Translators: %s is a date */
      g_string_append_printf (subtitle, _("settled on %s"), settled_text);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_open_item_get_description (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Settled"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), settled != NULL);
  g_object_set_data (G_OBJECT (check), "item-id", GSIZE_TO_POINTER (bk_open_item_get_id (item)));
  g_signal_connect (check, "toggled", G_CALLBACK (on_item_check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "item-id", GSIZE_TO_POINTER (bk_open_item_get_id (item)));
  g_signal_connect (button, "clicked", G_CALLBACK (on_item_delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  if (settled != NULL)
    gtk_widget_add_css_class (row, "item-settled");

  return row;
}

/* Check-ins */

static void
on_checkin_done_clicked_cb (GtkButton        *button,
                            BkResolutionView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "checkin-id"));

  if (!bk_checkin_store_complete (bk_journal_get_checkins (self->journal), id, NULL, now, &error))
    bk_show_toast (GTK_WIDGET (self), error->message);

  queue_refresh (self);
}

static GtkWidget *
create_checkin_row (BkResolutionView *self,
                    BkCheckin        *checkin,
                    GDateTime        *now)
{
  GDateTime *done = bk_checkin_get_done (checkin);
  GDateTime *due = bk_checkin_get_due (checkin);
  g_autofree char *due_text = bk_format_date (due);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: %s is a date */
  title = g_strdup_printf (_("Check in on %s"), due_text);
  if (done != NULL)
    {
      g_autofree char *done_text = bk_format_date (done);

      /* Translators: %s is a date */
      subtitle = g_strdup_printf (_("Done on %s"), done_text);
    }
  else if (g_date_time_compare (due, now) <= 0)
    subtitle = g_strdup (_("Due now"));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (done != NULL ? "emblem-ok-symbolic" : "alarm-symbolic"));

  if (done == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Checked In"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "checkin-id", GSIZE_TO_POINTER (bk_checkin_get_id (checkin)));
      g_signal_connect (button, "clicked", G_CALLBACK (on_checkin_done_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* Earlier runs */

static GtkWidget *
create_history_row (BkResolutionView *self,
                    BkRun            *run)
{
  BkPlaybook *playbook = lookup_playbook (self, bk_run_get_playbook_id (run));
  g_autofree char *ended = bk_format_date (bk_run_get_ended (run));
  const char *successor = bk_run_get_successor (run);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (successor != NULL && successor[0] != '\0')
    /* Translators: "November 27, 2026: Referred to a colleague, Anna Petrova" */
    subtitle = g_strdup_printf (_("%s: %s, %s"), ended, bk_outcome_get_label (bk_run_get_outcome (run)), successor);
  else
    /* Translators: "November 27, 2026: Parted ways" */
    subtitle = g_strdup_printf (_("%s: %s"), ended, bk_outcome_get_label (bk_run_get_outcome (run)));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 playbook != NULL ? bk_playbook_get_name (playbook) : bk_run_get_playbook_id (run));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
refresh (BkResolutionView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint n_history = 0;
  guint n_open_items;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  clear_rows (self);
  g_clear_object (&self->run);
  self->playbook = NULL;

  if (self->counterpart == NULL || self->journal == NULL)
    return;

  id = bk_counterpart_get_id (self->counterpart);
  self->run = bk_run_store_dup_active (bk_journal_get_runs (self->journal), id, &error);
  if (self->run != NULL)
    self->playbook = lookup_playbook (self, bk_run_get_playbook_id (self->run));

  if (!(items = bk_open_item_store_list (bk_journal_get_open_items (self->journal), id, &error)) ||
      !(checkins = bk_checkin_store_list (bk_journal_get_checkins (self->journal), id, &error)) ||
      !(runs = bk_run_store_list (bk_journal_get_runs (self->journal), id, &error)))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* Counted before the steps' rows say how many remain */
  n_open_items = bk_open_item_store_count (bk_journal_get_open_items (self->journal), id);
  self->n_open_access = count_open_access_items (items) + bk_credential_store_count_in_use (bk_journal_get_credentials (self->journal), id);
  if (self->n_open_items != n_open_items)
    {
      self->n_open_items = n_open_items;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN_ITEMS]);
    }

  update_run (self);

  for (guint i = 0; i < items->len; i++)
    add_group_row (self, self->items_group, create_item_row (self, g_ptr_array_index (items, i)));

  for (guint i = 0; i < checkins->len; i++)
    add_group_row (self, self->checkins_group, create_checkin_row (self, g_ptr_array_index (checkins, i), now));
  gtk_widget_set_visible (GTK_WIDGET (self->checkins_group), checkins->len > 0);

  for (guint i = 0; i < runs->len; i++)
    {
      BkRun *run = g_ptr_array_index (runs, i);

      if (!bk_run_is_active (run))
        {
          add_group_row (self, self->history_group, create_history_row (self, run));
          n_history++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), n_history > 0);

}

/* Actions */

static void
diagnose_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (widget);
  BkDiagnosisDialog *dialog;

  if (self->counterpart == NULL)
    return;

  dialog = bk_diagnosis_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->journal, self->playbooks,
                                    self->counterpart);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_run_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (widget);
  BkEndRunDialog *dialog;

  if (self->run == NULL || self->playbook == NULL)
    return;

  dialog = bk_end_run_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->journal,
                                  self->counterpart, self->run, self->playbook);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_item_dialog_saved_cb (BkResolutionView *self)
{
  queue_refresh (self);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (widget);
  BkOpenItemDialog *dialog;

  if (self->counterpart == NULL)
    return;

  dialog = bk_open_item_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->journal,
                                    bk_counterpart_get_id (self->counterpart));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_item_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bk_resolution_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_OPEN_ITEMS:
      g_value_set_uint (value, self->n_open_items);
      break;

    case PROP_PLAYBOOKS:
      g_value_set_object (value, self->playbooks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_resolution_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYBOOKS:
      if (g_set_object (&self->playbooks, g_value_get_object (value)))
        {
          queue_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_resolution_view_dispose (GObject *object)
{
  BkResolutionView *self = (BkResolutionView *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_RESOLUTION_VIEW);

  g_clear_object (&self->run);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  g_clear_pointer (&self->expanded_step, g_free);

  G_OBJECT_CLASS (bk_resolution_view_parent_class)->dispose (object);
}

static void
bk_resolution_view_class_init (BkResolutionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_resolution_view_dispose;
  object_class->get_property = bk_resolution_view_get_property;
  object_class->set_property = bk_resolution_view_set_property;

  properties[PROP_N_OPEN_ITEMS] =
    g_param_spec_uint ("n-open-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The playbooks runs follow, from the client page */
  properties[PROP_PLAYBOOKS] =
    g_param_spec_object ("playbooks", NULL, NULL,
                         BK_TYPE_PLAYBOOK_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-resolution-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, none_box);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, active_box);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, playbook_icon);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, playbook_name_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, playbook_summary_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, reasons_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, steps_list);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, items_group);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, checkins_group);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, history_group);

  gtk_widget_class_install_action (widget_class, "resolution.diagnose", NULL, diagnose_action);
  gtk_widget_class_install_action (widget_class, "resolution.end-run", NULL, end_run_action);
  gtk_widget_class_install_action (widget_class, "resolution.add-item", NULL, add_item_action);
}

static void
bk_resolution_view_init (BkResolutionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_rows = g_ptr_array_new ();
}

void
bk_resolution_view_set_journal (BkResolutionView *self,
                                BkJournal        *journal)
{
  g_return_if_fail (BK_IS_RESOLUTION_VIEW (self));
  g_return_if_fail (BK_IS_JOURNAL (journal));

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);

  if (g_set_object (&self->journal, journal))
    {
      g_signal_connect_object (journal, "runs-changed", G_CALLBACK (on_runs_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "counterparts-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "credentials-changed", G_CALLBACK (on_runs_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

void
bk_resolution_view_set_counterpart (BkResolutionView *self,
                                    BkCounterpart    *counterpart)
{
  g_return_if_fail (BK_IS_RESOLUTION_VIEW (self));
  g_return_if_fail (counterpart == NULL || BK_IS_COUNTERPART (counterpart));

  if (self->counterpart != NULL && counterpart != NULL &&
      bk_counterpart_get_id (self->counterpart) == bk_counterpart_get_id (counterpart))
    {
      /* The same counterpart, edited: rows may be in the middle of a signal. */
      g_set_object (&self->counterpart, counterpart);
      queue_refresh (self);
      return;
    }

  g_clear_pointer (&self->expanded_step, g_free);
  g_set_object (&self->counterpart, counterpart);
  refresh (self);
}

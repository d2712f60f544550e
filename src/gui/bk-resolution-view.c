/* bk-resolution-view.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-resolution-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-access-row.h"
#include "bk-accessible.h"
#include "bk-checkin-row.h"
#include "bk-diagnosis-dialog.h"
#include "bk-end-run-dialog.h"
#include "bk-feedback.h"
#include "bk-format.h"
#include "bk-journal.h"
#include "bk-open-item-dialog.h"
#include "bk-open-item-row.h"
#include "bk-playbook-library.h"
#include "bk-resolution-view.h"
#include "bk-row-list.h"
#include "bk-run-row.h"
#include "bk-run-step-list.h"
#include "bk-step-row.h"

struct _BkResolutionView
{
  AdwBin                parent_instance;

  BkJournal            *journal;
  BkPlaybookLibrary    *playbooks;
  BkCounterpart        *counterpart;

  /* The counterpart's rows, each following its store */
  BkRowList            *open_items;
  BkRowList            *checkins;
  BkRowList            *credentials;
  BkRowList            *runs;
  /* Of the runs, those that ended */
  GtkFilterListModel   *earlier_runs;

  /* The steps of the active run (which they keep up to date) and its playbook, or NULL */
  BkRunStepList        *steps;
  BkPlaybook           *playbook;

  /* What remains to settle, access in use included (as the journal counts it for parting ways),
   * and of that the access alone */
  guint                 n_open_items;
  guint                 n_open_access;
  /* What the tab's badge counts: of those, the ones the playbook in progress shows to settle */
  guint                 n_to_settle;
  /* The step whose row is open, so that a new row for it opens too */
  char                 *expanded_step;

  GtkWidget            *none_box;
  GtkWidget            *active_box;
  GtkWidget            *ended_box;
  GtkImage             *ended_icon;
  GtkLabel             *ended_outcome_label;
  GtkLabel             *ended_details_label;
  GtkLabel             *ended_successor_label;
  GtkLabel             *next_checkin_label;
  GtkWidget            *restart_box;
  GtkImage             *playbook_icon;
  GtkLabel             *playbook_name_label;
  GtkLabel             *playbook_summary_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkLabel             *reasons_label;
  GtkListBox           *steps_list;
  GtkListBox           *items_list;
  GtkListBox           *checkins_list;
  GtkListBox           *history_list;
  GtkWidget            *checkins_group;
  GtkWidget            *history_group;
};

G_DEFINE_FINAL_TYPE (BkResolutionView, bk_resolution_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_OPEN_ITEMS,
  PROP_N_OPEN_ACCESS,
  PROP_N_TO_SETTLE,
  PROP_PLAYBOOKS,
  PROP_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BkRun *
get_run (BkResolutionView *self)
{
  return self->steps != NULL ? bk_run_step_list_get_run (self->steps) : NULL;
}

static BkPlaybook *
lookup_playbook (BkResolutionView *self,
                 const char       *id)
{
  return self->playbooks != NULL ? bk_playbook_library_lookup (self->playbooks, id) : NULL;
}

/* Counts */

/* Counted from the lists on screen: the unsettled open items and the access still in use */
static void
update_counts (BkResolutionView *self)
{
  guint n_items = 0;
  guint n_item_access = 0;
  guint n_in_use = 0;
  gboolean settles_items = FALSE;
  gboolean settles_access = FALSE;
  guint n_to_settle;

  if (self->open_items != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->open_items)); i++)
        {
          g_autoptr(BkOpenItem) item = g_list_model_get_item (G_LIST_MODEL (self->open_items), i);

          if (bk_open_item_get_settled (item) != NULL)
            continue;
          n_items++;
          if (bk_open_item_get_kind (item) == BK_OPEN_ITEM_KIND_ACCESS)
            n_item_access++;
        }
    }

  if (self->credentials != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->credentials)); i++)
        {
          g_autoptr(BkCredential) credential = g_list_model_get_item (G_LIST_MODEL (self->credentials), i);

          if (bk_credential_get_state (credential) == BK_CREDENTIAL_STATE_IN_USE)
            n_in_use++;
        }
    }

  /* The tab shows the open items always, and the access in use only in the access step: the
   * badge counts what the playbook in progress asks to settle there, and nothing without one. */
  for (guint i = 0; self->playbook != NULL && i < bk_playbook_get_n_steps (self->playbook); i++)
    {
      const char *role = bk_playbook_get_step_role (self->playbook, i);

      settles_items |= g_strcmp0 (role, "open-items") == 0;
      settles_access |= g_strcmp0 (role, "access") == 0;
    }
  n_to_settle = (settles_items || settles_access ? n_items : 0) + (settles_access ? n_in_use : 0);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->n_to_settle != n_to_settle)
    {
      self->n_to_settle = n_to_settle;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TO_SETTLE]);
    }

  if (self->n_open_items != n_items + n_in_use)
    {
      self->n_open_items = n_items + n_in_use;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN_ITEMS]);
    }

  if (self->n_open_access != n_item_access + n_in_use)
    {
      self->n_open_access = n_item_access + n_in_use;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN_ACCESS]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* The run in progress */

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
update_progress (BkResolutionView *self)
{
  BkRun *run = get_run (self);
  g_autofree char *progress = NULL;
  guint settled, total;

  if (run == NULL)
    return;

  settled = bk_run_get_n_settled_steps (run);
  total = bk_run_get_n_steps (run);
  /* Translators: playbook progress, "3 of 6 steps" */
  progress = g_strdup_printf (ngettext ("%u of %u step", "%u of %u steps", total), settled, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)settled / total : 0);
  gtk_label_set_text (self->progress_label, progress);
}

/* The playbook that ended last, or NULL */
static BkRun *
dup_last_ended_run (BkResolutionView *self)
{
  BkRun *last = NULL;

  for (guint i = 0; self->runs != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->runs)); i++)
    {
      g_autoptr(BkRun) run = g_list_model_get_item (G_LIST_MODEL (self->runs), i);

      if (bk_run_is_active (run) || bk_run_get_ended (run) == NULL)
        continue;
      if (last == NULL || g_date_time_compare (bk_run_get_ended (run), bk_run_get_ended (last)) > 0)
        g_set_object (&last, run);
    }

  return last;
}

/* "Next check-in: June 3, 2026", "A check-in is due now", or NULL when none is left to do */
static char *
dup_next_checkin_text (BkResolutionView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = NULL;
  GDateTime *next = NULL;

  for (guint i = 0; self->checkins != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->checkins)); i++)
    {
      g_autoptr(BkCheckin) checkin = g_list_model_get_item (G_LIST_MODEL (self->checkins), i);
      GDateTime *due = bk_checkin_get_due (checkin);

      if (bk_checkin_get_done (checkin) != NULL)
        continue;
      if (next == NULL || g_date_time_compare (due, next) < 0)
        {
          g_clear_pointer (&next, g_date_time_unref);
          next = g_date_time_ref (due);
        }
    }

  if (next == NULL)
    return NULL;

  if (g_date_time_compare (next, now) <= 0)
    {
      g_date_time_unref (next);
      return g_strdup (_("A check-in is due now"));
    }

  date = bk_format_date (next);
  g_date_time_unref (next);
  /* Translators: after a playbook ended, %s is a date */
  return g_strdup_printf (_("Next check-in: %s"), date);
}

/* After a playbook ended, the tab leads with what happened: the outcome, who took over, the
 * next check-in. */
static void
update_ended (BkResolutionView *self)
{
  g_autoptr(BkRun) last = get_run (self) == NULL ? dup_last_ended_run (self) : NULL;
  g_autofree char *ended = NULL;
  g_autofree char *details = NULL;
  g_autofree char *successor = NULL;
  g_autofree char *next_checkin = NULL;
  BkPlaybook *playbook;
  const char *who;

  /* Boxes rather than a stack: a stack would measure the hidden page's wrapped text for the
   * shown page's height, and ask for a window wider than the screen. */
  gtk_widget_set_visible (self->none_box, get_run (self) == NULL && last == NULL);
  gtk_widget_set_visible (self->ended_box, last != NULL);
  gtk_widget_set_visible (self->restart_box, last != NULL);
  if (last == NULL)
    return;

  playbook = lookup_playbook (self, bk_run_get_playbook_id (last));
  ended = bk_format_date (bk_run_get_ended (last));
  /* Translators: "Part Ways Cleanly, ended on November 27, 2026" */
  details = g_strdup_printf (_("%s, ended on %s"),
                             playbook != NULL ? bk_playbook_get_name (playbook) : bk_run_get_playbook_id (last),
                             ended);
  who = bk_run_get_successor (last);
  if (who != NULL && who[0] != '\0')
    /* Translators: who took over the work when a playbook ended, a name */
    successor = g_strdup_printf (_("Taken over by %s"), who);
  next_checkin = dup_next_checkin_text (self);

  gtk_image_set_from_icon_name (self->ended_icon,
                                playbook != NULL ? bk_playbook_get_icon_name (playbook) : "emblem-ok-symbolic");
  gtk_label_set_text (self->ended_outcome_label, bk_outcome_get_label (bk_run_get_outcome (last)));
  gtk_label_set_text (self->ended_details_label, details);
  gtk_label_set_text (self->ended_successor_label, successor != NULL ? successor : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ended_successor_label), successor != NULL);
  gtk_label_set_text (self->next_checkin_label,
                      next_checkin != NULL ? next_checkin : _("No check-ins left to do"));
}

static void
update_header (BkResolutionView *self)
{
  BkRun *run = get_run (self);
  BkCounterpartKind kind;
  g_autofree char *reasons = NULL;

  gtk_widget_set_visible (self->active_box, run != NULL);
  update_ended (self);
  if (run == NULL)
    return;

  kind = bk_counterpart_get_kind (self->counterpart);
  reasons = dup_reasons_text (run, kind);

  gtk_image_set_from_icon_name (self->playbook_icon, bk_playbook_get_icon_name (self->playbook));
  gtk_label_set_text (self->playbook_name_label, bk_playbook_get_name (self->playbook));
  gtk_label_set_text (self->playbook_summary_label, bk_playbook_get_summary (self->playbook, kind));
  gtk_label_set_text (self->reasons_label, reasons != NULL ? reasons : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_label), reasons != NULL);

  update_progress (self);
}

static GtkWidget *
create_access_row (gpointer item,
                   gpointer user_data)
{
  return GTK_WIDGET (bk_access_row_new (item));
}

/* The "hand over or revoke access" step lists the client's credentials to check off. */
static GtkWidget *
create_access_list (BkResolutionView *self)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  placeholder = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (placeholder), _("No access recorded: add it in the Access tab"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  /* Words, not a control */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (placeholder), FALSE);
  gtk_widget_set_focusable (placeholder, FALSE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);

  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->credentials), create_access_row, NULL, NULL);

  return list;
}

static void
on_step_row_expanded_cb (BkResolutionView *self,
                         GParamSpec       *pspec,
                         BkStepRow        *row)
{
  const char *step_id = bk_run_step_get_step_id (bk_step_row_get_step (row));

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    {
      g_free (self->expanded_step);
      self->expanded_step = g_strdup (step_id);
    }
  else if (g_strcmp0 (self->expanded_step, step_id) == 0)
    g_clear_pointer (&self->expanded_step, g_free);
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  BkResolutionView *self = user_data;
  BkRunStep *step = item;
  const char *role = bk_run_step_get_role (step);
  BkStepRow *row = bk_step_row_new (step);

  /* The steps that settle things say what remains. */
  if (g_strcmp0 (role, "access") == 0)
    {
      g_object_bind_property (self, "n-open-access", row, "n-remaining", G_BINDING_SYNC_CREATE);
      bk_step_row_set_extra (row, create_access_list (self));
    }
  else if (g_strcmp0 (role, "open-items") == 0)
    g_object_bind_property (self, "n-open-items", row, "n-remaining", G_BINDING_SYNC_CREATE);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_strcmp0 (bk_run_step_get_step_id (step), self->expanded_step) == 0);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_step_row_expanded_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (row);
}

static void
set_steps (BkResolutionView *self,
           BkRunStepList    *steps,
           BkPlaybook       *playbook)
{
  BkRun *old_run = get_run (self);

  if (old_run != NULL)
    g_signal_handlers_disconnect_by_data (old_run, self);

  if (steps == NULL || self->steps == NULL ||
      bk_run_get_id (bk_run_step_list_get_run (steps)) != bk_run_get_id (old_run))
    g_clear_pointer (&self->expanded_step, g_free);

  g_set_object (&self->steps, steps);
  self->playbook = playbook;

  if (steps != NULL)
    g_signal_connect_object (bk_run_step_list_get_run (steps), "notify::n-settled-steps",
                             G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->steps_list, G_LIST_MODEL (steps),
                           steps != NULL ? create_step_row : NULL, self, NULL);
  update_counts (self);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
}

/* Shows the steps of the counterpart's active run. A new list only when the run in progress is
 * another one (or the counterpart's kind, and so the wording, changed): ticking a step changes
 * that step's row alone, through the list. */
static void
sync_active_run (BkResolutionView *self,
                 gboolean          force)
{
  BkRun *shown = get_run (self);
  g_autoptr(BkRun) active = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(BkRunStepList) steps = NULL;
  g_autoptr(GError) error = NULL;
  BkPlaybook *playbook;

  if (self->runs != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->runs)) && active == NULL; i++)
        {
          g_autoptr(BkRun) candidate = g_list_model_get_item (G_LIST_MODEL (self->runs), i);

          if (bk_run_is_active (candidate))
            active = g_steal_pointer (&candidate);
        }
    }

  if (!force && shown != NULL && active != NULL && bk_run_get_id (shown) == bk_run_get_id (active))
    return;
  if (!force && shown == NULL && active == NULL)
    return;

  if (active == NULL || (playbook = lookup_playbook (self, bk_run_get_playbook_id (active))) == NULL)
    {
      set_steps (self, NULL, NULL);
      return;
    }

  /* A run of its own, which the step list keeps up to date in place */
  if (!(run = bk_run_store_dup (bk_journal_get_runs (self->journal), bk_run_get_id (active), &error)))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      set_steps (self, NULL, NULL);
      return;
    }

  steps = bk_run_step_list_new (bk_journal_get_runs (self->journal), run, playbook,
                                bk_counterpart_get_kind (self->counterpart));
  set_steps (self, steps, playbook);
}

static void
on_runs_changed_cb (BkResolutionView *self,
                    guint             position,
                    guint             removed,
                    guint             added)
{
  sync_active_run (self, FALSE);
  /* An ended run's outcome or successor may have changed. */
  update_ended (self);
}

/* The other lists */

static GtkWidget *
create_open_item_row (gpointer item,
                      gpointer user_data)
{
  return GTK_WIDGET (bk_open_item_row_new (item));
}

static GtkWidget *
create_checkin_row (gpointer item,
                    gpointer user_data)
{
  return GTK_WIDGET (bk_checkin_row_new (item));
}

static GtkWidget *
create_run_row (gpointer item,
                gpointer user_data)
{
  BkResolutionView *self = user_data;

  return GTK_WIDGET (bk_run_row_new (item, lookup_playbook (self, bk_run_get_playbook_id (item))));
}

static gboolean
run_has_ended (gpointer item,
               gpointer user_data)
{
  return !bk_run_is_active (item);
}

static void
update_group_visibility (BkResolutionView *self)
{
  /* An empty boxed list would still draw its frame */
  gtk_widget_set_visible (GTK_WIDGET (self->items_list),
                          self->open_items != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->open_items)) > 0);
  gtk_widget_set_visible (self->checkins_group,
                          self->checkins != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->checkins)) > 0);
  gtk_widget_set_visible (self->history_group,
                          self->earlier_runs != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->earlier_runs)) > 0);
}

static void
bind_history (BkResolutionView *self)
{
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->earlier_runs),
                           self->earlier_runs != NULL ? create_run_row : NULL, self, NULL);
}

/* The lists of another counterpart, or of none */
static void
set_lists (BkResolutionView *self)
{
  gint64 id = self->counterpart != NULL ? bk_counterpart_get_id (self->counterpart) : 0;

  set_steps (self, NULL, NULL);

  g_clear_object (&self->open_items);
  g_clear_object (&self->checkins);
  g_clear_object (&self->credentials);
  g_clear_object (&self->runs);
  g_clear_object (&self->earlier_runs);

  if (self->counterpart != NULL && self->journal != NULL)
    {
      self->open_items = bk_row_list_new_open_items (self->journal, id);
      self->checkins = bk_row_list_new_checkins (self->journal, id);
      self->credentials = bk_row_list_new_credentials (self->journal, id);
      self->runs = bk_row_list_new_runs (self->journal, id);
      self->earlier_runs = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->runs)),
                                                      GTK_FILTER (gtk_custom_filter_new (run_has_ended, NULL, NULL)));

      g_signal_connect_object (self->open_items, "items-changed", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->open_items, "items-changed", G_CALLBACK (update_group_visibility), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->credentials, "items-changed", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->checkins, "items-changed", G_CALLBACK (update_group_visibility), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->checkins, "items-changed", G_CALLBACK (update_ended), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->earlier_runs, "items-changed", G_CALLBACK (update_group_visibility), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->runs, "items-changed", G_CALLBACK (on_runs_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_counts (self);

  gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (self->open_items),
                           self->open_items != NULL ? create_open_item_row : NULL, NULL, NULL);
  gtk_list_box_bind_model (self->checkins_list, G_LIST_MODEL (self->checkins),
                           self->checkins != NULL ? create_checkin_row : NULL, NULL, NULL);
  bind_history (self);
  update_group_visibility (self);

  if (self->runs != NULL)
    sync_active_run (self, TRUE);
  update_ended (self);
}

/* Actions */

static void
set_step_state_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(BkPlaybook) playbook = NULL;
  g_autoptr(GtkWidget) focus_row = NULL;
  GtkWidget *focus;
  const char *step_id;
  const char *note;
  guint32 state;

  if (get_run (self) == NULL)
    return;

  /* The store's signals may swap the steps, and drop the run, before this returns. */
  run = g_object_ref (get_run (self));
  playbook = g_object_ref (self->playbook);
  g_variant_get (parameter, "(&su&s)", &step_id, &state, &note);

  focus = gtk_widget_get_root (widget) != NULL ? gtk_root_get_focus (gtk_widget_get_root (widget)) : NULL;
  if (focus != NULL && (focus_row = gtk_widget_get_ancestor (focus, BK_TYPE_STEP_ROW)) != NULL)
    g_object_ref (focus_row);

  if (!bk_run_store_set_step_state (bk_journal_get_runs (self->journal), run, playbook, step_id, state, note, now, &error))
    bk_show_toast (widget, error->message);

  /* The step's new row takes the keyboard focus its old row had. */
  if (focus_row != NULL && gtk_widget_get_parent (focus_row) == NULL)
    {
      GtkListBoxRow *row;

      for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->steps_list, i)) != NULL; i++)
        {
          if (g_strcmp0 (bk_run_step_get_step_id (bk_step_row_get_step (BK_STEP_ROW (row))), step_id) == 0)
            bk_step_row_focus_check (BK_STEP_ROW (row));
        }
    }
}

static void
settle_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean settled;

  g_variant_get (parameter, "(xb)", &id, &settled);

  if (self->journal != NULL &&
      !bk_open_item_store_settle (bk_journal_get_open_items (self->journal), id, settled, now, &error))
    bk_show_toast (widget, error->message);
}

static void
delete_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->journal != NULL &&
      !bk_open_item_store_delete (bk_journal_get_open_items (self->journal), g_variant_get_int64 (parameter), &error))
    bk_show_toast (widget, error->message);
}

static void
complete_checkin_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (self->journal != NULL &&
      !bk_checkin_store_complete (bk_journal_get_checkins (self->journal), g_variant_get_int64 (parameter), NULL, now, &error))
    bk_show_toast (widget, error->message);
}

static void
set_access_state_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BkResolutionView *self = BK_RESOLUTION_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint32 state;

  g_variant_get (parameter, "(xu)", &id, &state);

  if (self->journal != NULL &&
      !bk_credential_store_set_state (bk_journal_get_credentials (self->journal), id, state, now, &error))
    bk_show_toast (widget, error->message);
}

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

  if (get_run (self) == NULL)
    return;

  dialog = bk_end_run_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->journal,
                                  self->counterpart, get_run (self), self->playbook);
  gtk_window_present (GTK_WINDOW (dialog));
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

  /* The new item comes into the list as the store tells it. */
  dialog = bk_open_item_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->journal,
                                    bk_counterpart_get_id (self->counterpart));
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

    case PROP_N_OPEN_ACCESS:
      g_value_set_uint (value, self->n_open_access);
      break;

    case PROP_N_TO_SETTLE:
      g_value_set_uint (value, self->n_to_settle);
      break;

    case PROP_PLAYBOOKS:
      g_value_set_object (value, self->playbooks);
      break;

    case PROP_STEPS:
      g_value_set_object (value, self->steps);
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
          /* The playbooks give the steps and the earlier runs their words. */
          if (self->runs != NULL)
            {
              sync_active_run (self, TRUE);
              bind_history (self);
            }
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

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_RESOLUTION_VIEW);

  g_clear_object (&self->steps);
  g_clear_object (&self->open_items);
  g_clear_object (&self->checkins);
  g_clear_object (&self->credentials);
  g_clear_object (&self->runs);
  g_clear_object (&self->earlier_runs);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);
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
  /* Of those, the access to hand over or revoke */
  properties[PROP_N_OPEN_ACCESS] =
    g_param_spec_uint ("n-open-access", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Of those, what the playbook in progress shows to settle in this view (unsettled open items,
   * and access in use when it has a step for it); 0 without one: the tab's badge */
  properties[PROP_N_TO_SETTLE] =
    g_param_spec_uint ("n-to-settle", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The playbooks runs follow, from the client page */
  properties[PROP_PLAYBOOKS] =
    g_param_spec_object ("playbooks", NULL, NULL,
                         BK_TYPE_PLAYBOOK_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The steps of the playbook in progress (BkRunStep), or NULL */
  properties[PROP_STEPS] =
    g_param_spec_object ("steps", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-resolution-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, none_box);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, active_box);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, ended_box);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, ended_icon);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, ended_outcome_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, ended_details_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, ended_successor_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, next_checkin_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, restart_box);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, playbook_icon);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, playbook_name_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, playbook_summary_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, reasons_label);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, steps_list);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, items_list);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, checkins_list);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, history_list);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, checkins_group);
  gtk_widget_class_bind_template_child (widget_class, BkResolutionView, history_group);

  gtk_widget_class_install_action (widget_class, "resolution.diagnose", NULL, diagnose_action);
  gtk_widget_class_install_action (widget_class, "resolution.end-run", NULL, end_run_action);
  gtk_widget_class_install_action (widget_class, "resolution.add-item", NULL, add_item_action);
  /* What the rows ask for, with their item's id */
  gtk_widget_class_install_action (widget_class, "resolution.set-step-state", "(sus)", set_step_state_action);
  gtk_widget_class_install_action (widget_class, "resolution.settle-item", "(xb)", settle_item_action);
  gtk_widget_class_install_action (widget_class, "resolution.delete-item", "x", delete_item_action);
  gtk_widget_class_install_action (widget_class, "resolution.complete-checkin", "x", complete_checkin_action);
  gtk_widget_class_install_action (widget_class, "resolution.set-access-state", "(xu)", set_access_state_action);
}

static void
bk_resolution_view_init (BkResolutionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
}

static const char * const write_actions[] = {
  "resolution.diagnose",
  "resolution.end-run",
  "resolution.add-item",
  "resolution.set-step-state",
  "resolution.settle-item",
  "resolution.delete-item",
  "resolution.complete-checkin",
  "resolution.set-access-state",
};

void
bk_resolution_view_set_journal (BkResolutionView *self,
                                BkJournal        *journal)
{
  g_return_if_fail (BK_IS_RESOLUTION_VIEW (self));
  g_return_if_fail (BK_IS_JOURNAL (journal));

  if (!g_set_object (&self->journal, journal))
    return;

  set_lists (self);

  /* a read-only journal is read: nothing here offers to change it */
  for (guint i = 0; i < G_N_ELEMENTS (write_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), write_actions[i], !bk_journal_is_read_only (journal));
}

void
bk_resolution_view_set_counterpart (BkResolutionView *self,
                                    BkCounterpart    *counterpart)
{
  BkCounterpartKind old_kind;

  g_return_if_fail (BK_IS_RESOLUTION_VIEW (self));
  g_return_if_fail (counterpart == NULL || BK_IS_COUNTERPART (counterpart));

  if (self->counterpart != NULL && counterpart != NULL &&
      bk_counterpart_get_id (self->counterpart) == bk_counterpart_get_id (counterpart))
    {
      /* The same counterpart, edited: its lists follow their stores; only a new kind (client or
       * vendor) words the steps anew. */
      old_kind = bk_counterpart_get_kind (self->counterpart);
      g_set_object (&self->counterpart, counterpart);
      if (old_kind != bk_counterpart_get_kind (counterpart) && self->runs != NULL)
        sync_active_run (self, TRUE);
      return;
    }

  g_set_object (&self->counterpart, counterpart);
  set_lists (self);
}

/* bk-followups-window.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-followups-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-followups-window.h"
#include "bk-format.h"
#include "bk-journal.h"

struct _BkFollowupsWindow
{
  AdwWindow            parent_instance;

  BkWindow            *window;
  BkJournal           *journal;
  GPtrArray           *rows;
  guint                refresh_source;
  /* a check-in or a counterpart (its name, the trash) changed in the write being told */
  gboolean             changed;

  GtkStack            *stack;
  AdwPreferencesGroup *losing_group;
  AdwPreferencesGroup *due_group;
  AdwPreferencesGroup *upcoming_group;
};

G_DEFINE_FINAL_TYPE (BkFollowupsWindow, bk_followups_window, ADW_TYPE_WINDOW)

static void refresh (BkFollowupsWindow *self);

static gboolean
refresh_idle_cb (gpointer user_data)
{
  BkFollowupsWindow *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (BkFollowupsWindow *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BkFollowupsWindow *self = BK_FOLLOWUPS_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (!bk_checkin_store_complete (bk_journal_get_checkins (self->journal), g_variant_get_int64 (parameter),
                                  NULL, now, &error))
    {
      /* gone or done meanwhile: show what is left */
      bk_window_show_message (self->window, error->message);
      queue_refresh (self);
    }
}

static void
show_counterpart_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BkFollowupsWindow *self = BK_FOLLOWUPS_WINDOW (widget);

  bk_window_show_counterpart (self->window, g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (self->window));
}

static void
on_store_changed_cb (BkFollowupsWindow *self)
{
  self->changed = TRUE;
}

/* Once a write has told all its changes: the list is short, read it again. Later, so that a
 * button is not taken away while it is being clicked. */
static void
on_database_flushed_cb (BkFollowupsWindow *self)
{
  if (self->changed)
    queue_refresh (self);
  self->changed = FALSE;
}

static GtkWidget *
create_row (BkFollowupsWindow *self,
            BkCheckin         *checkin,
            gboolean           due)
{
  g_autofree char *date = bk_format_date (bk_checkin_get_due (checkin));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: %s is a date */
  subtitle = g_strdup_printf (due ? _("Due since %s") : _("On %s"), date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_checkin_get_counterpart_name (checkin));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), bk_accessible_new_decoration (due ? "alarm-symbolic" : "x-office-calendar-symbolic"));

  if (due)
    {
      button = gtk_button_new_with_mnemonic (_("Mark as _Done"));
      bk_accessible_fix_mnemonics (button);
      gtk_widget_set_name (button, "check-in");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Tick it off, with a note in the timeline"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "followups.check-in");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", bk_checkin_get_id (checkin));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show in the Journal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show in the Journal"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "followups.show-counterpart");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", bk_checkin_get_counterpart_id (checkin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* "Anna Petrova — last in touch on October 2, 2026 · every month" */
static GtkWidget *
create_losing_row (BkCounterpart *counterpart)
{
  GDateTime *last = bk_counterpart_get_last_contact (counterpart);
  guint days = bk_counterpart_get_keep_in_touch_days (counterpart);
  g_autofree char *rhythm = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: how often to stay in touch */
  rhythm = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u day", "every %u days", days), days);
  if (last != NULL)
    {
      g_autofree char *date = bk_format_date (last);

      /* Translators: the first %s is a date, the second how often ("every 30 days") */
      subtitle = g_strdup_printf (_("Last in touch on %s, %s"), date, rhythm);
    }
  else
    {
      /* Translators: %s is how often ("every 30 days") */
      subtitle = g_strdup_printf (_("No call, meeting or email yet, %s"), rhythm);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_counterpart_get_name (counterpart));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), bk_accessible_new_decoration ("call-start-symbolic"));

  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_name (button, "show-losing-touch");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show in the Journal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show in the Journal"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "followups.show-counterpart");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", bk_counterpart_get_id (counterpart));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  gtk_widget_add_css_class (row, "losing-touch");

  return row;
}

static void
refresh (BkFollowupsWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) losing = NULL;
  g_autoptr(GError) error = NULL;
  guint n_due = 0;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (!(checkins = bk_checkin_store_list_due (bk_journal_get_checkins (self->journal), NULL, &error)) ||
      !(losing = bk_counterpart_store_list_losing_touch (bk_journal_get_counterparts (self->journal), now, FALSE, &error)))
    {
      bk_window_show_message (self->window, error->message);
      return;
    }

  for (guint i = 0; i < losing->len; i++)
    {
      GtkWidget *row = create_losing_row (g_ptr_array_index (losing, i));

      adw_preferences_group_add (self->losing_group, row);
      g_ptr_array_add (self->rows, row);
    }

  for (guint i = 0; i < checkins->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (checkins, i);
      gboolean due = g_date_time_compare (bk_checkin_get_due (checkin), now) <= 0;
      GtkWidget *row = create_row (self, checkin, due);

      adw_preferences_group_add (due ? self->due_group : self->upcoming_group, row);
      g_ptr_array_add (self->rows, row);
      n_due += due;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->losing_group), losing->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->due_group), n_due > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_group), checkins->len > n_due);
  gtk_stack_set_visible_child_name (self->stack, checkins->len + losing->len > 0 ? "list" : "empty");
}

static void
bk_followups_window_dispose (GObject *object)
{
  BkFollowupsWindow *self = (BkFollowupsWindow *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_FOLLOWUPS_WINDOW);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->window = NULL;

  G_OBJECT_CLASS (bk_followups_window_parent_class)->dispose (object);
}

static void
bk_followups_window_class_init (BkFollowupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_followups_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-followups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkFollowupsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BkFollowupsWindow, losing_group);
  gtk_widget_class_bind_template_child (widget_class, BkFollowupsWindow, due_group);
  gtk_widget_class_bind_template_child (widget_class, BkFollowupsWindow, upcoming_group);

  gtk_widget_class_install_action (widget_class, "followups.check-in", "x", check_in_action);
  gtk_widget_class_install_action (widget_class, "followups.show-counterpart", "x", show_counterpart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_followups_window_init (BkFollowupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

BkFollowupsWindow *
bk_followups_window_new (BkWindow *parent)
{
  BkFollowupsWindow *self;

  g_return_val_if_fail (BK_IS_WINDOW (parent), NULL);

  self = g_object_new (BK_TYPE_FOLLOWUPS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->window = parent;
  self->journal = g_object_ref (bk_window_get_journal (parent));
  /* what the list shows: the check-ins not done, and whose they are */
  g_signal_connect_object (bk_journal_get_checkins (self->journal), "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* (a call, meeting or email resets a rhythm) */
  g_signal_connect_object (bk_journal_get_notes (self->journal), "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_counterparts (self->journal), "changed", G_CALLBACK (on_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_database (self->journal), "flushed", G_CALLBACK (on_database_flushed_cb),
                           self, G_CONNECT_SWAPPED);
  refresh (self);

  return self;
}

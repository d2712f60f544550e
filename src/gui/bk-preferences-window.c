/* bk-preferences-window.c: Preferences, with the journal's backups
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-backups.h"
#include "bk-format.h"
#include "bk-preferences-window.h"

struct _BkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  char                 *journal_path;
  GSettings            *settings;
  /* (element-type BkBackup) newest first, counted */
  GListStore           *backups;
  GCancellable         *cancellable;

  AdwActionRow         *folder_row;
  GtkListBox           *backup_list;
  GtkWidget            *back_up_button;
  GtkAdjustment        *daily_adjustment;
  GtkAdjustment        *weekly_adjustment;
  GtkAdjustment        *monthly_adjustment;
};

G_DEFINE_FINAL_TYPE (BkPreferencesWindow, bk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Reading the list: on a thread, since each backup is opened to count what it holds */
static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *journal_path = task_data;
  GPtrArray *backups;
  GError *error = NULL;

  if (!(backups = bk_backups_list (journal_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < backups->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GError) count_error = NULL;

      /* (one that cannot be read is still listed: restoring it says why it cannot be) */
      if (!bk_backups_count (g_ptr_array_index (backups, i), &count_error))
        g_debug ("%s", count_error->message);
    }

  g_task_return_pointer (task, backups, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  BkPreferencesWindow *self;

  backups = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = BK_PREFERENCES_WINDOW (user_data);
  if (backups == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }

  g_list_store_splice (self->backups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->backups)),
                       backups->pdata, backups->len);
}

static void
reload (BkPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->cancellable, on_listed_cb, self);
  g_task_set_task_data (task, g_strdup (self->journal_path), g_free);
  g_task_run_in_thread (task, list_thread);
}

static void
on_restore_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        BkPreferencesWindow *self)
{
  BkBackup *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (!g_str_equal (response, "restore"))
    return;

  /* the application closes the journal, and this window with it */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.restore-backup", "s",
                              bk_backup_get_path (backup));
}

static void
on_restore_clicked_cb (GtkButton           *button,
                       BkPreferencesWindow *self)
{
  BkBackup *backup = g_object_get_data (G_OBJECT (button), "backup");
  g_autofree char *taken = bk_format_date_time (bk_backup_get_taken (backup));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore This Backup?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is a date and time */
                                  _("The journal will be as it was on %s. Everything written "
                                    "since is replaced; the journal as it is now is kept as a "
                                    "backup first, so this can be undone."),
                                  taken);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_object_ref (backup), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A row of the list: when, how big, what it holds; and Restore… */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  BkPreferencesWindow *self = user_data;
  BkBackup *backup = item;
  g_autofree char *taken = bk_format_date_time (bk_backup_get_taken (backup));
  g_autofree char *size = g_format_size (bk_backup_get_size (backup));
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (bk_backup_get_n_counterparts (backup) >= 0)
    {
      g_autofree char *counts = bk_format_counts (bk_backup_get_n_counterparts (backup),
                                                  bk_backup_get_n_notes (backup));

      /* Translators: what a backup holds, then its size: "3 clients and vendors, 12 notes · 1.2 MB" */
      subtitle = g_strdup_printf (_("%s · %s"), counts, size);
    }
  else
    {
      /* Translators: a backup that could not be read; %s is its size */
      subtitle = g_strdup_printf (_("Cannot be read · %s"), size);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), taken);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Restore…"));
  gtk_widget_set_name (button, "restore-backup");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: what a screen reader says for a backup's button: "Restore the backup of November 30, 2026, 15:12" */
  accessible = g_strdup_printf (_("Restore the backup of %s"), taken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "backup", g_object_ref (backup), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
on_backed_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BkPreferencesWindow) self = user_data;
  g_autoptr(BkBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (self->back_up_button, TRUE);

  if (!(backup = bk_backups_make_finish (result, &error)))
    {
      /* Translators: %s says what went wrong */
      g_autofree char *message = g_strdup_printf (_("Could not back up the journal: %s"), error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      return;
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The journal is backed up")));
  reload (self);
}

static void
on_back_up_clicked_cb (BkPreferencesWindow *self)
{
  BkBackupPolicy policy;

  policy.daily = g_settings_get_uint (self->settings, "backups-keep-daily");
  policy.weekly = g_settings_get_uint (self->settings, "backups-keep-weekly");
  policy.monthly = g_settings_get_uint (self->settings, "backups-keep-monthly");

  gtk_widget_set_sensitive (self->back_up_button, FALSE);
  bk_backups_make_async (self->journal_path, &policy, NULL, on_backed_up_cb, g_object_ref (self));
}

static void
on_show_folder_clicked_cb (BkPreferencesWindow *self)
{
  g_autofree char *folder = bk_backups_dup_folder (self->journal_path);
  g_autofree char *uri = g_filename_to_uri (folder, NULL, NULL);

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
bk_preferences_window_dispose (GObject *object)
{
  BkPreferencesWindow *self = (BkPreferencesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->backups);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (bk_preferences_window_parent_class)->dispose (object);
}

static void
bk_preferences_window_finalize (GObject *object)
{
  BkPreferencesWindow *self = (BkPreferencesWindow *) object;

  g_free (self->journal_path);

  G_OBJECT_CLASS (bk_preferences_window_parent_class)->finalize (object);
}

static void
bk_preferences_window_class_init (BkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_preferences_window_dispose;
  object_class->finalize = bk_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, backup_list);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, daily_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, weekly_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, monthly_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_back_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_folder_clicked_cb);

}

static void
bk_preferences_window_init (BkPreferencesWindow *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "backups-keep-daily", self->daily_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backups-keep-weekly", self->weekly_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backups-keep-monthly", self->monthly_adjustment, "value", G_SETTINGS_BIND_DEFAULT);

  self->backups = g_list_store_new (BK_TYPE_BACKUP);
  gtk_list_box_bind_model (self->backup_list, G_LIST_MODEL (self->backups), create_row_cb, self, NULL);

  placeholder = gtk_label_new (_("No backups yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->backup_list, placeholder);
}

BkPreferencesWindow *
bk_preferences_window_new (GtkWindow  *parent,
                           const char *journal_path)
{
  BkPreferencesWindow *self;
  g_autofree char *folder = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (journal_path != NULL, NULL);

  self = g_object_new (BK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->journal_path = g_strdup (journal_path);

  folder = bk_backups_dup_folder (journal_path);
  display = g_filename_display_name (folder);
  adw_action_row_set_subtitle (self->folder_row, display);

  reload (self);

  return self;
}

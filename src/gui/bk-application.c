/* bk-application.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-application.h"
#include "bk-journal-json.h"
#include "bk-journal-playbooks.h"
#include "bk-resources.h"
#include "bk-window.h"

struct _BkApplication
{
  AdwApplication  parent_instance;

  BkJournal      *journal;
  guint           followups_source;
};

/* How often a running app looks for check-ins that fell due */
#define FOLLOWUPS_INTERVAL_SECONDS (15 * 60)

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole journal to a JSON file and exit"), N_("FILE") },
  { "import-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the clients, vendors and notes of a JSON file to the journal and exit"), N_("FILE") },
  { NULL }
};

static BkJournal *
open_journal_for_command_line (void)
{
  g_autofree char *path = bk_journal_dup_default_path ();
  g_autoptr(GError) error = NULL;
  BkJournal *journal;

  journal = bk_journal_open (path, &error);
  if (journal == NULL)
    {
      g_printerr ("%s\n", error->message);
      if (g_error_matches (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_CORRUPT))
        /* Translators: shown after a message that the journal file is damaged */
        g_printerr ("%s\n", _("Open Bridgekeeper to set the damaged file aside and start a new journal."));
    }

  return journal;
}

static int
export_json (const char *filename)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GError) error = NULL;

  if (!(journal = open_journal_for_command_line ()))
    return EXIT_FAILURE;

  if (!bk_journal_export_json (journal, file, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

static char *
describe_counts (guint counterparts,
                 guint notes)
{
  g_autofree char *counterparts_text = NULL;
  g_autofree char *notes_text = NULL;

  counterparts_text = g_strdup_printf (ngettext ("%u client or vendor", "%u clients and vendors", counterparts),
                                       counterparts);
  notes_text = g_strdup_printf (ngettext ("%u note", "%u notes", notes), notes);

  /* Translators: joins "3 clients and vendors" and "12 notes" */
  return g_strdup_printf (_("%s and %s"), counterparts_text, notes_text);
}

static int
import_json (const char *filename)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GError) error = NULL;
  BkImportSummary summary = { 0 };
  g_autofree char *added = NULL;
  g_autofree char *skipped = NULL;

  if (!(journal = open_journal_for_command_line ()))
    return EXIT_FAILURE;

  if (!bk_journal_import_json (journal, file, &summary, &error))
    {
      g_printerr ("%s\n", error->message);
      /* Translators: after an import error */
      g_printerr ("%s\n", _("Nothing was imported; the journal is unchanged."));
      return EXIT_FAILURE;
    }

  added = describe_counts (summary.counterparts_added, summary.notes_added);
  /* Translators: %s is, for example, "3 clients and vendors and 12 notes" */
  g_print (_("Imported %s."), added);
  g_print ("\n");

  if (summary.counterparts_skipped > 0 || summary.notes_skipped > 0)
    {
      skipped = describe_counts (summary.counterparts_skipped, summary.notes_skipped);
      /* Translators: %s is, for example, "3 clients and vendors and 12 notes" */
      g_print (_("Left as they were, because the journal has them already: %s."), skipped);
      g_print ("\n");
    }

  return EXIT_SUCCESS;
}

static int
bk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  const char *filename = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "export-json", "^&ay", &filename))
    return export_json (filename);

  if (g_variant_dict_lookup (options, "import-json", "^&ay", &filename))
    return import_json (filename);

  return G_APPLICATION_CLASS (bk_application_parent_class)->handle_local_options (app, options);
}

/* Check-ins due arrive as desktop notifications, once each, while the app runs or when it
 * next starts. */
static gboolean
notify_followups_cb (gpointer user_data)
{
  BkApplication *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (self->journal == NULL)
    return G_SOURCE_CONTINUE;

  if (!(due = bk_journal_list_checkins (self->journal, now, &error)))
    {
      g_warning ("Could not look for follow-ups: %s", error->message);
      return G_SOURCE_CONTINUE;
    }

  for (guint i = 0; i < due->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (due, i);
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *title = NULL;
      g_autofree char *id = NULL;

      if (bk_checkin_get_notified (checkin) != NULL)
        continue;

      /* Translators: a desktop notification; %s is the name of a client or vendor */
      title = g_strdup_printf (_("Time to check in with %s"), bk_checkin_get_counterpart_name (checkin));
      notification = g_notification_new (title);
      g_notification_set_body (notification, _("A short hello keeps the bridge standing."));
      g_notification_set_default_action (notification, "app.show-followups");
      id = g_strdup_printf ("checkin-%" G_GINT64_FORMAT, bk_checkin_get_id (checkin));
      g_application_send_notification (G_APPLICATION (self), id, notification);

      if (!bk_journal_set_checkin_notified (self->journal, bk_checkin_get_id (checkin), now, &error))
        {
          g_warning ("%s", error->message);
          g_clear_error (&error);
        }
    }

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) && BK_IS_WINDOW (window))
    bk_window_update_followups (BK_WINDOW (window));

  return G_SOURCE_CONTINUE;
}

static void
show_window (BkApplication *self,
             const char    *set_aside_path)
{
  BkWindow *window = bk_window_new (self, self->journal);

  if (set_aside_path != NULL)
    {
      g_autofree char *message = NULL;

      AdwToast *toast;

      /* Translators: %s is a file path */
      message = g_strdup_printf (_("The damaged journal was kept as %s"), set_aside_path);
      toast = adw_toast_new (message);
      /* Where the old file went matters: it stays until dismissed. */
      adw_toast_set_timeout (toast, 0);
      bk_window_add_toast (window, toast);
    }

  gtk_window_present (GTK_WINDOW (window));

  notify_followups_cb (self);
  if (self->followups_source == 0)
    self->followups_source = g_timeout_add_seconds (FOLLOWUPS_INTERVAL_SECONDS, notify_followups_cb, self);
}

static void
on_corrupt_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BkApplication    *self)
{
  g_autofree char *path = bk_journal_dup_default_path ();
  g_autofree char *new_path = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "start-new") != 0)
    return;

  if (!bk_journal_set_aside (path, &new_path, &error) ||
      !(self->journal = bk_journal_open (path, &error)))
    {
      g_critical ("Could not start a new journal: %s", error->message);
      return;
    }

  show_window (self, new_path);
}

static void
show_journal_error (BkApplication *self,
                    const GError  *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("The Journal Cannot Be Opened"), NULL));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));

  if (g_error_matches (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_CORRUPT))
    {
      adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message,
                                      _("Bridgekeeper can set the file aside in the same folder, its name ending in "
                                        "“.corrupt-” and the date, and start a new, empty journal. Nothing is deleted."));
      adw_message_dialog_add_response (dialog, "start-new", _("_Keep Aside and Start New"));
      adw_message_dialog_set_response_appearance (dialog, "start-new", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "start-new");
      g_signal_connect (dialog, "response", G_CALLBACK (on_corrupt_response_cb), self);
    }
  else
    {
      adw_message_dialog_set_body (dialog, error->message);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bk_application_activate (GApplication *app)
{
  BkApplication *self = (BkApplication *)app;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))))
    {
      gtk_window_present (window);
      return;
    }

  path = bk_journal_dup_default_path ();
  if (self->journal == NULL && !(self->journal = bk_journal_open (path, &error)))
    {
      show_journal_error (self, error);
      return;
    }

  show_window (self, NULL);
}

static void
bk_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  BkApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing, rather than destroying, lets each window keep its size and settle pending deletions. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
bk_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  BkApplication *self = user_data;
  const char *developers[] = { _("The Bridgekeeper authors"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Bridgekeeper"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Bridgekeeper authors"),
                         "version", PACKAGE_VERSION,
                         "website", PACKAGE_WEBSITE,
                         "comments", _("A journal of your client and vendor relationships, and a guide out of the "
                                       "ones that stopped working — without burning bridges."),
                         "developers", developers,
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", _("© 2026 The Bridgekeeper authors"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
bk_application_show_followups_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  BkApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) && BK_IS_WINDOW (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-followups", NULL);
}

static const GActionEntry app_actions[] = {
  { "show-followups", bk_application_show_followups_action },
  { "quit", bk_application_quit_action },
  { "about", bk_application_about_action },
};

static void
bk_application_startup (GApplication *app)
{
  BkApplication *self = (BkApplication *)app;
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-client", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (bk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
bk_application_shutdown (GApplication *app)
{
  BkApplication *self = (BkApplication *)app;

  /* Deletions whose undo toast was still showing are final now. */
  if (self->journal != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!bk_journal_purge_trash (self->journal, &error))
        g_warning ("Could not finish pending deletions: %s", error->message);
    }

  G_APPLICATION_CLASS (bk_application_parent_class)->shutdown (app);
}

static void
bk_application_dispose (GObject *object)
{
  BkApplication *self = (BkApplication *)object;

  g_clear_handle_id (&self->followups_source, g_source_remove);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (bk_application_parent_class)->dispose (object);
}

static void
bk_application_class_init (BkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bk_application_dispose;

  app_class->activate = bk_application_activate;
  app_class->startup = bk_application_startup;
  app_class->shutdown = bk_application_shutdown;
  app_class->handle_local_options = bk_application_handle_local_options;
}

static void
bk_application_init (BkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A journal of your client and vendor relationships."));
}

BkApplication *
bk_application_new (void)
{
  /* The resources live in a static library, where an automatic constructor would be dropped. */
  g_resources_register (bk_get_resource ());

  return g_object_new (BK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

BkJournal *
bk_application_get_journal (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->journal;
}

BkPlaybookLibrary *
bk_application_get_playbooks (void)
{
  static BkPlaybookLibrary *library;

  if (library == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* They are part of the program: failing to load them is a broken build, not bad input. */
      if (!(library = bk_playbook_library_new_from_resource (RESOURCE_PREFIX "/playbooks", &error)))
        g_error ("The playbooks built into Bridgekeeper cannot be read: %s", error->message);
    }

  return library;
}

/* bk-application.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-access.h"
#include "bk-application.h"
#include "bk-background.h"
#include "bk-backups.h"
#include "bk-checkin-monitor.h"
#include "bk-feedback.h"
#include "bk-format.h"
#include "bk-journal.h"
#include "bk-journal-json.h"
#include "bk-playbook-library.h"
#include "bk-preferences-window.h"
#include "bk-resources.h"
#include "bk-search.h"
#include "bk-search-provider.h"
#include "bk-summary.h"
#include "bk-window.h"

struct _BkApplication
{
  AdwApplication     parent_instance;

  BkJournal         *journal;
  BkPlaybookLibrary *playbooks;
  BkCheckinMonitor  *checkin_monitor;
  BkSearchProvider  *search_provider;
  /* a backup is being restored: the journal is closed until it is done */
  gboolean           restoring;
  /* started with --background (at login): the first activation opens no window, and the app
   * stays to send reminders until it is quit */
  gboolean           background;
  /* held since then, until app.quit */
  gboolean           held_for_background;
};

/* How long a write waits for another program's: in the window, and on the command line */
#define WINDOW_BUSY_MSEC        300
#define COMMAND_LINE_BUSY_MSEC  (30 * 60 * 1000)

/* How often a running app looks for check-ins that fell due */
#define FOLLOWUPS_INTERVAL_SECONDS (15 * 60)
/* Started by D-Bus for the overview's search, with no window: how long it stays after */
#define SERVICE_IDLE_MSEC (20 * 1000)

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole journal to a JSON file and exit"), N_("FILE") },
  { "import-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the clients, vendors and notes of a JSON file to the journal and exit"), N_("FILE") },
  { "export-pdf", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the relationship summary of CLIENT (a name or an id) to a PDF file and exit: --export-pdf CLIENT OUT.pdf"),
    N_("CLIENT") },
  { "include-private", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: include private notes"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: only notes from this day on (YYYY-MM-DD)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: only notes up to this day (YYYY-MM-DD)"), N_("DATE") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the clients, vendors and notes that match QUERY and exit"), N_("QUERY") },
  { "backup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Back up the journal now, print where the backup is, and exit"), NULL },
  { "list-backups", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the journal’s backups and exit"), NULL },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the journal with BACKUP (a name --list-backups prints, or a file) and exit; the journal it replaces is kept as a backup"),
    N_("BACKUP") },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run without a window, sending reminders as they fall due (what login starts when Preferences asks)"), NULL },
  /* a string: GApplication cannot tell an integer option given as 0 from one not given */
  { "limit", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --search: print at most N clients and vendors (50 unless given)"), N_("N") },
  /* The PDF file of --export-pdf */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/* The playbooks shipped with the app */
static BkPlaybookLibrary *
load_playbooks (GError **error)
{
  return bk_playbook_library_new_from_resource (RESOURCE_PREFIX "/playbooks", error);
}

static BkJournal *
open_journal_for_command_line (void)
{
  g_autofree char *path = bk_journal_dup_default_path ();
  g_autoptr(GError) error = NULL;
  BkJournal *journal;

  journal = bk_journal_open (path, &error);
  if (journal != NULL)
    /* another program's write (an import) is waited for, however long it takes */
    bk_database_set_busy_timeout (bk_journal_get_database (journal), COMMAND_LINE_BUSY_MSEC);
  else
    {
      g_printerr ("%s\n", error->message);
      if (g_error_matches (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_CORRUPT))
        /* Translators: shown after a message that the journal file is damaged */
        g_printerr ("%s\n", _("Open Bridgekeeper to set the damaged file aside and start a new journal."));
    }

  return journal;
}

static int
export_json (const char *filename)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GError) error = NULL;

  if (!(journal = open_journal_for_command_line ()))
    return EXIT_FAILURE;

  /* for the playbooks' and steps' names in the progress notes' words */
  if (!(playbooks = load_playbooks (&error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!bk_journal_export_json (journal, playbooks, file, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

/* How many backups to keep, as the person set it */
static BkBackupPolicy
get_backup_policy (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  BkBackupPolicy policy;

  policy.daily = g_settings_get_uint (settings, "backups-keep-daily");
  policy.weekly = g_settings_get_uint (settings, "backups-keep-weekly");
  policy.monthly = g_settings_get_uint (settings, "backups-keep-monthly");

  return policy;
}

static int
back_up (void)
{
  g_autofree char *path = bk_journal_dup_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BkBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  BkBackupPolicy policy = get_backup_policy ();

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: --backup with no journal yet */
      g_printerr ("%s\n", _("There is no journal to back up yet."));
      return EXIT_FAILURE;
    }

  if (!(backup = bk_backups_make (path, now, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!bk_backups_rotate (path, &policy, now, &error))
    g_printerr ("%s\n", error->message);

  g_print ("%s\n", bk_backup_get_path (backup));

  return EXIT_SUCCESS;
}

static int
list_backups (void)
{
  g_autofree char *path = bk_journal_dup_default_path ();
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  if (!(backups = bk_backups_list (path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (backups->len == 0)
    {
      g_autofree char *folder = bk_backups_dup_folder (path);
      g_autofree char *display = g_filename_display_name (folder);

      /* Translators: %s is a folder */
      g_print (_("No backups yet (they are kept in %s)."), display);
      g_print ("\n");
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      BkBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GError) count_error = NULL;
      g_autofree char *taken = g_date_time_format (bk_backup_get_taken (backup), "%Y-%m-%d %H:%M");
      g_autofree char *size = g_format_size (bk_backup_get_size (backup));

      if (bk_backups_count (backup, &count_error))
        {
          g_autofree char *counts = bk_format_counts (bk_backup_get_n_counterparts (backup),
                                                      bk_backup_get_n_notes (backup));

          g_print ("%s  %s  %s  %s\n", bk_backup_get_name (backup), taken, size, counts);
        }
      else
        {
          g_print ("%s  %s  %s  %s\n", bk_backup_get_name (backup), taken, size, count_error->message);
        }
    }

  return EXIT_SUCCESS;
}

/* Whether Bridgekeeper runs in this session (it owns its name on the session bus) */
static gboolean
is_running (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

static int
restore (const char *name_or_path)
{
  g_autofree char *path = bk_journal_dup_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BkBackup) backup = NULL;
  g_autoptr(BkBackup) kept = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  /* the running app holds the journal */
  if (is_running ())
    {
      g_printerr ("%s\n", _("Bridgekeeper is running. Quit it, then restore."));
      return EXIT_FAILURE;
    }

  if (!(backup = bk_backups_find (path, name_or_path, &error)) ||
      !bk_backups_restore (path, backup, now, &kept, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  /* opened once: an older backup is brought up to this version's format now */
  if (!(journal = open_journal_for_command_line ()))
    return EXIT_FAILURE;

  /* Translators: %s is a backup's name */
  g_print (_("The journal is now as it was in %s."), bk_backup_get_name (backup));
  g_print ("\n");
  if (kept != NULL)
    {
      /* Translators: %s is a backup's name; --restore is an option */
      g_print (_("The journal it replaced is kept as the backup %s: “bridgekeeper --restore %s” brings it back."),
               bk_backup_get_name (kept), bk_backup_get_name (kept));
      g_print ("\n");
    }

  return EXIT_SUCCESS;
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

  added = bk_format_counts (summary.counterparts_added, summary.notes_added);
  /* Translators: %s is, for example, "3 clients and vendors and 12 notes" */
  g_print (_("Imported %s."), added);
  g_print ("\n");

  if (summary.counterparts_skipped > 0 || summary.notes_skipped > 0)
    {
      skipped = bk_format_counts (summary.counterparts_skipped, summary.notes_skipped);
      /* Translators: %s is, for example, "3 clients and vendors and 12 notes" */
      g_print (_("Left as they were, because the journal has them already: %s."), skipped);
      g_print ("\n");
    }

  return EXIT_SUCCESS;
}

/* "2026-03-31" (the day's start, or its end with @end_of_day) or ISO 8601, in local time */
static GDateTime *
parse_date (const char *text,
            gboolean    end_of_day)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  guint year;
  guint month;
  guint day;
  char rest;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3)
    {
      if (!g_date_valid_dmy (day, month, year))
        return NULL;

      return end_of_day ? g_date_time_new_local (year, month, day, 23, 59, 59)
                        : g_date_time_new_local (year, month, day, 0, 0, 0);
    }

  return g_date_time_new_from_iso8601 (text, local);
}

static gboolean
lookup_date (GVariantDict  *options,
             const char    *option,
             gboolean       end_of_day,
             GDateTime    **date)
{
  const char *text = NULL;

  if (!g_variant_dict_lookup (options, option, "&s", &text))
    return TRUE;

  if (!(*date = parse_date (text, end_of_day)))
    {
      /* Translators: %s is what was given after --from or --to */
      g_printerr (_("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-03-31."), text);
      g_printerr ("\n");
      return FALSE;
    }

  return TRUE;
}

static int
export_pdf (const char   *who,
            GVariantDict *options)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = NULL;
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **files = NULL;
  BkSummaryOptions summary_options;
  BkCounterpart *counterpart;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) ||
      g_strv_length ((char **) files) != 1)
    {
      g_printerr ("%s\n", _("Name one PDF file to write: bridgekeeper --export-pdf CLIENT OUT.pdf"));
      return EXIT_FAILURE;
    }

  if (!lookup_date (options, "from", FALSE, &from) ||
      !lookup_date (options, "to", TRUE, &to))
    return EXIT_FAILURE;

  if (from != NULL && to != NULL && g_date_time_compare (from, to) > 0)
    {
      g_printerr ("%s\n", _("The --from date is after the --to date: no note could be in between."));
      return EXIT_FAILURE;
    }

  if (!(journal = open_journal_for_command_line ()))
    return EXIT_FAILURE;

  /* A name or a uuid: any case, spaces at either end ignored */
  if (!(found = bk_counterpart_store_find (bk_journal_get_counterparts (journal), who, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (found->len == 0)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (who));

      /* Translators: %s is what was given after --export-pdf */
      g_printerr (_("No client or vendor is called “%s”."), trimmed);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  if (found->len > 1)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (who));
      g_autofree char *shown = bk_store_dup_printable (trimmed);

      /* Translators: %s is a name; a list of them with their ids follows */
      g_printerr (_("Several clients and vendors are called “%s”:"), shown);
      g_printerr ("\n");
      /* (what the journal holds, never an escape sequence for the terminal) */
      for (guint i = 0; i < found->len; i++)
        {
          BkCounterpart *match = g_ptr_array_index (found, i);
          g_autofree char *name = bk_store_dup_printable (bk_counterpart_get_name (match));
          g_autofree char *organization = bk_store_dup_printable (bk_counterpart_get_organization (match));

          if (organization[0] != '\0')
            g_printerr ("  %s (%s)  %s\n", name, organization, bk_counterpart_get_uuid (match));
          else
            g_printerr ("  %s  %s\n", name, bk_counterpart_get_uuid (match));
        }
      g_printerr ("%s\n", _("Give the id of the one you mean: bridgekeeper --export-pdf ID OUT.pdf"));
      return EXIT_FAILURE;
    }

  counterpart = g_ptr_array_index (found, 0);
  bk_summary_options_init (&summary_options);
  summary_options.include_private = g_variant_dict_contains (options, "include-private");
  summary_options.from = from;
  summary_options.to = to;

  file = g_file_new_for_commandline_arg (files[0]);

  if (!(playbooks = load_playbooks (&error)) ||
      !(summary = bk_summary_new (journal, bk_counterpart_get_id (counterpart), &summary_options,
                                  playbooks, &error)) ||
      !bk_summary_write_pdf (summary, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

#define DEFAULT_SEARCH_LIMIT 50

/* A search result's words as plain text: the markup's tags and entities gone */
static char *
dup_plain_text (const char *markup)
{
  g_autofree char *text = NULL;

  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return g_strdup (markup);

  return g_steal_pointer (&text);
}

/* One result: the counterpart, then (when a note matched) the note's day and its words */
static void
print_search_result (BkJournal     *journal,
                     BkCounterpart *counterpart)
{
  /* (what the journal holds, never an escape sequence for the terminal) */
  g_autofree char *name = bk_store_dup_printable (bk_counterpart_get_name (counterpart));
  g_autofree char *organization = bk_store_dup_printable (bk_counterpart_get_organization (counterpart));
  const char *markup = bk_counterpart_get_match_markup (counterpart);
  gint64 note_id = bk_counterpart_get_match_note_id (counterpart);
  g_autofree char *plain = markup != NULL ? dup_plain_text (markup) : NULL;
  g_autofree char *words = plain != NULL ? bk_store_dup_printable (plain) : NULL;
  g_autoptr(BkNote) note = NULL;

  if (organization[0] != '\0')
    /* Translators: a client or vendor found by --search: "Anna Petrova (Northwind Studio), client" */
    g_print (_("%s (%s), %s"), name, organization,
             bk_counterpart_kind_get_label (bk_counterpart_get_kind (counterpart)));
  else
    /* Translators: a client or vendor found by --search: "Anna Petrova, client" */
    g_print (_("%s, %s"), name, bk_counterpart_kind_get_label (bk_counterpart_get_kind (counterpart)));
  g_print ("\n");

  if (note_id != 0 && (note = bk_note_store_dup (bk_journal_get_notes (journal), note_id, NULL)))
    {
      g_autofree char *day = bk_format_date (bk_note_get_created (note));

      if (bk_note_get_private (note))
        /* Translators: a note found by --search: "  October 20, 2026 (private): Invoice sent…" */
        g_print (_("  %s (private): %s"), day, words != NULL ? words : "");
      else
        /* Translators: a note found by --search: "  October 20, 2026: Invoice sent…" */
        g_print (_("  %s: %s"), day, words != NULL ? words : "");
      g_print ("\n");
    }
  else if (words != NULL && words[0] != '\0' && g_strcmp0 (words, name) != 0)
    {
      /* the organisation or the tags matched */
      g_print ("  %s\n", words);
    }
}

/* --search QUERY [--limit N]: what the sidebar's search finds, for a terminal. Exits with 1
 * when nothing matches (as grep does). */
static int
search (const char   *query,
        GVariantDict *options)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = NULL;
  g_autoptr(BkSearcher) searcher = NULL;
  g_autoptr(BkSearch) found = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fts_query = bk_search_query_from_text (query);
  const char *limit_text = NULL;
  guint64 limit = DEFAULT_SEARCH_LIMIT;

  if (g_variant_dict_lookup (options, "limit", "&s", &limit_text) &&
      !g_ascii_string_to_unsigned (limit_text, 10, 1, G_MAXUINT, &limit, NULL))
    {
      g_printerr ("%s\n", _("--limit takes a number of results, 1 or more."));
      return EXIT_FAILURE;
    }

  if (fts_query == NULL)
    {
      g_printerr ("%s\n", _("Say what to look for: bridgekeeper --search WORDS"));
      return EXIT_FAILURE;
    }

  if (!(journal = open_journal_for_command_line ()))
    return EXIT_FAILURE;

  if (!(playbooks = load_playbooks (&error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  searcher = bk_searcher_new (journal, playbooks);
  found = bk_searcher_search (searcher, fts_query, NULL);
  if (!(items = bk_search_next_page (found, (guint) limit, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < items->len; i++)
    print_search_result (journal, g_ptr_array_index (items, i));

  return items->len > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
bk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  const char *filename = NULL;
  const char *who = NULL;
  const char *query = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "export-json", "^&ay", &filename))
    return export_json (filename);

  if (g_variant_dict_lookup (options, "import-json", "^&ay", &filename))
    return import_json (filename);

  if (g_variant_dict_lookup (options, "export-pdf", "&s", &who))
    return export_pdf (who, options);

  if (g_variant_dict_lookup (options, "search", "&s", &query))
    return search (query, options);

  if (g_variant_dict_contains (options, "backup"))
    return back_up ();

  if (g_variant_dict_contains (options, "list-backups"))
    return list_backups ();

  if (g_variant_dict_lookup (options, "restore", "^&ay", &filename))
    return restore (filename);

  if (g_variant_dict_contains (options, "limit"))
    {
      g_printerr ("%s\n", _("--limit goes with --search QUERY."));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "include-private") ||
      g_variant_dict_contains (options, "from") ||
      g_variant_dict_contains (options, "to"))
    {
      g_printerr ("%s\n", _("--include-private, --from and --to go with --export-pdf CLIENT OUT.pdf."));
      return EXIT_FAILURE;
    }

  /* At login: one app in the background; already running, nothing more to do */
  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      if (g_application_get_is_remote (app))
        return EXIT_SUCCESS;

      BK_APPLICATION (app)->background = TRUE;
      BK_APPLICATION (app)->held_for_background = TRUE;
      g_application_hold (app);
    }

  /* Only --export-pdf takes a file */
  if (g_variant_dict_contains (options, G_OPTION_REMAINING))
    {
      g_printerr ("%s\n", _("Bridgekeeper opens no files. To write a summary: bridgekeeper --export-pdf CLIENT OUT.pdf"));
      return EXIT_FAILURE;
    }

  return G_APPLICATION_CLASS (bk_application_parent_class)->handle_local_options (app, options);
}

/* A reminder as a desktop notification: a click opens the app at the client; the list of who
 * needs a word follows */
static void
send_reminder (BkApplication *self,
               const char    *id,
               const char    *title,
               const char    *body,
               gint64         counterpart_id)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  GtkWindow *window;

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-counterpart", "x", counterpart_id);
  g_application_send_notification (G_APPLICATION (self), id, notification);

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) && BK_IS_WINDOW (window))
    bk_window_update_followups (BK_WINDOW (window));
}

/* Check-ins due arrive as desktop notifications, once each, while the app runs (in the
 * background too) or when it next starts. */
static void
on_checkin_due_cb (BkApplication *self,
                   BkCheckin     *checkin)
{
  g_autofree char *id = g_strdup_printf ("checkin-%" G_GINT64_FORMAT, bk_checkin_get_id (checkin));
  g_autofree char *title = NULL;

  /* Translators: a desktop notification; %s is the name of a client or vendor */
  title = g_strdup_printf (_("Time to check in with %s"), bk_checkin_get_counterpart_name (checkin));
  send_reminder (self, id, title, _("A short hello keeps the bridge standing."),
                 bk_checkin_get_counterpart_id (checkin));
}

/* A relationship whose keep-in-touch rhythm ran out, told once per due date */
static void
on_losing_touch_cb (BkApplication *self,
                    BkCounterpart *counterpart)
{
  g_autofree char *id = g_strdup_printf ("touch-%" G_GINT64_FORMAT, bk_counterpart_get_id (counterpart));
  g_autofree char *title = NULL;

  /* Translators: a desktop notification; %s is the name of a client or vendor */
  title = g_strdup_printf (_("Time to get in touch with %s"), bk_counterpart_get_name (counterpart));
  send_reminder (self, id, title,
                 bk_counterpart_get_last_contact (counterpart) != NULL
                 ? _("It has been a while since your last call, meeting or email.")
                 : _("There has been no call, meeting or email yet."),
                 bk_counterpart_get_id (counterpart));
}

static void
on_orphans_forgotten_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_deleted = 0;

  if (!bk_access_forget_orphans_finish (BK_JOURNAL (object), result, &n_deleted, &error))
    g_message ("The keyring was not tidied up: %s", error->message);
  else if (n_deleted > 0)
    g_debug ("Deleted %u secrets whose credentials are gone", n_deleted);
}

/* Deletions whose undo was still on offer when the app last stopped are final now; then no
 * secret in the keyring may outlive its credential. */
static void
tidy_up (BkApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (!bk_journal_purge_trash (self->journal, &error))
    {
      g_warning ("Could not finish earlier deletions: %s", error->message);
      return;
    }

  bk_access_forget_orphans_async (self->journal, NULL, on_orphans_forgotten_cb, NULL);
}

static void start_reminders (BkApplication *self);

static void
show_window (BkApplication *self,
             const char    *set_aside_path)
{
  BkWindow *window = bk_window_new (GTK_APPLICATION (self), self->journal, self->playbooks);

  if (set_aside_path != NULL)
    {
      g_autofree char *name = g_path_get_basename (set_aside_path);
      g_autofree char *message = NULL;
      AdwToast *toast;

      /* Translators: %s is a file's name (a toast: the whole path would not fit) */
      message = g_strdup_printf (_("The damaged journal was kept in the same folder as %s"), name);
      toast = adw_toast_new (message);
      /* Where the old file went matters: it stays until dismissed. */
      adw_toast_set_timeout (toast, 0);
      bk_window_add_toast (window, toast);
    }
  else if (bk_journal_get_kept_aside_log (self->journal) != NULL)
    {
      g_autofree char *name = g_path_get_basename (bk_journal_get_kept_aside_log (self->journal));
      g_autofree char *message = NULL;
      AdwToast *toast;

      /* Translators: %s is a file's name, "journal.db-wal.corrupt-20261130-101500" */
      message = g_strdup_printf (_("A file beside the journal that was not part of it was kept as %s"), name);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      bk_window_add_toast (window, toast);
    }

  gtk_window_present (GTK_WINDOW (window));

  start_reminders (self);
}

/* Once per journal, with its first window or in the background: the monitor looks at once,
 * then now and then (not in a read-only journal: it could not remember which reminders were
 * sent) */
static void
start_reminders (BkApplication *self)
{
  if (bk_journal_is_read_only (self->journal))
    return;
  if (self->checkin_monitor == NULL || bk_checkin_monitor_get_journal (self->checkin_monitor) != self->journal)
    {
      g_clear_object (&self->checkin_monitor);
      tidy_up (self);
      self->checkin_monitor = bk_checkin_monitor_new (self->journal);
      g_signal_connect_object (self->checkin_monitor, "due", G_CALLBACK (on_checkin_due_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->checkin_monitor, "losing-touch", G_CALLBACK (on_losing_touch_cb), self, G_CONNECT_SWAPPED);
      bk_checkin_monitor_start (self->checkin_monitor, FOLLOWUPS_INTERVAL_SECONDS);
    }
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

  if (g_error_matches (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_CORRUPT))
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
on_backed_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BkApplication) self = user_data;
  g_autoptr(BkBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if ((backup = bk_backups_make_finish (result, &error)))
    {
      g_debug ("Backed up the journal as %s", bk_backup_get_path (backup));
      return;
    }

  /* never silent: said in the window, or on the terminal when there is none */
  g_warning ("Could not back up the journal: %s", error->message);
  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) && BK_IS_WINDOW (window))
    {
      /* Translators: %s says what went wrong */
      g_autofree char *message = g_strdup_printf (_("Could not back up the journal: %s"), error->message);

      bk_window_show_message (BK_WINDOW (window), message);
    }
}

/* The first start of each day backs the journal up, once it is known to be sound */
static void
back_up_if_due (BkApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *path = bk_journal_get_path (self->journal);
  BkBackupPolicy policy = get_backup_policy ();

  /* (a journal with nothing in it yet has nothing to lose, a read-only one nothing new) */
  if (bk_journal_is_read_only (self->journal) ||
      bk_counterpart_store_count (bk_journal_get_counterparts (self->journal)) == 0 ||
      bk_backups_made_on (path, now))
    return;

  bk_backups_make_async (path, &policy, NULL, on_backed_up_cb, g_object_ref (self));
}

static void
on_integrity_checked_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(BkApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *toplevels;

  if (bk_journal_check_integrity_finish (BK_JOURNAL (object), result, &error))
    {
      if (self->journal == BK_JOURNAL (object))
        back_up_if_due (self);
      return;
    }

  if (!g_error_matches (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_CORRUPT) || self->journal != BK_JOURNAL (object))
    {
      g_warning ("The journal could not be checked: %s", error->message);
      return;
    }

  /* Damage found while the window was up: everything that uses the journal closes, and the
   * person is asked, as at start-up, whether to set it aside. */
  g_application_hold (G_APPLICATION (self));
  toplevels = gtk_window_get_toplevels ();
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  g_clear_object (&self->checkin_monitor);
  g_clear_object (&self->journal);
  show_journal_error (self, error);
  g_application_release (G_APPLICATION (self));
}

BkJournal *
bk_application_ensure_journal (BkApplication  *self,
                               GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  if (self->journal != NULL)
    return self->journal;

  if (self->restoring)
    {
      g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_BUSY,
                           _("The journal is being restored from a backup."));
      return NULL;
    }

  /* The check that reads every page runs after the window shows, not before. */
  path = bk_journal_dup_default_path ();
  if (!(self->journal = bk_journal_open_full (path, BK_JOURNAL_OPEN_DEFER_CHECK, error)))
    return NULL;
  /* a write while another program writes (an import on the command line) says so at once
   * rather than freezing the window */
  bk_database_set_busy_timeout (bk_journal_get_database (self->journal), WINDOW_BUSY_MSEC);

  bk_journal_check_integrity_async (self->journal, NULL, on_integrity_checked_cb, g_object_ref (self));

  return self->journal;
}

BkPlaybookLibrary *
bk_application_get_playbooks (BkApplication *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  if (self->playbooks == NULL && !(self->playbooks = load_playbooks (&error)))
    g_warning ("%s", error->message);

  return self->playbooks;
}

static void
bk_application_activate (GApplication *app)
{
  BkApplication *self = (BkApplication *)app;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))))
    {
      gtk_window_present (window);
      return;
    }

  /* (its window comes once the restore is done) */
  if (self->restoring)
    return;

  /* They are part of the program: without them it is broken, and says so. */
  if (self->playbooks == NULL && !(self->playbooks = load_playbooks (&error)))
    {
      bk_show_playbooks_error (GTK_APPLICATION (self), error);
      return;
    }

  if (!bk_application_ensure_journal (self, &error))
    {
      /* (in the background there is nobody to ask: the next start says it) */
      if (self->background)
        g_warning ("Reminders cannot be sent: %s", error->message);
      else
        show_journal_error (self, error);
      self->background = FALSE;
      return;
    }

  /* started at login: reminders, no window (a later activation opens one) */
  if (self->background)
    {
      self->background = FALSE;
      start_reminders (self);
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

  /* (in the background, no window holds it: it stops sending reminders now) */
  if (self->held_for_background)
    {
      self->held_for_background = FALSE;
      g_application_release (G_APPLICATION (self));
    }
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

/* "app.run-in-background" (b): start at login without a window, for the reminders (the switch
 * in Preferences); its state is whether login starts it */
static void
bk_application_run_in_background_change (GSimpleAction *action,
                                         GVariant      *value,
                                         gpointer       user_data)
{
  BkApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (!bk_background_set_enabled (g_variant_get_boolean (value), &error))
    {
      g_warning ("%s", error->message);
      if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) && BK_IS_WINDOW (window))
        bk_window_show_message (BK_WINDOW (window), error->message);
    }

  g_simple_action_set_state (action, g_variant_new_boolean (bk_background_get_enabled ()));
}

/* "app.show-counterpart" (x): the app, at a client or vendor (a notification's click) */
static void
bk_application_show_counterpart_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  BkApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) && BK_IS_WINDOW (window))
    bk_window_show_counterpart (BK_WINDOW (window), g_variant_get_int64 (parameter));
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

/* Restoring a backup: the journal closes (its windows with it), is replaced on a thread, and
 * opens again; the journal it replaced is kept, for Undo */

typedef struct
{
  char     *journal_path;
  BkBackup *backup;
  BkBackup *kept;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->journal_path);
  g_clear_object (&job->backup);
  g_clear_object (&job->kept);
  g_free (job);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GError *error = NULL;

  if (bk_backups_restore (job->journal_path, job->backup, now, &job->kept, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_restored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BkApplication *self = BK_APPLICATION (object);
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  gboolean restored = g_task_propagate_boolean (G_TASK (result), &error);
  GtkWindow *window;

  self->restoring = FALSE;

  if (!bk_application_ensure_journal (self, &open_error))
    {
      show_journal_error (self, open_error);
      g_application_release (G_APPLICATION (self));
      return;
    }

  show_window (self, NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (restored)
    {
      g_autofree char *taken = bk_format_date_time (bk_backup_get_taken (job->backup));
      /* Translators: %s is a date and time */
      g_autofree char *message = g_strdup_printf (_("The journal is as it was on %s"), taken);
      AdwToast *toast = adw_toast_new (message);

      /* as long as it matters: until dismissed */
      adw_toast_set_timeout (toast, 0);
      if (job->kept != NULL)
        {
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "app.restore-backup");
          adw_toast_set_action_target_value (toast, g_variant_new_string (bk_backup_get_path (job->kept)));
        }
      bk_window_add_toast (BK_WINDOW (window), toast);
    }
  else
    {
      bk_show_error_dialog (window, _("Could Not Restore the Backup"), error->message);
    }

  g_application_release (G_APPLICATION (self));
}

static void
bk_application_restore_backup_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  BkApplication *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *toplevels;
  RestoreJob *job;

  /* one at a time (the journal is closed meanwhile) */
  if (self->restoring)
    return;

  job = g_new0 (RestoreJob, 1);
  job->journal_path = bk_journal_dup_default_path ();
  if (!(job->backup = bk_backups_find (job->journal_path, g_variant_get_string (parameter, NULL), &error)))
    {
      bk_show_error_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                            _("Could Not Restore the Backup"), error->message);
      restore_job_free (job);
      return;
    }

  g_application_hold (G_APPLICATION (self));
  self->restoring = TRUE;
  toplevels = gtk_window_get_toplevels ();
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  g_clear_object (&self->checkin_monitor);
  g_clear_object (&self->journal);
  if (self->search_provider != NULL)
    bk_search_provider_forget_journal (self->search_provider);

  task = g_task_new (self, NULL, on_restored_cb, NULL);
  g_task_set_source_tag (task, bk_application_restore_backup_action);
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
bk_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  BkApplication *self = user_data;
  g_autofree char *journal_path = bk_journal_dup_default_path ();
  BkPreferencesWindow *window;

  window = bk_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                      journal_path);
  /* (its switches act through the app's actions: app.run-in-background) */
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "show-followups", bk_application_show_followups_action },
  { "show-counterpart", bk_application_show_counterpart_action, "x" },
  { "run-in-background", NULL, NULL, "false", bk_application_run_in_background_change },
  { "quit", bk_application_quit_action },
  { "about", bk_application_about_action },
  { "preferences", bk_application_preferences_action },
  { "restore-backup", bk_application_restore_backup_action, "s" },
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
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-client", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export-pdf", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (bk_application_parent_class)->startup (app);

  /* Started by D-Bus (--gapplication-service) for the overview's search: it stays a while
   * for the next keystrokes, then goes; a window keeps it as long as it is open. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, SERVICE_IDLE_MSEC);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  /* as things are (the entry may have been removed by hand) */
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "run-in-background")),
                             g_variant_new_boolean (bk_background_get_enabled ()));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

/* The overview's search reaches the app on its own bus name, at …/SearchProvider */
static gboolean
bk_application_dbus_register (GApplication     *app,
                              GDBusConnection  *connection,
                              const char       *object_path,
                              GError          **error)
{
  BkApplication *self = (BkApplication *)app;
  g_autofree char *provider_path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (bk_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = bk_search_provider_new (self);

  return bk_search_provider_export (self->search_provider, connection, provider_path, error);
}

static void
bk_application_dbus_unregister (GApplication    *app,
                                GDBusConnection *connection,
                                const char      *object_path)
{
  BkApplication *self = (BkApplication *)app;

  if (self->search_provider != NULL)
    bk_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (bk_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
bk_application_dispose (GObject *object)
{
  BkApplication *self = (BkApplication *)object;

  g_clear_object (&self->search_provider);
  g_clear_object (&self->checkin_monitor);
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);

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
  app_class->handle_local_options = bk_application_handle_local_options;
  app_class->dbus_register = bk_application_dbus_register;
  app_class->dbus_unregister = bk_application_dbus_unregister;
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

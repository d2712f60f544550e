/* test-notifications.c: check-ins due arrive as desktop notifications, once each
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real app runs as a child process on the test's own D-Bus session (tests/keyring-session),
 * and the test is the desktop's notification server there: it owns org.freedesktop.Notifications
 * and records every Notify. GIO's freedesktop backend is chosen with GNOTIFICATION_BACKEND, so
 * what is tested is what a desktop without GNOME Shell receives.
 */

#define G_LOG_DOMAIN "bk-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "bk-journal.h"
#include "bk-test-journal.h"

#define COUNTERPART_NAME "Olga Mironova"
/* who has a keep-in-touch rhythm that ran out */
#define QUIET_NAME "Pavel Gusev"
/* Generous for a slow machine; a working app is far quicker. */
#define START_TIMEOUT_MSEC 20000
#define EXIT_TIMEOUT_MSEC 10000
/* How long more to listen once the app has surely sent what it sends on start */
#define QUIET_MSEC 2000

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' name='capabilities' direction='out'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/>"
  "      <arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/>"
  "      <arg type='s' name='spec_version' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  char    *summary;
  char    *body;
  gboolean has_default_action;
} Received;

static void
received_free (Received *received)
{
  g_free (received->summary);
  g_free (received->body);
  g_free (received);
}

typedef struct
{
  char            *dir;
  char            *journal_path;
  gint64           checkin_id;
  /* What the app must say, in the language of the run */
  char            *expected_summary;
  char            *expected_touch_summary;

  GDBusConnection *bus;
  guint            object_id;
  guint            owner_id;
  gboolean         name_acquired;
  gboolean         name_lost;
  GPtrArray       *received;
  guint32          last_id;

  GSubprocess     *app;
  gboolean         app_exited;
  guint            app_watch_id;
  gboolean         app_on_bus;
  gboolean         call_done;
  GError          *call_error;
} Fixture;

/* The notification server */

static void
on_notifications_method_call_cb (GDBusConnection       *connection,
                                 const char            *sender,
                                 const char            *object_path,
                                 const char            *interface_name,
                                 const char            *method_name,
                                 GVariant              *parameters,
                                 GDBusMethodInvocation *invocation,
                                 gpointer               user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      g_autofree const char **actions = NULL;
      Received *received = g_new0 (Received, 1);
      const char *summary;
      const char *body;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)",
                     NULL, NULL, NULL, &summary, &body, &actions, NULL, NULL);
      received->summary = g_strdup (summary);
      received->body = g_strdup (body);
      /* Actions come as pairs of key and label; "default" is a click on the notification. */
      for (guint i = 0; actions != NULL && actions[i] != NULL; i += 2)
        {
          if (g_str_equal (actions[i], "default"))
            received->has_default_action = TRUE;
          if (actions[i + 1] == NULL)
            break;
        }
      g_test_message ("Notify: “%s” — “%s”", summary, body);
      g_ptr_array_add (fixture->received, received);

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++fixture->last_id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *capabilities[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(^as)", capabilities));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "bk-test", "Bridgekeeper",
                                                            PACKAGE_VERSION, "1.2"));
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }
}

static const GDBusInterfaceVTable notifications_vtable = {
  .method_call = on_notifications_method_call_cb,
};

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  Fixture *fixture = user_data;

  fixture->name_acquired = TRUE;
}

static void
on_name_lost_cb (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  Fixture *fixture = user_data;

  fixture->name_lost = TRUE;
}

/* Waiting, with the main loop running */

static gboolean
on_timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @flag is set or @timeout_msec have passed; returns @flag. */
static gboolean
wait_for_flag (const gboolean *flag,
               guint           timeout_msec)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_msec, on_timed_out_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);

  return *flag;
}

static void
wait_msec (guint msec)
{
  gboolean never = FALSE;

  wait_for_flag (&never, msec);
}

/* How many notifications the check-in got so far */
static guint
count_received (Fixture *fixture)
{
  guint n = 0;

  for (guint i = 0; i < fixture->received->len; i++)
    {
      Received *received = g_ptr_array_index (fixture->received, i);

      if (g_str_equal (received->summary, fixture->expected_summary))
        n++;
    }

  return n;
}

/* Iterates the main loop until the check-in's notification came, the app left, or
 * @timeout_msec passed. */
static void
wait_for_notification (Fixture *fixture,
                       guint    timeout_msec)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_msec, on_timed_out_cb, &timed_out);

  while (count_received (fixture) == 0 && !fixture->app_exited && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);
}

/* The app */

static void
on_app_exited_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  fixture->app_exited = TRUE;
}

static void
on_app_appeared_cb (GDBusConnection *connection,
                    const char      *name,
                    const char      *name_owner,
                    gpointer         user_data)
{
  Fixture *fixture = user_data;

  fixture->app_on_bus = TRUE;
}

/* A failed assertion aborts the test before its teardown: the app then goes with it. */
static void
die_with_test (gpointer user_data)
{
#ifdef __linux__
  pid_t test_pid = GPOINTER_TO_INT (user_data);

  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* the test was gone before the line above */
  if (getppid () != test_pid)
    _exit (1);
#endif
}

static void
spawn_app_with (Fixture    *fixture,
                const char *argument)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = NULL;
  g_autofree char *schema_dir = NULL;
  g_autofree char *locale_dir = NULL;
  const char *build_root = g_getenv ("BK_BUILD_ROOT");
  static const char *homes[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };

  g_assert_nonnull (build_root);
  g_assert_null (fixture->app);

  program = g_build_filename (build_root, "src", "bridgekeeper", NULL);
  schema_dir = g_build_filename (build_root, "data", NULL);
  locale_dir = g_build_filename (build_root, "po", NULL);

  /* The test's own environment (DISPLAY, the bus, LANGUAGE, LC_ALL...) plus these */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, homes[i][1], NULL);

      g_subprocess_launcher_setenv (launcher, homes[i][0], path, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  g_subprocess_launcher_setenv (launcher, "BK_LOCALEDIR", locale_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-criticals", TRUE);
  if (g_getenv ("LANGUAGE") == NULL)
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  /* Whatever the app prints goes to stderr: stdout is the test's TAP stream. */
  g_subprocess_launcher_take_stdout_fd (launcher, dup (STDERR_FILENO));
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, GINT_TO_POINTER (getpid ()), NULL);

  fixture->app = g_subprocess_launcher_spawn (launcher, &error, program, argument, NULL);
  g_assert_no_error (error);
  fixture->app_exited = FALSE;
  g_subprocess_wait_async (fixture->app, NULL, on_app_exited_cb, fixture);

  fixture->app_on_bus = FALSE;
  fixture->app_watch_id = g_bus_watch_name_on_connection (fixture->bus, APPLICATION_ID,
                                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                          on_app_appeared_cb, NULL,
                                                          fixture, NULL);
}

static void
spawn_app (Fixture *fixture)
{
  spawn_app_with (fixture, NULL);
}

static void
on_app_call_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &fixture->call_error);
  fixture->call_done = TRUE;
}

/* Calls a method of the app's org.gtk.Actions and waits for the answer. */
static void
call_app_actions (Fixture    *fixture,
                  const char *method,
                  GVariant   *parameters)
{
  /* GApplication exports its actions at its id made a path, which the profile chooses. */
  g_autofree char *object_path = g_strdelimit (g_strconcat ("/", APPLICATION_ID, NULL), ".", '/');

  fixture->call_done = FALSE;
  g_clear_error (&fixture->call_error);
  g_dbus_connection_call (fixture->bus, APPLICATION_ID, object_path, "org.gtk.Actions", method,
                          parameters, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, EXIT_TIMEOUT_MSEC,
                          NULL, on_app_call_done_cb, fixture);
  g_assert_true (wait_for_flag (&fixture->call_done, EXIT_TIMEOUT_MSEC + 1000));
  g_assert_no_error (fixture->call_error);
}

/* Waits until the app is on the bus and has shown its window. GApplication takes its name
 * before it activates, and answers calls only from the main loop, after activate: whatever the
 * app notified on start was sent before the answer, on the same connection, so it has
 * arrived. */
static void
wait_until_app_started (Fixture *fixture)
{
  g_assert_true (wait_for_flag (&fixture->app_on_bus, START_TIMEOUT_MSEC));
  call_app_actions (fixture, "List", NULL);
  /* The calls are dispatched from idles: let the Notify before the answer be handled too. */
  wait_msec (QUIET_MSEC);
}

/* Quits the app as a person would (app.quit closes the windows), and waits until it is gone. */
static void
quit_app (Fixture *fixture)
{
  GVariant *no_parameter = g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0);
  GVariant *no_platform_data = g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0);

  call_app_actions (fixture, "Activate",
                    g_variant_new ("(s@av@a{sv})", "quit", no_parameter, no_platform_data));
  g_assert_true (wait_for_flag (&fixture->app_exited, EXIT_TIMEOUT_MSEC));
  g_assert_true (g_subprocess_get_if_exited (fixture->app));
  g_assert_cmpint (g_subprocess_get_exit_status (fixture->app), ==, 0);

  g_clear_handle_id (&fixture->app_watch_id, g_bus_unwatch_name);
  g_clear_object (&fixture->app);
}

/* The journal */

static BkCheckin *
dup_checkin (BkJournal *journal,
             gint64     checkin_id)
{
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  checkins = bk_checkin_store_list_due (bk_journal_get_checkins (journal), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < checkins->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (checkins, i);

      if (bk_checkin_get_id (checkin) == checkin_id)
        return g_object_ref (checkin);
    }

  return NULL;
}

/* "Olga Mironova", whose run of the shipped "Talk It Through" ended 45 days ago with check-ins
 * at 30 and 90 days: the first is due, the second is not. */
static void
write_journal (Fixture *fixture)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  g_autoptr(BkCounterpart) olga = NULL;
  g_autoptr(BkCounterpart) pavel = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) started = g_date_time_add_days (now, -60);
  g_autoptr(GDateTime) ended = g_date_time_add_days (now, -45);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->journal_path);
  static const guint checkin_days[] = { 30, 90 };
  BkPlaybook *playbook = bk_playbook_library_lookup (library, "talk-it-through");
  BkCheckin *checkin;

  g_assert_nonnull (playbook);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  journal = bk_test_open_journal (fixture->journal_path);
  olga = bk_test_add_counterpart (journal, COUNTERPART_NAME);

  /* in the journal for 60 days, to be in touch every 30, and no call since */
  pavel = bk_counterpart_new ();
  bk_counterpart_set_name (pavel, QUIET_NAME);
  bk_counterpart_set_created (pavel, started);
  bk_counterpart_set_keep_in_touch_days (pavel, 30);
  bk_test_save_counterpart (journal, pavel);

  run = bk_run_store_start (bk_journal_get_runs (journal), bk_counterpart_get_id (olga), playbook, 0, started, &error);
  g_assert_no_error (error);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (journal), run, playbook,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_CONTINUED,
                                     .checkin_days = checkin_days,
                                     .n_checkin_days = G_N_ELEMENTS (checkin_days),
                                   },
                                   ended, &error));
  g_assert_no_error (error);

  all = bk_checkin_store_list_due (bk_journal_get_checkins (journal), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);

  due = bk_checkin_store_list_due (bk_journal_get_checkins (journal), now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  checkin = g_ptr_array_index (due, 0);
  g_assert_cmpstr (bk_checkin_get_counterpart_name (checkin), ==, COUNTERPART_NAME);
  g_assert_null (bk_checkin_get_notified (checkin));
  fixture->checkin_id = bk_checkin_get_id (checkin);
}

/* The fixture: a journal, the notification server; the app, when a test started it, is always
 * stopped. */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = bk_test_make_tmp_dir ();
  fixture->journal_path = g_build_filename (fixture->dir, "data", DATA_FOLDER, "journal.db", NULL);
  /* The app's own text, from the same catalogue (BK_BUILD_ROOT/po) */
  fixture->expected_summary = g_strdup_printf (_("Time to check in with %s"), COUNTERPART_NAME);
  fixture->expected_touch_summary = g_strdup_printf (_("Time to get in touch with %s"), QUIET_NAME);
  fixture->received = g_ptr_array_new_with_free_func ((GDestroyNotify) received_free);
  write_journal (fixture);

  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  fixture->object_id = g_dbus_connection_register_object (fixture->bus, "/org/freedesktop/Notifications",
                                                          node->interfaces[0], &notifications_vtable,
                                                          fixture, NULL, &error);
  g_assert_no_error (error);

  fixture->owner_id = g_bus_own_name_on_connection (fixture->bus, "org.freedesktop.Notifications",
                                                    G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                                    on_name_acquired_cb, on_name_lost_cb,
                                                    fixture, NULL);
  while (!fixture->name_acquired && !fixture->name_lost)
    g_main_context_iteration (NULL, TRUE);
  /* Lost: some other notification server is on the bus, and the test would not see a thing. */
  g_assert_true (fixture->name_acquired);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A test that failed half-way leaves no app behind. */
  if (fixture->app != NULL)
    {
      g_subprocess_force_exit (fixture->app);
      wait_for_flag (&fixture->app_exited, EXIT_TIMEOUT_MSEC);
      g_clear_object (&fixture->app);
    }
  g_clear_handle_id (&fixture->app_watch_id, g_bus_unwatch_name);
  g_clear_error (&fixture->call_error);

  g_clear_handle_id (&fixture->owner_id, g_bus_unown_name);
  if (fixture->object_id != 0)
    g_dbus_connection_unregister_object (fixture->bus, fixture->object_id);
  g_clear_object (&fixture->bus);
  /* Let the bus's last messages go before the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_pointer (&fixture->received, g_ptr_array_unref);
  g_clear_pointer (&fixture->expected_summary, g_free);
  g_clear_pointer (&fixture->expected_touch_summary, g_free);
  bk_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->journal_path, g_free);
}

/* Whether the app shows a window: GtkApplication exports each window's actions under its own
 * path, as window/N */
static gboolean
app_has_window (Fixture *fixture)
{
  g_autofree char *object_path = g_strdelimit (g_strconcat ("/", APPLICATION_ID, NULL), ".", '/');
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *xml = NULL;

  reply = g_dbus_connection_call_sync (fixture->bus, APPLICATION_ID, object_path,
                                       "org.freedesktop.DBus.Introspectable", "Introspect", NULL,
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                       EXIT_TIMEOUT_MSEC, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&s)", &xml);

  return strstr (xml, "<node name=\"window\"") != NULL;
}

/* The tests */

/* A check-in due arrives once, in the person's language, and the journal remembers it: the next
 * start does not notify it again. */
static void
test_due_checkin_notified_once (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkCheckin) checkin = NULL;
  const char *language = g_getenv ("LANGUAGE");
  Received *received = NULL;
  gint64 timer = g_get_monotonic_time ();

  if (g_str_has_prefix (language != NULL ? language : "", "ru"))
    {
      /* The translation is there and used, or the test would pass in English. */
      g_assert_cmpstr (fixture->expected_summary, !=, "Time to check in with " COUNTERPART_NAME);
      g_assert_nonnull (strstr (fixture->expected_summary, COUNTERPART_NAME));
    }

  /* The first start: the notification arrives, once */
  spawn_app (fixture);
  wait_for_notification (fixture, START_TIMEOUT_MSEC);
  g_assert_false (fixture->app_exited);
  g_assert_cmpuint (count_received (fixture), ==, 1);
  wait_until_app_started (fixture);
  /* the check-in, and the relationship losing touch */
  g_assert_cmpuint (fixture->received->len, ==, 2);

  for (guint i = 0; i < fixture->received->len; i++)
    {
      received = g_ptr_array_index (fixture->received, i);
      if (g_str_equal (received->summary, fixture->expected_summary))
        g_assert_cmpstr (received->body, ==, _("A short hello keeps the bridge standing."));
      else
        {
          g_assert_cmpstr (received->summary, ==, fixture->expected_touch_summary);
          g_assert_cmpstr (received->body, ==, _("There has been no call, meeting or email yet."));
        }
      /* A click on it opens the app at the client */
      g_assert_true (received->has_default_action);
    }

  quit_app (fixture);
  g_test_message ("First start, notification and quit: %.1f s",
                  (g_get_monotonic_time () - timer) / (double) G_USEC_PER_SEC);

  /* The journal has it as notified */
  journal = bk_test_open_journal (fixture->journal_path);
  checkin = dup_checkin (journal, fixture->checkin_id);
  g_assert_nonnull (checkin);
  g_assert_null (bk_checkin_get_done (checkin));
  g_assert_nonnull (bk_checkin_get_notified (checkin));
  g_clear_object (&journal);

  /* The second start: nothing new */
  timer = g_get_monotonic_time ();
  spawn_app (fixture);
  wait_until_app_started (fixture);
  g_assert_false (fixture->app_exited);
  g_assert_cmpuint (count_received (fixture), ==, 1);
  g_assert_cmpuint (fixture->received->len, ==, 2);
  quit_app (fixture);
  g_test_message ("Second start and quit: %.1f s",
                  (g_get_monotonic_time () - timer) / (double) G_USEC_PER_SEC);
}

/* Started at login in the background (--background): the due reminder is sent, no window
 * opens, and the app stays; the switch in Preferences (app.run-in-background) writes and
 * removes the autostart entry that starts it so */
static void
test_background (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *autostart = g_build_filename (fixture->dir, "config", "autostart", APPLICATION_ID ".desktop", NULL);
  g_autofree char *contents = NULL;
  GVariant *no_platform_data;

  spawn_app_with (fixture, "--background");
  wait_for_notification (fixture, START_TIMEOUT_MSEC);
  g_assert_false (fixture->app_exited);
  wait_until_app_started (fixture);
  g_assert_cmpuint (count_received (fixture), ==, 1);
  g_assert_false (app_has_window (fixture));

  /* still there once the reminders are out */
  wait_msec (QUIET_MSEC);
  g_assert_false (fixture->app_exited);

  /* off unless turned on */
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));
  no_platform_data = g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0);
  call_app_actions (fixture, "SetState",
                    g_variant_new ("(sv@a{sv})", "run-in-background", g_variant_new_boolean (TRUE), no_platform_data));
  g_assert_true (g_file_get_contents (autostart, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, " --background\n"));
  g_assert_nonnull (strstr (contents, "X-GNOME-Autostart-enabled=true"));
  no_platform_data = g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0);
  call_app_actions (fixture, "SetState",
                    g_variant_new ("(sv@a{sv})", "run-in-background", g_variant_new_boolean (FALSE), no_platform_data));
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  /* a second --background while it runs starts nothing more */
  quit_app (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "po", NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/notifications/due-checkin-once", Fixture, NULL,
              fixture_set_up, test_due_checkin_notified_once, fixture_tear_down);
  g_test_add ("/notifications/background", Fixture, NULL,
              fixture_set_up, test_background, fixture_tear_down);

  return g_test_run ();
}

/* test-checkin-monitor.c: check-ins falling due as a clock moves, told once each
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-checkin-monitor.h"
#include "bk-journal.h"
#include "bk-test-journal.h"

/* A clock the test moves */
typedef struct
{
  GDateTime *now;
  gboolean   destroyed;
} Clock;

static GDateTime *
clock_now (gpointer user_data)
{
  Clock *clock = user_data;

  return g_date_time_ref (clock->now);
}

static void
clock_destroyed (gpointer user_data)
{
  Clock *clock = user_data;

  clock->destroyed = TRUE;
}

static void
clock_set (Clock     *clock,
           GDateTime *start,
           int        days)
{
  g_clear_pointer (&clock->now, g_date_time_unref);
  clock->now = g_date_time_add_days (start, days);
}

typedef struct
{
  char              *dir;
  BkJournal         *journal;
  BkPlaybookLibrary *playbooks;
  GDateTime         *start;
  Clock              clock;
  /* BkCheckin, as "due" told them */
  GPtrArray         *told;
} Fixture;

static void
on_due_cb (BkCheckinMonitor *monitor,
           BkCheckin        *checkin,
           Fixture          *fixture)
{
  g_assert_true (BK_IS_CHECKIN (checkin));
  g_ptr_array_add (fixture->told, g_object_ref (checkin));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = bk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (path);
  fixture->playbooks = bk_test_load_shipped_playbooks ();
  fixture->start = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  fixture->clock.now = g_date_time_ref (fixture->start);
  fixture->told = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->told, g_ptr_array_unref);
  g_clear_pointer (&fixture->clock.now, g_date_time_unref);
  g_clear_pointer (&fixture->start, g_date_time_unref);
  g_clear_object (&fixture->playbooks);
  g_clear_object (&fixture->journal);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static BkCheckinMonitor *
new_monitor (Fixture *fixture)
{
  BkCheckinMonitor *monitor = bk_checkin_monitor_new (fixture->journal);

  bk_checkin_monitor_set_clock (monitor, clock_now, &fixture->clock, clock_destroyed);
  g_signal_connect (monitor, "due", G_CALLBACK (on_due_cb), fixture);

  return monitor;
}

/* A check-in @days after the start, of a run of @counterpart; returns its id */
static gint64
add_checkin (Fixture       *fixture,
             BkCounterpart *counterpart,
             int            days)
{
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GDateTime) due = g_date_time_add_days (fixture->start, days);
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  BkRunStore *runs = bk_journal_get_runs (fixture->journal);
  BkCheckinStore *store = bk_journal_get_checkins (fixture->journal);
  gint64 id = 0;

  if (!(run = bk_run_store_dup_active (runs, bk_counterpart_get_id (counterpart), NULL)))
    run = bk_run_store_start (runs, bk_counterpart_get_id (counterpart),
                              bk_playbook_library_lookup (fixture->playbooks, "part-ways"),
                              1u << BK_REASON_NON_PAYMENT, fixture->start, &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);

  g_assert_true (bk_checkin_store_add (store, bk_counterpart_get_id (counterpart), bk_run_get_id (run), due, &error));
  g_assert_no_error (error);

  checkins = bk_checkin_store_list (store, bk_counterpart_get_id (counterpart), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < checkins->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (checkins, i);

      if (g_date_time_equal (bk_checkin_get_due (checkin), due))
        id = bk_checkin_get_id (checkin);
    }
  g_assert_cmpint (id, !=, 0);

  return id;
}

static GDateTime *
get_notified (Fixture *fixture,
              gint64   counterpart_id,
              gint64   checkin_id)
{
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  checkins = bk_checkin_store_list (bk_journal_get_checkins (fixture->journal), counterpart_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < checkins->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (checkins, i);

      if (bk_checkin_get_id (checkin) == checkin_id)
        return bk_checkin_get_notified (checkin) != NULL ? g_date_time_ref (bk_checkin_get_notified (checkin)) : NULL;
    }

  g_assert_not_reached ();
}

static void
assert_told (Fixture *fixture,
             guint    index,
             gint64   checkin_id,
             const char *name)
{
  BkCheckin *checkin;

  g_assert_cmpuint (index, <, fixture->told->len);
  checkin = g_ptr_array_index (fixture->told, index);
  g_assert_cmpint (bk_checkin_get_id (checkin), ==, checkin_id);
  g_assert_cmpstr (bk_checkin_get_counterpart_name (checkin), ==, name);
}

/* As the clock moves, each check-in is told once, when it first falls due, and marked
 * notified at the clock's time; one done in time is never told. */
static void
test_clock_moves (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BkCounterpart) olga = bk_test_add_counterpart (fixture->journal, "Olga Mironova");
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCheckinMonitor) monitor = new_monitor (fixture);
  g_autoptr(GDateTime) notified = NULL;
  g_autoptr(GError) error = NULL;
  gint64 soon = add_checkin (fixture, olga, 3);
  gint64 later = add_checkin (fixture, olga, 10);
  gint64 done = add_checkin (fixture, acme, 3);

  g_assert_true (bk_checkin_store_complete (bk_journal_get_checkins (fixture->journal), done, NULL,
                                            fixture->start, &error));
  g_assert_no_error (error);

  /* Nothing due yet */
  g_assert_cmpint (bk_checkin_monitor_check (monitor, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->told->len, ==, 0);
  g_assert_null (get_notified (fixture, bk_counterpart_get_id (olga), soon));

  /* A minute before: still nothing */
  g_clear_pointer (&fixture->clock.now, g_date_time_unref);
  {
    g_autoptr(GDateTime) day = g_date_time_add_days (fixture->start, 3);

    fixture->clock.now = g_date_time_add_minutes (day, -1);
  }
  g_assert_cmpint (bk_checkin_monitor_check (monitor, &error), ==, 0);
  g_assert_cmpuint (fixture->told->len, ==, 0);

  /* Four days on: the first one, once */
  clock_set (&fixture->clock, fixture->start, 4);
  g_assert_cmpint (bk_checkin_monitor_check (monitor, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->told->len, ==, 1);
  assert_told (fixture, 0, soon, "Olga Mironova");
  notified = get_notified (fixture, bk_counterpart_get_id (olga), soon);
  g_assert_nonnull (notified);
  g_assert_true (g_date_time_equal (notified, fixture->clock.now));
  g_assert_null (get_notified (fixture, bk_counterpart_get_id (olga), later));

  g_assert_cmpint (bk_checkin_monitor_check (monitor, &error), ==, 0);
  g_assert_cmpuint (fixture->told->len, ==, 1);

  /* Eleven days on: the second one; the first is still due but told already */
  clock_set (&fixture->clock, fixture->start, 11);
  g_assert_cmpint (bk_checkin_monitor_check (monitor, &error), ==, 1);
  g_assert_cmpuint (fixture->told->len, ==, 2);
  assert_told (fixture, 1, later, "Olga Mironova");

  /* The one done in time never comes */
  g_assert_null (get_notified (fixture, bk_counterpart_get_id (acme), done));
}

/* While an import holds the journal, a check-in falling due is not told (it could not be
 * marked); the next look after tells it, once. */
static void
test_busy_journal (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BkCounterpart) olga = bk_test_add_counterpart (fixture->journal, "Olga Mironova");
  g_autoptr(BkCheckinMonitor) monitor = new_monitor (fixture);
  BkDatabase *database = bk_journal_get_database (fixture->journal);
  g_autoptr(GError) error = NULL;
  gint64 soon = add_checkin (fixture, olga, 3);

  clock_set (&fixture->clock, fixture->start, 4);
  bk_database_hold_writes (database);
  g_assert_cmpint (bk_checkin_monitor_check (monitor, &error), <, 0);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->told->len, ==, 0);
  g_assert_null (get_notified (fixture, bk_counterpart_get_id (olga), soon));

  bk_database_release_writes (database);
  g_assert_cmpint (bk_checkin_monitor_check (monitor, &error), ==, 1);
  g_assert_no_error (error);
  assert_told (fixture, 0, soon, "Olga Mironova");
}

/* What was told is in the journal: a monitor of the next start tells it no more. */
static void
test_once_across_starts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BkCounterpart) olga = bk_test_add_counterpart (fixture->journal, "Olga Mironova");
  g_autoptr(GError) error = NULL;
  gint64 id = add_checkin (fixture, olga, 1);

  clock_set (&fixture->clock, fixture->start, 2);

  {
    g_autoptr(BkCheckinMonitor) first = new_monitor (fixture);

    g_assert_cmpint (bk_checkin_monitor_check (first, &error), ==, 1);
    assert_told (fixture, 0, id, "Olga Mironova");
  }
  /* The monitor let go of its clock */
  g_assert_true (fixture->clock.destroyed);

  {
    g_autoptr(BkCheckinMonitor) second = new_monitor (fixture);

    clock_set (&fixture->clock, fixture->start, 30);
    g_assert_cmpint (bk_checkin_monitor_check (second, &error), ==, 0);
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->told->len, ==, 1);
  }
}

/* Started, the monitor looks at once, and then on its own */
static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BkCounterpart) olga = bk_test_add_counterpart (fixture->journal, "Olga Mironova");
  g_autoptr(BkCheckinMonitor) monitor = new_monitor (fixture);
  g_autoptr(GError) error = NULL;
  gint64 first = add_checkin (fixture, olga, 1);
  gint64 second = add_checkin (fixture, olga, 5);
  gint64 deadline;

  clock_set (&fixture->clock, fixture->start, 2);
  bk_checkin_monitor_start (monitor, 1);
  g_assert_cmpuint (fixture->told->len, ==, 1);
  assert_told (fixture, 0, first, "Olga Mironova");

  /* The clock moves; the next look comes by itself within a second or so */
  clock_set (&fixture->clock, fixture->start, 6);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (fixture->told->len < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->told->len, ==, 2);
  assert_told (fixture, 1, second, "Olga Mironova");

  /* Stopped, it looks no more */
  bk_checkin_monitor_stop (monitor);
  add_checkin (fixture, olga, 6);
  clock_set (&fixture->clock, fixture->start, 7);
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->told->len, ==, 2);
  g_assert_cmpint (bk_checkin_monitor_check (monitor, &error), ==, 1);
  g_assert_cmpuint (fixture->told->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/checkin-monitor/clock-moves", Fixture, NULL, fixture_set_up, test_clock_moves, fixture_tear_down);
  g_test_add ("/checkin-monitor/once-across-starts", Fixture, NULL, fixture_set_up, test_once_across_starts,
              fixture_tear_down);
  g_test_add ("/checkin-monitor/start", Fixture, NULL, fixture_set_up, test_start, fixture_tear_down);
  g_test_add ("/checkin-monitor/busy-journal", Fixture, NULL, fixture_set_up, test_busy_journal,
              fixture_tear_down);

  return g_test_run ();
}

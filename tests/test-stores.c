/* test-stores.c: the stores tell each change of a row, once, after it is committed
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-journal.h"
#include "bk-playbook-library.h"
#include "bk-test-journal.h"

typedef struct
{
  BkStore *store;
  BkChange change;
  gint64   id;
  gint64   counterpart_id;
} Change;

typedef struct
{
  char      *dir;
  BkJournal *journal;
  /* Change, in the order the stores told them */
  GArray    *changes;
} Fixture;

static void
on_changed_cb (BkStore  *store,
               BkChange  change,
               gint64    id,
               gint64    counterpart_id,
               Fixture  *fixture)
{
  Change c = { store, change, id, counterpart_id };

  g_array_append_val (fixture->changes, c);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  BkStore *stores[6];

  fixture->dir = bk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (path);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));

  stores[0] = BK_STORE (bk_journal_get_counterparts (fixture->journal));
  stores[1] = BK_STORE (bk_journal_get_notes (fixture->journal));
  stores[2] = BK_STORE (bk_journal_get_runs (fixture->journal));
  stores[3] = BK_STORE (bk_journal_get_open_items (fixture->journal));
  stores[4] = BK_STORE (bk_journal_get_checkins (fixture->journal));
  stores[5] = BK_STORE (bk_journal_get_credentials (fixture->journal));
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    g_signal_connect (stores[i], "changed", G_CALLBACK (on_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  g_clear_pointer (&fixture->changes, g_array_unref);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Checks that the changes told since the last call are exactly @n_expected of @expected */
static void
assert_changes (Fixture      *fixture,
                const Change *expected,
                guint         n_expected)
{
  g_assert_cmpuint (fixture->changes->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const Change *told = &g_array_index (fixture->changes, Change, i);

      g_assert_true (told->store == expected[i].store);
      g_assert_cmpint (told->change, ==, expected[i].change);
      g_assert_cmpint (told->id, ==, expected[i].id);
      g_assert_cmpint (told->counterpart_id, ==, expected[i].counterpart_id);
    }

  g_array_set_size (fixture->changes, 0);
}

static void
test_row_by_row (Fixture       *fixture,
                 gconstpointer  data)
{
  BkCounterpartStore *counterparts = bk_journal_get_counterparts (fixture->journal);
  BkStore *store = BK_STORE (counterparts);
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  counterpart = bk_test_add_counterpart (fixture->journal, "Maria Sokolova");
  id = bk_counterpart_get_id (counterpart);
  assert_changes (fixture, (Change[]) { { store, BK_CHANGE_ADDED, id, id } }, 1);

  bk_counterpart_set_health (counterpart, 2);
  bk_test_save_counterpart (fixture->journal, counterpart);
  assert_changes (fixture, (Change[]) { { store, BK_CHANGE_CHANGED, id, id } }, 1);

  g_assert_true (bk_counterpart_store_set_trashed (counterparts, id, TRUE, &error));
  g_assert_no_error (error);
  assert_changes (fixture, (Change[]) { { store, BK_CHANGE_REMOVED, id, id } }, 1);

  g_assert_true (bk_counterpart_store_set_trashed (counterparts, id, FALSE, &error));
  g_assert_no_error (error);
  assert_changes (fixture, (Change[]) { { store, BK_CHANGE_ADDED, id, id } }, 1);

  /* a failed save tells nothing */
  bk_counterpart_set_name (counterpart, "   ");
  g_assert_false (bk_counterpart_store_save (counterparts, counterpart, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  assert_changes (fixture, NULL, 0);
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  BkDatabase *database = bk_journal_get_database (fixture->journal);
  BkStore *counterparts = BK_STORE (bk_journal_get_counterparts (fixture->journal));
  BkStore *notes = BK_STORE (bk_journal_get_notes (fixture->journal));
  g_autoptr(BkCounterpart) kept = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kept_id;
  gint64 note_id;

  /* nothing is told before the outermost commit; a row added, then changed, is added */
  g_assert_true (bk_database_begin (database, &error));
  kept = bk_test_add_counterpart (fixture->journal, "Kept");
  kept_id = bk_counterpart_get_id (kept);
  {
    g_autoptr(BkNote) note = bk_test_add_note (fixture->journal, kept_id, "first");

    note_id = bk_note_get_id (note);
    bk_note_set_text (note, "second");
    bk_test_save_note (fixture->journal, note);
  }
  bk_counterpart_set_organization (kept, "Linen Studio");
  bk_test_save_counterpart (fixture->journal, kept);
  assert_changes (fixture, NULL, 0);
  g_assert_true (bk_database_commit (database, &error));
  g_assert_no_error (error);
  assert_changes (fixture,
                  (Change[]) {
                    { counterparts, BK_CHANGE_ADDED, kept_id, kept_id },
                    { notes, BK_CHANGE_ADDED, note_id, kept_id },
                  },
                  2);

  /* added, then removed: nothing happened */
  g_assert_true (bk_database_begin (database, &error));
  {
    g_autoptr(BkCounterpart) brief = bk_test_add_counterpart (fixture->journal, "Brief");

    g_assert_true (bk_counterpart_store_set_trashed (BK_COUNTERPART_STORE (counterparts),
                                                     bk_counterpart_get_id (brief), TRUE, &error));
  }
  g_assert_true (bk_database_commit (database, &error));
  g_assert_no_error (error);
  assert_changes (fixture, NULL, 0);

  /* a rolled back savepoint takes its own changes with it, and only those */
  g_assert_true (bk_database_begin (database, &error));
  bk_counterpart_set_email (kept, "maria@linen.example");
  bk_test_save_counterpart (fixture->journal, kept);
  g_assert_true (bk_database_begin (database, &error));
  {
    g_autoptr(BkCounterpart) undone = bk_test_add_counterpart (fixture->journal, "Undone");
  }
  bk_database_rollback (database);
  g_assert_true (bk_database_commit (database, &error));
  g_assert_no_error (error);
  assert_changes (fixture, (Change[]) { { counterparts, BK_CHANGE_CHANGED, kept_id, kept_id } }, 1);
  g_assert_cmpuint (bk_counterpart_store_count (BK_COUNTERPART_STORE (counterparts)), ==, 1);

  /* the whole transaction rolled back: nothing */
  g_assert_true (bk_database_begin (database, &error));
  {
    g_autoptr(BkCounterpart) gone = bk_test_add_counterpart (fixture->journal, "Gone");
  }
  bk_database_rollback (database);
  assert_changes (fixture, NULL, 0);
}

/* Ticking one step tells that step's run and that counterpart, and writes one line in its
 * timeline: nothing else */
static void
test_step_tick (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  BkPlaybook *playbook = bk_playbook_library_lookup (library, "part-ways");
  BkRunStore *runs = bk_journal_get_runs (fixture->journal);
  g_autoptr(BkCounterpart) counterpart = bk_test_add_counterpart (fixture->journal, "Olga");
  g_autoptr(BkCounterpart) other = bk_test_add_counterpart (fixture->journal, "Pavel");
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 30, 10, 0, 0);
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GError) error = NULL;
  const Change *told;
  gint64 id = bk_counterpart_get_id (counterpart);

  g_assert_nonnull (playbook);
  run = bk_run_store_start (runs, id, playbook, 1, now, &error);
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);

  g_assert_true (bk_run_store_set_step_state (runs, run, playbook,
                                              bk_run_get_step_ids (run)[0],
                                              BK_STEP_STATE_DONE, "Wrote a calm e-mail", now,
                                              &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->changes->len, ==, 3);
  /* the progress line in the timeline */
  told = &g_array_index (fixture->changes, Change, 0);
  g_assert_true (told->store == BK_STORE (bk_journal_get_notes (fixture->journal)));
  g_assert_cmpint (told->change, ==, BK_CHANGE_ADDED);
  g_assert_cmpint (told->counterpart_id, ==, id);
  /* the run, and the progress its counterpart shows */
  told = &g_array_index (fixture->changes, Change, 1);
  g_assert_true (told->store == BK_STORE (runs));
  g_assert_cmpint (told->change, ==, BK_CHANGE_CHANGED);
  g_assert_cmpint (told->id, ==, bk_run_get_id (run));
  g_assert_cmpint (told->counterpart_id, ==, id);
  told = &g_array_index (fixture->changes, Change, 2);
  g_assert_true (told->store == BK_STORE (bk_journal_get_counterparts (fixture->journal)));
  g_assert_cmpint (told->change, ==, BK_CHANGE_CHANGED);
  g_assert_cmpint (told->id, ==, id);
  g_array_set_size (fixture->changes, 0);

  /* the same state again changes nothing, and tells nothing */
  g_assert_true (bk_run_store_set_step_state (runs, run, playbook,
                                              bk_run_get_step_ids (run)[0],
                                              BK_STEP_STATE_DONE, "Wrote a calm e-mail", now,
                                              &error));
  g_assert_no_error (error);
  assert_changes (fixture, NULL, 0);
  g_assert_cmpint (bk_counterpart_get_id (other), !=, id);
}

/* The open items, check-ins and credentials stores tell their rows as they come, change and go,
 * each with its counterpart */
static void
test_each_store (Fixture       *fixture,
                 gconstpointer  data)
{
  BkOpenItemStore *open_items = bk_journal_get_open_items (fixture->journal);
  BkCheckinStore *checkins = bk_journal_get_checkins (fixture->journal);
  BkCredentialStore *credentials = bk_journal_get_credentials (fixture->journal);
  g_autoptr(BkCounterpart) client = bk_test_add_counterpart (fixture->journal, "Client");
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(BkCredential) credential = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 30, 10, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id = bk_counterpart_get_id (client);
  gint64 item_id;
  gint64 checkin_id;
  gint64 credential_id;

  g_array_set_size (fixture->changes, 0);

  /* open items */
  bk_open_item_set_counterpart_id (item, client_id);
  bk_open_item_set_description (item, "Invoice #118");
  g_assert_true (bk_open_item_store_save (open_items, item, &error));
  g_assert_no_error (error);
  item_id = bk_open_item_get_id (item);
  assert_changes (fixture, (Change[]) { { BK_STORE (open_items), BK_CHANGE_ADDED, item_id, client_id } }, 1);
  g_assert_true (bk_open_item_store_settle (open_items, item_id, TRUE, now, &error));
  g_assert_no_error (error);
  assert_changes (fixture, (Change[]) { { BK_STORE (open_items), BK_CHANGE_CHANGED, item_id, client_id } }, 1);
  g_assert_true (bk_open_item_store_delete (open_items, item_id, &error));
  g_assert_no_error (error);
  assert_changes (fixture, (Change[]) { { BK_STORE (open_items), BK_CHANGE_REMOVED, item_id, client_id } }, 1);

  /* check-ins */
  g_assert_true (bk_checkin_store_add (checkins, client_id, 0, later, &error));
  g_assert_no_error (error);
  listed = bk_checkin_store_list (checkins, client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  checkin_id = bk_checkin_get_id (g_ptr_array_index (listed, 0));
  assert_changes (fixture, (Change[]) { { BK_STORE (checkins), BK_CHANGE_ADDED, checkin_id, client_id } }, 1);
  g_assert_true (bk_checkin_store_reschedule (checkins, checkin_id, now, &error));
  g_assert_no_error (error);
  assert_changes (fixture, (Change[]) { { BK_STORE (checkins), BK_CHANGE_CHANGED, checkin_id, client_id } }, 1);
  /* done: the check-in, and its line in the timeline */
  g_assert_true (bk_checkin_store_complete (checkins, checkin_id, "All good", now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  g_assert_true (g_array_index (fixture->changes, Change, 0).store == BK_STORE (bk_journal_get_notes (fixture->journal)));
  g_assert_cmpint (g_array_index (fixture->changes, Change, 1).change, ==, BK_CHANGE_CHANGED);
  g_assert_cmpint (g_array_index (fixture->changes, Change, 1).id, ==, checkin_id);
  g_array_set_size (fixture->changes, 0);
  /* told someone: nothing a view shows */
  g_assert_true (bk_checkin_store_set_notified (checkins, checkin_id, now, &error));
  g_assert_no_error (error);
  assert_changes (fixture, NULL, 0);

  /* credentials */
  credential = bk_test_add_credential (fixture->journal, client, "Hosting", NULL, NULL);
  credential_id = bk_credential_get_id (credential);
  assert_changes (fixture, (Change[]) { { BK_STORE (credentials), BK_CHANGE_ADDED, credential_id, client_id } }, 1);
  g_assert_true (bk_credential_store_set_state (credentials, credential_id,
                                                BK_CREDENTIAL_STATE_HANDED_OVER, now, &error));
  g_assert_no_error (error);
  assert_changes (fixture, (Change[]) { { BK_STORE (credentials), BK_CHANGE_CHANGED, credential_id, client_id } }, 1);
  g_assert_true (bk_credential_store_delete (credentials, credential_id, &error));
  g_assert_no_error (error);
  assert_changes (fixture, (Change[]) { { BK_STORE (credentials), BK_CHANGE_REMOVED, credential_id, client_id } }, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/stores/changes/row-by-row", test_row_by_row);
  ADD ("/stores/changes/transactions", test_transactions);
  ADD ("/stores/changes/step-tick", test_step_tick);
  ADD ("/stores/changes/each-store", test_each_store);

#undef ADD

  return g_test_run ();
}

/* test-runs.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-playbook-library.h"
#include "bk-test-journal.h"
#include "bk-timeline.h"

/* Two small playbooks of our own, so that the tests do not change with the shipped texts. */
static const char part_ways_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<playbook id=\"test-part\" order=\"10\" icon=\"system-log-out-symbolic\" outcome=\"parted\">\n"
  "  <name>Part ways (test)</name>\n"
  "  <summary>End it cleanly.</summary>\n"
  "  <recommend reason=\"non-payment conduct\">They do not pay.</recommend>\n"
  "  <step id=\"acknowledge\"><title>Acknowledge the problem</title>"
  "<description>Say it.</description></step>\n"
  "  <step id=\"settle\" role=\"open-items\"><title>Settle every open item</title>"
  "<description>Invoices, files, access.</description></step>\n"
  "  <step id=\"agree\"><title>Agree on the end</title>"
  "<description>A date.</description></step>\n"
  "  <step id=\"handover\" role=\"access\"><title>Hand over access</title>"
  "<description>Keys.</description></step>\n"
  "  <step id=\"move-on\"><title>Move on</title>"
  "<description>Professionally.</description></step>\n"
  "</playbook>\n";

static const char talk_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<playbook id=\"test-talk\" order=\"5\" icon=\"user-available-symbolic\" outcome=\"continued\">\n"
  "  <name>Talk it through (test)</name>\n"
  "  <summary>Find a fix together.</summary>\n"
  "  <recommend>A fix may exist.</recommend>\n"
  "  <step id=\"listen\"><title>Listen</title><description>First.</description></step>\n"
  "  <step id=\"name-it\"><title>Name the problem</title><description>Plainly.</description></step>\n"
  "  <step id=\"propose\"><title>Propose a fix</title><description>Concrete.</description></step>\n"
  "  <step id=\"review\"><title>Review it</title><description>In a month.</description></step>\n"
  "</playbook>\n";

/* Reflect as it shipped before: a playbook without <recommend>, which older journals' runs
 * follow; no way out */
static const char reflect_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<playbook id=\"reflect\" order=\"60\" icon=\"emoji-objects-symbolic\" outcome=\"continued\">\n"
  "  <name>Reflect (test)</name>\n"
  "  <summary>Look back.</summary>\n"
  "  <step id=\"what-happened\"><title>What happened</title><description>Facts.</description></step>\n"
  "  <step id=\"lessons\"><title>Lessons</title><description>Two.</description></step>\n"
  "  <step id=\"again\"><title>Again</title><description>Or not.</description></step>\n"
  "  <step id=\"best-solution\"><title>Best</title><description>For you.</description></step>\n"
  "</playbook>\n";

typedef struct
{
  char              *dir;
  char              *path;
  BkJournal         *journal;
  BkPlaybookLibrary *library;
  BkPlaybook        *part;
  BkPlaybook        *talk;
  BkPlaybook        *reflect;
  GDateTime         *now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *journal_fixture = data;

  fixture->dir = bk_test_make_tmp_dir ();
  fixture->library = bk_test_load_playbooks (fixture->dir, part_ways_xml, talk_xml, reflect_xml, NULL);
  fixture->part = bk_playbook_library_lookup (fixture->library, "test-part");
  fixture->talk = bk_playbook_library_lookup (fixture->library, "test-talk");
  fixture->reflect = bk_playbook_library_lookup (fixture->library, "reflect");
  g_assert_nonnull (fixture->reflect);
  g_assert_nonnull (fixture->part);
  g_assert_nonnull (fixture->talk);

  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
  if (journal_fixture != NULL)
    bk_test_load_sql_fixture (fixture->path, journal_fixture);
  fixture->journal = bk_test_open_journal (fixture->path);

  /* the clock every change is made at */
  fixture->now = g_date_time_new_utc (2026, 3, 2, 10, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->library);
  g_clear_pointer (&fixture->now, g_date_time_unref);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static BkCounterpart *
add_counterpart (BkJournal         *journal,
                 const char        *name,
                 BkCounterpartKind  kind)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();

  bk_counterpart_set_name (counterpart, name);
  bk_counterpart_set_kind (counterpart, kind);
  bk_counterpart_set_status (counterpart, BK_COUNTERPART_STATUS_AT_RISK);
  bk_test_save_counterpart (journal, counterpart);

  return g_steal_pointer (&counterpart);
}

static BkCounterpart *
add_client (BkJournal  *journal,
            const char *name)
{
  return add_counterpart (journal, name, BK_COUNTERPART_KIND_CLIENT);
}

static BkCounterpart *
reread (BkJournal     *journal,
        BkCounterpart *counterpart)
{
  g_autoptr(GError) error = NULL;
  BkCounterpart *fresh = bk_counterpart_store_dup (bk_journal_get_counterparts (journal),
                                                   bk_counterpart_get_id (counterpart),
                                                   &error);

  g_assert_no_error (error);

  return fresh;
}

static BkRun *
start_run (Fixture       *fixture,
           BkCounterpart *counterpart,
           BkPlaybook    *playbook,
           guint          reasons)
{
  g_autoptr(GError) error = NULL;
  BkRun *run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (counterpart),
                                   playbook, reasons, fixture->now, &error);

  g_assert_no_error (error);
  g_assert_true (BK_IS_RUN (run));

  return run;
}

static void
set_step (Fixture     *fixture,
          BkRun       *run,
          const char  *step,
          BkStepState  state,
          const char  *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), run, fixture->part, step, state,
                                              note, fixture->now, &error));
  g_assert_no_error (error);
}

static BkOpenItem *
add_open_item (BkJournal      *journal,
               BkCounterpart  *counterpart,
               BkOpenItemKind  kind,
               const char     *description,
               gint64          amount,
               const char     *currency)
{
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(GError) error = NULL;

  bk_open_item_set_counterpart_id (item, bk_counterpart_get_id (counterpart));
  bk_open_item_set_kind (item, kind);
  bk_open_item_set_description (item, description);
  bk_open_item_set_amount (item, amount);
  bk_open_item_set_currency (item, currency);
  g_assert_true (bk_open_item_store_save (bk_journal_get_open_items (journal), item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_open_item_get_id (item), >, 0);

  return g_steal_pointer (&item);
}

/* The counterpart's progress notes, oldest first, in the words the timeline shows */
static GStrv
dup_progress_notes (Fixture       *fixture,
                    BkCounterpart *counterpart)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  notes = bk_note_store_list_between (bk_journal_get_notes (fixture->journal),
                                      bk_counterpart_get_id (counterpart), TRUE, NULL, NULL,
                                      &error);
  g_assert_no_error (error);
  for (guint i = 0; i < notes->len; i++)
    {
      BkNote *note = g_ptr_array_index (notes, i);

      g_autofree char *text = NULL;

      if (bk_note_get_kind (note) != BK_NOTE_KIND_PROGRESS)
        continue;

      text = bk_timeline_dup_text (note, fixture->library, bk_counterpart_get_kind (counterpart));
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

/* Steps done, skipped and open again; progress on the run, the counterpart and the list */
static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) other = add_client (fixture->journal, "Zeta");
  g_autoptr(BkCounterpart) fresh = NULL;
  g_autoptr(BkCounterpartList) list = NULL;
  g_autoptr(BkCounterpart) item = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(BkRun) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  guint reasons = (1u << BK_REASON_NON_PAYMENT) | (1u << BK_REASON_CONDUCT);

  /* before: no progress */
  fresh = reread (fixture->journal, acme);
  g_assert_null (bk_counterpart_get_run_playbook_id (fresh));
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (fresh), ==, 0);
  g_clear_object (&fresh);

  run = start_run (fixture, acme, fixture->part, reasons);
  g_assert_cmpint (bk_run_get_id (run), >, 0);
  g_assert_true (g_uuid_string_is_valid (bk_run_get_uuid (run)));
  g_assert_cmpint (bk_run_get_counterpart_id (run), ==, bk_counterpart_get_id (acme));
  g_assert_cmpstr (bk_run_get_playbook_id (run), ==, "test-part");
  g_assert_cmpuint (bk_run_get_reasons (run), ==, reasons);
  g_assert_true (bk_run_is_active (run));
  g_assert_null (bk_run_get_ended (run));
  assert_same_time (bk_run_get_started (run), fixture->now);
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 5);
  g_assert_cmpstr (bk_run_get_step_ids (run)[1], ==, "settle");
  g_assert_cmpuint (bk_run_get_n_settled_steps (run), ==, 0);
  g_assert_cmpint (bk_run_get_step_state (run, "acknowledge"), ==, BK_STEP_STATE_OPEN);

  /* done, with a note (trimmed) */
  set_step (fixture, run, "acknowledge", BK_STEP_STATE_DONE, "  Called them  ");
  g_assert_cmpint (bk_run_get_step_state (run, "acknowledge"), ==, BK_STEP_STATE_DONE);
  g_assert_cmpstr (bk_run_get_step_note (run, "acknowledge"), ==, "Called them");
  assert_same_time (bk_run_get_step_changed (run, "acknowledge"), fixture->now);
  g_assert_cmpuint (bk_run_get_n_settled_steps (run), ==, 1);

  /* skipped, without one */
  set_step (fixture, run, "agree", BK_STEP_STATE_SKIPPED, NULL);
  g_assert_cmpint (bk_run_get_step_state (run, "agree"), ==, BK_STEP_STATE_SKIPPED);
  g_assert_cmpstr (bk_run_get_step_note (run, "agree"), ==, "");
  g_assert_cmpuint (bk_run_get_n_settled_steps (run), ==, 2);

  /* the journal agrees */
  read_back = bk_run_store_dup (bk_journal_get_runs (fixture->journal), bk_run_get_id (run), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_run_get_n_settled_steps (read_back), ==, 2);
  g_assert_cmpint (bk_run_get_step_state (read_back, "acknowledge"), ==, BK_STEP_STATE_DONE);
  g_assert_cmpstr (bk_run_get_step_note (read_back, "acknowledge"), ==, "Called them");
  assert_same_time (bk_run_get_step_changed (read_back, "acknowledge"), fixture->now);
  g_assert_cmpint (bk_run_get_step_state (read_back, "agree"), ==, BK_STEP_STATE_SKIPPED);
  g_assert_cmpint (bk_run_get_step_state (read_back, "settle"), ==, BK_STEP_STATE_OPEN);
  g_assert_null (bk_run_get_step_changed (read_back, "settle"));
  g_assert_cmpuint (bk_run_get_reasons (read_back), ==, reasons);
  g_assert_cmpstr (bk_run_get_uuid (read_back), ==, bk_run_get_uuid (run));
  g_clear_object (&read_back);

  fresh = reread (fixture->journal, acme);
  g_assert_cmpstr (bk_counterpart_get_run_playbook_id (fresh), ==, "test-part");
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (fresh), ==, 2);
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (fresh), ==, 5);
  g_clear_object (&fresh);

  /* the list shows it on the row; the other row has no run */
  list = bk_counterpart_list_new (fixture->journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (bk_counterpart_get_name (item), ==, "Acme");
  g_assert_cmpstr (bk_counterpart_get_run_playbook_id (item), ==, "test-part");
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (item), ==, 2);
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (item), ==, 5);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_null (bk_counterpart_get_run_playbook_id (item));
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (item), ==, 0);
  g_clear_object (&item);

  /* open again: forgets date and note; the list follows */
  set_step (fixture, run, "agree", BK_STEP_STATE_OPEN, NULL);
  g_assert_cmpint (bk_run_get_step_state (run, "agree"), ==, BK_STEP_STATE_OPEN);
  g_assert_null (bk_run_get_step_changed (run, "agree"));
  g_assert_cmpuint (bk_run_get_n_settled_steps (run), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (item), ==, 1);
  g_clear_object (&item);

  /* and in a search result */
  bk_test_list_set_query (list, "acm");
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (bk_counterpart_get_run_playbook_id (item), ==, "test-part");
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (item), ==, 1);
  g_clear_object (&item);

  /* the same state again changes nothing and writes nothing */
  set_step (fixture, run, "acknowledge", BK_STEP_STATE_DONE, "Called them");
  set_step (fixture, run, "agree", BK_STEP_STATE_OPEN, NULL);
  /* a new note is a change */
  set_step (fixture, run, "acknowledge", BK_STEP_STATE_DONE, "Called them twice");

  /* a step the run does not have */
  g_assert_false (bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), run, fixture->part, "nope",
                                               BK_STEP_STATE_DONE, NULL, fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* every change is a line in the timeline, in order */
  notes = dup_progress_notes (fixture, acme);
  g_assert_cmpuint (g_strv_length (notes), ==, 5);
  g_assert_cmpstr (notes[0], ==,
                   "Started the playbook “Part ways (test)”.\n"
                   "What isn’t working:\n"
                   "• They don’t pay, or pay late\n"
                   "• Unprofessional conduct, theirs or ours");
  g_assert_cmpstr (notes[1], ==, "“Acknowledge the problem”: done — Called them");
  g_assert_cmpstr (notes[2], ==, "“Agree on the end”: skipped");
  g_assert_cmpstr (notes[3], ==, "“Agree on the end”: to do again");
  g_assert_cmpstr (notes[4], ==, "“Acknowledge the problem”: done — Called them twice");
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (other)), ==, 0);

  /* dated with the clock given */
  g_assert_cmpint (bk_test_query_int (fixture->journal,
                                      "SELECT count(*) FROM notes WHERE kind = 'progress'"
                                      " AND created = 1772445600"), ==, 5);
}

/* The reasons in the first note are worded for a vendor when it is one */
static void
test_vendor_wording (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BkCounterpart) vendor = add_counterpart (fixture->journal, "Hosting Co",
                                                     BK_COUNTERPART_KIND_VENDOR);
  g_autoptr(BkRun) run = start_run (fixture, vendor, fixture->talk,
                                    1u << BK_REASON_OVERSTATED_SKILLS);
  g_autoptr(BkRun) quiet = NULL;
  g_autoptr(BkCounterpart) other = add_client (fixture->journal, "No reasons");
  g_auto(GStrv) notes = dup_progress_notes (fixture, vendor);
  g_auto(GStrv) other_notes = NULL;

  g_assert_cmpuint (g_strv_length (notes), ==, 1);
  g_assert_cmpstr (notes[0], ==,
                   "Started the playbook “Talk it through (test)”.\n"
                   "What isn’t working:\n"
                   "• They overstated their skills");

  quiet = start_run (fixture, other, fixture->talk, 0);
  other_notes = dup_progress_notes (fixture, other);
  g_assert_cmpstr (other_notes[0], ==, "Started the playbook “Talk it through (test)”.");
}

/* One active run per counterpart; ended ones stay as history */
static void
test_one_active_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkRun) first = start_run (fixture, acme, fixture->talk, 0);
  g_autoptr(BkRun) second = NULL;
  g_autoptr(BkRun) third = NULL;
  g_autoptr(BkRun) active = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  guint counterparts_changed = 0;
  gint64 runs_changed = -1;

  g_signal_connect (bk_journal_get_counterparts (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_count_cb), &counterparts_changed);
  g_signal_connect (bk_journal_get_runs (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_counterpart_cb), &runs_changed);

  second = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), fixture->part,
                               0, fixture->now, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Acme already has a playbook in progress: finish or end it first.");
  g_assert_null (second);
  g_clear_error (&error);
  /* refused: nothing written, nothing said */
  g_assert_cmpuint (counterparts_changed, ==, 0);
  g_assert_cmpint (runs_changed, ==, -1);
  g_assert_cmpint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (acme)), ==, 1);

  /* the database refuses it too */
  bk_database_exec (bk_journal_get_database (fixture->journal),
                    "INSERT INTO runs (uuid, counterpart_id, playbook, step_ids, started)"
                    " SELECT 'x', counterpart_id, playbook, step_ids, started FROM runs",
                    &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  active = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_run_get_id (active), ==, bk_run_get_id (first));
  g_clear_object (&active);

  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), first, fixture->talk,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_CONTINUED },
                                   fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counterparts_changed, ==, 1);
  g_assert_cmpint (runs_changed, ==, bk_counterpart_get_id (acme));

  /* none active now: NULL without an error */
  active = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_no_error (error);
  g_assert_null (active);

  third = start_run (fixture, acme, fixture->part, 1u << BK_REASON_CAPACITY);

  /* the active one first, then the ended ones */
  runs = bk_run_store_list (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpint (bk_run_get_id (g_ptr_array_index (runs, 0)), ==, bk_run_get_id (third));
  g_assert_true (bk_run_is_active (g_ptr_array_index (runs, 0)));
  g_assert_cmpint (bk_run_get_id (g_ptr_array_index (runs, 1)), ==, bk_run_get_id (first));
  g_assert_false (bk_run_is_active (g_ptr_array_index (runs, 1)));
  g_assert_cmpint (bk_run_get_outcome (g_ptr_array_index (runs, 1)), ==, BK_OUTCOME_CONTINUED);

  /* a missing run, or a missing counterpart */
  g_assert_null (bk_run_store_dup (bk_journal_get_runs (fixture->journal), 4242, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bk_run_store_start (bk_journal_get_runs (fixture->journal), 4242, fixture->part, 0, fixture->now,
                                     &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* Ending: outcome, successor, status (confirmed or left), check-ins, the timeline */
static void
test_end_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = add_client (fixture->journal, "Zeta");
  g_autoptr(BkRun) run = start_run (fixture, acme, fixture->part, 0);
  g_autoptr(BkRun) kept = NULL;
  g_autoptr(BkRun) read_back = NULL;
  g_autoptr(BkCounterpart) fresh = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDateTime) in_30 = g_date_time_add_days (fixture->now, 30);
  g_autoptr(GDateTime) in_90 = g_date_time_add_days (fixture->now, 90);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  const guint days[] = { 30, 90 };

  set_step (fixture, run, "acknowledge", BK_STEP_STATE_DONE, NULL);

  g_assert_cmpint (bk_outcome_get_status (BK_OUTCOME_REFERRED), ==,
                   BK_COUNTERPART_STATUS_HANDED_OVER);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_REFERRED,
                                     .successor = "  Maria, a colleague  ",
                                     .checkin_days = days,
                                     .n_checkin_days = G_N_ELEMENTS (days),
                                     .change_status = TRUE,
                                     .new_status = bk_outcome_get_status (BK_OUTCOME_REFERRED),
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);

  /* the run object follows */
  g_assert_false (bk_run_is_active (run));
  assert_same_time (bk_run_get_ended (run), fixture->now);
  g_assert_cmpint (bk_run_get_outcome (run), ==, BK_OUTCOME_REFERRED);
  g_assert_cmpstr (bk_run_get_successor (run), ==, "Maria, a colleague");

  read_back = bk_run_store_dup (bk_journal_get_runs (fixture->journal), bk_run_get_id (run), &error);
  g_assert_no_error (error);
  g_assert_false (bk_run_is_active (read_back));
  g_assert_cmpint (bk_run_get_outcome (read_back), ==, BK_OUTCOME_REFERRED);
  g_assert_cmpstr (bk_run_get_successor (read_back), ==, "Maria, a colleague");
  g_assert_cmpuint (bk_run_get_n_settled_steps (read_back), ==, 1);

  /* the status, as confirmed; no progress on the counterpart any more */
  fresh = reread (fixture->journal, acme);
  g_assert_cmpint (bk_counterpart_get_status (fresh), ==, BK_COUNTERPART_STATUS_HANDED_OVER);
  assert_same_time (bk_counterpart_get_updated (fresh), fixture->now);
  g_assert_null (bk_counterpart_get_run_playbook_id (fresh));
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (fresh), ==, 0);
  g_clear_object (&fresh);

  /* check-ins 30 and 90 days on, tied to the run */
  checkins = bk_checkin_store_list (bk_journal_get_checkins (fixture->journal), bk_counterpart_get_id (acme),
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 2);
  assert_same_time (bk_checkin_get_due (g_ptr_array_index (checkins, 0)), in_30);
  assert_same_time (bk_checkin_get_due (g_ptr_array_index (checkins, 1)), in_90);
  g_assert_cmpint (bk_checkin_get_run_id (g_ptr_array_index (checkins, 0)), ==,
                   bk_run_get_id (run));
  g_assert_cmpstr (bk_checkin_get_counterpart_name (g_ptr_array_index (checkins, 0)), ==, "Acme");
  g_assert_null (bk_checkin_get_done (g_ptr_array_index (checkins, 0)));
  g_assert_null (bk_checkin_get_notified (g_ptr_array_index (checkins, 0)));
  g_clear_pointer (&checkins, g_ptr_array_unref);

  notes = dup_progress_notes (fixture, acme);
  g_assert_cmpuint (g_strv_length (notes), ==, 3);
  g_assert_cmpstr (notes[2], ==,
                   "Ended “Part ways (test)”: Referred to a colleague — taken over by Maria, a colleague");
  g_clear_pointer (&notes, g_strfreev);

  /* an ended run changes no more */
  g_assert_false (bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), run, fixture->part, "settle",
                                               BK_STEP_STATE_DONE, NULL, fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bk_run_store_end (bk_journal_get_runs (fixture->journal), read_back, fixture->part,
                                    &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                    fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (bk_run_get_n_settled_steps (run), ==, 1);

  /* the status left alone; no successor, no check-ins */
  kept = start_run (fixture, zeta, fixture->talk, 0);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), kept, fixture->talk,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_CONTINUED,
                                     .successor = "   ",
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);
  fresh = reread (fixture->journal, zeta);
  g_assert_cmpint (bk_counterpart_get_status (fresh), ==, BK_COUNTERPART_STATUS_AT_RISK);
  g_assert_cmpstr (bk_run_get_successor (kept), ==, "");
  checkins = bk_checkin_store_list (bk_journal_get_checkins (fixture->journal), bk_counterpart_get_id (zeta),
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 0);
  notes = dup_progress_notes (fixture, zeta);
  g_assert_cmpstr (notes[1], ==, "Ended “Talk it through (test)”: Continued together");
}

/* Parting ways with items still open asks first */
static void
test_open_item_gate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = add_client (fixture->journal, "Zeta");
  g_autoptr(BkOpenItem) invoice = add_open_item (fixture->journal, acme,
                                                 BK_OPEN_ITEM_KIND_INVOICE, "Invoice 12",
                                                 120050, "EUR");
  g_autoptr(BkOpenItem) files = add_open_item (fixture->journal, acme,
                                               BK_OPEN_ITEM_KIND_DELIVERABLE, "The logo files",
                                               0, "");
  g_autoptr(BkOpenItem) zeta_item = add_open_item (fixture->journal, zeta,
                                                   BK_OPEN_ITEM_KIND_ACCESS, "Server keys",
                                                   0, "");
  g_autoptr(BkRun) run = start_run (fixture, acme, fixture->part, 0);
  g_autoptr(BkRun) zeta_run = start_run (fixture, zeta, fixture->part, 0);
  g_autoptr(BkCounterpart) fresh = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const guint days[] = { 30 };
  guint n_notes;
  guint counterparts_changed = 0;

  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 2);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), 0), ==, 3);
  n_notes = bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (acme));
  g_signal_connect (bk_journal_get_counterparts (fixture->journal), "changed", 
                    G_CALLBACK (bk_test_store_count_cb), &counterparts_changed);

  /* refused, and nothing of it written */
  g_assert_false (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                    &(BkRunEnding) {
                                      .outcome = BK_OUTCOME_PARTED,
                                      .checkin_days = days,
                                      .n_checkin_days = 1,
                                      .change_status = TRUE,
                                      .new_status = BK_COUNTERPART_STATUS_ENDED_WELL,
                                    },
                                    fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS);
  g_assert_cmpstr (error->message, ==, "2 open items are not settled yet.");
  g_clear_error (&error);
  g_assert_true (bk_run_is_active (run));
  fresh = reread (fixture->journal, acme);
  g_assert_cmpint (bk_counterpart_get_status (fresh), ==, BK_COUNTERPART_STATUS_AT_RISK);
  g_assert_cmpstr (bk_counterpart_get_run_playbook_id (fresh), ==, "test-part");
  g_clear_object (&fresh);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM checkins"), ==, 0);
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (acme)), ==,
                    n_notes);
  g_assert_cmpuint (counterparts_changed, ==, 0);

  /* settling one: still one */
  g_assert_true (bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (invoice),
                                            TRUE, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 1);
  g_assert_false (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                    &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                    fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS);
  g_assert_cmpstr (error->message, ==, "1 open item is not settled yet.");
  g_clear_error (&error);

  /* the person confirmed */
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_PARTED,
                                     .checkin_days = days,
                                     .n_checkin_days = 1,
                                     .change_status = TRUE,
                                     .new_status = bk_outcome_get_status (BK_OUTCOME_PARTED),
                                     .force = TRUE,
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);
  fresh = reread (fixture->journal, acme);
  g_assert_cmpint (bk_counterpart_get_status (fresh), ==, BK_COUNTERPART_STATUS_ENDED_WELL);

  /* settled before: no question */
  g_assert_true (bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (zeta_item),
                                            TRUE, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), zeta_run, fixture->part,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                   fixture->now, &error));
  g_assert_no_error (error);

  /* settled with a date; open again */
  items = bk_open_item_store_list (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (bk_open_item_get_description (g_ptr_array_index (items, 0)), ==, "Invoice 12");
  assert_same_time (bk_open_item_get_settled (g_ptr_array_index (items, 0)), fixture->now);
  g_assert_true (bk_open_item_is_settled (g_ptr_array_index (items, 0)));
  g_assert_false (bk_open_item_is_settled (g_ptr_array_index (items, 1)));
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (invoice),
                                            FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 2);
  g_assert_false (bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), 4242, TRUE, fixture->now,
                                             &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  (void) files;
}

/* Access still in use counts among the open items: parting ways asks first */
static void
test_access_gate (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = add_client (fixture->journal, "Zeta");
  g_autoptr(BkOpenItem) invoice = add_open_item (fixture->journal, acme,
                                                 BK_OPEN_ITEM_KIND_INVOICE, "Invoice 12",
                                                 120050, "EUR");
  g_autoptr(BkCredential) hosting = bk_test_add_credential (fixture->journal, acme,
                                                            "Hosting panel", NULL, NULL);
  g_autoptr(BkCredential) repo = bk_test_add_credential (fixture->journal, acme, "Repository",
                                                         NULL, NULL);
  g_autoptr(BkCredential) zeta_key = bk_test_add_credential (fixture->journal, zeta, "Server keys",
                                                             NULL, NULL);
  g_autoptr(BkRun) run = start_run (fixture, acme, fixture->part, 0);
  g_autoptr(BkRun) zeta_run = start_run (fixture, zeta, fixture->part, 0);
  g_autoptr(GError) error = NULL;
  guint runs_changed = 0;

  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 3);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), 0), ==, 4);

  g_assert_false (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                    &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                    fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS);
  g_assert_cmpstr (error->message, ==,
                   "1 open item is not settled yet. "
                   "2 credentials are still in use: hand them over or revoke them.");
  g_clear_error (&error);

  /* handing over and revoking settle them; the open items' count follows, each told by its
   * store */
  g_signal_connect (bk_journal_get_open_items (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_count_cb), &runs_changed);
  g_signal_connect (bk_journal_get_credentials (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_count_cb), &runs_changed);
  g_assert_true (bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (invoice),
                                            TRUE, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                                BK_CREDENTIAL_STATE_HANDED_OVER, fixture->now,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (runs_changed, ==, 2);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 1);
  g_assert_false (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                    &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                    fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS);
  g_assert_cmpstr (error->message, ==,
                   "1 credential is still in use: hand it over or revoke it.");
  g_clear_error (&error);

  /* other outcomes do not ask */
  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo),
                                                BK_CREDENTIAL_STATE_REVOKED, fixture->now,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 0);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                   fixture->now, &error));
  g_assert_no_error (error);

  /* in use again: open again; deleted: gone from the count */
  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo),
                                                BK_CREDENTIAL_STATE_IN_USE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 1);
  g_assert_true (bk_credential_store_delete (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (zeta_key),
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (zeta)),
                    ==, 0);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), zeta_run, fixture->part,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                   fixture->now, &error));
  g_assert_no_error (error);
}

static void
test_open_items (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(BkOpenItem) copy = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 runs_changed = -1;
  g_autofree char *text = NULL;

  g_signal_connect (bk_journal_get_open_items (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_counterpart_cb), &runs_changed);
  bk_open_item_set_counterpart_id (item, bk_counterpart_get_id (acme));

  /* a description is required */
  bk_open_item_set_description (item, " \t ");
  g_assert_false (bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), item, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Describe what is left to settle.");
  g_clear_error (&error);

  bk_open_item_set_description (item, "  Invoice 7  ");
  bk_open_item_set_amount (item, -1);
  g_assert_false (bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), item, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bk_open_item_set_amount (item, 50);
  bk_open_item_set_currency (item, "EURO");
  g_assert_false (bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), item, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "EURO"));
  g_clear_error (&error);
  g_assert_cmpint (runs_changed, ==, -1);
  g_assert_cmpint (bk_open_item_get_id (item), ==, 0);

  /* trimmed and upper-cased */
  bk_open_item_set_currency (item, " rub ");
  g_assert_true (bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (runs_changed, ==, bk_counterpart_get_id (acme));
  g_assert_cmpstr (bk_open_item_get_description (item), ==, "Invoice 7");
  g_assert_cmpstr (bk_open_item_get_currency (item), ==, "RUB");
  g_assert_true (g_uuid_string_is_valid (bk_open_item_get_uuid (item)));

  /* an update */
  copy = bk_open_item_copy (item);
  bk_open_item_set_amount (copy, 99900);
  bk_open_item_set_kind (copy, BK_OPEN_ITEM_KIND_OTHER);
  g_assert_true (bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_open_item_get_id (copy), ==, bk_open_item_get_id (item));

  items = bk_open_item_store_list (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (bk_open_item_get_amount (g_ptr_array_index (items, 0)), ==, 99900);
  g_assert_cmpint (bk_open_item_get_kind (g_ptr_array_index (items, 0)), ==,
                   BK_OPEN_ITEM_KIND_OTHER);
  g_assert_cmpstr (bk_open_item_get_uuid (g_ptr_array_index (items, 0)), ==,
                   bk_open_item_get_uuid (item));
  assert_same_time (bk_open_item_get_created (g_ptr_array_index (items, 0)),
                    bk_open_item_get_created (item));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* for a counterpart that is not there */
  bk_open_item_set_counterpart_id (copy, 4242);
  bk_open_item_set_id (copy, 0);
  bk_open_item_set_uuid (copy, NULL);
  g_assert_false (bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), copy, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* amounts as a person reads them (the tests run in the C locale) */
  text = bk_open_item_dup_amount_text (item);
  g_assert_cmpstr (text, ==, "0.50 RUB");
  g_clear_pointer (&text, g_free);
  bk_open_item_set_amount (item, 123456789);
  bk_open_item_set_currency (item, "");
  text = bk_open_item_dup_amount_text (item);
  g_assert_cmpstr (text, ==, "1234567.89");
  g_clear_pointer (&text, g_free);
  bk_open_item_set_amount (item, 0);
  g_assert_null (bk_open_item_dup_amount_text (item));

  /* delete */
  g_assert_true (bk_open_item_store_delete (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (item),
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 0);
  g_assert_false (bk_open_item_store_delete (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (item),
                                             &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* Money as each language writes it: the symbol on its side, the locale's separators (the
 * Russian group separator is a kind of space), a no-break space between number and symbol, and
 * no decimals for a currency without minor units. Amounts stay in hundredths. */
static void
test_amount_locale (void)
{
  static const struct {
    gint64      amount;
    const char *currency;
    const char *english;
    const char *russian;
  } amounts[] = {
    { 9600000, "RUB", "₽96,000.00", "96 000,00 ₽" },
    { 120050, "EUR", "€1,200.50", "1 200,50 €" },
    { 5, "USD", "$0.05", "0,05 $" },
    { 9600000, "JPY", "¥96,000", "96 000 ¥" },
    /* a currency without minor units rounds to its unit */
    { 9600050, "JPY", "¥96,001", "96 001 ¥" },
    /* one the table does not know: its code, set apart, with two decimals */
    { 120050, "CHF", "CHF 1,200.50", "1 200,50 CHF" },
    { 120050, "", "1,200.50", "1 200,50" },
  };
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autofree char *saved_numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *saved_monetary = g_strdup (setlocale (LC_MONETARY, NULL));

  for (guint russian = 0; russian <= 1; russian++)
    {
      const char *locale = russian ? "ru_RU.UTF-8" : "en_US.UTF-8";

      if (setlocale (LC_NUMERIC, locale) == NULL || setlocale (LC_MONETARY, locale) == NULL)
        {
          g_test_message ("%s is not installed", locale);
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        {
          g_autofree char *text = NULL;
          g_autofree char *expected = NULL;
          g_auto(GStrv) parts = NULL;

          bk_open_item_set_amount (item, amounts[i].amount);
          bk_open_item_set_currency (item, amounts[i].currency);
          text = bk_open_item_dup_amount_text (item);

          /* written here with plain spaces: a group separator (U+202F in Russian), a no-break
           * space before or after the symbol */
          parts = g_strsplit (russian ? amounts[i].russian : amounts[i].english, " ", -1);
          if (russian)
            {
              g_autoptr(GString) built = g_string_new (parts[0]);

              for (guint j = 1; parts[j] != NULL; j++)
                {
                  gboolean last = parts[j + 1] == NULL && amounts[i].currency[0] != '\0';

                  g_string_append (built, last ? "\u00a0" : localeconv ()->mon_thousands_sep);
                  g_string_append (built, parts[j]);
                }
              expected = g_string_free (g_steal_pointer (&built), FALSE);
            }
          else
            {
              expected = g_strjoinv ("\u00a0", parts);
            }

          g_test_message ("%s in %s", amounts[i].currency, locale);
          g_assert_cmpstr (text, ==, expected);
        }
    }

  setlocale (LC_NUMERIC, saved_numeric);
  setlocale (LC_MONETARY, saved_monetary);
}

static void
test_parse_amount (void)
{
  static const struct {
    const char *text;
    gint64      amount;
  } good[] = {
    { "1200", 120000 },
    { "1200.5", 120050 },
    { "1200,50", 120050 },
    { "1 200,50", 120050 },
    { "1,200.50", 120050 },
    { "1.200,50", 120050 },
    { "1\u202f200,50", 120050 },
    { "1'200.50", 120050 },
    { "1,200", 120000 },
    { "1,234,567.8", 123456780 },
    { "  42  ", 4200 },
    { "0", 0 },
    { "0.05", 5 },
    { "007", 700 },
  };
  static const char * const bad[] = {
    "", "  ", "abc", "-5", "+5", "12a", "1..2", "1,,200", ".5", "5.", "1.2345", "1,2,3",
    "12345,678", "1,2.50", "1,200.000", "1 200 000,5,5", "€5", "5 EUR", "1.200.50",
    "99999999999999", "1e5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 amount = -1;

      g_test_message ("parsing “%s”", good[i].text);
      g_assert_true (bk_parse_amount (good[i].text, &amount));
      g_assert_cmpint (amount, ==, good[i].amount);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 amount = -1;

      g_test_message ("refusing “%s”", bad[i]);
      g_assert_false (bk_parse_amount (bad[i], &amount));
      g_assert_cmpint (amount, ==, -1);
    }

  {
    gint64 amount = -1;

    g_assert_false (bk_parse_amount (NULL, &amount));
  }
}

/* Check-ins: due detection with a clock of our own, ticking off, moving, notifying */
static void
test_checkins (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = add_client (fixture->journal, "Zeta");
  g_autoptr(BkRun) run = start_run (fixture, acme, fixture->talk, 0);
  g_autoptr(BkRun) zeta_run = start_run (fixture, zeta, fixture->talk, 0);
  g_autoptr(GDateTime) day_29 = g_date_time_add_days (fixture->now, 29);
  g_autoptr(GDateTime) day_30 = g_date_time_add_days (fixture->now, 30);
  g_autoptr(GDateTime) day_30_minus = g_date_time_add_seconds (day_30, -1);
  g_autoptr(GDateTime) day_45 = g_date_time_add_days (fixture->now, 45);
  g_autoptr(GDateTime) day_91 = g_date_time_add_days (fixture->now, 91);
  g_autoptr(GDateTime) day_200 = g_date_time_add_days (fixture->now, 200);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  const guint acme_days[] = { 30, 90 };
  const guint zeta_days[] = { 60 };
  BkCheckin *first;
  BkCheckin *last;
  gint64 first_id;
  gint64 second_id;
  gint64 runs_changed = -1;

  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->talk,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_CONTINUED,
                                     .checkin_days = acme_days,
                                     .n_checkin_days = 2,
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), zeta_run, fixture->talk,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_CONTINUED,
                                     .checkin_days = zeta_days,
                                     .n_checkin_days = 1,
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);

  /* nothing is due the day before, or a second before */
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), day_29, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), day_30_minus, &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* on the day, the first */
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), day_30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  first = g_ptr_array_index (due, 0);
  g_assert_cmpstr (bk_checkin_get_counterpart_name (first), ==, "Acme");
  assert_same_time (bk_checkin_get_due (first), day_30);
  first_id = bk_checkin_get_id (first);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* all of them, soonest first */
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_cmpint (bk_checkin_get_id (g_ptr_array_index (due, 0)), ==, first_id);
  g_assert_cmpstr (bk_checkin_get_counterpart_name (g_ptr_array_index (due, 1)), ==, "Zeta");
  last = g_ptr_array_index (due, 2);
  second_id = bk_checkin_get_id (last);
  g_assert_cmpstr (bk_checkin_get_counterpart_name (last), ==, "Acme");
  g_clear_pointer (&due, g_ptr_array_unref);

  /* notified: recorded, quietly */
  g_signal_connect (bk_journal_get_checkins (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_counterpart_cb), &runs_changed);
  g_assert_true (bk_checkin_store_set_notified (bk_journal_get_checkins (fixture->journal), first_id, day_30, &error));
  g_assert_no_error (error);
  g_assert_cmpint (runs_changed, ==, -1);
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), day_30, &error);
  assert_same_time (bk_checkin_get_notified (g_ptr_array_index (due, 0)), day_30);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* moved: due later, to be notified again */
  g_assert_true (bk_checkin_store_reschedule (bk_journal_get_checkins (fixture->journal), first_id, day_45, &error));
  g_assert_no_error (error);
  g_assert_cmpint (runs_changed, ==, bk_counterpart_get_id (acme));
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), day_30, &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), day_45, &error);
  g_assert_cmpuint (due->len, ==, 1);
  assert_same_time (bk_checkin_get_due (g_ptr_array_index (due, 0)), day_45);
  g_assert_null (bk_checkin_get_notified (g_ptr_array_index (due, 0)));
  g_clear_pointer (&due, g_ptr_array_unref);

  /* ticked off with a note in the timeline */
  g_assert_true (bk_checkin_store_complete (bk_journal_get_checkins (fixture->journal), second_id, "  Coffee, all good ",
                                            day_91, &error));
  g_assert_no_error (error);
  g_assert_true (bk_checkin_store_complete (bk_journal_get_checkins (fixture->journal), first_id, NULL, day_91, &error));
  g_assert_no_error (error);
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), day_200, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (bk_checkin_get_counterpart_name (g_ptr_array_index (due, 0)), ==, "Zeta");
  g_clear_pointer (&due, g_ptr_array_unref);

  due = bk_checkin_store_list (bk_journal_get_checkins (fixture->journal), bk_counterpart_get_id (acme),
                               &error);
  g_assert_cmpuint (due->len, ==, 2);
  assert_same_time (bk_checkin_get_done (g_ptr_array_index (due, 0)), day_91);
  assert_same_time (bk_checkin_get_done (g_ptr_array_index (due, 1)), day_91);
  g_clear_pointer (&due, g_ptr_array_unref);

  notes = dup_progress_notes (fixture, acme);
  g_assert_cmpuint (g_strv_length (notes), ==, 4);
  g_assert_cmpstr (notes[2], ==, "Checked in — Coffee, all good");
  g_assert_cmpstr (notes[3], ==, "Checked in");

  /* done is done */
  g_assert_false (bk_checkin_store_complete (bk_journal_get_checkins (fixture->journal), first_id, NULL, day_91, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bk_checkin_store_reschedule (bk_journal_get_checkins (fixture->journal), first_id, day_200, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bk_checkin_store_complete (bk_journal_get_checkins (fixture->journal), 4242, NULL, day_91, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (acme)), ==, 4);
}

/* What is in the trash is in no list or count; purging takes it all */
static void
test_trash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = add_client (fixture->journal, "Zeta");
  g_autoptr(BkOpenItem) item = add_open_item (fixture->journal, acme, BK_OPEN_ITEM_KIND_INVOICE,
                                              "Invoice", 100, "EUR");
  g_autoptr(BkRun) ended = start_run (fixture, acme, fixture->talk,
                                      1u << BK_REASON_PERSONALITY);
  g_autoptr(BkRun) active = NULL;
  g_autoptr(BkRun) zeta_run = start_run (fixture, zeta, fixture->talk,
                                         1u << BK_REASON_PERSONALITY);
  g_autoptr(BkRun) missing = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint reasons[BK_N_REASONS];
  guint outcomes[BK_N_OUTCOMES];
  const guint days[] = { 30 };

  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), ended, fixture->talk,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_OUTSOURCED,
                                     .successor = "Bob",
                                     .checkin_days = days,
                                     .n_checkin_days = 1,
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);
  active = start_run (fixture, acme, fixture->part, 1u << BK_REASON_NON_PAYMENT);
  set_step (fixture, active, "acknowledge", BK_STEP_STATE_DONE, "x");

  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (acme), TRUE,
                                    &error);
  g_assert_no_error (error);

  missing = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  missing = bk_run_store_dup (bk_journal_get_runs (fixture->journal), bk_run_get_id (ended), &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = bk_run_store_list (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bk_open_item_store_list (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), 0), ==, 0);
  list = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bk_checkin_store_list (bk_journal_get_checkins (fixture->journal), bk_counterpart_get_id (acme),
                                &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  bk_run_store_count_reasons_and_outcomes (bk_journal_get_runs (fixture->journal), reasons, outcomes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reasons[BK_REASON_PERSONALITY], ==, 1);
  g_assert_cmpuint (reasons[BK_REASON_NON_PAYMENT], ==, 0);
  g_assert_cmpuint (outcomes[BK_OUTCOME_OUTSOURCED], ==, 0);

  /* no changes to it either */
  g_assert_false (bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), active, fixture->part, "settle",
                                               BK_STEP_STATE_DONE, NULL, fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (item), TRUE,
                                             fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme),
                                     fixture->talk, 0, fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* restored: all back */
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (acme), FALSE,
                                    &error);
  g_assert_no_error (error);
  list = bk_run_store_list (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (bk_run_get_n_settled_steps (g_ptr_array_index (list, 0)), ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), 0), ==, 1);

  /* purged: gone for good, with everything that hung on it */
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (acme), TRUE,
                                    &error);
  g_assert_no_error (error);
  bk_journal_purge_trash (fixture->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM runs"), ==, 1);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM run_steps"), ==, 0);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM open_items"), ==, 0);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM checkins"), ==, 0);
  (void) zeta_run;
}

/* The reflection view: reasons and outcomes totalled, reflection notes newest first */
static void
test_reflection (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = add_counterpart (fixture->journal, "Zeta",
                                                   BK_COUNTERPART_KIND_VENDOR);
  g_autoptr(BkCounterpart) gone = add_client (fixture->journal, "Gone");
  g_autoptr(BkRun) a = start_run (fixture, acme, fixture->part,
                                  (1u << BK_REASON_NON_PAYMENT) | (1u << BK_REASON_CONDUCT));
  g_autoptr(BkRun) b = start_run (fixture, zeta, fixture->talk, 1u << BK_REASON_NON_PAYMENT);
  g_autoptr(BkRun) c = NULL;
  g_autoptr(BkRun) g = start_run (fixture, gone, fixture->talk, 1u << BK_REASON_MISMATCH);
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GError) error = NULL;
  guint reasons[BK_N_REASONS];
  guint outcomes[BK_N_OUTCOMES];
  const char *texts[] = { "Oldest", "Trashed note", "Newest", "Of a trashed client", "Middle" };
  const int days[] = { 1, 2, 5, 6, 3 };
  gint64 trashed_note_id = 0;

  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), a, fixture->part,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                   fixture->now, &error));
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), b, fixture->talk,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_CONTINUED },
                                   fixture->now, &error));
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), g, fixture->talk,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_REFERRED },
                                   fixture->now, &error));
  g_assert_no_error (error);
  c = start_run (fixture, zeta, fixture->part, 1u << BK_REASON_CAPACITY);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BkNote) note = bk_note_new ();
      g_autoptr(GDateTime) created = g_date_time_add_days (fixture->now, days[i]);
      BkCounterpart *owner = i == 3 ? gone : i % 2 == 0 ? acme : zeta;

      bk_note_set_counterpart_id (note, bk_counterpart_get_id (owner));
      bk_note_set_kind (note, BK_NOTE_KIND_REFLECTION);
      bk_note_set_created (note, created);
      bk_note_set_text (note, texts[i]);
      g_assert_true (bk_note_store_save (bk_journal_get_notes (fixture->journal), note, &error));
      g_assert_no_error (error);
      if (i == 1)
        trashed_note_id = bk_note_get_id (note);
    }
  bk_note_store_set_trashed (bk_journal_get_notes (fixture->journal), trashed_note_id, TRUE, &error);
  g_assert_no_error (error);
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (gone), TRUE,
                                    &error);
  g_assert_no_error (error);

  reflections = bk_note_store_list_reflections (bk_journal_get_notes (fixture->journal), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 3);
  g_assert_cmpstr (bk_note_get_text (g_ptr_array_index (reflections, 0)), ==, "Newest");
  g_assert_cmpstr (bk_note_get_text (g_ptr_array_index (reflections, 1)), ==, "Middle");
  g_assert_cmpstr (bk_note_get_text (g_ptr_array_index (reflections, 2)), ==, "Oldest");
  g_clear_pointer (&reflections, g_ptr_array_unref);

  reflections = bk_note_store_list_reflections (bk_journal_get_notes (fixture->journal), 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 2);

  /* the trashed counterpart's run does not count; the active run counts its reasons only */
  g_assert_true (bk_run_store_count_reasons_and_outcomes (bk_journal_get_runs (fixture->journal), reasons, outcomes,
                                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reasons[BK_REASON_NON_PAYMENT], ==, 2);
  g_assert_cmpuint (reasons[BK_REASON_CONDUCT], ==, 1);
  g_assert_cmpuint (reasons[BK_REASON_CAPACITY], ==, 1);
  g_assert_cmpuint (reasons[BK_REASON_MISMATCH], ==, 0);
  g_assert_cmpuint (reasons[BK_REASON_OTHER], ==, 0);
  g_assert_cmpuint (outcomes[BK_OUTCOME_PARTED], ==, 1);
  g_assert_cmpuint (outcomes[BK_OUTCOME_CONTINUED], ==, 1);
  g_assert_cmpuint (outcomes[BK_OUTCOME_REFERRED], ==, 0);
  g_assert_cmpuint (outcomes[BK_OUTCOME_OUTSOURCED], ==, 0);

  /* either may be left out */
  g_assert_true (bk_run_store_count_reasons_and_outcomes (bk_journal_get_runs (fixture->journal), NULL, outcomes, &error));
  g_assert_no_error (error);
}

/* Reflect, from an older journal, is no way out: ending it, whatever the dialog asked,
 * changes no status, schedules nothing, and is not counted among the ways out */
static void
test_reflect_changes_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkRun) run = start_run (fixture, acme, fixture->reflect, 1u << BK_REASON_NON_PAYMENT);
  g_autoptr(BkCounterpart) after = NULL;
  g_autoptr(GError) error = NULL;
  const guint days[] = { 30, 90 };
  BkRunTally tally;

  g_assert_false (bk_playbook_is_way_out (fixture->reflect));
  g_assert_true (bk_playbook_is_way_out (fixture->part));

  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->reflect,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_PARTED,
                                     .checkin_days = days,
                                     .n_checkin_days = G_N_ELEMENTS (days),
                                     .change_status = TRUE,
                                     .new_status = BK_COUNTERPART_STATUS_ENDED,
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);

  after = reread (fixture->journal, acme);
  g_assert_cmpint (bk_counterpart_get_status (after), ==, BK_COUNTERPART_STATUS_AT_RISK);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM checkins"), ==, 0);
  g_assert_cmpint (bk_run_get_outcome (run), ==, BK_OUTCOME_CONTINUED);

  g_assert_true (bk_run_store_tally (bk_journal_get_runs (fixture->journal), fixture->library,
                                     BK_COUNTERPART_KIND_CLIENT, &tally, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tally.n_runs, ==, 0);
  g_assert_cmpuint (tally.by_reason[BK_REASON_NON_PAYMENT][BK_OUTCOME_CONTINUED], ==, 0);
}

/* A playbook ends with a short reflection, kept as a note of the kind "reflection" after the
 * ending in the timeline; an empty one leaves no note. The answers to Reflect's last step,
 * from older journals, are listed with the reflections. */
static void
test_end_with_reflection (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) beta = add_client (fixture->journal, "Beta");
  g_autoptr(BkRun) run = start_run (fixture, acme, fixture->part, 1u << BK_REASON_NON_PAYMENT);
  g_autoptr(BkRun) quiet = start_run (fixture, beta, fixture->part, 1u << BK_REASON_CONDUCT);
  g_autoptr(BkRun) legacy = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_days (fixture->now, 1);
  g_autofree char *text = bk_note_compose_reflection ("  They stopped paying ", "", "Settling first");
  g_autofree char *empty = bk_note_compose_reflection ("", " ", NULL);
  g_autoptr(GError) error = NULL;
  BkNote *newest;

  g_assert_cmpstr (text, ==, "What happened: They stopped paying\nWhat worked best: Settling first");
  g_assert_cmpstr (empty, ==, "");

  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED, .force = TRUE, .reflection = text },
                                   fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), quiet, fixture->part,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED, .force = TRUE, .reflection = empty },
                                   fixture->now, &error));
  g_assert_no_error (error);

  reflections = bk_note_store_list_reflections (bk_journal_get_notes (fixture->journal), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 1);
  newest = g_ptr_array_index (reflections, 0);
  g_assert_cmpint (bk_note_get_kind (newest), ==, BK_NOTE_KIND_REFLECTION);
  g_assert_cmpint (bk_note_get_counterpart_id (newest), ==, bk_counterpart_get_id (acme));
  g_assert_cmpstr (bk_note_get_text (newest), ==, text);
  g_assert_cmpint (g_date_time_compare (bk_note_get_created (newest), fixture->now), >, 0);
  g_clear_pointer (&reflections, g_ptr_array_unref);

  /* a legacy Reflect run's answer to "best-solution" */
  legacy = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (beta),
                               fixture->reflect, 0, later, &error);
  g_assert_no_error (error);
  g_assert_true (bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), legacy, fixture->reflect,
                                              "best-solution", BK_STEP_STATE_DONE, "Talking early", later, &error));
  g_assert_no_error (error);

  reflections = bk_note_store_list_reflections (bk_journal_get_notes (fixture->journal), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 2);
  g_assert_cmpstr (bk_note_get_text (g_ptr_array_index (reflections, 0)), ==, "Talking early");
}

/* Which outcome followed which problem, for clients and vendors apart, and where those
 * relationships stand now */
static void
test_tally_by_kind (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) beta = add_client (fixture->journal, "Beta");
  g_autoptr(BkCounterpart) zeta = add_counterpart (fixture->journal, "Zeta", BK_COUNTERPART_KIND_VENDOR);
  g_autoptr(BkRun) a = start_run (fixture, acme, fixture->part, 1u << BK_REASON_NON_PAYMENT);
  g_autoptr(BkRun) b = start_run (fixture, beta, fixture->talk, (1u << BK_REASON_PERSONALITY) | (1u << BK_REASON_CAPACITY));
  g_autoptr(BkRun) z = start_run (fixture, zeta, fixture->talk, 1u << BK_REASON_MISMATCH);
  g_autoptr(GError) error = NULL;
  BkRunTally clients;
  BkRunTally vendors;

  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), a, fixture->part,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_PARTED,
                                     .force = TRUE,
                                     .change_status = TRUE,
                                     .new_status = BK_COUNTERPART_STATUS_ENDED_WELL,
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), b, fixture->talk,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_CONTINUED }, fixture->now, &error));
  g_assert_no_error (error);

  g_assert_true (bk_run_store_tally (bk_journal_get_runs (fixture->journal), fixture->library,
                                     BK_COUNTERPART_KIND_CLIENT, &clients, &error));
  g_assert_no_error (error);
  g_assert_true (bk_run_store_tally (bk_journal_get_runs (fixture->journal), fixture->library,
                                     BK_COUNTERPART_KIND_VENDOR, &vendors, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (clients.n_runs, ==, 2);
  g_assert_cmpuint (clients.by_reason[BK_REASON_NON_PAYMENT][BK_OUTCOME_PARTED], ==, 1);
  g_assert_cmpuint (clients.by_reason[BK_REASON_PERSONALITY][BK_OUTCOME_CONTINUED], ==, 1);
  g_assert_cmpuint (clients.by_reason[BK_REASON_CAPACITY][BK_OUTCOME_CONTINUED], ==, 1);
  g_assert_cmpuint (clients.by_reason[BK_REASON_MISMATCH][BK_N_OUTCOMES], ==, 0);
  g_assert_cmpuint (clients.standing[BK_STANDING_GOOD_TERMS], ==, 1);
  g_assert_cmpuint (clients.standing[BK_STANDING_WORKING], ==, 1);
  g_assert_cmpuint (clients.standing[BK_STANDING_ENDED], ==, 0);

  /* the vendor's, still in progress, is the vendors' only */
  g_assert_cmpuint (vendors.n_runs, ==, 1);
  g_assert_cmpuint (vendors.by_reason[BK_REASON_MISMATCH][BK_N_OUTCOMES], ==, 1);
  g_assert_cmpuint (vendors.by_reason[BK_REASON_NON_PAYMENT][BK_OUTCOME_PARTED], ==, 0);
  g_assert_cmpuint (vendors.standing[BK_STANDING_WORKING], ==, 1);
  (void) z;
}

/* Signals wait for the outermost commit, once; a rollback drops them */
static void
test_signals (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = add_client (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = add_client (fixture->journal, "Zeta");
  g_autoptr(BkRun) run = NULL;
  g_autoptr(BkRun) zeta_run = NULL;
  g_autoptr(GError) error = NULL;
  guint counterparts_changed = 0;
  guint runs_changed_count = 0;
  gint64 runs_changed = -1;
  gint64 notes_changed = -1;

  g_signal_connect (bk_journal_get_counterparts (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_count_cb), &counterparts_changed);
  g_signal_connect (bk_journal_get_runs (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_counterpart_cb), &runs_changed);
  g_signal_connect (bk_journal_get_runs (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_count_cb), &runs_changed_count);
  g_signal_connect (bk_journal_get_notes (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_counterpart_cb), &notes_changed);

  run = start_run (fixture, acme, fixture->part, 0);
  g_assert_cmpuint (counterparts_changed, ==, 1);
  g_assert_cmpuint (runs_changed_count, ==, 1);
  g_assert_cmpint (runs_changed, ==, bk_counterpart_get_id (acme));
  g_assert_cmpint (notes_changed, ==, bk_counterpart_get_id (acme));

  /* held until the outermost commit; two steps of one run are one change of it */
  bk_database_begin (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  set_step (fixture, run, "acknowledge", BK_STEP_STATE_DONE, NULL);
  set_step (fixture, run, "settle", BK_STEP_STATE_DONE, NULL);
  g_assert_cmpuint (runs_changed_count, ==, 1);
  zeta_run = start_run (fixture, zeta, fixture->part, 0);
  bk_database_commit (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counterparts_changed, ==, 3);
  g_assert_cmpuint (runs_changed_count, ==, 3);
  g_assert_cmpint (runs_changed, ==, bk_counterpart_get_id (zeta));
  g_assert_cmpint (notes_changed, ==, bk_counterpart_get_id (zeta));

  /* rolled back: nothing said, nothing kept */
  bk_database_begin (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  set_step (fixture, zeta_run, "acknowledge", BK_STEP_STATE_DONE, NULL);
  bk_database_rollback (bk_journal_get_database (fixture->journal));
  g_assert_cmpuint (runs_changed_count, ==, 3);
  g_clear_object (&zeta_run);
  zeta_run = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (zeta), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_run_get_n_settled_steps (zeta_run), ==, 0);
}

/* Many counterparts: every page of the list carries progress */
static void
test_list_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BkCounterpartList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkRun) run = NULL;
  gint64 id_57 = 0;

  bk_database_begin (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %03u", i);
      g_autoptr(BkCounterpart) counterpart = add_client (fixture->journal, name);

      if (i % 3 == 0)
        {
          g_autoptr(BkRun) started = start_run (fixture, counterpart, fixture->talk, 0);
        }
      if (i == 57)
        id_57 = bk_counterpart_get_id (counterpart);
    }
  bk_database_commit (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);

  run = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), id_57, &error);
  g_assert_no_error (error);
  g_assert_true (bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), run, fixture->talk, "listen",
                                              BK_STEP_STATE_DONE, NULL, fixture->now, &error));
  g_assert_no_error (error);

  list = bk_counterpart_list_new (fixture->journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 120);
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(BkCounterpart) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (i % 3 == 0)
        {
          g_assert_cmpstr (bk_counterpart_get_run_playbook_id (item), ==, "test-talk");
          g_assert_cmpuint (bk_counterpart_get_run_steps_total (item), ==, 4);
          g_assert_cmpuint (bk_counterpart_get_run_steps_settled (item), ==, i == 57 ? 1 : 0);
        }
      else
        {
          g_assert_null (bk_counterpart_get_run_playbook_id (item));
        }
    }

  /* through the partial index, one row per counterpart at most */
  g_assert_cmpint (bk_test_query_int (fixture->journal,
                                      "SELECT count(*) FROM counterparts"
                                      " LEFT JOIN active_run_progress AS active_run"
                                      " ON active_run.counterpart_id = counterparts.id"), ==, 120);
}

/* A journal of format 2 upgrades in place, its data intact, and takes runs */
static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkCounterpart) olga = NULL;
  g_autoptr(BkCounterpart) fresh = NULL;
  g_autoptr(BkCounterpartList) list = NULL;
  g_autoptr(BkCounterpart) item = NULL;
  g_autoptr(BkNote) note = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(BkOpenItem) invoice = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GError) error = NULL;
  const guint days[] = { 30, 90 };

  g_assert_cmpint (bk_test_query_int (fixture->journal, "PRAGMA user_version"), ==,
                   BK_SCHEMA_VERSION);
  g_assert_cmpuint (bk_counterpart_store_count (bk_journal_get_counterparts (fixture->journal)), ==, 2);
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), 0), ==, 3);

  olga = bk_counterpart_store_dup (bk_journal_get_counterparts (fixture->journal), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_counterpart_get_name (olga), ==, "Ольга Смирнова");
  g_assert_cmpstr (bk_counterpart_get_organization (olga), ==, "ИП Смирнова");
  g_assert_cmpint (bk_counterpart_get_status (olga), ==, BK_COUNTERPART_STATUS_AT_RISK);
  g_assert_cmpint (bk_counterpart_get_health (olga), ==, 2);
  g_assert_cmpstr (bk_counterpart_get_tags (olga)[1], ==, "долг");
  g_assert_null (bk_counterpart_get_run_playbook_id (olga));

  note = bk_note_store_dup (bk_journal_get_notes (fixture->journal), BK_NOTE_ID_BASE + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_note_get_kind (note), ==, BK_NOTE_KIND_REFLECTION);
  g_assert_true (bk_note_get_private (note));

  /* the search index came through */
  list = bk_counterpart_list_new (fixture->journal);
  bk_test_list_set_query (list, "оплачен");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (bk_counterpart_get_match_note_id (item), ==, BK_NOTE_ID_BASE + 1);
  g_clear_object (&item);
  bk_test_list_set_query (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* the old reflection is in the reflection view */
  reflections = bk_note_store_list_reflections (bk_journal_get_notes (fixture->journal), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 1);

  /* and the new parts work on the old rows */
  run = start_run (fixture, olga, fixture->part, 1u << BK_REASON_NON_PAYMENT);
  set_step (fixture, run, "acknowledge", BK_STEP_STATE_DONE, "Написала письмо");
  invoice = add_open_item (fixture->journal, olga, BK_OPEN_ITEM_KIND_INVOICE, "Счёт №12",
                           4500000, "RUB");
  fresh = reread (fixture->journal, olga);
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (fresh), ==, 1);
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (fresh), ==, 5);
  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (bk_counterpart_get_id (item), ==, 1);
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (item), ==, 1);

  g_assert_false (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                    &(BkRunEnding) {
                                      .outcome = BK_OUTCOME_PARTED,
                                      .checkin_days = days,
                                      .n_checkin_days = 2,
                                      .change_status = TRUE,
                                      .new_status = BK_COUNTERPART_STATUS_ENDED_WELL,
                                    },
                                    fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS);
  g_clear_error (&error);
  g_assert_true (bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (invoice),
                                            TRUE, fixture->now, &error));
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, fixture->part,
                                   &(BkRunEnding) {
                                     .outcome = BK_OUTCOME_PARTED,
                                     .checkin_days = days,
                                     .n_checkin_days = 2,
                                     .change_status = TRUE,
                                     .new_status = BK_COUNTERPART_STATUS_ENDED_WELL,
                                   },
                                   fixture->now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), 1), ==, 5);

  /* the trashed counterpart of format 2 is still there, and purges with cascades */
  bk_journal_purge_trash (fixture->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM counterparts"), ==,
                   2);
  g_clear_object (&list);
  g_clear_object (&item);

  /* opening again migrates nothing and keeps it all */
  g_clear_object (&fixture->journal);
  fixture->journal = bk_journal_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM runs"), ==, 1);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM checkins"), ==, 2);
  g_assert_cmpint (bk_test_query_int (fixture->journal,
                                      "SELECT count(*) FROM pragma_foreign_key_check"),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/runs/steps", test_steps);
  ADD ("/runs/vendor-wording", test_vendor_wording);
  ADD ("/runs/one-active-run", test_one_active_run);
  ADD ("/runs/end", test_end_run);
  ADD ("/runs/open-item-gate", test_open_item_gate);
  ADD ("/runs/access-gate", test_access_gate);
  ADD ("/runs/open-items", test_open_items);
  ADD ("/runs/checkins", test_checkins);
  ADD ("/runs/trash", test_trash);
  ADD ("/runs/reflection", test_reflection);
  ADD ("/runs/reflect-changes-nothing", test_reflect_changes_nothing);
  ADD ("/runs/end-with-reflection", test_end_with_reflection);
  ADD ("/runs/tally-by-kind", test_tally_by_kind);
  ADD ("/runs/signals", test_signals);
  ADD ("/runs/list-pages", test_list_pages);

#undef ADD

  g_test_add ("/runs/migration-from-v2", Fixture, "journal-v2.sql",
              fixture_set_up, test_migration, fixture_tear_down);
  g_test_add_func ("/runs/amount/parse", test_parse_amount);
  g_test_add_func ("/runs/amount/locale", test_amount_locale);

  return g_test_run ();
}

/* test-lists.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-note-list.h"
#include "bk-playbook-library.h"
#include "bk-row-list.h"
#include "bk-run-step-list.h"
#include "bk-test-journal.h"

#define N_LATIN    495
#define N_CYRILLIC 495

/* In the order the list must show them: case, accents and ё/е folded, й after и. */
static const char * const specials_before[] = { "apple", "Banana" };
static const char * const specials_middle[] = {
  "Émile", "zebra", "Ёж", "Елена", "Жанна", "Игорь", "Йод", "Кирилл"
};

typedef struct
{
  char      *dir;
  BkJournal *journal;
} Fixture;

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = bk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->n_signals++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

/* The 1,000 names in the order the list shows them. */
static GPtrArray *
expected_names (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (specials_before); i++)
    g_ptr_array_add (names, g_strdup (specials_before[i]));
  for (guint i = 0; i < N_LATIN; i++)
    g_ptr_array_add (names, g_strdup_printf ("Client %03u", i));
  for (guint i = 0; i < G_N_ELEMENTS (specials_middle); i++)
    g_ptr_array_add (names, g_strdup (specials_middle[i]));
  for (guint i = 0; i < N_CYRILLIC; i++)
    g_ptr_array_add (names, g_strdup_printf ("Клиент %03u", i));

  g_assert_cmpuint (names->len, ==, 1000);

  return names;
}

/* Saves the names in a shuffled order; every tenth Latin client is at risk. Returns the ids
 * in the order of @names. */
static GArray *
add_counterparts (BkJournal *journal,
                  GPtrArray *names)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  GRand *rand = g_rand_new_with_seed (2026);

  g_array_set_size (ids, names->len);
  for (guint i = 0; i < names->len; i++)
    g_array_append_val (order, i);
  for (guint i = names->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      guint tmp = g_array_index (order, guint, i);

      g_array_index (order, guint, i) = g_array_index (order, guint, j);
      g_array_index (order, guint, j) = tmp;
    }
  g_rand_free (rand);

  bk_database_begin (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, guint, i);
      const char *name = g_ptr_array_index (names, index);
      g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
      guint number;

      bk_counterpart_set_name (counterpart, name);
      if (sscanf (name, "Client %u", &number) == 1 && number % 10 == 0)
        bk_counterpart_set_status (counterpart, BK_COUNTERPART_STATUS_AT_RISK);

      bk_test_save_counterpart (journal, counterpart);
      g_array_index (ids, gint64, index) = bk_counterpart_get_id (counterpart);
    }

  bk_database_commit (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);

  return ids;
}

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(BkCounterpart) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);

  /* the list keeps the item, so the name outlives this reference */
  return bk_counterpart_get_name (item);
}

static void
test_counterpart_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) names = expected_names ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BkCounterpartList) list = NULL;
  g_autoptr(BkCounterpart) first = NULL;
  g_autoptr(BkCounterpart) again = NULL;
  g_autoptr(BkCounterpart) aardvark = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  ItemsChanged changed = { 0 };
  const guint positions[] = { 0, 1, 2, 49, 50, 51, 99, 100, 496, 497, 500, 998, 999 };
  guint n_at_risk = 0;

  list = bk_counterpart_list_new (fixture->journal);
  model = G_LIST_MODEL (list);
  g_assert_true (g_list_model_get_item_type (model) == BK_TYPE_COUNTERPART);
  g_assert_true (bk_counterpart_list_get_journal (list) == fixture->journal);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  ids = add_counterparts (fixture->journal, names);

  /* one transaction, one reload */
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);

  /* random access first, then everything */
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    g_assert_cmpstr (name_at (model, positions[i]), ==, g_ptr_array_index (names, positions[i]));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (name_at (model, i), ==, g_ptr_array_index (names, i));
  g_assert_null (g_list_model_get_item (model, 1000));

  /* an item is made once */
  first = g_list_model_get_item (model, 0);
  again = g_list_model_get_item (model, 0);
  g_assert_true (first == again);

  /* find */
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    g_assert_cmpuint (bk_counterpart_list_find (list, g_array_index (ids, gint64,
                                                                     positions[i])),
                      ==, positions[i]);
  g_assert_cmpuint (bk_counterpart_list_find (list, 123456), ==, G_MAXUINT);

  /* status filter */
  bk_counterpart_list_set_status_filter (list, BK_COUNTERPART_STATUS_AT_RISK);
  g_assert_cmpint (bk_counterpart_list_get_status_filter (list), ==,
                   BK_COUNTERPART_STATUS_AT_RISK);
  for (guint i = 0; i < N_LATIN; i += 10)
    n_at_risk++;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_at_risk);
  for (guint i = 0; i < n_at_risk; i++)
    {
      g_autoptr(BkCounterpart) item = g_list_model_get_item (model, i);
      g_autofree char *expected = g_strdup_printf ("Client %03u", i * 10);

      g_assert_cmpstr (bk_counterpart_get_name (item), ==, expected);
      g_assert_cmpint (bk_counterpart_get_status (item), ==, BK_COUNTERPART_STATUS_AT_RISK);
      g_assert_cmpuint (bk_counterpart_list_find (list, bk_counterpart_get_id (item)), ==, i);
    }
  /* apple is active */
  g_assert_cmpuint (bk_counterpart_list_find (list, g_array_index (ids, gint64, 0)), ==,
                    G_MAXUINT);

  bk_counterpart_list_set_status_filter (list, BK_COUNTERPART_STATUS_ENDED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  bk_counterpart_list_set_status_filter (list, -1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);

  /* saving emits items-changed for that row only, and the new one is in its place */
  changed.n_signals = 0;
  aardvark = bk_counterpart_new ();
  bk_counterpart_set_name (aardvark, "aardvark");
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), aardvark, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpstr (name_at (model, 0), ==, "aardvark");
  g_assert_cmpstr (name_at (model, 1), ==, "apple");
  g_assert_cmpuint (bk_counterpart_list_find (list, bk_counterpart_get_id (aardvark)), ==, 0);

  /* renamed: moves, the same item, from its old place to its new one */
  {
    g_autoptr(BkCounterpart) before = g_list_model_get_item (model, 0);
    g_autoptr(BkCounterpart) after = NULL;

    bk_counterpart_set_name (aardvark, "Яблоко");
    bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), aardvark, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (changed.n_signals, ==, 3);
    g_assert_cmpuint (changed.position, ==, 1000);
    g_assert_cmpuint (changed.removed, ==, 0);
    g_assert_cmpuint (changed.added, ==, 1);
    after = g_list_model_get_item (model, 1000);
    g_assert_true (after == before);
    g_assert_cmpstr (bk_counterpart_get_name (before), ==, "Яблоко");
  }
  g_assert_cmpstr (name_at (model, 1000), ==, "Яблоко");
  g_assert_cmpuint (bk_counterpart_list_find (list, bk_counterpart_get_id (aardvark)), ==, 1000);

  /* edited in place: that row only */
  bk_counterpart_set_health (aardvark, 2);
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), aardvark, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_signals, ==, 4);
  g_assert_cmpuint (changed.position, ==, 1000);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);

  /* trashed: gone, that row only */
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (aardvark), TRUE,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_signals, ==, 5);
  g_assert_cmpuint (changed.position, ==, 1000);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
  g_assert_cmpuint (bk_counterpart_list_find (list, bk_counterpart_get_id (aardvark)), ==,
                    G_MAXUINT);
  g_assert_cmpuint (bk_counterpart_store_count (bk_journal_get_counterparts (fixture->journal)), ==, 1000);

  /* notes do not matter while browsing */
  changed.n_signals = 0;
  {
    g_autoptr(BkNote) note = bk_note_new ();

    bk_note_set_counterpart_id (note, g_array_index (ids, gint64, 0));
    bk_note_set_text (note, "apple pie");
    bk_note_store_save (bk_journal_get_notes (fixture->journal), note, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (changed.n_signals, ==, 0);

  /* searching: the same list */
  bk_test_list_set_query (list, "клиент 01");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  bk_test_list_set_query (list, "pie");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (name_at (model, 0), ==, "apple");
  bk_test_list_set_query (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
}

static gint64
add_note (BkJournal  *journal,
          gint64      counterpart_id,
          gint64      created_unix,
          const char *text)
{
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (created_unix);

  bk_note_set_counterpart_id (note, counterpart_id);
  bk_note_set_created (note, created);
  bk_note_set_text (note, text);
  bk_test_save_note (journal, note);

  return bk_note_get_id (note);
}

static void
test_note_list (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkCounterpart) one = bk_counterpart_new ();
  g_autoptr(BkCounterpart) other = bk_counterpart_new ();
  g_autoptr(BkNoteList) list = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  ItemsChanged changed = { 0 };
  gint64 base = 1767225600; /* 2026-01-01 */
  gint64 prev_created = G_MAXINT64;
  gint64 prev_id = G_MAXINT64;
  gint64 oldest;
  gint64 newest;
  GRand *rand = g_rand_new_with_seed (7);

  bk_counterpart_set_name (one, "One");
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), one, &error);
  g_assert_no_error (error);
  bk_counterpart_set_name (other, "Other");
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), other, &error);
  g_assert_no_error (error);

  list = bk_note_list_new (fixture->journal, bk_counterpart_get_id (one));
  model = G_LIST_MODEL (list);
  g_assert_cmpint (bk_note_list_get_counterpart_id (list), ==, bk_counterpart_get_id (one));
  g_assert_true (g_list_model_get_item_type (model) == BK_TYPE_NOTE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  /* in no particular order, some in the same second */
  bk_database_begin (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 130; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note %u", i);

      add_note (fixture->journal, bk_counterpart_get_id (one),
                base + g_rand_int_range (rand, 0, 40) * 3600, text);
      add_note (fixture->journal, bk_counterpart_get_id (other), base + i, text);
    }
  bk_database_commit (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  g_rand_free (rand);

  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 130);

  /* newest first, the later-saved first within a second, across page boundaries */
  for (guint i = 0; i < 130; i++)
    {
      g_autoptr(BkNote) note = g_list_model_get_item (model, i);
      gint64 created = g_date_time_to_unix (bk_note_get_created (note));

      g_assert_cmpint (bk_note_get_counterpart_id (note), ==, bk_counterpart_get_id (one));
      g_assert_cmpint (created, <=, prev_created);
      if (created == prev_created)
        g_assert_cmpint (bk_note_get_id (note), <, prev_id);

      prev_created = created;
      prev_id = bk_note_get_id (note);
    }
  g_assert_null (g_list_model_get_item (model, 130));

  /* the other counterpart's notes do not disturb it */
  changed.n_signals = 0;
  add_note (fixture->journal, bk_counterpart_get_id (other), base, "elsewhere");
  g_assert_cmpuint (changed.n_signals, ==, 0);

  /* a new note goes where its date says, told for its row only */
  oldest = add_note (fixture->journal, bk_counterpart_get_id (one), base - 86400, "oldest");
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 130);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  newest = add_note (fixture->journal, bk_counterpart_get_id (one), base + 86400 * 30, "newest");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 132);
  {
    g_autoptr(BkNote) first = g_list_model_get_item (model, 0);
    g_autoptr(BkNote) last = g_list_model_get_item (model, 131);

    g_assert_cmpint (bk_note_get_id (first), ==, newest);
    g_assert_cmpint (bk_note_get_id (last), ==, oldest);
    g_assert_cmpstr (bk_note_get_text (last), ==, "oldest");
  }

  changed.n_signals = 0;
  bk_note_store_set_trashed (bk_journal_get_notes (fixture->journal), newest, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 131);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);

  /* edited: the same item, in place, its row only */
  {
    g_autoptr(BkNote) item = g_list_model_get_item (model, 130);
    g_autoptr(BkNote) edited = bk_note_store_dup (bk_journal_get_notes (fixture->journal), oldest,
                                                  &error);

    g_assert_no_error (error);
    bk_note_set_text (edited, "the oldest, edited");
    bk_test_save_note (fixture->journal, edited);
    g_assert_cmpuint (changed.n_signals, ==, 2);
    g_assert_cmpuint (changed.position, ==, 130);
    g_assert_cmpuint (changed.removed, ==, 1);
    g_assert_cmpuint (changed.added, ==, 1);
    g_assert_cmpstr (bk_note_get_text (item), ==, "the oldest, edited");
  }

  /* several notes in one write: told as a run */
  changed.n_signals = 0;
  bk_database_begin (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  add_note (fixture->journal, bk_counterpart_get_id (one), base + 86400 * 40, "newer");
  add_note (fixture->journal, bk_counterpart_get_id (one), base + 86400 * 41, "newer still");
  bk_database_commit (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 133);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Ticking one step tells that step's row in the steps, that client's row in the sidebar, and
 * the run and the client on screen follow in place. */
static void
test_step_tick (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  BkPlaybook *playbook = bk_playbook_library_lookup (library, "part-ways");
  BkRunStore *runs = bk_journal_get_runs (fixture->journal);
  g_autoptr(BkCounterpart) olga = bk_test_add_counterpart (fixture->journal, "Olga");
  g_autoptr(BkCounterpart) anna = bk_test_add_counterpart (fixture->journal, "Anna");
  g_autoptr(BkCounterpart) pavel = bk_test_add_counterpart (fixture->journal, "Pavel");
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 30, 10, 0, 0);
  g_autoptr(BkCounterpartList) sidebar = bk_counterpart_list_new (fixture->journal);
  g_autoptr(BkRunStepList) steps = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(BkCounterpart) row = NULL;
  g_autoptr(BkRunStep) second = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged steps_changed = { 0 };
  ItemsChanged sidebar_changed = { 0 };
  guint run_notified = 0;
  guint row_notified = 0;

  g_assert_nonnull (playbook);
  run = bk_run_store_start (runs, bk_counterpart_get_id (olga), playbook, 1, now, &error);
  g_assert_no_error (error);

  steps = bk_run_step_list_new (runs, run, playbook, BK_COUNTERPART_KIND_CLIENT);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (steps)) == BK_TYPE_RUN_STEP);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==,
                    bk_run_get_n_steps (run));
  second = g_list_model_get_item (G_LIST_MODEL (steps), 1);
  g_assert_cmpstr (bk_run_step_get_step_id (second), ==, bk_run_get_step_ids (run)[1]);
  g_assert_cmpstr (bk_run_step_get_title (second), !=, bk_run_step_get_step_id (second));
  g_assert_cmpint (bk_run_step_get_state (second), ==, BK_STEP_STATE_OPEN);

  /* the sidebar shows Anna, Olga, Pavel; Olga's row as the view has read it */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sidebar)), ==, 3);
  row = g_list_model_get_item (G_LIST_MODEL (sidebar), 1);
  g_assert_cmpint (bk_counterpart_get_id (row), ==, bk_counterpart_get_id (olga));
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (row), ==, 0);

  g_signal_connect (steps, "items-changed", G_CALLBACK (items_changed_cb), &steps_changed);
  g_signal_connect (sidebar, "items-changed", G_CALLBACK (items_changed_cb), &sidebar_changed);
  g_signal_connect (run, "notify::n-settled-steps", G_CALLBACK (count_notify_cb), &run_notified);
  g_signal_connect (row, "notify::run-steps-settled", G_CALLBACK (count_notify_cb), &row_notified);

  /* as the view does: a step of a run it holds */
  g_assert_true (bk_run_store_set_step_state (runs, run, playbook, bk_run_get_step_ids (run)[1],
                                              BK_STEP_STATE_DONE, "Sent the last invoice", now,
                                              &error));
  g_assert_no_error (error);

  g_assert_cmpuint (steps_changed.n_signals, ==, 1);
  g_assert_cmpuint (steps_changed.position, ==, 1);
  g_assert_cmpuint (steps_changed.removed, ==, 1);
  g_assert_cmpuint (steps_changed.added, ==, 1);
  g_assert_cmpint (bk_run_step_get_state (second), ==, BK_STEP_STATE_DONE);
  g_assert_cmpstr (bk_run_step_get_note (second), ==, "Sent the last invoice");
  g_assert_cmpuint (run_notified, ==, 1);
  g_assert_cmpuint (bk_run_get_n_settled_steps (run), ==, 1);

  g_assert_cmpuint (sidebar_changed.n_signals, ==, 1);
  g_assert_cmpuint (sidebar_changed.position, ==, 1);
  g_assert_cmpuint (sidebar_changed.removed, ==, 1);
  g_assert_cmpuint (sidebar_changed.added, ==, 1);
  g_assert_cmpuint (row_notified, ==, 1);
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (row), ==, 1);

  /* a step of another client's run disturbs neither */
  {
    g_autoptr(BkRun) other = bk_run_store_start (runs, bk_counterpart_get_id (pavel), playbook, 1,
                                                 now, &error);

    g_assert_no_error (error);
    steps_changed.n_signals = 0;
    g_assert_true (bk_run_store_set_step_state (runs, other, playbook,
                                                bk_run_get_step_ids (other)[0],
                                                BK_STEP_STATE_SKIPPED, NULL, now, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (steps_changed.n_signals, ==, 0);
    g_assert_cmpuint (row_notified, ==, 1);
  }
  g_assert_cmpint (bk_counterpart_get_id (anna), !=, 0);
}

/* A client's open items: each row told as it comes, changes and goes */
static void
test_row_list (Fixture       *fixture,
               gconstpointer  data)
{
  BkOpenItemStore *store = bk_journal_get_open_items (fixture->journal);
  g_autoptr(BkCounterpart) olga = bk_test_add_counterpart (fixture->journal, "Olga");
  g_autoptr(BkCounterpart) pavel = bk_test_add_counterpart (fixture->journal, "Pavel");
  g_autoptr(BkRowList) list = bk_row_list_new_open_items (fixture->journal,
                                                          bk_counterpart_get_id (olga));
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 30, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  gint64 ids[3];

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == BK_TYPE_OPEN_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(BkOpenItem) item = bk_open_item_new ();
      g_autoptr(GDateTime) created = g_date_time_add_days (now, i);
      g_autofree char *description = g_strdup_printf ("Invoice #%u", 118 + i);

      bk_open_item_set_counterpart_id (item, bk_counterpart_get_id (olga));
      bk_open_item_set_description (item, description);
      bk_open_item_set_created (item, created);
      g_assert_true (bk_open_item_store_save (store, item, &error));
      g_assert_no_error (error);
      ids[i] = bk_open_item_get_id (item);

      g_assert_cmpuint (changed.n_signals, ==, i + 1);
      g_assert_cmpuint (changed.position, ==, i);
      g_assert_cmpuint (changed.removed, ==, 0);
      g_assert_cmpuint (changed.added, ==, 1);
    }

  /* another client's item is not told */
  {
    g_autoptr(BkOpenItem) item = bk_open_item_new ();

    bk_open_item_set_counterpart_id (item, bk_counterpart_get_id (pavel));
    bk_open_item_set_description (item, "Elsewhere");
    g_assert_true (bk_open_item_store_save (store, item, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changed.n_signals, ==, 3);
  }

  /* settled: that row, with a new item */
  {
    g_autoptr(BkOpenItem) before = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_autoptr(BkOpenItem) after = NULL;

    g_assert_true (bk_open_item_store_settle (store, ids[1], TRUE, now, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changed.n_signals, ==, 4);
    g_assert_cmpuint (changed.position, ==, 1);
    g_assert_cmpuint (changed.removed, ==, 1);
    g_assert_cmpuint (changed.added, ==, 1);
    after = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_assert_null (bk_open_item_get_settled (before));
    g_assert_nonnull (bk_open_item_get_settled (after));
  }

  /* deleted: gone from its place */
  g_assert_true (bk_open_item_store_delete (store, ids[0], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_signals, ==, 5);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lists/counterparts", Fixture, NULL,
              fixture_set_up, test_counterpart_list, fixture_tear_down);
  g_test_add ("/lists/notes", Fixture, NULL,
              fixture_set_up, test_note_list, fixture_tear_down);
  g_test_add ("/lists/step-tick", Fixture, NULL,
              fixture_set_up, test_step_tick, fixture_tear_down);
  g_test_add ("/lists/open-items", Fixture, NULL,
              fixture_set_up, test_row_list, fixture_tear_down);

  return g_test_run ();
}

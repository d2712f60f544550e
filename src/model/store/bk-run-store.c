/* bk-run-store.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-run-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-run-store.h"
#include "bk-store-values-private.h"
#include "bk-value-private.h"

/* Playbook runs and their steps. Starting, ticking and ending a run also writes in the
 * counterpart's timeline, and ending one can settle its status and schedule check-ins: those
 * go through the stores that own them, in the run's transaction. */
struct _BkRunStore
{
  BkStore             parent_instance;

  BkCounterpartStore *counterparts;
  BkNoteStore        *notes;
  BkOpenItemStore    *open_items;
  BkCheckinStore     *checkins;
};

G_DEFINE_FINAL_TYPE (BkRunStore, bk_run_store, BK_TYPE_STORE)

static void
bk_run_store_dispose (GObject *object)
{
  BkRunStore *self = (BkRunStore *) object;

  g_clear_object (&self->counterparts);
  g_clear_object (&self->notes);
  g_clear_object (&self->open_items);
  g_clear_object (&self->checkins);

  G_OBJECT_CLASS (bk_run_store_parent_class)->dispose (object);
}

static void
bk_run_store_class_init (BkRunStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_run_store_dispose;
}

static void
bk_run_store_init (BkRunStore *self)
{
}

BkRunStore *
bk_run_store_new (BkDatabase         *database,
                  BkCounterpartStore *counterparts,
                  BkNoteStore        *notes,
                  BkOpenItemStore    *open_items,
                  BkCheckinStore     *checkins)
{
  BkRunStore *self;

  g_return_val_if_fail (BK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (counterparts), NULL);
  g_return_val_if_fail (BK_IS_NOTE_STORE (notes), NULL);
  g_return_val_if_fail (BK_IS_OPEN_ITEM_STORE (open_items), NULL);
  g_return_val_if_fail (BK_IS_CHECKIN_STORE (checkins), NULL);

  self = g_object_new (BK_TYPE_RUN_STORE, "database", database, NULL);
  self->counterparts = g_object_ref (counterparts);
  self->notes = g_object_ref (notes);
  self->open_items = g_object_ref (open_items);
  self->checkins = g_object_ref (checkins);

  return self;
}

/* The columns run_from_row() reads */
#define RUN_COLUMNS \
  "runs.id, runs.uuid, runs.counterpart_id, runs.playbook, runs.reasons, runs.step_ids," \
  " runs.started, runs.ended, runs.outcome, runs.successor"

/* The message of BK_DATABASE_ERROR_NOT_FOUND */
#define RUN_NOT_FOUND _("This playbook run is no longer in the journal.")

/* A run changed, and with it the progress its counterpart shows */
static void
queue_run_change (BkRunStore *self,
                  BkChange    change,
                  gint64      run_id,
                  gint64      counterpart_id)
{
  bk_store_queue_change (BK_STORE (self), change, run_id, counterpart_id);
  bk_counterpart_store_queue_progress_change (self->counterparts, counterpart_id);
}

static gboolean
load_steps (BkRunStore  *self,
            BkRun       *run,
            GError     **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT step, state, changed, note FROM run_steps"
                                           " WHERE run_id = ?1",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, bk_run_get_id (run));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) changed = bk_database_column_date_time (stmt, 2);
      BkStepState state;

      if (!bk_step_state_from_string (bk_database_column_text (stmt, 1), &state))
        continue;

      bk_run_set_step (run, bk_database_column_text (stmt, 0), state, changed,
                       bk_database_column_text (stmt, 3));
    }

  if (rc != SQLITE_DONE)
    return bk_database_set_error (db, error);

  return TRUE;
}

/* A run from a row of RUN_COLUMNS, without its steps' states (load_steps()) */
static BkRun *
run_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) started = bk_database_column_date_time (stmt, 6);
  g_autoptr(GDateTime) ended = bk_database_column_date_time (stmt, 7);
  BkOutcome outcome = BK_OUTCOME_CONTINUED;

  if (ended != NULL)
    bk_outcome_from_string (bk_database_column_text (stmt, 8), &outcome);

  return bk_run_new_from_journal (sqlite3_column_int64 (stmt, 0),
                                  bk_database_column_text (stmt, 1),
                                  sqlite3_column_int64 (stmt, 2),
                                  bk_database_column_text (stmt, 3),
                                  (guint) sqlite3_column_int64 (stmt, 4),
                                  bk_database_column_text (stmt, 5),
                                  started,
                                  ended,
                                  outcome,
                                  bk_database_column_text (stmt, 9));
}

/* As bk_database_dup_by_id(), with the run's steps */
static BkRun *
dup_run_by_id (BkRunStore  *self,
               const char  *sql,
               gint64       id,
               const char  *not_found,
               GError     **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkRun) run = NULL;

  run = bk_database_dup_by_id (db, sql, id, (BkRowFunc) run_from_row, not_found, error);
  if (run == NULL || !load_steps (self, run, error))
    return NULL;

  return g_steal_pointer (&run);
}

/* As bk_database_list_by_id(), with each run's steps */
static GPtrArray *
list_runs_by_id (BkRunStore  *self,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(GPtrArray) runs = NULL;

  if (!(runs = bk_database_list_by_id (db, sql, id, (BkRowFunc) run_from_row, error)))
    return NULL;

  for (guint i = 0; i < runs->len; i++)
    {
      if (!load_steps (self, g_ptr_array_index (runs, i), error))
        return NULL;
    }

  return g_steal_pointer (&runs);
}

BkRun *
bk_run_store_dup_active (BkRunStore  *self,
                         gint64       counterpart_id,
                         GError     **error)
{
  g_return_val_if_fail (BK_IS_RUN_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* none is no error */
  return dup_run_by_id (self,
                        "SELECT " RUN_COLUMNS " FROM runs"
                        " JOIN live_counterparts ON live_counterparts.id = runs.counterpart_id"
                        " WHERE runs.counterpart_id = ?1 AND runs.ended IS NULL",
                        counterpart_id,
                        NULL,
                        error);
}

BkRun *
bk_run_store_dup (BkRunStore  *self,
                  gint64       run_id,
                  GError     **error)
{
  g_return_val_if_fail (BK_IS_RUN_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return dup_run_by_id (self,
                        "SELECT " RUN_COLUMNS " FROM runs"
                        " JOIN live_counterparts ON live_counterparts.id = runs.counterpart_id"
                        " WHERE runs.id = ?1",
                        run_id,
                        RUN_NOT_FOUND,
                        error);
}

GPtrArray *
bk_run_store_list (BkRunStore  *self,
                   gint64       counterpart_id,
                   GError     **error)
{
  g_return_val_if_fail (BK_IS_RUN_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_runs_by_id (self,
                          "SELECT " RUN_COLUMNS " FROM runs"
                          " JOIN live_counterparts ON live_counterparts.id = runs.counterpart_id"
                          " WHERE runs.counterpart_id = ?1"
                          " ORDER BY runs.ended IS NOT NULL, runs.started DESC, runs.id DESC",
                          counterpart_id,
                          error);
}

/* Whether the run is in the journal and active, read inside the transaction that changes it:
 * the BkRun a caller holds may be out of date. */
static gboolean
check_run_active (BkRunStore  *self,
                  gint64       run_id,
                  GError     **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT runs.ended IS NULL FROM runs"
                                           " JOIN live_counterparts ON live_counterparts.id = runs.counterpart_id"
                                           " WHERE runs.id = ?1",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, run_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND, RUN_NOT_FOUND);
      return FALSE;
    }

  if (rc != SQLITE_ROW)
    return bk_database_set_error (db, error);

  if (sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("This playbook run has ended: start a new one to work on it again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
has_active_run (BkRunStore  *self,
                gint64       counterpart_id,
                gboolean    *active,
                GError     **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT 1 FROM runs"
                                           " WHERE counterpart_id = ?1 AND ended IS NULL",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bk_database_set_error (db, error);

  *active = rc == SQLITE_ROW;

  return TRUE;
}

/* What a run keeps of its playbook's steps: at least one, none empty or with a comma (the
 * journal joins them with commas) */
static gboolean
step_ids_are_valid (const char * const *steps)
{
  if (steps == NULL || steps[0] == NULL)
    return FALSE;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (steps[i][0] == '\0' || strchr (steps[i], ',') != NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * bk_run_store_start:
 * @counterpart_id: a counterpart not in the trash
 * @playbook: the playbook to follow: the run keeps its step ids as they are now
 * @reasons: what isn't working, a bit mask of 1 << BkReason
 * @now: when it starts
 *
 * Returns: (transfer full): the new active run, or %NULL with %BK_DATABASE_ERROR_INVALID when
 *   the counterpart has a run in progress already
 */
BkRun *
bk_run_store_start (BkRunStore  *self,
                    gint64       counterpart_id,
                    BkPlaybook  *playbook,
                    guint        reasons,
                    GDateTime   *now,
                    GError     **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *step_ids = NULL;
  const char * const *steps;
  gboolean active = FALSE;
  gint64 id;

  g_return_val_if_fail (BK_IS_RUN_STORE (self), NULL);
  g_return_val_if_fail (BK_IS_PLAYBOOK (playbook), NULL);
  g_return_val_if_fail (reasons < (1u << BK_N_REASONS), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  steps = bk_playbook_get_step_ids (playbook);
  g_return_val_if_fail (step_ids_are_valid (steps), NULL);

  if (!(counterpart = bk_counterpart_store_dup (self->counterparts, counterpart_id, error)))
    return NULL;

  step_ids = g_strjoinv (",", (char **) steps);
  started = bk_date_time_dup_whole_seconds (now);
  uuid = g_uuid_string_random ();

  if (!bk_database_begin (db, error))
    return NULL;

  if (!has_active_run (self, counterpart_id, &active, error))
    goto failed;

  if (active)
    {
      g_set_error (error,
                   BK_DATABASE_ERROR,
                   BK_DATABASE_ERROR_INVALID,
                   _("%s already has a playbook in progress: finish or end it first."),
                   bk_counterpart_get_name (counterpart));
      goto failed;
    }

  if (!(stmt = bk_database_prepare_cached (db,
                                           "INSERT INTO runs"
                                           " (uuid, counterpart_id, playbook, reasons, step_ids,"
                                           "  started)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                           error)))
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counterpart_id);
  sqlite3_bind_text (stmt, 3, bk_playbook_get_id (playbook), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, reasons);
  sqlite3_bind_text (stmt, 5, step_ids, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, g_date_time_to_unix (started));

  if (!bk_database_step_done (db, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (bk_database_get_handle (db));
  g_clear_pointer (&stmt, bk_cached_statement_release);

  if (!bk_note_store_add_event (self->notes, counterpart_id,
                                &(BkEventRecord) {
                                  .event = BK_NOTE_EVENT_RUN_STARTED,
                                  .playbook_id = bk_playbook_get_id (playbook),
                                  .reasons = reasons,
                                },
                                now, error))
    goto failed;

  queue_run_change (self, BK_CHANGE_ADDED, id, counterpart_id);

  if (!bk_database_commit (db, error))
    return NULL;

  return bk_run_new_from_journal (id, uuid, counterpart_id, bk_playbook_get_id (playbook),
                                  reasons, step_ids, started, NULL, BK_OUTCOME_CONTINUED, "");

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return NULL;
}

static gboolean
run_has_step (BkRun      *run,
              const char *step_id)
{
  return g_strv_contains (bk_run_get_step_ids (run), step_id);
}

/**
 * bk_run_store_set_step_state:
 * @run: an active run; it is updated on success
 * @playbook: the run's playbook, for the step's title in the timeline
 * @step_id: one of the run's steps
 * @state: done, skipped, or open again (which forgets the date and note)
 * @note: (nullable): what the person wrote about it
 *
 * Refused with %BK_DATABASE_ERROR_INVALID when the run has ended or has no such step. Setting
 * the state a step has already, with the same note, changes nothing and writes no note.
 */
gboolean
bk_run_store_set_step_state (BkRunStore   *self,
                             BkRun        *run,
                             BkPlaybook   *playbook,
                             const char   *step_id,
                             BkStepState   state,
                             const char   *note,
                             GDateTime    *now,
                             GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GDateTime) changed = NULL;
  g_autofree char *trimmed = NULL;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_RUN_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_RUN (run), FALSE);
  g_return_val_if_fail (BK_IS_PLAYBOOK (playbook), FALSE);
  g_return_val_if_fail (g_strcmp0 (bk_playbook_get_id (playbook), bk_run_get_playbook_id (run)) == 0,
                        FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);
  g_return_val_if_fail (state <= BK_STEP_STATE_SKIPPED, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_store_check_utf8 (note, error))
    return FALSE;

  if (!run_has_step (run, step_id))
    {
      g_set_error (error,
                   BK_DATABASE_ERROR,
                   BK_DATABASE_ERROR_INVALID,
                   _("The step “%s” is not part of this playbook run."),
                   step_id);
      return FALSE;
    }

  counterpart_id = bk_run_get_counterpart_id (run);
  if (!(counterpart = bk_counterpart_store_dup (self->counterparts, counterpart_id, error)))
    return FALSE;

  trimmed = bk_store_dup_trimmed (note);
  changed = bk_date_time_dup_whole_seconds (now);

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!check_run_active (self, bk_run_get_id (run), error))
    goto failed;

  if (state == BK_STEP_STATE_OPEN)
    stmt = bk_database_prepare_cached (db,
                                       "DELETE FROM run_steps WHERE run_id = ?1 AND step = ?2",
                                       error);
  else
    stmt = bk_database_prepare_cached (db,
                                       "INSERT INTO run_steps (run_id, step, state, changed, note)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5)"
                                       " ON CONFLICT (run_id, step) DO UPDATE"
                                       " SET state = excluded.state, changed = excluded.changed,"
                                       "  note = excluded.note"
                                       " WHERE state != excluded.state OR note != excluded.note",
                                       error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, bk_run_get_id (run));
  sqlite3_bind_text (stmt, 2, step_id, -1, SQLITE_STATIC);
  if (state != BK_STEP_STATE_OPEN)
    {
      sqlite3_bind_text (stmt, 3, bk_step_state_to_string (state), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (changed));
      sqlite3_bind_text (stmt, 5, trimmed, -1, SQLITE_STATIC);
    }

  if (!bk_database_step_done (db, stmt, error))
    goto failed;

  /* nothing changed: nothing to tell */
  if (sqlite3_changes (bk_database_get_handle (db)) == 0)
    {
      g_clear_pointer (&stmt, bk_cached_statement_release);
      bk_database_rollback (db);
      return TRUE;
    }

  g_clear_pointer (&stmt, bk_cached_statement_release);

  if (!bk_note_store_add_event (self->notes, counterpart_id,
                                &(BkEventRecord) {
                                  .event = state == BK_STEP_STATE_DONE ? BK_NOTE_EVENT_STEP_DONE
                                         : state == BK_STEP_STATE_SKIPPED ? BK_NOTE_EVENT_STEP_SKIPPED
                                         : BK_NOTE_EVENT_STEP_REOPENED,
                                  .playbook_id = bk_playbook_get_id (playbook),
                                  .step_id = step_id,
                                  .words = trimmed,
                                },
                                now, error))
    goto failed;

  queue_run_change (self, BK_CHANGE_CHANGED, bk_run_get_id (run), counterpart_id);

  if (!bk_database_commit (db, error))
    return FALSE;

  bk_run_set_step (run, step_id, state, changed, trimmed);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/* "2 open items are not settled yet. 1 credential is still in use: hand it over or revoke it." */
static char *
dup_open_items_message (guint n_items,
                        guint n_access)
{
  g_autoptr(GString) message = g_string_new (NULL);

  if (n_items > 0)
    g_string_append_printf (message,
                            ngettext ("%u open item is not settled yet.",
                                      "%u open items are not settled yet.",
                                      n_items),
                            n_items);

  if (n_access > 0)
    {
      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append_printf (message,
                              ngettext ("%u credential is still in use: hand it over or "
                                        "revoke it.",
                                        "%u credentials are still in use: hand them over or "
                                        "revoke them.",
                                        n_access),
                              n_access);
    }

  return g_string_free (g_steal_pointer (&message), FALSE);
}

/**
 * bk_run_store_end:
 * @run: the active run; it is updated on success
 * @playbook: the run's playbook, for its name in the timeline
 * @ending: how it ended, and what follows (see #BkRunEnding)
 *
 * Everything (the run, the check-ins, the status, the note) is written in one transaction.
 */
gboolean
bk_run_store_end (BkRunStore         *self,
                  BkRun              *run,
                  BkPlaybook         *playbook,
                  const BkRunEnding  *ending,
                  GDateTime          *now,
                  GError            **error)
{
  BkOutcome outcome;
  const char *successor;
  const guint *checkin_days;
  guint n_checkin_days;
  int new_status;
  gboolean force;
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GDateTime) ended = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *reflection_text = NULL;
  gint64 counterpart_id;
  gint64 run_id;

  g_return_val_if_fail (BK_IS_RUN_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_RUN (run), FALSE);
  g_return_val_if_fail (BK_IS_PLAYBOOK (playbook), FALSE);
  g_return_val_if_fail (g_strcmp0 (bk_playbook_get_id (playbook), bk_run_get_playbook_id (run)) == 0,
                        FALSE);
  g_return_val_if_fail (ending != NULL, FALSE);

  outcome = ending->outcome;
  successor = ending->successor;
  checkin_days = ending->checkin_days;
  n_checkin_days = ending->n_checkin_days;
  new_status = ending->change_status ? (int) ending->new_status : -1;
  force = ending->force;

  /* A playbook that is no way out (Reflect, in journals from before it was retired) ends
   * where it started: the relationship goes on, as it was, with nothing scheduled. */
  if (!bk_playbook_is_way_out (playbook))
    {
      outcome = BK_OUTCOME_CONTINUED;
      n_checkin_days = 0;
      new_status = -1;
    }

  g_return_val_if_fail (outcome < BK_N_OUTCOMES, FALSE);
  g_return_val_if_fail (checkin_days != NULL || n_checkin_days == 0, FALSE);
  g_return_val_if_fail (new_status >= -1 && new_status < BK_COUNTERPART_N_STATUSES, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_store_check_utf8 (successor, error) ||
      !bk_store_check_utf8 (ending->reflection, error))
    return FALSE;

  counterpart_id = bk_run_get_counterpart_id (run);
  run_id = bk_run_get_id (run);
  if (!(counterpart = bk_counterpart_store_dup (self->counterparts, counterpart_id, error)))
    return FALSE;

  trimmed = bk_store_dup_trimmed (successor);
  reflection_text = bk_store_dup_trimmed (ending->reflection);
  ended = bk_date_time_dup_whole_seconds (now);

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!check_run_active (self, run_id, error))
    goto failed;

  if (outcome == BK_OUTCOME_PARTED && !force)
    {
      guint n_items = 0;
      guint n_access = 0;

      if (!bk_open_item_store_count_unsettled (self->open_items, counterpart_id, &n_items, &n_access, error))
        goto failed;

      if (n_items + n_access > 0)
        {
          g_autofree char *message = dup_open_items_message (n_items, n_access);

          g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS, message);
          goto failed;
        }
    }

  if (!(stmt = bk_database_prepare_cached (db,
                                           "UPDATE runs SET ended = ?2, outcome = ?3, successor = ?4"
                                           " WHERE id = ?1 AND ended IS NULL",
                                           error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, run_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (ended));
  sqlite3_bind_text (stmt, 3, bk_outcome_to_string (outcome), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, trimmed, -1, SQLITE_STATIC);

  if (!bk_database_step_done (db, stmt, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  for (guint i = 0; i < n_checkin_days; i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add_days (ended, (int) MIN (checkin_days[i], 36500));

      if (!bk_checkin_store_add (self->checkins, counterpart_id, run_id, due, error))
        goto failed;
    }

  if (new_status >= 0 &&
      !bk_counterpart_store_set_status (self->counterparts, counterpart_id, new_status, ended,
                                        error))
    goto failed;

  if (!bk_note_store_add_event (self->notes, counterpart_id,
                                &(BkEventRecord) {
                                  .event = BK_NOTE_EVENT_RUN_ENDED,
                                  .playbook_id = bk_playbook_get_id (playbook),
                                  .outcome = outcome,
                                  .words = trimmed,
                                },
                                now, error))
    goto failed;

  /* (after the ending, so that it reads last in the timeline) */
  if (reflection_text[0] != '\0')
    {
      g_autoptr(BkNote) reflection = bk_note_new ();
      g_autoptr(GDateTime) written = g_date_time_add_seconds (ended, 1);

      bk_note_set_counterpart_id (reflection, counterpart_id);
      bk_note_set_kind (reflection, BK_NOTE_KIND_REFLECTION);
      bk_note_set_created (reflection, written);
      bk_note_set_text (reflection, reflection_text);
      if (!bk_note_store_save (self->notes, reflection, error))
        goto failed;
    }

  queue_run_change (self, BK_CHANGE_CHANGED, run_id, counterpart_id);

  if (!bk_database_commit (db, error))
    return FALSE;

  bk_run_set_ended (run, ended, outcome, trimmed);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/**
 * bk_run_store_count_reasons_and_outcomes:
 * @reason_counts: (out caller-allocates) (array fixed-size=7) (nullable): per #BkReason, how
 *   many runs gave it
 * @outcome_counts: (out caller-allocates) (array fixed-size=5) (nullable): per #BkOutcome, how
 *   many runs ended so
 */
gboolean
bk_run_store_count_reasons_and_outcomes (BkRunStore  *self,
                                         guint       *reason_counts,
                                         guint       *outcome_counts,
                                         GError     **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  guint reasons[BK_N_REASONS] = { 0 };
  guint outcomes[BK_N_OUTCOMES] = { 0 };
  int rc;

  g_return_val_if_fail (BK_IS_RUN_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT runs.reasons, runs.outcome FROM runs"
                                           " JOIN live_counterparts ON live_counterparts.id = runs.counterpart_id",
                                           error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint mask = (guint) sqlite3_column_int64 (stmt, 0);
      BkOutcome outcome;

      for (guint i = 0; i < BK_N_REASONS; i++)
        {
          if (mask & (1u << i))
            reasons[i]++;
        }

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
          bk_outcome_from_string (bk_database_column_text (stmt, 1), &outcome))
        outcomes[outcome]++;
    }

  if (rc != SQLITE_DONE)
    return bk_database_set_error (db, error);

  if (reason_counts != NULL)
    memcpy (reason_counts, reasons, sizeof reasons);
  if (outcome_counts != NULL)
    memcpy (outcome_counts, outcomes, sizeof outcomes);

  return TRUE;
}

/* Importing: runs followed elsewhere (a JSON export) */

/**
 * bk_run_store_find_by_uuid:
 * @id: (out): the run with this uuid, or 0 when there is none
 * @counterpart_id: (out) (optional): whose run it is (in the trash or not)
 */
/**
 * bk_run_store_tally:
 * @playbooks: to know which runs followed a way out (a run of a playbook that is none, or
 *   unknown to this version, is not counted)
 * @kind: the kind of counterpart counted
 * @tally: (out caller-allocates): the counts
 *
 * Which outcome followed which problem over every run of @kind's counterparts not in the
 * trash, and where those relationships stand now.
 */
gboolean
bk_run_store_tally (BkRunStore         *self,
                    BkPlaybookLibrary  *playbooks,
                    BkCounterpartKind   kind,
                    BkRunTally         *tally,
                    GError            **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GHashTable) counted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (BK_IS_RUN_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_PLAYBOOK_LIBRARY (playbooks), FALSE);
  g_return_val_if_fail (tally != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (tally, 0, sizeof *tally);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT runs.playbook, runs.reasons, runs.outcome,"
                                           "       runs.counterpart_id, live_counterparts.status,"
                                           "       EXISTS (SELECT 1 FROM live_counterparts AS referred"
                                           "               WHERE referred.referred_by_id = runs.counterpart_id)"
                                           " FROM runs"
                                           " JOIN live_counterparts ON live_counterparts.id = runs.counterpart_id"
                                           " WHERE live_counterparts.kind = ?1",
                                           error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, bk_counterpart_kind_to_string (kind), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkPlaybook *playbook = bk_playbook_library_lookup (playbooks, bk_database_column_text (stmt, 0));
      guint mask = (guint) sqlite3_column_int64 (stmt, 1);
      gint64 counterpart_id = sqlite3_column_int64 (stmt, 3);
      guint ended = BK_N_OUTCOMES;
      BkCounterpartStatus status;
      BkOutcome outcome;

      if (playbook == NULL || !bk_playbook_is_way_out (playbook))
        continue;

      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL &&
          bk_outcome_from_string (bk_database_column_text (stmt, 2), &outcome))
        ended = outcome;

      tally->n_runs++;
      if ((mask & ((1u << BK_N_REASONS) - 1)) == 0)
        tally->no_reason[ended]++;
      for (guint i = 0; i < BK_N_REASONS; i++)
        {
          if (mask & (1u << i))
            tally->by_reason[i][ended]++;
        }

      /* each relationship once, as it stands */
      if (g_hash_table_contains (counted, &counterpart_id) ||
          !bk_counterpart_status_from_string (bk_database_column_text (stmt, 4), &status))
        continue;
      g_hash_table_add (counted, g_memdup2 (&counterpart_id, sizeof counterpart_id));

      /* whatever its status, someone it sent your way says the bridge held */
      if (sqlite3_column_int (stmt, 5))
        {
          tally->standing[BK_STANDING_REFERRAL_BACK]++;
          continue;
        }

      switch (status)
        {
        case BK_COUNTERPART_STATUS_ENDED_WELL:
        case BK_COUNTERPART_STATUS_HANDED_OVER:
          tally->standing[BK_STANDING_GOOD_TERMS]++;
          break;
        case BK_COUNTERPART_STATUS_ENDED:
          tally->standing[BK_STANDING_ENDED]++;
          break;
        case BK_COUNTERPART_STATUS_ACTIVE:
        case BK_COUNTERPART_STATUS_AT_RISK:
        case BK_COUNTERPART_STATUS_WINDING_DOWN:
        default:
          tally->standing[BK_STANDING_WORKING]++;
          break;
        }
    }

  if (rc != SQLITE_DONE)
    return bk_database_set_error (db, error);

  return TRUE;
}

gboolean
bk_run_store_find_by_uuid (BkRunStore  *self,
                           const char  *uuid,
                           gint64      *id,
                           gint64      *counterpart_id,
                           GError     **error)
{
  g_return_val_if_fail (BK_IS_RUN_STORE (self), FALSE);

  return bk_database_find_by_text (bk_store_get_database (BK_STORE (self)),
                                   "SELECT id, counterpart_id FROM runs WHERE uuid = ?1",
                                   uuid, id, counterpart_id, error);
}

/**
 * bk_run_store_find_same:
 * @id: (out): the run's id, or 0 when there is none
 *
 * The run of @counterpart_id that follows @playbook_id from @started: the same run, for a file
 * that names it without a uuid (imported a second time).
 */
gboolean
bk_run_store_find_same (BkRunStore   *self,
                        gint64        counterpart_id,
                        const char   *playbook_id,
                        GDateTime    *started,
                        gint64       *id,
                        GError      **error)
{
  BkDatabase *db;
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_RUN_STORE (self), FALSE);
  g_return_val_if_fail (playbook_id != NULL, FALSE);
  g_return_val_if_fail (started != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  *id = 0;
  db = bk_store_get_database (BK_STORE (self));
  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT id FROM runs"
                                           " WHERE counterpart_id = ?1 AND playbook = ?2 AND started = ?3"
                                           " ORDER BY id LIMIT 1",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  sqlite3_bind_text (stmt, 2, playbook_id, -1, SQLITE_STATIC);
  bk_database_bind_date_time (stmt, 3, started);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return bk_database_set_error (db, error);

  return TRUE;
}

/**
 * bk_run_store_import:
 * @counterpart_id: a counterpart not in the trash
 * @run: a run as it was followed elsewhere (bk_run_new_from_journal() with id 0): its uuid (or ""
 *   for a new one), playbook, reasons, steps, dates, outcome, successor and the states of its
 *   steps; its ids are not read
 * @id: (out) (optional): the new run's id
 *
 * Adds @run, ended or in progress, as it is, without a line in the timeline (a file brings its
 * own notes). As when a run starts, a counterpart has one in progress at most: a second one is
 * refused with %BK_DATABASE_ERROR_INVALID.
 */
gboolean
bk_run_store_import (BkRunStore  *self,
                     gint64       counterpart_id,
                     BkRun       *run,
                     gint64      *id,
                     GError     **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *step_ids = NULL;
  g_autofree char *successor = NULL;
  const char * const *steps;
  gboolean ended;
  gboolean active = FALSE;
  gint64 run_id;

  g_return_val_if_fail (BK_IS_RUN_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_RUN (run), FALSE);
  g_return_val_if_fail (!bk_store_is_blank (bk_run_get_playbook_id (run)), FALSE);
  g_return_val_if_fail (step_ids_are_valid (bk_run_get_step_ids (run)), FALSE);
  g_return_val_if_fail (bk_run_get_outcome (run) < BK_N_OUTCOMES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  steps = bk_run_get_step_ids (run);
  ended = bk_run_get_ended (run) != NULL;

  if (!bk_store_check_utf8 (bk_run_get_uuid (run), error) ||
      !bk_store_check_utf8 (bk_run_get_playbook_id (run), error) ||
      !bk_store_check_utf8 (bk_run_get_successor (run), error))
    return FALSE;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (!bk_store_check_utf8 (steps[i], error) ||
          !bk_store_check_utf8 (bk_run_get_step_note (run, steps[i]), error))
        return FALSE;
    }

  uuid = bk_store_dup_uuid (bk_run_get_uuid (run));
  step_ids = g_strjoinv (",", (char **) steps);
  successor = bk_store_dup_trimmed (bk_run_get_successor (run));

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!bk_store_check_counterpart (BK_STORE (self), counterpart_id,
                                   _("This client or vendor is no longer in the journal."),
                                   error))
    goto failed;

  if (!ended)
    {
      if (!has_active_run (self, counterpart_id, &active, error))
        goto failed;

      if (active)
        {
          g_autoptr(BkCounterpart) counterpart = NULL;

          if (!(counterpart = bk_counterpart_store_dup (self->counterparts, counterpart_id, error)))
            goto failed;

          g_set_error (error,
                       BK_DATABASE_ERROR,
                       BK_DATABASE_ERROR_INVALID,
                       _("%s has a playbook in progress in the journal already: end it first, "
                         "or give this run its “ended” date and “outcome”."),
                       bk_counterpart_get_name (counterpart));
          goto failed;
        }
    }

  if (!(stmt = bk_database_prepare_cached (db,
                                           "INSERT INTO runs"
                                           " (uuid, counterpart_id, playbook, reasons, step_ids,"
                                           "  started, ended, outcome, successor)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                           error)))
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counterpart_id);
  sqlite3_bind_text (stmt, 3, bk_run_get_playbook_id (run), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, bk_run_get_reasons (run));
  sqlite3_bind_text (stmt, 5, step_ids, -1, SQLITE_STATIC);
  bk_database_bind_date_time (stmt, 6, bk_run_get_started (run));
  bk_database_bind_date_time (stmt, 7, bk_run_get_ended (run));
  if (ended)
    sqlite3_bind_text (stmt, 8, bk_outcome_to_string (bk_run_get_outcome (run)), -1,
                       SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, successor, -1, SQLITE_STATIC);

  if (!bk_database_step_done (db, stmt, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);
  run_id = sqlite3_last_insert_rowid (bk_database_get_handle (db));

  /* the steps done or skipped; the others are still to do */
  for (guint i = 0; steps[i] != NULL; i++)
    {
      BkStepState state = bk_run_get_step_state (run, steps[i]);
      g_autofree char *note = NULL;

      if (state == BK_STEP_STATE_OPEN)
        continue;

      note = bk_store_dup_trimmed (bk_run_get_step_note (run, steps[i]));

      if (!(stmt = bk_database_prepare_cached (db,
                                               "INSERT INTO run_steps"
                                               " (run_id, step, state, changed, note)"
                                               " VALUES (?1, ?2, ?3, ?4, ?5)",
                                               error)))
        goto failed;

      sqlite3_bind_int64 (stmt, 1, run_id);
      sqlite3_bind_text (stmt, 2, steps[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, bk_step_state_to_string (state), -1, SQLITE_STATIC);
      bk_database_bind_date_time (stmt, 4, bk_run_get_step_changed (run, steps[i]));
      sqlite3_bind_text (stmt, 5, note, -1, SQLITE_STATIC);

      if (!bk_database_step_done (db, stmt, error))
        goto failed;

      g_clear_pointer (&stmt, bk_cached_statement_release);
    }

  queue_run_change (self, BK_CHANGE_ADDED, run_id, counterpart_id);

  if (!bk_database_commit (db, error))
    return FALSE;

  if (id != NULL)
    *id = run_id;

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/* bk-checkin-store.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-checkin-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-checkin-store.h"
#include "bk-note-store.h"
#include "bk-store-values-private.h"
#include "bk-value-private.h"

struct _BkCheckinStore
{
  BkStore parent_instance;
  /* a check-in done is written in the timeline */
  BkNoteStore *notes;
};

G_DEFINE_FINAL_TYPE (BkCheckinStore, bk_checkin_store, BK_TYPE_STORE)

static void
bk_checkin_store_dispose (GObject *object)
{
  BkCheckinStore *self = (BkCheckinStore *) object;

  g_clear_object (&self->notes);

  G_OBJECT_CLASS (bk_checkin_store_parent_class)->dispose (object);
}

static void
bk_checkin_store_class_init (BkCheckinStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_checkin_store_dispose;
}

static void
bk_checkin_store_init (BkCheckinStore *self)
{
}

BkCheckinStore *
bk_checkin_store_new (BkDatabase  *database,
                      BkNoteStore *notes)
{
  BkCheckinStore *self;

  g_return_val_if_fail (BK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (BK_IS_NOTE_STORE (notes), NULL);

  self = g_object_new (BK_TYPE_CHECKIN_STORE, "database", database, NULL);
  self->notes = g_object_ref (notes);

  return self;
}

/* The columns checkin_from_row() reads, FROM CHECKINS_FROM */
#define CHECKIN_COLUMNS \
  "checkins.id, checkins.uuid, checkins.counterpart_id, counterparts.name, checkins.run_id," \
  " checkins.due, checkins.done, checkins.notified"
#define CHECKINS_FROM \
  "checkins JOIN live_counterparts AS counterparts ON counterparts.id = checkins.counterpart_id"

/* The message of BK_DATABASE_ERROR_NOT_FOUND */
#define CHECKIN_NOT_FOUND _("This check-in is no longer in the journal.")

static BkCheckin *
checkin_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) due = bk_database_column_date_time (stmt, 5);
  g_autoptr(GDateTime) done = bk_database_column_date_time (stmt, 6);
  g_autoptr(GDateTime) notified = bk_database_column_date_time (stmt, 7);

  if (due == NULL)
    due = g_date_time_new_from_unix_utc (0);

  return bk_checkin_new_from_journal (sqlite3_column_int64 (stmt, 0),
                                      bk_database_column_text (stmt, 1),
                                      sqlite3_column_int64 (stmt, 2),
                                      bk_database_column_text (stmt, 3),
                                      sqlite3_column_int64 (stmt, 4),
                                      due,
                                      done,
                                      notified);
}

GPtrArray *
bk_checkin_store_list_due (BkCheckinStore  *self,
                           GDateTime       *due_by,
                           GError         **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_CHECKIN_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* through checkins_by_due */
  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT " CHECKIN_COLUMNS " FROM " CHECKINS_FROM
                                           " WHERE checkins.done IS NULL"
                                           " AND (?1 IS NULL OR checkins.due <= ?1)"
                                           " ORDER BY checkins.due, checkins.id",
                                           error)))
    return NULL;

  bk_database_bind_date_time (stmt, 1, due_by);

  return bk_database_read_rows (db, stmt, (BkRowFunc) checkin_from_row, error);
}

GPtrArray *
bk_checkin_store_list (BkCheckinStore  *self,
                       gint64           counterpart_id,
                       GError         **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_CHECKIN_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_database_list_by_id (db,
                                 "SELECT " CHECKIN_COLUMNS " FROM " CHECKINS_FROM
                                 " WHERE checkins.counterpart_id = ?1"
                                 " ORDER BY checkins.due, checkins.id",
                                 counterpart_id,
                                 (BkRowFunc) checkin_from_row,
                                 error);
}

/* NOT_FOUND when the check-in is gone (or its counterpart is in the trash), INVALID when it is
 * done already */
static gboolean
set_checkin_error (BkCheckinStore  *self,
                   gint64           checkin_id,
                   GError         **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT checkins.done IS NOT NULL FROM " CHECKINS_FROM
                                           " WHERE checkins.id = ?1",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, checkin_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0)
    g_set_error_literal (error,
                         BK_DATABASE_ERROR,
                         BK_DATABASE_ERROR_INVALID,
                         _("This check-in is done already."));
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND, CHECKIN_NOT_FOUND);
  else
    bk_database_set_error (db, error);

  return FALSE;
}

/* A new date also means a new notification when it comes. */
gboolean
bk_checkin_store_reschedule (BkCheckinStore  *self,
                             gint64           checkin_id,
                             GDateTime       *due,
                             GError         **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_CHECKIN_STORE (self), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_database_change_by_id (db,
                                     "UPDATE checkins SET due = ?2, notified = NULL"
                                     " WHERE id = ?1 AND done IS NULL AND counterpart_id IN"
                                     "  (SELECT id FROM live_counterparts)"
                                     " RETURNING counterpart_id",
                                     checkin_id,
                                     due,
                                     &counterpart_id,
                                     NULL,
                                     error))
    return FALSE;

  if (counterpart_id == 0)
    return set_checkin_error (self, checkin_id, error);

  bk_store_queue_change (BK_STORE (self), BK_CHANGE_CHANGED, checkin_id, counterpart_id);

  return TRUE;
}

gboolean
bk_checkin_store_complete (BkCheckinStore  *self,
                           gint64           checkin_id,
                           const char      *note,
                           GDateTime       *now,
                           GError         **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autofree char *trimmed = NULL;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_CHECKIN_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_store_check_utf8 (note, error))
    return FALSE;

  trimmed = bk_store_dup_trimmed (note);

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!bk_database_change_by_id (db,
                                     "UPDATE checkins SET done = ?2"
                                     " WHERE id = ?1 AND done IS NULL AND counterpart_id IN"
                                     "  (SELECT id FROM live_counterparts)"
                                     " RETURNING counterpart_id",
                                     checkin_id,
                                     now,
                                     &counterpart_id,
                                     NULL,
                                     error))
    goto failed;

  if (counterpart_id == 0)
    {
      set_checkin_error (self, checkin_id, error);
      goto failed;
    }

  if (!bk_note_store_add_event (self->notes, counterpart_id,
                                &(BkEventRecord) {
                                  .event = BK_NOTE_EVENT_CHECKIN_DONE,
                                  .words = trimmed,
                                },
                                now, error))
    goto failed;

  bk_store_queue_change (BK_STORE (self), BK_CHANGE_CHANGED, checkin_id, counterpart_id);

  return bk_database_commit (db, error);

failed:
  bk_database_rollback (db);
  return FALSE;
}

/* Only a record that the person was told: nothing a view shows changes, so no signal. */
gboolean
bk_checkin_store_set_notified (BkCheckinStore  *self,
                               gint64           checkin_id,
                               GDateTime       *now,
                               GError         **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_CHECKIN_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return bk_database_change_by_id (db,
                                       "UPDATE checkins SET notified = ?2"
                                       " WHERE id = ?1 AND counterpart_id IN"
                                       "  (SELECT id FROM live_counterparts)"
                                       " RETURNING counterpart_id",
                                       checkin_id,
                                       now,
                                       &counterpart_id,
                                       CHECKIN_NOT_FOUND,
                                       error);
}

/**
 * bk_checkin_store_import:
 * @counterpart_id: a counterpart not in the trash
 * @run_id: the counterpart's run whose end scheduled it, or 0
 * @checkin: its uuid ("" for a new one), due date, and when it was done and notified, if it was
 *   (its ids are not read)
 * @id: (out) (optional): the new check-in's id
 *
 * Adds a check-in as it is, done or to come: how a run's end schedules them, and how an import
 * brings them.
 */
gboolean
bk_checkin_store_import (BkCheckinStore  *self,
                         gint64           counterpart_id,
                         gint64           run_id,
                         BkCheckin       *checkin,
                         gint64          *id,
                         GError         **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autofree char *uuid = NULL;
  gint64 checkin_id;

  g_return_val_if_fail (BK_IS_CHECKIN_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_CHECKIN (checkin), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_store_check_utf8 (bk_checkin_get_uuid (checkin), error))
    return FALSE;

  uuid = bk_store_dup_uuid (bk_checkin_get_uuid (checkin));

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!bk_store_check_counterpart (BK_STORE (self), counterpart_id,
                                   _("This client or vendor is no longer in the journal."),
                                   error))
    goto failed;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "INSERT INTO checkins"
                                           " (uuid, counterpart_id, run_id, due, done, notified)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                           error)))
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counterpart_id);
  if (run_id != 0)
    sqlite3_bind_int64 (stmt, 3, run_id);
  else
    sqlite3_bind_null (stmt, 3);
  bk_database_bind_date_time (stmt, 4, bk_checkin_get_due (checkin));
  bk_database_bind_date_time (stmt, 5, bk_checkin_get_done (checkin));
  bk_database_bind_date_time (stmt, 6, bk_checkin_get_notified (checkin));

  if (!bk_database_step_done (db, stmt, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);
  checkin_id = sqlite3_last_insert_rowid (bk_database_get_handle (db));

  bk_store_queue_change (BK_STORE (self), BK_CHANGE_ADDED, checkin_id, counterpart_id);

  if (!bk_database_commit (db, error))
    return FALSE;

  if (id != NULL)
    *id = checkin_id;

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/* A check-in to come (a playbook ending schedules them) */
gboolean
bk_checkin_store_add (BkCheckinStore  *self,
                      gint64           counterpart_id,
                      gint64           run_id,
                      GDateTime       *due,
                      GError         **error)
{
  g_autoptr(BkCheckin) checkin = NULL;

  g_return_val_if_fail (BK_IS_CHECKIN_STORE (self), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  checkin = bk_checkin_new_from_journal (0, "", counterpart_id, NULL, run_id, due, NULL, NULL);

  return bk_checkin_store_import (self, counterpart_id, run_id, checkin, NULL, error);
}

/* @id: (out): the check-in with this uuid, or 0 when there is none */
gboolean
bk_checkin_store_find_by_uuid (BkCheckinStore  *self,
                               const char      *uuid,
                               gint64          *id,
                               GError         **error)
{
  g_return_val_if_fail (BK_IS_CHECKIN_STORE (self), FALSE);

  return bk_database_find_by_text (bk_store_get_database (BK_STORE (self)),
                                   "SELECT id FROM checkins WHERE uuid = ?1",
                                   uuid, id, NULL, error);
}

/* bk-note-store.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-note-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-note-store.h"
#include "bk-schema.h"
#include "bk-value-private.h"

/* The columns, in this order, that note_from_row() reads */
#define NOTE_COLUMNS \
  "id, uuid, counterpart_id, created, kind, text, private, event, event_playbook, event_step," \
  " event_reasons, event_outcome"

struct _BkNoteStore
{
  BkStore parent_instance;
};

G_DEFINE_FINAL_TYPE (BkNoteStore, bk_note_store, BK_TYPE_STORE)

static void
bk_note_store_class_init (BkNoteStoreClass *klass)
{
}

static void
bk_note_store_init (BkNoteStore *self)
{
}

BkNoteStore *
bk_note_store_new (BkDatabase *database)
{
  g_return_val_if_fail (BK_IS_DATABASE (database), NULL);

  return g_object_new (BK_TYPE_NOTE_STORE, "database", database, NULL);
}

static BkNote *
note_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(GDateTime) created = NULL;
  BkNoteKind kind;
  BkNoteEvent event;

  g_return_val_if_fail (stmt != NULL, NULL);

  bk_note_set_id (note, sqlite3_column_int64 (stmt, 0));
  bk_note_set_uuid (note, bk_database_column_text (stmt, 1));
  bk_note_set_counterpart_id (note, sqlite3_column_int64 (stmt, 2));
  created = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 3));
  bk_note_set_created (note, created);
  if (bk_note_kind_from_string (bk_database_column_text (stmt, 4), &kind))
    bk_note_set_kind (note, kind);
  bk_note_set_text (note, bk_database_column_text (stmt, 5));
  bk_note_set_private (note, sqlite3_column_int (stmt, 6) != 0);

  /* an event this version does not know stays a note with its text */
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL &&
      bk_note_event_from_string (bk_database_column_text (stmt, 7), &event))
    {
      BkOutcome outcome = BK_OUTCOME_CONTINUED;

      bk_outcome_from_string (bk_database_column_text (stmt, 11), &outcome);
      bk_note_set_event (note, event,
                         bk_database_column_text (stmt, 8),
                         bk_database_column_text (stmt, 9),
                         (guint) sqlite3_column_int64 (stmt, 10),
                         outcome);
    }

  return g_steal_pointer (&note);
}

/* The message of BK_DATABASE_ERROR_NOT_FOUND */
#define NOTE_NOT_FOUND _("This note is no longer in the journal.")

BkNote *
bk_note_store_dup (BkNoteStore  *self,
                   gint64        id,
                   GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_database_dup_by_id (db,
                                "SELECT " NOTE_COLUMNS " FROM notes"
                                " WHERE id = ?1 AND trashed = 0",
                                id,
                                (BkRowFunc) note_from_row,
                                NOTE_NOT_FOUND,
                                error);
}

/* The counterpart a saved note belongs to now, 0 when the note is gone. */
static gboolean
lookup_note_counterpart (BkNoteStore  *self,
                         gint64        note_id,
                         gint64       *counterpart_id,
                         GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT counterpart_id FROM notes"
                                           " WHERE id = ?1 AND trashed = 0",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, note_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *counterpart_id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *counterpart_id = 0;
  else
    return bk_database_set_error (db, error);

  return TRUE;
}

/**
 * bk_note_store_save:
 *
 * Adds @note (id 0) or writes its changes. On success its id and uuid are set and
 * "changed" is emitted.
 */
gboolean
bk_note_store_save (BkNoteStore  *self,
                    BkNote       *note,
                    GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  gint64 counterpart_id;
  gint64 old_counterpart_id = 0;

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_NOTE (note), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_store_check_utf8 (bk_note_get_uuid (note), error) ||
      !bk_store_check_utf8 (bk_note_get_text (note), error))
    return FALSE;

  /* the record of an event may have no words of the person's own */
  if (bk_note_get_event (note) == BK_NOTE_EVENT_NONE && bk_store_is_blank (bk_note_get_text (note)))
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("A note needs some text."));
      return FALSE;
    }

  if (bk_note_kind_to_string (bk_note_get_kind (note)) == NULL)
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("The kind of this note is not known."));
      return FALSE;
    }

  id = bk_note_get_id (note);
  counterpart_id = bk_note_get_counterpart_id (note);
  now = bk_date_time_new_now_whole_seconds ();
  /* the journal keeps whole seconds: the note reads back equal */
  created = bk_date_time_dup_whole_seconds (bk_note_get_created (note));
  uuid = bk_store_dup_uuid (bk_note_get_uuid (note));

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!bk_store_check_counterpart (BK_STORE (self), counterpart_id,
                                   _("The client or vendor of this note is no longer in the "
                                     "journal."),
                                   error))
    goto failed;

  if (id != 0)
    {
      if (!lookup_note_counterpart (self, id, &old_counterpart_id, error))
        goto failed;

      if (old_counterpart_id == 0)
        {
          g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND,
                               NOTE_NOT_FOUND);
          goto failed;
        }
    }

  if (id == 0)
    stmt = bk_database_prepare_cached (db,
                                       "INSERT INTO notes"
                                       " (id, uuid, counterpart_id, created, updated, kind, text,"
                                       "  private, event, event_playbook, event_step, event_reasons,"
                                       "  event_outcome)"
                                       " VALUES ((SELECT coalesce (max (id), ?8) + 1 FROM notes),"
                                       "         ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, ?10, ?11, ?12, ?13)",
                                       error);
  else
    stmt = bk_database_prepare_cached (db,
                                       "UPDATE notes SET"
                                       " uuid = ?1, counterpart_id = ?2, created = ?3,"
                                       " updated = ?4, kind = ?5, text = ?6, private = ?7,"
                                       " event = ?9, event_playbook = ?10, event_step = ?11,"
                                       " event_reasons = ?12, event_outcome = ?13"
                                       " WHERE id = ?8 AND trashed = 0",
                                       error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counterpart_id);
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (created));
  sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (now));
  sqlite3_bind_text (stmt, 5, bk_note_kind_to_string (bk_note_get_kind (note)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, bk_note_get_text (note), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, bk_note_get_private (note) ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, id != 0 ? id : BK_NOTE_ID_BASE);
  if (bk_note_get_event (note) != BK_NOTE_EVENT_NONE)
    {
      sqlite3_bind_text (stmt, 9, bk_note_event_to_string (bk_note_get_event (note)), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, bk_note_get_event_playbook (note), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, bk_note_get_event_step (note), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 12, bk_note_get_event_reasons (note));
      sqlite3_bind_text (stmt, 13,
                         bk_note_get_event (note) == BK_NOTE_EVENT_RUN_ENDED
                         ? bk_outcome_to_string (bk_note_get_event_outcome (note)) : "",
                         -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (stmt, 9);
      sqlite3_bind_text (stmt, 10, "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 12, 0);
      sqlite3_bind_text (stmt, 13, "", -1, SQLITE_STATIC);
    }

  if (!bk_database_step_done (db, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (bk_database_get_handle (db));

  g_clear_pointer (&stmt, bk_cached_statement_release);

  if (old_counterpart_id != 0 && old_counterpart_id != counterpart_id)
    {
      /* moved to another counterpart: gone from one timeline, new in the other */
      bk_store_queue_change (BK_STORE (self), BK_CHANGE_REMOVED, id, old_counterpart_id);
      bk_store_queue_change (BK_STORE (self), BK_CHANGE_ADDED, id, counterpart_id);
    }
  else
    {
      bk_store_queue_change (BK_STORE (self),
                             bk_note_get_id (note) == 0 ? BK_CHANGE_ADDED : BK_CHANGE_CHANGED,
                             id, counterpart_id);
    }

  /* the words the old text had may be gone */
  if (!bk_schema_forget_unused_words (db, error))
    goto failed;

  if (!bk_database_commit (db, error))
    return FALSE;

  bk_note_set_id (note, id);
  bk_note_set_uuid (note, uuid);
  bk_note_set_created (note, created);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/**
 * bk_note_store_add_event:
 * @record: what happened, with its parameters and the person's own words about it
 * @now: when
 *
 * Writes the record of an event in the counterpart's timeline (which also checks that it is not
 * in the trash): what happened, not a sentence, so that each reader sees it in their language.
 */
gboolean
bk_note_store_add_event (BkNoteStore          *self,
                         gint64                counterpart_id,
                         const BkEventRecord  *record,
                         GDateTime            *now,
                         GError              **error)
{
  g_autoptr(BkNote) note = bk_note_new ();

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->event != BK_NOTE_EVENT_NONE, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  bk_note_set_counterpart_id (note, counterpart_id);
  bk_note_set_event (note, record->event, record->playbook_id, record->step_id, record->reasons,
                     record->outcome);
  bk_note_set_created (note, now);
  bk_note_set_text (note, record->words);

  return bk_note_store_save (self, note, error);
}

gboolean
bk_note_store_set_trashed (BkNoteStore  *self,
                           gint64        id,
                           gboolean      trashed,
                           GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "UPDATE notes SET trashed = ?2 WHERE id = ?1"
                                           " RETURNING counterpart_id",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, !!trashed);

  if (!bk_database_step_returning_counterpart (db, stmt, &counterpart_id, NOTE_NOT_FOUND,
                                               error))
    return FALSE;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  bk_store_queue_change (BK_STORE (self), trashed ? BK_CHANGE_REMOVED : BK_CHANGE_ADDED,
                         id, counterpart_id);

  return TRUE;
}

/* A counterpart's notes not in the trash; with a @counterpart_id of 0, all notes of the
 * counterparts not in the trash. */
guint
bk_note_store_count (BkNoteStore *self,
                     gint64       counterpart_id)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), 0);

  if (counterpart_id == 0)
    return bk_database_count (db,
                              "SELECT count(*) FROM notes"
                              " WHERE trashed = 0"
                              " AND counterpart_id IN (SELECT id FROM live_counterparts)",
                              0);

  return bk_database_count (db,
                            "SELECT count(*) FROM notes WHERE counterpart_id = ?1 AND trashed = 0",
                            counterpart_id);
}

/* Deletes for good the trashed note @id, or all trashed notes for 0. Nothing in the trash was
 * visible: no "changed". */
gboolean
bk_note_store_purge_trashed (BkNoteStore  *self,
                             gint64        id,
                             GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), FALSE);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "DELETE FROM notes"
                                           " WHERE trashed = 1 AND (?1 = 0 OR id = ?1)",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  /* with their words, unless another text has them */
  return bk_database_step_done (db, stmt, error) && bk_schema_forget_unused_words (db, error);
}

/* Returns: (transfer full) (element-type BkNote): at most @limit of the counterpart's notes
 * from @offset on, newest first, as its timeline lists them */
GPtrArray *
bk_note_store_list_page (BkNoteStore  *self,
                         gint64        counterpart_id,
                         guint         offset,
                         guint         limit,
                         GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), NULL);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT " NOTE_COLUMNS " FROM notes"
                                           " WHERE counterpart_id = ?1 AND trashed = 0"
                                           " ORDER BY created DESC, id DESC LIMIT ?2 OFFSET ?3",
                                           error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  sqlite3_bind_int (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);

  return bk_database_read_rows (db, stmt, (BkRowFunc) note_from_row, error);
}

/**
 * bk_note_store_list_between:
 * @include_private: with the notes marked private
 * @from: (nullable): the first moment, or none
 * @to: (nullable): the last moment, or none
 *
 * Returns: (transfer full) (element-type BkNote): the counterpart's notes between @from and
 *   @to, oldest first, as a summary lists them
 */
GPtrArray *
bk_note_store_list_between (BkNoteStore  *self,
                            gint64        counterpart_id,
                            gboolean      include_private,
                            GDateTime    *from,
                            GDateTime    *to,
                            GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  /* Not cached: read once per summary, and the statement holds on to a large text */
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), NULL);

  if (!(stmt = bk_database_prepare (db,
                                    "SELECT " NOTE_COLUMNS " FROM notes"
                                    " WHERE counterpart_id = ?1 AND trashed = 0"
                                    " AND (?2 OR private = 0) AND created BETWEEN ?3 AND ?4"
                                    " ORDER BY created, id",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  sqlite3_bind_int (stmt, 2, !!include_private);
  sqlite3_bind_int64 (stmt, 3, from != NULL ? g_date_time_to_unix (from) : G_MININT64);
  sqlite3_bind_int64 (stmt, 4, to != NULL ? g_date_time_to_unix (to) : G_MAXINT64);

  return bk_database_read_rows (db, stmt, (BkRowFunc) note_from_row, error);
}

/* When the counterpart's first and last notes were written (with the private ones if
 * @include_private): both 0 without notes */
gboolean
bk_note_store_get_span (BkNoteStore  *self,
                        gint64        counterpart_id,
                        gboolean      include_private,
                        gint64       *first,
                        gint64       *last,
                        GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  *first = *last = 0;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT min(created), max(created) FROM notes"
                                           " WHERE counterpart_id = ?1 AND trashed = 0"
                                           " AND (?2 OR private = 0)",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  sqlite3_bind_int (stmt, 2, !!include_private);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return bk_database_set_error (db, error);

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *first = sqlite3_column_int64 (stmt, 0);
      *last = sqlite3_column_int64 (stmt, 1);
    }

  return TRUE;
}

/* @limit: how many at most, 0 for all. Returns: the reflection notes (and answers to Reflect's
 * "best-solution" step, from when reflecting was a playbook) of the counterparts in the
 * journal, newest first */
GPtrArray *
bk_note_store_list_reflections (BkNoteStore  *self,
                                guint         limit,
                                GError      **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT " NOTE_COLUMNS " FROM notes"
                                           /* and the answers to the last step of Reflect, the
                                            * playbook reflections were before */
                                           " WHERE (kind = 'reflection'"
                                           "        OR (event = 'step-done' AND event_playbook = 'reflect'"
                                           "            AND event_step = 'best-solution' AND text != ''))"
                                           " AND trashed = 0"
                                           " AND counterpart_id IN (SELECT id FROM live_counterparts)"
                                           " ORDER BY created DESC, id DESC LIMIT ?1",
                                           error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  return bk_database_read_rows (db, stmt, (BkRowFunc) note_from_row, error);
}

/* How many of the counterpart's notes in its timeline come before the note @id (newest
 * first), whether or not that note is in the timeline itself: G_MAXUINT when there is no such
 * note, or when @only_listed and it is not in this timeline. */
static guint
count_newer (BkNoteStore *self,
             gint64       counterpart_id,
             gint64       id,
             gboolean     only_listed)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT (SELECT count(*) FROM notes AS other"
                                           "        WHERE other.counterpart_id = ?1"
                                           "        AND other.trashed = 0"
                                           "        AND (other.created, other.id)"
                                           "            > (note.created, note.id))"
                                           " FROM notes AS note WHERE note.id = ?2"
                                           " AND (NOT ?3 OR (note.counterpart_id = ?1"
                                           "                 AND note.trashed = 0))",
                                           &error)))
    {
      g_warning ("Could not find a note: %s", error->message);
      return G_MAXUINT;
    }

  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int (stmt, 3, !!only_listed);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return G_MAXUINT;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* Where the note is in its counterpart's timeline, newest first: G_MAXUINT when it is not in
 * @counterpart_id's timeline (or in the trash). */
guint
bk_note_store_find_position (BkNoteStore *self,
                             gint64       counterpart_id,
                             gint64       id)
{
  g_return_val_if_fail (BK_IS_NOTE_STORE (self), G_MAXUINT);

  return count_newer (self, counterpart_id, id, TRUE);
}

/* Where the note stood in @counterpart_id's timeline when it was in it: for one just moved to
 * the trash or to another counterpart. */
guint
bk_note_store_find_position_any (BkNoteStore *self,
                                 gint64       counterpart_id,
                                 gint64       id)
{
  g_return_val_if_fail (BK_IS_NOTE_STORE (self), G_MAXUINT);

  return count_newer (self, counterpart_id, id, FALSE);
}

/* @id: (out): the note with this uuid, in the trash or not (its uuid is taken either way), or 0
 * when there is none; @counterpart_id: (out) (optional): whose it is */
gboolean
bk_note_store_find_by_uuid (BkNoteStore  *self,
                            const char   *uuid,
                            gint64       *id,
                            gint64       *counterpart_id,
                            GError      **error)
{
  g_return_val_if_fail (BK_IS_NOTE_STORE (self), FALSE);

  return bk_database_find_by_text (bk_store_get_database (BK_STORE (self)),
                                   "SELECT id, counterpart_id FROM notes WHERE uuid = ?1",
                                   uuid, id, counterpart_id, error);
}

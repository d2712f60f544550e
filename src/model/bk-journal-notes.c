/* bk-journal-notes.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-journal.h"
#include "bk-journal-private.h"

/* The message of BK_JOURNAL_ERROR_NOT_FOUND */
#define NOTE_NOT_FOUND _("This note is no longer in the journal.")

BkNote *
bk_journal_dup_note (BkJournal  *self,
                     gint64      id,
                     GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_journal_dup_by_id (self,
                               "SELECT " BK_NOTE_COLUMNS " FROM notes"
                               " WHERE id = ?1 AND trashed = 0",
                               id,
                               (BkJournalRowFunc) bk_journal_note_from_row,
                               NOTE_NOT_FOUND,
                               error);
}

/* The counterpart a saved note belongs to now, 0 when the note is gone. */
static gboolean
lookup_note_counterpart (BkJournal  *self,
                         gint64      note_id,
                         gint64     *counterpart_id,
                         GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  if (!(stmt = bk_journal_prepare_cached (self,
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
    return bk_journal_set_error_from_db (self, error);

  return TRUE;
}

/**
 * bk_journal_save_note:
 *
 * Adds @note (id 0) or writes its changes. On success its id and uuid are set and
 * "notes-changed" is emitted for its counterpart.
 */
gboolean
bk_journal_save_note (BkJournal  *self,
                      BkNote     *note,
                      GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  gint64 counterpart_id;
  gint64 old_counterpart_id = 0;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (BK_IS_NOTE (note), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_journal_check_utf8 (bk_note_get_uuid (note), error) ||
      !bk_journal_check_utf8 (bk_note_get_text (note), error))
    return FALSE;

  if (bk_journal_is_blank (bk_note_get_text (note)))
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("A note needs some text."));
      return FALSE;
    }

  if (bk_note_kind_to_string (bk_note_get_kind (note)) == NULL)
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("The kind of this note is not known."));
      return FALSE;
    }

  id = bk_note_get_id (note);
  counterpart_id = bk_note_get_counterpart_id (note);
  now = bk_date_time_new_now_whole_seconds ();
  /* the journal keeps whole seconds: the note reads back equal */
  created = bk_date_time_dup_whole_seconds (bk_note_get_created (note));
  uuid = bk_journal_dup_uuid (bk_note_get_uuid (note));

  if (!bk_journal_begin (self, error))
    return FALSE;

  if (!bk_journal_check_counterpart (self, counterpart_id,
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
          g_set_error_literal (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_NOT_FOUND,
                               NOTE_NOT_FOUND);
          goto failed;
        }
    }

  if (id == 0)
    stmt = bk_journal_prepare_cached (self,
                                      "INSERT INTO notes"
                                      " (id, uuid, counterpart_id, created, updated, kind, text,"
                                      "  private)"
                                      " VALUES ((SELECT coalesce (max (id), ?8) + 1 FROM notes),"
                                      "         ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                      error);
  else
    stmt = bk_journal_prepare_cached (self,
                                      "UPDATE notes SET"
                                      " uuid = ?1, counterpart_id = ?2, created = ?3,"
                                      " updated = ?4, kind = ?5, text = ?6, private = ?7"
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

  if (!bk_journal_step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (bk_journal_get_db (self));

  g_clear_pointer (&stmt, bk_cached_statement_release);

  bk_journal_emit_notes_changed (self, counterpart_id);
  if (old_counterpart_id != 0 && old_counterpart_id != counterpart_id)
    bk_journal_emit_notes_changed (self, old_counterpart_id);

  if (!bk_journal_commit (self, error))
    return FALSE;

  bk_note_set_id (note, id);
  bk_note_set_uuid (note, uuid);
  bk_note_set_created (note, created);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_journal_rollback (self);
  return FALSE;
}

gboolean
bk_journal_add_progress_note (BkJournal   *self,
                              gint64       counterpart_id,
                              const char  *text,
                              GDateTime   *now,
                              GError     **error)
{
  g_autoptr(BkNote) note = bk_note_new ();

  bk_note_set_counterpart_id (note, counterpart_id);
  bk_note_set_kind (note, BK_NOTE_KIND_PROGRESS);
  bk_note_set_created (note, now);
  bk_note_set_text (note, text);

  return bk_journal_save_note (self, note, error);
}

gboolean
bk_journal_set_note_trashed (BkJournal  *self,
                             gint64      id,
                             gboolean    trashed,
                             GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "UPDATE notes SET trashed = ?2 WHERE id = ?1"
                                          " RETURNING counterpart_id",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, !!trashed);

  if (!bk_journal_step_returning_counterpart (self, stmt, &counterpart_id, NOTE_NOT_FOUND,
                                              error))
    return FALSE;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  bk_journal_emit_notes_changed (self, counterpart_id);

  return TRUE;
}

/* A counterpart's notes not in the trash; with a @counterpart_id of 0, all notes of the
 * counterparts not in the trash. */
guint
bk_journal_count_notes (BkJournal *self,
                        gint64     counterpart_id)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), 0);

  if (counterpart_id == 0)
    return bk_journal_count (self,
                             "SELECT count(*) FROM notes"
                             " JOIN counterparts ON counterparts.id = counterpart_id"
                             " WHERE notes.trashed = 0 AND counterparts.trashed = 0",
                             0);

  return bk_journal_count (self,
                           "SELECT count(*) FROM notes WHERE counterpart_id = ?1 AND trashed = 0",
                           counterpart_id);
}

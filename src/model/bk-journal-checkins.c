/* bk-journal-checkins.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal-playbooks"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-journal-playbooks.h"
#include "bk-journal-private.h"

/* The columns checkin_from_row() reads, FROM CHECKINS_FROM */
#define CHECKIN_COLUMNS \
  "checkins.id, checkins.uuid, checkins.counterpart_id, counterparts.name, checkins.run_id," \
  " checkins.due, checkins.done, checkins.notified"
#define CHECKINS_FROM \
  "checkins JOIN counterparts ON counterparts.id = checkins.counterpart_id"

/* The message of BK_JOURNAL_ERROR_NOT_FOUND */
#define CHECKIN_NOT_FOUND _("This check-in is no longer in the journal.")

static BkCheckin *
checkin_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) due = bk_journal_column_date_time (stmt, 5);
  g_autoptr(GDateTime) done = bk_journal_column_date_time (stmt, 6);
  g_autoptr(GDateTime) notified = bk_journal_column_date_time (stmt, 7);

  if (due == NULL)
    due = g_date_time_new_from_unix_utc (0);

  return bk_checkin_new_from_journal (sqlite3_column_int64 (stmt, 0),
                                      bk_journal_column_text (stmt, 1),
                                      sqlite3_column_int64 (stmt, 2),
                                      bk_journal_column_text (stmt, 3),
                                      sqlite3_column_int64 (stmt, 4),
                                      due,
                                      done,
                                      notified);
}

GPtrArray *
bk_journal_list_checkins (BkJournal  *self,
                          GDateTime  *due_by,
                          GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* through checkins_by_due */
  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT " CHECKIN_COLUMNS " FROM " CHECKINS_FROM
                                          " WHERE checkins.done IS NULL"
                                          " AND (?1 IS NULL OR checkins.due <= ?1)"
                                          " AND counterparts.trashed = 0"
                                          " ORDER BY checkins.due, checkins.id",
                                          error)))
    return NULL;

  bk_journal_bind_date_time (stmt, 1, due_by);

  return bk_journal_read_rows (self, stmt, (BkJournalRowFunc) checkin_from_row, error);
}

GPtrArray *
bk_journal_list_counterpart_checkins (BkJournal  *self,
                                      gint64      counterpart_id,
                                      GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_journal_list_by_id (self,
                                "SELECT " CHECKIN_COLUMNS " FROM " CHECKINS_FROM
                                " WHERE checkins.counterpart_id = ?1"
                                " AND counterparts.trashed = 0"
                                " ORDER BY checkins.due, checkins.id",
                                counterpart_id,
                                (BkJournalRowFunc) checkin_from_row,
                                error);
}

/* NOT_FOUND when the check-in is gone (or its counterpart is in the trash), INVALID when it is
 * done already */
static gboolean
set_checkin_error (BkJournal  *self,
                   gint64      checkin_id,
                   GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT checkins.done IS NOT NULL FROM " CHECKINS_FROM
                                          " WHERE checkins.id = ?1 AND counterparts.trashed = 0",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, checkin_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0)
    g_set_error_literal (error,
                         BK_JOURNAL_ERROR,
                         BK_JOURNAL_ERROR_INVALID,
                         _("This check-in is done already."));
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error_literal (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_NOT_FOUND, CHECKIN_NOT_FOUND);
  else
    bk_journal_set_error_from_db (self, error);

  return FALSE;
}

/* A new date also means a new notification when it comes. */
gboolean
bk_journal_reschedule_checkin (BkJournal  *self,
                               gint64      checkin_id,
                               GDateTime  *due,
                               GError    **error)
{
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_journal_change_date_by_id (self,
                                     "UPDATE checkins SET due = ?2, notified = NULL"
                                     " WHERE id = ?1 AND done IS NULL AND counterpart_id IN"
                                     "  (SELECT id FROM counterparts WHERE trashed = 0)"
                                     " RETURNING counterpart_id",
                                     checkin_id,
                                     due,
                                     &counterpart_id,
                                     NULL,
                                     error))
    return FALSE;

  if (counterpart_id == 0)
    return set_checkin_error (self, checkin_id, error);

  bk_journal_emit_runs_changed (self, counterpart_id);

  return TRUE;
}

gboolean
bk_journal_complete_checkin (BkJournal   *self,
                             gint64       checkin_id,
                             const char  *note,
                             GDateTime   *now,
                             GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *text = NULL;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_journal_check_utf8 (note, error))
    return FALSE;

  trimmed = bk_journal_dup_trimmed (note);
  if (trimmed[0] != '\0')
    /* Translators: a line in the timeline, then the person's note */
    text = g_strdup_printf (_("Checked in — %s"), trimmed);
  else
    text = g_strdup (_("Checked in"));

  if (!bk_journal_begin (self, error))
    return FALSE;

  if (!bk_journal_change_date_by_id (self,
                                     "UPDATE checkins SET done = ?2"
                                     " WHERE id = ?1 AND done IS NULL AND counterpart_id IN"
                                     "  (SELECT id FROM counterparts WHERE trashed = 0)"
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

  if (!bk_journal_add_progress_note (self, counterpart_id, text, now, error))
    goto failed;

  bk_journal_emit_runs_changed (self, counterpart_id);

  return bk_journal_commit (self, error);

failed:
  bk_journal_rollback (self);
  return FALSE;
}

/* Only a record that the person was told: nothing a view shows changes, so no signal. */
gboolean
bk_journal_set_checkin_notified (BkJournal  *self,
                                 gint64      checkin_id,
                                 GDateTime  *now,
                                 GError    **error)
{
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return bk_journal_change_date_by_id (self,
                                       "UPDATE checkins SET notified = ?2"
                                       " WHERE id = ?1 AND counterpart_id IN"
                                       "  (SELECT id FROM counterparts WHERE trashed = 0)"
                                       " RETURNING counterpart_id",
                                       checkin_id,
                                       now,
                                       &counterpart_id,
                                       CHECKIN_NOT_FOUND,
                                       error);
}

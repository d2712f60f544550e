/* bk-journal-reflection.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal-playbooks"

#include "config.h"

#include <string.h>

#include "bk-journal-playbooks.h"
#include "bk-journal-private.h"

/**
 * bk_journal_count_reasons_and_outcomes:
 * @reason_counts: (out caller-allocates) (array fixed-size=7) (nullable): per #BkReason, how
 *   many runs gave it
 * @outcome_counts: (out caller-allocates) (array fixed-size=5) (nullable): per #BkOutcome, how
 *   many runs ended so
 */
gboolean
bk_journal_count_reasons_and_outcomes (BkJournal  *self,
                                       guint      *reason_counts,
                                       guint      *outcome_counts,
                                       GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  guint reasons[BK_N_REASONS] = { 0 };
  guint outcomes[BK_N_OUTCOMES] = { 0 };
  int rc;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT runs.reasons, runs.outcome FROM runs"
                                          " JOIN counterparts ON counterparts.id = runs.counterpart_id"
                                          " WHERE counterparts.trashed = 0",
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
          bk_outcome_from_string (bk_journal_column_text (stmt, 1), &outcome))
        outcomes[outcome]++;
    }

  if (rc != SQLITE_DONE)
    return bk_journal_set_error_from_db (self, error);

  if (reason_counts != NULL)
    memcpy (reason_counts, reasons, sizeof reasons);
  if (outcome_counts != NULL)
    memcpy (outcome_counts, outcomes, sizeof outcomes);

  return TRUE;
}

/* @limit: how many at most, 0 for all */
GPtrArray *
bk_journal_list_reflections (BkJournal  *self,
                             guint       limit,
                             GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT " BK_NOTE_COLUMNS " FROM notes"
                                          " WHERE kind = 'reflection' AND trashed = 0"
                                          " AND counterpart_id IN"
                                          "  (SELECT id FROM counterparts WHERE trashed = 0)"
                                          " ORDER BY created DESC, id DESC LIMIT ?1",
                                          error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  return bk_journal_read_rows (self, stmt, (BkJournalRowFunc) bk_journal_note_from_row, error);
}

/* bk-journal-trash.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal"

#include "config.h"

#include "bk-journal.h"
#include "bk-journal-private.h"

/* Deletes for good what is in the trash (notes of a trashed counterpart with it). */
gboolean
bk_journal_purge_trash (BkJournal  *self,
                        GError    **error)
{
  return bk_journal_purge_trashed (self, 0, error);
}

/**
 * bk_journal_purge_trashed:
 * @id: the trashed note or counterpart to delete for good, or 0 for the whole trash
 *
 * Deletes for good what is in the trash, so that the undo of another deletion still pending
 * is not taken away with it. Something not in the trash is left alone.
 */
gboolean
bk_journal_purge_trashed (BkJournal  *self,
                          gint64      id,
                          GError    **error)
{
  g_autoptr(BkCachedStatement) notes = NULL;
  g_autoptr(BkCachedStatement) counterparts = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_journal_begin (self, error))
    return FALSE;

  if (!(notes = bk_journal_prepare_cached (self, "DELETE FROM notes WHERE trashed = 1 AND (?1 = 0 OR id = ?1)",
                                           error)))
    goto failed;
  sqlite3_bind_int64 (notes, 1, id);
  if (!bk_journal_step_done (self, notes, error))
    goto failed;

  if (!(counterparts = bk_journal_prepare_cached (self,
                                                  "DELETE FROM counterparts WHERE trashed = 1 AND (?1 = 0 OR id = ?1)",
                                                  error)))
    goto failed;
  sqlite3_bind_int64 (counterparts, 1, id);
  if (!bk_journal_step_done (self, counterparts, error))
    goto failed;

  g_clear_pointer (&notes, bk_cached_statement_release);
  g_clear_pointer (&counterparts, bk_cached_statement_release);

  /* nothing that was in the trash was visible: no signal */
  return bk_journal_commit (self, error);

failed:
  g_clear_pointer (&notes, bk_cached_statement_release);
  g_clear_pointer (&counterparts, bk_cached_statement_release);
  bk_journal_rollback (self);
  return FALSE;
}

/* bk-journal-private.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "bk-journal.h"

G_BEGIN_DECLS

/* Notes' rowids start above this, so that counterparts and notes share one rowid space in the
 * search index (see the search_documents view). */
#define BK_NOTE_ID_BASE G_GINT64_CONSTANT (1099511627776) /* 2^40 */

/* The columns, in this order, that bk_journal_counterpart_from_row() and
 * bk_journal_note_from_row() read: "SELECT " BK_COUNTERPART_COLUMNS " FROM counterparts ..." */
#define BK_COUNTERPART_COLUMNS \
  "id, uuid, name, organization, email, phone, kind, status, health, tags, created, updated"
#define BK_NOTE_COLUMNS \
  "id, uuid, counterpart_id, created, kind, text, private"

sqlite3       *bk_journal_get_db            (BkJournal     *self);
/* A new statement: the caller finalizes it (sqlite3_finalize()). */
sqlite3_stmt  *bk_journal_prepare           (BkJournal     *self,
                                             const char    *sql,
                                             GError       **error);
gboolean       bk_journal_exec              (BkJournal     *self,
                                             const char    *sql,
                                             GError       **error);
gboolean       bk_journal_set_error_from_db (BkJournal     *self,
                                             GError       **error);
/* A statement the journal keeps prepared for the next call with the same SQL (a string
 * literal): reset and unbound. Release it with g_autoptr(BkCachedStatement) or
 * bk_cached_statement_release() when done (that resets it); never finalize it. */
typedef sqlite3_stmt BkCachedStatement;
BkCachedStatement *bk_journal_prepare_cached (BkJournal         *self,
                                              const char        *sql,
                                              GError           **error);
void               bk_cached_statement_release (BkCachedStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkCachedStatement, bk_cached_statement_release)

/* Nestable (SAVEPOINT): every write of the journal runs inside one. */
gboolean       bk_journal_begin             (BkJournal     *self,
                                             GError       **error);
gboolean       bk_journal_commit            (BkJournal     *self,
                                             GError       **error);
void           bk_journal_rollback          (BkJournal     *self);
BkCounterpart *bk_journal_counterpart_from_row (sqlite3_stmt *stmt);
BkNote        *bk_journal_note_from_row        (sqlite3_stmt *stmt);
/* Emit "counterparts-changed", or "notes-changed" for one counterpart (0: for several). Inside
 * bk_journal_begin() the signals wait for the outermost commit (and a rollback drops them), so
 * that a list reloads once and never sees a write that is undone. */
void           bk_journal_emit_counterparts_changed (BkJournal *self);
void           bk_journal_emit_notes_changed        (BkJournal *self,
                                                     gint64     counterpart_id);

G_END_DECLS

/* bk-journal-private.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "bk-checkin.h"
#include "bk-credential.h"
#include "bk-journal.h"
#include "bk-run.h"
#include "bk-value-private.h"

G_BEGIN_DECLS

/* Notes' rowids start above this, so that counterparts and notes share one rowid space in the
 * search index (see the search_documents view). */
#define BK_NOTE_ID_BASE G_GINT64_CONSTANT (1099511627776) /* 2^40 */

/* The columns, in this order, that bk_journal_counterpart_from_row() and
 * bk_journal_note_from_row() read: "SELECT " BK_COUNTERPART_COLUMNS " FROM "
 * BK_COUNTERPART_FROM " WHERE ..." and "SELECT " BK_NOTE_COLUMNS " FROM notes ...". A
 * counterpart comes with the progress of its active run (one row at most, through the partial
 * index runs_active): with the join, name counterparts' columns as "counterparts.id". */
#define BK_COUNTERPART_COLUMNS \
  "counterparts.id, counterparts.uuid, counterparts.name, counterparts.organization," \
  " counterparts.email, counterparts.phone, counterparts.kind, counterparts.status," \
  " counterparts.health, counterparts.tags, counterparts.created, counterparts.updated," \
  " active_run.playbook," \
  " (SELECT count(*) FROM run_steps WHERE run_steps.run_id = active_run.id)," \
  " active_run.step_ids"
#define BK_COUNTERPART_FROM \
  "counterparts LEFT JOIN runs AS active_run" \
  " ON active_run.counterpart_id = counterparts.id AND active_run.ended IS NULL"
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

/* Runs a statement that returns no rows. */
gboolean       bk_journal_step_done         (BkJournal     *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
/* Runs the INSERT (when *@id is 0: then sets @id to the new row's) or the UPDATE of a save;
 * an UPDATE that matched no row fails with %BK_JOURNAL_ERROR_NOT_FOUND and @not_found. */
gboolean       bk_journal_step_save         (BkJournal     *self,
                                             sqlite3_stmt  *stmt,
                                             gint64        *id,
                                             const char    *not_found,
                                             GError       **error);
/* Runs an UPDATE or DELETE "... RETURNING counterpart_id" (bound already) of one row at most:
 * @counterpart_id is the counterpart of the row it changed, or 0 when no row matched. Then, with
 * a @not_found message, it fails with %BK_JOURNAL_ERROR_NOT_FOUND. */
gboolean       bk_journal_step_returning_counterpart (BkJournal     *self,
                                                      sqlite3_stmt  *stmt,
                                                      gint64        *counterpart_id,
                                                      const char    *not_found,
                                                      GError       **error);
/* As bk_journal_step_returning_counterpart(), of the statement @sql (a string literal) with @id
 * for its ?1 */
gboolean       bk_journal_change_by_id      (BkJournal     *self,
                                             const char    *sql,
                                             gint64         id,
                                             gint64        *counterpart_id,
                                             const char    *not_found,
                                             GError       **error);
/* As bk_journal_change_by_id(), with @date_time (or NULL) for the statement's ?2 */
gboolean       bk_journal_change_date_by_id (BkJournal     *self,
                                             const char    *sql,
                                             gint64         id,
                                             GDateTime     *date_time,
                                             gint64        *counterpart_id,
                                             const char    *not_found,
                                             GError       **error);
/* A new object from the current row of a statement */
typedef gpointer (*BkJournalRowFunc) (sqlite3_stmt *stmt);
/* The objects (#GObject) @from_row makes of every row of @stmt (bound already), in order */
GPtrArray     *bk_journal_read_rows         (BkJournal         *self,
                                             sqlite3_stmt      *stmt,
                                             BkJournalRowFunc   from_row,
                                             GError           **error);
/* The object @from_row makes of the first row of @stmt (bound already). Without a row: %NULL,
 * with %BK_JOURNAL_ERROR_NOT_FOUND and the message @not_found unless that is %NULL. */
gpointer       bk_journal_read_row          (BkJournal         *self,
                                             sqlite3_stmt      *stmt,
                                             BkJournalRowFunc   from_row,
                                             const char        *not_found,
                                             GError           **error);
/* As bk_journal_read_rows() and bk_journal_read_row(), of the statement @sql (a string literal)
 * with @id for its ?1 */
GPtrArray     *bk_journal_list_by_id        (BkJournal         *self,
                                             const char        *sql,
                                             gint64             id,
                                             BkJournalRowFunc   from_row,
                                             GError           **error);
gpointer       bk_journal_dup_by_id         (BkJournal         *self,
                                             const char        *sql,
                                             gint64             id,
                                             BkJournalRowFunc   from_row,
                                             const char        *not_found,
                                             GError           **error);
/* The count @sql (a string literal) selects, its ?1 (if it has one) bound to @id; 0 with a
 * warning when the journal fails. */
guint          bk_journal_count             (BkJournal     *self,
                                             const char    *sql,
                                             gint64         id);
/* Whether the counterpart is in the journal and not in the trash: if not, fails with
 * %BK_JOURNAL_ERROR_NOT_FOUND and the message @not_found. */
gboolean       bk_journal_check_counterpart (BkJournal     *self,
                                             gint64         counterpart_id,
                                             const char    *not_found,
                                             GError       **error);

/* Checks of what is about to be saved; %NULL @text is valid. */
gboolean       bk_journal_check_utf8        (const char    *text,
                                             GError       **error);
/* Only white space, as the journal sees it (it refuses such a name or note). */
gboolean       bk_journal_is_blank          (const char    *text);
/* A copy of @text without white space at either end (Unicode, unlike g_strstrip()); "" for
 * %NULL */
char          *bk_journal_dup_trimmed       (const char    *text);
/* A copy of @uuid, or a new random one when it is empty: what an object gets when first saved */
char          *bk_journal_dup_uuid          (const char    *uuid);

static inline const char *
bk_journal_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* NULL for a NULL column */
static inline GDateTime *
bk_journal_column_date_time (sqlite3_stmt *stmt,
                             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

/* NULL for a NULL @date_time */
static inline void
bk_journal_bind_date_time (sqlite3_stmt *stmt,
                           int           column,
                           GDateTime    *date_time)
{
  if (date_time != NULL)
    sqlite3_bind_int64 (stmt, column, g_date_time_to_unix (date_time));
  else
    sqlite3_bind_null (stmt, column);
}

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
/* "runs-changed": a run, step, open item or check-in of one counterpart (0: of several) */
void           bk_journal_emit_runs_changed         (BkJournal *self,
                                                     gint64     counterpart_id);
/* "credentials-changed": the credentials of one counterpart (0: of several) */
void           bk_journal_emit_credentials_changed  (BkJournal *self,
                                                     gint64     counterpart_id);

/* Writes a line in the counterpart's timeline (which also checks that it is not in the trash). */
gboolean       bk_journal_add_progress_note (BkJournal     *self,
                                             gint64         counterpart_id,
                                             const char    *text,
                                             GDateTime     *now,
                                             GError       **error);
/* What is still open: @n_items open items not settled, and @n_access credentials still in use
 * (access to hand over or revoke, kept in bk-journal-credentials.c) */
gboolean       bk_journal_count_unsettled   (BkJournal     *self,
                                             gint64         counterpart_id,
                                             guint         *n_items,
                                             guint         *n_access,
                                             GError       **error);

/* Value objects as the journal reads them (bk-journal-runs.c, bk-journal-checkins.c) */
BkRun         *bk_run_new_from_journal      (gint64               id,
                                             const char          *uuid,
                                             gint64               counterpart_id,
                                             const char          *playbook_id,
                                             guint                reasons,
                                             const char          *step_ids,
                                             GDateTime           *started,
                                             GDateTime           *ended,
                                             BkOutcome            outcome,
                                             const char          *successor);
/* @state BK_STEP_STATE_OPEN forgets the step's date and note */
void           bk_run_set_step              (BkRun               *self,
                                             const char          *step_id,
                                             BkStepState          state,
                                             GDateTime           *changed,
                                             const char          *note);
void           bk_run_set_ended             (BkRun               *self,
                                             GDateTime           *ended,
                                             BkOutcome            outcome,
                                             const char          *successor);
/* What only the journal sets on a credential (bk-journal-credentials.c) */
void           bk_credential_set_journal_fields (BkCredential     *self,
                                                 gint64            id,
                                                 const char       *uuid,
                                                 BkCredentialState state,
                                                 GDateTime        *created,
                                                 GDateTime        *updated,
                                                 GDateTime        *state_changed);
BkCheckin     *bk_checkin_new_from_journal  (gint64               id,
                                             const char          *uuid,
                                             gint64               counterpart_id,
                                             const char          *counterpart_name,
                                             gint64               run_id,
                                             GDateTime           *due,
                                             GDateTime           *done,
                                             GDateTime           *notified);

G_END_DECLS

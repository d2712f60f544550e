/* bk-database.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define BK_DATABASE_ERROR (bk_database_error_quark ())

typedef enum
{
  BK_DATABASE_ERROR_FAILED,
  /* Written by a newer Bridgekeeper: refused, left untouched. */
  BK_DATABASE_ERROR_TOO_NEW,
  /* Damaged, or not a Bridgekeeper journal: may be set aside with bk_schema_set_aside(). */
  BK_DATABASE_ERROR_CORRUPT,
  /* Bad input from a person or a file: an empty name, a health outside 1–5, ... */
  BK_DATABASE_ERROR_INVALID,
  BK_DATABASE_ERROR_NOT_FOUND,
  /* Parting ways while items are still open to settle: ask the person first. */
  BK_DATABASE_ERROR_OPEN_ITEMS,
  /* Another connection of this process is in a long write (an import): a write here would
   * wait for it, so it is refused at once. */
  BK_DATABASE_ERROR_BUSY,
  /* The journal was opened read-only (its file or folder is not writable): nothing is
   * written. */
  BK_DATABASE_ERROR_READ_ONLY,
} BkDatabaseError;

/* What happened to one row of a store, as its "changed" signal tells it. */
typedef enum
{
  BK_CHANGE_ADDED,
  BK_CHANGE_CHANGED,
  BK_CHANGE_REMOVED,
} BkChange;

/* Notes' rowids start above this, so that counterparts and notes share one rowid space in the
 * search index (see the search_documents view). */
#define BK_NOTE_ID_BASE G_GINT64_CONSTANT (1099511627776) /* 2^40 */

#define BK_TYPE_DATABASE (bk_database_get_type ())

G_DECLARE_FINAL_TYPE (BkDatabase, bk_database, BK, DATABASE, GObject)

GQuark         bk_database_error_quark      (void);

/* Takes @db (open, configured and migrated: see bk_schema_open()) */
BkDatabase    *bk_database_new              (const char    *path,
                                             sqlite3       *db);
const char    *bk_database_get_path         (BkDatabase    *self);
void           bk_database_set_read_only    (BkDatabase    *self);
gboolean       bk_database_is_read_only     (BkDatabase    *self);
/* %FALSE, with %BK_DATABASE_ERROR_READ_ONLY or %BK_DATABASE_ERROR_BUSY, when a write now would
 * be refused */
gboolean       bk_database_check_writable   (BkDatabase    *self,
                                             GError       **error);
sqlite3       *bk_database_get_handle       (BkDatabase    *self);

/* A new statement: the caller finalizes it (sqlite3_finalize()). */
sqlite3_stmt  *bk_database_prepare          (BkDatabase    *self,
                                             const char    *sql,
                                             GError       **error);
gboolean       bk_database_exec             (BkDatabase    *self,
                                             const char    *sql,
                                             GError       **error);
/* Always returns FALSE, so that a failure can end with "return bk_database_set_error ()". */
gint64         bk_database_get_data_version (BkDatabase    *self);
void           bk_database_set_busy_timeout (BkDatabase    *self,
                                             int            msec);
gboolean       bk_database_set_error        (BkDatabase    *self,
                                             GError       **error);

/* A statement the database keeps prepared for the next call with the same SQL (a string
 * literal): reset and unbound. Release it with g_autoptr(BkCachedStatement) or
 * bk_cached_statement_release() when done (that resets it); never finalize it. */
typedef sqlite3_stmt BkCachedStatement;
BkCachedStatement *bk_database_prepare_cached (BkDatabase        *self,
                                               const char        *sql,
                                               GError           **error);
void               bk_cached_statement_release (BkCachedStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkCachedStatement, bk_cached_statement_release)

/* Runs a statement that returns no rows. */
gboolean       bk_database_step_done        (BkDatabase    *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
/* Runs the INSERT (when *@id is 0: then sets @id to the new row's) or the UPDATE of a save;
 * an UPDATE that matched no row fails with %BK_DATABASE_ERROR_NOT_FOUND and @not_found. */
gboolean       bk_database_step_save        (BkDatabase    *self,
                                             sqlite3_stmt  *stmt,
                                             gint64        *id,
                                             const char    *not_found,
                                             GError       **error);
/* Runs an UPDATE or DELETE "... RETURNING counterpart_id" (bound already) of one row at most:
 * @counterpart_id is the counterpart of the row it changed, or 0 when no row matched. Then, with
 * a @not_found message, it fails with %BK_DATABASE_ERROR_NOT_FOUND. */
gboolean       bk_database_step_returning_counterpart (BkDatabase    *self,
                                                       sqlite3_stmt  *stmt,
                                                       gint64        *counterpart_id,
                                                       const char    *not_found,
                                                       GError       **error);
/* As bk_database_step_returning_counterpart(), of the statement @sql (a string literal) with
 * @id for its ?1, and @date_time (or NULL) for its ?2 if it has one */
gboolean       bk_database_change_by_id     (BkDatabase    *self,
                                             const char    *sql,
                                             gint64         id,
                                             GDateTime     *date_time,
                                             gint64        *counterpart_id,
                                             const char    *not_found,
                                             GError       **error);

/* A new object from the current row of a statement */
typedef gpointer (*BkRowFunc) (sqlite3_stmt *stmt);
/* The objects (#GObject) @from_row makes of every row of @stmt (bound already), in order */
GPtrArray     *bk_database_read_rows        (BkDatabase        *self,
                                             sqlite3_stmt      *stmt,
                                             BkRowFunc          from_row,
                                             GError           **error);
/* The object @from_row makes of the first row of @stmt (bound already). Without a row: %NULL,
 * with %BK_DATABASE_ERROR_NOT_FOUND and the message @not_found unless that is %NULL. */
gpointer       bk_database_read_row         (BkDatabase        *self,
                                             sqlite3_stmt      *stmt,
                                             BkRowFunc          from_row,
                                             const char        *not_found,
                                             GError           **error);
/* As bk_database_read_rows() and bk_database_read_row(), of the statement @sql (a string
 * literal) with @id for its ?1 */
GPtrArray     *bk_database_list_by_id       (BkDatabase        *self,
                                             const char        *sql,
                                             gint64             id,
                                             BkRowFunc          from_row,
                                             GError           **error);
gpointer       bk_database_dup_by_id        (BkDatabase        *self,
                                             const char        *sql,
                                             gint64             id,
                                             BkRowFunc          from_row,
                                             const char        *not_found,
                                             GError           **error);
/* The count @sql (a string literal) selects, its ?1 (if it has one) bound to @id; 0 with a
 * warning when the database fails. */
guint          bk_database_count            (BkDatabase    *self,
                                             const char    *sql,
                                             gint64         id);
/* The integers in the first two columns of the first row @sql (a string literal) selects with
 * @text for its ?1: both 0 when there is no such row, or when @text is %NULL or empty (a
 * lookup by uuid of something not saved yet). @second may be %NULL for a one-column @sql. */
gboolean       bk_database_find_by_text     (BkDatabase    *self,
                                             const char    *sql,
                                             const char    *text,
                                             gint64        *first,
                                             gint64        *second,
                                             GError       **error);
/* The first column of every row @sql (a string literal, without parameters) selects */
char         **bk_database_dup_strings      (BkDatabase    *self,
                                             const char    *sql,
                                             GError       **error);

/* While another connection of this process holds the journal's write lock for long (see
 * bk_journal_import_json_async()): writes here are refused at once with
 * %BK_DATABASE_ERROR_BUSY, and the "busy" property is %TRUE. Holds nest. */
void           bk_database_hold_writes      (BkDatabase    *self);
void           bk_database_release_writes   (BkDatabase    *self);
gboolean       bk_database_get_busy         (BkDatabase    *self);

/* Nestable (SAVEPOINT): every write runs inside one. */
gboolean       bk_database_begin            (BkDatabase    *self,
                                             GError       **error);
/* Reads only, ended with bk_database_rollback(): one picture of the journal, read-only or not */
gboolean       bk_database_begin_reading    (BkDatabase    *self,
                                             GError       **error);
/* On failure the savepoint is rolled back already. */
gboolean       bk_database_commit           (BkDatabase    *self,
                                             GError       **error);
void           bk_database_rollback         (BkDatabase    *self);

/* Queues "@emitter::@signal_id (@change, @id, @counterpart_id)" until the outermost commit (a
 * rollback drops it; outside a transaction it is emitted at once). Changes of one row within
 * one transaction become one: added then changed is added, added then removed is nothing. */
void           bk_database_queue_change     (BkDatabase    *self,
                                             gpointer       emitter,
                                             guint          signal_id,
                                             BkChange       change,
                                             gint64         id,
                                             gint64         counterpart_id);

static inline const char *
bk_database_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* NULL for a NULL column */
static inline GDateTime *
bk_database_column_date_time (sqlite3_stmt *stmt,
                              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

/* NULL for a NULL @date_time */
static inline void
bk_database_bind_date_time (sqlite3_stmt *stmt,
                            int           column,
                            GDateTime    *date_time)
{
  if (date_time != NULL)
    sqlite3_bind_int64 (stmt, column, g_date_time_to_unix (date_time));
  else
    sqlite3_bind_null (stmt, column);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS

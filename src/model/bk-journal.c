/* bk-journal.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-journal.h"
#include "bk-journal-private.h"

/* "BKJL": tells a Bridgekeeper journal from any other SQLite file. */
#define BK_JOURNAL_APPLICATION_ID 0x424B4A4C

struct _BkJournal
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  /* SQL text → sqlite3_stmt, see bk_journal_prepare_cached() */
  GHashTable *statements;

  /* SAVEPOINT nesting, and the signals that wait for the outermost commit */
  guint       depth;
  gint64      pending_notes;
  gint64      pending_runs;
  gint64      pending_credentials;
  guint       pending_counterparts : 1;
};

G_DEFINE_FINAL_TYPE (BkJournal, bk_journal, G_TYPE_OBJECT)
G_DEFINE_QUARK (bk-journal-error-quark, bk_journal_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

enum {
  COUNTERPARTS_CHANGED,
  NOTES_CHANGED,
  RUNS_CHANGED,
  CREDENTIALS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* No signal with a counterpart id waiting */
#define NO_PENDING G_GINT64_CONSTANT (-1)

/* Migration N brings the journal from user_version N - 1 to N, in one transaction. Never
 * change one that has shipped: add a new one. */
static const char * const migrations[] = {
  /* 1: counterparts and their notes */
  "CREATE TABLE counterparts ("
  "  id INTEGER PRIMARY KEY CHECK (id < 1099511627776),"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  sort_key TEXT NOT NULL,"
  "  organization TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL DEFAULT 'client',"
  "  status TEXT NOT NULL DEFAULT 'active',"
  "  health INTEGER NOT NULL DEFAULT 3 CHECK (health BETWEEN 1 AND 5),"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE notes ("
  "  id INTEGER PRIMARY KEY CHECK (id > 1099511627776),"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  counterpart_id INTEGER NOT NULL REFERENCES counterparts (id) ON DELETE CASCADE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'note',"
  "  text TEXT NOT NULL,"
  "  private INTEGER NOT NULL DEFAULT 0,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX counterparts_by_name ON counterparts (trashed, sort_key, id);"
  "CREATE INDEX counterparts_by_status ON counterparts (trashed, status, sort_key, id);"
  "CREATE INDEX notes_by_counterpart ON notes (counterpart_id, trashed, created DESC, id DESC);",

  /* 2: one full-text index over both tables. Counterparts and notes share one rowid space
   * (notes' ids start above 2^40), so a view of both can be its external content. */
  "CREATE VIEW search_documents (docid, name, organization, tags, body) AS"
  "  SELECT id, name, organization, tags, '' FROM counterparts"
  "  UNION ALL"
  "  SELECT id, '', '', '', text FROM notes;"
  "CREATE VIRTUAL TABLE search_index USING fts5 ("
  "  name, organization, tags, body,"
  "  content = 'search_documents', content_rowid = 'docid',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
  ");"
  "CREATE TRIGGER counterparts_search_insert AFTER INSERT ON counterparts BEGIN"
  "  INSERT INTO search_index (rowid, name, organization, tags, body)"
  "    VALUES (new.id, new.name, new.organization, new.tags, '');"
  "END;"
  "CREATE TRIGGER counterparts_search_delete AFTER DELETE ON counterparts BEGIN"
  "  INSERT INTO search_index (search_index, rowid, name, organization, tags, body)"
  "    VALUES ('delete', old.id, old.name, old.organization, old.tags, '');"
  "END;"
  "CREATE TRIGGER counterparts_search_update AFTER UPDATE OF name, organization, tags"
  "  ON counterparts BEGIN"
  "  INSERT INTO search_index (search_index, rowid, name, organization, tags, body)"
  "    VALUES ('delete', old.id, old.name, old.organization, old.tags, '');"
  "  INSERT INTO search_index (rowid, name, organization, tags, body)"
  "    VALUES (new.id, new.name, new.organization, new.tags, '');"
  "END;"
  "CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN"
  "  INSERT INTO search_index (rowid, name, organization, tags, body)"
  "    VALUES (new.id, '', '', '', new.text);"
  "END;"
  "CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN"
  "  INSERT INTO search_index (search_index, rowid, name, organization, tags, body)"
  "    VALUES ('delete', old.id, '', '', '', old.text);"
  "END;"
  "CREATE TRIGGER notes_search_update AFTER UPDATE OF text ON notes BEGIN"
  "  INSERT INTO search_index (search_index, rowid, name, organization, tags, body)"
  "    VALUES ('delete', old.id, '', '', '', old.text);"
  "  INSERT INTO search_index (rowid, name, organization, tags, body)"
  "    VALUES (new.id, '', '', '', new.text);"
  "END;"
  /* a journal of version 1 already has rows */
  "INSERT INTO search_index (search_index) VALUES ('rebuild');",

  /* 3: playbook runs and their steps, open items to settle, check-ins. A run's step ids are
   * kept as they were when it started (joined with ','), so that a later edition of the
   * playbook never changes what a run counted. At most one run per counterpart is active
   * (not ended). */
  "CREATE TABLE runs ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  counterpart_id INTEGER NOT NULL REFERENCES counterparts (id) ON DELETE CASCADE,"
  "  playbook TEXT NOT NULL CHECK (length(playbook) > 0),"
  "  reasons INTEGER NOT NULL DEFAULT 0,"
  "  step_ids TEXT NOT NULL,"
  "  started INTEGER NOT NULL,"
  "  ended INTEGER,"
  "  outcome TEXT,"
  "  successor TEXT NOT NULL DEFAULT '',"
  "  CHECK ((ended IS NULL) = (outcome IS NULL))"
  ");"
  "CREATE UNIQUE INDEX runs_active ON runs (counterpart_id) WHERE ended IS NULL;"
  "CREATE INDEX runs_by_counterpart ON runs (counterpart_id, started DESC, id DESC);"
  "CREATE TABLE run_steps ("
  "  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
  "  step TEXT NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('done', 'skipped')),"
  "  changed INTEGER NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (run_id, step)"
  ") WITHOUT ROWID;"
  "CREATE TABLE open_items ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  counterpart_id INTEGER NOT NULL REFERENCES counterparts (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'other',"
  "  description TEXT NOT NULL CHECK (length(trim(description)) > 0),"
  "  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),"
  "  currency TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  settled INTEGER"
  ");"
  "CREATE INDEX open_items_by_counterpart ON open_items (counterpart_id, created, id);"
  "CREATE TABLE checkins ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  counterpart_id INTEGER NOT NULL REFERENCES counterparts (id) ON DELETE CASCADE,"
  "  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,"
  "  due INTEGER NOT NULL,"
  "  done INTEGER,"
  "  notified INTEGER"
  ");"
  "CREATE INDEX checkins_by_due ON checkins (done, due);"
  "CREATE INDEX checkins_by_counterpart ON checkins (counterpart_id, due);"
  "CREATE INDEX checkins_by_run ON checkins (run_id);",

  /* 4: relationship health over time (kept in step by triggers, so that every way of saving a
   * counterpart records it), and the metadata of the access a counterpart gave us: the secrets
   * themselves live in the desktop keyring only, never here. */
  "CREATE TABLE health_history ("
  "  counterpart_id INTEGER NOT NULL REFERENCES counterparts (id) ON DELETE CASCADE,"
  "  changed INTEGER NOT NULL,"
  "  health INTEGER NOT NULL CHECK (health BETWEEN 1 AND 5)"
  ");"
  "CREATE INDEX health_history_by_counterpart ON health_history (counterpart_id, changed);"
  "INSERT INTO health_history (counterpart_id, changed, health)"
  "  SELECT id, created, health FROM counterparts;"
  "CREATE TRIGGER counterparts_health_insert AFTER INSERT ON counterparts BEGIN"
  "  INSERT INTO health_history (counterpart_id, changed, health)"
  "    VALUES (new.id, new.created, new.health);"
  "END;"
  "CREATE TRIGGER counterparts_health_update AFTER UPDATE OF health ON counterparts"
  "  WHEN new.health != old.health BEGIN"
  "  INSERT INTO health_history (counterpart_id, changed, health)"
  "    VALUES (new.id, new.updated, new.health);"
  "END;"
  "CREATE TABLE credentials ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  counterpart_id INTEGER NOT NULL REFERENCES counterparts (id) ON DELETE CASCADE,"
  "  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  username TEXT NOT NULL DEFAULT '',"
  "  url TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT 'in-use',"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  state_changed INTEGER"
  ");"
  "CREATE INDEX credentials_by_counterpart ON credentials (counterpart_id, id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BK_JOURNAL_SCHEMA_VERSION);

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
bk_journal_dispose (GObject *object)
{
  BkJournal *self = (BkJournal *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);

  G_OBJECT_CLASS (bk_journal_parent_class)->dispose (object);
}

static void
bk_journal_finalize (GObject *object)
{
  BkJournal *self = (BkJournal *) object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (bk_journal_parent_class)->finalize (object);
}

static void
bk_journal_class_init (BkJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_journal_dispose;
  object_class->finalize = bk_journal_finalize;

  /**
   * BkJournal::counterparts-changed:
   *
   * A counterpart was added, changed, trashed or restored.
   */
  signals[COUNTERPARTS_CHANGED] =
    g_signal_new ("counterparts-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * BkJournal::notes-changed:
   * @counterpart_id: whose notes changed, or 0 when several counterparts' did
   */
  signals[NOTES_CHANGED] =
    g_signal_new ("notes-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * BkJournal::runs-changed:
   * @counterpart_id: whose runs, steps, open items or check-ins changed, or 0 when several
   *   counterparts' did
   *
   * A change to a run also emits "counterparts-changed" (the list shows progress).
   */
  signals[RUNS_CHANGED] =
    g_signal_new ("runs-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * BkJournal::credentials-changed:
   * @counterpart_id: whose credentials (their metadata) changed, or 0 when several
   *   counterparts' did
   *
   * Access in use counts among the counterpart's open items: "runs-changed" comes too when
   * that may have changed.
   */
  signals[CREDENTIALS_CHANGED] =
    g_signal_new ("credentials-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
clear_pending_signals (BkJournal *self)
{
  self->pending_counterparts = FALSE;
  self->pending_notes = NO_PENDING;
  self->pending_runs = NO_PENDING;
  self->pending_credentials = NO_PENDING;
}

static void
bk_journal_init (BkJournal *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  clear_pending_signals (self);
}

/* Low level */

sqlite3 *
bk_journal_get_db (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->db;
}

static int
error_code_for_db (sqlite3 *db)
{
  switch (sqlite3_extended_errcode (db) & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return BK_JOURNAL_ERROR_CORRUPT;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return BK_JOURNAL_ERROR_INVALID;
    default:
      return BK_JOURNAL_ERROR_FAILED;
    }
}

/* Always returns FALSE, so that a failure can end with "return bk_journal_set_error_from_db ()". */
gboolean
bk_journal_set_error_from_db (BkJournal  *self,
                              GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);

  g_set_error_literal (error,
                       BK_JOURNAL_ERROR,
                       error_code_for_db (self->db),
                       sqlite3_errmsg (self->db));

  return FALSE;
}

static sqlite3_stmt *
prepare (BkJournal     *self,
         const char    *sql,
         unsigned int   flags,
         GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (self->db, sql, -1, flags, &stmt, NULL) != SQLITE_OK)
    {
      bk_journal_set_error_from_db (self, error);
      return NULL;
    }

  return stmt;
}

sqlite3_stmt *
bk_journal_prepare (BkJournal   *self,
                    const char  *sql,
                    GError     **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return prepare (self, sql, 0, error);
}

BkCachedStatement *
bk_journal_prepare_cached (BkJournal   *self,
                           const char  *sql,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (!(stmt = prepare (self, sql, SQLITE_PREPARE_PERSISTENT, error)))
    return NULL;

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

void
bk_cached_statement_release (BkCachedStatement *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

gboolean
bk_journal_exec (BkJournal   *self,
                 const char  *sql,
                 GError     **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return bk_journal_set_error_from_db (self, error);

  return TRUE;
}

gboolean
bk_journal_step_done (BkJournal     *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return bk_journal_set_error_from_db (self, error);

  return TRUE;
}

gboolean
bk_journal_step_save (BkJournal     *self,
                      sqlite3_stmt  *stmt,
                      gint64        *id,
                      const char    *not_found,
                      GError       **error)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (!bk_journal_step_done (self, stmt, error))
    return FALSE;

  if (*id == 0)
    {
      *id = sqlite3_last_insert_rowid (self->db);
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }

  return TRUE;
}

gboolean
bk_journal_step_returning_counterpart (BkJournal     *self,
                                       sqlite3_stmt  *stmt,
                                       gint64        *counterpart_id,
                                       const char    *not_found,
                                       GError       **error)
{
  int rc;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (counterpart_id != NULL, FALSE);

  *counterpart_id = 0;
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *counterpart_id = sqlite3_column_int64 (stmt, 0);
      /* RETURNING writes when the statement is run to its end */
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    return bk_journal_set_error_from_db (self, error);

  if (*counterpart_id == 0 && not_found != NULL)
    {
      g_set_error_literal (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }

  return TRUE;
}

gboolean
bk_journal_change_by_id (BkJournal   *self,
                         const char  *sql,
                         gint64       id,
                         gint64      *counterpart_id,
                         const char  *not_found,
                         GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);

  if (!(stmt = bk_journal_prepare_cached (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return bk_journal_step_returning_counterpart (self, stmt, counterpart_id, not_found, error);
}

gboolean
bk_journal_change_date_by_id (BkJournal   *self,
                              const char  *sql,
                              gint64       id,
                              GDateTime   *date_time,
                              gint64      *counterpart_id,
                              const char  *not_found,
                              GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  if (!(stmt = bk_journal_prepare_cached (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bk_journal_bind_date_time (stmt, 2, date_time);

  return bk_journal_step_returning_counterpart (self, stmt, counterpart_id, not_found, error);
}

GPtrArray *
bk_journal_read_rows (BkJournal         *self,
                      sqlite3_stmt      *stmt,
                      BkJournalRowFunc   from_row,
                      GError           **error)
{
  g_autoptr(GPtrArray) objects = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);
  g_return_val_if_fail (from_row != NULL, NULL);

  objects = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (objects, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      bk_journal_set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&objects);
}

gpointer
bk_journal_read_row (BkJournal         *self,
                     sqlite3_stmt      *stmt,
                     BkJournalRowFunc   from_row,
                     const char        *not_found,
                     GError           **error)
{
  int rc;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);
  g_return_val_if_fail (from_row != NULL, NULL);

  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return from_row (stmt);

  if (rc != SQLITE_DONE)
    bk_journal_set_error_from_db (self, error);
  else if (not_found != NULL)
    g_set_error_literal (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_NOT_FOUND, not_found);

  return NULL;
}

GPtrArray *
bk_journal_list_by_id (BkJournal         *self,
                       const char        *sql,
                       gint64             id,
                       BkJournalRowFunc   from_row,
                       GError           **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  if (!(stmt = bk_journal_prepare_cached (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return bk_journal_read_rows (self, stmt, from_row, error);
}

gpointer
bk_journal_dup_by_id (BkJournal         *self,
                      const char        *sql,
                      gint64             id,
                      BkJournalRowFunc   from_row,
                      const char        *not_found,
                      GError           **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  if (!(stmt = bk_journal_prepare_cached (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return bk_journal_read_row (self, stmt, from_row, not_found, error);
}

guint
bk_journal_count (BkJournal  *self,
                  const char *sql,
                  gint64      id)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), 0);
  g_return_val_if_fail (sql != NULL, 0);

  if (!(stmt = bk_journal_prepare_cached (self, sql, &error)))
    {
      g_warning ("Could not count: %s", error->message);
      return 0;
    }

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Could not count: %s", sqlite3_errmsg (self->db));
      return 0;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

gboolean
bk_journal_check_counterpart (BkJournal   *self,
                              gint64       counterpart_id,
                              const char  *not_found,
                              GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (not_found != NULL, FALSE);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT 1 FROM counterparts"
                                          " WHERE id = ?1 AND trashed = 0",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_NOT_FOUND, not_found);
  else
    bk_journal_set_error_from_db (self, error);

  return FALSE;
}

/* Checks of what is about to be saved */

gboolean
bk_journal_check_utf8 (const char  *text,
                       GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("The text contains characters that are not valid UTF-8."));
      return FALSE;
    }

  return TRUE;
}

gboolean
bk_journal_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, TRUE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

char *
bk_journal_dup_trimmed (const char *text)
{
  const char *start = text != NULL ? text : "";
  const char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

char *
bk_journal_dup_uuid (const char *uuid)
{
  if (uuid == NULL || uuid[0] == '\0')
    return g_uuid_string_random ();

  return g_strdup (uuid);
}

static void
flush_pending_signals (BkJournal *self)
{
  gboolean counterparts = self->pending_counterparts;
  gint64 notes = self->pending_notes;
  gint64 runs = self->pending_runs;
  gint64 credentials = self->pending_credentials;

  clear_pending_signals (self);

  if (counterparts)
    g_signal_emit (self, signals[COUNTERPARTS_CHANGED], 0);
  if (credentials != NO_PENDING)
    g_signal_emit (self, signals[CREDENTIALS_CHANGED], 0, credentials);
  if (runs != NO_PENDING)
    g_signal_emit (self, signals[RUNS_CHANGED], 0, runs);
  if (notes != NO_PENDING)
    g_signal_emit (self, signals[NOTES_CHANGED], 0, notes);
}

gboolean
bk_journal_begin (BkJournal  *self,
                  GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);

  if (!bk_journal_exec (self, "SAVEPOINT bk_write", error))
    return FALSE;

  self->depth++;

  return TRUE;
}

/* On failure the savepoint is rolled back already. */
gboolean
bk_journal_commit (BkJournal  *self,
                   GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!bk_journal_exec (self, "RELEASE bk_write", error))
    {
      bk_journal_rollback (self);
      return FALSE;
    }

  if (--self->depth == 0)
    flush_pending_signals (self);

  return TRUE;
}

void
bk_journal_rollback (BkJournal *self)
{
  g_return_if_fail (BK_IS_JOURNAL (self));

  if (self->depth == 0)
    return;

  /* Some errors (a full disk, an I/O error) end the whole transaction by themselves. */
  if (sqlite3_get_autocommit (self->db))
    {
      self->depth = 0;
    }
  else
    {
      if (sqlite3_exec (self->db, "ROLLBACK TO bk_write; RELEASE bk_write", NULL, NULL, NULL) !=
          SQLITE_OK)
        g_warning ("Could not roll back: %s", sqlite3_errmsg (self->db));
      self->depth--;
    }

  if (self->depth == 0)
    clear_pending_signals (self);
}

void
bk_journal_emit_counterparts_changed (BkJournal *self)
{
  g_return_if_fail (BK_IS_JOURNAL (self));

  self->pending_counterparts = TRUE;

  if (self->depth == 0)
    flush_pending_signals (self);
}

/* One signal waits for several changes: of one counterpart, or 0 for several */
static void
emit_pending (BkJournal *self,
              gint64    *pending,
              gint64     counterpart_id)
{
  if (*pending == NO_PENDING)
    *pending = counterpart_id;
  else if (*pending != counterpart_id)
    *pending = 0;

  if (self->depth == 0)
    flush_pending_signals (self);
}

void
bk_journal_emit_notes_changed (BkJournal *self,
                               gint64     counterpart_id)
{
  g_return_if_fail (BK_IS_JOURNAL (self));

  emit_pending (self, &self->pending_notes, counterpart_id);
}

void
bk_journal_emit_runs_changed (BkJournal *self,
                              gint64     counterpart_id)
{
  g_return_if_fail (BK_IS_JOURNAL (self));

  emit_pending (self, &self->pending_runs, counterpart_id);
}

void
bk_journal_emit_credentials_changed (BkJournal *self,
                                     gint64     counterpart_id)
{
  g_return_if_fail (BK_IS_JOURNAL (self));

  emit_pending (self, &self->pending_credentials, counterpart_id);
}

BkCounterpart *
bk_journal_counterpart_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  BkCounterpartKind kind;
  BkCounterpartStatus status;

  g_return_val_if_fail (stmt != NULL, NULL);

  bk_counterpart_set_id (counterpart, sqlite3_column_int64 (stmt, 0));
  bk_counterpart_set_uuid (counterpart, bk_journal_column_text (stmt, 1));
  bk_counterpart_set_name (counterpart, bk_journal_column_text (stmt, 2));
  bk_counterpart_set_organization (counterpart, bk_journal_column_text (stmt, 3));
  bk_counterpart_set_email (counterpart, bk_journal_column_text (stmt, 4));
  bk_counterpart_set_phone (counterpart, bk_journal_column_text (stmt, 5));
  if (bk_counterpart_kind_from_string (bk_journal_column_text (stmt, 6), &kind))
    bk_counterpart_set_kind (counterpart, kind);
  if (bk_counterpart_status_from_string (bk_journal_column_text (stmt, 7), &status))
    bk_counterpart_set_status (counterpart, status);
  bk_counterpart_set_health (counterpart, sqlite3_column_int (stmt, 8));
  bk_counterpart_set_tags_from_string (counterpart, bk_journal_column_text (stmt, 9));
  created = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 10));
  bk_counterpart_set_created (counterpart, created);
  updated = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 11));
  bk_counterpart_set_updated (counterpart, updated);

  /* the active run, if any: its playbook, steps settled, and the step ids it counts */
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      const char *step_ids = bk_journal_column_text (stmt, 14);
      guint total = 0;

      if (step_ids[0] != '\0')
        {
          total = 1;
          for (const char *p = step_ids; *p != '\0'; p++)
            total += *p == ',';
        }

      bk_counterpart_set_run_progress (counterpart,
                                       bk_journal_column_text (stmt, 12),
                                       (guint) sqlite3_column_int64 (stmt, 13),
                                       total);
    }

  return g_steal_pointer (&counterpart);
}

BkNote *
bk_journal_note_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(GDateTime) created = NULL;
  BkNoteKind kind;

  g_return_val_if_fail (stmt != NULL, NULL);

  bk_note_set_id (note, sqlite3_column_int64 (stmt, 0));
  bk_note_set_uuid (note, bk_journal_column_text (stmt, 1));
  bk_note_set_counterpart_id (note, sqlite3_column_int64 (stmt, 2));
  created = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 3));
  bk_note_set_created (note, created);
  if (bk_note_kind_from_string (bk_journal_column_text (stmt, 4), &kind))
    bk_note_set_kind (note, kind);
  bk_note_set_text (note, bk_journal_column_text (stmt, 5));
  bk_note_set_private (note, sqlite3_column_int (stmt, 6) != 0);

  return g_steal_pointer (&note);
}

/* Opening */

char *
bk_journal_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), DATA_FOLDER, "journal.db", NULL);
}

static void
set_corrupt_error (const char  *path,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error,
               BK_JOURNAL_ERROR,
               BK_JOURNAL_ERROR_CORRUPT,
               _("“%s” is damaged or is not a Bridgekeeper journal."),
               display);
}

/* Reports the error of a statement run while opening: damage and foreign files get the message
 * that offers to set the file aside, anything else (a lock, a read-only disk) says what failed. */
static gboolean
set_open_error (BkJournal  *self,
                GError    **error)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    {
      set_corrupt_error (self->path, error);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error,
                   BK_JOURNAL_ERROR,
                   BK_JOURNAL_ERROR_FAILED,
                   _("Could not open the journal “%s”: %s"),
                   display, sqlite3_errmsg (self->db));
    }

  return FALSE;
}

static gboolean
query_int (BkJournal   *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return set_open_error (self, error);

  *value = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* PRAGMA quick_check on @db: reads every page, so on a big journal it takes a moment. */
static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_rows = 0;
  gboolean ok = FALSE;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL)) == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (n_rows == 0)
            ok = g_strcmp0 (result, "ok") == 0;
          else
            g_debug ("quick_check: %s", result);

          n_rows++;
        }
    }

  if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_FAILED,
                   _("Could not open the journal “%s”: %s"), display, sqlite3_errmsg (db));
      return FALSE;
    }

  if (rc != SQLITE_DONE || !ok || n_rows != 1)
    {
      set_corrupt_error (path, error);
      return FALSE;
    }

  return TRUE;
}

static void
check_integrity_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  const char *path = task_data;
  sqlite3 *db = NULL;
  GError *error = NULL;

  /* A connection of its own, read-only: the journal's stays free for the person. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (&error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_FAILED,
                   _("Could not open the journal “%s”: %s"), display, sqlite3_errmsg (db));
    }
  else
    {
      sqlite3_extended_result_codes (db, TRUE);
      sqlite3_busy_timeout (db, 5000);
      check_integrity (db, path, &error);
    }

  sqlite3_close (db);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * bk_journal_check_integrity_async:
 *
 * Checks, on a thread and a connection of its own, that the journal is sound (what
 * bk_journal_open() does before it returns, unless asked to leave it for later); a damaged
 * journal fails with %BK_JOURNAL_ERROR_CORRUPT.
 */
void
bk_journal_check_integrity_async (BkJournal           *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BK_IS_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_journal_check_integrity_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, check_integrity_thread);
}

gboolean
bk_journal_check_integrity_finish (BkJournal     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Runs one migration and records its version, in one transaction. */
static gboolean
run_migration (BkJournal  *self,
               int         version,
               GError    **error)
{
  /* PRAGMA takes no parameters; the number is our own. */
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!bk_journal_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!bk_journal_exec (self, migrations[version - 1], error) ||
      !bk_journal_exec (self, set_version, error) ||
      !bk_journal_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (BkJournal  *self,
         int         from_version,
         GError    **error)
{
  for (int version = from_version + 1; version <= BK_JOURNAL_SCHEMA_VERSION; version++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!run_migration (self, version, &local_error))
        {
          g_autofree char *display = g_filename_display_name (self->path);

          g_set_error (error,
                       BK_JOURNAL_ERROR,
                       BK_JOURNAL_ERROR_FAILED,
                       _("Could not upgrade the journal “%s” to format %d: %s"),
                       display, version, local_error->message);
          return FALSE;
        }

      g_debug ("Journal upgraded to format %d", version);
    }

  return TRUE;
}

static gboolean
prepare_file (const char  *path,
              gboolean    *existed,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (dir);

          g_set_error (error,
                       BK_JOURNAL_ERROR,
                       BK_JOURNAL_ERROR_FAILED,
                       _("Could not create the folder “%s”: %s"),
                       display, g_strerror (saved_errno));
          return FALSE;
        }

      /* the umask may have taken bits away; it must not have added any */
      g_chmod (dir, 0700);
    }

  if (g_stat (path, &st) == 0)
    {
      *existed = st.st_size > 0;
    }
  else
    {
      /* Created here rather than by SQLite, so that its -wal and -shm files inherit 0600. */
      int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error,
                       BK_JOURNAL_ERROR,
                       BK_JOURNAL_ERROR_FAILED,
                       _("Could not create the journal “%s”: %s"),
                       display, g_strerror (saved_errno));
          return FALSE;
        }

      close (fd);
      *existed = FALSE;
    }

  /* a journal holds private notes */
  if (g_chmod (path, 0600) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));

  return TRUE;
}

/**
 * bk_journal_open:
 * @path: the journal file; it and its folder are created when missing
 *
 * Opens a journal, upgrading it to the current format. A journal written by a newer version
 * fails with %BK_JOURNAL_ERROR_TOO_NEW, a damaged or foreign file with
 * %BK_JOURNAL_ERROR_CORRUPT; either way the file is left exactly as it was.
 */
BkJournal *
bk_journal_open (const char  *path,
                 GError     **error)
{
  return bk_journal_open_full (path, BK_JOURNAL_OPEN_DEFAULT, error);
}

/**
 * bk_journal_open_full:
 * @flags: %BK_JOURNAL_OPEN_DEFER_CHECK leaves the integrity check, which reads every page of
 *   the file, to bk_journal_check_integrity_async(), so that a big journal opens at once
 *
 * Like bk_journal_open(). A file that is not a journal, or whose first pages are damaged, is
 * refused either way.
 */
BkJournal *
bk_journal_open_full (const char          *path,
                      BkJournalOpenFlags   flags,
                      GError             **error)
{
  g_autoptr(BkJournal) self = NULL;
  gboolean existed = FALSE;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_schema_rows = 0;
  gint64 foreign_keys = 0;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare_file (path, &existed, error))
    return NULL;

  self = g_object_new (BK_TYPE_JOURNAL, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK)
    {
      set_open_error (self, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  /* Until the file is accepted, closing must not checkpoint a WAL left over into it. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* Only reads until the file is known to be ours, readable by this version and sound:
   * a file that is refused is never modified. */
  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_schema_rows, error))
    return NULL;

  if (n_schema_rows > 0 && application_id != BK_JOURNAL_APPLICATION_ID)
    {
      set_corrupt_error (path, error);
      return NULL;
    }

  if (user_version > BK_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error,
                   BK_JOURNAL_ERROR,
                   BK_JOURNAL_ERROR_TOO_NEW,
                   _("This journal was written by a newer version of Bridgekeeper (format %d; "
                     "this version reads up to %d). Update Bridgekeeper to open it. The file "
                     "was not changed."),
                   (int) user_version, BK_JOURNAL_SCHEMA_VERSION);
      return NULL;
    }

  if (existed && (flags & BK_JOURNAL_OPEN_DEFER_CHECK) == 0 && !check_integrity (self->db, path, error))
    return NULL;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  if (!(stmt = bk_journal_prepare (self, "PRAGMA journal_mode = WAL", error)))
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_open_error (self, error);
      return NULL;
    }
  if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
    g_debug ("%s is not in WAL mode: %s", path, sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!bk_journal_exec (self, "PRAGMA synchronous = FULL", error) ||
      !bk_journal_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !query_int (self, "PRAGMA foreign_keys", &foreign_keys, error))
    return NULL;

  if (foreign_keys != 1)
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_FAILED,
                           _("This build of SQLite cannot enforce foreign keys."));
      return NULL;
    }

  if (application_id != BK_JOURNAL_APPLICATION_ID &&
      !bk_journal_exec (self, "PRAGMA application_id = 1112230476" /* 0x424B4A4C */, error))
    return NULL;

  if (!migrate (self, (int) user_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bk_journal_set_aside:
 * @path: a journal that could not be opened (and is not open)
 * @new_path: (out) (optional): where it went
 *
 * Renames the journal with its -wal and -shm files to "@path.corrupt-YYYYmmdd-HHMMSS", so that
 * a new journal can start at @path while nothing of the old one is lost.
 */
gboolean
bk_journal_set_aside (const char  *path,
                      char       **new_path,
                      GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  guint moved = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = g_strdup_printf ("%s.corrupt-%s", path, stamp);
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, i);
    }

  /* The -wal first: one left behind next to a new journal could be replayed into it. */
  for (; moved < G_N_ELEMENTS (suffixes); moved++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[moved], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[moved], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        goto failed;
    }

  if (g_rename (path, target) != 0)
    goto failed;

  if (new_path != NULL)
    *new_path = g_steal_pointer (&target);

  return TRUE;

failed:
  {
    int saved_errno = errno;
    g_autofree char *display = g_filename_display_name (path);

    /* put back what moved, so that the journal stays whole */
    while (moved-- > 0)
      {
        g_autofree char *from = g_strconcat (target, suffixes[moved], NULL);
        g_autofree char *to = g_strconcat (path, suffixes[moved], NULL);

        if (g_file_test (from, G_FILE_TEST_EXISTS))
          g_rename (from, to);
      }

    g_set_error (error,
                 BK_JOURNAL_ERROR,
                 BK_JOURNAL_ERROR_FAILED,
                 _("Could not move the journal “%s” aside: %s"),
                 display, g_strerror (saved_errno));
    return FALSE;
  }
}

const char *
bk_journal_get_path (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->path;
}

/* bk-schema.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-schema"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-schema.h"
#include "bk-search-tokenizer.h"

/* "BKJL": tells a Bridgekeeper journal from any other SQLite file. */
#define BK_SCHEMA_APPLICATION_ID 0x424B4A4C

/* How much FTS5 may gather in memory while it indexes many notes at once */
#define BULK_INDEX_HASH_BYTES 33554432

/* Migration N brings the journal from user_version N - 1 to N, in one transaction. Never
 * change one that has shipped: add a new one. */
/* How a new note reaches the search index and the list of words (made by migration 7; see
 * bk_schema_defer_note_indexing()) */
#define NOTES_SEARCH_INSERT_TRIGGER \
  "CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN" \
  "  INSERT INTO search_index (rowid, name, organization, tags, body)" \
  "    VALUES (new.id, '', '', '', new.text);" \
  "  INSERT OR IGNORE INTO search_words (word)" \
  "    SELECT value FROM json_each ((SELECT bk_search_words (new.text)));" \
  "END;"

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
  NOTES_SEARCH_INSERT_TRIGGER
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

  /* 5: a progress note keeps what happened (its event and parameters) instead of a sentence in
   * the language the app ran in; its text is only the person's own words about it. The notes
   * of 0.1 are converted where the runs, steps and check-ins they tell of are still in the
   * journal at the same moment (their English or Russian wording tells which event it was).
   * Those that cannot be placed (a step done again since, or reopened) stay as written. */
  "ALTER TABLE notes ADD COLUMN event TEXT;"
  "ALTER TABLE notes ADD COLUMN event_playbook TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE notes ADD COLUMN event_step TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE notes ADD COLUMN event_reasons INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE notes ADD COLUMN event_outcome TEXT NOT NULL DEFAULT '';"
  "UPDATE notes SET event = 'run-started', event_playbook = runs.playbook,"
  "  event_reasons = runs.reasons, text = ''"
  "  FROM runs"
  "  WHERE notes.kind = 'progress' AND notes.event IS NULL"
  "  AND runs.counterpart_id = notes.counterpart_id AND runs.started = notes.created"
  "  AND (notes.text LIKE 'Started the playbook “%' OR notes.text LIKE 'Начат сценарий «%');"
  "UPDATE notes SET event = 'run-ended', event_playbook = runs.playbook,"
  "  event_outcome = runs.outcome, text = runs.successor"
  "  FROM runs"
  "  WHERE notes.kind = 'progress' AND notes.event IS NULL"
  "  AND runs.counterpart_id = notes.counterpart_id AND runs.ended = notes.created"
  "  AND (notes.text LIKE 'Ended “%' OR notes.text LIKE 'Сценарий «%» завершён%');"
  "UPDATE notes SET event = 'step-' || steps.state, event_playbook = runs.playbook,"
  "  event_step = steps.step, text = steps.note"
  "  FROM run_steps AS steps JOIN runs ON runs.id = steps.run_id"
  "  WHERE notes.kind = 'progress' AND notes.event IS NULL"
  "  AND runs.counterpart_id = notes.counterpart_id AND steps.changed = notes.created"
  "  AND ((steps.state = 'done'"
  "        AND (notes.text LIKE '“%”: done%' OR notes.text LIKE '«%»: выполнено%'))"
  "    OR (steps.state = 'skipped'"
  "        AND (notes.text LIKE '“%”: skipped%' OR notes.text LIKE '«%»: пропущено%')))"
  "  AND (steps.note = '' OR substr (notes.text, -length (steps.note)) = steps.note);"
  "UPDATE notes SET event = 'checkin-done',"
  "  text = CASE WHEN instr (notes.text, ' — ') > 0"
  "         THEN substr (notes.text, instr (notes.text, ' — ') + 3) ELSE '' END"
  "  FROM checkins"
  "  WHERE notes.kind = 'progress' AND notes.event IS NULL"
  "  AND checkins.counterpart_id = notes.counterpart_id AND checkins.done = notes.created"
  "  AND (notes.text LIKE 'Checked in%' OR notes.text LIKE 'Связались%');",

  /* 6: the search index reads words by their stem, with ё as е (see bk-search-tokenizer.h) */
  "DROP TABLE search_index;"
  "CREATE VIRTUAL TABLE search_index USING fts5 ("
  "  name, organization, tags, body,"
  "  content = 'search_documents', content_rowid = 'docid',"
  "  tokenize = '" BK_SEARCH_TOKENIZER "', prefix = '2 3'"
  ");"
  "INSERT INTO search_index (search_index) VALUES ('rebuild');",

  /* 7: the words in the journal, in which a word being typed is looked up as the words it may
   * become (a prefix query of FTS5 reads every match before the first). Words that may have
   * left the journal with a text wait in search_words_unsure for
   * bk_schema_forget_unused_words(). */
  "CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;"
  "CREATE TABLE search_words_unsure (word TEXT PRIMARY KEY) WITHOUT ROWID;"
  "INSERT OR IGNORE INTO search_words (word)"
  "  SELECT value FROM json_each ((SELECT bk_search_words (name, organization, tags)"
  "                                FROM counterparts));"
  "INSERT OR IGNORE INTO search_words (word)"
  "  SELECT value FROM json_each ((SELECT bk_search_words (text) FROM notes));"
  "DROP TRIGGER counterparts_search_insert;"
  "DROP TRIGGER counterparts_search_delete;"
  "DROP TRIGGER counterparts_search_update;"
  "DROP TRIGGER notes_search_insert;"
  "DROP TRIGGER notes_search_delete;"
  "DROP TRIGGER notes_search_update;"
  "CREATE TRIGGER counterparts_search_insert AFTER INSERT ON counterparts BEGIN"
  "  INSERT INTO search_index (rowid, name, organization, tags, body)"
  "    VALUES (new.id, new.name, new.organization, new.tags, '');"
  "  INSERT OR IGNORE INTO search_words (word)"
  "    SELECT value FROM json_each ((SELECT bk_search_words (new.name, new.organization, new.tags)));"
  "END;"
  "CREATE TRIGGER counterparts_search_delete AFTER DELETE ON counterparts BEGIN"
  "  INSERT INTO search_index (search_index, rowid, name, organization, tags, body)"
  "    VALUES ('delete', old.id, old.name, old.organization, old.tags, '');"
  "  INSERT OR IGNORE INTO search_words_unsure (word)"
  "    SELECT value FROM json_each ((SELECT bk_search_words (old.name, old.organization, old.tags)));"
  "END;"
  "CREATE TRIGGER counterparts_search_update AFTER UPDATE OF name, organization, tags"
  "  ON counterparts BEGIN"
  "  INSERT INTO search_index (search_index, rowid, name, organization, tags, body)"
  "    VALUES ('delete', old.id, old.name, old.organization, old.tags, '');"
  "  INSERT INTO search_index (rowid, name, organization, tags, body)"
  "    VALUES (new.id, new.name, new.organization, new.tags, '');"
  "  INSERT OR IGNORE INTO search_words_unsure (word)"
  "    SELECT value FROM json_each ((SELECT bk_search_words (old.name, old.organization, old.tags)));"
  "  INSERT OR IGNORE INTO search_words (word)"
  "    SELECT value FROM json_each ((SELECT bk_search_words (new.name, new.organization, new.tags)));"
  "END;"
  NOTES_SEARCH_INSERT_TRIGGER
  "CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN"
  "  INSERT INTO search_index (search_index, rowid, name, organization, tags, body)"
  "    VALUES ('delete', old.id, '', '', '', old.text);"
  "  INSERT OR IGNORE INTO search_words_unsure (word)"
  "    SELECT value FROM json_each ((SELECT bk_search_words (old.text)));"
  "END;"
  "CREATE TRIGGER notes_search_update AFTER UPDATE OF text ON notes BEGIN"
  "  INSERT INTO search_index (search_index, rowid, name, organization, tags, body)"
  "    VALUES ('delete', old.id, '', '', '', old.text);"
  "  INSERT INTO search_index (rowid, name, organization, tags, body)"
  "    VALUES (new.id, '', '', '', new.text);"
  "  INSERT OR IGNORE INTO search_words_unsure (word)"
  "    SELECT value FROM json_each ((SELECT bk_search_words (old.text)));"
  "  INSERT OR IGNORE INTO search_words (word)"
  "    SELECT value FROM json_each ((SELECT bk_search_words (new.text)));"
  "END;",
  /* 8: who referred a counterpart (another one, or a name), and how often to stay in touch:
   * a call, meeting or email resets it; touch_notified is when the person was last told that
   * the counterpart is losing touch */
  "ALTER TABLE counterparts ADD COLUMN referred_by_id INTEGER"
  "  REFERENCES counterparts (id) ON DELETE SET NULL;"
  "ALTER TABLE counterparts ADD COLUMN referred_by TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE counterparts ADD COLUMN keep_in_touch_days INTEGER NOT NULL DEFAULT 0"
  "  CHECK (keep_in_touch_days BETWEEN 0 AND 3650);"
  "ALTER TABLE counterparts ADD COLUMN touch_notified INTEGER;"
  "CREATE INDEX counterparts_by_referrer ON counterparts (referred_by_id) WHERE referred_by_id IS NOT NULL;"
  "CREATE INDEX counterparts_keeping_in_touch ON counterparts (keep_in_touch_days)"
  "  WHERE keep_in_touch_days > 0;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BK_SCHEMA_VERSION);

/* How one store reads what another owns, without naming its tables: temporary views, made anew
 * on each connection (they are no part of the file's format). */
static const char views[] =
  /* the counterparts in the journal, not in the trash */
  "CREATE TEMP VIEW live_counterparts (id, name, kind, status, referred_by_id) AS"
  "  SELECT id, name, kind, status, referred_by_id FROM counterparts WHERE trashed = 0;"
  /* the times each counterpart was in touch: its calls, meetings and emails (read one
   * counterpart's at a time, through the notes' index by counterpart) */
  "CREATE TEMP VIEW contacts (counterpart_id, created) AS"
  "  SELECT counterpart_id, created FROM notes"
  "  WHERE trashed = 0 AND kind IN ('call', 'meeting', 'email');"
  /* the notes in the journal, not in the trash, and whose they are */
  "CREATE TEMP VIEW live_note_owners (id, counterpart_id) AS"
  "  SELECT id, counterpart_id FROM notes WHERE trashed = 0;"
  /* each counterpart's run in progress (one at most): its playbook, the steps settled, and the
   * step ids it counts */
  "CREATE TEMP VIEW active_run_progress (counterpart_id, playbook, n_settled, step_ids) AS"
  "  SELECT counterpart_id, playbook,"
  "         (SELECT count(*) FROM run_steps WHERE run_steps.run_id = runs.id), step_ids"
  "  FROM runs WHERE ended IS NULL;";

static void
set_corrupt_error (const char  *path,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error,
               BK_DATABASE_ERROR,
               BK_DATABASE_ERROR_CORRUPT,
               _("“%s” is damaged or is not a Bridgekeeper journal."),
               display);
}

/* Reports the error of a statement run while opening: damage and foreign files get the message
 * that offers to set the file aside, anything else (a lock, a read-only disk) says what failed. */
static gboolean
set_open_error (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  int code = sqlite3_extended_errcode (db) & 0xff;

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    {
      set_corrupt_error (path, error);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error,
                   BK_DATABASE_ERROR,
                   BK_DATABASE_ERROR_FAILED,
                   _("Could not open the journal “%s”: %s"),
                   display, sqlite3_errmsg (db));
    }

  return FALSE;
}

/* Whether the person means @path to be written: for their own file or folder, its owner's
 * write permission says so (whoever they are, root included); for another's, whether they may */
static gboolean
is_writable (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  if (st.st_uid == getuid ())
    return (st.st_mode & S_IWUSR) != 0;

  return g_access (path, W_OK) == 0;
}

/**
 * bk_schema_is_journal_writable:
 * @path: a journal file that exists
 *
 * Whether the journal may be written as the person set it: the file, and its folder (where
 * SQLite makes its -wal and -shm files). One that may not is opened read-only.
 */
gboolean
bk_schema_is_journal_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return is_writable (path) && is_writable (dir);
}

/* A connection that only reads. Of a journal that is not writable (the file or its folder),
 * without a log to read, nothing at all is made beside it (no -shm either): it is opened
 * immutable. A log left by a journal made read-only after a crash needs SQLite's shared memory. */
static sqlite3 *
open_for_reading (const char  *path,
                  GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  GStatBuf st;

  if (!(file_uri = g_filename_to_uri (path, NULL, error)))
    return NULL;

  if (bk_schema_is_journal_writable (path))
    uri = g_strconcat (file_uri, "?mode=ro", NULL);
  else if (g_lstat (wal, &st) != 0 || st.st_size == 0)
    uri = g_strconcat (file_uri, "?immutable=1", NULL);
  else
    uri = g_strconcat (file_uri, "?mode=ro", NULL);

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      set_open_error (db, path, error);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return set_open_error (db, path, error);

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

      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
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

/**
 * bk_schema_check_integrity:
 * @path: a journal
 *
 * Checks, on a read-only connection of its own, that the journal is sound (what
 * bk_schema_open() does before it returns, unless asked to leave it for later): a damaged
 * journal fails with %BK_DATABASE_ERROR_CORRUPT. Reads every page: run it on a thread.
 */
gboolean
bk_schema_check_integrity (const char  *path,
                           GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A connection of its own, read-only: the journal's stays free for the person. */
  if ((db = open_for_reading (path, error)))
    {
      sqlite3_extended_result_codes (db, TRUE);
      sqlite3_busy_timeout (db, 5000);
      ok = bk_search_tokenizer_register (db, error) && check_integrity (db, path, error);
    }

  sqlite3_close (db);

  return ok;
}

/* Runs one migration and records its version, in one transaction. */
static gboolean
run_migration (BkDatabase  *self,
               int          version,
               GError     **error)
{
  /* PRAGMA takes no parameters; the number is our own. */
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!bk_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!bk_database_exec (self, migrations[version - 1], error) ||
      !bk_database_exec (self, set_version, error) ||
      !bk_database_exec (self, "COMMIT", error))
    {
      sqlite3_exec (bk_database_get_handle (self), "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (BkDatabase  *self,
         int          from_version,
         GError     **error)
{
  for (int version = from_version + 1; version <= BK_SCHEMA_VERSION; version++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!run_migration (self, version, &local_error))
        {
          g_autofree char *display = g_filename_display_name (bk_database_get_path (self));

          g_set_error (error,
                       BK_DATABASE_ERROR,
                       BK_DATABASE_ERROR_FAILED,
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
              gboolean    *read_only,
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
                       BK_DATABASE_ERROR,
                       BK_DATABASE_ERROR_FAILED,
                       _("Could not create the folder “%s”: %s"),
                       display, g_strerror (saved_errno));
          return FALSE;
        }

      /* the umask may have taken bits away; it must not have added any */
      g_chmod (dir, 0700);
    }

  /* the app's own data folder, there already, is made private too (it may have been made
   * open to all); a folder a journal was put in by hand is the person's business */
  else
    {
      g_autofree char *dir_name = g_path_get_basename (dir);

      /* (what the person may do in it stays as they set it: a folder made read-only is so) */
      if (g_str_equal (dir_name, DATA_FOLDER) && g_stat (dir, &st) == 0 && (st.st_mode & 077) != 0 &&
          g_chmod (dir, st.st_mode & 0700) != 0)
        g_debug ("Could not make %s private: %s", dir, g_strerror (errno));
    }

  /* What is at the journal's place is looked at, not followed: a link, a folder or someone
   * else's file is refused and left exactly as it is. */
  if (g_lstat (path, &st) == 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      if (S_ISLNK (st.st_mode))
        {
          g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                       _("“%s” is a link, not a journal. Bridgekeeper does not follow links to "
                         "its journal: put the journal file itself there, or remove the link to "
                         "start a new journal."),
                       display);
          return FALSE;
        }

      if (!S_ISREG (st.st_mode) || st.st_uid != getuid ())
        {
          g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                       _("“%s” is not a journal file of yours. Move it elsewhere to start a new "
                         "journal; Bridgekeeper has not changed it."),
                       display);
          return FALSE;
        }

      *existed = st.st_size > 0;

      /* A journal made read-only, or in a folder where its -wal and -shm files cannot be
       * made, is opened read-only and left so: it can be read, searched and exported. */
      *read_only = !bk_schema_is_journal_writable (path);
      if (*read_only)
        return TRUE;

      /* a journal holds private notes: whatever others could do with it, they cannot now */
      if ((st.st_mode & 077) != 0 && g_chmod (path, st.st_mode & 0700) != 0)
        g_debug ("Could not make %s private: %s", path, g_strerror (errno));
    }
  else
    {
      /* Created here rather than by SQLite, so that its -wal and -shm files inherit 0600. */
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error,
                       BK_DATABASE_ERROR,
                       BK_DATABASE_ERROR_FAILED,
                       _("Could not create the journal “%s”: %s"),
                       display, g_strerror (saved_errno));
          return FALSE;
        }

      close (fd);
      *existed = FALSE;
      *read_only = FALSE;
    }

  return TRUE;
}

/* A database on open_for_reading()'s connection, set up as every connection of the app is */
static BkDatabase *
new_reading_database (const char  *path,
                      GError     **error)
{
  g_autoptr(BkDatabase) self = NULL;
  sqlite3 *db;

  if (!(db = open_for_reading (path, error)))
    return NULL;

  self = bk_database_new (path, db);
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);
  if (!bk_search_tokenizer_register (db, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
set_too_new_error (gint64   user_version,
                   GError **error)
{
  g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_TOO_NEW,
               _("This journal was written by a newer version of Bridgekeeper (format %d; "
                 "this version reads up to %d). Update Bridgekeeper to open it. The file "
                 "was not changed."),
               (int) user_version, BK_SCHEMA_VERSION);
}

/* A journal that is not writable, opened so: it is checked as any other, but not upgraded
 * (that would write), and its connection never writes. */
static BkDatabase *
open_read_only_journal (const char  *path,
                        gboolean     check_first,
                        GError     **error)
{
  g_autoptr(BkDatabase) self = NULL;
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *db;
  gint64 application_id = 0;
  gint64 user_version = 0;

  if (!(self = new_reading_database (path, error)))
    return NULL;

  db = bk_database_get_handle (self);
  if (!query_int (db, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, path, "PRAGMA user_version", &user_version, error))
    return NULL;

  if (application_id != BK_SCHEMA_APPLICATION_ID)
    {
      set_corrupt_error (path, error);
      return NULL;
    }

  if (user_version > BK_SCHEMA_VERSION)
    {
      set_too_new_error (user_version, error);
      return NULL;
    }

  if (user_version < BK_SCHEMA_VERSION)
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_READ_ONLY,
                   _("The journal “%s” is read-only, and it was written by an earlier version "
                     "of Bridgekeeper: this version would have to bring it up to date, which "
                     "writes to it. Make it writable (chmod u+w) to open it; it was not "
                     "changed."),
                   display);
      return NULL;
    }

  if (check_first && !check_integrity (db, path, error))
    return NULL;

  if (!bk_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !bk_database_exec (self, views, error) ||
      !bk_database_exec (self, "PRAGMA query_only = ON", error))
    return NULL;

  bk_database_set_read_only (self);
  g_debug ("%s is read-only: opened read-only", path);

  return g_steal_pointer (&self);
}

static BkDatabase *
open_journal (const char  *path,
              gboolean     check_first,
              GError     **error)
{
  g_autoptr(BkDatabase) self = NULL;
  sqlite3 *db = NULL;
  gboolean existed = FALSE;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_schema_rows = 0;
  gint64 foreign_keys = 0;
  gboolean read_only = FALSE;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!prepare_file (path, &existed, &read_only, error))
    return NULL;

  if (read_only)
    return open_read_only_journal (path, check_first, error);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      set_open_error (db, path, error);
      sqlite3_close (db);
      return NULL;
    }

  self = bk_database_new (path, db);

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);
  if (!bk_search_tokenizer_register (db, error))
    return NULL;
  /* Until the file is accepted, closing must not checkpoint a WAL left over into it. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* Only reads until the file is known to be ours, readable by this version and sound:
   * a file that is refused is never modified. */
  if (!query_int (db, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, path, "PRAGMA user_version", &user_version, error) ||
      !query_int (db, path, "SELECT count(*) FROM sqlite_schema", &n_schema_rows, error))
    return NULL;

  if (n_schema_rows > 0 && application_id != BK_SCHEMA_APPLICATION_ID)
    {
      set_corrupt_error (path, error);
      return NULL;
    }

  if (user_version > BK_SCHEMA_VERSION)
    {
      set_too_new_error (user_version, error);
      return NULL;
    }

  if (existed && check_first && !check_integrity (db, path, error))
    return NULL;

  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  if (!(stmt = bk_database_prepare (self, "PRAGMA journal_mode = WAL", error)))
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_open_error (db, path, error);
      return NULL;
    }
  if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
    g_debug ("%s is not in WAL mode: %s", path, sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!bk_database_exec (self, "PRAGMA synchronous = FULL", error) ||
      !bk_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !query_int (db, path, "PRAGMA foreign_keys", &foreign_keys, error))
    return NULL;

  if (foreign_keys != 1)
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_FAILED,
                           _("This build of SQLite cannot enforce foreign keys."));
      return NULL;
    }

  if (application_id != BK_SCHEMA_APPLICATION_ID &&
      !bk_database_exec (self, "PRAGMA application_id = 1112230476" /* 0x424B4A4C */, error))
    return NULL;

  if (!migrate (self, (int) user_version, error))
    return NULL;

  if (!bk_database_exec (self, views, error) ||
      !bk_schema_forget_unused_words (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bk_schema_keep_foreign_log_aside:
 * @path: a journal, not open
 *
 * A write-ahead log beside the journal that is none (not SQLite's header: another program's
 * file, or garbage) is renamed "-wal.corrupt-YYYYmmdd-HHMMSS": SQLite would delete it. One
 * whose frames are torn is a log still, and SQLite recovers what it can of it. Opening a
 * journal does this first.
 *
 * Returns: (nullable): where such a file went, or %NULL when there was none
 */
char *
bk_schema_keep_foreign_log_aside (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guchar header[8];
  gboolean is_log;
  GStatBuf st;
  int fd;

  if (g_lstat (wal, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size == 0)
    return NULL;

  if ((fd = g_open (wal, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return NULL;
  is_log = st.st_size >= 32 && read (fd, header, sizeof header) == sizeof header &&
           /* magic 0x377f0682 or 0x377f0683, then format 3007000, big-endian */
           header[0] == 0x37 && header[1] == 0x7f && header[2] == 0x06 &&
           (header[3] == 0x82 || header[3] == 0x83) &&
           header[4] == 0x00 && header[5] == 0x2d && header[6] == 0xe2 && header[7] == 0x18;
  close (fd);

  if (!is_log)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *target = g_strdup_printf ("%s.corrupt-%s", wal, stamp);

      for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
        {
          g_free (target);
          target = g_strdup_printf ("%s.corrupt-%s-%u", wal, stamp, i);
        }
      if (g_rename (wal, target) == 0)
        {
          g_message ("“%s” was no write-ahead log of the journal: kept as “%s”", wal, target);
          return g_steal_pointer (&target);
        }
    }

  return NULL;
}

/* The -wal and -shm files beside @path that an open made and a refusal leaves: empty, and
 * not there before */
static void
remove_new_sidecars (const char *path,
                     gboolean    had_wal,
                     gboolean    had_shm)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf st;

  if (!had_wal && g_lstat (wal, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    g_unlink (wal);
  if (!had_shm && !g_file_test (wal, G_FILE_TEST_EXISTS))
    g_unlink (shm);
}

/**
 * bk_schema_open:
 * @path: the journal file; it and its folder are created when missing
 * @check_first: whether to read every page first; %FALSE leaves that to
 *   bk_schema_check_integrity(), so that a big journal opens at once
 *
 * Opens a journal, upgrading it to the current format. A journal written by a newer version
 * fails with %BK_DATABASE_ERROR_TOO_NEW, a damaged or foreign file with
 * %BK_DATABASE_ERROR_CORRUPT; either way the file is left exactly as it was. A file that is not
 * a journal, or whose first pages are damaged, is refused even without @check_first.
 */
BkDatabase *
bk_schema_open (const char  *path,
                gboolean     check_first,
                GError     **error)
{
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  gboolean had_wal;
  gboolean had_shm;
  BkDatabase *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_free (bk_schema_keep_foreign_log_aside (path));

  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);

  /* a refused journal is left exactly as it was: without new files beside it either */
  if (!(self = open_journal (path, check_first, error)))
    remove_new_sidecars (path, had_wal, had_shm);

  return self;
}

/**
 * bk_schema_open_read_only:
 * @path: a journal open already on another connection
 *
 * A connection that only reads, for work off the main thread (a search): it never writes, so
 * it never waits for the journal's writes nor makes them wait. A journal not of this version
 * (not opened, so not migrated, by this build) is refused.
 */
BkDatabase *
bk_schema_open_read_only (const char  *path,
                          GError     **error)
{
  g_autoptr(BkDatabase) self = NULL;
  sqlite3 *db;
  gint64 user_version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(self = new_reading_database (path, error)))
    return NULL;

  db = bk_database_get_handle (self);
  if (!query_int (db, path, "PRAGMA user_version", &user_version, error))
    return NULL;

  if (user_version != BK_SCHEMA_VERSION)
    {
      set_corrupt_error (path, error);
      return NULL;
    }

  if (!bk_database_exec (self, views, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bk_schema_set_aside:
 * @path: a journal that could not be opened (and is not open)
 * @new_path: (out) (optional): where it went
 *
 * Renames the journal with its -wal and -shm files to "@path.corrupt-YYYYmmdd-HHMMSS", so that
 * a new journal can start at @path while nothing of the old one is lost.
 */
gboolean
bk_schema_set_aside (const char  *path,
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
                 BK_DATABASE_ERROR,
                 BK_DATABASE_ERROR_FAILED,
                 _("Could not move the journal “%s” aside: %s"),
                 display, g_strerror (saved_errno));
    return FALSE;
  }
}


/**
 * bk_schema_defer_note_indexing:
 * @mark: (out): the newest note's id so far
 *
 * For many notes written in one transaction (an import): from now on new notes are not
 * indexed one by one, but all at once by bk_schema_index_deferred_notes() before the
 * transaction ends (four times faster for 200,000 notes). Should the transaction roll back,
 * the index stays as it was.
 */
gboolean
bk_schema_defer_note_indexing (BkDatabase  *database,
                               gint64      *mark,
                               GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (database), FALSE);

  if (!(stmt = bk_database_prepare_cached (database, "SELECT coalesce (max (id), 0) FROM notes", error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return bk_database_set_error (database, error);
  *mark = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, bk_cached_statement_release);

  return bk_database_exec (database, "DROP TRIGGER notes_search_insert", error);
}


/* Runs @sql, its ?1 bound to @mark (the notes after it are the import's) */
static gboolean
exec_after_mark (BkDatabase  *database,
                 const char  *sql,
                 gint64       mark,
                 GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  if (!(stmt = bk_database_prepare_cached (database, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mark);

  return bk_database_step_done (database, stmt, error);
}

/* Indexes the notes written since bk_schema_defer_note_indexing() gave @mark, and their
 * words, in one statement each, and indexes new notes one by one again. */
gboolean
bk_schema_index_deferred_notes (BkDatabase  *database,
                                gint64       mark,
                                GError     **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (database), FALSE);

  /* FTS5 gathers this much in memory before it writes a segment: fewer, larger segments to
   * merge (a fifth less time for 200,000 notes). Set back to its default after. */
  if (!bk_database_exec (database,
                         "INSERT INTO search_index (search_index, rank)"
                         " VALUES ('hashsize', " G_STRINGIFY (BULK_INDEX_HASH_BYTES) ")",
                         error))
    return FALSE;

  if (!exec_after_mark (database,
                        "INSERT INTO search_index (rowid, name, organization, tags, body)"
                        " SELECT id, '', '', '', text FROM notes WHERE id > ?1",
                        mark, error))
    return FALSE;

  if (!bk_database_exec (database,
                         "INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 1048576)",
                         error))
    return FALSE;

  if (!exec_after_mark (database,
                        "INSERT OR IGNORE INTO search_words (word)"
                        " SELECT value FROM json_each"
                        "  ((SELECT bk_search_words (text) FROM notes WHERE id > ?1))",
                        mark, error))
    return FALSE;

  return bk_database_exec (database, NOTES_SEARCH_INSERT_TRIGGER, error);
}

/**
 * bk_schema_find_words:
 * @word: a word, folded as the index reads it (see bk_schema_fold_word())
 * @limit: the most words to return
 *
 * The words in the journal that begin with @word (itself included), in order: what a word being
 * typed may become.
 *
 * Returns: (transfer full) (element-type utf8): the words, or %NULL when the journal fails
 */
GPtrArray *
bk_schema_find_words (BkDatabase  *database,
                      const char  *word,
                      guint        limit,
                      GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) words = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  /* U+10FFFF sorts after every character that can follow the prefix */
  if (!(stmt = bk_database_prepare_cached (database,
                                           "SELECT word FROM search_words"
                                           " WHERE word >= ?1 AND word < ?1 || char (1114111)"
                                           " ORDER BY word LIMIT ?2",
                                           error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);

  words = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (words, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      bk_database_set_error (database, error);
      return NULL;
    }

  return g_steal_pointer (&words);
}

/**
 * bk_schema_fold_word:
 * @text: what a person typed as one word
 *
 * @text as the index reads a word before it stems it (case and accents folded, ё as е).
 *
 * Returns: (transfer full) (nullable): the word, or %NULL when @text is no word or more than one
 *   ("e-mail"), or the journal fails (@error set)
 */
char *
bk_schema_fold_word (BkDatabase  *database,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autofree char *word = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!(stmt = bk_database_prepare_cached (database,
                                           "SELECT value FROM json_each ((SELECT bk_search_words (?1)))"
                                           " LIMIT 2",
                                           error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      word = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      bk_database_set_error (database, error);
      return NULL;
    }

  return g_steal_pointer (&word);
}

/**
 * bk_schema_forget_unused_words:
 *
 * Takes out of the list of words those that left the journal with a text deleted or changed
 * since: the words of deleted notes are not kept.
 */
gboolean
bk_schema_forget_unused_words (BkDatabase  *database,
                               GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (database), FALSE);

  /* nothing to write (so no waiting for another writer) in the usual case */
  if (!(stmt = bk_database_prepare_cached (database,
                                           "SELECT 1 FROM search_words_unsure LIMIT 1",
                                           error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return bk_database_set_error (database, error);
  g_clear_pointer (&stmt, bk_cached_statement_release);

  /* A word stays while any text has a word of its stem */
  return bk_database_exec (database,
                           "DELETE FROM search_words"
                           " WHERE word IN (SELECT word FROM search_words_unsure)"
                           " AND NOT EXISTS (SELECT 1 FROM search_index"
                           "                 WHERE search_index MATCH '\"' || search_words.word || '\"');"
                           "DELETE FROM search_words_unsure;",
                           error);
}

/**
 * bk_schema_copy:
 * @path: a journal, open or not
 * @dest_path: where the copy goes: a new file, made readable by its owner alone
 *
 * Copies the journal as it stands at one moment, while it may be written to meanwhile (a
 * read-only connection of its own, SQLite's online backup). The copy keeps no write-ahead log
 * beside it. Reads the whole file: run it on a thread.
 */
gboolean
bk_schema_copy (const char  *path,
                const char  *dest_path,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int fd;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if ((fd = g_open (dest_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;
      g_autofree char *dest_display = g_filename_display_name (dest_path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), dest_display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!(source = open_for_reading (path, error)))
    goto out;
  if (sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                   _("Could not copy the journal “%s”: %s"), display, sqlite3_errmsg (dest));
      goto out;
    }
  sqlite3_busy_timeout (source, 5000);

  /* one step: the whole file from one snapshot, whatever is written meanwhile */
  if (!(backup = sqlite3_backup_init (dest, "main", source, "main")))
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                   _("Could not copy the journal “%s”: %s"), display, sqlite3_errmsg (dest));
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE ||
      sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                   _("Could not copy the journal “%s”: %s"), display,
                   rc != SQLITE_DONE ? sqlite3_errstr (rc) : sqlite3_errmsg (dest));
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_close (source);
  sqlite3_close (dest);
  if (!ok)
    g_unlink (dest_path);

  return ok;
}

/**
 * bk_schema_inspect:
 * @path: a journal that no connection writes to (a backup)
 * @check: whether to check every page and index too (PRAGMA integrity_check)
 * @facts: (out caller-allocates): what it holds
 *
 * Checks that a file is a Bridgekeeper journal (and, when asked, that it is sound), and counts
 * what it holds. A damaged or foreign file fails with
 * %BK_DATABASE_ERROR_CORRUPT. Reads the whole file: run it on a thread.
 */
gboolean
bk_schema_inspect (const char         *path,
                   gboolean            check,
                   BkJournalFacts     *facts,
                   GError            **error)
{
  g_autofree char *uri = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gint64 application_id = 0;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  memset (facts, 0, sizeof *facts);

  /* immutable: nothing beside the file is read or made (no -wal, no -shm) */
  if (!(uri = g_filename_to_uri (path, NULL, error)))
    return FALSE;
  {
    g_autofree char *with_mode = g_strconcat (uri, "?immutable=1", NULL);

    if (sqlite3_open_v2 (with_mode, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
      {
        set_open_error (db, path, error);
        goto out;
      }
  }
  sqlite3_extended_result_codes (db, TRUE);

  if (!bk_search_tokenizer_register (db, error) ||
      !query_int (db, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, path, "PRAGMA user_version", &facts->version, error))
    goto out;

  if (application_id != BK_SCHEMA_APPLICATION_ID || facts->version < 1)
    {
      set_corrupt_error (path, error);
      goto out;
    }

  if (check &&
      ((rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check (1)", -1, &stmt, NULL)) != SQLITE_OK ||
       (rc = sqlite3_step (stmt)) != SQLITE_ROW ||
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0))
    {
      set_corrupt_error (path, error);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!query_int (db, path, "SELECT count(*) FROM counterparts WHERE trashed = 0",
                  &facts->n_counterparts, error) ||
      !query_int (db, path, "SELECT count(*) FROM notes WHERE trashed = 0", &facts->n_notes, error))
    goto out;

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  return ok;
}

/**
 * bk_schema_read_version:
 * @path: a journal
 *
 * Returns: the format the journal is written in (PRAGMA user_version), 0 for a new or empty
 *   file, or -1 when it cannot be read
 */
gint64
bk_schema_read_version (const char *path)
{
  sqlite3 *db = NULL;
  gint64 version = -1;

  g_return_val_if_fail (path != NULL, -1);

  g_autofree char *wal = NULL;
  g_autofree char *uri = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return 0;

  /* (before any connection: SQLite would delete it) */
  g_free (bk_schema_keep_foreign_log_aside (path));

  /* With no log beside it, the file says it all: read as immutable, which makes no -wal or
   * -shm beside it (a journal refused after this must be left as it was) */
  wal = g_strconcat (path, "-wal", NULL);
  if (!g_file_test (wal, G_FILE_TEST_EXISTS) && (uri = g_filename_to_uri (path, NULL, NULL)))
    {
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      if (sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK)
        query_int (db, path, "PRAGMA user_version", &version, NULL);
    }
  else if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      query_int (db, path, "PRAGMA user_version", &version, NULL);
    }
  sqlite3_close (db);

  return version;
}

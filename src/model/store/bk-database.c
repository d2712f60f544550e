/* bk-database.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-database"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-database.h"

/* One change waiting for the outermost commit */
typedef struct
{
  gpointer emitter;
  guint    signal_id;
  BkChange change;
  gint64   id;
  gint64   counterpart_id;
  /* a change undone within the transaction (added, then removed) */
  gboolean dropped;
} PendingChange;

struct _BkDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  /* opened read-only (bk_schema_open() on a read-only file): every write is refused */
  gboolean    read_only;
  /* SQL text → sqlite3_stmt, see bk_database_prepare_cached() */
  GHashTable *statements;

  /* SAVEPOINT nesting, and the changes that wait for the outermost commit: PendingChange in
   * order, and (emitter, id) → its index in that array */
  guint       depth;
  /* pending->len when each open savepoint began */
  GArray     *marks;
  GArray     *pending;
  GHashTable *pending_index;

  /* see bk_database_hold_writes() */
  guint       writes_held;
};

G_DEFINE_FINAL_TYPE (BkDatabase, bk_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (bk-database-error-quark, bk_database_error)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  FLUSHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
bk_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkDatabase *self = BK_DATABASE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, bk_database_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
bk_database_dispose (GObject *object)
{
  BkDatabase *self = (BkDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);

  G_OBJECT_CLASS (bk_database_parent_class)->dispose (object);
}

static void
bk_database_finalize (GObject *object)
{
  BkDatabase *self = (BkDatabase *) object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->pending_index, g_hash_table_unref);

  G_OBJECT_CLASS (bk_database_parent_class)->finalize (object);
}

static void
bk_database_class_init (BkDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_database_dispose;
  object_class->finalize = bk_database_finalize;
  object_class->get_property = bk_database_get_property;

  /**
   * BkDatabase:busy:
   *
   * Whether writes are refused for now: another connection is in a long write (see
   * bk_database_hold_writes()).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkDatabase::flushed:
   *
   * Every change of a write has been told (see bk_database_queue_change()): for whoever
   * gathers them to act once.
   */
  signals[FLUSHED] =
    g_signal_new ("flushed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

/* The key of a pending change: its emitter, its row, and whose the row is (a note that moved
 * to another counterpart is gone from one and new in the other) */
typedef struct
{
  gpointer emitter;
  gint64   id;
  gint64   counterpart_id;
} PendingKey;

static guint
pending_key_hash (gconstpointer data)
{
  const PendingKey *key = data;
  /* Fibonacci hashing: note ids (2^40 + n) and counterpart ids would cancel out in a XOR of
   * their own hashes, and an import's 200,000 changes then crowd a few buckets. */
  const guint64 golden = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint64 hash = (guint64) GPOINTER_TO_SIZE (key->emitter);

  hash = (hash * golden) ^ (guint64) key->id;
  hash = (hash * golden) ^ (guint64) key->counterpart_id;
  hash *= golden;

  return (guint) (hash >> 32);
}

static gboolean
pending_key_equal (gconstpointer a,
                   gconstpointer b)
{
  const PendingKey *key_a = a;
  const PendingKey *key_b = b;

  return key_a->emitter == key_b->emitter && key_a->id == key_b->id &&
         key_a->counterpart_id == key_b->counterpart_id;
}

static void
bk_database_init (BkDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->pending_index = g_hash_table_new_full (pending_key_hash, pending_key_equal, g_free, NULL);
}

BkDatabase *
bk_database_new (const char *path,
                 sqlite3    *db)
{
  BkDatabase *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (BK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->db = db;

  return self;
}

/* Marks a database opened read-only (the journal file or its folder is not writable): writes
 * fail at once with %BK_DATABASE_ERROR_READ_ONLY */
void
bk_database_set_read_only (BkDatabase *self)
{
  g_return_if_fail (BK_IS_DATABASE (self));

  self->read_only = TRUE;
}

gboolean
bk_database_is_read_only (BkDatabase *self)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  return self->read_only;
}

const char *
bk_database_get_path (BkDatabase *self)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
bk_database_get_handle (BkDatabase *self)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  return self->db;
}

static void
set_read_only_error (GError **error)
{
  g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_READ_ONLY,
                       _("The journal is read-only: its file or its folder may not be written, "
                         "so nothing in it can be changed. To work in it, make both writable "
                         "(chmod u+w) and open Bridgekeeper again."));
}

static int
error_code_for_db (sqlite3 *db)
{
  switch (sqlite3_extended_errcode (db) & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return BK_DATABASE_ERROR_CORRUPT;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return BK_DATABASE_ERROR_INVALID;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return BK_DATABASE_ERROR_BUSY;
    case SQLITE_READONLY:
      return BK_DATABASE_ERROR_READ_ONLY;
    default:
      return BK_DATABASE_ERROR_FAILED;
    }
}

gboolean
bk_database_set_error (BkDatabase  *self,
                       GError     **error)
{
  int code;

  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  code = error_code_for_db (self->db);

  /* another program holds the journal for longer than this connection waits: said so, not
   * as SQLite says it ("database is locked") */
  if (code == BK_DATABASE_ERROR_READ_ONLY)
    set_read_only_error (error);
  else if (code == BK_DATABASE_ERROR_BUSY)
    g_set_error_literal (error, BK_DATABASE_ERROR, code,
                         _("The journal is busy: another Bridgekeeper is writing to it (an "
                           "import, perhaps). Try again when it is done."));
  else
    g_set_error_literal (error, BK_DATABASE_ERROR, code, sqlite3_errmsg (self->db));

  return FALSE;
}

/* A number that changes whenever another connection (another program, or this one's own
 * import) commits to the journal: what was read before may be out of date */
gint64
bk_database_get_data_version (BkDatabase *self)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  gint64 version = -1;

  g_return_val_if_fail (BK_IS_DATABASE (self), -1);

  if ((stmt = bk_database_prepare_cached (self, "PRAGMA data_version", NULL)) &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);

  return version;
}

/* How long a write waits for another program's to end before it fails with
 * %BK_DATABASE_ERROR_BUSY: briefly in a window (it must not freeze), long on the command line
 * (writers there wait their turn) */
void
bk_database_set_busy_timeout (BkDatabase *self,
                              int         msec)
{
  g_return_if_fail (BK_IS_DATABASE (self));

  sqlite3_busy_timeout (self->db, msec);
}

static sqlite3_stmt *
prepare (BkDatabase    *self,
         const char    *sql,
         unsigned int   flags,
         GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (self->db, sql, -1, flags, &stmt, NULL) != SQLITE_OK)
    {
      bk_database_set_error (self, error);
      return NULL;
    }

  return stmt;
}

sqlite3_stmt *
bk_database_prepare (BkDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return prepare (self, sql, 0, error);
}

BkCachedStatement *
bk_database_prepare_cached (BkDatabase  *self,
                            const char  *sql,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);
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
bk_database_exec (BkDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return bk_database_set_error (self, error);

  return TRUE;
}

/* A write to a read-only journal, or outside a transaction while writes are held (within one,
 * bk_database_begin() has refused already): refused at once rather than left to wait for
 * SQLite's lock */
gboolean
bk_database_check_writable (BkDatabase  *self,
                            GError     **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      set_read_only_error (error);
      return FALSE;
    }

  if (self->depth > 0 || self->writes_held == 0)
    return TRUE;

  g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_BUSY,
                       _("The journal is busy with an import. Try again when it is done."));
  return FALSE;
}

gboolean
bk_database_step_done (BkDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  if (!bk_database_check_writable (self, error))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return bk_database_set_error (self, error);

  return TRUE;
}

gboolean
bk_database_step_save (BkDatabase    *self,
                       sqlite3_stmt  *stmt,
                       gint64        *id,
                       const char    *not_found,
                       GError       **error)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (!bk_database_step_done (self, stmt, error))
    return FALSE;

  if (*id == 0)
    {
      *id = sqlite3_last_insert_rowid (self->db);
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }

  return TRUE;
}

gboolean
bk_database_step_returning_counterpart (BkDatabase    *self,
                                        sqlite3_stmt  *stmt,
                                        gint64        *counterpart_id,
                                        const char    *not_found,
                                        GError       **error)
{
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (counterpart_id != NULL, FALSE);

  *counterpart_id = 0;
  if (!bk_database_check_writable (self, error))
    return FALSE;
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *counterpart_id = sqlite3_column_int64 (stmt, 0);
      /* RETURNING writes when the statement is run to its end */
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    return bk_database_set_error (self, error);

  if (*counterpart_id == 0 && not_found != NULL)
    {
      g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }

  return TRUE;
}

gboolean
bk_database_change_by_id (BkDatabase  *self,
                          const char  *sql,
                          gint64       id,
                          GDateTime   *date_time,
                          gint64      *counterpart_id,
                          const char  *not_found,
                          GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  if (!(stmt = bk_database_prepare_cached (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    bk_database_bind_date_time (stmt, 2, date_time);

  return bk_database_step_returning_counterpart (self, stmt, counterpart_id, not_found, error);
}

GPtrArray *
bk_database_read_rows (BkDatabase    *self,
                       sqlite3_stmt  *stmt,
                       BkRowFunc      from_row,
                       GError       **error)
{
  g_autoptr(GPtrArray) objects = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);
  g_return_val_if_fail (from_row != NULL, NULL);

  objects = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (objects, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      bk_database_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&objects);
}

gpointer
bk_database_read_row (BkDatabase    *self,
                      sqlite3_stmt  *stmt,
                      BkRowFunc      from_row,
                      const char    *not_found,
                      GError       **error)
{
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);
  g_return_val_if_fail (from_row != NULL, NULL);

  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return from_row (stmt);

  if (rc != SQLITE_DONE)
    bk_database_set_error (self, error);
  else if (not_found != NULL)
    g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND, not_found);

  return NULL;
}

GPtrArray *
bk_database_list_by_id (BkDatabase  *self,
                        const char  *sql,
                        gint64       id,
                        BkRowFunc    from_row,
                        GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  if (!(stmt = bk_database_prepare_cached (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return bk_database_read_rows (self, stmt, from_row, error);
}

gpointer
bk_database_dup_by_id (BkDatabase  *self,
                       const char  *sql,
                       gint64       id,
                       BkRowFunc    from_row,
                       const char  *not_found,
                       GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  if (!(stmt = bk_database_prepare_cached (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return bk_database_read_row (self, stmt, from_row, not_found, error);
}

guint
bk_database_count (BkDatabase *self,
                   const char *sql,
                   gint64      id)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (self), 0);
  g_return_val_if_fail (sql != NULL, 0);

  if (!(stmt = bk_database_prepare_cached (self, sql, &error)))
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
bk_database_find_by_text (BkDatabase  *self,
                          const char  *sql,
                          const char  *text,
                          gint64      *first,
                          gint64      *second,
                          GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (first != NULL, FALSE);

  *first = 0;
  if (second != NULL)
    *second = 0;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  if (!(stmt = bk_database_prepare_cached (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *first = sqlite3_column_int64 (stmt, 0);
      if (second != NULL)
        *second = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      return bk_database_set_error (self, error);
    }

  return TRUE;
}

char **
bk_database_dup_strings (BkDatabase  *self,
                         const char  *sql,
                         GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  if (!(stmt = bk_database_prepare_cached (self, sql, error)))
    return NULL;

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, bk_database_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      bk_database_set_error (self, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/* The change queue */

static gboolean
is_after_mark (gpointer key,
               gpointer value,
               gpointer user_data)
{
  return GPOINTER_TO_UINT (value) >= GPOINTER_TO_UINT (user_data);
}

/* Forgets the changes queued since @mark: they were rolled back. (A change merged into one
 * queued before stays merged: at worst a row is said to have changed when it did not.) */
static void
drop_pending_since (BkDatabase *self,
                    guint       mark)
{
  if (mark >= self->pending->len)
    return;

  g_array_set_size (self->pending, mark);
  g_hash_table_foreach_remove (self->pending_index, is_after_mark, GUINT_TO_POINTER (mark));
}

static void
emit_change (const PendingChange *change)
{
  g_signal_emit (change->emitter, change->signal_id, 0,
                 change->change, change->id, change->counterpart_id);
}

static void
flush_pending (BkDatabase *self)
{
  g_autoptr(GArray) changes = NULL;

  if (self->pending->len == 0)
    return;

  /* a handler may write again: it starts a queue of its own */
  changes = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_hash_table_remove_all (self->pending_index);

  for (guint i = 0; i < changes->len; i++)
    {
      const PendingChange *change = &g_array_index (changes, PendingChange, i);

      if (!change->dropped)
        emit_change (change);
    }

  g_signal_emit (self, signals[FLUSHED], 0);
}

/* What two changes of one row in a row amount to */
static void
merge_change (PendingChange *pending,
              BkChange       change)
{
  switch (pending->change)
    {
    case BK_CHANGE_ADDED:
      /* added, then changed: still added; added, then removed: nothing happened */
      if (change == BK_CHANGE_REMOVED)
        pending->dropped = TRUE;
      break;

    case BK_CHANGE_REMOVED:
      /* removed, then back (out of the trash and in again) */
      if (change == BK_CHANGE_ADDED)
        pending->change = BK_CHANGE_CHANGED;
      break;

    case BK_CHANGE_CHANGED:
    default:
      pending->change = change;
      break;
    }
}

void
bk_database_queue_change (BkDatabase *self,
                          gpointer    emitter,
                          guint       signal_id,
                          BkChange    change,
                          gint64      id,
                          gint64      counterpart_id)
{
  PendingKey key = { emitter, id, counterpart_id };
  PendingChange pending = { emitter, signal_id, change, id, counterpart_id, FALSE };
  gpointer index;

  g_return_if_fail (BK_IS_DATABASE (self));
  g_return_if_fail (G_IS_OBJECT (emitter));

  if (self->depth == 0)
    {
      emit_change (&pending);
      g_signal_emit (self, signals[FLUSHED], 0);
      return;
    }

  if (g_hash_table_lookup_extended (self->pending_index, &key, NULL, &index))
    {
      PendingChange *queued = &g_array_index (self->pending, PendingChange, GPOINTER_TO_UINT (index));

      if (!queued->dropped)
        {
          merge_change (queued, change);
          return;
        }
    }

  g_hash_table_replace (self->pending_index,
                        g_memdup2 (&key, sizeof key),
                        GUINT_TO_POINTER (self->pending->len));
  g_array_append_val (self->pending, pending);
}

/* Transactions */

void
bk_database_hold_writes (BkDatabase *self)
{
  g_return_if_fail (BK_IS_DATABASE (self));

  if (self->writes_held++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
bk_database_release_writes (BkDatabase *self)
{
  g_return_if_fail (BK_IS_DATABASE (self));
  g_return_if_fail (self->writes_held > 0);

  if (--self->writes_held == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
bk_database_get_busy (BkDatabase *self)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  return self->writes_held > 0;
}

/* As bk_database_exec(), of a statement kept prepared: every write begins and ends with one,
 * and preparing it anew each time cost more than some of the writes. */
static gboolean
exec_cached (BkDatabase  *self,
             const char  *sql,
             GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  if (!(stmt = bk_database_prepare_cached (self, sql, error)))
    return FALSE;

  /* (no write of its own: what it is part of was allowed or refused already) */
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return bk_database_set_error (self, error);

  return TRUE;
}

static gboolean
begin (BkDatabase  *self,
       GError     **error)
{
  if (!exec_cached (self, "SAVEPOINT bk_write", error))
    return FALSE;

  self->depth++;
  g_array_append_val (self->marks, self->pending->len);

  return TRUE;
}

gboolean
bk_database_begin (BkDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  return bk_database_check_writable (self, error) && begin (self, error);
}

/* A transaction that only reads, so that what is read is one picture of the journal (ended
 * with bk_database_rollback()): possible on a read-only journal too */
gboolean
bk_database_begin_reading (BkDatabase  *self,
                           GError     **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  return begin (self, error);
}

gboolean
bk_database_commit (BkDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!exec_cached (self, "RELEASE bk_write", error))
    {
      bk_database_rollback (self);
      return FALSE;
    }

  self->depth--;
  g_array_set_size (self->marks, self->depth);

  if (self->depth == 0)
    flush_pending (self);

  return TRUE;
}

void
bk_database_rollback (BkDatabase *self)
{
  g_return_if_fail (BK_IS_DATABASE (self));

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

  drop_pending_since (self, g_array_index (self->marks, guint, self->depth));
  g_array_set_size (self->marks, self->depth);
}

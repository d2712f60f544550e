/* bk-credential-store.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-credential-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-credential-store.h"
#include "bk-store-values-private.h"
#include "bk-value-private.h"

struct _BkCredentialStore
{
  BkStore parent_instance;
};

G_DEFINE_FINAL_TYPE (BkCredentialStore, bk_credential_store, BK_TYPE_STORE)

static void
bk_credential_store_class_init (BkCredentialStoreClass *klass)
{
}

static void
bk_credential_store_init (BkCredentialStore *self)
{
}

BkCredentialStore *
bk_credential_store_new (BkDatabase *database)
{
  g_return_val_if_fail (BK_IS_DATABASE (database), NULL);

  return g_object_new (BK_TYPE_CREDENTIAL_STORE, "database", database, NULL);
}

/* The columns credential_from_row() reads */
#define CREDENTIAL_COLUMNS \
  "credentials.id, credentials.uuid, credentials.counterpart_id, credentials.label," \
  " credentials.username, credentials.url, credentials.state, credentials.created," \
  " credentials.updated, credentials.state_changed"
#define CREDENTIALS_FROM \
  "credentials JOIN live_counterparts AS counterparts" \
  " ON counterparts.id = credentials.counterpart_id"

#define CREDENTIAL_NOT_FOUND _("This credential is no longer in the journal.")

static BkCredential *
credential_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BkCredential) credential = bk_credential_new ();
  g_autoptr(GDateTime) created = bk_database_column_date_time (stmt, 7);
  g_autoptr(GDateTime) updated = bk_database_column_date_time (stmt, 8);
  g_autoptr(GDateTime) state_changed = bk_database_column_date_time (stmt, 9);
  BkCredentialState state;

  if (created == NULL)
    created = g_date_time_new_from_unix_utc (0);
  if (updated == NULL)
    updated = g_date_time_ref (created);
  /* a state this version does not know is shown as still in use: the safe side */
  if (!bk_credential_state_from_string (bk_database_column_text (stmt, 6), &state))
    state = BK_CREDENTIAL_STATE_IN_USE;

  bk_credential_set_counterpart_id (credential, sqlite3_column_int64 (stmt, 2));
  bk_credential_set_label (credential, bk_database_column_text (stmt, 3));
  bk_credential_set_username (credential, bk_database_column_text (stmt, 4));
  bk_credential_set_url (credential, bk_database_column_text (stmt, 5));
  bk_credential_set_journal_fields (credential,
                                    sqlite3_column_int64 (stmt, 0),
                                    bk_database_column_text (stmt, 1),
                                    state,
                                    created,
                                    updated,
                                    state_changed);

  return g_steal_pointer (&credential);
}

GPtrArray *
bk_credential_store_list (BkCredentialStore  *self,
                          gint64              counterpart_id,
                          GError            **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_database_list_by_id (db,
                                 "SELECT " CREDENTIAL_COLUMNS " FROM " CREDENTIALS_FROM
                                 " WHERE credentials.counterpart_id = ?1"
                                 " ORDER BY credentials.id",
                                 counterpart_id,
                                 (BkRowFunc) credential_from_row,
                                 error);
}

/* Returns: (transfer full): the credential, or %NULL with NOT_FOUND when it is gone or its
 * counterpart is in the trash */
BkCredential *
bk_credential_store_dup (BkCredentialStore  *self,
                         gint64              id,
                         GError            **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_database_dup_by_id (db,
                                "SELECT " CREDENTIAL_COLUMNS " FROM " CREDENTIALS_FROM
                                " WHERE credentials.id = ?1",
                                id,
                                (BkRowFunc) credential_from_row,
                                CREDENTIAL_NOT_FOUND,
                                error);
}

/* What a credential must be to be saved: its label, username and URL, trimmed, in @label,
 * @username and @url; a label is required. */
static gboolean
check_fields (BkCredential  *credential,
              char         **label,
              char         **username,
              char         **url,
              GError       **error)
{
  g_autofree char *trimmed_label = NULL;

  if (!bk_store_check_utf8 (bk_credential_get_uuid (credential), error) ||
      !bk_store_check_utf8 (bk_credential_get_label (credential), error) ||
      !bk_store_check_utf8 (bk_credential_get_username (credential), error) ||
      !bk_store_check_utf8 (bk_credential_get_url (credential), error))
    return FALSE;

  trimmed_label = bk_store_dup_trimmed (bk_credential_get_label (credential));
  if (trimmed_label[0] == '\0')
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("A label is required."));
      return FALSE;
    }

  *label = g_steal_pointer (&trimmed_label);
  *username = bk_store_dup_trimmed (bk_credential_get_username (credential));
  *url = bk_store_dup_trimmed (bk_credential_get_url (credential));

  return TRUE;
}

/**
 * bk_credential_store_save:
 * @credential: a new credential (id 0) of a counterpart not in the trash, or a saved one
 *
 * Adds @credential, in use, with a new uuid (unless it has one already), or writes its
 * label, username and URL. All three are trimmed; a label is required. On success @credential
 * holds what the journal holds: its id, uuid, trimmed fields and dates. A saved credential stays
 * with its counterpart and keeps its state (see bk_credential_store_set_state()).
 */
gboolean
bk_credential_store_save (BkCredentialStore  *self,
                          BkCredential       *credential,
                          GError            **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *label = NULL;
  g_autofree char *username = NULL;
  g_autofree char *url = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_CREDENTIAL (credential), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_fields (credential, &label, &username, &url, error))
    return FALSE;

  id = bk_credential_get_id (credential);
  counterpart_id = bk_credential_get_counterpart_id (credential);
  now = bk_date_time_new_now_whole_seconds ();

  if (!bk_database_begin (db, error))
    return FALSE;

  if (id == 0)
    {
      uuid = bk_store_dup_uuid (bk_credential_get_uuid (credential));

      if (!bk_store_check_counterpart (BK_STORE (self), counterpart_id,
                                       _("The client or vendor of this credential is no "
                                         "longer in the journal."),
                                       error))
        goto failed;

      if (!(stmt = bk_database_prepare_cached (db,
                                               "INSERT INTO credentials"
                                               " (uuid, counterpart_id, label, username, url,"
                                               "  state, created, updated)"
                                               " VALUES (?1, ?2, ?3, ?4, ?5, 'in-use', ?6, ?6)",
                                               error)))
        goto failed;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, counterpart_id);
      sqlite3_bind_text (stmt, 3, label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, username, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, url, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, g_date_time_to_unix (now));

      if (!bk_database_step_done (db, stmt, error))
        goto failed;

      id = sqlite3_last_insert_rowid (bk_database_get_handle (db));
    }
  else
    {
      if (!(stmt = bk_database_prepare_cached (db,
                                               "UPDATE credentials SET"
                                               " label = ?2, username = ?3, url = ?4, updated = ?5"
                                               " WHERE id = ?1 AND counterpart_id IN"
                                               "  (SELECT id FROM live_counterparts)"
                                               " RETURNING counterpart_id",
                                               error)))
        goto failed;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, username, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, url, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, g_date_time_to_unix (now));

      if (!bk_database_step_returning_counterpart (db, stmt, &counterpart_id,
                                                   CREDENTIAL_NOT_FOUND, error))
        goto failed;
    }

  g_clear_pointer (&stmt, bk_cached_statement_release);

  /* read back, for the state and dates of an updated credential */
  if (!(saved = bk_credential_store_dup (self, id, error)))
    goto failed;

  bk_store_queue_change (BK_STORE (self),
                         bk_credential_get_id (credential) == 0 ? BK_CHANGE_ADDED : BK_CHANGE_CHANGED,
                         id, counterpart_id);

  if (!bk_database_commit (db, error))
    return FALSE;

  bk_credential_set_counterpart_id (credential, counterpart_id);
  bk_credential_set_label (credential, label);
  bk_credential_set_username (credential, username);
  bk_credential_set_url (credential, url);
  bk_credential_set_journal_fields (credential,
                                    id,
                                    bk_credential_get_uuid (saved),
                                    bk_credential_get_state (saved),
                                    bk_credential_get_created (saved),
                                    bk_credential_get_updated (saved),
                                    bk_credential_get_state_changed (saved));

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/**
 * bk_credential_store_set_state:
 * @state: handed over or revoked (at @now), or in use again
 * @now: (nullable): the time to record; required unless @state is in use
 *
 * Records where a credential stands; its secret stays in the keyring either way.
 */
gboolean
bk_credential_store_set_state (BkCredentialStore  *self,
                               gint64              id,
                               BkCredentialState   state,
                               GDateTime          *now,
                               GError            **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GDateTime) updated = NULL;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (state < BK_N_CREDENTIAL_STATES, FALSE);
  g_return_val_if_fail (now != NULL || state == BK_CREDENTIAL_STATE_IN_USE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  updated = now != NULL ? g_date_time_ref (now) : bk_date_time_new_now_whole_seconds ();

  if (!(stmt = bk_database_prepare_cached (db,
                                           "UPDATE credentials SET"
                                           " state = ?2, state_changed = ?3, updated = ?4"
                                           " WHERE id = ?1 AND counterpart_id IN"
                                           "  (SELECT id FROM live_counterparts)"
                                           " RETURNING counterpart_id",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, bk_credential_state_to_string (state), -1, SQLITE_STATIC);
  if (state == BK_CREDENTIAL_STATE_IN_USE)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (now));
  sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (updated));

  if (!bk_database_step_returning_counterpart (db, stmt, &counterpart_id,
                                               CREDENTIAL_NOT_FOUND, error))
    return FALSE;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  bk_store_queue_change (BK_STORE (self), BK_CHANGE_CHANGED, id, counterpart_id);

  return TRUE;
}

gboolean
bk_credential_store_delete (BkCredentialStore  *self,
                            gint64              id,
                            GError            **error)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return bk_store_change_row (BK_STORE (self), BK_CHANGE_REMOVED,
                              "DELETE FROM credentials"
                              " WHERE id = ?1 AND counterpart_id IN"
                              "  (SELECT id FROM live_counterparts)"
                              " RETURNING counterpart_id",
                              id, NULL, CREDENTIAL_NOT_FOUND, error);
}

/* Of one counterpart, or with a @counterpart_id of 0, of all counterparts not in the trash */
guint
bk_credential_store_count_in_use (BkCredentialStore *self,
                                  gint64             counterpart_id)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), 0);

  return bk_database_count (db,
                            "SELECT count(*) FROM " CREDENTIALS_FROM
                            " WHERE (?1 = 0 OR credentials.counterpart_id = ?1)"
                            " AND credentials.state = 'in-use'",
                            counterpart_id);
}

char **
bk_credential_store_dup_uuids (BkCredentialStore  *self,
                               GError            **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_database_dup_strings (db, "SELECT uuid FROM credentials ORDER BY id", error);
}

/**
 * bk_credential_store_import:
 * @credential: a new credential (id 0) of a counterpart not in the trash, with its uuid (or ""
 *   for a new one), state and dates
 *
 * Adds @credential as it is, handed over or revoked as well as in use: an import keeps what the
 * file says. Its label, username and URL are checked and trimmed as bk_credential_store_save()
 * does. On success @credential holds its id, uuid and trimmed fields.
 */
gboolean
bk_credential_store_import (BkCredentialStore  *self,
                            BkCredential       *credential,
                            GError            **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autofree char *label = NULL;
  g_autofree char *username = NULL;
  g_autofree char *url = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) state_changed = NULL;
  BkCredentialState state;
  gint64 counterpart_id;
  gint64 id;

  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_CREDENTIAL (credential), FALSE);
  g_return_val_if_fail (bk_credential_get_id (credential) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_fields (credential, &label, &username, &url, error))
    return FALSE;

  counterpart_id = bk_credential_get_counterpart_id (credential);
  state = bk_credential_get_state (credential);
  uuid = bk_store_dup_uuid (bk_credential_get_uuid (credential));

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!bk_store_check_counterpart (BK_STORE (self), counterpart_id,
                                   _("The client or vendor of this credential is no "
                                     "longer in the journal."),
                                   error))
    goto failed;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "INSERT INTO credentials"
                                           " (uuid, counterpart_id, label, username, url,"
                                           "  state, created, updated, state_changed)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                           error)))
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counterpart_id);
  sqlite3_bind_text (stmt, 3, label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, username, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, url, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, bk_credential_state_to_string (state), -1, SQLITE_STATIC);
  bk_database_bind_date_time (stmt, 7, bk_credential_get_created (credential));
  bk_database_bind_date_time (stmt, 8, bk_credential_get_updated (credential));
  /* NULL while in use */
  bk_database_bind_date_time (stmt, 9, bk_credential_get_state_changed (credential));

  if (!bk_database_step_done (db, stmt, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);
  id = sqlite3_last_insert_rowid (bk_database_get_handle (db));

  bk_store_queue_change (BK_STORE (self), BK_CHANGE_ADDED, id, counterpart_id);

  if (!bk_database_commit (db, error))
    return FALSE;

  bk_credential_set_label (credential, label);
  bk_credential_set_username (credential, username);
  bk_credential_set_url (credential, url);
  /* the dates are the credential's own: held while it replaces them */
  created = g_date_time_ref (bk_credential_get_created (credential));
  updated = g_date_time_ref (bk_credential_get_updated (credential));
  if (bk_credential_get_state_changed (credential) != NULL)
    state_changed = g_date_time_ref (bk_credential_get_state_changed (credential));
  bk_credential_set_journal_fields (credential, id, uuid, state, created, updated, state_changed);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/* @id: (out): the credential with this uuid, or 0 when there is none */
gboolean
bk_credential_store_find_by_uuid (BkCredentialStore  *self,
                                  const char         *uuid,
                                  gint64             *id,
                                  GError            **error)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (self), FALSE);

  return bk_database_find_by_text (bk_store_get_database (BK_STORE (self)),
                                   "SELECT id FROM credentials WHERE uuid = ?1",
                                   uuid, id, NULL, error);
}

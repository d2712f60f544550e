/* bk-journal-credentials.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The metadata of the access counterparts gave us: label, username, address, state and dates.
 * The secrets never pass through here: they live in the desktop keyring (bk-keyring.c) under
 * the credential's uuid. A credential of a counterpart in the trash is in the trash with it:
 * it is left out of every list and count, and goes when the trash is purged (ON DELETE
 * CASCADE); the app deletes its secret first with bk_keyring_delete_counterpart_async(). */

#define G_LOG_DOMAIN "bk-journal-credentials"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-journal-credentials.h"
#include "bk-journal-private.h"

/* The columns credential_from_row() reads */
#define CREDENTIAL_COLUMNS \
  "credentials.id, credentials.uuid, credentials.counterpart_id, credentials.label," \
  " credentials.username, credentials.url, credentials.state, credentials.created," \
  " credentials.updated, credentials.state_changed"
#define CREDENTIALS_FROM \
  "credentials JOIN counterparts ON counterparts.id = credentials.counterpart_id"

static gboolean
step_done (BkJournal     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return bk_journal_set_error_from_db (self, error);

  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static GDateTime *
column_date_time (sqlite3_stmt *stmt,
                  int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

static GDateTime *
now_utc (void)
{
  /* the journal keeps whole seconds */
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

/* A copy of @text without white space at either end (Unicode, unlike g_strstrip()) */
static char *
dup_trimmed (const char *text)
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

static void
set_not_found (GError **error)
{
  g_set_error_literal (error,
                       BK_JOURNAL_ERROR,
                       BK_JOURNAL_ERROR_NOT_FOUND,
                       _("This credential is no longer in the journal."));
}

static BkCredential *
credential_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BkCredential) credential = bk_credential_new ();
  g_autoptr(GDateTime) created = column_date_time (stmt, 7);
  g_autoptr(GDateTime) updated = column_date_time (stmt, 8);
  g_autoptr(GDateTime) state_changed = column_date_time (stmt, 9);
  BkCredentialState state;

  if (created == NULL)
    created = g_date_time_new_from_unix_utc (0);
  if (updated == NULL)
    updated = g_date_time_ref (created);
  /* a state this version does not know is shown as still in use: the safe side */
  if (!bk_credential_state_from_string (column_text (stmt, 6), &state))
    state = BK_CREDENTIAL_STATE_IN_USE;

  bk_credential_set_counterpart_id (credential, sqlite3_column_int64 (stmt, 2));
  bk_credential_set_label (credential, column_text (stmt, 3));
  bk_credential_set_username (credential, column_text (stmt, 4));
  bk_credential_set_url (credential, column_text (stmt, 5));
  bk_credential_set_journal_fields (credential,
                                    sqlite3_column_int64 (stmt, 0),
                                    column_text (stmt, 1),
                                    state,
                                    created,
                                    updated,
                                    state_changed);

  return g_steal_pointer (&credential);
}

GPtrArray *
bk_journal_list_credentials (BkJournal  *self,
                             gint64      counterpart_id,
                             GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT " CREDENTIAL_COLUMNS " FROM " CREDENTIALS_FROM
                                          " WHERE credentials.counterpart_id = ?1"
                                          " AND counterparts.trashed = 0"
                                          " ORDER BY credentials.id",
                                          error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);

  credentials = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (credentials, credential_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      bk_journal_set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&credentials);
}

/* Returns: (transfer full): the credential, or %NULL with NOT_FOUND when it is gone or its
 * counterpart is in the trash */
BkCredential *
bk_journal_dup_credential (BkJournal  *self,
                           gint64      id,
                           GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT " CREDENTIAL_COLUMNS " FROM " CREDENTIALS_FROM
                                          " WHERE credentials.id = ?1"
                                          " AND counterparts.trashed = 0",
                                          error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return credential_from_row (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    bk_journal_set_error_from_db (self, error);

  return NULL;
}

static gboolean
check_counterpart (BkJournal  *self,
                   gint64      counterpart_id,
                   GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

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
    g_set_error_literal (error,
                         BK_JOURNAL_ERROR,
                         BK_JOURNAL_ERROR_NOT_FOUND,
                         _("The client or vendor of this credential is no longer in the journal."));
  else
    bk_journal_set_error_from_db (self, error);

  return FALSE;
}

/* Runs an UPDATE or DELETE "... RETURNING counterpart_id" of one credential of a counterpart not
 * in the trash; @counterpart_id is 0 when no row matched. */
static gboolean
change_returning_counterpart (BkJournal     *self,
                              sqlite3_stmt  *stmt,
                              gint64        *counterpart_id,
                              GError       **error)
{
  int rc = sqlite3_step (stmt);

  *counterpart_id = 0;

  if (rc == SQLITE_ROW)
    {
      *counterpart_id = sqlite3_column_int64 (stmt, 0);
      /* RETURNING writes when the statement is run to its end */
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    return bk_journal_set_error_from_db (self, error);

  return TRUE;
}

static void
emit_changed (BkJournal *self,
              gint64     counterpart_id)
{
  bk_journal_emit_credentials_changed (self, counterpart_id);
  /* access in use counts among the counterpart's open items */
  bk_journal_emit_runs_changed (self, counterpart_id);
}

/**
 * bk_journal_save_credential:
 * @credential: a new credential (id 0) of a counterpart not in the trash, or a saved one
 *
 * Adds @credential, in use, with a new uuid (unless it has one already), or writes its
 * label, username and URL. All three are trimmed; a label is required. On success @credential
 * holds what the journal holds: its id, uuid, trimmed fields and dates. A saved credential stays
 * with its counterpart and keeps its state (see bk_journal_set_credential_state()).
 */
gboolean
bk_journal_save_credential (BkJournal     *self,
                            BkCredential  *credential,
                            GError       **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *label = NULL;
  g_autofree char *username = NULL;
  g_autofree char *url = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (BK_IS_CREDENTIAL (credential), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (bk_credential_get_uuid (credential), -1, NULL) ||
      !g_utf8_validate (bk_credential_get_label (credential), -1, NULL) ||
      !g_utf8_validate (bk_credential_get_username (credential), -1, NULL) ||
      !g_utf8_validate (bk_credential_get_url (credential), -1, NULL))
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("The text contains characters that are not valid UTF-8."));
      return FALSE;
    }

  label = dup_trimmed (bk_credential_get_label (credential));
  username = dup_trimmed (bk_credential_get_username (credential));
  url = dup_trimmed (bk_credential_get_url (credential));

  if (label[0] == '\0')
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("A label is required."));
      return FALSE;
    }

  id = bk_credential_get_id (credential);
  counterpart_id = bk_credential_get_counterpart_id (credential);
  now = now_utc ();

  if (!bk_journal_begin (self, error))
    return FALSE;

  if (id == 0)
    {
      uuid = g_strdup (bk_credential_get_uuid (credential));
      if (uuid[0] == '\0')
        {
          g_free (uuid);
          uuid = g_uuid_string_random ();
        }

      if (!check_counterpart (self, counterpart_id, error))
        goto failed;

      if (!(stmt = bk_journal_prepare_cached (self,
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

      if (!step_done (self, stmt, error))
        goto failed;

      id = sqlite3_last_insert_rowid (bk_journal_get_db (self));
    }
  else
    {
      if (!(stmt = bk_journal_prepare_cached (self,
                                              "UPDATE credentials SET"
                                              " label = ?2, username = ?3, url = ?4, updated = ?5"
                                              " WHERE id = ?1 AND counterpart_id IN"
                                              "  (SELECT id FROM counterparts WHERE trashed = 0)"
                                              " RETURNING counterpart_id",
                                              error)))
        goto failed;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, username, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, url, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, g_date_time_to_unix (now));

      if (!change_returning_counterpart (self, stmt, &counterpart_id, error))
        goto failed;

      if (counterpart_id == 0)
        {
          set_not_found (error);
          goto failed;
        }
    }

  g_clear_pointer (&stmt, bk_cached_statement_release);

  /* read back, for the state and dates of an updated credential */
  if (!(saved = bk_journal_dup_credential (self, id, error)))
    goto failed;

  emit_changed (self, counterpart_id);

  if (!bk_journal_commit (self, error))
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
  bk_journal_rollback (self);
  return FALSE;
}

/**
 * bk_journal_set_credential_state:
 * @state: handed over or revoked (at @now), or in use again
 * @now: (nullable): the time to record; required unless @state is in use
 *
 * Records where a credential stands; its secret stays in the keyring either way.
 */
gboolean
bk_journal_set_credential_state (BkJournal          *self,
                                 gint64              id,
                                 BkCredentialState   state,
                                 GDateTime          *now,
                                 GError            **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GDateTime) updated = NULL;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (state < BK_N_CREDENTIAL_STATES, FALSE);
  g_return_val_if_fail (now != NULL || state == BK_CREDENTIAL_STATE_IN_USE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  updated = now != NULL ? g_date_time_ref (now) : now_utc ();

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "UPDATE credentials SET"
                                          " state = ?2, state_changed = ?3, updated = ?4"
                                          " WHERE id = ?1 AND counterpart_id IN"
                                          "  (SELECT id FROM counterparts WHERE trashed = 0)"
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

  if (!change_returning_counterpart (self, stmt, &counterpart_id, error))
    return FALSE;

  if (counterpart_id == 0)
    {
      set_not_found (error);
      return FALSE;
    }

  g_clear_pointer (&stmt, bk_cached_statement_release);

  emit_changed (self, counterpart_id);

  return TRUE;
}

gboolean
bk_journal_delete_credential (BkJournal  *self,
                              gint64      id,
                              GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "DELETE FROM credentials"
                                          " WHERE id = ?1 AND counterpart_id IN"
                                          "  (SELECT id FROM counterparts WHERE trashed = 0)"
                                          " RETURNING counterpart_id",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!change_returning_counterpart (self, stmt, &counterpart_id, error))
    return FALSE;

  if (counterpart_id == 0)
    {
      set_not_found (error);
      return FALSE;
    }

  g_clear_pointer (&stmt, bk_cached_statement_release);

  emit_changed (self, counterpart_id);

  return TRUE;
}

/* Of one counterpart, or with a @counterpart_id of 0, of all counterparts not in the trash */
guint
bk_journal_count_access_in_use (BkJournal *self,
                                gint64     counterpart_id)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), 0);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT count(*) FROM " CREDENTIALS_FROM
                                          " WHERE counterparts.trashed = 0"
                                          " AND (?1 = 0 OR credentials.counterpart_id = ?1)"
                                          " AND credentials.state = 'in-use'",
                                          &error)))
    {
      g_warning ("Could not count the access in use: %s", error->message);
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, counterpart_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Could not count the access in use: %s",
                 sqlite3_errmsg (bk_journal_get_db (self)));
      return 0;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

static char **
dup_strings (BkJournal   *self,
             const char  *sql,
             GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  int rc;

  if (!(stmt = bk_journal_prepare_cached (self, sql, error)))
    return NULL;

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      bk_journal_set_error_from_db (self, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

char **
bk_journal_dup_trashed_counterpart_uuids (BkJournal  *self,
                                          GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return dup_strings (self,
                      "SELECT uuid FROM counterparts WHERE trashed = 1 ORDER BY id",
                      error);
}

char **
bk_journal_dup_credential_uuids (BkJournal  *self,
                                 GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return dup_strings (self, "SELECT uuid FROM credentials ORDER BY id", error);
}

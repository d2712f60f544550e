/* bk-journal-counterparts.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-journal.h"
#include "bk-journal-private.h"

/* The message of BK_JOURNAL_ERROR_NOT_FOUND */
#define COUNTERPART_NOT_FOUND _("This client or vendor is no longer in the journal.")

/* A stable, locale-independent key to sort names by: compatibility-decomposed, case-folded and
 * without accents, so that "émile" sorts with "emile" and "Ёлка" with "Елка". Й stays a letter
 * of its own (after И), as Russian has it. */
static char *
dup_sort_key (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  g_autoptr(GString) key = g_string_new (NULL);
  gunichar prev = 0;
  gsize prev_pos = 0;

  if (decomposed == NULL)
    return g_utf8_casefold (name, -1);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        {
          if (c == 0x0306 && (prev == 0x0438 || prev == 0x0418))
            {
              g_string_truncate (key, prev_pos);
              g_string_append_unichar (key, prev + 1);
              prev = 0;
            }
          continue;
        }

      prev = c;
      prev_pos = key->len;
      g_string_append_unichar (key, c);
    }

  return g_utf8_casefold (key->str, key->len);
}

/* Returns: (transfer full): a new counterpart, or %NULL when it is missing or in the trash */
BkCounterpart *
bk_journal_dup_counterpart (BkJournal  *self,
                            gint64      id,
                            GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_journal_dup_by_id (self,
                               "SELECT " BK_COUNTERPART_COLUMNS " FROM " BK_COUNTERPART_FROM
                               " WHERE counterparts.id = ?1 AND trashed = 0",
                               id,
                               (BkJournalRowFunc) bk_journal_counterpart_from_row,
                               COUNTERPART_NOT_FOUND,
                               error);
}

BkCounterpart *
bk_journal_dup_counterpart_by_uuid (BkJournal   *self,
                                    const char  *uuid,
                                    GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT " BK_COUNTERPART_COLUMNS
                                          " FROM " BK_COUNTERPART_FROM
                                          " WHERE counterparts.uuid = ?1 AND trashed = 0",
                                          error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  return bk_journal_read_row (self, stmt, (BkJournalRowFunc) bk_journal_counterpart_from_row,
                              COUNTERPART_NOT_FOUND, error);
}

static gboolean
validate_utf8 (const char * const  *strings,
               GError             **error)
{
  for (guint i = 0; strings[i] != NULL; i++)
    {
      if (!bk_journal_check_utf8 (strings[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_counterpart (BkCounterpart  *counterpart,
                      GError        **error)
{
  const char * const *tags = bk_counterpart_get_tags (counterpart);
  const char *strings[] = {
    bk_counterpart_get_uuid (counterpart),
    bk_counterpart_get_name (counterpart),
    bk_counterpart_get_organization (counterpart),
    bk_counterpart_get_email (counterpart),
    bk_counterpart_get_phone (counterpart),
    NULL
  };
  int health;

  if (!validate_utf8 (strings, error) || !validate_utf8 (tags, error))
    return FALSE;

  if (bk_journal_is_blank (bk_counterpart_get_name (counterpart)))
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("A name is required."));
      return FALSE;
    }

  health = bk_counterpart_get_health (counterpart);
  if (health < 1 || health > 5)
    {
      g_set_error (error,
                   BK_JOURNAL_ERROR,
                   BK_JOURNAL_ERROR_INVALID,
                   _("Relationship health must be between 1 and 5, not %d."),
                   health);
      return FALSE;
    }

  if (bk_counterpart_kind_to_string (bk_counterpart_get_kind (counterpart)) == NULL ||
      bk_counterpart_status_to_string (bk_counterpart_get_status (counterpart)) == NULL)
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("The kind or status of this client or vendor is not known."));
      return FALSE;
    }

  return TRUE;
}

/**
 * bk_journal_save_counterpart:
 *
 * Adds @counterpart (id 0) or writes its changes. On success its id, uuid, created and updated
 * are set, and "counterparts-changed" is emitted.
 */
gboolean
bk_journal_save_counterpart (BkJournal      *self,
                             BkCounterpart  *counterpart,
                             GError        **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *tags = NULL;
  gint64 id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (BK_IS_COUNTERPART (counterpart), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_counterpart (counterpart, error))
    return FALSE;

  id = bk_counterpart_get_id (counterpart);
  now = bk_date_time_new_now_whole_seconds ();
  if (bk_counterpart_get_created (counterpart) != NULL)
    created = bk_date_time_dup_whole_seconds (bk_counterpart_get_created (counterpart));
  else
    created = g_date_time_ref (now);
  uuid = bk_journal_dup_uuid (bk_counterpart_get_uuid (counterpart));
  sort_key = dup_sort_key (bk_counterpart_get_name (counterpart));
  tags = bk_counterpart_dup_tags_string (counterpart);

  if (!bk_journal_begin (self, error))
    return FALSE;

  if (id == 0)
    stmt = bk_journal_prepare_cached (self,
                                      "INSERT INTO counterparts"
                                      " (uuid, name, sort_key, organization, email, phone, kind,"
                                      "  status, health, tags, created, updated)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                      error);
  else
    stmt = bk_journal_prepare_cached (self,
                                      "UPDATE counterparts SET"
                                      " uuid = ?1, name = ?2, sort_key = ?3, organization = ?4,"
                                      " email = ?5, phone = ?6, kind = ?7, status = ?8,"
                                      " health = ?9, tags = ?10, created = ?11, updated = ?12"
                                      " WHERE id = ?13 AND trashed = 0",
                                      error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bk_counterpart_get_name (counterpart), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, bk_counterpart_get_organization (counterpart), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, bk_counterpart_get_email (counterpart), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, bk_counterpart_get_phone (counterpart), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7,
                     bk_counterpart_kind_to_string (bk_counterpart_get_kind (counterpart)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8,
                     bk_counterpart_status_to_string (bk_counterpart_get_status (counterpart)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, bk_counterpart_get_health (counterpart));
  sqlite3_bind_text (stmt, 10, tags, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, g_date_time_to_unix (created));
  sqlite3_bind_int64 (stmt, 12, g_date_time_to_unix (now));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 13, id);

  if (!bk_journal_step_save (self, stmt, &id, COUNTERPART_NOT_FOUND, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  bk_journal_emit_counterparts_changed (self);

  if (!bk_journal_commit (self, error))
    return FALSE;

  bk_counterpart_set_id (counterpart, id);
  bk_counterpart_set_uuid (counterpart, uuid);
  bk_counterpart_set_created (counterpart, created);
  bk_counterpart_set_updated (counterpart, now);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_journal_rollback (self);
  return FALSE;
}

/* Moves a counterpart to the trash (it disappears from every list, count and search, its notes
 * with it) or back. */
gboolean
bk_journal_set_counterpart_trashed (BkJournal  *self,
                                    gint64      id,
                                    gboolean    trashed,
                                    GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "UPDATE counterparts SET trashed = ?2 WHERE id = ?1",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, !!trashed);

  if (!bk_journal_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (bk_journal_get_db (self)) == 0)
    {
      g_set_error_literal (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_NOT_FOUND,
                           COUNTERPART_NOT_FOUND);
      return FALSE;
    }

  bk_journal_emit_counterparts_changed (self);

  return TRUE;
}

/* Counterparts not in the trash. */
guint
bk_journal_count_counterparts (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), 0);

  return bk_journal_count (self, "SELECT count(*) FROM counterparts WHERE trashed = 0", 0);
}

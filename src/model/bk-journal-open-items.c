/* bk-journal-open-items.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal-playbooks"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-journal-playbooks.h"
#include "bk-journal-private.h"

/* The columns open_item_from_row() reads */
#define OPEN_ITEM_COLUMNS \
  "open_items.id, open_items.uuid, open_items.counterpart_id, open_items.kind," \
  " open_items.description, open_items.amount, open_items.currency, open_items.created," \
  " open_items.settled"

/* The message of BK_JOURNAL_ERROR_NOT_FOUND */
#define OPEN_ITEM_NOT_FOUND _("This open item is no longer in the journal.")

static BkOpenItem *
open_item_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(GDateTime) created = bk_journal_column_date_time (stmt, 7);
  g_autoptr(GDateTime) settled = bk_journal_column_date_time (stmt, 8);
  BkOpenItemKind kind;

  bk_open_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  bk_open_item_set_uuid (item, bk_journal_column_text (stmt, 1));
  bk_open_item_set_counterpart_id (item, sqlite3_column_int64 (stmt, 2));
  if (bk_open_item_kind_from_string (bk_journal_column_text (stmt, 3), &kind))
    bk_open_item_set_kind (item, kind);
  else
    bk_open_item_set_kind (item, BK_OPEN_ITEM_KIND_OTHER);
  bk_open_item_set_description (item, bk_journal_column_text (stmt, 4));
  bk_open_item_set_amount (item, sqlite3_column_int64 (stmt, 5));
  bk_open_item_set_currency (item, bk_journal_column_text (stmt, 6));
  if (created != NULL)
    bk_open_item_set_created (item, created);
  bk_open_item_set_settled (item, settled);

  return g_steal_pointer (&item);
}

GPtrArray *
bk_journal_list_open_items (BkJournal  *self,
                            gint64      counterpart_id,
                            GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_journal_list_by_id (self,
                                "SELECT " OPEN_ITEM_COLUMNS " FROM open_items"
                                " JOIN counterparts"
                                "  ON counterparts.id = open_items.counterpart_id"
                                " WHERE open_items.counterpart_id = ?1"
                                " AND counterparts.trashed = 0"
                                " ORDER BY open_items.created, open_items.id",
                                counterpart_id,
                                (BkJournalRowFunc) open_item_from_row,
                                error);
}

gboolean
bk_journal_count_unsettled (BkJournal  *self,
                            gint64      counterpart_id,
                            guint      *n_items,
                            guint      *n_access,
                            GError    **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;

  if (!(stmt = bk_journal_prepare_cached (self,
                                          "SELECT"
                                          " (SELECT count(*) FROM open_items"
                                          "  JOIN counterparts"
                                          "   ON counterparts.id = open_items.counterpart_id"
                                          "  WHERE counterparts.trashed = 0"
                                          "  AND (?1 = 0 OR open_items.counterpart_id = ?1)"
                                          "  AND open_items.settled IS NULL),"
                                          " (SELECT count(*) FROM credentials"
                                          "  JOIN counterparts"
                                          "   ON counterparts.id = credentials.counterpart_id"
                                          "  WHERE counterparts.trashed = 0"
                                          "  AND (?1 = 0 OR credentials.counterpart_id = ?1)"
                                          "  AND credentials.state = 'in-use')",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return bk_journal_set_error_from_db (self, error);

  *n_items = (guint) sqlite3_column_int64 (stmt, 0);
  *n_access = (guint) sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/* Those not settled yet of a counterpart, or with a @counterpart_id of 0, of all counterparts
 * not in the trash; access still in use (bk_journal_count_access_in_use()) counts too. */
guint
bk_journal_count_open_items (BkJournal *self,
                             gint64     counterpart_id)
{
  g_autoptr(GError) error = NULL;
  guint n_items = 0;
  guint n_access = 0;

  g_return_val_if_fail (BK_IS_JOURNAL (self), 0);

  if (!bk_journal_count_unsettled (self, counterpart_id, &n_items, &n_access, &error))
    {
      g_warning ("Could not count the open items: %s", error->message);
      return 0;
    }

  return n_items + n_access;
}

static gboolean
is_currency_code (const char *currency)
{
  return strlen (currency) == 3 &&
         g_ascii_isupper (currency[0]) &&
         g_ascii_isupper (currency[1]) &&
         g_ascii_isupper (currency[2]);
}

/**
 * bk_journal_save_open_item:
 *
 * Adds @item (id 0) or writes its changes: its description is trimmed and required, its amount
 * may not be negative, its currency is trimmed and upper-cased and must be a three-letter code
 * or empty. On success its id, uuid, description and currency are set as saved.
 */
gboolean
bk_journal_save_open_item (BkJournal   *self,
                           BkOpenItem  *item,
                           GError     **error)
{
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autofree char *description = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (BK_IS_OPEN_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_journal_check_utf8 (bk_open_item_get_description (item), error) ||
      !bk_journal_check_utf8 (bk_open_item_get_currency (item), error) ||
      !bk_journal_check_utf8 (bk_open_item_get_uuid (item), error))
    return FALSE;

  description = bk_journal_dup_trimmed (bk_open_item_get_description (item));
  if (description[0] == '\0')
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("Describe what is left to settle."));
      return FALSE;
    }

  if (bk_open_item_get_amount (item) < 0)
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("An amount cannot be negative."));
      return FALSE;
    }

  currency = bk_journal_dup_trimmed (bk_open_item_get_currency (item));
  {
    g_autofree char *upper = g_ascii_strup (currency, -1);

    g_free (currency);
    currency = g_steal_pointer (&upper);
  }
  if (currency[0] != '\0' && !is_currency_code (currency))
    {
      g_set_error (error,
                   BK_JOURNAL_ERROR,
                   BK_JOURNAL_ERROR_INVALID,
                   _("“%s” is not a currency: use a three-letter code such as EUR, USD or RUB."),
                   currency);
      return FALSE;
    }

  if (bk_open_item_kind_to_string (bk_open_item_get_kind (item)) == NULL)
    {
      g_set_error_literal (error,
                           BK_JOURNAL_ERROR,
                           BK_JOURNAL_ERROR_INVALID,
                           _("The kind of this open item is not known."));
      return FALSE;
    }

  id = bk_open_item_get_id (item);
  counterpart_id = bk_open_item_get_counterpart_id (item);
  uuid = bk_journal_dup_uuid (bk_open_item_get_uuid (item));

  if (!bk_journal_begin (self, error))
    return FALSE;

  if (!bk_journal_check_counterpart (self, counterpart_id,
                                     _("This client or vendor is no longer in the journal."),
                                     error))
    goto failed;

  if (id == 0)
    stmt = bk_journal_prepare_cached (self,
                                      "INSERT INTO open_items"
                                      " (uuid, counterpart_id, kind, description, amount,"
                                      "  currency, created, settled)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                      error);
  else
    stmt = bk_journal_prepare_cached (self,
                                      "UPDATE open_items SET"
                                      " uuid = ?1, kind = ?3, description = ?4, amount = ?5,"
                                      " currency = ?6, created = ?7, settled = ?8"
                                      " WHERE id = ?9 AND counterpart_id = ?2",
                                      error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counterpart_id);
  sqlite3_bind_text (stmt, 3, bk_open_item_kind_to_string (bk_open_item_get_kind (item)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, description, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, bk_open_item_get_amount (item));
  sqlite3_bind_text (stmt, 6, currency, -1, SQLITE_STATIC);
  bk_journal_bind_date_time (stmt, 7, bk_open_item_get_created (item));
  bk_journal_bind_date_time (stmt, 8, bk_open_item_get_settled (item));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 9, id);

  if (!bk_journal_step_save (self, stmt, &id, OPEN_ITEM_NOT_FOUND, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  bk_journal_emit_runs_changed (self, counterpart_id);

  if (!bk_journal_commit (self, error))
    return FALSE;

  bk_open_item_set_id (item, id);
  bk_open_item_set_uuid (item, uuid);
  bk_open_item_set_description (item, description);
  bk_open_item_set_currency (item, currency);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_journal_rollback (self);
  return FALSE;
}

gboolean
bk_journal_settle_open_item (BkJournal  *self,
                             gint64      item_id,
                             gboolean    settled,
                             GDateTime  *now,
                             GError    **error)
{
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (!settled || now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_journal_change_date_by_id (self,
                                     "UPDATE open_items SET settled = ?2"
                                     " WHERE id = ?1 AND counterpart_id IN"
                                     "  (SELECT id FROM counterparts WHERE trashed = 0)"
                                     " RETURNING counterpart_id",
                                     item_id,
                                     settled ? now : NULL,
                                     &counterpart_id,
                                     OPEN_ITEM_NOT_FOUND,
                                     error))
    return FALSE;

  bk_journal_emit_runs_changed (self, counterpart_id);

  return TRUE;
}

gboolean
bk_journal_delete_open_item (BkJournal  *self,
                             gint64      item_id,
                             GError    **error)
{
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_journal_change_by_id (self,
                                "DELETE FROM open_items"
                                " WHERE id = ?1 AND counterpart_id IN"
                                "  (SELECT id FROM counterparts WHERE trashed = 0)"
                                " RETURNING counterpart_id",
                                item_id,
                                &counterpart_id,
                                OPEN_ITEM_NOT_FOUND,
                                error))
    return FALSE;

  bk_journal_emit_runs_changed (self, counterpart_id);

  return TRUE;
}

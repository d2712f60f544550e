/* bk-open-item-store.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-open-item-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-open-item-store.h"
#include "bk-credential-store.h"
#include "bk-value-private.h"

struct _BkOpenItemStore
{
  BkStore parent_instance;
  /* access still in use counts among what is left to settle */
  BkCredentialStore *credentials;
};

G_DEFINE_FINAL_TYPE (BkOpenItemStore, bk_open_item_store, BK_TYPE_STORE)

static void
bk_open_item_store_dispose (GObject *object)
{
  BkOpenItemStore *self = (BkOpenItemStore *) object;

  g_clear_object (&self->credentials);

  G_OBJECT_CLASS (bk_open_item_store_parent_class)->dispose (object);
}

static void
bk_open_item_store_class_init (BkOpenItemStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_open_item_store_dispose;
}

static void
bk_open_item_store_init (BkOpenItemStore *self)
{
}

BkOpenItemStore *
bk_open_item_store_new (BkDatabase        *database,
                        BkCredentialStore *credentials)
{
  BkOpenItemStore *self;

  g_return_val_if_fail (BK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (BK_IS_CREDENTIAL_STORE (credentials), NULL);

  self = g_object_new (BK_TYPE_OPEN_ITEM_STORE, "database", database, NULL);
  self->credentials = g_object_ref (credentials);

  return self;
}

/* The columns open_item_from_row() reads */
#define OPEN_ITEM_COLUMNS \
  "open_items.id, open_items.uuid, open_items.counterpart_id, open_items.kind," \
  " open_items.description, open_items.amount, open_items.currency, open_items.created," \
  " open_items.settled"

/* The message of BK_DATABASE_ERROR_NOT_FOUND */
#define OPEN_ITEM_NOT_FOUND _("This open item is no longer in the journal.")

static BkOpenItem *
open_item_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(GDateTime) created = bk_database_column_date_time (stmt, 7);
  g_autoptr(GDateTime) settled = bk_database_column_date_time (stmt, 8);
  BkOpenItemKind kind;

  bk_open_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  bk_open_item_set_uuid (item, bk_database_column_text (stmt, 1));
  bk_open_item_set_counterpart_id (item, sqlite3_column_int64 (stmt, 2));
  if (bk_open_item_kind_from_string (bk_database_column_text (stmt, 3), &kind))
    bk_open_item_set_kind (item, kind);
  else
    bk_open_item_set_kind (item, BK_OPEN_ITEM_KIND_OTHER);
  bk_open_item_set_description (item, bk_database_column_text (stmt, 4));
  bk_open_item_set_amount (item, sqlite3_column_int64 (stmt, 5));
  bk_open_item_set_currency (item, bk_database_column_text (stmt, 6));
  if (created != NULL)
    bk_open_item_set_created (item, created);
  bk_open_item_set_settled (item, settled);

  return g_steal_pointer (&item);
}

GPtrArray *
bk_open_item_store_list (BkOpenItemStore  *self,
                         gint64            counterpart_id,
                         GError          **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_OPEN_ITEM_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_database_list_by_id (db,
                                 /* a join, not "IN (SELECT id FROM live_counterparts)",
                                  * which would list every counterpart on each call */
                                 "SELECT " OPEN_ITEM_COLUMNS " FROM open_items"
                                 " JOIN live_counterparts"
                                 "  ON live_counterparts.id = open_items.counterpart_id"
                                 " WHERE open_items.counterpart_id = ?1"
                                 " ORDER BY open_items.created, open_items.id",
                                 counterpart_id,
                                 (BkRowFunc) open_item_from_row,
                                 error);
}

/* What is still open: @n_items open items not settled, and @n_access credentials still in use
 * (access to hand over or revoke), of a counterpart or, with a @counterpart_id of 0, of all
 * counterparts not in the trash */
gboolean
bk_open_item_store_count_unsettled (BkOpenItemStore  *self,
                                    gint64            counterpart_id,
                                    guint            *n_items,
                                    guint            *n_access,
                                    GError          **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_OPEN_ITEM_STORE (self), FALSE);
  g_return_val_if_fail (n_items != NULL && n_access != NULL, FALSE);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT count(*) FROM open_items"
                                           " WHERE counterpart_id IN (SELECT id FROM live_counterparts)"
                                           " AND (?1 = 0 OR counterpart_id = ?1)"
                                           " AND settled IS NULL",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return bk_database_set_error (db, error);

  *n_items = (guint) sqlite3_column_int64 (stmt, 0);
  *n_access = bk_credential_store_count_in_use (self->credentials, counterpart_id);

  return TRUE;
}

/* Those not settled yet of a counterpart, or with a @counterpart_id of 0, of all counterparts
 * not in the trash; access still in use (bk_credential_store_count_in_use()) counts too. */
guint
bk_open_item_store_count (BkOpenItemStore *self,
                          gint64           counterpart_id)
{
  g_autoptr(GError) error = NULL;
  guint n_items = 0;
  guint n_access = 0;

  g_return_val_if_fail (BK_IS_OPEN_ITEM_STORE (self), 0);

  if (!bk_open_item_store_count_unsettled (self, counterpart_id, &n_items, &n_access, &error))
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
 * bk_open_item_store_save:
 *
 * Adds @item (id 0) or writes its changes: its description is trimmed and required, its amount
 * may not be negative, its currency is trimmed and upper-cased and must be a three-letter code
 * or empty. On success its id, uuid, description and currency are set as saved.
 */
gboolean
bk_open_item_store_save (BkOpenItemStore  *self,
                         BkOpenItem       *item,
                         GError          **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autofree char *description = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_OPEN_ITEM_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_OPEN_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_store_check_utf8 (bk_open_item_get_description (item), error) ||
      !bk_store_check_utf8 (bk_open_item_get_currency (item), error) ||
      !bk_store_check_utf8 (bk_open_item_get_uuid (item), error))
    return FALSE;

  description = bk_store_dup_trimmed (bk_open_item_get_description (item));
  if (description[0] == '\0')
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("Describe what is left to settle."));
      return FALSE;
    }

  if (bk_open_item_get_amount (item) < 0)
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("An amount cannot be negative."));
      return FALSE;
    }

  currency = bk_store_dup_trimmed (bk_open_item_get_currency (item));
  {
    g_autofree char *upper = g_ascii_strup (currency, -1);

    g_free (currency);
    currency = g_steal_pointer (&upper);
  }
  if (currency[0] != '\0' && !is_currency_code (currency))
    {
      g_set_error (error,
                   BK_DATABASE_ERROR,
                   BK_DATABASE_ERROR_INVALID,
                   _("“%s” is not a currency: use a three-letter code such as EUR, USD or RUB."),
                   currency);
      return FALSE;
    }

  if (bk_open_item_kind_to_string (bk_open_item_get_kind (item)) == NULL)
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("The kind of this open item is not known."));
      return FALSE;
    }

  id = bk_open_item_get_id (item);
  counterpart_id = bk_open_item_get_counterpart_id (item);
  uuid = bk_store_dup_uuid (bk_open_item_get_uuid (item));

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!bk_store_check_counterpart (BK_STORE (self), counterpart_id,
                                   _("This client or vendor is no longer in the journal."),
                                   error))
    goto failed;

  if (id == 0)
    stmt = bk_database_prepare_cached (db,
                                       "INSERT INTO open_items"
                                       " (uuid, counterpart_id, kind, description, amount,"
                                       "  currency, created, settled)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       error);
  else
    stmt = bk_database_prepare_cached (db,
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
  bk_database_bind_date_time (stmt, 7, bk_open_item_get_created (item));
  bk_database_bind_date_time (stmt, 8, bk_open_item_get_settled (item));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 9, id);

  if (!bk_database_step_save (db, stmt, &id, OPEN_ITEM_NOT_FOUND, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  bk_store_queue_change (BK_STORE (self),
                         bk_open_item_get_id (item) == 0 ? BK_CHANGE_ADDED : BK_CHANGE_CHANGED,
                         id, counterpart_id);

  if (!bk_database_commit (db, error))
    return FALSE;

  bk_open_item_set_id (item, id);
  bk_open_item_set_uuid (item, uuid);
  bk_open_item_set_description (item, description);
  bk_open_item_set_currency (item, currency);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

gboolean
bk_open_item_store_settle (BkOpenItemStore  *self,
                           gint64            item_id,
                           gboolean          settled,
                           GDateTime        *now,
                           GError          **error)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM_STORE (self), FALSE);
  g_return_val_if_fail (!settled || now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return bk_store_change_row (BK_STORE (self), BK_CHANGE_CHANGED,
                              "UPDATE open_items SET settled = ?2"
                              " WHERE id = ?1 AND counterpart_id IN"
                              "  (SELECT id FROM live_counterparts)"
                              " RETURNING counterpart_id",
                              item_id, settled ? now : NULL, OPEN_ITEM_NOT_FOUND, error);
}

gboolean
bk_open_item_store_delete (BkOpenItemStore  *self,
                           gint64            item_id,
                           GError          **error)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return bk_store_change_row (BK_STORE (self), BK_CHANGE_REMOVED,
                              "DELETE FROM open_items"
                              " WHERE id = ?1 AND counterpart_id IN"
                              "  (SELECT id FROM live_counterparts)"
                              " RETURNING counterpart_id",
                              item_id, NULL, OPEN_ITEM_NOT_FOUND, error);
}

/* @id: (out): the open item with this uuid, or 0 when there is none */
gboolean
bk_open_item_store_find_by_uuid (BkOpenItemStore  *self,
                                 const char       *uuid,
                                 gint64           *id,
                                 GError          **error)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM_STORE (self), FALSE);

  return bk_database_find_by_text (bk_store_get_database (BK_STORE (self)),
                                   "SELECT id FROM open_items WHERE uuid = ?1",
                                   uuid, id, NULL, error);
}

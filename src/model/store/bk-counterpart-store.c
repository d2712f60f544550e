/* bk-counterpart-store.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-counterpart-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-counterpart-store.h"
#include "bk-schema.h"
#include "bk-value-private.h"

/* The columns, in this order, that counterpart_from_row() reads: "SELECT " COUNTERPART_COLUMNS
 * " FROM " COUNTERPART_FROM " WHERE ...". A counterpart comes with the progress of its active
 * run (one row at most): name counterparts' columns as "counterparts.id". */
#define COUNTERPART_COLUMNS \
  "counterparts.id, counterparts.uuid, counterparts.name, counterparts.organization," \
  " counterparts.email, counterparts.phone, counterparts.kind, counterparts.status," \
  " counterparts.health, counterparts.tags, counterparts.created, counterparts.updated," \
  " active_run.playbook, active_run.n_settled, active_run.step_ids," \
  " counterparts.referred_by_id, counterparts.referred_by, counterparts.keep_in_touch_days"
#define COUNTERPART_FROM \
  "counterparts LEFT JOIN active_run_progress AS active_run" \
  " ON active_run.counterpart_id = counterparts.id"

struct _BkCounterpartStore
{
  BkStore parent_instance;
};

G_DEFINE_FINAL_TYPE (BkCounterpartStore, bk_counterpart_store, BK_TYPE_STORE)

static void
bk_counterpart_store_class_init (BkCounterpartStoreClass *klass)
{
}

static void
bk_counterpart_store_init (BkCounterpartStore *self)
{
}

BkCounterpartStore *
bk_counterpart_store_new (BkDatabase *database)
{
  g_return_val_if_fail (BK_IS_DATABASE (database), NULL);

  return g_object_new (BK_TYPE_COUNTERPART_STORE, "database", database, NULL);
}

static BkCounterpart *
counterpart_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  BkCounterpartKind kind;
  BkCounterpartStatus status;

  g_return_val_if_fail (stmt != NULL, NULL);

  bk_counterpart_set_id (counterpart, sqlite3_column_int64 (stmt, 0));
  bk_counterpart_set_uuid (counterpart, bk_database_column_text (stmt, 1));
  bk_counterpart_set_name (counterpart, bk_database_column_text (stmt, 2));
  bk_counterpart_set_organization (counterpart, bk_database_column_text (stmt, 3));
  bk_counterpart_set_email (counterpart, bk_database_column_text (stmt, 4));
  bk_counterpart_set_phone (counterpart, bk_database_column_text (stmt, 5));
  if (bk_counterpart_kind_from_string (bk_database_column_text (stmt, 6), &kind))
    bk_counterpart_set_kind (counterpart, kind);
  if (bk_counterpart_status_from_string (bk_database_column_text (stmt, 7), &status))
    bk_counterpart_set_status (counterpart, status);
  bk_counterpart_set_health (counterpart, sqlite3_column_int (stmt, 8));
  bk_counterpart_set_tags_from_string (counterpart, bk_database_column_text (stmt, 9));
  created = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 10));
  bk_counterpart_set_created (counterpart, created);
  updated = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 11));
  bk_counterpart_set_updated (counterpart, updated);

  bk_counterpart_set_referred_by_id (counterpart, sqlite3_column_int64 (stmt, 15));
  bk_counterpart_set_referred_by (counterpart, bk_database_column_text (stmt, 16));
  bk_counterpart_set_keep_in_touch_days (counterpart, (guint) sqlite3_column_int64 (stmt, 17));

  /* the active run, if any: its playbook, steps settled, and the step ids it counts */
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      const char *step_ids = bk_database_column_text (stmt, 14);
      guint total = 0;

      if (step_ids[0] != '\0')
        {
          total = 1;
          for (const char *p = step_ids; *p != '\0'; p++)
            total += *p == ',';
        }

      bk_counterpart_set_run_progress (counterpart,
                                       bk_database_column_text (stmt, 12),
                                       (guint) sqlite3_column_int64 (stmt, 13),
                                       total);
    }

  return g_steal_pointer (&counterpart);
}

/* The message of BK_DATABASE_ERROR_NOT_FOUND */
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
bk_counterpart_store_dup (BkCounterpartStore  *self,
                          gint64               id,
                          GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_database_dup_by_id (db,
                                "SELECT " COUNTERPART_COLUMNS " FROM " COUNTERPART_FROM
                                " WHERE counterparts.id = ?1 AND trashed = 0",
                                id,
                                (BkRowFunc) counterpart_from_row,
                                COUNTERPART_NOT_FOUND,
                                error);
}

BkCounterpart *
bk_counterpart_store_dup_by_uuid (BkCounterpartStore  *self,
                                  const char          *uuid,
                                  GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT " COUNTERPART_COLUMNS
                                           " FROM " COUNTERPART_FROM
                                           " WHERE counterparts.uuid = ?1 AND trashed = 0",
                                           error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  return bk_database_read_row (db, stmt, (BkRowFunc) counterpart_from_row,
                               COUNTERPART_NOT_FOUND, error);
}

static gboolean
validate_utf8 (const char * const  *strings,
               GError             **error)
{
  for (guint i = 0; strings[i] != NULL; i++)
    {
      if (!bk_store_check_utf8 (strings[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Relationship health is 1 to 5 */
static gboolean
check_health (int      health,
              GError **error)
{
  if (health < 1 || health > 5)
    {
      g_set_error (error,
                   BK_DATABASE_ERROR,
                   BK_DATABASE_ERROR_INVALID,
                   _("Relationship health must be between 1 and 5, not %d."),
                   health);
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
    bk_counterpart_get_referred_by (counterpart),
    NULL
  };

  if (!validate_utf8 (strings, error) || !validate_utf8 (tags, error))
    return FALSE;

  if (bk_store_is_blank (bk_counterpart_get_name (counterpart)))
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("A name is required."));
      return FALSE;
    }

  if (!check_health (bk_counterpart_get_health (counterpart), error))
    return FALSE;

  if (bk_counterpart_kind_to_string (bk_counterpart_get_kind (counterpart)) == NULL ||
      bk_counterpart_status_to_string (bk_counterpart_get_status (counterpart)) == NULL)
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("The kind or status of this client or vendor is not known."));
      return FALSE;
    }

  return TRUE;
}

/**
 * bk_counterpart_store_save:
 *
 * Adds @counterpart (id 0) or writes its changes. On success its id, uuid, created and updated
 * are set, and "changed" is emitted.
 */
gboolean
bk_counterpart_store_save (BkCounterpartStore  *self,
                           BkCounterpart       *counterpart,
                           GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *referred_by = NULL;
  gint64 referrer_id;
  gint64 id;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);
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
  uuid = bk_store_dup_uuid (bk_counterpart_get_uuid (counterpart));
  sort_key = dup_sort_key (bk_counterpart_get_name (counterpart));
  tags = bk_counterpart_dup_tags_string (counterpart);
  referred_by = bk_store_dup_trimmed (bk_counterpart_get_referred_by (counterpart));
  referrer_id = bk_counterpart_get_referred_by_id (counterpart);

  if (!bk_database_begin (db, error))
    return FALSE;

  /* nobody refers themselves, and a referrer is one in the journal */
  if (referrer_id != 0 && (referrer_id == id || !bk_store_check_counterpart (BK_STORE (self), referrer_id, "", NULL)))
    referrer_id = 0;

  if (id == 0)
    stmt = bk_database_prepare_cached (db,
                                       "INSERT INTO counterparts"
                                       " (uuid, name, sort_key, organization, email, phone, kind,"
                                       "  status, health, tags, created, updated, referred_by_id,"
                                       "  referred_by, keep_in_touch_days)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                       "         ?14, ?15, ?16)",
                                       error);
  else
    stmt = bk_database_prepare_cached (db,
                                       "UPDATE counterparts SET"
                                       " uuid = ?1, name = ?2, sort_key = ?3, organization = ?4,"
                                       " email = ?5, phone = ?6, kind = ?7, status = ?8,"
                                       " health = ?9, tags = ?10, created = ?11, updated = ?12,"
                                       " referred_by_id = ?14, referred_by = ?15,"
                                       " keep_in_touch_days = ?16"
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
  /* (a referrer gone from the journal leaves the name) */
  if (referrer_id != 0)
    sqlite3_bind_int64 (stmt, 14, referrer_id);
  else
    sqlite3_bind_null (stmt, 14);
  sqlite3_bind_text (stmt, 15, referred_by, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 16, (int) bk_counterpart_get_keep_in_touch_days (counterpart));

  if (!bk_database_step_save (db, stmt, &id, COUNTERPART_NOT_FOUND, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  bk_store_queue_change (BK_STORE (self),
                         bk_counterpart_get_id (counterpart) == 0 ? BK_CHANGE_ADDED : BK_CHANGE_CHANGED,
                         id, id);

  /* the words the old text had may be gone */
  if (!bk_schema_forget_unused_words (db, error))
    goto failed;

  if (!bk_database_commit (db, error))
    return FALSE;

  bk_counterpart_set_id (counterpart, id);
  bk_counterpart_set_uuid (counterpart, uuid);
  bk_counterpart_set_created (counterpart, created);
  bk_counterpart_set_updated (counterpart, now);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/* Moves a counterpart to the trash (it disappears from every list, count and search, its notes
 * with it) or back. */
gboolean
bk_counterpart_store_set_trashed (BkCounterpartStore  *self,
                                  gint64               id,
                                  gboolean             trashed,
                                  GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "UPDATE counterparts SET trashed = ?2 WHERE id = ?1",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, !!trashed);

  if (!bk_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (bk_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND,
                           COUNTERPART_NOT_FOUND);
      return FALSE;
    }

  bk_store_queue_change (BK_STORE (self), trashed ? BK_CHANGE_REMOVED : BK_CHANGE_ADDED, id, id);

  return TRUE;
}

/* Counterparts not in the trash. */
guint
bk_counterpart_store_count (BkCounterpartStore *self)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), 0);

  return bk_database_count (db, "SELECT count(*) FROM counterparts WHERE trashed = 0", 0);
}

/* The progress of the counterpart's run in progress changed (bk-run-store.c): a counterpart
 * carries it, so it changed too. */
void
bk_counterpart_store_queue_progress_change (BkCounterpartStore *self,
                                            gint64              id)
{
  g_return_if_fail (BK_IS_COUNTERPART_STORE (self));

  bk_store_queue_change (BK_STORE (self), BK_CHANGE_CHANGED, id, id);
}

/* Gives a counterpart a new status (a playbook ending), as saving it would. */
gboolean
bk_counterpart_store_set_status (BkCounterpartStore   *self,
                                 gint64                id,
                                 BkCounterpartStatus   status,
                                 GDateTime            *now,
                                 GError              **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "UPDATE counterparts SET status = ?2, updated = ?3"
                                           " WHERE id = ?1 AND trashed = 0",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, bk_counterpart_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (now));

  if (!bk_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (bk_database_get_handle (db)) > 0)
    bk_store_queue_change (BK_STORE (self), BK_CHANGE_CHANGED, id, id);

  return TRUE;
}

/**
 * bk_counterpart_store_purge_trashed:
 * @id: the trashed counterpart to delete for good, or 0 for all of them
 *
 * Deletes for good what is in the trash, with everything that belongs to it. Something not in
 * the trash is left alone. Nothing in the trash was visible: no "changed".
 */
gboolean
bk_counterpart_store_purge_trashed (BkCounterpartStore  *self,
                                    gint64               id,
                                    GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "DELETE FROM counterparts"
                                           " WHERE trashed = 1 AND (?1 = 0 OR id = ?1)",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  /* with their words, unless another text has them */
  return bk_database_step_done (db, stmt, error) && bk_schema_forget_unused_words (db, error);
}

char **
bk_counterpart_store_dup_trashed_uuids (BkCounterpartStore  *self,
                                        GError             **error)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bk_database_dup_strings (bk_store_get_database (BK_STORE (self)),
                                  "SELECT uuid FROM counterparts WHERE trashed = 1 ORDER BY id",
                                  error);
}

/* Returns: (element-type BkHealthPoint): the counterpart's health over time, oldest first */
GArray *
bk_counterpart_store_list_health (BkCounterpartStore  *self,
                                  gint64               id,
                                  GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GArray) points = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT changed, health FROM health_history"
                                           " WHERE counterpart_id = ?1 ORDER BY changed, rowid",
                                           error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  points = g_array_new (FALSE, FALSE, sizeof (BkHealthPoint));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkHealthPoint point = {
        .changed = sqlite3_column_int64 (stmt, 0),
        .health = sqlite3_column_int (stmt, 1),
      };

      g_array_append_val (points, point);
    }

  if (rc != SQLITE_DONE)
    {
      bk_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&points);
}

/* Listing: the counterparts not in the trash, by name, all or those of one status */

/* Counterparts not in the trash, of @status (or all, for %NULL) */
guint
bk_counterpart_store_count_listed (BkCounterpartStore *self,
                                   const char         *status)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), 0);

  if (status == NULL)
    return bk_counterpart_store_count (self);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT count(*) FROM counterparts"
                                           " WHERE trashed = 0 AND status = ?1",
                                           &error)))
    {
      g_warning ("Could not count the clients and vendors: %s", error->message);
      return 0;
    }

  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Could not count the clients and vendors: %s",
                 sqlite3_errmsg (bk_database_get_handle (db)));
      return 0;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* Returns: (transfer full) (element-type BkCounterpart): at most @limit counterparts from
 * @offset on, in the order of the list of @status (or of all, for %NULL).
 *
 * The row at @offset is found in the index alone; the page is read from there by its key
 * (sort_key, id). An OFFSET on the page's own query would make every row before it, with its
 * joins: 2.7 s to page through 50,000 clients. */
GPtrArray *
bk_counterpart_store_list_page (BkCounterpartStore  *self,
                                const char          *status,
                                guint                offset,
                                guint                limit,
                                GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) start = NULL;
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);

  if (!(start = bk_database_prepare_cached (db,
                                            "SELECT sort_key, id FROM counterparts"
                                            " WHERE trashed = 0 AND (?1 IS NULL OR status = ?1)"
                                            " ORDER BY sort_key, id LIMIT 1 OFFSET ?2",
                                            error)))
    return NULL;

  sqlite3_bind_text (start, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (start, 2, offset);
  if ((rc = sqlite3_step (start)) == SQLITE_DONE)
    return g_ptr_array_new_with_free_func (g_object_unref);
  if (rc != SQLITE_ROW)
    {
      bk_database_set_error (db, error);
      return NULL;
    }

  if (status == NULL)
    stmt = bk_database_prepare_cached (db,
                                       "SELECT " COUNTERPART_COLUMNS
                                       " FROM " COUNTERPART_FROM
                                       " WHERE trashed = 0"
                                       " AND (sort_key, counterparts.id) >= (?2, ?3)"
                                       " ORDER BY sort_key, counterparts.id"
                                       " LIMIT ?1",
                                       error);
  else
    stmt = bk_database_prepare_cached (db,
                                       "SELECT " COUNTERPART_COLUMNS
                                       " FROM " COUNTERPART_FROM
                                       " WHERE trashed = 0 AND status = ?4"
                                       " AND (sort_key, counterparts.id) >= (?2, ?3)"
                                       " ORDER BY sort_key, counterparts.id"
                                       " LIMIT ?1",
                                       error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, limit);
  sqlite3_bind_value (stmt, 2, sqlite3_column_value (start, 0));
  sqlite3_bind_int64 (stmt, 3, sqlite3_column_int64 (start, 1));
  if (status != NULL)
    sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);

  return bk_database_read_rows (db, stmt, (BkRowFunc) counterpart_from_row, error);
}

/* How many counterparts in the list of @status (or of all) come before the row @id, whether
 * or not that row is in the list itself: G_MAXUINT when there is no such row, or when
 * @only_listed and it is not in the list. */
static guint
count_before (BkCounterpartStore *self,
              gint64              id,
              const char         *status,
              gboolean            only_listed)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sort_key = NULL;

  /* where it is, if it is in the list at all */
  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT sort_key FROM counterparts"
                                           " WHERE id = ?1 AND (NOT ?3 OR trashed = 0)"
                                           " AND (?2 IS NULL OR status = ?2)",
                                           &error)))
    {
      g_warning ("Could not find a client or vendor: %s", error->message);
      return G_MAXUINT;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, !!only_listed);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return G_MAXUINT;

  sort_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, bk_cached_statement_release);

  /* how many come before it */
  if (status == NULL)
    stmt = bk_database_prepare_cached (db,
                                       "SELECT count(*) FROM counterparts"
                                       " WHERE trashed = 0 AND (sort_key, id) < (?1, ?2)",
                                       &error);
  else
    stmt = bk_database_prepare_cached (db,
                                       "SELECT count(*) FROM counterparts"
                                       " WHERE trashed = 0 AND status = ?3"
                                       " AND (sort_key, id) < (?1, ?2)",
                                       &error);
  if (stmt == NULL)
    {
      g_warning ("Could not find a client or vendor: %s", error->message);
      return G_MAXUINT;
    }

  sqlite3_bind_text (stmt, 1, sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (status != NULL)
    sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return G_MAXUINT;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* Where the counterpart is in the list of @status (or of all, for %NULL): G_MAXUINT when it is
 * not in it. */
guint
bk_counterpart_store_find_position (BkCounterpartStore *self,
                                    gint64              id,
                                    const char         *status)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), G_MAXUINT);

  return count_before (self, id, status, TRUE);
}

/* Where the counterpart stood in the list of @status (or of all) when it was in it: for one
 * just moved to the trash. G_MAXUINT when it is not of that status. */
guint
bk_counterpart_store_find_position_any (BkCounterpartStore *self,
                                        gint64              id,
                                        const char         *status)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), G_MAXUINT);

  return count_before (self, id, status, FALSE);
}

/* Searching: one full-text index over counterparts and their notes */

/* The live counterpart (of @status, unless %NULL) that the matching row @docid is or belongs
 * to; 0 for none */
static gint64
search_row_owner (BkCounterpartStore  *self,
                  gint64               docid,
                  gboolean             is_note,
                  const char          *status,
                  GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  gint64 owner = 0;
  int rc;

  if (is_note)
    stmt = bk_database_prepare_cached (db,
                                       "SELECT c.id FROM live_note_owners AS n"
                                       " JOIN counterparts AS c ON c.id = n.counterpart_id"
                                       " WHERE n.id = ?1 AND c.trashed = 0"
                                       " AND (?2 IS NULL OR c.status = ?2)",
                                       error);
  else
    stmt = bk_database_prepare_cached (db,
                                       "SELECT id FROM counterparts"
                                       " WHERE id = ?1 AND trashed = 0"
                                       " AND (?2 IS NULL OR status = ?2)",
                                       error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, docid);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    owner = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      bk_database_set_error (db, error);
      return -1;
    }

  return owner;
}

static void
clear_search_hit (gpointer data)
{
  BkSearchHit *hit = data;

  g_clear_pointer (&hit->snippet, g_free);
}

/**
 * bk_counterpart_store_search_page:
 * @fts_query: an FTS5 query (see bk_search_query_from_text())
 * @status: (nullable): only counterparts of this status
 * @cursor: where the previous page ended (zeroed for the first); moved on
 * @seen: (element-type gint64 gint64): the counterparts found by the previous pages (a set of
 *   ids in g_int64_hash() pointers); the new ones are added
 * @limit: the most hits to return
 *
 * One page of a search, read as far as it needs and no further: first the counterparts whose
 * own row (name, organisation, tags) matches, then those with a matching note; each part newest
 * first, and one hit per counterpart (its first). The page is short only at the end
 * (@cursor->done).
 *
 * Returns: (element-type BkSearchHit): the hits, or %NULL when the journal fails (an
 *   interrupted connection fails with SQLITE_INTERRUPT's message)
 */
GArray *
bk_counterpart_store_search_page (BkCounterpartStore  *self,
                                  const char          *fts_query,
                                  const char          *status,
                                  BkSearchCursor      *cursor,
                                  GHashTable          *seen,
                                  guint                limit,
                                  GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);
  g_return_val_if_fail (fts_query != NULL, NULL);
  g_return_val_if_fail (cursor != NULL, NULL);
  g_return_val_if_fail (seen != NULL, NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (BkSearchHit));
  g_array_set_clear_func (hits, clear_search_hit);

  while (!cursor->done && hits->len < limit)
    {
      g_autoptr(BkCachedStatement) stmt = NULL;
      gboolean full = FALSE;
      int rc = SQLITE_DONE;

      /* FTS5 walks its index backwards by rowid, within the bounds, reading no more than it
       * is asked for: no ranking, no sorting of every match. The snippet comes with each row
       * (asked for on its own, it would run the whole query again). */
      stmt = bk_database_prepare_cached (db,
                                         "SELECT rowid,"
                                         " snippet (search_index, -1, char (1), char (2), '…', 12)"
                                         " FROM search_index"
                                         " WHERE search_index MATCH ?1"
                                         " AND rowid >= ?2 AND rowid < ?3"
                                         " ORDER BY rowid DESC",
                                         error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, cursor->in_notes ? BK_NOTE_ID_BASE : 0);
      if (cursor->after > 0)
        sqlite3_bind_int64 (stmt, 3, cursor->after);
      else
        sqlite3_bind_int64 (stmt, 3, cursor->in_notes ? G_MAXINT64 : BK_NOTE_ID_BASE);

      while (!full && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          BkSearchHit hit;

          hit.docid = sqlite3_column_int64 (stmt, 0);
          cursor->after = hit.docid;

          hit.counterpart_id = search_row_owner (self, hit.docid, cursor->in_notes, status, error);
          if (hit.counterpart_id < 0)
            return NULL;
          if (hit.counterpart_id == 0 ||
              !g_hash_table_add (seen, g_memdup2 (&hit.counterpart_id, sizeof hit.counterpart_id)))
            continue;

          hit.snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_array_append_val (hits, hit);
          full = hits->len >= limit;
        }

      if (full)
        break;

      if (rc != SQLITE_DONE)
        {
          bk_database_set_error (db, error);
          return NULL;
        }

      /* this part is read to its end: the notes next, or nothing */
      if (cursor->in_notes)
        cursor->done = TRUE;
      cursor->in_notes = TRUE;
      cursor->after = 0;
    }

  return g_steal_pointer (&hits);
}

/**
 * bk_counterpart_store_search_initial:
 * @initial: one letter (or digit)
 * @status: (nullable): only counterparts of this status
 * @cursor: where the previous page ended (zeroed for the first); moved on
 * @limit: the most hits to return
 *
 * One page of the counterparts whose name begins with @initial (in any case, accents
 * folded), in the order of the list; each hit's snippet is the name, its initial marked.
 *
 * Returns: (element-type BkSearchHit): the hits, or %NULL when the journal fails
 */
GArray *
bk_counterpart_store_search_initial (BkCounterpartStore  *self,
                                     const char          *initial,
                                     const char          *status,
                                     BkSearchCursor      *cursor,
                                     guint                limit,
                                     GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree char *sort_key = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);
  g_return_val_if_fail (initial != NULL, NULL);
  g_return_val_if_fail (cursor != NULL, NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (BkSearchHit));
  g_array_set_clear_func (hits, clear_search_hit);
  if (cursor->done)
    return g_steal_pointer (&hits);

  /* the names sharing a beginning are one stretch of the index of names; U+10FFFF sorts after
   * any character that can follow. The cursor counts the hits so far. */
  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT id, char (1) || substr (name, 1, 1) || char (2) || substr (name, 2)"
                                           " FROM counterparts"
                                           " WHERE trashed = 0 AND sort_key >= ?1 AND sort_key < ?1 || char (1114111)"
                                           " AND (?2 IS NULL OR status = ?2)"
                                           " ORDER BY sort_key, id LIMIT ?3 OFFSET ?4",
                                           error)))
    return NULL;

  sort_key = dup_sort_key (initial);
  sqlite3_bind_text (stmt, 1, sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, cursor->after);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkSearchHit hit;

      hit.counterpart_id = sqlite3_column_int64 (stmt, 0);
      hit.docid = hit.counterpart_id;
      hit.snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_array_append_val (hits, hit);
    }

  if (rc != SQLITE_DONE)
    {
      bk_database_set_error (db, error);
      return NULL;
    }

  cursor->after += hits->len;
  cursor->done = hits->len < limit;

  return g_steal_pointer (&hits);
}


/**
 * bk_counterpart_store_find:
 * @name_or_uuid: a counterpart's uuid, or its name in any case, with or without white space at
 *   either end
 *
 * Whom a person means by a name or an id (on the command line, say), in the order of the list:
 * one query through the index of names. Names compare case-folded, accents and all.
 *
 * Returns: (transfer full) (element-type BkCounterpart): the counterparts not in the trash that
 *   match, empty when none does
 */
GPtrArray *
bk_counterpart_store_find (BkCounterpartStore  *self,
                           const char          *name_or_uuid,
                           GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *sort_key = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);
  g_return_val_if_fail (name_or_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (name_or_uuid));
  if (!bk_store_check_utf8 (trimmed, error))
    return NULL;

  /* Names are saved as bk_counterpart_set_name() strips them, and their sort keys made of that;
   * a sort key folds accents too, so the names that share it are compared exactly here. */
  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT " COUNTERPART_COLUMNS
                                           " FROM " COUNTERPART_FROM
                                           " WHERE counterparts.trashed = 0"
                                           " AND (counterparts.sort_key = ?1 OR counterparts.uuid = ?2)"
                                           " ORDER BY counterparts.sort_key, counterparts.id",
                                           error)))
    return NULL;

  /* A uuid means that one counterpart, never a name */
  if (g_uuid_string_is_valid (trimmed))
    {
      sqlite3_bind_null (stmt, 1);
      sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
      return bk_database_read_rows (db, stmt, (BkRowFunc) counterpart_from_row, error);
    }

  sort_key = dup_sort_key (trimmed);
  sqlite3_bind_text (stmt, 1, sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_null (stmt, 2);

  if (!(candidates = bk_database_read_rows (db, stmt, (BkRowFunc) counterpart_from_row, error)))
    return NULL;

  found = g_ptr_array_new_with_free_func (g_object_unref);
  wanted = g_utf8_casefold (trimmed, -1);

  for (guint i = 0; i < candidates->len; i++)
    {
      BkCounterpart *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *folded = g_utf8_casefold (bk_counterpart_get_name (candidate), -1);

      if (g_str_equal (folded, wanted))
        g_ptr_array_add (found, g_object_ref (candidate));
    }

  return g_steal_pointer (&found);
}

/* Importing: what a journal written elsewhere (a JSON export) brings */

/**
 * bk_counterpart_store_find_by_uuid:
 * @id: (out): the counterpart with this uuid, or 0 when there is none
 * @trashed: (out) (optional): whether it is in the trash (its uuid is taken all the same)
 */
gboolean
bk_counterpart_store_find_by_uuid (BkCounterpartStore  *self,
                                   const char          *uuid,
                                   gint64              *id,
                                   gboolean            *trashed,
                                   GError             **error)
{
  gint64 in_trash = 0;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!bk_database_find_by_text (bk_store_get_database (BK_STORE (self)),
                                 "SELECT id, trashed FROM counterparts WHERE uuid = ?1",
                                 uuid, id, &in_trash, error))
    return FALSE;

  if (trashed != NULL)
    *trashed = in_trash != 0;

  return TRUE;
}

/**
 * bk_counterpart_store_import:
 * @counterpart: a new counterpart (id 0)
 *
 * Adds @counterpart as bk_counterpart_store_save() does, with the same checks, but keeps its
 * updated date (a save stamps the time of saving): an import keeps the file's.
 */
gboolean
bk_counterpart_store_import (BkCounterpartStore  *self,
                             BkCounterpart       *counterpart,
                             GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;
  g_autoptr(GDateTime) updated = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_COUNTERPART (counterpart), FALSE);
  g_return_val_if_fail (bk_counterpart_get_id (counterpart) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  updated = bk_date_time_dup_whole_seconds (bk_counterpart_get_updated (counterpart));

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!bk_counterpart_store_save (self, counterpart, error))
    goto failed;

  if (updated != NULL)
    {
      if (!(stmt = bk_database_prepare_cached (db,
                                               "UPDATE counterparts SET updated = ?2 WHERE id = ?1",
                                               error)))
        goto failed;

      sqlite3_bind_int64 (stmt, 1, bk_counterpart_get_id (counterpart));
      sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (updated));

      if (!bk_database_step_done (db, stmt, error))
        goto failed;

      g_clear_pointer (&stmt, bk_cached_statement_release);
    }

  if (!bk_database_commit (db, error))
    goto forget;

  if (updated != NULL)
    bk_counterpart_set_updated (counterpart, updated);

  return TRUE;

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
forget:
  /* not in the journal after all */
  bk_counterpart_set_id (counterpart, 0);
  return FALSE;
}

/**
 * bk_counterpart_store_replace_health:
 * @id: a counterpart not in the trash
 * @points: (element-type BkHealthPoint): its health over time, each from 1 to 5
 *
 * Gives a counterpart this history of its health instead of the one it has: an import keeps the
 * file's rather than the one the journal started when the counterpart was added.
 */
gboolean
bk_counterpart_store_replace_health (BkCounterpartStore  *self,
                                     gint64               id,
                                     GArray              *points,
                                     GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);
  g_return_val_if_fail (points != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* the rule of bk_counterpart_store_save() */
  for (guint i = 0; i < points->len; i++)
    {
      if (!check_health (g_array_index (points, BkHealthPoint, i).health, error))
        return FALSE;
    }

  if (!bk_database_begin (db, error))
    return FALSE;

  if (!bk_store_check_counterpart (BK_STORE (self), id, COUNTERPART_NOT_FOUND, error))
    goto failed;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "DELETE FROM health_history WHERE counterpart_id = ?1",
                                           error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!bk_database_step_done (db, stmt, error))
    goto failed;

  g_clear_pointer (&stmt, bk_cached_statement_release);

  for (guint i = 0; i < points->len; i++)
    {
      const BkHealthPoint *point = &g_array_index (points, BkHealthPoint, i);

      if (!(stmt = bk_database_prepare_cached (db,
                                               "INSERT INTO health_history"
                                               " (counterpart_id, changed, health)"
                                               " VALUES (?1, ?2, ?3)",
                                               error)))
        goto failed;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, point->changed);
      sqlite3_bind_int (stmt, 3, point->health);

      if (!bk_database_step_done (db, stmt, error))
        goto failed;

      g_clear_pointer (&stmt, bk_cached_statement_release);
    }

  /* a counterpart's summary shows its history */
  bk_store_queue_change (BK_STORE (self), BK_CHANGE_CHANGED, id, id);

  return bk_database_commit (db, error);

failed:
  g_clear_pointer (&stmt, bk_cached_statement_release);
  bk_database_rollback (db);
  return FALSE;
}

/* A counterpart read with its newest call, meeting or email after the COUNTERPART_COLUMNS */
static gpointer
counterpart_with_contact_from_row (sqlite3_stmt *stmt)
{
  BkCounterpart *counterpart = counterpart_from_row (stmt);

  if (sqlite3_column_type (stmt, 18) != SQLITE_NULL)
    {
      g_autoptr(GDateTime) last_contact = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 18));

      bk_counterpart_set_last_contact (counterpart, last_contact);
    }

  return counterpart;
}

/**
 * bk_counterpart_store_list_losing_touch:
 * @now: the time it is
 * @unnotified_only: only those not told about since they fell due (see
 *   bk_counterpart_store_set_touch_notified())
 *
 * The counterparts with a keep-in-touch rhythm whose last call, meeting or email (or, with
 * none, their coming into the journal) is that many days ago or more, the longest overdue
 * first; each knows its last contact (bk_counterpart_get_last_contact()).
 *
 * Returns: (transfer full) (element-type BkCounterpart):
 */
GPtrArray *
bk_counterpart_store_list_losing_touch (BkCounterpartStore  *self,
                                        GDateTime           *now,
                                        gboolean             unnotified_only,
                                        GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* (few have a rhythm: the partial index finds them, "+" keeping the index by name out of
   * it; each one's last contact is read through the notes' index by counterpart) */
  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT * FROM ("
                                           "  SELECT " COUNTERPART_COLUMNS ","
                                           "    (SELECT max (contacts.created) FROM contacts"
                                           "     WHERE contacts.counterpart_id = counterparts.id) AS last_contact,"
                                           "    counterparts.touch_notified AS notified"
                                           "  FROM " COUNTERPART_FROM
                                           "  WHERE counterparts.keep_in_touch_days > 0 AND +counterparts.trashed = 0)"
                                           " WHERE coalesce (last_contact, created) + keep_in_touch_days * 86400 <= ?1"
                                           " AND (?2 = 0 OR notified IS NULL"
                                           "      OR notified < coalesce (last_contact, created) + keep_in_touch_days * 86400)"
                                           " ORDER BY coalesce (last_contact, created) + keep_in_touch_days * 86400, id",
                                           error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now));
  sqlite3_bind_int (stmt, 2, unnotified_only ? 1 : 0);

  return bk_database_read_rows (db, stmt, counterpart_with_contact_from_row, error);
}

/* Remembers that the person was told, @when, that the counterpart @id is losing touch: they are
 * told again only once another due date passes. Emits nothing (nothing shown changes). */
gboolean
bk_counterpart_store_set_touch_notified (BkCounterpartStore  *self,
                                         gint64               id,
                                         GDateTime           *when,
                                         GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "UPDATE counterparts SET touch_notified = ?2 WHERE id = ?1",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (when));

  return bk_database_step_done (db, stmt, error);
}

/**
 * bk_counterpart_store_list_referrals_back:
 *
 * The bridges that paid off: counterparts referred by one you parted from on good terms or
 * handed over (its status ended well or handed over), newest first.
 *
 * Returns: (transfer full) (element-type BkCounterpart):
 */
GPtrArray *
bk_counterpart_store_list_referrals_back (BkCounterpartStore  *self,
                                          GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = bk_database_prepare_cached (db,
                                           "SELECT " COUNTERPART_COLUMNS
                                           " FROM " COUNTERPART_FROM
                                           " JOIN counterparts AS referrer ON referrer.id = counterparts.referred_by_id"
                                           " WHERE counterparts.trashed = 0 AND referrer.trashed = 0"
                                           " AND referrer.status IN ('ended-well', 'handed-over')"
                                           " ORDER BY counterparts.created DESC, counterparts.id DESC",
                                           error)))
    return NULL;

  return bk_database_read_rows (db, stmt, (BkRowFunc) counterpart_from_row, error);
}

/* Links the counterpart @id to the one who referred it, @referrer_id (an import, once both are
 * in the journal); nobody refers themselves */
gboolean
bk_counterpart_store_set_referrer (BkCounterpartStore  *self,
                                   gint64               id,
                                   gint64               referrer_id,
                                   GError             **error)
{
  BkDatabase *db = bk_store_get_database (BK_STORE (self));
  g_autoptr(BkCachedStatement) stmt = NULL;

  g_return_val_if_fail (BK_IS_COUNTERPART_STORE (self), FALSE);

  if (id == referrer_id)
    return TRUE;

  if (!(stmt = bk_database_prepare_cached (db,
                                           "UPDATE counterparts SET referred_by_id = ?2 WHERE id = ?1",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, referrer_id);
  if (!bk_database_step_done (db, stmt, error))
    return FALSE;

  bk_store_queue_change (BK_STORE (self), BK_CHANGE_CHANGED, id, id);

  return TRUE;
}

/* bk-store.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-store.h"

typedef struct
{
  BkDatabase *database;
} BkStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BkStore, bk_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
bk_store_dispose (GObject *object)
{
  BkStorePrivate *priv = bk_store_get_instance_private (BK_STORE (object));

  g_clear_object (&priv->database);

  G_OBJECT_CLASS (bk_store_parent_class)->dispose (object);
}

static void
bk_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BkStorePrivate *priv = bk_store_get_instance_private (BK_STORE (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BkStorePrivate *priv = bk_store_get_instance_private (BK_STORE (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_store_class_init (BkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_store_dispose;
  object_class->get_property = bk_store_get_property;
  object_class->set_property = bk_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         BK_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkStore::changed:
   * @change: a #BkChange: the row was added, changed or removed (or moved to the trash)
   * @id: the row's id
   * @counterpart_id: the counterpart the row belongs to (for a counterpart, its own id)
   *
   * Emitted for each row that a write changed, once its transaction has committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_INT64);
}

static void
bk_store_init (BkStore *self)
{
}

BkDatabase *
bk_store_get_database (BkStore *self)
{
  BkStorePrivate *priv = bk_store_get_instance_private (self);

  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  return priv->database;
}

void
bk_store_queue_change (BkStore  *self,
                       BkChange  change,
                       gint64    id,
                       gint64    counterpart_id)
{
  BkStorePrivate *priv = bk_store_get_instance_private (self);

  g_return_if_fail (BK_IS_STORE (self));

  bk_database_queue_change (priv->database, self, signals[CHANGED], change, id, counterpart_id);
}

/**
 * bk_store_change_row:
 * @change: what the statement does to the row: %BK_CHANGE_CHANGED or %BK_CHANGE_REMOVED
 * @sql: an UPDATE or DELETE of the row ?1 (a string literal), "... RETURNING counterpart_id",
 *   with @date_time (or NULL) for its ?2 if it has one
 * @not_found: the message of %BK_DATABASE_ERROR_NOT_FOUND when no row matched
 *
 * Changes one row by its id and tells it, with its counterpart.
 */
gboolean
bk_store_change_row (BkStore     *self,
                     BkChange     change,
                     const char  *sql,
                     gint64       id,
                     GDateTime   *date_time,
                     const char  *not_found,
                     GError     **error)
{
  BkStorePrivate *priv = bk_store_get_instance_private (self);
  gint64 counterpart_id;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_database_change_by_id (priv->database, sql, id, date_time, &counterpart_id, not_found,
                                 error))
    return FALSE;

  bk_store_queue_change (self, change, id, counterpart_id);

  return TRUE;
}

/* Whether the counterpart is in the journal and not in the trash: if not, fails with
 * %BK_DATABASE_ERROR_NOT_FOUND and the message @not_found. */
gboolean
bk_store_check_counterpart (BkStore     *self,
                            gint64       counterpart_id,
                            const char  *not_found,
                            GError     **error)
{
  BkStorePrivate *priv = bk_store_get_instance_private (self);
  g_autoptr(BkCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (not_found != NULL, FALSE);

  if (!(stmt = bk_database_prepare_cached (priv->database,
                                           "SELECT 1 FROM live_counterparts WHERE id = ?1",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND, not_found);
  else
    bk_database_set_error (priv->database, error);

  return FALSE;
}

gboolean
bk_store_check_utf8 (const char  *text,
                     GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error,
                           BK_DATABASE_ERROR,
                           BK_DATABASE_ERROR_INVALID,
                           _("The text contains characters that are not valid UTF-8."));
      return FALSE;
    }

  return TRUE;
}

gboolean
bk_store_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, TRUE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * bk_store_dup_printable:
 *
 * @text with its control characters (an escape sequence a terminal would obey, a NUL) shown
 * as "\u001B", for quoting what a file or a journal holds in a message.
 */
char *
bk_store_dup_printable (const char *text)
{
  g_autoptr(GString) printable = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  printable = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (printable, "\\u%04X", c);
      else
        g_string_append_unichar (printable, c);
    }

  return g_string_free (g_steal_pointer (&printable), FALSE);
}

char *
bk_store_dup_trimmed (const char *text)
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
bk_store_dup_uuid (const char *uuid)
{
  if (uuid == NULL || uuid[0] == '\0')
    return g_uuid_string_random ();

  return g_strdup (uuid);
}

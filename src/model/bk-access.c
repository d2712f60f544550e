/* bk-access.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-access"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-access.h"
#include "bk-keyring.h"

G_DEFINE_QUARK (bk-access-error-quark, bk_access_error)

/* The keyring's errors as ours, with their messages (they say what to do already) */
static GError *
translate_error (GError *error)
{
  static const struct {
    BkKeyringError keyring;
    BkAccessError  access;
  } codes[] = {
    { BK_KEYRING_ERROR_UNAVAILABLE, BK_ACCESS_ERROR_UNAVAILABLE },
    { BK_KEYRING_ERROR_LOCKED, BK_ACCESS_ERROR_LOCKED },
    { BK_KEYRING_ERROR_NOT_FOUND, BK_ACCESS_ERROR_NO_SECRET },
    { BK_KEYRING_ERROR_FAILED, BK_ACCESS_ERROR_FAILED },
    { BK_KEYRING_ERROR_DISMISSED, BK_ACCESS_ERROR_DISMISSED },
  };

  if (error->domain != BK_KEYRING_ERROR)
    return error;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      if (error->code == (int) codes[i].keyring)
        {
          error->domain = BK_ACCESS_ERROR;
          error->code = codes[i].access;
          return error;
        }
    }

  error->domain = BK_ACCESS_ERROR;
  error->code = BK_ACCESS_ERROR_FAILED;
  return error;
}

static GTask *
new_task (BkJournal           *journal,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (journal, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  return task;
}

static gpointer
propagate_pointer (BkJournal     *journal,
                   GAsyncResult  *result,
                   gpointer       source_tag,
                   GError       **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (g_task_is_valid (result, journal), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
propagate_boolean (BkJournal     *journal,
                   GAsyncResult  *result,
                   gpointer       source_tag,
                   GError       **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, journal), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Save */

typedef struct
{
  /* The credential as saved */
  BkCredential *saved;
  /* An edited credential as it was before, to put back; NULL for a new one */
  BkCredential *previous;
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->saved);
  g_clear_object (&save->previous);
  g_free (save);
}

/* The secret did not reach the keyring: the journal goes back to how it was. */
static void
undo_save (BkJournal *journal,
           Save      *save)
{
  BkCredentialStore *store = bk_journal_get_credentials (journal);
  g_autoptr(GError) error = NULL;
  gboolean undone;

  if (save->previous == NULL)
    undone = bk_credential_store_delete (store, bk_credential_get_id (save->saved), &error);
  else
    undone = bk_credential_store_save (store, save->previous, &error);

  if (!undone)
    g_warning ("A credential whose secret was not stored stays in the journal: %s", error->message);
}

static void
on_secret_stored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Save *save = g_task_get_task_data (task);
  GError *error = NULL;

  if (!bk_keyring_store_finish (result, &error))
    {
      undo_save (g_task_get_source_object (task), save);
      g_task_return_error (task, translate_error (error));
      return;
    }

  g_task_return_pointer (task, g_object_ref (save->saved), g_object_unref);
}

void
bk_access_save_async (BkJournal           *journal,
                      BkCredential        *credential,
                      const char          *secret,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  BkCredentialStore *store;
  GError *error = NULL;
  Save *save;
  gint64 id;

  g_return_if_fail (BK_IS_JOURNAL (journal));
  g_return_if_fail (BK_IS_CREDENTIAL (credential));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (journal, bk_access_save_async, cancellable, callback, user_data);
  save = g_new0 (Save, 1);
  save->saved = bk_credential_copy (credential);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);

  store = bk_journal_get_credentials (journal);
  id = bk_credential_get_id (credential);

  if ((id != 0 && !(save->previous = bk_credential_store_dup (store, id, &error))) ||
      !(counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (journal),
                                                bk_credential_get_counterpart_id (credential), &error)) ||
      !bk_credential_store_save (store, save->saved, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (secret == NULL || secret[0] == '\0')
    {
      g_task_return_pointer (task, g_object_ref (save->saved), g_object_unref);
      return;
    }

  bk_keyring_store_async (bk_counterpart_get_uuid (counterpart), bk_credential_get_uuid (save->saved),
                          bk_credential_get_label (save->saved), secret, cancellable,
                          on_secret_stored_cb, g_steal_pointer (&task));
}

/* Returns: (transfer full): the credential as saved, with its id and uuid */
BkCredential *
bk_access_save_finish (BkJournal     *journal,
                       GAsyncResult  *result,
                       GError       **error)
{
  return propagate_pointer (journal, result, bk_access_save_async, error);
}

/* Lookup */

static void
on_secret_found_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  if (!(secret = bk_keyring_lookup_finish (result, &error)))
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) bk_keyring_free_secret);
}

void
bk_access_lookup_secret_async (BkJournal           *journal,
                               gint64               credential_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(BkCredential) credential = NULL;
  GError *error = NULL;

  g_return_if_fail (BK_IS_JOURNAL (journal));

  task = new_task (journal, bk_access_lookup_secret_async, cancellable, callback, user_data);

  if (!(credential = bk_credential_store_dup (bk_journal_get_credentials (journal), credential_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  bk_keyring_lookup_async (bk_credential_get_uuid (credential), cancellable, on_secret_found_cb,
                           g_steal_pointer (&task));
}

char *
bk_access_lookup_secret_finish (BkJournal     *journal,
                                GAsyncResult  *result,
                                GError       **error)
{
  return propagate_pointer (journal, result, bk_access_lookup_secret_async, error);
}

void
bk_access_free_secret (char *secret)
{
  bk_keyring_free_secret (secret);
}

/* Check */

static void
on_keyring_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!bk_keyring_check_finish (result, &error))
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
bk_access_check_keyring_async (BkJournal           *journal,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (BK_IS_JOURNAL (journal));

  bk_keyring_check_async (cancellable, on_keyring_checked_cb,
                          new_task (journal, bk_access_check_keyring_async, cancellable, callback, user_data));
}

gboolean
bk_access_check_keyring_finish (BkJournal     *journal,
                                GAsyncResult  *result,
                                GError       **error)
{
  return propagate_boolean (journal, result, bk_access_check_keyring_async, error);
}

/* Delete */

static void
on_secret_deleted_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The row is gone, which is what the person asked for; a secret left behind goes with the
   * next sweep of orphans. */
  if (!bk_keyring_delete_finish (result, &error) &&
      !g_error_matches (error, BK_KEYRING_ERROR, BK_KEYRING_ERROR_NOT_FOUND))
    g_message ("A deleted credential's secret is still in the keyring: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

void
bk_access_delete_async (BkJournal           *journal,
                        gint64               credential_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  BkCredentialStore *store;
  g_autoptr(GTask) task = NULL;
  g_autoptr(BkCredential) credential = NULL;
  GError *error = NULL;

  g_return_if_fail (BK_IS_JOURNAL (journal));

  task = new_task (journal, bk_access_delete_async, cancellable, callback, user_data);
  store = bk_journal_get_credentials (journal);

  if (!(credential = bk_credential_store_dup (store, credential_id, &error)) ||
      !bk_credential_store_delete (store, credential_id, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  bk_keyring_delete_async (bk_credential_get_uuid (credential), cancellable, on_secret_deleted_cb,
                           g_steal_pointer (&task));
}

gboolean
bk_access_delete_finish (BkJournal     *journal,
                         GAsyncResult  *result,
                         GError       **error)
{
  return propagate_boolean (journal, result, bk_access_delete_async, error);
}

static void
on_secrets_deleted_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!bk_keyring_delete_counterpart_finish (result, &error))
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
bk_access_delete_secrets_async (BkJournal           *journal,
                                const char          *counterpart_uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (BK_IS_JOURNAL (journal));
  g_return_if_fail (counterpart_uuid != NULL && counterpart_uuid[0] != '\0');

  bk_keyring_delete_counterpart_async (counterpart_uuid, cancellable, on_secrets_deleted_cb,
                                       new_task (journal, bk_access_delete_secrets_async,
                                                 cancellable, callback, user_data));
}

gboolean
bk_access_delete_secrets_finish (BkJournal     *journal,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return propagate_boolean (journal, result, bk_access_delete_secrets_async, error);
}

/* Orphans */

static void
on_orphans_forgotten_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  guint n_deleted = 0;

  if (!bk_keyring_forget_orphans_finish (result, &n_deleted, &error))
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_int (task, n_deleted);
}

void
bk_access_forget_orphans_async (BkJournal           *journal,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) known = NULL;
  GError *error = NULL;

  g_return_if_fail (BK_IS_JOURNAL (journal));

  task = new_task (journal, bk_access_forget_orphans_async, cancellable, callback, user_data);

  if (!(known = bk_credential_store_dup_uuids (bk_journal_get_credentials (journal), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  bk_keyring_forget_orphans_async ((const char * const *) known, cancellable, on_orphans_forgotten_cb,
                                   g_steal_pointer (&task));
}

gboolean
bk_access_forget_orphans_finish (BkJournal     *journal,
                                 GAsyncResult  *result,
                                 guint         *n_deleted,
                                 GError       **error)
{
  gssize n;

  g_return_val_if_fail (BK_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, journal), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_access_forget_orphans_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_deleted != NULL)
    *n_deleted = (guint) n;

  return TRUE;
}

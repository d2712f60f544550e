/* bk-keyring.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Credentials' secrets in the desktop keyring, through libsecret's password API: the Secret
 * Service on the session bus (GNOME Keyring, KeePassXC, ...), or libsecret's file backend
 * where libsecret picks it (inside Flatpak, or with SECRET_BACKEND=file). Every call is
 * asynchronous. libsecret's errors become BK_KEYRING_ERROR codes with a message a person can
 * act on; a cancelled call stays G_IO_ERROR_CANCELLED. A secret is never logged, and when the
 * keyring fails nothing is ever stored anywhere else. */

#define G_LOG_DOMAIN "bk-keyring"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "bk-keyring.h"

#define ATTRIBUTE_COUNTERPART "counterpart"
#define ATTRIBUTE_CREDENTIAL "credential"

G_DEFINE_QUARK (bk-keyring-error-quark, bk_keyring_error)

/* What was being done, for the message of an unexpected failure */
typedef enum
{
  OPERATION_STORE,
  OPERATION_LOOKUP,
  OPERATION_DELETE,
  OPERATION_SEARCH,
} Operation;

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID, SECRET_SCHEMA_NONE,
    {
      { ATTRIBUTE_COUNTERPART, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTRIBUTE_CREDENTIAL, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* No Secret Service to talk to: none on the bus and none to start, no session bus at all, or
 * one that died or does not answer. */
static gboolean
is_unavailable (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_TIMEOUT:
        case G_DBUS_ERROR_TIMED_OUT:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        /* the session bus: missing ("Cannot autolaunch D-Bus without X11 $DISPLAY"), gone, or
         * its address pointing nowhere */
        case G_IO_ERROR_CLOSED:
        case G_IO_ERROR_TIMED_OUT:
        case G_IO_ERROR_NOT_FOUND:
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_BROKEN_PIPE:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return FALSE;
}

/* libsecret says "Cannot autolaunch D-Bus without X11 $DISPLAY" (G_IO_ERROR_FAILED) when there
 * is no session bus at all. GLib looks for one where this does (without autolaunching one). */
static gboolean
has_no_session_bus (void)
{
  g_autofree char *socket = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return FALSE;

  socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);

  return !g_file_test (socket, G_FILE_TEST_EXISTS);
}

static GError *
new_unavailable_error (void)
{
  return g_error_new_literal (BK_KEYRING_ERROR,
                              BK_KEYRING_ERROR_UNAVAILABLE,
                              _("The keyring is not available. Start your desktop’s keyring "
                                "(GNOME Keyring) and try again; your secrets were not stored "
                                "anywhere else."));
}

static GError *
new_locked_error (void)
{
  return g_error_new_literal (BK_KEYRING_ERROR,
                              BK_KEYRING_ERROR_LOCKED,
                              _("The keyring is locked: unlock it in Passwords and Keys, then "
                                "try again."));
}

/* The person dismissed the keyring's prompt (to unlock it, or to create the keyring there was
 * none of): a "no", not a failure. The message is for a caller that says something anyway. */
static GError *
new_dismissed_error (void)
{
  return g_error_new_literal (BK_KEYRING_ERROR,
                              BK_KEYRING_ERROR_DISMISSED,
                              _("Not saved: the keyring’s prompt was dismissed. Save again "
                                "when you are ready."));
}

/* Storing in the default collection when there is none: libsecret asks the desktop to create
 * it, and when the person dismisses that prompt it tries the missing collection again, which
 * answers "Object does not exist at path …/collection/login". */
static gboolean
is_missing_collection (const GError *error)
{
  return g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT);
}

/* Turns libsecret's error into ours; @task's cancellable tells a call the app cancelled from a
 * prompt the person dismissed. */
static GError *
translate_error (GError    *error,
                 Operation  operation,
                 GTask     *task)
{
  g_debug ("libsecret failed (%s, %d): %s",
           g_quark_to_string (error->domain), error->code, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        return error;

      /* the keyring asked for its password (or to create it) and the person said no */
      g_error_free (error);
      return new_dismissed_error ();
    }

  if (operation == OPERATION_STORE && is_missing_collection (error))
    {
      g_error_free (error);
      return new_dismissed_error ();
    }

  if (is_unavailable (error) ||
      (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED) && has_no_session_bus ()))
    {
      g_error_free (error);
      return new_unavailable_error ();
    }

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    {
      g_error_free (error);
      return new_locked_error ();
    }

  /* What the keyring said is for a bug report, not for the person: they get what to do. */
  if (g_dbus_error_is_remote_error (error))
    g_dbus_error_strip_remote_error (error);
  g_message ("The keyring failed: %s", error->message);
  g_error_free (error);

  switch (operation)
    {
    case OPERATION_STORE:
      return g_error_new_literal (BK_KEYRING_ERROR, BK_KEYRING_ERROR_FAILED,
                                  _("The keyring could not save the password. Try again; if it "
                                    "keeps failing, log out and back in to restart the keyring."));
    case OPERATION_LOOKUP:
      return g_error_new_literal (BK_KEYRING_ERROR, BK_KEYRING_ERROR_FAILED,
                                  _("The keyring could not read the password. Try again; if it "
                                    "keeps failing, log out and back in to restart the keyring."));
    case OPERATION_DELETE:
      return g_error_new_literal (BK_KEYRING_ERROR, BK_KEYRING_ERROR_FAILED,
                                  _("The keyring could not delete the password. Try again; if it "
                                    "keeps failing, log out and back in to restart the keyring."));
    case OPERATION_SEARCH:
    default:
      return g_error_new_literal (BK_KEYRING_ERROR, BK_KEYRING_ERROR_FAILED,
                                  _("The keyring could not be searched. Try again; if it keeps "
                                    "failing, log out and back in to restart the keyring."));
    }
}

/* Whether one of the items found is in a locked collection (only the Secret Service locks) */
static gboolean
any_locked (GList *items)
{
  for (GList *l = items; l != NULL; l = l->next)
    {
      if (SECRET_IS_ITEM (l->data) && secret_item_get_locked (l->data))
        return TRUE;
    }

  return FALSE;
}

/* Finishes the search of a second look (see on_second_look_cb()). Returns: the error for @task,
 * locked when an item found is in a locked collection, or %NULL when nothing is out of reach */
static GError *
finish_second_look (GAsyncResult *result,
                    Operation     operation,
                    GTask        *task)
{
  GError *error = NULL;
  GList *items;
  gboolean locked;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    return translate_error (error, operation, task);

  locked = any_locked (items);
  g_list_free_full (items, g_object_unref);

  return locked ? new_locked_error () : NULL;
}

static gboolean
propagate_boolean (GAsyncResult  *result,
                   gpointer       source_tag,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The task data of a lookup or deletion: the attribute it went by, for a second look when
 * libsecret found nothing */
typedef struct
{
  Operation  operation;
  char      *attribute;
  char      *value;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->attribute);
  g_free (request->value);
  g_free (request);
}

static GTask *
request_task_new (gpointer             source_tag,
                  Operation            operation,
                  const char          *attribute,
                  const char          *value,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  request->operation = operation;
  request->attribute = g_strdup (attribute);
  request->value = g_strdup (value);
  g_task_set_task_data (task, request, request_free);

  return task;
}

/* A lookup that gave nothing, or a deletion that deleted nothing: libsecret says the same
 * (no error) when the item is there but its collection stayed locked (the unlock prompt was
 * dismissed or could not be shown). Those items are still found, with their attributes. */
static void
on_second_look_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = finish_second_look (result, request->operation, task);

  if (error != NULL)
    g_task_return_error (task, error);
  else if (request->operation == OPERATION_LOOKUP)
    g_task_return_new_error (task, BK_KEYRING_ERROR, BK_KEYRING_ERROR_NOT_FOUND,
                             _("The keyring holds no secret for this credential. Edit the "
                               "credential to store one."));
  else
    g_task_return_boolean (task, TRUE);
}

/* Takes @task */
static void
look_again (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  secret_password_search (get_schema (), SECRET_SEARCH_ALL, g_task_get_cancellable (task),
                          on_second_look_cb, task,
                          request->attribute, request->value,
                          NULL);
}

/* Store */

static void
on_store_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, translate_error (error, OPERATION_STORE, task));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * bk_keyring_store_async:
 * @counterpart_uuid: whose credential it is
 * @credential_uuid: the credential the secret belongs to
 * @label: the credential's label, for the keyring's own list ("Bridgekeeper: @label")
 * @secret: the secret; the caller wipes its own copy
 *
 * Stores the secret in the default collection (the "login" keyring of GNOME), replacing the one
 * stored for the credential before. A locked collection is unlocked first: the desktop asks for
 * its password.
 */
void
bk_keyring_store_async (const char          *counterpart_uuid,
                        const char          *credential_uuid,
                        const char          *label,
                        const char          *secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *item_label = NULL;

  g_return_if_fail (counterpart_uuid != NULL && counterpart_uuid[0] != '\0');
  g_return_if_fail (credential_uuid != NULL && credential_uuid[0] != '\0');
  g_return_if_fail (label != NULL);
  g_return_if_fail (secret != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_keyring_store_async);

  /* Translators: how a secret is named in the person's keyring (Passwords and Keys); %s is the
   * credential's label, such as "Hosting panel" */
  item_label = g_strdup_printf (_("Bridgekeeper: %s"), label);

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, item_label, secret,
                         cancellable, on_store_cb, g_steal_pointer (&task),
                         ATTRIBUTE_COUNTERPART, counterpart_uuid,
                         ATTRIBUTE_CREDENTIAL, credential_uuid,
                         NULL);
}

gboolean
bk_keyring_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  return propagate_boolean (result, bk_keyring_store_async, error);
}

/* Lookup */

static void
on_lookup_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, translate_error (error, OPERATION_LOOKUP, task));
  else if (secret == NULL)
    look_again (g_steal_pointer (&task));
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

/* A locked collection is unlocked first: the desktop asks for its password. */
void
bk_keyring_lookup_async (const char          *credential_uuid,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (credential_uuid != NULL && credential_uuid[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (bk_keyring_lookup_async, OPERATION_LOOKUP,
                           ATTRIBUTE_CREDENTIAL, credential_uuid,
                           cancellable, callback, user_data);

  secret_password_lookup (get_schema (), cancellable, on_lookup_cb, task,
                          ATTRIBUTE_CREDENTIAL, credential_uuid,
                          NULL);
}

char *
bk_keyring_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_keyring_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Overwrites the secret's memory before freeing it. */
void
bk_keyring_free_secret (char *secret)
{
  secret_password_free (secret);
}

/* Delete */

static void
on_clear_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_clear_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, translate_error (error, OPERATION_DELETE, task));
  else
    look_again (g_steal_pointer (&task));
}

static void
clear_async (gpointer             source_tag,
             const char          *attribute,
             const char          *value,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = request_task_new (source_tag, OPERATION_DELETE, attribute, value,
                                  cancellable, callback, user_data);

  secret_password_clear (get_schema (), cancellable, on_clear_cb, task,
                         attribute, value,
                         NULL);
}

/* Deleting a secret that is not there succeeds; one in a locked collection fails with
 * BK_KEYRING_ERROR_LOCKED. */
void
bk_keyring_delete_async (const char          *credential_uuid,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (credential_uuid != NULL && credential_uuid[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  clear_async (bk_keyring_delete_async, ATTRIBUTE_CREDENTIAL, credential_uuid,
               cancellable, callback, user_data);
}

gboolean
bk_keyring_delete_finish (GAsyncResult  *result,
                          GError       **error)
{
  return propagate_boolean (result, bk_keyring_delete_async, error);
}

/* As bk_keyring_delete_async(), for every secret of the counterpart */
void
bk_keyring_delete_counterpart_async (const char          *counterpart_uuid,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (counterpart_uuid != NULL && counterpart_uuid[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  clear_async (bk_keyring_delete_counterpart_async, ATTRIBUTE_COUNTERPART, counterpart_uuid,
               cancellable, callback, user_data);
}

gboolean
bk_keyring_delete_counterpart_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return propagate_boolean (result, bk_keyring_delete_counterpart_async, error);
}

/* Check */

static void
on_check_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  g_list_free_full (items, g_object_unref);

  if (error != NULL)
    g_task_return_error (task, translate_error (error, OPERATION_SEARCH, task));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * bk_keyring_check_async:
 *
 * Whether there is a keyring to keep secrets in, without opening or unlocking anything: fails
 * with BK_KEYRING_ERROR_UNAVAILABLE when there is none.
 */
void
bk_keyring_check_async (GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_keyring_check_async);

  /* A search of the app's own items: it needs the keyring, and never asks for a password. */
  secret_password_search (get_schema (), SECRET_SEARCH_NONE, cancellable, on_check_cb, task,
                          NULL);
}

gboolean
bk_keyring_check_finish (GAsyncResult  *result,
                         GError       **error)
{
  return propagate_boolean (result, bk_keyring_check_async, error);
}

/* Forgetting orphans */

typedef struct
{
  /* the credential uuids of the journal */
  GHashTable *known;
  /* the credential uuids of secrets to delete */
  GPtrArray  *orphans;
  guint       next;
  guint       n_deleted;
  /* deletions that deleted nothing: their collection may be locked */
  guint       n_left;
} ForgetData;

static void
forget_data_free (gpointer data)
{
  ForgetData *forget = data;

  g_clear_pointer (&forget->known, g_hash_table_unref);
  g_clear_pointer (&forget->orphans, g_ptr_array_unref);
  g_free (forget);
}

static void forget_next (GTask *task);

static void
on_forget_clear_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ForgetData *forget = g_task_get_task_data (task);
  GError *error = NULL;

  if (secret_password_clear_finish (result, &error))
    forget->n_deleted++;
  else if (error == NULL)
    forget->n_left++;
  else
    {
      g_task_return_error (task, translate_error (error, OPERATION_DELETE, task));
      return;
    }

  forget_next (g_steal_pointer (&task));
}

static void
on_forget_second_look_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ForgetData *forget = g_task_get_task_data (task);
  GError *error = finish_second_look (result, OPERATION_SEARCH, task);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, forget->n_deleted);
}

/* Takes @task: deletes the next orphan, or returns how many were deleted. */
static void
forget_next (GTask *task)
{
  ForgetData *forget = g_task_get_task_data (task);

  if (forget->next >= forget->orphans->len)
    {
      if (forget->n_left == 0)
        {
          g_task_return_int (task, forget->n_deleted);
          g_object_unref (task);
        }
      else
        {
          /* Some were left: if they are in a locked collection, say so. (Known credentials'
           * secrets in that collection count too: they are just as out of reach.) */
          secret_password_search (get_schema (), SECRET_SEARCH_ALL,
                                  g_task_get_cancellable (task),
                                  on_forget_second_look_cb, task,
                                  NULL);
        }
      return;
    }

  secret_password_clear (get_schema (), g_task_get_cancellable (task),
                         on_forget_clear_cb, task,
                         ATTRIBUTE_CREDENTIAL,
                         g_ptr_array_index (forget->orphans, forget->next++),
                         NULL);
}

static void
on_forget_search_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ForgetData *forget = g_task_get_task_data (task);
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, OPERATION_SEARCH, task));
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      const char *uuid = g_hash_table_lookup (attributes, ATTRIBUTE_CREDENTIAL);

      /* an item of our schema without a credential is not ours to judge; two items of one
       * credential (in two collections) go with one deletion */
      if (uuid != NULL && !g_hash_table_contains (forget->known, uuid))
        {
          g_ptr_array_add (forget->orphans, g_strdup (uuid));
          g_hash_table_add (forget->known, g_strdup (uuid));
        }
    }
  g_list_free_full (items, g_object_unref);

  g_debug ("%u secrets of credentials no longer in the journal", forget->orphans->len);

  forget_next (g_steal_pointer (&task));
}

/**
 * bk_keyring_forget_orphans_async:
 * @known: (array zero-terminated=1): the uuids of every credential in the journal, trash
 *   included (bk_journal_dup_credential_uuids())
 *
 * Looks through every item of the app's schema, in every collection, locked or not, and deletes
 * those of credentials not in @known.
 */
void
bk_keyring_forget_orphans_async (const char * const  *known,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ForgetData *forget;

  g_return_if_fail (known != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_keyring_forget_orphans_async);

  forget = g_new0 (ForgetData, 1);
  forget->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; known[i] != NULL; i++)
    g_hash_table_add (forget->known, g_strdup (known[i]));
  forget->orphans = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, forget, forget_data_free);

  /* Attributes are readable in a locked collection: no need to unlock it to search. */
  secret_password_search (get_schema (), SECRET_SEARCH_ALL, cancellable,
                          on_forget_search_cb, g_steal_pointer (&task),
                          NULL);
}

gboolean
bk_keyring_forget_orphans_finish (GAsyncResult  *result,
                                  guint         *n_deleted,
                                  GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        bk_keyring_forget_orphans_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_deleted != NULL)
    *n_deleted = (guint) n;

  return TRUE;
}

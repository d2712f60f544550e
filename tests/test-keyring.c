/* test-keyring.c: credentials' secrets in a real keyring
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs inside tests/keyring-session, which says in BK_TEST_KEYRING what is on the bus:
 * "gnome-keyring" (a gnome-keyring-daemon, unlocked), "file" (libsecret's file backend, no
 * Secret Service) or "none" (no Secret Service at all). */

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "bk-journal.h"
#include "bk-journal-json.h"
#include "bk-keyring.h"
#include "bk-test-journal.h"

/* Far longer than any call to a keyring on the bus takes: a hang fails instead of waiting */
#define TIMEOUT_SECONDS 20

static const char *keyring_mode;

/* The app's schema, as bk-keyring.c has it: the test looks at the items themselves */
static const SecretSchema schema = {
  APPLICATION_ID, SECRET_SCHEMA_NONE,
  {
    { "counterpart", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "credential", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

typedef struct
{
  char *counterpart;
  char *credential;
} Ids;

static void
ids_init (Ids *ids)
{
  ids->counterpart = g_uuid_string_random ();
  ids->credential = g_uuid_string_random ();
}

static void
ids_clear (Ids *ids)
{
  g_clear_pointer (&ids->counterpart, g_free);
  g_clear_pointer (&ids->credential, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ids, ids_clear)

/* Waiting for an asynchronous call */

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("The keyring did not answer within %d seconds", TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
on_ready (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  guint timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, NULL);

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);

  return *result;
}

static gboolean
store (const char  *counterpart,
       const char  *credential,
       const char  *label,
       const char  *secret,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_keyring_store_async (counterpart, credential, label, secret, NULL, on_ready, &result);

  return bk_keyring_store_finish (wait_for (&result), error);
}

static char *
lookup (const char  *credential,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_keyring_lookup_async (credential, NULL, on_ready, &result);

  return bk_keyring_lookup_finish (wait_for (&result), error);
}

static gboolean
delete_secret (const char  *credential,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_keyring_delete_async (credential, NULL, on_ready, &result);

  return bk_keyring_delete_finish (wait_for (&result), error);
}

static gboolean
delete_counterpart (const char  *counterpart,
                    GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_keyring_delete_counterpart_async (counterpart, NULL, on_ready, &result);

  return bk_keyring_delete_counterpart_finish (wait_for (&result), error);
}

static gboolean
check (GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_keyring_check_async (NULL, on_ready, &result);

  return bk_keyring_check_finish (wait_for (&result), error);
}

static gboolean
forget_orphans (const char * const  *known,
                guint               *n_deleted,
                GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_keyring_forget_orphans_async (known, NULL, on_ready, &result);

  return bk_keyring_forget_orphans_finish (wait_for (&result), n_deleted, error);
}

static void
assert_secret (const char *credential,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  char *secret = lookup (credential, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, expected);
  bk_keyring_free_secret (secret);
}

static void
assert_no_secret (const char *credential)
{
  g_autoptr(GError) error = NULL;
  char *secret = lookup (credential, &error);

  g_assert_null (secret);
  g_assert_error (error, BK_KEYRING_ERROR, BK_KEYRING_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "The keyring holds no secret for this credential. Edit the credential to "
                   "store one.");
}

/* The app's items with that attribute, locked or not, straight from libsecret */
static GList *
search_items (const char *attribute,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  GList *items;

  if (attribute != NULL)
    items = secret_password_search_sync (&schema, SECRET_SEARCH_ALL, NULL, &error,
                                         attribute, value, NULL);
  else
    items = secret_password_search_sync (&schema, SECRET_SEARCH_ALL, NULL, &error, NULL);
  g_assert_no_error (error);

  return items;
}

static guint
count_items (const char *attribute,
             const char *value)
{
  GList *items = search_items (attribute, value);
  guint n = g_list_length (items);

  g_list_free_full (items, g_object_unref);

  return n;
}

/* Skips when the file backend is missing from this libsecret: it then falls back to the Secret
 * Service, of which there is none on the bus. */
static gboolean
check_backend (void)
{
  g_auto(Ids) ids = { 0 };
  g_autoptr(GError) error = NULL;

  ids_init (&ids);
  if (store (ids.counterpart, ids.credential, "Probe", "probe", &error))
    {
      g_assert_true (delete_secret (ids.credential, NULL));
      return TRUE;
    }

  if (g_str_equal (keyring_mode, "file") &&
      g_error_matches (error, BK_KEYRING_ERROR, BK_KEYRING_ERROR_UNAVAILABLE))
    {
      g_test_skip ("This libsecret has no file backend (SECRET_BACKEND=file): "
                   "it was built without it");
      return FALSE;
    }

  g_assert_no_error (error);
  return FALSE;
}

/* With a real keyring */

static void
test_store_and_lookup (void)
{
  g_auto(Ids) ids = { 0 };
  g_auto(Ids) other = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GList *items;

  if (!check_backend ())
    return;

  /* a keyring is there */
  g_assert_true (check (&error));
  g_assert_no_error (error);

  ids_init (&ids);
  ids_init (&other);
  g_assert_true (store (ids.counterpart, ids.credential, "Hosting panel",
                        "correct horse battery staple — Пароль 🔑", &error));
  g_assert_no_error (error);
  g_assert_true (store (other.counterpart, other.credential, "Repository", "another", &error));
  g_assert_no_error (error);

  assert_secret (ids.credential, "correct horse battery staple — Пароль 🔑");
  assert_secret (other.credential, "another");

  /* one item, named for a person looking through their keyring, filed under both uuids */
  items = search_items ("credential", ids.credential);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (label, ==, "Bridgekeeper: Hosting panel");
  attributes = secret_retrievable_get_attributes (items->data);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "counterpart"), ==, ids.counterpart);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "credential"), ==, ids.credential);
  g_list_free_full (items, g_object_unref);

  g_assert_true (delete_counterpart (ids.counterpart, NULL));
  g_assert_true (delete_counterpart (other.counterpart, NULL));
}

/* Storing again replaces the secret and the label */
static void
test_update (void)
{
  g_auto(Ids) ids = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GList *items;

  if (!check_backend ())
    return;

  ids_init (&ids);
  g_assert_true (store (ids.counterpart, ids.credential, "Hosting", "first", &error));
  g_assert_no_error (error);
  g_assert_true (store (ids.counterpart, ids.credential, "Hosting (new)", "second", &error));
  g_assert_no_error (error);

  assert_secret (ids.credential, "second");
  items = search_items ("credential", ids.credential);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (label, ==, "Bridgekeeper: Hosting (new)");
  g_list_free_full (items, g_object_unref);

  g_assert_true (delete_secret (ids.credential, NULL));
}

static void
test_delete (void)
{
  g_auto(Ids) ids = { 0 };
  g_auto(Ids) kept = { 0 };
  g_autoptr(GError) error = NULL;

  if (!check_backend ())
    return;

  ids_init (&ids);
  ids_init (&kept);
  g_assert_true (store (ids.counterpart, ids.credential, "Hosting", "gone soon", &error));
  g_assert_no_error (error);
  /* the same counterpart: only the credential's own secret goes */
  g_assert_true (store (ids.counterpart, kept.credential, "Repository", "kept", &error));
  g_assert_no_error (error);

  g_assert_true (delete_secret (ids.credential, &error));
  g_assert_no_error (error);
  assert_no_secret (ids.credential);
  g_assert_cmpuint (count_items ("credential", ids.credential), ==, 0);
  assert_secret (kept.credential, "kept");

  /* what is not there is deleted already */
  g_assert_true (delete_secret (ids.credential, &error));
  g_assert_no_error (error);

  g_assert_true (delete_secret (kept.credential, NULL));
}

static void
test_delete_counterpart (void)
{
  g_auto(Ids) ids = { 0 };
  g_auto(Ids) second = { 0 };
  g_auto(Ids) other = { 0 };
  g_autoptr(GError) error = NULL;

  if (!check_backend ())
    return;

  ids_init (&ids);
  ids_init (&second);
  ids_init (&other);
  g_assert_true (store (ids.counterpart, ids.credential, "Hosting", "one", &error));
  g_assert_true (store (ids.counterpart, second.credential, "Repository", "two", &error));
  g_assert_true (store (other.counterpart, other.credential, "Analytics", "three", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items ("counterpart", ids.counterpart), ==, 2);

  g_assert_true (delete_counterpart (ids.counterpart, &error));
  g_assert_no_error (error);
  assert_no_secret (ids.credential);
  assert_no_secret (second.credential);
  g_assert_cmpuint (count_items ("counterpart", ids.counterpart), ==, 0);
  assert_secret (other.credential, "three");

  g_assert_true (delete_counterpart (ids.counterpart, &error));
  g_assert_no_error (error);
  g_assert_true (delete_counterpart (other.counterpart, NULL));
}

static void
test_forget_orphans (void)
{
  g_auto(Ids) known = { 0 };
  g_auto(Ids) orphan = { 0 };
  g_autofree char *second_orphan = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  guint n_deleted = 42;

  if (!check_backend ())
    return;

  /* whatever earlier tests left is an orphan too */
  g_ptr_array_add (uuids, NULL);
  g_assert_true (forget_orphans ((const char * const *) uuids->pdata, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (NULL, NULL), ==, 0);

  ids_init (&known);
  ids_init (&orphan);
  g_assert_true (store (known.counterpart, known.credential, "Hosting", "known", &error));
  g_assert_true (store (orphan.counterpart, orphan.credential, "Old", "orphan", &error));
  g_assert_true (store (known.counterpart, second_orphan, "Older", "orphan too", &error));
  g_assert_no_error (error);

  g_ptr_array_set_size (uuids, 0);
  g_ptr_array_add (uuids, known.credential);
  g_ptr_array_add (uuids, (gpointer) "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a51");
  g_ptr_array_add (uuids, NULL);
  g_assert_true (forget_orphans ((const char * const *) uuids->pdata, &n_deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_deleted, ==, 2);
  assert_secret (known.credential, "known");
  assert_no_secret (orphan.credential);
  assert_no_secret (second_orphan);

  /* nothing left to forget */
  g_assert_true (forget_orphans ((const char * const *) uuids->pdata, &n_deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_deleted, ==, 0);
  g_assert_cmpuint (count_items (NULL, NULL), ==, 1);

  g_assert_true (delete_secret (known.credential, NULL));
}

/* A call the app cancels (the page went away) ends with G_IO_ERROR_CANCELLED, not as a locked
 * keyring */
static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Ids) ids = { 0 };
  char *secret;

  if (!check_backend ())
    return;

  ids_init (&ids);
  g_cancellable_cancel (cancellable);
  bk_keyring_lookup_async (ids.credential, cancellable, on_ready, &result);
  secret = bk_keyring_lookup_finish (wait_for (&result), &error);
  g_assert_null (secret);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  bk_keyring_store_async (ids.counterpart, ids.credential, "Hosting", "never", cancellable,
                          on_ready, &result);
  g_assert_false (bk_keyring_store_finish (wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_items ("credential", ids.credential), ==, 0);
}

/* What the Access section does: the metadata to the journal, the secret to the keyring. Its
 * bytes are then in none of the journal's files, nor in an export. */
static void
test_secret_not_in_journal (void)
{
  const char *secret = "Tr0ub4dor&3 — секрет-7f3a9c";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *json_path = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkCounterpart) acme = NULL;
  g_autoptr(BkCredential) credential = NULL;
  g_autoptr(GBytes) db = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) keyring_file = NULL;

  if (!check_backend ())
    {
      bk_test_remove_tree (dir);
      return;
    }

  journal = bk_test_open_journal (path);
  acme = bk_test_add_counterpart (journal, "Acme");
  credential = bk_test_add_credential (journal, acme, "Hosting panel", "admin", NULL);

  g_assert_true (store (bk_counterpart_get_uuid (acme), bk_credential_get_uuid (credential),
                        bk_credential_get_label (credential), secret, &error));
  g_assert_no_error (error);
  assert_secret (bk_credential_get_uuid (credential), secret);

  g_assert_true (bk_journal_export_json (journal, NULL, json, &error));
  g_assert_no_error (error);

  db = bk_test_read_bytes_or_null (path);
  wal = bk_test_read_bytes_or_null (wal_path);
  exported = bk_test_read_bytes_or_null (json_path);
  g_assert_nonnull (wal);
  g_assert_true (bk_test_bytes_contain (db, "Hosting panel") ||
                 bk_test_bytes_contain (wal, "Hosting panel"));
  g_assert_true (bk_test_bytes_contain (exported, "Hosting panel"));
  g_assert_false (bk_test_bytes_contain (db, secret));
  g_assert_false (bk_test_bytes_contain (wal, secret));
  g_assert_false (bk_test_bytes_contain (exported, secret));

  /* after a checkpoint too */
  g_clear_object (&journal);
  g_clear_pointer (&db, g_bytes_unref);
  db = bk_test_read_bytes_or_null (path);
  g_assert_false (bk_test_bytes_contain (db, secret));

  /* and the file backend keeps it encrypted */
  if (g_str_equal (keyring_mode, "file"))
    {
      keyring_file = bk_test_read_bytes_or_null (g_getenv ("SECRET_FILE_TEST_PATH"));
      g_assert_nonnull (keyring_file);
      g_assert_false (bk_test_bytes_contain (keyring_file, secret));
    }

  g_assert_true (delete_counterpart (bk_counterpart_get_uuid (acme), NULL));
  bk_test_remove_tree (dir);
}

/* gnome-keyring made the login keyring, unlocked, and the default collection: a first store to
 * the default collection finds it. */
static void
test_default_collection (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  g_assert_false (secret_collection_get_locked (collection));
  g_assert_true (g_str_has_suffix (g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)),
                                   "/login"));
}

static void
assert_locked (GError *error)
{
  g_assert_error (error, BK_KEYRING_ERROR, BK_KEYRING_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==,
                   "The keyring is locked: unlock it in Passwords and Keys, then try again.");
}

/* A locked keyring whose unlock is refused (here: no prompt can be shown at all). Last: the
 * keyring stays locked. */
static void
test_locked (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_auto(Ids) ids = { 0 };
  g_autoptr(GError) error = NULL;
  const char *known[] = { NULL };
  GList *objects;
  char *secret;

  ids_init (&ids);
  g_assert_true (store (ids.counterpart, ids.credential, "Hosting", "behind a lock", &error));
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  objects = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_list_free (objects);

  secret = lookup (ids.credential, &error);
  g_assert_null (secret);
  assert_locked (error);
  g_clear_error (&error);

  g_assert_false (store (ids.counterpart, ids.credential, "Hosting", "new", &error));
  assert_locked (error);
  g_clear_error (&error);

  g_assert_false (delete_secret (ids.credential, &error));
  assert_locked (error);
  g_clear_error (&error);

  g_assert_false (delete_counterpart (ids.counterpart, &error));
  assert_locked (error);
  g_clear_error (&error);

  g_assert_false (forget_orphans (known, NULL, &error));
  assert_locked (error);
  g_clear_error (&error);

  /* still there, untouched */
  g_assert_cmpuint (count_items ("credential", ids.credential), ==, 1);
}

/* No keyring to store in (the default collection is gone) and the one the desktop offers to
 * create is not created: its prompt dismissed, or here, never shown. That is the person saying
 * no, not a failure. Last: the keyring has no default collection afterwards. */
static void
test_not_created (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_auto(Ids) ids = { 0 };
  g_autoptr(GError) error = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (secret_collection_delete_sync (collection, NULL, &error));
  g_assert_no_error (error);

  ids_init (&ids);
  g_assert_false (store (ids.counterpart, ids.credential, "Hosting", "nowhere", &error));
  g_assert_error (error, BK_KEYRING_ERROR, BK_KEYRING_ERROR_DISMISSED);
  /* nothing technical, for a caller that says something */
  g_assert_null (strstr (error->message, "/org/freedesktop"));
  g_assert_cmpuint (count_items ("credential", ids.credential), ==, 0);
}

/* Without a Secret Service */

static void
assert_unavailable (GError *error,
                    gint64  started)
{
  g_assert_error (error, BK_KEYRING_ERROR, BK_KEYRING_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==,
                   "The keyring is not available. Start your desktop’s keyring (GNOME Keyring) "
                   "and try again; your secrets were not stored anywhere else.");
  /* at once, not after a D-Bus timeout */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
}

static void
test_unavailable (void)
{
  g_auto(Ids) ids = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkCounterpart) acme = NULL;
  g_autoptr(BkCredential) credential = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  const char *known[] = { NULL };
  gint64 started;
  char *secret;

  ids_init (&ids);

  started = g_get_monotonic_time ();
  g_assert_false (store (ids.counterpart, ids.credential, "Hosting", "nowhere", &error));
  assert_unavailable (error, started);
  g_clear_error (&error);

  started = g_get_monotonic_time ();
  secret = lookup (ids.credential, &error);
  g_assert_null (secret);
  assert_unavailable (error, started);
  g_clear_error (&error);

  started = g_get_monotonic_time ();
  g_assert_false (delete_secret (ids.credential, &error));
  assert_unavailable (error, started);
  g_clear_error (&error);

  started = g_get_monotonic_time ();
  g_assert_false (delete_counterpart (ids.counterpart, &error));
  assert_unavailable (error, started);
  g_clear_error (&error);

  started = g_get_monotonic_time ();
  g_assert_false (forget_orphans (known, NULL, &error));
  assert_unavailable (error, started);
  g_clear_error (&error);

  started = g_get_monotonic_time ();
  g_assert_false (check (&error));
  assert_unavailable (error, started);
  g_clear_error (&error);

  /* the journal works as before: the access is listed, its secret just cannot be stored */
  journal = bk_test_open_journal (path);
  acme = bk_test_add_counterpart (journal, "Acme");
  credential = bk_test_add_credential (journal, acme, "Hosting", NULL, NULL);
  credentials = bk_credential_store_list (bk_journal_get_credentials (journal), bk_counterpart_get_id (acme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (credentials->len, ==, 1);
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (journal), 0), ==, 1);

  g_clear_object (&journal);
  bk_test_remove_tree (dir);
}

/* Without any session bus (a desktop session that is not there at all): unavailable too */
static void
test_no_session_bus (void)
{
  if (g_test_subprocess ())
    {
      g_auto(Ids) ids = { 0 };
      g_autoptr(GError) error = NULL;
      gint64 started = g_get_monotonic_time ();

      ids_init (&ids);
      g_assert_false (store (ids.counterpart, ids.credential, "Hosting", "nowhere", &error));
      assert_unavailable (error, started);
      return;
    }

  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_unsetenv ("DISPLAY");
  g_unsetenv ("SECRET_BACKEND");
  g_setenv ("XDG_RUNTIME_DIR", "/nonexistent", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_not_in_session (void)
{
  g_test_skip ("Run through tests/keyring-session, as meson test does: it starts the keyring");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  keyring_mode = g_getenv ("BK_TEST_KEYRING");

  if (keyring_mode == NULL)
    {
      g_test_add_func ("/keyring/not-in-a-keyring-session", test_not_in_session);
    }
  else if (g_str_equal (keyring_mode, "none"))
    {
      g_test_add_func ("/keyring/unavailable", test_unavailable);
      g_test_add_func ("/keyring/no-session-bus", test_no_session_bus);
    }
  else
    {
      if (g_str_equal (keyring_mode, "gnome-keyring"))
        g_test_add_func ("/keyring/default-collection", test_default_collection);
      g_test_add_func ("/keyring/store-and-lookup", test_store_and_lookup);
      g_test_add_func ("/keyring/update", test_update);
      g_test_add_func ("/keyring/delete", test_delete);
      g_test_add_func ("/keyring/delete-counterpart", test_delete_counterpart);
      g_test_add_func ("/keyring/forget-orphans", test_forget_orphans);
      g_test_add_func ("/keyring/cancelled", test_cancelled);
      g_test_add_func ("/keyring/secret-not-in-journal", test_secret_not_in_journal);
      /* last: they leave the keyring locked, then without a default collection */
      if (g_str_equal (keyring_mode, "gnome-keyring"))
        {
          g_test_add_func ("/keyring/locked", test_locked);
          g_test_add_func ("/keyring/not-created", test_not_created);
        }
    }

  return g_test_run ();
}

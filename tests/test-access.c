/* test-access.c: access as one thing, a credential's row and its secret, and deleting a
 * counterpart with its secrets, against a real keyring
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

#include "bk-access.h"
#include "bk-deletion.h"
#include "bk-journal.h"
#include "bk-test-journal.h"

/* Far longer than any call to a keyring on the bus takes: a hang fails instead of waiting */
#define TIMEOUT_SECONDS 20

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
  char      *dir;
  BkJournal *journal;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = bk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

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

static BkCredential *
save (Fixture       *fixture,
      BkCredential  *credential,
      const char    *secret,
      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_access_save_async (fixture->journal, credential, secret, NULL, on_ready, &result);

  return bk_access_save_finish (fixture->journal, wait_for (&result), error);
}

static char *
lookup (Fixture  *fixture,
        gint64    credential_id,
        GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_access_lookup_secret_async (fixture->journal, credential_id, NULL, on_ready, &result);

  return bk_access_lookup_secret_finish (fixture->journal, wait_for (&result), error);
}

static gboolean
delete_access (Fixture  *fixture,
               gint64    credential_id,
               GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_access_delete_async (fixture->journal, credential_id, NULL, on_ready, &result);

  return bk_access_delete_finish (fixture->journal, wait_for (&result), error);
}

static gboolean
commit (BkDeletion  *deletion,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_deletion_commit_async (deletion, NULL, on_ready, &result);

  return bk_deletion_commit_finish (deletion, wait_for (&result), error);
}

static gboolean
forget_orphans (Fixture  *fixture,
                guint    *n_deleted,
                GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bk_access_forget_orphans_async (fixture->journal, NULL, on_ready, &result);

  return bk_access_forget_orphans_finish (fixture->journal, wait_for (&result), n_deleted, error);
}

/* What the journal and the keyring hold */

static void
assert_secret (Fixture    *fixture,
               gint64      credential_id,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  char *secret = lookup (fixture, credential_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, expected);
  bk_access_free_secret (secret);
}

static guint
count_items (const char *attribute,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  GList *items = secret_password_search_sync (&schema, SECRET_SEARCH_ALL, NULL, &error, attribute, value, NULL);
  guint n = g_list_length (items);

  g_assert_no_error (error);
  g_list_free_full (items, g_object_unref);

  return n;
}

static guint
count_rows (Fixture    *fixture,
            const char *sql)
{
  return (guint) bk_test_query_int (fixture->journal, sql);
}

static BkCredential *
new_credential (BkCounterpart *counterpart,
                const char    *label)
{
  BkCredential *credential = bk_credential_new ();

  bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (counterpart));
  bk_credential_set_label (credential, label);

  return credential;
}

/* Skips when the file backend is missing from this libsecret (it then falls back to the Secret
 * Service, of which there is none on the bus). */
static gboolean
check_backend (Fixture *fixture)
{
  g_autoptr(BkCounterpart) probe = bk_test_add_counterpart (fixture->journal, "Probe");
  g_autoptr(BkCredential) credential = new_credential (probe, "Probe");
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(GError) error = NULL;

  if ((saved = save (fixture, credential, "probe", &error)))
    {
      g_assert_true (delete_access (fixture, bk_credential_get_id (saved), &error));
      g_assert_no_error (error);
      return TRUE;
    }

  if (g_str_equal (g_getenv ("BK_TEST_KEYRING"), "file") &&
      g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_UNAVAILABLE))
    {
      g_test_skip ("This libsecret has no file backend (SECRET_BACKEND=file)");
      return FALSE;
    }

  g_assert_no_error (error);
  return FALSE;
}

/* With a keyring */

/* A new credential with its secret: the row and the secret, and the caller's object untouched */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) credential = new_credential (acme, "Hosting panel");
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(BkCredential) edited = NULL;
  g_autoptr(BkCredential) resaved = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_backend (fixture))
    return;

  bk_credential_set_username (credential, "maria");
  saved = save (fixture, credential, "s3cret-Пароль", &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (bk_credential_get_id (saved), >, 0);
  g_assert_cmpint (bk_credential_get_id (credential), ==, 0);
  g_assert_cmpstr (bk_credential_get_label (saved), ==, "Hosting panel");

  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials"), ==, 1);
  g_assert_cmpuint (count_items ("credential", bk_credential_get_uuid (saved)), ==, 1);
  g_assert_cmpuint (count_items ("counterpart", bk_counterpart_get_uuid (acme)), ==, 1);
  assert_secret (fixture, bk_credential_get_id (saved), "s3cret-Пароль");

  /* Edited with a new secret: the same row and item, both changed */
  edited = bk_credential_copy (saved);
  bk_credential_set_label (edited, "Control panel");
  resaved = save (fixture, edited, "new-secret", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_credential_get_id (resaved), ==, bk_credential_get_id (saved));
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials WHERE label = 'Control panel'"), ==, 1);
  g_assert_cmpuint (count_items ("credential", bk_credential_get_uuid (saved)), ==, 1);
  assert_secret (fixture, bk_credential_get_id (saved), "new-secret");

  /* Edited without a secret: the secret stays */
  g_clear_object (&resaved);
  bk_credential_set_label (edited, "Panel");
  resaved = save (fixture, edited, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials WHERE label = 'Panel'"), ==, 1);
  assert_secret (fixture, bk_credential_get_id (saved), "new-secret");
}

/* Without a secret: the row only; the keyring says it holds none */
static void
test_save_without_secret (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) credential = new_credential (acme, "Repository");
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  if (!check_backend (fixture))
    return;

  saved = save (fixture, credential, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials"), ==, 1);
  g_assert_cmpuint (count_items ("credential", bk_credential_get_uuid (saved)), ==, 0);

  secret = lookup (fixture, bk_credential_get_id (saved), &error);
  g_assert_null (secret);
  g_assert_error (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_NO_SECRET);
}

/* The journal refuses it: nothing reaches the keyring */
static void
test_save_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) credential = new_credential (acme, "   ");
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_backend (fixture))
    return;

  saved = save (fixture, credential, "never stored", &error);
  g_assert_null (saved);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials"), ==, 0);
  g_assert_cmpuint (count_items ("counterpart", bk_counterpart_get_uuid (acme)), ==, 0);
}

/* Deleting access takes the row and the secret */
static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) hosting = new_credential (acme, "Hosting");
  g_autoptr(BkCredential) mail = new_credential (acme, "Mail");
  g_autoptr(BkCredential) saved_hosting = NULL;
  g_autoptr(BkCredential) saved_mail = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_backend (fixture))
    return;

  saved_hosting = save (fixture, hosting, "one", &error);
  g_assert_no_error (error);
  saved_mail = save (fixture, mail, "two", &error);
  g_assert_no_error (error);

  g_assert_true (delete_access (fixture, bk_credential_get_id (saved_hosting), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials"), ==, 1);
  g_assert_cmpuint (count_items ("credential", bk_credential_get_uuid (saved_hosting)), ==, 0);
  assert_secret (fixture, bk_credential_get_id (saved_mail), "two");

  /* Gone already */
  g_assert_false (delete_access (fixture, bk_credential_get_id (saved_hosting), &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
}

/* A counterpart deleted: in the trash with its secrets until the deletion is final; undone, it
 * is back as it was; committed, its rows and its secrets go, nobody else's. */
static void
test_deletion (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BkCounterpart) doomed = bk_test_add_counterpart (fixture->journal, "Doomed");
  g_autoptr(BkCounterpart) kept = bk_test_add_counterpart (fixture->journal, "Kept");
  g_autoptr(BkCredential) doomed_access = new_credential (doomed, "Hosting");
  g_autoptr(BkCredential) kept_access = new_credential (kept, "Hosting");
  g_autoptr(BkCredential) saved_doomed = NULL;
  g_autoptr(BkCredential) saved_kept = NULL;
  g_autoptr(BkDeletion) undone = NULL;
  g_autoptr(BkDeletion) deletion = NULL;
  g_autoptr(BkNote) note = NULL;
  g_autoptr(GError) error = NULL;
  BkCounterpartStore *counterparts = bk_journal_get_counterparts (fixture->journal);

  if (!check_backend (fixture))
    return;

  saved_doomed = save (fixture, doomed_access, "doomed secret", &error);
  g_assert_no_error (error);
  saved_kept = save (fixture, kept_access, "kept secret", &error);
  g_assert_no_error (error);
  note = bk_test_add_note (fixture->journal, bk_counterpart_get_id (doomed), "A note that must come back");

  /* Deleted, then undone */
  undone = bk_deletion_new (fixture->journal, bk_counterpart_get_id (doomed), &error);
  g_assert_no_error (error);
  g_assert_nonnull (undone);
  g_assert_cmpstr (bk_deletion_get_name (undone), ==, "Doomed");
  g_assert_true (bk_deletion_get_pending (undone));
  /* Doomed, Kept and check_backend()'s Probe: Doomed is in the trash */
  g_assert_cmpuint (bk_counterpart_store_count (counterparts), ==, 2);
  g_assert_true (bk_deletion_undo (undone, &error));
  g_assert_no_error (error);
  g_assert_false (bk_deletion_get_pending (undone));
  g_assert_cmpuint (bk_counterpart_store_count (counterparts), ==, 3);
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (doomed)), ==, 1);
  /* Its commit, when its toast goes, changes nothing */
  g_assert_true (commit (undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM counterparts"), ==, 3);
  assert_secret (fixture, bk_credential_get_id (saved_doomed), "doomed secret");

  /* Deleted for good */
  deletion = bk_deletion_new (fixture->journal, bk_counterpart_get_id (doomed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_counterpart_store_count (counterparts), ==, 2);
  /* Still in the trash, its secrets in the keyring, until committed */
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM counterparts"), ==, 3);
  g_assert_cmpuint (count_items ("counterpart", bk_counterpart_get_uuid (doomed)), ==, 1);

  g_assert_true (commit (deletion, &error));
  g_assert_no_error (error);
  g_assert_false (bk_deletion_get_pending (deletion));
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM counterparts"), ==, 2);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM notes"), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials"), ==, 1);
  g_assert_cmpuint (count_items ("counterpart", bk_counterpart_get_uuid (doomed)), ==, 0);
  assert_secret (fixture, bk_credential_get_id (saved_kept), "kept secret");

  /* A second commit has nothing left to do */
  g_assert_true (commit (deletion, &error));
  g_assert_no_error (error);

  /* Nothing to delete: no deletion */
  g_assert_null (bk_deletion_new (fixture->journal, bk_counterpart_get_id (doomed), &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
}

/* Secrets whose credentials left the journal behind the app's back go; the others stay. */
static void
test_forget_orphans (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) kept = new_credential (acme, "Kept");
  g_autoptr(BkCredential) orphan = new_credential (acme, "Orphan");
  g_autoptr(BkCredential) saved_kept = NULL;
  g_autoptr(BkCredential) saved_orphan = NULL;
  g_autoptr(GError) error = NULL;
  guint n_deleted = 0;
  guint n_before;

  if (!check_backend (fixture))
    return;

  saved_kept = save (fixture, kept, "kept", &error);
  g_assert_no_error (error);
  saved_orphan = save (fixture, orphan, "orphan", &error);
  g_assert_no_error (error);
  /* The row goes without its secret, as when the keyring was away at the time */
  g_assert_true (bk_credential_store_delete (bk_journal_get_credentials (fixture->journal),
                                            bk_credential_get_id (saved_orphan), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items ("credential", bk_credential_get_uuid (saved_orphan)), ==, 1);
  /* The earlier tests' secrets, of journals long gone, are orphans here too. */
  n_before = count_items (NULL, NULL);
  g_assert_cmpuint (n_before, >=, 2);

  g_assert_true (forget_orphans (fixture, &n_deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_deleted, ==, n_before - 1);
  g_assert_cmpuint (count_items ("credential", bk_credential_get_uuid (saved_orphan)), ==, 0);
  g_assert_cmpuint (count_items (NULL, NULL), ==, 1);
  assert_secret (fixture, bk_credential_get_id (saved_kept), "kept");
}

/* The person dismisses the keyring's prompt (here: the one to create the keyring, when there
 * is no default collection and no prompt can be shown): a "no", as its own code the window
 * stays quiet about, and the new credential is not kept. Last: it deletes the collection. */
static void
test_save_dismissed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) credential = new_credential (acme, "Hosting");
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (secret_collection_delete_sync (collection, NULL, &error));
  g_assert_no_error (error);

  saved = save (fixture, credential, "never stored", &error);
  g_assert_null (saved);
  g_assert_error (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_DISMISSED);
  g_assert_null (strstr (error->message, "/org/freedesktop"));
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials"), ==, 0);
}

/* Without a Secret Service */

static void
assert_unavailable (const GError *error)
{
  g_assert_error (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==,
                   "The keyring is not available. Start your desktop’s keyring (GNOME Keyring) "
                   "and try again; your secrets were not stored anywhere else.");
}

/* A new credential whose secret cannot be stored is not kept; an edited one is as it was. */
static void
test_save_undone (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) credential = new_credential (acme, "Hosting");
  g_autoptr(BkCredential) existing = bk_test_add_credential (fixture->journal, acme, "Repository", "maria", NULL);
  g_autoptr(BkCredential) edited = NULL;
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(BkCredential) after = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  saved = save (fixture, credential, "nowhere", &error);
  g_assert_null (saved);
  assert_unavailable (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials"), ==, 1);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials WHERE label = 'Hosting'"), ==, 0);

  edited = bk_credential_copy (existing);
  bk_credential_set_label (edited, "Renamed");
  bk_credential_set_username (edited, "olga");
  saved = save (fixture, edited, "nowhere either", &error);
  g_assert_null (saved);
  assert_unavailable (error);
  g_clear_error (&error);
  after = bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (existing), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_credential_get_label (after), ==, "Repository");
  g_assert_cmpstr (bk_credential_get_username (after), ==, "maria");

  /* Without a secret, the row alone saves as ever */
  saved = save (fixture, edited, "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_credential_get_label (saved), ==, "Renamed");

  secret = lookup (fixture, bk_credential_get_id (existing), &error);
  g_assert_null (secret);
  assert_unavailable (error);
}

/* Deleting for good works without the keyring; the secrets go with a later sweep. */
static void
test_deletion_without_keyring (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(BkCounterpart) doomed = bk_test_add_counterpart (fixture->journal, "Doomed");
  g_autoptr(BkCredential) access = bk_test_add_credential (fixture->journal, doomed, "Hosting", NULL, NULL);
  g_autoptr(BkDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;

  deletion = bk_deletion_new (fixture->journal, bk_counterpart_get_id (doomed), &error);
  g_assert_no_error (error);
  g_assert_true (commit (deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM counterparts"), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM credentials"), ==, 0);

  g_assert_false (delete_access (fixture, bk_credential_get_id (access), &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
}

/* A note's deletion: in the trash while its undo is offered, back on undo, gone on commit;
 * the client and its other notes stay */
static void
test_note_deletion (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BkCounterpart) client = bk_test_add_counterpart (fixture->journal, "Client");
  g_autoptr(BkNote) doomed = bk_test_add_note (fixture->journal, bk_counterpart_get_id (client),
                                               "A note to delete");
  g_autoptr(BkNote) kept = bk_test_add_note (fixture->journal, bk_counterpart_get_id (client),
                                             "A note to keep");
  g_autoptr(BkDeletion) undone = NULL;
  g_autoptr(BkDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  BkNoteStore *notes = bk_journal_get_notes (fixture->journal);
  gint64 client_id = bk_counterpart_get_id (client);

  undone = bk_deletion_new_note (fixture->journal, bk_note_get_id (doomed), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_deletion_get_counterpart_id (undone), ==, client_id);
  g_assert_cmpuint (bk_note_store_count (notes, client_id), ==, 1);
  g_assert_true (bk_deletion_undo (undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_note_store_count (notes, client_id), ==, 2);
  g_assert_true (commit (undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM notes"), ==, 2);

  deletion = bk_deletion_new_note (fixture->journal, bk_note_get_id (doomed), &error);
  g_assert_no_error (error);
  /* in the trash until committed */
  g_assert_cmpuint (bk_note_store_count (notes, client_id), ==, 1);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM notes"), ==, 2);
  g_assert_true (commit (deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM notes"), ==, 1);
  g_assert_cmpuint (bk_counterpart_store_count (bk_journal_get_counterparts (fixture->journal)), ==, 1);

  /* nothing to delete: no deletion */
  g_assert_null (bk_deletion_new_note (fixture->journal, bk_note_get_id (doomed), &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (kept);
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
  const char *mode;

  g_test_init (&argc, &argv, NULL);

  mode = g_getenv ("BK_TEST_KEYRING");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  if (mode == NULL)
    {
      g_test_add_func ("/access/not-in-a-keyring-session", test_not_in_session);
    }
  else if (g_str_equal (mode, "none"))
    {
      ADD ("/access/save-undone", test_save_undone);
      ADD ("/access/deletion-without-keyring", test_deletion_without_keyring);
      ADD ("/access/note-deletion", test_note_deletion);
    }
  else
    {
      ADD ("/access/save", test_save);
      ADD ("/access/save-without-secret", test_save_without_secret);
      ADD ("/access/save-invalid", test_save_invalid);
      ADD ("/access/delete", test_delete);
      ADD ("/access/deletion", test_deletion);
      ADD ("/access/forget-orphans", test_forget_orphans);
      /* last: the keyring has no default collection afterwards */
      if (g_str_equal (mode, "gnome-keyring"))
        ADD ("/access/save-dismissed", test_save_dismissed);
    }

#undef ADD

  return g_test_run ();
}

/* test-credentials.c: credentials' metadata in the journal (their secrets are in test-keyring)
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-journal.h"
#include "bk-journal-json.h"
#include "bk-playbook-library.h"
#include "bk-test-journal.h"

/* What a person would type as the secret of a credential: the journal never sees it, so it
 * must appear in none of its files. */
#define SECRET "correct horse battery staple — Пароль 🔑"

static const char part_ways_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<playbook id=\"test-part\" order=\"10\" icon=\"system-log-out-symbolic\" outcome=\"parted\">\n"
  "  <name>Part ways (test)</name>\n"
  "  <summary>End it cleanly.</summary>\n"
  "  <recommend reason=\"non-payment\">They do not pay.</recommend>\n"
  "  <step id=\"acknowledge\"><title>Acknowledge</title><description>Say it.</description></step>\n"
  "  <step id=\"settle\" role=\"open-items\"><title>Settle</title>"
  "<description>Invoices.</description></step>\n"
  "  <step id=\"handover\" role=\"access\"><title>Hand over access</title>"
  "<description>Keys.</description></step>\n"
  "  <step id=\"move-on\"><title>Move on</title><description>Kindly.</description></step>\n"
  "</playbook>\n";

typedef struct
{
  char      *dir;
  char      *path;
  BkJournal *journal;
  GDateTime *now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = bk_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (fixture->path);
  fixture->now = g_date_time_new_utc (2026, 3, 2, 10, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  g_clear_pointer (&fixture->now, g_date_time_unref);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A credential with a label and nothing else */
static BkCredential *
add_credential (Fixture       *fixture,
                BkCounterpart *counterpart,
                const char    *label)
{
  return bk_test_add_credential (fixture->journal, counterpart, label, "", "");
}

static GPtrArray *
list_credentials (BkJournal     *journal,
                  BkCounterpart *counterpart)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *credentials;

  credentials = bk_credential_store_list (bk_journal_get_credentials (journal), bk_counterpart_get_id (counterpart), &error);
  g_assert_no_error (error);
  g_assert_nonnull (credentials);

  return credentials;
}

static void
test_save_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = bk_test_add_counterpart (fixture->journal, "Zeta");
  g_autoptr(BkCredential) hosting = bk_credential_new ();
  g_autoptr(BkCredential) repo = NULL;
  g_autoptr(BkCredential) copy = NULL;
  g_autoptr(BkCredential) fresh = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 changed = -1;
  BkCredential *listed;

  g_signal_connect (bk_journal_get_credentials (fixture->journal), "changed", 
                    G_CALLBACK (bk_test_store_counterpart_cb), &changed);

  /* a new one: trimmed, given a uuid and dates, in use */
  bk_credential_set_counterpart_id (hosting, bk_counterpart_get_id (acme));
  bk_credential_set_label (hosting, "\u00a0 Hosting panel \n");
  bk_credential_set_username (hosting, "  admin@acme.example ");
  bk_credential_set_url (hosting, " https://panel.example/login?a=1&b=2\t");
  g_assert_cmpint (bk_credential_get_id (hosting), ==, 0);
  g_assert_cmpstr (bk_credential_get_uuid (hosting), ==, "");
  g_assert_true (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), hosting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_credential_get_id (hosting), >, 0);
  g_assert_true (g_uuid_string_is_valid (bk_credential_get_uuid (hosting)));
  g_assert_cmpstr (bk_credential_get_label (hosting), ==, "Hosting panel");
  g_assert_cmpstr (bk_credential_get_username (hosting), ==, "admin@acme.example");
  g_assert_cmpstr (bk_credential_get_url (hosting), ==, "https://panel.example/login?a=1&b=2");
  g_assert_cmpint (bk_credential_get_state (hosting), ==, BK_CREDENTIAL_STATE_IN_USE);
  g_assert_null (bk_credential_get_state_changed (hosting));
  g_assert_cmpint (g_date_time_to_unix (bk_credential_get_created (hosting)), >=,
                   g_date_time_to_unix (before));
  g_assert_true (g_date_time_equal (bk_credential_get_created (hosting),
                                    bk_credential_get_updated (hosting)));
  /* (what is left to settle follows the credential store: access in use counts) */
  g_assert_cmpint (changed, ==, bk_counterpart_get_id (acme));

  repo = add_credential (fixture, acme, "Repository");
  g_object_unref (add_credential (fixture, zeta, "Analytics"));

  /* in the order they were added, each counterpart's own */
  credentials = list_credentials (fixture->journal, acme);
  g_assert_cmpuint (credentials->len, ==, 2);
  listed = g_ptr_array_index (credentials, 0);
  g_assert_cmpint (bk_credential_get_id (listed), ==, bk_credential_get_id (hosting));
  g_assert_cmpstr (bk_credential_get_uuid (listed), ==, bk_credential_get_uuid (hosting));
  g_assert_cmpint (bk_credential_get_counterpart_id (listed), ==, bk_counterpart_get_id (acme));
  g_assert_cmpstr (bk_credential_get_label (listed), ==, "Hosting panel");
  g_assert_cmpstr (bk_credential_get_username (listed), ==, "admin@acme.example");
  g_assert_cmpstr (bk_credential_get_url (listed), ==, "https://panel.example/login?a=1&b=2");
  g_assert_true (g_date_time_equal (bk_credential_get_created (listed),
                                    bk_credential_get_created (hosting)));
  g_assert_cmpstr (bk_credential_get_label (g_ptr_array_index (credentials, 1)), ==, "Repository");
  g_clear_pointer (&credentials, g_ptr_array_unref);
  credentials = list_credentials (fixture->journal, zeta);
  g_assert_cmpuint (credentials->len, ==, 1);
  g_clear_pointer (&credentials, g_ptr_array_unref);

  /* an update of a copy: the label, username and address; the uuid, state and creation stay */
  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo),
                                                BK_CREDENTIAL_STATE_REVOKED, fixture->now,
                                                &error));
  g_assert_no_error (error);
  copy = bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo), &error);
  g_assert_no_error (error);
  bk_credential_set_label (copy, "Repository (GitLab)");
  bk_credential_set_username (copy, "acme-bot");
  bk_credential_set_url (copy, "https://gitlab.example/acme");
  bk_credential_set_counterpart_id (copy, bk_counterpart_get_id (zeta));
  changed = -1;
  g_assert_true (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, bk_counterpart_get_id (acme));
  /* it stays with its counterpart: the keyring files its secret under that one */
  g_assert_cmpint (bk_credential_get_counterpart_id (copy), ==, bk_counterpart_get_id (acme));
  g_assert_cmpint (bk_credential_get_state (copy), ==, BK_CREDENTIAL_STATE_REVOKED);
  fresh = bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_credential_get_uuid (fresh), ==, bk_credential_get_uuid (repo));
  g_assert_cmpstr (bk_credential_get_label (fresh), ==, "Repository (GitLab)");
  g_assert_cmpstr (bk_credential_get_username (fresh), ==, "acme-bot");
  g_assert_cmpstr (bk_credential_get_url (fresh), ==, "https://gitlab.example/acme");
  g_assert_cmpint (bk_credential_get_state (fresh), ==, BK_CREDENTIAL_STATE_REVOKED);
  g_assert_cmpint (bk_credential_get_counterpart_id (fresh), ==, bk_counterpart_get_id (acme));
  g_assert_true (g_date_time_equal (bk_credential_get_created (fresh),
                                    bk_credential_get_created (repo)));
  g_assert_true (g_date_time_equal (bk_credential_get_state_changed (fresh), fixture->now));
  g_clear_object (&fresh);

  /* a copy is a copy */
  fresh = bk_credential_copy (copy);
  g_assert_true (fresh != copy);
  g_assert_cmpint (bk_credential_get_id (fresh), ==, bk_credential_get_id (copy));
  g_assert_cmpstr (bk_credential_get_uuid (fresh), ==, bk_credential_get_uuid (copy));
  g_assert_cmpstr (bk_credential_get_label (fresh), ==, bk_credential_get_label (copy));
  g_assert_cmpint (bk_credential_get_state (fresh), ==, bk_credential_get_state (copy));
  g_assert_true (g_date_time_equal (bk_credential_get_state_changed (fresh),
                                    bk_credential_get_state_changed (copy)));
  g_clear_object (&fresh);

  /* one that is gone */
  g_assert_null (bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), 4242, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  fresh = bk_credential_copy (copy);
  bk_credential_store_delete (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (copy), &error);
  g_assert_no_error (error);
  g_assert_false (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), fresh, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "This credential is no longer in the journal.");
  g_clear_error (&error);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) gone = bk_test_add_counterpart (fixture->journal, "Gone");
  g_autoptr(BkCredential) credential = bk_credential_new ();
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (bk_journal_get_credentials (fixture->journal), "changed", 
                    G_CALLBACK (bk_test_store_count_cb), &changed);
  bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (acme));

  /* a label is required, white space is none */
  g_assert_false (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A label is required.");
  g_clear_error (&error);
  bk_credential_set_label (credential, " \t\u2003\n");
  bk_credential_set_username (credential, "someone");
  g_assert_false (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A label is required.");
  g_clear_error (&error);

  /* text that is not UTF-8 */
  bk_credential_set_label (credential, "Bad \xff label");
  g_assert_false (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* a counterpart that is not there, or in the trash */
  bk_credential_set_label (credential, "Hosting");
  bk_credential_set_counterpart_id (credential, 4242);
  g_assert_false (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (gone), TRUE,
                                    &error);
  g_assert_no_error (error);
  bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (gone));
  g_assert_false (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* nothing of it was written, nothing was announced, the credential was left as it was */
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM credentials"), ==, 0);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpint (bk_credential_get_id (credential), ==, 0);
  g_assert_cmpstr (bk_credential_get_uuid (credential), ==, "");

  /* the same credential, fixed: saved */
  bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (acme));
  g_assert_true (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  /* and a blank label on an update is refused too */
  saved = bk_credential_copy (credential);
  bk_credential_set_label (saved, "   ");
  g_assert_false (bk_credential_store_save (bk_journal_get_credentials (fixture->journal), saved, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bk_test_query_int (fixture->journal,
                                      "SELECT count(*) FROM credentials WHERE label = 'Hosting'"),
                   ==, 1);
}

static void
test_state (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = bk_test_add_counterpart (fixture->journal, "Zeta");
  g_autoptr(BkCredential) hosting = add_credential (fixture, acme, "Hosting");
  g_autoptr(BkCredential) repo = add_credential (fixture, acme, "Repository");
  g_autoptr(BkCredential) analytics = add_credential (fixture, zeta, "Analytics");
  g_autoptr(BkCredential) fresh = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_days (fixture->now, 3);
  g_autoptr(GError) error = NULL;
  gint64 changed = -1;

  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal),
                                                      bk_counterpart_get_id (acme)), ==, 2);
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal), 0), ==, 3);
  g_signal_connect (bk_journal_get_credentials (fixture->journal), "changed", 
                    G_CALLBACK (bk_test_store_counterpart_cb), &changed);

  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                                BK_CREDENTIAL_STATE_HANDED_OVER, fixture->now,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, bk_counterpart_get_id (acme));
  fresh = bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_credential_get_state (fresh), ==, BK_CREDENTIAL_STATE_HANDED_OVER);
  g_assert_true (g_date_time_equal (bk_credential_get_state_changed (fresh), fixture->now));
  g_assert_true (g_date_time_equal (bk_credential_get_updated (fresh), fixture->now));
  g_clear_object (&fresh);
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal),
                                                      bk_counterpart_get_id (acme)), ==, 1);

  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                                BK_CREDENTIAL_STATE_REVOKED, later, &error));
  g_assert_no_error (error);
  fresh = bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_credential_get_state (fresh), ==, BK_CREDENTIAL_STATE_REVOKED);
  g_assert_true (g_date_time_equal (bk_credential_get_state_changed (fresh), later));
  g_clear_object (&fresh);

  /* in use again: no date of a change */
  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                                BK_CREDENTIAL_STATE_IN_USE, NULL, &error));
  g_assert_no_error (error);
  fresh = bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_credential_get_state (fresh), ==, BK_CREDENTIAL_STATE_IN_USE);
  g_assert_null (bk_credential_get_state_changed (fresh));
  g_clear_object (&fresh);
  g_assert_cmpint (bk_test_query_int (fixture->journal,
                                      "SELECT count(*) FROM credentials"
                                      " WHERE state_changed IS NULL"),
                   ==, 3);

  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo),
                                                BK_CREDENTIAL_STATE_REVOKED, fixture->now,
                                                &error));
  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal),
                                                bk_credential_get_id (analytics),
                                                BK_CREDENTIAL_STATE_HANDED_OVER, fixture->now,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal), 0), ==, 1);
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal),
                                                      bk_counterpart_get_id (zeta)), ==, 0);

  g_assert_false (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), 4242,
                                                 BK_CREDENTIAL_STATE_REVOKED, fixture->now,
                                                 &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) hosting = add_credential (fixture, acme, "Hosting");
  g_autoptr(BkCredential) repo = add_credential (fixture, acme, "Repository");
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = NULL;
  gint64 changed = -1;

  g_signal_connect (bk_journal_get_credentials (fixture->journal), "changed", 
                    G_CALLBACK (bk_test_store_counterpart_cb), &changed);

  g_assert_true (bk_credential_store_delete (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                             &error));
  g_assert_no_error (error);
  /* (what is left to settle follows the credential store: access in use counts) */
  g_assert_cmpint (changed, ==, bk_counterpart_get_id (acme));
  credentials = list_credentials (fixture->journal, acme);
  g_assert_cmpuint (credentials->len, ==, 1);
  g_assert_cmpstr (bk_credential_get_uuid (g_ptr_array_index (credentials, 0)), ==,
                   bk_credential_get_uuid (repo));
  uuids = bk_credential_store_dup_uuids (bk_journal_get_credentials (fixture->journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uuids), ==, 1);
  g_assert_cmpstr (uuids[0], ==, bk_credential_get_uuid (repo));

  /* twice: it is gone */
  g_assert_false (bk_credential_store_delete (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                              &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                          &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
}

/* Access in use is among the open items a person settles before parting ways */
static void
test_open_items (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_playbooks (fixture->dir, part_ways_xml, NULL);
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) hosting = add_credential (fixture, acme, "Hosting");
  g_autoptr(BkOpenItem) invoice = bk_open_item_new ();
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GError) error = NULL;
  BkPlaybook *playbook;

  playbook = bk_playbook_library_lookup (library, "test-part");
  g_assert_nonnull (playbook);

  bk_open_item_set_counterpart_id (invoice, bk_counterpart_get_id (acme));
  bk_open_item_set_description (invoice, "Invoice 7");
  g_assert_true (bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), invoice, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), bk_counterpart_get_id (acme)),
                    ==, 2);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), 0), ==, 2);

  run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), playbook, 0,
                            fixture->now, &error);
  g_assert_no_error (error);
  g_assert_false (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, playbook,
                                    &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                    fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS);
  g_assert_cmpstr (error->message, ==, "1 open item is not settled yet. "
                   "1 credential is still in use: hand it over or revoke it.");
  g_clear_error (&error);

  g_assert_true (bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (invoice),
                                            TRUE, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_false (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, playbook,
                                    &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                    fixture->now, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_OPEN_ITEMS);
  g_assert_cmpstr (error->message, ==, "1 credential is still in use: hand it over or revoke it.");
  g_clear_error (&error);

  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                                BK_CREDENTIAL_STATE_HANDED_OVER, fixture->now,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), 0), ==, 0);
  g_assert_true (bk_run_store_end (bk_journal_get_runs (fixture->journal), run, playbook,
                                   &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED },
                                   fixture->now, &error));
  g_assert_no_error (error);
}

static void
test_trash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = bk_test_add_counterpart (fixture->journal, "Zeta");
  g_autoptr(BkCredential) hosting = add_credential (fixture, acme, "Hosting");
  g_autoptr(BkCredential) repo = add_credential (fixture, acme, "Repository");
  g_autoptr(BkCredential) analytics = add_credential (fixture, zeta, "Analytics");
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) trashed = NULL;
  g_auto(GStrv) uuids = NULL;

  trashed = bk_counterpart_store_dup_trashed_uuids (bk_journal_get_counterparts (fixture->journal), &error);
  g_assert_no_error (error);
  g_assert_nonnull (trashed);
  g_assert_cmpuint (g_strv_length (trashed), ==, 0);
  g_clear_pointer (&trashed, g_strfreev);

  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (acme), TRUE,
                                    &error);
  g_assert_no_error (error);

  /* gone from every list and count, and out of reach */
  credentials = list_credentials (fixture->journal, acme);
  g_assert_cmpuint (credentials->len, ==, 0);
  g_clear_pointer (&credentials, g_ptr_array_unref);
  g_assert_null (bk_credential_store_dup (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                          &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo),
                                                 BK_CREDENTIAL_STATE_REVOKED, fixture->now,
                                                 &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_credential_store_delete (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo),
                                              &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal), 0), ==, 1);
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal),
                                                      bk_counterpart_get_id (acme)), ==, 0);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), 0), ==, 1);

  /* what the app needs to delete their secrets when the trash goes, and to find orphans */
  trashed = bk_counterpart_store_dup_trashed_uuids (bk_journal_get_counterparts (fixture->journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (trashed), ==, 1);
  g_assert_cmpstr (trashed[0], ==, bk_counterpart_get_uuid (acme));
  uuids = bk_credential_store_dup_uuids (bk_journal_get_credentials (fixture->journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uuids), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) uuids, bk_credential_get_uuid (hosting)));
  g_assert_true (g_strv_contains ((const char * const *) uuids, bk_credential_get_uuid (analytics)));
  g_clear_pointer (&trashed, g_strfreev);
  g_clear_pointer (&uuids, g_strfreev);

  /* restored: back as they were */
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (acme), FALSE,
                                    &error);
  g_assert_no_error (error);
  credentials = list_credentials (fixture->journal, acme);
  g_assert_cmpuint (credentials->len, ==, 2);
  g_clear_pointer (&credentials, g_ptr_array_unref);

  /* purged: deleted with it */
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (acme), TRUE,
                                    &error);
  g_assert_no_error (error);
  g_assert_true (bk_journal_purge_trash (fixture->journal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM credentials"), ==, 1);
  trashed = bk_counterpart_store_dup_trashed_uuids (bk_journal_get_counterparts (fixture->journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (trashed), ==, 0);
  uuids = bk_credential_store_dup_uuids (bk_journal_get_credentials (fixture->journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uuids), ==, 1);
  g_assert_cmpstr (uuids[0], ==, bk_credential_get_uuid (analytics));
}

/* Inside a transaction the signals wait for the commit, and a rollback drops them */
static void
test_signals_held (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) zeta = bk_test_add_counterpart (fixture->journal, "Zeta");
  g_autoptr(BkCredential) hosting = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;
  gint64 changed = -1;

  g_signal_connect (bk_journal_get_credentials (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_count_cb), &n_changed);
  g_signal_connect (bk_journal_get_credentials (fixture->journal), "changed",
                    G_CALLBACK (bk_test_store_counterpart_cb), &changed);

  g_assert_true (bk_database_begin (bk_journal_get_database (fixture->journal), &error));
  hosting = add_credential (fixture, acme, "Hosting");
  g_object_unref (add_credential (fixture, acme, "Repository"));
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_true (bk_database_commit (bk_journal_get_database (fixture->journal), &error));
  g_assert_no_error (error);
  /* told after the commit, each row once */
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpint (changed, ==, bk_counterpart_get_id (acme));

  /* rows of two counterparts: each told with its own */
  g_assert_true (bk_database_begin (bk_journal_get_database (fixture->journal), &error));
  g_object_unref (add_credential (fixture, zeta, "Analytics"));
  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                                BK_CREDENTIAL_STATE_REVOKED, fixture->now,
                                                &error));
  g_assert_true (bk_database_commit (bk_journal_get_database (fixture->journal), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_cmpint (changed, ==, bk_counterpart_get_id (acme));

  /* undone: never announced */
  g_assert_true (bk_database_begin (bk_journal_get_database (fixture->journal), &error));
  g_assert_true (bk_credential_store_delete (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                             &error));
  bk_database_rollback (bk_journal_get_database (fixture->journal));
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM credentials"), ==, 3);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(BkJournal) copy = NULL;
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCounterpart) copied = NULL;
  g_autoptr(BkCredential) hosting = bk_test_add_credential (fixture->journal, acme, "Hosting",
                                                            "admin", "https://panel.example");
  g_autoptr(BkCredential) repo = add_credential (fixture, acme, "Repository");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;
  sqlite3_stmt *stmt;

  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (repo),
                                                BK_CREDENTIAL_STATE_REVOKED, fixture->now,
                                                &error));
  g_assert_no_error (error);
  bk_counterpart_set_health (acme, 5);
  g_assert_true (bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), acme, &error));
  g_assert_no_error (error);
  /* an earlier change, so that the order is the dates' */
  g_assert_true (bk_database_exec (bk_journal_get_database (fixture->journal),
                                   "UPDATE health_history SET changed = 1700000000"
                                   " WHERE health = 5",
                                   &error));

  g_assert_true (bk_journal_export_json (fixture->journal, NULL, json, &error));
  g_assert_no_error (error);
  copy = bk_journal_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (bk_journal_import_json (copy, json, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.credentials_added, ==, 2);

  copied = bk_counterpart_store_dup_by_uuid (bk_journal_get_counterparts (copy), bk_counterpart_get_uuid (acme), &error);
  g_assert_no_error (error);
  before = list_credentials (fixture->journal, acme);
  after = list_credentials (copy, copied);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      BkCredential *a = g_ptr_array_index (before, i);
      BkCredential *b = g_ptr_array_index (after, i);

      g_assert_cmpstr (bk_credential_get_uuid (a), ==, bk_credential_get_uuid (b));
      g_assert_cmpstr (bk_credential_get_label (a), ==, bk_credential_get_label (b));
      g_assert_cmpstr (bk_credential_get_username (a), ==, bk_credential_get_username (b));
      g_assert_cmpstr (bk_credential_get_url (a), ==, bk_credential_get_url (b));
      g_assert_cmpint (bk_credential_get_state (a), ==, bk_credential_get_state (b));
      g_assert_true (g_date_time_equal (bk_credential_get_created (a),
                                        bk_credential_get_created (b)));
      g_assert_true (g_date_time_equal (bk_credential_get_updated (a),
                                        bk_credential_get_updated (b)));
      g_assert_true ((bk_credential_get_state_changed (a) == NULL) ==
                     (bk_credential_get_state_changed (b) == NULL));
    }
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (copy), 0), ==, 1);

  /* the history of health, exactly: no row made by the import itself */
  stmt = bk_database_prepare (bk_journal_get_database (copy),
                              "SELECT group_concat (changed || ':' || health, ' ')"
                              " FROM (SELECT changed, health FROM health_history"
                              "  WHERE counterpart_id = ?1 ORDER BY changed)",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, bk_counterpart_get_id (copied));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  {
    g_autofree char *expected = g_strdup_printf ("1700000000:5 %" G_GINT64_FORMAT ":3",
                                                 g_date_time_to_unix (bk_counterpart_get_created (acme)));

    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
  }
  sqlite3_finalize (stmt);
  (void) hosting;
}

/* Files of versions 1 and 2 still import: no credentials, a history that starts at creation */
static void
test_json_old_versions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (fixture->dir, "old.json", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;
  const char *files[] = {
    "{\"format\":\"bridgekeeper\",\"version\":1,\"counterparts\":"
    "[{\"name\":\"One\",\"health\":2,\"created\":\"2025-01-01\","
    "\"notes\":[{\"text\":\"Hello\"}]}]}",
    "{\"format\":\"bridgekeeper\",\"version\":2,\"counterparts\":"
    "[{\"name\":\"Two\",\"health\":4,\"created\":\"2025-02-01\","
    "\"open_items\":[{\"description\":\"Server keys\",\"kind\":\"access\"}],"
    /* members of a newer version in an older file are read as well */
    "\"credentials\":[{\"label\":\"Hosting\"}]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_file_set_contents (json_path, files[i], -1, &error);
      g_assert_no_error (error);
      g_assert_true (bk_journal_import_json (fixture->journal, json, &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (summary.counterparts_added, ==, 1);
    }

  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM counterparts"), ==,
                   2);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM health_history"), ==,
                   2);
  g_assert_cmpint (bk_test_query_int (fixture->journal,
                                      "SELECT changed FROM health_history WHERE health = 2"), ==,
                   1735689600);
  g_assert_cmpint (bk_test_query_int (fixture->journal,
                                      "SELECT changed FROM health_history WHERE health = 4"), ==,
                   1738368000);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM credentials"), ==, 1);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (fixture->journal), 0), ==, 2);
}

/* The journal keeps a credential's metadata only: whatever its secret is, it is in none of the
 * journal's files nor in an export. */
static void
test_no_secret_in_files (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *wal_path = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *json_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(BkCounterpart) acme = bk_test_add_counterpart (fixture->journal, "Acme");
  g_autoptr(BkCredential) hosting = NULL;
  g_autoptr(GBytes) db = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;

  /* what the Access section saves: the metadata to the journal (the secret goes to the
   * keyring, see test-keyring) */
  hosting = bk_test_add_credential (fixture->journal, acme, "Hosting panel", "admin",
                                    "https://panel.example");
  g_assert_true (bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (hosting),
                                                BK_CREDENTIAL_STATE_HANDED_OVER, fixture->now,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (bk_journal_export_json (fixture->journal, NULL, json, &error));
  g_assert_no_error (error);

  db = bk_test_read_bytes_or_null (fixture->path);
  wal = bk_test_read_bytes_or_null (wal_path);
  exported = bk_test_read_bytes_or_null (json_path);
  g_assert_nonnull (db);
  g_assert_nonnull (wal);
  g_assert_nonnull (exported);

  /* the search works: the label is there (in the log until a checkpoint) */
  g_assert_true (bk_test_bytes_contain (db, "Hosting panel") ||
                 bk_test_bytes_contain (wal, "Hosting panel"));
  g_assert_true (bk_test_bytes_contain (exported, "Hosting panel"));

  g_assert_false (bk_test_bytes_contain (db, SECRET));
  g_assert_false (bk_test_bytes_contain (wal, SECRET));
  g_assert_false (bk_test_bytes_contain (exported, SECRET));

  /* and after a checkpoint, in the journal file itself */
  g_clear_object (&fixture->journal);
  g_clear_pointer (&db, g_bytes_unref);
  db = bk_test_read_bytes_or_null (fixture->path);
  g_assert_true (bk_test_bytes_contain (db, "Hosting panel"));
  g_assert_false (bk_test_bytes_contain (db, SECRET));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/credentials/save-and-list", test_save_and_list);
  ADD ("/credentials/validation", test_validation);
  ADD ("/credentials/state", test_state);
  ADD ("/credentials/delete", test_delete);
  ADD ("/credentials/open-items", test_open_items);
  ADD ("/credentials/trash", test_trash);
  ADD ("/credentials/signals-held", test_signals_held);
  ADD ("/credentials/json", test_json);
  ADD ("/credentials/json-old-versions", test_json_old_versions);
  ADD ("/credentials/no-secret-in-files", test_no_secret_in_files);

#undef ADD

  return g_test_run ();
}

/* test-journal.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-journal-json.h"
#include "bk-test-journal.h"
#include "bk-timeline.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = bk_test_make_tmp_dir ();
  /* a folder that does not exist yet: opening creates it */
  fixture->path = g_build_filename (fixture->dir, "data", "bridgekeeper", "journal.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_size;
}

static void
assert_search_index_sound (BkJournal *journal)
{
  g_autoptr(GError) error = NULL;

  /* rank 1: compares the index with the rows it was built from */
  bk_database_exec (bk_journal_get_database (journal),
                    "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
                    &error);
  g_assert_no_error (error);
}

/* A real journal, large enough for damage in its middle to land on b-tree pages. */
static void
write_big_journal (const char *path)
{
  g_autoptr(BkJournal) journal = bk_test_open_journal (path);
  g_autoptr(GError) error = NULL;

  bk_database_begin (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %u", i);
      g_autoptr(BkCounterpart) counterpart = bk_test_add_counterpart (journal, name);

      for (guint j = 0; j < 150; j++)
        {
          g_autofree char *text =
            g_strdup_printf ("Note %u about client %u: talked about the invoice, the schedule "
                             "and the next steps of the project, again and again.", j, i);
          g_autoptr(BkNote) note = bk_test_add_note (journal, bk_counterpart_get_id (counterpart),
                                                     text);
        }
    }

  bk_database_commit (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);

  bk_database_exec (bk_journal_get_database (journal), "PRAGMA wal_checkpoint(TRUNCATE)", &error);
  g_assert_no_error (error);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(BkCounterpart) reread = NULL;
  g_autoptr(BkNote) note = NULL;
  g_autoptr(BkNote) reread_note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *mode = NULL;
  GStatBuf st;
  gint64 id;
  gint64 note_id;

  journal = bk_test_open_journal (fixture->path);
  g_assert_cmpstr (bk_journal_get_path (journal), ==, fixture->path);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  mode = bk_test_db_query_text (bk_database_get_handle (bk_journal_get_database (journal)), "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (bk_test_query_int (journal, "PRAGMA application_id"), ==,
                   0x424B4A4C);
  g_assert_cmpint (bk_test_query_int (journal, "PRAGMA user_version"), ==,
                   BK_SCHEMA_VERSION);
  g_assert_cmpint (bk_test_query_int (journal, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (bk_test_query_int (journal, "PRAGMA synchronous"), ==, 2);

  counterpart = bk_test_add_counterpart (journal, "  Maria Ivanova  ");
  g_assert_cmpstr (bk_counterpart_get_name (counterpart), ==, "Maria Ivanova");
  g_assert_true (g_uuid_string_is_valid (bk_counterpart_get_uuid (counterpart)));
  g_assert_nonnull (bk_counterpart_get_created (counterpart));
  g_assert_nonnull (bk_counterpart_get_updated (counterpart));
  id = bk_counterpart_get_id (counterpart);
  note = bk_test_add_note (journal, id, "First meeting.");
  note_id = bk_note_get_id (note);
  g_assert_cmpint (note_id, ==, BK_NOTE_ID_BASE + 1);
  g_assert_true (g_uuid_string_is_valid (bk_note_get_uuid (note)));

  /* SQLite's own files take the journal's mode */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&journal);

  journal = bk_test_open_journal (fixture->path);
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 1);
  g_assert_cmpint (bk_note_store_count (bk_journal_get_notes (journal), id), ==, 1);

  reread = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_counterpart_get_name (reread), ==, "Maria Ivanova");
  g_assert_cmpstr (bk_counterpart_get_uuid (reread), ==, bk_counterpart_get_uuid (counterpart));
  g_assert_true (g_date_time_equal (bk_counterpart_get_created (reread),
                                    bk_counterpart_get_created (counterpart)));

  reread_note = bk_note_store_dup (bk_journal_get_notes (journal), note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_note_get_text (reread_note), ==, "First meeting.");
  g_assert_cmpint (bk_note_get_counterpart_id (reread_note), ==, id);
  g_assert_true (g_date_time_equal (bk_note_get_created (reread_note),
                                    bk_note_get_created (note)));

  g_clear_object (&reread);
  reread = bk_counterpart_store_dup_by_uuid (bk_journal_get_counterparts (journal), bk_counterpart_get_uuid (counterpart),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_id (reread), ==, id);

  g_clear_object (&reread);
  reread = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), 12345, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (reread);
}

static void
test_default_path (void)
{
  g_autofree char *path = bk_journal_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (),
                                                DATA_FOLDER, "journal.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  journal = bk_test_open_journal (fixture->path);
  counterpart = bk_test_add_counterpart (journal, "Someone");
  g_clear_object (&journal);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  before = checksum_file (fixture->path);

  journal = bk_journal_open (fixture->path, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_TOO_NEW);
  g_assert_null (journal);
  g_assert_nonnull (strstr (error->message, "99"));
  g_test_message ("%s", error->message);

  after = checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* Opening fails with CORRUPT and leaves the file as it was. */
static void
assert_refused_as_corrupt (const char *path)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;

  journal = bk_journal_open (path, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_CORRUPT);
  g_assert_null (journal);
  g_test_message ("%s", error->message);

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

/* Moves the journal aside (with made-up -wal and -shm files) and starts a new one. */
static void
assert_set_aside_works (const char *path)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *new_path = NULL;
  g_autofree char *new_wal = NULL;
  g_autofree char *new_shm = NULL;
  g_autofree char *basename = NULL;
  goffset size = file_size (path);

  g_file_set_contents (wal, "not really a wal", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (shm, "not really a shm file", -1, &error);
  g_assert_no_error (error);

  bk_journal_set_aside (path, &new_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (new_path);

  basename = g_path_get_basename (new_path);
  g_assert_true (g_str_has_prefix (basename, "journal.db.corrupt-"));
  /* journal.db.corrupt-YYYYmmdd-HHMMSS */
  g_assert_cmpuint (strlen (basename), ==, strlen ("journal.db.corrupt-") + 15);
  g_assert_cmpint (basename[strlen ("journal.db.corrupt-") + 8], ==, '-');

  new_wal = g_strconcat (new_path, "-wal", NULL);
  new_shm = g_strconcat (new_path, "-shm", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_size (new_path), ==, size);
  g_assert_cmpint (file_size (new_wal), ==, strlen ("not really a wal"));
  g_assert_cmpint (file_size (new_shm), ==, strlen ("not really a shm file"));

  journal = bk_test_open_journal (path);
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 0);
  g_clear_object (&journal);

  /* a second time in the same second does not overwrite the first */
  {
    g_autofree char *second = NULL;

    bk_journal_set_aside (path, &second, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (second, !=, new_path);
    g_assert_true (g_file_test (new_path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  }
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *garbage = g_malloc (8192);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 8192; i++)
    garbage[i] = (char) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (fixture->path, garbage, 8192, &error);
  g_assert_no_error (error);

  assert_refused_as_corrupt (fixture->path);
  assert_set_aside_works (fixture->path);
}

static void
test_text_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);

  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (fixture->path, "Dear diary,\nthis is not a database.\n", -1, &error);
  g_assert_no_error (error);

  assert_refused_as_corrupt (fixture->path);
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  sqlite3 *db = NULL;

  g_mkdir_with_parents (folder, 0700);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE recipes (title TEXT);"
                                 "INSERT INTO recipes VALUES ('Borscht');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_as_corrupt (fixture->path);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  goffset size;

  write_big_journal (fixture->path);
  size = file_size (fixture->path);
  g_assert_cmpint (size, >, 200 * 1024);

  g_assert_cmpint (truncate (fixture->path, size / 2), ==, 0);

  assert_refused_as_corrupt (fixture->path);
  assert_set_aside_works (fixture->path);
}

/* Overwrites the start of a page in the middle: its b-tree header and cell pointers. */
static void
damage_middle_page (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize page_size = 4096;
  gsize length;
  gsize middle;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (length % page_size, ==, 0);

  middle = (length / page_size / 2) * page_size;
  for (gsize i = 0; i < 64; i++)
    contents[middle + i] = (char) (0xA5 ^ i);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_damaged_page (Fixture       *fixture,
                   gconstpointer  data)
{
  write_big_journal (fixture->path);
  damage_middle_page (fixture->path);

  assert_refused_as_corrupt (fixture->path);
  assert_set_aside_works (fixture->path);
}

static void
on_integrity_checked_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GError **error = user_data;

  bk_journal_check_integrity_finish (BK_JOURNAL (object), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "sound"); /* marks "answered" */
}

/* A journal opened with the check left for later: damage in the middle is found by the check on
 * its own thread, and a sound journal passes it. */
static void
test_deferred_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) checked = NULL;
  g_autoptr(BkJournal) journal = NULL;

  write_big_journal (fixture->path);

  /* Sound */
  journal = bk_journal_open_full (fixture->path, BK_JOURNAL_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  bk_journal_check_integrity_async (journal, NULL, on_integrity_checked_cb, &checked);
  while (checked == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (checked, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&checked);
  g_clear_object (&journal);

  /* Damaged in the middle: opens at once, the check finds it */
  damage_middle_page (fixture->path);

  journal = bk_journal_open_full (fixture->path, BK_JOURNAL_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  bk_journal_check_integrity_async (journal, NULL, on_integrity_checked_cb, &checked);
  while (checked == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (checked, BK_DATABASE_ERROR, BK_DATABASE_ERROR_CORRUPT);
}

static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkCounterpart) ivan = NULL;
  g_autoptr(BkCounterpartList) list = NULL;
  g_autoptr(BkCounterpart) item = NULL;
  g_autoptr(BkNote) note = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *tags;

  bk_test_load_sql_fixture (fixture->path, "journal-v1.sql");

  journal = bk_test_open_journal (fixture->path);
  g_assert_cmpint (bk_test_query_int (journal, "PRAGMA user_version"), ==,
                   BK_SCHEMA_VERSION);
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 2);

  ivan = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_counterpart_get_name (ivan), ==, "Иван Петров");
  g_assert_cmpstr (bk_counterpart_get_organization (ivan), ==, "ООО «Ромашка»");
  g_assert_cmpint (bk_counterpart_get_health (ivan), ==, 4);
  tags = bk_counterpart_get_tags (ivan);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "опт");
  g_assert_cmpstr (tags[1], ==, "москва");

  note = bk_note_store_dup (bk_journal_get_notes (journal), BK_NOTE_ID_BASE + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_note_get_kind (note), ==, BK_NOTE_KIND_CALL);
  g_assert_true (bk_note_get_private (note));

  /* the index built by migration 2 holds the old rows */
  list = bk_counterpart_list_new (journal);
  bk_test_list_set_query (list, "ива");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (bk_counterpart_get_id (item), ==, 1);
  g_clear_object (&item);

  bk_test_list_set_query (list, "договора");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (bk_counterpart_get_match_note_id (item), ==, BK_NOTE_ID_BASE + 1);
  g_clear_object (&item);

  /* trashed in version 1, still hidden */
  bk_test_list_set_query (list, "trashed");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* new notes continue the id space */
  g_clear_object (&note);
  note = bk_test_add_note (journal, 2, "After the upgrade");
  g_assert_cmpint (bk_note_get_id (note), ==, BK_NOTE_ID_BASE + 3);

  assert_search_index_sound (journal);
  g_clear_object (&list);
  g_clear_object (&journal);

  /* opening again migrates nothing */
  journal = bk_test_open_journal (fixture->path);
  g_assert_cmpint (bk_note_store_count (bk_journal_get_notes (journal), 0), ==, 3);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BkJournal) journal = bk_test_open_journal (fixture->path);
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(BkCounterpart) saved = NULL;
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(GError) error = NULL;

  bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A name is required.");
  g_clear_error (&error);

  bk_counterpart_set_name (counterpart, " \t\n ");
  g_assert_cmpstr (bk_counterpart_get_name (counterpart), ==, "");
  bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bk_counterpart_get_id (counterpart), ==, 0);

  bk_counterpart_set_name (counterpart, "Health check");
  bk_counterpart_set_health (counterpart, 0);
  bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bk_counterpart_set_health (counterpart, 6);
  bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 0);

  for (int health = 1; health <= 5; health++)
    {
      bk_counterpart_set_id (counterpart, 0);
      bk_counterpart_set_uuid (counterpart, NULL);
      bk_counterpart_set_health (counterpart, health);
      bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 5);

  /* text that looks like markup, emoji and right-to-left text come back byte for byte */
  bk_counterpart_set_id (counterpart, 0);
  bk_counterpart_set_uuid (counterpart, NULL);
  bk_counterpart_set_name (counterpart, "<b>Bold</b> &amp; Co 🦀");
  bk_counterpart_set_organization (counterpart, "שלום עולם — مرحبا");
  bk_counterpart_set_email (counterpart, "a&b@example.com");
  bk_counterpart_set_tags_from_string (counterpart, "<i>, 🙂 ,, vip, VIP , опт");
  bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error);
  g_assert_no_error (error);

  saved = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), bk_counterpart_get_id (counterpart), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_counterpart_get_name (saved), ==, "<b>Bold</b> &amp; Co 🦀");
  g_assert_cmpstr (bk_counterpart_get_organization (saved), ==, "שלום עולם — مرحبا");
  g_assert_cmpstr (bk_counterpart_get_email (saved), ==, "a&b@example.com");
  {
    g_autofree char *tags = bk_counterpart_dup_tags_string (saved);
    g_assert_cmpstr (tags, ==, "<i>, 🙂, vip, опт");
  }

  /* notes */
  bk_note_set_counterpart_id (note, bk_counterpart_get_id (counterpart));
  bk_note_store_save (bk_journal_get_notes (journal), note, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bk_note_set_text (note, "  \n\t ");
  bk_note_store_save (bk_journal_get_notes (journal), note, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bk_note_set_text (note, "text");
  bk_note_set_counterpart_id (note, 999);
  bk_note_store_save (bk_journal_get_notes (journal), note, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (bk_note_get_id (note), ==, 0);
  g_assert_cmpint (bk_note_store_count (bk_journal_get_notes (journal), 0), ==, 0);

  {
    const char *texts[] = {
      "<b>not bold</b> &amp; <span foreground=\"red\">x</span> & < >",
      "  leading and trailing blanks are kept \n",
      "Emoji 👩‍👩‍👧‍👦 🇷🇺 and עברית with العربية mixed in English",
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(BkNote) n = bk_test_add_note (journal, bk_counterpart_get_id (counterpart),
                                                texts[i]);
        g_autoptr(BkNote) back = bk_note_store_dup (bk_journal_get_notes (journal), bk_note_get_id (n), &error);

        g_assert_no_error (error);
        g_assert_cmpstr (bk_note_get_text (back), ==, texts[i]);
      }
  }

  /* a 1 MB note */
  {
    g_autoptr(GString) big = g_string_sized_new (1024 * 1024 + 64);
    g_autoptr(BkNote) n = NULL;
    g_autoptr(BkNote) back = NULL;

    while (big->len < 1024 * 1024)
      g_string_append (big, "Пишу длинную заметку, line after line. ");

    n = bk_test_add_note (journal, bk_counterpart_get_id (counterpart), big->str);
    back = bk_note_store_dup (bk_journal_get_notes (journal), bk_note_get_id (n), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (bk_note_get_text (back)), ==, big->len);
    g_assert_cmpstr (bk_note_get_text (back), ==, big->str);
  }

  /* an update of something that is gone */
  bk_counterpart_set_id (counterpart, 4242);
  bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_search_index_sound (journal);
}

static void
test_trash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BkJournal) journal = bk_test_open_journal (fixture->path);
  g_autoptr(BkCounterpart) keep = bk_test_add_counterpart (journal, "Keep");
  g_autoptr(BkCounterpart) drop = bk_test_add_counterpart (journal, "Drop");
  g_autoptr(BkNote) kept_note = bk_test_add_note (journal, bk_counterpart_get_id (keep), "kept");
  g_autoptr(BkNote) dropped_note = bk_test_add_note (journal, bk_counterpart_get_id (keep),
                                                     "dropped");
  g_autoptr(BkNote) orphan = bk_test_add_note (journal, bk_counterpart_get_id (drop), "orphan");
  g_autoptr(BkNote) missing = NULL;
  g_autoptr(BkCounterpart) missing_counterpart = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = bk_database_get_handle (bk_journal_get_database (journal));
  guint counterparts_changed = 0;
  gint64 last_notes_changed = -1;

  g_signal_connect (bk_journal_get_counterparts (journal), "changed", 
                    G_CALLBACK (bk_test_store_count_cb), &counterparts_changed);
  g_signal_connect (bk_journal_get_notes (journal), "changed", 
                    G_CALLBACK (bk_test_store_counterpart_cb), &last_notes_changed);

  /* a note: trash, undo, trash */
  bk_note_store_set_trashed (bk_journal_get_notes (journal), bk_note_get_id (dropped_note), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last_notes_changed, ==, bk_counterpart_get_id (keep));
  g_assert_cmpint (bk_note_store_count (bk_journal_get_notes (journal), bk_counterpart_get_id (keep)), ==, 1);
  missing = bk_note_store_dup (bk_journal_get_notes (journal), bk_note_get_id (dropped_note), &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);

  bk_note_store_set_trashed (bk_journal_get_notes (journal), bk_note_get_id (dropped_note), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_note_store_count (bk_journal_get_notes (journal), bk_counterpart_get_id (keep)), ==, 2);
  bk_note_store_set_trashed (bk_journal_get_notes (journal), bk_note_get_id (dropped_note), TRUE, &error);
  g_assert_no_error (error);

  bk_note_store_set_trashed (bk_journal_get_notes (journal), 17, TRUE, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a counterpart: trash, undo, trash */
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (journal), bk_counterpart_get_id (drop), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counterparts_changed, ==, 1);
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 1);
  g_assert_cmpint (bk_note_store_count (bk_journal_get_notes (journal), 0), ==, 1);
  missing_counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), bk_counterpart_get_id (drop),
                                                  &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* no notes for a counterpart in the trash, and no editing it */
  {
    g_autoptr(BkNote) note = bk_note_new ();

    bk_note_set_counterpart_id (note, bk_counterpart_get_id (drop));
    bk_note_set_text (note, "too late");
    bk_note_store_save (bk_journal_get_notes (journal), note, &error);
    g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
    g_clear_error (&error);

    bk_counterpart_store_save (bk_journal_get_counterparts (journal), drop, &error);
    g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (journal), bk_counterpart_get_id (drop), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 2);
  g_assert_cmpint (bk_note_store_count (bk_journal_get_notes (journal), 0), ==, 2);
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (journal), bk_counterpart_get_id (drop), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counterparts_changed, ==, 3);

  /* purge: the trashed counterpart's notes go with it */
  g_assert_cmpint (bk_test_db_query_int (db, "SELECT count(*) FROM notes"), ==, 3);
  bk_journal_purge_trash (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_db_query_int (db, "SELECT count(*) FROM counterparts"), ==, 1);
  g_assert_cmpint (bk_test_db_query_int (db, "SELECT count(*) FROM notes"), ==, 1);
  g_assert_cmpint (bk_test_db_query_int (db, "SELECT count(*) FROM search_index"), ==, 2);
  assert_search_index_sound (journal);

  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (journal), bk_counterpart_get_id (drop), FALSE, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the direct cascade too */
  bk_database_exec (bk_journal_get_database (journal), "DELETE FROM counterparts", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_db_query_int (db, "SELECT count(*) FROM notes"), ==, 0);
  assert_search_index_sound (journal);
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BkJournal) journal = bk_test_open_journal (fixture->path);
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(BkCounterpart) second = NULL;
  g_autoptr(GError) error = NULL;
  guint counterparts_changed = 0;
  gint64 last_notes_changed = -1;
  gint64 last_runs_changed = -1;

  g_signal_connect (bk_journal_get_counterparts (journal), "changed",
                    G_CALLBACK (bk_test_store_count_cb), &counterparts_changed);
  g_signal_connect (bk_journal_get_notes (journal), "changed",
                    G_CALLBACK (bk_test_store_counterpart_cb), &last_notes_changed);
  g_signal_connect (bk_journal_get_runs (journal), "changed",
                    G_CALLBACK (bk_test_store_counterpart_cb), &last_runs_changed);

  /* changes wait for the outermost commit, each row told once */
  bk_database_begin (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);
  counterpart = bk_test_add_counterpart (journal, "One");
  second = bk_test_add_counterpart (journal, "Two");
  g_assert_cmpuint (counterparts_changed, ==, 0);
  {
    g_autoptr(BkNote) a = bk_test_add_note (journal, bk_counterpart_get_id (counterpart), "a");
    g_autoptr(BkNote) b = bk_test_add_note (journal, bk_counterpart_get_id (second), "b");
  }
  g_assert_cmpint (last_notes_changed, ==, -1);
  bk_store_queue_change (BK_STORE (bk_journal_get_runs (journal)), BK_CHANGE_CHANGED, 1,
                         bk_counterpart_get_id (second));
  bk_store_queue_change (BK_STORE (bk_journal_get_runs (journal)), BK_CHANGE_CHANGED, 1,
                         bk_counterpart_get_id (second));
  g_assert_cmpint (last_runs_changed, ==, -1);
  bk_database_commit (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counterparts_changed, ==, 2);
  g_assert_cmpint (last_notes_changed, ==, bk_counterpart_get_id (second));
  g_assert_cmpint (last_runs_changed, ==, bk_counterpart_get_id (second));

  /* a rollback undoes the writes and drops the signals */
  counterparts_changed = 0;
  bk_database_begin (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);
  {
    g_autoptr(BkCounterpart) three = bk_test_add_counterpart (journal, "Three");
  }
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 3);
  last_runs_changed = -1;
  bk_store_queue_change (BK_STORE (bk_journal_get_runs (journal)), BK_CHANGE_CHANGED, 1,
                         bk_counterpart_get_id (second));
  bk_database_rollback (bk_journal_get_database (journal));
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 2);
  g_assert_cmpuint (counterparts_changed, ==, 0);
  g_assert_cmpint (last_runs_changed, ==, -1);

  /* a failed save inside a transaction leaves the rest of it alone */
  bk_database_begin (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);
  {
    g_autoptr(BkCounterpart) four = bk_test_add_counterpart (journal, "Four");
    g_autoptr(BkCounterpart) dup = bk_counterpart_new ();

    bk_counterpart_set_name (dup, "Duplicate uuid");
    bk_counterpart_set_uuid (dup, bk_counterpart_get_uuid (four));
    bk_counterpart_store_save (bk_journal_get_counterparts (journal), dup, &error);
    g_assert_nonnull (error);
    g_assert_true (error->domain == BK_DATABASE_ERROR);
    g_clear_error (&error);
    g_assert_cmpint (bk_counterpart_get_id (dup), ==, 0);
  }
  bk_database_commit (bk_journal_get_database (journal), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 3);
  g_assert_cmpuint (counterparts_changed, ==, 1);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_value_objects (void)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(BkCounterpart) copy = NULL;
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(BkNote) note_copy = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *tags[] = { " a ", "b, c", "A", "", NULL };
  g_autofree char *tags_string = NULL;
  guint notifies = 0;

  g_assert_cmpint (bk_counterpart_get_health (counterpart), ==, 3);
  g_assert_cmpint (bk_counterpart_get_kind (counterpart), ==, BK_COUNTERPART_KIND_CLIENT);
  g_assert_cmpint (bk_counterpart_get_status (counterpart), ==, BK_COUNTERPART_STATUS_ACTIVE);
  g_assert_cmpstr (bk_counterpart_get_uuid (counterpart), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) bk_counterpart_get_tags (counterpart)), ==, 0);

  g_signal_connect (counterpart, "notify", G_CALLBACK (notify_cb), &notifies);
  bk_counterpart_set_name (counterpart, " Name ");
  g_assert_cmpuint (notifies, ==, 1);
  bk_counterpart_set_name (counterpart, "Name");
  g_assert_cmpuint (notifies, ==, 1);
  bk_counterpart_set_health (counterpart, 3);
  g_assert_cmpuint (notifies, ==, 1);

  bk_counterpart_set_tags (counterpart, tags);
  tags_string = bk_counterpart_dup_tags_string (counterpart);
  g_assert_cmpstr (tags_string, ==, "a, b, c");
  notifies = 0;
  bk_counterpart_set_tags_from_string (counterpart, "a,b,c");
  g_assert_cmpuint (notifies, ==, 0);
  bk_counterpart_set_tags_from_string (counterpart, "");
  g_assert_cmpuint (notifies, ==, 2); /* tags and tags-string */

  bk_counterpart_set_organization (counterpart, "Org");
  bk_counterpart_set_kind (counterpart, BK_COUNTERPART_KIND_VENDOR);
  bk_counterpart_set_status (counterpart, BK_COUNTERPART_STATUS_ENDED_WELL);
  bk_counterpart_set_created (counterpart, now);
  bk_counterpart_set_match ((BkCounterpart *) counterpart, "<b>x</b>", 7);
  copy = bk_counterpart_copy (counterpart);
  g_assert_cmpstr (bk_counterpart_get_name (copy), ==, "Name");
  g_assert_cmpstr (bk_counterpart_get_organization (copy), ==, "Org");
  g_assert_cmpint (bk_counterpart_get_kind (copy), ==, BK_COUNTERPART_KIND_VENDOR);
  g_assert_cmpint (bk_counterpart_get_status (copy), ==, BK_COUNTERPART_STATUS_ENDED_WELL);
  g_assert_true (g_date_time_equal (bk_counterpart_get_created (copy), now));
  g_assert_cmpstr (bk_counterpart_get_match_markup (copy), ==, "<b>x</b>");
  g_assert_cmpint (bk_counterpart_get_match_note_id (copy), ==, 7);

  /* the progress of the active run, as the journal reads it, goes with a copy */
  g_assert_null (bk_counterpart_get_run_playbook_id (counterpart));
  notifies = 0;
  bk_counterpart_set_run_progress (counterpart, "part-ways", 2, 6);
  g_assert_cmpuint (notifies, ==, 3);
  bk_counterpart_set_run_progress (counterpart, "part-ways", 2, 6);
  g_assert_cmpuint (notifies, ==, 3);
  g_clear_object (&copy);
  copy = bk_counterpart_copy (counterpart);
  g_assert_cmpstr (bk_counterpart_get_run_playbook_id (copy), ==, "part-ways");
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (copy), ==, 2);
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (copy), ==, 6);
  /* no run: no steps either */
  bk_counterpart_set_run_progress (counterpart, NULL, 2, 6);
  g_assert_null (bk_counterpart_get_run_playbook_id (counterpart));
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (counterpart), ==, 0);
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (counterpart), ==, 0);

  g_assert_nonnull (bk_note_get_created (note));
  g_assert_cmpint (bk_note_get_kind (note), ==, BK_NOTE_KIND_NOTE);
  g_assert_cmpstr (bk_note_get_text (note), ==, "");
  bk_note_set_text (note, " x ");
  bk_note_set_private (note, TRUE);
  bk_note_set_kind (note, BK_NOTE_KIND_MEETING);
  note_copy = bk_note_copy (note);
  g_assert_cmpstr (bk_note_get_text (note_copy), ==, " x ");
  g_assert_true (bk_note_get_private (note_copy));
  g_assert_cmpint (bk_note_get_kind (note_copy), ==, BK_NOTE_KIND_MEETING);
}

/* A journal of 0.1 (format 4), its progress notes written in English for one counterpart and in
 * Russian for the other: the events they tell of become data, and read back in the reader's
 * words exactly as 0.1 wrote them in English. Those that cannot be placed stay as written. */
static void
test_migration_events (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct
  {
    BkNoteEvent event;
    const char *step;
    const char *words;
    const char *english;
  } maria[] = {
    { BK_NOTE_EVENT_RUN_STARTED, "", "",
      "Started the playbook “Part Ways Cleanly”.\n"
      "What isn’t working:\n"
      "• They don’t pay, or pay late\n"
      "• Clashing personalities or ways of communicating" },
    { BK_NOTE_EVENT_STEP_DONE, "acknowledge", "Wrote a calm e-mail",
      "“Acknowledge the problems”: done — Wrote a calm e-mail" },
    { BK_NOTE_EVENT_STEP_SKIPPED, "settle", "", "“Settle every open item”: skipped" },
    /* skipped, then reopened: the step's state is gone, so these stay as they were */
    { BK_NOTE_EVENT_NONE, "", "“Hand over or revoke access”: skipped",
      "“Hand over or revoke access”: skipped" },
    { BK_NOTE_EVENT_NONE, "", "“Hand over or revoke access”: to do again",
      "“Hand over or revoke access”: to do again" },
    { BK_NOTE_EVENT_RUN_ENDED, "", "Anna Petrova",
      "Ended “Part Ways Cleanly”: Referred to a colleague — taken over by Anna Petrova" },
    { BK_NOTE_EVENT_CHECKIN_DONE, "", "All good", "Checked in — All good" },
    { BK_NOTE_EVENT_NONE, "", "An ordinary note", "An ordinary note" },
  };
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = bk_test_load_shipped_playbooks ();
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(BkCounterpart) vendor = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  bk_test_load_sql_fixture (fixture->path, "journal-v4.sql");
  journal = bk_test_open_journal (fixture->path);
  g_assert_cmpint (bk_test_query_int (journal, "PRAGMA user_version"), ==, BK_SCHEMA_VERSION);

  counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_counterpart_get_name (counterpart), ==, "Maria Sokolova");
  notes = bk_note_store_list_between (bk_journal_get_notes (journal), 1, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, G_N_ELEMENTS (maria));

  for (guint i = 0; i < notes->len; i++)
    {
      BkNote *note = g_ptr_array_index (notes, i);
      g_autofree char *text = bk_timeline_dup_text (note, playbooks, BK_COUNTERPART_KIND_CLIENT);

      g_assert_cmpint (bk_note_get_event (note), ==, maria[i].event);
      g_assert_cmpstr (bk_note_get_event_step (note), ==, maria[i].step);
      g_assert_cmpstr (bk_note_get_text (note), ==, maria[i].words);
      g_assert_cmpstr (text, ==, maria[i].english);
      if (maria[i].event != BK_NOTE_EVENT_NONE && maria[i].event != BK_NOTE_EVENT_CHECKIN_DONE)
        g_assert_cmpstr (bk_note_get_event_playbook (note), ==, "part-ways");
    }
  g_assert_cmpuint (bk_note_get_event_reasons (g_ptr_array_index (notes, 0)), ==,
                    (1u << BK_REASON_NON_PAYMENT) | (1u << BK_REASON_PERSONALITY));
  g_assert_cmpint (bk_note_get_event_outcome (g_ptr_array_index (notes, 5)), ==,
                   BK_OUTCOME_REFERRED);

  /* the vendor's notes, written in Russian, read in English now */
  vendor = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), 2, &error);
  g_assert_no_error (error);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = bk_note_store_list_between (bk_journal_get_notes (journal), 2, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *started = bk_timeline_dup_text (g_ptr_array_index (notes, 0), playbooks,
                                                     BK_COUNTERPART_KIND_VENDOR);
    g_autofree char *done = bk_timeline_dup_text (g_ptr_array_index (notes, 1), playbooks,
                                                  BK_COUNTERPART_KIND_VENDOR);
    g_autofree char *checked = bk_timeline_dup_text (g_ptr_array_index (notes, 6), playbooks,
                                                     BK_COUNTERPART_KIND_VENDOR);

    g_assert_true (g_str_has_prefix (started, "Started the playbook “Part Ways Cleanly”."));
    g_assert_true (g_str_has_suffix (done, ": done — Написала спокойное письмо"));
    g_assert_cmpstr (checked, ==, "Checked in — Всё хорошо");
  }

  /* the search index follows what the notes hold now */
  g_assert_cmpint (bk_test_query_int (journal,
                                      "SELECT count(*) FROM search_index"
                                      " WHERE search_index MATCH '\"playbook\"'"), ==, 0);
  assert_search_index_sound (journal);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
assert_refused (const char *path,
                const char *words)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  journal = bk_journal_open (path, &error);
  g_assert_null (journal);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

/* What is at the journal's place is looked at, not followed or changed: a link (to another
 * file, or to nothing), a folder and a read-only journal are refused as they are; a journal
 * open to others, and the app's data folder, are made private */
static void
test_odd_files (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere.db", NULL);
  g_autofree char *data_folder = g_build_filename (dir, DATA_FOLDER, NULL);
  g_autofree char *data_journal = g_build_filename (data_folder, "journal.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  /* a link to an unrelated file: neither it nor its mode changes */
  g_assert_true (g_file_set_contents (other, "my own notes", -1, NULL));
  g_assert_cmpint (g_chmod (other, 0644), ==, 0);
  g_assert_cmpint (symlink (other, path), ==, 0);
  assert_refused (path, "is a link");
  g_assert_cmpuint (mode_of (other), ==, 0644);
  g_assert_true (g_file_get_contents (other, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "my own notes");
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* a link to nothing: no journal is made where it points */
  g_assert_cmpint (symlink (nowhere, path), ==, 0);
  assert_refused (path, "is a link");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* a folder */
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  assert_refused (path, "is not a journal file of yours");
  g_assert_cmpuint (mode_of (path), ==, 0755);
  g_assert_cmpint (g_rmdir (path), ==, 0);

  /* one open to others is made private */
  journal = bk_test_open_journal (path);
  g_clear_object (&journal);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  journal = bk_journal_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_clear_object (&journal);

  /* the app's data folder, open to all, is made private */
  g_assert_cmpint (g_mkdir (data_folder, 0755), ==, 0);
  journal = bk_journal_open (data_journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (data_folder), ==, 0700);
  g_clear_object (&journal);

  bk_test_remove_tree (dir);
}

/* Opens @path, read-only, and checks that it reads, exports and refuses every write, leaving
 * the file as it was and nothing new beside it */
static void
assert_opens_read_only (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *export_dir = bk_test_make_tmp_dir ();
  g_autoptr(GFile) export_file = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = bk_test_load_shipped_playbooks ();
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkJournal) searcher = NULL;
  g_autoptr(BkCounterpart) added = bk_counterpart_new ();
  g_autoptr(GError) error = NULL;
  gsize before_length = 0;
  gsize after_length = 0;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  journal = bk_journal_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bk_journal_is_read_only (journal));

  /* it reads, and searches */
  g_assert_cmpuint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, 1);
  g_assert_cmpint (bk_test_query_int (journal, "SELECT count(*) FROM counterparts WHERE name = 'Anna Petrova'"), ==, 1);

  /* it exports */
  export_path = g_build_filename (export_dir, "export.json", NULL);
  export_file = g_file_new_for_path (export_path);
  g_assert_true (bk_journal_export_json (journal, playbooks, export_file, &error));
  g_assert_no_error (error);
  g_assert_true (bk_test_file_contains (export_path, "Anna Petrova"));

  /* it refuses a change, saying why and what to do, and an import before reading the file */
  bk_counterpart_set_name (added, "Someone New");
  g_assert_false (bk_counterpart_store_save (bk_journal_get_counterparts (journal), added, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_nonnull (strstr (error->message, "chmod u+w"));
  g_clear_error (&error);
  g_assert_false (bk_journal_import_json (journal, export_file, NULL, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* a search, on a connection of its own, and the integrity check read it too */
  searcher = bk_journal_open_full (path, BK_JOURNAL_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_counterpart_store_count (bk_journal_get_counterparts (searcher)), ==, 1);
  g_clear_object (&searcher);
  g_assert_true (bk_schema_check_integrity (path, &error));
  g_assert_no_error (error);

  g_clear_object (&journal);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  bk_test_remove_tree (export_dir);
}

/* A journal made read-only, or in a folder made read-only, opens read-only: it is read,
 * searched and exported, never changed, and its modes stay as they were set */
static void
test_read_only (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, DATA_FOLDER, NULL);
  g_autofree char *path = g_build_filename (folder, "journal.db", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  journal = bk_test_open_journal (path);
  bk_test_add_counterpart (journal, "Anna Petrova");
  g_clear_object (&journal);

  /* the file read-only */
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  assert_opens_read_only (path);
  g_assert_cmpuint (mode_of (path), ==, 0400);

  /* the folder read-only (SQLite could not make the journal's -wal and -shm there) */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  assert_opens_read_only (path);
  g_assert_cmpuint (mode_of (folder), ==, 0500);
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);

  /* one from an earlier version would have to be upgraded: refused, unchanged */
  bk_test_load_sql_fixture (old_path, "journal-v4.sql");
  g_assert_cmpint (g_chmod (old_path, 0400), ==, 0);
  g_assert_true (g_file_get_contents (old_path, &before, NULL, NULL));
  g_assert_null (bk_journal_open (old_path, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "chmod u+w"));
  g_assert_true (g_file_get_contents (old_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  bk_test_remove_tree (dir);
}

/* A write while another program holds the journal waits as long as asked, then says the
 * journal is busy, not "database is locked"; once the other is done, it goes through */
static void
test_busy (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(BkJournal) journal = bk_test_open_journal (path);
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  bk_database_set_busy_timeout (bk_journal_get_database (journal), 100);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  bk_counterpart_set_name (counterpart, "Anna Petrova");
  g_assert_false (bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_BUSY);
  g_assert_null (strstr (error->message, "locked"));
  g_assert_nonnull (strstr (error->message, "busy"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error));
  g_assert_no_error (error);

  g_clear_object (&journal);
  bk_test_remove_tree (dir);
}

/* A journal refused (written by a newer version) is left as it was, without new -wal and -shm
 * files beside it */
static void
test_refused_leaves_nothing (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(BkJournal) journal = bk_test_open_journal (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&journal);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  g_assert_null (bk_journal_open (path, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_TOO_NEW);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  bk_test_remove_tree (dir);
}

/* A file at the journal's -wal that is no write-ahead log (garbage, another program's) is kept
 * aside, not deleted; the journal opens as it was */
static void
test_foreign_log (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(BkJournal) journal = bk_test_open_journal (path);
  g_autoptr(BkCounterpart) anna = bk_test_add_counterpart (journal, "Anna Petrova");
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gboolean kept = FALSE;

  g_clear_object (&journal);
  g_assert_true (g_file_set_contents (wal, "not a write-ahead log at all, but someone's notes", -1, NULL));

  journal = bk_journal_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (journal, "SELECT count(*) FROM counterparts"), ==, 1);
  /* the window says where it went */
  g_assert_nonnull (bk_journal_get_kept_aside_log (journal));
  g_assert_true (g_file_test (bk_journal_get_kept_aside_log (journal), G_FILE_TEST_IS_REGULAR));
  g_clear_object (&journal);

  /* once */
  journal = bk_journal_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (bk_journal_get_kept_aside_log (journal));
  g_clear_object (&journal);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *kept_path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (!g_str_has_prefix (name, "journal.db-wal.corrupt-"))
        continue;
      g_assert_true (g_file_get_contents (kept_path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "not a write-ahead log at all, but someone's notes");
      kept = TRUE;
    }
  g_assert_true (kept);

  bk_test_remove_tree (dir);
}

/* A journal of format 7 (before referrals and keep-in-touch) upgrades in place: everything in
 * it stays, and the new fields start empty */
static void
test_migration_v7 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GPtrArray) losing = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkCounterpart) anna = NULL;

  bk_test_load_sql_fixture (fixture->path, "journal-v7.sql");
  journal = bk_test_open_journal (fixture->path);
  g_assert_cmpint (bk_test_query_int (journal, "PRAGMA user_version"), ==, BK_SCHEMA_VERSION);
  g_assert_cmpint (bk_test_query_int (journal, "SELECT count(*) FROM counterparts"), ==, 3);
  g_assert_cmpint (bk_test_query_int (journal, "SELECT count(*) FROM notes WHERE kind != 'progress'"), ==, 5);
  g_assert_cmpint (bk_test_query_int (journal, "SELECT count(*) FROM runs"), ==, 1);

  anna = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_referred_by_id (anna), ==, 0);
  g_assert_cmpstr (bk_counterpart_get_referred_by (anna), ==, "");
  g_assert_cmpuint (bk_counterpart_get_keep_in_touch_days (anna), ==, 0);

  /* nobody has a rhythm yet: nobody is losing touch */
  losing = bk_counterpart_store_list_losing_touch (bk_journal_get_counterparts (journal), now, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (losing->len, ==, 0);

  /* and they can have one now */
  bk_counterpart_set_keep_in_touch_days (anna, 30);
  bk_test_save_counterpart (journal, anna);
  g_clear_pointer (&losing, g_ptr_array_unref);
  losing = bk_counterpart_store_list_losing_touch (bk_journal_get_counterparts (journal), now, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (losing->len, ==, 1);
}

static BkNote *
add_dated_note (BkJournal  *journal,
                gint64      counterpart_id,
                BkNoteKind  kind,
                GDateTime  *created)
{
  g_autoptr(BkNote) note = bk_note_new ();

  bk_note_set_counterpart_id (note, counterpart_id);
  bk_note_set_kind (note, kind);
  bk_note_set_created (note, created);
  bk_note_set_text (note, "Talked");
  bk_test_save_note (journal, note);

  return g_steal_pointer (&note);
}

static guint
n_losing_touch (BkJournal *journal,
                GDateTime *now,
                gboolean   unnotified_only)
{
  g_autoptr(GPtrArray) losing = NULL;
  g_autoptr(GError) error = NULL;

  losing = bk_counterpart_store_list_losing_touch (bk_journal_get_counterparts (journal), now, unnotified_only, &error);
  g_assert_no_error (error);

  return losing->len;
}

/* Every relationship can have a keep-in-touch rhythm: a call, meeting or email resets it (a
 * plain note or an invoice does not), the longest overdue comes first, and a due one is
 * notified once per due date (the clock is given, not read) */
static void
test_keep_in_touch (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BkJournal) journal = bk_test_open_journal (fixture->path);
  g_autoptr(BkCounterpart) anna = bk_counterpart_new ();
  g_autoptr(BkCounterpart) boris = bk_counterpart_new ();
  g_autoptr(BkCounterpart) vera = bk_test_add_counterpart (journal, "Vera, no rhythm");
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) day_20 = g_date_time_add_days (start, 20);
  g_autoptr(GDateTime) day_31 = g_date_time_add_days (start, 31);
  g_autoptr(GDateTime) day_45 = g_date_time_add_days (start, 45);
  g_autoptr(GDateTime) day_52 = g_date_time_add_days (start, 52);
  g_autoptr(GDateTime) day_90 = g_date_time_add_days (start, 90);
  g_autoptr(GPtrArray) losing = NULL;
  g_autoptr(BkNote) call = NULL;
  g_autoptr(BkNote) invoice = NULL;
  g_autoptr(GError) error = NULL;

  bk_counterpart_set_name (anna, "Anna Petrova");
  bk_counterpart_set_created (anna, start);
  bk_counterpart_set_keep_in_touch_days (anna, 30);
  bk_test_save_counterpart (journal, anna);
  bk_counterpart_set_name (boris, "Boris Orlov");
  bk_counterpart_set_kind (boris, BK_COUNTERPART_KIND_VENDOR);
  bk_counterpart_set_created (boris, start);
  bk_counterpart_set_keep_in_touch_days (boris, 14);
  bk_test_save_counterpart (journal, boris);
  (void) vera;

  /* counted from their coming into the journal, with no contact yet */
  g_assert_cmpuint (n_losing_touch (journal, day_20, FALSE), ==, 1);
  g_assert_cmpuint (n_losing_touch (journal, day_31, FALSE), ==, 2);
  losing = bk_counterpart_store_list_losing_touch (bk_journal_get_counterparts (journal), day_31, FALSE, &error);
  g_assert_no_error (error);
  /* Boris fell due on day 14, Anna on day 30 */
  g_assert_cmpstr (bk_counterpart_get_name (g_ptr_array_index (losing, 0)), ==, "Boris Orlov");
  g_assert_null (bk_counterpart_get_last_contact (g_ptr_array_index (losing, 0)));
  g_clear_pointer (&losing, g_ptr_array_unref);

  /* an invoice is no contact; a call is */
  invoice = add_dated_note (journal, bk_counterpart_get_id (anna), BK_NOTE_KIND_INVOICE, day_20);
  g_assert_cmpuint (n_losing_touch (journal, day_31, FALSE), ==, 2);
  call = add_dated_note (journal, bk_counterpart_get_id (anna), BK_NOTE_KIND_CALL, day_20);
  g_assert_cmpuint (n_losing_touch (journal, day_31, FALSE), ==, 1);
  g_assert_cmpuint (n_losing_touch (journal, day_52, FALSE), ==, 2);
  losing = bk_counterpart_store_list_losing_touch (bk_journal_get_counterparts (journal), day_52, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_counterpart_get_name (g_ptr_array_index (losing, 1)), ==, "Anna Petrova");
  g_assert_true (g_date_time_equal (bk_counterpart_get_last_contact (g_ptr_array_index (losing, 1)), day_20));
  g_clear_pointer (&losing, g_ptr_array_unref);

  /* a call in the trash is no contact */
  g_assert_true (bk_note_store_set_trashed (bk_journal_get_notes (journal), bk_note_get_id (call), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_losing_touch (journal, day_31, FALSE), ==, 2);
  g_assert_true (bk_note_store_set_trashed (bk_journal_get_notes (journal), bk_note_get_id (call), FALSE, &error));
  g_assert_no_error (error);

  /* told once per due date: Boris, told on day 31, is not told again on day 45, but is once
   * a meeting on day 31 has run out on day 45 */
  g_assert_cmpuint (n_losing_touch (journal, day_31, TRUE), ==, 1);
  g_assert_true (bk_counterpart_store_set_touch_notified (bk_journal_get_counterparts (journal),
                                                          bk_counterpart_get_id (boris), day_31, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_losing_touch (journal, day_31, TRUE), ==, 0);
  g_assert_cmpuint (n_losing_touch (journal, day_45, TRUE), ==, 0);
  g_clear_object (&call);
  call = add_dated_note (journal, bk_counterpart_get_id (boris), BK_NOTE_KIND_MEETING, day_31);
  g_assert_cmpuint (n_losing_touch (journal, day_45, TRUE), ==, 1);

  /* no rhythm, no reminder: turned off */
  bk_counterpart_set_keep_in_touch_days (anna, 0);
  bk_counterpart_set_keep_in_touch_days (boris, 0);
  bk_test_save_counterpart (journal, anna);
  bk_test_save_counterpart (journal, boris);
  g_assert_cmpuint (n_losing_touch (journal, day_90, FALSE), ==, 0);
}

/* Who referred a counterpart: another in the journal, or a name. The referrals that came
 * back through someone parted from on good terms or handed over are listed. */
static void
test_referrals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkJournal) journal = bk_test_open_journal (fixture->path);
  g_autoptr(BkCounterpart) olga = bk_test_add_counterpart (journal, "Olga Mironova");
  g_autoptr(BkCounterpart) still = bk_test_add_counterpart (journal, "Still Working Ltd");
  g_autoptr(BkCounterpart) nina = bk_counterpart_new ();
  g_autoptr(BkCounterpart) pavel = bk_counterpart_new ();
  g_autoptr(BkCounterpart) self_referred = NULL;
  g_autoptr(BkCounterpart) reread = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;

  bk_counterpart_set_name (nina, "Nina Frolova");
  bk_counterpart_set_referred_by_id (nina, bk_counterpart_get_id (olga));
  bk_counterpart_set_referred_by (nina, "  Olga Mironova ");
  bk_test_save_counterpart (journal, nina);
  bk_counterpart_set_name (pavel, "Pavel Gusev");
  bk_counterpart_set_referred_by_id (pavel, bk_counterpart_get_id (still));
  bk_test_save_counterpart (journal, pavel);

  reread = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), bk_counterpart_get_id (nina), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_referred_by_id (reread), ==, bk_counterpart_get_id (olga));
  g_assert_cmpstr (bk_counterpart_get_referred_by (reread), ==, "Olga Mironova");

  /* Olga is still a client: nothing came back through a parting yet */
  back = bk_counterpart_store_list_referrals_back (bk_journal_get_counterparts (journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 0);
  g_clear_pointer (&back, g_ptr_array_unref);

  /* handed over, on good terms: Nina is the bridge that paid off */
  bk_counterpart_set_status (olga, BK_COUNTERPART_STATUS_HANDED_OVER);
  bk_test_save_counterpart (journal, olga);
  back = bk_counterpart_store_list_referrals_back (bk_journal_get_counterparts (journal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_cmpstr (bk_counterpart_get_name (g_ptr_array_index (back, 0)), ==, "Nina Frolova");
  g_clear_pointer (&back, g_ptr_array_unref);

  /* nobody refers themselves; a referrer deleted from the journal leaves the name */
  self_referred = bk_counterpart_copy (olga);
  bk_counterpart_set_referred_by_id (self_referred, bk_counterpart_get_id (olga));
  bk_test_save_counterpart (journal, self_referred);
  g_clear_object (&reread);
  reread = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), bk_counterpart_get_id (olga), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_referred_by_id (reread), ==, 0);

  g_assert_true (bk_counterpart_store_set_trashed (bk_journal_get_counterparts (journal), bk_counterpart_get_id (olga),
                                                   TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bk_journal_purge_trashed (journal, bk_counterpart_get_id (olga), &error));
  g_assert_no_error (error);
  g_clear_object (&reread);
  reread = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), bk_counterpart_get_id (nina), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_referred_by_id (reread), ==, 0);
  g_assert_cmpstr (bk_counterpart_get_referred_by (reread), ==, "Olga Mironova");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journal/default-path", test_default_path);
  g_test_add_func ("/journal/odd-files", test_odd_files);
  g_test_add_func ("/journal/read-only", test_read_only);
  g_test_add_func ("/journal/busy", test_busy);
  g_test_add_func ("/journal/refused-leaves-nothing", test_refused_leaves_nothing);
  g_test_add_func ("/journal/foreign-log", test_foreign_log);
  g_test_add_func ("/journal/value-objects", test_value_objects);
  g_test_add ("/journal/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/journal/too-new", Fixture, NULL, fixture_set_up, test_too_new, fixture_tear_down);
  g_test_add ("/journal/corrupt/garbage", Fixture, NULL,
              fixture_set_up, test_garbage, fixture_tear_down);
  g_test_add ("/journal/corrupt/text-file", Fixture, NULL,
              fixture_set_up, test_text_file, fixture_tear_down);
  g_test_add ("/journal/corrupt/foreign-database", Fixture, NULL,
              fixture_set_up, test_foreign_database, fixture_tear_down);
  g_test_add ("/journal/corrupt/truncated", Fixture, NULL,
              fixture_set_up, test_truncated, fixture_tear_down);
  g_test_add ("/journal/corrupt/damaged-page", Fixture, NULL,
              fixture_set_up, test_damaged_page, fixture_tear_down);
  g_test_add ("/journal/corrupt/deferred-check", Fixture, NULL,
              fixture_set_up, test_deferred_check, fixture_tear_down);
  g_test_add ("/journal/migration", Fixture, NULL,
              fixture_set_up, test_migration, fixture_tear_down);
  g_test_add ("/journal/migration-v7", Fixture, NULL, fixture_set_up, test_migration_v7, fixture_tear_down);
  g_test_add ("/journal/keep-in-touch", Fixture, NULL, fixture_set_up, test_keep_in_touch, fixture_tear_down);
  g_test_add ("/journal/referrals", Fixture, NULL, fixture_set_up, test_referrals, fixture_tear_down);
  g_test_add ("/journal/migration-events", Fixture, NULL,
              fixture_set_up, test_migration_events, fixture_tear_down);
  g_test_add ("/journal/validation", Fixture, NULL,
              fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/journal/trash", Fixture, NULL, fixture_set_up, test_trash, fixture_tear_down);
  g_test_add ("/journal/transactions", Fixture, NULL,
              fixture_set_up, test_transactions, fixture_tear_down);

  return g_test_run ();
}

/* test-backups.c: backups made while the journal is written, kept by rotation, restored
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "bk-backups.h"
#include "bk-journal.h"
#include "bk-test-journal.h"

typedef struct
{
  char      *dir;
  char      *path;
  BkJournal *journal;
  gint64     kept_id;
  gint64     doomed_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkCounterpart) kept = NULL;
  g_autoptr(BkCounterpart) doomed = NULL;

  fixture->dir = bk_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (fixture->path);

  kept = bk_test_add_counterpart (fixture->journal, "Anna Petrova");
  doomed = bk_test_add_counterpart (fixture->journal, "Northwind Traders");
  fixture->kept_id = bk_counterpart_get_id (kept);
  fixture->doomed_id = bk_counterpart_get_id (doomed);
  g_object_unref (bk_test_add_note (fixture->journal, fixture->kept_id, "Sent the March invoice."));
  g_object_unref (bk_test_add_note (fixture->journal, fixture->doomed_id, "Счёт оплачен."));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GDateTime *
local_time (int year,
            int month,
            int day,
            int hour)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  return g_date_time_new (local, year, month, day, hour, 0, 0);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A backup is a checked copy of the journal in backups/, for its owner's eyes alone */
static void
test_make (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) now = local_time (2026, 11, 30, 15);
  g_autoptr(BkBackup) backup = NULL;
  g_autoptr(BkBackup) second = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = bk_backups_dup_folder (fixture->path);

  /* a folder that was there already, open to all, is closed */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  backup = bk_backups_make (fixture->path, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_backup_get_name (backup), ==, "journal-2026-11-30-150000.db");
  g_assert_cmpint (bk_backup_get_n_counterparts (backup), ==, 2);
  g_assert_cmpint (bk_backup_get_n_notes (backup), ==, 2);
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (bk_backup_get_path (backup)), ==, 0600);
  /* no log beside it: the file is the whole copy */
  {
    g_autofree char *wal = g_strconcat (bk_backup_get_path (backup), "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (bk_test_file_query_int (bk_backup_get_path (backup),
                                           "SELECT count(*) FROM counterparts WHERE name = 'Northwind Traders'"), ==, 1);

  /* the same second again */
  second = bk_backups_make (fixture->path, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_backup_get_name (second), ==, "journal-2026-11-30-150000-2.db");

  listed = bk_backups_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (bk_backup_get_name (g_ptr_array_index (listed, 0)), ==, bk_backup_get_name (second));
  g_assert_true (bk_backups_made_on (fixture->path, now));
  {
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

    g_assert_false (bk_backups_made_on (fixture->path, yesterday));
  }
}

typedef struct
{
  const char *path;
  gint        stop;
  guint       written;
} Writer;

static gpointer
write_notes_cb (gpointer data)
{
  Writer *writer = data;
  g_autoptr(BkJournal) journal = bk_test_open_journal (writer->path);
  g_autoptr(BkCounterpart) counterpart = bk_test_add_counterpart (journal, "Busy Client");

  while (!g_atomic_int_get (&writer->stop))
    {
      g_autofree char *text = g_strdup_printf ("Note %u, written during a backup", writer->written);

      g_object_unref (bk_test_add_note (journal, bk_counterpart_get_id (counterpart), text));
      writer->written++;
    }

  return NULL;
}

/* Backups made while another connection keeps writing are each whole: they pass the check,
 * and each holds every note the one before it held */
static void
test_consistent_while_writing (Fixture       *fixture,
                               gconstpointer  data)
{
  Writer writer = { fixture->path, FALSE, 0 };
  GThread *thread = g_thread_new ("writer", write_notes_cb, &writer);
  gint64 last_notes = 0;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GDateTime) now = local_time (2026, 11, 30, 10 + i);
      g_autoptr(BkBackup) backup = NULL;
      g_autoptr(GError) error = NULL;

      backup = bk_backups_make (fixture->path, now, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bk_backup_get_n_notes (backup), >=, last_notes);
      last_notes = bk_backup_get_n_notes (backup);
    }

  g_atomic_int_set (&writer.stop, TRUE);
  g_thread_join (thread);
  g_assert_cmpuint (writer.written, >, 0);
  g_assert_cmpint (last_notes, >, 2);
}

/* Rotation keeps the day's backups and the newest of the last 7 days, 4 weeks and 12 months;
 * never the last copy */
static void
test_rotate (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *expected[] = {
    "journal-2026-03-15-090000.db", "journal-2026-03-15-080000.db",
    "journal-2026-03-14-090000.db", "journal-2026-03-13-090000.db",
    "journal-2026-03-12-090000.db", "journal-2026-03-11-090000.db",
    "journal-2026-03-10-090000.db", "journal-2026-03-09-090000.db",
    /* weeks end on Sundays */
    "journal-2026-03-08-090000.db", "journal-2026-03-01-090000.db",
    "journal-2026-02-28-090000.db", "journal-2026-02-22-090000.db",
    /* months */
    "journal-2026-01-31-090000.db",
  };
  BkBackupPolicy policy = BK_BACKUP_POLICY_INIT;
  BkBackupPolicy none = { 0, 0, 0 };
  g_autoptr(GDateTime) first = local_time (2026, 1, 1, 9);
  g_autoptr(GDateTime) now = local_time (2026, 3, 15, 10);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 74; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i);

      g_object_unref (bk_backups_make (fixture->path, day, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(GDateTime) early = local_time (2026, 3, 15, 8);

    g_object_unref (bk_backups_make (fixture->path, early, &error));
    g_assert_no_error (error);
  }

  bk_backups_rotate (fixture->path, &policy, now, &error);
  g_assert_no_error (error);

  left = bk_backups_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (bk_backup_get_name (g_ptr_array_index (left, i)), ==, expected[i]);
  g_clear_pointer (&left, g_ptr_array_unref);

  /* a day later, keeping nothing at all: the newest stays */
  {
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

    bk_backups_rotate (fixture->path, &none, tomorrow, &error);
    g_assert_no_error (error);
  }
  left = bk_backups_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (bk_backup_get_name (g_ptr_array_index (left, 0)), ==, expected[0]);
}

/* A restore brings back what was deleted since, and keeps the journal it replaced */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) before = local_time (2026, 11, 29, 9);
  g_autoptr(GDateTime) now = local_time (2026, 11, 30, 9);
  g_autoptr(BkBackup) backup = NULL;
  g_autoptr(BkBackup) found = NULL;
  g_autoptr(BkBackup) kept = NULL;
  g_autoptr(GError) error = NULL;

  backup = bk_backups_make (fixture->path, before, &error);
  g_assert_no_error (error);

  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal),
                                    fixture->doomed_id, TRUE, &error);
  g_assert_no_error (error);
  bk_journal_purge_trash (fixture->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM counterparts"), ==, 1);
  g_clear_object (&fixture->journal);

  /* by name, with or without ".db" */
  found = bk_backups_find (fixture->path, "journal-2026-11-29-090000", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_backup_get_path (found), ==, bk_backup_get_path (backup));

  g_assert_true (bk_backups_restore (fixture->path, found, now, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpint (bk_backup_get_n_counterparts (kept), ==, 1);

  fixture->journal = bk_test_open_journal (fixture->path);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM counterparts"), ==, 2);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM notes"), ==, 2);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_clear_object (&fixture->journal);

  /* and undone, with the backup the restore kept */
  g_assert_true (bk_backups_restore (fixture->path, kept, now, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_file_query_int (fixture->path, "SELECT count(*) FROM counterparts"), ==, 1);

  /* nothing by that name */
  g_assert_null (bk_backups_find (fixture->path, "journal-1999-01-01-000000", &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
}

static GBytes *
read_journal (const char *path)
{
  GBytes *bytes = bk_test_read_bytes_or_null (path);

  g_assert_nonnull (bytes);
  return bytes;
}

/* A damaged backup, or one from a newer Bridgekeeper, is refused and the journal stays as it
 * was */
static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = local_time (2026, 11, 30, 9);
  g_autoptr(BkBackup) backup = NULL;
  g_autoptr(BkBackup) newer = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *newer_path = g_build_filename (fixture->dir, "from-the-future.db", NULL);
  gsize length;
  sqlite3 *db;

  backup = bk_backups_make (fixture->path, now, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->journal);
  before = read_journal (fixture->path);

  /* a newer format */
  g_assert_true (g_file_get_contents (bk_backup_get_path (backup), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (newer_path, contents, length, NULL));
  g_assert_cmpint (sqlite3_open (newer_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  newer = bk_backups_find (fixture->path, newer_path, &error);
  g_assert_no_error (error);
  g_assert_false (bk_backups_restore (fixture->path, newer, now, NULL, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_TOO_NEW);
  g_clear_error (&error);

  /* damaged: a page in the middle overwritten */
  for (gsize i = 0; i < 64; i++)
    contents[(length / 4096 / 2) * 4096 + i] = (char) (0xA5 ^ i);
  g_assert_true (g_file_set_contents (bk_backup_get_path (backup), contents, length, NULL));
  g_assert_false (bk_backups_restore (fixture->path, backup, now, NULL, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_CORRUPT);

  after = read_journal (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A copy that fails its check does not count: it is deleted, and the failure said */
static void
test_failed_check (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = local_time (2026, 11, 30, 9);
  g_autofree char *contents = NULL;
  g_autofree char *folder = bk_backups_dup_folder (fixture->path);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize length;

  /* enough pages for one in the middle to be a table's */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note %u: the schedule, the invoice and the next "
                                               "steps, talked through once more.", i);

      g_object_unref (bk_test_add_note (fixture->journal, fixture->kept_id, text));
    }
  g_clear_object (&fixture->journal);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  for (gsize i = 0; i < 64; i++)
    contents[(length / 4096 / 2) * 4096 + i] = (char) (0xA5 ^ i);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  g_assert_null (bk_backups_make (fixture->path, now, &error));
  g_assert_nonnull (error);

  listed = bk_backups_list (fixture->path, NULL);
  g_assert_cmpuint (listed->len, ==, 0);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backups/make", Fixture, NULL, fixture_set_up, test_make, fixture_tear_down);
  g_test_add ("/backups/consistent-while-writing", Fixture, NULL, fixture_set_up,
              test_consistent_while_writing, fixture_tear_down);
  g_test_add ("/backups/rotate", Fixture, NULL, fixture_set_up, test_rotate, fixture_tear_down);
  g_test_add ("/backups/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/backups/restore-refused", Fixture, NULL, fixture_set_up, test_restore_refused,
              fixture_tear_down);
  g_test_add ("/backups/failed-check", Fixture, NULL, fixture_set_up, test_failed_check,
              fixture_tear_down);

  return g_test_run ();
}

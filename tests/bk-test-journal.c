/* bk-test-journal.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-test"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-journal.h"
#include "bk-search-tokenizer.h"
#include "bk-test-journal.h"

/* Folders and files */

/* A new folder of the test's own, "bk-test-journal-XXXXXX" for test-journal. */
char *
bk_test_make_tmp_dir (void)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strdup_printf ("bk-%s-XXXXXX", program);
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return path;
}

/* Removes @path and all it holds; links are removed, never followed. */
void
bk_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      bk_test_remove_tree (child);
      g_object_unref (info);
    }

  g_remove (path);
}

const char *
bk_test_source_root (void)
{
  const char *root = g_getenv ("BK_SOURCE_ROOT");

  g_assert_nonnull (root);
  return root;
}

void
bk_test_write_file (const char *dir,
                    const char *name,
                    const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The bytes of @path, or %NULL where there is no such file. */
GBytes *
bk_test_read_bytes_or_null (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_bytes_new_take (contents, length);
}

gboolean
bk_test_bytes_contain (GBytes     *bytes,
                       const char *needle)
{
  gsize length = 0;
  const guint8 *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;
  gsize needle_length = strlen (needle);

  for (gsize i = 0; data != NULL && i + needle_length <= length; i++)
    {
      if (memcmp (data + i, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
bk_test_file_contains (const char *path,
                       const char *needle)
{
  g_autoptr(GBytes) bytes = bk_test_read_bytes_or_null (path);

  return bk_test_bytes_contain (bytes, needle);
}

/* Runs a program from the PATH, which must succeed, and returns what it printed. */
char *
bk_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

/* Journals */

BkJournal *
bk_test_open_journal (const char *path)
{
  g_autoptr(GError) error = NULL;
  BkJournal *journal = bk_journal_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (BK_IS_JOURNAL (journal));

  return journal;
}

/* Writes the journal at @path, its folder included, with tests/fixtures/@name: SQL for
 * sqlite3 as an older version of the app left it. */
void
bk_test_load_sql_fixture (const char *path,
                          const char *name)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);

  g_mkdir_with_parents (folder, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (bk_search_tokenizer_register (db, NULL));
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

/* The first column of the one row @sql gives */
gint64
bk_test_db_query_int (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

char *
bk_test_db_query_text (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

gint64
bk_test_query_int (BkJournal  *journal,
                   const char *sql)
{
  return bk_test_db_query_int (bk_database_get_handle (bk_journal_get_database (journal)), sql);
}

/* Asks the journal file itself, read-only, past any BkJournal that has it open. */
gint64
bk_test_file_query_int (const char *path,
                        const char *sql)
{
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (bk_search_tokenizer_register (db, NULL));
  value = bk_test_db_query_int (db, sql);
  sqlite3_close (db);

  return value;
}

/* What a journal holds */

void
bk_test_save_counterpart (BkJournal     *journal,
                          BkCounterpart *counterpart)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_id (counterpart), >, 0);
}

BkCounterpart *
bk_test_add_counterpart (BkJournal  *journal,
                         const char *name)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();

  bk_counterpart_set_name (counterpart, name);
  bk_test_save_counterpart (journal, counterpart);

  return g_steal_pointer (&counterpart);
}

void
bk_test_save_note (BkJournal *journal,
                   BkNote    *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_note_store_save (bk_journal_get_notes (journal), note, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_note_get_id (note), >, BK_NOTE_ID_BASE);
}

BkNote *
bk_test_add_note (BkJournal  *journal,
                  gint64      counterpart_id,
                  const char *text)
{
  g_autoptr(BkNote) note = bk_note_new ();

  bk_note_set_counterpart_id (note, counterpart_id);
  bk_note_set_text (note, text);
  bk_test_save_note (journal, note);

  return g_steal_pointer (&note);
}

/* @username and @url may be %NULL: left as a new credential has them. */
BkCredential *
bk_test_add_credential (BkJournal     *journal,
                        BkCounterpart *counterpart,
                        const char    *label,
                        const char    *username,
                        const char    *url)
{
  g_autoptr(BkCredential) credential = bk_credential_new ();
  g_autoptr(GError) error = NULL;

  bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (counterpart));
  bk_credential_set_label (credential, label);
  if (username != NULL)
    bk_credential_set_username (credential, username);
  if (url != NULL)
    bk_credential_set_url (credential, url);
  g_assert_true (bk_credential_store_save (bk_journal_get_credentials (journal), credential, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_credential_get_id (credential), >, 0);

  return g_steal_pointer (&credential);
}

/* Playbooks */

/* A library of the playbooks given as XML texts, written into @dir/playbooks, a folder that
 * must not exist yet. */
BkPlaybookLibrary *
bk_test_load_playbooks (const char *dir,
                        const char *first_xml,
                        ...)
{
  g_autofree char *playbooks = g_build_filename (dir, "playbooks", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (playbooks);
  g_autoptr(GError) error = NULL;
  BkPlaybookLibrary *library;
  va_list args;
  guint n = 0;

  g_assert_cmpint (g_mkdir (playbooks, 0700), ==, 0);

  va_start (args, first_xml);
  for (const char *xml = first_xml; xml != NULL; xml = va_arg (args, const char *))
    {
      g_autofree char *name = g_strdup_printf ("test-%u.playbook", n++);

      bk_test_write_file (playbooks, name, xml);
    }
  va_end (args);

  library = bk_playbook_library_new_from_directory (directory, &error);
  g_assert_no_error (error);
  g_assert_nonnull (library);

  return library;
}

/* The playbooks the app ships, from data/playbooks in the source tree */
BkPlaybookLibrary *
bk_test_load_shipped_playbooks (void)
{
  g_autofree char *path = g_build_filename (bk_test_source_root (), "data", "playbooks", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BkPlaybookLibrary *library;

  library = bk_playbook_library_new_from_directory (directory, &error);
  g_assert_no_error (error);
  g_assert_nonnull (library);

  return library;
}

/* Signal handlers that count what a signal says */

void
bk_test_count_cb (gpointer  instance,
                  guint    *count)
{
  (*count)++;
}

void
bk_test_count_id_cb (gpointer  instance,
                     gint64    id,
                     guint    *count)
{
  (*count)++;
}

void
bk_test_id_cb (gpointer  instance,
               gint64    id,
               gint64   *last)
{
  *last = id;
}

/* A store's "changed": counts the rows told */
void
bk_test_store_count_cb (gpointer  store,
                        BkChange  change,
                        gint64    id,
                        gint64    counterpart_id,
                        guint    *count)
{
  (*count)++;
}

/* A store's "changed": keeps the counterpart of the last row told */
void
bk_test_store_counterpart_cb (gpointer  store,
                              BkChange  change,
                              gint64    id,
                              gint64    counterpart_id,
                              gint64   *last)
{
  *last = counterpart_id;
}

void
bk_test_list_wait (BkCounterpartList *list)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (bk_counterpart_list_get_searching (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

void
bk_test_list_set_query (BkCounterpartList *list,
                        const char        *query)
{
  bk_counterpart_list_set_query (list, query);
  bk_test_list_wait (list);
}

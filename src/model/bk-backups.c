/* bk-backups.c: the journal's backups, made, kept and restored
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-backups"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-backups.h"
#include "bk-database.h"
#include "bk-file-writer.h"
#include "bk-schema.h"

/* A backup is "journal-2026-11-30-151203.db" (local time), with "-2" and on for another in the
 * same second. One being written is a hidden partial file, named and tidied as every file the
 * app writes is (bk-file-writer.h). */
#define NAME_PREFIX      "journal-"
#define NAME_SUFFIX      ".db"

char *
bk_backups_dup_folder (const char *journal_path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (journal_path != NULL, NULL);

  folder = g_path_get_dirname (journal_path);

  return g_build_filename (folder, "backups", NULL);
}

typedef enum
{
  FAILED_FOLDER,
  FAILED_WRITE,
  FAILED_REMOVE,
} Failure;

/* What failed with @path, and the system's reason */
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 Failure      failure,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  int code = g_io_error_from_errno (saved_errno);

  switch (failure)
    {
    case FAILED_FOLDER:
      /* Translators: %s is a folder, then what went wrong */
      g_set_error (error, G_IO_ERROR, code, _("Could not make the backup folder “%s”: %s"),
                   display, g_strerror (saved_errno));
      break;

    case FAILED_WRITE:
      /* Translators: %s is a file, then what went wrong */
      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"),
                   display, g_strerror (saved_errno));
      break;

    case FAILED_REMOVE:
      /* Translators: %s is a file, then what went wrong */
      g_set_error (error, G_IO_ERROR, code, _("Could not remove the old backup “%s”: %s"),
                   display, g_strerror (saved_errno));
      break;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* The folder, made if missing, readable by its owner alone whatever it was before */
static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0 || g_chmod (folder, 0700) != 0)
    return set_errno_error (error, errno, FAILED_FOLDER, folder);

  return TRUE;
}

/* Data written reaches the disk, not only the system's cache */
static gboolean
sync_path (const char  *path,
           gboolean     folder,
           GError     **error)
{
  int fd = g_open (path, (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || (fsync (fd) != 0 && errno != EINVAL))
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      return set_errno_error (error, saved_errno, FAILED_WRITE, path);
    }

  close (fd);
  return TRUE;
}

/* When a backup of this name was made, or %NULL for a name that is not a backup's */
static GDateTime *
parse_name (const char *name)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  int year, month, day, hour, minute, second, n = 0;

  if (!g_str_has_prefix (name, NAME_PREFIX) || !g_str_has_suffix (name, NAME_SUFFIX) ||
      sscanf (name, NAME_PREFIX "%4d-%2d-%2d-%2d%2d%2d%n", &year, &month, &day, &hour, &minute,
              &second, &n) != 6)
    return NULL;

  /* nothing after the time but the suffix, or "-N" and the suffix */
  if (!g_str_equal (name + n, NAME_SUFFIX))
    {
      const char *p = name + n;

      if (*p++ != '-' || !g_ascii_isdigit (*p))
        return NULL;
      while (g_ascii_isdigit (*p))
        p++;
      if (!g_str_equal (p, NAME_SUFFIX))
        return NULL;
    }

  return g_date_time_new (local, year, month, day, hour, minute, second);
}

/**
 * bk_backups_make:
 * @journal_path: the journal, open or not
 * @now: when the backup is made (its name)
 *
 * Copies the journal into its backup folder as it stands now, while it may be written to
 * meanwhile, and checks the copy page by page before it counts: a copy that fails the check is
 * deleted and the failure reported. Reads and writes the whole journal: run it on a thread.
 *
 * Returns: (transfer full): the backup, counted
 */
BkBackup *
bk_backups_make (const char  *journal_path,
                 GDateTime   *now,
                 GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BkBackup) backup = NULL;
  BkJournalFacts facts;
  GStatBuf st;

  g_return_val_if_fail (journal_path != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = bk_backups_dup_folder (journal_path);
  if (!ensure_folder (folder, error))
    return NULL;
  bk_file_writer_remove_stale (folder);

  stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  name = g_strconcat (NAME_PREFIX, stamp, NAME_SUFFIX, NULL);
  path = g_build_filename (folder, name, NULL);
  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (name);
      g_free (path);
      name = g_strdup_printf (NAME_PREFIX "%s-%u" NAME_SUFFIX, stamp, i);
      path = g_build_filename (folder, name, NULL);
    }

  /* (its own: one left by a backup killed in the same second may be there) */
  partial = bk_file_writer_dup_partial_path (path);

  if (!bk_schema_copy (journal_path, partial, error))
    return NULL;

  if (!bk_schema_inspect (partial, TRUE, &facts, &local_error))
    {
      g_unlink (partial);
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_CORRUPT,
                   _("The backup failed its check and was deleted: %s"), local_error->message);
      return NULL;
    }

  if (!sync_path (partial, FALSE, error) ||
      (g_rename (partial, path) != 0 &&
       !set_errno_error (error, errno, FAILED_WRITE, path)) ||
      !sync_path (folder, TRUE, error))
    {
      g_unlink (partial);
      return NULL;
    }

  backup = bk_backup_new (path, now);
  if (g_stat (path, &st) == 0)
    bk_backup_set_size (backup, st.st_size);
  bk_backup_set_counts (backup, facts.n_counterparts, facts.n_notes);

  g_debug ("Backed up %s as %s", journal_path, path);

  return g_steal_pointer (&backup);
}

typedef struct
{
  char           *journal_path;
  BkBackupPolicy  policy;
} MakeJob;

static void
make_job_free (MakeJob *job)
{
  g_free (job->journal_path);
  g_free (job);
}

static void
make_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  MakeJob *job = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) rotate_error = NULL;
  GError *error = NULL;
  BkBackup *backup;

  if (!(backup = bk_backups_make (job->journal_path, now, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* an old backup left over is no failure of this one */
  if (!bk_backups_rotate (job->journal_path, &job->policy, now, &rotate_error))
    g_warning ("Could not remove old backups: %s", rotate_error->message);

  g_task_return_pointer (task, backup, g_object_unref);
}

/**
 * bk_backups_make_async:
 *
 * bk_backups_make() on a thread, then bk_backups_rotate() with @policy.
 */
void
bk_backups_make_async (const char           *journal_path,
                       const BkBackupPolicy *policy,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  MakeJob *job;

  g_return_if_fail (journal_path != NULL);
  g_return_if_fail (policy != NULL);

  job = g_new0 (MakeJob, 1);
  job->journal_path = g_strdup (journal_path);
  job->policy = *policy;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_backups_make_async);
  g_task_set_task_data (task, job, (GDestroyNotify) make_job_free);
  g_task_run_in_thread (task, make_thread);
}

BkBackup *
bk_backups_make_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  BkBackup *x = *(BkBackup **) a;
  BkBackup *y = *(BkBackup **) b;
  int order = g_date_time_compare (bk_backup_get_taken (y), bk_backup_get_taken (x));

  /* "-2" after the first of the same second; "-10" after "-9" */
  if (order == 0)
    order = (int) strlen (bk_backup_get_name (y)) - (int) strlen (bk_backup_get_name (x));
  if (order == 0)
    order = strcmp (bk_backup_get_name (y), bk_backup_get_name (x));

  return order;
}

/**
 * bk_backups_list:
 *
 * Returns: (transfer full) (element-type BkBackup): the journal's backups, newest first, not
 *   counted yet (see bk_backups_count()); empty when there are none
 */
GPtrArray *
bk_backups_list (const char  *journal_path,
                 GError     **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (journal_path != NULL, NULL);

  folder = bk_backups_dup_folder (journal_path);
  backups = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(dir = g_dir_open (folder, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autoptr(GDateTime) taken = parse_name (name);
      g_autofree char *path = NULL;
      BkBackup *backup;
      GStatBuf st;

      if (taken == NULL)
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      backup = bk_backup_new (path, taken);
      bk_backup_set_size (backup, st.st_size);
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

/**
 * bk_backups_count:
 *
 * Counts the clients and vendors, and notes, that @backup holds (it is not checked page by
 * page here).
 */
gboolean
bk_backups_count (BkBackup  *backup,
                  GError   **error)
{
  BkJournalFacts facts;

  g_return_val_if_fail (BK_IS_BACKUP (backup), FALSE);

  if (!bk_schema_inspect (bk_backup_get_path (backup), FALSE, &facts, error))
    return FALSE;

  bk_backup_set_counts (backup, facts.n_counterparts, facts.n_notes);
  return TRUE;
}

/* Keeps the newest backup for each of the first @n distinct keys (newest first) */
static void
keep_newest_per (GPtrArray  *backups,
                 GHashTable *kept,
                 guint       n,
                 char     *(*key_for) (GDateTime *taken))
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < backups->len && g_hash_table_size (keys) < n; i++)
    {
      BkBackup *backup = g_ptr_array_index (backups, i);
      char *key = key_for (bk_backup_get_taken (backup));

      if (g_hash_table_add (keys, key))
        g_hash_table_add (kept, backup);
    }
}

static char *
day_of (GDateTime *taken)
{
  return g_date_time_format (taken, "%Y-%m-%d");
}

static char *
week_of (GDateTime *taken)
{
  return g_date_time_format (taken, "%G-%V");
}

static char *
month_of (GDateTime *taken)
{
  return g_date_time_format (taken, "%Y-%m");
}

/**
 * bk_backups_rotate:
 * @policy: how many to keep
 * @now: today, for the backups of the day (all kept)
 *
 * Deletes the backups that @policy does not keep. The newest is always kept: rotation never
 * deletes the last copy.
 */
gboolean
bk_backups_rotate (const char            *journal_path,
                   const BkBackupPolicy  *policy,
                   GDateTime             *now,
                   GError               **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autofree char *today = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (journal_path != NULL, FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!(backups = bk_backups_list (journal_path, error)))
    return FALSE;
  if (backups->len == 0)
    return TRUE;

  kept = g_hash_table_new (NULL, NULL);
  g_hash_table_add (kept, g_ptr_array_index (backups, 0));

  today = day_of (now);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *day = day_of (bk_backup_get_taken (g_ptr_array_index (backups, i)));

      if (g_str_equal (day, today))
        g_hash_table_add (kept, g_ptr_array_index (backups, i));
    }

  keep_newest_per (backups, kept, policy->daily, day_of);
  keep_newest_per (backups, kept, policy->weekly, week_of);
  keep_newest_per (backups, kept, policy->monthly, month_of);

  for (guint i = 0; i < backups->len; i++)
    {
      BkBackup *backup = g_ptr_array_index (backups, i);

      if (g_hash_table_contains (kept, backup))
        continue;

      if (g_unlink (bk_backup_get_path (backup)) != 0 && ok)
        ok = set_errno_error (error, errno, FAILED_REMOVE, bk_backup_get_path (backup));
      else
        g_debug ("Removed the old backup %s", bk_backup_get_path (backup));
    }

  return ok;
}

/* Whether a backup was made on the day of @day (local time) */
gboolean
bk_backups_made_on (const char *journal_path,
                    GDateTime  *day)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (journal_path != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!(backups = bk_backups_list (journal_path, NULL)))
    return FALSE;

  wanted = day_of (day);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *taken = day_of (bk_backup_get_taken (g_ptr_array_index (backups, i)));

      if (g_str_equal (taken, wanted))
        return TRUE;
    }

  return FALSE;
}

/**
 * bk_backups_find:
 * @name_or_path: a backup's name as bk_backups_list() gives it (with or without ".db"), or
 *   the path of a journal file anywhere
 *
 * Returns: (transfer full): the backup, or %NULL with %BK_DATABASE_ERROR_NOT_FOUND
 */
BkBackup *
bk_backups_find (const char  *journal_path,
                 const char  *name_or_path,
                 GError     **error)
{
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *path = NULL;
  BkBackup *backup;
  GStatBuf st;

  g_return_val_if_fail (journal_path != NULL, NULL);
  g_return_val_if_fail (name_or_path != NULL, NULL);

  if (strchr (name_or_path, G_DIR_SEPARATOR) != NULL)
    {
      path = g_strdup (name_or_path);
    }
  else
    {
      g_autofree char *folder = bk_backups_dup_folder (journal_path);
      g_autofree char *name = g_str_has_suffix (name_or_path, NAME_SUFFIX)
                              ? g_strdup (name_or_path)
                              : g_strconcat (name_or_path, NAME_SUFFIX, NULL);

      path = g_build_filename (folder, name, NULL);
    }

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND,
                   /* Translators: %s is what was asked for; --list-backups is an option */
                   _("There is no backup “%s”. “bridgekeeper --list-backups” lists them."),
                   name_or_path);
      return NULL;
    }

  {
    g_autofree char *basename = g_path_get_basename (path);

    if (!(taken = parse_name (basename)))
      taken = g_date_time_new_from_unix_local (st.st_mtime);
  }

  backup = bk_backup_new (path, taken);
  bk_backup_set_size (backup, st.st_size);

  return backup;
}

/* The journal's write-ahead log folded into it and gone, so that the file can be replaced:
 * fails when another program has it open */
static gboolean
fold_log (const char  *journal_path,
          GError     **error)
{
  g_autofree char *wal = g_strconcat (journal_path, "-wal", NULL);
  sqlite3 *db = NULL;
  GStatBuf st;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    return TRUE;

  if (sqlite3_open_v2 (journal_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      sqlite3_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", NULL, NULL, NULL);
    }
  sqlite3_close (db);

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_BUSY,
                           _("The journal is in use. Quit Bridgekeeper, then restore."));
      return FALSE;
    }

  return TRUE;
}

/**
 * bk_backups_restore:
 * @journal_path: the journal to replace (no connection of this program may hold it)
 * @backup: what replaces it
 * @now: when (the name of the backup the replaced journal becomes)
 * @kept: (out) (optional) (nullable): the journal that was replaced, kept as a backup of its
 *   own so that the restore can be undone (%NULL when there was none, or it was damaged: then
 *   it is set aside as bk_journal_set_aside() does)
 *
 * Replaces the journal with @backup, after checking it page by page: a damaged backup, or one
 * written by a newer Bridgekeeper, is refused and nothing changes.
 */
gboolean
bk_backups_restore (const char  *journal_path,
                    BkBackup    *backup,
                    GDateTime   *now,
                    BkBackup   **kept,
                    GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *restoring = NULL;
  g_autoptr(BkBackup) replaced = NULL;
  g_autoptr(GError) local_error = NULL;
  BkJournalFacts facts;

  g_return_val_if_fail (journal_path != NULL, FALSE);
  g_return_val_if_fail (BK_IS_BACKUP (backup), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (kept != NULL)
    *kept = NULL;

  if (!bk_schema_inspect (bk_backup_get_path (backup), TRUE, &facts, error))
    return FALSE;

  if (facts.version > BK_SCHEMA_VERSION)
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_TOO_NEW,
                   _("This backup was written by a newer version of Bridgekeeper (format %d; "
                     "this version reads up to %d). Nothing was changed."),
                   (int) facts.version, BK_SCHEMA_VERSION);
      return FALSE;
    }

  if (g_file_test (journal_path, G_FILE_TEST_EXISTS))
    {
      if (!fold_log (journal_path, error))
        return FALSE;

      /* a journal that cannot be copied whole is damaged: it is set aside instead */
      if (!(replaced = bk_backups_make (journal_path, now, &local_error)))
        {
          g_autofree char *set_aside = NULL;

          g_debug ("Could not back up the journal before the restore: %s", local_error->message);
          if (!bk_schema_set_aside (journal_path, &set_aside, error))
            return FALSE;
        }
    }

  folder = g_path_get_dirname (journal_path);
  restoring = bk_file_writer_dup_partial_path (journal_path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return set_errno_error (error, errno, FAILED_WRITE, folder);

  if (!bk_schema_copy (bk_backup_get_path (backup), restoring, error))
    return FALSE;

  if (!sync_path (restoring, FALSE, error) ||
      (g_rename (restoring, journal_path) != 0 &&
       !set_errno_error (error, errno, FAILED_WRITE, journal_path)) ||
      !sync_path (folder, TRUE, error))
    {
      g_unlink (restoring);
      return FALSE;
    }

  /* an empty -shm of the old file: SQLite starts a new one */
  {
    g_autofree char *shm = g_strconcat (journal_path, "-shm", NULL);

    g_unlink (shm);
  }

  if (kept != NULL)
    *kept = g_steal_pointer (&replaced);

  return TRUE;
}

/* bk-journal.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-backups.h"
#include "bk-journal.h"

/* The journal: one database, and the stores that own its tables. */
struct _BkJournal
{
  GObject             parent_instance;

  BkDatabase         *database;
  BkCounterpartStore *counterparts;
  BkNoteStore        *notes;
  BkCredentialStore  *credentials;
  BkOpenItemStore    *open_items;
  BkCheckinStore     *checkins;
  BkRunStore         *runs;

  /* where a file at the journal's -wal that was no log of it went, when opening it */
  char               *kept_aside_log;
};

G_DEFINE_FINAL_TYPE (BkJournal, bk_journal, G_TYPE_OBJECT)

static void
bk_journal_dispose (GObject *object)
{
  BkJournal *self = (BkJournal *) object;

  g_clear_object (&self->runs);
  g_clear_object (&self->checkins);
  g_clear_object (&self->open_items);
  g_clear_object (&self->credentials);
  g_clear_object (&self->notes);
  g_clear_object (&self->counterparts);
  g_clear_object (&self->database);
  g_clear_pointer (&self->kept_aside_log, g_free);

  G_OBJECT_CLASS (bk_journal_parent_class)->dispose (object);
}

static void
bk_journal_class_init (BkJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_journal_dispose;
}

static void
bk_journal_init (BkJournal *self)
{
}

char *
bk_journal_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), DATA_FOLDER, "journal.db", NULL);
}

/**
 * bk_journal_open:
 * @path: the journal file; it and its folder are created when missing
 *
 * Opens a journal, upgrading it to the current format. A journal written by a newer version
 * fails with %BK_DATABASE_ERROR_TOO_NEW, a damaged or foreign file with
 * %BK_DATABASE_ERROR_CORRUPT; either way the file is left exactly as it was.
 */
BkJournal *
bk_journal_open (const char  *path,
                 GError     **error)
{
  return bk_journal_open_full (path, BK_JOURNAL_OPEN_DEFAULT, error);
}

/**
 * bk_journal_open_full:
 * @flags: %BK_JOURNAL_OPEN_DEFER_CHECK leaves the integrity check, which reads every page of
 *   the file, to bk_journal_check_integrity_async(), so that a big journal opens at once
 *
 * Like bk_journal_open(). A file that is not a journal, or whose first pages are damaged, is
 * refused either way.
 */
BkJournal *
bk_journal_open_full (const char          *path,
                      BkJournalOpenFlags   flags,
                      GError             **error)
{
  g_autoptr(BkDatabase) database = NULL;
  g_autofree char *kept_aside_log = NULL;
  BkJournal *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (flags & BK_JOURNAL_OPEN_READ_ONLY)
    {
      database = bk_schema_open_read_only (path, error);
    }
  else
    {
      gint64 version;

      kept_aside_log = bk_schema_keep_foreign_log_aside (path);
      version = bk_schema_read_version (path);

      /* Before a migration, the journal as it was, in its backups (a damaged one is refused
       * by the opening itself, with a message that offers to set it aside) */
      if (version > 0 && version < BK_SCHEMA_VERSION && bk_schema_is_journal_writable (path))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autoptr(BkBackup) backup = NULL;
          g_autoptr(GError) local_error = NULL;

          if (!(backup = bk_backups_make (path, now, &local_error)) &&
              !g_error_matches (local_error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_CORRUPT))
            {
              g_set_error (error, local_error->domain, local_error->code,
                           _("Could not back up the journal before bringing it up to this "
                             "version’s format: %s The journal was not changed."),
                           local_error->message);
              return NULL;
            }
        }

      database = bk_schema_open (path, (flags & BK_JOURNAL_OPEN_DEFER_CHECK) == 0, error);
    }

  if (database == NULL)
    return NULL;

  self = g_object_new (BK_TYPE_JOURNAL, NULL);
  self->database = g_steal_pointer (&database);
  self->kept_aside_log = g_steal_pointer (&kept_aside_log);
  self->counterparts = bk_counterpart_store_new (self->database);
  self->notes = bk_note_store_new (self->database);
  self->credentials = bk_credential_store_new (self->database);
  self->open_items = bk_open_item_store_new (self->database, self->credentials);
  self->checkins = bk_checkin_store_new (self->database, self->notes);
  self->runs = bk_run_store_new (self->database, self->counterparts, self->notes,
                                 self->open_items, self->checkins);

  return self;
}

static void
check_integrity_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;

  if (!bk_schema_check_integrity (path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * bk_journal_check_integrity_async:
 *
 * Checks, on a thread and a connection of its own, that the journal is sound (what
 * bk_journal_open() does before it returns, unless asked to leave it for later); a damaged
 * journal fails with %BK_DATABASE_ERROR_CORRUPT.
 */
void
bk_journal_check_integrity_async (BkJournal           *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BK_IS_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_journal_check_integrity_async);
  g_task_set_task_data (task, g_strdup (bk_journal_get_path (self)), g_free);
  g_task_run_in_thread (task, check_integrity_thread);
}

gboolean
bk_journal_check_integrity_finish (BkJournal     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * bk_journal_set_aside:
 * @path: a journal that could not be opened (and is not open)
 * @new_path: (out) (optional): where it went
 *
 * Renames the journal with its -wal and -shm files to "@path.corrupt-YYYYmmdd-HHMMSS", so that
 * a new journal can start at @path while nothing of the old one is lost.
 */
gboolean
bk_journal_set_aside (const char  *path,
                      char       **new_path,
                      GError     **error)
{
  return bk_schema_set_aside (path, new_path, error);
}

const char *
bk_journal_get_path (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return bk_database_get_path (self->database);
}

/* Where a file found at the journal's "-wal" when it was opened, that was no log of it (another
 * program's, or garbage), was kept: SQLite would have deleted it. %NULL when there was none. */
const char *
bk_journal_get_kept_aside_log (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->kept_aside_log;
}

/* Whether the journal was opened read-only (its file or its folder is not writable): it can be
 * read, searched and exported, and every change fails with %BK_DATABASE_ERROR_READ_ONLY */
gboolean
bk_journal_is_read_only (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);

  return bk_database_is_read_only (self->database);
}

BkDatabase *
bk_journal_get_database (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->database;
}

BkCounterpartStore *
bk_journal_get_counterparts (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->counterparts;
}

BkNoteStore *
bk_journal_get_notes (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->notes;
}

BkRunStore *
bk_journal_get_runs (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->runs;
}

BkOpenItemStore *
bk_journal_get_open_items (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->open_items;
}

BkCheckinStore *
bk_journal_get_checkins (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->checkins;
}

BkCredentialStore *
bk_journal_get_credentials (BkJournal *self)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), NULL);

  return self->credentials;
}

/* Deletes for good what is in the trash (notes of a trashed counterpart with it). */
gboolean
bk_journal_purge_trash (BkJournal  *self,
                        GError    **error)
{
  return bk_journal_purge_trashed (self, 0, error);
}

/**
 * bk_journal_purge_trashed:
 * @id: the trashed note or counterpart to delete for good, or 0 for the whole trash
 *
 * Deletes for good what is in the trash, so that the undo of another deletion still pending
 * is not taken away with it. Something not in the trash is left alone.
 */
gboolean
bk_journal_purge_trashed (BkJournal  *self,
                          gint64      id,
                          GError    **error)
{
  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_database_begin (self->database, error))
    return FALSE;

  if (!bk_note_store_purge_trashed (self->notes, id, error) ||
      !bk_counterpart_store_purge_trashed (self->counterparts, id, error))
    {
      bk_database_rollback (self->database);
      return FALSE;
    }

  return bk_database_commit (self->database, error);
}

/* bk-journal.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-counterpart.h"
#include "bk-note.h"

G_BEGIN_DECLS

#define BK_JOURNAL_ERROR (bk_journal_error_quark ())

typedef enum
{
  BK_JOURNAL_ERROR_FAILED,
  /* Written by a newer Bridgekeeper: refused, left untouched. */
  BK_JOURNAL_ERROR_TOO_NEW,
  /* Damaged, or not a Bridgekeeper journal: may be set aside with bk_journal_set_aside(). */
  BK_JOURNAL_ERROR_CORRUPT,
  /* Bad input from a person or a file: an empty name, a health outside 1–5, ... */
  BK_JOURNAL_ERROR_INVALID,
  BK_JOURNAL_ERROR_NOT_FOUND,
  /* Parting ways while items are still open to settle: ask the person first. */
  BK_JOURNAL_ERROR_OPEN_ITEMS,
} BkJournalError;

/* The schema version this build writes (PRAGMA user_version). */
#define BK_JOURNAL_SCHEMA_VERSION 4

typedef enum
{
  BK_JOURNAL_OPEN_DEFAULT     = 0,
  /* Leave the integrity check to bk_journal_check_integrity_async() */
  BK_JOURNAL_OPEN_DEFER_CHECK = 1 << 0,
} BkJournalOpenFlags;

#define BK_TYPE_JOURNAL (bk_journal_get_type ())

G_DECLARE_FINAL_TYPE (BkJournal, bk_journal, BK, JOURNAL, GObject)

GQuark         bk_journal_error_quark             (void);

/* $XDG_DATA_HOME/bridgekeeper/journal.db */
char          *bk_journal_dup_default_path        (void);

BkJournal     *bk_journal_open                    (const char     *path,
                                                   GError        **error);
BkJournal     *bk_journal_open_full               (const char     *path,
                                                   BkJournalOpenFlags flags,
                                                   GError        **error);
void           bk_journal_check_integrity_async   (BkJournal      *self,
                                                   GCancellable   *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer        user_data);
gboolean       bk_journal_check_integrity_finish  (BkJournal      *self,
                                                   GAsyncResult   *result,
                                                   GError        **error);
gboolean       bk_journal_set_aside               (const char     *path,
                                                   char          **new_path,
                                                   GError        **error);
const char    *bk_journal_get_path                (BkJournal      *self);

BkCounterpart *bk_journal_dup_counterpart         (BkJournal      *self,
                                                   gint64          id,
                                                   GError        **error);
BkCounterpart *bk_journal_dup_counterpart_by_uuid (BkJournal      *self,
                                                   const char     *uuid,
                                                   GError        **error);
gboolean       bk_journal_save_counterpart        (BkJournal      *self,
                                                   BkCounterpart  *counterpart,
                                                   GError        **error);
gboolean       bk_journal_set_counterpart_trashed (BkJournal      *self,
                                                   gint64          id,
                                                   gboolean        trashed,
                                                   GError        **error);
guint          bk_journal_count_counterparts      (BkJournal      *self);

BkNote        *bk_journal_dup_note                (BkJournal      *self,
                                                   gint64          id,
                                                   GError        **error);
gboolean       bk_journal_save_note               (BkJournal      *self,
                                                   BkNote         *note,
                                                   GError        **error);
gboolean       bk_journal_set_note_trashed        (BkJournal      *self,
                                                   gint64          id,
                                                   gboolean        trashed,
                                                   GError        **error);
guint          bk_journal_count_notes             (BkJournal      *self,
                                                   gint64          counterpart_id);

gboolean       bk_journal_purge_trash             (BkJournal      *self,
                                                   GError        **error);
gboolean       bk_journal_purge_trashed           (BkJournal      *self,
                                                   gint64          id,
                                                   GError        **error);

G_END_DECLS

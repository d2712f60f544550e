/* bk-journal.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-checkin-store.h"
#include "bk-counterpart-store.h"
#include "bk-credential-store.h"
#include "bk-database.h"
#include "bk-note-store.h"
#include "bk-open-item-store.h"
#include "bk-run-store.h"
#include "bk-schema.h"

G_BEGIN_DECLS

typedef enum
{
  BK_JOURNAL_OPEN_DEFAULT     = 0,
  /* Leave the integrity check to bk_journal_check_integrity_async() */
  BK_JOURNAL_OPEN_DEFER_CHECK = 1 << 0,
  /* A second connection that only reads, to a journal opened already (see
   * bk_schema_open_read_only()) */
  BK_JOURNAL_OPEN_READ_ONLY   = 1 << 1,
} BkJournalOpenFlags;

#define BK_TYPE_JOURNAL (bk_journal_get_type ())

G_DECLARE_FINAL_TYPE (BkJournal, bk_journal, BK, JOURNAL, GObject)

/* $XDG_DATA_HOME/bridgekeeper/journal.db (bridgekeeper-devel/ in a development build) */
char               *bk_journal_dup_default_path       (void);

BkJournal          *bk_journal_open                   (const char          *path,
                                                       GError             **error);
BkJournal          *bk_journal_open_full              (const char          *path,
                                                       BkJournalOpenFlags   flags,
                                                       GError             **error);
void                bk_journal_check_integrity_async  (BkJournal           *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean            bk_journal_check_integrity_finish (BkJournal           *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
gboolean            bk_journal_set_aside              (const char          *path,
                                                       char               **new_path,
                                                       GError             **error);
const char         *bk_journal_get_path               (BkJournal           *self);
gboolean            bk_journal_is_read_only           (BkJournal           *self);
const char         *bk_journal_get_kept_aside_log     (BkJournal           *self);

BkDatabase         *bk_journal_get_database           (BkJournal           *self);
BkCounterpartStore *bk_journal_get_counterparts       (BkJournal           *self);
BkNoteStore        *bk_journal_get_notes              (BkJournal           *self);
BkRunStore         *bk_journal_get_runs               (BkJournal           *self);
BkOpenItemStore    *bk_journal_get_open_items         (BkJournal           *self);
BkCheckinStore     *bk_journal_get_checkins           (BkJournal           *self);
BkCredentialStore  *bk_journal_get_credentials        (BkJournal           *self);

gboolean            bk_journal_purge_trash            (BkJournal           *self,
                                                       GError             **error);
gboolean            bk_journal_purge_trashed          (BkJournal           *self,
                                                       gint64               id,
                                                       GError             **error);

G_END_DECLS

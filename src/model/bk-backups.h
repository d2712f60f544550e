/* bk-backups.h: the journal's backups, made, kept and restored
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-backup.h"

G_BEGIN_DECLS

/* How many backups rotation keeps: the newest of each of the last @daily days, @weekly weeks
 * and @monthly months that have one (and every backup of the day it runs) */
typedef struct
{
  guint daily;
  guint weekly;
  guint monthly;
} BkBackupPolicy;

#define BK_BACKUP_POLICY_INIT { 7, 4, 12 }

/* The folder beside the journal: backups/, readable by its owner alone */
char      *bk_backups_dup_folder  (const char            *journal_path);

BkBackup  *bk_backups_make        (const char            *journal_path,
                                   GDateTime             *now,
                                   GError               **error);
void       bk_backups_make_async  (const char            *journal_path,
                                   const BkBackupPolicy  *policy,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data);
BkBackup  *bk_backups_make_finish (GAsyncResult          *result,
                                   GError               **error);

GPtrArray *bk_backups_list        (const char            *journal_path,
                                   GError               **error);
gboolean   bk_backups_count       (BkBackup              *backup,
                                   GError               **error);
gboolean   bk_backups_rotate      (const char            *journal_path,
                                   const BkBackupPolicy  *policy,
                                   GDateTime             *now,
                                   GError               **error);
gboolean   bk_backups_made_on     (const char            *journal_path,
                                   GDateTime             *day);
BkBackup  *bk_backups_find        (const char            *journal_path,
                                   const char            *name_or_path,
                                   GError               **error);
gboolean   bk_backups_restore     (const char            *journal_path,
                                   BkBackup              *backup,
                                   GDateTime             *now,
                                   BkBackup             **kept,
                                   GError               **error);

G_END_DECLS

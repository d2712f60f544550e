/* bk-backup.h: one copy of the journal kept aside
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_BACKUP (bk_backup_get_type ())

G_DECLARE_FINAL_TYPE (BkBackup, bk_backup, BK, BACKUP, GObject)

BkBackup   *bk_backup_new                (const char *path,
                                          GDateTime  *taken);

const char *bk_backup_get_path           (BkBackup   *self);
/* the file's name, which --restore takes too */
const char *bk_backup_get_name           (BkBackup   *self);
GDateTime  *bk_backup_get_taken          (BkBackup   *self);
guint64     bk_backup_get_size           (BkBackup   *self);
void        bk_backup_set_size           (BkBackup   *self,
                                          guint64     size);
/* -1 until counted (see bk_backups_count()) */
gint64      bk_backup_get_n_counterparts (BkBackup   *self);
gint64      bk_backup_get_n_notes        (BkBackup   *self);
void        bk_backup_set_counts         (BkBackup   *self,
                                          gint64      n_counterparts,
                                          gint64      n_notes);

G_END_DECLS

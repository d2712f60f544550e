/* bk-backup.c: one copy of the journal kept aside
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-backup"

#include "config.h"

#include "bk-backup.h"

struct _BkBackup
{
  GObject    parent_instance;

  char      *path;
  char      *name;
  GDateTime *taken;
  guint64    size;
  gint64     n_counterparts;
  gint64     n_notes;
};

G_DEFINE_FINAL_TYPE (BkBackup, bk_backup, G_TYPE_OBJECT)

static void
bk_backup_finalize (GObject *object)
{
  BkBackup *self = (BkBackup *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->taken, g_date_time_unref);

  G_OBJECT_CLASS (bk_backup_parent_class)->finalize (object);
}

static void
bk_backup_class_init (BkBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_backup_finalize;
}

static void
bk_backup_init (BkBackup *self)
{
  self->n_counterparts = -1;
  self->n_notes = -1;
}

BkBackup *
bk_backup_new (const char *path,
               GDateTime  *taken)
{
  BkBackup *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (taken != NULL, NULL);

  self = g_object_new (BK_TYPE_BACKUP, NULL);
  self->path = g_strdup (path);
  self->name = g_path_get_basename (path);
  self->taken = g_date_time_ref (taken);

  return self;
}

const char *
bk_backup_get_path (BkBackup *self)
{
  g_return_val_if_fail (BK_IS_BACKUP (self), NULL);

  return self->path;
}

const char *
bk_backup_get_name (BkBackup *self)
{
  g_return_val_if_fail (BK_IS_BACKUP (self), NULL);

  return self->name;
}

GDateTime *
bk_backup_get_taken (BkBackup *self)
{
  g_return_val_if_fail (BK_IS_BACKUP (self), NULL);

  return self->taken;
}

guint64
bk_backup_get_size (BkBackup *self)
{
  g_return_val_if_fail (BK_IS_BACKUP (self), 0);

  return self->size;
}

void
bk_backup_set_size (BkBackup *self,
                    guint64   size)
{
  g_return_if_fail (BK_IS_BACKUP (self));

  self->size = size;
}

gint64
bk_backup_get_n_counterparts (BkBackup *self)
{
  g_return_val_if_fail (BK_IS_BACKUP (self), -1);

  return self->n_counterparts;
}

gint64
bk_backup_get_n_notes (BkBackup *self)
{
  g_return_val_if_fail (BK_IS_BACKUP (self), -1);

  return self->n_notes;
}

void
bk_backup_set_counts (BkBackup *self,
                      gint64    n_counterparts,
                      gint64    n_notes)
{
  g_return_if_fail (BK_IS_BACKUP (self));

  self->n_counterparts = n_counterparts;
  self->n_notes = n_notes;
}

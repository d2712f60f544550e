/* bk-checkin.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-checkin"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-checkin.h"
#include "bk-store-values-private.h"
#include "bk-value-private.h"

struct _BkCheckin
{
  GObject     parent_instance;

  gint64      id;
  gint64      counterpart_id;
  gint64      run_id;
  char       *uuid;
  char       *counterpart_name;
  GDateTime  *due;
  GDateTime  *done;
  GDateTime  *notified;
};

G_DEFINE_FINAL_TYPE (BkCheckin, bk_checkin, G_TYPE_OBJECT)

static void
bk_checkin_finalize (GObject *object)
{
  BkCheckin *self = (BkCheckin *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->counterpart_name, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->done, g_date_time_unref);
  g_clear_pointer (&self->notified, g_date_time_unref);

  G_OBJECT_CLASS (bk_checkin_parent_class)->finalize (object);
}

static void
bk_checkin_class_init (BkCheckinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_checkin_finalize;
}

static void
bk_checkin_init (BkCheckin *self)
{
}

/* Only the journal makes check-ins. */
BkCheckin *
bk_checkin_new_from_journal (gint64      id,
                             const char *uuid,
                             gint64      counterpart_id,
                             const char *counterpart_name,
                             gint64      run_id,
                             GDateTime  *due,
                             GDateTime  *done,
                             GDateTime  *notified)
{
  BkCheckin *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (due != NULL, NULL);

  self = g_object_new (BK_TYPE_CHECKIN, NULL);
  self->id = id;
  self->uuid = g_strdup (uuid);
  self->counterpart_id = counterpart_id;
  self->counterpart_name = g_strdup (counterpart_name != NULL ? counterpart_name : "");
  self->run_id = run_id;
  self->due = g_date_time_ref (due);
  self->done = done != NULL ? g_date_time_ref (done) : NULL;
  self->notified = notified != NULL ? g_date_time_ref (notified) : NULL;

  return self;
}

gint64
bk_checkin_get_id (BkCheckin *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN (self), 0);

  return self->id;
}

const char *
bk_checkin_get_uuid (BkCheckin *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN (self), NULL);

  return self->uuid;
}

gint64
bk_checkin_get_counterpart_id (BkCheckin *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN (self), 0);

  return self->counterpart_id;
}

const char *
bk_checkin_get_counterpart_name (BkCheckin *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN (self), NULL);

  return self->counterpart_name;
}

gint64
bk_checkin_get_run_id (BkCheckin *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN (self), 0);

  return self->run_id;
}

GDateTime *
bk_checkin_get_due (BkCheckin *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN (self), NULL);

  return self->due;
}

GDateTime *
bk_checkin_get_done (BkCheckin *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN (self), NULL);

  return self->done;
}

GDateTime *
bk_checkin_get_notified (BkCheckin *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN (self), NULL);

  return self->notified;
}

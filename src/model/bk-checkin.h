/* bk-checkin.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_CHECKIN (bk_checkin_get_type ())

G_DECLARE_FINAL_TYPE (BkCheckin, bk_checkin, BK, CHECKIN, GObject)

/* A follow-up scheduled when a run ends, to keep the bridge: a value object read from the
 * journal. */
gint64      bk_checkin_get_id               (BkCheckin *self);
const char *bk_checkin_get_uuid             (BkCheckin *self);
gint64      bk_checkin_get_counterpart_id   (BkCheckin *self);
/* The counterpart's name, for lists of follow-ups across counterparts */
const char *bk_checkin_get_counterpart_name (BkCheckin *self);
/* The run whose end scheduled it, or 0 */
gint64      bk_checkin_get_run_id           (BkCheckin *self);
GDateTime  *bk_checkin_get_due              (BkCheckin *self);
/* When it was ticked off, or NULL */
GDateTime  *bk_checkin_get_done             (BkCheckin *self);
/* When a desktop notification was sent for it, or NULL */
GDateTime  *bk_checkin_get_notified         (BkCheckin *self);

G_END_DECLS

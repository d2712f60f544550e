/* bk-checkin-monitor.h: telling when a check-in falls due, once each
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"

G_BEGIN_DECLS

/* The time now, as a new reference: a test's clock, or the wall clock */
typedef GDateTime *(*BkClockFunc) (gpointer user_data);

#define BK_TYPE_CHECKIN_MONITOR (bk_checkin_monitor_get_type ())

G_DECLARE_FINAL_TYPE (BkCheckinMonitor, bk_checkin_monitor, BK, CHECKIN_MONITOR, GObject)

BkCheckinMonitor *bk_checkin_monitor_new       (BkJournal         *journal);
BkJournal        *bk_checkin_monitor_get_journal (BkCheckinMonitor *self);
/* Replaces the wall clock (%NULL @now puts it back). */
void              bk_checkin_monitor_set_clock (BkCheckinMonitor  *self,
                                                BkClockFunc        now,
                                                gpointer           user_data,
                                                GDestroyNotify     destroy);
/* Checks at once, then every @interval_seconds until stopped */
void              bk_checkin_monitor_start     (BkCheckinMonitor  *self,
                                                guint              interval_seconds);
void              bk_checkin_monitor_stop      (BkCheckinMonitor  *self);
/* Looks for check-ins due by now that were not told of yet: each is marked notified in the
 * journal, then told as "due" (#BkCheckin); and for counterparts whose keep-in-touch rhythm ran
 * out and who were not told of since, told as "losing-touch" (#BkCounterpart). Returns how
 * many, or -1 with @error. */
int               bk_checkin_monitor_check     (BkCheckinMonitor  *self,
                                                GError           **error);

G_END_DECLS

/* bk-checkin-row.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-checkin.h"

G_BEGIN_DECLS

#define BK_TYPE_CHECKIN_ROW (bk_checkin_row_get_type ())

G_DECLARE_FINAL_TYPE (BkCheckinRow, bk_checkin_row, BK, CHECKIN_ROW, AdwActionRow)

/* A check-in after the end: when it is due, and once done, when. Its action "checkin.done"
 * asks the view for "resolution.complete-checkin" with the check-in's id. */
BkCheckinRow *bk_checkin_row_new         (BkCheckin    *checkin);
BkCheckin    *bk_checkin_row_get_checkin (BkCheckinRow *self);

G_END_DECLS

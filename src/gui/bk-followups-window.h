/* bk-followups-window.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-window.h"

G_BEGIN_DECLS

#define BK_TYPE_FOLLOWUPS_WINDOW (bk_followups_window_get_type ())

G_DECLARE_FINAL_TYPE (BkFollowupsWindow, bk_followups_window, BK, FOLLOWUPS_WINDOW, AdwWindow)

/* The check-ins scheduled after relationships ended: those due, then those coming up. */
BkFollowupsWindow *bk_followups_window_new (BkWindow *parent);

G_END_DECLS

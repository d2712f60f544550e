/* bk-access-view.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_ACCESS_VIEW (bk_access_view_get_type ())

G_DECLARE_FINAL_TYPE (BkAccessView, bk_access_view, BK, ACCESS_VIEW, AdwBin)

/* The access a counterpart gave us: logins whose secrets live in the desktop keyring, to reveal
 * or copy when needed, and to hand over or revoke when the work ends. */
void bk_access_view_set_journal     (BkAccessView  *self,
                                     BkJournal     *journal);
void bk_access_view_set_counterpart (BkAccessView  *self,
                                     BkCounterpart *counterpart);

G_END_DECLS

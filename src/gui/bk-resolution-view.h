/* bk-resolution-view.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_RESOLUTION_VIEW (bk_resolution_view_get_type ())

G_DECLARE_FINAL_TYPE (BkResolutionView, bk_resolution_view, BK, RESOLUTION_VIEW, AdwBin)

/* A counterpart's way out of a troubled relationship: the playbook in progress and its steps,
 * the open items to settle, the check-ins after the end, and the earlier playbooks. */
void bk_resolution_view_set_journal     (BkResolutionView *self,
                                         BkJournal        *journal);
void bk_resolution_view_set_counterpart (BkResolutionView *self,
                                         BkCounterpart    *counterpart);

G_END_DECLS

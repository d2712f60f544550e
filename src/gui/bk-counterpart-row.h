/* bk-counterpart-row.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-counterpart.h"
#include "bk-playbook-library.h"

G_BEGIN_DECLS

#define BK_TYPE_COUNTERPART_ROW (bk_counterpart_row_get_type ())

G_DECLARE_FINAL_TYPE (BkCounterpartRow, bk_counterpart_row, BK, COUNTERPART_ROW, AdwBin)

BkCounterpartRow *bk_counterpart_row_new             (BkPlaybookLibrary *playbooks);
BkCounterpart    *bk_counterpart_row_get_counterpart (BkCounterpartRow *self);
void              bk_counterpart_row_set_counterpart (BkCounterpartRow *self,
                                                      BkCounterpart    *counterpart);

G_END_DECLS

/* bk-run-row.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-playbook.h"
#include "bk-run.h"

G_BEGIN_DECLS

#define BK_TYPE_RUN_ROW (bk_run_row_get_type ())

G_DECLARE_FINAL_TYPE (BkRunRow, bk_run_row, BK, RUN_ROW, AdwActionRow)

/* An earlier playbook run: the playbook's name, when it ended and how. */
BkRunRow *bk_run_row_new     (BkRun      *run,
                              BkPlaybook *playbook);
BkRun    *bk_run_row_get_run (BkRunRow   *self);

G_END_DECLS

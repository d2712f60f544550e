/* bk-run-step-list.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"
#include "bk-run-step.h"

G_BEGIN_DECLS

#define BK_TYPE_RUN_STEP_LIST (bk_run_step_list_get_type ())

G_DECLARE_FINAL_TYPE (BkRunStepList, bk_run_step_list, BK, RUN_STEP_LIST, GObject)

/* A GListModel of the BkRunStep of one run, in the playbook's order. It keeps @run up to date
 * in place as the run store tells its changes (bk_run_update_from()), and tells a step's row
 * only when that step changed. */
BkRunStepList *bk_run_step_list_new     (BkRunStore        *runs,
                                         BkRun             *run,
                                         BkPlaybook        *playbook,
                                         BkCounterpartKind  kind);
BkRun         *bk_run_step_list_get_run (BkRunStepList     *self);

G_END_DECLS

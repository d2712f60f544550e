/* bk-run-step.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-enums.h"

G_BEGIN_DECLS

#define BK_TYPE_RUN_STEP (bk_run_step_get_type ())

G_DECLARE_FINAL_TYPE (BkRunStep, bk_run_step, BK, RUN_STEP, GObject)

/* One step of a playbook run, as a list shows it: what the playbook says of it, in the
 * reader's language and wording (client or vendor), and how far the run is with it. Made and
 * kept up to date by BkRunStepList. */
guint        bk_run_step_get_index       (BkRunStep   *self);
const char  *bk_run_step_get_step_id     (BkRunStep   *self);
const char  *bk_run_step_get_title       (BkRunStep   *self);
const char  *bk_run_step_get_description (BkRunStep   *self);
/* "access" for the step that hands over access, or "" */
const char  *bk_run_step_get_role        (BkRunStep   *self);
BkStepState  bk_run_step_get_state       (BkRunStep   *self);
const char  *bk_run_step_get_note        (BkRunStep   *self);
GDateTime   *bk_run_step_get_changed     (BkRunStep   *self);

G_END_DECLS

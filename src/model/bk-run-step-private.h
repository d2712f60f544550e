/* bk-run-step-private.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-run-step.h"

G_BEGIN_DECLS

BkRunStep *bk_run_step_new       (guint        index,
                                  const char  *step_id,
                                  const char  *title,
                                  const char  *description,
                                  const char  *role);
/* Notifies what changed */
void       bk_run_step_set_state (BkRunStep   *self,
                                  BkStepState  state,
                                  const char  *note,
                                  GDateTime   *changed);

G_END_DECLS

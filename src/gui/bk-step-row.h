/* bk-step-row.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-run-step.h"

G_BEGIN_DECLS

#define BK_TYPE_STEP_ROW (bk_step_row_get_type ())

G_DECLARE_FINAL_TYPE (BkStepRow, bk_step_row, BK, STEP_ROW, AdwExpanderRow)

/* One step of the playbook in progress: its check box, and under it the step's description,
 * a note and Skip or Reopen. Its actions ("step.done", "step.skip", "step.reopen",
 * "step.save-note") ask the view for "resolution.set-step-state" with the step's id. */
BkStepRow *bk_step_row_new             (BkRunStep *step);
BkRunStep *bk_step_row_get_step        (BkStepRow *self);
/* What remains to settle, said under an open step that settles things */
void       bk_step_row_set_n_remaining (BkStepRow *self,
                                        guint      n_remaining);
/* A widget shown under the description, e.g. the access to hand over */
void       bk_step_row_set_extra       (BkStepRow *self,
                                        GtkWidget *extra);
void       bk_step_row_focus_check     (BkStepRow *self);

G_END_DECLS

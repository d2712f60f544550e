/* bk-run.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-enums.h"

G_BEGIN_DECLS

#define BK_TYPE_RUN (bk_run_get_type ())

G_DECLARE_FINAL_TYPE (BkRun, bk_run, BK, RUN, GObject)

/* One counterpart's way through a playbook, as read from the journal (a value object: change it
 * through bk_journal_*_run functions). */
gint64       bk_run_get_id             (BkRun       *self);
const char  *bk_run_get_uuid           (BkRun       *self);
gint64       bk_run_get_counterpart_id (BkRun       *self);
const char  *bk_run_get_playbook_id    (BkRun       *self);
/* The reasons picked in the diagnosis, as a bit mask of 1 << BkReason */
guint        bk_run_get_reasons        (BkRun       *self);
GDateTime   *bk_run_get_started        (BkRun       *self);
/* NULL while the run is active */
GDateTime   *bk_run_get_ended          (BkRun       *self);
gboolean     bk_run_is_active          (BkRun       *self);
/* Only meaningful once ended */
BkOutcome    bk_run_get_outcome        (BkRun       *self);
/* Who took over: the provider, the third party or the colleague; may be empty */
const char  *bk_run_get_successor      (BkRun       *self);
/* The step ids the run started with (the playbook's steps then) */
const char * const *bk_run_get_step_ids (BkRun      *self);
guint        bk_run_get_n_steps        (BkRun       *self);
BkStepState  bk_run_get_step_state     (BkRun       *self,
                                        const char  *step_id);
/* When the step was done or skipped, or NULL */
GDateTime   *bk_run_get_step_changed   (BkRun       *self,
                                        const char  *step_id);
const char  *bk_run_get_step_note      (BkRun       *self,
                                        const char  *step_id);
/* Steps done or skipped */
guint        bk_run_get_n_settled_steps (BkRun      *self);
void         bk_run_update_from        (BkRun       *self,
                                        BkRun       *from);

G_END_DECLS

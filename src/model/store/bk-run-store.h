/* bk-run-store.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-checkin-store.h"
#include "bk-counterpart-store.h"
#include "bk-note-store.h"
#include "bk-open-item-store.h"
#include "bk-playbook.h"
#include "bk-run.h"

G_BEGIN_DECLS

/* How a playbook run ends (bk_run_store_end()). Zero-initialised, it ends as "continued",
 * with no successor, no check-ins, and the counterpart's status left as it is. */
typedef struct
{
  BkOutcome            outcome;
  /* who took over: the provider, the third party, the colleague (nullable) */
  const char          *successor;
  /* when to check in, in days after the end */
  const guint         *checkin_days;
  guint                n_checkin_days;
  /* give the counterpart @new_status */
  gboolean             change_status;
  BkCounterpartStatus  new_status;
  /* end as %BK_OUTCOME_PARTED even with open items left (the person confirmed) */
  gboolean             force;
} BkRunEnding;

#define BK_TYPE_RUN_STORE (bk_run_store_get_type ())

G_DECLARE_FINAL_TYPE (BkRunStore, bk_run_store, BK, RUN_STORE, BkStore)

BkRunStore  *bk_run_store_new                        (BkDatabase          *database,
                                                      BkCounterpartStore  *counterparts,
                                                      BkNoteStore         *notes,
                                                      BkOpenItemStore     *open_items,
                                                      BkCheckinStore      *checkins);
BkRun       *bk_run_store_dup_active                 (BkRunStore          *self,
                                                      gint64               counterpart_id,
                                                      GError             **error);
BkRun       *bk_run_store_dup                        (BkRunStore          *self,
                                                      gint64               run_id,
                                                      GError             **error);
GPtrArray   *bk_run_store_list                       (BkRunStore          *self,
                                                      gint64               counterpart_id,
                                                      GError             **error);
BkRun       *bk_run_store_start                      (BkRunStore          *self,
                                                      gint64               counterpart_id,
                                                      BkPlaybook          *playbook,
                                                      guint                reasons,
                                                      GDateTime           *now,
                                                      GError             **error);
gboolean     bk_run_store_set_step_state             (BkRunStore          *self,
                                                      BkRun               *run,
                                                      BkPlaybook          *playbook,
                                                      const char          *step_id,
                                                      BkStepState          state,
                                                      const char          *note,
                                                      GDateTime           *now,
                                                      GError             **error);
gboolean          bk_run_store_end                        (BkRunStore          *self,
                                                           BkRun               *run,
                                                           BkPlaybook          *playbook,
                                                           const BkRunEnding   *ending,
                                                           GDateTime           *now,
                                                           GError             **error);
gboolean     bk_run_store_count_reasons_and_outcomes (BkRunStore          *self,
                                                      guint               *reason_counts,
                                                      guint               *outcome_counts,
                                                      GError             **error);
gboolean     bk_run_store_find_by_uuid               (BkRunStore          *self,
                                                      const char          *uuid,
                                                      gint64              *id,
                                                      gint64              *counterpart_id,
                                                      GError             **error);
gboolean     bk_run_store_find_same                  (BkRunStore          *self,
                                                      gint64               counterpart_id,
                                                      const char          *playbook_id,
                                                      GDateTime           *started,
                                                      gint64              *id,
                                                      GError             **error);
gboolean     bk_run_store_import                     (BkRunStore          *self,
                                                      gint64               counterpart_id,
                                                      BkRun               *run,
                                                      gint64              *id,
                                                      GError             **error);

G_END_DECLS

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
#include "bk-playbook-library.h"
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
  /* a short reflection on what happened (bk_note_compose_reflection()), kept as a note of the
   * kind "reflection"; nullable */
  const char          *reflection;
} BkRunEnding;

/* Where a relationship stands now, after a way out (bk_run_store_tally()) */
typedef enum
{
  /* its status is active, at risk or winding down */
  BK_STANDING_WORKING,
  /* someone it referred is in the journal: the bridge paid off */
  BK_STANDING_REFERRAL_BACK,
  /* ended on good terms, or handed over */
  BK_STANDING_GOOD_TERMS,
  BK_STANDING_ENDED,
} BkStanding;

#define BK_N_STANDINGS (BK_STANDING_ENDED + 1)

/* Which outcome followed which problem, for one kind of counterpart */
typedef struct
{
  /* runs, by a reason they were started for and how they ended; [BK_N_OUTCOMES] counts the
   * runs still in progress. A run started for two reasons counts under both. */
  guint by_reason[BK_N_REASONS][BK_N_OUTCOMES + 1];
  /* runs started with no reason given */
  guint no_reason[BK_N_OUTCOMES + 1];
  /* the counterparts that followed a way out, by how they stand now */
  guint standing[BK_N_STANDINGS];
  guint n_runs;
} BkRunTally;

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
gboolean     bk_run_store_tally                      (BkRunStore          *self,
                                                      BkPlaybookLibrary   *playbooks,
                                                      BkCounterpartKind    kind,
                                                      BkRunTally          *tally,
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

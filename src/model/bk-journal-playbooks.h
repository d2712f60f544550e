/* bk-journal-playbooks.h: playbook runs, open items and check-ins in the journal
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-checkin.h"
#include "bk-journal.h"
#include "bk-open-item.h"
#include "bk-playbook.h"
#include "bk-run.h"

G_BEGIN_DECLS

/* Every function that changes something takes @now, the time to record, so that tests can set
 * the clock; the app passes the current time. Every step change, outcome and ticked-off check-in
 * is also written as a BK_NOTE_KIND_PROGRESS note in the counterpart's timeline, in the
 * person's language, and emits "notes-changed"; run changes emit "runs-changed" (gint64
 * counterpart_id) and "counterparts-changed" (the sidebar shows progress). */

/* Starts a run of @playbook; INVALID when the counterpart already has an active run. */
BkRun     *bk_journal_start_run          (BkJournal          *self,
                                          gint64              counterpart_id,
                                          BkPlaybook         *playbook,
                                          guint               reasons,
                                          GDateTime          *now,
                                          GError            **error);
/* The counterpart's active run, or NULL (with no error) when there is none. */
BkRun     *bk_journal_dup_active_run     (BkJournal          *self,
                                          gint64              counterpart_id,
                                          GError            **error);
BkRun     *bk_journal_dup_run            (BkJournal          *self,
                                          gint64              run_id,
                                          GError            **error);
/* Every run of the counterpart, the active one first, then newest first: a GPtrArray of BkRun */
GPtrArray *bk_journal_list_runs          (BkJournal          *self,
                                          gint64              counterpart_id,
                                          GError            **error);
/* Marks a step of an active run done, skipped, or open again, with an optional note. */
gboolean   bk_journal_set_step_state     (BkJournal          *self,
                                          BkRun              *run,
                                          BkPlaybook         *playbook,
                                          const char         *step_id,
                                          BkStepState         state,
                                          const char         *note,
                                          GDateTime          *now,
                                          GError            **error);
/* Ends the active run with an outcome and who took over. Schedules a check-in @checkin_days[i]
 * days after @now for each entry (30 and 90 by default in the app). Sets the counterpart's
 * status to @new_status unless it is -1 (the person confirmed it). Ending as BK_OUTCOME_PARTED
 * while open items remain is refused with BK_JOURNAL_ERROR_OPEN_ITEMS unless @force. */
gboolean   bk_journal_end_run            (BkJournal          *self,
                                          BkRun              *run,
                                          BkPlaybook         *playbook,
                                          BkOutcome           outcome,
                                          const char         *successor,
                                          const guint        *checkin_days,
                                          guint               n_checkin_days,
                                          int                 new_status,
                                          gboolean            force,
                                          GDateTime          *now,
                                          GError            **error);

/* Open items, oldest first: a GPtrArray of BkOpenItem */
GPtrArray *bk_journal_list_open_items    (BkJournal          *self,
                                          gint64              counterpart_id,
                                          GError            **error);
/* Those not settled yet */
guint      bk_journal_count_open_items   (BkJournal          *self,
                                          gint64              counterpart_id);
gboolean   bk_journal_save_open_item     (BkJournal          *self,
                                          BkOpenItem         *item,
                                          GError            **error);
/* Settles the item at @now, or opens it again when @settled is FALSE */
gboolean   bk_journal_settle_open_item   (BkJournal          *self,
                                          gint64              item_id,
                                          gboolean            settled,
                                          GDateTime          *now,
                                          GError            **error);
gboolean   bk_journal_delete_open_item   (BkJournal          *self,
                                          gint64              item_id,
                                          GError            **error);

/* Check-ins not done yet of counterparts not in the trash, soonest first; with @due_by, only
 * those due by then. A GPtrArray of BkCheckin. */
GPtrArray *bk_journal_list_checkins      (BkJournal          *self,
                                          GDateTime          *due_by,
                                          GError            **error);
/* Of one counterpart, done ones included, soonest first */
GPtrArray *bk_journal_list_counterpart_checkins (BkJournal   *self,
                                                 gint64       counterpart_id,
                                                 GError     **error);
/* Moves a check-in that is not done yet to another day */
gboolean   bk_journal_reschedule_checkin (BkJournal          *self,
                                          gint64              checkin_id,
                                          GDateTime          *due,
                                          GError            **error);
/* Ticks a check-in off, with a note in the timeline ("Checked in" plus @note if any) */
gboolean   bk_journal_complete_checkin   (BkJournal          *self,
                                          gint64              checkin_id,
                                          const char         *note,
                                          GDateTime          *now,
                                          GError            **error);
gboolean   bk_journal_set_checkin_notified (BkJournal        *self,
                                            gint64            checkin_id,
                                            GDateTime        *now,
                                            GError          **error);

/* Across all counterparts not in the trash: how often each reason was given (counts has
 * BK_N_REASONS entries) and how runs ended (BK_N_OUTCOMES entries). */
gboolean   bk_journal_count_reasons_and_outcomes (BkJournal  *self,
                                                  guint      *reason_counts,
                                                  guint      *outcome_counts,
                                                  GError    **error);
/* Reflection notes across all counterparts, newest first: a GPtrArray of BkNote */
GPtrArray *bk_journal_list_reflections   (BkJournal          *self,
                                          guint               limit,
                                          GError            **error);

G_END_DECLS

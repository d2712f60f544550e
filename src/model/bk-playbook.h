/* bk-playbook.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-enums.h"

G_BEGIN_DECLS

#define BK_TYPE_PLAYBOOK (bk_playbook_get_type ())

G_DECLARE_FINAL_TYPE (BkPlaybook, bk_playbook, BK, PLAYBOOK, GObject)

/* A way out of (or through) a troubled relationship, read from a .playbook file under data/.
 * Every text is returned translated, worded for a client or a vendor where the file says so. */
const char *bk_playbook_get_id               (BkPlaybook        *self);
const char *bk_playbook_get_name             (BkPlaybook        *self);
const char *bk_playbook_get_summary          (BkPlaybook        *self,
                                              BkCounterpartKind  kind);
const char *bk_playbook_get_icon_name        (BkPlaybook        *self);
/* The outcome a run of this playbook usually ends with; the person may pick another. */
BkOutcome   bk_playbook_get_outcome          (BkPlaybook        *self);
guint       bk_playbook_get_n_steps          (BkPlaybook        *self);
const char *bk_playbook_get_step_id          (BkPlaybook        *self,
                                              guint              step);
const char *bk_playbook_get_step_title       (BkPlaybook        *self,
                                              guint              step,
                                              BkCounterpartKind  kind);
const char *bk_playbook_get_step_description (BkPlaybook        *self,
                                              guint              step,
                                              BkCounterpartKind  kind);
/* What the app shows beside a step: "open-items" (how many remain to settle), "access" (the
 * credentials to hand over), or NULL. */
const char *bk_playbook_get_step_role        (BkPlaybook        *self,
                                              guint              step);
/* The index of a step by id, or -1 */
int         bk_playbook_find_step            (BkPlaybook        *self,
                                              const char        *step_id);
/* Why this playbook fits a relationship with this problem and these answers (NULL: none
 * given), or NULL when it does not. */
const char *bk_playbook_get_why              (BkPlaybook        *self,
                                              BkReason           reason,
                                              const BkAnswer    *answers,
                                              BkCounterpartKind  kind);
gboolean    bk_playbook_is_way_out           (BkPlaybook        *self);
/* The step ids, for bk_journal_start_run() */
const char * const *bk_playbook_get_step_ids (BkPlaybook        *self);

/* The rank of a playbook offered for every problem: after all those that name the problem. */
#define BK_PLAYBOOK_RANK_ANY 10

/* Reads the text of a .playbook file (the format is described in bk-playbook.c); @file_name
 * names it in error messages. Fails with BK_PLAYBOOK_ERROR_INVALID. */
BkPlaybook *bk_playbook_new_from_bytes       (GBytes            *bytes,
                                              const char        *file_name,
                                              GError           **error);
/* Where the playbook sorts among the others: the file's "order" */
int         bk_playbook_get_order            (BkPlaybook        *self);
/* How well the playbook fits this problem and these answers (NULL: none given): 0 not at all,
 * 1 (best) to 9 as the file ranks it, BK_PLAYBOOK_RANK_ANY when it is offered for every
 * problem. */
guint       bk_playbook_get_rank             (BkPlaybook        *self,
                                              BkReason           reason,
                                              const BkAnswer    *answers);

G_END_DECLS

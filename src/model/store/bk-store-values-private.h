/* bk-store-values-private.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-checkin.h"
#include "bk-credential.h"
#include "bk-run.h"

G_BEGIN_DECLS

/* Value objects as only the stores make and change them, from what the journal holds, and the
 * JSON import, from what an exported journal holds (with ids 0: not in this journal yet) */

BkRun         *bk_run_new_from_journal          (gint64              id,
                                                 const char         *uuid,
                                                 gint64              counterpart_id,
                                                 const char         *playbook_id,
                                                 guint               reasons,
                                                 const char         *step_ids,
                                                 GDateTime          *started,
                                                 GDateTime          *ended,
                                                 BkOutcome           outcome,
                                                 const char         *successor);
/* @state BK_STEP_STATE_OPEN forgets the step's date and note */
void           bk_run_set_step                  (BkRun              *self,
                                                 const char         *step_id,
                                                 BkStepState         state,
                                                 GDateTime          *changed,
                                                 const char         *note);
void           bk_run_set_ended                 (BkRun              *self,
                                                 GDateTime          *ended,
                                                 BkOutcome           outcome,
                                                 const char         *successor);
void           bk_credential_set_journal_fields (BkCredential       *self,
                                                 gint64              id,
                                                 const char         *uuid,
                                                 BkCredentialState   state,
                                                 GDateTime          *created,
                                                 GDateTime          *updated,
                                                 GDateTime          *state_changed);
BkCheckin     *bk_checkin_new_from_journal      (gint64              id,
                                                 const char         *uuid,
                                                 gint64              counterpart_id,
                                                 const char         *counterpart_name,
                                                 gint64              run_id,
                                                 GDateTime          *due,
                                                 GDateTime          *done,
                                                 GDateTime          *notified);

G_END_DECLS

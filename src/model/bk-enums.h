/* bk-enums.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BK_COUNTERPART_KIND_CLIENT,
  BK_COUNTERPART_KIND_VENDOR,
} BkCounterpartKind;

typedef enum
{
  BK_COUNTERPART_STATUS_ACTIVE,
  BK_COUNTERPART_STATUS_AT_RISK,
  BK_COUNTERPART_STATUS_WINDING_DOWN,
  BK_COUNTERPART_STATUS_HANDED_OVER,
  BK_COUNTERPART_STATUS_ENDED_WELL,
  BK_COUNTERPART_STATUS_ENDED,
} BkCounterpartStatus;

#define BK_COUNTERPART_N_STATUSES (BK_COUNTERPART_STATUS_ENDED + 1)

typedef enum
{
  BK_NOTE_KIND_NOTE,
  BK_NOTE_KIND_CALL,
  BK_NOTE_KIND_MEETING,
  BK_NOTE_KIND_EMAIL,
  BK_NOTE_KIND_INVOICE,
  BK_NOTE_KIND_ISSUE,
  BK_NOTE_KIND_REFLECTION,
  /* Written by the app: a playbook step, an outcome, a check-in. */
  BK_NOTE_KIND_PROGRESS,
} BkNoteKind;

#define BK_NOTE_N_KINDS (BK_NOTE_KIND_PROGRESS + 1)

/* What a progress note records: the journal keeps the event and its parameters, and each
 * reader sees it in their own language (bk-timeline.h). */
typedef enum
{
  /* a note a person wrote, or progress from before events were kept: its text is all */
  BK_NOTE_EVENT_NONE,
  BK_NOTE_EVENT_RUN_STARTED,
  BK_NOTE_EVENT_STEP_DONE,
  BK_NOTE_EVENT_STEP_SKIPPED,
  BK_NOTE_EVENT_STEP_REOPENED,
  BK_NOTE_EVENT_RUN_ENDED,
  BK_NOTE_EVENT_CHECKIN_DONE,
} BkNoteEvent;
/* The kinds a person writes themselves */
#define BK_NOTE_N_USER_KINDS (BK_NOTE_KIND_REFLECTION + 1)

/* What isn't working in a relationship: the diagnosis that picks a playbook. */
typedef enum
{
  BK_REASON_NON_PAYMENT,
  BK_REASON_CONDUCT,
  BK_REASON_OVERSTATED_SKILLS,
  BK_REASON_PERSONALITY,
  BK_REASON_CAPACITY,
  BK_REASON_MISMATCH,
  BK_REASON_OTHER,
} BkReason;

#define BK_N_REASONS (BK_REASON_OTHER + 1)

/* The questions the diagnosis asks after what isn't working: the article's choice between the
 * ways out turns on them (see data/playbooks/README.md) */
typedef enum
{
  /* Is the quality of the work itself in question? */
  BK_QUESTION_WORK_IN_QUESTION,
  /* Does the relationship have potential worth keeping? */
  BK_QUESTION_WORTH_KEEPING,
  /* Are you (is the vendor) still the best fit for the work? */
  BK_QUESTION_BEST_FIT,
  /* Have you already tried talking it through? */
  BK_QUESTION_TALKED,
  /* Can you still work together at all? */
  BK_QUESTION_CAN_WORK,
} BkQuestion;

#define BK_N_QUESTIONS (BK_QUESTION_CAN_WORK + 1)

/* An answer to a BkQuestion; every question may be left "not sure" */
typedef enum
{
  BK_ANSWER_UNSURE,
  BK_ANSWER_YES,
  BK_ANSWER_NO,
} BkAnswer;

#define BK_N_ANSWERS (BK_ANSWER_NO + 1)

/* How a playbook run ended. */
typedef enum
{
  BK_OUTCOME_CONTINUED,
  BK_OUTCOME_OUTSOURCED,
  BK_OUTCOME_THIRD_PARTY,
  BK_OUTCOME_REFERRED,
  BK_OUTCOME_PARTED,
} BkOutcome;

#define BK_N_OUTCOMES (BK_OUTCOME_PARTED + 1)

typedef enum
{
  BK_STEP_STATE_OPEN,
  BK_STEP_STATE_DONE,
  BK_STEP_STATE_SKIPPED,
} BkStepState;

/* Something to settle before parting: an unpaid invoice, an unfinished deliverable, ... */
typedef enum
{
  BK_OPEN_ITEM_KIND_INVOICE,
  BK_OPEN_ITEM_KIND_DELIVERABLE,
  BK_OPEN_ITEM_KIND_ACCESS,
  BK_OPEN_ITEM_KIND_OTHER,
} BkOpenItemKind;

#define BK_N_OPEN_ITEM_KINDS (BK_OPEN_ITEM_KIND_OTHER + 1)

/* Where a credential a counterpart gave us stands */
typedef enum
{
  BK_CREDENTIAL_STATE_IN_USE,
  BK_CREDENTIAL_STATE_HANDED_OVER,
  BK_CREDENTIAL_STATE_REVOKED,
} BkCredentialState;

#define BK_N_CREDENTIAL_STATES (BK_CREDENTIAL_STATE_REVOKED + 1)

/* The nicks ("client", "at-risk", "meeting") are what the journal file and JSON store. */
const char *bk_counterpart_kind_to_string   (BkCounterpartKind    kind);
gboolean    bk_counterpart_kind_from_string (const char          *str,
                                             BkCounterpartKind   *kind);
const char *bk_counterpart_kind_get_label   (BkCounterpartKind    kind);

const char *bk_counterpart_status_to_string   (BkCounterpartStatus  status);
gboolean    bk_counterpart_status_from_string (const char          *str,
                                               BkCounterpartStatus *status);
const char *bk_counterpart_status_get_label   (BkCounterpartStatus  status);

const char *bk_note_kind_to_string   (BkNoteKind   kind);
gboolean    bk_note_kind_from_string (const char  *str,
                                      BkNoteKind  *kind);
const char *bk_note_kind_get_label   (BkNoteKind   kind);
const char *bk_note_kind_get_icon_name (BkNoteKind kind);

const char *bk_reason_to_string      (BkReason             reason);
gboolean    bk_reason_from_string    (const char          *str,
                                      BkReason            *reason);
/* Worded for the kind of counterpart: "They don't pay on time" for a client, ... */
const char *bk_reason_get_label      (BkReason             reason,
                                      BkCounterpartKind    kind);

const char *bk_question_to_string    (BkQuestion           question);
gboolean    bk_question_from_string  (const char          *str,
                                      BkQuestion          *question);
/* The question, worded for the kind of counterpart */
const char *bk_question_get_label    (BkQuestion           question,
                                      BkCounterpartKind    kind);
const char *bk_answer_to_string      (BkAnswer             answer);
gboolean    bk_answer_from_string    (const char          *str,
                                      BkAnswer            *answer);
const char *bk_answer_get_label      (BkAnswer             answer);

const char *bk_outcome_to_string     (BkOutcome            outcome);
gboolean    bk_outcome_from_string   (const char          *str,
                                      BkOutcome           *outcome);
const char *bk_outcome_get_label     (BkOutcome            outcome);
/* The status a counterpart is offered when a run ends this way. */
BkCounterpartStatus bk_outcome_get_status (BkOutcome       outcome);

const char *bk_note_event_to_string   (BkNoteEvent         event);
gboolean    bk_note_event_from_string (const char         *str,
                                       BkNoteEvent        *event);

const char *bk_step_state_to_string   (BkStepState         state);
gboolean    bk_step_state_from_string (const char         *str,
                                       BkStepState        *state);

const char *bk_open_item_kind_to_string   (BkOpenItemKind  kind);
gboolean    bk_open_item_kind_from_string (const char     *str,
                                           BkOpenItemKind *kind);
const char *bk_open_item_kind_get_label   (BkOpenItemKind  kind);

const char *bk_credential_state_to_string   (BkCredentialState  state);
gboolean    bk_credential_state_from_string (const char        *str,
                                             BkCredentialState *state);
const char *bk_credential_state_get_label   (BkCredentialState  state);

G_END_DECLS

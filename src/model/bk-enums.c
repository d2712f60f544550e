/* bk-enums.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-enums.h"
#include "bk-enum-types.h"

static const char *
enum_to_string (GType type,
                int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

static gboolean
enum_from_string (GType       type,
                  const char *str,
                  int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (str == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, str);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

#define DEFINE_ENUM_STRINGS(prefix, Type, TYPE)                   \
  const char *                                                    \
  prefix##_to_string (Type value)                                 \
  {                                                               \
    return enum_to_string (TYPE, value);                          \
  }                                                               \
                                                                  \
  gboolean                                                        \
  prefix##_from_string (const char *str,                          \
                        Type       *value)                        \
  {                                                               \
    int v;                                                        \
                                                                  \
    g_return_val_if_fail (value != NULL, FALSE);                  \
                                                                  \
    if (!enum_from_string (TYPE, str, &v))                        \
      return FALSE;                                               \
                                                                  \
    *value = v;                                                   \
    return TRUE;                                                  \
  }

DEFINE_ENUM_STRINGS (bk_counterpart_kind, BkCounterpartKind, BK_TYPE_COUNTERPART_KIND)
DEFINE_ENUM_STRINGS (bk_counterpart_status, BkCounterpartStatus, BK_TYPE_COUNTERPART_STATUS)
DEFINE_ENUM_STRINGS (bk_note_kind, BkNoteKind, BK_TYPE_NOTE_KIND)
const char *
bk_counterpart_kind_get_label (BkCounterpartKind kind)
{
  switch (kind)
    {
    case BK_COUNTERPART_KIND_CLIENT:
      return C_("counterpart kind", "Client");
    case BK_COUNTERPART_KIND_VENDOR:
      return C_("counterpart kind", "Vendor");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bk_counterpart_status_get_label (BkCounterpartStatus status)
{
  switch (status)
    {
    case BK_COUNTERPART_STATUS_ACTIVE:
      return C_("relationship status", "Active");
    case BK_COUNTERPART_STATUS_AT_RISK:
      return C_("relationship status", "At risk");
    case BK_COUNTERPART_STATUS_WINDING_DOWN:
      return C_("relationship status", "Winding down");
    case BK_COUNTERPART_STATUS_HANDED_OVER:
      return C_("relationship status", "Handed over");
    case BK_COUNTERPART_STATUS_ENDED_WELL:
      return C_("relationship status", "Ended on good terms");
    case BK_COUNTERPART_STATUS_ENDED:
      return C_("relationship status", "Ended");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bk_note_kind_get_label (BkNoteKind kind)
{
  switch (kind)
    {
    case BK_NOTE_KIND_NOTE:
      return C_("note kind", "Note");
    case BK_NOTE_KIND_CALL:
      return C_("note kind", "Call");
    case BK_NOTE_KIND_MEETING:
      return C_("note kind", "Meeting");
    case BK_NOTE_KIND_EMAIL:
      return C_("note kind", "Email");
    case BK_NOTE_KIND_INVOICE:
      return C_("note kind", "Invoice");
    case BK_NOTE_KIND_ISSUE:
      return C_("note kind", "Issue");
    case BK_NOTE_KIND_REFLECTION:
      return C_("note kind", "Reflection");
    case BK_NOTE_KIND_PROGRESS:
      return C_("note kind", "Progress");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bk_note_kind_get_icon_name (BkNoteKind kind)
{
  switch (kind)
    {
    case BK_NOTE_KIND_NOTE:
      return "document-edit-symbolic";
    case BK_NOTE_KIND_CALL:
      return "call-start-symbolic";
    case BK_NOTE_KIND_MEETING:
      return "x-office-calendar-symbolic";
    case BK_NOTE_KIND_EMAIL:
      return "mail-unread-symbolic";
    case BK_NOTE_KIND_INVOICE:
      return "accessories-calculator-symbolic";
    case BK_NOTE_KIND_ISSUE:
      return "dialog-warning-symbolic";
    case BK_NOTE_KIND_REFLECTION:
      return "starred-symbolic";
    case BK_NOTE_KIND_PROGRESS:
      return "emblem-ok-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

DEFINE_ENUM_STRINGS (bk_reason, BkReason, BK_TYPE_REASON)
DEFINE_ENUM_STRINGS (bk_question, BkQuestion, BK_TYPE_QUESTION)
DEFINE_ENUM_STRINGS (bk_answer, BkAnswer, BK_TYPE_ANSWER)
DEFINE_ENUM_STRINGS (bk_outcome, BkOutcome, BK_TYPE_OUTCOME)
DEFINE_ENUM_STRINGS (bk_step_state, BkStepState, BK_TYPE_STEP_STATE)
DEFINE_ENUM_STRINGS (bk_note_event, BkNoteEvent, BK_TYPE_NOTE_EVENT)
DEFINE_ENUM_STRINGS (bk_open_item_kind, BkOpenItemKind, BK_TYPE_OPEN_ITEM_KIND)
DEFINE_ENUM_STRINGS (bk_credential_state, BkCredentialState, BK_TYPE_CREDENTIAL_STATE)

const char *
bk_reason_get_label (BkReason          reason,
                     BkCounterpartKind kind)
{
  gboolean vendor = kind == BK_COUNTERPART_KIND_VENDOR;

  switch (reason)
    {
    case BK_REASON_NON_PAYMENT:
      return vendor ? _("Payments between us are late or disputed") : _("They don’t pay, or pay late");
    case BK_REASON_CONDUCT:
      return _("Unprofessional conduct, theirs or ours");
    case BK_REASON_OVERSTATED_SKILLS:
      return vendor ? _("They overstated their skills") : _("We overstated our skills");
    case BK_REASON_PERSONALITY:
      return _("Clashing personalities or ways of communicating");
    case BK_REASON_CAPACITY:
      return _("Scheduling or capacity problems");
    case BK_REASON_MISMATCH:
      return vendor ? _("An honest mismatch between our needs and their expertise")
                    : _("An honest mismatch between their needs and our expertise");
    case BK_REASON_OTHER:
      return _("Something else");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bk_question_get_label (BkQuestion        question,
                       BkCounterpartKind kind)
{
  gboolean vendor = kind == BK_COUNTERPART_KIND_VENDOR;

  switch (question)
    {
    case BK_QUESTION_WORK_IN_QUESTION:
      return vendor ? _("Is the quality of their work in question?")
                    : _("Is the quality of your work in question?");
    case BK_QUESTION_WORTH_KEEPING:
      return _("Is the relationship worth keeping, if the work went elsewhere?");
    case BK_QUESTION_BEST_FIT:
      return vendor ? _("Are they still the best choice for this work?")
                    : _("Are you still the best person for this work?");
    case BK_QUESTION_TALKED:
      return _("Have you already talked it through with them?");
    case BK_QUESTION_CAN_WORK:
      return _("Can you still work together at all?");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bk_answer_get_label (BkAnswer answer)
{
  switch (answer)
    {
    case BK_ANSWER_UNSURE:
      return _("Not sure");
    case BK_ANSWER_YES:
      return _("Yes");
    case BK_ANSWER_NO:
      return _("No");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bk_outcome_get_label (BkOutcome outcome)
{
  switch (outcome)
    {
    case BK_OUTCOME_CONTINUED:
      return C_("outcome", "Continued together");
    case BK_OUTCOME_OUTSOURCED:
      return C_("outcome", "Work outsourced");
    case BK_OUTCOME_THIRD_PARTY:
      return C_("outcome", "A third party took over communication");
    case BK_OUTCOME_REFERRED:
      return C_("outcome", "Referred to a colleague");
    case BK_OUTCOME_PARTED:
      return C_("outcome", "Parted ways");
    default:
      g_return_val_if_reached (NULL);
    }
}

BkCounterpartStatus
bk_outcome_get_status (BkOutcome outcome)
{
  switch (outcome)
    {
    case BK_OUTCOME_CONTINUED:
    case BK_OUTCOME_OUTSOURCED:
    case BK_OUTCOME_THIRD_PARTY:
      return BK_COUNTERPART_STATUS_ACTIVE;
    case BK_OUTCOME_REFERRED:
      return BK_COUNTERPART_STATUS_HANDED_OVER;
    case BK_OUTCOME_PARTED:
      return BK_COUNTERPART_STATUS_ENDED_WELL;
    default:
      g_return_val_if_reached (BK_COUNTERPART_STATUS_ACTIVE);
    }
}

const char *
bk_open_item_kind_get_label (BkOpenItemKind kind)
{
  switch (kind)
    {
    case BK_OPEN_ITEM_KIND_INVOICE:
      return C_("open item", "Unpaid invoice");
    case BK_OPEN_ITEM_KIND_DELIVERABLE:
      return C_("open item", "Unfinished deliverable");
    case BK_OPEN_ITEM_KIND_ACCESS:
      return C_("open item", "Access to hand over or revoke");
    case BK_OPEN_ITEM_KIND_OTHER:
      return C_("open item", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bk_credential_state_get_label (BkCredentialState state)
{
  switch (state)
    {
    case BK_CREDENTIAL_STATE_IN_USE:
      return C_("credential state", "In use");
    case BK_CREDENTIAL_STATE_HANDED_OVER:
      return C_("credential state", "Handed over");
    case BK_CREDENTIAL_STATE_REVOKED:
      return C_("credential state", "Revoked");
    default:
      g_return_val_if_reached (NULL);
    }
}

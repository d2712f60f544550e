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

const char *
bk_counterpart_kind_to_string (BkCounterpartKind kind)
{
  return enum_to_string (BK_TYPE_COUNTERPART_KIND, kind);
}

gboolean
bk_counterpart_kind_from_string (const char        *str,
                                 BkCounterpartKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!enum_from_string (BK_TYPE_COUNTERPART_KIND, str, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

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
bk_counterpart_status_to_string (BkCounterpartStatus status)
{
  return enum_to_string (BK_TYPE_COUNTERPART_STATUS, status);
}

gboolean
bk_counterpart_status_from_string (const char          *str,
                                   BkCounterpartStatus *status)
{
  int value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!enum_from_string (BK_TYPE_COUNTERPART_STATUS, str, &value))
    return FALSE;

  *status = value;
  return TRUE;
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
bk_note_kind_to_string (BkNoteKind kind)
{
  return enum_to_string (BK_TYPE_NOTE_KIND, kind);
}

gboolean
bk_note_kind_from_string (const char *str,
                          BkNoteKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!enum_from_string (BK_TYPE_NOTE_KIND, str, &value))
    return FALSE;

  *kind = value;
  return TRUE;
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
    default:
      g_return_val_if_reached (NULL);
    }
}

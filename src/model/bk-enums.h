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
} BkNoteKind;

#define BK_NOTE_N_KINDS (BK_NOTE_KIND_REFLECTION + 1)

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

G_END_DECLS

/* bk-note.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-enums.h"

G_BEGIN_DECLS

#define BK_TYPE_NOTE (bk_note_get_type ())

G_DECLARE_FINAL_TYPE (BkNote, bk_note, BK, NOTE, GObject)

/* A journal entry of one counterpart, as a plain value object (see BkCounterpart). */
BkNote      *bk_note_new                 (void);
BkNote      *bk_note_copy                (BkNote      *self);
void         bk_note_update_from         (BkNote      *self,
                                          BkNote      *from);
gint64       bk_note_get_id              (BkNote      *self);
void         bk_note_set_id              (BkNote      *self,
                                          gint64       id);
const char  *bk_note_get_uuid            (BkNote      *self);
void         bk_note_set_uuid            (BkNote      *self,
                                          const char  *uuid);
gint64       bk_note_get_counterpart_id  (BkNote      *self);
void         bk_note_set_counterpart_id  (BkNote      *self,
                                          gint64       counterpart_id);
GDateTime   *bk_note_get_created         (BkNote      *self);
void         bk_note_set_created         (BkNote      *self,
                                          GDateTime   *created);
BkNoteKind   bk_note_get_kind            (BkNote      *self);
void         bk_note_set_kind            (BkNote      *self,
                                          BkNoteKind   kind);
const char  *bk_note_get_text            (BkNote      *self);
void         bk_note_set_text            (BkNote      *self,
                                          const char  *text);
gboolean     bk_note_get_private         (BkNote      *self);
void         bk_note_set_private         (BkNote      *self,
                                          gboolean     private_);

BkNoteEvent  bk_note_get_event          (BkNote      *self);
const char  *bk_note_get_event_playbook (BkNote      *self);
const char  *bk_note_get_event_step     (BkNote      *self);
guint        bk_note_get_event_reasons  (BkNote      *self);
BkOutcome    bk_note_get_event_outcome  (BkNote      *self);
void         bk_note_set_event          (BkNote      *self,
                                         BkNoteEvent  event,
                                         const char  *playbook_id,
                                         const char  *step_id,
                                         guint        reasons,
                                         BkOutcome    outcome);

char       *bk_note_compose_reflection  (const char  *happened,
                                         const char  *again,
                                         const char  *best);

G_END_DECLS

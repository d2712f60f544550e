/* bk-note-store.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-note.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* An event for the timeline (bk_note_store_add_event()): what happened, its parameters, and
 * the person's own words about it (a step's note, who took over, a check-in's note) */
typedef struct
{
  BkNoteEvent  event;
  const char  *playbook_id;
  const char  *step_id;
  guint        reasons;
  BkOutcome    outcome;
  const char  *words;
} BkEventRecord;

#define BK_TYPE_NOTE_STORE (bk_note_store_get_type ())

G_DECLARE_FINAL_TYPE (BkNoteStore, bk_note_store, BK, NOTE_STORE, BkStore)

BkNoteStore *bk_note_store_new              (BkDatabase   *database);
BkNote      *bk_note_store_dup              (BkNoteStore  *self,
                                             gint64        id,
                                             GError      **error);
gboolean     bk_note_store_save             (BkNoteStore  *self,
                                             BkNote       *note,
                                             GError      **error);
gboolean     bk_note_store_add_event        (BkNoteStore          *self,
                                             gint64                counterpart_id,
                                             const BkEventRecord  *record,
                                             GDateTime            *now,
                                             GError              **error);
gboolean     bk_note_store_set_trashed      (BkNoteStore  *self,
                                             gint64        id,
                                             gboolean      trashed,
                                             GError      **error);
guint        bk_note_store_count            (BkNoteStore  *self,
                                             gint64        counterpart_id);
gboolean     bk_note_store_purge_trashed    (BkNoteStore  *self,
                                             gint64        id,
                                             GError      **error);
GPtrArray   *bk_note_store_list_page        (BkNoteStore  *self,
                                             gint64        counterpart_id,
                                             guint         offset,
                                             guint         limit,
                                             GError      **error);
GPtrArray   *bk_note_store_list_between     (BkNoteStore  *self,
                                             gint64        counterpart_id,
                                             gboolean      include_private,
                                             GDateTime    *from,
                                             GDateTime    *to,
                                             GError      **error);
gboolean     bk_note_store_get_span         (BkNoteStore  *self,
                                             gint64        counterpart_id,
                                             gboolean      include_private,
                                             gint64       *first,
                                             gint64       *last,
                                             GError      **error);
guint        bk_note_store_find_position    (BkNoteStore  *self,
                                             gint64        counterpart_id,
                                             gint64        id);
guint        bk_note_store_find_position_any (BkNoteStore *self,
                                              gint64       counterpart_id,
                                              gint64       id);
GPtrArray   *bk_note_store_list_reflections (BkNoteStore  *self,
                                             guint         limit,
                                             GError      **error);
gboolean     bk_note_store_find_by_uuid     (BkNoteStore  *self,
                                             const char   *uuid,
                                             gint64       *id,
                                             gint64       *counterpart_id,
                                             GError      **error);

G_END_DECLS

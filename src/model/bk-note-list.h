/* bk-note-list.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_NOTE_LIST (bk_note_list_get_type ())

G_DECLARE_FINAL_TYPE (BkNoteList, bk_note_list, BK, NOTE_LIST, GObject)

/* A GListModel of one counterpart's BkNote, newest first, read a page at a time; it follows
 * the journal's changes itself. */
BkNoteList *bk_note_list_new                (BkJournal  *journal,
                                             gint64      counterpart_id);
gint64      bk_note_list_get_counterpart_id (BkNoteList *self);
/* Where the note @id is in the list (one indexed query; nothing else is read), or G_MAXUINT */
guint       bk_note_list_find               (BkNoteList *self,
                                             gint64      id);

G_END_DECLS

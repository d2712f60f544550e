/* bk-note-row.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-note.h"

G_BEGIN_DECLS

#define BK_TYPE_NOTE_ROW (bk_note_row_get_type ())

G_DECLARE_FINAL_TYPE (BkNoteRow, bk_note_row, BK, NOTE_ROW, AdwBin)

BkNoteRow *bk_note_row_new      (void);
BkNote    *bk_note_row_get_note (BkNoteRow *self);
void       bk_note_row_set_note (BkNoteRow  *self,
                                 BkNote     *note,
                                 const char *text);
/* Marks in the note the words that a search matched: those in bold in @match_markup (a
 * search result's, see bk_counterpart_get_match_markup()); %NULL marks nothing. */
void       bk_note_row_set_editable  (BkNoteRow  *self,
                                      gboolean    editable);
void       bk_note_row_set_highlight (BkNoteRow  *self,
                                      const char *match_markup);

G_END_DECLS

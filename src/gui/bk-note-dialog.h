/* bk-note-dialog.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_NOTE_DIALOG (bk_note_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkNoteDialog, bk_note_dialog, BK, NOTE_DIALOG, AdwWindow)

/* Edits a copy of a saved note: its text, kind, date and privacy. */
BkNoteDialog *bk_note_dialog_new (GtkWindow *parent,
                                  BkJournal *journal,
                                  BkNote    *note);

G_END_DECLS

/* bk-counterpart-dialog.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_COUNTERPART_DIALOG (bk_counterpart_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkCounterpartDialog, bk_counterpart_dialog, BK, COUNTERPART_DIALOG, AdwWindow)

/* Edits a copy of counterpart, or a new one when it is NULL; emits "saved" with the saved
 * counterpart once the journal has it. */
BkCounterpartDialog *bk_counterpart_dialog_new (GtkWindow     *parent,
                                                BkJournal     *journal,
                                                BkCounterpart *counterpart);

G_END_DECLS

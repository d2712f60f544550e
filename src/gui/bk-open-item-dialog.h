/* bk-open-item-dialog.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_OPEN_ITEM_DIALOG (bk_open_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkOpenItemDialog, bk_open_item_dialog, BK, OPEN_ITEM_DIALOG, AdwWindow)

/* Adds an open item to settle with a counterpart; emits "saved" once the journal has it. */
BkOpenItemDialog *bk_open_item_dialog_new (GtkWindow *parent,
                                           BkJournal *journal,
                                           gint64     counterpart_id);

G_END_DECLS

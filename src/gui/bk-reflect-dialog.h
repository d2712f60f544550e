/* bk-reflect-dialog.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_REFLECT_DIALOG (bk_reflect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkReflectDialog, bk_reflect_dialog, BK, REFLECT_DIALOG, AdwWindow)

/* A reflection on a relationship, at any time: three short answers, kept as a note of the kind
 * "reflection". It changes nothing else. */
BkReflectDialog *bk_reflect_dialog_new (GtkWindow     *parent,
                                        BkJournal     *journal,
                                        BkCounterpart *counterpart);

G_END_DECLS

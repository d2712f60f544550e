/* bk-export-dialog.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"
#include "bk-playbook-library.h"

G_BEGIN_DECLS

#define BK_TYPE_EXPORT_DIALOG (bk_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkExportDialog, bk_export_dialog, BK, EXPORT_DIALOG, AdwWindow)

/* Exports a counterpart's relationship summary as a PDF: the options (dates, private notes,
 * timeline), then where to save it, then the export itself off the main thread, with progress
 * and a way to cancel. Emits "exported" with the GFile written. */
BkExportDialog *bk_export_dialog_new (GtkWindow         *parent,
                                      BkJournal         *journal,
                                      BkPlaybookLibrary *playbooks,
                                      BkCounterpart     *counterpart);

void            bk_export_dialog_export_to_file (BkExportDialog *self,
                                                 GFile          *file);
/* Where the file chooser opens: the last folder exported to in this session, else Documents,
 * else home */
GFile          *bk_export_dialog_dup_folder     (BkExportDialog *self);


G_END_DECLS

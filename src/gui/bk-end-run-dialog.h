/* bk-end-run-dialog.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"
#include "bk-playbook.h"
#include "bk-run.h"

G_BEGIN_DECLS

#define BK_TYPE_END_RUN_DIALOG (bk_end_run_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkEndRunDialog, bk_end_run_dialog, BK, END_RUN_DIALOG, AdwWindow)

/* Ends a run: the outcome, who took over, the check-ins to keep the bridge, and, once the person
 * confirms, the counterpart's new status. */
BkEndRunDialog *bk_end_run_dialog_new (GtkWindow     *parent,
                                       BkJournal     *journal,
                                       BkCounterpart *counterpart,
                                       BkRun         *run,
                                       BkPlaybook    *playbook);

G_END_DECLS

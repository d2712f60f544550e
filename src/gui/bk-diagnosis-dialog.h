/* bk-diagnosis-dialog.h
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

#define BK_TYPE_DIAGNOSIS_DIALOG (bk_diagnosis_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkDiagnosisDialog, bk_diagnosis_dialog, BK, DIAGNOSIS_DIALOG, AdwWindow)

/* "What isn't working?": the person picks reasons, the dialog recommends playbooks with why, and
 * starting one creates the counterpart's run. */
BkDiagnosisDialog *bk_diagnosis_dialog_new (GtkWindow         *parent,
                                            BkJournal         *journal,
                                            BkPlaybookLibrary *playbooks,
                                            BkCounterpart     *counterpart);

G_END_DECLS

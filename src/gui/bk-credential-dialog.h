/* bk-credential-dialog.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-credential.h"
#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_CREDENTIAL_DIALOG (bk_credential_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkCredentialDialog, bk_credential_dialog, BK, CREDENTIAL_DIALOG, AdwWindow)

/* Adds access (credential NULL) or edits it: the metadata goes to the journal, the password to
 * the keyring only. */
BkCredentialDialog *bk_credential_dialog_new (GtkWindow     *parent,
                                              BkJournal     *journal,
                                              BkCounterpart *counterpart,
                                              BkCredential  *credential);

G_END_DECLS

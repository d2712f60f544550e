/* bk-credential-row.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-credential.h"

G_BEGIN_DECLS

/* How long a revealed or copied password stays out in the open */
#define BK_CREDENTIAL_EXPOSURE_SECONDS 30

#define BK_TYPE_CREDENTIAL_ROW (bk_credential_row_get_type ())

G_DECLARE_FINAL_TYPE (BkCredentialRow, bk_credential_row, BK, CREDENTIAL_ROW, AdwExpanderRow)

/* One credential in the Access section: its label, username, address and state, its password
 * hidden until revealed. Its buttons activate the row's "credential.*" actions, which ask the
 * view for "access.*" with the credential's id. Its reveal toggle is its "revealed" property:
 * revealing asks the view for "access.reveal", which answers with
 * bk_credential_row_show_secret(). */
BkCredentialRow *bk_credential_row_new           (BkCredential    *credential);
BkCredential    *bk_credential_row_get_credential (BkCredentialRow *self);
gboolean         bk_credential_row_get_revealed   (BkCredentialRow *self);
void             bk_credential_row_set_revealed   (BkCredentialRow *self,
                                                   gboolean         revealed);
void             bk_credential_row_show_secret    (BkCredentialRow *self,
                                                   const char      *secret);

G_END_DECLS

/* bk-access-row.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-credential.h"

G_BEGIN_DECLS

#define BK_TYPE_ACCESS_ROW (bk_access_row_get_type ())

G_DECLARE_FINAL_TYPE (BkAccessRow, bk_access_row, BK, ACCESS_ROW, AdwActionRow)

/* Access to hand over or revoke, in the playbook step that settles it: the credential's label
 * and state, and while it is in use, "Handed Over" and "Revoked". Its actions
 * ("access-row.handed-over", "access-row.revoked") ask the view for
 * "resolution.set-access-state" with the credential's id. */
BkAccessRow  *bk_access_row_new            (BkCredential *credential);
BkCredential *bk_access_row_get_credential (BkAccessRow  *self);

G_END_DECLS

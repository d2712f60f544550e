/* bk-credential.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-enums.h"

G_BEGIN_DECLS

#define BK_TYPE_CREDENTIAL (bk_credential_get_type ())

G_DECLARE_FINAL_TYPE (BkCredential, bk_credential, BK, CREDENTIAL, GObject)

/* The metadata of access a counterpart gave us: a value object kept in the journal. Its secret
 * is never here: it lives in the desktop keyring under the credential's uuid (bk-keyring.h). */
BkCredential      *bk_credential_new                (void);
BkCredential      *bk_credential_copy               (BkCredential      *self);
gint64             bk_credential_get_id             (BkCredential      *self);
const char        *bk_credential_get_uuid           (BkCredential      *self);
gint64             bk_credential_get_counterpart_id (BkCredential      *self);
void               bk_credential_set_counterpart_id (BkCredential      *self,
                                                     gint64             counterpart_id);
const char        *bk_credential_get_label          (BkCredential      *self);
void               bk_credential_set_label          (BkCredential      *self,
                                                     const char        *label);
const char        *bk_credential_get_username       (BkCredential      *self);
void               bk_credential_set_username       (BkCredential      *self,
                                                     const char        *username);
const char        *bk_credential_get_url            (BkCredential      *self);
void               bk_credential_set_url            (BkCredential      *self,
                                                     const char        *url);
BkCredentialState  bk_credential_get_state          (BkCredential      *self);
GDateTime         *bk_credential_get_created        (BkCredential      *self);
GDateTime         *bk_credential_get_updated        (BkCredential      *self);
/* When it was handed over or revoked, or NULL while in use */
GDateTime         *bk_credential_get_state_changed  (BkCredential      *self);

G_END_DECLS

/* bk-credential-store.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-credential.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_CREDENTIAL_STORE (bk_credential_store_get_type ())

G_DECLARE_FINAL_TYPE (BkCredentialStore, bk_credential_store, BK, CREDENTIAL_STORE, BkStore)

BkCredentialStore  *bk_credential_store_new          (BkDatabase         *database);
GPtrArray          *bk_credential_store_list         (BkCredentialStore  *self,
                                                      gint64              counterpart_id,
                                                      GError            **error);
BkCredential       *bk_credential_store_dup          (BkCredentialStore  *self,
                                                      gint64              id,
                                                      GError            **error);
gboolean            bk_credential_store_save         (BkCredentialStore  *self,
                                                      BkCredential       *credential,
                                                      GError            **error);
gboolean            bk_credential_store_set_state    (BkCredentialStore  *self,
                                                      gint64              id,
                                                      BkCredentialState   state,
                                                      GDateTime          *now,
                                                      GError            **error);
gboolean            bk_credential_store_delete       (BkCredentialStore  *self,
                                                      gint64              id,
                                                      GError            **error);
guint               bk_credential_store_count_in_use (BkCredentialStore  *self,
                                                      gint64              counterpart_id);
char              **bk_credential_store_dup_uuids    (BkCredentialStore  *self,
                                                      GError            **error);
gboolean            bk_credential_store_import       (BkCredentialStore  *self,
                                                      BkCredential       *credential,
                                                      GError            **error);
gboolean            bk_credential_store_find_by_uuid (BkCredentialStore  *self,
                                                      const char         *uuid,
                                                      gint64             *id,
                                                      GError            **error);

G_END_DECLS

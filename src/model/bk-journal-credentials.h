/* bk-journal-credentials.h: the metadata of counterparts' credentials in the journal
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-credential.h"
#include "bk-journal.h"

G_BEGIN_DECLS

/* Changes emit "credentials-changed" (gint64 counterpart_id) and "runs-changed" (access in use
 * counts among the counterpart's open items). */

/* A counterpart's credentials, in the order they were added: a GPtrArray of BkCredential */
GPtrArray *bk_journal_list_credentials     (BkJournal          *self,
                                            gint64              counterpart_id,
                                            GError            **error);
BkCredential *bk_journal_dup_credential    (BkJournal          *self,
                                            gint64              id,
                                            GError            **error);
/* Inserts (id 0: gives it a uuid) or updates label, username and URL; a label is required. */
gboolean   bk_journal_save_credential      (BkJournal          *self,
                                            BkCredential       *credential,
                                            GError            **error);
gboolean   bk_journal_set_credential_state (BkJournal          *self,
                                            gint64              id,
                                            BkCredentialState   state,
                                            GDateTime          *now,
                                            GError            **error);
/* Deletes the metadata; the caller deletes the secret with bk_keyring_delete_async(). */
gboolean   bk_journal_delete_credential    (BkJournal          *self,
                                            gint64              id,
                                            GError            **error);
/* Credentials still in use: open access to hand over or revoke */
guint      bk_journal_count_access_in_use  (BkJournal          *self,
                                            gint64              counterpart_id);
/* The uuids of counterparts in the trash, whose secrets go when the trash is purged
 * (NULL-terminated) */
char     **bk_journal_dup_trashed_counterpart_uuids (BkJournal *self,
                                                     GError   **error);
/* The uuids of every credential in the journal, trash included (NULL-terminated) */
char     **bk_journal_dup_credential_uuids (BkJournal          *self,
                                            GError            **error);

G_END_DECLS

/* bk-access.h: the access a counterpart gave us, as one thing: a credential's row in the
 * journal and its secret in the desktop keyring
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_ACCESS_ERROR (bk_access_error_quark ())

/* What went wrong with the keyring; the journal's own errors stay %BK_DATABASE_ERROR, and a
 * call the caller cancelled stays %G_IO_ERROR_CANCELLED. */
typedef enum
{
  /* No keyring (Secret Service) to keep secrets in */
  BK_ACCESS_ERROR_UNAVAILABLE,
  /* The keyring is locked and unlocking it was refused or failed */
  BK_ACCESS_ERROR_LOCKED,
  /* The keyring holds no secret for that credential */
  BK_ACCESS_ERROR_NO_SECRET,
  BK_ACCESS_ERROR_FAILED,
  /* The person dismissed the keyring's prompt: nothing was saved, and nothing is to report */
  BK_ACCESS_ERROR_DISMISSED,
} BkAccessError;

GQuark        bk_access_error_quark             (void);

/* Saves @credential (a new one when its id is 0) and, unless @secret is empty or %NULL, its
 * secret: both or neither. When the keyring refuses the secret, a new credential's row is
 * taken out again and an edited one gets its earlier fields back. @credential itself is not
 * changed; the finish returns the credential as saved. */
void          bk_access_save_async              (BkJournal            *journal,
                                                 BkCredential         *credential,
                                                 const char           *secret,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
BkCredential *bk_access_save_finish             (BkJournal            *journal,
                                                 GAsyncResult         *result,
                                                 GError              **error);

void          bk_access_lookup_secret_async     (BkJournal            *journal,
                                                 gint64                credential_id,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* The secret, to be freed with bk_access_free_secret() (it wipes the memory) */
char         *bk_access_lookup_secret_finish    (BkJournal            *journal,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void          bk_access_free_secret             (char                 *secret);

/* Whether there is a keyring to keep secrets in (fails with %BK_ACCESS_ERROR_UNAVAILABLE),
 * without asking the person for anything */
void          bk_access_check_keyring_async     (BkJournal            *journal,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean      bk_access_check_keyring_finish    (BkJournal            *journal,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* Deletes the credential's row and then its secret. Without the keyring the secret stays for
 * now (bk_access_forget_orphans_async() removes it later): the call still succeeds. */
void          bk_access_delete_async            (BkJournal            *journal,
                                                 gint64                credential_id,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean      bk_access_delete_finish           (BkJournal            *journal,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* Deletes every secret of a counterpart (before it is deleted for good) */
void          bk_access_delete_secrets_async    (BkJournal            *journal,
                                                 const char           *counterpart_uuid,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean      bk_access_delete_secrets_finish   (BkJournal            *journal,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* Deletes the app's secrets whose credential is no longer in the journal: no secret outlives
 * its credential. */
void          bk_access_forget_orphans_async    (BkJournal            *journal,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean      bk_access_forget_orphans_finish   (BkJournal            *journal,
                                                 GAsyncResult         *result,
                                                 guint                *n_deleted,
                                                 GError              **error);

G_END_DECLS

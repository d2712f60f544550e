/* bk-keyring.h: credentials' secrets in the desktop keyring (Secret Service, via libsecret)
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_KEYRING_ERROR (bk_keyring_error_quark ())

typedef enum
{
  /* No Secret Service on the session bus */
  BK_KEYRING_ERROR_UNAVAILABLE,
  /* The keyring is locked and unlocking it was refused or failed */
  BK_KEYRING_ERROR_LOCKED,
  /* No secret is stored for that credential */
  BK_KEYRING_ERROR_NOT_FOUND,
  BK_KEYRING_ERROR_FAILED,
  /* The person said no to the keyring's prompt: nothing was stored. Not a failure to report. */
  BK_KEYRING_ERROR_DISMISSED,
} BkKeyringError;

GQuark   bk_keyring_error_quark  (void);

/* Every call is asynchronous: the main loop never waits on the keyring. The items use a schema
 * named after the application id with the attributes "counterpart" and "credential" (uuids).
 * Nothing is ever stored anywhere else when the keyring fails. */
void     bk_keyring_store_async   (const char           *counterpart_uuid,
                                   const char           *credential_uuid,
                                   const char           *label,
                                   const char           *secret,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean bk_keyring_store_finish  (GAsyncResult         *result,
                                   GError              **error);

void     bk_keyring_lookup_async  (const char           *credential_uuid,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
/* The secret, to be freed with bk_keyring_free_secret() (it wipes the memory) */
char    *bk_keyring_lookup_finish (GAsyncResult         *result,
                                   GError              **error);
void     bk_keyring_free_secret   (char                 *secret);

void     bk_keyring_delete_async  (const char           *credential_uuid,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean bk_keyring_delete_finish (GAsyncResult         *result,
                                   GError              **error);

/* Fails with BK_KEYRING_ERROR_UNAVAILABLE when there is no keyring; never prompts */
void     bk_keyring_check_async   (GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean bk_keyring_check_finish  (GAsyncResult         *result,
                                   GError              **error);

/* Deletes every secret of a counterpart (when it is deleted for good) */
void     bk_keyring_delete_counterpart_async  (const char          *counterpart_uuid,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean bk_keyring_delete_counterpart_finish (GAsyncResult        *result,
                                               GError             **error);

/* Deletes the app's secrets whose credential uuid is not in @known (NULL-terminated): no
 * secret outlives its credential. */
void     bk_keyring_forget_orphans_async  (const char * const   *known,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean bk_keyring_forget_orphans_finish (GAsyncResult         *result,
                                           guint                *n_deleted,
                                           GError              **error);

G_END_DECLS

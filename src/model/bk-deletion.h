/* bk-deletion.h: deleting a counterpart, with an undo until it is final
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_DELETION (bk_deletion_get_type ())

G_DECLARE_FINAL_TYPE (BkDeletion, bk_deletion, BK, DELETION, GObject)

/* Moves the counterpart to the trash (it leaves every list, its notes with it); %NULL when it
 * cannot. From then on the deletion can be undone until it is committed. */
BkDeletion *bk_deletion_new             (BkJournal            *journal,
                                         gint64                counterpart_id,
                                         GError              **error);
BkDeletion *bk_deletion_new_note        (BkJournal            *journal,
                                         gint64                note_id,
                                         GError              **error);
gint64      bk_deletion_get_counterpart_id (BkDeletion        *self);
/* The counterpart's name, to tell the person what was deleted */
const char *bk_deletion_get_name        (BkDeletion           *self);
/* Whether it can still be undone: neither undone nor committed yet */
gboolean    bk_deletion_get_pending     (BkDeletion           *self);

/* Takes the counterpart back out of the trash, as it was. */
gboolean    bk_deletion_undo            (BkDeletion           *self,
                                         GError              **error);
/* Makes the deletion final: the counterpart's secrets leave the keyring, then its rows the
 * journal. Without the keyring the secrets stay for now (bk_access_forget_orphans_async()
 * removes them later). Nothing to do, and success, when the deletion was undone or committed
 * already. */
void        bk_deletion_commit_async    (BkDeletion           *self,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean    bk_deletion_commit_finish   (BkDeletion           *self,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS

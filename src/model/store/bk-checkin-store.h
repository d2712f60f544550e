/* bk-checkin-store.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-checkin.h"
#include "bk-note-store.h"

G_BEGIN_DECLS

#define BK_TYPE_CHECKIN_STORE (bk_checkin_store_get_type ())

G_DECLARE_FINAL_TYPE (BkCheckinStore, bk_checkin_store, BK, CHECKIN_STORE, BkStore)

BkCheckinStore  *bk_checkin_store_new          (BkDatabase      *database,
                                                BkNoteStore     *notes);
GPtrArray       *bk_checkin_store_list_due     (BkCheckinStore  *self,
                                                GDateTime       *due_by,
                                                GError         **error);
GPtrArray       *bk_checkin_store_list         (BkCheckinStore  *self,
                                                gint64           counterpart_id,
                                                GError         **error);
gboolean         bk_checkin_store_reschedule   (BkCheckinStore  *self,
                                                gint64           checkin_id,
                                                GDateTime       *due,
                                                GError         **error);
gboolean         bk_checkin_store_complete     (BkCheckinStore  *self,
                                                gint64           checkin_id,
                                                const char      *note,
                                                GDateTime       *now,
                                                GError         **error);
gboolean         bk_checkin_store_set_notified (BkCheckinStore  *self,
                                                gint64           checkin_id,
                                                GDateTime       *now,
                                                GError         **error);
gboolean         bk_checkin_store_add          (BkCheckinStore  *self,
                                                gint64           counterpart_id,
                                                gint64           run_id,
                                                GDateTime       *due,
                                                GError         **error);
gboolean         bk_checkin_store_import       (BkCheckinStore  *self,
                                                gint64           counterpart_id,
                                                gint64           run_id,
                                                BkCheckin       *checkin,
                                                gint64          *id,
                                                GError         **error);
gboolean         bk_checkin_store_find_by_uuid (BkCheckinStore  *self,
                                                const char      *uuid,
                                                gint64          *id,
                                                GError         **error);

G_END_DECLS

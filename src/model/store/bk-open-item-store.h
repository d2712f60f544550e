/* bk-open-item-store.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-credential-store.h"
#include "bk-open-item.h"

G_BEGIN_DECLS

#define BK_TYPE_OPEN_ITEM_STORE (bk_open_item_store_get_type ())

G_DECLARE_FINAL_TYPE (BkOpenItemStore, bk_open_item_store, BK, OPEN_ITEM_STORE, BkStore)

BkOpenItemStore  *bk_open_item_store_new             (BkDatabase         *database,
                                                      BkCredentialStore  *credentials);
GPtrArray        *bk_open_item_store_list            (BkOpenItemStore    *self,
                                                      gint64              counterpart_id,
                                                      GError            **error);
gboolean          bk_open_item_store_count_unsettled (BkOpenItemStore    *self,
                                                      gint64              counterpart_id,
                                                      guint              *n_items,
                                                      guint              *n_access,
                                                      GError            **error);
guint             bk_open_item_store_count           (BkOpenItemStore    *self,
                                                      gint64              counterpart_id);
gboolean          bk_open_item_store_save            (BkOpenItemStore    *self,
                                                      BkOpenItem         *item,
                                                      GError            **error);
gboolean          bk_open_item_store_settle          (BkOpenItemStore    *self,
                                                      gint64              item_id,
                                                      gboolean            settled,
                                                      GDateTime          *now,
                                                      GError            **error);
gboolean          bk_open_item_store_delete          (BkOpenItemStore    *self,
                                                      gint64              item_id,
                                                      GError            **error);
gboolean          bk_open_item_store_find_by_uuid    (BkOpenItemStore    *self,
                                                      const char         *uuid,
                                                      gint64             *id,
                                                      GError            **error);

G_END_DECLS

/* bk-open-item.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-enums.h"

G_BEGIN_DECLS

#define BK_TYPE_OPEN_ITEM (bk_open_item_get_type ())

G_DECLARE_FINAL_TYPE (BkOpenItem, bk_open_item, BK, OPEN_ITEM, GObject)

/* Something to settle with a counterpart before parting: a value object, saved with
 * bk_journal_save_open_item(). id is 0 until saved. */
BkOpenItem     *bk_open_item_new                (void);
BkOpenItem     *bk_open_item_copy               (BkOpenItem     *self);
gint64          bk_open_item_get_id             (BkOpenItem     *self);
void            bk_open_item_set_id             (BkOpenItem     *self,
                                                 gint64          id);
/* "" until saved (the journal makes one), unless set (an import keeps the file's) */
const char     *bk_open_item_get_uuid           (BkOpenItem     *self);
void            bk_open_item_set_uuid           (BkOpenItem     *self,
                                                 const char     *uuid);
gint64          bk_open_item_get_counterpart_id (BkOpenItem     *self);
void            bk_open_item_set_counterpart_id (BkOpenItem     *self,
                                                 gint64          counterpart_id);
BkOpenItemKind  bk_open_item_get_kind           (BkOpenItem     *self);
void            bk_open_item_set_kind           (BkOpenItem     *self,
                                                 BkOpenItemKind  kind);
const char     *bk_open_item_get_description    (BkOpenItem     *self);
void            bk_open_item_set_description    (BkOpenItem     *self,
                                                 const char     *description);
/* An amount in minor units (cents, kopecks) and its ISO 4217 currency; 0 and "" for none. */
gint64          bk_open_item_get_amount         (BkOpenItem     *self);
void            bk_open_item_set_amount         (BkOpenItem     *self,
                                                 gint64          amount);
const char     *bk_open_item_get_currency       (BkOpenItem     *self);
void            bk_open_item_set_currency       (BkOpenItem     *self,
                                                 const char     *currency);
/* The time of bk_open_item_new() unless set */
GDateTime      *bk_open_item_get_created        (BkOpenItem     *self);
void            bk_open_item_set_created        (BkOpenItem     *self,
                                                 GDateTime      *created);
/* When it was settled, or NULL while open */
GDateTime      *bk_open_item_get_settled        (BkOpenItem     *self);
void            bk_open_item_set_settled        (BkOpenItem     *self,
                                                 GDateTime      *settled);
gboolean        bk_open_item_is_settled         (BkOpenItem     *self);
/* "$1,200.50", "96 000,00 ₽", "¥96,000" as the person's locale writes money, or NULL
 * without an amount */
char           *bk_open_item_dup_amount_text    (BkOpenItem     *self);
/* Reads "1200.50", "1 200,50" or "1,200.50" as minor units; FALSE when it is not an amount. */
gboolean        bk_parse_amount                 (const char     *text,
                                                 gint64         *amount);

G_END_DECLS

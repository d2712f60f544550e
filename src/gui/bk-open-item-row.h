/* bk-open-item-row.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-open-item.h"

G_BEGIN_DECLS

#define BK_TYPE_OPEN_ITEM_ROW (bk_open_item_row_get_type ())

G_DECLARE_FINAL_TYPE (BkOpenItemRow, bk_open_item_row, BK, OPEN_ITEM_ROW, AdwActionRow)

/* An open item to settle: a check box to settle it and a button to remove it. Its actions
 * ("item.settle", "item.unsettle", "item.delete") ask the view for "resolution.settle-item"
 * and "resolution.delete-item" with the item's id. */
BkOpenItemRow *bk_open_item_row_new      (BkOpenItem    *item);
BkOpenItem    *bk_open_item_row_get_item (BkOpenItemRow *self);

G_END_DECLS

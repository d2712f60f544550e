/* bk-row-list.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_ROW_LIST (bk_row_list_get_type ())

G_DECLARE_FINAL_TYPE (BkRowList, bk_row_list, BK, ROW_LIST, GObject)

/* A GListModel of what one counterpart has in one store (its open items, check-ins,
 * credentials or playbook runs), in the store's order. It follows the store's changes of that
 * counterpart and tells only the rows that came, went or changed; a row that changed gets a
 * new item. These lists are short: each write reads the counterpart's rows again. */
BkRowList *bk_row_list_new_open_items  (BkJournal *journal,
                                        gint64     counterpart_id);
BkRowList *bk_row_list_new_checkins    (BkJournal *journal,
                                        gint64     counterpart_id);
BkRowList *bk_row_list_new_credentials (BkJournal *journal,
                                        gint64     counterpart_id);
BkRowList *bk_row_list_new_runs        (BkJournal *journal,
                                        gint64     counterpart_id);

G_END_DECLS

/* bk-client-page.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_CLIENT_PAGE (bk_client_page_get_type ())

G_DECLARE_FINAL_TYPE (BkClientPage, bk_client_page, BK, CLIENT_PAGE, AdwBin)

void           bk_client_page_set_journal     (BkClientPage  *self,
                                               BkJournal     *journal);
BkCounterpart *bk_client_page_get_counterpart (BkClientPage  *self);
void           bk_client_page_set_counterpart (BkClientPage  *self,
                                               BkCounterpart *counterpart);
AdwViewStack  *bk_client_page_get_stack       (BkClientPage  *self);
void           bk_client_page_focus_composer  (BkClientPage  *self);
void           bk_client_page_show_note       (BkClientPage  *self,
                                               gint64         note_id,
                                               const char    *match_markup);

G_END_DECLS

/* bk-window.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"
#include "bk-playbook-library.h"

G_BEGIN_DECLS

#define BK_TYPE_WINDOW (bk_window_get_type ())

G_DECLARE_FINAL_TYPE (BkWindow, bk_window, BK, WINDOW, AdwApplicationWindow)

BkWindow          *bk_window_new           (GtkApplication    *application,
                                           BkJournal         *journal,
                                           BkPlaybookLibrary *playbooks);
BkJournal         *bk_window_get_journal   (BkWindow          *self);
BkPlaybookLibrary *bk_window_get_playbooks (BkWindow          *self);
void       bk_window_show_message  (BkWindow      *self,
                                    const char    *message);
void       bk_window_export_journal (BkWindow     *self,
                                     GFile        *file);
void       bk_window_import_journal (BkWindow     *self,
                                     GFile        *file);
/* A search result (a BkCounterpart with its match): its page, at the note that matched */
void       bk_window_show_search_result (BkWindow      *self,
                                         BkCounterpart *result);
/* The sidebar searching for @text */
void       bk_window_search         (BkWindow     *self,
                                     const char   *text);
void       bk_window_add_toast     (BkWindow      *self,
                                    AdwToast      *toast);
/* Selects and shows a counterpart of the journal, as a click on its row does. */
void       bk_window_show_counterpart (BkWindow   *self,
                                       gint64      id);

/* Shows the follow-ups button when check-ins are due */
void       bk_window_update_followups (BkWindow   *self);
void       bk_window_follow_outside_changes (BkWindow *self);

G_END_DECLS

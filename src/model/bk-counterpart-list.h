/* bk-counterpart-list.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"

G_BEGIN_DECLS

#define BK_TYPE_COUNTERPART_LIST (bk_counterpart_list_get_type ())

G_DECLARE_FINAL_TYPE (BkCounterpartList, bk_counterpart_list, BK, COUNTERPART_LIST, GObject)

/* A GListModel of BkCounterpart, sorted by name, that reads rows from the journal a page at a
 * time as they are asked for: showing it costs the same for 10 counterparts or 10,000.
 *
 * With a search query it lists the counterparts whose name, organisation, tags or notes match
 * (prefix matching, case and diacritics folded), best match first, and each item carries the
 * matching words (bk_counterpart_get_match_markup()). It follows the journal's changes itself. */
BkCounterpartList *bk_counterpart_list_new           (BkJournal          *journal);
BkJournal         *bk_counterpart_list_get_journal   (BkCounterpartList  *self);
const char        *bk_counterpart_list_get_query     (BkCounterpartList  *self);
void               bk_counterpart_list_set_query     (BkCounterpartList  *self,
                                                      const char         *query);
/* -1 for every status */
int                bk_counterpart_list_get_status_filter (BkCounterpartList *self);
void               bk_counterpart_list_set_status_filter (BkCounterpartList *self,
                                                          int                status);
/* The position of the counterpart with this id, or G_MAXUINT when it is not in the list. */
guint              bk_counterpart_list_find          (BkCounterpartList  *self,
                                                      gint64              id);

/* Turns what a person types into an FTS5 query: every word must match, the last as a prefix
 * (all of them, in fact, so that "mar ivan" finds "Maria Ivanova"), and "quoted words" as a
 * phrase. NULL when nothing is left. */
char              *bk_search_query_from_text         (const char         *text);

G_END_DECLS

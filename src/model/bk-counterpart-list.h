/* bk-counterpart-list.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"
#include "bk-search.h"

G_BEGIN_DECLS

#define BK_TYPE_COUNTERPART_LIST (bk_counterpart_list_get_type ())

G_DECLARE_FINAL_TYPE (BkCounterpartList, bk_counterpart_list, BK, COUNTERPART_LIST, GObject)

/* A GListModel of BkCounterpart, sorted by name, that reads rows from the journal a page at a
 * time as they are asked for: showing it costs the same for 10 counterparts or 10,000.
 *
 * With a search query it lists the counterparts whose name, organisation, tags or notes match
 * (words by their stem, the last as a prefix; see BkSearch): those matched by their own name,
 * organisation or tags first, then by a note, newest first; each item carries the matching words
 * (bk_counterpart_get_match_markup()). The search is read off the main thread a page at a
 * time, the next page as the end of the list is asked for. It follows the journal's changes
 * itself. */
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

/* Whether a search is being read (off the main thread): see BkCounterpartList:searching */
gboolean           bk_counterpart_list_get_searching (BkCounterpartList  *self);
void               bk_counterpart_list_load_more     (BkCounterpartList  *self);
void               bk_counterpart_list_reload        (BkCounterpartList  *self);

G_END_DECLS

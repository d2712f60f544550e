/* bk-search.h: searching the journal off the main thread, a page at a time
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-journal.h"
#include "bk-playbook-library.h"

G_BEGIN_DECLS

#define BK_TYPE_SEARCHER (bk_searcher_get_type ())
#define BK_TYPE_SEARCH (bk_search_get_type ())

G_DECLARE_FINAL_TYPE (BkSearcher, bk_searcher, BK, SEARCHER, GObject)
G_DECLARE_FINAL_TYPE (BkSearch, bk_search, BK, SEARCH, GObject)

/* Runs searches of @journal's file one after another, on a thread and a read-only connection
 * of its own (opened at the first search): a search never makes the main loop wait, and the
 * journal's own connection stays free. @playbooks (nullable) words the progress notes found. */
BkSearcher *bk_searcher_new              (BkJournal           *journal,
                                          BkPlaybookLibrary   *playbooks);
/* One search for @fts_query (see bk_search_query_from_text()), of counterparts of @status
 * (nullable: any); it reads nothing until a page is asked for. */
BkSearch   *bk_searcher_search           (BkSearcher          *self,
                                          const char          *fts_query,
                                          const char          *status);

/* Turns what a person types into an FTS5 query: every word must match, the last as a prefix
 * (all of them, in fact, so that "mar ivan" finds "Maria Ivanova"), and "quoted words" as a
 * phrase. NULL when nothing is left. */
char       *bk_search_query_from_text    (const char          *text);

const char *bk_search_get_fts_query      (BkSearch            *self);
/* Every page has been read. */
gboolean    bk_search_is_done            (BkSearch            *self);
/* The next @limit results (BkCounterpart, each with its match: see
 * bk_counterpart_get_match_markup()), on the searcher's thread. Pages of one search come one at
 * a time, in order; cancelling one stops it within milliseconds, even amid a query. */
void        bk_search_next_page_async    (BkSearch            *self,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *bk_search_next_page_finish   (BkSearch            *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* As bk_search_next_page_async(), in the calling thread (the command line), on the searcher's
 * connection: never while a page is read on its thread. */
GPtrArray  *bk_search_next_page          (BkSearch            *self,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_END_DECLS

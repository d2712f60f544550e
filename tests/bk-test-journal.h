/* bk-test-journal.h: what the tests share to build journals and look at them.
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-playbook-library.h"

G_BEGIN_DECLS

/* Folders and files */
char              *bk_test_make_tmp_dir           (void);
void               bk_test_remove_tree            (const char          *path);
const char        *bk_test_source_root            (void);
void               bk_test_write_file             (const char          *dir,
                                                   const char          *name,
                                                   const char          *contents);
GBytes            *bk_test_read_bytes_or_null     (const char          *path);
gboolean           bk_test_bytes_contain          (GBytes              *bytes,
                                                   const char          *needle);
gboolean           bk_test_file_contains          (const char          *path,
                                                   const char          *needle);
char              *bk_test_run_tool               (const char * const  *argv);

/* Journals */
BkJournal         *bk_test_open_journal           (const char          *path);
void               bk_test_load_sql_fixture       (const char          *path,
                                                   const char          *name);
gint64             bk_test_db_query_int           (sqlite3             *db,
                                                   const char          *sql);
char              *bk_test_db_query_text          (sqlite3             *db,
                                                   const char          *sql);
gint64             bk_test_query_int              (BkJournal           *journal,
                                                   const char          *sql);
gint64             bk_test_file_query_int         (const char          *path,
                                                   const char          *sql);

/* What a journal holds */
void               bk_test_save_counterpart       (BkJournal           *journal,
                                                   BkCounterpart       *counterpart);
BkCounterpart     *bk_test_add_counterpart        (BkJournal           *journal,
                                                   const char          *name);
void               bk_test_save_note              (BkJournal           *journal,
                                                   BkNote              *note);
BkNote            *bk_test_add_note               (BkJournal           *journal,
                                                   gint64               counterpart_id,
                                                   const char          *text);
BkCredential      *bk_test_add_credential         (BkJournal           *journal,
                                                   BkCounterpart       *counterpart,
                                                   const char          *label,
                                                   const char          *username,
                                                   const char          *url);

/* Playbooks */
BkPlaybookLibrary *bk_test_load_playbooks         (const char          *dir,
                                                   const char          *first_xml,
                                                   ...) G_GNUC_NULL_TERMINATED;
BkPlaybookLibrary *bk_test_load_shipped_playbooks (void);

/* Signal handlers that count what a signal says */
void               bk_test_count_cb               (gpointer             instance,
                                                   guint               *count);
void               bk_test_count_id_cb            (gpointer             instance,
                                                   gint64               id,
                                                   guint               *count);
void               bk_test_id_cb                  (gpointer             instance,
                                                   gint64               id,
                                                   gint64              *last);

void               bk_test_store_count_cb         (gpointer             store,
                                                   BkChange             change,
                                                   gint64               id,
                                                   gint64               counterpart_id,
                                                   guint               *count);
void               bk_test_store_counterpart_cb   (gpointer             store,
                                                   BkChange             change,
                                                   gint64               id,
                                                   gint64               counterpart_id,
                                                   gint64              *last);

/* Sets @list's query and runs the main loop until the search (off the main thread) is shown */
void               bk_test_list_set_query         (BkCounterpartList   *list,
                                                   const char          *query);
/* Runs the main loop until @list is no longer searching (after a write, say) */
void               bk_test_list_wait              (BkCounterpartList   *list);

G_END_DECLS

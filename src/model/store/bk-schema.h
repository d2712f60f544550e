/* bk-schema.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-database.h"

G_BEGIN_DECLS

/* The schema version this build writes (PRAGMA user_version). */
#define BK_SCHEMA_VERSION 8

/* What bk_schema_inspect() found in a journal */
typedef struct
{
  gint64 version;
  gint64 n_counterparts;
  gint64 n_notes;
} BkJournalFacts;

BkDatabase *bk_schema_open            (const char  *path,
                                       gboolean     check_first,
                                       GError     **error);
/* A second connection, read-only, to a journal opened (and so migrated) already */
BkDatabase *bk_schema_open_read_only  (const char  *path,
                                       GError     **error);
gboolean    bk_schema_check_integrity (const char  *path,
                                       GError     **error);
gboolean    bk_schema_set_aside       (const char  *path,
                                       char       **new_path,
                                       GError     **error);

gboolean    bk_schema_defer_note_indexing  (BkDatabase  *database,
                                            gint64      *mark,
                                            GError     **error);
gboolean    bk_schema_index_deferred_notes (BkDatabase  *database,
                                            gint64       mark,
                                            GError     **error);

GPtrArray  *bk_schema_find_words           (BkDatabase  *database,
                                            const char  *word,
                                            guint        limit,
                                            GError     **error);
char       *bk_schema_fold_word            (BkDatabase  *database,
                                            const char  *text,
                                            GError     **error);
gboolean    bk_schema_forget_unused_words  (BkDatabase  *database,
                                            GError     **error);

gboolean    bk_schema_copy                 (const char      *path,
                                            const char      *dest_path,
                                            GError         **error);
gboolean    bk_schema_inspect              (const char      *path,
                                            gboolean         check,
                                            BkJournalFacts  *facts,
                                            GError         **error);
gint64      bk_schema_read_version         (const char      *path);
gboolean    bk_schema_is_journal_writable  (const char      *path);
char       *bk_schema_keep_foreign_log_aside (const char    *path);

G_END_DECLS

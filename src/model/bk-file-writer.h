/* bk-file-writer.h: writing a file a person asked for, whole or not at all
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file being written: a hidden sibling ".NAME.bridgekeeper-partial-XXXXXX" (private, 0600)
 * until bk_file_writer_commit() syncs it to the disk and renames it over @path, then syncs the
 * folder. A symbolic link at @path stays: its target is what is replaced. Partial files left
 * by a writer that was killed are removed when the next one begins in that folder. */
typedef struct _BkFileWriter BkFileWriter;

BkFileWriter *bk_file_writer_begin  (const char    *path,
                                     GError       **error);
int           bk_file_writer_get_fd (BkFileWriter  *self);
/* the file written: @path, or the target of the link at @path */
const char   *bk_file_writer_get_path (BkFileWriter *self);
gboolean      bk_file_writer_commit (BkFileWriter  *self,
                                     GError       **error);
void          bk_file_writer_abort  (BkFileWriter  *self);

/* For what is written otherwise (a copy made by SQLite): the same naming, the same tidying */
char         *bk_file_writer_dup_partial_path (const char *path);
void          bk_file_writer_remove_stale     (const char *folder);

G_END_DECLS

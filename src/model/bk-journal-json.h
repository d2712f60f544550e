/* bk-journal-json.h
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

/* The newest format version this build writes; older ones keep importing. */
#define BK_JSON_FORMAT_VERSION 4

typedef struct
{
  guint counterparts_added;
  guint notes_added;
  /* entries whose uuid is already in the journal are left as they are */
  guint counterparts_skipped;
  guint notes_skipped;
  /* format version 2: playbook runs (with their steps), open items, check-ins */
  guint runs_added;
  guint open_items_added;
  guint checkins_added;
  guint runs_skipped;
  guint open_items_skipped;
  guint checkins_skipped;
  /* format version 3: the metadata of credentials (their secrets are never in a file) */
  guint credentials_added;
  guint credentials_skipped;
} BkImportSummary;

/* Writes the whole journal (private notes included: it is the person's own backup) to a file,
 * atomically: a failure never leaves half a file. */
gboolean bk_journal_export_json (BkJournal         *self,
                                 BkPlaybookLibrary *playbooks,
                                 GFile             *file,
                                 GError           **error);

/* Adds the file's counterparts and notes (and, from version 2, playbook runs, open items and
 * check-ins; from version 3, credentials' metadata and the history of health), all or nothing. On a bad file the error message says what is wrong and where
 * (e.g. "counterparts[2].notes[0].created: …"), and the journal is left unchanged. The error
 * domain is BK_DATABASE_ERROR (INVALID for a bad file). */
gboolean bk_journal_import_json (BkJournal        *self,
                                 GFile            *file,
                                 BkImportSummary  *summary,
                                 GError          **error);

/* As bk_journal_import_json(), in a thread on a connection of its own, so that the main loop
 * never waits for it. Meanwhile @self refuses writes (its database is "busy"); when it is done,
 * @self's stores tell what was added, as if it had been written through them. */
void     bk_journal_import_json_async  (BkJournal            *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean bk_journal_import_json_finish (BkJournal            *self,
                                        GAsyncResult         *result,
                                        BkImportSummary      *summary,
                                        GError              **error);

G_END_DECLS

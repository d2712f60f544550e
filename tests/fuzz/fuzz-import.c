/* fuzz-import.c: the JSON importer, fed what libFuzzer makes of real exports
 *
 * Every input is written to a file and imported into one journal: whatever it holds, the
 * import either succeeds or says what is wrong, and never crashes, hangs or leaks.
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include <glib/gstdio.h>

#include "bk-journal.h"
#include "bk-journal-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static BkJournal *journal;
static char *input_path;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (!(dir = g_dir_make_tmp ("bk-fuzz-import-XXXXXX", &error)))
    g_error ("%s", error->message);
  path = g_build_filename (dir, "journal.db", NULL);
  input_path = g_build_filename (dir, "input.json", NULL);

  if (!(journal = bk_journal_open (path, &error)))
    g_error ("%s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;

  if (journal == NULL)
    set_up ();

  if (!g_file_set_contents (input_path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  file = g_file_new_for_path (input_path);
  if (!bk_journal_import_json (journal, file, &summary, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }

  /* emptied again: an import into a journal that holds anything backs it up first, which
   * would fill the disk with backups */
  if (!bk_database_exec (bk_journal_get_database (journal), "DELETE FROM counterparts", &error))
    g_error ("%s", error->message);

  return 0;
}

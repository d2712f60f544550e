/* bench-journals.h: where bench-startup keeps the journals the other benchmarks use
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-schema.h"

/* Part of the cached journals' names: change it whenever bench-startup's fill_journal()
 * changes, so that a journal made the old way is never measured as a new one. */
#define BK_BENCH_JOURNAL_VERSION 2

/* The cached journal @name ("journal-10k", "journal-50k"), in the build folder */
static inline char *
bk_bench_journal_path (const char *name)
{
  return g_strdup_printf ("%s/%s-v%d-s%d.db", BK_BENCH_CACHE_DIR, name, BK_BENCH_JOURNAL_VERSION,
                          BK_SCHEMA_VERSION);
}

/* A copy of the cached journal @name in @dir, as @basename, for a benchmark to change: its path,
 * or %NULL (said why) when bench-startup has not built it yet */
static inline char *
bk_bench_copy_journal (const char *name,
                       const char *dir,
                       const char *basename)
{
  g_autofree char *cached = bk_bench_journal_path (name);
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (cached);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!g_file_test (cached, G_FILE_TEST_IS_REGULAR))
    {
      g_print ("No %s at %s: run the startup benchmark first.\n", name, cached);
      return NULL;
    }

  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&path);
}

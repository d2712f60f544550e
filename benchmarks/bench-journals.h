/* bench-journals.h: where bench-startup keeps the journals the other benchmarks use
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

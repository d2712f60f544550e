/* bench-search.c: how soon a search's first page is there, against the raw FTS5 query that
 * only finds the same number of rows (no owners, no trash, no snippets): p50 and p95 over 30
 * runs of each query, on the 10,000-client / 200,000-note journal that bench-startup builds
 * (and on a 50,000 / 1,000,000 one when it is in the build folder). Goal: p95 ≤ 16 ms and no
 * more than 3× the raw query. Runs after bench-startup:
 *   build-aux/test --benchmark startup search
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-journals.h"

#include <locale.h>
#include <stdlib.h>

#include "bk-journal.h"
#include "bk-search.h"

#define N_RUNS 30
/* the sidebar's first page (SEARCH_PAGE in bk-counterpart-list.c) */
#define PAGE   20

static const struct {
  const char *label;
  const char *text;
} queries[] = {
  { "rare word", "quetzal" },
  { "common word", "invoice" },
  { "1-letter prefix", "i" },
  { "2-letter prefix", "in" },
  { "3-letter prefix", "inv" },
  { "Cyrillic word", "оплата" },
  { "phrase", "\"talked about\"" },
  { "two words", "deadline budget" },
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
percentiles (double *ms,
             double *p50,
             double *p95)
{
  qsort (ms, N_RUNS, sizeof *ms, compare_doubles);
  *p50 = ms[N_RUNS / 2];
  *p95 = ms[(N_RUNS * 95 + 99) / 100 - 1];
}

/* The raw query: FTS5 alone, the first PAGE rows it finds */
static double
time_raw (sqlite3    *db,
          const char *fts_query)
{
  sqlite3_stmt *stmt = NULL;
  double start = now_ms ();
  int n = 0;

  if (sqlite3_prepare_v2 (db, "SELECT rowid FROM search_index WHERE search_index MATCH ?1 LIMIT ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, PAGE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);

  return now_ms () - start;
}

/* The first page, as the window's list asks for it (on the calling thread here) */
static double
time_first_page (BkSearcher *searcher,
                 const char *fts_query,
                 guint      *n_found)
{
  g_autoptr(BkSearch) search = bk_searcher_search (searcher, fts_query, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  double ms;

  if (!(items = bk_search_next_page (search, PAGE, NULL, &error)))
    g_error ("%s", error->message);
  ms = now_ms () - start;
  *n_found = items->len;

  return ms;
}

static void
bench_journal (const char *name)
{
  g_autofree char *path = bk_bench_journal_path (name);
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkJournal) reader = NULL;
  g_autoptr(BkSearcher) searcher = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_print ("%s: not in the build folder (%s): skipped\n", name, path);
      return;
    }

  if (!(journal = bk_journal_open_full (path, BK_JOURNAL_OPEN_DEFER_CHECK, &error)) ||
      !(reader = bk_journal_open_full (path, BK_JOURNAL_OPEN_READ_ONLY, &error)))
    g_error ("%s", error->message);
  db = bk_database_get_handle (bk_journal_get_database (reader));
  searcher = bk_searcher_new (journal, NULL);

  g_print ("%s: time to the first page of %d results, ms (p50 / p95 of %d runs)\n", name, PAGE, N_RUNS);
  g_print ("  %-18s %-22s %8s %8s %8s %8s %7s %6s\n", "", "query", "p50", "p95", "raw p50",
           "raw p95", "p95 x", "found");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *fts_query = bk_search_query_from_text (queries[q].text);
      double ours[N_RUNS], raw[N_RUNS];
      double p50, p95, raw_p50, raw_p95;
      guint n_found = 0;

      /* once each to warm the caches, as a person's second keystroke finds them */
      time_raw (db, fts_query);
      time_first_page (searcher, fts_query, &n_found);

      for (guint i = 0; i < N_RUNS; i++)
        {
          raw[i] = time_raw (db, fts_query);
          ours[i] = time_first_page (searcher, fts_query, &n_found);
        }

      percentiles (ours, &p50, &p95);
      percentiles (raw, &raw_p50, &raw_p95);
      g_print ("  %-18s %-22s %8.2f %8.2f %8.2f %8.2f %7.1f %6u\n", queries[q].label,
               queries[q].text, p50, p95, raw_p50, raw_p95, p95 / MAX (raw_p95, 0.01), n_found);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* for g_print() of the Cyrillic query */
  setlocale (LC_ALL, "");

  bench_journal ("journal-10k");
  bench_journal ("journal-50k");

  return 0;
}

/* bench-startup.c: what start-up and opening a client cost with 10,000 counterparts and
 * 200,000 notes, next to a journal of 100 and 1,000: showing the window must not grow with the
 * journal (issue 2).
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-bench-startup"

#include "config.h"

#include "bench-journals.h"

#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-note-list.h"



#define N_RUNS      9
#define N_SLOW_RUNS 5

/* What the window shows at first: a screenful of the list, of a client's notes */
#define N_SHOWN_COUNTERPARTS 30
#define N_SHOWN_NOTES        20

#define COMMON_WORD "invoice"
#define RARE_WORD   "quetzal"


typedef struct
{
  const char *name;
  guint       n_counterparts;
  guint       n_notes;
  /* counterparts with a fixed number of notes, each, at these positions (by id) */
  guint       n_busy;
  guint       busy_counts[5];
} JournalSpec;

static const JournalSpec big_spec = {
  "journal-10k", 10000, 200000, 5, { 4000, 3000, 2500, 2200, 2000 },
};

/* Built only with BK_BENCH_HUGE=1 (it takes minutes), for the benchmarks that compare growth:
 * bench-search, bench-search-typing */
static const JournalSpec huge_spec = {
  "journal-50k", 50000, 1000000, 5, { 4000, 3000, 2500, 2200, 2000 },
};

static const JournalSpec small_spec = {
  "journal-100", 100, 1000, 0, { 0 },
};

typedef struct
{
  const JournalSpec *spec;
  char              *path;
  double             build_seconds;  /* 0 when it came from the cache */
  BkJournal         *journal;
  gint64             busiest_id;
  guint              busiest_n_notes;
  gint64             middle_id;
  guint              middle_position;
  gint64             page_count;
  gint64             page_size;
  gboolean           cold;
  /* print_work(): the counters start with the timed part */
  gboolean           counting;
} Bench;

typedef struct
{
  double first;
  double median;
  double min;
  double max;
} Figure;

/* One run; returns the milliseconds of the part it times (its set-up is not timed). */
typedef double (*RunFunc) (Bench *bench);

typedef struct
{
  char    *label;
  Figure   big;
  Figure   small;
  gboolean has_small;
  /* how the row may grow with the journal, or NULL when it must not */
  char    *expected;
} Row;

static GPtrArray *rows;
/* Every statement seen running, by SQL: its number is its index + 1 ("S3") */
static GPtrArray *statements;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void reset_work (sqlite3 *db);

/* Where a run's timed part starts: SQLite's work is counted from here too */
static double
start_timing (Bench *bench)
{
  if (bench->counting)
    reset_work (bk_database_get_handle (bk_journal_get_database (bench->journal)));

  return now_ms ();
}

/* Setup ****************************************************************************************/

static const char *const first_names[] = {
  "Anna", "Ben", "Chloé", "David", "Elena", "Felix", "Grace", "Hugo", "Ines", "Jonas",
  "Karin", "Liam", "Maria", "Noah", "Olga", "Pablo", "Rosa", "Sven", "Tara", "Umar",
  "Vera", "Wim", "Xenia", "Yusuf", "Zoé", "Émile", "Анна", "Борис", "Ёжи", "Йоанна",
  "Дмитрий", "Елена", "Игорь", "Мария", "Олег", "Светлана",
};

static const char *const last_names[] = {
  "Andersen", "Baker", "Castillo", "Dubois", "Eriksson", "Fischer", "García", "Hoffmann",
  "Ivanova", "Jensen", "Kowalski", "Lambert", "Müller", "Nakamura", "O'Brien", "Petrov",
  "Quinn", "Rossi", "Schmidt", "Tanaka", "Urban", "Valdés", "Weber", "Xu", "Yilmaz", "Zimmer",
  "Иванов", "Кузнецова", "Смирнов", "Попова", "Соколов", "Лебедева", "Йорданов", "Ёлкин",
};

static const char *const organizations[] = {
  "", "Example Ltd", "Acme GmbH", "Northwind", "Blue Harbour", "Studio Nord", "ООО Ромашка",
  "Fabrikam", "Contoso", "Tailspin", "Litware", "Proseware", "Wide World Importers",
};

static const char *const business_words[] = {
  "call", "deadline", "scope", "handover", "feedback", "contract", "meeting", "delivery",
  "revision", "payment", "budget", "design", "review", "access", "backup", "agreed", "sent",
  "asked", "about", "the", "and", "for", "with", "next", "week", "draft", "launch", "staging",
  /* Russian, in several forms of a word, for the search's stems */
  "оплата", "оплатил", "оплаты", "счёт", "счета", "договор", "встреча", "макеты",
};

/* Made-up words (no "q", so that none starts like RARE_WORD): a vocabulary the size of a real
 * journal's, so that the search index is as deep as a real one */
static const char *const syllables[] = {
  "ka", "lo", "mi", "ne", "ro", "sa", "tu", "vi", "de", "ga", "ha", "jo", "be", "fu", "pi",
  "zo", "re", "an", "el", "or", "un", "is", "ter", "mon", "bar", "lin", "dor", "sel",
};

static char *
make_word (guint n)
{
  GString *word = g_string_new (NULL);
  guint n_syllables = 2 + n % 3;

  for (guint i = 0; i < n_syllables; i++)
    {
      g_string_append (word, syllables[n % G_N_ELEMENTS (syllables)]);
      n = n / G_N_ELEMENTS (syllables) + 7 * i + 1;
    }

  return g_string_free (word, FALSE);
}

/* A line, a paragraph, now and then a page; COMMON_WORD in about a quarter of the notes,
 * RARE_WORD in three. */
static char *
make_note_text (GRand      *rand,
                GPtrArray  *vocabulary,
                guint       i)
{
  GString *text = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 5, 45);

  if (i % 40 == 0)
    n_words = 200;

  g_string_append (text, "Talked");
  for (guint w = 0; w < n_words; w++)
    {
      g_string_append_c (text, ' ');
      if (g_rand_int_range (rand, 0, 2) == 0)
        g_string_append (text,
                         business_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (business_words))]);
      else
        g_string_append (text,
                         g_ptr_array_index (vocabulary,
                                            g_rand_int_range (rand, 0, vocabulary->len)));
    }
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append (text, " " COMMON_WORD);
  if (i % 66667 == 12345)
    g_string_append (text, " " RARE_WORD);
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

/* How many notes each counterpart (by index) gets: a few busy ones with thousands, the rest
 * skewed, many with a handful, some with none. */
static guint *
spread_notes (const JournalSpec *spec,
              GRand             *rand)
{
  guint *counts = g_new0 (guint, spec->n_counterparts);
  guint n_left = spec->n_notes;

  for (guint b = 0; b < spec->n_busy; b++)
    {
      guint index = (b * 2 + 1) * spec->n_counterparts / (spec->n_busy * 2);

      counts[index] = spec->busy_counts[b];
      n_left -= spec->busy_counts[b];
    }

  for (guint n = 0; n < n_left; n++)
    {
      double u = g_rand_double (rand);
      guint index = (guint) (spec->n_counterparts * pow (u, 1.5));

      counts[MIN (index, spec->n_counterparts - 1)]++;
    }

  return counts;
}

static void
fill_journal (BkJournal         *journal,
              const JournalSpec *spec)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  g_autoptr(GPtrArray) vocabulary = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), spec->n_counterparts);
  g_autofree guint *counts = NULL;
  g_autofree guint *order = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (vocabulary, make_word (i * 7919));

  if (!bk_database_begin (bk_journal_get_database (journal), &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < spec->n_counterparts; i++)
    {
      g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (1577836800 + (gint64) i * 3600);
      g_autofree char *name = NULL;
      gint64 id;

      name = g_strdup_printf ("%s %s",
                              first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                              last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
      bk_counterpart_set_name (counterpart, name);
      bk_counterpart_set_organization (counterpart,
                                       organizations[g_rand_int_range (rand, 0,
                                                                       G_N_ELEMENTS (organizations))]);
      bk_counterpart_set_kind (counterpart, i % 4 == 0 ? BK_COUNTERPART_KIND_VENDOR
                                                       : BK_COUNTERPART_KIND_CLIENT);
      bk_counterpart_set_status (counterpart,
                                 (BkCounterpartStatus) (i % 7 < 4 ? 0 : i % BK_COUNTERPART_N_STATUSES));
      bk_counterpart_set_health (counterpart, 1 + i % 5);
      bk_counterpart_set_created (counterpart, created);
      if (!bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error))
        g_error ("%s", error->message);

      id = bk_counterpart_get_id (counterpart);
      g_array_append_val (ids, id);
    }

  /* Notes come over the years in no order of counterpart, as in a real journal: one
   * counterpart's notes are spread over the whole table. */
  counts = spread_notes (spec, rand);
  order = g_new (guint, spec->n_notes);
  for (guint c = 0; c < spec->n_counterparts; c++)
    for (guint k = 0; k < counts[c]; k++)
      order[n++] = c;
  g_assert_cmpuint (n, ==, spec->n_notes);
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }

  for (guint i = 0; i < spec->n_notes; i++)
    {
      g_autoptr(BkNote) note = bk_note_new ();
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (1609459200 + (gint64) i * 800);
      g_autofree char *text = make_note_text (rand, vocabulary, i);

      bk_note_set_counterpart_id (note, g_array_index (ids, gint64, order[i]));
      bk_note_set_kind (note, (BkNoteKind) (i % BK_NOTE_N_USER_KINDS));
      bk_note_set_created (note, created);
      bk_note_set_text (note, text);
      if (!bk_note_store_save (bk_journal_get_notes (journal), note, &error))
        g_error ("%s", error->message);
    }

  if (!bk_database_commit (bk_journal_get_database (journal), &error))
    g_error ("%s", error->message);
}

/* The journal of @spec from the build folder, built first when it is not there yet */
static char *
ensure_journal (const JournalSpec *spec,
                double            *build_seconds)
{
  g_autofree char *path = bk_bench_journal_path (spec->name);
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  double start;

  *build_seconds = 0;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  g_print ("Building %s (%u counterparts, %u notes)...\n",
           path, spec->n_counterparts, spec->n_notes);

  if (!(dir = g_dir_make_tmp ("bk-bench-startup-XXXXXX", &error)))
    g_error ("%s", error->message);
  tmp_path = g_build_filename (dir, "journal.db", NULL);

  start = now_ms ();
  if (!(journal = bk_journal_open (tmp_path, &error)))
    g_error ("%s", error->message);
  fill_journal (journal, spec);
  /* closing checkpoints the WAL into the file: one file to move */
  g_clear_object (&journal);
  *build_seconds = (now_ms () - start) / 1000.0;

  source = g_file_new_for_path (tmp_path);
  target = g_file_new_for_path (path);
  if (!g_file_move (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_rmdir (dir);

  g_print ("Built %s in %.1f s\n", path, *build_seconds);

  return g_steal_pointer (&path);
}

/* Asks the kernel to forget the file's cached pages, so that the next read comes from the
 * disk: as cold as a start-up after a reboot, as far as a benchmark can make it. */
static void
drop_file_cache (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0)
    return;

  fdatasync (fd);
  posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
  close (fd);
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return sqlite3_column_int64 (stmt, 0);
}

/* What the runs look for: the busiest client, one in the middle of the list */
static void
bench_open (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  guint n;

  if (!(bench->journal = bk_journal_open (bench->path, &error)))
    g_error ("%s", error->message);
  db = bk_database_get_handle (bk_journal_get_database (bench->journal));

  n = bk_counterpart_store_count (bk_journal_get_counterparts (bench->journal));
  bench->busiest_id = query_int (db,
                                 "SELECT counterpart_id FROM notes WHERE trashed = 0"
                                 " GROUP BY counterpart_id ORDER BY count(*) DESC LIMIT 1",
                                 0);
  bench->busiest_n_notes = query_int (db,
                                      "SELECT count(*) FROM notes"
                                      " WHERE counterpart_id = ?1 AND trashed = 0",
                                      bench->busiest_id);
  bench->middle_position = n / 2;
  bench->middle_id = query_int (db,
                                "SELECT id FROM counterparts WHERE trashed = 0"
                                " ORDER BY sort_key, id LIMIT 1 OFFSET ?1",
                                bench->middle_position);
  bench->page_count = query_int (db, "PRAGMA page_count", 0);
  bench->page_size = query_int (db, "PRAGMA page_size", 0);
}

/* Timing *****************************************************************************************/

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static Figure
measure (Bench   *bench,
         guint    n_runs,
         RunFunc  run)
{
  g_autofree double *ms = g_new (double, n_runs);
  Figure figure;

  for (guint i = 0; i < n_runs; i++)
    ms[i] = run (bench);

  figure.first = ms[0];
  qsort (ms, n_runs, sizeof (double), compare_doubles);
  figure.median = ms[n_runs / 2];
  figure.min = ms[0];
  figure.max = ms[n_runs - 1];

  return figure;
}

static Row *
add_row (const char *label,
         const char *expected)
{
  Row *row = g_new0 (Row, 1);

  row->label = g_strdup (label);
  row->expected = g_strdup (expected);
  g_ptr_array_add (rows, row);

  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->expected);
  g_free (row);
}

static Row *
find_row (const char *label)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->label, label))
        return row;
    }

  return NULL;
}

/* Measures @run on @bench into the row @label, made on the big journal's pass and filled in on
 * the small one's. */
static void
measure_row (Bench      *bench,
             guint       n_runs,
             const char *label,
             const char *expected,
             RunFunc     run)
{
  Row *row = find_row (label);

  if (row == NULL)
    row = add_row (label, expected);

  if (bench->spec == &big_spec)
    {
      row->big = measure (bench, n_runs, run);
    }
  else
    {
      row->small = measure (bench, n_runs, run);
      row->has_small = TRUE;
    }
}

/* (a) */
static double
run_journal_open (Bench *bench)
{
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  double start;

  if (bench->cold)
    drop_file_cache (bench->path);

  start = now_ms ();
  journal = bk_journal_open (bench->path, &error);
  if (journal == NULL)
    g_error ("%s", error->message);

  return now_ms () - start;
}

static double
run_quick_check (Bench *bench)
{
  sqlite3 *db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double start;
  double ms;
  int rc;

  if (bench->cold)
    drop_file_cache (bench->path);

  start = now_ms ();
  if (sqlite3_open_v2 (bench->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("quick_check: %s", sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        g_error ("quick_check: %s", sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    g_error ("quick_check: %s", sqlite3_errmsg (db));
  ms = now_ms () - start;

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  return ms;
}

static void
read_items (GListModel *model,
            guint       from,
            guint       n)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = from; i < MIN (from + n, n_items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
    }
}

/* (b) */
static double
run_list_new (Bench *bench)
{
  g_autoptr(BkCounterpartList) list = NULL;
  double start = start_timing (bench);

  list = bk_counterpart_list_new (bench->journal);
  g_list_model_get_n_items (G_LIST_MODEL (list));

  return now_ms () - start;
}

static double
run_list_first (Bench *bench)
{
  g_autoptr(BkCounterpartList) list = bk_counterpart_list_new (bench->journal);
  double start = start_timing (bench);

  read_items (G_LIST_MODEL (list), 0, N_SHOWN_COUNTERPARTS);

  return now_ms () - start;
}

static double
run_show_window (Bench *bench)
{
  g_autoptr(BkCounterpartList) list = NULL;
  double start = start_timing (bench);

  list = bk_counterpart_list_new (bench->journal);
  read_items (G_LIST_MODEL (list), 0, N_SHOWN_COUNTERPARTS);

  return now_ms () - start;
}

/* (c) */
static double
run_list_last (Bench *bench)
{
  g_autoptr(BkCounterpartList) list = bk_counterpart_list_new (bench->journal);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  double start = start_timing (bench);

  read_items (G_LIST_MODEL (list), n_items - MIN (n_items, N_SHOWN_COUNTERPARTS),
              N_SHOWN_COUNTERPARTS);

  return now_ms () - start;
}

static double
run_list_find (Bench *bench)
{
  g_autoptr(BkCounterpartList) list = bk_counterpart_list_new (bench->journal);
  double start = start_timing (bench);
  guint position = bk_counterpart_list_find (list, bench->middle_id);
  double ms = now_ms () - start;

  g_assert_cmpuint (position, ==, bench->middle_position);

  return ms;
}

/* (d) */
static double
run_open_client (Bench *bench)
{
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(BkNoteList) notes = NULL;
  g_autoptr(GError) error = NULL;
  double start = start_timing (bench);
  double ms;

  counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (bench->journal), bench->busiest_id, &error);
  g_assert_no_error (error);
  notes = bk_note_list_new (bench->journal, bench->busiest_id);
  read_items (G_LIST_MODEL (notes), 0, N_SHOWN_NOTES);
  ms = now_ms () - start;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notes)), ==, bench->busiest_n_notes);

  return ms;
}

/* (e) */
static double
run_search (Bench      *bench,
            const char *query)
{
  g_autoptr(BkCounterpartList) list = bk_counterpart_list_new (bench->journal);
  double start = start_timing (bench);
  double ms;

  /* until the first page is shown: the search runs on a thread of its own */
  bk_counterpart_list_set_query (list, query);
  while (bk_counterpart_list_get_searching (list))
    g_main_context_iteration (NULL, TRUE);
  read_items (G_LIST_MODEL (list), 0, N_SHOWN_COUNTERPARTS);
  ms = now_ms () - start;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);

  return ms;
}

static double
run_search_common (Bench *bench)
{
  return run_search (bench, COMMON_WORD);
}

static double
run_search_rare (Bench *bench)
{
  return run_search (bench, RARE_WORD);
}

/* SQLite's work ********************************************************************************/

static const int stmt_counters[] = {
  SQLITE_STMTSTATUS_RUN,
  SQLITE_STMTSTATUS_VM_STEP,
  SQLITE_STMTSTATUS_FULLSCAN_STEP,
  SQLITE_STMTSTATUS_SORT,
  SQLITE_STMTSTATUS_AUTOINDEX,
};

static void
reset_work (sqlite3 *db)
{
  int current;
  int highwater;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    for (guint i = 0; i < G_N_ELEMENTS (stmt_counters); i++)
      sqlite3_stmt_status (stmt, stmt_counters[i], TRUE);

  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_HIT, &current, &highwater, TRUE);
  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_MISS, &current, &highwater, TRUE);
}

static guint
statement_number (const char *sql)
{
  for (guint i = 0; i < statements->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (statements, i), sql))
        return i + 1;
    }

  g_ptr_array_add (statements, g_strdup (sql));

  return statements->len;
}

/* Runs @run once, counting from the start of its timed part, and prints what each statement
 * did: every statement the lists run is one the journal keeps prepared (and so are FTS5's own),
 * so none escapes the count. */
static void
print_work (Bench      *bench,
            const char *label,
            RunFunc     run)
{
  sqlite3 *db = bk_database_get_handle (bk_journal_get_database (bench->journal));
  int hits;
  int misses;
  int highwater;
  guint64 vm_steps = 0;
  guint64 fullscan_steps = 0;

  bench->counting = TRUE;
  run (bench);
  bench->counting = FALSE;

  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_HIT, &hits, &highwater, FALSE);
  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highwater, FALSE);

  g_print ("%s (%s):\n", label, bench->spec->name);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    {
      int n_runs = sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_RUN, FALSE);
      int vm = sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, FALSE);
      int fullscan = sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE);

      if (n_runs == 0 && vm == 0)
        continue;

      vm_steps += vm;
      fullscan_steps += fullscan;
      g_print ("  S%-2u runs %4d  VM steps %9d  full-scan steps %7d  sorts %d  auto-indexes %d\n",
               statement_number (sqlite3_sql (stmt)), n_runs, vm, fullscan,
               sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_SORT, FALSE),
               sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_AUTOINDEX, FALSE));
    }

  g_print ("  total: VM steps %" G_GUINT64_FORMAT ", full-scan steps %" G_GUINT64_FORMAT
           ", page reads %d (%d not in SQLite's cache); the file has %" G_GINT64_FORMAT
           " pages\n",
           vm_steps, fullscan_steps, hits + misses, misses, bench->page_count);
}

/* The plan's rows are (id, parent, -, detail), parents first */
static void
print_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) depths = g_hash_table_new (NULL, NULL);

  if (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_print ("    (no plan: %s)\n", sqlite3_errmsg (db));
      return;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);
      int parent = sqlite3_column_int (stmt, 1);
      int depth = GPOINTER_TO_INT (g_hash_table_lookup (depths, GINT_TO_POINTER (parent))) + 1;

      g_hash_table_insert (depths, GINT_TO_POINTER (id), GINT_TO_POINTER (depth));
      g_print ("    %*s%s\n", 2 * (depth - 1), "", sqlite3_column_text (stmt, 3));
    }
}

static void
print_plans (Bench *bench)
{
  sqlite3 *db = bk_database_get_handle (bk_journal_get_database (bench->journal));

  g_print ("\nQuery plans (%s)\n", bench->spec->name);

  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      g_print ("S%u: %s\n", i + 1, sql);
      print_plan (db, sql);
    }
}

/* The table ************************************************************************************/

static const char *
absolute_verdict (double ms)
{
  if (ms < 16.7)
    return "within a frame";
  if (ms < 100)
    return "under the 100 ms a person notices";
  return "a pause a person notices";
}

static void
print_table (void)
{
  g_print ("\n%-46s %10s %19s %9s %10s  %s\n",
           "what (ms)", "10k median", "min-max", "first", "100 median", "verdict");

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *range = g_strdup_printf ("%.3f-%.3f", row->big.min, row->big.max);
      g_autofree char *small = NULL;
      g_autofree char *growth = NULL;

      if (row->has_small)
        {
          double ratio = row->big.median / MAX (row->small.median, 0.001);

          small = g_strdup_printf ("%.3f", row->small.median);
          if (ratio <= 3)
            growth = g_strdup_printf ("; flat: x%.1f the small journal", ratio);
          else
            growth = g_strdup_printf ("; grows: x%.0f the small journal%s%s", ratio,
                                      row->expected ? ", as expected: " : " — should not",
                                      row->expected ? row->expected : "");
        }
      else if (row->expected != NULL)
        {
          growth = g_strdup_printf ("; %s", row->expected);
        }

      g_print ("%-46s %10.3f %19s %9.3f %10s  %s%s\n",
               row->label, row->big.median, range, row->big.first, small ? small : "-",
               absolute_verdict (row->big.median), growth ? growth : "");
    }
}

static void
print_quick_check_share (void)
{
  static const char * const pairs[][2] = {
    { "(a) bk_journal_open, warm", "(a) of which PRAGMA quick_check alone, warm" },
    { "(a) bk_journal_open, cold (fadvise)", "(a) of which PRAGMA quick_check alone, cold" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      Row *open = find_row (pairs[i][0]);
      Row *check = find_row (pairs[i][1]);

      g_print ("PRAGMA quick_check on its own takes %.0f%% of the time of %s (10k), %.0f%% (100)\n",
               100 * check->big.median / open->big.median, pairs[i][0],
               100 * check->small.median / open->small.median);
    }
}

/* Both journals ********************************************************************************/

static void
run_all (Bench *bench)
{
  gboolean big = bench->spec == &big_spec;

  bench->cold = FALSE;
  measure_row (bench, N_SLOW_RUNS, "(a) bk_journal_open, warm",
               "quick_check reads every page", run_journal_open);
  measure_row (bench, N_SLOW_RUNS, "(a) of which PRAGMA quick_check alone, warm",
               "reads every page", run_quick_check);
  bench->cold = TRUE;
  measure_row (bench, N_SLOW_RUNS, "(a) bk_journal_open, cold (fadvise)",
               "quick_check reads every page", run_journal_open);
  measure_row (bench, N_SLOW_RUNS, "(a) of which PRAGMA quick_check alone, cold",
               "reads every page", run_quick_check);
  bench->cold = FALSE;

  bench_open (bench);

  measure_row (bench, N_RUNS, "(b) show the window: list + n + first 30",
               "its COUNT walks the name index", run_show_window);
  measure_row (bench, N_RUNS, "(b)   of which list_new + n_items (COUNT)",
               "COUNT walks the name index", run_list_new);
  measure_row (bench, N_RUNS, "(b)   of which the first 30 items",
               NULL, run_list_first);
  measure_row (bench, N_RUNS, "(c) last 30 items (scrolled to the end)",
               "the index skips to the page, read from its key", run_list_last);
  measure_row (bench, N_RUNS, "(c) find a counterpart in the middle",
               "counts the rows before it", run_list_find);
  measure_row (bench, N_RUNS, "(d) open the busiest client: dup + n + 20",
               "a busier client: COUNT walks its notes", run_open_client);

  if (big)
    {
      measure_row (bench, N_SLOW_RUNS, "(e) search a common word (\"" COMMON_WORD "\")",
                   "the first page, off the main thread (see bench-search)", run_search_common);
      measure_row (bench, N_RUNS, "(e) search a rare word (\"" RARE_WORD "\")",
                   NULL, run_search_rare);
    }
}

static void
print_all_work (Bench *bench)
{
  gboolean big = bench->spec == &big_spec;

  print_work (bench, "(b) list_new + n_items", run_list_new);
  print_work (bench, "(b) first 30 items", run_list_first);
  print_work (bench, "(c) last 30 items", run_list_last);
  print_work (bench, "(c) find in the middle", run_list_find);
  print_work (bench, "(d) open the busiest client", run_open_client);
  if (big)
    {
      print_work (bench, "(e) search \"" COMMON_WORD "\"", run_search_common);
      print_work (bench, "(e) search \"" RARE_WORD "\"", run_search_rare);
    }
}

static void
print_journal (Bench *bench)
{
  g_print ("%s: %u counterparts, %u notes, busiest client %u notes, %" G_GINT64_FORMAT
           " pages of %" G_GINT64_FORMAT " bytes (%.1f MB)",
           bench->spec->name, bench->spec->n_counterparts, bench->spec->n_notes,
           bench->busiest_n_notes, bench->page_count, bench->page_size,
           bench->page_count * bench->page_size / 1e6);
  if (bench->build_seconds > 0)
    g_print (", built in %.1f s\n", bench->build_seconds);
  else
    g_print (", from the cache (%s)\n", bench->path);
}

int
main (int   argc,
      char *argv[])
{
  Bench big = { &big_spec, };
  Bench small = { &small_spec, };

  setlocale (LC_ALL, "");

  rows = g_ptr_array_new_with_free_func (row_free);
  statements = g_ptr_array_new_with_free_func (g_free);

  big.path = ensure_journal (&big_spec, &big.build_seconds);
  small.path = ensure_journal (&small_spec, &small.build_seconds);
  if (g_getenv ("BK_BENCH_HUGE") != NULL)
    {
      double seconds;
      g_autofree char *huge = ensure_journal (&huge_spec, &seconds);

      g_print ("%s: %s\n", huge_spec.name, huge);
    }

  run_all (&big);
  run_all (&small);

  g_print ("\n");
  print_journal (&big);
  print_journal (&small);
  print_table ();
  print_quick_check_share ();

  g_print ("\nSQLite's work, one run each (statements numbered as in the plans below)\n");
  print_all_work (&big);
  print_all_work (&small);

  print_plans (&big);

  g_clear_object (&big.journal);
  g_clear_object (&small.journal);
  g_free (big.path);
  g_free (small.path);
  g_ptr_array_unref (statements);
  g_ptr_array_unref (rows);

  return 0;
}

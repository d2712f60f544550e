/* bench-summary.c: how long a 2,000-note relationship summary takes to export as a PDF, and
 * one with a single huge note (10 MB of words; 4 MiB with no break: goal under 10 s each)
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "bk-journal.h"
#include "bk-summary.h"

#define N_NOTES 2000

static const char *const words[] = {
  "invoice", "call", "deadline", "scope", "handover", "feedback", "contract", "meeting",
  "delivery", "revision", "payment", "budget", "design", "review", "access", "backup",
};

/* Notes of every length: a line, a paragraph, now and then a page */
static char *
make_text (GRand *rand,
           guint  i)
{
  GString *text = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 4, 60);

  if (i % 50 == 0)
    n_words = 900;

  g_string_append_printf (text, "Note %u:", i);
  for (guint w = 0; w < n_words; w++)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      if (w % 120 == 119)
        g_string_append (text, ".\n");
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static gint64
fill_journal (BkJournal *journal)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GError) error = NULL;
  bk_counterpart_set_name (counterpart, "Benchmark Client");
  bk_counterpart_set_organization (counterpart, "Example Ltd");
  if (!bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error))
    g_error ("%s", error->message);

  if (!bk_database_begin (bk_journal_get_database (journal), &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autoptr(BkNote) note = bk_note_new ();
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (1700000000 + (gint64) i * 20000);
      g_autofree char *text = make_text (rand, i);

      bk_note_set_counterpart_id (note, bk_counterpart_get_id (counterpart));
      bk_note_set_kind (note, (BkNoteKind) (i % BK_NOTE_N_USER_KINDS));
      bk_note_set_created (note, created);
      bk_note_set_text (note, text);
      if (!bk_note_store_save (bk_journal_get_notes (journal), note, &error))
        g_error ("%s", error->message);
    }

  if (!bk_database_commit (bk_journal_get_database (journal), &error))
    g_error ("%s", error->message);

  return bk_counterpart_get_id (counterpart);
}

/* A client with one note of @text */
static gint64
add_huge_note (BkJournal  *journal,
               const char *name,
               const char *text)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(GError) error = NULL;

  bk_counterpart_set_name (counterpart, name);
  if (!bk_counterpart_store_save (bk_journal_get_counterparts (journal), counterpart, &error))
    g_error ("%s", error->message);
  bk_note_set_counterpart_id (note, bk_counterpart_get_id (counterpart));
  bk_note_set_text (note, text);
  if (!bk_note_store_save (bk_journal_get_notes (journal), note, &error))
    g_error ("%s", error->message);

  return bk_counterpart_get_id (counterpart);
}

static void
time_huge_note (BkJournal  *journal,
                const char *label,
                const char *text,
                GFile      *file)
{
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GError) error = NULL;
  BkSummaryOptions options;
  gint64 id = add_huge_note (journal, label, text);

  bk_summary_options_init (&options);
  timer = g_timer_new ();
  if (!(summary = bk_summary_new (journal, id, &options, NULL, &error)) ||
      !bk_summary_write_pdf (summary, file, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  g_print ("summary-pdf: one note of %s, %u pages: %.3f s\n", label,
           bk_summary_get_n_pages (summary), g_timer_elapsed (timer, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GTimer) timer = NULL;
  double read_seconds;
  double total_seconds;
  BkSummaryOptions options;
  gint64 id;

  setlocale (LC_ALL, "");

  if (!(dir = g_dir_make_tmp ("bk-bench-summary-XXXXXX", &error)))
    g_error ("%s", error->message);
  path = g_build_filename (dir, "journal.db", NULL);
  pdf = g_build_filename (dir, "summary.pdf", NULL);

  if (!(journal = bk_journal_open (path, &error)))
    g_error ("%s", error->message);
  id = fill_journal (journal);

  bk_summary_options_init (&options);
  file = g_file_new_for_path (pdf);
  timer = g_timer_new ();

  if (!(summary = bk_summary_new (journal, id, &options, NULL, &error)))
    g_error ("%s", error->message);
  read_seconds = g_timer_elapsed (timer, NULL);

  if (!bk_summary_write_pdf (summary, file, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  total_seconds = g_timer_elapsed (timer, NULL);

  g_print ("summary-pdf: %d notes, %u pages: %.3f s (reading %.3f s, the PDF %.3f s)\n",
           N_NOTES, bk_summary_get_n_pages (summary), total_seconds, read_seconds,
           total_seconds - read_seconds);

  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (7);
    g_autoptr(GString) book = g_string_new (NULL);
    g_autofree char *word = g_strnfill (4 * 1024 * 1024, 'x');

    while (book->len < 10 * 1000 * 1000)
      {
        g_string_append (book, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        g_string_append_c (book, ' ');
      }
    time_huge_note (journal, "10 MB of words", book->str, file);
    time_huge_note (journal, "4 MiB with no break", word, file);
  }

  g_clear_object (&journal);
  g_unlink (pdf);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}

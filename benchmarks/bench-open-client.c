/* bench-open-client.c: how long opening a client with 2,000 notes takes, from
 * bk_window_show_counterpart() to the next frame painted, and how many note rows the page
 * builds for it (issue 10: a client with thousands of notes opens at once). Runs the window
 * under the display build-aux/test starts:
 *   build-aux/test --benchmark open-client
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-client-page.h"
#include "bk-journal.h"
#include "bk-note-row.h"
#include "bk-playbook-library.h"
#include "bk-test-gui.h"
#include "bk-window.h"

#define N_NOTES  2000
#define N_OPENS  10
#define N_WARMUP 1

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

static guint
count_note_rows (GtkWidget *widget)
{
  guint n = BK_IS_NOTE_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_note_rows (child);

  return n;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* A quiet client with a few notes, and a busy one with N_NOTES of a line or three each */
static void
fill_journal (BkJournal     *journal,
              BkCounterpart *quiet,
              BkCounterpart *busy)
{
  g_autoptr(GError) error = NULL;

  bk_counterpart_set_name (quiet, "Quiet Client");
  bk_test_save_counterpart (journal, quiet);
  bk_counterpart_set_name (busy, "Busy Client");
  bk_counterpart_set_organization (busy, "Rather Busy Ltd");
  bk_counterpart_set_email (busy, "busy@example.com");
  bk_counterpart_set_tags_from_string (busy, "retainer, monthly");
  bk_test_save_counterpart (journal, busy);

  if (!bk_database_begin (bk_journal_get_database (journal), &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < N_NOTES + 5; i++)
    {
      g_autoptr(BkNote) note = bk_note_new ();
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (1609459200 + (gint64) i * 3600);
      g_autofree char *text = NULL;

      text = g_strdup_printf ("Note %u: called about the invoice for the month%s", i,
                              i % 3 == 0 ? ", agreed to send the revised figures by Friday and to "
                                           "talk again after the board meets next week" : "");
      bk_note_set_counterpart_id (note, bk_counterpart_get_id (i < N_NOTES ? busy : quiet));
      bk_note_set_kind (note, (BkNoteKind) (i % BK_NOTE_N_USER_KINDS));
      bk_note_set_created (note, created);
      bk_note_set_text (note, text);
      if (!bk_note_store_save (bk_journal_get_notes (journal), note, &error))
        g_error ("%s", error->message);
    }
  if (!bk_database_commit (bk_journal_get_database (journal), &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = NULL;
  g_autoptr(BkCounterpart) quiet = bk_counterpart_new ();
  g_autoptr(BkCounterpart) busy = bk_counterpart_new ();
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) handled = g_array_new (FALSE, FALSE, sizeof (double));
  double first = 0;
  guint n_rows = 0;
  BkWindow *window;
  GtkWidget *page;
  GdkFrameClock *clock;
  gint64 painted = 0;

  bk_test_gui_init (&argc, &argv);

  dir = bk_test_make_tmp_dir ();
  path = g_build_filename (dir, "journal.db", NULL);
  journal = bk_test_open_journal (path);
  playbooks = bk_test_load_shipped_playbooks ();
  fill_journal (journal, quiet, busy);

  window = bk_window_new (NULL, journal, playbooks);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));
  page = bk_test_find_of_type (GTK_WIDGET (window), BK_TYPE_CLIENT_PAGE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);

  for (guint i = 0; i < N_WARMUP + N_OPENS; i++)
    {
      gint64 start, returned, deadline;
      double ms, handler_ms;

      bk_window_show_counterpart (window, bk_counterpart_get_id (quiet));
      bk_test_wait (300);

      painted = 0;
      start = g_get_monotonic_time ();
      bk_window_show_counterpart (window, bk_counterpart_get_id (busy));
      returned = g_get_monotonic_time ();
      deadline = start + 60 * G_USEC_PER_SEC;
      while (painted == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (painted, !=, 0);

      ms = (painted - start) / 1000.0;
      handler_ms = (returned - start) / 1000.0;
      if (i == 0)
        first = ms;
      if (i >= N_WARMUP)
        {
          g_array_append_val (total, ms);
          g_array_append_val (handled, handler_ms);
        }
      n_rows = count_note_rows (page);
      bk_test_wait (100);
    }

  g_array_sort (total, compare_doubles);
  g_array_sort (handled, compare_doubles);
  g_print ("Opening a client with %u notes, %u times: show to painted frame median %.1f ms, "
           "min %.1f ms, max %.1f ms (first, cold: %.1f ms); the call itself median %.1f ms; "
           "%u note rows built\n",
           N_NOTES, N_OPENS, g_array_index (total, double, N_OPENS / 2),
           g_array_index (total, double, 0), g_array_index (total, double, N_OPENS - 1),
           first, g_array_index (handled, double, N_OPENS / 2), n_rows);

  g_signal_handlers_disconnect_by_data (clock, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&journal);
  bk_test_remove_tree (dir);

  return 0;
}

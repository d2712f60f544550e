/* bench-search-typing.c: a person types "invoice" into the window's search, a letter every
 * 150 ms, waits for the results, then clears the search, on the 10,000-client / 200,000-note
 * journal that bench-startup builds (and the 50,000 / 1,000,000 one when it is there): the
 * longest the main loop went without running a 5 ms timer meanwhile. Goal: 50 ms. Needs a
 * display:
 *   build-aux/test --benchmark startup search-typing
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-journals.h"

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-playbook-library.h"
#include "bk-test-gui.h"
#include "bk-test-journal.h"
#include "bk-window.h"
#include "bench-window.h"

#define TYPED "invoice"
#define KEYSTROKE_MS 150

static GListModel *
listed (BkWindow *window)
{
  GtkWidget *view = bk_test_find_named (GTK_WIDGET (window), "result-list");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
}

/* The selection model's model: the search's results */
static BkCounterpartList *
counterpart_list (BkWindow *window)
{
  return BK_COUNTERPART_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (listed (window))));
}

static gboolean
search_shown (gpointer data)
{
  return !bk_counterpart_list_get_searching (counterpart_list (data));
}

static void
bench_journal (const char *name)
{
  g_autofree char *cached = bk_bench_journal_path (name);
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *entry;
  BkStallProbe probe = { 0 };
  gint64 start;
  double typed_ms, cleared_ms;
  double typed_stall;
  double cleared_stall;
  BkWindow *window;
  guint n_found;

  if (!g_file_test (cached, G_FILE_TEST_IS_REGULAR))
    {
      g_print ("%s: not in the build folder (%s): skipped\n", name, cached);
      return;
    }

  if (!(journal = bk_journal_open_full (cached, BK_JOURNAL_OPEN_DEFER_CHECK, &error)))
    g_error ("%s", error->message);
  playbooks = bk_test_load_shipped_playbooks ();
  window = bk_bench_open_window (journal, playbooks);

  entry = GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (window), "search-entry"));
  start = g_get_monotonic_time ();
  bk_stall_probe_start (&probe);

  /* a letter at a time at the end, as typing does (setting the whole text would empty the
   * entry first, and an empty search entry shows the whole list at once) */
  for (guint i = 0; i < strlen (TYPED); i++)
    {
      int position = (int) i;

      gtk_editable_insert_text (entry, TYPED + i, 1, &position);
      bk_test_wait (KEYSTROKE_MS);
    }
  g_assert_true (bk_test_wait_until (search_shown, window, 60000));
  typed_ms = (g_get_monotonic_time () - start) / 1000.0 - strlen (TYPED) * KEYSTROKE_MS;
  n_found = g_list_model_get_n_items (listed (window));
  typed_stall = bk_stall_probe_take (&probe);

  start = g_get_monotonic_time ();
  gtk_editable_set_text (entry, "");
  g_assert_true (bk_test_wait_until (search_shown, window, 60000));
  bk_test_wait (300);
  cleared_ms = (g_get_monotonic_time () - start) / 1000.0 - 300;
  cleared_stall = bk_stall_probe_take (&probe);
  bk_stall_probe_stop (&probe);

  g_print ("%s: typed \"%s\" (a letter every %d ms): results %.0f ms after the last letter "
           "(%u listed), the longest the main loop went without running a 5 ms timer while "
           "typing: %.1f ms; cleared in %.0f ms, longest stall then: %.1f ms\n",
           name, TYPED, KEYSTROKE_MS, typed_ms, n_found, typed_stall, cleared_ms, cleared_stall);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  bk_test_gui_init (&argc, &argv);

  bench_journal ("journal-10k");
  bench_journal ("journal-50k");

  return 0;
}

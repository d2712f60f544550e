/* bench-export-journal.c: Export Journal… on the 10,000-client / 200,000-note journal that
 * bench-startup builds, while the window runs: how long the export takes, and the longest the
 * main loop went without running a 5 ms timer meanwhile (a stall a person would notice). Runs
 * the window under the display build-aux/test starts, after bench-startup:
 *   build-aux/test --benchmark startup export-journal
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-journals.h"

#include "bk-journal.h"
#include "bk-playbook-library.h"
#include "bk-test-gui.h"
#include "bk-test-journal.h"
#include "bk-window.h"
#include "bench-window.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = NULL;
  BkStallProbe probe = { 0 };
  gint64 start;
  BkWindow *window;

  bk_test_gui_init (&argc, &argv);

  dir = bk_test_make_tmp_dir ();
  if (!(path = bk_bench_copy_journal ("journal-10k", dir, "journal.db")))
    {
      bk_test_remove_tree (dir);
      return 0;
    }
  out = g_build_filename (dir, "journal.json", NULL);

  journal = bk_test_open_journal (path);
  playbooks = bk_test_load_shipped_playbooks ();
  window = bk_bench_open_window (journal, playbooks);

  file = g_file_new_for_path (out);
  start = g_get_monotonic_time ();
  bk_stall_probe_start (&probe);
  bk_window_export_journal (window, file);
  while (!g_file_test (out, G_FILE_TEST_EXISTS) && g_get_monotonic_time () - start < 600 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  bk_stall_probe_stop (&probe);

  g_print ("Export Journal… of 10,000 clients / 200,000 notes: %.2f s; the longest the main loop "
           "went without running a 5 ms timer meanwhile: %.1f ms\n",
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, bk_stall_probe_take (&probe));

  bk_test_wait (300);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&journal);
  bk_test_remove_tree (dir);

  return 0;
}

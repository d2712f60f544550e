/* bench-import-journal.c: Import… of the 10,000-client / 200,000-note journal that
 * bench-startup builds (exported as JSON first) into an empty journal whose window runs: how long
 * until the list shows every client, and the longest the main loop went without running a 5 ms
 * timer meanwhile (a stall a person would notice). Runs the window under the display
 * build-aux/test starts, after bench-startup:
 *   build-aux/test --benchmark startup import-journal
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-journals.h"

#include "bk-journal.h"
#include "bk-journal-json.h"
#include "bk-playbook-library.h"
#include "bk-test-gui.h"
#include "bk-test-journal.h"
#include "bk-window.h"
#include "bench-window.h"

static gboolean
lists_all (gpointer data)
{
  GtkWidget *list = bk_test_find_named (GTK_WIDGET (data), "counterpart-list");

  return list != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))) == 10000;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *source_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = NULL;
  g_autoptr(GError) error = NULL;
  BkStallProbe probe = { 0 };
  gint64 start;
  BkWindow *window;

  bk_test_gui_init (&argc, &argv);

  dir = bk_test_make_tmp_dir ();
  if (!(source_path = bk_bench_copy_journal ("journal-10k", dir, "source.db")))
    {
      bk_test_remove_tree (dir);
      return 0;
    }
  path = g_build_filename (dir, "journal.db", NULL);
  json = g_build_filename (dir, "journal.json", NULL);
  file = g_file_new_for_path (json);

  playbooks = bk_test_load_shipped_playbooks ();
  {
    g_autoptr(BkJournal) source = bk_test_open_journal (source_path);

    if (!bk_journal_export_json (source, playbooks, file, &error))
      g_error ("%s", error->message);
  }

  journal = bk_test_open_journal (path);
  window = bk_bench_open_window (journal, playbooks);

  start = g_get_monotonic_time ();
  bk_stall_probe_start (&probe);
  bk_window_import_journal (window, file);
  while (!lists_all (window) && g_get_monotonic_time () - start < 600 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  bk_stall_probe_stop (&probe);

  g_print ("Import… of 10,000 clients / 200,000 notes into an open window: %.2f s until listed; "
           "the longest the main loop went without running a 5 ms timer meanwhile: %.1f ms\n",
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, bk_stall_probe_take (&probe));

  bk_test_wait (1500);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&journal);
  bk_test_remove_tree (dir);

  return 0;
}

/* bench-step-tick.c: how long ticking a playbook step takes, from the click to the frame that
 * shows its row redrawn (issue 8). Runs the window under the display build-aux/test starts:
 *   build-aux/test --benchmark step-tick
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-journal.h"
#include "bk-playbook-library.h"
#include "bk-resolution-view.h"
#include "bk-test-gui.h"
#include "bk-window.h"

#define N_TICKS  50
#define N_WARMUP 5

typedef struct
{
  GtkWidget  *view;
  const char *step_id;
  gboolean    want_done;
  const char *done_prefix;
  gint64      painted;
} Tick;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The step's row as the person sees it: its subtitle says "Done on …" once done */
static gboolean
row_shows (Tick *tick)
{
  GtkWidget *check = bk_test_find_named (tick->view, tick->step_id);
  GtkWidget *row = check != NULL ? gtk_widget_get_ancestor (check, ADW_TYPE_EXPANDER_ROW) : NULL;
  const char *subtitle;

  if (row == NULL || !gtk_widget_get_mapped (row))
    return FALSE;

  subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) == tick->want_done &&
         g_str_has_prefix (subtitle != NULL ? subtitle : "", tick->done_prefix) == tick->want_done;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Tick          *tick)
{
  if (tick->painted == 0 && row_shows (tick))
    tick->painted = g_get_monotonic_time ();
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* A client with the "part ways" playbook under way, an open invoice and access in use */
static BkCounterpart *
fill_journal (BkJournal         *journal,
              BkPlaybookLibrary *playbooks)
{
  BkPlaybook *playbook = bk_playbook_library_lookup (playbooks, "part-ways");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(BkCredential) credential = bk_credential_new ();
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GError) error = NULL;
  BkCounterpart *client = bk_counterpart_new ();

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(BkCounterpart) other = bk_counterpart_new ();
      g_autofree char *name = g_strdup_printf ("Client %02u", i);

      bk_counterpart_set_name (other, name);
      bk_test_save_counterpart (journal, other);
    }

  bk_counterpart_set_name (client, "Maria Sokolova");
  bk_counterpart_set_status (client, BK_COUNTERPART_STATUS_AT_RISK);
  bk_test_save_counterpart (journal, client);

  run = bk_run_store_start (bk_journal_get_runs (journal), bk_counterpart_get_id (client), playbook,
                            1u << BK_REASON_NON_PAYMENT, now, &error);
  g_assert_no_error (error);

  bk_open_item_set_counterpart_id (item, bk_counterpart_get_id (client));
  bk_open_item_set_description (item, "Invoice #118");
  bk_open_item_set_amount (item, 120000);
  bk_open_item_set_currency (item, "EUR");
  bk_open_item_store_save (bk_journal_get_open_items (journal), item, &error);
  g_assert_no_error (error);

  bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (client));
  bk_credential_set_label (credential, "Website hosting");
  bk_credential_store_save (bk_journal_get_credentials (journal), credential, &error);
  g_assert_no_error (error);

  return client;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkPlaybookLibrary) playbooks = NULL;
  g_autoptr(BkCounterpart) client = NULL;
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) handled = g_array_new (FALSE, FALSE, sizeof (double));
  BkWindow *window;
  GdkFrameClock *clock;
  Tick tick = { 0 };
  double sum = 0;

  bk_test_gui_init (&argc, &argv);

  dir = bk_test_make_tmp_dir ();
  path = g_build_filename (dir, "journal.db", NULL);
  journal = bk_test_open_journal (path);
  playbooks = bk_test_load_shipped_playbooks ();
  client = fill_journal (journal, playbooks);

  window = bk_window_new (NULL, journal, playbooks);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));

  bk_window_show_counterpart (window, bk_counterpart_get_id (client));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "resolution");
  bk_test_wait (500);

  tick.view = bk_test_find_of_type (GTK_WIDGET (window), BK_TYPE_RESOLUTION_VIEW);
  tick.step_id = bk_playbook_get_step_id (bk_playbook_library_lookup (playbooks, "part-ways"), 1);
  /* "Done on %s" up to the date */
  tick.done_prefix = g_strndup (_("Done on %s"), strlen (_("Done on %s")) - 2);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &tick);

  /* Tick and untick the second step, each time until the frame that shows it */
  for (guint i = 0; i < N_WARMUP + N_TICKS; i++)
    {
      GtkWidget *check = bk_test_find_named (tick.view, tick.step_id);
      gint64 start, returned, deadline;

      g_assert_nonnull (check);
      tick.want_done = !gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
      tick.painted = 0;

      start = g_get_monotonic_time ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), tick.want_done);
      returned = g_get_monotonic_time ();

      deadline = start + 5 * G_USEC_PER_SEC;
      while (tick.painted == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (tick.painted, !=, 0);

      if (i >= N_WARMUP)
        {
          double ms = (tick.painted - start) / 1000.0;
          double handler_ms = (returned - start) / 1000.0;

          g_array_append_val (total, ms);
          g_array_append_val (handled, handler_ms);
          sum += ms;
        }

      /* Let what follows the frame settle before the next click */
      bk_test_wait (50);
    }

  g_array_sort (total, compare_doubles);
  g_array_sort (handled, compare_doubles);
  g_print ("Ticking a step, %u times: click to redrawn row median %.1f ms, mean %.1f ms, "
           "min %.1f ms, max %.1f ms; the click's own handler median %.1f ms\n",
           N_TICKS, g_array_index (total, double, N_TICKS / 2), sum / N_TICKS,
           g_array_index (total, double, 0), g_array_index (total, double, N_TICKS - 1),
           g_array_index (handled, double, N_TICKS / 2));

  g_signal_handlers_disconnect_by_data (clock, &tick);
  gtk_window_destroy (GTK_WINDOW (window));
  g_free ((char *) tick.done_prefix);
  g_clear_object (&journal);
  bk_test_remove_tree (dir);

  return 0;
}

/* bench-window.h: what the benchmarks that run a window share: the window itself, and a probe
 * for the longest time the main loop went without running a short timer (a stall a person
 * would notice)
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-test-gui.h"
#include "bk-window.h"

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  timeout_id;
} BkStallProbe;

static inline gboolean
bk_stall_probe_tick_cb (gpointer data)
{
  BkStallProbe *probe = data;
  gint64 now = g_get_monotonic_time ();

  probe->longest = MAX (probe->longest, now - probe->last);
  probe->last = now;

  return G_SOURCE_CONTINUE;
}

/* A 5 ms timer from now on */
static inline void
bk_stall_probe_start (BkStallProbe *probe)
{
  probe->last = g_get_monotonic_time ();
  probe->longest = 0;
  probe->timeout_id = g_timeout_add (5, bk_stall_probe_tick_cb, probe);
}

/* The longest gap between its runs so far, in ms; it starts again from nothing */
static inline double
bk_stall_probe_take (BkStallProbe *probe)
{
  double longest = probe->longest / 1000.0;

  probe->longest = 0;

  return longest;
}

static inline void
bk_stall_probe_stop (BkStallProbe *probe)
{
  g_clear_handle_id (&probe->timeout_id, g_source_remove);
}

static inline gboolean
bk_bench_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* A window on @journal, shown at a usual size and given half a second to settle */
static inline BkWindow *
bk_bench_open_window (BkJournal         *journal,
                      BkPlaybookLibrary *playbooks)
{
  BkWindow *window = bk_window_new (NULL, journal, playbooks);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bk_test_wait_until (bk_bench_is_mapped, window, 5000));
  bk_test_wait (500);

  return window;
}

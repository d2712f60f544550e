/* bk-test-gui.h: what the GUI tests share to act on windows as a person would.
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-test-journal.h"

G_BEGIN_DECLS

void       bk_test_gui_init          (int          *argc,
                                      char       ***argv);
void       bk_test_wait              (guint         msec);
gboolean   bk_test_wait_until        (gboolean    (*done) (gpointer),
                                      gpointer      data,
                                      guint         timeout_msec);
gboolean   bk_test_wait_frames       (GtkWidget    *widget,
                                      guint         n_frames);
gboolean   bk_test_wait_still        (GtkWidget    *widget);
GtkWidget *bk_test_find_named        (GtkWidget    *root,
                                      const char   *name);
GtkWidget *bk_test_find_of_type      (GtkWidget    *root,
                                      GType         type);
GtkWindow *bk_test_find_toplevel     (GType         type);
void       bk_test_collect_texts     (GtkWidget    *root,
                                      GPtrArray    *texts);
gboolean   bk_test_save_screenshot   (GtkWidget    *widget,
                                      const char   *basename,
                                      GError      **error);

G_END_DECLS

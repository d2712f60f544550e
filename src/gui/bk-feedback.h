/* bk-feedback.h: telling a person what happened, the same way everywhere
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast in the window that holds @widget */
void bk_show_toast        (GtkWidget  *widget,
                           const char *message);
/* A dialog with one Close button, for what stopped a dialog's own work */
void bk_show_error_dialog (GtkWindow  *parent,
                           const char *heading,
                           const char *message);
/* The dialog, in place of the window, of an app whose built-in playbooks cannot be read: it
 * quits when the dialog closes. Returns the dialog (owned by GTK). */
GtkWindow *bk_show_playbooks_error (GtkApplication *application,
                                    const GError   *error);

G_END_DECLS

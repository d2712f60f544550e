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

/* A toast that says work is under way: shown only once the work has taken long enough to notice,
 * then kept long enough to read (a toast that came and went at once would only flicker; and
 * libadwaita 1.2 must not hide a toast before its show animation is done). */
typedef struct _BkProgressToast BkProgressToast;

BkProgressToast *bk_progress_toast_start  (AdwToastOverlay *overlay,
                                           const char      *title);
/* Takes the progress toast away, and shows @result (transfer full) if it is not %NULL. Frees
 * @self. */
void             bk_progress_toast_finish (BkProgressToast *self,
                                           AdwToast        *result);

G_END_DECLS

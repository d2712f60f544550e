/* bk-background.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether Bridgekeeper starts at login, in the background (--background), to send reminders
 * while its window is closed: off unless the person turns it on in Preferences. */
gboolean bk_background_get_enabled (void);
gboolean bk_background_set_enabled (gboolean   enabled,
                                    GError   **error);
/* The XDG autostart entry that starts it, outside a Flatpak sandbox */
char    *bk_background_dup_autostart_path (void);

G_END_DECLS

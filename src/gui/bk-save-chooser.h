/* bk-save-chooser.h: where an export goes, asked the desktop's way
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the file the person chose; not at all when they cancel. */
typedef void (*BkSaveChosenFunc) (GObject *owner,
                                  GFile   *file);

void   bk_save_chooser_run             (GtkWindow        *parent,
                                        const char       *title,
                                        const char       *name,
                                        GtkFileFilter    *filter,
                                        BkSaveChosenFunc  chosen,
                                        GObject          *owner);
GFile *bk_save_chooser_dup_folder      (void);
void   bk_save_chooser_remember_folder (GFile            *file);

G_END_DECLS

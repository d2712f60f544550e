/* bk-file-chooser.h: which file to export to or import from, asked the desktop's way
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the file the person chose; not at all when they cancel. */
typedef void (*BkFileChosenFunc) (GObject *owner,
                                  GFile   *file);

void   bk_file_chooser_save            (GtkWindow        *parent,
                                        const char       *title,
                                        const char       *name,
                                        GtkFileFilter    *filter,
                                        BkFileChosenFunc  chosen,
                                        GObject          *owner);
void   bk_file_chooser_open            (GtkWindow        *parent,
                                        const char       *title,
                                        GtkFileFilter    *filter,
                                        BkFileChosenFunc  chosen,
                                        GObject          *owner);
GFile *bk_file_chooser_dup_folder      (void);
void   bk_file_chooser_remember_folder (GFile            *file);

G_END_DECLS

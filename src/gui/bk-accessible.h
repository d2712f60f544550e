/* bk-accessible.h: what a screen reader hears where GTK has nothing to say
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bk_accessible_fix_mnemonics (GtkWidget  *widget);
void bk_accessible_name_button  (GtkWidget  *button,
                                  const char *label);
void bk_accessible_name_expander_row (GtkWidget  *row,
                                      const char *label);
void bk_accessible_name_list_row (GtkWidget  *row,
                                  const char *label);
void bk_accessible_name_drop_down (GtkDropDown *drop_down,
                                  const char  *label);
/* An icon that only decorates what its row says: a screen reader passes it by (GTK 4.8 would
 * name it by its class, "GtkImage") */
GtkWidget *bk_accessible_new_decoration (const char *icon_name);

G_END_DECLS

/* bk-date-button.h: a day, and a time where one is wanted, chosen from a calendar
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_DATE_BUTTON (bk_date_button_get_type ())

G_DECLARE_FINAL_TYPE (BkDateButton, bk_date_button, BK, DATE_BUTTON, AdwBin)

GtkWidget  *bk_date_button_new            (void);
/* Local time; NULL when no date is chosen (only where a none-label says what that means) */
GDateTime  *bk_date_button_get_date_time  (BkDateButton *self);
void        bk_date_button_set_date_time  (BkDateButton *self,
                                           GDateTime    *date_time);
gboolean    bk_date_button_get_show_time  (BkDateButton *self);
void        bk_date_button_set_show_time  (BkDateButton *self,
                                           gboolean      show_time);
const char *bk_date_button_get_none_label (BkDateButton *self);
void        bk_date_button_set_none_label (BkDateButton *self,
                                           const char   *none_label);
const char *bk_date_button_get_title      (BkDateButton *self);
void        bk_date_button_set_title      (BkDateButton *self,
                                           const char   *title);

G_END_DECLS

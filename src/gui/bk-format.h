/* bk-format.h: dates and figures as people read them, in their language
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "November 27, 2026, 14:05" / «27 ноября 2026, 14:05» in local time */
char *bk_format_date_time (GDateTime *date_time);
/* "November 27, 2026" / «27 ноября 2026» in local time */
char *bk_format_date      (GDateTime *date_time);
/* "3 clients and vendors, 12 notes" */
char *bk_format_counts    (guint      counterparts,
                           guint      notes);

G_END_DECLS

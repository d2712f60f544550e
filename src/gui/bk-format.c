/* bk-format.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-format"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-format.h"

static char *
format_local (GDateTime  *date_time,
              const char *format)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  local = g_date_time_to_local (date_time);
  return g_date_time_format (local, format);
}

char *
bk_format_date_time (GDateTime *date_time)
{
  /* Translators: a date and time in the journal, see g_date_time_format() for the codes.
   * %B is the month name in the form used after a day number ("27 ноября"). */
  return format_local (date_time, _("%B %-e, %Y, %H:%M"));
}

char *
bk_format_date (GDateTime *date_time)
{
  /* Translators: a date, see g_date_time_format() for the codes.
   * %B is the month name in the form used after a day number ("27 ноября"). */
  return format_local (date_time, _("%B %-e, %Y"));
}

char *
bk_format_counts (guint counterparts,
                  guint notes)
{
  g_autofree char *counterparts_text = NULL;
  g_autofree char *notes_text = NULL;

  counterparts_text = g_strdup_printf (ngettext ("%u client or vendor", "%u clients and vendors", counterparts),
                                       counterparts);
  notes_text = g_strdup_printf (ngettext ("%u note", "%u notes", notes), notes);

  /* Translators: joins "3 clients and vendors" and "12 notes" */
  return g_strdup_printf (C_("counts", "%s, %s"), counterparts_text, notes_text);
}

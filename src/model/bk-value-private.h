/* bk-value-private.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Small helpers the value objects (counterparts, notes, credentials, open items...) and the
 * journal share for their fields. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Now, in UTC: the journal keeps whole seconds, so that what is saved reads back equal. */
static inline GDateTime *
bk_date_time_new_now_whole_seconds (void)
{
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

/* A copy of @date_time in UTC, to the whole second, as the journal keeps it; NULL for NULL */
static inline GDateTime *
bk_date_time_dup_whole_seconds (GDateTime *date_time)
{
  if (date_time == NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (g_date_time_to_unix (date_time));
}

/* Replaces the string in @field with a copy of @value ("" for NULL). Returns: whether it
 * changed, for the setter to notify. */
static inline gboolean
bk_set_string (char       **field,
               const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/* Replaces the date in @field with @value in UTC (or NULL). Returns: whether it changed, for the
 * setter to notify. */
static inline gboolean
bk_set_date_time (GDateTime **field,
                  GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_to_utc (value);

  return TRUE;
}

G_END_DECLS

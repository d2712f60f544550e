/* bk-checkin-monitor.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-checkin-monitor"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-checkin-monitor.h"

struct _BkCheckinMonitor
{
  GObject         parent_instance;

  BkJournal      *journal;
  BkClockFunc     now;
  gpointer        now_data;
  GDestroyNotify  now_destroy;
  guint           source;
};

G_DEFINE_FINAL_TYPE (BkCheckinMonitor, bk_checkin_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNAL,
  N_PROPS
};

enum {
  DUE,
  LOSING_TOUCH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GDateTime *
wall_clock (gpointer user_data)
{
  return g_date_time_new_now_utc ();
}

static void
clear_clock (BkCheckinMonitor *self)
{
  if (self->now_destroy != NULL)
    self->now_destroy (self->now_data);

  self->now = wall_clock;
  self->now_data = NULL;
  self->now_destroy = NULL;
}

static void
bk_checkin_monitor_dispose (GObject *object)
{
  BkCheckinMonitor *self = (BkCheckinMonitor *)object;

  g_clear_handle_id (&self->source, g_source_remove);
  clear_clock (self);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (bk_checkin_monitor_parent_class)->dispose (object);
}

static void
bk_checkin_monitor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BkCheckinMonitor *self = BK_CHECKIN_MONITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_checkin_monitor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BkCheckinMonitor *self = BK_CHECKIN_MONITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_checkin_monitor_class_init (BkCheckinMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_checkin_monitor_dispose;
  object_class->get_property = bk_checkin_monitor_get_property;
  object_class->set_property = bk_checkin_monitor_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         BK_TYPE_JOURNAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkCheckinMonitor::due:
   * @checkin: a #BkCheckin that fell due
   *
   * Emitted once for each check-in, when it is first found due.
   */
  signals[DUE] =
    g_signal_new ("due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, BK_TYPE_CHECKIN);

  /* A counterpart whose keep-in-touch rhythm ran out (#BkCounterpart, with its last contact) */
  signals[LOSING_TOUCH] =
    g_signal_new ("losing-touch",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, BK_TYPE_COUNTERPART);
}

static void
bk_checkin_monitor_init (BkCheckinMonitor *self)
{
  self->now = wall_clock;
}

BkCheckinMonitor *
bk_checkin_monitor_new (BkJournal *journal)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);

  return g_object_new (BK_TYPE_CHECKIN_MONITOR, "journal", journal, NULL);
}

BkJournal *
bk_checkin_monitor_get_journal (BkCheckinMonitor *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN_MONITOR (self), NULL);

  return self->journal;
}

void
bk_checkin_monitor_set_clock (BkCheckinMonitor *self,
                              BkClockFunc       now,
                              gpointer          user_data,
                              GDestroyNotify    destroy)
{
  g_return_if_fail (BK_IS_CHECKIN_MONITOR (self));

  clear_clock (self);

  if (now != NULL)
    {
      self->now = now;
      self->now_data = user_data;
      self->now_destroy = destroy;
    }
}

int
bk_checkin_monitor_check (BkCheckinMonitor  *self,
                          GError           **error)
{
  BkCheckinStore *store;
  BkCounterpartStore *counterparts;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) losing = NULL;
  int n_told = 0;

  g_return_val_if_fail (BK_IS_CHECKIN_MONITOR (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  store = bk_journal_get_checkins (self->journal);
  counterparts = bk_journal_get_counterparts (self->journal);
  now = self->now (self->now_data);

  if (!(due = bk_checkin_store_list_due (store, now, error)) ||
      !(losing = bk_counterpart_store_list_losing_touch (counterparts, now, TRUE, error)))
    return -1;

  /* Keeps the monitor alive through handlers that might drop the last other reference */
  g_object_ref (self);

  for (guint i = 0; i < due->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (due, i);

      if (bk_checkin_get_notified (checkin) != NULL)
        continue;

      /* Marked first: a check-in that cannot be marked would be told again at every look. */
      if (!bk_checkin_store_set_notified (store, bk_checkin_get_id (checkin), now, error))
        {
          g_object_unref (self);
          return -1;
        }

      g_signal_emit (self, signals[DUE], 0, checkin);
      n_told++;
    }

  /* once per due date, as the check-ins: marked first */
  for (guint i = 0; i < losing->len; i++)
    {
      BkCounterpart *counterpart = g_ptr_array_index (losing, i);

      if (!bk_counterpart_store_set_touch_notified (counterparts, bk_counterpart_get_id (counterpart), now, error))
        {
          g_object_unref (self);
          return -1;
        }

      g_signal_emit (self, signals[LOSING_TOUCH], 0, counterpart);
      n_told++;
    }

  g_object_unref (self);

  return n_told;
}

static gboolean
check_cb (gpointer user_data)
{
  BkCheckinMonitor *self = user_data;
  g_autoptr(GError) error = NULL;

  /* an import is writing: the next look will find what falls due meanwhile */
  if (bk_checkin_monitor_check (self, &error) < 0 &&
      !g_error_matches (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_BUSY))
    g_warning ("Could not look for check-ins due: %s", error->message);

  return G_SOURCE_CONTINUE;
}

void
bk_checkin_monitor_start (BkCheckinMonitor *self,
                          guint             interval_seconds)
{
  g_return_if_fail (BK_IS_CHECKIN_MONITOR (self));
  g_return_if_fail (interval_seconds > 0);

  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add_seconds (interval_seconds, check_cb, self);
  check_cb (self);
}

void
bk_checkin_monitor_stop (BkCheckinMonitor *self)
{
  g_return_if_fail (BK_IS_CHECKIN_MONITOR (self));

  g_clear_handle_id (&self->source, g_source_remove);
}

/* bk-checkin-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-checkin-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-checkin-row.h"
#include "bk-format.h"

struct _BkCheckinRow
{
  AdwActionRow  parent_instance;

  BkCheckin    *checkin;

  GtkImage     *icon;
  GtkWidget    *done_button;
};

G_DEFINE_FINAL_TYPE (BkCheckinRow, bk_checkin_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CHECKIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (BkCheckinRow *self)
{
  GDateTime *done = bk_checkin_get_done (self->checkin);
  GDateTime *due = bk_checkin_get_due (self->checkin);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *due_text = bk_format_date (due);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: %s is a date */
  title = g_strdup_printf (_("Check in on %s"), due_text);
  if (done != NULL)
    {
      g_autofree char *done_text = bk_format_date (done);

      /* Translators: %s is a date */
      subtitle = g_strdup_printf (_("Done on %s"), done_text);
    }
  else if (g_date_time_compare (due, now) <= 0)
    subtitle = g_strdup (_("Due now"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
  gtk_image_set_from_icon_name (self->icon, done != NULL ? "emblem-ok-symbolic" : "alarm-symbolic");
  gtk_widget_set_visible (self->done_button, done == NULL);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkCheckinRow *self = BK_CHECKIN_ROW (widget);

  if (self->checkin != NULL)
    gtk_widget_activate_action (widget, "resolution.complete-checkin", "x", bk_checkin_get_id (self->checkin));
}

static void
bk_checkin_row_constructed (GObject *object)
{
  BkCheckinRow *self = BK_CHECKIN_ROW (object);

  G_OBJECT_CLASS (bk_checkin_row_parent_class)->constructed (object);

  g_return_if_fail (self->checkin != NULL);
  update (self);
}

static void
bk_checkin_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BkCheckinRow *self = BK_CHECKIN_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECKIN:
      g_value_set_object (value, self->checkin);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_checkin_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BkCheckinRow *self = BK_CHECKIN_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECKIN:
      self->checkin = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_checkin_row_dispose (GObject *object)
{
  BkCheckinRow *self = (BkCheckinRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CHECKIN_ROW);
  g_clear_object (&self->checkin);

  G_OBJECT_CLASS (bk_checkin_row_parent_class)->dispose (object);
}

static void
bk_checkin_row_class_init (BkCheckinRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_checkin_row_constructed;
  object_class->dispose = bk_checkin_row_dispose;
  object_class->get_property = bk_checkin_row_get_property;
  object_class->set_property = bk_checkin_row_set_property;

  properties[PROP_CHECKIN] =
    g_param_spec_object ("checkin", NULL, NULL,
                         BK_TYPE_CHECKIN,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-checkin-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkCheckinRow, icon);
  gtk_widget_class_bind_template_child (widget_class, BkCheckinRow, done_button);

  gtk_widget_class_install_action (widget_class, "checkin.done", NULL, done_action);
}

static void
bk_checkin_row_init (BkCheckinRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
}

BkCheckinRow *
bk_checkin_row_new (BkCheckin *checkin)
{
  g_return_val_if_fail (BK_IS_CHECKIN (checkin), NULL);

  return g_object_new (BK_TYPE_CHECKIN_ROW, "checkin", checkin, NULL);
}

BkCheckin *
bk_checkin_row_get_checkin (BkCheckinRow *self)
{
  g_return_val_if_fail (BK_IS_CHECKIN_ROW (self), NULL);

  return self->checkin;
}

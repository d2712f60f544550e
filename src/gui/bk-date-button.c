/* bk-date-button.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-date-button.h"
#include "bk-format.h"

struct _BkDateButton
{
  AdwBin         parent_instance;

  GDateTime     *date_time;
  char          *none_label;
  char          *title;
  gboolean       show_time;
  /* Set while the popover's controls follow date-time, so that they do not set it back */
  gboolean       syncing;

  GtkMenuButton *menu_button;
  GtkLabel      *label;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkWidget     *time_box;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkButton     *none_button;
};

G_DEFINE_FINAL_TYPE (BkDateButton, bk_date_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATE_TIME,
  PROP_SHOW_TIME,
  PROP_NONE_LABEL,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76 */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static void
update_label (BkDateButton *self)
{
  g_autofree char *text = NULL;

  if (self->date_time == NULL)
    text = g_strdup (self->none_label != NULL ? self->none_label : "");
  else if (self->show_time)
    text = bk_format_date_time (self->date_time);
  else
    text = bk_format_date (self->date_time);

  gtk_label_set_label (self->label, text);

  /* The button shows only the date: a screen reader says what it is the date of, too. */
  if (self->title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The popover shows the chosen date, or today (and now) when none is chosen yet. */
static void
sync_popover (BkDateButton *self)
{
  g_autoptr(GDateTime) shown = NULL;

  if (self->date_time != NULL)
    shown = g_date_time_ref (self->date_time);
  else
    shown = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour_spin, self->show_time ? g_date_time_get_hour (shown) : 0);
  gtk_spin_button_set_value (self->minute_spin, self->show_time ? g_date_time_get_minute (shown) : 0);
  self->syncing = FALSE;
}

static void
take_date_time (BkDateButton *self,
                GDateTime    *date_time)
{
  g_autoptr(GDateTime) owned = date_time;

  if (self->date_time == owned ||
      (self->date_time != NULL && owned != NULL && g_date_time_equal (self->date_time, owned)))
    return;

  g_clear_pointer (&self->date_time, g_date_time_unref);
  self->date_time = g_steal_pointer (&owned);

  update_label (self);
  if (!self->syncing)
    sync_popover (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_TIME]);
}

/* The day from the calendar, the time from the spin buttons */
static void
read_popover (BkDateButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  int hour = 0, minute = 0;

  if (self->syncing)
    return;

  day = gtk_calendar_get_date (self->calendar);
  if (self->show_time)
    {
      hour = gtk_spin_button_get_value_as_int (self->hour_spin);
      minute = gtk_spin_button_get_value_as_int (self->minute_spin);
    }

  self->syncing = TRUE;
  take_date_time (self, g_date_time_new_local (g_date_time_get_year (day),
                                               g_date_time_get_month (day),
                                               g_date_time_get_day_of_month (day),
                                               hour, minute, 0));
  self->syncing = FALSE;
}

static void
on_calendar_day_selected_cb (BkDateButton *self)
{
  read_popover (self);
}

static void
on_time_changed_cb (BkDateButton *self)
{
  read_popover (self);
}

/* Hours and minutes read as on a clock: 09:05 */
static gboolean
on_spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
on_popover_show_cb (BkDateButton *self)
{
  sync_popover (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
on_none_clicked_cb (BkDateButton *self)
{
  bk_date_button_set_date_time (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
bk_date_button_activate (BkDateButton *self)
{
  gtk_menu_button_popup (self->menu_button);
}

static gboolean
bk_date_button_grab_focus (GtkWidget *widget)
{
  BkDateButton *self = BK_DATE_BUTTON (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
}

static void
bk_date_button_finalize (GObject *object)
{
  BkDateButton *self = (BkDateButton *)object;

  g_clear_pointer (&self->date_time, g_date_time_unref);
  g_clear_pointer (&self->none_label, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (bk_date_button_parent_class)->finalize (object);
}

static void
bk_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BkDateButton *self = BK_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;

    case PROP_SHOW_TIME:
      g_value_set_boolean (value, self->show_time);
      break;

    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BkDateButton *self = BK_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      bk_date_button_set_date_time (self, g_value_get_boxed (value));
      break;

    case PROP_SHOW_TIME:
      bk_date_button_set_show_time (self, g_value_get_boolean (value));
      break;

    case PROP_NONE_LABEL:
      bk_date_button_set_none_label (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      bk_date_button_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_date_button_class_init (BkDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No dispose: AdwBin's lets go of the menu button, which holds everything else */
  object_class->finalize = bk_date_button_finalize;
  object_class->get_property = bk_date_button_get_property;
  object_class->set_property = bk_date_button_set_property;
  widget_class->grab_focus = bk_date_button_grab_focus;

  properties[PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_TIME] =
    g_param_spec_boolean ("show-time", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What the button says when no date is chosen, and the popover's button that chooses none.
   * Without it a date is always chosen. */
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What the date is of, for screen readers: "Date", "From" */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* So that an AdwActionRow with this as its activatable-widget opens the calendar */
  signals[ACTIVATE] =
    g_signal_new_class_handler ("activate",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (bk_date_button_activate),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, BkDateButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BkDateButton, label);
  gtk_widget_class_bind_template_child (widget_class, BkDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, BkDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, BkDateButton, time_box);
  gtk_widget_class_bind_template_child (widget_class, BkDateButton, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, BkDateButton, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, BkDateButton, none_button);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_none_clicked_cb);
}

static void
bk_date_button_init (BkDateButton *self)
{
  self->show_time = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  bk_accessible_fix_mnemonics (GTK_WIDGET (self));

  update_label (self);
  sync_popover (self);
}

GtkWidget *
bk_date_button_new (void)
{
  return g_object_new (BK_TYPE_DATE_BUTTON, NULL);
}

GDateTime *
bk_date_button_get_date_time (BkDateButton *self)
{
  g_return_val_if_fail (BK_IS_DATE_BUTTON (self), NULL);

  return self->date_time;
}

void
bk_date_button_set_date_time (BkDateButton *self,
                              GDateTime    *date_time)
{
  g_return_if_fail (BK_IS_DATE_BUTTON (self));

  /* Shown and chosen in local time, to the minute (or the day) */
  if (date_time == NULL)
    {
      take_date_time (self, NULL);
    }
  else
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (date_time);

      take_date_time (self, g_date_time_new_local (g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local),
                                                   self->show_time ? g_date_time_get_hour (local) : 0,
                                                   self->show_time ? g_date_time_get_minute (local) : 0,
                                                   0));
    }
}

gboolean
bk_date_button_get_show_time (BkDateButton *self)
{
  g_return_val_if_fail (BK_IS_DATE_BUTTON (self), FALSE);

  return self->show_time;
}

void
bk_date_button_set_show_time (BkDateButton *self,
                              gboolean      show_time)
{
  g_return_if_fail (BK_IS_DATE_BUTTON (self));

  show_time = !!show_time;
  if (self->show_time == show_time)
    return;

  self->show_time = show_time;
  gtk_widget_set_visible (self->time_box, show_time);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TIME]);
}

const char *
bk_date_button_get_none_label (BkDateButton *self)
{
  g_return_val_if_fail (BK_IS_DATE_BUTTON (self), NULL);

  return self->none_label;
}

void
bk_date_button_set_none_label (BkDateButton *self,
                               const char   *none_label)
{
  g_return_if_fail (BK_IS_DATE_BUTTON (self));

  if (!set_str (&self->none_label, none_label))
    return;

  gtk_button_set_label (self->none_button, none_label);
  gtk_widget_set_visible (GTK_WIDGET (self->none_button), none_label != NULL);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
}

const char *
bk_date_button_get_title (BkDateButton *self)
{
  g_return_val_if_fail (BK_IS_DATE_BUTTON (self), NULL);

  return self->title;
}

void
bk_date_button_set_title (BkDateButton *self,
                          const char   *title)
{
  g_return_if_fail (BK_IS_DATE_BUTTON (self));

  if (!set_str (&self->title, title))
    return;

  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

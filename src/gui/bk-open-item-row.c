/* bk-open-item-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-open-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-format.h"
#include "bk-open-item-row.h"

struct _BkOpenItemRow
{
  AdwActionRow    parent_instance;

  BkOpenItem     *item;

  GtkCheckButton *check;
};

G_DEFINE_FINAL_TYPE (BkOpenItemRow, bk_open_item_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (BkOpenItemRow *self)
{
  GDateTime *settled = bk_open_item_get_settled (self->item);
  g_autofree char *amount = bk_open_item_dup_amount_text (self->item);
  g_autoptr(GString) subtitle = g_string_new (bk_open_item_kind_get_label (bk_open_item_get_kind (self->item)));

  if (amount != NULL)
    g_string_append_printf (subtitle, " · %s", amount);
  if (settled != NULL)
    {
      g_autofree char *settled_text = bk_format_date (settled);

      g_string_append (subtitle, " · ");
      /* Translators: %s is a date */
      g_string_append_printf (subtitle, _("settled on %s"), settled_text);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), bk_open_item_get_description (self->item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  gtk_check_button_set_active (self->check, settled != NULL);

  if (settled != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "item-settled");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "item-settled");
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     BkOpenItemRow  *self)
{
  gboolean active = gtk_check_button_get_active (check);

  if (self->item == NULL || active == (bk_open_item_get_settled (self->item) != NULL))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), active ? "item.settle" : "item.unsettle", NULL);
}

static void
item_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkOpenItemRow *self = BK_OPEN_ITEM_ROW (widget);
  g_autoptr(BkOpenItemRow) hold = g_object_ref (self);
  gint64 id;

  if (self->item == NULL)
    return;

  id = bk_open_item_get_id (self->item);
  if (g_str_equal (action_name, "item.delete"))
    gtk_widget_activate_action (widget, "resolution.delete-item", "x", id);
  else
    gtk_widget_activate_action (widget, "resolution.settle-item", "(xb)", id,
                                g_str_equal (action_name, "item.settle"));

  /* A new row takes this one's place when the item changed; when it did not, say so. */
  if (self->item != NULL)
    update (self);
}

static void
bk_open_item_row_constructed (GObject *object)
{
  BkOpenItemRow *self = BK_OPEN_ITEM_ROW (object);

  G_OBJECT_CLASS (bk_open_item_row_parent_class)->constructed (object);

  g_return_if_fail (self->item != NULL);
  update (self);
}

static void
bk_open_item_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BkOpenItemRow *self = BK_OPEN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_open_item_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BkOpenItemRow *self = BK_OPEN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_open_item_row_dispose (GObject *object)
{
  BkOpenItemRow *self = (BkOpenItemRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_OPEN_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (bk_open_item_row_parent_class)->dispose (object);
}

static void
bk_open_item_row_class_init (BkOpenItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_open_item_row_constructed;
  object_class->dispose = bk_open_item_row_dispose;
  object_class->get_property = bk_open_item_row_get_property;
  object_class->set_property = bk_open_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BK_TYPE_OPEN_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-open-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkOpenItemRow, check);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled_cb);

  gtk_widget_class_install_action (widget_class, "item.settle", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "item.unsettle", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, item_action);
}

static void
bk_open_item_row_init (BkOpenItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BkOpenItemRow *
bk_open_item_row_new (BkOpenItem *item)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (item), NULL);

  return g_object_new (BK_TYPE_OPEN_ITEM_ROW, "item", item, NULL);
}

BkOpenItem *
bk_open_item_row_get_item (BkOpenItemRow *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM_ROW (self), NULL);

  return self->item;
}

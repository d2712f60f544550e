/* bk-access-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-access-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-access-row.h"
#include "bk-accessible.h"

struct _BkAccessRow
{
  AdwActionRow  parent_instance;

  BkCredential *credential;

  GtkWidget    *handed_over_button;
  GtkWidget    *revoked_button;
};

G_DEFINE_FINAL_TYPE (BkAccessRow, bk_access_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CREDENTIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (BkAccessRow *self)
{
  BkCredentialState state = bk_credential_get_state (self->credential);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), bk_credential_get_label (self->credential));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), bk_credential_state_get_label (state));
  gtk_widget_set_visible (self->handed_over_button, state == BK_CREDENTIAL_STATE_IN_USE);
  gtk_widget_set_visible (self->revoked_button, state == BK_CREDENTIAL_STATE_IN_USE);
}

static void
state_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BkAccessRow *self = BK_ACCESS_ROW (widget);
  BkCredentialState state = g_str_equal (action_name, "access-row.handed-over") ? BK_CREDENTIAL_STATE_HANDED_OVER
                                                                                : BK_CREDENTIAL_STATE_REVOKED;

  if (self->credential != NULL)
    gtk_widget_activate_action (widget, "resolution.set-access-state", "(xu)",
                                bk_credential_get_id (self->credential), (guint32) state);
}

static void
bk_access_row_constructed (GObject *object)
{
  BkAccessRow *self = BK_ACCESS_ROW (object);

  G_OBJECT_CLASS (bk_access_row_parent_class)->constructed (object);

  g_return_if_fail (self->credential != NULL);
  update (self);
}

static void
bk_access_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BkAccessRow *self = BK_ACCESS_ROW (object);

  switch (prop_id)
    {
    case PROP_CREDENTIAL:
      g_value_set_object (value, self->credential);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_access_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BkAccessRow *self = BK_ACCESS_ROW (object);

  switch (prop_id)
    {
    case PROP_CREDENTIAL:
      self->credential = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_access_row_dispose (GObject *object)
{
  BkAccessRow *self = (BkAccessRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_ACCESS_ROW);
  g_clear_object (&self->credential);

  G_OBJECT_CLASS (bk_access_row_parent_class)->dispose (object);
}

static void
bk_access_row_class_init (BkAccessRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_access_row_constructed;
  object_class->dispose = bk_access_row_dispose;
  object_class->get_property = bk_access_row_get_property;
  object_class->set_property = bk_access_row_set_property;

  properties[PROP_CREDENTIAL] =
    g_param_spec_object ("credential", NULL, NULL,
                         BK_TYPE_CREDENTIAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-access-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkAccessRow, handed_over_button);
  gtk_widget_class_bind_template_child (widget_class, BkAccessRow, revoked_button);

  gtk_widget_class_install_action (widget_class, "access-row.handed-over", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "access-row.revoked", NULL, state_action);
}

static void
bk_access_row_init (BkAccessRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
}

BkAccessRow *
bk_access_row_new (BkCredential *credential)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (credential), NULL);

  return g_object_new (BK_TYPE_ACCESS_ROW, "credential", credential, NULL);
}

BkCredential *
bk_access_row_get_credential (BkAccessRow *self)
{
  g_return_val_if_fail (BK_IS_ACCESS_ROW (self), NULL);

  return self->credential;
}

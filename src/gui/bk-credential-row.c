/* bk-credential-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-credential-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-credential-row.h"
#include "bk-format.h"

#define HIDDEN_SECRET "••••••••••"

struct _BkCredentialRow
{
  AdwExpanderRow  parent_instance;

  BkCredential   *credential;
  gboolean        revealed;
  guint           hide_source;

  GtkImage       *state_image;
  GtkLabel       *url_label;
  GtkLabel       *secret_label;
  GtkWidget      *handed_over_child;
  GtkWidget      *revoked_child;
  GtkWidget      *in_use_child;
};

G_DEFINE_FINAL_TYPE (BkCredentialRow, bk_credential_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_CREDENTIAL,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_subtitle (BkCredential *credential)
{
  BkCredentialState state = bk_credential_get_state (credential);
  const char *username = bk_credential_get_username (credential);
  GDateTime *changed = bk_credential_get_state_changed (credential);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (username != NULL && username[0] != '\0')
    g_string_append_printf (subtitle, "%s · ", username);
  g_string_append (subtitle, bk_credential_state_get_label (state));
  if (state != BK_CREDENTIAL_STATE_IN_USE && changed != NULL)
    {
      g_autofree char *date = bk_format_date (changed);

      g_string_append_printf (subtitle, ", %s", date);
    }

  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

static void
set_credential (BkCredentialRow *self,
                BkCredential    *credential)
{
  BkCredentialState state = bk_credential_get_state (credential);
  const char *url = bk_credential_get_url (credential);
  g_autofree char *subtitle = dup_subtitle (credential);
  gboolean in_use = state == BK_CREDENTIAL_STATE_IN_USE;

  self->credential = g_object_ref (credential);

  /* the name tells the rows apart, as the credential's uuid does in the keyring */
  gtk_widget_set_name (GTK_WIDGET (self), bk_credential_get_uuid (credential));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), bk_credential_get_label (credential));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->state_image, in_use ? "dialog-password-symbolic" : "emblem-ok-symbolic");

  gtk_label_set_text (self->url_label, url != NULL ? url : "");
  gtk_widget_set_visible (GTK_WIDGET (self->url_label), url != NULL && url[0] != '\0');

  gtk_widget_set_visible (self->handed_over_child, in_use);
  gtk_widget_set_visible (self->revoked_child, in_use);
  gtk_widget_set_visible (self->in_use_child, !in_use);
}

static gboolean
hide_secret_cb (gpointer user_data)
{
  BkCredentialRow *self = user_data;

  self->hide_source = 0;
  bk_credential_row_set_revealed (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* The buttons' actions: the view does the work, for this credential */

static void
credential_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BkCredentialRow *self = BK_CREDENTIAL_ROW (widget);
  const char *view_action = g_str_equal (action_name, "credential.copy") ? "access.copy"
                          : g_str_equal (action_name, "credential.edit") ? "access.edit"
                          : "access.delete";

  gtk_widget_activate_action (widget, view_action, "x", bk_credential_get_id (self->credential));
}

static void
set_state_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BkCredentialRow *self = BK_CREDENTIAL_ROW (widget);

  gtk_widget_activate_action (widget, "access.set-state", "(xs)",
                              bk_credential_get_id (self->credential),
                              g_variant_get_string (parameter, NULL));
}

static void
bk_credential_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BkCredentialRow *self = BK_CREDENTIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_CREDENTIAL:
      g_value_set_object (value, self->credential);
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, self->revealed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_credential_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BkCredentialRow *self = BK_CREDENTIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_CREDENTIAL:
      set_credential (self, g_value_get_object (value));
      break;

    case PROP_REVEALED:
      bk_credential_row_set_revealed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_credential_row_dispose (GObject *object)
{
  BkCredentialRow *self = (BkCredentialRow *)object;

  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CREDENTIAL_ROW);
  g_clear_object (&self->credential);

  G_OBJECT_CLASS (bk_credential_row_parent_class)->dispose (object);
}

static void
bk_credential_row_class_init (BkCredentialRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_credential_row_dispose;
  object_class->get_property = bk_credential_row_get_property;
  object_class->set_property = bk_credential_row_set_property;

  properties[PROP_CREDENTIAL] =
    g_param_spec_object ("credential", NULL, NULL,
                         BK_TYPE_CREDENTIAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Whether the password is shown (or on its way from the keyring); it hides itself after a
   * while. */
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-credential-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkCredentialRow, state_image);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialRow, url_label);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialRow, secret_label);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialRow, handed_over_child);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialRow, revoked_child);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialRow, in_use_child);

  gtk_widget_class_install_action (widget_class, "credential.copy", NULL, credential_action);
  gtk_widget_class_install_action (widget_class, "credential.edit", NULL, credential_action);
  gtk_widget_class_install_action (widget_class, "credential.delete", NULL, credential_action);
  gtk_widget_class_install_action (widget_class, "credential.set-state", "s", set_state_action);
}

static void
bk_credential_row_init (BkCredentialRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));

  gtk_label_set_text (self->secret_label, HIDDEN_SECRET);
}

BkCredentialRow *
bk_credential_row_new (BkCredential *credential)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (credential), NULL);

  return g_object_new (BK_TYPE_CREDENTIAL_ROW,
                       "credential", credential,
                       NULL);
}

BkCredential *
bk_credential_row_get_credential (BkCredentialRow *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL_ROW (self), NULL);

  return self->credential;
}

gboolean
bk_credential_row_get_revealed (BkCredentialRow *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL_ROW (self), FALSE);

  return self->revealed;
}

/**
 * bk_credential_row_set_revealed:
 *
 * Asks the view for the password ("access.reveal"), or hides it. A revealed password hides
 * again after %BK_CREDENTIAL_EXPOSURE_SECONDS.
 */
void
bk_credential_row_set_revealed (BkCredentialRow *self,
                                gboolean         revealed)
{
  g_return_if_fail (BK_IS_CREDENTIAL_ROW (self));

  revealed = !!revealed;
  if (self->revealed == revealed)
    return;

  self->revealed = revealed;
  g_clear_handle_id (&self->hide_source, g_source_remove);

  if (revealed)
    {
      self->hide_source = g_timeout_add_seconds (BK_CREDENTIAL_EXPOSURE_SECONDS, hide_secret_cb, self);
      gtk_widget_activate_action (GTK_WIDGET (self), "access.reveal", "x", bk_credential_get_id (self->credential));
    }
  else
    {
      gtk_label_set_text (self->secret_label, HIDDEN_SECRET);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

/* The password the view found for a reveal; ignored once the row is hidden again */
void
bk_credential_row_show_secret (BkCredentialRow *self,
                               const char      *secret)
{
  g_return_if_fail (BK_IS_CREDENTIAL_ROW (self));
  g_return_if_fail (secret != NULL);

  if (self->revealed)
    gtk_label_set_text (self->secret_label, secret);
}

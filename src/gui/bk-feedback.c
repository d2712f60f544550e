/* bk-feedback.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-feedback"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-feedback.h"

void
bk_show_toast (GtkWidget  *widget,
               const char *message)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  if ((overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY)))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

void
bk_show_error_dialog (GtkWindow  *parent,
                      const char *heading,
                      const char *message)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
bk_show_playbooks_error (GtkApplication *application,
                         const GError   *error)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("The Playbooks Cannot Be Read"), NULL));
  if (application != NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), application);
  adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message,
                                  _("The playbooks come with Bridgekeeper, so its installation is damaged. "
                                    "Install Bridgekeeper again; your journal is untouched."));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* Progress toasts */

/* Work done sooner than this needs no progress toast */
#define PROGRESS_DELAY_MSEC 500
/* A progress toast, once shown, stays at least this long */
#define PROGRESS_MIN_SHOWN_MSEC 1000

struct _BkProgressToast
{
  AdwToastOverlay *overlay;
  AdwToast        *toast;
  AdwToast        *result;
  guint            timeout_id;
  gint64           shown_at;
};

static void
progress_toast_free (BkProgressToast *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->overlay);
  g_clear_object (&self->toast);
  g_clear_object (&self->result);
  g_free (self);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  BkProgressToast *self = user_data;

  self->timeout_id = 0;
  self->shown_at = g_get_monotonic_time ();
  adw_toast_set_timeout (self->toast, 0);
  adw_toast_overlay_add_toast (self->overlay, g_object_ref (self->toast));

  return G_SOURCE_REMOVE;
}

BkProgressToast *
bk_progress_toast_start (AdwToastOverlay *overlay,
                         const char      *title)
{
  BkProgressToast *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  self = g_new0 (BkProgressToast, 1);
  self->overlay = g_object_ref (overlay);
  self->toast = adw_toast_new (title);
  self->timeout_id = g_timeout_add (PROGRESS_DELAY_MSEC, show_progress_cb, self);

  return self;
}

static gboolean
replace_progress_cb (gpointer user_data)
{
  BkProgressToast *self = user_data;

  self->timeout_id = 0;
  if (self->shown_at != 0)
    adw_toast_dismiss (self->toast);
  if (self->result != NULL)
    adw_toast_overlay_add_toast (self->overlay, g_steal_pointer (&self->result));
  progress_toast_free (self);

  return G_SOURCE_REMOVE;
}

void
bk_progress_toast_finish (BkProgressToast *self,
                          AdwToast        *result)
{
  gint64 shown_msec;

  g_return_if_fail (self != NULL);
  g_return_if_fail (result == NULL || ADW_IS_TOAST (result));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->result = result;

  shown_msec = self->shown_at != 0 ? (g_get_monotonic_time () - self->shown_at) / 1000 : G_MAXINT64;
  if (shown_msec >= PROGRESS_MIN_SHOWN_MSEC)
    replace_progress_cb (self);
  else
    self->timeout_id = g_timeout_add (PROGRESS_MIN_SHOWN_MSEC - shown_msec, replace_progress_cb, self);
}

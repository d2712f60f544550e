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

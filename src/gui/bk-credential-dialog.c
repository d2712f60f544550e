/* bk-credential-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-credential-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-access.h"
#include "bk-accessible.h"
#include "bk-feedback.h"
#include "bk-credential-dialog.h"
#include "bk-journal.h"

struct _BkCredentialDialog
{
  AdwWindow            parent_instance;

  BkJournal           *journal;
  BkCounterpart       *counterpart;
  BkCredential        *credential;

  AdwPreferencesPage  *page;
  AdwEntryRow         *label_row;
  AdwEntryRow         *username_row;
  AdwEntryRow         *url_row;
  AdwPreferencesGroup *secret_group;
  AdwPasswordEntryRow *secret_row;

  /* Where the focus was when Save was pressed, to go back to if the password was not saved */
  GtkWidget           *saved_focus;
};

G_DEFINE_FINAL_TYPE (BkCredentialDialog, bk_credential_dialog, ADW_TYPE_WINDOW)

static void
set_label_error (BkCredentialDialog *self,
                 const char         *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->label_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label_row), "error");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->label_row),
                                 error != NULL ? error : _("Label, e.g. Hosting panel"));
}

static void
on_label_changed_cb (BkCredentialDialog *self)
{
  set_label_error (self, NULL);
}

static void
on_entry_activated_cb (BkCredentialDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/* The form waits for the keyring, insensitive, or takes input again. The focus leaves it
 * first: a text field made insensitive while focused keeps blinking its cursor and GTK warns
 * that it "did not receive a focus-out event". */
static void
set_busy (BkCredentialDialog *self,
          gboolean            busy)
{
  if (busy)
    {
      g_set_weak_pointer (&self->saved_focus, gtk_window_get_focus (GTK_WINDOW (self)));
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->page), TRUE);
      if (self->saved_focus != NULL)
        gtk_widget_grab_focus (self->saved_focus);
      g_clear_weak_pointer (&self->saved_focus);
    }
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BkCredentialDialog) self = user_data;
  g_autoptr(BkCredential) saved = NULL;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);

  /* Nothing half-saved: without its password the credential is as it was before. */
  if (!(saved = bk_access_save_finish (BK_JOURNAL (object), result, &error)))
    {
      if (error->domain == BK_DATABASE_ERROR)
        set_label_error (self, error->message);
      else if (g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_DISMISSED))
        /* The person said no to the keyring's prompt: not an error to report. The form stays
         * as they left it, with a quiet line saying nothing was saved. */
        adw_preferences_group_set_description (self->secret_group, error->message);
      else
        bk_show_error_dialog (GTK_WINDOW (self), _("The Password Was Not Saved"), error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkCredentialDialog *self = BK_CREDENTIAL_DIALOG (widget);
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->page)))
    return;

  if (label[0] == '\0')
    {
      set_label_error (self, _("A label is required"));
      gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
      return;
    }

  bk_credential_set_counterpart_id (self->credential, bk_counterpart_get_id (self->counterpart));
  bk_credential_set_label (self->credential, label);
  bk_credential_set_username (self->credential, gtk_editable_get_text (GTK_EDITABLE (self->username_row)));
  bk_credential_set_url (self->credential, gtk_editable_get_text (GTK_EDITABLE (self->url_row)));

  set_busy (self, TRUE);
  bk_access_save_async (self->journal, self->credential, gtk_editable_get_text (GTK_EDITABLE (self->secret_row)),
                        NULL, on_saved_cb, g_object_ref (self));
}

static void
bk_credential_dialog_dispose (GObject *object)
{
  BkCredentialDialog *self = (BkCredentialDialog *)object;

  g_clear_weak_pointer (&self->saved_focus);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CREDENTIAL_DIALOG);
  g_clear_object (&self->credential);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (bk_credential_dialog_parent_class)->dispose (object);
}

static void
bk_credential_dialog_class_init (BkCredentialDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_credential_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-credential-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkCredentialDialog, page);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialDialog, secret_group);
  gtk_widget_class_bind_template_child (widget_class, BkCredentialDialog, secret_row);
  gtk_widget_class_bind_template_callback (widget_class, on_label_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_credential_dialog_init (BkCredentialDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

BkCredentialDialog *
bk_credential_dialog_new (GtkWindow     *parent,
                          BkJournal     *journal,
                          BkCounterpart *counterpart,
                          BkCredential  *credential)
{
  BkCredentialDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (BK_IS_COUNTERPART (counterpart), NULL);
  g_return_val_if_fail (credential == NULL || BK_IS_CREDENTIAL (credential), NULL);

  self = g_object_new (BK_TYPE_CREDENTIAL_DIALOG,
                       "transient-for", parent,
                       "title", credential != NULL ? _("Edit Access") : _("New Access"),
                       NULL);
  self->journal = g_object_ref (journal);
  self->counterpart = g_object_ref (counterpart);
  self->credential = credential != NULL ? bk_credential_copy (credential) : bk_credential_new ();

  if (credential != NULL)
    {
      set_text (self->label_row, bk_credential_get_label (credential));
      set_text (self->username_row, bk_credential_get_username (credential));
      set_text (self->url_row, bk_credential_get_url (credential));
      adw_preferences_group_set_description (self->secret_group,
                                             _("Kept in your desktop keyring only. Leave it empty to keep the current password."));
    }

  return self;
}

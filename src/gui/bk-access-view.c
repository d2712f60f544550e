/* bk-access-view.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-access-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-access.h"
#include "bk-access-view.h"
#include "bk-accessible.h"
#include "bk-credential-dialog.h"
#include "bk-credential-row.h"
#include "bk-feedback.h"
#include "bk-journal.h"
#include "bk-row-list.h"

struct _BkAccessView
{
  AdwBin               parent_instance;

  BkJournal           *journal;
  BkCounterpart       *counterpart;
  /* the counterpart's credentials, each shown as a BkCredentialRow */
  GListModel          *credentials;
  /* What this view put on the clipboard, to take it off again */
  GdkContentProvider  *copied;
  guint                clear_clipboard_source;

  GtkWidget           *unavailable_box;
  GtkLabel            *unavailable_title;
  GtkLabel            *unavailable_label;
  GtkWidget           *add_button;
  GtkListBox          *credentials_list;
  GtkWidget           *empty_list;
};

G_DEFINE_FINAL_TYPE (BkAccessView, bk_access_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CREDENTIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Says in the banner what is wrong with the keyring and what to do, or hides it; without a
 * keyring, access cannot be added (its form could not save), and "+" says why. */
static void
show_keyring_state (BkAccessView *self,
                    const GError *error)
{
  gboolean unavailable = g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_UNAVAILABLE);
  gboolean locked = g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_LOCKED);

  gtk_widget_set_visible (self->unavailable_box, unavailable || locked);
  if (unavailable)
    {
      gtk_label_set_text (self->unavailable_title, _("The Keyring Is Not Available"));
      gtk_label_set_text (self->unavailable_label,
                          _("Passwords are kept only in your desktop’s keyring, so access cannot "
                            "be added or shown until it runs. Start GNOME Keyring (or log out and "
                            "back in), then try again."));
    }
  else if (locked)
    {
      gtk_label_set_text (self->unavailable_title, _("The Keyring Is Locked"));
      gtk_label_set_text (self->unavailable_label,
                          _("Unlock it in Passwords and Keys, then try again."));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.add",
                                 !unavailable && self->journal != NULL && !bk_journal_is_read_only (self->journal));
  gtk_widget_set_tooltip_text (self->add_button,
                               unavailable ? _("Access cannot be added without the keyring")
                                           : _("Add Access"));
}

/* The keyring's answer decides whether the person is told it is unavailable. */
static gboolean
keyring_answered (BkAccessView *self,
                  const GError *error)
{
  /* a prompt the person dismissed says nothing about the keyring */
  if (!g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_DISMISSED))
    show_keyring_state (self, error);

  return error == NULL;
}

/* What is not worth a toast: no keyring (the banner says so) or a prompt the person dismissed */
static gboolean
is_quiet (const GError *error)
{
  return g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_UNAVAILABLE) ||
         g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_DISMISSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_probe_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BkAccessView) self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = bk_access_lookup_secret_finish (BK_JOURNAL (object), result, &error);

  bk_access_free_secret (secret);
  if (g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_NO_SECRET))
    g_clear_error (&error);
  keyring_answered (self, error);
}

static void
on_check_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BkAccessView) self = user_data;
  g_autoptr(GError) error = NULL;

  bk_access_check_keyring_finish (BK_JOURNAL (object), result, &error);
  keyring_answered (self, error);
}

/* Asks the keyring once whether it answers, to say so up front rather than on a click: with
 * a credential, whether its secret can be read; without, whether there is a keyring at all. */
static void
probe_keyring (BkAccessView *self)
{
  g_autoptr(BkCredential) first = NULL;

  if (self->journal == NULL || self->credentials == NULL)
    {
      gtk_widget_set_visible (self->unavailable_box, FALSE);
      return;
    }

  if (!(first = g_list_model_get_item (self->credentials, 0)))
    bk_access_check_keyring_async (self->journal, NULL, on_check_ready_cb, g_object_ref (self));
  else
    bk_access_lookup_secret_async (self->journal, bk_credential_get_id (first), NULL,
                                   on_probe_ready_cb, g_object_ref (self));
}

static BkCredentialRow *
find_row (BkAccessView *self,
          gint64        id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->credentials_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (BK_IS_CREDENTIAL_ROW (child) &&
          bk_credential_get_id (bk_credential_row_get_credential (BK_CREDENTIAL_ROW (child))) == id)
        return BK_CREDENTIAL_ROW (child);
    }

  return NULL;
}

/* Reveal */

typedef struct
{
  BkAccessView    *self;
  BkCredentialRow *row;
} Reveal;

static void
reveal_free (Reveal *reveal)
{
  g_object_unref (reveal->self);
  g_object_unref (reveal->row);
  g_free (reveal);
}

static void
on_reveal_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Reveal *reveal = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = bk_access_lookup_secret_finish (BK_JOURNAL (object), result, &error);

  if (keyring_answered (reveal->self, error))
    bk_credential_row_show_secret (reveal->row, secret);
  else
    {
      if (!is_quiet (error))
        bk_show_toast (GTK_WIDGET (reveal->self), error->message);
      bk_credential_row_set_revealed (reveal->row, FALSE);
    }

  bk_access_free_secret (secret);
  reveal_free (reveal);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BkAccessView *self = BK_ACCESS_VIEW (widget);
  BkCredentialRow *row = find_row (self, g_variant_get_int64 (parameter));
  Reveal *reveal;

  if (row == NULL)
    return;

  reveal = g_new0 (Reveal, 1);
  reveal->self = g_object_ref (self);
  reveal->row = g_object_ref (row);
  bk_access_lookup_secret_async (self->journal, g_variant_get_int64 (parameter), NULL, on_reveal_ready_cb, reveal);
}

/* Copy */

static gboolean
clear_clipboard_cb (gpointer user_data)
{
  BkAccessView *self = user_data;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  self->clear_clipboard_source = 0;

  /* Only if what is there is still ours: the person may have copied something else since. */
  if (self->copied != NULL && gdk_clipboard_get_content (clipboard) == self->copied)
    gdk_clipboard_set_content (clipboard, NULL);
  g_clear_object (&self->copied);

  return G_SOURCE_REMOVE;
}

static void
on_copy_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BkAccessView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  char *secret = bk_access_lookup_secret_finish (BK_JOURNAL (object), result, &error);
  GdkClipboard *clipboard;

  if (!keyring_answered (self, error))
    {
      if (!is_quiet (error))
        bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  g_clear_object (&self->copied);
  self->copied = gdk_content_provider_new_typed (G_TYPE_STRING, secret);
  gdk_clipboard_set_content (clipboard, self->copied);
  bk_access_free_secret (secret);

  g_clear_handle_id (&self->clear_clipboard_source, g_source_remove);
  self->clear_clipboard_source = g_timeout_add_seconds (BK_CREDENTIAL_EXPOSURE_SECONDS, clear_clipboard_cb, self);

  /* Translators: %d is a number of seconds */
  message = g_strdup_printf (ngettext ("Password copied; the clipboard will be cleared in %d second",
                                       "Password copied; the clipboard will be cleared in %d seconds",
                                       BK_CREDENTIAL_EXPOSURE_SECONDS), BK_CREDENTIAL_EXPOSURE_SECONDS);
  bk_show_toast (GTK_WIDGET (self), message);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkAccessView *self = BK_ACCESS_VIEW (widget);

  bk_access_lookup_secret_async (self->journal, g_variant_get_int64 (parameter), NULL, on_copy_ready_cb,
                                 g_object_ref (self));
}

/* State, edit, delete */

static void
set_state_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BkAccessView *self = BK_ACCESS_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  BkCredentialState state;
  BkCredentialRow *row;
  const char *nick;
  gboolean expanded;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &nick);
  g_return_if_fail (bk_credential_state_from_string (nick, &state));

  row = find_row (self, id);
  expanded = row != NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row));

  if (!bk_credential_store_set_state (bk_journal_get_credentials (self->journal), id, state, now, &error))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* The row came back anew with its new state: keep it open, and the focus in it. */
  if (expanded && (row = find_row (self, id)) != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
    }
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkAccessView *self = BK_ACCESS_VIEW (widget);
  g_autoptr(BkCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  if (!(credential = bk_credential_store_dup (bk_journal_get_credentials (self->journal),
                                              g_variant_get_int64 (parameter), &error)))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (bk_credential_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                            self->journal, self->counterpart, credential)));
}

static void
on_deleted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BkAccessView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bk_access_delete_finish (BK_JOURNAL (object), result, &error))
    bk_show_toast (GTK_WIDGET (self), error->message);
}

/* What a delete confirmation is about */
typedef struct
{
  BkAccessView *self;
  gint64        id;
} Deletion;

static void
deletion_free (gpointer  data,
               GClosure *closure)
{
  Deletion *deletion = data;

  g_object_unref (deletion->self);
  g_free (deletion);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Deletion         *deletion)
{
  if (g_strcmp0 (response, "delete") != 0)
    return;

  bk_access_delete_async (deletion->self->journal, deletion->id, NULL, on_deleted_cb,
                          g_object_ref (deletion->self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BkAccessView *self = BK_ACCESS_VIEW (widget);
  BkCredentialRow *row = find_row (self, g_variant_get_int64 (parameter));
  AdwMessageDialog *dialog;
  Deletion *deletion;

  if (row == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Delete This Access?"), NULL));
  /* Translators: %s is a credential's label, e.g. "Hosting panel" */
  adw_message_dialog_format_body (dialog, _("“%s” and its password are deleted from the journal and the keyring."),
                                  bk_credential_get_label (bk_credential_row_get_credential (row)));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");

  deletion = g_new0 (Deletion, 1);
  deletion->self = g_object_ref (self);
  deletion->id = g_variant_get_int64 (parameter);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response_cb), deletion, deletion_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The list */

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return GTK_WIDGET (bk_credential_row_new (BK_CREDENTIAL (item)));
}

/* The list, or a line saying it is empty; without a counterpart, neither */
static void
update_visibility (BkAccessView *self)
{
  guint n_items = self->credentials != NULL ? g_list_model_get_n_items (self->credentials) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->credentials_list), n_items > 0);
  gtk_widget_set_visible (self->empty_list, self->credentials != NULL && n_items == 0);
}

static void
on_credentials_items_changed_cb (BkAccessView *self,
                                 guint         position,
                                 guint         removed,
                                 guint         added,
                                 GListModel   *credentials)
{
  guint n_items = g_list_model_get_n_items (credentials);

  update_visibility (self);

  /* the counterpart's first access, or its last one gone */
  if (n_items - added + removed == 0 || n_items == 0)
    probe_keyring (self);
}

/* Shows the credentials of the counterpart, in the journal */
static void
load (BkAccessView *self)
{
  g_autoptr(BkRowList) credentials = NULL;

  if (self->credentials != NULL)
    g_signal_handlers_disconnect_by_data (self->credentials, self);

  if (self->counterpart != NULL && self->journal != NULL)
    credentials = bk_row_list_new_credentials (self->journal, bk_counterpart_get_id (self->counterpart));

  g_set_object (&self->credentials, G_LIST_MODEL (credentials));
  gtk_list_box_bind_model (self->credentials_list, self->credentials, create_row_cb, self, NULL);
  if (self->credentials != NULL)
    g_signal_connect_object (self->credentials, "items-changed", G_CALLBACK (on_credentials_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_visibility (self);
  probe_keyring (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIALS]);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BkAccessView *self = BK_ACCESS_VIEW (widget);

  if (self->counterpart == NULL)
    return;

  gtk_window_present (GTK_WINDOW (bk_credential_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                            self->journal, self->counterpart, NULL)));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  probe_keyring (BK_ACCESS_VIEW (widget));
}

static void
bk_access_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BkAccessView *self = BK_ACCESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      g_value_set_object (value, self->credentials);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_access_view_dispose (GObject *object)
{
  BkAccessView *self = (BkAccessView *)object;

  g_clear_handle_id (&self->clear_clipboard_source, g_source_remove);

  /* A password left on the clipboard goes with the view. */
  if (self->copied != NULL)
    {
      GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

      if (gdk_clipboard_get_content (clipboard) == self->copied)
        gdk_clipboard_set_content (clipboard, NULL);
      g_clear_object (&self->copied);
    }

  if (self->credentials != NULL)
    g_signal_handlers_disconnect_by_data (self->credentials, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_ACCESS_VIEW);
  g_clear_object (&self->credentials);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (bk_access_view_parent_class)->dispose (object);
}

static void
bk_access_view_class_init (BkAccessViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_access_view_dispose;
  object_class->get_property = bk_access_view_get_property;

  /* The credentials shown, a GListModel of BkCredential, or %NULL without a counterpart */
  properties[PROP_CREDENTIALS] =
    g_param_spec_object ("credentials", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-access-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, unavailable_box);
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, unavailable_title);
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, unavailable_label);
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, add_button);
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, credentials_list);
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, empty_list);

  gtk_widget_class_install_action (widget_class, "access.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "access.retry", NULL, retry_action);
  /* what a credential's row asks for, with the credential's id */
  gtk_widget_class_install_action (widget_class, "access.reveal", "x", reveal_action);
  gtk_widget_class_install_action (widget_class, "access.copy", "x", copy_action);
  gtk_widget_class_install_action (widget_class, "access.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "access.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "access.set-state", "(xs)", set_state_action);
}

static void
bk_access_view_init (BkAccessView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
}

void
bk_access_view_set_journal (BkAccessView *self,
                            BkJournal    *journal)
{
  g_return_if_fail (BK_IS_ACCESS_VIEW (self));
  g_return_if_fail (BK_IS_JOURNAL (journal));

  if (!g_set_object (&self->journal, journal))
    return;

  load (self);

  /* a read-only journal is read (access can still be shown and copied), not changed */
  if (bk_journal_is_read_only (journal))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.edit", !bk_journal_is_read_only (journal));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.delete", !bk_journal_is_read_only (journal));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.set-state", !bk_journal_is_read_only (journal));
}

void
bk_access_view_set_counterpart (BkAccessView  *self,
                                BkCounterpart *counterpart)
{
  gboolean same;

  g_return_if_fail (BK_IS_ACCESS_VIEW (self));
  g_return_if_fail (counterpart == NULL || BK_IS_COUNTERPART (counterpart));

  same = self->counterpart != NULL && counterpart != NULL &&
         bk_counterpart_get_id (self->counterpart) == bk_counterpart_get_id (counterpart);

  g_set_object (&self->counterpart, counterpart);

  /* An edit of the same counterpart changes nothing here: its list follows the store. */
  if (!same)
    load (self);
}

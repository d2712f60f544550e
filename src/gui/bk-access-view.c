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
#include "bk-feedback.h"
#include "bk-access-view.h"
#include "bk-credential-dialog.h"
#include "bk-format.h"
#include "bk-journal.h"

/* How long a revealed or copied password stays out in the open */
#define EXPOSURE_SECONDS 30
#define HIDDEN_SECRET "••••••••••"

struct _BkAccessView
{
  AdwBin               parent_instance;

  BkJournal           *journal;
  BkCounterpart       *counterpart;
  GPtrArray           *rows;
  guint                refresh_source;
  /* What this view put on the clipboard, to take it off again */
  GdkContentProvider  *copied;
  guint                clear_clipboard_source;

  GtkWidget           *unavailable_box;
  GtkLabel            *unavailable_label;
  AdwPreferencesGroup *credentials_group;
};

G_DEFINE_FINAL_TYPE (BkAccessView, bk_access_view, ADW_TYPE_BIN)

static void refresh (BkAccessView *self);

static gboolean
refresh_idle_cb (gpointer user_data)
{
  BkAccessView *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (BkAccessView *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
on_credentials_changed_cb (BkAccessView *self,
                           gint64        counterpart_id)
{
  if (self->counterpart != NULL &&
      (counterpart_id == 0 || counterpart_id == bk_counterpart_get_id (self->counterpart)))
    queue_refresh (self);
}

/* The keyring's answer decides whether the person is told it is unavailable. */
static gboolean
keyring_answered (BkAccessView *self,
                  const GError *error)
{
  gboolean unavailable = g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_UNAVAILABLE) ||
                         g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_LOCKED);

  gtk_widget_set_visible (self->unavailable_box, unavailable);
  if (unavailable)
    gtk_label_set_text (self->unavailable_label, error->message);

  return error == NULL;
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

static gint64
get_id (GtkWidget *widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "credential-id"));
}

/* Reveal */

typedef struct
{
  BkAccessView    *self;
  GtkToggleButton *toggle;
  GtkLabel        *label;
} Reveal;

static void
reveal_free (Reveal *reveal)
{
  g_object_unref (reveal->self);
  g_object_unref (reveal->toggle);
  g_object_unref (reveal->label);
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

  if (keyring_answered (reveal->self, error) && gtk_toggle_button_get_active (reveal->toggle))
    gtk_label_set_text (reveal->label, secret);
  else
    {
      if (error != NULL && !g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_UNAVAILABLE))
        bk_show_toast (GTK_WIDGET (reveal->self), error->message);
      gtk_toggle_button_set_active (reveal->toggle, FALSE);
    }

  bk_access_free_secret (secret);
  reveal_free (reveal);
}

static gboolean
hide_secret_cb (gpointer user_data)
{
  GtkToggleButton *toggle = user_data;

  g_object_set_data (G_OBJECT (toggle), "hide-source", NULL);
  gtk_toggle_button_set_active (toggle, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_reveal_toggled_cb (GtkToggleButton *toggle,
                      BkAccessView    *self)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (toggle), "secret-label");
  guint hide_source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "hide-source"));

  if (hide_source != 0)
    g_source_remove (hide_source);
  g_object_set_data (G_OBJECT (toggle), "hide-source", NULL);

  if (gtk_toggle_button_get_active (toggle))
    {
      Reveal *reveal = g_new0 (Reveal, 1);

      reveal->self = g_object_ref (self);
      reveal->toggle = g_object_ref (toggle);
      reveal->label = g_object_ref (label);
      bk_access_lookup_secret_async (self->journal, get_id (GTK_WIDGET (toggle)), NULL, on_reveal_ready_cb, reveal);

      hide_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, EXPOSURE_SECONDS, hide_secret_cb,
                                                g_object_ref (toggle), g_object_unref);
      g_object_set_data (G_OBJECT (toggle), "hide-source", GUINT_TO_POINTER (hide_source));
    }
  else
    {
      gtk_label_set_text (label, HIDDEN_SECRET);
    }
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
      if (!g_error_matches (error, BK_ACCESS_ERROR, BK_ACCESS_ERROR_UNAVAILABLE))
        bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  g_clear_object (&self->copied);
  self->copied = gdk_content_provider_new_typed (G_TYPE_STRING, secret);
  gdk_clipboard_set_content (clipboard, self->copied);
  bk_access_free_secret (secret);

  g_clear_handle_id (&self->clear_clipboard_source, g_source_remove);
  self->clear_clipboard_source = g_timeout_add_seconds (EXPOSURE_SECONDS, clear_clipboard_cb, self);

  /* Translators: %d is a number of seconds */
  message = g_strdup_printf (ngettext ("Password copied; the clipboard is cleared in %d second",
                                       "Password copied; the clipboard is cleared in %d seconds",
                                       EXPOSURE_SECONDS), EXPOSURE_SECONDS);
  bk_show_toast (GTK_WIDGET (self), message);
}

static void
on_copy_clicked_cb (GtkButton    *button,
                    BkAccessView *self)
{
  bk_access_lookup_secret_async (self->journal, get_id (GTK_WIDGET (button)), NULL, on_copy_ready_cb, g_object_ref (self));
}

/* State, edit, delete */

static void
on_state_clicked_cb (GtkButton    *button,
                     BkAccessView *self)
{
  BkCredentialState state = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "state"));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (!bk_credential_store_set_state (bk_journal_get_credentials (self->journal), get_id (GTK_WIDGET (button)), state, now, &error))
    bk_show_toast (GTK_WIDGET (self), error->message);
}

static void
on_edit_clicked_cb (GtkButton    *button,
                    BkAccessView *self)
{
  g_autoptr(BkCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  if (!(credential = bk_credential_store_dup (bk_journal_get_credentials (self->journal), get_id (GTK_WIDGET (button)), &error)))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (bk_credential_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
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

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       BkAccessView     *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "credential-id"));

  if (g_strcmp0 (response, "delete") != 0)
    return;

  bk_access_delete_async (self->journal, id, NULL, on_deleted_cb, g_object_ref (self));
}

static void
on_delete_clicked_cb (GtkButton    *button,
                      BkAccessView *self)
{
  AdwMessageDialog *dialog;
  const char *label = g_object_get_data (G_OBJECT (button), "credential-label");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Delete This Access?"), NULL));
  /* Translators: %s is a credential's label, e.g. "Hosting panel" */
  adw_message_dialog_format_body (dialog, _("“%s” and its password are deleted from the journal and the keyring."),
                                  label);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "credential-id", g_object_get_data (G_OBJECT (button), "credential-id"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
tag_button (GtkWidget    *button,
            BkCredential *credential)
{
  g_object_set_data (G_OBJECT (button), "credential-id", GSIZE_TO_POINTER (bk_credential_get_id (credential)));
  g_object_set_data_full (G_OBJECT (button), "credential-label", g_strdup (bk_credential_get_label (credential)), g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static GtkWidget *
create_state_button (BkCredential      *credential,
                     BkCredentialState  state,
                     const char        *label,
                     BkAccessView      *self)
{
  GtkWidget *button = tag_button (gtk_button_new_with_mnemonic (label), credential);

  g_object_set_data (G_OBJECT (button), "state", GUINT_TO_POINTER (state));
  g_signal_connect (button, "clicked", G_CALLBACK (on_state_clicked_cb), self);

  return button;
}

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

static GtkWidget *
create_row (BkAccessView *self,
            BkCredential *credential)
{
  BkCredentialState state = bk_credential_get_state (credential);
  const char *url = bk_credential_get_url (credential);
  g_autofree char *subtitle = dup_subtitle (credential);
  GtkWidget *row, *box, *line, *label, *secret, *button;

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_credential_get_label (credential));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row),
                               gtk_image_new_from_icon_name (state == BK_CREDENTIAL_STATE_IN_USE
                                                             ? "dialog-password-symbolic" : "emblem-ok-symbolic"));
  gtk_widget_set_name (row, bk_credential_get_uuid (credential));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  if (url != NULL && url[0] != '\0')
    {
      label = gtk_label_new (url);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  secret = gtk_label_new (HIDDEN_SECRET);
  gtk_label_set_selectable (GTK_LABEL (secret), TRUE);
  gtk_label_set_xalign (GTK_LABEL (secret), 0);
  gtk_label_set_ellipsize (GTK_LABEL (secret), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (secret, TRUE);
  gtk_widget_add_css_class (secret, "monospace");
  gtk_box_append (GTK_BOX (line), secret);

  button = tag_button (gtk_toggle_button_new (), credential);
  gtk_button_set_icon_name (GTK_BUTTON (button), "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (button, _("Show the Password"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "reveal");
  g_object_set_data (G_OBJECT (button), "secret-label", secret);
  g_signal_connect (button, "toggled", G_CALLBACK (on_reveal_toggled_cb), self);
  gtk_box_append (GTK_BOX (line), button);

  button = tag_button (gtk_button_new_from_icon_name ("edit-copy-symbolic"), credential);
  gtk_widget_set_tooltip_text (button, _("Copy the Password"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "copy");
  g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (line), button);

  button = tag_button (gtk_button_new_from_icon_name ("document-edit-symbolic"), credential);
  gtk_widget_set_tooltip_text (button, _("Edit"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_edit_clicked_cb), self);
  gtk_box_append (GTK_BOX (line), button);

  button = tag_button (gtk_button_new_from_icon_name ("user-trash-symbolic"), credential);
  gtk_widget_set_tooltip_text (button, _("Delete"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (line), button);
  gtk_box_append (GTK_BOX (box), line);

  /* A flow box, so that the buttons go one under the other in a narrow window */
  line = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (line), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (line), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (line), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (line), 2);
  if (state == BK_CREDENTIAL_STATE_IN_USE)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (line), create_state_button (credential, BK_CREDENTIAL_STATE_HANDED_OVER,
                                                                     _("Mark _Handed Over"), self));
      gtk_flow_box_append (GTK_FLOW_BOX (line), create_state_button (credential, BK_CREDENTIAL_STATE_REVOKED,
                                                                     _("Mark _Revoked"), self));
    }
  else
    {
      gtk_flow_box_append (GTK_FLOW_BOX (line), create_state_button (credential, BK_CREDENTIAL_STATE_IN_USE,
                                                                     _("Mark _In Use Again"), self));
    }
  gtk_box_append (GTK_BOX (box), line);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);

  return row;
}

static void
refresh (BkAccessView *self)
{
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->credentials_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->counterpart == NULL || self->journal == NULL)
    return;

  if (!(credentials = bk_credential_store_list (bk_journal_get_credentials (self->journal), bk_counterpart_get_id (self->counterpart), &error)))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  for (guint i = 0; i < credentials->len; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (credentials, i));

      adw_preferences_group_add (self->credentials_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (credentials->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No access recorded yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->credentials_group, row);
      g_ptr_array_add (self->rows, row);
      gtk_widget_set_visible (self->unavailable_box, FALSE);
    }
  else
    {
      /* Ask the keyring once whether it answers, to say so up front rather than on a click. */
      bk_access_lookup_secret_async (self->journal, bk_credential_get_id (g_ptr_array_index (credentials, 0)), NULL,
                                     on_probe_ready_cb, g_object_ref (self));
    }
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
  refresh (BK_ACCESS_VIEW (widget));
}

static void
bk_access_view_dispose (GObject *object)
{
  BkAccessView *self = (BkAccessView *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->clear_clipboard_source, g_source_remove);

  /* A password left on the clipboard goes with the view. */
  if (self->copied != NULL)
    {
      GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

      if (gdk_clipboard_get_content (clipboard) == self->copied)
        gdk_clipboard_set_content (clipboard, NULL);
      g_clear_object (&self->copied);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_ACCESS_VIEW);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_access_view_parent_class)->dispose (object);
}

static void
bk_access_view_class_init (BkAccessViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_access_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-access-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, unavailable_box);
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, unavailable_label);
  gtk_widget_class_bind_template_child (widget_class, BkAccessView, credentials_group);

  gtk_widget_class_install_action (widget_class, "access.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "access.retry", NULL, retry_action);
}

static void
bk_access_view_init (BkAccessView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

void
bk_access_view_set_journal (BkAccessView *self,
                            BkJournal    *journal)
{
  g_return_if_fail (BK_IS_ACCESS_VIEW (self));
  g_return_if_fail (BK_IS_JOURNAL (journal));

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);

  if (g_set_object (&self->journal, journal))
    g_signal_connect_object (journal, "credentials-changed", G_CALLBACK (on_credentials_changed_cb), self,
                             G_CONNECT_SWAPPED);
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

  /* An edit of the same counterpart changes nothing here. */
  if (!same)
    refresh (self);
}

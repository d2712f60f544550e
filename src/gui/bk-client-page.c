/* bk-client-page.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-client-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-access-view.h"
#include "bk-accessible.h"
#include "bk-feedback.h"
#include "bk-client-page.h"
#include "bk-date-button.h"
#include "bk-deletion.h"
#include "bk-note-dialog.h"
#include "bk-note-list.h"
#include "bk-note-row.h"
#include "bk-playbook-library.h"
#include "bk-resolution-view.h"
#include "bk-timeline.h"

/* GTK 4.8's list view keeps a row widget for up to 200 items of its model, whatever it shows:
 * it is given the newest notes, more than a tall window shows, and more of them as the reader
 * nears the end, so that a client with thousands of notes opens at once. */
#define N_NOTES_SHOWN_FIRST 20
#define N_NOTES_SHOWN_MORE  40
/* A search's note, landed on, comes with this many newer notes above it */
#define N_NOTES_ABOVE_FOUND 2

struct _BkClientPage
{
  AdwBin           parent_instance;

  BkJournal       *journal;
  BkPlaybookLibrary *playbooks;
  BkCounterpart   *counterpart;
  BkNoteList      *notes;
  /* the newest of them, as many as the timeline has been scrolled to */
  GtkSliceListModel *shown_notes;
  GtkRevealer       *newer_revealer;
  /* the note a search found, and the search's words in it (see bk_client_page_show_note()) */
  gint64             found_note_id;
  char              *found_markup;
  /* The toast of the note deletion that can still be undone; not owned. */
  AdwToast        *undo_toast;
  /* the note deleted while its undo is offered */
  BkDeletion      *note_deletion;

  GtkLabel        *name_label;
  GtkLabel        *subtitle_label;
  GtkLabel        *email_label;
  GtkLabel        *phone_label;
  GtkLabel        *referral_label;
  GtkLabel        *touch_label;
  GtkBox          *tags_box;
  GtkLabel        *status_label;
  GtkLabel        *health_label;
  GtkLevelBar     *health_bar;
  GtkWidget       *composer;
  GtkTextView     *composer_view;
  GtkWidget       *composer_placeholder;
  GtkDropDown     *kind_dropdown;
  BkDateButton    *date_button;
  GtkCheckButton  *private_check;
  GtkStack        *timeline_stack;
  GtkListView     *timeline_view;
  GtkScrolledWindow *journal_scroller;
  GtkRevealer     *details_revealer;
  AdwViewStack    *view_stack;
  AdwViewStackPage *resolution_page;
  BkResolutionView *resolution_view;
  BkAccessView    *access_view;
};

G_DEFINE_FINAL_TYPE (BkClientPage, bk_client_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_PLAYBOOKS,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static char *
join_nonempty (const char *separator,
               const char *a,
               const char *b)
{
  if (a == NULL || a[0] == '\0')
    return g_strdup (b);
  if (b == NULL || b[0] == '\0')
    return g_strdup (a);
  return g_strconcat (a, separator, b, NULL);
}

/* An address as a link that opens it (mailto:, tel:), or hidden when there is none */
static void
set_link (GtkLabel   *label,
          const char *scheme,
          const char *address)
{
  g_autofree char *uri = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *escaped = NULL;
  GString *target;

  gtk_widget_set_visible (GTK_WIDGET (label), address != NULL && address[0] != '\0');
  if (address == NULL || address[0] == '\0')
    {
      gtk_label_set_text (label, "");
      return;
    }

  /* a telephone number's spaces are only for the eye (RFC 3966 has no room for them) */
  target = g_string_new (NULL);
  for (const char *p = address; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) || !g_str_equal (scheme, "tel"))
      g_string_append_c (target, *p);
  escaped = g_uri_escape_string (target->str, "@+-.()_", FALSE);
  g_string_free (target, TRUE);

  uri = g_strconcat (scheme, ":", escaped, NULL);
  markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, address);
  gtk_label_set_markup (label, markup);
}

static GtkWidget *
create_tag_chip (const char *tag)
{
  GtkWidget *chip = gtk_label_new (tag);

  gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (chip, tag);
  gtk_widget_add_css_class (chip, "tag-chip");
  gtk_widget_add_css_class (chip, "caption");
  return chip;
}

static void
update_tags (BkClientPage *self)
{
  const char * const *tags = bk_counterpart_get_tags (self->counterpart);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_box_remove (self->tags_box, child);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    gtk_box_append (self->tags_box, create_tag_chip (tags[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags != NULL && tags[0] != NULL);
}

/* "Referred by Olga Mironova" (a link to her page when she is in the journal), and the rhythm
 * of staying in touch */
static void
update_bridge (BkClientPage  *self,
               BkCounterpart *counterpart)
{
  const char *referred_by = bk_counterpart_get_referred_by (counterpart);
  guint days = bk_counterpart_get_keep_in_touch_days (counterpart);
  g_autofree char *touch = NULL;

  if (referred_by[0] == '\0')
    {
      gtk_label_set_text (self->referral_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->referral_label), FALSE);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (referred_by, -1);
      g_autofree char *name = NULL;
      g_autofree char *markup = NULL;

      if (bk_counterpart_get_referred_by_id (counterpart) != 0)
        name = g_strdup_printf ("<a href=\"bridgekeeper-counterpart:%" G_GINT64_FORMAT "\">%s</a>",
                                bk_counterpart_get_referred_by_id (counterpart), escaped);
      else
        name = g_strdup (escaped);
      /* Translators: %s is who referred a client or vendor (a name, perhaps a link) */
      markup = g_strdup_printf (_("Referred by %s"), name);
      gtk_label_set_markup (self->referral_label, markup);
      gtk_widget_set_visible (GTK_WIDGET (self->referral_label), TRUE);
    }

  if (days > 0)
    /* Translators: how often to stay in touch with a client or vendor */
    touch = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In touch every %u day", "In touch every %u days", days), days);
  set_label (self->touch_label, touch);
}

/* The referrer's link: its page, not a browser */
static gboolean
on_referral_link_cb (BkClientPage *self,
                     const char   *uri)
{
  gint64 id;

  if (!g_str_has_prefix (uri, "bridgekeeper-counterpart:"))
    return FALSE;

  id = g_ascii_strtoll (uri + strlen ("bridgekeeper-counterpart:"), NULL, 10);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-counterpart", "x", id);

  return TRUE;
}

static void
update_details (BkClientPage *self)
{
  BkCounterpart *counterpart = self->counterpart;
  const char *kind;
  g_autofree char *subtitle = NULL;
  g_autofree char *health = NULL;
  int health_value;

  if (counterpart == NULL)
    return;

  kind = bk_counterpart_kind_get_label (bk_counterpart_get_kind (counterpart));
  subtitle = join_nonempty (" · ", bk_counterpart_get_organization (counterpart), kind);

  health_value = bk_counterpart_get_health (counterpart);
  /* Translators: relationship health, %d is 1 to 5 */
  health = g_strdup_printf (_("Health %d of 5"), health_value);

  set_label (self->name_label, bk_counterpart_get_name (counterpart));
  set_label (self->subtitle_label, subtitle);
  set_link (self->email_label, "mailto", bk_counterpart_get_email (counterpart));
  set_link (self->phone_label, "tel", bk_counterpart_get_phone (counterpart));
  update_tags (self);
  update_bridge (self, counterpart);
  set_label (self->status_label, bk_counterpart_status_get_label (bk_counterpart_get_status (counterpart)));
  set_label (self->health_label, health);
  gtk_level_bar_set_value (self->health_bar, health_value);
}

/* Reading down the notes, the details fold away and give the timeline their height; back at
 * the top, they return. */
static void
on_timeline_scrolled_cb (GtkAdjustment *adjustment,
                         BkClientPage  *self)
{
  double value = gtk_adjustment_get_value (adjustment);
  double room = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  /* a screen from the end of what is shown: the next notes */
  if (self->shown_notes != NULL && value > 0 &&
      value >= room - gtk_adjustment_get_page_size (adjustment))
    {
      guint size = gtk_slice_list_model_get_size (self->shown_notes);
      guint offset = gtk_slice_list_model_get_offset (self->shown_notes);

      if (offset + size < g_list_model_get_n_items (G_LIST_MODEL (self->notes)))
        gtk_slice_list_model_set_size (self->shown_notes, size + N_NOTES_SHOWN_MORE);
    }

  if (value <= 0)
    {
      gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
      return;
    }

  if (!gtk_revealer_get_reveal_child (self->details_revealer))
    return;

  /* Only if the notes still overflow once the details are gone: else the list would no longer
   * scroll, be back at the top, and bring them back, again and again. */
  if (room > gtk_widget_get_height (GTK_WIDGET (self->details_revealer)))
    gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
}

/* The top of the timeline, with the details above it */
static void
scroll_to_top (BkClientPage *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->journal_scroller), 0);
  gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
}

/* The newest notes at the top, also after a search landed further down */
static void
show_newest (BkClientPage *self)
{
  if (self->shown_notes != NULL && gtk_slice_list_model_get_offset (self->shown_notes) > 0)
    {
      gtk_slice_list_model_set_offset (self->shown_notes, 0);
      gtk_slice_list_model_set_size (self->shown_notes, N_NOTES_SHOWN_FIRST);
    }

  gtk_revealer_set_reveal_child (self->newer_revealer, FALSE);
  scroll_to_top (self);
}

static void
update_timeline_stack (BkClientPage *self)
{
  gboolean empty = self->notes == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->notes)) == 0;

  gtk_stack_set_visible_child_name (self->timeline_stack, empty ? "empty" : "timeline");
}

static char *
dup_composer_text (BkClientPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer_view);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
}

static void
update_add_action (BkClientPage *self)
{
  g_autofree char *text = dup_composer_text (self);

  gtk_widget_set_visible (self->composer_placeholder, text[0] == '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-note",
                                 self->counterpart != NULL && g_strstrip (text)[0] != '\0' &&
                                 self->journal != NULL && !bk_journal_is_read_only (self->journal));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BkClientPage *self = BK_CLIENT_PAGE (widget);
  g_autoptr(BkNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dup_composer_text (self);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean back_dated;

  if (self->counterpart == NULL || trimmed[0] == '\0')
    return;

  note = bk_note_new ();
  bk_note_set_counterpart_id (note, bk_counterpart_get_id (self->counterpart));
  bk_note_set_kind (note, gtk_drop_down_get_selected (self->kind_dropdown));
  bk_note_set_private (note, gtk_check_button_get_active (self->private_check));
  bk_note_set_text (note, text);
  /* Back-dated, or now */
  back_dated = bk_date_button_get_date_time (self->date_button) != NULL;
  if (back_dated)
    bk_note_set_created (note, bk_date_button_get_date_time (self->date_button));

  if (!bk_note_store_save (bk_journal_get_notes (self->journal), note, &error))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", 0);
  gtk_check_button_set_active (self->private_check, FALSE);
  bk_date_button_set_date_time (self->date_button, NULL);
  /* A note of now is the newest: show it (from a note a search landed on too). */
  if (!back_dated)
    show_newest (self);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BkClientPage *self = BK_CLIENT_PAGE (widget);
  g_autoptr(BkNote) note = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!(note = bk_note_store_dup (bk_journal_get_notes (self->journal), g_variant_get_int64 (parameter), &error)))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (bk_note_dialog_new (GTK_WINDOW (root), self->journal, note)));
}

static void
on_undo_delete_note_cb (BkClientPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->note_deletion != NULL && bk_deletion_get_pending (self->note_deletion) &&
      !bk_deletion_undo (self->note_deletion, &error))
    bk_show_toast (GTK_WIDGET (self), error->message);
}

static void
on_note_deletion_committed_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!bk_deletion_commit_finish (BK_DELETION (object), result, &error))
    g_warning ("Could not delete for good: %s", error->message);
}

/* The undo is no longer offered: what is in the trash goes for good */
static void
on_delete_note_toast_dismissed_cb (AdwToast     *toast,
                                   BkClientPage *self)
{
  g_autoptr(BkDeletion) deletion = NULL;

  if (self->undo_toast != toast)
    return;

  self->undo_toast = NULL;
  deletion = g_steal_pointer (&self->note_deletion);
  if (deletion != NULL)
    bk_deletion_commit_async (deletion, NULL, on_note_deletion_committed_cb, NULL);
}

static void
delete_note_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BkClientPage *self = BK_CLIENT_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  if (!(self->note_deletion = bk_deletion_new_note (self->journal, id, &error)))
    {
      bk_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  toast = adw_toast_new (_("Note deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_note_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_note_toast_dismissed_cb), self, 0);
  self->undo_toast = toast;
  /* The page always lives in a window with a toast overlay. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY)),
                               toast);
}

static void
setup_note_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, GTK_WIDGET (bk_note_row_new ()));
}

static void
bind_note_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  BkClientPage *self = user_data;
  BkNote *note = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  /* what happened, in the reader's words (a progress note is kept as its event) */
  if (self->counterpart != NULL)
    text = bk_timeline_dup_text (note, self->playbooks,
                                 bk_counterpart_get_kind (self->counterpart));
  bk_note_row_set_note (BK_NOTE_ROW (gtk_list_item_get_child (item)), note, text);
  bk_note_row_set_editable (BK_NOTE_ROW (gtk_list_item_get_child (item)),
                            self->journal != NULL && !bk_journal_is_read_only (self->journal));
  bk_note_row_set_highlight (BK_NOTE_ROW (gtk_list_item_get_child (item)),
                             bk_note_get_id (note) == self->found_note_id ? self->found_markup : NULL);
}

static void
unbind_note_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  bk_note_row_set_highlight (BK_NOTE_ROW (gtk_list_item_get_child (item)), NULL);
  bk_note_row_set_note (BK_NOTE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static GListModel *
create_note_kind_model (void)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  for (guint i = 0; i < BK_NOTE_N_USER_KINDS; i++)
    gtk_string_list_append (strings, bk_note_kind_get_label (i));

  return G_LIST_MODEL (strings);
}

static void
bk_client_page_dispose (GObject *object)
{
  BkClientPage *self = (BkClientPage *)object;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CLIENT_PAGE);

  if (self->counterpart != NULL)
    g_signal_handlers_disconnect_by_func (self->counterpart, update_details, self);

  g_clear_object (&self->note_deletion);
  g_clear_object (&self->shown_notes);
  g_clear_pointer (&self->found_markup, g_free);
  g_clear_object (&self->notes);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);

  G_OBJECT_CLASS (bk_client_page_parent_class)->dispose (object);
}

static void
bk_client_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BkClientPage *self = BK_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_PLAYBOOKS:
      g_value_set_object (value, self->playbooks);
      break;

    case PROP_STACK:
      g_value_set_object (value, self->view_stack);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_client_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BkClientPage *self = BK_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      bk_client_page_set_journal (self, g_value_get_object (value));
      break;

    case PROP_PLAYBOOKS:
      if (g_set_object (&self->playbooks, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "Show Newer Notes": back from a note a search landed on to the newest, at the top */
static void
show_newest_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BkClientPage *self = BK_CLIENT_PAGE (widget);

  show_newest (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
}

static void
bk_client_page_class_init (BkClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_client_page_dispose;
  object_class->get_property = bk_client_page_get_property;
  object_class->set_property = bk_client_page_set_property;

  /* Both come from the window, bound in its template. */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         BK_TYPE_JOURNAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAYBOOKS] =
    g_param_spec_object ("playbooks", NULL, NULL,
                         BK_TYPE_PLAYBOOK_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Journal, Resolution and Access: the window puts their switcher in its header bar. */
  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BK_TYPE_RESOLUTION_VIEW);
  g_type_ensure (BK_TYPE_ACCESS_VIEW);
  g_type_ensure (BK_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-client-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, email_label);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, phone_label);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, referral_label);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, touch_label);
  gtk_widget_class_bind_template_callback (widget_class, on_referral_link_cb);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, health_label);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, health_bar);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, composer);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, composer_view);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, composer_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, private_check);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, timeline_stack);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, newer_revealer);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, journal_scroller);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, resolution_page);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, resolution_view);
  gtk_widget_class_bind_template_child (widget_class, BkClientPage, access_view);

  gtk_widget_class_install_action (widget_class, "page.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "page.show-newest", NULL, show_newest_action);
  gtk_widget_class_install_action (widget_class, "page.edit-note", "x", edit_note_action);
  gtk_widget_class_install_action (widget_class, "page.delete-note", "x", delete_note_action);
}

static void
bk_client_page_init (BkClientPage *self)
{
  g_autoptr(GListModel) kinds = create_note_kind_model ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
  bk_accessible_name_drop_down (self->kind_dropdown, gtk_widget_get_tooltip_text (GTK_WIDGET (self->kind_dropdown)));

  /* The tab's badge counts the open items it shows still to settle, while a playbook in
   * progress settles them; nothing otherwise. */
  g_object_bind_property (self->resolution_view, "n-to-settle",
                          self->resolution_page, "badge-number",
                          G_BINDING_SYNC_CREATE);

  gtk_drop_down_set_model (self->kind_dropdown, kinds);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_note_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_note_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_note_row_cb), NULL);
  gtk_list_view_set_factory (self->timeline_view, factory);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->journal_scroller), "value-changed",
                           G_CALLBACK (on_timeline_scrolled_cb), self, 0);

  /* In the capture phase, or the text view would take Ctrl+Enter as a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("page.add-note")));
  gtk_widget_add_controller (GTK_WIDGET (self->composer_view), shortcuts);

  g_signal_connect_object (gtk_text_view_get_buffer (self->composer_view), "changed",
                           G_CALLBACK (update_add_action), self, G_CONNECT_SWAPPED);
  update_add_action (self);
}

void
bk_client_page_set_journal (BkClientPage *self,
                            BkJournal    *journal)
{
  g_return_if_fail (BK_IS_CLIENT_PAGE (self));
  g_return_if_fail (journal == NULL || BK_IS_JOURNAL (journal));

  if (!g_set_object (&self->journal, journal))
    return;

  /* NULL only until the window's binding brings the journal */
  if (journal != NULL)
    {
      gboolean writable = !bk_journal_is_read_only (journal);

      bk_resolution_view_set_journal (self->resolution_view, journal);
      bk_access_view_set_journal (self->access_view, journal);

      /* a read-only journal is read: nothing here offers to change it */
      gtk_widget_set_visible (self->composer, writable);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-note", writable);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete-note", writable);
      update_add_action (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

BkCounterpart *
bk_client_page_get_counterpart (BkClientPage *self)
{
  g_return_val_if_fail (BK_IS_CLIENT_PAGE (self), NULL);

  return self->counterpart;
}

void
bk_client_page_set_counterpart (BkClientPage  *self,
                                BkCounterpart *counterpart)
{
  gboolean same_counterpart;

  g_return_if_fail (BK_IS_CLIENT_PAGE (self));
  g_return_if_fail (counterpart == NULL || BK_IS_COUNTERPART (counterpart));
  g_return_if_fail (counterpart == NULL || self->journal != NULL);

  same_counterpart = self->counterpart != NULL && counterpart != NULL &&
                     bk_counterpart_get_id (self->counterpart) == bk_counterpart_get_id (counterpart);

  /* the shown counterpart follows the journal in place (see bk_counterpart_update_from()) */
  if (self->counterpart != NULL)
    g_signal_handlers_disconnect_by_func (self->counterpart, update_details, self);
  g_set_object (&self->counterpart, counterpart);
  if (counterpart != NULL)
    g_signal_connect_object (counterpart, "notify", G_CALLBACK (update_details), self,
                             G_CONNECT_SWAPPED);
  update_details (self);
  update_add_action (self);
  bk_resolution_view_set_counterpart (self->resolution_view, counterpart);
  bk_access_view_set_counterpart (self->access_view, counterpart);

  /* An edit of the same counterpart keeps the timeline and what is being written. */
  if (same_counterpart)
    return;

  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_func (self->notes, update_timeline_stack, self);
  g_clear_object (&self->shown_notes);
  g_clear_object (&self->notes);
  self->found_note_id = 0;
  g_clear_pointer (&self->found_markup, g_free);
  gtk_revealer_set_reveal_child (self->newer_revealer, FALSE);

  if (counterpart != NULL)
    {
      g_autoptr(GtkNoSelection) selection = NULL;

      self->notes = bk_note_list_new (self->journal, bk_counterpart_get_id (counterpart));
      g_signal_connect_swapped (self->notes, "items-changed", G_CALLBACK (update_timeline_stack), self);
      self->shown_notes = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->notes)),
                                                    0, N_NOTES_SHOWN_FIRST);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown_notes)));
      gtk_list_view_set_model (self->timeline_view, GTK_SELECTION_MODEL (selection));
    }
  else
    {
      gtk_list_view_set_model (self->timeline_view, NULL);
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", 0);
  gtk_check_button_set_active (self->private_check, FALSE);
  gtk_drop_down_set_selected (self->kind_dropdown, BK_NOTE_KIND_NOTE);
  bk_date_button_set_date_time (self->date_button, NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  scroll_to_top (self);
  update_timeline_stack (self);
}

AdwViewStack *
bk_client_page_get_stack (BkClientPage *self)
{
  g_return_val_if_fail (BK_IS_CLIENT_PAGE (self), NULL);

  return self->view_stack;
}

/* The journal at its top, details shown, ready for typing */
void
bk_client_page_focus_composer (BkClientPage *self)
{
  g_return_if_fail (BK_IS_CLIENT_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  scroll_to_top (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer_view));
}

/* The rows on screen already: the found note's is marked, the others are not */
static void
mark_found_note (BkClientPage *self,
                 GtkWidget    *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (BK_IS_NOTE_ROW (child))
        {
          BkNote *note = bk_note_row_get_note (BK_NOTE_ROW (child));

          bk_note_row_set_highlight (BK_NOTE_ROW (child),
                                     note != NULL && bk_note_get_id (note) == self->found_note_id ?
                                     self->found_markup : NULL);
        }
      else
        {
          mark_found_note (self, child);
        }
    }
}

/**
 * bk_client_page_show_note:
 * @note_id: a note of the counterpart shown
 * @match_markup: (nullable): the words a search matched in it, in bold (see
 *   bk_counterpart_get_match_markup()), to mark in the note
 *
 * Pages the timeline to the note, its matching words marked: the timeline starts just above
 * it, and only the notes on screen are read. "Show Newer Notes" goes back to the newest.
 */
void
bk_client_page_show_note (BkClientPage *self,
                          gint64        note_id,
                          const char   *match_markup)
{
  guint position;
  guint offset;

  g_return_if_fail (BK_IS_CLIENT_PAGE (self));

  if (self->notes == NULL || (position = bk_note_list_find (self->notes, note_id)) == G_MAXUINT)
    return;

  self->found_note_id = note_id;
  g_free (self->found_markup);
  self->found_markup = g_strdup (match_markup);

  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  mark_found_note (self, GTK_WIDGET (self->timeline_view));

  /* The timeline starts a little above the note (for what came just after it): the notes
   * newer than that are a button away. Scrolled there instead, GTK 4.8's list view drew
   * nothing until it was scrolled again. */
  offset = position > N_NOTES_ABOVE_FOUND ? position - N_NOTES_ABOVE_FOUND : 0;
  gtk_slice_list_model_set_offset (self->shown_notes, offset);
  gtk_slice_list_model_set_size (self->shown_notes, N_NOTES_SHOWN_FIRST);
  gtk_revealer_set_reveal_child (self->newer_revealer, offset > 0);
  scroll_to_top (self);
}

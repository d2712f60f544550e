/* bk-counterpart-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-counterpart-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-counterpart-dialog.h"

struct _BkCounterpartDialog
{
  AdwWindow      parent_instance;

  BkJournal     *journal;
  BkCounterpart *counterpart;

  AdwEntryRow   *name_row;
  AdwEntryRow   *organization_row;
  AdwComboRow   *kind_row;
  AdwComboRow   *status_row;
  GtkSpinButton *health_spin;
  AdwEntryRow   *tags_row;
  AdwEntryRow   *email_row;
  AdwEntryRow   *phone_row;
  AdwComboRow   *keep_in_touch_row;
  AdwEntryRow   *referred_by_row;
  /* the rhythms the row offers, in days (its positions) */
  GArray        *rhythms;
};

G_DEFINE_FINAL_TYPE (BkCounterpartDialog, bk_counterpart_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_name_error (BkCounterpartDialog *self,
                const char          *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
    }
}

static void
on_name_changed_cb (BkCounterpartDialog *self)
{
  /* Once the person types, the complaint about an empty name has been heard. */
  set_name_error (self, NULL);
}

/* The rhythms offered, and @days among them when it is another (from an import, say) */
static void
fill_rhythms (BkCounterpartDialog *self,
              guint                days)
{
  static const struct { guint days; const char *label; } rhythms[] = {
    { 0, N_("Not on a schedule") },
    { 7, N_("Every week") },
    { 14, N_("Every two weeks") },
    { 30, N_("Every month") },
    { 61, N_("Every two months") },
    { 91, N_("Every three months") },
    { 182, N_("Every six months") },
    { 365, N_("Every year") },
  };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = G_MAXUINT;

  g_array_set_size (self->rhythms, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rhythms); i++)
    {
      if (selected == G_MAXUINT && days != 0 && days < rhythms[i].days)
        {
          g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day", "Every %u days", days), days);

          selected = self->rhythms->len;
          g_array_append_val (self->rhythms, days);
          gtk_string_list_append (labels, label);
        }
      if (days == rhythms[i].days)
        selected = self->rhythms->len;
      g_array_append_val (self->rhythms, rhythms[i].days);
      gtk_string_list_append (labels, _(rhythms[i].label));
    }
  if (selected == G_MAXUINT)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day", "Every %u days", days), days);

      selected = self->rhythms->len;
      g_array_append_val (self->rhythms, days);
      gtk_string_list_append (labels, label);
    }

  adw_combo_row_set_model (self->keep_in_touch_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->keep_in_touch_row, selected);
}

/* Who referred them, as written; linked to the one in the journal of that name, if there is
 * exactly one (and it is not themselves). A name left as it was keeps its link. */
static void
set_referrer (BkCounterpartDialog *self,
              const char          *text)
{
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) found = NULL;
  gint64 referrer_id = 0;

  if (g_strcmp0 (name, bk_counterpart_get_referred_by (self->counterpart)) == 0)
    return;

  if (name[0] != '\0' &&
      (found = bk_counterpart_store_find (bk_journal_get_counterparts (self->journal), name, NULL)) &&
      found->len == 1 &&
      bk_counterpart_get_id (g_ptr_array_index (found, 0)) != bk_counterpart_get_id (self->counterpart))
    referrer_id = bk_counterpart_get_id (g_ptr_array_index (found, 0));

  bk_counterpart_set_referred_by (self->counterpart, name);
  bk_counterpart_set_referred_by_id (self->counterpart, referrer_id);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkCounterpartDialog *self = BK_COUNTERPART_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0')
    {
      set_name_error (self, _("A name is required"));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  bk_counterpart_set_name (self->counterpart, name);
  bk_counterpart_set_organization (self->counterpart, gtk_editable_get_text (GTK_EDITABLE (self->organization_row)));
  bk_counterpart_set_kind (self->counterpart, adw_combo_row_get_selected (self->kind_row));
  bk_counterpart_set_status (self->counterpart, adw_combo_row_get_selected (self->status_row));
  bk_counterpart_set_health (self->counterpart, gtk_spin_button_get_value_as_int (self->health_spin));
  bk_counterpart_set_tags_from_string (self->counterpart, gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  bk_counterpart_set_email (self->counterpart, gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  bk_counterpart_set_phone (self->counterpart, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  bk_counterpart_set_keep_in_touch_days (self->counterpart,
                                         g_array_index (self->rhythms, guint,
                                                        adw_combo_row_get_selected (self->keep_in_touch_row)));
  set_referrer (self, gtk_editable_get_text (GTK_EDITABLE (self->referred_by_row)));

  if (!bk_counterpart_store_save (bk_journal_get_counterparts (self->journal), self->counterpart, &error))
    {
      set_name_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->counterpart);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (BkCounterpartDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
bk_counterpart_dialog_dispose (GObject *object)
{
  BkCounterpartDialog *self = (BkCounterpartDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_COUNTERPART_DIALOG);
  g_clear_object (&self->counterpart);
  g_clear_pointer (&self->rhythms, g_array_unref);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (bk_counterpart_dialog_parent_class)->dispose (object);
}

static void
bk_counterpart_dialog_class_init (BkCounterpartDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_counterpart_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BK_TYPE_COUNTERPART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-counterpart-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, health_spin);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, keep_in_touch_row);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartDialog, referred_by_row);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_counterpart_dialog_init (BkCounterpartDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
  self->rhythms = g_array_new (FALSE, FALSE, sizeof (guint));
  fill_rhythms (self, 0);

  /* The rows' positions are the enums' values. */
  gtk_string_list_append (kinds, bk_counterpart_kind_get_label (BK_COUNTERPART_KIND_CLIENT));
  gtk_string_list_append (kinds, bk_counterpart_kind_get_label (BK_COUNTERPART_KIND_VENDOR));
  for (guint i = 0; i < BK_COUNTERPART_N_STATUSES; i++)
    gtk_string_list_append (statuses, bk_counterpart_status_get_label (i));

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

BkCounterpartDialog *
bk_counterpart_dialog_new (GtkWindow     *parent,
                           BkJournal     *journal,
                           BkCounterpart *counterpart)
{
  BkCounterpartDialog *self;
  g_autofree char *tags = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (counterpart == NULL || BK_IS_COUNTERPART (counterpart), NULL);

  self = g_object_new (BK_TYPE_COUNTERPART_DIALOG,
                       "transient-for", parent,
                       "title", counterpart != NULL ? _("Edit Details") : _("New Client or Vendor"),
                       NULL);
  self->journal = g_object_ref (journal);
  self->counterpart = counterpart != NULL ? bk_counterpart_copy (counterpart) : bk_counterpart_new ();

  tags = bk_counterpart_dup_tags_string (self->counterpart);
  set_entry_text (self->name_row, bk_counterpart_get_name (self->counterpart));
  set_entry_text (self->organization_row, bk_counterpart_get_organization (self->counterpart));
  set_entry_text (self->tags_row, tags);
  set_entry_text (self->email_row, bk_counterpart_get_email (self->counterpart));
  set_entry_text (self->phone_row, bk_counterpart_get_phone (self->counterpart));
  set_entry_text (self->referred_by_row, bk_counterpart_get_referred_by (self->counterpart));
  fill_rhythms (self, bk_counterpart_get_keep_in_touch_days (self->counterpart));
  adw_combo_row_set_selected (self->kind_row, bk_counterpart_get_kind (self->counterpart));
  adw_combo_row_set_selected (self->status_row, bk_counterpart_get_status (self->counterpart));
  gtk_spin_button_set_value (self->health_spin, bk_counterpart_get_health (self->counterpart));
  set_name_error (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

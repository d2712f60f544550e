/* bk-open-item-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-open-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-journal.h"
#include "bk-open-item-dialog.h"

struct _BkOpenItemDialog
{
  AdwWindow    parent_instance;

  BkJournal   *journal;
  gint64       counterpart_id;

  AdwComboRow *kind_row;
  AdwEntryRow *description_row;
  AdwEntryRow *amount_row;
  AdwEntryRow *currency_row;
};

G_DEFINE_FINAL_TYPE (BkOpenItemDialog, bk_open_item_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* An inline complaint: the row turns red and its title says what to fix. */
static void
set_row_error (AdwEntryRow *row,
               const char  *title,
               const char  *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error != NULL ? error : title);
}

static void
on_description_changed_cb (BkOpenItemDialog *self)
{
  set_row_error (self->description_row, _("What is open"), NULL);
}

static void
on_amount_changed_cb (BkOpenItemDialog *self)
{
  set_row_error (self->amount_row, _("Amount (optional)"), NULL);
}

static void
on_currency_changed_cb (BkOpenItemDialog *self)
{
  set_row_error (self->currency_row, _("Currency"), NULL);
}

static void
on_entry_activated_cb (BkOpenItemDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkOpenItemDialog *self = BK_OPEN_ITEM_DIALOG (widget);
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  g_autofree char *amount_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row))));
  g_autofree char *currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  gint64 amount = 0;

  g_strstrip (currency);

  if (description[0] == '\0')
    {
      set_row_error (self->description_row, NULL, _("Say what is open"));
      gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
      return;
    }

  if (amount_text[0] != '\0' && !bk_parse_amount (amount_text, &amount))
    {
      set_row_error (self->amount_row, NULL, _("An amount, such as 1200.50"));
      gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
      return;
    }

  if (amount > 0 && (strlen (currency) != 3 || !g_ascii_isalpha (currency[0]) ||
                     !g_ascii_isalpha (currency[1]) || !g_ascii_isalpha (currency[2])))
    {
      set_row_error (self->currency_row, NULL, _("A three-letter currency code, such as EUR"));
      gtk_widget_grab_focus (GTK_WIDGET (self->currency_row));
      return;
    }

  bk_open_item_set_counterpart_id (item, self->counterpart_id);
  bk_open_item_set_kind (item, adw_combo_row_get_selected (self->kind_row));
  bk_open_item_set_description (item, description);
  bk_open_item_set_amount (item, amount);
  bk_open_item_set_currency (item, amount > 0 ? currency : "");

  if (!bk_open_item_store_save (bk_journal_get_open_items (self->journal), item, &error))
    {
      set_row_error (self->description_row, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
bk_open_item_dialog_dispose (GObject *object)
{
  BkOpenItemDialog *self = (BkOpenItemDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_OPEN_ITEM_DIALOG);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (bk_open_item_dialog_parent_class)->dispose (object);
}

static void
bk_open_item_dialog_class_init (BkOpenItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_open_item_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-open-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkOpenItemDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BkOpenItemDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, BkOpenItemDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, BkOpenItemDialog, currency_row);
  gtk_widget_class_bind_template_callback (widget_class, on_description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_open_item_dialog_init (BkOpenItemDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  bk_accessible_fix_mnemonics (GTK_WIDGET (self));

  for (guint i = 0; i < BK_N_OPEN_ITEM_KINDS; i++)
    gtk_string_list_append (kinds, bk_open_item_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

BkOpenItemDialog *
bk_open_item_dialog_new (GtkWindow *parent,
                         BkJournal *journal,
                         gint64     counterpart_id)
{
  BkOpenItemDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);

  self = g_object_new (BK_TYPE_OPEN_ITEM_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->counterpart_id = counterpart_id;

  return self;
}

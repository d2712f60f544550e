/* bk-note-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-note-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-date-button.h"
#include "bk-feedback.h"
#include "bk-note-dialog.h"

struct _BkNoteDialog
{
  AdwWindow     parent_instance;

  BkJournal    *journal;
  BkNote       *note;

  AdwComboRow  *kind_row;
  BkDateButton *date_button;
  GtkSwitch    *private_switch;
  GtkTextView  *text_view;
};

G_DEFINE_FINAL_TYPE (BkNoteDialog, bk_note_dialog, ADW_TYPE_WINDOW)

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkNoteDialog *self = BK_NOTE_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GDateTime *created = bk_date_button_get_date_time (self->date_button);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);

  bk_note_set_text (self->note, text);
  bk_note_set_kind (self->note, adw_combo_row_get_selected (self->kind_row));
  bk_note_set_private (self->note, gtk_switch_get_active (self->private_switch));
  bk_note_set_created (self->note, created);

  if (!bk_note_store_save (bk_journal_get_notes (self->journal), self->note, &error))
    {
      bk_show_error_dialog (GTK_WINDOW (self), _("The Note Was Not Saved"), error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
bk_note_dialog_dispose (GObject *object)
{
  BkNoteDialog *self = (BkNoteDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_NOTE_DIALOG);
  g_clear_object (&self->note);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (bk_note_dialog_parent_class)->dispose (object);
}

static void
bk_note_dialog_class_init (BkNoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_note_dialog_dispose;

  g_type_ensure (BK_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkNoteDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BkNoteDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, BkNoteDialog, private_switch);
  gtk_widget_class_bind_template_child (widget_class, BkNoteDialog, text_view);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
bk_note_dialog_init (BkNoteDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  bk_accessible_fix_mnemonics (GTK_WIDGET (self));

  for (guint i = 0; i < BK_NOTE_N_KINDS; i++)
    gtk_string_list_append (kinds, bk_note_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

BkNoteDialog *
bk_note_dialog_new (GtkWindow *parent,
                    BkJournal *journal,
                    BkNote    *note)
{
  BkNoteDialog *self;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (BK_IS_NOTE (note), NULL);

  self = g_object_new (BK_TYPE_NOTE_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->note = bk_note_copy (note);

  adw_combo_row_set_selected (self->kind_row, bk_note_get_kind (note));
  bk_date_button_set_date_time (self->date_button, bk_note_get_created (note));
  gtk_switch_set_active (self->private_switch, bk_note_get_private (note));

  /* The dialog is for the text: typing goes there, at its end (and Space never presses Cancel) */
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_text (buffer, bk_note_get_text (note), -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));

  return self;
}

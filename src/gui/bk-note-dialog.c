/* bk-note-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-note-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bk-feedback.h"
#include "bk-note-dialog.h"

struct _BkNoteDialog
{
  AdwWindow    parent_instance;

  BkJournal   *journal;
  BkNote      *note;

  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  GtkSwitch   *private_switch;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (BkNoteDialog, bk_note_dialog, ADW_TYPE_WINDOW)

GDateTime *
bk_parse_local_date_time (const char *text)
{
  int year, month, day, hour = 0, minute = 0;
  char end;
  int n;

  g_return_val_if_fail (text != NULL, NULL);

  n = sscanf (text, " %4d-%2d-%2d %2d:%2d %c", &year, &month, &day, &hour, &minute, &end);
  if (n != 3 && n != 5)
    return NULL;

  /* g_date_time_new_local() refuses what is out of range, such as February 30th. */
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
set_date_error (BkNoteDialog *self,
                gboolean      error)
{
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                     /* Translators: keep YYYY-MM-DD HH:MM as it is, it is the format to type */
                                     _("Date, as YYYY-MM-DD HH:MM"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date"));
    }
}

static void
on_date_changed_cb (BkNoteDialog *self)
{
  set_date_error (self, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkNoteDialog *self = BK_NOTE_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter begin, end;

  if (!(created = bk_parse_local_date_time (gtk_editable_get_text (GTK_EDITABLE (self->date_row)))))
    {
      set_date_error (self, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkNoteDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BkNoteDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BkNoteDialog, private_switch);
  gtk_widget_class_bind_template_child (widget_class, BkNoteDialog, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
bk_note_dialog_init (BkNoteDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

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
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (BK_IS_NOTE (note), NULL);

  self = g_object_new (BK_TYPE_NOTE_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->note = bk_note_copy (note);

  local = g_date_time_to_local (bk_note_get_created (note));
  date = g_date_time_format (local, "%Y-%m-%d %H:%M");

  adw_combo_row_set_selected (self->kind_row, bk_note_get_kind (note));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_switch_set_active (self->private_switch, bk_note_get_private (note));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), bk_note_get_text (note), -1);
  set_date_error (self, FALSE);

  return self;
}

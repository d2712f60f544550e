/* bk-reflect-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-reflect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-feedback.h"
#include "bk-reflect-dialog.h"

struct _BkReflectDialog
{
  AdwWindow            parent_instance;

  BkJournal           *journal;
  BkCounterpart       *counterpart;

  AdwPreferencesGroup *group;
  AdwEntryRow         *happened_row;
  AdwEntryRow         *again_row;
  AdwEntryRow         *best_row;
};

G_DEFINE_FINAL_TYPE (BkReflectDialog, bk_reflect_dialog, ADW_TYPE_WINDOW)

static char *
dup_reflection (BkReflectDialog *self)
{
  return bk_note_compose_reflection (gtk_editable_get_text (GTK_EDITABLE (self->happened_row)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->again_row)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->best_row)));
}

/* Saving is possible once something is written */
static void
update_save (BkReflectDialog *self)
{
  g_autofree char *reflection = dup_reflection (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", reflection[0] != '\0');
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkReflectDialog *self = BK_REFLECT_DIALOG (widget);
  g_autofree char *reflection = dup_reflection (self);
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(GError) error = NULL;

  if (reflection[0] == '\0')
    return;

  bk_note_set_counterpart_id (note, bk_counterpart_get_id (self->counterpart));
  bk_note_set_kind (note, BK_NOTE_KIND_REFLECTION);
  bk_note_set_text (note, reflection);

  if (!bk_note_store_save (bk_journal_get_notes (self->journal), note, &error))
    {
      bk_show_error_dialog (GTK_WINDOW (self), _("The Reflection Was Not Saved"), error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
bk_reflect_dialog_dispose (GObject *object)
{
  BkReflectDialog *self = (BkReflectDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_REFLECT_DIALOG);
  g_clear_object (&self->journal);
  g_clear_object (&self->counterpart);

  G_OBJECT_CLASS (bk_reflect_dialog_parent_class)->dispose (object);
}

static void
bk_reflect_dialog_class_init (BkReflectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_reflect_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-reflect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkReflectDialog, group);
  gtk_widget_class_bind_template_child (widget_class, BkReflectDialog, happened_row);
  gtk_widget_class_bind_template_child (widget_class, BkReflectDialog, again_row);
  gtk_widget_class_bind_template_child (widget_class, BkReflectDialog, best_row);
  gtk_widget_class_bind_template_callback (widget_class, update_save);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_reflect_dialog_init (BkReflectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
  update_save (self);
}

BkReflectDialog *
bk_reflect_dialog_new (GtkWindow     *parent,
                       BkJournal     *journal,
                       BkCounterpart *counterpart)
{
  BkReflectDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (BK_IS_COUNTERPART (counterpart), NULL);

  self = g_object_new (BK_TYPE_REFLECT_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->counterpart = g_object_ref (counterpart);

  /* Translators: %s is the name of a client or vendor */
  title = g_strdup_printf (_("Looking Back on %s"), bk_counterpart_get_name (counterpart));
  adw_preferences_group_set_title (self->group, title);

  return self;
}

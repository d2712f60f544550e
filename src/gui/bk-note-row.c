/* bk-note-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-note-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-format.h"
#include "bk-note-row.h"

/* Beyond this a note shows in the timeline cut short: laying out a megabyte of text in a list row
 * would make scrolling crawl. The whole note opens in the editor. */
#define MAX_SHOWN_CHARS 3000

struct _BkNoteRow
{
  AdwBin     parent_instance;

  BkNote    *note;
  /* its words as the reader sees them */
  char      *text;

  GtkImage  *kind_image;
  GtkLabel  *kind_label;
  GtkLabel  *date_label;
  GtkWidget *private_badge;
  GtkLabel  *text_label;
  GtkWidget *more_button;
};

G_DEFINE_FINAL_TYPE (BkNoteRow, bk_note_row, ADW_TYPE_BIN)

static void
update (BkNoteRow *self)
{
  BkNote *note = self->note;
  g_autofree char *date = NULL;
  g_autofree char *accessible_label = NULL;
  const char *text = self->text;
  BkNoteKind kind;

  if (note == NULL)
    return;

  kind = bk_note_get_kind (note);
  date = bk_format_date_time (bk_note_get_created (note));

  gtk_image_set_from_icon_name (self->kind_image, bk_note_kind_get_icon_name (kind));
  gtk_label_set_text (self->kind_label, bk_note_kind_get_label (kind));
  gtk_label_set_text (self->date_label, date);
  gtk_widget_set_visible (self->private_badge, bk_note_get_private (note));

  if (g_utf8_strlen (text, MAX_SHOWN_CHARS + 1) > MAX_SHOWN_CHARS)
    {
      g_autofree char *shown = g_utf8_substring (text, 0, MAX_SHOWN_CHARS);
      g_autofree char *with_ellipsis = g_strconcat (shown, "…", NULL);

      gtk_label_set_text (self->text_label, with_ellipsis);
      gtk_widget_set_visible (self->more_button, TRUE);
    }
  else
    {
      gtk_label_set_text (self->text_label, text);
      gtk_widget_set_visible (self->more_button, FALSE);
    }

  if (bk_note_get_private (note))
    /* Translators: what a screen reader says for a private note: "Call, August 4, 2026, 10:00, private: …" */
    accessible_label = g_strdup_printf (_("%s, %s, private: %s"), bk_note_kind_get_label (kind), date,
                                        gtk_label_get_text (self->text_label));
  else
    /* Translators: what a screen reader says for a note: "Call, August 4, 2026, 10:00: …" */
    accessible_label = g_strdup_printf (_("%s, %s: %s"), bk_note_kind_get_label (kind), date,
                                        gtk_label_get_text (self->text_label));
  bk_accessible_name_list_row (GTK_WIDGET (self), accessible_label);
}

static void
note_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkNoteRow *self = BK_NOTE_ROW (widget);
  const char *page_action = g_str_equal (action_name, "note.edit") ? "page.edit-note" : "page.delete-note";

  if (self->note != NULL)
    gtk_widget_activate_action (widget, page_action, "x", bk_note_get_id (self->note));
}

static void
bk_note_row_dispose (GObject *object)
{
  BkNoteRow *self = (BkNoteRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_NOTE_ROW);
  g_clear_object (&self->note);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (bk_note_row_parent_class)->dispose (object);
}

static void
bk_note_row_class_init (BkNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_note_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkNoteRow, kind_image);
  gtk_widget_class_bind_template_child (widget_class, BkNoteRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, BkNoteRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, BkNoteRow, private_badge);
  gtk_widget_class_bind_template_child (widget_class, BkNoteRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, BkNoteRow, more_button);

  gtk_widget_class_install_action (widget_class, "note.edit", NULL, note_action);
  gtk_widget_class_install_action (widget_class, "note.delete", NULL, note_action);
}

static void
bk_note_row_init (BkNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BkNoteRow *
bk_note_row_new (void)
{
  return g_object_new (BK_TYPE_NOTE_ROW, NULL);
}

BkNote *
bk_note_row_get_note (BkNoteRow *self)
{
  g_return_val_if_fail (BK_IS_NOTE_ROW (self), NULL);

  return self->note;
}

/**
 * bk_note_row_set_note:
 * @note: (nullable): the note to show
 * @text: (nullable): its words as the reader sees them (bk_timeline_dup_text()); the note's
 *   text when %NULL
 */
void
bk_note_row_set_note (BkNoteRow  *self,
                      BkNote     *note,
                      const char *text)
{
  g_return_if_fail (BK_IS_NOTE_ROW (self));
  g_return_if_fail (note == NULL || BK_IS_NOTE (note));

  g_set_object (&self->note, note);
  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : note != NULL ? bk_note_get_text (note) : "");
  update (self);
}

/* bk-note-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-note-row"

#include "config.h"

#include <string.h>

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
  /* the words a search found in it, in lower case (nullable) */
  GStrv      highlight;

  GtkImage  *kind_image;
  GtkLabel  *kind_label;
  GtkLabel  *date_label;
  GtkWidget *private_badge;
  GtkLabel  *text_label;
  GtkWidget *more_button;
  GtkWidget *menu_button;
};

G_DEFINE_FINAL_TYPE (BkNoteRow, bk_note_row, ADW_TYPE_BIN)

/* The words in bold in a search result's markup, in lower case, each once */
static GStrv
dup_marked_words (const char *markup)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PangoAttrList) attributes = NULL;
  g_autofree char *text = NULL;
  PangoAttrIterator *iterator;

  if (!pango_parse_markup (markup, -1, 0, &attributes, &text, NULL, NULL) || attributes == NULL)
    return NULL;

  iterator = pango_attr_list_get_iterator (attributes);
  do
    {
      PangoAttribute *weight = pango_attr_iterator_get (iterator, PANGO_ATTR_WEIGHT);
      int start, end;

      pango_attr_iterator_range (iterator, &start, &end);
      if (weight != NULL && ((PangoAttrInt *) weight)->value >= PANGO_WEIGHT_BOLD &&
          end > start && end <= (int) strlen (text))
        {
          g_autofree char *word = g_utf8_strdown (text + start, end - start);

          if (g_hash_table_add (seen, g_strdup (word)))
            g_strv_builder_add (words, word);
        }
    }
  while (pango_attr_iterator_next (iterator));
  pango_attr_iterator_destroy (iterator);

  return g_strv_builder_end (words);
}

/* @text as markup with the highlighted words marked; %NULL when none is in it. Words are
 * found in lower case, where lower case keeps every letter's length in bytes (else as
 * written). */
static char *
dup_highlighted (const char         *text,
                 const char * const *words)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *haystack = strlen (lower) == strlen (text) ? lower : text;
  g_autoptr(GString) markup = g_string_new (NULL);
  gsize done = 0;
  gboolean any = FALSE;

  for (gsize at = 0; haystack[at] != '\0';)
    {
      gsize length = 0;

      for (guint i = 0; words[i] != NULL; i++)
        {
          gsize word_length = strlen (words[i]);

          if (word_length > length && strncmp (haystack + at, words[i], word_length) == 0)
            length = word_length;
        }

      if (length == 0)
        {
          at = g_utf8_next_char (haystack + at) - haystack;
          continue;
        }

      {
        g_autofree char *before = g_markup_escape_text (text + done, at - done);
        g_autofree char *match = g_markup_escape_text (text + at, length);

        g_string_append (markup, before);
        g_string_append_printf (markup, "<span weight=\"bold\" background=\"#f6d32d\" bgalpha=\"45%%\">%s</span>",
                                match);
      }
      at += length;
      done = at;
      any = TRUE;
    }

  if (!any)
    return NULL;

  {
    g_autofree char *rest = g_markup_escape_text (text + done, -1);

    g_string_append (markup, rest);
  }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* The note's words in the label, marked where a search found them */
static void
set_text_label (BkNoteRow  *self,
                const char *text)
{
  g_autofree char *markup = NULL;

  if (self->highlight != NULL && (markup = dup_highlighted (text, (const char * const *) self->highlight)))
    gtk_label_set_markup (self->text_label, markup);
  else
    gtk_label_set_text (self->text_label, text);
}

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

      set_text_label (self, with_ellipsis);
      gtk_widget_set_visible (self->more_button, TRUE);
    }
  else
    {
      set_text_label (self, text);
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
  g_clear_pointer (&self->highlight, g_strfreev);

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
  gtk_widget_class_bind_template_child (widget_class, BkNoteRow, menu_button);

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
bk_note_row_set_highlight (BkNoteRow  *self,
                           const char *match_markup)
{
  g_return_if_fail (BK_IS_NOTE_ROW (self));

  g_clear_pointer (&self->highlight, g_strfreev);
  if (match_markup != NULL)
    self->highlight = dup_marked_words (match_markup);
  update (self);
}

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

/* Whether the note offers to be edited and deleted (not in a read-only journal) */
void
bk_note_row_set_editable (BkNoteRow *self,
                          gboolean   editable)
{
  g_return_if_fail (BK_IS_NOTE_ROW (self));

  gtk_widget_set_visible (self->menu_button, editable);
}

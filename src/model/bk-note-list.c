/* bk-note-list.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-note-list"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-note-list.h"
#include "bk-journal.h"
#include "bk-page-cache-private.h"

struct _BkNoteList
{
  GObject     parent_instance;

  BkJournal  *journal;
  gulong      notes_changed_id;
  gint64      counterpart_id;

  guint        n_items;
  BkPageCache *pages;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkNoteList, bk_note_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_COUNTERPART_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (BkNoteList *self)
{
  guint old_n_items = self->n_items;

  bk_page_cache_clear (self->pages);
  self->n_items = bk_note_store_count (bk_journal_get_notes (self->journal), self->counterpart_id);

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

static void
on_notes_changed_cb (BkNoteList *self,
                     gint64      counterpart_id,
                     BkJournal  *journal)
{
  if (counterpart_id == 0 || counterpart_id == self->counterpart_id)
    reload (self);
}

static GPtrArray *
load_page (gpointer user_data,
           guint    page)
{
  BkNoteList *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = bk_note_store_list_page (bk_journal_get_notes (self->journal), self->counterpart_id,
                                   page * BK_PAGE_SIZE, BK_PAGE_SIZE, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the notes: %s", error->message);
      items = g_ptr_array_new_with_free_func (g_object_unref);
    }

  return items;
}

static gpointer
new_placeholder (gpointer user_data)
{
  BkNoteList *self = user_data;
  BkNote *note = bk_note_new ();

  bk_note_set_counterpart_id (note, self->counterpart_id);

  return note;
}

static GType
bk_note_list_get_item_type (GListModel *model)
{
  return BK_TYPE_NOTE;
}

static guint
bk_note_list_get_n_items (GListModel *model)
{
  return BK_NOTE_LIST (model)->n_items;
}

static gpointer
bk_note_list_get_item (GListModel *model,
                       guint       position)
{
  BkNoteList *self = BK_NOTE_LIST (model);

  if (position >= self->n_items)
    return NULL;

  return bk_page_cache_dup_item (self->pages, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bk_note_list_get_item_type;
  iface->get_n_items = bk_note_list_get_n_items;
  iface->get_item = bk_note_list_get_item;
}

static void
bk_note_list_constructed (GObject *object)
{
  BkNoteList *self = (BkNoteList *) object;

  G_OBJECT_CLASS (bk_note_list_parent_class)->constructed (object);

  g_return_if_fail (BK_IS_JOURNAL (self->journal));

  self->notes_changed_id =
    g_signal_connect_object (self->journal,
                             "notes-changed",
                             G_CALLBACK (on_notes_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  self->n_items = bk_note_store_count (bk_journal_get_notes (self->journal), self->counterpart_id);
}

static void
bk_note_list_dispose (GObject *object)
{
  BkNoteList *self = (BkNoteList *) object;

  if (self->journal != NULL)
    g_clear_signal_handler (&self->notes_changed_id, self->journal);

  g_clear_object (&self->journal);
  g_clear_pointer (&self->pages, bk_page_cache_free);

  G_OBJECT_CLASS (bk_note_list_parent_class)->dispose (object);
}

static void
bk_note_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BkNoteList *self = BK_NOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_COUNTERPART_ID:
      g_value_set_int64 (value, self->counterpart_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_note_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BkNoteList *self = BK_NOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_COUNTERPART_ID:
      self->counterpart_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_note_list_class_init (BkNoteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bk_note_list_constructed;
  object_class->dispose = bk_note_list_dispose;
  object_class->get_property = bk_note_list_get_property;
  object_class->set_property = bk_note_list_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         BK_TYPE_JOURNAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTERPART_ID] =
    g_param_spec_int64 ("counterpart-id", NULL, NULL,
                        1, G_MAXINT64, 1,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_note_list_init (BkNoteList *self)
{
  self->pages = bk_page_cache_new (load_page, new_placeholder, self);
}

BkNoteList *
bk_note_list_new (BkJournal *journal,
                  gint64     counterpart_id)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (counterpart_id > 0, NULL);

  return g_object_new (BK_TYPE_NOTE_LIST,
                       "journal", journal,
                       "counterpart-id", counterpart_id,
                       NULL);
}

gint64
bk_note_list_get_counterpart_id (BkNoteList *self)
{
  g_return_val_if_fail (BK_IS_NOTE_LIST (self), 0);

  return self->counterpart_id;
}

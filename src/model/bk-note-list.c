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

  BkJournal   *journal;
  BkNoteStore *store;
  gint64       counterpart_id;

  /* the number of items last told ("items-changed"); the list's size is the cache's */
  guint        n_items;
  BkPageCache *pages;
  /* changes of this timeline told by the store, waiting for the database to tell them all */
  GArray      *pending;
};

typedef struct
{
  BkChange change;
  gint64   id;
} PendingChange;

/* More notes than this coming or going in one write: the timeline is read again */
#define MAX_NOTES_PLACED 64

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

  self->n_items = bk_note_store_count (self->store, self->counterpart_id);
  bk_page_cache_reset (self->pages, self->n_items);
  g_array_set_size (self->pending, 0);

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

static gboolean
note_has_id (gpointer item,
             gint64   id)
{
  return bk_note_get_id (item) == id;
}

/* One note of this timeline changed, came or went: only its row is told. Where it was is
 * known when it was read (or, gone, where it stood); where it is now, the store says. */
static void
note_change (BkNoteList *self,
             BkChange    change,
             gint64      id)
{
  BkNoteStore *store = self->store;
  guint old_pos;
  guint new_pos = G_MAXUINT;

  old_pos = bk_page_cache_find (self->pages, note_has_id, id);

  if (change == BK_CHANGE_REMOVED)
    {
      if (old_pos == G_MAXUINT)
        old_pos = bk_note_store_find_position_any (store, self->counterpart_id, id);
    }
  else
    {
      new_pos = bk_note_store_find_position (store, self->counterpart_id, id);
    }

  if (change == BK_CHANGE_CHANGED && old_pos == G_MAXUINT)
    {
      /* never read: whether it moved (a new date) is not known */
      reload (self);
      return;
    }

  if (old_pos != G_MAXUINT && new_pos != G_MAXUINT)
    {
      BkNote *item = bk_page_cache_peek (self->pages, old_pos);
      g_autoptr(BkNote) fresh = bk_note_store_dup (store, id, NULL);

      if (item != NULL && fresh != NULL)
        bk_note_update_from (item, fresh);

      if (old_pos == new_pos)
        {
          g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
        }
      else
        {
          bk_page_cache_move (self->pages, old_pos, new_pos);
          g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
          g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
        }
    }
  else if (old_pos != G_MAXUINT && old_pos < self->n_items)
    {
      bk_page_cache_remove (self->pages, old_pos);
      self->n_items--;
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
    }
  else if (new_pos != G_MAXUINT && new_pos <= self->n_items)
    {
      bk_page_cache_insert (self->pages, new_pos, NULL);
      self->n_items++;
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }

  /* another process may have written too: trust the journal's count */
  if (self->n_items != bk_note_store_count (store, self->counterpart_id))
    reload (self);
}

/* Several notes came, or went, in one write */
static void
note_changes (BkNoteList *self)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  BkChange change = g_array_index (self->pending, PendingChange, 0).change;

  /* Each note's place is a query of its own: many at once are read anew. */
  if (self->pending->len > MAX_NOTES_PLACED)
    {
      reload (self);
      return;
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      const PendingChange *pending = &g_array_index (self->pending, PendingChange, i);
      guint position;

      /* notes that changed in place, or came and went at once: read the timeline again */
      if (pending->change != change || change == BK_CHANGE_CHANGED)
        {
          reload (self);
          return;
        }

      if (change == BK_CHANGE_ADDED)
        position = bk_note_store_find_position (self->store, self->counterpart_id, pending->id);
      else
        position = bk_note_store_find_position_any (self->store, self->counterpart_id,
                                                    pending->id);

      if (position != G_MAXUINT)
        g_array_append_val (positions, position);
    }

  if (change == BK_CHANGE_ADDED)
    bk_page_cache_insert_rows (self->pages, G_LIST_MODEL (self), positions);
  else
    bk_page_cache_remove_rows (self->pages, G_LIST_MODEL (self), positions);

  self->n_items = bk_page_cache_get_size (self->pages);

  /* another process may have written too: trust the journal's count */
  if (self->n_items != bk_note_store_count (self->store, self->counterpart_id))
    reload (self);
}

static void
on_note_changed_cb (BkNoteList  *self,
                    BkChange     change,
                    gint64       id,
                    gint64       counterpart_id,
                    BkNoteStore *store)
{
  PendingChange pending = { change, id };

  if (counterpart_id == self->counterpart_id)
    g_array_append_val (self->pending, pending);
}

/* Every change of a write is in: the notes are where the journal has them now. */
static void
on_database_flushed_cb (BkNoteList *self,
                        BkDatabase *database)
{
  if (self->pending->len == 0)
    return;

  if (self->pending->len == 1)
    note_change (self,
                 g_array_index (self->pending, PendingChange, 0).change,
                 g_array_index (self->pending, PendingChange, 0).id);
  else
    note_changes (self);

  g_array_set_size (self->pending, 0);
}

static GPtrArray *
load_page (gpointer user_data,
           guint    offset,
           guint    limit)
{
  BkNoteList *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = bk_note_store_list_page (self->store, self->counterpart_id, offset, limit, &error);
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
  return bk_page_cache_get_size (BK_NOTE_LIST (model)->pages);
}

static gpointer
bk_note_list_get_item (GListModel *model,
                       guint       position)
{
  BkNoteList *self = BK_NOTE_LIST (model);

  if (position >= bk_page_cache_get_size (self->pages))
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

  self->store = g_object_ref (bk_journal_get_notes (self->journal));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_note_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_database (self->journal), "flushed",
                           G_CALLBACK (on_database_flushed_cb), self, G_CONNECT_SWAPPED);

  self->n_items = bk_note_store_count (self->store, self->counterpart_id);
  bk_page_cache_reset (self->pages, self->n_items);
}

static void
bk_note_list_dispose (GObject *object)
{
  BkNoteList *self = (BkNoteList *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (bk_journal_get_database (self->journal), self);

  g_clear_object (&self->store);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->pages, bk_page_cache_free);
  g_clear_pointer (&self->pending, g_array_unref);

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
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
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

guint
bk_note_list_find (BkNoteList *self,
                   gint64      id)
{
  g_return_val_if_fail (BK_IS_NOTE_LIST (self), G_MAXUINT);

  return bk_note_store_find_position (self->store, self->counterpart_id, id);
}

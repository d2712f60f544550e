/* bk-row-list.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-row-list"

#include "config.h"

#include "bk-row-list.h"

/* The rows of one counterpart, in order, as a new array of items */
typedef GPtrArray *(*ListFunc) (gpointer   store,
                                gint64     counterpart_id,
                                GError   **error);
typedef gint64     (*IdFunc)   (gpointer   item);

struct _BkRowList
{
  GObject     parent_instance;

  BkStore    *store;
  BkDatabase *database;
  gint64      counterpart_id;
  GType       item_type;
  ListFunc    list;
  IdFunc      get_id;

  GPtrArray  *items;
  /* the ids of this counterpart's rows told changed, until the database has told them all */
  GArray     *pending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkRowList, bk_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
bk_row_list_get_item_type (GListModel *model)
{
  return BK_ROW_LIST (model)->item_type;
}

static guint
bk_row_list_get_n_items (GListModel *model)
{
  return BK_ROW_LIST (model)->items->len;
}

static gpointer
bk_row_list_get_item (GListModel *model,
                      guint       position)
{
  BkRowList *self = BK_ROW_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bk_row_list_get_item_type;
  iface->get_n_items = bk_row_list_get_n_items;
  iface->get_item = bk_row_list_get_item;
}

static GPtrArray *
read_rows (BkRowList *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  if (!(rows = self->list (self->store, self->counterpart_id, &error)))
    {
      g_warning ("Could not read the rows of a client or vendor: %s", error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  return rows;
}

/* the rows read again give their items away, leaving holes */
static void
clear_item (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static gboolean
was_changed (BkRowList *self,
             gint64     id)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      if (g_array_index (self->pending, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

/* Whether the item at @old_pos and the row at @new_pos are the same row, unchanged */
static gboolean
same_row (BkRowList *self,
          GPtrArray *rows,
          guint      old_pos,
          guint      new_pos)
{
  gint64 id = self->get_id (g_ptr_array_index (self->items, old_pos));

  return id == self->get_id (g_ptr_array_index (rows, new_pos));
}

/* Reads the rows again and tells what differs: rows that stayed where they were keep their
 * items (those that changed get the new one, told as one row changed); what lies between
 * is told as one range. */
static void
apply_changes (BkRowList *self)
{
  g_autoptr(GPtrArray) rows = read_rows (self);
  g_autoptr(GArray) changed_in_place = g_array_new (FALSE, FALSE, sizeof (guint));
  guint old_len = self->items->len;
  guint new_len = rows->len;
  guint prefix = 0;
  guint suffix = 0;

  g_ptr_array_set_free_func (rows, clear_item);

  while (prefix < old_len && prefix < new_len && same_row (self, rows, prefix, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         same_row (self, rows, old_len - 1 - suffix, new_len - 1 - suffix))
    suffix++;

  /* the rows that stayed: the changed ones get their new item */
  for (guint i = 0; i < prefix + suffix; i++)
    {
      guint old_pos = i < prefix ? i : old_len - (prefix + suffix - i);
      guint new_pos = i < prefix ? i : new_len - (prefix + suffix - i);
      gpointer row = g_ptr_array_index (rows, new_pos);

      if (!was_changed (self, self->get_id (row)))
        continue;

      g_ptr_array_index (rows, new_pos) = NULL;
      g_object_unref (g_ptr_array_index (self->items, old_pos));
      g_ptr_array_index (self->items, old_pos) = row;
      g_array_append_val (changed_in_place, old_pos);
    }

  /* between them, what came and went */
  g_ptr_array_remove_range (self->items, prefix, old_len - prefix - suffix);
  for (guint i = prefix; i < new_len - suffix; i++)
    g_ptr_array_insert (self->items, i, g_steal_pointer (&g_ptr_array_index (rows, i)));

  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);

  for (guint i = 0; i < changed_in_place->len; i++)
    {
      guint position = g_array_index (changed_in_place, guint, i);

      /* a row after the range has moved with it */
      if (position >= prefix)
        position = position - old_len + new_len;

      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
}

static void
on_store_changed_cb (BkRowList *self,
                     BkChange   change,
                     gint64     id,
                     gint64     counterpart_id,
                     BkStore   *store)
{
  if (counterpart_id == self->counterpart_id)
    g_array_append_val (self->pending, id);
}

static void
on_database_flushed_cb (BkRowList  *self,
                        BkDatabase *database)
{
  if (self->pending->len == 0)
    return;

  apply_changes (self);
  g_array_set_size (self->pending, 0);
}

static void
bk_row_list_dispose (GObject *object)
{
  BkRowList *self = (BkRowList *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);

  g_clear_object (&self->store);
  g_clear_object (&self->database);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (bk_row_list_parent_class)->dispose (object);
}

static void
bk_row_list_class_init (BkRowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_row_list_dispose;
}

static void
bk_row_list_init (BkRowList *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static BkRowList *
row_list_new (gpointer  store,
              gint64    counterpart_id,
              GType     item_type,
              ListFunc  list,
              IdFunc    get_id)
{
  BkRowList *self = g_object_new (BK_TYPE_ROW_LIST, NULL);

  self->store = g_object_ref (store);
  self->database = g_object_ref (bk_store_get_database (self->store));
  self->counterpart_id = counterpart_id;
  self->item_type = item_type;
  self->list = list;
  self->get_id = get_id;
  self->items = read_rows (self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->database, "flushed", G_CALLBACK (on_database_flushed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

BkRowList *
bk_row_list_new_open_items (BkJournal *journal,
                            gint64     counterpart_id)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);

  return row_list_new (bk_journal_get_open_items (journal), counterpart_id, BK_TYPE_OPEN_ITEM,
                       (ListFunc) bk_open_item_store_list, (IdFunc) bk_open_item_get_id);
}

BkRowList *
bk_row_list_new_checkins (BkJournal *journal,
                          gint64     counterpart_id)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);

  return row_list_new (bk_journal_get_checkins (journal), counterpart_id, BK_TYPE_CHECKIN,
                       (ListFunc) bk_checkin_store_list, (IdFunc) bk_checkin_get_id);
}

BkRowList *
bk_row_list_new_credentials (BkJournal *journal,
                             gint64     counterpart_id)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);

  return row_list_new (bk_journal_get_credentials (journal), counterpart_id, BK_TYPE_CREDENTIAL,
                       (ListFunc) bk_credential_store_list, (IdFunc) bk_credential_get_id);
}

BkRowList *
bk_row_list_new_runs (BkJournal *journal,
                      gint64     counterpart_id)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);

  return row_list_new (bk_journal_get_runs (journal), counterpart_id, BK_TYPE_RUN,
                       (ListFunc) bk_run_store_list, (IdFunc) bk_run_get_id);
}

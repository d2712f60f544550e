/* bk-page-cache.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-page-cache"

#include "config.h"

#include "bk-page-cache-private.h"

struct _BkPageCache
{
  /* one slot per row: the item, or NULL until its page is read */
  GPtrArray             *items;
  BkPageLoadFunc         load;
  BkPagePlaceholderFunc  placeholder;
  gpointer               owner;
};

static void
clear_item (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

/* @owner is not referenced: it owns the cache. */
BkPageCache *
bk_page_cache_new (BkPageLoadFunc         load,
                   BkPagePlaceholderFunc  placeholder,
                   gpointer               owner)
{
  BkPageCache *self;

  g_return_val_if_fail (load != NULL, NULL);
  g_return_val_if_fail (placeholder != NULL, NULL);

  self = g_new0 (BkPageCache, 1);
  self->items = g_ptr_array_new_with_free_func (clear_item);
  self->load = load;
  self->placeholder = placeholder;
  self->owner = owner;

  return self;
}

void
bk_page_cache_free (BkPageCache *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self);
}

void
bk_page_cache_reset (BkPageCache *self,
                     guint        n_items)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, n_items);
}

guint
bk_page_cache_get_size (BkPageCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

/* Reads the page around @position into the slots still empty: an item handed out before
 * stays the one at its place. */
static void
load_page (BkPageCache *self,
           guint        position)
{
  guint offset = position - position % BK_PAGE_SIZE;
  guint limit = MIN (BK_PAGE_SIZE, self->items->len - offset);
  g_autoptr(GPtrArray) page = self->load (self->owner, offset, limit);

  for (guint i = 0; i < limit; i++)
    {
      gpointer *slot = &g_ptr_array_index (self->items, offset + i);

      if (*slot != NULL)
        continue;

      /* Fewer rows than counted: the journal changed behind our back (another process). */
      if (i < page->len)
        *slot = g_object_ref (g_ptr_array_index (page, i));
      else
        *slot = self->placeholder (self->owner);
    }
}

/* Returns: (transfer full): the item at @position, which the list has counted */
gpointer
bk_page_cache_dup_item (BkPageCache *self,
                        guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  if (g_ptr_array_index (self->items, position) == NULL)
    load_page (self, position);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

gpointer
bk_page_cache_peek (BkPageCache *self,
                    guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

guint
bk_page_cache_find (BkPageCache     *self,
                    BkPageMatchFunc  match,
                    gint64           id)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);
  g_return_val_if_fail (match != NULL, G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (item != NULL && match (item, id))
        return i;
    }

  return G_MAXUINT;
}

void
bk_page_cache_insert (BkPageCache *self,
                      guint        position,
                      gpointer     item)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (position <= self->items->len);

  g_ptr_array_insert (self->items, position, item);
}

void
bk_page_cache_remove (BkPageCache *self,
                      guint        position)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (position < self->items->len);

  g_ptr_array_remove_index (self->items, position);
}

void
bk_page_cache_move (BkPageCache *self,
                    guint        from,
                    guint        to)
{
  gpointer item;

  g_return_if_fail (self != NULL);
  g_return_if_fail (from < self->items->len && to < self->items->len);

  item = g_ptr_array_steal_index (self->items, from);
  g_ptr_array_insert (self->items, to, item);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

void
bk_page_cache_insert_rows (BkPageCache *self,
                           GListModel  *model,
                           GArray      *positions)
{
  guint run_start = 0;
  guint run_length = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (model));

  /* in order: each goes where it is now, the ones before it being in already */
  g_array_sort (positions, compare_positions);

  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);

      g_ptr_array_insert (self->items, position, NULL);

      if (run_length > 0 && position == run_start + run_length)
        {
          run_length++;
          continue;
        }

      if (run_length > 0)
        g_list_model_items_changed (model, run_start, 0, run_length);
      run_start = position;
      run_length = 1;
    }

  if (run_length > 0)
    g_list_model_items_changed (model, run_start, 0, run_length);
}

void
bk_page_cache_remove_rows (BkPageCache *self,
                           GListModel  *model,
                           GArray      *before)
{
  g_autoptr(GArray) positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), before->len);
  guint run_start = 0;
  guint run_length = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (model));

  /* where each was: the rows that stay before it, and the ones that went before it */
  g_array_sort (before, compare_positions);
  for (guint i = 0; i < before->len; i++)
    {
      guint position = g_array_index (before, guint, i) + i;

      g_array_append_val (positions, position);
    }

  /* from the end, so that the positions still to remove stay as they were */
  for (guint i = positions->len; i-- > 0;)
    {
      guint position = g_array_index (positions, guint, i);

      if (position >= self->items->len)
        continue;

      g_ptr_array_remove_index (self->items, position);

      if (run_length > 0 && position + 1 == run_start)
        {
          run_start = position;
          run_length++;
          continue;
        }

      if (run_length > 0)
        g_list_model_items_changed (model, run_start, run_length, 0);
      run_start = position;
      run_length = 1;
    }

  if (run_length > 0)
    g_list_model_items_changed (model, run_start, run_length, 0);
}

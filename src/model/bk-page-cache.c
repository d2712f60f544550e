/* bk-page-cache.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-page-cache"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-page-cache-private.h"

struct _BkPageCache
{
  /* page number → GPtrArray of items */
  GHashTable            *pages;
  BkPageLoadFunc         load;
  BkPagePlaceholderFunc  placeholder;
  gpointer               owner;
};

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
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
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

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_free (self);
}

/* Forgets every page read: the next items asked for are read again. */
void
bk_page_cache_clear (BkPageCache *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->pages);
}

/* Returns: (transfer full): the item at @position, which the list has counted */
gpointer
bk_page_cache_dup_item (BkPageCache *self,
                        guint        position)
{
  guint page_index = position / BK_PAGE_SIZE;
  GPtrArray *page;

  g_return_val_if_fail (self != NULL, NULL);

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_index));

  if (page == NULL)
    {
      page = self->load (self->owner, page_index);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_index), page);
    }

  /* Fewer rows than counted: the journal changed behind our back (another process). */
  while (page->len <= position % BK_PAGE_SIZE)
    g_ptr_array_add (page, self->placeholder (self->owner));

  return g_object_ref (g_ptr_array_index (page, position % BK_PAGE_SIZE));
}

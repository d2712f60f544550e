/* bk-page-cache-private.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Rows a list reads at once while browsing: about a screenful and a half. */
#define BK_PAGE_SIZE 50

/* The items (GObjects) of a GListModel by position, read from the journal a page at a time as
 * they are asked for. The list says how many there are, and moves them as rows come and go, so
 * that an item once handed out stays the same object at its new position. */
typedef struct _BkPageCache BkPageCache;

/* The items of the rows from @offset on, at most @limit of them, in a new array that frees
 * them. When the journal fails: a warning, and an empty array (the placeholders stand in). */
typedef GPtrArray *(*BkPageLoadFunc)        (gpointer owner,
                                             guint    offset,
                                             guint    limit);
/* A new item for a row that was counted but is gone */
typedef gpointer   (*BkPagePlaceholderFunc) (gpointer owner);
/* Whether @item is the one with @id */
typedef gboolean   (*BkPageMatchFunc)       (gpointer item,
                                             gint64   id);

BkPageCache *bk_page_cache_new      (BkPageLoadFunc         load,
                                     BkPagePlaceholderFunc  placeholder,
                                     gpointer               owner);
void         bk_page_cache_free     (BkPageCache           *self);
/* Forgets every item: the list has @n_items, none read yet. */
void         bk_page_cache_reset    (BkPageCache           *self,
                                     guint                  n_items);
guint        bk_page_cache_get_size (BkPageCache           *self);
gpointer     bk_page_cache_dup_item (BkPageCache           *self,
                                     guint                  position);
/* The item at @position if it was read already, else %NULL (borrowed) */
gpointer     bk_page_cache_peek     (BkPageCache           *self,
                                     guint                  position);
/* Where an item already read is, or G_MAXUINT */
guint        bk_page_cache_find     (BkPageCache           *self,
                                     BkPageMatchFunc        match,
                                     gint64                 id);
/* A row more at @position: @item (taken), or %NULL to read it when asked for */
void         bk_page_cache_insert   (BkPageCache           *self,
                                     guint                  position,
                                     gpointer               item);
void         bk_page_cache_remove   (BkPageCache           *self,
                                     guint                  position);
/* Takes the row at @from to @to, where it ends up */
void         bk_page_cache_move     (BkPageCache           *self,
                                     guint                  from,
                                     guint                  to);

/* Rows that came in one write: @positions (guint) are where each is now. Inserts them in order
 * and tells @model, a run of neighbours at once. */
void         bk_page_cache_insert_rows (BkPageCache        *self,
                                        GListModel         *model,
                                        GArray             *positions);
/* Rows that went in one write: @before (guint) are, for each, how many of the rows that stay
 * came before it. Removes them and tells @model, a run of neighbours at once. */
void         bk_page_cache_remove_rows (BkPageCache        *self,
                                        GListModel         *model,
                                        GArray             *before);

G_END_DECLS

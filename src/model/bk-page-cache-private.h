/* bk-page-cache-private.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Rows a list reads at once while browsing: about a screenful and a half. */
#define BK_PAGE_SIZE 50

/* The items (GObjects) of a GListModel, read from the journal a page at a time as they are
 * asked for. The list counts its items itself, and clears the cache when the journal changes. */
typedef struct _BkPageCache BkPageCache;

/* The items of page @page: the rows from @page * BK_PAGE_SIZE on, at most BK_PAGE_SIZE of them,
 * in a new array that frees them. When the journal fails: a warning, and an empty array (the
 * placeholders stand in). */
typedef GPtrArray *(*BkPageLoadFunc)        (gpointer owner,
                                             guint    page);
/* A new item for a row that was counted but is gone */
typedef gpointer   (*BkPagePlaceholderFunc) (gpointer owner);

BkPageCache *bk_page_cache_new      (BkPageLoadFunc         load,
                                     BkPagePlaceholderFunc  placeholder,
                                     gpointer               owner);
void         bk_page_cache_free     (BkPageCache           *self);
void         bk_page_cache_clear    (BkPageCache           *self);
gpointer     bk_page_cache_dup_item (BkPageCache           *self,
                                     guint                  position);

G_END_DECLS

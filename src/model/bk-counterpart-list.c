/* bk-counterpart-list.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-counterpart-list"

#include "config.h"

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-page-cache-private.h"

struct _BkCounterpartList
{
  GObject             parent_instance;

  BkJournal          *journal;
  BkCounterpartStore *store;
  /* for the words of a progress note that matched (nullable) */
  BkPlaybookLibrary  *playbooks;

  char       *query;
  /* NULL when browsing rather than searching */
  char       *fts_query;
  int         status_filter;

  /* the number of items last told ("items-changed"): the list's size is the cache's while
   * browsing, the hits' while searching */
  guint         n_items;
  /* changes told by the stores, waiting for the database to have told them all */
  GArray       *pending;
  gboolean      search_dirty;
  /* browsing */
  BkPageCache  *pages;
  /* searching, off the main thread: the search under way, the page being read (it is
   * cancelled when the query changes), and the items found so far. Until the first page of a
   * new search arrives, the items shown are the previous ones (browsing's or a search's). */
  BkSearcher   *searcher;
  BkSearch     *search;
  GCancellable *cancellable;
  gboolean      replace_items;
  gboolean      showing_hits;
  GPtrArray    *hit_items;
  /* between telling that every item went and that the new ones came (see tell_replaced()) */
  gboolean      emptied;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkCounterpartList, bk_counterpart_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_QUERY,
  PROP_STATUS_FILTER,
  PROP_PLAYBOOKS,
  PROP_SEARCHING,
  N_PROPS
};

/* Results read at a time: more than a window shows */
#define SEARCH_PAGE 20

static GParamSpec *properties[N_PROPS];

static const char *
status_filter_string (BkCounterpartList *self)
{
  if (self->status_filter < 0)
    return NULL;

  return bk_counterpart_status_to_string (self->status_filter);
}

static void on_page_read_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

static guint
count_browsing (BkCounterpartList *self)
{
  return bk_counterpart_store_count_listed (bk_journal_get_counterparts (self->journal),
                                            status_filter_string (self));
}

/* Tells that every item was replaced. GTK 4.8's list views look each added item up among the
 * rows they showed when both come in one change, which read all 10,000 rows of a browsing
 * list (a third of a second): so the old items go first, then the new ones come. */
static void
tell_replaced (BkCounterpartList *self,
               guint              old_n_items,
               guint              new_n_items)
{
  if (old_n_items > 0)
    {
      self->emptied = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
      self->emptied = FALSE;
    }

  if (new_n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n_items);
}

static void
set_searching (BkCounterpartList *self,
               gboolean           searching)
{
  if ((self->cancellable != NULL) == searching)
    return;

  if (searching)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
cancel_search (BkCounterpartList *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_searching (self, FALSE);
  g_clear_object (&self->search);
}

/* Starts the search for the query anew: its first page (@limit results, to show as many as
 * before after a write) replaces the items shown when it arrives. */
static void
start_search (BkCounterpartList *self,
              guint              limit)
{
  cancel_search (self);

  if (self->searcher == NULL)
    self->searcher = bk_searcher_new (self->journal, self->playbooks);

  self->search = bk_searcher_search (self->searcher, self->fts_query, status_filter_string (self));
  self->replace_items = TRUE;
  set_searching (self, TRUE);
  bk_search_next_page_async (self->search, MAX (limit, SEARCH_PAGE), self->cancellable,
                             on_page_read_cb, g_object_ref (self));
}

/**
 * bk_counterpart_list_load_more:
 *
 * Reads the next page of a search's results, unless one is being read or all are in: for a
 * view to ask when it is scrolled near the end. (Asking for the last items does not: GTK 4.8's
 * list views ask for the 200 items around what they show, which would read page after page
 * and build a row for each.)
 */
void
bk_counterpart_list_load_more (BkCounterpartList *self)
{
  g_return_if_fail (BK_IS_COUNTERPART_LIST (self));

  if (self->search == NULL || self->cancellable != NULL || bk_search_is_done (self->search))
    return;

  self->replace_items = FALSE;
  set_searching (self, TRUE);
  bk_search_next_page_async (self->search, SEARCH_PAGE, self->cancellable,
                             on_page_read_cb, g_object_ref (self));
}

/* The result @from in place of @item, the same counterpart: a row on screen follows */
static void
update_hit (BkCounterpart *item,
            BkCounterpart *from)
{
  bk_counterpart_update_from (item, from);
  bk_counterpart_set_match (item, bk_counterpart_get_match_markup (from),
                            bk_counterpart_get_match_note_id (from));
}

static gboolean
same_counterpart (gpointer a,
                  gpointer b)
{
  return bk_counterpart_get_id (a) == bk_counterpart_get_id (b);
}

/* A new search's first page in place of what was shown: at either end, the same counterpart
 * at the same place keeps its item, updated (words that matched, details), so that its row
 * stays and a selection stays on it; only the middle is told. */
static void
replace_hits (BkCounterpartList *self,
              GPtrArray         *items)
{
  g_autoptr(GPtrArray) old_items = g_steal_pointer (&self->hit_items);
  guint old_len = self->n_items;
  guint new_len = items->len;
  guint prefix = 0;
  guint suffix = 0;

  self->hit_items = g_ptr_array_ref (items);

  if (!self->showing_hits)
    {
      bk_page_cache_reset (self->pages, 0);
      self->showing_hits = TRUE;
      self->n_items = new_len;
      /* few come (a page): in one change GTK looks up only those, and keeps its rows */
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, new_len);
      return;
    }

  while (prefix < old_len && prefix < new_len &&
         same_counterpart (old_items->pdata[prefix], items->pdata[prefix]))
    {
      update_hit (old_items->pdata[prefix], items->pdata[prefix]);
      g_set_object ((BkCounterpart **) &items->pdata[prefix], old_items->pdata[prefix]);
      prefix++;
    }

  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         same_counterpart (old_items->pdata[old_len - 1 - suffix], items->pdata[new_len - 1 - suffix]))
    {
      update_hit (old_items->pdata[old_len - 1 - suffix], items->pdata[new_len - 1 - suffix]);
      g_set_object ((BkCounterpart **) &items->pdata[new_len - 1 - suffix],
                    old_items->pdata[old_len - 1 - suffix]);
      suffix++;
    }

  self->n_items = new_len;

  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);
}

static void
on_page_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BkCounterpartList) self = user_data;
  BkSearch *search = BK_SEARCH (object);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint old_len;

  items = bk_search_next_page_finish (search, result, &error);

  /* a search given up for another: the other's pages are what counts */
  if (search != self->search || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    {
      /* what a person types is always a valid query: this is the journal failing */
      g_warning ("Could not search: %s", error->message);
      items = g_ptr_array_new_with_free_func (g_object_unref);
    }

  set_searching (self, FALSE);

  if (self->replace_items)
    {
      replace_hits (self, items);
      return;
    }

  old_len = self->hit_items->len;
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->hit_items, g_object_ref (items->pdata[i]));
  self->n_items = self->hit_items->len;

  if (items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, items->len);
}

/* Reads the list anew: browsing, at once; searching, in the background (what is shown stays
 * until the first page arrives). */
static void
reload (BkCounterpartList *self)
{
  guint old_n_items = self->n_items;

  /* what is read now is as the journal has it: nothing is left to follow */
  g_array_set_size (self->pending, 0);
  self->search_dirty = FALSE;

  if (self->fts_query != NULL)
    {
      start_search (self, SEARCH_PAGE);
      return;
    }

  cancel_search (self);
  g_ptr_array_set_size (self->hit_items, 0);
  self->showing_hits = FALSE;
  self->n_items = count_browsing (self);
  bk_page_cache_reset (self->pages, self->n_items);
  tell_replaced (self, old_n_items, self->n_items);
}

static gboolean
counterpart_has_id (gpointer item,
                    gint64   id)
{
  return bk_counterpart_get_id (item) == id;
}

typedef struct
{
  BkChange change;
  gint64   id;
} PendingChange;

/* More rows than this coming or going in one write: the list is read again */
#define MAX_ROWS_PLACED 64

/* The counterpart @id, as the journal has it now, into @item (which the list holds): a row on
 * screen follows in place. */
static void
refresh_item (BkCounterpartList *self,
              BkCounterpart     *item,
              gint64             id)
{
  g_autoptr(BkCounterpart) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if ((fresh = bk_counterpart_store_dup (self->store, id, &error)))
    bk_counterpart_update_from (item, fresh);
  else
    g_debug ("Could not read a changed client or vendor: %s", error->message);
}

/* Browsing: one row changed, came or went. Where it was is known when it was read; where it
 * is now, the store says. */
static void
browse_change (BkCounterpartList *self,
               BkChange           change,
               gint64             id)
{
  const char *status = status_filter_string (self);
  guint old_pos = bk_page_cache_find (self->pages, counterpart_has_id, id);
  guint new_pos = G_MAXUINT;
  guint new_n_items;

  if (change != BK_CHANGE_REMOVED)
    new_pos = bk_counterpart_store_find_position (self->store, id, status);
  else if (old_pos == G_MAXUINT)
    /* never read, gone to the trash: where it stood among the others */
    old_pos = bk_counterpart_store_find_position_any (self->store, id, status);

  new_n_items = bk_counterpart_store_count_listed (self->store, status);

  if (old_pos == G_MAXUINT && change == BK_CHANGE_CHANGED && new_pos != G_MAXUINT &&
      new_n_items == self->n_items)
    {
      /* In the list before and after, but never read: where it was is not known, so whether
       * it moved is not known either. */
      reload (self);
      return;
    }

  if (old_pos == G_MAXUINT && new_pos == G_MAXUINT)
    {
      /* neither before nor after (another status), or gone unread: only the count tells */
      if (new_n_items != self->n_items)
        reload (self);
      return;
    }

  if (old_pos != G_MAXUINT && new_pos != G_MAXUINT)
    {
      BkCounterpart *item = bk_page_cache_peek (self->pages, old_pos);

      if (item != NULL)
        refresh_item (self, item, id);

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
  if (self->n_items != new_n_items)
    reload (self);
}

/* Browsing: several rows came, or went, in one write. */
static void
browse_changes (BkCounterpartList *self)
{
  const char *status = status_filter_string (self);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  BkChange change = g_array_index (self->pending, PendingChange, 0).change;

  /* Each row's place is a query of its own: many rows at once (an import) are read anew. */
  if (self->pending->len > MAX_ROWS_PLACED)
    {
      reload (self);
      return;
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      const PendingChange *pending = &g_array_index (self->pending, PendingChange, i);
      guint position;

      /* rows that changed in place, or came and went at once: read the list again */
      if (pending->change != change || change == BK_CHANGE_CHANGED)
        {
          reload (self);
          return;
        }

      if (change == BK_CHANGE_ADDED)
        position = bk_counterpart_store_find_position (self->store, pending->id, status);
      else
        position = bk_counterpart_store_find_position_any (self->store, pending->id, status);

      if (position != G_MAXUINT)
        g_array_append_val (positions, position);
    }

  if (change == BK_CHANGE_ADDED)
    bk_page_cache_insert_rows (self->pages, G_LIST_MODEL (self), positions);
  else
    bk_page_cache_remove_rows (self->pages, G_LIST_MODEL (self), positions);

  self->n_items = bk_page_cache_get_size (self->pages);

  /* another process may have written too: trust the journal's count */
  if (self->n_items != bk_counterpart_store_count_listed (self->store, status))
    reload (self);
}


static void
on_counterpart_changed_cb (BkCounterpartList  *self,
                           BkChange            change,
                           gint64              id,
                           gint64              counterpart_id,
                           BkCounterpartStore *store)
{
  PendingChange pending = { change, id };

  if (self->fts_query != NULL)
    self->search_dirty = TRUE;
  else
    g_array_append_val (self->pending, pending);
}

static void
on_note_changed_cb (BkCounterpartList *self,
                    BkChange           change,
                    gint64             id,
                    gint64             counterpart_id,
                    BkNoteStore       *notes)
{
  /* notes only matter to a search */
  if (self->fts_query != NULL)
    self->search_dirty = TRUE;
}

/* Every change of a write is in: the rows are where the journal has them now. */
static void
on_database_flushed_cb (BkCounterpartList *self,
                        BkDatabase        *database)
{
  if (self->search_dirty)
    {
      self->search_dirty = FALSE;
      /* run again, as far as it was read, off the main thread */
      if (self->fts_query != NULL)
        start_search (self, self->showing_hits ? self->hit_items->len : SEARCH_PAGE);
    }

  if (self->pending->len == 0)
    return;

  if (self->fts_query == NULL && !self->showing_hits)
    {
      if (self->pending->len == 1)
        browse_change (self,
                       g_array_index (self->pending, PendingChange, 0).change,
                       g_array_index (self->pending, PendingChange, 0).id);
      else
        browse_changes (self);
    }

  g_array_set_size (self->pending, 0);
}

static GPtrArray *
load_page (gpointer user_data,
           guint    offset,
           guint    limit)
{
  BkCounterpartList *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = bk_counterpart_store_list_page (self->store, status_filter_string (self),
                                          offset, limit, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the clients and vendors: %s", error->message);
      items = g_ptr_array_new_with_free_func (g_object_unref);
    }

  return items;
}

static gpointer
new_placeholder (gpointer user_data)
{
  return bk_counterpart_new ();
}

static GType
bk_counterpart_list_get_item_type (GListModel *model)
{
  return BK_TYPE_COUNTERPART;
}

static guint
bk_counterpart_list_get_n_items (GListModel *model)
{
  BkCounterpartList *self = BK_COUNTERPART_LIST (model);

  if (self->emptied)
    return 0;

  if (self->showing_hits)
    return self->hit_items->len;

  return bk_page_cache_get_size (self->pages);
}

static gpointer
bk_counterpart_list_get_item (GListModel *model,
                              guint       position)
{
  BkCounterpartList *self = BK_COUNTERPART_LIST (model);

  if (position >= bk_counterpart_list_get_n_items (model))
    return NULL;

  if (self->showing_hits)
    return g_object_ref (g_ptr_array_index (self->hit_items, position));

  return bk_page_cache_dup_item (self->pages, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bk_counterpart_list_get_item_type;
  iface->get_n_items = bk_counterpart_list_get_n_items;
  iface->get_item = bk_counterpart_list_get_item;
}

static void
bk_counterpart_list_constructed (GObject *object)
{
  BkCounterpartList *self = (BkCounterpartList *) object;

  G_OBJECT_CLASS (bk_counterpart_list_parent_class)->constructed (object);

  g_return_if_fail (BK_IS_JOURNAL (self->journal));

  self->store = g_object_ref (bk_journal_get_counterparts (self->journal));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_counterpart_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_notes (self->journal), "changed",
                           G_CALLBACK (on_note_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_database (self->journal), "flushed",
                           G_CALLBACK (on_database_flushed_cb), self, G_CONNECT_SWAPPED);

  reload (self);
}

static void
bk_counterpart_list_dispose (GObject *object)
{
  BkCounterpartList *self = (BkCounterpartList *) object;

  if (self->journal != NULL)
    {
      g_signal_handlers_disconnect_by_data (bk_journal_get_notes (self->journal), self);
      g_signal_handlers_disconnect_by_data (bk_journal_get_database (self->journal), self);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_object (&self->store);
  g_clear_object (&self->playbooks);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->pages, bk_page_cache_free);
  cancel_search (self);
  g_clear_object (&self->searcher);
  g_clear_pointer (&self->hit_items, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_counterpart_list_parent_class)->dispose (object);
}

static void
bk_counterpart_list_finalize (GObject *object)
{
  BkCounterpartList *self = (BkCounterpartList *) object;

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->fts_query, g_free);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (bk_counterpart_list_parent_class)->finalize (object);
}

static void
bk_counterpart_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BkCounterpartList *self = BK_COUNTERPART_LIST (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;

    case PROP_PLAYBOOKS:
      g_value_set_object (value, self->playbooks);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, bk_counterpart_list_get_searching (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_counterpart_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BkCounterpartList *self = BK_COUNTERPART_LIST (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      bk_counterpart_list_set_query (self, g_value_get_string (value));
      break;

    case PROP_STATUS_FILTER:
      bk_counterpart_list_set_status_filter (self, g_value_get_int (value));
      break;

    case PROP_PLAYBOOKS:
      g_set_object (&self->playbooks, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_counterpart_list_class_init (BkCounterpartListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bk_counterpart_list_constructed;
  object_class->dispose = bk_counterpart_list_dispose;
  object_class->finalize = bk_counterpart_list_finalize;
  object_class->get_property = bk_counterpart_list_get_property;
  object_class->set_property = bk_counterpart_list_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         BK_TYPE_JOURNAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL,
                      -1, BK_COUNTERPART_N_STATUSES - 1, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BkCounterpartList:playbooks:
   *
   * The playbooks, for the words of a progress note that a search found.
   */
  properties[PROP_PLAYBOOKS] =
    g_param_spec_object ("playbooks", NULL, NULL,
                         BK_TYPE_PLAYBOOK_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * BkCounterpartList:searching:
   *
   * Whether a search is being read, off the main thread: the items shown are those before it
   * until its page arrives.
   */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_counterpart_list_init (BkCounterpartList *self)
{
  self->status_filter = -1;
  self->pages = bk_page_cache_new (load_page, new_placeholder, self);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->hit_items = g_ptr_array_new_with_free_func (g_object_unref);
}

BkCounterpartList *
bk_counterpart_list_new (BkJournal *journal)
{
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);

  return g_object_new (BK_TYPE_COUNTERPART_LIST,
                       "journal", journal,
                       NULL);
}

BkJournal *
bk_counterpart_list_get_journal (BkCounterpartList *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_LIST (self), NULL);

  return self->journal;
}

const char *
bk_counterpart_list_get_query (BkCounterpartList *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_LIST (self), NULL);

  return self->query;
}

/* @query is the text as typed; blank text lists everything. */
void
bk_counterpart_list_set_query (BkCounterpartList *self,
                               const char        *query)
{
  g_autofree char *fts_query = NULL;

  g_return_if_fail (BK_IS_COUNTERPART_LIST (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);

  fts_query = bk_search_query_from_text (query);

  if (g_strcmp0 (fts_query, self->fts_query) != 0)
    {
      g_free (self->fts_query);
      self->fts_query = g_steal_pointer (&fts_query);

      if (self->journal != NULL)
        reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

int
bk_counterpart_list_get_status_filter (BkCounterpartList *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_LIST (self), -1);

  return self->status_filter;
}

void
bk_counterpart_list_set_status_filter (BkCounterpartList *self,
                                       int                status)
{
  g_return_if_fail (BK_IS_COUNTERPART_LIST (self));
  g_return_if_fail (status >= -1 && status < BK_COUNTERPART_N_STATUSES);

  if (self->status_filter == status)
    return;

  self->status_filter = status;

  if (self->journal != NULL)
    reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

guint
bk_counterpart_list_find (BkCounterpartList *self,
                          gint64             id)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_LIST (self), G_MAXUINT);

  if (self->showing_hits)
    {
      for (guint i = 0; i < self->hit_items->len; i++)
        {
          if (bk_counterpart_get_id (self->hit_items->pdata[i]) == id)
            return i;
        }

      return G_MAXUINT;
    }

  return bk_counterpart_store_find_position (self->store, id, status_filter_string (self));
}

gboolean
bk_counterpart_list_get_searching (BkCounterpartList *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_LIST (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * bk_counterpart_list_reload:
 *
 * Reads the list anew, for when another program changed the journal (the stores only tell
 * what this one writes): browsing at once, a search in the background.
 */
void
bk_counterpart_list_reload (BkCounterpartList *self)
{
  g_return_if_fail (BK_IS_COUNTERPART_LIST (self));

  reload (self);
}

/* bk-counterpart-list.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-counterpart-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-page-cache-private.h"
#include "bk-timeline.h"

/* Snippet markers: control characters never typed into a name or note, turned into <b></b>
 * once the rest is escaped. */
#define MATCH_START '\x01'
#define MATCH_END   '\x02'

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
  guint        n_items;
  /* changes told by the stores, waiting for the database to have told them all */
  GArray      *pending;
  gboolean     search_dirty;
  gint64       search_changed_id;
  /* browsing */
  BkPageCache *pages;
  /* searching: BkSearchHit per position, and the items made so far (NULL until asked for) */
  GArray      *hits;
  GPtrArray   *hit_items;
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Appends @text (@length bytes) to @query as an FTS5 string: quoted, its quotes doubled */
static void
append_fts_string (GString    *query,
                   const char *text,
                   gsize       length)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');

  g_string_append_c (query, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, text[i]);
    }
  g_string_append_c (query, '"');
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * bk_search_query_from_text:
 * @text: (nullable): what a person typed
 *
 * Every word becomes a quoted FTS5 string followed by "*", so that quotes, "AND", "(" or "-"
 * in what a person types are only ever words to look for. Words "in double quotes" become a
 * phrase: those words, in that order; a phrase still being typed (its quote not closed yet)
 * ends in a prefix.
 */
char *
bk_search_query_from_text (const char *text)
{
  g_autoptr(GString) query = NULL;
  const char *p;

  if (text == NULL)
    return NULL;

  query = g_string_new (NULL);
  p = text;

  while (*p != '\0')
    {
      const char *word;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (*p == '\0')
        break;

      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');
          gsize length = end != NULL ? (gsize) (end - p - 1) : strlen (p + 1);

          if (!is_blank (p + 1, length))
            {
              append_fts_string (query, p + 1, length);
              if (end == NULL)
                g_string_append_c (query, '*');
            }

          p = end != NULL ? end + 1 : p + 1 + length;
          continue;
        }

      word = p;
      while (*p != '\0' && *p != '"' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      append_fts_string (query, word, p - word);
      g_string_append_c (query, '*');
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Escapes the snippet and turns the markers into <b></b>, always balanced. Line breaks become
 * spaces: the match is shown on one line. */
static char *
snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *start = snippet;
  gboolean bold = FALSE;

  for (const char *p = snippet;; p++)
    {
      char c = *p;

      if (c != '\0' && c != MATCH_START && c != MATCH_END && c != '\n' && c != '\r' && c != '\t')
        continue;

      if (p > start)
        {
          g_autofree char *escaped = g_markup_escape_text (start, p - start);
          g_string_append (markup, escaped);
        }

      start = p + 1;

      if (c == '\0')
        break;
      else if (c == MATCH_START && !bold)
        g_string_append (markup, "<b>");
      else if (c == MATCH_END && bold)
        g_string_append (markup, "</b>");
      else if ((c == '\n' || c == '\r' || c == '\t') &&
               markup->len > 0 && markup->str[markup->len - 1] != ' ')
        g_string_append_c (markup, ' ');

      if (c == MATCH_START || c == MATCH_END)
        bold = (c == MATCH_START);
    }

  if (bold)
    g_string_append (markup, "</b>");

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* hit_items has holes for the items not asked for yet */
static void
clear_item (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static const char *
status_filter_string (BkCounterpartList *self)
{
  if (self->status_filter < 0)
    return NULL;

  return bk_counterpart_status_to_string (self->status_filter);
}

static void
clear_items (BkCounterpartList *self)
{
  bk_page_cache_reset (self->pages, 0);
  g_array_set_size (self->hits, 0);
  g_ptr_array_set_size (self->hit_items, 0);
}

static guint
count_browsing (BkCounterpartList *self)
{
  return bk_counterpart_store_count_listed (bk_journal_get_counterparts (self->journal),
                                            status_filter_string (self));
}

/* Runs the search once: every matching row, best first, reduced to the best row of each
 * counterpart. The items themselves are read when they are asked for. */
static void
run_search (BkCounterpartList *self)
{
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = bk_counterpart_store_search (bk_journal_get_counterparts (self->journal),
                                      self->fts_query, status_filter_string (self), &error);
  if (hits == NULL)
    {
      /* what a person types is always a valid query: this is the journal failing */
      g_warning ("Could not search: %s", error->message);
      return;
    }

  g_array_append_vals (self->hits, hits->data, hits->len);
  g_ptr_array_set_size (self->hit_items, self->hits->len);
}

static void
reload (BkCounterpartList *self)
{
  guint old_n_items = self->n_items;

  clear_items (self);
  /* what is read now is as the journal has it: nothing is left to follow */
  g_array_set_size (self->pending, 0);
  self->search_dirty = FALSE;

  if (self->fts_query != NULL)
    {
      run_search (self);
      self->n_items = self->hits->len;
    }
  else
    {
      self->n_items = count_browsing (self);
      bk_page_cache_reset (self->pages, self->n_items);
    }

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
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

/* Searching: the search is run again, and only what differs is told */
static void
search_change (BkCounterpartList *self,
               gint64             changed_id)
{
  g_autoptr(GArray) old_hits = g_array_copy (self->hits);
  g_autoptr(GPtrArray) old_items = g_ptr_array_new_with_free_func (clear_item);
  guint old_len = old_hits->len;
  guint prefix = 0;
  guint suffix = 0;
  guint new_len;

  for (guint i = 0; i < self->hit_items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->hit_items, i);

      g_ptr_array_add (old_items, item != NULL ? g_object_ref (item) : NULL);
    }

  g_array_set_size (self->hits, 0);
  g_ptr_array_set_size (self->hit_items, 0);
  run_search (self);
  new_len = self->hits->len;
  self->n_items = new_len;

  /* The same counterparts before and after keep their items, unless they are the one that
   * changed (its match or its details may differ). */
  while (prefix < old_len && prefix < new_len &&
         g_array_index (old_hits, BkSearchHit, prefix).counterpart_id ==
         g_array_index (self->hits, BkSearchHit, prefix).counterpart_id &&
         g_array_index (old_hits, BkSearchHit, prefix).docid ==
         g_array_index (self->hits, BkSearchHit, prefix).docid &&
         g_array_index (old_hits, BkSearchHit, prefix).counterpart_id != changed_id)
    {
      g_ptr_array_index (self->hit_items, prefix) = g_steal_pointer (&g_ptr_array_index (old_items, prefix));
      prefix++;
    }

  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (old_hits, BkSearchHit, old_len - 1 - suffix).counterpart_id ==
         g_array_index (self->hits, BkSearchHit, new_len - 1 - suffix).counterpart_id &&
         g_array_index (old_hits, BkSearchHit, old_len - 1 - suffix).docid ==
         g_array_index (self->hits, BkSearchHit, new_len - 1 - suffix).docid &&
         g_array_index (old_hits, BkSearchHit, old_len - 1 - suffix).counterpart_id != changed_id)
    {
      g_ptr_array_index (self->hit_items, new_len - 1 - suffix) =
        g_steal_pointer (&g_ptr_array_index (old_items, old_len - 1 - suffix));
      suffix++;
    }

  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);
}

/* A search is run again once for a whole write; the counterpart that changed, if only one
 * did, gets a new item */
static void
mark_search_dirty (BkCounterpartList *self,
                   gint64             counterpart_id)
{
  if (!self->search_dirty)
    self->search_changed_id = counterpart_id;
  else if (self->search_changed_id != counterpart_id)
    self->search_changed_id = 0;

  self->search_dirty = TRUE;
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
    mark_search_dirty (self, id);
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
    mark_search_dirty (self, counterpart_id);
}

/* Every change of a write is in: the rows are where the journal has them now. */
static void
on_database_flushed_cb (BkCounterpartList *self,
                        BkDatabase        *database)
{
  if (self->search_dirty)
    {
      self->search_dirty = FALSE;
      if (self->fts_query != NULL)
        search_change (self, self->search_changed_id);
    }

  if (self->pending->len == 0)
    return;

  if (self->fts_query == NULL)
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

static BkCounterpart *
load_hit (BkCounterpartList *self,
          const BkSearchHit *hit)
{
  BkCounterpartStore *counterparts = bk_journal_get_counterparts (self->journal);
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *markup = NULL;

  counterpart = bk_counterpart_store_dup (counterparts, hit->counterpart_id, &error);

  /* Gone behind our back (another process): a list must still have an item here. */
  if (counterpart == NULL)
    {
      if (!g_error_matches (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND))
        g_warning ("Could not read a search result: %s", error->message);
      counterpart = bk_counterpart_new ();
      bk_counterpart_set_id (counterpart, hit->counterpart_id);
    }

  snippet = bk_counterpart_store_dup_snippet (counterparts, self->fts_query, hit->docid);
  if (snippet != NULL)
    markup = snippet_to_markup (snippet);

  /* A progress note holds its event and the person's words (which are what matched): shown
   * as the timeline shows it, in the reader's language, the matching words in bold. */
  if (markup != NULL && hit->docid >= BK_NOTE_ID_BASE)
    {
      g_autoptr(BkNote) note = bk_note_store_dup (bk_journal_get_notes (self->journal),
                                                  hit->docid, NULL);

      if (note != NULL && bk_note_get_event (note) != BK_NOTE_EVENT_NONE)
        {
          g_autofree char *text = bk_timeline_dup_text (note, self->playbooks,
                                                        bk_counterpart_get_kind (counterpart));
          gsize words_len = strlen (bk_note_get_text (note));
          gsize text_len = strlen (text);

          if (words_len > 0 && text_len >= words_len &&
              g_str_has_suffix (text, bk_note_get_text (note)))
            {
              g_autofree char *before = g_strndup (text, text_len - words_len);
              g_autofree char *escaped = snippet_to_markup (before);
              char *with_event = g_strconcat (escaped, markup, NULL);

              g_free (markup);
              markup = with_event;
            }
        }
    }
  bk_counterpart_set_match (counterpart,
                            markup,
                            hit->docid >= BK_NOTE_ID_BASE ? hit->docid : 0);

  return g_steal_pointer (&counterpart);
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

  if (self->fts_query != NULL)
    return self->hits->len;

  return bk_page_cache_get_size (self->pages);
}

static gpointer
bk_counterpart_list_get_item (GListModel *model,
                              guint       position)
{
  BkCounterpartList *self = BK_COUNTERPART_LIST (model);

  if (position >= bk_counterpart_list_get_n_items (model))
    return NULL;

  if (self->fts_query != NULL)
    {
      if (g_ptr_array_index (self->hit_items, position) == NULL)
        g_ptr_array_index (self->hit_items, position) =
          load_hit (self, &g_array_index (self->hits, BkSearchHit, position));

      return g_object_ref (g_ptr_array_index (self->hit_items, position));
    }

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
  g_clear_pointer (&self->hit_items, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_counterpart_list_parent_class)->dispose (object);
}

static void
bk_counterpart_list_finalize (GObject *object)
{
  BkCounterpartList *self = (BkCounterpartList *) object;

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->fts_query, g_free);
  g_clear_pointer (&self->hits, g_array_unref);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_counterpart_list_init (BkCounterpartList *self)
{
  self->status_filter = -1;
  self->pages = bk_page_cache_new (load_page, new_placeholder, self);
  self->hits = g_array_new (FALSE, FALSE, sizeof (BkSearchHit));
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->hit_items = g_ptr_array_new_with_free_func (clear_item);
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

  if (self->fts_query != NULL)
    {
      for (guint i = 0; i < self->hits->len; i++)
        {
          if (g_array_index (self->hits, BkSearchHit, i).counterpart_id == id)
            return i;
        }

      return G_MAXUINT;
    }

  return bk_counterpart_store_find_position (self->store, id, status_filter_string (self));
}

/* bk-counterpart-list.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-counterpart-list"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-page-cache-private.h"

/* Snippet markers: control characters never typed into a name or note, turned into <b></b>
 * once the rest is escaped. */
#define MATCH_START '\x01'
#define MATCH_END   '\x02'

struct _BkCounterpartList
{
  GObject     parent_instance;

  BkJournal  *journal;
  gulong      counterparts_changed_id;
  gulong      notes_changed_id;

  char       *query;
  /* NULL when browsing rather than searching */
  char       *fts_query;
  int         status_filter;

  guint        n_items;
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * bk_search_query_from_text:
 * @text: (nullable): what a person typed
 *
 * Every word becomes a quoted FTS5 string followed by "*", so that quotes, "AND", "(" or "-"
 * in what a person types are only ever words to look for.
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

      word = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (query->len > 0)
        g_string_append_c (query, ' ');

      g_string_append_c (query, '"');
      for (const char *q = word; q < p; q++)
        {
          if (*q == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *q);
        }
      g_string_append (query, "\"*");
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
  bk_page_cache_clear (self->pages);
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

  if (self->fts_query != NULL)
    {
      run_search (self);
      self->n_items = self->hits->len;
    }
  else
    {
      self->n_items = count_browsing (self);
    }

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

static void
on_counterparts_changed_cb (BkCounterpartList *self,
                            BkJournal         *journal)
{
  reload (self);
}

static void
on_notes_changed_cb (BkCounterpartList *self,
                     gint64             counterpart_id,
                     BkJournal         *journal)
{
  /* notes only matter to a search */
  if (self->fts_query != NULL)
    reload (self);
}

static GPtrArray *
load_page (gpointer user_data,
           guint    page)
{
  BkCounterpartList *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = bk_counterpart_store_list_page (bk_journal_get_counterparts (self->journal),
                                          status_filter_string (self),
                                          page * BK_PAGE_SIZE, BK_PAGE_SIZE, &error);
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
  return BK_COUNTERPART_LIST (model)->n_items;
}

static gpointer
bk_counterpart_list_get_item (GListModel *model,
                              guint       position)
{
  BkCounterpartList *self = BK_COUNTERPART_LIST (model);

  if (position >= self->n_items)
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

  self->counterparts_changed_id =
    g_signal_connect_object (self->journal,
                             "counterparts-changed",
                             G_CALLBACK (on_counterparts_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);
  self->notes_changed_id =
    g_signal_connect_object (self->journal,
                             "notes-changed",
                             G_CALLBACK (on_notes_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  reload (self);
}

static void
bk_counterpart_list_dispose (GObject *object)
{
  BkCounterpartList *self = (BkCounterpartList *) object;

  if (self->journal != NULL)
    {
      g_clear_signal_handler (&self->counterparts_changed_id, self->journal);
      g_clear_signal_handler (&self->notes_changed_id, self->journal);
    }

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_counterpart_list_init (BkCounterpartList *self)
{
  self->status_filter = -1;
  self->pages = bk_page_cache_new (load_page, new_placeholder, self);
  self->hits = g_array_new (FALSE, FALSE, sizeof (BkSearchHit));
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

  return bk_counterpart_store_find_position (bk_journal_get_counterparts (self->journal),
                                             id, status_filter_string (self));
}

/* bk-search.c: searching the journal off the main thread, a page at a time
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-search"

#include "config.h"

#include <string.h>

#include "bk-schema.h"
#include "bk-search.h"
#include "bk-timeline.h"

/* Snippet markers: control characters never typed into a name or note, turned into <b></b>
 * once the rest is escaped. */
#define MATCH_START '\x01'
#define MATCH_END   '\x02'

/* A word being typed is looked up as the words in the journal it may become, when there are at
 * most this many; FTS5 finds those one match at a time, but reads every match of a prefix
 * before it gives the first. Prefixes of two and three letters have an index of their own. */
#define MAX_WORD_FORMS     64
#define MIN_EXPANDED_CHARS 4

/* How often (in SQLite's virtual machine steps) a query looks whether it was cancelled */
#define CANCEL_CHECK_STEPS 1000

struct _BkSearcher
{
  GObject            parent_instance;

  char              *path;
  BkPlaybookLibrary *playbooks;
  /* one thread: pages are read one after another, on one connection */
  GThreadPool       *pool;
  /* the connection, opened by the first page; held while a page is read */
  GMutex             lock;
  BkJournal         *journal;
};

struct _BkSearch
{
  GObject         parent_instance;

  BkSearcher     *searcher;
  char           *fts_query;
  char           *status;
  /* only touched while a page is read: the query as the first page made it, or the one
   * letter of a search by initial */
  char           *expanded;
  char           *initial;
  BkSearchCursor  cursor;
  GHashTable     *seen;
};

G_DEFINE_FINAL_TYPE (BkSearcher, bk_searcher, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (BkSearch, bk_search, G_TYPE_OBJECT)

/* Appends @text (@length bytes) to @query as an FTS5 string: quoted, its quotes doubled */
static void
append_fts_string (GString    *query,
                   const char *text,
                   gsize       length)
{
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
              if (query->len > 0)
                g_string_append_c (query, ' ');
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

      if (query->len > 0)
        g_string_append_c (query, ' ');
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

/* The item for @hit, with the words that matched: read on the searcher's connection */
static BkCounterpart *
load_hit (BkSearch          *self,
          BkJournal         *journal,
          const BkSearchHit *hit)
{
  BkCounterpartStore *counterparts = bk_journal_get_counterparts (journal);
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;

  counterpart = bk_counterpart_store_dup (counterparts, hit->counterpart_id, &error);

  /* Gone since the page was read (a write meanwhile): a list must still have an item here. */
  if (counterpart == NULL)
    {
      if (!g_error_matches (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND))
        g_warning ("Could not read a search result: %s", error->message);
      counterpart = bk_counterpart_new ();
      bk_counterpart_set_id (counterpart, hit->counterpart_id);
    }

  if (hit->snippet != NULL)
    markup = snippet_to_markup (hit->snippet);

  /* A progress note holds its event and the person's words (which are what matched): shown
   * as the timeline shows it, in the reader's language, the matching words in bold. */
  if (markup != NULL && hit->docid >= BK_NOTE_ID_BASE)
    {
      g_autoptr(BkNote) note = bk_note_store_dup (bk_journal_get_notes (journal),
                                                  hit->docid, NULL);

      if (note != NULL && bk_note_get_event (note) != BK_NOTE_EVENT_NONE)
        {
          g_autofree char *text = bk_timeline_dup_text (note, self->searcher->playbooks,
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


/* The searcher */

static void
read_page_in_thread (gpointer data,
                     gpointer user_data);

static void
bk_searcher_finalize (GObject *object)
{
  BkSearcher *self = (BkSearcher *) object;

  /* every page asked for holds the searcher: none is left to read */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (bk_searcher_parent_class)->finalize (object);
}

static void
bk_searcher_class_init (BkSearcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_searcher_finalize;
}

static void
bk_searcher_init (BkSearcher *self)
{
  g_mutex_init (&self->lock);
  self->pool = g_thread_pool_new (read_page_in_thread, NULL, 1, FALSE, NULL);
}

BkSearcher *
bk_searcher_new (BkJournal         *journal,
                 BkPlaybookLibrary *playbooks)
{
  BkSearcher *self;

  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (playbooks == NULL || BK_IS_PLAYBOOK_LIBRARY (playbooks), NULL);

  self = g_object_new (BK_TYPE_SEARCHER, NULL);
  self->path = g_strdup (bk_journal_get_path (journal));
  if (playbooks != NULL)
    self->playbooks = g_object_ref (playbooks);

  return self;
}

BkSearch *
bk_searcher_search (BkSearcher *self,
                    const char *fts_query,
                    const char *status)
{
  BkSearch *search;

  g_return_val_if_fail (BK_IS_SEARCHER (self), NULL);
  g_return_val_if_fail (fts_query != NULL, NULL);

  search = g_object_new (BK_TYPE_SEARCH, NULL);
  search->searcher = g_object_ref (self);
  search->fts_query = g_strdup (fts_query);
  search->status = g_strdup (status);

  return search;
}

/* A search */

static void
bk_search_finalize (GObject *object)
{
  BkSearch *self = (BkSearch *) object;

  g_clear_object (&self->searcher);
  g_clear_pointer (&self->fts_query, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->expanded, g_free);
  g_clear_pointer (&self->initial, g_free);
  g_clear_pointer (&self->seen, g_hash_table_unref);

  G_OBJECT_CLASS (bk_search_parent_class)->finalize (object);
}

static void
bk_search_class_init (BkSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_search_finalize;
}

static void
bk_search_init (BkSearch *self)
{
  self->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

const char *
bk_search_get_fts_query (BkSearch *self)
{
  g_return_val_if_fail (BK_IS_SEARCH (self), NULL);

  return self->fts_query;
}

gboolean
bk_search_is_done (BkSearch *self)
{
  g_return_val_if_fail (BK_IS_SEARCH (self), TRUE);

  return self->cursor.done;
}

/* Reads the next string of a query that bk_search_query_from_text() made: its text, and
 * whether it is a prefix. Returns where the next one begins. */
static const char *
read_fts_string (const char *p,
                 GString    *text,
                 gboolean   *prefix)
{
  g_string_truncate (text, 0);

  /* the opening quote */
  p++;
  while (*p != '\0')
    {
      if (p[0] == '"' && p[1] == '"')
        {
          g_string_append_c (text, '"');
          p += 2;
        }
      else if (p[0] == '"')
        {
          p++;
          break;
        }
      else
        {
          g_string_append_c (text, *p++);
        }
    }

  *prefix = (*p == '*');
  if (*prefix)
    p++;
  while (*p == ' ')
    p++;

  return p;
}

/* Appends the words in the journal that @text (a word being typed) may become, as FTS5
 * alternatives; FALSE when it is better left a prefix (it is short, more than one word, or
 * begins too many words) or the journal fails (@error set). */
static gboolean
append_word_forms (GString     *query,
                   BkDatabase  *db,
                   const char  *text,
                   GError     **error)
{
  g_autofree char *word = NULL;
  g_autoptr(GPtrArray) forms = NULL;

  if (!(word = bk_schema_fold_word (db, text, error)) ||
      g_utf8_strlen (word, -1) < MIN_EXPANDED_CHARS ||
      !(forms = bk_schema_find_words (db, word, MAX_WORD_FORMS + 1, error)) ||
      forms->len > MAX_WORD_FORMS)
    return FALSE;

  /* the word itself finds the others of its stem, whether or not the journal has it as typed */
  g_string_append_c (query, '(');
  append_fts_string (query, word, strlen (word));
  for (guint i = 0; i < forms->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);

      if (g_str_equal (form, word))
        continue;
      g_string_append (query, " OR ");
      append_fts_string (query, form, strlen (form));
    }
  g_string_append_c (query, ')');

  return TRUE;
}

/* Makes the search ready for its first page: a word being typed becomes the words it may be,
 * found one match at a time; one letter alone is a search by initial (of every word in the
 * journal, a letter begins most). */
static gboolean
prepare_query (BkSearch    *self,
               BkDatabase  *db,
               GError     **error)
{
  g_autoptr(GString) expanded = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p = self->fts_query;
  gboolean prefix;

  while (*p == '"')
    {
      GError *local_error = NULL;

      p = read_fts_string (p, text, &prefix);

      if (expanded->len == 0 && *p == '\0' && prefix && g_utf8_strlen (text->str, -1) == 1 &&
          g_unichar_isalnum (g_utf8_get_char (text->str)))
        {
          self->initial = g_string_free (g_steal_pointer (&text), FALSE);
          return TRUE;
        }

      if (expanded->len > 0)
        g_string_append (expanded, " AND ");

      if (!prefix || !append_word_forms (expanded, db, text->str, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          append_fts_string (expanded, text->str, text->len);
          if (prefix)
            g_string_append_c (expanded, '*');
        }
    }

  self->expanded = g_string_free (g_steal_pointer (&expanded), FALSE);
  return TRUE;
}

/* SQLite's progress handler: a non-zero answer interrupts the query under way */
static int
is_cancelled_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

GPtrArray *
bk_search_next_page (BkSearch      *self,
                     guint          limit,
                     GCancellable  *cancellable,
                     GError       **error)
{
  BkSearcher *searcher;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;

  g_return_val_if_fail (BK_IS_SEARCH (self), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  searcher = self->searcher;
  locker = g_mutex_locker_new (&searcher->lock);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (searcher->journal == NULL &&
      !(searcher->journal = bk_journal_open_full (searcher->path, BK_JOURNAL_OPEN_READ_ONLY, error)))
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->cursor.done)
    return g_steal_pointer (&items);

  db = bk_database_get_handle (bk_journal_get_database (searcher->journal));
  if (cancellable != NULL)
    sqlite3_progress_handler (db, CANCEL_CHECK_STEPS, is_cancelled_cb, cancellable);

  if (self->expanded == NULL && self->initial == NULL &&
      !prepare_query (self, bk_journal_get_database (searcher->journal), &local_error))
    hits = NULL;
  else if (self->initial != NULL)
    hits = bk_counterpart_store_search_initial (bk_journal_get_counterparts (searcher->journal),
                                                self->initial, self->status, &self->cursor,
                                                limit, &local_error);
  else
    hits = bk_counterpart_store_search_page (bk_journal_get_counterparts (searcher->journal),
                                             self->expanded, self->status, &self->cursor,
                                             self->seen, limit, &local_error);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      g_ptr_array_add (items, load_hit (self, searcher->journal,
                                        &g_array_index (hits, BkSearchHit, i)));
    }

  sqlite3_progress_handler (db, 0, NULL, NULL);

  /* a cancelled page leaves the search where it stood: it is not read again */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (hits == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&items);
}

static void
read_page_in_thread (gpointer data,
                     gpointer user_data)
{
  g_autoptr(GTask) task = data;
  BkSearch *self = g_task_get_source_object (task);
  guint limit = GPOINTER_TO_UINT (g_task_get_task_data (task));
  GError *error = NULL;
  GPtrArray *items;

  if ((items = bk_search_next_page (self, limit, g_task_get_cancellable (task), &error)))
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
bk_search_next_page_async (BkSearch            *self,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_SEARCH (self));
  g_return_if_fail (limit > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_search_next_page_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (limit), NULL);
  g_thread_pool_push (self->searcher->pool, task, NULL);
}

GPtrArray *
bk_search_next_page_finish (BkSearch      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (BK_IS_SEARCH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* bk-search-tokenizer.c: how the search index reads words
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libstemmer.h>

#include "bk-database.h"
#include "bk-search-tokenizer.h"

/* Longer "words" (a pasted key, a long number) are kept whole: no language has such words. */
#define MAX_STEMMED_BYTES 64

/* Stems already found are looked up rather than found again (a third of the time it takes to
 * index a note): a journal uses a few thousand words over and over. */
#define MAX_CACHED_STEMS  65536

typedef struct
{
  fts5_tokenizer     parent;
  Fts5Tokenizer     *parent_instance;
  struct sb_stemmer *russian;
  struct sb_stemmer *english;
  /* folded word → its stem */
  GHashTable        *stems;
  char               folded[MAX_STEMMED_BYTES + 1];
} Tokenizer;

typedef struct
{
  Tokenizer  *tokenizer;
  int         flags;
  /* collecting the words as read (folded, not stemmed) rather than indexing them */
  GHashTable *words;
  void       *ctx;
  int       (*token) (void *ctx, int tflags, const char *token, int n_token, int start, int end);
} Tokenizing;

static void
tokenizer_delete (Fts5Tokenizer *instance)
{
  Tokenizer *self = (Tokenizer *) instance;

  if (self->parent_instance != NULL)
    self->parent.xDelete (self->parent_instance);
  g_clear_pointer (&self->russian, sb_stemmer_delete);
  g_clear_pointer (&self->english, sb_stemmer_delete);
  g_clear_pointer (&self->stems, g_hash_table_unref);
  g_free (self);
}

static int
tokenizer_create (void           *user_data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  static const char *unicode61_args[] = { "remove_diacritics", "2" };
  Tokenizer *self;
  void *unicode61_data = NULL;
  int rc;

  self = g_new0 (Tokenizer, 1);
  self->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  rc = api->xFindTokenizer (api, "unicode61", &unicode61_data, &self->parent);
  if (rc == SQLITE_OK)
    rc = self->parent.xCreate (unicode61_data, unicode61_args, G_N_ELEMENTS (unicode61_args),
                               &self->parent_instance);

  if (rc == SQLITE_OK)
    {
      self->russian = sb_stemmer_new ("russian", "UTF_8");
      self->english = sb_stemmer_new ("english", "UTF_8");
      if (self->russian == NULL || self->english == NULL)
        rc = SQLITE_NOMEM;
    }

  if (rc != SQLITE_OK)
    {
      tokenizer_delete ((Fts5Tokenizer *) self);
      return rc;
    }

  *out = (Fts5Tokenizer *) self;
  return SQLITE_OK;
}

/* The stemmer for a word, by the script of its first letter; %NULL for digits and other
 * scripts, which are kept as they are */
static struct sb_stemmer *
choose_stemmer (Tokenizer  *self,
                const char *word)
{
  GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (word));

  if (script == G_UNICODE_SCRIPT_CYRILLIC)
    return self->russian;

  if (script == G_UNICODE_SCRIPT_LATIN)
    return self->english;

  return NULL;
}

/* One word as unicode61 read it (lower case, Latin diacritics removed): ё as е, then its
 * stem. In a query's prefix ("опла*"), the word as typed is an alternative to its stem: a
 * stem of half a word may not begin the stem of the whole one. */
static int
on_word_cb (void       *user_data,
            int         tflags,
            const char *word,
            int         n_word,
            int         start,
            int         end)
{
  Tokenizing *tokenizing = user_data;
  Tokenizer *self = tokenizing->tokenizer;
  struct sb_stemmer *stemmer;
  const char *stem;
  int n_stem;
  int rc;

  if (n_word <= 0 || n_word > MAX_STEMMED_BYTES)
    {
      if (tokenizing->words != NULL)
        {
          g_hash_table_add (tokenizing->words, g_strndup (word, n_word));
          return SQLITE_OK;
        }
      return tokenizing->token (tokenizing->ctx, tflags, word, n_word, start, end);
    }

  memcpy (self->folded, word, n_word);
  for (int i = 0; i + 1 < n_word; i++)
    {
      /* ё (U+0451) is е (U+0435) with a diaeresis; й keeps its breve */
      if ((guchar) self->folded[i] == 0xD1 && (guchar) self->folded[i + 1] == 0x91)
        {
          self->folded[i] = (char) 0xD0;
          self->folded[i + 1] = (char) 0xB5;
          i++;
        }
    }

  self->folded[n_word] = '\0';

  if (tokenizing->words != NULL)
    {
      if (!g_hash_table_contains (tokenizing->words, self->folded))
        g_hash_table_add (tokenizing->words, g_strndup (self->folded, n_word));
      return SQLITE_OK;
    }

  if (!(stemmer = choose_stemmer (self, self->folded)))
    return tokenizing->token (tokenizing->ctx, tflags, self->folded, n_word, start, end);

  if (!(stem = g_hash_table_lookup (self->stems, self->folded)))
    {
      const sb_symbol *found = sb_stemmer_stem (stemmer, (const sb_symbol *) self->folded, n_word);
      char *new_stem;

      if (found == NULL)
        return SQLITE_NOMEM;
      if (g_hash_table_size (self->stems) >= MAX_CACHED_STEMS)
        g_hash_table_remove_all (self->stems);
      new_stem = g_strndup ((const char *) found, sb_stemmer_length (stemmer));
      g_hash_table_insert (self->stems, g_strndup (self->folded, n_word), new_stem);
      stem = new_stem;
    }
  n_stem = strlen (stem);

  rc = tokenizing->token (tokenizing->ctx, tflags, (const char *) stem, n_stem, start, end);

  if (rc == SQLITE_OK && (tokenizing->flags & FTS5_TOKENIZE_PREFIX) &&
      (n_stem != n_word || memcmp (stem, self->folded, n_word) != 0))
    rc = tokenizing->token (tokenizing->ctx, tflags | FTS5_TOKEN_COLOCATED, self->folded, n_word,
                            start, end);

  return rc;
}

static int
tokenizer_tokenize (Fts5Tokenizer *instance,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    int          (*token) (void *ctx, int tflags, const char *token, int n_token,
                                           int start, int end))
{
  Tokenizer *self = (Tokenizer *) instance;
  Tokenizing tokenizing = { self, flags, NULL, ctx, token };

  return self->parent.xTokenize (self->parent_instance, &tokenizing, flags, text, n_text,
                                 on_word_cb);
}

/* The words function: bk_search_words (text, ...), an aggregate over any number of rows and
 * columns, is the JSON array of the distinct words in them as the index reads them before it
 * stems them (folded: "Счёт" is "счет"). They fill the journal's list of words, in which a word
 * being typed is looked up as the words it may become. */

static void
words_step_cb (sqlite3_context  *context,
               int               n_args,
               sqlite3_value   **args)
{
  Tokenizer *tokenizer = sqlite3_user_data (context);
  GHashTable **words = sqlite3_aggregate_context (context, sizeof (GHashTable *));

  if (words == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }

  if (*words == NULL)
    *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < n_args; i++)
    {
      Tokenizing tokenizing = { tokenizer, FTS5_TOKENIZE_DOCUMENT, *words, NULL, NULL };
      const char *text = (const char *) sqlite3_value_text (args[i]);
      int rc;

      if (text == NULL)
        continue;

      rc = tokenizer->parent.xTokenize (tokenizer->parent_instance, &tokenizing,
                                        FTS5_TOKENIZE_DOCUMENT, text, sqlite3_value_bytes (args[i]),
                                        on_word_cb);
      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
    }
}

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (json, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static void
words_final_cb (sqlite3_context *context)
{
  GHashTable **words = sqlite3_aggregate_context (context, 0);
  g_autoptr(GString) json = g_string_new ("[");

  if (words != NULL && *words != NULL)
    {
      GHashTableIter iter;
      const char *word;

      g_hash_table_iter_init (&iter, *words);
      while (g_hash_table_iter_next (&iter, (gpointer *) &word, NULL))
        {
          if (json->len > 1)
            g_string_append_c (json, ',');
          append_json_string (json, word);
        }
      g_clear_pointer (words, g_hash_table_unref);
    }

  g_string_append_c (json, ']');
  sqlite3_result_text64 (context, json->str, json->len, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static void
words_destroy_cb (void *user_data)
{
  tokenizer_delete (user_data);
}

/* The FTS5 API of @db, or %NULL */
static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

gboolean
bk_search_tokenizer_register (sqlite3  *db,
                              GError  **error)
{
  static fts5_tokenizer methods = {
    tokenizer_create,
    tokenizer_delete,
    tokenizer_tokenize,
  };
  Fts5Tokenizer *words_tokenizer = NULL;
  fts5_api *api;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!(api = get_fts5_api (db)))
    {
      g_set_error_literal (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                           _("This build of SQLite has no full-text search (FTS5)."));
      return FALSE;
    }

  rc = api->xCreateTokenizer (api, BK_SEARCH_TOKENIZER, api, &methods, NULL);
  if (rc == SQLITE_OK)
    rc = tokenizer_create (api, NULL, 0, &words_tokenizer);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "bk_search_words", -1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     words_tokenizer, NULL, words_step_cb, words_final_cb,
                                     words_destroy_cb);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                   _("Could not set up the search: %s"), sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

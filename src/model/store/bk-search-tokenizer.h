/* bk-search-tokenizer.h: how the search index reads words
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The FTS5 tokenizer the search index is made with ("tokenize = 'bridgekeeper'"): SQLite's
 * unicode61 (case and Latin diacritics folded), then ё read as е, then each word reduced to its
 * stem by the Snowball stemmer of its script (Cyrillic: Russian, Latin: English), so that
 * "оплата" finds «оплатил» and "invoices" finds "invoice". In a query, a prefix ("опла*") also
 * matches as typed, unstemmed. Every connection that reads or writes the index registers it
 * first.
 *
 * Registering it also gives the connection the SQL function bk_search_words (text, ...): an
 * aggregate, the JSON array of the distinct words of its arguments as the tokenizer reads them
 * before it stems them (case and accents folded, ё as е). */
#define BK_SEARCH_TOKENIZER "bridgekeeper"

gboolean bk_search_tokenizer_register (sqlite3  *db,
                                       GError  **error);

G_END_DECLS

/* test-search.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-counterpart-list.h"
#include "bk-journal.h"
#include "bk-playbook-library.h"
#include "bk-schema.h"
#include "bk-search.h"
#include "bk-test-journal.h"

typedef struct
{
  char              *dir;
  BkJournal         *journal;
  BkCounterpartList *list;

  gint64             ivanov;
  gint64             acme;
  gint64             cafe;
  gint64             maria;
  gint64             invoice_note;
} Fixture;

static gint64
add_counterpart (BkJournal  *journal,
                 const char *name,
                 const char *organization,
                 const char *tags)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();

  bk_counterpart_set_name (counterpart, name);
  bk_counterpart_set_organization (counterpart, organization);
  bk_counterpart_set_tags_from_string (counterpart, tags);
  bk_test_save_counterpart (journal, counterpart);

  return bk_counterpart_get_id (counterpart);
}

static gint64
add_note (BkJournal  *journal,
          gint64      counterpart_id,
          const char *text)
{
  g_autoptr(BkNote) note = bk_test_add_note (journal, counterpart_id, text);

  return bk_note_get_id (note);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = bk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (path);

  fixture->ivanov = add_counterpart (fixture->journal, "Иванов Пётр", "ООО «Ромашка»", "опт");
  fixture->acme = add_counterpart (fixture->journal, "ACME Corp", "", "hosting, vip");
  fixture->cafe = add_counterpart (fixture->journal, "Café Paris", "Le Bistro", "");
  fixture->maria = add_counterpart (fixture->journal, "Maria Ivanova", "Design Studio", "design");

  fixture->invoice_note = add_note (fixture->journal, fixture->acme,
                                    "Sent the <script> & invoice for March; they will pay "
                                    "in April after the board meeting.");
  add_note (fixture->journal, fixture->ivanov, "Встреча в офисе: обсудили новый договор.");
  add_note (fixture->journal, fixture->maria, "Mentioned that Acme was a reference.");

  fixture->list = bk_counterpart_list_new (fixture->journal);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->journal);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Searches and returns the ids found, best first. */
static GArray *
search (Fixture    *fixture,
        const char *text)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  bk_test_list_set_query (fixture->list, text);
  g_assert_cmpstr (bk_counterpart_list_get_query (fixture->list), ==, text);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BkCounterpart) item = g_list_model_get_item (model, i);
      gint64 id = bk_counterpart_get_id (item);

      g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
found (Fixture    *fixture,
       const char *text,
       gint64      id)
{
  g_autoptr(GArray) ids = search (fixture, text);

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

static guint
n_found (Fixture    *fixture,
         const char *text)
{
  g_autoptr(GArray) ids = search (fixture, text);

  return ids->len;
}

static void
assert_valid_markup (const char *markup)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = g_strdup_printf ("<markup>%s</markup>", markup);

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_markup_parse_context_parse (context, document, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_query_from_text (void)
{
  const struct {
    const char *text;
    const char *query;
  } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { " \t\n ", NULL },
    { "ива", "\"ива\"*" },
    { "  mar   ivan ", "\"mar\"* \"ivan\"*" },
    { "a\"b", "\"a\"* \"b\"*" },
    { "\"board meeting\"", "\"board meeting\"" },
    { "pay \"board meet", "\"pay\"* \"board meet\"*" },
    { "\"\" \"  \" x", "\"x\"*" },
    { "\"a \"\"b\"", "\"a \" \"b\"" },
    { "AND OR NOT", "\"AND\"* \"OR\"* \"NOT\"*" },
    { "name:x (y) -z *", "\"name:x\"* \"(y)\"* \"-z\"* \"*\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = bk_search_query_from_text (cases[i].text);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static void
test_russian (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_true (found (fixture, "ИВАН", fixture->ivanov));
  g_assert_true (found (fixture, "иванов", fixture->ivanov));
  g_assert_true (found (fixture, "Ива", fixture->ivanov));
  g_assert_true (found (fixture, "ромашка", fixture->ivanov));
  g_assert_true (found (fixture, "ОПТ", fixture->ivanov));
  g_assert_true (found (fixture, "пётр", fixture->ivanov));
  g_assert_true (found (fixture, "ДОГОВ", fixture->ivanov));
  g_assert_cmpuint (n_found (fixture, "иванов пётр"), ==, 1);
  g_assert_cmpuint (n_found (fixture, "иванов мария"), ==, 0);
  /* Latin "ivan" is another word */
  g_assert_false (found (fixture, "ivan", fixture->ivanov));

  /* ё is е to the search, either way round */
  g_assert_true (found (fixture, "петр", fixture->ivanov));
  g_assert_true (found (fixture, "ПЕТР", fixture->ivanov));
}

/* Words match by their stem, in the language of their script; ё is е, й is not и */
static void
test_stems (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 paid = add_counterpart (fixture->journal, "Сергей Котов", "", "");
  gint64 waiting = add_counterpart (fixture->journal, "Анна Белова", "", "");
  gint64 kettle = add_counterpart (fixture->journal, "Olga", "", "");
  gint64 invoices = add_counterpart (fixture->journal, "Northwind", "", "");

  add_note (fixture->journal, paid, "Клиент оплатил Счёт №118 вчера.");
  add_note (fixture->journal, waiting, "Ждём оплаты до пятницы; напомнила про оплату и счет.");
  add_note (fixture->journal, kettle, "Подарили чайник 🫖 <b>на память</b>.");
  add_note (fixture->journal, invoices, "Sent two invoices, both paid by wire.");

  /* Russian: forms of one word */
  g_assert_true (found (fixture, "оплата", paid));
  g_assert_true (found (fixture, "оплата", waiting));
  g_assert_true (found (fixture, "оплатили", paid));
  g_assert_true (found (fixture, "Оплаты", waiting));

  /* ё and е, both ways, in notes too */
  g_assert_true (found (fixture, "счет", paid));
  g_assert_true (found (fixture, "счёт", waiting));
  g_assert_true (found (fixture, "СЧЁТА", paid));

  /* й is a letter of its own */
  g_assert_true (found (fixture, "чайник", kettle));
  g_assert_false (found (fixture, "чаиник", kettle));

  /* English */
  g_assert_true (found (fixture, "invoice", invoices));
  g_assert_true (found (fixture, "INVOICES", invoices));
  g_assert_true (found (fixture, "invoicing", invoices));
  g_assert_true (found (fixture, "wires", invoices));
  /* "Sent the <script> & invoice for March" */
  g_assert_true (found (fixture, "invoices", fixture->acme));

  /* still a prefix while typed: half a word, and a whole one its stem is shorter than */
  g_assert_true (found (fixture, "опла", paid));
  g_assert_true (found (fixture, "оплатил", paid));
  g_assert_true (found (fixture, "invoi", invoices));

  /* markup and emoji in the text are only characters; they do not hide the words */
  g_assert_true (found (fixture, "память", kettle));
  g_assert_true (found (fixture, "подарил", kettle));
}

/* A journal from before stems: its index is made anew when it is upgraded */
/* The journal's words that begin with @prefix are those given (then %NULL) */
static void
assert_words (BkJournal  *journal,
              const char *prefix,
              ...)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected;
  va_list args;
  guint i = 0;

  words = bk_schema_find_words (bk_journal_get_database (journal), prefix, 100, &error);
  g_assert_no_error (error);

  va_start (args, prefix);
  while ((expected = va_arg (args, const char *)))
    {
      g_assert_cmpuint (i, <, words->len);
      g_assert_cmpstr (g_ptr_array_index (words, i), ==, expected);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (words->len, ==, i);
}

static void
test_upgraded_journal (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(BkJournal) journal = NULL;
  g_autoptr(BkCounterpartList) list = NULL;
  g_autoptr(BkCounterpart) first = NULL;

  bk_test_load_sql_fixture (path, "journal-v4.sql");
  journal = bk_test_open_journal (path);
  list = bk_counterpart_list_new (journal);

  /* Maria Sokolova's step note "Wrote a calm e-mail" */
  bk_test_list_set_query (list, "calmly");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (bk_counterpart_get_name (first), ==, "Maria Sokolova");

  /* the migration listed the words the journal had: "calm" begins one */
  assert_words (journal, "calm", "calm", NULL);

  g_clear_object (&list);
  g_clear_object (&journal);
  bk_test_remove_tree (dir);
}

/* One letter alone finds the names that begin with it, in the list's order: of the words in a
 * journal, a letter begins most. */
static void
test_initial (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BkSearcher) searcher = NULL;
  g_autoptr(BkSearch) by_initial = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 yolkin;

  ids = search (fixture, "c");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->cafe);
  g_clear_pointer (&ids, g_array_unref);

  /* not "ACME Corp", whose second word begins with it, nor the notes with words that do */
  g_assert_false (found (fixture, "C", fixture->acme));
  g_assert_true (found (fixture, "m", fixture->maria));
  g_assert_cmpuint (n_found (fixture, "m"), ==, 1);
  g_assert_cmpuint (n_found (fixture, "s"), ==, 0);
  /* two letters are a prefix of any word again */
  g_assert_true (found (fixture, "co", fixture->acme));

  /* ё is е, as everywhere in the search */
  yolkin = add_counterpart (fixture->journal, "Ёлкин Сергей", "", "");
  g_assert_true (found (fixture, "е", yolkin));
  g_assert_true (found (fixture, "Ё", yolkin));
  g_assert_true (found (fixture, "и", fixture->ivanov));

  /* the letter is marked in the name */
  {
    g_autoptr(BkCounterpart) item = NULL;

    bk_test_list_set_query (fixture->list, "c");
    item = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);
    g_assert_cmpstr (bk_counterpart_get_match_markup (item), ==, "<b>C</b>afé Paris");
  }

  /* a page at a time, by name */
  for (guint i = 30; i > 0; i--)
    {
      g_autofree char *name = g_strdup_printf ("Zed %02u", i);

      add_counterpart (fixture->journal, name, "", "");
    }

  searcher = bk_searcher_new (fixture->journal, NULL);
  by_initial = bk_searcher_search (searcher, "\"z\"*", NULL);
  page = bk_search_next_page (by_initial, 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 20);
  g_assert_cmpstr (bk_counterpart_get_name (g_ptr_array_index (page, 0)), ==, "Zed 01");
  g_assert_cmpstr (bk_counterpart_get_name (g_ptr_array_index (page, 19)), ==, "Zed 20");
  g_assert_false (bk_search_is_done (by_initial));
  g_clear_pointer (&page, g_ptr_array_unref);

  page = bk_search_next_page (by_initial, 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpstr (bk_counterpart_get_name (g_ptr_array_index (page, 9)), ==, "Zed 30");
  g_assert_true (bk_search_is_done (by_initial));
}

/* A word being typed finds the words it may become, however many begin with it */
static void
test_word_forms (Fixture       *fixture,
                 gconstpointer  data)
{
  /* more words begin with "zork" than are looked up one by one */
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *text = g_strdup_printf ("Notes on zork%c%c", 'a' + i / 26, 'a' + i % 26);

      add_note (fixture->journal, fixture->cafe, text);
    }
  add_note (fixture->journal, fixture->maria, "Zorkzz was mentioned.");

  g_assert_cmpuint (n_found (fixture, "zork"), ==, 2);
  g_assert_true (found (fixture, "zorkz", fixture->maria));
  g_assert_cmpuint (n_found (fixture, "zorkzz"), ==, 1);
  g_assert_cmpuint (n_found (fixture, "zorkab"), ==, 1);

  /* a few do: each word is looked up, with the others */
  g_assert_true (found (fixture, "board invoi", fixture->acme));
  g_assert_true (found (fixture, "invoi board", fixture->acme));
  g_assert_cmpuint (n_found (fixture, "invoi bistro"), ==, 0);
  /* the stem of the word as typed, though no word in the journal begins with it */
  add_note (fixture->journal, fixture->ivanov, "Клиент оплатил счёт.");
  g_assert_true (found (fixture, "оплата", fixture->ivanov));
  g_assert_true (found (fixture, "оплати", fixture->ivanov));
}

/* Words leave the journal's list of words with the last text that had them */
static void
test_forgotten_words (Fixture       *fixture,
                      gconstpointer  data)
{
  BkNoteStore *notes = bk_journal_get_notes (fixture->journal);
  g_autoptr(BkNote) note = NULL;
  g_autoptr(BkCounterpart) cafe = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  first = add_note (fixture->journal, fixture->acme, "The xylophone arrived.");
  second = add_note (fixture->journal, fixture->maria, "A xylophone again, and a quokka.");
  assert_words (fixture->journal, "xylo", "xylophone", NULL);

  /* still in another note */
  bk_note_store_set_trashed (notes, first, TRUE, &error);
  g_assert_no_error (error);
  bk_journal_purge_trash (fixture->journal, &error);
  g_assert_no_error (error);
  assert_words (fixture->journal, "xylo", "xylophone", NULL);

  /* edited out */
  note = bk_note_store_dup (notes, second, &error);
  g_assert_no_error (error);
  bk_note_set_text (note, "A marimba, and a quokka.");
  bk_note_store_save (notes, note, &error);
  g_assert_no_error (error);
  assert_words (fixture->journal, "xylo", NULL);
  assert_words (fixture->journal, "marim", "marimba", NULL);

  /* deleted for good */
  assert_words (fixture->journal, "quok", "quokka", NULL);
  bk_note_store_set_trashed (notes, second, TRUE, &error);
  g_assert_no_error (error);
  /* in the trash, a note can still come back */
  assert_words (fixture->journal, "quok", "quokka", NULL);
  bk_journal_purge_trash (fixture->journal, &error);
  g_assert_no_error (error);
  assert_words (fixture->journal, "quok", NULL);

  /* a counterpart's old name */
  cafe = bk_counterpart_store_dup (bk_journal_get_counterparts (fixture->journal), fixture->cafe, &error);
  g_assert_no_error (error);
  bk_counterpart_set_name (cafe, "Boulangerie Dupont");
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), cafe, &error);
  g_assert_no_error (error);
  assert_words (fixture->journal, "pari", NULL);
  assert_words (fixture->journal, "boulan", "boulangerie", NULL);
  assert_words (fixture->journal, "bistr", "bistro", NULL);

  /* and a counterpart deleted for good takes its notes' words */
  assert_words (fixture->journal, "croiss", NULL);
  add_note (fixture->journal, fixture->cafe, "Croissants every morning");
  assert_words (fixture->journal, "croiss", "croissants", NULL);
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), fixture->cafe, TRUE, &error);
  g_assert_no_error (error);
  bk_journal_purge_trash (fixture->journal, &error);
  g_assert_no_error (error);
  assert_words (fixture->journal, "croiss", NULL);
  assert_words (fixture->journal, "boulan", NULL);
}

/* "Quoted words" match as a phrase: those words, in that order */
static void
test_phrase (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_true (found (fixture, "\"board meeting\"", fixture->acme));
  g_assert_true (found (fixture, "\"Board Meetings\"", fixture->acme));
  g_assert_false (found (fixture, "\"meeting board\"", fixture->acme));
  g_assert_true (found (fixture, "board meeting", fixture->acme));
  g_assert_true (found (fixture, "meeting board", fixture->acme));
  /* a phrase still being typed */
  g_assert_true (found (fixture, "\"after the boa", fixture->acme));
  g_assert_true (found (fixture, "\"новый договор\"", fixture->ivanov));
  g_assert_false (found (fixture, "\"договор новый\"", fixture->ivanov));
}

/* The words that matched a stem are marked whole in what the list shows */
static void
test_stem_snippet (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 paid = add_counterpart (fixture->journal, "Сергей Котов", "", "");
  g_autoptr(BkCounterpart) item = NULL;
  g_autoptr(GArray) ids = NULL;
  const char *markup;

  add_note (fixture->journal, paid, "Клиент наконец оплатил Счёт №118.");
  ids = search (fixture, "оплата счет");
  g_assert_cmpuint (ids->len, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);
  markup = bk_counterpart_get_match_markup (item);
  g_test_message ("%s", markup);
  g_assert_nonnull (strstr (markup, "<b>оплатил</b>"));
  g_assert_nonnull (strstr (markup, "<b>Счёт</b>"));
  assert_valid_markup (markup);
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  g_assert_true (found (fixture, "acme", fixture->acme));
  g_assert_true (found (fixture, "ACME CORP", fixture->acme));
  g_assert_true (found (fixture, "Corp", fixture->acme));
  g_assert_true (found (fixture, "VIP", fixture->acme));
  g_assert_true (found (fixture, "mar ivan", fixture->maria));
  g_assert_true (found (fixture, "studio", fixture->maria));
  g_assert_cmpuint (n_found (fixture, "nobody"), ==, 0);

  /* diacritics folded both ways */
  g_assert_true (found (fixture, "cafe", fixture->cafe));
  g_assert_true (found (fixture, "CAFÉ", fixture->cafe));
  g_assert_true (found (fixture, "bistro", fixture->cafe));

  /* the counterpart named so comes before the one whose note mentions it */
  ids = search (fixture, "acme");
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->acme);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, fixture->maria);
}

static void
test_prefix (Fixture       *fixture,
             gconstpointer  data)
{
  /* letter by letter, as typed */
  const char *typed[] = { "i", "in", "inv", "invo", "invoi", "invoice" };

  for (guint i = 1; i < G_N_ELEMENTS (typed); i++)
    g_assert_true (found (fixture, typed[i], fixture->acme));

  g_assert_true (found (fixture, "И", fixture->ivanov));
  g_assert_true (found (fixture, "Ив", fixture->ivanov));
}

static void
test_note_match (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(BkCounterpart) item = NULL;
  const char *markup;

  bk_test_list_set_query (fixture->list, "invo");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  item = g_list_model_get_item (model, 0);
  g_assert_cmpint (bk_counterpart_get_id (item), ==, fixture->acme);
  g_assert_cmpstr (bk_counterpart_get_name (item), ==, "ACME Corp");
  g_assert_cmpint (bk_counterpart_get_match_note_id (item), ==, fixture->invoice_note);

  markup = bk_counterpart_get_match_markup (item);
  g_test_message ("%s", markup);
  g_assert_nonnull (strstr (markup, "<b>invoice</b>"));
  /* the note's own text is escaped, never markup */
  g_assert_nonnull (strstr (markup, "&lt;script&gt; &amp;"));
  assert_valid_markup (markup);
  g_clear_object (&item);

  /* a match in the counterpart's own fields */
  bk_test_list_set_query (fixture->list, "ром");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpint (bk_counterpart_get_match_note_id (item), ==, 0);
  g_assert_nonnull (strstr (bk_counterpart_get_match_markup (item), "<b>Ромашка</b>"));
  assert_valid_markup (bk_counterpart_get_match_markup (item));
  g_clear_object (&item);

  /* browsing again: no match */
  bk_test_list_set_query (fixture->list, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  item = g_list_model_get_item (model, 0);
  g_assert_null (bk_counterpart_get_match_markup (item));
}

static void
test_syntax (Fixture       *fixture,
             gconstpointer  data)
{
  /* A failing query would g_warning(), which is fatal in a test. */
  const char *texts[] = {
    "a\"b", "\"", "\"\"", "AND", "OR", "NOT", "*", "(", ")", "-", "+", "^", ":", "NEAR(",
    "NEAR(a b)", "name:acme", "{name}: acme", "acme AND", "\"acme", "acme*", "ac*me",
    "'", "\\", "%", "_", "—", "🙂", "\x01", "a OR b", "-acme", "col:", "[", "]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GArray) ids = search (fixture, texts[i]);

      for (guint j = 0; j < ids->len; j++)
        {
          g_autoptr(BkCounterpart) item =
            g_list_model_get_item (G_LIST_MODEL (fixture->list), j);

          if (bk_counterpart_get_match_markup (item) != NULL)
            assert_valid_markup (bk_counterpart_get_match_markup (item));
        }
    }

  /* the syntax characters are only ever text */
  g_assert_true (found (fixture, "\"acme", fixture->acme));
  g_assert_true (found (fixture, "acme*", fixture->acme));
  g_assert_true (found (fixture, "(acme)", fixture->acme));
  g_assert_true (found (fixture, "-acme", fixture->acme));
  g_assert_cmpuint (n_found (fixture, "acme OR cafe"), ==, 0);
}

static void
test_trashed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (found (fixture, "acme", fixture->acme));
  g_assert_true (found (fixture, "invoice", fixture->acme));

  /* the list follows the journal by itself */
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), fixture->acme, TRUE, &error);
  g_assert_no_error (error);
  bk_test_list_wait (fixture->list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);
  g_assert_false (found (fixture, "acme", fixture->acme));
  g_assert_true (found (fixture, "acme", fixture->maria));
  g_assert_cmpuint (n_found (fixture, "invoice"), ==, 0);

  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), fixture->acme, FALSE, &error);
  g_assert_no_error (error);

  bk_test_list_wait (fixture->list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 1);

  bk_note_store_set_trashed (bk_journal_get_notes (fixture->journal), fixture->invoice_note, TRUE, &error);
  g_assert_no_error (error);

  bk_test_list_wait (fixture->list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);

  bk_journal_purge_trash (fixture->journal, &error);
  g_assert_no_error (error);

  bk_test_list_wait (fixture->list);
  g_assert_cmpuint (n_found (fixture, "invoice"), ==, 0);
  g_assert_true (found (fixture, "acme", fixture->acme));
}

static void
test_edits (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BkNote) note = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (fixture->list);

  bk_test_list_set_query (fixture->list, "invoice");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  note = bk_note_store_dup (bk_journal_get_notes (fixture->journal), fixture->invoice_note, &error);
  g_assert_no_error (error);
  bk_note_set_text (note, "They paid the bill at last.");
  bk_note_store_save (bk_journal_get_notes (fixture->journal), note, &error);
  g_assert_no_error (error);
  bk_test_list_wait (fixture->list);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (found (fixture, "bill", fixture->acme));

  /* a new note */
  add_note (fixture->journal, fixture->cafe, "Croissants delivered every morning");
  g_assert_true (found (fixture, "croiss", fixture->cafe));

  /* a renamed counterpart */
  counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (fixture->journal), fixture->cafe, &error);
  g_assert_no_error (error);
  bk_counterpart_set_name (counterpart, "Boulangerie Dupont");
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), counterpart, &error);
  g_assert_no_error (error);
  bk_test_list_wait (fixture->list);
  g_assert_false (found (fixture, "paris", fixture->cafe));
  g_assert_true (found (fixture, "dupont", fixture->cafe));

  /* status filter applies to a search as well */
  bk_counterpart_set_status (counterpart, BK_COUNTERPART_STATUS_WINDING_DOWN);
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), counterpart, &error);
  g_assert_no_error (error);
  bk_test_list_wait (fixture->list);
  bk_counterpart_list_set_status_filter (fixture->list, BK_COUNTERPART_STATUS_ACTIVE);
  g_assert_false (found (fixture, "dupont", fixture->cafe));
  bk_counterpart_list_set_status_filter (fixture->list, BK_COUNTERPART_STATUS_WINDING_DOWN);
  g_assert_false (found (fixture, "acme", fixture->acme));
  g_assert_true (found (fixture, "dupont", fixture->cafe));
  g_assert_cmpuint (bk_counterpart_list_find (fixture->list, fixture->cafe), ==, 0);
  g_assert_cmpuint (bk_counterpart_list_find (fixture->list, fixture->acme), ==, G_MAXUINT);
}

static void
assert_found (BkJournal   *journal,
              const char  *who,
              const char **expected_names,
              guint        n_expected)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  found = bk_counterpart_store_find (bk_journal_get_counterparts (journal), who, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (bk_counterpart_get_name (g_ptr_array_index (found, i)), ==, expected_names[i]);
}

/* Whom the command line means: a name in any case with spaces around it, accents as written,
 * or a uuid; never one in the trash. */
static void
test_find (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(BkJournal) journal = bk_test_open_journal (path);
  BkCounterpartStore *store = bk_journal_get_counterparts (journal);
  g_autoptr(BkCounterpart) ivan1 = bk_test_add_counterpart (journal, "Ivan Petrov");
  g_autoptr(BkCounterpart) ivan2 = bk_test_add_counterpart (journal, "ivan PETROV");
  g_autoptr(BkCounterpart) emile = bk_test_add_counterpart (journal, "Émile Zola");
  g_autoptr(BkCounterpart) plain = bk_test_add_counterpart (journal, "Emile Zola");
  g_autoptr(BkCounterpart) maria = bk_test_add_counterpart (journal, "Мария Соколова");
  g_autoptr(BkCounterpart) gone = bk_test_add_counterpart (journal, "Gone Away");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *ivans[] = { "Ivan Petrov", "ivan PETROV" };
  const char *emiles[] = { "Émile Zola" };
  const char *plains[] = { "Emile Zola" };
  const char *marias[] = { "Мария Соколова" };

  g_assert_true (bk_counterpart_store_set_trashed (store, bk_counterpart_get_id (gone), TRUE, &error));
  g_assert_no_error (error);

  /* Both, in the order of the list */
  assert_found (journal, "  IVAN petrov\t", ivans, 2);
  /* Accents count: the two Zolas are two people */
  assert_found (journal, "émile zola", emiles, 1);
  assert_found (journal, "EMILE ZOLA", plains, 1);
  /* Case-folded beyond ASCII */
  assert_found (journal, "МАРИЯ СОКОЛОВА", marias, 1);
  /* A part of a name is not the name */
  assert_found (journal, "Ivan", NULL, 0);
  assert_found (journal, "Gone Away", NULL, 0);

  /* A uuid means that one, with spaces around it too */
  {
    g_autofree char *padded = g_strdup_printf (" %s ", bk_counterpart_get_uuid (ivan2));
    const char *second[] = { "ivan PETROV" };

    assert_found (journal, padded, second, 1);
  }
  assert_found (journal, bk_counterpart_get_uuid (gone), NULL, 0);
  found = bk_counterpart_store_find (store, "00000000-0000-4000-8000-000000000000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  /* Not UTF-8: refused, not searched */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bk_counterpart_store_find (store, "\xff\xfe", &error);
  g_assert_null (found);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);

  g_clear_object (&journal);
  bk_test_remove_tree (dir);
}

/* A progress note that matched reads as the timeline shows it, the person's matching words in
 * bold */
static void
test_event_match (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BkPlaybookLibrary) playbooks = bk_test_load_shipped_playbooks ();
  BkPlaybook *playbook = bk_playbook_library_lookup (playbooks, "part-ways");
  BkRunStore *runs = bk_journal_get_runs (fixture->journal);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 30, 10, 0, 0);
  g_autoptr(BkCounterpart) item = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GError) error = NULL;
  const char *markup;

  run = bk_run_store_start (runs, fixture->cafe, playbook, 0, now, &error);
  g_assert_no_error (error);
  g_assert_true (bk_run_store_set_step_state (runs, run, playbook, "acknowledge",
                                              BK_STEP_STATE_DONE, "Wrote a calm e-mail <3", now,
                                              &error));
  g_assert_no_error (error);

  g_object_set (fixture->list, "playbooks", playbooks, NULL);
  bk_test_list_set_query (fixture->list, "calm");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);
  g_assert_cmpint (bk_counterpart_get_id (item), ==, fixture->cafe);
  markup = bk_counterpart_get_match_markup (item);
  g_test_message ("%s", markup);
  g_assert_cmpstr (markup, ==, "“Acknowledge the problems”: done — Wrote a <b>calm</b> e-mail &lt;3");
  assert_valid_markup (markup);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/query-from-text", test_query_from_text);
  g_test_add_func ("/search/find-by-name-or-uuid", test_find);
  g_test_add_func ("/search/upgraded-journal", test_upgraded_journal);
  g_test_add ("/search/russian", Fixture, NULL, fixture_set_up, test_russian, fixture_tear_down);
  g_test_add ("/search/english", Fixture, NULL, fixture_set_up, test_english, fixture_tear_down);
  g_test_add ("/search/prefix", Fixture, NULL, fixture_set_up, test_prefix, fixture_tear_down);
  g_test_add ("/search/stems", Fixture, NULL, fixture_set_up, test_stems, fixture_tear_down);
  g_test_add ("/search/phrase", Fixture, NULL, fixture_set_up, test_phrase, fixture_tear_down);
  g_test_add ("/search/stem-snippet", Fixture, NULL, fixture_set_up, test_stem_snippet,
              fixture_tear_down);
  g_test_add ("/search/note-match", Fixture, NULL,
              fixture_set_up, test_note_match, fixture_tear_down);
  g_test_add ("/search/syntax", Fixture, NULL, fixture_set_up, test_syntax, fixture_tear_down);
  g_test_add ("/search/event-match", Fixture, NULL, fixture_set_up, test_event_match,
              fixture_tear_down);
  g_test_add ("/search/trashed", Fixture, NULL, fixture_set_up, test_trashed, fixture_tear_down);
  g_test_add ("/search/edits", Fixture, NULL, fixture_set_up, test_edits, fixture_tear_down);
  g_test_add ("/search/initial", Fixture, NULL, fixture_set_up, test_initial, fixture_tear_down);
  g_test_add ("/search/word-forms", Fixture, NULL, fixture_set_up, test_word_forms,
              fixture_tear_down);
  g_test_add ("/search/forgotten-words", Fixture, NULL, fixture_set_up, test_forgotten_words,
              fixture_tear_down);

  return g_test_run ();
}

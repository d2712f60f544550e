/* test-summary.c: the relationship summary, checked in the PDFs it writes (poppler-utils)
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-journal.h"
#include "bk-playbook-library.h"
#include "bk-summary.h"
#include "bk-summary-private.h"
#include "bk-test-journal.h"

typedef struct
{
  char              *dir;
  BkJournal         *journal;
  BkPlaybookLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = bk_test_make_tmp_dir ();

  /* the journal where the app keeps it, for the command line tests */
  path = g_build_filename (fixture->dir, "data", DATA_FOLDER, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (path);

  fixture->library = bk_test_load_shipped_playbooks ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->library);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Building journals */

static GDateTime *
date (int year,
      int month,
      int day,
      int hour)
{
  return g_date_time_new_utc (year, month, day, hour, 0, 0);
}

static BkCounterpart *
add_counterpart (Fixture    *fixture,
                 const char *name,
                 const char *organization)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(GDateTime) created = date (2025, 1, 10, 9);

  bk_counterpart_set_name (counterpart, name);
  bk_counterpart_set_organization (counterpart, organization);
  bk_counterpart_set_created (counterpart, created);
  bk_test_save_counterpart (fixture->journal, counterpart);

  return g_steal_pointer (&counterpart);
}

static void
add_note (Fixture    *fixture,
          gint64      counterpart_id,
          GDateTime  *created,
          BkNoteKind  kind,
          const char *text,
          gboolean    is_private)
{
  g_autoptr(BkNote) note = bk_note_new ();

  bk_note_set_counterpart_id (note, counterpart_id);
  bk_note_set_created (note, created);
  bk_note_set_kind (note, kind);
  bk_note_set_text (note, text);
  bk_note_set_private (note, is_private);
  bk_test_save_note (fixture->journal, note);
}

static void
add_health (Fixture    *fixture,
            gint64      counterpart_id,
            GDateTime  *changed,
            int         health)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = bk_database_prepare (bk_journal_get_database (fixture->journal),
                                            "INSERT INTO health_history (counterpart_id, changed, health)"
                                            " VALUES (?1, ?2, ?3)",
                                            &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (changed));
  sqlite3_bind_int (stmt, 3, health);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static const char *const english_notes[] = {
  "Kick-off call. Maria wants the new brand ready for the spring fair; budget agreed at 12,000 EUR "
  "in three instalments.",
  "Sent the first moodboards. She liked the second direction, with the deep blue and the serif "
  "headings, and asked for a warmer accent colour.",
  "Invoice 2025-014 sent for the first instalment.",
  "Meeting at their office.\nAgreed: logo by March 15, stationery by April 1, website mock-ups by "
  "April 20.\nOpen question: who writes the copy for the website?",
  "Payment for invoice 2025-014 arrived eleven days late. Mentioned it politely; she apologised.",
  "Feedback round three. The brief has changed again: now they want a playful mascot as well. "
  "This is outside the agreed scope; wrote a short change request with a price.",
  "Literal text check: <b>not bold</b> & <i>not italic</i> &amp; 5 < 6 > 4.",
  "Second invoice is now 30 days overdue. Sent a reminder with the invoice attached again.",
};

static const char *const russian_notes[] = {
  "Созвон с Марией: обсудили сроки и бюджет. Она просит ускорить макеты сайта к выставке.",
  "Встреча в офисе. Договорились о передаче исходников и доступов до конца месяца; счёт за "
  "третий этап оплатят после приёмки.",
  "Письмо от бухгалтерии «Северного ветра»: оплата задерживается из-за смены банка.",
};

/* A relationship as it looks after a year: notes in two languages, a private note, open items,
 * a playbook tried and another under way, check-ins, health going down and up again. */
static gint64
add_realistic_client (Fixture  *fixture,
                      gboolean  long_timeline)
{
  g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, "Maria Sokolova",
                                                          "Northwind Design Studio");
  gint64 id = bk_counterpart_get_id (counterpart);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkRun) talk = NULL;
  g_autoptr(BkRun) part = NULL;
  BkPlaybook *talk_playbook = bk_playbook_library_lookup (fixture->library, "talk-it-through");
  BkPlaybook *part_playbook = bk_playbook_library_lookup (fixture->library, "part-ways");
  const char * const tags[] = { "design", "retainer", "referral from Anna", NULL };
  const guint checkin_days[] = { 30, 90 };
  guint n_rounds = long_timeline ? 6 : 1;

  g_assert_nonnull (talk_playbook);
  g_assert_nonnull (part_playbook);

  bk_counterpart_set_email (counterpart, "maria@northwind.example");
  bk_counterpart_set_phone (counterpart, "+49 30 1234 5678");
  bk_counterpart_set_tags (counterpart, tags);
  bk_counterpart_set_status (counterpart, BK_COUNTERPART_STATUS_WINDING_DOWN);
  bk_counterpart_set_health (counterpart, 2);
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), counterpart, &error);
  g_assert_no_error (error);

  /* health over the year, as the triggers would have kept it */
  {
    const int healths[] = { 4, 5, 4, 3, 2, 3, 2 };

    for (guint i = 0; i < G_N_ELEMENTS (healths); i++)
      {
        g_autoptr(GDateTime) changed = date (2025, 2 + i, 3 + i * 2, 10);

        add_health (fixture, id, changed, healths[i]);
      }
  }

  for (guint round = 0; round < n_rounds; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (english_notes); i++)
        {
          g_autoptr(GDateTime) created = date (2025, 1 + i, 12 + round * 2, 9 + round);

          add_note (fixture, id, created, (BkNoteKind) (i % BK_NOTE_N_USER_KINDS), english_notes[i], FALSE);
        }
      for (guint i = 0; i < G_N_ELEMENTS (russian_notes); i++)
        {
          g_autoptr(GDateTime) created = date (2025, 3 + i * 2, 20 + round, 14);

          add_note (fixture, id, created, BK_NOTE_KIND_MEETING, russian_notes[i], FALSE);
        }
    }

  /* a long note, over a page break somewhere */
  {
    g_autoptr(GDateTime) created = date (2025, 8, 14, 16);
    g_autoptr(GString) text = g_string_new ("Notes from the long review meeting.\n");

    for (guint i = 1; i <= 24; i++)
      g_string_append_printf (text, "%u. Point %u of the review: the deliverables, the timing and "
                              "what each of us expects next, written down so that nobody has to "
                              "remember it.\n", i, i);
    g_string_append (text, "End of the review notes.");
    add_note (fixture, id, created, BK_NOTE_KIND_MEETING, text->str, FALSE);
  }

  {
    g_autoptr(GDateTime) created = date (2025, 9, 1, 18);

    add_note (fixture, id, created, BK_NOTE_KIND_REFLECTION,
              "PRIVATEMARK I am exhausted by this client and want out.", TRUE);
  }

  /* open items */
  {
    struct { BkOpenItemKind kind; const char *text; gint64 amount; gboolean settled; } items[] = {
      { BK_OPEN_ITEM_KIND_INVOICE, "Invoice 2025-031, third instalment", 400000, FALSE },
      { BK_OPEN_ITEM_KIND_DELIVERABLE, "Source files of the logo and the stationery", 0, TRUE },
      { BK_OPEN_ITEM_KIND_ACCESS, "Admin access to the website's hosting", 0, FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        g_autoptr(BkOpenItem) item = bk_open_item_new ();
        g_autoptr(GDateTime) created = date (2025, 10, 2 + i, 10);

        bk_open_item_set_counterpart_id (item, id);
        bk_open_item_set_kind (item, items[i].kind);
        bk_open_item_set_description (item, items[i].text);
        bk_open_item_set_amount (item, items[i].amount);
        bk_open_item_set_currency (item, items[i].amount > 0 ? "EUR" : "");
        bk_open_item_set_created (item, created);
        bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), item, &error);
        g_assert_no_error (error);

        if (items[i].settled)
          {
            g_autoptr(GDateTime) settled = date (2025, 11, 14, 10);

            bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal), bk_open_item_get_id (item), TRUE,
                                       settled, &error);
            g_assert_no_error (error);
          }
      }
  }

  /* access: one still in use, one handed over */
  {
    const char *labels[] = { "Website hosting (admin)", "Brand assets folder" };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autoptr(BkCredential) credential = bk_credential_new ();
        g_autoptr(GDateTime) handed = date (2025, 11, 20, 10);

        bk_credential_set_counterpart_id (credential, id);
        bk_credential_set_label (credential, labels[i]);
        bk_credential_set_username (credential, "USERNAMEMARK");
        bk_credential_set_url (credential, "https://URLMARK.example");
        bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error);
        g_assert_no_error (error);
        if (i == 1)
          {
            bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (credential),
                                           BK_CREDENTIAL_STATE_HANDED_OVER, handed, &error);
            g_assert_no_error (error);
          }
      }
  }

  /* a talk that helped for a while */
  {
    g_autoptr(GDateTime) started = date (2025, 6, 2, 10);
    g_autoptr(GDateTime) later = date (2025, 6, 9, 10);
    g_autoptr(GDateTime) ended = date (2025, 7, 1, 10);
    const char * const *steps = bk_playbook_get_step_ids (talk_playbook);

    talk = bk_run_store_start (bk_journal_get_runs (fixture->journal), id, talk_playbook,
                               1u << BK_REASON_NON_PAYMENT, started, &error);
    g_assert_no_error (error);
    for (guint i = 0; steps[i] != NULL; i++)
      {
        bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), talk, talk_playbook, steps[i],
                                     i == 1 ? BK_STEP_STATE_SKIPPED : BK_STEP_STATE_DONE,
                                     i == 0 ? "Talked for an hour; she was relieved that I raised it." : NULL,
                                     later, &error);
        g_assert_no_error (error);
      }
    bk_run_store_end (bk_journal_get_runs (fixture->journal), talk, talk_playbook,
                      &(BkRunEnding) {
                        .outcome = BK_OUTCOME_CONTINUED,
                        .successor = "",
                        .checkin_days = checkin_days,
                        .n_checkin_days = G_N_ELEMENTS (checkin_days),
                      },
                      ended, &error);
    g_assert_no_error (error);
  }

  /* parting ways, under way */
  {
    g_autoptr(GDateTime) started = date (2026, 1, 12, 10);
    g_autoptr(GDateTime) later = date (2026, 1, 20, 10);
    const char * const *steps = bk_playbook_get_step_ids (part_playbook);

    part = bk_run_store_start (bk_journal_get_runs (fixture->journal), id, part_playbook,
                               (1u << BK_REASON_NON_PAYMENT) | (1u << BK_REASON_CAPACITY),
                               started, &error);
    g_assert_no_error (error);
    bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), part, part_playbook, steps[0], BK_STEP_STATE_DONE,
                                 "Wrote to her: the work has outgrown what I can give it; "
                                 "offered to hand over to Anna's studio.", later, &error);
    g_assert_no_error (error);
  }

  return id;
}

/* Running poppler-utils */

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    g_test_skip ("poppler-utils are not installed");

  return pdftotext != NULL;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return bk_test_run_tool (argv);
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };

  return bk_test_run_tool (argv);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* A field of pdfinfo's, "Title" */
static char *
info_field (const char *info,
            const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));

  return NULL;
}

static guint
pdf_pages (const char *info)
{
  g_autofree char *pages = info_field (info, "Pages");

  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static void
assert_info (const char *info,
             const char *field,
             const char *expected)
{
  g_autofree char *value = info_field (info, field);

  g_assert_cmpstr (value, ==, expected);
}

static char *
write_summary (Fixture                *fixture,
               gint64                  id,
               const BkSummaryOptions *options,
               const char             *name)
{
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  summary = bk_summary_new (fixture->journal, id, options, fixture->library, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  bk_summary_write_pdf (summary, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

/* Nothing but the files we expect in the folder: no temporary file left */
static void
assert_folder_holds (const char *folder,
                     guint       n_files)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  g_assert_cmpuint (n, ==, n_files);
}

/* The tests */

static void
test_page_size (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_PAPER, NULL));
  double width = 0;
  double height = 0;

  if (setlocale (LC_PAPER, "en_US.UTF-8") != NULL)
    {
      bk_summary_get_default_page_size (&width, &height);
      g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
    }
  else
    g_test_message ("no en_US.UTF-8 locale: Letter not checked");

  if (setlocale (LC_PAPER, "ru_RU.UTF-8") != NULL)
    {
      bk_summary_get_default_page_size (&width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
    }
  else
    g_test_message ("no ru_RU.UTF-8 locale: A4 not checked");

  setlocale (LC_PAPER, "C");
  bk_summary_get_default_page_size (&width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);

  setlocale (LC_PAPER, saved);
}

static void
test_file_name (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, "../Ivan/Petrov", "");
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  summary = bk_summary_new (fixture->journal, bk_counterpart_get_id (counterpart), NULL, NULL, &error);
  g_assert_no_error (error);
  name = bk_summary_dup_file_name (summary);
  g_assert_cmpstr (name, ==, "-Ivan-Petrov – relationship summary.pdf");
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = bk_summary_new (fixture->journal, 4242, NULL, NULL, &error);
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (summary);
}

static void
test_document (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *outline = NULL;
  g_autofree char *footer = NULL;
  g_auto(GStrv) lines = NULL;
  const char *keep = g_getenv ("BK_SUMMARY_KEEP");
  BkSummaryOptions options;
  guint n_pages;
  guint n_fonts = 0;

  if (!have_poppler ())
    return;

  id = add_realistic_client (fixture, keep != NULL);
  bk_summary_options_init (&options);
  path = write_summary (fixture, id, &options, "summary.pdf");

  /* To look at, in any language: BK_SUMMARY_KEEP=folder keeps it there, with a longer
   * timeline, and checks nothing */
  if (keep != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;
      g_autofree char *copy = g_build_filename (keep, "summary.pdf", NULL);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
      return;
    }

  info = pdf_info (path);
  assert_info (info, "Title", "Relationship summary: Maria Sokolova");
  assert_info (info, "Subject", "The relationship with Maria Sokolova (Northwind Design Studio)");
  assert_info (info, "Creator", PACKAGE_NAME " " PACKAGE_VERSION);
  /* the person's real name, the login only for an account that has none */
  {
    const char *author = g_get_real_name ();

    if (author[0] == '\0' || g_str_equal (author, "Unknown"))
      author = g_get_user_name ();
    assert_info (info, "Author", author);
  }
  g_assert_nonnull (strstr (info, "\nCreationDate:"));
  n_pages = pdf_pages (info);
  g_assert_cmpuint (n_pages, >, 1);

  text = pdf_text (path);
  /* the details, the sections */
  g_assert_nonnull (strstr (text, "Maria Sokolova"));
  g_assert_nonnull (strstr (text, "maria@northwind.example"));
  g_assert_nonnull (strstr (text, "Health over time"));
  g_assert_nonnull (strstr (text, "Open items"));
  /* grouped or not, as the locale says */
  g_assert_true (strstr (text, "4,000.00 EUR") != NULL || strstr (text, "4000.00 EUR") != NULL);
  g_assert_nonnull (strstr (text, "Talk It Through"));
  g_assert_nonnull (strstr (text, "offered to hand over to Anna"));
  g_assert_nonnull (strstr (text, "Check-ins"));
  /* access by label and state, nothing more */
  g_assert_nonnull (strstr (text, "Website hosting (admin)"));
  g_assert_nonnull (strstr (text, "In use"));
  g_assert_nonnull (strstr (text, "Handed over, November 20, 2025"));
  g_assert_null (strstr (text, "USERNAMEMARK"));
  g_assert_null (strstr (text, "URLMARK"));
  g_assert_nonnull (strstr (text, "Timeline"));
  /* Cyrillic as text, markup as it was written */
  g_assert_nonnull (strstr (text, "Созвон с Марией"));
  g_assert_nonnull (strstr (text, "24. Point 24 of the review"));
  g_assert_nonnull (strstr (text, "End of the review notes."));
  g_assert_nonnull (strstr (text, "<b>not bold</b> & <i>not italic</i> &amp; 5 < 6 > 4."));
  /* nothing private unless asked */
  g_assert_null (strstr (text, "PRIVATEMARK"));
  /* a footer on every page */
  footer = g_strdup_printf ("Page 1 of %u", n_pages);
  g_assert_nonnull (strstr (text, footer));
  g_clear_pointer (&footer, g_free);
  footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, footer));
  g_assert_cmpuint (count_occurrences (text, "Page "), ==, n_pages);

  /* every font embedded */
  {
    const char *argv[] = { "pdffonts", path, NULL };

    fonts = bk_test_run_tool (argv);
  }
  lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n_fields;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      {
        /* collapse runs of spaces */
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        for (guint j = 0; fields[j] != NULL; j++)
          if (fields[j][0] != '\0')
            g_ptr_array_add (words, fields[j]);
        n_fields = words->len;
        g_assert_cmpuint (n_fields, >=, 6);
        /* name type... encoding emb sub uni object-id generation */
        g_assert_cmpstr (g_ptr_array_index (words, n_fields - 5), ==, "yes");
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  /* bookmarks for the sections, and the runs under theirs */
  {
    const char *argv[] = { "pdftohtml", "-xml", "-i", "-stdout", "-q", path, NULL };

    outline = bk_test_run_tool (argv);
  }
  g_assert_nonnull (strstr (outline, "<outline>"));
  g_assert_nonnull (strstr (outline, ">Details</item>"));
  g_assert_nonnull (strstr (outline, ">Health over time</item>"));
  g_assert_nonnull (strstr (outline, ">Open items</item>"));
  g_assert_nonnull (strstr (outline, ">Access</item>"));
  g_assert_nonnull (strstr (outline, ">Playbooks</item>"));
  g_assert_nonnull (strstr (outline, ">Talk It Through</item>"));
  g_assert_nonnull (strstr (outline, ">Check-ins</item>"));
  g_assert_nonnull (strstr (outline, ">Timeline</item>"));
}

/* The chart colours health by meaning: poor red, strained amber, fair grey, good green */
static void
test_health_colours (void)
{
  const BkSummaryColour *poor = bk_summary_health_colour (1);
  const BkSummaryColour *strained = bk_summary_health_colour (2);
  const BkSummaryColour *fair = bk_summary_health_colour (3);

  g_assert_cmpfloat (poor->r, >, poor->g + 0.3);
  g_assert_cmpfloat (poor->r, >, poor->b + 0.3);
  g_assert_cmpfloat (strained->r, >, strained->b + 0.3);
  g_assert_cmpfloat (strained->g, >, strained->b + 0.2);
  g_assert_cmpfloat (strained->r, >, strained->g);
  g_assert_cmpfloat (ABS (fair->r - fair->g), <, 0.05);
  g_assert_cmpfloat (ABS (fair->g - fair->b), <, 0.05);
  for (int health = 4; health <= 5; health++)
    {
      const BkSummaryColour *good = bk_summary_health_colour (health);

      g_assert_cmpfloat (good->g, >, good->r + 0.2);
      g_assert_cmpfloat (good->g, >, good->b + 0.1);
    }
}

/* The steps of an ended playbook say what happened; only a playbook under way has steps "not
 * done yet" */
static void
test_ended_run_steps (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Ended Client", NULL);
  BkPlaybook *playbook = bk_playbook_library_lookup (fixture->library, "part-ways");
  g_autoptr(GDateTime) started = date (2026, 2, 2, 10);
  g_autoptr(GDateTime) ended = date (2026, 2, 20, 10);
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  BkSummaryOptions options;

  if (!have_poppler ())
    return;

  run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (client), playbook,
                            1u << BK_REASON_CAPACITY, started, &error);
  g_assert_no_error (error);
  bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), run, playbook,
                               bk_playbook_get_step_id (playbook, 0), BK_STEP_STATE_DONE, NULL, started, &error);
  g_assert_no_error (error);
  bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), run, playbook,
                               bk_playbook_get_step_id (playbook, 1), BK_STEP_STATE_SKIPPED, NULL, started, &error);
  g_assert_no_error (error);
  bk_run_store_end (bk_journal_get_runs (fixture->journal), run, playbook,
                    &(BkRunEnding) { .outcome = BK_OUTCOME_PARTED }, ended, &error);
  g_assert_no_error (error);

  bk_summary_options_init (&options);
  path = write_summary (fixture, bk_counterpart_get_id (client), &options, "ended.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Done on February 2, 2026"));
  g_assert_nonnull (strstr (text, "Skipped on February 2, 2026"));
  g_assert_cmpuint (count_occurrences (text, "Not done"), ==, bk_playbook_get_n_steps (playbook) - 2);
  g_assert_null (strstr (text, "Not done yet"));
}

/* Bookmarks need numbers that cairo reads the same with a decimal comma */
static void
test_numeric_locale (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *path = NULL;
  g_autofree char *outline = NULL;
  BkSummaryOptions options;
  gint64 id;

  if (!have_poppler ())
    return;

  if (setlocale (LC_NUMERIC, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("no ru_RU.UTF-8 locale");
      return;
    }

  id = add_realistic_client (fixture, FALSE);
  bk_summary_options_init (&options);
  path = write_summary (fixture, id, &options, "comma.pdf");
  setlocale (LC_NUMERIC, saved);

  {
    const char *argv[] = { "pdftohtml", "-xml", "-i", "-stdout", "-q", path, NULL };

    outline = bk_test_run_tool (argv);
  }
  g_assert_nonnull (strstr (outline, ">Timeline</item>"));
}

static void
test_private (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, "Ivan Petrov", "");
  gint64 id = bk_counterpart_get_id (counterpart);
  g_autoptr(GDateTime) created = date (2025, 5, 5, 10);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  BkSummaryOptions options;

  if (!have_poppler ())
    return;

  add_note (fixture, id, created, BK_NOTE_KIND_NOTE, "PUBLICMARK all fine", FALSE);
  add_note (fixture, id, created, BK_NOTE_KIND_REFLECTION, "PRIVATEMARK not fine at all", TRUE);

  bk_summary_options_init (&options);
  path = write_summary (fixture, id, &options, "without.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "PUBLICMARK"));
  g_assert_null (strstr (text, "PRIVATEMARK"));
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  options.include_private = TRUE;
  path = write_summary (fixture, id, &options, "with.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "PUBLICMARK"));
  g_assert_nonnull (strstr (text, "PRIVATEMARK"));
  g_assert_nonnull (strstr (text, "Private notes are included."));
}

static void
test_range (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, "Ivan Petrov", "");
  gint64 id = bk_counterpart_get_id (counterpart);
  g_autoptr(GDateTime) from = date (2025, 3, 1, 0);
  g_autoptr(GDateTime) to = date (2025, 3, 31, 23);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  BkSummaryOptions options;

  if (!have_poppler ())
    return;

  for (int month = 1; month <= 6; month++)
    {
      g_autoptr(GDateTime) created = date (2025, month, 15, 12);
      g_autofree char *note = g_strdup_printf ("MONTHMARK%d", month);

      add_note (fixture, id, created, BK_NOTE_KIND_NOTE, note, FALSE);
    }

  bk_summary_options_init (&options);
  options.from = from;
  options.to = to;
  path = write_summary (fixture, id, &options, "march.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "MONTHMARK3"));
  g_assert_null (strstr (text, "MONTHMARK2"));
  g_assert_null (strstr (text, "MONTHMARK4"));
  g_assert_nonnull (strstr (text, "Notes from March 1, 2025 to March 31, 2025"));
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  bk_summary_options_init (&options);
  options.include_timeline = FALSE;
  path = write_summary (fixture, id, &options, "no-timeline.pdf");
  text = pdf_text (path);
  g_assert_null (strstr (text, "MONTHMARK"));
  g_assert_null (strstr (text, "Timeline"));
  g_assert_nonnull (strstr (text, "Ivan Petrov"));
}

/* 2,000 notes, some of them pages long: each line of each note is in the PDF once */
static void
test_every_note (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, "Long Client", "");
  gint64 id = bk_counterpart_get_id (counterpart);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  BkSummaryOptions options;
  guint n_markers = 0;

  if (!have_poppler ())
    return;

  bk_database_begin (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (1700000000 + (gint64) i * 3600);
      g_autoptr(GString) note = g_string_new (NULL);

      if (i % 97 == 5)
        {
          /* long notes, many lines each: they straddle pages */
          for (guint line = 0; line < 90; line++)
            g_string_append_printf (note, "n%04dl%02dz some words after the marker.\n", i, line);
          n_markers += 90;
        }
      else
        {
          g_string_append_printf (note, "n%04dz", i);
          for (guint w = 0; w < i % 40; w++)
            g_string_append (note, " lorem ipsum");
          n_markers++;
        }

      add_note (fixture, id, created, BK_NOTE_KIND_NOTE, note->str, FALSE);
    }
  bk_database_commit (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);

  bk_summary_options_init (&options);
  path = write_summary (fixture, id, &options, "long.pdf");
  info = pdf_info (path);
  g_assert_cmpuint (pdf_pages (info), >, 100);

  text = pdf_text (path);
  for (guint i = 0; i < 2000; i++)
    {
      if (i % 97 == 5)
        for (guint line = 0; line < 90; line++)
          {
            g_autofree char *marker = g_strdup_printf ("n%04dl%02dz", i, line);

            if (count_occurrences (text, marker) != 1)
              g_error ("%s is in the PDF %u times", marker, count_occurrences (text, marker));
          }
      else
        {
          g_autofree char *marker = g_strdup_printf ("n%04dz", i);

          if (count_occurrences (text, marker) != 1)
            g_error ("%s is in the PDF %u times", marker, count_occurrences (text, marker));
        }
    }

  /* nothing else that looks like a marker */
  {
    g_autoptr(GRegex) regex = g_regex_new ("n[0-9]{4}(l[0-9]{2})?z", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint n = 0;

    g_regex_match (regex, text, 0, &match);
    while (g_match_info_matches (match))
      {
        n++;
        g_match_info_next (match, NULL);
      }
    g_assert_cmpuint (n, ==, n_markers);
  }
}

/* A 1 MB note goes on over pages, line by line */
static void
test_huge_note (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, "Huge Note", "");
  gint64 id = bk_counterpart_get_id (counterpart);
  g_autoptr(GDateTime) created = date (2025, 5, 5, 10);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  BkSummaryOptions options;
  guint n_lines = 0;

  if (!have_poppler ())
    return;

  while (note->len < 1024 * 1024)
    g_string_append_printf (note, "h%05dz and then some text that fills the line to wrap it "
                            "twice over on a page of A4 or Letter, more or less.\n", n_lines++);
  add_note (fixture, id, created, BK_NOTE_KIND_NOTE, note->str, FALSE);

  bk_summary_options_init (&options);
  path = write_summary (fixture, id, &options, "huge.pdf");
  text = pdf_text (path);

  for (guint i = 0; i < n_lines; i += 997)
    {
      g_autofree char *marker = g_strdup_printf ("h%05dz", i);

      g_assert_cmpuint (count_occurrences (text, marker), ==, 1);
    }
  {
    g_autofree char *last = g_strdup_printf ("h%05dz", n_lines - 1);

    g_assert_cmpuint (count_occurrences (text, last), ==, 1);
  }
  g_assert_cmpuint (count_occurrences (text, "more or less."), ==, n_lines);
}

static void
test_write_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, "Ivan Petrov", "");
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "summary.pdf", NULL);
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *taken = g_build_filename (out_dir, "taken.pdf", NULL);
  g_autofree char *inside = g_build_filename (taken, "x", NULL);
  g_autoptr(GFile) file = NULL;

  summary = bk_summary_new (fixture->journal, bk_counterpart_get_id (counterpart), NULL, NULL, &error);
  g_assert_no_error (error);

  /* a folder that is not there */
  file = g_file_new_for_path (missing);
  g_assert_false (bk_summary_write_pdf (summary, file, NULL, NULL, NULL, &error));
  g_assert_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);
  g_clear_object (&file);

  /* a target that cannot be replaced (a folder with something in it): the temporary file that
   * was written goes */
  g_assert_cmpint (g_mkdir_with_parents (taken, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  file = g_file_new_for_path (taken);
  g_assert_false (bk_summary_write_pdf (summary, file, NULL, NULL, NULL, &error));
  g_assert_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out"));
  g_clear_error (&error);
  g_clear_object (&file);
  assert_folder_holds (out_dir, 1);

  /* a folder one may not write in (root may write anywhere) */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
      g_autofree char *target = g_build_filename (locked, "summary.pdf", NULL);

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      file = g_file_new_for_path (target);
      g_assert_false (bk_summary_write_pdf (summary, file, NULL, NULL, NULL, &error));
      g_assert_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "locked"));
      g_clear_error (&error);
      g_clear_object (&file);
      assert_folder_holds (locked, 0);
      g_chmod (locked, 0700);
    }
  else
    g_test_message ("running as root: a folder without write permission is not checked");
}

typedef struct
{
  GCancellable *cancellable;
  GArray       *fractions;
  double        cancel_at;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancellable != NULL && fraction >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static gint64
add_many_notes (Fixture *fixture,
                guint    n_notes)
{
  g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, "Many Notes", "");
  gint64 id = bk_counterpart_get_id (counterpart);
  g_autoptr(GError) error = NULL;

  bk_database_begin (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (1700000000 + (gint64) i * 3600);

      add_note (fixture, id, created, BK_NOTE_KIND_CALL,
                "A call about the project, with enough words to take two lines of the page, or "
                "perhaps three of them when the page is narrow.", FALSE);
    }
  bk_database_commit (bk_journal_get_database (fixture->journal), &error);
  g_assert_no_error (error);

  return id;
}

static void
test_progress_and_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 id = add_many_notes (fixture, 200);
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { NULL, g_array_new (FALSE, FALSE, sizeof (double)), 0 };

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  summary = bk_summary_new (fixture->journal, id, NULL, NULL, &error);
  g_assert_no_error (error);

  /* fractions from 0 to 1, never going back */
  g_assert_true (bk_summary_write_pdf (summary, file, progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.fractions->len, >, 3);
  g_assert_cmpfloat (g_array_index (progress.fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < progress.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (progress.fractions, double, i), >=,
                       g_array_index (progress.fractions, double, i - 1));
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* stopped half way: no file, no temporary file */
  g_array_set_size (progress.fractions, 0);
  progress.cancellable = cancellable;
  progress.cancel_at = 0.5;
  g_assert_false (bk_summary_write_pdf (summary, file, progress_cb, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_holds (out_dir, 0);

  /* stopped before it started */
  g_assert_false (bk_summary_write_pdf (summary, file, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_holds (out_dir, 0);

  /* an earlier file stays as it was */
  g_assert_true (g_file_set_contents (path, "earlier", -1, NULL));
  g_cancellable_reset (cancellable);
  g_array_set_size (progress.fractions, 0);
  g_assert_false (bk_summary_write_pdf (summary, file, progress_cb, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_holds (out_dir, 1);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "earlier");
  }

  g_array_unref (progress.fractions);
}

static gpointer
write_in_thread (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GError) error = NULL;

  if (!bk_summary_write_pdf (args[0], args[1], NULL, NULL, NULL, &error))
    return g_strdup (error->message);

  return NULL;
}

/* Read on this thread, written on others, two at once */
static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 id = add_many_notes (fixture, 100);
  g_autoptr(BkSummary) first = NULL;
  g_autoptr(BkSummary) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_path = g_build_filename (fixture->dir, "first.pdf", NULL);
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.pdf", NULL);
  g_autoptr(GFile) first_file = g_file_new_for_path (first_path);
  g_autoptr(GFile) second_file = g_file_new_for_path (second_path);
  gpointer first_args[] = { NULL, first_file };
  gpointer second_args[] = { NULL, second_file };
  GThread *first_thread;
  GThread *second_thread;
  char *message;

  first = bk_summary_new (fixture->journal, id, NULL, NULL, &error);
  g_assert_no_error (error);
  second = bk_summary_new (fixture->journal, id, NULL, NULL, &error);
  g_assert_no_error (error);
  first_args[0] = first;
  second_args[0] = second;

  first_thread = g_thread_new ("summary-1", write_in_thread, first_args);
  second_thread = g_thread_new ("summary-2", write_in_thread, second_args);

  message = g_thread_join (first_thread);
  g_assert_cmpstr (message, ==, NULL);
  message = g_thread_join (second_thread);
  g_assert_cmpstr (message, ==, NULL);

  g_assert_cmpuint (bk_summary_get_n_pages (first), ==, bk_summary_get_n_pages (second));
  g_assert_cmpuint (bk_summary_get_n_pages (first), >, 1);
}

/* The summary is what the journal held when it was made: what changes after that, while it is
 * written on another thread, is not in it. */
static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = add_realistic_client (fixture, FALSE);
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GDateTime) later = date (2026, 2, 2, 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "snapshot.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  BkPlaybook *part_playbook = bk_playbook_library_lookup (fixture->library, "part-ways");
  gpointer args[2];
  char *message;

  if (!have_poppler ())
    return;

  summary = bk_summary_new (fixture->journal, id, NULL, fixture->library, &error);
  g_assert_no_error (error);

  /* every section's rows change */
  counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (fixture->journal), id, &error);
  g_assert_no_error (error);
  bk_counterpart_set_name (counterpart, "RENAMEDMARK");
  bk_counterpart_set_email (counterpart, "EMAILMARK@example.org");
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), counterpart, &error);
  g_assert_no_error (error);

  add_note (fixture, id, later, BK_NOTE_KIND_NOTE, "LATERMARK written after the summary", FALSE);

  items = bk_open_item_store_list (bk_journal_get_open_items (fixture->journal), id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      bk_open_item_store_settle (bk_journal_get_open_items (fixture->journal),
                                 bk_open_item_get_id (g_ptr_array_index (items, i)), TRUE, later,
                                 &error);
      g_assert_no_error (error);
    }

  run = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);
  bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), run, part_playbook,
                               bk_playbook_get_step_ids (part_playbook)[1], BK_STEP_STATE_DONE,
                               "TICKMARK", later, &error);
  g_assert_no_error (error);

  credentials = bk_credential_store_list (bk_journal_get_credentials (fixture->journal), id, &error);
  g_assert_no_error (error);
  bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal),
                                 bk_credential_get_id (g_ptr_array_index (credentials, 0)),
                                 BK_CREDENTIAL_STATE_REVOKED, later, &error);
  g_assert_no_error (error);

  /* written on another thread, as the export does */
  args[0] = summary;
  args[1] = file;
  message = g_thread_join (g_thread_new ("summary", write_in_thread, args));
  g_assert_cmpstr (message, ==, NULL);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Maria Sokolova"));
  g_assert_nonnull (strstr (text, "maria@northwind.example"));
  g_assert_null (strstr (text, "RENAMEDMARK"));
  g_assert_null (strstr (text, "EMAILMARK"));
  g_assert_null (strstr (text, "LATERMARK"));
  g_assert_null (strstr (text, "TICKMARK"));
  g_assert_cmpuint (count_occurrences (text, "still open"), ==, 2);
  g_assert_nonnull (strstr (text, "In use"));
  g_assert_null (strstr (text, "Revoked"));
}

/* A pasted book in a note, or one word of megabytes: the summary shows the first pages of it,
 * saying it goes on in the journal, rather than laying out all of it for minutes */
static void
test_huge_note_cut (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Huge Notes Ltd", "");
  g_autoptr(GDateTime) october = date (2026, 10, 2, 10);
  g_autoptr(GDateTime) november = date (2026, 11, 2, 10);
  g_autoptr(GString) book = g_string_new (NULL);
  g_autofree char *word = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  BkSummaryOptions options;

  if (!have_poppler ())
    return;

  while (book->len < 4 * 1024 * 1024)
    g_string_append (book, "The schedule slipped again and the invoice waits. ");
  word = g_strnfill (2 * 1024 * 1024, 'x');
  add_note (fixture, bk_counterpart_get_id (client), october, BK_NOTE_KIND_NOTE, book->str, FALSE);
  add_note (fixture, bk_counterpart_get_id (client), november, BK_NOTE_KIND_NOTE, word, FALSE);

  bk_summary_options_init (&options);
  path = write_summary (fixture, bk_counterpart_get_id (client), &options, "huge.pdf");
  text = pdf_text (path);
  g_assert_cmpuint (count_occurrences (text, "(continued in the journal)"), ==, 2);
  info = pdf_info (path);
  pages = info_field (info, "Pages");
  /* a megabyte of each, at most */
  g_assert_cmpint (atoi (pages), <=, 700);
}

/* The command line */

/* Runs the built program in @language ("en" or "ru") */
static int
run_bridgekeeper_in (Fixture            *fixture,
                     const char         *language,
                     const char *const  *args,
                     char              **out,
                     char              **err)
{
  g_autofree char *program = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "src", "bridgekeeper", NULL);
  g_autofree char *data_home = g_build_filename (fixture->dir, "data", NULL);
  g_autofree char *localedir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "po", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* no display needed */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", g_str_equal (language, "ru") ? "ru_RU.UTF-8" : "C.UTF-8",
                           TRUE);
  envp = g_environ_setenv (envp, "BK_LOCALEDIR", localedir, TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
run_bridgekeeper (Fixture            *fixture,
                  const char *const  *args,
                  char              **out,
                  char              **err)
{
  return run_bridgekeeper_in (fixture, "en", args, out, err);
}

/* --backup makes one, --list-backups lists them, --restore brings one back and keeps the
 * journal it replaced */
static void
test_command_line_backups (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BkCounterpart) maria = add_counterpart (fixture, "Maria Sokolova", "Northwind");
  g_autoptr(BkCounterpart) ivan = add_counterpart (fixture, "Ivan Petrov", "");
  g_autofree char *path = g_strdup (bk_journal_get_path (fixture->journal));
  g_autofree char *backup_path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->journal);

  {
    const char *args[] = { "--list-backups", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "No backups yet"));
  }

  {
    const char *args[] = { "--backup", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    GStatBuf st;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    backup_path = g_strstrip (g_strdup (out));
    g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    name = g_path_get_basename (backup_path);
  }

  /* Ivan is deleted for good since */
  fixture->journal = bk_journal_open (path, &error);
  g_assert_no_error (error);
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal),
                                    bk_counterpart_get_id (ivan), TRUE, &error);
  g_assert_no_error (error);
  bk_journal_purge_trash (fixture->journal, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->journal);

  {
    const char *args[] = { "--list-backups", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_test_message ("%s", out);
    g_assert_true (g_str_has_prefix (out, name));
    g_assert_nonnull (strstr (out, "2 clients and vendors, 0 notes"));
  }

  {
    const char *args[] = { "--restore", name, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_test_message ("%s%s", out, err);
    g_assert_nonnull (strstr (out, "The journal is now as it was in"));
    g_assert_nonnull (strstr (out, "--restore journal-"));
    g_assert_cmpint (bk_test_file_query_int (path, "SELECT count(*) FROM counterparts"), ==, 2);
  }

  {
    const char *args[] = { "--restore", "journal-1999-01-01-000000", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "--list-backups"));
    g_assert_cmpint (bk_test_file_query_int (path, "SELECT count(*) FROM counterparts"), ==, 2);
  }
}

/* --search prints what the sidebar would find, without a display; 1 when nothing matches */
static void
test_command_line_search (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BkCounterpart) maria = add_counterpart (fixture, "Maria Sokolova", "Northwind");
  g_autoptr(BkCounterpart) ivan = add_counterpart (fixture, "Ivan Petrov", "");
  g_autoptr(BkCounterpart) ivanka = add_counterpart (fixture, "Ivanka Petrova", "");
  g_autoptr(BkCounterpart) rogue = add_counterpart (fixture, "Rogue\033[2J Ltd", "\033]0;owned\007");
  g_autoptr(GDateTime) march = date (2025, 3, 10, 12);

  add_note (fixture, bk_counterpart_get_id (maria), march, BK_NOTE_KIND_NOTE,
            "Sent the invoice for March.", FALSE);
  add_note (fixture, bk_counterpart_get_id (ivan), march, BK_NOTE_KIND_CALL,
            "Клиент наконец оплатил счёт.", TRUE);
  g_clear_object (&fixture->journal);

  {
    const char *args[] = { "--search", "invoices", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_test_message ("%s", out);
    g_assert_cmpstr (err, ==, "");
    g_assert_nonnull (strstr (out, "Maria Sokolova (Northwind), Client\n"));
    g_assert_nonnull (strstr (out, "  March 10, 2025: Sent the invoice for March.\n"));
    g_assert_null (strstr (out, "Ivan"));
  }

  /* what the journal holds is never an escape sequence for the terminal */
  {
    const char *args[] = { "--search", "rogue", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_assert_null (strchr (out, '\033'));
    g_assert_nonnull (strstr (out, "Rogue\\u001B[2J Ltd (\\u001B]0;owned\\u0007), Client\n"));
  }

  /* a private note says so; stems and ё work as in the window */
  {
    const char *args[] = { "--search", "оплата счет", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Ivan Petrov, Client\n"));
    g_assert_nonnull (strstr (out, "  March 10, 2025 (private): Клиент наконец оплатил счёт.\n"));
  }

  /* in Russian */
  {
    const char *args[] = { "--search", "оплата", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper_in (fixture, "ru", args, &out, &err), ==, 0);
    g_test_message ("%s", out);
    g_assert_nonnull (strstr (out, "Ivan Petrov, Клиент\n"));
    g_assert_nonnull (strstr (out, "10 марта 2025 (личная): "));
  }

  /* --limit */
  {
    const char *args[] = { "--search", "ivan", "--limit", "1", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    lines = g_strsplit (out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  }

  /* nothing found: exit status 1, nothing printed */
  {
    const char *args[] = { "--search", "quetzal", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 1);
    g_assert_cmpstr (out, ==, "");
    g_assert_cmpstr (err, ==, "");
  }

  /* bad use */
  {
    const char *args[] = { "--search", "ivan", "--limit", "0", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "--limit"));
  }
  {
    const char *args[] = { "--search", "  ", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "--search"));
  }
}

static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BkCounterpart) maria = add_counterpart (fixture, "Maria Sokolova", "Northwind");
  g_autoptr(BkCounterpart) ivan = add_counterpart (fixture, "Ivan Petrov", "Petrov & Sons");
  g_autoptr(BkCounterpart) other_ivan = add_counterpart (fixture, "ivan petrov ", "Ivanov Ltd");
  g_autoptr(GDateTime) march = date (2025, 3, 10, 12);
  g_autoptr(GDateTime) may = date (2025, 5, 10, 12);
  g_autofree char *pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_poppler ())
    return;

  add_note (fixture, bk_counterpart_get_id (maria), march, BK_NOTE_KIND_NOTE, "MARCHMARK Встреча", FALSE);
  add_note (fixture, bk_counterpart_get_id (maria), may, BK_NOTE_KIND_NOTE, "MAYMARK", FALSE);
  add_note (fixture, bk_counterpart_get_id (maria), may, BK_NOTE_KIND_NOTE, "PRIVATEMARK", TRUE);
  /* let the program have the journal to itself */
  g_clear_object (&fixture->journal);

  /* by name, in any case, with spaces around */
  {
    const char *args[] = { "--export-pdf", "  MARIA sokolova ", pdf, NULL };

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Maria Sokolova"));
    g_assert_nonnull (strstr (text, "MARCHMARK Встреча"));
    g_assert_null (strstr (text, "PRIVATEMARK"));
    g_clear_pointer (&text, g_free);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (g_unlink (pdf), ==, 0);
  }

  /* by id, with a range and the private notes */
  {
    const char *args[] = { "--export-pdf", bk_counterpart_get_uuid (maria), pdf,
                           "--include-private", "--from", "2025-05-01", "--to", "2025-05-10", NULL };

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    text = pdf_text (pdf);
    g_assert_null (strstr (text, "MARCHMARK"));
    g_assert_nonnull (strstr (text, "MAYMARK"));
    g_assert_nonnull (strstr (text, "PRIVATEMARK"));
    g_clear_pointer (&text, g_free);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* nobody */
  {
    const char *args[] = { "--export-pdf", "Nobody", pdf, NULL };

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "No client or vendor is called “Nobody”."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* two of them: both listed with their ids */
  {
    const char *args[] = { "--export-pdf", "Ivan Petrov", pdf, NULL };

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "Several clients and vendors are called “Ivan Petrov”"));
    g_assert_nonnull (strstr (err, bk_counterpart_get_uuid (ivan)));
    g_assert_nonnull (strstr (err, bk_counterpart_get_uuid (other_ivan)));
    g_assert_nonnull (strstr (err, "Petrov & Sons"));
    g_assert_nonnull (strstr (err, "Ivanov Ltd"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* a date that is not one */
  {
    const char *args[] = { "--export-pdf", "Maria Sokolova", pdf, "--from", "2025-02-30", NULL };

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "“2025-02-30” is not a date"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* no file named */
  {
    const char *args[] = { "--export-pdf", "Maria Sokolova", NULL };

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "OUT.pdf"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* the options are described */
  {
    const char *args[] = { "--help", NULL };

    g_assert_cmpint (run_bridgekeeper (fixture, args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "--export-pdf=CLIENT"));
    g_assert_nonnull (strstr (out, "--include-private"));
    g_assert_nonnull (strstr (out, "--from=DATE"));
    g_assert_nonnull (strstr (out, "--to=DATE"));
  }
}

/* A journal of 0.1, whose progress notes were written in English (and, for a vendor, in
 * Russian): once opened, its summary tells those events in the reader's language. */
static void
test_events_in_reader_language (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "data", DATA_FOLDER, "journal.db", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "events.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_poppler ())
    return;

  /* the journal of 0.1 in place of the fixture's */
  g_clear_object (&fixture->journal);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (file);
    }
  bk_test_load_sql_fixture (path, "journal-v4.sql");

  /* English notes, read in Russian */
  {
    const char *args[] = { "--export-pdf", "Maria Sokolova", pdf, NULL };

    g_assert_cmpint (run_bridgekeeper_in (fixture, "ru", args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Начат сценарий «Расстаться по-хорошему»."));
    g_assert_nonnull (strstr (text, "Что не складывается:"));
    g_assert_nonnull (strstr (text, "выполнено — Wrote a calm e-mail"));
    g_assert_nonnull (strstr (text, "Связались — All good"));
    g_assert_null (strstr (text, "Started the playbook"));
    g_assert_null (strstr (text, "Checked in"));
    g_clear_pointer (&text, g_free);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Russian notes, read in English */
  {
    const char *args[] = { "--export-pdf", "Ольга Иванова", pdf, NULL };

    g_assert_cmpint (run_bridgekeeper_in (fixture, "en", args, &out, &err), ==, 0);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Started the playbook “Part Ways Cleanly”."));
    g_assert_nonnull (strstr (text, "Checked in — Всё хорошо"));
    g_assert_null (strstr (text, "Начат сценарий"));
    g_assert_null (strstr (text, "Связались"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "po", NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/summary/page-size", test_page_size);
  g_test_add_func ("/summary/health-colours", test_health_colours);
  ADD ("/summary/ended-run-steps", test_ended_run_steps);
  ADD ("/summary/file-name", test_file_name);
  ADD ("/summary/not-found", test_not_found);
  ADD ("/summary/document", test_document);
  ADD ("/summary/huge-note-cut", test_huge_note_cut);
  ADD ("/summary/numeric-locale", test_numeric_locale);
  ADD ("/summary/private", test_private);
  ADD ("/summary/range", test_range);
  ADD ("/summary/every-note", test_every_note);
  ADD ("/summary/huge-note", test_huge_note);
  ADD ("/summary/write-errors", test_write_errors);
  ADD ("/summary/progress-and-cancel", test_progress_and_cancel);
  ADD ("/summary/threads", test_threads);
  ADD ("/summary/snapshot", test_snapshot);
  ADD ("/summary/command-line", test_command_line);
  ADD ("/summary/command-line-search", test_command_line_search);
  ADD ("/summary/command-line-backups", test_command_line_backups);
  ADD ("/summary/events-in-reader-language", test_events_in_reader_language);

#undef ADD

  return g_test_run ();
}

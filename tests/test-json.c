/* test-json.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bk-journal.h"
#include "bk-journal-json.h"
#include "bk-playbook-library.h"
#include "bk-test-journal.h"

#define HEADER "{\"format\":\"bridgekeeper\",\"version\":1,\"counterparts\":"
#define HEADER_2 "{\"format\":\"bridgekeeper\",\"version\":2,\"counterparts\":"
#define HEADER_3 "{\"format\":\"bridgekeeper\",\"version\":3,\"counterparts\":"
#define CREDENTIAL_ID_1 "0b6f4d1e-2c3a-4b5d-9e8f-1a2b3c4d5e61"
#define CREDENTIAL_ID_2 "0b6f4d1e-2c3a-4b5d-9e8f-1a2b3c4d5e62"
#define COUNTERPART_ID_1 "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e41"
/* what a person might type as a password: it must never reach a journal or an export */
#define SECRET "s3cr3t-Пароль-🔑"
#define RUN_ID_1 "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a51"
#define RUN_ID_2 "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a52"

typedef struct
{
  char      *dir;
  char      *db_path;
  char      *json_path;
  GFile     *json_file;
  BkJournal *journal;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = bk_test_make_tmp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->json_path = g_build_filename (fixture->dir, "journal.json", NULL);
  fixture->json_file = g_file_new_for_path (fixture->json_path);
  fixture->journal = bk_test_open_journal (fixture->db_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->json_file);
  bk_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->json_path, g_free);
}

static BkJournal *
open_second_journal (Fixture    *fixture,
                     const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return bk_test_open_journal (path);
}

static void
write_json (Fixture    *fixture,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->json_path, contents, -1, &error);
  g_assert_no_error (error);
}

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

static BkCounterpart *
add_counterpart (BkJournal           *journal,
                 const char          *name,
                 const char          *organization,
                 BkCounterpartKind    kind,
                 BkCounterpartStatus  status,
                 int                  health,
                 const char * const  *tags)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();

  bk_counterpart_set_name (counterpart, name);
  bk_counterpart_set_organization (counterpart, organization);
  bk_counterpart_set_kind (counterpart, kind);
  bk_counterpart_set_status (counterpart, status);
  bk_counterpart_set_health (counterpart, health);
  bk_counterpart_set_tags (counterpart, tags);
  bk_counterpart_set_email (counterpart, "someone@example.org");
  bk_counterpart_set_phone (counterpart, "+7 900 000-00-00");
  bk_test_save_counterpart (journal, counterpart);

  return g_steal_pointer (&counterpart);
}

static BkNote *
add_note (BkJournal     *journal,
          BkCounterpart *counterpart,
          GDateTime     *created,
          BkNoteKind     kind,
          const char    *text,
          gboolean       private_)
{
  g_autoptr(BkNote) note = bk_note_new ();

  bk_note_set_counterpart_id (note, bk_counterpart_get_id (counterpart));
  bk_note_set_created (note, created);
  bk_note_set_kind (note, kind);
  bk_note_set_text (note, text);
  bk_note_set_private (note, private_);
  bk_test_save_note (journal, note);

  return g_steal_pointer (&note);
}

/* A bit over 1 MB of text with newlines, quotes, backslashes and several scripts. */
static char *
make_big_text (void)
{
  GString *text = g_string_new (NULL);

  while (text->len < 1024 * 1024)
    g_string_append (text, "Line \"quoted\" \\ back\tslash — Привет, мир 😀 שלום <b>&amp;</b>\n");

  return g_string_free (text, FALSE);
}

/* A journal with a bit of everything an export must carry, and some trash it must not. */
static void
fill_journal (BkJournal *journal)
{
  const char *tags_ru[] = { "дизайн", "urgent", NULL };
  const char *tags_none[] = { NULL };
  const char *tags_markup[] = { "<i>", "&amp;", NULL };
  g_autoptr(BkCounterpart) maria = NULL;
  g_autoptr(BkCounterpart) nur = NULL;
  g_autoptr(BkCounterpart) zed = NULL;
  g_autoptr(BkCounterpart) gone = NULL;
  g_autoptr(BkNote) trashed_note = NULL;
  g_autoptr(GDateTime) d1 = utc (2026, 1, 2, 10, 0);
  g_autoptr(GDateTime) d2 = utc (2026, 1, 5, 9, 30);
  g_autoptr(GDateTime) d3 = utc (2026, 2, 1, 18, 45);
  g_autoptr(GDateTime) d4 = utc (2025, 12, 31, 23, 59);
  g_autofree char *big = make_big_text ();
  g_autoptr(GError) error = NULL;

  maria = add_counterpart (journal, "Мария Иванова", "ООО «Ромашка»",
                           BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_AT_RISK, 2, tags_ru);
  /* Saved newest first on purpose: the export lists them oldest first. */
  g_object_unref (add_note (journal, maria, d3, BK_NOTE_KIND_REFLECTION,
                            "Не доверяю срокам. Private 🙈", TRUE));
  g_object_unref (add_note (journal, maria, d1, BK_NOTE_KIND_MEETING,
                            "Обсудили смету 😀👩‍💻", FALSE));
  g_object_unref (add_note (journal, maria, d2, BK_NOTE_KIND_NOTE,
                            "<b>bold</b> &amp; <i>not markup</i> &lt;", FALSE));
  g_object_unref (add_note (journal, maria, d4, BK_NOTE_KIND_INVOICE, big, FALSE));
  trashed_note = add_note (journal, maria, d2, BK_NOTE_KIND_CALL, "In the trash", FALSE);
  bk_note_store_set_trashed (bk_journal_get_notes (journal), bk_note_get_id (trashed_note), TRUE, &error);
  g_assert_no_error (error);

  nur = add_counterpart (journal, "شركة النور", "مؤسسة «النور» للتصميم",
                         BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_ENDED_WELL, 5,
                         tags_none);
  g_object_unref (add_note (journal, nur, d1, BK_NOTE_KIND_EMAIL,
                            "שלום עולם — mixed RTL and LTR: مرحبا 123", FALSE));

  zed = add_counterpart (journal, "Zed <b>&amp;</b> 🚀", "<span>Co</span>",
                         BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_WINDING_DOWN, 1,
                         tags_markup);

  gone = add_counterpart (journal, "Trashed Person", "", BK_COUNTERPART_KIND_CLIENT,
                          BK_COUNTERPART_STATUS_ENDED, 3, tags_none);
  g_object_unref (add_note (journal, gone, d1, BK_NOTE_KIND_NOTE, "Gone with it", FALSE));
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (journal), bk_counterpart_get_id (gone), TRUE, &error);
  g_assert_no_error (error);
}

static JsonNode *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_copy (json_parser_get_root (parser));
}

/* Exports @journal and returns the export without its "exported" time, in one canonical form,
 * so that two exports of the same journal compare equal as strings. */
static char *
export_canonical (Fixture   *fixture,
                  BkJournal *journal)
{
  g_autofree char *path = g_build_filename (fixture->dir, "canonical.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  bk_journal_export_json (journal, NULL, file, &error);
  g_assert_no_error (error);

  root = load_json (path);
  object = json_node_get_object (root);
  g_assert_true (json_object_has_member (object, "exported"));
  json_object_remove_member (object, "exported");
  json_generator_set_root (generator, root);
  g_unlink (path);

  return json_generator_to_data (generator, NULL);
}

static guint
count_all_counterparts (BkJournal *journal)
{
  return bk_test_query_int (journal, "SELECT count(*) FROM counterparts");
}

static guint
count_all_notes (BkJournal *journal)
{
  return bk_test_query_int (journal, "SELECT count(*) FROM notes");
}

typedef struct
{
  char   *export;
  guint   n_counterparts;
  guint   n_notes;
  GBytes *db;
  GBytes *wal;
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->export, g_free);
  g_clear_pointer (&snapshot->db, g_bytes_unref);
  g_clear_pointer (&snapshot->wal, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

static void
take_snapshot (Fixture  *fixture,
               Snapshot *snapshot)
{
  g_autofree char *wal_path = g_strconcat (fixture->db_path, "-wal", NULL);

  /* The files first: an export only reads. */
  snapshot->db = bk_test_read_bytes_or_null (fixture->db_path);
  snapshot->wal = bk_test_read_bytes_or_null (wal_path);
  g_assert_nonnull (snapshot->db);
  snapshot->n_counterparts = count_all_counterparts (fixture->journal);
  snapshot->n_notes = count_all_notes (fixture->journal);
  snapshot->export = export_canonical (fixture, fixture->journal);
}

static gboolean
bytes_equal_or_both_null (GBytes *a,
                          GBytes *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_bytes_equal (a, b);
}

/* With @compare_wal, the write-ahead log must be the same bytes too: right for a file refused
 * before anything is written. A transaction that is rolled back may still restart the log (a new
 * header, no frames that count), so then only what the log means is compared. */
static void
assert_snapshots_equal (Snapshot *before,
                        Snapshot *after,
                        gboolean  compare_wal)
{
  g_assert_cmpuint (before->n_counterparts, ==, after->n_counterparts);
  g_assert_cmpuint (before->n_notes, ==, after->n_notes);
  g_assert_cmpstr (before->export, ==, after->export);
  g_assert_true (g_bytes_equal (before->db, after->db));
  if (compare_wal)
    g_assert_true (bytes_equal_or_both_null (before->wal, after->wal));
}

static void
import_ok (BkJournal       *journal,
           GFile           *file,
           BkImportSummary *summary)
{
  g_autoptr(GError) error = NULL;
  gboolean ret;

  ret = bk_journal_import_json (journal, file, summary, &error);
  g_assert_no_error (error);
  g_assert_true (ret);
}

static JsonObject *
get_counterpart (JsonNode *root,
                 guint     index)
{
  JsonArray *counterparts = json_object_get_array_member (json_node_get_object (root),
                                                          "counterparts");

  return json_array_get_object_element (counterparts, index);
}

static JsonObject *
get_note (JsonObject *counterpart,
          guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (counterpart, "notes"),
                                        index);
}

static const char test_playbook_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<playbook id=\"test-part\" order=\"10\" icon=\"system-log-out-symbolic\" outcome=\"parted\">\n"
  "  <name>Part ways (test)</name>\n"
  "  <summary>End it cleanly.</summary>\n"
  "  <recommend reason=\"non-payment\">They do not pay.</recommend>\n"
  "  <step id=\"acknowledge\"><title>Acknowledge</title><description>Say it.</description></step>\n"
  "  <step id=\"settle\"><title>Settle</title><description>Invoices.</description></step>\n"
  "  <step id=\"agree\"><title>Agree</title><description>A date.</description></step>\n"
  "  <step id=\"move-on\"><title>Move on</title><description>Kindly.</description></step>\n"
  "</playbook>\n";

static BkPlaybookLibrary *
load_test_playbooks (Fixture *fixture)
{
  return bk_test_load_playbooks (fixture->dir, test_playbook_xml, NULL);
}

static BkCounterpart *
find_counterpart (BkJournal  *journal,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  BkCounterpart *counterpart;
  gint64 id = 0;

  stmt = bk_database_prepare (bk_journal_get_database (journal), "SELECT id FROM counterparts WHERE name = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (id, >, 0);

  counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), id, &error);
  g_assert_no_error (error);

  return counterpart;
}

/* fill_journal(), and playbook runs, open items and check-ins for two of its counterparts */
static void
fill_playbook_data (BkJournal         *journal,
                    BkPlaybookLibrary *library)
{
  BkPlaybook *playbook = bk_playbook_library_lookup (library, "test-part");
  g_autoptr(BkCounterpart) maria = find_counterpart (journal, "Мария Иванова");
  g_autoptr(BkCounterpart) nur = find_counterpart (journal, "شركة النور");
  g_autoptr(BkRun) ended = NULL;
  g_autoptr(BkRun) active = NULL;
  g_autoptr(BkOpenItem) invoice = bk_open_item_new ();
  g_autoptr(BkOpenItem) access = bk_open_item_new ();
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDateTime) d1 = utc (2026, 2, 1, 9, 0);
  g_autoptr(GDateTime) d2 = utc (2026, 2, 3, 17, 15);
  g_autoptr(GDateTime) d3 = utc (2026, 3, 10, 8, 0);
  g_autoptr(GError) error = NULL;
  const guint days[] = { 30, 90 };

  g_assert_nonnull (playbook);

  ended = bk_run_store_start (bk_journal_get_runs (journal), bk_counterpart_get_id (maria), playbook,
                              (1u << BK_REASON_NON_PAYMENT) | (1u << BK_REASON_OTHER), d1,
                              &error);
  g_assert_no_error (error);
  bk_run_store_set_step_state (bk_journal_get_runs (journal), ended, playbook, "acknowledge", BK_STEP_STATE_DONE,
                               "Позвонила — «всё поняли»", d1, &error);
  g_assert_no_error (error);
  bk_run_store_set_step_state (bk_journal_get_runs (journal), ended, playbook, "agree", BK_STEP_STATE_SKIPPED, NULL, d2,
                               &error);
  g_assert_no_error (error);
  bk_run_store_end (bk_journal_get_runs (journal), ended, playbook,
                    &(BkRunEnding) {
                      .outcome = BK_OUTCOME_REFERRED,
                      .successor = "Анна <b>&amp;</b>",
                      .checkin_days = days,
                      .n_checkin_days = G_N_ELEMENTS (days),
                    },
                    d2, &error);
  g_assert_no_error (error);

  active = bk_run_store_start (bk_journal_get_runs (journal), bk_counterpart_get_id (maria), playbook, 0, d3, &error);
  g_assert_no_error (error);
  bk_run_store_set_step_state (bk_journal_get_runs (journal), active, playbook, "settle", BK_STEP_STATE_DONE, NULL, d3,
                               &error);
  g_assert_no_error (error);

  bk_open_item_set_counterpart_id (invoice, bk_counterpart_get_id (maria));
  bk_open_item_set_description (invoice, "Счёт №7");
  bk_open_item_set_amount (invoice, 4500050);
  bk_open_item_set_currency (invoice, "RUB");
  bk_open_item_set_created (invoice, d1);
  bk_open_item_store_save (bk_journal_get_open_items (journal), invoice, &error);
  g_assert_no_error (error);
  bk_open_item_store_settle (bk_journal_get_open_items (journal), bk_open_item_get_id (invoice), TRUE, d2, &error);
  g_assert_no_error (error);

  bk_open_item_set_counterpart_id (access, bk_counterpart_get_id (nur));
  bk_open_item_set_kind (access, BK_OPEN_ITEM_KIND_ACCESS);
  bk_open_item_set_description (access, "Server keys");
  bk_open_item_set_created (access, d2);
  bk_open_item_store_save (bk_journal_get_open_items (journal), access, &error);
  g_assert_no_error (error);

  /* one check-in ticked off, one notified */
  checkins = bk_checkin_store_list (bk_journal_get_checkins (journal), bk_counterpart_get_id (maria), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 2);
  bk_checkin_store_complete (bk_journal_get_checkins (journal), bk_checkin_get_id (g_ptr_array_index (checkins, 0)),
                             "Fine", d3, &error);
  g_assert_no_error (error);
  bk_checkin_store_set_notified (bk_journal_get_checkins (journal), bk_checkin_get_id (g_ptr_array_index (checkins, 1)),
                                 d3, &error);
  g_assert_no_error (error);
}

static JsonObject *
find_counterpart_object (JsonNode   *root,
                         const char *name)
{
  JsonArray *counterparts = json_object_get_array_member (json_node_get_object (root),
                                                          "counterparts");

  for (guint i = 0; i < json_array_get_length (counterparts); i++)
    {
      JsonObject *counterpart = json_array_get_object_element (counterparts, i);

      if (g_strcmp0 (json_object_get_string_member (counterpart, "name"), name) == 0)
        return counterpart;
    }

  g_assert_not_reached ();
}

static void
test_v2_export (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(BkPlaybookLibrary) library = load_test_playbooks (fixture);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *maria;
  JsonObject *zed;
  JsonArray *runs;
  JsonObject *run;
  JsonObject *state;
  JsonArray *items;
  JsonObject *item;
  JsonArray *checkins;
  JsonObject *checkin;

  fill_journal (fixture->journal);
  fill_playbook_data (fixture->journal, library);
  bk_journal_export_json (fixture->journal, library, fixture->json_file, &error);
  g_assert_no_error (error);
  root = load_json (fixture->json_path);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==,
                   BK_JSON_FORMAT_VERSION);

  maria = find_counterpart_object (root, "Мария Иванова");
  runs = json_object_get_array_member (maria, "runs");
  g_assert_cmpuint (json_array_get_length (runs), ==, 2);

  /* oldest first: the ended one */
  run = json_array_get_object_element (runs, 0);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (run, "id")));
  g_assert_cmpstr (json_object_get_string_member (run, "playbook"), ==, "test-part");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (run, "reasons")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (run, "reasons"), 0),
                   ==, "non-payment");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (run, "reasons"), 1),
                   ==, "other");
  g_assert_cmpstr (json_object_get_string_member (run, "started"), ==, "2026-02-01T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (run, "ended"), ==, "2026-02-03T17:15:00Z");
  g_assert_cmpstr (json_object_get_string_member (run, "outcome"), ==, "referred");
  g_assert_cmpstr (json_object_get_string_member (run, "successor"), ==, "Анна <b>&amp;</b>");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (run, "steps")), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (run, "steps"), 3),
                   ==, "move-on");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (run, "step_states")), ==, 2);
  state = json_array_get_object_element (json_object_get_array_member (run, "step_states"), 0);
  g_assert_cmpstr (json_object_get_string_member (state, "step"), ==, "acknowledge");
  g_assert_cmpstr (json_object_get_string_member (state, "state"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (state, "changed"), ==, "2026-02-01T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (state, "note"), ==, "Позвонила — «всё поняли»");
  state = json_array_get_object_element (json_object_get_array_member (run, "step_states"), 1);
  g_assert_cmpstr (json_object_get_string_member (state, "state"), ==, "skipped");

  /* the active one: null end and outcome */
  run = json_array_get_object_element (runs, 1);
  g_assert_true (json_object_get_null_member (run, "ended"));
  g_assert_true (json_object_get_null_member (run, "outcome"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (run, "reasons")), ==, 0);

  items = json_object_get_array_member (maria, "open_items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  item = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "invoice");
  g_assert_cmpstr (json_object_get_string_member (item, "description"), ==, "Счёт №7");
  g_assert_cmpint (json_object_get_int_member (item, "amount"), ==, 4500050);
  g_assert_cmpstr (json_object_get_string_member (item, "currency"), ==, "RUB");
  g_assert_cmpstr (json_object_get_string_member (item, "created"), ==, "2026-02-01T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (item, "settled"), ==, "2026-02-03T17:15:00Z");

  checkins = json_object_get_array_member (maria, "checkins");
  g_assert_cmpuint (json_array_get_length (checkins), ==, 2);
  checkin = json_array_get_object_element (checkins, 0);
  g_assert_cmpstr (json_object_get_string_member (checkin, "run"), ==,
                   json_object_get_string_member (json_array_get_object_element (runs, 0), "id"));
  g_assert_cmpstr (json_object_get_string_member (checkin, "due"), ==, "2026-03-05T17:15:00Z");
  g_assert_cmpstr (json_object_get_string_member (checkin, "done"), ==, "2026-03-10T08:00:00Z");
  g_assert_true (json_object_get_null_member (checkin, "notified"));
  checkin = json_array_get_object_element (checkins, 1);
  g_assert_cmpstr (json_object_get_string_member (checkin, "due"), ==, "2026-05-04T17:15:00Z");
  g_assert_true (json_object_get_null_member (checkin, "done"));
  g_assert_cmpstr (json_object_get_string_member (checkin, "notified"), ==, "2026-03-10T08:00:00Z");

  /* the progress notes are notes like any other */
  g_assert_cmpstr (json_object_get_string_member (get_note (maria, 3), "kind"), ==, "progress");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (get_note (maria, 3), "text"),
                                   "Started the playbook “Part ways (test)”."));

  /* a counterpart without any: empty lists */
  zed = find_counterpart_object (root, "Zed <b>&amp;</b> 🚀");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zed, "runs")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zed, "open_items")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zed, "checkins")), ==, 0);
}

static void
test_v2_round_trip (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BkPlaybookLibrary) library = load_test_playbooks (fixture);
  g_autoptr(BkJournal) copy = open_second_journal (fixture, "copy.db");
  g_autoptr(BkCounterpart) maria = NULL;
  g_autoptr(BkRun) active = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;

  fill_journal (fixture->journal);
  fill_playbook_data (fixture->journal, library);
  first = export_canonical (fixture, fixture->journal);

  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error);
  g_assert_no_error (error);
  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 3);
  g_assert_cmpuint (summary.runs_added, ==, 2);
  g_assert_cmpuint (summary.open_items_added, ==, 2);
  g_assert_cmpuint (summary.checkins_added, ==, 2);
  g_assert_cmpuint (summary.runs_skipped, ==, 0);

  /* the same ids, dates, states and links */
  second = export_canonical (fixture, copy);
  g_assert_cmpstr (first, ==, second);

  /* and they work: progress, the run's steps, check-ins due */
  maria = find_counterpart (copy, "Мария Иванова");
  g_assert_cmpstr (bk_counterpart_get_run_playbook_id (maria), ==, "test-part");
  g_assert_cmpuint (bk_counterpart_get_run_steps_settled (maria), ==, 1);
  g_assert_cmpuint (bk_counterpart_get_run_steps_total (maria), ==, 4);
  active = bk_run_store_dup_active (bk_journal_get_runs (copy), bk_counterpart_get_id (maria), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_run_get_step_state (active, "settle"), ==, BK_STEP_STATE_DONE);
  due = bk_checkin_store_list_due (bk_journal_get_checkins (copy), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_nonnull (bk_checkin_get_notified (g_ptr_array_index (due, 0)));
  g_assert_cmpint (bk_checkin_get_run_id (g_ptr_array_index (due, 0)), >, 0);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (copy), 0), ==, 1);

  /* again: all skipped, nothing changes */
  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  g_assert_cmpuint (summary.runs_added, ==, 0);
  g_assert_cmpuint (summary.open_items_added, ==, 0);
  g_assert_cmpuint (summary.checkins_added, ==, 0);
  g_assert_cmpuint (summary.runs_skipped, ==, 2);
  g_assert_cmpuint (summary.open_items_skipped, ==, 2);
  g_assert_cmpuint (summary.checkins_skipped, ==, 2);
  third = export_canonical (fixture, copy);
  g_assert_cmpstr (first, ==, third);
}

/* A counterpart already in the journal gets the file's new runs, unless both are in progress */
static void
test_v2_existing_counterpart (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(BkPlaybookLibrary) library = load_test_playbooks (fixture);
  BkPlaybook *playbook = bk_playbook_library_lookup (library, "test-part");
  const char *no_tags[] = { NULL };
  g_autoptr(BkCounterpart) acme = add_counterpart (fixture->journal, "Acme", "",
                                                   BK_COUNTERPART_KIND_CLIENT,
                                                   BK_COUNTERPART_STATUS_ACTIVE, 3, no_tags);
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GDateTime) now = utc (2026, 2, 1, 9, 0);
  g_autoptr(GError) error = NULL;
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  g_autofree char *json = NULL;
  BkImportSummary summary;

  run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), playbook, 0, now,
                            &error);
  g_assert_no_error (error);

  /* an ended run is added to it */
  json = g_strdup_printf (HEADER_2 "[{\"id\":\"%s\",\"name\":\"Acme\","
                          "\"runs\":[{\"id\":\"" RUN_ID_1 "\",\"playbook\":\"test-part\","
                          "\"steps\":[\"a\",\"b\"],\"started\":\"2025-01-01\","
                          "\"ended\":\"2025-02-01\",\"outcome\":\"continued\"}],"
                          "\"checkins\":[{\"run\":\"" RUN_ID_1 "\",\"due\":\"2025-03-01\"}]}]}",
                          bk_counterpart_get_uuid (acme));
  write_json (fixture, json);
  import_ok (fixture->journal, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_skipped, ==, 1);
  g_assert_cmpuint (summary.runs_added, ==, 1);
  g_assert_cmpuint (summary.checkins_added, ==, 1);
  runs = bk_run_store_list (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (acme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpint (bk_run_get_id (g_ptr_array_index (runs, 0)), ==, bk_run_get_id (run));
  g_assert_cmpstr (bk_run_get_uuid (g_ptr_array_index (runs, 1)), ==, RUN_ID_1);

  /* a second run in progress is refused, and nothing of the file is written */
  g_clear_pointer (&json, g_free);
  json = g_strdup_printf (HEADER_2 "[{\"name\":\"Someone new\"},"
                          "{\"id\":\"%s\",\"name\":\"Acme\","
                          "\"runs\":[{\"playbook\":\"test-part\",\"steps\":[\"a\"]}]}]}",
                          bk_counterpart_get_uuid (acme));
  write_json (fixture, json);
  take_snapshot (fixture, &before);
  g_assert_false (bk_journal_import_json (fixture->journal, fixture->json_file, &summary, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "counterparts[1].runs[0]: Acme has a playbook in progress"));
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  take_snapshot (fixture, &after);
  assert_snapshots_equal (&before, &after, FALSE);
}

/* A trashed counterpart's runs, items and check-ins are skipped with it */
static void
test_v2_trashed_counterpart (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char *no_tags[] = { NULL };
  g_autoptr(BkCounterpart) gone = add_counterpart (fixture->journal, "Gone", "",
                                                   BK_COUNTERPART_KIND_CLIENT,
                                                   BK_COUNTERPART_STATUS_ENDED, 3, no_tags);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  BkImportSummary summary;

  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (gone), TRUE,
                                    &error);
  g_assert_no_error (error);
  json = g_strdup_printf (HEADER_2 "[{\"id\":\"%s\",\"name\":\"Gone\","
                          "\"runs\":[{\"playbook\":\"x\",\"steps\":[\"a\"]}],"
                          "\"open_items\":[{\"description\":\"d\"}],"
                          "\"checkins\":[{\"due\":\"2026-01-01\"}]}]}",
                          bk_counterpart_get_uuid (gone));
  write_json (fixture, json);
  import_ok (fixture->journal, fixture->json_file, &summary);
  g_assert_cmpuint (summary.runs_added, ==, 0);
  g_assert_cmpuint (summary.runs_skipped, ==, 1);
  g_assert_cmpuint (summary.open_items_skipped, ==, 1);
  g_assert_cmpuint (summary.checkins_skipped, ==, 1);
  g_assert_cmpuint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM runs"), ==, 0);
}

/* A file whose run in progress has no uuid imports a second time: the run is the one of
 * the same counterpart that follows the same playbook from the same moment, and is left as
 * it is, not refused as a second run in progress */
static void
test_run_without_id_twice (Fixture       *fixture,
                           gconstpointer  user_data)
{
  BkImportSummary summary;

  write_json (fixture, HEADER_2 "[{\"id\":\"5f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\",\"name\":\"Acme\","
                       "\"status\":\"winding-down\","
                       "\"runs\":[{\"playbook\":\"part-ways\",\"steps\":[\"a\",\"b\"],"
                       "\"started\":\"2026-01-03T10:00:00Z\"}]}]}");
  import_ok (fixture->journal, fixture->json_file, &summary);
  g_assert_cmpuint (summary.runs_added, ==, 1);

  import_ok (fixture->journal, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  g_assert_cmpuint (summary.runs_added, ==, 0);
  g_assert_cmpuint (summary.runs_skipped, ==, 1);
  g_assert_cmpuint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM runs"), ==, 1);
}

/* A note in the file with the id of one the journal keeps under another client is refused,
 * not left out as one the journal has */
static void
test_note_id_of_another (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;

  write_json (fixture, HEADER_3 "[{\"name\":\"Anna\",\"notes\":[{\"id\":\"6f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\","
                       "\"text\":\"x\"}]}]}");
  import_ok (fixture->journal, fixture->json_file, &summary);

  write_json (fixture, HEADER_3 "[{\"name\":\"Boris\",\"notes\":[{\"id\":\"6f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\","
                       "\"text\":\"y\"}]}]}");
  g_assert_false (bk_journal_import_json (fixture->journal, fixture->json_file, &summary, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "counterparts[0].notes[0].id: the journal has a note with this id under “Anna”"));
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM counterparts"), ==, 1);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM notes"), ==, 1);
}

/* Version 4 carries who referred a counterpart and its keep-in-touch rhythm; the referrer is
 * linked in the journal imported into even when it comes later in the file */
static void
test_v4_round_trip (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) olga = bk_test_add_counterpart (fixture->journal, "Olga Mironova");
  g_autoptr(BkCounterpart) anna = bk_counterpart_new ();
  g_autoptr(BkJournal) copy = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) referrer = NULL;
  g_autoptr(GError) error = NULL;
  BkCounterpart *anna_copy;
  BkImportSummary summary;

  /* ("Anna" sorts, and so is exported, before "Olga") */
  bk_counterpart_set_name (anna, "Anna Petrova");
  bk_counterpart_set_referred_by (anna, "Olga, at the conference");
  bk_counterpart_set_referred_by_id (anna, bk_counterpart_get_id (olga));
  bk_counterpart_set_keep_in_touch_days (anna, 45);
  bk_test_save_counterpart (fixture->journal, anna);

  g_assert_true (bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error));
  g_assert_no_error (error);
  g_assert_true (bk_test_file_contains (fixture->json_path, "\"keep_in_touch_days\" : 45"));
  g_assert_true (bk_test_file_contains (fixture->json_path, bk_counterpart_get_uuid (olga)));

  copy = open_second_journal (fixture, "copy.db");
  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 2);

  found = bk_counterpart_store_find (bk_journal_get_counterparts (copy), "Anna Petrova", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  anna_copy = g_ptr_array_index (found, 0);
  referrer = bk_counterpart_store_find (bk_journal_get_counterparts (copy), "Olga Mironova", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referrer->len, ==, 1);
  g_assert_cmpint (bk_counterpart_get_referred_by_id (anna_copy), ==,
                   bk_counterpart_get_id (g_ptr_array_index (referrer, 0)));
  g_assert_cmpstr (bk_counterpart_get_referred_by (anna_copy), ==, "Olga, at the conference");
  g_assert_cmpuint (bk_counterpart_get_keep_in_touch_days (anna_copy), ==, 45);

  /* a referrer named by an id that is nowhere: the name stays, no link */
  write_json (fixture, HEADER "[{\"name\":\"Boris\",\"referred_by\":\"Someone\","
                       "\"referred_by_id\":\"5f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\"}]}");
  import_ok (copy, fixture->json_file, &summary);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bk_counterpart_store_find (bk_journal_get_counterparts (copy), "Boris", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_referred_by_id (g_ptr_array_index (found, 0)), ==, 0);
  g_assert_cmpstr (bk_counterpart_get_referred_by (g_ptr_array_index (found, 0)), ==, "Someone");
}

/* fill_journal(), and credentials and changes of health for two of its counterparts */
static void
fill_access_data (BkJournal *journal)
{
  g_autoptr(BkCounterpart) maria = find_counterpart (journal, "Мария Иванова");
  g_autoptr(BkCounterpart) nur = find_counterpart (journal, "شركة النور");
  g_autoptr(BkCredential) hosting = NULL;
  g_autoptr(BkCredential) repo = NULL;
  g_autoptr(GDateTime) d1 = utc (2026, 2, 1, 9, 0);
  g_autoptr(GDateTime) d2 = utc (2026, 2, 3, 17, 15);
  g_autoptr(GError) error = NULL;

  hosting = bk_test_add_credential (journal, maria, "  Хостинг «Бегет» <b>  ", " maria ",
                                    "https://cp.example.ru/?a=1&b=2");
  repo = bk_test_add_credential (journal, maria, "Repository", "", "");
  bk_credential_store_set_state (bk_journal_get_credentials (journal), bk_credential_get_id (repo),
                                 BK_CREDENTIAL_STATE_HANDED_OVER, d1, &error);
  g_assert_no_error (error);
  g_object_unref (bk_test_add_credential (journal, nur, "Analytics", "nur@example.org", ""));

  /* two changes of health, through the triggers */
  bk_counterpart_set_health (maria, 4);
  bk_counterpart_store_save (bk_journal_get_counterparts (journal), maria, &error);
  g_assert_no_error (error);
  bk_counterpart_set_health (maria, 1);
  bk_counterpart_store_save (bk_journal_get_counterparts (journal), maria, &error);
  g_assert_no_error (error);

  /* the history's dates are the saves' "updated": give them fixed ones to compare */
  g_assert_true (bk_database_exec (bk_journal_get_database (journal),
                                   "UPDATE health_history SET changed = changed - 86400 * 3"
                                   " WHERE health = 4",
                                   &error));
  g_assert_no_error (error);
  (void) d2;
}

static void
test_v3_export (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  JsonObject *maria;
  JsonObject *zed;
  JsonArray *credentials;
  JsonObject *credential;
  JsonArray *history;

  fill_journal (fixture->journal);
  fill_access_data (fixture->journal);
  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error);
  g_assert_no_error (error);
  root = load_json (fixture->json_path);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==, BK_JSON_FORMAT_VERSION);

  maria = find_counterpart_object (root, "Мария Иванова");
  credentials = json_object_get_array_member (maria, "credentials");
  g_assert_cmpuint (json_array_get_length (credentials), ==, 2);

  /* in the order they were added, trimmed */
  credential = json_array_get_object_element (credentials, 0);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (credential, "id")));
  g_assert_cmpstr (json_object_get_string_member (credential, "label"), ==, "Хостинг «Бегет» <b>");
  g_assert_cmpstr (json_object_get_string_member (credential, "username"), ==, "maria");
  g_assert_cmpstr (json_object_get_string_member (credential, "url"), ==,
                   "https://cp.example.ru/?a=1&b=2");
  g_assert_cmpstr (json_object_get_string_member (credential, "state"), ==, "in-use");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (credential, "created"), "Z"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (credential, "updated"), "Z"));
  g_assert_true (json_object_get_null_member (credential, "state_changed"));
  /* the metadata only: there is no member for a secret */
  g_assert_cmpuint (json_object_get_size (credential), ==, 8);
  g_assert_false (json_object_has_member (credential, "secret"));
  g_assert_false (json_object_has_member (credential, "password"));

  credential = json_array_get_object_element (credentials, 1);
  g_assert_cmpstr (json_object_get_string_member (credential, "label"), ==, "Repository");
  g_assert_cmpstr (json_object_get_string_member (credential, "state"), ==, "handed-over");
  g_assert_cmpstr (json_object_get_string_member (credential, "state_changed"), ==,
                   "2026-02-01T09:00:00Z");

  /* oldest first: created with 2, then 4, then 1 */
  history = json_object_get_array_member (maria, "health_history");
  g_assert_cmpuint (json_array_get_length (history), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (history, 0), "health"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (history, 1), "health"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (history, 2), "health"), ==, 1);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_array_get_object_element (history, 0), "changed"), "Z"));

  /* a counterpart without credentials: an empty list, and the health it started with */
  zed = find_counterpart_object (root, "Zed <b>&amp;</b> 🚀");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zed, "credentials")), ==, 0);
  history = json_object_get_array_member (zed, "health_history");
  g_assert_cmpuint (json_array_get_length (history), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (history, 0), "health"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "changed"), ==,
                   json_object_get_string_member (zed, "created"));

  g_file_get_contents (fixture->json_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, SECRET));
}

static guint
count_history (BkJournal     *journal,
               BkCounterpart *counterpart)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint count;

  stmt = bk_database_prepare (bk_journal_get_database (journal),
                              "SELECT count(*) FROM health_history WHERE counterpart_id = ?1",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, bk_counterpart_get_id (counterpart));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static void
test_v3_round_trip (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BkPlaybookLibrary) library = load_test_playbooks (fixture);
  g_autoptr(BkJournal) copy = open_second_journal (fixture, "copy.db");
  g_autoptr(BkCounterpart) maria = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;

  fill_journal (fixture->journal);
  fill_playbook_data (fixture->journal, library);
  fill_access_data (fixture->journal);
  first = export_canonical (fixture, fixture->journal);

  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error);
  g_assert_no_error (error);
  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 3);
  g_assert_cmpuint (summary.credentials_added, ==, 3);
  g_assert_cmpuint (summary.credentials_skipped, ==, 0);

  /* the same ids, labels, states, dates, and exactly the same history of health */
  second = export_canonical (fixture, copy);
  g_assert_cmpstr (first, ==, second);
  maria = find_counterpart (copy, "Мария Иванова");
  g_assert_cmpuint (count_history (copy, maria), ==, 3);

  /* access in use counts among the open items: one credential in use for each, and the open
   * access item of the vendor */
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (copy), 0), ==, 2);
  g_assert_cmpuint (bk_open_item_store_count (bk_journal_get_open_items (copy), 0), ==, 3);
  credentials = bk_credential_store_list (bk_journal_get_credentials (copy), bk_counterpart_get_id (maria), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (credentials->len, ==, 2);
  g_assert_cmpint (bk_credential_get_state (g_ptr_array_index (credentials, 1)), ==,
                   BK_CREDENTIAL_STATE_HANDED_OVER);

  /* again: all skipped, nothing changes, no history is added twice */
  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  g_assert_cmpuint (summary.credentials_added, ==, 0);
  g_assert_cmpuint (summary.credentials_skipped, ==, 3);
  third = export_canonical (fixture, copy);
  g_assert_cmpstr (first, ==, third);
}

/* An older file: the counterpart's history starts with its health when it was created */
static void
test_v3_history_from_older_file (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) a = NULL;
  g_autoptr(BkCounterpart) b = NULL;
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;
  sqlite3_stmt *stmt;

  write_json (fixture,
              HEADER_2 "[{\"name\":\"A\",\"health\":4,\"created\":\"2025-06-01T08:00:00Z\"}]}");
  import_ok (fixture->journal, fixture->json_file, &summary);
  write_json (fixture,
              HEADER_3 "[{\"name\":\"B\",\"health\":2,\"created\":\"2025-06-01T08:00:00Z\","
              "\"health_history\":[{\"changed\":\"2025-07-01\",\"health\":5},"
              "{\"changed\":\"2025-06-01T08:00:00Z\",\"health\":3},"
              "{\"changed\":\"2025-08-01T00:00:00+03:00\",\"health\":2}]}]}");
  import_ok (fixture->journal, fixture->json_file, &summary);

  a = find_counterpart (fixture->journal, "A");
  b = find_counterpart (fixture->journal, "B");
  g_assert_cmpuint (count_history (fixture->journal, a), ==, 1);
  g_assert_cmpuint (count_history (fixture->journal, b), ==, 3);

  stmt = bk_database_prepare (bk_journal_get_database (fixture->journal),
                              "SELECT changed, health FROM health_history WHERE counterpart_id = ?1"
                              " ORDER BY changed",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, bk_counterpart_get_id (a));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1748764800);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 4);
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, bk_counterpart_get_id (b));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1748764800);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 3);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1751328000);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 5);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1753995600);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* A counterpart already in the journal gets the file's new credentials and keeps its own
 * history; one in the trash gets nothing. */
static void
test_v3_existing_counterpart (Fixture       *fixture,
                              gconstpointer  user_data)
{
  const char *no_tags[] = { NULL };
  g_autoptr(BkCounterpart) acme = add_counterpart (fixture->journal, "Acme", "",
                                                   BK_COUNTERPART_KIND_CLIENT,
                                                   BK_COUNTERPART_STATUS_ACTIVE, 3, no_tags);
  g_autoptr(BkCounterpart) gone = add_counterpart (fixture->journal, "Gone", "",
                                                   BK_COUNTERPART_KIND_CLIENT,
                                                   BK_COUNTERPART_STATUS_ENDED, 3, no_tags);
  g_autoptr(BkCredential) known = bk_test_add_credential (fixture->journal, acme, "Known", "", "");
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  BkImportSummary summary;
  BkCredential *imported;

  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (gone), TRUE,
                                    &error);
  g_assert_no_error (error);

  json = g_strdup_printf (HEADER_3 "[{\"id\":\"%s\",\"name\":\"Acme\","
                          "\"health_history\":[{\"changed\":\"2020-01-01\",\"health\":1}],"
                          "\"credentials\":[{\"id\":\"%s\",\"label\":\"Changed label\"},"
                          "{\"id\":\"" CREDENTIAL_ID_1 "\",\"label\":\" New \",\"state\":\"revoked\","
                          "\"created\":\"2026-01-01\",\"state_changed\":\"2026-01-05T10:00:00Z\"},"
                          "{\"label\":\"No id\",\"state\":\"in-use\","
                          "\"state_changed\":\"2026-01-05T10:00:00Z\"}]},"
                          "{\"id\":\"%s\",\"name\":\"Gone\","
                          "\"credentials\":[{\"id\":\"" CREDENTIAL_ID_2 "\",\"label\":\"x\"}]}]}",
                          bk_counterpart_get_uuid (acme), bk_credential_get_uuid (known),
                          bk_counterpart_get_uuid (gone));
  write_json (fixture, json);
  import_ok (fixture->journal, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_skipped, ==, 2);
  g_assert_cmpuint (summary.credentials_added, ==, 2);
  g_assert_cmpuint (summary.credentials_skipped, ==, 2);
  g_assert_cmpuint (count_history (fixture->journal, acme), ==, 1);
  g_assert_cmpuint (bk_test_query_int (fixture->journal,
                                       "SELECT count(*) FROM health_history WHERE health = 1"),
                    ==, 0);

  credentials = bk_credential_store_list (bk_journal_get_credentials (fixture->journal), bk_counterpart_get_id (acme),
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (credentials->len, ==, 3);
  g_assert_cmpstr (bk_credential_get_label (g_ptr_array_index (credentials, 0)), ==, "Known");
  imported = g_ptr_array_index (credentials, 1);
  g_assert_cmpstr (bk_credential_get_uuid (imported), ==, CREDENTIAL_ID_1);
  g_assert_cmpstr (bk_credential_get_label (imported), ==, "New");
  g_assert_cmpint (bk_credential_get_state (imported), ==, BK_CREDENTIAL_STATE_REVOKED);
  g_assert_cmpint (g_date_time_to_unix (bk_credential_get_created (imported)), ==, 1767225600);
  g_assert_cmpint (g_date_time_to_unix (bk_credential_get_updated (imported)), ==, 1767225600);
  g_assert_cmpint (g_date_time_to_unix (bk_credential_get_state_changed (imported)), ==,
                   1767607200);
  /* a date of a change of state means nothing while in use */
  imported = g_ptr_array_index (credentials, 2);
  g_assert_true (g_uuid_string_is_valid (bk_credential_get_uuid (imported)));
  g_assert_null (bk_credential_get_state_changed (imported));
  g_assert_cmpuint (bk_test_query_int (fixture->journal,
                                       "SELECT count(*) FROM credentials"
                                       " WHERE state_changed IS NOT NULL"),
                    ==, 1);
}

static void
test_issue_example (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "issue-example.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonNode) root = NULL;
  BkImportSummary summary;
  JsonObject *counterpart;
  JsonObject *note;
  JsonArray *tags;

  import_ok (fixture->journal, file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 1);
  g_assert_cmpuint (summary.notes_added, ==, 1);
  g_assert_cmpuint (summary.counterparts_skipped, ==, 0);
  g_assert_cmpuint (summary.notes_skipped, ==, 0);

  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, NULL);
  root = load_json (fixture->json_path);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "counterparts")), ==, 1);
  counterpart = get_counterpart (root, 0);
  g_assert_cmpstr (json_object_get_string_member (counterpart, "name"), ==, "…");
  g_assert_cmpstr (json_object_get_string_member (counterpart, "organization"), ==, "…");
  g_assert_cmpstr (json_object_get_string_member (counterpart, "kind"), ==, "client");
  g_assert_cmpstr (json_object_get_string_member (counterpart, "status"), ==, "active");
  g_assert_cmpint (json_object_get_int_member (counterpart, "health"), ==, 3);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (counterpart, "id")));
  tags = json_object_get_array_member (counterpart, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "…");

  /* a version 1 file: exported again as the current version, with nothing to add but the health the
   * counterpart started with */
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==, BK_JSON_FORMAT_VERSION);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (counterpart, "runs")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (counterpart, "credentials")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (counterpart, "health_history")), ==, 1);
  g_assert_cmpuint (summary.runs_added, ==, 0);
  g_assert_cmpuint (summary.credentials_added, ==, 0);

  note = get_note (counterpart, 0);
  g_assert_cmpstr (json_object_get_string_member (note, "created"), ==, "2026-01-02T10:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (note, "kind"), ==, "meeting");
  g_assert_cmpstr (json_object_get_string_member (note, "text"), ==, "…");
  g_assert_false (json_object_get_boolean_member (note, "private"));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (note, "id")));
}

static void
test_export_format (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) exported = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autofree char *contents = NULL;
  JsonObject *object;
  JsonArray *counterparts;
  JsonObject *maria;
  const char *order[] = { "Zed <b>&amp;</b> 🚀", "Мария Иванова", "شركة النور" };
  GStatBuf st;

  fill_journal (fixture->journal);
  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error);
  g_assert_no_error (error);

  /* Pretty-printed, and private: it holds private notes. */
  g_file_get_contents (fixture->json_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\" : \"bridgekeeper\",\n"));
  g_assert_cmpint (g_stat (fixture->json_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  root = load_json (fixture->json_path);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "bridgekeeper");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, BK_JSON_FORMAT_VERSION);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "exported"), "Z"));
  exported = g_date_time_new_from_iso8601 (json_object_get_string_member (object, "exported"),
                                           zone);
  g_assert_nonnull (exported);

  /* Not the trash; ordered by name (Latin, then Cyrillic, then Arabic). */
  counterparts = json_object_get_array_member (object, "counterparts");
  g_assert_cmpuint (json_array_get_length (counterparts), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (counterparts, i), "name"), ==, order[i]);

  /* Notes oldest first, trash left out, private kept, dates in UTC with a Z. */
  maria = NULL;
  for (guint i = 0; i < json_array_get_length (counterparts); i++)
    {
      JsonObject *counterpart = json_array_get_object_element (counterparts, i);

      if (g_strcmp0 (json_object_get_string_member (counterpart, "name"), "Мария Иванова") == 0)
        maria = counterpart;
    }
  g_assert_nonnull (maria);
  g_assert_cmpstr (json_object_get_string_member (maria, "kind"), ==, "client");
  g_assert_cmpstr (json_object_get_string_member (maria, "status"), ==, "at-risk");
  g_assert_cmpint (json_object_get_int_member (maria, "health"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (maria, "notes")), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (get_note (maria, 0), "created"), ==,
                   "2025-12-31T23:59:00Z");
  g_assert_cmpstr (json_object_get_string_member (get_note (maria, 0), "kind"), ==, "invoice");
  g_assert_cmpstr (json_object_get_string_member (get_note (maria, 1), "created"), ==,
                   "2026-01-02T10:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (get_note (maria, 2), "text"), ==,
                   "<b>bold</b> &amp; <i>not markup</i> &lt;");
  g_assert_cmpstr (json_object_get_string_member (get_note (maria, 3), "kind"), ==, "reflection");
  g_assert_true (json_object_get_boolean_member (get_note (maria, 3), "private"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (maria, "created"), "Z"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (maria, "updated"), "Z"));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(BkJournal) copy = open_second_journal (fixture, "copy.db");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *big = make_big_text ();
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;

  fill_journal (fixture->journal);
  first = export_canonical (fixture, fixture->journal);

  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error);
  g_assert_no_error (error);
  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 3);
  g_assert_cmpuint (summary.notes_added, ==, 5);
  g_assert_cmpuint (summary.counterparts_skipped, ==, 0);
  g_assert_cmpuint (summary.notes_skipped, ==, 0);

  /* Same ids, dates, texts, flags and order. */
  second = export_canonical (fixture, copy);
  g_assert_cmpstr (first, ==, second);

  /* The 1 MB note came through byte for byte. */
  g_assert_nonnull (strstr (second, "Привет, мир 😀 שלום <b>&amp;</b>"));
  g_assert_cmpuint (strlen (second), >, strlen (big));
}

static void
test_empty_journal (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BkJournal) copy = open_second_journal (fixture, "copy.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  BkImportSummary summary;

  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error);
  g_assert_no_error (error);
  root = load_json (fixture->json_path);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "counterparts")), ==, 0);

  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  g_assert_cmpuint (summary.notes_added, ==, 0);
}

static void
test_export_replaces (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *missing_path = g_build_filename (fixture->dir, "no-such-folder", "out.json",
                                                    NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  GFileInfo *info;

  write_json (fixture, "old contents");
  fill_journal (fixture->journal);
  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error);
  g_assert_no_error (error);
  root = load_json (fixture->json_path);

  /* No temporary file is left beside it. */
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, &error)))
    {
      const char *name = g_file_info_get_name (info);

      g_assert_true (g_str_has_prefix (name, "journal."));
      g_object_unref (info);
    }
  g_assert_no_error (error);

  /* A place that cannot be written to is an error that names it. */
  g_assert_false (bk_journal_export_json (fixture->journal, NULL, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "out.json"));
  g_assert_false (g_file_query_exists (missing, NULL));
}

/* Exporting to a link writes to its target (the link stays); partial files left by an export
 * that was killed are removed by the next one in that folder, not one still being written */
static void
test_export_link_and_leftovers (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *real = g_build_filename (fixture->dir, "exports", "journal-real.json", NULL);
  g_autofree char *exports = g_path_get_dirname (real);
  g_autofree char *link = g_build_filename (fixture->dir, "latest.json", NULL);
  g_autofree char *stale = g_build_filename (fixture->dir, ".latest.json.bridgekeeper-partial-Ab12Cd", NULL);
  g_autofree char *stale_beside_target = g_build_filename (exports, ".journal-real.json.bridgekeeper-partial-Zz99Yy", NULL);
  g_autofree char *fresh = g_build_filename (exports, ".journal-real.json.bridgekeeper-partial-Fr3sh0", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  struct utimbuf an_hour_ago;

  g_assert_cmpint (g_mkdir (exports, 0700), ==, 0);
  g_assert_true (g_file_set_contents (real, "old contents", -1, NULL));
  g_assert_cmpint (symlink ("exports/journal-real.json", link), ==, 0);

  /* left by a killed export an hour ago, and one being written now */
  an_hour_ago.actime = an_hour_ago.modtime = time (NULL) - 3600;
  g_assert_true (g_file_set_contents (stale, "{\"counterparts\": [", -1, NULL));
  g_assert_true (g_file_set_contents (stale_beside_target, "{\"counterparts\": [", -1, NULL));
  g_assert_cmpint (g_utime (stale_beside_target, &an_hour_ago), ==, 0);
  g_assert_cmpint (g_utime (stale, &an_hour_ago), ==, 0);
  g_assert_true (g_file_set_contents (fresh, "{\"counterparts\": [", -1, NULL));

  fill_journal (fixture->journal);
  bk_journal_export_json (fixture->journal, NULL, link_file, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  root = load_json (real);
  g_assert_nonnull (root);
  g_assert_false (g_file_test (stale_beside_target, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  /* (only the folder written to is tidied) */
  g_assert_true (g_file_test (stale, G_FILE_TEST_EXISTS));
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(JsonNode) root = NULL;
  BkImportSummary summary;
  JsonObject *counterpart;
  JsonObject *note;
  g_autoptr(GDateTime) before_s = NULL;

  /* Only the required members, some null; unknown members everywhere. */
  write_json (fixture,
              "{\"format\":\"bridgekeeper\",\"version\":1,\"colour\":\"blue\","
              " \"future\":{\"nested\":[1,2,{\"x\":null}]},"
              " \"counterparts\":[{\"name\":\"  Solo Trader  \",\"organization\":null,"
              "   \"mood\":\"sunny\",\"notes\":[{\"text\":\"just text\",\"attachments\":[]}]}]}");
  import_ok (fixture->journal, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 1);
  g_assert_cmpuint (summary.notes_added, ==, 1);
  after = g_date_time_new_now_utc ();

  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, NULL);
  root = load_json (fixture->json_path);
  counterpart = get_counterpart (root, 0);
  g_assert_cmpstr (json_object_get_string_member (counterpart, "name"), ==, "Solo Trader");
  g_assert_cmpstr (json_object_get_string_member (counterpart, "organization"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (counterpart, "kind"), ==, "client");
  g_assert_cmpstr (json_object_get_string_member (counterpart, "status"), ==, "active");
  g_assert_cmpint (json_object_get_int_member (counterpart, "health"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (counterpart, "tags")), ==, 0);
  g_assert_false (json_object_has_member (counterpart, "mood"));

  note = get_note (counterpart, 0);
  g_assert_cmpstr (json_object_get_string_member (note, "kind"), ==, "note");
  g_assert_cmpstr (json_object_get_string_member (note, "text"), ==, "just text");
  g_assert_false (json_object_get_boolean_member (note, "private"));
  created = g_date_time_new_from_iso8601 (json_object_get_string_member (note, "created"), zone);
  g_assert_nonnull (created);
  /* The journal may keep whole seconds only. */
  before_s = g_date_time_add_seconds (before, -1);
  g_assert_cmpint (g_date_time_compare (before_s, created), <=, 0);
  g_assert_cmpint (g_date_time_compare (created, after), <=, 0);
}

static void
test_dates (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(JsonNode) root = NULL;
  BkImportSummary summary;
  JsonObject *counterpart;

  write_json (fixture,
              HEADER "[{\"name\":\"Dates\","
              "  \"created\":\"2025-06-01\",\"updated\":\"2025-06-02T12:00:00-04:30\","
              "  \"notes\":[{\"created\":\"2026-01-02T13:00:00+03:00\",\"text\":\"offset\"},"
              "             {\"created\":\"2026-01-03\",\"text\":\"plain date\"},"
              "             {\"created\":\"2026-01-04T08:15:00\",\"text\":\"no zone\"}]}]}");
  import_ok (fixture->journal, fixture->json_file, &summary);

  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, NULL);
  root = load_json (fixture->json_path);
  counterpart = get_counterpart (root, 0);
  g_assert_cmpstr (json_object_get_string_member (counterpart, "created"), ==,
                   "2025-06-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (counterpart, "updated"), ==,
                   "2025-06-02T16:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (get_note (counterpart, 0), "created"), ==,
                   "2026-01-02T10:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (get_note (counterpart, 1), "created"), ==,
                   "2026-01-03T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (get_note (counterpart, 2), "created"), ==,
                   "2026-01-04T08:15:00Z");
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(BkJournal) copy = open_second_journal (fixture, "copy.db");
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *extra = NULL;
  g_autoptr(BkCounterpart) maria = NULL;
  BkImportSummary summary;
  const char *maria_id = NULL;
  JsonArray *counterparts;

  fill_journal (fixture->journal);
  bk_journal_export_json (fixture->journal, NULL, fixture->json_file, &error);
  g_assert_no_error (error);

  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 3);
  g_assert_cmpuint (summary.notes_added, ==, 5);
  once = export_canonical (fixture, copy);

  /* The same file again adds nothing. */
  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  g_assert_cmpuint (summary.notes_added, ==, 0);
  g_assert_cmpuint (summary.counterparts_skipped, ==, 3);
  g_assert_cmpuint (summary.notes_skipped, ==, 5);
  twice = export_canonical (fixture, copy);
  g_assert_cmpstr (once, ==, twice);
  g_assert_cmpuint (count_all_counterparts (copy), ==, 3);

  /* A new note for a counterpart already there goes to that counterpart. */
  root = load_json (fixture->json_path);
  counterparts = json_object_get_array_member (json_node_get_object (root), "counterparts");
  for (guint i = 0; i < json_array_get_length (counterparts); i++)
    {
      JsonObject *counterpart = json_array_get_object_element (counterparts, i);

      if (g_strcmp0 (json_object_get_string_member (counterpart, "name"), "Мария Иванова") == 0)
        maria_id = json_object_get_string_member (counterpart, "id");
    }
  g_assert_nonnull (maria_id);
  extra = g_strdup_printf (HEADER "[{\"id\":\"%s\",\"name\":\"Another name\","
                           "\"notes\":[{\"id\":\"%s\",\"text\":\"A new note\"}]}]}",
                           maria_id, "0d6f1a8e-2f6b-4c1e-9a57-3d1e0b9c7a11");
  write_json (fixture, extra);
  import_ok (copy, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  g_assert_cmpuint (summary.counterparts_skipped, ==, 1);
  g_assert_cmpuint (summary.notes_added, ==, 1);
  g_assert_cmpuint (count_all_counterparts (copy), ==, 3);
  maria = bk_counterpart_store_dup_by_uuid (bk_journal_get_counterparts (copy), maria_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_counterpart_get_name (maria), ==, "Мария Иванова");
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (copy), bk_counterpart_get_id (maria)), ==, 5);

  /* The same id twice in one file (in any case) is refused, naming both: the second would
   * be taken for the first */
  write_json (fixture,
              HEADER "[{\"id\":\"8b2c3f7a-1d44-4e0b-b6a2-7c1f9e2d3a55\",\"name\":\"Twice\"},"
              "        {\"id\":\"8B2C3F7A-1D44-4E0B-B6A2-7C1F9E2D3A55\",\"name\":\"Twice\","
              "         \"notes\":[{\"text\":\"to the first\"}]}]}");
  g_assert_false (bk_journal_import_json (copy, fixture->json_file, &summary, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "counterparts[1].id: the same id as counterparts[0]"));
  g_clear_error (&error);
  g_assert_cmpuint (count_all_counterparts (copy), ==, 3);
}

/* A counterpart in the trash keeps its uuid: the file's copy is skipped, with its notes (they
 * would land in the trash), and the import still succeeds. */
static void
test_trashed_counterpart (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *no_tags[] = { NULL };
  g_autoptr(BkCounterpart) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  BkImportSummary summary;
  guint n_counterparts;
  guint n_notes;

  gone = add_counterpart (fixture->journal, "In the trash", "", BK_COUNTERPART_KIND_CLIENT,
                          BK_COUNTERPART_STATUS_ENDED, 3, no_tags);
  bk_counterpart_store_set_trashed (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (gone), TRUE,
                                    &error);
  g_assert_no_error (error);
  n_counterparts = count_all_counterparts (fixture->journal);
  n_notes = count_all_notes (fixture->journal);

  json = g_strdup_printf (HEADER "[{\"id\":\"%s\",\"name\":\"In the trash\","
                          "\"notes\":[{\"text\":\"new\"}]},{\"name\":\"Fresh\"}]}",
                          bk_counterpart_get_uuid (gone));
  write_json (fixture, json);
  import_ok (fixture->journal, fixture->json_file, &summary);
  g_assert_cmpuint (summary.counterparts_added, ==, 1);
  g_assert_cmpuint (summary.counterparts_skipped, ==, 1);
  g_assert_cmpuint (summary.notes_added, ==, 0);
  g_assert_cmpuint (summary.notes_skipped, ==, 1);
  g_assert_cmpuint (count_all_counterparts (fixture->journal), ==, n_counterparts + 1);
  g_assert_cmpuint (count_all_notes (fixture->journal), ==, n_notes);
}

/* A write that fails half-way (here a trigger refuses one note) undoes the whole import. */
static void
test_failed_write_rolls_back (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;

  fill_journal (fixture->journal);
  bk_database_exec (bk_journal_get_database (fixture->journal),
                    "CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON main.notes"
                    " WHEN NEW.text = 'boom'"
                    " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                    &error);
  g_assert_no_error (error);

  take_snapshot (fixture, &before);
  write_json (fixture,
              HEADER "[{\"name\":\"First\",\"notes\":[{\"text\":\"fine\"}]},"
              "        {\"name\":\"Second\",\"notes\":[{\"text\":\"fine\"},{\"text\":\"boom\"}]}]}");
  g_assert_false (bk_journal_import_json (fixture->journal, fixture->json_file, &summary, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "journal.json"));
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  g_assert_cmpuint (summary.notes_added, ==, 0);
  take_snapshot (fixture, &after);
  assert_snapshots_equal (&before, &after, FALSE);
}

typedef struct
{
  const char *name;
  const char *json;
  const char *expected[3];
} RejectCase;

static const RejectCase reject_cases[] = {
  { "malformed",
    HEADER "[{\"name\":\"A\",}]}",
    { "journal.json:1:", NULL } },
  { "malformed-multiline",
    "{\n  \"format\": \"bridgekeeper\",\n  \"version\": 1\n  \"counterparts\": []\n}\n",
    { "journal.json:3:", NULL } },
  { "truncated",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"text\":\"cut",
    { "journal.json:1:", NULL } },
  { "empty-file",
    "",
    { "journal.json: ", "empty", NULL } },
  { "not-an-object",
    "[1, 2, 3]",
    { "journal.json: ", "object", NULL } },
  { "format-missing",
    "{\"version\":1,\"counterparts\":[]}",
    { "journal.json: ", "format", NULL } },
  { "format-wrong",
    "{\"format\":\"evernote\",\"version\":1,\"counterparts\":[]}",
    { "journal.json: format: ", "bridgekeeper", NULL } },
  { "version-5",
    "{\"format\":\"bridgekeeper\",\"version\":5,\"counterparts\":[]}",
    { "journal.json: ", "This file is format version 5; this version of Bridgekeeper reads up to 4.", NULL } },
  { "keep-in-touch-too-long",
    HEADER "[{\"name\":\"A\",\"keep_in_touch_days\":3651}]}",
    { "journal.json: counterparts[0].keep_in_touch_days: expected a whole number of days from 0 (none) to 3650.", NULL } },
  { "referrer-not-an-id",
    HEADER "[{\"name\":\"A\",\"referred_by_id\":\"Olga\"}]}",
    { "journal.json: counterparts[0].referred_by_id: “Olga” is not a valid id of a client or vendor.", NULL } },
  { "version-0",
    "{\"format\":\"bridgekeeper\",\"version\":0,\"counterparts\":[]}",
    { "journal.json: ", "format version 0", NULL } },
  { "version-string",
    "{\"format\":\"bridgekeeper\",\"version\":\"1\",\"counterparts\":[]}",
    { "journal.json: version: ", NULL } },
  { "version-fraction",
    "{\"format\":\"bridgekeeper\",\"version\":1.5,\"counterparts\":[]}",
    { "journal.json: version: ", NULL } },
  { "version-missing",
    "{\"format\":\"bridgekeeper\",\"counterparts\":[]}",
    { "journal.json: version: ", NULL } },
  { "counterparts-not-a-list",
    "{\"format\":\"bridgekeeper\",\"version\":1,\"counterparts\":{\"name\":\"A\"}}",
    { "journal.json: counterparts: ", NULL } },
  { "counterpart-not-an-object",
    HEADER "[{\"name\":\"A\"},\"B\"]}",
    { "journal.json: counterparts[1]: ", NULL } },
  { "name-missing",
    HEADER "[{\"name\":\"A\"},{\"organization\":\"B\"}]}",
    { "journal.json: counterparts[1].name: a name is required.", NULL } },
  { "name-empty",
    HEADER "[{\"name\":\"  \\t \"}]}",
    { "journal.json: counterparts[0].name: a name is required.", NULL } },
  { "name-wrong-type",
    HEADER "[{\"name\":42}]}",
    { "journal.json: counterparts[0].name: expected a string.", NULL } },
  { "organization-wrong-type",
    HEADER "[{\"name\":\"A\",\"organization\":[\"x\"]}]}",
    { "journal.json: counterparts[0].organization: ", NULL } },
  { "invalid-date",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"created\":\"2026-13-45\",\"text\":\"x\"}]}]}",
    { "journal.json: counterparts[0].notes[0].created: “2026-13-45” is not a valid date; "
      "use ISO 8601, for example 2026-01-02T10:00:00Z.", NULL } },
  { "invalid-plain-date",
    HEADER "[{\"name\":\"A\",\"created\":\"2026-02-30\"}]}",
    { "journal.json: counterparts[0].created: ", "2026-02-30", NULL } },
  { "invalid-updated",
    HEADER "[{\"name\":\"A\",\"updated\":\"yesterday\"}]}",
    { "journal.json: counterparts[0].updated: ", "yesterday", NULL } },
  { "invalid-kind",
    HEADER "[{\"name\":\"A\",\"kind\":\"partner\"}]}",
    { "journal.json: counterparts[0].kind: “partner” is not one of client, vendor.", NULL } },
  { "invalid-status",
    HEADER "[{\"name\":\"A\",\"status\":\"paused\"}]}",
    { "journal.json: counterparts[0].status: ", "paused", "winding-down" } },
  { "invalid-note-kind",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"kind\":\"lunch\",\"text\":\"x\"}]}]}",
    { "journal.json: counterparts[0].notes[0].kind: ", "lunch", "reflection" } },
  { "health-out-of-range",
    HEADER "[{\"name\":\"A\",\"health\":7}]}",
    { "journal.json: counterparts[0].health: ", "1", "5" } },
  { "health-zero",
    HEADER "[{\"name\":\"A\",\"health\":0}]}",
    { "journal.json: counterparts[0].health: ", NULL } },
  { "health-wrong-type",
    HEADER "[{\"name\":\"A\",\"health\":\"3\"}]}",
    { "journal.json: counterparts[0].health: ", NULL } },
  { "tags-string",
    HEADER "[{\"name\":\"A\",\"tags\":\"a, b\"}]}",
    { "journal.json: counterparts[0].tags: expected a list of strings.", NULL } },
  { "tags-numbers",
    HEADER "[{\"name\":\"A\",\"tags\":[\"a\",1]}]}",
    { "journal.json: counterparts[0].tags: expected a list of strings.", NULL } },
  { "notes-not-a-list",
    HEADER "[{\"name\":\"A\",\"notes\":{\"text\":\"x\"}}]}",
    { "journal.json: counterparts[0].notes: ", NULL } },
  { "note-not-an-object",
    HEADER "[{\"name\":\"A\",\"notes\":[\"just a string\"]}]}",
    { "journal.json: counterparts[0].notes[0]: ", NULL } },
  { "note-text-missing",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"kind\":\"call\"}]}]}",
    { "journal.json: counterparts[0].notes[0].text: ", NULL } },
  { "note-text-wrong-type",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"text\":true}]}]}",
    { "journal.json: counterparts[0].notes[0].text: expected a string.", NULL } },
  { "private-wrong-type",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"text\":\"x\",\"private\":\"yes\"}]}]}",
    { "journal.json: counterparts[0].notes[0].private: ", NULL } },
  { "invalid-id",
    HEADER "[{\"id\":\"not-a-uuid\",\"name\":\"A\"}]}",
    { "journal.json: counterparts[0].id: ", "not-a-uuid", NULL } },
  { "invalid-utf8",
    "{\n  \"format\": \"bridgekeeper\",\n  \"x\": \"ab\xff\xfe\"\n}\n",
    { "journal.json: Invalid UTF-8 at line 3, column 11.", NULL } },
  { "invalid-utf8-after-multibyte",
    HEADER "[{\"name\":\"Ёжик\xc3\"}]}",
    { "journal.json: Invalid UTF-8 at line 1, column 67.", NULL } },
  /* Version 2: runs, open items, check-ins */
  { "v2/runs-not-a-list",
    HEADER_2 "[{\"name\":\"A\",\"runs\":{}}]}",
    { "journal.json: counterparts[0].runs: expected a list of playbook runs.", NULL } },
  { "v2/run-not-an-object",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[1]}]}",
    { "journal.json: counterparts[0].runs[0]: ", NULL } },
  { "v2/run-playbook-missing",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"steps\":[\"a\"]}]}]}",
    { "journal.json: counterparts[0].runs[0].playbook: a run needs the id of its playbook.", NULL } },
  { "v2/run-steps-missing",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\"}]}]}",
    { "journal.json: counterparts[0].runs[0].steps: a run needs the ids of its steps.", NULL } },
  { "v2/run-steps-empty",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[]}]}]}",
    { "journal.json: counterparts[0].runs[0].steps: ", NULL } },
  { "v2/run-step-twice",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\",\"a\"]}]}]}",
    { "journal.json: counterparts[0].runs[0].steps[1]: “a” is listed twice.", NULL } },
  { "v2/run-step-comma",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a,b\"]}]}]}",
    { "journal.json: counterparts[0].runs[0].steps[0]: ", NULL } },
  { "v2/run-bad-reason",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"],"
    "\"reasons\":[\"capacity\",\"laziness\"]}]}]}",
    { "journal.json: counterparts[0].runs[0].reasons[1]: “laziness” is not one of non-payment, ",
      "mismatch, other.", NULL } },
  { "v2/run-bad-outcome",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"],"
    "\"ended\":\"2026-01-02\",\"outcome\":\"parted\"},"
    "{\"playbook\":\"p\",\"steps\":[\"a\"],\"ended\":\"2026-01-03\",\"outcome\":\"divorced\"}]}]}",
    { "journal.json: counterparts[0].runs[1].outcome: “divorced” is not one of continued, "
      "outsourced, third-party, referred, parted.", NULL } },
  { "v2/run-ended-without-outcome",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"],"
    "\"ended\":\"2026-01-02\"}]}]}",
    { "journal.json: counterparts[0].runs[0].outcome: a run that ended needs an outcome", NULL } },
  { "v2/run-outcome-without-end",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"],"
    "\"outcome\":\"parted\"}]}]}",
    { "journal.json: counterparts[0].runs[0].outcome: only a run that ended has an outcome", NULL } },
  { "v2/run-bad-started",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"],"
    "\"started\":\"soon\"}]}]}",
    { "journal.json: counterparts[0].runs[0].started: “soon” is not a valid date", NULL } },
  { "v2/two-runs-in-progress",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"]},"
    "{\"playbook\":\"q\",\"steps\":[\"b\"],\"ended\":null}]}]}",
    { "journal.json: counterparts[0].runs[1]: counterparts[0].runs[0] is in progress already", NULL } },
  { "v2/step-state-unknown-step",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"],"
    "\"step_states\":[{\"step\":\"z\",\"state\":\"done\"}]}]}]}",
    { "journal.json: counterparts[0].runs[0].step_states[0].step: “z” is not one of this run’s “steps”.", NULL } },
  { "v2/step-state-open",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"],"
    "\"step_states\":[{\"step\":\"a\",\"state\":\"open\"}]}]}]}",
    { "journal.json: counterparts[0].runs[0].step_states[0].state: “open” is not one of done, skipped.", NULL } },
  { "v2/step-state-twice",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"playbook\":\"p\",\"steps\":[\"a\"],"
    "\"step_states\":[{\"step\":\"a\",\"state\":\"done\"},{\"step\":\"a\",\"state\":\"skipped\"}]}]}]}",
    { "journal.json: counterparts[0].runs[0].step_states[1].step: ", NULL } },
  { "v2/open-item-description-missing",
    HEADER_2 "[{\"name\":\"A\",\"open_items\":[{\"amount\":5}]}]}",
    { "journal.json: counterparts[0].open_items[0].description: an open item needs a description.", NULL } },
  { "v2/open-item-negative-amount",
    HEADER_2 "[{\"name\":\"A\",\"open_items\":[{\"description\":\"x\",\"amount\":-5}]}]}",
    { "journal.json: counterparts[0].open_items[0].amount: ", NULL } },
  { "v2/open-item-fraction-amount",
    HEADER_2 "[{\"name\":\"A\",\"open_items\":[{\"description\":\"x\",\"amount\":12.5}]}]}",
    { "journal.json: counterparts[0].open_items[0].amount: ", NULL } },
  { "v2/open-item-bad-currency",
    HEADER_2 "[{\"name\":\"A\",\"open_items\":[{\"description\":\"x\",\"currency\":\"euro\"}]}]}",
    { "journal.json: counterparts[0].open_items[0].currency: “euro” is not a currency", NULL } },
  { "v2/open-item-bad-kind",
    HEADER_2 "[{\"name\":\"A\",\"open_items\":[{\"description\":\"x\",\"kind\":\"debt\"}]}]}",
    { "journal.json: counterparts[0].open_items[0].kind: “debt” is not one of invoice, ", NULL } },
  { "v2/checkin-due-missing",
    HEADER_2 "[{\"name\":\"A\",\"checkins\":[{\"done\":\"2026-01-01\"}]}]}",
    { "journal.json: counterparts[0].checkins[0].due: a check-in needs a due date.", NULL } },
  { "v2/checkin-unknown-run",
    HEADER_2 "[{\"name\":\"A\",\"runs\":[{\"id\":\"" RUN_ID_1 "\",\"playbook\":\"p\","
    "\"steps\":[\"a\"]}],\"checkins\":[{\"run\":\"" RUN_ID_2 "\",\"due\":\"2026-01-01\"}]}]}",
    { "journal.json: counterparts[0].checkins[0].run: ", RUN_ID_2, NULL } },
  { "v2/checkin-bad-done",
    HEADER_2 "[{\"name\":\"A\",\"checkins\":[{\"due\":\"2026-01-01\",\"done\":\"yes\"}]}]}",
    { "journal.json: counterparts[0].checkins[0].done: ", NULL } },
  { "v2/bad-entry-at-end",
    HEADER_2 "[{\"name\":\"One\",\"runs\":[{\"id\":\"" RUN_ID_1 "\",\"playbook\":\"p\","
    "\"steps\":[\"a\",\"b\"],\"step_states\":[{\"step\":\"a\",\"state\":\"done\"}]}],"
    "\"open_items\":[{\"description\":\"Invoice\",\"amount\":100,\"currency\":\"EUR\"}],"
    "\"checkins\":[{\"run\":\"" RUN_ID_1 "\",\"due\":\"2026-05-01\"}]},"
    "{\"name\":\"Two\",\"checkins\":[{\"due\":\"2026-05-01\",\"notified\":\"later\"}]}]}",
    { "journal.json: counterparts[1].checkins[0].notified: ", NULL } },
  /* Version 3: credentials (never a secret) and the history of health */
  { "v3/credentials-not-a-list",
    HEADER_3 "[{\"name\":\"A\",\"credentials\":{\"label\":\"x\"}}]}",
    { "journal.json: counterparts[0].credentials: expected a list of credentials.", NULL } },
  { "v3/credential-not-an-object",
    HEADER_3 "[{\"name\":\"A\",\"credentials\":[\"hunter2\"]}]}",
    { "journal.json: counterparts[0].credentials[0]: ", NULL } },
  { "v3/credential-label-missing",
    HEADER_3 "[{\"name\":\"A\",\"credentials\":[{\"username\":\"me\"}]}]}",
    { "journal.json: counterparts[0].credentials[0].label: a credential needs a label.", NULL } },
  { "v3/credential-label-blank",
    HEADER_3 "[{\"name\":\"A\",\"credentials\":[{\"label\":\" \\t \"}]}]}",
    { "journal.json: counterparts[0].credentials[0].label: a credential needs a label.", NULL } },
  { "v3/credential-bad-state",
    HEADER_3 "[{\"name\":\"A\",\"credentials\":[{\"label\":\"x\",\"state\":\"lost\"}]}]}",
    { "journal.json: counterparts[0].credentials[0].state: “lost” is not one of in-use, "
      "handed-over, revoked.", NULL } },
  { "v3/credential-bad-url",
    HEADER_3 "[{\"name\":\"A\",\"credentials\":[{\"label\":\"x\",\"url\":7}]}]}",
    { "journal.json: counterparts[0].credentials[0].url: expected a string.", NULL } },
  { "v3/credential-bad-state-changed",
    HEADER_3 "[{\"name\":\"A\",\"credentials\":[{\"label\":\"x\",\"state\":\"revoked\","
    "\"state_changed\":\"then\"}]}]}",
    { "journal.json: counterparts[0].credentials[0].state_changed: “then” is not a valid date", NULL } },
  { "v3/health-history-not-a-list",
    HEADER_3 "[{\"name\":\"A\",\"health_history\":3}]}",
    { "journal.json: counterparts[0].health_history: expected a list of health entries.", NULL } },
  { "v3/health-entry-without-date",
    HEADER_3 "[{\"name\":\"A\",\"health_history\":[{\"health\":3}]}]}",
    { "journal.json: counterparts[0].health_history[0].changed: a health entry needs a date.", NULL } },
  { "v3/health-entry-out-of-range",
    HEADER_3 "[{\"name\":\"A\",\"health_history\":[{\"changed\":\"2026-01-01\",\"health\":3},"
    "{\"changed\":\"2026-01-02\",\"health\":9}]}]}",
    { "journal.json: counterparts[0].health_history[1].health: 9 is out of range", NULL } },
  { "health-too-big",
    HEADER "[{\"name\":\"A\",\"health\":99999999999999999999999}]}",
    { "journal.json: counterparts[0].health: expected a whole number from 1 to 5.", NULL } },
  { "v3/health-entry-missing-health",
    HEADER_3 "[{\"name\":\"A\",\"health_history\":[{\"changed\":\"2026-01-01\"}]}]}",
    { "journal.json: counterparts[0].health_history[0].health: expected a whole number from 1 to 5.", NULL } },
  /* Everything before is fine: nothing of it may be imported. */
  { "bad-entry-at-end",
    HEADER "[{\"name\":\"One\",\"notes\":[{\"text\":\"1a\"},{\"text\":\"1b\"}]},"
    "{\"id\":\"5f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\",\"name\":\"Two\",\"notes\":[{\"text\":\"2a\"}]},"
    "{\"name\":\"Three\",\"kind\":\"vendor\",\"notes\":[]},"
    "{\"name\":\"Four\",\"notes\":[{\"text\":\"4a\"},{\"text\":\"4b\"},"
    "{\"text\":\"4c\",\"created\":\"2026-01-32T10:00:00Z\"}]}]}",
    { "journal.json: counterparts[3].notes[2].created: ", "2026-01-32T10:00:00Z", NULL } },
  /* a NUL would cut a name, a note or an id short without a word */
  { "nul-in-name",
    HEADER "[{\"name\":\"Anna\\u0000 Petrova\"}]}",
    { "journal.json: line 1, column 67: a text holds a NUL character (\\u0000)", NULL } },
  { "nul-in-note",
    HEADER "[{\"name\":\"A\",\n\"notes\":[{\"text\":\"paid\\u0000 in full\"}]}]}",
    { "journal.json: line 2, column 23: a text holds a NUL character", NULL } },
  { "nul-in-id",
    HEADER "[{\"id\":\"5f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\\u0000junk\",\"name\":\"A\"}]}",
    { "a text holds a NUL character", NULL } },
  /* half a character */
  { "lone-surrogate",
    HEADER "[{\"name\":\"A\\ud800B\"}]}",
    { "journal.json: line 1, column 64: \\uD800 is half of a character", NULL } },
  { "lone-low-surrogate",
    HEADER "[{\"name\":\"\\ud83d\\ude00 ok\"},{\"name\":\"\\udc00\"}]}",
    { "\\uDC00 is half of a character", NULL } },
  /* one id, two entries: the second would be taken for one the journal has */
  { "duplicate-id",
    HEADER "[{\"id\":\"5f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\",\"name\":\"A\"},"
    "{\"id\":\"5f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\",\"name\":\"B\"}]}",
    { "journal.json: counterparts[1].id: the same id as counterparts[0]", NULL } },
  { "duplicate-note-id",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"id\":\"6f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\",\"text\":\"x\"},"
    "{\"id\":\"6f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\",\"text\":\"y\"}]}]}",
    { "journal.json: counterparts[0].notes[1].id: the same id as counterparts[0].notes[0]", NULL } },
  /* one note id under two clients: the second would be left out as one the journal has */
  { "duplicate-note-id-across",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"id\":\"6f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\",\"text\":\"x\"}]},"
    "{\"name\":\"B\",\"notes\":[{\"id\":\"6f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5\",\"text\":\"y\"}]}]}",
    { "journal.json: counterparts[1].notes[0].id: the same id as counterparts[0].notes[0]", NULL } },
  /* an escape sequence is quoted as text, never sent to the terminal */
  { "escape-sequence-quoted",
    HEADER "[{\"name\":\"A\",\"notes\":[{\"created\":\"\\u001b[2J\\u001b[31mred\",\"text\":\"x\"}]}]}",
    { "“\\u001B[2J\\u001B[31mred” is not a valid date", NULL } },
};

/* Nesting deeper than any export is refused before the parser (which would recurse until it
 * crashed), with the journal unchanged */
static void
test_reject_deep_nesting (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *open = user_data;
  g_autoptr(GString) json = g_string_new (HEADER "[{\"name\":\"A\",\"notes\":");
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  g_autoptr(GError) error = NULL;
  guint depth = open[0] == '[' ? 75000 : 52000;

  for (guint i = 0; i < depth; i++)
    g_string_append (json, open);
  for (guint i = 0; i < depth; i++)
    g_string_append (json, open[0] == '[' ? "]" : "}");
  g_string_append (json, "}]}");

  fill_journal (fixture->journal);
  take_snapshot (fixture, &before);

  write_json (fixture, json->str);
  g_assert_false (bk_journal_import_json (fixture->journal, fixture->json_file, NULL, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nested deeper than any Bridgekeeper export"));

  take_snapshot (fixture, &after);
  assert_snapshots_equal (&before, &after, TRUE);
}

static void
test_reject (Fixture       *fixture,
             gconstpointer  user_data)
{
  const RejectCase *reject = user_data;
  g_autofree char *baseline = NULL;
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  g_autoptr(GError) error = NULL;
  BkImportSummary summary = { 1, 1, 1, 1 };

  fill_journal (fixture->journal);
  take_snapshot (fixture, &before);

  write_json (fixture, reject->json);
  g_assert_false (bk_journal_import_json (fixture->journal, fixture->json_file, &summary, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (reject->expected) && reject->expected[i] != NULL; i++)
    {
      if (strstr (error->message, reject->expected[i]) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, reject->expected[i]);
    }
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
  g_assert_cmpuint (summary.notes_added, ==, 0);

  take_snapshot (fixture, &after);
  assert_snapshots_equal (&before, &after, TRUE);
}

typedef struct
{
  guint added;
  guint other;
} ChangeCount;

static void
count_change_cb (BkStore     *store,
                 BkChange     change,
                 gint64       id,
                 gint64       counterpart_id,
                 ChangeCount *count)
{
  /* each row by its own id: never 0 for "several" */
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (counterpart_id, >, 0);

  if (change == BK_CHANGE_ADDED)
    count->added++;
  else
    count->other++;
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **done = user_data;

  *done = g_object_ref (result);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* bk_journal_import_json_async(), waited for: meanwhile the journal refuses writes at once */
static gboolean
import_in_thread (BkJournal        *journal,
                  GFile            *file,
                  BkImportSummary  *summary,
                  GError          **error)
{
  BkDatabase *database = bk_journal_get_database (journal);
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) busy = NULL;
  gint64 before = bk_counterpart_store_count (bk_journal_get_counterparts (journal));
  guint notified = 0;

  g_signal_connect (database, "notify::busy", G_CALLBACK (count_notify_cb), &notified);

  bk_journal_import_json_async (journal, file, NULL, on_imported_cb, &done);
  g_assert_true (bk_database_get_busy (database));
  g_assert_false (bk_database_begin (database, &busy));
  g_assert_error (busy, BK_DATABASE_ERROR, BK_DATABASE_ERROR_BUSY);

  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handlers_disconnect_by_data (database, &notified);
  g_assert_false (bk_database_get_busy (database));
  g_assert_cmpuint (notified, ==, 2);

  if (!bk_journal_import_json_finish (journal, done, summary, error))
    {
      /* all or nothing, and the journal takes writes again */
      g_assert_cmpint (bk_counterpart_store_count (bk_journal_get_counterparts (journal)), ==, before);
      g_assert_true (bk_database_begin (database, NULL));
      g_assert_true (bk_database_commit (database, NULL));
      return FALSE;
    }

  return TRUE;
}

/* A bad file, imported in a thread: nothing is added, and the message says what is wrong */
static void
test_import_in_thread_fails (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  BkImportSummary summary;

  write_json (fixture, HEADER_3 "[{\"name\":\"A\"},{\"name\":\"\"}]}");
  g_assert_false (import_in_thread (fixture->journal, fixture->json_file, &summary, &error));
  g_assert_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "counterparts[1]"));
  g_assert_cmpuint (summary.counterparts_added, ==, 0);
}

/* An import tells each row it adds, as the app's own writes do, once it has committed; in a
 * thread, the journal's own stores tell it when it is done. */
static void
test_changes_per_row (Fixture       *fixture,
                      gconstpointer  user_data)
{
  ChangeCount counterparts = { 0 };
  ChangeCount notes = { 0 };
  ChangeCount runs = { 0 };
  ChangeCount open_items = { 0 };
  ChangeCount checkins = { 0 };
  ChangeCount credentials = { 0 };
  BkImportSummary summary;

  g_signal_connect (bk_journal_get_counterparts (fixture->journal), "changed",
                    G_CALLBACK (count_change_cb), &counterparts);
  g_signal_connect (bk_journal_get_notes (fixture->journal), "changed",
                    G_CALLBACK (count_change_cb), &notes);
  g_signal_connect (bk_journal_get_runs (fixture->journal), "changed",
                    G_CALLBACK (count_change_cb), &runs);
  g_signal_connect (bk_journal_get_open_items (fixture->journal), "changed",
                    G_CALLBACK (count_change_cb), &open_items);
  g_signal_connect (bk_journal_get_checkins (fixture->journal), "changed",
                    G_CALLBACK (count_change_cb), &checkins);
  g_signal_connect (bk_journal_get_credentials (fixture->journal), "changed",
                    G_CALLBACK (count_change_cb), &credentials);

  write_json (fixture,
              HEADER_3 "[{\"name\":\"A\",\"notes\":[{\"text\":\"one\"},{\"text\":\"two\"}],"
              "\"runs\":[{\"id\":\"" RUN_ID_1 "\",\"playbook\":\"p\",\"steps\":[\"a\",\"b\"],"
              "\"step_states\":[{\"step\":\"a\",\"state\":\"done\"}],"
              "\"started\":\"2025-01-01\",\"ended\":\"2025-02-01\",\"outcome\":\"parted\"},"
              "{\"playbook\":\"p\",\"steps\":[\"a\"]}],"
              "\"open_items\":[{\"description\":\"d\"}],"
              "\"checkins\":[{\"run\":\"" RUN_ID_1 "\",\"due\":\"2025-03-01\"},"
              "{\"due\":\"2025-04-01\",\"done\":\"2025-04-02\"}],"
              "\"credentials\":[{\"label\":\"x\"},{\"label\":\"y\",\"state\":\"revoked\","
              "\"state_changed\":\"2025-05-01\"}],"
              "\"health_history\":[{\"changed\":\"2025-01-01\",\"health\":2}]},"
              "{\"name\":\"B\"}]}");
  if (user_data != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (import_in_thread (fixture->journal, fixture->json_file, &summary, &error));
      g_assert_no_error (error);
    }
  else
    {
      import_ok (fixture->journal, fixture->json_file, &summary);
    }
  g_assert_cmpuint (summary.counterparts_added, ==, 2);
  g_assert_cmpuint (summary.notes_added, ==, 2);
  g_assert_cmpuint (summary.runs_added, ==, 2);
  g_assert_cmpuint (summary.checkins_added, ==, 2);
  g_assert_cmpuint (summary.credentials_added, ==, 2);

  /* a counterpart's new runs and history are part of its being added */
  g_assert_cmpuint (counterparts.added, ==, 2);
  g_assert_cmpuint (counterparts.other, ==, 0);
  g_assert_cmpuint (notes.added, ==, 2);
  g_assert_cmpuint (runs.added, ==, 2);
  g_assert_cmpuint (open_items.added, ==, 1);
  g_assert_cmpuint (checkins.added, ==, 2);
  g_assert_cmpuint (credentials.added, ==, 2);
  g_assert_cmpuint (notes.other + runs.other + open_items.other + checkins.other +
                    credentials.other, ==, 0);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (bk_journal_import_json (fixture->journal, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/json/import/issue-example", test_issue_example);
  ADD ("/json/import/defaults-and-unknown-members", test_defaults);
  ADD ("/json/import/dates", test_dates);
  ADD ("/json/import/duplicates", test_duplicates);
  ADD ("/json/import/trashed-counterpart", test_trashed_counterpart);
  ADD ("/json/import/missing-file", test_missing_file);
  ADD ("/json/import/failed-write-rolls-back", test_failed_write_rolls_back);
  ADD ("/json/import/changes-per-row", test_changes_per_row);
  g_test_add ("/json/import/in-thread", Fixture, "in thread", fixture_set_up, test_changes_per_row, fixture_tear_down);
  ADD ("/json/import/in-thread-fails", test_import_in_thread_fails);
  ADD ("/json/export/format", test_export_format);
  ADD ("/json/export/empty-journal", test_empty_journal);
  ADD ("/json/export/replaces-atomically", test_export_replaces);
  ADD ("/json/export/link-and-leftovers", test_export_link_and_leftovers);
  ADD ("/json/round-trip", test_round_trip);
  ADD ("/json/v2/export", test_v2_export);
  ADD ("/json/v2/round-trip", test_v2_round_trip);
  ADD ("/json/v2/existing-counterpart", test_v2_existing_counterpart);
  ADD ("/json/v2/trashed-counterpart", test_v2_trashed_counterpart);
  ADD ("/json/v2/run-without-id-twice", test_run_without_id_twice);
  ADD ("/json/import/note-id-of-another", test_note_id_of_another);
  ADD ("/json/v3/export", test_v3_export);
  ADD ("/json/v3/round-trip", test_v3_round_trip);
  ADD ("/json/v4/round-trip", test_v4_round_trip);
  ADD ("/json/v3/history-from-older-file", test_v3_history_from_older_file);
  ADD ("/json/v3/existing-counterpart", test_v3_existing_counterpart);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (reject_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/reject/%s", reject_cases[i].name);

      g_test_add (path, Fixture, &reject_cases[i], fixture_set_up, test_reject, fixture_tear_down);
    }
  g_test_add ("/json/reject/deep-arrays", Fixture, "[", fixture_set_up, test_reject_deep_nesting,
              fixture_tear_down);
  g_test_add ("/json/reject/deep-objects", Fixture, "{\"a\":", fixture_set_up,
              test_reject_deep_nesting, fixture_tear_down);

  return g_test_run ();
}

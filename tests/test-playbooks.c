/* test-playbooks.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bk-playbook-library.h"
#include "bk-test-journal.h"

static const char * const shipped_ids[] = {
  "talk-it-through", "part-ways", "outsource", "third-party", "referral", "reflect", NULL,
};

/* Every text of a playbook, for both kinds of counterpart, into @texts */
static void
collect_texts (BkPlaybook *playbook,
               GHashTable *texts)
{
  g_hash_table_add (texts, g_strdup (bk_playbook_get_name (playbook)));

  for (BkCounterpartKind kind = BK_COUNTERPART_KIND_CLIENT; kind <= BK_COUNTERPART_KIND_VENDOR; kind++)
    {
      g_hash_table_add (texts, g_strdup (bk_playbook_get_summary (playbook, kind)));

      /* every answer to every question: some whys are for some answers only */
      for (guint combination = 0; combination < 243 /* 3^BK_N_QUESTIONS */; combination++)
        {
          BkAnswer answers[BK_N_QUESTIONS];

          for (guint q = 0, rest = combination; q < BK_N_QUESTIONS; q++, rest /= BK_N_ANSWERS)
            answers[q] = rest % BK_N_ANSWERS;

          for (BkReason reason = 0; reason < BK_N_REASONS; reason++)
            {
              const char *why = bk_playbook_get_why (playbook, reason, answers, kind);

              if (why != NULL)
                g_hash_table_add (texts, g_strdup (why));
            }
        }

      for (guint i = 0; i < bk_playbook_get_n_steps (playbook); i++)
        {
          g_hash_table_add (texts, g_strdup (bk_playbook_get_step_title (playbook, i, kind)));
          g_hash_table_add (texts, g_strdup (bk_playbook_get_step_description (playbook, i, kind)));
        }
    }
}

static void
assert_shipped_library (BkPlaybookLibrary *library)
{
  GListModel *model = G_LIST_MODEL (library);

  g_assert_true (g_list_model_get_item_type (model) == BK_TYPE_PLAYBOOK);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_strv_length ((char **) shipped_ids));
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));

  for (guint i = 0; shipped_ids[i] != NULL; i++)
    {
      g_autoptr(BkPlaybook) playbook = g_list_model_get_item (model, i);
      g_autoptr(GHashTable) step_ids = g_hash_table_new (g_str_hash, g_str_equal);
      const char * const *ids = bk_playbook_get_step_ids (playbook);
      guint n_steps = bk_playbook_get_n_steps (playbook);

      /* in the order of their "order" attribute */
      g_assert_cmpstr (bk_playbook_get_id (playbook), ==, shipped_ids[i]);
      g_assert_true (bk_playbook_library_lookup (library, shipped_ids[i]) == playbook);

      g_assert_cmpuint (n_steps, >=, 4);
      g_assert_cmpuint (n_steps, <=, 8);
      g_assert_cmpuint (g_strv_length ((char **) ids), ==, n_steps);
      g_assert_nonnull (bk_playbook_get_name (playbook));
      g_assert_true (g_str_has_suffix (bk_playbook_get_icon_name (playbook), "-symbolic"));

      for (guint step = 0; step < n_steps; step++)
        {
          const char *id = bk_playbook_get_step_id (playbook, step);

          g_assert_cmpstr (ids[step], ==, id);
          g_assert_true (g_hash_table_add (step_ids, (gpointer) id));
          g_assert_cmpint (bk_playbook_find_step (playbook, id), ==, step);

          for (BkCounterpartKind kind = BK_COUNTERPART_KIND_CLIENT; kind <= BK_COUNTERPART_KIND_VENDOR; kind++)
            {
              g_assert_cmpstr (bk_playbook_get_step_title (playbook, step, kind), !=, "");
              g_assert_cmpstr (bk_playbook_get_step_description (playbook, step, kind), !=, "");
            }
        }

      g_assert_cmpint (bk_playbook_find_step (playbook, "no-such-step"), ==, -1);
    }

  g_assert_null (bk_playbook_library_lookup (library, "no-such-playbook"));
}

static void
test_load_directory (void)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  BkPlaybook *part_ways, *referral;

  assert_shipped_library (library);

  g_assert_cmpint (bk_playbook_get_outcome (bk_playbook_library_lookup (library, "talk-it-through")), ==, BK_OUTCOME_CONTINUED);
  g_assert_cmpint (bk_playbook_get_outcome (bk_playbook_library_lookup (library, "outsource")), ==, BK_OUTCOME_OUTSOURCED);
  g_assert_cmpint (bk_playbook_get_outcome (bk_playbook_library_lookup (library, "third-party")), ==, BK_OUTCOME_THIRD_PARTY);
  g_assert_cmpint (bk_playbook_get_outcome (bk_playbook_library_lookup (library, "referral")), ==, BK_OUTCOME_REFERRED);

  /* the steps the app decorates with open items and access */
  part_ways = bk_playbook_library_lookup (library, "part-ways");
  g_assert_cmpint (bk_playbook_get_outcome (part_ways), ==, BK_OUTCOME_PARTED);
  g_assert_cmpstr (bk_playbook_get_step_role (part_ways, bk_playbook_find_step (part_ways, "settle")), ==, "open-items");
  g_assert_cmpstr (bk_playbook_get_step_role (part_ways, bk_playbook_find_step (part_ways, "access")), ==, "access");
  g_assert_null (bk_playbook_get_step_role (part_ways, 0));
  referral = bk_playbook_library_lookup (library, "referral");
  g_assert_cmpstr (bk_playbook_get_step_role (referral, bk_playbook_find_step (referral, "hand-over")), ==, "open-items");

  /* texts arrive with their white space normalised */
  g_assert_cmpstr (bk_playbook_get_name (part_ways), ==, "Part Ways Cleanly");
  g_assert_null (strchr (bk_playbook_get_summary (part_ways, BK_COUNTERPART_KIND_CLIENT), '\n'));
  g_assert_true (g_str_has_prefix (bk_playbook_get_summary (part_ways, BK_COUNTERPART_KIND_CLIENT), "Ending a work relationship isn’t “firing” anyone"));
}

static void
test_icons (void)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  const char *theme = "/usr/share/icons/Adwaita";
  const char * const subdirs[] = { "scalable", "symbolic", NULL };

  if (!g_file_test (theme, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The Adwaita icon theme is not installed");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BkPlaybook) playbook = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *file_name = g_strconcat (bk_playbook_get_icon_name (playbook), ".svg", NULL);
      gboolean found = FALSE;

      for (guint s = 0; subdirs[s] != NULL && !found; s++)
        {
          g_autofree char *path = g_build_filename (theme, subdirs[s], NULL);
          g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
          const char *context;

          while (dir != NULL && !found && (context = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *icon = g_build_filename (path, context, file_name, NULL);
              found = g_file_test (icon, G_FILE_TEST_EXISTS);
            }
        }

      if (!found)
        g_test_message ("%s: no icon %s in %s", bk_playbook_get_id (playbook), file_name, theme);
      g_assert_true (found);
    }
}

/* Compiles the playbooks the app's manifest lists into a resource bundle, as the build does,
 * and loads them from there. */
static void
test_load_resource (void)
{
  g_autofree char *manifest_path = g_build_filename (bk_test_source_root (), "data",
                                                     "bridgekeeper.gresource.xml", NULL);
  g_autofree char *data_dir = g_build_filename (bk_test_source_root (), "data", NULL);
  g_autofree char *compiler = g_find_program_in_path ("glib-compile-resources");
  g_autofree char *manifest = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *bundle_path = NULL;
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GResource) resource = NULL;
  g_autoptr(BkPlaybookLibrary) library = NULL;
  g_autoptr(BkPlaybookLibrary) from_directory = bk_test_load_shipped_playbooks ();

  if (compiler == NULL)
    {
      g_test_skip ("glib-compile-resources is not installed");
      return;
    }

  g_file_get_contents (manifest_path, &manifest, NULL, &error);
  g_assert_no_error (error);

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gresources>\n"
                        "<gresource prefix=\"" RESOURCE_PREFIX "\">\n");
  regex = g_regex_new ("<file>(playbooks/[a-z0-9-]+\\.playbook)</file>", 0, 0, &error);
  g_assert_no_error (error);
  for (g_regex_match (regex, manifest, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *file = g_match_info_fetch (match, 1);
      g_string_append_printf (xml, "<file>%s</file>\n", file);
    }
  g_string_append (xml, "</gresource>\n</gresources>\n");

  tmp = bk_test_make_tmp_dir ();
  xml_path = g_build_filename (tmp, "playbooks.gresource.xml", NULL);
  bundle_path = g_build_filename (tmp, "playbooks.gresource", NULL);
  g_file_set_contents (xml_path, xml->str, -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { compiler, "--sourcedir", data_dir, "--target", bundle_path, xml_path, NULL };

    g_free (bk_test_run_tool (argv));
  }

  resource = g_resource_load (bundle_path, &error);
  g_assert_no_error (error);
  g_resources_register (resource);

  /* the path the app uses, without and with a trailing slash */
  library = bk_playbook_library_new_from_resource (RESOURCE_PREFIX "/playbooks", &error);
  g_assert_no_error (error);
  assert_shipped_library (library);
  g_clear_object (&library);
  library = bk_playbook_library_new_from_resource (RESOURCE_PREFIX "/playbooks/", &error);
  g_assert_no_error (error);
  assert_shipped_library (library);

  /* the same texts as the source tree */
  for (guint i = 0; shipped_ids[i] != NULL; i++)
    {
      BkPlaybook *a = bk_playbook_library_lookup (library, shipped_ids[i]);
      BkPlaybook *b = bk_playbook_library_lookup (from_directory, shipped_ids[i]);

      g_assert_cmpstr (bk_playbook_get_summary (a, BK_COUNTERPART_KIND_VENDOR), ==,
                       bk_playbook_get_summary (b, BK_COUNTERPART_KIND_VENDOR));
      g_assert_cmpuint (bk_playbook_get_n_steps (a), ==, bk_playbook_get_n_steps (b));
    }

  g_resources_unregister (resource);
  g_clear_object (&library);
  library = bk_playbook_library_new_from_resource (RESOURCE_PREFIX "/playbooks", &error);
  g_assert_error (error, BK_PLAYBOOK_ERROR, BK_PLAYBOOK_ERROR_INVALID);
  g_assert_null (library);

  bk_test_remove_tree (tmp);
}

/* Recommendations */

/* "talked:yes can-work:no" as answers; the questions not named stay "not sure" */
static void
parse_answers (const char *text,
               BkAnswer    answers[BK_N_QUESTIONS])
{
  g_auto(GStrv) clauses = g_strsplit (text, " ", -1);

  for (guint q = 0; q < BK_N_QUESTIONS; q++)
    answers[q] = BK_ANSWER_UNSURE;

  for (guint i = 0; clauses[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (clauses[i], ":", 2);
      BkQuestion question;
      BkAnswer answer;

      if (clauses[i][0] == '\0')
        continue;
      g_assert_true (bk_question_from_string (parts[0], &question));
      g_assert_true (bk_answer_from_string (parts[1], &answer));
      answers[question] = answer;
    }
}

static GPtrArray *
recommend (BkPlaybookLibrary *library,
           const BkReason    *reasons,
           guint              n_reasons,
           const char        *answers_text,
           BkCounterpartKind  kind)
{
  BkAnswer answers[BK_N_QUESTIONS];

  parse_answers (answers_text, answers);

  return bk_playbook_library_recommend (library, reasons, n_reasons, answers, kind);
}

static void
assert_recommended (BkPlaybookLibrary  *library,
                    const BkReason     *reasons,
                    guint               n_reasons,
                    const char         *answers,
                    BkCounterpartKind   kind,
                    const char * const *expected)
{
  g_autoptr(GPtrArray) recommendations = recommend (library, reasons, n_reasons, answers, kind);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autofree char *want = g_strjoinv (" ", (char **) expected);

  for (guint i = 0; i < recommendations->len; i++)
    {
      BkRecommendation *recommendation = g_ptr_array_index (recommendations, i);

      g_assert_true (BK_IS_PLAYBOOK (recommendation->playbook));
      g_assert_nonnull (recommendation->why);
      g_assert_cmpstr (recommendation->why, !=, "");
      g_string_append_printf (got, "%s%s", i > 0 ? " " : "", bk_playbook_get_id (recommendation->playbook));
    }

  /* one string, so that a failure shows the whole order */
  g_assert_cmpstr (got->str, ==, want);
}

#define RECOMMENDS(kind, reasons, ...) \
  G_STMT_START { \
    const BkReason r_[] = { reasons }; \
    const char * const e_[] = { __VA_ARGS__, NULL }; \
    assert_recommended (library, r_, G_N_ELEMENTS (r_), "", kind, e_); \
  } G_STMT_END

#define COMMA ,

/* With no answer given (every question "not sure"), each problem alone */
static void
test_recommend_single (void)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();

  for (BkCounterpartKind kind = BK_COUNTERPART_KIND_CLIENT; kind <= BK_COUNTERPART_KIND_VENDOR; kind++)
    {
      /* the article: acknowledge, settle every open item, move on professionally */
      RECOMMENDS (kind, BK_REASON_NON_PAYMENT, "part-ways", "talk-it-through");
      RECOMMENDS (kind, BK_REASON_CONDUCT, "part-ways", "talk-it-through");
      RECOMMENDS (kind, BK_REASON_OVERSTATED_SKILLS, "part-ways", "talk-it-through");
      /* a fix may exist: talk it through first */
      RECOMMENDS (kind, BK_REASON_PERSONALITY, "talk-it-through", "third-party", "referral");
      RECOMMENDS (kind, BK_REASON_CAPACITY, "talk-it-through", "outsource", "referral");
      RECOMMENDS (kind, BK_REASON_MISMATCH, "talk-it-through", "referral", "outsource");
      RECOMMENDS (kind, BK_REASON_OTHER, "talk-it-through");
    }
}

static void
test_recommend_combined (void)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  const BkReason mixed[] = { BK_REASON_NON_PAYMENT, BK_REASON_PERSONALITY };
  g_autoptr(GPtrArray) recommendations = NULL;
  BkRecommendation *first;
  BkPlaybook *talk = bk_playbook_library_lookup (library, "talk-it-through");
  const BkCounterpartKind client = BK_COUNTERPART_KIND_CLIENT;

  RECOMMENDS (client, BK_REASON_NON_PAYMENT COMMA BK_REASON_CONDUCT COMMA BK_REASON_OVERSTATED_SKILLS,
              "part-ways", "talk-it-through");
  RECOMMENDS (client, BK_REASON_NON_PAYMENT COMMA BK_REASON_PERSONALITY,
              "talk-it-through", "part-ways", "third-party", "referral");
  RECOMMENDS (client, BK_REASON_PERSONALITY COMMA BK_REASON_CAPACITY,
              "talk-it-through", "outsource", "third-party", "referral");
  RECOMMENDS (client, BK_REASON_CAPACITY COMMA BK_REASON_MISMATCH,
              "talk-it-through", "outsource", "referral");
  RECOMMENDS (client, BK_REASON_CONDUCT COMMA BK_REASON_OTHER,
              "talk-it-through", "part-ways");
  RECOMMENDS (client, BK_REASON_NON_PAYMENT COMMA BK_REASON_CONDUCT COMMA BK_REASON_OVERSTATED_SKILLS COMMA
                      BK_REASON_PERSONALITY COMMA BK_REASON_CAPACITY COMMA BK_REASON_MISMATCH COMMA BK_REASON_OTHER,
              "talk-it-through", "part-ways", "outsource", "third-party", "referral");
  /* a reason picked twice gives no duplicates */
  RECOMMENDS (client, BK_REASON_PERSONALITY COMMA BK_REASON_PERSONALITY,
              "talk-it-through", "third-party", "referral");

  /* no reason at all counts as "something else": never empty */
  assert_recommended (library, NULL, 0, "", client, (const char * const[]) { "talk-it-through", NULL });

  /* the why is the one for the reason that put the playbook where it is */
  recommendations = bk_playbook_library_recommend (library, mixed, G_N_ELEMENTS (mixed), NULL, client);
  first = g_ptr_array_index (recommendations, 0);
  g_assert_true (first->playbook == talk);
  g_assert_cmpstr (first->why, ==, bk_playbook_get_why (talk, BK_REASON_PERSONALITY, NULL, client));
  g_assert_cmpstr (first->why, !=, bk_playbook_get_why (talk, BK_REASON_NON_PAYMENT, NULL, client));
}

/* The article's reasoning, case by case: a problem, the answers that change the way forward,
 * and the playbooks it then recommends, best first (see data/playbooks/README.md) */
typedef struct
{
  const char *name;
  BkReason    reason;
  const char *answers;
  const char *expected;
  /* a word the first playbook's why must hold, to show the answer was heard, or NULL */
  const char *why_holds;
} DecisionCase;

static const DecisionCase decision_cases[] = {
  /* non-payment, conduct and overstated skills: part ways cleanly, whatever the answers;
   * talk first only while there has been no talk and working together is still possible */
  { "non-payment", BK_REASON_NON_PAYMENT, "", "part-ways talk-it-through", NULL },
  { "non-payment-talked", BK_REASON_NON_PAYMENT, "talked:yes", "part-ways", NULL },
  { "conduct-cannot-work", BK_REASON_CONDUCT, "can-work:no", "part-ways", NULL },
  { "overstated-not-talked", BK_REASON_OVERSTATED_SKILLS, "talked:no worth-keeping:yes", "part-ways talk-it-through", NULL },
  /* personality: talk first; a third party when the work itself is not in question and you
   * are still the best fit; a referral when you are not, or cannot work together at all */
  { "personality", BK_REASON_PERSONALITY, "", "talk-it-through third-party referral", NULL },
  { "personality-work-fine", BK_REASON_PERSONALITY, "work-in-question:no talked:yes", "third-party referral", "doubts" },
  { "personality-work-doubted", BK_REASON_PERSONALITY, "work-in-question:yes", "talk-it-through referral", NULL },
  { "personality-talked", BK_REASON_PERSONALITY, "talked:yes", "third-party referral", NULL },
  { "personality-not-best-fit", BK_REASON_PERSONALITY, "best-fit:no talked:yes", "referral", "go-between" },
  { "personality-cannot-work", BK_REASON_PERSONALITY, "can-work:no", "referral part-ways", "can’t go on" },
  /* capacity and mismatch: outsource before a referral when the relationship is worth keeping
   * (one of the best fixes for a mismatch), not at all when it isn't */
  { "capacity", BK_REASON_CAPACITY, "", "talk-it-through outsource referral", NULL },
  { "capacity-worth-keeping", BK_REASON_CAPACITY, "worth-keeping:yes talked:yes", "outsource referral", "worth keeping" },
  { "capacity-not-worth-keeping", BK_REASON_CAPACITY, "worth-keeping:no", "talk-it-through referral", NULL },
  { "capacity-cannot-work", BK_REASON_CAPACITY, "can-work:no", "referral outsource part-ways", NULL },
  { "mismatch", BK_REASON_MISMATCH, "", "talk-it-through referral outsource", NULL },
  { "mismatch-worth-keeping", BK_REASON_MISMATCH, "worth-keeping:yes", "talk-it-through outsource referral", NULL },
  { "mismatch-not-worth-keeping", BK_REASON_MISMATCH, "worth-keeping:no talked:yes", "referral", NULL },
  { "mismatch-talked", BK_REASON_MISMATCH, "talked:yes", "referral outsource", NULL },
  { "mismatch-cannot-work", BK_REASON_MISMATCH, "can-work:no worth-keeping:yes", "referral outsource part-ways", NULL },
  /* something else: talk; once talked, a referral before talking again */
  { "other", BK_REASON_OTHER, "", "talk-it-through", NULL },
  { "other-talked", BK_REASON_OTHER, "talked:yes", "referral talk-it-through", NULL },
  { "other-cannot-work", BK_REASON_OTHER, "can-work:no", "referral part-ways", NULL },
};

static void
test_decision (gconstpointer data)
{
  const DecisionCase *decision = data;
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  g_auto(GStrv) expected = g_strsplit (decision->expected, " ", -1);

  for (BkCounterpartKind kind = BK_COUNTERPART_KIND_CLIENT; kind <= BK_COUNTERPART_KIND_VENDOR; kind++)
    {
      g_autoptr(GPtrArray) recommendations = NULL;
      BkRecommendation *first;

      assert_recommended (library, &decision->reason, 1, decision->answers, kind, (const char * const *) expected);

      recommendations = recommend (library, &decision->reason, 1, decision->answers, kind);
      first = g_ptr_array_index (recommendations, 0);
      if (decision->why_holds != NULL && strstr (first->why, decision->why_holds) == NULL)
        g_error ("“%s” does not hold “%s”", first->why, decision->why_holds);
    }
}

/* An answer changes the sentence of why, not only the order */
static void
test_recommend_why_follows_answers (void)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  BkPlaybook *third_party = bk_playbook_library_lookup (library, "third-party");
  BkPlaybook *outsource = bk_playbook_library_lookup (library, "outsource");
  BkAnswer unsure[BK_N_QUESTIONS] = { 0 };
  BkAnswer work_fine[BK_N_QUESTIONS] = { 0 };
  BkAnswer keep[BK_N_QUESTIONS] = { 0 };

  work_fine[BK_QUESTION_WORK_IN_QUESTION] = BK_ANSWER_NO;
  keep[BK_QUESTION_WORTH_KEEPING] = BK_ANSWER_YES;

  g_assert_cmpstr (bk_playbook_get_why (third_party, BK_REASON_PERSONALITY, unsure, BK_COUNTERPART_KIND_CLIENT), !=,
                   bk_playbook_get_why (third_party, BK_REASON_PERSONALITY, work_fine, BK_COUNTERPART_KIND_CLIENT));
  g_assert_cmpstr (bk_playbook_get_why (outsource, BK_REASON_MISMATCH, unsure, BK_COUNTERPART_KIND_CLIENT), !=,
                   bk_playbook_get_why (outsource, BK_REASON_MISMATCH, keep, BK_COUNTERPART_KIND_CLIENT));
  g_assert_cmpstr (bk_playbook_get_why (outsource, BK_REASON_MISMATCH, keep, BK_COUNTERPART_KIND_CLIENT), !=,
                   bk_playbook_get_why (outsource, BK_REASON_MISMATCH, keep, BK_COUNTERPART_KIND_VENDOR));
  /* NULL is every question "not sure" */
  g_assert_cmpstr (bk_playbook_get_why (outsource, BK_REASON_MISMATCH, NULL, BK_COUNTERPART_KIND_CLIENT), ==,
                   bk_playbook_get_why (outsource, BK_REASON_MISMATCH, unsure, BK_COUNTERPART_KIND_CLIENT));
}

static void
test_recommend_why (void)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  BkPlaybook *part_ways = bk_playbook_library_lookup (library, "part-ways");
  BkPlaybook *referral = bk_playbook_library_lookup (library, "referral");
  BkPlaybook *reflect = bk_playbook_library_lookup (library, "reflect");
  BkPlaybook *third_party = bk_playbook_library_lookup (library, "third-party");
  const BkReason payment[] = { BK_REASON_NON_PAYMENT };
  g_autoptr(GPtrArray) for_client = bk_playbook_library_recommend (library, payment, 1, NULL, BK_COUNTERPART_KIND_CLIENT);
  g_autoptr(GPtrArray) for_vendor = bk_playbook_library_recommend (library, payment, 1, NULL, BK_COUNTERPART_KIND_VENDOR);
  BkRecommendation *client_first = g_ptr_array_index (for_client, 0);
  BkRecommendation *vendor_first = g_ptr_array_index (for_vendor, 0);

  /* the article works both ways: a vendor is not asked to pay the person */
  g_assert_true (client_first->playbook == part_ways);
  g_assert_true (vendor_first->playbook == part_ways);
  g_assert_cmpstr (client_first->why, ==, bk_playbook_get_why (part_ways, BK_REASON_NON_PAYMENT, NULL, BK_COUNTERPART_KIND_CLIENT));
  g_assert_cmpstr (vendor_first->why, ==, bk_playbook_get_why (part_ways, BK_REASON_NON_PAYMENT, NULL, BK_COUNTERPART_KIND_VENDOR));
  g_assert_cmpstr (client_first->why, !=, vendor_first->why);
  g_assert_cmpstr (bk_playbook_get_summary (referral, BK_COUNTERPART_KIND_CLIENT), !=,
                   bk_playbook_get_summary (referral, BK_COUNTERPART_KIND_VENDOR));
  g_assert_cmpstr (bk_playbook_get_step_title (part_ways, bk_playbook_find_step (part_ways, "hand-over"), BK_COUNTERPART_KIND_CLIENT), !=,
                   bk_playbook_get_step_title (part_ways, bk_playbook_find_step (part_ways, "hand-over"), BK_COUNTERPART_KIND_VENDOR));
  /* where there is no vendor wording, both read the same */
  g_assert_cmpstr (bk_playbook_get_why (third_party, BK_REASON_PERSONALITY, NULL, BK_COUNTERPART_KIND_CLIENT), ==,
                   bk_playbook_get_why (third_party, BK_REASON_PERSONALITY, NULL, BK_COUNTERPART_KIND_VENDOR));

  /* reflecting is no way out: it is never recommended */
  for (BkReason reason = 0; reason < BK_N_REASONS; reason++)
    g_assert_cmpuint (bk_playbook_get_rank (reflect, reason, NULL), ==, 0);

  /* a playbook that doesn't fit says so */
  g_assert_cmpuint (bk_playbook_get_rank (third_party, BK_REASON_NON_PAYMENT, NULL), ==, 0);
  g_assert_null (bk_playbook_get_why (third_party, BK_REASON_NON_PAYMENT, NULL, BK_COUNTERPART_KIND_CLIENT));
  g_assert_null (bk_playbook_get_why (referral, BK_REASON_NON_PAYMENT, NULL, BK_COUNTERPART_KIND_VENDOR));
}

/* The app's description in software centres names every way out a playbook offers */
static void
test_metainfo_names_playbooks (void)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  g_autofree char *path = g_build_filename (bk_test_source_root (), "data",
                                            "io.github.bridgekeeper.Bridgekeeper.metainfo.xml.in.in", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  folded = g_utf8_strdown (contents, -1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BkPlaybook) playbook = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *name = g_utf8_strdown (bk_playbook_get_name (playbook), -1);

      /* (reflecting is no way out, and is named as what comes afterwards) */
      if (g_str_equal (bk_playbook_get_id (playbook), "reflect"))
        name = (g_free (name), g_strdup ("reflect"));
      if (strstr (folded, name) == NULL)
        g_error ("The metainfo description does not name “%s”", name);
    }
}

/* Invalid files */

#define STEP(id) "<step id=\"" id "\"><title>Title " id "</title><description>Do " id ".</description></step>"
#define FOUR_STEPS STEP ("a") STEP ("b") STEP ("c") STEP ("d")
#define HEAD "<playbook id=\"test\" outcome=\"continued\">\n<name>Test</name>\n<summary>A test.</summary>\n"

typedef struct
{
  const char *name;
  const char *contents;
  /* in the message besides the file name */
  const char *detail;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "not-xml", "This is not XML at all.", NULL },
  { "truncated", HEAD STEP ("a"), NULL },
  { "empty", "", NULL },
  { "missing-name", "<playbook id=\"test\" outcome=\"continued\"><summary>A test.</summary>" FOUR_STEPS "</playbook>", "<name>" },
  { "missing-summary", "<playbook id=\"test\" outcome=\"continued\"><name>Test</name>" FOUR_STEPS "</playbook>", "<summary>" },
  { "three-steps", HEAD STEP ("a") STEP ("b") STEP ("c") "</playbook>", "3 steps" },
  { "nine-steps", HEAD FOUR_STEPS STEP ("e") STEP ("f") STEP ("g") STEP ("h") STEP ("i") "</playbook>", "8" },
  { "duplicate-step", HEAD STEP ("a") STEP ("b") "\n" STEP ("a") STEP ("c") "</playbook>", "line 5" },
  { "unknown-reason", HEAD "<recommend reason=\"laziness\">Why.</recommend>" FOUR_STEPS "</playbook>", "laziness" },
  { "unknown-outcome", "<playbook id=\"test\" outcome=\"fired\"><name>Test</name></playbook>", "fired" },
  { "unknown-element", HEAD "<warning>Careful</warning>" FOUR_STEPS "</playbook>", "<warning>" },
  { "unknown-attribute", HEAD "<name lang=\"en\">Test</name>" FOUR_STEPS "</playbook>", "lang" },
  { "unknown-role", HEAD "<step id=\"x\" role=\"payments\"><title>T</title><description>D</description></step>" FOUR_STEPS "</playbook>", "payments" },
  { "unknown-counterpart", HEAD "<summary counterpart=\"partner\">A test.</summary>" FOUR_STEPS "</playbook>", "partner" },
  { "missing-id", "<playbook outcome=\"continued\"><name>Test</name></playbook>", "id" },
  { "bad-id", "<playbook id=\"Part Ways\" outcome=\"continued\"><name>Test</name></playbook>", "Part Ways" },
  { "two-names", HEAD "<name>Again</name>" FOUR_STEPS "</playbook>", "<name>" },
  { "empty-text", HEAD "<step id=\"x\"><title>  </title><description>D</description></step>" FOUR_STEPS "</playbook>", "<title>" },
  { "step-without-description", HEAD "<step id=\"x\"><title>T</title></step>" FOUR_STEPS "</playbook>", "<description>" },
  { "nested-markup", HEAD "<summary counterpart=\"vendor\">A <b>bold</b> test.</summary>" FOUR_STEPS "</playbook>", "text" },
  { "stray-text", HEAD "Hello" FOUR_STEPS "</playbook>", "Text" },
  { "wrong-root", "<interface><name>Test</name></interface>", "<playbook>" },
  { "step-outside", HEAD FOUR_STEPS "<title>T</title></playbook>", "<step>" },
  { "variant-only", HEAD "<recommend counterpart=\"vendor\">Why.</recommend>" FOUR_STEPS "</playbook>", "before it" },
  { "reason-on-variant", HEAD "<recommend reason=\"capacity\">Why.</recommend><recommend reason=\"capacity\" counterpart=\"vendor\">Why.</recommend>" FOUR_STEPS "</playbook>", "reason" },
  { "unknown-question", HEAD "<recommend reason=\"capacity\" when=\"mood:yes\">Why.</recommend>" FOUR_STEPS "</playbook>", "mood:yes" },
  { "unknown-answer", HEAD "<recommend reason=\"capacity\" when=\"talked:maybe\">Why.</recommend>" FOUR_STEPS "</playbook>", "maybe" },
  { "question-twice", HEAD "<recommend reason=\"capacity\" when=\"talked:yes talked:no\">Why.</recommend>" FOUR_STEPS "</playbook>", "talked" },
  { "rank-on-variant", HEAD "<recommend reason=\"capacity\">Why.</recommend><recommend reason=\"capacity\" counterpart=\"vendor\" rank=\"2\">Why.</recommend>" FOUR_STEPS "</playbook>", "rank" },
  { "bad-rank", HEAD "<recommend reason=\"capacity\" rank=\"10\">Why.</recommend>" FOUR_STEPS "</playbook>", "10" },
  { "variant-twice", HEAD "<recommend reason=\"capacity\">Why.</recommend><recommend counterpart=\"vendor\">A.</recommend><recommend counterpart=\"vendor\">B.</recommend>" FOUR_STEPS "</playbook>", "<recommend>" },
};

static void
assert_invalid_directory (const char *dir,
                          const char *file_name,
                          const char *detail)
{
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkPlaybookLibrary) library = NULL;

  library = bk_playbook_library_new_from_directory (directory, &error);
  g_assert_error (error, BK_PLAYBOOK_ERROR, BK_PLAYBOOK_ERROR_INVALID);
  g_assert_null (library);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, file_name));
  if (detail != NULL)
    g_assert_nonnull (strstr (error->message, detail));
}

static void
test_invalid (void)
{
  g_autofree char *tmp = bk_test_make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autofree char *dir = g_build_filename (tmp, c->name, NULL);
      g_autofree char *file_name = g_strconcat (c->name, ".playbook", NULL);

      g_test_message ("case %s", c->name);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      /* a good playbook beside it does not hide the bad one */
      bk_test_write_file (dir, "good.playbook",
                          "<playbook id=\"good\" outcome=\"parted\"><name>Good</name>"
                          "<summary>Fine.</summary>" FOUR_STEPS "</playbook>");
      bk_test_write_file (dir, file_name, c->contents);
      assert_invalid_directory (dir, file_name, c->detail);
    }

  bk_test_remove_tree (tmp);
}

static void
test_invalid_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = bk_test_make_tmp_dir ();
  g_autofree char *empty = g_build_filename (tmp, "empty", NULL);
  g_autofree char *twice = g_build_filename (tmp, "twice", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing", NULL);
  g_autoptr(GFile) missing_dir = g_file_new_for_path (missing);
  g_autoptr(BkPlaybookLibrary) library = NULL;

  /* a folder without playbooks: other files are not playbooks */
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  bk_test_write_file (empty, "README.md", "# Not a playbook\n");
  assert_invalid_directory (empty, empty, NULL);

  /* two files, one id */
  g_assert_cmpint (g_mkdir (twice, 0700), ==, 0);
  bk_test_write_file (twice, "one.playbook", HEAD FOUR_STEPS "</playbook>");
  bk_test_write_file (twice, "two.playbook", HEAD FOUR_STEPS "</playbook>");
  assert_invalid_directory (twice, "two.playbook", "“test”");

  library = bk_playbook_library_new_from_directory (missing_dir, &error);
  g_assert_nonnull (error);
  g_assert_null (library);

  bk_test_remove_tree (tmp);
}

static void
test_parse_details (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BkPlaybook) playbook = NULL;
  g_autoptr(GError) error = NULL;
  static const char contents[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment -->\n"
    "<playbook id=\"test\" outcome=\"referred\">\n"
    "  <name>\n    Test\t name  </name>\n"
    "  <summary>Line one,\n      line   two &amp; “three”.</summary>\n"
    "  <summary counterpart=\"client\">For a client.</summary>\n"
    "  <recommend reason=\"mismatch\" when=\"talked:yes can-work:no,unsure\" rank=\"2\">Why, talked.</recommend>\n"
    "  <recommend reason=\" capacity   mismatch \" rank=\"4\">Why.</recommend>\n"
    "  <recommend counterpart=\"vendor\">Why, vendor.</recommend>\n"
    "  " FOUR_STEPS "\n"
    "</playbook>\n";

  bytes = g_bytes_new_static (contents, strlen (contents));
  playbook = bk_playbook_new_from_bytes (bytes, "test.playbook", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (bk_playbook_get_name (playbook), ==, "Test name");
  g_assert_cmpstr (bk_playbook_get_summary (playbook, BK_COUNTERPART_KIND_VENDOR), ==, "Line one, line two & “three”.");
  g_assert_cmpstr (bk_playbook_get_summary (playbook, BK_COUNTERPART_KIND_CLIENT), ==, "For a client.");
  g_assert_cmpstr (bk_playbook_get_icon_name (playbook), ==, "view-list-ordered-symbolic");
  g_assert_cmpint (bk_playbook_get_order (playbook), ==, 0);
  g_assert_cmpint (bk_playbook_get_outcome (playbook), ==, BK_OUTCOME_REFERRED);
  g_assert_cmpuint (bk_playbook_get_rank (playbook, BK_REASON_CAPACITY, NULL), ==, 4);
  g_assert_cmpuint (bk_playbook_get_rank (playbook, BK_REASON_MISMATCH, NULL), ==, 4);
  g_assert_cmpuint (bk_playbook_get_rank (playbook, BK_REASON_OTHER, NULL), ==, 0);
  g_assert_cmpstr (bk_playbook_get_why (playbook, BK_REASON_MISMATCH, NULL, BK_COUNTERPART_KIND_CLIENT), ==, "Why.");
  g_assert_cmpstr (bk_playbook_get_why (playbook, BK_REASON_MISMATCH, NULL, BK_COUNTERPART_KIND_VENDOR), ==, "Why, vendor.");
  g_assert_cmpstr (bk_playbook_get_why (playbook, BK_REASON_CAPACITY, NULL, BK_COUNTERPART_KIND_VENDOR), ==, "Why, vendor.");
  g_assert_null (bk_playbook_get_why (playbook, BK_REASON_OTHER, NULL, BK_COUNTERPART_KIND_VENDOR));
  /* the first that fits the answers decides; the rest of them stay as given */
  {
    BkAnswer talked[BK_N_QUESTIONS] = { 0 };

    talked[BK_QUESTION_TALKED] = BK_ANSWER_YES;
    g_assert_cmpuint (bk_playbook_get_rank (playbook, BK_REASON_MISMATCH, talked), ==, 2);
    g_assert_cmpstr (bk_playbook_get_why (playbook, BK_REASON_MISMATCH, talked, BK_COUNTERPART_KIND_VENDOR), ==, "Why, talked.");
    g_assert_cmpuint (bk_playbook_get_rank (playbook, BK_REASON_CAPACITY, talked), ==, 4);
    talked[BK_QUESTION_CAN_WORK] = BK_ANSWER_YES;
    g_assert_cmpuint (bk_playbook_get_rank (playbook, BK_REASON_MISMATCH, talked), ==, 4);
  }
  g_assert_cmpstr (bk_playbook_get_step_title (playbook, 3, BK_COUNTERPART_KIND_VENDOR), ==, "Title d");
}

/* Translations: every text the app shows is in the template that po/ builds */

static char *
po_quote (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }

  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static GPtrArray *
list_playbook_files (void)
{
  g_autofree char *dir_path = g_build_filename (bk_test_source_root (), "data", "playbooks", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".playbook"))
      g_ptr_array_add (files, g_strdup (name));

  return files;
}

static void
test_translatable (void)
{
  g_autoptr(BkPlaybookLibrary) library = bk_test_load_shipped_playbooks ();
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) files = list_playbook_files ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *data_dir = g_build_filename (bk_test_source_root (), "data", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *pot_path = NULL;
  g_autofree char *pot = NULL;
  g_auto(GStrv) envp = NULL;
  GHashTableIter iter;
  const char *text;
  const char *p;
  guint n_extracted = 0;
  int status = 0;

  if (xgettext == NULL)
    {
      g_test_skip ("xgettext is not installed");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BkPlaybook) playbook = g_list_model_get_item (G_LIST_MODEL (library), i);
      collect_texts (playbook, texts);
    }

  tmp = bk_test_make_tmp_dir ();
  pot_path = g_build_filename (tmp, "playbooks.pot", NULL);

  /* What po/meson.build runs: GETTEXTDATADIRS finds data/its/ */
  g_ptr_array_add (argv, g_strdup (xgettext));
  g_ptr_array_add (argv, g_strdup ("--from-code=UTF-8"));
  g_ptr_array_add (argv, g_strdup ("--no-wrap"));
  g_ptr_array_add (argv, g_strdup ("--add-comments=Translators"));
  g_ptr_array_add (argv, g_strconcat ("--output=", pot_path, NULL));
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_build_filename ("data", "playbooks", g_ptr_array_index (files, i), NULL));
  g_ptr_array_add (argv, NULL);

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "GETTEXTDATADIRS", data_dir, TRUE);
  g_spawn_sync (bk_test_source_root (), (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_file_get_contents (pot_path, &pot, NULL, &error);
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
    {
      g_autofree char *quoted = po_quote (text);
      g_autofree char *entry = g_strdup_printf ("msgctxt \"playbook\"\nmsgid %s\n", quoted);

      if (strstr (pot, entry) == NULL)
        g_test_message ("Not in the template: %s", entry);
      g_assert_nonnull (strstr (pot, entry));
    }

  /* and nothing is extracted that the app never shows */
  for (p = pot; (p = strstr (p, "msgctxt \"playbook\"\n")) != NULL; p++)
    n_extracted++;
  g_assert_cmpuint (n_extracted, ==, g_hash_table_size (texts));

  bk_test_remove_tree (tmp);
}

/* Adding a playbook is adding a file, and two lines that are easy to forget */
static void
test_listed (void)
{
  g_autoptr(GPtrArray) files = list_playbook_files ();
  g_autofree char *potfiles_path = g_build_filename (bk_test_source_root (), "po", "POTFILES.in",
                                                     NULL);
  g_autofree char *manifest_path = g_build_filename (bk_test_source_root (), "data",
                                                     "bridgekeeper.gresource.xml", NULL);
  g_autofree char *potfiles = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (potfiles_path, &potfiles, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (manifest_path, &manifest, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (files->len, ==, g_strv_length ((char **) shipped_ids));
  for (guint i = 0; i < files->len; i++)
    {
      const char *name = g_ptr_array_index (files, i);
      g_autofree char *potfiles_line = g_strdup_printf ("\ndata/playbooks/%s\n", name);
      g_autofree char *manifest_line = g_strdup_printf ("<file>playbooks/%s</file>", name);

      g_test_message ("%s", name);
      g_assert_nonnull (strstr (potfiles, potfiles_line));
      g_assert_nonnull (strstr (manifest, manifest_line));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The texts as the files have them: no catalogue is bound here, and none may be picked up. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/playbooks/load/directory", test_load_directory);
  g_test_add_func ("/playbooks/load/resource", test_load_resource);
  g_test_add_func ("/playbooks/load/icons", test_icons);
  g_test_add_func ("/playbooks/load/details", test_parse_details);
  g_test_add_func ("/playbooks/load/invalid-files", test_invalid);
  g_test_add_func ("/playbooks/load/invalid-library", test_invalid_library);
  g_test_add_func ("/playbooks/recommend/single", test_recommend_single);
  g_test_add_func ("/playbooks/recommend/combined", test_recommend_combined);
  g_test_add_func ("/playbooks/recommend/why", test_recommend_why);
  g_test_add_func ("/playbooks/recommend/why-follows-answers", test_recommend_why_follows_answers);
  g_test_add_func ("/playbooks/metainfo-names-playbooks", test_metainfo_names_playbooks);
  for (guint i = 0; i < G_N_ELEMENTS (decision_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/playbooks/decision/%s", decision_cases[i].name);

      g_test_add_data_func (path, &decision_cases[i], test_decision);
    }
  g_test_add_func ("/playbooks/translatable", test_translatable);
  g_test_add_func ("/playbooks/listed", test_listed);

  return g_test_run ();
}

/* test-window.c: the main window, driven as a person would, under Xvfb.
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "bk-access-row.h"
#include "bk-access-view.h"
#include "bk-backups.h"
#include "bk-client-page.h"
#include "bk-counterpart-dialog.h"
#include "bk-counterpart-list.h"
#include "bk-credential-dialog.h"
#include "bk-credential-row.h"
#include "bk-date-button.h"
#include "bk-diagnosis-dialog.h"
#include "bk-end-run-dialog.h"
#include "bk-export-dialog.h"
#include "bk-feedback.h"
#include "bk-file-chooser.h"
#include "bk-followups-window.h"
#include "bk-format.h"
#include "bk-journal-json.h"
#include "bk-journal.h"
#include "bk-note-dialog.h"
#include "bk-note-row.h"
#include "bk-open-item-dialog.h"
#include "bk-playbook-library.h"
#include "bk-preferences-window.h"
#include "bk-print-operation.h"
#include "bk-reflect-dialog.h"
#include "bk-reflection-window.h"
#include "bk-resolution-view.h"
#include "bk-test-gui.h"
#include "bk-window.h"

typedef struct
{
  char      *dir;
  BkJournal *journal;
  BkPlaybookLibrary *playbooks;
  BkWindow  *window;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = NULL;

  fixture->dir = bk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->journal = bk_test_open_journal (path);

  fixture->playbooks = bk_test_load_shipped_playbooks ();
  fixture->window = g_object_ref_sink (bk_window_new (NULL, fixture->journal, fixture->playbooks));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 680);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (bk_test_wait_until (is_mapped, fixture->window, 5000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->playbooks);
  bk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static BkCounterpart *
add_counterpart (Fixture           *fixture,
                 const char        *name,
                 const char        *organization,
                 BkCounterpartKind  kind,
                 BkCounterpartStatus status)
{
  BkCounterpart *counterpart = bk_counterpart_new ();

  bk_counterpart_set_name (counterpart, name);
  bk_counterpart_set_organization (counterpart, organization);
  bk_counterpart_set_kind (counterpart, kind);
  bk_counterpart_set_status (counterpart, status);
  bk_test_save_counterpart (fixture->journal, counterpart);

  return counterpart;
}

static void
add_note (Fixture       *fixture,
          BkCounterpart *counterpart,
          BkNoteKind     kind,
          const char    *text,
          int            days_ago)
{
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = g_date_time_add_days (now, -days_ago);

  bk_note_set_counterpart_id (note, bk_counterpart_get_id (counterpart));
  bk_note_set_kind (note, kind);
  bk_note_set_text (note, text);
  bk_note_set_created (note, created);
  bk_test_save_note (fixture->journal, note);
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static gboolean
is_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (data));
}

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} WindowSize;

/* Whether the window is laid out at the size asked for it, give or take the frame that GTK
 * draws itself under Xvfb (no compositor) */
static gboolean
window_size_is (gpointer data)
{
  WindowSize *size = data;

  return ABS (gtk_widget_get_width (size->window) - size->width) <= 20 &&
         ABS (gtk_widget_get_height (size->window) - size->height) <= 20;
}

/* Resizes @window as a person would; the X server and then GTK's layout take their time. */
static void
resize_window (GtkWidget *window,
               int        width,
               int        height)
{
  WindowSize size = { window, width, height };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (bk_test_wait_until (window_size_is, &size, 5000));
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = bk_test_find_named (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (widget);
  return widget;
}

/* The sidebar's list in sight: a search's results, the whole list, or neither (NULL: "No
 * Results Found") */
static GtkListView *
shown_list (Fixture *fixture)
{
  GtkWidget *list = find (fixture, "counterpart-list");
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (list, GTK_TYPE_STACK));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "list") != 0)
    return NULL;

  if (gtk_widget_get_mapped (find (fixture, "result-list")))
    return GTK_LIST_VIEW (find (fixture, "result-list"));

  return GTK_LIST_VIEW (list);
}

/* How many the sidebar shows */
static guint
n_listed (Fixture *fixture)
{
  GtkListView *view = shown_list (fixture);

  if (view == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
}

static gboolean
is_russian (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
}

static void
shoot (Fixture    *fixture,
       const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, is_russian () ? "ru" : "en");
  g_autoptr(GError) error = NULL;

  /* (It waits until the window is drawn and holds still) */
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), file, &error);
  g_assert_no_error (error);
}

/* With no client yet, one page with one thing to do: no list, no search, no filter. */
static void
test_window_opens_empty (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  g_assert_true (gtk_widget_get_mapped (find (fixture, "first-run-page")));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "first-run-new-client")));
  g_assert_false (gtk_widget_get_mapped (find (fixture, "counterpart-list")));
  g_assert_false (gtk_widget_get_mapped (find (fixture, "search-entry")));
  g_assert_false (gtk_widget_get_mapped (find (fixture, "status-filter")));
  shoot (fixture, "first-run");
}

/* The two panes come with the first client and go with the last one. */
static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_first_run_follows_the_journal (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) only = add_counterpart (fixture, "Only Client", NULL,
                                                   BK_COUNTERPART_KIND_CLIENT,
                                                   BK_COUNTERPART_STATUS_ACTIVE);

  g_assert_true (bk_test_wait_until (is_unmapped, find (fixture, "first-run-page"), 2000));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "counterpart-list")));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "search-entry")));

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (only));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-client", NULL));
  g_assert_true (bk_test_wait_until (is_unmapped, find (fixture, "counterpart-list"), 2000));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "first-run-page")));
}

static BkCounterpartDialog *
open_new_client_dialog (Fixture *fixture)
{
  BkCounterpartDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-client", NULL));
  dialog = BK_COUNTERPART_DIALOG (bk_test_find_toplevel (BK_TYPE_COUNTERPART_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (bk_test_wait_until (is_mapped, dialog, 5000));

  return dialog;
}

static void
test_create_client_and_note (Fixture       *fixture,
                             gconstpointer  user_data)
{
  BkCounterpartDialog *dialog;
  GtkWidget *name_row;
  GtkWidget *composer;
  GtkLabel *title;
  BkClientPage *page;
  BkCounterpart *shown;

  /* An empty name is refused inline: the dialog stays, nothing is saved. */
  dialog = open_new_client_dialog (fixture);
  name_row = bk_test_find_named (GTK_WIDGET (dialog), "name-row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (bk_counterpart_store_count (bk_journal_get_counterparts (fixture->journal)), ==, 0);

  /* Markup-looking names show literally. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Анна <b>Смирнова</b> &amp;");
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "organization-row")), "Рога и копыта");
  /* Saved and closed at once: the journal is written on the main thread */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_null (bk_test_find_toplevel (BK_TYPE_COUNTERPART_DIALOG));
  g_assert_cmpuint (bk_counterpart_store_count (bk_journal_get_counterparts (fixture->journal)), ==, 1);
  g_assert_cmpuint (n_listed (fixture), ==, 1);

  page = BK_CLIENT_PAGE (bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_CLIENT_PAGE));
  shown = bk_client_page_get_counterpart (page);
  g_assert_nonnull (shown);
  g_assert_cmpstr (bk_counterpart_get_name (shown), ==, "Анна <b>Смирнова</b> &amp;");
  title = GTK_LABEL (find (fixture, "client-name"));
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Анна <b>Смирнова</b> &amp;");
  g_assert_false (gtk_label_get_use_markup (title));

  /* Once created, the client is written about: focus waits in the composer, not on Edit. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == find (fixture, "composer"));

  /* A note, through the composer and its action (Ctrl+Enter). */
  composer = find (fixture, "composer");
  gtk_widget_activate_action (composer, "page.add-note", NULL);
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (shown)), ==, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer)), "Позвонила, обсудили счёт 🧾 — שלום", -1);
  g_assert_true (gtk_widget_activate_action (composer, "page.add-note", NULL));
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (shown)), ==, 1);

  {
    GtkListView *timeline = GTK_LIST_VIEW (find (fixture, "timeline"));
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (timeline));
    g_autoptr(BkNote) note = g_list_model_get_item (model, 0);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer));

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpstr (bk_note_get_text (note), ==, "Позвонила, обсудили счёт 🧾 — שלום");
    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  }
}

static gboolean
listed_is (gpointer data)
{
  gpointer *args = data;

  return n_listed (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
type_search (Fixture    *fixture,
             const char *text,
             guint       expected)
{
  gpointer args[2] = { fixture, GUINT_TO_POINTER (expected) };

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "search-entry")), text);
  /* The search entry waits a moment for more typing before it searches. */
  g_assert_true (bk_test_wait_until (listed_is, args, 3000));
}

static void
test_search_filters_list (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) ivanov = add_counterpart (fixture, "Иван Петров", "ООО Ромашка", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCounterpart) acme = add_counterpart (fixture, "Jane Doe", "ACME Corp", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_AT_RISK);
  g_autoptr(BkCounterpart) print = add_counterpart (fixture, "PrintWorks", NULL, BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_ACTIVE);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (find (fixture, "counterpart-list"), GTK_TYPE_STACK));

  add_note (fixture, acme, BK_NOTE_KIND_INVOICE, "Invoice 42 is overdue by two weeks", 3);
  add_note (fixture, print, BK_NOTE_KIND_NOTE, "Договорились о скидке на печать", 1);

  g_assert_cmpuint (n_listed (fixture), ==, 3);
  type_search (fixture, "ива", 1);
  type_search (fixture, "ACME", 1);
  type_search (fixture, "overd", 1);      /* a prefix of a note's word */
  type_search (fixture, "СКИДК", 1);      /* Russian, other case */
  type_search (fixture, "nothing-like-this", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
  type_search (fixture, "", 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* The status filter */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status-filter")), 1 + BK_COUNTERPART_STATUS_AT_RISK);
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status-filter")), 0);
  g_assert_cmpuint (n_listed (fixture), ==, 3);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

/* *under_way: 0 before a search, 1 once one is under way with the list as it was (two rows),
 * 2 once it is over; -1 if the list changed before the search was seen under way */
static void
on_searching_cb (BkCounterpartList *list,
                 GParamSpec        *pspec,
                 int               *under_way)
{
  if (bk_counterpart_list_get_searching (list))
    *under_way = g_list_model_get_n_items (G_LIST_MODEL (list)) == 2 ? 1 : -1;
  else if (*under_way == 1)
    *under_way = 2;
}

static gboolean
is_search_done (gpointer data)
{
  return !bk_counterpart_list_get_searching (BK_COUNTERPART_LIST (data));
}

/* The sidebar's search results under their selection model */
static GListModel *
counterpart_list (Fixture *fixture)
{
  GtkListView *view = GTK_LIST_VIEW (find (fixture, "result-list"));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_list_view_get_model (view)));
}

/* Searching never makes the window wait: a query is sent off and the main loop goes on, the
 * list as it was until the results come back (a search on the main loop would never be seen
 * under way), and a newer query makes the older one's results never show. */
static void
test_search_never_blocks (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) jane = add_counterpart (fixture, "Jane Doe", "ACME Corp", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCounterpart) ivan = add_counterpart (fixture, "Иван Петров", NULL, BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  BkCounterpartList *list = BK_COUNTERPART_LIST (counterpart_list (fixture));
  guint changes = 0;
  int under_way = 0;

  add_note (fixture, ivan, BK_NOTE_KIND_INVOICE, "Клиент оплатил счёт №118", 2);
  add_note (fixture, jane, BK_NOTE_KIND_NOTE, "Asked about the ACME invoices", 1);
  g_assert_cmpuint (n_listed (fixture), ==, 2);

  /* typed: under way, the list unchanged until the answer (seen as it starts: a search of
   * three notes may be over before the next look) */
  g_signal_connect (list, "notify::searching", G_CALLBACK (on_searching_cb), &under_way);
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "search-entry")), "оплата");
  g_assert_true (bk_test_wait_until (listed_is, (gpointer[]) { fixture, GUINT_TO_POINTER (1) }, 10000));
  g_signal_handlers_disconnect_by_data (list, &under_way);
  g_assert_cmpint (under_way, ==, 2);
  {
    g_autoptr(BkCounterpart) found = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpint (bk_counterpart_get_id (found), ==, bk_counterpart_get_id (ivan));
    g_assert_nonnull (strstr (bk_counterpart_get_match_markup (found), "<b>оплатил</b>"));
  }

  /* two queries at once: only the newer one's results are ever shown */
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  bk_counterpart_list_set_query (list, "Иван");
  bk_counterpart_list_set_query (list, "invoice");
  g_assert_true (bk_counterpart_list_get_searching (list));
  g_assert_true (bk_test_wait_until (is_search_done, list, 10000));
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  {
    g_autoptr(BkCounterpart) found = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpint (bk_counterpart_get_id (found), ==, bk_counterpart_get_id (jane));
  }
  g_assert_cmpuint (changes, ==, 1);
  g_signal_handlers_disconnect_by_data (list, &changes);

  /* cleared: the whole list again, at once */
  bk_counterpart_list_set_query (list, "");
  g_assert_false (bk_counterpart_list_get_searching (list));
  g_assert_cmpuint (n_listed (fixture), ==, 2);
}

static gboolean
listed_more_than (gpointer data)
{
  gpointer *args = data;

  return n_listed (args[0]) > GPOINTER_TO_UINT (args[1]);
}

/* A long search's results come a page at a time as the list is scrolled to their end (not as
 * GTK's list asks for the items it keeps rows for: that would read them all, and build a row
 * for each, while a person types) */
static void
test_search_pages_as_scrolled (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkAdjustment *adjustment;
  guint listed;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %02u", i);
      g_autoptr(BkCounterpart) counterpart = add_counterpart (fixture, name, "Northwind Traders",
                                                              BK_COUNTERPART_KIND_CLIENT,
                                                              BK_COUNTERPART_STATUS_ACTIVE);
    }

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "search-entry")), "northwind");
  g_assert_true (bk_test_wait_until (listed_more_than, (gpointer[]) { fixture, GUINT_TO_POINTER (0) }, 5000));
  g_assert_true (bk_test_wait_still (GTK_WIDGET (fixture->window)));
  /* what fills the view and a little more, not all fifty */
  listed = n_listed (fixture);
  g_assert_cmpuint (listed, >=, 20);
  g_assert_cmpuint (listed, <, 50);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (find (fixture, "result-list"), GTK_TYPE_SCROLLED_WINDOW)));
  while (listed < 50)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      g_assert_true (bk_test_wait_until (listed_more_than, (gpointer[]) { fixture, GUINT_TO_POINTER (listed) }, 5000));
      listed = n_listed (fixture);
    }
  g_assert_cmpuint (listed, ==, 50);
}

/* Whether the window's title (the client shown) is args[1] */
static gboolean
adw_title_is (gpointer data)
{
  gpointer *args = data;
  Fixture *fixture = args[0];
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_TITLE));

  return title != NULL && g_strcmp0 (adw_view_switcher_title_get_title (title), args[1]) == 0;
}

/* Another program's writes (an import on the command line) show when the window next becomes
 * active: the list, and the page of the client shown */
static void
test_outside_changes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) anna = add_counterpart (fixture, "Anna Petrova", "Northwind Studio", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autofree char *journal_path = g_build_filename (fixture->dir, "journal.db", NULL);
  g_autoptr(BkJournal) other = NULL;
  g_autoptr(BkCounterpart) renamed = NULL;
  g_autoptr(BkCounterpart) added = NULL;
  g_autoptr(GError) error = NULL;

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (anna));
  g_assert_cmpuint (n_listed (fixture), ==, 1);

  /* nothing changed: nothing is read again */
  bk_window_follow_outside_changes (fixture->window);
  g_assert_cmpuint (n_listed (fixture), ==, 1);

  /* another connection, as another program would */
  other = bk_journal_open (journal_path, &error);
  g_assert_no_error (error);
  added = bk_test_add_counterpart (other, "Fabrikam Ltd");
  renamed = bk_counterpart_store_dup (bk_journal_get_counterparts (other), bk_counterpart_get_id (anna), &error);
  g_assert_no_error (error);
  bk_counterpart_set_name (renamed, "Anna Petrova-Smirnova");
  bk_counterpart_store_save (bk_journal_get_counterparts (other), renamed, &error);
  g_assert_no_error (error);

  /* the window knows nothing of it yet */
  g_assert_cmpuint (n_listed (fixture), ==, 1);

  bk_window_follow_outside_changes (fixture->window);
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  g_assert_true (bk_test_wait_until (adw_title_is, (gpointer[]) { fixture, (gpointer) "Anna Petrova-Smirnova" }, 5000));
}

/* Whether the list's first item is a search result found in a note */
static gboolean
shows_note_match (gpointer data)
{
  g_autoptr(BkCounterpart) first = g_list_model_get_item (G_LIST_MODEL (data), 0);

  return first != NULL && bk_counterpart_get_match_note_id (first) != 0;
}

/* The note row of @note_id among @root's widgets, or NULL */
static BkNoteRow *
find_note_row (GtkWidget *root,
               gint64     note_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BkNoteRow *row = NULL;

      if (BK_IS_NOTE_ROW (child) && bk_note_row_get_note (BK_NOTE_ROW (child)) != NULL &&
          bk_note_get_id (bk_note_row_get_note (BK_NOTE_ROW (child))) == note_id)
        return BK_NOTE_ROW (child);

      if ((row = find_note_row (child, note_id)))
        return row;
    }

  return NULL;
}

/* Whether the note row args[1] (a note id) is on screen in the timeline of args[0] */
static gboolean
note_row_on_screen (gpointer data)
{
  gpointer *args = data;
  Fixture *fixture = args[0];
  GtkWidget *timeline = find (fixture, "timeline");
  GtkWidget *scroller = gtk_widget_get_ancestor (timeline, GTK_TYPE_SCROLLED_WINDOW);
  BkNoteRow *row = find_note_row (timeline, *(gint64 *) args[1]);
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), scroller, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* A search result found in an old note of a long timeline: choosing it pages the timeline to
 * that note, its matching word marked, without the notes before it; "Show Newer Notes" goes
 * back to the newest. */
static void
test_search_lands_on_note (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) olga = add_counterpart (fixture, "Olga Mironova", "Translation Bureau", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (find (fixture, "result-list")));
  GtkWidget *timeline;
  BkNoteRow *row;
  gint64 found_id = 0;

  for (int i = 0; i < 600; i++)
    {
      g_autoptr(BkNote) note = bk_note_new ();
      g_autoptr(GDateTime) created = g_date_time_add_hours (now, -i);

      bk_note_set_counterpart_id (note, bk_counterpart_get_id (olga));
      bk_note_set_created (note, created);
      bk_note_set_text (note, i == 300 ? "Sent the glossary; she asked for the Quetzal brochure too."
                                       : "A routine call about the weekly batch.");
      bk_test_save_note (fixture->journal, note);
      if (i == 300)
        found_id = bk_note_get_id (note);
    }

  /* (the list had one client before too: the search's own answer is waited for) */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "search-entry")), "quetzal");
  g_assert_true (bk_test_wait_until (shows_note_match, counterpart_list (fixture), 10000));
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));

  g_assert_true (bk_test_wait_until (note_row_on_screen, (gpointer[]) { fixture, &found_id }, 5000));
  timeline = find (fixture, "timeline");
  row = find_note_row (timeline, found_id);
  {
    GtkLabel *text = GTK_LABEL (bk_test_find_named (GTK_WIDGET (row), "note-text"));

    g_assert_true (gtk_label_get_use_markup (text));
    g_assert_nonnull (strstr (gtk_label_get_label (text), ">Quetzal</span>"));
  }
  /* the timeline starts just above the note; the newer ones are a button away */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (timeline)))), <, 100);
  g_assert_true (bk_test_wait_until (is_mapped, find (fixture, "show-newer-notes"), 5000));
  shoot (fixture, "search-landed");

  g_assert_true (gtk_widget_activate_action (find (fixture, "show-newer-notes"), "page.show-newest", NULL));
  g_assert_true (bk_test_wait_until (is_unmapped, find (fixture, "show-newer-notes"), 5000));
  {
    g_autoptr(BkNote) newest = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (timeline))), 0);

    g_assert_cmpstr (bk_note_get_text (newest), ==, "A routine call about the weekly batch.");
    g_assert_cmpint (bk_note_get_id (newest), !=, found_id);
  }
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Counts rows in the journal file itself, trash included. */
static int
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autofree char *path = g_build_filename (fixture->dir, "journal.db", NULL);

  return bk_test_file_query_int (path, sql);
}

/* Whether the window shows the text args[1] somewhere (a toast, a label) */
static gboolean
window_shows (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  bk_test_collect_texts (GTK_WIDGET (args[0]), texts);

  return g_ptr_array_find_with_equal_func (texts, args[1], g_str_equal, NULL);
}

static gboolean
one_counterpart_row (gpointer data)
{
  return count_rows (data, "SELECT count(*) FROM counterparts") == 1;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) kept = add_counterpart (fixture, "Kept", NULL, BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCounterpart) doomed = add_counterpart (fixture, "Doomed", NULL, BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_ENDED);
  GtkWidget *undo;

  add_note (fixture, doomed, BK_NOTE_KIND_NOTE, "A note that must come back", 1);
  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (doomed));
  g_assert_cmpuint (n_listed (fixture), ==, 2);

  /* The client goes to the trash at once, and leaves the list */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-client", NULL));
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_cmpuint (bk_counterpart_store_count (bk_journal_get_counterparts (fixture->journal)), ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *deleted = g_strdup_printf (_("“%s” deleted"), "Doomed");
    gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");

    /* The toast, to look at (the screenshot waits for it to come all the way in) */
    g_assert_true (bk_test_wait_until (window_shows, (gpointer[]) { fixture->window, deleted }, 5000));
    bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "delete-toast-ru.png" : "delete-toast-en.png",
                             &error);
    g_assert_no_error (error);
  }

  /* The toast's Undo brings it back, notes and all. */
  undo = find_button_labelled (GTK_WIDGET (fixture->window), _("_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (doomed)), ==, 1);

  /* Deleted again and the toast dismissed: gone for good. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-client", NULL));
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  gtk_window_close (GTK_WINDOW (fixture->window));
  /* The client's secrets leave the keyring first, asynchronously. */
  g_assert_true (bk_test_wait_until (one_counterpart_row, fixture, 5000));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM counterparts"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM notes"), ==, 0);
}

/* Whether a window of the type in @data is open, or gone */
static gboolean
toplevel_shown (gpointer data)
{
  return bk_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return bk_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
has_named (gpointer data)
{
  gpointer *args = data;

  return bk_test_find_named (args[0], args[1]) != NULL;
}

static const char *
row_progress (Fixture *fixture)
{
  GtkWidget *label = bk_test_find_named (find (fixture, "counterpart-list"), "row-progress");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (gtk_widget_get_parent (label)) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static gboolean
row_progress_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (row_progress (args[0]), args[1]) == 0;
}

/* The number on the Resolution tab's badge, 0 for none */
static guint
resolution_badge (Fixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_page_get_badge_number (adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "resolution")));
}

static gboolean
resolution_badge_is (gpointer data)
{
  gpointer *args = data;

  return resolution_badge (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = bk_test_find_named (root, name);

  g_assert_nonnull (label);
  return gtk_widget_is_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
test_playbook_progress (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Late Payer Ltd", NULL, BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_AT_RISK);
  g_autoptr(BkOpenItem) invoice = bk_open_item_new ();
  g_autoptr(BkRun) run = NULL;
  g_autoptr(BkCounterpart) after = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *view, *check;
  GtkWindow *dialog;
  BkPlaybook *playbook;
  gpointer args[2] = { fixture, NULL };

  bk_open_item_set_counterpart_id (invoice, bk_counterpart_get_id (client));
  bk_open_item_set_kind (invoice, BK_OPEN_ITEM_KIND_INVOICE);
  bk_open_item_set_description (invoice, "Invoice 7");
  bk_open_item_set_amount (invoice, 120000);
  bk_open_item_set_currency (invoice, "EUR");
  bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), invoice, &error);
  g_assert_no_error (error);

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  /* The list view makes its rows when it is laid out */
  g_assert_true (bk_test_wait_until (has_named, (gpointer[]) { find (fixture, "counterpart-list"), (gpointer) "row-progress" }, 5000));
  g_assert_null (row_progress (fixture));

  /* Diagnose: they don't pay. Part Ways Cleanly comes first; start it. */
  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_RESOLUTION_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "resolution.diagnose", NULL));
  dialog = bk_test_find_toplevel (BK_TYPE_DIAGNOSIS_DIALOG);
  g_assert_nonnull (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bk_test_find_named (GTK_WIDGET (dialog), "non-payment")), TRUE);
  g_signal_emit_by_name (bk_test_find_named (GTK_WIDGET (dialog), "part-ways"), "clicked");
  g_assert_true (bk_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (BK_TYPE_DIAGNOSIS_DIALOG), 3000));

  run = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);
  g_assert_cmpstr (bk_run_get_playbook_id (run), ==, "part-ways");
  playbook = bk_playbook_library_lookup (fixture->playbooks, "part-ways");

  expected = g_strdup_printf ("0/%u", bk_playbook_get_n_steps (playbook));
  args[1] = expected;
  g_assert_true (bk_test_wait_until (row_progress_is, args, 3000));

  /* The badge: the unpaid invoice, the one thing this playbook asks to settle here */
  args[1] = GUINT_TO_POINTER (1);
  g_assert_true (bk_test_wait_until (resolution_badge_is, args, 3000));

  /* Tick the first two steps: the sidebar follows. */
  for (guint i = 0; i < 2; i++)
    {
      gpointer find_args[2] = { view, (gpointer) bk_playbook_get_step_id (playbook, i) };

      /* The run's steps show once the view has seen the run start. */
      g_assert_true (bk_test_wait_until (has_named, find_args, 3000));
      check = bk_test_find_named (view, bk_playbook_get_step_id (playbook, i));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_free (expected);
      expected = g_strdup_printf ("%u/%u", i + 1, bk_playbook_get_n_steps (playbook));
      args[1] = expected;
      g_assert_true (bk_test_wait_until (row_progress_is, args, 3000));
    }

  /* Ending as "parted ways" with the invoice unsettled asks first. */
  g_assert_true (gtk_widget_activate_action (view, "resolution.end-run", NULL));
  dialog = bk_test_find_toplevel (BK_TYPE_END_RUN_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "successor-row")), "Anna Colleague");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.end", NULL));
  {
    AdwMessageDialog *question = ADW_MESSAGE_DIALOG (bk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (question);
    g_clear_object (&run);
    run = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (client), &error);
    g_assert_nonnull (run);   /* not ended yet */
    adw_message_dialog_response (question, "end");
  }
  g_assert_true (bk_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (BK_TYPE_END_RUN_DIALOG), 3000));

  g_clear_object (&run);
  run = bk_run_store_dup_active (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_null (run);
  args[1] = NULL;
  g_assert_true (bk_test_wait_until (row_progress_is, args, 3000));

  after = bk_counterpart_store_dup (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_status (after), ==, BK_COUNTERPART_STATUS_ENDED_WELL);
  checkins = bk_checkin_store_list (bk_journal_get_checkins (fixture->journal), bk_counterpart_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 2);

  /* The view follows: it leads with what happened (the outcome, who took over, the next
   * check-in), then the check-ins and the playbook's history, then a way to start again */
  {
    gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
    GtkAdjustment *vadjustment;
    g_autofree char *next_date = NULL;
    g_autofree char *next_checkin = NULL;
    g_autofree char *successor = NULL;
    GDateTime *first_due = bk_checkin_get_due (g_ptr_array_index (checkins, 0));

    for (guint i = 1; i < checkins->len; i++)
      if (g_date_time_compare (bk_checkin_get_due (g_ptr_array_index (checkins, i)), first_due) < 0)
        first_due = bk_checkin_get_due (g_ptr_array_index (checkins, i));
    next_date = bk_format_date (first_due);
    next_checkin = g_strdup_printf (_("Next check-in: %s"), next_date);
    successor = g_strdup_printf (_("Taken over by %s"), "Anna Colleague");

    g_assert_cmpstr (label_text (view, "ended-outcome"), ==, C_("outcome", "Parted ways"));
    g_assert_cmpstr (label_text (view, "ended-successor"), ==, successor);
    g_assert_cmpstr (label_text (view, "next-checkin"), ==, next_checkin);
    g_assert_false (gtk_widget_is_visible (bk_test_find_named (view, "resolve-button")));
    g_assert_true (gtk_widget_is_visible (bk_test_find_named (view, "restart-button")));
    g_assert_true (gtk_widget_is_visible (bk_test_find_named (view, "earlier-runs")));
    /* The invoice is still listed, but no playbook asks to settle it now: no badge */
    args[1] = GUINT_TO_POINTER (0);
    g_assert_true (bk_test_wait_until (resolution_badge_is, args, 3000));

    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (bk_test_find_named (view, "steps")), 0));
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (bk_test_find_named (view, "checkins")), 1));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (bk_test_find_named (view, "checkins")), 2));
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (bk_test_find_named (view, "earlier-runs")), 0));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (bk_test_find_named (view, "earlier-runs")), 1));

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK)),
                                           "resolution");
    /* Laid out at its new size, the tab knows how far down it goes */
    resize_window (GTK_WIDGET (fixture->window), 1000, 1000);
    vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (bk_test_find_of_type (view, GTK_TYPE_SCROLLED_WINDOW)));
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
    bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "resolution-ended-ru.png" : "resolution-ended-en.png", &error);
    g_assert_no_error (error);
  }
}

/* "PDF", "EUR": written in Latin letters in Russian too */
static gboolean
is_acronym (const char *token)
{
  gsize n = 0;

  for (const char *p = token; *p; p++)
    {
      if (g_ascii_isupper (*p))
        n++;
      else if (g_ascii_isalpha (*p))
        return FALSE;
    }

  return n >= 2 && n <= 4;
}

static gboolean
has_latin_word (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n(),", -1);

  /* A word of two or more Latin letters is English left untranslated; e-mail and web addresses
   * (the test's data), key names (printed on keyboards in Latin) and acronyms are not. */
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      guint run = 0;

      if (strchr (tokens[i], '@') != NULL || strstr (tokens[i], "://") != NULL ||
          g_str_equal (tokens[i], "Ctrl+Enter") || is_acronym (tokens[i]))
        continue;

      for (const char *p = tokens[i]; *p; p++)
        {
          run = g_ascii_isalpha (*p) ? run + 1 : 0;
          if (run >= 2)
            return TRUE;
        }
    }

  return FALSE;
}

static void
check_translated (GtkWidget *root)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint untranslated = 0;

  bk_test_collect_texts (root, texts);
  g_assert_cmpuint (texts->len, >, 10);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      /* (a file's path is the person's, in whatever letters) */
      if (has_latin_word (text) && text[0] != '/')
        {
          g_test_message ("Not translated: “%s”", text);
          untranslated++;
        }
    }

  g_assert_cmpuint (untranslated, ==, 0);
}

static void
fill_demo_journal (Fixture *fixture,
                   gboolean russian)
{
  g_autoptr(BkCounterpart) a = NULL;
  g_autoptr(BkCounterpart) b = NULL;
  g_autoptr(BkCounterpart) c = NULL;
  g_autoptr(BkCounterpart) d = NULL;

  if (russian)
    {
      a = add_counterpart (fixture, "Мария Соколова", "Студия «Лён»", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_AT_RISK);
      b = add_counterpart (fixture, "Игорь Белов", "ООО «Северный ветер»", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
      c = add_counterpart (fixture, "Типография «Оттиск»", NULL, BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_WINDING_DOWN);
      d = add_counterpart (fixture, "Ольга Миронова", "Бюро переводов", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ENDED_WELL);
      add_note (fixture, a, BK_NOTE_KIND_MEETING, "Встретились в кафе. Мария недовольна сроками второго этапа; договорились созвониться в пятницу и пересмотреть план.", 9);
      add_note (fixture, a, BK_NOTE_KIND_INVOICE, "Счёт № 118 на 85 000 ₽ не оплачен уже три недели.", 4);
      add_note (fixture, a, BK_NOTE_KIND_CALL, "Короткий звонок: обещала оплатить до конца месяца. Тон напряжённый.", 1);
    }
  else
    {
      a = add_counterpart (fixture, "Maria Sokolova", "Linen Studio", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_AT_RISK);
      b = add_counterpart (fixture, "Igor Belov", "North Wind Ltd", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
      c = add_counterpart (fixture, "Imprint Printers", NULL, BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_WINDING_DOWN);
      d = add_counterpart (fixture, "Olga Mironova", "Translation Bureau", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ENDED_WELL);
      add_note (fixture, a, BK_NOTE_KIND_MEETING, "Met at the café. Maria is unhappy with the second milestone's dates; we agreed to call on Friday and rework the plan.", 9);
      add_note (fixture, a, BK_NOTE_KIND_INVOICE, "Invoice #118 for €1,200 has been unpaid for three weeks.", 4);
      add_note (fixture, a, BK_NOTE_KIND_CALL, "Short call: she promised to pay by the end of the month. Tense tone.", 1);
    }

  bk_counterpart_set_email (a, russian ? "maria@len.example" : "maria@linen.example");
  bk_counterpart_set_tags_from_string (a, russian ? "дизайн, сайт" : "design, website");
  bk_counterpart_set_health (a, 2);
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), a, NULL);

  /* A playbook under way, two steps in, an invoice still open */
  {
    BkPlaybook *playbook = bk_playbook_library_lookup (fixture->playbooks, "part-ways");
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(BkOpenItem) item = bk_open_item_new ();
    g_autoptr(BkRun) run = NULL;
    g_autoptr(GError) error = NULL;

    run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (a), playbook, 1u << BK_REASON_NON_PAYMENT, now, &error);
    g_assert_no_error (error);
    bk_run_store_set_step_state (bk_journal_get_runs (fixture->journal), run, playbook, bk_playbook_get_step_id (playbook, 0),
                                 BK_STEP_STATE_DONE, russian ? "Написала спокойное письмо" : "Wrote a calm e-mail", now, &error);
    g_assert_no_error (error);
    bk_open_item_set_counterpart_id (item, bk_counterpart_get_id (a));
    bk_open_item_set_description (item, russian ? "Счёт № 118" : "Invoice #118");
    bk_open_item_set_amount (item, russian ? 8500000 : 120000);
    bk_open_item_set_currency (item, russian ? "RUB" : "EUR");
    bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), item, &error);
    g_assert_no_error (error);
  }

  /* Access she gave us: one still in use, one handed back */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BkCredential) credential = bk_credential_new ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GError) error = NULL;

      bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (a));
      if (russian)
        {
          bk_credential_set_label (credential, i == 0 ? "Хостинг сайта" : "Облако с макетами");
          bk_credential_set_username (credential, i == 0 ? "админ" : "мария");
        }
      else
        {
          bk_credential_set_label (credential, i == 0 ? "Website hosting" : "Mock-ups in the cloud");
          bk_credential_set_username (credential, i == 0 ? "admin" : "maria");
        }
      bk_credential_set_url (credential, i == 0 ? "https://panel.hosting.example" : "https://figma.example");
      bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error);
      g_assert_no_error (error);
      if (i == 1)
        bk_credential_store_set_state (bk_journal_get_credentials (fixture->journal), bk_credential_get_id (credential),
                                       BK_CREDENTIAL_STATE_HANDED_OVER, now, &error);
      g_assert_no_error (error);
    }

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (a));
}

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
count_items_changed_cb (GListModel   *model,
                        guint         position,
                        guint         removed,
                        guint         added,
                        ItemsChanged *changed)
{
  changed->n_signals++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static gboolean
items_changed_seen (gpointer data)
{
  ItemsChanged *changed = data;

  return changed->n_signals > 0;
}

/* The rows of a list box, in order */
static GPtrArray *
list_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    g_ptr_array_add (rows, row);

  return rows;
}

/* Ticking a step through the view changes that step's row and that client's sidebar row, and
 * nothing else: the steps tell one items-changed, the other rows stay the same widgets. */
static void
test_step_tick_item_by_item (Fixture       *fixture,
                             gconstpointer  user_data)
{
  gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
  BkPlaybook *playbook = bk_playbook_library_lookup (fixture->playbooks, "part-ways");
  g_autofree char *progress = g_strdup_printf (ngettext ("%u of %u step", "%u of %u steps", 6), 2, 6);
  GtkListView *sidebar;
  GListModel *steps;
  g_autoptr(GPtrArray) step_rows = NULL;
  g_autoptr(GPtrArray) step_rows_after = NULL;
  g_autoptr(GPtrArray) item_rows = NULL;
  g_autoptr(GPtrArray) item_rows_after = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged steps_changed = { 0 };
  ItemsChanged sidebar_changed = { 0 };
  GtkWidget *view, *steps_list, *items_list, *check;
  GtkAdjustment *vadjustment;
  const guint ticked = 1;
  guint n_open = 0;

  fill_demo_journal (fixture, russian);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK)),
                                         "resolution");

  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_RESOLUTION_VIEW);
  g_object_get (view, "steps", &steps, NULL);
  g_assert_nonnull (steps);
  g_object_unref (steps);  /* the view holds it */
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, bk_playbook_get_n_steps (playbook));

  steps_list = bk_test_find_named (view, "steps");
  items_list = bk_test_find_named (view, "open-items");
  step_rows = list_rows (steps_list);
  item_rows = list_rows (items_list);
  g_assert_cmpuint (step_rows->len, ==, bk_playbook_get_n_steps (playbook));
  g_assert_cmpuint (item_rows->len, ==, 1);
  for (guint i = 0; i < step_rows->len; i++)
    g_object_ref (g_ptr_array_index (step_rows, i));

  sidebar = GTK_LIST_VIEW (find (fixture, "counterpart-list"));
  g_signal_connect (steps, "items-changed", G_CALLBACK (count_items_changed_cb), &steps_changed);
  g_signal_connect (gtk_list_view_get_model (sidebar), "items-changed", G_CALLBACK (count_items_changed_cb), &sidebar_changed);

  check = bk_test_find_named (steps_list, bk_playbook_get_step_id (playbook, ticked));
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  /* Once both have told their change, and the window has drawn two frames after it, anything
   * else they were going to tell (from an idle, from a layout) would have come: it did not. */
  g_assert_true (bk_test_wait_until (items_changed_seen, &steps_changed, 5000));
  g_assert_true (bk_test_wait_until (items_changed_seen, &sidebar_changed, 5000));
  g_assert_true (bk_test_wait_frames (GTK_WIDGET (fixture->window), 2));

  g_signal_handlers_disconnect_by_data (steps, &steps_changed);
  g_signal_handlers_disconnect_by_data (gtk_list_view_get_model (sidebar), &sidebar_changed);

  g_assert_cmpuint (steps_changed.n_signals, ==, 1);
  g_assert_cmpuint (steps_changed.position, ==, ticked);
  g_assert_cmpuint (steps_changed.removed, ==, 1);
  g_assert_cmpuint (steps_changed.added, ==, 1);
  g_assert_cmpuint (sidebar_changed.n_signals, ==, 1);
  g_assert_cmpuint (sidebar_changed.removed, ==, 1);
  g_assert_cmpuint (sidebar_changed.added, ==, 1);

  /* The other rows are the very widgets they were; the ticked one shows the step done. */
  step_rows_after = list_rows (steps_list);
  item_rows_after = list_rows (items_list);
  g_assert_cmpuint (step_rows_after->len, ==, step_rows->len);
  for (guint i = 0; i < step_rows->len; i++)
    {
      if (i != ticked)
        g_assert_true (g_ptr_array_index (step_rows_after, i) == g_ptr_array_index (step_rows, i));
    }
  g_assert_true (g_ptr_array_index (item_rows_after, 0) == g_ptr_array_index (item_rows, 0));
  check = bk_test_find_named (steps_list, bk_playbook_get_step_id (playbook, ticked));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (step_rows_after, ticked), "step-done"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (bk_test_find_named (view, "run-progress"))), ==, progress);
  for (guint i = 0; i < step_rows->len; i++)
    g_object_unref (g_ptr_array_index (step_rows, i));

  /* Look at the rows below the fold: the access step open, with the access to hand over. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (g_ptr_array_index (step_rows_after, 2)), TRUE);
  resize_window (GTK_WIDGET (fixture->window), 1000, 1000);
  /* The page has its full height once the row has opened all the way */
  g_assert_true (bk_test_wait_until (is_revealed, bk_test_find_of_type (g_ptr_array_index (step_rows_after, 2), GTK_TYPE_REVEALER),
                                     5000));
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (steps_list, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "resolution-rows-ru.png" : "resolution-rows-en.png", &error);
  g_assert_no_error (error);
  if (russian)
    check_translated (GTK_WIDGET (fixture->window));

  /* The rows' own actions reach the journal through the view; the counts follow, and the access
   * step's row says so in place. */
  g_object_get (view, "n-open-items", &n_open, NULL);
  g_assert_cmpuint (n_open, ==, 2);
  g_assert_true (gtk_widget_activate_action (g_ptr_array_index (item_rows_after, 0), "item.settle", NULL));
  g_object_get (view, "n-open-items", &n_open, NULL);
  g_assert_cmpuint (n_open, ==, 1);
  g_assert_true (gtk_widget_activate_action (bk_test_find_of_type (steps_list, BK_TYPE_ACCESS_ROW), "access-row.handed-over", NULL));
  g_object_get (view, "n-open-items", &n_open, NULL);
  g_assert_cmpuint (n_open, ==, 0);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (steps_list), 2) == g_ptr_array_index (step_rows_after, 2));
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (step_rows_after, 2)), ==, _("Nothing left to settle"));

  g_clear_pointer (&item_rows_after, g_ptr_array_unref);
  item_rows_after = list_rows (items_list);
  g_assert_cmpuint (item_rows_after->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (g_ptr_array_index (item_rows_after, 0), "item.delete", NULL));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (items_list), 0));
  g_assert_false (gtk_widget_get_visible (items_list));
}

static void
test_screenshot_and_language (Fixture       *fixture,
                              gconstpointer  user_data)
{
  gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
  g_autoptr(GError) error = NULL;
  GtkWidget *access_row;

  if (russian)
    {
      /* With no client yet: the empty state must be Russian too. */
      check_translated (GTK_WIDGET (fixture->window));
    }

  /* (Each screenshot waits until the window is drawn and holds still) */
  fill_demo_journal (fixture, russian);
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "main-window-ru.png" : "main-window-en.png", &error);
  g_assert_no_error (error);

  if (russian)
    check_translated (GTK_WIDGET (fixture->window));

  /* The playbook in progress */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK)),
                                         "resolution");
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "playbook-ru.png" : "playbook-en.png", &error);
  g_assert_no_error (error);
  if (russian)
    check_translated (GTK_WIDGET (fixture->window));

  /* The same two pages in the dark style */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "playbook-dark-ru.png" : "playbook-dark-en.png", &error);
  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK)),
                                         "journal");
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "main-window-dark-ru.png" : "main-window-dark-en.png", &error);
  g_assert_no_error (error);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  /* The access she gave us */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK)),
                                         "access");
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "access-ru.png" : "access-en.png", &error);
  g_assert_no_error (error);
  if (russian)
    check_translated (GTK_WIDGET (fixture->window));

  /* One access opened: its address, its hidden password and its buttons */
  access_row = bk_test_find_of_type (bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_ACCESS_VIEW),
                                     ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (access_row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (access_row), TRUE);
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "access-open-ru.png" : "access-open-en.png", &error);
  g_assert_no_error (error);
  if (russian)
    check_translated (GTK_WIDGET (fixture->window));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (access_row), FALSE);

  /* Down to 360 pixels wide the window folds to one pane: the client, with a way back. */
  resize_window (GTK_WIDGET (fixture->window), 360, 720);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_LEAFLET))));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 400);
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "main-window-narrow-ru.png" : "main-window-narrow-en.png", &error);
  g_assert_no_error (error);

  /* The opened access, narrow: its state buttons go one under the other */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (access_row), TRUE);
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "access-open-narrow-ru.png" : "access-open-narrow-en.png",
                           &error);
  g_assert_no_error (error);

  /* A client who gave no access yet */
  {
    g_autoptr(BkCounterpart) newcomer = add_counterpart (fixture, russian ? "Новый клиент" : "New Client", NULL,
                                                         BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);

    bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (newcomer));
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK)),
                                           "access");
    bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "access-empty-narrow-ru.png" : "access-empty-narrow-en.png",
                             &error);
    g_assert_no_error (error);
    if (russian)
      check_translated (GTK_WIDGET (fixture->window));
  }
}

/* A window's title is never cut short: dialogs are sized to it, in both languages */
static void
assert_titles_whole (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title") && gtk_widget_get_mapped (widget))
    {
      g_test_message ("title “%s”", gtk_label_get_text (GTK_LABEL (widget)));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_titles_whole (child);
}

static void
shoot_window (GtkWindow  *window,
              const char *name,
              gboolean    russian)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, russian ? "ru" : "en");
  g_autoptr(GError) error = NULL;
  GType type;

  g_assert_nonnull (window);
  type = G_OBJECT_TYPE (window);
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));
  bk_test_save_screenshot (GTK_WIDGET (window), file, &error);
  g_assert_no_error (error);
  assert_titles_whole (GTK_WIDGET (window));
  if (russian)
    check_translated (GTK_WIDGET (window));
  gtk_window_destroy (window);
  /* Gone, so that the next window of its type to be looked for is the next one opened */
  g_assert_null (bk_test_find_toplevel (type));
}

static guint
count_with_class (GtkWidget  *root,
                  const char *css_class)
{
  guint count = gtk_widget_has_css_class (root, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    count += count_with_class (child, css_class);

  return count;
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* The follow-ups button and windows follow the stores: a check-in falling due, done, or
 * leaving with its client for the trash; a new reflection. */
static void
test_followups_follow_the_stores (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  BkPlaybook *playbook = bk_playbook_library_lookup (fixture->playbooks, "referral");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -45);
  g_autoptr(BkCounterpart) olga = add_counterpart (fixture, "Olga Mironova", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                   BK_COUNTERPART_STATUS_ACTIVE);
  BkCounterpartStore *counterparts = bk_journal_get_counterparts (fixture->journal);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GError) error = NULL;
  const guint days[] = { 30, 90 };
  GtkWidget *button = find (fixture, "followups-button");
  GtkWindow *window;
  guint n_reflections;

  g_assert_false (gtk_widget_get_visible (button));

  /* A referral that ended 45 days ago: its first check-in is due, its second is not. */
  run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (olga), playbook,
                            1u << BK_REASON_MISMATCH, long_ago, &error);
  g_assert_no_error (error);
  bk_run_store_end (bk_journal_get_runs (fixture->journal), run, playbook,
                    &(BkRunEnding) {
                      .outcome = BK_OUTCOME_REFERRED,
                      .successor = "Anna Petrova",
                      .checkin_days = days,
                      .n_checkin_days = G_N_ELEMENTS (days),
                      .force = TRUE,
                    },
                    long_ago, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (button));

  /* Her check-ins go to the trash with her, and come back with her */
  g_assert_true (bk_counterpart_store_set_trashed (counterparts, bk_counterpart_get_id (olga), TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (bk_counterpart_store_set_trashed (counterparts, bk_counterpart_get_id (olga), FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (button));

  /* Ticked off in the follow-ups window: it leaves the due ones there and in the button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-followups", NULL));
  window = bk_test_find_toplevel (BK_TYPE_FOLLOWUPS_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));
  g_assert_true (gtk_widget_get_visible (bk_test_find_named (GTK_WIDGET (window), "due")));
  g_assert_true (gtk_widget_get_visible (bk_test_find_named (GTK_WIDGET (window), "coming-up")));
  g_signal_emit_by_name (bk_test_find_named (GTK_WIDGET (window), "check-in"), "clicked");
  g_assert_true (bk_test_wait_until (is_hidden, bk_test_find_named (GTK_WIDGET (window), "due"), 5000));
  g_assert_true (gtk_widget_get_visible (bk_test_find_named (GTK_WIDGET (window), "coming-up")));
  g_assert_null (bk_test_find_named (GTK_WIDGET (window), "check-in"));
  g_assert_false (gtk_widget_get_visible (button));
  due = bk_checkin_store_list_due (bk_journal_get_checkins (fixture->journal), now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  gtk_window_destroy (window);

  /* A reflection written while the reflection window is open shows there */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-reflection", NULL));
  window = bk_test_find_toplevel (BK_TYPE_REFLECTION_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));
  n_reflections = count_with_class (GTK_WIDGET (window), "reflection");
  add_note (fixture, olga, BK_NOTE_KIND_REFLECTION, "The referral worked.", 0);
  g_assert_cmpuint (count_with_class (GTK_WIDGET (window), "reflection"), ==, n_reflections + 1);
  gtk_window_destroy (window);

  /* A due check-in that an import adds to her */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "import.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *json = NULL;
    BkImportSummary summary;

    g_assert_false (gtk_widget_get_visible (button));
    json = g_strdup_printf ("{\"format\":\"bridgekeeper\",\"version\":2,\"counterparts\":"
                            "[{\"id\":\"%s\",\"name\":\"Olga Mironova\",\"checkins\":[{\"due\":\"2025-01-01\"}]}]}",
                            bk_counterpart_get_uuid (olga));
    bk_test_write_file (fixture->dir, "import.json", json);
    g_assert_true (bk_journal_import_json (fixture->journal, file, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.checkins_added, ==, 1);
    g_assert_true (gtk_widget_get_visible (button));
  }
}

/* The playbook whose Start button is the suggested one (the first recommended), or NULL */
static const char *
first_recommended (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "suggested-action") &&
          gtk_widget_get_visible (child))
        return gtk_widget_get_name (child);
      if ((found = first_recommended (child)))
        return found;
    }

  return NULL;
}

/* Whether some label under @root shows text holding @part */
static gboolean
shows_text (GtkWidget  *root,
            const char *part)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  bk_test_collect_texts (root, texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), part) != NULL)
      return TRUE;

  return FALSE;
}

/* A reflection is written for any relationship at any time: it is kept as a reflection note,
 * changes nothing else, and the Reflection window lists it, taking the person to its client */
static void
test_reflect_any_time (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) anna = add_counterpart (fixture, "Anna Petrova", "Northwind Studio",
                                                   BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_AT_RISK);
  g_autoptr(BkCounterpart) boris = add_counterpart (fixture, "Boris Orlov", NULL,
                                                    BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCounterpart) after = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *save;
  GtkWindow *dialog;
  GtkWindow *window;
  GtkWidget *row;

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (anna));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reflect", NULL));
  dialog = bk_test_find_toplevel (BK_TYPE_REFLECT_DIALOG);
  g_assert_nonnull (dialog);

  /* nothing written, nothing to save */
  save = bk_test_find_named (GTK_WIDGET (dialog), "reflect-save");
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "reflection-happened")),
                         is_russian () ? "Три просроченных счёта подряд." : "Three late invoices in a row.");
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "reflection-best")),
                         is_russian () ? "Честный разговор в самом начале." : "An honest talk early on.");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_true (bk_test_wait_until (is_mapped, dialog, 5000));
  bk_test_save_screenshot (GTK_WIDGET (dialog), is_russian () ? "reflect-ru.png" : "reflect-en.png", &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (save, "clicked");
  g_assert_null (bk_test_find_toplevel (BK_TYPE_REFLECT_DIALOG));

  reflections = bk_note_store_list_reflections (bk_journal_get_notes (fixture->journal), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 1);
  g_assert_cmpint (bk_note_get_counterpart_id (g_ptr_array_index (reflections, 0)), ==, bk_counterpart_get_id (anna));
  g_assert_nonnull (strstr (bk_note_get_text (g_ptr_array_index (reflections, 0)),
                            is_russian () ? "Три просроченных" : "Three late invoices"));

  /* nothing else changed: no status, no check-in, no run */
  after = bk_counterpart_store_dup (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (anna), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_counterpart_get_status (after), ==, BK_COUNTERPART_STATUS_AT_RISK);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM checkins"), ==, 0);
  g_assert_cmpint (bk_test_query_int (fixture->journal, "SELECT count(*) FROM runs"), ==, 0);

  /* listed in Reflection; choosing it shows Anna, from wherever the window was */
  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (boris));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-reflection", NULL));
  window = bk_test_find_toplevel (BK_TYPE_REFLECTION_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));
  row = NULL;
  {
    /* the reflection rows carry the class "reflection" */
    GtkWidget *stack[64];
    guint depth = 0;

    stack[depth++] = GTK_WIDGET (window);
    while (depth > 0 && row == NULL)
      {
        GtkWidget *widget = stack[--depth];

        if (gtk_widget_has_css_class (widget, "reflection"))
          row = widget;
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && depth < G_N_ELEMENTS (stack);
             child = gtk_widget_get_next_sibling (child))
          stack[depth++] = child;
      }
  }
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_true (bk_test_wait_until (adw_title_is, (gpointer[]) { fixture, (gpointer) "Anna Petrova" }, 5000));
  gtk_window_destroy (window);
}

/* A rhythm of staying in touch and who referred a client are set in Edit Details; the page
 * says both, the referrer a link to her page; an overdue rhythm lists the client in Stay in
 * Touch, and a call takes it off */
static void
test_keep_in_touch (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) olga = add_counterpart (fixture, is_russian () ? "Ольга Миронова" : "Olga Mironova", NULL,
                                                   BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_HANDED_OVER);
  g_autoptr(BkCounterpart) anna = add_counterpart (fixture, "Anna Petrova", "Northwind Studio",
                                                   BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCounterpart) saved = NULL;
  g_autoptr(GDateTime) long_ago = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWindow *window;
  GtkLabel *referral;

  /* Edit Details: every month, referred by Olga (by her name) */
  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (anna));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-client", NULL));
  dialog = bk_test_find_toplevel (BK_TYPE_COUNTERPART_DIALOG);
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (bk_test_find_named (GTK_WIDGET (dialog), "keep-in-touch-row")), 3);
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "referred-by-row")),
                         bk_counterpart_get_name (olga));
  g_assert_true (bk_test_wait_until (is_mapped, dialog, 5000));
  bk_test_save_screenshot (GTK_WIDGET (dialog), is_russian () ? "edit-keep-in-touch-ru.png" : "edit-keep-in-touch-en.png", &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));

  saved = bk_counterpart_store_dup (bk_journal_get_counterparts (fixture->journal), bk_counterpart_get_id (anna), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_counterpart_get_keep_in_touch_days (saved), ==, 30);
  g_assert_cmpint (bk_counterpart_get_referred_by_id (saved), ==, bk_counterpart_get_id (olga));

  /* the page says so; the link shows Olga */
  referral = GTK_LABEL (bk_test_find_named (GTK_WIDGET (fixture->window), "client-referral"));
  g_assert_true (bk_test_wait_until (is_mapped, referral, 5000));
  g_assert_nonnull (strstr (gtk_label_get_text (referral), bk_counterpart_get_name (olga)));
  g_assert_true (gtk_widget_get_visible (bk_test_find_named (GTK_WIDGET (fixture->window), "client-keep-in-touch")));
  {
    g_autofree char *uri = g_strdup_printf ("bridgekeeper-counterpart:%" G_GINT64_FORMAT, bk_counterpart_get_id (olga));
    gboolean handled = FALSE;

    g_signal_emit_by_name (referral, "activate-link", uri, &handled);
    g_assert_true (handled);
  }
  g_assert_true (bk_test_wait_until (adw_title_is, (gpointer[]) { fixture, (gpointer) bk_counterpart_get_name (olga) }, 5000));

  /* made overdue: she came into the journal 40 days ago, with no call since */
  long_ago = g_date_time_add_days (bk_counterpart_get_created (saved), -40);
  bk_counterpart_set_created (saved, long_ago);
  bk_test_save_counterpart (fixture->journal, saved);
  g_assert_true (gtk_widget_get_visible (find (fixture, "followups-button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-followups", NULL));
  window = bk_test_find_toplevel (BK_TYPE_FOLLOWUPS_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));
  g_assert_true (gtk_widget_get_visible (bk_test_find_named (GTK_WIDGET (window), "losing-touch")));
  bk_test_save_screenshot (GTK_WIDGET (window), is_russian () ? "losing-touch-ru.png" : "losing-touch-en.png", &error);
  g_assert_no_error (error);

  /* a call resets it: the list and the button let go */
  add_note (fixture, anna, BK_NOTE_KIND_CALL, "Caught up on the spring project.", 0);
  g_assert_true (bk_test_wait_until (is_hidden, bk_test_find_named (GTK_WIDGET (window), "losing-touch"), 5000));
  g_assert_false (gtk_widget_get_visible (find (fixture, "followups-button")));
  gtk_window_destroy (window);
}

/* The diagnosis asks the article's questions once a problem is picked, and each answer may
 * change the way forward and its why */
static void
test_diagnosis_questions (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) anna = add_counterpart (fixture, is_russian () ? "Анна Петрова" : "Anna Petrova", "Northwind Studio",
                                                   BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_AT_RISK);
  GtkWidget *view;
  GtkWidget *talked;
  GtkWindow *window;

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (anna));
  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_RESOLUTION_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "resolution.diagnose", NULL));
  window = bk_test_find_toplevel (BK_TYPE_DIAGNOSIS_DIALOG);
  g_assert_nonnull (window);

  /* nothing picked: no questions yet */
  talked = bk_test_find_named (GTK_WIDGET (window), "talked");
  g_assert_false (gtk_widget_is_visible (talked));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (bk_test_find_named (GTK_WIDGET (window), "personality")), TRUE);
  g_assert_true (gtk_widget_is_visible (talked));
  g_assert_cmpstr (first_recommended (GTK_WIDGET (window)), ==, "talk-it-through");

  /* talked already, and nobody doubts the work: a go-between, because of that */
  adw_combo_row_set_selected (ADW_COMBO_ROW (talked), BK_ANSWER_YES);
  adw_combo_row_set_selected (ADW_COMBO_ROW (bk_test_find_named (GTK_WIDGET (window), "work-in-question")), BK_ANSWER_NO);
  g_assert_cmpstr (first_recommended (GTK_WIDGET (window)), ==, "third-party");
  if (!is_russian ())
    g_assert_true (shows_text (GTK_WIDGET (window), "Nobody doubts the work"));

  /* cannot work together at all: a referral */
  adw_combo_row_set_selected (ADW_COMBO_ROW (bk_test_find_named (GTK_WIDGET (window), "can-work")), BK_ANSWER_NO);
  g_assert_cmpstr (first_recommended (GTK_WIDGET (window)), ==, "referral");

  /* (looked at whole, and closed) */
  adw_combo_row_set_selected (ADW_COMBO_ROW (bk_test_find_named (GTK_WIDGET (window), "can-work")), BK_ANSWER_UNSURE);
  gtk_window_set_default_size (window, 560, 1260);
  shoot_window (window, "diagnosis-questions", is_russian ());
}

/* The playbook's dialogs and windows, looked at and, in Russian, checked for English. */
static void
test_playbook_windows (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
  BkPlaybook *playbook = bk_playbook_library_lookup (fixture->playbooks, "referral");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -45);
  g_autoptr(BkCounterpart) olga = add_counterpart (fixture, russian ? "Ольга Миронова" : "Olga Mironova",
                                                   NULL, BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GError) error = NULL;
  const guint days[] = { 30, 90 };
  GtkWidget *view;
  GtkWindow *window;

  /* A referral that ended 45 days ago: its first check-in is due. */
  run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (olga), playbook,
                            1u << BK_REASON_MISMATCH, long_ago, &error);
  g_assert_no_error (error);
  bk_run_store_end (bk_journal_get_runs (fixture->journal), run, playbook,
                    &(BkRunEnding) {
                      .outcome = BK_OUTCOME_REFERRED,
                      .successor = russian ? "Анна Петрова" : "Anna Petrova",
                      .checkin_days = days,
                      .n_checkin_days = G_N_ELEMENTS (days),
                      .change_status = TRUE,
                      .new_status = BK_COUNTERPART_STATUS_HANDED_OVER,
                      .force = TRUE,
                    },
                    long_ago, &error);
  g_assert_no_error (error);
  add_note (fixture, olga, BK_NOTE_KIND_REFLECTION,
            russian ? "Рекомендация сработала: Анна подошла им лучше, а Ольга потом привела ко мне двух новых клиентов."
                    : "The referral worked: Anna suited them better, and Olga later sent two new clients my way.", 2);

  fill_demo_journal (fixture, russian);
  /* a client Olga sent after the referral: the bridge paid off */
  {
    g_autoptr(BkCounterpart) nina = bk_counterpart_new ();

    bk_counterpart_set_name (nina, russian ? "Нина Фролова" : "Nina Frolova");
    bk_counterpart_set_referred_by (nina, bk_counterpart_get_name (olga));
    bk_counterpart_set_referred_by_id (nina, bk_counterpart_get_id (olga));
    bk_test_save_counterpart (fixture->journal, nina);
  }
  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_RESOLUTION_VIEW);

  g_assert_true (gtk_widget_activate_action (view, "resolution.diagnose", NULL));
  window = bk_test_find_toplevel (BK_TYPE_DIAGNOSIS_DIALOG);
  g_assert_nonnull (window);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bk_test_find_named (GTK_WIDGET (window), "personality")), TRUE);
  shoot_window (window, "diagnosis", russian);

  g_assert_true (gtk_widget_activate_action (view, "resolution.end-run", NULL));
  shoot_window (bk_test_find_toplevel (BK_TYPE_END_RUN_DIALOG), "end-run", russian);

  g_assert_true (gtk_widget_activate_action (view, "resolution.add-item", NULL));
  shoot_window (bk_test_find_toplevel (BK_TYPE_OPEN_ITEM_DIALOG), "open-item", russian);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL));
  shoot_window (bk_test_find_toplevel (BK_TYPE_EXPORT_DIALOG), "export", russian);

  g_assert_true (gtk_widget_activate_action (bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_ACCESS_VIEW),
                                             "access.add", NULL));
  shoot_window (bk_test_find_toplevel (BK_TYPE_CREDENTIAL_DIALOG), "credential", russian);

  g_assert_true (gtk_widget_get_visible (find (fixture, "followups-button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-followups", NULL));
  shoot_window (bk_test_find_toplevel (BK_TYPE_FOLLOWUPS_WINDOW), "followups", russian);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-reflection", NULL));
  shoot_window (bk_test_find_toplevel (BK_TYPE_REFLECTION_WINDOW), "reflection", russian);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-client", NULL));
  shoot_window (bk_test_find_toplevel (BK_TYPE_COUNTERPART_DIALOG), "new-client", russian);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-client", NULL));
  shoot_window (bk_test_find_toplevel (BK_TYPE_COUNTERPART_DIALOG), "edit-client", russian);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS) && bk_test_find_toplevel (BK_TYPE_EXPORT_DIALOG) == NULL;
}

static char *
pdf_to_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return bk_test_run_tool (argv);
}

/* What the window's Print does, with GTK's printing asked to write a PDF to @path instead of
 * showing its dialog: the summary with the export's defaults, through BkPrintOperation. */
static void
print_to_pdf (Fixture       *fixture,
              BkCounterpart *counterpart,
              const char    *path)
{
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(BkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  BkSummaryOptions options;

  bk_summary_options_init (&options);
  summary = bk_summary_new (fixture->journal, bk_counterpart_get_id (counterpart), &options,
                            fixture->playbooks, &error);
  g_assert_no_error (error);

  operation = bk_print_operation_new (summary);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (fixture->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Export through the window's action and dialog; the file chooser is the desktop's, so the
 * test picks the file the way the chooser would hand it over. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Export Client", "Paper & Ink", BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_WINDING_DOWN);
  g_autofree char *path = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BkNote) secret = bk_note_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  add_note (fixture, client, BK_NOTE_KIND_MEETING, "Встреча: обсудили передачу проекта коллеге", 5);
  bk_note_set_counterpart_id (secret, bk_counterpart_get_id (client));
  bk_note_set_text (secret, "PRIVATE-MARKER my own worries");
  bk_note_set_private (secret, TRUE);
  bk_note_store_save (bk_journal_get_notes (fixture->journal), secret, &error);
  g_assert_no_error (error);

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL));
  dialog = bk_test_find_toplevel (BK_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (bk_test_wait_until (is_mapped, dialog, 5000));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (bk_test_find_named (GTK_WIDGET (dialog), "private-switch"))));

  /* The file chooser opens in Documents (or home), never in the process's working folder */
  {
    g_autoptr(GFile) folder = bk_export_dialog_dup_folder (BK_EXPORT_DIALOG (dialog));
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) expected = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                     ? documents : g_get_home_dir ());

    g_assert_true (g_file_equal (folder, expected));
  }

  /* An impossible range is refused where it is, with Export disabled: never silently. */
  {
    gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
    BkDateButton *from = BK_DATE_BUTTON (bk_test_find_named (GTK_WIDGET (dialog), "from-date"));
    BkDateButton *to = BK_DATE_BUTTON (bk_test_find_named (GTK_WIDGET (dialog), "to-date"));
    GtkWidget *to_row = bk_test_find_named (GTK_WIDGET (dialog), "to-row");
    GtkWidget *export_button = bk_test_find_named (GTK_WIDGET (dialog), "export-button");
    g_autoptr(GDateTime) later = g_date_time_new_local (2026, 3, 10, 0, 0, 0);
    g_autoptr(GDateTime) earlier = g_date_time_new_local (2026, 3, 1, 0, 0, 0);
    g_autoptr(GError) shot_error = NULL;

    g_assert_null (bk_date_button_get_date_time (from));
    g_assert_null (bk_date_button_get_date_time (to));
    g_assert_true (gtk_widget_is_sensitive (export_button));

    bk_date_button_set_date_time (from, later);
    bk_date_button_set_date_time (to, earlier);
    g_assert_false (gtk_widget_is_sensitive (export_button));
    g_assert_true (gtk_widget_has_css_class (to_row, "error"));
    g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (to_row)));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (to_row)), !=, "");
    bk_export_dialog_export_to_file (BK_EXPORT_DIALOG (dialog), file);
    /* No export begins (one shows its progress at once), and none writes later: still no file
     * once the dialog has drawn a couple of frames after the refusal */
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (bk_test_find_of_type (GTK_WIDGET (dialog),
                                                                                                                 GTK_TYPE_PROGRESS_BAR),
                                                                                           GTK_TYPE_STACK))),
                     ==, "options");
    g_assert_true (bk_test_wait_frames (GTK_WIDGET (dialog), 2));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    bk_test_save_screenshot (GTK_WIDGET (dialog), russian ? "export-range-ru.png" : "export-range-en.png", &shot_error);
    g_assert_no_error (shot_error);

    /* One day is a range: From and To are both included */
    bk_date_button_set_date_time (from, earlier);
    g_assert_true (gtk_widget_is_sensitive (export_button));
    g_assert_false (gtk_widget_has_css_class (to_row, "error"));
    bk_date_button_set_date_time (from, later);
    g_assert_false (gtk_widget_is_sensitive (export_button));
    bk_date_button_set_date_time (to, later);
    g_assert_true (gtk_widget_is_sensitive (export_button));

    /* Back to every day, through the popovers' own buttons */
    g_signal_emit_by_name (bk_test_find_named (GTK_WIDGET (from), "date-none"), "clicked");
    g_signal_emit_by_name (bk_test_find_named (GTK_WIDGET (to), "date-none"), "clicked");
    g_assert_null (bk_date_button_get_date_time (from));
    g_assert_null (bk_date_button_get_date_time (to));
    g_assert_true (gtk_widget_is_sensitive (export_button));
  }

  bk_export_dialog_export_to_file (BK_EXPORT_DIALOG (dialog), file);
  g_assert_true (bk_test_wait_until (file_exists, path, 20000));

  /* The next export starts where this one went */
  {
    g_autoptr(BkExportDialog) next = g_object_ref_sink (bk_export_dialog_new (GTK_WINDOW (fixture->window), fixture->journal,
                                                                              fixture->playbooks, client));
    g_autoptr(GFile) folder = bk_export_dialog_dup_folder (next);
    g_autoptr(GFile) parent = g_file_get_parent (file);

    g_assert_true (g_file_equal (folder, parent));
    gtk_window_destroy (GTK_WINDOW (next));
  }

  text = pdf_to_text (path);
  g_assert_nonnull (strstr (text, "Export Client"));
  g_assert_nonnull (strstr (text, "обсудили передачу проекта"));
  g_assert_null (strstr (text, "PRIVATE-MARKER"));

  /* Printing draws the same document: GTK's printing, asked to export, writes it as PDF, with
   * the same pages and line breaks as the export (both show the day they were made, not the
   * time, and are made within a second of each other). */
  {
    g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
    g_autofree char *printed_text = NULL;

    print_to_pdf (fixture, client, printed);
    printed_text = pdf_to_text (printed);
    g_assert_nonnull (strstr (printed_text, "Export Client"));
    g_assert_nonnull (strstr (printed_text, "обсудили передачу проекта"));
    g_assert_null (strstr (printed_text, "PRIVATE-MARKER"));
    g_assert_cmpstr (printed_text, ==, text);
  }
}

/* The export has drawn its first page (of some three hundred) */
static gboolean
export_has_begun (gpointer data)
{
  GtkProgressBar *bar = data;

  return gtk_progress_bar_get_fraction (bar) > 0;
}

/* Nothing but the caller holds @data: not the export's task, not a progress step */
static gboolean
is_held_only_once (gpointer data)
{
  return g_atomic_int_get (&G_OBJECT (data)->ref_count) == 1;
}

/* The dialog is disposed while its export runs: the export stops and leaves no file behind,
 * whole or half-written, and neither its thread nor its late completion touches what dispose
 * freed (the summary, the widgets). gtk_window_destroy alone would leave the dialog alive until
 * the task let go of it, so the test disposes it at once. (Every test runs with
 * G_DEBUG=gc-friendly.) Before the fix this failed on criticals from freed layouts and
 * widgets. */
static void
test_export_closed_while_running (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Big Client", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_ACTIVE);
  g_autofree char *path = g_build_filename (fixture->dir, "big.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GtkWindow) dialog = NULL;
  const char *name;

  /* Enough pages (some 1,400) that the export is still drawing when the dialog goes, even on a
   * busy machine */
  g_assert_true (bk_database_begin (bk_journal_get_database (fixture->journal), NULL));
  for (guint i = 0; i < 10000; i++)
    add_note (fixture, client, BK_NOTE_KIND_CALL,
              "A call about the project, with enough words to take two lines of the page, or perhaps "
              "three of them when the page is narrow, and a few more so that it surely does.", 10000 - i);
  g_assert_true (bk_database_commit (bk_journal_get_database (fixture->journal), NULL));

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL));
  dialog = g_object_ref (bk_test_find_toplevel (BK_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (bk_test_wait_until (is_mapped, dialog, 5000));

  bk_export_dialog_export_to_file (BK_EXPORT_DIALOG (dialog), file);
  /* As soon as the export tells its first progress (the export writes its temporary file for
   * a while yet; that file might be missed between two looks at the folder) */
  g_assert_true (bk_test_wait_until (export_has_begun,
                                     bk_test_find_of_type (GTK_WIDGET (dialog),
                                                           GTK_TYPE_PROGRESS_BAR),
                                     20000));

  gtk_window_destroy (dialog);
  g_object_run_dispose (G_OBJECT (dialog));

  /* The export ends and reports to a disposed dialog, which it then lets go */
  g_assert_true (bk_test_wait_until (is_held_only_once, dialog, 20000));

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_assert_true (g_str_has_prefix (name, "journal.db"));
}

static gboolean
without_keyring (void)
{
  return g_getenv ("BK_TEST_NO_KEYRING") != NULL;
}

static gboolean
label_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (gtk_label_get_text (args[0]), args[1]) == 0;
}

/* Access through the window, its secret in the real keyring of the test session */
static void
test_access (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *secret = "s3cret-Пароль-42";
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Keyring Client", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "journal.db", NULL);
  g_autofree char *wal = g_build_filename (fixture->dir, "journal.db-wal", NULL);
  GtkWidget *view, *row, *reveal;
  GtkWindow *dialog;
  gpointer args[2];

  if (without_keyring ())
    {
      g_test_skip ("This run has no keyring");
      return;
    }

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_ACCESS_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "access.add", NULL));
  dialog = bk_test_find_toplevel (BK_TYPE_CREDENTIAL_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "label-row")), "Hosting panel");
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "username-row")), "maria");
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "url-row")), "https://panel.example");
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "secret-row")), secret);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_true (bk_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (BK_TYPE_CREDENTIAL_DIALOG), 10000));

  credentials = bk_credential_store_list (bk_journal_get_credentials (fixture->journal), bk_counterpart_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (credentials->len, ==, 1);

  /* Revealed on demand, from the keyring */
  {
    gpointer find_args[2] = { view, (gpointer) bk_credential_get_uuid (g_ptr_array_index (credentials, 0)) };

    g_assert_true (bk_test_wait_until (has_named, find_args, 3000));
  }
  row = bk_test_find_named (view, bk_credential_get_uuid (g_ptr_array_index (credentials, 0)));
  reveal = bk_test_find_named (row, "reveal");
  g_assert_nonnull (reveal);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reveal), TRUE);
  args[0] = bk_test_find_named (row, "secret");
  args[1] = (gpointer) secret;
  g_assert_true (bk_test_wait_until (label_is, args, 10000));
  g_assert_false (gtk_widget_get_visible (bk_test_find_named (view, "keyring-unavailable")));

  /* And nowhere in the journal, nor in a summary that lists the access */
  g_assert_false (bk_test_file_contains (db, secret));
  g_assert_false (bk_test_file_contains (wal, secret));
  {
    g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
    g_autofree char *text = NULL;

    print_to_pdf (fixture, client, pdf);
    text = pdf_to_text (pdf);
    g_assert_nonnull (strstr (text, "Hosting panel"));
    g_assert_null (strstr (text, secret));
    g_assert_false (bk_test_file_contains (pdf, secret));
  }
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* No Secret Service on the bus: the Access section says so and offers to retry; the rest of
 * the page works as before. */
static void
test_access_without_keyring (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "No Keyring Client", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCredential) credential = bk_credential_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *box, *composer;

  if (!without_keyring ())
    {
      g_test_skip ("This run has a keyring");
      return;
    }

  bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (client));
  bk_credential_set_label (credential, "Repository");
  bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error);
  g_assert_no_error (error);

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_ACCESS_VIEW);
  box = bk_test_find_named (view, "keyring-unavailable");
  g_assert_true (bk_test_wait_until (is_visible, box, 10000));

  /* the banner's text says what to do, not its title again */
  {
    const char *title = gtk_label_get_text (GTK_LABEL (bk_test_find_named (box, "keyring-unavailable-title")));
    const char *text = gtk_label_get_text (GTK_LABEL (bk_test_find_named (box, "keyring-unavailable-text")));
    g_autofree char *title_folded = g_utf8_casefold (title, -1);
    g_autofree char *text_folded = g_utf8_casefold (text, -1);

    g_assert_cmpstr (title, ==, _("The Keyring Is Not Available"));
    g_assert_null (strstr (text_folded, title_folded));
    g_assert_null (strstr (text, "/org/"));
  }

  /* "+" would open a form that cannot save: it is off, and says why */
  gtk_widget_activate_action (view, "access.add", NULL);
  g_assert_null (bk_test_find_toplevel (BK_TYPE_CREDENTIAL_DIALOG));
  g_assert_false (gtk_widget_is_sensitive (bk_test_find_named (view, "add-credential")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (bk_test_find_named (view, "add-credential")), ==,
                   _("Access cannot be added without the keyring"));
  {
    gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
    g_autoptr(GError) screenshot_error = NULL;

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window),
                                                                                 ADW_TYPE_VIEW_STACK)),
                                           "access");
    bk_test_save_screenshot (GTK_WIDGET (fixture->window),
                             russian ? "access-no-keyring-ru.png" : "access-no-keyring-en.png", &screenshot_error);
    g_assert_no_error (screenshot_error);
  }

  g_assert_true (gtk_widget_activate_action (view, "access.retry", NULL));

  /* a client without any access yet: the keyring is asked whether it is there at all */
  {
    g_autoptr(BkCounterpart) other = add_counterpart (fixture, "No Access Yet", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                      BK_COUNTERPART_STATUS_ACTIVE);

    bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (other));
    view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_ACCESS_VIEW);
    box = bk_test_find_named (view, "keyring-unavailable");
    g_assert_true (bk_test_wait_until (is_visible, box, 10000));
    g_assert_false (gtk_widget_is_sensitive (bk_test_find_named (view, "add-credential")));
    bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  }

  composer = find (fixture, "composer");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer)), "Still works", -1);
  g_assert_true (gtk_widget_activate_action (composer, "page.add-note", NULL));
  g_assert_cmpuint (bk_note_store_count (bk_journal_get_notes (fixture->journal), bk_counterpart_get_id (client)), ==, 1);
}


/* Marking one access handed over in the Access section changes that row and no other: the
 * model tells that one row, the list box makes a row for it anew and keeps the others as they
 * are. The row stays open, with its new state and buttons. */
static void
test_access_state_one_row (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Three Logins Client", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCredential) hosting = bk_test_add_credential (fixture->journal, client, "Hosting", "admin", "https://panel.example");
  g_autoptr(BkCredential) repository = bk_test_add_credential (fixture->journal, client, "Repository", "maria", "");
  g_autoptr(BkCredential) analytics = bk_test_add_credential (fixture->journal, client, "Analytics", "", "");
  g_autoptr(GListModel) credentials = NULL;
  g_autoptr(BkCredential) changed_credential = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  GtkWidget *view, *before[3], *after[3];
  GtkListBox *list;
  GtkWidget *button;

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (bk_test_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK)),
                                         "access");

  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_ACCESS_VIEW);
  g_object_get (view, "credentials", &credentials, NULL);
  g_assert_nonnull (credentials);
  g_assert_cmpuint (g_list_model_get_n_items (credentials), ==, 3);
  list = GTK_LIST_BOX (bk_test_find_named (view, "credentials"));
  g_assert_nonnull (list);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BkCredential) item = g_list_model_get_item (credentials, i);

      /* held, so that a row made anew cannot come back at the same address */
      before[i] = g_object_ref (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)));
      g_assert_true (BK_IS_CREDENTIAL_ROW (before[i]));
      g_assert_true (bk_credential_row_get_credential (BK_CREDENTIAL_ROW (before[i])) == item);
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));
  g_assert_cmpstr (gtk_widget_get_name (before[1]), ==, bk_credential_get_uuid (repository));

  /* Open the middle one and mark it handed over, as a person would */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (before[1]), TRUE);
  g_signal_connect (credentials, "items-changed", G_CALLBACK (count_items_changed_cb), &changed);
  button = bk_test_find_named (before[1], "mark-handed-over");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_false (gtk_widget_is_visible (bk_test_find_named (before[1], "mark-in-use")));
  g_signal_emit_by_name (button, "clicked");

  /* the model told one row, once: nothing more came in the two frames the window drew after */
  g_assert_true (bk_test_wait_until (items_changed_seen, &changed, 5000));
  g_assert_true (bk_test_wait_frames (GTK_WIDGET (fixture->window), 2));
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);

  /* the journal has it */
  changed_credential = bk_credential_store_dup (bk_journal_get_credentials (fixture->journal),
                                                bk_credential_get_id (repository), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_credential_get_state (changed_credential), ==, BK_CREDENTIAL_STATE_HANDED_OVER);

  /* the other rows are the very same widgets; this one is new and shows the new state */
  for (guint i = 0; i < 3; i++)
    after[i] = GTK_WIDGET (gtk_list_box_get_row_at_index (list, i));
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));
  g_assert_true (after[0] == before[0]);
  g_assert_true (after[2] == before[2]);
  g_assert_true (after[1] != before[1]);
  g_assert_true (BK_IS_CREDENTIAL_ROW (after[1]));
  g_assert_cmpstr (gtk_widget_get_name (after[1]), ==, bk_credential_get_uuid (repository));
  g_assert_cmpint (bk_credential_get_state (bk_credential_row_get_credential (BK_CREDENTIAL_ROW (after[1]))), ==,
                   BK_CREDENTIAL_STATE_HANDED_OVER);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (after[1])),
                            bk_credential_state_get_label (BK_CREDENTIAL_STATE_HANDED_OVER)));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (after[1])));
  g_assert_true (gtk_widget_is_visible (bk_test_find_named (after[1], "mark-in-use")));
  g_assert_false (gtk_widget_is_visible (bk_test_find_named (after[1], "mark-handed-over")));
  g_assert_false (gtk_widget_is_visible (bk_test_find_named (after[1], "mark-revoked")));
  /* and the others still say what they said */
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (after[0])),
                            bk_credential_state_get_label (BK_CREDENTIAL_STATE_IN_USE)));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (after[2])),
                            bk_credential_state_get_label (BK_CREDENTIAL_STATE_IN_USE)));

  g_signal_handlers_disconnect_by_data (credentials, &changed);
  for (guint i = 0; i < 3; i++)
    g_object_unref (before[i]);
}

/* Built-in playbooks that cannot be read: a dialog says so, in the person's language, and the
 * app quits with it (instead of aborting). */
static void
test_playbooks_error (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
  g_autofree char *dir = g_build_filename (fixture->dir, "playbooks", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autoptr(BkPlaybookLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) screenshot_error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  GtkWindow *dialog;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  bk_test_write_file (dir, "broken.playbook", "<playbook id=\"broken\"><name>Half");
  library = bk_playbook_library_new_from_directory (directory, &error);
  g_assert_null (library);
  g_assert_nonnull (error);

  dialog = bk_show_playbooks_error (NULL, error);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (bk_test_wait_until (is_mapped, dialog, 5000));

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, _("The Playbooks Cannot Be Read"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), error->message));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "quit"));
  if (russian)
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Не удаётся прочитать сценарии");

  bk_test_save_screenshot (GTK_WIDGET (dialog), russian ? "playbooks-error-ru.png" : "playbooks-error-en.png",
                           &screenshot_error);
  g_assert_no_error (screenshot_error);

  bk_test_collect_texts (GTK_WIDGET (dialog), texts);
  g_ptr_array_add (texts, NULL);
  joined = g_strjoinv ("\n", (char **) texts->pdata);
  g_assert_nonnull (strstr (joined, error->message));
  g_assert_nonnull (strstr (joined, russian ? "Выйти" : "Quit"));

  gtk_window_destroy (dialog);
}

/* A window opened on a journal with a client: no row looks selected while no page is shown;
 * choosing the row opens its page. Narrow, back at the list, the row is no longer marked, and
 * choosing it again, or activating it (Enter, Space, a double click), opens it again. */
static void
test_first_client_opens (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) only = add_counterpart (fixture, "Only Client", NULL,
                                                   BK_COUNTERPART_KIND_CLIENT,
                                                   BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkWindow) window = NULL;
  GtkSelectionModel *selection;
  GtkListView *list;
  BkClientPage *page;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;

  window = g_object_ref_sink (bk_window_new (NULL, fixture->journal, fixture->playbooks));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));

  list = GTK_LIST_VIEW (bk_test_find_named (GTK_WIDGET (window), "counterpart-list"));
  selection = gtk_list_view_get_model (list);
  page = BK_CLIENT_PAGE (bk_test_find_of_type (GTK_WIDGET (window), BK_TYPE_CLIENT_PAGE));
  leaflet = ADW_LEAFLET (bk_test_find_of_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_false (gtk_selection_model_is_selected (selection, 0));
  g_assert_null (bk_client_page_get_counterpart (page));

  /* a click on the row selects it: its page opens */
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  g_assert_nonnull (bk_client_page_get_counterpart (page));
  g_assert_cmpint (bk_counterpart_get_id (bk_client_page_get_counterpart (page)), ==,
                   bk_counterpart_get_id (only));

  /* narrow: the page alone; back at the list, nothing marked */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (bk_test_wait_until (is_folded, leaflet, 5000));
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  sidebar = adw_leaflet_get_visible_child (leaflet);
  g_assert_false (gtk_selection_model_is_selected (selection, 0));

  /* activated (Enter, Space, a double click): the page again */
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != sidebar);
  g_assert_cmpint (bk_counterpart_get_id (bk_client_page_get_counterpart (page)), ==,
                   bk_counterpart_get_id (only));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A check-in is skipped with its switch, not by a hidden "0 days": turned off, its days cannot
 * be set and no check-in is scheduled for it. */
static void
test_end_run_skip_checkin (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Calm Parting", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_AT_RISK);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) due = NULL;
  BkPlaybook *playbook = bk_playbook_library_lookup (fixture->playbooks, "part-ways");
  GtkWidget *dialog, *first_days, *second, *second_days;

  run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (client), playbook,
                            1u << BK_REASON_NON_PAYMENT, now, &error);
  g_assert_no_error (error);

  dialog = GTK_WIDGET (bk_end_run_dialog_new (GTK_WINDOW (fixture->window), fixture->journal, client, run, playbook));
  gtk_window_present (GTK_WINDOW (dialog));

  /* both on by default, the rule said in the group's description */
  first_days = bk_test_find_named (dialog, "first-checkin-days");
  second = bk_test_find_named (dialog, "second-checkin");
  second_days = bk_test_find_named (dialog, "second-checkin-days");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (bk_test_find_named (dialog, "first-checkin"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (second)));
  g_assert_true (gtk_widget_get_sensitive (second_days));
  /* no "0 days" to type */
  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (first_days))), ==, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (first_days), 14);
  gtk_switch_set_active (GTK_SWITCH (second), FALSE);
  g_assert_false (gtk_widget_get_sensitive (second_days));

  g_assert_true (gtk_widget_activate_action (dialog, "dialog.end", NULL));
  g_assert_true (bk_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (BK_TYPE_END_RUN_DIALOG), 3000));

  checkins = bk_checkin_store_list (bk_journal_get_checkins (fixture->journal), bk_counterpart_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  due = g_date_time_add_days (now, 14);
  g_assert_cmpint (g_date_time_difference (bk_checkin_get_due (g_ptr_array_index (checkins, 0)), due), <,
                   G_TIME_SPAN_DAY);
  g_assert_cmpint (g_date_time_difference (due, bk_checkin_get_due (g_ptr_array_index (checkins, 0))), <,
                   G_TIME_SPAN_DAY);
}

/* GTK's warnings that the window tests look out for, counted instead of aborting */
static guint n_focus_out_warnings;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
          strstr (fields[i].value, "did not receive a focus-out event") != NULL)
        {
          n_focus_out_warnings++;
          return G_LOG_WRITER_HANDLED;
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
has_focus (gpointer data)
{
  return gtk_widget_has_focus (GTK_WIDGET (data));
}

/* Saving New Access with Enter in the password field: no "GtkText - did not receive a
 * focus-out event" warning while the form waits for the keyring. */
static void
test_credential_enter (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Enter Client", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_ACTIVE);
  GtkWidget *view, *secret_row, *text;
  GtkWindow *dialog;
  gboolean active;

  if (without_keyring ())
    {
      g_test_skip ("This run has no keyring");
      return;
    }

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_ACCESS_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "access.add", NULL));
  dialog = bk_test_find_toplevel (BK_TYPE_CREDENTIAL_DIALOG);
  g_assert_nonnull (dialog);
  active = bk_test_wait_until (is_active, dialog, 3000);
  if (!active)
    g_test_message ("The dialog did not become active: the focus cannot be followed");

  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "label-row")), "Mail");
  secret_row = bk_test_find_named (GTK_WIDGET (dialog), "secret-row");
  gtk_editable_set_text (GTK_EDITABLE (secret_row), "enter-pressed");
  text = bk_test_find_of_type (secret_row, GTK_TYPE_TEXT);
  g_assert_true (gtk_widget_grab_focus (text));
  /* With the focus in an active window its cursor blinks: what would warn */
  if (active)
    g_assert_true (bk_test_wait_until (has_focus, text, 3000));

  n_focus_out_warnings = 0;
  g_signal_emit_by_name (text, "activate");
  g_assert_true (bk_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (BK_TYPE_CREDENTIAL_DIALOG), 10000));
  /* The warning comes from that blinking, which ends with the dialog: gone, nothing is left to warn */
  g_assert_cmpuint (n_focus_out_warnings, ==, 0);
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal), 0), ==, 1);
}

static gboolean
credential_form_ready (gpointer data)
{
  return gtk_widget_is_sensitive (bk_test_find_named (data, "secret-group"));
}

/* The person dismisses the keyring's prompt (here, in a keyring session of its own, the one to
 * create a keyring when there is none: tests/keyring-session, no prompt can be shown). That is
 * no error: no error dialog, the form stays as it was with a quiet "Not saved", nothing in the
 * journal. */
static void
test_access_dismissed (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Dismissed Client", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
  GtkWidget *view, *group;
  GtkWindow *dialog;

  if (g_strcmp0 (g_getenv ("BK_TEST_KEYRING"), "gnome-keyring") != 0)
    {
      g_test_skip ("Runs in a keyring session of its own (test-window-keyring-dismissed)");
      return;
    }

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_true (secret_collection_delete_sync (collection, NULL, &error));
  g_assert_no_error (error);

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  view = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_ACCESS_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "access.add", NULL));
  dialog = bk_test_find_toplevel (BK_TYPE_CREDENTIAL_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "label-row")), "Hosting panel");
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "secret-row")), "not kept");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  /* The form waits for the keyring, then takes input again */
  g_assert_false (credential_form_ready (dialog));
  g_assert_true (bk_test_wait_until (credential_form_ready, dialog, 10000));

  /* still open, as the person left it, and no error dialog */
  g_assert_true (bk_test_find_toplevel (BK_TYPE_CREDENTIAL_DIALOG) == dialog);
  g_assert_null (bk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bk_test_find_named (GTK_WIDGET (dialog), "label-row"))), ==,
                   "Hosting panel");
  group = bk_test_find_named (GTK_WIDGET (dialog), "secret-group");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   _("Not saved: the keyring’s prompt was dismissed. Save again when you are ready."));
  g_assert_null (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "/org/"));
  g_assert_cmpuint (bk_credential_store_count_in_use (bk_journal_get_credentials (fixture->journal), 0), ==, 0);

  shoot_window (dialog, "credential-dismissed", russian);
}

/* The Resolution tab's badge counts what the tab shows still to settle, while a playbook in
 * progress settles it: a healthy client with a saved password gets none. */
static void
test_resolution_badge (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
  g_autoptr(BkCounterpart) healthy = add_counterpart (fixture, "Healthy Client", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                      BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCredential) credential = bk_credential_new ();
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(BkRun) run = NULL;
  g_autoptr(GError) error = NULL;
  BkPlaybook *talk = bk_playbook_library_lookup (fixture->playbooks, "talk-it-through");
  gpointer args[2] = { fixture, NULL };

  /* the demo: a playbook to part ways, an unpaid invoice and access still in use */
  fill_demo_journal (fixture, russian);
  args[1] = GUINT_TO_POINTER (2);
  g_assert_true (bk_test_wait_until (resolution_badge_is, args, 3000));

  /* a healthy client with a saved password and an open item: nothing to settle now */
  bk_credential_set_counterpart_id (credential, bk_counterpart_get_id (healthy));
  bk_credential_set_label (credential, "Hosting");
  bk_credential_store_save (bk_journal_get_credentials (fixture->journal), credential, &error);
  g_assert_no_error (error);
  bk_open_item_set_counterpart_id (item, bk_counterpart_get_id (healthy));
  bk_open_item_set_description (item, "Final report");
  bk_open_item_set_kind (item, BK_OPEN_ITEM_KIND_DELIVERABLE);
  bk_open_item_store_save (bk_journal_get_open_items (fixture->journal), item, &error);
  g_assert_no_error (error);
  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (healthy));
  args[1] = GUINT_TO_POINTER (0);
  g_assert_true (bk_test_wait_until (resolution_badge_is, args, 3000));
  /* and it stays so: nothing changes it in the frames the window draws after */
  g_assert_true (bk_test_wait_frames (GTK_WIDGET (fixture->window), 2));
  g_assert_cmpuint (resolution_badge (fixture), ==, 0);

  /* talking it through settles nothing: still none, once the tab shows the playbook's steps and
   * the window has drawn them */
  run = bk_run_store_start (bk_journal_get_runs (fixture->journal), bk_counterpart_get_id (healthy), talk,
                            1u << BK_REASON_CAPACITY, now, &error);
  g_assert_no_error (error);
  g_assert_true (bk_test_wait_until (has_named,
                                     (gpointer[]) { bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_RESOLUTION_VIEW),
                                                    (gpointer) bk_playbook_get_step_id (talk, 0) },
                                     5000));
  g_assert_true (bk_test_wait_frames (GTK_WIDGET (fixture->window), 2));
  g_assert_cmpuint (resolution_badge (fixture), ==, 0);
}

/* The level in this level bar's filled blocks, "health-poor"… */
static gboolean
level_bar_has_class (GtkWidget  *bar,
                     const char *css_class)
{
  GtkWidget *trough = gtk_widget_get_first_child (bar);
  GtkWidget *first_block = trough != NULL ? gtk_widget_get_first_child (trough) : NULL;

  return first_block != NULL && gtk_widget_has_css_class (first_block, css_class);
}

typedef struct
{
  GtkWidget  *bar;
  const char *css_class;
} LevelClass;

static gboolean
level_bar_has_class_cb (gpointer data)
{
  LevelClass *level = data;

  return level_bar_has_class (level->bar, level->css_class);
}

/* Health is coloured by its meaning, the same on the page and in the sidebar: 1 is poor (not
 * "full", as GTK's own offsets for a bar of 0 to 1 had it), 3 neutral, 4 and 5 good. */
static void
test_health_colours (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char *classes[] = { NULL, "health-poor", "health-strained", "health-fair", "health-good", "health-good" };
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Some Client", NULL, BK_COUNTERPART_KIND_CLIENT,
                                                     BK_COUNTERPART_STATUS_ACTIVE);
  GtkWidget *page_bar, *row_bar;

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  page_bar = bk_test_find_of_type (bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_CLIENT_PAGE), GTK_TYPE_LEVEL_BAR);
  g_assert_nonnull (page_bar);

  for (int health = 1; health <= 5; health++)
    {
      LevelClass level = { page_bar, classes[health] };

      bk_counterpart_set_health (client, health);
      bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), client, NULL);
      g_assert_true (bk_test_wait_until (level_bar_has_class_cb, &level, 3000));
      g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (page_bar)), ==, health);
      g_assert_false (level_bar_has_class (page_bar, "full"));
      g_assert_false (level_bar_has_class (page_bar, "low"));

      /* the sidebar's row is a new widget for the changed row */
      row_bar = bk_test_find_named (find (fixture, "counterpart-list"), "row-health");
      g_assert_nonnull (row_bar);
      level.bar = row_bar;
      g_assert_true (bk_test_wait_until (level_bar_has_class_cb, &level, 3000));
      g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (row_bar)), ==, health);
    }
}

/* Draws @window with @popover over it where it shows: a popover is a surface of its own, which
 * a snapshot of the window leaves out. */
static void
save_with_popover (GtkWidget  *window,
                   GtkWidget  *popover,
                   const char *basename)
{
  g_autoptr(GdkPaintable) window_paintable = NULL;
  g_autoptr(GdkPaintable) popover_paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  GtkSnapshot *snapshot;
  double window_dx, window_dy, popover_dx, popover_dy;
  int ww, wh, pw, ph;
  double x, y, x0, y0, x1, y1;

  /* Each drawn as it now is, and holding still (the popover draws on frames of its own) */
  g_assert_true (bk_test_wait_until (is_mapped, popover, 5000));
  g_assert_true (bk_test_wait_still (popover));
  g_assert_true (bk_test_wait_still (window));

  window_paintable = gtk_widget_paintable_new (window);
  popover_paintable = gtk_widget_paintable_new (popover);
  snapshot = gtk_snapshot_new ();
  ww = gtk_widget_get_width (window);
  wh = gtk_widget_get_height (window);
  pw = gtk_widget_get_width (popover);
  ph = gtk_widget_get_height (popover);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_dx, &window_dy);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_dx, &popover_dy);
  x = gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_dx - window_dx;
  y = gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_dy - window_dy;

  gdk_paintable_snapshot (window_paintable, snapshot, ww, wh);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (popover_paintable, snapshot, pw, ph);
  gtk_snapshot_restore (snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  x0 = MIN (0, x);
  y0 = MIN (0, y);
  x1 = MAX (ww, x + pw);
  y1 = MAX (wh, y + ph);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* Opens @button's popover and chooses a day in its calendar and a time, as a person would */
static GtkWidget *
choose_date (GtkWidget *button,
             int        year,
             int        month,
             int        day,
             int        hour,
             int        minute)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);
  GtkWidget *popover = bk_test_find_of_type (button, GTK_TYPE_POPOVER);
  GtkWidget *calendar = bk_test_find_of_type (button, GTK_TYPE_CALENDAR);

  g_assert_nonnull (popover);
  g_assert_nonnull (calendar);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (bk_test_wait_until (is_mapped, popover, 5000));

  /* What a click on the day does: select it, and say so */
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  g_signal_emit_by_name (calendar, "day-selected");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (bk_test_find_named (button, "hour")), hour);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (bk_test_find_named (button, "minute")), minute);

  return popover;
}

static void
assert_local_date_time (GDateTime *date_time,
                        int        year,
                        int        month,
                        int        day,
                        int        hour,
                        int        minute)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date_time);

  g_assert_cmpint (g_date_time_get_year (local), ==, year);
  g_assert_cmpint (g_date_time_get_month (local), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, day);
  g_assert_cmpint (g_date_time_get_hour (local), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (local), ==, minute);
}

/* Edit Note: the text has the focus (a Space types, it never presses Cancel), the date shows
 * as the timeline shows it, and the calendar popover sets the note's date. */
static void
test_note_date (Fixture       *fixture,
                gconstpointer  user_data)
{
  gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, russian ? "Мария Соколова" : "Maria Sokolova",
                                                     russian ? "Студия «Север»" : "North Studio",
                                                     BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkNote) listed = NULL;
  g_autoptr(BkNote) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *page, *dialog, *text_view, *date_button, *popover;
  GListModel *timeline;

  add_note (fixture, client, BK_NOTE_KIND_CALL,
            russian ? "Созвонились о сроках: макет к пятнице." : "Called about the deadline: the mock-up by Friday.", 3);
  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  page = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_CLIENT_PAGE);
  timeline = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find (fixture, "timeline"))));
  listed = g_list_model_get_item (timeline, 0);

  g_assert_true (gtk_widget_activate_action (page, "page.edit-note", "x", bk_note_get_id (listed)));
  dialog = GTK_WIDGET (bk_test_find_toplevel (BK_TYPE_NOTE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (bk_test_wait_until (is_mapped, dialog, 5000));

  text_view = bk_test_find_of_type (dialog, GTK_TYPE_TEXT_VIEW);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == text_view);

  /* The date reads as in the timeline, not as ISO text */
  date_button = bk_test_find_named (dialog, "note-date");
  g_assert_nonnull (date_button);
  expected = bk_format_date_time (bk_note_get_created (listed));
  g_object_get (bk_test_find_of_type (date_button, GTK_TYPE_LABEL), "label", &shown, NULL);
  g_assert_cmpstr (shown, ==, expected);

  popover = choose_date (date_button, 2026, 8, 4, 9, 5);
  assert_local_date_time (bk_date_button_get_date_time (BK_DATE_BUTTON (date_button)), 2026, 8, 4, 9, 5);
  save_with_popover (dialog, popover, russian ? "note-date-ru.png" : "note-date-en.png");
  if (russian)
    check_translated (dialog);

  /* At 360 pixels wide, the dialog and its popover */
  resize_window (dialog, 360, 600);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 360);
  save_with_popover (dialog, popover, russian ? "note-date-narrow-ru.png" : "note-date-narrow-en.png");
  gtk_popover_popdown (GTK_POPOVER (popover));

  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  g_assert_true (bk_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (BK_TYPE_NOTE_DIALOG), 5000));

  saved = bk_note_store_dup (bk_journal_get_notes (fixture->journal), bk_note_get_id (listed), &error);
  g_assert_no_error (error);
  assert_local_date_time (bk_note_get_created (saved), 2026, 8, 4, 9, 5);
}

/* The composer back-dates a new note; the next one is of now again. */
static void
test_composer_back_dates (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gboolean russian = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ru");
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, russian ? "Ольга Петрова" : "Olga Petrova", NULL,
                                                     BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  GtkWidget *composer, *date_button, *popover;
  GListModel *timeline;

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  composer = find (fixture, "composer");
  date_button = find (fixture, "note-date");
  g_assert_null (bk_date_button_get_date_time (BK_DATE_BUTTON (date_button)));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer)),
                            russian ? "Встретились в кафе, договорились о втором этапе." : "Met at the café, agreed on the second stage.", -1);
  popover = choose_date (date_button, 2025, 3, 15, 14, 30);
  save_with_popover (GTK_WIDGET (fixture->window), popover, russian ? "composer-date-ru.png" : "composer-date-en.png");
  if (russian)
    check_translated (GTK_WIDGET (fixture->window));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Nothing in the composer is cut at 360 pixels, with a date chosen */
  resize_window (GTK_WIDGET (fixture->window), 360, 720);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 400);
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "composer-narrow-ru.png" : "composer-narrow-en.png", &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (composer, "page.add-note", NULL));
  timeline = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find (fixture, "timeline"))));
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 1);
  {
    g_autoptr(BkNote) listed = g_list_model_get_item (timeline, 0);
    g_autoptr(BkNote) saved = bk_note_store_dup (bk_journal_get_notes (fixture->journal), bk_note_get_id (listed), &error);

    g_assert_no_error (error);
    assert_local_date_time (bk_note_get_created (saved), 2025, 3, 15, 14, 30);
  }
  g_assert_null (bk_date_button_get_date_time (BK_DATE_BUTTON (date_button)));
  bk_test_save_screenshot (GTK_WIDGET (fixture->window), russian ? "composer-now-narrow-ru.png" : "composer-now-narrow-en.png", &error);
  g_assert_no_error (error);

  /* Without a date chosen, a note is of now */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer)), russian ? "Счёт отправлен." : "Invoice sent.", -1);
  g_assert_true (gtk_widget_activate_action (composer, "page.add-note", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 2);
  {
    g_autoptr(BkNote) newest = g_list_model_get_item (timeline, 0);

    g_assert_cmpstr (bk_note_get_text (newest), ==, russian ? "Счёт отправлен." : "Invoice sent.");
    g_assert_cmpint (g_date_time_compare (bk_note_get_created (newest), before), >=, 0);
  }
}

static gboolean
focus_is_in (GtkWidget *window,
             GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* Choosing a client with the keyboard keeps the focus in the list: arrow keys go on walking
 * it (they select, and selecting opens the page), Enter opens the row, and nothing jumps to
 * the header's Edit button. Text on the page is no Tab stop: only controls take focus. */
static void
test_focus_stays_in_list (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) first = add_counterpart (fixture, "Anna First", NULL, BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCounterpart) second = add_counterpart (fixture, "Boris Second", "Org", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *list;
  GtkWidget *edit = NULL;
  BkClientPage *page;

  bk_counterpart_set_email (second, "boris@example.org");
  bk_counterpart_set_phone (second, "+7 900 000-00-00");
  bk_counterpart_set_tags_from_string (second, "print, design");
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), second, NULL);
  add_note (fixture, second, BK_NOTE_KIND_NOTE, "A note to read, not to tab through", 1);

  list = find (fixture, "counterpart-list");
  page = BK_CLIENT_PAGE (bk_test_find_of_type (window, BK_TYPE_CLIENT_PAGE));
  g_assert_true (gtk_widget_grab_focus (list));
  g_assert_true (focus_is_in (window, list));

  /* Down: the next row is selected and its page opens; the focus stays */
  for (guint position = 0; position < 2; position++)
    {
      g_assert_true (gtk_widget_activate_action (list, "list.select-item", "(ubb)", position, FALSE, FALSE));
      g_assert_nonnull (bk_client_page_get_counterpart (page));
      g_assert_true (focus_is_in (window, list));
    }
  g_assert_cmpstr (bk_counterpart_get_name (bk_client_page_get_counterpart (page)), ==, "Boris Second");

  /* Enter on the row */
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpstr (bk_counterpart_get_name (bk_client_page_get_counterpart (page)), ==, "Anna First");
  g_assert_true (focus_is_in (window, list));

  /* Tab leaves the list, for the page's controls, never for its text */
  g_signal_emit_by_name (list, "activate", 1);
  /* Tab goes by where the controls are: the page laid out as it is for him */
  g_assert_true (bk_test_wait_frames (window, 1));
  g_assert_false (gtk_widget_get_focusable (find (fixture, "client-name")));
  g_assert_false (gtk_widget_get_focusable (find (fixture, "note-text")));
  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        continue;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      /* a label takes focus only for its links (e-mail, phone) */
      if (GTK_IS_LABEL (focus))
        g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (focus)), "<a href="));
      if (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "win.edit-client") == 0)
        edit = focus;
    }
  /* (Edit is still a Tab stop, only not where choosing a client lands) */
  g_assert_nonnull (edit);
}

/* The e-mail and phone open in the mail and phone apps; tags are chips; the menu says what
 * it deletes. */
static void
test_client_details (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) vendor = add_counterpart (fixture, "PrintWorks", NULL, BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCounterpart) client = add_counterpart (fixture, "Jane Doe", NULL, BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  GtkWidget *tags;
  guint n_chips = 0;

  bk_counterpart_set_email (vendor, "orders@print&works.example");
  bk_counterpart_set_phone (vendor, "+7 900 000-00-00");
  bk_counterpart_set_tags_from_string (vendor, "print, <b>paper</b>");
  bk_counterpart_store_save (bk_journal_get_counterparts (fixture->journal), vendor, NULL);

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (vendor));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (fixture, "client-email"))), ==,
                   "<a href=\"mailto:orders@print%26works.example\">orders@print&amp;works.example</a>");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (fixture, "client-phone"))), ==,
                   "<a href=\"tel:+7900000-00-00\">+7 900 000-00-00</a>");
  tags = find (fixture, "client-tags");
  for (GtkWidget *child = gtk_widget_get_first_child (tags); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = child;

      g_assert_true (gtk_widget_has_css_class (chip, "tag-chip"));
      g_assert_false (gtk_widget_get_focusable (chip));
      if (n_chips++ == 1)
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (chip)), ==, "<b>paper</b>");
    }
  g_assert_cmpuint (n_chips, ==, 2);

  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

    bk_test_collect_texts (find (fixture, "client-menu"), texts);
    g_assert_true (g_ptr_array_find_with_equal_func (texts, _("_Delete Vendor"), g_str_equal, NULL));
    g_assert_false (g_ptr_array_find_with_equal_func (texts, _("_Delete Client"), g_str_equal, NULL));
  }

  /* A client without e-mail, phone or tags: none of them shows */
  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (client));
  g_assert_false (gtk_widget_get_visible (find (fixture, "client-email")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "client-phone")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "client-tags")));
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

    bk_test_collect_texts (find (fixture, "client-menu"), texts);
    g_assert_true (g_ptr_array_find_with_equal_func (texts, _("_Delete Client"), g_str_equal, NULL));
    g_assert_false (g_ptr_array_find_with_equal_func (texts, _("_Delete Vendor"), g_str_equal, NULL));
  }
}

static guint
count_note_rows (GtkWidget *widget)
{
  guint n = BK_IS_NOTE_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_note_rows (child);

  return n;
}

static gboolean
has_note_rows (gpointer data)
{
  return count_note_rows (GTK_WIDGET (data)) > 0;
}

/* Whether a button (any GtkActionable) under @root for @action_name can be pressed; FALSE
 * when there is none */
static gboolean
action_button_is_sensitive (GtkWidget  *root,
                            const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return gtk_widget_is_sensitive (child);

      if (action_button_is_sensitive (child, action_name))
        return TRUE;
    }

  return FALSE;
}

/* A read-only journal opens in a window that says so, shows everything and offers no change */
static void
test_read_only (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(BkPlaybookLibrary) playbooks = bk_test_load_shipped_playbooks ();
  g_autoptr(BkJournal) journal = bk_test_open_journal (path);
  g_autoptr(BkCounterpart) anna = bk_test_add_counterpart (journal, "Anna Petrova");
  g_autoptr(BkNote) note = bk_test_add_note (journal, bk_counterpart_get_id (anna), "Invoice 2026-031 sent");
  g_autoptr(GError) error = NULL;
  GtkWidget *timeline;
  BkNoteRow *row;
  BkWindow *window;

  g_clear_object (&journal);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  journal = bk_journal_open (path, &error);
  g_assert_no_error (error);

  window = g_object_ref_sink (bk_window_new (NULL, journal, playbooks));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bk_test_wait_until (is_mapped, window, 5000));
  bk_window_show_counterpart (window, bk_counterpart_get_id (anna));

  /* it says so */
  g_assert_true (gtk_widget_is_visible (bk_test_find_named (GTK_WIDGET (window), "read-only-banner")));

  /* it is all there to read */
  timeline = bk_test_find_named (GTK_WIDGET (window), "timeline");
  g_assert_true (bk_test_wait_until (has_note_rows, timeline, 5000));
  row = find_note_row (timeline, bk_note_get_id (note));
  g_assert_nonnull (row);

  /* nothing offers a change: no composer, no note menu, no button that would write */
  g_assert_false (gtk_widget_is_visible (bk_test_find_named (GTK_WIDGET (window), "composer")));
  g_assert_false (gtk_widget_is_visible (bk_test_find_named (GTK_WIDGET (row), "note-menu")));
  g_assert_false (action_button_is_sensitive (GTK_WIDGET (window), "win.new-client"));
  g_assert_false (action_button_is_sensitive (GTK_WIDGET (window), "win.edit-client"));
  g_assert_false (action_button_is_sensitive (GTK_WIDGET (window), "resolution.diagnose"));
  g_assert_false (action_button_is_sensitive (GTK_WIDGET (window), "resolution.add-item"));
  g_assert_false (action_button_is_sensitive (GTK_WIDGET (window), "access.add"));

  bk_test_save_screenshot (GTK_WIDGET (window), is_russian () ? "read-only-ru.png" : "read-only-en.png", &error);
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_clear_object (&journal);
  bk_test_remove_tree (dir);
}

/* Whether the list model args[0] has more than args[1] items */
static gboolean
n_items_above (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) > GPOINTER_TO_UINT (args[1]);
}

/* Whether the adjustment args[0] goes further than the double at args[1] */
static gboolean
upper_above (gpointer data)
{
  gpointer *args = data;

  return gtk_adjustment_get_upper (args[0]) > *(double *) args[1];
}

static gboolean
is_folded_away (gpointer data)
{
  return !gtk_revealer_get_child_revealed (GTK_REVEALER (data)) &&
         !gtk_widget_get_mapped (gtk_revealer_get_child (GTK_REVEALER (data)));
}

/* A client with thousands of notes opens at once: the timeline builds rows for what is on
 * screen and a little more, not for every note. Reading down the notes folds the details away;
 * back at the top they return, and the composer stays all along. */
static void
test_many_notes_open_at_once (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) busy = add_counterpart (fixture, "Busy Client", "Rather Busy Ltd",
                                                   BK_COUNTERPART_KIND_CLIENT,
                                                   BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *revealer;
  GtkAdjustment *adjustment;
  GListModel *shown;

  g_assert_true (bk_database_begin (bk_journal_get_database (fixture->journal), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note %u about the monthly invoice", i);

      add_note (fixture, busy, BK_NOTE_KIND_NOTE, text, i);
    }
  g_assert_true (bk_database_commit (bk_journal_get_database (fixture->journal), &error));
  g_assert_no_error (error);

  bk_window_show_counterpart (fixture->window, bk_counterpart_get_id (busy));
  page = bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_CLIENT_PAGE);
  g_assert_true (bk_test_wait_until (has_note_rows, page, 5000));
  /* and whatever rows it makes next: two frames drawn after the first rows */
  g_assert_true (bk_test_wait_frames (GTK_WIDGET (fixture->window), 2));
  g_test_message ("%u note rows for 2,000 notes", count_note_rows (page));
  g_assert_cmpuint (count_note_rows (page), <, 100);

  revealer = gtk_widget_get_ancestor (find (fixture, "client-details"), GTK_TYPE_REVEALER);
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "client-name")));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (find (fixture, "timeline"),
                                                                                                   GTK_TYPE_SCROLLED_WINDOW)));
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find (fixture, "timeline"))));

  /* down the notes: the details fold away, the composer stays */
  gtk_adjustment_set_value (adjustment, 300);
  g_assert_true (bk_test_wait_until (is_folded_away, revealer, 2000));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "composer")));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "add-note")));

  /* to the end of what is shown, again and again: older notes come, the rows stay bounded
   * (GTK 4.8's list view keeps at most 200 and a few) */
  for (guint i = 0; i < 8; i++)
    {
      guint before = g_list_model_get_n_items (shown);
      double upper = gtk_adjustment_get_upper (adjustment);

      gtk_adjustment_set_value (adjustment, upper - gtk_adjustment_get_page_size (adjustment));
      g_assert_true (bk_test_wait_until (n_items_above, (gpointer[]) { shown, GUINT_TO_POINTER (before) }, 5000));
      /* Laid out, the older notes make the page longer: the next end is further down */
      g_assert_true (bk_test_wait_until (upper_above, (gpointer[]) { adjustment, &upper }, 5000));
    }
  g_assert_cmpuint (count_note_rows (page), <=, 210);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* back at the top, the details are back */
  gtk_adjustment_set_value (adjustment, 0);
  g_assert_true (bk_test_wait_until (is_revealed, revealer, 2000));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "client-name")));
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

/* The window fits a 360 px phone, in English and Russian, with a client open on each tab;
 * narrow, the page's switcher moves to the bottom and the header bar names the client.
 * What is measured is the window's content: under Xvfb, with no compositor, GTK draws a
 * frame of its own around it ("solid-csd"), which a phone's maximized window has not. */
/* Each of the composer's controls is drawn whole inside its card, wrapped or not */
static void
assert_composer_controls_inside (Fixture *fixture)
{
  const char *names[] = { "note-kind", "note-private", "note-date", "add-note" };
  GtkWidget *date = bk_test_find_named (GTK_WIDGET (fixture->window), "note-date");
  GtkWidget *card = date;

  while (card != NULL && !gtk_widget_has_css_class (card, "composer"))
    card = gtk_widget_get_parent (card);
  g_assert_nonnull (card);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *control = bk_test_find_named (card, names[i]);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (control, card, &bounds));
      g_test_message ("%s: %.0f,%.0f %.0f×%.0f in a card of %d×%d", names[i], bounds.origin.x, bounds.origin.y,
                      bounds.size.width, bounds.size.height, gtk_widget_get_width (card), gtk_widget_get_height (card));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (card));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (card));
    }
}

/* Whether the page's view switcher sits in the bottom bar (narrow) rather than in the header
 * bar: the switcher title follows the window's width some frames after it is laid out. */
static gboolean
switcher_at_bottom (gpointer data)
{
  GtkWidget *window = GTK_WIDGET (((Fixture *) data)->window);

  return adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bk_test_find_of_type (window, ADW_TYPE_VIEW_SWITCHER_BAR)));
}

static gboolean
switcher_at_top (gpointer data)
{
  return !switcher_at_bottom (data);
}

static void
test_fits_360 (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *tabs[] = { "journal", "resolution", "access" };
  AdwViewStack *stack;

  fill_demo_journal (fixture, is_russian ());
  stack = bk_client_page_get_stack (BK_CLIENT_PAGE (bk_test_find_of_type (GTK_WIDGET (fixture->window),
                                                                          BK_TYPE_CLIENT_PAGE)));

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      adw_view_stack_set_visible_child_name (stack, tabs[i]);
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));

      g_test_message ("%s: minimum width %d (window %d)", tabs[i], minimum_width (content),
                      minimum_width (GTK_WIDGET (fixture->window)));
      g_assert_cmpint (minimum_width (content), <=, 360);
    }

  adw_view_stack_set_visible_child_name (stack, "journal");
  resize_window (GTK_WIDGET (fixture->window), 360, 720);
  g_assert_true (bk_test_wait_until (switcher_at_bottom, fixture, 5000));
  g_assert_cmpint (gtk_widget_get_width (adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window))), <=, 360);
  g_assert_true (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (bk_test_find_of_type (GTK_WIDGET (fixture->window),
                                                                                                          ADW_TYPE_VIEW_SWITCHER_TITLE))));
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bk_test_find_of_type (GTK_WIDGET (fixture->window),
                                                                                                 ADW_TYPE_VIEW_SWITCHER_BAR))));
  assert_composer_controls_inside (fixture);
  shoot (fixture, "client-narrow");
  adw_view_stack_set_visible_child_name (stack, "resolution");
  shoot (fixture, "resolution-narrow");

  /* wide again: the switcher is in the header bar, the bottom bar goes */
  resize_window (GTK_WIDGET (fixture->window), 1000, 680);
  g_assert_true (bk_test_wait_until (switcher_at_top, fixture, 5000));
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bk_test_find_of_type (GTK_WIDGET (fixture->window),
                                                                                                  ADW_TYPE_VIEW_SWITCHER_BAR))));
  adw_view_stack_set_visible_child_name (stack, "journal");
  /* the tab laid out anew, at the wide size */
  g_assert_true (bk_test_wait_frames (GTK_WIDGET (fixture->window), 1));
  assert_composer_controls_inside (fixture);
}

/* Export Journal…: the primary menu's item asks where (Documents, a dated name), writes the file
 * --export-json writes off the main loop, and says so; a folder that is not there gets a message
 * and no file. */
static void
test_export_journal (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *bad_path = g_build_filename (fixture->dir, "no such folder", "journal.json", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWindow *dialog;
  JsonObject *root;

  fill_demo_journal (fixture, is_russian ());

  /* Without a portal, GTK's own file chooser stands in for the desktop's: it offers a dated
   * name. The test then gives the file as choosing it there would (never the real Documents). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-journal", NULL));
  g_assert_true (bk_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 5000));
  dialog = bk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_test_message ("suggested: %s", name);
  g_assert_true (g_str_has_suffix (name, ".json"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS

  path = g_build_filename (fixture->dir, name, NULL);
  file = g_file_new_for_path (path);
  bk_window_export_journal (fixture->window, file);
  g_assert_true (bk_test_wait_until (file_exists, path, 20000));
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "bridgekeeper");
  /* the demo journal's four clients and vendors */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "counterparts")), ==, 4);
  /* the next export offers the same folder */
  {
    g_autoptr(GFile) offered = bk_file_chooser_dup_folder ();
    g_autoptr(GFile) parent = g_file_get_parent (file);

    g_assert_true (g_file_equal (offered, parent));
  }

  bk_window_export_journal (fixture->window, bad_file);
  g_assert_true (bk_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 20000));
  dialog = bk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (dialog);
}

static gboolean
n_listed_is (gpointer data)
{
  gpointer *args = data;

  return n_listed (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static GFile *
write_import_file (Fixture    *fixture,
                   const char *name,
                   const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  bk_test_write_file (fixture->dir, name, contents);

  return g_file_new_for_path (path);
}

#define IMPORT_HEADER "{\"format\":\"bridgekeeper\",\"version\":3,\"counterparts\":"

/* Import…, from the first-run page: the file's clients arrive in the list, a toast says how
 * many, and nothing writes meanwhile. Again, with a client open: it stays open and selected.
 * A bad file: a message that names the fault, and nothing changes. */
static void
test_import_journal (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *nothing_new = NULL;
  GtkSelectionModel *selection;
  BkClientPage *page;
  GtkWindow *dialog;
  gint64 open_id;

  first = write_import_file (fixture, "clients.json",
                             IMPORT_HEADER "[{\"name\":\"Ольга Петрова\",\"kind\":\"client\","
                             "\"notes\":[{\"text\":\"Созвонились\"},{\"text\":\"Счёт №118\"}]},"
                             "{\"name\":\"Northwind Studio\",\"kind\":\"vendor\"}]}");
  second = write_import_file (fixture, "more.json",
                              IMPORT_HEADER "[{\"id\":\"7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e42\","
                              "\"name\":\"Aaron Abbott\"}]}");
  broken = write_import_file (fixture, "broken.json",
                              IMPORT_HEADER "[{\"name\":\"Fine\"},{\"name\":\"\"}]}");

  /* the first-run page offers it, and it asks for a file to open */
  g_assert_true (gtk_widget_get_mapped (find (fixture, "first-run-import")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-journal", NULL));
  g_assert_true (bk_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 5000));
  dialog = bk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (bk_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 5000));

  /* while the import writes on its own connection, nothing here offers to write */
  bk_window_import_journal (fixture->window, first);
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "first-run-new-client")));
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "first-run-import")));

  counts = bk_format_counts (2, 2);
  imported = g_strdup_printf (_("Imported %s"), counts);
  g_assert_true (bk_test_wait_until (window_shows, (gpointer[]) { fixture->window, imported }, 20000));
  g_assert_true (bk_test_wait_until (is_unmapped, find (fixture, "first-run-page"), 5000));
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (find (fixture, "first-run-new-client")));
  shoot (fixture, "imported");

  /* with a client open, another file: the new client is listed, the open one stays */
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (find (fixture, "counterpart-list")));
  page = BK_CLIENT_PAGE (bk_test_find_of_type (GTK_WIDGET (fixture->window), BK_TYPE_CLIENT_PAGE));
  g_assert_true (gtk_selection_model_select_item (selection, 1, TRUE));
  open_id = bk_counterpart_get_id (bk_client_page_get_counterpart (page));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page)));

  bk_window_import_journal (fixture->window, second);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page)));
  g_assert_true (bk_test_wait_until (n_listed_is, (gpointer[]) { fixture, GUINT_TO_POINTER (3) }, 20000));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page)));
  g_assert_cmpint (bk_counterpart_get_id (bk_client_page_get_counterpart (page)), ==, open_id);
  {
    g_autoptr(BkCounterpart) selected = NULL;
    guint position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));

    g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
    selected = g_list_model_get_item (G_LIST_MODEL (selection), position);
    g_assert_cmpint (bk_counterpart_get_id (selected), ==, open_id);
  }

  /* the same file again: nothing new, and it says so */
  nothing_new = g_strdup_printf (_("Nothing new: the journal has all of “%s” already"), "more.json");
  bk_window_import_journal (fixture->window, second);
  g_assert_true (bk_test_wait_until (window_shows, (gpointer[]) { fixture->window, nothing_new }, 20000));
  g_assert_cmpuint (n_listed (fixture), ==, 3);

  /* a bad file: all or nothing, and the message names the fault */
  bk_window_import_journal (fixture->window, broken);
  g_assert_true (bk_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 20000));
  dialog = bk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "broken.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "counterparts[1]"));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, _("Nothing Was Imported"));
  {
    g_autofree char *file = g_strdup_printf ("import-failed-%s.png", is_russian () ? "ru" : "en");
    g_autoptr(GError) error = NULL;

    g_assert_true (bk_test_wait_until (is_mapped, dialog, 5000));
    bk_test_save_screenshot (GTK_WIDGET (dialog), file, &error);
    g_assert_no_error (error);
  }
  gtk_window_destroy (dialog);
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM counterparts"), ==, 3);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page)));
}

/* The rows of a list box */
static guint
count_list_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        n++;
    }

  return n;
}

static gboolean
has_rows (gpointer data)
{
  gpointer *args = data;

  return count_list_rows (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* Preferences lists the backups, newest first, with what each holds; Back Up Now adds one;
 * Restore… asks first, and Cancel changes nothing */
static void
test_preferences_backups (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(BkCounterpart) anna = add_counterpart (fixture, "Anna Petrova", "Northwind Studio", BK_COUNTERPART_KIND_CLIENT, BK_COUNTERPART_STATUS_ACTIVE);
  g_autoptr(BkCounterpart) igor = add_counterpart (fixture, "Игорь Смирнов", "ООО «Вектор»", BK_COUNTERPART_KIND_VENDOR, BK_COUNTERPART_STATUS_ACTIVE);
  g_autofree char *journal_path = g_build_filename (fixture->dir, "journal.db", NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) monday = g_date_time_new (local, 2026, 11, 23, 9, 12, 0);
  g_autoptr(GDateTime) friday = g_date_time_new (local, 2026, 11, 27, 18, 40, 0);
  g_autofree char *friday_text = bk_format_date_time (friday);
  g_autoptr(GError) error = NULL;
  BkPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *first;

  add_note (fixture, anna, BK_NOTE_KIND_INVOICE, "Invoice 42 sent", 3);
  g_object_unref (bk_backups_make (journal_path, monday, &error));
  g_assert_no_error (error);
  add_note (fixture, igor, BK_NOTE_KIND_CALL, "Обсудили сроки поставки", 1);
  g_object_unref (bk_backups_make (journal_path, friday, &error));
  g_assert_no_error (error);

  preferences = bk_preferences_window_new (GTK_WINDOW (fixture->window), journal_path);
  gtk_window_present (GTK_WINDOW (preferences));
  list = bk_test_find_named (GTK_WIDGET (preferences), "backup-list");
  g_assert_true (bk_test_wait_until (has_rows, (gpointer[]) { list, GUINT_TO_POINTER (2) }, 5000));

  first = gtk_widget_get_first_child (list);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, friday_text);
  {
    g_autofree char *counts = bk_format_counts (2, 2);

    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), counts));
  }

  /* Back Up Now */
  gtk_widget_activate (bk_test_find_named (GTK_WIDGET (preferences), "back-up-now"));
  g_assert_true (bk_test_wait_until (has_rows, (gpointer[]) { list, GUINT_TO_POINTER (3) }, 10000));

  /* Restore… asks; Cancel leaves all as it was */
  gtk_widget_activate (bk_test_find_named (gtk_widget_get_next_sibling (gtk_widget_get_first_child (list)),
                                           "restore-backup"));
  g_assert_true (bk_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  dialog = ADW_MESSAGE_DIALOG (bk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Restore This Backup?"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (bk_test_file_query_int (journal_path, "SELECT count(*) FROM notes"), ==, 2);

  shoot_window (GTK_WINDOW (preferences), "preferences-backups", is_russian ());
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  bk_test_gui_init (&argc, &argv);

  g_test_add ("/window/opens-empty", Fixture, NULL, fixture_set_up, test_window_opens_empty, fixture_tear_down);
  g_test_add ("/window/first-run-follows-the-journal", Fixture, NULL, fixture_set_up, test_first_run_follows_the_journal, fixture_tear_down);
  g_test_add ("/window/focus-stays-in-list", Fixture, NULL, fixture_set_up, test_focus_stays_in_list, fixture_tear_down);
  g_test_add ("/window/client-details", Fixture, NULL, fixture_set_up, test_client_details, fixture_tear_down);
  g_test_add ("/window/many-notes-open-at-once", Fixture, NULL, fixture_set_up, test_many_notes_open_at_once, fixture_tear_down);
  g_test_add ("/window/fits-360", Fixture, NULL, fixture_set_up, test_fits_360, fixture_tear_down);
  g_test_add ("/window/first-client-opens", Fixture, NULL, fixture_set_up, test_first_client_opens, fixture_tear_down);
  g_test_add ("/window/create-client-and-note", Fixture, NULL, fixture_set_up, test_create_client_and_note, fixture_tear_down);
  g_test_add ("/window/search-filters-list", Fixture, NULL, fixture_set_up, test_search_filters_list, fixture_tear_down);
  g_test_add ("/window/search-never-blocks", Fixture, NULL, fixture_set_up, test_search_never_blocks, fixture_tear_down);
  g_test_add ("/window/outside-changes", Fixture, NULL, fixture_set_up, test_outside_changes, fixture_tear_down);
  g_test_add ("/window/preferences-backups", Fixture, NULL, fixture_set_up, test_preferences_backups, fixture_tear_down);
  g_test_add ("/window/search-pages-as-scrolled", Fixture, NULL, fixture_set_up, test_search_pages_as_scrolled, fixture_tear_down);
  g_test_add ("/window/search-lands-on-note", Fixture, NULL, fixture_set_up, test_search_lands_on_note, fixture_tear_down);
  g_test_add ("/window/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/window/playbook-progress", Fixture, NULL, fixture_set_up, test_playbook_progress, fixture_tear_down);
  g_test_add ("/window/step-tick-item-by-item", Fixture, NULL, fixture_set_up, test_step_tick_item_by_item, fixture_tear_down);
  g_test_add ("/window/playbook-windows", Fixture, NULL, fixture_set_up, test_playbook_windows, fixture_tear_down);
  g_test_add ("/window/followups-follow-the-stores", Fixture, NULL, fixture_set_up, test_followups_follow_the_stores, fixture_tear_down);
  g_test_add ("/window/note-date", Fixture, NULL, fixture_set_up, test_note_date, fixture_tear_down);
  g_test_add ("/window/composer-back-dates", Fixture, NULL, fixture_set_up, test_composer_back_dates, fixture_tear_down);
  g_test_add ("/window/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/window/export-closed-while-running", Fixture, NULL, fixture_set_up, test_export_closed_while_running, fixture_tear_down);
  g_test_add ("/window/access", Fixture, NULL, fixture_set_up, test_access, fixture_tear_down);
  g_test_add ("/window/access-without-keyring", Fixture, NULL, fixture_set_up, test_access_without_keyring, fixture_tear_down);
  g_test_add ("/window/access-state-one-row", Fixture, NULL, fixture_set_up, test_access_state_one_row, fixture_tear_down);
  g_test_add ("/window/resolution-badge", Fixture, NULL, fixture_set_up, test_resolution_badge, fixture_tear_down);
  g_test_add ("/window/health-colours", Fixture, NULL, fixture_set_up, test_health_colours, fixture_tear_down);
  g_test_add ("/window/playbooks-error", Fixture, NULL, fixture_set_up, test_playbooks_error, fixture_tear_down);
  g_test_add ("/window/screenshot-and-language", Fixture, NULL, fixture_set_up, test_screenshot_and_language, fixture_tear_down);
  g_test_add ("/window/access-dismissed", Fixture, NULL, fixture_set_up, test_access_dismissed, fixture_tear_down);
  g_test_add ("/window/credential-enter", Fixture, NULL, fixture_set_up, test_credential_enter, fixture_tear_down);
  g_test_add ("/window/end-run-skip-checkin", Fixture, NULL, fixture_set_up, test_end_run_skip_checkin, fixture_tear_down);
  g_test_add_func ("/window/read-only", test_read_only);
  g_test_add ("/window/keep-in-touch", Fixture, NULL, fixture_set_up, test_keep_in_touch, fixture_tear_down);
  g_test_add ("/window/reflect-any-time", Fixture, NULL, fixture_set_up, test_reflect_any_time, fixture_tear_down);
  g_test_add ("/window/diagnosis-questions", Fixture, NULL, fixture_set_up, test_diagnosis_questions, fixture_tear_down);
  g_test_add ("/window/import-journal", Fixture, NULL, fixture_set_up, test_import_journal, fixture_tear_down);

  /* Last: it leaves its folder as the one the next export offers, which /window/export-pdf
   * expects to be Documents */
  g_test_add ("/window/export-journal", Fixture, NULL, fixture_set_up, test_export_journal, fixture_tear_down);

  return g_test_run ();
}

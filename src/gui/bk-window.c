/* bk-window.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-client-page.h"
#include "bk-counterpart-dialog.h"
#include "bk-counterpart-list.h"
#include "bk-counterpart-row.h"
#include "bk-deletion.h"
#include "bk-export-dialog.h"
#include "bk-feedback.h"
#include "bk-file-chooser.h"
#include "bk-followups-window.h"
#include "bk-format.h"
#include "bk-journal.h"
#include "bk-journal-json.h"
#include "bk-print-operation.h"
#include "bk-reflect-dialog.h"
#include "bk-reflection-window.h"
#include "bk-summary.h"
#include "bk-window.h"

struct _BkWindow
{
  AdwApplicationWindow  parent_instance;

  BkJournal            *journal;
  /* the journal's data_version when it was last read: another program's writes change it */
  gint64                data_version;
  BkPlaybookLibrary    *playbooks;
  BkCounterpartList    *counterparts;
  GtkSingleSelection   *selection;
  /* a search's results, listed apart over the whole list (see show_results()) */
  BkCounterpartList    *results;
  GtkSingleSelection   *result_selection;
  gboolean              showing_results;
  GSettings            *settings;
  /* The deletion that can still be undone, and its toast (not owned) */
  BkDeletion           *deletion;
  AdwToast             *undo_toast;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkWidget            *read_only_banner;
  GtkDropDown          *status_filter;
  GtkStack             *sidebar_stack;
  GtkListView          *counterpart_view;
  GtkWidget            *browse_scroller;
  GtkWidget            *result_scroller;
  GtkListView          *result_view;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GMenu                *delete_section;
  GtkStack             *content_stack;
  BkClientPage         *client_page;
  GtkWidget            *edit_button;
  GtkWidget            *client_menu_button;
  GtkWidget            *followups_button;

  /* whether the write being told may have changed the check-ins that are due */
  gboolean              followups_changed;
};

G_DEFINE_FINAL_TYPE (BkWindow, bk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_PLAYBOOKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BkCounterpart *
get_shown_counterpart (BkWindow *self)
{
  return bk_client_page_get_counterpart (self->client_page);
}

/* Whether the search entry holds words */
static gboolean
is_searching (BkWindow *self)
{
  return !bk_store_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The results over the whole list, or the whole list alone; under the results it stays laid
 * out, but is neither seen, nor reached by pointer, focus or screen reader */
static void
show_results (BkWindow *self,
              gboolean  show)
{
  if (self->showing_results == show)
    return;

  self->showing_results = show;
  gtk_widget_set_visible (self->result_scroller, show);
  gtk_widget_set_opacity (self->browse_scroller, show ? 0 : 1);
  gtk_widget_set_can_target (self->browse_scroller, !show);
  gtk_widget_set_can_focus (self->browse_scroller, !show);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->counterpart_view),
                               GTK_ACCESSIBLE_STATE_HIDDEN, show, -1);
}

/* The whole list, or a search's results once its first page is in (until then, what was
 * shown stays) */
static void
update_sidebar_stack (BkWindow *self)
{
  GListModel *shown;

  if (!is_searching (self))
    show_results (self, FALSE);
  else if (!bk_counterpart_list_get_searching (self->results))
    show_results (self, TRUE);

  shown = G_LIST_MODEL (self->showing_results ? self->results : self->counterparts);

  /* (with no client at all, the first-run page stands in for both panes) */
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (shown) == 0 ? "no-results" : "list");
}

/* The first-run page until the first client exists, and again once the last one is gone */
static void
update_main_stack (BkWindow *self)
{
  gboolean first_run = bk_counterpart_store_count (bk_journal_get_counterparts (self->journal)) == 0;

  if (first_run)
    {
      /* a search or filter left from before can do nothing here: the list starts afresh */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->status_filter, 0);
    }

  gtk_stack_set_visible_child_name (self->main_stack, first_run ? "first-run" : "panes");
}

static void
select_shown_counterpart (BkWindow *self)
{
  BkCounterpart *shown = get_shown_counterpart (self);
  guint position = GTK_INVALID_LIST_POSITION;

  guint found = GTK_INVALID_LIST_POSITION;

  if (shown != NULL)
    {
      position = bk_counterpart_list_find (self->counterparts, bk_counterpart_get_id (shown));
      if (self->showing_results)
        found = bk_counterpart_list_find (self->results, bk_counterpart_get_id (shown));
    }

  gtk_single_selection_set_selected (self->selection, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  gtk_single_selection_set_selected (self->result_selection, found == G_MAXUINT ? GTK_INVALID_LIST_POSITION : found);
}

/* While an import writes on a connection of its own, nothing here writes: the page and the
 * actions that would are off until it is done. */
static void
update_write_actions (BkWindow *self)
{
  gboolean busy = bk_database_get_busy (bk_journal_get_database (self->journal));
  gboolean writable = !busy && !bk_journal_is_read_only (self->journal);
  gboolean has_client = get_shown_counterpart (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-client", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-journal", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-client", writable && has_client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-client", writable && has_client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reflect", writable && has_client);
  /* (a read-only journal's page is read, and offers no change itself) */
  gtk_widget_set_sensitive (GTK_WIDGET (self->client_page), !busy);
}

static void
update_content (BkWindow *self)
{
  BkCounterpart *shown = get_shown_counterpart (self);
  gboolean has_client = shown != NULL;

  gtk_stack_set_visible_child_name (self->content_stack, has_client ? "client" : "none");
  gtk_widget_set_visible (self->edit_button, has_client);
  gtk_widget_set_visible (self->client_menu_button, has_client);
  update_write_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", has_client);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_client);

  adw_view_switcher_title_set_title (self->switcher_title, has_client ? bk_counterpart_get_name (shown) : "");
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        has_client && bk_counterpart_get_organization (shown) != NULL ?
                                        bk_counterpart_get_organization (shown) : "");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_client);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    has_client && adw_view_switcher_title_get_title_visible (self->switcher_title));

  /* Say what is deleted: a client or a vendor */
  g_menu_remove_all (self->delete_section);
  g_menu_append (self->delete_section,
                 has_client && bk_counterpart_get_kind (shown) == BK_COUNTERPART_KIND_VENDOR ?
                 _("_Delete Vendor") : _("_Delete Client"),
                 "win.delete-client");
}

/* Narrow, the header bar shows the client's name, and the switcher moves to the bottom. */
static void
on_switcher_title_visible_cb (BkWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    get_shown_counterpart (self) != NULL &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
show_counterpart (BkWindow      *self,
                  BkCounterpart *counterpart)
{
  bk_client_page_set_counterpart (self->client_page, counterpart);
  update_content (self);

  /* Only a folded leaflet navigates: side by side, a leaflet would move the focus from the
   * list to the page (it does when its visible child changes), and arrow keys must keep
   * walking the list. on_leaflet_folded_cb() catches up when the window narrows. */
  if (counterpart != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
bk_window_show_counterpart (BkWindow *self,
                            gint64    id)
{
  g_autoptr(BkCounterpart) counterpart = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BK_IS_WINDOW (self));

  if (!(counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (self->journal), id, &error)))
    {
      bk_window_show_message (self, error->message);
      return;
    }

  show_counterpart (self, counterpart);
  select_shown_counterpart (self);
}

/* A search result found in a note: the timeline goes to it, its words marked */
static void
show_found_note (BkWindow      *self,
                 BkCounterpart *result)
{
  if (bk_counterpart_get_match_note_id (result) != 0)
    bk_client_page_show_note (self->client_page, bk_counterpart_get_match_note_id (result),
                              bk_counterpart_get_match_markup (result));
}

static void
on_selection_changed_cb (BkWindow           *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  BkCounterpart *selected = gtk_single_selection_get_selected_item (selection);
  BkCounterpart *shown = get_shown_counterpart (self);

  if (selected == NULL)
    return;

  if (shown == NULL || bk_counterpart_get_id (shown) != bk_counterpart_get_id (selected))
    {
      bk_window_show_counterpart (self, bk_counterpart_get_id (selected));
      show_found_note (self, selected);
    }
}

/* The next page of results once the list is scrolled near its end, or does not fill the view
 * (a third of a view ahead: a page is read in a few milliseconds) */
static void
on_result_scrolled_cb (BkWindow      *self,
                       GtkAdjustment *adjustment)
{
  double end = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

  if (self->showing_results &&
      gtk_adjustment_get_upper (adjustment) - end < gtk_adjustment_get_page_size (adjustment) / 3)
    bk_counterpart_list_load_more (self->results);
}

/* A search's page came, or it follows a write */
static void
on_results_changed_cb (BkWindow *self)
{
  update_sidebar_stack (self);
  select_shown_counterpart (self);
  /* (scrolled to the end while a page was being read) */
  on_result_scrolled_cb (self, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->result_scroller)));
}

static void
on_counterparts_items_changed_cb (BkWindow *self)
{
  update_sidebar_stack (self);
  update_main_stack (self);
  select_shown_counterpart (self);
}

/* The shown counterpart was edited (it follows in place), or deleted. */
static void
on_counterpart_changed_cb (BkWindow           *self,
                           BkChange            change,
                           gint64              id,
                           gint64              counterpart_id,
                           BkCounterpartStore *store)
{
  BkCounterpart *shown = get_shown_counterpart (self);
  g_autoptr(BkCounterpart) fresh = NULL;

  if (shown == NULL || bk_counterpart_get_id (shown) != id)
    return;

  if (change != BK_CHANGE_REMOVED && (fresh = bk_counterpart_store_dup (store, id, NULL)))
    {
      bk_counterpart_update_from (shown, fresh);
      update_content (self);
      return;
    }

  bk_client_page_set_counterpart (self->client_page, NULL);
  update_content (self);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  update_main_stack (self);
}

static void
on_search_changed_cb (BkWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Cleared: the whole list at once, as it was under the results; these stay as they are, out
   * of sight (set to nothing, their list would become the whole list too, and build its rows
   * while it goes) */
  if (!bk_store_is_blank (text))
    bk_counterpart_list_set_query (self->results, text);
  update_sidebar_stack (self);
  select_shown_counterpart (self);
}

static void
on_search_stopped_cb (BkWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_status_filter_changed_cb (BkWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  /* The first entry is "All statuses"; the others follow BkCounterpartStatus. */
  int status = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int)selected - 1;

  bk_counterpart_list_set_status_filter (self->counterparts, status);
  bk_counterpart_list_set_status_filter (self->results, status);
}

/* Folding, the pane that shows is the client's page if there is one, else the list. */
static void
on_leaflet_folded_cb (BkWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet,
                                   get_shown_counterpart (self) != NULL ? self->content : self->sidebar);
}

static void
on_back_clicked_cb (BkWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Enter, Space or a double click on a row: its page, even when the row is selected already
 * (a narrow window shows the list alone) */
static void
activate_row (BkWindow           *self,
              GtkSingleSelection *selection,
              guint               position)
{
  g_autoptr(BkCounterpart) counterpart = g_list_model_get_item (G_LIST_MODEL (selection), position);

  if (counterpart == NULL)
    return;

  gtk_single_selection_set_selected (selection, position);
  bk_window_show_counterpart (self, bk_counterpart_get_id (counterpart));
  show_found_note (self, counterpart);
}

static void
on_counterpart_activated_cb (BkWindow *self,
                             guint     position)
{
  activate_row (self, self->selection, position);
}

static void
on_result_activated_cb (BkWindow *self,
                        guint     position)
{
  activate_row (self, self->result_selection, position);
}

/* Back at the list in a narrow window: no row stays marked, so that choosing the same client
 * again is a change of selection that opens it */
static void
on_leaflet_visible_child_cb (BkWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_single_selection_set_selected (self->result_selection, GTK_INVALID_LIST_POSITION);
    }
}

static void
on_dialog_saved_cb (BkWindow      *self,
                    BkCounterpart *counterpart)
{
  bk_window_show_counterpart (self, bk_counterpart_get_id (counterpart));
}

/* A new client: the next thing to do is to write about it. */
static void
on_new_dialog_saved_cb (BkWindow      *self,
                        BkCounterpart *counterpart)
{
  bk_window_show_counterpart (self, bk_counterpart_get_id (counterpart));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  bk_client_page_focus_composer (self->client_page);
}

static void
open_counterpart_dialog (BkWindow      *self,
                         BkCounterpart *counterpart)
{
  BkCounterpartDialog *dialog;

  dialog = bk_counterpart_dialog_new (GTK_WINDOW (self), self->journal, counterpart);
  g_signal_connect_object (dialog, "saved",
                           counterpart == NULL ? G_CALLBACK (on_new_dialog_saved_cb) : G_CALLBACK (on_dialog_saved_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_client_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_counterpart_dialog (BK_WINDOW (widget), NULL);
}

static void
edit_client_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  BkCounterpart *shown = get_shown_counterpart (self);

  if (shown != NULL)
    open_counterpart_dialog (self, shown);
}

static void
on_undo_delete_cb (BkWindow *self,
                   AdwToast *toast)
{
  g_autoptr(GError) error = NULL;

  if (toast != self->undo_toast || self->deletion == NULL)
    return;

  if (!bk_deletion_undo (self->deletion, &error))
    bk_window_show_message (self, error->message);
  else
    bk_window_show_counterpart (self, bk_deletion_get_counterpart_id (self->deletion));
}

static void
on_deletion_committed_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!bk_deletion_commit_finish (BK_DELETION (object), result, &error))
    g_warning ("Could not delete for good: %s", error->message);
}

static void
on_delete_toast_dismissed_cb (BkWindow *self,
                              AdwToast *toast)
{
  g_autoptr(BkDeletion) deletion = NULL;

  if (self->undo_toast != toast)
    return;

  self->undo_toast = NULL;
  deletion = g_steal_pointer (&self->deletion);

  /* The undo is no longer on offer: the deletion becomes final (unless it was undone).
   * (When the window goes with the toast up, dispose has committed it already.) */
  if (deletion != NULL)
    bk_deletion_commit_async (deletion, NULL, on_deletion_committed_cb, NULL);
}

static void
delete_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  BkCounterpart *shown = get_shown_counterpart (self);
  g_autoptr(BkDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (shown == NULL)
    return;

  /* One deletion waits for its undo at a time: settle the previous one first. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  if (!(deletion = bk_deletion_new (self->journal, bk_counterpart_get_id (shown), &error)))
    {
      bk_window_show_message (self, error->message);
      return;
    }

  /* Translators: %s is the name of a client or vendor */
  toast = adw_toast_new_format (_("“%s” deleted"), bk_deletion_get_name (deletion));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), self, G_CONNECT_SWAPPED);

  self->deletion = g_steal_pointer (&deletion);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* "win.open-exported" (s): a file written, by its URI */
static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* "Exported “name.pdf”", with a button that opens it */
static AdwToast *
exported_toast_new (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Exported “%s”"), name);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));

  return toast;
}

static void
on_exported_cb (BkWindow *self,
                GFile    *file)
{
  adw_toast_overlay_add_toast (self->toast_overlay, exported_toast_new (file));
}

/* Export Journal…: the whole journal as JSON, the file the command line's --export-json writes,
 * read in a thread on a connection of its own (a big journal takes seconds) and written
 * atomically. */
typedef struct
{
  char              *path;
  BkPlaybookLibrary *playbooks;
  GFile             *file;
} JournalExport;

static void
journal_export_free (JournalExport *export)
{
  g_free (export->path);
  g_clear_object (&export->playbooks);
  g_clear_object (&export->file);
  g_free (export);
}

static void
journal_export_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  JournalExport *export = task_data;
  g_autoptr(BkJournal) journal = NULL;
  GError *error = NULL;

  if (!(journal = bk_journal_open (export->path, &error)) ||
      !bk_journal_export_json (journal, export->playbooks, export->file, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_journal_exported_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  BkWindow *self = BK_WINDOW (object);
  BkProgressToast *progress = user_data;
  JournalExport *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-journal", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      bk_progress_toast_finish (progress, NULL);
      bk_show_error_dialog (GTK_WINDOW (self), _("The Journal Was Not Exported"), error->message);
    }
  else
    {
      bk_progress_toast_finish (progress, exported_toast_new (export->file));
    }
}

void
bk_window_export_journal (BkWindow *self,
                          GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  JournalExport *export;
  BkProgressToast *progress;

  g_return_if_fail (BK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  bk_file_chooser_remember_folder (file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-journal", FALSE);

  progress = bk_progress_toast_start (self->toast_overlay, _("Exporting the journal…"));

  export = g_new0 (JournalExport, 1);
  export->path = g_strdup (bk_journal_get_path (self->journal));
  export->playbooks = g_object_ref (self->playbooks);
  export->file = g_object_ref (file);

  task = g_task_new (self, NULL, on_journal_exported_cb, progress);
  g_task_set_source_tag (task, bk_window_export_journal);
  g_task_set_task_data (task, export, (GDestroyNotify) journal_export_free);
  g_task_run_in_thread (task, journal_export_thread);
}

static void
on_journal_file_chosen (GObject *owner,
                        GFile   *file)
{
  bk_window_export_journal (BK_WINDOW (owner), file);
}

static void
export_journal_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  /* Translators: the file name Export Journal… suggests; %s is the day, 2026-11-30 */
  name = g_strdup_printf (_("Bridgekeeper journal %s.json"), day);
  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  bk_file_chooser_save (GTK_WINDOW (widget), _("Export Journal"), name, filter, on_journal_file_chosen, G_OBJECT (widget));
}

/* Import…: a file Export Journal… (or --export-json) wrote, added all or nothing on a
 * connection of its own (a big file takes seconds); the list and the pages learn what came
 * when it is done. */
typedef struct
{
  BkWindow     *window;
  GApplication *application;
  GFile           *file;
  BkProgressToast *progress;
} JournalImport;

static void
journal_import_free (JournalImport *import)
{
  if (import->application != NULL)
    g_application_release (import->application);
  g_clear_object (&import->application);
  g_clear_object (&import->window);
  g_clear_object (&import->file);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JournalImport, journal_import_free)

/* "Imported 3 clients and vendors, 12 notes", and what was in the journal already */
static char *
describe_import (const BkImportSummary *summary,
                 GFile                 *file)
{
  g_autofree char *added = NULL;
  g_autofree char *skipped = NULL;

  if (summary->counterparts_added == 0 && summary->notes_added == 0)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Translators: %s is a file name */
      return g_strdup_printf (_("Nothing new: the journal has all of “%s” already"), name);
    }

  added = bk_format_counts (summary->counterparts_added, summary->notes_added);
  if (summary->counterparts_skipped == 0 && summary->notes_skipped == 0)
    /* Translators: %s is, for example, "3 clients and vendors, 12 notes" */
    return g_strdup_printf (_("Imported %s"), added);

  skipped = bk_format_counts (summary->counterparts_skipped, summary->notes_skipped);
  /* Translators: both %s are, for example, "3 clients and vendors, 12 notes" */
  return g_strdup_printf (_("Imported %s. Already in the journal: %s"), added, skipped);
}

static void
on_journal_imported_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(JournalImport) import = user_data;
  BkWindow *self = import->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BkImportSummary summary;
  AdwToast *toast;

  if (!bk_journal_import_json_finish (BK_JOURNAL (object), result, &summary, &error))
    {
      g_autofree char *message = NULL;

      bk_progress_toast_finish (g_steal_pointer (&import->progress), NULL);

      /* Translators: %s says what is wrong with the file, and where */
      message = g_strdup_printf (_("%s\n\nThe journal is unchanged."), error->message);
      bk_show_error_dialog (GTK_WINDOW (self), _("Nothing Was Imported"), message);
      return;
    }

  text = describe_import (&summary, import->file);
  toast = adw_toast_new (text);
  bk_progress_toast_finish (g_steal_pointer (&import->progress), toast);
}

void
bk_window_import_journal (BkWindow *self,
                          GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *progress_title = NULL;
  JournalImport *import;

  g_return_if_fail (BK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  bk_file_chooser_remember_folder (file);
  name = g_file_get_basename (file);

  import = g_new0 (JournalImport, 1);
  import->window = g_object_ref (self);
  import->file = g_object_ref (file);
  /* Translators: %s is a file name */
  progress_title = g_strdup_printf (_("Importing “%s”…"), name);
  import->progress = bk_progress_toast_start (self->toast_overlay, progress_title);

  /* Closing the window does not cut an import short: the application waits for it. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      import->application = G_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (import->application);
    }

  bk_journal_import_json_async (self->journal, file, NULL, on_journal_imported_cb, import);
}

static void
on_import_file_chosen (GObject *owner,
                       GFile   *file)
{
  bk_window_import_journal (BK_WINDOW (owner), file);
}

static void
import_journal_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  bk_file_chooser_open (GTK_WINDOW (widget), _("Import"), filter, on_import_file_chosen, G_OBJECT (widget));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  BkCounterpart *shown = get_shown_counterpart (self);
  BkExportDialog *dialog;

  if (shown == NULL)
    return;

  dialog = bk_export_dialog_new (GTK_WINDOW (self), self->journal, self->playbooks, shown);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_print_error (BkWindow          *self,
                  GtkPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    bk_window_show_message (self, error->message);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  g_autoptr(BkWindow) self = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (self, operation);

  /* The reference held while the print dialog and the job ran */
  g_object_unref (operation);
}

/* Prints the shown counterpart's summary. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  BkCounterpart *shown;
  g_autoptr(BkPrintOperation) operation = NULL;
  g_autoptr(BkSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  BkSummaryOptions options;

  if (!(shown = get_shown_counterpart (self)))
    return;

  /* The same document as the PDF export, with its defaults: no private notes. */
  bk_summary_options_init (&options);
  if (!(summary = bk_summary_new (self->journal, bk_counterpart_get_id (shown), &options,
                                  self->playbooks, &error)))
    {
      bk_window_show_message (self, error->message);
      return;
    }

  operation = bk_print_operation_new (summary);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), NULL);

  /* Where printing goes on after the dialog, its end (and any error) comes with "done". */
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_signal_connect (g_object_ref (operation), "done", G_CALLBACK (on_print_done_cb), g_object_ref (self));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (self, GTK_PRINT_OPERATION (operation));
}

static void
show_followups_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (bk_followups_window_new (BK_WINDOW (widget))));
}

/* "win.show-counterpart" (x): a counterpart's page, by id (a referrer's link) */
static void
show_counterpart_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  bk_window_show_counterpart (BK_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* "win.reflect": a reflection on the client shown, at any time */
static void
reflect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  BkCounterpart *shown = get_shown_counterpart (self);

  if (shown != NULL)
    gtk_window_present (GTK_WINDOW (bk_reflect_dialog_new (GTK_WINDOW (self), self->journal, shown)));
}

static void
show_reflection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (bk_reflection_window_new (BK_WINDOW (widget))));
}

static void
on_checkin_changed_cb (BkWindow *self)
{
  self->followups_changed = TRUE;
}

/* A counterpart's check-ins leave the list with it when it goes to the trash, and come back
 * with it. */
static void
on_counterpart_changed_for_followups_cb (BkWindow *self,
                                         BkChange  change)
{
  /* (an edit may give a rhythm of staying in touch, or take it away) */
  self->followups_changed = TRUE;
}

static void
on_database_flushed_cb (BkWindow *self)
{
  if (self->followups_changed)
    bk_window_update_followups (self);
  self->followups_changed = FALSE;
}

void
bk_window_update_followups (BkWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) losing = NULL;
  g_autofree char *tooltip = NULL;
  guint n;

  g_return_if_fail (BK_IS_WINDOW (self));

  if (!(due = bk_checkin_store_list_due (bk_journal_get_checkins (self->journal), now, NULL)) ||
      !(losing = bk_counterpart_store_list_losing_touch (bk_journal_get_counterparts (self->journal), now, FALSE, NULL)))
    return;

  n = due->len + losing->len;
  /* Translators: a tooltip on the button that shows who to get in touch with */
  tooltip = g_strdup_printf (ngettext ("%u relationship needs a word from you", "%u relationships need a word from you", n), n);
  gtk_widget_set_tooltip_text (self->followups_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->followups_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_visible (self->followups_button, n > 0);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BkWindow                 *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (bk_counterpart_row_new (self->playbooks)));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  bk_counterpart_row_set_counterpart (BK_COUNTERPART_ROW (gtk_list_item_get_child (item)),
                                      gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  bk_counterpart_row_set_counterpart (BK_COUNTERPART_ROW (gtk_list_item_get_child (item)), NULL);
}

static GListModel *
create_status_filter_model (void)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, _("All statuses"));
  for (guint i = 0; i < BK_COUNTERPART_N_STATUSES; i++)
    gtk_string_list_append (strings, bk_counterpart_status_get_label (i));

  return G_LIST_MODEL (strings);
}

static gboolean
bk_window_close_request (GtkWindow *window)
{
  BkWindow *self = BK_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  return GTK_WINDOW_CLASS (bk_window_parent_class)->close_request (window);
}

/**
 * bk_window_follow_outside_changes:
 *
 * Reads the journal anew if another program wrote to it since it was last read (an import on
 * the command line): the list, the search, the client shown, the check-ins. The window does it
 * itself whenever it becomes the active window.
 */
void
bk_window_follow_outside_changes (BkWindow *self)
{
  BkCounterpart *shown;
  gint64 version;

  g_return_if_fail (BK_IS_WINDOW (self));

  version = bk_database_get_data_version (bk_journal_get_database (self->journal));
  if (version == self->data_version)
    return;
  self->data_version = version;

  bk_counterpart_list_reload (self->counterparts);
  if (is_searching (self))
    bk_counterpart_list_reload (self->results);

  if ((shown = get_shown_counterpart (self)) != NULL)
    {
      g_autoptr(BkCounterpart) fresh = bk_counterpart_store_dup (bk_journal_get_counterparts (self->journal),
                                                                 bk_counterpart_get_id (shown), NULL);

      /* its page is built again from the journal; gone, none is shown */
      show_counterpart (self, fresh);
    }

  update_main_stack (self);
  update_sidebar_stack (self);
  select_shown_counterpart (self);
  bk_window_update_followups (self);
}

static void
on_active_changed_cb (BkWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    bk_window_follow_outside_changes (self);
}

static void
bk_window_constructed (GObject *object)
{
  BkWindow *self = (BkWindow *)object;
  g_autoptr(GListModel) status_model = create_status_filter_model ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *result_adjustment;

  G_OBJECT_CLASS (bk_window_parent_class)->constructed (object);

  self->counterparts = bk_counterpart_list_new (self->journal);
  g_object_set (self->counterparts, "playbooks", self->playbooks, NULL);
  /* Nothing selected until a person chooses: a row never looks selected without its page
   * (autoselect would pick the first row before anyone listens). */
  self->selection = g_object_new (GTK_TYPE_SINGLE_SELECTION,
                                  "autoselect", FALSE,
                                  "can-unselect", TRUE,
                                  "model", self->counterparts,
                                  NULL);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->counterparts, "items-changed",
                           G_CALLBACK (on_counterparts_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->results = bk_counterpart_list_new (self->journal);
  g_object_set (self->results, "playbooks", self->playbooks, NULL);
  self->result_selection = g_object_new (GTK_TYPE_SINGLE_SELECTION,
                                         "autoselect", FALSE,
                                         "can-unselect", TRUE,
                                         "model", self->results,
                                         NULL);
  g_signal_connect_object (self->result_selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results, "items-changed",
                           G_CALLBACK (on_results_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->results, "notify::searching",
                           G_CALLBACK (on_results_changed_cb), self, G_CONNECT_SWAPPED);
  self->data_version = bk_database_get_data_version (bk_journal_get_database (self->journal));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed_cb), NULL);
  gtk_widget_set_visible (self->read_only_banner, bk_journal_is_read_only (self->journal));
  result_adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->result_scroller));
  g_signal_connect_object (result_adjustment, "value-changed",
                           G_CALLBACK (on_result_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (result_adjustment, "changed",
                           G_CALLBACK (on_result_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_counterparts (self->journal), "changed",
                           G_CALLBACK (on_counterpart_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_checkins (self->journal), "changed",
                           G_CALLBACK (on_checkin_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_counterparts (self->journal), "changed",
                           G_CALLBACK (on_counterpart_changed_for_followups_cb), self, G_CONNECT_SWAPPED);
  /* a call, meeting or email resets a rhythm */
  g_signal_connect_object (bk_journal_get_notes (self->journal), "changed",
                           G_CALLBACK (on_checkin_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_database (self->journal), "flushed",
                           G_CALLBACK (on_database_flushed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_journal_get_database (self->journal), "notify::busy",
                           G_CALLBACK (update_write_actions), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->counterpart_view, factory);
  gtk_list_view_set_model (self->counterpart_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->result_view, factory);
  gtk_list_view_set_model (self->result_view, GTK_SELECTION_MODEL (self->result_selection));

  gtk_drop_down_set_model (self->status_filter, status_model);

  update_sidebar_stack (self);
  update_main_stack (self);
  update_content (self);
  bk_window_update_followups (self);
}

static void
bk_window_dispose (GObject *object)
{
  BkWindow *self = (BkWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WINDOW);

  /* A deletion still on offer when the window goes is final (as when its toast goes). */
  if (self->deletion != NULL)
    bk_deletion_commit_async (self->deletion, NULL, on_deletion_committed_cb, NULL);
  g_clear_object (&self->deletion);
  g_clear_object (&self->selection);
  g_clear_object (&self->counterparts);
  g_clear_object (&self->result_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->settings);
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);

  G_OBJECT_CLASS (bk_window_parent_class)->dispose (object);
}

static void
bk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BkWindow *self = BK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_PLAYBOOKS:
      g_value_set_object (value, self->playbooks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BkWindow *self = BK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_PLAYBOOKS:
      self->playbooks = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_window_class_init (BkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bk_window_constructed;
  object_class->dispose = bk_window_dispose;
  object_class->get_property = bk_window_get_property;
  object_class->set_property = bk_window_set_property;

  window_class->close_request = bk_window_close_request;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         BK_TYPE_JOURNAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAYBOOKS] =
    g_param_spec_object ("playbooks", NULL, NULL,
                         BK_TYPE_PLAYBOOK_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BK_TYPE_CLIENT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, content);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, counterpart_view);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, browse_scroller);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, result_scroller);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, result_view);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, delete_section);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, client_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, client_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, followups_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_counterpart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_switcher_title_visible_cb);

  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.edit-client", NULL, edit_client_action);
  gtk_widget_class_install_action (widget_class, "win.delete-client", NULL, delete_client_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-followups", NULL, show_followups_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-journal", NULL, export_journal_action);
  gtk_widget_class_install_action (widget_class, "win.import-journal", NULL, import_journal_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-reflection", NULL, show_reflection_action);
  gtk_widget_class_install_action (widget_class, "win.reflect", NULL, reflect_action);
  gtk_widget_class_install_action (widget_class, "win.show-counterpart", "x", show_counterpart_action);
}

static void
bk_window_init (BkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
  bk_accessible_name_drop_down (self->status_filter, gtk_widget_get_tooltip_text (GTK_WIDGET (self->status_filter)));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if PROFILE_DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

BkWindow *
bk_window_new (GtkApplication    *application,
               BkJournal         *journal,
               BkPlaybookLibrary *playbooks)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (BK_IS_PLAYBOOK_LIBRARY (playbooks), NULL);

  return g_object_new (BK_TYPE_WINDOW,
                       "application", application,
                       "journal", journal,
                       "playbooks", playbooks,
                       NULL);
}

BkJournal *
bk_window_get_journal (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->journal;
}

BkPlaybookLibrary *
bk_window_get_playbooks (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->playbooks;
}

void
bk_window_show_message (BkWindow   *self,
                        const char *message)
{
  g_return_if_fail (BK_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
bk_window_add_toast (BkWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (BK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
bk_window_show_search_result (BkWindow      *self,
                              BkCounterpart *result)
{
  g_return_if_fail (BK_IS_WINDOW (self));
  g_return_if_fail (BK_IS_COUNTERPART (result));

  bk_window_show_counterpart (self, bk_counterpart_get_id (result));
  show_found_note (self, result);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
bk_window_search (BkWindow   *self,
                  const char *text)
{
  g_return_if_fail (BK_IS_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* bk-export-dialog.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-date-button.h"
#include "bk-export-dialog.h"
#include "bk-feedback.h"
#include "bk-file-chooser.h"
#include "bk-summary.h"

struct _BkExportDialog
{
  AdwWindow       parent_instance;

  BkJournal      *journal;
  BkPlaybookLibrary *playbooks;
  BkCounterpart  *counterpart;
  BkSummary      *summary;
  /* Set while the export runs */
  GCancellable   *cancellable;

  GtkStack       *stack;
  GtkWidget      *export_button;
  GtkSwitch      *timeline_switch;
  GtkSwitch      *private_switch;
  BkDateButton   *from_button;
  BkDateButton   *to_button;
  AdwActionRow   *to_row;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (BkExportDialog, bk_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the export's thread reads: its own, so that dispose may drop the dialog's */
typedef struct
{
  BkSummary *summary;
  GFile     *file;
} Export;

typedef struct
{
  GTask  *task;
  double  fraction;
} Progress;

static void
export_free (Export *export)
{
  g_clear_object (&export->summary);
  g_clear_object (&export->file);
  g_free (export);
}

/* The last day's notes are in: "To" is the end of its day. NULL when there is no bound. */
static GDateTime *
dup_to (BkExportDialog *self)
{
  GDateTime *day = bk_date_button_get_date_time (self->to_button);

  return day != NULL ? g_date_time_add_seconds (day, 24 * 60 * 60 - 1) : NULL;
}

static gboolean
is_range_valid (BkExportDialog *self)
{
  GDateTime *from = bk_date_button_get_date_time (self->from_button);
  g_autoptr(GDateTime) to = dup_to (self);

  return from == NULL || to == NULL || g_date_time_compare (from, to) <= 0;
}

/* An impossible range is said where it is, and there is nothing to export until it is fixed. */
static void
on_range_changed_cb (BkExportDialog *self)
{
  gboolean valid = is_range_valid (self);

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
      adw_action_row_set_subtitle (self->to_row, NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
      adw_action_row_set_subtitle (self->to_row, _("Before the “From” day: choose a later day"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.export", valid && self->cancellable == NULL);
}

GFile *
bk_export_dialog_dup_folder (BkExportDialog *self)
{
  g_return_val_if_fail (BK_IS_EXPORT_DIALOG (self), NULL);

  return bk_file_chooser_dup_folder ();
}

/* Whether @task is the export the dialog shows. Dispose lets go of it: what the task reports
 * afterwards must not touch the dialog's widgets, which are gone. */
static gboolean
is_current_export (BkExportDialog *self,
                   GTask          *task)
{
  return self->cancellable != NULL && self->cancellable == g_task_get_cancellable (task);
}

static gboolean
update_progress_cb (gpointer data)
{
  Progress *progress = data;
  BkExportDialog *self = g_task_get_source_object (progress->task);

  /* A late step, after the export has ended, would move the bar backwards or onto nothing */
  if (!g_task_get_completed (progress->task) && is_current_export (self, progress->task))
    gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);

  g_object_unref (progress->task);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

/* Called on the export's thread: the bar moves on the main one. */
static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Progress *progress = g_new (Progress, 1);

  progress->task = g_object_ref (user_data);
  progress->fraction = fraction;
  /* not at idle priority: the bar must move while the dialog animates */
  g_idle_add_full (G_PRIORITY_DEFAULT, update_progress_cb, progress, NULL);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (bk_summary_write_pdf (export->summary, export->file, on_progress_cb, task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BkExportDialog *self = BK_EXPORT_DIALOG (object);
  Export *export = g_task_get_task_data (G_TASK (result));
  gboolean current = is_current_export (self, G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean exported;

  exported = g_task_propagate_boolean (G_TASK (result), &error);

  /* Disposed while the export ran: it was cancelled then, and left no file unless it had
   * already finished one. */
  if (!current)
    return;

  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (self->export_button, TRUE);

  if (!exported)
    {
      gtk_stack_set_visible_child_name (self->stack, "options");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bk_show_error_dialog (GTK_WINDOW (self), _("The Summary Was Not Exported"), error->message);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, export->file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
export_to (BkExportDialog *self,
           GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  bk_file_chooser_remember_folder (file);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (self->export_button, FALSE);

  task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, export_to);
  export = g_new0 (Export, 1);
  export->summary = g_object_ref (self->summary);
  export->file = g_object_ref (file);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_file_chosen (GObject *owner,
                GFile   *file)
{
  export_to (BK_EXPORT_DIALOG (owner), file);
}

static void
choose_file (BkExportDialog *self)
{
  g_autofree char *name = bk_summary_dup_file_name (self->summary);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  bk_file_chooser_save (GTK_WINDOW (self), _("Export Summary as PDF"), name, filter, on_file_chosen, G_OBJECT (self));
}

static gboolean
prepare_summary (BkExportDialog *self)
{
  g_autoptr(GDateTime) to = dup_to (self);
  g_autoptr(GError) error = NULL;
  BkSummaryOptions options;

  if (!is_range_valid (self))
    return FALSE;

  bk_summary_options_init (&options);
  options.include_private = gtk_switch_get_active (self->private_switch);
  options.include_timeline = gtk_switch_get_active (self->timeline_switch);
  options.from = bk_date_button_get_date_time (self->from_button);
  options.to = to;

  g_clear_object (&self->summary);
  self->summary = bk_summary_new (self->journal, bk_counterpart_get_id (self->counterpart), &options,
                                  self->playbooks, &error);
  if (self->summary == NULL)
    {
      bk_show_error_dialog (GTK_WINDOW (self), _("The Summary Was Not Exported"), error->message);
      return FALSE;
    }

  return TRUE;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BkExportDialog *self = BK_EXPORT_DIALOG (widget);

  if (self->cancellable == NULL && prepare_summary (self))
    choose_file (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BkExportDialog *self = BK_EXPORT_DIALOG (widget);

  /* While exporting, Cancel stops the export and nothing is left behind; otherwise it closes. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
bk_export_dialog_close_request (GtkWindow *window)
{
  BkExportDialog *self = BK_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (bk_export_dialog_parent_class)->close_request (window);
}

static void
bk_export_dialog_dispose (GObject *object)
{
  BkExportDialog *self = (BkExportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->summary);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->journal);
  g_clear_object (&self->playbooks);

  G_OBJECT_CLASS (bk_export_dialog_parent_class)->dispose (object);
}

static void
bk_export_dialog_class_init (BkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bk_export_dialog_dispose;
  window_class->close_request = bk_export_dialog_close_request;

  g_type_ensure (BK_TYPE_DATE_BUTTON);

  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BkExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, BkExportDialog, timeline_switch);
  gtk_widget_class_bind_template_child (widget_class, BkExportDialog, private_switch);
  gtk_widget_class_bind_template_child (widget_class, BkExportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, BkExportDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, BkExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, BkExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
bk_export_dialog_init (BkExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
}

BkExportDialog *
bk_export_dialog_new (GtkWindow         *parent,
                      BkJournal         *journal,
                      BkPlaybookLibrary *playbooks,
                      BkCounterpart     *counterpart)
{
  BkExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (BK_IS_PLAYBOOK_LIBRARY (playbooks), NULL);
  g_return_val_if_fail (BK_IS_COUNTERPART (counterpart), NULL);

  self = g_object_new (BK_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->playbooks = g_object_ref (playbooks);
  self->counterpart = g_object_ref (counterpart);

  return self;
}

/* Exports to @file without asking where, as if the person had chosen it. */
void
bk_export_dialog_export_to_file (BkExportDialog *self,
                                 GFile          *file)
{
  g_return_if_fail (BK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable == NULL && prepare_summary (self))
    export_to (self, file);
}

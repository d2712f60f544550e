/* bk-summary.c: one relationship as a document, read from the journal's stores
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-summary"

#include "config.h"

#include <string.h>
/* glibc says which paper a locale uses (LC_PAPER) */
#ifdef __GLIBC__
# include <langinfo.h>
# define HAVE_NL_PAPER 1
#endif

#include <glib/gi18n.h>

#include "bk-journal.h"
#include "bk-summary-private.h"

/* Paper sizes in points */
#define A4_WIDTH       595.276
#define A4_HEIGHT      841.890
#define LETTER_WIDTH   612.0
#define LETTER_HEIGHT  792.0

G_DEFINE_FINAL_TYPE (BkSummary, bk_summary, G_TYPE_OBJECT)

G_DEFINE_QUARK (bk-summary-error-quark, bk_summary_error)

static void
bk_summary_finalize (GObject *object)
{
  BkSummary *self = (BkSummary *)object;

  bk_summary_layout_clear (self);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->font_family, g_free);

  g_clear_object (&self->counterpart);
  g_clear_object (&self->playbooks);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_clear_pointer (&self->health_history, g_array_unref);
  g_clear_pointer (&self->open_items, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);
  g_clear_pointer (&self->credentials, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);

  G_OBJECT_CLASS (bk_summary_parent_class)->finalize (object);
}

static void
bk_summary_class_init (BkSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_summary_finalize;
}

static void
bk_summary_init (BkSummary *self)
{
}

void
bk_summary_options_init (BkSummaryOptions *options)
{
  g_return_if_fail (options != NULL);

  options->include_private = FALSE;
  options->include_timeline = TRUE;
  options->from = NULL;
  options->to = NULL;
}

/* Words for the page */

char *
bk_summary_format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return NULL;

  local = g_date_time_to_local (date_time);

  /* Translators: a date, see g_date_time_format() for the codes.
   * %B is the month name in the form used after a day number ("27 ноября"). */
  return g_date_time_format (local, _("%B %-e, %Y"));
}

char *
bk_summary_format_unix_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_utc (unix_time);

  return bk_summary_format_date (date_time);
}

/* Reading the journal: the stores' objects are fresh copies, kept as they come */

static gboolean
read_health_history (BkSummary  *self,
                     BkJournal  *journal,
                     GError    **error)
{
  BkCounterpart *counterpart = self->counterpart;

  self->health_history = bk_counterpart_store_list_health (bk_journal_get_counterparts (journal),
                                                           bk_counterpart_get_id (counterpart),
                                                           error);
  if (self->health_history == NULL)
    return FALSE;

  /* A journal from before the history was kept: today's health is all there is */
  if (self->health_history->len == 0)
    {
      BkHealthPoint point = {
        .changed = g_date_time_to_unix (self->generated_at),
        .health = bk_counterpart_get_health (counterpart),
      };

      g_array_append_val (self->health_history, point);
    }

  return TRUE;
}

/* The chart's time axis: from the first to the last date of the history or the notes */
static void
set_chart_range (BkSummary *self)
{
  GArray *history = self->health_history;
  gint64 start = g_array_index (history, BkHealthPoint, 0).changed;
  gint64 end = g_array_index (history, BkHealthPoint, history->len - 1).changed;

  if (self->first_entry != 0 || self->last_entry != 0)
    {
      start = MIN (start, self->first_entry);
      end = MAX (end, self->last_entry);
    }
  if (end <= start)
    end = start + 24 * 60 * 60;

  self->chart_start = start;
  self->chart_end = end;
}

/**
 * bk_summary_new:
 * @journal: the journal to read
 * @counterpart_id: whose relationship
 * @options: (nullable): what to show; %NULL for the defaults of bk_summary_options_init()
 * @playbooks: (nullable): to name the playbooks of runs and their steps, when the summary is
 *   laid out (perhaps on another thread: a library never changes once loaded)
 * @error: a #BkDatabaseError when the counterpart or the journal cannot be read
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
BkSummary *
bk_summary_new (BkJournal               *journal,
                gint64                   counterpart_id,
                const BkSummaryOptions  *options,
                BkPlaybookLibrary       *playbooks,
                GError                 **error)
{
  g_autoptr(BkSummary) self = NULL;
  BkSummaryOptions defaults;

  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (playbooks == NULL || BK_IS_PLAYBOOK_LIBRARY (playbooks), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      bk_summary_options_init (&defaults);
      options = &defaults;
    }

  self = g_object_new (BK_TYPE_SUMMARY, NULL);

  if (!(self->counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), counterpart_id, error)))
    return NULL;

  if (playbooks != NULL)
    self->playbooks = g_object_ref (playbooks);
  self->include_private = options->include_private;
  self->generated_at = g_date_time_new_now_local ();

  if (!bk_note_store_get_span (bk_journal_get_notes (journal), counterpart_id,
                               self->include_private, &self->first_entry, &self->last_entry,
                               error) ||
      !read_health_history (self, journal, error) ||
      !(self->open_items = bk_open_item_store_list (bk_journal_get_open_items (journal),
                                                    counterpart_id, error)) ||
      !(self->runs = bk_run_store_list (bk_journal_get_runs (journal), counterpart_id, error)) ||
      !(self->checkins = bk_checkin_store_list (bk_journal_get_checkins (journal),
                                                counterpart_id, error)) ||
      /* by label and state only, see add_access(): the keyring is never opened */
      !(self->credentials = bk_credential_store_list (bk_journal_get_credentials (journal),
                                                      counterpart_id, error)))
    return NULL;

  set_chart_range (self);

  if (options->include_timeline)
    {
      if (!(self->notes = bk_note_store_list_between (bk_journal_get_notes (journal),
                                                      counterpart_id, self->include_private,
                                                      options->from, options->to, error)))
        return NULL;
      if (options->from != NULL)
        self->from = g_date_time_ref (options->from);
      if (options->to != NULL)
        self->to = g_date_time_ref (options->to);
    }

  return g_steal_pointer (&self);
}

/**
 * bk_summary_get_default_page_size:
 * @width: (out): in points
 * @height: (out): in points
 *
 * Letter where LC_PAPER says so (the United States, Canada, ...), A4 everywhere else.
 */
void
bk_summary_get_default_page_size (double *width,
                                  double *height)
{
  gboolean letter = FALSE;

  g_return_if_fail (width != NULL);
  g_return_if_fail (height != NULL);

#ifdef HAVE_NL_PAPER
  {
    /* glibc returns the number itself in place of the string, in millimetres */
    union { const char *string; unsigned int word; } paper_width, paper_height;

    paper_width.string = nl_langinfo (_NL_PAPER_WIDTH);
    paper_height.string = nl_langinfo (_NL_PAPER_HEIGHT);
    letter = paper_width.word == 216 && paper_height.word == 279;
  }
#endif

  *width = letter ? LETTER_WIDTH : A4_WIDTH;
  *height = letter ? LETTER_HEIGHT : A4_HEIGHT;
}

char *
bk_summary_dup_file_name (BkSummary *self)
{
  g_autoptr(GString) name = NULL;

  g_return_val_if_fail (BK_IS_SUMMARY (self), NULL);

  /* A name is free text: keep it from naming another folder or a hidden file */
  name = g_string_new (bk_counterpart_get_name (self->counterpart));
  g_string_replace (name, "/", "-", 0);
  g_string_replace (name, "\\", "-", 0);
  while (name->len > 0 && name->str[0] == '.')
    g_string_erase (name, 0, 1);

  /* Translators: the file a relationship summary is saved as, %s is the client's name */
  return g_strdup_printf (_("%s – relationship summary.pdf"), name->str);
}

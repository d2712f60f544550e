/* bk-summary.c: one relationship as a document, read from the journal
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
#include "bk-timeline.h"
#include "bk-summary-private.h"

/* Paper sizes in points */
#define A4_WIDTH       595.276
#define A4_HEIGHT      841.890
#define LETTER_WIDTH   612.0
#define LETTER_HEIGHT  792.0

G_DEFINE_FINAL_TYPE (BkSummary, bk_summary, G_TYPE_OBJECT)

G_DEFINE_QUARK (bk-summary-error-quark, bk_summary_error)

/* Freeing the snapshot */

static void
summary_note_free (gpointer data)
{
  BkSummaryNote *note = data;

  g_free (note->date);
  g_free (note->time);
  g_free (note->kind);
  g_free (note->text);
  g_free (note);
}

static void
summary_open_item_free (gpointer data)
{
  BkSummaryOpenItem *item = data;

  g_free (item->description);
  g_free (item->kind);
  g_free (item->amount);
  g_free (item->opened);
  g_free (item->settled);
  g_free (item);
}

static void
summary_step_free (gpointer data)
{
  BkSummaryStep *step = data;

  g_free (step->title);
  g_free (step->changed);
  g_free (step->note);
  g_free (step);
}

static void
summary_run_free (gpointer data)
{
  BkSummaryRun *run = data;

  g_free (run->name);
  g_free (run->started);
  g_free (run->ended);
  g_free (run->outcome);
  g_free (run->successor);
  g_free (run->reasons);
  g_clear_pointer (&run->steps, g_ptr_array_unref);
  g_free (run);
}

static void
summary_checkin_free (gpointer data)
{
  BkSummaryCheckin *checkin = data;

  g_free (checkin->due);
  g_free (checkin->done);
  g_free (checkin);
}

static void
summary_access_free (gpointer data)
{
  BkSummaryAccess *access = data;

  g_free (access->label);
  g_free (access->state);
  g_free (access->changed);
  g_free (access);
}

static void
bk_summary_finalize (GObject *object)
{
  BkSummary *self = (BkSummary *)object;

  bk_summary_layout_clear (self);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->font_family, g_free);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->tags, g_free);
  g_clear_pointer (&self->span, g_free);
  g_clear_pointer (&self->generated, g_free);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_clear_pointer (&self->health_history, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->chart_dates); i++)
    g_clear_pointer (&self->chart_dates[i], g_free);
  g_clear_pointer (&self->open_items, g_ptr_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);
  g_clear_pointer (&self->access, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->range, g_free);

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

static char *
format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return NULL;

  local = g_date_time_to_local (date_time);

  /* Translators: a date, see g_date_time_format() for the codes.
   * %B is the month name in the form used after a day number ("27 ноября"). */
  return g_date_time_format (local, _("%B %-e, %Y"));
}

static char *
format_unix_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_utc (unix_time);

  return format_date (date_time);
}

static char *
nonempty_dup (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* Reading the journal */

static gboolean
read_span (BkSummary  *self,
           BkJournal  *journal,
           gint64      counterpart_id,
           GError    **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (!bk_note_store_get_span (bk_journal_get_notes (journal), counterpart_id,
                               self->include_private, &self->first_entry, &self->last_entry,
                               error))
    return FALSE;

  if (self->first_entry == 0 && self->last_entry == 0)
    return TRUE;

  first = format_unix_date (self->first_entry);
  last = format_unix_date (self->last_entry);

  if (g_strcmp0 (first, last) == 0)
    self->span = g_steal_pointer (&first);
  else
    /* Translators: the span of a relationship, from the first to the last journal entry */
    self->span = g_strdup_printf (C_("date range", "%s – %s"), first, last);

  return TRUE;
}

static gboolean
read_health_history (BkSummary  *self,
                     BkJournal  *journal,
                     gint64      counterpart_id,
                     GError    **error)
{
  g_autoptr(GArray) points = NULL;

  points = bk_counterpart_store_list_health (bk_journal_get_counterparts (journal),
                                             counterpart_id, error);
  if (points == NULL)
    return FALSE;

  self->health_history = g_array_new (FALSE, FALSE, sizeof (BkSummaryHealth));

  for (guint i = 0; i < points->len; i++)
    {
      const BkHealthPoint *stored = &g_array_index (points, BkHealthPoint, i);
      BkSummaryHealth point = {
        .changed = stored->changed,
        .health = CLAMP (stored->health, 1, 5),
      };

      g_array_append_val (self->health_history, point);
    }

  /* A journal from before the history was kept: today's health is all there is */
  if (self->health_history->len == 0)
    {
      BkSummaryHealth point = { g_date_time_to_unix (self->generated_at), self->health };

      g_array_append_val (self->health_history, point);
    }

  return TRUE;
}

/* The chart's time axis: from the first to the last date of the history or the notes */
static void
set_chart_range (BkSummary *self)
{
  GArray *history = self->health_history;
  gint64 start = g_array_index (history, BkSummaryHealth, 0).changed;
  gint64 end = g_array_index (history, BkSummaryHealth, history->len - 1).changed;

  if (self->first_entry != 0 || self->last_entry != 0)
    {
      start = MIN (start, self->first_entry);
      end = MAX (end, self->last_entry);
    }
  if (end <= start)
    end = start + 24 * 60 * 60;

  self->chart_start = start;
  self->chart_end = end;
  self->chart_dates[0] = format_unix_date (start);
  if (end - start > 20 * 24 * 60 * 60)
    self->chart_dates[1] = format_unix_date (start + (end - start) / 2);
  self->chart_dates[2] = format_unix_date (end);
}

static gboolean
read_open_items (BkSummary  *self,
                 BkJournal  *journal,
                 gint64      counterpart_id,
                 GError    **error)
{
  g_autoptr(GPtrArray) items = NULL;

  if (!(items = bk_open_item_store_list (bk_journal_get_open_items (journal), counterpart_id, error)))
    return FALSE;

  self->open_items = g_ptr_array_new_with_free_func (summary_open_item_free);

  for (guint i = 0; i < items->len; i++)
    {
      BkOpenItem *item = g_ptr_array_index (items, i);
      BkSummaryOpenItem *entry = g_new0 (BkSummaryOpenItem, 1);

      entry->description = g_strdup (bk_open_item_get_description (item));
      entry->kind = g_strdup (bk_open_item_kind_get_label (bk_open_item_get_kind (item)));
      entry->amount = bk_open_item_dup_amount_text (item);
      entry->opened = format_date (bk_open_item_get_created (item));
      entry->settled = format_date (bk_open_item_get_settled (item));
      g_ptr_array_add (self->open_items, entry);
    }

  return TRUE;
}

static char *
dup_reasons_text (guint             reasons,
                  BkCounterpartKind kind)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint reason = 0; reason < BK_N_REASONS; reason++)
    if (reasons & (1u << reason))
      g_ptr_array_add (labels, (gpointer) bk_reason_get_label (reason, kind));

  if (labels->len == 0)
    return NULL;

  g_ptr_array_add (labels, NULL);

  /* Translators: between the reasons of a playbook run, "They don't pay on time; ..." */
  return g_strjoinv (C_("list separator", "; "), (char **) labels->pdata);
}

static BkSummaryRun *
summary_run_new (BkRun             *run,
                 BkPlaybookLibrary *playbooks,
                 BkCounterpartKind  kind)
{
  BkSummaryRun *entry = g_new0 (BkSummaryRun, 1);
  BkPlaybook *playbook = NULL;
  const char * const *step_ids = bk_run_get_step_ids (run);

  if (playbooks != NULL)
    playbook = bk_playbook_library_lookup (playbooks, bk_run_get_playbook_id (run));

  /* A playbook this edition no longer ships is still named, by its id */
  entry->name = g_strdup (playbook != NULL ? bk_playbook_get_name (playbook)
                                           : bk_run_get_playbook_id (run));
  entry->started = format_date (bk_run_get_started (run));
  if (!bk_run_is_active (run))
    {
      entry->ended = format_date (bk_run_get_ended (run));
      entry->outcome = g_strdup (bk_outcome_get_label (bk_run_get_outcome (run)));
      entry->successor = nonempty_dup (bk_run_get_successor (run));
    }
  entry->reasons = dup_reasons_text (bk_run_get_reasons (run), kind);
  entry->steps = g_ptr_array_new_with_free_func (summary_step_free);

  for (guint i = 0; step_ids != NULL && step_ids[i] != NULL; i++)
    {
      BkSummaryStep *step = g_new0 (BkSummaryStep, 1);
      int index = playbook != NULL ? bk_playbook_find_step (playbook, step_ids[i]) : -1;

      step->title = g_strdup (index >= 0 ? bk_playbook_get_step_title (playbook, index, kind)
                                         : step_ids[i]);
      step->state = bk_run_get_step_state (run, step_ids[i]);
      step->changed = format_date (bk_run_get_step_changed (run, step_ids[i]));
      step->note = nonempty_dup (bk_run_get_step_note (run, step_ids[i]));
      g_ptr_array_add (entry->steps, step);
    }

  return entry;
}

static gboolean
read_runs (BkSummary          *self,
           BkJournal          *journal,
           gint64              counterpart_id,
           BkPlaybookLibrary  *playbooks,
           BkCounterpartKind   kind,
           GError            **error)
{
  g_autoptr(GPtrArray) runs = NULL;

  if (!(runs = bk_run_store_list (bk_journal_get_runs (journal), counterpart_id, error)))
    return FALSE;

  self->runs = g_ptr_array_new_with_free_func (summary_run_free);

  for (guint i = 0; i < runs->len; i++)
    g_ptr_array_add (self->runs, summary_run_new (g_ptr_array_index (runs, i), playbooks, kind));

  return TRUE;
}

static gboolean
read_checkins (BkSummary  *self,
               BkJournal  *journal,
               gint64      counterpart_id,
               GError    **error)
{
  g_autoptr(GPtrArray) checkins = NULL;

  if (!(checkins = bk_checkin_store_list (bk_journal_get_checkins (journal), counterpart_id, error)))
    return FALSE;

  self->checkins = g_ptr_array_new_with_free_func (summary_checkin_free);

  for (guint i = 0; i < checkins->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (checkins, i);
      BkSummaryCheckin *entry = g_new0 (BkSummaryCheckin, 1);

      entry->due = format_date (bk_checkin_get_due (checkin));
      entry->done = format_date (bk_checkin_get_done (checkin));
      entry->overdue = bk_checkin_get_done (checkin) == NULL &&
                       g_date_time_compare (bk_checkin_get_due (checkin), self->generated_at) < 0;
      g_ptr_array_add (self->checkins, entry);
    }

  return TRUE;
}

/* The access a counterpart gave us, by label and state only: not the user name or the
 * address, and never a secret (those live in the keyring, which a summary never opens). */
static gboolean
read_access (BkSummary  *self,
             BkJournal  *journal,
             gint64      counterpart_id,
             GError    **error)
{
  g_autoptr(GPtrArray) credentials = NULL;

  if (!(credentials = bk_credential_store_list (bk_journal_get_credentials (journal), counterpart_id, error)))
    return FALSE;

  self->access = g_ptr_array_new_with_free_func (summary_access_free);

  for (guint i = 0; i < credentials->len; i++)
    {
      BkCredential *credential = g_ptr_array_index (credentials, i);
      BkSummaryAccess *entry = g_new0 (BkSummaryAccess, 1);

      entry->label = g_strdup (bk_credential_get_label (credential));
      entry->state = g_strdup (bk_credential_state_get_label (bk_credential_get_state (credential)));
      entry->changed = format_date (bk_credential_get_state_changed (credential));
      g_ptr_array_add (self->access, entry);
    }

  return TRUE;
}

static gboolean
read_notes (BkSummary               *self,
            BkJournal               *journal,
            gint64                   counterpart_id,
            const BkSummaryOptions  *options,
            BkPlaybookLibrary       *playbooks,
            BkCounterpartKind        kind,
            GError                 **error)
{
  g_autoptr(GPtrArray) notes = NULL;

  notes = bk_note_store_list_between (bk_journal_get_notes (journal), counterpart_id,
                                      self->include_private, options->from, options->to, error);
  if (notes == NULL)
    return FALSE;

  self->notes = g_ptr_array_new_with_free_func (summary_note_free);

  for (guint i = 0; i < notes->len; i++)
    {
      BkNote *stored = g_ptr_array_index (notes, i);
      BkSummaryNote *note = g_new0 (BkSummaryNote, 1);
      g_autoptr(GDateTime) local = g_date_time_to_local (bk_note_get_created (stored));

      note->date = format_date (bk_note_get_created (stored));
      /* Translators: a time of day in the timeline, see g_date_time_format() for the codes */
      note->time = g_date_time_format (local, _("%H:%M"));
      note->kind = g_strdup (bk_note_kind_get_label (bk_note_get_kind (stored)));
      /* a progress note's event, in the reader's language */
      note->text = bk_timeline_dup_text (stored, playbooks, kind);
      note->is_private = bk_note_get_private (stored);
      g_ptr_array_add (self->notes, note);
    }

  return TRUE;
}

static char *
dup_range_text (const BkSummaryOptions *options)
{
  g_autofree char *from = format_date (options->from);
  g_autofree char *to = format_date (options->to);

  if (from != NULL && to != NULL)
    /* Translators: the dates of the notes a summary shows */
    return g_strdup_printf (_("Notes from %s to %s"), from, to);
  if (from != NULL)
    /* Translators: the dates of the notes a summary shows */
    return g_strdup_printf (_("Notes from %s on"), from);
  if (to != NULL)
    /* Translators: the dates of the notes a summary shows */
    return g_strdup_printf (_("Notes up to %s"), to);

  return NULL;
}

/**
 * bk_summary_new:
 * @journal: the journal to read
 * @counterpart_id: whose relationship
 * @options: (nullable): what to show; %NULL for the defaults of bk_summary_options_init()
 * @playbooks: (nullable): to name the playbooks of runs
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
  g_autoptr(BkCounterpart) counterpart = NULL;
  BkSummaryOptions defaults;
  BkCounterpartKind kind;

  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (playbooks == NULL || BK_IS_PLAYBOOK_LIBRARY (playbooks), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      bk_summary_options_init (&defaults);
      options = &defaults;
    }

  if (!(counterpart = bk_counterpart_store_dup (bk_journal_get_counterparts (journal), counterpart_id, error)))
    return NULL;

  self = g_object_new (BK_TYPE_SUMMARY, NULL);
  self->include_private = options->include_private;
  self->generated_at = g_date_time_new_now_local ();
  self->generated = format_date (self->generated_at);

  kind = bk_counterpart_get_kind (counterpart);
  self->name = g_strdup (bk_counterpart_get_name (counterpart));
  self->organization = nonempty_dup (bk_counterpart_get_organization (counterpart));
  self->kind = g_strdup (bk_counterpart_kind_get_label (kind));
  self->email = nonempty_dup (bk_counterpart_get_email (counterpart));
  self->phone = nonempty_dup (bk_counterpart_get_phone (counterpart));
  self->status = g_strdup (bk_counterpart_status_get_label (bk_counterpart_get_status (counterpart)));
  self->health = CLAMP (bk_counterpart_get_health (counterpart), 1, 5);
  self->tags = bk_counterpart_dup_tags_string (counterpart);
  if (self->tags != NULL && self->tags[0] == '\0')
    g_clear_pointer (&self->tags, g_free);

  if (!read_span (self, journal, counterpart_id, error) ||
      !read_health_history (self, journal, counterpart_id, error) ||
      !read_open_items (self, journal, counterpart_id, error) ||
      !read_runs (self, journal, counterpart_id, playbooks, kind, error) ||
      !read_checkins (self, journal, counterpart_id, error) ||
      !read_access (self, journal, counterpart_id, error))
    return NULL;

  set_chart_range (self);

  if (options->include_timeline)
    {
      if (!read_notes (self, journal, counterpart_id, options, playbooks, kind, error))
        return NULL;
      self->range = dup_range_text (options);
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
  name = g_string_new (self->name);
  g_string_replace (name, "/", "-", 0);
  g_string_replace (name, "\\", "-", 0);
  while (name->len > 0 && name->str[0] == '.')
    g_string_erase (name, 0, 1);

  /* Translators: the file a relationship summary is saved as, %s is the client's name */
  return g_strdup_printf (_("%s – relationship summary.pdf"), name->str);
}

/* bk-summary-sections.c: what a relationship summary says, section by section
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-summary"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-timeline.h"
#include "bk-summary-private.h"

/* The snapshot is the stores' own objects: here is where they are put into words, in the
 * reader's language, each time the summary is laid out. */

/* "March 1, 2024 – May 3, 2026", or NULL without entries */
static char *
dup_span_text (BkSummary *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (self->first_entry == 0 && self->last_entry == 0)
    return NULL;

  first = bk_summary_format_unix_date (self->first_entry);
  last = bk_summary_format_unix_date (self->last_entry);

  if (g_strcmp0 (first, last) == 0)
    return g_steal_pointer (&first);

  /* Translators: the span of a relationship, from the first to the last journal entry */
  return g_strdup_printf (C_("date range", "%s – %s"), first, last);
}

static void
add_title (BkSummary *self)
{
  BkCounterpart *counterpart = self->counterpart;
  BkCounterpartKind kind = bk_counterpart_get_kind (counterpart);
  const char *organization = bk_summary_nonempty (bk_counterpart_get_organization (counterpart));
  g_autofree char *overline = g_utf8_strup (_("Relationship summary"), -1);
  g_autofree char *health = NULL;
  g_autofree char *tags = bk_counterpart_dup_tags_string (counterpart);
  g_autofree char *span = dup_span_text (self);
  g_autofree char *generated = bk_summary_format_date (self->generated_at);
  BkSummaryRich rich;
  BkSummaryBlock *block;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_OVERLINE, overline);
  block = bk_summary_add_text (self, &rich, SIZE_OVERLINE, TRUE, 0, 0);
  block->keep_with_next = TRUE;
  /* Translators: the bookmark of the first part of a relationship summary */
  block->outline_title = g_strdup (_("Details"));

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_BODY, bk_counterpart_get_name (counterpart));
  block = bk_summary_add_text (self, &rich, SIZE_TITLE, TRUE, 0, 4);
  block->keep_with_next = TRUE;

  if (organization != NULL)
    {
      bk_summary_rich_init (&rich);
      bk_summary_rich_add (&rich, STYLE_LABEL, organization);
      block = bk_summary_add_text (self, &rich, SIZE_SUBTITLE, FALSE, 0, 2);
      block->keep_with_next = TRUE;
    }

  block->rule_below = TRUE;
  block->space_after = 14;

  /* Translators: relationship health, %d is 1 to 5 */
  health = g_strdup_printf (_("%d of 5"), CLAMP (bk_counterpart_get_health (counterpart), 1, 5));

  /* Translators: a label in a relationship summary, before "Client" or "Vendor" */
  bk_summary_add_field (self, C_("summary field", "Kind"), bk_counterpart_kind_get_label (kind), 0);
  bk_summary_add_field (self, C_("summary field", "Status"),
                        bk_counterpart_status_get_label (bk_counterpart_get_status (counterpart)), 3);
  bk_summary_add_field (self, C_("summary field", "Health"), health, 3);
  bk_summary_add_field (self, C_("summary field", "Email"),
                        bk_summary_nonempty (bk_counterpart_get_email (counterpart)), 3);
  bk_summary_add_field (self, C_("summary field", "Phone"),
                        bk_summary_nonempty (bk_counterpart_get_phone (counterpart)), 3);
  bk_summary_add_field (self, C_("summary field", "Tags"), bk_summary_nonempty (tags), 3);
  bk_summary_add_field (self, C_("summary field", "Relationship"),
             span != NULL ? span : _("No entries yet"), 3);
  bk_summary_add_field (self, C_("summary field", "Summary made"), generated, 3);
}

static void
add_chart (BkSummary *self)
{
  BkSummaryBlock *block;

  bk_summary_add_heading (self, _("Health over time"));
  bk_summary_add_plain (self, STYLE_META,
             _("As recorded in the journal, from 1 (poor) to 5 (very good)."), 0, 0);
  g_array_index (self->blocks, BkSummaryBlock, self->blocks->len - 1).keep_with_next = TRUE;

  block = bk_summary_add_block (self, BLOCK_CHART);
  block->space_before = 10;
  block->height = CHART_HEIGHT;
}

static void
add_open_items (BkSummary *self)
{
  bk_summary_add_heading (self, _("Open items"));

  if (self->open_items->len == 0)
    bk_summary_add_plain (self, STYLE_LABEL, _("Nothing was left open to settle."), 0, 0);

  for (guint i = 0; i < self->open_items->len; i++)
    {
      BkOpenItem *item = g_ptr_array_index (self->open_items, i);
      g_autofree char *opened = bk_summary_format_date (bk_open_item_get_created (item));
      g_autofree char *settled = bk_summary_format_date (bk_open_item_get_settled (item));
      g_autofree char *amount = bk_open_item_dup_amount_text (item);
      BkSummaryRich rich;
      BkSummaryBlock *block;

      bk_summary_rich_init (&rich);
      bk_summary_rich_add (&rich, STYLE_BODY, bk_open_item_get_description (item));
      bk_summary_rich_add (&rich, STYLE_BODY, "\n");
      /* Translators: the kind of an open item and when it was opened: "Invoice, opened May 3, 2026" */
      bk_summary_rich_add_printf (&rich, STYLE_META, _("%s, opened %s"),
                                  bk_open_item_kind_get_label (bk_open_item_get_kind (item)), opened);
      bk_summary_rich_add (&rich, STYLE_META, " · ");
      if (settled != NULL)
        /* Translators: %s is a date */
        bk_summary_rich_add_printf (&rich, STYLE_META, _("settled on %s"), settled);
      else
        bk_summary_rich_add (&rich, STYLE_META_ACCENT, _("still open"));
      /* the amount in a column on the right */
      block = bk_summary_add_text_width (self, &rich, SIZE_BODY, FALSE, MARKER_INDENT,
                              bk_summary_content_width (self) - MARKER_INDENT - 130, i == 0 ? 0 : 9);
      block->marker = settled != NULL ? MARKER_DONE : MARKER_OPEN;

      if (amount != NULL)
        {
          bk_summary_rich_init (&rich);
          bk_summary_rich_add (&rich, STYLE_BODY, amount);
          bk_summary_set_aside (self, block, &rich, bk_summary_content_width (self) - 110, 110);
          pango_layout_set_alignment (block->aside, PANGO_ALIGN_RIGHT);
        }
    }
}

/* "Done on May 3, 2026"; a step of an ended run that was never ticked says what happened: it
 * was not done */
static char *
dup_step_state_text (BkStepState  state,
                     GDateTime   *changed,
                     gboolean     ended)
{
  g_autofree char *date = bk_summary_format_date (changed);

  switch (state)
    {
    case BK_STEP_STATE_DONE:
      if (date == NULL)
        return g_strdup (C_("playbook step", "Done"));
      /* Translators: a playbook step, %s is a date */
      return g_strdup_printf (_("Done on %s"), date);
    case BK_STEP_STATE_SKIPPED:
      if (date == NULL)
        return g_strdup (C_("playbook step", "Skipped"));
      /* Translators: a playbook step, %s is a date */
      return g_strdup_printf (_("Skipped on %s"), date);
    case BK_STEP_STATE_OPEN:
    default:
      return g_strdup (ended ? C_("playbook step", "Not done") : _("Not done yet"));
    }
}

/* "They don't pay on time; ...", or NULL without reasons */
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

static void
add_step (BkSummary         *self,
          BkRun             *run,
          BkPlaybook        *playbook,
          const char        *step_id,
          BkCounterpartKind  kind,
          gboolean           first)
{
  int index = playbook != NULL ? bk_playbook_find_step (playbook, step_id) : -1;
  BkStepState state = bk_run_get_step_state (run, step_id);
  const char *note = bk_summary_nonempty (bk_run_get_step_note (run, step_id));
  g_autofree char *state_text = dup_step_state_text (state, bk_run_get_step_changed (run, step_id),
                                                     !bk_run_is_active (run));
  BkSummaryRich rich;
  BkSummaryBlock *block;

  bk_summary_rich_init (&rich);
  /* A step the playbook no longer has is still named, by its id */
  bk_summary_rich_add (&rich, STYLE_BODY,
                       index >= 0 ? bk_playbook_get_step_title (playbook, index, kind) : step_id);
  bk_summary_rich_add (&rich, STYLE_BODY, "\n");
  bk_summary_rich_add (&rich, STYLE_META, state_text);
  if (note != NULL)
    {
      bk_summary_rich_add (&rich, STYLE_BODY, "\n");
      bk_summary_rich_add (&rich, STYLE_BODY, note);
    }

  block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, MARKER_INDENT, first ? 12 : 7);
  block->marker = state == BK_STEP_STATE_DONE ? MARKER_DONE :
                  state == BK_STEP_STATE_SKIPPED ? MARKER_SKIPPED : MARKER_OPEN;
}

static void
add_run (BkSummary *self,
         BkRun     *run,
         gboolean   first)
{
  BkCounterpartKind kind = bk_counterpart_get_kind (self->counterpart);
  BkPlaybook *playbook = NULL;
  const char * const *step_ids = bk_run_get_step_ids (run);
  const char *name;
  g_autofree char *started = bk_summary_format_date (bk_run_get_started (run));
  g_autofree char *ended = NULL;
  g_autofree char *reasons = dup_reasons_text (bk_run_get_reasons (run), kind);
  const char *outcome = NULL;
  const char *successor = NULL;
  BkSummaryRich rich;
  BkSummaryBlock *block;

  if (self->playbooks != NULL)
    playbook = bk_playbook_library_lookup (self->playbooks, bk_run_get_playbook_id (run));
  /* A playbook this edition no longer ships is still named, by its id */
  name = playbook != NULL ? bk_playbook_get_name (playbook) : bk_run_get_playbook_id (run);

  if (!bk_run_is_active (run))
    {
      ended = bk_summary_format_date (bk_run_get_ended (run));
      outcome = bk_outcome_get_label (bk_run_get_outcome (run));
      successor = bk_summary_nonempty (bk_run_get_successor (run));
    }

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_BODY, name);
  block = bk_summary_add_text (self, &rich, SIZE_SUBHEADING, TRUE, 0, first ? 0 : 22);
  block->keep_with_next = TRUE;
  block->outline_title = g_strdup (name);
  block->outline_level = 1;

  bk_summary_rich_init (&rich);
  /* Translators: when a playbook run started, %s is a date */
  bk_summary_rich_add_printf (&rich, STYLE_META, _("Started on %s"), started);
  bk_summary_rich_add (&rich, STYLE_META, " · ");
  if (ended != NULL)
    /* Translators: when a playbook run ended, %s is a date */
    bk_summary_rich_add_printf (&rich, STYLE_META, _("ended on %s"), ended);
  else
    bk_summary_rich_add (&rich, STYLE_META_ACCENT, _("in progress"));
  block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, 0, 1);
  block->keep_with_next = TRUE;

  /* Translators: a label in a relationship summary: why a playbook was started */
  bk_summary_add_field (self, C_("summary field", "Reasons"), reasons, 8);
  /* Translators: a label in a relationship summary: how a playbook run ended */
  bk_summary_add_field (self, C_("summary field", "Outcome"), outcome, 3);
  /* Translators: a label in a relationship summary: who took over the work */
  bk_summary_add_field (self, C_("summary field", "Taken over by"), successor, 3);

  for (guint i = 0; step_ids != NULL && step_ids[i] != NULL; i++)
    add_step (self, run, playbook, step_ids[i], kind, i == 0);
}

static void
add_runs (BkSummary *self)
{
  bk_summary_add_heading (self, _("Playbooks"));

  if (self->runs->len == 0)
    bk_summary_add_plain (self, STYLE_LABEL, _("No playbook was used with this relationship."), 0, 0);

  for (guint i = 0; i < self->runs->len; i++)
    add_run (self, g_ptr_array_index (self->runs, i), i == 0);
}

static void
add_checkins (BkSummary *self)
{
  bk_summary_add_heading (self, _("Check-ins"));

  if (self->checkins->len == 0)
    bk_summary_add_plain (self, STYLE_LABEL, _("No check-ins are scheduled."), 0, 0);

  for (guint i = 0; i < self->checkins->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (self->checkins, i);
      g_autofree char *due = bk_summary_format_date (bk_checkin_get_due (checkin));
      g_autofree char *done = bk_summary_format_date (bk_checkin_get_done (checkin));
      BkSummaryRich rich;
      BkSummaryBlock *block;

      bk_summary_rich_init (&rich);
      /* Translators: a check-in with a client, %s is a date */
      bk_summary_rich_add_printf (&rich, STYLE_BODY, _("Check in on %s"), due);
      bk_summary_rich_add (&rich, STYLE_BODY, "\n");
      if (done != NULL)
        /* Translators: when a check-in was done, %s is a date */
        bk_summary_rich_add_printf (&rich, STYLE_META, _("Done on %s"), done);
      /* overdue when the summary was made */
      else if (g_date_time_compare (bk_checkin_get_due (checkin), self->generated_at) < 0)
        bk_summary_rich_add (&rich, STYLE_META_ACCENT, _("Overdue"));
      else
        bk_summary_rich_add (&rich, STYLE_META, _("Scheduled"));

      block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, MARKER_INDENT, i == 0 ? 0 : 7);
      block->marker = done != NULL ? MARKER_DONE : MARKER_OPEN;
    }
}

/* The access a counterpart gave us, by label and state only: not the user name or the
 * address, and never a secret (those live in the keyring, which a summary never opens). */
static void
add_access (BkSummary *self)
{
  bk_summary_add_heading (self, _("Access"));

  if (self->credentials->len == 0)
    bk_summary_add_plain (self, STYLE_LABEL, _("No access was recorded."), 0, 0);

  for (guint i = 0; i < self->credentials->len; i++)
    {
      BkCredential *credential = g_ptr_array_index (self->credentials, i);
      const char *state = bk_credential_state_get_label (bk_credential_get_state (credential));
      g_autofree char *changed = bk_summary_format_date (bk_credential_get_state_changed (credential));
      BkSummaryRich rich;
      BkSummaryBlock *block;

      bk_summary_rich_init (&rich);
      bk_summary_rich_add (&rich, STYLE_BODY, bk_credential_get_label (credential));
      bk_summary_rich_add (&rich, STYLE_BODY, "\n");
      if (changed != NULL)
        /* Translators: a credential's state and since when: "Handed over, May 3, 2026" */
        bk_summary_rich_add_printf (&rich, STYLE_META, _("%s, %s"), state, changed);
      else
        bk_summary_rich_add (&rich, STYLE_META_ACCENT, state);

      block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, MARKER_INDENT, i == 0 ? 0 : 7);
      /* in use: still to hand over or revoke */
      block->marker = changed != NULL ? MARKER_DONE : MARKER_OPEN;
    }
}

/* A note longer than this (a megabyte: hundreds of pages) is shown in part, ending "…
 * (continued in the journal)": a summary is for reading, and laying out a whole pasted book
 * of 50 MB took minutes and gigabytes */
#define MAX_NOTE_BYTES (1024 * 1024 + 64 * 1024)

/* @text, cut at a word before MAX_NOTE_BYTES when it is longer, and saying so */
static char *
dup_shown_text (char *text)
{
  const char *cut;
  const char *space;
  gsize length = strlen (text);

  if (length <= MAX_NOTE_BYTES)
    return text;

  cut = g_utf8_find_prev_char (text, text + MAX_NOTE_BYTES);
  if ((space = g_strrstr_len (text, cut - text, " ")) != NULL && space - text > MAX_NOTE_BYTES / 2)
    cut = space;

  {
    g_autofree char *shown = g_strndup (text, cut - text);

    g_free (text);
    /* Translators: the end of a very long note, shown in part in the PDF summary */
    return g_strconcat (shown, _("… (continued in the journal)"), NULL);
  }
}

/* The parts of a run of text with no space or line break in it */
#define UNBROKEN_PART_BYTES 1024

/* Where the part of @text that starts at @start ends, and the next begins (@next) */
static const char *
find_part_end (const char  *start,
               const char  *end,
               const char **next)
{
  const char *limit = start + PART_BYTES;
  const char *split;

  if (end - start <= PART_BYTES)
    {
      *next = end;
      return end;
    }

  /* Between paragraphs: the newline goes */
  if ((split = g_strrstr_len (start, limit - start, "\n")) != NULL && split > start)
    {
      *next = split + 1;
      return split;
    }

  /* Between words, the space kept at the end of the part */
  if ((split = g_strrstr_len (start, limit - start, " ")) != NULL && split > start)
    {
      *next = split + 1;
      return split + 1;
    }

  /* Between characters, in smaller parts: pango takes long to lay out a long run of text
   * with no break in it (one unbroken word of 4 MB took minutes) */
  split = g_utf8_find_prev_char (start, start + UNBROKEN_PART_BYTES);
  if (split == NULL || split <= start)
    split = g_utf8_find_next_char (start, end);
  *next = split;
  return split;
}

static void
add_note (BkSummary *self,
          BkNote    *note,
          gboolean   first)
{
  GDateTime *created = bk_note_get_created (note);
  g_autoptr(GDateTime) local = g_date_time_to_local (created);
  g_autofree char *date = bk_summary_format_date (created);
  /* Translators: a time of day in the timeline, see g_date_time_format() for the codes */
  g_autofree char *time = g_date_time_format (local, _("%H:%M"));
  /* a progress note's event, in the reader's language */
  g_autofree char *text = dup_shown_text (bk_timeline_dup_text (note, self->playbooks,
                                                                bk_counterpart_get_kind (self->counterpart)));
  const char *text_end = text + strlen (text);
  const char *next;
  const char *part_end = find_part_end (text, text_end, &next);
  BkSummaryRich rich;
  BkSummaryBlock *block;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add_len (&rich, STYLE_BODY, text, part_end - text);
  block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, VALUE_X, first ? 0 : 13);
  block->rule_above = !first;
  block->date = g_strdup (date);

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_META_STRONG, date);
  bk_summary_rich_add (&rich, STYLE_META, "\n");
  /* Translators: the time and kind of a note in the timeline: "14:05 · Call" */
  bk_summary_rich_add_printf (&rich, STYLE_META, _("%s · %s"), time,
                              bk_note_kind_get_label (bk_note_get_kind (note)));
  if (bk_note_get_private (note))
    {
      bk_summary_rich_add (&rich, STYLE_META, "\n");
      /* Translators: beside a private note in a relationship summary */
      bk_summary_rich_add (&rich, STYLE_META_ACCENT, _("Private"));
    }
  bk_summary_set_aside (self, block, &rich, 0, LABEL_WIDTH);

  while (next < text_end)
    {
      const char *start = next;

      part_end = find_part_end (start, text_end, &next);
      bk_summary_rich_init (&rich);
      bk_summary_rich_add_len (&rich, STYLE_BODY, start, part_end - start);
      block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, VALUE_X, 0);
      block->date = g_strdup (date);
      block->continues = TRUE;
      block->min_lines = 1;
    }
}

/* "Notes from May 3, 2026 to June 1, 2026", or NULL for all of them */
static char *
dup_range_text (BkSummary *self)
{
  g_autofree char *from = bk_summary_format_date (self->from);
  g_autofree char *to = bk_summary_format_date (self->to);

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

static gboolean
add_timeline (BkSummary    *self,
              GCancellable *cancellable)
{
  g_autofree char *range = NULL;
  BkSummaryRich rich;
  BkSummaryBlock *block;

  if (self->notes == NULL)
    return TRUE;

  range = dup_range_text (self);

  bk_summary_add_heading (self, _("Timeline"));

  bk_summary_rich_init (&rich);
  if (range != NULL)
    /* Translators: %s is "Notes from May 3, 2026 to June 1, 2026" */
    bk_summary_rich_add_printf (&rich, STYLE_META, _("%s, oldest first."), range);
  else
    bk_summary_rich_add (&rich, STYLE_META, _("All notes, oldest first."));
  if (self->include_private)
    {
      bk_summary_rich_add (&rich, STYLE_META, " ");
      bk_summary_rich_add (&rich, STYLE_META_ACCENT, _("Private notes are included."));
    }
  block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, 0, 0);
  block->space_after = 10;
  block->keep_with_next = TRUE;

  if (self->notes->len == 0)
    bk_summary_add_plain (self, STYLE_LABEL, _("No notes in this period."), 0, 4);

  for (guint i = 0; i < self->notes->len; i++)
    {
      if (i % 128 == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      add_note (self, g_ptr_array_index (self->notes, i), i == 0);
    }

  return TRUE;
}

gboolean
bk_summary_add_sections (BkSummary    *self,
                         GCancellable *cancellable)
{
  add_title (self);
  add_chart (self);
  add_open_items (self);
  add_access (self);
  add_runs (self);
  add_checkins (self);

  return add_timeline (self, cancellable);
}

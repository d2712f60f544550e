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

#include "bk-summary-private.h"

static void
add_title (BkSummary *self)
{
  g_autofree char *overline = g_utf8_strup (_("Relationship summary"), -1);
  g_autofree char *health = NULL;
  BkSummaryRich rich;
  BkSummaryBlock *block;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_OVERLINE, overline);
  block = bk_summary_add_text (self, &rich, SIZE_OVERLINE, TRUE, 0, 0);
  block->keep_with_next = TRUE;
  /* Translators: the bookmark of the first part of a relationship summary */
  block->outline_title = g_strdup (_("Details"));

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_BODY, self->name);
  block = bk_summary_add_text (self, &rich, SIZE_TITLE, TRUE, 0, 4);
  block->keep_with_next = TRUE;

  if (self->organization != NULL)
    {
      bk_summary_rich_init (&rich);
      bk_summary_rich_add (&rich, STYLE_LABEL, self->organization);
      block = bk_summary_add_text (self, &rich, SIZE_SUBTITLE, FALSE, 0, 2);
      block->keep_with_next = TRUE;
    }

  block->rule_below = TRUE;
  block->space_after = 14;

  /* Translators: relationship health, %d is 1 to 5 */
  health = g_strdup_printf (_("%d of 5"), self->health);

  /* Translators: a label in a relationship summary, before "Client" or "Vendor" */
  bk_summary_add_field (self, C_("summary field", "Kind"), self->kind, 0);
  bk_summary_add_field (self, C_("summary field", "Status"), self->status, 3);
  bk_summary_add_field (self, C_("summary field", "Health"), health, 3);
  bk_summary_add_field (self, C_("summary field", "Email"), self->email, 3);
  bk_summary_add_field (self, C_("summary field", "Phone"), self->phone, 3);
  bk_summary_add_field (self, C_("summary field", "Tags"), self->tags, 3);
  bk_summary_add_field (self, C_("summary field", "Relationship"),
             self->span != NULL ? self->span : _("No entries yet"), 3);
  bk_summary_add_field (self, C_("summary field", "Summary made"), self->generated, 3);
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
      BkSummaryOpenItem *item = g_ptr_array_index (self->open_items, i);
      BkSummaryRich rich;
      BkSummaryBlock *block;

      bk_summary_rich_init (&rich);
      bk_summary_rich_add (&rich, STYLE_BODY, item->description);
      bk_summary_rich_add (&rich, STYLE_BODY, "\n");
      /* Translators: the kind of an open item and when it was opened: "Invoice, opened May 3, 2026" */
      bk_summary_rich_add_printf (&rich, STYLE_META, _("%s, opened %s"), item->kind, item->opened);
      bk_summary_rich_add (&rich, STYLE_META, " · ");
      if (item->settled != NULL)
        /* Translators: %s is a date */
        bk_summary_rich_add_printf (&rich, STYLE_META, _("settled on %s"), item->settled);
      else
        bk_summary_rich_add (&rich, STYLE_META_ACCENT, _("still open"));
      /* the amount in a column on the right */
      block = bk_summary_add_text_width (self, &rich, SIZE_BODY, FALSE, MARKER_INDENT,
                              bk_summary_content_width (self) - MARKER_INDENT - 130, i == 0 ? 0 : 9);
      block->marker = item->settled != NULL ? MARKER_DONE : MARKER_OPEN;

      if (item->amount != NULL)
        {
          bk_summary_rich_init (&rich);
          bk_summary_rich_add (&rich, STYLE_BODY, item->amount);
          bk_summary_set_aside (self, block, &rich, bk_summary_content_width (self) - 110, 110);
          pango_layout_set_alignment (block->aside, PANGO_ALIGN_RIGHT);
        }
    }
}

/* "Done on May 3, 2026" */
static char *
dup_step_state_text (BkSummaryStep *step)
{
  if (step->changed == NULL)
    return g_strdup (_("Not done yet"));

  switch (step->state)
    {
    case BK_STEP_STATE_DONE:
      /* Translators: a playbook step, %s is a date */
      return g_strdup_printf (_("Done on %s"), step->changed);
    case BK_STEP_STATE_SKIPPED:
      /* Translators: a playbook step, %s is a date */
      return g_strdup_printf (_("Skipped on %s"), step->changed);
    case BK_STEP_STATE_OPEN:
    default:
      return g_strdup (_("Not done yet"));
    }
}

static void
add_run (BkSummary    *self,
         BkSummaryRun *run,
         gboolean      first)
{
  BkSummaryRich rich;
  BkSummaryBlock *block;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_BODY, run->name);
  block = bk_summary_add_text (self, &rich, SIZE_SUBHEADING, TRUE, 0, first ? 0 : 22);
  block->keep_with_next = TRUE;
  block->outline_title = g_strdup (run->name);
  block->outline_level = 1;

  bk_summary_rich_init (&rich);
  /* Translators: when a playbook run started, %s is a date */
  bk_summary_rich_add_printf (&rich, STYLE_META, _("Started on %s"), run->started);
  bk_summary_rich_add (&rich, STYLE_META, " · ");
  if (run->ended != NULL)
    /* Translators: when a playbook run ended, %s is a date */
    bk_summary_rich_add_printf (&rich, STYLE_META, _("ended on %s"), run->ended);
  else
    bk_summary_rich_add (&rich, STYLE_META_ACCENT, _("in progress"));
  block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, 0, 1);
  block->keep_with_next = TRUE;

  /* Translators: a label in a relationship summary: why a playbook was started */
  bk_summary_add_field (self, C_("summary field", "Reasons"), run->reasons, 8);
  /* Translators: a label in a relationship summary: how a playbook run ended */
  bk_summary_add_field (self, C_("summary field", "Outcome"), run->outcome, 3);
  /* Translators: a label in a relationship summary: who took over the work */
  bk_summary_add_field (self, C_("summary field", "Taken over by"), run->successor, 3);

  for (guint i = 0; i < run->steps->len; i++)
    {
      BkSummaryStep *step = g_ptr_array_index (run->steps, i);
      g_autofree char *state = dup_step_state_text (step);

      bk_summary_rich_init (&rich);
      bk_summary_rich_add (&rich, STYLE_BODY, step->title);
      bk_summary_rich_add (&rich, STYLE_BODY, "\n");
      bk_summary_rich_add (&rich, STYLE_META, state);
      if (step->note != NULL)
        {
          bk_summary_rich_add (&rich, STYLE_BODY, "\n");
          bk_summary_rich_add (&rich, STYLE_BODY, step->note);
        }

      block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, MARKER_INDENT, i == 0 ? 12 : 7);
      block->marker = step->state == BK_STEP_STATE_DONE ? MARKER_DONE :
                      step->state == BK_STEP_STATE_SKIPPED ? MARKER_SKIPPED : MARKER_OPEN;
    }
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
      BkSummaryCheckin *checkin = g_ptr_array_index (self->checkins, i);
      BkSummaryRich rich;
      BkSummaryBlock *block;

      bk_summary_rich_init (&rich);
      /* Translators: a check-in with a client, %s is a date */
      bk_summary_rich_add_printf (&rich, STYLE_BODY, _("Check in on %s"), checkin->due);
      bk_summary_rich_add (&rich, STYLE_BODY, "\n");
      if (checkin->done != NULL)
        /* Translators: when a check-in was done, %s is a date */
        bk_summary_rich_add_printf (&rich, STYLE_META, _("Done on %s"), checkin->done);
      else if (checkin->overdue)
        bk_summary_rich_add (&rich, STYLE_META_ACCENT, _("Overdue"));
      else
        bk_summary_rich_add (&rich, STYLE_META, _("Scheduled"));

      block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, MARKER_INDENT, i == 0 ? 0 : 7);
      block->marker = checkin->done != NULL ? MARKER_DONE : MARKER_OPEN;
    }
}

/* The access the counterpart gave, labels and states only (see read_access() in
 * bk-summary.c) */
static void
add_access (BkSummary *self)
{
  bk_summary_add_heading (self, _("Access"));

  if (self->access->len == 0)
    bk_summary_add_plain (self, STYLE_LABEL, _("No access was recorded."), 0, 0);

  for (guint i = 0; i < self->access->len; i++)
    {
      BkSummaryAccess *access = g_ptr_array_index (self->access, i);
      BkSummaryRich rich;
      BkSummaryBlock *block;

      bk_summary_rich_init (&rich);
      bk_summary_rich_add (&rich, STYLE_BODY, access->label);
      bk_summary_rich_add (&rich, STYLE_BODY, "\n");
      if (access->changed != NULL)
        /* Translators: a credential's state and since when: "Handed over, May 3, 2026" */
        bk_summary_rich_add_printf (&rich, STYLE_META, _("%s, %s"), access->state, access->changed);
      else
        bk_summary_rich_add (&rich, STYLE_META_ACCENT, access->state);

      block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, MARKER_INDENT, i == 0 ? 0 : 7);
      /* in use: still to hand over or revoke */
      block->marker = access->changed != NULL ? MARKER_DONE : MARKER_OPEN;
    }
}

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

  /* Between characters */
  split = g_utf8_find_prev_char (start, limit);
  if (split == NULL || split <= start)
    split = g_utf8_find_next_char (start, end);
  *next = split;
  return split;
}

static void
add_note (BkSummary     *self,
          BkSummaryNote *note,
          gboolean       first)
{
  const char *text_end = note->text + strlen (note->text);
  const char *next;
  const char *part_end = find_part_end (note->text, text_end, &next);
  BkSummaryRich rich;
  BkSummaryBlock *block;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add_len (&rich, STYLE_BODY, note->text, part_end - note->text);
  block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, VALUE_X, first ? 0 : 13);
  block->rule_above = !first;
  block->date = note->date;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_META_STRONG, note->date);
  bk_summary_rich_add (&rich, STYLE_META, "\n");
  /* Translators: the time and kind of a note in the timeline: "14:05 · Call" */
  bk_summary_rich_add_printf (&rich, STYLE_META, _("%s · %s"), note->time, note->kind);
  if (note->is_private)
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
      block->date = note->date;
      block->continues = TRUE;
      block->min_lines = 1;
    }
}

static gboolean
add_timeline (BkSummary    *self,
              GCancellable *cancellable)
{
  BkSummaryRich rich;
  BkSummaryBlock *block;

  if (self->notes == NULL)
    return TRUE;

  bk_summary_add_heading (self, _("Timeline"));

  bk_summary_rich_init (&rich);
  if (self->range != NULL)
    /* Translators: %s is "Notes from May 3, 2026 to June 1, 2026" */
    bk_summary_rich_add_printf (&rich, STYLE_META, _("%s, oldest first."), self->range);
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

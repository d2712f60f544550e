/* bk-timeline.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-timeline.h"

static BkPlaybook *
lookup_playbook (BkPlaybookLibrary *playbooks,
                 BkNote            *note)
{
  if (playbooks == NULL)
    return NULL;

  return bk_playbook_library_lookup (playbooks, bk_note_get_event_playbook (note));
}

/* The playbook's name in the reader's language, or its id when it is not known */
static const char *
get_playbook_name (BkPlaybook *playbook,
                   BkNote     *note)
{
  return playbook != NULL ? bk_playbook_get_name (playbook) : bk_note_get_event_playbook (note);
}

/* The step's title in the reader's language, or its id when the playbook no longer has it */
static const char *
get_step_title (BkPlaybook        *playbook,
                BkNote            *note,
                BkCounterpartKind  kind)
{
  const char *step_id = bk_note_get_event_step (note);
  int index = playbook != NULL ? bk_playbook_find_step (playbook, step_id) : -1;

  if (index < 0)
    return step_id;

  return bk_playbook_get_step_title (playbook, index, kind);
}

static char *
dup_started (BkPlaybook        *playbook,
             BkNote            *note,
             BkCounterpartKind  kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint reasons = bk_note_get_event_reasons (note);

  g_string_append_printf (text,
                          _("Started the playbook “%s”."),
                          get_playbook_name (playbook, note));

  if (reasons != 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("What isn’t working:"));

      for (guint i = 0; i < BK_N_REASONS; i++)
        {
          if (reasons & (1u << i))
            g_string_append_printf (text, "\n• %s", bk_reason_get_label (i, kind));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_step (const char  *title,
          BkNoteEvent  event,
          const char  *note)
{
  gboolean with_note = note[0] != '\0';

  switch ((int) event)
    {
    case BK_NOTE_EVENT_STEP_DONE:
      return with_note
        /* Translators: a line in the timeline: a playbook step, then the person's note */
        ? g_strdup_printf (_("“%s”: done — %s"), title, note)
        : g_strdup_printf (_("“%s”: done"), title);

    case BK_NOTE_EVENT_STEP_SKIPPED:
      return with_note
        /* Translators: a line in the timeline: a playbook step, then the person's note */
        ? g_strdup_printf (_("“%s”: skipped — %s"), title, note)
        : g_strdup_printf (_("“%s”: skipped"), title);

    default:
      return with_note
        /* Translators: a line in the timeline: a playbook step, then the person's note */
        ? g_strdup_printf (_("“%s”: to do again — %s"), title, note)
        : g_strdup_printf (_("“%s”: to do again"), title);
    }
}

static char *
dup_ended (BkPlaybook *playbook,
           BkNote     *note)
{
  const char *successor = bk_note_get_text (note);
  const char *outcome = bk_outcome_get_label (bk_note_get_event_outcome (note));

  if (successor[0] != '\0')
    /* Translators: a line in the timeline: the playbook, how it ended, and who took over */
    return g_strdup_printf (_("Ended “%s”: %s — taken over by %s"),
                            get_playbook_name (playbook, note), outcome, successor);

  /* Translators: a line in the timeline: the playbook and how it ended */
  return g_strdup_printf (_("Ended “%s”: %s"), get_playbook_name (playbook, note), outcome);
}

static char *
dup_checked_in (BkNote *note)
{
  const char *words = bk_note_get_text (note);

  if (words[0] != '\0')
    /* Translators: a line in the timeline, then the person's note */
    return g_strdup_printf (_("Checked in — %s"), words);

  return g_strdup (_("Checked in"));
}

char *
bk_timeline_dup_text (BkNote            *note,
                      BkPlaybookLibrary *playbooks,
                      BkCounterpartKind  kind)
{
  g_return_val_if_fail (BK_IS_NOTE (note), NULL);

  switch (bk_note_get_event (note))
    {
    case BK_NOTE_EVENT_RUN_STARTED:
      return dup_started (lookup_playbook (playbooks, note), note, kind);

    case BK_NOTE_EVENT_STEP_DONE:
    case BK_NOTE_EVENT_STEP_SKIPPED:
    case BK_NOTE_EVENT_STEP_REOPENED:
      return dup_step (get_step_title (lookup_playbook (playbooks, note), note, kind),
                       bk_note_get_event (note), bk_note_get_text (note));

    case BK_NOTE_EVENT_RUN_ENDED:
      return dup_ended (lookup_playbook (playbooks, note), note);

    case BK_NOTE_EVENT_CHECKIN_DONE:
      return dup_checked_in (note);

    case BK_NOTE_EVENT_NONE:
    default:
      return g_strdup (bk_note_get_text (note));
    }
}

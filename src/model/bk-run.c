/* bk-run.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-run"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-store-values-private.h"
#include "bk-value-private.h"
#include "bk-run.h"

typedef struct
{
  BkStepState  state;
  GDateTime   *changed;
  char        *note;
} StepState;

struct _BkRun
{
  GObject     parent_instance;

  gint64      id;
  gint64      counterpart_id;
  char       *uuid;
  char       *playbook_id;
  char      **step_ids;
  GDateTime  *started;
  GDateTime  *ended;
  char       *successor;
  /* step id → StepState, for the steps done or skipped */
  GHashTable *steps;
  guint       reasons;
  BkOutcome   outcome;
};

G_DEFINE_FINAL_TYPE (BkRun, bk_run, G_TYPE_OBJECT)

static void
step_state_free (gpointer data)
{
  StepState *state = data;

  g_clear_pointer (&state->changed, g_date_time_unref);
  g_clear_pointer (&state->note, g_free);
  g_free (state);
}

static void
bk_run_finalize (GObject *object)
{
  BkRun *self = (BkRun *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->playbook_id, g_free);
  g_clear_pointer (&self->step_ids, g_strfreev);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->ended, g_date_time_unref);
  g_clear_pointer (&self->successor, g_free);
  g_clear_pointer (&self->steps, g_hash_table_unref);

  G_OBJECT_CLASS (bk_run_parent_class)->finalize (object);
}

static void
bk_run_class_init (BkRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_run_finalize;
}

static void
bk_run_init (BkRun *self)
{
  self->steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, step_state_free);
}

/* Only the journal makes runs. @step_ids as stored: joined with ','. */
BkRun *
bk_run_new_from_journal (gint64      id,
                         const char *uuid,
                         gint64      counterpart_id,
                         const char *playbook_id,
                         guint       reasons,
                         const char *step_ids,
                         GDateTime  *started,
                         GDateTime  *ended,
                         BkOutcome   outcome,
                         const char *successor)
{
  BkRun *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (playbook_id != NULL, NULL);
  g_return_val_if_fail (step_ids != NULL, NULL);
  g_return_val_if_fail (started != NULL, NULL);

  self = g_object_new (BK_TYPE_RUN, NULL);
  self->id = id;
  self->uuid = g_strdup (uuid);
  self->counterpart_id = counterpart_id;
  self->playbook_id = g_strdup (playbook_id);
  self->reasons = reasons;
  self->step_ids = step_ids[0] != '\0' ? g_strsplit (step_ids, ",", -1) : g_new0 (char *, 1);
  self->started = g_date_time_ref (started);
  self->ended = ended != NULL ? g_date_time_ref (ended) : NULL;
  self->outcome = outcome;
  self->successor = g_strdup (successor != NULL ? successor : "");

  return self;
}

void
bk_run_set_step (BkRun       *self,
                 const char  *step_id,
                 BkStepState  state,
                 GDateTime   *changed,
                 const char  *note)
{
  StepState *step;

  g_return_if_fail (BK_IS_RUN (self));
  g_return_if_fail (step_id != NULL);

  if (state == BK_STEP_STATE_OPEN)
    {
      g_hash_table_remove (self->steps, step_id);
      return;
    }

  g_return_if_fail (changed != NULL);

  step = g_new0 (StepState, 1);
  step->state = state;
  step->changed = g_date_time_ref (changed);
  step->note = g_strdup (note != NULL ? note : "");
  g_hash_table_replace (self->steps, g_strdup (step_id), step);
}

void
bk_run_set_ended (BkRun      *self,
                  GDateTime  *ended,
                  BkOutcome   outcome,
                  const char *successor)
{
  g_return_if_fail (BK_IS_RUN (self));

  g_clear_pointer (&self->ended, g_date_time_unref);
  if (ended != NULL)
    self->ended = g_date_time_ref (ended);
  self->outcome = outcome;
  bk_set_string (&self->successor, successor);
}

gint64
bk_run_get_id (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), 0);

  return self->id;
}

const char *
bk_run_get_uuid (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), NULL);

  return self->uuid;
}

gint64
bk_run_get_counterpart_id (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), 0);

  return self->counterpart_id;
}

const char *
bk_run_get_playbook_id (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), NULL);

  return self->playbook_id;
}

guint
bk_run_get_reasons (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), 0);

  return self->reasons;
}

GDateTime *
bk_run_get_started (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), NULL);

  return self->started;
}

GDateTime *
bk_run_get_ended (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), NULL);

  return self->ended;
}

gboolean
bk_run_is_active (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), FALSE);

  return self->ended == NULL;
}

BkOutcome
bk_run_get_outcome (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), BK_OUTCOME_CONTINUED);

  return self->outcome;
}

const char *
bk_run_get_successor (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), NULL);

  return self->successor;
}

const char * const *
bk_run_get_step_ids (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), NULL);

  return (const char * const *) self->step_ids;
}

guint
bk_run_get_n_steps (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), 0);

  return g_strv_length (self->step_ids);
}

BkStepState
bk_run_get_step_state (BkRun      *self,
                       const char *step_id)
{
  StepState *step;

  g_return_val_if_fail (BK_IS_RUN (self), BK_STEP_STATE_OPEN);
  g_return_val_if_fail (step_id != NULL, BK_STEP_STATE_OPEN);

  step = g_hash_table_lookup (self->steps, step_id);

  return step != NULL ? step->state : BK_STEP_STATE_OPEN;
}

GDateTime *
bk_run_get_step_changed (BkRun      *self,
                         const char *step_id)
{
  StepState *step;

  g_return_val_if_fail (BK_IS_RUN (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  step = g_hash_table_lookup (self->steps, step_id);

  return step != NULL ? step->changed : NULL;
}

/* "" when there is none */
const char *
bk_run_get_step_note (BkRun      *self,
                      const char *step_id)
{
  StepState *step;

  g_return_val_if_fail (BK_IS_RUN (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  step = g_hash_table_lookup (self->steps, step_id);

  return step != NULL ? step->note : "";
}

guint
bk_run_get_n_settled_steps (BkRun *self)
{
  g_return_val_if_fail (BK_IS_RUN (self), 0);

  return g_hash_table_size (self->steps);
}

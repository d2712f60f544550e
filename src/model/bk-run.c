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
#include "bk-enum-types.h"
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

/* What a view shows of a run, and follows: the rest never changes once it has started. */
enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_ENDED,
  PROP_OUTCOME,
  PROP_SUCCESSOR,
  PROP_N_SETTLED_STEPS,
  N_PROPS
};

enum {
  STEP_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
bk_run_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  BkRun *self = BK_RUN (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, bk_run_is_active (self));
      break;

    case PROP_ENDED:
      g_value_set_boxed (value, self->ended);
      break;

    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;

    case PROP_SUCCESSOR:
      g_value_set_string (value, self->successor);
      break;

    case PROP_N_SETTLED_STEPS:
      g_value_set_uint (value, bk_run_get_n_settled_steps (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_run_class_init (BkRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_run_finalize;
  object_class->get_property = bk_run_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENDED] =
    g_param_spec_boxed ("ended", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL,
                       BK_TYPE_OUTCOME, BK_OUTCOME_CONTINUED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUCCESSOR] =
    g_param_spec_string ("successor", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_SETTLED_STEPS] =
    g_param_spec_uint ("n-settled-steps", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkRun::step-changed:
   * @index: the step's place in bk_run_get_step_ids()
   *
   * A step was done, skipped or opened again, or its note changed.
   */
  signals[STEP_CHANGED] =
    g_signal_new ("step-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
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

static gboolean
step_equals (const StepState *step,
             BkStepState      state,
             GDateTime       *changed,
             const char      *note)
{
  if (step == NULL)
    return state == BK_STEP_STATE_OPEN;

  return step->state == state &&
         changed != NULL && g_date_time_equal (step->changed, changed) &&
         g_strcmp0 (step->note, note != NULL ? note : "") == 0;
}

static guint
find_step_index (BkRun      *self,
                 const char *step_id)
{
  for (guint i = 0; self->step_ids[i] != NULL; i++)
    {
      if (g_strcmp0 (self->step_ids[i], step_id) == 0)
        return i;
    }

  return G_MAXUINT;
}

void
bk_run_set_step (BkRun       *self,
                 const char  *step_id,
                 BkStepState  state,
                 GDateTime   *changed,
                 const char  *note)
{
  StepState *step;
  guint settled_before;
  guint index;

  g_return_if_fail (BK_IS_RUN (self));
  g_return_if_fail (step_id != NULL);
  g_return_if_fail (state == BK_STEP_STATE_OPEN || changed != NULL);

  if (step_equals (g_hash_table_lookup (self->steps, step_id), state, changed, note))
    return;

  settled_before = bk_run_get_n_settled_steps (self);

  if (state == BK_STEP_STATE_OPEN)
    {
      g_hash_table_remove (self->steps, step_id);
    }
  else
    {
      step = g_new0 (StepState, 1);
      step->state = state;
      step->changed = g_date_time_ref (changed);
      step->note = g_strdup (note != NULL ? note : "");
      g_hash_table_replace (self->steps, g_strdup (step_id), step);
    }

  if ((index = find_step_index (self, step_id)) != G_MAXUINT)
    g_signal_emit (self, signals[STEP_CHANGED], 0, index);

  if (bk_run_get_n_settled_steps (self) != settled_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SETTLED_STEPS]);
}

void
bk_run_set_ended (BkRun      *self,
                  GDateTime  *ended,
                  BkOutcome   outcome,
                  const char *successor)
{
  gboolean was_active;

  g_return_if_fail (BK_IS_RUN (self));

  was_active = bk_run_is_active (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (bk_set_date_time (&self->ended, ended))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED]);

  if (self->outcome != outcome)
    {
      self->outcome = outcome;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
    }

  if (bk_set_string (&self->successor, successor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUCCESSOR]);

  if (bk_run_is_active (self) != was_active)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * bk_run_update_from:
 * @from: the same run as the journal has it now
 *
 * Takes @from's steps and ending into @self: each step that changed emits "step-changed", and
 * the properties that changed notify. A run on screen follows the journal in place.
 */
void
bk_run_update_from (BkRun *self,
                    BkRun *from)
{
  g_return_if_fail (BK_IS_RUN (self));
  g_return_if_fail (BK_IS_RUN (from));
  g_return_if_fail (self->id == from->id);

  for (guint i = 0; self->step_ids[i] != NULL; i++)
    {
      const char *step_id = self->step_ids[i];
      StepState *step = g_hash_table_lookup (from->steps, step_id);

      if (step != NULL)
        bk_run_set_step (self, step_id, step->state, step->changed, step->note);
      else
        bk_run_set_step (self, step_id, BK_STEP_STATE_OPEN, NULL, NULL);
    }

  bk_run_set_ended (self, from->ended, from->outcome, from->successor);
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

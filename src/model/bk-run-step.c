/* bk-run-step.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-run-step"

#include "config.h"

#include "bk-enum-types.h"
#include "bk-run-step-private.h"
#include "bk-value-private.h"

struct _BkRunStep
{
  GObject      parent_instance;

  guint        index;
  char        *step_id;
  char        *title;
  char        *description;
  char        *role;
  BkStepState  state;
  char        *note;
  GDateTime   *changed;
};

G_DEFINE_FINAL_TYPE (BkRunStep, bk_run_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_STEP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ROLE,
  PROP_STATE,
  PROP_NOTE,
  PROP_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bk_run_step_finalize (GObject *object)
{
  BkRunStep *self = (BkRunStep *) object;

  g_clear_pointer (&self->step_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->changed, g_date_time_unref);

  G_OBJECT_CLASS (bk_run_step_parent_class)->finalize (object);
}

static void
bk_run_step_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkRunStep *self = BK_RUN_STEP (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_STEP_ID:
      g_value_set_string (value, self->step_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_CHANGED:
      g_value_set_boxed (value, self->changed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_run_step_class_init (BkRunStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_run_step_finalize;
  object_class->get_property = bk_run_step_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STEP_ID] =
    g_param_spec_string ("step-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       BK_TYPE_STEP_STATE, BK_STEP_STATE_OPEN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGED] =
    g_param_spec_boxed ("changed", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_run_step_init (BkRunStep *self)
{
  self->note = g_strdup ("");
}

BkRunStep *
bk_run_step_new (guint       index,
                 const char *step_id,
                 const char *title,
                 const char *description,
                 const char *role)
{
  BkRunStep *self;

  g_return_val_if_fail (step_id != NULL, NULL);

  self = g_object_new (BK_TYPE_RUN_STEP, NULL);
  self->index = index;
  self->step_id = g_strdup (step_id);
  self->title = g_strdup (title != NULL ? title : step_id);
  self->description = g_strdup (description != NULL ? description : "");
  self->role = g_strdup (role != NULL ? role : "");

  return self;
}

void
bk_run_step_set_state (BkRunStep   *self,
                       BkStepState  state,
                       const char  *note,
                       GDateTime   *changed)
{
  g_return_if_fail (BK_IS_RUN_STEP (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (bk_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);

  if (bk_set_date_time (&self->changed, changed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED]);

  g_object_thaw_notify (G_OBJECT (self));
}

guint
bk_run_step_get_index (BkRunStep *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (self), 0);

  return self->index;
}

const char *
bk_run_step_get_step_id (BkRunStep *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (self), NULL);

  return self->step_id;
}

const char *
bk_run_step_get_title (BkRunStep *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (self), NULL);

  return self->title;
}

const char *
bk_run_step_get_description (BkRunStep *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (self), NULL);

  return self->description;
}

const char *
bk_run_step_get_role (BkRunStep *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (self), NULL);

  return self->role;
}

BkStepState
bk_run_step_get_state (BkRunStep *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (self), BK_STEP_STATE_OPEN);

  return self->state;
}

const char *
bk_run_step_get_note (BkRunStep *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (self), NULL);

  return self->note;
}

GDateTime *
bk_run_step_get_changed (BkRunStep *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (self), NULL);

  return self->changed;
}

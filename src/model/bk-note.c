/* bk-note.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-note"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-note.h"
#include "bk-enum-types.h"
#include "bk-value-private.h"

struct _BkNote
{
  GObject     parent_instance;

  gint64      id;
  gint64      counterpart_id;
  char       *uuid;
  char       *text;
  GDateTime  *created;
  BkNoteKind  kind;
  guint       private_ : 1;

  /* a progress note's event and its parameters; its text is the person's words, if any */
  BkNoteEvent event;
  char       *event_playbook;
  char       *event_step;
  guint       event_reasons;
  BkOutcome   event_outcome;
};

G_DEFINE_FINAL_TYPE (BkNote, bk_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_COUNTERPART_ID,
  PROP_CREATED,
  PROP_KIND,
  PROP_TEXT,
  PROP_PRIVATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bk_note_finalize (GObject *object)
{
  BkNote *self = (BkNote *) object;

  g_clear_pointer (&self->event_playbook, g_free);
  g_clear_pointer (&self->event_step, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (bk_note_parent_class)->finalize (object);
}

static void
bk_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BkNote *self = BK_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_COUNTERPART_ID:
      g_value_set_int64 (value, self->counterpart_id);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_PRIVATE:
      g_value_set_boolean (value, self->private_);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_note_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BkNote *self = BK_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      bk_note_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      bk_note_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_COUNTERPART_ID:
      bk_note_set_counterpart_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED:
      bk_note_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_KIND:
      bk_note_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      bk_note_set_text (self, g_value_get_string (value));
      break;

    case PROP_PRIVATE:
      bk_note_set_private (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_note_class_init (BkNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_note_finalize;
  object_class->get_property = bk_note_get_property;
  object_class->set_property = bk_note_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTERPART_ID] =
    g_param_spec_int64 ("counterpart-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BK_TYPE_NOTE_KIND,
                       BK_NOTE_KIND_NOTE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PRIVATE] =
    g_param_spec_boolean ("private", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_note_init (BkNote *self)
{
  /* The journal keeps whole seconds: start from one so that a saved note reads back equal. */
  self->created = bk_date_time_new_now_whole_seconds ();
  self->uuid = g_strdup ("");
  self->text = g_strdup ("");
  self->kind = BK_NOTE_KIND_NOTE;
}

BkNote *
bk_note_new (void)
{
  return g_object_new (BK_TYPE_NOTE, NULL);
}

BkNote *
bk_note_copy (BkNote *self)
{
  BkNote *copy;

  g_return_val_if_fail (BK_IS_NOTE (self), NULL);

  copy = bk_note_new ();
  copy->id = self->id;
  copy->counterpart_id = self->counterpart_id;
  g_free (copy->uuid);
  copy->uuid = g_strdup (self->uuid);
  g_free (copy->text);
  copy->text = g_strdup (self->text);
  g_date_time_unref (copy->created);
  copy->created = g_date_time_ref (self->created);
  copy->kind = self->kind;
  copy->private_ = self->private_;
  bk_note_set_event (copy, self->event, self->event_playbook, self->event_step,
                     self->event_reasons, self->event_outcome);

  return copy;
}

/* Takes what @from says of the note, notifying only the properties that changed: a row on
 * screen follows the journal in place. */
void
bk_note_update_from (BkNote *self,
                     BkNote *from)
{
  g_return_if_fail (BK_IS_NOTE (self));
  g_return_if_fail (BK_IS_NOTE (from));

  g_object_freeze_notify (G_OBJECT (self));
  bk_note_set_id (self, bk_note_get_id (from));
  bk_note_set_uuid (self, bk_note_get_uuid (from));
  bk_note_set_counterpart_id (self, bk_note_get_counterpart_id (from));
  bk_note_set_created (self, bk_note_get_created (from));
  bk_note_set_kind (self, bk_note_get_kind (from));
  bk_note_set_text (self, bk_note_get_text (from));
  bk_note_set_private (self, bk_note_get_private (from));
  bk_note_set_event (self, from->event, from->event_playbook, from->event_step,
                     from->event_reasons, from->event_outcome);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
bk_note_get_id (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), 0);

  return self->id;
}

void
bk_note_set_id (BkNote *self,
                gint64  id)
{
  g_return_if_fail (BK_IS_NOTE (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
bk_note_get_uuid (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), NULL);

  return self->uuid;
}

void
bk_note_set_uuid (BkNote     *self,
                  const char *uuid)
{
  g_return_if_fail (BK_IS_NOTE (self));

  if (bk_set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
bk_note_get_counterpart_id (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), 0);

  return self->counterpart_id;
}

void
bk_note_set_counterpart_id (BkNote *self,
                            gint64  counterpart_id)
{
  g_return_if_fail (BK_IS_NOTE (self));
  g_return_if_fail (counterpart_id >= 0);

  if (self->counterpart_id != counterpart_id)
    {
      self->counterpart_id = counterpart_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTERPART_ID]);
    }
}

/* Never NULL: a note always has a date. */
GDateTime *
bk_note_get_created (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), NULL);

  return self->created;
}

void
bk_note_set_created (BkNote    *self,
                     GDateTime *created)
{
  g_return_if_fail (BK_IS_NOTE (self));
  g_return_if_fail (created != NULL);

  if (!g_date_time_equal (self->created, created))
    {
      g_date_time_unref (self->created);
      self->created = g_date_time_to_utc (created);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }
}

BkNoteKind
bk_note_get_kind (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), BK_NOTE_KIND_NOTE);

  return self->kind;
}

void
bk_note_set_kind (BkNote     *self,
                  BkNoteKind  kind)
{
  g_return_if_fail (BK_IS_NOTE (self));
  g_return_if_fail (kind < BK_NOTE_N_KINDS);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
bk_note_get_text (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), NULL);

  return self->text;
}

/* Kept byte for byte, surrounding blanks included. */
void
bk_note_set_text (BkNote     *self,
                  const char *text)
{
  g_return_if_fail (BK_IS_NOTE (self));

  if (bk_set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
bk_note_get_private (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), FALSE);

  return self->private_;
}

void
bk_note_set_private (BkNote   *self,
                     gboolean  private_)
{
  g_return_if_fail (BK_IS_NOTE (self));

  private_ = !!private_;

  if (self->private_ != private_)
    {
      self->private_ = private_;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIVATE]);
    }
}

BkNoteEvent
bk_note_get_event (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), BK_NOTE_EVENT_NONE);

  return self->event;
}

/* The playbook of a run's event ("" otherwise) */
const char *
bk_note_get_event_playbook (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), NULL);

  return self->event_playbook != NULL ? self->event_playbook : "";
}

/* The step of a step's event ("" otherwise) */
const char *
bk_note_get_event_step (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), NULL);

  return self->event_step != NULL ? self->event_step : "";
}

/* What wasn't working when a run started: a bit mask of 1 << BkReason */
guint
bk_note_get_event_reasons (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), 0);

  return self->event_reasons;
}

/* How a run ended */
BkOutcome
bk_note_get_event_outcome (BkNote *self)
{
  g_return_val_if_fail (BK_IS_NOTE (self), BK_OUTCOME_CONTINUED);

  return self->event_outcome;
}

/**
 * bk_note_set_event:
 * @event: what happened; %BK_NOTE_EVENT_NONE for a note a person wrote
 * @playbook_id: (nullable): the run's playbook, for a run's or a step's event
 * @step_id: (nullable): the step, for a step's event
 *
 * Makes the note the record of an event (a progress note): its text stays the person's own
 * words about it (a step's note, who took over, a check-in's note), or empty.
 */
void
bk_note_set_event (BkNote      *self,
                   BkNoteEvent  event,
                   const char  *playbook_id,
                   const char  *step_id,
                   guint        reasons,
                   BkOutcome    outcome)
{
  g_return_if_fail (BK_IS_NOTE (self));

  self->event = event;
  g_free (self->event_playbook);
  self->event_playbook = g_strdup (playbook_id != NULL ? playbook_id : "");
  g_free (self->event_step);
  self->event_step = g_strdup (step_id != NULL ? step_id : "");
  self->event_reasons = reasons;
  self->event_outcome = outcome;

  if (event != BK_NOTE_EVENT_NONE)
    bk_note_set_kind (self, BK_NOTE_KIND_PROGRESS);
}

/* One answer, trimmed, after its question; nothing for an empty answer */
static void
append_answer (GString    *text,
               const char *label,
               const char *answer)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (answer != NULL ? answer : ""));

  if (trimmed[0] == '\0')
    return;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* Translators: a question and its answer in a reflection note: "What happened: …" */
  g_string_append_printf (text, _("%s: %s"), label, trimmed);
}

/**
 * bk_note_compose_reflection:
 *
 * The text of a reflection note from its three answers, each on a line after its question;
 * an answer left empty is left out.
 *
 * Returns: (transfer full): the text, "" when every answer is empty
 */
char *
bk_note_compose_reflection (const char *happened,
                            const char *again,
                            const char *best)
{
  GString *text = g_string_new (NULL);

  append_answer (text, _("What happened"), happened);
  append_answer (text, _("What I would do again"), again);
  append_answer (text, _("What worked best"), best);

  return g_string_free (text, FALSE);
}

/* bk-counterpart.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-counterpart"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-counterpart.h"
#include "bk-enum-types.h"
#include "bk-value-private.h"

struct _BkCounterpart
{
  GObject              parent_instance;

  gint64               id;
  char                *uuid;
  char                *name;
  char                *organization;
  char                *email;
  char                *phone;
  char               **tags;
  GDateTime           *created;
  GDateTime           *updated;
  char                *match_markup;
  gint64               match_note_id;
  char                *run_playbook_id;
  guint                run_steps_settled;
  guint                run_steps_total;
  BkCounterpartKind    kind;
  BkCounterpartStatus  status;
  int                  health;
  /* who referred them: another counterpart (0 for none), or a name */
  gint64               referred_by_id;
  char                *referred_by;
  /* stay in touch every so many days, 0 for not at all */
  guint                keep_in_touch_days;
  /* read with the counterparts losing touch: their newest call, meeting or email */
  GDateTime           *last_contact;
};

G_DEFINE_FINAL_TYPE (BkCounterpart, bk_counterpart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_ORGANIZATION,
  PROP_KIND,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_STATUS,
  PROP_HEALTH,
  PROP_TAGS,
  PROP_TAGS_STRING,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_MATCH_MARKUP,
  PROP_MATCH_NOTE_ID,
  PROP_RUN_PLAYBOOK_ID,
  PROP_RUN_STEPS_SETTLED,
  PROP_RUN_STEPS_TOTAL,
  PROP_REFERRED_BY_ID,
  PROP_REFERRED_BY,
  PROP_KEEP_IN_TOUCH_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (BkCounterpart  *self,
            char          **field,
            const char     *value,
            guint           prop_id)
{
  if (bk_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_date_time (BkCounterpart  *self,
               GDateTime     **field,
               GDateTime      *value,
               guint           prop_id)
{
  if (bk_set_date_time (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Tags are kept trimmed, without empty ones or duplicates (compared case-insensitively, the
 * first spelling wins), and never contain a comma, so that they survive the ", "-joined form
 * the journal stores. */
static char **
normalize_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (tags[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          const char *tag = g_strstrip (parts[j]);
          char *folded;

          if (tag[0] == '\0')
            continue;

          folded = g_utf8_casefold (tag, -1);
          if (!g_hash_table_add (seen, folded))
            continue;

          g_ptr_array_add (result, g_strdup (tag));
        }
    }

  g_ptr_array_add (result, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&result), FALSE);
}

static void
bk_counterpart_finalize (GObject *object)
{
  BkCounterpart *self = (BkCounterpart *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->referred_by, g_free);
  g_clear_pointer (&self->last_contact, g_date_time_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->match_markup, g_free);
  g_clear_pointer (&self->run_playbook_id, g_free);

  G_OBJECT_CLASS (bk_counterpart_parent_class)->finalize (object);
}

static void
bk_counterpart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BkCounterpart *self = BK_COUNTERPART (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_HEALTH:
      g_value_set_int (value, self->health);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_TAGS_STRING:
      g_value_take_string (value, bk_counterpart_dup_tags_string (self));
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    case PROP_MATCH_MARKUP:
      g_value_set_string (value, self->match_markup);
      break;

    case PROP_MATCH_NOTE_ID:
      g_value_set_int64 (value, self->match_note_id);
      break;

    case PROP_REFERRED_BY_ID:
      g_value_set_int64 (value, self->referred_by_id);
      break;

    case PROP_REFERRED_BY:
      g_value_set_string (value, self->referred_by);
      break;

    case PROP_KEEP_IN_TOUCH_DAYS:
      g_value_set_uint (value, self->keep_in_touch_days);
      break;

    case PROP_RUN_PLAYBOOK_ID:
      g_value_set_string (value, self->run_playbook_id);
      break;

    case PROP_RUN_STEPS_SETTLED:
      g_value_set_uint (value, self->run_steps_settled);
      break;

    case PROP_RUN_STEPS_TOTAL:
      g_value_set_uint (value, self->run_steps_total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_counterpart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BkCounterpart *self = BK_COUNTERPART (object);

  switch (prop_id)
    {
    case PROP_ID:
      bk_counterpart_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      bk_counterpart_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      bk_counterpart_set_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION:
      bk_counterpart_set_organization (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      bk_counterpart_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_EMAIL:
      bk_counterpart_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      bk_counterpart_set_phone (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      bk_counterpart_set_status (self, g_value_get_enum (value));
      break;

    case PROP_HEALTH:
      bk_counterpart_set_health (self, g_value_get_int (value));
      break;

    case PROP_REFERRED_BY_ID:
      bk_counterpart_set_referred_by_id (self, g_value_get_int64 (value));
      break;

    case PROP_REFERRED_BY:
      bk_counterpart_set_referred_by (self, g_value_get_string (value));
      break;

    case PROP_KEEP_IN_TOUCH_DAYS:
      bk_counterpart_set_keep_in_touch_days (self, g_value_get_uint (value));
      break;

    case PROP_TAGS:
      bk_counterpart_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_TAGS_STRING:
      bk_counterpart_set_tags_from_string (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      bk_counterpart_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED:
      bk_counterpart_set_updated (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_counterpart_class_init (BkCounterpartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_counterpart_finalize;
  object_class->get_property = bk_counterpart_get_property;
  object_class->set_property = bk_counterpart_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BK_TYPE_COUNTERPART_KIND,
                       BK_COUNTERPART_KIND_CLIENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       BK_TYPE_COUNTERPART_STATUS,
                       BK_COUNTERPART_STATUS_ACTIVE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Not clamped: the journal refuses a value outside 1–5 when saving, with a message. */
  properties[PROP_HEALTH] =
    g_param_spec_int ("health", NULL, NULL,
                      G_MININT, G_MAXINT, 3,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TAGS_STRING] =
    g_param_spec_string ("tags-string", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MATCH_MARKUP] =
    g_param_spec_string ("match-markup", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MATCH_NOTE_ID] =
    g_param_spec_int64 ("match-note-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REFERRED_BY_ID] =
    g_param_spec_int64 ("referred-by-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REFERRED_BY] =
    g_param_spec_string ("referred-by", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEEP_IN_TOUCH_DAYS] =
    g_param_spec_uint ("keep-in-touch-days", NULL, NULL,
                       0, BK_COUNTERPART_MAX_KEEP_IN_TOUCH_DAYS, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The active playbook run's progress, read with the counterpart: NULL without one. */
  properties[PROP_RUN_PLAYBOOK_ID] =
    g_param_spec_string ("run-playbook-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUN_STEPS_SETTLED] =
    g_param_spec_uint ("run-steps-settled", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUN_STEPS_TOTAL] =
    g_param_spec_uint ("run-steps-total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_counterpart_init (BkCounterpart *self)
{
  self->uuid = g_strdup ("");
  self->name = g_strdup ("");
  self->organization = g_strdup ("");
  self->email = g_strdup ("");
  self->phone = g_strdup ("");
  self->referred_by = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->kind = BK_COUNTERPART_KIND_CLIENT;
  self->status = BK_COUNTERPART_STATUS_ACTIVE;
  self->health = 3;
}

BkCounterpart *
bk_counterpart_new (void)
{
  return g_object_new (BK_TYPE_COUNTERPART, NULL);
}

/**
 * bk_counterpart_copy:
 *
 * Returns: a new counterpart with the same fields (the search match included), for editing
 *   without touching the object a list shows.
 */
BkCounterpart *
bk_counterpart_copy (BkCounterpart *self)
{
  BkCounterpart *copy;

  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  copy = bk_counterpart_new ();
  copy->id = self->id;
  g_free (copy->uuid);
  copy->uuid = g_strdup (self->uuid);
  g_free (copy->name);
  copy->name = g_strdup (self->name);
  g_free (copy->organization);
  copy->organization = g_strdup (self->organization);
  g_free (copy->email);
  copy->email = g_strdup (self->email);
  g_free (copy->phone);
  copy->phone = g_strdup (self->phone);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);
  copy->created = self->created != NULL ? g_date_time_ref (self->created) : NULL;
  copy->updated = self->updated != NULL ? g_date_time_ref (self->updated) : NULL;
  copy->match_markup = g_strdup (self->match_markup);
  copy->match_note_id = self->match_note_id;
  copy->run_playbook_id = g_strdup (self->run_playbook_id);
  copy->run_steps_settled = self->run_steps_settled;
  copy->run_steps_total = self->run_steps_total;
  copy->kind = self->kind;
  copy->status = self->status;
  copy->health = self->health;
  copy->referred_by_id = self->referred_by_id;
  g_free (copy->referred_by);
  copy->referred_by = g_strdup (self->referred_by);
  copy->keep_in_touch_days = self->keep_in_touch_days;
  copy->last_contact = self->last_contact != NULL ? g_date_time_ref (self->last_contact) : NULL;

  return copy;
}

/**
 * bk_counterpart_update_from:
 * @from: the same counterpart as the journal has it now
 *
 * Takes what @from says of the counterpart (not what matched a search), notifying only the
 * properties that changed: an object on screen follows the journal in place.
 */
void
bk_counterpart_update_from (BkCounterpart *self,
                            BkCounterpart *from)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));
  g_return_if_fail (BK_IS_COUNTERPART (from));

  g_object_freeze_notify (G_OBJECT (self));
  bk_counterpart_set_id (self, from->id);
  bk_counterpart_set_uuid (self, from->uuid);
  bk_counterpart_set_name (self, from->name);
  bk_counterpart_set_organization (self, from->organization);
  bk_counterpart_set_kind (self, from->kind);
  bk_counterpart_set_email (self, from->email);
  bk_counterpart_set_phone (self, from->phone);
  bk_counterpart_set_status (self, from->status);
  bk_counterpart_set_health (self, from->health);
  bk_counterpart_set_referred_by_id (self, from->referred_by_id);
  bk_counterpart_set_referred_by (self, from->referred_by);
  bk_counterpart_set_keep_in_touch_days (self, from->keep_in_touch_days);
  bk_counterpart_set_tags (self, (const char * const *) from->tags);
  bk_counterpart_set_created (self, from->created);
  bk_counterpart_set_updated (self, from->updated);
  bk_counterpart_set_run_progress (self, from->run_playbook_id, from->run_steps_settled,
                                   from->run_steps_total);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
bk_counterpart_get_id (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), 0);

  return self->id;
}

void
bk_counterpart_set_id (BkCounterpart *self,
                       gint64         id)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
bk_counterpart_get_uuid (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->uuid;
}

void
bk_counterpart_set_uuid (BkCounterpart *self,
                         const char    *uuid)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  set_string (self, &self->uuid, uuid, PROP_UUID);
}

const char *
bk_counterpart_get_name (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->name;
}

/* Stored trimmed: " Acme " and "Acme" are the same name. */
void
bk_counterpart_set_name (BkCounterpart *self,
                         const char    *name)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (BK_IS_COUNTERPART (self));

  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  set_string (self, &self->name, trimmed, PROP_NAME);
}

const char *
bk_counterpart_get_organization (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->organization;
}

void
bk_counterpart_set_organization (BkCounterpart *self,
                                 const char    *organization)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  set_string (self, &self->organization, organization, PROP_ORGANIZATION);
}

BkCounterpartKind
bk_counterpart_get_kind (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), BK_COUNTERPART_KIND_CLIENT);

  return self->kind;
}

void
bk_counterpart_set_kind (BkCounterpart     *self,
                         BkCounterpartKind  kind)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));
  g_return_if_fail (kind <= BK_COUNTERPART_KIND_VENDOR);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
bk_counterpart_get_email (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->email;
}

void
bk_counterpart_set_email (BkCounterpart *self,
                          const char    *email)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  set_string (self, &self->email, email, PROP_EMAIL);
}

const char *
bk_counterpart_get_phone (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->phone;
}

void
bk_counterpart_set_phone (BkCounterpart *self,
                          const char    *phone)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  set_string (self, &self->phone, phone, PROP_PHONE);
}

BkCounterpartStatus
bk_counterpart_get_status (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), BK_COUNTERPART_STATUS_ACTIVE);

  return self->status;
}

void
bk_counterpart_set_status (BkCounterpart       *self,
                           BkCounterpartStatus  status)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));
  g_return_if_fail (status < BK_COUNTERPART_N_STATUSES);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

int
bk_counterpart_get_health (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), 3);

  return self->health;
}

void
bk_counterpart_set_health (BkCounterpart *self,
                           int            health)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  if (self->health != health)
    {
      self->health = health;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH]);
    }
}

const char * const *
bk_counterpart_get_tags (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return (const char * const *) self->tags;
}

void
bk_counterpart_set_tags (BkCounterpart      *self,
                         const char * const *tags)
{
  g_auto(GStrv) normalized = NULL;

  g_return_if_fail (BK_IS_COUNTERPART (self));

  normalized = normalize_tags (tags);
  if (g_strv_equal ((const char * const *) normalized, (const char * const *) self->tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS_STRING]);
}

/**
 * bk_counterpart_dup_tags_string:
 *
 * Returns: the tags joined with ", " (the form the journal stores and a person edits)
 */
char *
bk_counterpart_dup_tags_string (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return g_strjoinv (", ", self->tags);
}

/* Splits on commas; blanks and duplicates are dropped. */
void
bk_counterpart_set_tags_from_string (BkCounterpart *self,
                                     const char    *tags)
{
  const char *one[2] = { tags, NULL };

  g_return_if_fail (BK_IS_COUNTERPART (self));

  bk_counterpart_set_tags (self, tags != NULL ? one : NULL);
}

GDateTime *
bk_counterpart_get_created (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->created;
}

void
bk_counterpart_set_created (BkCounterpart *self,
                            GDateTime     *created)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  set_date_time (self, &self->created, created, PROP_CREATED);
}

GDateTime *
bk_counterpart_get_updated (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->updated;
}

void
bk_counterpart_set_updated (BkCounterpart *self,
                            GDateTime     *updated)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  set_date_time (self, &self->updated, updated, PROP_UPDATED);
}

const char *
bk_counterpart_get_match_markup (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->match_markup;
}

gint64
bk_counterpart_get_match_note_id (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), 0);

  return self->match_note_id;
}

void
bk_counterpart_set_match (BkCounterpart *self,
                          const char    *markup,
                          gint64         note_id)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  if (g_strcmp0 (self->match_markup, markup) != 0)
    {
      g_free (self->match_markup);
      self->match_markup = g_strdup (markup);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH_MARKUP]);
    }

  if (self->match_note_id != note_id)
    {
      self->match_note_id = note_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH_NOTE_ID]);
    }
}

const char *
bk_counterpart_get_run_playbook_id (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->run_playbook_id;
}

guint
bk_counterpart_get_run_steps_settled (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), 0);

  return self->run_steps_settled;
}

guint
bk_counterpart_get_run_steps_total (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), 0);

  return self->run_steps_total;
}

/* Set by the journal when it reads the counterpart: saving ignores it. A NULL @playbook_id
 * means no active run (and 0 of 0 steps). */
void
bk_counterpart_set_run_progress (BkCounterpart *self,
                                 const char    *playbook_id,
                                 guint          settled,
                                 guint          total)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  if (playbook_id == NULL)
    settled = total = 0;

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (self->run_playbook_id, playbook_id) != 0)
    {
      g_free (self->run_playbook_id);
      self->run_playbook_id = g_strdup (playbook_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_PLAYBOOK_ID]);
    }

  if (self->run_steps_settled != settled)
    {
      self->run_steps_settled = settled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_STEPS_SETTLED]);
    }

  if (self->run_steps_total != total)
    {
      self->run_steps_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_STEPS_TOTAL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* The counterpart who referred this one, 0 for none (see also bk_counterpart_get_referred_by()) */
gint64
bk_counterpart_get_referred_by_id (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), 0);

  return self->referred_by_id;
}

void
bk_counterpart_set_referred_by_id (BkCounterpart *self,
                                   gint64         id)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  if (self->referred_by_id != id)
    {
      self->referred_by_id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRED_BY_ID]);
    }
}

/* Who referred this counterpart, as the person wrote it: a name, or "" */
const char *
bk_counterpart_get_referred_by (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->referred_by;
}

void
bk_counterpart_set_referred_by (BkCounterpart *self,
                                const char    *referred_by)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  set_string (self, &self->referred_by, referred_by != NULL ? referred_by : "", PROP_REFERRED_BY);
}

/* How often to stay in touch, in days; 0 for no rhythm */
guint
bk_counterpart_get_keep_in_touch_days (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), 0);

  return self->keep_in_touch_days;
}

void
bk_counterpart_set_keep_in_touch_days (BkCounterpart *self,
                                       guint          days)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  days = MIN (days, BK_COUNTERPART_MAX_KEEP_IN_TOUCH_DAYS);
  if (self->keep_in_touch_days != days)
    {
      self->keep_in_touch_days = days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_IN_TOUCH_DAYS]);
    }
}

/* Set only on the counterparts bk_counterpart_store_list_losing_touch() reads: their newest
 * call, meeting or email, or NULL when there has been none */
GDateTime *
bk_counterpart_get_last_contact (BkCounterpart *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART (self), NULL);

  return self->last_contact;
}

void
bk_counterpart_set_last_contact (BkCounterpart *self,
                                 GDateTime     *last_contact)
{
  g_return_if_fail (BK_IS_COUNTERPART (self));

  bk_set_date_time (&self->last_contact, last_contact);
}

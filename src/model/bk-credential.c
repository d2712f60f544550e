/* bk-credential.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-credential"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-credential.h"
#include "bk-store-values-private.h"
#include "bk-value-private.h"

struct _BkCredential
{
  GObject            parent_instance;

  gint64             id;
  gint64             counterpart_id;
  char              *uuid;
  char              *label;
  char              *username;
  char              *url;
  GDateTime         *created;
  GDateTime         *updated;
  GDateTime         *state_changed;
  BkCredentialState  state;
};

G_DEFINE_FINAL_TYPE (BkCredential, bk_credential, G_TYPE_OBJECT)

static void
bk_credential_finalize (GObject *object)
{
  BkCredential *self = (BkCredential *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->state_changed, g_date_time_unref);

  G_OBJECT_CLASS (bk_credential_parent_class)->finalize (object);
}

static void
bk_credential_class_init (BkCredentialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_credential_finalize;
}

static void
bk_credential_init (BkCredential *self)
{
  self->uuid = g_strdup ("");
  self->label = g_strdup ("");
  self->username = g_strdup ("");
  self->url = g_strdup ("");
  /* the journal keeps whole seconds: a credential reads back equal */
  self->created = bk_date_time_new_now_whole_seconds ();
  self->updated = g_date_time_ref (self->created);
  self->state = BK_CREDENTIAL_STATE_IN_USE;
}

/* A credential not saved yet: id 0, no uuid (the journal gives it one), in use */
BkCredential *
bk_credential_new (void)
{
  return g_object_new (BK_TYPE_CREDENTIAL, NULL);
}

/* A new credential with the same fields, for editing without touching the one a list shows */
BkCredential *
bk_credential_copy (BkCredential *self)
{
  BkCredential *copy;

  g_return_val_if_fail (BK_IS_CREDENTIAL (self), NULL);

  copy = bk_credential_new ();
  copy->counterpart_id = self->counterpart_id;
  bk_credential_set_label (copy, self->label);
  bk_credential_set_username (copy, self->username);
  bk_credential_set_url (copy, self->url);
  bk_credential_set_journal_fields (copy, self->id, self->uuid, self->state,
                                    self->created, self->updated, self->state_changed);

  return copy;
}

gint64
bk_credential_get_id (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), 0);

  return self->id;
}

/* "" until saved */
const char *
bk_credential_get_uuid (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), NULL);

  return self->uuid;
}

gint64
bk_credential_get_counterpart_id (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), 0);

  return self->counterpart_id;
}

/* Taken into account when the credential is added; a saved credential stays with its
 * counterpart (its secret is filed under the counterpart's uuid). */
void
bk_credential_set_counterpart_id (BkCredential *self,
                                  gint64        counterpart_id)
{
  g_return_if_fail (BK_IS_CREDENTIAL (self));

  self->counterpart_id = counterpart_id;
}

const char *
bk_credential_get_label (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), NULL);

  return self->label;
}

/* Kept as given; the journal trims it (and requires one) when saving. */
void
bk_credential_set_label (BkCredential *self,
                         const char   *label)
{
  g_return_if_fail (BK_IS_CREDENTIAL (self));

  bk_set_string (&self->label, label);
}

const char *
bk_credential_get_username (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), NULL);

  return self->username;
}

void
bk_credential_set_username (BkCredential *self,
                            const char   *username)
{
  g_return_if_fail (BK_IS_CREDENTIAL (self));

  bk_set_string (&self->username, username);
}

const char *
bk_credential_get_url (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), NULL);

  return self->url;
}

void
bk_credential_set_url (BkCredential *self,
                       const char   *url)
{
  g_return_if_fail (BK_IS_CREDENTIAL (self));

  bk_set_string (&self->url, url);
}

BkCredentialState
bk_credential_get_state (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), BK_CREDENTIAL_STATE_IN_USE);

  return self->state;
}

/* The time of bk_credential_new() until saved */
GDateTime *
bk_credential_get_created (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), NULL);

  return self->created;
}

GDateTime *
bk_credential_get_updated (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), NULL);

  return self->updated;
}

GDateTime *
bk_credential_get_state_changed (BkCredential *self)
{
  g_return_val_if_fail (BK_IS_CREDENTIAL (self), NULL);

  return self->state_changed;
}

/* What only the journal sets: after reading a row or saving. @state_changed is ignored (NULL)
 * while in use. */
void
bk_credential_set_journal_fields (BkCredential      *self,
                                  gint64             id,
                                  const char        *uuid,
                                  BkCredentialState  state,
                                  GDateTime         *created,
                                  GDateTime         *updated,
                                  GDateTime         *state_changed)
{
  g_return_if_fail (BK_IS_CREDENTIAL (self));
  g_return_if_fail (state < BK_N_CREDENTIAL_STATES);
  g_return_if_fail (created != NULL);
  g_return_if_fail (updated != NULL);

  self->id = id;
  bk_set_string (&self->uuid, uuid);
  self->state = state;
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = bk_date_time_dup_whole_seconds (created);
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = bk_date_time_dup_whole_seconds (updated);
  g_clear_pointer (&self->state_changed, g_date_time_unref);
  if (state != BK_CREDENTIAL_STATE_IN_USE)
    self->state_changed = bk_date_time_dup_whole_seconds (state_changed);
}

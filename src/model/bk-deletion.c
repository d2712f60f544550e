/* bk-deletion.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-deletion"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-access.h"
#include "bk-deletion.h"

typedef enum
{
  STATE_PENDING,
  STATE_UNDONE,
  STATE_COMMITTED,
} State;

struct _BkDeletion
{
  GObject    parent_instance;

  BkJournal *journal;
  gint64     counterpart_id;
  /* a note's deletion, or 0 for a counterpart's (with everything it has) */
  gint64     note_id;
  char      *uuid;
  char      *name;
  State      state;
};

G_DEFINE_FINAL_TYPE (BkDeletion, bk_deletion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COUNTERPART_ID,
  PROP_NAME,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bk_deletion_finalize (GObject *object)
{
  BkDeletion *self = (BkDeletion *)object;

  g_clear_object (&self->journal);
  g_free (self->uuid);
  g_free (self->name);

  G_OBJECT_CLASS (bk_deletion_parent_class)->finalize (object);
}

static void
bk_deletion_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkDeletion *self = BK_DELETION (object);

  switch (prop_id)
    {
    case PROP_COUNTERPART_ID:
      g_value_set_int64 (value, self->counterpart_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, bk_deletion_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_deletion_class_init (BkDeletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_deletion_finalize;
  object_class->get_property = bk_deletion_get_property;

  properties[PROP_COUNTERPART_ID] =
    g_param_spec_int64 ("counterpart-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_deletion_init (BkDeletion *self)
{
}

static void
set_state (BkDeletion *self,
           State       state)
{
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

BkDeletion *
bk_deletion_new (BkJournal  *journal,
                 gint64      counterpart_id,
                 GError    **error)
{
  g_autoptr(BkDeletion) self = NULL;
  g_autoptr(BkCounterpart) counterpart = NULL;
  BkCounterpartStore *store;

  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = bk_journal_get_counterparts (journal);
  if (!(counterpart = bk_counterpart_store_dup (store, counterpart_id, error)) ||
      !bk_counterpart_store_set_trashed (store, counterpart_id, TRUE, error))
    return NULL;

  self = g_object_new (BK_TYPE_DELETION, NULL);
  self->journal = g_object_ref (journal);
  self->counterpart_id = counterpart_id;
  self->uuid = g_strdup (bk_counterpart_get_uuid (counterpart));
  self->name = g_strdup (bk_counterpart_get_name (counterpart));
  self->state = STATE_PENDING;

  return g_steal_pointer (&self);
}

/**
 * bk_deletion_new_note:
 * @note_id: a note in the journal
 *
 * Puts the note in the trash, to be deleted for good by bk_deletion_commit_async() unless
 * bk_deletion_undo() brings it back first.
 */
BkDeletion *
bk_deletion_new_note (BkJournal  *journal,
                      gint64      note_id,
                      GError    **error)
{
  g_autoptr(BkDeletion) self = NULL;
  g_autoptr(BkNote) note = NULL;
  BkNoteStore *store;

  g_return_val_if_fail (BK_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = bk_journal_get_notes (journal);
  if (!(note = bk_note_store_dup (store, note_id, error)) ||
      !bk_note_store_set_trashed (store, note_id, TRUE, error))
    return NULL;

  self = g_object_new (BK_TYPE_DELETION, NULL);
  self->journal = g_object_ref (journal);
  self->counterpart_id = bk_note_get_counterpart_id (note);
  self->note_id = note_id;
  self->state = STATE_PENDING;

  return g_steal_pointer (&self);
}

gint64
bk_deletion_get_counterpart_id (BkDeletion *self)
{
  g_return_val_if_fail (BK_IS_DELETION (self), 0);

  return self->counterpart_id;
}

const char *
bk_deletion_get_name (BkDeletion *self)
{
  g_return_val_if_fail (BK_IS_DELETION (self), NULL);

  return self->name;
}

gboolean
bk_deletion_get_pending (BkDeletion *self)
{
  g_return_val_if_fail (BK_IS_DELETION (self), FALSE);

  return self->state == STATE_PENDING;
}

gboolean
bk_deletion_undo (BkDeletion  *self,
                  GError     **error)
{
  g_return_val_if_fail (BK_IS_DELETION (self), FALSE);
  g_return_val_if_fail (self->state == STATE_PENDING, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->note_id != 0)
    {
      if (!bk_note_store_set_trashed (bk_journal_get_notes (self->journal), self->note_id, FALSE,
                                      error))
        return FALSE;
    }
  else if (!bk_counterpart_store_set_trashed (bk_journal_get_counterparts (self->journal),
                                              self->counterpart_id, FALSE, error))
    return FALSE;

  set_state (self, STATE_UNDONE);

  return TRUE;
}

static void
on_secrets_deleted_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BkDeletion *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  /* Without the keyring the secrets stay for now: the sweep of orphans removes them later. */
  if (!bk_access_delete_secrets_finish (self->journal, result, &error))
    g_message ("The secrets of a deleted client are still in the keyring: %s", error->message);
  g_clear_error (&error);

  if (!bk_journal_purge_trashed (self->journal, self->counterpart_id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
bk_deletion_commit_async (BkDeletion          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BK_IS_DELETION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_deletion_commit_async);

  if (self->state != STATE_PENDING)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* From here there is no way back, even while the keyring is still at work. */
  set_state (self, STATE_COMMITTED);

  /* a note has no secrets */
  if (self->note_id != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!bk_journal_purge_trashed (self->journal, self->note_id, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  bk_access_delete_secrets_async (self->journal, self->uuid, cancellable, on_secrets_deleted_cb,
                                  g_steal_pointer (&task));
}

gboolean
bk_deletion_commit_finish (BkDeletion    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (BK_IS_DELETION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_deletion_commit_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* bk-run-step-list.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-run-step-list"

#include "config.h"

#include "bk-run-step-list.h"
#include "bk-run-step-private.h"

struct _BkRunStepList
{
  GObject     parent_instance;

  BkRunStore *runs;
  BkRun      *run;
  /* BkRunStep, one per step of the run */
  GPtrArray  *steps;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkRunStepList, bk_run_step_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
bk_run_step_list_get_item_type (GListModel *model)
{
  return BK_TYPE_RUN_STEP;
}

static guint
bk_run_step_list_get_n_items (GListModel *model)
{
  return BK_RUN_STEP_LIST (model)->steps->len;
}

static gpointer
bk_run_step_list_get_item (GListModel *model,
                           guint       position)
{
  BkRunStepList *self = BK_RUN_STEP_LIST (model);

  if (position >= self->steps->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->steps, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bk_run_step_list_get_item_type;
  iface->get_n_items = bk_run_step_list_get_n_items;
  iface->get_item = bk_run_step_list_get_item;
}

static void
sync_step (BkRunStepList *self,
           BkRunStep     *step)
{
  const char *step_id = bk_run_step_get_step_id (step);

  bk_run_step_set_state (step,
                         bk_run_get_step_state (self->run, step_id),
                         bk_run_get_step_note (self->run, step_id),
                         bk_run_get_step_changed (self->run, step_id));
}

static void
on_run_step_changed_cb (BkRunStepList *self,
                        guint          index,
                        BkRun         *run)
{
  if (index >= self->steps->len)
    return;

  sync_step (self, g_ptr_array_index (self->steps, index));
  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 1);
}

/* The run as the journal has it now, into the run the list shows */
static void
on_run_store_changed_cb (BkRunStepList *self,
                         BkChange       change,
                         gint64         id,
                         gint64         counterpart_id,
                         BkRunStore    *runs)
{
  g_autoptr(BkRun) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (id != bk_run_get_id (self->run) || change == BK_CHANGE_REMOVED)
    return;

  if ((fresh = bk_run_store_dup (runs, id, &error)))
    bk_run_update_from (self->run, fresh);
  else
    g_debug ("Could not read a changed playbook run: %s", error->message);
}

static void
bk_run_step_list_dispose (GObject *object)
{
  BkRunStepList *self = (BkRunStepList *) object;

  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_data (self->runs, self);
  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);

  g_clear_object (&self->runs);
  g_clear_object (&self->run);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_run_step_list_parent_class)->dispose (object);
}

static void
bk_run_step_list_class_init (BkRunStepListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_run_step_list_dispose;
}

static void
bk_run_step_list_init (BkRunStepList *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * bk_run_step_list_new:
 * @runs: the store that tells the run's changes
 * @run: the run to show (kept up to date in place)
 * @playbook: the run's playbook, for its steps' words
 * @kind: whether the run is with a client or a vendor, for the wording
 */
BkRunStepList *
bk_run_step_list_new (BkRunStore        *runs,
                      BkRun             *run,
                      BkPlaybook        *playbook,
                      BkCounterpartKind  kind)
{
  const char * const *step_ids;
  BkRunStepList *self;

  g_return_val_if_fail (BK_IS_RUN_STORE (runs), NULL);
  g_return_val_if_fail (BK_IS_RUN (run), NULL);
  g_return_val_if_fail (BK_IS_PLAYBOOK (playbook), NULL);

  self = g_object_new (BK_TYPE_RUN_STEP_LIST, NULL);
  self->runs = g_object_ref (runs);
  self->run = g_object_ref (run);

  step_ids = bk_run_get_step_ids (run);
  for (guint i = 0; step_ids[i] != NULL; i++)
    {
      /* a later edition of the playbook may have dropped the step: its id is all there is */
      int index = bk_playbook_find_step (playbook, step_ids[i]);
      g_autoptr(BkRunStep) step = NULL;

      if (index >= 0)
        step = bk_run_step_new (i, step_ids[i],
                                bk_playbook_get_step_title (playbook, index, kind),
                                bk_playbook_get_step_description (playbook, index, kind),
                                bk_playbook_get_step_role (playbook, index));
      else
        step = bk_run_step_new (i, step_ids[i], NULL, NULL, NULL);

      sync_step (self, step);
      g_ptr_array_add (self->steps, g_steal_pointer (&step));
    }

  g_signal_connect_object (run, "step-changed", G_CALLBACK (on_run_step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (runs, "changed", G_CALLBACK (on_run_store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

BkRun *
bk_run_step_list_get_run (BkRunStepList *self)
{
  g_return_val_if_fail (BK_IS_RUN_STEP_LIST (self), NULL);

  return self->run;
}

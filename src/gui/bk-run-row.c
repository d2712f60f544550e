/* bk-run-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-run-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-format.h"
#include "bk-run-row.h"

struct _BkRunRow
{
  AdwActionRow  parent_instance;

  BkRun        *run;
  /* NULL when the playbook is no longer known */
  BkPlaybook   *playbook;
};

G_DEFINE_FINAL_TYPE (BkRunRow, bk_run_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_RUN,
  PROP_PLAYBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (BkRunRow *self)
{
  GDateTime *ended_at = bk_run_get_ended (self->run);
  g_autofree char *ended = ended_at != NULL ? bk_format_date (ended_at) : g_strdup ("");
  const char *outcome = bk_outcome_get_label (bk_run_get_outcome (self->run));
  const char *successor = bk_run_get_successor (self->run);
  g_autofree char *subtitle = NULL;

  if (successor != NULL && successor[0] != '\0')
    /* Translators: "November 27, 2026: Referred to a colleague, Anna Petrova" */
    subtitle = g_strdup_printf (_("%s: %s, %s"), ended, outcome, successor);
  else
    /* Translators: "November 27, 2026: Parted ways" */
    subtitle = g_strdup_printf (_("%s: %s"), ended, outcome);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 self->playbook != NULL ? bk_playbook_get_name (self->playbook)
                                                        : bk_run_get_playbook_id (self->run));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
bk_run_row_constructed (GObject *object)
{
  BkRunRow *self = BK_RUN_ROW (object);

  G_OBJECT_CLASS (bk_run_row_parent_class)->constructed (object);

  g_return_if_fail (self->run != NULL);
  update (self);

  g_signal_connect_object (self->run, "notify::ended", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "notify::outcome", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "notify::successor", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

static void
bk_run_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BkRunRow *self = BK_RUN_ROW (object);

  switch (prop_id)
    {
    case PROP_RUN:
      g_value_set_object (value, self->run);
      break;

    case PROP_PLAYBOOK:
      g_value_set_object (value, self->playbook);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_run_row_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BkRunRow *self = BK_RUN_ROW (object);

  switch (prop_id)
    {
    case PROP_RUN:
      self->run = g_value_dup_object (value);
      break;

    case PROP_PLAYBOOK:
      self->playbook = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_run_row_dispose (GObject *object)
{
  BkRunRow *self = (BkRunRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_RUN_ROW);
  g_clear_object (&self->run);
  g_clear_object (&self->playbook);

  G_OBJECT_CLASS (bk_run_row_parent_class)->dispose (object);
}

static void
bk_run_row_class_init (BkRunRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_run_row_constructed;
  object_class->dispose = bk_run_row_dispose;
  object_class->get_property = bk_run_row_get_property;
  object_class->set_property = bk_run_row_set_property;

  properties[PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL,
                         BK_TYPE_RUN,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAYBOOK] =
    g_param_spec_object ("playbook", NULL, NULL,
                         BK_TYPE_PLAYBOOK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-run-row.ui");
}

static void
bk_run_row_init (BkRunRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BkRunRow *
bk_run_row_new (BkRun      *run,
                BkPlaybook *playbook)
{
  g_return_val_if_fail (BK_IS_RUN (run), NULL);
  g_return_val_if_fail (playbook == NULL || BK_IS_PLAYBOOK (playbook), NULL);

  return g_object_new (BK_TYPE_RUN_ROW, "run", run, "playbook", playbook, NULL);
}

BkRun *
bk_run_row_get_run (BkRunRow *self)
{
  g_return_val_if_fail (BK_IS_RUN_ROW (self), NULL);

  return self->run;
}

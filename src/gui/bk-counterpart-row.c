/* bk-counterpart-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-counterpart-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-counterpart-row.h"

struct _BkCounterpartRow
{
  AdwBin          parent_instance;

  BkCounterpart  *counterpart;
  /* To name the playbook in progress */
  BkPlaybookLibrary *playbooks;

  GtkLabel       *name_label;
  GtkLabel       *status_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *match_label;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  GtkLevelBar    *health_bar;
};

G_DEFINE_FINAL_TYPE (BkCounterpartRow, bk_counterpart_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAYBOOKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *status_classes[] = {
  "status-active", "status-at-risk", "status-winding-down",
  "status-handed-over", "status-ended-well", "status-ended",
};

/* The playbook in progress, at a glance: "3/6" and a bar. */
static void
update_progress (BkCounterpartRow *self)
{
  const char *playbook_id = bk_counterpart_get_run_playbook_id (self->counterpart);
  guint settled = bk_counterpart_get_run_steps_settled (self->counterpart);
  guint total = bk_counterpart_get_run_steps_total (self->counterpart);
  BkPlaybook *playbook;
  g_autofree char *fraction = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (self->progress_box, playbook_id != NULL && total > 0);
  if (playbook_id == NULL || total == 0)
    return;

  playbook = self->playbooks != NULL ? bk_playbook_library_lookup (self->playbooks, playbook_id) : NULL;
  /* Translators: playbook progress in the client list, "3/6" */
  fraction = g_strdup_printf (_("%u/%u"), settled, total);
  /* Translators: a tooltip, "Part Ways Cleanly: 3 of 6 steps" */
  tooltip = g_strdup_printf (ngettext ("%s: %u of %u step", "%s: %u of %u steps", total),
                             playbook != NULL ? bk_playbook_get_name (playbook) : playbook_id, settled, total);

  gtk_progress_bar_set_fraction (self->progress_bar, (double)settled / total);
  gtk_label_set_text (self->progress_label, fraction);
  gtk_widget_set_tooltip_text (self->progress_box, tooltip);
}

static void
update (BkCounterpartRow *self)
{
  BkCounterpart *counterpart = self->counterpart;
  g_autofree char *subtitle = NULL;
  g_autofree char *health = NULL;
  g_autofree char *accessible_label = NULL;
  const char *organization;
  const char *match;
  BkCounterpartStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);

  if (counterpart == NULL)
    return;

  organization = bk_counterpart_get_organization (counterpart);
  status = bk_counterpart_get_status (counterpart);
  match = bk_counterpart_get_match_markup (counterpart);

  if (organization != NULL && organization[0] != '\0')
    /* Translators: a client's organisation and kind, e.g. "Acme Ltd · Client" */
    subtitle = g_strdup_printf (_("%s · %s"), organization,
                                bk_counterpart_kind_get_label (bk_counterpart_get_kind (counterpart)));
  else
    subtitle = g_strdup (bk_counterpart_kind_get_label (bk_counterpart_get_kind (counterpart)));

  gtk_label_set_text (self->name_label, bk_counterpart_get_name (counterpart));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->status_label, bk_counterpart_status_get_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);

  /* Translators: relationship health, %d is 1 to 5 */
  health = g_strdup_printf (_("Health %d of 5"), bk_counterpart_get_health (counterpart));
  gtk_level_bar_set_value (self->health_bar, bk_counterpart_get_health (counterpart));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->health_bar), health);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->health_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, health, -1);

  gtk_widget_set_visible (GTK_WIDGET (self->match_label), match != NULL && match[0] != '\0');
  gtk_label_set_markup (self->match_label, match != NULL ? match : "");

  update_progress (self);

  /* Translators: what a screen reader says for a row of the client list:
   * "Anna Petrova, Acme Ltd · Client, At risk, Health 2 of 5" */
  accessible_label = g_strdup_printf (_("%s, %s, %s, %s"), bk_counterpart_get_name (counterpart), subtitle,
                                      bk_counterpart_status_get_label (status), health);
  if (gtk_widget_get_visible (self->progress_box))
    {
      g_autofree char *with_progress = g_strdup_printf (_("%s, %s"), accessible_label,
                                                        gtk_widget_get_tooltip_text (self->progress_box));
      g_free (accessible_label);
      accessible_label = g_steal_pointer (&with_progress);
    }
  bk_accessible_name_list_row (GTK_WIDGET (self), accessible_label);
}

static void
bk_counterpart_row_dispose (GObject *object)
{
  BkCounterpartRow *self = (BkCounterpartRow *)object;

  if (self->counterpart != NULL)
    g_signal_handlers_disconnect_by_func (self->counterpart, update, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_COUNTERPART_ROW);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->playbooks);

  G_OBJECT_CLASS (bk_counterpart_row_parent_class)->dispose (object);
}

static void
bk_counterpart_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BkCounterpartRow *self = BK_COUNTERPART_ROW (object);

  switch (prop_id)
    {
    case PROP_PLAYBOOKS:
      g_value_set_object (value, self->playbooks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_counterpart_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BkCounterpartRow *self = BK_COUNTERPART_ROW (object);

  switch (prop_id)
    {
    case PROP_PLAYBOOKS:
      self->playbooks = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_counterpart_row_class_init (BkCounterpartRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_counterpart_row_dispose;
  object_class->get_property = bk_counterpart_row_get_property;
  object_class->set_property = bk_counterpart_row_set_property;

  properties[PROP_PLAYBOOKS] =
    g_param_spec_object ("playbooks", NULL, NULL,
                         BK_TYPE_PLAYBOOK_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-counterpart-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, match_label);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, health_bar);
}

static void
bk_counterpart_row_init (BkCounterpartRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BkCounterpartRow *
bk_counterpart_row_new (BkPlaybookLibrary *playbooks)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK_LIBRARY (playbooks), NULL);

  return g_object_new (BK_TYPE_COUNTERPART_ROW, "playbooks", playbooks, NULL);
}

BkCounterpart *
bk_counterpart_row_get_counterpart (BkCounterpartRow *self)
{
  g_return_val_if_fail (BK_IS_COUNTERPART_ROW (self), NULL);

  return self->counterpart;
}

void
bk_counterpart_row_set_counterpart (BkCounterpartRow *self,
                                    BkCounterpart    *counterpart)
{
  g_return_if_fail (BK_IS_COUNTERPART_ROW (self));
  g_return_if_fail (counterpart == NULL || BK_IS_COUNTERPART (counterpart));

  if (self->counterpart == counterpart)
    return;

  /* an item changed in place (a search's words, a client edited) shows at once */
  if (self->counterpart != NULL)
    g_signal_handlers_disconnect_by_func (self->counterpart, update, self);
  g_set_object (&self->counterpart, counterpart);
  if (counterpart != NULL)
    g_signal_connect_object (counterpart, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

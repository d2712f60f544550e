/* bk-counterpart-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-counterpart-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-counterpart-row.h"

struct _BkCounterpartRow
{
  AdwBin         parent_instance;

  BkCounterpart *counterpart;

  GtkLabel      *name_label;
  GtkLabel      *status_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *match_label;
};

G_DEFINE_FINAL_TYPE (BkCounterpartRow, bk_counterpart_row, ADW_TYPE_BIN)

static const char *status_classes[] = {
  "status-active", "status-at-risk", "status-winding-down",
  "status-handed-over", "status-ended-well", "status-ended",
};

static void
update (BkCounterpartRow *self)
{
  BkCounterpart *counterpart = self->counterpart;
  g_autofree char *subtitle = NULL;
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

  gtk_widget_set_visible (GTK_WIDGET (self->match_label), match != NULL && match[0] != '\0');
  gtk_label_set_markup (self->match_label, match != NULL ? match : "");
}

static void
bk_counterpart_row_dispose (GObject *object)
{
  BkCounterpartRow *self = (BkCounterpartRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_COUNTERPART_ROW);
  g_clear_object (&self->counterpart);

  G_OBJECT_CLASS (bk_counterpart_row_parent_class)->dispose (object);
}

static void
bk_counterpart_row_class_init (BkCounterpartRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_counterpart_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-counterpart-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BkCounterpartRow, match_label);
}

static void
bk_counterpart_row_init (BkCounterpartRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BkCounterpartRow *
bk_counterpart_row_new (void)
{
  return g_object_new (BK_TYPE_COUNTERPART_ROW, NULL);
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

  if (g_set_object (&self->counterpart, counterpart))
    update (self);
}

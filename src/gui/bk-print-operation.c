/* bk-print-operation.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-print-operation.h"

struct _BkPrintOperation
{
  GtkPrintOperation  parent_instance;

  BkSummary         *summary;
};

G_DEFINE_FINAL_TYPE (BkPrintOperation, bk_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bk_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  BkPrintOperation *self = BK_PRINT_OPERATION (operation);

  /* The whole sheet, in points: the summary keeps its own margins, as in its PDF. */
  bk_summary_paginate (self->summary, gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context), gtk_print_context_get_height (context));

  if (bk_summary_get_n_pages (self->summary) > 0)
    gtk_print_operation_set_n_pages (operation, bk_summary_get_n_pages (self->summary));
  else
    gtk_print_operation_cancel (operation);
}

static void
bk_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  BkPrintOperation *self = BK_PRINT_OPERATION (operation);

  bk_summary_draw_page (self->summary, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
bk_print_operation_constructed (GObject *object)
{
  BkPrintOperation *self = BK_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autofree char *job_name = NULL;

  G_OBJECT_CLASS (bk_print_operation_parent_class)->constructed (object);

  job_name = bk_summary_dup_file_name (self->summary);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
}

static void
bk_print_operation_dispose (GObject *object)
{
  BkPrintOperation *self = BK_PRINT_OPERATION (object);

  g_clear_object (&self->summary);

  G_OBJECT_CLASS (bk_print_operation_parent_class)->dispose (object);
}

static void
bk_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BkPrintOperation *self = BK_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BkPrintOperation *self = BK_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      self->summary = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_print_operation_class_init (BkPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = bk_print_operation_constructed;
  object_class->dispose = bk_print_operation_dispose;
  object_class->get_property = bk_print_operation_get_property;
  object_class->set_property = bk_print_operation_set_property;

  operation_class->begin_print = bk_print_operation_begin_print;
  operation_class->draw_page = bk_print_operation_draw_page;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL,
                         BK_TYPE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_print_operation_init (BkPrintOperation *self)
{
}

BkPrintOperation *
bk_print_operation_new (BkSummary *summary)
{
  g_return_val_if_fail (BK_IS_SUMMARY (summary), NULL);

  return g_object_new (BK_TYPE_PRINT_OPERATION,
                       "summary", summary,
                       "allow-async", TRUE,
                       NULL);
}

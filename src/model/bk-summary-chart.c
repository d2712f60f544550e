/* bk-summary-chart.c: relationship health over time, drawn with cairo
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-summary-private.h"

static void
draw_axis_date (BkSummary  *self,
                cairo_t    *cr,
                const char *text,
                double      x,
                double      y,
                double      align)
{
  g_autoptr(PangoLayout) layout = bk_summary_small_layout (self, SIZE_AXIS, text);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  bk_summary_show_layout (cr, layout, x - align * logical.width / PANGO_SCALE, y, &bk_summary_secondary_colour);
}

/* Health by meaning, as the app colours it: poor and strained warn, fair is neutral, good is
 * good. Darker than the screen's colours, to read on paper. */
static const BkSummaryColour health_poor_colour = { 0.75, 0.11, 0.16 };
static const BkSummaryColour health_strained_colour = { 0.80, 0.50, 0.02 };
static const BkSummaryColour health_good_colour = { 0.11, 0.52, 0.33 };

const BkSummaryColour *
bk_summary_health_colour (int health)
{
  if (health <= 1)
    return &health_poor_colour;
  if (health == 2)
    return &health_strained_colour;
  if (health == 3)
    return &bk_summary_secondary_colour;

  return &health_good_colour;
}

/* A step line of health (1 to 5) over time, on a light grid */
void
bk_summary_draw_chart (BkSummary *self,
                       cairo_t   *cr,
                       double     x,
                       double     y,
                       double     width,
                       double     height)
{
  const BkHealthPoint *points = (BkHealthPoint *) self->health_history->data;
  guint n_points = self->health_history->len;
  double left = x + 18;
  double right = x + width - 2;
  double plot_top = y + 6;
  double plot_bottom = y + height - 20;
  gint64 t0 = self->chart_start;
  gint64 t1 = self->chart_end;
  g_autofree char *start_date = bk_summary_format_unix_date (t0);
  g_autofree char *middle_date = NULL;
  g_autofree char *end_date = bk_summary_format_unix_date (t1);
  double px = 0;
  double py = 0;

#define X_OF(t) (left + (right - left) * (double) ((t) - t0) / (double) (t1 - t0))
#define Y_OF(h) (plot_bottom - (plot_bottom - plot_top) * (CLAMP ((h), 1, 5) - 1) / 4.0)

  cairo_save (cr);

  for (int health = 1; health <= 5; health++)
    {
      char label[2] = { '0' + health, '\0' };
      g_autoptr(PangoLayout) layout = bk_summary_small_layout (self, SIZE_AXIS, label);
      PangoRectangle logical;

      bk_summary_hairline (cr, left, right, Y_OF (health), health == 1 ? 0.8 : 0.5,
                health == 1 ? &bk_summary_rule_colour : &bk_summary_grid_colour);
      pango_layout_get_extents (layout, NULL, &logical);
      bk_summary_show_layout (cr, layout, left - 8 - (double) logical.width / PANGO_SCALE,
                   Y_OF (health) - (double) logical.height / PANGO_SCALE / 2, &bk_summary_secondary_colour);
    }

  /* The dates at both ends, and the middle one when there is room */
  draw_axis_date (self, cr, start_date, left, plot_bottom + 6, 0);
  draw_axis_date (self, cr, end_date, right, plot_bottom + 6, 1);
  if (t1 - t0 > 20 * 24 * 60 * 60)
    {
      middle_date = bk_summary_format_unix_date (t0 + (t1 - t0) / 2);
      draw_axis_date (self, cr, middle_date, (left + right) / 2, plot_bottom + 6, 0.5);
    }

  /* The area under the step line, each value holding until the next change */
  cairo_new_path (cr);
  for (guint i = 0; i < n_points; i++)
    {
      double cx = X_OF (points[i].changed);
      double cy = Y_OF (points[i].health);

      if (i == 0)
        cairo_move_to (cr, cx, cy);
      else
        {
          cairo_line_to (cr, cx, py);
          cairo_line_to (cr, cx, cy);
        }
      px = cx;
      py = cy;
    }
  if (right > px)
    cairo_line_to (cr, right, py);
  cairo_line_to (cr, right, plot_bottom);
  cairo_line_to (cr, X_OF (points[0].changed), plot_bottom);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, bk_summary_secondary_colour.r, bk_summary_secondary_colour.g, bk_summary_secondary_colour.b, 0.07);
  cairo_fill (cr);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The changes, thin and neutral; then each level in its colour */
  cairo_set_line_width (cr, 0.8);
  bk_summary_set_source (cr, &bk_summary_secondary_colour);
  for (guint i = 1; i < n_points; i++)
    {
      cairo_move_to (cr, X_OF (points[i].changed), Y_OF (points[i - 1].health));
      cairo_line_to (cr, X_OF (points[i].changed), Y_OF (points[i].health));
    }
  cairo_stroke (cr);

  cairo_set_line_width (cr, 1.8);
  for (guint i = 0; i < n_points; i++)
    {
      double x_end = i + 1 < n_points ? X_OF (points[i + 1].changed) : right;

      cairo_move_to (cr, X_OF (points[i].changed), Y_OF (points[i].health));
      cairo_line_to (cr, MAX (x_end, X_OF (points[i].changed)), Y_OF (points[i].health));
      bk_summary_set_source (cr, bk_summary_health_colour (points[i].health));
      cairo_stroke (cr);
    }

  /* A dot at each change */
  for (guint i = 0; i < n_points; i++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, X_OF (points[i].changed), Y_OF (points[i].health), 2.6, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      bk_summary_set_source (cr, bk_summary_health_colour (points[i].health));
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }

  cairo_restore (cr);

#undef X_OF
#undef Y_OF
}

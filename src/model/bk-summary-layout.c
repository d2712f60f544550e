/* bk-summary-layout.c: a relationship summary laid out on pages and drawn with cairo and pango
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-summary-private.h"

const BkSummaryColour bk_summary_text_colour = { 0.13, 0.13, 0.15 };
const BkSummaryColour bk_summary_secondary_colour = { 0.42, 0.42, 0.45 };
const BkSummaryColour bk_summary_rule_colour = { 0.80, 0.80, 0.82 };
const BkSummaryColour bk_summary_grid_colour = { 0.90, 0.90, 0.91 };
const BkSummaryColour bk_summary_accent_colour = { 0.10, 0.37, 0.71 };

static void
block_clear (gpointer data)
{
  BkSummaryBlock *block = data;

  g_clear_object (&block->layout);
  g_clear_object (&block->aside);
  g_clear_object (&block->continued);
  g_clear_pointer (&block->lines, g_free);
  g_clear_pointer (&block->outline_title, g_free);
  g_clear_pointer (&block->date, g_free);
}

static void
outline_clear (gpointer data)
{
  BkSummaryOutline *outline = data;

  g_clear_pointer (&outline->title, g_free);
}

void
bk_summary_layout_clear (BkSummary *self)
{
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
}

double
bk_summary_content_width (BkSummary *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

void
bk_summary_set_source (cairo_t               *cr,
                       const BkSummaryColour *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

void
bk_summary_rich_init (BkSummaryRich *rich)
{
  rich->text = g_string_new (NULL);
  rich->attrs = pango_attr_list_new ();
}

static void
insert_attr (BkSummaryRich  *rich,
             PangoAttribute *attr,
             guint           start,
             guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (rich->attrs, attr);
}

static PangoAttribute *
foreground_new (const BkSummaryColour *colour)
{
  return pango_attr_foreground_new (colour->r * 65535, colour->g * 65535, colour->b * 65535);
}

void
bk_summary_rich_add_len (BkSummaryRich  *rich,
                         BkSummaryStyle  style,
                         const char     *text,
                         gssize          length)
{
  guint start = rich->text->len;
  guint end;

  g_string_append_len (rich->text, text, length);
  end = rich->text->len;

  switch (style)
    {
    case STYLE_BODY:
      break;

    case STYLE_STRONG:
      insert_attr (rich, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
      break;

    case STYLE_META:
      insert_attr (rich, pango_attr_size_new (SIZE_META * PANGO_SCALE), start, end);
      insert_attr (rich, foreground_new (&bk_summary_secondary_colour), start, end);
      break;

    case STYLE_META_STRONG:
      insert_attr (rich, pango_attr_size_new (SIZE_META * PANGO_SCALE), start, end);
      insert_attr (rich, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
      insert_attr (rich, foreground_new (&bk_summary_secondary_colour), start, end);
      break;

    case STYLE_META_ACCENT:
      insert_attr (rich, pango_attr_size_new (SIZE_META * PANGO_SCALE), start, end);
      insert_attr (rich, foreground_new (&bk_summary_accent_colour), start, end);
      break;

    case STYLE_LABEL:
      insert_attr (rich, foreground_new (&bk_summary_secondary_colour), start, end);
      break;

    case STYLE_OVERLINE:
      insert_attr (rich, pango_attr_letter_spacing_new (PANGO_SCALE), start, end);
      insert_attr (rich, foreground_new (&bk_summary_accent_colour), start, end);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
bk_summary_rich_add (BkSummaryRich  *rich,
                     BkSummaryStyle  style,
                     const char     *text)
{
  bk_summary_rich_add_len (rich, style, text, -1);
}


void
bk_summary_rich_add_printf (BkSummaryRich  *rich,
                            BkSummaryStyle  style,
                            const char     *format,
                            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  bk_summary_rich_add (rich, style, text);
}

static PangoLayout *
new_layout (BkSummary *self,
            double     size,
            gboolean   bold,
            double     width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, LINE_SPACING);

  return layout;
}

/* Takes the text of @rich */
static void
layout_take_rich (PangoLayout   *layout,
                  BkSummaryRich *rich)
{
  pango_layout_set_text (layout, rich->text->str, rich->text->len);
  pango_layout_set_attributes (layout, rich->attrs);
  g_string_free (g_steal_pointer (&rich->text), TRUE);
  g_clear_pointer (&rich->attrs, pango_attr_list_unref);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.height / PANGO_SCALE;
}

/* Adding blocks */

BkSummaryBlock *
bk_summary_add_block (BkSummary          *self,
                      BkSummaryBlockKind  kind)
{
  BkSummaryBlock block = { .kind = kind, .min_lines = 1 };

  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, BkSummaryBlock, self->blocks->len - 1);
}

/* Reads where each line of the block's layout sits, once */
static void
measure_lines (BkSummaryBlock *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  guint n = pango_layout_get_line_count (block->layout);
  guint i = 0;

  block->lines = g_new0 (BkSummaryLine, n);

  do
    {
      PangoRectangle logical;
      int top;
      int bottom;

      g_assert (i < n);
      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      block->lines[i].line = pango_layout_iter_get_line_readonly (iter);
      block->lines[i].top = (double) top / PANGO_SCALE;
      block->lines[i].bottom = (double) bottom / PANGO_SCALE;
      block->lines[i].baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      block->lines[i].x = (double) logical.x / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));

  block->n_lines = i;
  pango_layout_iter_free (iter);
}

/* A paragraph of @rich at @x from the content's left edge, @width wide (or to the right
 * edge when 0) */
BkSummaryBlock *
bk_summary_add_text_width (BkSummary     *self,
                           BkSummaryRich *rich,
                           double         size,
                           gboolean       bold,
                           double         x,
                           double         width,
                           double         space_before)
{
  BkSummaryBlock *block = bk_summary_add_block (self, BLOCK_TEXT);

  block->x = x;
  block->space_before = space_before;
  block->layout = new_layout (self, size, bold, width > 0 ? width : bk_summary_content_width (self) - x);
  layout_take_rich (block->layout, rich);
  measure_lines (block);
  /* A short paragraph is never split; a longer one leaves two lines at least on each page */
  block->min_lines = block->n_lines <= 4 ? block->n_lines : 2;

  return block;
}

BkSummaryBlock *
bk_summary_add_text (BkSummary     *self,
                     BkSummaryRich *rich,
                     double         size,
                     gboolean       bold,
                     double         x,
                     double         space_before)
{
  return bk_summary_add_text_width (self, rich, size, bold, x, 0, space_before);
}

void
bk_summary_add_plain (BkSummary      *self,
                      BkSummaryStyle  style,
                      const char     *text,
                      double          x,
                      double          space_before)
{
  BkSummaryRich rich;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, style, text);
  bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, x, space_before);
}

/* Beside @block, at @x from the content's left edge */
void
bk_summary_set_aside (BkSummary      *self,
                      BkSummaryBlock *block,
                      BkSummaryRich  *rich,
                      double          x,
                      double          width)
{
  block->aside = new_layout (self, SIZE_BODY, FALSE, width);
  block->aside_x = x;
  layout_take_rich (block->aside, rich);
  block->aside_height = layout_height (block->aside);
}

void
bk_summary_add_heading (BkSummary  *self,
                        const char *title)
{
  BkSummaryRich rich;
  BkSummaryBlock *block;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_BODY, title);
  block = bk_summary_add_text (self, &rich, SIZE_HEADING, TRUE, 0, 28);
  block->keep_with_next = TRUE;
  block->rule_below = TRUE;
  block->space_after = 10;
  block->outline_title = g_strdup (title);
  block->outline_level = 0;
}

/* A label and its value: "Status   Winding down" */
void
bk_summary_add_field (BkSummary  *self,
                      const char *label,
                      const char *value,
                      double      space_before)
{
  BkSummaryRich rich;
  BkSummaryBlock *block;

  if (value == NULL || value[0] == '\0')
    return;

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_BODY, value);
  block = bk_summary_add_text (self, &rich, SIZE_BODY, FALSE, VALUE_X, space_before);

  bk_summary_rich_init (&rich);
  bk_summary_rich_add (&rich, STYLE_LABEL, label);
  bk_summary_set_aside (self, block, &rich, 0, LABEL_WIDTH);
}

/* Pagination */

static double
lines_height (BkSummaryBlock *block,
              guint           first,
              guint           n)
{
  if (n == 0)
    return 0;

  return block->lines[first + n - 1].bottom - block->lines[first].top;
}

/* The least height the first piece of @block takes, for keeping a heading with it */
static double
first_piece_height (BkSummaryBlock *block)
{
  double height;

  if (block->kind == BLOCK_CHART)
    return block->height;

  height = lines_height (block, 0, MIN (block->min_lines, block->n_lines));
  height = MAX (height, block->aside_height);
  if (block->min_lines >= block->n_lines)
    height += block->space_after;

  return height;
}

static double
full_height (BkSummaryBlock *block)
{
  if (block->kind == BLOCK_CHART)
    return block->height + block->space_after;

  return MAX (lines_height (block, 0, block->n_lines), block->aside_height) + block->space_after;
}

/* What must fit below block @i with it: the blocks kept with it, and the start of the next */
static double
keep_height (BkSummary *self,
             guint      i)
{
  double height = 0;

  for (guint j = i + 1; j < self->blocks->len; j++)
    {
      BkSummaryBlock *next = &g_array_index (self->blocks, BkSummaryBlock, j);

      height += next->space_before;
      if (!next->keep_with_next)
        return height + first_piece_height (next);
      height += full_height (next);
    }

  return height;
}

static void
add_outline_entry (BkSummary      *self,
                   BkSummaryBlock *block,
                   double          y)
{
  BkSummaryOutline entry = {
    .title = g_strdup (block->outline_title),
    .page = self->pages->len - 1,
    .y = y,
    .level = block->outline_level,
  };

  g_array_append_val (self->outline, entry);
}

static GArray *
new_page (BkSummary *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (BkSummaryPiece));

  g_ptr_array_add (self->pages, page);

  return page;
}

static void
place (GArray *page,
       guint   block,
       guint   first_line,
       guint   n_lines,
       double  y)
{
  BkSummaryPiece piece = { block, first_line, n_lines, y };

  g_array_append_val (page, piece);
}

static void
paginate_blocks (BkSummary *self)
{
  const double top = MARGIN_TOP;
  const double bottom = self->page_height - MARGIN_BOTTOM;
  GArray *page = new_page (self);
  double y = top;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      BkSummaryBlock *block = &g_array_index (self->blocks, BkSummaryBlock, i);
      double keep = 0;
      guint line = 0;

      /* A heading goes with the start of what follows it */
      if (block->keep_with_next)
        keep = keep_height (self, i);

      if (block->kind == BLOCK_CHART)
        {
          double space = page->len > 0 ? block->space_before : 0;

          if (y + space + block->height + keep > bottom && page->len > 0)
            {
              page = new_page (self);
              y = top;
              space = 0;
            }

          place (page, i, 0, 0, y + space);
          y += space + block->height + block->space_after;
          continue;
        }

      while (line < block->n_lines)
        {
          gboolean first = line == 0;
          double space = page->len > 0 && first ? block->space_before : 0;
          double avail = bottom - y - space;
          guint remaining = block->n_lines - line;
          guint fit = 0;
          guint needed;
          double height;

          while (fit < remaining && lines_height (block, line, fit + 1) <= avail)
            fit++;

          needed = first ? MIN (block->min_lines, remaining) : 1;

          if (page->len > 0 &&
              (fit < needed ||
               (first && block->aside_height > avail) ||
               (first && fit == remaining && lines_height (block, 0, fit) + keep > avail)))
            {
              page = new_page (self);
              y = top;
              continue;
            }

          /* Taller than a whole page cannot happen with text this size: never loop */
          fit = MAX (fit, 1);
          /* No single line left alone at the top of the next page */
          if (remaining - fit == 1 && fit > 2 && block->min_lines > 1)
            fit--;

          place (page, i, line, fit, y + space);
          if (first && block->outline_title != NULL)
            add_outline_entry (self, block, y + space);

          height = lines_height (block, line, fit);
          if (first)
            height = MAX (height, block->aside_height);
          y += space + height;
          line += fit;

          if (line < block->n_lines)
            {
              page = new_page (self);
              y = top;
            }
        }

      y += block->space_after;
    }
}

static char *
pick_font_family (PangoFontMap *font_map)
{
  PangoFontFamily **families = NULL;
  gboolean found = FALSE;
  int n_families = 0;

  pango_font_map_list_families (font_map, &families, &n_families);
  for (int i = 0; i < n_families && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), "Cantarell") == 0;
  g_free (families);

  return g_strdup (found ? "Cantarell" : "Sans");
}

gboolean
bk_summary_paginate_full (BkSummary    *self,
                          cairo_t      *cr,
                          double        page_width,
                          double        page_height,
                          GCancellable *cancellable)
{
  cairo_font_options_t *options;

  bk_summary_layout_clear (self);

  /* A font map of our own: the default one is not to be shared between threads */
  if (self->font_map == NULL)
    {
      self->font_map = pango_cairo_font_map_new ();
      pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72);
      self->font_family = pick_font_family (self->font_map);
    }

  g_clear_object (&self->context);
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_update_context (cr, self->context);
  pango_cairo_context_set_resolution (self->context, 72);
  /* The same line breaks on paper and in the PDF: no hinting, no rounding */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  self->page_width = page_width;
  self->page_height = page_height;
  self->blocks = g_array_new (FALSE, FALSE, sizeof (BkSummaryBlock));
  g_array_set_clear_func (self->blocks, block_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->outline = g_array_new (FALSE, FALSE, sizeof (BkSummaryOutline));
  g_array_set_clear_func (self->outline, outline_clear);

  if (!bk_summary_add_sections (self, cancellable))
    {
      bk_summary_layout_clear (self);
      return FALSE;
    }

  paginate_blocks (self);

  return TRUE;
}

void
bk_summary_paginate (BkSummary *self,
                     cairo_t   *cr,
                     double     page_width,
                     double     page_height)
{
  g_return_if_fail (BK_IS_SUMMARY (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_width > 2 * MARGIN_SIDE + VALUE_X);
  g_return_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM + CHART_HEIGHT);

  bk_summary_paginate_full (self, cr, page_width, page_height, NULL);
}

guint
bk_summary_get_n_pages (BkSummary *self)
{
  g_return_val_if_fail (BK_IS_SUMMARY (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

GArray *
bk_summary_get_outline (BkSummary *self)
{
  return self->outline;
}

/* Drawing */

void
bk_summary_show_layout (cairo_t               *cr,
                        PangoLayout           *layout,
                        double                 x,
                        double                 y,
                        const BkSummaryColour *colour)
{
  bk_summary_set_source (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Lines 0.5 wide sit on the middle of a point, crisp on screen */
static double
snap (double y)
{
  return (double) (gint64) (y + 0.5) + 0.25;
}

void
bk_summary_hairline (cairo_t               *cr,
                     double                 x0,
                     double                 x1,
                     double                 y,
                     double                 width,
                     const BkSummaryColour *colour)
{
  bk_summary_set_source (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_marker (cairo_t         *cr,
             BkSummaryMarker  marker,
             double           x,
             double           y)
{
  const double radius = 4.5;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);

  switch (marker)
    {
    case MARKER_DONE:
      bk_summary_set_source (cr, &bk_summary_accent_colour);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.3);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, x - 2.2, y + 0.1);
      cairo_line_to (cr, x - 0.6, y + 1.8);
      cairo_line_to (cr, x + 2.3, y - 1.6);
      cairo_stroke (cr);
      break;

    case MARKER_SKIPPED:
      bk_summary_set_source (cr, &bk_summary_secondary_colour);
      cairo_set_line_width (cr, 0.9);
      cairo_stroke (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x - 2.2, y);
      cairo_line_to (cr, x + 2.2, y);
      cairo_stroke (cr);
      break;

    case MARKER_OPEN:
      bk_summary_set_source (cr, &bk_summary_secondary_colour);
      cairo_set_line_width (cr, 0.9);
      cairo_stroke (cr);
      break;

    case MARKER_NONE:
    default:
      cairo_new_path (cr);
      break;
    }

  cairo_restore (cr);
}

PangoLayout *
bk_summary_small_layout (BkSummary  *self,
                         double      size,
                         const char *text)
{
  PangoLayout *layout = new_layout (self, size, FALSE, -1);

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static PangoLayout *
dup_continued (BkSummary      *self,
               BkSummaryBlock *block)
{
  BkSummaryRich rich;

  if (block->continued != NULL)
    return g_object_ref (block->continued);

  bk_summary_rich_init (&rich);
  if (block->date != NULL)
    {
      bk_summary_rich_add (&rich, STYLE_META, block->date);
      bk_summary_rich_add (&rich, STYLE_META, "\n");
    }
  /* Translators: beside a note that goes on from the previous page */
  bk_summary_rich_add (&rich, STYLE_META, _("continued"));
  block->continued = new_layout (self, SIZE_BODY, FALSE, LABEL_WIDTH);
  layout_take_rich (block->continued, &rich);

  return g_object_ref (block->continued);
}

static void
draw_piece (BkSummary      *self,
            cairo_t        *cr,
            BkSummaryPiece *piece,
            gboolean        page_top)
{
  BkSummaryBlock *block = &g_array_index (self->blocks, BkSummaryBlock, piece->block);
  double left = MARGIN_SIDE + block->x;
  gboolean first = piece->first_line == 0;
  double top;

  if (block->kind == BLOCK_CHART)
    {
      bk_summary_draw_chart (self, cr, left, piece->y, bk_summary_content_width (self) - block->x,
                             block->height);
      return;
    }

  if (first && block->rule_above && piece->y - block->space_before > MARGIN_TOP + 1)
    bk_summary_hairline (cr, MARGIN_SIDE, MARGIN_SIDE + bk_summary_content_width (self),
              snap (piece->y - block->space_before / 2), 0.5, &bk_summary_grid_colour);

  if (first && block->aside != NULL)
    bk_summary_show_layout (cr, block->aside, MARGIN_SIDE + block->aside_x, piece->y, &bk_summary_text_colour);
  else if (page_top && (!first || block->continues) && block->date != NULL)
    {
      g_autoptr(PangoLayout) continued = dup_continued (self, block);

      bk_summary_show_layout (cr, continued, MARGIN_SIDE + block->aside_x, piece->y, &bk_summary_text_colour);
    }

  top = block->lines[piece->first_line].top;

  if (first && block->marker != MARKER_NONE)
    {
      /* Centred on the first line's letters, not on its line spacing */
      BkSummaryLine *line = &block->lines[0];

      draw_marker (cr, block->marker, left - MARKER_INDENT + 5,
                   piece->y + line->baseline - top - SIZE_BODY * 0.36);
    }

  bk_summary_set_source (cr, &bk_summary_text_colour);
  for (guint i = piece->first_line; i < piece->first_line + piece->n_lines; i++)
    {
      BkSummaryLine *line = &block->lines[i];

      cairo_move_to (cr, left + line->x, piece->y + line->baseline - top);
      pango_cairo_show_layout_line (cr, line->line);
    }

  if (block->rule_below && piece->first_line + piece->n_lines == block->n_lines)
    {
      double bottom = piece->y + lines_height (block, piece->first_line, piece->n_lines);

      bk_summary_hairline (cr, MARGIN_SIDE, MARGIN_SIDE + bk_summary_content_width (self),
                snap (bottom + block->space_after / 2), 0.5, &bk_summary_rule_colour);
    }
}

static void
draw_footer (BkSummary *self,
             cairo_t   *cr,
             guint      page)
{
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) number = NULL;
  double baseline = self->page_height - FOOTER_BASELINE;
  double right = MARGIN_SIDE + bk_summary_content_width (self);
  PangoRectangle logical;

  bk_summary_hairline (cr, MARGIN_SIDE, right, baseline - 16.25, 0.5, &bk_summary_grid_colour);

  /* Translators: the footer of each page of a summary */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  number = bk_summary_small_layout (self, SIZE_FOOTER, page_text);
  pango_layout_get_extents (number, NULL, &logical);
  bk_summary_set_source (cr, &bk_summary_secondary_colour);
  cairo_move_to (cr, right - (double) logical.width / PANGO_SCALE,
                 baseline - (double) pango_layout_get_baseline (number) / PANGO_SCALE);
  pango_cairo_show_layout (cr, number);

  /* The name, cut short where it would run into the page number */
  name = bk_summary_small_layout (self, SIZE_FOOTER, bk_counterpart_get_name (self->counterpart));
  pango_layout_set_width (name, (bk_summary_content_width (self) - (double) logical.width / PANGO_SCALE - 24) * PANGO_SCALE);
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, MARGIN_SIDE,
                 baseline - (double) pango_layout_get_baseline (name) / PANGO_SCALE);
  pango_cairo_show_layout (cr, name);
}

void
bk_summary_draw_page (BkSummary *self,
                      cairo_t   *cr,
                      guint      page)
{
  GArray *pieces;

  g_return_if_fail (BK_IS_SUMMARY (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);

  cairo_save (cr);

  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, &g_array_index (pieces, BkSummaryPiece, i), i == 0);

  draw_footer (self, cr, page);

  cairo_restore (cr);
}

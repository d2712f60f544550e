/* bk-summary-private.h: what a relationship summary holds, shared by its reading
 * (bk-summary.c), its sections (bk-summary-sections.c) and its layout (bk-summary-layout.c)
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "bk-summary.h"

G_BEGIN_DECLS

/* A piece of a text block on a page: lines [first_line, first_line + n_lines) of block, the
 * top of the first at y (points from the page's top). */
typedef struct
{
  guint        block;
  guint        first_line;
  guint        n_lines;
  double       y;
} BkSummaryPiece;

/* A bookmark: a section (level 0) or a part of one (level 1) starting on page at y */
typedef struct
{
  char        *title;
  guint        page;
  double       y;
  int          level;
} BkSummaryOutline;

struct _BkSummary
{
  GObject       parent_instance;

  /* The snapshot, read by bk_summary_new() on the caller's thread: the stores' own value
   * objects, fresh from the journal, that nothing else holds or changes, and that are only
   * read from then on, on whichever thread lays the summary out. They are put into words as
   * the sections are laid out (bk-summary-sections.c). */
  BkCounterpart     *counterpart;
  /* Names the playbooks and their steps; never changes once loaded. NULL: their ids */
  BkPlaybookLibrary *playbooks;
  GDateTime         *generated_at;   /* when the summary was made */
  gint64             first_entry;    /* Unix times of the first and last notes; 0 without any */
  gint64             last_entry;
  GArray            *health_history; /* of BkHealthPoint, oldest first, never empty */
  gint64             chart_start;    /* the chart's time axis, Unix times */
  gint64             chart_end;
  GPtrArray         *open_items;     /* of BkOpenItem */
  GPtrArray         *runs;           /* of BkRun, with their steps */
  GPtrArray         *checkins;       /* of BkCheckin */
  GPtrArray         *credentials;    /* of BkCredential: labels and states, never a secret */
  GPtrArray         *notes;          /* of BkNote, oldest first; NULL without the timeline */
  GDateTime         *from;           /* the timeline's bounds, or NULL */
  GDateTime         *to;
  gboolean           include_private;

  /* The layout (bk-summary-layout.c) */
  PangoFontMap *font_map;
  PangoContext *context;
  char         *font_family;
  double        page_width;
  double        page_height;
  GArray       *blocks;        /* of BkSummaryBlock */
  GPtrArray    *pages;         /* of GArray of BkSummaryPiece */
  GArray       *outline;       /* of BkSummaryOutline */
};

/* The layout (bk-summary-layout.c): the document is a column of blocks, each a paragraph of
 * text (with perhaps a narrow column beside it: a date, a label) or a drawing. Pagination places
 * them top to bottom and splits a paragraph between two lines when it does not fit, so that no
 * line is lost or cut. Everything is in points. */

#define MARGIN_SIDE      56.0
#define MARGIN_TOP       58.0
#define MARGIN_BOTTOM    72.0
#define FOOTER_BASELINE  40.0  /* from the page's bottom */

#define SIZE_TITLE       24.0
#define SIZE_SUBTITLE    12.5
#define SIZE_HEADING     14.0
#define SIZE_SUBHEADING  11.5
#define SIZE_BODY        10.0
#define SIZE_META         8.5
#define SIZE_OVERLINE     8.5
#define SIZE_FOOTER       8.0
#define SIZE_AXIS         7.5

#define LINE_SPACING      1.25

/* The column of labels and dates, and where the text beside it starts */
#define LABEL_WIDTH     112.0
#define VALUE_X         124.0
/* Where the text of a list with markers (steps, check-ins) starts */
#define MARKER_INDENT    20.0

#define CHART_HEIGHT    150.0

/* Pango measures some things from the start of a layout's text, line after line: a note longer
 * than this is laid out in parts, split between paragraphs (or, for a paragraph that long,
 * between words), so that a 1 MB note takes a second, not a minute. */
#define PART_BYTES      16384

typedef struct
{
  double r, g, b;
} BkSummaryColour;

extern const BkSummaryColour bk_summary_text_colour;
extern const BkSummaryColour bk_summary_secondary_colour;
extern const BkSummaryColour bk_summary_rule_colour;
extern const BkSummaryColour bk_summary_grid_colour;
extern const BkSummaryColour bk_summary_accent_colour;


typedef enum
{
  STYLE_BODY,
  STYLE_STRONG,
  STYLE_META,
  STYLE_META_STRONG,
  STYLE_META_ACCENT,
  STYLE_LABEL,
  /* Spaced out, in the accent colour */
  STYLE_OVERLINE,
} BkSummaryStyle;

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHART,
} BkSummaryBlockKind;

typedef enum
{
  MARKER_NONE,
  MARKER_DONE,
  MARKER_SKIPPED,
  MARKER_OPEN,
} BkSummaryMarker;

typedef struct
{
  PangoLayoutLine *line;
  double           top;
  double           bottom;
  double           baseline;
  double           x;
} BkSummaryLine;

typedef struct
{
  BkSummaryBlockKind    kind;
  /* Above the block, left out at the top of a page */
  double       space_before;
  /* Below the last line, with a rule in it when rule_below */
  double       space_after;
  gboolean     rule_below;
  /* A bk_summary_hairline between this block and the one before, on the same page */
  gboolean     rule_above;
  /* Moves to the next page with the first lines of the next block (a heading) */
  gboolean     keep_with_next;
  /* Lines the first piece needs on a page, when there are as many */
  guint        min_lines;
  /* From the content's left edge */
  double       x;
  PangoLayout *layout;
  BkSummaryLine        *lines;
  guint        n_lines;
  /* Beside the first piece; continued beside the later ones, if any */
  PangoLayout *aside;
  PangoLayout *continued;
  double       aside_x;
  double       aside_height;
  BkSummaryMarker       marker;
  /* BLOCK_CHART */
  double       height;
  /* A bookmark at this block */
  char        *outline_title;
  int          outline_level;
  /* The date of a note, for its continued column */
  char        *date;
  /* A later part of the previous block's text */
  gboolean     continues;
} BkSummaryBlock;

typedef struct
{
  GString       *text;
  PangoAttrList *attrs;
} BkSummaryRich;

void            bk_summary_layout_clear    (BkSummary       *self);
/* bk_summary_paginate() with a way out: FALSE when @cancellable was cancelled */
gboolean        bk_summary_paginate_full   (BkSummary       *self,
                                            cairo_t         *cr,
                                            double           page_width,
                                            double           page_height,
                                            GCancellable    *cancellable);
/* The bookmarks of the last pagination: a GArray of BkSummaryOutline, pages in order */
GArray         *bk_summary_get_outline     (BkSummary       *self);
double          bk_summary_content_width   (BkSummary       *self);

/* Text with styles, built as plain text and attributes, never as markup: a note that says
 * "<b>" or "&amp;" shows just that. */
void            bk_summary_rich_init       (BkSummaryRich   *rich);
void            bk_summary_rich_add_len    (BkSummaryRich   *rich,
                                            BkSummaryStyle   style,
                                            const char      *text,
                                            gssize           length);
void            bk_summary_rich_add        (BkSummaryRich   *rich,
                                            BkSummaryStyle   style,
                                            const char      *text);
void            bk_summary_rich_add_printf (BkSummaryRich   *rich,
                                            BkSummaryStyle   style,
                                            const char      *format,
                                            ...) G_GNUC_PRINTF (3, 4);

/* Blocks, added at the end of the document. A paragraph takes the text of @rich and sits at
 * @x from the content's left edge, @width wide (or to the right edge when 0). */
BkSummaryBlock *bk_summary_add_block       (BkSummary       *self,
                                            BkSummaryBlockKind kind);
BkSummaryBlock *bk_summary_add_text_width  (BkSummary       *self,
                                            BkSummaryRich   *rich,
                                            double           size,
                                            gboolean         bold,
                                            double           x,
                                            double           width,
                                            double           space_before);
BkSummaryBlock *bk_summary_add_text        (BkSummary       *self,
                                            BkSummaryRich   *rich,
                                            double           size,
                                            gboolean         bold,
                                            double           x,
                                            double           space_before);
void            bk_summary_add_plain       (BkSummary       *self,
                                            BkSummaryStyle   style,
                                            const char      *text,
                                            double           x,
                                            double           space_before);
/* Beside @block, at @x from the content's left edge */
void            bk_summary_set_aside       (BkSummary       *self,
                                            BkSummaryBlock  *block,
                                            BkSummaryRich   *rich,
                                            double           x,
                                            double           width);
/* A section's title, with a bookmark */
void            bk_summary_add_heading     (BkSummary       *self,
                                            const char      *title);
/* A label and its value: "Status   Winding down"; nothing without a value */
void            bk_summary_add_field       (BkSummary       *self,
                                            const char      *label,
                                            const char      *value,
                                            double           space_before);

/* Drawing */
void            bk_summary_set_source      (cairo_t         *cr,
                                            const BkSummaryColour *colour);
void            bk_summary_show_layout     (cairo_t         *cr,
                                            PangoLayout     *layout,
                                            double           x,
                                            double           y,
                                            const BkSummaryColour *colour);
void            bk_summary_hairline        (cairo_t         *cr,
                                            double           x0,
                                            double           x1,
                                            double           y,
                                            double           width,
                                            const BkSummaryColour *colour);
/* One line of text, not wrapped */
PangoLayout    *bk_summary_small_layout    (BkSummary       *self,
                                            double           size,
                                            const char      *text);

/* Words for the page (bk-summary.c), in the reader's language: "March 3, 2026", or NULL
 * for a NULL date */
char           *bk_summary_format_date     (GDateTime       *date_time);
char           *bk_summary_format_unix_date (gint64          unix_time);

/* @text, or NULL when it is empty: a field the summary leaves out */
static inline const char *
bk_summary_nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* What the document says, section by section (bk-summary-sections.c): FALSE when
 * @cancellable was cancelled */
gboolean        bk_summary_add_sections    (BkSummary       *self,
                                            GCancellable    *cancellable);

/* The health chart (bk-summary-chart.c) */
/* The colour of a health (1 to 5) in the chart: by meaning, as the app draws it */
const BkSummaryColour *bk_summary_health_colour (int health);
void            bk_summary_draw_chart      (BkSummary       *self,
                                            cairo_t         *cr,
                                            double           x,
                                            double           y,
                                            double           width,
                                            double           height);

G_END_DECLS

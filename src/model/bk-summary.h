/* bk-summary.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "bk-journal.h"
#include "bk-playbook-library.h"

G_BEGIN_DECLS

typedef struct
{
  /* Private notes appear only when asked for; default FALSE */
  gboolean   include_private;
  /* The timeline of notes; default TRUE */
  gboolean   include_timeline;
  /* Only notes from/to these times (inclusive); NULL for no bound */
  GDateTime *from;
  GDateTime *to;
} BkSummaryOptions;

void bk_summary_options_init (BkSummaryOptions *options);

#define BK_SUMMARY_ERROR (bk_summary_error_quark ())

typedef enum
{
  BK_SUMMARY_ERROR_FAILED,
  /* The target cannot be written: a clear message names the place */
  BK_SUMMARY_ERROR_WRITE,
} BkSummaryError;

#define BK_TYPE_SUMMARY (bk_summary_get_type ())

G_DECLARE_FINAL_TYPE (BkSummary, bk_summary, BK, SUMMARY, GObject)

GQuark      bk_summary_error_quark   (void);

/* Reads, on the calling thread, everything one counterpart's relationship summary shows (a
 * snapshot): after this, laying it out and writing it touch the journal no more and may run on
 * another thread. */
BkSummary  *bk_summary_new           (BkJournal               *journal,
                                      gint64                   counterpart_id,
                                      const BkSummaryOptions  *options,
                                      BkPlaybookLibrary       *playbooks,
                                      GError                 **error);
/* The paper size of the person's locale, in points: A4, or Letter where that is the custom. */
void        bk_summary_get_default_page_size (double          *width,
                                              double          *height);
/* Lays the summary out on pages of this size (points), measuring text with @cr's font
 * options; may be called again for another size. */
void        bk_summary_paginate      (BkSummary               *self,
                                      cairo_t                 *cr,
                                      double                   page_width,
                                      double                   page_height);
guint       bk_summary_get_n_pages   (BkSummary               *self);
/* Draws page @page (from 0) of the last pagination onto @cr, origin at the page's corner */
void        bk_summary_draw_page     (BkSummary               *self,
                                      cairo_t                 *cr,
                                      guint                    page);
/* "Maria Sokolova – relationship summary.pdf" */
char       *bk_summary_dup_file_name (BkSummary               *self);

typedef void (*BkSummaryProgress) (double   fraction,
                                   gpointer user_data);

/* Writes the summary as a PDF with metadata, bookmarks and embedded fonts, into a temporary
 * file beside @file that replaces it only when complete. Thread-safe for one summary. */
gboolean    bk_summary_write_pdf     (BkSummary               *self,
                                      GFile                   *file,
                                      BkSummaryProgress        progress,
                                      gpointer                 progress_data,
                                      GCancellable            *cancellable,
                                      GError                 **error);

G_END_DECLS

/* bk-print-operation.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-summary.h"

G_BEGIN_DECLS

#define BK_TYPE_PRINT_OPERATION (bk_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (BkPrintOperation, bk_print_operation, BK, PRINT_OPERATION, GtkPrintOperation)

/* Prints a relationship summary: the pages of its PDF export, laid out and drawn by the same
 * code. Run it as any GtkPrintOperation; "export-filename" with the export action writes a PDF. */
BkPrintOperation *bk_print_operation_new (BkSummary *summary);

G_END_DECLS

/* bk-store.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-database.h"

G_BEGIN_DECLS

#define BK_TYPE_STORE (bk_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (BkStore, bk_store, BK, STORE, GObject)

/* The owner of one family of tables: the only code whose SQL names them. */
struct _BkStoreClass
{
  GObjectClass parent_class;
};

BkDatabase *bk_store_get_database (BkStore     *self);
/* Tells, once the outermost transaction commits, that a row changed: "changed" (@change, @id,
 * @counterpart_id). */
void        bk_store_queue_change (BkStore     *self,
                                   BkChange     change,
                                   gint64       id,
                                   gint64       counterpart_id);
gboolean    bk_store_change_row   (BkStore     *self,
                                   BkChange     change,
                                   const char  *sql,
                                   gint64       id,
                                   GDateTime   *date_time,
                                   const char  *not_found,
                                   GError     **error);

/* Whether the counterpart is in the journal and not in the trash: if not, fails with
 * %BK_DATABASE_ERROR_NOT_FOUND and the message @not_found. */
gboolean    bk_store_check_counterpart (BkStore     *self,
                                        gint64       counterpart_id,
                                        const char  *not_found,
                                        GError     **error);

/* Checks of what is about to be saved, shared by the stores; %NULL @text is valid. */
gboolean    bk_store_check_utf8   (const char  *text,
                                   GError     **error);
/* Only white space, as the journal sees it (it refuses such a name or note). */
gboolean    bk_store_is_blank     (const char  *text);
/* @text with its control characters shown as "\u001B", to quote it in a message */
char       *bk_store_dup_printable (const char  *text);
/* A copy of @text without white space at either end (Unicode, unlike g_strstrip()); "" for
 * %NULL */
char       *bk_store_dup_trimmed  (const char  *text);
/* A copy of @uuid, or a new random one when it is empty: what a row gets when first saved */
char       *bk_store_dup_uuid     (const char  *uuid);

G_END_DECLS

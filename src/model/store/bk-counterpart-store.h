/* bk-counterpart-store.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-counterpart.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* A point of a counterpart's health over time */
typedef struct
{
  gint64 changed;
  int    health;
} BkHealthPoint;

/* A search result: a counterpart, its matching row (itself or one of its notes), and the
 * words around the match, the matching ones between \x01 and \x02 */
typedef struct
{
  gint64  counterpart_id;
  gint64  docid;
  char   *snippet;
} BkSearchHit;

/* Where a search read up to: zeroed, it begins */
typedef struct
{
  /* the rows read so far are this one and those above it */
  gint64   after;
  /* reading the notes' rows (the counterparts' own came first) */
  gboolean in_notes;
  gboolean done;
} BkSearchCursor;

#define BK_TYPE_COUNTERPART_STORE (bk_counterpart_store_get_type ())

G_DECLARE_FINAL_TYPE (BkCounterpartStore, bk_counterpart_store, BK, COUNTERPART_STORE, BkStore)

BkCounterpartStore *bk_counterpart_store_new          (BkDatabase           *database);
BkCounterpart *bk_counterpart_store_dup               (BkCounterpartStore   *self,
                                                       gint64                id,
                                                       GError              **error);
BkCounterpart *bk_counterpart_store_dup_by_uuid       (BkCounterpartStore   *self,
                                                       const char           *uuid,
                                                       GError              **error);
gboolean       bk_counterpart_store_save              (BkCounterpartStore   *self,
                                                       BkCounterpart        *counterpart,
                                                       GError              **error);
gboolean       bk_counterpart_store_set_trashed       (BkCounterpartStore   *self,
                                                       gint64                id,
                                                       gboolean              trashed,
                                                       GError              **error);
gboolean       bk_counterpart_store_set_status        (BkCounterpartStore   *self,
                                                       gint64                id,
                                                       BkCounterpartStatus   status,
                                                       GDateTime            *now,
                                                       GError              **error);
void           bk_counterpart_store_queue_progress_change (BkCounterpartStore *self,
                                                           gint64              id);
guint          bk_counterpart_store_count             (BkCounterpartStore   *self);
gboolean       bk_counterpart_store_purge_trashed     (BkCounterpartStore   *self,
                                                       gint64                id,
                                                       GError              **error);
char         **bk_counterpart_store_dup_trashed_uuids (BkCounterpartStore   *self,
                                                       GError              **error);
GArray        *bk_counterpart_store_list_health       (BkCounterpartStore   *self,
                                                       gint64                id,
                                                       GError              **error);

guint          bk_counterpart_store_count_listed      (BkCounterpartStore   *self,
                                                       const char           *status);
GPtrArray     *bk_counterpart_store_list_page         (BkCounterpartStore   *self,
                                                       const char           *status,
                                                       guint                 offset,
                                                       guint                 limit,
                                                       GError              **error);
guint          bk_counterpart_store_find_position     (BkCounterpartStore   *self,
                                                       gint64                id,
                                                       const char           *status);
guint          bk_counterpart_store_find_position_any (BkCounterpartStore   *self,
                                                       gint64                id,
                                                       const char           *status);
GArray        *bk_counterpart_store_search_page       (BkCounterpartStore   *self,
                                                       const char           *fts_query,
                                                       const char           *status,
                                                       BkSearchCursor       *cursor,
                                                       GHashTable           *seen,
                                                       guint                 limit,
                                                       GError              **error);
GArray        *bk_counterpart_store_search_initial    (BkCounterpartStore   *self,
                                                       const char           *initial,
                                                       const char           *status,
                                                       BkSearchCursor       *cursor,
                                                       guint                 limit,
                                                       GError              **error);
/* Whom a name or a uuid means (the command line's CLIENT) */
GPtrArray     *bk_counterpart_store_find              (BkCounterpartStore   *self,
                                                       const char           *name_or_uuid,
                                                       GError              **error);

/* Importing */
gboolean       bk_counterpart_store_find_by_uuid      (BkCounterpartStore   *self,
                                                       const char           *uuid,
                                                       gint64               *id,
                                                       gboolean             *trashed,
                                                       GError              **error);
gboolean       bk_counterpart_store_import            (BkCounterpartStore   *self,
                                                       BkCounterpart        *counterpart,
                                                       GError              **error);
gboolean       bk_counterpart_store_replace_health    (BkCounterpartStore   *self,
                                                       gint64                id,
                                                       GArray               *points,
                                                       GError              **error);

GPtrArray          *bk_counterpart_store_list_losing_touch   (BkCounterpartStore  *self,
                                                             GDateTime           *now,
                                                             gboolean             unnotified_only,
                                                             GError             **error);
gboolean            bk_counterpart_store_set_touch_notified  (BkCounterpartStore  *self,
                                                             gint64               id,
                                                             GDateTime           *when,
                                                             GError             **error);
GPtrArray          *bk_counterpart_store_list_referrals_back (BkCounterpartStore  *self,
                                                             GError             **error);
gboolean            bk_counterpart_store_set_referrer        (BkCounterpartStore  *self,
                                                             gint64               id,
                                                             gint64               referrer_id,
                                                             GError             **error);

G_END_DECLS

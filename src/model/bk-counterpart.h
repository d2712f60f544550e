/* bk-counterpart.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-enums.h"

G_BEGIN_DECLS

#define BK_TYPE_COUNTERPART (bk_counterpart_get_type ())

G_DECLARE_FINAL_TYPE (BkCounterpart, bk_counterpart, BK, COUNTERPART, GObject)

/* A client or vendor as a plain value object: reading or setting properties never touches the
 * journal; bk_journal_save_counterpart() does. id is 0 until the counterpart is saved. */
BkCounterpart       *bk_counterpart_new                  (void);
BkCounterpart       *bk_counterpart_copy                 (BkCounterpart       *self);
void                 bk_counterpart_update_from          (BkCounterpart       *self,
                                                          BkCounterpart       *from);
gint64               bk_counterpart_get_id               (BkCounterpart       *self);
void                 bk_counterpart_set_id               (BkCounterpart       *self,
                                                          gint64               id);
const char          *bk_counterpart_get_uuid             (BkCounterpart       *self);
void                 bk_counterpart_set_uuid             (BkCounterpart       *self,
                                                          const char          *uuid);
const char          *bk_counterpart_get_name             (BkCounterpart       *self);
void                 bk_counterpart_set_name             (BkCounterpart       *self,
                                                          const char          *name);
const char          *bk_counterpart_get_organization     (BkCounterpart       *self);
void                 bk_counterpart_set_organization     (BkCounterpart       *self,
                                                          const char          *organization);
BkCounterpartKind    bk_counterpart_get_kind             (BkCounterpart       *self);
void                 bk_counterpart_set_kind             (BkCounterpart       *self,
                                                          BkCounterpartKind    kind);
const char          *bk_counterpart_get_email            (BkCounterpart       *self);
void                 bk_counterpart_set_email            (BkCounterpart       *self,
                                                          const char          *email);
const char          *bk_counterpart_get_phone            (BkCounterpart       *self);
void                 bk_counterpart_set_phone            (BkCounterpart       *self,
                                                          const char          *phone);
BkCounterpartStatus  bk_counterpart_get_status           (BkCounterpart       *self);
void                 bk_counterpart_set_status           (BkCounterpart       *self,
                                                          BkCounterpartStatus  status);
int                  bk_counterpart_get_health           (BkCounterpart       *self);
void                 bk_counterpart_set_health           (BkCounterpart       *self,
                                                          int                  health);
const char * const  *bk_counterpart_get_tags             (BkCounterpart       *self);
void                 bk_counterpart_set_tags             (BkCounterpart       *self,
                                                          const char * const  *tags);
char                *bk_counterpart_dup_tags_string      (BkCounterpart       *self);
void                 bk_counterpart_set_tags_from_string (BkCounterpart       *self,
                                                          const char          *tags);
GDateTime           *bk_counterpart_get_created          (BkCounterpart       *self);
void                 bk_counterpart_set_created          (BkCounterpart       *self,
                                                          GDateTime           *created);
GDateTime           *bk_counterpart_get_updated          (BkCounterpart       *self);
void                 bk_counterpart_set_updated          (BkCounterpart       *self,
                                                          GDateTime           *updated);
/* Set only on items of a search result: the matching words, as Pango markup (escaped, with <b>),
 * and the id of the note that matched (0 when the counterpart's own fields matched). */
const char          *bk_counterpart_get_match_markup     (BkCounterpart       *self);
gint64               bk_counterpart_get_match_note_id    (BkCounterpart       *self);
void                 bk_counterpart_set_match            (BkCounterpart       *self,
                                                          const char          *markup,
                                                          gint64               note_id);

/* Read from the journal with the counterpart: its active playbook run, if any (NULL id), and how
 * many of its steps are done or skipped out of how many. */
const char          *bk_counterpart_get_run_playbook_id  (BkCounterpart       *self);
guint                bk_counterpart_get_run_steps_settled (BkCounterpart      *self);
guint                bk_counterpart_get_run_steps_total  (BkCounterpart       *self);
void                 bk_counterpart_set_run_progress     (BkCounterpart       *self,
                                                          const char          *playbook_id,
                                                          guint                settled,
                                                          guint                total);

/* Who referred them: another counterpart in the journal (0 for none), and the name as written */
gint64               bk_counterpart_get_referred_by_id   (BkCounterpart       *self);
void                 bk_counterpart_set_referred_by_id   (BkCounterpart       *self,
                                                          gint64               id);
const char          *bk_counterpart_get_referred_by      (BkCounterpart       *self);
void                 bk_counterpart_set_referred_by      (BkCounterpart       *self,
                                                          const char          *referred_by);

#define BK_COUNTERPART_MAX_KEEP_IN_TOUCH_DAYS 3650

/* Stay in touch every so many days (a call, meeting or email resets it); 0 for not at all */
guint                bk_counterpart_get_keep_in_touch_days (BkCounterpart     *self);
void                 bk_counterpart_set_keep_in_touch_days (BkCounterpart     *self,
                                                            guint              days);
GDateTime           *bk_counterpart_get_last_contact     (BkCounterpart       *self);
void                 bk_counterpart_set_last_contact     (BkCounterpart       *self,
                                                          GDateTime           *last_contact);

G_END_DECLS

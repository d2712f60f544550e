/* bk-playbook-library.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-playbook.h"

G_BEGIN_DECLS

#define BK_PLAYBOOK_ERROR (bk_playbook_error_quark ())

typedef enum
{
  /* A .playbook file that is not well-formed or misses a required part */
  BK_PLAYBOOK_ERROR_INVALID,
} BkPlaybookError;

typedef struct
{
  BkPlaybook *playbook;
  /* Why, in a sentence or two, for this relationship (translated) */
  char       *why;
} BkRecommendation;

void bk_recommendation_free (BkRecommendation *recommendation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkRecommendation, bk_recommendation_free)

#define BK_TYPE_PLAYBOOK_LIBRARY (bk_playbook_library_get_type ())

G_DECLARE_FINAL_TYPE (BkPlaybookLibrary, bk_playbook_library, BK, PLAYBOOK_LIBRARY, GObject)

GQuark             bk_playbook_error_quark               (void);

/* The playbooks shipped in the resources, under RESOURCE_PREFIX "/playbooks/"; a GListModel of
 * BkPlaybook in the order of their "order" attribute. */
BkPlaybookLibrary *bk_playbook_library_new_from_resource (const char        *resource_path,
                                                          GError           **error);
BkPlaybookLibrary *bk_playbook_library_new_from_directory (GFile            *directory,
                                                           GError          **error);
BkPlaybook        *bk_playbook_library_lookup            (BkPlaybookLibrary *self,
                                                          const char        *id);
/* The playbooks for a relationship with these problems and these answers to the questions
 * (NULL: none given), best first, each with why it fits: "talk it through" first wherever the
 * article says a fix may still exist. A GPtrArray of BkRecommendation; never empty. */
GPtrArray         *bk_playbook_library_recommend         (BkPlaybookLibrary *self,
                                                          const BkReason    *reasons,
                                                          guint              n_reasons,
                                                          const BkAnswer    *answers,
                                                          BkCounterpartKind  kind);

G_END_DECLS

/* bk-application.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-journal.h"
#include "bk-playbook-library.h"

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION (bk_application_get_type ())

G_DECLARE_FINAL_TYPE (BkApplication, bk_application, BK, APPLICATION, AdwApplication)

BkApplication     *bk_application_new             (void);
/* The journal, opened if it is not yet (for the search provider, which may come first); %NULL
 * with @error when it cannot be: the window says why when it opens. */
BkJournal         *bk_application_ensure_journal  (BkApplication  *self,
                                                   GError        **error);
/* The playbooks shipped with the app, %NULL when they cannot be read */
BkPlaybookLibrary *bk_application_get_playbooks   (BkApplication  *self);

G_END_DECLS

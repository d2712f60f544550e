/* bk-search-provider.h: the journal's search in GNOME Shell's overview
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-application.h"

G_BEGIN_DECLS

#define BK_TYPE_SEARCH_PROVIDER (bk_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (BkSearchProvider, bk_search_provider, BK, SEARCH_PROVIDER, GObject)

/* org.gnome.Shell.SearchProvider2 for @application: clients and notes that match what is typed
 * in the overview, found off the main thread as the sidebar finds them; a result opens the
 * window at that client and note. */
BkSearchProvider *bk_search_provider_new        (BkApplication     *application);
gboolean          bk_search_provider_export     (BkSearchProvider  *self,
                                                 GDBusConnection   *connection,
                                                 const char        *object_path,
                                                 GError           **error);
void              bk_search_provider_unexport   (BkSearchProvider  *self);
/* The journal was closed (replaced by a backup): the next search opens it again */
void              bk_search_provider_forget_journal (BkSearchProvider *self);

G_END_DECLS

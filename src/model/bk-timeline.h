/* bk-timeline.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-note.h"
#include "bk-playbook-library.h"

G_BEGIN_DECLS

/* The words a note shows in the timeline, the summary, search and exports: a note a person
 * wrote is its text; the record of an event (a playbook started, a step done, a run ended, a
 * check-in) is put into words now, in the reader's language, for a client or a vendor as @kind
 * says. @playbooks (nullable) gives playbooks' and steps' names; without them, their ids. */
char *bk_timeline_dup_text (BkNote            *note,
                            BkPlaybookLibrary *playbooks,
                            BkCounterpartKind  kind);

G_END_DECLS

/* bk-reflection-window.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-window.h"

G_BEGIN_DECLS

#define BK_TYPE_REFLECTION_WINDOW (bk_reflection_window_get_type ())

G_DECLARE_FINAL_TYPE (BkReflectionWindow, bk_reflection_window, BK, REFLECTION_WINDOW, AdwWindow)

/* "Looking back, what worked best for you?", answered from the journal: what went wrong and how it
 * ended across every counterpart, and the reflection notes. */
BkReflectionWindow *bk_reflection_window_new (BkWindow *parent);

G_END_DECLS

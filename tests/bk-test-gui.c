/* bk-test-gui.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bk-resources.h"
#include "bk-test-gui.h"

void
bk_test_gui_init (int    *argc,
                  char ***argv)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "po", NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  g_resources_register (bk_get_resource ());
  adw_init ();

  /* What AdwApplication and a GNOME session would give the real app. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      RESOURCE_PREFIX "/icons");
  }
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

void
bk_test_wait (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
bk_test_wait_until (gboolean (*done) (gpointer),
                    gpointer   data,
                    guint      timeout_msec)
{
  gint64 deadline = g_get_monotonic_time () + timeout_msec * G_TIME_SPAN_MILLISECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      bk_test_wait (10);
    }

  return TRUE;
}

typedef struct
{
  guint n_ticks;
  guint n_frames;
} FrameCount;

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       data)
{
  FrameCount *count = data;

  count->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_drawn (gpointer data)
{
  FrameCount *count = data;

  /* A tick comes as a frame begins, before its layout and paint: the one after the
   * n_frames-th frame's tick tells that frame was drawn whole. */
  return count->n_ticks > count->n_frames;
}

/* Waits until @widget's window has drawn @n_frames frames from now: what changed before the
 * call has been laid out and painted. @widget must be mapped (only then has it frames). */
gboolean
bk_test_wait_frames (GtkWidget *widget,
                     guint      n_frames)
{
  FrameCount count = { 0, n_frames };
  guint id;
  gboolean drawn;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  /* The callback also keeps the frame clock going while nothing else asks it to draw */
  id = gtk_widget_add_tick_callback (widget, count_frame_cb, &count, NULL);
  drawn = bk_test_wait_until (frames_drawn, &count, 5000);
  gtk_widget_remove_tick_callback (widget, id);

  return drawn;
}

/* Whether @toast, a toast of @overlay, has come all the way in: AdwToastOverlay slides a new
 * toast up from below its bottom edge until it rests on it (its allocation, margins included,
 * ends there), and fades a leaving one out. */
static gboolean
toast_in_place (GtkWidget *overlay,
                GtkWidget *toast)
{
  GtkAllocation allocation;

  gtk_widget_get_allocation (toast, &allocation);

  return gtk_widget_get_opacity (toast) == 1.0 && allocation.y + allocation.height == gtk_widget_get_height (overlay);
}

/* Whether no transition runs in the part of @widget's tree that shows: a stack's, a revealer's
 * (an expander row's), a leaflet's, a squeezer's (a view switcher title's), a toast's. */
static gboolean
is_at_rest (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return TRUE;

  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget))) ||
      (GTK_IS_REVEALER (widget) &&
       gtk_revealer_get_child_revealed (GTK_REVEALER (widget)) != gtk_revealer_get_reveal_child (GTK_REVEALER (widget))) ||
      (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget))) ||
      (ADW_IS_SQUEEZER (widget) && adw_squeezer_get_transition_running (ADW_SQUEEZER (widget))))
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_TOAST_OVERLAY (widget) && g_str_equal (gtk_widget_get_css_name (child), "toast") &&
          !toast_in_place (widget, child))
        return FALSE;
      if (!is_at_rest (child))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_at_rest_cb (gpointer data)
{
  return is_at_rest (GTK_WIDGET (data));
}

/* @widget as its window last drew it, or NULL before it was first drawn */
static GdkTexture *
render_drawn (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
same_pixels (GdkTexture *a,
             GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *a_data = NULL;
  g_autofree guchar *b_data = NULL;

  if (width != gdk_texture_get_width (b) || height != gdk_texture_get_height (b))
    return FALSE;

  a_data = g_malloc (stride * height);
  b_data = g_malloc (stride * height);
  gdk_texture_download (a, a_data, stride);
  gdk_texture_download (b, b_data, stride);

  return memcmp (a_data, b_data, stride * height) == 0;
}

/* Waits until @widget is drawn and holds still, as a screenshot wants it: its layout done, no
 * transition running (see is_at_rest()), and then the same picture two frames in a row, for
 * what no widget tells (a CSS transition, such as a focus ring or a check mark coming in).
 * Gives that picture. */
static GdkTexture *
wait_still (GtkWidget *widget)
{
  g_autoptr(GdkTexture) previous = NULL;
  gint64 deadline;

  /* A leaflet folds, and so starts its transition, only once it is laid out */
  if (!bk_test_wait_frames (widget, 1) || !bk_test_wait_until (is_at_rest_cb, widget, 10000))
    return NULL;

  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < deadline && bk_test_wait_frames (widget, 1))
    {
      g_autoptr(GdkTexture) texture = render_drawn (widget);

      if (texture != NULL && previous != NULL && same_pixels (texture, previous))
        return g_steal_pointer (&texture);

      g_set_object (&previous, texture);
    }

  return NULL;
}

/* Waits until @widget (mapped) is drawn and holds still: see wait_still() */
gboolean
bk_test_wait_still (GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  texture = wait_still (widget);
  return texture != NULL;
}

GtkWidget *
bk_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bk_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
bk_test_find_of_type (GtkWidget *root,
                      GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bk_test_find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
bk_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

/* Every string a person can see or hear on the widgets that are showing. */
void
bk_test_collect_texts (GtkWidget *root,
                       GPtrArray *texts)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (GTK_IS_STACK (root))
    {
      /* Only the visible page shows */
      GtkWidget *child = gtk_stack_get_visible_child (GTK_STACK (root));

      if (child != NULL)
        bk_test_collect_texts (child, texts);
      return;
    }

  add_text (texts, gtk_widget_get_tooltip_text (root));

  if (GTK_IS_LABEL (root))
    add_text (texts, gtk_label_get_text (GTK_LABEL (root)));
  else if (GTK_IS_TEXT (root))
    add_text (texts, gtk_text_get_placeholder_text (GTK_TEXT (root)));
  else if (ADW_IS_STATUS_PAGE (root))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (root)));
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (root)));
    }
  else if (GTK_IS_MENU_BUTTON (root))
    {
      GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root));

      for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

          for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
            {
              g_autofree char *label = NULL;

              if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label))
                add_text (texts, label);
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    bk_test_collect_texts (child, texts);
}

gboolean
bk_test_save_screenshot (GtkWidget   *widget,
                         const char  *basename,
                         GError     **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, basename, NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  /* What a person would see once the window is done changing, not a frame in between */
  if (!(texture = wait_still (widget)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s was not drawn, or did not hold still",
                   G_OBJECT_TYPE_NAME (widget));
      return FALSE;
    }

  g_mkdir_with_parents (dir, 0755);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  g_test_message ("Screenshot: %s", path);
  return TRUE;
}

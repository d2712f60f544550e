/* bk-test-gui.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

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
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = 0;
  int height = 0;

  /* A window that has not drawn its first frame yet has nothing to show: give it a moment
   * (a busy machine may need several). */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        {
          gtk_widget_queue_draw (widget);
          bk_test_wait (100);
        }

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }

  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  g_test_message ("Screenshot: %s", path);
  return TRUE;
}

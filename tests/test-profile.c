/* test-profile.c: a development build is another app, which never opens the real journal.
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/test builds the development profile: these checks fail if that build would use the
 * real app's id (its settings, keyring items and bus name) or its data folder (the journal).
 */

#include "config.h"

#include "bk-journal.h"
#include "bk-test-gui.h"
#include "bk-window.h"

/* The real app's */
#define DEFAULT_APPLICATION_ID "io.github.bridgekeeper.Bridgekeeper"
#define DEFAULT_DATA_FOLDER "bridgekeeper"

static void
test_ids (void)
{
  g_autofree char *path = bk_journal_dup_default_path ();
  g_autofree char *real_path = g_build_filename (g_get_user_data_dir (), DEFAULT_DATA_FOLDER,
                                                 "journal.db", NULL);

#if PROFILE_DEVELOPMENT
  g_autofree char *devel_path = g_build_filename (g_get_user_data_dir (), "bridgekeeper-devel",
                                                  "journal.db", NULL);

  g_assert_cmpstr (APPLICATION_ID, ==, DEFAULT_APPLICATION_ID ".Devel");
  g_assert_cmpstr (path, !=, real_path);
  g_assert_cmpstr (path, ==, devel_path);
#else
  g_assert_cmpstr (APPLICATION_ID, ==, DEFAULT_APPLICATION_ID);
  g_assert_cmpstr (path, ==, real_path);
#endif
}

/* The desktop file, the metainfo and the settings schema of the build carry its id. */
static void
test_data_files (void)
{
  const char *build_root = g_getenv ("BK_BUILD_ROOT");
  g_autofree char *desktop_path = NULL;
  g_autofree char *metainfo_path = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *schema_path = NULL;
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (build_root);

  desktop_path = g_build_filename (build_root, "data", APPLICATION_ID ".desktop", NULL);
  g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  icon = g_key_file_get_string (desktop, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icon, ==, APPLICATION_ID);

  metainfo_path = g_build_filename (build_root, "data", APPLICATION_ID ".metainfo.xml", NULL);
  g_assert_true (bk_test_file_contains (metainfo_path, "<id>" APPLICATION_ID "</id>"));
  g_assert_true (bk_test_file_contains (metainfo_path, ">" APPLICATION_ID ".desktop</launchable>"));

  /* GSETTINGS_SCHEMA_DIR is the build folder's */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APPLICATION_ID, TRUE);
  g_assert_nonnull (schema);
  schema_path = g_strdelimit (g_strconcat ("/", APPLICATION_ID, "/", NULL), ".", '/');
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, schema_path);
}

/* The striped header bar says which one is on screen. */
static void
test_window (void)
{
  g_autofree char *dir = bk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(BkJournal) journal = bk_test_open_journal (path);
  g_autoptr(BkPlaybookLibrary) playbooks = bk_test_load_shipped_playbooks ();
  BkWindow *window = g_object_ref_sink (bk_window_new (NULL, journal, playbooks));

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "devel") == PROFILE_DEVELOPMENT);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  bk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  bk_test_gui_init (&argc, &argv);

  g_test_add_func ("/profile/ids", test_ids);
  g_test_add_func ("/profile/data-files", test_data_files);
  g_test_add_func ("/profile/window", test_window);

  return g_test_run ();
}

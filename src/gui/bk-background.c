/* bk-background.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Running at login without a window. Inside a Flatpak sandbox the Background portal is asked
 * (RequestBackground with autostart); elsewhere an XDG autostart entry is written in the
 * person's own autostart folder, and removed when they turn it off. */

#define G_LOG_DOMAIN "bk-background"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-background.h"

static gboolean
in_flatpak (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

char *
bk_background_dup_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APPLICATION_ID ".desktop", NULL);
}

/* The program that runs now, by its real path (an installed one, or a development build) */
static char *
dup_program (void)
{
  char *program = g_file_read_link ("/proc/self/exe", NULL);

  return program != NULL ? program : g_strdup ("bridgekeeper");
}

/* An argument of a desktop entry's Exec line, quoted as the Desktop Entry Specification says:
 * in double quotes, with ", `, $ and \ escaped and % doubled, when it holds anything but plain
 * characters */
static char *
quote_exec_argument (const char *argument)
{
  GString *quoted;

  if (strpbrk (argument, " \t\n\"'\\><~|&;$*?#()`%=") == NULL)
    return g_strdup (argument);

  quoted = g_string_new ("\"");
  for (const char *p = argument; *p != '\0'; p++)
    {
      if (strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (quoted, '\\');
      /* (a % begins a field code: %% is one) */
      else if (*p == '%')
        g_string_append_c (quoted, '%');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

/* The portal answers on a Request object; what matters is asking, and its refusal is the
 * person's choice: nothing more is done with the answer */
static void
request_background (gboolean enabled)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariantBuilder) options = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  const char *commandline[] = { "bridgekeeper", "--background", NULL };

  if (bus == NULL)
    return;

  g_variant_builder_add (options, "{sv}", "reason",
                         g_variant_new_string (_("Bridgekeeper reminds you to stay in touch while its window is closed.")));
  g_variant_builder_add (options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", options), NULL, G_DBUS_CALL_FLAGS_NONE,
                          -1, NULL, NULL, NULL);
}

gboolean
bk_background_get_enabled (void)
{
  g_autofree char *path = bk_background_dup_autostart_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();

  if (!g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  /* (turned off in the session's settings, it is off) */
  return !g_key_file_has_key (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL) ||
         g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL);
}

gboolean
bk_background_set_enabled (gboolean   enabled,
                           GError   **error)
{
  g_autofree char *path = bk_background_dup_autostart_path ();
  g_autofree char *program = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *folder = NULL;

  if (in_flatpak ())
    {
      request_background (enabled);
      /* (the entry stands for the choice inside the sandbox too) */
    }

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  program = dup_program ();
  quoted = quote_exec_argument (program);
  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=%s\n"
                              "Comment=%s\n"
                              "Icon=%s\n"
                              "Exec=%s --background\n"
                              "NoDisplay=true\n"
                              "Terminal=false\n"
                              "X-GNOME-Autostart-enabled=true\n"
                              "X-GNOME-UsesNotifications=true\n",
                              _("Bridgekeeper"),
                              _("Reminders to stay in touch, while the window is closed"),
                              APPLICATION_ID, quoted);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
    {
      if (error != NULL && *error == NULL)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (folder);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
        }
      return FALSE;
    }

  return TRUE;
}

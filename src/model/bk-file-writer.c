/* bk-file-writer.c: writing a file a person asked for, whole or not at all
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-file-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-file-writer.h"

#define PARTIAL_MARK   ".bridgekeeper-partial-"
/* A partial file untouched this long belongs to no writer still at work (a backup of a big
 * journal reads for minutes without writing) */
#define STALE_SECONDS  (30 * 60)
/* Links followed at most (as the system's own limit) */
#define MAX_LINKS      40

struct _BkFileWriter
{
  char *path;
  char *folder;
  char *temp_path;
  int   fd;
};

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %s is a file or folder, then what went wrong */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("“%s”: %s"),
               display, g_strerror (saved_errno));
  return FALSE;
}

/* @path, or what the symbolic link at @path points to, however many links deep */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_file_test (current, G_FILE_TEST_IS_SYMLINK))
        return g_steal_pointer (&current);

      if (!(target = g_file_read_link (current, &local_error)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (!g_path_is_absolute (target))
        {
          g_autofree char *folder = g_path_get_dirname (current);
          char *joined = g_build_filename (folder, target, NULL);

          g_free (target);
          target = joined;
        }

      g_free (current);
      current = g_steal_pointer (&target);
    }

  set_errno_error (error, ELOOP, path);
  return NULL;
}

/**
 * bk_file_writer_remove_stale:
 * @folder: where files are written
 *
 * Removes the partial files (bk_file_writer_dup_partial_path()) in @folder that a writer
 * killed on its way left behind.
 */
void
bk_file_writer_remove_stale (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (name[0] != '.' || strstr (name, PARTIAL_MARK) == NULL)
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > STALE_SECONDS)
        {
          g_debug ("Removing %s, left by a writer that did not finish", path);
          g_unlink (path);
        }
    }
}

/**
 * bk_file_writer_dup_partial_path:
 * @path: the file to be written
 *
 * A hidden sibling of @path, named as partial files are, for writing what becomes @path
 * (created with O_EXCL: the random part keeps it from another's)
 */
char *
bk_file_writer_dup_partial_path (const char *path)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);

  return g_strdup_printf ("%s%s.%s" PARTIAL_MARK "%08x", folder, G_DIR_SEPARATOR_S, base,
                          g_random_int ());
}

BkFileWriter *
bk_file_writer_begin (const char  *path,
                      GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *base = NULL;
  BkFileWriter *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(target = resolve_links (path, error)))
    return NULL;

  self = g_new0 (BkFileWriter, 1);
  self->path = g_steal_pointer (&target);
  self->folder = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);

  bk_file_writer_remove_stale (self->folder);

  /* Hidden, beside the target: the same file system, so that the rename is atomic */
  self->temp_path = g_strdup_printf ("%s%s.%s" PARTIAL_MARK "XXXXXX", self->folder,
                                     G_DIR_SEPARATOR_S, base);
  self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_errno_error (error, errno, self->folder);
      self->fd = -1;
      g_clear_pointer (&self->temp_path, g_free);
      bk_file_writer_abort (self);
      return NULL;
    }

  return self;
}

int
bk_file_writer_get_fd (BkFileWriter *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->fd;
}

const char *
bk_file_writer_get_path (BkFileWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

static void
writer_free (BkFileWriter *self)
{
  g_free (self->path);
  g_free (self->folder);
  g_free (self->temp_path);
  g_free (self);
}

/* Puts what was written in place, on the disk (the writer is freed either way) */
gboolean
bk_file_writer_commit (BkFileWriter  *self,
                       GError       **error)
{
  int folder_fd;

  g_return_val_if_fail (self != NULL, FALSE);

  if (fsync (self->fd) != 0 && errno != EINVAL)
    {
      set_errno_error (error, errno, self->path);
      bk_file_writer_abort (self);
      return FALSE;
    }

  if (close (self->fd) != 0)
    {
      self->fd = -1;
      set_errno_error (error, errno, self->path);
      bk_file_writer_abort (self);
      return FALSE;
    }
  self->fd = -1;

  if (g_rename (self->temp_path, self->path) != 0)
    {
      set_errno_error (error, errno, self->path);
      bk_file_writer_abort (self);
      return FALSE;
    }

  /* the rename itself, on the disk */
  if ((folder_fd = g_open (self->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) >= 0)
    {
      if (fsync (folder_fd) != 0 && errno != EINVAL)
        g_debug ("Could not sync %s: %s", self->folder, g_strerror (errno));
      close (folder_fd);
    }

  writer_free (self);
  return TRUE;
}

/* Leaves nothing behind */
void
bk_file_writer_abort (BkFileWriter *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);

  writer_free (self);
}

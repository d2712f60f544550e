/* bk-summary-pdf.c: a relationship summary saved as a PDF, safely
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-summary"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-file-writer.h"
#include "bk-summary-private.h"

typedef struct
{
  int      fd;
  int      saved_errno;
} PdfStream;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = closure;

  if (stream->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      gssize written = write (stream->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          stream->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }

      data += written;
      length -= written;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* The system's reason behind an error of bk_file_writer_*() */
static int
errno_of (const GError *error)
{
  if (error->domain != G_IO_ERROR)
    return EIO;

  switch (error->code)
    {
    case G_IO_ERROR_PERMISSION_DENIED:
      return EACCES;
    case G_IO_ERROR_READ_ONLY:
      return EROFS;
    case G_IO_ERROR_NOT_FOUND:
      return ENOENT;
    case G_IO_ERROR_NOT_DIRECTORY:
      return ENOTDIR;
    case G_IO_ERROR_NO_SPACE:
      return ENOSPC;
    default:
      return EIO;
    }
}

/* An error that names the folder and says what to do */
static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *folder)
{
  g_autofree char *display = g_filename_display_name (folder);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_WRITE,
                   /* Translators: %s is a folder */
                   _("The summary cannot be saved in “%s” because you may not write there. Choose another folder, such as your Documents folder."),
                   display);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_WRITE,
                   /* Translators: %s is a folder */
                   _("The summary cannot be saved in “%s” because that folder does not exist. Choose another folder."),
                   display);
      break;

    case ENOSPC:
    case EDQUOT:
      g_set_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_WRITE,
                   /* Translators: %s is a folder */
                   _("The summary cannot be saved in “%s” because the disk is full. Free some space or choose another place."),
                   display);
      break;

    default:
      g_set_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_WRITE,
                   /* Translators: %s is a folder, then the system's reason */
                   _("The summary cannot be saved in “%s”: %s. Choose another folder."),
                   display, g_strerror (saved_errno));
      break;
    }
}

static void
set_metadata (BkSummary       *self,
              cairo_surface_t *surface)
{
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  const char *name = bk_counterpart_get_name (self->counterpart);
  const char *organization = bk_summary_nonempty (bk_counterpart_get_organization (self->counterpart));
  const char *author = g_get_real_name ();

  /* Translators: the title of a relationship summary PDF, %s is the client's name */
  title = g_strdup_printf (_("Relationship summary: %s"), name);
  if (organization != NULL)
    /* Translators: the subject of a relationship summary PDF: a name and an organisation */
    subject = g_strdup_printf (_("The relationship with %s (%s)"), name, organization);
  else
    /* Translators: the subject of a relationship summary PDF, %s is a name */
    subject = g_strdup_printf (_("The relationship with %s"), name);
  creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  created = g_date_time_format (self->generated_at, "%Y-%m-%dT%H:%M:%S%:z");

  /* GLib says "Unknown" for an account without a real name: the login is better */
  if (author == NULL || author[0] == '\0' || g_str_equal (author, "Unknown"))
    author = g_get_user_name ();

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* The bookmarks that start on @page: a section at level 0, its parts under it */
static void
add_outline (BkSummary       *self,
             cairo_surface_t *surface,
             guint            page,
             int             *section_id)
{
  GArray *outline = bk_summary_get_outline (self);

  for (guint i = 0; i < outline->len; i++)
    {
      BkSummaryOutline *entry = &g_array_index (outline, BkSummaryOutline, i);
      g_autofree char *link = NULL;

      if (entry->page != page)
        continue;

      /* Whole points: cairo 1.16 reads "12.5" by the locale, and fails where it is "12,5" */
      link = g_strdup_printf ("page=%u pos=[0 %d]", page + 1, (int) entry->y);

      if (entry->level == 0)
        *section_id = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                                     entry->title, link, 0);
      else
        cairo_pdf_surface_add_outline (surface, *section_id, entry->title, link, 0);
    }
}

static gboolean
draw_pdf (BkSummary          *self,
          PdfStream          *stream,
          BkSummaryProgress   progress,
          gpointer            progress_data,
          GCancellable       *cancellable,
          GError            **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width;
  double height;
  int section_id = CAIRO_PDF_OUTLINE_ROOT;
  gboolean cancelled = FALSE;
  guint n_pages;

  bk_summary_get_default_page_size (&width, &height);

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, stream, width, height);
  set_metadata (self, surface);
  cr = cairo_create (surface);

  if (progress != NULL)
    progress (0.0, progress_data);

  if (!bk_summary_paginate_full (self, cr, width, height, cancellable))
    cancelled = TRUE;

  n_pages = bk_summary_get_n_pages (self);

  for (guint page = 0; !cancelled && page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }

      bk_summary_draw_page (self, cr, page);
      add_outline (self, surface, page, &section_id);
      cairo_show_page (cr);

      /* Laying out takes about a tenth, the font subsets at the end another */
      if (progress != NULL)
        progress (0.1 + 0.8 * (page + 1) / n_pages, progress_data);
    }

  cairo_destroy (cr);

  if (cancelled)
    {
      /* Nothing more reaches the file */
      stream->saved_errno = ECANCELED;
      cairo_surface_destroy (surface);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The summary was not saved: you stopped it."));
      return FALSE;
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (stream->saved_errno != 0)
    return FALSE;  /* the caller words it */

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_FAILED,
                   /* Translators: %s is the drawing library's reason */
                   _("The summary could not be drawn: %s."),
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}

/**
 * bk_summary_write_pdf:
 * @self: a summary
 * @file: where to save it: a file on this computer (a local path)
 * @progress: (nullable) (scope call): called on this thread with 0.0 to 1.0 as pages are drawn
 * @cancellable: (nullable): looked at between pages; cancelled, nothing is left behind
 * @error: %BK_SUMMARY_ERROR_WRITE when the place cannot be written, %G_IO_ERROR_CANCELLED
 *
 * Returns: whether @file now holds the summary
 */
gboolean
bk_summary_write_pdf (BkSummary          *self,
                      GFile              *file,
                      BkSummaryProgress   progress,
                      gpointer            progress_data,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) local_error = NULL;
  BkFileWriter *writer = NULL;
  PdfStream stream = { -1, 0 };

  g_return_val_if_fail (BK_IS_SUMMARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_autofree char *uri = g_file_get_parse_name (file);

      g_set_error (error, BK_SUMMARY_ERROR, BK_SUMMARY_ERROR_WRITE,
                   /* Translators: %s is a location such as an address on a server */
                   _("The summary cannot be saved at “%s”. Choose a folder on this computer."),
                   uri);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* written beside it, synced and renamed over it: a killed export leaves the old file */
  if (!(writer = bk_file_writer_begin (path, &local_error)))
    {
      folder = g_path_get_dirname (path);
      set_write_error (error, errno_of (local_error), folder);
      return FALSE;
    }
  folder = g_path_get_dirname (bk_file_writer_get_path (writer));
  stream.fd = bk_file_writer_get_fd (writer);

  if (!draw_pdf (self, &stream, progress, progress_data, cancellable, error))
    goto failed;

  if (stream.saved_errno != 0)
    goto failed;

  if (!bk_file_writer_commit (g_steal_pointer (&writer), &local_error))
    {
      set_write_error (error, errno_of (local_error), folder);
      return FALSE;
    }

  return TRUE;

failed:
  if (stream.saved_errno != 0 && stream.saved_errno != ECANCELED &&
      (error == NULL || *error == NULL))
    set_write_error (error, stream.saved_errno, folder);
  bk_file_writer_abort (writer);

  return FALSE;
}

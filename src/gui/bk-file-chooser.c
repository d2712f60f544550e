/* bk-file-chooser.c: which file to export to or import from, asked the desktop's way
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-file-chooser.h"

/* Where the last export or import of this session was; the file chooser opens there next
 * time. */
static GFile *last_folder;

void
bk_file_chooser_remember_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent != NULL)
    g_set_object (&last_folder, parent);
}

/* The folder a file chooser opens in: the last one used in this session, else Documents (never
 * the process's working folder) */
GFile *
bk_file_chooser_dup_folder (void)
{
  const char *documents;

  if (last_folder != NULL)
    return g_object_ref (last_folder);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

typedef struct
{
  BkFileChosenFunc  chosen;
  GObject          *owner;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->owner);
  g_free (choice);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Choice, choice_free)

static Choice *
choice_new (BkFileChosenFunc  chosen,
            GObject          *owner)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->chosen = chosen;
  choice->owner = g_object_ref (owner);

  return choice;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Choice) choice = user_data;
  g_autoptr(GFile) file = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (file != NULL)
    choice->chosen (choice->owner, file);
}

static void
on_open_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Choice) choice = user_data;
  g_autoptr(GFile) file = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (file != NULL)
    choice->chosen (choice->owner, file);
}

static GtkFileDialog *
file_dialog_new (const char    *title,
                 GtkFileFilter *filter)
{
  g_autoptr(GFile) folder = bk_file_chooser_dup_folder ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_initial_folder (dialog, folder);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));

  return dialog;
}
#else
static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  g_autoptr(Choice) choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      choice->chosen (choice->owner, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileChooserNative *
chooser_new (GtkWindow            *parent,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             GtkFileFilter        *filter)
{
  g_autoptr(GFile) folder = bk_file_chooser_dup_folder ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  return chooser;
}
#endif

/* Asks where to save, in the remembered folder with @name suggested. Both ways go through the
 * desktop portal where there is one. @owner is kept alive until the answer. */
void
bk_file_chooser_save (GtkWindow        *parent,
                      const char       *title,
                      const char       *name,
                      GtkFileFilter    *filter,
                      BkFileChosenFunc  chosen,
                      GObject          *owner)
{
  Choice *choice;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (chosen != NULL);

  choice = choice_new (chosen, owner);

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = file_dialog_new (title, filter);

    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, parent, NULL, on_save_ready_cb, choice);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkFileChooserNative *chooser;

    chooser = chooser_new (parent, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), filter);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), choice);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

/* Asks which file to open, in the remembered folder, as bk_file_chooser_save() does. */
void
bk_file_chooser_open (GtkWindow        *parent,
                      const char       *title,
                      GtkFileFilter    *filter,
                      BkFileChosenFunc  chosen,
                      GObject          *owner)
{
  Choice *choice;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (chosen != NULL);

  choice = choice_new (chosen, owner);

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = file_dialog_new (title, filter);

    gtk_file_dialog_open (dialog, parent, NULL, on_open_ready_cb, choice);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkFileChooserNative *chooser;

    chooser = chooser_new (parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), filter);
    g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), choice);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

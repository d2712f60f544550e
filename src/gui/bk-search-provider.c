/* bk-search-provider.c: the journal's search in GNOME Shell's overview
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-search-provider"

#include "config.h"

#include <pango/pango.h>

#include "bk-search.h"
#include "bk-search-provider.h"
#include "bk-window.h"

/* The overview shows a few results per app */
#define N_RESULTS 10

static const char interface_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _BkSearchProvider
{
  GObject            parent_instance;

  /* not owned: the application owns the provider */
  BkApplication     *application;
  GDBusConnection   *connection;
  guint              registration_id;
  BkSearcher        *searcher;
  /* the latest search, cancelled by the next */
  GCancellable      *cancellable;
  /* result id → BkCounterpart, with its match, of the searches so far */
  GHashTable        *results;
};

G_DEFINE_FINAL_TYPE (BkSearchProvider, bk_search_provider, G_TYPE_OBJECT)

/* "12" for a client found by its name, "12:1099511627800" for one found by a note */
static char *
dup_result_id (BkCounterpart *result)
{
  if (bk_counterpart_get_match_note_id (result) != 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, bk_counterpart_get_id (result),
                            bk_counterpart_get_match_note_id (result));

  return g_strdup_printf ("%" G_GINT64_FORMAT, bk_counterpart_get_id (result));
}

/* The searcher, once the journal is open (the application opens it if it is not yet) */
static BkSearcher *
get_searcher (BkSearchProvider  *self,
              GError           **error)
{
  BkJournal *journal;

  if (self->searcher != NULL)
    return self->searcher;

  if (!(journal = bk_application_ensure_journal (self->application, error)))
    return NULL;

  self->searcher = bk_searcher_new (journal, bk_application_get_playbooks (self->application));

  return self->searcher;
}

/* A result set asked for, until it is answered */
typedef struct
{
  BkSearchProvider      *provider;
  GDBusMethodInvocation *invocation;
} Asked;

static void
asked_free (Asked *asked)
{
  g_application_release (G_APPLICATION (asked->provider->application));
  g_clear_object (&asked->provider);
  g_clear_object (&asked->invocation);
  g_free (asked);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Asked, asked_free)

static void
on_page_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Asked) asked = user_data;
  BkSearchProvider *self = asked->provider;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariantBuilder) ids = g_variant_builder_new (G_VARIANT_TYPE ("as"));

  items = bk_search_next_page_finish (BK_SEARCH (object), result, &error);
  if (items == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not search: %s", error->message);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      BkCounterpart *item = g_ptr_array_index (items, i);
      char *id = dup_result_id (item);

      g_variant_builder_add (ids, "s", id);
      g_hash_table_replace (self->results, id, g_object_ref (item));
    }

  /* a search given up for a newer one answers with nothing: the shell asks again */
  g_dbus_method_invocation_return_value (g_steal_pointer (&asked->invocation),
                                         g_variant_new ("(as)", ids));
}

static void
get_result_set (BkSearchProvider      *self,
                GVariant              *terms,
                GDBusMethodInvocation *invocation)
{
  g_autofree const char **words = g_variant_get_strv (terms, NULL);
  g_autofree char *text = g_strjoinv (" ", (char **) words);
  g_autofree char *fts_query = bk_search_query_from_text (text);
  g_autoptr(BkSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  BkSearcher *searcher;
  Asked *asked;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (fts_query == NULL || !(searcher = get_searcher (self, &error)))
    {
      if (error != NULL)
        g_warning ("Could not search: %s", error->message);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", NULL));
      return;
    }

  self->cancellable = g_cancellable_new ();
  search = bk_searcher_search (searcher, fts_query, NULL);

  /* a service started for the overview stays until it has answered */
  g_application_hold (G_APPLICATION (self->application));
  asked = g_new0 (Asked, 1);
  asked->provider = g_object_ref (self);
  asked->invocation = g_object_ref (invocation);
  bk_search_next_page_async (search, N_RESULTS, self->cancellable, on_page_read_cb, asked);
}

/* What the overview shows of a result: the name, and the words that matched (or where they
 * work) */
static GVariant *
describe_result (BkSearchProvider *self,
                 const char       *id)
{
  g_auto(GVariantBuilder) meta = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sv}"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  BkCounterpart *result = g_hash_table_lookup (self->results, id);
  g_autofree char *description = NULL;
  const char *markup;

  if (result == NULL)
    return NULL;

  markup = bk_counterpart_get_match_markup (result);
  if (markup != NULL && !pango_parse_markup (markup, -1, 0, NULL, &description, NULL, NULL))
    description = NULL;
  if (description == NULL || g_strcmp0 (description, bk_counterpart_get_name (result)) == 0)
    {
      g_free (description);
      description = g_strdup (bk_counterpart_get_organization (result));
    }

  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (bk_counterpart_get_name (result)));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "icon", g_icon_serialize (icon));

  return g_variant_builder_end (&meta);
}

static void
get_result_metas (BkSearchProvider      *self,
                  GVariant              *identifiers,
                  GDBusMethodInvocation *invocation)
{
  g_autoptr(GVariantBuilder) metas = g_variant_builder_new (G_VARIANT_TYPE ("aa{sv}"));
  g_autofree const char **ids = g_variant_get_strv (identifiers, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GVariant *meta = describe_result (self, ids[i]);

      if (meta != NULL)
        g_variant_builder_add_value (metas, meta);
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", metas));
}

/* The window, shown (the journal opened first if the service started without one) */
static BkWindow *
present_window (BkSearchProvider *self,
                guint             timestamp)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self->application));
  window = gtk_application_get_active_window (GTK_APPLICATION (self->application));
  if (window == NULL || !BK_IS_WINDOW (window))
    return NULL;

  gtk_window_present_with_time (window, timestamp);

  return BK_WINDOW (window);
}

static void
activate_result (BkSearchProvider      *self,
                 const char            *id,
                 guint                  timestamp,
                 GDBusMethodInvocation *invocation)
{
  BkCounterpart *result = g_hash_table_lookup (self->results, id);
  BkWindow *window = present_window (self, timestamp);

  if (window != NULL && result != NULL)
    bk_window_show_search_result (window, result);

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
launch_search (BkSearchProvider      *self,
               GVariant              *terms,
               guint                  timestamp,
               GDBusMethodInvocation *invocation)
{
  g_autofree const char **words = g_variant_get_strv (terms, NULL);
  g_autofree char *text = g_strjoinv (" ", (char **) words);
  BkWindow *window = present_window (self, timestamp);

  if (window != NULL)
    bk_window_search (window, text);

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_method_call_cb (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *object_path,
                   const char            *interface_name,
                   const char            *method_name,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  BkSearchProvider *self = user_data;

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);

      get_result_set (self, terms, invocation);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);

      get_result_set (self, terms, invocation);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) identifiers = g_variant_get_child_value (parameters, 0);

      get_result_metas (self, identifiers, invocation);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint timestamp;

      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      activate_result (self, id, timestamp, invocation);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      guint timestamp;

      g_variant_get_child (parameters, 1, "u", &timestamp);
      launch_search (self, terms, timestamp, invocation);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }
}

static void
bk_search_provider_dispose (GObject *object)
{
  BkSearchProvider *self = (BkSearchProvider *) object;

  bk_search_provider_unexport (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->searcher);
  g_clear_pointer (&self->results, g_hash_table_unref);

  G_OBJECT_CLASS (bk_search_provider_parent_class)->dispose (object);
}

static void
bk_search_provider_class_init (BkSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_search_provider_dispose;
}

static void
bk_search_provider_init (BkSearchProvider *self)
{
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

BkSearchProvider *
bk_search_provider_new (BkApplication *application)
{
  BkSearchProvider *self;

  g_return_val_if_fail (BK_IS_APPLICATION (application), NULL);

  self = g_object_new (BK_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;

  return self;
}

gboolean
bk_search_provider_export (BkSearchProvider  *self,
                           GDBusConnection   *connection,
                           const char        *object_path,
                           GError           **error)
{
  static const GDBusInterfaceVTable vtable = { on_method_call_cb, NULL, NULL, { NULL } };
  g_autoptr(GDBusNodeInfo) node = NULL;

  g_return_val_if_fail (BK_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  if (!(node = g_dbus_node_info_new_for_xml (interface_xml, error)))
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             node->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);

  return TRUE;
}

void
bk_search_provider_unexport (BkSearchProvider *self)
{
  g_return_if_fail (BK_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

void
bk_search_provider_forget_journal (BkSearchProvider *self)
{
  g_return_if_fail (BK_IS_SEARCH_PROVIDER (self));

  g_clear_object (&self->searcher);
}

/* bk-playbook-library.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-playbook-library"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "bk-playbook-library.h"

#define PLAYBOOK_SUFFIX ".playbook"

struct _BkPlaybookLibrary
{
  GObject     parent_instance;

  /* Sorted by order, then id */
  GPtrArray  *playbooks;
  /* id → BkPlaybook (borrowed from playbooks) */
  GHashTable *by_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkPlaybookLibrary, bk_playbook_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (bk-playbook-error-quark, bk_playbook_error)

void
bk_recommendation_free (BkRecommendation *recommendation)
{
  if (recommendation == NULL)
    return;

  g_clear_object (&recommendation->playbook);
  g_clear_pointer (&recommendation->why, g_free);
  g_free (recommendation);
}

static GType
bk_playbook_library_get_item_type (GListModel *model)
{
  return BK_TYPE_PLAYBOOK;
}

static guint
bk_playbook_library_get_n_items (GListModel *model)
{
  return BK_PLAYBOOK_LIBRARY (model)->playbooks->len;
}

static gpointer
bk_playbook_library_get_item (GListModel *model,
                              guint       position)
{
  BkPlaybookLibrary *self = BK_PLAYBOOK_LIBRARY (model);

  if (position >= self->playbooks->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->playbooks, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bk_playbook_library_get_item_type;
  iface->get_n_items = bk_playbook_library_get_n_items;
  iface->get_item = bk_playbook_library_get_item;
}

static void
bk_playbook_library_finalize (GObject *object)
{
  BkPlaybookLibrary *self = (BkPlaybookLibrary *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->playbooks, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_playbook_library_parent_class)->finalize (object);
}

static void
bk_playbook_library_class_init (BkPlaybookLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_playbook_library_finalize;
}

static void
bk_playbook_library_init (BkPlaybookLibrary *self)
{
  self->playbooks = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static int
compare_playbooks (gconstpointer a,
                   gconstpointer b)
{
  BkPlaybook *pa = *(BkPlaybook **) a;
  BkPlaybook *pb = *(BkPlaybook **) b;
  int order_a = bk_playbook_get_order (pa);
  int order_b = bk_playbook_get_order (pb);

  if (order_a != order_b)
    return order_a < order_b ? -1 : 1;

  return g_strcmp0 (bk_playbook_get_id (pa), bk_playbook_get_id (pb));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static gboolean
add_playbook (BkPlaybookLibrary  *self,
              GBytes             *bytes,
              const char         *file_name,
              GError            **error)
{
  g_autoptr(BkPlaybook) playbook = NULL;
  const char *id;

  if (!(playbook = bk_playbook_new_from_bytes (bytes, file_name, error)))
    return FALSE;

  id = bk_playbook_get_id (playbook);
  if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, BK_PLAYBOOK_ERROR, BK_PLAYBOOK_ERROR_INVALID,
                   _("%s: another playbook already has the id “%s”."), file_name, id);
      return FALSE;
    }

  g_hash_table_insert (self->by_id, (gpointer) id, playbook);
  g_ptr_array_add (self->playbooks, g_steal_pointer (&playbook));
  return TRUE;
}

static BkPlaybookLibrary *
finish_loading (BkPlaybookLibrary  *self,
                const char         *location,
                GError            **error)
{
  if (self->playbooks->len == 0)
    {
      g_set_error (error, BK_PLAYBOOK_ERROR, BK_PLAYBOOK_ERROR_INVALID,
                   _("No playbooks were found in %s."), location);
      g_object_unref (self);
      return NULL;
    }

  g_ptr_array_sort (self->playbooks, compare_playbooks);
  return self;
}

/**
 * bk_playbook_library_new_from_resource:
 * @resource_path: a folder in the registered resources, such as RESOURCE_PREFIX "/playbooks"
 * @error: return location for a #GError
 *
 * Loads every *.playbook file in @resource_path.
 *
 * Returns: (transfer full): the library, or %NULL when a playbook is invalid or none is found
 */
BkPlaybookLibrary *
bk_playbook_library_new_from_resource (const char  *resource_path,
                                       GError     **error)
{
  g_autoptr(BkPlaybookLibrary) self = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(names = g_resources_enumerate_children (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error)))
    {
      g_set_error (error, BK_PLAYBOOK_ERROR, BK_PLAYBOOK_ERROR_INVALID,
                   _("No playbooks were found in %s: %s"), resource_path, local_error->message);
      return NULL;
    }

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  self = g_object_new (BK_TYPE_PLAYBOOK_LIBRARY, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], PLAYBOOK_SUFFIX))
        continue;

      path = g_build_path ("/", resource_path, names[i], NULL);
      if (!(bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error)))
        return NULL;

      if (!add_playbook (self, bytes, path, error))
        return NULL;
    }

  return finish_loading (g_steal_pointer (&self), resource_path, error);
}

/**
 * bk_playbook_library_new_from_directory:
 * @directory: a folder holding *.playbook files, such as data/playbooks in the source tree
 * @error: return location for a #GError
 *
 * Loads every *.playbook file in @directory; other files are left alone.
 *
 * Returns: (transfer full): the library, or %NULL when a playbook is invalid or none is found
 */
BkPlaybookLibrary *
bk_playbook_library_new_from_directory (GFile   *directory,
                                        GError **error)
{
  g_autoptr(BkPlaybookLibrary) self = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *location = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  location = g_file_get_parse_name (directory);
  enumerator = g_file_enumerate_children (directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((info = g_file_enumerator_next_file (enumerator, NULL, error)))
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (name, PLAYBOOK_SUFFIX))
        g_ptr_array_add (names, g_strdup (name));

      g_object_unref (info);
    }

  if (error != NULL && *error != NULL)
    return NULL;

  /* Read in a fixed order, so that the same broken file is reported every time. */
  g_ptr_array_sort (names, compare_names);

  self = g_object_new (BK_TYPE_PLAYBOOK_LIBRARY, NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, g_ptr_array_index (names, i));
      g_autofree char *file_name = g_file_get_parse_name (file);
      g_autoptr(GBytes) bytes = NULL;

      if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)))
        return NULL;

      if (!add_playbook (self, bytes, file_name, error))
        return NULL;
    }

  return finish_loading (g_steal_pointer (&self), location, error);
}

/**
 * bk_playbook_library_lookup:
 * @self: a #BkPlaybookLibrary
 * @id: a playbook id, as a run stores it
 *
 * Returns: (transfer none) (nullable): the playbook, or %NULL when none has this id
 */
BkPlaybook *
bk_playbook_library_lookup (BkPlaybookLibrary *self,
                            const char        *id)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

typedef struct
{
  guint    rank;
  guint    position;
  BkReason reason;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->rank != cb->rank)
    return ca->rank < cb->rank ? -1 : 1;

  return ca->position < cb->position ? -1 : ca->position > cb->position;
}

static BkRecommendation *
recommendation_new (BkPlaybook *playbook,
                    const char *why)
{
  BkRecommendation *recommendation = g_new0 (BkRecommendation, 1);

  recommendation->playbook = g_object_ref (playbook);
  recommendation->why = g_strdup (why);
  return recommendation;
}

/**
 * bk_playbook_library_recommend:
 * @self: a #BkPlaybookLibrary
 * @reasons: (array length=n_reasons): what isn't working
 * @n_reasons: the number of @reasons; none counts as BK_REASON_OTHER
 * @answers: (array fixed-size=5) (nullable): the answer to each BkQuestion, %NULL when none
 *   was given (every one "not sure")
 * @kind: whether the counterpart is a client or a vendor
 *
 * Picks the playbooks that fit, best first: each playbook takes its best rank over @reasons,
 * as the first of its recommendations that fits the reason and @answers ranks it (the files
 * encode the article: see data/playbooks/README.md), ties go by the library's order, and a
 * playbook offered for every problem comes after the rest. The why is the text of the
 * recommendation that earned the rank, worded for @kind.
 *
 * Returns: (transfer container) (element-type BkRecommendation): never empty
 */
GPtrArray *
bk_playbook_library_recommend (BkPlaybookLibrary *self,
                               const BkReason    *reasons,
                               guint              n_reasons,
                               const BkAnswer    *answers,
                               BkCounterpartKind  kind)
{
  static const BkReason other = BK_REASON_OTHER;
  g_autoptr(GArray) candidates = NULL;
  GPtrArray *recommendations;

  g_return_val_if_fail (BK_IS_PLAYBOOK_LIBRARY (self), NULL);
  g_return_val_if_fail (reasons != NULL || n_reasons == 0, NULL);

  for (guint i = 0; i < n_reasons; i++)
    g_return_val_if_fail ((guint) reasons[i] < BK_N_REASONS, NULL);

  if (n_reasons == 0)
    {
      reasons = &other;
      n_reasons = 1;
    }

  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint position = 0; position < self->playbooks->len; position++)
    {
      BkPlaybook *playbook = g_ptr_array_index (self->playbooks, position);
      Candidate candidate = { 0, position, reasons[0] };

      for (guint i = 0; i < n_reasons; i++)
        {
          guint rank = bk_playbook_get_rank (playbook, reasons[i], answers);

          if (rank > 0 && (candidate.rank == 0 || rank < candidate.rank))
            {
              candidate.rank = rank;
              candidate.reason = reasons[i];
            }
        }

      if (candidate.rank > 0)
        g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_candidates);

  recommendations = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_recommendation_free);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      BkPlaybook *playbook = g_ptr_array_index (self->playbooks, candidate->position);

      g_ptr_array_add (recommendations,
                       recommendation_new (playbook, bk_playbook_get_why (playbook, candidate->reason, answers, kind)));
    }

  /* Playbooks that recommend themselves for nothing this person picked: offer them all rather
   * than nothing, each with its summary. */
  if (recommendations->len == 0)
    {
      for (guint i = 0; i < self->playbooks->len; i++)
        {
          BkPlaybook *playbook = g_ptr_array_index (self->playbooks, i);

          g_ptr_array_add (recommendations,
                           recommendation_new (playbook, bk_playbook_get_summary (playbook, kind)));
        }
    }

  return recommendations;
}

/* bk-journal-json-import.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal-json"

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-backups.h"
#include "bk-journal-json.h"
#include "bk-journal-json-private.h"
#include "bk-journal.h"
#include "bk-schema.h"
#include "bk-store-values-private.h"

#define N_COUNTERPART_KINDS (BK_COUNTERPART_KIND_VENDOR + 1)
/* SQLite's page cache while an import writes, and as it is otherwise (its default) */
#define IMPORT_CACHE_KIB  32768
#define DEFAULT_CACHE_KIB 2000
#define MIN_HEALTH 1
#define MAX_HEALTH 5

/* One counterpart of the file, checked, with what belongs to it, as the journal's own value
 * objects: nothing of it is in the journal yet (ids are 0). */
typedef struct
{
  BkCounterpart *counterpart;
  /* BkNote */
  GPtrArray     *notes;
  /* BkRun */
  GPtrArray     *runs;
  /* BkOpenItem */
  GPtrArray     *open_items;
  /* BkCheckin */
  GPtrArray     *checkins;
  /* for each check-in, the uuid of the run in @runs whose end scheduled it, or NULL */
  GPtrArray     *checkin_runs;
  /* BkCredential */
  GPtrArray     *credentials;
  /* BkHealthPoint; empty: none in the file (the journal starts one) */
  GArray        *health_history;
  /* the id of the counterpart (in the file or the journal) who referred this one, or NULL */
  char          *referrer_uuid;
} Entry;

static Entry *
entry_new (BkCounterpart *counterpart,
           GPtrArray     *notes)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->counterpart = counterpart;
  entry->notes = notes;
  entry->runs = g_ptr_array_new_with_free_func (g_object_unref);
  entry->open_items = g_ptr_array_new_with_free_func (g_object_unref);
  entry->checkins = g_ptr_array_new_with_free_func (g_object_unref);
  entry->checkin_runs = g_ptr_array_new_with_free_func (g_free);
  entry->credentials = g_ptr_array_new_with_free_func (g_object_unref);
  entry->health_history = g_array_new (FALSE, FALSE, sizeof (BkHealthPoint));

  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->counterpart);
  g_clear_pointer (&entry->notes, g_ptr_array_unref);
  g_clear_pointer (&entry->runs, g_ptr_array_unref);
  g_clear_pointer (&entry->open_items, g_ptr_array_unref);
  g_clear_pointer (&entry->checkins, g_ptr_array_unref);
  g_clear_pointer (&entry->checkin_runs, g_ptr_array_unref);
  g_clear_pointer (&entry->credentials, g_ptr_array_unref);
  g_clear_pointer (&entry->health_history, g_array_unref);
  g_clear_pointer (&entry->referrer_uuid, g_free);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Entry, entry_free)

typedef struct
{
  const char *basename;
  GTimeZone  *utc;
  GDateTime  *now;
  /* the file, when it is mapped: what has been read of it need not stay in memory */
  const char *mapped;
  gsize       mapped_length;
} ParseContext;

/* Lets the system take back the pages of the mapped file before @end: read again, they come
 * back from the file. An import then needs memory for the journal's cache and the piece in
 * hand, not for the whole file. */
static void
release_read (ParseContext *ctx,
              const char   *end)
{
  gsize page = sysconf (_SC_PAGESIZE);
  guintptr first = ((guintptr) ctx->mapped + page - 1) / page * page;
  guintptr last = (guintptr) MIN (end, ctx->mapped + ctx->mapped_length) / page * page;

  if (ctx->mapped != NULL && last > first)
    madvise ((void *) first, last - first, MADV_DONTNEED);
}

G_GNUC_PRINTF (4, 5)
static gboolean
set_invalid (GError        **error,
             ParseContext   *ctx,
             const char     *place,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (place != NULL)
    g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID,
                 "%s: %s: %s", ctx->basename, place, message);
  else
    g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID,
                 "%s: %s", ctx->basename, message);

  return FALSE;
}

/* A value quoted back to the person, cut short: it may be a whole note. */
static char *
shorten (const char *text)
{
  const glong max_chars = 40;

  /* (and never an escape sequence for the terminal that shows the message) */
  if (g_utf8_strlen (text, -1) <= max_chars)
    return bk_store_dup_printable (text);
  else
    {
      g_autofree char *start = g_utf8_substring (text, 0, max_chars);
      g_autofree char *printable = bk_store_dup_printable (start);

      return g_strconcat (printable, "…", NULL);
    }
}

static char *
join_place (const char *parent,
            const char *member)
{
  if (parent == NULL)
    return g_strdup (member);

  return g_strdup_printf ("%s.%s", parent, member);
}

static gboolean
node_holds_type (JsonNode *node,
                 GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* NULL when the member is missing or null: both mean "use the default". */
static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
read_string (JsonObject     *object,
             const char     *member,
             const char     *parent,
             ParseContext   *ctx,
             const char    **value,
             GError        **error)
{
  JsonNode *node = get_member (object, member);

  *value = NULL;

  if (node == NULL)
    return TRUE;

  if (!node_holds_type (node, G_TYPE_STRING))
    {
      g_autofree char *place = join_place (parent, member);

      return set_invalid (error, ctx, place, _("expected a string."));
    }

  *value = json_node_get_string (node);

  return TRUE;
}

/* A single-line field: trimmed, "" when missing. */
static gboolean
read_trimmed_string (JsonObject     *object,
                     const char     *member,
                     const char     *parent,
                     ParseContext   *ctx,
                     char          **value,
                     GError        **error)
{
  const char *str;

  if (!read_string (object, member, parent, ctx, &str, error))
    return FALSE;

  *value = g_strstrip (g_strdup (str != NULL ? str : ""));

  return TRUE;
}

/* An id in @member ("id", or one that names another entry), lower-cased; NULL when there is
 * none */
static gboolean
read_uuid_member (JsonObject     *object,
                  const char     *member,
                  const char     *parent,
                  ParseContext   *ctx,
                  char          **uuid,
                  GError        **error)
{
  const char *str;

  *uuid = NULL;

  if (!read_string (object, member, parent, ctx, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  if (!g_uuid_string_is_valid (str))
    {
      g_autofree char *place = join_place (parent, member);
      g_autofree char *shown = shorten (str);

      if (g_str_equal (member, "id"))
        return set_invalid (error, ctx, place,
                            _("“%s” is not a valid id; leave it out and a new one is made."),
                            shown);
      return set_invalid (error, ctx, place,
                          _("“%s” is not a valid id of a client or vendor."), shown);
    }

  *uuid = g_ascii_strdown (str, -1);

  return TRUE;
}

static gboolean
read_uuid (JsonObject     *object,
           const char     *parent,
           ParseContext   *ctx,
           char          **uuid,
           GError        **error)
{
  return read_uuid_member (object, "id", parent, ctx, uuid, error);
}

static GDateTime *
parse_date (ParseContext  *ctx,
            const char    *str)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_iso8601 (str, ctx->utc);
  guint year, month, day;

  if (date_time != NULL)
    return g_date_time_to_utc (date_time);

  /* A plain date, "2026-01-02": midnight UTC. */
  if (strlen (str) == 10 &&
      g_ascii_isdigit (str[0]) && g_ascii_isdigit (str[1]) &&
      g_ascii_isdigit (str[2]) && g_ascii_isdigit (str[3]) &&
      str[4] == '-' &&
      g_ascii_isdigit (str[5]) && g_ascii_isdigit (str[6]) &&
      str[7] == '-' &&
      g_ascii_isdigit (str[8]) && g_ascii_isdigit (str[9]))
    {
      year = g_ascii_strtoull (str, NULL, 10);
      month = g_ascii_strtoull (str + 5, NULL, 10);
      day = g_ascii_strtoull (str + 8, NULL, 10);

      if (g_date_valid_dmy (day, month, year))
        return g_date_time_new_utc (year, month, day, 0, 0, 0);
    }

  return NULL;
}

static gboolean
read_date (JsonObject     *object,
           const char     *member,
           const char     *parent,
           ParseContext   *ctx,
           GDateTime     **value,
           GError        **error)
{
  const char *str;

  *value = NULL;

  if (!read_string (object, member, parent, ctx, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  if (!(*value = parse_date (ctx, str)))
    {
      g_autofree char *place = join_place (parent, member);
      g_autofree char *shown = shorten (str);

      return set_invalid (error, ctx, place,
                          _("“%s” is not a valid date; use ISO 8601, for example 2026-01-02T10:00:00Z."),
                          shown);
    }

  return TRUE;
}

/* "client, vendor": what an enumeration member may be, for an error message. */
static char *
list_nicks (const char * (*to_string) (int value),
            int          n_values)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (int i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, to_string (i));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static const char *
counterpart_kind_nick (int value)
{
  return bk_counterpart_kind_to_string (value);
}

static const char *
counterpart_status_nick (int value)
{
  return bk_counterpart_status_to_string (value);
}

static const char *
note_kind_nick (int value)
{
  return bk_note_kind_to_string (value);
}

static const char *
reason_nick (int value)
{
  return bk_reason_to_string (value);
}

static const char *
outcome_nick (int value)
{
  return bk_outcome_to_string (value);
}

static const char *
open_item_kind_nick (int value)
{
  return bk_open_item_kind_to_string (value);
}

static const char *
credential_state_nick (int value)
{
  return bk_credential_state_to_string (value);
}

/* Only the states a step can be stored with: an open step has no entry. */
static const char *
settled_step_state_nick (int value)
{
  return bk_step_state_to_string (value + BK_STEP_STATE_DONE);
}

static gboolean
report_bad_nick (ParseContext   *ctx,
                 const char     *parent,
                 const char     *member,
                 const char     *str,
                 const char *  (*to_string) (int value),
                 int             n_values,
                 GError        **error)
{
  g_autofree char *place = join_place (parent, member);
  g_autofree char *shown = shorten (str);
  g_autofree char *nicks = list_nicks (to_string, n_values);

  /* Translators: the first %s is what the file says, the second a list such as "client, vendor" */
  return set_invalid (error, ctx, place, _("“%s” is not one of %s."), shown, nicks);
}

/* The member as a JSON list, NULL when it is missing; FALSE when it is something else. */
static gboolean
get_array_member (JsonObject     *object,
                  const char     *member,
                  const char     *parent,
                  ParseContext  *ctx,
                  const char     *what,
                  JsonArray     **array,
                  GError        **error)
{
  JsonNode *node = get_member (object, member);

  *array = NULL;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *place = join_place (parent, member);

      return set_invalid (error, ctx, place, "%s", what);
    }

  *array = json_node_get_array (node);

  return TRUE;
}

/* "reasons": a list of what isn't working, as a bit mask of 1 << BkReason */
static gboolean
read_reasons (JsonObject     *object,
              const char     *place,
              ParseContext  *ctx,
              guint          *reasons,
              GError        **error)
{
  JsonArray *array;

  if (!get_array_member (object, "reasons", place, ctx, _("expected a list of reasons."),
                         &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *member = g_strdup_printf ("reasons[%u]", i);
      BkReason reason;

      if (!node_holds_type (element, G_TYPE_STRING))
        {
          g_autofree char *reason_place = join_place (place, member);

          return set_invalid (error, ctx, reason_place, _("expected a string."));
        }
      if (!bk_reason_from_string (json_node_get_string (element), &reason))
        return report_bad_nick (ctx, place, member, json_node_get_string (element),
                                reason_nick, BK_N_REASONS, error);
      *reasons |= 1u << reason;
    }

  return TRUE;
}

/* A progress note's "event": what happened, and the person's own words. An event this version
 * does not know leaves the note as its text says. */
static gboolean
read_event (JsonObject     *object,
            const char     *place,
            ParseContext  *ctx,
            BkNote         *note,
            GError        **error)
{
  g_autofree char *event_place = join_place (place, "event");
  JsonNode *member = get_member (object, "event");
  const char *type = NULL;
  const char *playbook = NULL;
  const char *step = NULL;
  const char *outcome_str = NULL;
  const char *words = NULL;
  BkOutcome outcome = BK_OUTCOME_CONTINUED;
  guint reasons = 0;
  BkNoteEvent event;
  JsonObject *event_object;

  if (member == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (member))
    return set_invalid (error, ctx, event_place, _("expected an event: an object with a “type”."));

  event_object = json_node_get_object (member);

  if (!read_string (event_object, "type", event_place, ctx, &type, error) ||
      !read_string (event_object, "playbook", event_place, ctx, &playbook, error) ||
      !read_string (event_object, "step", event_place, ctx, &step, error) ||
      !read_string (event_object, "outcome", event_place, ctx, &outcome_str, error) ||
      !read_string (event_object, "words", event_place, ctx, &words, error) ||
      !read_reasons (event_object, event_place, ctx, &reasons, error))
    return FALSE;

  if (type == NULL || !bk_note_event_from_string (type, &event) || event == BK_NOTE_EVENT_NONE)
    return TRUE;

  if (outcome_str != NULL && !bk_outcome_from_string (outcome_str, &outcome))
    return report_bad_nick (ctx, event_place, "outcome", outcome_str, outcome_nick,
                            BK_N_OUTCOMES, error);

  bk_note_set_event (note, event, playbook, step, reasons, outcome);
  bk_note_set_text (note, words != NULL ? words : "");

  return TRUE;
}

static gboolean
read_note (JsonNode       *node,
           const char     *place,
           ParseContext   *ctx,
           BkNote        **out_note,
           GError        **error)
{
  g_autoptr(BkNote) note = bk_note_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place, _("expected a note: an object with a “text”."));

  object = json_node_get_object (node);

  if (!read_uuid (object, place, ctx, &uuid, error))
    return FALSE;
  if (uuid != NULL)
    bk_note_set_uuid (note, uuid);

  if (!read_date (object, "created", place, ctx, &created, error))
    return FALSE;
  bk_note_set_created (note, created != NULL ? created : ctx->now);

  if (!read_string (object, "kind", place, ctx, &str, error))
    return FALSE;
  if (str != NULL)
    {
      BkNoteKind kind;

      if (!bk_note_kind_from_string (str, &kind))
        return report_bad_nick (ctx, place, "kind", str, note_kind_nick, BK_NOTE_N_KINDS, error);
      bk_note_set_kind (note, kind);
    }

  if (!read_string (object, "text", place, ctx, &str, error))
    return FALSE;
  if (str == NULL || bk_store_is_blank (str))
    {
      g_autofree char *text_place = join_place (place, "text");

      return set_invalid (error, ctx, text_place, _("a note needs some text."));
    }
  bk_note_set_text (note, str);

  if ((member = get_member (object, "private")))
    {
      if (!node_holds_type (member, G_TYPE_BOOLEAN))
        {
          g_autofree char *private_place = join_place (place, "private");

          return set_invalid (error, ctx, private_place, _("expected true or false."));
        }
      bk_note_set_private (note, json_node_get_boolean (member));
    }

  if (!read_event (object, place, ctx, note, error))
    return FALSE;

  *out_note = g_steal_pointer (&note);

  return TRUE;
}

static gboolean
read_tags (JsonObject     *object,
           const char     *parent,
           ParseContext   *ctx,
           BkCounterpart  *counterpart,
           GError        **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;
  JsonNode *node;
  JsonArray *array;

  if (!(node = get_member (object, "tags")))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto wrong_type;

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_holds_type (element, G_TYPE_STRING))
        goto wrong_type;
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  tags = g_strv_builder_end (builder);
  bk_counterpart_set_tags (counterpart, (const char * const *) tags);

  return TRUE;

wrong_type:
  {
    g_autofree char *place = join_place (parent, "tags");

    return set_invalid (error, ctx, place, _("expected a list of strings."));
  }
}


/* Reads a step done or skipped into @run. @steps: step id → 1 (listed) or 2 (has a state) */
static gboolean
read_step_state (JsonNode       *node,
                 const char     *place,
                 ParseContext   *ctx,
                 BkRun          *run,
                 GHashTable     *steps,
                 GError        **error)
{
  g_autoptr(GDateTime) changed = NULL;
  g_autofree char *trimmed = NULL;
  JsonObject *object;
  const char *step;
  const char *str;
  const char *note;
  BkStepState value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place,
                        _("expected a step’s state: an object with a “step” and a “state”."));

  object = json_node_get_object (node);

  if (!read_string (object, "step", place, ctx, &step, error))
    return FALSE;
  if (step == NULL || !g_hash_table_contains (steps, step))
    {
      g_autofree char *step_place = join_place (place, "step");
      g_autofree char *shown = shorten (step != NULL ? step : "");

      return set_invalid (error, ctx, step_place,
                          _("“%s” is not one of this run’s “steps”."), shown);
    }
  if (GPOINTER_TO_UINT (g_hash_table_lookup (steps, step)) > 1)
    {
      g_autofree char *step_place = join_place (place, "step");

      return set_invalid (error, ctx, step_place,
                          _("this step has a state already, earlier in the list."));
    }
  g_hash_table_insert (steps, g_strdup (step), GUINT_TO_POINTER (2));

  if (!read_string (object, "state", place, ctx, &str, error))
    return FALSE;
  if (str == NULL || !bk_step_state_from_string (str, &value) || value == BK_STEP_STATE_OPEN)
    return report_bad_nick (ctx, place, "state", str != NULL ? str : "",
                            settled_step_state_nick,
                            BK_STEP_STATE_SKIPPED - BK_STEP_STATE_DONE + 1, error);

  if (!read_date (object, "changed", place, ctx, &changed, error))
    return FALSE;

  if (!read_string (object, "note", place, ctx, &note, error))
    return FALSE;

  trimmed = g_strstrip (g_strdup (note != NULL ? note : ""));
  bk_run_set_step (run, step, value,
                   changed != NULL ? changed : bk_run_get_started (run),
                   trimmed);

  return TRUE;
}

static gboolean
read_run (JsonNode       *node,
          const char     *place,
          ParseContext   *ctx,
          BkRun         **out_run,
          GError        **error)
{
  g_autoptr(BkRun) run = NULL;
  /* step id → 1 (listed) or 2 (has a state) */
  g_autoptr(GHashTable) steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) step_ids = g_ptr_array_new ();
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) ended = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *playbook = NULL;
  g_autofree char *joined_steps = NULL;
  g_autofree char *successor = NULL;
  BkOutcome outcome = BK_OUTCOME_CONTINUED;
  guint reasons = 0;
  JsonObject *object;
  JsonArray *array;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place,
                        _("expected a playbook run: an object with a “playbook” and its “steps”."));

  object = json_node_get_object (node);

  if (!read_uuid (object, place, ctx, &uuid, error))
    return FALSE;

  if (!read_string (object, "playbook", place, ctx, &str, error))
    return FALSE;
  if (str == NULL || bk_store_is_blank (str))
    {
      g_autofree char *playbook_place = join_place (place, "playbook");

      return set_invalid (error, ctx, playbook_place, _("a run needs the id of its playbook."));
    }
  playbook = g_strstrip (g_strdup (str));

  if (!read_reasons (object, place, ctx, &reasons, error))
    return FALSE;

  if (!get_array_member (object, "steps", place, ctx, _("expected a list of step ids."),
                         &array, error))
    return FALSE;
  if (array == NULL || json_array_get_length (array) == 0)
    {
      g_autofree char *steps_place = join_place (place, "steps");

      return set_invalid (error, ctx, steps_place, _("a run needs the ids of its steps."));
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *step_place = g_strdup_printf ("%s.steps[%u]", place, i);
      const char *step;

      if (!node_holds_type (element, G_TYPE_STRING))
        return set_invalid (error, ctx, step_place, _("expected a string."));

      step = json_node_get_string (element);
      if (step[0] == '\0' || strchr (step, ',') != NULL)
        return set_invalid (error, ctx, step_place,
                            _("a step id must not be empty or hold a comma."));
      if (!g_hash_table_insert (steps, g_strdup (step), GUINT_TO_POINTER (1)))
        {
          g_autofree char *shown = shorten (step);

          return set_invalid (error, ctx, step_place, _("“%s” is listed twice."), shown);
        }
      g_ptr_array_add (step_ids, (gpointer) step);
    }
  g_ptr_array_add (step_ids, NULL);
  joined_steps = g_strjoinv (",", (char **) step_ids->pdata);

  if (!read_date (object, "started", place, ctx, &started, error) ||
      !read_date (object, "ended", place, ctx, &ended, error))
    return FALSE;
  if (started == NULL)
    started = g_date_time_ref (ctx->now);

  if (!read_string (object, "outcome", place, ctx, &str, error))
    return FALSE;
  if (ended != NULL)
    {
      if (str == NULL)
        {
          g_autofree char *outcome_place = join_place (place, "outcome");
          g_autofree char *nicks = list_nicks (outcome_nick, BK_N_OUTCOMES);

          return set_invalid (error, ctx, outcome_place,
                              _("a run that ended needs an outcome, one of %s."), nicks);
        }
      if (!bk_outcome_from_string (str, &outcome))
        return report_bad_nick (ctx, place, "outcome", str, outcome_nick, BK_N_OUTCOMES, error);
    }
  else if (str != NULL)
    {
      g_autofree char *outcome_place = join_place (place, "outcome");

      return set_invalid (error, ctx, outcome_place,
                          _("only a run that ended has an outcome: give its “ended” date too."));
    }

  if (!read_trimmed_string (object, "successor", place, ctx, &successor, error))
    return FALSE;

  run = bk_run_new_from_journal (0, uuid != NULL ? uuid : "", 0, playbook, reasons, joined_steps,
                                 started, ended, outcome, successor);

  if (!get_array_member (object, "step_states", place, ctx,
                         _("expected a list of steps’ states."), &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *state_place = g_strdup_printf ("%s.step_states[%u]", place, i);

      if (!read_step_state (json_array_get_element (array, i), state_place, ctx, run, steps,
                            error))
        return FALSE;
    }

  *out_run = g_steal_pointer (&run);

  return TRUE;
}

static gboolean
read_open_item (JsonNode       *node,
                const char     *place,
                ParseContext   *ctx,
                BkOpenItem    **out_item,
                GError        **error)
{
  g_autoptr(BkOpenItem) item = bk_open_item_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) settled = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *description = NULL;
  g_autofree char *currency = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place,
                        _("expected an open item: an object with a “description”."));

  object = json_node_get_object (node);

  if (!read_uuid (object, place, ctx, &uuid, error))
    return FALSE;
  if (uuid != NULL)
    bk_open_item_set_uuid (item, uuid);

  bk_open_item_set_kind (item, BK_OPEN_ITEM_KIND_OTHER);
  if (!read_string (object, "kind", place, ctx, &str, error))
    return FALSE;
  if (str != NULL)
    {
      BkOpenItemKind kind;

      if (!bk_open_item_kind_from_string (str, &kind))
        return report_bad_nick (ctx, place, "kind", str,
                                open_item_kind_nick, BK_N_OPEN_ITEM_KINDS, error);
      bk_open_item_set_kind (item, kind);
    }

  if (!read_trimmed_string (object, "description", place, ctx, &description, error))
    return FALSE;
  if (bk_store_is_blank (description))
    {
      g_autofree char *description_place = join_place (place, "description");

      return set_invalid (error, ctx, description_place,
                          _("an open item needs a description."));
    }
  bk_open_item_set_description (item, description);

  if ((member = get_member (object, "amount")))
    {
      if (!node_holds_type (member, G_TYPE_INT64) || json_node_get_int (member) < 0)
        {
          g_autofree char *amount_place = join_place (place, "amount");

          return set_invalid (error, ctx, amount_place,
                              _("expected a whole number of cents (or kopecks) that is not "
                                "negative."));
        }
      bk_open_item_set_amount (item, json_node_get_int (member));
    }

  if (!read_trimmed_string (object, "currency", place, ctx, &currency, error))
    return FALSE;
  if (currency[0] != '\0' &&
      (strlen (currency) != 3 ||
       !g_ascii_isupper (currency[0]) || !g_ascii_isupper (currency[1]) ||
       !g_ascii_isupper (currency[2])))
    {
      g_autofree char *currency_place = join_place (place, "currency");
      g_autofree char *shown = shorten (currency);

      return set_invalid (error, ctx, currency_place,
                          _("“%s” is not a currency: use a three-letter code such as EUR."),
                          shown);
    }
  bk_open_item_set_currency (item, currency);

  if (!read_date (object, "created", place, ctx, &created, error) ||
      !read_date (object, "settled", place, ctx, &settled, error))
    return FALSE;
  bk_open_item_set_created (item, created != NULL ? created : ctx->now);
  bk_open_item_set_settled (item, settled);

  *out_item = g_steal_pointer (&item);

  return TRUE;
}

/* @runs: the counterpart's runs in the file, one of which @run_uuid (NULL for none) names */
static gboolean
read_checkin (JsonNode       *node,
              const char     *place,
              ParseContext   *ctx,
              GPtrArray      *runs,
              BkCheckin     **out_checkin,
              char          **run_uuid,
              GError        **error)
{
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) done = NULL;
  g_autoptr(GDateTime) notified = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *run = NULL;
  JsonObject *object;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place, _("expected a check-in: an object with a “due” date."));

  object = json_node_get_object (node);

  if (!read_uuid (object, place, ctx, &uuid, error))
    return FALSE;

  if (!read_string (object, "run", place, ctx, &str, error))
    return FALSE;
  if (str != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < runs->len && !found; i++)
        {
          const char *candidate = bk_run_get_uuid (g_ptr_array_index (runs, i));

          found = candidate[0] != '\0' && g_ascii_strcasecmp (candidate, str) == 0;
        }

      if (!found)
        {
          g_autofree char *run_place = join_place (place, "run");
          g_autofree char *shown = shorten (str);

          return set_invalid (error, ctx, run_place,
                              _("“%s” is not the id of one of this client’s or vendor’s “runs”."),
                              shown);
        }
      run = g_ascii_strdown (str, -1);
    }

  if (!read_date (object, "due", place, ctx, &due, error) ||
      !read_date (object, "done", place, ctx, &done, error) ||
      !read_date (object, "notified", place, ctx, &notified, error))
    return FALSE;
  if (due == NULL)
    {
      g_autofree char *due_place = join_place (place, "due");

      return set_invalid (error, ctx, due_place, _("a check-in needs a due date."));
    }

  *out_checkin = bk_checkin_new_from_journal (0, uuid != NULL ? uuid : "", 0, NULL, 0,
                                              due, done, notified);
  *run_uuid = g_steal_pointer (&run);

  return TRUE;
}

static gboolean
read_credential (JsonNode       *node,
                 const char     *place,
                 ParseContext   *ctx,
                 BkCredential  **out_credential,
                 GError        **error)
{
  g_autoptr(BkCredential) credential = bk_credential_new ();
  BkCredentialState state = BK_CREDENTIAL_STATE_IN_USE;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) state_changed = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *label = NULL;
  g_autofree char *username = NULL;
  g_autofree char *url = NULL;
  JsonObject *object;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place, _("expected a credential: an object with a “label”."));

  object = json_node_get_object (node);

  if (!read_uuid (object, place, ctx, &uuid, error))
    return FALSE;

  if (!read_trimmed_string (object, "label", place, ctx, &label, error))
    return FALSE;
  if (bk_store_is_blank (label))
    {
      g_autofree char *label_place = join_place (place, "label");

      return set_invalid (error, ctx, label_place, _("a credential needs a label."));
    }
  bk_credential_set_label (credential, label);

  if (!read_trimmed_string (object, "username", place, ctx, &username, error) ||
      !read_trimmed_string (object, "url", place, ctx, &url, error))
    return FALSE;
  bk_credential_set_username (credential, username);
  bk_credential_set_url (credential, url);

  if (!read_string (object, "state", place, ctx, &str, error))
    return FALSE;
  if (str != NULL && !bk_credential_state_from_string (str, &state))
    return report_bad_nick (ctx, place, "state", str,
                            credential_state_nick, BK_N_CREDENTIAL_STATES, error);

  if (!read_date (object, "created", place, ctx, &created, error) ||
      !read_date (object, "updated", place, ctx, &updated, error) ||
      !read_date (object, "state_changed", place, ctx, &state_changed, error))
    return FALSE;
  if (created == NULL)
    created = g_date_time_ref (ctx->now);
  if (updated == NULL)
    updated = g_date_time_ref (created);

  /* state_changed is ignored while in use */
  bk_credential_set_journal_fields (credential, 0, uuid != NULL ? uuid : "", state,
                                    created, updated, state_changed);

  *out_credential = g_steal_pointer (&credential);

  return TRUE;
}

/* A health out of range, quoted when it is a number a person may have meant (the parser
 * gives -1 for one too big for it: 99999999999999999999999 was "-1 is out of range") */
static gboolean
set_health_range_error (GError        **error,
                        ParseContext   *ctx,
                        const char     *place,
                        gint64          value)
{
  if (value >= 0 && value <= 1000)
    return set_invalid (error, ctx, place, _("%d is out of range; use a whole number from %d to %d."),
                        (int) value, MIN_HEALTH, MAX_HEALTH);

  return set_invalid (error, ctx, place, _("expected a whole number from %d to %d."),
                      MIN_HEALTH, MAX_HEALTH);
}

static gboolean
read_health (JsonNode       *node,
             const char     *place,
             ParseContext   *ctx,
             BkHealthPoint  *point,
             GError        **error)
{
  g_autoptr(GDateTime) changed = NULL;
  g_autofree char *health_place = join_place (place, "health");
  JsonObject *object;
  JsonNode *member;
  gint64 value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place,
                        _("expected a health entry: an object with a “changed” date and a "
                          "“health”."));

  object = json_node_get_object (node);

  if (!read_date (object, "changed", place, ctx, &changed, error))
    return FALSE;
  if (changed == NULL)
    {
      g_autofree char *changed_place = join_place (place, "changed");

      return set_invalid (error, ctx, changed_place, _("a health entry needs a date."));
    }

  member = get_member (object, "health");
  if (member == NULL || !node_holds_type (member, G_TYPE_INT64))
    return set_invalid (error, ctx, health_place,
                        _("expected a whole number from %d to %d."), MIN_HEALTH, MAX_HEALTH);
  value = json_node_get_int (member);
  if (value < MIN_HEALTH || value > MAX_HEALTH)
    return set_health_range_error (error, ctx, health_place, value);

  point->changed = g_date_time_to_unix (changed);
  point->health = (int) value;

  return TRUE;
}

static gboolean
read_access_members (JsonObject     *object,
                     const char     *place,
                     ParseContext   *ctx,
                     Entry          *entry,
                     GError        **error)
{
  JsonArray *array;

  if (!get_array_member (object, "credentials", place, ctx, _("expected a list of credentials."),
                         &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *credential_place = g_strdup_printf ("%s.credentials[%u]", place, i);
      BkCredential *credential = NULL;

      if (!read_credential (json_array_get_element (array, i), credential_place, ctx,
                            &credential, error))
        return FALSE;
      g_ptr_array_add (entry->credentials, credential);
    }

  if (!get_array_member (object, "health_history", place, ctx,
                         _("expected a list of health entries."), &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *health_place = g_strdup_printf ("%s.health_history[%u]", place, i);
      BkHealthPoint point;

      if (!read_health (json_array_get_element (array, i), health_place, ctx, &point, error))
        return FALSE;
      g_array_append_val (entry->health_history, point);
    }

  return TRUE;
}

/* The runs, open items and check-ins of a counterpart (format version 2) */
static gboolean
read_playbook_members (JsonObject     *object,
                       const char     *place,
                       ParseContext   *ctx,
                       Entry          *entry,
                       GError        **error)
{
  g_autofree char *active_place = NULL;
  JsonArray *array;

  if (!get_array_member (object, "runs", place, ctx, _("expected a list of playbook runs."),
                         &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *run_place = g_strdup_printf ("%s.runs[%u]", place, i);
      BkRun *run = NULL;

      if (!read_run (json_array_get_element (array, i), run_place, ctx, &run, error))
        return FALSE;
      g_ptr_array_add (entry->runs, run);

      if (bk_run_is_active (run))
        {
          if (active_place != NULL)
            return set_invalid (error, ctx, run_place,
                                _("%s is in progress already: a client or vendor has one "
                                  "playbook in progress at most, so give this one its "
                                  "“ended” date and “outcome”."),
                                active_place);
          active_place = g_steal_pointer (&run_place);
        }
    }

  if (!get_array_member (object, "open_items", place, ctx, _("expected a list of open items."),
                         &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_place = g_strdup_printf ("%s.open_items[%u]", place, i);
      BkOpenItem *item = NULL;

      if (!read_open_item (json_array_get_element (array, i), item_place, ctx, &item, error))
        return FALSE;
      g_ptr_array_add (entry->open_items, item);
    }

  if (!get_array_member (object, "checkins", place, ctx, _("expected a list of check-ins."),
                         &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *checkin_place = g_strdup_printf ("%s.checkins[%u]", place, i);
      BkCheckin *checkin = NULL;
      char *run_uuid = NULL;

      if (!read_checkin (json_array_get_element (array, i), checkin_place, ctx, entry->runs,
                         &checkin, &run_uuid, error))
        return FALSE;
      g_ptr_array_add (entry->checkins, checkin);
      g_ptr_array_add (entry->checkin_runs, run_uuid);
    }

  return TRUE;
}

static gboolean
read_counterpart (JsonNode       *node,
                  const char     *place,
                  ParseContext   *ctx,
                  Entry         **out_entry,
                  GError        **error)
{
  g_autoptr(BkCounterpart) counterpart = bk_counterpart_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *referred_by = NULL;
  g_autofree char *referrer_uuid = NULL;
  g_autoptr(Entry) entry = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place,
                        _("expected a client or vendor: an object with a “name”."));

  object = json_node_get_object (node);

  if (!read_uuid (object, place, ctx, &uuid, error))
    return FALSE;
  if (uuid != NULL)
    bk_counterpart_set_uuid (counterpart, uuid);

  if (!read_trimmed_string (object, "name", place, ctx, &name, error))
    return FALSE;
  if (bk_store_is_blank (name))
    {
      g_autofree char *name_place = join_place (place, "name");

      return set_invalid (error, ctx, name_place, _("a name is required."));
    }
  bk_counterpart_set_name (counterpart, name);

  if (!read_trimmed_string (object, "organization", place, ctx, &organization, error) ||
      !read_trimmed_string (object, "email", place, ctx, &email, error) ||
      !read_trimmed_string (object, "phone", place, ctx, &phone, error))
    return FALSE;
  bk_counterpart_set_organization (counterpart, organization);
  bk_counterpart_set_email (counterpart, email);
  bk_counterpart_set_phone (counterpart, phone);

  if (!read_string (object, "kind", place, ctx, &str, error))
    return FALSE;
  if (str != NULL)
    {
      BkCounterpartKind kind;

      if (!bk_counterpart_kind_from_string (str, &kind))
        return report_bad_nick (ctx, place, "kind", str,
                                counterpart_kind_nick, N_COUNTERPART_KINDS, error);
      bk_counterpart_set_kind (counterpart, kind);
    }

  if (!read_string (object, "status", place, ctx, &str, error))
    return FALSE;
  if (str != NULL)
    {
      BkCounterpartStatus status;

      if (!bk_counterpart_status_from_string (str, &status))
        return report_bad_nick (ctx, place, "status", str,
                                counterpart_status_nick, BK_COUNTERPART_N_STATUSES, error);
      bk_counterpart_set_status (counterpart, status);
    }

  if ((member = get_member (object, "health")))
    {
      g_autofree char *health_place = join_place (place, "health");
      gint64 health;

      if (!node_holds_type (member, G_TYPE_INT64))
        return set_invalid (error, ctx, health_place,
                            _("expected a whole number from %d to %d."), MIN_HEALTH, MAX_HEALTH);

      health = json_node_get_int (member);
      if (health < MIN_HEALTH || health > MAX_HEALTH)
        return set_health_range_error (error, ctx, health_place, health);
      bk_counterpart_set_health (counterpart, (int) health);
    }

  if ((member = get_member (object, "keep_in_touch_days")))
    {
      g_autofree char *days_place = join_place (place, "keep_in_touch_days");

      if (!node_holds_type (member, G_TYPE_INT64) || json_node_get_int (member) < 0 ||
          json_node_get_int (member) > BK_COUNTERPART_MAX_KEEP_IN_TOUCH_DAYS)
        return set_invalid (error, ctx, days_place,
                            _("expected a whole number of days from 0 (none) to %d."),
                            BK_COUNTERPART_MAX_KEEP_IN_TOUCH_DAYS);
      bk_counterpart_set_keep_in_touch_days (counterpart, (guint) json_node_get_int (member));
    }

  if (!read_trimmed_string (object, "referred_by", place, ctx, &referred_by, error) ||
      !read_uuid_member (object, "referred_by_id", place, ctx, &referrer_uuid, error))
    return FALSE;
  bk_counterpart_set_referred_by (counterpart, referred_by);

  if (!read_tags (object, place, ctx, counterpart, error))
    return FALSE;

  if (!read_date (object, "created", place, ctx, &created, error) ||
      !read_date (object, "updated", place, ctx, &updated, error))
    return FALSE;
  if (created == NULL)
    created = g_date_time_ref (ctx->now);
  bk_counterpart_set_created (counterpart, created);
  bk_counterpart_set_updated (counterpart, updated != NULL ? updated : created);

  if ((member = get_member (object, "notes")))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          g_autofree char *notes_place = join_place (place, "notes");

          return set_invalid (error, ctx, notes_place, _("expected a list of notes."));
        }

      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *note_place = g_strdup_printf ("%s.notes[%u]", place, i);
          BkNote *note = NULL;

          if (!read_note (json_array_get_element (array, i), note_place, ctx, &note, error))
            return FALSE;
          g_ptr_array_add (notes, note);
        }
    }

  entry = entry_new (g_steal_pointer (&counterpart), g_steal_pointer (&notes));
  entry->referrer_uuid = g_steal_pointer (&referrer_uuid);

  if (!read_playbook_members (object, place, ctx, entry, error) ||
      !read_access_members (object, place, ctx, entry, error))
    return FALSE;

  *out_entry = g_steal_pointer (&entry);

  return TRUE;
}

static gboolean
check_header (JsonObject     *root,
              ParseContext   *ctx,
              GError        **error)
{
  JsonNode *node;
  gint64 version;

  node = get_member (root, "format");
  if (node == NULL)
    return set_invalid (error, ctx, NULL,
                        _("this is not a Bridgekeeper export: it has no “format” member."));
  if (!node_holds_type (node, G_TYPE_STRING) ||
      g_strcmp0 (json_node_get_string (node), BK_JSON_FORMAT_NAME) != 0)
    return set_invalid (error, ctx, "format",
                        _("this is not a Bridgekeeper export: expected “%s”."),
                        BK_JSON_FORMAT_NAME);

  node = get_member (root, "version");
  if (node == NULL)
    return set_invalid (error, ctx, "version",
                        _("the format version is missing; expected a whole number such as %d."),
                        BK_JSON_FORMAT_VERSION);
  if (!node_holds_type (node, G_TYPE_INT64))
    return set_invalid (error, ctx, "version",
                        _("the format version must be a whole number such as %d."),
                        BK_JSON_FORMAT_VERSION);

  version = json_node_get_int (node);
  if (version < 1 || version > BK_JSON_FORMAT_VERSION)
    return set_invalid (error, ctx, NULL,
                        _("This file is format version %d; this version of Bridgekeeper reads up to %d."),
                        (int) CLAMP (version, G_MININT, G_MAXINT), BK_JSON_FORMAT_VERSION);

  return TRUE;
}

/* Checks the whole document and turns it into entries: counterparts, notes, runs... that are not
 * saved yet. */
/* The ids a file gives, each to one thing only: a second entry with the id of another would
 * be taken for something the journal has already, and left out without a word */
typedef struct
{
  /* a counterpart's id → where it was first (owned) */
  GHashTable *places;
  /* NoteId, one for each note with an id: a million notes' ids and places as strings would
   * take hundreds of megabytes, as numbers they take 24 bytes each */
  GArray     *notes;
} SeenIds;

typedef struct
{
  /* the uuid's 128 bits */
  guint64 high;
  guint64 low;
  /* counterparts[counterpart].notes[note] */
  guint32 counterpart;
  guint32 note;
} NoteId;

static void
seen_ids_init (SeenIds *seen)
{
  seen->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  seen->notes = g_array_new (FALSE, FALSE, sizeof (NoteId));
}

static void
seen_ids_clear (SeenIds *seen)
{
  g_clear_pointer (&seen->places, g_hash_table_unref);
  g_clear_pointer (&seen->notes, g_array_unref);
}

/* A valid uuid's (g_uuid_string_is_valid()) 32 hex digits as 128 bits, whatever their case */
static void
read_uuid_bits (const char *uuid,
                guint64    *high,
                guint64    *low)
{
  guint n_digits = 0;

  *high = *low = 0;
  for (const char *p = uuid; *p != '\0'; p++)
    {
      if (*p == '-')
        continue;
      if (n_digits++ < 16)
        *high = (*high << 4) | (guint64) g_ascii_xdigit_value (*p);
      else
        *low = (*low << 4) | (guint64) g_ascii_xdigit_value (*p);
    }
}

static int
compare_note_ids (gconstpointer a,
                  gconstpointer b)
{
  const NoteId *x = a;
  const NoteId *y = b;

  if (x->high != y->high)
    return x->high < y->high ? -1 : 1;
  if (x->low != y->low)
    return x->low < y->low ? -1 : 1;
  if (x->counterpart != y->counterpart)
    return x->counterpart < y->counterpart ? -1 : 1;
  if (x->note != y->note)
    return x->note < y->note ? -1 : 1;

  return 0;
}

/* Once every entry is read: each note's id is its own in the whole file. Of the notes that
 * share one, the first to come second in the file is named, with the one it repeats. */
static gboolean
check_note_ids_once (SeenIds       *seen,
                     ParseContext  *ctx,
                     GError       **error)
{
  const NoteId *again = NULL;
  const NoteId *first = NULL;
  g_autofree char *place = NULL;
  g_autofree char *first_place = NULL;

  g_array_sort (seen->notes, compare_note_ids);

  for (guint i = 1; i < seen->notes->len; i++)
    {
      const NoteId *previous = &g_array_index (seen->notes, NoteId, i - 1);
      const NoteId *this = &g_array_index (seen->notes, NoteId, i);

      if (this->high != previous->high || this->low != previous->low)
        continue;

      if (again == NULL || this->counterpart < again->counterpart ||
          (this->counterpart == again->counterpart && this->note < again->note))
        {
          /* (sorted: the first of this id is the first of its run) */
          guint j = i - 1;

          while (j > 0 && g_array_index (seen->notes, NoteId, j - 1).high == this->high &&
                 g_array_index (seen->notes, NoteId, j - 1).low == this->low)
            j--;
          again = this;
          first = &g_array_index (seen->notes, NoteId, j);
        }
    }

  if (again == NULL)
    return TRUE;

  place = g_strdup_printf ("counterparts[%u].notes[%u].id", again->counterpart, again->note);
  first_place = g_strdup_printf ("counterparts[%u].notes[%u]", first->counterpart, first->note);

  return set_invalid (error, ctx, place,
                      /* Translators: %s is where in the file, such as counterparts[2].notes[0] */
                      _("the same id as %s: each needs an id of its own."), first_place);
}

static gboolean
check_id_once (SeenIds       *seen,
               const char    *id,
               char          *place,
               ParseContext  *ctx,
               GError       **error)
{
  const char *first;

  if (id == NULL || id[0] == '\0')
    {
      g_free (place);
      return TRUE;
    }

  if ((first = g_hash_table_lookup (seen->places, id)))
    {
      g_autofree char *id_place = join_place (place, "id");

      g_free (place);
      return set_invalid (error, ctx, id_place,
                          /* Translators: %s is where in the file, such as counterparts[2].notes[0] */
                          _("the same id as %s: each needs an id of its own."), first);
    }

  g_hash_table_insert (seen->places, g_strdup (id), place);
  return TRUE;
}

/* Entry @entry, at counterparts[@position]: its id is the file's only; its notes' ids are
 * kept for check_note_ids_once(), once the whole file is read */
static gboolean
check_entry_ids (SeenIds       *seen,
                 Entry         *entry,
                 guint          position,
                 ParseContext  *ctx,
                 GError       **error)
{
  if (!check_id_once (seen, bk_counterpart_get_uuid (entry->counterpart),
                      g_strdup_printf ("counterparts[%u]", position), ctx, error))
    return FALSE;

  for (guint i = 0; i < entry->notes->len; i++)
    {
      const char *uuid = bk_note_get_uuid (g_ptr_array_index (entry->notes, i));
      NoteId id = { 0, 0, position, i };

      if (uuid == NULL || uuid[0] == '\0')
        continue;
      read_uuid_bits (uuid, &id.high, &id.low);
      g_array_append_val (seen->notes, id);
    }

  return TRUE;
}

static GPtrArray *
read_document (JsonNode       *root,
               ParseContext   *ctx,
               GError        **error)
{
  SeenIds seen;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  if (root == NULL)
    {
      set_invalid (error, ctx, NULL, _("the file is empty."));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, ctx, NULL,
                   _("this is not a Bridgekeeper export: expected an object at the top."));
      return NULL;
    }

  object = json_node_get_object (root);
  if (!check_header (object, ctx, error))
    return NULL;

  if (!(node = get_member (object, "counterparts")))
    return g_steal_pointer (&entries);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, ctx, "counterparts", _("expected a list of clients and vendors."));
      return NULL;
    }

  array = json_node_get_array (node);
  seen_ids_init (&seen);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *place = g_strdup_printf ("counterparts[%u]", i);
      Entry *entry = NULL;

      if (!read_counterpart (json_array_get_element (array, i), place, ctx, &entry, error))
        {
          seen_ids_clear (&seen);
          return NULL;
        }
      g_ptr_array_add (entries, entry);
      if (!check_entry_ids (&seen, entry, i, ctx, error))
        {
          seen_ids_clear (&seen);
          return NULL;
        }
    }
  if (!check_note_ids_once (&seen, ctx, error))
    {
      seen_ids_clear (&seen);
      return NULL;
    }
  seen_ids_clear (&seen);

  return g_steal_pointer (&entries);
}

static gboolean
check_utf8 (const char     *data,
            gsize           length,
            ParseContext   *ctx,
            GError        **error)
{
  const char *end;
  const char *line_start = data;
  guint line = 1;

  if (g_utf8_validate (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  /* Everything before @end is valid, so it can be counted in characters. */
  return set_invalid (error, ctx, NULL, _("Invalid UTF-8 at line %u, column %ld."),
                      line, g_utf8_strlen (line_start, end - line_start) + 1);
}

/* No export nests deeper than this (the journal, a client, a run, a step…): a file that does
 * is refused before the parser, which would recurse through it until it crashed. */
#define MAX_NESTING 32

/* What the parser would accept but the journal cannot keep, found in the text itself: nesting
 * deeper than any export's, and a NUL character (\u0000), which would cut a name or a note
 * short without a word */
static gboolean
check_structure (const char    *data,
                 gsize          length,
                 ParseContext  *ctx,
                 GError       **error)
{
  const char *line_start = data;
  gboolean in_string = FALSE;
  guint line = 1;
  guint depth = 0;

  for (const char *p = data; p < data + length; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
      else if (in_string)
        {
          if (*p == '"')
            in_string = FALSE;
          else if (*p == '\\' && p + 1 < data + length)
            {
              guint unit = 0;

              if (p + 6 <= data + length && memcmp (p + 1, "u0000", 5) == 0)
                return set_invalid (error, ctx, NULL,
                                    _("line %u, column %ld: a text holds a NUL character (\\u0000), "
                                      "which a journal cannot keep. Remove it, then import again."),
                                    line, g_utf8_strlen (line_start, p - line_start) + 1);

              /* half of a character: a high surrogate not followed by a low one, or a low
               * one alone (the parser would call it an unterminated string) */
              if (p + 6 <= data + length && p[1] == 'u' && g_ascii_isxdigit (p[2]) &&
                  g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]))
                {
                  char hex[5] = { p[2], p[3], p[4], p[5], '\0' };

                  unit = (guint) g_ascii_strtoull (hex, NULL, 16);
                }
              if ((unit >= 0xDC00 && unit <= 0xDFFF) ||
                  (unit >= 0xD800 && unit <= 0xDBFF &&
                   !(p + 12 <= data + length && p[6] == '\\' && (p[7] == 'u' || p[7] == 'U') &&
                     g_ascii_toupper (p[8]) == 'D' && strchr ("CDEFcdef", p[9]) != NULL)))
                return set_invalid (error, ctx, NULL,
                                    _("line %u, column %ld: \\u%04X is half of a character, with no "
                                      "other half. Remove it, then import again."),
                                    line, g_utf8_strlen (line_start, p - line_start) + 1, unit);
              if (unit >= 0xD800 && unit <= 0xDBFF)
                p += 6;
              p++;
            }
        }
      else if (*p == '"')
        {
          in_string = TRUE;
        }
      else if (*p == '[' || *p == '{')
        {
          if (++depth > MAX_NESTING)
            return set_invalid (error, ctx, NULL,
                                _("line %u, column %ld: nested deeper than any Bridgekeeper "
                                  "export (more than %d levels): this is not one."),
                                line, g_utf8_strlen (line_start, p - line_start) + 1, MAX_NESTING);
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        {
          depth--;
        }
    }

  return TRUE;
}

/* The runs, open items and check-ins of an entry, for a counterpart in the journal: the
 * entry's @position in the file names the place of a run the journal refuses. */
static gboolean
write_playbook_members (BkJournal        *self,
                        Entry            *entry,
                        guint             position,
                        gint64            counterpart_id,
                        BkImportSummary  *summary,
                        GError          **error)
{
  /* uuid → id of the counterpart's runs, for the check-ins that name one */
  g_autoptr(GHashTable) run_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < entry->runs->len; i++)
    {
      BkRun *run = g_ptr_array_index (entry->runs, i);
      const char *uuid = bk_run_get_uuid (run);
      g_autoptr(GError) local_error = NULL;
      gint64 run_id;
      gint64 owner_id;

      if (!bk_run_store_find_by_uuid (bk_journal_get_runs (self), uuid, &run_id, &owner_id,
                                      error))
        return FALSE;

      /* without a uuid, the same run is the one of this counterpart that follows the same
       * playbook from the same moment: a file imported twice adds it once */
      if (uuid[0] == '\0' && bk_run_get_started (run) != NULL)
        {
          if (!bk_run_store_find_same (bk_journal_get_runs (self), counterpart_id,
                                       bk_run_get_playbook_id (run), bk_run_get_started (run),
                                       &run_id, error))
            return FALSE;
          owner_id = counterpart_id;
        }

      if (run_id != 0)
        {
          /* a check-in may name it, if it is this counterpart's */
          if (owner_id == counterpart_id && uuid[0] != '\0')
            g_hash_table_insert (run_ids, (gpointer) uuid, g_memdup2 (&run_id, sizeof run_id));
          summary->runs_skipped++;
          continue;
        }

      if (!bk_run_store_import (bk_journal_get_runs (self), counterpart_id, run, &run_id,
                                &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       "counterparts[%u].runs[%u]: %s", position, i, local_error->message);
          return FALSE;
        }

      if (uuid[0] != '\0')
        g_hash_table_insert (run_ids, (gpointer) uuid, g_memdup2 (&run_id, sizeof run_id));
      summary->runs_added++;
    }

  for (guint i = 0; i < entry->open_items->len; i++)
    {
      BkOpenItem *item = g_ptr_array_index (entry->open_items, i);
      gint64 item_id;

      if (!bk_open_item_store_find_by_uuid (bk_journal_get_open_items (self),
                                            bk_open_item_get_uuid (item), &item_id, error))
        return FALSE;

      if (item_id != 0)
        {
          summary->open_items_skipped++;
          continue;
        }

      bk_open_item_set_counterpart_id (item, counterpart_id);
      if (!bk_open_item_store_save (bk_journal_get_open_items (self), item, error))
        return FALSE;
      summary->open_items_added++;
    }

  for (guint i = 0; i < entry->checkins->len; i++)
    {
      BkCheckin *checkin = g_ptr_array_index (entry->checkins, i);
      const char *run_uuid = g_ptr_array_index (entry->checkin_runs, i);
      gint64 *run_id = NULL;
      gint64 checkin_id;

      if (!bk_checkin_store_find_by_uuid (bk_journal_get_checkins (self),
                                          bk_checkin_get_uuid (checkin), &checkin_id, error))
        return FALSE;

      if (checkin_id != 0)
        {
          summary->checkins_skipped++;
          continue;
        }

      if (run_uuid != NULL)
        run_id = g_hash_table_lookup (run_ids, run_uuid);

      if (!bk_checkin_store_import (bk_journal_get_checkins (self), counterpart_id,
                                    run_id != NULL ? *run_id : 0, checkin, NULL, error))
        return FALSE;
      summary->checkins_added++;
    }

  return TRUE;
}

/* The credentials of an entry, for a counterpart in the journal */
static gboolean
write_credentials (BkJournal        *self,
                   Entry            *entry,
                   gint64            counterpart_id,
                   BkImportSummary  *summary,
                   GError          **error)
{
  BkCredentialStore *credentials = bk_journal_get_credentials (self);

  for (guint i = 0; i < entry->credentials->len; i++)
    {
      BkCredential *credential = g_ptr_array_index (entry->credentials, i);
      gint64 credential_id;

      if (!bk_credential_store_find_by_uuid (credentials, bk_credential_get_uuid (credential),
                                             &credential_id, error))
        return FALSE;

      if (credential_id != 0)
        {
          summary->credentials_skipped++;
          continue;
        }

      bk_credential_set_counterpart_id (credential, counterpart_id);
      if (!bk_credential_store_import (credentials, credential, error))
        return FALSE;
      summary->credentials_added++;
    }

  return TRUE;
}

static gboolean
write_notes (BkJournal        *self,
             Entry            *entry,
             guint             position,
             gint64            counterpart_id,
             BkImportSummary  *summary,
             GError          **error)
{
  BkNoteStore *notes = bk_journal_get_notes (self);

  for (guint i = 0; i < entry->notes->len; i++)
    {
      BkNote *note = g_ptr_array_index (entry->notes, i);
      gint64 note_id;
      gint64 owner_id;

      if (!bk_note_store_find_by_uuid (notes, bk_note_get_uuid (note), &note_id, &owner_id, error))
        return FALSE;

      /* The same note under another client or vendor in the journal is another note with the
       * same id (one given twice in the file is refused before): it would be left out unseen. */
      if (note_id != 0 && owner_id != counterpart_id)
        {
          g_autoptr(BkCounterpart) owner = bk_counterpart_store_dup (bk_journal_get_counterparts (self),
                                                                     owner_id, NULL);
          g_autofree char *name = bk_store_dup_printable (owner != NULL ? bk_counterpart_get_name (owner) : "?");

          g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID,
                       /* Translators: %u, %u say where in the file (counterparts[2].notes[0]); %s is a name */
                       _("counterparts[%u].notes[%u].id: the journal has a note with this id "
                         "under “%s”: each note needs an id of its own."),
                       position, i, name);
          return FALSE;
        }

      if (note_id != 0)
        {
          summary->notes_skipped++;
          continue;
        }

      bk_note_set_counterpart_id (note, counterpart_id);
      if (!bk_note_store_save (notes, note, error))
        return FALSE;
      summary->notes_added++;
    }

  return TRUE;
}

/* A counterpart added, and the id of who referred it: linked once every entry is written
 * (the referrer may come later in the file) */
typedef struct
{
  gint64  counterpart_id;
  char   *referrer_uuid;
} Referral;

static void
referral_clear (gpointer data)
{
  g_free (((Referral *) data)->referrer_uuid);
}

static GArray *
referrals_new (void)
{
  GArray *referrals = g_array_new (FALSE, FALSE, sizeof (Referral));

  g_array_set_clear_func (referrals, referral_clear);
  return referrals;
}

/* Links each counterpart added to who referred it, when that one is in the journal now (and
 * not in the trash); one that is not keeps the name the file gave */
static gboolean
link_referrals (BkJournal  *self,
                GArray     *referrals,
                GError    **error)
{
  BkCounterpartStore *counterparts = bk_journal_get_counterparts (self);

  for (guint i = 0; i < referrals->len; i++)
    {
      const Referral *referral = &g_array_index (referrals, Referral, i);
      gint64 referrer_id = 0;
      gboolean in_trash = FALSE;

      if (!bk_counterpart_store_find_by_uuid (counterparts, referral->referrer_uuid, &referrer_id, &in_trash, error))
        return FALSE;
      if (referrer_id != 0 && !in_trash &&
          !bk_counterpart_store_set_referrer (counterparts, referral->counterpart_id, referrer_id, error))
        return FALSE;
    }

  return TRUE;
}

/* Everything through the stores, as the app writes it; the caller holds the transaction. The
 * counterparts added with a referrer's id go into @referrals, for link_referrals(). */
static gboolean
write_entries (BkJournal        *self,
               GPtrArray        *entries,
               guint             first_position,
               GArray           *referrals,
               BkImportSummary  *summary,
               GError          **error)
{
  BkCounterpartStore *counterparts = bk_journal_get_counterparts (self);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      gint64 counterpart_id;
      gboolean in_trash;

      if (!bk_counterpart_store_find_by_uuid (counterparts,
                                              bk_counterpart_get_uuid (entry->counterpart),
                                              &counterpart_id, &in_trash, error))
        return FALSE;

      if (counterpart_id != 0)
        {
          summary->counterparts_skipped++;

          /* Nothing can go to a counterpart in the trash (it is on its way out), and it
           * cannot be added again either: its uuid is taken. */
          if (in_trash)
            {
              summary->notes_skipped += entry->notes->len;
              summary->runs_skipped += entry->runs->len;
              summary->open_items_skipped += entry->open_items->len;
              summary->checkins_skipped += entry->checkins->len;
              summary->credentials_skipped += entry->credentials->len;
              continue;
            }
        }
      else
        {
          if (!bk_counterpart_store_import (counterparts, entry->counterpart, error))
            return FALSE;

          counterpart_id = bk_counterpart_get_id (entry->counterpart);

          /* the file's history instead of the one the journal started; a counterpart in the
           * journal already keeps its own */
          if (entry->health_history->len > 0 &&
              !bk_counterpart_store_replace_health (counterparts, counterpart_id,
                                                    entry->health_history, error))
            return FALSE;
          if (entry->referrer_uuid != NULL)
            {
              Referral referral = { counterpart_id, g_strdup (entry->referrer_uuid) };

              g_array_append_val (referrals, referral);
            }
          summary->counterparts_added++;
        }

      if (!write_notes (self, entry, first_position + i, counterpart_id, summary, error) ||
          !write_playbook_members (self, entry, first_position + i, counterpart_id, summary, error) ||
          !write_credentials (self, entry, counterpart_id, summary, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bk_journal_import_json:
 * @self: a #BkJournal
 * @file: a JSON file in the format described in bk-journal-json-private.h
 * @summary: (out) (optional): what was added and what was already there
 * @error: return location for an error
 *
 * Adds the counterparts and notes of @file to the journal, all or nothing.
 *
 * Returns: %TRUE on success; on failure the journal is unchanged
 */
/* Reading a file a piece at a time: every client or vendor of "counterparts" is parsed, checked
 * and written in turn, so that an import needs little more memory than its file (parsing a
 * whole 90 MB export at once took 400 MB). Only the text is scanned here, for where each piece
 * begins and ends; any file this scan does not expect is read whole instead, which also gives
 * the parser's own message for a broken one. */

typedef struct
{
  gsize start;
  gsize end;
} Piece;

static gsize
skip_space (const char *data,
            gsize       length,
            gsize       at)
{
  while (at < length && (data[at] == ' ' || data[at] == '\t' || data[at] == '\n' || data[at] == '\r'))
    at++;

  return at;
}

/* The end of the string that begins at @at, or 0 */
static gsize
scan_string (const char *data,
             gsize       length,
             gsize       at)
{
  for (at++; at < length; at++)
    {
      if (data[at] == '\\')
        at++;
      else if (data[at] == '"')
        return at + 1;
    }

  return 0;
}

/* The end of the value that begins at @at, or 0; nested values are counted, not followed, so
 * that any depth takes no stack */
static gsize
scan_value (const char *data,
            gsize       length,
            gsize       at)
{
  gsize depth = 0;

  if (at >= length)
    return 0;

  if (data[at] == '"')
    return scan_string (data, length, at);

  if (data[at] != '{' && data[at] != '[')
    {
      while (at < length && strchr (",}] \t\r\n", data[at]) == NULL)
        at++;
      return at;
    }

  while (at < length)
    {
      char c = data[at];

      if (c == '"')
        {
          if (!(at = scan_string (data, length, at)))
            return 0;
          continue;
        }

      if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && --depth == 0)
        return at + 1;
      at++;
    }

  return 0;
}

/* Splits the document into its other members (as the text of an object) and the pieces of its
 * "counterparts" array. FALSE when the file is not laid out as expected. */
static gboolean
split_document (const char  *data,
                gsize        length,
                GString     *header,
                GArray      *pieces,
                gboolean    *has_counterparts)
{
  gsize at = skip_space (data, length, 0);

  *has_counterparts = FALSE;
  if (at >= length || data[at] != '{')
    return FALSE;

  g_string_append_c (header, '{');
  at = skip_space (data, length, at + 1);
  if (at < length && data[at] == '}')
    return skip_space (data, length, at + 1) == length;

  while (at < length)
    {
      gsize key_start = at;
      gsize key_end;
      gsize value_start;
      gsize value_end;

      if (data[at] != '"' || !(key_end = scan_string (data, length, at)))
        return FALSE;
      at = skip_space (data, length, key_end);
      if (at >= length || data[at] != ':')
        return FALSE;
      value_start = skip_space (data, length, at + 1);
      if (!(value_end = scan_value (data, length, value_start)))
        return FALSE;

      if (key_end - key_start == strlen ("\"counterparts\"") &&
          memcmp (data + key_start, "\"counterparts\"", key_end - key_start) == 0 &&
          data[value_start] == '[')
        {
          gsize item = skip_space (data, length, value_start + 1);

          if (*has_counterparts)
            return FALSE;
          *has_counterparts = TRUE;

          while (item < value_end - 1)
            {
              Piece piece = { item, scan_value (data, length, item) };

              if (piece.end == 0 || piece.end > value_end - 1)
                return FALSE;
              g_array_append_val (pieces, piece);
              item = skip_space (data, length, piece.end);
              if (data[item] == ',')
                item = skip_space (data, length, item + 1);
              else if (item != value_end - 1)
                return FALSE;
            }
        }
      else
        {
          if (header->len > 1)
            g_string_append_c (header, ',');
          g_string_append_len (header, data + key_start, value_end - key_start);
        }

      at = skip_space (data, length, value_end);
      if (at < length && data[at] == ',')
        {
          at = skip_space (data, length, at + 1);
          continue;
        }
      if (at < length && data[at] == '}')
        {
          g_string_append_c (header, '}');
          return skip_space (data, length, at + 1) == length;
        }
      return FALSE;
    }

  return FALSE;
}

static JsonNode *
parse_piece (const char *data,
             gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, data, length, NULL))
    return NULL;

  return json_parser_steal_root (parser);
}

/* While the pieces are checked, and then written, the next ones are read on a thread of their
 * own: reading them again is a tenth of an import's time, and another core can do it meanwhile. */

/* how far ahead of the writing the reading may be, in pieces */
#define READ_AHEAD 256

typedef struct
{
  const char   *data;
  GArray       *pieces;
  ParseContext *ctx;
  /* (Entry) the pieces read, in order; BROKEN_PIECE for one that is not */
  GAsyncQueue  *entries;
  /* a token for each piece the reader may read ahead */
  GAsyncQueue  *room;
  gint          stop;
  GThread      *thread;
} Reader;

static char broken_piece;
#define BROKEN_PIECE ((gpointer) &broken_piece)

static gpointer
read_pieces_cb (gpointer data)
{
  Reader *reader = data;

  for (guint i = 0; i < reader->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (reader->pieces, Piece, i);
      g_autofree char *place = NULL;
      g_autoptr(JsonNode) node = NULL;
      Entry *entry = NULL;

      g_async_queue_pop (reader->room);
      if (g_atomic_int_get (&reader->stop))
        break;

      place = g_strdup_printf ("counterparts[%u]", i);
      if (!(node = parse_piece (reader->data + piece->start, piece->end - piece->start)) ||
          !read_counterpart (node, place, reader->ctx, &entry, NULL))
        entry = BROKEN_PIECE;
      g_async_queue_push (reader->entries, entry);
    }

  return NULL;
}

static void
reader_start (Reader       *reader,
              const char   *data,
              GArray       *pieces,
              ParseContext *ctx)
{
  reader->data = data;
  reader->pieces = pieces;
  reader->ctx = ctx;
  reader->entries = g_async_queue_new ();
  reader->room = g_async_queue_new ();
  reader->stop = FALSE;
  for (guint i = 0; i < READ_AHEAD; i++)
    g_async_queue_push (reader->room, GINT_TO_POINTER (1));
  reader->thread = g_thread_new ("bk-import-read", read_pieces_cb, reader);
}

/* The next piece, read: an entry of its own, or BROKEN_PIECE */
static Entry *
reader_next (Reader *reader)
{
  Entry *entry = g_async_queue_pop (reader->entries);

  g_async_queue_push (reader->room, GINT_TO_POINTER (1));

  return entry;
}

static void
reader_stop (Reader *reader)
{
  Entry *entry;

  g_atomic_int_set (&reader->stop, TRUE);
  g_async_queue_push (reader->room, GINT_TO_POINTER (1));
  g_thread_join (reader->thread);

  while ((entry = g_async_queue_try_pop (reader->entries)))
    {
      if (entry != BROKEN_PIECE)
        entry_free (entry);
    }
  g_async_queue_unref (reader->entries);
  g_async_queue_unref (reader->room);
}

/* Before an import writes to a journal that holds anything, the journal as it was, in its
 * backups: an import can add thousands of clients at once */
static gboolean
back_up_before_import (BkJournal  *self,
                       GError    **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(BkBackup) backup = NULL;
  g_autoptr(GError) local_error = NULL;

  if (bk_counterpart_store_count (bk_journal_get_counterparts (self)) == 0)
    return TRUE;

  now = g_date_time_new_now_local ();
  if (!(backup = bk_backups_make (bk_journal_get_path (self), now, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s says what went wrong */
                   _("Could not back up the journal before the import: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Writing: one transaction, with a bigger page cache (so that a big file's pages are written
 * out once) and the search index taking the new notes all at once at the end */
static gboolean
begin_writing (BkJournal  *self,
               gint64     *mark,
               GError    **error)
{
  BkDatabase *database = bk_journal_get_database (self);

  if (!bk_database_begin (database, error))
    return FALSE;

  bk_database_exec (database, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB), NULL);
  if (!bk_schema_defer_note_indexing (database, mark, error))
    {
      bk_database_rollback (database);
      bk_database_exec (database, "PRAGMA cache_size = -" G_STRINGIFY (DEFAULT_CACHE_KIB), NULL);
      return FALSE;
    }

  return TRUE;
}

/* Commits (@written) or rolls back what begin_writing() began */
static gboolean
end_writing (BkJournal  *self,
             gboolean    written,
             gint64      mark,
             GError    **error)
{
  BkDatabase *database = bk_journal_get_database (self);

  if (written)
    written = bk_schema_index_deferred_notes (database, mark, error);
  if (!written)
    bk_database_rollback (database);
  else
    written = bk_database_commit (database, error); /* rolls back by itself on failure */
  bk_database_exec (database, "PRAGMA cache_size = -" G_STRINGIFY (DEFAULT_CACHE_KIB), NULL);

  return written;
}

static gboolean
set_write_error (GError       **error,
                 ParseContext  *ctx,
                 GError        *write_error)
{
  g_set_error (error, write_error->domain, write_error->code,
               /* Translators: the first %s is a file name, the second what went wrong */
               _("%s: could not write to the journal: %s"), ctx->basename, write_error->message);
  return FALSE;
}

/* The whole document parsed at once: for files the pieces do not fit, and for the parser's
 * message about a broken one */
static gboolean
import_whole (BkJournal        *self,
              const char       *data,
              gsize             length,
              ParseContext     *ctx,
              BkImportSummary  *summary,
              GError          **error)
{
  g_autoptr(GArray) referrals = referrals_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 mark = 0;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:3:17: Parse error: …"; name the file instead. */
      if (g_str_has_prefix (local_error->message, "<data>:"))
        g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID,
                     "%s:%s", ctx->basename, local_error->message + strlen ("<data>:"));
      else
        g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID,
                     "%s: %s", ctx->basename, local_error->message);
      return FALSE;
    }

  if (!(entries = read_document (json_parser_get_root (parser), ctx, error)))
    return FALSE;
  g_clear_object (&parser);

  if (!back_up_before_import (self, error))
    return FALSE;

  if (!begin_writing (self, &mark, &local_error))
    return set_write_error (error, ctx, local_error);

  if (!end_writing (self,
                    write_entries (self, entries, 0, referrals, summary, &local_error) &&
                    link_referrals (self, referrals, &local_error),
                    mark, &local_error))
    return set_write_error (error, ctx, local_error);

  return TRUE;
}

/* A piece at a time (see above); %FALSE with @whole set when the whole document must be read
 * instead */
static gboolean
import_in_pieces (BkJournal        *self,
                  const char       *data,
                  gsize             length,
                  ParseContext     *ctx,
                  BkImportSummary  *summary,
                  gboolean         *whole,
                  GError          **error)
{
  g_autoptr(GString) header_text = g_string_new (NULL);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GArray) referrals = referrals_new ();
  g_autoptr(JsonNode) header = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_counterparts;
  gboolean written = TRUE;
  gint64 mark = 0;
  Reader reader;
  SeenIds seen;

  /* (a "counterparts" that is not a list stays in the header: read whole, for its message) */
  *whole = FALSE;
  if (!split_document (data, length, header_text, pieces, &has_counterparts) ||
      !(header = parse_piece (header_text->str, header_text->len)) ||
      !JSON_NODE_HOLDS_OBJECT (header) ||
      json_object_has_member (json_node_get_object (header), "counterparts"))
    {
      *whole = TRUE;
      return FALSE;
    }

  if (!check_header (json_node_get_object (header), ctx, error))
    return FALSE;
  release_read (ctx, data + length);

  /* Every piece is checked before anything is written: a bad file leaves the journal exactly
   * as it was, its log included. Then each is written as the reader reads it again. */
  reader_start (&reader, data, pieces, ctx);
  seen_ids_init (&seen);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      g_autofree char *place = g_strdup_printf ("counterparts[%u]", i);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(Entry) entry = NULL;

      /* broken: read whole, for the parser's own words */
      if (!(node = parse_piece (data + piece->start, piece->end - piece->start)))
        {
          reader_stop (&reader);
          seen_ids_clear (&seen);
          *whole = TRUE;
          return FALSE;
        }

      if (!read_counterpart (node, place, ctx, &entry, error) ||
          !check_entry_ids (&seen, entry, i, ctx, error))
        {
          reader_stop (&reader);
          seen_ids_clear (&seen);
          return FALSE;
        }

      /* (the reader, behind, finds these pages again in the system's cache) */
      release_read (ctx, data + piece->start);
    }

  if (!check_note_ids_once (&seen, ctx, error))
    {
      reader_stop (&reader);
      seen_ids_clear (&seen);
      return FALSE;
    }
  seen_ids_clear (&seen);

  if (!back_up_before_import (self, error))
    {
      reader_stop (&reader);
      return FALSE;
    }

  if (!begin_writing (self, &mark, &local_error))
    {
      reader_stop (&reader);
      return set_write_error (error, ctx, local_error);
    }

  for (guint i = 0; written && i < pieces->len; i++)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
      Entry *entry = reader_next (&reader);

      /* (only if the file changed meanwhile: it was checked) */
      if (entry == BROKEN_PIECE)
        {
          reader_stop (&reader);
          end_writing (self, FALSE, mark, NULL);
          *whole = TRUE;
          return FALSE;
        }

      g_ptr_array_add (entries, entry);
      written = write_entries (self, entries, i, referrals, summary, &local_error);
      release_read (ctx, data + g_array_index (pieces, Piece, i).start);
    }
  reader_stop (&reader);
  release_read (ctx, data + length);
  written = written && link_referrals (self, referrals, &local_error);

  if (!end_writing (self, written, mark, &local_error))
    {
      memset (summary, 0, sizeof *summary);
      return set_write_error (error, ctx, local_error);
    }

  return TRUE;
}

gboolean
bk_journal_import_json (BkJournal        *self,
                        GFile            *file,
                        BkImportSummary  *summary,
                        GError          **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);
  BkImportSummary local_summary = { 0 };
  ParseContext ctx;
  gboolean whole;
  const char *data;
  gsize length;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);

  /* (nothing is read of a file that could not be written anyway) */
  if (!bk_database_check_writable (bk_journal_get_database (self), error))
    return FALSE;

  basename = g_file_get_basename (file);
  ctx.basename = basename;
  ctx.utc = utc;
  ctx.now = now;
  ctx.mapped = NULL;
  ctx.mapped_length = 0;

  /* A local file is mapped rather than copied into memory */
  if (path != NULL && (mapped = g_mapped_file_new (path, FALSE, NULL)))
    {
      data = ctx.mapped = g_mapped_file_get_contents (mapped);
      length = ctx.mapped_length = g_mapped_file_get_length (mapped);
      if (data == NULL)
        data = "";
    }
  else if (g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      data = contents;
    }
  else
    {
      g_autofree char *display_name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no file “%s”."), display_name);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: the first %s is a file name, the second what went wrong */
                     _("Could not read “%s”: %s"), display_name, local_error->message);
      return FALSE;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_utf8 (data, length, &ctx, error) ||
      !check_structure (data, length, &ctx, error))
    return FALSE;
  release_read (&ctx, data + length);

  if (import_in_pieces (self, data, length, &ctx, summary, &whole, error))
    return TRUE;

  if (!whole)
    return FALSE;

  memset (summary, 0, sizeof *summary);
  if (import_whole (self, data, length, &ctx, summary, error))
    return TRUE;

  memset (summary, 0, sizeof *summary);
  return FALSE;
}

/* Importing off the main thread */

#define N_STORES 6

static BkStore *
get_store (BkJournal *journal,
           guint      index)
{
  switch (index)
    {
    case 0: return BK_STORE (bk_journal_get_counterparts (journal));
    case 1: return BK_STORE (bk_journal_get_notes (journal));
    case 2: return BK_STORE (bk_journal_get_runs (journal));
    case 3: return BK_STORE (bk_journal_get_open_items (journal));
    case 4: return BK_STORE (bk_journal_get_checkins (journal));
    case 5: return BK_STORE (bk_journal_get_credentials (journal));
    default: g_assert_not_reached ();
    }
}

/* A change the import's own stores told, to be told again by the journal's */
typedef struct
{
  guint    store;
  BkChange change;
  gint64   id;
  gint64   counterpart_id;
} ToldChange;

typedef struct
{
  GArray *told;
  guint   store;
} Listener;

typedef struct
{
  char            *path;
  GFile           *file;
  BkImportSummary  summary;
  GArray          *told;
  Listener         listeners[N_STORES];
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_pointer (&job->path, g_free);
  g_clear_object (&job->file);
  g_clear_pointer (&job->told, g_array_unref);
  g_free (job);
}

static void
on_import_store_changed_cb (BkStore  *store,
                            BkChange  change,
                            gint64    id,
                            gint64    counterpart_id,
                            Listener *listener)
{
  ToldChange told = { listener->store, change, id, counterpart_id };

  g_array_append_val (listener->told, told);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(BkJournal) journal = NULL;
  GError *error = NULL;

  /* the journal was checked when it was first opened */
  if (!(journal = bk_journal_open_full (job->path, BK_JOURNAL_OPEN_DEFER_CHECK, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < N_STORES; i++)
    g_signal_connect (get_store (journal, i), "changed",
                      G_CALLBACK (on_import_store_changed_cb), &job->listeners[i]);

  if (!bk_journal_import_json (journal, job->file, &job->summary, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Back on the main thread: the journal's stores tell what the import added, in one write. */
static void
tell_imported (BkJournal *self,
               GArray    *told)
{
  BkDatabase *database = bk_journal_get_database (self);
  g_autoptr(GError) error = NULL;

  if (told->len == 0)
    return;

  if (!bk_database_begin (database, &error))
    {
      g_warning ("Could not tell what was imported: %s", error->message);
      return;
    }

  for (guint i = 0; i < told->len; i++)
    {
      const ToldChange *change = &g_array_index (told, ToldChange, i);

      bk_store_queue_change (get_store (self, change->store), change->change, change->id,
                             change->counterpart_id);
    }

  if (!bk_database_commit (database, &error))
    g_warning ("Could not tell what was imported: %s", error->message);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BkJournal *self = BK_JOURNAL (object);
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  bk_database_release_writes (bk_journal_get_database (self));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  tell_imported (self, job->told);
  g_task_return_pointer (task, g_memdup2 (&job->summary, sizeof job->summary), g_free);
}

void
bk_journal_import_json_async (BkJournal           *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;
  ImportJob *job;

  g_return_if_fail (BK_IS_JOURNAL (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_journal_import_json_async);

  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (bk_journal_get_path (self));
  job->file = g_object_ref (file);
  job->told = g_array_new (FALSE, FALSE, sizeof (ToldChange));
  for (guint i = 0; i < N_STORES; i++)
    job->listeners[i] = (Listener) { job->told, i };

  /* the import holds the write lock until it is done: writes here would wait for it */
  bk_database_hold_writes (bk_journal_get_database (self));

  worker = g_task_new (self, cancellable, on_import_done_cb, task);
  g_task_set_source_tag (worker, import_thread);
  g_task_set_task_data (worker, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (worker, import_thread);
}

gboolean
bk_journal_import_json_finish (BkJournal        *self,
                               GAsyncResult     *result,
                               BkImportSummary  *summary,
                               GError          **error)
{
  g_autofree BkImportSummary *done = NULL;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_journal_import_json_async, FALSE);

  if (!(done = g_task_propagate_pointer (G_TASK (result), error)))
    {
      if (summary != NULL)
        memset (summary, 0, sizeof *summary);
      return FALSE;
    }

  if (summary != NULL)
    *summary = *done;

  return TRUE;
}

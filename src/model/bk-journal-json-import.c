/* bk-journal-json-import.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-journal-json.h"
#include "bk-journal-json-private.h"
#include "bk-journal.h"

#define N_COUNTERPART_KINDS (BK_COUNTERPART_KIND_VENDOR + 1)
#define MIN_HEALTH 1
#define MAX_HEALTH 5

typedef struct
{
  char      *step;
  /* "done" or "skipped" */
  char      *state;
  GDateTime *changed;
  char      *note;
} ImportStepState;

typedef struct
{
  /* where it is in the file, for a message from the write */
  char      *place;
  /* NULL: a new one is made */
  char      *uuid;
  char      *playbook;
  guint      reasons;
  /* joined with ',', as the journal keeps them */
  char      *step_ids;
  GDateTime *started;
  GDateTime *ended;
  /* a nick, NULL while active */
  char      *outcome;
  char      *successor;
  GPtrArray *step_states;
} ImportRun;

typedef struct
{
  char      *uuid;
  /* the uuid of one of the counterpart's runs in the file, or NULL */
  char      *run_uuid;
  GDateTime *due;
  GDateTime *done;
  GDateTime *notified;
} ImportCheckin;

typedef struct
{
  /* NULL: a new one is made */
  char      *uuid;
  char      *label;
  char      *username;
  char      *url;
  /* a nick */
  char      *state;
  GDateTime *created;
  GDateTime *updated;
  /* NULL while in use */
  GDateTime *state_changed;
} ImportCredential;

typedef struct
{
  GDateTime *changed;
  int        health;
} ImportHealth;

typedef struct
{
  BkCounterpart *counterpart;
  GPtrArray     *notes;
  GPtrArray     *runs;
  GPtrArray     *open_items;
  GPtrArray     *checkins;
  GPtrArray     *credentials;
  /* empty: none in the file (the journal starts one) */
  GPtrArray     *health_history;
} ImportEntry;

static void
import_step_state_free (gpointer data)
{
  ImportStepState *state = data;

  g_free (state->step);
  g_free (state->state);
  g_clear_pointer (&state->changed, g_date_time_unref);
  g_free (state->note);
  g_free (state);
}

static void
import_run_free (gpointer data)
{
  ImportRun *run = data;

  g_free (run->place);
  g_free (run->uuid);
  g_free (run->playbook);
  g_free (run->step_ids);
  g_clear_pointer (&run->started, g_date_time_unref);
  g_clear_pointer (&run->ended, g_date_time_unref);
  g_free (run->outcome);
  g_free (run->successor);
  g_clear_pointer (&run->step_states, g_ptr_array_unref);
  g_free (run);
}

static void
import_checkin_free (gpointer data)
{
  ImportCheckin *checkin = data;

  g_free (checkin->uuid);
  g_free (checkin->run_uuid);
  g_clear_pointer (&checkin->due, g_date_time_unref);
  g_clear_pointer (&checkin->done, g_date_time_unref);
  g_clear_pointer (&checkin->notified, g_date_time_unref);
  g_free (checkin);
}

static void
import_credential_free (gpointer data)
{
  ImportCredential *credential = data;

  g_free (credential->uuid);
  g_free (credential->label);
  g_free (credential->username);
  g_free (credential->url);
  g_free (credential->state);
  g_clear_pointer (&credential->created, g_date_time_unref);
  g_clear_pointer (&credential->updated, g_date_time_unref);
  g_clear_pointer (&credential->state_changed, g_date_time_unref);
  g_free (credential);
}

static void
import_health_free (gpointer data)
{
  ImportHealth *health = data;

  g_clear_pointer (&health->changed, g_date_time_unref);
  g_free (health);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRun, import_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportCheckin, import_checkin_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportCredential, import_credential_free)

static void
import_entry_free (gpointer data)
{
  ImportEntry *entry = data;

  g_clear_object (&entry->counterpart);
  g_clear_pointer (&entry->notes, g_ptr_array_unref);
  g_clear_pointer (&entry->runs, g_ptr_array_unref);
  g_clear_pointer (&entry->open_items, g_ptr_array_unref);
  g_clear_pointer (&entry->checkins, g_ptr_array_unref);
  g_clear_pointer (&entry->credentials, g_ptr_array_unref);
  g_clear_pointer (&entry->health_history, g_ptr_array_unref);
  g_free (entry);
}

typedef struct
{
  const char *basename;
  GTimeZone  *utc;
  GDateTime  *now;
} ImportContext;

G_GNUC_PRINTF (4, 5)
static gboolean
set_invalid (GError        **error,
             ImportContext  *ctx,
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

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  else
    {
      g_autofree char *start = g_utf8_substring (text, 0, max_chars);

      return g_strconcat (start, "…", NULL);
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
             ImportContext  *ctx,
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
                     ImportContext  *ctx,
                     char          **value,
                     GError        **error)
{
  const char *str;

  if (!read_string (object, member, parent, ctx, &str, error))
    return FALSE;

  *value = g_strstrip (g_strdup (str != NULL ? str : ""));

  return TRUE;
}

static gboolean
read_uuid (JsonObject     *object,
           const char     *parent,
           ImportContext  *ctx,
           char          **uuid,
           GError        **error)
{
  const char *str;

  *uuid = NULL;

  if (!read_string (object, "id", parent, ctx, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  if (!g_uuid_string_is_valid (str))
    {
      g_autofree char *place = join_place (parent, "id");
      g_autofree char *shown = shorten (str);

      return set_invalid (error, ctx, place,
                          _("“%s” is not a valid id; leave it out and a new one is made."),
                          shown);
    }

  *uuid = g_ascii_strdown (str, -1);

  return TRUE;
}

static GDateTime *
parse_date (ImportContext *ctx,
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
           ImportContext  *ctx,
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
report_bad_nick (ImportContext  *ctx,
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
                  ImportContext  *ctx,
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
              ImportContext  *ctx,
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
            ImportContext  *ctx,
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
           ImportContext  *ctx,
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
           ImportContext  *ctx,
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


static gboolean
read_step_state (JsonNode       *node,
                 const char     *place,
                 ImportContext  *ctx,
                 ImportRun      *run,
                 GHashTable     *steps,
                 GError        **error)
{
  ImportStepState *state;
  g_autoptr(GDateTime) changed = NULL;
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

  state = g_new0 (ImportStepState, 1);
  state->step = g_strdup (step);
  state->state = g_strdup (str);
  state->changed = changed != NULL ? g_steal_pointer (&changed) : g_date_time_ref (run->started);
  state->note = g_strstrip (g_strdup (note != NULL ? note : ""));
  g_ptr_array_add (run->step_states, state);

  return TRUE;
}

static gboolean
read_run (JsonNode       *node,
          const char     *place,
          ImportContext  *ctx,
          ImportRun     **out_run,
          GError        **error)
{
  g_autoptr(ImportRun) run = g_new0 (ImportRun, 1);
  /* step id → 1 (listed) or 2 (has a state) */
  g_autoptr(GHashTable) steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) step_ids = g_ptr_array_new ();
  JsonObject *object;
  JsonArray *array;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place,
                        _("expected a playbook run: an object with a “playbook” and its “steps”."));

  object = json_node_get_object (node);
  run->place = g_strdup (place);
  run->step_states = g_ptr_array_new_with_free_func (import_step_state_free);

  if (!read_uuid (object, place, ctx, &run->uuid, error))
    return FALSE;

  if (!read_string (object, "playbook", place, ctx, &str, error))
    return FALSE;
  if (str == NULL || bk_store_is_blank (str))
    {
      g_autofree char *playbook_place = join_place (place, "playbook");

      return set_invalid (error, ctx, playbook_place, _("a run needs the id of its playbook."));
    }
  run->playbook = g_strstrip (g_strdup (str));

  if (!read_reasons (object, place, ctx, &run->reasons, error))
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
  run->step_ids = g_strjoinv (",", (char **) step_ids->pdata);

  if (!read_date (object, "started", place, ctx, &run->started, error) ||
      !read_date (object, "ended", place, ctx, &run->ended, error))
    return FALSE;
  if (run->started == NULL)
    run->started = g_date_time_ref (ctx->now);

  if (!read_string (object, "outcome", place, ctx, &str, error))
    return FALSE;
  if (run->ended != NULL)
    {
      BkOutcome outcome;

      if (str == NULL)
        {
          g_autofree char *outcome_place = join_place (place, "outcome");
          g_autofree char *nicks = list_nicks (outcome_nick, BK_N_OUTCOMES);

          return set_invalid (error, ctx, outcome_place,
                              _("a run that ended needs an outcome, one of %s."), nicks);
        }
      if (!bk_outcome_from_string (str, &outcome))
        return report_bad_nick (ctx, place, "outcome", str, outcome_nick, BK_N_OUTCOMES, error);
      run->outcome = g_strdup (str);
    }
  else if (str != NULL)
    {
      g_autofree char *outcome_place = join_place (place, "outcome");

      return set_invalid (error, ctx, outcome_place,
                          _("only a run that ended has an outcome: give its “ended” date too."));
    }

  if (!read_trimmed_string (object, "successor", place, ctx, &run->successor, error))
    return FALSE;

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
                ImportContext  *ctx,
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

static gboolean
read_checkin (JsonNode       *node,
              const char     *place,
              ImportContext  *ctx,
              GPtrArray      *runs,
              ImportCheckin **out_checkin,
              GError        **error)
{
  g_autoptr(ImportCheckin) checkin = g_new0 (ImportCheckin, 1);
  JsonObject *object;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place, _("expected a check-in: an object with a “due” date."));

  object = json_node_get_object (node);

  if (!read_uuid (object, place, ctx, &checkin->uuid, error))
    return FALSE;

  if (!read_string (object, "run", place, ctx, &str, error))
    return FALSE;
  if (str != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < runs->len && !found; i++)
        {
          ImportRun *run = g_ptr_array_index (runs, i);

          found = run->uuid != NULL && g_ascii_strcasecmp (run->uuid, str) == 0;
        }

      if (!found)
        {
          g_autofree char *run_place = join_place (place, "run");
          g_autofree char *shown = shorten (str);

          return set_invalid (error, ctx, run_place,
                              _("“%s” is not the id of one of this client’s or vendor’s “runs”."),
                              shown);
        }
      checkin->run_uuid = g_ascii_strdown (str, -1);
    }

  if (!read_date (object, "due", place, ctx, &checkin->due, error) ||
      !read_date (object, "done", place, ctx, &checkin->done, error) ||
      !read_date (object, "notified", place, ctx, &checkin->notified, error))
    return FALSE;
  if (checkin->due == NULL)
    {
      g_autofree char *due_place = join_place (place, "due");

      return set_invalid (error, ctx, due_place, _("a check-in needs a due date."));
    }

  *out_checkin = g_steal_pointer (&checkin);

  return TRUE;
}

static gboolean
read_credential (JsonNode           *node,
                 const char         *place,
                 ImportContext      *ctx,
                 ImportCredential  **out_credential,
                 GError            **error)
{
  g_autoptr(ImportCredential) credential = g_new0 (ImportCredential, 1);
  BkCredentialState state = BK_CREDENTIAL_STATE_IN_USE;
  g_autoptr(GDateTime) state_changed = NULL;
  JsonObject *object;
  const char *str;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, ctx, place, _("expected a credential: an object with a “label”."));

  object = json_node_get_object (node);

  if (!read_uuid (object, place, ctx, &credential->uuid, error))
    return FALSE;

  if (!read_trimmed_string (object, "label", place, ctx, &credential->label, error))
    return FALSE;
  if (bk_store_is_blank (credential->label))
    {
      g_autofree char *label_place = join_place (place, "label");

      return set_invalid (error, ctx, label_place, _("a credential needs a label."));
    }

  if (!read_trimmed_string (object, "username", place, ctx, &credential->username, error) ||
      !read_trimmed_string (object, "url", place, ctx, &credential->url, error))
    return FALSE;

  if (!read_string (object, "state", place, ctx, &str, error))
    return FALSE;
  if (str != NULL && !bk_credential_state_from_string (str, &state))
    return report_bad_nick (ctx, place, "state", str,
                            credential_state_nick, BK_N_CREDENTIAL_STATES, error);
  credential->state = g_strdup (bk_credential_state_to_string (state));

  if (!read_date (object, "created", place, ctx, &credential->created, error) ||
      !read_date (object, "updated", place, ctx, &credential->updated, error) ||
      !read_date (object, "state_changed", place, ctx, &state_changed, error))
    return FALSE;
  if (credential->created == NULL)
    credential->created = g_date_time_ref (ctx->now);
  if (credential->updated == NULL)
    credential->updated = g_date_time_ref (credential->created);
  if (state != BK_CREDENTIAL_STATE_IN_USE)
    credential->state_changed = g_steal_pointer (&state_changed);

  *out_credential = g_steal_pointer (&credential);

  return TRUE;
}

static gboolean
read_health (JsonNode       *node,
             const char     *place,
             ImportContext  *ctx,
             ImportHealth  **out_health,
             GError        **error)
{
  g_autoptr(GDateTime) changed = NULL;
  g_autofree char *health_place = join_place (place, "health");
  ImportHealth *health;
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
    return set_invalid (error, ctx, health_place,
                        _("%d is out of range; use a whole number from %d to %d."),
                        (int) CLAMP (value, G_MININT, G_MAXINT), MIN_HEALTH, MAX_HEALTH);

  health = g_new0 (ImportHealth, 1);
  health->changed = g_steal_pointer (&changed);
  health->health = (int) value;
  *out_health = health;

  return TRUE;
}

/* The credentials and health history of a counterpart (format version 3) */
static gboolean
read_access_members (JsonObject     *object,
                     const char     *place,
                     ImportContext  *ctx,
                     ImportEntry    *entry,
                     GError        **error)
{
  JsonArray *array;

  if (!get_array_member (object, "credentials", place, ctx, _("expected a list of credentials."),
                         &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *credential_place = g_strdup_printf ("%s.credentials[%u]", place, i);
      ImportCredential *credential = NULL;

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
      ImportHealth *health = NULL;

      if (!read_health (json_array_get_element (array, i), health_place, ctx, &health, error))
        return FALSE;
      g_ptr_array_add (entry->health_history, health);
    }

  return TRUE;
}

/* The runs, open items and check-ins of a counterpart (format version 2) */
static gboolean
read_playbook_members (JsonObject     *object,
                       const char     *place,
                       ImportContext  *ctx,
                       ImportEntry    *entry,
                       GError        **error)
{
  JsonArray *array;
  const char *active_place = NULL;

  if (!get_array_member (object, "runs", place, ctx, _("expected a list of playbook runs."),
                         &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *run_place = g_strdup_printf ("%s.runs[%u]", place, i);
      ImportRun *run = NULL;

      if (!read_run (json_array_get_element (array, i), run_place, ctx, &run, error))
        return FALSE;
      g_ptr_array_add (entry->runs, run);

      if (run->ended == NULL)
        {
          if (active_place != NULL)
            return set_invalid (error, ctx, run_place,
                                _("%s is in progress already: a client or vendor has one "
                                  "playbook in progress at most, so give this one its "
                                  "“ended” date and “outcome”."),
                                active_place);
          active_place = run->place;
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
      ImportCheckin *checkin = NULL;

      if (!read_checkin (json_array_get_element (array, i), checkin_place, ctx, entry->runs,
                         &checkin, error))
        return FALSE;
      g_ptr_array_add (entry->checkins, checkin);
    }

  return TRUE;
}

static gboolean
read_counterpart (JsonNode       *node,
                  const char     *place,
                  ImportContext  *ctx,
                  ImportEntry   **out_entry,
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
  ImportEntry *entry;
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
        return set_invalid (error, ctx, health_place,
                            _("%d is out of range; use a whole number from %d to %d."),
                            (int) CLAMP (health, G_MININT, G_MAXINT), MIN_HEALTH, MAX_HEALTH);
      bk_counterpart_set_health (counterpart, (int) health);
    }

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

  entry = g_new0 (ImportEntry, 1);
  entry->counterpart = g_steal_pointer (&counterpart);
  entry->notes = g_steal_pointer (&notes);
  entry->runs = g_ptr_array_new_with_free_func (import_run_free);
  entry->open_items = g_ptr_array_new_with_free_func (g_object_unref);
  entry->checkins = g_ptr_array_new_with_free_func (import_checkin_free);
  entry->credentials = g_ptr_array_new_with_free_func (import_credential_free);
  entry->health_history = g_ptr_array_new_with_free_func (import_health_free);

  if (!read_playbook_members (object, place, ctx, entry, error) ||
      !read_access_members (object, place, ctx, entry, error))
    {
      import_entry_free (entry);
      return FALSE;
    }

  *out_entry = entry;

  return TRUE;
}

static gboolean
check_header (JsonObject     *root,
              ImportContext  *ctx,
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

/* Checks the whole document and turns it into counterparts and notes that are not saved yet. */
static GPtrArray *
read_document (JsonNode       *root,
               ImportContext  *ctx,
               GError        **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (import_entry_free);
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
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *place = g_strdup_printf ("counterparts[%u]", i);
      ImportEntry *entry = NULL;

      if (!read_counterpart (json_array_get_element (array, i), place, ctx, &entry, error))
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

static gboolean
check_utf8 (const char     *data,
            gsize           length,
            ImportContext  *ctx,
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

/* The journal's row with this uuid: @id is 0 when there is none. Rows in the trash count too:
 * their uuids are taken. */
static gboolean
lookup_uuid (BkJournal     *self,
             sqlite3_stmt  *stmt,
             const char    *uuid,
             gint64        *id,
             gboolean      *trashed,
             GError       **error)
{
  int rc;

  *id = 0;
  *trashed = FALSE;

  if (uuid == NULL || uuid[0] == '\0')
    return TRUE;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *trashed = sqlite3_column_int (stmt, 1) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      return bk_database_set_error (bk_journal_get_database (self), error);
    }

  sqlite3_reset (stmt);

  return TRUE;
}

/* bk_journal_save_counterpart() stamps "updated" with the time of saving; an import keeps the
 * file's. */
static gboolean
restore_updated (BkJournal      *self,
                 sqlite3_stmt   *stmt,
                 BkCounterpart  *counterpart,
                 GDateTime      *updated,
                 GError        **error)
{
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, bk_counterpart_get_id (counterpart));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (updated));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return bk_database_set_error (bk_journal_get_database (self), error);

  sqlite3_reset (stmt);
  bk_counterpart_set_updated (counterpart, updated);

  return TRUE;
}

/* The statements that write runs, open items and check-ins */
typedef struct
{
  /* ?1 uuid → id, counterpart_id */
  sqlite3_stmt *find_run;
  /* ?1 counterpart id → a row when it has an active run */
  sqlite3_stmt *active_run;
  sqlite3_stmt *insert_run;
  sqlite3_stmt *insert_step;
  /* ?1 uuid → id, 0 */
  sqlite3_stmt *find_open_item;
  sqlite3_stmt *find_checkin;
  sqlite3_stmt *insert_checkin;
  sqlite3_stmt *find_credential;
  sqlite3_stmt *insert_credential;
  /* ?1 counterpart id */
  sqlite3_stmt *delete_health;
  sqlite3_stmt *insert_health;
} ImportStatements;

static void
import_statements_clear (ImportStatements *statements)
{
  g_clear_pointer (&statements->find_run, sqlite3_finalize);
  g_clear_pointer (&statements->active_run, sqlite3_finalize);
  g_clear_pointer (&statements->insert_run, sqlite3_finalize);
  g_clear_pointer (&statements->insert_step, sqlite3_finalize);
  g_clear_pointer (&statements->find_open_item, sqlite3_finalize);
  g_clear_pointer (&statements->find_checkin, sqlite3_finalize);
  g_clear_pointer (&statements->insert_checkin, sqlite3_finalize);
  g_clear_pointer (&statements->find_credential, sqlite3_finalize);
  g_clear_pointer (&statements->insert_credential, sqlite3_finalize);
  g_clear_pointer (&statements->delete_health, sqlite3_finalize);
  g_clear_pointer (&statements->insert_health, sqlite3_finalize);
}

static gboolean
import_statements_prepare (BkJournal         *self,
                           ImportStatements  *statements,
                           GError           **error)
{
  return
    (statements->find_run = bk_database_prepare (bk_journal_get_database (self),
                                                 "SELECT id, counterpart_id FROM runs"
                                                 " WHERE uuid = ?1",
                                                 error)) != NULL &&
    (statements->active_run = bk_database_prepare (bk_journal_get_database (self),
                                                   "SELECT 1 FROM runs"
                                                   " WHERE counterpart_id = ?1 AND ended IS NULL",
                                                   error)) != NULL &&
    (statements->insert_run = bk_database_prepare (bk_journal_get_database (self),
                                                   "INSERT INTO runs"
                                                   " (uuid, counterpart_id, playbook, reasons,"
                                                   "  step_ids, started, ended, outcome, successor)"
                                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                                   error)) != NULL &&
    (statements->insert_step = bk_database_prepare (bk_journal_get_database (self),
                                                    "INSERT INTO run_steps"
                                                    " (run_id, step, state, changed, note)"
                                                    " VALUES (?1, ?2, ?3, ?4, ?5)",
                                                    error)) != NULL &&
    (statements->find_open_item = bk_database_prepare (bk_journal_get_database (self),
                                                       "SELECT id, 0 FROM open_items"
                                                       " WHERE uuid = ?1",
                                                       error)) != NULL &&
    (statements->find_checkin = bk_database_prepare (bk_journal_get_database (self),
                                                     "SELECT id, 0 FROM checkins WHERE uuid = ?1",
                                                     error)) != NULL &&
    (statements->insert_checkin = bk_database_prepare (bk_journal_get_database (self),
                                                       "INSERT INTO checkins"
                                                       " (uuid, counterpart_id, run_id, due, done,"
                                                       "  notified)"
                                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                                       error)) != NULL &&
    (statements->find_credential = bk_database_prepare (bk_journal_get_database (self),
                                                        "SELECT id, 0 FROM credentials"
                                                        " WHERE uuid = ?1",
                                                        error)) != NULL &&
    (statements->insert_credential = bk_database_prepare (bk_journal_get_database (self),
                                                          "INSERT INTO credentials"
                                                          " (uuid, counterpart_id, label,"
                                                          "  username, url, state, created,"
                                                          "  updated, state_changed)"
                                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                                                          "  ?8, ?9)",
                                                          error)) != NULL &&
    (statements->delete_health = bk_database_prepare (bk_journal_get_database (self),
                                                      "DELETE FROM health_history"
                                                      " WHERE counterpart_id = ?1",
                                                      error)) != NULL &&
    (statements->insert_health = bk_database_prepare (bk_journal_get_database (self),
                                                      "INSERT INTO health_history"
                                                      " (counterpart_id, changed, health)"
                                                      " VALUES (?1, ?2, ?3)",
                                                      error)) != NULL;
}

static gboolean
run_statement (BkJournal     *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return bk_database_set_error (bk_journal_get_database (self), error);

  return TRUE;
}

static gboolean
write_run (BkJournal         *self,
           ImportStatements  *statements,
           ImportEntry       *entry,
           ImportRun         *run,
           gint64             counterpart_id,
           GHashTable        *run_ids,
           BkImportSummary   *summary,
           GError           **error)
{
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 run_id;
  int rc;

  if (run->uuid != NULL)
    {
      stmt = statements->find_run;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, run->uuid, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);

      if (rc == SQLITE_ROW)
        {
          /* a check-in may name it, if it is this counterpart's */
          if (sqlite3_column_int64 (stmt, 1) == counterpart_id)
            {
              run_id = sqlite3_column_int64 (stmt, 0);
              g_hash_table_insert (run_ids, g_strdup (run->uuid),
                                   g_memdup2 (&run_id, sizeof run_id));
            }
          sqlite3_reset (stmt);
          summary->runs_skipped++;
          return TRUE;
        }

      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return bk_database_set_error (bk_journal_get_database (self), error);
    }

  if (run->ended == NULL)
    {
      stmt = statements->active_run;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, counterpart_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc == SQLITE_ROW)
        {
          g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID,
                       _("%s: %s has a playbook in progress in the journal already: end it "
                         "first, or give this run its “ended” date and “outcome”."),
                       run->place, bk_counterpart_get_name (entry->counterpart));
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        return bk_database_set_error (bk_journal_get_database (self), error);
    }

  uuid = run->uuid != NULL ? g_strdup (run->uuid) : g_uuid_string_random ();

  stmt = statements->insert_run;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counterpart_id);
  sqlite3_bind_text (stmt, 3, run->playbook, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, run->reasons);
  sqlite3_bind_text (stmt, 5, run->step_ids, -1, SQLITE_STATIC);
  bk_database_bind_date_time (stmt, 6, run->started);
  bk_database_bind_date_time (stmt, 7, run->ended);
  sqlite3_bind_text (stmt, 8, run->outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, run->successor, -1, SQLITE_STATIC);
  if (!run_statement (self, stmt, error))
    return FALSE;

  run_id = sqlite3_last_insert_rowid (bk_database_get_handle (bk_journal_get_database (self)));
  g_hash_table_insert (run_ids, g_strdup (uuid), g_memdup2 (&run_id, sizeof run_id));

  for (guint i = 0; i < run->step_states->len; i++)
    {
      ImportStepState *state = g_ptr_array_index (run->step_states, i);

      stmt = statements->insert_step;
      sqlite3_bind_int64 (stmt, 1, run_id);
      sqlite3_bind_text (stmt, 2, state->step, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, state->state, -1, SQLITE_STATIC);
      bk_database_bind_date_time (stmt, 4, state->changed);
      sqlite3_bind_text (stmt, 5, state->note, -1, SQLITE_STATIC);
      if (!run_statement (self, stmt, error))
        return FALSE;
    }

  summary->runs_added++;

  return TRUE;
}

/* The runs, open items and check-ins of an entry, for a counterpart in the journal */
static gboolean
write_playbook_members (BkJournal         *self,
                        ImportStatements  *statements,
                        ImportEntry       *entry,
                        gint64             counterpart_id,
                        BkImportSummary   *summary,
                        GError           **error)
{
  g_autoptr(GHashTable) run_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint added = summary->runs_added + summary->open_items_added + summary->checkins_added;

  for (guint i = 0; i < entry->runs->len; i++)
    {
      if (!write_run (self, statements, entry, g_ptr_array_index (entry->runs, i),
                      counterpart_id, run_ids, summary, error))
        return FALSE;
    }

  for (guint i = 0; i < entry->open_items->len; i++)
    {
      BkOpenItem *item = g_ptr_array_index (entry->open_items, i);
      gint64 item_id;
      gboolean unused;

      if (!lookup_uuid (self, statements->find_open_item, bk_open_item_get_uuid (item),
                        &item_id, &unused, error))
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
      ImportCheckin *checkin = g_ptr_array_index (entry->checkins, i);
      g_autofree char *uuid = NULL;
      gint64 *run_id = NULL;
      gint64 checkin_id;
      gboolean unused;
      sqlite3_stmt *stmt;

      if (!lookup_uuid (self, statements->find_checkin, checkin->uuid,
                        &checkin_id, &unused, error))
        return FALSE;

      if (checkin_id != 0)
        {
          summary->checkins_skipped++;
          continue;
        }

      if (checkin->run_uuid != NULL)
        run_id = g_hash_table_lookup (run_ids, checkin->run_uuid);
      uuid = checkin->uuid != NULL ? g_strdup (checkin->uuid) : g_uuid_string_random ();

      stmt = statements->insert_checkin;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, counterpart_id);
      if (run_id != NULL)
        sqlite3_bind_int64 (stmt, 3, *run_id);
      else
        sqlite3_bind_null (stmt, 3);
      bk_database_bind_date_time (stmt, 4, checkin->due);
      bk_database_bind_date_time (stmt, 5, checkin->done);
      bk_database_bind_date_time (stmt, 6, checkin->notified);
      if (!run_statement (self, stmt, error))
        return FALSE;
      summary->checkins_added++;
    }

  if (summary->runs_added + summary->open_items_added + summary->checkins_added > added)
    {
      /* TODO: one change per row, once the import writes through the stores */
      bk_store_queue_change (BK_STORE (bk_journal_get_runs (self)), BK_CHANGE_CHANGED, 0,
                             counterpart_id);
      bk_counterpart_store_queue_progress_change (bk_journal_get_counterparts (self),
                                                  counterpart_id);
    }

  return TRUE;
}

/* The credentials of an entry, for a counterpart in the journal */
static gboolean
write_credentials (BkJournal         *self,
                   ImportStatements  *statements,
                   ImportEntry       *entry,
                   gint64             counterpart_id,
                   BkImportSummary   *summary,
                   GError           **error)
{
  guint added = 0;

  for (guint i = 0; i < entry->credentials->len; i++)
    {
      ImportCredential *credential = g_ptr_array_index (entry->credentials, i);
      g_autofree char *uuid = NULL;
      sqlite3_stmt *stmt;
      gint64 credential_id;
      gboolean unused;

      if (!lookup_uuid (self, statements->find_credential, credential->uuid,
                        &credential_id, &unused, error))
        return FALSE;

      if (credential_id != 0)
        {
          summary->credentials_skipped++;
          continue;
        }

      uuid = credential->uuid != NULL ? g_strdup (credential->uuid) : g_uuid_string_random ();

      stmt = statements->insert_credential;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, counterpart_id);
      sqlite3_bind_text (stmt, 3, credential->label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, credential->username, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, credential->url, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, credential->state, -1, SQLITE_STATIC);
      bk_database_bind_date_time (stmt, 7, credential->created);
      bk_database_bind_date_time (stmt, 8, credential->updated);
      bk_database_bind_date_time (stmt, 9, credential->state_changed);
      if (!run_statement (self, stmt, error))
        return FALSE;

      added++;
    }

  if (added > 0)
    {
      summary->credentials_added += added;
      /* TODO: one change per row, once the import writes through the stores */
      bk_store_queue_change (BK_STORE (bk_journal_get_credentials (self)), BK_CHANGE_CHANGED, 0,
                             counterpart_id);
    }

  return TRUE;
}

/* A counterpart just added gets the file's health history, if it has one, instead of the one
 * the journal started when it was added. */
static gboolean
write_health_history (BkJournal         *self,
                      ImportStatements  *statements,
                      ImportEntry       *entry,
                      gint64             counterpart_id,
                      GError           **error)
{
  sqlite3_stmt *stmt;

  if (entry->health_history->len == 0)
    return TRUE;

  stmt = statements->delete_health;
  sqlite3_bind_int64 (stmt, 1, counterpart_id);
  if (!run_statement (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < entry->health_history->len; i++)
    {
      ImportHealth *health = g_ptr_array_index (entry->health_history, i);

      stmt = statements->insert_health;
      sqlite3_bind_int64 (stmt, 1, counterpart_id);
      bk_database_bind_date_time (stmt, 2, health->changed);
      sqlite3_bind_int (stmt, 3, health->health);
      if (!run_statement (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_entries (BkJournal        *self,
               GPtrArray        *entries,
               BkImportSummary  *summary,
               GError          **error)
{
  ImportStatements statements = { NULL };
  sqlite3_stmt *counterpart_stmt = NULL;
  sqlite3_stmt *note_stmt = NULL;
  sqlite3_stmt *updated_stmt = NULL;
  gboolean ret = FALSE;

  if (!(counterpart_stmt = bk_database_prepare (bk_journal_get_database (self),
                                                "SELECT id, trashed FROM counterparts"
                                                " WHERE uuid = ?1",
                                                error)) ||
      !(note_stmt = bk_database_prepare (bk_journal_get_database (self),
                                         "SELECT id, trashed FROM notes WHERE uuid = ?1",
                                         error)) ||
      !(updated_stmt = bk_database_prepare (bk_journal_get_database (self),
                                            "UPDATE counterparts SET updated = ?2 WHERE id = ?1",
                                            error)) ||
      !import_statements_prepare (self, &statements, error))
    goto out;

  for (guint i = 0; i < entries->len; i++)
    {
      ImportEntry *entry = g_ptr_array_index (entries, i);
      gint64 counterpart_id;
      gboolean in_trash;

      if (!lookup_uuid (self, counterpart_stmt, bk_counterpart_get_uuid (entry->counterpart),
                        &counterpart_id, &in_trash, error))
        goto out;

      if (counterpart_id != 0)
        {
          summary->counterparts_skipped++;

          /* Notes cannot go to a counterpart in the trash (it is on its way out), and it
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
          g_autoptr(GDateTime) updated = NULL;

          if (bk_counterpart_get_updated (entry->counterpart) != NULL)
            updated = g_date_time_ref (bk_counterpart_get_updated (entry->counterpart));

          if (!bk_counterpart_store_save (bk_journal_get_counterparts (self), entry->counterpart, error) ||
              (updated != NULL &&
               !restore_updated (self, updated_stmt, entry->counterpart, updated, error)))
            goto out;

          counterpart_id = bk_counterpart_get_id (entry->counterpart);

          if (!write_health_history (self, &statements, entry, counterpart_id, error))
            goto out;
          summary->counterparts_added++;
        }

      for (guint j = 0; j < entry->notes->len; j++)
        {
          BkNote *note = g_ptr_array_index (entry->notes, j);
          gint64 note_id;
          gboolean note_in_trash;

          if (!lookup_uuid (self, note_stmt, bk_note_get_uuid (note),
                            &note_id, &note_in_trash, error))
            goto out;

          if (note_id != 0)
            {
              summary->notes_skipped++;
              continue;
            }

          bk_note_set_counterpart_id (note, counterpart_id);
          if (!bk_note_store_save (bk_journal_get_notes (self), note, error))
            goto out;
          summary->notes_added++;
        }

      if (!write_playbook_members (self, &statements, entry, counterpart_id, summary, error) ||
          !write_credentials (self, &statements, entry, counterpart_id, summary, error))
        goto out;
    }

  ret = TRUE;

out:
  g_clear_pointer (&counterpart_stmt, sqlite3_finalize);
  g_clear_pointer (&note_stmt, sqlite3_finalize);
  g_clear_pointer (&updated_stmt, sqlite3_finalize);
  import_statements_clear (&statements);

  return ret;
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
gboolean
bk_journal_import_json (BkJournal        *self,
                        GFile            *file,
                        BkImportSummary  *summary,
                        GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  BkImportSummary local_summary = { 0 };
  ImportContext ctx;
  const char *data;
  gsize length;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);

  basename = g_file_get_basename (file);
  ctx.basename = basename;
  ctx.utc = utc;
  ctx.now = now;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
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

  data = contents;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_utf8 (data, length, &ctx, error))
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:3:17: Parse error: …"; name the file instead. */
      if (g_str_has_prefix (local_error->message, "<data>:"))
        g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID,
                     "%s:%s", basename, local_error->message + strlen ("<data>:"));
      else
        g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_INVALID,
                     "%s: %s", basename, local_error->message);
      return FALSE;
    }
  g_clear_pointer (&contents, g_free);

  if (!(entries = read_document (json_parser_get_root (parser), &ctx, error)))
    return FALSE;
  g_clear_object (&parser);

  if (!bk_database_begin (bk_journal_get_database (self), error))
    return FALSE;

  if (!write_entries (self, entries, summary, &local_error))
    bk_database_rollback (bk_journal_get_database (self));
  else if (bk_database_commit (bk_journal_get_database (self), &local_error)) /* rolls back by itself on failure */
    return TRUE;

  memset (summary, 0, sizeof *summary);
  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: the first %s is a file name, the second what went wrong */
               _("%s: could not write to the journal: %s"), basename, local_error->message);

  return FALSE;
}

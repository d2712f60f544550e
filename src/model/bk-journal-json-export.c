/* bk-journal-json-export.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-journal-json"

#include "config.h"

#include <string.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-file-writer.h"
#include "bk-journal-json.h"
#include "bk-journal-json-private.h"
#include "bk-journal.h"
#include "bk-timeline.h"

static char *
format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return g_strdup ("");

  /* what the journal reads is in UTC already: no copy for each of the file's dates */
  if (g_date_time_get_utc_offset (date_time) == 0)
    return g_date_time_format_iso8601 (date_time);

  utc = g_date_time_to_utc (date_time);

  return g_date_time_format_iso8601 (utc);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *member,
                 GDateTime   *value)
{
  g_autofree char *str = format_date (value);

  add_string_member (builder, member, str);
}

/* NULL for none */
static void
add_nullable_string_member (JsonBuilder *builder,
                            const char  *member,
                            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* null for none */
static void
add_nullable_date_member (JsonBuilder *builder,
                          const char  *member,
                          GDateTime   *value)
{
  if (value == NULL)
    add_nullable_string_member (builder, member, NULL);
  else
    add_date_member (builder, member, value);
}

/* The stores that hold what belongs to a counterpart */
typedef struct
{
  BkCounterpartStore *counterparts;
  BkNoteStore        *notes;
  BkRunStore         *runs;
  BkOpenItemStore    *open_items;
  BkCheckinStore     *checkins;
  BkCredentialStore  *credentials;
  /* for the names of playbooks and steps in the progress notes' words (nullable) */
  BkPlaybookLibrary  *playbooks;
} ExportStores;

static void
add_reasons (JsonBuilder *builder,
             guint        reasons)
{
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < BK_N_REASONS; i++)
    {
      if (reasons & (1u << i))
        json_builder_add_string_value (builder, bk_reason_to_string (i));
    }
  json_builder_end_array (builder);
}

/* Oldest first, as the file lists them (the store lists the one in progress first) */
static int
compare_runs_by_start (gconstpointer a,
                       gconstpointer b)
{
  BkRun *run_a = *(BkRun **) a;
  BkRun *run_b = *(BkRun **) b;
  int cmp = g_date_time_compare (bk_run_get_started (run_a), bk_run_get_started (run_b));

  if (cmp != 0)
    return cmp;

  return (bk_run_get_id (run_a) > bk_run_get_id (run_b)) - (bk_run_get_id (run_a) < bk_run_get_id (run_b));
}

typedef struct
{
  const char *step;
  GDateTime  *changed;
} SettledStep;

/* In the order they were settled */
static int
compare_settled_steps (gconstpointer a,
                       gconstpointer b)
{
  const SettledStep *step_a = a;
  const SettledStep *step_b = b;
  int cmp = g_date_time_compare (step_a->changed, step_b->changed);

  return cmp != 0 ? cmp : strcmp (step_a->step, step_b->step);
}

/* The steps done or skipped, each with its state, date and note */
static void
add_step_states (JsonBuilder *builder,
                 BkRun       *run)
{
  const char * const *steps = bk_run_get_step_ids (run);
  g_autoptr(GArray) settled = g_array_new (FALSE, FALSE, sizeof (SettledStep));

  for (guint i = 0; steps[i] != NULL; i++)
    {
      SettledStep step = { steps[i], bk_run_get_step_changed (run, steps[i]) };

      if (bk_run_get_step_state (run, steps[i]) != BK_STEP_STATE_OPEN && step.changed != NULL)
        g_array_append_val (settled, step);
    }
  g_array_sort (settled, compare_settled_steps);

  json_builder_set_member_name (builder, "step_states");
  json_builder_begin_array (builder);
  for (guint i = 0; i < settled->len; i++)
    {
      const SettledStep *step = &g_array_index (settled, SettledStep, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "step", step->step);
      add_string_member (builder, "state",
                         bk_step_state_to_string (bk_run_get_step_state (run, step->step)));
      add_date_member (builder, "changed", step->changed);
      add_string_member (builder, "note", bk_run_get_step_note (run, step->step));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_run (JsonBuilder *builder,
         BkRun       *run)
{
  const char * const *steps = bk_run_get_step_ids (run);
  gboolean ended = bk_run_get_ended (run) != NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "id", bk_run_get_uuid (run));
  add_string_member (builder, "playbook", bk_run_get_playbook_id (run));
  add_reasons (builder, bk_run_get_reasons (run));
  add_date_member (builder, "started", bk_run_get_started (run));
  add_nullable_date_member (builder, "ended", bk_run_get_ended (run));
  add_nullable_string_member (builder, "outcome",
                              ended ? bk_outcome_to_string (bk_run_get_outcome (run)) : NULL);
  add_string_member (builder, "successor", bk_run_get_successor (run));

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (steps[i][0] != '\0')
        json_builder_add_string_value (builder, steps[i]);
    }
  json_builder_end_array (builder);

  add_step_states (builder, run);
  json_builder_end_object (builder);
}

static void
add_open_item (JsonBuilder *builder,
               BkOpenItem  *item)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "id", bk_open_item_get_uuid (item));
  add_string_member (builder, "kind", bk_open_item_kind_to_string (bk_open_item_get_kind (item)));
  add_string_member (builder, "description", bk_open_item_get_description (item));
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, bk_open_item_get_amount (item));
  add_string_member (builder, "currency", bk_open_item_get_currency (item));
  add_date_member (builder, "created", bk_open_item_get_created (item));
  add_nullable_date_member (builder, "settled", bk_open_item_get_settled (item));
  json_builder_end_object (builder);
}

/* @run_uuids: the uuid of each of the counterpart's runs, by id */
static void
add_checkin (JsonBuilder *builder,
             BkCheckin   *checkin,
             GHashTable  *run_uuids)
{
  gint64 run_id = bk_checkin_get_run_id (checkin);

  json_builder_begin_object (builder);
  add_string_member (builder, "id", bk_checkin_get_uuid (checkin));
  add_nullable_string_member (builder, "run",
                              run_id != 0 ? g_hash_table_lookup (run_uuids, &run_id) : NULL);
  add_date_member (builder, "due", bk_checkin_get_due (checkin));
  add_nullable_date_member (builder, "done", bk_checkin_get_done (checkin));
  add_nullable_date_member (builder, "notified", bk_checkin_get_notified (checkin));
  json_builder_end_object (builder);
}

/* Never a secret: the journal has none */
static void
add_credential (JsonBuilder  *builder,
                BkCredential *credential)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "id", bk_credential_get_uuid (credential));
  add_string_member (builder, "label", bk_credential_get_label (credential));
  add_string_member (builder, "username", bk_credential_get_username (credential));
  add_string_member (builder, "url", bk_credential_get_url (credential));
  add_string_member (builder, "state",
                     bk_credential_state_to_string (bk_credential_get_state (credential)));
  add_date_member (builder, "created", bk_credential_get_created (credential));
  add_date_member (builder, "updated", bk_credential_get_updated (credential));
  add_nullable_date_member (builder, "state_changed", bk_credential_get_state_changed (credential));
  json_builder_end_object (builder);
}

static void
add_health (JsonBuilder         *builder,
            const BkHealthPoint *point)
{
  g_autoptr(GDateTime) changed = g_date_time_new_from_unix_utc (point->changed);

  json_builder_begin_object (builder);
  add_date_member (builder, "changed", changed);
  json_builder_set_member_name (builder, "health");
  json_builder_add_int_value (builder, point->health);
  json_builder_end_object (builder);
}

/* The record of an event, as the journal keeps it: what happened and the person's words */
static void
add_event (JsonBuilder *builder,
           BkNote      *note)
{
  BkNoteEvent event = bk_note_get_event (note);

  json_builder_set_member_name (builder, "event");
  json_builder_begin_object (builder);
  add_string_member (builder, "type", bk_note_event_to_string (event));
  if (bk_note_get_event_playbook (note)[0] != '\0')
    add_string_member (builder, "playbook", bk_note_get_event_playbook (note));
  if (bk_note_get_event_step (note)[0] != '\0')
    add_string_member (builder, "step", bk_note_get_event_step (note));
  if (event == BK_NOTE_EVENT_RUN_STARTED)
    add_reasons (builder, bk_note_get_event_reasons (note));
  if (event == BK_NOTE_EVENT_RUN_ENDED)
    add_string_member (builder, "outcome", bk_outcome_to_string (bk_note_get_event_outcome (note)));
  add_string_member (builder, "words", bk_note_get_text (note));
  json_builder_end_object (builder);
}

/* A progress note's text is its event in the reader's words, as the timeline shows it; the
 * event itself comes with it, so that the file keeps what happened. */
static void
add_note (JsonBuilder       *builder,
          BkNote            *note,
          BkPlaybookLibrary *playbooks,
          BkCounterpartKind  kind)
{
  g_autofree char *text = bk_timeline_dup_text (note, playbooks, kind);

  json_builder_begin_object (builder);
  add_string_member (builder, "id", bk_note_get_uuid (note));
  add_date_member (builder, "created", bk_note_get_created (note));
  add_string_member (builder, "kind", bk_note_kind_to_string (bk_note_get_kind (note)));
  add_string_member (builder, "text", text);
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, bk_note_get_private (note));
  if (bk_note_get_event (note) != BK_NOTE_EVENT_NONE)
    add_event (builder, note);
  json_builder_end_object (builder);
}

/* The runs, open items and check-ins of a counterpart */
static gboolean
add_playbook_members (JsonBuilder   *builder,
                      ExportStores  *stores,
                      gint64         id,
                      GError       **error)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GHashTable) run_uuids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!(runs = bk_run_store_list (stores->runs, id, error)) ||
      !(items = bk_open_item_store_list (stores->open_items, id, error)) ||
      !(checkins = bk_checkin_store_list (stores->checkins, id, error)))
    return FALSE;

  g_ptr_array_sort (runs, compare_runs_by_start);

  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < runs->len; i++)
    {
      BkRun *run = g_ptr_array_index (runs, i);
      gint64 run_id = bk_run_get_id (run);

      /* the uuid is the run's, in @runs */
      g_hash_table_insert (run_uuids, g_memdup2 (&run_id, sizeof run_id),
                           (gpointer) bk_run_get_uuid (run));
      add_run (builder, run);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "open_items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_open_item (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "checkins");
  json_builder_begin_array (builder);
  for (guint i = 0; i < checkins->len; i++)
    add_checkin (builder, g_ptr_array_index (checkins, i), run_uuids);
  json_builder_end_array (builder);

  return TRUE;
}

/* The credentials and the health history of a counterpart */
static gboolean
add_access_members (JsonBuilder   *builder,
                    ExportStores  *stores,
                    gint64         id,
                    GError       **error)
{
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GArray) health = NULL;

  if (!(credentials = bk_credential_store_list (stores->credentials, id, error)) ||
      !(health = bk_counterpart_store_list_health (stores->counterparts, id, error)))
    return FALSE;

  json_builder_set_member_name (builder, "credentials");
  json_builder_begin_array (builder);
  for (guint i = 0; i < credentials->len; i++)
    add_credential (builder, g_ptr_array_index (credentials, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "health_history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < health->len; i++)
    add_health (builder, &g_array_index (health, BkHealthPoint, i));
  json_builder_end_array (builder);

  return TRUE;
}

/* One counterpart with its notes as a JSON object: the file is written one counterpart at a time,
 * so that a journal of 200,000 notes never sits in memory as one tree. */
static JsonNode *
counterpart_to_json (BkCounterpart  *counterpart,
                     ExportStores   *stores,
                     GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id = bk_counterpart_get_id (counterpart);
  const char * const *tags;

  json_builder_begin_object (builder);
  add_string_member (builder, "id", bk_counterpart_get_uuid (counterpart));
  add_string_member (builder, "name", bk_counterpart_get_name (counterpart));
  add_string_member (builder, "organization", bk_counterpart_get_organization (counterpart));
  add_string_member (builder, "kind",
                     bk_counterpart_kind_to_string (bk_counterpart_get_kind (counterpart)));
  add_string_member (builder, "email", bk_counterpart_get_email (counterpart));
  add_string_member (builder, "phone", bk_counterpart_get_phone (counterpart));
  add_string_member (builder, "status",
                     bk_counterpart_status_to_string (bk_counterpart_get_status (counterpart)));
  json_builder_set_member_name (builder, "health");
  json_builder_add_int_value (builder, bk_counterpart_get_health (counterpart));

  /* (since format 4) */
  if (bk_counterpart_get_keep_in_touch_days (counterpart) > 0)
    {
      json_builder_set_member_name (builder, "keep_in_touch_days");
      json_builder_add_int_value (builder, bk_counterpart_get_keep_in_touch_days (counterpart));
    }
  if (bk_counterpart_get_referred_by (counterpart)[0] != '\0')
    add_string_member (builder, "referred_by", bk_counterpart_get_referred_by (counterpart));
  if (bk_counterpart_get_referred_by_id (counterpart) != 0)
    {
      g_autoptr(BkCounterpart) referrer = bk_counterpart_store_dup (stores->counterparts,
                                                                    bk_counterpart_get_referred_by_id (counterpart),
                                                                    NULL);

      if (referrer != NULL)
        add_string_member (builder, "referred_by_id", bk_counterpart_get_uuid (referrer));
    }

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  tags = bk_counterpart_get_tags (counterpart);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  add_date_member (builder, "created", bk_counterpart_get_created (counterpart));
  add_date_member (builder, "updated", bk_counterpart_get_updated (counterpart));

  if (!(notes = bk_note_store_list_between (stores->notes, id, TRUE, NULL, NULL, error)))
    return NULL;

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    add_note (builder, g_ptr_array_index (notes, i), stores->playbooks,
              bk_counterpart_get_kind (counterpart));
  json_builder_end_array (builder);

  if (!add_playbook_members (builder, stores, id, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the playbook runs of “%s”: %s"),
                   bk_counterpart_get_name (counterpart),
                   local_error->message);
      return NULL;
    }

  if (!add_access_members (builder, stores, id, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the credentials and health history of “%s”: %s"),
                   bk_counterpart_get_name (counterpart),
                   local_error->message);
      return NULL;
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Appends @text with every line after the first indented by @indent: the generator writes each
 * counterpart at the top level, but it sits inside the "counterparts" list. Strings never hold a
 * raw newline (JSON escapes it), so only the layout is touched. */
static void
append_indented (GString    *out,
                 const char *text,
                 const char *indent)
{
  const char *line = text;
  const char *newline;

  while ((newline = strchr (line, '\n')) != NULL)
    {
      g_string_append_len (out, line, newline - line + 1);
      g_string_append (out, indent);
      line = newline + 1;
    }

  g_string_append (out, line);
}

static gboolean
write_string (GOutputStream  *stream,
              GString        *buffer,
              GError        **error)
{
  gboolean ret;

  ret = g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, NULL, error);
  g_string_truncate (buffer, 0);

  return ret;
}

static gboolean
write_journal (BkJournal          *self,
               BkPlaybookLibrary  *playbooks,
               GOutputStream      *stream,
               GError            **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported = format_date (now);
  g_autofree char *exported_json = NULL;
  ExportStores stores = {
    .counterparts = bk_journal_get_counterparts (self),
    .notes = bk_journal_get_notes (self),
    .runs = bk_journal_get_runs (self),
    .open_items = bk_journal_get_open_items (self),
    .checkins = bk_journal_get_checkins (self),
    .credentials = bk_journal_get_credentials (self),
    .playbooks = playbooks,
  };
  guint offset = 0;
  gboolean first = TRUE;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  {
    g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), exported);

    json_generator_set_root (generator, node);
    exported_json = json_generator_to_data (generator, NULL);
  }

  g_string_append_printf (buffer,
                          "{\n"
                          "  \"format\" : \"" BK_JSON_FORMAT_NAME "\",\n"
                          "  \"version\" : %d,\n"
                          "  \"exported\" : %s,\n"
                          "  \"counterparts\" : [",
                          BK_JSON_FORMAT_VERSION,
                          exported_json);

  /* a page at a time, so that a big journal never sits in memory whole */
  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (!(page = bk_counterpart_store_list_page (stores.counterparts, NULL, offset, 500, error)))
        return FALSE;

      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        {
          g_autoptr(JsonNode) node = NULL;
          g_autofree char *json = NULL;

          if (!(node = counterpart_to_json (g_ptr_array_index (page, i), &stores, error)))
            return FALSE;

          json_generator_set_root (generator, node);
          json = json_generator_to_data (generator, NULL);

          g_string_append (buffer, first ? "\n    " : ",\n    ");
          append_indented (buffer, json, "    ");
          first = FALSE;

          if (!write_string (stream, buffer, error))
            return FALSE;
        }

      offset += page->len;
    }

  g_string_append (buffer, first ? "]\n}\n" : "\n  ]\n}\n");

  return write_string (stream, buffer, error);
}

/**
 * bk_journal_export_json:
 * @self: a #BkJournal
 * @playbooks: (nullable): for the names of playbooks and steps in the progress notes' words
 * @file: where to write
 * @error: return location for an error
 *
 * Writes the whole journal, except the trash, to @file as JSON (the format is described in
 * bk-journal-json-private.h). @file is replaced only once everything is written.
 *
 * Returns: %TRUE on success
 */
gboolean
bk_journal_export_json (BkJournal          *self,
                        BkPlaybookLibrary  *playbooks,
                        GFile              *file,
                        GError            **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  BkFileWriter *writer = NULL;
  gboolean written;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_file_get_parse_name (file);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("choose a folder on this computer"));
      goto failed;
    }

  /* written beside it, synced and renamed over it: a killed export leaves the old file */
  if (!(writer = bk_file_writer_begin (path, &local_error)))
    goto failed;
  stream = g_unix_output_stream_new (bk_file_writer_get_fd (writer), FALSE);

  /* One read transaction, so that the file is a consistent picture of the journal. */
  if (!bk_database_begin_reading (bk_journal_get_database (self), &local_error))
    goto failed;
  written = write_journal (self, playbooks, stream, &local_error);
  bk_database_rollback (bk_journal_get_database (self));

  if (!written)
    goto failed;

  g_clear_object (&stream);
  if (!bk_file_writer_commit (g_steal_pointer (&writer), &local_error))
    goto failed;

  return TRUE;

failed:
  g_clear_object (&stream);
  bk_file_writer_abort (writer);

  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: the first %s is a file name, the second what went wrong */
               _("Could not export the journal to “%s”: %s"),
               display_name, local_error->message);

  return FALSE;
}

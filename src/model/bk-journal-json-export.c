/* bk-journal-json-export.c
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

static char *
format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return g_strdup ("");

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

/* A date from a column, null for a NULL column */
static void
add_date_column_member (JsonBuilder  *builder,
                        const char   *member,
                        sqlite3_stmt *stmt,
                        int           column)
{
  g_autoptr(GDateTime) value = bk_database_column_date_time (stmt, column);

  if (value == NULL)
    add_nullable_string_member (builder, member, NULL);
  else
    add_date_member (builder, member, value);
}

static const char *
column_text_or_null (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* The statements that read what belongs to one counterpart (?1: its id) */
typedef struct
{
  BkNoteStore  *notes;
  /* id, uuid, playbook, reasons, step_ids, started, ended, outcome, successor */
  sqlite3_stmt *runs;
  /* step, state, changed, note of one run (?1: its id) */
  sqlite3_stmt *run_steps;
  /* uuid, kind, description, amount, currency, created, settled */
  sqlite3_stmt *open_items;
  /* uuid, run uuid, due, done, notified */
  sqlite3_stmt *checkins;
  /* uuid, label, username, url, state, created, updated, state_changed */
  sqlite3_stmt *credentials;
  /* changed, health */
  sqlite3_stmt *health_history;
} ExportStatements;

static void
export_statements_clear (ExportStatements *statements)
{
  g_clear_pointer (&statements->runs, sqlite3_finalize);
  g_clear_pointer (&statements->run_steps, sqlite3_finalize);
  g_clear_pointer (&statements->open_items, sqlite3_finalize);
  g_clear_pointer (&statements->checkins, sqlite3_finalize);
  g_clear_pointer (&statements->credentials, sqlite3_finalize);
  g_clear_pointer (&statements->health_history, sqlite3_finalize);
}

static gboolean
export_statements_prepare (BkJournal         *self,
                           ExportStatements  *statements,
                           GError           **error)
{
  return
    (statements->runs = bk_database_prepare (bk_journal_get_database (self),
                                             "SELECT id, uuid, playbook, reasons, step_ids,"
                                             " started, ended, outcome, successor FROM runs"
                                             " WHERE counterpart_id = ?1"
                                             " ORDER BY started, id",
                                             error)) != NULL &&
    (statements->run_steps = bk_database_prepare (bk_journal_get_database (self),
                                                  "SELECT step, state, changed, note"
                                                  " FROM run_steps WHERE run_id = ?1"
                                                  " ORDER BY changed, step",
                                                  error)) != NULL &&
    (statements->open_items = bk_database_prepare (bk_journal_get_database (self),
                                                   "SELECT uuid, kind, description, amount,"
                                                   " currency, created, settled FROM open_items"
                                                   " WHERE counterpart_id = ?1"
                                                   " ORDER BY created, id",
                                                   error)) != NULL &&
    (statements->checkins = bk_database_prepare (bk_journal_get_database (self),
                                                 "SELECT checkins.uuid, runs.uuid, checkins.due,"
                                                 " checkins.done, checkins.notified"
                                                 " FROM checkins"
                                                 " LEFT JOIN runs ON runs.id = checkins.run_id"
                                                 " WHERE checkins.counterpart_id = ?1"
                                                 " ORDER BY checkins.due, checkins.id",
                                                 error)) != NULL &&
    /* never a secret: the journal has none */
    (statements->credentials = bk_database_prepare (bk_journal_get_database (self),
                                                    "SELECT uuid, label, username, url, state,"
                                                    " created, updated, state_changed"
                                                    " FROM credentials WHERE counterpart_id = ?1"
                                                    " ORDER BY id",
                                                    error)) != NULL &&
    (statements->health_history = bk_database_prepare (bk_journal_get_database (self),
                                                       "SELECT changed, health FROM health_history"
                                                       " WHERE counterpart_id = ?1"
                                                       " ORDER BY changed, rowid",
                                                       error)) != NULL;
}

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

/* Adds the members of the current row to the object begun for it */
typedef void (*AddRowFunc) (JsonBuilder  *builder,
                            sqlite3_stmt *stmt);

/* The member @member: a list of an object per row of @stmt (its ?1 bound to @id). Returns:
 * SQLITE_DONE, or the error that stopped it */
static int
add_rows (JsonBuilder  *builder,
          const char   *member,
          sqlite3_stmt *stmt,
          gint64        id,
          AddRowFunc    add_row)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      add_row (builder, stmt);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc;
}

static void
add_run_step (JsonBuilder  *builder,
              sqlite3_stmt *stmt)
{
  add_string_member (builder, "step", column_text_or_null (stmt, 0));
  add_string_member (builder, "state", column_text_or_null (stmt, 1));
  add_date_column_member (builder, "changed", stmt, 2);
  add_string_member (builder, "note", column_text_or_null (stmt, 3));
}

static int
add_runs (JsonBuilder      *builder,
          ExportStatements *statements,
          gint64            counterpart_id)
{
  sqlite3_stmt *stmt = statements->runs;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, counterpart_id);

  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) steps = NULL;
      const char *step_ids = (const char *) sqlite3_column_text (stmt, 4);
      int steps_rc;

      json_builder_begin_object (builder);
      add_string_member (builder, "id", column_text_or_null (stmt, 1));
      add_string_member (builder, "playbook", column_text_or_null (stmt, 2));
      add_reasons (builder, (guint) sqlite3_column_int64 (stmt, 3));
      add_date_column_member (builder, "started", stmt, 5);
      add_date_column_member (builder, "ended", stmt, 6);
      add_nullable_string_member (builder, "outcome", column_text_or_null (stmt, 7));
      add_string_member (builder, "successor", column_text_or_null (stmt, 8));

      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      steps = g_strsplit (step_ids != NULL ? step_ids : "", ",", -1);
      for (guint i = 0; steps[i] != NULL; i++)
        {
          if (steps[i][0] != '\0')
            json_builder_add_string_value (builder, steps[i]);
        }
      json_builder_end_array (builder);

      if ((steps_rc = add_rows (builder, "step_states", statements->run_steps,
                                sqlite3_column_int64 (stmt, 0), add_run_step)) != SQLITE_DONE)
        return steps_rc;

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc;
}

static void
add_open_item (JsonBuilder  *builder,
               sqlite3_stmt *stmt)
{
  add_string_member (builder, "id", column_text_or_null (stmt, 0));
  add_string_member (builder, "kind", column_text_or_null (stmt, 1));
  add_string_member (builder, "description", column_text_or_null (stmt, 2));
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
  add_string_member (builder, "currency", column_text_or_null (stmt, 4));
  add_date_column_member (builder, "created", stmt, 5);
  add_date_column_member (builder, "settled", stmt, 6);
}

static void
add_checkin (JsonBuilder  *builder,
             sqlite3_stmt *stmt)
{
  add_string_member (builder, "id", column_text_or_null (stmt, 0));
  add_nullable_string_member (builder, "run", column_text_or_null (stmt, 1));
  add_date_column_member (builder, "due", stmt, 2);
  add_date_column_member (builder, "done", stmt, 3);
  add_date_column_member (builder, "notified", stmt, 4);
}

static void
add_credential (JsonBuilder  *builder,
                sqlite3_stmt *stmt)
{
  add_string_member (builder, "id", column_text_or_null (stmt, 0));
  add_string_member (builder, "label", column_text_or_null (stmt, 1));
  add_string_member (builder, "username", column_text_or_null (stmt, 2));
  add_string_member (builder, "url", column_text_or_null (stmt, 3));
  add_string_member (builder, "state", column_text_or_null (stmt, 4));
  add_date_column_member (builder, "created", stmt, 5);
  add_date_column_member (builder, "updated", stmt, 6);
  add_date_column_member (builder, "state_changed", stmt, 7);
}

static void
add_health (JsonBuilder  *builder,
            sqlite3_stmt *stmt)
{
  add_date_column_member (builder, "changed", stmt, 0);
  json_builder_set_member_name (builder, "health");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
}

static void
add_note (JsonBuilder *builder,
          BkNote      *note)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "id", bk_note_get_uuid (note));
  add_date_member (builder, "created", bk_note_get_created (note));
  add_string_member (builder, "kind", bk_note_kind_to_string (bk_note_get_kind (note)));
  add_string_member (builder, "text", bk_note_get_text (note));
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, bk_note_get_private (note));
  json_builder_end_object (builder);
}

/* One counterpart with its notes as a JSON object: the file is written one counterpart at a time,
 * so that a journal of 200,000 notes never sits in memory as one tree. */
static JsonNode *
counterpart_to_json (BkCounterpart     *counterpart,
                     ExportStatements  *statements,
                     GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) notes = NULL;
  gint64 id = bk_counterpart_get_id (counterpart);
  const char * const *tags;
  int rc;

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

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  tags = bk_counterpart_get_tags (counterpart);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  add_date_member (builder, "created", bk_counterpart_get_created (counterpart));
  add_date_member (builder, "updated", bk_counterpart_get_updated (counterpart));

  if (!(notes = bk_note_store_list_between (statements->notes, id, TRUE, NULL, NULL, error)))
    return NULL;

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    add_note (builder, g_ptr_array_index (notes, i));
  json_builder_end_array (builder);

  if ((rc = add_runs (builder, statements, id)) != SQLITE_DONE ||
      (rc = add_rows (builder, "open_items", statements->open_items, id,
                      add_open_item)) != SQLITE_DONE ||
      (rc = add_rows (builder, "checkins", statements->checkins, id,
                      add_checkin)) != SQLITE_DONE)
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                   _("Could not read the playbook runs of “%s”: %s"),
                   bk_counterpart_get_name (counterpart),
                   sqlite3_errstr (rc));
      return NULL;
    }

  if ((rc = add_rows (builder, "credentials", statements->credentials, id,
                      add_credential)) != SQLITE_DONE ||
      (rc = add_rows (builder, "health_history", statements->health_history, id,
                      add_health)) != SQLITE_DONE)
    {
      g_set_error (error, BK_DATABASE_ERROR, BK_DATABASE_ERROR_FAILED,
                   _("Could not read the credentials and health history of “%s”: %s"),
                   bk_counterpart_get_name (counterpart),
                   sqlite3_errstr (rc));
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
write_journal (BkJournal      *self,
               GOutputStream  *stream,
               GError        **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported = format_date (now);
  g_autofree char *exported_json = NULL;
  BkCounterpartStore *counterparts = bk_journal_get_counterparts (self);
  ExportStatements statements = { NULL };
  guint offset = 0;
  gboolean first = TRUE;
  gboolean ret = FALSE;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  statements.notes = bk_journal_get_notes (self);
  if (!export_statements_prepare (self, &statements, error))
    goto out;

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

      if (!(page = bk_counterpart_store_list_page (counterparts, NULL, offset, 500, error)))
        goto out;

      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        {
          g_autoptr(JsonNode) node = NULL;
          g_autofree char *json = NULL;

          if (!(node = counterpart_to_json (g_ptr_array_index (page, i), &statements, error)))
            goto out;

          json_generator_set_root (generator, node);
          json = json_generator_to_data (generator, NULL);

          g_string_append (buffer, first ? "\n    " : ",\n    ");
          append_indented (buffer, json, "    ");
          first = FALSE;

          if (!write_string (stream, buffer, error))
            goto out;
        }

      offset += page->len;
    }

  g_string_append (buffer, first ? "]\n}\n" : "\n  ]\n}\n");
  ret = write_string (stream, buffer, error);

out:
  export_statements_clear (&statements);

  return ret;
}

/* A sibling of @file that nobody else uses, created empty and private (0600: the export holds
 * private notes). */
static GFileOutputStream *
create_temporary_sibling (GFile   *file,
                          GFile  **tmp_file,
                          GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Cannot write the journal to “%s”."), basename);
      return NULL;
    }

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", basename, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (parent, name);
      GFileOutputStream *stream;

      stream = g_file_create (candidate, G_FILE_CREATE_PRIVATE, NULL, &local_error);
      if (stream != NULL)
        {
          *tmp_file = g_steal_pointer (&candidate);
          return stream;
        }

      if (attempt >= 9 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          /* The temporary file's name means nothing to a person: speak of the folder. */
          g_autofree char *folder = g_file_get_parse_name (parent);

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("the folder “%s” does not exist"), folder);
          else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                         _("you are not allowed to write in the folder “%s”"), folder);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/**
 * bk_journal_export_json:
 * @self: a #BkJournal
 * @file: where to write
 * @error: return location for an error
 *
 * Writes the whole journal, except the trash, to @file as JSON (the format is described in
 * bk-journal-json-private.h). @file is replaced only once everything is written.
 *
 * Returns: %TRUE on success
 */
gboolean
bk_journal_export_json (BkJournal  *self,
                        GFile      *file,
                        GError    **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  gboolean written;

  g_return_val_if_fail (BK_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_file_get_parse_name (file);

  if (!(stream = create_temporary_sibling (file, &tmp_file, &local_error)))
    goto failed;

  /* One read transaction, so that the file is a consistent picture of the journal. */
  if (!bk_database_begin (bk_journal_get_database (self), &local_error))
    goto failed;
  written = write_journal (self, G_OUTPUT_STREAM (stream), &local_error);
  bk_database_rollback (bk_journal_get_database (self));

  if (!written ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error) ||
      !g_file_move (tmp_file, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &local_error))
    goto failed;

  return TRUE;

failed:
  if (tmp_file != NULL)
    {
      if (stream != NULL)
        g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (tmp_file, NULL, NULL);
    }

  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: the first %s is a file name, the second what went wrong */
               _("Could not export the journal to “%s”: %s"),
               display_name, local_error->message);

  return FALSE;
}

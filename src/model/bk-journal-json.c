/* bk-journal-json.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The journal as JSON, format version 1
 *
 * One UTF-8 JSON object (a leading byte order mark is tolerated):
 *
 *   {
 *     "format" : "bridgekeeper",          required, exactly this string
 *     "version" : 1,                      required, a whole number from 1 to
 *                                         BK_JSON_FORMAT_VERSION
 *     "exported" : "2026-01-02T10:00:00Z",  written on export, ignored on import
 *     "counterparts" : [                  optional (none when missing)
 *       {
 *         "id" : "<uuid>",                optional; a new one is made when missing
 *         "name" : "…",                   required, non-empty after trimming
 *         "organization" : "…",           optional string, default ""
 *         "kind" : "client",              client | vendor; default client
 *         "email" : "…",                  optional string, default ""
 *         "phone" : "…",                  optional string, default ""
 *         "status" : "active",            active | at-risk | winding-down | handed-over |
 *                                         ended-well | ended; default active
 *         "health" : 3,                   a whole number from 1 to 5; default 3
 *         "tags" : [ "…" ],               optional list of strings
 *         "created" : "<date>",           optional; default: the time of the import
 *         "updated" : "<date>",           optional; default: created
 *         "notes" : [                     optional, oldest first on export
 *           {
 *             "id" : "<uuid>",            optional, as above
 *             "created" : "<date>",       optional; default: the time of the import
 *             "kind" : "note",            note | call | meeting | email | invoice | issue |
 *                                         reflection; default note
 *             "text" : "…",               required, not only white space
 *             "private" : false           optional boolean, default false
 *           }
 *         ]
 *       }
 *     ]
 *   }
 *
 * A member whose value is null counts as missing. Members this version does not know are
 * ignored, so that files of later versions that only add members keep importing.
 *
 * Dates are ISO 8601. Export writes UTC with a 'Z' ("2026-01-02T10:00:00Z", with a fraction of
 * a second only when there is one). Import also takes an offset ("2026-01-02T13:00:00+03:00"),
 * no zone at all (read as UTC), or a plain date ("2026-01-02", midnight UTC).
 *
 * Export writes the whole journal except the trash, private notes included (it is the person's
 * own backup), counterparts ordered by name, pretty-printed, into a temporary file beside the
 * target that is renamed over it only once everything is written.
 *
 * Import is all or nothing: the whole file is checked before anything is written, the error names
 * the file and the place ("journal.json: counterparts[2].notes[0].created: …"), and everything is
 * written in one transaction. A counterpart or note whose id is already in the journal is left as
 * it is (and counted as skipped); the notes of a skipped counterpart that are new are added to
 * the one in the journal.
 */

#define G_LOG_DOMAIN "bk-journal-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-journal-json.h"
#include "bk-journal-private.h"

#define FORMAT_NAME "bridgekeeper"
#define N_COUNTERPART_KINDS (BK_COUNTERPART_KIND_VENDOR + 1)
#define MIN_HEALTH 1
#define MAX_HEALTH 5

/* Export */

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
counterpart_to_json (BkCounterpart  *counterpart,
                     sqlite3_stmt   *notes_stmt,
                     GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
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

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  sqlite3_reset (notes_stmt);
  sqlite3_bind_int64 (notes_stmt, 1, bk_counterpart_get_id (counterpart));
  while ((rc = sqlite3_step (notes_stmt)) == SQLITE_ROW)
    {
      g_autoptr(BkNote) note = bk_journal_note_from_row (notes_stmt);

      add_note (builder, note);
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_FAILED,
                   _("Could not read the notes of “%s”: %s"),
                   bk_counterpart_get_name (counterpart),
                   sqlite3_errstr (rc));
      return NULL;
    }
  json_builder_end_array (builder);

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
  sqlite3_stmt *counterparts_stmt = NULL;
  sqlite3_stmt *notes_stmt = NULL;
  gboolean first = TRUE;
  gboolean ret = FALSE;
  int rc;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  counterparts_stmt = bk_journal_prepare (self,
                                          "SELECT " BK_COUNTERPART_COLUMNS " FROM counterparts"
                                          " WHERE trashed = 0"
                                          " ORDER BY sort_key, id",
                                          error);
  if (counterparts_stmt == NULL)
    goto out;

  notes_stmt = bk_journal_prepare (self,
                                   "SELECT " BK_NOTE_COLUMNS " FROM notes"
                                   " WHERE counterpart_id = ?1 AND trashed = 0"
                                   " ORDER BY created, id",
                                   error);
  if (notes_stmt == NULL)
    goto out;

  {
    g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), exported);

    json_generator_set_root (generator, node);
    exported_json = json_generator_to_data (generator, NULL);
  }

  g_string_append_printf (buffer,
                          "{\n"
                          "  \"format\" : \"" FORMAT_NAME "\",\n"
                          "  \"version\" : %d,\n"
                          "  \"exported\" : %s,\n"
                          "  \"counterparts\" : [",
                          BK_JSON_FORMAT_VERSION,
                          exported_json);

  while ((rc = sqlite3_step (counterparts_stmt)) == SQLITE_ROW)
    {
      g_autoptr(BkCounterpart) counterpart = bk_journal_counterpart_from_row (counterparts_stmt);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *json = NULL;

      if (!(node = counterpart_to_json (counterpart, notes_stmt, error)))
        goto out;

      json_generator_set_root (generator, node);
      json = json_generator_to_data (generator, NULL);

      g_string_append (buffer, first ? "\n    " : ",\n    ");
      append_indented (buffer, json, "    ");
      first = FALSE;

      if (!write_string (stream, buffer, error))
        goto out;
    }

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_FAILED,
                   _("Could not read the journal: %s"), sqlite3_errstr (rc));
      goto out;
    }

  g_string_append (buffer, first ? "]\n}\n" : "\n  ]\n}\n");
  ret = write_string (stream, buffer, error);

out:
  g_clear_pointer (&counterparts_stmt, sqlite3_finalize);
  g_clear_pointer (&notes_stmt, sqlite3_finalize);

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
 * Writes the whole journal, except the trash, to @file as JSON (the format is described at the
 * top of this file). @file is replaced only once everything is written.
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
  if (!bk_journal_begin (self, &local_error))
    goto failed;
  written = write_journal (self, G_OUTPUT_STREAM (stream), &local_error);
  bk_journal_rollback (self);

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

/* Import */

typedef struct
{
  BkCounterpart *counterpart;
  GPtrArray     *notes;
} ImportEntry;

static void
import_entry_free (gpointer data)
{
  ImportEntry *entry = data;

  g_clear_object (&entry->counterpart);
  g_clear_pointer (&entry->notes, g_ptr_array_unref);
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
    g_set_error (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_INVALID,
                 "%s: %s: %s", ctx->basename, place, message);
  else
    g_set_error (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_INVALID,
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

/* Only white space, as the journal sees it (which refuses such a name or note). */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
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
  if (str == NULL || is_blank (str))
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
  if (is_blank (name))
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
      g_strcmp0 (json_node_get_string (node), FORMAT_NAME) != 0)
    return set_invalid (error, ctx, "format",
                        _("this is not a Bridgekeeper export: expected “%s”."), FORMAT_NAME);

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
      return bk_journal_set_error_from_db (self, error);
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
    return bk_journal_set_error_from_db (self, error);

  sqlite3_reset (stmt);
  bk_counterpart_set_updated (counterpart, updated);

  return TRUE;
}

static gboolean
write_entries (BkJournal        *self,
               GPtrArray        *entries,
               BkImportSummary  *summary,
               GError          **error)
{
  sqlite3_stmt *counterpart_stmt = NULL;
  sqlite3_stmt *note_stmt = NULL;
  sqlite3_stmt *updated_stmt = NULL;
  gboolean ret = FALSE;

  if (!(counterpart_stmt = bk_journal_prepare (self,
                                               "SELECT id, trashed FROM counterparts"
                                               " WHERE uuid = ?1",
                                               error)) ||
      !(note_stmt = bk_journal_prepare (self,
                                        "SELECT id, trashed FROM notes WHERE uuid = ?1",
                                        error)) ||
      !(updated_stmt = bk_journal_prepare (self,
                                           "UPDATE counterparts SET updated = ?2 WHERE id = ?1",
                                           error)))
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
              continue;
            }
        }
      else
        {
          g_autoptr(GDateTime) updated = NULL;

          if (bk_counterpart_get_updated (entry->counterpart) != NULL)
            updated = g_date_time_ref (bk_counterpart_get_updated (entry->counterpart));

          if (!bk_journal_save_counterpart (self, entry->counterpart, error) ||
              (updated != NULL &&
               !restore_updated (self, updated_stmt, entry->counterpart, updated, error)))
            goto out;

          counterpart_id = bk_counterpart_get_id (entry->counterpart);
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
          if (!bk_journal_save_note (self, note, error))
            goto out;
          summary->notes_added++;
        }
    }

  ret = TRUE;

out:
  g_clear_pointer (&counterpart_stmt, sqlite3_finalize);
  g_clear_pointer (&note_stmt, sqlite3_finalize);
  g_clear_pointer (&updated_stmt, sqlite3_finalize);

  return ret;
}

/**
 * bk_journal_import_json:
 * @self: a #BkJournal
 * @file: a JSON file in the format described at the top of this file
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
        g_set_error (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_INVALID,
                     "%s:%s", basename, local_error->message + strlen ("<data>:"));
      else
        g_set_error (error, BK_JOURNAL_ERROR, BK_JOURNAL_ERROR_INVALID,
                     "%s: %s", basename, local_error->message);
      return FALSE;
    }
  g_clear_pointer (&contents, g_free);

  if (!(entries = read_document (json_parser_get_root (parser), &ctx, error)))
    return FALSE;
  g_clear_object (&parser);

  if (!bk_journal_begin (self, error))
    return FALSE;

  if (!write_entries (self, entries, summary, &local_error))
    bk_journal_rollback (self);
  else if (bk_journal_commit (self, &local_error)) /* rolls back by itself on failure */
    return TRUE;

  memset (summary, 0, sizeof *summary);
  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: the first %s is a file name, the second what went wrong */
               _("%s: could not write to the journal: %s"), basename, local_error->message);

  return FALSE;
}

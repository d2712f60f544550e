/* bk-journal-json-private.h
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The journal as JSON, format version 4
 *
 * One UTF-8 JSON object (a leading byte order mark is tolerated):
 *
 *   {
 *     "format" : "bridgekeeper",          required, exactly this string
 *     "version" : 4,                      required, a whole number from 1 to
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
 *         "keep_in_touch_days" : 30,      version 4, optional: stay in touch every so many
 *                                         days, 0 to 3650; default 0 (no rhythm)
 *         "referred_by" : "…",            version 4, optional: who referred them, as written
 *         "referred_by_id" : "<uuid>",    version 4, optional: the id of the counterpart (in
 *                                         this file or the journal) who referred them
 *         "created" : "<date>",           optional; default: the time of the import
 *         "updated" : "<date>",           optional; default: created
 *         "notes" : [                     optional, oldest first on export
 *           {
 *             "id" : "<uuid>",            optional, as above
 *             "created" : "<date>",       optional; default: the time of the import
 *             "kind" : "note",            note | call | meeting | email | invoice | issue |
 *                                         reflection | progress; default note
 *             "text" : "…",               required, not only white space
 *             "private" : false           optional boolean, default false
 *           }
 *         ],
 *         "runs" : [                      version 2, optional; oldest first on export
 *           {
 *             "id" : "<uuid>",            optional, as above
 *             "playbook" : "part-ways",   required: the id of the playbook followed
 *             "reasons" : [ "non-payment" ],  optional list of non-payment | conduct |
 *                                         overstated-skills | personality | capacity |
 *                                         mismatch | other
 *             "started" : "<date>",       optional; default: the time of the import
 *             "ended" : "<date>",         null (or missing) while the run is in progress;
 *                                         one run per counterpart at most is in progress
 *             "outcome" : "parted",       required once ended, null before: continued |
 *                                         outsourced | third-party | referred | parted
 *             "successor" : "…",          who took over; optional string, default ""
 *             "steps" : [ "acknowledge" ],  required: the playbook's step ids when the run
 *                                         started, none empty, repeated or with a comma
 *             "step_states" : [           optional: the steps done or skipped (others are
 *               {                         still to do)
 *                 "step" : "acknowledge", required, one of "steps", once
 *                 "state" : "done",       required: done | skipped
 *                 "changed" : "<date>",   optional; default: started
 *                 "note" : "…"            optional string, default ""
 *               }
 *             ]
 *           }
 *         ],
 *         "open_items" : [                version 2, optional; oldest first on export
 *           {
 *             "id" : "<uuid>",            optional, as above
 *             "kind" : "invoice",         invoice | deliverable | access | other; default other
 *             "description" : "…",        required, not only white space
 *             "amount" : 120050,          optional: a whole number of minor units (cents,
 *                                         kopecks), not negative; default 0
 *             "currency" : "EUR",         optional: three upper-case letters, or ""
 *             "created" : "<date>",       optional; default: the time of the import
 *             "settled" : "<date>"        null (or missing) while open
 *           }
 *         ],
 *         "checkins" : [                  version 2, optional; soonest first on export
 *           {
 *             "id" : "<uuid>",            optional, as above
 *             "run" : "<uuid>",           optional: the id of the run in "runs" whose end
 *                                         scheduled it
 *             "due" : "<date>",           required
 *             "done" : "<date>",          null (or missing) until ticked off
 *             "notified" : "<date>"       null (or missing) until a notification was shown
 *           }
 *         ],
 *         "credentials" : [               version 3, optional; in the order they were added.
 *           {                             The metadata of access the counterpart gave: the
 *                                         secret itself is never in the file (it stays in the
 *                                         desktop keyring)
 *             "id" : "<uuid>",            optional, as above
 *             "label" : "…",              required, not only white space
 *             "username" : "…",           optional string, default ""
 *             "url" : "…",                optional string, default ""
 *             "state" : "in-use",         in-use | handed-over | revoked; default in-use
 *             "created" : "<date>",       optional; default: the time of the import
 *             "updated" : "<date>",       optional; default: created
 *             "state_changed" : "<date>"  when it was handed over or revoked; null (or
 *                                         missing) while in use, and ignored then
 *           }
 *         ],
 *         "health_history" : [            version 3, optional; oldest first on export
 *           {
 *             "changed" : "<date>",       required
 *             "health" : 3                required, a whole number from 1 to 5
 *           }
 *         ]
 *       }
 *     ]
 *   }
 *
 * Version 2 is the same without "credentials" and "health_history", version 1 also without
 * "runs", "open_items" and "checkins"; both still import. A counterpart imported with a
 * "health_history" that is not empty gets exactly that history; without one, its history
 * starts with its health when it was created, as in the journal.
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
 * written in one transaction. A counterpart, note, run, open item, check-in or credential whose id
 * is already in the journal is left as it is (and counted as skipped); the notes, runs, open
 * items, check-ins and credentials of a skipped counterpart that are new are added to the one in
 * the journal (unless it is in the trash), except a run in progress when that counterpart has one
 * already: that is an error, and nothing is imported. A skipped counterpart keeps its own health
 * history.
 */

#define BK_JSON_FORMAT_NAME "bridgekeeper"

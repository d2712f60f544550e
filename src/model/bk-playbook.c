/* bk-playbook.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The .playbook file format
 *
 * A playbook is an XML file under data/playbooks/, compiled into the resources and read with
 * GMarkup. Its texts are English; po/ extracts them through the ITS rules in data/its/, and they
 * are translated here at load time. data/playbooks/README.md says the same for authors.
 *
 *   <playbook id="part-ways" order="20" icon="system-log-out-symbolic" outcome="parted">
 *     <name>Part Ways Cleanly</name>
 *     <summary>What the playbook is about.</summary>
 *     <summary counterpart="vendor">The same, worded for a vendor.</summary>
 *     <recommend reason="non-payment conduct">Why it fits these problems.</recommend>
 *     <recommend reason="non-payment" counterpart="vendor">…worded for a vendor.</recommend>
 *     <step id="settle" role="open-items">
 *       <title>Settle every open item</title>
 *       <description>One to three sentences on how.</description>
 *     </step>
 *     …
 *   </playbook>
 *
 * <playbook>: id (required; lower-case letters, digits and dashes; what the journal stores),
 *   outcome (required; a BkOutcome nick: continued, outsourced, third-party, referred, parted),
 *   order (where it sorts in lists, default 0), icon (a symbolic icon name).
 * <name>: exactly one. <summary>: one, plus at most one per counterpart kind.
 * <recommend>: reason is a space-separated list of BkReason nicks (non-payment, conduct,
 *   overstated-skills, personality, capacity, mismatch, other); when, a space-separated list of
 *   "question:answers" (a BkQuestion nick, then BkAnswer nicks joined by commas, such as
 *   "talked:no,unsure"), all of which must hold; rank, 1 (the best fit, the default) to 9,
 *   orders the recommendations for the reason. For a reason and the answers given, the first
 *   <recommend> that fits decides; none fitting, the playbook is not offered. Without reason,
 *   the playbook is offered for every problem, after all those that name it. A counterpart
 *   variant rewords the <recommend> just before it, and takes no reason, when or rank.
 * <step>: 4 to 8 of them, in order; id is required and unique within the playbook; role is
 *   "open-items" or "access" when the app shows the open items or the access to hand over
 *   beside the step. Each has one <title> and one <description>, plus counterpart variants.
 *
 * counterpart="client" or "vendor" marks a text worded for that kind of counterpart; the text
 * without it is used for any kind that has no variant of its own.
 *
 * Every text is looked up with g_dpgettext2 (GETTEXT_PACKAGE, "playbook", …) after collapsing
 * each run of white space to one space and trimming both ends, as xgettext does with ITS rules,
 * so that the msgid matches. Anything else (an unknown element or attribute, a missing part, a
 * duplicate, too few or too many steps) is BK_PLAYBOOK_ERROR_INVALID, naming the file and line.
 */

#define G_LOG_DOMAIN "bk-playbook"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-playbook.h"
#include "bk-playbook-library.h"

#define MIN_STEPS 4
#define MAX_STEPS 8
#define MAX_RANK 9
#define DEFAULT_ICON_NAME "view-list-ordered-symbolic"
#define TEXT_CONTEXT "playbook"
#define N_KINDS (BK_COUNTERPART_KIND_VENDOR + 1)

/* A text for any counterpart, optionally reworded for a client or a vendor; translated. */
typedef struct
{
  char *any;
  char *kind[N_KINDS];
} Wording;

typedef struct
{
  char    *id;
  char    *role;
  Wording  title;
  Wording  description;
} Step;

/* One <recommend> */
typedef struct
{
  /* BkReason bits; 0 for every problem */
  guint   reasons;
  /* for each BkQuestion, the BkAnswer bits it fits: all three unless "when" names it */
  guint8  answers[BK_N_QUESTIONS];
  guint   rank;
  Wording why;
} Rule;

#define ALL_ANSWERS ((1u << BK_N_ANSWERS) - 1)

struct _BkPlaybook
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *icon_name;
  int        order;
  BkOutcome  outcome;
  Wording    summary;
  /* Rule, in the file's order: for a problem and the answers to the questions, the first
   * that fits says how well the playbook fits, and why */
  GArray    *rules;
  GArray    *steps;
  GStrv      step_ids;
};

G_DEFINE_FINAL_TYPE (BkPlaybook, bk_playbook, G_TYPE_OBJECT)

static void
wording_clear (Wording *wording)
{
  g_clear_pointer (&wording->any, g_free);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&wording->kind[i], g_free);
}

static const char *
wording_get (const Wording     *wording,
             BkCounterpartKind  kind)
{
  if ((guint) kind < N_KINDS && wording->kind[kind] != NULL)
    return wording->kind[kind];

  return wording->any;
}

static void
rule_clear (gpointer data)
{
  Rule *rule = data;

  wording_clear (&rule->why);
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->id, g_free);
  g_clear_pointer (&step->role, g_free);
  wording_clear (&step->title);
  wording_clear (&step->description);
}

static void
bk_playbook_finalize (GObject *object)
{
  BkPlaybook *self = (BkPlaybook *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  wording_clear (&self->summary);
  g_clear_pointer (&self->rules, g_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->step_ids, g_strfreev);

  G_OBJECT_CLASS (bk_playbook_parent_class)->finalize (object);
}

static void
bk_playbook_class_init (BkPlaybookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_playbook_finalize;
}

static void
bk_playbook_init (BkPlaybook *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  self->rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  g_array_set_clear_func (self->rules, rule_clear);
}

/* Parsing */

typedef enum
{
  TEXT_NONE,
  TEXT_NAME,
  TEXT_SUMMARY,
  TEXT_RECOMMEND,
  TEXT_TITLE,
  TEXT_DESCRIPTION,
} TextKind;

typedef struct
{
  BkPlaybook          *playbook;
  const char          *file_name;
  GMarkupParseContext *context;
  GHashTable          *step_ids;

  /* The text element being read */
  TextKind             text_kind;
  GString             *text;
  int                  text_line;
  int                  counterpart;

  /* The step being read */
  gboolean             in_step;
  Step                 step;
} ParseState;

static void set_error (GError           **error,
                       const ParseState  *state,
                       const char        *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
set_error (GError           **error,
           const ParseState  *state,
           const char        *format,
           ...)
{
  g_autofree char *detail = NULL;
  va_list args;
  int line = 0;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (state->context != NULL)
    g_markup_parse_context_get_position (state->context, &line, NULL);

  g_set_error (error, BK_PLAYBOOK_ERROR, BK_PLAYBOOK_ERROR_INVALID,
               /* Translators: the first %s is a playbook file, the last what is wrong with it */
               _("%s, line %d: %s"), state->file_name, line, detail);
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
      return FALSE;

  return TRUE;
}

/* As xgettext normalises an element's text under ITS rules: each run of white space becomes one
 * space, and none is left at either end. */
static char *
normalize_white_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isspace (*c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
parse_counterpart (const ParseState  *state,
                   const char        *value,
                   int               *counterpart,
                   GError           **error)
{
  BkCounterpartKind kind;

  if (value == NULL)
    {
      *counterpart = -1;
      return TRUE;
    }

  if (!bk_counterpart_kind_from_string (value, &kind))
    {
      set_error (error, state, _("Unknown counterpart “%s”: use “client” or “vendor”."), value);
      return FALSE;
    }

  *counterpart = kind;
  return TRUE;
}

static gboolean
parse_reasons (const ParseState  *state,
               const char        *value,
               guint             *reasons,
               GError           **error)
{
  g_auto(GStrv) words = NULL;

  *reasons = 0;
  if (value == NULL)
    return TRUE;

  words = g_strsplit_set (value, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      BkReason reason;

      if (words[i][0] == '\0')
        continue;

      if (!bk_reason_from_string (words[i], &reason))
        {
          set_error (error, state,
                     _("Unknown reason “%s”: use non-payment, conduct, overstated-skills, "
                       "personality, capacity, mismatch or other."),
                     words[i]);
          return FALSE;
        }

      *reasons |= 1u << reason;
    }

  if (*reasons == 0)
    {
      set_error (error, state, _("The reason attribute is empty: leave it out to recommend the playbook for every problem."));
      return FALSE;
    }

  return TRUE;
}

/* "talked:no,unsure can-work:yes": for each question named, the answers that fit */
static gboolean
parse_when (const ParseState  *state,
            const char        *value,
            guint8            *answers,
            GError           **error)
{
  g_auto(GStrv) clauses = NULL;
  guint named = 0;

  for (guint q = 0; q < BK_N_QUESTIONS; q++)
    answers[q] = ALL_ANSWERS;
  if (value == NULL)
    return TRUE;

  clauses = g_strsplit_set (value, " \t\r\n", -1);
  for (guint i = 0; clauses[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_auto(GStrv) values = NULL;
      BkQuestion question;

      if (clauses[i][0] == '\0')
        continue;

      parts = g_strsplit (clauses[i], ":", 2);
      if (parts[1] == NULL || !bk_question_from_string (parts[0], &question))
        {
          set_error (error, state,
                     _("“%s” in when is not “question:answers”: the questions are "
                       "work-in-question, worth-keeping, best-fit, talked and can-work."),
                     clauses[i]);
          return FALSE;
        }

      if (named & (1u << question))
        {
          set_error (error, state, _("The question “%s” is named twice in when."), parts[0]);
          return FALSE;
        }
      named |= 1u << question;

      answers[question] = 0;
      values = g_strsplit (parts[1], ",", -1);
      for (guint j = 0; values[j] != NULL; j++)
        {
          BkAnswer answer;

          if (!bk_answer_from_string (values[j], &answer))
            {
              set_error (error, state, _("Unknown answer “%s”: use yes, no or unsure."), values[j]);
              return FALSE;
            }
          answers[question] |= 1u << answer;
        }
    }

  return TRUE;
}

static gboolean
check_parent (const ParseState     *state,
              GMarkupParseContext  *context,
              const char           *element_name,
              const char           *expected_parent,
              GError              **error)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next != NULL ? stack->next->data : NULL;

  if (g_strcmp0 (parent, expected_parent) == 0)
    return TRUE;

  if (expected_parent == NULL)
    set_error (error, state, _("<%s> must be the outermost element."), element_name);
  else
    set_error (error, state, _("<%s> belongs inside <%s>."), element_name, expected_parent);

  return FALSE;
}

static gboolean
collect_attributes_error (const ParseState  *state,
                          GError           **error,
                          GError            *local_error)
{
  set_error (error, state, "%s", local_error->message);
  g_error_free (local_error);
  return FALSE;
}

static void
start_text (ParseState *state,
            TextKind    kind)
{
  state->text_kind = kind;
  g_string_truncate (state->text, 0);
  g_markup_parse_context_get_position (state->context, &state->text_line, NULL);
}

static void
parse_playbook_element (ParseState   *state,
                        const char  **names,
                        const char  **values,
                        GError      **error)
{
  BkPlaybook *self = state->playbook;
  GError *local_error = NULL;
  const char *id = NULL;
  const char *order = NULL;
  const char *icon = NULL;
  const char *outcome = NULL;

  if (self->id != NULL)
    {
      set_error (error, state, _("A file holds one playbook only."));
      return;
    }

  if (!g_markup_collect_attributes ("playbook", names, values, &local_error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "outcome", &outcome,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "order", &order,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "icon", &icon,
                                    G_MARKUP_COLLECT_INVALID))
    {
      collect_attributes_error (state, error, local_error);
      return;
    }

  if (!is_valid_id (id))
    {
      set_error (error, state, _("The playbook id “%s” may only hold lower-case letters, digits and dashes."), id);
      return;
    }

  if (!bk_outcome_from_string (outcome, &self->outcome))
    {
      set_error (error, state,
                 _("Unknown outcome “%s”: use continued, outsourced, third-party, referred or parted."),
                 outcome);
      return;
    }

  if (order != NULL)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (order, 10, -10000, 10000, &value, NULL))
        {
          set_error (error, state, _("The order “%s” is not a whole number."), order);
          return;
        }
      self->order = (int) value;
    }

  self->id = g_strdup (id);
  self->icon_name = g_strdup (icon != NULL && *icon != '\0' ? icon : DEFAULT_ICON_NAME);
}

static void
parse_step_element (ParseState   *state,
                    const char  **names,
                    const char  **values,
                    GError      **error)
{
  GError *local_error = NULL;
  const char *id = NULL;
  const char *role = NULL;

  if (!g_markup_collect_attributes ("step", names, values, &local_error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "role", &role,
                                    G_MARKUP_COLLECT_INVALID))
    {
      collect_attributes_error (state, error, local_error);
      return;
    }

  if (!is_valid_id (id))
    {
      set_error (error, state, _("The step id “%s” may only hold lower-case letters, digits and dashes."), id);
      return;
    }

  if (g_hash_table_contains (state->step_ids, id))
    {
      set_error (error, state, _("Two steps have the id “%s”."), id);
      return;
    }

  if (role != NULL && g_strcmp0 (role, "open-items") != 0 && g_strcmp0 (role, "access") != 0)
    {
      set_error (error, state, _("Unknown step role “%s”: use “open-items” or “access”."), role);
      return;
    }

  if (state->playbook->steps->len >= MAX_STEPS)
    {
      set_error (error, state, _("A playbook has at most %d steps."), MAX_STEPS);
      return;
    }

  g_hash_table_add (state->step_ids, g_strdup (id));
  state->in_step = TRUE;
  state->step.id = g_strdup (id);
  state->step.role = g_strdup (role);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  GError *local_error = NULL;
  const char *counterpart = NULL;

  if (state->text_kind != TEXT_NONE)
    {
      set_error (error, state, _("<%s> may only hold text."), (const char *) g_markup_parse_context_get_element_stack (context)->next->data);
      return;
    }

  if (g_str_equal (element_name, "playbook"))
    {
      if (check_parent (state, context, element_name, NULL, error))
        parse_playbook_element (state, names, values, error);
    }
  else if (state->playbook->id == NULL)
    {
      set_error (error, state, _("The file must start with <playbook>, not <%s>."), element_name);
    }
  else if (g_str_equal (element_name, "name"))
    {
      if (check_parent (state, context, element_name, "playbook", error) &&
          g_markup_collect_attributes (element_name, names, values, &local_error,
                                       G_MARKUP_COLLECT_INVALID, NULL))
        start_text (state, TEXT_NAME);
    }
  else if (g_str_equal (element_name, "summary"))
    {
      if (check_parent (state, context, element_name, "playbook", error) &&
          g_markup_collect_attributes (element_name, names, values, &local_error,
                                       G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "counterpart", &counterpart,
                                       G_MARKUP_COLLECT_INVALID) &&
          parse_counterpart (state, counterpart, &state->counterpart, error))
        start_text (state, TEXT_SUMMARY);
    }
  else if (g_str_equal (element_name, "recommend"))
    {
      const char *reason = NULL;
      const char *when = NULL;
      const char *rank = NULL;

      if (!check_parent (state, context, element_name, "playbook", error) ||
          !g_markup_collect_attributes (element_name, names, values, &local_error,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "reason", &reason,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "when", &when,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "rank", &rank,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "counterpart", &counterpart,
                                        G_MARKUP_COLLECT_INVALID) ||
          !parse_counterpart (state, counterpart, &state->counterpart, error))
        goto out;

      /* a variant rewords the <recommend> just before it, and nothing else */
      if (state->counterpart >= 0)
        {
          if (reason != NULL || when != NULL || rank != NULL)
            {
              set_error (error, state, _("A counterpart variant of <recommend> rewords the one before it: "
                                         "it takes no reason, when or rank."));
              goto out;
            }
          if (state->playbook->rules->len == 0)
            {
              set_error (error, state, _("A counterpart variant of <recommend> has no <recommend> before it to reword."));
              goto out;
            }
        }
      else
        {
          Rule rule = { 0 };

          rule.rank = 1;
          if (!parse_reasons (state, reason, &rule.reasons, error) ||
              !parse_when (state, when, rule.answers, error))
            goto out;

          if (rank != NULL)
            {
              guint64 value;

              if (rule.reasons == 0)
                {
                  set_error (error, state, _("Only a recommendation for named reasons has a rank."));
                  goto out;
                }

              if (!g_ascii_string_to_unsigned (rank, 10, 1, MAX_RANK, &value, NULL))
                {
                  set_error (error, state, _("The rank “%s” must be a whole number from 1 to %d."), rank, MAX_RANK);
                  goto out;
                }
              rule.rank = (guint) value;
            }
          if (rule.reasons == 0)
            rule.rank = BK_PLAYBOOK_RANK_ANY;

          g_array_append_val (state->playbook->rules, rule);
        }

      start_text (state, TEXT_RECOMMEND);
    }
  else if (g_str_equal (element_name, "step"))
    {
      if (check_parent (state, context, element_name, "playbook", error))
        parse_step_element (state, names, values, error);
    }
  else if (g_str_equal (element_name, "title") || g_str_equal (element_name, "description"))
    {
      if (check_parent (state, context, element_name, "step", error) &&
          g_markup_collect_attributes (element_name, names, values, &local_error,
                                       G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "counterpart", &counterpart,
                                       G_MARKUP_COLLECT_INVALID) &&
          parse_counterpart (state, counterpart, &state->counterpart, error))
        start_text (state, g_str_equal (element_name, "title") ? TEXT_TITLE : TEXT_DESCRIPTION);
    }
  else
    {
      set_error (error, state, _("Unknown element <%s>."), element_name);
    }

out:
  if (local_error != NULL)
    collect_attributes_error (state, error, local_error);
}

/* Stores @text in the slot of @wording for the counterpart being read; FALSE when taken. */
static gboolean
wording_take (Wording *wording,
              int      counterpart,
              char    *text)
{
  char **slot = counterpart < 0 ? &wording->any : &wording->kind[counterpart];

  if (*slot != NULL)
    {
      g_free (text);
      return FALSE;
    }

  *slot = text;
  return TRUE;
}

static void
end_text (ParseState  *state,
          const char  *element_name,
          GError     **error)
{
  BkPlaybook *self = state->playbook;
  g_autofree char *msgid = normalize_white_space (state->text->str);
  TextKind kind = state->text_kind;
  gboolean unique = TRUE;
  char *text;

  state->text_kind = TEXT_NONE;

  if (*msgid == '\0')
    {
      set_error (error, state, _("<%s> has no text."), element_name);
      return;
    }

  text = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, TEXT_CONTEXT, msgid));

  switch (kind)
    {
    case TEXT_NAME:
      unique = self->name == NULL;
      if (unique)
        self->name = text;
      else
        g_free (text);
      break;

    case TEXT_SUMMARY:
      unique = wording_take (&self->summary, state->counterpart, text);
      break;

    case TEXT_TITLE:
      unique = wording_take (&state->step.title, state->counterpart, text);
      break;

    case TEXT_DESCRIPTION:
      unique = wording_take (&state->step.description, state->counterpart, text);
      break;

    case TEXT_RECOMMEND:
      unique = wording_take (&g_array_index (self->rules, Rule, self->rules->len - 1).why,
                             state->counterpart, text);
      break;

    case TEXT_NONE:
    default:
      g_assert_not_reached ();
    }

  if (!unique && kind == TEXT_NAME)
    set_error (error, state, _("<%s> is given twice."), element_name);
  else if (!unique)
    set_error (error, state, _("<%s> is given twice for the same counterpart."), element_name);
}

static void
end_step (ParseState  *state,
          GError     **error)
{
  Step *step = &state->step;

  state->in_step = FALSE;

  if (step->title.any == NULL || step->description.any == NULL)
    {
      set_error (error, state, _("The step “%s” needs a <title> and a <description> without counterpart."), step->id);
      step_clear (step);
      return;
    }

  g_array_append_val (state->playbook->steps, *step);
  *step = (Step) { 0 };
}

static void
end_playbook (ParseState  *state,
              GError     **error)
{
  BkPlaybook *self = state->playbook;

  if (self->name == NULL)
    {
      set_error (error, state, _("The playbook “%s” has no <name>."), self->id);
      return;
    }

  if (self->summary.any == NULL)
    {
      set_error (error, state, _("The playbook “%s” needs a <summary> without counterpart."), self->id);
      return;
    }

  if (self->steps->len < MIN_STEPS)
    {
      set_error (error, state, _("The playbook “%s” has %u steps; it needs %d to %d."),
                 self->id, self->steps->len, MIN_STEPS, MAX_STEPS);
      return;
    }

  self->step_ids = g_new0 (char *, self->steps->len + 1);
  for (guint i = 0; i < self->steps->len; i++)
    self->step_ids[i] = g_strdup (g_array_index (self->steps, Step, i).id);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;

  if (state->text_kind != TEXT_NONE)
    end_text (state, element_name, error);
  else if (g_str_equal (element_name, "step"))
    end_step (state, error);
  else if (g_str_equal (element_name, "playbook"))
    end_playbook (state, error);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->text_kind != TEXT_NONE)
    {
      g_string_append_len (state->text, text, text_len);
      return;
    }

  for (gsize i = 0; i < text_len; i++)
    {
      if (!g_ascii_isspace (text[i]))
        {
          set_error (error, state, _("Text belongs inside <name>, <summary>, <recommend>, <title> or <description>."));
          return;
        }
    }
}

static const GMarkupParser parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

/**
 * bk_playbook_new_from_bytes:
 * @bytes: the contents of a .playbook file
 * @file_name: the file's name or resource path, for error messages
 * @error: return location for a #GError
 *
 * Reads a playbook and translates its texts into the current language.
 *
 * Returns: (transfer full): the playbook, or %NULL with BK_PLAYBOOK_ERROR_INVALID
 */
BkPlaybook *
bk_playbook_new_from_bytes (GBytes      *bytes,
                            const char  *file_name,
                            GError     **error)
{
  g_autoptr(BkPlaybook) self = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GHashTable) step_ids = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) local_error = NULL;
  ParseState state = { 0 };
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (BK_TYPE_PLAYBOOK, NULL);
  step_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  text = g_string_new (NULL);

  state.playbook = self;
  state.file_name = file_name;
  state.step_ids = step_ids;
  state.text = text;

  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  state.context = context;

  data = g_bytes_get_data (bytes, &size);
  if (!g_markup_parse_context_parse (context, data, size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      step_clear (&state.step);

      /* Our own errors name the file and line already; GMarkup's give the position. */
      if (local_error->domain == BK_PLAYBOOK_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BK_PLAYBOOK_ERROR, BK_PLAYBOOK_ERROR_INVALID,
                     /* Translators: %s is a playbook file, then what the XML parser says is wrong */
                     _("%s is not a valid playbook: %s"), file_name, local_error->message);
      return NULL;
    }

  if (self->step_ids == NULL)
    {
      set_error (error, &state, _("The file does not hold a <playbook>."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
bk_playbook_get_id (BkPlaybook *self)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);

  return self->id;
}

const char *
bk_playbook_get_name (BkPlaybook *self)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);

  return self->name;
}

const char *
bk_playbook_get_summary (BkPlaybook        *self,
                         BkCounterpartKind  kind)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);

  return wording_get (&self->summary, kind);
}

const char *
bk_playbook_get_icon_name (BkPlaybook *self)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);

  return self->icon_name;
}

BkOutcome
bk_playbook_get_outcome (BkPlaybook *self)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), BK_OUTCOME_CONTINUED);

  return self->outcome;
}

int
bk_playbook_get_order (BkPlaybook *self)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), 0);

  return self->order;
}

guint
bk_playbook_get_n_steps (BkPlaybook *self)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), 0);

  return self->steps->len;
}

static const Step *
get_step (BkPlaybook *self,
          guint       step)
{
  return &g_array_index (self->steps, Step, step);
}

const char *
bk_playbook_get_step_id (BkPlaybook *self,
                         guint       step)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);

  return get_step (self, step)->id;
}

const char *
bk_playbook_get_step_title (BkPlaybook        *self,
                            guint              step,
                            BkCounterpartKind  kind)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);

  return wording_get (&get_step (self, step)->title, kind);
}

const char *
bk_playbook_get_step_description (BkPlaybook        *self,
                                  guint              step,
                                  BkCounterpartKind  kind)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);

  return wording_get (&get_step (self, step)->description, kind);
}

const char *
bk_playbook_get_step_role (BkPlaybook *self,
                           guint       step)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);

  return get_step (self, step)->role;
}

int
bk_playbook_find_step (BkPlaybook *self,
                       const char *step_id)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), -1);
  g_return_val_if_fail (step_id != NULL, -1);

  for (guint i = 0; i < self->steps->len; i++)
    if (g_str_equal (get_step (self, i)->id, step_id))
      return (int) i;

  return -1;
}

/* The first rule that fits @reason and @answers (NULL: every question unsure), or NULL */
static const Rule *
find_rule (BkPlaybook     *self,
           BkReason        reason,
           const BkAnswer *answers)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      const Rule *rule = &g_array_index (self->rules, Rule, i);
      gboolean fits = rule->reasons == 0 || (rule->reasons & (1u << reason)) != 0;

      for (guint q = 0; fits && q < BK_N_QUESTIONS; q++)
        fits = (rule->answers[q] & (1u << (answers != NULL ? answers[q] : BK_ANSWER_UNSURE))) != 0;

      if (fits)
        return rule;
    }

  return NULL;
}

/**
 * bk_playbook_get_rank:
 * @answers: (array fixed-size=5) (nullable): the answer to each BkQuestion; %NULL when none
 *   was given
 *
 * How well the playbook fits this problem, as the first of its recommendations that fits the
 * problem and the answers ranks it: 0 not at all, 1 (best) to 9, %BK_PLAYBOOK_RANK_ANY when it
 * is offered for every problem.
 */
guint
bk_playbook_get_rank (BkPlaybook     *self,
                      BkReason        reason,
                      const BkAnswer *answers)
{
  const Rule *rule;

  g_return_val_if_fail (BK_IS_PLAYBOOK (self), 0);
  g_return_val_if_fail ((guint) reason < BK_N_REASONS, 0);

  rule = find_rule (self, reason, answers);

  return rule != NULL ? rule->rank : 0;
}

/* Why it fits, worded for @kind, or NULL when it does not (see bk_playbook_get_rank()) */
const char *
bk_playbook_get_why (BkPlaybook        *self,
                     BkReason           reason,
                     const BkAnswer    *answers,
                     BkCounterpartKind  kind)
{
  const Rule *rule;

  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);
  g_return_val_if_fail ((guint) reason < BK_N_REASONS, NULL);

  rule = find_rule (self, reason, answers);

  return rule != NULL ? wording_get (&rule->why, kind) : NULL;
}

/* Whether the playbook is a way out that the app offers: one with any <recommend>. One without
 * (Reflect, which runs in older journals follow) is read for those runs, and never offered;
 * ending it changes nothing but the run. */
gboolean
bk_playbook_is_way_out (BkPlaybook *self)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), FALSE);

  return self->rules->len > 0;
}

const char * const *
bk_playbook_get_step_ids (BkPlaybook *self)
{
  g_return_val_if_fail (BK_IS_PLAYBOOK (self), NULL);

  return (const char * const *) self->step_ids;
}

/* bk-step-row.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-format.h"
#include "bk-step-row.h"

struct _BkStepRow
{
  AdwExpanderRow  parent_instance;

  BkRunStep      *step;
  guint           n_remaining;

  GtkCheckButton *check;
  GtkLabel       *description_label;
  AdwBin         *extra_bin;
  GtkEditable    *note_entry;
  GtkWidget      *skip_button;
  GtkWidget      *reopen_button;
};

G_DEFINE_FINAL_TYPE (BkStepRow, bk_step_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_STEP,
  PROP_N_REMAINING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the step settles something that can be counted, and so says what remains */
static gboolean
settles_things (BkRunStep *step)
{
  const char *role = bk_run_step_get_role (step);

  return g_strcmp0 (role, "open-items") == 0 || g_strcmp0 (role, "access") == 0;
}

static char *
dup_subtitle (BkStepRow *self)
{
  GDateTime *changed = bk_run_step_get_changed (self->step);
  g_autofree char *date = changed != NULL ? bk_format_date (changed) : NULL;

  switch (bk_run_step_get_state (self->step))
    {
    case BK_STEP_STATE_DONE:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Done on %s"), date);

    case BK_STEP_STATE_SKIPPED:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Skipped on %s"), date);

    case BK_STEP_STATE_OPEN:
    default:
      if (!settles_things (self->step))
        return g_strdup ("");

      if (self->n_remaining == 0)
        return g_strdup (_("Nothing left to settle"));

      return g_strdup_printf (ngettext ("%u open item remains", "%u open items remain", self->n_remaining),
                              self->n_remaining);
    }
}

/* The step's state as the row shows it: the check box follows the step, not the other way */
static void
update_state (BkStepRow *self)
{
  BkStepState state;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible_label = NULL;

  if (self->step == NULL)
    return;

  state = bk_run_step_get_state (self->step);
  subtitle = dup_subtitle (self);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  /* Translators: what a screen reader says for a playbook step: "2. Settle every open item, Done" */
  accessible_label = g_strdup_printf (_("%s, %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), subtitle);
  bk_accessible_name_expander_row (GTK_WIDGET (self), accessible_label);
  gtk_check_button_set_active (self->check, state == BK_STEP_STATE_DONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check), state != BK_STEP_STATE_SKIPPED);
  gtk_widget_set_visible (self->skip_button, state == BK_STEP_STATE_OPEN);
  gtk_widget_set_visible (self->reopen_button, state != BK_STEP_STATE_OPEN);

  if (state == BK_STEP_STATE_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "step-done");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "step-done");

  if (state == BK_STEP_STATE_SKIPPED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "step-skipped");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "step-skipped");
}

static void
update_note (BkStepRow *self)
{
  if (self->step != NULL)
    gtk_editable_set_text (self->note_entry, bk_run_step_get_note (self->step));
}

/* Asks the view to put the step in @state, with the note as typed */
static void
request_state (BkStepRow   *self,
               BkStepState  state)
{
  g_autoptr(BkStepRow) hold = g_object_ref (self);

  if (self->step == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "resolution.set-step-state", "(sus)",
                              bk_run_step_get_step_id (self->step), (guint32) state,
                              gtk_editable_get_text (self->note_entry));

  /* Unchanged when the journal refused it: show the step as it is again. */
  update_state (self);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     BkStepRow      *self)
{
  gboolean active = gtk_check_button_get_active (check);

  if (self->step == NULL || active == (bk_run_step_get_state (self->step) == BK_STEP_STATE_DONE))
    return;

  request_state (self, active ? BK_STEP_STATE_DONE : BK_STEP_STATE_OPEN);
}

static void
on_note_entry_activate_cb (GtkEntry  *entry,
                           BkStepRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "step.save-note", NULL);
}

static void
state_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BkStepRow *self = BK_STEP_ROW (widget);
  BkStepState state;

  if (self->step == NULL)
    return;

  if (g_str_equal (action_name, "step.done"))
    state = BK_STEP_STATE_DONE;
  else if (g_str_equal (action_name, "step.skip"))
    state = BK_STEP_STATE_SKIPPED;
  else if (g_str_equal (action_name, "step.reopen"))
    state = BK_STEP_STATE_OPEN;
  else
    {
      /* Enter in the note of an open step means: done, with this note. */
      state = bk_run_step_get_state (self->step);
      if (state == BK_STEP_STATE_OPEN)
        state = BK_STEP_STATE_DONE;
    }

  request_state (self, state);
}

static void
bk_step_row_constructed (GObject *object)
{
  BkStepRow *self = BK_STEP_ROW (object);
  g_autofree char *title = NULL;
  g_autofree char *check_label = NULL;

  G_OBJECT_CLASS (bk_step_row_parent_class)->constructed (object);

  g_return_if_fail (self->step != NULL);

  /* Translators: a playbook step's number and title, "2. Settle every open item" */
  title = g_strdup_printf (_("%u. %s"), bk_run_step_get_index (self->step) + 1, bk_run_step_get_title (self->step));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* A screen reader hears which step the check box ticks, not only "Done" */
  check_label = g_strdup_printf (_("Done: %s"), bk_run_step_get_title (self->step));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  gtk_label_set_text (self->description_label, bk_run_step_get_description (self->step));
  /* The tests and the benchmark find a step's check box by the step's id. */
  gtk_widget_set_name (GTK_WIDGET (self->check), bk_run_step_get_step_id (self->step));

  update_state (self);
  update_note (self);

  g_signal_connect_object (self->step, "notify::state", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->step, "notify::changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->step, "notify::note", G_CALLBACK (update_note), self, G_CONNECT_SWAPPED);
}

static void
bk_step_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkStepRow *self = BK_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_object (value, self->step);
      break;

    case PROP_N_REMAINING:
      g_value_set_uint (value, self->n_remaining);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_step_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BkStepRow *self = BK_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      self->step = g_value_dup_object (value);
      break;

    case PROP_N_REMAINING:
      bk_step_row_set_n_remaining (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_step_row_dispose (GObject *object)
{
  BkStepRow *self = (BkStepRow *)object;

  if (self->step != NULL)
    g_signal_handlers_disconnect_by_data (self->step, self);
  g_clear_object (&self->step);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_STEP_ROW);

  G_OBJECT_CLASS (bk_step_row_parent_class)->dispose (object);
}

static void
bk_step_row_class_init (BkStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_step_row_constructed;
  object_class->dispose = bk_step_row_dispose;
  object_class->get_property = bk_step_row_get_property;
  object_class->set_property = bk_step_row_set_property;

  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL,
                         BK_TYPE_RUN_STEP,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_REMAINING] =
    g_param_spec_uint ("n-remaining", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bk-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkStepRow, check);
  gtk_widget_class_bind_template_child (widget_class, BkStepRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, BkStepRow, extra_bin);
  gtk_widget_class_bind_template_child (widget_class, BkStepRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, BkStepRow, skip_button);
  gtk_widget_class_bind_template_child (widget_class, BkStepRow, reopen_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "step.done", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "step.skip", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "step.reopen", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "step.save-note", NULL, state_action);
}

static void
bk_step_row_init (BkStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_fix_mnemonics (GTK_WIDGET (self));
}

BkStepRow *
bk_step_row_new (BkRunStep *step)
{
  g_return_val_if_fail (BK_IS_RUN_STEP (step), NULL);

  return g_object_new (BK_TYPE_STEP_ROW, "step", step, NULL);
}

BkRunStep *
bk_step_row_get_step (BkStepRow *self)
{
  g_return_val_if_fail (BK_IS_STEP_ROW (self), NULL);

  return self->step;
}

void
bk_step_row_set_n_remaining (BkStepRow *self,
                             guint      n_remaining)
{
  g_return_if_fail (BK_IS_STEP_ROW (self));

  if (self->n_remaining == n_remaining)
    return;

  self->n_remaining = n_remaining;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REMAINING]);
}

void
bk_step_row_set_extra (BkStepRow *self,
                       GtkWidget *extra)
{
  g_return_if_fail (BK_IS_STEP_ROW (self));
  g_return_if_fail (extra == NULL || GTK_IS_WIDGET (extra));

  adw_bin_set_child (self->extra_bin, extra);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_bin), extra != NULL);
}

void
bk_step_row_focus_check (BkStepRow *self)
{
  g_return_if_fail (BK_IS_STEP_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->check));
}

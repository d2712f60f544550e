/* bk-accessible.c: what a screen reader hears where GTK has nothing to say
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-accessible.h"

/* "_Save" as it reads: without the underscore that marks the mnemonic ("__" is one "_") */
static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *c = label; *c != '\0'; c++)
    {
      if (*c == '_' && c[1] != '\0')
        c++;
      g_string_append_c (text, *c);
    }

  return g_string_free (text, FALSE);
}

/* GTK 4.8 reads a button with a mnemonic twice, "_Save Save": its raw label with the underscore,
 * then the label inside, which names the button already; and a check box as "_Private". This
 * mends every button and check box in widget's tree; call it once a template or a button is
 * built. */
void
bk_accessible_fix_mnemonics (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)) &&
           gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    {
      g_autofree char *label = strip_mnemonic (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bk_accessible_fix_mnemonics (child);
}

/* Names a button with a mnemonic by more than its label ("Start" → "Start Talk It Through"): the
 * label inside would otherwise still be read after the name. */
void
bk_accessible_name_button (GtkWidget  *button,
                           const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (label != NULL);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Names the list item a row of a GtkListView sits in: that item, not the row, is what takes focus
 * and what a screen reader reads, and GTK names it by nothing. (GTK 4.12 has
 * gtk_list_item_set_accessible_label(); the row does not know its GtkListItem, and the label
 * follows the row's own updates, so the row names its parent on every GTK.) A row not in a list
 * yet is named once it is bound. */
void
bk_accessible_name_list_row (GtkWidget  *row,
                             const char *label)
{
  GtkWidget *item;

  g_return_if_fail (GTK_IS_WIDGET (row));

  if ((item = gtk_widget_get_parent (row)) == NULL)
    return;

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* Names a drop-down and the button inside it, which is what takes focus: GTK 4.8 gives that
 * button no name of its own (a screen reader hears "GtkToggleButton"). */
void
bk_accessible_name_drop_down (GtkDropDown *drop_down,
                              const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
name_list_box_rows (GtkWidget  *widget,
                    const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      name_list_box_rows (child, label);
    }
}

/* Names an expander row, the header row inside it, which is what takes focus, and the row that
 * holds what it reveals: libadwaita 1.2 names none of them. */
void
bk_accessible_name_expander_row (GtkWidget  *row,
                                 const char *label)
{
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  name_list_box_rows (row, label);
}

GtkWidget *
bk_accessible_new_decoration (const char *icon_name)
{
  g_return_val_if_fail (icon_name != NULL, NULL);

  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

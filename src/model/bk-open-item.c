/* bk-open-item.c
 *
 * Copyright 2026 The Bridgekeeper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-open-item"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bk-open-item.h"
#include "bk-value-private.h"

/* Amounts are kept in hundredths of the currency unit. */
#define MINOR_PER_UNIT 100
/* Far above any invoice, far below what a gint64 of minor units holds */
#define MAX_INTEGER_DIGITS 13

struct _BkOpenItem
{
  GObject         parent_instance;

  gint64          id;
  gint64          counterpart_id;
  gint64          amount;
  char           *uuid;
  char           *description;
  char           *currency;
  GDateTime      *created;
  GDateTime      *settled;
  BkOpenItemKind  kind;
};

G_DEFINE_FINAL_TYPE (BkOpenItem, bk_open_item, G_TYPE_OBJECT)

static void
bk_open_item_finalize (GObject *object)
{
  BkOpenItem *self = (BkOpenItem *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->settled, g_date_time_unref);

  G_OBJECT_CLASS (bk_open_item_parent_class)->finalize (object);
}

static void
bk_open_item_class_init (BkOpenItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_open_item_finalize;
}

static void
bk_open_item_init (BkOpenItem *self)
{
  self->uuid = g_strdup ("");
  self->description = g_strdup ("");
  self->currency = g_strdup ("");
  /* the journal keeps whole seconds: an item reads back equal */
  self->created = bk_date_time_new_now_whole_seconds ();
  self->kind = BK_OPEN_ITEM_KIND_INVOICE;
}

BkOpenItem *
bk_open_item_new (void)
{
  return g_object_new (BK_TYPE_OPEN_ITEM, NULL);
}

/* A new item with the same fields, for editing without touching the one a list shows */
BkOpenItem *
bk_open_item_copy (BkOpenItem *self)
{
  BkOpenItem *copy;

  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), NULL);

  copy = bk_open_item_new ();
  copy->id = self->id;
  copy->counterpart_id = self->counterpart_id;
  copy->amount = self->amount;
  copy->kind = self->kind;
  bk_open_item_set_uuid (copy, self->uuid);
  bk_open_item_set_description (copy, self->description);
  bk_open_item_set_currency (copy, self->currency);
  bk_open_item_set_created (copy, self->created);
  bk_open_item_set_settled (copy, self->settled);

  return copy;
}

gint64
bk_open_item_get_id (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), 0);

  return self->id;
}

void
bk_open_item_set_id (BkOpenItem *self,
                     gint64      id)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));
  g_return_if_fail (id >= 0);

  self->id = id;
}

const char *
bk_open_item_get_uuid (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), NULL);

  return self->uuid;
}

void
bk_open_item_set_uuid (BkOpenItem *self,
                       const char *uuid)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));

  bk_set_string (&self->uuid, uuid);
}

gint64
bk_open_item_get_counterpart_id (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), 0);

  return self->counterpart_id;
}

void
bk_open_item_set_counterpart_id (BkOpenItem *self,
                                 gint64      counterpart_id)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));

  self->counterpart_id = counterpart_id;
}

BkOpenItemKind
bk_open_item_get_kind (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), BK_OPEN_ITEM_KIND_OTHER);

  return self->kind;
}

void
bk_open_item_set_kind (BkOpenItem     *self,
                       BkOpenItemKind  kind)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));
  g_return_if_fail (kind < BK_N_OPEN_ITEM_KINDS);

  self->kind = kind;
}

const char *
bk_open_item_get_description (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), NULL);

  return self->description;
}

/* Kept as given; the journal trims it when saving. */
void
bk_open_item_set_description (BkOpenItem *self,
                              const char *description)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));

  bk_set_string (&self->description, description);
}

gint64
bk_open_item_get_amount (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), 0);

  return self->amount;
}

/* Not checked here: the journal refuses a negative amount when saving, with a message. */
void
bk_open_item_set_amount (BkOpenItem *self,
                         gint64      amount)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));

  self->amount = amount;
}

const char *
bk_open_item_get_currency (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), NULL);

  return self->currency;
}

/* Kept as given; the journal trims it, makes it upper case and checks it when saving. */
void
bk_open_item_set_currency (BkOpenItem *self,
                           const char *currency)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));

  bk_set_string (&self->currency, currency);
}

GDateTime *
bk_open_item_get_created (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), NULL);

  return self->created;
}

void
bk_open_item_set_created (BkOpenItem *self,
                          GDateTime  *created)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));
  g_return_if_fail (created != NULL);

  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = bk_date_time_dup_whole_seconds (created);
}

GDateTime *
bk_open_item_get_settled (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), NULL);

  return self->settled;
}

void
bk_open_item_set_settled (BkOpenItem *self,
                          GDateTime  *settled)
{
  g_return_if_fail (BK_IS_OPEN_ITEM (self));

  g_clear_pointer (&self->settled, g_date_time_unref);
  self->settled = bk_date_time_dup_whole_seconds (settled);
}

gboolean
bk_open_item_is_settled (BkOpenItem *self)
{
  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), FALSE);

  return self->settled != NULL;
}

/* The integer part with the locale's thousands separator, in groups of three */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *separator)
{
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* The common currencies' symbols and how many decimals they are written with (ISO 4217's
 * minor units); any other is written with its code and two decimals. */
static const struct {
  const char *code;
  const char *symbol;
  guint       digits;
} currencies[] = {
  { "AUD", "A$", 2 },
  { "BRL", "R$", 2 },
  { "CAD", "CA$", 2 },
  { "CNY", "CN¥", 2 },
  { "EUR", "€", 2 },
  { "GBP", "£", 2 },
  { "ILS", "₪", 2 },
  { "INR", "₹", 2 },
  { "JPY", "¥", 0 },
  { "KRW", "₩", 0 },
  { "KZT", "₸", 2 },
  { "RUB", "₽", 2 },
  { "TRY", "₺", 2 },
  { "UAH", "₴", 2 },
  { "USD", "$", 2 },
  { "VND", "₫", 0 },
};

static const char *
currency_symbol (const char *code,
                 guint      *digits)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_str_equal (currencies[i].code, code))
        {
          *digits = currencies[i].digits;
          return currencies[i].symbol;
        }
    }

  *digits = 2;
  return NULL;
}

static const char *
nonempty_or (const char *text,
             const char *fallback)
{
  return text != NULL && text[0] != '\0' ? text : fallback;
}

/**
 * bk_open_item_dup_amount_text:
 *
 * Returns: (nullable): the amount as the person's locale writes money (LC_MONETARY): its
 *   decimal point and thousands separator, the currency's symbol before or after the number,
 *   and as many decimals as the currency has: "$1,200.50", "96 000,00 ₽", "¥96,000". In a
 *   locale without money conventions (C) the code follows: "1200.50 EUR". %NULL when the item
 *   has no amount.
 */
char *
bk_open_item_dup_amount_text (BkOpenItem *self)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *units = NULL;
  const struct lconv *conv;
  const char *point;
  const char *separator;
  const char *symbol = NULL;
  gboolean conventions;
  gboolean alphabetic;
  guint digits = 2;
  gint64 whole;

  g_return_val_if_fail (BK_IS_OPEN_ITEM (self), NULL);

  if (self->amount <= 0)
    return NULL;

  conv = localeconv ();
  /* C and POSIX leave the money fields empty, and p_cs_precedes at CHAR_MAX */
  conventions = conv->p_cs_precedes != CHAR_MAX;
  point = nonempty_or (conv->mon_decimal_point, nonempty_or (conv->decimal_point, "."));
  /* a locale without grouping (C) has no separator, and gets none */
  separator = conv->mon_grouping != NULL && conv->mon_grouping[0] > 0 &&
              conv->mon_grouping[0] != CHAR_MAX ? nonempty_or (conv->mon_thousands_sep, "") : "";

  if (self->currency[0] != '\0')
    symbol = currency_symbol (self->currency, &digits);
  if (!conventions || symbol == NULL)
    symbol = self->currency[0] != '\0' ? self->currency : NULL;

  /* Amounts are kept in hundredths: a currency without minor units rounds to its unit. */
  if (digits == 0)
    whole = (self->amount + MINOR_PER_UNIT / 2) / MINOR_PER_UNIT;
  else
    whole = self->amount / MINOR_PER_UNIT;

  units = g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  text = g_string_new (NULL);
  append_grouped (text, units, separator);
  if (digits > 0)
    g_string_append_printf (text, "%s%02d", point, (int) (self->amount % MINOR_PER_UNIT));

  if (symbol == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  /* A code is set apart by a space whatever the locale says ("CHF 5.00"); the space is one
   * that never breaks the amount over two lines. */
  alphabetic = g_ascii_isalpha (symbol[strlen (symbol) - 1]) && g_ascii_isalpha (symbol[0]);
  if (conventions && conv->p_cs_precedes == 1)
    {
      if (conv->p_sep_by_space == 1 || alphabetic)
        g_string_prepend (text, "\u00a0");
      g_string_prepend (text, symbol);
    }
  else
    {
      g_string_append (text, conventions ? "\u00a0" : " ");
      g_string_append (text, symbol);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef enum
{
  SEPARATOR_NONE,
  SEPARATOR_POINT,
  SEPARATOR_COMMA,
  SEPARATOR_APOSTROPHE,
  SEPARATOR_SPACE,
} Separator;

static Separator
separator_of (gunichar c)
{
  switch (c)
    {
    case '.':
      return SEPARATOR_POINT;
    case ',':
      return SEPARATOR_COMMA;
    case '\'':
    case 0x2019: /* ’ */
      return SEPARATOR_APOSTROPHE;
    case ' ':
    case 0x00A0: /* no-break space */
    case 0x2009: /* thin space */
    case 0x202F: /* narrow no-break space */
      return SEPARATOR_SPACE;
    default:
      return SEPARATOR_NONE;
    }
}

/**
 * bk_parse_amount:
 * @text: what a person typed
 * @amount: (out): the amount in minor units
 *
 * Reads "1200", "1200.5", "1200,50", "1 200,50", "1,200.50" or "1.200,50". A point or comma
 * followed by one or two final digits is the decimal separator; any other separator groups
 * thousands (three digits a group, all groups with the same separator). Signs, letters and
 * anything else make it not an amount.
 *
 * Returns: %TRUE when @text is an amount
 */
gboolean
bk_parse_amount (const char *text,
                 gint64     *amount)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GArray) separators = NULL;
  g_autoptr(GString) run = NULL;
  g_autoptr(GString) integer = NULL;
  g_autofree char *stripped = NULL;
  Separator decimal = SEPARATOR_NONE;
  Separator grouping = SEPARATOR_NONE;
  const char *fraction = "";
  guint n_integer_runs;
  gint64 value;

  g_return_val_if_fail (amount != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* g_strstrip() knows ASCII spaces only */
  stripped = g_strdup (text);
  {
    char *start = stripped;
    char *end = stripped + strlen (stripped);

    while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
      start = g_utf8_next_char (start);
    while (end > start)
      {
        char *prev = g_utf8_prev_char (end);

        if (!g_unichar_isspace (g_utf8_get_char (prev)))
          break;
        end = prev;
      }
    *end = '\0';
    memmove (stripped, start, end - start + 1);
  }

  /* digits runs, and the one separator between each two */
  runs = g_ptr_array_new_with_free_func (g_free);
  separators = g_array_new (FALSE, FALSE, sizeof (Separator));
  run = g_string_new (NULL);

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      Separator separator;

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (run, (char) c);
          continue;
        }

      separator = separator_of (c);
      if (separator == SEPARATOR_NONE || run->len == 0)
        return FALSE;

      g_ptr_array_add (runs, g_strdup (run->str));
      g_array_append_val (separators, separator);
      g_string_truncate (run, 0);
    }

  if (run->len == 0)
    return FALSE;
  g_ptr_array_add (runs, g_strdup (run->str));

  n_integer_runs = runs->len;

  if (separators->len > 0)
    {
      Separator last = g_array_index (separators, Separator, separators->len - 1);
      const char *last_run = g_ptr_array_index (runs, runs->len - 1);

      if ((last == SEPARATOR_POINT || last == SEPARATOR_COMMA) && strlen (last_run) <= 2)
        {
          decimal = last;
          fraction = last_run;
          n_integer_runs--;
        }
    }

  integer = g_string_new (NULL);
  for (guint i = 0; i < n_integer_runs; i++)
    {
      const char *digits = g_ptr_array_index (runs, i);
      gsize len = strlen (digits);

      if (i > 0)
        {
          Separator separator = g_array_index (separators, Separator, i - 1);

          if (separator == decimal || (grouping != SEPARATOR_NONE && separator != grouping))
            return FALSE;
          grouping = separator;

          if (len != 3 || strlen (g_ptr_array_index (runs, 0)) > 3)
            return FALSE;
        }

      g_string_append (integer, digits);
    }

  /* leading zeros say nothing */
  while (integer->len > 1 && integer->str[0] == '0')
    g_string_erase (integer, 0, 1);

  if (integer->len > MAX_INTEGER_DIGITS)
    return FALSE;

  value = g_ascii_strtoll (integer->str, NULL, 10) * MINOR_PER_UNIT;
  if (fraction[0] != '\0')
    value += g_ascii_strtoll (fraction, NULL, 10) * (fraction[1] != '\0' ? 1 : 10);

  *amount = value;

  return TRUE;
}

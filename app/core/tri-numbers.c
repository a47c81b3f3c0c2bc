/* tri-numbers.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tri-numbers.h"

/* Numbers as the versions of a report write them: "1,250", "1 250" and
 * "1 250" are one number; "2.5" and "2,5" another. Shared by the aligner
 * (numbers are its strongest cross-language evidence) and the checks
 * (a number that differs between versions). */

/**
 * tri_number_read:
 * @p: the first digit of a number
 * @out: where its normalised value goes ("1250", "2.5")
 *
 * Reads a number token: digit groups joined by thousands separators
 * ("1,250", "1 250", "1 250") or a decimal point ("2.5", "2,5").
 *
 * Returns: the byte just past it
 */
const char *
tri_number_read (const char *p,
                 GString    *out)
{
  const char *q = p;
  guint group = 0;
  gboolean decimal = FALSE;

  while (g_ascii_isdigit (*q))
    {
      g_string_append_c (out, *q++);
      group++;
    }

  for (;;)
    {
      const char *sep = q;
      gsize sep_len = 0;
      guint digits = 0;

      if (*sep == ',' || *sep == '.' || *sep == ' ' || *sep == '\'')
        sep_len = 1;
      else if (g_str_has_prefix (sep, "\xC2\xA0"))      /* NBSP */
        sep_len = 2;
      else if (g_str_has_prefix (sep, "\xE2\x80\xAF"))  /* narrow NBSP */
        sep_len = 3;
      if (sep_len == 0)
        break;

      while (g_ascii_isdigit (sep[sep_len + digits]))
        digits++;
      if (digits == 0)
        break;

      if (digits == 3 && group <= 3 && !decimal && (group > 0))
        {
          /* a thousands separator */
          g_string_append_len (out, sep + sep_len, 3);
          q = sep + sep_len + 3;
          group = 3;
          continue;
        }

      if ((*sep == ',' || *sep == '.') && !decimal)
        {
          g_string_append_c (out, '.');
          g_string_append_len (out, sep + sep_len, digits);
          q = sep + sep_len + digits;
          decimal = TRUE;
          continue;
        }
      break;
    }

  return q;
}

/**
 * tri_numbers_find:
 * @text: UTF-8 text
 * @start: where to look from, in bytes
 * @end: where to stop
 *
 * Returns: (transfer full) (element-type TriNumber): the numbers of
 *   text[@start, @end), in order; free with tri_numbers_free()
 */
GArray *
tri_numbers_find (const char *text,
                  gsize       start,
                  gsize       end)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (TriNumber));
  g_autoptr(GString) value = g_string_new (NULL);
  const char *p = text + start;

  while (p < text + end && *p != '\0')
    {
      /* A number starts at a digit that does not go on a word (A4, 5G). */
      if (g_ascii_isdigit (*p) &&
          (p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)))))
        {
          TriNumber number;
          const char *q;

          g_string_truncate (value, 0);
          q = tri_number_read (p, value);
          if (q > text + end)
            break;
          if (!g_unichar_isalpha (g_utf8_get_char (q)))
            {
              number.start = (gsize)(p - text);
              number.end = (gsize)(q - text);
              number.value = g_strdup (value->str);
              g_array_append_val (numbers, number);
            }
          p = q;
          continue;
        }
      p = g_utf8_next_char (p);
    }
  return numbers;
}

/**
 * tri_numbers_free:
 * @numbers: (element-type TriNumber): numbers from tri_numbers_find()
 */
void
tri_numbers_free (GArray *numbers)
{
  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    g_free (g_array_index (numbers, TriNumber, i).value);
  if (numbers != NULL)
    g_array_unref (numbers);
}

/* tri-json.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-error.h"
#include "tri-json.h"

/* json-glib's parser recurses once per nested array or object: 100,000
 * of them overflow the stack. The nesting is counted first, outside
 * strings, and a text nested deeper than TRI_JSON_MAX_DEPTH is refused
 * before json-glib sees it; so is a NUL character in a string, and text
 * after the first object or array — or after a first number, string or
 * literal: json-glib 1.6 takes `4["x"]` as 4, and leaks the array. */
static gboolean
check_depth (const char  *data,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE, closed = FALSE;
  gboolean scalar = FALSE;  /* a number, string or literal at the top */
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 5 < length && memcmp (data + i + 1, "u0000", 5) == 0)
            {
              /* Text is kept as C strings: the rest would be lost. */
              g_set_error_literal (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                                   _("a text holds a NUL character (\\u0000)"));
              return FALSE;
            }
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if ((closed && !g_ascii_isspace (c)) ||
               (scalar && depth == 0 && (c == '"' || c == '[' || c == '{')))
        {
          /* json-glib reads the first value and drops the rest. */
          g_set_error_literal (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                               _("it holds more than one JSON value (one object a line is expected)"));
          return FALSE;
        }
      else if (c == '"')
        {
          in_string = TRUE;
          scalar = scalar || depth == 0;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > TRI_JSON_MAX_DEPTH)
            {
              g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT,
                           _("arrays and objects are nested more than %d deep"), TRI_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        closed = --depth == 0;
      else if (depth == 0 && !g_ascii_isspace (c))
        scalar = TRUE;
    }
  return TRUE;
}

/**
 * tri_json_parse:
 * @parser: a #JsonParser
 * @data: (array length=length) (nullable): JSON text, %NULL when @length is 0
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * json_parser_load_from_data() for untrusted text: bounded nesting, no
 * NUL byte (json-glib would stop there and drop the rest), and an error
 * set whenever it fails.
 *
 * Returns: whether @data was parsed
 */
gboolean
tri_json_parse (JsonParser  *parser,
                const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT, _("it is empty"));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT, _("it holds a NUL byte"));
      return FALSE;
    }
  if (length > G_MAXSSIZE || !check_depth (data, length, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, (gssize)length, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, TRI_IO_ERROR, TRI_IO_ERROR_CORRUPT, _("it is not valid JSON"));
      return FALSE;
    }
  return TRUE;
}

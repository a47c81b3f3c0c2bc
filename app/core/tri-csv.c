/* tri-csv.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tri-csv.h"

/* RFC 4180 comma-separated values, written by the check report and the
 * export, read by the import. Neither GLib nor libxml2 nor ICU has them:
 * CRLF line ends, fields with a comma, a quotation mark or a line break
 * quoted, quotation marks doubled. */

/**
 * tri_csv_append_field:
 * @out: where to write
 * @field: a field's text (UTF-8)
 * @last: whether it ends its record
 *
 * Appends @field, quoted where RFC 4180 wants it, then a comma or, for the
 * last field of a record, CRLF.
 */
void
tri_csv_append_field (GString    *out,
                      const char *field,
                      gboolean    last)
{
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);

  g_string_append (out, last ? "\r\n" : ",");
}

/**
 * tri_csv_parse_record:
 * @cursor: (inout): where the record starts; moved past its line end
 * @end: the end of the text
 * @line: (inout): the line number at @cursor, counted on over the line
 *   breaks the record holds
 * @problem: (out) (nullable): set to what is wrong with the record (a
 *   translated message), or %NULL
 *
 * Reads one record. Line ends may be CRLF or LF; line breaks inside quoted
 * fields are kept as they are. RFC 4180 is kept strictly, so that no text
 * is read other than as written: a quoted field that is not closed, text
 * after a closing quotation mark ("a"junk) and a quotation mark inside an
 * unquoted field (a"b) are problems, the record still returned.
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the fields, or
 *   %NULL at the end of the text
 */
GPtrArray *
tri_csv_parse_record (const char **cursor,
                      const char  *end,
                      gsize       *line,
                      const char **problem)
{
  const char *p = *cursor;
  GPtrArray *fields;
  GString *field;

  *problem = NULL;
  if (p >= end)
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  for (;;)
    {
      if (p < end && *p == '"' && field->len == 0)
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  *problem = _("a quoted field is not closed");
                  break;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                (*line)++;
              g_string_append_c (field, *p++);
            }
          if (p < end && *p != ',' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n') &&
              *problem == NULL)
            *problem = _("a quoted field has text after its closing quotation mark");
        }

      while (p < end && *p != ',' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n'))
        {
          if (*p == '"' && *problem == NULL)
            *problem = _("a quotation mark in a field that is not quoted (quote the field and double the mark)");
          g_string_append_c (field, *p++);
        }

      g_ptr_array_add (fields, g_string_free (field, FALSE));
      field = NULL;

      if (p >= end)
        break;
      if (*p == ',')
        {
          p++;
          field = g_string_new (NULL);
          continue;
        }
      p += *p == '\r' ? 2 : 1;
      (*line)++;
      break;
    }

  *cursor = p;
  return fields;
}

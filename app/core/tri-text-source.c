/* tri-text-source.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-text-source"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "tri-error.h"
#include "tri-format.h"
#include "tri-text-source.h"

/* How much of a file the binary check and the detectors look at. */
#define SNIFF_LENGTH (64 * 1024)

/* The single-byte Cyrillic encodings our users meet. ICU's detector cannot
 * tell KOI8-U from KOI8-R and does not know CP866 at all, and it needs 120 or
 * more characters for Ukrainian windows-1251 (research/limits.md §2), so we
 * decode with each of them and keep the one whose text looks most like
 * Russian or Ukrainian. */
static const char *cyrillic_encodings[] = {
  "windows-1251", "KOI8-U", "KOI8-R", "ISO-8859-5", "IBM866",
};

void
tri_decoded_text_free (TriDecodedText *decoded)
{
  if (decoded == NULL)
    return;

  g_free (decoded->text);
  g_free (decoded->encoding);
  g_free (decoded->language);
  g_clear_pointer (&decoded->removed, g_array_unref);
  g_free (decoded);
}

static gboolean
is_utf16_or_32 (const char *encoding)
{
  return g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0 ||
         g_ascii_strncasecmp (encoding, "UTF16", 5) == 0 ||
         g_ascii_strncasecmp (encoding, "UTF-32", 6) == 0 ||
         g_ascii_strncasecmp (encoding, "UTF32", 5) == 0 ||
         g_ascii_strncasecmp (encoding, "UCS-2", 5) == 0;
}

/* Frequency (per mille, rounded) of each lower-case letter in Russian and
 * Ukrainian news text, а–я then ё і ї є ґ. Used only to compare candidate
 * decodings of the same bytes with one another. */
static double
cyrillic_letter_weight (UChar32 lower)
{
  static const double ru[32] = {
    /* а б в г д е ж з и й к л м н о п */
    80, 16, 45, 17, 30, 85, 9, 17, 73, 12, 35, 44, 32, 67, 110, 28,
    /* р с т у ф х ц ч ш щ ъ ы ь э ю я */
    47, 55, 63, 26, 3, 10, 5, 14, 7, 4, 0.4, 19, 17, 3, 6, 20,
  };

  if (lower >= 0x0430 && lower <= 0x044F)
    return ru[lower - 0x0430];

  switch (lower)
    {
    case 0x0451: return 2;   /* ё */
    case 0x0456: return 55;  /* і */
    case 0x0457: return 6;   /* ї */
    case 0x0454: return 4;   /* є */
    case 0x0491: return 0.5; /* ґ */
    default:     return 0;
    }
}

static gboolean
is_common_punctuation (UChar32 c)
{
  switch (c)
    {
    case 0x00A0: case 0x00AB: case 0x00BB: case 0x00A9: case 0x00B0: case 0x00A7:
    case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201C: case 0x201D:
    case 0x201E: case 0x2026: case 0x2116: case 0x20AC: case 0x2022: case 0x02BC:
    case 0x00B7: case 0x00AD: case 0x2030:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef struct
{
  double score;
  guint  cyrillic;      /* letters in all-Cyrillic words */
  guint  non_ascii;     /* all non-ASCII characters */
} CyrillicScore;

/* Scores how plausible @text is as Russian or Ukrainian: common letters in
 * the usual case pattern (lower case, or a capital first) score; mixed-script
 * words, capitals inside words and stray symbols cost. */
static CyrillicScore
score_cyrillic (const UChar *text,
                int32_t      length)
{
  CyrillicScore result = { 0, 0, 0 };
  int32_t i = 0;

  while (i < length)
    {
      UChar32 c;
      int32_t word_start = i;
      gboolean has_latin = FALSE, has_cyrillic = FALSE;
      guint upper_inside = 0, n_letters = 0, n_upper = 0;
      double word_score = 0;

      U16_NEXT (text, i, length, c);

      if (!u_isalpha (c))
        {
          if (c >= 0x80)
            {
              result.non_ascii++;
              if (!is_common_punctuation (c) && !u_isspace (c) && !u_isdigit (c))
                result.score -= 6;
            }
          continue;
        }

      /* A word: a run of letters (and apostrophes inside it). */
      i = word_start;
      while (i < length)
        {
          int32_t here = i;
          UErrorCode status = U_ZERO_ERROR;
          UScriptCode script;

          U16_NEXT (text, i, length, c);
          if (!u_isalpha (c))
            {
              i = here;
              break;
            }

          n_letters++;
          if (c >= 0x80)
            result.non_ascii++;

          script = uscript_getScript (c, &status);
          if (script == USCRIPT_CYRILLIC)
            {
              has_cyrillic = TRUE;
              word_score += log (1.0 + cyrillic_letter_weight (u_tolower (c)));
            }
          else if (script == USCRIPT_LATIN)
            has_latin = TRUE;
          else
            word_score -= 4;

          if (u_isupper (c))
            {
              n_upper++;
              if (n_letters > 1)
                upper_inside++;
            }
        }

      if (has_cyrillic && has_latin)
        {
          result.score -= 10.0 * n_letters;
          continue;
        }

      if (has_cyrillic)
        {
          result.cyrillic += n_letters;
          /* All-capital words are acronyms or headlines: allowed, but a word
           * that mixes cases inside ("пРИВЕТ") is a wrong decoding. */
          if (upper_inside > 0 && n_upper != n_letters)
            word_score -= 5.0 * upper_inside;
          else if (n_upper == n_letters && n_letters > 1)
            word_score -= 1.0 * n_letters;
        }

      result.score += word_score;
    }

  return result;
}

/* The code points whose every string is in NFC as long as it has only
 * such code points (NFC quick check Yes, combining class 0), of U+0080 …
 * U+07FF (two bytes in UTF-8: Latin, Greek, Cyrillic …) and U+2000 …
 * U+2FFF (three bytes after 0xE2: dashes, quotes, №, ™ …). */
#define PLAIN_2_FROM 0x80
#define PLAIN_3_FROM 0x2000
static guint8 plain_nfc_2[0x800 - PLAIN_2_FROM];
static guint8 plain_nfc_3[0x1000];

static gboolean
is_plain_nfc (UChar32 c)
{
  return u_getIntPropertyValue (c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass (c) == 0;
}

static void
plain_nfc_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (UChar32 c = PLAIN_2_FROM; c < 0x800; c++)
        plain_nfc_2[c - PLAIN_2_FROM] = is_plain_nfc (c);
      for (UChar32 c = 0; c < (UChar32)sizeof plain_nfc_3; c++)
        plain_nfc_3[c] = is_plain_nfc (PLAIN_3_FROM + c);
      g_once_init_leave (&done, 1);
    }
}

/* Whether @data is well-formed UTF-8 without NUL whose code points are all
 * of the tables above: such text is already what decoding gives (it is
 * valid UTF-8, has no NUL and is in NFC), so it needs no conversion to
 * UTF-16 and back. Most reports are: ASCII, Cyrillic and typography. */
static gboolean
utf8_is_plain_nfc (const guint8 *data,
                   gsize         length)
{
  const char *p = (const char *)data, *end = p + length;

  /* Well-formed, and no NUL among @length bytes. */
  if (!g_utf8_validate_len (p, length, NULL))
    return FALSE;
  plain_nfc_init ();
  while (p < end)
    {
      guchar b = (guchar)*p;
      gunichar c;

      /* Eight ASCII bytes at a time. */
      if (b < 0x80)
        {
          guint64 w;

          if (p + 8 <= end && (memcpy (&w, p, sizeof w), (w & G_GUINT64_CONSTANT (0x8080808080808080)) == 0))
            p += 8;
          else
            p++;
          continue;
        }
      /* (Valid: a lead byte of two is followed by its one continuation.) */
      c = b < 0xE0 ? (gunichar)(((b & 0x1F) << 6) | ((guchar)p[1] & 0x3F)) : g_utf8_get_char (p);
      if (c < 0x800 ? !plain_nfc_2[c - PLAIN_2_FROM]
                    : c < PLAIN_3_FROM || c >= PLAIN_3_FROM + sizeof plain_nfc_3 || !plain_nfc_3[c - PLAIN_3_FROM])
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

static UChar *
decode_to_uchars (const char    *encoding,
                  const guint8  *data,
                  gsize          length,
                  gboolean       stop_on_error,
                  int32_t       *out_length,
                  gsize         *out_bad_offset,
                  UErrorCode    *out_status)
{
  UErrorCode status = U_ZERO_ERROR;
  UConverter *conv;
  UChar *buffer, *target;
  const char *source = (const char *)data;
  /* No encoding we accept yields more UTF-16 units than it has bytes, but
   * leave room for converters that do (GB18030 4-byte sequences yield two). */
  gsize capacity = length + 16;

  *out_length = 0;
  *out_bad_offset = 0;

  /* Well-formed UTF-8, most reports: ICU's direct UTF-8 to UTF-16, a
   * fraction of a converter's cost (which was a third of reading a long
   * report). Ill-formed text goes on to the converter, which says where. */
  if (ucnv_compareNames (encoding, "UTF-8") == 0 && capacity < G_MAXINT32)
    {
      buffer = g_new (UChar, capacity);
      u_strFromUTF8 (buffer, (int32_t)capacity, out_length, source, (int32_t)length, &status);
      if (U_SUCCESS (status))
        {
          *out_status = U_ZERO_ERROR;
          return buffer;
        }
      g_free (buffer);
      *out_length = 0;
      status = U_ZERO_ERROR;
    }

  conv = ucnv_open (encoding, &status);
  if (U_FAILURE (status))
    {
      *out_status = status;
      return NULL;
    }

  if (stop_on_error)
    ucnv_setToUCallBack (conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);

  buffer = g_new (UChar, capacity);
  target = buffer;
  for (;;)
    {
      ucnv_toUnicode (conv, &target, buffer + capacity,
                      &source, source + length, NULL, TRUE, &status);
      if (status != U_BUFFER_OVERFLOW_ERROR)
        break;

      /* An exotic converter (SCSU, say) wrote more than one unit a byte:
       * grow the buffer and go on from where it stopped. */
      {
        gsize written = (gsize)(target - buffer);

        capacity *= 2;
        buffer = g_renew (UChar, buffer, capacity);
        target = buffer + written;
        status = U_ZERO_ERROR;
      }
    }

  if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
      status == U_TRUNCATED_CHAR_FOUND)
    {
      char bad[32];
      int8_t bad_len = sizeof bad;
      UErrorCode ignored = U_ZERO_ERROR;

      ucnv_getInvalidChars (conv, bad, &bad_len, &ignored);
      *out_bad_offset = (gsize)(source - (const char *)data) - (gsize)MAX (bad_len, 0);
    }

  ucnv_close (conv);

  if (U_FAILURE (status))
    {
      g_free (buffer);
      *out_status = status;
      return NULL;
    }

  *out_status = U_ZERO_ERROR;
  *out_length = (int32_t)(target - buffer);
  return buffer;
}

/* The ICU detector, for text that is neither UTF-8 nor Cyrillic. */
static const char *
detect_with_icu (const guint8 *data,
                 gsize         length)
{
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector;
  const UCharsetMatch *match;
  const char *name = NULL;

  detector = ucsdet_open (&status);
  if (U_FAILURE (status))
    return NULL;

  ucsdet_setText (detector, (const char *)data, (int32_t)MIN (length, SNIFF_LENGTH), &status);
  match = ucsdet_detect (detector, &status);
  if (U_SUCCESS (status) && match != NULL)
    name = ucsdet_getName (match, &status);
  if (U_FAILURE (status))
    name = NULL;

  /* The name points into the detector: intern it before closing. */
  if (name != NULL)
    name = g_intern_string (name);

  ucsdet_close (detector);

  return name;
}

static const char *
detect_bom (const guint8 *data,
            gsize         length,
            gsize        *bom_length)
{
  *bom_length = 0;

  if (length >= 4 && memcmp (data, "\xFF\xFE\x00\x00", 4) == 0)
    return *bom_length = 4, "UTF-32LE";
  if (length >= 4 && memcmp (data, "\x00\x00\xFE\xFF", 4) == 0)
    return *bom_length = 4, "UTF-32BE";
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return *bom_length = 3, "UTF-8";
  if (length >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    return *bom_length = 2, "UTF-16LE";
  if (length >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    return *bom_length = 2, "UTF-16BE";

  return NULL;
}

/* Counts the multi-byte UTF-8 sequences in @data and the non-ASCII bytes
 * that are not part of one. */
static void
count_utf8 (const guint8 *data,
            gsize         length,
            gsize        *n_valid,
            gsize        *n_invalid)
{
  gsize i = 0;

  *n_valid = 0;
  *n_invalid = 0;

  while (i < length)
    {
      gunichar ch;

      if (data[i] < 0x80)
        {
          i++;
          continue;
        }

      ch = g_utf8_get_char_validated ((const char *)data + i, (gssize)(length - i));
      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        {
          (*n_invalid)++;
          i++;
          continue;
        }

      (*n_valid)++;
      i += g_utf8_skip[data[i]];
    }
}

/**
 * tri_text_source_detect_encoding:
 * @data: the bytes of a file
 * @length: their length
 *
 * Guesses the encoding of text without a byte-order mark: UTF-8 when the
 * bytes are valid UTF-8 (or nearly all of them are: decoding then reports
 * the bad ones), else the single-byte Cyrillic encoding whose
 * decoding reads most like Russian or Ukrainian, else what ICU's detector
 * says.
 *
 * Returns: (nullable): an encoding name, or %NULL when nothing fits
 */
const char *
tri_text_source_detect_encoding (const guint8 *data,
                                 gsize         length)
{
  gsize sniff = MIN (length, (gsize)SNIFF_LENGTH);
  const char *end = NULL;
  const char *best = NULL;
  CyrillicScore best_score = { -INFINITY, 0, 0 };
  gsize n_valid, n_invalid;

  if (g_utf8_validate ((const char *)data, (gssize)sniff, &end) ||
      /* A multi-byte character cut by the sniff window is still UTF-8. */
      (sniff < length && (gsize)(end - (const char *)data) + 4 > sniff))
    {
      if (sniff == length || g_utf8_validate ((const char *)data, (gssize)length, NULL))
        return "UTF-8";
    }

  /* UTF-8 with a few bad bytes (a damaged or truncated file) is still
   * UTF-8: decoding it then says where the bad bytes are, where the
   * Cyrillic candidates below would turn all of it into mojibake. Text in
   * a single-byte encoding forms valid sequences only now and then. */
  count_utf8 (data, sniff, &n_valid, &n_invalid);
  if (n_valid >= 8 && n_invalid * 20 <= n_valid)
    return "UTF-8";

  for (guint i = 0; i < G_N_ELEMENTS (cyrillic_encodings); i++)
    {
      UErrorCode status;
      gsize bad_offset;
      int32_t n;
      g_autofree UChar *text = decode_to_uchars (cyrillic_encodings[i], data, sniff, FALSE,
                                                 &n, &bad_offset, &status);
      CyrillicScore score;

      if (text == NULL)
        continue;

      score = score_cyrillic (text, n);
      /* Ties (text without і ї є ґ reads the same in KOI8-R and KOI8-U)
       * go to the earlier, more common, encoding. */
      if (score.score > best_score.score)
        {
          best_score = score;
          best = cyrillic_encodings[i];
        }
    }

  /* Cyrillic when most of what is not ASCII decodes to Cyrillic words. */
  if (best != NULL && best_score.non_ascii > 0 &&
      best_score.cyrillic >= 0.7 * best_score.non_ascii)
    {
      /* KOI8-R and KOI8-U differ only in і ї є ґ; text with none of them is
       * the same in both, and KOI8-R is the name users know. */
      if (g_str_equal (best, "KOI8-U"))
        {
          UErrorCode status;
          gsize bad_offset;
          int32_t n_r, n_u;
          g_autofree UChar *as_r = decode_to_uchars ("KOI8-R", data, sniff, FALSE, &n_r, &bad_offset, &status);
          g_autofree UChar *as_u = decode_to_uchars ("KOI8-U", data, sniff, FALSE, &n_u, &bad_offset, &status);

          if (as_r != NULL && as_u != NULL && n_r == n_u &&
              memcmp (as_r, as_u, sizeof (UChar) * (gsize)n_r) == 0)
            best = "KOI8-R";
        }
      return best;
    }

  return detect_with_icu (data, length);
}

/**
 * tri_text_source_encoding_is_known:
 * @encoding: an encoding name
 *
 * Returns: whether ICU has a converter for @encoding
 */
gboolean
tri_text_source_encoding_is_known (const char *encoding)
{
  UErrorCode status = U_ZERO_ERROR;
  UConverter *conv;

  g_return_val_if_fail (encoding != NULL, FALSE);

  conv = ucnv_open (encoding, &status);
  if (U_FAILURE (status))
    return FALSE;
  ucnv_close (conv);
  return TRUE;
}

static gboolean
looks_binary (const guint8 *data,
              gsize         length)
{
  gsize sniff = MIN (length, (gsize)SNIFF_LENGTH);
  gsize controls = 0;

  for (gsize i = 0; i < sniff; i++)
    {
      guint8 b = data[i];

      if (b == 0)
        return TRUE;
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) || b == 0x7F)
        controls++;
    }

  /* Real text has hardly any control characters; binary data is full of them. */
  return controls > 8 && controls * 100 > sniff;
}

/* UTF-16 written without a byte-order mark: for text in the Latin,
 * Greek, Cyrillic or Hebrew blocks, every high byte is 0x00–0x05, while
 * the low bytes are almost never zero. */
static const char *
detect_utf16_without_bom (const guint8 *data,
                          gsize         length)
{
  gsize sniff = MIN (length, (gsize)SNIFF_LENGTH) & ~(gsize)1;
  gsize units = sniff / 2;
  gsize small[2] = { 0, 0 }, zero[2] = { 0, 0 };

  if (units < 4)
    return NULL;

  for (gsize i = 0; i < sniff; i++)
    {
      small[i & 1] += data[i] <= 0x05;
      zero[i & 1] += data[i] == 0;
    }

  if (small[1] * 10 >= units * 9 && zero[0] * 100 <= units)
    return "UTF-16LE";
  if (small[0] * 10 >= units * 9 && zero[1] * 100 <= units)
    return "UTF-16BE";

  return NULL;
}

static GError *
binary_error (const guint8 *data,
              gsize         length,
              const char   *display_name)
{
  g_autofree char *type = g_content_type_guess (NULL, data, MIN (length, (gsize)SNIFF_LENGTH), NULL);
  g_autofree char *description = NULL;

  if (type != NULL && !g_content_type_is_unknown (type) &&
      !g_content_type_equals (type, "application/octet-stream"))
    description = g_content_type_get_description (type);

  if (description != NULL)
    return g_error_new (TRI_IO_ERROR, TRI_IO_ERROR_BINARY,
                        /* Translators: the first %s is a file name, the second a file type such as “PNG image” */
                        _("“%s” is not a text file (it looks like: %s). Open a plain-text version of the report."),
                        display_name, description);

  return g_error_new (TRI_IO_ERROR, TRI_IO_ERROR_BINARY,
                      _("“%s” is not a text file: it holds binary data. Open a plain-text version of the report."),
                      display_name);
}

static gboolean
is_zero_width (gunichar ch)
{
  /* Characters that are invisible but split or glue words: they break
   * spell checking, search and comparison. Joiners that change how a
   * script renders (U+200C, U+200D) are kept. */
  switch (ch)
    {
    case 0x00AD:  /* soft hyphen */
    case 0x180E:  /* Mongolian vowel separator, once a space */
    case 0x200B:  /* zero width space */
    case 0x2060:  /* word joiner */
    case 0xFEFF:  /* byte-order mark / zero width no-break space */
      return TRUE;
    default:
      return FALSE;
    }
}

/* CRLF, CR, NEL and U+2028 become LF, U+2029 a blank line; zero-width characters are removed, and where each
 * stood is recorded. Works in place: the text only shrinks. */
static void
clean_text (char   *text,
            gsize  *length,
            GArray *removed)
{
  const char *in = text;
  const char *end = text + *length;
  char *out = text;

  while (in < end)
    {
      gunichar ch;
      const char *next;

      if (*in == '\r')
        {
          *out++ = '\n';
          in++;
          if (in < end && *in == '\n')
            in++;
          continue;
        }

      if ((guchar)*in < 0x80)
        {
          /* Eight ASCII bytes at a time while there is no CR among them
           * (loaded before stored: @out never passes @in). */
          while (in + 8 <= end)
            {
              guint64 w, cr;

              memcpy (&w, in, sizeof w);
              cr = w ^ G_GUINT64_CONSTANT (0x0D0D0D0D0D0D0D0D);
              if (((w | ((cr - G_GUINT64_CONSTANT (0x0101010101010101)) & ~cr)) &
                   G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
                break;
              memcpy (out, &w, sizeof w);
              out += 8;
              in += 8;
            }
          if (in < end && (guchar)*in < 0x80 && *in != '\r')
            *out++ = *in++;
          continue;
        }

      /* Two bytes from U+00C0 on (Cyrillic, accented Latin): none of the
       * characters below. */
      if ((guchar)*in >= 0xC3 && (guchar)*in <= 0xDF && in + 1 < end)
        {
          out[0] = in[0];
          out[1] = in[1];
          out += 2;
          in += 2;
          continue;
        }

      ch = g_utf8_get_char (in);
      next = g_utf8_next_char (in);

      /* NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are line ends too;
       * none is shorter than its replacement. */
      if (ch == 0x0085 || ch == 0x2028)
        {
          *out++ = '\n';
          in = next;
          continue;
        }
      if (ch == 0x2029)
        {
          *out++ = '\n';
          *out++ = '\n';
          in = next;
          continue;
        }

      if (is_zero_width (ch))
        {
          TriRemovedChar r = { (gsize)(out - text), ch };
          g_array_append_val (removed, r);
        }
      else
        {
          memmove (out, in, (gsize)(next - in));
          out += next - in;
        }

      in = next;
    }

  *out = '\0';
  *length = (gsize)(out - text);
}

/**
 * tri_text_source_decode:
 * @data: the bytes of a report
 * @length: their length
 * @display_name: the name to use in messages, usually the file name
 * @encoding: (nullable): the encoding to read in, or %NULL to detect it
 * @error: return location for a #GError in the %TRI_IO_ERROR domain
 *
 * Decodes a report to UTF-8 in Unicode normal form C with LF line ends.
 * Zero-width characters that break words are removed and recorded.
 * Empty input gives empty text.
 *
 * Returns: (transfer full) (nullable): the decoded text
 */
TriDecodedText *
tri_text_source_decode (const guint8  *data,
                        gsize          length,
                        const char    *display_name,
                        const char    *encoding,
                        GError       **error)
{
  g_autoptr(TriDecodedText) decoded = g_new0 (TriDecodedText, 1);
  g_autofree UChar *utf16 = NULL;
  g_autofree UChar *normalized = NULL;
  const UNormalizer2 *nfc;
  const UChar *final16;
  int32_t n16 = 0, final_len;
  int32_t utf8_len = 0;
  UErrorCode status = U_ZERO_ERROR;
  gsize bom_length = 0, bad_offset = 0;
  const char *bom_encoding;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  decoded->removed = g_array_new (FALSE, FALSE, sizeof (TriRemovedChar));

  if ((goffset)length > TRI_TEXT_SOURCE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (TRI_TEXT_SOURCE_MAX_SIZE);

      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE,
                   _("“%s” is too large to open (%s; the limit is %s)"), display_name, size, limit);
      return NULL;
    }

  bom_encoding = detect_bom (data, length, &bom_length);

  if (encoding != NULL)
    {
      if (!tri_text_source_encoding_is_known (encoding))
        {
          g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_UNKNOWN_ENCODING,
                       _("Cannot read “%s”: the encoding “%s” is not known"),
                       display_name, encoding);
          return NULL;
        }
      decoded->encoding = g_strdup (encoding);
      /* The converter decodes a BOM as U+FEFF, which clean_text() removes
       * and records like any other zero-width character. */
      bom_length = 0;
    }
  else if (bom_encoding != NULL)
    {
      decoded->encoding = g_strdup (bom_encoding);
      decoded->detected = TRUE;
      decoded->had_bom = TRUE;
    }

  if (length - bom_length == 0)
    {
      decoded->text = g_strdup ("");
      if (decoded->encoding == NULL)
        {
          decoded->encoding = g_strdup ("UTF-8");
          decoded->detected = TRUE;
        }
      return g_steal_pointer (&decoded);
    }

  data += bom_length;
  length -= bom_length;

  if (decoded->encoding == NULL)
    {
      const char *bomless = detect_utf16_without_bom (data, length);

      if (bomless != NULL)
        {
          decoded->encoding = g_strdup (bomless);
          decoded->detected = TRUE;
        }
    }

  if (decoded->encoding == NULL || !is_utf16_or_32 (decoded->encoding))
    {
      if (looks_binary (data, length))
        {
          g_propagate_error (error, binary_error (data - bom_length, length + bom_length, display_name));
          return NULL;
        }
    }

  /* Plain UTF-8 (see utf8_is_plain_nfc()) is taken as it is: that is
   * what detecting (it is valid UTF-8) and decoding it would give. */
  if ((decoded->encoding == NULL || ucnv_compareNames (decoded->encoding, "UTF-8") == 0) &&
      utf8_is_plain_nfc (data, length))
    {
      if (decoded->encoding == NULL)
        {
          decoded->encoding = g_strdup ("UTF-8");
          decoded->detected = TRUE;
        }
      decoded->text = g_malloc (length + 1);
      memcpy (decoded->text, data, length);
      decoded->text[length] = '\0';
      utf8_len = (int32_t)length;
      goto clean;
    }

  if (decoded->encoding == NULL)
    {
      const char *guess = tri_text_source_detect_encoding (data, length);

      if (guess == NULL)
        {
          g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_ENCODING,
                       _("Cannot tell the encoding of “%s”; choose it from the column menu or with --encoding"),
                       display_name);
          return NULL;
        }
      decoded->encoding = g_strdup (guess);
      decoded->detected = TRUE;
    }

  utf16 = decode_to_uchars (decoded->encoding, data, length, TRUE, &n16, &bad_offset, &status);
  if (utf16 == NULL)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_ENCODING,
                   /* Translators: a file name, an encoding such as “UTF-8”, a byte offset */
                   _("“%s” is not valid %s text: undecodable bytes at byte %zu"),
                   display_name, decoded->encoding, bad_offset + bom_length);
      return NULL;
    }

  if (u_memchr (utf16, 0, n16) != NULL)
    {
      g_propagate_error (error, binary_error (data - bom_length, length + bom_length, display_name));
      return NULL;
    }

  nfc = unorm2_getNFCInstance (&status);
  g_assert (U_SUCCESS (status));

  if (unorm2_isNormalized (nfc, utf16, n16, &status) && U_SUCCESS (status))
    {
      final16 = utf16;
      final_len = n16;
    }
  else
    {
      /* Composition never makes text longer than decomposition does;
       * three times the input bounds even the worst case. */
      int32_t capacity = n16 * 3 + 16;

      status = U_ZERO_ERROR;
      normalized = g_new (UChar, capacity);
      final_len = unorm2_normalize (nfc, utf16, n16, normalized, capacity, &status);
      g_assert (U_SUCCESS (status));
      final16 = normalized;
    }

  if (final16 == utf16 && ucnv_compareNames (decoded->encoding, "UTF-8") == 0)
    {
      /* UTF-8 the converter took whole (it refuses every ill-formed
       * sequence) and already in NFC: converting back would give the same
       * bytes, so they are copied (most text, and all a document reader
       * extracts). */
      decoded->text = g_malloc (length + 1);
      memcpy (decoded->text, data, length);
      decoded->text[length] = '\0';
      utf8_len = (int32_t)length;
    }
  else
    {
      status = U_ZERO_ERROR;
      u_strToUTF8 (NULL, 0, &utf8_len, final16, final_len, &status);
      status = U_ZERO_ERROR;
      decoded->text = g_malloc ((gsize)utf8_len + 1);
      u_strToUTF8 (decoded->text, utf8_len + 1, &utf8_len, final16, final_len, &status);
    }
  if (U_FAILURE (status))
    {
      /* Only unpaired surrogates in UTF-16 input get here. */
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_ENCODING,
                   _("“%s” is not valid %s text: it contains unpaired surrogates"),
                   display_name, decoded->encoding);
      return NULL;
    }

clean:
  decoded->length = (gsize)utf8_len;
  clean_text (decoded->text, &decoded->length, decoded->removed);

  if (!decoded->had_bom && decoded->removed->len > 0 &&
      g_array_index (decoded->removed, TriRemovedChar, 0).offset == 0 &&
      g_array_index (decoded->removed, TriRemovedChar, 0).ch == 0xFEFF)
    decoded->had_bom = TRUE;

  return g_steal_pointer (&decoded);
}

/**
 * tri_text_source_load_file:
 * @file: the file to read
 * @encoding: (nullable): the encoding to read in, or %NULL to detect it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and decodes a report, see tri_text_source_decode(). Blocking: call
 * it from a thread (a #GTask) in the GUI.
 *
 * Returns: (transfer full) (nullable): the decoded text
 */
TriDecodedText *
tri_text_source_load_file (GFile         *file,
                           const char    *encoding,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *contents;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_NOT_FOUND,
                     _("“%s” does not exist"), name);
      else
        g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                     _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_READ,
                   _("“%s” is a folder, not a text file"), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > TRI_TEXT_SOURCE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64)g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (TRI_TEXT_SOURCE_MAX_SIZE);

      g_set_error (error, TRI_IO_ERROR, TRI_IO_ERROR_TOO_LARGE,
                   _("“%s” is too large to open (%s; the limit is %s)"), name, size, limit);
      return NULL;
    }

  /* The size said is not trusted: a device or a FIFO is refused, and no
   * more than the limit is read. */
  bytes = tri_file_load_bytes (file, name, TRI_TEXT_SOURCE_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;
  contents = g_bytes_get_data (bytes, &length);

  /* Web pages, Word, OpenDocument and PDF files are read by their readers. */
  return tri_format_decode (contents != NULL ? contents : (const guint8 *)"", length, name, encoding,
                            NULL, error);
}

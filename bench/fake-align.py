#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for `triptych-cli align`, to develop the bench against before
the aligner exists. It takes the same arguments and writes the same jsonl,
with a trivial alignment: row k holds sentence k of every language (rows
past the end of a shorter text are 1-0 / 0-1).

    bench/fake-align.py align [--presegmented] [--format jsonl] [-o OUT]
                              [--dict FILE] [--encoding ENC] LANG=FILE LANG=FILE [LANG=FILE]

--presegmented: every non-empty line is a sentence. Otherwise paragraphs are
split at blank lines and sentences after . ! ? … followed by white space (a
crude split, not the app's segmenter). Spans are byte offsets [start, end)
into the file, which must be UTF-8 (--encoding and --dict are ignored).
"""

import argparse
import json
import re
import sys

SPLIT = re.compile(r'(?<=[.!?…])["»”)\]]*\s+(?=\S)')


def sentences(data, presegmented):
    """Byte spans of the sentences of a UTF-8 text."""
    text = data.decode('utf-8')
    spans = []
    offset = 0
    if presegmented:
        for line in text.split('\n'):
            size = len(line.encode('utf-8'))
            stripped = line.strip()
            if stripped:
                lead = len(line[:len(line) - len(line.lstrip())].encode('utf-8'))
                spans.append((offset + lead, offset + lead + len(stripped.encode('utf-8'))))
            offset += size + 1
        return spans
    for k, block in enumerate(re.split(r'(\n[ \t]*\n)', text)):
        if k % 2 == 0 and block.strip():
            start = 0
            pieces = []
            for match in SPLIT.finditer(block):
                pieces.append((start, match.start()))
                start = match.end()
            pieces.append((start, len(block)))
            for s, e in pieces:
                piece = block[s:e]
                if piece.strip():
                    s += len(piece) - len(piece.lstrip())
                    begin = offset + len(block[:s].encode('utf-8'))
                    spans.append((begin, begin + len(piece.strip().encode('utf-8'))))
        offset += len(block.encode('utf-8'))
    return spans


def main(argv):
    if not argv or argv[0] != 'align':
        print('usage: fake-align.py align [OPTION…] LANG=FILE LANG=FILE [LANG=FILE]',
              file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(prog='fake-align.py align')
    parser.add_argument('--presegmented', action='store_true')
    parser.add_argument('--format', default='jsonl', choices=('jsonl',))
    parser.add_argument('-o', '--output')
    parser.add_argument('--dict')
    parser.add_argument('--encoding')
    parser.add_argument('inputs', nargs='+', metavar='LANG=FILE')
    args = parser.parse_args(argv[1:])
    if not 2 <= len(args.inputs) <= 3 or not all('=' in x for x in args.inputs):
        parser.error('give two or three LANG=FILE')
    langs, spans = [], {}
    for item in args.inputs:
        lang, path = item.split('=', 1)
        try:
            with open(path, 'rb') as f:
                spans[lang] = sentences(f.read(), args.presegmented)
        except (OSError, UnicodeDecodeError) as e:
            print(f'fake-align.py: {path}: {e}', file=sys.stderr)
            return 3
        langs.append(lang)
    out = open(args.output, 'w', encoding='utf-8') if args.output else sys.stdout
    with out:
        for k in range(max(len(s) for s in spans.values())):
            row = {lang: [k] if k < len(spans[lang]) else [] for lang in langs}
            row['score'] = 0.5
            row['spans'] = {lang: [list(spans[lang][k])] if k < len(spans[lang]) else []
                            for lang in langs}
            out.write(json.dumps(row, ensure_ascii=False) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

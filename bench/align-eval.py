#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sentence-alignment quality bench for `triptych-cli align`, with a
length-only Gale–Church baseline scored on the same cases. Prints Markdown.

    bench/align-eval.py [--cli PATH] [--corpora DIR] [--quick | --docs N]
                        [--seed N] [--corpus flores,wmt22,textberg]
                        [--mode presegmented,raw] [--keep DIR] [--no-baseline]
    bench/align-eval.py --self-test

Reads only flores/, wmt22/ and textberg/dev/ under the corpora folder (never
ntrex/ or textberg/test/: they are reserved for independent evaluation).
Corpus text is written only to a temporary folder (or to --keep DIR, which
must lie outside the repository).

Cases (flores, wmt22; languages eng/rus/ukr as en/ru/uk)
--------------------------------------------------------
- Lines are cleaned as the app's import does: NFC, zero-width characters
  (U+00AD, U+180E, U+200B, U+2060, U+FEFF) removed, leading/trailing white
  space stripped. So for every file written, decoded text == file bytes.
- Documents are the runs of equal ids in docs.tsv. Each document is laid out
  once, for all languages: its first line is a paragraph of its own (the
  headline), the other lines are cut into paragraphs of 3–6 lines (a document
  with fewer than 3 further lines gets one paragraph).
- Perturbation, seeded (--seed, per corpus), per document:
  * omission: each line, with probability 0.08, is dropped in ONE language
    chosen at random (so ~2.7 % of lines per language, ~5.3 % per pair, and
    each language has its own gaps);
  * joined sentences: each pair of adjacent lines in a body paragraph, with
    probability 0.05, is merged in ONE random language into one line (if both
    lines are still present there and neither is merged already): "A; B" when
    A ends in a single ".", else "A B";
  * addition: for each line, with probability 0.03, a line from another
    document of the same corpus is inserted in ONE random language, at a
    random position of a random body paragraph (its own paragraph if the
    document has only a headline).
  Paragraphs left empty disappear. The rates are --omit/--merge/--insert.
- Every unit (line) keeps the ids of the original lines it holds; an inserted
  line gets an id of its own. The gold for a language pair joins two units
  when they share a line id: connected components are the gold beads (a
  merged line gives a 2-1 or 1-2 bead, a line missing on the other side or
  an inserted line a 1-0 or 0-1 bead).
- All documents of a corpus are concatenated into ONE file per language,
  paragraphs separated by a blank line (documents too). Two modes:
  * presegmented: one unit per line, run with --presegmented; sentence i is
    unit i;
  * raw: the units of a paragraph joined by single spaces into running text;
    the aligner segments it. Scored at LINE level: each output sentence maps
    to the units its byte span overlaps, each row to the units of its
    sentences, and rows sharing a unit are merged into one bead.
- Pairs en–ru, en–uk, ru–uk: one two-language run each, plus one three-way
  run (en ru uk) whose rows are projected onto each pair (a row's two lists;
  rows empty in both are dropped).

textberg/dev: dev.de / dev.fr (one sentence per line) with the gold beads of
dev.defr, run --presegmented as one document.

Scoring: strict and lax precision/recall/F1 as vecalign's score.py (see
shared/research/aligner-anchors.md §3), micro-averaged: the whole
concatenation is scored as one document with global indices, which gives
the same counts as summing per document.

Baseline: Gale & Church (1993), character lengths only, c = total length of
the second text / first, s² = 6.8, beads 1-1 .89, 1-0 and 0-1 .0099,
2-1 and 1-2 .089, 2-2 .011 (per bead type, as the original C program's
penalties), cost −log prior − log 2(1 − Φ(|δ|)). Variants (--gc):
"Gale–Church" aligns paragraphs first (the same DP over paragraph lengths),
then the sentences within each paragraph bead; "flat" runs one DP over the
whole text; "counts" works within paragraphs when both sides have as many,
else on the whole text (on a concatenation the counts can agree by chance,
and then it fails badly). Each DP runs in a diagonal band that widens until
the path keeps off its edges. In raw mode the baseline aligns the sentences
of `triptych-cli segment` (a regular expression if that is not available).

Ceiling (raw mode): the gold with beads merged wherever one of those
sentences spans lines of two beads: the best line-level score an aligner
can reach on that segmentation.
"""

import argparse
import bisect
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CLI = os.path.join(ROOT, '_build', 'app', 'cli', 'triptych-cli')
DEFAULT_CORPORA = os.path.join(os.path.dirname(ROOT), 'shared', 'corpora')

LINE_CORPORA = ('flores', 'wmt22', 'wmt22-news')
CORPUS_FILES = {'en': 'eng.txt', 'ru': 'rus.txt', 'uk': 'ukr.txt'}
LANGS = ('en', 'ru', 'uk')
PAIRS = (('en', 'ru'), ('en', 'uk'), ('ru', 'uk'))
MODES = ('presegmented', 'raw')
QUICK_DOCS = 60

RATES = {'omit': 0.08, 'merge': 0.05, 'insert': 0.03}
# The hard construction: per language and independently.
LEXICON_CONFIRMED = 0.2
HARD_RATES = {'omit': 0.05, 'merge': 0.07, 'insert': 0.03, 'omit2': 0.02, 'parajoin': 0.15}

CATEGORIES = ('1-1', 'joined', 'omitted', 'added', 'other')
CATEGORY_TITLES = {
    '1-1': '1-1',
    'joined': '2-1/1-2 joined',
    'omitted': '1-0/0-1 omitted',
    'added': '1-0/0-1 added',
    'other': 'other',
}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Scoring (vecalign score.py, after Sennrich & Volk 2011)

def _bead_set(beads):
    """Beads as a set of (tuple, tuple), without beads empty on both sides."""
    return {(tuple(s), tuple(t)) for s, t in beads if len(s) or len(t)}


def count_hits(reference, hypothesis):
    """Counts [strict hit, strict miss, lax hit, lax miss] of the beads of
    hypothesis against reference (both already cleaned sets)."""
    src_to_tgt = {}
    for src, tgt in reference:
        for s in src:
            src_to_tgt.setdefault(s, set()).update(tgt)
    counts = [0, 0, 0, 0]
    for src, tgt in hypothesis:
        if (src, tgt) in reference:
            counts[0] += 1
            counts[2] += 1
            continue
        counts[1] += 1
        linked = set()
        for s in src:
            linked |= src_to_tgt.get(s, set())
        if linked.intersection(tgt):
            counts[2] += 1
        else:
            counts[3] += 1
    return counts


def score_counts(documents):
    """documents: list of (gold beads, test beads). Returns the precision and
    recall counts summed over documents (micro-average)."""
    pcounts = [0, 0, 0, 0]
    rcounts = [0, 0, 0, 0]
    for gold, test in documents:
        gold = _bead_set(gold)
        test = _bead_set(test)
        for k, v in enumerate(count_hits(gold, test)):
            pcounts[k] += v
        gold_both = {b for b in gold if b[0] and b[1]}
        test_both = {b for b in test if b[0] and b[1]}
        for k, v in enumerate(count_hits(test_both, gold_both)):
            rcounts[k] += v
    return pcounts, rcounts


def _ratio(hit, miss):
    return hit / (hit + miss) if hit + miss else 0.0


def _f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def scores_from_counts(pcounts, rcounts):
    p_strict = _ratio(pcounts[0], pcounts[1])
    p_lax = _ratio(pcounts[2], pcounts[3])
    r_strict = _ratio(rcounts[0], rcounts[1])
    r_lax = _ratio(rcounts[2], rcounts[3])
    return {
        'p_strict': p_strict, 'r_strict': r_strict, 'f1_strict': _f1(p_strict, r_strict),
        'p_lax': p_lax, 'r_lax': r_lax, 'f1_lax': _f1(p_lax, r_lax),
    }


def score(documents):
    """Strict and lax P/R/F1, micro-averaged over documents, each a pair
    (gold beads, test beads); a bead is (source indices, target indices)."""
    return scores_from_counts(*score_counts(documents))


# ---------------------------------------------------------------------------
# Reading the corpora

ZERO_WIDTH = dict.fromkeys(map(ord, '\u00ad\u180e\u200b\u2060\ufeff'))


def clean_line(line):
    return unicodedata.normalize('NFC', line).translate(ZERO_WIDTH).strip()


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    return lines


def read_line_corpus(folder, langs=LANGS):
    """Documents of a line-aligned corpus: a list of documents, each a list
    of (line id, {lang: text})."""
    texts = {lang: [clean_line(x) for x in read_lines(os.path.join(folder, CORPUS_FILES[lang]))]
             for lang in langs}
    ids = [x.strip() for x in read_lines(os.path.join(folder, 'docs.tsv'))]
    n = len(ids)
    for lang in langs:
        if len(texts[lang]) != n:
            raise SystemExit(f'{folder}: {CORPUS_FILES[lang]} has {len(texts[lang])} lines, '
                             f'docs.tsv {n}')
    documents = []
    previous = None
    for i in range(n):
        if ids[i] != previous:
            documents.append([])
            previous = ids[i]
        documents[-1].append((i, {lang: texts[lang][i] for lang in langs}))
    return documents


def parse_beads(path):
    beads = []
    for line in read_lines(path):
        if not line.strip():
            continue
        src, tgt = line.split(':')
        beads.append((tuple(json.loads(src)), tuple(json.loads(tgt))))
    return beads


# ---------------------------------------------------------------------------
# Building cases

class Unit:
    """A line of one language's text: the original line ids it holds (a
    string id for an inserted line), its text and its kind."""
    __slots__ = ('ids', 'text', 'kind', 'para', 'start', 'end')

    def __init__(self, ids, text, kind):
        self.ids = ids
        self.text = text
        self.kind = kind
        self.para = self.start = self.end = 0


def join_lines(a, b):
    if a.endswith('.') and not a.endswith('..'):
        return a[:-1] + '; ' + b
    return a + ' ' + b


def layout_document(n, rng):
    """Paragraphs of line positions: the headline, then 3–6 lines each."""
    paras = [[0]]
    pos, rest = 1, n - 1
    while rest > 6:
        size = rng.randint(3, min(6, rest - 3))
        paras.append(list(range(pos, pos + size)))
        pos += size
        rest -= size
    if rest > 0:
        paras.append(list(range(pos, pos + rest)))
    return paras


class Case:
    """Perturbed texts: paras[lang] is a list of paragraphs, each a list of
    Units; stats counts what was done per language."""

    def __init__(self, langs):
        self.langs = tuple(langs)
        self.paras = {lang: [] for lang in langs}
        self.stats = {lang: {'omitted': 0, 'merged': 0, 'inserted': 0, 'parajoined': 0}
                      for lang in langs}
        self.stats_twice = 0     # lines dropped in two languages (hard construction)
        self.lines = 0
        self.documents = 0

    def units(self, lang):
        return [u for para in self.paras[lang] for u in para]


def build_case(documents, langs, seed, rates=RATES, label='', hard=False):
    """Lays out and perturbs documents (see the module docstring). hard:
    the "hard" construction, every perturbation drawn per language
    independently, plus lines dropped in two languages and paragraphs
    joined."""
    rng = random.Random(f'{seed}:{label}' + (':hard' if hard else ''))
    case = Case(langs)
    all_lines = [(d, line) for d, doc in enumerate(documents) for line in doc]
    inserted = 0
    for d, doc in enumerate(documents):
        n = len(doc)
        case.documents += 1
        case.lines += n
        layout = layout_document(n, rng)
        omitted = {lang: set() for lang in langs}
        for pos in range(n):
            if not hard:
                if rng.random() < rates['omit']:
                    omitted[rng.choice(langs)].add(pos)
                continue
            dropped = [lang for lang in langs if rng.random() < rates['omit']]
            if len(langs) > 2 and rng.random() < rates['omit2']:
                dropped += rng.sample(langs, 2)
                case.stats_twice += 1
            dropped = set(dropped)
            if len(dropped) == len(langs):      # a line nobody has is no case
                dropped.discard(rng.choice(sorted(dropped)))
            for lang in dropped:
                omitted[lang].add(pos)
        merged = {lang: {} for lang in langs}   # first position -> second
        involved = {lang: set() for lang in langs}
        for para in layout[1:]:
            for k in range(len(para) - 1):
                chosen = ([lang for lang in langs if rng.random() < rates['merge']] if hard
                          else [rng.choice(langs)] if rng.random() < rates['merge'] else [])
                for lang in chosen:
                    a, b = para[k], para[k + 1]
                    if (a in omitted[lang] or b in omitted[lang]
                            or a in involved[lang] or b in involved[lang]):
                        continue
                    merged[lang][a] = b
                    involved[lang].update((a, b))
        insertions = []
        for pos in range(n):
            if len(documents) < 2:
                break
            chosen = ([lang for lang in langs if rng.random() < rates['insert']] if hard
                      else [rng.choice(langs)] if rng.random() < rates['insert'] else [])
            for lang in chosen:
                while True:
                    other, (_, texts) = rng.choice(all_lines)
                    if other != d:
                        break
                para = rng.randrange(1, len(layout)) if len(layout) > 1 else None
                insertions.append((lang, para, rng.random(), texts[lang]))
        joins = {lang: {p for p in range(2, len(layout))
                        if hard and rng.random() < rates['parajoin']} for lang in langs}
        joined = {(doc[x][0], doc[y][0]) for lang in langs for x, y in merged[lang].items()}
        for lang in langs:
            paras = []
            for p, para in enumerate(layout):
                units = []
                skip = None
                for pos in para:
                    if pos == skip or pos in omitted[lang]:
                        continue
                    line_id, texts = doc[pos]
                    if pos in merged[lang]:
                        other = merged[lang][pos]
                        text = join_lines(texts[lang], doc[other][1][lang]).strip()
                        unit = Unit((line_id, doc[other][0]), text, 'merged')
                        skip = other
                    else:
                        unit = Unit((line_id,), texts[lang], 'line')
                    if unit.text:       # (an empty line would shift the indices)
                        units.append(unit)
                paras.append(units)
            extra = []
            for ins_lang, para, where, text in insertions:
                if ins_lang != lang or not text:
                    continue
                inserted += 1
                unit = Unit((f'ins{inserted}',), text, 'inserted')
                if para is None:
                    extra.append([unit])
                else:
                    units = paras[para]
                    k = int(where * (len(units) + 1))
                    # Never between two lines joined in another language:
                    # the gold bead would not be contiguous.
                    while 0 < k < len(units) and (units[k - 1].ids[-1],
                                                  units[k].ids[0]) in joined:
                        k += 1
                    units.insert(k, unit)
            for p in sorted(joins[lang], reverse=True):
                paras[p - 1].extend(paras[p])
                paras[p] = []
            stats = case.stats[lang]
            stats['parajoined'] += len(joins[lang])
            stats['omitted'] += len(omitted[lang])
            stats['merged'] += len(merged[lang])
            stats['inserted'] += sum(1 for x in insertions if x[0] == lang)
            case.paras[lang].extend(p for p in paras + extra if p)
    return case


# A line that ends without punctuation: a headline, a subheading, a
# standfirst. (A dash or comma at the end is a line break inside a
# sentence: a quotation going on after its attribution.)
UNPUNCTUATED = re.compile(r'[^\s.!?…:;,\-–—"»”’\')\]]["»”’\')\]]*$')


def render(case, lang, mode, headline_breaks=False):
    """The file text of one language (str) and its units, in order. Sets
    each unit's byte span (start, end) in the file and paragraph index.
    headline_breaks (raw mode): a unit that ends without punctuation keeps
    its line break, as a headline in the middle of a page does; the units
    of a paragraph are otherwise joined by spaces."""
    out = []
    offset = 0
    units = []
    for p, para in enumerate(case.paras[lang]):
        if p:
            out.append('\n')
            offset += 1
        for k, unit in enumerate(para):
            if k:
                sep = ' ' if mode == 'raw' else '\n'
                if mode == 'raw' and headline_breaks and UNPUNCTUATED.search(para[k - 1].text):
                    sep = '\n'
                out.append(sep)
                offset += 1
            unit.para = p
            unit.start = offset
            out.append(unit.text)
            offset += len(unit.text.encode('utf-8'))
            unit.end = offset
            units.append(unit)
        out.append('\n')
        offset += 1
    return ''.join(out), units


def merge_groups(groups):
    """Groups of nodes merged where they share a node (union-find): lists of
    nodes, each node in one, in the order the nodes were first seen."""
    parent = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for nodes in groups:
        for node in nodes:
            parent.setdefault(node, node)
        for node in nodes[1:]:
            ra, rb = find(nodes[0]), find(node)
            if ra != rb:
                parent[ra] = rb
    merged = {}
    for node in parent:
        merged.setdefault(find(node), []).append(node)
    return list(merged.values())


def gold_beads3(units, langs, pair):
    """The three-way gold, projected onto a pair: the rows that a three-way
    alignment must have (units of all three languages that share a line are
    one row), as (a-units, b-units, category) beads of that pair. A sentence
    merged in one language joins the rows of the other two, so this is what
    a three-way run is scored against; the pairwise gold would count every
    such row twice as wrong."""
    singles = []
    where = {}
    for lang in langs:
        for k, unit in enumerate(units[lang]):
            singles.append([(lang, k)])
            for line_id in unit.ids:
                where.setdefault(line_id, []).append((lang, k))
    beads = []
    for nodes in merge_groups(singles + list(where.values())):
        a = tuple(sorted(k for lang, k in nodes if lang == pair[0]))
        b = tuple(sorted(k for lang, k in nodes if lang == pair[1]))
        if not a and not b:
            continue
        if a and b:
            category = '1-1' if len(a) == 1 and len(b) == 1 else 'other'
        else:
            category = 'other'
        beads.append((a, b, category))
    return beads


def gold_beads(units_a, units_b):
    """Gold beads between two languages' units (indices into the unit lists)
    with a category for each: list of ((a...), (b...), category)."""
    where_b = {}
    for j, unit in enumerate(units_b):
        for line_id in unit.ids:
            where_b[line_id] = j
    links = [[('a', i)] for i in range(len(units_a))] + [[('b', j)] for j in range(len(units_b))]
    for i, unit in enumerate(units_a):
        for line_id in unit.ids:
            if line_id in where_b:
                links.append([('a', i), ('b', where_b[line_id])])
    bead_of = {}
    for nodes in merge_groups(links):
        a = tuple(sorted(k for side, k in nodes if side == 'a'))
        b = tuple(sorted(k for side, k in nodes if side == 'b'))
        for node in nodes:
            bead_of[node] = (a, b)
    # Document order; units are in document order on both sides, so beads
    # never cross (checked on the way).
    beads = []
    i = j = 0
    while i < len(units_a) or j < len(units_b):
        if i < len(units_a) and not bead_of[('a', i)][1]:
            beads.append(bead_of[('a', i)])
            i += 1
        elif j < len(units_b) and not bead_of[('b', j)][0]:
            beads.append(bead_of[('b', j)])
            j += 1
        else:
            bead = bead_of[('a', i)] if i < len(units_a) else None
            if bead is None or j >= len(units_b) or bead != bead_of[('b', j)]:
                raise AssertionError('gold beads cross')
            a, b = bead
            if a != tuple(range(i, i + len(a))) or b != tuple(range(j, j + len(b))):
                raise AssertionError('gold bead is not contiguous')
            beads.append(bead)
            i += len(a)
            j += len(b)
    result = []
    for a, b in beads:
        if len(a) == 1 and len(b) == 1:
            category = '1-1'
        elif sorted((len(a), len(b))) == [1, 2]:
            category = 'joined'
        elif len(a) + len(b) == 1:
            unit = units_a[a[0]] if a else units_b[b[0]]
            category = 'added' if unit.kind == 'inserted' else 'omitted'
        else:
            category = 'other'
        result.append((a, b, category))
    return result


# ---------------------------------------------------------------------------
# Output of the aligner: checks and conversion to beads

def _is_index_list(value):
    return isinstance(value, list) and all(isinstance(x, int) and not isinstance(x, bool)
                                           for x in value)


def check_rows(rows, langs, data, n_sentences=None, expected_spans=None, units=None):
    """Checks rows against the spec. data[lang] is the file's bytes,
    n_sentences[lang] the known sentence count (presegmented), expected_spans[lang]
    the known sentence spans, units[lang] the units (raw: checks that every
    unit is covered). Returns (problems, spans) where spans[lang] maps a
    sentence index to its (start, end)."""
    problems = []

    def problem(message):
        if len(problems) < 12:
            problems.append(message)
        elif len(problems) == 12:
            problems.append('… (more problems not listed)')

    spans = {lang: {} for lang in langs}
    last = {lang: -1 for lang in langs}
    disorder = {lang: 0 for lang in langs}
    for r, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            problem(f'row {r}: not a JSON object')
            continue
        row_spans = row.get('spans')
        if not isinstance(row_spans, dict):
            problem(f'row {r}: no "spans" object')
            row_spans = {}
        score = row.get('score')
        if not isinstance(score, (int, float)) or isinstance(score, bool):
            problem(f'row {r}: "score" is missing or not a number')
        empty = True
        for lang in langs:
            indices = row.get(lang)
            if not _is_index_list(indices):
                problem(f'row {r}: "{lang}" is missing or not a list of integers')
                continue
            if indices:
                empty = False
            if indices != sorted(set(indices)):
                problem(f'row {r}: {lang} indices {indices} are not strictly ascending')
            lang_spans = row_spans.get(lang)
            if not isinstance(lang_spans, list) or len(lang_spans) != len(indices):
                problem(f'row {r}: spans.{lang} does not have one span per {lang} sentence')
                lang_spans = [None] * len(indices)
            for index, span in zip(indices, lang_spans):
                if index in spans[lang]:
                    problem(f'row {r}: {lang} sentence {index} appears twice')
                if index <= last[lang]:
                    disorder[lang] += 1
                last[lang] = max(last[lang], index)
                if not (isinstance(span, list) and len(span) == 2 and _is_index_list(span)):
                    if span is not None:
                        problem(f'row {r}: {lang} span {span!r} is not [start, end]')
                    spans[lang][index] = None
                    continue
                start, end = span
                size = len(data[lang])
                if not 0 <= start < end <= size:
                    problem(f'row {r}: {lang} span {span} is outside the text (0–{size})')
                elif (data[lang][start] & 0xC0 == 0x80
                      or (end < size and data[lang][end] & 0xC0 == 0x80)):
                    problem(f'row {r}: {lang} span {span} cuts a UTF-8 character')
                spans[lang][index] = (start, end)
        if empty:
            problem(f'row {r}: no sentence in any language')
    for lang in langs:
        if disorder[lang]:
            problem(f'{lang}: {disorder[lang]} sentences come after a later one '
                    '(rows are not in document order)')
        seen = spans[lang]
        n = n_sentences[lang] if n_sentences else (max(seen) + 1 if seen else 0)
        missing = [i for i in range(n) if i not in seen]
        beyond = [i for i in seen if i < 0 or i >= n]
        if missing:
            problem(f'{lang}: {len(missing)} of {n} sentences are in no row '
                    f'(first: {missing[:5]})')
        if beyond:
            problem(f'{lang}: sentence indices out of range: {sorted(beyond)[:5]}')
        if expected_spans:
            wrong = [i for i, s in seen.items()
                     if 0 <= i < len(expected_spans[lang]) and s is not None
                     and s != expected_spans[lang][i]]
            if wrong:
                i = wrong[0]
                problem(f'{lang}: {len(wrong)} spans differ from the line spans '
                        f'(first: sentence {i} has {list(seen[i])}, '
                        f'line is {list(expected_spans[lang][i])})')
        if units:
            covered = _units_of_spans(units[lang], [s for s in seen.values() if s])
            uncovered = len(units[lang]) - len(covered)
            if uncovered:
                problem(f'{lang}: {uncovered} of {len(units[lang])} lines are covered '
                        'by no sentence span')
    return problems, spans


def _units_of_spans(units, spans):
    covered = set()
    for span in spans:
        covered.update(span_units(units, span))
    return covered


_ENDS = {'units': None, 'ends': []}


def span_units(units, span):
    """Indices of the units (in document order) whose byte range overlaps span."""
    if _ENDS['units'] is not units or len(_ENDS['ends']) != len(units):
        _ENDS['units'] = units
        _ENDS['ends'] = [u.end for u in units]
    ends = _ENDS['ends']
    start, end = span
    k = bisect.bisect_right(ends, start)
    found = []
    while k < len(units) and units[k].start < end:
        found.append(k)
        k += 1
    return found


def rows_to_beads(rows, a, b, sentence_units):
    """Beads for the pair (a, b) from rows. sentence_units[lang] maps a
    sentence index to the unit indices it covers. Rows that share a unit
    are merged; returns a list of (a units, b units)."""
    groups = []
    for row in rows:
        nodes = []
        for side, lang in (('a', a), ('b', b)):
            indices = row.get(lang) if isinstance(row, dict) else None
            if not _is_index_list(indices):
                continue
            for index in indices:
                for unit in sentence_units[lang](index):
                    nodes.append((side, unit))
        groups.append(nodes)
    beads = []
    for nodes in merge_groups(groups):
        beads.append((tuple(sorted(k for side, k in nodes if side == 'a')),
                      tuple(sorted(k for side, k in nodes if side == 'b'))))
    return beads


def ceiling_beads(gold, units_a, units_b, sents_a, sents_b):
    """The finest line-level beads an aligner can give when it works on the
    sentences sents_* ((start, end, paragraph) byte spans): gold beads that
    share a sentence on either side are merged."""
    groups = [[('a', i) for i in a] + [('b', j) for j in b] for a, b, _ in gold]
    for side, units, sents in (('a', units_a, sents_a), ('b', units_b, sents_b)):
        for start, end, _ in sents:
            groups.append([(side, k) for k in span_units(units, (start, end))])
    return [(tuple(sorted(k for side, k in nodes if side == 'a')),
             tuple(sorted(k for side, k in nodes if side == 'b'))) for nodes in merge_groups(groups)]


def identity_units(n):
    return lambda index: (index,) if 0 <= index < n else ()


def spans_units(units, spans):
    def lookup(index):
        span = spans.get(index)
        return span_units(units, span) if span else ()
    return lookup


def read_rows(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as e:
                    raise ValueError(f'line {number} is not JSON: {e}') from None
    return rows


# ---------------------------------------------------------------------------
# Running the aligner

def cli_has_align(cli):
    """None if `cli align` can be run, else the reason why not."""
    if not os.path.exists(cli):
        return f'{cli} does not exist'
    try:
        result = subprocess.run([cli, 'align', '--help'], capture_output=True, text=True,
                                timeout=60)
    except OSError as e:
        return f'{cli} cannot be run: {e}'
    except subprocess.TimeoutExpired:
        return f'`{cli} align --help` did not finish in 60 s'
    if result.returncode != 0:
        first = (result.stderr or result.stdout).strip().splitlines()
        return (f'`{os.path.basename(cli)} align --help` exits with {result.returncode}'
                + (f' ("{first[0]}")' if first else ''))
    return None


def copy_binary(path, folder):
    """A copy of an executable ELF file in folder (scripts are used as they are)."""
    try:
        with open(path, 'rb') as f:
            if f.read(4) != b'\x7fELF':
                return path
    except OSError:
        return path
    copy = os.path.join(folder, 'bin-' + os.path.basename(path))
    if not os.path.exists(copy):
        shutil.copy2(path, copy)
    return copy


def run_aligner(cli, files, presegmented, out_path, timeout, extra=()):
    """Runs `cli align`; returns (rows or None, seconds, error or None)."""
    args = [cli, 'align'] + list(extra)
    if presegmented:
        args.append('--presegmented')
    args += ['--format', 'jsonl', '-o', out_path]
    args += [f'{lang}={path}' for lang, path in files]
    if os.path.exists(out_path):
        os.unlink(out_path)
    started = time.monotonic()
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - started, f'timed out after {timeout} s'
    seconds = time.monotonic() - started
    if result.returncode != 0:
        err = result.stderr.strip().splitlines()
        return None, seconds, (f'exit status {result.returncode}'
                               + (f': {err[-1]}' if err else ''))
    try:
        return read_rows(out_path), seconds, None
    except (OSError, ValueError) as e:
        return None, seconds, f'output unreadable: {e}'


# ---------------------------------------------------------------------------
# Gale–Church baseline

GC_S2 = 6.8
GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099,
             (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))


def _gc_path(la, lb, c, s2, width):
    """Banded DP over two lists of lengths; returns (beads, touched) where
    touched says the path ran along an inner edge of the band."""
    n, m = len(la), len(lb)
    sqrt, erfc, logf = math.sqrt, math.erfc, math.log
    inv_sqrt2 = 1 / math.sqrt(2)
    tail = 0.5 * math.log(math.pi / 2)
    pen = {move: -math.log(p) for move, p in GC_PRIORS.items()}

    def match(l1, l2):
        if l1 == 0 and l2 == 0:
            return 0.0
        mean = (l1 + l2 / c) / 2
        z = abs(c * l1 - l2) / sqrt(s2 * mean)
        pd = erfc(z * inv_sqrt2)
        if pd > 1e-300:
            return -logf(pd)
        return z * z / 2 + logf(z) + tail

    p11, p10, p01 = pen[(1, 1)], pen[(1, 0)], pen[(0, 1)]
    p21, p12, p22 = pen[(2, 1)], pen[(1, 2)], pen[(2, 2)]
    del_a = [match(x, 0) + p10 for x in la]
    ins_b = [match(0, y) + p01 for y in lb]
    ratio = m / n if n else 0
    lo, hi = [], []
    for i in range(n + 1):
        centre = i * ratio
        lo.append(max(0, int(centre - width)))
        hi.append(min(m, int(math.ceil(centre + width))))
    lo[0], hi[n] = 0, m
    inf = math.inf
    row2 = [inf] * (m + 1)
    row1 = [inf] * (m + 1)
    back = []
    for i in range(n + 1):
        row = [inf] * (m + 1)
        moves = bytearray(m + 1)
        li = la[i - 1] if i >= 1 else 0
        li2 = li + la[i - 2] if i >= 2 else 0
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, move = inf, 0
            if i >= 1:
                v = row1[j] + del_a[i - 1]
                if v < best:
                    best, move = v, 2
                if j >= 1:
                    lj = lb[j - 1]
                    v = row1[j - 1]
                    if v < best:
                        v += match(li, lj) + p11
                        if v < best:
                            best, move = v, 1
                    if i >= 2:
                        v = row2[j - 1]
                        if v < best:
                            v += match(li2, lj) + p21
                            if v < best:
                                best, move = v, 4
                    if j >= 2:
                        lj2 = lj + lb[j - 2]
                        v = row1[j - 2]
                        if v < best:
                            v += match(li, lj2) + p12
                            if v < best:
                                best, move = v, 5
                        if i >= 2:
                            v = row2[j - 2]
                            if v < best:
                                v += match(li2, lj2) + p22
                                if v < best:
                                    best, move = v, 6
            if j >= 1:
                v = row[j - 1] + ins_b[j - 1]
                if v < best:
                    best, move = v, 3
            row[j] = best
            moves[j] = move
        back.append(moves)
        row2, row1 = row1, row
    beads = []
    touched = False
    i, j = n, m
    steps = {1: (1, 1), 2: (1, 0), 3: (0, 1), 4: (2, 1), 5: (1, 2), 6: (2, 2)}
    while i > 0 or j > 0:
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched = True
        move = back[i][j]
        if move == 0:
            raise AssertionError('Gale–Church: no path')
        di, dj = steps[move]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads, touched


def gale_church_block(la, lb, c, s2=GC_S2):
    n, m = len(la), len(lb)
    if n == 0 or m == 0:
        return [([i], []) for i in range(n)] + [([], [j]) for j in range(m)]
    width = max(64, 4 * abs(n - m) // 3)
    while True:
        beads, touched = _gc_path(la, lb, c, s2, width)
        if not touched or width >= max(n, m):
            return beads
        width *= 2


CEILING = 'ceiling'

GC_VARIANTS = {
    'paragraphs': 'Gale–Church',
    'flat': 'Gale–Church flat',
    'counts': 'Gale–Church counts',
}


def gale_church(sents_a, sents_b, paragraphs='paragraphs', s2=GC_S2):
    """sents_*: lists of (length, paragraph). Returns beads of indices.
    paragraphs: 'paragraphs' aligns paragraphs first (the same DP over
    paragraph lengths), then sentences within each paragraph bead; 'flat'
    aligns the whole text at once; 'counts' works within paragraphs when
    both sides have as many, else on the whole text."""
    total_a = sum(x[0] for x in sents_a)
    total_b = sum(x[0] for x in sents_b)
    c = total_b / total_a if total_a and total_b else 1.0
    paras_a = _group(sents_a)
    paras_b = _group(sents_b)
    whole = [(list(range(len(sents_a))), list(range(len(sents_b))))]
    if paragraphs == 'flat':
        blocks = whole
    elif paragraphs == 'counts':
        blocks = list(zip(paras_a, paras_b)) if len(paras_a) == len(paras_b) else whole
    else:
        length_a = [sum(sents_a[k][0] for k in para) for para in paras_a]
        length_b = [sum(sents_b[k][0] for k in para) for para in paras_b]
        blocks = [([k for i in x for k in paras_a[i]], [k for j in y for k in paras_b[j]])
                  for x, y in gale_church_block(length_a, length_b, c, s2)]
    beads = []
    for pa, pb in blocks:
        block = gale_church_block([sents_a[i][0] for i in pa], [sents_b[j][0] for j in pb], c, s2)
        for x, y in block:
            beads.append(([pa[i] for i in x], [pb[j] for j in y]))
    return beads


def _group(sents):
    groups = []
    last = None
    for k, (_, para) in enumerate(sents):
        if para != last or not groups:
            groups.append([])
            last = para
        groups[-1].append(k)
    return groups


def beads_to_rows(beads, langs, spans):
    """Rows in the CLI's format, so the baseline goes through the same
    checks and scoring as the aligner."""
    rows = []
    for bead in beads:
        row = {lang: list(side) for lang, side in zip(langs, bead)}
        row['score'] = 0.0
        row['spans'] = {lang: [list(spans[lang][k]) for k in side]
                        for lang, side in zip(langs, bead)}
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------
# Segmentation for the baseline in raw mode

_SPLIT = re.compile(r'(?<=[.!?…])["»”)\]]*\s+(?=[^\s])')


def regex_sentences(text):
    """(start, end, paragraph) byte spans of a crude split of raw text."""
    data = text.encode('utf-8')
    sentences = []
    para = 0
    offset = 0
    for p, block in enumerate(re.split(r'(\n[ \t]*\n)', text)):
        if p % 2:
            offset += len(block.encode('utf-8'))
            continue
        if block.strip():
            start = 0
            pieces = []
            for match in _SPLIT.finditer(block):
                pieces.append((start, match.start()))
                start = match.end()
            pieces.append((start, len(block)))
            for s, e in pieces:
                piece = block[s:e]
                stripped = piece.strip()
                if not stripped:
                    continue
                s += len(piece) - len(piece.lstrip())
                bs = offset + len(block[:s].encode('utf-8'))
                be = bs + len(stripped.encode('utf-8'))
                sentences.append((bs, be, para))
            para += 1
        offset += len(block.encode('utf-8'))
    assert all(0 <= s < e <= len(data) for s, e, _ in sentences)
    return sentences


def segment(segmenter, path, lang, text):
    """Sentences of a raw file as (start, end, paragraph), by `segmenter
    segment` when it works, else by regex_sentences. Returns (list, how)."""
    if segmenter:
        try:
            result = subprocess.run([segmenter, 'segment', '--lang', lang, '--format', 'jsonl',
                                     path], capture_output=True, text=True, timeout=300)
            if result.returncode == 0:
                sentences = []
                for line in result.stdout.splitlines():
                    if line.strip():
                        obj = json.loads(line)
                        sentences.append((obj['start'], obj['end'], obj['paragraph']))
                return sentences, 'triptych-cli segment'
        except (OSError, ValueError, KeyError, subprocess.TimeoutExpired):
            pass
    return regex_sentences(text), 'regular expression'


# ---------------------------------------------------------------------------
# The evaluation

class Result:
    def __init__(self, corpus, mode, pair, aligner):
        self.corpus, self.mode, self.pair, self.aligner = corpus, mode, pair, aligner
        self.scores = None
        self.counts = None
        self.gold_beads = 0
        self.test_beads = 0
        self.breakdown = {}       # category -> (found, gold)
        self.null_emitted = 0
        self.null_correct = 0
        self.seconds = None
        self.error = None


def evaluate_pair(result, gold, test):
    gold_pairs = [(a, b) for a, b, _ in gold]
    result.counts = score_counts([(gold_pairs, test)])
    result.scores = scores_from_counts(*result.counts)
    test_set = _bead_set(test)
    gold_set = _bead_set(gold_pairs)
    result.gold_beads = len(gold_set)
    result.test_beads = len(test_set)
    breakdown = {c: [0, 0] for c in CATEGORIES}
    for a, b, category in gold:
        breakdown[category][1] += 1
        if (a, b) in test_set:
            breakdown[category][0] += 1
    result.breakdown = breakdown
    nulls = [bead for bead in test_set if not bead[0] or not bead[1]]
    result.null_emitted = len(nulls)
    result.null_correct = sum(1 for bead in nulls if bead in gold_set)


def write_units(path, units):
    """Presegmented text of @units (one a line, a blank line where the
    paragraph changes)."""
    out = []
    for k, unit in enumerate(units):
        if k and unit.para != units[k - 1].para:
            out.append('')
        out.append(unit.text)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(out) + '\n')


def split_gold(gold, fraction):
    """The gold beads (a, b, category) cut after the first @fraction of
    them: (head, rest with indices from 0, first a index, first b index)."""
    k = int(len(gold) * fraction)
    cut_a = sum(len(a) for a, _, _ in gold[:k])
    cut_b = sum(len(b) for _, b, _ in gold[:k])
    rest = [(tuple(i - cut_a for i in a), tuple(j - cut_b for j in b), c)
            for a, b, c in gold[k:]]
    return gold[:k], rest, cut_a, cut_b


class Bench:
    def __init__(self, args):
        self.args = args
        self.lexicon_results = []   # (corpus, pair, rows learnt, Result without, Result with)
        self.results = []
        self.checks = []          # (what, problems)
        self.case_stats = []
        self.aligner_seconds = 0.0
        self.cli_missing = None
        self.segmenter = None
        self.segmented_by = set()
        self.cli_run = args.cli

    # -- helpers -------------------------------------------------------------

    def run_cli(self, what, files, presegmented, out_path, extra=()):
        if self.cli_missing:
            return None, None, self.cli_missing
        log(f'  {what}: triptych-cli align')
        rows, seconds, error = run_aligner(self.cli_run, files, presegmented, out_path,
                                           self.args.timeout, extra)
        self.aligner_seconds += seconds or 0
        return rows, seconds, error

    def add_checks(self, what, problems):
        if problems:
            self.checks.append((what, problems))

    # -- learning from confirmed rows -----------------------------------------

    def lexicon_bench(self, name, units, golds, tmp):
        """The user confirms the first 20 % of the gold rows of a pair; its
        1-1 rows go into a lexicon (`triptych-cli learn`); the rest of the
        texts is aligned without and with it (`align --lexicon`)."""
        for pair in PAIRS:
            a, b = pair
            head, rest, cut_a, cut_b = split_gold(golds[pair], LEXICON_CONFIRMED)
            tag = f'{name}-lex-{a}{b}'
            learnt = [(x[0], y[0]) for x, y, _ in head if len(x) == 1 and len(y) == 1]
            paths = {lang: os.path.join(tmp, f'{tag}-confirmed.{lang}.txt') for lang in pair}
            with open(paths[a], 'w', encoding='utf-8') as fa, \
                    open(paths[b], 'w', encoding='utf-8') as fb:
                for i, j in learnt:
                    fa.write(units[a][i].text + '\n')
                    fb.write(units[b][j].text + '\n')
            lexicon = os.path.join(tmp, f'{tag}.tsv')
            if os.path.exists(lexicon):
                os.unlink(lexicon)
            log(f'  {a}–{b}: triptych-cli learn, then align the rest without and with it')
            subprocess.run([self.cli_run, 'learn', '-o', lexicon,
                            f'{a}={paths[a]}', f'{b}={paths[b]}'], check=True)
            files = []
            for lang, cut in ((a, cut_a), (b, cut_b)):
                path = os.path.join(tmp, f'{tag}-rest.{lang}.txt')
                write_units(path, units[lang][cut:])
                files.append((lang, path))
            pair_results = []
            for extra in ((), ('--lexicon', lexicon)):
                result = Result(name, 'presegmented', pair, 'lexicon' if extra else 'plain')
                out = os.path.join(tmp, f'{tag}-{len(extra)}.jsonl')
                rows, result.seconds, result.error = self.run_cli(
                    f'{a}–{b} rest', files, True, out, extra)
                if rows is not None:
                    test = rows_to_beads(rows, a, b, {
                        a: identity_units(len(units[a]) - cut_a),
                        b: identity_units(len(units[b]) - cut_b)})
                    evaluate_pair(result, rest, test)
                pair_results.append(result)
            self.lexicon_results.append((name, pair, len(learnt), *pair_results))

    # -- line-aligned corpora ------------------------------------------------

    def line_corpus(self, name, tmp):
        base, _, domain = name.partition('-')
        folder = os.path.join(self.args.corpora, base)
        documents = read_line_corpus(folder)
        if domain:
            # One domain of wmt22 (meta.tsv: doc_id, domain, seg_in_doc per line).
            meta = read_lines(os.path.join(folder, 'meta.tsv'))[1:]
            domains = [row.split('\t')[1] for row in meta]
            documents = [doc for doc in documents if domains[doc[0][0]] == domain]
        if self.args.docs:
            documents = documents[:self.args.docs]
        hard = self.args.construction == 'hard'
        case = build_case(documents, LANGS, self.args.seed,
                          HARD_RATES if hard else self.args.rates, label=name, hard=hard)
        self.case_stats.append((name, case))
        for mode in self.args.modes:
            log(f'{name} {mode}')
            files = {}
            units = {}
            data = {}
            texts = {}
            for lang in LANGS:
                text, lang_units = render(case, lang, mode, self.args.headline_breaks)
                path = os.path.join(tmp, f'{name}-{mode}.{lang}.txt')
                with open(path, 'w', encoding='utf-8', newline='\n') as f:
                    f.write(text)
                files[lang] = path
                units[lang] = lang_units
                data[lang] = text.encode('utf-8')
                texts[lang] = text
            golds = {pair: gold_beads(units[pair[0]], units[pair[1]]) for pair in PAIRS}
            golds3 = {pair: gold_beads3(units, LANGS, pair) for pair in PAIRS}
            if self.args.keep:
                # The gold beads beside the case files, for reading the errors.
                with open(os.path.join(tmp, f'{name}-{mode}-gold.json'), 'w', encoding='utf-8') as f:
                    json.dump({'pairwise': {'-'.join(p): g for p, g in golds.items()},
                               'three-way': {'-'.join(p): g for p, g in golds3.items()}}, f)
            presegmented = mode == 'presegmented'
            n_sentences = {lang: len(units[lang]) for lang in LANGS} if presegmented else None
            expected = ({lang: [(u.start, u.end) for u in units[lang]] for lang in LANGS}
                        if presegmented else None)

            def sentence_units(langs, spans):
                if presegmented:
                    return {lang: identity_units(len(units[lang])) for lang in langs}
                return {lang: spans_units(units[lang], spans[lang]) for lang in langs}

            if presegmented and self.args.lexicon_bench:
                self.lexicon_bench(name, units, golds, tmp)
            # Two-language runs.
            for pair in PAIRS:
                result = Result(name, mode, pair, 'triptych')
                out = os.path.join(tmp, f'{name}-{mode}-{pair[0]}{pair[1]}.jsonl')
                rows, result.seconds, result.error = self.run_cli(
                    f'{pair[0]}–{pair[1]}', [(lang, files[lang]) for lang in pair],
                    presegmented, out)
                if rows is not None:
                    problems, spans = check_rows(
                        rows, pair, data,
                        {k: n_sentences[k] for k in pair} if n_sentences else None,
                        expected, None if presegmented else units)
                    self.add_checks(f'{name} {mode} {pair[0]}–{pair[1]}', problems)
                    test = rows_to_beads(rows, pair[0], pair[1], sentence_units(pair, spans))
                    evaluate_pair(result, golds[pair], test)
                self.results.append(result)
            # One three-way run, projected onto each pair.
            out = os.path.join(tmp, f'{name}-{mode}-3way.jsonl')
            rows, seconds, error = self.run_cli('en+ru+uk', [(lang, files[lang]) for lang in LANGS],
                                                presegmented, out)
            spans = None
            if rows is not None:
                problems, spans = check_rows(rows, LANGS, data, n_sentences, expected,
                                             None if presegmented else units)
                self.add_checks(f'{name} {mode} en+ru+uk', problems)
            for pair in PAIRS:
                result = Result(name, mode, pair, 'triptych 3-way')
                result.seconds, result.error = seconds, error
                if rows is not None:
                    test = rows_to_beads(rows, pair[0], pair[1], sentence_units(pair, spans))
                    evaluate_pair(result, golds3[pair], test)
                self.results.append(result)
            sents = {}
            for lang in LANGS:
                if presegmented:
                    sents[lang] = [(u.start, u.end, u.para) for u in units[lang]]
                else:
                    sents[lang], how = segment(self.segmenter, files[lang], lang, texts[lang])
                    self.segmented_by.add(how)
            # What a perfect aligner could reach on these sentences.
            if not presegmented:
                for pair in PAIRS:
                    result = Result(name, mode, pair, CEILING)
                    evaluate_pair(result, golds[pair],
                                  ceiling_beads(golds[pair], units[pair[0]], units[pair[1]],
                                                sents[pair[0]], sents[pair[1]]))
                    self.results.append(result)
            # The baseline.
            if self.args.baseline:
                for pair in PAIRS:
                    for variant in self.args.gc_variants:
                        aligner = GC_VARIANTS[variant]
                        log(f'  {pair[0]}–{pair[1]}: {aligner}')
                        result = Result(name, mode, pair, aligner)
                        started = time.monotonic()
                        rows = self.gale_church_rows(pair, sents, data, variant)
                        result.seconds = time.monotonic() - started
                        problems, spans = check_rows(
                            rows, pair, data,
                            {k: n_sentences[k] for k in pair} if n_sentences else None,
                            expected, None if presegmented else units)
                        self.add_checks(f'{name} {mode} {pair[0]}–{pair[1]} ({aligner})',
                                        problems)
                        test = rows_to_beads(rows, pair[0], pair[1], sentence_units(pair, spans))
                        evaluate_pair(result, golds[pair], test)
                        self.results.append(result)

    def gale_church_rows(self, pair, sents, data, variant):
        lists = []
        for lang in pair:
            lists.append([(len(data[lang][s:e].decode('utf-8')), p) for s, e, p in sents[lang]])
        beads = gale_church(lists[0], lists[1], variant)
        spans = {lang: [(s, e) for s, e, _ in sents[lang]] for lang in pair}
        return beads_to_rows(beads, pair, spans)

    # -- textberg dev --------------------------------------------------------

    def textberg(self, tmp):
        folder = os.path.join(self.args.corpora, 'textberg', 'dev')
        log('textberg dev presegmented')
        pair = ('de', 'fr')
        gold_pairs = parse_beads(os.path.join(folder, 'dev.defr'))
        gold = []
        for a, b in gold_pairs:
            if len(a) == 1 and len(b) == 1:
                category = '1-1'
            elif sorted((len(a), len(b))) == [1, 2]:
                category = 'joined'
            elif len(a) + len(b) == 1:
                category = 'omitted'
            else:
                category = 'other'
            gold.append((a, b, category))
        files, data, lines = {}, {}, {}
        for lang in pair:
            lines[lang] = [clean_line(x) for x in read_lines(os.path.join(folder, f'dev.{lang}'))]
            if not all(lines[lang]):
                raise SystemExit(f'textberg dev.{lang}: empty lines would shift the gold indices')
            text = '\n'.join(lines[lang]) + '\n'
            files[lang] = os.path.join(tmp, f'textberg-dev.{lang}.txt')
            with open(files[lang], 'w', encoding='utf-8', newline='\n') as f:
                f.write(text)
            data[lang] = text.encode('utf-8')
        expected = {}
        for lang in pair:
            offset, spans = 0, []
            for line in lines[lang]:
                size = len(line.encode('utf-8'))
                spans.append((offset, offset + size))
                offset += size + 1
            expected[lang] = spans
        n_sentences = {lang: len(lines[lang]) for lang in pair}
        units = {lang: identity_units(n_sentences[lang]) for lang in pair}
        result = Result('textberg-dev', 'presegmented', pair, 'triptych')
        rows, result.seconds, result.error = self.run_cli(
            'de–fr', [(lang, files[lang]) for lang in pair], True,
            os.path.join(tmp, 'textberg-dev.jsonl'))
        if rows is not None:
            problems, _ = check_rows(rows, pair, data, n_sentences, expected)
            self.add_checks('textberg-dev presegmented de–fr', problems)
            evaluate_pair(result, gold, rows_to_beads(rows, 'de', 'fr', units))
        self.results.append(result)
        if self.args.baseline:
            # One paragraph: every variant is the same DP over the whole text.
            log('  de–fr: Gale–Church')
            result = Result('textberg-dev', 'presegmented', pair, GC_VARIANTS['paragraphs'])
            started = time.monotonic()
            beads = gale_church([(len(x), 0) for x in lines['de']],
                                [(len(x), 0) for x in lines['fr']])
            result.seconds = time.monotonic() - started
            evaluate_pair(result, gold, [(tuple(a), tuple(b)) for a, b in beads])
            self.results.append(result)

    # -- report --------------------------------------------------------------

    def report(self, started):
        args = self.args
        out = []
        w = out.append
        w('## Sentence alignment bench')
        w('')
        w(f'- Aligner: `{args.cli}`'
          + (f' — **not run**: {self.cli_missing}' if self.cli_missing else ''))
        w(f'- Corpora: {args.corpora}; seed {args.seed}; '
          + (f'first {args.docs} documents per line-aligned corpus; ' if args.docs else '')
          + (f'**hard** construction, per language independently: omit {HARD_RATES["omit"]} '
             f'per line, the same line dropped in two languages {HARD_RATES["omit2"]}, merge '
             f'{HARD_RATES["merge"]} per adjacent pair, insert {HARD_RATES["insert"]} per line, '
             f'paragraph joined to the previous {HARD_RATES["parajoin"]}'
             if args.construction == 'hard' else
             f'old construction, rates: omit {args.rates["omit"]}, merge {args.rates["merge"]}, '
             f'insert {args.rates["insert"]} per line'))
        if args.headline_breaks:
            w('- Raw mode: a line that ends without punctuation keeps its line break (--headline-breaks)')
        if self.segmented_by:
            w(f'- Raw-mode sentences for Gale–Church and the ceiling: '
              f'{", ".join(sorted(self.segmented_by))}')
        w('')
        w('### Summary: strict F1 / lax F1')
        w('')
        columns = ['triptych', 'triptych 3-way']
        if args.baseline:
            columns += [GC_VARIANTS[v] for v in args.gc_variants]
        if any(r.aligner == CEILING for r in self.results):
            columns.append(CEILING)
        w('| corpus | mode | pair | ' + ' | '.join(columns) + ' |')
        w('|---|---|---|' + '--:|' * len(columns))
        keys = []
        by_key = {}
        for r in self.results:
            key = (r.corpus, r.mode, r.pair)
            if key not in by_key:
                keys.append(key)
                by_key[key] = {}
            by_key[key][r.aligner] = r

        def cell(r):
            if r is None:
                return '–'
            if r.scores is None:
                return 'error' if r.error and not self.cli_missing else '–'
            return f'{r.scores["f1_strict"]:.3f} / {r.scores["f1_lax"]:.3f}'

        for key in keys:
            d = by_key[key]
            w(f'| {key[0]} | {key[1]} | {key[2][0]}–{key[2][1]} | '
              + ' | '.join(cell(d.get(c)) for c in columns) + ' |')
        w('')
        w('### Strict and lax precision, recall, F1')
        w('')
        w('| corpus | mode | pair | aligner | gold beads | test beads | strict P | strict R | '
          'strict F1 | lax P | lax R | lax F1 | aligner s |')
        w('|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|')
        for r in self.results:
            if r.scores is None and self.cli_missing:
                continue
            name = f'{r.pair[0]}–{r.pair[1]}'
            seconds = f'{r.seconds:.2f}' if r.seconds is not None else '–'
            if r.aligner == CEILING:
                seconds = ''
            if r.scores is None:
                w(f'| {r.corpus} | {r.mode} | {name} | {r.aligner} | – | – | '
                  f'{r.error} | | | | | | {seconds} |')
                continue
            s = r.scores
            w(f'| {r.corpus} | {r.mode} | {name} | {r.aligner} | {r.gold_beads} | '
              f'{r.test_beads} | {s["p_strict"]:.3f} | {s["r_strict"]:.3f} | '
              f'{s["f1_strict"]:.3f} | {s["p_lax"]:.3f} | {s["r_lax"]:.3f} | '
              f'{s["f1_lax"]:.3f} | {seconds} |')
        w('')
        w('- Gale–Church: c = length ratio of the two texts, s² = 6.8, classic priors; '
          '"Gale–Church" aligns paragraphs first and then the sentences within each '
          'paragraph bead, "flat" aligns the whole text at once. textberg-dev is one '
          'paragraph, so both are the same there. Its times are this script\'s Python DP.')
        w('- triptych 3-way: one en+ru+uk run, projected onto each pair and scored against the three-way gold projected the same way (a sentence merged in one language joins the rows of the other two; its time is '
          'that one run).')
        w('- ceiling (raw mode only): the gold with beads merged wherever a sentence of the '
          'segmenter spans lines of two beads, i.e. the best line-level score any aligner '
          'can reach on those sentences (the segmenter named at the top).')
        w('')
        w('### Gold beads found exactly, by kind')
        w('')
        w('| corpus | mode | pair | aligner | '
          + ' | '.join(CATEGORY_TITLES[c] for c in CATEGORIES)
          + ' | 1-0/0-1 emitted (right) |')
        w('|---|---|---|---|' + '--:|' * (len(CATEGORIES) + 1))
        for r in self.results:
            if r.scores is None:
                continue
            cells = []
            for c in CATEGORIES:
                found, total = r.breakdown[c]
                cells.append(f'{found}/{total}' if total else '–')
            w(f'| {r.corpus} | {r.mode} | {r.pair[0]}–{r.pair[1]} | {r.aligner} | '
              + ' | '.join(cells) + f' | {r.null_emitted} ({r.null_correct}) |')
        w('')
        w('- found/gold: gold beads of that kind present exactly among the test beads. '
          '"omitted": a line missing on the other side; "added": a line inserted from '
          'another document (textberg: every gold 1-0/0-1 bead counts as "omitted").')
        w('')
        if self.lexicon_results:
            w(f'### Learning from confirmed rows (first {LEXICON_CONFIRMED:.0%} of the gold rows '
              'confirmed, the rest realigned; strict F1 / lax F1)')
            w('')
            w('| corpus | pair | 1-1 rows learnt | without lexicon | with lexicon | '
              'strict F1 change |')
            w('|---|---|--:|--:|--:|--:|')
            for name, pair, learnt, plain, lex in self.lexicon_results:
                if plain.scores is None or lex.scores is None:
                    w(f'| {name} | {pair[0]}–{pair[1]} | {learnt} | error | error | – |')
                    continue
                delta = lex.scores['f1_strict'] - plain.scores['f1_strict']
                w(f'| {name} | {pair[0]}–{pair[1]} | {learnt} | '
                  f'{plain.scores["f1_strict"]:.3f} / {plain.scores["f1_lax"]:.3f} | '
                  f'{lex.scores["f1_strict"]:.3f} / {lex.scores["f1_lax"]:.3f} | {delta:+.3f} |')
            w('')
        if self.case_stats:
            w('### Cases')
            w('')
            w('| corpus | documents | lines | lang | units | paragraphs | omitted | merged | '
              'inserted | paragraphs joined |')
            w('|---|--:|--:|---|--:|--:|--:|--:|--:|--:|')
            for name, case in self.case_stats:
                for lang in case.langs:
                    st = case.stats[lang]
                    w(f'| {name} | {case.documents} | {case.lines} | {lang} | '
                      f'{len(case.units(lang))} | {len(case.paras[lang])} | {st["omitted"]} | '
                      f'{st["merged"]} | {st["inserted"]} | {st["parajoined"]} |')
            w('')
            twice = ', '.join(f'{name} {case.stats_twice}' for name, case in self.case_stats
                              if case.stats_twice)
            if twice:
                w(f'- Lines dropped in two languages (counted in "omitted" of both): {twice}.')
                w('')
        w('### Output checks')
        w('')
        if not self.checks:
            w('No problems found in the output' + (' (the aligner was not run).'
                                                 if self.cli_missing else '.'))
        for what, problems in self.checks:
            w(f'- {what}:')
            for p in problems:
                w(f'  - {p}')
        w('')
        total = time.monotonic() - started
        w(f'- Bench time {total:.1f} s, of which the aligner {self.aligner_seconds:.1f} s.')
        return '\n'.join(out)


# ---------------------------------------------------------------------------
# Self-test

def _close(x, y):
    return abs(x - y) < 1e-9


def self_test():
    failures = []

    def expect(name, got, want):
        for key, value in want.items():
            if not _close(got[key], value):
                failures.append(f'{name}: {key} = {got[key]:.4f}, expected {value:.4f}')

    def beads(*pairs):
        return [(tuple(a), tuple(b)) for a, b in pairs]

    gold = beads(([0], [0]), ([1], [1]), ([2], [2]))
    expect('perfect', score([(gold, gold)]),
           {'p_strict': 1, 'r_strict': 1, 'f1_strict': 1, 'p_lax': 1, 'r_lax': 1, 'f1_lax': 1})
    # A merged bead: strict miss, lax hit. P strict 1/2, R strict 1/3.
    expect('merged bead', score([(gold, beads(([0, 1], [0, 1]), ([2], [2])))]),
           {'p_strict': 0.5, 'r_strict': 1 / 3, 'f1_strict': 0.4,
            'p_lax': 1, 'r_lax': 1, 'f1_lax': 1})
    # A gold deletion absorbed into a 2-1 bead: P strict 1/2, R strict 1/2.
    expect('absorbed deletion',
           score([(beads(([0], [0]), ([1], []), ([2], [1])), beads(([0], [0]), ([1, 2], [1])))]),
           {'p_strict': 0.5, 'r_strict': 0.5, 'f1_strict': 0.5,
            'p_lax': 1, 'r_lax': 1, 'f1_lax': 1})
    # Spurious 1-0 and 0-1 beads: misses for both measures; P 1/3, R 1/2.
    expect('spurious null beads',
           score([(beads(([0], [0]), ([1], [1])), beads(([0], []), ([], [0]), ([1], [1])))]),
           {'p_strict': 1 / 3, 'r_strict': 0.5, 'f1_strict': 0.4,
            'p_lax': 1 / 3, 'r_lax': 0.5, 'f1_lax': 0.4})
    # Gold 1-0 found: counts for precision only, never for recall.
    expect('null bead found',
           score([(beads(([0], [0]), ([1], []), ([2], [1])),
                   beads(([0], [0]), ([1], []), ([2], [1])))]),
           {'p_strict': 1, 'r_strict': 1, 'f1_strict': 1})
    # Crossed beads: everything wrong.
    expect('crossed', score([(beads(([0], [0]), ([1], [1])), beads(([0], [1]), ([1], [0])))]),
           {'p_strict': 0, 'r_strict': 0, 'f1_strict': 0, 'p_lax': 0, 'r_lax': 0, 'f1_lax': 0})
    # Micro-average: 3 right beads in one document, 1 wrong in another: 3/4.
    expect('micro-average',
           score([(gold, gold), (beads(([0], [0]), ([1], [1])), beads(([0], [1]), ([1], [0])))]),
           {'p_strict': 0.6, 'r_strict': 0.6})
    # Duplicates count once, beads empty on both sides are dropped.
    expect('cleaning', score([(beads(([0], [0]),), beads(([0], [0]), ([0], [0]), ([], [])))]),
           {'p_strict': 1, 'r_strict': 1, 'f1_lax': 1})
    # Lax needs overlap on both sides: ([0],[1]) against gold ([0],[0]),([1],[1]) misses.
    expect('lax one side', score([(beads(([0], [0]), ([1], [1])), beads(([0, 1], [1]),))]),
           {'p_strict': 0, 'p_lax': 1, 'r_strict': 0, 'r_lax': 0.5})

    # Gale–Church: equal lengths give the diagonal; a 2-1 is found.
    got = gale_church([(30, 0), (50, 0), (20, 0)], [(30, 0), (50, 0), (20, 0)])
    if got != [([0], [0]), ([1], [1]), ([2], [2])]:
        failures.append(f'Gale–Church diagonal: {got}')
    got = gale_church([(40, 0), (25, 0), (30, 0), (60, 0)], [(40, 0), (56, 0), (60, 0)])
    if got != [([0], [0]), ([1, 2], [1]), ([3], [2])]:
        failures.append(f'Gale–Church 2-1: {got}')
    la = [random.Random(k).randint(20, 200) for k in range(300)]
    lb = la[:100] + la[101:]
    got = gale_church([(x, 0) for x in la], [(x, 0) for x in lb])
    # (classic Gale–Church absorbs the deleted sentence into a 2-1 bead)
    if ([99], [99]) not in got or ([200], [199]) not in got:
        failures.append('Gale–Church: no recovery after a deleted sentence')

    # The whole pipeline on a made-up corpus: the gold fed back as output
    # scores 1, a trivial 1-1 alignment scores below 1.
    words = ('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi '
             'omicron pi rho sigma tau upsilon phi chi psi omega').split()
    rng = random.Random(7)
    documents = []
    line_id = 0
    for d in range(30):
        doc = []
        for k in range(rng.randint(1, 12)):
            sentence = ' '.join(rng.choice(words) for _ in range(rng.randint(3, 15)))
            texts = {lang: f'{lang.upper()} {sentence.capitalize()} {d}-{k}.' for lang in LANGS}
            doc.append((line_id, texts))
            line_id += 1
        documents.append(doc)
    rates = {'omit': 0.2, 'merge': 0.2, 'insert': 0.1}
    case = build_case(documents, LANGS, 1, rates, label='self-test')
    if not all(case.stats[lang][k] for lang in LANGS for k in ('omitted', 'merged', 'inserted')):
        failures.append(f'case perturbation missing: {case.stats}')
    hard_rates = {'omit': 0.1, 'merge': 0.2, 'insert': 0.1, 'omit2': 0.1, 'parajoin': 0.3}
    hard_case = build_case(documents, LANGS, 1, hard_rates, label='self-test', hard=True)
    if not (all(hard_case.stats[lang][k] for lang in LANGS
                for k in ('omitted', 'merged', 'inserted', 'parajoined'))
            and hard_case.stats_twice):
        failures.append(f'hard case perturbation missing: {hard_case.stats}')
    for case, mode in [(c, m) for c in (case, hard_case) for m in MODES]:
        rendered = {lang: render(case, lang, mode) for lang in LANGS}
        units = {lang: rendered[lang][1] for lang in LANGS}
        data = {lang: rendered[lang][0].encode('utf-8') for lang in LANGS}
        for lang in LANGS:
            for u in units[lang]:
                if data[lang][u.start:u.end].decode('utf-8') != u.text:
                    failures.append(f'{mode} {lang}: unit span does not hold its text')
                    break
        for a, b in PAIRS:
            gold = gold_beads(units[a], units[b])
            kinds = {c for _, _, c in gold}
            if not {'1-1', 'joined', 'omitted', 'added'} <= kinds:
                failures.append(f'{mode} {a}-{b}: gold lacks some kinds: {kinds}')
            spans = {lang: [(u.start, u.end) for u in units[lang]] for lang in LANGS}
            oracle = beads_to_rows([(x, y) for x, y, _ in gold], (a, b), spans)
            presegmented = mode == 'presegmented'
            problems, got_spans = check_rows(
                oracle, (a, b), data,
                {a: len(units[a]), b: len(units[b])} if presegmented else None,
                spans if presegmented else None, None if presegmented else units)
            if problems:
                failures.append(f'{mode} {a}-{b} oracle output: {problems}')
            if presegmented:
                su = {lang: identity_units(len(units[lang])) for lang in (a, b)}
            else:
                su = {lang: spans_units(units[lang], got_spans[lang]) for lang in (a, b)}
            s = score([([(x, y) for x, y, _ in gold], rows_to_beads(oracle, a, b, su))])
            if not _close(s['f1_strict'], 1):
                failures.append(f'{mode} {a}-{b}: oracle strict F1 {s["f1_strict"]:.3f}')
            n = max(len(units[a]), len(units[b]))
            trivial = [([i] if i < len(units[a]) else [], [i] if i < len(units[b]) else [])
                       for i in range(n)]
            trivial_rows = beads_to_rows(trivial, (a, b), spans)
            s = score([([(x, y) for x, y, _ in gold], rows_to_beads(trivial_rows, a, b, su))])
            if s['f1_strict'] > 0.8:
                failures.append(f'{mode} {a}-{b}: trivial 1-1 strict F1 {s["f1_strict"]:.3f}')
        # Raw mode: a row holding one sentence that spans two units, and a
        # unit split into two sentences in different rows, become one bead.
        if mode == 'raw':
            ua = units['en']
            first, second = ua[0], ua[1]
            rows = [{'en': [0], 'ru': [0], 'score': 1,
                     'spans': {'en': [[first.start, first.start + 2]], 'ru': [[0, 1]]}},
                    {'en': [1], 'ru': [], 'score': 1,
                     'spans': {'en': [[first.start + 3, second.end]], 'ru': []}}]
            spans = {'en': {0: (first.start, first.start + 2), 1: (first.start + 3, second.end)},
                     'ru': {0: (0, 1)}}
            su = {lang: spans_units(units[lang], spans[lang]) for lang in ('en', 'ru')}
            got = rows_to_beads(rows, 'en', 'ru', su)
            if got != [((0, 1), (0,))]:
                failures.append(f'raw row merging: {got}')
    # Checks catch broken output.
    bad = [{'en': [1], 'ru': [0], 'score': 1, 'spans': {'en': [[0, 3]], 'ru': [[0, 3]]}},
           {'en': [0], 'ru': [0, 2], 'spans': {'en': [[4, 9]], 'ru': [[4, 9]]}}]
    problems, _ = check_rows(bad, ('en', 'ru'), {'en': b'abc defgh\n', 'ru': b'abc defgh\n'},
                             {'en': 2, 'ru': 3})
    text = ' '.join(problems)
    for needle in ('twice', 'score', 'come after a later one', 'in no row', 'one span per'):
        if needle not in text:
            failures.append(f'check_rows did not report "{needle}": {problems}')
    # The regex segmenter gives byte spans.
    text = 'Один. Два!\n\nThree? Four.\n'
    got = [text.encode()[s:e].decode() for s, e, _ in regex_sentences(text)]
    if got != ['Один.', 'Два!', 'Three?', 'Four.']:
        failures.append(f'regex segmenter: {got}')

    if failures:
        for f in failures:
            print(f'FAIL {f}')
        return 1
    print('self-test: all checks passed')
    return 0


# ---------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(
        description='Sentence-alignment quality bench for triptych-cli align (Markdown on stdout).')
    parser.add_argument('--cli', default=DEFAULT_CLI,
                        help='the aligner (default: _build/app/cli/triptych-cli)')
    parser.add_argument('--corpora', default=DEFAULT_CORPORA,
                        help='corpora folder (default: ../shared/corpora beside the source root)')
    parser.add_argument('--segmenter', default=DEFAULT_CLI,
                        help='triptych-cli whose "segment" splits raw text for the baseline')
    parser.add_argument('--docs', type=int, default=0,
                        help='use only the first N documents of flores and wmt22')
    parser.add_argument('--quick', action='store_true',
                        help=f'a quick run: --docs {QUICK_DOCS} unless --docs is given')
    parser.add_argument('--seed', type=int, default=1, help='perturbation seed (default 1)')
    parser.add_argument('--corpus', default='flores,wmt22,wmt22-news,textberg',
                        help='comma-separated corpora to run (default: flores,wmt22,wmt22-news,textberg); '
                             'wmt22-news is the news documents of wmt22 alone (meta.tsv)')
    parser.add_argument('--mode', default='presegmented,raw',
                        help='comma-separated modes for flores/wmt22 (default: presegmented,raw)')
    parser.add_argument('--omit', type=float, default=RATES['omit'],
                        help='per line: chance it is dropped in one language (default 0.08)')
    parser.add_argument('--merge', type=float, default=RATES['merge'],
                        help='per adjacent pair: chance it is joined in one language '
                             '(default 0.05)')
    parser.add_argument('--insert', type=float, default=RATES['insert'],
                        help='per line: chance of a line from another document in one '
                             'language (default 0.03)')
    parser.add_argument('--construction', choices=('old', 'hard'), default='old',
                        help='old: each perturbation in ONE random language (rates --omit, '
                             '--merge, --insert); hard: per language independently, omit 0.05, '
                             'merge 0.07, insert 0.03, the same line dropped in two languages '
                             '0.02, paragraphs joined 0.15 (default old)')
    parser.add_argument('--headline-breaks', action='store_true',
                        help='raw mode: a line that ends without punctuation (a headline, a '
                             'subheading) keeps its line break instead of running into the next '
                             'line of its paragraph')
    parser.add_argument('--lexicon-bench', action='store_true',
                        help='presegmented: also confirm the first 20 %% of the gold rows of '
                             'each pair, learn a lexicon from them (triptych-cli learn) and '
                             'realign the rest without and with it')
    parser.add_argument('--timeout', type=float, default=600, help='seconds per aligner run')
    parser.add_argument('--no-baseline', dest='baseline', action='store_false',
                        help='skip Gale–Church')
    parser.add_argument('--gc', default='paragraphs,flat',
                        help='Gale–Church variants: paragraphs (align paragraphs, then '
                             'sentences within them), flat (whole text), counts (within '
                             'paragraphs if the counts agree, else whole text); '
                             'default paragraphs,flat')
    parser.add_argument('--keep', metavar='DIR',
                        help='keep the case files and outputs in DIR (outside the repository)')
    parser.add_argument('--self-test', action='store_true', help='check the scorer and exit')
    args = parser.parse_args(argv)
    args.corpora_list = [x for x in args.corpus.split(',') if x]
    args.modes = [x for x in args.mode.split(',') if x]
    for m in args.modes:
        if m not in MODES:
            parser.error(f'unknown mode {m}')
    for c in args.corpora_list:
        if c not in LINE_CORPORA + ('textberg',):
            parser.error(f'unknown corpus {c} (flores, wmt22, wmt22-news, textberg)')
    args.gc_variants = [x for x in args.gc.split(',') if x]
    for v in args.gc_variants:
        if v not in GC_VARIANTS:
            parser.error(f'unknown Gale–Church variant {v}')
    if args.quick and not args.docs:
        args.docs = QUICK_DOCS
    args.rates = {'omit': args.omit, 'merge': args.merge, 'insert': args.insert}
    args.cli = os.path.abspath(args.cli)
    args.corpora = os.path.abspath(args.corpora)
    return args


def main(argv):
    args = parse_args(argv)
    if args.self_test:
        return self_test()
    if not os.path.isdir(args.corpora):
        print(f'align-eval: the corpora folder {args.corpora} is missing; nothing to evaluate.')
        return 0
    started = time.monotonic()
    bench = Bench(args)
    bench.cli_missing = cli_has_align(args.cli)
    if bench.cli_missing:
        log(f'align-eval: {bench.cli_missing}; only the baseline is scored')
    if os.path.exists(args.segmenter):
        bench.segmenter = args.segmenter
    if args.keep:
        tmp = os.path.abspath(args.keep)
        if os.path.commonpath([tmp, ROOT]) == ROOT:
            raise SystemExit('align-eval: --keep must be outside the repository '
                             '(corpus text must not enter it)')
        os.makedirs(tmp, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix='triptych-align-eval-')
    try:
        # Run copies of binaries: the build tree may be relinked meanwhile.
        bench.cli_run = copy_binary(args.cli, tmp)
        if bench.segmenter:
            bench.segmenter = (bench.cli_run if bench.segmenter == args.cli
                               else copy_binary(bench.segmenter, tmp))
        for name in args.corpora_list:
            if name in LINE_CORPORA:
                if os.path.isdir(os.path.join(args.corpora, name.partition('-')[0])):
                    bench.line_corpus(name, tmp)
                else:
                    log(f'align-eval: {name} is missing, skipped')
            elif os.path.isdir(os.path.join(args.corpora, 'textberg', 'dev')):
                bench.textberg(tmp)
            else:
                log('align-eval: textberg/dev is missing, skipped')
        print(bench.report(started))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

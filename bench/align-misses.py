#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The wrong three-way rows of a kept align-eval.py run, the three texts side
by side, for reading the errors.

    bench/align-misses.py --keep DIR --seed N [--mode presegmented|raw]
                          [--corpora DIR] [--construction hard|old] [--summary]

DIR is the --keep folder of `bench/align-eval.py --corpus wmt22-news --seed N`
(the same seed and construction). The case is built again from the corpus as
align-eval.py builds it. Gold three-way rows are the units of the three
languages that share a line; a region is a set of gold and test rows linked
by shared units, wrong when they differ. Each region is printed with its gold
and test shapes (en-ru-uk), whether the three-way run's Russian–Ukrainian
projection is right there (ruuk-OK: the first stage, which never sees
English, was right), and whether the three pairwise runs got every pairwise
gold bead touching it (+/-, en–ru, en–uk, ru–uk); then each unit (I: a line
inserted from another document) with its gold row g and test row t.
"""
import argparse
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('align_eval', os.path.join(HERE, 'align-eval.py'))
ae = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ae)

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument('--keep', required=True)
parser.add_argument('--seed', type=int, default=1)
parser.add_argument('--mode', choices=('presegmented', 'raw'), default='presegmented')
parser.add_argument('--corpora', default=ae.DEFAULT_CORPORA)
parser.add_argument('--construction', choices=('hard', 'old'), default='hard')
parser.add_argument('--summary', action='store_true', help='only the regions\' shapes')
args = parser.parse_args()
keep, seed, mode, summary = args.keep, args.seed, args.mode, args.summary
name = 'wmt22-news'
folder = os.path.join(args.corpora, 'wmt22')
documents = ae.read_line_corpus(folder)
meta = ae.read_lines(os.path.join(folder, 'meta.tsv'))[1:]
domains = [row.split('\t')[1] for row in meta]
documents = [doc for doc in documents if domains[doc[0][0]] == 'news']
hard = args.construction == 'hard'
case = ae.build_case(documents, ae.LANGS, seed, ae.HARD_RATES if hard else ae.RATES, label=name, hard=hard)
units = {}
for lang in ae.LANGS:
    _, units[lang] = ae.render(case, lang, mode)


def row_units(row, lang):
    idx = row.get(lang) or []
    if mode == 'presegmented':
        return list(idx)
    spans = row['spans'][lang]
    out = []
    for span in spans:
        out.extend(ae.span_units(units[lang], tuple(span)))
    return out


def components(groups):
    """groups: lists of (lang, k) nodes; merged when they share a node."""
    return [frozenset(nodes) for nodes in ae.merge_groups(groups)]


# gold three-way rows: units sharing a line id
where = {}
gold_groups = []
for lang in ae.LANGS:
    for k, u in enumerate(units[lang]):
        gold_groups.append([(lang, k)])
        for i in u.ids:
            where.setdefault(i, []).append((lang, k))
gold_groups += list(where.values())
gold = components(gold_groups)

rows = ae.read_rows(os.path.join(keep, f'{name}-{mode}-3way.jsonl'))
test = components([[(l, k) for l in ae.LANGS for k in row_units(r, l)] for r in rows
                   if any(row_units(r, l) for l in ae.LANGS)])
# pairwise runs
pair_test = {}
for a, b in ae.PAIRS:
    prow = ae.read_rows(os.path.join(keep, f'{name}-{mode}-{a}{b}.jsonl'))
    pair_test[(a, b)] = set(components([[(l, k) for l in (a, b) for k in row_units(r, l)] for r in prow
                                        if any(row_units(r, l) for l in (a, b))]))
pair_gold = {}
for a, b in ae.PAIRS:
    gs = [[(a, k) for k in ga] + [(b, k) for k in gb] for ga, gb, _ in ae.gold_beads(units[a], units[b])]
    pair_gold[(a, b)] = set(frozenset(g) for g in gs)

gold_set, test_set = set(gold), set(test)
# regions
node_gold = {n: g for g in gold for n in g}
node_test = {n: t for t in test for n in t}
regions = components([[('g', g)] + [('t', node_test[n]) for n in g if n in node_test] for g in gold])


def shape(g):
    return '-'.join(str(sum(1 for l, _ in g if l == lang)) for lang in ae.LANGS)


def order(g):
    return min((k, ae.LANGS.index(l)) for l, k in g) if g else (0, 0)


def proj(groups, a, b):
    out = set()
    for g in groups:
        p = frozenset(n for n in g if n[0] in (a, b))
        if p:
            out.add(p)
    return out


wrong = []
for reg in regions:
    gs = [x for k, x in reg if k == 'g']
    ts = [x for k, x in reg if k == 't']
    if set(gs) == set(ts):
        continue
    wrong.append((gs, ts))
wrong.sort(key=lambda r: min(order(g) for g in r[0]))
missed = sum(len([g for g in gs if g not in test_set]) for gs, ts in wrong)
print(f'# seed {seed} {mode}: {len(wrong)} wrong regions, {missed} gold rows missed')
for gs, ts in wrong:
    nodes = set().union(*gs)
    gs.sort(key=order)
    ts.sort(key=order)
    # ru-uk projection right?
    ruuk_ok = proj(gs, 'ru', 'uk') == proj(ts, 'ru', 'uk')
    pair_ok = []
    for p in ae.PAIRS:
        need = [g for g in pair_gold[p] if g & nodes]
        pair_ok.append(all(g in pair_test[p] for g in need))
    tag = 'ruuk-OK' if ruuk_ok else 'ruuk-WRONG'
    pw = ''.join('+' if x else '-' for x in pair_ok)
    print(f'\n== gold {" + ".join(shape(g) for g in gs)}  ->  test {" + ".join(shape(t) for t in ts)}   [{tag}] pairwise en-ru/en-uk/ru-uk {pw}')
    if summary:
        continue
    for lang in ae.LANGS:
        ks = sorted(k for l, k in nodes if l == lang)
        for k in ks:
            gi = next(i for i, g in enumerate(gs) if (lang, k) in g)
            ti = next((i for i, t in enumerate(ts) if (lang, k) in t), -1)
            txt = units[lang][k].text
            if len(txt) > 230:
                txt = txt[:150] + ' … ' + txt[-70:]
            print(f'  {lang}{k:<4} g{gi} t{ti} {"I" if any(isinstance(i, str) for i in units[lang][k].ids) else " "} {txt}')

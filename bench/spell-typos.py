#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Spelling with the versions aligned (issue 15): typos planted in a
report whose other words are all spelt right, and what else is flagged.
Prints Markdown.

    bench/spell-typos.py [--cli PATH] [--corpora DIR] [--typos N] [--seeds N] [--docs N]

Reports: the bundled sample report (resources/sample), and --docs flores
documents from --corpora (the tuning set; its text goes only to a
temporary folder). Per seed, N typos are planted in each version: a
lower-case word of six letters or more, two inner letters swapped (a
typo only when Hunspell rejects the result: the bench asks spell about
the word first). `triptych-cli spell --no-suggestions LANG=FILE ×3` is
run with the counterpart rule (default) and with --all-names; a typo is
found when a misspelling covers it; every other word flagged is counted.
"""

import argparse
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile

LANGS = [("en", "eng.txt", "sample-en.txt"), ("ru", "rus.txt", "sample-ru.txt"), ("uk", "ukr.txt", "sample-uk.txt")]


def spell(cli, paths, extra):
    args = [cli, "spell", "--no-suggestions", "--format", "jsonl"] + extra + [f"{l}={p}" for l, p in paths]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"spell failed: {out.stderr}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def plant(text, n, rng, rejected):
    """Swap two inner letters of n words; the typos' byte spans."""
    words = [m for m in re.finditer(r"(?<![\w'’-])[^\W\d_A-ZА-ЯІЇЄҐЁ][^\W\d_]{5,}(?![\w'’-])", text)]
    rng.shuffle(words)
    chosen = []
    for m in words:
        w = m.group(0)
        i = rng.randrange(1, len(w) - 2)
        typo = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        if typo == w or not rejected(typo):
            continue
        chosen.append((m.start(), m.end(), typo))
        if len(chosen) == n:
            break
    chosen.sort()
    out, spans, shift, last = [], [], 0, 0
    for s, e, typo in chosen:
        out.append(text[last:s])
        start = len("".join(out).encode("utf-8"))
        out.append(typo)
        spans.append((start, start + len(typo.encode("utf-8"))))
        last = e
    out.append(text[last:])
    return "".join(out), spans


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("quotes_eval", os.path.join(here, "quotes-eval.py"))
    qe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(qe)
    corpora = qe.default_corpora()
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.path.join(here, "..", "_build", "app", "cli", "triptych-cli"))
    parser.add_argument("--corpora", default=corpora)
    parser.add_argument("--typos", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--show", action="store_true", help="print the typos missed and the other words flagged")
    args = parser.parse_args()

    reports = []
    sample = os.path.join(here, "..", "resources", "sample")
    reports.append(("sample report", {l: open(os.path.join(sample, s), encoding="utf-8").read() for l, _, s in LANGS}))
    if os.path.isdir(os.path.join(corpora, "flores")):
        texts = {l: open(os.path.join(corpora, "flores", f), encoding="utf-8").read().split("\n") for l, f, _ in LANGS}
        ids = open(os.path.join(corpora, "flores", "docs.tsv"), encoding="utf-8").read().split("\n")
        docs, start = [], 0
        for i in range(1, len(ids) + 1):
            if i == len(ids) or ids[i] != ids[start]:
                if i - start >= 3:
                    docs.append({l: "\n\n".join(texts[l][start:i]) + "\n" for l, _, _ in LANGS})
                start = i
        rng = random.Random(15)
        for d in rng.sample(docs, min(args.docs, len(docs))):
            reports.append(("flores", d))

    with tempfile.TemporaryDirectory() as tmp:
        def rejected_in(lang):
            def rejected(word):
                path = os.path.join(tmp, "w.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(word + "\n")
                out = subprocess.run([args.cli, "spell", "--no-suggestions", "--lang", lang, path],
                                     capture_output=True, text=True)
                return out.stdout.strip() != ""
            return rejected

        rows = {}
        for name, texts in reports:
            for seed in range(args.seeds if name == "sample report" else 1):
                rng = random.Random(seed)
                paths, planted = [], {}
                for lang, _, _ in LANGS:
                    text, spans = plant(texts[lang], args.typos, rng, rejected_in(lang))
                    path = os.path.join(tmp, f"{lang}.txt")
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(text)
                    paths.append((lang, path))
                    planted[lang] = spans
                for mode, extra in (("counterpart rule", []), ("--all-names", ["--all-names"])):
                    found = spell(args.cli, paths, extra)
                    r = rows.setdefault((name, mode), {"reports": 0, "typos": 0, "found": 0, "other": 0})
                    r["reports"] += 1
                    for lang, spans in planted.items():
                        r["typos"] += len(spans)
                        mine = [f for f in found if f["lang"] == lang]
                        text = open(dict(paths)[lang], encoding="utf-8").read().encode("utf-8")
                        for s, e in spans:
                            hit = any(f["start"] < e and f["end"] > s for f in mine)
                            r["found"] += hit
                            if args.show and not hit and not extra:
                                print(f"missed {lang}: {text[s:e].decode()}", file=sys.stderr)
                        others = [f for f in mine if not any(f["start"] < e and f["end"] > s for s, e in spans)]
                        r["other"] += len(others)
                        if args.show and not extra:
                            for f in others:
                                print(f"other {lang}: {f['word']}", file=sys.stderr)

    print("| report | rule | runs | typos found | other words flagged (per run, three versions) |")
    print("|---|---|--:|--:|--:|")
    for (name, mode), r in rows.items():
        print(f"| {name} | {mode} | {r['reports']} | {r['found']}/{r['typos']} | {r['other'] / r['reports']:.1f} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Name and number findings on clean text, counted and sampled to read
(issue 15). Prints Markdown; --show prints the sample with each row's
three versions to stderr (to read; never copy it into the repository).

    bench/findings-sample.py [--cli PATH] [--corpora DIR] [--sample N] [--seed N] [--show]

Every flores and wmt22 document, presegmented, as checks-eval.py runs
them. Counts name-mismatch warnings and notes and number-mismatch per
document, and draws a seeded sample of N findings of each check.
"""

import argparse
import importlib.util
import os
import random
import sys
import tempfile


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    spec_path = os.path.join(here, "quotes-eval.py")
    spec = importlib.util.spec_from_file_location("quotes_eval", spec_path)
    qe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(qe)

    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.path.join(here, "..", "_build", "app", "cli", "triptych-cli"))
    parser.add_argument("--corpora", default=qe.default_corpora())
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()

    found = {"name-mismatch": [], "number-mismatch": []}
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in ("flores", "wmt22"):
            c = counts.setdefault(corpus, {"docs": 0, "warning": 0, "info": 0, "number": 0})
            for first, doc in qe.documents(args.corpora, corpus):
                if not all(all(l for l in doc[k]) for k in doc):
                    continue
                c["docs"] += 1
                findings, spans = qe.check(args.cli, tmp, doc)
                for f in findings:
                    if f["check"] == "name-mismatch":
                        c["warning" if f["severity"] == "warning" else "info"] += 1
                    elif f["check"] == "number-mismatch":
                        c["number"] += 1
                    else:
                        continue
                    lines = sorted(qe.lines_of(f, spans))
                    found[f["check"]].append((corpus, first, f, {l: [doc[l][i] for i in lines] for l in doc}))
    print("| corpus | documents | name-mismatch warnings | per document | name-mismatch notes | number-mismatch | per document |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for corpus, c in counts.items():
        print(f"| {corpus} | {c['docs']} | {c['warning']} | {c['warning'] / c['docs']:.2f} | {c['info']} | "
              f"{c['number']} | {c['number'] / c['docs']:.2f} |")
    if args.show:
        rng = random.Random(args.seed)
        for check, items in found.items():
            picked = rng.sample(items, min(args.sample, len(items)))
            for k, (corpus, first, f, lines) in enumerate(picked):
                print(f"## {check} {k + 1}: {corpus} document from line {first} [{f['severity']}] odd={f.get('odd')}",
                      file=sys.stderr)
                print(f"  {f['message']}", file=sys.stderr)
                for l, texts in lines.items():
                    for t in texts:
                        print(f"  {l}: {t}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Quotation marks removed in one version, by the quotation's length
(issue 15: "found ≥ 90 %, ru/uk any length, en from four words"). Prints
Markdown.

    bench/quotes-removed.py [--cli PATH] [--corpora DIR] [--show]

checks-eval.py's quotes-removed faults are quotations of six words or
more; this bench takes every quotation of any length that all three
versions have. Reads flores/ and wmt22/ only (the tuning sets); corpus
text goes only to a temporary folder.

A line qualifies when each version has the same number of quotations in
it (marks taken in pairs, 1st–2nd, 3rd–4th …; lines with an odd number of
marks or a nested quotation are left out). For each version in turn and
each quotation of that version's line, the quotation's two marks are
removed (the words stay), the document is checked whole, presegmented,
and the fault is found when a quote-missing or quote-unbalanced finding
has a span in that line. Results by the language and the number of words
of the quotation (1, 2–3, 4–5, 6 or more).
"""

import argparse
import importlib.util
import os
import re
import sys
import tempfile

BUCKETS = [(1, 1, "1 word"), (2, 3, "2–3 words"), (4, 5, "4–5 words"), (6, 10 ** 6, "6 or more")]
OPENERS = "“«„‘"


def pairs(line, marks):
    """The quotations of @line as (open, close) indices, or None when its
    marks cannot be paired simply."""
    at = [i for i, ch in enumerate(line) if ch in marks]
    if len(at) % 2:
        return None
    out = [(at[k], at[k + 1]) for k in range(0, len(at), 2)]
    for o, c in out:
        if line[c] in OPENERS and line[c] != line[o]:
            return None            # nested: «… „…“ …»
        if line[o] in "«" and line[c] != "»":
            return None
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    modules = {}
    for name, file in (("checks_eval", "checks-eval.py"), ("quotes_eval", "quotes-eval.py")):
        spec = importlib.util.spec_from_file_location(name, os.path.join(here, file))
        modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(modules[name])
    ce = modules["checks_eval"]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=os.path.join(here, "..", "_build", "app", "cli", "triptych-cli"))
    parser.add_argument("--corpora", default=modules["quotes_eval"].default_corpora())
    parser.add_argument("--show", action="store_true", help="print the faults missed (to read; never commit them)")
    parser.add_argument("--langs", default="en,ru,uk", help="the versions to remove marks from")
    args = parser.parse_args()

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in ("flores", "wmt22"):
            for doc in ce.load(args.corpora, corpus):
                for i in range(len(doc["en"])):
                    quoted = {lang: pairs(doc[lang][i], ce.QUOTE_MARKS) for lang, _ in ce.LANGS}
                    if any(q is None or not q for q in quoted.values()) or \
                       len({len(q) for q in quoted.values()}) != 1:
                        continue
                    for lang in args.langs.split(","):
                        line = doc[lang][i]
                        for o, c in quoted[lang]:
                            words = len(re.findall(r"\w+", line[o:c]))
                            bucket = next(b for lo, hi, b in BUCKETS if lo <= words <= hi)
                            faulty = {l: list(v) for l, v in doc.items()}
                            faulty[lang][i] = line[:o] + line[o + 1:c] + line[c + 1:]
                            findings, spans = ce.run_check(args.cli, tmp, faulty)
                            hit = ce.found(findings, spans, lang, i, ("quote-missing", "quote-unbalanced"))
                            r = results.setdefault((lang, bucket), [0, 0])
                            r[0] += hit
                            r[1] += 1
                            if args.show and not hit:
                                print(f"missed {corpus} {lang} {bucket}:", file=sys.stderr)
                                for l, _ in ce.LANGS:
                                    print(f"  {l}: {faulty[l][i]}", file=sys.stderr)

    print("| version | " + " | ".join(b for _, _, b in BUCKETS) + " |")
    print("|---|" + "--:|" * len(BUCKETS))
    for lang in args.langs.split(","):
        cells = []
        for _, _, b in BUCKETS:
            h, t = results.get((lang, b), [0, 0])
            cells.append(f"{h}/{t} ({100.0 * h / t:.0f} %)" if t else "—")
        print(f"| {lang} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

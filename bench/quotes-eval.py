#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Quotation findings against careful human labels (issue 15). Prints
Markdown.

    bench/quotes-eval.py [--cli PATH] [--corpora DIR] [--labels FILE] [--show]

bench/quotes-labels.tsv names lines of wmt22 and flores (never ntrex) by
corpus and line number (1-based, the same line of eng.txt, rus.txt and
ukr.txt; bench/quotes-heldout2.tsv names lines of pud-en-ru, English and
Russian only, its documents the runs of equal sent_ids prefixes) with a label read by a person: divergent or not, the versions
that deviate, and the kind (the rubric is in the file's header and in
bench/RESULTS.md). The corpus text is read from --corpora (../shared/corpora
by default) and written only to a temporary folder: it never enters the
repository.

Every document (runs of equal ids in docs.tsv) holding a labelled line is
checked whole, presegmented (one sentence a line), as checks-eval.py does.
A labelled line is *flagged* when a quotation finding (quote-missing,
quote-unbalanced, quote-mismatch, quote-speaker) has a span in that line
of some version. Precision = divergent lines flagged / lines flagged;
recall = divergent lines flagged / divergent lines. "odd right" counts the
flagged divergent lines whose finding's "odd" (the deviating versions)
names exactly the labelled ones.

--show prints every false alarm and every miss with the three lines (to
read; never copy the output into the repository).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

LANGS = [("en", "eng.txt"), ("ru", "rus.txt"), ("uk", "ukr.txt")]
QUOTE_CHECKS = ("quote-missing", "quote-unbalanced", "quote-mismatch", "quote-speaker")


def clean(line):
    line = unicodedata.normalize("NFC", line)
    for ch in "\u00ad\u180e\u200b\u2060\ufeff":
        line = line.replace(ch, "")
    return line.strip()


def read_labels(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            corpus, number, divergent, odd, kind = line.rstrip("\n").split("\t")[:5]
            labels[(corpus, int(number))] = {
                "divergent": divergent == "1",
                "odd": set() if odd == "-" else set(odd.split(",")),
                "kind": kind,
            }
    return labels


def corpus_langs(corpus):
    """The versions of a corpus and their files: pud-en-ru has English and Russian only."""
    if corpus == "pud-en-ru":
        return [("en", "en.txt"), ("ru", "ru.txt")]
    return LANGS


def documents(corpora, corpus):
    """(first line number, {lang: lines}) for every document."""
    folder = os.path.join(corpora, corpus)
    langs = corpus_langs(corpus)
    texts = {}
    for lang, name in langs:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            texts[lang] = [clean(l) for l in f.read().split("\n")]
    if corpus == "pud-en-ru":
        # sent_ids.txt: the first six characters name the document.
        with open(os.path.join(folder, "sent_ids.txt"), encoding="utf-8") as f:
            ids = [l[:6] for l in f.read().split("\n")]
    else:
        with open(os.path.join(folder, "docs.tsv"), encoding="utf-8") as f:
            ids = [l.split("\t")[0] for l in f.read().split("\n")]
    n = min(len(ids), *(len(t) for t in texts.values()))
    start = 0
    for i in range(1, n + 1):
        if i == n or ids[i] != ids[start]:
            yield start + 1, {lang: texts[lang][start:i] for lang, _ in langs}
            start = i


def check(cli, tmp, doc):
    args = [cli, "check", "--presegmented", "--format", "jsonl"]
    spans = {}
    for lang in doc:
        path = os.path.join(tmp, lang + ".txt")
        # An empty line would end a paragraph: a dash keeps the count.
        lines = [l or "-" for l in doc[lang]]
        text = "\n".join(lines) + "\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        args.append(f"{lang}={path}")
        pos, out = 0, []
        for line in lines:
            b = len(line.encode("utf-8"))
            out.append((pos, pos + b))
            pos += b + 1
        spans[lang] = out
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit(f"triptych-cli check failed ({run.returncode}): {run.stderr}")
    return [json.loads(l) for l in run.stdout.splitlines() if l.strip()], spans


def lines_of(finding, spans):
    out = set()
    for lang, ranges in finding["spans"].items():
        for s, e in ranges:
            for i, (lo, hi) in enumerate(spans.get(lang, [])):
                if s < hi and e > lo:
                    out.add(i)
    return out


def default_corpora():
    """../shared/corpora beside the repository (or beside its worktrees' folder)."""
    here = os.path.dirname(os.path.abspath(__file__))
    corpora = os.path.join(here, "..", "..", "shared", "corpora")
    if not os.path.isdir(corpora):
        corpora = os.path.join(here, "..", "..", "..", "shared", "corpora")
    return corpora


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.path.join(here, "..", "_build", "app", "cli", "triptych-cli"))
    parser.add_argument("--corpora", default=default_corpora())
    parser.add_argument("--labels", default=os.path.join(here, "quotes-labels.tsv"))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()

    labels = read_labels(args.labels)
    flagged = {}
    texts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in sorted({c for c, _ in labels}):
            for first, doc in documents(args.corpora, corpus):
                wanted = [n for n in range(first, first + len(doc["en"])) if (corpus, n) in labels]
                if not wanted:
                    continue
                findings, spans = check(args.cli, tmp, doc)
                for n in wanted:
                    flagged[(corpus, n)] = []
                    texts[(corpus, n)] = {l: doc[l][n - first] for l in doc}
                for f in findings:
                    if f["check"] not in QUOTE_CHECKS:
                        continue
                    for i in lines_of(f, spans):
                        if (corpus, first + i) in flagged:
                            flagged[(corpus, first + i)].append(f)

    rows = []
    total = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "odd": 0}
    kinds = {}
    for corpus in sorted({c for c, _ in labels}) + ["all"]:
        c = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "odd": 0, "n": 0}
        for key, label in sorted(labels.items()):
            if corpus != "all" and key[0] != corpus:
                continue
            c["n"] += 1
            hit = bool(flagged.get(key))
            if label["divergent"]:
                if corpus == "all":
                    k = kinds.setdefault(label["kind"], [0, 0])
                    k[1] += 1
                    k[0] += hit
                if hit:
                    c["tp"] += 1
                    if any(set(f.get("odd", [])) == label["odd"] for f in flagged[key]):
                        c["odd"] += 1
                else:
                    c["fn"] += 1
            elif hit:
                c["fp"] += 1
            else:
                c["tn"] += 1
            if args.show and corpus == "all" and hit != label["divergent"]:
                print(f"{'FALSE ALARM' if hit else 'MISSED'} {key[0]}:{key[1]} {label['kind']} {','.join(sorted(label['odd']))}",
                      file=sys.stderr)
                for f in flagged.get(key, []):
                    print(f"  [{f['check']}] odd={f.get('odd')} {f['message']}", file=sys.stderr)
                for l in texts[key]:
                    print(f"  {l}: {texts[key][l]}", file=sys.stderr)
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        rows.append(f"| {corpus} | {c['n']} | {c['tp'] + c['fn']} | {c['tp']} | {c['fp']} | {c['fn']} | "
                    f"{p:.2f} | {r:.2f} | {c['odd']}/{c['tp']} |")
    print("| corpus | lines | divergent | found | false alarms | missed | precision | recall | odd right |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    print("\n".join(rows))
    print()
    print("| kind | found |")
    print("|---|--:|")
    for kind, (hit, n) in sorted(kinds.items()):
        print(f"| {kind} | {hit}/{n} |")


if __name__ == "__main__":
    main()

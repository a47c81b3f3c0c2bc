#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cross-language checks bench for `triptych-cli check` (issue 6). Prints
Markdown.

    bench/checks-eval.py [--cli PATH] [--corpora DIR] [--seed N] [--docs N]

Reads only flores/ and wmt22/ under the corpora folder (the tuning sets;
never ntrex/ or textberg/test/). Corpus text is written only to a temporary
folder.

Every document (runs of equal ids in docs.tsv) is a triple: its English,
Russian and Ukrainian lines, written one sentence a line (--presegmented),
so line i of each file is a counterpart of line i of the others.

- Clean: the triple as the translators wrote it. Every finding is counted
  per check: false alarms, or real slips of the translation.
- Faults, one per run, in ONE language (taking turns en, ru, uk), at a line
  chosen at random among those that allow it:
  * quotes-removed: the quotation marks of a line with a quotation (six
    words or more: surely speech, not a quoted name or title, which Russian
    and Ukrainian have and English has not) removed
    (the words stay) -> expected quote-missing or quote-unbalanced;
  * quote-dropped: a line with a quotation removed -> expected
    missing-translation or quote-missing;
  * number-changed: a number of a line whose numbers are in all three
    versions changed -> expected number-mismatch.
  * name-altered: a capitalised name inside a line (not its first word),
    in the script of the line's language, that the other two versions
    also have, transliterated (a capitalised
    word there whose first five letters, in rough Latin letters, mostly
    agree) replaced by another name of the same script, from NAMES ->
    expected name-mismatch;
  * speaker-swapped: in a line with a quotation mark, the name right
    before or after a verb of speech (said, заявил, зазначив …; the other
    versions having it as above) replaced the same way -> expected
    quote-speaker or name-mismatch.
  A fault is found when a finding of an expected check names the faulted
  language and has a span in line i of some version.

--show CHECK[,CHECK] prints every clean-text finding of those checks with
the line of each version, to tell false alarms from translators' slips;
--show FAULT (name-altered …) prints the faults of that kind missed.
"""

import argparse
import difflib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

LANGS = [("en", "eng.txt"), ("ru", "rus.txt"), ("uk", "ukr.txt")]
QUOTE_MARKS = "“”‘«»„\""
QUOTE_CHECKS = ("quote-missing", "quote-unbalanced", "quote-mismatch")
EXPECTED = {
    "quotes-removed": ("quote-missing", "quote-unbalanced"),
    "quote-dropped": ("missing-translation", "quote-missing"),
    "number-changed": ("number-mismatch",),
    "name-altered": ("name-mismatch",),
    "speaker-swapped": ("quote-speaker", "name-mismatch"),
}
# Replacement names, per script: none starts as a common name of the news.
NAMES = {
    "en": ["Okafor", "Lindqvist", "Delgado", "Brennan", "Nowak", "Haddad", "Fischer", "Tanaka"],
    "ru": ["Окафор", "Линдквист", "Дельгадо", "Бреннан", "Новак", "Хаддад", "Фишер", "Танака"],
    "uk": ["Окафор", "Ліндквіст", "Дельгадо", "Бреннан", "Новак", "Хаддад", "Фішер", "Танака"],
}
# The Latin letters a Cyrillic capital may be written with.
LATIN = {
    "А": "a", "Б": "b", "В": "vw", "Г": "gh", "Ґ": "g", "Д": "d", "Е": "eya", "Ё": "y", "Є": "ye",
    "Ж": "zgj", "З": "zs", "И": "iey", "І": "i", "Ї": "y", "Й": "yj", "К": "kc", "Л": "l",
    "М": "m", "Н": "n", "О": "o", "П": "p", "Р": "r", "С": "sc", "Т": "t", "У": "uo", "Ф": "f",
    "Х": "khg", "Ц": "ctz", "Ч": "c", "Ш": "s", "Щ": "s", "Э": "ea", "Ю": "yju", "Я": "yj",
}
TRANSLIT = dict(zip("абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "g", "d", "e", "e", "ye", "zh", "z", "i", "i", "yi", "y", "k",
                     "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch",
                     "", "y", "", "e", "yu", "ya"]))
SPEECH = {
    "en": r"said|says|told|added|stated|noted|explained|wrote|warned|insisted|declared|replied|stressed",
    "ru": r"заявил|заявила|сказал|сказала|отметил|отметила|добавил|добавила|подчеркнул|подчеркнула|сообщил|сообщила|пояснил|пояснила",
    "uk": r"заявив|заявила|сказав|сказала|зазначив|зазначила|додав|додала|наголосив|наголосила|повідомив|повідомила|пояснив|пояснила",
}
COMMON_EN = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
             "Friday", "Saturday", "Sunday", "The", "This", "That", "I"}
CAPITAL = re.compile(r"\b[^\W\d_][\w’'-]*")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")


def clean(line):
    line = unicodedata.normalize("NFC", line)
    for ch in "\u00ad\u180e\u200b\u2060\ufeff":
        line = line.replace(ch, "")
    return line.strip()


def load(corpora, corpus):
    folder = os.path.join(corpora, corpus)
    texts = {}
    for lang, name in LANGS:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            texts[lang] = [clean(l) for l in f.read().split("\n")]
    with open(os.path.join(folder, "docs.tsv"), encoding="utf-8") as f:
        ids = [l.split("\t")[0] for l in f.read().split("\n")]
    n = min(len(ids), *(len(t) for t in texts.values()))
    docs, start = [], 0
    for i in range(1, n + 1):
        if i == n or ids[i] != ids[start]:
            doc = {lang: texts[lang][start:i] for lang, _ in LANGS}
            if all(all(l for l in doc[lang]) for lang, _ in LANGS) and i - start >= 1:
                docs.append(doc)
            start = i
    return docs


def has_quote(line):
    """A quotation of speech, not a quoted name: four words or more between
    a quotation mark and the next (marks taken in pairs: 1st–2nd, 3rd–4th …;
    apostrophes inside words are not marks)."""
    marks = [i for i, ch in enumerate(line) if ch in QUOTE_MARKS]
    return any(len(re.findall(r"\w+", line[marks[k]:marks[k + 1]])) >= 6
               for k in range(0, len(marks) - 1, 2))


def run_check(cli, tmp, doc):
    args = [cli, "check", "--presegmented", "--format", "jsonl"]
    spans = {}
    for lang, _ in LANGS:
        path = os.path.join(tmp, lang + ".txt")
        text = "\n".join(doc[lang]) + "\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        args.append(f"{lang}={path}")
        # byte span of every line
        data, pos, lines = text.encode("utf-8"), 0, []
        for line in doc[lang]:
            b = len(line.encode("utf-8"))
            lines.append((pos, pos + b))
            pos += b + 1
        spans[lang] = lines
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"triptych-cli check failed ({out.returncode}): {out.stderr}")
    findings = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    return findings, spans


def found(findings, spans, lang, line_index, expected, dropped=False):
    for f in findings:
        if f["check"] not in expected or lang not in f["langs"]:
            continue
        for l, ranges in f["spans"].items():
            if l not in spans:
                continue
            index = line_index
            if dropped and l == lang:
                continue
            if index >= len(spans[l]):
                continue
            lo, hi = spans[l][index]
            for s, e in ranges:
                if s < hi and e > lo:
                    return True
    return False


def latin(word):
    """A rough Latin spelling, letter by letter (independent of ICU)."""
    return "".join(TRANSLIT.get(c, c) for c in word.lower() if c.isalpha())


def close(a, b):
    """Whether two words may spell one name: their first five Latin
    letters mostly agree."""
    return difflib.SequenceMatcher(None, latin(a)[:5], latin(b)[:5]).ratio() >= 0.6


def first_letters(word):
    c = word[0]
    return LATIN.get(c.upper(), c.lower())


def inner_names(line, cyrillic=None):
    """Capitalised words that are not the line's first or after a sentence's
    or quotation's start, in the script of the line's language (names a
    Russian text keeps in Latin letters are not transliterated): (start,
    end, word)."""
    out = []
    for m in CAPITAL.finditer(line):
        w = m.group(0)
        if not w[0].isupper() or w.isupper() or len(w) < 4 or w in COMMON_EN:
            continue
        if cyrillic is not None and (w[0].lower() in TRANSLIT) != cyrillic:
            continue
        before = line[:m.start()].rstrip()
        if not before or before[-1] in ".!?:;«“„\"(—–‘":
            continue
        # a quotation opened by a straight single quote ('Software
        # version'), a list item's number (5)Beside)
        if re.search(r"(?:^|\s)'$", before) or re.fullmatch(r"\s*\w{1,3}\)", before):
            continue
        out.append((m.start(), m.end(), w))
    return out


def shared(doc, lang, i, word):
    """The other versions' line i have a capitalised word that may spell it
    (a name transliterated, not a word translated)."""
    for l, _ in LANGS:
        if l == lang:
            continue
        if not any(w[0].isupper() and close(word, w)
                   for w in re.findall(r"[^\W\d_][\w’'-]*", doc[l][i])):
            return False
    return True


def replacement(lang, word, line, rng):
    mine = set(first_letters(word))
    names = [n for n in NAMES[lang] if not set(first_letters(n)) & mine and n not in line]
    return rng.choice(names)


def speakers(lang, line):
    """Name spans right before or after a verb of speech."""
    out = []
    verbs = SPEECH[lang]
    for m in re.finditer(r"([^\W\d_][\w’'-]+) (?:%s)\b" % verbs, line):
        out.append((m.start(1), m.end(1), m.group(1)))
    for m in re.finditer(r"\b(?:%s) ([^\W\d_][\w’'-]+)" % verbs, line):
        out.append((m.start(1), m.end(1), m.group(1)))
    return [(s, e, w) for s, e, w in out if w[0].isupper() and not w.isupper() and len(w) >= 4
            and w not in COMMON_EN and (w[0].lower() in TRANSLIT) == (lang != "en")]


def inject(doc, kind, lang, rng):
    lines = doc[lang]
    if kind in ("name-altered", "speaker-swapped"):
        options = []
        for i, line in enumerate(lines):
            if kind == "name-altered":
                spans = inner_names(line, lang != "en")
            elif any(ch in QUOTE_MARKS for ch in line):
                spans = speakers(lang, line)
            else:
                spans = []
            options += [(i, s, e, w) for s, e, w in spans if shared(doc, lang, i, w)]
        if not options:
            return None
        i, s, e, w = rng.choice(options)
        new = {l: list(v) for l, v in doc.items()}
        new[lang][i] = lines[i][:s] + replacement(lang, w, lines[i], rng) + lines[i][e:]
        return new, i
    if kind in ("quotes-removed", "quote-dropped"):
        candidates = [i for i, l in enumerate(lines) if has_quote(l)]
    else:
        candidates = []
        for i in range(len(lines)):
            nums = [set(NUMBER.findall(doc[l][i].replace("\u00a0", " "))) for l, _ in LANGS]
            if nums[0] and nums[0] & nums[1] & nums[2]:
                candidates.append(i)
    if not candidates:
        return None
    i = rng.choice(candidates)
    new = {l: list(v) for l, v in doc.items()}
    if kind == "quotes-removed":
        new[lang][i] = "".join(ch for ch in lines[i] if ch not in QUOTE_MARKS)
    elif kind == "quote-dropped":
        del new[lang][i]
    else:
        common = sorted(set.intersection(*[set(NUMBER.findall(doc[l][i])) for l, _ in LANGS]))
        target = common[0]
        value = int(re.sub(r"\D", "", target)[:6] or "1")
        new[lang][i] = lines[i].replace(target, str(value + 3), 1)
    return new, i


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--cli", default=os.path.join(root, "_build", "app", "cli", "triptych-cli"))
    parser.add_argument("--corpora", default=os.path.join(root, "..", "shared", "corpora"))
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--docs", type=int, default=0, help="at most N documents per corpus")
    parser.add_argument("--show", default="", help="print the clean findings of these checks (comma-separated)")
    args = parser.parse_args()
    show = set(filter(None, args.show.split(",")))

    print("## Cross-language checks (`bench/checks-eval.py`)\n")
    if not os.path.isdir(args.corpora):
        print(f"The corpora are absent ({args.corpora}): nothing measured.")
        return 0

    rows_clean, rows_faults, shown, missed = [], [], [], []
    for corpus in ("flores", "wmt22"):
        docs = load(args.corpora, corpus)
        if args.docs:
            docs = docs[: args.docs]
        rng = random.Random(f"{args.seed}-{corpus}")
        counts = {}
        faults = {k: [0, 0] for k in EXPECTED}
        examples = []
        with tempfile.TemporaryDirectory() as tmp:
            for d, doc in enumerate(docs):
                findings, spans = run_check(args.cli, tmp, doc)
                for f in findings:
                    counts[f["check"]] = counts.get(f["check"], 0) + 1
                    if f["check"] in show:
                        shown.append((corpus, d, f, spans, doc))
                    if f["check"] in QUOTE_CHECKS and len(examples) < 3:
                        examples.append(f["message"])
                for k, kind in enumerate(EXPECTED):
                    lang = LANGS[(d + k) % 3][0]
                    made = inject(doc, kind, lang, rng)
                    if made is None:
                        continue
                    faulty, i = made
                    findings, spans = run_check(args.cli, tmp, faulty)
                    faults[kind][1] += 1
                    if found(findings, spans, lang, i, EXPECTED[kind], dropped=(kind == "quote-dropped")):
                        faults[kind][0] += 1
                    elif kind in show:
                        missed.append((corpus, d, kind, lang, i, doc, faulty))
        quote = sum(counts.get(c, 0) for c in QUOTE_CHECKS)
        rows_clean.append((corpus, len(docs), counts, quote, examples))
        rows_faults.append((corpus, faults))

    print("### Faults found (one fault per run, in one language)\n")
    print("| corpus | " + " | ".join(EXPECTED) + " | all |")
    print("|---|" + "--:|" * (len(EXPECTED) + 1))
    for corpus, faults in rows_faults:
        cells, hit, total = [], 0, 0
        for kind in EXPECTED:
            h, t = faults[kind]
            hit, total = hit + h, total + t
            cells.append(f"{h}/{t} ({100.0 * h / t:.1f} %)" if t else "—")
        print(f"| {corpus} | " + " | ".join(cells) + f" | {hit}/{total} ({100.0 * hit / max(total, 1):.1f} %) |")

    print("\n### Findings on the clean triples\n")
    checks = sorted({c for _, _, counts, _, _ in rows_clean for c in counts})
    print("| corpus | documents | " + " | ".join(checks) + " | quotation findings per document |")
    print("|---|--:|" + "--:|" * (len(checks) + 1))
    for corpus, n, counts, quote, _ in rows_clean:
        print(f"| {corpus} | {n} | " + " | ".join(str(counts.get(c, 0)) for c in checks)
              + f" | {quote / max(n, 1):.2f} |")
    print("\nTargets: ≥ 95 % of injected faults found; on clean text at most one quotation finding per"
          " five documents (0.20 per document).")
    for corpus, _, _, _, examples in rows_clean:
        for e in examples:
            print(f"- {corpus}, a quotation finding on clean text: {e}")
    if shown:
        print("\n### Clean findings shown\n")
    for corpus, d, f, spans, doc in shown:
        print(f"- {corpus} document {d}, row {f['row']}: [{f['check']}] {f['message']}")
        lines = sorted({k for lang, _ in LANGS for s, _ in f["spans"].get(lang, [])
                        for k, (lo, hi) in enumerate(spans[lang]) if lo <= s < hi})
        for lang, _ in LANGS:
            text = ("\n".join(doc[lang]) + "\n").encode("utf-8")
            for k in lines[:2]:
                lo, hi = spans[lang][k]
                print(f"  - {lang}: {text[lo:hi].decode('utf-8')}")
    if missed:
        print("\n### Faults missed\n")
    for corpus, d, kind, lang, i, doc, faulty in missed:
        print(f"- {corpus} document {d}, line {i}: {kind} in {lang}")
        for l, _ in LANGS:
            print(f"  - {l}: {faulty[l][i] if i < len(faulty[l]) else ''}")
        print(f"  - was: {doc[lang][i]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

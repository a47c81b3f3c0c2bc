#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Speed and peak memory of `triptych-cli align --presegmented` against text
length, for two languages (en ru) and three (en ru uk). Prints Markdown.

    bench/align-speed.py [--cli PATH] [--corpora DIR] [--sizes 1000,2000,…]
                         [--timeout S] [--runs N] [--seed N] [--keep DIR]
                         [--hunalign PATH]

Texts: the wmt22 documents, repeated as often as needed (each repeat in a
new seeded order; its lines get new ids), laid out and perturbed as in align-eval.py
but at half its rates (per line: omitted in one language 0.04, joined with
the next in one language 0.025, a line of another document inserted in one
language 0.015), cut at the first document boundary where the English text
reaches the size. One sentence per line, a blank line between paragraphs.

Each run is timed by `/usr/bin/time -f '%e %M'` (wall seconds, peak RSS);
without it (Debian package `time`) by os.wait4() in this script. The output
is checked and scored too (en–ru line-level strict/lax F1; for three
languages the projection of the one run), so a fast but broken run shows.
After a run fails or passes --timeout, larger sizes of that row are skipped.

--hunalign PATH: also times hunalign (built outside the repository, e.g. from
../shared/anchors/hunalign in a temporary folder) with an empty dictionary on
the same en–ru texts (blank lines as its "<p>" paragraph marks), in the same
run, each size right after ours, and gives the ratio of the two times.
"""

import argparse
import importlib.util
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
_spec = importlib.util.spec_from_file_location(
    'align_eval', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'align-eval.py'))
ae = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ae)

TIME = '/usr/bin/time'
SIZES = (1000, 2000, 5000, 10000, 20000, 50000)
MILD = {key: value / 2 for key, value in ae.RATES.items()}
CONFIGS = (('en', 'ru'), ('en', 'ru', 'uk'))


def repeated_documents(documents, lines, seed):
    """The documents repeated until they hold at least `lines` lines, each
    repeat in another (seeded) order; line ids become (repeat, id)."""
    rng = random.Random(f'{seed}:repeats')
    out = []
    total = 0
    repeat = 0
    while total < lines:
        order = list(documents)
        if repeat:
            rng.shuffle(order)
        for doc in order:
            out.append([((repeat, line_id), texts) for line_id, texts in doc])
            total += len(doc)
            if total >= lines:
                break
        repeat += 1
    return out


def build(documents, size, seed):
    """A case whose English text has about `size` lines (at least size)."""
    # Start a little above size (English loses ~1 % of its lines), grow if short.
    lines = int(size * 1.02) + 10
    while True:
        case = ae.build_case(repeated_documents(documents, lines, seed), ae.LANGS, seed,
                             MILD, label=f'speed-{size}')
        if len(case.units('en')) >= size:
            return case
        lines = int(lines * 1.02) + 10


def measure(cli, args, timeout, cwd=None):
    """Runs args (in cwd: hunalign writes translate.txt into its working
    folder); returns (seconds, peak RSS in MB, error or None)."""
    if os.path.exists(TIME):
        command = [TIME, '-f', '%e %M', cli] + args
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                    cwd=cwd)
        except subprocess.TimeoutExpired:
            return None, None, f'timed out after {timeout:g} s'
        lines = result.stderr.strip().splitlines()
        if result.returncode != 0:
            detail = [x for x in lines if 'exit status' not in x][-2:]
            return None, None, f'exit status {result.returncode}: {" ".join(detail)}'
        try:
            seconds, kilobytes = lines[-1].split()
            return float(seconds), int(kilobytes) / 1024, None
        except (IndexError, ValueError):
            return None, None, f'cannot read {TIME} output: {lines[-1:]}'
    started = time.monotonic()
    with subprocess.Popen([cli] + args, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, cwd=cwd) as process:
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                process.returncode = -9
                return None, None, f'timed out after {timeout:g} s'
            time.sleep(0.01)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
    if process.returncode != 0:
        return None, None, f'exit status {process.returncode}'
    return seconds, usage.ru_maxrss / 1024, None


def main(argv):
    parser = argparse.ArgumentParser(
        description='Speed and peak memory of triptych-cli align against length (Markdown).')
    parser.add_argument('--cli', default=ae.DEFAULT_CLI,
                        help='the aligner (default: _build/app/cli/triptych-cli)')
    parser.add_argument('--corpora', default=ae.DEFAULT_CORPORA,
                        help='corpora folder (default: ../shared/corpora beside the source root)')
    parser.add_argument('--sizes', default=','.join(map(str, SIZES)),
                        help='English sentences per text (default: %(default)s)')
    parser.add_argument('--timeout', type=float, default=600,
                        help='seconds per run before giving up (default 600)')
    parser.add_argument('--runs', type=int, default=1,
                        help='runs per size; the fastest counts (default 1)')
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--hunalign', metavar='PATH',
                        help='also time this hunalign binary (empty dictionary) on the en–ru texts')
    parser.add_argument('--keep', metavar='DIR',
                        help='keep the texts and outputs in DIR (outside the repository)')
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(',') if x]
    args.cli = os.path.abspath(args.cli)
    folder = os.path.join(os.path.abspath(args.corpora), 'wmt22')
    if not os.path.isdir(folder):
        print(f'align-speed: {folder} is missing; nothing to measure.')
        return 0
    missing = ae.cli_has_align(args.cli)
    if missing:
        print(f'align-speed: {missing}; nothing to measure.')
        return 0
    if not os.path.exists(TIME):
        print(f'align-speed: {TIME} is missing (Debian package `time`); measuring with '
              'os.wait4() instead.', file=sys.stderr)

    if args.keep:
        tmp = os.path.abspath(args.keep)
        if os.path.commonpath([tmp, ae.ROOT]) == ae.ROOT:
            raise SystemExit('align-speed: --keep must be outside the repository')
        os.makedirs(tmp, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix='triptych-align-speed-')
    started = time.monotonic()
    try:
        cli = ae.copy_binary(args.cli, tmp)
        hunalign = hun_dic = hun_stopped = None
        hunalign_times = {}
        if args.hunalign:
            hunalign = ae.copy_binary(os.path.abspath(args.hunalign), tmp)
            hun_dic = os.path.join(tmp, 'null.dic')
            open(hun_dic, 'w').close()
        documents = ae.read_line_corpus(folder)
        results = {config: [] for config in CONFIGS}
        stopped = {config: None for config in CONFIGS}
        for size in sizes:
            case = build(documents, size, args.seed)
            files, units, data = {}, {}, {}
            for lang in ae.LANGS:
                text, units[lang] = ae.render(case, lang, 'presegmented')
                files[lang] = os.path.join(tmp, f'speed-{size}.{lang}.txt')
                with open(files[lang], 'w', encoding='utf-8', newline='\n') as f:
                    f.write(text)
                data[lang] = text.encode('utf-8')
            gold = ae.gold_beads(units['en'], units['ru'])
            hun = None
            if args.hunalign and not hun_stopped:
                hun_files = []
                for lang in ('en', 'ru'):
                    path = os.path.join(tmp, f'hun-{size}.{lang}.txt')
                    with open(files[lang], encoding='utf-8') as f, \
                            open(path, 'w', encoding='utf-8') as g:
                        for line in f:
                            g.write(line if line.strip() else '<p>\n')
                    hun_files.append(path)
                best = None
                for _ in range(max(1, args.runs)):
                    ae.log(f'{size} sentences, hunalign en+ru')
                    seconds, rss, error = measure(hunalign, [hun_dic] + hun_files, args.timeout, cwd=tmp)
                    if error:
                        hun_stopped = f'hunalign: {error}'
                        break
                    if best is None or seconds < best[0]:
                        best = (seconds, rss)
                hun = best
            hunalign_times[size] = hun
            for config in CONFIGS:
                counts = '/'.join(str(len(units[lang])) for lang in config)
                if stopped[config]:
                    results[config].append((size, counts, None, None, stopped[config], None))
                    continue
                out = os.path.join(tmp, f'speed-{size}-{len(config)}.jsonl')
                command = ['align', '--presegmented', '--format', 'jsonl', '-o', out]
                command += [f'{lang}={files[lang]}' for lang in config]
                best = None
                error = None
                for _ in range(max(1, args.runs)):
                    ae.log(f'{size} sentences, {"+".join(config)}')
                    seconds, rss, error = measure(cli, command, args.timeout)
                    if error:
                        break
                    if best is None or seconds < best[0]:
                        best = (seconds, rss)
                if error:
                    stopped[config] = f'skipped ({size} failed)'
                    results[config].append((size, counts, None, None, error, None))
                    continue
                rows = ae.read_rows(out)
                problems, _ = ae.check_rows(rows, config, data,
                                            {lang: len(units[lang]) for lang in config},
                                            {lang: [(u.start, u.end) for u in units[lang]]
                                             for lang in config})
                su = {lang: ae.identity_units(len(units[lang])) for lang in ('en', 'ru')}
                scores = ae.score([([(a, b) for a, b, _ in gold],
                                    ae.rows_to_beads(rows, 'en', 'ru', su))])
                note = f'{len(problems)} output problems: {problems[0]}' if problems else ''
                results[config].append((size, counts, best[0], best[1], note, scores))
                if best[0] > args.timeout:
                    stopped[config] = f'skipped ({size} took {best[0]:.0f} s)'

        print('## Aligner speed and memory against length')
        print()
        print(f'- Aligner: `{args.cli}`; texts: wmt22 repeated, half the perturbation of '
              f'align-eval.py, seed {args.seed}; `--presegmented`')
        how = f'`{TIME} -f %e %M`' if os.path.exists(TIME) else 'os.wait4()'
        runs = f'fastest of {args.runs} runs' if args.runs > 1 else 'one run'
        print(f'- Measured with {how}; {runs} per size; {os.cpu_count()} CPUs')
        print()
        print('| languages | sentences | seconds | peak RSS MB | × sentences | × seconds | '
              'time exponent | × RSS | en–ru strict F1 | en–ru lax F1 | note |')
        print('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|')
        for config in CONFIGS:
            previous = None
            for size, counts, seconds, rss, note, scores in results[config]:
                name = '+'.join(config)
                if seconds is None:
                    print(f'| {name} | {counts} | – | – | | | | | | | {note} |')
                    previous = None
                    continue
                growth = ['', '', '', '']
                if previous:
                    n0, s0, r0 = previous
                    ratio = size / n0
                    growth[0] = f'{ratio:.1f}'
                    if s0 > 0:
                        growth[1] = f'{seconds / s0:.1f}'
                        if seconds > 0 and ratio > 1:
                            growth[2] = f'{math.log(seconds / s0) / math.log(ratio):.2f}'
                    growth[3] = f'{rss / r0:.1f}'
                print(f'| {name} | {counts} | {seconds:.2f} | {rss:.1f} | '
                      + ' | '.join(growth)
                      + f' | {scores["f1_strict"]:.3f} | {scores["f1_lax"]:.3f} | {note} |')
                previous = (size, seconds, rss)
        print()
        if hunalign_times:
            print()
            print('### Against hunalign, same texts, same run (en+ru)')
            print()
            print('| sentences | triptych s | triptych MB | hunalign s | hunalign MB | '
                  'triptych / hunalign |')
            print('|--:|--:|--:|--:|--:|--:|')
            for size, counts, seconds, rss, note, scores in results[('en', 'ru')]:
                hun = hunalign_times.get(size)
                if seconds is None or hun is None:
                    print(f'| {counts} | {seconds if seconds is not None else "–"} | | '
                          f'{hun[0] if hun else "–"} | | {hun_stopped or ""} |')
                    continue
                print(f'| {counts} | {seconds:.2f} | {rss:.0f} | {hun[0]:.2f} | {hun[1]:.0f} | '
                      f'{seconds / hun[0]:.3f} |')
            print()
        print('- sentences: per language, in the order of the languages column.')
        print(f'- Above {sum(len(d) for d in documents)} lines the texts repeat wmt22 '
              '(documents shuffled in each repeat), so the same sentences recur every ~2000 '
              'lines: the F1 columns then also test that the aligner does not jump to the '
              'same text in another repeat.')
        print('- × columns compare with the row above; time exponent = log(× seconds) / '
              'log(× sentences): 1 is linear, 2 quadratic. /usr/bin/time reports seconds with '
              'two decimals, so small sizes are noisy.')
        print(f'- Bench time {time.monotonic() - started:.0f} s.')
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

"""What each rule's pattern costs the RE2 scan, over a folder of documents.

``python benchmarks/rulecost.py FOLDER [--top N] [--sets] [--only ID ...] [--against RULES_DIR]``

- **own cost** (always): each rule's own RE2 regex searched over every document, counting its
  matches up to the rule's position limit, as the counting step does (that step only runs on the
  documents where the rule's set fired, so this is an upper bound of what counting costs).
- **set cost** (``--sets``): the ``re2.Set`` the rule belongs to (``triage.scan.re2_sets``), run
  over every document with and without the rule; the difference is what the rule adds to the
  presence pass. Rules are grouped into sets, so removing a rule from the whole scan says less
  than this.
- **total** (``--against DIR``): the whole ``Re2Scanner`` scan of every document with the rules
  of this checkout and with the rule packs in ``DIR`` (a copy of ``rules/`` from another
  commit), interleaved, to compare two versions of the rules in one process.

Documents are read and cleaned as ``triage`` reads them (``triage.inputs.read_document``). Every
figure is the median of ``--repeats`` interleaved runs (default 5) after one warm-up run, so that
RE2's lazily built DFA states are not timed. The order of documents and rules is fixed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import re2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.errors import InputError  # noqa: E402
from triage.inputs import read_document  # noqa: E402
from triage.rulebook import Rule, load_rules  # noqa: E402
from triage.scan import Re2Scanner, re2_sets  # noqa: E402
from triage.scan.base import SET_MEMORY, re2_set  # noqa: E402
from triage.scan.spans import position_limit  # noqa: E402

_UNANCHORED = re2._Anchor.UNANCHORED


def documents(folder: Path) -> list[tuple[str, bytes]]:
    """Return the readable documents under ``folder`` as (text, UTF-8 bytes), sorted by path."""
    docs = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix in (".yaml", ".yml") and path.parent == folder:
            continue  # labels next to the documents
        try:
            text = read_document(path).text
        except (InputError, OSError, ValueError):
            continue
        docs.append((text, text.encode("utf-8", "surrogatepass")))
    return docs


def median_time(runs: Sequence[Callable[[], object]], repeats: int) -> list[float]:
    """Run each callable once to warm up, then ``repeats`` interleaved times; return medians."""
    for run in runs:
        run()
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeats):
        for index, run in enumerate(runs):
            started = time.perf_counter()
            run()
            times[index].append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def own_pass(rule: Rule, docs: list[bytes]) -> Callable[[], int]:
    """Return a run counting the rule's matches in every document, as the counting step does."""
    match = re2.compile(rule.pattern())._regexp.Match
    limit = position_limit(rule.cap, rule.density)

    def run() -> int:
        total = 0
        for data in docs:
            count = position = 0
            end = len(data)
            while count < limit:
                start, stop = match(_UNANCHORED, data, position, end)[0]
                if start < 0:
                    break
                count += 1
                position = stop if stop > start else stop + 1
            total += count
        return total

    return run


def set_pass(
    rules: Sequence[Rule], docs: list[bytes], memory: int = SET_MEMORY
) -> Callable[[], int]:
    """Return a run of one ``re2.Set`` of these rules (presence forms) over every document."""
    matcher = re2_set(rules, memory)

    def run() -> int:
        return sum(len(matcher.Match(data) or ()) for data in docs)

    return run


def set_costs(
    rules: Sequence[Rule], chosen: list[int], docs: list[bytes], repeats: int
) -> dict[int, list[float]]:
    """Return, per chosen rule, its set's time with and without it."""
    costs = {}
    for group_set, group in re2_sets(rules):
        del group_set
        for index in (i for i in chosen if i in group):
            members = [rules[i] for i in group]
            without = [rules[i] for i in group if i != index]
            costs[index] = median_time([set_pass(members, docs), set_pass(without, docs)], repeats)
    return costs


def print_sets(rules: Sequence[Rule], docs: list[bytes], repeats: int) -> None:
    """Print each set's time with the scanner's memory and with 1 GB: a large gap is a set whose
    DFA outgrows its memory and keeps rebuilding its states (one rule too many can cause it)."""
    for number, (_, group) in enumerate(re2_sets(rules)):
        members = [rules[i] for i in group]
        runs = [set_pass(members, docs), set_pass(members, docs, 1 << 30)]
        usual, large = median_time(runs, repeats)
        print(
            f"set {number}: {len(group)} rules, {usual:.3f} s ({SET_MEMORY >> 20} MB), "
            f"{large:.3f} s (1 GB)"
        )


def scan_all(rules: Sequence[Rule], texts: list[str]) -> Callable[[], int]:
    """Return a run of the whole RE2 scanner over every text."""
    scanner = Re2Scanner(rules)

    def run() -> int:
        return sum(sum(scanner.scan(text).counts) for text in texts)

    return run


def main(argv: Sequence[str] | None = None) -> None:
    """Print the costliest rules (and, with ``--against``, the total scan of two rule sets)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rules", type=Path, help="rule packs (default: this checkout's)")
    parser.add_argument("--against", type=Path, help="rule packs to compare the total scan with")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sets", action="store_true", help="also time set membership")
    parser.add_argument("--only", nargs="*", default=[], help="rule ids to time")
    args = parser.parse_args(argv)
    ruleset = load_rules(args.rules, include_defaults=False) if args.rules else load_rules()
    rules = ruleset.rules
    docs = documents(args.folder)
    texts, data = [t for t, _ in docs], [d for _, d in docs]
    print(f"{len(docs)} documents, {sum(map(len, data)) / 1e6:.1f} MB, {len(rules)} rules")
    if args.against:
        other = load_rules(args.against, include_defaults=False).rules
        this, that = median_time([scan_all(rules, texts), scan_all(other, texts)], args.repeats)
        print(f"total RE2 scan: {this:.3f} s (these rules), {that:.3f} s ({args.against})")
        return
    chosen = [i for i, r in enumerate(rules) if not args.only or r.id in args.only]
    own_times = median_time([own_pass(rules[i], data) for i in chosen], args.repeats)
    own = dict(zip(chosen, own_times, strict=True))
    ranked = sorted(chosen, key=lambda i: -own[i])[: args.top]
    sets = {}
    if args.sets:
        print_sets(rules, data, args.repeats)
        sets = set_costs(rules, ranked, data, args.repeats)
    print(f"{'rule':44} {'own ms':>8} {'set ms':>8} {'without':>8} {'adds':>7}")
    for index in ranked:
        line = f"{rules[index].id:44} {own[index] * 1e3:8.1f}"
        if index in sets:
            full, less = sets[index]
            line += f" {full * 1e3:8.1f} {less * 1e3:8.1f} {(full - less) * 1e3:7.1f}"
        print(line)


if __name__ == "__main__":
    main()

"""A batch's small documents are matched together: the same rules fire as one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_scan_sets import TEXTS as SCAN_TEXTS
from triage import default_ruleset
from triage.inputs import Target
from triage.run import assess_file, make_plan
from triage.run.batch import BATCH, BATCH_BYTES, assess_batch, batches
from triage.scan import compile_scanner, hyperscan_available
from triage.scan.re2engine import Re2Scanner

TEXTS = [
    *SCAN_TEXTS,
    "## Acceptance criteria\n\nGiven a signed-in user, when they upload a file, then it is kept.",
]


def _engines() -> list[str]:
    return ["re2", "hyperscan"] if hyperscan_available() else ["re2"]


@pytest.mark.parametrize("engine", _engines())
def test_rules_fired_together_are_those_fired_one_by_one(engine: str) -> None:
    scanner = compile_scanner(default_ruleset().rules, engine)
    # One text over the size where the hyperscan engine leaves the RE2 sets.
    texts = [t.encode() for t in TEXTS] + [(TEXTS[0] + "\n").encode() * 3000]
    together = scanner.fired_together(texts)
    assert len(together) == len(texts)
    for data, fired in zip(texts, together, strict=True):
        assert sorted(fired) == sorted(set(scanner.fired(data)))
    assert together[0]  # something fires: the comparison is not between empty answers


@pytest.mark.parametrize("engine", _engines())
def test_a_scan_told_what_fired_counts_as_one_that_finds_it(engine: str) -> None:
    scanner = compile_scanner(default_ruleset().rules, engine)
    together = scanner.fired_together([t.encode() for t in TEXTS])
    for text, fired in zip(TEXTS, together, strict=True):
        assert scanner.scan(text, fired=fired) == scanner.scan(text)


def test_a_batch_of_small_documents_is_matched_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = []
    for number, text in enumerate(TEXTS):
        path = tmp_path / f"seed-{number}.md"
        path.write_text(text * 20, encoding="utf-8")
        paths.append(path)
    targets = [Target(p.name, p.name, p, size=p.stat().st_size) for p in paths]
    alone = [
        assess_file(p, listed=p.name, engine="re2").model_copy(update={"file": p.name})
        for p in paths
    ]
    plan = make_plan(engine="re2", keep_scores=True)

    def refuse(self: Re2Scanner, data: bytes) -> list[int]:
        raise AssertionError("a document of the batch was matched alone")

    monkeypatch.setattr(Re2Scanner, "fired", refuse)
    reports = assess_batch(plan, targets)
    assert reports == alone
    assert any(r.evidence for r in reports)  # rules fired: the comparison is not of empty rows


def test_batches_keep_the_order_and_stop_at_their_count_or_bytes() -> None:
    small = [Target(f"s{n}", f"s{n}", None, size=10) for n in range(BATCH * 2 + 3)]
    split = list(batches(small))
    assert [len(b) for b in split] == [BATCH, BATCH, 3]
    assert [t for b in split for t in b] == small
    large = [Target(f"l{n}", f"l{n}", None, size=BATCH_BYTES // 2) for n in range(5)]
    assert [len(b) for b in batches(large)] == [2, 2, 1]
    unknown = [Target("u", "u", None)] * (BATCH + 1)  # no size known: counted by number
    assert [len(b) for b in batches(unknown)] == [BATCH, 1]
    assert list(batches([])) == []

"""``triage ask``: the message to the requester names every missing dimension and its questions."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from triage import assess_paths, default_ruleset
from triage.cli import main
from triage.outputs import draft_request, md_escape, missing_dimensions, other_questions
from triage.report import DIMENSIONS, Dimensions, Report

ROOT = Path(__file__).resolve().parent.parent
POLICY = default_ruleset().policy
SUBSETS = [
    set(c) for n in range(len(DIMENSIONS) + 1) for c in itertools.combinations(DIMENSIONS, n)
]


@pytest.fixture(scope="module")
def reference() -> Report:
    return assess_paths([ROOT / "seeds" / "INDEX.md"])


def _with_present(report: Report, present: set[str]) -> Report:
    dims = Dimensions(**{name: name in present for name in DIMENSIONS})
    bundle = report.bundle.model_copy(update={"dimensions": dims, "verdict": "needs-clarification"})
    return report.model_copy(update={"bundle": bundle})


def _heading(name: str) -> str:
    label = POLICY.dimensions[name].label
    return f"## {label[:1].upper()}{label[1:]}"


@pytest.mark.parametrize("present", SUBSETS, ids=lambda s: "+".join(sorted(s)) or "none")
def test_names_every_missing_dimension(reference: Report, present: set[str]) -> None:
    report = _with_present(reference, present)
    message = draft_request(report, POLICY)
    assert set(missing_dimensions(report)) == set(DIMENSIONS) - present
    for name in DIMENSIONS:
        asked = all(md_escape(q) in message for q in POLICY.dimensions[name].questions)
        assert (_heading(name) in message) == (name not in present), name
        assert asked == (name not in present), name


def test_reference_message_says_what_was_received(reference: Report) -> None:
    message = draft_request(reference, POLICY)
    assert f"`{reference.seeds[0].path}`: " in message  # its own name, not a local path
    assert str(ROOT) not in message
    assert all(_heading(name) in message for name in DIMENSIONS)
    assert md_escape(POLICY.not_a_spec_question) in message
    assert f"line {reference.seeds[0].evidence[0].line}:" in message


def test_dimension_evidence_is_quoted(reference: Report) -> None:
    seed = reference.seeds[0]
    hit = seed.evidence[0].model_copy(update={"signal": "hardware", "excerpt": "an STM32 board"})
    seeds = (seed.model_copy(update={"evidence": (hit,)}),)
    message = draft_request(reference.model_copy(update={"seeds": seeds}), POLICY)
    section = message.split(_heading("hardware_target"))[1].split("## ")[0]
    assert "an STM32 board" in section
    assert POLICY.ask is not None and POLICY.ask.no_evidence not in section


def test_policy_without_ask_section_uses_the_shipped_wording(reference: Report) -> None:
    bare = POLICY.model_copy(update={"ask": None})
    assert draft_request(reference, bare) == draft_request(reference, POLICY)


def test_cli_writes_the_message(tmp_path: Path) -> None:
    out = tmp_path / "ask.md"
    assert main(["ask", str(ROOT / "seeds"), "--no-config", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert all(_heading(name) in text for name in DIMENSIONS)


def test_cli_has_nothing_to_ask_of_a_buildable_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ask.md"
    card = str(ROOT / "examples" / "design-card")
    assert main(["ask", card, "--no-config", "--output", str(out)]) == 0
    assert not out.exists()
    assert "nothing to ask" in capsys.readouterr().err


def test_clarifications_are_asked_once_under_their_own_heading(reference: Report) -> None:
    extra = [item.ask for item in POLICY.clarifications]
    if not extra:
        pytest.skip("the policy has no clarifications")
    seed = reference.seeds[0]
    asked = (*POLICY.dimensions["hardware_target"].questions, *extra, *extra)
    seeds = (seed.model_copy(update={"questions": asked}),)
    report = _with_present(reference.model_copy(update={"seeds": seeds}), {"software_spec"})
    assert other_questions(report, POLICY) == tuple(extra)
    message = draft_request(report, POLICY)
    assert POLICY.ask is not None
    section = message.split(f"## {POLICY.ask.other_questions}")[1]
    for question in extra:
        assert message.count(md_escape(question)) == 1
        assert md_escape(question) in section

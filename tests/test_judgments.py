"""Judgments on the bundled seeds, and that they come from general rules, not from one text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.conftest import DESIGN_CARD, REFERENCE_SUMMARY, SEEDS
from triage import assess_file, assess_paths, assess_text


def test_reference_seed_is_an_opinion_article_not_a_spec(reference_text: str) -> None:
    report = assess_text(reference_text)
    assert report.verdict == "not-a-spec"
    assert report.summary == REFERENCE_SUMMARY
    assert report.questions, "a not-a-spec seed must come with questions to ask"


def test_design_card_is_a_buildable_design_card() -> None:
    report = assess_file(DESIGN_CARD)
    assert report.verdict == "buildable"
    assert report.genre == "design card"
    assert report.summary is not None
    assert report.summary.startswith("design card — software spec")


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _first_half(text: str) -> str:
    paragraphs = _paragraphs(text)
    return "\n\n".join(paragraphs[: len(paragraphs) // 2])


def _shuffled(text: str) -> str:
    paragraphs = _paragraphs(text)
    random.Random(7).shuffle(paragraphs)
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize(
    "variant",
    [_first_half, _shuffled, lambda t: t.replace("\n", "\r\n"), lambda t: "\ufeff" + t],
    ids=["first-half", "shuffled", "crlf", "bom"],
)
def test_reference_seed_variants_stay_opinion(reference_text: str, variant: object) -> None:
    report = assess_text(variant(reference_text))  # type: ignore[operator]
    assert report.verdict == "not-a-spec"
    assert report.genre == "opinion article"


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_reference_seed_saved_under_another_name_stays_opinion(
    tmp_path: Path, reference_text: str, suffix: str
) -> None:
    copy = tmp_path / f"seed{suffix}"
    copy.write_bytes(("\ufeff" + reference_text.replace("\n", "\r\n")).encode())
    report = assess_file(copy)
    assert (report.verdict, report.genre) == ("not-a-spec", "opinion article")


def test_bundle_of_opinion_and_card_is_buildable_through_the_card(tmp_path: Path) -> None:
    (tmp_path / "INDEX.md").write_text("- [seed](seed.txt)\n- [card](card.md)\n")
    (tmp_path / "seed.txt").write_text((SEEDS / "000_cf8943a875352be7.txt").read_text())
    (tmp_path / "card.md").write_text(DESIGN_CARD.read_text())
    report = assess_paths([tmp_path])
    assert [s.verdict for s in report.seeds] == ["not-a-spec", "buildable"]
    assert report.bundle.verdict == "buildable"
    assert report.bundle.dimensions.software_spec


def test_every_hit_points_at_its_text(reference_text: str) -> None:
    report = assess_text(reference_text)
    lines = reference_text.splitlines()
    assert report.evidence
    for hit in report.evidence:
        line = lines[hit.line - 1]
        assert hit.column <= len(line)
        assert " ".join(hit.excerpt.strip("…").split())[:20] in " ".join(line.split())


def test_a_plain_requirement_list_is_not_called_an_opinion() -> None:
    text = (
        "# Parking meter app\n\n"
        "## Requirements\n\n"
        "- The app shall let drivers pay for parking with a card.\n"
        "- Users can extend a session from their phone.\n"
        "- The system shall send a reminder 10 minutes before expiry.\n\n"
        "## Interfaces\n\n"
        "- REST API: POST /sessions creates a session, GET /sessions/{id} reads it.\n"
        "- Payment provider webhook for confirmations.\n\n"
        "## Acceptance criteria\n\n"
        "- Given a paid session, when it expires, then the meter shows red.\n"
    )
    report = assess_text(text, markdown=True)
    assert report.verdict == "buildable"
    assert report.dimensions is not None and report.dimensions.software_spec


def test_a_vague_request_needs_clarification_and_asks_where_it_meets_the_world() -> None:
    report = assess_text("I want an app that lets me track my expenses, with a chart per month.")
    assert report.verdict == "needs-clarification"
    assert any("commands, APIs, screens" in q for q in report.questions)
    assert any("acceptance criteria" in q for q in report.questions)


def test_a_buildable_seed_asks_nothing() -> None:
    assert assess_file(DESIGN_CARD).questions == ()

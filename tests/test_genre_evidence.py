"""Genre evidence for documents that are not specs, on fixtures written for the purpose.

Each fixture under ``tests/fixtures/genres/`` is a text of its genre written by the project: an
op-ed that quotes the council it argues against, a news report made of attributed statements, a
podcast transcript, an IRC log with ISO timestamps, a speech, a job ad, a changelog, and a spec
with a commentary and a conclusion section. The rules must place each in its genre, and genre
cues must never take over a spec.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from triage import assess_file, assess_text

FIXTURES = Path(__file__).parent / "fixtures" / "genres"


@pytest.mark.parametrize(
    ("name", "genre"),
    [
        ("op-ed-with-a-quote.md", "opinion-article"),
        ("news-report.txt", "news-report"),
        ("podcast-transcript.md", "chat-log"),
        ("irc-iso-log.txt", "chat-log"),
        ("speech.txt", "other"),
        ("job-ad.md", "other"),
        ("changelog.md", "other"),
    ],
)
def test_a_document_that_is_not_a_spec_gets_its_genre(name: str, genre: str) -> None:
    seed = assess_file(FIXTURES / name)
    assert seed.genre_id == genre, seed.summary
    assert seed.verdict == "not-a-spec"


def test_bare_reporting_verbs_do_not_make_an_op_ed_news() -> None:
    """Bare "said" and "talks" are not reported speech; the author's stance decides the genre."""
    text = (FIXTURES / "op-ed-with-a-quote.md").read_text(encoding="utf-8")
    text += "\nThe mayor said so. The council says so too. The talks are over, officials said.\n"
    seed = assess_text(text)
    assert seed.genre_id == "opinion-article", seed.summary


def test_attributed_quotations_make_a_report_news() -> None:
    seed = assess_file(FIXTURES / "news-report.txt")
    rules = {hit.rule for hit in seed.evidence}
    assert "quoted-attribution" in rules


def test_a_commentary_and_a_conclusion_section_do_not_take_over_a_spec() -> None:
    seed = assess_file(FIXTURES / "spec-with-commentary.md")
    assert seed.verdict == "buildable"
    assert seed.genre_id == "requirements-spec"
    assert seed.dimensions.software_spec


@pytest.mark.parametrize(
    "line",
    [
        "2024-05-02T09:01:40  <ana> morning all",
        "[2019-01-05 09:00:01] <bob> hi",
        "[00:11] **Ann**: Hi all.",
        "[Speaker 1] [00:06] just saying",
    ],
)
def test_chat_layouts_are_chat_evidence(line: str) -> None:
    seed = assess_text("\n".join([line] * 12))
    assert seed.genre_id == "chat-log", seed.summary


def test_the_reference_seed_is_still_an_opinion_article() -> None:
    seed = assess_file(Path(__file__).parent.parent / "seeds" / "000_cf8943a875352be7.txt")
    assert seed.summary == (
        "opinion article — no software spec, no hardware target, no performance core"
    )

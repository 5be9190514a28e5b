"""Failure modes the cross-cutting policy and rule fixes address, on short texts written here."""

from __future__ import annotations

from pathlib import Path

from triage import assess_file, assess_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "policy"

# A section that defines a wire format: protocol language a paper may carry when it is a spec.
FORMAT_SECTION = """
## Message format

Each record starts with a header of four octets: a version field, a flags field and a length
field of two octets in network byte order. A receiver MUST drop a record whose version field it
does not know, and the flags field MUST be zero on send.
"""


def test_an_rfp_that_states_no_behaviour_is_not_buildable() -> None:
    # Procurement of events with an application form: software language, but nothing to build.
    report = assess_file(FIXTURES / "rfp-without-behaviour.md")
    assert report.genre_id == "rfp-or-sow"
    assert report.verdict == "needs-clarification"


def test_a_research_paper_without_anything_to_build_is_not_a_spec() -> None:
    report = assess_file(FIXTURES / "research-paper.md")
    assert report.genre_id == "research-paper"
    assert report.verdict == "not-a-spec"


def test_a_paper_that_defines_a_format_still_needs_clarification() -> None:
    text = (FIXTURES / "research-paper.md").read_text(encoding="utf-8") + FORMAT_SECTION
    report = assess_text(text)
    assert report.genre_id == "research-paper"
    assert report.verdict == "needs-clarification"


def test_two_keywords_do_not_make_a_short_proposal_a_protocol() -> None:
    report = assess_file(FIXTURES / "short-proposal-two-keywords.md")
    assert report.genre_id == "design-proposal"


def test_a_memo_listing_hardware_is_not_a_hardware_spec() -> None:
    # Chips, memory and ports named in 'field: value' lines, with no hardware-spec cue.
    report = assess_file(FIXTURES / "hardware-list-memo.md")
    assert report.genre_id != "hardware-spec"
    assert report.verdict != "buildable"


def test_a_licence_header_does_not_make_a_hardware_spec_legal_text() -> None:
    report = assess_file(FIXTURES / "licence-header-timer.rst")
    assert report.genre_id == "hardware-spec"
    # The rules call it buildable; the fitted spec model (p under its buildable bound, 0.5,
    # with the shipped weights) asks for clarification first, the safer answer.
    assert report.verdict in {"buildable", "needs-clarification"}
    assert report.dimensions is not None and report.dimensions.hardware_target


def test_vulnerabilities_in_a_security_spec_are_no_advisory() -> None:
    text = (
        "# Image scanning\n\nThe scanner lists known vulnerabilities in each container image and "
        "sends the findings to the security team. It shall block a deploy when a critical "
        "vulnerability has no fix. Vulnerabilities are read from the public feed every hour, "
        "and the API returns them as JSON.\n"
    )
    report = assess_text(text)
    assert report.genre_id != "other"

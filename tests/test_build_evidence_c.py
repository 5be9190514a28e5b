"""Build evidence of round 8 (train8): each family of misses, a fixture that must be read as a
build document (or hold its dimension), and a counter-example that must not.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

from tests.evidence import dimension_held as _held
from tests.evidence import fires as _fires
from triage import assess_text

# --- numbered challenge titles and one-letter command-line options
CHALLENGE = """# Challenge 4 - Write Your Own Line Sorter

This week we rebuild a small classic: a program that sorts the lines of a text file.

_-r_ option: sort in reverse order
```
> mysort -r names.txt
```

_-u_ option: drop repeated lines
```
> mysort -u names.txt
```

With no option the lines are printed in ascending order."""

TUTORIAL_SECTION = """## Challenge 3: reading the data

In this part of the lesson we open the file and look at the first rows. Notice how the header
row names each column; we will come back to it when we plot the values later on."""


def test_a_numbered_challenge_with_its_options_is_a_buildable_brief() -> None:
    report = assess_text(CHALLENGE, markdown=True)
    assert report.genre_id == "requirements-spec", report.summary
    assert report.verdict == "buildable", report.summary


def test_a_numbered_section_of_a_lesson_is_no_brief() -> None:
    assert not _fires("brief-heading", TUTORIAL_SECTION)
    assert assess_text(TUTORIAL_SECTION, markdown=True).verdict == "not-a-spec"


def test_one_letter_options_are_read_only_when_named_as_options() -> None:
    assert _fires("cli-flag", "the -n flag numbers each line")
    assert _fires("cli-flag", "run it with option -q to stay silent")
    assert not _fires("cli-flag", "- a short list item")
    assert not _fires("cli-flag", "the x-ray option")


# --- hardware assignments: a numbered title, ports and a testbench
RTL_TASK = """# Assignment 7
Design a small round-robin arbiter in SystemVerilog for four requesters.

| Signal | Width | Description |
| ------ | ----- | ----------- |
| req    | 4     | request input port, one bit per requester |
| grant  | 4     | grant output port, one-hot |
| clk    | 1     | clock |

The grant must rotate after each accepted request. A testbench drives random requests and
checks that no requester waits more than three turns."""


def test_a_numbered_rtl_assignment_is_a_buildable_hardware_brief() -> None:
    report = assess_text(RTL_TASK, markdown=True)
    assert report.genre_id == "requirements-spec", report.summary
    assert report.verdict == "buildable", report.summary
    assert _held(RTL_TASK, "hardware_target")


# --- staged labs and headings of extras
LAB = """# Lab | Pocket Timer

## Introduction
Build a small timer for the phone with a start, a pause and a reset.

## Submission
Push your work and open a pull request.

### Iteration 1: Create the screen
Create a functional component that shows the minutes and the seconds.

### Iteration 2: Create the buttons
Add a start button, a pause button and a reset button under the time.

### Iteration 3: Keep the time
Write a custom hook that counts down and stops at zero.

## Bonus
Let the user pick the starting minutes."""


def test_iterations_and_a_bonus_heading_read_as_a_build_brief() -> None:
    assert _fires("brief-heading", "### Iteration 2: Create the buttons")
    assert _fires("card-bonus-line", "## Stretch goals")
    assert not _fires("card-bonus-line", "## Bonus track listing")
    report = assess_text(LAB, markdown=True)
    assert report.verdict != "not-a-spec", report.summary


def test_weekly_challenge_titles_and_upload_headings_are_brief_headings() -> None:
    assert _fires("brief-heading", "# Week 12 challenge")
    assert _fires("brief-heading", "## Submission instructions")
    assert not _fires("brief-heading", "# Week 3 recap")


# --- performance: sizes are facts, sizes to take in are targets, other languages
def test_a_bare_size_is_no_performance_target() -> None:
    assert not _fires("rate-with-unit", "the table is kept in blocks of 16 KiB")
    assert not _fires("unit-bearing-target", "each screenshot must be less than 300 kb in size")
    assert _fires("rate-with-unit", "the link carries 40 MB/s")


def test_a_size_the_build_must_take_in_is_a_capacity_target() -> None:
    assert _fires("capacity-target", "readers should accept records of at least 64 KiB")
    assert _fires("capacity-target", "decoders support a history window of up to 16 MB")
    assert not _fires("capacity-target", "a module with up to 16 MB of flash")


def test_a_change_that_is_an_optimization_states_a_performance_goal() -> None:
    assert _fires("performance-goal", "The new cache is purely an optimization.")
    assert not _fires("performance-goal", "an optimization problem in logistics")


def test_part_settings_are_no_performance_mention() -> None:
    assert not _fires("performance-terms", "a configurable baud rate and clock frequency")
    assert _fires("performance-terms", "the p99 latency of the search")


def test_performance_bounds_in_other_languages() -> None:
    for text in (
        "Die Suche antwortet in unter 300 ms.",
        "la página carga en menos de 2 segundos",
        "время ответа не более 150 мс",
        "接口响应时间不超过300毫秒",
        "検索は500ミリ秒以内に返す",
        "검색 결과는 300ms 이내에 표시된다",
    ):
        assert _fires("performance-target-other-languages", text), text
    for text in ("menos de 20 personas", "до 5 человек", "200円以下"):
        assert not _fires("performance-target-other-languages", text), text


# --- requirement subjects of format specs, UI components, acceleration, acceptance
FORMAT = """# Tally record format

A tally file holds one record per line. Each record is a key, a colon and a count.

Writers must emit the keys in ascending order. Parsers must reject a record without a colon.
Parsers should ignore a trailing blank line. Implementations must treat the count as an unsigned
64-bit integer, encoded as decimal digits, and must not accept a leading plus sign."""


def test_parsers_and_implementations_that_must_act_state_behaviour() -> None:
    assert _fires("system-shall", "Parsers must reject a record without a colon.")
    assert not _fires("system-shall", "Readers should already know the basics.")
    assert _held(FORMAT, "software_spec")


def test_building_a_component_is_a_build_goal() -> None:
    assert _fires("build-verb-object", "Create a React-based star rating component")
    assert not _fires("build-verb-object", "the component failed at noon")


def test_accelerated_rendering_names_a_hardware_target() -> None:
    assert _fires("hardware-target-phrase", "render the overlay with GPU-accelerated shaders")
    assert not _fires("hardware-target-phrase", "an accelerated timeline for the launch")


def test_conditions_of_a_use_case_are_acceptance() -> None:
    assert _fires("expected-result", "### Postconditions")
    assert _fires("expected-result-other-languages", "### Warunki końcowe")
    assert _fires("expected-result-other-languages", "前置条件：用户已登录")

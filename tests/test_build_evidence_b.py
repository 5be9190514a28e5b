"""Build evidence of the train-B round: each family of misses, a fixture that must be judged a
build document (or hold its dimension), and a counter-example that must not.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

from tests.evidence import dimension_held as _held
from tests.evidence import dimension_score as _score
from tests.evidence import fires as _fires
from triage import assess_text

# --- staged tasks and test harnesses
STAGE_TASK = """In this stage, you’ll extend your key-value server so that it answers the `TIME`
command with the server clock.

### Tests

The tester will execute your program like this:

```bash
$ ./run_server.sh
```

It will then send `TIME` and expect a two-element array in return."""

STAGE_TUTORIAL = """In this step, you'll learn how the event loop of a browser schedules work.

### What happens

When the page loads, each script runs to completion before the next one starts. The browser
then paints the page and waits for the next event."""


def test_a_staged_task_checked_by_a_tester_is_a_build_brief() -> None:
    report = assess_text(STAGE_TASK, markdown=True)
    assert report.genre_id == "requirements-spec", report.summary
    assert report.verdict == "buildable", report.summary


def test_a_tutorial_step_that_teaches_stays_a_non_spec() -> None:
    report = assess_text(STAGE_TUTORIAL, markdown=True)
    assert report.verdict == "not-a-spec", report.summary


# --- issue templates
ISSUE = """# Allow five-digit ticket numbers

## Summary

Ticket numbers are checked against a pattern of exactly four digits, so the tracker stops at 9999.

## Current Behavior

- Numbers above 9999 are rejected when a ticket is filed.

## Expected Behavior

- Numbers of four or more digits are accepted by `file_ticket` and by the `renumber` command.
- Existing four-digit numbers keep working.

## Proposed Solution

Change the pattern in `tickets/validate.py` and update the two shell hooks that copy it."""

INCIDENT_REPORT = """# What went wrong on Tuesday

We expected better behaviour from the deploy script. On Tuesday it pushed a half-built release,
and for forty minutes the site served errors. We rolled back by hand, wrote down what happened,
and the team agreed to look at the script again next month."""


def test_an_issue_with_current_and_expected_behaviour_is_a_buildable_feature_request() -> None:
    report = assess_text(ISSUE, markdown=True)
    assert report.genre_id == "feature-request", report.summary
    assert report.verdict == "buildable", report.summary


def test_a_story_of_an_incident_that_expected_better_behaviour_stays_a_non_spec() -> None:
    report = assess_text(INCIDENT_REPORT, markdown=True)
    assert report.verdict == "not-a-spec", report.summary


# --- tracker fields, numbered requirements
def test_tracker_fields_written_as_bold_bullets_count_as_tracker_fields() -> None:
    text = "# Wallet tools\n\n* **Status:** Open\n* **Proposer:** a maintainer\n"
    assert _fires("issue-tracker-fields", text)
    report = assess_text(text, markdown=True)
    assert report.verdict != "not-a-spec", report.summary


def test_numbered_requirement_headings_make_a_requirements_spec() -> None:
    parts = ["# Club ticketing site\n"]
    for number, duty in enumerate(
        ["list the events of the month", "book a seat", "cancel a booking", "print a badge"],
        start=1,
    ):
        parts.append(f"## Requirement {number}\n\nMembers can {duty} from the events page.\n")
    parts.append("Prices are shown in euros, for example $12.50 or $8.00 at the door.\n")
    report = assess_text("\n".join(parts), markdown=True)
    # The rules' points lead with requirements-spec; a call this close (four short
    # requirements read like a card too) goes to the fitted genre models, still a build genre.
    assert report.scores is not None
    assert max(report.scores.genres, key=report.scores.genres.__getitem__) == "requirements-spec"
    assert report.genre_id in {"requirements-spec", "design-card"}, report.summary
    assert report.verdict != "not-a-spec", report.summary


def test_numbered_steps_and_levels_are_not_requirement_headings() -> None:
    assert not _fires("numbered-requirement-heading", "## Step 1\n\nOpen the box.\n\n## Level 2\n")


# --- performance: targets, not facts
FIELD_SIZES = """# Beacon frame format

A beacon frame MUST be at least 24 bytes. The name field is at most 32 bytes and is padded
with zeros. Frames are sent in blocks of 16 KiB, and the last block may be shorter. A receiver
holds the line low for at least 50 µs before the next frame, and two clocks must stay aligned to
within 10 ns of each other."""

SIZE_AND_SCALE_TARGETS = """# Import service

- The importer must be able to process a 2 GB export on 256 MB of RAM.
- The service should support at least 20,000 successful imports requests per day.
- Memory usage must stay below 300 MB while a file is parsed."""


def test_field_sizes_and_signal_timings_are_no_performance_core() -> None:
    assert not _held(FIELD_SIZES, "performance_core")


def test_memory_budgets_and_daily_capacity_are_a_performance_core() -> None:
    assert _held(SIZE_AND_SCALE_TARGETS, "performance_core")


def test_a_device_memory_named_without_a_bound_is_no_size_budget() -> None:
    assert not _fires("size-budget", "The board has 512 MB of RAM and up to 16 MB of flash.")


SPEED_TASK = """# Slow suite

Speed up the two slow integration tests to be less than 10 s each. The teams with the fastest
load times will earn the most points."""

SPEED_STORY = """Last year our integration tests were slow, and the fastest load times we saw
were on the old laptop. We liked the speed of the new machine anyway."""


def test_speed_bound_to_a_limit_or_graded_is_a_latency_target() -> None:
    assert _fires("latency-target", SPEED_TASK)
    assert _score(SPEED_TASK, "performance_core") > _score(SPEED_STORY, "performance_core")


def test_a_story_about_speed_holds_no_latency_target() -> None:
    assert not _fires("latency-target", SPEED_STORY)


# --- hardware: digital designs
DIGITAL_BLOCK = """## How it works

The circuit counts pulses on an 8-bit input port and raises an alarm when the count passes a
limit. It shares a common clock and a reset line with the rest of the chip.

Bit zero of the `ctrl` register starts the count; `ADDR_LIMIT: 0x0c` holds the limit.

### Pinout

| Pin | Direction |
|---|---|
| clk | input |
| alarm | output |"""

SOFTWARE_WITH_BITS = """The client wraps every call to the payment service in a circuit breaker.
Amounts are stored as 64-bit integers, and the bitfield of flags is sent with each message.
The reset button of the app clears the form."""


def test_a_digital_block_with_ports_and_registers_holds_a_hardware_target() -> None:
    assert _held(DIGITAL_BLOCK, "hardware_target")


def test_software_that_names_bits_and_breakers_holds_no_hardware_target() -> None:
    assert _score(SOFTWARE_WITH_BITS, "hardware_target") == 0


# --- interface: program input and output
CONSOLE_GAME = """### Number duel

Write a small game in which the player and the computer take turns picking a number.
- Both start with 50 points and lose the number the other picked.
- After each turn, a message should be printed that tells the player both scores.
- The first to reach zero loses, and the game should end."""

MEMOIR = """My grandfather read the letter twice and printed nothing in the paper about it.
He kept the message to himself, and the family never learned what it said."""


def test_a_console_game_card_that_prints_its_messages_is_buildable() -> None:
    report = assess_text(CONSOLE_GAME, markdown=True)
    assert report.verdict == "buildable", report.summary


def test_reading_and_printing_in_a_story_is_no_program_io() -> None:
    assert not _fires("program-io", MEMOIR)


# --- interface: encodings; rates; buses
def test_value_encodings_are_interface_words_and_plain_prose_is_not() -> None:
    assert _fires("encoding-interface", "The checksum is encoded as a 4-byte array.")
    assert _fires("encoding-interface", "Keys are written in base58 with a version prefix.")
    assert not _fires("encoding-interface", "She was represented as a hero in the film.")


def test_a_peak_rate_stated_with_a_unit_is_a_rate_target_and_a_measured_rate_is_not() -> None:
    assert _fires("rate-target", "Peak throughput of the engine (at 150 MHz): 3 Gbit/s")
    assert not _fires("rate-target", "In our run the engine moved 3 Gbit/s on average.")


def test_on_chip_buses_are_hardware_parts() -> None:
    assert _fires("hardware-parts", "Each port is an AXI4-Lite slave; the bridge speaks APB.")
    assert not _fires("hardware-parts", "The axis of the chart shows the years.")


def test_throughput_floors_and_benchmarks_to_meet_are_capacity_targets() -> None:
    assert _fires("capacity-target", "The broker needs a throughput of at least 5,000 messages.")
    assert _fires("capacity-target", "The new parser must beat the published benchmarks.")
    assert not _fires("capacity-target", "The throughput of the old port fell by half in May.")

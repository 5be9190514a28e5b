"""Build evidence of round 10 (tune10): specs read as something else, genres among the build
genres, and targets of the build versus deadlines people keep. Each family of misses has a text
that must keep its reading and a counter-example that must lose it.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

from tests.evidence import fires as _fires
from tests.evidence import signal_points as _points

# --- a call or format contract stated parameter by parameter

CALL_SPEC = """Function: Flush Log (FID #3)

long flush_log(unsigned long count, unsigned long addr_lo, unsigned long addr_hi)

The `count` parameter specifies how many records to flush. The `addr_lo` parameter holds the
lower half of the buffer address and the `addr_hi` parameter holds the upper half. The flags
field must be zero in this version. Errors are returned in the error member of the result.
"""

HOWTO_PROSE = """We tuned one parameter by hand until the plot looked right. The field of view
of the camera is wide, so the farm field fills the picture, and a parameter that specifies the
zoom was left alone."""


def test_parameters_defined_one_by_one_read_as_a_contract() -> None:
    assert _fires("api-reference-definitions", "The `count` parameter specifies the size.")
    assert _fires("api-reference-definitions", "the flags field MUST be zero")
    assert _points(CALL_SPEC, "protocol") >= 3.0


def test_parameters_talked_about_in_prose_are_no_contract() -> None:
    assert not _fires("api-reference-definitions", HOWTO_PROSE)


# --- requirement statements with 'must' as well as 'shall'


def test_the_thing_to_build_must_is_a_requirement_statement() -> None:
    assert _fires("requirement-statement-shall", "The web app must let members renew a loan.")
    assert _fires("requirement-statement-shall", "the platform is required to keep an audit log")
    assert not _fires("requirement-statement-shall", "The minister must answer the committee.")
    assert not _fires("requirement-statement-shall", "The app should feel friendly.")


# --- a title naming a specification of a named thing is a format or protocol title


def test_a_specification_named_after_a_thing_is_a_format_title() -> None:
    assert _fires("protocol-title", "# Sensor Packet Specification")
    assert _fires("protocol-title", "# Tiny Query Language Spec")
    assert not _fires("spec-document-title", "# Sensor Packet Specification")


def test_a_specification_of_an_application_stays_a_requirements_title() -> None:
    assert _fires("spec-document-title", "# Room Booking App Specification")
    assert _fires("spec-document-title", "# Take-Home Test Specification")
    assert _fires("spec-document-title", "# Greenhouse monitor - requirements")


# --- a project spoken of before it exists (idea pages, pitches)


def test_a_planned_project_is_the_voice_of_a_pitch() -> None:
    assert _fires("planned-project-voice", "This project will add a map view to the app.")
    assert _fires("planned-project-voice", "The idea would be to cache every lookup.")
    assert not _fires("planned-project-voice", "The project was archived in 2019.")
    assert not _fires("planned-project-voice", "This project is released under the MIT licence.")


# --- lab handouts: numbered labs at the second heading level, the handout, what to turn in


def test_a_numbered_lab_under_a_site_title_is_a_set_task() -> None:
    assert _fires("set-task-title", "## Lab 5")
    assert _fires("set-task-title", "## Assignment: a tiny pager")
    assert not _fires("set-task-title", "## Exercise 3")
    assert not _fires("set-task-title", "## Labs and office hours")


def test_a_lab_handout_and_what_to_turn_in_are_brief_headings() -> None:
    assert _fires("brief-heading", "### Handout")
    assert _fires("brief-heading", "## What to turn in")
    assert not _fires("brief-heading", "The handout was printed on blue paper.")


# --- deadlines in hours are kept by people, not reached by the build


def test_a_reply_within_hours_is_no_performance_target() -> None:
    assert not _fires("modal-performance-target", "Reporters will hear back within 48 hours.")
    assert not _fires("modal-performance-target", "Flights must be booked at least 24 hours ahead.")


def test_a_response_within_seconds_stays_a_performance_target() -> None:
    assert _fires("modal-performance-target", "The search must answer within 2 seconds.")
    assert _fires("modal-performance-target", "The export must finish in under five minutes.")


# --- firmware interfaces written against the processor's own vocabulary


def test_privilege_modes_and_register_width_name_a_hardware_target() -> None:
    assert _fires("hardware-component-terms", "callable from supervisor-mode software only")
    assert _fires("hardware-component-terms", "passed as two XLEN-wide halves")
    assert not _fires("hardware-component-terms", "Send the physical address of your office.")


# --- exercises in other languages that say what the reader will do


def test_an_exercise_in_german_or_spanish_addresses_the_builder() -> None:
    assert _fires("brief-other-languages", "In dieser Übung sollst du einen Taschenrechner bauen.")
    assert _fires("brief-other-languages", "En este ejercicio debes contar las palabras.")
    assert _fires("brief-sections-other-languages", "## Übungsbeschreibung")
    assert not _fires("brief-other-languages", "In dieser Übung haben wir viel gelernt.")


# --- one idea offered on an idea page


def test_the_fields_of_an_idea_page_read_as_a_pitch() -> None:
    assert _fires("idea-page-fields", "type: 'Project Idea'")
    assert _fires("idea-page-fields", "## Possible features")
    assert _fires("idea-page-fields", "### Why this would be useful")
    assert not _fires("idea-page-fields", "## Features")
    assert not _fires("idea-page-fields", "Possible features are listed below.")

"""Verdict and dimension evidence of round 12: each family of misses, a fixture the rules must read
(a build signal, a dimension held) and a counter-example they must not.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

from tests.evidence import dimension_held as _held
from tests.evidence import fires as _fires
from tests.evidence import signal_points as _points

# --- where a ticket's change meets the world: the UI it names, a function named in prose
TICKET = """## Description

The terminal board hides the columns of empty states, while the web UI lists every state. The TUI
should read the states from the project settings and draw one column for each.

## Acceptance Criteria

- [ ] #1 Every configured state has a column, empty or not
- [ ] #2 The draw_columns() helper takes the state list from the settings
"""


def test_a_ticket_names_the_ui_it_changes() -> None:
    assert _fires("interface-terms", "the web UI lists every state")
    assert _fires("interface-terms", "The TUI should read the states")
    assert _points(TICKET, "interface") >= 1.0


def test_ui_as_a_skill_is_no_interface() -> None:
    assert not _fires("interface-terms", "Skills: C# and UI programming")


def test_a_function_named_in_prose_is_an_interface_part() -> None:
    assert _fires("code-signature", "The draw_columns() helper takes the state list")
    assert _fires("code-signature", "call load_settings() before drawing")
    assert not _fires("code-signature", "the item(s) on the list")


# --- build requests in the other languages the rules read
BRIEF_DE = """# Aufgabe

Bauen Sie eine kleine Übersichtsseite, die das Wetter und eine Liste von Meldungen zeigt."""

BRIEF_FR = """Demande :

* Réaliser la partie serveur d'une application de prêt de livres.
* L'objectif est de mettre en place deux routes REST."""

NEWS_FR = "Le maire veut construire un pont et créer une commission sur le trafic."


def test_build_requests_in_other_languages_are_build_intent() -> None:
    assert _fires("build-request-other-languages", BRIEF_DE)
    assert _fires("build-request-other-languages", BRIEF_FR)
    assert _fires("build-request-other-languages", "Разработайте веб-приложение для заметок")
    assert _fires("build-request-other-languages", "Desarrollar una aplicación de reservas")
    assert _points(BRIEF_FR, "build_intent") > 0


def test_building_bridges_and_commissions_is_no_build_request() -> None:
    assert not _fires("build-request-other-languages", NEWS_FR)
    assert not _fires("build-request-other-languages", "Wir bauen eine Brücke über den Fluss.")


def test_a_task_line_that_opens_with_the_build_verb() -> None:
    assert _fires("build-verb-object", "- Develop tools to help teams test their bridges")
    assert not _fires("build-verb-object", "Our studio creates tools for artists.")


# --- performance: targets, not timers
TIMERS = """## Timers

Servers MUST NOT return a record with a lifetime less than 60 seconds. A client should wait at
least 30 seconds before it asks again, and at least 5 seconds must have passed since its last
notice."""

CHALLENGE = """# The one-file challenge

Change the reference program to speed it up, in any way you like. Entries should run in 10
seconds or less on the test machine; create the fastest implementation you can."""

SCALE = """# Large meshes

This proposal adds a mode that lets a mesh scale to >1M pods without a full table on each node."""


def test_protocol_timers_are_no_performance_core() -> None:
    assert not _fires("modal-performance-target", "Servers MUST NOT keep a TTL less than 60 s.")
    assert not _fires("unit-bearing-target", "at least 30 seconds have passed since then")
    assert not _held(TIMERS, "performance_core")


def test_a_time_bound_still_counts_under_an_upper_bound() -> None:
    assert _fires("modal-performance-target", "The page shall load within 2 seconds.")
    assert _fires("unit-bearing-target", "respond within 200 ms")


def test_speed_made_the_point_of_a_challenge_is_a_performance_core() -> None:
    assert _fires("latency-target", "Entries should run in 10 seconds or less")
    assert _fires("performance-goal", "Change the reference program to speed it up")
    assert _held(CHALLENGE, "performance_core")


def test_a_scale_to_reach_is_a_capacity_target() -> None:
    assert _fires("capacity-target", SCALE)
    assert not _fires("capacity-target", "the company scaled to 500 employees")


# --- hardware: an acronym with a number is an identifier
def test_a_proposal_identifier_is_no_hardware_part() -> None:
    assert not _fires("hardware-parts", "the block limits proposed in SIMD-0256")
    assert _fires("hardware-parts", "vectorise the loop with SIMD intrinsics")
    assert _fires("hardware-parts", "an AXI4-Lite slave port")

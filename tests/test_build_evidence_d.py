"""Build evidence of round 9 (tune9): verdicts and dimensions. Each family of misses has a text
that must keep its reading and a counter-example that must lose it.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

from tests.evidence import dimension_held as _held
from tests.evidence import fires as _fires

# --- setup commands of something that already exists (READMEs, walk-throughs)


def test_clone_and_install_lines_mark_a_project_that_exists() -> None:
    assert _fires("setup-of-existing-project", "git clone https://example.org/team/widget.git")
    assert _fires("setup-of-existing-project", "$ pip install widget-tools")
    assert _fires("setup-of-existing-project", "    sudo apt-get install cmake")
    assert _fires("setup-of-existing-project", "npm install --save chart-helper")


def test_clone_and_install_in_running_prose_are_no_setup_commands() -> None:
    assert not _fires("setup-of-existing-project", "Members can clone a playlist from a friend.")
    assert not _fires("setup-of-existing-project", "You then run git clone to get the code.")
    assert not _fires("setup-of-existing-project", "go get a coffee first")


# --- electrical ratings are no performance targets

PIN_TABLE = """## Connector J4

| Pin | Function | Notes |
|-----|----------|-------|
| 1 | SDA | pulled up to 3 V through a resistor |
| 2 | SCL | pulled up to 3 V through a resistor |
| 3 | VBAT | at most 12 V from the battery |
| 4 | GND | |
"""


def test_a_pin_pulled_up_to_a_voltage_is_no_performance_target() -> None:
    assert not _fires("unit-bearing-target", "the data line is pulled up to 5 V")
    assert not _fires("unit-bearing-target", "draws at most 40 mA from the rail")
    assert not _held(PIN_TABLE, "performance_core")


def test_time_and_rate_bounds_stay_performance_targets() -> None:
    assert _fires("unit-bearing-target", "the page must load within 300 ms")
    assert _fires("unit-bearing-target", "serve at least 2,000 requests per second")


# --- CPU and memory limits set by a contest or a deployment brief

LIMITS_BRIEF = """# Ticket counter challenge

Build an HTTP service with two endpoints: POST /tickets books a seat and GET /tickets/{id}
returns the booking as JSON. The service runs in containers under CPU and memory limits: all
containers together may use one and a half CPUs and 600 MB. The load test then sends bursts of
bookings for three minutes and checks that no seat is sold twice."""

LIMITS_PT = "A API roda com limites de CPU e memória definidos no arquivo de implantação."


def test_cpu_and_memory_limits_are_a_performance_target() -> None:
    assert _fires("resource-limits", LIMITS_BRIEF)
    assert _fires("resource-limits", LIMITS_PT)
    assert _fires("resource-limits", "set deploy.resources.limits.memory for each service")
    assert _held(LIMITS_BRIEF, "performance_core")


def test_a_device_with_cpu_and_memory_names_no_limit() -> None:
    assert not _fires("resource-limits", "The board has a fast CPU and memory for two apps.")
    assert not _fires("resource-limits", "the limits of what the law allows")


# --- Spanish and Portuguese infinitives in running prose are no brief


def test_an_infinitive_opening_a_task_line_is_a_brief() -> None:
    assert _fires("brief-other-languages", "- Implementar uma API de pedidos")
    assert _fires("brief-other-languages", "## Construir el sitio de la biblioteca")
    assert _fires("brief-other-languages", "Crea una app que guarde las notas.")
    assert _fires("brief-other-languages", "Crie uma API que registre os votos.")


def test_an_infinitive_in_narration_is_no_brief() -> None:
    assert not _fires(
        "brief-other-languages",
        "En la edición pasada los equipos tuvieron que implementar una API.",
    )
    assert not _fires(
        "brief-other-languages", "Agora vamos começar a construir o jogo passo a passo."
    )
    assert not _fires(
        "brief-other-languages", "Gracias a quienes me ayudaron a diseñar y construir el sitio."
    )


# --- "your code can ..." explains; "your code must ..." asks


def test_your_program_must_is_a_brief_and_your_code_can_is_not() -> None:
    assert _fires("brief-your-program", "Your program must print the sum of each column.")
    assert not _fires(
        "brief-your-program", "Remember that your code can be interrupted at any time."
    )


# --- a job advertisement looks for a person, not for a thing to build


def test_looking_for_a_person_is_no_build_request() -> None:
    assert not _fires("build-request", "We are looking for a data engineer to join our team.")
    assert _fires("build-request", "We are looking for someone to build our booking page.")
    assert _fires("build-request", "We need a tool that renames photos by date.")


# --- "you are tasked to develop ..." addresses the builder


def test_tasked_to_develop_is_a_brief() -> None:
    assert _fires("brief-addressed-build", "You are tasked to develop a program that sorts mail.")
    assert not _fires("brief-addressed-build", "You are tasked to review the minutes.")


# --- step headings that carry an effort in hours or days are a set task


def test_step_headings_with_an_effort_are_a_brief() -> None:
    assert _fires("estimated-task-headings", "## Step 3: Throttle the uploads (~2-3 hours)")
    assert _fires("estimated-task-headings", "### Part C: export (1 day)")
    assert not _fires("estimated-task-headings", "## Step 3: Open the editor (10 minutes)")

"""Look-alikes, round 13: blank templates and revision notes that read as specs.

A feature-request or requirements form whose fields still hold the instructions for filling them
in asks for nothing yet; the defect-and-fix notes of a board revision describe hardware that
exists. Every text is made up for these tests. A filled-in request, a spec with a table of
contents of links, and a spec that mentions missing or wrong input must keep their reading.
"""

from __future__ import annotations

from tests.evidence import fires, signal_points
from triage import assess_text

BLANK_FEATURE_FORM = """# Feature request form

Use this form when you want a new feature in the mobile app.

## Basic information

**Feature title**: [Describe the feature in one short line]

**Kind of request**:
- [ ] New feature
- [ ] Change to an existing feature
- [ ] Integration with another service

**Target version**: [e.g. 3.1.0]

## Details

### Problem to solve
[Explain which problem of the users this feature would solve]

### Proposed solution
[Describe how the feature would work from the user's point of view]

### Use cases
1. **Main case**: [The flow most users will follow]
2. **Second case**: [Another flow that matters]

### Screens
[Attach sketches or describe the screens that change]

### Dependencies
[Libraries, services or APIs the feature would need]

## Checklist before sending
- [ ] The title is clear
- [ ] The problem is stated
- [ ] The use cases are listed
"""

BLANK_FORM_ES = """# Plantilla de solicitud

**Nombre de la función**: [Nombre claro y corto]

### Problema
[Describe qué necesidad resolvería esta función]

### Solución
[Explica cómo funcionaría]

### Pasos
1. [Primer paso del usuario]
2. [Segundo paso del usuario]
"""

FILLED_REQUEST = """# Export invoices as CSV

## Problem
Accountants copy invoice totals by hand into their spreadsheets every month.

## Proposed solution
Add an Export button to the invoice list. It downloads a CSV file with one row per invoice:
number, date, customer, net amount, tax and total. The export respects the filters on screen.

## Acceptance criteria
- [ ] The CSV opens in common spreadsheet programs without an import dialog
- [ ] Dates use ISO 8601
- [ ] An empty list gives a file with the header row only

See [the invoice API](https://example.org/api) for the field names.
"""

SPEC_WITH_CONTENTS = """# Booking service requirements

1. [Overview of the users](#users)
2. [Overview of the user stories](#stories)
3. [Data kept per booking](#data)

The service shall let a guest book a room for given dates and shall reject a booking that
overlaps another. Missing dates must be reported to the guest before the booking is stored.
"""

BOARD_REVISIONS = """# Rev B

- Incorrect footprint for the buck converter inductor
    - Solved by replacing it with a larger part
- Swapped TX and RX on the debug header
- Unconnected enable pin on the LDO
    - Worked around by bridging it to the 3V3 rail

# Rev A

- Missing pull-up on the reset line
- Wrong polarity marking on the battery connector
"""

SENSOR_SPEC = """# Sensor board

- The board must report a missing sensor on the status LED within one second.
- Show an error on the display when the calibration value is wrong.
- The ADC samples every channel at 1 kHz.
"""


def test_placeholder_fires_on_blank_forms() -> None:
    assert fires("fill-in-placeholder", BLANK_FEATURE_FORM)
    assert fires("fill-in-placeholder", BLANK_FORM_ES)
    assert fires("fill-in-placeholder", "  - 파라미터1: [설명]\n  - [단계1]\n")


def test_placeholder_quiet_on_filled_request_and_links() -> None:
    assert not fires("fill-in-placeholder", FILLED_REQUEST)
    assert signal_points(FILLED_REQUEST, "other") == 0.0
    report = assess_text(SPEC_WITH_CONTENTS, markdown=True)
    assert report.scores is not None
    assert report.scores.signals.get("other", 0.0) == 0.0


def test_blank_form_is_no_spec() -> None:
    report = assess_text(BLANK_FEATURE_FORM, markdown=True)
    assert report.genre_id == "other", report.summary
    assert report.verdict != "buildable", report.summary


def test_placeholders_add_up_to_a_cap() -> None:
    assert signal_points(BLANK_FEATURE_FORM, "other") >= 6.0
    many = "\n".join(f"Field {n}: [Describe item {n}]" for n in range(20))
    assert signal_points(many, "other") <= 8.0


def test_revision_notes_read_as_existing_hardware() -> None:
    assert fires("revision-errata", BOARD_REVISIONS)
    assert signal_points(BOARD_REVISIONS, "other") >= 6.0


def test_spec_mentioning_faults_stays_quiet() -> None:
    assert not fires("revision-errata", SENSOR_SPEC)
    assert not fires("revision-errata", SPEC_WITH_CONTENTS)


CORE_RELEASE_NOTES = """Changelog
=========

V1.3.0
------

This is release 1.3.0 of the Tiny RISC-V core and its SoC.

- Add a second SPI controller to the SoC
- Add support for a new FPGA board

Here are the new features of this release.
"""


def test_release_prose_reads_as_shipped() -> None:
    assert fires("release-note-prose", CORE_RELEASE_NOTES)
    assert not fires("release-note-prose", "This is version 4.0 of the specification.\n")
    assert signal_points(CORE_RELEASE_NOTES, "other") >= 4.0

"""Telling the build genres apart (round 8): for each family of genre misses, a fixture read as
the genre the corpus conventions give it, and where a cue could mislead, a counter-example.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

import pytest
import re2

from triage import assess_text, default_ruleset


def _fires(rule_id: str, text: str) -> bool:
    return re2.search(default_ruleset().rule(rule_id).pattern(), text) is not None


def _genre(text: str) -> str:
    return assess_text(text, markdown=True).genre_id


# --- a task exported from a tracker is one requested change, not a requirements spec
TRACKER_TASK = """---
id: SHOP-88
title: Let buyers save a cart for later
status: To Do
assignee: []
created_date: '2025-02-11 10:04'
updated_date: '2025-02-12 08:30'
labels: []
---

## Description

Buyers lose their cart when the session ends. Keep a saved cart per account so that it comes back
after the next sign-in.

## Acceptance Criteria

- [ ] #1 A signed-in buyer can save the current cart
- [ ] #2 The saved cart is restored after signing in again
- [ ] #3 Saving an empty cart shows a short notice
"""

ISSUE_WITH_FIELDS = """# Issue #41: Export the weekly summary as CSV

**Label:** `enhancement`
**Milestone:** v2.3
**Estimated Effort:** two hours

## Problem

The weekly summary can only be read on screen; managers copy it by hand into spreadsheets.

## Proposed Solution

Add an export button that writes the summary table as a CSV file.

- The export holds one row per team and one column per metric
- Users can pick the week to export
- The file name carries the week number

## Acceptance Criteria

- [ ] The CSV opens in common spreadsheet tools
- [ ] Empty weeks export a header row only
"""


@pytest.mark.parametrize("text", [TRACKER_TASK, ISSUE_WITH_FIELDS])
def test_a_tracker_task_or_issue_is_a_feature_request(text: str) -> None:
    assert _genre(text) == "feature-request"


def test_tracker_keys_are_not_advisory_ids() -> None:
    assert _fires("issue-tracker-key", "id: SHOP-88")
    assert not _fires("issue-tracker-key", "id: GHSA-2023-1234")


# --- a set task for a builder is a requirements spec, not a design card or a paper
CHALLENGE = """# Parking Garage - Coding Challenge

This exercise tests your ability to model a small domain and expose it over HTTP.

### Problem Definition

Implement a service that tracks the free places of a parking garage.

- Show the number of free places per floor
- Let a car enter when a place is free, and refuse it otherwise
- Record the time each car leaves

### Submission

Push your solution to a private repository and send us its link. Include a short note on how to
run it and what you would do with more time.
"""

WEEKLY_TASK = """# Week 4 challenge

Write a function that takes a list of words and returns them grouped by their first letter, each
group sorted.

Examples:

```
group(["pear", "plum", "fig"]) // returns {"f": ["fig"], "p": ["pear", "plum"]}
```

## How to submit

Post a link to your solution in the channel before Sunday evening.

## Results

| Place | Name | Points |
|-------|------|--------|
| 1. | Ana | 20 |
"""

SHALL_SPEC = """# Requirements

- The booking system shall let a clerk reserve a room for one or more nights.
- The booking system shall refuse a reservation that overlaps an existing one.
- The booking system shall send a confirmation e-mail within one minute of a reservation.
- The booking system shall keep cancelled reservations for one year.
- Reports shall be exported as CSV.
"""


@pytest.mark.parametrize("text", [CHALLENGE, WEEKLY_TASK, SHALL_SPEC])
def test_a_set_task_or_shall_list_is_a_requirements_spec(text: str) -> None:
    assert _genre(text) == "requirements-spec"


BLOG_ABOUT_A_CHALLENGE = """# The challenge of moving house with three cats

Last spring we moved across the city. I thought the hardest part would be the boxes, but the
cats had other plans. The first one hid in the washing machine, the second refused to leave the
garden, and the third simply slept through everything.

Looking back, I would plan the day differently: fewer helpers, more quiet rooms, and a very
early start before the street filled up with vans.
"""


def test_a_post_about_a_personal_challenge_is_not_a_set_task() -> None:
    assert not _fires("set-task-title", BLOG_ABOUT_A_CHALLENGE)
    assert assess_text(BLOG_ABOUT_A_CHALLENGE, markdown=True).verdict == "not-a-spec"


def test_the_challenge_section_of_a_front_end_card_is_no_set_task_title() -> None:
    assert not _fires("set-task-title", "## The challenge\n\nBuild this page.")


# --- a list of ideas to pick from is a pitch, not a design card
IDEA_LIST = """# Project Ideas

1. A tool for a neighbourhood to lend garden tools to each other. You could create a map of who
   holds which tool and a way to ask for it.
   * Tool map
   * Lending requests
2. A dashboard that shows the water level of local rivers. You could build a page that refreshes
   every hour and warns when a level rises fast.
3. A recipe planner that builds a shopping list for the week. Users can add recipes, pick days
   and print the list.
4. A small game that teaches the names of birds from their songs.
"""


def test_a_list_of_project_ideas_is_a_pitch_that_needs_clarification() -> None:
    report = assess_text(IDEA_LIST, markdown=True)
    assert report.genre_id == "product-pitch", report.summary
    assert report.verdict == "needs-clarification", report.summary


# --- an architecture decision record is a design proposal
DECISION_RECORD = """# 4. Store uploaded files in object storage

Date: 2024-05-02

## Status

Accepted

## Context

Uploaded files are written to the local disk of each web server, so a file uploaded through one
server cannot be read through another, and disks fill up without warning.

## Decision

The service will write uploads to an object storage bucket and keep only their keys in the
database.

## Consequences

Web servers keep no state of their own and can be replaced at any time. Reading a file costs one
more network call.
"""


def test_a_decision_record_is_a_design_proposal() -> None:
    assert _genre(DECISION_RECORD) == "design-proposal"


def test_the_decisions_of_minutes_are_no_decision_record_section() -> None:
    assert not _fires("decision-record-sections", "## Decisions\n\n- Ship on Friday.")


# --- a protocol named as such, with conformance language, is a protocol spec
PROTOCOL = """:Title: The Relay Sync Protocol Specification
:Status: Final

Relays exchange messages over a single TCP connection. Every message is encoded as a 4-byte
length followed by a payload of that length.

The handshake is the first message in each direction. Conforming implementations must close the
connection when the handshake is not the first message received. Implementations should ignore
message types they do not know.

Integers are encoded in big-endian byte order. Strings are encoded as a length followed by
UTF-8 bytes.
"""


def test_a_protocol_with_conformance_language_is_a_protocol_spec() -> None:
    assert _genre(PROTOCOL) == "protocol-or-format-spec"


# --- a hardware block described by what it does is a hardware spec
HW_CORE = """# pulse_count

A core that counts pulses on one input pin and exposes the count to software.

## Introduction

This core implements a pulse counter. The core detects a rising edge on the input and
increments a 16-bit counter. Software reads the counter from the status register and clears it
by writing 1 to the clear bit of the control register.

## Registers

```
    ADDR_COUNT: 0x04
    ADDR_CTRL:  0x08
```
"""


def test_a_hardware_core_described_by_what_it_does_is_a_hardware_spec() -> None:
    assert _genre(HW_CORE) == "hardware-spec"

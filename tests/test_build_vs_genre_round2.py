"""Build documents against the genre cues that took them, round 2.

Each family pairs a document that intends a build and must keep it, with a document of the genre
whose cue fired on it, which must keep its genre. All texts are written for these tests:

- release notes: a peripheral spec with an included changelog, a deprecation notice and a passing
  'bug fixes' stays a hardware spec; a changelog with dated version headings and Added/Fixed
  sections stays a non-spec;
- news datelines: a module spec opening with 'NOTE - ...' is no news story; a wire story is;
- prices: a course brief with a price list and a query with '$1' placeholders is no review; a
  review of something bought is;
- postmortem and tutorial words: a change request that names the root cause of a bug and the
  library 'we'll use' is no blog post or tutorial; an incident write-up and a tutorial are;
- 'you should see': a course project brief saying what the finished program shows stays a brief;
- vision and roadmap: a product vision is a pitch (a build not yet specified), not news or opinion.
"""

from __future__ import annotations

import pytest

from triage import assess_text, default_ruleset

# The genres the policy says intend a build, but a research paper: a spec read as one lost its kind.
BUILD_GENRES = {
    genre
    for genre, rule in default_ruleset().policy.genres.items()
    if rule.intent == "build" and genre != "research-paper"
}

TIMER_SPEC = """= Tick Timer Peripheral Specification
:description: Tick timer block for a small microcontroller

// history of this document
include::history.adoc[]

== Deprecation Notice

The one-shot mode of revision 1 is no longer supported; bug fixes for it ended with revision 2.

== Overview

The tick timer is a 32-bit down-counter clocked from the peripheral clock. It raises an
interrupt signal to the core when the count reaches zero and reloads itself from the `reload`
register.

== Registers

The `ctrl` register holds the enable bit (bit 0) and the interrupt enable bit (bit 1).
The `reload` register is 32 bits wide and must be written before the enable bit is set.
The `count` register is read-only and returns the current value of the counter.
The `status` register holds the pending bit; software clears it by writing 1.

== Signals

|===
| Signal | Direction | Description
| clk_i | input | peripheral clock
| rst_ni | input | active-low reset
| irq_o | output | interrupt request, high while the pending bit is set
|===

The interrupt output must stay high until software clears the pending bit. The counter must not
decrement while the enable bit is clear. A write to `reload` while the counter runs takes effect
at the next reload.
"""

CHANGELOG = """# Changelog

All notable changes to this library are listed here.

## [2.4.0] - 2025-02-11

### Added
- A `--quiet` flag for the command line.
- Support for reading gzip input.

### Fixed
- The parser no longer drops the last line of a file without a newline.

## [2.3.1] - 2024-12-02

### Fixed
- A crash when the config file was empty.

### Changed
- The default timeout is now 30 seconds.
"""

CACHE_SPEC = """Prefetch Buffer
===============

NOTE - This module is still a draft and its interface may change.

The prefetch buffer sits between the core's fetch stage and the instruction memory. It holds up
to three 32-bit words fetched ahead of the program counter.

Interface
---------

The core requests an instruction by raising ``req_i`` and supplying the address on ``addr_i``.
The buffer answers with ``valid_o`` and the word on ``rdata_o``. When the core branches it raises
``branch_i`` and the buffer must discard every word it holds and start fetching from the new
address on the next cycle.

The memory side uses a req/gnt handshake: ``instr_req_o`` stays high until ``instr_gnt_i`` is
seen. Responses arrive in order on ``instr_rvalid_i``.

Behaviour
---------

The buffer must never return a word fetched before the last branch. When it is full it must
stop issuing requests. On reset all entries are invalid and ``valid_o`` is low.
"""

WIRE_STORY = """BERLIN (dpa) - The city council voted on Tuesday to close two bridges over the
river for repairs, officials said.

"The bridges are older than anyone in this room," the mayor told reporters after the vote. The
closures will begin in March and last about a year, according to a statement from the council.

Opposition members said the plan came too late. A spokesperson for the transport authority
said buses would be rerouted while the work goes on.
"""

MENU_BRIEF = """# Snack Bar Till

The snack bar sells six items, each with a number:

1. Veggie Wrap - $4.25
2. Fries - $2.10
3. Lemonade - $1.75
4. Toastie - $3.40
5. Soup - $3.95
6. Muffin - $2.20

Write a program for the till. The user types a string of item numbers, for example 3516,
and the program should print the total, 11.85 for that order. The program should reject any
digit that is not on the menu, and it should loop so the user can ring up several orders.

Orders are stored in a SQLite table `orders(id, items, total)`; insert each one with a
parameterised query such as `INSERT INTO orders (items, total) VALUES ($1, $2)`.
"""

REVIEW = """# Three months with the Orbit 2 headphones

I bought the Orbit 2 for $349 after my old pair broke, and I've been using them every day since.

The build quality is good and they fold flat into the case. The sound is warm, perhaps too warm
for classical music, but for podcasts it is lovely. The noise cancelling is the best I have tried
at this price.

The downside is the app, which logs me out every week. At $349 they are not cheap, and the
older model is on sale for much less.

Final verdict: worth the money if you travel a lot. I'd recommend them, 8 out of 10.
"""

CHANGE_REQUEST = """## Problem

Templates in log messages are not rendered: a message written as `{{ name }}` is printed as is.

After reading the code, I found the root cause: `LogStep::run` calls the plain string
substitution instead of the template engine.

## Proposed Solution

We'll use the template engine that the prompt step already uses.

1. Change `LogStep::run` to render the message through the template engine.
2. Turn the workflow variables into template variables before rendering.
3. Keep the old `${var}` substitution as a fallback for existing workflows.

## Acceptance

- A message with `{{ name }}` prints the value of `name`.
- Existing workflows that use `${name}` print the same output as before.
"""

POSTMORTEM = """# What went wrong on Thursday

On Thursday our checkout service was down for 47 minutes. We apologize to everyone who could not
place an order.

## Timeline of events

At 14:02 a config change shipped to every region at once. At 14:05 the first alerts fired. At
14:31 we rolled the change back, and by 14:49 traffic was normal again.

## Root cause analysis

The change lowered a connection limit that we thought was unused. It was not.

## Lessons learned

We now ship config changes to one region first, and we have added an alert on the connection
pool.
"""

COURSE_BRIEF = """# Project: Counter App

## Introduction

You have learned how state works. Now it is time to build a small app with it.

## Requirements

1. Create a `components` folder in `src` with two files, `Counter.jsx` and `Button.jsx`.
2. The `Counter` component should keep the count in state, starting at 0.
3. The `Button` component should take a `label` prop (a string) and an `onClick` prop.
4. Render three buttons: increment, decrement and reset. The count must never go below 0.
5. The count should be shown in a heading above the buttons.

When you have met the requirements, run the app and you should see the count change as you
click the buttons.
"""

TUTORIAL = """# Your first web server in Go

In this tutorial we build a tiny web server. By the end of this guide you will have a server
that answers on port 8080.

First, open a terminal and create a folder for the project:

    $ mkdir hello && cd hello
    $ go mod init hello

Now we'll create a file called main.go and paste the following code into it. Let's look at
what each line does.

Run it with `go run .` and open your browser: you should see the greeting. Next, we add a
second route. Try it yourself before reading on!
"""

VISION = """# Trailmate - Product Vision

## Thesis

Hikers plan routes in one app, check the weather in another and share their position in a third.
Trailmate puts all of it on the wrist.

## Why now

Watches now carry offline maps and a week of battery, and satellite messaging has become cheap.

## What we believe

People will trust a route planner that admits what it does not know. Safety beats speed.

## The horizon

First the route planner, then group tracking, then a marketplace for local guides. None of this
is dated yet.
"""


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (TIMER_SPEC, "hardware-spec"),
        (CACHE_SPEC, "hardware-spec"),
        (MENU_BRIEF, None),
        (CHANGE_REQUEST, None),
        (COURSE_BRIEF, None),
    ],
    ids=[
        "spec-with-changelog",
        "spec-with-note",
        "brief-with-prices",
        "change-request",
        "course-brief",
    ],
)
def test_a_build_document_keeps_its_build_genre(text: str, genre: str | None) -> None:
    seed = assess_text(text)
    assert seed.verdict != "not-a-spec", seed.summary
    assert seed.genre_id in BUILD_GENRES, seed.summary
    if genre is not None:
        assert seed.genre_id == genre, seed.summary


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (CHANGELOG, "other"),
        (WIRE_STORY, "news-report"),
        (REVIEW, "product-review"),
        (POSTMORTEM, "blog-post"),
        (TUTORIAL, "tutorial"),
    ],
    ids=["changelog", "wire-story", "review", "postmortem", "tutorial"],
)
def test_the_genre_whose_cue_it_was_keeps_its_documents(text: str, genre: str) -> None:
    seed = assess_text(text)
    assert seed.genre_id == genre, seed.summary
    assert seed.verdict == "not-a-spec", seed.summary


def test_a_product_vision_is_a_pitch_not_news_or_opinion() -> None:
    seed = assess_text(VISION)
    assert seed.genre_id == "product-pitch", seed.summary
    assert seed.verdict == "needs-clarification", seed.summary


@pytest.mark.parametrize(
    ("text", "quiet", "fires"),
    [
        (TIMER_SPEC, "release-notes", None),
        (CHANGELOG, None, "release-notes"),
        (CACHE_SPEC, "news-dateline", None),
        (WIRE_STORY, None, "news-dateline"),
        (MENU_BRIEF, "price-talk", None),
        (REVIEW, None, "price-talk"),
        (CHANGE_REQUEST, "postmortem", None),
        (POSTMORTEM, None, "postmortem"),
        (CHANGE_REQUEST, "tutorial-steps", None),
        (COURSE_BRIEF, "tutorial-steps", None),
        (TUTORIAL, None, "tutorial-steps"),
        (CHANGE_REQUEST, "narration", None),
        (VISION, None, "vision-roadmap"),
    ],
)
def test_the_narrowed_cue_reads_the_genre_not_the_passing_word(
    text: str, quiet: str | None, fires: str | None
) -> None:
    scores = assess_text(text).scores
    assert scores is not None
    rules = {part.rule for part in scores.contributions if part.count}
    if quiet is not None:
        assert quiet not in rules
    if fires is not None:
        assert fires in rules

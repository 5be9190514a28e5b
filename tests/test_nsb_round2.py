"""Non-specs called buildable, round 2: pages shaped like a brief or a spec that ask for nothing.

Each non-spec below carries the cues that used to make such pages buildable (the logistics of a
course, a change-log table, a cheat sheet of commands, the README of a finished app); each is paired
with a real brief or spec of the same shape that must stay buildable. All texts are written for
these tests.
"""

from __future__ import annotations

import pytest

from triage import RuleSet, default_ruleset
from triage.inputs import make_document
from triage.judge import Judge, Judgment
from triage.scan import compile_scanner

COURSE_PAGE = """\
# Week 0: getting set up

## Goals

In this first week you will learn the workflow we use in this course: getting the week's files,
saving your work with git, and handing it in. Follow along step by step; it takes about an hour.

### 1. Get the files

Open a terminal and change to your course folder. Then type the following command to fetch the
week's files:

$ git pull upstream main

You will now see a new folder named `week0` in your repository.

### 2. Look around

- open the folder in your editor
- read the README in the folder
- commit a small change

Take a few minutes to learn your editor's shortcuts. Keep the workflow guide open in another
window while you go, and read the next section before you continue.

### 3. Hand in

Tag your last commit and push the tag to submit your work. Your submission holds no code this week:
if the tag is there, you are done. Grading is pass or fail; the due date is on the schedule page.

### Questions

Ask on the forum, or come to office hours on Tuesday afternoon. Late days are described in the
course policy.
"""
LAB_BRIEF = """\
# Lab 3: a tiny shell

In this lab you will build a small command shell. Your program should read a line from standard
input, split it into words, and run the named command with its arguments.

## Requirements

- Your shell must print a prompt `tsh> ` before reading each line.
- Your shell must support the built-in commands `cd`, `exit` and `jobs`.
- A line ending in `&` runs the command in the background; your program must not wait for it.
- Pressing Ctrl-C stops the foreground command, not the shell.

## Starter code

The starter code holds a parser and a makefile. Run `make test` to check your work.

## Submission

Push your code and tag it `lab3-submit` before the due date. Grading: 70 points for the tests,
30 points for code quality.
"""
CHANGE_LOG = """\
# Version history

Every change to the core is listed below, newest first. Date format is day.month.year.

| Date | Version | Comment | Ticket |
|:----:|:-------:|:--------|:------:|
| 12.09.2025 | 2.7.3 | CPU: fix a stall when the bus times out | [#410] |
| 10.09.2025 | 2.7.2 | cache: shorter critical path on small FPGAs | [#409] |
| 02.09.2025 | 2.7.1 | UART: add a receive FIFO level register | [#405] |
| 28.08.2025 | 2.7.0 | new release | |
| 25.08.2025 | 2.6.9 | remove an unused top port of the SPI block | [#401] |
| 20.08.2025 | 2.6.8 | timer: interrupt flag must be cleared by writing one | [#399] |
| 15.08.2025 | 2.6.7 | GPIO: sixteen more input pins | [#396] |
| 11.08.2025 | 2.6.6 | DMA: register map clean-up | [#394] |
| 04.08.2025 | 2.6.5 | CPU: faster multiplier on DSP blocks | [#390] |
| 30.07.2025 | 2.6.4 | I2C: fix clock stretching on the SCL line | [#388] |
| 22.07.2025 | 2.6.3 | minor RTL edits | [#385] |
"""
CHEAT_SHEET = """\
# imgtool

> Convert and resize pictures from the command line.

- Convert a PNG picture to JPEG:

`imgtool convert photo.png photo.jpg`

- Resize a picture to 800 pixels wide, keeping its shape:

`imgtool resize --width 800 photo.jpg small.jpg`

- Strip all metadata from a picture:

`imgtool strip photo.jpg`

- Make a contact sheet of every picture in a folder:

`imgtool sheet path/to/folder sheet.png`

- Rotate a picture by 90 degrees. The angle MUST be a multiple of 90:

`imgtool rotate 90 photo.jpg turned.jpg`

- Show the size and colour depth of a picture:

`imgtool info photo.jpg`
"""
CLI_SPEC = """\
# imgtool - requirements

imgtool is a command line program that converts and resizes pictures.

## Functional requirements

- The tool shall convert between PNG, JPEG and WebP: `imgtool convert IN OUT`.
- The tool shall resize a picture to a given width, keeping its aspect ratio:
  `imgtool resize --width N IN OUT`.
- The tool shall exit with status 2 and print a message on standard error when the input file
  is missing.
- The tool must never overwrite an existing output file unless `--force` is given.

## Acceptance criteria

- Converting a 4000x3000 JPEG to PNG produces a PNG of the same size.
- Running `imgtool resize --width 800` on that file produces a picture 800 pixels wide.
"""
PROJECT_README = """\
# Snapshots - a photo diary (practice project)

A small photo diary I made to practise React. It runs in the browser and keeps nothing on a server.

## Features

- Add a photo with the plus button at the top
- Photos disappear after a day
- Swipe between photos

## How it works

- Click the plus button to pick a picture.
- The picture is shrunk and saved in the browser's localStorage with the time it was added.
- When you open the page, old pictures are removed.

## Project structure

- `src/` - the source
- `src/components/` - the React components
- `src/utils/` - helpers for pictures and dates

## Credits & licence

Icons from an open icon set. MIT licence.
"""
APP_CARD = """\
# Photo diary

Build a web app that keeps a photo diary in the browser.

## Features

- Users can add a photo with a plus button at the top of the page.
- Users can swipe between photos, newest first.
- Photos are removed a day after they were added.

## Data

Store each photo in localStorage with the time it was added; shrink pictures wider than 1080 pixels
before saving them.

## Bonus

- Users can add a caption to each photo.
"""
SOFTWARE_RFP = """\
# Request for proposals: a fallback resolver for the name service

We invite proposals from contractors to implement a fallback resolver for our name service
client library. The grant covers one developer for three months; payment follows the milestones.

## Scope of work

- Add a resolver interface to the client API, with a `resolve(name)` function and a `--fallback`
  command-line flag on the `nsq` tool.
- The resolver queries the primary server over the REST API first and falls back to the DNS
  protocol when the API does not answer within two seconds.
- Results are returned in the existing JSON response format.

## Acceptance criteria

- The new `resolve` call passes the existing integration tests and the new fallback tests.
- The `--fallback` flag is documented in the command reference.

## Deliverables

Source code under the project licence, tests and documentation, submitted as pull requests.

## Evaluation criteria

Proposals are judged on experience with the protocol, the plan and the price.
"""
CATERING_RFP = """\
# Request for proposals: catering for the annual members' conference

The association invites offers from caterers for its annual conference, held over two days in
the spring. About 400 guests are expected each day.

## Scope of work

- Morning coffee, lunch and afternoon snacks for both days, with vegetarian and vegan choices.
- A reception with drinks on the first evening.
- Staff to serve and clear the tables.

## Acceptance criteria

- Food is served at the times in the programme, within fifteen minutes.
- Allergens are labelled on every dish.

## Deliverables

A menu proposal, a price per guest and references from two similar events.

## Evaluation criteria

Offers are judged on price, quality of the menu and references. The contract is awarded to the
offeror with the best overall value. Offers are due by the end of next month.
"""


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


def judged(ruleset: RuleSet, text: str) -> Judgment:
    doc = make_document(text, "seed.md")
    return Judge(ruleset).judge(doc, compile_scanner(ruleset.rules, "re2").scan(doc.text))


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (CHANGE_LOG, "other"),
        (CHEAT_SHEET, "other"),
        (PROJECT_README, "other"),
    ],
    ids=["change-log-table", "command-cheat-sheet", "project-readme"],
)
def test_a_page_that_asks_for_nothing_is_not_a_spec(
    ruleset: RuleSet, text: str, genre: str
) -> None:
    decision = judged(ruleset, text).decision
    assert (decision.genre, decision.verdict) == (genre, "not-a-spec")


def test_a_course_page_is_a_tutorial_to_the_rules_and_never_buildable(ruleset: RuleSet) -> None:
    update = {"fitted_genre": None, "fitted_verdict": None}
    policy = ruleset.policy.model_copy(update=update)
    alone = ruleset.model_copy(update={"policy": policy, "fingerprint": "rules-alone"})
    decision = judged(alone, COURSE_PAGE).decision
    assert (decision.genre, decision.verdict) == ("tutorial", "not-a-spec")
    # Known miss of the shipped decider (round 10): the fitted spec model reads the hand-in
    # logistics as a build (p about 0.88, over fitted_verdict.spec_above) and asks instead;
    # raising that bound cost more specs called not-a-spec in cross-validation (policy.yaml).
    assert judged(ruleset, COURSE_PAGE).decision.verdict != "buildable"


@pytest.mark.parametrize(
    "text",
    [LAB_BRIEF, CLI_SPEC, APP_CARD, SOFTWARE_RFP],
    ids=["lab-brief", "cli-spec", "app-card", "software-rfp"],
)
def test_a_brief_or_spec_of_the_same_shape_stays_buildable(ruleset: RuleSet, text: str) -> None:
    assert judged(ruleset, text).decision.verdict == "buildable"


def test_an_rfp_for_services_with_acceptance_criteria_still_needs_clarification(
    ruleset: RuleSet,
) -> None:
    decision = judged(ruleset, CATERING_RFP).decision
    assert (decision.genre, decision.verdict) == ("rfp-or-sow", "needs-clarification")


def test_task_logistics_count_half_towards_a_requirements_spec(ruleset: RuleSet) -> None:
    cues = ruleset.policy.genres["requirements-spec"].cues
    assert cues["logistics"] == 0.5 and cues["brief"] == 1.0

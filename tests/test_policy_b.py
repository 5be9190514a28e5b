"""The policy's steps tuned in round 7 on train-B: a build genre needs one point of its own
reading; a software spec without interface terms is buildable from a format (protocol cues with
their data) or from behaviour stated in depth with its data or a request to build it; a pitch
that states acceptance criteria goes on to those rules. Texts written here.
"""

from __future__ import annotations

import pytest

from triage import RuleSet, assess_text, default_ruleset
from triage.judge import Decision, Features, PolicyDecider

# Lecture notes answering students' questions: tools, commands and data formats are named
# throughout, and one line mentions a due date (a brief's logistics) in a long text. Before the
# genres that can be buildable needed one point, that lone cue made it a buildable requirements
# spec.
COURSE_QUESTIONS = """\
# Questions from the last session

These notes collect the questions students asked after the final lecture of the term, with the
answers the teaching staff gave in the room. They are lightly edited for reading.

## Which text editor is worth the time?

Any editor that you open every day is worth learning well. The staff use three different ones.
What matters more than the choice is the habit: learn to move by words and lines instead of by
single characters, learn to search inside a file, and learn to jump to a line by its number. Most
editors keep their settings in a plain file in the home folder, such as `~/.vimrc` or a JSON
settings file, so the settings can travel with you from one machine to the next.

## How do people keep their configuration files in order?

A common way is a folder under version control that holds every configuration file, and a small
script that links each file into the place where the program looks for it. The script runs once
on a new machine. Some people keep one branch per machine; others keep a single branch and let the
script pick the right lines by host name. The staff showed a folder with about twenty files in it,
from the shell's login file to the settings of the terminal.

## What is the real difference between a process and a thread?

A process has its own address space: its own memory, its own open files and its own view of the
environment. A thread lives inside a process and shares that memory with the other threads of the
same process. Starting a process costs more than starting a thread, and two processes can only
talk through the operating system, for example through a pipe, a socket or a shared file. Two
threads can talk by writing to the same variable, which is fast and also the source of most
concurrency bugs seen in practice.

## Why did the lecture spend so long on the shell?

Because the shell is the one tool that ties the others together. A small pipeline such as
`grep -c error log.txt` or `sort names.txt | uniq -c` replaces a page of code in many languages.
The lecture on the shell was also the one where the largest number of students asked for more
examples, so the staff added two more sessions on it this year.

## How should logs be read when a program misbehaves?

Start from the end of the log and walk backwards to the first message that looks wrong. Most
programs write one line per event, with a time stamp, a level and a message. Filtering by level
removes most of the noise. When the log is large, reading it with a pager and searching for the
name of the failing component is quicker than scrolling. The staff also mentioned that a log line
with a request identifier lets you follow one request across several services.

## Is it worth learning a second programming language now?

The staff answered that the second language teaches more than the first, because it shows which
ideas belong to programming in general and which belong to one language. A language with a
different model of memory or of types is the most instructive choice. The course itself does not
require one.

## What happens to the course material after the term?

The lecture notes and the recordings stay online. The exercises stay as they are, and the
solutions are not published. The last exercise sheet has a due date at the end of next week, and
questions about it go to the forum as usual.

## How do backups work on the machines in the lab?

The lab machines copy the home folders to a storage server every night. The copy keeps the last
fourteen days, and each copy only stores the files that changed since the copy before it, so the
storage server needs far less room than fourteen full copies. Restoring a file means asking the
lab staff, who can fetch any version from those fourteen days.

## How do I find out what a program is doing right now?

On most systems a process list shows every running program with its identifier, its owner and the
share of processor time it uses. A tracing tool shows each call a program makes to the operating
system, one per line, which is often the fastest way to see which file a program fails to open.
For a program written in a language with a debugger, attaching the debugger to the running
process shows where each thread is at that moment.

## Why do some commands need administrator access?

Commands that change the system for every user, such as installing a package into a shared
folder, changing the network settings or reading another user's files, need that access. The
staff advised running such commands one at a time and reading them twice before pressing enter,
since a mistake there can affect the whole machine and every person who uses it.

## What is a good way to take notes during lectures like these?

Several students found that writing down the commands they tried, together with what each one
printed, helped more than copying the slides. The staff agreed and added that a notes file kept
in the same folder as the exercises is easy to search later with the tools from the course.

## Where do the example files for the lectures come from?

Most of them were written by the staff for the course. A few are public data files, such as a
list of city names and their populations, chosen because they are large enough to make the tools
worth using and small enough to open in an editor.

## What should a student do first when a machine feels slow?

Look at which process uses the processor and which uses the memory, in that order. A program
stuck in a loop shows up at the top of the list at once. When memory is short, the system starts
to move pages to disk, and every program slows down together; closing the largest program is
usually enough to recover. Disk space is the third thing to check, because a full disk makes many
programs fail in confusing ways.

## Will there be a course like this next year?

The staff plan to run it again in the same month, with one more session on version control and
one fewer on editors, since the questions this year leaned that way.

## How do the tools in the course talk to web services?

Most web services answer requests sent over HTTP and reply with JSON. A command such as
`curl -s https://example.org/items` prints the reply, and a JSON tool such as `jq '.items[0]'`
picks one field out of it. The staff showed how a service describes its REST API in a short
document that lists each endpoint, the query parameters it takes and the fields of the JSON
object it returns, and how reading that document first saves a lot of guessing.

## What is the point of learning a little SQL?

Plenty of data ends up in a database, and a few queries go a long way. A query such as
`SELECT name, count(*) FROM visits GROUP BY name` answers in one line a question that would
take a loop and a dictionary in most languages. The staff pointed out that a CSV file can be
loaded into a small local database in seconds, after which the same queries work on it.

## Why were regular expressions taught so early?

They show up everywhere: in the editor, in `grep`, in `sed` and in most programming languages.
Learning to read them early pays off in every later lecture. The staff recommended testing a
pattern on a handful of sample lines before running it over a large file, and keeping patterns
short enough to read at a glance.

## What does a build tool add over a shell script?

A build tool knows which outputs depend on which inputs, so it only redoes the steps whose inputs
changed. A shell script usually redoes everything. For a small project the difference is small;
for a project with hundreds of files it is the difference between a second and several minutes.
The example in the lecture used `make` with a rule per output file and a `clean` target.

## Are there good habits for naming files?

Names without spaces are easier to handle on the command line, and names that start with a date
written year first sort in time order without any extra work. The staff also suggested keeping
one folder per project, with a short text file at the top that says what the folder holds, so
that the folder still makes sense a year later.

## How much of this is used in research groups?

A great deal, according to the staff members who had worked in one. Most of the daily work in a
lab that handles data is moving files, checking them, running the same analysis again with one
setting changed and keeping track of which result came from which run. The tools from this course
cover most of that, and the rest is usually a small script that glues them together.
"""

# A small spec that names no command, API or screen: behaviour and the data it keeps.
READING_LOG = """\
# Reading log

Build a small app for one person who wants to keep track of the books they read.

- The user can add a book with its title, author and the date they started it.
- The user can mark a book as finished, which records the finish date.
- The user can give a finished book a score from one to five.
- The user can write a short note on any book.
- The user can list the books finished in a given year, newest first.
- Each book is stored as a record with title, author, start date, finish date, score and note.
"""

# A request that states its behaviour in depth: buildable without interfaces.
HABIT_TRACKER = """\
We need a habit tracker for the phone.

- The user can create a habit with a name and a goal per week.
- The user can tick a habit off for today.
- The user can see a streak count for each habit.
- The user can pause a habit while travelling.
- The user can archive a habit they no longer follow.
"""

# The same request in two lines: it still needs clarification.
VAGUE_HABIT_TRACKER = """\
We need a habit tracker. The user can tick off a habit each day and see how long the streak is.
Nothing fancy, just something that works.
"""

# The build genres that can make a document buildable, and so need one point of their reading.
NEED_ONE_POINT = (
    "requirements-spec",
    "design-proposal",
    "protocol-or-format-spec",
    "feature-request",
    "rfp-or-sow",
    "hardware-spec",
)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


def decide(
    ruleset: RuleSet, genres: dict[str, float], signals: dict[str, float], software: float
) -> Decision:
    """Decide on features made by hand: genre scores, signal scores, the software spec score."""
    policy = ruleset.policy
    dimensions = dict.fromkeys(policy.dimensions, 0.0) | {"software_spec": software}
    features = Features(
        words=300,
        rules=(),
        hits=(),
        points={},
        signals={name: signals.get(name, 0.0) for name in policy.signals},
        genres={name: genres.get(name, 0.0) for name in policy.genres},
        dimensions=dimensions,
    )
    return PolicyDecider(policy).decide(features)


def test_the_genres_that_can_be_buildable_need_one_point(ruleset: RuleSet) -> None:
    genres = ruleset.policy.genres
    assert {name: genres[name].min_score for name in NEED_ONE_POINT} == dict.fromkeys(
        NEED_ONE_POINT, 1.0
    )
    assert genres["design-card"].min_score < 1.0


@pytest.mark.parametrize("genre", NEED_ONE_POINT[:-1])
def test_a_build_reading_under_one_point_is_no_reading(ruleset: RuleSet, genre: str) -> None:
    # A software spec over its threshold with interfaces: buildable, were the reading believed.
    decision = decide(ruleset, {genre: 0.6, "news-report": 0.5}, {"interface": 3.0}, 6.0)
    assert decision.genre == ruleset.policy.fallback_genre
    assert decision.trace.genre.fell_short
    assert decision.verdict == "not-a-spec"


def test_the_same_reading_at_one_point_is_believed(ruleset: RuleSet) -> None:
    decision = decide(ruleset, {"requirements-spec": 1.0}, {"interface": 3.0}, 6.0)
    assert (decision.genre, decision.verdict) == ("requirements-spec", "buildable")


def test_a_terse_design_card_keeps_a_reading_under_one_point(ruleset: RuleSet) -> None:
    # A card of a few lines read from its features alone (feature x 0.2) stays a design card.
    decision = decide(ruleset, {"design-card": 0.8}, {"feature": 4.0, "interface": 2.0}, 6.0)
    assert (decision.genre, decision.verdict) == ("design-card", "buildable")


@pytest.mark.parametrize(
    ("signals", "verdict"),
    [
        ({"feature": 12.0, "data": 2.0}, "buildable"),
        ({"feature": 12.0, "build_intent": 2.0}, "buildable"),
        ({"feature": 8.0, "data": 4.0}, "needs-clarification"),
        ({"feature": 8.6, "build_intent": 2.0}, "needs-clarification"),
        ({"feature": 16.0}, "needs-clarification"),
        ({"data": 8.0, "build_intent": 4.0, "brief": 10.0}, "needs-clarification"),
    ],
)
def test_without_interfaces_behaviour_in_depth_needs_a_second_kind_of_evidence(
    ruleset: RuleSet, signals: dict[str, float], verdict: str
) -> None:
    decision = decide(ruleset, {"requirements-spec": 5.0}, signals, 8.0)
    assert decision.verdict == verdict


def test_behaviour_in_depth_never_makes_a_non_build_genre_buildable(ruleset: RuleSet) -> None:
    signals = {"feature": 20.0, "data": 6.0, "build_intent": 4.0}
    decision = decide(ruleset, {"opinion-article": 6.0, "design-card": 5.0}, signals, 25.0)
    assert decision.verdict == "not-a-spec"


def test_course_questions_are_not_buildable() -> None:
    report = assess_text(COURSE_QUESTIONS)
    assert report.verdict != "buildable", report.summary


@pytest.mark.parametrize("text", [READING_LOG, HABIT_TRACKER], ids=["reading-log", "habit-tracker"])
def test_a_small_spec_without_interfaces_is_buildable(text: str) -> None:
    report = assess_text(text)
    assert report.verdict == "buildable", report.summary


def test_a_two_line_request_still_needs_clarification() -> None:
    report = assess_text(VAGUE_HABIT_TRACKER)
    assert report.verdict == "needs-clarification", report.summary


@pytest.mark.parametrize(
    ("signals", "verdict"),
    [
        ({"protocol": 6.0, "data": 3.0}, "buildable"),
        ({"protocol": 3.0, "data": 3.0}, "needs-clarification"),
        ({"protocol": 9.0}, "needs-clarification"),
    ],
)
def test_a_format_with_its_data_is_where_a_spec_meets_the_world(
    ruleset: RuleSet, signals: dict[str, float], verdict: str
) -> None:
    # One normative sentence: the software spec needs one of the signals it requires.
    normative = signals | {"requirement": 1.0}
    decision = decide(ruleset, {"protocol-or-format-spec": 6.0}, normative, 4.0)
    assert decision.verdict == verdict


def test_a_format_without_a_software_spec_is_not_buildable(ruleset: RuleSet) -> None:
    signals = {"protocol": 9.0, "data": 6.0, "requirement": 1.0}
    decision = decide(ruleset, {"protocol-or-format-spec": 9.0}, signals, 2.5)
    assert decision.verdict == "needs-clarification"


@pytest.mark.parametrize(
    ("genre", "acceptance", "verdict"),
    [
        ("product-pitch", 0.0, "needs-clarification"),
        ("product-pitch", 2.0, "needs-clarification"),
        ("product-pitch", 6.0, "buildable"),
        ("research-paper", 6.0, "needs-clarification"),
    ],
)
def test_a_pitch_that_says_how_to_tell_it_is_done_goes_on_to_the_build_rules(
    ruleset: RuleSet, genre: str, acceptance: float, verdict: str
) -> None:
    signals = {"acceptance": acceptance, "feature": 6.0, "interface": 6.0}
    decision = decide(ruleset, {genre: 5.0}, signals, 12.0)
    assert decision.verdict == verdict


def test_a_pitch_with_acceptance_criteria_still_needs_a_second_kind_of_evidence(
    ruleset: RuleSet,
) -> None:
    decision = decide(ruleset, {"product-pitch": 5.0}, {"acceptance": 6.0, "feature": 6.0}, 9.6)
    assert decision.verdict == "needs-clarification"

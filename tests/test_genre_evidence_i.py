"""Genre evidence, round 12: a finished library's README badges, a style guide's good and bad
examples, an encyclopedia page's apparatus in other languages, vulnerability identifiers counted
apart, how-to titles and teaching phrases in more languages, a lecture's essay version, a team
README's sections in Korean, and the narrowings that keep a tender's numbered sections from
reading as versions, an HTML table's cells from reading as verse and a pointer to a code of
conduct from reading as legal text.

Every text is made up for these tests. A spec that shares some of their words (a badge the app
shows, a coding style users pick, the next section of a standard) must keep its reading.
"""

from __future__ import annotations

import pytest

from tests.evidence import fires, signal_points

README = """# tinyqueue

[![Build Status] ](https://ci.example.org/tinyqueue)
[![npm version] ](https://registry.example.org/tinyqueue)
[![License: MIT] ](LICENSE)

A small priority queue for the browser and for servers, with no dependencies.

## Installation

    npm install tinyqueue

## Usage

Create a queue, push items and pop the smallest one. See the docs folder for the full API.
"""

STYLE_GUIDE = """# Widget Coding Style Guide

Keep methods short and name them after what they return.

```ruby
# bad
def get_total
  @items.sum
end

# good
def total
  @items.sum
end
```

Prefer guard clauses to nested conditionals.
"""

WIKI_DE = """Die Alte Mühle ist ein ehemaliges Mühlengebäude am Rand einer kleinen Stadt.

== Geschichte ==

Das Gebäude wurde im 18. Jahrhundert errichtet und später zu einem Museum umgebaut.

== Siehe auch ==

* Liste von Mühlen in der Region

== Weblinks ==

* Offizielle Seite des Museums
"""

NEWS_CVES = """Security researchers said on Tuesday that attackers had chained several flaws to take
over phones. The vendor fixed CVE-2030-1111, CVE-2030-1112, CVE-2030-1113, CVE-2030-1114 and
CVE-2030-1115 in its monthly update, according to a company spokesperson.
"""

HOWTO_ZH = """# 如何在终端里同时打开多个窗口

首先安装工具，然后输入下面的命令开始一个新的会话。
"""

LESSON_FR = """# Les fonctions fléchées

Regardez le code ci-dessus : la fonction renvoie directement sa valeur. Dans le chapitre suivant,
nous verrons comment les fonctions fléchées se comportent avec `this`.
"""

LECTURE = """# Programming for science

This is the essay version of my inaugural lecture, written out to check its argument.

This lecture has three parts: what scientific code is, how we study it, and where it may go.
"""

SPEC = """# Queue service requirements

The service shall accept jobs over HTTP and store them in order. A user can see a badge on the
dashboard when a job fails. Users pick a coding style for generated clients in the settings.
The format of each message is described in the next section; a server must reject malformed jobs.
"""


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("readme-badges", README),
        ("style-guide-examples", STYLE_GUIDE),
        ("wiki-apparatus-languages", WIKI_DE),
        ("vulnerability-identifier", NEWS_CVES),
        ("tutorial-title", HOWTO_ZH),
        ("tutorial-teaching-languages", LESSON_FR),
        ("talk-transcript", LECTURE),
    ],
)
def test_cue_fires(rule_id: str, text: str) -> None:
    assert fires(rule_id, text)


@pytest.mark.parametrize(
    "rule_id",
    [
        "readme-badges",
        "style-guide-examples",
        "wiki-apparatus-languages",
        "vulnerability-identifier",
        "tutorial-title",
        "tutorial-teaching-languages",
        "talk-transcript",
        "security-advisory",
    ],
)
def test_spec_stays_quiet(rule_id: str) -> None:
    assert not fires(rule_id, SPEC)


def test_security_advisory_needs_more_than_ids() -> None:
    assert not fires("security-advisory", NEWS_CVES)
    assert signal_points(NEWS_CVES, "other") <= 4.0


@pytest.mark.parametrize("text", [README, STYLE_GUIDE, WIKI_DE, LECTURE])
def test_other_cues_add_up(text: str) -> None:
    assert signal_points(text, "other") >= 2.0


@pytest.mark.parametrize("text", [HOWTO_ZH, LESSON_FR])
def test_tutorial_cues_add_up(text: str) -> None:
    assert signal_points(text, "tutorial") >= 1.5


def test_hands_on_course_is_no_review() -> None:
    assert not fires("review-judgment", "The course has hands-on workshops and a final project.")
    assert fires("review-judgment", "A hands-on look at the new phone")


TEAM_README_KO = """# 반려식물 기록 서비스

## 📢 1. 서비스 소개

식물에 물을 준 날짜를 기록하고 친구와 공유하는 웹 서비스입니다.

## 🐈 2. 팀원 소개

네 명이 함께 만들었습니다.

## ⚙️ 3. 기술 스택

React, Node.js

## 🛑 4. 트러블 슈팅

배포 후 이미지가 보이지 않던 문제를 해결했습니다.
"""

HTML_TABLE_TEXT = (
    "      Operating system      \n"
    "      Package manager      \n"
    "      Install command      \n"
    "      Various platforms      \n"
)

POEM = """The river keeps its winter voice
below the quiet of the ice,
and all the willows lean to hear
"""


def test_team_readme_sections() -> None:
    assert fires("readme-sections-languages", TEAM_README_KO)
    assert not fires("readme-sections-languages", "## 安装\n\n先安装依赖。\n")


def test_tender_section_is_no_version() -> None:
    assert not fires("changelog-entries", "3.1.1 - Documents given to the candidates\n")
    assert fires("changelog-entries", "1.4.0 - March 3, 2024\n")


def test_indented_table_cells_are_no_verse() -> None:
    assert not fires("verse-lines", HTML_TABLE_TEXT)
    assert fires("verse-lines", POEM)


def test_pointer_to_code_of_conduct_is_no_legal_text() -> None:
    assert not fires("legal-words-languages", "参与讨论之前，请先阅读我们的行为准则。")
    assert fires("legal-words-languages", "# 贡献者行为准则")


def test_lecture_layout_reads_as_tutorial() -> None:
    assert fires("tutorial-title", "---\nlayout: lecture\ntitle: Shell tools\n---\n")
    assert not fires("tutorial-title", "---\nlayout: post\ntitle: Shell tools\n---\n")


def test_recommending_is_no_review() -> None:
    assert not fires("review-judgment", "I recommend you do the exercises before the video.")

"""Genre evidence for documents that ask for nothing to be built and read as `other` or as a
tutorial: speeches in other languages, talk transcripts, FAQ pages, project READMEs, encyclopedia
pages in wiki markup, short job postings, install and upgrade guides, lessons in Chinese, Korean
and Japanese, a programming book's chapter with numbered listings, and a post walking through
the code it has just shown.

Every text is made up for these tests. A spec that shares some of their words (slides, an FAQ
section, an installation step, a guide the app shows) must keep its reading.
"""

from __future__ import annotations

import pytest

from tests.evidence import assert_genre_not_buildable, fires, signal_points
from triage import assess_text

SPEECH_FR = """Monsieur le Président,
Mesdames et Messieurs les chefs de délégation,

C'est un honneur de prendre la parole devant cette assemblée au nom de mon pays. Nos vallées
sont petites, mais nos voix comptent, et nous croyons que le dialogue reste la meilleure voie.

Mesdames et Messieurs, le climat change plus vite que nos institutions. Nous devons agir ensemble,
avec patience et avec courage, pour que nos enfants héritent d'un monde vivable.

Je vous remercie.
"""

THRONE = """Honourable Senators,
Members of the House of Commons,

Ladies and gentlemen, it is a privilege to open this new session of Parliament. The country has
come through a hard winter, and people expect their representatives to work together.

In this session the government will bring forward measures on housing, on clean water in remote
communities and on the cost of child care. It will ask Parliament to review the rules on lobbying.

Honourable Senators, Members of the House of Commons, may you be guided in your work by wisdom.
"""

TALK = """# Growing a garbage collector

This is the text of the talk I gave at a small systems meetup last spring, lightly edited.

Thank you all for coming. When we started, the collector stopped every program for far too long,
and this slide shows how long: the pauses were counted in tens of milliseconds.

On the next slide you can see what changed once we made marking concurrent. The pauses fell,
but the write barrier cost us a little throughput, and we argued for weeks about whether that
trade was worth it.
"""

FAQ_ZH = """# 常见问题

### 如何修改组件的默认颜色？

可以通过主题变量覆盖默认颜色，在项目的样式文件中重新定义对应的变量即可。

### 为什么在小程序里图标不显示？

请确认已经正确引入图标字体文件，并检查构建工具是否把字体文件一起复制到了输出目录。
"""

FAQ_EN = """# Frequently Asked Questions

## Why does the formatter move my comments?

Comments attached to an expression travel with it when the expression is split over lines.

## Will the output change between releases?

Within a calendar year the stable style does not change; new rules arrive behind a preview flag.
"""

README = """# Tidepool

Tidepool is a small library that reads tide tables and answers when the next low tide is.

Installation
------------

    pip install tidepool

## Documentation

The full reference lives on the project site.

## Contributing

Open an issue before sending a large change.
"""

WIKI = """The Old Harbour Bridge is a swing bridge over the river mouth, opened in 1891.

== History ==

The first crossing at the site was a ferry. By the 1880s the town council wanted a fixed link.

== Design ==

The bridge turns on a central pier, driven by a steam engine that was replaced in 1934.

== See also ==

List of swing bridges
"""

JOB = """---
layout: job
title: Research Software Engineer
---

Our lab is seeking a new teammate to join its small software group. The position involves
maintaining the analysis pipeline and helping students turn scripts into tested packages.

The ideal candidate has written Python for several years and enjoys teaching others.

This role is fully remote with a salary range of 60,000 to 75,000 euros. We welcome applications
from people of every background.
"""

GUIDE_JA = """# 開発環境のインストール

ここでは三つの方法を紹介します。下のコマンドを実行すると、最新版がダウンロードされます。

    curl -O https://example.org/tool.tar.gz

展開したら、次のコマンドでパスを通してください。
"""

LESSON_ZH = """# 變數與函式

在上面的範例中，我們先宣告了一個變數，然後把它傳給函式。使用以下的命令來執行腳本：

    bash hello.sh

下面的例子會印出每一個參數。
"""

BOOK_CHAPTER = """## Reading input in a loop

Listing 3-1 reads one line from the terminal and prints it back. Enter the code from Listing 3-1
in src/main.rs and run it.

Now that we have a loop, let's look at how to stop it. Listing 3-2 adds a check for the word quit.
"""

DEPLOY_POST = """# Putting a small web app on a hosting service

Here's all the code we'll need to get a page on screen. Running the above file starts a server on
port 8080. In the above snippet the port is fixed, so next we read it from the environment.
"""

LESSON_JA = """# 配列の基本

この章では配列の作り方と、要素の取り出し方を紹介します。下の例を見てください。
"""


SPEC = """# Conference companion app

The app shall show the talk schedule and the slides of each talk once the speaker uploads them.

## Requirements

- The FAQ section shall list the ten most common questions, editable by organisers.
- Installation of the sensors in each room is out of scope.
- On first start the app shows a setup guide of three screens.
- The app must work offline and sync within 5 seconds once a network is back.
"""


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("address-to-audience-languages", SPEECH_FR),
        ("address-to-audience-languages", THRONE),
        ("address-to-audience-languages", TALK),
        ("talk-transcript", TALK),
        ("talk-transcript", "* **Speaker: Ann Lee**\n* **Slides: https://example.org/a.pdf**\n"),
        ("faq-page", FAQ_ZH),
        ("faq-page", FAQ_EN),
        ("readme-sections", README),
        ("encyclopedia-page", WIKI),
        ("job-advertisement", JOB),
        ("tutorial-title", GUIDE_JA),
        ("tutorial-title", "# Build Guide\n\nSolder the diodes first."),
        ("tutorial-title", "---\ntitle: Guía de instalación de la base de datos\n---\n"),
        ("tutorial-title", 'title: "A Field Guide to Feature Flags"\n'),
        ("tutorial-teaching-languages", GUIDE_JA),
        ("tutorial-teaching-languages", LESSON_ZH),
        ("tutorial-walkthrough", BOOK_CHAPTER),
        ("tutorial-walkthrough", DEPLOY_POST),
        ("tutorial-teaching-languages", LESSON_JA),
    ],
)
def test_cue_fires(rule_id: str, text: str) -> None:
    assert fires(rule_id, text)


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("address-to-audience-languages", SPEC),
        ("address-to-audience-languages", "le président de l'association signe le registre"),
        ("talk-transcript", SPEC),
        ("talk-transcript", "Speaker 1: welcome back to the show"),
        ("faq-page", SPEC),
        ("faq-page", "## FAQ\n\nQuestions go to the list."),
        ("readme-sections", "# Documentation\n\nThe paper's software is documented online."),
        ("readme-sections", "Usage\n-----\n"),
        ("encyclopedia-page", "=== START OF DATA SECTION ===\n"),
        ("job-advertisement", SPEC),
        ("tutorial-title", SPEC),
        ("tutorial-title", "# Ruby スタイルガイド"),
        ("tutorial-title", "# Style guide"),
        ("tutorial-teaching-languages", "系统应当保存用户数据，并在三秒内返回结果。"),
        ("tutorial-walkthrough", SPEC),
    ],
)
def test_cue_stays_quiet(rule_id: str, text: str) -> None:
    assert not fires(rule_id, text)


@pytest.mark.parametrize("text", [SPEECH_FR, THRONE, TALK, FAQ_ZH, FAQ_EN, WIKI, JOB])
def test_other_cues_add_up(text: str) -> None:
    assert signal_points(text, "other") >= 3.0


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (SPEECH_FR, "other"),
        (THRONE, "other"),
        (TALK, "other"),
        (FAQ_EN, "other"),
        (WIKI, "other"),
        (JOB, "other"),
        (GUIDE_JA, "tutorial"),
        (LESSON_ZH, "tutorial"),
    ],
)
def test_genre_and_not_buildable(text: str, genre: str) -> None:
    assert_genre_not_buildable(text, genre)


def test_spec_keeps_its_reading() -> None:
    seed = assess_text(SPEC)
    assert seed.genre_id not in {"other", "tutorial"}, seed.summary
    assert seed.verdict != "not-a-spec", seed.summary

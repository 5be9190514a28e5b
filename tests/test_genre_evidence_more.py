"""Genre evidence for tutorials, reviews, research papers, legal texts, minutes, fiction, chat logs,
recipes and other documents, on short texts written for these tests.

Each text is made up for the purpose, in the manner of its genre (and language): a statute
hard-wrapped at 70 characters, terms of use in Japanese, a recipe stub in German, a mailing-list
reply, a translated panel transcript, a paper in LaTeX, a language tour, minutes, a book review,
a poem. A spec that uses some of the same words must stay a spec.
"""

from __future__ import annotations

import pytest
import re2

from triage import assess_text, default_ruleset

STATUTE_DE = """# Gesetz über die Pflege öffentlicher Brunnen

## § 1 Geltungsbereich

(1) Dieses Gesetz gilt für alle Brunnen, die von einer Gemeinde betrieben
werden und der Öffentlichkeit zugänglich sind. Satz 1 gilt auch für Brunnen
in Parkanlagen, die einem Zweckverband gehören oder von ihm verwaltet werden.

(2) Die Vorschriften des Absatz 1 gelten nicht für Brunnen, die allein der
Zierde dienen und kein Trinkwasser abgeben, soweit die Verordnung nach § 4
nichts anderes bestimmt.

## § 2 Pflichten des Betreibers

(1) Der Betreiber hat den Brunnen nach Maßgabe dieses Gesetzes in einem
ordnungsgemäßen Zustand zu halten und das Wasser regelmäßig zu prüfen.

(3) Die Gemeinden sorgen dafür, dass jeder öffentliche Brunnen sauber bleibt
und dass sein Wasser in regelmäßigen Abständen von einer unabhängigen
Stelle untersucht wird, deren Ergebnis sie ohne Verzögerung bekannt geben
und an einer gut sichtbaren Stelle neben dem Brunnen aushängen müssen.

(4) Die Haftung des Betreibers für Schäden, die aus einer Verletzung der
Pflichten nach Absatz 1 entstehen, richtet sich nach den allgemeinen
Vorschriften des bürgerlichen Rechts.
"""

POEM = """The harbour lamps are low tonight
and gulls have left the pier,
the tide keeps counting stones again
as if the year were here.

I walked the wall you used to walk,
I heard the ropes complain,
and every boat that knocked the quay
said nothing of your name.
"""

TERMS_JA = """# サービス利用規約

本規約は、当社が提供するサービスの利用条件を定めるものです。

## 第1条（適用）

本規約は、利用者と当社との間のサービスの利用に関わる一切の関係に適用されます。

## 第2条（禁止事項）

利用者は、法令または公序良俗に違反する行為をしてはなりません。

## 第3条（免責事項）

当社は、本サービスに起因して利用者に生じたあらゆる損害について、一切の責任を負いません。
本条項は、消費者契約法の適用がある場合には適用されません。
"""

RECIPE_DE = """# Linsensuppe

## Zutaten

Linsen, Zwiebeln, Karotten, Salz und Pfeffer

## Zubereitung

Noch aufzuschreiben.
"""

MAIL_REPLY = """[wx-users] Re: grid coordinates for staggered winds

> We cannot attach the coordinates attribute to the wind field because
> the two grids do not share the same dimensions.
> Unless there is a way to say that one axis is offset by half a cell,
> readers will not know how the two are related.
>> Is an extra attribute really needed here?

I agree that an offset attribute would help, but we could also store both
axes explicitly and let readers compare them.

Best wishes, Ann

Received on Tue Mar 03 2009 - 10:12:44 GMT
Next message: Bo Li: "Re: grid coordinates for staggered winds"
Previous message: Carl Dunn: "grid coordinates for staggered winds"
Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]
"""

PANEL_ZH = """# 关于侧链的讨论

主持人：欢迎各位来到今天的圆桌讨论。我们先请两位嘉宾做个简单的介绍。

AB：谢谢。我在这个领域工作了五年，主要研究脚本语言的设计。

Carol Diaz（CD）：大家好，我主要做钱包和节点软件的开发。

主持人：那我们就开始吧。侧链到底解决了什么问题？

AB：简单来说，它让我们可以在不改动主链的情况下试验新功能。

CD：我补充一点，安全模型其实和主链很不一样，这点需要讲清楚。

观众：请问这些试验的结果会怎样反馈到主链上？

AB：通常要经过很长时间的讨论和审查。
"""

PAPER_TEX = r"""\documentclass{article}
\title{Sampling Bias in Volunteer Bird Counts}
\author{A. Writer \and B. Writer}
\begin{document}
\maketitle
\begin{abstract}
We study how the choice of survey sites biases counts made by volunteers and
propose a weighting that corrects for it. Our results show that the bias halves.
\end{abstract}
\section{Introduction}
Volunteer counts are widely used \cite{smith2019,lee2020}. Prior work \cite{ng2018}
assumed that sites are chosen at random.
\section{Related Work}
Weighting schemes were studied by Smith et al. \cite{smith2019}.
\begin{theorem}
The weighted estimator is unbiased when site choice depends only on access.
\end{theorem}
\begin{proof}
By linearity of expectation.
\end{proof}
\section{Conclusion}
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""

LANGUAGE_TOUR = """# Learn a tiny language in a few minutes

Let's start with numbers and strings. Each line below shows a value and what it
evaluates to.

```
1 + 2            # => 3
10 / 4           # => 2.5
"ab" + "cd"      # => "abcd"
len("hello")     # => 5
```

Now that we have values, let's look at variables. You'll see that they need no
declaration.

```
x = 5
x * 2            # => 10
```

In the next section you will learn how to write functions.
"""

MINUTES = """# Working group call, 12 March

* Chairs: Ana Ruiz
* Scribes: Tom Berg

**Agenda**: open issues, release plan

## Release plan

- Ana: the beta is ready apart from two open bugs.
- Tom: packaging still fails on one platform.
- ACTION: Tom to file an issue for the packaging failure.

## Decisions

- Decision: the beta ships after both bugs are closed.
- Next meeting: 26 March.
"""

BOOK_REVIEW = """# Book report: a history of small harbours

I read this book over two weekends. The author spent ten years visiting
harbours and the book shows it: each chapter is built on interviews.

The good parts: the maps are clear and the interviews are lively. The downside
is the last third, which repeats earlier chapters. Final thoughts: I would
recommend it to anyone who likes local history, and I highly recommend the
chapter on lighthouses. My rating: 4/5.
"""

SPEC_WITH_SHARED_WORDS = """# Ledger sync service: requirements

## Functional requirements

1. The service shall replicate ledger entries between nodes using a consensus
   protocol with at least three replicas.
2. The service shall expose a REST API: `POST /entries` stores an entry and
   returns its id; `GET /entries/{id}` returns it as JSON.
3. The web client shall show the terms of use on first start and store the
   user's acceptance with a timestamp.
4. The system must reject entries larger than 64 KB with HTTP 413.

## How to deliver

Step 1: publish the API description. Step 2: deliver the service as a container
image with a README. Make sure to include the test suite.

## Acceptance criteria

- All endpoints return within 200 ms at 100 requests per second.
- A node restart loses no acknowledged entry.
"""


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (STATUTE_DE, "legal-text"),
        (POEM, "fiction"),
        (TERMS_JA, "legal-text"),
        (RECIPE_DE, "recipe"),
        (MAIL_REPLY, "chat-log"),
        (PANEL_ZH, "chat-log"),
        (LANGUAGE_TOUR, "tutorial"),
        (MINUTES, "meeting-notes"),
        (BOOK_REVIEW, "product-review"),
    ],
    ids=[
        "statute-de",
        "poem",
        "terms-ja",
        "recipe-de",
        "mail-reply",
        "panel-zh",
        "tour",
        "minutes",
        "book-review",
    ],
)
def test_a_document_of_these_genres_gets_its_genre(text: str, genre: str) -> None:
    seed = assess_text(text)
    assert seed.genre_id == genre, seed.summary
    # German, Japanese and Chinese are read by the rules: these are judged by their words.
    assert seed.verdict == "not-a-spec", seed.summary


def test_a_paper_in_latex_is_a_research_paper() -> None:
    seed = assess_text(PAPER_TEX)
    assert seed.genre_id == "research-paper", seed.summary
    rules = {hit.rule for hit in seed.evidence}
    assert "latex-paper-apparatus" in rules


def test_hard_wrapped_prose_is_not_verse() -> None:
    """Lines wrapped at 70 characters are prose: the verse rule fires on a poem, not a statute."""
    verse = default_ruleset().rule("verse-lines").pattern()
    assert re2.search(verse, POEM)
    assert not re2.search(verse, STATUTE_DE)


def test_words_these_genres_share_with_specs_do_not_take_over_a_spec() -> None:
    """Consensus, terms of use, steps, 'make sure to' and a how-to heading stay in a spec."""
    seed = assess_text(SPEC_WITH_SHARED_WORDS)
    assert seed.genre_id == "requirements-spec", seed.summary
    assert seed.verdict == "buildable"

"""Genre evidence for the prose voices: personal posts in Chinese and Japanese, a team telling
what it did, announcements of an organisation in German and Spanish, op-eds filed as such in
their front matter, titles that ask a question of stance, and Korean news round-ups; and the
cues that were narrowed because they fire as often outside their genre (a heading that merely
contains "opinion:", summing-up phrases of a story).

Every text is made up for these tests. A spec that tells what its team decided must keep its
reading.
"""

from __future__ import annotations

import pytest

from tests.evidence import fires, signal_points
from triage import assess_text

POST_JA = """---
title: "古いノートPCにLinuxを入れてみた"
date: 2024-02-11
---

先日、押し入れから十年前のノートPCが出てきたので、軽いLinuxを入れてみた。

個人的には、起動が思ったより速かったのが一番の驚きだった。無線LANのドライバだけは少し
手こずったが、有線でつないで更新したら認識された。

備忘録として、入れたパッケージと設定をここに残しておく。
"""

POST_ZH = """---
title: 周末折腾家里的网络
date: 2023-09-02
---

这个周末我折腾了一下家里的路由器，把旧的固件换成了开源固件。

记录一下过程中踩的坑：第一次刷机的时候选错了型号，差点变砖；后来换了一个版本才成功。

整体来说，心得就是先备份原厂固件，再动手。
"""

PRESS_DE = """---
title: "Werkbank 3.2.0 erschienen"
date: 2022-05-04
---

Das Werkbank-Projekt freut sich, die Version 3.2.0 zu veröffentlichen. Sie steht ab sofort auf
der Projektseite zum Herunterladen bereit.

Die neue Version bringt einen überarbeiteten Editor, schnellere Suche und viele kleine
Verbesserungen.
"""

PRESS_ES = """---
title: "Feria de software libre en Valencia"
date: 2021-10-01
categories: [Comunicados]
---

La fundación participará en la feria con un estand propio y dos charlas sobre sus proyectos.
"""

OPED_META = """---
title: "Una plaza para todos"
collection: opeds
date: 2025-03-01
---

La ciudad ha cambiado mucho en los últimos años.
"""

TEAM_POST = """# How our importer got fast

Last year we rewrote the importer from scratch. We tried three queue libraries before we settled,
and we quickly realized the slow part was not the queue at all but the way we parsed dates.

We shipped the new version in March, and looking back, the biggest win came from the smallest
change.
"""

NEWS_KO = """## 이번 주 소식

이번 주 주요 기사를 정리했습니다.

## 헤드라인

- 한 클라우드 업체가 새 데이터센터를 열었다고 밝혔다.
- 오픈소스 재단이 새 회원사를 맞았다고 전했다.
"""

SPEC = """# Inventory sync service

We decided to use PostgreSQL for the store, as the team already runs it.

## Requirements

- The service must import a CSV file of items (sku, name, quantity) uploaded through the web form.
- The API must expose GET /items and GET /items/{sku} returning JSON.
- The system shall reject a file with a missing sku column and show the line that failed.
- Imports of 10,000 rows must finish within 5 seconds.

## Acceptance criteria

- Given a valid file, when it is uploaded, then every row appears in GET /items.
"""


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("personal-experience-cjk", POST_JA),
        ("personal-experience-cjk", POST_ZH),
        ("announcement-other-languages", PRESS_DE),
        ("press-office-label", PRESS_ES),
        ("opinion-label", OPED_META),
        ("opinion-label", 'source_url: "https://paper.example.org/opinion/2025/plaza"\n'),
        ("personal-experience", TEAM_POST),
        ("reporting-cjk", NEWS_KO),
        ("thesis-title", 'title: "Was the cloud a mistake?"\n'),
        ("thesis-title", "# Should we still write comments?\n"),
        ("thesis-title", "title: Why I use a ten-year-old phone\n"),
        ("organisation-byline", "---\nauthor: The Widget Team\n---\n"),
        ("personal-experience-languages", "Letzte Woche habe ich den Drucker getauscht."),
        ("personal-experience-languages", "J'ai testé trois claviers cet hiver."),
        ("review-use-zh", "用了两个月，这个键盘手感不错"),
        ("stance-other-languages", "N'est-ce pas là le vrai problème ?"),
        ("stance-other-languages", "¿Acaso alguien lo pidió?"),
        ("announcement-other-languages", "La versión 5 ya está disponible para descargar."),
    ],
)
def test_cue_fires(rule_id: str, text: str) -> None:
    assert fires(rule_id, text)


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("personal-experience-cjk", "このツールを試してみたいと思います"),
        ("personal-experience-cjk", "我们发现新方法的误差更小"),
        ("announcement-other-languages", "Sie freut sich auf den Urlaub."),
        ("opinion-label", "#### Diversity of opinion: many small guesses\n"),
        ("opinion-label", "See [her column](https://paper.example.org/opinion/12) on parks.\n"),
        ("personal-experience", "We found that the model overfits on small sets."),
        ("thesis-title", "# Can I use the API without a key?\n"),
        ("evaluative-frame", "The point is stored as two floats."),
        ("organisation-byline", "author: Jane Park"),
        ("personal-experience-languages", "Die Funktion liefert eine sortierte Liste."),
        ("review-use-zh", "提升用户体验是本期目标"),
    ],
)
def test_cue_stays_quiet(rule_id: str, text: str) -> None:
    assert not fires(rule_id, text)


@pytest.mark.parametrize(
    ("text", "signal"),
    [(POST_JA, "blog"), (POST_ZH, "blog"), (PRESS_DE, "press"), (TEAM_POST, "blog")],
)
def test_voice_cues_add_up(text: str, signal: str) -> None:
    assert signal_points(text, signal) >= 1.5


@pytest.mark.parametrize(
    ("text", "genre"),
    [(POST_JA, "blog-post"), (POST_ZH, "blog-post"), (PRESS_DE, "press-release")],
)
def test_genre_and_not_buildable(text: str, genre: str) -> None:
    seed = assess_text(text, markdown=True)
    assert seed.genre_id == genre, seed.summary
    assert seed.verdict != "buildable", seed.summary


def test_spec_keeps_its_reading() -> None:
    seed = assess_text(SPEC, markdown=True)
    assert seed.genre_id not in {"blog-post", "opinion-article"}, seed.summary
    assert seed.verdict != "not-a-spec", seed.summary

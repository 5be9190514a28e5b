"""Genre evidence for legal texts, job ads, tutorials, chat logs and minutes in other languages and
layouts, on short texts written for these tests.

Each text is made up for the purpose: a code of conduct in Dutch, a Chinese regulation numbered
by article, bylaws, a German job ad, a Portuguese lesson, a caption file, a chat export with Unix
times, a podcast transcript with bold speakers, Swedish and Dutch minutes. A spec that uses some
of the same words must stay a spec.
"""

from __future__ import annotations

import pytest

from tests.evidence import assert_buildable_spec, assert_genre_not_buildable, fires

CONDUCT_NL = """# Gedragscode

Deze gedragscode geldt voor iedereen die meedoet aan onze bijeenkomsten en online kanalen.
Wij verwachten dat deelnemers elkaar met respect behandelen en dat niemand wordt uitgesloten.

## Ongewenst gedrag

- intimidatie, bedreiging of beledigende opmerkingen;
- het zonder toestemming delen van foto's van anderen;
- herhaaldelijk verstoren van presentaties.

## Handhaving

Wie de gedragscode overtreedt, kan van verdere deelname worden uitgesloten. Meldingen worden
vertrouwelijk behandeld door twee leden van het bestuur.
"""

REGULATION_ZH = """# 社区图书室管理暂行办法

第一条 为了规范社区图书室的日常管理，方便居民借阅，制定本办法。

第二条 本办法适用于街道辖区内由居委会设立的图书室。

第三条 图书室每周开放五天，开放时间由居委会公告。

第四条 借阅人应当爱护图书，损坏或者遗失的，按照原价赔偿。

第五条 本办法自公布之日起施行。
"""

JOB_DE = """---
title: Backend-Entwickler (m/w/d)
---

### Deine Aufgaben

* Du entwickelst gemeinsam mit dem Team unsere bestehende Plattform weiter
* Du übernimmst Verantwortung für Betrieb und Überwachung unserer Dienste

## Dein Profil

* Du hast mehrere Jahre Erfahrung mit Go oder Python
* Du arbeitest gern im Team und teilst dein Wissen

## Dafür bieten wir Dir

* Flexible Arbeitszeiten und die Möglichkeit, von zu Hause zu arbeiten
* Ein Budget für Weiterbildung und Konferenzen
"""

LESSON_PT = """# Laços de repetição: while e for

Neste capítulo vamos ver como repetir um bloco de código várias vezes.

O laço `while` executa o corpo enquanto a condição for verdadeira:

```js
let i = 0;
while (i < 3) {
  alert(i);
  i++;
}
```

No exemplo acima, o corpo é executado três vezes. No exemplo abaixo, usamos `for`:

```js
for (let i = 0; i < 3; i++) {
  alert(i);
}
```

Experimente alterar o limite e veja o que acontece.
"""

CAPTIONS = """WEBVTT

00:00:01.000 --> 00:00:03.500
GOOD MORNING AND WELCOME

00:00:03.500 --> 00:00:06.000
TO TODAY'S HEARING ON THE

00:00:06.000 --> 00:00:09.200
LIBRARY BUDGET FOR NEXT YEAR.

00:00:09.200 --> 00:00:12.000
I SEE WE HAVE A FULL ROOM.

00:00:12.000 --> 00:00:15.400
LET'S START WITH THE FIRST ITEM.

00:00:15.400 --> 00:00:18.000
THANK YOU ALL FOR COMING.
"""

EPOCH_CHAT = """1602000000
maple
did the nightly build pass?
1602000042
quartz
it did, but the docs job timed out again
1602000090
maple
probably the mirror, I'll retry it later
1602000133
quartz
thanks, ping me if it fails twice
1602000201
maple
will do
"""

PODCAST = """(Intro music)
0:00:05.1 **Rosa Peral** Welcome back, everyone. Today we talk about the book we all read.
0:00:11.8 **Tomas Vidal** I'm Tomas, and I really liked the second half.
0:00:15.2 **Rosa Peral** Yeah, the first chapters were slow for me.
0:00:19.9 **Tomas Vidal** True, but the ending paid off.
0:00:24.0 **Rosa Peral** Alright, let's start with chapter one.
"""

MINUTES_SV = r"""\documentclass{article}
\begin{document}
\title{Styrelsemöte 4}
\date{2025-03-11}
\maketitle

Närvarande: Anna, Björn, Cecilia

\section{Mötets öppnande}
Ordföranden öppnade mötet.

\section{Beslut}
Styrelsen beslutade att köpa en ny projektor till klubblokalen.
\end{document}
"""

SPEC = """# Room booking service

The system shall let members book a meeting room for up to four hours.

## Requirements

- The service must expose `POST /bookings` and `GET /bookings/{id}`.
- A booking stores the room, the member, the start and the end time.
- The service must reject a booking that overlaps another one with HTTP 409.
- The participants of a booking are listed in the confirmation e-mail.
"""


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("legal-words-languages", CONDUCT_NL),
        ("legal-words-languages", REGULATION_ZH),
        ("contract-terms", "The Chair shall preside at every meeting of the Board of Directors."),
        ("job-advertisement", JOB_DE),
        ("job-advertisement", "We are looking for a senior data engineer to join the data group."),
        ("tutorial-teaching-languages", LESSON_PT),
        ("timestamped-turn", CAPTIONS),
        ("timestamped-turn", EPOCH_CHAT),
        ("timestamped-turn", PODCAST),
        ("minutes-record", MINUTES_SV),
        ("meeting-title", MINUTES_SV),
        ("meeting-title", "---\ntitle: Notulen ledenvergadering 3 maart\n---\n"),
    ],
)
def test_cue_fires(rule_id: str, text: str) -> None:
    assert fires(rule_id, text)


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("legal-words-languages", "第一条消息显示在列表顶部，新消息在下面。"),
        ("legal-words-languages", SPEC),
        ("job-advertisement", SPEC),
        ("job-advertisement", "## Aufgaben der Komponente\n\nDie Komponente speichert Daten."),
        ("timestamped-turn", "09:00 **Keynote** in hall A\n10:30 **Coffee** break\n"),
        ("timestamped-turn", SPEC),
        ("minutes-record", SPEC),
        ("meeting-title", "# Meeting room booking service"),
    ],
)
def test_cue_stays_quiet(rule_id: str, text: str) -> None:
    assert not fires(rule_id, text)


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (CONDUCT_NL, "legal-text"),
        (REGULATION_ZH, "legal-text"),
        (JOB_DE, "other"),
        (LESSON_PT, "tutorial"),
        (CAPTIONS, "chat-log"),
        (EPOCH_CHAT, "chat-log"),
        (PODCAST, "chat-log"),
        (MINUTES_SV, "meeting-notes"),
    ],
)
def test_genre_and_not_buildable(text: str, genre: str) -> None:
    assert_genre_not_buildable(text, genre)


def test_spec_stays_a_spec() -> None:
    assert_buildable_spec(SPEC)

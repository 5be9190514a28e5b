"""Genre evidence for the prose genres the rules confused with each other (round 10): press posts
filed under announcements, columns titled with their claim, dated newsletter editions, device
reviews, and reporting and stance words in Japanese, Thai, Albanian, Vietnamese and Chinese.

Each text is made up for these tests. A blog post keeps its blog reading, and a spec that uses
some of the same words must stay a spec.
"""

from __future__ import annotations

import pytest

from tests.evidence import assert_buildable_spec, assert_genre_not_buildable, fires

PRESS_POST = """---
title: Lantern 4.0 ships with offline maps
date: 2026-02-10
categories:
  - Community
  - Announcements
---

The Lantern project has published version 4.0 of its trail app. The release brings offline maps,
a new elevation chart and translations into six more languages. Packages for every supported
platform are on the download page, and the source archive is signed as before.

The maintainers thank the volunteers who tested the betas over the winter and the two sponsors
who paid for the map tiles. Version 3 keeps receiving security fixes until the end of the year.
"""

COLUMN = """---
title: Code comments are a confession
tag: essay
date: 2026-03-01
---

Every comment that explains what a line does admits that the line failed to say it. Teams treat
comments as a courtesy to the next reader, but most of them rot the week after they are written
and then mislead. Better names, smaller functions and tests that read like examples do the job
that comments promise and never keep.
"""

NEWSLETTER = """# Query Notes — 2026.04.02 edition

*Columnar files, a new planner, and three talks worth your time.*

__A faster planner.__ The team behind a popular embedded database described how its new planner
reorders joins. [Read the write-up](https://example.org/planner).

__Columnar files.__ A survey of file layouts compares row groups, page sizes and compression.
In this month's digest we also collect the recordings from the spring meetup.
"""

REVIEW = """---
title: "The Finch 14 after three months"
date: 2026-01-20
---

The keyboard feels shallow but accurate, and after a week my typing speed was back to normal.
The screen is bright enough for a sunny train carriage, though it reflects a lot. Battery life
sits around nine hours of editing and browsing.

Gripes: the fan spins up during video calls, and the charger is bulky for a laptop this small.
What I liked most is the hinge, which opens with one hand. I would recommend it to anyone who
writes on the move.
"""

BLOG = """---
title: A weekend with a soldering iron
date: 2026-05-03
---

Last weekend I finally built the little weather station I had been planning since spring. I made
the case from an old lunch box and spent most of Sunday chasing a loose wire. In this post I
describe what went wrong and what I would do differently next time.
"""

SPEC = """# Lantern release service

The release service shall publish signed packages for each supported platform.

## Requirements
- The service shall verify the signature of every archive before publishing it.
- The download page must list the checksum of each package.
- The service exposes `POST /api/releases` taking a JSON body with the fields `version`,
  `platform` and `sha256`, and `GET /api/releases/{version}` returning the stored record.
- Records are stored in a PostgreSQL table `releases` keyed by version and platform.
- Acceptance: a package with a broken signature is rejected with HTTP status 422 and the upload
  is not stored.
"""


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("press-office-label", PRESS_POST),
        ("press-office-label", 'tags = ["beta", "release"]'),
        ("opinion-label", COLUMN),
        ("thesis-title", COLUMN),
        ("thesis-title", "title: Standups were never about status"),
        ("news-digest", NEWSLETTER),
        ("news-digest", "A weekly link/news roundup for the language."),
        ("review-verdict", REVIEW),
        ("personal-experience", BLOG),
        ("blog-frame", BLOG),
        ("reporting-cjk", "市長は記者会見で「来年度に着工する」と語った。"),
        ("reporting-cjk", "対談は雑誌の今月号に掲載された。"),
        ("reporting-verb-other-languages", "ผู้สื่อข่าวรายงานว่า ถนนสายหลักถูกปิด"),
        ("reporting-verb-other-languages", "Kryetari njoftoi se shkolla hapet."),
        ("reporting-verb-other-languages", "Trả lời phóng viên, ông nói dự án sẽ xong."),
        ("stance-cjk", "难道我们只能接受这样的结果吗？"),
        ("stance-cjk", "这种趋势令人担忧。"),
    ],
)
def test_cue_fires(rule_id: str, text: str) -> None:
    assert fires(rule_id, text)


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("press-office-label", "tags: [release-engineering]"),
        ("press-office-label", SPEC),
        ("opinion-label", "categories: [essay-contest-rules]"),
        ("thesis-title", "title: How the library is using volunteers"),
        ("thesis-title", "title: Is a monorepo worth it?"),
        ("thesis-title", "## The cache is warm after startup"),
        ("news-digest", "Compute the SHA-256 digest of each archive."),
        ("news-digest", "the second edition of the handbook"),
        ("review-verdict", "The screen was dark when the train stopped."),
        ("review-verdict", SPEC),
        ("blog-frame", "---\nlayout: post\ntitle: Notes\n---\n"),
        ("reporting-cjk", "このボタンを押すと設定画面が開く。"),
        ("stance-cjk", "这个函数返回一个列表"),
    ],
)
def test_cue_stays_quiet(rule_id: str, text: str) -> None:
    assert not fires(rule_id, text)


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (PRESS_POST, "press-release"),
        (COLUMN, "opinion-article"),
        (NEWSLETTER, "news-report"),
        (REVIEW, "product-review"),
        (BLOG, "blog-post"),
    ],
)
def test_genre_and_not_buildable(text: str, genre: str) -> None:
    assert_genre_not_buildable(text, genre)


def test_spec_stays_a_spec() -> None:
    assert_buildable_spec(SPEC)

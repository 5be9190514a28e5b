"""Genre evidence, round 9: the prose genres (blog, opinion, news, review, press release).

Each family has a text of its genre that the rules must place, and a counter-example the same
cue must leave alone. All texts are written for these tests.
"""

from __future__ import annotations

from tests.evidence import fires, signal_points

# ---------------------------------------------------------------- a title that states a thesis


def test_a_thesis_title_is_an_opinion_cue() -> None:
    assert fires("thesis-title", "title: Libraries shouldn't print to stdout")
    assert fires("thesis-title", "# Stop Chasing Benchmarks")
    assert fires("thesis-title", "# The Case Against Nightly Builds")
    assert fires("thesis-title", 'title = "Feature flags aren\'t free"')


def test_a_how_to_title_or_a_non_goal_heading_is_not_a_thesis() -> None:
    assert not fires("thesis-title", "# How to rotate the logs")
    assert not fires("thesis-title", "# What we are not building in this release")
    assert not fires("thesis-title", "## Stop the worker before upgrading")
    assert not fires("thesis-title", "The upload should not block the editor.")


DATED_ESSAY = """---
date: 2024-02-11
title: Libraries shouldn't print to stdout
---

Every few months a dependency of mine starts chatting on the terminal. A library is a guest in
somebody else's program, and a guest does not shout across the room. The program that calls it
owns the terminal, the log format and the user's patience; the library owns none of them.

Authors defend the habit as friendliness. It is not friendly to bury the real output of a tool
under banners that nobody asked for. Return a value, raise an error, or take a logger from the
caller. Anything else pushes the cost of your convenience onto everyone downstream.
"""


def test_a_dated_essay_with_a_thesis_title_reads_as_opinion() -> None:
    assert signal_points(DATED_ESSAY, "opinion") > signal_points(DATED_ESSAY, "blog")


# ---------------------------------------------------------------- a press office's label


def test_the_label_of_a_press_office_is_a_press_cue() -> None:
    assert fires("press-office-label", "FOR IMMEDIATE RELEASE")
    assert fires("press-office-label", "Press Release")
    assert fires("press-office-label", "Media contact: Ana Ruiz, ana@example.org")
    assert fires("press-office-label", "OSLO — March 2 — (EXAMPLE NEWSWIRE) — The firm")


def test_talk_of_releases_and_contacts_is_not_a_press_label() -> None:
    assert not fires("press-office-label", "The release notes list every fixed bug.")
    assert not fires("press-office-label", "Contact the maintainers on the mailing list.")
    assert not fires("press-office-label", "The minister held a press conference on Friday.")


QUOTING_RELEASE = """FOR IMMEDIATE RELEASE

Harbour Water Board opens two new filtering stations

PORTVALE — The Harbour Water Board today announced that two new filtering stations are running
in the northern districts.

"Families in the north have waited too long for steady pressure," said the chair of the board.
"These stations end that wait," she added.

"The crews finished a month early," said the board's chief engineer, who led the work.

Media contact: Press Office, Harbour Water Board
"""


def test_a_release_that_quotes_its_officials_counts_as_press() -> None:
    assert signal_points(QUOTING_RELEASE, "press") > signal_points(QUOTING_RELEASE, "news")


def test_chinese_announcing_formulas_count_as_press() -> None:
    assert fires("announcement-other-languages", "我们激动地宣布新版文档上线")
    assert fires("announcement-other-languages", "团队自豪地宣布 2.0 版")


# ---------------------------------------------------------------- prices


def test_a_judged_price_is_a_review_cue() -> None:
    assert fires("price-talk", "a sharp screen for a very low price")
    assert fires("price-talk", "at that price it is hard to complain")
    assert fires("price-talk", "the price tag stings")


def test_a_bare_price_column_or_a_purchase_is_not_a_review_cue() -> None:
    assert not fires("price-talk", "Columns: item, quantity, unit price, total")
    assert not fires("price-talk", "The agency will purchase the licences in the second year.")
    assert not fires("price-talk", "Show each index with its current price and daily change.")


# ---------------------------------------------------------------- phrases that argue nothing


def test_plain_connectives_of_specs_and_chats_are_not_opinion() -> None:
    spec = (
        "Open the login page first. The form understandably asks for the e-mail address, and "
        "all of this is stored per user, so it is no wonder the table grows."
    )
    assert signal_points(spec, "opinion") == 0.0


# ---------------------------------------------------------------- a page filed as a review


def test_a_page_filed_as_a_review_is_a_review_cue() -> None:
    assert fires("review-label", "category: Review")
    assert fires("review-label", "tags: audio, reviews")
    assert fires("review-label", "categories:\n  - Gadgets\n  - Review\n")
    assert fires("review-label", "# A review of three e-readers")


def test_review_as_a_process_is_not_a_review_label() -> None:
    assert not fires("review-label", "## Review process")
    assert not fires("review-label", "- Review the pull request before merging")
    assert not fires("review-label", "title: Code review checklist")


# ---------------------------------------------------------------- reporting in more languages


def test_arabic_and_vietnamese_reporting_verbs_are_news_cues() -> None:
    assert fires("reporting-verb-other-languages", "وأضاف الوزير أن المحادثات مستمرة")
    assert fires("reporting-verb-other-languages", "Bộ trưởng cho biết kế hoạch sẽ bắt đầu")
    assert not fires("reporting-verb-other-languages", "Hàm này trả về một danh sách")

"""Genre evidence, round 8: the non-build genres confused on the tune set.

Each family has a text of its genre that the rules must place, and a counter-example the same
cue must leave alone. All texts are written for these tests.
"""

from __future__ import annotations

from tests.evidence import fires, signal_points
from triage import assess_text

# ---------------------------------------------------------------- "let's" before a name


def test_lets_counts_for_a_tutorial_only_before_a_lowercase_word() -> None:
    assert fires("tutorial-steps", "Now let's add a second route to the server.")
    assert fires("tutorial-steps", "Let's see what the compiler prints.")
    assert not fires("tutorial-steps", "Let's Plant Trees is a charity that runs the program.")
    assert not fires("tutorial-steps", "the volunteers of Let's Ride joined the board")


ORGANISATION_RELEASE = """# Let's Plant Trees partners with three city councils

Let's Plant Trees, the volunteer charity behind neighbourhood orchards, is proud to announce a
partnership with three city councils. Let's Plant Trees will supply saplings and training, and
the councils will provide land and water for the first five years.

"Let's Plant Trees has shown that small groves change a street," said the mayor of the largest
of the three cities. The partnership starts in March, and Let's Plant Trees expects to plant
four thousand trees before the end of the year.

For more information, contact the charity's press office.
"""


def test_an_organisation_named_lets_is_not_a_tutorial() -> None:
    seed = assess_text(ORGANISATION_RELEASE)
    assert seed.genre_id != "tutorial", seed.summary
    assert seed.verdict == "not-a-spec", seed.summary


# ---------------------------------------------------------------- review verdicts


def test_good_news_is_no_review_verdict() -> None:
    assert not fires("review-judgment", "The good news is that nothing changes for members.")
    assert not fires("review-verdict", "The good news is that nothing changes for members.")
    assert fires("review-judgment", "The good parts: a bright screen and a quiet fan.")


# ---------------------------------------------------------------- recipes and recipe apps

RECIPE_APP_CARD = """# Pantry Cook

Build a web app that suggests meals from what is already in the kitchen.

- Users type ingredients into a search field and get a list of recipes that use them.
- Each recipe in the list opens a page with its steps, time and a photo.
- Users can save recipes to a favourites list.
- The app builds a shopping list of missing ingredients for a chosen recipe.
- The app adds up the cost of the shopping list.
"""

PANCAKES = """# Weekend pancakes

## Ingredients

- 200 g flour
- 2 eggs
- 300 ml milk
- 1 tbsp sugar
- a pinch of salt

Whisk the dry ingredients together, then beat in the eggs and the milk until smooth. Let the
batter rest for ten minutes. Heat a little butter in a pan and fry each pancake until golden.
Serves 4.
"""


def test_ingredients_as_data_of_an_app_are_not_a_recipe() -> None:
    assert not fires("recipe-steps", "Users type ingredients into a search field.")
    seed = assess_text(RECIPE_APP_CARD)
    assert seed.genre_id != "recipe", seed.summary
    assert seed.verdict != "not-a-spec", seed.summary


def test_a_recipe_naming_its_ingredients_stays_a_recipe() -> None:
    assert fires("recipe-steps", "## Ingredients")
    assert fires("recipe-steps", "Whisk the dry ingredients together.")
    assert assess_text(PANCAKES).genre_id == "recipe"


# ---------------------------------------------------------------- news titles


def test_a_title_ending_in_news_is_digest_framing() -> None:
    assert fires("news-digest", 'title: "Harbour Project News for May"')
    assert fires("news-digest", "#+title: 2025-03-04 Editor news")
    assert not fires("news-digest", "## News feed")
    assert not fires("news-digest", "title: News about the old parser")


# ---------------------------------------------------------------- minutes with speaker turns

MINUTES_WITH_TURNS = """# Storage Working Group Meeting 2024-05-14

## Present

- Ana Ruiz, Tom Berg, Li Wei, Sara Okafor

## Agenda

1. Release schedule
2. Disk quota proposal
3. Mentoring new reviewers

## Release schedule

The release slipped by a week. Most of the delay came from the migration tests, which now take a
whole night on the old clusters, and from two flaky cases in the snapshot suite that fail about
once in twenty runs. The group went through the list of open blockers one by one. Three of them
are documentation changes that can land after the branch is cut; the other two need a fix in the
snapshot code before anything ships.

Ana: So the question is whether we cut the branch on Friday or wait for the snapshot fix.
Tom: Yeah, I would rather wait, the fix is small and it is already under review.
Li: I think we can also split the migration tests and run half of them on the new runners.
Sara: Okay, that works for me if someone owns the split.

The group agreed to wait for the snapshot fix and to cut the branch on Tuesday. Li will split
the migration tests so that both halves finish before the morning.

## Disk quota proposal

Tom wrote up two options in the shared document. Option A counts every replica against the
owner's quota; option B counts only the primary copy and shows replicas separately. Both need a
migration of the accounting tables, but B needs no change in the client and is easier to
explain in the help pages. Sara asked how either option treats snapshots taken by the backup
job, and the answer is that neither counts them today; that stays unchanged for now.

Sara: I think option B is simpler to explain to users.
Ana: Right, and it keeps the client as it is.

No objections were raised. Tom will post option B to the mailing list for a week of comments
before it is adopted.

## Mentoring new reviewers

Two contributors asked to become reviewers. Ana will pair each of them with an experienced
reviewer for a month, and the group will look at their reviews again at the June meeting.

## Action items

- Li to split the migration tests and open an issue for the runner change.
- Tom to post the quota proposal to the mailing list.
- Ana to set up reviewer pairs and circulate the list.
"""


def test_minutes_titled_as_a_meeting_are_not_a_chat_log() -> None:
    assert fires("meeting-title", "# Storage Working Group Meeting 2024-05-14")
    assert fires("meeting-title", "title: Triage meeting summary for 2019")
    assert not fires("meeting-title", "# Meeting Room Booking App")
    assert not fires("meeting-title", "# Call for Ideas for 2019")
    assert assess_text(MINUTES_WITH_TURNS).genre_id == "meeting-notes"


# ---------------------------------------------------------------- speeches

SPEECH = """<title="Address to the Graduates of the River College">
<date="June 3, 2011">

Thank you. Thank you very much. Please have a seat.

President Alvarez, members of the faculty, families, and above all graduates: it is an honour to
stand here today. Four years ago you came to this campus unsure of what you would find. Today
you leave with more questions than you came with, and that is exactly as it should be.

The government cannot give you purpose, and neither can a diploma. We face a changing climate,
a divided politics and an economy that rewards speed over care. Our leaders must stop pretending
that these problems will solve themselves, and so must we. The question is not whether you will
be tested, but whether you will answer with courage.

I believe that your generation will do better than mine. I believe it because I have seen what
you built here: clinics in the valley, a repair shop for the town, a newspaper that told the
truth when it was hard. So go out and keep doing it. Congratulations, and God bless you all.
"""


def test_a_speech_titled_as_an_address_is_another_document() -> None:
    assert fires("speech-title", '<title="Address to the Graduates of the River College">')
    assert fires("speech-title", "# Budget Speech")
    assert not fires("speech-title", "# Speech recognition service")
    assert not fires("speech-title", "## Closing remarks")
    assert assess_text(SPEECH).genre_id == "other"


# ---------------------------------------------------------------- the government


def test_lowercase_government_is_no_procurement_evidence() -> None:
    assert not fires("procurement", "the government should stop pretending the plan works")
    assert not fires("government-as-buyer", "the government should stop pretending")
    assert fires("government-as-buyer", "The Government will evaluate each offer on price.")


# ---------------------------------------------------------------- headings shared with papers

SPEC_WITH_PAPER_HEADINGS = """# Upload service

## Background

Field teams send photos from sites with weak mobile coverage. Uploads fail halfway and are lost.

## Requirements

- The service shall accept resumable uploads in chunks of at most 4 MB.
- The client shall retry a failed chunk three times before it reports an error.
- The service shall store each photo with its site id, author and capture time.
- The API shall expose POST /uploads, PUT /uploads/{id}/chunks/{n} and GET /uploads/{id}.
- A naive implementation that buffers the whole file in memory is not acceptable.

## Conclusion

Delays of more than a day are unacceptable to the site managers.

Environment used for the prototype:

NODE: v20.11.0
ARCH: x64
"""


def test_common_headings_and_plain_words_do_not_move_a_spec_away() -> None:
    assert not fires("research-sections", "## Conclusion")
    assert fires("paper-common-sections", "## Conclusion")
    assert not fires("speaker-tag", "NODE: v20.11.0")
    assert fires("speaker-tag", "AB: I think we should wait.")
    assert signal_points(SPEC_WITH_PAPER_HEADINGS, "opinion") == 0.0
    seed = assess_text(SPEC_WITH_PAPER_HEADINGS)
    assert seed.genre_id not in {"research-paper", "meeting-notes", "opinion-article"}, seed.summary
    assert seed.verdict == "buildable", seed.summary


# ---------------------------------------------------------------- review titles


def test_a_title_naming_a_review_is_review_evidence() -> None:
    assert fires("review-title", "# Pocket 7 laptop review: small, loud and fast")
    assert fires("review-title", "# 某款相机评测：一个月后的感受")
    assert fires("review-title", "# 我对某种新语言的印象")
    assert not fires("review-title", "# Code review guidelines")
    assert not fires("review-title", "## 评论功能")
    assert not fires("review-title", "# 上手指南")


# ---------------------------------------------------------------- show transcripts

SHOW_TRANSCRIPT = """---
title: 'Episode 12: Desks, notebooks and habits'
---

You're listening to Small Systems, the show about the tools we keep. I'm Dana.
And I'm Chris. This episode is about the notebooks we carry and why paper keeps coming back.
So, paper. Why does it keep winning for you?
Mostly because it is quiet. Nothing pings, nothing asks for an update, and the page is always there.
That is fair. A tablet can do more, but it also wants more from you.
Right, and a notebook never runs out of battery in the middle of a meeting.
Do you number the pages before you start a new one?
Always, and there is an index at the back, so a note from March can be found in a minute.
How long does that take with a new book?
Maybe half an hour, and it is a nice ritual for a Sunday evening.
What goes on the first page?
The date range and a short line about what the months were about.
Nice. Listeners have asked about pens, so that is next time.
Thanks for listening, and see you in two weeks.
"""


def test_a_show_transcript_is_a_chat_log_not_a_blog_post() -> None:
    assert fires("podcast-frame", "You're listening to Small Systems.")
    assert not fires("podcast-frame", "The show command lists the tables.")
    assert fires("timestamped-turn", "00:01:12 So tell us how it started.")
    assert not fires("timestamped-turn", "12:30:00 UTC is the cut-off")
    assert assess_text(SHOW_TRANSCRIPT).genre_id == "chat-log"


# ---------------------------------------------------------------- legal words


def test_agency_names_and_bug_counts_are_no_legal_formula() -> None:
    assert not fires("legal-terms", "the Immigration and Customs Enforcement agency")
    assert not fires("legal-terms", "the linter reports twelve violations in the parser")
    assert fires("legal-terms", "in violation of these terms of service")

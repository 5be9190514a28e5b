"""Genre evidence for documents that are not specs, on fixtures written for the purpose.

Each fixture under ``tests/fixtures/genres/`` is a text of its genre written by the project: an
op-ed that quotes the council it argues against, a news report made of attributed statements, a
podcast transcript, an IRC log with ISO timestamps, a speech, a job ad, a changelog, and a spec
with a commentary and a conclusion section. The rules must place each in its genre, and genre
cues must never take over a spec.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from triage import assess_file, assess_text

FIXTURES = Path(__file__).parent / "fixtures" / "genres"


@pytest.mark.parametrize(
    ("name", "genre"),
    [
        ("op-ed-with-a-quote.md", "opinion-article"),
        ("news-report.txt", "news-report"),
        ("podcast-transcript.md", "chat-log"),
        ("irc-iso-log.txt", "chat-log"),
        ("speech.txt", "other"),
        ("job-ad.md", "other"),
        ("changelog.md", "other"),
    ],
)
def test_a_document_that_is_not_a_spec_gets_its_genre(name: str, genre: str) -> None:
    seed = assess_file(FIXTURES / name)
    assert seed.genre_id == genre, seed.summary
    assert seed.verdict == "not-a-spec"


def test_bare_reporting_verbs_do_not_make_an_op_ed_news() -> None:
    """Bare "said" and "talks" are not reported speech; the author's stance decides the genre."""
    text = (FIXTURES / "op-ed-with-a-quote.md").read_text(encoding="utf-8")
    text += "\nThe mayor said so. The council says so too. The talks are over, officials said.\n"
    seed = assess_text(text)
    assert seed.genre_id == "opinion-article", seed.summary


def test_attributed_quotations_make_a_report_news() -> None:
    seed = assess_file(FIXTURES / "news-report.txt")
    rules = {hit.rule for hit in seed.evidence}
    assert "quoted-attribution" in rules


def test_a_commentary_and_a_conclusion_section_do_not_take_over_a_spec() -> None:
    seed = assess_file(FIXTURES / "spec-with-commentary.md")
    assert seed.verdict == "buildable"
    assert seed.genre_id == "requirements-spec"
    assert seed.dimensions.software_spec


@pytest.mark.parametrize(
    "line",
    [
        "2024-05-02T09:01:40  <ana> morning all",
        "[2019-01-05 09:00:01] <bob> hi",
        "[00:11] **Ann**: Hi all.",
        "[Speaker 1] [00:06] just saying",
    ],
)
def test_chat_layouts_are_chat_evidence(line: str) -> None:
    seed = assess_text("\n".join([line] * 12))
    assert seed.genre_id == "chat-log", seed.summary


def test_the_reference_seed_is_still_an_opinion_article() -> None:
    seed = assess_file(Path(__file__).parent.parent / "seeds" / "000_cf8943a875352be7.txt")
    assert seed.summary == (
        "opinion article — no software spec, no hardware target, no performance core"
    )


def _fired(text: str) -> set[str]:
    seed = assess_text(text)
    assert seed.scores is not None
    return {c.rule for c in seed.scores.contributions}


BRIEF_ADDRESSING_YOU = """# Assignment 3: a URL shortener

In this assignment you will write a small web service that shortens links.
You should be able to run it with one command, and you need to be able to explain each choice.
We need to be careful about abuse, so we should start with a simple rate limit.

## Requirements
- The service shall accept a long URL on POST /links and return a short code.
- The service shall redirect GET /{code} to the stored URL with status 301.
- You should find a way to store the links that survives a restart.

## Submission
Submit a link to your repository. What methods do you use to test it? How do you handle collisions?
"""


def test_a_brief_addressing_the_reader_is_no_stance() -> None:
    """ "You should be able to", "we need to be careful" and questions put to "you" plan a build."""
    fired = _fired(BRIEF_ADDRESSING_YOU)
    assert not fired & {"prescription-to-actors", "rhetorical-question"}
    assert assess_text(BRIEF_ADDRESSING_YOU).genre_id == "requirements-spec"


def test_prescriptions_to_public_actors_and_rhetorical_questions_are_stance() -> None:
    text = "Regulators should rethink the rules. Why would anyone trust them again? We must act."
    assert {"prescription-to-actors", "rhetorical-question"} <= _fired(text)


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (
            "El Ayuntamiento aprobó este martes el plan de transporte, según la portavoz. "
            '"Es un paso importante", afirmó la alcaldesa en una rueda de prensa. '
            "La oposición declaró que votará en contra.",
            "news-report",
        ),
        (
            "Tribune : il faut que la ville change de cap. À mon avis, le plan est une erreur. "
            "Nous devons cesser de construire des parkings. Je pense que les élus devraient "
            "écouter les cyclistes.",
            "opinion-article",
        ),
        ("据报道，该市政府周二通过了新的交通计划。发言人表示，新计划将于三月生效。", "news-report"),
        (
            "Comunicado de prensa. La empresa Ejemplo anuncia hoy la versión 2.0 de su "
            "plataforma, disponible para todos sus clientes.",
            "press-release",
        ),
    ],
)
def test_voice_in_other_languages(text: str, genre: str) -> None:
    assert assess_text(text).genre_id == genre


def test_bare_said_in_another_language_is_narration_not_news() -> None:
    """An essay that tells what a grandfather said is not a report (disse, dijo: bare "said")."""
    text = (
        "Quando eu era criança, meu avô tinha uma oficina. Um dia ele disse que o trabalho bom "
        "não parece trabalho. Eu perguntei por quê, e ele disse que a pessoa esquece das horas."
    )
    assert "reporting-verb-other-languages" not in _fired(text)
    assert assess_text(text).genre_id != "news-report"

"""Telling the build genres apart (round 12): tracker tickets and backlog stories in several
languages read as feature requests, short set tasks in German and Portuguese as requirements
specs, and a page that only names a mentoring programme is no idea list.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

import pytest
import re2

from triage import assess_text, default_ruleset


def _fires(rule_id: str, text: str) -> bool:
    return re2.search(default_ruleset().rule(rule_id).pattern(), text) is not None


def _count(rule_id: str, text: str) -> int:
    return len(re2.findall(default_ruleset().rule(rule_id).pattern(), text))


def _genre(text: str) -> str:
    return assess_text(text, markdown=True).genre_id


# --- a ticket of a task tracker, with its front matter, is one requested change
TASK_FILE = """---
id: kb-41c
status: open
deps: [kb-39a]
created: 2026-01-12T09:10:00Z
type: task
priority: 1
assignee: mira
tags: [frontend, backlog]
---
# Remember the last opened board

## Task
Store the id of the board a user opened last and open it again on the next visit.

## Context
People with many boards start every session by looking for the same one.

## Acceptance Criteria
- [ ] The last opened board id is kept per user
- [ ] Opening the app shows that board when it still exists
- [ ] A deleted board falls back to the board list

## Constraints
- No new table: reuse the user settings record
"""

# --- the same in German: a numbered backlog story with its epic, priority and status
STORY_DE = """# Story 12: Einkaufsliste aus dem Wochenplan erzeugen

**Epic:** Planung
**Priorität:** hoch
**Status:** Offen

---

## 1. Story-Satz

**Als** Nutzer möchte ich **aus den geplanten Gerichten der Woche eine Einkaufsliste erzeugen**,
damit ich **nichts vergesse**.

## 2. Akzeptanzkriterien

- [ ] Die Liste fasst gleiche Zutaten zusammen
- [ ] Mengen werden addiert
- [ ] Die Liste lässt sich abhaken
"""

# --- and in Spanish, with a metadata table
STORY_ES = """# TK-014-A: Exportar facturas a CSV

## Metadata

| Campo | Valor |
|-------|-------|
| Epic | TK-014 - Facturación |
| Status | pending |
| Priority | high |
| Labels | task, csv |

## Descripción

Permitir descargar las facturas del mes como un archivo CSV.

## Criterios de Aceptación

- [ ] GET /api/invoices.csv devuelve el archivo
- [ ] Una fila por factura
"""


@pytest.mark.parametrize("text", [TASK_FILE, STORY_DE, STORY_ES], ids=["task", "de", "es"])
def test_a_tracker_ticket_or_backlog_story_is_a_feature_request(text: str) -> None:
    assert _genre(text) == "feature-request"


def test_tracker_fields_in_other_languages_and_tables() -> None:
    assert _count("issue-tracker-fields", STORY_DE) == 3
    assert _count("issue-tracker-fields", STORY_ES) == 3
    assert _fires("issue-tracker-fields", "优先级：中")
    assert _fires("issue-tracker-fields", "Estimación: 3 puntos")


def test_a_proposal_header_is_no_tracker_ticket() -> None:
    header = "Status: Draft\nType: Standards Track\nCreated: 2021-04-01\n"
    assert not _fires("issue-tracker-fields", header)
    # a requirements table lists priority as a column, not as the field of one ticket
    assert not _fires("issue-tracker-fields", "| ID | Requirement | Priority |\n|----|----|----|")


def test_a_story_title_is_an_issue_title_but_a_user_stories_section_is_not() -> None:
    assert _fires("issue-title", "# Story 3: Undo the last move")
    assert _fires("issue-title", "## Historia de usuario: Registro de turnos")
    assert not _fires("issue-title", "## User Stories")
    assert not _fires("issue-title", "### User story 4")


# --- short set tasks in German and Portuguese, addressed to the builder
TASK_DE = """# Bewerbungsaufgabe Backend

## Aufgabe 1:

Implementieren Sie einen kleinen Webservice, über den Termine angelegt, gelesen, geändert und
gelöscht werden können. Ein Termin hat einen Titel, einen Beginn und eine Dauer.

- Die Termine sollen in einer lokalen Datei oder SQLite gespeichert werden.
- Entwickeln Sie eine einfache Weboberfläche für den Webservice.
- Beschreiben Sie kurz, wie man Ihre Lösung startet.
"""

TASK_PT = """# Reservas de salas

O seu desafio será implementar um serviço REST para uma empresa de coworking. Você foi contratado
para desenvolver a plataforma que guarda as reservas.

## Requisitos

- Cadastrar salas com nome e capacidade.
- Reservar uma sala por intervalo de horas.
- O serviço deve recusar reservas que se sobrepõem.
"""


def test_german_and_portuguese_set_tasks_are_brief_cues() -> None:
    assert _fires("brief-sections-other-languages", "## Aufgabe 1:")
    assert _fires("brief-sections-other-languages", "# Bewerbungsaufgabe Backend")
    assert _fires("brief-other-languages", TASK_DE)
    assert _fires("brief-other-languages", "Você foi contratado para desenvolver a plataforma")
    # a lesson step and the task of a public body are not
    assert not _fires("brief-other-languages", "Erstelle ein neues Projekt in der IDE.")
    assert not _fires("brief-sections-other-languages", "## Aufgaben der Behörde")


@pytest.mark.parametrize("text", [TASK_DE, TASK_PT], ids=["de", "pt"])
def test_a_short_set_task_is_a_requirements_spec(text: str) -> None:
    assert _genre(text) == "requirements-spec"


def test_an_underlined_coding_challenge_title_names_a_set_task() -> None:
    assert _fires("set-task-title", "Backend take-home challenge\n===========================\n")
    assert not _fires("set-task-title", "Notes on a coding challenge\n------------------\n")


# --- a page that names a mentoring programme again and again offers no idea by that alone
PROGRAMME_PAGE = """# Contributing during GSoC

We take part in Google Summer of Code every year. GSoC contributors should first read the
contribution guide, then open a small pull request. Questions about GSoC go to the forum; the
GSoC timeline is on the programme site. Past GSoC projects are listed in the wiki.
"""


def test_a_programme_mention_counts_once() -> None:
    assert _count("idea-program-mention", PROGRAMME_PAGE) >= 4
    assert not _fires("idea-list", PROGRAMME_PAGE)
    assert default_ruleset().rule("idea-program-mention").cap == 1

"""Genre cues of specs not written in English (round 11): format and protocol titles, call
definitions labelled part by part, decision records, proposal headings and take-home tasks in
the other languages the rules read. Each family has a text that must keep its reading and a
counter-example that must lose it.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

from tests.evidence import fires as _fires
from tests.evidence import signal_points as _points

# --- a protocol or format named in the title

ZH_QUEUE_PROTOCOL = """# 任务队列通信协议

客户端通过 TCP 连接服务器，每条命令以换行结束。

返回值：成功时返回 OK，失败时返回 ERROR。
"""

ZH_TREATY_NEWS = """# 两国签署贸易协议之后

记者从会场获悉，双方代表在周二签署了协议，市场反应平稳。
"""


def test_format_titles_in_other_languages_name_a_protocol() -> None:
    assert _fires("protocol-title", "# 任务队列通信协议")
    assert _fires("protocol-title", "title: 日志输出规范")
    assert _fires("protocol-title", "# 설정 파일 형식")
    assert _fires("protocol-title", "# Especificação")
    assert _points(ZH_QUEUE_PROTOCOL, "protocol") >= 3.0


def test_a_news_title_about_an_agreement_is_no_protocol() -> None:
    assert not _fires("protocol-title", ZH_TREATY_NEWS)
    assert not _fires("protocol-title", "# Sitzungsprotokoll")
    assert not _fires("protocol-title", "# 开发规范")


# --- a call defined label by label in Chinese, Japanese and Korean


def test_labelled_return_values_define_a_call() -> None:
    assert _fires("api-reference-definitions", "返回值：成功返回写入的字节数。")
    assert _fires("api-reference-definitions", "- **戻り値**: 削除した件数")
    assert _fires("api-reference-definitions", "반환값: 새 세션의 번호")


def test_return_values_mentioned_in_prose_define_nothing() -> None:
    assert not _fires("api-reference-definitions", "这个函数的返回值有时会被忽略。")
    assert not _fires("api-reference-definitions", "戻り値はあまり気にしなくてよい。")


# --- decision records and proposal headings


def test_decision_record_headings_in_other_languages() -> None:
    assert _fires("decision-record-sections", "## Decisión")
    assert _fires("decision-record-sections", "## Conséquences")
    assert _fires("decision-record-sections", "## 决策")
    assert _fires("proposal-sections-other-languages", "## 背景 / 动机")
    assert _fires("proposal-sections-other-languages", "## 方案（草案）")


def test_decisions_in_running_text_are_no_record() -> None:
    assert not _fires("decision-record-sections", "La decisión del juez sorprendió a todos.")
    assert not _fires("decision-record-sections", "## 决策者的困境")
    assert not _fires("proposal-sections-other-languages", "## 方案")


# --- take-home tasks and assignments


def test_assignment_phrases_in_japanese_korean_and_french() -> None:
    assert _fires("brief-other-languages", "以下の説明を読んだ上で課題に取り組んでください。")
    assert _fires("brief-other-languages", "検索画面を実装してください。")
    assert _fires("brief-other-languages", "로그인 화면을 구현해 주세요.")
    assert _fires("brief-other-languages", "Votre rôle est de rédiger la maquette de l'outil.")
    assert _fires("brief-other-languages", "Ce test technique porte sur une API.")
    assert _fires("srs-formula-other-languages", "la rédaction du cahier de charge")


def test_problems_and_candidates_of_public_life_are_no_assignment() -> None:
    assert not _fires("brief-other-languages", "地域の課題について住民と話し合った。")
    assert not _fires("brief-other-languages", "Le candidat a remporté le second tour.")
    assert not _fires("brief-other-languages", "Son rôle dans le gouvernement reste flou.")

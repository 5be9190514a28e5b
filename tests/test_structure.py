"""Sections and quotations: a genre cue counts for the part it lies in, quoted voices apart.

The texts are written for these tests (``tests/structure_texts.py``, ``tests/fixtures/genres``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.structure_texts import COMMENTARY, long_spec
from triage.inputs import Document, LargeText, count_words
from triage.judge import Judge, explain_document
from triage.rulebook import Policy, RuleSet
from triage.run import assess_text, default_ruleset
from triage.scan import (
    NO_STRUCTURE,
    POSITIONS,
    Re2Scanner,
    ScanResult,
    scan_large,
    structure_of,
)

ROOT = Path(__file__).resolve().parent.parent
GENRES = ROOT / "tests" / "fixtures" / "genres"


def _without(ruleset: RuleSet, *, fitted: bool = False, **off: tuple[str, ...]) -> Judge:
    """Return a judge of the rule set whose policy scopes or quotes nothing (``off``).

    Unless ``fitted``, the fitted second opinions are left out too: what is compared is the
    policy's reading of structure, which the fitted spec model could otherwise overrule.
    """
    policy = ruleset.policy
    structure = policy.structure.model_copy(update=off)
    update: dict[str, object] = {"structure": structure}
    if not fitted:
        update |= {"fitted_genre": None, "fitted_verdict": None}
    return Judge(ruleset.model_copy(update={"policy": policy.model_copy(update=update)}))


def _judged(text: str, judge: Judge | None = None) -> tuple[str, str]:
    ruleset = default_ruleset()
    doc = Document("t.md", text)
    decision = (judge or Judge(ruleset)).judge(doc, Re2Scanner(ruleset.rules).scan(text)).decision
    return decision.genre, decision.verdict


# ---- the structure map --------------------------------------------------------------------


def test_headings_of_every_kind_start_sections() -> None:
    text = (
        "Preamble words here.\n\n# Title\n\nbody\n\nSetext title\n============\n\nbody\n\n"
        "3.2 Data model\n\nbody\n\n4. Interfaces\n\nbody\n\nACCEPTANCE CRITERIA\n\nbody\n"
    )
    titles = [section.title for section in structure_of(text).sections]
    assert titles == [
        "",
        "Title",
        "Setext title",
        "3.2 Data model",
        "4. Interfaces",
        "ACCEPTANCE CRITERIA",
    ]


def test_list_items_code_and_front_matter_are_not_headings() -> None:
    text = (
        "---\ntitle: A post\nauthor: someone\n---\n\n"
        "1. Preheat the oven to 200 degrees and wait ten minutes before you start.\n\n"
        "```sh\n# not a heading\n```\n\nA sentence that ends.\n---\n"
    )
    structure = structure_of(text)
    assert [section.title for section in structure.sections] == [""]
    assert structure.words == len(text.split())


def test_sections_in_chinese_add_up_to_the_document_counted_per_character() -> None:
    text = "# 概述\n\n系统应支持在线预约。\n\n## 接口\n\n" + "每个请求返回一个结果。" * 40 + "\n"
    structure = structure_of(text)
    assert [section.title for section in structure.sections] == ["概述", "接口"]
    assert structure.words == count_words(text) > 400
    assert sum(section.words for section in structure.sections) == structure.words


def test_sections_add_up_to_the_document_and_know_their_headings() -> None:
    text = long_spec()
    structure = structure_of(text)
    assert structure.words == len(text.split())
    commentary = next(s for s in structure.sections if s.title.startswith("9. Commentary"))
    assert text[commentary.start : commentary.body].startswith("## 9. Commentary")
    assert structure.on_heading([commentary.start + 3, commentary.body + 1]) == [True, False]
    assert structure.title == 0


def test_quotations_of_every_kind_stay_inside_a_paragraph() -> None:
    text = (
        'She said "we will\nwin this" today. \u201cCurly one\u201d and \u00abguillemets\u00bb.\n\n'
        '> a block quote\n> on two lines\n\nAn opening " with no end\n\nthen "a new one" here.\n'
        'A 12" pipe is not a quote.\n'
    )
    quoted = [text[a:b] for a, b in structure_of(text).quotes]
    assert quoted == [
        '"we will\nwin this"',
        "\u201cCurly one\u201d",
        "\u00abguillemets\u00bb",
        "> a block quote\n> on two lines",
        '"a new one"',
    ]


def test_a_text_read_in_pieces_has_the_structure_and_hit_starts_of_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n\n".join(
        [
            long_spec(),
            (GENRES / "news-quotes-an-argument.md").read_text("utf-8"),
            "```\n\n# x\n\n```",
        ]
        * 3
    ).replace("fleet", "flotte é")
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    scanner = Re2Scanner(default_ruleset().rules)
    whole = scanner.scan(text)
    monkeypatch.setattr("triage.inputs.pieces.LARGE_FILE_BYTES", 1)
    monkeypatch.setattr("triage.inputs.pieces.PIECE_BYTES", 2000)
    _, pieces = scan_large(scanner, LargeText(path, 1 << 30))
    assert pieces.structure == whole.structure
    assert pieces.starts == whole.starts
    assert pieces.counts == whole.counts


def test_hit_starts_are_str_offsets_past_the_cap() -> None:
    from tests.conftest import regex_rule

    text = "é shall " * 40
    rule = regex_rule("shall", r"shall", cap=2).model_copy(update={"density": False})
    result = Re2Scanner([rule]).scan(text)
    assert result.counts == (2,)
    assert result.starts is not None
    starts = result.starts.of([0])[0]
    assert len(starts) == POSITIONS and all(text[s : s + 5] == "shall" for s in starts)
    assert len(result.spans[0]) == 2
    dense = Re2Scanner([rule.model_copy(update={"density": True})]).scan(text)
    assert dense.starts is not None and len(dense.starts.of([0])[0]) == 2  # to the cap only


@pytest.mark.slow
def test_both_engines_give_the_same_starts_and_structure() -> None:
    pytest.importorskip("hyperscan")
    from triage.scan import compile_scanner

    rules = default_ruleset().rules
    texts = [long_spec(), *(p.read_text("utf-8") for p in sorted(GENRES.iterdir()))]
    hyper, re2 = compile_scanner(rules, "hyperscan"), Re2Scanner(rules)
    for text in texts:
        assert hyper.scan(text) == re2.scan(text)


# ---- sections: a cue counts for its part ---------------------------------------------------


def test_a_long_spec_with_a_commentary_section_stays_a_buildable_spec() -> None:
    seed = assess_text(long_spec())
    assert (seed.genre_id, seed.verdict) == ("requirements-spec", "buildable"), seed.summary
    assert seed.dimensions.software_spec
    # Judged as a whole, the commentary's heading and language would make it an op-ed.
    assert _judged(long_spec(), _without(default_ruleset(), scoped=()))[0] == "opinion-article"


def test_the_commentary_heading_counts_for_its_section_only() -> None:
    ruleset = default_ruleset()
    text = long_spec()
    result = Re2Scanner(ruleset.rules).scan(text)
    features = Judge(ruleset).judge(Document("t.md", text), result).features
    label = next(f for f in features.fired if f.rule.id == "opinion-label")
    scope = features.reach.scopes[label.position]
    assert scope.share < 0.1 and scope.factor < 0.5
    assert label.points == pytest.approx(label.rule.weight * scope.factor, abs=0.01)


def test_an_op_ed_in_sections_stays_an_op_ed() -> None:
    text = (GENRES / "op-ed-in-sections.md").read_text("utf-8")
    assert _judged(text) == ("opinion-article", "not-a-spec")
    long = "\n\n".join([text.replace("# ", f"# Part {n}: ", 1) for n in range(16)])
    assert len(long.split()) > 3000
    assert _judged(long) == ("opinion-article", "not-a-spec")


def test_a_spec_whose_commentary_is_most_of_it_is_not_rescued() -> None:
    """Scoping weighs by words: a commentary as long as the spec still counts in full."""
    text = long_spec(
        commentary=COMMENTARY + "\n\n" + COMMENTARY.split("\n", 1)[1] * 12, requirements=20
    )
    ruleset = default_ruleset()
    features = (
        Judge(ruleset).judge(Document("t.md", text), Re2Scanner(ruleset.rules).scan(text)).features
    )
    assert all(scope.factor == 1.0 for scope in features.reach.scopes.values())


# ---- quotations: someone else's voice ------------------------------------------------------


@pytest.mark.parametrize("name", ["news-brief-mostly-quoted.txt", "news-quotes-an-argument.md"])
def test_a_news_report_quoting_an_argument_stays_news(name: str) -> None:
    text = (GENRES / name).read_text("utf-8")
    assert _judged(text) == ("news-report", "not-a-spec")


def test_the_quoted_argument_would_have_made_it_an_op_ed() -> None:
    text = (GENRES / "news-brief-mostly-quoted.txt").read_text("utf-8")
    assert _judged(text, _without(default_ruleset(), quoted=()))[0] == "opinion-article"


def test_explain_marks_quoted_hits_and_confined_cues() -> None:
    ruleset = default_ruleset()
    text = (GENRES / "news-quotes-an-argument.md").read_text("utf-8")
    shown = explain_document(
        Document("news.md", text), Re2Scanner(ruleset.rules).scan(text), ruleset
    )
    assert "quoted (not counted)" in shown and "[quoted] " in shown
    text = long_spec()
    shown = explain_document(
        Document("spec.md", text), Re2Scanner(ruleset.rules).scan(text), ruleset
    )
    assert "(its sections hold 4%)" in shown and "decided by:" in shown


def test_strings_of_a_json_file_are_not_quotations() -> None:
    text = (
        "[" + ",".join(f'{{"id": "{n}", "note": "I think this is wrong"}}' for n in range(30)) + "]"
    )
    ruleset = default_ruleset()
    features = (
        Judge(ruleset)
        .judge(Document("t.json", text), Re2Scanner(ruleset.rules).scan(text))
        .features
    )
    assert not features.reach.quoted


# ---- what does not change ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        ROOT / "seeds" / "000_cf8943a875352be7.txt",
        GENRES / "op-ed-with-a-quote.md",
        GENRES / "spec-with-commentary.md",
        GENRES / "speech.txt",
    ],
)
def test_short_or_heading_less_texts_without_quotes_are_judged_as_before(path: Path) -> None:
    ruleset = default_ruleset()
    text = path.read_text("utf-8")
    doc, result = Document(path.name, text), Re2Scanner(ruleset.rules).scan(text)
    now = Judge(ruleset).judge(doc, result)
    before = _without(ruleset, fitted=True, scoped=(), quoted=()).judge(doc, result)
    assert now.features.points == before.features.points or now.features.reach.quoted
    assert now.decision == before.decision


def test_a_result_without_starts_or_structure_is_judged_as_a_whole() -> None:
    ruleset = default_ruleset()
    text = long_spec()
    full = Re2Scanner(ruleset.rules).scan(text)
    bare = ScanResult(full.counts, full.spans)
    assert bare.structure == NO_STRUCTURE
    judged = Judge(ruleset).judge(Document("t.md", text), bare)
    whole = _without(ruleset, fitted=True, scoped=(), quoted=())
    assert judged.decision.genre == _judged(text, whole)[0]


def test_the_policy_refuses_to_scope_a_dimension_signal() -> None:
    data = default_ruleset().policy.model_dump(mode="json")
    data["structure"]["scoped"] = ["opinion", "feature", "nonsense"]
    with pytest.raises(ValueError, match="feeds dimension software_spec") as raised:
        Policy.model_validate(data)
    assert "unknown signal 'nonsense'" in str(raised.value)


# ---- heading levels: a heading heads its subsections ------------------------------------


def test_headings_know_their_level() -> None:
    text = (
        "# Title\n\nbody\n\n## Part\n\nbody\n\n### Detail\n\nbody\n\nSetext title\n============\n\n"
        "body\n\nSetext part\n-----------\n\nbody\n\n3.2 Data model\n\nbody\n\n4. Interfaces\n\n"
        "body\n\nACCEPTANCE CRITERIA\n\nbody\n"
    )
    levels = [(s.title, s.level) for s in structure_of(text).sections]
    assert levels == [
        ("Title", 1),
        ("Part", 2),
        ("Detail", 3),
        ("Setext title", 1),
        ("Setext part", 2),
        ("3.2 Data model", 2),
        ("4. Interfaces", 1),
        ("ACCEPTANCE CRITERIA", 0),
    ]


def test_a_heading_heads_the_deeper_sections_up_to_its_next_peer() -> None:
    text = (
        "## Install\n\nwords\n\n### Linux\n\nwords\n\n#### Arch\n\nwords\n\n### macOS\n\nwords\n\n"
        "## Usage\n\nwords\n\n### Flags\n\nwords\n\nNOTES\n\nwords\n"
    )
    structure = structure_of(text)
    assert structure.with_subsections({0}) == {0, 1, 2, 3}
    assert structure.with_subsections({1}) == {1, 2}
    assert structure.with_subsections({4}) == {4, 5}  # an all-caps heading ends it: level unknown
    assert structure.with_subsections({6}) == {6}


def test_a_heading_cue_weighs_for_its_subsections() -> None:
    # Over 1,000 words, so cues are scoped; the install steps are most of the text.
    steps = "\n\n".join(
        f"### Step {n}\n\n" + " ".join(["Run the command and check what it prints."] * 20)
        for n in range(1, 6)
    )
    text = (
        "# Gizmo\n\nGizmo turns logs into charts.\n\n## Installation\n\n" + steps + "\n\n"
        "## Design notes\n\n" + " ".join(["The charts are drawn from the parsed records."] * 40)
    )
    ruleset = default_ruleset()
    result = Re2Scanner(ruleset.rules).scan(text)
    features = Judge(ruleset).judge(Document("t.md", text), result).features
    readme = next(f for f in features.fired if f.rule.id == "readme-sections")
    scope = features.reach.scopes[readme.position]
    titles = [result.structure.sections[i].title for i in scope.sections]
    assert titles == ["Installation", *(f"Step {n}" for n in range(1, 6))]
    assert scope.share > 0.5

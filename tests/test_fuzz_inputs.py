"""Fuzz harness (issue 14): readers, INDEX.md and rule files never raise out of the library.

Hypothesis builds hostile inputs from the shapes people and attackers send: bytes in every
supported suffix (odd encodings, truncated Word and PDF files, hostile HTML, escapes), INDEX.md
text with links in every position, rule packs and policies as random YAML. The library must
answer every one of them with a report (a verdict or an error row), or refuse it with its own
``TriageError``; anything else is a bug. Every report is also rendered in every output format.

Bounded for CI: ``TRIAGE_FUZZ_EXAMPLES`` examples per test (default 60; the whole fuzz run,
this file and ``test_fuzz_cli.py``, takes well under 60 s); raise it to fuzz longer locally.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import event, given
from hypothesis import strategies as st

from tests.conftest import CSV_PACK, FUZZ
from triage import TriageError, assess_paths, assess_text, load_rules
from triage.cache import CACHE_VARIABLE
from triage.inputs import FORMATS as INPUT_FORMATS
from triage.outputs import FORMATS as OUTPUT_FORMATS
from triage.outputs import RenderOptions, render_bytes
from triage.rulebook import default_rules_dir

SUFFIXES = sorted({*INPUT_FORMATS, ".bin", ".MD", ".Txt"})
TOKENS = [
    "[", "](", ")", "![", "|", "- ", "* ", "1. ", "`", "```", "~~~", "    ", "<!--", "-->", "\n",
    "../", "/", "/etc/passwd", "%2e%2e/", "http://x", "file:///", "#", "INDEX.md", "seed.txt",
    "seed.md", "sub/", "\x00", "\x1b[31m", "\x1b]8;;x\x07", "\u202e", "\ufeff", "\r", "\t", "<",
    ">", "&amp;", "<script>", "</script>", '<p style="display:none">', "<![CDATA[", "<!DOCTYPE",
    '<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;", "shall", "must", "ms", "MHz", "API", " ",
]  # fmt: skip
TOKEN_TEXT = st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=400), TOKEN_TEXT)
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1252",
    "latin-1",
]


def _docx(body: str) -> bytes:
    """A Word file whose document part is ``body`` (often not valid XML on purpose)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", body)
    return out.getvalue()


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


DOC_BYTES = st.one_of(
    st.binary(max_size=2000),
    st.builds(_encoded, ANY_TEXT, st.sampled_from(ENCODINGS)),
    ANY_TEXT.map(_docx),
    st.binary(max_size=600).map(lambda tail: b"%PDF-1.4\n" + tail),
    st.binary(max_size=600).map(lambda tail: b"PK\x03\x04" + tail),
)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep fuzzed rule sets and databases out of the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VARIABLE, str(tmp_path_factory.mktemp("fuzz-cache")))
        yield


def _check_report_renders(paths: list[Path], **options: object) -> None:
    """Assess and render in every output format: a report, or a ``TriageError``, nothing else."""
    try:
        report = assess_paths(paths, **options)  # type: ignore[arg-type]
    except TriageError:
        event("refused with a TriageError")
        return
    event(f"{sum(seed.error is not None for seed in report.seeds)} error rows")
    assert all((seed.verdict is None) != (seed.error is None) for seed in report.seeds)
    for name in OUTPUT_FORMATS:
        assert render_bytes(report, name, RenderOptions(terminal=True, colour=True))


@FUZZ
@given(data=DOC_BYTES, suffix=st.sampled_from(SUFFIXES))
def test_fuzz_readers_any_bytes_in_any_suffix(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"seed{suffix}"
        path.write_bytes(data)
        _check_report_renders([path])


@FUZZ
@given(text=ANY_TEXT, markdown=st.booleans())
def test_fuzz_assess_text(text: str, markdown: bool) -> None:
    report = assess_text(text, markdown=markdown)
    assert (report.verdict is None) != (report.error is None)


@FUZZ
@given(index=ANY_TEXT, seed=DOC_BYTES, allow_outside=st.booleans())
def test_fuzz_index_text(index: str, seed: bytes, allow_outside: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "seeds"
        (root / "sub").mkdir(parents=True)
        (root / "seed.txt").write_bytes(seed)
        (root / "seed.md").write_text("The tool shall export CSV within 2 s.\n", "utf-8")
        (root / "sub" / "INDEX.md").write_text("- [up](../seed.txt)\n", "utf-8")
        (root / "empty.md").write_bytes(b"")
        (root / "out.md").symlink_to("/etc/hostname")
        (root / "INDEX.md").write_text(index, encoding="utf-8", errors="surrogatepass")
        _check_report_renders([root / "INDEX.md"], allow_outside=allow_outside)


# Values a rule or policy may hold, the right kind and the wrong kind.
RULE_KEYS = [
    "id", "kind", "signal", "regex", "phrases", "near", "words", "within", "weight", "cap",
    "description", "examples", "fires", "quiet", "pack", "rules", "flags", "x",
]  # fmt: skip
SCALARS = st.one_of(
    st.sampled_from(
        ["regex", "phrases", "near", "feature", "opinion", "a-b", "", "x*", "(a", "\\b"]
    ),
    st.text(max_size=12),
    st.integers(-3, 10**12),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
)
YAML_DATA = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(RULE_KEYS), inner, max_size=6)
    ),
    max_leaves=25,
)
WORDS = st.lists(st.text("abcxyz -_.é\\*", min_size=1, max_size=8), min_size=1, max_size=3)
COMMON = {
    "signal": st.sampled_from(["feature", "performance", "opinion"]),
    "description": st.just("A fuzzed rule."),
    "examples": st.just({"fires": ["x"], "quiet": ["y"]}),
}
OPTIONAL = {"weight": SCALARS, "cap": st.integers(0, 1001), "case_sensitive": st.booleans()}
RULE = st.one_of(
    st.fixed_dictionaries(
        {"kind": st.just("regex"), "regex": st.text("ab()[]{}*+?|\\^$.,:-dwsbB0123 ", max_size=16)}
        | COMMON,
        optional=OPTIONAL,
    ),
    st.fixed_dictionaries(
        {"kind": st.just("phrases"), "phrases": WORDS} | COMMON, optional=OPTIONAL
    ),
    st.fixed_dictionaries(
        {"kind": st.just("near"), "first": WORDS, "then": WORDS, "within": st.integers(-1, 31)}
        | COMMON,
        optional=OPTIONAL,
    ),
)
RULES = st.lists(RULE, max_size=5).map(
    lambda rules: {"pack": "mine", "rules": [{"id": f"r{n}", **r} for n, r in enumerate(rules)]}
)


POLICY = (default_rules_dir() / "policy.yaml").read_text(encoding="utf-8")
POLICY_LINES = POLICY.splitlines()


def _pack_text(data: object, raw: str, how: str) -> str:
    if how == "raw":
        return raw
    text = yaml.safe_dump(data, allow_unicode=True)
    return text + raw if how == "append" else text


@FUZZ
@given(
    data=st.one_of(YAML_DATA, RULES),
    raw=TOKEN_TEXT,
    how=st.sampled_from(["dump", "dump", "dump", "append", "raw"]),
    encoding=st.sampled_from(["utf-8", "utf-8", "utf-8", *ENCODINGS]),
)
def test_fuzz_rule_packs(data: object, raw: str, how: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder)  # alone, so that each new rule set compiles in milliseconds
        (rules / "policy.yaml").write_text(POLICY, encoding="utf-8")
        (rules / "mine.yaml").write_bytes(_encoded(_pack_text(data, raw, how), encoding))
        try:
            ruleset = load_rules([rules], include_defaults=False)
        except TriageError:
            event("refused with a TriageError")
            return
    event(f"loaded {len(ruleset.rules)} rules")
    for engine in ("re2", "hyperscan"):
        report = assess_text("The tool shall export CSV within 2 s. " + raw, ruleset, engine=engine)
        assert (report.verdict is None) != (report.error is None)


@FUZZ
@given(
    line=st.integers(0, len(POLICY_LINES) - 1),
    replacement=st.one_of(TOKEN_TEXT, YAML_DATA.map(lambda d: yaml.safe_dump(d).rstrip())),
)
def test_fuzz_policy_edits(line: int, replacement: str) -> None:
    lines = list(POLICY_LINES)
    indent = lines[line][: len(lines[line]) - len(lines[line].lstrip())]
    lines[line] = indent + replacement.replace("\n", "\n" + indent)
    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder)
        (rules / "policy.yaml").write_text("\n".join(lines) + "\n", "utf-8", "surrogatepass")
        (rules / "small.yaml").write_text(CSV_PACK, encoding="utf-8")
        try:
            ruleset = load_rules([rules], include_defaults=False)
        except TriageError:
            event("refused with a TriageError")
            return
    event(f"loaded {len(ruleset.rules)} rules")
    report = assess_text("The tool shall export CSV within 2 s.", ruleset)
    assert (report.verdict is None) != (report.error is None)

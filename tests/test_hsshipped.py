"""The presence database shipped for the default rules: it holds them all, and only what it
lacks is compiled; a file that cannot be used is ignored, never trusted."""

from __future__ import annotations

import lzma
import platform
from collections.abc import Callable
from pathlib import Path

import pytest

from triage.rulebook import RegexRule
from triage.run import default_ruleset

hsshipped = pytest.importorskip("triage.scan.hsshipped", exc_type=ImportError)
hsdatabase = pytest.importorskip("triage.scan.hsdatabase", exc_type=ImportError)
hsengine = pytest.importorskip("triage.scan.hsengine", exc_type=ImportError)

FRUIT = [r"\bapple\b", r"(?i)\bpear\b", r"\bplum\w*"]
REBUILD = "the rules changed: rebuild it with `python -m triage.scan.hsshipped` and commit it"


@pytest.fixture()
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIAGE_CACHE_DIR", "off")


@pytest.fixture()
def compiled(monkeypatch: pytest.MonkeyPatch, no_cache: None) -> list[int]:
    """Record the size of every database compiled (the shipped one is never compiled)."""
    sizes: list[int] = []
    real = hsdatabase.compile_database

    def recording(expressions: list[tuple[bytes, int]]) -> object:
        sizes.append(len(expressions))
        return real(expressions)

    monkeypatch.setattr(hsdatabase, "compile_database", recording)
    return sizes


@pytest.fixture()
def fruit(tmp_path: Path) -> Path:
    path = tmp_path / "fruit.hsdb.xz"
    hsshipped.write_shipped(FRUIT, path)
    return path


def _expressions(patterns: list[str]) -> list[tuple[bytes, int]]:
    return hsshipped.presence_expressions(patterns)  # type: ignore[no-any-return]


def test_the_shipped_database_holds_every_default_rule() -> None:
    header = hsshipped.shipped_header()
    if header["machine"] != platform.machine():
        pytest.skip(f"the shipped database is for {header['machine']}")
    installed = hsdatabase.hyperscan_version()
    assert header["hyperscan"] == installed, "pin hyperscan to the shipped version"
    held = {(text.encode(), flags) for flags, text in header["expressions"]}
    patterns = [rule.pattern() for rule in default_ruleset().rules]
    lacking = [e for e in _expressions(patterns) if e not in held]
    assert lacking == [], REBUILD
    assert hsshipped.read_shipped() is not None


def test_only_what_the_shipped_database_lacks_is_compiled(fruit: Path, compiled: list[int]) -> None:
    presence = hsshipped.load_presence(_expressions([FRUIT[1], r"\bkiwi\b"]), shipped=fruit)
    assert compiled == [1]  # kiwi alone
    assert presence.shipped == 1
    shipped_part, own_part = presence.parts
    assert shipped_part.rules == (-1, 0, -1)  # apple and plum are not this run's rules
    assert own_part.rules == (1,)


def test_the_shipped_database_of_the_default_rules_compiles_nothing(compiled: list[int]) -> None:
    if hsshipped.read_shipped() is None:
        pytest.skip("the shipped presence database is for another Hyperscan or machine")
    rules = default_ruleset().rules
    presence = hsengine.HyperscanScanner(rules[::2]).load_presence()
    assert compiled == []
    assert presence.shipped == len(rules[::2])


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"not lzma at all",
        lambda data: lzma.compress(lzma.decompress(data).replace(b'"format": 1', b'"format": 9')),
        lambda data: lzma.compress(
            lzma.decompress(data).replace(b'"machine": "', b'"machine": "z')
        ),
        lambda data: lzma.compress(
            lzma.decompress(data).replace(b'"hyperscan": "', b'"hyperscan": "0')
        ),
        lambda data: lzma.compress(lzma.decompress(data)[:-100]),  # a database cut short
    ],
)
def test_a_shipped_file_that_cannot_be_used_is_ignored(
    fruit: Path, compiled: list[int], damage: Callable[[bytes], bytes]
) -> None:
    fruit.write_bytes(damage(fruit.read_bytes()))
    hsshipped.read_shipped.cache_clear()
    assert hsshipped.read_shipped(fruit) is None
    presence = hsshipped.load_presence(_expressions(FRUIT), shipped=fruit)
    assert compiled == [3] and presence.shipped == 0


def test_the_presence_pass_reports_only_the_runs_rules(
    fruit: Path, monkeypatch: pytest.MonkeyPatch, no_cache: None
) -> None:
    rules = [_rule("pear", r"\bpear\b"), _rule("kiwi", r"\bkiwi\b")]
    hsshipped.write_shipped([r"\bapple\b", rules[0].pattern(), r"\bplum\w*"], fruit)
    monkeypatch.setattr(hsshipped, "SHIPPED", fruit)
    scanner = hsengine.HyperscanScanner(rules)
    pad = " z" * (hsengine.PRESENCE_BYTES // 2)  # large: the presence pass, not the RE2 sets
    assert sorted(scanner.fired(f"apple PEAR plums kiwi{pad}".encode())) == [0, 1]
    assert sorted(scanner.fired(f"apple plums{pad}".encode())) == []
    assert scanner.load_presence().shipped == 1


def _rule(rule_id: str, regex: str) -> RegexRule:
    fields = {"id": rule_id, "kind": "regex", "signal": "feature", "regex": regex}
    examples = {"fires": ["x"], "quiet": ["y"]}  # not checked here
    return RegexRule.model_validate({**fields, "description": "test", "examples": examples})


def test_the_rebuild_command_writes_a_database_that_holds_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = [_rule("pear", r"\bpear\b"), _rule("kiwi", r"\bkiwi\b")]
    target = tmp_path / "rebuilt.hsdb.xz"
    monkeypatch.setattr(hsshipped, "SHIPPED", target)
    monkeypatch.setattr(hsshipped, "load_rules", lambda: type("Set", (), {"rules": rules}))
    assert hsshipped.main() == 0
    assert capsys.readouterr().out.startswith("rebuilt.hsdb.xz: 2 rules, ")
    presence = hsshipped.load_presence(_expressions([r.pattern() for r in rules]), shipped=target)
    assert presence.shipped == 2 and len(presence.parts) == 1

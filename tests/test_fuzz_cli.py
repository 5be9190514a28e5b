"""Fuzz harness (issue 14): random command lines over random files exit 0, 1 or 2, never a trace.

The options come from the real parsers of every registered subcommand (a new option is fuzzed
as soon as it exists); their values, and the positional paths, are drawn from values that are
right, wrong and hostile: files of the sandbox (seeds, an index, rule packs, a random file),
missing paths, ``-``, sizes in every spelling, numbers out of range. Each command line runs
in-process in a fresh sandbox folder, with the cache in a private folder. The run passes when
every command line returns 0, 1 or 2 (argparse's own exits included) and raises nothing else.

Bounded for CI by ``TRIAGE_FUZZ_EXAMPLES`` (default 60, see ``test_fuzz_inputs.py``).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from tests.conftest import CSV_PACK, FUZZ
from triage.cache import CACHE_VARIABLE
from triage.cli.main import COMMANDS, MAIN_COMMAND, main
from triage.registry import resolve

ROOT = Path(__file__).resolve().parent.parent
SPEC = "The tool shall export every loan as CSV within 2 s.\nUsers can search by title.\n"
PATHS = [
    "seeds", "seeds/INDEX.md", "seeds/spec.md", "seeds/note.txt", "seeds/random.bin",
    "seeds/random.md", "seeds/empty.txt", "seeds/link.md", "my-rules", "broken-rules",
    "labelled", "missing.md", "missing/", "out.txt", "out/report.md", ".", "..", "-", "",
    "seeds/../seeds", "\x1b[31mred.md", "a\nb.md",
]  # fmt: skip
VALUES = [
    "0",
    "1",
    "2",
    "-1",
    "abc",
    "",
    "50MB",
    "50 MB",
    "200k",
    "1e9",
    "9" * 30,
    "csv-export",
    "modal-shall",
    "never",
    "json",
    "hyperscan",
    "\x1b]8;;x\x07",
    "\u202e",
    "--",
]  # fmt: skip  (no NUL: a process's arguments cannot hold one)
RANDOM_BYTES = st.one_of(
    st.binary(max_size=500),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(["[a](", "](spec.md)", "- ", "|", "`", "\n", "x"]), max_size=30)
    .map("".join)
    .map(str.encode),
)


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """Return the parser of the main command ("") and of every registered subcommand."""
    targets = {"": MAIN_COMMAND, **COMMANDS}
    return {
        name: resolve(target.replace(":run", ":build_parser"))() for name, target in targets.items()
    }


PARSERS = _parsers()


# Right values for an option or positional, by its ``dest``; drawn three times in four.
RIGHT = {
    "max_bytes": ["50MB", "200k", "1000000", "1"],
    "jobs": ["1", "2"],
    "timeout": ["60", "1", "0.5"],
    "output": ["out.txt", "out/report.md", "-", "seeds/new.md", "seeds/spec.md"],
    "rules": ["my-rules", "broken-rules", "seeds"],
    "disable": ["csv-export", "modal-shall"],
    "paths": ["seeds", "seeds/INDEX.md", "seeds/spec.md", "seeds/random.md", "seeds/random.bin"],
    "file": ["seeds/spec.md", "seeds/random.md", "seeds/random.bin", "seeds/link.md"],
    "folder": ["seeds", "labelled", "."],
}


def _value(draw: st.DrawFn, action: argparse.Action) -> str:
    right = [str(c) for c in action.choices or ()] or RIGHT.get(action.dest, [])
    if right and draw(st.integers(0, 3)):
        return draw(st.sampled_from(right))
    return draw(st.sampled_from(VALUES + PATHS))


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """Draw a command line: a subcommand, some of its real options, values and positionals."""
    name = draw(st.sampled_from(sorted(PARSERS)))
    options = [a for a in PARSERS[name]._actions if a.option_strings]
    # --help and --version end the run at once: drawn rarely, so most runs go deep.
    early = [a for a in options if {"--help", "--version"} & set(a.option_strings)]
    actions = [a for a in options if a not in early] or options
    if draw(st.integers(0, 19)) == 0:
        actions = early
    argv = [name] if name else []
    for action in draw(st.lists(st.sampled_from(actions), max_size=5)):
        argv.append(draw(st.sampled_from(action.option_strings)))
        if action.nargs != 0:
            argv.append(_value(draw, action))
    for action in (a for a in PARSERS[name]._actions if not a.option_strings):
        most = {None: 1, "?": 1}.get(action.nargs, 3)  # type: ignore[call-overload]
        least = 1 if action.nargs is None else 0
        count = draw(st.integers(0, 4)) if draw(st.integers(0, 9)) == 0 else None
        for _ in range(draw(st.integers(least, most)) if count is None else count):
            argv.append(_value(draw, action))
    return draw(st.permutations(argv)) if draw(st.integers(0, 4)) == 0 else argv


def _sandbox(root: Path, random: bytes) -> None:
    """Seeds with an index, a random file, a good and a broken rule folder, a labelled folder."""
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "spec.md").write_text(SPEC, encoding="utf-8")
    (seeds / "note.txt").write_text("Some words about nothing in particular.\n", "utf-8")
    (seeds / "random.bin").write_bytes(random)
    (seeds / "random.md").write_bytes(random)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "link.md").symlink_to("../outside.md")
    (root / "outside.md").write_text(SPEC, encoding="utf-8")
    index = "# Seeds\n\n- [spec](spec.md)\n- [note](note.txt)\n- [random](random.md)\n"
    (seeds / "INDEX.md").write_text(index, encoding="utf-8")
    (root / "my-rules").mkdir()
    (root / "my-rules" / "mine.yaml").write_text(CSV_PACK, encoding="utf-8")
    (root / "broken-rules").mkdir()
    (root / "broken-rules" / "mine.yaml").write_bytes(random or b"pack: [")
    (root / "labelled").mkdir()
    (root / "labelled" / "spec.md").write_text(SPEC, encoding="utf-8")
    (root / "labelled" / "labels.yaml").write_bytes(random)


@pytest.fixture()
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder for the whole fuzz run, so Hyperscan compiles the default rules once."""
    folder = tmp_path_factory.mktemp("fuzz-cli-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VARIABLE, str(folder))
        yield folder


def run_in(root: Path, argv: list[str], cache: Path) -> int:
    """Run one command line in ``root`` with empty stdin; return its exit code."""
    before, stdin = Path.cwd(), sys.stdin
    os.chdir(root)
    sys.stdin = io.TextIOWrapper(io.BytesIO(b""))
    own_cache = argv[:1] == ["cache"]  # `cache clear` must not clear the shared cache
    os.environ[CACHE_VARIABLE] = str(root / "cache" if own_cache else cache)
    try:
        return int(main(argv))
    except SystemExit as exited:  # argparse: --help, --version, usage errors
        code = exited.code
        return code if isinstance(code, int) else 2
    finally:
        os.environ[CACHE_VARIABLE] = str(cache)
        sys.stdin = stdin
        os.chdir(before)


@FUZZ
@given(argv=command_lines(), random=RANDOM_BYTES)
def test_fuzz_command_lines_exit_0_1_or_2(
    argv: list[str], random: bytes, private_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _sandbox(root, random)
        code = run_in(root, argv, private_cache)
    capsys.readouterr()
    event(f"exit {code}")
    assert code in (0, 1, 2), (argv, code)

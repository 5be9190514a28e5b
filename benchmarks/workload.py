"""Reproducible benchmark workload: real text when the corpus is beside the project, else generated.

Real text (``Corpus``): the public documents of ``../shared/corpus/docs``. The small documents are
slices of about ``DOC_CHARS`` characters of them, chosen by a seeded generator (a document shorter
than that is taken whole); the large texts are the documents concatenated in seeded order. The
texts are only written to the benchmark's temporary folder, never into the repository.

Generated text (``Generated``, the fallback): paragraphs of the project's own texts — ``seeds/``,
``examples/``, ``tests/`` fixtures, the README and the example texts inside the rule packs —
shuffled by a seeded generator. Either way every run builds byte-identical files.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DOCS = ROOT.parent / "shared" / "corpus" / "docs"
SEED = 20260206
DOC_CHARS = 5_000
_STEP = 1 << 20  # characters written at a time


class Source(Protocol):
    """Where the workload's text comes from."""

    name: str

    def document(self, number: int) -> tuple[str, str]:
        """Return the ``number``-th small document and its file suffix (the same on every run)."""
        ...

    def stream(self, seed: int) -> Iterator[str]:
        """Yield an endless text in pieces (the same for the same seed)."""
        ...


def choose_source() -> Source:
    """Return the corpus beside the project when present, else the generated text."""
    if CORPUS_DOCS.is_dir() and any(CORPUS_DOCS.iterdir()):
        return Corpus(CORPUS_DOCS)
    return Generated()


class Corpus:
    """Real text: slices and concatenations of the corpus documents."""

    def __init__(self, folder: Path) -> None:
        """Read every document of ``folder`` (bytes kept as they are, CRLF included)."""
        files = sorted(p for p in folder.iterdir() if p.is_file())
        self.texts = [p.read_bytes().decode("utf-8", "replace") for p in files]
        self.suffixes = [p.suffix or ".txt" for p in files]
        size = sum(len(t.encode("utf-8")) for t in self.texts)
        self.name = f"real text: {len(files)} documents of {folder} ({size / 1e6:.1f} MB)"

    def document(self, number: int) -> tuple[str, str]:
        """Return a slice of about ``DOC_CHARS`` characters of a seeded choice of document."""
        rng = random.Random(SEED + number)
        index = rng.randrange(len(self.texts))
        text = self.texts[index]
        if len(text) > DOC_CHARS:
            start = rng.randrange(len(text) - DOC_CHARS + 1)
            line = text.rfind("\n", 0, start) + 1  # from the start of a line
            text = text[line : line + DOC_CHARS]
        return text, self.suffixes[index]

    def stream(self, seed: int) -> Iterator[str]:
        """Yield the documents, blank-line separated, in a new seeded order each round."""
        rng = random.Random(seed)
        order = list(range(len(self.texts)))
        while True:
            rng.shuffle(order)
            for index in order:
                yield self.texts[index].strip("\n") + "\n\n"


class Generated:
    """Generated text: the project's own paragraphs, shuffled."""

    name = "generated text: the project's own paragraphs (no corpus beside the project)"

    def document(self, number: int) -> tuple[str, str]:
        """Return about ``DOC_CHARS`` characters of shuffled paragraphs."""
        return text_of_size(DOC_CHARS, SEED + number), ".md"

    def stream(self, seed: int) -> Iterator[str]:
        """Yield 1 MB texts of shuffled paragraphs, one seed after the other."""
        number = 0
        while True:
            yield text_of_size(_STEP, seed + number)
            number += 1


@lru_cache(maxsize=1)
def paragraphs() -> tuple[str, ...]:
    """Return every paragraph of the project's own texts, in a fixed order."""
    sources = [
        *sorted((ROOT / "seeds").rglob("*")),
        *sorted((ROOT / "examples").rglob("*")),
        *sorted((ROOT / "tests").rglob("*.md")),
        *sorted((ROOT / "tests").rglob("*.txt")),
        ROOT / "README.md",
    ]
    found: list[str] = []
    for path in sources:
        if path.is_file() and path.name != "INDEX.md":
            found.extend(_split(path.read_text(encoding="utf-8", errors="replace")))
    found.extend(_rule_examples())
    return tuple(p for p in found if p.strip())


def _split(text: str) -> list[str]:
    return [block.strip("\n") for block in text.split("\n\n")]


def _rule_examples() -> list[str]:
    import yaml

    texts = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in data.get("rules", []):
            examples = rule.get("examples", {})
            texts.extend([*examples.get("fires", []), *examples.get("quiet", [])])
    return texts


def text_of_size(size: int, seed: int = SEED) -> str:
    """Return a text of about ``size`` characters: shuffled paragraphs, blank-line separated."""
    rng = random.Random(seed)
    pool = paragraphs()
    parts: list[str] = []
    total = 0
    while total < size:
        part = rng.choice(pool)
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)[:size] + "\n"


def write_text(source: Source, path: Path, size: int, seed: int = SEED) -> Path:
    """Write one text of about ``size`` characters from ``source``, streamed; return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        for piece in source.stream(seed):
            piece = piece[: size - written]
            out.write(piece)
            written += len(piece)
            if written >= size:
                break
    return path


def write_documents(source: Source, folder: Path, count: int) -> Path:
    """Write ``count`` small documents from ``source`` and an INDEX.md listing them."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for number in range(count):
        text, suffix = source.document(number)
        name = f"doc-{number:05}{suffix}"
        (folder / name).write_text(text, encoding="utf-8", newline="")
        lines.append(f"- [{name}]({name})")
    (folder / "INDEX.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "INDEX.md"

"""Reproducible benchmark workload built only from the project's own texts.

Paragraphs come from ``seeds/``, ``examples/``, ``tests/`` fixtures, the README and the example
texts inside the rule packs; a seeded random generator shuffles them into documents, so every run
builds byte-identical files.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20260206


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


def write_text(path: Path, size: int, seed: int = SEED) -> Path:
    """Write one generated text of about ``size`` characters, streamed; return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    step = 1 << 20
    with path.open("w", encoding="utf-8") as out:
        for number, start in enumerate(range(0, size, step)):
            out.write(text_of_size(min(step, size - start), seed + number))
    return path


def write_documents(folder: Path, count: int, size: int = 5_000) -> Path:
    """Write ``count`` documents of about ``size`` characters and an INDEX.md listing them."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for number in range(count):
        name = f"doc-{number:05}.md"
        (folder / name).write_text(text_of_size(size, SEED + number), encoding="utf-8")
        lines.append(f"- [{name}]({name})")
    (folder / "INDEX.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "INDEX.md"

"""Writing an INDEX.md for a folder (``triage index DIR``): the only command that writes there.

A refresh keeps what a person wrote: the text above the list, the order of entries and their
titles. Files new in the folder are added at the end with a title made from the file name;
entries whose file is gone are dropped and reported; URL entries are kept as written. The file
is replaced atomically, and left untouched when nothing changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from triage.errors import InputError
from triage.inputs import (
    INDEX_NAME,
    MAX_INDEX_BYTES,
    decode,
    entry_key,
    is_url,
    parse_index,
    read_limited,
    resolve_entry,
    seed_files,
)
from triage.outputs.files import write_output
from triage.report import printable

DEFAULT_PREAMBLE = "# Seeds"
TABLE_HEAD = "| seed | title |\n|---|---|"
_TARGET_ESCAPES = frozenset(' %()<>[]|#?\\"')
_TEXT_ESCAPES = {char: f"\\{char}" for char in "\\[]|<"}


@dataclass(frozen=True)
class IndexUpdate:
    """What ``refresh_index`` did: the entries written, those added and those dropped."""

    path: Path
    entries: tuple[tuple[str, str], ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    changed: bool


def refresh_index(folder: Path, *, write: bool = True) -> IndexUpdate:
    """Write or refresh ``folder/INDEX.md``; with ``write=False`` only say what would change."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder; give the folder that holds the seeds")
    index = folder / INDEX_NAME
    old_text = _old_index(index)
    old = parse_index(old_text)
    kept = [(entry_key(listed), title) for listed, title in old if _still_there(folder, listed)]
    known = {listed for listed, _ in kept}
    added = [name for name in _folder_names(folder) if name not in known]
    entries = [*kept, *((name, default_title(name)) for name in added)]
    text = render_index(preamble(old_text), entries)
    changed = text != old_text
    if changed and write:
        write_output(index, text)
    dropped = tuple(listed for listed, _ in old if entry_key(listed) not in known)
    return IndexUpdate(index, tuple(entries), tuple(added), dropped, changed)


def _old_index(index: Path) -> str:
    if not (index.exists() or index.is_symlink()):
        return ""
    if index.is_symlink():
        raise InputError(f"{index}: is a symlink; refusing to replace it, edit the target instead")
    return decode(read_limited(index, MAX_INDEX_BYTES), index)


def _still_there(folder: Path, listed: str) -> bool:
    target = resolve_entry(folder, listed, "", allow_outside=False)
    if target.path is None:
        return target.error is not None and target.error.startswith("URL")
    return target.path.is_file()


def _folder_names(folder: Path) -> list[str]:
    names = sorted(path.name for path in seed_files(folder))
    return [name for name in names if resolve_entry(folder, name, "", False).path is not None]


def default_title(name: str) -> str:
    """Return a title made from a file name: ``user-stories_v2.md`` -> ``user stories v2``."""
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return " ".join(re.split(r"[-_\s]+", stem)).strip() or name


def preamble(old_text: str) -> str:
    """Return the hand-written text above the first entry of an index (a heading by default)."""
    lines: list[str] = []
    for line in old_text.splitlines():
        if parse_index(line):
            break
        lines.append(line)
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("|")):
        lines.pop()
    return "\n".join(lines) if lines else DEFAULT_PREAMBLE


def render_index(head: str, entries: list[tuple[str, str]]) -> str:
    """Return INDEX.md text: the preamble, then one table row per entry, link in the first cell."""
    rows = [
        f"| [{_escape(printable(listed))}]({_target(listed)}) | {_escape(printable(title))} |"
        for listed, title in entries
    ]
    return "\n".join([head, "", TABLE_HEAD, *rows]) + "\n"


def _target(path: str) -> str:
    """Return a link target the index parser reads back as ``path`` (URLs stay as written)."""
    if is_url(path):
        return f"<{path}>" if " " in path else path
    return "".join(_escape_target_char(char) for char in path)


def _escape_target_char(char: str) -> str:
    if char in _TARGET_ESCAPES or char.isspace() or not char.isprintable():
        return "".join(f"%{byte:02X}" for byte in _name_bytes(char))
    return char


def _name_bytes(char: str) -> bytes:
    """Return the bytes a character of a file name stands for: an undecodable byte as it was."""
    try:
        return char.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return char.encode("utf-8", "surrogatepass")


def _escape(text: str) -> str:
    return "".join(_TEXT_ESCAPES.get(char, char) for char in " ".join(text.split()))

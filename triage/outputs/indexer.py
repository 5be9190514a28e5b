"""Writing an INDEX.md for a folder (``triage index DIR``): the only command that writes there.

A refresh edits the index a person wrote, line by line, and keeps everything else as it is: the
text above and below the list (a "## Notes" section), remarks on an entry's line and the lines
under it, the order, the titles and the list's form (bullets stay bullets, a table stays a
table). Only two edits are made:

- a file new in the folder is added after the list's last entry, written like it
  (``triage.outputs.indexform``);
- an entry whose file is gone is dropped with its line (and the remarks indented under it),
  unless that line names other seeds too: then it is left for a person to edit, and said so.

An entry whose file is there but would be refused by a run (a symlink out, a FIFO, a folder, a
file over the size limit) is kept and reported as refused, as is a refused file new in the
folder (not added). URL entries and an entry naming the index itself are kept as written. The
file is replaced atomically, and left untouched when nothing changed; "up to date" compares the
entries, never the formatting.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from triage.errors import InputError
from triage.inputs import (
    DEFAULT_MAX_BYTES,
    INDEX_NAME,
    IndexEntry,
    decode,
    entry_key,
    entry_problem,
    index_entries,
    read_limited,
    seed_suffixes,
)
from triage.outputs.files import write_output
from triage.outputs.indexedit import edit_index
from triage.outputs.indexform import DEFAULT_PREAMBLE, default_title, render_index


@dataclass(frozen=True)
class IndexUpdate:
    """What ``refresh_index`` did, or would do: the entries listed after it and every change.

    ``refused`` and ``not_added`` pair a name with the reason a run would refuse it;
    ``by_hand`` names gone files whose line also names other seeds, left for a person.
    """

    path: Path
    entries: tuple[tuple[str, str], ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    changed: bool
    refused: tuple[tuple[str, str], ...] = ()
    not_added: tuple[tuple[str, str], ...] = ()
    by_hand: tuple[str, ...] = ()


def refresh_index(folder: Path, *, write: bool = True) -> IndexUpdate:
    """Write or refresh ``folder/INDEX.md``; with ``write=False`` only say what would change."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder; give the folder that holds the seeds")
    index = folder / INDEX_NAME
    exists = index.exists() or index.is_symlink()
    old_text = _old_index(index) if exists else ""
    mentions = [m for m in index_entries(old_text) if not _is_index(index, m.listed)]
    status = _statuses(folder, mentions)
    removed, by_hand = _drops(mentions, status)
    added, not_added = _new_files(folder, set(status))
    if exists:
        text = edit_index(old_text, mentions, removed, added)
    else:
        text = render_index(DEFAULT_PREAMBLE, [(name, default_title(name)) for name in added])
    if write and text != old_text:
        write_output(index, text)
    dropped = tuple(k for k, (kind, _) in status.items() if kind == "gone" and k not in by_hand)
    refused = tuple((key, why) for key, (kind, why) in status.items() if kind == "refused")
    return IndexUpdate(
        path=index,
        entries=_entries_after(mentions, status, added),
        added=tuple(added),
        dropped=dropped,
        changed=not exists or bool(added or dropped or by_hand),
        refused=refused,
        not_added=tuple(not_added),
        by_hand=by_hand,
    )


def _old_index(index: Path) -> str:
    if index.is_symlink():
        raise InputError(f"{index}: is a symlink; refusing to replace it, edit the target instead")
    return decode(read_limited(index, DEFAULT_MAX_BYTES), index)


def _is_index(index: Path, listed: str) -> bool:
    """Tell whether an entry names the index itself (a "this file" link): no seed of its own."""
    with contextlib.suppress(OSError, ValueError):
        return os.path.samefile(index.parent / entry_key(listed), index)
    return False


def _statuses(folder: Path, mentions: list[IndexEntry]) -> dict[str, tuple[str, str]]:
    """Return, per entry in first-mention order, what it is (``entry_problem``) and why."""
    status: dict[str, tuple[str, str]] = {}
    for mention in mentions:
        key = entry_key(mention.listed)
        if key not in status:
            status[key] = entry_problem(folder, mention.listed)
    return status


def _drops(
    mentions: list[IndexEntry], status: dict[str, tuple[str, str]]
) -> tuple[set[int], tuple[str, ...]]:
    """Return the lines to drop (every entry on them gone) and gone entries left for a person."""
    gone_on: dict[int, list[bool]] = {}
    for mention in mentions:
        gone_on.setdefault(mention.line, []).append(status[entry_key(mention.listed)][0] == "gone")
    removed = {line for line, gone in gone_on.items() if all(gone)}
    by_hand = [
        entry_key(m.listed)
        for m in mentions
        if m.line not in removed and status[entry_key(m.listed)][0] == "gone"
    ]
    return removed, tuple(dict.fromkeys(by_hand))


def _new_files(folder: Path, known: set[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Return the folder's new seed files, and the new names a run would refuse, with why."""
    added: list[str] = []
    refused: list[tuple[str, str]] = []
    for name in _folder_names(folder):
        if name in known:
            continue
        kind, why = entry_problem(folder, name, literal=True)
        if kind == "seed":
            added.append(name)
        else:
            refused.append((name, why))
    return added, refused


def _folder_names(folder: Path) -> list[str]:
    """Return the names in a folder with a seed suffix, whatever they are (files or not)."""
    suffixes = seed_suffixes()
    try:
        names = [path.name for path in folder.iterdir()]
    except OSError as exc:
        raise InputError(f"{folder}: cannot list: {exc.strerror or exc}") from exc
    return sorted(
        name
        for name in names
        if os.path.splitext(name)[1].lower() in suffixes
        and name != INDEX_NAME
        and not name.startswith(".")
    )


def _entries_after(
    mentions: list[IndexEntry], status: dict[str, tuple[str, str]], added: list[str]
) -> tuple[tuple[str, str], ...]:
    """Return ``(entry, title)`` of every entry listed after the refresh, in order."""
    kept: dict[str, str] = {}
    for mention in mentions:
        key = entry_key(mention.listed)
        if status[key][0] != "gone":
            kept.setdefault(key, mention.title)
    return (*kept.items(), *((name, default_title(name)) for name in added))

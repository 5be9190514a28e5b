"""Editing an INDEX.md in place: drop the lines of gone entries, add new ones after the list.

Lines are kept byte for byte (their line breaks too); the text is only cut where a gone entry's
line (and the remarks indented under it) was, and new lines go after the last entry of the list
(its remarks included), written like that entry (``triage.outputs.indexform``). An index that
lists nothing yet gets the new entries as a table at its end (or under the table head it has).
"""

from __future__ import annotations

from triage.inputs import IndexEntry, indent_of, line_form
from triage.outputs.indexform import DEFAULT_PREAMBLE, default_title, entry_lines, render_index

_LIST_FORMS = ("bullet", "table")


def edit_index(text: str, mentions: list[IndexEntry], removed: set[int], added: list[str]) -> str:
    """Return the index text without the ``removed`` lines' blocks and with ``added`` listed."""
    if not removed and not added:
        return text
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in text else "\n"
    entry_rows = {mention.line for mention in mentions}
    model = _model(mentions)
    dropped = {n for line in removed for n in _block(lines, line, entry_rows)}
    if model is None:
        kept = "".join(line for n, line in enumerate(lines) if n not in dropped)
        return _append_list(kept, added, newline)
    after = max(_block(lines, model.line, entry_rows))
    new = [line + newline for line in entry_lines(_bare(lines[model.line]), model, added)]
    out: list[str] = []
    for number, line in enumerate(lines):
        if number not in dropped:
            out.append(line)
        if number == after and new:
            if out and not out[-1].endswith(("\n", "\r")):
                out[-1] += newline
            out.extend(new)
    return "".join(out)


def _model(mentions: list[IndexEntry]) -> IndexEntry | None:
    """Return the entry new ones are written like: the list's last bullet or row, else the last."""
    listed = [mention for mention in mentions if mention.form in _LIST_FORMS]
    candidates = listed or mentions
    return candidates[-1] if candidates else None


def _block(lines: list[str], first: int, entry_rows: set[int]) -> list[int]:
    """Return an entry's line and the remark lines indented under it (up to a blank or entry)."""
    block = [first]
    if line_form(_bare(lines[first])) != "bullet":
        return block
    indent = indent_of(lines[first])
    for number in range(first + 1, len(lines)):
        line = _bare(lines[number])
        if not line.strip() or number in entry_rows or indent_of(line) <= indent:
            break
        block.append(number)
    return block


def _append_list(text: str, added: list[str], newline: str) -> str:
    """Return an index that listed nothing with the new files listed at its end as a table."""
    if not added:
        return text
    body = text.rstrip()
    last = body.splitlines()[-1] if body else ""
    if last.lstrip().startswith("|"):  # a table head waiting for rows
        rows = entry_lines(last, None, added)
        return newline.join([body, *rows]) + newline
    entries = [(name, default_title(name)) for name in added]
    if not body:
        return render_index(DEFAULT_PREAMBLE, entries).replace("\n", newline)
    table = render_index("", entries).split("\n")[2:-1]  # the head and the rows
    return newline.join([body, "", *table]) + newline


def _bare(line: str) -> str:
    """Return a line without its line break."""
    return line.rstrip("\r\n")

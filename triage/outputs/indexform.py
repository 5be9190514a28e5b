"""How ``triage index`` writes one entry: in the form of the list it joins, read back exactly.

A new file joins an existing list the way its last entry is written: a table row with as many
cells (first cell a link, a path in backticks or a bare path, like the row above), a bullet with
the same marker and indent (numbers counting on), a reference ``[title]: path`` or a link on a
line. Every written line is parsed back; a form that would not read back as exactly that file
(a name with ``|``, `` - `` or ``%``...) gives way to a link, which always does. A new index is
a table.
"""

from __future__ import annotations

import re

from triage.inputs import IndexEntry, entry_key, index_entries, is_url, line_form
from triage.report import printable

DEFAULT_PREAMBLE = "# Seeds"
TABLE_HEAD = "| seed | title |\n|---|---|"
_TARGET_ESCAPES = frozenset(' %()<>[]|#?\\"`')
_TEXT_ESCAPES = {char: f"\\{char}" for char in "\\[]|<`"}
_BULLET_PREFIX = re.compile(r"^(\s*)(?:([-*+])|(\d+)([.)]))(\s+)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# A name such as ``C:notes.md`` reads as a Windows drive path: written as ``./C:notes.md``.
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def default_title(name: str) -> str:
    """Return a title made from a file name: ``user-stories_v2.md`` -> ``user stories v2``."""
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return " ".join(re.split(r"[-_\s]+", stem)).strip() or name


def render_index(head: str, entries: list[tuple[str, str]]) -> str:
    """Return a new INDEX.md: the preamble, then one table row per entry, link in the first cell."""
    rows = [_table_row(listed, title, 2, "link") for listed, title in entries]
    return "\n".join([head, "", TABLE_HEAD, *rows]) + "\n"


def entry_lines(model_line: str, model: IndexEntry | None, names: list[str]) -> list[str]:
    """Return one line per new file, in the form of ``model_line`` (a table rule if no model)."""
    lines: list[str] = []
    for number, name in enumerate(names):
        candidates = _candidates(model_line, model, name, number)
        good = (line for line in candidates if reads_back(line, name, remark=" - a remark"))
        lines.append(next(good, candidates[-1]))
    return lines


def reads_back(line: str, name: str, remark: str = "") -> bool:
    """Tell whether a line names exactly the file ``name``, also with ``remark`` after it.

    A remark a person adds later (`` - reviewed``) must not change which file a bullet names.
    """
    if _CONTROL.search(line):
        return False
    tries = [line, line + remark] if remark and line_form(line) == "bullet" else [line]
    for written in tries:
        entries = index_entries(written)
        if len(entries) != 1 or entry_key(entries[0].listed) != name:
            return False
        if _DRIVE.match(entries[0].listed):
            return False  # read back as a Windows drive path, which a run refuses
    return True


def _candidates(model_line: str, model: IndexEntry | None, name: str, number: int) -> list[str]:
    """Return the lines that could list ``name`` like the model, the always-good link last."""
    style = _style(model_line, model)
    text = _escape(shown(name if style == "link" else default_title(name)))
    form = model.form if model is not None else "table"
    if form == "table":
        cells = max(2, len(_CELL_SPLIT.split(model_line.strip().strip("|"))))
        row = _table_row(name, default_title(name), cells, style, model_line)
        return [row, _table_row(name, default_title(name), cells, "link", model_line)]
    if form == "reference":
        return [f"[{text}]: {link_target(name)}", f"[{text}]({link_target(name)})"]
    prefix = _bullet_prefix(model_line, number) if form == "bullet" else ""
    link = f"{prefix}[{text}]({link_target(name)})"
    if style == "code":
        return [f"{prefix}`{name}`", link]
    return [f"{prefix}{name}", link] if style == "bare" else [link]


def _style(model_line: str, model: IndexEntry | None) -> str:
    """Return how the model writes its path: ``link``, ``titled``, ``code`` or ``bare``."""
    if model is None:
        return "link"
    content = model_line.strip().lstrip("|").strip()
    bullet = _BULLET_PREFIX.match(model_line)
    if model.form == "bullet" and bullet:
        content = model_line[bullet.end() :]
    if content.startswith("`"):
        return "code"
    if not content.startswith("[") or model.form == "reference":
        return "titled" if model.form in ("reference", "line") else "bare"
    if model.form == "table" or model.title in ("", model.listed, entry_key(model.listed)):
        return "link"
    return "titled"


def _bullet_prefix(model_line: str, number: int) -> str:
    """Return the model's list marker and indent; a numbered list counts on from the model."""
    match = _BULLET_PREFIX.match(model_line)
    if match is None:
        return "- "
    indent, marker, digits, closer, space = match.groups()
    if marker:
        return f"{indent}{marker}{space}"
    return f"{indent}{int(digits) + 1 + number}{closer}{space}"


def _table_row(name: str, title: str, cells: int, style: str, model_line: str = "") -> str:
    """Return a table row naming ``name`` in its first cell and ``title`` in the second."""
    if style == "code":
        first = f"`{name}`"
    elif style == "bare":
        first = name
    else:
        first = f"[{_escape(shown(name))}]({link_target(name)})"
    row = [first, _escape(shown(title)), *([""] * (cells - 2))]
    indent = model_line[: len(model_line) - len(model_line.lstrip())]
    closing = " |" if not model_line or model_line.rstrip().endswith("|") else ""
    line = f"{indent}| {' | '.join(row)}{closing}"
    return line if closing else line.rstrip()


def shown(text: str) -> str:
    """Return text for the index: UTF-8 only, a control character (ESC, DEL...) as U+FFFD."""
    return _CONTROL.sub("\ufffd", printable(text))


def link_target(path: str) -> str:
    """Return a link target the index parser reads back as ``path`` (URLs stay as written)."""
    if is_url(path):
        return f"<{path}>" if " " in path else path
    escaped = "".join(_escape_target_char(char) for char in path)
    return f"./{escaped}" if _DRIVE.match(escaped) else escaped


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

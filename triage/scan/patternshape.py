r"""Which rule patterns make Hyperscan's start-of-match tracking expensive, read from their text.

The hyperscan engine counts small documents from one pass of a database compiled with
``HS_FLAG_SOM_LEFTMOST`` (see ``hsengine``). Tracking where each match starts is what makes that
pass slow, and two shapes of pattern cost most (measured on the default rules: see
``benchmarks/README.md``):

- a match that may begin anywhere inside a run of characters of a class that holds letters
  (``\b[A-Za-z_]\w*\(``): every position of every word is a possible start, so one such rule
  (``code-signature``) can cost a large share of the pass. A run of digits or signs
  (``\b\d+\s*ms``, ``[$€£]\d+``) costs nothing measurable: prose has few of them;
- a class repeated up to a large bound (`` `[^`\n]{1,60}` ``): Hyperscan refuses start-of-match
  outright for the larger bounds ("Pattern is too large").

Such a pattern goes into the database in its presence form instead, and RE2 counts it in the
documents where it is present, as for the patterns Hyperscan refuses. Counts are RE2's either
way; only the speed depends on this guess, so a pattern this reader does not follow is simply
left with start-of-match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A class repeated up to at least this many times is tracked for presence only.
LARGE_BOUND = 32
_CLASS_ESCAPES = frozenset("wWdDsSpPC")
_ZERO_WIDTH_ESCAPES = frozenset("bBAz")
_NO_LETTER_ESCAPES = frozenset("dsW")  # \d, \s and \W match no letter


@dataclass(frozen=True)
class _Atom:
    """One element of a pattern: a literal, a class, an anchor or a group, and its repeat."""

    kind: str  # "literal", "class", "anchor", "boundary" or "group"
    low: int = 1
    high: int | None = 1  # None: no upper bound
    alternatives: tuple[tuple[_Atom, ...], ...] = ()
    letters: bool = True  # for a class: whether it may match an ASCII letter


def costly_start(pattern: str) -> bool:
    """Return whether start-of-match tracking of this pattern is expensive (see the module)."""
    try:
        alternatives, _ = _alternatives(_strip_flags(pattern), 0)
    except (IndexError, ValueError):
        return False
    return any(_starts_in_class_run(alt) or _large_class_repeat(alt) for alt in alternatives)


def _strip_flags(pattern: str) -> str:
    if pattern.startswith("(?") and ")" in pattern:
        head = pattern[2 : pattern.index(")")]
        if head.isalpha():
            return pattern[len(head) + 3 :]
    return pattern


def _starts_in_class_run(atoms: tuple[_Atom, ...]) -> bool:
    """Whether a match of this sequence may start inside a run of class characters."""
    leading_class = False
    for atom in atoms:
        if atom.kind == "boundary":
            continue
        if atom.kind == "anchor":
            return False
        if atom.kind == "class":
            if atom.high is None:
                return atom.letters
            if leading_class:
                return False
            leading_class = True
            continue
        if atom.kind == "group" and not leading_class:
            if any(_starts_in_class_run(alt) for alt in atom.alternatives):
                return True
            if atom.low == 0:
                continue  # optional: the match may start after it
        return False
    return False


def _large_class_repeat(atoms: tuple[_Atom, ...]) -> bool:
    for atom in atoms:
        if atom.kind == "class" and atom.high is not None and atom.high >= LARGE_BOUND:
            return True
        if atom.kind == "group" and any(_large_class_repeat(alt) for alt in atom.alternatives):
            return True
    return False


def _alternatives(text: str, index: int) -> tuple[tuple[tuple[_Atom, ...], ...], int]:
    """Read alternatives from ``index`` up to a closing parenthesis or the end."""
    found: list[tuple[_Atom, ...]] = []
    current: list[_Atom] = []
    while index < len(text) and text[index] != ")":
        if text[index] == "|":
            found.append(tuple(current))
            current = []
            index += 1
            continue
        atom, index = _atom(text, index)
        atom, index = _repeat(atom, text, index)
        current.append(atom)
    found.append(tuple(current))
    return tuple(found), index


def _atom(text: str, index: int) -> tuple[_Atom, int]:
    char = text[index]
    if char == "\\":
        letter = text[index + 1]
        if letter in _ZERO_WIDTH_ESCAPES:
            return _Atom("boundary" if letter in "bB" else "anchor"), index + 2
        if letter in "pP":  # \pL or \p{Greek}
            end = text.index("}", index) + 1 if text[index + 2] == "{" else index + 3
            return _Atom("class"), end
        if letter in _CLASS_ESCAPES:
            return _Atom("class", letters=letter not in _NO_LETTER_ESCAPES), index + 2
        return _Atom("literal"), index + 2
    if char == "[":
        end = _class_end(text, index)
        return _Atom("class", letters=_class_has_letters(text[index + 1 : end - 1])), end
    if char == ".":
        return _Atom("class"), index + 1
    if char in "^$":
        return _Atom("anchor"), index + 1
    if char == "(":
        start = _group_body(text, index + 1)
        if start is None:  # (?i) and the like: flags for the rest, matches nothing
            return _Atom("boundary"), text.index(")", index) + 1
        alternatives, end = _alternatives(text, start)
        if end >= len(text):
            raise ValueError("unclosed group")
        return _Atom("group", alternatives=alternatives), end + 1
    return _Atom("literal"), index + 1


def _group_body(text: str, index: int) -> int | None:
    """Return where a group's body starts (``index`` is just after its parenthesis).

    None for a flags-only group such as ``(?i)``.
    """
    if not text.startswith("?", index):
        return index
    if text.startswith("?P<", index):
        return text.index(">", index) + 1
    flags = index + 1
    while text[flags].isalpha() or text[flags] == "-":
        flags += 1
    if text[flags] == ")":
        return None
    if text[flags] != ":":
        raise ValueError(f"unknown group at {index}")
    return flags + 1


def _class_end(text: str, index: int) -> int:
    """Return the index just after the bracket class starting at ``index``."""
    index += 1
    if text.startswith("^", index):
        index += 1
    if text.startswith("]", index):
        index += 1
    while text[index] != "]":
        index += 2 if text[index] == "\\" else 1
    return index + 1


def _class_has_letters(body: str) -> bool:
    """Whether a bracket class (its text between the brackets) may match an ASCII letter."""
    if body.startswith("^"):
        return True
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            escape = body[index + 1 : index + 2]
            if escape in _CLASS_ESCAPES and escape not in _NO_LETTER_ESCAPES:
                return True
            index += 2
            continue
        if body[index + 1 : index + 2] == "-" and index + 2 < len(body):
            last = body[index + 2]
            if any(chr(code).isalpha() for code in range(ord(char), ord(last) + 1) if code < 128):
                return True
            index += 3
            continue
        if char.isascii() and char.isalpha():
            return True
        index += 1
    return False


def _repeat(atom: _Atom, text: str, index: int) -> tuple[_Atom, int]:
    """Apply a quantifier after the atom, if there is one."""
    if index >= len(text):
        return atom, index
    char = text[index]
    bounds: tuple[int, int | None] | None = None
    if char in "*+?":
        bounds = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
        index += 1
    elif char == "{" and "}" in text[index:]:
        end = text.index("}", index)
        low, _, high = text[index + 1 : end].partition(",")
        if low.isdigit() and (high.isdigit() or high == "" or "," not in text[index:end]):
            maximum = int(low) if "," not in text[index:end] else (int(high) if high else None)
            bounds = (int(low), maximum)
            index = end + 1
    if bounds is None:
        return atom, index
    if index < len(text) and text[index] == "?":
        index += 1  # lazy: same bounds
    return _Atom(atom.kind, bounds[0], bounds[1], atom.alternatives, atom.letters), index


# A bounded repeat with at least this upper bound is unbounded in a pattern's presence form.
RELAX_BOUND = 20
_BOUNDED = re.compile(r"\{(\d+),(\d+)\}")


def presence_form(pattern: str) -> str:
    """Return a pattern that matches wherever this one does, cheaper for an ``re2.Set``.

    Each repeat ``{m,n}`` with ``n >= RELAX_BOUND`` becomes ``{m,}``: a larger repeat only adds
    matches (RE2 has no look-around nor back-reference), so the form finds every text the
    pattern finds, and a few more. Sets only say which rules to count, and each rule is then
    counted with its own pattern, so counts are unchanged; a bounded repeat multiplies the
    states of a set's DFA (two such rules were half of the set pass on 5 KB documents).
    """
    if "\\Q" in pattern:  # quoted literal text: left as it is
        return pattern
    out: list[str] = []
    index = 0
    while index < len(pattern):
        end = _token_end(pattern, index)
        token = pattern[index:end]
        bounded = _BOUNDED.fullmatch(token)
        if bounded and int(bounded.group(2)) >= RELAX_BOUND:
            token = "{" + bounded.group(1) + ",}"
        out.append(token)
        index = end
    return "".join(out)


def _token_end(pattern: str, index: int) -> int:
    """Return where the token starting at ``index`` ends: an escape, a class, a repeat, a char."""
    char = pattern[index]
    if char == "\\":
        if pattern[index + 1 : index + 2] in ("p", "P", "x") and pattern.startswith("{", index + 2):
            return pattern.index("}", index) + 1
        return index + 2
    if char == "[":
        return _bracket_end(pattern, index)
    bounded = _BOUNDED.match(pattern, index) if char == "{" else None
    return bounded.end() if bounded else index + 1


def _bracket_end(pattern: str, index: int) -> int:
    """Return the index just after the bracket class at ``index`` (``[:alpha:]`` inside too)."""
    index += 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):
        index += 1
    while pattern[index] != "]":
        if pattern[index] == "\\":
            index += 2
        elif pattern.startswith("[:", index) and ":]" in pattern[index:]:
            index = pattern.index(":]", index) + 2
        else:
            index += 1
    return index + 1

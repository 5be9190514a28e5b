r"""Rule patterns read from their text: the presence form a set or a presence database matches.

Both engines first ask which rules fire (an ``re2.Set``, or Hyperscan's presence database), then
count those rules with each rule's own RE2 regex; the first step only needs a pattern that finds
every text the rule finds, and ``presence_form`` gives a cheaper one.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A bounded repeat with at least this upper bound is unbounded in a pattern's presence form.
RELAX_BOUND = 20
_BOUNDED = re.compile(r"\{(\d+),(\d+)\}")


@lru_cache(maxsize=4096)  # every scanner and subset set asks again for the same patterns
def presence_form(pattern: str) -> str:
    """Return a pattern that matches wherever this one does, cheaper for an ``re2.Set``.

    Each repeat ``{m,n}`` with ``n >= RELAX_BOUND`` becomes ``{m,}``: a larger repeat only adds
    matches (RE2 has no look-around nor back-reference), so the form finds every text the
    pattern finds, and a few more. Sets only say which rules to count, and each rule is then
    counted with its own pattern, so counts are unchanged; a bounded repeat multiplies the
    states of a set's DFA (two such rules were half of the set pass on 5 KB documents).
    """
    if "\\Q" in pattern or not _BOUNDED.search(pattern):  # quoted text, or nothing to relax
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

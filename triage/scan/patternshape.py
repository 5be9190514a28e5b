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


# The tokens a bounded repeat could hide in, matched whole so their text is never read as a
# repeat: an escape (``\p{Greek}`` and ``\x{41}`` whole), a bracket class (a leading ``^`` and
# ``]``, escapes and ``[:alpha:]`` inside); and the bounded repeats themselves.
_TOKENS = re.compile(
    r"\\[pPx]\{[^}]*\}"
    r"|\\."
    r"|\[\^?\]?(?:\[:[^\]]*?:\]|\\.|[^\]\\])*\]"
    r"|\{(\d+),(\d+)\}",
    re.DOTALL,
)


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
    return _TOKENS.sub(_relaxed, pattern)


def _relaxed(token: re.Match[str]) -> str:
    """Return a token as it is, or a bounded repeat with a large bound unbounded."""
    low, high = token.group(1, 2)
    if high is not None and int(high) >= RELAX_BOUND:
        return "{" + low + ",}"
    return token.group(0)

"""The portable engine: a ``re2.Set`` of all rules says which fire, in one linear pass."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from triage.rulebook import Rule
from triage.scan.base import VerifyingScanner, re2_set


class Re2Scanner(VerifyingScanner):
    """A ``re2.Set`` of every rule says which fire; RE2 counts those rules' hits."""

    engine = "re2"

    def __init__(self, rules: Sequence[Rule], *, use_cache: bool = True) -> None:
        """Compile all rules together into one set (fast: nothing is cached, ``use_cache``)."""
        super().__init__(rules)
        self._set = re2_set(self.rules)

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the rules the set finds in ``data``."""
        return self.set_fired(self._set, data) if self.rules else ()

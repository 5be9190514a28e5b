"""The portable engine: a few ``re2.Set`` of the rules say which fire, each in one linear pass."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from triage.rulebook import Rule
from triage.scan.base import VerifyingScanner, re2_sets


class Re2Scanner(VerifyingScanner):
    """A few ``re2.Set`` of the rules say which fire; RE2 counts those rules' hits."""

    engine = "re2"

    def __init__(self, rules: Sequence[Rule], *, use_cache: bool = True) -> None:
        """Compile the rules into a few sets (fast: nothing is cached, ``use_cache``)."""
        super().__init__(rules)
        self._sets = re2_sets(self.rules)

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the rules the sets find in ``data``."""
        return self.sets_fired(self._sets, data)

    def fired_together(self, texts: Sequence[bytes]) -> list[list[int]]:
        """Return the rules the sets find in each text, each set run over all of them in turn."""
        return self.sets_fired_together(self._sets, texts)

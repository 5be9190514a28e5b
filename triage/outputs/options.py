"""What a renderer may need besides the report, and the ``--fail-on`` levels."""

from __future__ import annotations

from dataclasses import dataclass

from triage.report import VERDICT_ORDER

# Failing on the best verdict would fail every judged seed, so it is no level; ``never`` is.
FAIL_LEVELS: tuple[str, ...] = (*VERDICT_ORDER[:-1], "never")
DEFAULT_FAIL_ON = "not-a-spec"


@dataclass(frozen=True)
class RenderOptions:
    """Options every renderer receives; each format reads the ones it needs.

    ``fail_on``: the ``--fail-on`` level (SARIF reports the seeds at or below it).
    ``terminal``: a person reads the output on a terminal (the text format turns compact).
    ``colour``: the terminal layout may use ANSI colours.
    """

    fail_on: str = DEFAULT_FAIL_ON
    terminal: bool = False
    colour: bool = False

"""Lazy registry entries: a ``"module:attribute"`` string imported the first time it is used.

Every extension point (engines, input readers, output renderers, subcommands) names what is
heavy or optional this way, so start-up imports only what a run uses.
"""

from __future__ import annotations

import importlib
from typing import Any


def resolve(dotted: str) -> Any:
    """Return the attribute a ``"module:attribute"`` entry names, importing its module."""
    module, _, attribute = dotted.partition(":")
    return getattr(importlib.import_module(module), attribute)

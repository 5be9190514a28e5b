"""Inputs: paths to clean text; nothing here writes or scans.

Which files a bundle holds (INDEX.md, folders), how each is read and decoded, and the clean text
with its line map.
"""

from triage.inputs.documents import (
    DEFAULT_MAX_BYTES,
    UNICODE_SPACES,
    Document,
    SeedText,
    count_words,
    decode,
    make_document,
    read_document,
    read_limited,
)
from triage.inputs.index import (
    INDEX_NAME,
    MAX_INDEX_BYTES,
    Target,
    collect_targets,
    entry_key,
    is_url,
    parse_index,
    read_index,
    resolve_entry,
    seed_files,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "INDEX_NAME",
    "MAX_INDEX_BYTES",
    "UNICODE_SPACES",
    "Document",
    "SeedText",
    "Target",
    "collect_targets",
    "count_words",
    "decode",
    "entry_key",
    "is_url",
    "make_document",
    "parse_index",
    "read_document",
    "read_index",
    "read_limited",
    "resolve_entry",
    "seed_files",
]

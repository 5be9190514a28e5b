"""Inputs: paths to clean text; nothing here writes or scans.

Which files a bundle holds (``index``: INDEX.md text, ``targets``: folders and paths), the one
table of input formats (``formats``), and how a file is read (``files``), decoded (``decode``)
and cleaned (``text``), whole or, when large, in pieces (``pieces``).
"""

from triage.inputs.decode import decode
from triage.inputs.files import DEFAULT_MAX_BYTES, read_limited, size_text
from triage.inputs.formats import (
    FORMATS,
    InputFormat,
    document_from_bytes,
    format_for,
    read_document,
    seed_suffixes,
)
from triage.inputs.index import (
    INDEX_NAME,
    IndexEntry,
    content_lines,
    entry_key,
    indent_of,
    index_entries,
    is_url,
    line_form,
    parse_index,
)
from triage.inputs.language import document_language, text_language
from triage.inputs.pieces import (
    LargeText,
    NotPlainUtf8,
    PartialDocument,
    Piece,
    SameWhenSplit,
    is_large_text,
)
from triage.inputs.targets import (
    Target,
    collect_targets,
    entry_problem,
    folder_documents,
    read_index,
    resolve_entry,
    seed_files,
)
from triage.inputs.text import (
    HTML_TAGS,
    UNICODE_SPACES,
    Document,
    SeedText,
    cjk_characters,
    count_words,
    make_document,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "HTML_TAGS",
    "INDEX_NAME",
    "UNICODE_SPACES",
    "Document",
    "IndexEntry",
    "InputFormat",
    "LargeText",
    "NotPlainUtf8",
    "PartialDocument",
    "Piece",
    "SameWhenSplit",
    "SeedText",
    "Target",
    "cjk_characters",
    "collect_targets",
    "content_lines",
    "count_words",
    "decode",
    "document_from_bytes",
    "document_language",
    "entry_key",
    "entry_problem",
    "folder_documents",
    "format_for",
    "indent_of",
    "index_entries",
    "is_large_text",
    "is_url",
    "line_form",
    "make_document",
    "parse_index",
    "read_document",
    "read_index",
    "read_limited",
    "resolve_entry",
    "seed_files",
    "seed_suffixes",
    "size_text",
    "text_language",
]

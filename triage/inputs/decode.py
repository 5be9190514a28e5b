"""Decoding: the bytes of a text file to str (BOMs, UTF-16, UTF-8, Windows-1252), refusing binary.

Nothing here raises on invalid bytes: a file that is mostly valid UTF-8 keeps UTF-8 with the few
invalid bytes replaced by U+FFFD, and anything else is read as Windows-1252. What is refused is
data that is no text at all (NUL bytes, control characters, the magic number of a known format).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from triage.errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of formats people send by mistake under a text name, for a better message.
_MAGIC = (
    (b"%PDF-", "a PDF; name it .pdf"),
    (b"PK\x03\x04", "a zip archive (a .docx?); name it .docx if it is a Word file"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc); save it as .docx or .txt"),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt"),
)
# C0 control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
MAX_CONTROL_SHARE = 0.05
_UTF16_SAMPLE = 4096  # bytes looked at to recognise BOM-less UTF-16 (an even number)


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode bytes: BOM, then UTF-8, then Windows-1252; refuse binary data.

    UTF-16 without a BOM is recognised by its zero bytes. A file that is mostly valid UTF-8 keeps
    UTF-8 with the few invalid bytes replaced by U+FFFD; otherwise it is read as Windows-1252, the
    usual legacy single-byte encoding. Nothing here raises on invalid bytes.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _text_or_refuse(data[len(bom) :].decode(encoding, errors="replace"), path)
    wide = bomless_utf16(data)
    if wide:
        return _text_or_refuse(data.decode(wide, errors="replace"), path)
    refuse_magic(data, path)
    refuse_nul(data, path)
    text = _decode_8bit(data)
    refuse_controls(path, control_bytes(data), len(text))
    return text


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd") - data.decode("cp1252", errors="replace").count("\ufffd")
    good = sum(1 for char in lenient if char > "\x7f" and char != "\ufffd")
    return lenient if good > bad else data.decode("cp1252", errors="replace")


def bomless_utf16(data: bytes) -> str | None:
    """Return ``utf-16-le``/``-be`` when the bytes look like BOM-less UTF-16 text.

    Text in UTF-16 mostly of Latin letters has a zero in nearly every other byte and almost none
    in the others; a few characters beyond Latin-1 (``€``, ``—``, ``“``) fill the zero byte, so
    "every other byte" would refuse such a file as binary. What is asked: NUL bytes, at least
    half of one parity's bytes zero, at most a twentieth of the other's, and a sample that
    decodes as UTF-16 without error.
    """
    sample = data[:_UTF16_SAMPLE]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros * 2 >= half and others * 20 <= half and _decodes(sample, encoding):
            return encoding
    return None


def _decodes(sample: bytes, encoding: str) -> bool:
    """Whether a sample decodes strictly (a surrogate pair cut at its end is allowed)."""
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def refuse_magic(data: bytes, path: Path | str) -> None:
    """Refuse bytes that start like a PDF, a zip, an old Office or an RTF file."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{path}: not a text document (looks like {what})")


def refuse_nul(data: bytes, path: Path | str) -> None:
    """Refuse bytes holding a NUL: no 8-bit text has one."""
    if b"\x00" in data:
        raise InputError(f"{path}: not a text document (contains NUL bytes)")


def control_bytes(data: bytes) -> int:
    """Count the control characters ``decode`` refuses in bulk, in UTF-8 or single-byte bytes.

    They are ASCII, which both decodings map to themselves (and nothing else to them).
    """
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def refuse_controls(path: Path | str, controls: int, chars: int) -> None:
    """Refuse a text of ``chars`` characters of which ``controls`` are binary control characters."""
    if controls and controls > MAX_CONTROL_SHARE * chars:
        raise InputError(f"{path}: not a text document (binary control characters)")


def _text_or_refuse(text: str, path: Path | str) -> str:
    refuse_controls(path, len(_CONTROL.findall(text)), len(text))
    return text

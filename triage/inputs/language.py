"""Language: which natural language a document is written in, as an ISO 639-1 code.

The check is cheap where it can be. A sample of the text is read (its first characters, with
fenced code blocks, code spans and web addresses left out, so a code-heavy English spec reads
as English). When enough of the sample's words are common words of a covered language and its
letters are ASCII enough, the text is in that language: no classifier is loaded (``py3langid``
and numpy are imported only when needed, once per process, and its model is kept decompressed
in the on-disk cache: ``langmodel``). Otherwise the classifier names the language of the sample.

A text too short to tell (fewer than ``min_words`` words in its sample) gets no language
(``None``). A document read in pieces (a large file) is checked on the opening it keeps, which
holds all the check reads.
"""

from __future__ import annotations

import re

from triage.inputs.langmodel import identifier
from triage.inputs.pieces import OPENING_CHARS, PartialDocument
from triage.inputs.text import Document, SeedText
from triage.rulebook import LanguagePolicy

# Each CJK ideograph or kana is a word of its own (those scripts put no space between words);
# otherwise a word is a run of letters.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(f"[{_CJK}]|[^\\W\\d_{_CJK}]+")
# Every ASCII character but a letter, as a space: where words end (``words_of``).
_ASCII_CUTS = str.maketrans({c: " " for c in range(128) if not chr(c).isalpha()})
_ASCII_BYTES = bytes(range(128))
_BYTE_CUTS = bytes(32 if c < 128 and not chr(c).isalpha() else c for c in range(256))
# Where str.splitlines ends a line, besides "\n".
_OTHER_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_FENCE = re.compile(r"[ \t]{0,3}(?:```|~~~)")
# Code spans and web addresses carry no language; both are bounded (linear time on any text).
# The same as `[^`\n]{1,200}`|\b(?:https?|ftp)://\S{1,500}, written so that every branch opens
# with a letter (the word boundary checked just after it, behind): Python's re then jumps to
# those letters instead of trying every position, ~4x faster.
_CODE = re.compile(r"`[^`\n]{1,200}`|h(?<!\wh)ttps?://\S{1,500}|f(?<!\wf)tp://\S{1,500}")
# How much of a text is read to fill the sample, in multiples of the sample: a document that
# opens with a long code listing still gives prose to read, and a huge one costs no more.
_READ_FACTOR = 4


def document_language(doc: SeedText, policy: LanguagePolicy | None) -> str | None:
    """Return the language of a document (ISO 639-1), or ``None`` if it is not checked.

    Only with a policy's ``languages``; a ``PartialDocument`` by its opening.
    """
    if policy is None:
        return None
    if isinstance(doc, Document):
        return text_language(doc.text, policy)
    if isinstance(doc, PartialDocument):
        return text_language(doc.opening, policy)
    return None


def text_language(text: str, policy: LanguagePolicy) -> str | None:
    """Return the language of a text, or ``None`` when it is too short or has none."""
    sample = language_sample(text, policy.sample_chars)
    if sample.isascii():  # no foreign letter: the words lowered at once are all the check needs
        lowered = sample.lower().translate(_ASCII_CUTS).split()[: policy.sample_words]
        if len(lowered) < policy.min_words:
            return None
        sure = most_common_language(lowered, policy)
    else:
        words = words_of(sample)[: policy.sample_words]
        if len(words) < policy.min_words:
            return None
        sure = surely_covered(words, policy)
    return sure if sure is not None else classified(sample, policy)


def language_sample(text: str, size: int) -> str:
    """Return up to ``size`` characters of prose from the start of ``text``.

    Lines inside fenced code blocks (``` or ~~~) are left out, and code spans and web addresses
    are blanked; at most ``_READ_FACTOR × size`` characters of the text are read.
    """
    read = text[: min(size * _READ_FACTOR, OPENING_CHARS)]
    if "```" in read or "~~~" in read:
        sample = "\n".join(_unfenced_lines(read, size))
    else:  # no fence: the lines up to the one that reaches ``size`` characters
        if any(brk in read for brk in _OTHER_BREAKS):
            sample = "\n".join(read.splitlines())
        else:  # lines end only in "\n": joined again they are the text, less a last "\n"
            sample = read[:-1] if read.endswith("\n") else read
        cut = sample.find("\n", max(size - 1, 0))
        sample = sample if cut < 0 else sample[:cut]
    if "`" in sample or "://" in sample:
        sample = _CODE.sub(" ", sample)
    return sample[:size]


def _unfenced_lines(text: str, size: int) -> list[str]:
    """Return the lines of ``text`` outside fenced code blocks, until ``size`` characters."""
    kept: list[str] = []
    length = 0
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            kept.append(line)
            length += len(line) + 1
            if length >= size:
                break
    return kept


def words_of(sample: str) -> list[str]:
    """Return the words of a sample: runs of letters, and each CJK ideograph or kana alone.

    No word holds an ASCII character other than a letter, so the sample is first cut at those
    (in C, ~1.5-3x faster than the pattern alone); only the pieces holding other characters
    go through ``_WORD``, and none when no character beyond ASCII is a letter (curly quotes
    and dashes in English text).
    """
    if sample.isascii():
        return sample.translate(_ASCII_CUTS).split()
    data = sample.encode("utf-8", "surrogatepass")
    beyond_ascii = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if _WORD.search(beyond_ascii) is None:  # no word holds a character beyond ASCII: each is
        ascii_only = sample.encode("ascii", "replace").decode("ascii")  # a cut, as "?" is
        return ascii_only.translate(_ASCII_CUTS).split()
    words: list[str] = []
    for piece in data.translate(_BYTE_CUTS).split():
        if piece.isascii():
            words.append(piece.decode("ascii"))
        else:
            words.extend(_WORD.findall(piece.decode("utf-8", "surrogatepass")))
    return words


def surely_covered(words: list[str], policy: LanguagePolicy) -> str | None:
    """Return the covered language the quick check is sure of, or ``None`` when not sure.

    Sure: at least ``sure_share`` of the words are that language's common words, and at most
    ``max_foreign_letters`` of the letters are outside ASCII.
    """
    # Words hold no spaces, so one joined string answers for all of them at C speed.
    joined = " ".join(words)
    if not joined.isascii():
        letters = sum(map(len, words))
        foreign = sum([len(word) for word in words if not word.isascii()])
        if foreign > policy.max_foreign_letters * letters:
            return None
    return most_common_language(joined.lower().split(" "), policy)


def most_common_language(lowered: list[str], policy: LanguagePolicy) -> str | None:
    """Return the first covered language whose common words are ``sure_share`` of the words."""
    for code in policy.covered:
        common = policy.common_words.get(code)
        if common and sum(map(common.__contains__, lowered)) >= policy.sure_share * len(lowered):
            return code
    return None


def classified(sample: str, policy: LanguagePolicy) -> str | None:
    """Return the classifier's language of a sample, or ``None`` when it is not confident."""
    code, confidence = identifier().classify(sample)
    if confidence < policy.min_confidence:
        return None
    return policy.aliases.get(code, code)

"""py3langid's model, loaded once per process and kept decompressed in the on-disk cache.

py3langid ships its model as an LZMA-compressed ``.npz`` (4.5 MB): loading it decompresses
68 MB and unpacks the archive, about 0.45 s, in every process that meets a document the quick
language check is not sure of. The arrays it yields are kept in the cache (``triage.cache``,
entry kind ``langid``, keyed by py3langid's version and a SHA-256 of its model file) as one
payload of raw arrays, each read back with a single copy: a later process loads them in ~0.13 s
(28 ms reading, 57 ms the cache's own checksum, ~24 ms building the identifier). Anything
unexpected in an entry (or a py3langid whose identifier is built differently) falls back to
py3langid's own loader, so the cache can only save time, never change an answer.
"""

from __future__ import annotations

import hashlib
import json
import struct
from array import array
from functools import lru_cache
from typing import Any

from triage import cache

KIND = "langid"
_LAYOUT = "langid-arrays-1"  # the payload's layout below; a new layout is a new key
_HEAD = struct.Struct("<I")  # the length of the JSON header that opens a payload
_ALIGN = 64
# The arrays an identifier is built from, by the names of ``LanguageIdentifier.__init__``.
_ARRAYS = ("nb_ptc", "nb_pc", "tk_nextmove", "tk_row", "tk_output")


@lru_cache(maxsize=1)
def identifier() -> Any:  # py3langid ships no type information
    """Return py3langid's identifier (normalised probabilities), built once per process."""
    return load()[0]


def load() -> tuple[Any, bool]:
    """Build the identifier from the cache, else from py3langid's model (then cached).

    Return it and whether the model was decompressed now (False: read from the cache).
    """
    key = model_key()
    payload = cache.read_entry(KIND, key) if key is not None else None
    if payload is not None:
        built = identifier_from(payload)
        if built is not None:
            return built, False
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    loaded = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if key is not None:
        cache.write_entry(KIND, key, payload_of(loaded))
    return loaded, True


def warm() -> bool:
    """Make sure the cache holds the decompressed model; return True if it was built now."""
    return load()[1]


def model_key() -> str | None:
    """Return the cache key of py3langid's model, or None when its model file is unreadable."""
    from importlib import metadata  # ~10 ms, and only a run that meets the classifier needs it

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    try:
        model = (MODEL_DIR / MODEL_FILE).read_bytes()
        version = metadata.version("py3langid")
    except (OSError, metadata.PackageNotFoundError):
        return None
    return cache.cache_key([_LAYOUT, version, hashlib.sha256(model).hexdigest()])


def payload_of(loaded: Any) -> bytes:
    """Return an identifier's arrays as one payload: a JSON header, then each array's bytes."""
    import numpy as np

    arrays = {
        "nb_ptc": np.ascontiguousarray(loaded.nb_ptc),
        "nb_pc": np.ascontiguousarray(loaded.nb_pc),
        "tk_nextmove": np.frombuffer(loaded.tk_nextmove, dtype=loaded.tk_nextmove.typecode),
        "tk_row": np.frombuffer(loaded.tk_row, dtype=loaded.tk_row.typecode),
        "tk_output": np.asarray(loaded.tk_output, dtype=np.int64),
    }
    places: dict[str, Any] = {"classes": list(loaded.nb_classes), "arrays": {}}
    offset = 0
    for name, values in arrays.items():
        places["arrays"][name] = [values.dtype.str, list(values.shape), offset]
        offset += -(-values.nbytes // _ALIGN) * _ALIGN
    header = json.dumps(places).encode("utf-8")
    body = bytearray(offset)
    for name, values in arrays.items():
        start = places["arrays"][name][2]
        body[start : start + values.nbytes] = values.data.cast("B")
    return b"".join([_HEAD.pack(len(header)), header, body])


def identifier_from(payload: bytes) -> Any | None:
    """Return the identifier a ``payload_of`` payload holds, or None if it cannot be read."""
    from py3langid.langid import LanguageIdentifier

    try:
        (size,) = _HEAD.unpack_from(payload)
        places = json.loads(payload[_HEAD.size : _HEAD.size + size])
        body = memoryview(payload)[_HEAD.size + size :]
        arrays = {name: _array_in(body, *places["arrays"][name]) for name in _ARRAYS}
        # Copies, so the payload (68 MB) is freed once the identifier is built.
        return LanguageIdentifier(
            arrays["nb_ptc"].copy(),
            arrays["nb_pc"].copy(),
            list(places["classes"]),
            _stdlib_array(arrays["tk_nextmove"]),
            arrays["tk_output"].tolist(),
            norm_probs=True,
            tk_row=_stdlib_array(arrays["tk_row"]),
        )
    except (ValueError, TypeError, KeyError, IndexError, struct.error):
        return None


def _array_in(body: memoryview, dtype: str, shape: list[int], offset: int) -> Any:
    """Return the numpy array at ``offset`` of a payload's body, read in place (no copy)."""
    import numpy as np

    kind = np.dtype(dtype)
    count = int(np.prod(shape))
    return np.frombuffer(body, kind, count, offset).reshape(shape)


def _stdlib_array(values: Any) -> array[int]:
    """Return a numpy array of unsigned integers as the ``array.array`` py3langid walks."""
    copied = array(values.dtype.char)
    copied.frombytes(values.data.cast("B"))
    return copied

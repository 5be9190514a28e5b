"""The language classifier's model kept decompressed in the cache gives the very same answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from triage import cache
from triage.inputs import langmodel

SAMPLES = (
    "The service shall export every report as CSV within five seconds of the request.",
    "Der Dienst muss jeden Bericht innerhalb von fünf Sekunden als CSV exportieren.",
    "Le service doit exporter chaque rapport au format CSV en moins de cinq secondes.",
    "El servicio debe exportar cada informe en formato CSV en menos de cinco segundos.",
    "このサービスは、すべてのレポートを五秒以内にCSVとして出力しなければならない。",
    "Сервис должен выгружать каждый отчёт в формате CSV не дольше пяти секунд.",
    "ok ok ok",
    "",
)


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache of its own for the test, and no identifier remembered from before."""
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(tmp_path))
    langmodel.identifier.cache_clear()
    yield tmp_path
    langmodel.identifier.cache_clear()


@pytest.fixture(scope="module")
def shipped() -> Any:
    """py3langid's identifier as its own loader builds it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_a_payload_gives_back_an_identifier_with_the_same_answers(shipped: Any) -> None:
    rebuilt = langmodel.identifier_from(langmodel.payload_of(shipped))
    assert rebuilt is not None
    for sample in SAMPLES:
        assert rebuilt.classify(sample) == shipped.classify(sample), sample


def test_the_first_load_writes_the_entry_and_the_next_reads_it(
    cache_folder: Path, shipped: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = langmodel.identifier()
    entries = [p.name for p in cache_folder.iterdir() if p.name.startswith("langid-")]
    assert len(entries) == 1
    langmodel.identifier.cache_clear()

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("py3langid's own loader ran although the cache held the model")

    from py3langid.langid import LanguageIdentifier

    monkeypatch.setattr(LanguageIdentifier, "from_model_file", refuse)
    second = langmodel.identifier()
    assert second is not first
    for sample in SAMPLES:
        assert second.classify(sample) == shipped.classify(sample), sample


def test_a_corrupt_entry_falls_back_to_the_shipped_model(shipped: Any) -> None:
    payload = langmodel.payload_of(shipped)
    assert langmodel.identifier_from(payload[:1000]) is None
    assert langmodel.identifier_from(b"\x05\x00\x00\x00{nope" + payload[20:]) is None


def test_an_unreadable_entry_is_a_miss_and_the_model_still_loads(
    cache_folder: Path, shipped: Any
) -> None:
    key = langmodel.model_key()
    assert key is not None
    cache.write_entry(langmodel.KIND, key, b"\x02\x00\x00\x00{}")  # valid entry, bad layout
    loaded = langmodel.identifier()
    assert loaded.classify(SAMPLES[1]) == shipped.classify(SAMPLES[1])


def test_with_the_cache_off_nothing_is_written(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch, shipped: Any
) -> None:
    monkeypatch.setenv(cache.CACHE_VARIABLE, "off")
    loaded = langmodel.identifier()
    assert loaded.classify(SAMPLES[2]) == shipped.classify(SAMPLES[2])
    assert list(cache_folder.iterdir()) == []

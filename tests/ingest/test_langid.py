"""Language identification: nb, nn, en; other languages reported."""

from __future__ import annotations

import pytest

from tidende.ingest.langid import detect_language, marker_vote


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kina har ikke gitt våpen til noen av partene i krigen, sier ambassaden i Washington.", "nb"),
        ("Kina har ikkje gitt våpen til nokon av partane i krigen, seier ambassaden i Washington.", "nn"),
        ("China has not supplied weapons to either side of the war, the embassy said.", "en"),
        ("Die Regierung hat heute beschlossen, die Sanktionen gegen Russland zu verlängern.", "de"),
        ("Regeringen har i dag besluttet at forlænge sanktionerne mod Rusland, siger ministeren.", "da"),
    ],
)
def test_langid_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_langid_marker_vote() -> None:
    assert marker_vote("Eg veit ikkje kva dei vil") == "nn"
    assert marker_vote("Jeg vet ikke hva de vil") == "nb"
    assert marker_vote("Oslo 2024") is None

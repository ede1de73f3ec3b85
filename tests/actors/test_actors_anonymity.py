"""Unnamed sources are flagged ``anonymous``; named ones are not."""

from __future__ import annotations

import datetime as dt

import pytest

from tidende.actors import find_mentions, resolve

DATE = dt.date(2024, 4, 15)


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("en anonym, høytstående amerikansk tjenesteperson", "nb", "USA"),
        ("en amerikansk tjenesteperson som ikke ville bli navngitt", "nb", "USA"),
        ("ein anonym amerikansk tenesteperson", "nn", "USA"),
        ("an unnamed Russian official", "en", "RUS"),
        ("a senior U.S. official who spoke on condition of anonymity", "en", "USA"),
        ("kilder i det russiske forsvarsdepartementet", "nb", "RUS"),
        ("britiske etterretningskilder", "nb", "GBR"),
        # a bare official or spokesperson names nobody: an anonymous source (news table, version 2)
        ("amerikanske tjenestepersoner", "nb", "USA"),
        ("a senior U.S. official", "en", "USA"),
        ("en talsmann for politiet i Oslo", "nb", "NOR"),
    ],
)
def test_anonymous(text: str, lang: str, code: str) -> None:
    actor = resolve(text, lang, DATE)
    assert actor is not None and actor.code == code and actor.anonymous


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Talsperson Liu Pengyu", "nb"),
        ("NATO-talsmann James Appathurai", "nb"),
        ("Kremlin spokesman Dmitry Peskov", "en"),
        ("de kinesiske lederne", "nb"),
    ],
)
def test_not_anonymous(text: str, lang: str) -> None:
    actor = resolve(text, lang, DATE)
    assert actor is not None and not actor.anonymous


def test_anonymous_without_country_stays_unresolved() -> None:
    assert resolve("en anonym kilde", "nb", DATE) is None


def test_find_mentions_reads_the_relative_clause() -> None:
    text = "Det bekrefter en russisk tjenesteperson som ikke ville bli navngitt, til avisen."
    (mention,) = [e for e in find_mentions(text, "nb", DATE) if e.label == "ROLE"]
    assert mention.text == "en russisk tjenesteperson"
    assert mention.actor is not None and mention.actor.anonymous

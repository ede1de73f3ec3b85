"""find_mentions: longest match on token boundaries, exact offsets, labels and actors."""

from __future__ import annotations

import datetime as dt

from tidende.actors import find_mentions
from tidende.records import Entity

DATE = dt.date(2024, 4, 15)


def _spans(found: list[Entity]) -> list[tuple[str, int, int, str, str | None, str | None]]:
    return [
        (e.text, e.start, e.end, e.label, e.actor.code if e.actor else None, e.actor.sector if e.actor else None)
        for e in found
    ]


def test_offsets_and_longest_match() -> None:
    text = "Tysklands statsminister Olaf Scholz drar til Beijing, mens Kreml tier."
    assert _spans(find_mentions(text, "nb", DATE)) == [
        ("Tysklands statsminister Olaf Scholz", 0, 35, "PERSON", "DEU", "GOV"),
        ("Beijing", 45, 52, "SEAT", "CHN", "GOV"),
        ("Kreml", 59, 64, "SEAT", "RUS", "GOV"),
    ]


def test_multiword_names_and_roles() -> None:
    text = "Det hvite hus og russiske styrker, sa FNs generalsekretær."
    found = find_mentions(text, "nb", DATE)
    assert _spans(found) == [
        ("Det hvite hus", 0, 13, "SEAT", "USA", "GOV"),
        ("russiske styrker", 17, 33, "ROLE", "RUS", "MIL"),
        ("FNs generalsekretær", 38, 57, "ROLE", "UNO", None),
    ]


def test_token_boundaries() -> None:
    text = "Kinaeksperten reiste til Sør-Amerika og Irans nabo Irak; kinesiskspråklige medier."
    assert [(e.text, e.actor.code if e.actor else None) for e in find_mentions(text, "nb", DATE)] == [
        ("Irans", "IRN"),
        ("Irak", "IRQ"),
    ]


def test_english_noun_adjunct_and_genitive() -> None:
    text = "U.S. officials met Russia's foreign minister and the Pentagon's spokesperson."
    assert _spans(find_mentions(text, "en", DATE)) == [
        ("U.S. officials", 0, 14, "ROLE", "USA", "GOV"),
        ("Russia's foreign minister", 19, 44, "ROLE", "RUS", "GOV"),
        ("the Pentagon's spokesperson", 49, 76, "ROLE", "USA", "MIL"),
    ]


def test_norwegian_verb_homograph_is_not_a_role() -> None:
    text = "Kina styrker samarbeidet med Russland."
    assert [e.text for e in find_mentions(text, "nb", DATE)] == ["Kina", "Russland"]


def test_roles_without_country_need_the_document_country() -> None:
    text = "Regjeringen og politiet svarte."
    assert find_mentions(text, "nb", DATE) == []
    assert _spans(find_mentions(text, "nb", DATE, country="NOR")) == [
        ("Regjeringen", 0, 11, "ROLE", "NOR", "GOV"),
        ("politiet", 15, 23, "ROLE", "NOR", "COP"),
    ]


def test_everyday_homographs_are_not_demonyms() -> None:
    text = "Vi må finne ut hva han finner, sa hun om svenske kroner og danske kroner."
    assert find_mentions(text, "nb", DATE) == []
    assert [e.text for e in find_mentions("Svenskene vant, og to finner tapte.", "nb", DATE)] == ["Svenskene"]


def test_hyphenated_compounds_take_the_owner_before_the_hyphen() -> None:
    text = "PST-sjefen og Nato-styrkene møtte FN-soldater."
    assert _spans(find_mentions(text, "nb", DATE)) == [
        ("PST-sjefen", 0, 10, "ROLE", "NOR", "SPY"),
        ("Nato-styrkene", 14, 27, "ROLE", "IGO", "MIL"),
        ("FN-soldater", 34, 45, "ROLE", "UNO", "MIL"),
    ]

"""Norwegian cabinets, state bodies and media in the knowledge base (data version 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidende.actors import resolve


def _code(text: str, lang: str, date: dt.date | None = None) -> tuple[str, str | None] | None:
    actor = resolve(text, lang, date)
    return None if actor is None else (actor.code, actor.sector)


@pytest.mark.parametrize(
    ("text", "lang", "date", "expected"),
    [
        ("Siv Jensen", "nb", dt.date(2010, 1, 1), ("NOR", "OPP")),
        ("Siv Jensen", "nb", dt.date(2016, 1, 1), ("NOR", "GOV")),
        ("Siv Jensen", "nb", dt.date(2020, 6, 1), ("NOR", "OPP")),
        ("Audun Lysbakken", "nn", dt.date(2011, 1, 1), ("NOR", "GOV")),
        ("Audun Lysbakken", "nn", dt.date(2012, 6, 1), ("NOR", "PTY")),
        ("Audun Lysbakken", "nn", dt.date(2018, 1, 1), ("NOR", "OPP")),
        ("Trygve Slagsvold Vedum", "nb", dt.date(2025, 6, 1), ("NOR", "OPP")),
        ("Thorbjørn Jagland", "en", dt.date(2015, 1, 1), ("IGO", None)),
    ],
)
def test_norwegian_politicians_by_date(text: str, lang: str, date: dt.date, expected: tuple[str, str]) -> None:
    assert _code(text, lang, date) == expected


def test_hand_rows_replace_stale_phoenix_rows() -> None:
    # Phoenix has open-ended 2009 government roles for these; hand rows end them
    assert _code("Trond Giske", "nb", dt.date(2020, 1, 1)) == ("NOR", "ELI")
    assert _code("Kristin Halvorsen", "nb", dt.date(2016, 1, 1)) == ("NOR", "ELI")
    # a Phoenix spelling without diacritics is the same person
    actor = resolve("Jonas Gahr Store", "en", dt.date(2024, 1, 1))
    assert actor is not None and actor.name == "Jonas Gahr Støre"
    # older Phoenix history before the first hand row survives
    assert _code("Kjell Magne Bondevik", "nb", dt.date(1999, 1, 1)) == ("NOR", "GOV")


@pytest.mark.parametrize(
    ("text", "lang", "date", "name"),
    [
        ("Norges justisminister", "nb", dt.date(2015, 1, 1), "Anders Anundsen"),
        ("Noregs helseminister", "nn", dt.date(2019, 1, 1), "Bent Høie"),
        ("Norges forsvarsminister", "nb", dt.date(2018, 1, 1), "Frank Bakke-Jensen"),
        ("Norway's finance minister", "en", dt.date(2003, 1, 1), "Per-Kristian Foss"),
    ],
)
def test_norwegian_role_phrase_names_the_minister(text: str, lang: str, date: dt.date, name: str) -> None:
    actor = resolve(text, lang, date)
    assert actor is not None and (actor.code, actor.sector, actor.name) == ("NOR", "GOV", name)


@pytest.mark.parametrize(
    ("text", "lang", "code", "sector"),
    [
        ("Arbeidsdepartementet", "nb", "NOR", "GOV"),
        ("Helse- og omsorgsdepartementet", "nn", "NOR", "GOV"),
        ("Finansdepartementets", "nb", "NOR", "GOV"),
        ("Statistisk sentralbyrå", "nn", "NOR", "GOV"),
        ("Riksadvokaten", "nb", "NOR", "JUD"),
        ("Borgarting lagmannsrett", "nb", "NOR", "JUD"),
        ("Utenriks- og forsvarskomiteen", "nb", "NOR", "LEG"),
        ("Heimevernet", "nn", "NOR", "MIL"),
        ("Dag og Tid", "nn", "NOR", "JRN"),
        ("Klassekampen", "nb", "NOR", "JRN"),
        ("Statoil", "nb", "NOR", "BUS"),
        ("nyhetsbyrået Ansa", "nb", "ITA", "JRN"),
        ("Haaretz", "en", "ISR", "JRN"),
        ("Frp", "nb", "NOR", "OPP"),  # in opposition in 2010
        ("den russiske okkupasjonsmakten", "nb", "RUS", "MIL"),
        ("opposisjonelle i Hviterussland", "nb", "BLR", "OPP"),
    ],
)
def test_norwegian_bodies_media_and_roles(text: str, lang: str, code: str, sector: str) -> None:
    assert _code(text, lang, dt.date(2010, 1, 1)) == (code, sector)

"""The mention reader (resolve.py): compounds, coordination, inherited sectors, parties over time,
demonyms, prepositional objects and appositions, and find_mentions' document country."""

from __future__ import annotations

import datetime as dt

import pytest

from tidende.actors import find_mentions, resolve
from tidende.actors.kb import tokenize


def _key(text: str, lang: str, date: dt.date | None = None, country: str | None = None) -> tuple | None:
    actor = resolve(text, lang, date, country=country)
    return None if actor is None else (actor.code, actor.sector, actor.anonymous)


@pytest.mark.parametrize(
    ("text", "lang", "country", "expected"),
    [
        ("militærtalsmann Bakary Mariko", "nb", "MLI", ("MLI", "MIL", False)),  # talsmann takes militær-'s sector
        ("ambassadesekretær Idar Instefjord", "nb", "NOR", ("NOR", "GOV", False)),
        ("overgangsregjeringen", "nb", "TUN", ("TUN", "GOV", False)),
        ("lederen for studentbevegelsen", "nb", "CHL", ("CHL", "EDU", False)),
        ("opprørsrørsla", "nn", "LBY", ("LBY", "REB", False)),
        ("forsiden", "nb", "NOR", None),  # side never heads a compound
        ("energikilder", "nb", "NOR", None),  # nor does kilde: not an anonymous source
    ],
)
def test_closed_compounds_read_by_their_head(text: str, lang: str, country: str, expected: tuple | None) -> None:
    assert _key(text, lang, dt.date(2011, 6, 1), country) == expected


@pytest.mark.parametrize(
    ("text", "lang", "date", "expected"),
    [
        ("fornyings- og kirkeminister Rigmor Aasrud", "nb", dt.date(2009, 10, 22), ("NOR", "GOV", False)),
        ("miljø- og utviklingsminister Erik Solheim", "nb", dt.date(2011, 12, 9), ("NOR", "GOV", False)),
        ("helseminister og Ap-statsråd Anne-Grete Strøm-Erichsen", "nn", dt.date(2010, 4, 9), ("NOR", "GOV", False)),
        ("Planning and Investment Minister Tran Xuan Gia", "en", None, ("VNM", "GOV", False)),
        ("finansminister Sigbjørn Johnsen ( Ap )", "nn", dt.date(2011, 8, 25), ("NOR", "GOV", False)),
        ("The International Labor Office (ILO)", "en", None, ("UNO", None, False)),
    ],
)
def test_coordinated_roles_and_parentheses(text: str, lang: str, date: dt.date | None, expected: tuple) -> None:
    assert _key(text, lang, date) == expected


def test_coordinated_actors_stay_unresolved() -> None:
    assert _key("regjeringen og politiet", "nb", None, "NOR") is None
    assert _key("Kina og Russland", "nb") is None


def test_sector_nouns_have_genitive_forms() -> None:
    assert _key("Regjeringens", "nb", None, "NOR") == ("NOR", "GOV", False)
    assert _key("the government's", "en", None, "GBR") == ("GBR", "GOV", False)
    assert _key("Høyre-lederens", "nb", dt.date(2009, 9, 5)) == ("NOR", "OPP", False)


@pytest.mark.parametrize(
    ("text", "lang", "date", "sector"),
    [
        ("Fremskrittspartiet", "nb", dt.date(2009, 8, 3), "OPP"),
        ("Fremskrittspartiet", "nb", dt.date(2015, 1, 1), "PTY"),
        ("Ap", "nb", dt.date(2009, 8, 3), "PTY"),
        ("SV", "nn", dt.date(2005, 8, 6), "OPP"),
        ("Venstre-leder Lars Sponheim", "nb", dt.date(2009, 8, 3), "OPP"),
        ("Høgres stortingsgruppe", "nn", dt.date(2011, 8, 25), "OPP"),  # an opposition party's MPs are OPP
        ("Venstres Ola Elvestuen", "nn", dt.date(2011, 8, 25), "OPP"),
        ("Senterparti-leiar Liv Signe Navarsete", "nn", dt.date(2010, 4, 9), "GOV"),  # her cabinet office wins
    ],
)
def test_parties_are_opp_in_opposition_and_pty_in_government(
    text: str, lang: str, date: dt.date, sector: str
) -> None:
    assert _key(text, lang, date) == ("NOR", sector, False)


def test_foreign_opposition_party_member() -> None:
    assert _key("Labours parlamentsmedlem David Lammy", "nn", dt.date(2011, 8, 15)) == ("GBR", "OPP", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a UN official", ("UNO", None, True)),  # an organisation's staff take its sector; unnamed: anonymous
        ("NATO spokesman James Appathurai", ("IGO", None, False)),
        ("Afghan rebel leaders", ("AFG", "REB", False)),  # leaders of the noun before them
        ("Thai military sources", ("THA", "MIL", True)),
        ("A group of Moroccan diplomats", ("MAR", "GOV", False)),  # group of: the object's sector
        ("spokesperson for the Israeli prime minister", ("ISR", "GOV", True)),
        ("French National Assembly president Laurent Fabius", ("FRA", "LEG", False)),
        ("Ugandan opposition candidates", ("UGA", "OPP", False)),
        ("Belarus's rulers", ("BLR", "GOV", False)),
        ("Israel's high court", ("ISR", "JUD", False)),
        ("Nicaragua's Sandinista government", ("NIC", "GOV", False)),
    ],
)
def test_english_role_phrases(text: str, expected: tuple) -> None:
    assert _key(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "sector"),
    [
        ("palestinere", "nb", "CVL"),  # bare plural: people
        ("aserbajdsjanar", "nn", "CVL"),
        ("Ghanaians", "en", "CVL"),
        ("kineserne", "nb", None),  # definite plural: the state ("the Chinese")
        ("amerikanarane", "nn", None),
        ("the Russians", "en", None),
        ("French", "en", None),  # also the adjective: the country
    ],
)
def test_demonyms_name_people_or_the_state(text: str, lang: str, sector: str | None) -> None:
    actor = resolve(text, lang)
    assert actor is not None and actor.sector == sector


def test_a_shared_name_is_the_person_in_office() -> None:
    old, young = resolve("George Bush", "en", dt.date(1990, 6, 1)), resolve("George Bush", "en", dt.date(2005, 8, 6))
    assert old is not None and young is not None
    assert (old.sector, young.sector, young.wikidata_id) == ("GOV", "GOV", "Q207")
    assert old.name != young.name


def test_prepositional_objects_and_appositions() -> None:
    assert _key("regjeringen i Bamako", "nb", dt.date(2012, 12, 11)) == ("MLI", "GOV", False)  # a city owns it
    assert _key("Belgrade radio", "en") == ("SRB", "JRN", False)
    assert _key("en talsmann for politiet", "nb", None, "ISR") == ("ISR", "COP", True)
    assert _key("en talsmann for politiet , Mickey Rosenfeld", "nb", None, "ISR") == ("ISR", "COP", False)
    assert _key("guvernøren i Oklahoma, Mary Fallin", "nb", dt.date(2012, 1, 9)) == ("USA", "GOV", False)
    assert _key("En kilde nær den amerikanske regjeringen", "nb") == ("USA", "GOV", True)


def test_allies_are_not_their_owner() -> None:
    assert resolve("USAs allierte", "nb") is None
    assert resolve("America's allies", "en") is None


def test_honorifics_and_initials() -> None:
    assert _key("Datuk Seri Najib Razak", "nb", dt.date(2009, 4, 24)) == ("MYS", "GOV", False)
    assert [t.text for t in tokenize("Deriek W. Crouse. Plan B")] == ["Deriek", "W.", "Crouse", ".", "Plan", "B"]


def test_find_mentions_infers_the_document_country() -> None:
    text = "Soldater tok makten i Mali. Mali har vært urolig, og Mali-eksperter ventet det. Presidenten er pågrepet."
    date = dt.date(2012, 3, 22)
    plain = {e.text: e.actor for e in find_mentions(text, "nb", date)}
    assert "Presidenten" not in plain
    inferred = {e.text: e.actor for e in find_mentions(text, "nb", date, country="NOR", infer=True)}
    assert inferred["Presidenten"] is not None and (inferred["Presidenten"].code, inferred["Presidenten"].sector) == (
        "MLI", "GOV")
    home = {e.text: e.actor for e in find_mentions("Politiet rykket ut.", "nb", date, country="NOR", infer=True)}
    assert home["Politiet"] is not None and home["Politiet"].code == "NOR"


def test_find_mentions_keeps_modifiers_inside_the_phrase() -> None:
    text = "Israel's high court ruled, and French border police said nothing."
    assert [(e.text, e.actor.code if e.actor else None) for e in find_mentions(text, "en")] == [
        ("Israel's high court", "ISR"),
        ("French border police", "FRA"),
    ]

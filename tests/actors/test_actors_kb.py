"""The knowledge-base files: headers, codes, coverage, caching."""

from __future__ import annotations

import re

import pytest

from tidende.actors import resolve
from tidende.actors.kb import DATA_DIR, LANGS, load_kb, read_tsv

PLOVER_SECTORS = {
    "COP",
    "GOV",
    "JUD",
    "LEG",
    "MIL",
    "PRM",
    "PTY",
    "REB",
    "SPY",
    "UAF",
    "UNK",
    "AGR",
    "BUS",
    "CRM",
    "CVL",
    "EDU",
    "ELI",
    "JRN",
    "LAB",
    "MED",
    "REF",
    "OPP",
    "PRE",
    "REL",
    "SOC",
}
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


def _codes() -> set[str]:
    return {r["code"] for r in read_tsv(DATA_DIR / "countries.tsv")}


@pytest.mark.parametrize("path", sorted(p.name for p in DATA_DIR.iterdir() if p.suffix in {".tsv", ".yaml"}))
def test_data_file_header(path: str) -> None:
    lines = (DATA_DIR / path).read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines[: next(i for i, x in enumerate(lines) if not x.startswith("#"))])
    for field in ("version:", "provenance:", "license:", "checked:"):
        assert re.search(rf"^# {field}", text, re.M), f"{path} lacks {field}"


def test_all_un_members_and_plover_exceptions() -> None:
    codes = _codes()
    assert len(codes) >= 193 + 5
    assert {"VAT", "PSE", "KOS", "TWN", "HKG", "USA", "PRK", "NOR"} <= codes
    assert "DDR" not in codes
    for lang in LANGS:
        rows = list(read_tsv(DATA_DIR / f"countries.{lang}.tsv"))
        assert {r["code"] for r in rows} == codes
        assert sum(r["source"] == "hand" for r in rows) >= 60


@pytest.mark.parametrize("table", ["seats.tsv", "organisations.tsv", "people.tsv"])
def test_codes_and_sectors_are_plover(table: str) -> None:
    codes = _codes() | NON_STATE
    for row in read_tsv(DATA_DIR / table):
        assert row["code"] in codes, row
        assert row["sector"] in PLOVER_SECTORS | {""}, row


def test_people_dates_are_ordered() -> None:
    for row in read_tsv(DATA_DIR / "people.tsv"):
        assert row["start"], row
        assert not row["end"] or row["start"] < row["end"], row
        assert row["checked"] and row["source"], row


def test_sector_nouns_use_plover_sectors() -> None:
    for lang in LANGS:
        for row in read_tsv(DATA_DIR / f"sectors.{lang}.tsv"):
            assert row["sector"] in PLOVER_SECTORS | {"-"}, row


def test_norwegian_morphology_from_lemmas() -> None:
    for form in ("kineser", "kineseren", "kinesere", "kineserne", "kinesisk", "kinesiske", "Kinas"):
        actor = resolve(form, "nb")
        assert actor is not None and actor.code == "CHN", form
    for form in ("kinesar", "kinesaren", "kinesarar", "kinesarane", "nordmennene", "svenskane"):
        assert resolve(form, "nn") is not None, form
    assert resolve("Hellas'", "nb") is not None
    assert resolve("Britons", "en") is not None


def test_load_is_cached() -> None:
    assert load_kb() is load_kb()


@pytest.mark.parametrize(
    ("text", "lang", "code", "sector"),
    [
        ("ugandiske opprørere", "nb", "UGA", "REB"),
        ("burundiske militsfolk", "nb", "BDI", "REB"),
        ("rwandiske opprørarar", "nn", "RWA", "REB"),
        ("Sierra Leonean refugees", "en", "SLE", "REF"),
        ("Ivory Coast rebels", "en", "CIV", "REB"),
        ("Macedonia", "en", "MKD", None),
        ("Det europeiske fellesskap", "nb", "EUR", None),
        ("the European Community", "en", "EUR", None),
        ("Chechen rebels", "en", "RUS", "REB"),  # regions fold into their state (manual)
        ("Gazastripen", "nb", "PSE", None),
        ("Ethnic Albanians", "en", "ALB", "CVL"),  # people, not the state (GSR: civilians)
        ("southern Lebanon", "en", "LBN", None),
        ("U.N. mediator Diego Cordovez", "en", "UNO", None),  # GSR AGREE-0038: UNO, no sector
        ("FNs våpeninspektører", "nb", "UNO", None),  # an organisation's staff take its sector
    ],
)
def test_country_adjectives_regions_and_generic_roles(text: str, lang: str, code: str, sector: str | None) -> None:
    actor = resolve(text, lang)
    assert actor is not None and (actor.code, actor.sector) == (code, sector)


def test_sector_genitives_and_demonym_state_forms_are_indexed() -> None:
    nb = load_kb().langs["nb"]
    genitive = [s for s in nb.folded[("regjeringens",)] if s.kind == "SECTOR"]
    assert genitive and genitive[0].genitive and genitive[0].sector == "GOV"
    assert nb.grammar.demonym_forms("kineser") == [
        ("kineser", False), ("kineseren", False), ("kinesere", False), ("kineserne", True)]
    assert load_kb().langs["nn"].grammar.demonym_forms("russar")[-1] == ("russarane", True)

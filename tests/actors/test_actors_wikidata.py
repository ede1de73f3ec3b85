"""The people-table update path on small synthetic Wikidata exports (see data/README.md)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tidende.actors.kb import DATA_DIR, load_kb, read_tsv
from tidende.actors.wikidata import rebuild_people

FIXTURES = Path(__file__).parent / "data"
CHECKED = dt.date(2026, 11, 27)


def test_sparql_csv_rows(tmp_path: Path) -> None:
    out = tmp_path / "people.wikidata.tsv"
    assert rebuild_people(FIXTURES / "wikidata_positions.csv", out, CHECKED) == 3
    rows = [(r["name"], r["code"], r["sector"], r["office"], r["start"], r["end"]) for r in read_tsv(out)]
    assert rows == [
        ("Kari Nordvik", "NOR", "GOV", "foreign_minister", "2027-10-14", "2031-10-16"),
        ("Kari Nordvik", "NOR", "GOV", "prime_minister|head_of_government", "2031-10-16", ""),
        ("Ola Testmann", "UNO", "", "secretary_general", "2032-01-01", ""),
    ]
    first = next(read_tsv(out))
    assert (first["wikidata"], first["aliases"], first["checked"], first["source"]) == (
        "Q990001",
        "Nordvik|K. Nordvik",
        "2026-11-27",
        "wikidata",
    )
    assert out.read_text(encoding="utf-8").startswith("# tidende actor KB")


def test_json_dump_rows(tmp_path: Path) -> None:
    out = tmp_path / "people.wikidata.tsv"
    assert rebuild_people(FIXTURES / "wikidata_dump.json", out, CHECKED) == 2
    rows = [
        (r["name"], r["aliases"], r["wikidata"], r["code"], r["sector"], r["office"], r["start"], r["end"])
        for r in read_tsv(out)
    ]
    assert rows == [
        ("Per Prøvesen", "Prøvesen", "Q990003", "NOR", "LEG", "", "2025-10-01", "2030-01-15"),
        ("Per Prøvesen", "Prøvesen", "Q990003", "NOR", "GOV", "defence_minister", "2030-01-15", ""),
    ]


def test_rebuilt_table_is_loaded_with_the_hand_table(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("people.wikidata.tsv"))
    rebuild_people(FIXTURES / "wikidata_dump.json", data / "people.wikidata.tsv", CHECKED)
    kb = load_kb(data)
    (sense,) = [s for s in kb.langs["nb"].lookup(("Prøvesen",)) if s.kind == "PERSON"]
    assert sense.entity is not None
    assert (sense.entity.at(dt.date(2028, 1, 1)).sector, sense.entity.at(dt.date(2031, 1, 1)).sector) == ("LEG", "GOV")
    assert kb.office_holder("NOR", "defence_minister", dt.date(2031, 1, 1)) is sense.entity
    assert kb.langs["nb"].lookup(("Erna", "Solberg"))

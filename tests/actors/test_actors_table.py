"""The mention table (data/mentions.tsv): at least 95 % resolve to the expected actor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tidende.actors import resolve
from tidende.actors.kb import read_tsv

TABLE = Path(__file__).parent / "data" / "mentions.tsv"


def test_mention_table_size_and_coverage() -> None:
    rows = list(read_tsv(TABLE))
    assert len(rows) >= 150
    assert {r["lang"] for r in rows} == {"nb", "nn", "en"}
    assert {r["code"] for r in rows} >= {"UNO", "EUR", "IGO", "NGO", "IMG", "-"}
    assert {r["sector"] for r in rows} >= {"GOV", "MIL", "SPY", "COP", "BUS", "JUD", "LEG", "OPP", "JRN", "CVL", "REB"}


def test_mention_table_passes_95_percent() -> None:
    rows = list(read_tsv(TABLE))
    failures = []
    for r in rows:
        date = dt.date.fromisoformat(r["date"]) if r["date"] else None
        actor = resolve(r["mention"], r["lang"], date)
        got = (actor.code, actor.sector or "-", actor.anonymous) if actor else ("-", "-", False)
        expected = (r["code"], r["sector"], r["anonymous"] == "1")
        if got != expected:
            failures.append(f"{r['lang']} {r['date']} {r['mention']!r}: expected {expected}, got {got}")
    print(f"mention table: {len(rows) - len(failures)}/{len(rows)} pass")
    print("\n".join(failures))
    assert len(failures) <= 0.05 * len(rows), "\n".join(failures)

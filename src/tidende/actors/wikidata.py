"""Rebuild the people/office table from a Wikidata export the user downloads.

Two inputs are accepted; both end up as rows of ``data/people.wikidata.tsv`` (same columns as
``people.tsv``), which :func:`tidende.actors.kb.load_kb` reads next to the hand-made table.

**SPARQL CSV** (query.wikidata.org, "Download CSV"), columns::

    person, personLabel, personAltLabel, position, positionLabel, country, start, end

``country`` is the ISO 3166-1 alpha-3 code (P298) of the position's jurisdiction; the
``*AltLabel`` column (comma-separated) is optional. A query that yields them::

    SELECT ?person ?personLabel ?personAltLabel ?position ?positionLabel ?country ?start ?end
    WHERE {
      ?person p:P39 ?held . ?held ps:P39 ?position ; pq:P580 ?start .
      OPTIONAL { ?held pq:P582 ?end }
      OPTIONAL { ?position wdt:P1001/wdt:P298 ?country }
      VALUES ?position { wd:... }                 # the offices to follow
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en,nb,nn". }
    }

**JSON dump excerpt** (``wikidata-*-all.json`` lines, or JSON Lines, or one JSON array):
person entities with ``P39`` statements (qualifiers ``P580`` start, ``P582`` end), the position
entities they name (English label; ``P1001`` jurisdiction or ``P17`` country) and those
countries (``P298`` alpha-3 code).

Positions are coded by ``data/positions.en.tsv`` (English label pattern -> sector, office);
positions it does not match, or without a country, are skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidende.actors.kb import DATA_DIR
from tidende.datafiles import read_tsv

COLUMNS = ("name", "aliases", "wikidata", "code", "sector", "office", "start", "end", "checked", "source", "note")
ALIAS_LANGS = ("en", "nb", "nn")


@dataclass(frozen=True)
class Held:
    """One ``position held`` statement."""

    qid: str
    name: str
    aliases: tuple[str, ...]
    position: str
    country: str
    start: str
    end: str


def _qid(value: str) -> str:
    return value.rstrip("/").rsplit("/", 1)[-1]


def _day(value: str) -> str:
    """``+2021-01-20T00:00:00Z`` -> ``2021-01-20`` (month/day 00 -> coarser precision)."""
    m = re.match(r"[+]?(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return ""
    year, month, day = m.groups()
    if month == "00":
        return year
    return f"{year}-{month}" if day == "00" else f"{year}-{month}-{day}"


def read_sparql_csv(path: Path) -> Iterator[Held]:
    """Statements from a SPARQL CSV export (columns in the module docstring)."""
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            aliases = tuple(a.strip() for a in (row.get("personAltLabel") or "").split(",") if a.strip())
            yield Held(
                _qid(row["person"]),
                row["personLabel"],
                aliases,
                row["positionLabel"],
                (row.get("country") or "").strip(),
                _day(row["start"]),
                _day(row.get("end") or ""),
            )


def _entities(text: str) -> Iterator[dict[str, Any]]:
    stripped = text.strip()
    if stripped.startswith("[") and stripped.endswith("]"):
        try:
            yield from json.loads(stripped)
            return
        except json.JSONDecodeError:
            pass
    for line in stripped.splitlines():
        line = line.strip().rstrip(",")
        if line.startswith("{"):
            yield json.loads(line)


def _claim_values(entity: dict[str, Any], prop: str) -> list[Any]:
    return [
        c["mainsnak"]["datavalue"]["value"]
        for c in entity.get("claims", {}).get(prop, [])
        if "datavalue" in c.get("mainsnak", {})
    ]


def _label(entity: dict[str, Any], langs: Iterable[str] = ("en", "nb", "nn")) -> str:
    labels = entity.get("labels", {})
    return next((labels[lang]["value"] for lang in langs if lang in labels), entity["id"])


def read_json_dump(path: Path) -> Iterator[Held]:
    """Statements from a Wikidata JSON dump excerpt (see the module docstring)."""
    entities = {e["id"]: e for e in _entities(path.read_text(encoding="utf-8"))}

    def country_of(position: dict[str, Any]) -> str:
        for prop in ("P1001", "P17"):
            for value in _claim_values(position, prop):
                codes = _claim_values(entities.get(value["id"], {}), "P298")
                if codes:
                    return str(codes[0])
        return ""

    for entity in entities.values():
        for claim in entity.get("claims", {}).get("P39", []):
            snak = claim.get("mainsnak", {})
            if "datavalue" not in snak:
                continue
            position = entities.get(snak["datavalue"]["value"]["id"])
            if position is None:
                continue
            qualifiers = claim.get("qualifiers", {})
            start, end = (
                [_day(q["datavalue"]["value"]["time"]) for q in qualifiers.get(p, []) if "datavalue" in q]
                for p in ("P580", "P582")
            )
            aliases = tuple(a["value"] for lang in ALIAS_LANGS for a in entity.get("aliases", {}).get(lang, []))
            yield Held(
                entity["id"],
                _label(entity),
                aliases,
                _label(position, ("en",)),
                country_of(position),
                start[0] if start else "",
                end[0] if end else "",
            )


def _position_rules(path: Path) -> list[tuple[re.Pattern[str], str, str, str]]:
    return [(re.compile(r["pattern"], re.IGNORECASE), r["code"], r["sector"], r["office"]) for r in read_tsv(path)]


def rows_from(held: Iterable[Held], checked: dt.date, rules_path: Path | None = None) -> list[dict[str, str]]:
    """People-table rows for the statements whose position the rules code, deduplicated and sorted."""
    rules = _position_rules(rules_path or DATA_DIR / "positions.en.tsv")
    rows: dict[tuple[str, ...], dict[str, str]] = {}
    for h in held:
        rule = next((r for r in rules if r[0].search(h.position)), None)
        if rule is None or not h.start:
            continue
        code = rule[1] or h.country
        if not code:
            continue
        row = {
            "name": h.name,
            "aliases": "|".join(dict.fromkeys(h.aliases)),
            "wikidata": h.qid,
            "code": code,
            "sector": rule[2],
            "office": rule[3],
            "start": h.start,
            "end": h.end,
            "checked": checked.isoformat(),
            "source": "wikidata",
            "note": h.position,
        }
        rows.setdefault((h.qid, code, rule[3], h.start), row)
    return sorted(rows.values(), key=lambda r: (r["name"], r["start"]))


def write_people(rows: list[dict[str, str]], out: Path, origin: str) -> None:
    """Write ``rows`` as a people table with the provenance header the data files carry."""
    header = (
        "# tidende actor KB: people and offices rebuilt from Wikidata by tidende.actors.wikidata.\n"
        "# version: 1\n"
        f"# provenance: {origin} (Wikidata, CC0-1.0), coded by positions.en.tsv\n"
        "# license: CC0-1.0\n"
        f"# checked: {rows[0]['checked'] if rows else dt.date.today().isoformat()}\n"
    )
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        writer = csv.DictWriter(
            f, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
        )
        writer.writeheader()
        writer.writerows(rows)


def rebuild_people(source: Path, out: Path | None = None, checked: dt.date | None = None) -> int:
    """Rebuild ``people.wikidata.tsv`` from a SPARQL CSV (``.csv``) or JSON dump excerpt; rows written."""
    held = read_sparql_csv(source) if source.suffix.lower() == ".csv" else read_json_dump(source)
    rows = rows_from(held, checked or dt.date.today())
    write_people(rows, out or DATA_DIR / "people.wikidata.tsv", source.name)
    return len(rows)

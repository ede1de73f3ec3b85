"""Write actors/data/people.phoenix.tsv from PETRARCH-2's Phoenix.Countries.actors.txt.

Usage: python training/actors/phoenix_people.py ../shared/data/petrarch/dictionaries/Phoenix.Countries.actors.txt

Each Phoenix person (``NAME_`` with ``+ALIAS`` lines and ``[CCCSEC YYMMDD-YYMMDD]`` roles) becomes
one row per dated role ending in 1985 or later: code = the first three letters, sector = the next
three; people with no such political role (GOV, MIL, OPP, LEG, JUD, COP, SPY, REB, PTY, ELI, IGO,
NGO) and undated roles are left out, to keep the table small. People already in the hand-made people.tsv are
skipped (that table wins), as are one-word names. Phoenix offices stop around 2014-2019 and
open-ended roles (``>YYMMDD``) are given no end, so the table is right for older news and stale
for recent: the hand table and the Wikidata rebuild override it for current office holders.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "src" / "tidende" / "actors" / "data"
ROLE = re.compile(r"\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s*(?:([<>]?)(\d{6})(?:-(\d{6}))?)?\]")
HEADER = """# tidende actor KB: people and dated roles imported from PETRARCH-2's Phoenix dictionary.
# version: 1
# provenance: Phoenix.Countries.actors.txt (PETRARCH-2, Open Event Data Alliance, MIT License),
#   converted by training/actors/phoenix_people.py; names title-cased from Phoenix's upper case
#   (diacritics are lost there). Roles stop around 2014-2019; people.tsv (hand) wins on conflicts.
# license: MIT (derived from PETRARCH-2 dictionaries)
# checked: 2026-11-27
"""
POLITICAL = frozenset({"GOV", "MIL", "OPP", "LEG", "JUD", "COP", "SPY", "REB", "PTY", "ELI", "IGO", "NGO"})
COLUMNS = ["name", "aliases", "wikidata", "code", "sector", "office", "start", "end", "checked", "source", "note"]


def _name(raw: str) -> str:
    words = raw.strip().strip("_").replace("_", " ").split()
    return " ".join(w if "." in w and len(w) <= 3 else w.capitalize() for w in words)


def _date(yymmdd: str) -> str:
    yy = int(yymmdd[:2])
    return f"{1900 + yy if yy >= 30 else 2000 + yy}-{yymmdd[2:4]}-{yymmdd[4:6]}"


def people(path: Path) -> list[tuple[str, list[str], list[tuple[str, str, str, str]]]]:
    out = []
    name: str | None = None
    aliases: list[str] = []
    roles: list[tuple[str, str, str, str]] = []

    def flush() -> None:
        if name and roles:
            out.append((name, aliases, roles))

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if re.match(r"^[A-Z][A-Z0-9_.'-]*_?\s+#\s*CountryInfo", line):
            flush()
            name, aliases, roles = _name(line.split("#")[0]), [], []
        elif name and line.startswith("+"):
            aliases.append(_name(line[1:]))
        elif name and line.strip().startswith("["):
            m = ROLE.search(line)
            if m:
                code, sector, mark, d1, d2 = m.groups()
                start = _date(d1) if d1 and mark != "<" else ""
                end = _date(d2) if d2 else (_date(d1) if d1 and mark == "<" else "")
                roles.append((code, sector or "", start, end))
        elif line.strip() and not line.startswith((" ", "\t", "#")):
            flush()
            name = None
    flush()
    return out


def main(src: Path) -> None:
    hand = {line.split("\t")[0] for line in (DATA / "people.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")}
    rows = []
    for name, aliases, roles in people(src):
        if name in hand or len(name.split()) < 2:
            continue
        dated = [r for r in roles if (r[2] or r[3]) and (not r[3] or r[3] >= "1985")]
        if not dated or not any(r[1] in POLITICAL for r in dated):
            continue
        keep = [a for a in dict.fromkeys(aliases) if len(a.split()) >= 2 and a != name]
        for code, sector, start, end in dated:
            rows.append([name, "|".join(keep), "", code, sector, "", start, end, "2026-11-27", "phoenix", ""])
            keep = []
    with (DATA / "people.phoenix.tsv").open("w", encoding="utf-8") as fh:
        fh.write(HEADER + "# columns: as people.tsv\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

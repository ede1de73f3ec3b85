"""Fill empty English adjective cells of actors/data/countries.en.tsv from Phoenix.Countries.actors.txt.

Usage: python training/actors/phoenix_adjectives.py ../shared/data/petrarch/dictionaries/Phoenix.Countries.actors.txt

Phoenix (PETRARCH-2, MIT) lists each country as ``NAME_ [CODE]`` followed by ``+SYNONYM_``
lines; synonyms ending like adjectives (-an, -ese, -ish, -i, -ic) become adjectives; rows
changed are marked ``cldr+phoenix``. Rows marked ``hand`` are left alone.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TSV = Path(__file__).resolve().parents[2] / "src" / "tidende" / "actors" / "data" / "countries.en.tsv"
ADJ = re.compile(r"(AN|ESE|ISH|I|IC|CH)$")


def phoenix(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    code = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^([A-Z][A-Z_'-]*)_?\s+\[([A-Z]{3})\]", line)
        if m:
            code = m.group(2)
            continue
        m = re.match(r"^\+([A-Z][A-Z_'-]*?)_?\s*$", line.strip())
        if m and code:
            word = m.group(1).replace("_", " ")
            if ADJ.search(word) and " " not in word:
                out.setdefault(code, []).append(word.title())
        elif line.strip() and not line.startswith(("+", "#", " ")):
            code = None
    return out


def main(src: Path) -> None:
    adjs = phoenix(src)
    lines = TSV.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        cols = line.split("\t")
        if len(cols) == 5 and cols[4] == "cldr" and not cols[2] and cols[0] in adjs:
            words = list(dict.fromkeys(adjs[cols[0]]))
            cols[2] = "|".join(words)
            cols[3] = words[0]
            cols[4] = "cldr+phoenix"
        out.append("\t".join(cols))
    TSV.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

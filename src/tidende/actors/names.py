"""Given names and the gender a pronoun referring to their bearer usually has (``data/first_names.tsv``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tidende.datafiles import read_tsv

NAMES = Path(__file__).parent / "data" / "first_names.tsv"


@cache
def _genders() -> dict[str, str]:
    return {row["name"]: row["gender"] for row in read_tsv(NAMES)}


def gender_of(name: str) -> str | None:
    """``m`` or ``f`` from the first known given name in ``name`` (``statsminister Erna Solberg`` → ``f``;
    parts of double names count: ``Anne-Marit``), else None."""
    genders = _genders()
    for word in name.replace("-", " ").split():
        if (gender := genders.get(word)) is not None:
            return gender
    return None

"""Cities and the country they are in (``data/places.tsv``, from GeoNames), for spans NER reads as places.

Places are locations, not actors: the table codes a place-labelled NER span (``i Tripoli``,
``in Calgary``) with its country so that the passage's country, event locations and domestic
targets can use it; the resolver also reads a city that places a role (``regjeringen i Bamako``,
``Belgrade radio``) as its country. ``training/actors/places.py`` writes the table.
"""

from __future__ import annotations

from functools import cache

from tidende.actors.kb import DATA_DIR
from tidende.datafiles import read_tsv
from tidende.records import ActorCode

PLACE_LABELS = frozenset({"GPE_LOC", "GPE_ORG", "LOC", "GPE"})  # NorNE and OntoNotes place labels


@cache
def _places() -> dict[str, str]:
    return {r["name"]: r["code"] for r in read_tsv(DATA_DIR / "places.tsv")}


def place_code(name: str) -> str | None:
    """The country of a city name, when the table knows it (a Norwegian genitive ``Tripolis`` is tried
    without its ``s``)."""
    places = _places()
    return places.get(name) or (places.get(name[:-1]) if name.endswith("s") else None)


def place_actor(text: str, label: str) -> ActorCode | None:
    """The country of a span NER labelled as a place, when the table knows it."""
    code = place_code(text) if label in PLACE_LABELS else None
    return ActorCode(code=code, name=text) if code else None

"""Helpers shared by the exporters: CAMEO codes, country codes, TSV lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from tidende.actors.kb import DATA_DIR
from tidende.datafiles import read_tsv

if TYPE_CHECKING:
    from tidende.store.sqlite import Store

QUADS = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


class Cameo(NamedTuple):
    """A PLOVER type read backwards into CAMEO at root level."""

    root: str
    quad: int

    @property
    def code(self) -> str:
        """The root's unspecified three-digit code (``07`` -> ``070``)."""
        return self.root + "0"


@cache
def _cameo_table() -> dict[tuple[str, str], Cameo]:
    path = Path(__file__).parent / "data" / "cameo_root.tsv"
    return {(r["event"], r["mode"]): Cameo(r["cameo_root"], int(r["quad"])) for r in read_tsv(path)}


def cameo(event: str, mode: str | None) -> Cameo | None:
    """CAMEO root and quad class of a PLOVER event type (its mode where that picks another root)."""
    table = _cameo_table()
    return table.get((event, mode or "")) or table.get((event, ""))


@cache
def countries() -> frozenset[str]:
    """The PLOVER country codes of the actor knowledge base."""
    return frozenset(r["code"] for r in read_tsv(DATA_DIR / "countries.tsv"))


def first(actors: list[dict[str, Any]]) -> dict[str, Any]:
    """The first actor of a record's list, or an empty one."""
    return actors[0] if actors else {}


def tsv_line(values: Iterable[Any]) -> str:
    """Tab-separated fields (None empty, booleans 0/1, tabs and newlines as spaces), newline-terminated."""
    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, bool):
            return str(int(v))
        return " ".join(str(v).split()) if isinstance(v, str) else str(v)
    return "\t".join(cell(v) for v in values) + "\n"


def write_mentions_tsv(store: Store, path: Path, columns: list[str],
                       row: Callable[[dict[str, Any], dict[str, Any]], list[Any]], **filters: Any) -> int:
    """Write a header and one ``row(record, article_meta)`` per (filtered) mention; return the row count."""
    meta = store.article_meta()
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(tsv_line(columns))
        for rec in store.events(**filters):
            f.write(tsv_line(row(rec, meta.get(rec["article_id"], {}))))
            n += 1
    return n

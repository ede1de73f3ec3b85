"""PLOVER scales for the explorer: quad classes (the exporters' table), conflict–cooperation scores, actor names."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tidende.actors.kb import DATA_DIR
from tidende.datafiles import read_tsv
from tidende.export.common import QUADS, cameo

#: CSS class of each quad class (colours in ``static/tidende.css``).
QUAD_CSS = {1: "q1", 2: "q2", 3: "q3", 4: "q4"}


@cache
def _scores() -> dict[tuple[str, str], float]:
    path = Path(__file__).parent / "data" / "plover_scores.tsv"
    return {(r["event"], r["mode"]): float(r["score"]) for r in read_tsv(path)}


def score(event: str, mode: str | None) -> float | None:
    """The PLOVER conflict–cooperation score (−10 … +10) of a type and mode; the type's own if the mode has none."""
    table = _scores()
    return table.get((event, mode or ""), table.get((event, "")))


def quad(event: str, mode: str | None) -> int | None:
    """The PLOVER quad class (1 verbal cooperation … 4 material conflict), or None for an unknown type."""
    code = cameo(event, mode)
    return code.quad if code else None


def quad_name(q: int | None) -> str:
    """``Verbal cooperation`` ... for a quad number; ``unknown`` for None."""
    return QUADS.get(q, "unknown") if q is not None else "unknown"


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, in the scores table's (cooperative to conflictual) order."""
    return tuple(dict.fromkeys(event for event, _ in _scores()))


def score_colour(value: float | None) -> str:
    """A hex colour on a red (−10) – grey (0) – green (+10) scale; grey for None."""
    grey, red, green = (150, 150, 150), (200, 30, 30), (30, 150, 60)
    if value is None:
        return "#969696"
    t = max(-1.0, min(1.0, value / 10))
    end = green if t > 0 else red
    rgb = [round(g + (e - g) * abs(t)) for g, e in zip(grey, end, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


@cache
def actor_names() -> dict[str, str]:
    """English names of the knowledge base's country and organisation codes."""
    names = {r["code"]: r["name"] for r in read_tsv(DATA_DIR / "countries.tsv")}
    for r in read_tsv(DATA_DIR / "organisations.tsv"):
        names.setdefault(r["code"], r["en"].split("|")[0])
    return names

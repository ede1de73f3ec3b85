"""View helpers: the article text cut into highlighted segments, event snippets and SVG bar geometry.

Everything here returns plain data; the templates escape every string they print.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

QUAD_CSS = re.compile(r"(evq|q)\d")


@dataclass
class Segment:
    """A run of article text covered by the same spans."""

    text: str
    classes: list[str] = field(default_factory=list)
    trig: list[str] = field(default_factory=list)
    evid: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Mark:
    start: int
    end: int
    css: str
    note: str
    trig: str | None = None
    evid: str | None = None


def _marks(art: dict[str, Any]) -> list[_Mark]:
    marks: list[_Mark] = []
    for e in art["entities"]:
        marks.append(_Mark(e["start"], e["end"], "ent", f"{e['label']} {e['code'] or '(no actor)'}"))
    for q in art["quotes"]:
        who = (q.get("speaker") or {}).get("text") or "unknown speaker"
        marks.append(_Mark(q["start"], q["end"], "quote", f"{q['kind']} quote by {who}"))
        if q.get("cue_start") is not None and q.get("cue_end") is not None:
            marks.append(_Mark(q["cue_start"], q["cue_end"], "cue", "quote cue"))
        if q.get("speaker"):
            sp = q["speaker"]
            marks.append(_Mark(sp["start"], sp["end"], "speaker", f"speaker {sp.get('code') or sp['text']}"))
    for ev in art["events"]:
        quad = f"q{ev['quad']}" if ev.get("quad") else "q0"
        marks.append(_Mark(ev["evidence"]["start"], ev["evidence"]["end"], f"evid ev{quad}",
                           f"evidence of {ev['event']} ({ev['id']})", evid=ev["id"]))
        marks.append(_Mark(ev["trigger"]["start"], ev["trigger"]["end"], f"trig {quad}",
                           f"{ev['event']} trigger ({ev['id']})", trig=ev["id"]))
    return marks


def segments(art: dict[str, Any]) -> list[Segment]:
    """The article's text as consecutive segments, each with the classes and event ids of the spans over it."""
    text: str = art["text"]
    n = len(text)
    marks = [m for m in _marks(art) if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for i, j in itertools.pairwise(cuts):
        seg = Segment(text[i:j])
        for m in marks:
            if m.start <= i and j <= m.end:
                for css in m.css.split():
                    if css not in seg.classes and not _colour_taken(seg, css):
                        seg.classes.append(css)
                seg.notes.append(m.note)
                if m.trig:
                    seg.trig.append(m.trig)
                if m.evid:
                    seg.evid.append(m.evid)
        out.append(seg)
    return out


def _colour_taken(seg: Segment, css: str) -> bool:
    """Whether ``css`` is a quad colour (``q2``, ``evq2``) and the segment has one of that kind (the first wins)."""
    return QUAD_CSS.fullmatch(css) is not None and any(
        QUAD_CSS.fullmatch(c) and c[:-1] == css[:-1] for c in seg.classes)


def snippet(rec: dict[str, Any]) -> tuple[str, str, str]:
    """The event's evidence split around its trigger: (before, trigger, after)."""
    ev, tr = rec["evidence"], rec["trigger"]
    a, b = tr["start"] - ev["start"], tr["end"] - ev["start"]
    text: str = ev["text"]
    if 0 <= a < b <= len(text):
        return text[:a], text[a:b], text[b:]
    return text, "", ""


@dataclass
class Bar:
    """One SVG bar: position, size, CSS class and tooltip."""

    x: float
    y: float
    width: float
    height: float
    css: str
    label: str


WIDTH, HEIGHT = 720.0, 200.0


def score_bars(series: list[dict[str, Any]]) -> list[Bar]:
    """Bars up (cooperation) or down (conflict) from the middle line, one per period, for scores in −10 … +10."""
    if not series:
        return []
    w = WIDTH / len(series)
    mid = HEIGHT / 2
    bars = []
    for i, p in enumerate(series):
        s = p["score"]
        if s is None:
            continue
        h = abs(s) / 10 * mid
        bars.append(Bar(i * w + 1, mid - h if s >= 0 else mid, max(w - 2, 1), max(h, 1),
                        "pos" if s > 0 else "neg" if s < 0 else "zero",
                        f"{p['period']}: score {s:+.2f} over {p['events']} event(s)"))
    return bars


def count_bars(series: list[dict[str, Any]], keys: tuple[str, ...]) -> list[Bar]:
    """Side-by-side bars of the counts under ``keys``, one group per period, scaled to the largest count."""
    if not series:
        return []
    top = max(max(p[k] for k in keys) for p in series) or 1
    w = WIDTH / len(series) / len(keys)
    bars = []
    for i, p in enumerate(series):
        for j, k in enumerate(keys):
            h = p[k] / top * (HEIGHT - 10)
            if p[k]:
                bars.append(Bar((i * len(keys) + j) * w + 1, HEIGHT - h, max(w - 2, 1), h, k,
                                f"{p['period']}: {p[k]} event(s) {k.replace('_', ' ')}"))
    return bars

"""Find temporal expressions in text and normalise them against a document date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator

from tidende.records import DocDate
from tidende.timex.lexicon import load
from tidende.timex.model import Direction, Tense, Timex
from tidende.timex.normalize import Resolution, resolve_match

TenseAt = Callable[[int], Tense | None]


def _nominal_days(ref: DocDate) -> list[dt.date]:
    """The first and last day a reference of month or year precision may stand for."""
    d = ref.value
    if ref.precision == "day":
        return [d]
    if ref.precision == "month":
        return [d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])]
    return [dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)]


def _direction(res: Resolution, ref: dt.date) -> Direction | None:
    if res.direction is not None or res.first is None or res.last is None:
        return res.direction
    if res.last < ref:
        return "past"
    return "future" if res.first > ref else "present"


def _matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only at ``starts`` (a superset of where it can match)."""
    end = 0
    for pos in starts:
        if pos >= end and (m := pattern.match(text, pos)) is not None:
            end = m.end()
            yield m


def find(text: str, lang: str, ref: DocDate, tense_at: TenseAt | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, in order, with exact character offsets.

    ``tense_at(offset)`` gives the tense of the clause governing an offset. Without
    it, bare weekdays and ``i helgen``/``this weekend`` take the nearest occurrence
    and month names the reference year. A reference of month or year precision is
    resolved as its first and its last day: where both agree the value stands,
    otherwise it widens to the reference itself (``2024-04``, precision month).
    Overlapping matches are settled longest first.
    """
    grammar = load(lang)
    days = _nominal_days(ref)
    found: list[tuple[int, int, int, Timex]] = []
    starts = [m.start() for m in grammar.starts.finditer(text)]
    for index, (pattern, rule) in enumerate(grammar.patterns):
        for m in _matches(pattern, text, starts):
            tense = tense_at(m.start()) if tense_at else None
            results = [resolve_match(m, rule, grammar, d, tense) for d in days]
            dated = [r for r in results if r is not None]
            if len(dated) < len(results):
                continue
            directions = {_direction(r, d) for r, d in zip(dated, days, strict=True)}
            value, precision = dated[0].value, dated[0].precision
            if any(r.value != value for r in dated):
                value, precision = ref.iso(), ref.precision
            timex = Timex(
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                value=value,
                precision=precision,
                direction=directions.pop() if len(directions) == 1 else None,
            )
            found.append((-(m.end() - m.start()), m.start(), index, timex))
    chosen: list[Timex] = []
    for *_, t in sorted(found, key=lambda f: f[:3]):
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    return sorted(chosen, key=lambda t: t.start)


def resolve(expression: str, lang: str, ref: DocDate, tense: Tense | None = None) -> Timex | None:
    """Normalise a single expression; ``None`` unless a rule matches all of it.

    Offsets are relative to ``expression``.
    """
    target = expression.strip()
    start = expression.find(target)
    for t in find(expression, lang, ref, (lambda _: tense) if tense else None):
        if t.start == start and t.end == start + len(target):
            return t
    return None

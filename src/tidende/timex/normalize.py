"""Calendar arithmetic: turn a matched rule into a value against one reference day.

Conventions (all relative to the reference day ``ref``):

* A bare or ``på``/``on`` weekday follows the clause's tense: past = the latest such
  day on or before ``ref``; present or future = the first on or after ``ref``; no
  tense = the nearest one (never a tie). ``sist``/``last`` and ``neste``/``next``
  are strictly before/after ``ref``.
* A weekend is the interval Saturday/Sunday; if ``ref`` falls on one, tense-driven
  forms (``i helgen``, ``this weekend``) mean that weekend. Without tense the nearer
  weekend wins, Wednesday going forward.
* Weeks are ISO weeks (``2024-W16``).
* A month name without a year is in ``ref``'s year unless the tense points the
  other way (past tense, later month: the year before; future tense, earlier
  month: the year after). Early/mid/late parts of a month are days 1-10, 11-20 and
  21-end, as an interval.
* ``for tre dager siden``/``in two weeks`` shift ``ref`` and keep the unit's
  precision (``om to uker`` is an ISO week).
* ``de neste ukene``/``in the coming weeks`` is the interval from ``ref`` to ``ref``
  plus N units (backwards for ``de siste``/``in recent``); without a number N is 1
  for a singular unit (``the past week``) and ``VAGUE_COUNT`` = 3 for a plural.
  Day and week intervals have day endpoints, month and year intervals month and
  year endpoints.
* Absolute dates are parsed by ``dateparser`` with the rule file's language and
  date order, ``ref`` as relative base and the tense as preferred direction.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

import dateparser

from tidende.timex.lexicon import Grammar, Rule, Unit, norm
from tidende.timex.model import Direction, Tense, TimexPrecision

VAGUE_COUNT = 3
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
Seek = Literal["before", "after", "on_or_before", "on_or_after", "nearest"]


@dataclass(frozen=True)
class Resolution:
    """A value, the days it covers (``None`` when undated) and a direction that
    overrides the one computed from those days (spans, undated expressions)."""

    value: str | None
    precision: TimexPrecision | None
    first: dt.date | None = None
    last: dt.date | None = None
    direction: Direction | None = None


def _seek(rule: Rule, tense: Tense | None) -> Seek:
    if rule.dir != "tense":
        return "before" if rule.dir == "past" else "after"
    if tense is None:
        return "nearest"
    return "on_or_before" if tense == "past" else "on_or_after"


def _weekday(ref: dt.date, wd: int, seek: Seek) -> dt.date:
    back = (ref.isoweekday() - wd) % 7
    ahead = (wd - ref.isoweekday()) % 7
    offset = {
        "before": -(back or 7),
        "after": ahead or 7,
        "on_or_before": -back,
        "on_or_after": ahead,
        "nearest": -back if back < ahead else ahead,
    }[seek]
    return ref + dt.timedelta(days=offset)


def _weekend(ref: dt.date, seek: Seek) -> dt.date:
    """The Saturday of the weekend ``seek`` picks."""
    wd = ref.isoweekday()
    if seek == "before":
        return _weekday(ref, 7, "before") - dt.timedelta(days=1)
    if seek == "after":
        return _weekday(ref, 6, "after")
    if wd >= 6:
        return ref - dt.timedelta(days=wd - 6)
    if seek == "on_or_before" or (seek == "nearest" and wd < 3):
        return ref - dt.timedelta(days=wd + 1)
    return _weekday(ref, 6, "after")


def _add_months(day: dt.date, n: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 + n, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _day(d: dt.date) -> Resolution:
    return Resolution(d.isoformat(), "day", d, d)


def _week(d: dt.date) -> Resolution:
    year, week, wd = d.isocalendar()
    monday = d - dt.timedelta(days=wd - 1)
    return Resolution(f"{year}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def _month(d: dt.date) -> Resolution:
    return Resolution(f"{d.year:04d}-{d.month:02d}", "month", d.replace(day=1), _month_end(d))


def _year(y: int) -> Resolution:
    return Resolution(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def _interval(a: Resolution, b: Resolution) -> Resolution:
    return Resolution(f"{a.value}/{b.value}", "interval", a.first, b.last)


def _shift(ref: dt.date, unit: Unit, n: int) -> Resolution:
    if unit == "day":
        return _day(ref + dt.timedelta(days=n))
    if unit == "week":
        return _week(ref + dt.timedelta(weeks=n))
    if unit == "month":
        return _month(_add_months(ref, n))
    return _year(ref.year + n)


def _span(ref: dt.date, unit: Unit, n: int) -> Resolution:
    if unit in ("day", "week"):
        near, far = _day(ref), _day(ref + dt.timedelta(days=n * (7 if unit == "week" else 1)))
    else:
        near, far = _shift(ref, unit, 0), _shift(ref, unit, n)
    res = _interval(far, near) if n < 0 else _interval(near, far)
    return replace(res, direction="past" if n < 0 else "future")


def _month_year(ref: dt.date, month: int, rule: Rule, tense: Tense | None) -> int:
    if rule.n is not None:
        return ref.year + rule.n
    if rule.dir == "past":
        return ref.year - (month >= ref.month)
    if rule.dir == "future":
        return ref.year + (month <= ref.month)
    if tense == "past" and month > ref.month:
        return ref.year - 1
    if tense == "future" and month < ref.month:
        return ref.year + 1
    return ref.year


@lru_cache(maxsize=8192)
def _parse_date(text: str, language: str, date_order: str, ref: dt.date, tense: Tense | None) -> dt.date | None:
    """dateparser's reading of ``text`` (cached: news repeats the same dates against the same day)."""
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(ref, dt.time(12)),
        "DATE_ORDER": date_order,
        "PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(tense or "", "current_period"),
        "PREFER_DAY_OF_MONTH": "first",
    }
    parsed = dateparser.parse(text, languages=[language], settings=settings)
    return None if parsed is None else parsed.date()


def resolve_match(
    match: re.Match[str], rule: Rule, grammar: Grammar, ref: dt.date, tense: Tense | None
) -> Resolution | None:
    """Normalise one rule match against the reference day ``ref``; ``None`` if it fails
    (no date, or one outside the calendar, as in ``for 3000 år siden``)."""
    try:
        return _resolve(match, rule, grammar, ref, tense)
    except (ValueError, OverflowError):
        return None


def _resolve(
    match: re.Match[str], rule: Rule, grammar: Grammar, ref: dt.date, tense: Tense | None
) -> Resolution | None:
    words = grammar.spec.words
    g = {k: norm(v) for k, v in match.groupdict().items() if v is not None}
    unit_word = g.get("unit", "")
    unit = words.unit.get(unit_word) or words.units.get(unit_word, "day")
    count = rule.n if rule.n is not None else (1 if unit_word in words.unit else VAGUE_COUNT)
    if "n" in g:
        count = int(g["n"]) if g["n"].isdigit() else words.number[g["n"]]
    match rule.op:
        case "day":
            return _day(ref + dt.timedelta(days=rule.n or 0))
        case "weekday":
            return _day(_weekday(ref, words.weekday[g["weekday"]], _seek(rule, tense)))
        case "weekend":
            sat = _weekend(ref, _seek(rule, tense))
            return _interval(_day(sat), _day(sat + dt.timedelta(days=1)))
        case "week":
            return _week(ref + dt.timedelta(weeks=rule.n or 0))
        case "month":
            return _month(_add_months(ref, rule.n or 0))
        case "year":
            return _year(ref.year + (rule.n or 0))
        case "month_name":
            month = words.month[g["month"]]
            year = int(g["year"]) if "year" in g else _month_year(ref, month, rule, tense)
            part = rule.part or (words.month_part[g["mpart"]] if "mpart" in g else None)
            if part is None:
                return _month(dt.date(year, month, 1))
            lo, hi = PART_DAYS[part]
            last = min(hi, calendar.monthrange(year, month)[1])
            return _interval(_day(dt.date(year, month, lo)), _day(dt.date(year, month, last)))
        case "date":
            day = _parse_date(match.group("date"), grammar.spec.dateparser_language, grammar.spec.date_order, ref,
                              tense)
            if day is None:
                return None
            if "day" in g:
                return _day(day)
            return _month(day) if "month" in g or "month_num" in g else _year(day.year)
        case "shift":
            return _shift(ref, unit, -count if rule.dir == "past" else count)
        case "span":
            return _span(ref, unit, -count if rule.dir == "past" else count)
        case "historical" | "vague":
            return Resolution(None, None, direction=None if rule.dir == "tense" else rule.dir)

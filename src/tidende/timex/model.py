"""The ``Timex`` record: one temporal expression, normalised against a document date."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from tidende.records import Record

Tense = Literal["past", "present", "future"]
Direction = Literal["past", "future", "present"]
TimexPrecision = Literal["day", "week", "month", "year", "interval"]


class Timex(Record):
    """A temporal expression ``text[start:end]`` and its ISO 8601 value.

    ``value`` is a day (``2024-04-13``), ISO week (``2024-W16``), month, year or
    interval (``2024-04-13/2024-04-14``); ``None`` for expressions with no
    calendar value (``siden Sovjet-tiden``, ``nylig``). ``direction`` places the
    expression relative to the document date.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: str | None
    precision: TimexPrecision | None
    direction: Direction | None

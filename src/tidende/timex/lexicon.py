"""Per-language rule tables (``rules/<lang>.yaml``), validated and compiled to regexes.

A rule's ``match`` is a regular expression (case-insensitive, a space matches any
run of whitespace) with placeholders: ``{weekday}``, ``{month}``, ``{number}``,
``{unit}`` (singular or plural), ``{part_of_day}`` and ``{month_part}`` expand to the language's word
lists; ``{day}``, ``{month_num}`` and ``{year}`` to digits. Matches are bounded by
non-word characters, and may not run on into a hyphen (``22. juli-komiteen``,
``1990-åra``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from tidende.datafiles import load_yaml
from tidende.records import Record

Op = Literal[
    "day",
    "weekday",
    "weekend",
    "week",
    "month",
    "year",
    "month_name",
    "date",
    "shift",
    "span",
    "historical",
    "vague",
]
Unit = Literal["day", "week", "month", "year"]
MonthPart = Literal["early", "mid", "late"]

DIGIT_GROUPS = {
    "day": r"(?P<day>3[01]|[12]\d|0?[1-9])",
    "month_num": r"(?P<month_num>1[0-2]|0?[1-9])",
    "year": r"(?P<year>1[5-9]\d\d|20\d\d)",
}
WORD_GROUPS = {
    "weekday": "weekday",
    "month": "month",
    "number": "n",
    "unit": "unit",
    "part_of_day": "pod",
    "month_part": "mpart",
}


class Rule(Record):
    """A surface pattern and the operation (see ``normalize``) that gives its value.

    ``n``: offset for day/week/month/year, year offset for month_name, count for
    shift/span. ``dir``: ``past``/``future`` fixes the direction (strictly before/after
    the reference for weekday and weekend; the sign of shift and span); ``tense``
    lets the clause's tense decide.
    """

    match: str
    op: Op
    n: int | None = None
    dir: Literal["past", "future", "tense"] = "tense"
    part: MonthPart | None = None


class Words(Record):
    """A language's closed word classes, keys in lower case.

    ``unit`` holds singular forms (a count of 1 when none is given), ``units``
    plural ones (a vague count).
    """

    weekday: dict[str, int]
    month: dict[str, int]
    number: dict[str, int]
    unit: dict[str, Unit]
    units: dict[str, Unit]
    part_of_day: list[str]
    month_part: dict[str, MonthPart]


class RuleFile(Record):
    """The contents of ``rules/<lang>.yaml``."""

    version: int
    lang: str
    dateparser_language: str
    date_order: Literal["DMY", "MDY", "YMD"]
    words: Words
    rules: list[Rule]


@dataclass(frozen=True)
class Grammar:
    """A loaded rule file with each rule's compiled pattern."""

    spec: RuleFile
    patterns: tuple[tuple[re.Pattern[str], Rule], ...]
    starts: re.Pattern[str]  # zero-width: every offset where some rule matches (``finder.find`` tries only those)


def norm(word: str) -> str:
    """Lower-case a matched word and collapse its whitespace, for table look-up."""
    return " ".join(word.lower().split())


def _alternation(words: list[str]) -> str:
    escaped = (r"\s+".join(re.escape(p) for p in w.split()) for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


def rule_body(match: str, words: Words) -> str:
    """One rule's regex: placeholders expanded into named groups, spaces into ``\\s+``."""
    lists: dict[str, list[str]] = {
        "weekday": list(words.weekday),
        "month": list(words.month),
        "number": list(words.number),
        "unit": [*words.unit, *words.units],
        "part_of_day": words.part_of_day,
        "month_part": list(words.month_part),
    }

    def expand(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in DIGIT_GROUPS:
            return DIGIT_GROUPS[name]
        if name in WORD_GROUPS:
            body = _alternation(lists[name]) + (r"|\d+" if name == "number" else "")
            return f"(?P<{WORD_GROUPS[name]}>{body})"
        return m.group(0)

    return re.sub(r"\{(\w+)\}", expand, match.replace(" ", r"\s+"))


def compile_rules(spec: RuleFile) -> Grammar:
    """Each rule's pattern (whole words only), and one scan for where any of them can start."""
    bodies = [rule_body(r.match, spec.words) for r in spec.rules]
    patterns = tuple((re.compile(rf"(?<!\w)(?:{b})(?![\w-])", re.IGNORECASE), r)
                     for b, r in zip(bodies, spec.rules, strict=True))
    anonymous = (re.sub(r"\(\?P<\w+>", "(?:", b) for b in bodies)
    starts = re.compile(r"(?<!\w)(?=" + "|".join(rf"(?:{b})(?![\w-])" for b in anonymous) + ")", re.IGNORECASE)
    return Grammar(spec, patterns, starts)


@cache
def load(lang: str) -> Grammar:
    """Load and compile the rule table for ``lang`` (``nb``, ``nn``, ``en``)."""
    path = resources.files(__package__).joinpath("rules", f"{lang}.yaml")
    if not path.is_file():
        raise ValueError(f"no timex rules for language {lang!r}")
    spec = RuleFile.model_validate(load_yaml(path))
    return compile_rules(spec)

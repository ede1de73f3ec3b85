"""Tests for the timex stage: the expression table, hard cases, the example article."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from tidende.records import DocDate
from tidende.timex import Timex, find, resolve

TABLE = Path(__file__).parent / "data" / "timex_table.tsv"
SEED = Path(__file__).parents[2] / ".." / "shared" / "examples" / "seed-article.txt"
APRIL = DocDate.parse("2024-04")
MON = DocDate.parse("2024-04-15")


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _opt(cell: str) -> Any:
    return None if cell == "-" else cell


def _check(row: dict[str, str]) -> tuple[bool, list[Timex]]:
    tense = _opt(row["tense"])
    found = find(row["context"], row["lang"], DocDate.parse(row["ref"]), (lambda _: tense) if tense else None)
    want = (row["expression"], _opt(row["value"]), _opt(row["precision"]))
    return any((t.text, t.value, t.precision) == want for t in found), found


def test_table_is_large_and_balanced() -> None:
    rows = _rows()
    counts = {lang: sum(r["lang"] == lang for r in rows) for lang in ("nb", "nn", "en")}
    assert len(rows) >= 120
    assert min(counts.values()) >= 40
    assert all(r["expression"] in r["context"] for r in rows)


def test_table_accuracy_at_least_95_percent() -> None:
    rows = _rows()
    misses = [(r["lang"], r["ref"], r["expression"], found) for r in rows for ok, found in [_check(r)] if not ok]
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= 0.95, f"{accuracy:.3f}: {misses}"


@pytest.mark.parametrize(
    ("expr", "lang", "ref", "tense", "value", "precision"),
    [
        ("i helgen", "nb", "2024-04-15", "past", "2024-04-13/2024-04-14", "interval"),
        ("i helgen", "nb", "2024-04-15", "present", "2024-04-20/2024-04-21", "interval"),
        ("i helgen", "nb", "2024-04-14", "future", "2024-04-13/2024-04-14", "interval"),
        ("i forgårs", "nb", "2024-03-01", None, "2024-02-28", "day"),
        ("i overmorgon", "nn", "2024-12-30", None, "2025-01-01", "day"),
        ("sist fredag", "nb", "2024-04-19", None, "2024-04-12", "day"),
        ("fredag", "nb", "2024-04-19", "past", "2024-04-19", "day"),
        ("fredag", "nb", "2024-04-15", None, "2024-04-12", "day"),
        ("fredag", "nb", "2024-04-17", None, "2024-04-19", "day"),
        ("denne veka", "nn", "2024-12-31", None, "2025-W01", "week"),
        ("5.3.2024", "nb", "2024-04-15", None, "2024-03-05", "day"),
        ("5/3/2024", "en", "2024-04-15", None, "2024-05-03", "day"),
        ("12. mars", "nb", "2024-02-10", "past", "2023-03-12", "day"),
        ("de neste ukene", "nb", "2024-04-15", None, "2024-04-15/2024-05-06", "interval"),
        ("de neste to ukene", "nb", "2024-04-15", None, "2024-04-15/2024-04-29", "interval"),
        ("the past week", "en", "2024-04-15", None, "2024-04-08/2024-04-15", "interval"),
        ("i slutten av februar", "nb", "2023-06-01", None, "2023-02-21/2023-02-28", "interval"),
        ("for to måneder siden", "nb", "2024-04", None, "2024-02", "month"),
        ("i mars", "nb", "2024", "past", "2024", "year"),
        ("siden Sovjet-tiden", "nb", "2024-04-15", None, None, None),
    ],
)
def test_hard_cases(expr: str, lang: str, ref: str, tense: Any, value: str | None, precision: str | None) -> None:
    t = resolve(expr, lang, DocDate.parse(ref), tense)
    assert t is not None and t.text == expr
    assert (t.value, t.precision) == (value, precision)


def _resolved(expr: str, lang: str, ref: DocDate = MON) -> Timex:
    t = resolve(expr, lang, ref)
    assert t is not None, expr
    return t


def test_direction_follows_the_calendar() -> None:
    assert [_resolved(e, "en").direction for e in ("yesterday", "today", "next week")] == ["past", "present", "future"]
    assert _resolved("de neste ukene", "nb").direction == "future"
    assert _resolved("nylig", "nb").direction == "past"


def test_tense_at_is_asked_per_expression() -> None:
    text = "Han kom fredag, og han reiser igjen fredag."
    second = text.rindex("fredag")
    found = find(text, "nb", MON, lambda i: "future" if i >= second else "past")
    assert [t.value for t in found] == ["2024-04-12", "2024-04-19"]


def test_resolve_needs_the_whole_expression() -> None:
    assert resolve("ikke en dato", "nb", MON) is None
    assert resolve("i går og i dag", "nb", MON) is None
    assert resolve("  i går ", "nb", MON) == Timex(
        text="i går", start=2, end=7, value="2024-04-14", precision="day", direction="past"
    )


def test_no_false_friends() -> None:
    assert find("I årene som fulgte steg dagens priser; morgendagen er uviss.", "nb", MON) == []
    assert find("22. juli-komiteen viste til utviklinga i 1990-åra og i år 514 f.Kr.", "nn", MON) == []
    assert find("They may sign, and the march went on.", "en", MON) == []


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="no timex rules"):
        find("today", "de", MON)


def test_seed_article_against_month_date() -> None:
    text = SEED.read_text(encoding="utf-8")
    got = {t.text: (t.value, t.precision, t.direction) for t in find(text, "nb", APRIL)}
    assert got == {
        "siden Sovjet-tiden": (None, None, "past"),
        "i fjor": ("2023", "year", "past"),
        "i helgen": ("2024-04", "month", "past"),
        "neste uke": ("2024-04", "month", "future"),
        "de neste ukene": ("2024-04", "month", "future"),
        "denne uka": ("2024-04", "month", "present"),
        "nylig": (None, None, "past"),
    }


def test_offsets_are_exact() -> None:
    texts = [(SEED.read_text(encoding="utf-8"), "nb")] + [(r["context"], r["lang"]) for r in _rows()]
    for text, lang in texts:
        for t in find(text, lang, MON):
            assert text[t.start : t.end] == t.text

"""Office holders are coded by the article date."""

from __future__ import annotations

import datetime as dt

import pytest

from tidende.actors import resolve


def _code(text: str, lang: str, date: dt.date | None) -> tuple[str, str | None] | None:
    actor = resolve(text, lang, date)
    return None if actor is None else (actor.code, actor.sector)


def test_solberg_prime_minister_then_opposition() -> None:
    assert _code("Erna Solberg", "nb", dt.date(2015, 6, 1)) == ("NOR", "GOV")
    assert _code("Erna Solberg", "nb", dt.date(2024, 4, 15)) == ("NOR", "OPP")
    assert _code("Solberg", "nn", dt.date(2010, 1, 1)) == ("NOR", "OPP")


def test_tenure_boundaries_are_start_inclusive_end_exclusive() -> None:
    assert _code("Erna Solberg", "nb", dt.date(2013, 10, 15)) == ("NOR", "OPP")
    assert _code("Erna Solberg", "nb", dt.date(2013, 10, 16)) == ("NOR", "GOV")
    assert _code("Erna Solberg", "nb", dt.date(2021, 10, 14)) == ("NOR", "OPP")


def test_stoltenberg_moves_between_norway_and_nato() -> None:
    assert _code("Jens Stoltenberg", "nb", dt.date(2010, 1, 1)) == ("NOR", "GOV")
    assert _code("Jens Stoltenberg", "nb", dt.date(2020, 1, 1)) == ("IGO", None)
    assert _code("Jens Stoltenberg", "nb", dt.date(2025, 6, 1)) == ("NOR", "GOV")


def test_former_official_after_last_office_is_eli() -> None:
    assert _code("Joe Biden", "en", dt.date(2025, 6, 1)) == ("USA", "ELI")
    assert _code("Angela Merkel", "nb", dt.date(2023, 1, 1)) == ("DEU", "ELI")


def test_role_phrase_names_the_holder_on_the_date() -> None:
    for date, name in [
        (dt.date(2020, 1, 1), "Angela Merkel"),
        (dt.date(2024, 1, 1), "Olaf Scholz"),
        (dt.date(2025, 6, 1), "Friedrich Merz"),
    ]:
        actor = resolve("Tysklands statsminister", "nb", date)
        assert actor is not None and (actor.code, actor.sector, actor.name) == ("DEU", "GOV", name)
    actor = resolve("the U.S. president", "en", dt.date(2025, 3, 1))
    assert actor is not None and actor.name == "Donald Trump"


def test_plural_role_names_nobody() -> None:
    actor = resolve("amerikanske presidenter", "nb", dt.date(2024, 1, 1))
    assert actor is not None and (actor.code, actor.name) == ("USA", None)


@pytest.mark.parametrize(("date", "sector"), [(dt.date(2019, 1, 1), "REB"), (dt.date(2022, 1, 1), "GOV")])
def test_organisation_roles_change_over_time(date: dt.date, sector: str) -> None:
    assert _code("Taliban", "nb", date) == ("AFG", sector)


def test_without_date_the_latest_role_counts() -> None:
    assert _code("Erna Solberg", "nb", None) == ("NOR", "OPP")
    assert _code("Jonas Gahr Støre", "nb", None) == ("NOR", "GOV")


def test_role_in_mention_wins_over_stale_table() -> None:
    assert _code("tidligere statsminister Jonas Gahr Støre", "nb", dt.date(2024, 1, 1)) == ("NOR", "ELI")
    assert _code("USAs president Joe Biden", "nb", dt.date(2026, 1, 1)) == ("USA", "GOV")

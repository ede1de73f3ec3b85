"""Every actor of the events in the example article resolves (../shared/examples/seed-article.txt).

``europeiske allierte`` resolves to nothing: PLOVER gives regional constructs ("the West",
"Europe") no country name, and European allies are neither the EU (EUR) nor one state.
``Russlands forsvarsindustri`` is RUS BUS (Phoenix codes DEFENCE_INDUSTRY as business).
Unnamed officials (``amerikanske tjenestepersoner``) are anonymous sources, as the news table
(data/mentions_news.tsv) reads this article.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidende.actors import find_mentions, resolve

DATE = dt.date(2024, 4, 15)
ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "seed-article.txt"

EXPECTED = [
    ("amerikanske tjenestepersoner", "USA", "GOV", True),
    ("kineserne", "CHN", None, False),
    ("russerne", "RUS", None, False),
    ("Kina", "CHN", None, False),
    ("Russlands forsvarsindustri", "RUS", "BUS", False),
    ("en anonym, høytstående amerikansk tjenesteperson", "USA", "GOV", True),
    ("Russland", "RUS", None, False),
    ("USA", "USA", None, False),
    ("Ukraina", "UKR", None, False),
    ("Tysklands statsminister Olaf Scholz", "DEU", "GOV", False),
    ("G7", "IGO", None, False),
    ("USAs president Joe Biden", "USA", "GOV", False),
    ("Finansminister Janet Yellen", "USA", "GOV", False),
    ("de amerikanske tjenestepersonene", "USA", "GOV", True),
    ("Biden", "USA", "GOV", False),
    ("Kinas president Xi Jinping", "CHN", "GOV", False),
    ("Den kinesiske ambassaden i USA", "CHN", "GOV", False),
    ("Talsperson Liu Pengyu for ambassaden", "CHN", "GOV", False),
    ("Reuters", "GBR", "JRN", False),
    ("den amerikanske siden", "USA", "GOV", False),
    ("kinesiske tjenestepersoner", "CHN", "GOV", True),
    ("Moskva", "RUS", "GOV", False),
    ("Beijing", "CHN", "GOV", False),
    ("Nord-Korea", "PRK", None, False),
    ("Iran", "IRN", None, False),
]


@pytest.mark.parametrize(("mention", "code", "sector", "anonymous"), EXPECTED)
def test_article_actor_resolves(mention: str, code: str, sector: str | None, anonymous: bool) -> None:
    actor = resolve(mention, "nb", DATE)
    assert actor is not None
    assert (actor.code, actor.sector, actor.anonymous) == (code, sector, anonymous)


def test_article_people_carry_names_and_known_ids() -> None:
    biden = resolve("USAs president Joe Biden", "nb", DATE)
    xi = resolve("Kinas president Xi Jinping", "nb", DATE)
    liu = resolve("Talsperson Liu Pengyu for ambassaden", "nb", DATE)
    assert biden is not None and (biden.name, biden.wikidata_id) == ("Joe Biden", "Q6279")
    assert xi is not None and (xi.name, xi.wikidata_id) == ("Xi Jinping", "Q15031")
    assert liu is not None and liu.name == "Liu Pengyu"


def test_regional_construct_is_not_coded() -> None:
    assert resolve("europeiske allierte", "nb", DATE) is None


def test_find_mentions_covers_the_article_actors() -> None:
    if not ARTICLE.exists():
        pytest.skip("shared/ not beside the repository")
    text = ARTICLE.read_text(encoding="utf-8")
    found = find_mentions(text, "nb", DATE)
    for e in found:
        assert text[e.start : e.end] == e.text
    coded = {(e.text, e.actor.code, e.actor.sector, e.actor.anonymous) for e in found if e.actor}
    for mention, code, sector, anonymous in EXPECTED:
        assert (mention, code, sector, anonymous) in coded, mention
    assert not any(e.text.startswith("europeiske") for e in found)

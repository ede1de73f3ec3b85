"""The entities stage: knowledge-base phrases are kept only where the parse reads one noun phrase."""

from __future__ import annotations

import pytest

from tidende.actors.stage import _short_names
from tidende.pipeline import Pipeline
from tidende.records import ActorCode, Article, DocDate, Entity


def _entities(text: str, lang: str) -> list[str]:
    doc = Pipeline(stages=("entities",), lang=lang).process(
        Article(id="t", text=text, lang=lang, date=DocDate.parse("2012-11-06")))  # type: ignore[arg-type]
    return [e.text for e in doc.entities]


@pytest.mark.parametrize(("text", "lang", "name", "not_phrase"), [
    # "leder" is the verb (leads), not the role noun (leader)
    ("I Nord-Carolina leder Romney nå med 50 mot 49 prosent.", "nb", "Romney", "leder Romney"),
    # the teacher asks Annika: two arguments of "ber", no apposition
    ("Allereie same dagen ber den nye læraren Annika om å vere med på materialrommet.", "nn", "Annika",
     "den nye læraren Annika"),
])
def test_role_noun_and_name_that_are_no_phrase_stay_apart(text: str, lang: str, name: str, not_phrase: str) -> None:
    found = _entities(text, lang)
    assert name in found
    assert not_phrase not in found


def test_role_phrase_with_apposition_is_one_mention() -> None:
    found = _entities("USAs president Joe Biden ringte Xi Jinping i går.", "nb")
    assert "USAs president Joe Biden" in found


def test_short_name_links_to_a_surname_not_to_a_middle_name_after_an_initial() -> None:
    """``Palmer`` and ``Liu`` are short forms; ``Mitchell`` in ``A. Mitchell Palmer`` is a middle name."""
    usa, chn = ActorCode(code="USA", sector="GOV"), ActorCode(code="CHN", sector="GOV")
    full = [Entity(text="justisminister A. Mitchell Palmer", start=0, end=33, label="ROLE", actor=usa),
            Entity(text="Talsperson Liu Pengyu", start=40, end=61, label="ROLE", actor=chn)]
    short = [Entity(text=t, start=70 + 10 * k, end=78 + 10 * k, label="PER") for k, t in
             enumerate(("Mitchell", "Palmer", "Liu"))]
    links = _short_names(full + short)
    assert [(s.text, f.text) for s, f in links] == [("Palmer", full[0].text), ("Liu", full[1].text)]
    assert short[0].actor is None


def test_role_phrase_naming_no_country_points_back() -> None:
    """«regjeringen» takes the country named most before it, not the one the rest of the text names most."""
    text = ("Russland truet Norge med mottiltak etter at regjeringen sendte våpen til Ukraina.\n\n"
            "Norge og Ukraina signerte en avtale om samarbeid i Kyiv, ifølge NTB. Ukraina takket.")
    doc = Pipeline(stages=("entities",), lang="nb").process(
        Article(id="t", text=text, lang="nb", date=DocDate.parse("2024-06-03")))  # type: ignore[arg-type]
    gov = next(e for e in doc.entities if e.text == "regjeringen")
    assert gov.actor is not None and (gov.actor.code, gov.actor.sector) == ("NOR", "GOV")

"""Role phrases in context: ethnic groups placed where they live, leaders of "-led" forces, phrases that
are no actor (``for to uker siden``, ``den militære bistanden``)."""

from __future__ import annotations

import pytest

from tidende.actors import find_mentions, resolve
from tidende.pipeline import Pipeline
from tidende.records import Article, DocDate


def _actors(text: str, lang: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.actor.code, m.actor.sector) for m in find_mentions(text, lang, infer=True) if m.actor}


@pytest.mark.parametrize(("text", "lang", "mention", "code"), [
    # PLOVER gold codes an ethnic group by the country it lives in, not by the demonym's state
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, where 24 people were killed in "
     "nationalist riots last March, Belgrade radio said.", "en", "Albanians", "SRB"),
    ("Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border "
     "with Bulgaria, Macedonian officials said Wednesday.", "en", "Albanians", "MKD"),
    ("The United States is providing aerial photographs and other military intelligence to Macedonia which is "
     "preparing a major offensive against ethnic Albanian guerrillas, the Washington Post said Wednesday.", "en",
     "ethnic Albanian guerrillas", "MKD"),
    ("USA gir flyfoto og annen militær etterretning til Makedonia, som forbereder en storoffensiv mot etnisk "
     "albanske geriljasoldater, skrev Washington Post onsdag.", "nb", "etnisk albanske geriljasoldater", "MKD"),
])
def test_ethnic_group_takes_the_country_named_nearest(text: str, lang: str, mention: str, code: str) -> None:
    assert _actors(text, lang)[mention][0] == code


def test_nationality_without_ethnic_keeps_its_state() -> None:
    found = _actors("Some 800,000 Iraqi Kurds sought refuge in Germany last month.", "en")
    assert found["Iraqi"] == ("IRQ", None)


@pytest.mark.parametrize(("text", "lang", "code", "sector"), [
    ("Albanian rebels in Macedonia", "en", "MKD", "REB"),
    ("albanske opprørere i Makedonia", "nb", "MKD", "REB"),
    ("albanere i Serbia", "nb", "SRB", "CVL"),
    ("Russian troops in Chechnya", "en", "RUS", "MIL"),  # state forces keep their state
    ("Vietnamese-led forces", "en", "VNM", "MIL"),
    ("USA-ledede styrker", "nb", "USA", "MIL"),
])
def test_resident_groups_and_led_forces(text: str, lang: str, code: str, sector: str) -> None:
    actor = resolve(text, lang)
    assert actor is not None
    assert (actor.code, actor.sector) == (code, sector)


def test_side_without_owner_is_the_adverb() -> None:
    text = "Opprørerne på Fiji sa at de vil løslate statsministeren, som de tok som gisler for to uker siden."
    assert "siden" not in _actors(text, "nb")
    assert resolve("den amerikanske siden", "nb") is not None


def _entities(text: str, lang: str) -> dict[str, str | None]:
    doc = Pipeline(stages=("entities",), lang=lang).process(
        Article(id="t", text=text, lang=lang, date=DocDate.parse("2001-03-07")))  # type: ignore[arg-type]
    return {e.text: e.actor.code if e.actor else None for e in doc.entities}


@pytest.mark.parametrize(("text", "lang", "not_actor", "actor"), [
    ("Den britiske forsvarsministeren Tom King har lovet å videreføre den militære bistanden til det "
     "krigsherjede Mosambik.", "nb", "den militære", "Mosambik"),
    ("Palestinian leaders said they would boycott all official contact with the United States.", "en",
     "all official", "Palestinian leaders"),
])
def test_adjective_before_a_noun_that_names_no_actor(text: str, lang: str, not_actor: str, actor: str) -> None:
    found = _entities(text, lang)
    assert not_actor not in found
    assert found[actor] is not None

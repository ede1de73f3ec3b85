"""Norwegian coding: lemma back-off, participles read as adjectives, implicit actors of event nouns."""

from __future__ import annotations

import pytest

from tidende.events.coder import EventCoder
from tidende.events.lexicon import load_lexicon
from tidende.nlp.morph import verb_lemma
from tidende.pipeline import Pipeline
from tidende.records import Article, DocDate


def _events(text: str) -> list[tuple[str, list[str], list[str], str]]:
    doc = Pipeline(lang="nb").process(Article(id="t", text=text, lang="nb", date=DocDate.parse("2024-04-15")))
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient], e.trigger.text) for e in doc.events]


@pytest.mark.parametrize(("form", "lemma"), [("grep", "gripe"), ("pågrep", "pågripe"), ("overga", "overgi"),
                                             ("forlot", "forlate"), ("xyzzy", None)])
def test_verb_lemma_by_longest_known_ending(form: str, lemma: str | None) -> None:
    assert verb_lemma(form, "nb") == lemma


def test_strong_past_of_a_compound_verb_is_coded() -> None:
    """The lemmatiser leaves «pågrep»; the treebank's verb table gives «pågripe» (COERCE arrest)."""
    assert ("COERCE", ["EGY"], ["EGY"], "pågrep") in _events("Egyptisk politi pågrep tolv demonstranter.")


def test_passive_s_form_backs_off_to_the_active_lemma() -> None:
    """When the lemmatiser keeps «støttes», the back-off tries «støtte»; the passive agent is the actor."""
    assert "støtte" in EventCoder(load_lexicon("nb")).lemma_candidates("støttes")
    assert [(e, a) for e, a, _, _ in _events("Forslaget støttes av Frankrike.")] == [("SUPPORT", ["FRA"])]


def test_event_noun_of_an_occurrence_verb_takes_the_passage_country() -> None:
    events = _events("I Honduras har det vært demonstrasjoner mot kuppet.")
    assert ("PROTEST", ["HND"]) in [(e, a) for e, a, _, _ in events]


def test_event_noun_inside_another_events_argument_takes_no_implicit_actor() -> None:
    """«fordømmer invasjonen»: the invasion has no named agent here, so only the ACCUSE is coded."""
    assert [e for e, _, _, _ in _events("Norge fordømmer invasjonen.")] == ["ACCUSE"]


def test_coordinated_participle_shares_the_passive_and_a_state_only_act_takes_the_state() -> None:
    """«ble arrestert og tiltalt»: «tiltalt» is passive too; only a state indicts, so the agentless
    indictment is the act of the country the passage is about."""
    text = "I Russland ble to journalister arrestert og tiltalt for spionasje."
    events = {(e, tuple(a)) for e, a, _, _ in _events(text)}
    assert {("COERCE", ("RUS",)), ("ACCUSE", ("RUS",))} <= events


def test_nested_attribution_keeps_the_outer_source() -> None:
    """«A sier at B har sagt at P»: P is A's claim; the quote id names B's quote, whose chain leads to A's."""
    doc = Pipeline(lang="nb").process(Article(id="t", lang="nb", text=(
        "Statsministeren sier at presidenten har sagt at USA vil trekke seg ut av NATO.")))
    (event,) = doc.events
    assert event.attribution is not None and event.attribution.text == "Statsministeren"
    inner = next(q for q in doc.quotes if q.id == event.attribution.quote_id)
    assert inner.speaker is not None and inner.speaker.text == "presidenten"
    assert [doc.quotes[0].id] == inner.chain

"""PLOVER rules on modality, complements, conditions and implicit actors (pinned English and Bokmål pipelines)."""

from __future__ import annotations

import pytest

from tidende.pipeline import Pipeline
from tidende.records import Article, DocDate, Document

Coded = list[tuple[str, list[str], list[str]]]


@pytest.fixture(scope="module")
def en():  # type: ignore[no-untyped-def]
    pipeline = Pipeline(lang="en")
    return lambda text: pipeline.process(Article(id="t", text=text, date=DocDate.parse("2024-04-15")))


@pytest.fixture(scope="module")
def nb():  # type: ignore[no-untyped-def]
    pipeline = Pipeline(lang="nb")
    return lambda text: pipeline.process(Article(id="t", text=text, date=DocDate.parse("2024-04-15")))


def _events(doc: Document) -> Coded:
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in doc.events]


def test_intended_retreat_is_concede(en) -> None:  # type: ignore[no-untyped-def]
    """Manual: an announced future retreat is a CONCEDE; "willing to" marks the intent."""
    (ev,) = en("Syria says it is willing to withdraw its troops from Lebanon.").events
    assert (ev.event, ev.modality, [a.code for a in ev.actor], [r.code for r in ev.recipient]) == (
        "CONCEDE", "asserted", ["SYR"], ["LBN"])


def test_promised_concession_replaces_the_agree(en) -> None:  # type: ignore[no-untyped-def]
    assert _events(en("Ethiopia has agreed to reopen its borders to UN peacekeepers.")) == [
        ("CONCEDE", ["ETH"], ["UNO"])]


def test_threat_absorbs_its_content_and_targets_the_condition(en) -> None:  # type: ignore[no-untyped-def]
    """One THREATEN; the threatened offensive and the condition are not events of their own."""
    assert _events(en("Iran threatened to launch an offensive unless Iraq accepted its conditions.")) == [
        ("THREATEN", ["IRN"], ["IRQ"])]


def test_reported_would_is_future_and_a_blockade_a_threat(en) -> None:  # type: ignore[no-untyped-def]
    (ev,) = en("French farmers said they would blockade Paris.").events
    assert (ev.event, ev.mode, ev.modality, [a.code for a in ev.actor]) == ("THREATEN", "restrict", "asserted", ["FRA"])


def test_refusals_are_rejects(en) -> None:  # type: ignore[no-untyped-def]
    (ev,) = en("Syria says it will not accept any more refugees.").events
    assert (ev.event, ev.negated, [a.code for a in ev.actor]) == ("REJECT", False, ["SYR"])
    assert _events(en("Israel has vowed not to return the Golan Heights to Syria.")) == [("REJECT", ["ISR"], ["SYR"])]
    assert [e.event for e in en("Palestinians and Israelis failed to reach agreement on Sunday.").events] == ["REJECT"]


def test_reported_obligation_is_a_request(en) -> None:  # type: ignore[no-untyped-def]
    assert _events(en("Russia said that Sudan must return the helicopter.")) == [("REQUEST", ["RUS"], ["SDN"])]


def test_host_is_the_recipient(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("Russian President Boris Yeltsin hosted Japanese Prime Minister Ryutaro Hashimoto.")
    assert _events(doc) == [("CONSULT", ["JPN"], ["RUS"])]


def test_agentless_arrest_is_by_the_state_where_it_happens(en) -> None:  # type: ignore[no-untyped-def]
    (ev,) = en("Two German tourists were arrested in Thailand.").events
    assert (ev.event, [(a.code, a.sector) for a in ev.actor], [r.code for r in ev.recipient]) == (
        "COERCE", [("THA", "COP")], ["DEU"])


def test_unidentified_attacker_takes_the_location(en) -> None:  # type: ignore[no-untyped-def]
    (ev,) = en("Three Iraqi civilians were killed in a car bombing in Baghdad.").events
    assert (ev.event, [(a.code, a.sector) for a in ev.actor]) == ("ASSAULT", [("IRQ", "UNK")])


def test_participial_adjunct_takes_the_main_subject(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("Bangladesh rejected the Indian proposal, urging India to sign the treaty.")
    assert ("REQUEST", ["BGD"], ["IND"]) in _events(doc)


def test_event_noun_of_a_coded_verb_is_not_a_second_event(en) -> None:  # type: ignore[no-untyped-def]
    assert _events(en("Serbia lodged an official protest with Albania.")) == [("ACCUSE", ["SRB"], ["ALB"])]


def test_compound_event_noun_with_light_verb(en) -> None:  # type: ignore[no-untyped-def]
    (ev,) = en("Algerian landowners began a hunger strike.").events
    assert (ev.event, ev.mode, [a.code for a in ev.actor]) == ("PROTEST", "hunger", ["DZA"])


def test_domestic_concession_without_recipient_slot(en) -> None:  # type: ignore[no-untyped-def]
    assert _events(en("Sudan's government lifted the state of emergency.")) == [("CONCEDE", ["SDN"], ["SDN"])]


def test_demonym_hidden_by_a_ner_span_still_codes(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("Security forces in Guinea have tortured scores of Sierra Leonean and Liberian refugees.")
    assert ("ASSAULT", ["GIN"], ["SLE"]) in _events(doc)


def test_nb_prepositional_complement_of_a_threat(nb) -> None:  # type: ignore[no-untyped-def]
    doc = nb("Aserbajdsjans nasjonalforsamling truet mandag med å bryte forbindelsene med Russland.")
    assert _events(doc) == [("THREATEN", ["AZE"], ["RUS"])]


def test_nb_particle_parsed_as_preposition(nb) -> None:  # type: ignore[no-untyped-def]
    """NDT attaches «imot» in «tok imot X» as a preposition; the host entry still matches."""
    doc = nb("Russlands president Boris Jeltsin tok lørdag imot Japans statsminister Ryutaro Hashimoto.")
    assert _events(doc) == [("CONSULT", ["JPN"], ["RUS"])]


def test_nb_role_phrase_takes_the_country_of_its_sentence(nb) -> None:  # type: ignore[no-untyped-def]
    doc = nb("Demonstranter protesterer mot militærkuppet foran presidentboligen i Honduras' hovedstad.")
    assert [(e.event, [a.code for a in e.actor]) for e in doc.events] == [("PROTEST", ["HND"])]


def test_nn_particle_verb_with_recipient_search() -> None:
    """«skreiv under» with «under» parsed as a preposition: the recipient search over complements must
    still find the clause (regression: it raised on the rewritten clause)."""
    doc = Pipeline(lang="nn").process(Article(id="t", text="Tsjekkia og Kina skreiv i dag under ein avtale om å "
                                              "auke handelen.", date=DocDate.parse("2024-04-15")))
    assert _events(doc) == [("SUPPORT", ["CZE", "CHN"], [])]


def test_conditional_sanction_is_a_threat(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("Nigeria announced that it will withdraw its peacekeeping force from Chad unless the president "
             "arranged a ceasefire.")
    assert [(e.event, e.mode, [a.code for a in e.actor]) for e in doc.events] == [("THREATEN", "expel", ["NGA"])]


def test_hacking_is_cyber_coercion(en) -> None:  # type: ignore[no-untyped-def]
    (ev,) = en("North Korea has tried to hack into the computers of South Korean army officers.").events
    assert (ev.event, ev.mode, [a.code for a in ev.actor], [r.code for r in ev.recipient]) == (
        "COERCE", "cyber", ["PRK"], ["KOR"])

"""PLOVER coding rules on English sentences (the pinned English pipeline is deterministic)."""

from __future__ import annotations

import pytest

from tidende.pipeline import Pipeline
from tidende.records import Article, DocDate, Document


@pytest.fixture(scope="module")
def code():  # type: ignore[no-untyped-def]
    pipeline = Pipeline(lang="en")

    def run(text: str) -> Document:
        return pipeline.process(Article(id="t", text=text, date=DocDate.parse("2024-04-15")))

    return run


def _events(doc: Document) -> list[tuple[str, list[str], list[str]]]:
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in doc.events]


def test_coder_negation(code) -> None:  # type: ignore[no-untyped-def]
    (ev,) = code("China has not supplied weapons to Russia.").events
    assert (ev.event, ev.negated, ev.modality) == ("AID", True, "asserted")
    assert [a.code for a in ev.actor] == ["CHN"] and [r.code for r in ev.recipient] == ["RUS"]


def test_coder_future_aid_is_agree(code) -> None:  # type: ignore[no-untyped-def]
    """PLOVER: a promise of aid is an AGREE (expressed intent), asserted."""
    (ev,) = code("Finland will give Tanzania a grant of 580 million shillings.").events
    assert (ev.event, ev.modality) == ("AGREE", "asserted")


def test_coder_future_visit_stays_consult(code) -> None:  # type: ignore[no-untyped-def]
    (ev,) = code("German Chancellor Olaf Scholz will visit Beijing next week.").events
    assert (ev.event, ev.mode, ev.modality) == ("CONSULT", "visit", "future")
    assert ev.date == "2024-W17" and ev.date_precision == "week"


def test_coder_denial_negates_and_attributes(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("The Chinese embassy denied that China had supplied weapons to Russia.")
    aid = next(e for e in doc.events if e.event == "AID")
    assert aid.negated and aid.attribution is not None
    assert (aid.attribution.code, aid.attribution.stance) == ("CHN", "denies")


def test_coder_passive_agent_is_actor(code) -> None:  # type: ignore[no-untyped-def]
    assert ("ASSAULT", ["RUS"], ["UKR"]) in _events(code("Ukraine was attacked by Russia on Friday."))


def test_coder_compound_actor_from_coordination(code) -> None:  # type: ignore[no-untyped-def]
    (ev,) = code("The United States and Jordan have agreed upon a new free-trade pact.").events
    assert ev.event == "AGREE" and sorted(a.code for a in ev.actor) == ["JOR", "USA"]


def test_coder_request_recipient_from_complement_subject(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("The United States on Thursday demanded that North Korea forsake its nuclear program.")
    assert ("REQUEST", ["USA"], ["PRK"]) in _events(doc)


def test_coder_offer_absorbs_complement(code) -> None:  # type: ignore[no-untyped-def]
    """'offered to negotiate' is one AGREE, not an AGREE and a CONSULT."""
    assert [e.event for e in code("Putin offered to negotiate with the president of Armenia.").events] == ["AGREE"]


def test_coder_hypothetical(code) -> None:  # type: ignore[no-untyped-def]
    (ev,) = code("Russia could attack Ukraine.").events
    assert (ev.event, ev.modality) == ("ASSAULT", "hypothetical")


def test_coder_desired_complement_of_hope(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("The United States hoped that China would stop helping Russia.")
    aid = [e for e in doc.events if e.event == "AID"]
    assert aid and aid[0].modality == "desired"


def test_coder_meeting_announced_by_its_actor_is_agree(code) -> None:  # type: ignore[no-untyped-def]
    """Manual: agreeing to meet is AGREE; a meeting others announce stays a future CONSULT."""
    doc = code("Afghan rebel leaders said on Wednesday they would meet U.N. mediator Diego Cordovez.")
    assert [(e.event, e.modality) for e in doc.events] == [("AGREE", "asserted")]
    doc = code("Gambian President Dawda Jawara will visit Senegal, diplomatic sources said on Wednesday.")
    assert [(e.event, e.mode, e.modality) for e in doc.events] == [("CONSULT", "visit", "future")]


def test_coder_light_verb_noun_event_gets_subject_and_domestic_target_and_absorbs_its_purpose(code) -> None:  # type: ignore[no-untyped-def]
    """"began a hunger strike": the subject of the light verb is the actor; a protest naming no target
    is aimed at the actor's own state; its purpose ("to demand ...") is what the protest is about, not an
    event of its own (plover.yaml ``absorbs_adjunct``; the PLOVER gold codes only the protest in
    PROTEST-0004, -0006, -0008, -0010 and THREATEN-0015)."""
    doc = code("Algerian landowners began a hunger strike to demand the return of their property.")
    got = {(e.event, e.mode, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in doc.events}
    assert got == {("PROTEST", "hunger", ("DZA",), ("DZA",))}


def test_coder_grounds_of_a_punishment_are_an_accusation(code) -> None:  # type: ignore[no-untyped-def]
    """"arrested in Lebanon for collaborating with Israel": Lebanon arrests and accuses the missionary."""
    doc = code("A Christian missionary from Calgary was arrested in Lebanon for collaborating with Israel.")
    got = [(e.event, e.mode, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in doc.events]
    assert got == [("COERCE", "arrest", ["LBN"], ["CAN"]), ("ACCUSE", "allege", ["LBN"], ["CAN"])]

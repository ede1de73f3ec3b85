"""Fixes from the quote review: one test per defect, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.quotes.helpers import by_content, quotes
from tidende.nlp import load
from tidende.quotes.cues import load_cues
from tidende.quotes.finder import Found, QuoteFinder
from tidende.records import Speaker


# S1: a coordinated reporting verb shares its first conjunct's speaker; the first complement ends before it
def test_coordinated_reporting_verb_after_a_complement_shares_the_subject() -> None:
    text = ("Den russiske ambassaden i Oslo framholder at Russland ikke har angrepet sivile mål og legger til at "
            "landet ønsker fred.")
    qs = quotes(text, "nb")
    first = by_content(qs, "ikke har angrepet")
    assert first.content == "Russland ikke har angrepet sivile mål"
    second = by_content(qs, "ønsker fred")
    assert second.content == "landet ønsker fred" and second.chain == []
    for q in (first, second):
        assert q.speaker is not None and q.speaker.text == "Den russiske ambassaden i Oslo"


def test_coordinated_reporting_verb_after_an_inverted_cue_shares_its_speaker() -> None:
    text = "– Vi forhandler ikke med terrorister, sier Netanyahu, og legger til at krigen vil fortsette."
    qs = quotes(text, "nb")
    direct = by_content(qs, "forhandler ikke")
    assert direct.kind == "direct" and direct.content == "Vi forhandler ikke med terrorister"
    added = by_content(qs, "krigen vil fortsette")
    assert added.kind == "indirect" and added.speaker is not None and added.speaker.text == "Netanyahu"


# S2: an impersonal "heter det" continuation takes the latest source, an "ifølge" source included
def test_impersonal_continuation_takes_the_according_to_source() -> None:
    text = ("En anonym kilde i regjeringen sier at Norge vil sende flere soldater.\n\n"
            "Ifølge britiske tjenestepersoner har Russland mistet hundrevis av stridsvogner. "
            "Det er også stor mangel på ammunisjon, heter det videre.")
    qs = quotes(text, "nb")
    cont = by_content(qs, "mangel på ammunisjon")
    assert cont.cue == "heter"
    assert cont.speaker is not None and cont.speaker.text == "britiske tjenestepersoner"


# S3: a speaker phrase coordinating two countries is one mention with no single code
def test_both_sides_speaker_keeps_the_correlative_and_has_no_code() -> None:
    text = "Både russiske og ukrainske tjenestepersoner sier at forhandlingene har stanset."
    q = by_content(quotes(text, "nb"), "forhandlingene har stanset")
    assert q.speaker is not None
    assert q.speaker.text == "Både russiske og ukrainske tjenestepersoner"
    assert q.speaker.code is None and q.speaker.anonymous


def test_coordinated_speakers_of_one_country_keep_the_code() -> None:
    text = "Putin og Lavrov sier at Russland vil svare."
    q = by_content(quotes(text, "nb"), "Russland vil svare")
    assert q.speaker is not None and q.speaker.code == "RUS"


# S4: an unnamed official source is anonymous; a named person, an office or an institution is not
@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("nb", "Amerikanske tjenestepersoner sier at Kina hjelper Russland.", "Amerikanske tjenestepersoner"),
    ("nb", "Ifølge de britiske tjenestepersonene har Russland mistet mange fly.", "de britiske tjenestepersonene"),
    ("nb", "En høytstående fransk tjenesteperson sier at Paris vil sende flere våpen.",
     "En høytstående fransk tjenesteperson"),
    ("en", "A senior US official, speaking on condition of anonymity, said that China had supplied drones.",
     "A senior US official"),
    ("en", "Western diplomats said that the talks had collapsed.", "Western diplomats"),
])
def test_unnamed_official_sources_are_anonymous(lang: str, text: str, speaker: str) -> None:
    q = quotes(text, lang)[0]
    assert q.speaker is not None and q.speaker.text == speaker and q.speaker.anonymous


@pytest.mark.parametrize(("lang", "text"), [
    ("nb", "Den kinesiske ambassaden i USA sier at Kina ikke har sendt våpen."),
    ("nb", "Utenriksministeren sier at Norge vil sende mer hjelp."),
    ("nb", "Talsperson Liu Pengyu sier at USA ikke bør blande seg inn."),
    ("en", "US Secretary of State Antony Blinken said that China had supplied drones."),
])
def test_named_sources_and_institutions_are_not_anonymous(lang: str, text: str) -> None:
    q = quotes(text, lang)[0]
    assert q.speaker is not None and not q.speaker.anonymous


def test_unnamed_source_cues_are_data() -> None:
    nb, en = load_cues("nb"), load_cues("en")
    assert nb.unnamed_source("etterretningskilder") and not nb.unnamed_source("ambassaden")
    assert en.anonymity("a senior official, speaking on condition of anonymity")
    assert not en.anonymity("an anonymously funded study") and nb.anonymity("en anonym kilde")


# D1: two dash sentences with their own cues on one line are two quotes
def test_two_dash_sentences_on_one_line() -> None:
    text = "– Dette er en krigserklæring, sier Peskov til TASS. – Russland vil svare med alle midler, sier han."
    qs = quotes(text, "nb")
    assert [q.content for q in qs] == ["Dette er en krigserklæring", "Russland vil svare med alle midler"]
    assert all(q.kind == "direct" for q in qs)
    assert qs[0].speaker is not None and qs[0].speaker.text == "Peskov" and qs[0].channel == "TASS"
    assert qs[1].speaker is not None and qs[1].speaker.text == "han"
    assert qs[1].speaker.name is not None and "Peskov" in qs[1].speaker.name


# D2: English single quote marks delimit direct speech; apostrophes do not
@pytest.mark.parametrize("marks", ["''", "\u2018\u2019"])
def test_english_single_quotes_are_direct_speech(marks: str) -> None:
    o, c = marks
    text = f"{o}We will not send troops to Ukraine,{c} Defence Minister Ben Wallace said."
    (q,) = quotes(text, "en")
    assert q.kind == "direct" and q.content == "We will not send troops to Ukraine" and q.cue == "said"
    assert q.speaker is not None and q.speaker.text == "Defence Minister Ben Wallace"


def test_single_quoted_speech_keeps_both_sentences() -> None:
    (q,) = quotes("'We are ready. Our forces will respond,' he said.", "en")
    assert q.kind == "direct" and q.content == "We are ready. Our forces will respond"


def test_apostrophes_are_not_quote_marks() -> None:
    text = "I don't think Russia's army in the '90s was ready, the officials' spokesman said."
    qs = quotes(text, "en")
    assert qs and not any(q.kind == "direct" for q in qs)
    assert by_content(qs, "don't think").content.startswith("I don't think Russia's army in the '90s")


# D3: a trailing "ifølge X" / "according to X" is not part of the content
@pytest.mark.parametrize(("lang", "text", "content", "source"), [
    ("nb", "Tre personer ble arrestert i Oslo, ifølge politiet.", "Tre personer ble arrestert i Oslo", "politiet"),
    ("en", "China has supplied drones to Russia, according to US officials.", "China has supplied drones to Russia",
     "US officials"),
])
def test_trailing_according_to_is_outside_the_content(lang: str, text: str, content: str, source: str) -> None:
    (q,) = quotes(text, lang)
    assert q.kind == "according_to" and q.content == content
    assert q.speaker is not None and q.speaker.text == source


# D4: an addressee is not a channel; a medium is
@pytest.mark.parametrize(("lang", "text"), [
    ("nb", "Putin sa til statsministeren at Russland vil svare."),
    ("nb", "Biden sa til Zelenskyj at USA vil sende flere våpen."),
    ("nb", "Han sa til meg at krigen snart er over."),
    ("en", "Peskov told reporters that Russia would respond."),
    ("en", "Peskov told him that Russia would respond."),
])
def test_addressee_is_not_a_channel(lang: str, text: str) -> None:
    (q,) = quotes(text, lang)
    assert q.channel is None


@pytest.mark.parametrize(("lang", "text", "channel"), [
    ("nb", "Peskov sa overfor NRK at Russland vil svare.", "NRK"),
    ("nb", "– Vi har ingen planer, sier Kari Nordmann til avisen.", "avisen"),
    ("en", "Peskov told Reuters that Russia would respond.", "Reuters"),
])
def test_medium_is_a_channel(lang: str, text: str, channel: str) -> None:
    (q,) = quotes(text, lang)
    assert q.channel == channel


# D5: a reporting verb the tagger took for a noun is still a cue
def test_mistagged_reporting_verb() -> None:
    (q,) = quotes("Kreml benekter at russiske soldater har krysset grensen.", "nb")
    assert q.kind == "indirect" and q.cue == "benekter" and q.stance == "denies"
    assert q.content == "russiske soldater har krysset grensen"
    assert q.speaker is not None and q.speaker.text == "Kreml"


# D6: an unresolved pronoun speaker carries to the next uncued quote
def test_unresolved_pronoun_speaker_is_carried() -> None:
    qs = quotes('"We are ready," he said. "Our forces will respond to any attack."', "en")
    assert len(qs) == 2
    assert all(q.speaker is not None and q.speaker.text == "he" for q in qs)


# D7: ids are numbered after candidates are dropped
def test_ids_have_no_gaps() -> None:
    text = "– Vi er klare, sier Kari Nordmann. « , » Hun sier at de vil svare."
    nlp = load("nb")
    doc = nlp(text)
    finder = QuoteFinder(load_cues("nb"))
    empty = text.index("«")
    found = [Found("direct", 2, text.index(",")), Found("direct", empty, empty + 5),
             Found("direct", text.index("de vil"), len(text) - 1)]

    def resolve(span: object) -> Speaker:
        raise AssertionError("no speaker to resolve")

    qs = finder.finish(doc, found, resolve, ([], []))
    assert [q.id for q in qs] == ["q1", "q2"]

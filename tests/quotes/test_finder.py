"""Unit tests of the quote finder on small texts written for these tests."""

from __future__ import annotations

import pytest

from tidende.pipeline import Pipeline
from tidende.quotes.cues import load_cues
from tidende.records import Article, Quote


def quotes(text: str, lang: str) -> list[Quote]:
    doc = Pipeline(stages=("entities", "quotes"), lang=lang).process(Article(id="t", text=text, lang=lang))
    assert not isinstance(doc, Exception)
    for q in doc.quotes:
        assert text[q.start:q.end] == q.content
        if q.speaker is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
    return doc.quotes


def by_content(qs: list[Quote], words: str) -> Quote:
    return next(q for q in qs if words in q.content)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_lexicons_load(lang: str) -> None:
    cues = load_cues(lang)
    assert cues.group("deny" if lang == "en" else "avvise", None) == "deny"


def test_forms_back_up_the_lemmatiser() -> None:
    assert load_cues("nb").group("framholder", None, "framholder") == "assert"


def test_dash_quote_with_inverted_cue_and_channel() -> None:
    text = "– Vi har ingen planer om å trekke oss ut, sier Kari Nordmann til NTB."
    q = by_content(quotes(text, "nb"), "ingen planer")
    assert q.kind == "direct"
    assert q.content == "Vi har ingen planer om å trekke oss ut"
    assert q.cue == "sier"
    assert q.speaker is not None and q.speaker.text == "Kari Nordmann"
    assert q.channel == "NTB"


def test_pronoun_and_uncued_dash_quote_carry_the_speaker() -> None:
    text = ("Statsminister Kari Nordmann sier at regjeringen vil legge fram saken i høst.\n"
            "– Dette er en viktig sak for hele landet, sa hun.\n"
            "– Vi kommer til å bruke den tiden vi trenger.")
    qs = quotes(text, "nb")
    pron = by_content(qs, "viktig sak")
    assert pron.speaker is not None and pron.speaker.text == "hun" and pron.speaker.name
    assert "Nordmann" in pron.speaker.name
    carried = by_content(qs, "tiden vi trenger")
    assert carried.speaker is not None and "Nordmann" in carried.speaker.text


def test_indirect_deny_and_according_to() -> None:
    text = "Forsvarsministeren avviser at hæren har trukket seg tilbake. Ifølge NTB er brua stengt."
    qs = quotes(text, "nb")
    deny = by_content(qs, "hæren har trukket")
    assert deny.kind == "indirect" and deny.stance == "denies"
    acc = by_content(qs, "brua er stengt") if any("brua er stengt" in q.content for q in qs) else by_content(
        qs, "brua")
    assert acc.kind == "according_to" and acc.speaker is not None and acc.speaker.text == "NTB"


def test_nynorsk_belief_verb() -> None:
    text = "Ordføraren meiner at kommunen må byggje ein ny skule."
    q = by_content(quotes(text, "nn"), "kommunen må byggje")
    assert q.kind == "indirect" and q.cue == "meiner"


def test_scare_quotes_inside_a_report_are_not_quotes() -> None:
    text = "Statsråden sa at grensa vil vere stengd «inntil vidare» i vinter."
    qs = quotes(text, "nn")
    assert not any(q.content == "inntil vidare" for q in qs)


def test_english_split_quote_with_inverted_cue() -> None:
    text = ('"The ceasefire is holding. Both sides must now pull back," the UN envoy, Maria Lind, said on '
            "Monday.")
    q = by_content(quotes(text, "en"), "ceasefire is holding")
    assert q.kind == "direct" and "pull back" in q.content
    assert q.speaker is not None and "envoy" in q.speaker.text


def test_english_told_channel() -> None:
    text = "The minister told Reuters that the talks had failed."
    q = by_content(quotes(text, "en"), "talks had failed")
    assert q.channel == "Reuters"
    assert q.speaker is not None and q.speaker.text == "The minister"

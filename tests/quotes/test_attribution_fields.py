"""Issue 5 requirements that were implemented but not asserted: event attribution fields, exact cue
offsets, and a «...» quote spanning two paragraphs. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tidende.pipeline import Pipeline
from tidende.records import Article, Document


def run(text: str, lang: str, stages: tuple[str, ...] | None = None) -> Document:
    pipe = Pipeline(lang=lang) if stages is None else Pipeline(stages=stages, lang=lang)
    doc = pipe.process(Article(id="t", text=text, lang=lang))
    assert not isinstance(doc, Exception)
    return doc


def test_event_inside_a_quote_carries_its_attribution() -> None:
    text = "En anonym kilde i regjeringen sier at Norge vil sende kampfly til Ukraina."
    doc = run(text, "nb")
    quote = next(q for q in doc.quotes if q.content.startswith("Norge vil sende"))
    event = next(e for e in doc.events if quote.start <= e.trigger.start < quote.end)
    a = event.attribution
    assert a is not None
    assert (a.text, a.code, a.anonymous, a.stance, a.quote_id) == (
        "En anonym kilde i regjeringen", "NOR", True, "asserts", quote.id)
    assert quote.speaker is not None and a.sector == quote.speaker.sector


def test_event_inside_a_denial_is_attributed_with_stance_denies() -> None:
    doc = run("Russland avviser at de har angrepet sivile mål i Kyiv.", "nb")
    quote = next(q for q in doc.quotes if q.cue == "avviser")
    assert quote.stance == "denies"
    event = next(e for e in doc.events if e.trigger.text == "angrepet")
    assert event.attribution is not None
    assert (event.attribution.code, event.attribution.stance, event.attribution.quote_id) == (
        "RUS", "denies", quote.id)


@pytest.mark.parametrize(("lang", "text"), [
    ("nb", "– Vi har ingen planer om å trekke oss ut, sier Kari Nordmann til NTB."),
    ("nb", "Utenriksministeren sier til NTB at Norge vil sende mer hjelp til Ukraina."),
    ("nb", "Ifølge politiet ble tre personer arrestert i Oslo."),
    ("en", '"We will not send troops to Ukraine," Defence Minister Ben Wallace told Reuters.'),
    ("en", "According to US officials, China has supplied drones to Russia."),
])
def test_cue_offsets_are_exact(lang: str, text: str) -> None:
    qs = run(text, lang, ("entities", "quotes")).quotes
    assert qs
    for q in qs:
        assert q.cue is not None and q.cue_start is not None and q.cue_end is not None
        assert text[q.cue_start:q.cue_end] == q.cue
        assert text[q.start:q.end] == q.content
        assert q.speaker is not None and text[q.speaker.start:q.speaker.end] == q.speaker.text


def test_guillemet_quote_over_two_paragraphs() -> None:
    text = ("«Vi har ikke angrepet sivile. Det er en løgn fra Vesten.\n\n"
            "Våre styrker angriper bare militære mål», sa talsperson Dmitrij Peskov.")
    qs = run(text, "nb", ("entities", "quotes")).quotes
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "direct" and q.cue == "sa"
    assert q.content.startswith("Vi har ikke angrepet") and q.content.endswith("militære mål")
    assert "\n\n" in q.content
    assert q.speaker is not None and q.speaker.text == "talsperson Dmitrij Peskov"

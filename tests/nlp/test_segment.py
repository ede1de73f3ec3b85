"""Rule-based sentence boundaries (``newline_sentences``, ``punct_sentences``)."""

from __future__ import annotations

import pytest
from spacy.lang.nb import Norwegian

from tidende.nlp import load
from tidende.nlp.segment import PunctSentences


def sentences(text: str, only_rules: bool = True) -> list[str]:
    doc = load("nb").tokenizer(text)
    rule = PunctSentences([".", "!", "?"], ["»"], ["«", "–"], only_rules)
    doc = rule(doc)
    starts = [0] + [t.i for t in doc[1:] if t.is_sent_start]
    return [doc[a:b].text for a, b in zip(starts, [*starts[1:], len(doc)], strict=True)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Det skjedde i 1990. Senere kom han.", ["Det skjedde i 1990.", "Senere kom han."]),
    ("– Nei. Det er feil, sa han.", ["– Nei.", "Det er feil, sa han."]),
    ("Han sa: «Vi kommer.» Deretter dro han.", ["Han sa: «Vi kommer.»", "Deretter dro han."]),
    ("Hun svarte ja. – Vi er klare.", ["Hun svarte ja.", "– Vi er klare."]),
    ("Ferdig? ja, nesten.", ["Ferdig? ja, nesten."]),
])
def test_punctuation_before_an_opener_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_only_rules_forbids_other_boundaries() -> None:
    nlp = Norwegian()
    doc = PunctSentences(["."], [], [], only_rules=True)(nlp("Kina avviser Russland hjelper"))
    assert [t.is_sent_start for t in doc[1:]] == [False, False, False]
    doc = PunctSentences(["."], [], [], only_rules=False)(nlp("Kina avviser Russland hjelper"))
    assert [t.is_sent_start for t in doc[1:]] == [None, None, None]


def test_shipped_pipeline_keeps_abbreviations_and_initials_inside_a_sentence() -> None:
    doc = load("nb")("Jens G. Olsen kom 12. mars kl. 14 til Oslo, bl.a. for å møte dr. Hansen. Så dro han.")
    assert [s.text for s in doc.sents] == [
        "Jens G. Olsen kom 12. mars kl. 14 til Oslo, bl.a. for å møte dr. Hansen.", "Så dro han."]


def test_line_break_tokens_are_left_to_the_parser() -> None:
    doc = load("nn")("Det er klart .\n- Nei , seier han .")
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == ["Det er klart .", "- Nei , seier han ."]

"""A pronoun speaker skips named people whose given name says the other gender (``cues: pronoun_gender``)."""

from __future__ import annotations

import pytest

from tests.quotes.helpers import by_content, quotes
from tidende.actors.names import gender_of


@pytest.mark.parametrize(("name", "gender"), [
    ("Erna Solberg", "f"), ("statsminister Jonas Gahr Støre", "m"), ("Anne-Marit Bjørnflaten", "f"),
    ("Solberg", None),
])
def test_gender_of_reads_the_first_known_given_name(name: str, gender: str | None) -> None:
    assert gender_of(name) == gender


@pytest.mark.parametrize(("text", "lang", "words", "name"), [
    ("Erna Solberg sa at Høyre vil vinne valget. Jonas Gahr Støre ville ikke kommentere saken.\n"
     "– Vi kommer til å vinne, sa hun.", "nb", "kommer til å vinne", "Erna Solberg"),
    ("Erna Solberg sa at Høgre vil vinne valet. Jonas Gahr Støre ville ikkje kommentere saka.\n"
     "– Vi kjem til å vinne, sa ho.", "nn", "kjem til å vinne", "Erna Solberg"),
    ("Hillary Clinton said the talks would resume. John Kerry declined to comment on Monday.\n"
     "\"We will get there,\" she said.", "en", "get there", "Hillary Clinton"),
])
def test_pronoun_skips_a_person_of_the_other_gender(text: str, lang: str, words: str, name: str) -> None:
    q = by_content(quotes(text, lang), words)
    assert q.speaker is not None and q.speaker.name == name

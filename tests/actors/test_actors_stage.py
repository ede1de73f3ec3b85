"""The entities stage: knowledge-base phrases are kept only where the parse reads one noun phrase."""

from __future__ import annotations

import pytest

from tidende.pipeline import Pipeline
from tidende.records import Article, DocDate


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

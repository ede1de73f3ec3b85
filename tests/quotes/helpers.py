"""Shared helpers of the quote tests: run the quote stage and check every offset."""

from __future__ import annotations

from tidende.pipeline import Pipeline
from tidende.records import Article, Quote


def quotes(text: str, lang: str) -> list[Quote]:
    """The quotes of ``text`` (entities and quotes stages), with content and speaker offsets checked."""
    doc = Pipeline(stages=("entities", "quotes"), lang=lang).process(Article(id="t", text=text, lang=lang))
    assert not isinstance(doc, Exception)
    for q in doc.quotes:
        assert text[q.start:q.end] == q.content
        if q.speaker is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
    return doc.quotes


def by_content(qs: list[Quote], words: str) -> Quote:
    """The first quote whose content holds ``words``."""
    found = [q for q in qs if words in q.content]
    assert found, (words, [q.content for q in qs])
    return found[0]

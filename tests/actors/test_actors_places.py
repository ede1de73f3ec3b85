"""Places (data/places.tsv): spans NER labels as places get their country; other labels do not."""

from __future__ import annotations

from tidende.actors.places import place_actor
from tidende.pipeline import Pipeline
from tidende.records import Article


def test_place_actor_by_label_and_genitive() -> None:
    assert place_actor("Calgary", "GPE") is not None and place_actor("Calgary", "GPE").code == "CAN"  # type: ignore[union-attr]
    assert place_actor("Tripolis", "GPE_LOC").code == "LBY"  # type: ignore[union-attr]
    assert place_actor("Calgary", "PERSON") is None
    assert place_actor("Atlantis", "GPE") is None


def test_place_gives_the_recipient_of_an_arrest() -> None:
    doc = Pipeline(lang="en").process(Article(id="t", lang="en",
                                              text="A Christian missionary from Calgary was arrested in Lebanon."))
    assert [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in doc.events] == [
        ("COERCE", ["LBN"], ["CAN"])]

"""The SQLite store: idempotent adds, replacement, filters, FTS without diacritic folding."""

from __future__ import annotations

from pathlib import Path

from tidende.records import Document, Event, EventActor, Span
from tidende.store import open_store


def _doc(doc_id: str, text: str, event: str = "AID", negated: bool = False) -> Document:
    trig = Span(text=text.split()[1], start=text.index(text.split()[1]), end=text.index(text.split()[1]) + len(
        text.split()[1]))
    ev = Event(id="e1", event=event, actor=[EventActor(code="CHN", entity_text="Kina", start=0, end=4)],
               recipient=[EventActor(code="RUS", entity_text="Russland", start=text.index("Russland"),
                                     end=text.index("Russland") + 8)],
               date="2024-04-15", date_precision="day", negated=negated, trigger=trig,
               evidence=Span(text=text, start=0, end=len(text)))
    return Document(id=doc_id, lang="nb", date="2024-04-15", text=text, events=[ev])


def test_store_add_is_idempotent_and_replaces_edits(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with open_store(db) as store:
        assert store.add(_doc("a", "Kina hjelper Russland.")) == "added"
        assert store.add(_doc("a", "Kina hjelper Russland.")) == "unchanged"
        assert store.add(_doc("a", "Kina støtter Russland.", event="SUPPORT")) == "replaced"
        assert store.stats()["articles"] == 1 and store.stats()["events"] == 1
        (rec,) = store.events()
        assert rec["event"] == "SUPPORT" and rec["article_id"] == "a"


def test_store_event_filters_are_exact(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.add(_doc("a", "Kina hjelper Russland."))
        store.add(_doc("b", "Kina gir Russland våpen.", negated=True))
        assert len(list(store.events(actor="CHN"))) == 2
        assert list(store.events(actor="CH")) == []  # codes match whole, not as prefixes
        assert [r["article_id"] for r in store.events(negated=True)] == ["b"]
        assert list(store.events(recipient="CHN")) == []
        assert len(list(store.events(since="2024-04-15", until="2024-04-15"))) == 2
        assert list(store.events(actor="CHN' OR 1=1 --")) == []


def test_store_fts_keeps_diacritics(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.add(_doc("a", "Kina får Russland med."))
        hits = lambda q: [r[0] for r in store.conn.execute(  # noqa: E731
            "SELECT id FROM articles_fts WHERE articles_fts MATCH ?", (q,))]
        assert hits("får") == ["a"] and hits("far") == []


def test_store_readonly_reader_while_open(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with open_store(db) as writer:
        writer.add(_doc("a", "Kina hjelper Russland."))
        with open_store(db, readonly=True) as reader:
            assert reader.stats()["articles"] == 1

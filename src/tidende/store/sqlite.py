"""SQLite store: one transaction per article, idempotent by content hash.

WAL mode lets readers (CLI, web) work while an ingest writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidende.records import Document

SCHEMA_VERSION = 1
SCHEMA = (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")


def content_hash(doc: Document) -> str:
    """SHA-256 of what identifies an article's content: text, date, language, title."""
    key = json.dumps([doc.text, doc.date, doc.lang, doc.title], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _codes(actors: list[Any]) -> str:
    return " ".join(sorted({a.code for a in actors}))


class Store:
    """A tidende store at ``path`` (created and migrated on open)."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        else:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self._migrate()
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.row_factory = sqlite3.Row

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            with self.conn:
                self.conn.executescript(SCHEMA)
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, doc: Document, source: str = "") -> str:
        """Store one document; return ``added``, ``replaced`` or ``unchanged``."""
        digest = content_hash(doc)
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?", (doc.id,)).fetchone()
        if row is not None and row[0] == digest:
            return "unchanged"
        with self.conn:
            if row is not None:
                self.conn.execute("DELETE FROM articles WHERE id = ?", (doc.id,))
                self.conn.execute("DELETE FROM articles_fts WHERE id = ?", (doc.id,))
            self._insert(doc, digest, source)
        return "replaced" if row is not None else "added"

    def _insert(self, doc: Document, digest: str, source: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        c = self.conn
        c.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
            (doc.id, digest, doc.lang, doc.date, doc.title, None, source, doc.text, now),
        )
        c.execute("INSERT INTO articles_fts (id, title, text) VALUES (?,?,?)", (doc.id, doc.title or "", doc.text))
        c.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (doc.id, i, e.text, e.start, e.end, e.label,
                 e.actor.code if e.actor else None, e.actor.sector if e.actor else None,
                 e.actor.wikidata_id if e.actor else None)
                for i, e in enumerate(doc.entities)
            ],
        )
        c.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (doc.id, q.id, q.kind, q.content, q.start, q.end, q.cue, q.stance,
                 q.speaker.text if q.speaker else None, q.speaker.code if q.speaker else None,
                 q.speaker.sector if q.speaker else None, int(bool(q.speaker and q.speaker.anonymous)),
                 q.model_dump_json())
                for q in doc.quotes
            ],
        )
        c.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (doc.id, e.id, e.event, e.mode, _codes(e.actor), _codes(e.recipient), e.date, e.date_precision,
                 int(e.negated), e.modality, e.attribution.code if e.attribution else None, e.model_dump_json())
                for e in doc.events
            ],
        )

    def events(self, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, lang: str | None = None,
               negated: bool | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Event records (the contract's fields plus ``article_id``), filtered; all filters are bound parameters."""
        where, params = ["1=1"], []  # type: ignore[var-annotated]
        if actor:
            where.append("(' ' || e.actor_codes || ' ') LIKE ?")
            params.append(f"% {actor} %")
        if recipient:
            where.append("(' ' || e.recipient_codes || ' ') LIKE ?")
            params.append(f"% {recipient} %")
        if type:
            where.append("e.event = ?")
            params.append(type)
        if since:
            where.append("e.date >= ?")
            params.append(since)
        if until:
            where.append("e.date <= ?")
            params.append(until)
        if lang:
            where.append("a.lang = ?")
            params.append(lang)
        if negated is not None:
            where.append("e.negated = ?")
            params.append(int(negated))
        sql = ("SELECT e.article_id, e.record FROM events e JOIN articles a ON a.id = e.article_id WHERE "
               + " AND ".join(where) + " ORDER BY e.date, e.article_id, e.id")
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        for row in self.conn.execute(sql, params):
            rec = json.loads(row["record"])
            rec["article_id"] = row["article_id"]
            yield rec

    def stats(self) -> dict[str, Any]:
        """Counts of articles, events, quotes, entities, per language."""
        q = self.conn.execute
        per_lang = {r[0]: r[1] for r in q("SELECT lang, count(*) FROM articles GROUP BY lang")}
        return {
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "events": q("SELECT count(*) FROM events").fetchone()[0],
            "quotes": q("SELECT count(*) FROM quotes").fetchone()[0],
            "entities": q("SELECT count(*) FROM entities").fetchone()[0],
            "articles_per_lang": per_lang,
        }


def open_store(path: str | Path = "tidende.db", readonly: bool = False) -> Store:
    """Open (and create or migrate) the store at ``path``."""
    return Store(path, readonly=readonly)

"""SQLite store: one transaction per article, idempotent by content hash.

WAL mode lets readers (CLI, web) work while an ingest writes. The schema is versioned
by ``PRAGMA user_version``; opening a store for writing applies the missing
migrations (``schema.sql`` is version 1, ``schema_v<N>.sql`` goes to version N), each
with its back-fill, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidende.errors import TidendeError
from tidende.records import Document, Event
from tidende.store.cluster import assign, prune
from tidende.store.flat import CLUSTER_COLUMNS, COLUMNS, flatten

if TYPE_CHECKING:
    import pandas as pd

HERE = Path(__file__).parent
#: Clusters whose counts one query reads (``events(clusters=True)``).
CLUSTER_BATCH = 500
#: Most mentions counted to tell the rarer of two codes.
COUNT_CAP = 10_000
SCHEMA = (HERE / "schema.sql").read_text(encoding="utf-8")


def _backfill_clusters(conn: sqlite3.Connection) -> None:
    """Cluster the mentions of a version-1 store in ingest order."""
    rows = conn.execute("SELECT e.rowid, e.article_id, e.record, a.lang, a.date FROM events e "
                        "JOIN articles a ON a.id = e.article_id ORDER BY a.rowid, e.rowid").fetchall()
    for rowid, article_id, record, lang, date in rows:
        cid = assign(conn, article_id, lang, date, Event.model_validate_json(record))
        conn.execute("UPDATE events SET cluster_id = ? WHERE rowid = ?", (cid, rowid))


INSERT_CODE = "INSERT INTO event_codes (code, role, date, article_id, event_id) VALUES (?,?,?,?,?)"


def code_rows(article_id: str, event_id: str, date: str | None, actor_codes: str, recipient_codes: str
              ) -> list[tuple[str, str, str, str, str]]:
    """The ``event_codes`` rows of one mention, from its space-separated actor and recipient codes."""
    return [(code, role, date or "", article_id, event_id)
            for role, codes in (("actor", actor_codes), ("recipient", recipient_codes)) for code in codes.split()]


def _backfill_codes(conn: sqlite3.Connection) -> None:
    """Index the actor and recipient codes of a version-2 store's mentions."""
    rows = conn.execute("SELECT article_id, id, date, actor_codes, recipient_codes FROM events")
    conn.executemany(INSERT_CODE, (r for row in rows.fetchall() for r in code_rows(*row)))


#: Migration to version ``i + 1``: its SQL and an optional back-fill.
MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None] | None]] = [
    (SCHEMA, None),
    ((HERE / "schema_v2.sql").read_text(encoding="utf-8"), _backfill_clusters),
    ((HERE / "schema_v3.sql").read_text(encoding="utf-8"), _backfill_codes),
]
SCHEMA_VERSION = len(MIGRATIONS)
#: Seconds a connection waits for another writer's lock before failing with E025.
BUSY_TIMEOUT = 5.0
#: SQLite primary result codes for a lock held elsewhere, and for a store that cannot be written.
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_UNWRITABLE = {3, 8, 10, 13, 14}  # SQLITE_PERM, _READONLY, _IOERR, _FULL, _CANTOPEN


def store_error(exc: sqlite3.Error, path: str | Path) -> TidendeError:
    """The user-facing error for a failed SQLite operation: locked (E025), unwritable (E026) or damaged (E024)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in _BUSY:
        return TidendeError("E025", str(path), reason=str(exc), seconds=BUSY_TIMEOUT)
    if code in _UNWRITABLE:
        return TidendeError("E026", str(path), reason=str(exc))
    return TidendeError("E024", str(path), reason=str(exc))


def content_hash(doc: Document) -> str:
    """SHA-256 of what identifies an article's content: text, date, language, title."""
    return article_hash(doc.text, doc.date, doc.lang, doc.title)


def article_hash(text: str, date: str | None, lang: str, title: str | None) -> str:
    """``content_hash`` from the fields themselves (known before the article is processed)."""
    key = json.dumps([text, date, lang, title], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _codes(actors: list[Any]) -> str:
    return " ".join(sorted({a.code for a in actors}))


def _statements(script: str) -> Iterator[str]:
    """The complete SQL statements of ``script`` (``executescript`` would commit the open transaction)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf
            buf = ""


def fts_query(text: str) -> str:
    """An FTS5 query matching every word of ``text`` as a literal (no operators, no syntax errors)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in text.split())


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL mode; retried for up to ``BUSY_TIMEOUT``: SQLite does not wait for the lock this
    switch needs, and two ingests opening a new store at once would otherwise fail at once."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class Store:
    """A tidende store at ``path`` (created and migrated on open unless ``readonly``)."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                        timeout=BUSY_TIMEOUT)
        else:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT)
            _use_wal(self.conn)
        version = self._version()
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise TidendeError("E016", str(self.path), found=version, supported=SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            if readonly:
                self.conn.close()
                raise TidendeError("E017", str(self.path), found=version, supported=SCHEMA_VERSION)
            self._migrate()
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.row_factory = sqlite3.Row

    def _version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before the first read so check-then-write is atomic."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self._write() as c:
            version = self._version()  # another writer may have migrated meanwhile
            for script, backfill in MIGRATIONS[version:]:
                for stmt in _statements(script):
                    c.execute(stmt)
                if backfill is not None:
                    backfill(c)
            c.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_stored(self, article_id: str, digest: str) -> bool:
        """Whether the article ``article_id`` is stored with content hash ``digest``."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ? AND content_hash = ?",
                                (article_id, digest)).fetchone()
        return row is not None

    def add(self, doc: Document, source: str = "", url: str | None = None) -> str:
        """Store one document and cluster its events; return ``added``, ``replaced`` or ``unchanged``.

        ``source`` and ``url`` (the input's ``Article.source``/``url``) are kept as metadata, outside the
        content hash."""
        digest = content_hash(doc)
        with self._write() as c:
            row = c.execute("SELECT content_hash FROM articles WHERE id = ?", (doc.id,)).fetchone()
            if row is not None and row[0] == digest:
                return "unchanged"
            old: list[str] = []
            if row is not None:
                old = [r[0] for r in c.execute("SELECT DISTINCT cluster_id FROM events WHERE article_id = ?",
                                               (doc.id,))]
                c.execute("DELETE FROM articles WHERE id = ?", (doc.id,))
                c.execute("DELETE FROM articles_fts WHERE id = ?", (doc.id,))
            self._insert(doc, digest, source, url)
            prune(c, old)
        return "replaced" if row is not None else "added"

    def _insert(self, doc: Document, digest: str, source: str, url: str | None) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        c = self.conn
        c.execute(
            "INSERT INTO articles (id, content_hash, lang, date, title, url, source, text, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (doc.id, digest, doc.lang, doc.date, doc.title, url, source, doc.text, now),
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
        for e in doc.events:  # one by one: each may join a cluster the previous one created
            c.execute(
                "INSERT INTO events (article_id, id, event, mode, actor_codes, recipient_codes, date, date_precision,"
                " negated, modality, attribution_code, record, cluster_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, e.id, e.event, e.mode, _codes(e.actor), _codes(e.recipient), e.date, e.date_precision,
                 int(e.negated), e.modality, e.attribution.code if e.attribution else None, e.model_dump_json(),
                 assign(c, doc.id, doc.lang, doc.date, e)),
            )
            c.executemany(INSERT_CODE, code_rows(doc.id, e.id, e.date, _codes(e.actor), _codes(e.recipient)))

    def _filters(self, actor: str | None, recipient: str | None, type: str | None,  # noqa: A002 - PLOVER's
                 since: str | None, until: str | None, lang: str | None, negated: bool | None, text: str | None,
                 limit: int | None = None) -> tuple[str, str, list[Any], str]:
        """The mentions' source (``e``, joined to articles ``a`` by the caller), WHERE clause, parameters and order.

        An actor or recipient code is looked up in ``event_codes``, whose key lists a code's
        mentions in output order: a page of a common code is read without sorting them all. Given
        both, the rarer code is looked up. A page (``limit``) of a common text is read by scanning
        mentions in order, not by sorting all of its articles' mentions.
        """
        where: list[str] = ["1=1"]
        params: list[Any] = []
        source, order = "events e", "e.date, e.article_id, e.id"
        codes = [(role, code) for role, code in (("actor", actor), ("recipient", recipient)) if code]
        if len(codes) > 1:
            codes.sort(key=self._code_count)
        if codes:
            source = "event_codes c JOIN events e ON e.article_id = c.article_id AND e.id = c.event_id"
            order = "c.date, c.article_id, c.event_id"  # c.date is e.date with NULL as ''
            where += ["c.code = ?", "c.role = ?"]
            params += list(reversed(codes[0]))
            for column, bound in (("c.date >= ?", since), ("c.date <= ?", until)):
                if bound:
                    where.append(column)
                    params.append(bound)
        for role, code in codes[1:]:  # probed in the index, before the mention's row is read
            where.append("EXISTS (SELECT 1 FROM event_codes k WHERE k.article_id = c.article_id AND k.code = ? AND"
                         " k.role = ? AND k.event_id = c.event_id)")
            params += [code, role]
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
            where.append(f"e.negated = {int(negated):d}")  # a literal, so the partial indexes apply
        if text and text.strip():
            query = fts_query(text)
            column = "+e.article_id" if limit and self._common(query, limit) else "e.article_id"  # +: no index
            where.append(f"{column} IN (SELECT id FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(query)
        return source, " AND ".join(where), params, order

    def _code_count(self, role_code: tuple[str, str]) -> int:
        """The mentions with this code in this role, counted up to ``COUNT_CAP``."""
        role, code = role_code
        return int(self.conn.execute("SELECT count(*) FROM (SELECT 1 FROM event_codes WHERE code = ? AND role = ?"
                                     " LIMIT ?)", (code, role, COUNT_CAP)).fetchone()[0])

    def _common(self, fts: str, limit: int) -> bool:
        """Whether scanning mentions in order finds ``limit`` of the articles matching ``fts`` sooner than
        sorting all of theirs: with share ``s`` of the articles and ``n`` mentions, ``s * s * n > limit``."""
        q = self.conn.execute
        articles = q("SELECT max(rowid) FROM articles").fetchone()[0] or 1
        mentions = q("SELECT max(rowid) FROM events").fetchone()[0] or 0
        matched = q("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (fts,)).fetchone()[0]
        return bool((matched / articles) ** 2 * mentions > limit)

    def events(self, actor: str | None = None, recipient: str | None = None,
               type: str | None = None,  # noqa: A002 - the PLOVER field, as in `--type`
               since: str | None = None, until: str | None = None, lang: str | None = None,
               negated: bool | None = None, text: str | None = None, clusters: bool = False,
               limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Event records (the contract's fields plus ``article_id`` and ``cluster_id``), filtered.

        Mentions come by event date (none first), article id and event id. ``text`` matches the
        article's words (FTS5). With ``clusters``, one record per cluster that has a matching
        mention, in the order of their first matching mentions: the cluster's earliest-reported
        matching mention, plus ``sources`` (distinct articles), ``mentions``, ``first_reported`` and
        ``last_reported`` (article dates) over the whole cluster. All filters are bound parameters.
        """
        source, where, params, order = self._filters(actor, recipient, type, since, until, lang, negated, text, limit)
        mentions = f"FROM {source} JOIN articles a ON a.id = e.article_id WHERE {where}"
        if clusters:
            yield from self._cluster_records(mentions, params, order, limit)
        else:
            yield from self._records(f"SELECT e.article_id, e.cluster_id, e.record {mentions} ORDER BY {order}",
                                     params, limit, ["cluster_id"])

    def _cluster_records(self, mentions: str, params: list[Any], order: str, limit: int | None
                         ) -> Iterator[dict[str, Any]]:
        """One record per cluster with a mention in ``mentions`` (``FROM ... WHERE ...``), in their order.

        Each cluster is represented by its earliest-reported matching mention and carries the
        whole cluster's counts. Cluster ids stream in mention order and stop at ``limit``, so a
        page costs about as much as a page of mentions; the rest is read a batch at a time.
        """
        seen: set[str] = set()

        def first_seen() -> Iterator[str]:
            for (cid,) in self.conn.execute(f"SELECT e.cluster_id {mentions} ORDER BY {order}", params):
                if cid not in seen:
                    seen.add(cid)
                    yield cid

        ids_in_order = islice(first_seen(), limit) if limit else first_seen()
        while ids := list(islice(ids_in_order, CLUSTER_BATCH)):
            marks = ",".join("?" * len(ids))
            reps: dict[str, sqlite3.Row] = {}
            for row in self.conn.execute(f"SELECT e.article_id, e.cluster_id, e.record {mentions} AND e.cluster_id"
                                         f" IN ({marks}) ORDER BY a.date, a.rowid, e.rowid", [*params, *ids]):
                reps.setdefault(row["cluster_id"], row)
            counts = {c[0]: c[1:] for c in self.conn.execute(
                "SELECT e.cluster_id, count(DISTINCT e.article_id), count(*), min(a.date), max(a.date) FROM events e"
                f" JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IN ({marks}) GROUP BY e.cluster_id", ids)}
            for cid in ids:
                rec = json.loads(reps[cid]["record"])
                rec.update(article_id=reps[cid]["article_id"], cluster_id=cid)
                rec.update(zip(CLUSTER_COLUMNS, counts[cid], strict=True))
                yield rec

    def events_frame(self, **filters: Any) -> pd.DataFrame:
        """``events(**filters)`` as a pandas DataFrame, one flat row per record (``tidende[analysis]``)."""
        try:
            import pandas as pd
        except ImportError:
            raise TidendeError("E019", what="events_frame", package="pandas", extra="analysis") from None
        columns = COLUMNS + (CLUSTER_COLUMNS if filters.get("clusters") else [])
        return pd.DataFrame([flatten(r) for r in self.events(**filters)], columns=columns)

    def quotes(self, speaker: str | None = None, article_id: str | None = None,
               limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Quote records plus ``article_id``; ``speaker`` is the speaker's actor code."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if speaker:
            where.append("speaker_code = ?")
            params.append(speaker)
        if article_id:
            where.append("article_id = ?")
            params.append(article_id)
        sql = f"SELECT article_id, record FROM quotes WHERE {' AND '.join(where)} ORDER BY article_id, start, id"
        yield from self._records(sql, params, limit, [])

    def _records(self, sql: str, params: list[Any], limit: int | None, columns: list[str]) -> Iterator[dict[str, Any]]:
        """Run a query selecting ``record`` and ``article_id``; add the named columns to each record."""
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        for row in self.conn.execute(sql, params):
            rec = json.loads(row["record"])
            rec["article_id"] = row["article_id"]
            for k in columns:
                rec[k] = row[k]
            yield rec

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article (metadata and text) with its ``events`` and ``quotes``; None if absent."""
        row = self.conn.execute("SELECT id, lang, date, title, url, source, content_hash, ingested_at, text "
                                "FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        art = dict(row)
        art["events"] = []
        for ev in self.conn.execute("SELECT cluster_id, record FROM events WHERE article_id = ? ORDER BY rowid",
                                    (article_id,)):
            rec = json.loads(ev["record"])
            rec["cluster_id"] = ev["cluster_id"]
            art["events"].append(rec)
        art["quotes"] = [{k: v for k, v in q.items() if k != "article_id"}
                         for q in self.quotes(article_id=article_id)]
        return art

    def article_meta(self) -> dict[str, dict[str, Any]]:
        """Every article's metadata by id, with ``lead_end`` (end of its first line; 0: one line)."""
        return {r["id"]: dict(r) for r in self.conn.execute(
            "SELECT id, lang, date, title, url, source, ingested_at, instr(text, char(10)) AS lead_end FROM articles")}

    def stats(self) -> dict[str, Any]:
        """Counts of articles, events, clusters, quotes, entities, per language."""
        q = self.conn.execute
        per_lang = {r[0]: r[1] for r in q("SELECT lang, count(*) FROM articles GROUP BY lang")}
        return {
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "events": q("SELECT count(*) FROM events").fetchone()[0],
            "clusters": q("SELECT count(*) FROM clusters").fetchone()[0],
            "quotes": q("SELECT count(*) FROM quotes").fetchone()[0],
            "entities": q("SELECT count(*) FROM entities").fetchone()[0],
            "articles_per_lang": per_lang,
        }


def open_store(path: str | Path = "tidende.db", readonly: bool = False) -> Store:
    """Open (and create or migrate) the store at ``path``; E024-E026 if it is damaged, locked or unwritable."""
    try:
        return Store(path, readonly=readonly)
    except sqlite3.Error as exc:
        raise store_error(exc, path) from None

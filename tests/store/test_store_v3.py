"""Schema v3: the ``event_codes`` index gives the same answers as a scan, in the same order, without sorting."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.store.helpers import doc
from tidende.store import Store, open_store
from tidende.store.sqlite import MIGRATIONS, _statements

#: (id, actors, recipients, event date): multi-code events, a missing date, repeated dates.
MENTIONS = [
    ("a", ("CHN",), ("RUS",), "2024-04-15"), ("b", ("CHN", "USA"), ("RUS", "UKR"), "2024-04-15"),
    ("c", ("USA",), (), None), ("d", ("RUS",), ("CHN",), "2024-04"), ("e", ("CHN",), ("USA",), "2024-05-02"),
    ("f", ("NOR", "CHN"), ("RUS",), "2024-03-30"), ("g", ("UKR",), ("RUS",), None),
]
FILTERS: list[dict[str, Any]] = [
    {"actor": "CHN"}, {"actor": "USA"}, {"recipient": "RUS"}, {"actor": "CHN", "recipient": "RUS"},
    {"actor": "CHN", "since": "2024-04-15"}, {"recipient": "RUS", "until": "2024-04-15"},
    {"actor": "CHN", "type": "AID", "negated": False}, {"actor": "XXX"}, {"recipient": "CHN", "lang": "nb"},
    {"negated": True}, {"negated": True, "type": "AID"}, {"text": "Landet naboen"}, {"text": "nummer b"},
    {"text": "landet", "actor": "CHN"},
]


def _fill(store: Store) -> None:
    for i, (art_id, actors, recipients, date) in enumerate(MENTIONS):
        store.add(doc(art_id, f"Landet sender hjelp nummer {art_id} til naboen.", actors=actors,
                      recipients=recipients, date=date, art_date="2024-04-20", negated=i % 3 == 1))


def _scan(store: Store, f: dict[str, Any]) -> list[tuple[str, str]]:
    """The mentions ``f`` selects, filtering every record in Python (the reference)."""
    def keep(r: dict[str, Any]) -> bool:
        codes = {role: {a["code"] for a in r[role]} for role in ("actor", "recipient")}
        return ((not f.get("actor") or f["actor"] in codes["actor"])
                and (not f.get("recipient") or f["recipient"] in codes["recipient"])
                and (not f.get("since") or (r["date"] is not None and r["date"] >= f["since"]))
                and (not f.get("until") or (r["date"] is not None and r["date"] <= f["until"]))
                and (not f.get("type") or r["event"] == f["type"])
                and ("negated" not in f or r["negated"] == f["negated"])
                and (not f.get("text") or set(f["text"].lower().split()) <= words[r["article_id"]]))
    words = {m: set(store.article(m)["text"].lower().rstrip(".").split())  # type: ignore[index]
             for m in store.article_meta()}
    return [(r["article_id"], r["id"]) for r in store.events() if keep(r)]


@pytest.mark.parametrize("f", FILTERS)
def test_code_filters_match_a_scan_in_order(tmp_path: Path, f: dict[str, Any]) -> None:
    with open_store(tmp_path / "t.db") as store:
        _fill(store)
        assert [(r["article_id"], r["id"]) for r in store.events(**f)] == _scan(store, f)
        assert [(r["article_id"], r["id"]) for r in store.events(limit=2, **f)] == _scan(store, f)[:2]


@pytest.mark.parametrize("f", [{}, {"actor": "CHN"}, {"recipient": "RUS", "since": "2024-04-01"}, {"lang": "en"}])
def test_cluster_pages_follow_the_mentions(tmp_path: Path, f: dict[str, Any]) -> None:
    """Clusters come in the order of their first matching mention, each at its earliest-reported one."""
    with open_store(tmp_path / "t.db") as store:
        _fill(store)
        for i, (art_id, actors, recipients, date) in enumerate(MENTIONS):  # later reports of the same happenings
            store.add(doc(f"{art_id}2", f"Landet sender hjelp nummer {art_id} til naboen.", actors=actors,
                          recipients=recipients, date=date, art_date=f"2024-05-{i + 1:02d}", lang="en"))
        matching, every = list(store.events(**f)), list(store.events())
        added = {a: n for n, a in enumerate(store.article_meta())}  # ingest order (rowid)
        dates = {a: m["date"] for a, m in store.article_meta().items()}
        got = list(store.events(clusters=True, **f))
        assert [c["cluster_id"] for c in got] == list(dict.fromkeys(r["cluster_id"] for r in matching))
        for c in got:
            members = [r for r in every if r["cluster_id"] == c["cluster_id"]]
            first = min((r for r in matching if r["cluster_id"] == c["cluster_id"]),
                        key=lambda r: (dates[r["article_id"]], added[r["article_id"]]))
            assert (c["article_id"], c["id"]) == (first["article_id"], first["id"])
            assert c["mentions"] == len(members) and c["sources"] == len({r["article_id"] for r in members})
            assert c["first_reported"] == min(dates[r["article_id"]] for r in members)
        assert any(c["mentions"] > 1 for c in got)
        assert list(store.events(clusters=True, limit=2, **f)) == got[:2]


def test_replacing_an_article_replaces_its_codes(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        _fill(store)
        store.add(doc("b", "Landet sender hjelp nummer b til naboen igjen.", actors=("GBR",), recipients=()))
        codes = store.conn.execute("SELECT code, role FROM event_codes WHERE article_id = 'b'").fetchall()
        assert [tuple(c) for c in codes] == [("GBR", "actor")]
        assert [r["article_id"] for r in store.events(actor="USA")] == ["c"]
        n = sum(len(a) + len(r) for _, a, r, _ in MENTIONS) - 4 + 1
        assert store.conn.execute("SELECT count(*) FROM event_codes").fetchone()[0] == n


def test_the_rarer_code_is_looked_up(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        _fill(store)
        assert store._filters("CHN", "UKR", None, None, None, None, None, None)[2][:2] == ["UKR", "recipient"]
        assert store._filters("UKR", "RUS", None, None, None, None, None, None)[2][:2] == ["UKR", "actor"]


@pytest.mark.parametrize("f", [{"actor": "CHN"}, {"recipient": "RUS", "since": "2024-01-01"}, {"type": "AID"},
                               {"negated": True}, {"negated": True, "type": "AID"}, {"text": "Landet"}])
def test_a_page_is_read_in_index_order(tmp_path: Path, f: dict[str, Any]) -> None:
    """The query plan reads a code's (or a type's) mentions in output order: no sort of all matches."""
    with open_store(tmp_path / "t.db") as store:
        _fill(store)
        source, where, params, order = store._filters(**{k: f.get(k) for k in (
            "actor", "recipient", "type", "since", "until", "lang", "negated", "text")}, limit=2)
        plan = " | ".join(r[3] for r in store.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT e.record FROM {source} JOIN articles a ON a.id = e.article_id "
            f"WHERE {where} ORDER BY {order} LIMIT 100", params))
        assert "TEMP B-TREE" not in plan, plan


def test_v2_store_migrates_to_v3(tmp_path: Path) -> None:
    db = tmp_path / "v2.db"
    with open_store(tmp_path / "ref.db") as ref:
        _fill(ref)
        expected = {f"{k}={v}": [r["id"] + r["article_id"] for r in ref.events(**{k: v})]
                    for k, v in (("actor", "CHN"), ("recipient", "RUS"), ("actor", "UKR"))}
    conn = sqlite3.connect(db, isolation_level=None)
    for script, backfill in MIGRATIONS[:2]:
        for stmt in _statements(script):
            conn.execute(stmt)
        if backfill is not None:
            backfill(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("ATTACH ? AS ref", (str(tmp_path / "ref.db"),))
    for table in ("articles", "articles_fts", "events", "clusters", "quotes", "entities"):
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM ref.{table}")
    conn.execute("DETACH ref")
    conn.close()
    with open_store(db) as store:
        got = {f"{k}={v}": [r["id"] + r["article_id"] for r in store.events(**{k: v})]
               for k, v in (("actor", "CHN"), ("recipient", "RUS"), ("actor", "UKR"))}
        assert got == expected
        assert store.conn.execute("SELECT count(*) FROM event_codes").fetchone()[0] == sum(
            len(a) + len(r) for _, a, r, _ in MENTIONS)

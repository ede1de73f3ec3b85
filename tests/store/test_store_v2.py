"""Schema v2: migration from v1, quotes/article/frame API, bound parameters, store CLI commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tidende
from tests.store.helpers import doc
from tidende.cli import store_commands  # noqa: F401 - registers the store commands
from tidende.cli.main import app
from tidende.errors import TidendeError
from tidende.store import open_store
from tidende.store.sqlite import SCHEMA, SCHEMA_VERSION

A = "Kina sender nødhjelp til Russland etter flommen i Orenburg."
B = "Kina har sendt nødhjelp til Russland etter flommen, melder NTB."
INJECTION = "CHN' OR 1=1 --"


def _v1_store(path: Path) -> None:
    """A store as tidende 0.1 (schema version 1) wrote it."""
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    for d in (doc("a", A), doc("b", B, art_date="2024-04-16"), doc("c", B, date="2024-05-01")):
        conn.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
                     (d.id, "h" + d.id, d.lang, d.date, None, None, "", d.text, "2024-04-16T00:00:00+00:00"))
        e = d.events[0]
        conn.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     (d.id, e.id, e.event, e.mode, "CHN", "RUS", e.date, e.date_precision, 0, e.modality, None,
                      e.model_dump_json()))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_v1_store_migrates_and_clusters_its_events(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _v1_store(db)
    with pytest.raises(TidendeError) as err:
        open_store(db, readonly=True)
    assert err.value.code == "E017"
    with open_store(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
        assert [r["article_id"] for r in store.events(actor="CHN", recipient="RUS")] == ["a", "b", "c"]
        assert sorted(c["sources"] for c in store.events(clusters=True)) == [1, 2]
        assert all(r["cluster_id"] for r in store.events())
        store.add(doc("d", A, art_date="2024-04-17"))
        assert sorted(c["sources"] for c in store.events(clusters=True)) == [1, 3]
    with open_store(db, readonly=True) as reader:
        assert reader.stats()["clusters"] == 2


def test_newer_store_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(TidendeError) as err:
        open_store(db)
    assert err.value.code == "E016"


def test_quotes_article_and_frame(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with open_store(db) as store:
        store.add(doc("a", A, speaker="CHN", title="Flom"))
        store.add(doc("b", B))
    with tidende.open(db) as store:
        (q,) = store.quotes(speaker="CHN")
        assert q["article_id"] == "a" and q["content"] == "Vi hjelper gjerne"
        assert list(store.quotes(speaker="RUS")) == []
        art = store.article("a")
        assert art is not None and art["title"] == "Flom" and art["text"].startswith(A)
        assert [e["event"] for e in art["events"]] == ["AID"] and art["events"][0]["cluster_id"]
        assert [x["id"] for x in art["quotes"]] == ["q1"]
        assert store.article("zzz") is None
        frame = store.events_frame(actor="CHN")
        assert list(frame["article_id"]) == ["a", "b"] and frame["cluster_id"].nunique() == 1
        clusters = store.events_frame(clusters=True)
        assert len(clusters) == 1 and int(clusters.loc[0, "sources"]) == 2


def test_text_search_and_bound_parameters(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.add(doc("a", A, speaker="CHN"))
        store.add(doc("b", "Kina får Russland med på avtalen.", date="2024-05-02"))
        assert [r["article_id"] for r in store.events(text="flommen")] == ["a"]
        assert [r["article_id"] for r in store.events(text="får")] == ["b"]
        assert list(store.events(text="far")) == []
        for bad in (INJECTION, 'flommen" OR "får', "NEAR(a b", "*"):
            assert list(store.events(text=bad)) == []
        assert list(store.events(actor=INJECTION)) == [] and list(store.events(type=INJECTION)) == []
        assert list(store.events(clusters=True, recipient=INJECTION)) == []
        assert list(store.quotes(speaker=INJECTION)) == [] and store.article(INJECTION) is None
        assert store.stats()["articles"] == 2


def test_store_cli_commands(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with open_store(db) as store:
        store.add(doc("a", A, speaker="CHN"))
    runner = CliRunner()
    shown = runner.invoke(app, ["show", "a", "--db", str(db)])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["events"][0]["event"] == "AID"
    assert runner.invoke(app, ["show", "nope", "--db", str(db)]).exit_code == 1
    rows = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "CHN", "--format", "jsonl"]).stdout
    assert [json.loads(x)["id"] for x in rows.splitlines()] == ["q1"]
    assert "a\tCHN\tdirect\tVi hjelper gjerne" in runner.invoke(app, ["quotes", "--db", str(db)]).stdout
    out = tmp_path / "e.jsonl"
    assert runner.invoke(app, ["export", "--format", "plover-jsonl", "-o", str(out), "--db", str(db)]).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert runner.invoke(app, ["export", "--format", "csvx", "-o", str(out), "--db", str(db)]).exit_code == 2
    assert runner.invoke(app, ["migrate", "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["show", "a", "--db", str(tmp_path / "none.db")]).exit_code == 1

"""kill -9 at random points of ``export``, and two ingests into one store at once (kill -9 during ingest is
``tests/store/test_resume.py``).

Afterwards the store passes ``PRAGMA integrity_check`` and holds every article once, as a single ingest
stores it, and an export file is either the old one or complete.
"""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import catalogue
import pytest
from typer.testing import CliRunner

from tests.faults.conftest import sentences, store_state, tidende, write_jsonl
from tests.store.helpers import doc
from tidende.cli import app
from tidende.export import export
from tidende.registry import exporters
from tidende.store import open_store

runner = CliRunner()


@pytest.mark.slow
def test_concurrent_ingests_store_every_article_exactly_once(tmp_path: Path) -> None:
    records = sentences(24)
    a = write_jsonl(tmp_path / "a.jsonl", records[:16])
    b = write_jsonl(tmp_path / "b.jsonl", records[8:])
    db = tmp_path / "t.db"
    procs = [tidende("ingest", str(f), "--db", str(db), "--workers", "1") for f in (a, b)]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    state = store_state(db)
    assert state["ids"] == {r["id"] for r in records}
    ref = tmp_path / "ref.db"
    assert runner.invoke(app, ["ingest", str(write_jsonl(tmp_path / "all.jsonl", records)), "--db", str(ref),
                               "--workers", "1"]).exit_code == 0
    assert state == store_state(ref)


def _export_store(db: Path, n: int = 1000) -> None:
    with open_store(db) as store:
        for i in range(n):
            store.add(doc(f"a{i}", f"Kina sendte {i} tonn hjelp til Russland.", art_date=f"20{10 + i % 15}-04-15"))


def test_interrupted_export_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, out = tmp_path / "t.db", tmp_path / "e.jsonl"
    _export_store(db, 3)
    out.write_text("old export\n", encoding="utf-8")
    write = exporters.get("plover-jsonl")

    def half_then_fail(store: object, path: Path, **filters: object) -> int:
        write(store, path, **filters)
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(catalogue.REGISTRY, (*exporters.namespace, "plover-jsonl"), half_then_fail)
    with open_store(db, readonly=True) as store, pytest.raises(OSError):
        export(store, "plover-jsonl", out)
    assert out.read_text(encoding="utf-8") == "old export\n"
    assert not list(tmp_path.glob(".e.jsonl.*")), "the temporary file was left behind"
    result = runner.invoke(app, ["export", "--format", "plover-jsonl", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 1 and "e.jsonl: cannot write the export (No space left on device)" in result.stderr
    assert out.read_text(encoding="utf-8") == "old export\n"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["plover-jsonl", "gdelt"])
def test_kill_9_during_export_leaves_old_or_complete_file(tmp_path: Path, fmt: str) -> None:
    db, out = tmp_path / "t.db", tmp_path / "export.out"
    _export_store(db)
    complete = tmp_path / "complete.out"
    with open_store(db, readonly=True) as store:
        export(store, fmt, complete)
    out.write_text("old export\n", encoding="utf-8")
    rng = random.Random(fmt)
    mid_write = 0
    for attempt in range(8):
        proc = tidende("export", "--format", fmt, "-o", str(out), "--db", str(db))
        if attempt % 2:  # a random moment, often before writing starts
            time.sleep(rng.uniform(0.2, 1.5))
        else:  # while the temporary file is being written
            while proc.poll() is None and not any(p.name.startswith(".export.out.") for p in tmp_path.iterdir()):
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.02))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        mid_write += any(p.name.startswith(".export.out.") for p in tmp_path.iterdir())
        assert out.read_bytes() in (b"old export\n", complete.read_bytes())
        for tmp in tmp_path.glob(".export.out.*"):
            tmp.unlink()
        assert store_state(db)["ids"] == {f"a{i}" for i in range(1000)}
    assert mid_write >= 1, "no kill landed while the export was being written"

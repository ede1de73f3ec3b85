"""Resume after ``kill -9``: an ingest killed at random points and rerun stores every article exactly once."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from benchmarks.run import norwegian_articles

from tests.conftest import SHARED

TIDENDE = Path(sys.executable).parent / "tidende"  # the console script (there is no ``python -m tidende``)
KILLS = 4
TIMEOUT_S = 600
SUMMARY = re.compile(r"(\d+) added, (\d+) replaced, (\d+) unchanged, (\d+) failed")
#: What must come out the same as a clean run's, row for row.
TABLES = {
    "articles": "SELECT id, content_hash, lang, date, title, text FROM articles ORDER BY id",
    "events": "SELECT article_id, id, cluster_id, record FROM events ORDER BY article_id, id",
    "clusters": "SELECT id, article_id, event_id, actor_codes, recipient_codes FROM clusters ORDER BY id",
    "quotes": "SELECT article_id, id, record FROM quotes ORDER BY article_id, id",
    "entities": "SELECT article_id, idx, text, code FROM entities ORDER BY article_id, idx",
    "fts": "SELECT id FROM articles_fts ORDER BY id",
}


def _write_articles(folder: Path) -> list[str]:
    """30 articles of ~130 words: NorNE dev pseudo-articles cut in three, each with a date line."""
    if not (SHARED / "data" / "norne").is_dir():
        pytest.fail(f"the resume test needs NorNE text under {SHARED}/data/norne (the shared data folder)")
    folder.mkdir()
    ids = []
    for i, text in enumerate(norwegian_articles(SHARED, "nob", 10)):
        words = text.split()
        for j in range(3):
            doc_id = f"a{i:02d}-{j}"
            part = " ".join(words[j * len(words) // 3:(j + 1) * len(words) // 3])
            (folder / f"{doc_id}.txt").write_text(f"date 2024-04-{i + 1:02d}\n{part}\n", encoding="utf-8")
            ids.append(doc_id)
    assert len(ids) == 30, "NorNE dev gave fewer than 10 pseudo-articles"
    return ids


def _stored(db: Path) -> int:
    """Articles committed to ``db`` so far (0 before it exists)."""
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # no store or no schema yet
        return 0


def _ingest(folder: Path, db: Path, kill_at: int | None = None, then: float = 0.0) -> str | None:
    """Run ``tidende ingest``; return its summary line, or None if it was killed.

    With ``kill_at``, SIGKILL its process group ``then`` seconds after ``kill_at`` articles are stored.
    """
    log = db.with_suffix(".log")
    with log.open("w") as out:
        # one process: articles are committed one by one as they are processed, so kills land between
        # commits (with worker processes a batch commits in one burst and a kill may miss every gap)
        proc = subprocess.Popen([str(TIDENDE), "ingest", str(folder), "--db", str(db), "--workers", "1"],
                                stdout=out, stderr=out,
                                env=os.environ | {"OMP_NUM_THREADS": "1"}, start_new_session=True)
    try:
        if kill_at is not None:
            deadline = time.monotonic() + TIMEOUT_S
            while proc.poll() is None and _stored(db) < kill_at and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(then)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                return None
        proc.wait(timeout=TIMEOUT_S)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    output = log.read_text(encoding="utf-8")
    assert proc.returncode == 0, f"ingest failed ({proc.returncode}): {output[-2000:]}"
    return output.strip().splitlines()[-1]


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        conn.close()


@pytest.mark.slow
def test_ingest_resumes_after_kill_9(tmp_path: Path) -> None:
    assert TIDENDE.exists(), f"no tidende console script next to {sys.executable}; pip install -e ."
    ids = _write_articles(tmp_path / "articles")
    summary = _ingest(tmp_path / "articles", tmp_path / "clean.db")
    assert summary is not None and SUMMARY.search(summary).groups() == ("30", "0", "0", "0")  # type: ignore[union-attr]
    clean = _dump(tmp_path / "clean.db")
    assert [row[0] for row in clean["articles"]] == sorted(ids)
    assert clean["events"] and clean["quotes"], "the test articles should give some events and quotes"

    db = tmp_path / "resumed.db"
    rng = random.Random(20261127)
    partial = []  # articles stored when a run was killed, if some but not all
    for i in range(KILLS):  # the first while starting up, the others just after a commit of this run's
        before = _stored(db)
        kill_at, then = (0, rng.uniform(0.2, 1.0)) if i == 0 else (before + 1, rng.uniform(0.0, 0.3))
        if before < 30 and _ingest(tmp_path / "articles", db, kill_at, then) is None and 0 < _stored(db) < 30:
            partial.append(_stored(db))
    assert partial, "no run was killed with part of the articles stored: nothing was resumed"
    stored = _stored(db)
    summary = _ingest(tmp_path / "articles", db)
    assert summary is not None
    added, replaced, unchanged, failed = map(int, SUMMARY.search(summary).groups())  # type: ignore[union-attr]
    assert (added, replaced, unchanged, failed) == (30 - stored, 0, stored, 0), summary

    resumed = _dump(db)
    for name, rows in clean.items():
        assert resumed[name] == rows, f"{name} differ from a clean run's after kills at {partial} stored"

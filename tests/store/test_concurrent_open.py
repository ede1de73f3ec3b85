"""Two processes opening a new store at the same moment (two ingests started together) both succeed."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from tidende.store import open_store


def _open_at(db: Path, start: float) -> str:
    while time.time() < start:
        pass
    try:
        with open_store(db) as store:
            store.is_stored("x", "y")
        return "ok"
    except Exception as exc:
        return repr(exc)


def test_two_processes_create_one_store_at_once(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        for i in range(12):  # the race lost about every other time before the WAL switch was retried
            db = tmp_path / f"{i}.db"
            start = time.time() + 0.2
            assert pool.starmap(_open_at, [(db, start), (db, start)]) == ["ok", "ok"]

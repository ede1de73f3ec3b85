"""Store faults a user meets: a damaged file, a read-only file, a lock held by another writer, a full disk.

Each command fails with one numbered line (no traceback) or recovers, and the store stays whole.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.faults.conftest import assert_clean_failure, digests, sentences, store_state, tidende, write_jsonl
from tests.store.helpers import doc
from tidende.cli import app
from tidende.store import open_store
from tidende.store import sqlite as store_sqlite

runner = CliRunner()
SIDECARS = {"t.db-wal", "t.db-shm"}
EMPTY_WAL = hashlib.sha256(b"").hexdigest()


def _store(db: Path, n: int = 60) -> None:
    with open_store(db) as store:
        for i in range(n):
            store.add(doc(f"a{i}", f"Kina sendte {i} tonn hjelp til Russland.", speaker="CHN" if i % 2 else None))


def _corrupt(path: Path, where: str) -> None:
    """Overwrite the SQLite header, or the middle half of the file, with garbage."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        if where == "header":
            f.write(b"this is not a database" * 4)
        else:
            f.seek(size // 4)
            f.write(random.Random(0).randbytes(size // 2))


@pytest.mark.parametrize("where", ["header", "middle"])
def test_damaged_store_gives_one_clear_line_and_touches_nothing(tmp_path: Path, where: str) -> None:
    _store(tmp_path / "t.db")
    _store(tmp_path / "other.db", 3)
    (tmp_path / "notes.txt").write_text("keep me\n", encoding="utf-8")
    _corrupt(tmp_path / "t.db", where)
    before = digests(tmp_path)
    db = str(tmp_path / "t.db")
    for args in (["stats"], ["events"], ["events", "--clusters"], ["quotes"], ["show", "a1"],
                 ["export", "--format", "plover-jsonl", "-o", str(tmp_path / "out" / "e.jsonl")]):
        (tmp_path / "out").mkdir(exist_ok=True)
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 1, (args, result.output)
        assert_clean_failure(result.stderr, "E024")
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith(f"{db}: [E024]")
        shutil.rmtree(tmp_path / "out")
    after = digests(tmp_path)
    assert {k: v for k, v in after.items() if k not in SIDECARS} == before  # SQLite may add its sidecars,
    assert after.get("t.db-wal", EMPTY_WAL) == EMPTY_WAL  # but nothing is written to the log


def test_damaged_store_header_refuses_ingest_before_any_work(tmp_path: Path) -> None:
    _store(tmp_path / "t.db", 3)
    _corrupt(tmp_path / "t.db", "header")
    inputs = write_jsonl(tmp_path / "in.jsonl", sentences(2))
    before = digests(tmp_path)
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert_clean_failure(result.stderr, "E024")
    assert digests(tmp_path) == before


@contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """Make ``path`` unwritable, for root too (``chattr +i``); fail loudly if this system cannot."""
    if os.geteuid() != 0:
        path.chmod(0o444)
    else:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, f"cannot make a read-only file here (chattr +i as root): {done.stderr}"
    try:
        with pytest.raises(PermissionError):
            os.close(os.open(path, os.O_WRONLY))
        yield
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)


def test_read_only_store_ingest_fails_clearly_and_queries_work(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _store(db, 3)
    inputs = write_jsonl(tmp_path / "in.jsonl", sentences(2))
    with _read_only(db):
        result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
        assert result.exit_code == 1
        assert_clean_failure(result.stderr, "E026")
        assert "readonly" in result.stderr
        stats = runner.invoke(app, ["stats", "--db", str(db), "--json"])
        assert stats.exit_code == 0 and '"articles": 3' in stats.stdout
    assert store_state(db)["ids"] == {"a0", "a1", "a2"}


def test_locked_store_waits_then_fails_clearly_or_goes_on_after_release(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "t.db"
    _store(db, 1)
    inputs = write_jsonl(tmp_path / "in.jsonl", sentences(2))
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(store_sqlite, "BUSY_TIMEOUT", 0.5)
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert result.exit_code == 1
    assert_clean_failure(result.stderr, "E025")
    assert "waited 0.5 s" in result.stderr
    monkeypatch.setattr(store_sqlite, "BUSY_TIMEOUT", 30.0)
    release = threading.Timer(1.0, holder.execute, ["ROLLBACK"])
    release.start()
    try:
        result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    finally:
        release.join()
        holder.close()
    assert result.exit_code == 0, result.output
    assert "2 added" in result.stdout
    assert store_state(db)["ids"] == {"a0", "s0", "s1"}


def _fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder``, then free ``leave`` bytes; return the filler file."""
    filler = folder / "filler"
    with filler.open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    os.truncate(filler, filler.stat().st_size - leave)
    return filler


def _limit_file_size(limit: int) -> None:
    """In the child: files may not grow past ``limit`` bytes; a write beyond fails (EFBIG) instead of a signal."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _ingest_on_full_disk(kind: str, tmp_path: Path, inputs: Path) -> tuple[Path, int, str, Path | None]:
    """Run an ingest that runs out of space; return the store, exit status, stderr and the filler to free."""
    if kind == "tmpfs":
        disk = tmp_path / "disk"
        disk.mkdir()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip("mounting a tmpfs is not permitted here; the rlimit case covers a full disk")
        db = disk / "t.db"
        _store(db, 1)
        filler = _fill(disk, 48 * 1024)
        result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--workers", "1"])
        return db, result.exit_code, result.stderr, filler
    db = tmp_path / "t.db"
    _store(db, 1)
    proc = tidende("ingest", str(inputs), "--db", str(db), "--workers", "1",
                   preexec_fn=lambda: _limit_file_size(db.stat().st_size + 48 * 1024))
    _, err = proc.communicate(timeout=300)
    return db, proc.returncode, err, None


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["tmpfs", "rlimit"])
def test_full_disk_fails_clearly_keeps_stored_articles_and_resumes(tmp_path: Path, kind: str) -> None:
    records = sentences(40)
    inputs = write_jsonl(tmp_path / "in.jsonl", records)
    db, status, err, filler = _ingest_on_full_disk(kind, tmp_path, inputs)
    try:
        assert status == 1, err
        assert_clean_failure(err, "E026")
        first = store_state(db)
        assert "a0" in first["ids"] and len(first["ids"]) < 41
        if filler is not None:
            filler.unlink()
        result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--workers", "1"])
        assert result.exit_code == 0, result.output
        final = store_state(db)
        assert final["ids"] == {"a0"} | {r["id"] for r in records}
        assert {i: final["events"][i] for i in first["ids"]} == first["events"]
    finally:
        if filler is not None:
            subprocess.run(["umount", str(db.parent)], check=True)

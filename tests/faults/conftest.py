"""Helpers for the store fault-injection tests: small inputs, a CLI in a subprocess, store checks."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

TIDENDE = str(Path(sys.executable).with_name("tidende"))  # the console script of this environment
ENV = {**os.environ, "OMP_NUM_THREADS": "1"}
COUNTRIES = ["Kina", "Russland", "Norge", "Sverige", "Frankrike", "Tyskland", "India", "Japan"]
VERBS = ["sendte nødhjelp til", "kritiserte", "inngikk en avtale med", "truet"]


def sentences(n: int, start: int = 0) -> list[dict[str, str]]:
    """``n`` short, distinct Norwegian news sentences as JSONL records with ids ``s<i>``."""
    out = []
    for i in range(start, start + n):
        a, b = COUNTRIES[i % 8], COUNTRIES[(i // 8 + i + 1) % 8]
        b = b if b != a else COUNTRIES[(i + 3) % 8]
        out.append({"id": f"s{i}", "text": f"{a} {VERBS[i % 4]} {b} {i % 28 + 1}. april, opplyser NTB.",
                    "date": "2024-04-30", "lang": "nb"})
    return out


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    """Write ``records`` as JSON Lines; return ``path``."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def tidende(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    """Start ``tidende ARGS`` as a separate process (stdout and stderr piped, text)."""
    return subprocess.Popen([TIDENDE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=ENV, cwd=ROOT, **kwargs)


def assert_clean_failure(stderr: str, code: str) -> None:
    """The command failed with one line naming ``code`` and no traceback."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr, stderr
    assert any(f"[{code}]" in line for line in lines), stderr


def store_state(db: Path) -> dict[str, Any]:
    """Check the store's integrity and consistency; return article ids and each article's event count."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)), "an article is stored twice"
        fts = sorted(r[0] for r in conn.execute("SELECT id FROM articles_fts"))
        assert fts == sorted(ids), "the text index and the articles differ"
        events = dict(conn.execute("SELECT article_id, count(*) FROM events GROUP BY article_id").fetchall())
    finally:
        conn.close()
    return {"ids": set(ids), "events": {i: events.get(i, 0) for i in ids}}


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in ``folder`` (recursively), by relative path."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}

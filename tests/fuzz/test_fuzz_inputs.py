"""Property tests over every input path (a short version of ``fuzz/run.py``), bounded memory, and end to end:
bad documents get one line each, the good ones next to them are processed, no traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from fuzz.run import run_bulk
from fuzz.targets import GOOD_TEXT, TARGETS
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from tidende.cli import app
from tidende.ingest.readers import MAX_BYTES, ReadResult, _read_stdin, read_inputs

EXAMPLES = {"langid": 40, "date": 60}  # the slower paths; the others run 100 examples


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzzed_inputs_crash_nothing_and_lose_no_good_document(name: str) -> None:
    target = TARGETS[name]

    @settings(max_examples=EXAMPLES.get(name, 100), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(target.strategy)
    def check(example: object) -> None:
        assert target.check(example) == 0

    check()


def _peak(fn: Callable[[], list[ReadResult]]) -> tuple[list[ReadResult], int]:
    """``fn()`` and the peak of Python memory allocated while it ran."""
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_oversized_files_are_refused_without_being_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(1 << 30)  # 1 GB, sparse
    lines = tmp_path / "lines.jsonl"
    with lines.open("wb") as f:
        f.write(b'{"text": "' + b"a" * (MAX_BYTES + 10) + b'"}\n')
        f.seek(100 * 2**20)
        f.write(b"\n" + json.dumps({"id": "ok", "text": GOOD_TEXT}).encode() + b"\n")
    results, peak = _peak(lambda: list(read_inputs([str(big), str(lines)])))
    assert [(r.where, r.error.code if r.error else r.article and r.article.id) for r in results] == [
        (str(big), "E023"), (f"{lines}:1", "E023"), (f"{lines}:2", "E023"), (f"{lines}:3", "ok")]
    assert peak < 5 * MAX_BYTES  # a few buffers of the limit, never the 1 GB or 100 MB input


class _Endless(io.RawIOBase):
    """An endless stream of ``a``; counts the bytes read."""

    served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"a" * len(buffer)
        self.served += len(buffer)
        return len(buffer)


def test_stdin_is_read_with_a_cap() -> None:
    raw = _Endless()
    (res,) = list(_read_stdin(io.BufferedReader(raw)))
    assert res.error is not None and res.error.code == "E023" and res.where == "<stdin>"
    assert raw.served <= 3 * MAX_BYTES


def test_100000_tiny_documents_are_all_read() -> None:
    result = run_bulk()
    assert (result["good_read"], result["errors_reported"], result["lost_good_docs"]) == (99_000, 1_000, 0)


@pytest.mark.slow
def test_bad_documents_next_to_good_ones_end_to_end(tmp_path: Path) -> None:
    good = "date 2024-04-15\nRussland angrep Ukraina fredag, opplyser Jonas\u200bGahr Støre.\n"
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "good.txt").write_text(good, encoding="utf-8")
    (docs / "latin1.txt").write_bytes(good.replace("\u200b", "").encode("latin-1"))
    (docs / "utf16.txt").write_bytes(good.encode("utf-16"))
    (docs / "nul.txt").write_bytes(b"Kina\x00\x00 sendte hjelp.")
    (docs / "huge.txt").write_bytes(b"a" * 10_000_000)
    (docs / "space.txt").write_text(" \u200b\u00a0\n\t", encoding="utf-8")
    (docs / "punct.txt").write_text("«…!?»–—", encoding="utf-8")
    (docs / "truncated.txt").write_bytes(good.encode()[:-2] + "ø".encode()[:1])
    (docs / "lines.jsonl").write_bytes(b"\n".join([
        json.dumps({"id": "rtl", "text": "\u202eIsrael\u202c og \u05d9\u05e9\u05e8\u05d0\u05dc: Norge kritiserte "
                    "Israel mandag.", "lang": "nb", "date": "2024-04-15"}).encode(),
        b"[" * 100_000 + b"]" * 100_000,
        b'{"text": "Kina.", "date": "-99999999999999999999"}',
        b'{"text": "Kina.", "id": ' + b"9" * 5000 + b"}",
        b'{"text": "\\ud800 Kina."}',
        json.dumps({"id": "ok", "text": "Norge sendte nødhjelp til Ukraina i går.", "lang": "nb",
                    "date": "2024-04-15"}).encode(),
    ]) + b"\n")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([str(Path(sys.executable).with_name("tidende")), "extract", str(docs), "-o", str(out),
                           "--workers", "1"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if "[E" in line]
    assert {line.split(": [", 1)[0].rsplit("/", 1)[1] for line in errors} == {
        "huge.txt", "latin1.txt", "nul.txt", "punct.txt", "space.txt", "truncated.txt", "utf16.txt",
        "lines.jsonl:2", "lines.jsonl:3", "lines.jsonl:4", "lines.jsonl:5"}
    assert f"{len(errors)} document(s) failed" in proc.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["good", "rtl", "ok"]


def test_stdin_good_lines_around_bad_ones_are_processed() -> None:
    lines = [json.dumps({"id": "a", "text": "Russia attacked Ukraine on Friday.", "lang": "en"}), "\x00\xff{",
             json.dumps({"id": "b", "text": "Norway criticised Israel on Monday.", "lang": "en"})]
    result = CliRunner().invoke(app, ["extract", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("<stdin>:2: [E00")
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a", "b"]

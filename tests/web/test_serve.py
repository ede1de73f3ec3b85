"""``tidende serve``: what it says, where it binds, and the errors for a missing or unreadable store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tidende.cli import app

runner = CliRunner()


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The calls ``serve`` makes to ``uvicorn.run`` (which is not started)."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda application, **kw: calls.append({"app": application, **kw}))
    return calls


def test_serve_binds_localhost_by_default_and_says_so(db: Path, runs: list[dict[str, Any]]) -> None:
    result = runner.invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"serving {db} on http://127.0.0.1:8000 (local only; pass --host to expose)" in result.output
    assert runs[0]["host"] == "127.0.0.1" and runs[0]["port"] == 8000
    assert runs[0]["app"].state.db == db


def test_serve_on_another_host_says_it_is_exposed(db: Path, runs: list[dict[str, Any]]) -> None:
    result = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "9001"])
    assert result.exit_code == 0
    assert "http://0.0.0.0:9001 (reachable from other machines)" in result.output
    assert (runs[0]["host"], runs[0]["port"]) == ("0.0.0.0", 9001)


def test_serve_without_a_store_exits_1_with_advice(tmp_path: Path, runs: list[dict[str, Any]]) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such store" in result.output and not runs


def test_serve_refuses_an_old_store(tmp_path: Path, runs: list[dict[str, Any]]) -> None:
    old = tmp_path / "old.db"
    sqlite3.connect(old).execute("PRAGMA user_version = 1").connection.close()
    result = runner.invoke(app, ["serve", "--db", str(old)])
    assert result.exit_code == 1 and "tidende migrate" in result.output and not runs


def test_serve_refuses_a_bad_port(db: Path, runs: list[dict[str, Any]]) -> None:
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", "70000"])
    assert result.exit_code == 2 and not runs

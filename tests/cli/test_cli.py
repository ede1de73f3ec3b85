"""The command line: help, version, extract with good and bad inputs, ingest and query."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import assert_valid_record
from tidende import __version__
from tidende.cli import app

runner = CliRunner()
COMMANDS = ["extract", "ingest", "events", "stats", "models", "timex", "actor"]


def test_cli_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"tidende {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_complete(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and len(result.stdout.splitlines()) > 4


def test_cli_extract_bad_inputs_reported_good_ones_kept(tmp_path: Path) -> None:
    good = tmp_path / "docs.jsonl"
    good.write_text(
        json.dumps({"id": "ok1", "text": "The embassy said China has not supplied weapons to Russia.",
                    "date": "2024-04-15"}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "ok2", "text": "Russia attacked Ukraine on Friday.", "lang": "en"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00\x00binary")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "german.txt").write_text("Die Regierung hat heute beschlossen, die Sanktionen zu verlängern.",
                                         encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    err = result.stderr
    assert "docs.jsonl:2: [E006]" in err and "bin.txt: [E003]" in err and "empty.txt: [E004]" in err
    assert "german.txt: [E009]" in err and "4 document(s) failed" in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["ok1", "ok2"]
    for r in records:
        assert_valid_record(r)
    assert records[0]["date"] == "2024-04-15" and records[0]["lang"] == "en"


def test_cli_extract_bad_options() -> None:
    assert runner.invoke(app, ["extract", "x.txt", "--lang", "sv"]).exit_code == 2
    result = runner.invoke(app, ["extract", "x.txt", "--date", "2024-02-30"])
    assert result.exit_code == 2 and "E005" in result.output


def test_cli_extract_stdin() -> None:
    result = runner.invoke(app, ["extract", "-", "--lang", "en"], input="date 2024-04-15 Russia attacked Ukraine.")
    assert result.exit_code == 0
    (rec,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert rec["date"] == "2024-04-15" and rec["text"] == "Russia attacked Ukraine."


def test_cli_ingest_query_stats(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("date 2024-04-15 Russia attacked Ukraine. China has not supplied weapons to Russia.",
                   encoding="utf-8")
    db = tmp_path / "t.db"
    first = runner.invoke(app, ["ingest", str(doc), "--db", str(db), "--lang", "en"])
    assert first.exit_code == 0 and "1 added" in first.stdout
    again = runner.invoke(app, ["ingest", str(doc), "--db", str(db), "--lang", "en"])
    assert "0 added, 0 replaced, 1 unchanged" in again.stdout
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert stats["articles"] == 1
    out = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    rows = [json.loads(x) for x in out.splitlines()]
    assert all(r["article_id"] == "a" for r in rows) and len(rows) == stats["events"]
    assert stats["events"] >= 2, "the test text should give two events"
    limited = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--limit", "1"]).stdout
    assert [json.loads(x) for x in limited.splitlines()] == rows[:1]


def test_cli_missing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such store" in result.stderr


def test_cli_timex_json() -> None:
    result = runner.invoke(app, ["timex", "Scholz drar til Beijing i helgen, og G7 møtes neste uke.", "--lang", "nb",
                                 "--ref", "2024-04-15", "--json"])
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    # 2024-04-15 is a Monday: without a clause tense "i helgen" is the nearest weekend, the one just past
    assert [(r["text"], r["value"], r["precision"]) for r in rows] == [
        ("i helgen", "2024-04-13/2024-04-14", "interval"), ("neste uke", "2024-W17", "week")]
    text = "Scholz drar til Beijing i helgen, og G7 møtes neste uke."
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_cli_timex_and_actor_errors() -> None:
    assert runner.invoke(app, ["timex", "i går", "--lang", "nb"]).exit_code == 2  # no --ref
    assert runner.invoke(app, ["timex", "ingen dato her", "--lang", "nb", "--ref", "2024-04-15"]).exit_code == 1
    missing = runner.invoke(app, ["actor", "Qwxyz Blorp", "--lang", "nb"])
    assert missing.exit_code == 1 and "no actor found" in missing.stderr


def test_cli_actor_json_time_aware() -> None:
    rec = json.loads(runner.invoke(app, ["actor", "Erna Solberg", "--lang", "nb", "--date", "2015-06-01",
                                         "--json"]).stdout)
    assert (rec["code"], rec["sector"]) == ("NOR", "GOV")
    rec = json.loads(runner.invoke(app, ["actor", "Erna Solberg", "--lang", "nb", "--date", "2024-04-15",
                                         "--json"]).stdout)
    assert (rec["code"], rec["sector"]) == ("NOR", "OPP")
    assert set(rec) == {"code", "sector", "wikidata_id", "name", "anonymous"}


def test_cli_progress_bar_renders_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal the bar (with its docs/s column) renders from the first item on."""
    import io

    from rich.console import Console

    from tidende.cli import progress as progress_mod

    monkeypatch.setattr(progress_mod.sys.stderr, "isatty", lambda: True, raising=False)
    out = io.StringIO()
    monkeypatch.setattr("rich.progress.get_console", lambda: Console(file=out, force_terminal=True, width=80))
    assert list(progress_mod.progress(iter(range(5)), "test")) == [0, 1, 2, 3, 4]

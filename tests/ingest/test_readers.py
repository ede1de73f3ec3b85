"""Readers: .txt with a date prefix, .jsonl, stdin, folders, and every bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidende.errors import TidendeError
from tidende.ingest.readers import read_inputs, split_date_prefix
from tidende.records import DocDate


def _read(*paths: str):  # type: ignore[no-untyped-def]
    return list(read_inputs(paths))


def test_readers_date_prefix_on_first_line(seed_path: Path) -> None:
    (res,) = _read(str(seed_path))
    assert res.error is None and res.article is not None
    assert res.article.date == DocDate.parse("2024-04")
    assert res.article.date.precision == "month"
    assert res.article.text.startswith("Ifølge amerikanske tjenestepersoner")


def test_readers_date_prefix_day_and_own_line() -> None:
    date, text = split_date_prefix("date 2024-04-15\nKina avviser.", "x")
    assert date == DocDate.parse("2024-04-15") and text == "Kina avviser."
    date, text = split_date_prefix("Kina avviser.", "x")
    assert date is None and text == "Kina avviser."


def test_readers_bad_date_prefix(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("date 2024-13-45 Tekst her.", encoding="utf-8")
    (res,) = _read(str(f))
    assert res.error is not None and res.error.code == "E005" and str(f) in str(res.error)


def test_readers_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl"
    f.write_text(
        '{"id": "a", "text": "Kina avviser.", "date": "2024-04-15", "lang": "nb"}\n'
        "not json\n"
        '{"id": "c"}\n'
        '{"id": "d", "text": "Ok.", "date": "15.04.2024"}\n'
        "\n"
        '{"id": "e", "text": "   "}\n'
        '{"id": "f", "text": "Fine text.", "title": "T"}\n',
        encoding="utf-8",
    )
    results = _read(str(f))
    codes = [(r.where.rsplit(":", 1)[1], r.error.code if r.error else None) for r in results]
    assert codes == [("1", None), ("2", "E006"), ("3", "E007"), ("4", "E005"), ("6", "E004"), ("7", None)]
    assert results[0].article is not None and results[0].article.lang == "nb"
    assert results[-1].article is not None and results[-1].article.title == "T"


def test_readers_binary_and_encoding(tmp_path: Path) -> None:
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00")
    latin = tmp_path / "l.txt"
    latin.write_bytes("Tromsø og Bodø".encode("latin-1"))
    errors = {Path(r.where).name: r.error.code for r in _read(str(binary), str(latin)) if r.error}
    assert errors == {"b.txt": "E003", "l.txt": "E002"}


def test_readers_missing_and_unsupported(tmp_path: Path) -> None:
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF")
    results = _read(str(tmp_path / "nope.txt"), str(other))
    assert [r.error.code for r in results if r.error] == ["E011", "E008"]


def test_readers_folder_recursive_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "a.txt").write_text("Første sak.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Andre sak.", encoding="utf-8")
    (tmp_path / "skip.md").write_text("ignored", encoding="utf-8")
    ids = [r.article.id for r in _read(str(tmp_path)) if r.article]
    assert ids == ["2024/a", "b"]


def test_readers_error_message_names_place() -> None:
    err = TidendeError("E006", "docs.jsonl:7", reason="Expecting value")
    assert str(err).startswith("docs.jsonl:7: [E006]")
    with pytest.raises(AttributeError):
        TidendeError("E999")

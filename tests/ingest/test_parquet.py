"""Parquet input: one article a row, bad rows reported by row, bad files by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tidende.ingest.readers import read_inputs
from tidende.records import DocDate


def test_parquet_rows_become_articles_and_bad_rows_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "shard.parquet"
    table = pa.table({
        "id": ["a", "b", "c"],
        "text": ["Norge sender hjelp til Ukraina.", "   ", "China met Russia."],
        "date": [dt.date(2024, 4, 15), None, dt.date(2024, 4, 16)],
        "lang": ["nb", None, "en"],
        "extra": [1, 2, 3],
    })
    pq.write_table(table, path, row_group_size=2)
    results = list(read_inputs([str(path)]))
    assert [r.where for r in results] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    first, bad, third = results
    assert first.article is not None and first.article.id == "a" and first.article.lang == "nb"
    assert first.article.date == DocDate.parse("2024-04-15")
    assert bad.error is not None and bad.error.code == "E004"
    assert third.article is not None and third.article.text == "China met Russia."


def test_parquet_without_text_column_or_not_parquet(tmp_path: Path) -> None:
    no_text = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"body": ["x"]}), no_text)
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"PAR1 not really")
    results = list(read_inputs([str(no_text), str(junk)]))
    assert [r.error.code for r in results if r.error] == ["E030", "E030"]
    assert "no 'text' column (columns: body)" in str(results[0].error)

"""Parquet input: one article per row, with the fields of a JSON Lines record.

Columns: ``text`` (required), optional ``id``, ``date`` (string, date or timestamp), ``lang``,
``title``, ``url``; other columns are ignored. Rows are read in record batches, so a large
file is never loaded whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidende.errors import TidendeError
from tidende.ingest.readers import FIELDS, ReadResult, article_from_object

BATCH_ROWS = 256


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Dates and timestamps as ISO dates, as a JSON Lines record would carry them."""
    date = row.get("date")
    if isinstance(date, dt.datetime):
        row["date"] = date.date().isoformat()
    elif isinstance(date, dt.date):
        row["date"] = date.isoformat()
    return row


def read_parquet(path: Path, where: str) -> Iterator[ReadResult]:
    """The articles of a Parquet file; a bad row is an error naming ``file:row``, the rest go on."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        yield ReadResult(where, error=TidendeError("E019", where, what="Parquet input", package="pyarrow",
                                                   extra="analysis"))
        return
    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield ReadResult(where, error=TidendeError("E030", where, reason=f"not a readable Parquet file ({exc})"))
        return
    names = pf.schema_arrow.names
    if "text" not in names:
        reason = f"no 'text' column (columns: {', '.join(names)})"
        yield ReadResult(where, error=TidendeError("E030", where, reason=reason))
        return
    n = 0
    try:
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=[c for c in FIELDS if c in names]):
            for row in batch.to_pylist():
                n += 1
                at = f"{where}:{n}"
                try:
                    yield ReadResult(at, article=article_from_object(_plain(row), at))
                except TidendeError as err:
                    yield ReadResult(at, error=err)
    except (OSError, pa.ArrowException) as exc:
        at = f"{where}:{n + 1}"
        yield ReadResult(at, error=TidendeError("E030", at, reason=f"unreadable Parquet data ({exc})"))

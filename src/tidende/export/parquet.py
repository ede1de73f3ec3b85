"""Parquet (pyarrow): one flat row per mention (``tidende.store.flat.COLUMNS``) plus the full ``record`` JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tidende.errors import TidendeError
from tidende.registry import exporters
from tidende.store.flat import COLUMNS, flatten
from tidende.store.sqlite import Store

_INTS = {"evidence_start", "evidence_end"}


@exporters.register("parquet")
def export_parquet(store: Store, path: Path, **filters: Any) -> int:
    """Write every (filtered) mention; return the number of rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise TidendeError("E019", what="parquet export", package="pyarrow", extra="analysis") from None
    schema = pa.schema([(c, pa.int64() if c in _INTS else pa.bool_() if c == "negated" else pa.string())
                        for c in COLUMNS] + [("record", pa.string())])
    rows = [{**flatten(r), "record": json.dumps(r, ensure_ascii=False)} for r in store.events(**filters)]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows)

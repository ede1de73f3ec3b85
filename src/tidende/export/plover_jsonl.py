"""PLOVER JSON Lines: the canonical event record plus ``article_id`` and ``cluster_id``, one a line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tidende.registry import exporters
from tidende.store.sqlite import Store


@exporters.register("plover-jsonl")
def export_plover_jsonl(store: Store, path: Path, **filters: Any) -> int:
    """Write every (filtered) mention; return the number of lines."""
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for rec in store.events(**filters):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n

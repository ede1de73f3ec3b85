"""Event records flattened to one row of scalars (CSV, DataFrame, Parquet)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

#: Columns of a flattened mention; lists are joined with ``;``.
COLUMNS = [
    "article_id", "cluster_id", "id", "event", "mode", "context",
    "actor_codes", "actor_sectors", "actor_texts", "recipient_codes", "recipient_sectors", "recipient_texts",
    "date", "date_precision", "negated", "modality",
    "attribution_text", "attribution_code", "attribution_stance",
    "trigger", "evidence", "evidence_start", "evidence_end",
]
#: Extra columns of a cluster row (``clusters=True``).
CLUSTER_COLUMNS = ["sources", "mentions", "first_reported", "last_reported"]


def _join(actors: list[dict[str, Any]], key: str) -> str:
    return ";".join(a.get(key) or "" for a in actors)


def flatten(rec: dict[str, Any]) -> dict[str, Any]:
    """One flat row of an event record from ``Store.events`` (cluster columns kept when present)."""
    att = rec.get("attribution") or {}
    row = {
        "article_id": rec.get("article_id"), "cluster_id": rec.get("cluster_id"), "id": rec["id"],
        "event": rec["event"], "mode": rec.get("mode"), "context": ";".join(rec.get("context", [])),
        "actor_codes": _join(rec["actor"], "code"), "actor_sectors": _join(rec["actor"], "sector"),
        "actor_texts": _join(rec["actor"], "entity_text"),
        "recipient_codes": _join(rec["recipient"], "code"), "recipient_sectors": _join(rec["recipient"], "sector"),
        "recipient_texts": _join(rec["recipient"], "entity_text"),
        "date": rec.get("date"), "date_precision": rec.get("date_precision"), "negated": rec["negated"],
        "modality": rec["modality"], "attribution_text": att.get("text"), "attribution_code": att.get("code"),
        "attribution_stance": att.get("stance"), "trigger": rec["trigger"]["text"],
        "evidence": rec["evidence"]["text"], "evidence_start": rec["evidence"]["start"],
        "evidence_end": rec["evidence"]["end"],
    }
    row.update({k: rec[k] for k in CLUSTER_COLUMNS if k in rec})
    return row


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, clusters: bool = False) -> int:
    """Write flattened records as CSV with a header; return the number of rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS + (CLUSTER_COLUMNS if clusters else []), lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(flatten(rec))
        n += 1
    return n

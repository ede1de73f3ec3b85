"""POLECAT-style TSV: PLOVER fields under POLECAT's column names, a header, one row per mention.

Chosen columns: ``Event ID`` (``article_id:event id``), ``Event Date``, ``Event Type``,
``Event Mode``, ``Quad Code`` (``Verbal cooperation`` ...), ``Contexts`` (``;``-joined),
``Actor Country``/``Recipient Country`` (PLOVER codes that are countries),
``Actor Code``/``Recipient Code`` (every PLOVER code), ``Primary Actor Sector``,
``Actor Wikidata ID``, ``Actor Name Raw`` (entity texts) and the same for the recipient,
``Publication Date``, ``Language``, ``Story ID`` (article id), ``Source`` (URL or source),
then ``Cluster ID``, ``Negated``, ``Modality``, ``Attribution`` and ``Evidence``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tidende.export.common import QUADS, cameo, countries, first, write_mentions_tsv
from tidende.registry import exporters
from tidende.store.sqlite import Store

COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code", "Contexts",
    "Actor Country", "Actor Code", "Primary Actor Sector", "Actor Wikidata ID", "Actor Name Raw",
    "Recipient Country", "Recipient Code", "Primary Recipient Sector", "Recipient Wikidata ID", "Recipient Name Raw",
    "Publication Date", "Language", "Story ID", "Source", "Cluster ID", "Negated", "Modality", "Attribution",
    "Evidence",
]


def _side(actors: list[dict[str, Any]]) -> list[str | None]:
    return [";".join(a["code"] for a in actors if a["code"] in countries()), ";".join(a["code"] for a in actors),
            first(actors).get("sector"), ";".join(a.get("wikidata_id") or "" for a in actors),
            ";".join(a["entity_text"] for a in actors)]


def row(rec: dict[str, Any], meta: dict[str, Any]) -> list[Any]:
    """The columns of one mention record."""
    code = cameo(rec["event"], rec.get("mode"))
    att = rec.get("attribution") or {}
    return [
        f"{rec['article_id']}:{rec['id']}", rec.get("date"), rec["event"], rec.get("mode"),
        QUADS[code.quad] if code else None, ";".join(rec.get("context", [])),
        *_side(rec["actor"]), *_side(rec["recipient"]),
        meta.get("date"), meta.get("lang"), rec["article_id"], meta.get("url") or meta.get("source"),
        rec["cluster_id"], rec["negated"], rec["modality"], att.get("code") or att.get("text"),
        rec["evidence"]["text"],
    ]


@exporters.register("polecat")
def export_polecat(store: Store, path: Path, **filters: Any) -> int:
    """Write the header and one row per (filtered) mention; return the number of rows."""
    return write_mentions_tsv(store, path, COLUMNS, row, **filters)

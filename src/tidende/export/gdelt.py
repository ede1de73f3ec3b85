"""GDELT 2.0 event table: 61 tab-separated columns, no header, one row per event cluster.

Event codes are CAMEO at root level (``EventRootCode`` ``07``; ``EventCode`` and
``EventBaseCode`` its unspecified code ``070``), strings with their leading zero. Actor
codes are the PLOVER code followed by the sector (``CHNGOV``); ``NumMentions`` counts the
cluster's mentions, ``NumSources`` and ``NumArticles`` its distinct articles. Left empty:
religion/ethnic codes, ``GoldsteinScale``, ``AvgTone`` and geography (not produced yet).
``IsRootEvent`` is 1 when the evidence lies in the article's first line. ``GLOBALEVENTID``
is the cluster id's first 15 hex digits as an integer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tidende.export.common import cameo, countries, first, tsv_line
from tidende.registry import exporters
from tidende.store.cluster import date_range
from tidende.store.sqlite import Store

N_COLUMNS = 61


def _actor(a: dict[str, Any]) -> list[Any]:
    """The ten ``ActorN*`` fields from ``Code`` to ``Type3Code``."""
    if not a:
        return [None] * 10
    code, sector = a["code"], a.get("sector")
    is_country = code in countries()
    return [code + (sector or ""), a.get("entity_text"), code if is_country else None,
            None if is_country else code, None, None, None, sector, None, None]


def _day(value: str | None) -> dt.date | None:
    span = date_range(value)
    return dt.date.fromisoformat(span[0]) if span else None


def row(rec: dict[str, Any], meta: dict[str, Any]) -> list[Any]:
    """The 61 fields of one cluster record (``Store.events(clusters=True)``)."""
    day = _day(rec.get("date")) or _day(rec.get("first_reported"))
    code = cameo(rec["event"], rec.get("mode"))
    lead_end = meta.get("lead_end") or 0
    added = dt.datetime.fromisoformat(meta["ingested_at"]).strftime("%Y%m%d%H%M%S") if meta else None
    return [
        int(rec["cluster_id"][:15], 16),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else None,
        *_actor(first(rec["actor"])),
        *_actor(first(rec["recipient"])),
        int(lead_end == 0 or rec["evidence"]["start"] < lead_end),
        code.code if code else None, code.code if code else None, code.root if code else None,
        code.quad if code else None,
        None,  # GoldsteinScale
        rec["mentions"], rec["sources"], rec["sources"],
        None,  # AvgTone
        *[None] * 24,  # Actor1Geo_*, Actor2Geo_*, ActionGeo_*
        added,
        meta.get("url") or meta.get("source"),
    ]


@exporters.register("gdelt")
def export_gdelt(store: Store, path: Path, **filters: Any) -> int:
    """Write one GDELT row per (filtered) cluster; return the number of rows."""
    meta = store.article_meta()
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        for rec in store.events(clusters=True, **filters):
            f.write(tsv_line(row(rec, meta.get(rec["article_id"], {}))))
            n += 1
    return n

"""ICEWS-style TSV: the 20 columns of the ICEWS coded event files, a header, one row per mention.

``Event ID`` is ``article_id:event id``; ``Event Text`` the PLOVER type (``AID/military``);
``CAMEO Code`` its CAMEO root read backwards (``070``); ``Source``/``Target Name`` the
entity texts, ``Sectors`` the PLOVER sectors, ``Country`` the codes that are countries
(several joined by ``;``); ``Story ID`` the article id; ``Publisher`` the article's URL or
source. ``Intensity``, ``Sentence Number`` and geography are empty. Three columns follow
the ICEWS ones: ``Cluster ID``, ``Negated`` (0/1) and ``Modality``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tidende.export.common import cameo, countries, write_mentions_tsv
from tidende.registry import exporters
from tidende.store.sqlite import Store

COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude", "Cluster ID", "Negated", "Modality",
]


def _side(actors: list[dict[str, Any]]) -> list[str]:
    return [";".join(a["entity_text"] for a in actors), ";".join(a.get("sector") or "" for a in actors),
            ";".join(a["code"] for a in actors if a["code"] in countries())]


def row(rec: dict[str, Any], meta: dict[str, Any]) -> list[Any]:
    """The columns of one mention record."""
    code = cameo(rec["event"], rec.get("mode"))
    return [
        f"{rec['article_id']}:{rec['id']}", rec.get("date"), *_side(rec["actor"]),
        rec["event"] + (f"/{rec['mode']}" if rec.get("mode") else ""), code.code if code else None, None,
        *_side(rec["recipient"]), rec["article_id"], None, meta.get("url") or meta.get("source"),
        None, None, None, None, None, None, rec["cluster_id"], rec["negated"], rec["modality"],
    ]


@exporters.register("icews")
def export_icews(store: Store, path: Path, **filters: Any) -> int:
    """Write the header and one row per (filtered) mention; return the number of rows."""
    return write_mentions_tsv(store, path, COLUMNS, row, **filters)

"""Cross-article de-duplication: mentions of the same happening share a cluster.

A cluster keeps the features of its first mention (its *leader*); a new mention joins
the most similar cluster whose leader has the same type, negation and modality,
overlapping actor and recipient codes, a compatible date (one day range contains the
other: ``2024-04-15`` fits ``2024-04`` and ``2024-W16``) and, within one language,
similar evidence. Comparing with the leader only keeps clusters from chaining
(A~B, B~C, A≁C) and lets members come and go without re-clustering the rest. The
cluster id is a hash of the leader's ``article_id``/``event id`` key, so it does not
change as articles arrive; a cluster is dropped when its last mention is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import sqlite3
from collections.abc import Iterable

from tidende.records import DocDate, Event

#: Least Jaccard overlap of evidence words for two mentions in the same language.
MIN_SIMILARITY = 0.2
_WORD = re.compile(r"\w{3,}")


def date_range(value: str | None) -> tuple[str, str] | None:
    """First and last ISO day of ``2024``, ``2024-04``, ``2024-W16``, ``2024-04-15`` or ``a/b``; None if unknown."""
    if not value:
        return None
    if "/" in value:
        lo, hi = (date_range(v) for v in value.split("/", 1))
        return (lo[0], hi[1]) if lo and hi else None
    try:
        if "-W" in value:
            year, week = value.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        d = DocDate.parse(value)
    except ValueError:
        return None
    v = d.value
    if d.precision == "year":
        return f"{v.year:04d}-01-01", f"{v.year:04d}-12-31"
    if d.precision == "month":
        last = calendar.monthrange(v.year, v.month)[1]
        return v.isoformat(), v.replace(day=last).isoformat()
    return v.isoformat(), v.isoformat()


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of the lower-cased words (3+ letters) of two evidence texts."""
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(wa & wb) / len(wa | wb) if wa | wb else 1.0


def _overlap(a: set[str], b: set[str]) -> bool:
    return bool(a & b) or not (a or b)


def _codes(value: str) -> set[str]:
    return set(value.split())


def _new_id(conn: sqlite3.Connection, article_id: str, event_id: str) -> str:
    key, n = f"{article_id}\t{event_id}", 0
    while True:
        cid = hashlib.sha256((key if n == 0 else f"{key}\t{n}").encode("utf-8")).hexdigest()[:16]
        if conn.execute("SELECT 1 FROM clusters WHERE id = ?", (cid,)).fetchone() is None:
            return cid
        n += 1


def assign(conn: sqlite3.Connection, article_id: str, lang: str, article_date: str | None, event: Event) -> str:
    """The id of the cluster ``event`` joins, creating one if none matches (in the caller's transaction)."""
    span = date_range(event.date) or date_range(article_date)
    actors = {a.code for a in event.actor}
    recipients = {r.code for r in event.recipient}
    base = "SELECT id, actor_codes, recipient_codes, lang, evidence FROM clusters WHERE event = ? AND negated = ? " \
           "AND modality = ? AND "
    params: list[object] = [event.event, int(event.negated), event.modality]
    if span is None:
        rows = conn.execute(base + "date_lo IS NULL ORDER BY rowid", params)
    else:
        rows = conn.execute(base + "((date_lo <= ? AND date_hi >= ?) OR (date_lo >= ? AND date_hi <= ?)) "
                            "ORDER BY rowid", [*params, span[0], span[1], span[0], span[1]])
    best: tuple[float, str] | None = None
    for cid, actor_codes, recipient_codes, c_lang, evidence in rows:
        if not (_overlap(actors, _codes(actor_codes)) and _overlap(recipients, _codes(recipient_codes))):
            continue
        sim = similarity(event.evidence.text, evidence)
        if c_lang == lang and sim < MIN_SIMILARITY:
            continue
        if best is None or sim > best[0]:
            best = (sim, cid)
    if best is not None:
        return best[1]
    cid = _new_id(conn, article_id, event.id)
    conn.execute(
        "INSERT INTO clusters (id, event, negated, modality, actor_codes, recipient_codes, date_lo, date_hi, lang, "
        "evidence, article_id, event_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (cid, event.event, int(event.negated), event.modality, " ".join(sorted(actors)), " ".join(sorted(recipients)),
         span[0] if span else None, span[1] if span else None, lang, event.evidence.text, article_id, event.id),
    )
    return cid


def prune(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Drop those of ``ids`` that no mention belongs to any more."""
    conn.executemany("DELETE FROM clusters WHERE id = ? AND NOT EXISTS (SELECT 1 FROM events WHERE cluster_id = ?)",
                     [(i, i) for i in ids])
